"""evplanner:createreview — a review GeoPackage with every location ``proposed``."""

from __future__ import annotations

from typing import Any, Dict, List

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsEditorWidgetSetup,
    QgsFeatureSource,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant

from ...compat import PARAMETER_ADVANCED, SOURCE_VECTOR_ANY, WKT1_GDAL, FieldType
from ...core.errors import CanceledError
from ...core.review.states import (
    DECISION_OF_ACTION,
    DEFAULT_DEPARTMENTS,
    REJECT_RULES,
    Department,
    ReviewConfig,
)
from ...core.review.store import (
    DERIVED_COLUMNS,
    EVENT_COLUMNS,
    EVENTS_TABLE,
    LOCATIONS_TABLE,
    LocationInput,
    ReviewStore,
    create_review,
)
from ...i18n import tr
from ..base import EvPlannerAlgorithm, tr_noop
from ..layers import choose_metric_crs, read_points, report_skipped
from ..review_labels import status_label
from ..styles import apply_style

ID_FIELDS = ("location_id", "candidate_id")
EVENT_ALIASES = {
    "event_id": tr_noop("event id"),
    "location_id": tr_noop("location id"),
    "at": tr_noop("at (UTC)"),
    "actor": tr_noop("actor"),
    "department": tr_noop("department"),
    "action": tr_noop("action"),
    "reason": tr_noop("reason"),
    "comment": tr_noop("comment"),
    "attachment": tr_noop("attachment"),
    "installer": tr_noop("installer"),
    "source": tr_noop("source"),
}
_SQL_TYPES = {
    FieldType.INT: "INTEGER",
    FieldType.INT64: "INTEGER",
    FieldType.UINT: "INTEGER",
    FieldType.UINT64: "INTEGER",
    FieldType.BOOL: "INTEGER",
    FieldType.DOUBLE: "REAL",
    FieldType.DATETIME: "DATETIME",
}


def python_value(value: Any) -> Any:
    """A QGIS attribute value as a plain Python value (NULL -> None, dates -> ISO text)."""
    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return None
    if isinstance(value, QDateTime):
        return value.toUTC().toString("yyyy-MM-ddTHH:mm:ss.zzzZ") if value.isValid() else None
    if isinstance(value, (QDate, QTime)):
        return (
            value.toString("yyyy-MM-dd" if isinstance(value, QDate) else "HH:mm:ss")
            if value.isValid()
            else None
        )
    if isinstance(value, (int, float, str, bool)):
        return value
    return str(value)


def save_review_styles(path: str, config: ReviewConfig) -> None:
    """Store the symbology and attribute forms in the GeoPackage as default styles (``layer_styles``).

    The department decision columns depend on review_config, so their drop-downs
    are added here on top of the shipped QML; every derived column is read-only
    because only events change them.
    """
    decisions = [{status_label(value): value} for value in DECISION_OF_ACTION.values()]
    locations = QgsVectorLayer(f"{path}|layername={LOCATIONS_TABLE}", LOCATIONS_TABLE, "ogr")
    if not locations.isValid():
        raise QgsProcessingException(tr("QGIS cannot open the review file {path}.").format(path=path))
    apply_style(locations, "review_locations")  # its legend in the language of the QGIS creating it
    form = locations.editFormConfig()
    for department in config.departments:
        index = locations.fields().indexOf(department.column)
        locations.setEditorWidgetSetup(index, QgsEditorWidgetSetup("ValueMap", {"map": decisions}))
        locations.setFieldAlias(index, tr("Decision {department}").format(department=department.name))
        form.setReadOnly(index, True)
    for name in ("fid", "location_id", "created_at", *DERIVED_COLUMNS):
        index = locations.fields().indexOf(name)
        if index >= 0:
            form.setReadOnly(index, True)
    locations.setEditFormConfig(form)
    message = locations.saveStyleToDatabase(LOCATIONS_TABLE, "EV Planner review", True, "")
    events = QgsVectorLayer(f"{path}|layername={EVENTS_TABLE}", EVENTS_TABLE, "ogr")
    if events.isValid():
        event_form = events.editFormConfig()
        for index in range(events.fields().count()):
            event_form.setReadOnly(index, True)  # the log is append-only (a trigger enforces it too)
        events.setEditFormConfig(event_form)
        for name in EVENT_COLUMNS:
            events.setFieldAlias(events.fields().indexOf(name), tr(EVENT_ALIASES[name]))
        events.saveStyleToDatabase(EVENTS_TABLE, "EV Planner review log", True, "")
    del locations, events  # release the OGR handles before anyone appends events
    if message:
        raise QgsProcessingException(
            tr("The review styles could not be stored: {error}").format(error=message)
        )


class CreateReview(EvPlannerAlgorithm):
    ALGORITHM_ID = "createreview"
    GROUP_ID = "review"
    DISPLAY_NAME = tr_noop("Create review GeoPackage")

    LOCATIONS = "LOCATIONS"
    DEPARTMENTS = "DEPARTMENTS"
    OPTIONAL_DEPARTMENTS = "OPTIONAL_DEPARTMENTS"
    REJECT_RULE = "REJECT_RULE"
    OVERWRITE = "OVERWRITE"
    OUTPUT = "OUTPUT"
    REVIEW_LAYER = "REVIEW_LAYER"

    def initAlgorithm(self, config=None) -> None:
        locations = QgsProcessingParameterFeatureSource(
            self.LOCATIONS, self.tr("Locations to review"), [SOURCE_VECTOR_ANY]
        )
        locations.setHelp(
            self.tr(
                "Proposed locations (points, e.g. the selected candidates). location_id comes from the field "
                "location_id, else candidate_id, else it is generated."
            )
        )
        self.addParameter(locations)
        departments = QgsProcessingParameterString(
            self.DEPARTMENTS,
            self.tr("Departments (comma-separated)"),
            defaultValue=",".join(DEFAULT_DEPARTMENTS),
        )
        departments.setHelp(
            self.tr("The departments that decide on every location; each gets a decision column.")
        )
        self.addParameter(departments)
        optional = QgsProcessingParameterString(
            self.OPTIONAL_DEPARTMENTS,
            self.tr("Advisory departments (not required to approve)"),
            optional=True,
        )
        optional.setHelp(self.tr("Comma-separated subset of the departments whose approval is not required."))
        optional.setFlags(optional.flags() | PARAMETER_ADVANCED)
        self.addParameter(optional)
        rule = QgsProcessingParameterEnum(
            self.REJECT_RULE,
            self.tr("Rejection rule"),
            options=list(REJECT_RULES),
            defaultValue=REJECT_RULES[0],
        )
        rule.setUsesStaticStrings(True)
        rule.setHelp(
            self.tr(
                "any: one rejecting department rejects the location; required: only a required department can."
            )
        )
        rule.setFlags(rule.flags() | PARAMETER_ADVANCED)
        self.addParameter(rule)
        overwrite = QgsProcessingParameterBoolean(
            self.OVERWRITE, self.tr("Replace an existing file without review events"), defaultValue=False
        )
        overwrite.setHelp(
            self.tr("An existing review file is only replaced when this is set AND it holds no events yet.")
        )
        overwrite.setFlags(overwrite.flags() | PARAMETER_ADVANCED)
        self.addParameter(overwrite)
        output = QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Review GeoPackage"), fileFilter=self.tr("GeoPackage (*.gpkg)")
        )
        output.setHelp(self.tr("The new review file. An existing file is never overwritten silently."))
        self.addParameter(output)
        self.addOutput(QgsProcessingOutputVectorLayer(self.REVIEW_LAYER, self.tr("Review locations")))

    def run_algorithm(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.LOCATIONS, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.LOCATIONS))
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        optional = {
            n.strip().lower()
            for n in self.parameterAsString(parameters, self.OPTIONAL_DEPARTMENTS, context).split(",")
        }
        names = [n.strip() for n in self.parameterAsString(parameters, self.DEPARTMENTS, context).split(",")]
        departments = tuple(Department(n, required=n.lower() not in optional) for n in names if n)
        config = ReviewConfig(
            departments=departments,
            reject_rule=self.parameterAsEnumString(parameters, self.REJECT_RULE, context) or REJECT_RULES[0],
        )
        crs = source.sourceCrs()
        if not crs.isValid() or not crs.authid().partition(":")[2].isdigit():
            # A GeoPackage names its CRS by an authority and a numeric code (EPSG:28992).
            crs = choose_metric_crs(context, [source], feedback=feedback)
        locations = self._read_locations(source, crs, context, feedback)
        create_review(
            path,
            locations,
            config,
            crs.authid(),
            crs.toWkt(WKT1_GDAL),
            attribute_types=self._attribute_types(source),
            overwrite=self.parameterAsBoolean(parameters, self.OVERWRITE, context),
        )
        save_review_styles(path, config)
        ReviewStore(path)  # proves the file opens as a review before we report success
        feedback.pushInfo(
            self.tr("Review with {count} locations and departments {departments} written to {path}.").format(
                count=len(locations), departments=", ".join(config.department_names), path=path
            )
        )
        layer_source = f"{path}|layername={LOCATIONS_TABLE}"
        if context.project() is not None:
            context.addLayerToLoadOnCompletion(
                layer_source,
                QgsProcessingContext.LayerDetails(
                    self.tr("Review locations"), context.project(), self.REVIEW_LAYER
                ),
            )
        return {self.OUTPUT: path, self.REVIEW_LAYER: layer_source}

    @staticmethod
    def _attribute_types(source: QgsFeatureSource) -> Dict[str, str]:
        return {f.name(): _SQL_TYPES.get(f.type(), "TEXT") for f in source.fields()}

    def _read_locations(
        self,
        source: QgsFeatureSource,
        crs: QgsCoordinateReferenceSystem,
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> List[LocationInput]:
        field_names = [f.name() for f in source.fields() if f.name().lower() != "fid"]
        points = read_points(source, crs, context, feedback, fields=field_names)
        report_skipped(feedback, self.tr("Locations"), points.skipped)
        if feedback.isCanceled():
            raise CanceledError()
        if len(points) == 0:
            raise QgsProcessingException(self.tr("The locations layer has no features with a location."))
        lower = {name.lower(): name for name in field_names}
        id_field = next((lower[name] for name in ID_FIELDS if name in lower), None)
        if id_field is None:
            feedback.pushInfo(self.tr("No location_id or candidate_id field: location ids are generated."))
        locations = []
        for i in range(len(points)):
            attributes = {name: python_value(points.attributes[name][i]) for name in field_names}
            if id_field is not None:
                location_id = attributes.get(id_field)
                if location_id in (None, ""):
                    raise QgsProcessingException(
                        self.tr("Feature {fid} has an empty {field}.").format(
                            fid=int(points.feature_ids[i]), field=id_field
                        )
                    )
                if isinstance(location_id, float) and location_id.is_integer():
                    location_id = int(location_id)
                location_id = str(location_id)
            else:
                location_id = f"L{i + 1:04d}"
            x, y = points.xy[i]
            locations.append(LocationInput(location_id, float(x), float(y), attributes))
        return locations
