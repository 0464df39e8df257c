"""evplanner:evaluaterequests through processing.run: outcomes, sites, privacy, bad input, the review."""

from __future__ import annotations

import processing
import pytest
from qgis.core import (
    NULL,
)

from tests.support.layers import STREETS, X0, Y0, line_layer, point_layer
from tests.support.running import run_logged, to_memory


def plain(value):
    return None if value == NULL else value


def run(**parameters):
    return run_logged("evaluaterequests", to_memory(parameters, "OUTPUT", "PROPOSED"))


def requests_csv(tmp_path, rows, header="request_id;received_at;x;y;naam;kenteken", encoding="cp1252"):
    path = tmp_path / "aanvragen.csv"
    path.write_bytes((header + "\r\n" + "\r\n".join(rows) + "\r\n").encode(encoding))
    return str(path)


def rd(x, y):
    return f"{X0 + x:.1f}".replace(".", ","), f"{Y0 + y:.1f}".replace(".", ",")


def test_dutch_excel_csv_outcomes_sites_and_no_personal_data(evplanner, tmp_path):
    rows = []
    for request_id, date, (x, y) in [
        ("A-1", "01-03-2026", (0, 95)),  # across the canal: 2,100 m walking from the point at (0, 0)
        ("A-2", "2026-03-02", (20, 5)),  # next door
        ("A-3", "03-03-2026", (700, 5)),  # near the planned location
        ("A-4", "04-03-2026", (500, 95)),
        ("A-5", "05-03-2026", (600, 95)),
        ("A-6", "06-03-2026", (500, 400)),  # in a field, off the network
    ]:
        rows.append(";".join([request_id, date, *rd(x, y), "Jansen-Özdemir", "AB-123-C"]))
    rows.append(";".join(["A-2", "07-03-2026", *rd(1, 1), "dubbel", "XX"]))  # duplicate id
    rows.append(";".join(["A-8", "morgen", *rd(1, 1), "x", "y"]))  # bad date
    result, log = run(
        REQUESTS=requests_csv(tmp_path, rows),
        REQUESTS_CRS="EPSG:28992",
        CHARGE_POINTS=point_layer([(0, 0, "CP-1")], fields=["location_id:string"]),
        PLANNED=point_layer(
            [(800, 0, "DELFT-001", "approved"), (400, 100, "DELFT-002", "rejected")],
            fields=["location_id:string", "status:string"],
        ),
        DISTANCE_METHOD=1,
        NETWORK=line_layer(STREETS),
        MAX_ACCESS=50,
    )
    features = {f["request_id"]: f for f in result["OUTPUT"].getFeatures()}
    outcome = {key: f["outcome"] for key, f in features.items()}
    assert outcome == {
        "A-1": "new_location", "A-2": "covered_existing", "A-3": "covered_planned",
        "A-4": "new_location", "A-5": "new_location", "A-6": "not_assessable", "A-8": "not_assessable",
    }  # fmt: skip
    assert features["A-2"]["nearest_existing_id"] == "CP-1"
    assert features["A-2"]["walk_to_existing_m"] == pytest.approx(25.0)
    assert features["A-3"]["nearest_planned_id"] == "DELFT-001"  # DELFT-002 is rejected: it does not count
    assert features["A-8"]["line"] == 9
    assert "received_at" in features["A-8"]["reason"]
    assert (result["NEW_LOCATION"], result["SITES"], result["SITES_LOWER_BOUND"]) == (3, 2, 2)
    sites = {f["location_id"]: f for f in result["PROPOSED"].getFeatures()}
    assert sites.keys() == {"REQ-A-1", "REQ-A-4"}
    assert sites["REQ-A-4"]["request_ids"] == "A-4, A-5"
    assert sites["REQ-A-4"]["requests_served"] == 2
    assert features["A-5"]["proposed_location_id"] == "REQ-A-4"
    assert "line 8: request_id A-2 appears on an earlier line" in log
    # Personal data appears in no output unless asked for.
    for layer in (result["OUTPUT"], result["PROPOSED"]):
        assert "naam" not in layer.fields().names()
        assert "kenteken" not in layer.fields().names()
        for feature in layer.getFeatures():
            assert not any("Jansen" in str(value) or "AB-123" in str(value) for value in feature.attributes())
    kept, _ = run(
        REQUESTS=requests_csv(tmp_path, rows),
        REQUESTS_CRS="EPSG:28992",
        CHARGE_POINTS=point_layer([(0, 0)]),
        KEEP_FIELDS=["naam"],
    )
    assert {plain(f["naam"]) for f in kept["OUTPUT"].getFeatures()} >= {"Jansen-Özdemir"}


def _review(tmp_path):
    from ev_planner.core.review.store import ReviewStore

    layer = point_layer([(800, 0, "DELFT-001")], fields=["location_id:string"])
    path = tmp_path / "review.gpkg"
    processing.run(
        "evplanner:createreview", {"LOCATIONS": layer, "DEPARTMENTS": "Mobiliteit", "OUTPUT": str(path)}
    )
    return ReviewStore(path)


def test_proposed_sites_join_the_review_once_and_the_kpis_count_the_requests(evplanner, tmp_path):
    import sqlite3

    from ev_planner.core.review.events import ReviewEvent

    store = _review(tmp_path)
    rows = [
        ";".join(["A-1", "01-03-2026", *rd(500, 95), "Jansen", "AB-123-C"]),
        ";".join(["A-2", "2026-03-02", *rd(20, 5), "Pietersen", "CD-456-E"]),
    ]
    parameters = {
        "REQUESTS": requests_csv(tmp_path, rows),
        "REQUESTS_CRS": "EPSG:28992",
        "CHARGE_POINTS": point_layer([(0, 0, "CP-1")], fields=["location_id:string"]),
        "DISTANCE_METHOD": 1,
        "NETWORK": line_layer(STREETS),
        "REVIEW": str(store.path),
    }
    _, first_log = run(**parameters)
    _, second_log = run(**parameters)
    assert "1 new location(s) added, 0 already there; 2 request(s) recorded" in first_log
    assert "0 new location(s) added, 1 already there; 0 request(s) recorded, 2 already recorded" in second_log
    # With the review as PLANNED, the request is now served by its own planned site.
    planned, _ = run(**parameters, PLANNED=f"{store.path}|layername=review_locations")
    served = {
        f["request_id"]: (f["outcome"], f["nearest_planned_id"]) for f in planned["OUTPUT"].getFeatures()
    }
    assert served["A-1"] == ("covered_planned", "REQ-A-1")
    site = store.location("REQ-A-1")
    assert (site["source"], site["request_ids"], site["status"]) == ("request", "A-1", "proposed")
    with sqlite3.connect(store.path) as db:
        stored = db.execute("select * from review_requests").fetchall()
        assert not any("Jansen" in str(value) or "AB-123" in str(value) for row in stored for value in row)
    # The new site goes through the workflow; the KPIs follow the request to its answer and delivery.
    for day, action in enumerate(["submit", "approve", "request", "permit", "install", "deliver"], start=10):
        extra = {"department": "Mobiliteit"} if action == "approve" else {}
        store.append(ReviewEvent("REQ-A-1", action, at=f"2026-03-{day:02d}T08:00:00Z", actor="ann", **extra))
    result = processing.run(
        "evplanner:reviewkpis",
        {
            "REVIEW": str(store.path),
            "OUTPUT_TABLE": "memory:",
            "OUTPUT_HTML": str(tmp_path / "kpis.html"),
            "TARGET_DAYS": 30,
        },
    )
    rows = {(f["section"], f["name"], plain(f["outcome"])): f for f in result["OUTPUT_TABLE"].getFeatures()}
    assert rows["request_received", "2026-03", None]["count"] == 2
    assert rows["request_outcome", "new_location", "new_location"]["count"] == 1
    assert rows["request_outcome", "covered_existing", "covered_existing"]["count"] == 1
    assert rows["request_handled", "2026-03", "new_location"]["count"] == 1  # approved on 11 March
    delivery = rows["request_lead_time", "to_delivery", None]
    assert (delivery["count"], delivery["median_days"]) == (1, pytest.approx(14 + 8 / 24, abs=1e-4))
    target = rows["request_target", "answered_within_30_days", None]
    assert target["count"] == 1  # A-1 answered in 10 days; A-2 was evaluated today, long after March 2026
    html = (tmp_path / "kpis.html").read_text(encoding="utf-8")
    assert "Requests per outcome" in html
    assert "needs a new location" in html


def test_requests_by_address_and_an_unmatched_address_with_its_line(evplanner, tmp_path):
    addresses = point_layer(
        [(20, 5, "Mekelweg", "5", "2628 CD"), (500, 95, "Julianalaan", "134a", "2628 BL")],
        fields=["street:string", "housenumber:string", "postcode:string"],
    )
    path = requests_csv(
        tmp_path,
        [
            'R1,2026-03-01,"Mekelweg 5, 2628 CD Delft"',
            "R2,2026-03-01,Julianalaan 134a",
            "R3,2026-03-01,Nergensweg 9",
        ],
        header="request_id,received_at,adres",
        encoding="utf-8",
    )
    result, log = run(REQUESTS=path, ADDRESSES=addresses, CHARGE_POINTS=point_layer([(0, 0)]))
    outcome = {f["request_id"]: (f["outcome"], f["line"]) for f in result["OUTPUT"].getFeatures()}
    assert outcome == {
        "R1": ("covered_existing", 2),
        "R2": ("new_location", 3),
        "R3": ("not_assessable", 4),
    }
    assert "REQUESTS line 4 (R3): address not found among the address points." in log
