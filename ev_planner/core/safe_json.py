"""JSON that EV Planner did not write (files, server answers, streamed dumps), parsed safely.

Every JSON document read from a file or a server goes through here, so that hostile or
broken input gives a clear message or a counted skip, never a crash:

- **Nesting.** Python's parser recurses once per ``[``/``{``: an array nested 100,000
  deep raises ``RecursionError``, and on a thread with a small C stack (QGIS runs
  Processing in worker threads) even a few thousand levels are a risk. Before any text
  is parsed, :class:`JsonGuard` measures the bracket depth outside strings and refuses
  more than :data:`MAX_DEPTH` levels with an :class:`InputError` (a file) or a
  :class:`SourceError` (a server answer) naming the source. It works chunk by chunk,
  so the streamed reader of national dumps checks each chunk before parsing it.
- **Numbers.** A 400-digit integer makes ``float()`` raise ``OverflowError`` in the
  loaders, and one of more than 4,300 digits makes the parser itself raise
  ``ValueError`` (Python 3.11+). A number beyond :data:`MAX_MAGNITUDE` (what a 64-bit
  integer field holds), and the ``NaN``/``Infinity`` literals Python accepts, become an
  :class:`OutOfRangeNumber` (a float: ``inf``, ``-inf`` or ``nan``), and every JSON
  object holding one, at any depth, becomes an :class:`ObjectWithOutOfRangeNumber`.
  The loaders skip such records, counted under :data:`REASON_NUMBER_OUT_OF_RANGE`
  (:func:`has_out_of_range_number` is an ``isinstance`` check, cheap per record).

The checks cost little on ordinary data: the depth scan deletes every byte but quotes
and brackets (``bytes.translate``) and works on what is left with numpy; the parser
gets Python hooks only when the text has a run of 19 or more digits or such a
literal, so ordinary documents are parsed by the C parser alone.
"""

from __future__ import annotations

import json
import re
from typing import Any

import numpy as np

from .errors import EvPlannerError, InputError, SourceError, tr_noop

MAX_DEPTH = 200  # OCPI needs 8 levels; GeoJSON and Overpass answers fewer
MAX_MAGNITUDE = 2**63 - 1  # the largest value of a 64-bit integer field (GeoPackage, QGIS)
MAX_SAFE_DIGITS = 18  # every integer of at most 18 digits is below MAX_MAGNITUDE
SCAN_CHUNK = 1 << 20  # characters scanned at a time by parse_json (bounds the scan's memory)
REASON_NUMBER_OUT_OF_RANGE = tr_noop("a number out of range (too large, NaN or Infinity)")

_QUOTE = ord('"')
_BACKSLASH = ord("\\")
_FEW_BACKSLASHES = 1000
_STRUCTURAL = b'"[]{}'
_NOT_STRUCTURAL = bytes(b for b in range(256) if b not in _STRUCTURAL)
_STEP = np.zeros(256, dtype=np.int64)
_STEP[[ord("["), ord("{")]] = 1
_STEP[[ord("]"), ord("}")]] = -1
_BACKSLASHES_QUOTE = re.compile(rb'\\+"')
_DIGITS = b"0123456789"
_LONG_DIGITS = re.compile(rb"[0-9]{%d}" % (MAX_SAFE_DIGITS + 1))
# 8 bytes read as one little-endian word: the high nibble of each byte, 3 for a digit.
_HIGH_NIBBLES = np.uint64(0xF0F0F0F0F0F0F0F0)
_DIGIT_NIBBLES = np.uint64(0x3030303030303030)
_LAST_FOUR = np.uint64(0xFFFFFFFF00000000)  # the word's last 4 bytes in memory
_FIRST_FOUR = np.uint64(0x00000000FFFFFFFF)  # its first 4 bytes


class OutOfRangeNumber(float):
    """A JSON number no real data has (beyond :data:`MAX_MAGNITUDE`, NaN, Infinity).

    A float (``inf``, ``-inf`` or ``nan``), so that code unaware of it still meets a
    non-finite value, which the loaders' plausibility checks refuse.
    """

    __slots__ = ()


class ObjectWithOutOfRangeNumber(dict):
    """A JSON object holding an :class:`OutOfRangeNumber`, directly or at any depth."""

    __slots__ = ()


_MARKED = (OutOfRangeNumber, ObjectWithOutOfRangeNumber)


def has_out_of_range_number(value: Any) -> bool:
    """True when a parsed value is, or holds, an :class:`OutOfRangeNumber`."""
    if type(value) is dict:  # the common case, first: an ordinary object holds none
        return False
    if isinstance(value, _MARKED):
        return True
    return isinstance(value, list) and _list_holds_marked(value)


def _list_holds_marked(items: list) -> bool:
    # Objects are marked as they are built, so only lists need walking (iteratively:
    # depth is bounded by MAX_DEPTH, but a walk needs no recursion at all).
    stack = [items]
    while stack:
        for item in stack.pop():
            if isinstance(item, _MARKED):
                return True
            if isinstance(item, list):
                stack.append(item)
    return False


def _mark_object(obj: dict) -> dict:
    for value in obj.values():
        if isinstance(value, _MARKED) or (isinstance(value, list) and _list_holds_marked(value)):
            return ObjectWithOutOfRangeNumber(obj)
    return obj


def _checked_int(text: str) -> int | float:
    # Never int() on a long text: beyond 4,300 digits Python 3.11+ raises ValueError.
    if len(text) <= MAX_SAFE_DIGITS:
        return int(text)
    if len(text.lstrip("-")) <= len(str(MAX_MAGNITUDE)):
        value = int(text)
        if -MAX_MAGNITUDE <= value <= MAX_MAGNITUDE:
            return value
    return OutOfRangeNumber("-inf" if text.startswith("-") else "inf")


def _checked_float(text: str) -> float:
    value = float(text)
    return value if abs(value) <= MAX_MAGNITUDE else OutOfRangeNumber(value)  # nan fails the test too


def _out_of_range_constant(name: str) -> float:
    return OutOfRangeNumber(name)  # "NaN", "Infinity", "-Infinity"


_CHECKED_DECODER = json.JSONDecoder(
    object_hook=_mark_object,
    parse_int=_checked_int,
    parse_float=_checked_float,
    parse_constant=_out_of_range_constant,
)


def too_deep_error(source: str, from_server: bool) -> EvPlannerError:
    """The error for JSON nested deeper than :data:`MAX_DEPTH` (a server's or a file's)."""
    if from_server:
        return SourceError(
            "{source} answered JSON nested more than {limit} levels deep. No charging data is nested "
            "like that, so EV Planner does not read it: check the address or ask the server's operator.",
            source=source,
            limit=MAX_DEPTH,
        )
    return InputError(
        "{source} holds JSON nested more than {limit} levels deep. No charging data is nested like "
        "that, so EV Planner does not read it: check that this is the right file.",
        source=source,
        limit=MAX_DEPTH,
    )


def _has_long_digit_run(data: bytes) -> bool:
    """Whether ``data`` has a run of more than MAX_SAFE_DIGITS digits (inside strings too).

    Such a run always holds a whole aligned 8-byte word of digits, and that word has
    either a whole digit word next to it or 4 digits on each side. Words are tested 8
    bytes at a time (bytes 0x30-0x3F: digits and a few signs, so a superset); the few
    candidates are confirmed by a regular expression around them.
    """
    usable = len(data) - len(data) % 8
    if usable < 32:
        return _LONG_DIGITS.search(data) is not None
    words = np.frombuffer(data, dtype="<u8", count=usable // 8)
    full = np.flatnonzero((words & _HIGH_NIBBLES) == _DIGIT_NIBBLES)
    if full.size == 0:
        return False
    before = words[np.maximum(full - 1, 0)] & _HIGH_NIBBLES
    after = words[np.minimum(full + 1, words.size - 1)] & _HIGH_NIBBLES
    next_full = after == _DIGIT_NIBBLES
    four_before = ((before & _LAST_FOUR) == (_DIGIT_NIBBLES & _LAST_FOUR)) | (full == 0)
    four_after = ((after & _FIRST_FOUR) == (_DIGIT_NIBBLES & _FIRST_FOUR)) | (full == words.size - 1)
    for word in full[next_full | (four_before & four_after)]:
        start = 8 * int(word)
        if _LONG_DIGITS.search(data, max(0, start - 24), start + 32):
            return True
    return False


def _without_escaped_quotes(data: bytes) -> bytes:
    """``data`` with every escaped quote (after an odd run of backslashes) blanked out."""
    escaped = []
    start, found = data.find(b"\\"), 0
    # Ordinary data has a few escapes per megabyte: finding them one by one is fastest.
    while start >= 0 and found < _FEW_BACKSLASHES:
        end = start + 1
        while end < len(data) and data[end] == _BACKSLASH:
            end += 1
        if (end - start) % 2 == 1 and end < len(data) and data[end] == _QUOTE:
            escaped.append(end)
        start, found = data.find(b"\\", end), found + 1
    if start >= 0:  # very many: a regular expression finds the rest
        matches = _BACKSLASHES_QUOTE.finditer(data, start)
        escaped.extend(m.end() - 1 for m in matches if (m.end() - m.start()) % 2 == 0)
    if not escaped:
        return data
    blanked = bytearray(data)
    for position in escaped:
        blanked[position] = 0x20
    return bytes(blanked)


class JsonGuard:
    """Checks JSON text before it is parsed, chunk by chunk, and parses it accordingly.

    ``feed`` every chunk before decoding from it; ``feed`` raises the error of
    :func:`too_deep_error` as soon as the depth exceeds ``max_depth``. ``source``
    names the file or address in that message.
    """

    def __init__(self, source: str, from_server: bool = False, max_depth: int = MAX_DEPTH) -> None:
        self.source = source
        self.from_server = from_server
        self.max_depth = max_depth
        self.needs_checked_numbers = False  # a long digit run was seen: parse with the hooks
        self._depth = 0
        self._in_string = 0
        self._escape_pending = False  # the last chunk ended with an unfinished escape
        self._digit_run = 0  # digits at the end of the last chunk
        self._constants = 0
        self._plain = json.JSONDecoder(parse_constant=self._count_constant)

    def _count_constant(self, name: str) -> float:
        # Free on ordinary data: the parser calls this only for NaN and Infinity.
        self._constants += 1
        return OutOfRangeNumber(name)

    # --- scanning -------------------------------------------------------------------------
    def feed(self, text: str | bytes) -> None:
        data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else bytes(text)
        if self._escape_pending and data:
            if data[:1] in (b"\\", b'"'):
                data = data[1:]  # escaped by the last chunk's final backslash
            self._escape_pending = False
        if not data:
            return
        if not self.needs_checked_numbers:
            self._scan_numbers(data)
        self._scan_depth(_without_escaped_quotes(data) if b"\\" in data else data)
        if data.endswith(b"\\"):
            self._escape_pending = (len(data) - len(data.rstrip(b"\\"))) % 2 == 1

    def _scan_numbers(self, data: bytes) -> None:
        leading = len(data) - len(data.lstrip(_DIGITS))
        if leading == len(data):
            self._digit_run += leading
            self.needs_checked_numbers = self._digit_run > MAX_SAFE_DIGITS
            return
        trailing = len(data) - len(data.rstrip(_DIGITS))
        self.needs_checked_numbers = self._digit_run + leading > MAX_SAFE_DIGITS or _has_long_digit_run(data)
        self._digit_run = trailing

    def _scan_depth(self, data: bytes) -> None:
        compact = data.translate(None, _NOT_STRUCTURAL)
        if not compact:
            return
        codes = np.frombuffer(compact, dtype=np.uint8)
        brackets = np.flatnonzero(codes != _QUOTE)
        quotes = len(compact) - brackets.size
        if brackets.size:
            # Quotes before each bracket: its position minus the brackets before it.
            outside = ((brackets - np.arange(brackets.size) + self._in_string) & 1) == 0
            depths = self._depth + np.cumsum(_STEP[codes[brackets[outside]]])
            if depths.size:
                if int(depths.max()) > self.max_depth:
                    raise too_deep_error(self.source, self.from_server)
                self._depth = int(depths[-1])
        self._in_string = (self._in_string + quotes) & 1

    # --- decoding -------------------------------------------------------------------------
    def decode(self, text: str) -> Any:
        """The JSON document ``text`` (all of it fed before), as ``json.loads`` would give it."""
        if not self.needs_checked_numbers:
            constants = self._constants
            try:
                value = self._plain.decode(text)
            except json.JSONDecodeError:
                raise
            except ValueError:
                self.needs_checked_numbers = True  # see raw_decode
            else:
                if self._constants == constants:
                    return value
        return _CHECKED_DECODER.decode(text)

    def raw_decode(self, text: str, position: int) -> tuple[Any, int]:
        """The JSON value starting at ``position`` and where it ends, like ``JSONDecoder.raw_decode``.

        Called once per element of a streamed dump, so it stays lean.
        """
        if not self.needs_checked_numbers:
            constants = self._constants
            try:
                result = self._plain.raw_decode(text, position)
            except json.JSONDecodeError:
                raise
            except ValueError:
                # An integer longer than Python's digit limit that the scan did not flag:
                # the checked parser never calls int() on such a text.
                self.needs_checked_numbers = True
            else:
                if self._constants == constants:
                    return result
        return _CHECKED_DECODER.raw_decode(text, position)


def parse_json(text: str, source: str, from_server: bool = False) -> Any:
    """``json.loads(text)``, refusing absurd nesting and marking out-of-range numbers.

    Raises :class:`json.JSONDecodeError` (a ``ValueError``) when ``text`` is not JSON,
    so that callers keep their own message for that, and the error of
    :func:`too_deep_error` when it is nested deeper than :data:`MAX_DEPTH`.
    """
    guard = JsonGuard(source, from_server)
    for start in range(0, len(text), SCAN_CHUNK):
        guard.feed(text[start : start + SCAN_CHUNK])
    return guard.decode(text)
