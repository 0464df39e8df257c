"""evplanner:forecastdemand: required public charge points per area for a target year."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSource,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ...compat import (
    FIELD_NUMERIC,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    NUMBER_INTEGER,
    PARAMETER_ADVANCED,
    SOURCE_POINT,
    SOURCE_POLYGON,
    FieldType,
)
from ...core.errors import CanceledError
from ...core.potential.forecast import (
    DEFAULT_EV_SHARE,
    DEFAULT_EVS_PER_PUBLIC_POINT,
    DEFAULT_PUBLIC_SHARE,
    DEFAULT_TARGET_YEAR,
    ForecastParameters,
    count_points_per_area,
    forecast,
)
from ..base import EvPlannerAlgorithm, tr_noop
from ..layers import (
    areas_of_points,
    choose_metric_crs,
    fields_with_results,
    numeric_values,
    progress_range,
    read_geometries,
    read_points,
    report_skipped,
    require_features,
    require_fields,
    require_geometry_type,
)
from ..parameters import advanced, metric_crs_parameter, number_parameter, share_parameter
from ..sinks import open_sink, write_batched
from ..styles import style_output

# Field of the common charge-point schema holding the number of EVSEs (charge points) per location.
DEFAULT_COUNT_FIELD = "evse_count"
# CBS StatLine 2024: about 9.2 million passenger cars for 8.2 million households in the Netherlands.
DEFAULT_CARS_PER_HOUSEHOLD = 1.1

OUTPUT_FIELDS = (
    "target_year",
    "cars",
    "evs",
    "public_evs",
    "required_points",
    "existing_points",
    "gap",
    "afir_kw",
)


class _Inputs(NamedTuple):
    areas: QgsFeatureSource
    cars_field: str
    households_field: str
    cars_per_household: float
    year: int
    settings: ForecastParameters
    charge_points: QgsFeatureSource | None
    count_field: str  # "" when each charge point counts as one
    crs: QgsCoordinateReferenceSystem  # the metric CRS points are located in


class ForecastDemandAlgorithm(EvPlannerAlgorithm):
    ALGORITHM_ID = "forecastdemand"
    GROUP_ID = "potential"
    DISPLAY_NAME = tr_noop("Forecast charge-point demand per area")

    AREAS = "AREAS"
    CARS_FIELD = "CARS_FIELD"
    HOUSEHOLDS_FIELD = "HOUSEHOLDS_FIELD"
    CARS_PER_HOUSEHOLD = "CARS_PER_HOUSEHOLD"
    TARGET_YEAR = "TARGET_YEAR"
    EV_SHARE = "EV_SHARE"
    PUBLIC_SHARE = "PUBLIC_SHARE"
    EVS_PER_PUBLIC_POINT = "EVS_PER_PUBLIC_POINT"
    CHARGE_POINTS = "CHARGE_POINTS"
    COUNT_FIELD = "COUNT_FIELD"
    CRS = "CRS"
    OUTPUT = "OUTPUT"
    TOTAL_EVS = "TOTAL_EVS"
    TOTAL_REQUIRED = "TOTAL_REQUIRED"
    TOTAL_EXISTING = "TOTAL_EXISTING"
    TOTAL_GAP = "TOTAL_GAP"

    def initAlgorithm(self, config=None) -> None:
        areas = QgsProcessingParameterFeatureSource(self.AREAS, self.tr("Areas (polygons)"), [SOURCE_POLYGON])
        areas.setHelp(self.tr("Polygons with car and/or household counts, e.g. CBS wijken or buurten."))
        cars = QgsProcessingParameterField(
            self.CARS_FIELD,
            self.tr("Cars field"),
            parentLayerParameterName=self.AREAS,
            type=FIELD_NUMERIC,
            optional=True,
        )
        cars.setHelp(
            self.tr(
                "Passenger cars per area (CBS: personenautos). Needed unless the households field is set."
            )
        )
        households = QgsProcessingParameterField(
            self.HOUSEHOLDS_FIELD,
            self.tr("Households field"),
            parentLayerParameterName=self.AREAS,
            type=FIELD_NUMERIC,
            optional=True,
        )
        households.setHelp(
            self.tr("Households per area (CBS: huishoudens); estimates cars when the cars field is not set.")
        )
        cars_per_household = advanced(
            share_parameter(
                self.CARS_PER_HOUSEHOLD,
                self.tr("Cars per household (only without a cars field)"),
                DEFAULT_CARS_PER_HOUSEHOLD,
                self.tr("Used only when the cars field is empty: cars = households x this."),
                maximum=None,
            )
        )
        year = QgsProcessingParameterNumber(
            self.TARGET_YEAR,
            self.tr("Target year"),
            NUMBER_INTEGER,
            defaultValue=DEFAULT_TARGET_YEAR,
            minValue=2000,
            maxValue=2100,
        )
        year.setHelp(
            self.tr("Year the forecast is for; choose the share of cars that are electric for that year.")
        )
        ev_share = share_parameter(
            self.EV_SHARE,
            self.tr("Share of cars that are electric (0-1)"),
            DEFAULT_EV_SHARE,
            self.tr("Fraction of passenger cars that are electric in the target year (0.2 = 20%)."),
        )
        public_share = share_parameter(
            self.PUBLIC_SHARE,
            self.tr("Share of EVs depending on public charging (0-1)"),
            DEFAULT_PUBLIC_SHARE,
            self.tr("Fraction of EVs without a private place to charge (no driveway)."),
        )
        per_point = number_parameter(
            self.EVS_PER_PUBLIC_POINT,
            self.tr("EVs per public charge point"),
            DEFAULT_EVS_PER_PUBLIC_POINT,
            self.tr("How many publicly charging EVs one public charge point (EVSE) serves."),
            decimals=1,
            minimum=0.01,
        )
        charge_points = QgsProcessingParameterFeatureSource(
            self.CHARGE_POINTS,
            self.tr("Existing charge points"),
            [SOURCE_POINT],
            optional=True,
        )
        charge_points.setHelp(self.tr("Existing public charge points (locations), counted per area."))
        count_field = QgsProcessingParameterField(
            self.COUNT_FIELD,
            self.tr("Charge points per location field"),
            defaultValue=DEFAULT_COUNT_FIELD,
            parentLayerParameterName=self.CHARGE_POINTS,
            type=FIELD_NUMERIC,
            optional=True,
        )
        count_field.setHelp(
            self.tr(
                "Number of charge points (EVSEs) per feature; when the layer lacks it, each feature counts 1."
            )
        )
        count_field.setFlags(count_field.flags() | PARAMETER_ADVANCED)
        crs = metric_crs_parameter(self.CRS)
        output = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Forecast per area"), SOURCE_POLYGON)
        output.setHelp(
            self.tr("The areas with evs, public_evs, required_points, existing_points, gap, afir_kw.")
        )
        for parameter in (
            areas,
            cars,
            households,
            cars_per_household,
            year,
            ev_share,
            public_share,
            per_point,
            charge_points,
            count_field,
            crs,
            output,
        ):
            self.addParameter(parameter)
        for name, label in (
            (self.TOTAL_EVS, self.tr("EVs in the target year")),
            (self.TOTAL_REQUIRED, self.tr("Required public charge points")),
            (self.TOTAL_EXISTING, self.tr("Existing charge points in the areas")),
            (self.TOTAL_GAP, self.tr("Charge points still to be placed")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def checkParameterValues(self, parameters, context):
        ok, message = super().checkParameterValues(parameters, context)
        if ok and not (
            self.parameterAsString(parameters, self.CARS_FIELD, context)
            or self.parameterAsString(parameters, self.HOUSEHOLDS_FIELD, context)
        ):
            return False, self.tr("Set CARS_FIELD, HOUSEHOLDS_FIELD or both.")
        return ok, message

    def run_algorithm(self, parameters, context, feedback):
        inputs = self._inputs(parameters, context, feedback)
        areas, cars = self._read_areas(inputs, context, feedback)
        existing = self._existing_per_area(inputs, areas, context, feedback)
        result = forecast(cars, existing, inputs.settings)
        feedback.setProgress(80)
        dest_id = self._write(parameters, context, feedback, inputs, areas, cars, result)
        style_output(context, dest_id, "forecast_areas")
        return {self.OUTPUT: dest_id, **self._totals(feedback, inputs.year, result, existing)}

    def _inputs(self, parameters, context, feedback) -> _Inputs:
        areas = require_features(self.parameterAsSource(parameters, self.AREAS, context), "AREAS")
        require_geometry_type(areas, GEOMETRY_POLYGON, "AREAS")
        cars_field = self.parameterAsString(parameters, self.CARS_FIELD, context)
        households_field = self.parameterAsString(parameters, self.HOUSEHOLDS_FIELD, context)
        require_fields(areas, [cars_field, households_field], "AREAS")
        settings = ForecastParameters(
            ev_share=self.parameterAsDouble(parameters, self.EV_SHARE, context),
            public_share=self.parameterAsDouble(parameters, self.PUBLIC_SHARE, context),
            evs_per_public_point=self.parameterAsDouble(parameters, self.EVS_PER_PUBLIC_POINT, context),
        )
        settings.validate()  # before anything is read
        charge_points = self.parameterAsSource(parameters, self.CHARGE_POINTS, context)
        count_field = self._count_field(parameters, context, feedback, charge_points)
        crs = choose_metric_crs(
            context, [areas, charge_points], self.parameterAsCrs(parameters, self.CRS, context), feedback
        )
        return _Inputs(
            areas,
            cars_field,
            households_field,
            self.parameterAsDouble(parameters, self.CARS_PER_HOUSEHOLD, context),
            self.parameterAsInt(parameters, self.TARGET_YEAR, context),
            settings,
            charge_points,
            count_field,
            crs,
        )

    def _count_field(self, parameters, context, feedback, charge_points) -> str:
        """COUNT_FIELD, or "" when each charge point counts as one (the default field is absent)."""
        count_field = self.parameterAsString(parameters, self.COUNT_FIELD, context)
        if charge_points is None:
            return count_field
        require_geometry_type(charge_points, GEOMETRY_POINT, "CHARGE_POINTS")
        if not count_field or charge_points.fields().lookupField(count_field) >= 0:
            return count_field
        if count_field != DEFAULT_COUNT_FIELD:
            require_fields(charge_points, [count_field], "CHARGE_POINTS")
        feedback.pushInfo(
            self.tr("CHARGE_POINTS has no field {field}: each feature counts as one point.").format(
                field=count_field
            )
        )
        return ""

    def _read_areas(self, inputs: _Inputs, context, feedback):
        """The areas in their own CRS (output geometries stay untouched) and their cars."""
        source = inputs.areas
        areas = read_geometries(
            source, source.sourceCrs(), context, progress_range(feedback, 0, 20), source.fields().names()
        )
        if feedback.isCanceled():
            raise CanceledError()
        report_skipped(feedback, "AREAS", areas.skipped)
        if not len(areas):
            raise QgsProcessingException(self.tr("The layer AREAS has no usable polygon."))
        values = {  # both are checked when both are given, though cars are then counted, not estimated
            field: numeric_values(areas.attributes[field], field, "AREAS")
            for field in (inputs.households_field, inputs.cars_field)
            if field
        }
        cars = values.get(inputs.cars_field)
        if cars is None:
            cars = values[inputs.households_field] * inputs.cars_per_household
        feedback.setProgress(20)
        return areas, cars

    def _existing_per_area(self, inputs: _Inputs, areas, context, feedback) -> np.ndarray:
        """Existing charge points (or their COUNT_FIELD) per area, located in the metric CRS."""
        if inputs.charge_points is None:
            return np.zeros(len(areas))
        count_field = inputs.count_field
        points = read_points(
            inputs.charge_points,
            inputs.crs,
            context,
            progress_range(feedback, 20, 40),
            [count_field] if count_field else [],
        )
        report_skipped(feedback, "CHARGE_POINTS", points.skipped)
        to_metric = QgsCoordinateTransform(inputs.areas.sourceCrs(), inputs.crs, context.transformContext())
        metric = [QgsGeometry(geometry) for geometry in areas.geometries]
        for geometry in metric:
            geometry.transform(to_metric)
        area_index = areas_of_points(points.xy, metric, feedback, 40, 70)
        outside = int((area_index < 0).sum())
        if outside:
            feedback.pushInfo(
                self.tr("{count} charge point location(s) lie outside every area.").format(count=outside)
            )
        weights = points.numeric(count_field, "CHARGE_POINTS") if count_field else None
        return count_points_per_area(area_index, len(areas), weights)

    def _write(self, parameters, context, feedback, inputs: _Inputs, areas, cars, result) -> str:
        source = inputs.areas
        fields, names = fields_with_results(source.fields(), _result_fields(), feedback, "AREAS")
        sink, dest_id = open_sink(
            self,
            parameters,
            self.OUTPUT,
            context,
            fields,
            QgsWkbTypes.multiType(source.wkbType()),
            source.sourceCrs(),
        )

        def features():
            for i, geometry in enumerate(areas.geometries):
                geometry.convertToMultiType()
                feature = QgsFeature(fields)
                feature.setGeometry(geometry)
                feature.setAttributes(
                    [areas.attributes[name][i] for name in names]
                    + [inputs.year, float(cars[i])]
                    + [
                        int(result[name][i]) if name == "required_points" else float(result[name][i])
                        for name in OUTPUT_FIELDS[2:]
                    ]
                )
                yield feature

        write_batched(sink, features(), len(areas), feedback, 80, 100)
        del sink  # close it so a GeoPackage is complete before its style is stored in it
        return dest_id

    def _totals(self, feedback, year: int, result, existing) -> dict:
        totals = {
            self.TOTAL_EVS: float(result["evs"].sum()),
            self.TOTAL_REQUIRED: int(result["required_points"].sum()),
            self.TOTAL_EXISTING: float(existing.sum()),
            self.TOTAL_GAP: float(result["gap"].sum()),
        }
        feedback.pushInfo(
            self.tr(
                "{year}: {evs:.0f} EVs, {required} public charge points required, {existing:.0f} existing, "
                "gap {gap:.0f}."
            ).format(
                year=year,
                evs=totals[self.TOTAL_EVS],
                required=totals[self.TOTAL_REQUIRED],
                existing=totals[self.TOTAL_EXISTING],
                gap=totals[self.TOTAL_GAP],
            )
        )
        return totals


def _result_fields() -> QgsFields:
    fields = QgsFields()
    fields.append(QgsField("target_year", FieldType.INT))
    for name in OUTPUT_FIELDS[1:]:
        fields.append(QgsField(name, FieldType.INT if name == "required_points" else FieldType.DOUBLE))
    return fields
