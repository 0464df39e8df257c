"""evplanner:loadocpi: charge points from an OCPI 2.1.1/2.2.1 endpoint or an OCPI locations dump."""

from __future__ import annotations

from typing import Any, Sequence

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
)

from ...core.errors import CanceledError
from ...core.schema import SOURCE_OCPI, FieldSpec
from ...core.sources.ocpi_locations import load_ocpi_locations
from ...core.sources.records import LoadResult
from ...core.usage.tariff_prices import iter_raw_locations, load_tariff_table, price_records
from ...i18n import translated_log
from ..base import EvPlannerAlgorithm, tr_noop
from ..chargepoint_layer import output_crs, output_crs_parameter, write_charge_points
from ..credentials import resolve_token, token_parameters
from ..extent import extent_in_wgs84, in_loaded_scope
from ..http_transport import http_client
from ..load_report import report_load
from ..parameters import file_or_url_parameter


class LoadOcpiAlgorithm(EvPlannerAlgorithm):
    ALGORITHM_ID = "loadocpi"
    GROUP_ID = "chargepoints"
    DISPLAY_NAME = tr_noop("Load charge points (OCPI)")
    SECRET_PARAMETERS = ("TOKEN",)

    SOURCE = "SOURCE"
    TOKEN = "TOKEN"
    TOKEN_ENV = "TOKEN_ENV"
    AUTHCFG = "AUTHCFG"
    EXTENT = "EXTENT"
    TARIFFS = "TARIFFS"
    TARIFF_SOURCE = "TARIFF_SOURCE"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None) -> None:
        source = file_or_url_parameter(
            self.SOURCE,
            self.tr("OCPI source (URL or dump file)"),
            self.tr(
                "An OCPI versions URL, a version-details URL, a locations endpoint URL, or the path or URL "
                "of an OCPI locations dump (a JSON array of Locations or an OCPI envelope, optionally gzip, "
                "like NDW's charging_point_locations_ocpi.json.gz). Type or paste a URL, or choose a file "
                "with the … button."
            ),
            self.tr("OCPI JSON (*.json *.json.gz *.gz)"),
        )
        extent = QgsProcessingParameterExtent(self.EXTENT, self.tr("Extent"), optional=True)
        extent.setHelp(self.tr("Only locations inside this extent are kept. Empty: all locations."))
        tariffs = QgsProcessingParameterBoolean(self.TARIFFS, self.tr("Add tariffs"), defaultValue=False)
        tariffs.setHelp(
            self.tr(
                "Also read the OCPI tariffs and add price_kwh (energy price incl. VAT where given, the highest "
                "over the connectors) and price_per_hour to each charge point."
            )
        )
        tariff_source = file_or_url_parameter(
            self.TARIFF_SOURCE,
            self.tr("Tariff source (URL or dump file)"),
            self.tr(
                "A tariffs endpoint URL, an OCPI versions URL, or a tariffs dump file or URL. Empty: the "
                "tariffs module of the OCPI server of the OCPI source (required when that is a dump)."
            ),
            self.tr("OCPI JSON (*.json *.json.gz *.gz)"),
            optional=True,
        )
        output = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Charge points (OCPI)"))
        output.setHelp(
            self.tr(
                "Point layer in the common charge-point schema (EPSG:4326). An existing GeoPackage layer "
                "is refreshed: changed locations updated, new ones added, vanished ones marked removed_at, "
                "your own columns kept."
            )
        )
        for parameter in (
            source,
            *token_parameters(),
            extent,
            tariffs,
            tariff_source,
            output_crs_parameter(),
            output,
        ):
            self.addParameter(parameter)

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
        if not self.parameterAsBoolean(parameters, self.TARIFFS, context):
            return ()
        source = self.parameterAsString(parameters, self.SOURCE, context).strip()
        tariff_source = self.parameterAsString(parameters, self.TARIFF_SOURCE, context).strip()
        feedback.pushInfo(self.tr("Reading OCPI tariffs…"))
        tariffs = load_tariff_table(tariff_source, source, http, token, log=translated_log(feedback))
        # The records do not keep the connectors' tariff_ids: read the Locations once more for them.
        locations = iter_raw_locations(source, http, token, log=translated_log(feedback))
        report = price_records(result.records, locations, tariffs, feedback.isCanceled)
        for reason, count in report.tariffs_skipped.items():
            feedback.reportError(
                self.tr("Tariffs: {count} skipped ({reason}).").format(count=count, reason=reason), False
            )
        feedback.pushInfo(
            self.tr("Tariffs: {tariffs} read; {priced} of {total} charge points priced.").format(
                tariffs=report.tariffs, priced=report.priced, total=len(result.records)
            )
        )
        if report.unmatched_references:
            feedback.pushWarning(
                self.tr("{count} tariff reference(s) of connectors match no tariff, e.g. {ids}.").format(
                    count=report.unmatched_references, ids=", ".join(report.unmatched_ids[:5])
                )
            )
        if report.matched_on_id_only:
            feedback.pushInfo(
                self.tr(
                    "{count} tariff reference(s) matched on the tariff id alone (the location's party differs "
                    "from the tariff's, as in national feeds)."
                ).format(count=report.matched_on_id_only)
            )
        return (
            FieldSpec("price_kwh", "float", "energy price in EUR/kWh incl. VAT where given"),
            FieldSpec("price_per_hour", "float", "charging time price per hour incl. VAT where given"),
        )

    def run_algorithm(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        source = self.parameterAsString(parameters, self.SOURCE, context).strip()
        token = resolve_token(self, parameters, context)
        extent = extent_in_wgs84(
            self.parameterAsExtent(parameters, self.EXTENT, context),
            self.parameterAsExtentCrs(parameters, self.EXTENT, context),
            context,
            feedback,
        )
        with http_client(feedback, [token] if token else []) as http:
            for secret in http.secrets:
                self.register_secret(secret)
            feedback.pushInfo(self.tr("Reading OCPI locations…"))
            result = load_ocpi_locations(
                source,
                http,
                token=token,
                extent=extent,
                progress=lambda percent: feedback.setProgress(0.8 * percent),
                is_canceled=feedback.isCanceled,
                log=translated_log(feedback),
            )
            if result.version:
                feedback.pushInfo(self.tr("OCPI version {version}.").format(version=result.version))
            report_load(feedback, "OCPI", result)
            extra_fields = self.enrich(result, parameters, context, feedback, http, token)
        if feedback.isCanceled():
            raise CanceledError()
        dest_id = write_charge_points(
            self,
            parameters,
            self.OUTPUT,
            context,
            feedback,
            result.records,
            in_loaded_scope(SOURCE_OCPI, extent),
            extra_fields,
            crs=output_crs(self, parameters, context),
        )
        return {self.OUTPUT: dest_id}
