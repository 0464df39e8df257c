"""evplanner:loadosm: charging stations from OpenStreetMap (Overpass API) inside an extent."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
)

from ...core.errors import CanceledError
from ...core.schema import SOURCE_OSM
from ...core.sources.osm import DEFAULT_OVERPASS_URL, load_osm
from ..base import EvPlannerAlgorithm, tr_noop
from ..chargepoint_layer import output_crs, output_crs_parameter, write_charge_points
from ..extent import extent_in_wgs84, in_loaded_scope
from ..http_transport import http_client
from ..load_report import report_load


class LoadOsmAlgorithm(EvPlannerAlgorithm):
    ALGORITHM_ID = "loadosm"
    GROUP_ID = "chargepoints"
    DISPLAY_NAME = tr_noop("Load charge points (OpenStreetMap)")

    EXTENT = "EXTENT"
    OVERPASS_URL = "OVERPASS_URL"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None) -> None:
        extent = QgsProcessingParameterExtent(self.EXTENT, self.tr("Extent"))
        extent.setHelp(self.tr("Area to load charging stations for."))
        overpass = QgsProcessingParameterString(
            self.OVERPASS_URL, self.tr("Overpass API URL"), defaultValue=DEFAULT_OVERPASS_URL
        )
        overpass.setHelp(self.tr("Overpass interpreter URL, e.g. your organisation's own Overpass server."))
        output = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Charge points (OpenStreetMap)"))
        output.setHelp(
            self.tr(
                "Point layer in the common charge-point schema (EPSG:4326); an existing GeoPackage layer is refreshed."
            )
        )
        for parameter in (extent, overpass, output_crs_parameter(), output):
            self.addParameter(parameter)

    def run_algorithm(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        overpass_url = (
            self.parameterAsString(parameters, self.OVERPASS_URL, context).strip() or DEFAULT_OVERPASS_URL
        )
        extent = extent_in_wgs84(
            self.parameterAsExtent(parameters, self.EXTENT, context),
            self.parameterAsExtentCrs(parameters, self.EXTENT, context),
            context,
            feedback,
        )
        if extent is None:
            raise QgsProcessingException(self.tr("Give an extent: OpenStreetMap is queried by area."))
        with http_client(feedback) as http:
            result = load_osm(http, extent, overpass_url=overpass_url)
        report_load(feedback, "OpenStreetMap", result)
        if feedback.isCanceled():
            raise CanceledError()
        dest_id = write_charge_points(
            self,
            parameters,
            self.OUTPUT,
            context,
            feedback,
            result.records,
            in_loaded_scope(SOURCE_OSM, extent),
            crs=output_crs(self, parameters, context),
        )
        return {self.OUTPUT: dest_id}
