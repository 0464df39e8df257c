"""evplanner:copyreview — a review with its full history into a new GeoPackage or PostgreSQL schema."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterFileDestination,
)

from ...compat import PARAMETER_ADVANCED
from ...core.review.copy import copy_review
from ...core.review.pg_target import is_postgres_target
from ..base import EvPlannerAlgorithm, tr_noop
from ..review_layers import load_on_completion, save_review_styles
from ..review_target import (
    AUTHCFG,
    ReviewTargetParameter,
    authcfg_parameter,
    open_review_text,
    resolve_target,
)


class CopyReview(EvPlannerAlgorithm):
    ALGORITHM_ID = "copyreview"
    GROUP_ID = "review"
    DISPLAY_NAME = tr_noop("Copy review with its history")

    SOURCE = "SOURCE"
    SOURCE_AUTHCFG = "SOURCE_AUTHCFG"
    OUTPUT = "OUTPUT"
    EVENTS = "EVENTS"
    LOCATIONS = "LOCATIONS"
    REVIEW_LAYER = "REVIEW_LAYER"

    def initAlgorithm(self, config=None) -> None:
        source = ReviewTargetParameter(self.SOURCE, self.tr("Review to copy (GeoPackage or PostgreSQL)"))
        source.setHelp(
            self.tr(
                "The review to copy: a GeoPackage file, or a PostgreSQL schema written as "
                "postgresql://user@host/database?schema=NAME, service=NAME schema=NAME, or "
                "connection=NAME schema=NAME. It is only read."
            )
        )
        self.addParameter(source)
        source_login = QgsProcessingParameterAuthConfig(
            self.SOURCE_AUTHCFG, self.tr("Database authentication of the review to copy"), optional=True
        )
        source_login.setHelp(
            self.tr(
                "For a PostgreSQL review to copy: the QGIS authentication configuration to log in with. "
                "Any role of the review may copy it (reading is enough)."
            )
        )
        source_login.setFlags(source_login.flags() | PARAMETER_ADVANCED)
        self.addParameter(source_login)
        output = QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Copy (GeoPackage or PostgreSQL)"), fileFilter=self.tr("GeoPackage (*.gpkg)")
        )
        output.setHelp(
            self.tr(
                "The new review: a GeoPackage file, or a new PostgreSQL schema written like the review to "
                "copy. An existing file or schema is refused, never overwritten."
            )
        )
        self.addParameter(output)
        self.addParameter(authcfg_parameter())
        self.addOutput(QgsProcessingOutputNumber(self.EVENTS, self.tr("Events copied")))
        self.addOutput(QgsProcessingOutputNumber(self.LOCATIONS, self.tr("Locations copied")))
        self.addOutput(QgsProcessingOutputVectorLayer(self.REVIEW_LAYER, self.tr("Review locations")))

    def run_algorithm(self, parameters, context, feedback):
        source_text = self.parameterAsString(parameters, self.SOURCE, context).strip()
        source_authcfg = self.parameterAsString(parameters, self.SOURCE_AUTHCFG, context).strip()
        destination = self.parameterAsString(parameters, self.OUTPUT, context).strip()
        if not is_postgres_target(destination):
            destination = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
            if not destination.lower().endswith(".gpkg"):
                destination += ".gpkg"
        authcfg = self.parameterAsString(parameters, AUTHCFG, context).strip()
        target, user, password = resolve_target(destination, authcfg)
        self.register_secret(password)
        source = open_review_text(source_text, source_authcfg)
        feedback.pushInfo(
            self.tr("Copying the review {source} to {target}.").format(
                source=source.label, target=_label(target)
            )
        )
        result = copy_review(source, target, password=password, user=user, is_canceled=feedback.isCanceled)
        feedback.pushInfo(
            self.tr(
                "Copied {locations} locations, {events} events, {requests} requests and {attachments} "
                "attachments; the copy replays to the same statuses."
            ).format(
                locations=result.locations,
                events=result.events,
                requests=result.requests,
                attachments=result.attachments,
            )
        )
        if result.missing_attachments:
            feedback.reportError(
                self.tr(
                    "{count} attachment(s) named by events were not found and are not in the copy: {names}"
                ).format(
                    count=len(result.missing_attachments), names=", ".join(result.missing_attachments[:10])
                ),
                False,
            )
        store = open_review_text(destination, authcfg)
        save_review_styles(store, feedback)
        layer_source = load_on_completion(context, store, self.tr("Review locations"), self.REVIEW_LAYER)
        return {
            self.OUTPUT: destination,
            self.EVENTS: result.events,
            self.LOCATIONS: result.locations,
            self.REVIEW_LAYER: layer_source,
        }


def _label(target) -> str:
    return getattr(target, "label", None) or str(target)
