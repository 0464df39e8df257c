"""evplanner:exportdecrees — a traffic-regulation document per location, plus GeoJSON + CSV for the operator."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Dict, List, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
)

from ...compat import PARAMETER_ADVANCED, SOURCE_MAP_LAYER
from ...core.errors import CanceledError
from ...core.numbers import dutch_number
from ...core.review.documents import (
    DEFAULT_TEMPLATE,
    DocumentManifest,
    DocxTemplate,
    dutch_status,
    export_document,
    fill_in,
    read_docx_template,
    safe_file_name,
    write_operator_files,
)
from ...core.review.states import APPROVED, STATUSES
from ...core.review.store import LOCATIONS_TABLE
from ..base import EvPlannerAlgorithm, tr_noop
from ..decree_map import open_review_layer, render_decree_map, styled_layer
from ..layers import WGS84, metric_crs_for_xy
from ..parameters import distance_parameter, keyed_enum_key, keyed_enum_parameter
from ..review_labels import status_label
from ..review_target import authcfg_parameter, layer_source, open_review, review_parameter

DUTCH_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
MIN_MAP_RADIUS_M = 5.0
DEFAULT_MAP_RADIUS_M = 60.0  # a street and its two sides: enough to find the spot on site


def dutch_date(day: date) -> str:
    return f"{day.day} {DUTCH_MONTHS[day.month - 1]} {day.year}"


def _operator_record(
    row: Dict[str, Any],
    xy: QgsPointXY,
    lonlat: QgsPointXY,
    metric: QgsCoordinateReferenceSystem,
    document: str,
) -> Dict[str, Any]:
    """One location of the operator files (``OPERATOR_FIELDS``), naming the document written for it."""
    return {
        **{k: row.get(k) for k in ("location_id", "address", "parking_spaces", "operator", "status")},
        "status_since": row.get("status_since"),
        "lon": lonlat.x(),
        "lat": lonlat.y(),
        "x": round(xy.x(), 2),
        "y": round(xy.y(), 2),
        "crs": metric.authid(),
        "document": document,
    }


def _base_name(location_id: str) -> str:
    """The document's name before any version number (see ``export_document``)."""
    return f"verkeersbesluit_{safe_file_name(location_id)}.docx"


def _document_values(
    row: Dict[str, Any],
    municipality: str,
    today: str,
    xy: QgsPointXY,
    lonlat: QgsPointXY,
    metric: QgsCoordinateReferenceSystem,
) -> Dict[str, Any]:
    """The placeholder values of one location's decree (the core cleans them for XML).

    The decree is a Dutch legal document whatever the QGIS language (its template is
    Dutch): numbers have a decimal comma, the status its Dutch name, and a value the review
    does not know is a marked field to fill in.
    """
    return {
        "gemeente": municipality or fill_in("gemeente"),
        "kenmerk": f"EVP-{row['location_id']}",
        "datum": today,
        "locatie_id": row["location_id"],
        "adres": (row.get("address") or "").strip() or fill_in("adres"),
        "parkeerplaatsen": row.get("parking_spaces") or 2,
        "exploitant": (row.get("operator") or "").strip() or fill_in("exploitant"),
        "x": dutch_number(xy.x(), 1),
        "y": dutch_number(xy.y(), 1),
        "crs": metric.authid(),
        "lat": dutch_number(lonlat.y(), 6),
        "lon": dutch_number(lonlat.x(), 6),
        "status": dutch_status(row["status"]),
        "ondertekenaar": fill_in("naam en functie van de ondertekenaar"),
    }


class ExportDecrees(EvPlannerAlgorithm):
    ALGORITHM_ID = "exportdecrees"
    GROUP_ID = "review"
    DISPLAY_NAME = tr_noop("Export traffic decrees")

    REVIEW = "REVIEW"
    STATUS = "STATUS"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    TEMPLATE = "TEMPLATE"
    MUNICIPALITY = "MUNICIPALITY"
    MAP_LAYERS = "MAP_LAYERS"
    MAP_RADIUS = "MAP_RADIUS"
    DOCUMENTS = "DOCUMENTS"
    GEOJSON = "GEOJSON"
    CSV = "CSV"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(review_parameter(self.REVIEW))
        self.addParameter(authcfg_parameter())
        status = keyed_enum_parameter(
            self.STATUS,
            self.tr("Locations with status"),
            STATUSES,
            [status_label(s) for s in STATUSES],
            APPROVED,
        )
        status.setHelp(self.tr("Only locations with this status get a document (default approved)."))
        self.addParameter(status)
        folder = QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, self.tr("Output folder"))
        folder.setHelp(self.tr("Receives one .docx per location, locations.geojson and locations.csv."))
        self.addParameter(folder)
        template = QgsProcessingParameterFile(
            self.TEMPLATE, self.tr("Document template (.docx)"), fileFilter="Word (*.docx)", optional=True
        )
        template.setHelp(
            self.tr("Your own .docx with {{placeholders}}; empty uses the shipped verkeersbesluit template.")
        )
        template.setFlags(template.flags() | PARAMETER_ADVANCED)
        self.addParameter(template)
        municipality = QgsProcessingParameterString(
            self.MUNICIPALITY, self.tr("Municipality"), defaultValue="", optional=True
        )
        municipality.setHelp(self.tr("Name of the municipality in the documents ({{gemeente}})."))
        self.addParameter(municipality)
        map_layers = QgsProcessingParameterMultipleLayers(
            self.MAP_LAYERS,
            self.tr("Background layers of the map"),
            SOURCE_MAP_LAYER,
            optional=True,
        )
        map_layers.setHelp(
            self.tr("Layers drawn under the locations in the map image (e.g. BGT, OSM roads).")
        )
        map_layers.setFlags(map_layers.flags() | PARAMETER_ADVANCED)
        self.addParameter(map_layers)
        radius = distance_parameter(
            self.MAP_RADIUS,
            self.tr("Map radius"),
            DEFAULT_MAP_RADIUS_M,
            self.tr("Half the width of the map around each location, in metres."),
        )
        radius.setMinimum(MIN_MAP_RADIUS_M)
        radius.setFlags(radius.flags() | PARAMETER_ADVANCED)
        self.addParameter(radius)
        self.addOutput(QgsProcessingOutputNumber(self.DOCUMENTS, self.tr("Documents written")))
        self.addOutput(QgsProcessingOutputFile(self.GEOJSON, self.tr("Locations (GeoJSON)")))
        self.addOutput(QgsProcessingOutputFile(self.CSV, self.tr("Locations (CSV)")))

    def run_algorithm(self, parameters, context, feedback):
        store = open_review(self, parameters, context)
        status = keyed_enum_key(self, parameters, self.STATUS, context)
        folder = Path(self.parameterAsString(parameters, self.OUTPUT_FOLDER, context))
        folder.mkdir(parents=True, exist_ok=True)
        template_path = Path(self.parameterAsFile(parameters, self.TEMPLATE, context) or DEFAULT_TEMPLATE)
        if not template_path.is_file():
            raise QgsProcessingException(
                self.tr("The template {path} does not exist.").format(path=template_path)
            )
        template = read_docx_template(template_path)  # a damaged template is refused before any file
        manifest = DocumentManifest.load(folder)
        municipality = self.parameterAsString(parameters, self.MUNICIPALITY, context).strip()
        radius = self.parameterAsDouble(parameters, self.MAP_RADIUS, context)
        background = self.parameterAsLayerList(parameters, self.MAP_LAYERS, context)

        review_crs = QgsCoordinateReferenceSystem(store.crs_authid())
        locations = [row for row in store.locations() if row["xy"] is not None]
        metric = metric_crs_for_xy(context, review_crs, [row["xy"] for row in locations])
        feedback.pushInfo(
            self.tr("Distances measured in {crs} ({name}).").format(
                crs=metric.authid(), name=metric.description()
            )
        )
        to_metric = QgsCoordinateTransform(review_crs, metric, context.transformContext())
        to_wgs84 = QgsCoordinateTransform(review_crs, WGS84, context.transformContext())
        selected = [row for row in locations if row["status"] == status]
        if not selected:
            feedback.reportError(
                self.tr("No location has status {status}: no documents written.").format(status=status), False
            )
        review_layer = open_review_layer(*layer_source(store), LOCATIONS_TABLE)
        map_layers = [styled_layer(layer, context.project()) for layer in background if layer is not None]
        today = dutch_date(date.today())
        # Every map is rendered (the slow, cancellable part) before the first document is
        # written, so that Cancel leaves the folder as it was.
        prepared = []
        for number, row in enumerate(selected):
            if feedback.isCanceled():
                raise CanceledError()
            feedback.setProgress(100.0 * number / len(selected))
            point = QgsPointXY(*row["xy"])
            xy = to_metric.transform(point)
            lonlat = to_wgs84.transform(point)
            self._warn_open_values(row, feedback)
            values = _document_values(row, municipality, today, xy, lonlat, metric)
            png = render_decree_map(
                map_layers, review_layer, metric, xy, radius, row["location_id"], context.transformContext()
            )
            prepared.append((row, xy, lonlat, values, png))
        if feedback.isCanceled():  # while the last map was rendered
            raise CanceledError()
        records: List[Dict[str, Any]] = []
        for row, xy, lonlat, values, png in prepared:
            document = self._write_document(
                template, folder, manifest, row["location_id"], values, png, feedback
            )
            records.append(_operator_record(row, xy, lonlat, metric, document.name))
        geojson = folder / "locations.geojson"
        csv_path = folder / "locations.csv"
        write_operator_files(records, geojson, csv_path)
        feedback.pushInfo(
            self.tr("{count} documents and the operator files written to {folder}.").format(
                count=len(records), folder=folder
            )
        )
        return {
            self.OUTPUT_FOLDER: str(folder),
            self.DOCUMENTS: len(records),
            self.GEOJSON: str(geojson),
            self.CSV: str(csv_path),
        }

    def _warn_open_values(self, row: Dict[str, Any], feedback) -> None:
        for name, missing in (("address", self.tr("address")), ("operator", self.tr("operator"))):
            if not (row.get(name) or "").strip():
                feedback.reportError(
                    self.tr("Location {id} has no {field}: the document leaves it open.").format(
                        id=row["location_id"], field=missing
                    ),
                    False,
                )

    def _write_document(
        self,
        template: DocxTemplate,
        folder: Path,
        manifest: DocumentManifest,
        location_id: str,
        values: Dict[str, Any],
        png: Optional[bytes],
        feedback,
    ) -> Path:
        """Write one decree; a document changed by hand is kept and named in the log."""
        written = export_document(
            template, folder, _base_name(location_id), location_id, values, png, manifest
        )
        if written.kept:
            feedback.pushWarning(
                self.tr(
                    "Kept {kept}: changed since EV Planner wrote it (or not written by EV Planner); "
                    "the new document is {new}."
                ).format(kept=", ".join(path.name for path in written.kept), new=written.path.name)
            )
        return written.path
