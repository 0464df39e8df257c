"""evplanner:usagekpis: usage figures and keep / watch / add nearby / consider moving per charge point."""

from __future__ import annotations

from typing import Any

import pandas as pd
from qgis.core import (
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
)

from ...compat import PARAMETER_ADVANCED, SOURCE_POINT, SOURCE_VECTOR, FieldType
from ...core.errors import CanceledError
from ...core.usage import kpis as core_kpis
from ...core.usage import occupancy as core_occupancy
from ...core.usage import sessions as core_sessions
from ..base import EvPlannerAlgorithm, tr_noop
from ..parameters import percent_parameter
from ..sinks import output_fields, plain, write_features
from ..styles import style_output
from ..usage_inputs import (
    attribute_value,
    csv_path_of,
    is_given,
    period_problem,
    report_core_skips,
    source_as_frame,
    utc_timestamp,
)

KPI_FIELD_TYPES = {
    "sessions_per_day": FieldType.DOUBLE,
    "kwh_per_day": FieldType.DOUBLE,
    "kwh_per_year": FieldType.DOUBLE,
    "occupancy_mean": FieldType.DOUBLE,
    "occupancy_peak_hour": FieldType.INT,
    "hours_sampled": FieldType.INT,
    "share_hours_full": FieldType.DOUBLE,
    "blocking_hours_per_session": FieldType.DOUBLE,
    "availability_pct": FieldType.DOUBLE,
    "busy": FieldType.BOOL,
    "advice": FieldType.STRING,
    "advice_reason": FieldType.STRING,
}


class UsageKpisAlgorithm(EvPlannerAlgorithm):
    ALGORITHM_ID = "usagekpis"
    GROUP_ID = "usage"
    DISPLAY_NAME = tr_noop("Usage KPIs per charge point")

    CHARGE_POINTS = "CHARGE_POINTS"
    ID_FIELD = "ID_FIELD"
    SESSIONS = "SESSIONS"
    OCCUPANCY = "OCCUPANCY"
    STATUS_HISTORY = "STATUS_HISTORY"
    BUSY_THRESHOLD = "BUSY_THRESHOLD"
    LOW_THRESHOLD = "LOW_THRESHOLD"
    MIN_AVAILABILITY_PCT = "MIN_AVAILABILITY_PCT"
    DATE_FROM = "DATE_FROM"
    DATE_TO = "DATE_TO"
    OUTPUT = "OUTPUT"
    BUSY_COUNT = "BUSY_COUNT"
    ADD_NEARBY_COUNT = "ADD_NEARBY_COUNT"
    CONSIDER_MOVING_COUNT = "CONSIDER_MOVING_COUNT"
    OVERLAPPING_SESSIONS = "OVERLAPPING_SESSIONS"

    def initAlgorithm(self, config=None) -> None:
        points = QgsProcessingParameterFeatureSource(
            self.CHARGE_POINTS, self.tr("Charge points (common schema)"), [SOURCE_POINT]
        )
        points.setHelp(
            self.tr(
                "Charge points in the common schema (e.g. from Load charge points (OCPI)); matched on "
                "the location id field with the location ids of the other inputs; evse_count is used when present."
            )
        )
        id_field = QgsProcessingParameterField(
            self.ID_FIELD,
            self.tr("Location id field"),
            defaultValue="source_id",
            parentLayerParameterName=self.CHARGE_POINTS,
            optional=True,  # empty means source_id (a required field parameter refuses a missing value)
        )
        id_field.setHelp(self.tr("Field with the OCPI location id (default source_id of the common schema)."))
        sessions = QgsProcessingParameterFeatureSource(
            self.SESSIONS, self.tr("Sessions (table or CSV)"), [SOURCE_VECTOR], optional=True
        )
        sessions.setHelp(
            self.tr(
                "Charging sessions: the output of Load charging sessions (OCPI) or a CSV with the columns "
                "session_id, location_id, evse_uid, start, end, kwh, charging_hours, parking_hours, cost "
                "(location_id, start and end required)."
            )
        )
        # "(*)" rather than the default "(*.*)" so that a folder (no dot in its name) is accepted too.
        occupancy = QgsProcessingParameterFile(
            self.OCCUPANCY,
            self.tr("Occupancy snapshots (file or folder)"),
            fileFilter=self.tr("JSON files (*.json);;All files and folders (*)"),
            optional=True,
        )
        occupancy.setHelp(
            self.tr(
                "A JSON file, or a folder of JSON files, of hourly occupancy: "
                "{date, tz, locations: {id: {n, occ[24]}}} with occ in % of EVSEs in use."
            )
        )
        status = QgsProcessingParameterFile(
            self.STATUS_HISTORY, self.tr("Status history (CSV)"), extension="csv", optional=True
        )
        status.setHelp(
            self.tr(
                "CSV with observed_at (ISO 8601 with offset), location_id, status; gives availability_pct."
            )
        )
        busy = percent_parameter(
            self.BUSY_THRESHOLD,
            self.tr("Busy above occupancy (%)"),
            self.tr(
                "A point whose mean occupancy is above this share (%) counts as busy and gets the advice "
                "'add nearby' (paal volgt paal)."
            ),
            default=70.0,
        )
        low = percent_parameter(
            self.LOW_THRESHOLD,
            self.tr("Little used below occupancy (%)"),
            self.tr("A point whose mean occupancy is below this share (%) gets 'consider moving'."),
            default=10.0,
        )
        min_availability = percent_parameter(
            self.MIN_AVAILABILITY_PCT,
            self.tr("Watch below availability (%)"),
            self.tr("A point with a lower availability gets 'watch'."),
            default=90.0,
        )
        date_from = QgsProcessingParameterDateTime(self.DATE_FROM, self.tr("Period start"), optional=True)
        date_from.setHelp(self.tr("Start of the period of the sessions; default: the first session start."))
        date_to = QgsProcessingParameterDateTime(self.DATE_TO, self.tr("Period end"), optional=True)
        date_to.setHelp(self.tr("End of the period of the sessions; default: the last session end."))
        for parameter in (points, sessions, occupancy, status, busy):
            self.addParameter(parameter)
        for parameter in (id_field, low, min_availability, date_from, date_to):
            parameter.setFlags(parameter.flags() | PARAMETER_ADVANCED)
            self.addParameter(parameter)
        output = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Usage KPIs"))
        output.setHelp(
            self.tr(
                "The charge points with all their fields plus sessions_per_day, kwh_per_day, kwh_per_year, "
                "occupancy_mean, occupancy_peak_hour, hours_sampled, share_hours_full, "
                "blocking_hours_per_session, availability_pct, busy, advice and advice_reason."
            )
        )
        self.addParameter(output)
        for name, label in (
            (self.BUSY_COUNT, self.tr("Busy points")),
            (self.ADD_NEARBY_COUNT, self.tr("Points with advice 'add nearby'")),
            (self.CONSIDER_MOVING_COUNT, self.tr("Points with advice 'consider moving'")),
            (self.OVERLAPPING_SESSIONS, self.tr("Overlapping sessions on one EVSE")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def checkParameterValues(self, parameters: dict[str, Any], context: QgsProcessingContext):
        ok, message = super().checkParameterValues(parameters, context)
        if ok:
            message = self._parameter_problem(parameters, context)
            ok = not message
        return ok, message

    def _parameter_problem(self, parameters: dict[str, Any], context: QgsProcessingContext) -> str:
        """The rules between parameters, checked before the run; empty when they hold."""
        if not any(
            is_given(parameters.get(name)) for name in (self.SESSIONS, self.OCCUPANCY, self.STATUS_HISTORY)
        ):
            return self.tr("Give at least one of SESSIONS, OCCUPANCY or STATUS_HISTORY.")
        low = self.parameterAsDouble(parameters, self.LOW_THRESHOLD, context)
        if low >= self.parameterAsDouble(parameters, self.BUSY_THRESHOLD, context):
            return self.tr("The little-used threshold must be below the busy threshold.")
        return period_problem(self, parameters, context, self.DATE_FROM, self.DATE_TO)

    # --- inputs -------------------------------------------------------------------------------
    def _period(self, parameters, context) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
        start = utc_timestamp(self.parameterAsDateTime(parameters, self.DATE_FROM, context))
        end = utc_timestamp(self.parameterAsDateTime(parameters, self.DATE_TO, context))
        return start, end

    def _sessions(self, parameters, context, feedback, period) -> pd.DataFrame | None:
        if not is_given(parameters.get(self.SESSIONS)):
            return None
        source = self.parameterAsSource(parameters, self.SESSIONS, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.SESSIONS))
        date_from, date_to = period
        csv_path = csv_path_of(self.parameterAsVectorLayer(parameters, self.SESSIONS, context))
        if csv_path is not None:
            table = core_sessions.read_sessions_csv(csv_path, date_from=date_from, date_to=date_to)
        else:
            frame = source_as_frame(source, feedback, (5.0, 40.0))
            table = core_sessions.sessions_from_frame(frame, date_from=date_from, date_to=date_to)
        report_core_skips(feedback, self.tr("Sessions"), table.skipped)
        feedback.pushInfo(self.tr("Sessions: {count} usable.").format(count=len(table)))
        return table.frame

    def _occupancy(self, parameters, context, feedback) -> pd.DataFrame | None:
        path = self.parameterAsFile(parameters, self.OCCUPANCY, context)
        if not path:
            return None
        table = core_occupancy.read_occupancy(path)
        report_core_skips(feedback, self.tr("Occupancy"), table.skipped)
        feedback.pushInfo(
            self.tr("Occupancy: {hours} sampled hours from {files} file(s), local hours in {tz}.").format(
                hours=len(table.frame), files=table.files, tz=table.tz
            )
        )
        return table.frame

    def _status(self, parameters, context, feedback, period) -> pd.DataFrame | None:
        path = self.parameterAsFile(parameters, self.STATUS_HISTORY, context)
        if not path:
            return None
        # Rows after now or outside DATE_FROM - DATE_TO are skipped and reported, as sessions are.
        date_from, date_to = period
        history = core_occupancy.read_status_history(path, date_from=date_from, date_to=date_to)
        report_core_skips(feedback, self.tr("Status history"), history.skipped)
        return history.frame

    def _charge_points(
        self, source: QgsFeatureSource, id_field: str, feedback
    ) -> tuple[pd.DataFrame, list[int]]:
        """The points' location ids and EVSE counts, and their feature ids in the same order."""
        id_index = source.fields().lookupField(id_field)
        evse_index = source.fields().lookupField("evse_count")
        fids, ids, evses = [], [], []
        request = QgsFeatureRequest().setSubsetOfAttributes([i for i in (id_index, evse_index) if i >= 0])
        for feature in source.getFeatures(request):
            if feedback.isCanceled():
                raise CanceledError()
            fids.append(feature.id())
            ids.append(attribute_value(feature.attribute(id_index)))
            evses.append(attribute_value(feature.attribute(evse_index)) if evse_index >= 0 else None)
        if not fids:
            raise QgsProcessingException(self.tr("The charge point layer has no features."))
        points = core_kpis.charge_points(ids, evses)
        without_id = core_kpis.points_without_id(points)
        if without_id:
            feedback.reportError(
                self.tr("{count} charge point(s) without a location id get no figures.").format(
                    count=without_id
                ),
                False,
            )
        return points, fids

    def _thresholds(self, parameters, context) -> core_kpis.Thresholds:
        return core_kpis.Thresholds(
            busy_pct=self.parameterAsDouble(parameters, self.BUSY_THRESHOLD, context),
            low_pct=self.parameterAsDouble(parameters, self.LOW_THRESHOLD, context),
            min_availability_pct=self.parameterAsDouble(parameters, self.MIN_AVAILABILITY_PCT, context),
        )

    def _templates(self) -> dict[str, str]:
        return {
            "no_data": self.tr("no usage data for this point"),
            "little_data": self.tr("too little data: {sampled}"),
            "busy": self.tr("occupancy {occupancy} % above the busy threshold of {busy} %"),
            "low_availability": self.tr("availability {availability} % below {min_availability} %"),
            "low_use": self.tr("occupancy {occupancy} % below {low} %"),
            "near_busy": self.tr("occupancy {occupancy} % close to the busy threshold of {busy} %"),
            "normal": self.tr("occupancy {occupancy} % between {low} % and {busy} %"),
            "available": self.tr("availability {availability} %, no usage data"),
        }

    def _report(self, result: core_kpis.UsageResult, feedback: QgsProcessingFeedback) -> None:
        missing_texts = {
            core_kpis.MISSING_SESSIONS: self.tr("no SESSIONS given"),
            core_kpis.MISSING_NO_SESSION: self.tr("SESSIONS holds no usable session"),
            core_kpis.MISSING_KWH: self.tr("the sessions carry no kWh"),
            core_kpis.MISSING_CHARGING_TIME: self.tr("the sessions carry no charging time"),
            core_kpis.MISSING_OCCUPANCY: self.tr("no OCCUPANCY snapshots given"),
            core_kpis.MISSING_OCCUPANCY_OR_SESSIONS: self.tr("neither OCCUPANCY nor SESSIONS given"),
            core_kpis.MISSING_STATUS: self.tr("no STATUS_HISTORY given"),
        }
        by_reason: dict[str, list[str]] = {}
        for name, reason in result.not_computed.items():
            by_reason.setdefault(reason, []).append(name)
        for reason, names in by_reason.items():
            feedback.pushWarning(
                self.tr("Not computed ({reason}): {fields}.").format(
                    reason=missing_texts.get(reason, reason), fields=", ".join(names)
                )
            )
        for label, unknown in result.unknown_ids.items():
            feedback.reportError(
                self.tr(
                    "{input}: {rows} record(s) with {ids} location id(s) that are not among the charge "
                    "points were ignored, e.g. {examples}."
                ).format(
                    input=label, rows=unknown.rows, ids=unknown.ids, examples=", ".join(unknown.examples)
                ),
                False,
            )
        if result.overlapping_sessions:
            feedback.reportError(
                self.tr(
                    "{count} session(s) overlap an earlier session on the same EVSE ({evses} EVSE(s), "
                    "e.g. {examples}); their overlap is counted once in the occupancy."
                ).format(
                    count=result.overlapping_sessions,
                    evses=result.overlapping_evses,
                    examples=", ".join(result.overlap_examples),
                ),
                False,
            )
        if result.occupancy_from == "sessions":
            feedback.pushInfo(self.tr("occupancy_mean computed from the sessions (no OCCUPANCY given)."))
        if result.period is not None:
            feedback.pushInfo(
                self.tr("Sessions period: {start} to {end}.").format(
                    start=result.period[0].isoformat(), end=result.period[1].isoformat()
                )
            )

    # --- run ------------------------------------------------------------------------------------
    def run_algorithm(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ):
        source = self.parameterAsSource(parameters, self.CHARGE_POINTS, context)
        if source is None:
            raise QgsProcessingException(self.tr("The charge point layer could not be opened."))
        id_field = self.parameterAsString(parameters, self.ID_FIELD, context) or "source_id"
        if source.fields().lookupField(id_field) < 0:
            raise QgsProcessingException(
                self.tr("The charge point layer has no field {field} (the location id).").format(
                    field=id_field
                )
            )
        period = self._period(parameters, context)
        sessions = self._sessions(parameters, context, feedback, period)
        occupancy = self._occupancy(parameters, context, feedback)
        status = self._status(parameters, context, feedback, period)
        feedback.setProgress(45)
        points, fids = self._charge_points(source, id_field, feedback)

        result = core_kpis.compute_usage_kpis(
            points,
            sessions=sessions,
            occupancy=occupancy,
            status=status,
            thresholds=self._thresholds(parameters, context),
            period=core_kpis.sessions_period(*period, sessions),
            templates=self._templates(),
            sampled_templates={
                "hours": self.tr("{value} hours sampled"),
                "days": self.tr("{value} days of sessions"),
            },
        )
        self._report(result, feedback)
        feedback.setProgress(60)

        dest_id = self._write(parameters, context, feedback, source, result.kpis, fids)
        style_output(context, dest_id, "usage_kpis")
        feedback.setProgress(100)
        return {
            self.OUTPUT: dest_id,
            self.BUSY_COUNT: result.busy_count,
            self.ADD_NEARBY_COUNT: result.advice_count(core_kpis.ADVICE_ADD_NEARBY),
            self.CONSIDER_MOVING_COUNT: result.advice_count(core_kpis.ADVICE_CONSIDER_MOVING),
            self.OVERLAPPING_SESSIONS: result.overlapping_sessions,
        }

    def _write(self, parameters, context, feedback, source, kpis: pd.DataFrame, fids: list[int]) -> str:
        """The charge points with their figures; figures of an earlier run on the layer are replaced."""
        fields, kept = output_fields(source, list(KPI_FIELD_TYPES.items()), feedback, self.CHARGE_POINTS)
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, source.wkbType(), source.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        # Plain Python values (numpy and pandas NA scalars are not QVariant-compatible).
        columns = [[plain(v) for v in kpis[name].tolist()] for name in KPI_FIELD_TYPES]
        rows = {fid: [column[n] for column in columns] for n, fid in enumerate(fids)}
        if not write_features(sink, source, fields, kept, rows, fids, feedback, 60, 100):
            raise CanceledError()
        return dest_id
