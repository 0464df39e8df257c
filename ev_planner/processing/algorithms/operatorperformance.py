"""evplanner:operatorperformance: per-operator figures, contract compliance and market concentration."""

from __future__ import annotations

from typing import Any

import pandas as pd
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsSpatialIndex,
)

from ...compat import (
    GEOMETRY_POLYGON,
    NO_GEOMETRY_CHECK,
    PARAMETER_ADVANCED,
    SOURCE_POINT,
    SOURCE_POLYGON,
    SOURCE_VECTOR,
    WKB_NO_GEOMETRY,
    FieldType,
)
from ...core.errors import CanceledError
from ...core.usage import operators as core_operators
from ..base import EvPlannerAlgorithm, tr_noop
from ..layers import representative_point, require_geometry_type
from ..parameters import number_parameter, percent_parameter
from ..sinks import add_features, plain
from ..styles import style_output
from ..usage_inputs import attribute_value

OUTPUT_FIELD_TYPES = {
    "area": FieldType.STRING,
    "operator": FieldType.STRING,
    "locations": FieldType.INT,
    "evses": FieldType.INT,
    "share_pct": FieldType.DOUBLE,
    "power_kw": FieldType.DOUBLE,
    "mean_power_kw": FieldType.DOUBLE,
    "availability_pct": FieldType.DOUBLE,
    "under_min_power": FieldType.INT,
    "over_max_tariff": FieldType.INT,
    "equivalents": FieldType.DOUBLE,
    "compliant": FieldType.BOOL,
    "compliance": FieldType.STRING,
    "hhi": FieldType.DOUBLE,
    "operators": FieldType.INT,
}
POINT_FIELDS = ("operator", "evse_count", "max_power_kw", "availability_pct", "price_kwh")


class OperatorPerformanceAlgorithm(EvPlannerAlgorithm):
    ALGORITHM_ID = "operatorperformance"
    GROUP_ID = "usage"
    DISPLAY_NAME = tr_noop("Operator performance and market concentration")

    CHARGE_POINTS = "CHARGE_POINTS"
    AREA = "AREA"
    AREA_FIELD = "AREA_FIELD"
    MAX_TARIFF_EUR_KWH = "MAX_TARIFF_EUR_KWH"
    MIN_POWER_KW = "MIN_POWER_KW"
    MIN_AVAILABILITY_PCT = "MIN_AVAILABILITY_PCT"
    OUTPUT = "OUTPUT"
    HHI = "HHI"
    OPERATORS = "OPERATORS"
    EQUIVALENTS = "EQUIVALENTS"
    NON_COMPLIANT = "NON_COMPLIANT"

    def initAlgorithm(self, config=None) -> None:
        points = QgsProcessingParameterFeatureSource(
            self.CHARGE_POINTS, self.tr("Charge points (common schema)"), [SOURCE_POINT]
        )
        points.setHelp(
            self.tr(
                "Charge points with operator, evse_count and max_power_kw; availability_pct (from Usage "
                "KPIs) and price_kwh (from Load charge points (OCPI) with tariffs) are used when present."
            )
        )
        area = QgsProcessingParameterFeatureSource(
            self.AREA, self.tr("Area"), [SOURCE_POLYGON], optional=True
        )
        area.setHelp(self.tr("Only charge points inside these polygons count (default: all)."))
        area_field = QgsProcessingParameterField(
            self.AREA_FIELD, self.tr("Area name field"), parentLayerParameterName=self.AREA, optional=True
        )
        area_field.setHelp(
            self.tr(
                "Give figures per area (e.g. per district) named by this field instead of for all areas together."
            )
        )
        max_tariff = number_parameter(
            self.MAX_TARIFF_EUR_KWH,
            self.tr("Maximum tariff (EUR/kWh incl. VAT)"),
            None,
            self.tr("The maximum energy price of the contract; empty: not checked."),
            decimals=2,  # euro cents
        )
        min_power = number_parameter(
            self.MIN_POWER_KW,
            self.tr("Minimum power (kW)"),
            None,
            self.tr("The minimum charging power per point of the contract; empty: not checked."),
            decimals=1,  # 3.7, 7.4, 11 and 22 kW are the usual steps
        )
        min_availability = percent_parameter(
            self.MIN_AVAILABILITY_PCT,
            self.tr("Minimum availability (%)"),
            self.tr("The minimum availability (uptime) of the contract; empty: not checked."),
        )
        for parameter in (points, area, max_tariff, min_power, min_availability):
            self.addParameter(parameter)
        area_field.setFlags(area_field.flags() | PARAMETER_ADVANCED)
        self.addParameter(area_field)
        output = QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Operator performance"), SOURCE_VECTOR
        )
        output.setHelp(
            self.tr(
                "A table, one row per operator (and area): locations, evses, share_pct, power_kw, mean_power_kw, "
                "availability_pct, under_min_power, over_max_tariff, equivalents, compliant, compliance, hhi "
                "and operators."
            )
        )
        self.addParameter(output)
        for name, label in (
            (self.HHI, self.tr("Herfindahl-Hirschman index (all charge points considered)")),
            (self.OPERATORS, self.tr("Number of operators")),
            (self.EQUIVALENTS, self.tr("Flemish charge-point equivalents")),
            (self.NON_COMPLIANT, self.tr("Operators not compliant")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def _optional_number(self, parameters, name, context) -> float | None:
        # parameterAsDouble gives 0 for an unset optional number; "not set" (clause not
        # checked) must differ from 0, so look at presence first, then read it properly.
        value = parameters.get(name) if isinstance(parameters, dict) else None
        if value is None or value == "" or (hasattr(value, "isNull") and value.isNull()):
            return None
        return self.parameterAsDouble(parameters, name, context)

    def _areas(self, parameters, context, feedback, crs):
        """Area polygons in the points' CRS with their names, and a spatial index over them."""
        source = self.parameterAsSource(parameters, self.AREA, context)
        if source is None:
            return None
        require_geometry_type(source, GEOMETRY_POLYGON, self.tr("Area"))
        name_field = self.parameterAsString(parameters, self.AREA_FIELD, context)
        name_index = source.fields().lookupField(name_field) if name_field else -1
        transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
        geometries: dict[int, QgsGeometry] = {}
        names: dict[int, str] = {}
        index = QgsSpatialIndex()
        request = QgsFeatureRequest().setInvalidGeometryCheck(NO_GEOMETRY_CHECK)
        for feature in source.getFeatures(request):
            geometry = QgsGeometry(feature.geometry())
            if geometry.isNull() or geometry.isEmpty():
                continue
            if not geometry.isGeosValid():
                geometry = geometry.makeValid()
            geometry.transform(transform)
            geometries[feature.id()] = geometry
            value = attribute_value(feature.attribute(name_index)) if name_index >= 0 else None
            names[feature.id()] = "" if name_index < 0 else ("" if value is None else str(value))
            probe = QgsFeature(feature.id())
            probe.setGeometry(geometry)
            index.addFeature(probe)
        if not geometries:
            raise QgsProcessingException(self.tr("The area layer has no polygons."))
        return geometries, names, index

    def run_algorithm(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ):
        source = self.parameterAsSource(parameters, self.CHARGE_POINTS, context)
        if source is None:
            raise QgsProcessingException(self.tr("The charge point layer could not be opened."))
        if source.fields().lookupField("operator") < 0:
            raise QgsProcessingException(
                self.tr("The charge point layer has no field operator (common schema).")
            )
        areas = self._areas(parameters, context, feedback, source.sourceCrs())
        points = self._points(source, areas, feedback)
        limits = core_operators.Limits(
            max_tariff_eur_kwh=self._optional_number(parameters, self.MAX_TARIFF_EUR_KWH, context),
            min_power_kw=self._optional_number(parameters, self.MIN_POWER_KW, context),
            min_availability_pct=self._optional_number(parameters, self.MIN_AVAILABILITY_PCT, context),
        )
        result = core_operators.operator_performance(points, limits)
        self._report(result, feedback)
        dest_id = self._write(parameters, context, source, result.table)
        style_output(context, dest_id, "operator_performance")
        overall = core_operators.overall_figures(points, limits)
        feedback.setProgress(100)
        return {
            self.OUTPUT: dest_id,
            self.HHI: overall.hhi,
            self.OPERATORS: overall.operators,
            self.EQUIVALENTS: overall.equivalents,
            self.NON_COMPLIANT: int((~result.table["compliant"]).sum()),
        }

    def _points(self, source, areas, feedback) -> pd.DataFrame:
        """The point fields the figures use, with the area each point is in (points outside are left out)."""
        present = [name for name in POINT_FIELDS if source.fields().lookupField(name) >= 0]
        for name in ("availability_pct", "price_kwh"):
            if name not in present:
                feedback.pushInfo(self.tr("The charge points have no {field}.").format(field=name))
        rows: dict[str, list] = {name: [] for name in POINT_FIELDS}
        rows["area"] = []
        outside = 0
        total = max(source.featureCount(), 1)
        indexes = {name: source.fields().lookupField(name) for name in present}
        for n, feature in enumerate(source.getFeatures()):
            if n % 1000 == 0:
                if feedback.isCanceled():
                    raise CanceledError()
                feedback.setProgress(80.0 * n / total)
            area_name = "" if areas is None else self._area_of(feature, areas)
            if area_name is None:
                outside += 1
                continue
            rows["area"].append(area_name)
            for name in POINT_FIELDS:
                rows[name].append(
                    attribute_value(feature.attribute(indexes[name])) if name in indexes else None
                )
        if outside:
            feedback.pushInfo(
                self.tr("{count} charge point(s) outside the area are not counted.").format(count=outside)
            )
        points = pd.DataFrame(rows)
        for name, count in core_operators.coerce_numbers(points).items():
            feedback.reportError(
                self.tr("{count} value(s) of {field} are not numbers and count as unknown.").format(
                    count=count, field=name
                ),
                False,
            )
        return points

    @staticmethod
    def _area_of(feature, areas) -> str | None:
        """The name of the (first) area the point is in; None outside every area."""
        geometries, names, index = areas
        point = representative_point(feature.geometry())
        hits = [] if point is None else index.intersects(point.boundingBox())
        inside = [fid for fid in hits if geometries[fid].intersects(point)]
        return names[min(inside)] if inside else None

    def _report(self, result: core_operators.OperatorResult, feedback) -> None:
        not_checked_texts = {
            core_operators.FLAG_POWER: self.tr("minimum power"),
            core_operators.FLAG_TARIFF: self.tr("maximum tariff"),
            core_operators.FLAG_AVAILABILITY: self.tr("minimum availability"),
        }
        for flag, why in result.not_checked.items():
            feedback.pushWarning(
                self.tr("Not checked: {clause} ({why}).").format(clause=not_checked_texts[flag], why=why)
            )
        if result.unknown_power:
            feedback.pushWarning(
                self.tr(
                    "{count} charge point(s) without max_power_kw count as <= 22 kW (1 equivalent per EVSE)."
                ).format(count=result.unknown_power)
            )
        for area in result.areas.itertuples(index=False):
            feedback.pushInfo(
                self.tr(
                    "{area}: {operators} operator(s), HHI {hhi:.0f}, {evses:.0f} EVSEs, {equivalents:.0f} "
                    "charge-point equivalents."
                ).format(
                    area=area.area or self.tr("All charge points"),
                    operators=area.operators,
                    hhi=area.hhi,
                    evses=area.evses,
                    equivalents=area.equivalents,
                )
            )

    def _write(self, parameters, context, source, table: pd.DataFrame) -> str:
        fields = QgsFields()
        for name, kind in OUTPUT_FIELD_TYPES.items():
            fields.append(QgsField(name, kind))
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, WKB_NO_GEOMETRY, source.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        batch = []
        for record in table.itertuples(index=False):
            feature = QgsFeature(fields)
            values = [plain(getattr(record, name)) for name in OUTPUT_FIELD_TYPES]
            values[0] = values[0] or None  # no AREA_FIELD: the area column stays empty
            feature.setAttributes(values)
            batch.append(feature)
        add_features(sink, batch)
        return dest_id
