"""evplanner:loadocpisessions: charging sessions (OCPI CDRs or Sessions) as a table."""

from __future__ import annotations

from typing import Any

import pandas as pd
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterFeatureSink,
)
from qgis.PyQt.QtCore import QDateTime, Qt

from ...compat import SOURCE_VECTOR, WKB_NO_GEOMETRY, FieldType
from ...core.errors import CanceledError
from ...core.usage.ocpi_usage import load_sessions
from ...i18n import translated_log
from ..base import EvPlannerAlgorithm, tr_noop
from ..credentials import resolve_token, token_parameters
from ..http_transport import http_client
from ..parameters import file_or_url_parameter
from ..sinks import add_features, plain
from ..usage_inputs import period_problem, report_core_skips, utc_timestamp

# The public interface of the output (the columns of ev_planner.core.usage.sessions.SESSION_COLUMNS).
SESSION_FIELD_TYPES = {
    "session_id": FieldType.STRING,
    "location_id": FieldType.STRING,
    "evse_uid": FieldType.STRING,
    "start": FieldType.DATETIME,
    "end": FieldType.DATETIME,
    "kwh": FieldType.DOUBLE,
    "charging_hours": FieldType.DOUBLE,
    "parking_hours": FieldType.DOUBLE,
    "cost": FieldType.DOUBLE,
}


WRITE_BATCH = 5000


def session_feature(fields: QgsFields, values) -> QgsFeature:
    feature = QgsFeature(fields)
    feature.setAttributes(list(values))
    return feature


def qdatetime(value: pd.Timestamp) -> QDateTime | None:
    if value is None or pd.isna(value):
        return None
    return QDateTime.fromMSecsSinceEpoch(int(pd.Timestamp(value).value // 1_000_000), Qt.TimeSpec.UTC)


class LoadOcpiSessionsAlgorithm(EvPlannerAlgorithm):
    ALGORITHM_ID = "loadocpisessions"
    GROUP_ID = "usage"
    DISPLAY_NAME = tr_noop("Load charging sessions (OCPI)")
    SECRET_PARAMETERS = ("TOKEN",)

    SOURCE = "SOURCE"
    TOKEN = "TOKEN"
    TOKEN_ENV = "TOKEN_ENV"
    AUTHCFG = "AUTHCFG"
    DATE_FROM = "DATE_FROM"
    DATE_TO = "DATE_TO"
    OUTPUT = "OUTPUT"
    SESSION_COUNT = "SESSION_COUNT"
    SKIPPED_COUNT = "SKIPPED_COUNT"

    def initAlgorithm(self, config=None) -> None:
        source = file_or_url_parameter(
            self.SOURCE,
            self.tr("OCPI source (URL or file)"),
            self.tr(
                "An OCPI versions URL (CDRs are read, or Sessions when the server publishes no CDRs), a cdrs "
                "or sessions endpoint URL, or a local JSON file of CDRs or Sessions (an array or an OCPI "
                "envelope, optionally gzip). Type or paste a URL, or choose a file with the … button."
            ),
            self.tr("OCPI JSON (*.json *.json.gz *.gz)"),
        )
        date_from = QgsProcessingParameterDateTime(self.DATE_FROM, self.tr("From"), optional=True)
        date_from.setHelp(
            self.tr("Only sessions starting at or after this moment (also sent to the server as date_from).")
        )
        date_to = QgsProcessingParameterDateTime(self.DATE_TO, self.tr("To"), optional=True)
        date_to.setHelp(self.tr("Only sessions starting before this moment (also sent as date_to)."))
        output = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Charging sessions"), SOURCE_VECTOR)
        output.setHelp(
            self.tr(
                "A table without geometry: session_id, location_id, evse_uid, start, end (UTC), kwh, "
                "charging_hours, parking_hours, cost."
            )
        )
        for parameter in (source, *token_parameters(), date_from, date_to, output):
            self.addParameter(parameter)
        self.addOutput(QgsProcessingOutputNumber(self.SESSION_COUNT, self.tr("Sessions written")))
        self.addOutput(QgsProcessingOutputNumber(self.SKIPPED_COUNT, self.tr("Records skipped")))

    def run_algorithm(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ):
        source = self.parameterAsString(parameters, self.SOURCE, context).strip()
        if not source:
            raise QgsProcessingException(self.tr("Give an OCPI URL or a file of CDRs or Sessions (SOURCE)."))
        token = resolve_token(self, parameters, context)
        date_from = utc_timestamp(self.parameterAsDateTime(parameters, self.DATE_FROM, context))
        date_to = utc_timestamp(self.parameterAsDateTime(parameters, self.DATE_TO, context))

        def progress(received: int, total: int | None) -> bool:
            if total:
                feedback.setProgress(min(80.0, 80.0 * received / total))
            return not feedback.isCanceled()

        with http_client(feedback, [token] if token else []) as http:
            for secret in http.secrets:
                self.register_secret(secret)
            feedback.pushInfo(self.tr("Reading charging sessions…"))
            table, fetched = load_sessions(
                source,
                http,
                token=token,
                date_from=date_from,
                date_to=date_to,
                progress=progress,
                log=translated_log(feedback),
            )
        if fetched.cancelled or feedback.isCanceled():
            raise CanceledError()
        self._report_fetch(fetched, table, feedback)
        dest_id = self._write(parameters, context, feedback, table.frame)
        feedback.pushInfo(
            self.tr("{count} session(s) written, {skipped} record(s) skipped.").format(
                count=len(table), skipped=table.skipped.total
            )
        )
        return {self.OUTPUT: dest_id, self.SESSION_COUNT: len(table), self.SKIPPED_COUNT: table.skipped.total}

    def checkParameterValues(self, parameters: dict[str, Any], context: QgsProcessingContext):
        ok, message = super().checkParameterValues(parameters, context)
        if ok:
            message = period_problem(self, parameters, context, self.DATE_FROM, self.DATE_TO)
            ok = not message
        return ok, message

    def _report_fetch(self, fetched, table, feedback: QgsProcessingFeedback) -> None:
        if fetched.module != "file":
            feedback.pushInfo(
                self.tr("Read {count} {module} records (OCPI {version}).").format(
                    count=len(fetched.records), module=fetched.module, version=fetched.version or "?"
                )
            )
        if fetched.duplicates:
            feedback.pushInfo(
                self.tr("{count} record(s) delivered twice while paging were kept once.").format(
                    count=fetched.duplicates
                )
            )
        report_core_skips(feedback, "OCPI", table.skipped)

    def _write(self, parameters, context, feedback: QgsProcessingFeedback, frame: pd.DataFrame) -> str:
        """The sessions as a table (a canceled write leaves none: base.py removes the begun output)."""
        fields = QgsFields()
        for name, kind in SESSION_FIELD_TYPES.items():
            fields.append(QgsField(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WKB_NO_GEOMETRY)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        columns = [
            [qdatetime(v) for v in frame[name]]
            if kind == FieldType.DATETIME
            else [plain(v) for v in frame[name].tolist()]
            for name, kind in SESSION_FIELD_TYPES.items()
        ]
        rows = list(zip(*columns))
        for start in range(0, len(rows), WRITE_BATCH):
            if feedback.isCanceled():
                raise CanceledError()
            feedback.setProgress(80.0 + 20.0 * start / max(len(rows), 1))
            add_features(
                sink, [session_feature(fields, values) for values in rows[start : start + WRITE_BATCH]]
            )
        return dest_id
