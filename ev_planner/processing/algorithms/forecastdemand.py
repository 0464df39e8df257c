"""evplanner:forecastdemand: required public charge points per area for a target year."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
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
    NUMBER_DOUBLE,
    NUMBER_INTEGER,
    PARAMETER_ADVANCED,
    SOURCE_POINT,
    SOURCE_POLYGON,
    FieldType,
)
from ...core.errors import InputError
from ...core.potential.candidates import locate_points
from ...core.potential.forecast import (
    DEFAULT_EV_SHARE,
    DEFAULT_EVS_PER_PUBLIC_POINT,
    DEFAULT_PUBLIC_SHARE,
    DEFAULT_TARGET_YEAR,
    ForecastParameters,
    count_points_per_area,
    forecast,
)
from ...i18n import translate_message
from ..base import EvPlannerAlgorithm, tr_noop
from ..layers import (
    choose_metric_crs,
    core_progress,
    fields_with_results,
    numeric_values,
    polygons_with_owners,
    progress_range,
    read_geometries,
    read_points,
    report_skipped,
    require_features,
    require_fields,
    require_geometry_type,
)
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
            self.tr("Passenger cars per area (CBS: personenautos). Needed unless HOUSEHOLDS_FIELD is set.")
        )
        households = QgsProcessingParameterField(
            self.HOUSEHOLDS_FIELD,
            self.tr("Households field"),
            parentLayerParameterName=self.AREAS,
            type=FIELD_NUMERIC,
            optional=True,
        )
        households.setHelp(
            self.tr("Households per area (CBS: huishoudens); estimates cars when CARS_FIELD is not set.")
        )
        cars_per_household = QgsProcessingParameterNumber(
            self.CARS_PER_HOUSEHOLD,
            self.tr("Cars per household (only without a cars field)"),
            NUMBER_DOUBLE,
            defaultValue=DEFAULT_CARS_PER_HOUSEHOLD,
            minValue=0.0,
        )
        cars_per_household.setHelp(self.tr("Used only when CARS_FIELD is empty: cars = households x this."))
        cars_per_household.setFlags(cars_per_household.flags() | PARAMETER_ADVANCED)
        year = QgsProcessingParameterNumber(
            self.TARGET_YEAR,
            self.tr("Target year"),
            NUMBER_INTEGER,
            defaultValue=DEFAULT_TARGET_YEAR,
            minValue=2000,
            maxValue=2100,
        )
        year.setHelp(self.tr("Year the forecast is for; choose EV_SHARE for that year."))
        ev_share = QgsProcessingParameterNumber(
            self.EV_SHARE,
            self.tr("Share of cars that are electric (0-1)"),
            NUMBER_DOUBLE,
            defaultValue=DEFAULT_EV_SHARE,
            minValue=0.0,
            maxValue=1.0,
        )
        ev_share.setHelp(
            self.tr("Fraction of passenger cars that are electric in the target year (0.2 = 20%).")
        )
        public_share = QgsProcessingParameterNumber(
            self.PUBLIC_SHARE,
            self.tr("Share of EVs depending on public charging (0-1)"),
            NUMBER_DOUBLE,
            defaultValue=DEFAULT_PUBLIC_SHARE,
            minValue=0.0,
            maxValue=1.0,
        )
        public_share.setHelp(self.tr("Fraction of EVs without a private place to charge (no driveway)."))
        per_point = QgsProcessingParameterNumber(
            self.EVS_PER_PUBLIC_POINT,
            self.tr("EVs per public charge point"),
            NUMBER_DOUBLE,
            defaultValue=DEFAULT_EVS_PER_PUBLIC_POINT,
            minValue=0.01,
        )
        per_point.setHelp(self.tr("How many publicly charging EVs one public charge point (EVSE) serves."))
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
        crs = QgsProcessingParameterCrs(self.CRS, self.tr("Metric CRS for measuring"), optional=True)
        crs.setHelp(
            self.tr("Projected CRS in metres; by default chosen from the data (RD New in the Netherlands).")
        )
        crs.setFlags(crs.flags() | PARAMETER_ADVANCED)
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

    def run_algorithm(self, parameters, context, feedback):
        areas_source = require_features(self.parameterAsSource(parameters, self.AREAS, context), "AREAS")
        require_geometry_type(areas_source, GEOMETRY_POLYGON, "AREAS")
        cars_field = self.parameterAsString(parameters, self.CARS_FIELD, context)
        households_field = self.parameterAsString(parameters, self.HOUSEHOLDS_FIELD, context)
        if not cars_field and not households_field:
            raise QgsProcessingException(self.tr("Set CARS_FIELD, HOUSEHOLDS_FIELD or both."))
        require_fields(areas_source, [cars_field, households_field], "AREAS")
        settings = ForecastParameters(
            ev_share=self.parameterAsDouble(parameters, self.EV_SHARE, context),
            public_share=self.parameterAsDouble(parameters, self.PUBLIC_SHARE, context),
            evs_per_public_point=self.parameterAsDouble(parameters, self.EVS_PER_PUBLIC_POINT, context),
        )
        try:
            settings.validate()
        except InputError as error:
            raise QgsProcessingException(translate_message(error)) from None
        year = self.parameterAsInt(parameters, self.TARGET_YEAR, context)
        cars_per_household = self.parameterAsDouble(parameters, self.CARS_PER_HOUSEHOLD, context)
        charge_source = self.parameterAsSource(parameters, self.CHARGE_POINTS, context)
        count_field = self.parameterAsString(parameters, self.COUNT_FIELD, context)
        if charge_source is not None:
            require_geometry_type(charge_source, GEOMETRY_POINT, "CHARGE_POINTS")
            if count_field and charge_source.fields().lookupField(count_field) < 0:
                if count_field != DEFAULT_COUNT_FIELD:
                    require_fields(charge_source, [count_field], "CHARGE_POINTS")
                feedback.pushInfo(
                    self.tr("CHARGE_POINTS has no field {field}: each feature counts as one point.").format(
                        field=count_field
                    )
                )
                count_field = ""
        crs = choose_metric_crs(
            context,
            [areas_source, charge_source],
            self.parameterAsCrs(parameters, self.CRS, context),
            feedback,
        )

        # Read in the layer's own CRS (output geometries stay untouched) and measure on metric copies.
        areas = read_geometries(
            areas_source,
            areas_source.sourceCrs(),
            context,
            progress_range(feedback, 0, 20),
            areas_source.fields().names(),
        )
        if feedback.isCanceled():
            return {}
        report_skipped(feedback, "AREAS", areas.skipped)
        if not len(areas):
            raise QgsProcessingException(self.tr("The layer AREAS has no usable polygon."))
        if households_field:
            households = numeric_values(areas.attributes[households_field], households_field, "AREAS")
        if cars_field:
            cars = numeric_values(areas.attributes[cars_field], cars_field, "AREAS")
        else:
            cars = households * cars_per_household
        feedback.setProgress(20)

        existing = np.zeros(len(areas))
        if charge_source is not None:
            points = read_points(
                charge_source,
                crs,
                context,
                progress_range(feedback, 20, 40),
                [count_field] if count_field else [],
            )
            report_skipped(feedback, "CHARGE_POINTS", points.skipped)
            to_metric = QgsCoordinateTransform(areas_source.sourceCrs(), crs, context.transformContext())
            metric = [QgsGeometry(geometry) for geometry in areas.geometries]
            for geometry in metric:
                geometry.transform(to_metric)
            polygons, owners = polygons_with_owners(metric)
            part = locate_points(points.xy, polygons, core_progress(feedback, 40, 70))
            area_index = np.where(part >= 0, owners[np.maximum(part, 0)], -1)
            weights = points.numeric(count_field, "CHARGE_POINTS") if count_field else None
            existing = count_points_per_area(area_index, len(areas), weights)
            outside = int((area_index < 0).sum())
            if outside:
                feedback.pushInfo(
                    self.tr("{count} charge point location(s) lie outside every area.").format(count=outside)
                )
        result = forecast(cars, existing, settings)
        feedback.setProgress(80)

        new_fields = QgsFields()
        new_fields.append(QgsField("target_year", FieldType.INT))
        for name in OUTPUT_FIELDS[1:]:
            kind = FieldType.INT if name == "required_points" else FieldType.DOUBLE
            new_fields.append(QgsField(name, kind))
        fields, names = fields_with_results(areas_source.fields(), new_fields, feedback, "AREAS")
        sink, dest_id = self.parameterAsSink(
            parameters,
            self.OUTPUT,
            context,
            fields,
            QgsWkbTypes.multiType(areas_source.wkbType()),
            areas_source.sourceCrs(),
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for i, geometry in enumerate(areas.geometries):
            if feedback.isCanceled():
                return {}
            geometry.convertToMultiType()
            feature = QgsFeature(fields)
            feature.setGeometry(geometry)
            feature.setAttributes(
                [areas.attributes[name][i] for name in names]
                + [year, float(cars[i])]
                + [
                    int(result[name][i]) if name == "required_points" else float(result[name][i])
                    for name in OUTPUT_FIELDS[2:]
                ]
            )
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        feedback.setProgress(100)
        # Close the sink so a GeoPackage is complete before its style is stored in it.
        del sink
        style_output(context, dest_id, "forecast_areas")
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
        return {self.OUTPUT: dest_id, **totals}
