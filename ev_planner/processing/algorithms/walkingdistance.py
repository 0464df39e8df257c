"""evplanner:walkingdistance: how far each point really walks to the nearest target."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ...compat import SOURCE_POINT, SOURCE_POLYGON, FieldType
from ..base import EvPlannerAlgorithm, tr_noop
from ..inputs import demand_source, point_source, read_located
from ..layers import choose_metric_crs
from ..network import max_access_parameter, network_parameter, report_attachment, walking_measure
from ..parameters import distance_parameter, metric_crs_parameter
from ..sinks import open_sink, output_fields, write_features

DEFAULT_MAX_DISTANCE = 1000.0
RESULT_FIELDS = (
    ("walk_m", FieldType.DOUBLE),
    ("straight_m", FieldType.DOUBLE),
    ("detour", FieldType.DOUBLE),
    ("nearest_id", FieldType.STRING),
)


class WalkingDistanceAlgorithm(EvPlannerAlgorithm):
    ALGORITHM_ID = "walkingdistance"
    GROUP_ID = "potential"
    DISPLAY_NAME = tr_noop("Walking distance to the nearest point")

    INPUT = "INPUT"
    TARGETS = "TARGETS"
    TARGET_ID_FIELD = "TARGET_ID_FIELD"
    MAX_DISTANCE = "MAX_DISTANCE"
    CRS = "CRS"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None) -> None:
        points = QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Points (e.g. addresses or requests)"), [SOURCE_POINT, SOURCE_POLYGON]
        )
        points.setHelp(
            self.tr("The points to measure from; polygons are measured from a point on their surface.")
        )
        targets = QgsProcessingParameterFeatureSource(
            self.TARGETS, self.tr("Targets (e.g. charge points)"), [SOURCE_POINT]
        )
        targets.setHelp(self.tr("The points to walk to: the nearest one along the network is found."))
        target_id = QgsProcessingParameterField(
            self.TARGET_ID_FIELD,
            self.tr("Target id field"),
            parentLayerParameterName=self.TARGETS,
            optional=True,
        )
        target_id.setHelp(self.tr("The value written to nearest_id; without it, the target's feature id."))
        max_distance = distance_parameter(
            self.MAX_DISTANCE,
            self.tr("Maximum walking distance (m)"),
            DEFAULT_MAX_DISTANCE,
            self.tr("Points with no target within this walk get NULL distances and nearest_id."),
        )
        output = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Walking distances"))
        output.setHelp(self.tr("The input points with walk_m, straight_m, detour and nearest_id."))
        for parameter in (
            points,
            targets,
            target_id,
            network_parameter(optional=False),
            max_distance,
            max_access_parameter(),
            metric_crs_parameter(self.CRS),
            output,
        ):
            self.addParameter(parameter)

    def run_algorithm(self, parameters, context, feedback):
        source = demand_source(self, parameters, self.INPUT, context)
        targets_source = point_source(self, parameters, self.TARGETS, context)
        id_field = self.parameterAsString(parameters, self.TARGET_ID_FIELD, context)
        max_distance = self.parameterAsDouble(parameters, self.MAX_DISTANCE, context)
        if max_distance <= 0:
            raise QgsProcessingException(self.tr("MAX_DISTANCE must be a distance above 0 m."))
        crs = choose_metric_crs(
            context, [source, targets_source], self.parameterAsCrs(parameters, self.CRS, context), feedback
        )
        points = read_located(source, self.INPUT, crs, context, feedback, span=(0, 20))
        targets = read_located(
            targets_source, self.TARGETS, crs, context, feedback, [id_field] if id_field else [], (20, 30)
        )
        measure = walking_measure(self, parameters, context, feedback, crs, span=(30, 50))
        walk, index = measure.nearest(points.xy, targets.xy, max_distance)
        feedback.setProgress(80)
        rows = self._rows(points, targets, walk, index, id_field)
        self._report(walk, measure, points.xy, max_distance, feedback)
        fields, kept = output_fields(source, RESULT_FIELDS, feedback, self.INPUT)
        sink, dest_id = open_sink(
            self, parameters, self.OUTPUT, context, fields, source.wkbType(), source.sourceCrs()
        )
        write_features(sink, source, fields, kept, rows, points.feature_ids.tolist(), feedback, 80, 100)
        return {self.OUTPUT: dest_id}

    def _rows(self, points, targets, walk, index, id_field) -> dict[int, list]:
        """walk_m, straight_m, detour, nearest_id per input feature id (NULLs where nothing is reached)."""
        reached = index >= 0
        straight = np.full(len(walk), np.nan)
        straight[reached] = np.hypot(*(points.xy[reached] - targets.xy[index[reached]]).T)
        ids = targets.attributes[id_field] if id_field else targets.feature_ids.tolist()
        rows = {}
        for fid, walked, direct, target in zip(points.feature_ids.tolist(), walk, straight, index.tolist()):
            if target < 0:
                rows[fid] = [None, None, None, None]
                continue
            detour = round(float(walked / direct), 4) if direct > 0 else None
            nearest = ids[target]
            rows[fid] = [
                round(float(walked), 2),
                round(float(direct), 2),
                detour,
                None if nearest is None else str(nearest),
            ]
        return rows

    def _report(self, walk, measure, xy, max_distance: float, feedback) -> None:
        reached = np.isfinite(walk)
        report_attachment(feedback, measure, xy, self.INPUT)
        if reached.any():
            feedback.pushInfo(
                self.tr(
                    "{reached:,} of {total:,} points reach a target within {limit:,.0f} m walking; "
                    "median walk {median:,.0f} m."
                ).format(
                    reached=int(reached.sum()),
                    total=len(walk),
                    limit=max_distance,
                    median=float(np.median(walk[reached])),
                )
            )
        else:
            feedback.pushWarning(
                self.tr("No point reaches a target within {limit:,.0f} m walking.").format(limit=max_distance)
            )
