"""CSV files as colleagues save them from a spreadsheet: Dutch Excel included.

Dutch Excel writes ``;``-separated files in Windows-1252; others write ``,`` or tabs in
UTF-8, with or without a byte-order mark. The separator is read from the header line
alone: a sniffer over the whole sample is fooled by quoted comments that contain ``;``.
A file that is neither UTF-8 nor Windows-1252 (e.g. a cp850 export) is refused with a
message saying so, rather than decoded into wrong letters.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

SEPARATORS = (";", ",", "\t")


@dataclass
class CsvRows:
    header: list[str]  # lower-case, stripped
    rows: list[dict[str, str]]  # values stripped; a missing cell is ""
    lines: list[int]  # the file line on which each row starts (the header is line 1)
    encoding: str
    separator: str


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was in (UTF-8, else Windows-1252)."""
    for encoding in ("utf-8-sig", "cp1252"):  # Excel on Windows saves CSV in cp1252
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise InputError(
        "{file} is neither UTF-8 nor Windows-1252 text: save it again as CSV (UTF-8).", file=name
    )


def header_separator(header_line: str) -> str:
    """The separator that splits the header line into the most columns (quotes respected)."""
    best, best_count = ",", 0
    for separator in SEPARATORS:
        try:
            count = len(next(csv.reader([header_line], delimiter=separator)))
        except (csv.Error, StopIteration):
            continue
        if count > best_count:
            best, best_count = separator, count
    return best


def read_csv(path: Path | str) -> CsvRows:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError("Cannot read {path}: {reason}.", path=path, reason=exc.strerror or exc) from None
    text, encoding = decode(raw, path.name)
    first_line = text.splitlines()[0] if text.strip() else ""
    separator = header_separator(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        header = [name.strip().lower() for name in next(reader, [])]
        rows, lines = [], []
        line = reader.line_num + 1
        for values in reader:
            if any(value.strip() for value in values):
                cells = [value.strip() for value in values] + [""] * (len(header) - len(values))
                rows.append({name: cells[i] for i, name in enumerate(header) if name})
                lines.append(line)
            line = reader.line_num + 1
    except csv.Error as exc:
        raise InputError("{file} is not a readable CSV file: {error}", file=path.name, error=exc) from None
    return CsvRows(header, rows, lines, encoding, separator)


def require_columns(table: CsvRows, columns, name: str) -> None:
    missing = [column for column in columns if column not in table.header]
    if missing:
        raise InputError(
            "{file} misses the column(s) {missing}; expected {columns}.",
            file=name,
            missing=", ".join(missing),
            columns=", ".join(columns),
        )
