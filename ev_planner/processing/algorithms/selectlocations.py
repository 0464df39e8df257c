"""evplanner:selectlocations: choose COUNT new sites that cover the most demand (MCLP)."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ...compat import (
    FIELD_NUMERIC,
    SOURCE_POINT,
    SOURCE_POLYGON,
    FieldType,
)
from ...core.dependencies import install_command
from ...core.errors import CanceledError
from ...core.potential.demand import DEMAND_DECIMALS
from ...core.potential.milp import highs_available
from ...core.potential.selection import DEFAULT_RADIUS, DEFAULT_TIME_LIMIT, METHODS, select_locations
from ..base import EvPlannerAlgorithm, tr_noop
from ..inputs import coverage_sources, read_coverage_points
from ..layers import core_progress
from ..network import distance_method_parameters
from ..parameters import (
    advanced,
    count_parameter,
    distance_parameter,
    duration_parameter,
    metric_crs_parameter,
)
from ..sinks import open_sink, output_fields, write_features
from ..styles import style_output

SELECTION_FIELDS = (
    ("selection_rank", FieldType.INT),
    ("marginal_demand", FieldType.DOUBLE),
    ("cumulative_covered_pct", FieldType.DOUBLE),
)
DEFAULT_COUNT = 10
DEFAULT_MIN_SPACING = 0.0


class SelectLocationsAlgorithm(EvPlannerAlgorithm):
    ALGORITHM_ID = "selectlocations"
    GROUP_ID = "potential"
    DISPLAY_NAME = tr_noop("Select optimal locations (maximal covering)")

    CANDIDATES = "CANDIDATES"
    DEMAND = "DEMAND"
    DEMAND_FIELD = "DEMAND_FIELD"
    CHARGE_POINTS = "CHARGE_POINTS"
    COUNT = "COUNT"
    RADIUS = "RADIUS"
    MIN_SPACING = "MIN_SPACING"
    METHOD = "METHOD"
    TIME_LIMIT = "TIME_LIMIT"
    CRS = "CRS"
    OUTPUT = "OUTPUT"

    SELECTED = "SELECTED"
    TOTAL_DEMAND = "TOTAL_DEMAND"
    COVERED_BEFORE = "COVERED_BEFORE"
    COVERED_AFTER = "COVERED_AFTER"
    COVERED_BEFORE_PCT = "COVERED_BEFORE_PCT"
    COVERED_AFTER_PCT = "COVERED_AFTER_PCT"
    UPPER_BOUND = "UPPER_BOUND"
    UPPER_BOUND_PCT = "UPPER_BOUND_PCT"
    OPTIMALITY_GAP_PCT = "OPTIMALITY_GAP_PCT"
    PROVEN_OPTIMAL = "PROVEN_OPTIMAL"

    def initAlgorithm(self, config=None) -> None:
        candidates = QgsProcessingParameterFeatureSource(
            self.CANDIDATES, self.tr("Candidate locations"), [SOURCE_POINT]
        )
        candidates.setHelp(
            self.tr("Points where a charge point could go (generatecandidates, scorecandidates).")
        )
        demand = QgsProcessingParameterFeatureSource(
            self.DEMAND,
            self.tr("Demand (points or buildings)"),
            [SOURCE_POINT, SOURCE_POLYGON],
        )
        demand.setHelp(self.tr("Address points (or building polygons) carrying demand."))
        demand_field = QgsProcessingParameterField(
            self.DEMAND_FIELD,
            self.tr("Demand weight field"),
            parentLayerParameterName=self.DEMAND,
            type=FIELD_NUMERIC,
            optional=True,
        )
        demand_field.setHelp(self.tr("Weight of each demand feature (households, cars, EVs); empty: 1 each."))
        charge_points = QgsProcessingParameterFeatureSource(
            self.CHARGE_POINTS,
            self.tr("Existing charge points"),
            [SOURCE_POINT],
            optional=True,
        )
        charge_points.setHelp(
            self.tr("Demand within the walking distance of an existing point is already covered.")
        )
        count = count_parameter(
            self.COUNT,
            self.tr("Number of new locations"),
            DEFAULT_COUNT,
            self.tr("How many new sites to choose (fewer when no other site adds coverage)."),
            minimum=1,
        )
        radius = distance_parameter(
            self.RADIUS,
            self.tr("Walking distance (m)"),
            DEFAULT_RADIUS,
            self.tr("A site covers the demand within this distance (default 250 m)."),
        )
        spacing = distance_parameter(
            self.MIN_SPACING,
            self.tr("Minimum spacing between new locations (m)"),
            DEFAULT_MIN_SPACING,
            self.tr("No two chosen sites are closer than this; 0: no constraint."),
        )
        method = QgsProcessingParameterEnum(
            self.METHOD,
            self.tr("Method"),
            [self.tr("fast (lazy greedy + swaps)"), self.tr("exact (HiGHS MILP)")],
            defaultValue=0,
        )
        method.setHelp(
            self.tr(
                "fast: seconds, typically within 1-2% of the optimum; exact: proves optimality when it can."
            )
        )
        time_limit = advanced(
            duration_parameter(
                self.TIME_LIMIT,
                self.tr("Time limit of the exact method (s)"),
                DEFAULT_TIME_LIMIT,
                self.tr("The exact method stops after this time with its best answer and bound."),
                minimum=1.0,
            )
        )
        output = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Selected locations"), SOURCE_POINT)
        output.setHelp(
            self.tr("The chosen candidates with selection_rank, marginal_demand, cumulative_covered_pct.")
        )
        for parameter in (
            candidates,
            demand,
            demand_field,
            charge_points,
            count,
            radius,
            *distance_method_parameters(),
            spacing,
            method,
            time_limit,
            metric_crs_parameter(self.CRS),
            output,
        ):
            self.addParameter(parameter)
        for name, label in (
            (self.SELECTED, self.tr("Locations selected")),
            (self.TOTAL_DEMAND, self.tr("Total demand")),
            (self.COVERED_BEFORE, self.tr("Demand covered by existing points")),
            (self.COVERED_AFTER, self.tr("Demand covered with the selection")),
            (self.COVERED_BEFORE_PCT, self.tr("Demand covered by existing points (%)")),
            (self.COVERED_AFTER_PCT, self.tr("Demand covered with the selection (%)")),
            (self.UPPER_BOUND, self.tr("Upper bound on the coverage of any selection")),
            (self.UPPER_BOUND_PCT, self.tr("Upper bound on the coverage of any selection (%)")),
            (self.OPTIMALITY_GAP_PCT, self.tr("At most this much (%) better is possible")),
            (self.PROVEN_OPTIMAL, self.tr("Proven optimal (1) or not (0)")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def run_algorithm(self, parameters, context, feedback):
        sources = coverage_sources(self, parameters, context)
        count = self.parameterAsInt(parameters, self.COUNT, context)
        radius = self.parameterAsDouble(parameters, self.RADIUS, context)
        method = METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        time_limit = self.parameterAsDouble(parameters, self.TIME_LIMIT, context)
        if radius <= 0:
            raise QgsProcessingException(self.tr("RADIUS must be a distance above 0 m."))
        points = read_coverage_points(self, parameters, context, feedback, sources, (0, 3, 12, 15))
        if feedback.isCanceled():
            raise CanceledError()
        feedback.setProgress(15)
        if method == "exact":
            feedback.pushInfo(
                self.tr("Solving the MILP with HiGHS (at most {seconds:g} s).").format(seconds=time_limit)
            )
        result = select_locations(
            points.candidates.xy,
            points.demand.xy,
            points.demand_weight,
            points.existing_xy,
            count=count,
            radius=radius,
            min_spacing=self.parameterAsDouble(parameters, self.MIN_SPACING, context),
            method=method,
            time_limit=time_limit,
            progress=core_progress(feedback, 15, 85),
            measure=points.measure,
        )
        dest_id = self._write(parameters, context, feedback, sources.candidates, points.candidates, result)
        style_output(context, dest_id, "selected_locations")
        return {self.OUTPUT: dest_id, **self._report(result, count, feedback)}

    def _write(self, parameters, context, feedback, source, candidates, result) -> str:
        """The chosen candidates in the order chosen, with what each adds."""
        fields, kept = output_fields(source, SELECTION_FIELDS, feedback, self.CANDIDATES)
        sink, dest_id = open_sink(
            self, parameters, self.OUTPUT, context, fields, source.wkbType(), source.sourceCrs()
        )
        fids = candidates.feature_ids[result.selected].tolist()
        rows = {
            fid: [
                rank + 1,
                round(float(result.marginal_demand[rank]), DEMAND_DECIMALS),
                round(float(result.cumulative_covered_pct[rank]), 4),
            ]
            for rank, fid in enumerate(fids)
        }
        write_features(sink, source, fields, kept, rows, fids, feedback, 85, 100)
        del sink  # close it so a GeoPackage is complete before its style is stored in it
        return dest_id

    def _report_solver(self, result, feedback) -> None:
        if highs_available():
            return
        command = install_command("highspy")
        if result.method == "exact":
            feedback.pushInfo(
                self.tr(
                    "The exact selection ran on SciPy's HiGHS, which stops only at the time limit. "
                    "For a faster solve that Cancel can stop, install highspy: {command}"
                ).format(command=command)
            )
        else:
            feedback.pushInfo(
                self.tr(
                    "The bound is computed without the LP relaxation because highspy is not installed. "
                    "For a tighter bound, install it: {command}"
                ).format(command=command)
            )

    def _report(self, result, count, feedback) -> dict:
        total = result.total_demand

        def pct(value: float) -> float:
            return 100.0 * value / total if total > 0 else 0.0

        gap = result.optimality_gap_pct
        if len(result.selected) < count:
            feedback.pushWarning(
                self.tr(
                    "Only {n} of {count} locations add coverage: no other candidate covers more demand."
                ).format(n=len(result.selected), count=count)
            )
        feedback.pushInfo(
            self.tr(
                "Demand covered: {before:,.1f} of {total:,.1f} ({before_pct:.1f}%) by existing points, "
                "{after:,.1f} ({after_pct:.1f}%) with the {n} new locations."
            ).format(
                before=result.covered_before,
                total=total,
                before_pct=pct(result.covered_before),
                after=result.covered_after,
                after_pct=pct(result.covered_after),
                n=len(result.selected),
            )
        )
        sources = {
            "milp": self.tr("HiGHS MILP bound"),
            "lp": self.tr("LP relaxation"),
            "online": self.tr("sum of the largest remaining gains"),
            "greedy": self.tr("greedy guarantee 1 - 1/e"),
            "reachable demand": self.tr("all demand within reach of a candidate"),
        }
        self._report_solver(result, feedback)
        if result.proven_optimal:
            feedback.pushInfo(self.tr("The selection is optimal (proven)."))
        else:
            feedback.pushInfo(
                self.tr(
                    "No selection can cover more than {bound:,.1f} ({bound_pct:.1f}%; {source}): "
                    "the optimum is at most {gap:.2f}% better."
                ).format(
                    bound=result.upper_bound,
                    bound_pct=pct(result.upper_bound),
                    source=sources.get(result.bound_source, result.bound_source),
                    gap=gap,
                )
            )
        return {
            self.SELECTED: len(result.selected),
            self.TOTAL_DEMAND: total,
            self.COVERED_BEFORE: result.covered_before,
            self.COVERED_AFTER: result.covered_after,
            self.COVERED_BEFORE_PCT: pct(result.covered_before),
            self.COVERED_AFTER_PCT: pct(result.covered_after),
            self.UPPER_BOUND: result.upper_bound,
            self.UPPER_BOUND_PCT: pct(result.upper_bound),
            self.OPTIMALITY_GAP_PCT: gap if np.isfinite(gap) else -1.0,
            self.PROVEN_OPTIMAL: 1 if result.proven_optimal else 0,
        }
