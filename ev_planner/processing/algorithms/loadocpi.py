"""evplanner:loadocpi: charge points from an OCPI 2.1.1/2.2.1 endpoint or an OCPI locations dump."""

from __future__ import annotations

from typing import Any, Sequence

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
)

from ...core.schema import SOURCE_OCPI, FieldSpec
from ...core.sources.ocpi_locations import load_ocpi_locations
from ...core.sources.records import LoadCanceledError, LoadResult
from ..base import EvPlannerAlgorithm, tr_noop
from ..chargepoint_output import (
    extent_in_wgs84,
    http_client,
    in_loaded_scope,
    report_load,
    token_from_authcfg,
    write_charge_points,
)


class LoadOcpiAlgorithm(EvPlannerAlgorithm):
    ALGORITHM_ID = "loadocpi"
    GROUP_ID = "chargepoints"
    DISPLAY_NAME = tr_noop("Load charge points (OCPI)")
    SECRET_PARAMETERS = ("TOKEN",)

    SOURCE = "SOURCE"
    TOKEN = "TOKEN"
    AUTHCFG = "AUTHCFG"
    EXTENT = "EXTENT"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None) -> None:
        source = QgsProcessingParameterString(self.SOURCE, self.tr("OCPI source (URL or dump file)"))
        source.setHelp(
            self.tr(
                "An OCPI versions URL, a version-details URL, a locations endpoint URL, or the path or URL "
                "of an OCPI locations dump (a JSON array of Locations or an OCPI envelope, optionally gzip, "
                "like NDW's charging_point_locations_ocpi.json.gz)."
            )
        )
        token = QgsProcessingParameterString(self.TOKEN, self.tr("Token"), optional=True)
        token.setHelp(
            self.tr(
                "OCPI token (credentials token C) of the server. Prefer AUTHCFG: a token typed here can end up "
                "in the processing history."
            )
        )
        authcfg = QgsProcessingParameterAuthConfig(
            self.AUTHCFG, self.tr("Authentication configuration"), optional=True
        )
        authcfg.setHelp(
            self.tr(
                "A QGIS authentication configuration holding the token (method API Header or Basic, the token "
                "as value or password). Used when TOKEN is empty."
            )
        )
        extent = QgsProcessingParameterExtent(self.EXTENT, self.tr("Extent"), optional=True)
        extent.setHelp(self.tr("Only locations inside this extent are kept. Empty: all locations."))
        output = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Charge points (OCPI)"))
        output.setHelp(
            self.tr(
                "Point layer in the common charge-point schema (EPSG:4326). An existing GeoPackage layer "
                "is refreshed: changed locations updated, new ones added, vanished ones marked removed_at, "
                "your own columns kept."
            )
        )
        for parameter in (source, token, authcfg, extent, output):
            self.addParameter(parameter)
        authcfg.setFlags(authcfg.flags() | QgsProcessingParameterDefinition.FlagAdvanced)

    # --- extension point ----------------------------------------------------------------
    def enrich(
        self,
        result: LoadResult,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
        http,
        token: str | None,
    ) -> Sequence[FieldSpec]:
        """Add fields to ``result.records`` (after loading, before writing); return their specs.

        The place where optional enrichments (e.g. tariffs) plug in: set the new
        keys on each record dict and return the :class:`FieldSpec` of each new
        field; they are written after the common-schema fields.
        """
        return ()

    def run(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        source = self.parameterAsString(parameters, self.SOURCE, context).strip()
        token = self.parameterAsString(parameters, self.TOKEN, context).strip() or None
        authcfg = self.parameterAsString(parameters, self.AUTHCFG, context).strip()
        if token is None and authcfg:
            token = token_from_authcfg(authcfg)
            self.register_secret(token)
        extent = extent_in_wgs84(
            self.parameterAsExtent(parameters, self.EXTENT, context),
            self.parameterAsExtentCrs(parameters, self.EXTENT, context),
            context,
        )
        with http_client(feedback, [token] if token else []) as http:
            for secret in http.secrets:
                self.register_secret(secret)
            feedback.pushInfo(self.tr("Reading OCPI locations…"))
            try:
                result = load_ocpi_locations(
                    source,
                    http,
                    token=token,
                    extent=extent,
                    progress=lambda percent: feedback.setProgress(0.8 * percent),
                    is_canceled=feedback.isCanceled,
                    log=feedback.pushInfo,
                )
            except LoadCanceledError:
                raise QgsProcessingException(self.tr("Canceled: nothing was written.")) from None
            if result.version:
                feedback.pushInfo(self.tr("OCPI version {version}.").format(version=result.version))
            report_load(feedback, "OCPI", result)
            extra_fields = self.enrich(result, parameters, context, feedback, http, token)
        if feedback.isCanceled():
            raise QgsProcessingException(self.tr("Canceled: nothing was written."))
        dest_id = write_charge_points(
            self,
            parameters,
            self.OUTPUT,
            context,
            feedback,
            result.records,
            in_loaded_scope(SOURCE_OCPI, extent),
            extra_fields,
        )
        return {self.OUTPUT: dest_id}
