"""The QGIS layers of a review: their stored styles and forms, and loading them after a run.

Shared by createreview and copyreview. A GeoPackage keeps the styles in its own
``layer_styles``; a PostgreSQL review in the database's ``layer_styles`` (QGIS's place for
styles of PostGIS layers), so every colleague's QGIS opens the layers styled.
"""

from __future__ import annotations

from qgis.core import (
    QgsEditorWidgetSetup,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
)

from ..core.review.states import DECISION_OF_ACTION
from ..core.review.store import (
    DERIVED_COLUMNS,
    EVENT_COLUMNS,
    EVENTS_TABLE,
    LOCATIONS_TABLE,
    BaseReviewStore,
    ReviewStore,
)
from ..i18n import tr
from .base import tr_noop
from .review_labels import status_label
from .review_target import layer_source, review_layer
from .styles import apply_style

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


def save_review_styles(store: BaseReviewStore, feedback: QgsProcessingFeedback) -> None:
    """Store the symbology and attribute forms with the review as default styles (``layer_styles``).

    The department decision columns depend on review_config, so their drop-downs
    are added here on top of the shipped QML; every derived column is read-only
    because only events change them (a PostgreSQL review refuses such edits as well).
    """
    decisions = [{status_label(value): value} for value in DECISION_OF_ACTION.values()]
    locations = review_layer(store, LOCATIONS_TABLE, LOCATIONS_TABLE)
    if not locations.isValid():
        raise QgsProcessingException(tr("QGIS cannot open the review {path}.").format(path=store.label))
    apply_style(locations, "review_locations")  # its legend in the language of the QGIS creating it
    form = locations.editFormConfig()
    for department in store.config.departments:
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
    events = review_layer(store, EVENTS_TABLE, EVENTS_TABLE)
    if events.isValid():
        event_form = events.editFormConfig()
        for index in range(events.fields().count()):
            event_form.setReadOnly(index, True)  # the log is append-only (a trigger enforces it too)
        events.setEditFormConfig(event_form)
        for name in EVENT_COLUMNS:
            events.setFieldAlias(events.fields().indexOf(name), tr(EVENT_ALIASES[name]))
        message = message or events.saveStyleToDatabase(EVENTS_TABLE, "EV Planner review log", True, "")
    del locations, events  # release the OGR handles before anyone appends events
    if message and isinstance(store, ReviewStore):
        raise QgsProcessingException(
            tr("The review styles could not be stored: {error}").format(error=message)
        )
    if message:
        # The review works without them; the administrator can make layer_styles readable.
        feedback.reportError(
            tr(
                "The layer styles could not be stored in the database ({error}); the review works, but "
                "its layers open unstyled. See docs/review_postgres.md on layer_styles."
            ).format(error=message),
            False,
        )
    elif not isinstance(store, ReviewStore):
        store.share_styles()


def load_on_completion(context: QgsProcessingContext, store: BaseReviewStore, name: str, output: str) -> str:
    """Load the review's locations into the project when the run ends; returns their data source."""
    source, provider = layer_source(store)
    if context.project() is None:
        return source
    details = QgsProcessingContext.LayerDetails(name, context.project(), output)
    if provider == "ogr":
        context.addLayerToLoadOnCompletion(source, details)
        return source
    # Processing guesses the provider of a layer source string, and never guesses PostgreSQL.
    layer = review_layer(store, name)
    context.temporaryLayerStore().addMapLayer(layer)
    context.addLayerToLoadOnCompletion(layer.id(), details)
    return source
