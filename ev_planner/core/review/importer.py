"""Import of review events from a CSV that colleagues filled in a spreadsheet.

Columns: ``location_id, at, actor, department, action, reason, comment`` (and
optionally ``installer``). Each row is validated on its own: an unknown
location, an invalid transition or a bad timestamp is reported, skipped and
counted. Each row's event id is a hash of its content, so importing the same
file twice adds nothing. The whole import is one transaction: a crash or a
cancellation halfway leaves the GeoPackage exactly as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional, Set, Tuple, Union

from ..csvfile import read_csv, require_columns
from ..errors import CanceledError, EvPlannerError, ReviewError, tr_noop
from .events import DEFAULT_LOCAL_TIMEZONE, ReviewEvent, content_key, format_utc, parse_timestamp, zone_name
from .states import NOTE_ACTIONS, TransitionError, apply_event
from .store import ReviewStore

CSV_COLUMNS = ("location_id", "at", "actor", "department", "action", "reason", "comment")
OPTIONAL_COLUMNS = ("installer",)

# Why a row was skipped: the keys of ImportResult.skipped (stable, for reports and tests).
SKIP_UNKNOWN_LOCATION = tr_noop("unknown location")
SKIP_INVALID_TRANSITION = tr_noop("invalid transition")
SKIP_BAD_TIMESTAMP = tr_noop("bad timestamp")
SKIP_DUPLICATE = tr_noop("already imported")
SKIP_MISSING_VALUE = tr_noop("missing value")
SKIP_NOT_PERMITTED = tr_noop("not permitted for your database login")


@dataclass
class ImportResult:
    imported: int = 0
    rows: int = 0
    skipped: Dict[str, int] = field(default_factory=dict)
    messages: List[str] = field(default_factory=list)  # one line per skipped row, in English
    # The same rows as (line, reason, detail) for a translated report: the detail is a text
    # or an error whose message is translated where it is shown.
    skipped_rows: List[Tuple[int, str, Union[str, EvPlannerError]]] = field(default_factory=list)

    def skip(self, reason: str, line: int, detail: Union[str, EvPlannerError]) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1
        self.messages.append(f"line {line}: {reason}: {detail}")
        self.skipped_rows.append((line, reason, detail))

    @property
    def skipped_count(self) -> int:
        return sum(self.skipped.values())


def _read_rows(csv_path: Path) -> Tuple[List[Dict[str, str]], List[int]]:
    """The rows of the CSV (Dutch Excel's ``;`` and cp1252 included) and the line each starts on."""
    table = read_csv(csv_path)
    require_columns(table, CSV_COLUMNS, csv_path.name)
    return table.rows, table.lines


def import_events(
    store: ReviewStore,
    csv_path: Path | str,
    local_timezone: str = DEFAULT_LOCAL_TIMEZONE,
    progress: Optional[Callable[[int, int], None]] = None,
    is_canceled: Optional[Callable[[], bool]] = None,
) -> ImportResult:
    """Import a CSV of events into ``store``; see the module docstring.

    ``progress(done, total)`` is called per row. When ``is_canceled()`` returns
    True the import is rolled back and :class:`CanceledError` raised. A
    ``local_timezone`` that is no zone of the tz database raises :class:`InputError`
    before the review is touched.
    """
    # Before anything is read or written: a wrong zone would shift every naive time.
    local_timezone = zone_name(local_timezone)
    csv_path = Path(csv_path)
    rows, lines = _read_rows(csv_path)
    result = ImportResult(rows=len(rows))
    known = set(store.location_ids())
    with store.transaction() as connection:
        existing_ids = store.event_ids(connection)
        states: Dict[str, tuple] = {}
        for index, (row, line) in enumerate(zip(rows, lines)):
            if is_canceled is not None and is_canceled():
                raise CanceledError()
            if progress is not None:
                progress(index, len(rows))
            event = _event_of_row(row, line, csv_path.name, local_timezone, known, result)
            if event is None:
                continue
            if event.event_id in existing_ids:
                result.skip(
                    SKIP_DUPLICATE,
                    line,
                    ReviewError(
                        "{location} {action} at {at}",
                        location=event.location_id,
                        action=event.action,
                        at=event.at,
                    ),
                )
                continue
            if _append_event(store, connection, event, line, states, result):
                existing_ids.add(event.event_id)
        for location_id, (state, last_at, count) in states.items():
            store.write_derived(connection, location_id, state, last_at, count)
    if progress is not None:
        progress(len(rows), len(rows))
    return result


def _event_of_row(
    row: Dict[str, str], line: int, file_name: str, local_timezone: str, known: Set[str], result: ImportResult
) -> Optional[ReviewEvent]:
    """The event of one CSV row, or None when the row is skipped (and counted in ``result``)."""
    location_id = row.get("location_id", "")
    action = row.get("action", "").lower()
    if not location_id or not action:
        result.skip(SKIP_MISSING_VALUE, line, ReviewError("location_id and action are required"))
        return None
    if location_id not in known:
        result.skip(SKIP_UNKNOWN_LOCATION, line, location_id)
        return None
    try:
        at = format_utc(parse_timestamp(row.get("at"), local_timezone))
    except ReviewError as exc:
        result.skip(SKIP_BAD_TIMESTAMP, line, exc)
        return None
    fields = [location_id, at, row.get("actor"), row.get("department"), action]
    fields += [row.get("reason"), row.get("comment"), row.get("installer")]
    return ReviewEvent(
        event_id="csv-" + content_key(*fields),
        location_id=location_id,
        at=at,
        actor=row.get("actor", ""),
        department=row.get("department") or None,
        action=action,
        reason=row.get("reason") or None,
        comment=row.get("comment") or None,
        installer=row.get("installer") or None,
        source=f"csv:{file_name}",
    )


def _append_event(
    store: ReviewStore,
    connection,
    event: ReviewEvent,
    line: int,
    states: Dict[str, tuple],
    result: ImportResult,
) -> bool:
    """Append the event when the location's state allows it; ``states`` keeps each replayed state."""
    location_id, action = event.location_id, event.action
    if location_id not in states:
        states[location_id] = store.replay(connection, location_id)
    state, _, count = states[location_id]
    refusal = store.refusal(event)  # a PostgreSQL review's trigger would refuse the whole import
    if refusal is not None:
        result.skip(SKIP_NOT_PERMITTED, line, refusal)
        return False
    try:
        new_state = apply_event(
            state,
            action,
            store.config,
            at=event.at,
            department=event.department,
            reason=event.reason,
            installer=event.installer,
        )
    except TransitionError as exc:
        result.skip(
            SKIP_INVALID_TRANSITION,
            line,
            ReviewError("{location}: {error}", location=location_id, error=exc),
        )
        return False
    if action in NOTE_ACTIONS and not event.comment:
        result.skip(SKIP_MISSING_VALUE, line, ReviewError("a '{action}' row needs a comment", action=action))
        return False
    store.insert_event(connection, event)
    states[location_id] = (new_state, event.at, count + 1)
    result.imported += 1
    return True
