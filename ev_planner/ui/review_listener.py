"""Hearing that a colleague recorded an event in a PostgreSQL review, without freezing QGIS.

Every event the database accepts sends ``NOTIFY <schema>_events, '<location_id>'``. The
listener keeps a second connection of its own (autocommit, so notifications arrive at once)
that LISTENs on that channel; a :class:`QSocketNotifier` on its socket wakes it when the
server writes, so nothing blocks and nothing polls while all is well. When that connection
is lost, a timer asks the review how many events it holds every few seconds (a change means
"reload everything") and tries to LISTEN again.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any, Callable, Optional, Set

from qgis.PyQt.QtCore import QObject, QSocketNotifier, QTimer, pyqtSignal

from ..core.errors import EvPlannerError
from ..core.review.pg_schema import ident

# While LISTEN is impossible: how often the event count is compared and LISTEN is tried again.
FALLBACK_POLL_MS = 3000


class ReviewListener(QObject):
    """Emits ``changed(location_ids)`` once per burst of events ([""] when it is not known which)."""

    changed = pyqtSignal(list)

    def __init__(
        self, connect: Callable[[], Any], channel: str, count_events: Callable[[], int], parent=None
    ) -> None:
        super().__init__(parent)
        self._connect = connect  # holds the login; the listener never sees a password itself
        self._channel = channel
        self._count_events = count_events
        self._connection: Any = None
        self._notifier: Optional[QSocketNotifier] = None
        self._known_count: Optional[int] = None
        self._pending: Set[str] = set()
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(FALLBACK_POLL_MS)
        self._poll_timer.timeout.connect(self._fallback_poll)
        self._emit_timer = QTimer(self)  # a burst of events (an import) gives one refresh
        self._emit_timer.setSingleShot(True)
        self._emit_timer.setInterval(0)
        self._emit_timer.timeout.connect(self._emit_pending)

    @property
    def listening(self) -> bool:
        """LISTEN is in place (rather than the fallback poll)."""
        return self._connection is not None

    @property
    def polling(self) -> bool:
        return self._poll_timer.isActive()

    def start(self) -> bool:
        """LISTEN, or poll when that fails; True when LISTEN works."""
        self._known_count = self._safe_count()
        if self._listen():
            return True
        self._poll_timer.start()
        return False

    def stop(self) -> None:
        self._poll_timer.stop()
        self._emit_timer.stop()
        self._drop_connection()

    def _listen(self) -> bool:
        try:
            connection = self._connect()
            connection.autocommit = True
            connection.cursor().execute(f"LISTEN {ident(self._channel)}")
        except Exception:  # psycopg2.Error or ReviewError: the server is unreachable or refuses
            return False
        self._connection = connection
        self._notifier = QSocketNotifier(connection.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read_notifications)
        return True

    def _drop_connection(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._connection is not None:
            with suppress(Exception):
                self._connection.close()
            self._connection = None

    def _read_notifications(self, *_socket) -> None:
        connection = self._connection
        if connection is None:
            return
        try:
            connection.poll()
        except Exception:  # the connection was lost: poll the count until LISTEN works again
            self._drop_connection()
            self._poll_timer.start()
            return
        while connection.notifies:
            self._pending.add(connection.notifies.pop(0).payload or "")
        if self._pending:
            self._emit_timer.start()

    def _emit_pending(self) -> None:
        pending, self._pending = self._pending, set()
        self.changed.emit(sorted(pending))

    def _fallback_poll(self) -> None:
        count = self._safe_count()
        if count is not None and count != self._known_count:
            self._known_count = count
            self.changed.emit([""])
        if count is not None and self._listen():
            self._poll_timer.stop()

    def _safe_count(self) -> Optional[int]:
        try:
            return self._count_events()
        except EvPlannerError:
            return None
