"""evplanner:loadopenchargemap: charge points from Open Charge Map inside an extent."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...compat import NUMBER_INTEGER, PARAMETER_ADVANCED
from ...core.errors import CanceledError
from ...core.schema import SOURCE_OCM
from ...core.sources.ocm import DEFAULT_BASE_URL, DEFAULT_MAX_RESULTS, load_open_charge_map
from ..base import EvPlannerAlgorithm, tr_noop
from ..chargepoint_layer import output_crs, output_crs_parameter, write_charge_points
from ..extent import extent_in_wgs84, in_loaded_scope
from ..http_transport import http_client
from ..load_report import report_load


class LoadOpenChargeMapAlgorithm(EvPlannerAlgorithm):
    ALGORITHM_ID = "loadopenchargemap"
    GROUP_ID = "chargepoints"
    DISPLAY_NAME = tr_noop("Load charge points (Open Charge Map)")
    SECRET_PARAMETERS = ("API_KEY",)

    API_KEY = "API_KEY"
    BASE_URL = "BASE_URL"
    EXTENT = "EXTENT"
    MAX_RESULTS = "MAX_RESULTS"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None) -> None:
        api_key = QgsProcessingParameterString(self.API_KEY, self.tr("API key"), optional=True)
        api_key.setHelp(
            self.tr(
                "Your Open Charge Map API key (free at openchargemap.org). It is sent as a header, never in the URL."
            )
        )
        extent = QgsProcessingParameterExtent(self.EXTENT, self.tr("Extent"))
        extent.setHelp(self.tr("Area to load charge points for."))
        max_results = QgsProcessingParameterNumber(
            self.MAX_RESULTS,
            self.tr("Maximum number of results"),
            NUMBER_INTEGER,
            defaultValue=DEFAULT_MAX_RESULTS,
            minValue=1,
        )
        max_results.setHelp(
            self.tr("The API returns at most this many charge points; a warning tells when it is reached.")
        )
        base_url = QgsProcessingParameterString(
            self.BASE_URL, self.tr("API base URL"), defaultValue=DEFAULT_BASE_URL
        )
        base_url.setHelp(self.tr("Base URL of the Open Charge Map API (a mirror or a test server)."))
        base_url.setFlags(base_url.flags() | PARAMETER_ADVANCED)
        output = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Charge points (Open Charge Map)"))
        output.setHelp(
            self.tr(
                "Point layer in the common charge-point schema (EPSG:4326); an existing GeoPackage layer is refreshed."
            )
        )
        for parameter in (api_key, extent, max_results, base_url, output_crs_parameter(), output):
            self.addParameter(parameter)

    def run_algorithm(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        api_key = self.parameterAsString(parameters, self.API_KEY, context).strip() or None
        base_url = self.parameterAsString(parameters, self.BASE_URL, context).strip() or DEFAULT_BASE_URL
        max_results = self.parameterAsInt(parameters, self.MAX_RESULTS, context)
        extent = extent_in_wgs84(
            self.parameterAsExtent(parameters, self.EXTENT, context),
            self.parameterAsExtentCrs(parameters, self.EXTENT, context),
            context,
            feedback,
        )
        if extent is None:
            raise QgsProcessingException(self.tr("Give an extent: Open Charge Map is queried by area."))
        if api_key is None:
            feedback.pushWarning(self.tr("No API key: Open Charge Map may refuse the request."))
        with http_client(feedback, [api_key] if api_key else []) as http:
            result = load_open_charge_map(
                http, extent, api_key=api_key, base_url=base_url, max_results=max_results
            )
        report_load(feedback, "Open Charge Map", result)
        if feedback.isCanceled():
            raise CanceledError()
        dest_id = write_charge_points(
            self,
            parameters,
            self.OUTPUT,
            context,
            feedback,
            result.records,
            in_loaded_scope(SOURCE_OCM, extent),
            crs=output_crs(self, parameters, context),
        )
        return {self.OUTPUT: dest_id}
