"""evplanner:scorecandidates: score candidate sites on demand, gap, points of interest and usage."""

from __future__ import annotations

from typing import ClassVar

import numpy as np
from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsVectorLayer,
)

from ...compat import (
    FIELD_NUMERIC,
    SOURCE_POINT,
    SOURCE_POLYGON,
    SOURCE_VECTOR_ANY,
    FieldType,
)
from ...core.errors import CanceledError
from ...core.potential.demand import DEMAND_DECIMALS
from ...core.potential.scoring import (
    DEFAULT_RADIUS,
    DEFAULT_WEIGHTS,
    FACTORS,
    explain,
    parse_weights,
    score_candidates,
)
from ...i18n import tr
from ..base import EvPlannerAlgorithm, tr_noop
from ..inputs import coverage_sources, point_source, read_coverage_points, read_located
from ..layers import (
    core_progress,
    progress_range,
    read_points_fast,
    report_skipped,
    require_fields,
)
from ..network import distance_method_parameters
from ..ogr_points import whole_layer
from ..parameters import advanced, distance_parameter, metric_crs_parameter, share_parameter
from ..sinks import open_sink, output_fields, write_features
from ..styles import style_output

OCCUPANCY_FIELD = "occupancy_mean"

SCORE_FIELDS = (
    ("f_demand", FieldType.DOUBLE),
    ("f_gap", FieldType.DOUBLE),
    ("f_poi", FieldType.DOUBLE),
    ("f_usage", FieldType.DOUBLE),
    ("score", FieldType.DOUBLE),
    ("rank", FieldType.INT),
    ("explain", FieldType.STRING),
    ("demand_within", FieldType.DOUBLE),
    ("unserved_within", FieldType.DOUBLE),
    ("nearest_existing_m", FieldType.DOUBLE),
    ("poi_count", FieldType.INT),
)


def _optional_number(value) -> float | None:
    if value is None or value == "" or (hasattr(value, "isNull") and value.isNull()):
        return None
    return value


class ScoreCandidatesAlgorithm(EvPlannerAlgorithm):
    ALGORITHM_ID = "scorecandidates"
    GROUP_ID = "potential"
    DISPLAY_NAME = tr_noop("Score candidate locations")

    CANDIDATES = "CANDIDATES"
    DEMAND = "DEMAND"
    DEMAND_FIELD = "DEMAND_FIELD"
    CHARGE_POINTS = "CHARGE_POINTS"
    RADIUS = "RADIUS"
    POIS = "POIS"
    USAGE = "USAGE"
    WEIGHTS = "WEIGHTS"
    # One number field per factor of core.potential.scoring.FACTORS; WEIGHTS, when given, wins.
    WEIGHT_PARAMETERS: ClassVar[dict[str, str]] = {
        "demand": "WEIGHT_DEMAND",
        "gap": "WEIGHT_GAP",
        "poi": "WEIGHT_POI",
        "usage": "WEIGHT_USAGE",
    }
    CRS = "CRS"
    OUTPUT = "OUTPUT"
    SCORED = "SCORED"

    def initAlgorithm(self, config=None) -> None:
        candidates = QgsProcessingParameterFeatureSource(
            self.CANDIDATES, self.tr("Candidate locations"), [SOURCE_POINT]
        )
        candidates.setHelp(
            self.tr("Points where a charge point could go, e.g. the output of generatecandidates.")
        )
        demand = QgsProcessingParameterFeatureSource(
            self.DEMAND,
            self.tr("Demand (points or buildings)"),
            [SOURCE_POINT, SOURCE_POLYGON],
        )
        demand.setHelp(
            self.tr(
                "Address points (or building polygons) carrying demand, e.g. the output of distributedemand."
            )
        )
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
            self.tr("Existing public charge points; without them the gap factor weighs 0 (reported).")
        )
        radius = distance_parameter(
            self.RADIUS,
            self.tr("Walking distance (m)"),
            DEFAULT_RADIUS,
            self.tr("Demand, points of interest and usage count within this distance (default 250 m)."),
        )
        pois = QgsProcessingParameterMultipleLayers(
            self.POIS, self.tr("Points of interest"), SOURCE_VECTOR_ANY, optional=True
        )
        pois.setHelp(
            self.tr("Shops, schools, workplaces...: each feature counts once (polygons at a point inside).")
        )
        usage = QgsProcessingParameterFeatureSource(
            self.USAGE,
            self.tr("Charge point usage (occupancy_mean)"),
            [SOURCE_POINT],
            optional=True,
        )
        usage.setHelp(
            self.tr(
                "Charge points with an occupancy_mean field in % (output of usagekpis): busy points raise "
                "the score of candidates near them ('paal volgt paal')."
            )
        )
        weights = advanced(
            QgsProcessingParameterString(
                self.WEIGHTS, self.tr("Weights as text (for scripts)"), optional=True
            )
        )
        weights.setHelp(
            self.tr(
                "factor=weight pairs for demand, gap, poi and usage (e.g. {example}); when given, they are "
                "used instead of the four weight fields. Left-out factors weigh 0."
            ).format(example=DEFAULT_WEIGHTS)
        )
        output = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Scored candidates"), SOURCE_POINT)
        output.setHelp(
            self.tr("Candidates with f_demand, f_gap, f_poi, f_usage, score (0-100), rank and explain.")
        )
        for parameter in (
            candidates,
            demand,
            demand_field,
            charge_points,
            radius,
            *distance_method_parameters(),
            pois,
            usage,
            *self._weight_parameters(),
            weights,
            metric_crs_parameter(self.CRS),
            output,
        ):
            self.addParameter(parameter)
        self.addOutput(QgsProcessingOutputNumber(self.SCORED, self.tr("Candidates scored")))

    def _weight_parameters(self) -> list:
        defaults = parse_weights(DEFAULT_WEIGHTS)
        labels = {
            "demand": self.tr("Weight of demand"),
            "gap": self.tr("Weight of the gap (demand not yet served)"),
            "poi": self.tr("Weight of points of interest"),
            "usage": self.tr("Weight of busy charge points nearby"),
        }
        help_text = self.tr(
            "Relative weight of this factor in the score; the weights are normalised to sum 1 over the "
            "factors whose layers are given. 0: the factor does not count."
        )
        return [
            share_parameter(name, labels[factor], defaults[factor], help_text, maximum=None)
            for factor, name in self.WEIGHT_PARAMETERS.items()
        ]

    def checkParameterValues(self, parameters, context):
        ok, message = super().checkParameterValues(parameters, context)
        text = self.parameterAsString(parameters, self.WEIGHTS, context).strip()
        if ok and not text and sum(self._separate_weights(parameters, context).values()) <= 0:
            return False, self.tr("At least one factor needs a weight above 0.")
        return ok, message

    def _separate_weights(self, parameters, context) -> dict[str, float]:
        return {
            factor: self.parameterAsDouble(parameters, name, context)
            for factor, name in self.WEIGHT_PARAMETERS.items()
        }

    def _weights(self, parameters, context, feedback) -> dict[str, float]:
        """The four weight fields, or WEIGHTS when it is given (a batch script's one string wins)."""
        separate = self._separate_weights(parameters, context)
        text = self.parameterAsString(parameters, self.WEIGHTS, context).strip()
        if not text:
            return separate
        weights = parse_weights(text)
        overruled = [
            f"{self.WEIGHT_PARAMETERS[factor]}={separate[factor]:g}"
            for factor in FACTORS
            if parameters.get(self.WEIGHT_PARAMETERS[factor]) not in (None, "")
            and abs(separate[factor] - weights[factor]) > 1e-9
        ]
        if overruled:
            feedback.pushWarning(
                self.tr("WEIGHTS is given, so it is used instead of {fields}.").format(
                    fields=", ".join(overruled)
                )
            )
        return weights

    def run_algorithm(self, parameters, context, feedback):
        sources = coverage_sources(self, parameters, context)
        usage_source = point_source(self, parameters, self.USAGE, context, optional=True)
        if usage_source is not None:
            require_fields(usage_source, [OCCUPANCY_FIELD], self.USAGE)
        radius = self.parameterAsDouble(parameters, self.RADIUS, context)
        if radius <= 0:
            raise QgsProcessingException(self.tr("RADIUS must be a distance above 0 m."))
        weights = self._weights(parameters, context, feedback)
        points = read_coverage_points(self, parameters, context, feedback, sources, (0, 5, 15, 18))
        poi_xy = self._read_pois(
            self.parameterAsLayerList(parameters, self.POIS, context), points.crs, context, feedback
        )
        usage_xy, occupancy = self._read_usage(
            usage_source, points.crs, context, feedback, whole_layer(self, parameters, self.USAGE, context)
        )
        if feedback.isCanceled():
            raise CanceledError()
        feedback.setProgress(20)
        result = score_candidates(
            points.candidates.xy,
            points.demand.xy,
            points.demand_weight,
            charge_points_xy=points.existing_xy,
            poi_xy=poi_xy,
            usage_xy=usage_xy,
            usage_occupancy=occupancy,
            radius=radius,
            weights=weights,
            progress=core_progress(feedback, 20, 70),
            measure=points.measure,
        )
        self._report_weights(feedback, result)
        reasons = explain(result, sources.demand_field or self.tr("demand points"), tr)
        feedback.setProgress(75)
        dest_id = self._write(
            parameters, context, feedback, sources.candidates, points.candidates, result, reasons
        )
        style_output(context, dest_id, "scored_candidates")
        best = int(np.argmin(result.rank))
        feedback.pushInfo(
            self.tr("{count} candidates scored; best: score {score:.1f} ({reason}).").format(
                count=len(points.candidates), score=float(result.score[best]), reason=reasons[best]
            )
        )
        return {self.OUTPUT: dest_id, self.SCORED: len(points.candidates)}

    def _report_weights(self, feedback, result) -> None:
        names = {"gap": self.CHARGE_POINTS, "poi": self.POIS, "usage": self.USAGE}
        for factor in result.absent:
            feedback.pushWarning(
                self.tr("The factor {factor} weighs 0: the layer {layer} is not given.").format(
                    factor=factor, layer=names[factor]
                )
            )
        feedback.pushInfo(
            self.tr("Weights used: {weights}.").format(
                weights=", ".join(f"{name}={value:.3g}" for name, value in result.weights.items())
            )
        )

    def _write(self, parameters, context, feedback, source, candidates, result, reasons) -> str:
        """The candidates, best first, with their factors, score, rank and explanation."""
        fields, kept = output_fields(source, SCORE_FIELDS, feedback, self.CANDIDATES)
        sink, dest_id = open_sink(
            self, parameters, self.OUTPUT, context, fields, source.wkbType(), source.sourceCrs()
        )
        nearest = np.round(result.nearest_existing_m, 2)
        columns = [  # rounded column-wise: one numpy call per field, not one Python call per value
            np.round(result.f_demand, 6).tolist(),
            np.round(result.f_gap, 6).tolist(),
            np.round(result.f_poi, 6).tolist(),
            np.round(result.f_usage, 6).tolist(),
            np.round(result.score, 4).tolist(),
            result.rank.astype(int).tolist(),
            reasons,
            np.round(result.demand_within.astype(float), DEMAND_DECIMALS).tolist(),
            np.round(result.unserved_within.astype(float), DEMAND_DECIMALS).tolist(),
            np.where(np.isfinite(nearest), nearest, np.nan).astype(object).tolist(),
            result.poi_count.astype(int).tolist(),
        ]
        columns[9] = [None if value != value else value for value in columns[9]]  # NaN -> NULL
        rows = dict(zip(candidates.feature_ids.tolist(), map(list, zip(*columns))))
        order = candidates.feature_ids[np.argsort(result.rank, kind="stable")].tolist()
        write_features(sink, source, fields, kept, rows, order, feedback, 75, 100)
        del sink  # close it so a GeoPackage is complete before its style is stored in it
        return dest_id

    def _read_pois(self, layers, crs, context, feedback):
        if not layers:
            return None
        parts = []
        for layer in layers:
            label = f"{self.POIS} ({layer.name()})"
            if not isinstance(layer, QgsVectorLayer):
                raise QgsProcessingException(self.tr("{layer} is not a vector layer.").format(layer=label))
            points = read_points_fast(layer, crs, context, progress_range(feedback, 18, 19))
            report_skipped(feedback, label, points.skipped)
            parts.append(points.xy)
        return np.concatenate(parts) if parts else np.zeros((0, 2))

    def _read_usage(self, source, crs, context, feedback, layer=None):
        if source is None:
            return None, None
        points = read_located(
            source, self.USAGE, crs, context, feedback, [OCCUPANCY_FIELD], span=(19, 20), layer=layer
        )
        raw = [_optional_number(v) for v in points.attributes[OCCUPANCY_FIELD]]
        known = np.array([v is not None for v in raw], dtype=bool)
        if not known.all():
            feedback.reportError(
                self.tr("{layer}: {count} feature(s) skipped ({reason}).").format(
                    layer=self.USAGE, count=int((~known).sum()), reason=self.tr("no occupancy_mean")
                ),
                False,
            )
        values = points.numeric(OCCUPANCY_FIELD, self.USAGE)[known]
        if np.any(values > 100):
            raise QgsProcessingException(
                self.tr("The field occupancy_mean of USAGE must be a percentage (0-100).")
            )
        return points.xy[known], values
