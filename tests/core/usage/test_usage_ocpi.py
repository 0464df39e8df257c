"""CDRs, Sessions and Tariffs from a local OCPI server (paging, auth, bad records) and from dumps."""

from __future__ import annotations

import gzip
import json

import pandas as pd
import pytest
from ocpi_test_server import Fault

from ev_planner.core.errors import AuthenticationError, InputError, SourceError
from ev_planner.core.usage import ocpi_usage
from ev_planner.core.usage import sessions as s
from tests.support.usage_ocpi import USAGE_TOKEN, make_cdrs

NOW = pd.Timestamp("2026-07-01T00:00:00Z")


def bad_cdrs() -> list[dict]:
    good = make_cdrs(1, start="2026-06-20T06:00:00Z")[0]
    return [
        dict(good, id="NEG", total_energy=-3.0),
        dict(good, id="BACKWARDS", end_date_time="2026-06-20T05:00:00Z", total_time=0.0),
        dict(good, id="FUTURE", start_date_time="2027-01-01T00:00:00Z", end_date_time="2027-01-01T02:00:00Z"),
        dict(
            good, id="ANCIENT", start_date_time="2008-05-01T00:00:00Z", end_date_time="2008-05-01T02:00:00Z"
        ),
        dict(good, id="TOTAL", total_time=7.5),
        dict(good, id=None),
    ]


@pytest.mark.parametrize("link", ["good", "none", "wrong_scheme", "bad_path"])
def test_cdrs_crawled_over_pages_with_bad_records_counted(usage_server, usage_http, link):
    records = bad_cdrs() + make_cdrs(120)  # bad ones on the first page: the server lowercases later ids
    server = usage_server({"cdrs": records, "tariffs": []}, max_limit=25, link=link, lowercase_ids=True)
    table, fetched = ocpi_usage.load_sessions(server.versions_url, usage_http, USAGE_TOKEN, now=NOW)
    assert fetched.module == "cdrs"
    assert fetched.version == "2.2.1"
    assert len(table) == 120
    assert table.skipped.counts == {
        s.REASON_NO_ID: 1,
        s.REASON_NEGATIVE_ENERGY: 1,
        s.REASON_END_BEFORE_START: 1,
        s.REASON_FUTURE_START: 1,
        s.REASON_EARLY_START: 1,
        s.REASON_TOTAL_TIME: 1,
    }
    assert table.frame["kwh"].sum() == pytest.approx(1200.0)
    assert table.frame["charging_hours"].tolist() == [pytest.approx(1.5)] * 120
    pages = [path for path, _ in server.requests if "/cdrs" in path]
    assert len(pages) == 6  # 126 objects in pages of 25 (X-Limit), none fetched twice


def test_sessions_module_when_no_cdrs_and_the_211_token_form(usage_server, usage_http):
    sessions = [
        {
            "id": f"S{i}",
            "start_datetime": "2026-06-02T08:00:00Z",
            "end_datetime": "2026-06-02T09:00:00Z",
            "kwh": 7.0,
            "location": {"id": "LOC9", "evses": [{"uid": "E1"}]},
            "status": "COMPLETED" if i else "ACTIVE",
            "total_cost": 2.5,
            "last_updated": "2026-06-02T09:01:00Z",
        }
        for i in range(3)
    ]
    server = usage_server({"sessions": sessions}, versions=("2.1.1",))
    table, fetched = ocpi_usage.load_sessions(server.versions_url, usage_http, USAGE_TOKEN, now=NOW)
    assert (fetched.module, fetched.version) == ("sessions", "2.1.1")
    assert table.frame["session_id"].tolist() == ["S1", "S2"]
    assert table.skipped.counts == {s.REASON_NOT_FINISHED: 1}
    # every request after the versions call carried the raw (2.1.1) token
    assert all(auth == f"Token {USAGE_TOKEN}" for path, auth in server.requests if "2.1.1" in path)


def test_period_goes_to_the_server_and_filters_on_start(usage_server, usage_http):
    server = usage_server({"cdrs": make_cdrs(40)})
    table, _ = ocpi_usage.load_sessions(
        server.module_url("2.2.1", "cdrs"),
        usage_http,
        USAGE_TOKEN,
        date_from=pd.Timestamp("2026-06-02T00:00:00Z"),
        date_to=pd.Timestamp("2026-06-03T00:00:00Z"),
        now=NOW,
    )
    # one CDR every 3 h from 06:00 on June 1: June 2 holds starts 00:00 ... 21:00 -> 8
    assert len(table) == 8
    assert any("date_from=2026-06-02T00%3A00%3A00Z" in path for path, _ in server.requests)


def test_wrong_token_missing_module_and_ocpi_error_status(usage_server, usage_http):
    server = usage_server({"locations": []})
    with pytest.raises(AuthenticationError) as caught:
        ocpi_usage.load_sessions(server.versions_url, usage_http, "wrong-token", now=NOW)
    assert "wrong-token" not in str(caught.value)
    with pytest.raises(SourceError, match="cdrs"):
        ocpi_usage.load_sessions(server.versions_url, usage_http, USAGE_TOKEN, now=NOW)
    server = usage_server({"cdrs": make_cdrs(5)})
    server.add_fault(Fault("/ocpi/2.2.1/cdrs", ocpi_status=3001, message="back office down", times=None))
    with pytest.raises(SourceError, match="back office down"):
        ocpi_usage.load_sessions(server.versions_url, usage_http, USAGE_TOKEN, now=NOW)


def test_server_errors_are_retried(usage_server, usage_http):
    server = usage_server({"cdrs": make_cdrs(30)}, max_limit=10)
    server.add_fault(Fault("/ocpi/2.2.1/cdrs", status=503, headers={"Retry-After": "0"}, times=1))
    table, _ = ocpi_usage.load_sessions(server.versions_url, usage_http, USAGE_TOKEN, now=NOW)
    assert len(table) == 30


def test_cancel_stops_the_crawl(usage_server, usage_http):
    server = usage_server({"cdrs": make_cdrs(100)}, max_limit=10)
    calls = []

    def progress(received, total):
        calls.append((received, total))
        return len(calls) < 2

    table, fetched = ocpi_usage.load_sessions(
        server.versions_url, usage_http, USAGE_TOKEN, progress=progress, now=NOW
    )
    assert fetched.cancelled
    assert len(table) == 20
    assert calls == [(10, 100), (20, 100)]


def test_local_dump_files(tmp_path):
    array = tmp_path / "cdrs.json"
    array.write_text(json.dumps([*make_cdrs(4), "junk"]), encoding="utf-8")
    table, fetched = ocpi_usage.load_sessions(str(array), now=NOW)
    assert (fetched.module, len(table)) == ("file", 4)
    assert table.skipped.counts == {s.REASON_NOT_AN_OBJECT: 1}
    packed = tmp_path / "cdrs.json.gz"
    packed.write_bytes(gzip.compress(json.dumps({"data": make_cdrs(3), "status_code": 1000}).encode()))
    assert len(ocpi_usage.load_sessions(str(packed), now=NOW)[0]) == 3
    broken = tmp_path / "broken.json"
    broken.write_text("[{", encoding="utf-8")
    with pytest.raises(InputError, match="not readable JSON"):
        ocpi_usage.load_sessions(str(broken), now=NOW)
    with pytest.raises(InputError, match="does not exist"):
        ocpi_usage.load_sessions(str(tmp_path / "none.json"), now=NOW)
    empty = tmp_path / "empty.json"
    empty.write_text("[]", encoding="utf-8")
    assert len(ocpi_usage.load_sessions(str(empty), now=NOW)[0]) == 0


def test_delft_tariffs_from_the_server_and_from_the_file(usage_server, usage_http, sample_dir):
    tariffs = json.loads((sample_dir / "tariffs.ocpi.json").read_text())
    server = usage_server({"tariffs": tariffs}, max_limit=10)
    table = ocpi_usage.load_tariffs(server.versions_url, usage_http, USAGE_TOKEN)
    assert len(table) == 36
    assert table.find("NL", "CKE", "40")[0].price_kwh == pytest.approx(0.7865)
    from_file = ocpi_usage.load_tariffs(str(sample_dir / "tariffs.ocpi.json"))
    assert from_file.prices == table.prices
