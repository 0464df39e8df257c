"""evplanner:importreviewevents — decisions and steps from a colleague's spreadsheet (CSV)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ...compat import PARAMETER_ADVANCED
from ...core.review.events import DEFAULT_LOCAL_TIMEZONE
from ...core.review.importer import import_events
from ...i18n import tr, translate_message
from ..base import EvPlannerAlgorithm, tr_noop
from ..review_target import authcfg_parameter, open_review, review_parameter


class ImportReviewEvents(EvPlannerAlgorithm):
    ALGORITHM_ID = "importreviewevents"
    GROUP_ID = "review"
    DISPLAY_NAME = tr_noop("Import review events (CSV)")

    REVIEW = "REVIEW"
    EVENTS = "EVENTS"
    TIMEZONE = "TIMEZONE"
    IMPORTED = "IMPORTED"
    SKIPPED = "SKIPPED"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(review_parameter(self.REVIEW))
        self.addParameter(authcfg_parameter())
        events = QgsProcessingParameterFile(
            self.EVENTS, self.tr("Events (CSV)"), fileFilter=self.tr("CSV files (*.csv *.txt)")
        )
        events.setHelp(
            self.tr(
                "Columns location_id, at, actor, department, action, reason, comment (optional: installer); "
                "comma, semicolon or tab separated, UTF-8 or Windows-1252."
            )
        )
        self.addParameter(events)
        zone = QgsProcessingParameterString(
            self.TIMEZONE, self.tr("Time zone of times without offset"), defaultValue=DEFAULT_LOCAL_TIMEZONE
        )
        zone.setHelp(self.tr("IANA time zone in which spreadsheet times without a UTC offset were written."))
        zone.setFlags(zone.flags() | PARAMETER_ADVANCED)
        self.addParameter(zone)
        self.addOutput(QgsProcessingOutputNumber(self.IMPORTED, self.tr("Events imported")))
        self.addOutput(QgsProcessingOutputNumber(self.SKIPPED, self.tr("Rows skipped")))

    def run_algorithm(self, parameters, context, feedback):
        store = open_review(self, parameters, context)
        csv_path = self.parameterAsFile(parameters, self.EVENTS, context)
        zone = self.parameterAsString(parameters, self.TIMEZONE, context) or DEFAULT_LOCAL_TIMEZONE
        result = import_events(
            store,
            csv_path,
            local_timezone=zone,
            progress=lambda done, total: feedback.setProgress(100.0 * done / max(total, 1)),
            is_canceled=feedback.isCanceled,
        )
        for line, reason, detail in result.skipped_rows:
            message = self.tr("line {line}: {reason}: {detail}").format(
                line=line,
                reason=tr(reason),  # a SKIP_* constant of the importer, marked with tr_noop there
                detail=detail if isinstance(detail, str) else translate_message(detail),
            )
            feedback.reportError(self.tr("Skipped {message}").format(message=message), False)
        feedback.pushInfo(
            self.tr("{imported} of {rows} rows imported, {skipped} skipped.").format(
                imported=result.imported, rows=result.rows, skipped=result.skipped_count
            )
        )
        for reason, count in sorted(result.skipped.items()):
            feedback.pushInfo(self.tr("  {reason}: {count}").format(reason=tr(reason), count=count))
        return {self.IMPORTED: result.imported, self.SKIPPED: result.skipped_count}
