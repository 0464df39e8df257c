"""Core errors reach a Dutch user in Dutch, through the real Processing framework and the compiled .qm."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsSettings,
    QgsVectorLayer,
)

from ev_planner import i18n
from ev_planner.core.errors import InputError
from tests.support.feedback import RecordingFeedback

QM_FILE = Path(i18n.I18N_DIR) / "ev_planner_nl.qm"
LOCALE_KEYS = ("locale/overrideFlag", "locale/userLocale")


@pytest.fixture
def dutch():
    """QGIS set to Dutch the way a user does it (override the system locale), with our translator."""
    assert QM_FILE.is_file(), "make translations compiles the .ts"
    settings = QgsSettings()
    saved = {key: settings.value(key) for key in LOCALE_KEYS}
    i18n.remove_translator()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "nl_NL")
    try:
        assert i18n.user_language() == "nl"
        assert i18n.install_translator()
        yield
    finally:
        i18n.remove_translator()
        for key, value in saved.items():
            if value is None:
                settings.remove(key)
            else:
                settings.setValue(key, value)


def points(rows):
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=location_id:string", "locations", "memory")
    features = []
    for i, row in enumerate(rows):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(4.357 + i / 1000, 52.011)))
        feature.setAttributes(row)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_core_input_error_arrives_in_dutch_with_its_values(evplanner, dutch, tmp_path):
    import processing

    layer = points([["X"], ["X"], ["Y"]])
    with pytest.raises(QgsProcessingException) as caught:
        processing.run("evplanner:createreview", {"LOCATIONS": layer, "OUTPUT": str(tmp_path / "r.gpkg")})
    assert str(caught.value) == "Waarden van location_id moeten uniek zijn; herhaald: X."


def test_skipped_import_rows_are_reported_in_dutch(evplanner, dutch, tmp_path):
    import processing

    review = tmp_path / "review.gpkg"
    processing.run("evplanner:createreview", {"LOCATIONS": points([["A"], ["B"]]), "OUTPUT": str(review)})
    events = tmp_path / "events.csv"
    events.write_text(
        "location_id,at,actor,department,action,reason,comment\n"
        "A,2025-03-01T10:00:00+01:00,Els,Parkeren,approve,,\n"
        "Z,2025-03-01T10:00:00+01:00,Els,Parkeren,start_review,,\n",
        encoding="utf-8",
    )
    feedback = RecordingFeedback()
    result = processing.run(
        "evplanner:importreviewevents", {"REVIEW": str(review), "EVENTS": str(events)}, feedback=feedback
    )
    assert result["SKIPPED"] == 2
    text = "\n".join(feedback.errors)
    # A TransitionError from the core state machine, nested in the skipped line, all in Dutch:
    assert (
        "Overgeslagen: regel 2: ongeldige overgang: A: 'approve' is een besluit van een afdeling, "
        "alleen mogelijk zolang de locatie in_review is (de status is proposed)." in text
    ), text
    assert "Overgeslagen: regel 3: onbekende locatie: Z" in text, text


def test_translate_message_falls_back_to_english_when_the_translation_cannot_be_filled_in(dutch):
    # A template that is not in the .ts is returned untranslated, filled in with its values.
    assert i18n.translate_message(InputError("No {thing} here.", thing="layer")) == "No layer here."
    # Missing values make the Dutch template unusable: the English text (with the values) is shown.
    error = InputError("The file {path} does not exist.", other="x")
    assert i18n.translate_message(error) == str(error)
    assert i18n.translate_message(ValueError("plain")) == "plain"


def test_core_notes_in_the_log_arrive_in_dutch(evplanner, dutch, sample_dir, tmp_path):
    """Notes the core writes while loading (a Message, e.g. an unusable Link header) are translated."""
    import json

    import processing
    from ocpi_test_server import OcpiTestServer

    locations = json.loads((sample_dir / "charge_points.ocpi.json").read_text(encoding="utf-8"))[:20]
    feedback = RecordingFeedback()
    with OcpiTestServer(
        {"locations": locations}, token="t0ken-for-notes", max_limit=8, link="bad_path"
    ) as server:
        processing.run(
            "evplanner:loadocpi",
            {"SOURCE": server.versions_url, "TOKEN": "t0ken-for-notes", "OUTPUT": str(tmp_path / "cp.gpkg")},
            feedback=feedback,
        )
    log = "\n".join(feedback.infos)
    assert "Onbruikbare Link-header genegeerd" in log
    assert "OCPI-versie 2.2.1 gekozen uit" in log
    assert "t0ken-for-notes" not in log
