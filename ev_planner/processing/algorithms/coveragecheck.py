"""evplanner:coveragecheck: NAL white spots on the national grid and demand within walking distance."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
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
    PARAMETER_ADVANCED,
    SOURCE_POINT,
    SOURCE_POLYGON,
    WKB_POLYGON,
    FieldType,
)
from ...core.potential.coverage import (
    DEFAULT_CELL_SIZE,
    DEFAULT_MIN_HOUSEHOLDS,
    DEFAULT_RADIUS,
    coverage_grid,
    polygon_demand_points,
)
from ..base import EvPlannerAlgorithm, tr_noop
from ..layers import (
    choose_metric_crs,
    numeric_values,
    polygons_with_owners,
    progress_range,
    read_geometries,
    read_points,
    report_skipped,
    representative_point,
    require_features,
    require_fields,
)
from ..network import distance_measure, distance_method_parameters, report_attachment
from ..styles import style_output

# Polygon demand is sampled this many times per cell side (or per radius, whichever is smaller).
SAMPLES_PER_LENGTH = 10
MIN_SAMPLE_SPACING = 5.0


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
        cell_size = QgsProcessingParameterNumber(
            self.CELL_SIZE,
            self.tr("Cell size (m)"),
            NUMBER_DOUBLE,
            defaultValue=DEFAULT_CELL_SIZE,
            minValue=1.0,
        )
        cell_size.setHelp(self.tr("Side of the square cells, aligned to multiples of it (NAL/CBS: 500 m)."))
        min_households = QgsProcessingParameterNumber(
            self.MIN_HOUSEHOLDS,
            self.tr("Minimum households for a cell to need a charge point"),
            NUMBER_DOUBLE,
            defaultValue=DEFAULT_MIN_HOUSEHOLDS,
            minValue=0.0,
        )
        min_households.setHelp(self.tr("NAL rule: cells with at least 125 households need a charge point."))
        radius = QgsProcessingParameterNumber(
            self.RADIUS,
            self.tr("Walking distance (m)"),
            NUMBER_DOUBLE,
            defaultValue=DEFAULT_RADIUS,
            minValue=0.0,
        )
        radius.setHelp(self.tr("Demand with a charge point within this distance counts as served (250 m)."))
        crs = QgsProcessingParameterCrs(self.CRS, self.tr("Grid CRS"), optional=True)
        crs.setHelp(
            self.tr(
                "Metric CRS of the grid; by default RD New (EPSG:28992) in the Netherlands, EPSG:31370 in Belgium."
            )
        )
        crs.setFlags(crs.flags() | PARAMETER_ADVANCED)
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

    def run_algorithm(self, parameters, context, feedback):
        demand_source = require_features(self.parameterAsSource(parameters, self.DEMAND, context), "DEMAND")
        charge_source = self.parameterAsSource(parameters, self.CHARGE_POINTS, context)
        if charge_source is None:
            raise QgsProcessingException(self.tr("The layer CHARGE_POINTS could not be opened."))
        if QgsWkbTypes.geometryType(charge_source.wkbType()) != GEOMETRY_POINT:
            raise QgsProcessingException(self.tr("The layer CHARGE_POINTS must hold points."))
        demand_kind = QgsWkbTypes.geometryType(demand_source.wkbType())
        if demand_kind not in (GEOMETRY_POINT, GEOMETRY_POLYGON):
            raise QgsProcessingException(self.tr("The layer DEMAND must hold points or polygons."))
        demand_field = self.parameterAsString(parameters, self.DEMAND_FIELD, context)
        if demand_kind == GEOMETRY_POLYGON and not demand_field:
            raise QgsProcessingException(self.tr("Polygon demand needs a households field (DEMAND_FIELD)."))
        if demand_field:
            require_fields(demand_source, [demand_field], "DEMAND")
        cell_size = self.parameterAsDouble(parameters, self.CELL_SIZE, context)
        min_households = self.parameterAsDouble(parameters, self.MIN_HOUSEHOLDS, context)
        radius = self.parameterAsDouble(parameters, self.RADIUS, context)
        crs = self._grid_crs(parameters, context, feedback, demand_source, charge_source)

        if demand_kind == GEOMETRY_POINT:
            points = read_points(
                demand_source,
                crs,
                context,
                progress_range(feedback, 0, 40),
                [demand_field] if demand_field else [],
            )
            report_skipped(feedback, "DEMAND", points.skipped)
            demand_xy = points.xy
            demand = points.numeric(demand_field, "DEMAND") if demand_field else None
        else:
            demand_xy, demand = self._polygon_demand(
                demand_source, demand_field, crs, context, feedback, cell_size, radius
            )
        if feedback.isCanceled():
            return {}
        if len(demand_xy) == 0:
            raise QgsProcessingException(self.tr("The layer DEMAND has no usable geometry."))
        feedback.setProgress(40)
        charge = read_points(charge_source, crs, context, progress_range(feedback, 40, 50))
        report_skipped(feedback, "CHARGE_POINTS", charge.skipped)
        if feedback.isCanceled():
            return {}
        feedback.setProgress(50)

        measure = distance_measure(self, parameters, context, feedback, crs, span=(50, 60))
        report_attachment(feedback, measure, demand_xy, "DEMAND", demand)
        result = coverage_grid(demand_xy, demand, charge.xy, cell_size, min_households, radius, measure)
        feedback.setProgress(70)

        fields = QgsFields()
        for name, kind in (
            ("cell_id", FieldType.STRING),
            ("households", FieldType.DOUBLE),
            ("charge_points", FieldType.INT),
            ("covered", FieldType.INT),
            ("white_spot", FieldType.INT),
            ("households_within_radius", FieldType.DOUBLE),
            ("pct_within_radius", FieldType.DOUBLE),
        ):
            fields.append(QgsField(name, kind))
        output_crs = demand_source.sourceCrs()
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, WKB_POLYGON, output_crs
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        back = QgsCoordinateTransform(crs, output_crs, context.transformContext())
        n_cells = len(result.ix)
        for i in range(n_cells):
            if i % 1000 == 0:
                if feedback.isCanceled():
                    return {}
                feedback.setProgress(70 + 30 * i / max(n_cells, 1))
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
                    households,
                    int(result.charge_points[i]),
                    int(result.covered[i]),
                    int(result.white_spot[i]),
                    reached,
                    100.0 * reached / households if households > 0 else None,
                ]
            )
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        # Close the sink so a GeoPackage is complete before its style is stored in it.
        del sink
        style_output(context, dest_id, "coverage_cells")
        totals = result.totals
        feedback.pushInfo(
            self.tr(
                "{covered} of {qualifying} cells with at least {minimum:g} households have a charge point "
                "({pct:.1f}%); {white} white spot(s)."
            ).format(
                covered=totals["cells_covered"],
                qualifying=totals["cells_qualifying"],
                minimum=min_households,
                pct=totals["coverage_pct"],
                white=totals["white_spots"],
            )
        )
        if measure.walking:
            served = self.tr("{pct:.1f}% of the households have a charge point within {radius:g} m walking.")
        else:
            served = self.tr("{pct:.1f}% of the households have a charge point within {radius:g} m.")
        feedback.pushInfo(served.format(pct=totals["demand_within_radius_pct"], radius=radius))
        return {
            self.OUTPUT: dest_id,
            self.DEMAND_TOTAL: totals["demand_total"],
            self.DEMAND_WITHIN_RADIUS: totals["demand_within_radius"],
            self.DEMAND_WITHIN_RADIUS_PCT: totals["demand_within_radius_pct"],
            self.CELLS_WITH_DEMAND: totals["cells_with_demand"],
            self.CELLS_QUALIFYING: totals["cells_qualifying"],
            self.CELLS_COVERED: totals["cells_covered"],
            self.WHITE_SPOTS: totals["white_spots"],
            self.COVERAGE_PCT: totals["coverage_pct"],
        }

    def _grid_crs(self, parameters, context, feedback, *sources) -> QgsCoordinateReferenceSystem:
        # The NAL cells are those of the national grid: the project CRS is not used here.
        override = self.parameterAsCrs(parameters, self.CRS, context)
        return choose_metric_crs(context, sources, override, feedback, use_project=False)

    def _polygon_demand(self, source, field, crs, context, feedback, cell_size, radius):
        areas = read_geometries(source, crs, context, progress_range(feedback, 0, 20), [field])
        report_skipped(feedback, "DEMAND", areas.skipped)
        if areas.repaired:
            feedback.pushWarning(
                self.tr("{layer}: {count} invalid geometries repaired.").format(
                    layer="DEMAND", count=areas.repaired
                )
            )
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
