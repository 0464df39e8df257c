"""evplanner:createreview — a review GeoPackage with every location ``proposed``."""

from __future__ import annotations

from typing import Any, Dict, List

from qgis.core import (
    QgsCoordinateReferenceSystem,
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
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant

from ...compat import PARAMETER_ADVANCED, SOURCE_VECTOR_ANY, WKT1_GDAL, FieldType
from ...core.errors import CanceledError
from ...core.review.pg_target import PostgresTarget, is_postgres_target
from ...core.review.postgres import create_postgres_review
from ...core.review.states import (
    DEFAULT_DEPARTMENTS,
    REJECT_RULES,
    Department,
    ReviewConfig,
)
from ...core.review.store import LocationInput, create_review
from ..base import EvPlannerAlgorithm, tr_noop
from ..layers import choose_metric_crs, read_points, report_skipped
from ..review_layers import load_on_completion, save_review_styles
from ..review_target import AUTHCFG, authcfg_parameter, open_review_text, resolve_target

ID_FIELDS = ("location_id", "candidate_id")
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
            self.OUTPUT,
            self.tr("Review (GeoPackage or PostgreSQL)"),
            fileFilter=self.tr("GeoPackage (*.gpkg)"),
        )
        output.setHelp(
            self.tr(
                "The new review: a GeoPackage file, or a new PostgreSQL schema written as "
                "postgresql://user@host/database?schema=NAME, service=NAME schema=NAME, or "
                "connection=NAME schema=NAME. An existing review is never overwritten silently."
            )
        )
        self.addParameter(output)
        self.addParameter(authcfg_parameter())
        self.addOutput(QgsProcessingOutputVectorLayer(self.REVIEW_LAYER, self.tr("Review locations")))

    def run_algorithm(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.LOCATIONS, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.LOCATIONS))
        destination = self.parameterAsString(parameters, self.OUTPUT, context).strip()
        if not is_postgres_target(destination):
            destination = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
            if not destination.lower().endswith(".gpkg"):
                destination += ".gpkg"
        config = self._config(parameters, context)
        crs = source.sourceCrs()
        if not crs.isValid() or not crs.authid().partition(":")[2].isdigit():
            # A review names its CRS by an authority and a numeric code (EPSG:28992).
            crs = choose_metric_crs(context, [source], feedback=feedback)
        locations = self._read_locations(source, crs, context, feedback)
        overwrite = self.parameterAsBoolean(parameters, self.OVERWRITE, context)
        authcfg = self.parameterAsString(parameters, AUTHCFG, context).strip()
        target, user, password = resolve_target(destination, authcfg)
        if isinstance(target, PostgresTarget):
            create_postgres_review(
                target,
                locations,
                config,
                crs.authid(),
                attribute_types=self._attribute_types(source),
                overwrite=overwrite,
                password=password,
                user=user,
            )
        else:
            create_review(
                target,
                locations,
                config,
                crs.authid(),
                crs.toWkt(WKT1_GDAL),
                attribute_types=self._attribute_types(source),
                overwrite=overwrite,
            )
        store = open_review_text(destination, authcfg)  # proves it opens as a review before we report success
        save_review_styles(store, feedback)
        feedback.pushInfo(
            self.tr("Review with {count} locations and departments {departments} written to {path}.").format(
                count=len(locations), departments=", ".join(config.department_names), path=store.label
            )
        )
        layer_source = load_on_completion(context, store, self.tr("Review locations"), self.REVIEW_LAYER)
        return {self.OUTPUT: destination, self.REVIEW_LAYER: layer_source}

    def _config(self, parameters, context) -> ReviewConfig:
        optional = {
            n.strip().lower()
            for n in self.parameterAsString(parameters, self.OPTIONAL_DEPARTMENTS, context).split(",")
        }
        names = [n.strip() for n in self.parameterAsString(parameters, self.DEPARTMENTS, context).split(",")]
        departments = tuple(Department(n, required=n.lower() not in optional) for n in names if n)
        return ReviewConfig(
            departments=departments,
            reject_rule=self.parameterAsEnumString(parameters, self.REJECT_RULE, context) or REJECT_RULES[0],
        )

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
