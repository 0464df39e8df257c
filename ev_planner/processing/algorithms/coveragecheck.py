"""evplanner:coveragecheck: NAL white spots on the national grid and demand within walking distance."""

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
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)

from ...compat import (
    FIELD_NUMERIC,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    SOURCE_POINT,
    SOURCE_POLYGON,
    WKB_POLYGON,
    FieldType,
)
from ...core.errors import CanceledError
from ...core.potential.coverage import (
    DEFAULT_CELL_SIZE,
    DEFAULT_MIN_HOUSEHOLDS,
    DEFAULT_RADIUS,
    coverage_grid,
    polygon_demand_points,
)
from ...core.potential.demand import DEMAND_DECIMALS, rounded_keeping_total
from ..base import EvPlannerAlgorithm, tr_noop
from ..layers import (
    choose_metric_crs,
    numeric_values,
    polygons_with_owners,
    progress_range,
    read_geometries,
    read_points,
    report_repaired,
    report_skipped,
    representative_point,
    require_features,
    require_fields,
)
from ..network import distance_measure, distance_method_parameters, report_attachment
from ..parameters import count_parameter, distance_parameter, metric_crs_parameter
from ..sinks import open_sink, write_batched
from ..styles import style_output

# Polygon demand is sampled this many times per cell side (or per radius, whichever is smaller).
SAMPLES_PER_LENGTH = 10
MIN_SAMPLE_SPACING = 5.0
CELL_FIELDS = (
    ("cell_id", FieldType.STRING),
    ("households", FieldType.DOUBLE),
    ("charge_points", FieldType.INT),
    ("covered", FieldType.INT),
    ("white_spot", FieldType.INT),
    ("households_within_radius", FieldType.DOUBLE),
    ("pct_within_radius", FieldType.DOUBLE),
)


class _Inputs(NamedTuple):
    demand: QgsFeatureSource
    demand_field: str  # "" when every demand point is one household
    charge_points: QgsFeatureSource
    cell_size: float
    min_households: float
    radius: float
    crs: QgsCoordinateReferenceSystem  # the metric CRS of the grid


class CoverageCheckAlgorithm(EvPlannerAlgorithm):
    ALGORITHM_ID = "coveragecheck"
    GROUP_ID = "potential"
    DISPLAY_NAME = tr_noop("Coverage check (white spots)")

    DEMAND = "DEMAND"
    DEMAND_FIELD = "DEMAND_FIELD"
    CHARGE_POINTS = "CHARGE_POINTS"
    CELL_SIZE = "CELL_SIZE"
    MIN_HOUSEHOLDS = "MIN_HOUSEHOLDS"
    RADIUS = "RADIUS"
    CRS = "CRS"
    OUTPUT = "OUTPUT"

    # Numeric outputs, readable by models and scripts.
    DEMAND_TOTAL = "DEMAND_TOTAL"
    DEMAND_WITHIN_RADIUS = "DEMAND_WITHIN_RADIUS"
    DEMAND_WITHIN_RADIUS_PCT = "DEMAND_WITHIN_RADIUS_PCT"
    CELLS_WITH_DEMAND = "CELLS_WITH_DEMAND"
    CELLS_QUALIFYING = "CELLS_QUALIFYING"
    CELLS_COVERED = "CELLS_COVERED"
    WHITE_SPOTS = "WHITE_SPOTS"
    COVERAGE_PCT = "COVERAGE_PCT"

    def initAlgorithm(self, config=None) -> None:
        demand = QgsProcessingParameterFeatureSource(
            self.DEMAND,
            self.tr("Demand (household points or polygons)"),
            [SOURCE_POINT, SOURCE_POLYGON],
        )
        demand.setHelp(
            self.tr(
                "Address or demand points (e.g. the output of distributedemand), or polygons with a "
                "household count (spread evenly over each polygon)."
            )
        )
        demand_field = QgsProcessingParameterField(
            self.DEMAND_FIELD,
            self.tr("Households field"),
            parentLayerParameterName=self.DEMAND,
            type=FIELD_NUMERIC,
            optional=True,
        )
        demand_field.setHelp(
            self.tr(
                "Households per feature; without it every point counts as one household. Required for polygons."
            )
        )
        charge_points = QgsProcessingParameterFeatureSource(
            self.CHARGE_POINTS, self.tr("Charge points"), [SOURCE_POINT]
        )
        charge_points.setHelp(self.tr("Existing (and, for a scenario, planned) public charge points."))
        cell_size = distance_parameter(
            self.CELL_SIZE,
            self.tr("Cell size (m)"),
            DEFAULT_CELL_SIZE,
            self.tr("Side of the square cells, aligned to multiples of it (NAL/CBS: 500 m)."),
            minimum=1.0,
        )
        min_households = count_parameter(
            self.MIN_HOUSEHOLDS,
            self.tr("Minimum households for a cell to need a charge point"),
            int(DEFAULT_MIN_HOUSEHOLDS),
            self.tr("NAL rule: cells with at least 125 households need a charge point."),
        )
        radius = distance_parameter(
            self.RADIUS,
            self.tr("Walking distance (m)"),
            DEFAULT_RADIUS,
            self.tr("Demand with a charge point within this distance counts as served (250 m)."),
        )
        crs = metric_crs_parameter(
            self.CRS,
            self.tr(
                "Metric CRS of the grid; by default RD New (EPSG:28992) in the Netherlands, EPSG:31370 in Belgium."
            ),
        )
        output = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Coverage cells"), SOURCE_POLYGON)
        output.setHelp(self.tr("Cells with households, charge_points, covered and white_spot."))
        for parameter in (
            demand,
            demand_field,
            charge_points,
            cell_size,
            min_households,
            radius,
            *distance_method_parameters(),
            crs,
            output,
        ):
            self.addParameter(parameter)
        for name, label in (
            (self.DEMAND_TOTAL, self.tr("Households in total")),
            (self.DEMAND_WITHIN_RADIUS, self.tr("Households with a charge point within the radius")),
            (self.DEMAND_WITHIN_RADIUS_PCT, self.tr("Share of households within the radius (%)")),
            (self.CELLS_WITH_DEMAND, self.tr("Cells with households")),
            (self.CELLS_QUALIFYING, self.tr("Cells with at least the minimum households")),
            (self.CELLS_COVERED, self.tr("Qualifying cells with a charge point")),
            (self.WHITE_SPOTS, self.tr("White spots")),
            (self.COVERAGE_PCT, self.tr("Qualifying cells covered (%)")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def checkParameterValues(self, parameters, context):
        ok, message = super().checkParameterValues(parameters, context)
        if not ok or self.parameterAsString(parameters, self.DEMAND_FIELD, context):
            return ok, message
        demand = self.parameterAsSource(parameters, self.DEMAND, context)
        if demand is not None and QgsWkbTypes.geometryType(demand.wkbType()) == GEOMETRY_POLYGON:
            return False, self.tr("Polygon demand needs a households field (DEMAND_FIELD).")
        return ok, message

    def run_algorithm(self, parameters, context, feedback):
        inputs = self._inputs(parameters, context, feedback)
        demand_xy, demand = self._read_demand(inputs, context, feedback)
        charge = read_points(inputs.charge_points, inputs.crs, context, progress_range(feedback, 40, 50))
        report_skipped(feedback, "CHARGE_POINTS", charge.skipped)
        if feedback.isCanceled():
            raise CanceledError()
        feedback.setProgress(50)
        measure = distance_measure(self, parameters, context, feedback, inputs.crs, span=(50, 60))
        report_attachment(feedback, measure, demand_xy, "DEMAND", demand)
        result = coverage_grid(
            demand_xy, demand, charge.xy, inputs.cell_size, inputs.min_households, inputs.radius, measure
        )
        feedback.setProgress(70)
        dest_id = self._write(parameters, context, feedback, inputs, result)
        style_output(context, dest_id, "coverage_cells")
        return {self.OUTPUT: dest_id, **self._totals(feedback, inputs, result.totals, measure)}

    def _inputs(self, parameters, context, feedback) -> _Inputs:
        demand = require_features(self.parameterAsSource(parameters, self.DEMAND, context), "DEMAND")
        charge_points = self.parameterAsSource(parameters, self.CHARGE_POINTS, context)
        if charge_points is None:
            raise QgsProcessingException(self.tr("The layer CHARGE_POINTS could not be opened."))
        if QgsWkbTypes.geometryType(charge_points.wkbType()) != GEOMETRY_POINT:
            raise QgsProcessingException(self.tr("The layer CHARGE_POINTS must hold points."))
        if QgsWkbTypes.geometryType(demand.wkbType()) not in (GEOMETRY_POINT, GEOMETRY_POLYGON):
            raise QgsProcessingException(self.tr("The layer DEMAND must hold points or polygons."))
        demand_field = self.parameterAsString(parameters, self.DEMAND_FIELD, context)
        if demand_field:
            require_fields(demand, [demand_field], "DEMAND")
        # The NAL cells are those of the national grid: the project CRS is not used here.
        crs = choose_metric_crs(
            context,
            [demand, charge_points],
            self.parameterAsCrs(parameters, self.CRS, context),
            feedback,
            use_project=False,
        )
        return _Inputs(
            demand,
            demand_field,
            charge_points,
            self.parameterAsDouble(parameters, self.CELL_SIZE, context),
            self.parameterAsDouble(parameters, self.MIN_HOUSEHOLDS, context),
            self.parameterAsDouble(parameters, self.RADIUS, context),
            crs,
        )

    def _read_demand(self, inputs: _Inputs, context, feedback):
        """Demand points in the grid CRS and their households (None: one each)."""
        source, field = inputs.demand, inputs.demand_field
        if QgsWkbTypes.geometryType(source.wkbType()) == GEOMETRY_POINT:
            points = read_points(
                source, inputs.crs, context, progress_range(feedback, 0, 40), [field] if field else []
            )
            report_skipped(feedback, "DEMAND", points.skipped)
            demand_xy = points.xy
            demand = points.numeric(field, "DEMAND") if field else None
        else:
            demand_xy, demand = self._polygon_demand(
                source, field, inputs.crs, context, feedback, inputs.cell_size, inputs.radius
            )
        if feedback.isCanceled():
            raise CanceledError()
        if len(demand_xy) == 0:
            raise QgsProcessingException(self.tr("The layer DEMAND has no usable geometry."))
        feedback.setProgress(40)
        return demand_xy, demand

    def _write(self, parameters, context, feedback, inputs: _Inputs, result) -> str:
        output_crs = inputs.demand.sourceCrs()
        fields = QgsFields()
        for name, kind in CELL_FIELDS:
            fields.append(QgsField(name, kind))
        sink, dest_id = open_sink(self, parameters, self.OUTPUT, context, fields, WKB_POLYGON, output_crs)
        back = QgsCoordinateTransform(inputs.crs, output_crs, context.transformContext())
        # Households to a tenth (they are shares of district totals), the cells still adding up
        # to the total; the share in percent to four decimals, like selectlocations' figures.
        shown_households = rounded_keeping_total(result.households, DEMAND_DECIMALS)
        shown_reached = np.round(result.within_radius, DEMAND_DECIMALS)

        def features():
            for i in range(len(result.ix)):
                ring = [QgsPointXY(x, y) for x, y in result.cell_polygon(i).tolist()]
                geometry = QgsGeometry.fromPolygonXY([ring])
                geometry.transform(back)
                households = float(result.households[i])
                reached = float(result.within_radius[i])
                feature = QgsFeature(fields)
                feature.setGeometry(geometry)
                feature.setAttributes(
                    [
                        result.cell_code(i),
                        float(shown_households[i]),
                        int(result.charge_points[i]),
                        int(result.covered[i]),
                        int(result.white_spot[i]),
                        float(shown_reached[i]),
                        round(100.0 * reached / households, 4) if households > 0 else None,
                    ]
                )
                yield feature

        write_batched(sink, features(), len(result.ix), feedback, 70, 100)
        del sink  # close it so a GeoPackage is complete before its style is stored in it
        return dest_id

    def _totals(self, feedback, inputs: _Inputs, totals: dict, measure) -> dict:
        feedback.pushInfo(
            self.tr(
                "{covered} of {qualifying} cells with at least {minimum:g} households have a charge point "
                "({pct:.1f}%); {white} white spot(s)."
            ).format(
                covered=totals["cells_covered"],
                qualifying=totals["cells_qualifying"],
                minimum=inputs.min_households,
                pct=totals["coverage_pct"],
                white=totals["white_spots"],
            )
        )
        if measure.walking:
            served = self.tr("{pct:.1f}% of the households have a charge point within {radius:g} m walking.")
        else:
            served = self.tr("{pct:.1f}% of the households have a charge point within {radius:g} m.")
        feedback.pushInfo(served.format(pct=totals["demand_within_radius_pct"], radius=inputs.radius))
        return {
            self.DEMAND_TOTAL: totals["demand_total"],
            self.DEMAND_WITHIN_RADIUS: totals["demand_within_radius"],
            self.DEMAND_WITHIN_RADIUS_PCT: totals["demand_within_radius_pct"],
            self.CELLS_WITH_DEMAND: totals["cells_with_demand"],
            self.CELLS_QUALIFYING: totals["cells_qualifying"],
            self.CELLS_COVERED: totals["cells_covered"],
            self.WHITE_SPOTS: totals["white_spots"],
            self.COVERAGE_PCT: totals["coverage_pct"],
        }

    def _polygon_demand(self, source, field, crs, context, feedback, cell_size, radius):
        areas = read_geometries(source, crs, context, progress_range(feedback, 0, 20), [field])
        report_skipped(feedback, "DEMAND", areas.skipped)
        report_repaired(feedback, "DEMAND", areas.repaired)
        if not len(areas):
            return np.empty((0, 2)), np.empty(0)
        values = numeric_values(areas.attributes[field], field, "DEMAND")
        polygons, owners = polygons_with_owners(areas.geometries)
        # Split each feature's value over its parts in proportion to their areas.
        part_area = np.array(
            [
                QgsGeometry.fromPolygonXY([[QgsPointXY(*p) for p in r] for r in poly]).area()
                for poly in polygons
            ]
        )
        feature_area = np.bincount(owners, weights=part_area, minlength=len(areas))
        with np.errstate(divide="ignore", invalid="ignore"):
            part_values = np.where(
                feature_area[owners] > 0, values[owners] * part_area / feature_area[owners], 0.0
            )
        fallback = []
        for poly in polygons:
            point = representative_point(
                QgsGeometry.fromPolygonXY([[QgsPointXY(*p) for p in r] for r in poly])
            )
            fallback.append(
                (point.asPoint().x(), point.asPoint().y()) if point is not None else tuple(poly[0][0])
            )
        length = min(cell_size, radius) if radius > 0 else cell_size
        spacing = max(length / SAMPLES_PER_LENGTH, MIN_SAMPLE_SPACING)
        feedback.pushInfo(
            self.tr("Polygon demand is spread evenly over each polygon, sampled every {spacing:g} m.").format(
                spacing=spacing
            )
        )
        return polygon_demand_points(polygons, part_values, spacing, np.array(fallback))
