"""What a charge-point load read and skipped, reported in the user's language."""

from __future__ import annotations

from qgis.core import QgsProcessingFeedback

from ..core.sources.records import PLAUSIBLE_RANGES, LoadResult
from ..i18n import tr, translate_message


def report_load(feedback: QgsProcessingFeedback, label: str, result: LoadResult) -> None:
    """Every skipped, left-out or corrected record of ``result``, then the number read."""
    _report_skipped(feedback, label, result)
    report = result.report
    if report.unpublished:
        feedback.pushInfo(
            tr("{source}: {count} location(s) not published (publish: false) skipped.").format(
                source=label, count=report.unpublished
            )
        )
    if report.outside_extent:
        feedback.pushInfo(
            tr("{source}: {count} location(s) outside the extent left out.").format(
                source=label, count=report.outside_extent
            )
        )
    if report.duplicates:
        feedback.pushInfo(
            tr("{source}: {count} duplicate record(s) ignored.").format(source=label, count=report.duplicates)
        )
    _report_corrections(feedback, label, result)
    feedback.pushInfo(
        tr("{source}: {count} charge location(s) read.").format(source=label, count=len(result.records))
    )


def _report_skipped(feedback: QgsProcessingFeedback, label: str, result: LoadResult) -> None:
    report = result.report
    # The reasons are the messages of the core's UnusableRecordError (templates without values),
    # so tr() translates them as they are.
    for record_id, reason in report.examples:
        feedback.reportError(
            tr("{source}: record {id} skipped: {reason}.").format(
                source=label, id=record_id, reason=tr(reason)
            ),
            False,
        )
    listed = len(report.examples)
    if report.skipped_total > listed:
        feedback.reportError(
            tr("{source}: {count} more record(s) skipped.").format(
                source=label, count=report.skipped_total - listed
            ),
            False,
        )
    for reason, count in sorted(report.skipped.items()):
        feedback.pushInfo(
            tr("{source}: {count} skipped ({reason}).").format(source=label, count=count, reason=tr(reason))
        )


def _report_corrections(feedback: QgsProcessingFeedback, label: str, result: LoadResult) -> None:
    report = result.report
    if report.swapped:
        feedback.pushWarning(
            tr("{source}: {count} location(s) had latitude and longitude swapped; swapped back.").format(
                source=label, count=report.swapped
            )
        )
    for name, count in sorted(report.implausible.items()):
        low, high = PLAUSIBLE_RANGES[name]
        feedback.pushWarning(
            tr("{source}: {count} value(s) of {field} outside {low:g}–{high:g} set to NULL.").format(
                source=label, count=count, field=name, low=low, high=high
            )
        )
    for note in result.notes:
        feedback.pushWarning(translate_message(note))
