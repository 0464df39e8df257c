"""Reading usage inputs (sessions, occupancy, status history tables) into pandas, reporting
what the core skipped in them, and the parameters and parameter rules the usage algorithms share."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from qgis.core import (
    QgsFeatureSource,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDateTime, Qt

from ..core.errors import CanceledError
from ..core.safe_json import REASON_NUMBER_OUT_OF_RANGE
from ..core.usage import occupancy as core_occupancy
from ..core.usage import sessions as core_sessions
from ..i18n import tr


def skip_reason_texts() -> dict[str, str]:
    """Translated texts of the core's skip reasons (tr() at run time, when the translator is loaded)."""
    s, o = core_sessions, core_occupancy
    return {
        s.REASON_NOT_AN_OBJECT: tr("not a JSON object"),
        s.REASON_NO_ID: tr("no id"),
        s.REASON_NO_LOCATION: tr("no location id"),
        s.REASON_BAD_START: tr("start missing or unreadable"),
        s.REASON_BAD_END: tr("end missing or unreadable"),
        s.REASON_NOT_FINISHED: tr("session not completed (active, pending or invalid)"),
        s.REASON_NEGATIVE_ENERGY: tr("negative energy"),
        s.REASON_END_BEFORE_START: tr("end before start"),
        s.REASON_FUTURE_START: tr("start in the future"),
        s.REASON_EARLY_START: tr("start before 2009"),
        s.REASON_TOTAL_TIME: tr("total_time does not match the timestamps"),
        s.REASON_CHARGING_LONGER: tr("charging time longer than the session"),
        s.REASON_DUPLICATE: tr("duplicate session id"),
        s.REASON_OUTSIDE_PERIOD: tr("start outside DATE_FROM - DATE_TO"),
        REASON_NUMBER_OUT_OF_RANGE: tr("a number out of range (too large, NaN or Infinity)"),
        o.REASON_UNREADABLE_FILE: tr("unreadable occupancy file"),
        o.REASON_BAD_DAY: tr("occupancy file without a valid date, tz or locations"),
        o.REASON_BAD_LOCATION: tr("location entry without 24 hourly values"),
        o.REASON_OUT_OF_RANGE: tr("occupancy outside 0-100 %"),
        o.REASON_NONEXISTENT_HOUR: tr("value for a clock hour that does not exist (DST change)"),
        o.REASON_DUPLICATE_HOUR: tr("same location and hour in several files"),
        o.REASON_NO_LOCATION: tr("no location id"),
        o.REASON_BAD_TIME: tr("observed_at missing or unreadable"),
        o.REASON_UNKNOWN_STATUS: tr("status not recognised"),
        o.REASON_DUPLICATE_OBSERVATION: tr("same location and time twice"),
        o.REASON_FUTURE_OBSERVATION: tr("observed_at in the future"),
        o.REASON_OBSERVATION_OUTSIDE_PERIOD: tr("observed_at outside DATE_FROM - DATE_TO"),
    }


def report_core_skips(feedback: QgsProcessingFeedback, label: str, skipped) -> None:
    """Report a core SkipCounter: one line per reason with the count and a few example ids."""
    texts = skip_reason_texts()
    for reason, count in skipped.counts.items():
        examples = ", ".join(str(e) for e in skipped.examples.get(reason, []))
        message = tr("{input}: {count} record(s) skipped: {reason}.").format(
            input=label, count=count, reason=texts.get(reason, reason)
        )
        if examples:
            message += " " + tr("Examples: {ids}").format(ids=examples)
        feedback.reportError(message, False)


def attribute_value(value: Any) -> Any:
    """A QGIS attribute value as plain Python (NULL -> None, QDateTime -> ISO 8601 text)."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if isinstance(value, QDateTime):
        return value.toString(Qt.DateFormat.ISODateWithMs)
    return value


def source_as_frame(
    source: QgsFeatureSource, feedback: QgsProcessingFeedback, progress: tuple[float, float]
) -> pd.DataFrame:
    """The attribute table of a source as a DataFrame (all fields, no geometry)."""
    names = [field.name() for field in source.fields()]
    columns: dict[str, list] = {name: [] for name in names}
    total = max(source.featureCount(), 1)
    for n, feature in enumerate(source.getFeatures()):
        if n % 5000 == 0:
            if feedback.isCanceled():
                raise CanceledError()
            feedback.setProgress(progress[0] + (progress[1] - progress[0]) * n / total)
        for name, value in zip(names, feature.attributes()):
            columns[name].append(attribute_value(value))
    return pd.DataFrame(columns)


def csv_path_of(layer: QgsVectorLayer | None) -> str | None:
    """The file behind a layer when it is a plain CSV read by OGR (read much faster with pandas)."""
    if layer is None or layer.providerType() != "ogr":
        return None
    path = layer.source().split("|")[0]
    return path if path.lower().endswith(".csv") and Path(path).is_file() else None


def utc_timestamp(value: QDateTime) -> pd.Timestamp | None:
    if value is None or not value.isValid():
        return None
    return pd.Timestamp(value.toMSecsSinceEpoch(), unit="ms", tz="UTC")


def is_given(value: Any) -> bool:
    """Whether an optional parameter has a value (the dialog passes None, qgis_process may pass "")."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return False
    return not (hasattr(value, "isNull") and value.isNull())


def period_problem(
    algorithm: QgsProcessingAlgorithm, parameters: dict, context: QgsProcessingContext, start: str, end: str
) -> str:
    """The message when the period's end parameter is not after its start parameter, else ""."""
    date_from = utc_timestamp(algorithm.parameterAsDateTime(parameters, start, context))
    date_to = utc_timestamp(algorithm.parameterAsDateTime(parameters, end, context))
    if date_from is not None and date_to is not None and date_to <= date_from:
        return tr("{end} must be after {start}.").format(end=end, start=start)
    return ""
