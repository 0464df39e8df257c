"""The review dock: colleagues decide on locations and record the later process steps.

It holds no workflow logic: every action becomes an event appended through the review
store (:class:`ev_planner.core.review.store.ReviewStore` for a GeoPackage,
:class:`ev_planner.core.review.postgres.PostgresReviewStore` for a PostgreSQL schema),
which checks it against the state machine in one transaction. Attributes are never
edited directly. On PostgreSQL the database decides who may do what: the dock offers only
the departments the login belongs to, shows the login instead of a typed name, and hears
colleagues' events through LISTEN/NOTIFY (:mod:`.review_listener`).
"""

from __future__ import annotations

import os
import tempfile
from html import escape
from pathlib import Path
from typing import List, Optional, Tuple

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateTransform,
    QgsDataSourceUri,
    QgsFeatureRequest,
    QgsPointXY,
    QgsProcessingException,
    QgsProject,
    QgsRectangle,
    QgsSettings,
    QgsVectorLayer,
)
from qgis.gui import QgsAuthConfigSelect, QgsCollapsibleGroupBox, QgsDockWidget, QgsFileWidget
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import EvPlannerError
from ..core.review.events import ReviewEvent, os_user
from ..core.review.pg_schema import COORDINATOR_ACTIONS, coordinator_role, review_roles
from ..core.review.pg_target import is_postgres_target
from ..core.review.postgres import connect
from ..core.review.states import (
    APPROVE,
    CANCEL,
    COMMENT,
    DELIVER,
    INSTALL,
    PERMIT,
    REJECT,
    REQUEST,
    REQUEST_CHANGES,
    RESUBMIT,
    SUBMIT,
    allowed_actions,
)
from ..core.review.store import LOCATIONS_TABLE, BaseReviewStore, ReviewStore, review_path
from ..i18n import tr
from ..processing.review_labels import action_label, reason_label, review_message, status_label
from ..processing.review_target import layer_source, libpq_keywords, open_review_text, resolve_target
from ..processing.review_target import review_layer as postgres_review_layer
from ..processing.styles import apply_style
from .review_listener import ReviewListener

SETTINGS_PREFIX = "ev_planner/review/"
PROJECT_SCOPE, PROJECT_REVIEW_KEY = "ev_planner", "review_gpkg"
# The last PostgreSQL review: its target text (which never holds a password) and authcfg id.
LAST_POSTGRES, LAST_AUTHCFG, LAST_KIND = "last_postgres", "last_authcfg", "last_kind"
PROCESS_ACTIONS = (SUBMIT, RESUBMIT, REQUEST, PERMIT, INSTALL, DELIVER, CANCEL)
# Selecting a location pans the map; only a map drawn coarser than PAN_UP_TO_SCALE (a location
# cannot be judged there) or finer than CLOSEST_SCALE (no street context left) is zoomed to CLOSEST_SCALE.
CLOSEST_SCALE = 2000.0
PAN_UP_TO_SCALE = 10000.0
# The table and the history share the splitter like this when the dock opens (pixels).
SPLITTER_SIZES = (200, 160)
# The width the dock opens with: the table's first columns readable, the map still the larger part.
DOCK_WIDTH = 400


def dock_beside_the_map(window: QMainWindow, dock: QDockWidget) -> None:
    """Put the dock in the right dock area, as a tab of the Processing Toolbox when it is there:
    stacked below it, both would get half of a laptop screen's height."""
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    toolbox = window.findChild(QDockWidget, "ProcessingToolbox")
    if (
        toolbox is not None
        and toolbox is not dock
        and not toolbox.isFloating()
        and window.dockWidgetArea(toolbox) == Qt.DockWidgetArea.RightDockWidgetArea
    ):
        window.tabifyDockWidget(toolbox, dock)
    window.resizeDocks([dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)


def project_review_file() -> Optional[Path]:
    """The review GeoPackage of the current project: its entry ``ev_planner/review_gpkg``,
    relative to the project file (as the example project stores it)."""
    project = QgsProject.instance()
    value, found = project.readEntry(PROJECT_SCOPE, PROJECT_REVIEW_KEY, "")
    if not found or not value:
        return None
    path = Path(value)
    if not path.is_absolute():
        path = Path(project.absolutePath()) / path
    path = normalised_path(path)
    return path if path.is_file() else None


def project_postgres_review() -> Optional[Tuple[str, str]]:
    """The PostgreSQL review whose locations layer the project holds: (target text, authcfg id)."""
    for layer in QgsProject.instance().mapLayers().values():
        if not isinstance(layer, QgsVectorLayer) or layer.providerType() != "postgres":
            continue
        uri = QgsDataSourceUri(layer.source())
        if uri.table() != LOCATIONS_TABLE or not uri.schema():
            continue
        return f"{libpq_keywords(uri)} schema={uri.schema()}".strip(), uri.authConfigId()
    return None


def same_postgres_table(source: str, other: str) -> bool:
    """Two PostGIS layer sources name the same table of the same database."""
    first, second = QgsDataSourceUri(source), QgsDataSourceUri(other)
    return all(
        getattr(first, part)() == getattr(second, part)()
        for part in ("schema", "table", "database", "host", "port", "service")
    )


def recorded_actor(name: str, login: Optional[str] = None) -> str:
    """The actor of a GeoPackage event: the typed name with the operating-system login beside it,
    e.g. "Ann de Vries (ann)".

    A GeoPackage cannot check who someone is; the login, which nobody chooses in the dock, is the
    trace an auditor can follow. It is part of the actor text rather than a column of its own so
    that existing review files, their exports and imports keep the event table they have.
    """
    login = os_user() if login is None else login
    if not login or login.casefold() == name.casefold() or name.endswith(f"({login})"):
        return name
    return f"{name} ({login})"


def normalised_path(path: Path | str) -> Path:
    """``path`` absolute and without ``..`` steps, as the user should read it.

    Not Path.resolve(): on Windows that turns a mapped network drive into its UNC path.
    """
    return Path(os.path.normpath(os.path.abspath(str(path))))


def _narrow_combo() -> QComboBox:
    """A drop-down that does not widen the dock to its longest item (it shows it when opened)."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    return combo


def _escape(text: object) -> str:
    return escape("" if text is None else str(text))


class ReviewDock(QgsDockWidget):
    def __init__(self, iface, parent: Optional[QWidget] = None) -> None:
        super().__init__(tr("EV Planner review"), parent)
        self.setObjectName("EvPlannerReviewDock")
        self.iface = iface
        self.store: Optional[BaseReviewStore] = None
        self.photo_path: Optional[str] = None
        self.listener: Optional[ReviewListener] = None
        self._listener_login = None  # how the listener connects: the password stays in this closure
        self._no_role = False  # a PostgreSQL login that may not decide or record anything
        self._attachment_dir: Optional[str] = None
        self._build()
        settings = QgsSettings()
        self.name_edit.setText(settings.value(SETTINGS_PREFIX + "name", "", type=str))
        self.postgres_edit.setText(settings.value(SETTINGS_PREFIX + LAST_POSTGRES, "", type=str))
        self.auth_select.setConfigId(settings.value(SETTINGS_PREFIX + LAST_AUTHCFG, "", type=str))
        last = settings.value(SETTINGS_PREFIX + "last_file", "", type=str)
        if not self.open_project_review():
            if settings.value(SETTINGS_PREFIX + LAST_KIND, "", type=str) == "postgres":
                self.open_postgres(self.postgres_edit.text(), self.auth_select.configId())
            elif last and Path(last).is_file():
                self.file_widget.setFilePath(last)  # fileChanged opens it
        self._update_reviewer_title()
        self.reviewer_box.setCollapsed(self.reviewer_known())
        QgsProject.instance().readProject.connect(self.open_project_review)

    def release(self) -> None:
        """Stop following the project and the database (before the dock is deleted)."""
        QgsProject.instance().readProject.disconnect(self.open_project_review)
        self._close_review()

    def closeEvent(self, event) -> None:
        self.stop_listening()
        super().closeEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.listener is None and self._listener_login is not None:
            self._start_listening()

    def open_project_review(self, *_document) -> bool:
        """Open the review the current project names: its review GeoPackage entry, or the PostGIS
        layer of a review's locations it holds."""
        path = project_review_file()
        if path is None:
            postgres = project_postgres_review()
            return postgres is not None and self.open_postgres(*postgres)
        self.file_widget.setFilePath(str(path))  # fileChanged opens it
        return isinstance(self.store, ReviewStore) and self.store.path.resolve() == path.resolve()

    def is_postgres(self) -> bool:
        return self.store is not None and not isinstance(self.store, ReviewStore)

    # --- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        """File and reviewer on top, the splitter of table and history in the middle, the
        decision and the process step as tabs below: all in a scroll area, so that the dock
        never forces the QGIS window to grow on a small (1366×768) screen."""
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._build_file_form())
        layout.addLayout(self._build_filter_row())
        layout.addWidget(self._build_locations(), 1)
        self.action_tabs = QTabWidget()
        self.action_tabs.addTab(self._build_decision(), tr("Decision of my department"))
        self.action_tabs.addTab(self._build_process_step(), tr("Process step"))
        layout.addWidget(self.action_tabs)
        # Nothing in the scrolled body may wrap words: a height-for-width layout makes the scroll
        # area keep its preferred height instead of fitting the dock.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        # The message stays in sight below the scrolled part.
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setContentsMargins(4, 0, 4, 4)
        outer = QWidget()
        outer_layout = QVBoxLayout(outer)
        outer_layout.setContentsMargins(0, 0, 0, 0)
        outer_layout.addWidget(scroll, 1)
        outer_layout.addWidget(self.message_label)
        self.setWidget(outer)
        self._step_changed()
        self._update_buttons()

    def _build_file_form(self) -> QgsCollapsibleGroupBox:
        """The review (a GeoPackage file or a PostgreSQL schema) and who is recording: name (or
        login) and department. A returning reviewer sees them collapsed into the title, leaving
        the height to the locations."""
        self.reviewer_box = QgsCollapsibleGroupBox(tr("Review file and reviewer"))
        self.reviewer_box.setSaveCollapsedState(False)
        form = QFormLayout(self.reviewer_box)
        self.file_widget = QgsFileWidget()
        self.file_widget.setFilter(tr("GeoPackage (*.gpkg)"))
        self.file_widget.fileChanged.connect(self.open_review)
        form.addRow(tr("Review file"), self.file_widget)
        form.addRow(tr("PostgreSQL"), self._build_postgres_row())
        self.auth_select = QgsAuthConfigSelect(None, "postgres")
        self.auth_select.setToolTip(tr("The QGIS authentication configuration to log in with (Basic)"))
        form.addRow(tr("Authentication"), self.auth_select)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(tr("Your name, recorded with every event"))
        self.name_edit.editingFinished.connect(self._remember_reviewer)
        self.login_label = QLabel()
        # A stack, not hidden widgets: expanding the group box shows every child again.
        reviewer = QStackedWidget()
        reviewer.addWidget(self.name_edit)
        reviewer.addWidget(self.login_label)
        reviewer.setSizePolicy(self.name_edit.sizePolicy())
        self.reviewer_stack = reviewer
        self.name_row_label = QLabel(tr("Your name"))
        form.addRow(self.name_row_label, reviewer)
        self.department_combo = _narrow_combo()
        self.department_combo.currentIndexChanged.connect(self._department_changed)
        form.addRow(tr("Your department"), self.department_combo)
        return self.reviewer_box

    def _build_postgres_row(self) -> QHBoxLayout:
        self.postgres_edit = QLineEdit()
        self.postgres_edit.setPlaceholderText(tr("or service=NAME schema=NAME"))
        self.postgres_edit.setToolTip(
            tr(
                "A review in PostgreSQL: postgresql://user@host/database?schema=NAME, service=NAME "
                "schema=NAME, or connection=NAME schema=NAME for a saved QGIS connection. The password "
                "comes from the authentication configuration, pg_service.conf or .pgpass, never from this text."
            )
        )
        self.postgres_edit.returnPressed.connect(self._open_postgres_from_form)
        self.postgres_button = QToolButton()
        self.postgres_button.setText(tr("Open"))
        self.postgres_button.clicked.connect(self._open_postgres_from_form)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.postgres_edit, 1)
        row.addWidget(self.postgres_button)
        return row

    def reviewer(self) -> str:
        """Who records: the login on PostgreSQL, the typed name for a GeoPackage."""
        if self.is_postgres():
            try:
                return self.store.session_user()
            except EvPlannerError:
                return ""
        return self.name_edit.text().strip()

    def reviewer_known(self) -> bool:
        """A review is open and the name and department to record are set."""
        return self.store is not None and bool(self.reviewer()) and bool(self.department())

    def _update_reviewer_title(self) -> None:
        if self.reviewer_known():
            where = self.store.path.name if isinstance(self.store, ReviewStore) else self.store.schema
            title = f"{where} · {self.reviewer()} ({self.department()})"
        else:
            title = tr("Review file and reviewer")
        self.reviewer_box.setTitle(title)

    def _build_filter_row(self) -> QHBoxLayout:
        """Which locations the table lists, and reading colleagues' decisions again."""
        self.awaiting_only = QCheckBox(tr("Only those awaiting my department"))
        self.awaiting_only.setChecked(True)
        self.awaiting_only.toggled.connect(self.refresh_locations)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.awaiting_only, 1)
        self.refresh_button = QToolButton()
        self.refresh_button.setIcon(QgsApplication.getThemeIcon("/mActionRefresh.svg"))
        self.refresh_button.setText(tr("Refresh"))
        self.refresh_button.setToolTip(tr("Read the decisions colleagues recorded since you opened the file"))
        self.refresh_button.clicked.connect(self.refresh_locations)
        filter_row.addWidget(self.refresh_button)
        return filter_row

    def _build_locations(self) -> QSplitter:
        """The table of locations above the history of the selected one."""
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([tr("Location"), tr("Status"), tr("Awaiting"), tr("Address")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.setMinimumHeight(4 * self.table.verticalHeader().defaultSectionSize())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.splitter.addWidget(self.table)
        self.history = QTextBrowser()
        self.history.setOpenExternalLinks(False)
        self.history.setOpenLinks(False)
        self.history.anchorClicked.connect(self._open_attachment)
        self.history.setMinimumHeight(3 * self.history.fontMetrics().height())
        self.splitter.addWidget(self.history)
        self.splitter.setSizes(list(SPLITTER_SIZES))
        return self.splitter

    def _build_decision(self) -> QWidget:
        """The decision of the reviewer's department: reason, comment, the decision buttons, a photo."""
        decide = QWidget()
        decide_layout = QVBoxLayout(decide)
        decide_layout.setContentsMargins(6, 6, 6, 6)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(tr("Reason (required to reject)"))
        decide_layout.addWidget(self.reason_edit)
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setPlaceholderText(tr("Comment"))
        self.comment_edit.setMaximumHeight(2 * self.comment_edit.fontMetrics().height() + 14)
        decide_layout.addWidget(self.comment_edit)
        self.approve_button = QPushButton(tr("Approve"))
        self.approve_button.clicked.connect(lambda: self.record(APPROVE))
        self.reject_button = QPushButton(tr("Reject"))
        self.reject_button.clicked.connect(lambda: self.record(REJECT))
        self.changes_button = QPushButton(tr("Request changes"))
        self.changes_button.clicked.connect(lambda: self.record(REQUEST_CHANGES))
        self.comment_button = QPushButton(tr("Comment"))
        self.comment_button.clicked.connect(lambda: self.record(COMMENT))
        self.photo_button = QPushButton(tr("Attach photo…"))
        self.photo_button.clicked.connect(self._choose_photo)
        # The decisions on one row, the notes on the next: five buttons in a row would make the
        # dock too wide, a grid would make every column as wide as its widest (Dutch) label.
        for row in (
            (self.approve_button, self.reject_button, self.changes_button),
            (self.comment_button, self.photo_button),
        ):
            buttons = QHBoxLayout()
            for button in row:
                buttons.addWidget(button)
            decide_layout.addLayout(buttons)
        return decide

    def _build_process_step(self) -> QWidget:
        """A later process step (request, permit, install, ...) with its details."""
        steps = QWidget()
        steps_layout = QFormLayout(steps)
        steps_layout.setContentsMargins(6, 6, 6, 6)
        self.step_combo = _narrow_combo()
        for action in PROCESS_ACTIONS:
            self.step_combo.addItem(action_label(action), action)
        self.step_combo.currentIndexChanged.connect(self._step_changed)
        steps_layout.addRow(tr("Step"), self.step_combo)
        self.cancel_reason_combo = _narrow_combo()
        steps_layout.addRow(tr("Cancellation reason"), self.cancel_reason_combo)
        self.installer_edit = QLineEdit()
        self.installer_edit.setPlaceholderText(tr("Installer (install, deliver)"))
        steps_layout.addRow(tr("Installer"), self.installer_edit)
        self.step_photo = QgsFileWidget()
        self.step_photo.setFilter(tr("Images (*.jpg *.jpeg *.png *.heic *.tif);;All files (*)"))
        self.step_photo.setToolTip(tr("Optional photo of this step, e.g. the street at delivery"))
        steps_layout.addRow(tr("Photo"), self.step_photo)
        self.step_button = QPushButton(tr("Record step"))
        self.step_button.clicked.connect(self._record_step)
        steps_layout.addRow(self.step_button)
        return steps

    # --- opening --------------------------------------------------------------------------
    def open_review(self, path: str) -> bool:
        path = (path or "").strip()
        if not path:
            return False
        path = str(normalised_path(review_path(path)))
        if path != self.file_widget.filePath():
            self.file_widget.blockSignals(True)  # shown as it is opened, without opening it twice
            self.file_widget.setFilePath(path)
            self.file_widget.blockSignals(False)
        self._close_review()
        try:
            # A short busy timeout: the dock must not freeze QGIS while another program holds the file.
            store = ReviewStore(path, busy_timeout=5.0)
        except EvPlannerError as exc:
            return self._failed(exc)
        settings = QgsSettings()
        settings.setValue(SETTINGS_PREFIX + "last_file", str(store.path))
        settings.setValue(SETTINGS_PREFIX + LAST_KIND, "gpkg")
        self._opened(store, list(store.config.department_names))
        self._show(tr("Opened {file}.").format(file=store.path.name))
        return True

    def _open_postgres_from_form(self) -> None:
        self.open_postgres(self.postgres_edit.text(), self.auth_select.configId())

    def open_postgres(self, text: str, authcfg: str = "") -> bool:
        """Open a review schema (text as the REVIEW parameter takes it) with the login of ``authcfg``."""
        text, authcfg = (text or "").strip(), (authcfg or "").strip()
        if not is_postgres_target(text):
            return self.open_review(text) if text else False
        self.postgres_edit.setText(text)
        self.postgres_edit.setCursorPosition(0)  # the host and database, not the schema, in sight
        if authcfg and self.auth_select.configId() != authcfg:
            self.auth_select.setConfigId(authcfg)
        self._close_review()
        try:
            store = open_review_text(text, authcfg)
            target, user, password = resolve_target(text, authcfg)
        except (EvPlannerError, QgsProcessingException) as exc:
            return self._failed(exc, postgres=True)
        settings = QgsSettings()
        # The text never holds a password (the parser refuses one); the authcfg is only an id.
        settings.setValue(SETTINGS_PREFIX + LAST_POSTGRES, text)
        settings.setValue(SETTINGS_PREFIX + LAST_AUTHCFG, authcfg)
        settings.setValue(SETTINGS_PREFIX + LAST_KIND, "postgres")
        try:
            departments = store.member_departments()
            coordinator = store.is_coordinator()
            login = store.session_user()
        except EvPlannerError as exc:
            store.close()
            return self._failed(exc, postgres=True)
        self._no_role = not departments and not coordinator
        self._opened(store, departments)
        self._listener_login = lambda: connect(target, password, user)
        self._start_listening()
        if self._no_role:
            self._show(self._no_role_message(login), error=True)
        else:
            self._show(tr("Opened {file} as {user}.").format(file=store.schema, user=login))
        return True

    def _no_role_message(self, login: str) -> str:
        roles = ", ".join([*review_roles(self.store.schema, self.store.config).values()])
        return tr(
            "{user} holds none of the roles of the review {schema}, so cannot decide or record steps. Ask "
            "the review's administrator for the role of your department ({roles}) or {coordinator}."
        ).format(
            user=login, schema=self.store.schema, roles=roles, coordinator=coordinator_role(self.store.schema)
        )

    def _failed(self, exc: Exception, postgres: bool = False) -> bool:
        self.store = None
        self._no_role = postgres  # no decision controls for a review this login cannot open
        self._show(review_message(exc) if isinstance(exc, EvPlannerError) else str(exc), error=True)
        self._show_reviewer_fields()
        self.refresh_locations()
        return False

    def _opened(self, store: BaseReviewStore, departments: List[str]) -> None:
        """Fill the dock from a review just opened; ``departments`` are those one may decide for."""
        self.store = store
        remembered = QgsSettings().value(SETTINGS_PREFIX + "department", "", type=str)
        self.department_combo.blockSignals(True)
        self.department_combo.clear()
        for name in departments:
            self.department_combo.addItem(name, name)
        index = self.department_combo.findData(remembered)
        if index < 0 and len(departments) == 1:
            index = 0  # a PostgreSQL login usually belongs to one department
        self.department_combo.setCurrentIndex(index)
        self.department_combo.blockSignals(False)
        self.cancel_reason_combo.clear()
        for reason in store.config.cancellation_reasons:
            self.cancel_reason_combo.addItem(reason_label(reason), reason)
        self._show_reviewer_fields()
        self._update_reviewer_title()
        self.refresh_locations()
        if self.iface is not None:
            self.review_layer(add=True)  # show the locations at once, with the review's style

    def _show_reviewer_fields(self) -> None:
        """A typed name for a GeoPackage; the login, read-only, on PostgreSQL."""
        postgres = self.is_postgres()
        self.reviewer_stack.setCurrentWidget(self.login_label if postgres else self.name_edit)
        self.name_row_label.setText(tr("Login") if postgres else tr("Your name"))
        if postgres:
            self.login_label.setText(tr("Logged in as {user}").format(user=self.reviewer()))
        self.action_tabs.setVisible(not self._no_role)

    def _close_review(self) -> None:
        """Stop listening to and disconnect from the review that is open."""
        self.stop_listening()
        self._listener_login = None
        self._no_role = False
        if self.store is not None and hasattr(self.store, "close"):
            self.store.close()
        self.store = None

    # --- hearing colleagues ---------------------------------------------------------------
    def _start_listening(self) -> None:
        self.stop_listening()
        if not self.is_postgres() or self._listener_login is None:
            return
        self.listener = ReviewListener(
            self._listener_login, self.store.notify_channel(), self.store.count_events, self
        )
        self.listener.changed.connect(self._colleague_recorded)
        self.listener.start()

    def stop_listening(self) -> None:
        if self.listener is not None:
            self.listener.stop()
            self.listener.deleteLater()
            self.listener = None

    def _colleague_recorded(self, location_ids: List[str]) -> None:
        """Someone (perhaps this dock) recorded events: show the table and history as they are now."""
        if self.store is not None:
            self.refresh_locations()

    def _remember_reviewer(self) -> None:
        QgsSettings().setValue(SETTINGS_PREFIX + "name", self.name_edit.text().strip())
        self._update_reviewer_title()

    def _department_changed(self) -> None:
        department = self.department()
        if department:
            QgsSettings().setValue(SETTINGS_PREFIX + "department", department)
        self._update_reviewer_title()
        self.refresh_locations()

    def department(self) -> str:
        return self.department_combo.currentData() or ""

    # --- list and history -----------------------------------------------------------------
    def refresh_locations(self) -> None:
        selected = self.selected_location()
        layer = self.review_layer(add=False) if self.store is not None else None
        if layer is not None:
            layer.reload()  # colleagues' events change the derived columns behind QGIS's back
            layer.triggerRepaint()
        self.table.setRowCount(0)
        if self.store is None:
            self.history.clear()
            self._update_buttons()
            return
        try:
            rows = self.store.locations()
        except EvPlannerError as exc:
            self._show(review_message(exc), error=True)
            return
        department = self.department()
        if self.awaiting_only.isChecked():
            rows = [r for r in rows if department and department in (r.get("awaiting") or "").split(", ")]
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, key in enumerate(("location_id", "status", "awaiting", "address")):
                value = row.get(key)
                text = status_label(value) if key == "status" else ("" if value is None else str(value))
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row["location_id"])
                self.table.setItem(i, j, item)
        if selected:
            self.select_location(selected, zoom=False)
        self._update_buttons()

    def location_ids_shown(self) -> List[str]:
        return [self.table.item(i, 0).text() for i in range(self.table.rowCount())]

    def selected_location(self) -> Optional[str]:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def select_location(self, location_id: str, zoom: bool = True) -> bool:
        for i in range(self.table.rowCount()):
            if self.table.item(i, 0).data(Qt.ItemDataRole.UserRole) == location_id:
                self.table.blockSignals(not zoom)
                self.table.selectRow(i)
                self.table.blockSignals(False)
                if not zoom:
                    self._show_history(location_id)
                    self._update_buttons()
                return True
        return False

    def _selection_changed(self) -> None:
        location_id = self.selected_location()
        self._update_buttons()
        if location_id is None:
            self.history.clear()
            return
        self._show_history(location_id)
        self.zoom_to(location_id)

    def _show_history(self, location_id: str) -> None:
        if self.store is None:
            return
        try:
            status = status_label(self.store.state(location_id).status)
        except EvPlannerError as exc:
            self._show(review_message(exc), error=True)
            return
        # One paragraph per event, its details on a line of their own: table columns would
        # wrap every word in a dock beside the map.
        lines = [f"<p><b>{_escape(location_id)}</b> · {_escape(status)}</p>"]
        for event in self.store.history(location_id):
            details = " · ".join(
                _escape(part)
                for part in (
                    event.department and f"[{event.department}]",
                    event.reason and tr("reason: {reason}").format(reason=reason_label(event.reason)),
                    event.comment,
                    event.installer and tr("installer: {name}").format(name=event.installer),
                )
                if part
            )
            if event.attachment:
                target = self._attachment_link(event.attachment)
                details += f' <a href="{_escape(target)}">{_escape(Path(event.attachment).name)}</a>'
            lines.append(
                f"<p style='margin-top:4px'><span style='color:#666'>{_escape(event.at[:16].replace('T', ' '))}"
                f"</span> <b>{_escape(action_label(event.action))}</b> · {_escape(event.actor)}"
                + (f"<br/>{details}" if details else "")
                + "</p>"
            )
        self.history.setHtml("".join(lines))

    def _attachment_link(self, attachment: str) -> str:
        """A file URL next to a GeoPackage; on PostgreSQL the name, read from the database when clicked."""
        if isinstance(self.store, ReviewStore):
            return (self.store.path.parent / attachment).as_uri()
        return attachment

    def attachment_file(self, link: str) -> Optional[Path]:
        """The file to open for an attachment link of the history (from the database: a temporary copy)."""
        if isinstance(self.store, ReviewStore) or self.store is None:
            return Path(QUrl(link).toLocalFile()) if link.startswith("file:") else None
        content = self.store.attachment_bytes(link)
        if content is None:
            return None
        if self._attachment_dir is None or not Path(self._attachment_dir).is_dir():
            self._attachment_dir = tempfile.mkdtemp(prefix="ev_planner_attachments_")
        path = Path(self._attachment_dir) / Path(link).name
        path.write_bytes(content)
        return path

    def _open_attachment(self, url: QUrl) -> None:
        try:
            path = self.attachment_file(url.toString())
        except EvPlannerError as exc:
            self._show(review_message(exc), error=True)
            return
        if path is None or not path.is_file():
            self._show(tr("The attachment {name} is missing.").format(name=url.toString()), error=True)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # --- map ------------------------------------------------------------------------------
    def _is_review_layer(self, layer) -> bool:
        if not isinstance(layer, QgsVectorLayer):
            return False
        if isinstance(self.store, ReviewStore):
            return (
                layer.providerType() == "ogr"
                and review_path(layer.source()).resolve() == self.store.path.resolve()
                and LOCATIONS_TABLE in layer.source()
            )
        return layer.providerType() == "postgres" and same_postgres_table(
            layer.source(), layer_source(self.store)[0]
        )

    def review_layer(self, add: bool = True) -> Optional[QgsVectorLayer]:
        """The review locations layer of the project, loaded (with its stored style) when missing."""
        if self.store is None:
            return None
        for layer in QgsProject.instance().mapLayers().values():
            if self._is_review_layer(layer):
                return layer
        if not add:
            return None
        if isinstance(self.store, ReviewStore):
            layer = QgsVectorLayer(
                f"{self.store.path}|layername={LOCATIONS_TABLE}", tr("Review locations"), "ogr"
            )
        else:  # a PostGIS layer whose URI holds the authcfg id, never a password
            layer = postgres_review_layer(self.store, tr("Review locations"))
        if not layer.isValid():
            return None
        related, *_ = layer.listStylesInDatabase()
        if related <= 0:  # a review written by the Python API carries no style: use the shipped one
            apply_style(layer, "review_locations")
        QgsProject.instance().addMapLayer(layer)
        return layer

    def zoom_to(self, location_id: str) -> None:
        layer = self.review_layer()
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if layer is None or canvas is None:
            return
        request = QgsFeatureRequest().setFilterExpression(
            f"\"location_id\" = '{location_id.replace(chr(39), chr(39) * 2)}'"
        )
        feature = next(layer.getFeatures(request), None)
        if feature is None or not feature.hasGeometry():
            return
        layer.selectByIds([feature.id()])
        canvas_crs = canvas.mapSettings().destinationCrs()
        if not canvas_crs.isValid():  # an empty project: show the review in its own CRS
            canvas.setDestinationCrs(layer.crs())
            canvas_crs = layer.crs()
        point = feature.geometry().asPoint()
        transform = QgsCoordinateTransform(layer.crs(), canvas_crs, QgsProject.instance())
        centre = transform.transform(QgsPointXY(point))
        if canvas.extent().isEmpty():  # a canvas that has shown nothing yet cannot pan
            canvas.setExtent(QgsRectangle(centre.x() - 1, centre.y() - 1, centre.x() + 1, centre.y() + 1))
        canvas.setCenter(centre)
        if not CLOSEST_SCALE <= canvas.scale() <= PAN_UP_TO_SCALE:
            canvas.zoomScale(CLOSEST_SCALE)
        canvas.refresh()

    # --- recording events -----------------------------------------------------------------
    def _choose_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Attach a photo"), "", tr("Images (*.jpg *.jpeg *.png *.heic *.tif);;All files (*)")
        )
        if path:
            self.attach_photo(path)

    def attach_photo(self, path: str) -> bool:
        """Record a comment carrying the photo (copied next to the GeoPackage)."""
        self.photo_path = path
        try:
            return self.record(COMMENT)
        finally:
            self.photo_path = None

    def _step_changed(self) -> None:
        action = self.step_combo.currentData()
        self.cancel_reason_combo.setEnabled(action == CANCEL)
        self.installer_edit.setEnabled(action in (INSTALL, DELIVER))
        if hasattr(self, "approve_button"):  # built after the step tab
            self._update_buttons()

    def _record_step(self) -> None:
        self.photo_path = self.step_photo.filePath().strip() or None
        try:
            if self.record(self.step_combo.currentData()):
                self.step_photo.setFilePath("")
        finally:
            self.photo_path = None

    def record(self, action: str) -> bool:
        """Append one event for the selected location; the core refuses what the state machine forbids."""
        if self.store is None:
            self._show(tr("Open a review GeoPackage first."), error=True)
            return False
        location_id = self.selected_location()
        actor = self.reviewer()
        if location_id is None:
            self._show(tr("Select a location first."), error=True)
            return False
        if not actor:
            self._show(tr("Enter your name first: every event records who made it."), error=True)
            return False
        if isinstance(self.store, ReviewStore):
            self._remember_reviewer()
            actor = recorded_actor(actor)  # on PostgreSQL the database records session_user
        comment = self.comment_edit.toPlainText().strip() or None
        reason = self.reason_edit.text().strip() or None
        # A comment carries the reviewer's department as context; process steps belong to nobody's decision.
        department = (self.department() or None) if action == COMMENT else None
        installer = None
        if action in (APPROVE, REJECT, REQUEST_CHANGES):
            department = self.department()
            if not department:
                self._show(tr("Choose your department first."), error=True)
                return False
        if action == CANCEL:
            reason = self.cancel_reason_combo.currentData()
        if action in (INSTALL, DELIVER):
            installer = self.installer_edit.text().strip() or None
        if action == COMMENT and self.photo_path and not comment:
            comment = tr("Photo")
        event = ReviewEvent(
            location_id,
            action,
            actor=actor,
            department=department,
            reason=reason,
            comment=comment,
            installer=installer,
            source="dock",
        )
        try:
            stored = self.store.append(event, photo=self.photo_path)
        except EvPlannerError as exc:
            self._show(review_message(exc), error=True)
            return False
        self.comment_edit.clear()
        self.reason_edit.clear()
        self._show(
            tr("Recorded for {location}: {action}.").format(
                action=action_label(stored.action), location=location_id
            )
        )
        self.refresh_locations()
        if not self.select_location(location_id, zoom=False):
            self.history.clear()
        return True

    def _update_buttons(self) -> None:
        location_id = self.selected_location()
        allowed = ()
        if self.store is not None and location_id is not None:
            try:
                allowed = allowed_actions(self.store.state(location_id))
            except EvPlannerError:
                allowed = ()
        may_decide, may_step = self._permissions()
        for button, action in (
            (self.approve_button, APPROVE),
            (self.reject_button, REJECT),
            (self.changes_button, REQUEST_CHANGES),
            (self.comment_button, COMMENT),
            (self.photo_button, COMMENT),
        ):
            decision = action != COMMENT
            button.setEnabled(action in allowed and (may_decide or not decision))
            button.setToolTip("" if may_decide or not decision else self._decision_role_hint())
        self.step_button.setEnabled(bool(allowed) and may_step)
        self.step_button.setToolTip("" if may_step else self._step_role_hint())

    def _permissions(self) -> Tuple[bool, bool]:
        """May this login decide (for a department of its own) and record the chosen process step?"""
        if not self.is_postgres():
            return True, True
        try:
            coordinator_step = self.step_combo.currentData() in COORDINATOR_ACTIONS
            may_step = not coordinator_step or self.store.is_coordinator()
            return bool(self.store.member_departments()), may_step
        except EvPlannerError:
            return False, False

    def _decision_role_hint(self) -> str:
        roles = ", ".join(review_roles(self.store.schema, self.store.config).values())
        return tr("Deciding needs the role of a department: {roles}").format(roles=roles)

    def _step_role_hint(self) -> str:
        return tr("Process steps need the role {role}").format(role=coordinator_role(self.store.schema))

    def _show(self, text: str, error: bool = False) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet("color: #b00020;" if error else "")
        if error and self.iface is not None and hasattr(self.iface, "messageBar"):
            bar = self.iface.messageBar()
            if bar is not None:
                bar.pushMessage(tr("EV Planner review"), text, Qgis.MessageLevel.Warning, 8)
