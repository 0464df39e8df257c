"""evplanner:checkconstraints — an automatic-check event per location with the conflicts found nearby."""

from __future__ import annotations

from typing import Dict, List

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsProviderRegistry,
    QgsRectangle,
    QgsSpatialIndex,
    QgsVectorLayer,
)

from ...compat import PARAMETER_ADVANCED, SOURCE_VECTOR_ANY
from ...core.errors import CanceledError
from ...core.review.checks import Constraint, constraint_labels, constraints_text
from ...core.review.events import ReviewEvent
from ...core.review.states import CHECK
from ..base import EvPlannerAlgorithm, tr_noop
from ..layers import metric_crs_for_xy
from ..parameters import distance_parameter
from ..review_target import authcfg_parameter, open_review, review_parameter

DEFAULT_DISTANCE_M = 5.0
DEFAULT_ACTOR = "EV Planner automatic check"


class CheckConstraints(EvPlannerAlgorithm):
    ALGORITHM_ID = "checkconstraints"
    GROUP_ID = "review"
    DISPLAY_NAME = tr_noop("Check review locations against constraints")

    REVIEW = "REVIEW"
    CONSTRAINTS = "CONSTRAINTS"
    DISTANCE = "DISTANCE"
    ACTOR = "ACTOR"
    CHECKED = "CHECKED"
    WITH_CONFLICTS = "WITH_CONFLICTS"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(review_parameter(self.REVIEW))
        self.addParameter(authcfg_parameter())
        constraints = QgsProcessingParameterMultipleLayers(
            self.CONSTRAINTS, self.tr("Constraint layers"), SOURCE_VECTOR_ANY
        )
        constraints.setHelp(
            self.tr(
                "Trees, fire hydrants, crossings, cables, protected zones ...: any vector layers, any CRS."
            )
        )
        self.addParameter(constraints)
        # Measured in a metric CRS, whatever the layers' CRS.
        distance = distance_parameter(
            self.DISTANCE,
            self.tr("Conflict distance"),
            DEFAULT_DISTANCE_M,
            self.tr("A constraint feature closer than this (metres) to a location is a conflict."),
        )
        self.addParameter(distance)
        actor = QgsProcessingParameterString(
            self.ACTOR, self.tr("Actor recorded"), defaultValue=DEFAULT_ACTOR
        )
        actor.setHelp(self.tr("Name written as the actor of the check events."))
        actor.setFlags(actor.flags() | PARAMETER_ADVANCED)
        self.addParameter(actor)
        self.addOutput(QgsProcessingOutputNumber(self.CHECKED, self.tr("Locations checked")))
        self.addOutput(QgsProcessingOutputNumber(self.WITH_CONFLICTS, self.tr("Locations with conflicts")))

    def run_algorithm(self, parameters, context, feedback):
        store = open_review(self, parameters, context)
        layers = [
            layer
            for layer in self.parameterAsLayerList(parameters, self.CONSTRAINTS, context)
            if isinstance(layer, QgsVectorLayer)
        ]
        if not layers:
            raise QgsProcessingException(self.tr("Give at least one constraint layer."))
        distance = self.parameterAsDouble(parameters, self.DISTANCE, context)
        actor = self.parameterAsString(parameters, self.ACTOR, context) or DEFAULT_ACTOR
        review_crs = QgsCoordinateReferenceSystem(store.crs_authid())
        locations = [row for row in store.locations() if row["xy"] is not None]
        # Measured around the review's locations: constraint layers may not know their extent (OSM).
        metric = metric_crs_for_xy(context, review_crs, [row["xy"] for row in locations])
        feedback.pushInfo(
            self.tr("Distances measured in {crs} ({name}).").format(
                crs=metric.authid(), name=metric.description()
            )
        )
        to_metric = QgsCoordinateTransform(review_crs, metric, context.transformContext())
        points = {row["location_id"]: to_metric.transform(QgsPointXY(*row["xy"])) for row in locations}
        conflicts: Dict[str, List[str]] = {location_id: [] for location_id in points}
        constraints = [self._constraint(layer) for layer in layers]
        for number, (layer, label) in enumerate(zip(layers, constraint_labels(constraints))):
            if feedback.isCanceled():
                raise CanceledError()
            feedback.setProgress(90.0 * number / len(layers))
            self._check_layer(layer, label, metric, context, points, distance, conflicts)
        events = []
        for location_id, found in conflicts.items():
            if found:
                comment = self.tr("Conflicts within {distance} m: {conflicts}").format(
                    distance=f"{distance:g}", conflicts="; ".join(found)
                )
            else:
                comment = self.tr("No conflicts within {distance} m of {layers}.").format(
                    distance=f"{distance:g}", layers=constraints_text(constraints)
                )
            events.append(
                ReviewEvent(
                    location_id, CHECK, actor=actor, comment=comment, reason=None, source="checkconstraints"
                )
            )
        store.append_many(events)  # one transaction: every location checked, or none
        with_conflicts = sum(1 for found in conflicts.values() if found)
        feedback.pushInfo(
            self.tr("{checked} locations checked, {conflicts} with conflicts.").format(
                checked=len(events), conflicts=with_conflicts
            )
        )
        return {self.CHECKED: len(events), self.WITH_CONFLICTS: with_conflicts}

    @staticmethod
    def _constraint(layer: QgsVectorLayer) -> Constraint:
        """The layer as the check event names it (layers from one file share its name)."""
        parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
        return Constraint(layer.name(), str(parts.get("layerName") or ""), layer.subsetString())

    def _check_layer(self, layer, label, metric, context, points, distance, conflicts) -> None:
        transform = QgsCoordinateTransform(layer.crs(), metric, context.transformContext())
        geometries: Dict[int, QgsGeometry] = {}
        index = QgsSpatialIndex()
        for feature in layer.getFeatures(QgsFeatureRequest().setNoAttributes()):
            geometry = QgsGeometry(feature.geometry())
            if geometry.isNull() or geometry.isEmpty():
                continue
            try:
                geometry.transform(transform)
            except QgsCsException:  # outside the CRS's area of use
                continue
            geometries[feature.id()] = geometry
            index.addFeature(feature.id(), geometry.boundingBox())
        for location_id, point in points.items():
            box = QgsRectangle(
                point.x() - distance, point.y() - distance, point.x() + distance, point.y() + distance
            )
            point_geometry = QgsGeometry.fromPointXY(point)
            distances = (point_geometry.distance(geometries[fid]) for fid in index.intersects(box))
            near = [d for d in distances if d <= distance]
            if near:
                conflicts[location_id].append(
                    self.tr("{layer}: {count} (nearest {nearest} m)").format(
                        layer=label, count=len(near), nearest=f"{min(near):.1f}"
                    )
                )
