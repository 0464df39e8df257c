"""Spreadsheet CSV files: Dutch Excel's ';' and cp1252, BOMs, tabs, and files that are neither."""

from __future__ import annotations

import pytest

from ev_planner.core.csvfile import read_csv
from ev_planner.core.errors import InputError


def test_dutch_excel_semicolons_with_quoted_semicolons_in_comments(tmp_path):
    path = tmp_path / "events.csv"
    path.write_bytes(
        "location_id;at;comment\r\n"
        'DELFT-001;01-03-2026;"boom; hydrant; kabel"\r\n'
        'DELFT-002;02-03-2026;"Gemeente Delft, afdeling Openbare ruimte; akkoord"\r\n'.encode("cp1252")
    )
    table = read_csv(path)
    assert table.separator == ";"
    assert table.header == ["location_id", "at", "comment"]
    assert [row["comment"] for row in table.rows] == [
        "boom; hydrant; kabel",
        "Gemeente Delft, afdeling Openbare ruimte; akkoord",
    ]
    assert table.lines == [2, 3]


@pytest.mark.parametrize(
    ("text", "encoding", "separator"),
    [
        ("\ufeffrequest_id,received_at\nR1,2026-03-01\n", "utf-8", ","),
        ("request_id\treceived_at\nR1\t2026-03-01\n", "utf-8", "\t"),
        ("request_id;straat\nR1;Café Ütrecht\n", "cp1252", ";"),
    ],
)
def test_bom_tabs_and_cp1252(tmp_path, text, encoding, separator):
    path = tmp_path / "requests.csv"
    path.write_bytes(text.encode(encoding))
    table = read_csv(path)
    assert table.separator == separator
    assert table.header[0] == "request_id"
    assert len(table.rows) == 1


def test_a_quoted_cell_over_two_lines_keeps_the_line_numbers_right(tmp_path):
    path = tmp_path / "multi.csv"
    path.write_text('id,comment\nA,"two\nlines"\nB,one\n', encoding="utf-8")
    table = read_csv(path)
    assert [row["id"] for row in table.rows] == ["A", "B"]
    assert table.lines == [2, 4]


def test_a_file_neither_utf8_nor_cp1252_is_refused_clearly(tmp_path):
    path = tmp_path / "cp850.csv"
    path.write_bytes(b"location_id;comment\nDELFT-001;\x81\x8d\x90\n")  # bytes cp1252 does not define
    with pytest.raises(InputError, match="neither UTF-8 nor Windows-1252"):
        read_csv(path)
