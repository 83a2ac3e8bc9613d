"""The checks at the lake's door: whole files are quarantined, broken rows are refused one by one.

Which names a feed accepts is decided by ``ingest.sources.landed_name`` (sales ``.csv``;
products ``.json``/``.ndjson``; customers ``.ndjson``/``.json``; each also ``.gz``, any case).

A file is quarantined (with a QuarantineReason, nothing of it landed) when it cannot be read as
a whole:

- ``unsupported_file_type``: a name the feed does not accept (``.txt``, ``.xlsx``, none).
- ``symlink_outside_inbox``: a symbolic link resolving outside its inbox folder (or, given to
  ``ecom ingest`` directly, outside the link's own folder); the target is never read.
- ``unreadable_file``: the file could not be read (an OSError), or a check failed unexpectedly;
  the detail carries the error. The rest of the batch lands.
- ``empty_file``: no bytes, or only whitespace / a byte-order mark.
- ``too_large``: over MAX_FILE_BYTES, also once decompressed (a "zip bomb"), or a CSV header
  line over MAX_ROW_BYTES.
- ``invalid_gzip``: named ``.gz`` (or starting with the gzip magic bytes) but not decodable.
- ``not_utf8``: bytes that are not UTF-8 (a UTF-8 byte-order mark is fine).
- CSV: ``wrong_delimiter`` (a one-column header holding ';', '|' or tabs),
  ``missing_columns`` (also a header that is not a CSV line) and ``duplicate_columns``.
- JSON: ``invalid_json`` (a JSON array document that is truncated or malformed, or nested too
  deep for the parser), ``missing_columns`` (an object without a required key) and
  ``no_records`` (an empty array: unlike a header-only CSV it shows nothing of the export's
  shape and an empty catalog is almost always a failed export).

Every data row of a file that passes is read, and a row that cannot be used structurally is
refused (RowRefusal) instead of landed, so that dbt never meets it: ``malformed_row`` (wrong
field count, broken quoting, a NUL byte; an NDJSON line that is not JSON), ``oversized_row``
(a line over MAX_ROW_BYTES, or a CSV field over MAX_FIELD_CHARS), ``repeated_header`` (the
header line again inside the data), ``not_an_object`` (a JSON record that is not an object) and
``non_finite_number`` (``NaN``, ``Infinity`` or a number like ``1e400`` that overflows: JSON
has no such numbers). The landed file holds the good rows; the refused ones are kept, one JSON
object per row, in the refused_rows/ sidecar (ingest/landing.py). A file whose rows are all
refused still lands, header only (CSV) or empty (NDJSON), so the manifest shows it arrived.

Accepted: extra columns; a header-only CSV (0 rows: a day without sales is a real export).
A CSV lands with every column of its feed first, in the documented order (Athena's
OpenCSVSerde reads by position), an optional one it lacks (sales' line_number, line_type,
original_transaction_id) empty, then its extra columns; a file not already so is rewritten.
Every landed row has its ids without zero-width characters and surrounding whitespace, and a
sales line without a line number gets its position among its order's lines in the file. A
mapping (ingest/mapping.py) converts a shop's own export to the feed's columns first, record
by record; one that does not fit the header raises MappingError (exit 2, nothing landed, no
quarantine: the mapping is wrong, not the file). A JSON array is rewritten as NDJSON (Athena's
JSON SerDe reads one object per line); a gzip file is decompressed (a gzip file named ``.csv`` too:
its content decides, not its name); a file with refused rows or blank lines is rewritten
without them. Each rewrite keeps the original under archive/. A quoted CSV field may span
lines; a quote not closed within MAX_ROW_BYTES (or whose lines together do not make one good
row) refuses its first line alone, and reading goes on with the next line.

Memory stays bounded by the file: rows are read one at a time from the received bytes, never a
line longer than MAX_ROW_BYTES decoded, never a copy of the whole file but the landed one.
"""

from __future__ import annotations

import csv
import dataclasses
import gzip
import io
import json
import math
import operator
import re
import zlib
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

from ingest.errors import FileRejectedError
from ingest.sources import SourceSpec, clean_id, landed_name, plain_lines

if TYPE_CHECKING:
    from ingest.mapping import ExportMapping

MAX_FILE_BYTES = 512 * 1024 * 1024
# The longest row (a CSV record, an NDJSON line) read; longer lines are refused as
# oversized_row and skipped without being decoded. DuckDB's read_csv allows 2 MB lines.
MAX_ROW_BYTES = 1024 * 1024
# The longest CSV field: the csv module's default limit (131,072 characters).
MAX_FIELD_CHARS = csv.field_size_limit()
# Lines up to this long may skip the row judge (ingest.sources.plain_lines): within the row
# limit, and no field of such a line can be over the field limit.
MAX_PLAIN_BYTES = min(MAX_ROW_BYTES, csv.field_size_limit())
RAW_CHARS = 1000  # how much of a refused row its sidecar line keeps
GZIP_MAGIC = b"\x1f\x8b"
_BOM = b"\xef\xbb\xbf"
_NOT_SPACE = re.compile(rb"\S")
_UTF8_CHUNK = 1024 * 1024


class QuarantineReason(StrEnum):
    """Why a file was refused at the door (the ``reason`` of its .reason.json)."""

    EMPTY_FILE = "empty_file"
    TOO_LARGE = "too_large"
    NOT_UTF8 = "not_utf8"
    WRONG_DELIMITER = "wrong_delimiter"
    MISSING_COLUMNS = "missing_columns"
    DUPLICATE_COLUMNS = "duplicate_columns"
    INVALID_JSON = "invalid_json"
    NO_RECORDS = "no_records"
    INVALID_GZIP = "invalid_gzip"
    UNSUPPORTED_FILE_TYPE = "unsupported_file_type"
    SYMLINK_OUTSIDE_INBOX = "symlink_outside_inbox"
    UNREADABLE_FILE = "unreadable_file"


class RowRefusal(StrEnum):
    """Why one row of a landed file was refused (the ``reason`` of its refused_rows/ line)."""

    MALFORMED_ROW = "malformed_row"
    OVERSIZED_ROW = "oversized_row"
    REPEATED_HEADER = "repeated_header"
    NON_FINITE_NUMBER = "non_finite_number"
    NOT_AN_OBJECT = "not_an_object"


@dataclass(frozen=True)
class RefusedRow:
    """One row kept out of the landed file: where it was, why, and (the start of) its text."""

    line_number: int  # 1-based physical line of the row's start; a JSON array's record index
    reason: RowRefusal
    detail: str
    raw: str  # at most RAW_CHARS characters, NUL bytes replaced


@dataclass(frozen=True)
class PreparedFile:
    """A file that passed the checks: the bytes to land, under which name, and its rows."""

    name: str
    data: bytes
    rows: int  # rows in the landed data
    rewritten: bool  # True when the landed bytes differ from the received ones
    refused: tuple[RefusedRow, ...] = ()


def raw_text(text: str) -> str:
    """A refused row's text as its sidecar keeps it: truncated, NUL bytes replaced."""
    return text[:RAW_CHARS].replace("\x00", "\ufffd")


def _raw(data: bytes, start: int, end: int) -> str:
    """The start of data[start:end] as text, without decoding more than needed."""
    return raw_text(data[start : min(end, start + 4 * RAW_CHARS)].decode("utf-8", "replace"))


def _check_size(name: str, data: bytes) -> None:
    if len(data) > MAX_FILE_BYTES:
        raise FileRejectedError(
            name,
            QuarantineReason.TOO_LARGE,
            f"{len(data):,} bytes is over the {MAX_FILE_BYTES:,} byte limit; split the export",
        )


def gunzip(name: str, data: bytes) -> bytes:
    """The decompressed content of a gzip file, refused when over MAX_FILE_BYTES."""
    chunks = []
    total = 0
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            while chunk := stream.read(_UTF8_CHUNK):
                total += len(chunk)
                if total > MAX_FILE_BYTES:
                    raise FileRejectedError(
                        name,
                        QuarantineReason.TOO_LARGE,
                        f"decompresses to over the {MAX_FILE_BYTES:,} byte limit; split the export",
                    )
                chunks.append(chunk)
    except (OSError, EOFError, zlib.error) as exc:  # gzip.BadGzipFile is an OSError
        raise FileRejectedError(
            name,
            QuarantineReason.INVALID_GZIP,
            f"not a readable gzip file ({exc}); send the export again, compressed with gzip "
            "or not compressed",
        ) from exc
    return b"".join(chunks)


def _check_utf8(name: str, data: bytes, start: int) -> None:
    """Refuse bytes that are not UTF-8, decoding one chunk at a time (never the whole file)."""
    position = start
    while position < len(data):
        end = min(position + _UTF8_CHUNK, len(data))
        back = 0
        while end < len(data) and back < 3 and 0x80 <= data[end] <= 0xBF:
            end -= 1  # never split a multi-byte character
            back += 1
        try:
            data[position:end].decode("utf-8")
        except UnicodeDecodeError as exc:
            at = position + exc.start
            raise FileRejectedError(
                name,
                QuarantineReason.NOT_UTF8,
                f"byte {at} (0x{data[at]:02x}) is not valid UTF-8; re-export the file as UTF-8",
            ) from exc
        position = end


def _content_start(name: str, data: bytes) -> int:
    """Where the text starts (after a byte-order mark), once the file is known to be text."""
    _check_size(name, data)
    start = len(_BOM) if data.startswith(_BOM) else 0
    _check_utf8(name, data, start)
    if _NOT_SPACE.search(data, start) is None:
        raise FileRejectedError(
            name, QuarantineReason.EMPTY_FILE, "the file has no content; re-export it"
        )
    return start


@dataclass(frozen=True)
class _Line:
    """One physical line: its number, content [start, end) without the line break, next line."""

    number: int
    start: int
    end: int
    next: int


def _lines(data: bytes, start: int, newline: bytes, number: int = 1) -> Iterator[_Line]:
    """The physical lines of data from `start`, without copying any of them."""
    while start < len(data):
        found = data.find(newline, start)
        nxt = len(data) if found < 0 else found + len(newline)
        end = len(data) if found < 0 else found
        if newline == b"\n" and end > start and data[end - 1] == 0x0D:
            end -= 1  # CRLF
        yield _Line(number, start, end, nxt)
        start, number = nxt, number + 1


# --- CSV ------------------------------------------------------------------------------------


def _parse_csv_row(text: str, delimiter: str = ",") -> list[str]:
    """One CSV record (csv module, strict quoting); csv.Error if it is not exactly one."""
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    if len(records) != 1:
        raise csv.Error("a line break inside an unquoted field")
    return records[0]


@dataclass(frozen=True)
class _Refusal:
    """Why a row is refused, before it is given its line number and text."""

    reason: RowRefusal
    detail: str


def _judge_csv(
    data: bytes, start: int, end: int, header: list[str], delimiter: str = ","
) -> list[str] | _Refusal:
    """The fields of the record data[start:end], or why it is refused."""
    nul = data.find(b"\x00", start, end)
    if nul >= 0:
        return _Refusal(RowRefusal.MALFORMED_ROW, f"NUL byte at character {nul - start + 1}")
    try:
        row = _parse_csv_row(data[start:end].decode("utf-8"), delimiter)
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            return _Refusal(
                RowRefusal.OVERSIZED_ROW,
                f"a field is over the {MAX_FIELD_CHARS:,} character field limit",
            )
        return _Refusal(RowRefusal.MALFORMED_ROW, f"broken quoting: {exc}")
    if len(row) != len(header):
        return _Refusal(RowRefusal.MALFORMED_ROW, f"{len(row)} fields, expected {len(header)}")
    if [field.strip() for field in row] == header:
        return _Refusal(RowRefusal.REPEATED_HEADER, "the header line again, inside the data")
    return row


@dataclass(frozen=True)
class _Span:
    """A CSV record over several physical lines: its bytes, the next line, how many lines."""

    start: int
    end: int
    next: int
    number_of_lines: int


def _quoted_span(data: bytes, first: _Line, ahead: Iterator[_Line]) -> _Span | None:
    """The record from `first` to the line closing its open quote, within MAX_ROW_BYTES."""
    quotes = data.count(b'"', first.start, first.end)
    for line in ahead:
        if line.end - first.start > MAX_ROW_BYTES:
            return None
        quotes += data.count(b'"', line.start, line.end)
        if quotes % 2 == 0:
            return _Span(first.start, line.end, line.next, line.number + 1)
    return None


def _csv_record(
    data: bytes, line: _Line, newline: bytes, header: list[str], delimiter: str = ","
) -> tuple[_Line, list[str] | _Refusal | None, int]:
    """The record starting at `line`: where it is (one line, or the lines a quoted field spans),
    its fields or why it is refused (None for a blank line: no row, not landed), and how many
    physical lines it takes."""
    if line.end == line.start:
        return line, None, 1
    if line.end - line.start > MAX_ROW_BYTES:
        return (
            line,
            _Refusal(
                RowRefusal.OVERSIZED_ROW,
                f"{line.end - line.start:,} bytes, over the {MAX_ROW_BYTES:,} byte row limit",
            ),
            1,
        )
    if data.count(b'"', line.start, line.end) % 2:  # a quoted field may go on below
        ahead = _lines(data, line.next, newline, number=1)
        record = _quoted_span(data, line, ahead)
        if record is not None:
            judged = _judge_csv(data, record.start, record.end, header, delimiter)
            if not isinstance(judged, _Refusal):
                spanned = _Line(line.number, record.start, record.end, record.next)
                return spanned, judged, record.number_of_lines
    return line, _judge_csv(data, line.start, line.end, header, delimiter), 1


def _csv_records(
    data: bytes, start: int, newline: bytes, header: list[str], delimiter: str = ","
) -> Iterator[tuple[_Line, list[str] | _Refusal | None]]:
    """Every data record after the header line, with its fields or why it is refused; None
    for a blank line (no row, not landed)."""
    lines = _lines(data, start, newline, number=2)
    for line in lines:
        record, judged, spans = _csv_record(data, line, newline, header, delimiter)
        for _ in range(spans - 1):
            next(lines)
        yield record, judged


@dataclass(frozen=True)
class _PlainLines:
    """Consecutive plain lines (ingest.sources.plain_lines): each a kept row whose fields are
    the line split on the delimiter and that normalising would not change."""

    starts: Any  # numpy int64 arrays of the lines' [start, end)
    ends: Any


def _csv_items(
    data: bytes,
    start: int,
    newline: bytes,
    header: list[str],
    delimiter: str,
    rule: plain_lines.PlainRule | None,
) -> Iterator[tuple[_Line, list[str] | _Refusal | None] | _PlainLines]:
    """What _csv_records yields, with runs of plain lines yielded whole instead of judged one
    by one; every other line is judged by _csv_record, in file order."""
    if rule is None or not plain_lines.available():
        yield from _csv_records(data, start, newline, header, delimiter)
        return
    position, number = start, 2
    while position < len(data):
        window = plain_lines.scan(
            data, position, plain_lines.window_end(data, position, newline), newline, rule
        )
        position = int(window.nexts[-1])
        done = 0  # lines of the window already yielded (or spanned by a quoted field)
        for index in (int(i) for i in (~window.plain).nonzero()[0]):
            if index < done:
                continue  # within a quoted field judged above
            if index > done:
                yield _PlainLines(window.starts[done:index], window.ends[done:index])
                number += index - done
            line = _Line(
                number,
                int(window.starts[index]),
                int(window.ends[index]),
                int(window.nexts[index]),
            )
            record, judged, spans = _csv_record(data, line, newline, header, delimiter)
            yield record, judged
            number += spans
            done = index + spans
            if done >= len(window.starts):  # the quoted field ran past this window
                position = record.next
                break
        else:
            if done < len(window.starts):
                yield _PlainLines(window.starts[done:], window.ends[done:])
                number += len(window.starts) - done


def prepare_csv(
    spec: SourceSpec, name: str, data: bytes, mapping: ExportMapping | None = None
) -> PreparedFile:
    """Accept a CSV whose header carries every required column (or fits `mapping`, which then
    converts each row to the feed's columns); land its good rows in the feed's column order."""
    start = _content_start(name, data)
    newline = b"\n" if b"\n" in data or b"\r" not in data else b"\r"  # \r alone: old Mac
    header_line = next(_lines(data, start, newline))
    if header_line.end - header_line.start > MAX_ROW_BYTES:
        raise FileRejectedError(
            name,
            QuarantineReason.TOO_LARGE,
            f"line 1 (the header) is {header_line.end - header_line.start:,} bytes, over the "
            f"{MAX_ROW_BYTES:,} byte row limit; is this a CSV export?",
        )
    delimiter = mapping.delimiter if mapping is not None else ","
    try:
        raw_header = _parse_csv_row(
            data[header_line.start : header_line.end].decode("utf-8"), delimiter
        )
    except csv.Error as exc:
        raise FileRejectedError(
            name,
            QuarantineReason.MISSING_COLUMNS,
            f"line 1 is not a CSV header ({exc}); "
            f"the file needs {', '.join(spec.required_columns)}",
        ) from exc
    header = [h.strip() for h in raw_header]
    if mapping is not None:
        mapping.check_header(name, header)
        convert: _Convert = mapping.converter(header)
    else:
        _check_header(spec, name, header)
        convert = _Reordered(spec, header)
    normalise = _Normaliser(spec)
    # Rewritten from the first row when the landed columns cannot be the received ones (a
    # mapping, columns missing or out of order); else only if a row needs normalising.
    landed = _LandedCsv(spec, header, convert) if convert.rewrites(raw_header) else None

    kept = _KeptLines()
    refused: list[RefusedRow] = []
    blank_lines = 0
    dirty = False
    rule = _plain_rule(normalise, header, delimiter, rewrite=landed is not None)
    for item in _csv_items(data, header_line.next, newline, header, delimiter, rule):
        if isinstance(item, _PlainLines):
            if landed is None:
                kept.extend(item.starts, item.ends)
            else:
                for start_at, end_at in zip(item.starts.tolist(), item.ends.tolist(), strict=True):
                    landed.write(normalise, data[start_at:end_at].decode().split(delimiter))
            continue
        line, judged = item
        if judged is None:
            blank_lines += 1
        elif isinstance(judged, _Refusal):
            raw = _raw(data, line.start, line.end)
            refused.append(RefusedRow(line.number, judged.reason, judged.detail, raw))
        elif landed is not None:
            landed.write(normalise, judged)
        else:
            kept.append(line.start, line.end)
            dirty = dirty or normalise.changes(judged)
    starts, ends = kept.arrays()
    if landed is None and dirty:
        landed = _LandedCsv(spec, header, convert)
        for start_at, end_at in zip(starts, ends, strict=True):
            landed.write(normalise, _parse_csv_row(data[start_at:end_at].decode("utf-8")))
    if landed is not None:
        out = landed.getvalue()
        return PreparedFile(name, out, landed.rows, out != data, tuple(refused))
    if not (refused or blank_lines or newline != b"\n"):
        return PreparedFile(name=name, data=data, rows=len(starts), rewritten=False)
    out = _kept_lines(data, (header_line.start, header_line.end), starts, ends, newline)
    return PreparedFile(
        name=name, data=out, rows=len(starts), rewritten=out != data, refused=tuple(refused)
    )


def _plain_rule(
    normalise: _Normaliser, header: list[str], delimiter: str, *, rewrite: bool
) -> plain_lines.PlainRule | None:
    """Which lines need no judging: a landed file rewritten from its first row normalises
    every row anyway; one landed as received needs its rows unchanged by normalising (ids
    without surrounding spaces, the line number filled)."""
    if rewrite:
        return plain_lines.PlainRule.of(delimiter, header, MAX_PLAIN_BYTES)
    filled = normalise.numbered[0] if normalise.numbered is not None else None
    return plain_lines.PlainRule.of(
        delimiter, header, MAX_PLAIN_BYTES, tuple(normalise.ids), filled
    )


class _KeptLines:
    """The [start, end) of each kept line in file order: single lines appended one by one,
    runs of plain lines as the scan's arrays (never a Python int per plain line)."""

    def __init__(self) -> None:
        self.runs: list[tuple[Any, Any]] = []
        self.starts, self.ends = array("q"), array("q")

    def append(self, start: int, end: int) -> None:
        self.starts.append(start)
        self.ends.append(end)

    def extend(self, starts: Any, ends: Any) -> None:
        self._flush()
        self.runs.append((starts, ends))

    def _flush(self) -> None:
        if self.starts:
            self.runs.append((self.starts, self.ends))
            self.starts, self.ends = array("q"), array("q")

    def arrays(self) -> tuple[Any, Any]:
        """Every kept line's start and end, as arrays (numpy's when a scan ran)."""
        if not self.runs:
            return self.starts, self.ends
        self._flush()
        import numpy as np  # present: only the scans add runs

        starts = np.concatenate([np.asarray(s, dtype=np.int64) for s, _ in self.runs])
        ends = np.concatenate([np.asarray(e, dtype=np.int64) for _, e in self.runs])
        return starts, ends


class _Convert(Protocol):
    """Turns one received record into the rows it lands as, in the feed's column order."""

    def rewrites(self, raw_header: list[str]) -> bool:
        """Whether the landed columns differ from the received ones whatever the rows."""

    def columns(self) -> list[str]:
        """The landed header: the feed's columns, then any the received file adds."""

    def __call__(self, record: list[str]) -> list[list[str]]:
        """The landed rows of one received record."""


class _Reordered:
    """A file in the feed's own columns: the feed's columns first, in order (an optional one
    absent from the file lands empty), then the file's extra columns as received."""

    def __init__(self, spec: SourceSpec, header: list[str]) -> None:
        self.feed = list(spec.column_names)
        self.extras = [c for c in header if c not in self.feed]
        # A column the file lacks is read from one empty field appended to each record.
        missing = len(header)
        positions = [header.index(c) if c in header else missing for c in self.feed]
        self.pick = operator.itemgetter(*positions, *(header.index(c) for c in self.extras))

    def rewrites(self, raw_header: list[str]) -> bool:
        """Columns missing, or not first in the documented order (Athena reads by position)."""
        return raw_header[: len(self.feed)] != self.feed

    def columns(self) -> list[str]:
        """The feed's columns, then the extras."""
        return self.feed + self.extras

    def __call__(self, record: list[str]) -> list[list[str]]:
        """The record's fields in the landed order."""
        return [list(self.pick([*record, ""]))]


class _Normaliser:
    """What the door writes into every landed row of a feed: identifiers without zero-width
    characters and surrounding whitespace, and the line number of a line without one (its
    position among its order's lines in the file)."""

    def __init__(self, spec: SourceSpec) -> None:
        names = list(spec.column_names)
        self.ids = [names.index(c) for c in spec.id_columns]
        self.numbered = (
            (names.index(spec.numbered[0]), names.index(spec.numbered[1]))
            if spec.numbered is not None
            else None
        )
        self.lines_seen: dict[str, int] = {}  # lines per order so far

    def changes(self, row: list[str]) -> bool:
        """Whether normalising a row (in the feed's column order) would change it."""
        for i in self.ids:
            value = row[i]
            # inline for speed: an ASCII value needs only its whitespace stripped (clean_id)
            if (value.strip() if value.isascii() else clean_id(value)) != value:
                return True
        return self.numbered is not None and not row[self.numbered[0]].strip()

    def __call__(self, row: list[str]) -> list[str]:
        """The row normalised, in place."""
        for i in self.ids:
            value = row[i]
            row[i] = value.strip() if value.isascii() else clean_id(value)
        if self.numbered is not None:
            line, order = self.numbered
            position = self.lines_seen.get(row[order], 0) + 1
            self.lines_seen[row[order]] = position
            if not row[line].strip():
                row[line] = str(position)
        return row


class _LandedCsv:
    """The landed CSV being written: its header, then each kept record's rows, normalised."""

    def __init__(self, spec: SourceSpec, header: list[str], convert: _Convert) -> None:
        self.convert = convert
        self.buffer = io.BytesIO()
        self.text = io.TextIOWrapper(self.buffer, encoding="utf-8", newline="")
        self.writer = csv.writer(self.text, lineterminator="\n")
        self.writer.writerow(convert.columns())
        self.rows = 0

    def write(self, normalise: _Normaliser, record: list[str]) -> None:
        """Land the rows of one received record."""
        for row in self.convert(record):
            self.writer.writerow(normalise(row))
            self.rows += 1

    def getvalue(self) -> bytes:
        """The landed bytes."""
        self.text.flush()
        return self.buffer.getvalue()


def csv_header(head: bytes, delimiter: str = ",") -> list[str] | None:
    """The column names on the first line of a CSV's (decompressed) first bytes, or None when
    they are not a readable CSV header (the door then quarantines the file with its reason)."""
    head = head.removeprefix(_BOM)
    ends = [at for at in (head.find(b"\n"), head.find(b"\r")) if at >= 0]
    if not ends and len(head) > MAX_ROW_BYTES:
        return None
    try:
        names = _parse_csv_row(head[: min(ends, default=len(head))].decode("utf-8"), delimiter)
    except (UnicodeDecodeError, csv.Error):
        return None
    return [n.strip() for n in names]


def _check_header(spec: SourceSpec, name: str, header: list[str]) -> None:
    """Refuse a header without every required column, or with a column twice."""
    required = list(spec.required_columns)
    missing = [c for c in required if c not in header]
    if missing:
        if len(header) == 1 and any(d in header[0] for d in ";|\t"):
            raise FileRejectedError(
                name,
                QuarantineReason.WRONG_DELIMITER,
                f"the header {header[0]!r} is not comma-separated; export with ',' as delimiter",
            )
        raise FileRejectedError(
            name,
            QuarantineReason.MISSING_COLUMNS,
            f"required column(s) {', '.join(missing)} not in header {header}; "
            f"the file needs {', '.join(required)}",
        )
    duplicated = sorted({c for c in header if header.count(c) > 1})
    if duplicated:
        raise FileRejectedError(
            name,
            QuarantineReason.DUPLICATE_COLUMNS,
            f"column(s) {', '.join(duplicated)} appear twice in header",
        )


def _kept_lines(
    data: bytes,
    header: tuple[int, int],
    starts: Sequence[int],
    ends: Sequence[int],
    newline: bytes = b"\n",
) -> bytes:
    """The header and the kept records, each as received, one per '\\n'-ended line. Kept
    lines that follow each other in a '\\n'-separated file are copied as one slice."""
    view = memoryview(data)
    out = io.BytesIO()
    out.write(view[header[0] : header[1]])
    out.write(b"\n")
    for start, end in _slices(starts, ends, newline):
        out.write(view[start:end])
        out.write(b"\n")
    return out.getvalue()


def _slices(
    starts: Sequence[int], ends: Sequence[int], newline: bytes
) -> Iterator[tuple[int, int]]:
    """The kept lines as [start, end) slices, consecutive lines of a '\\n' file joined."""
    if newline != b"\n" or not plain_lines.available() or not len(starts):
        yield from zip(starts, ends, strict=True)
        return
    import numpy as np

    first, last = np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64)
    # A line starting one byte after the previous one's end follows it across one '\n'.
    breaks = np.flatnonzero(first[1:] != last[:-1] + 1) + 1
    run_starts = first[np.concatenate(([0], breaks))]
    run_ends = last[np.concatenate((breaks - 1, [len(last) - 1]))]
    yield from zip(run_starts.tolist(), run_ends.tolist(), strict=True)


# --- JSON -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _NonFinite:
    """A number JSON cannot hold (NaN, Infinity, 1e400), as it was written."""

    text: str


def _float(text: str) -> float | _NonFinite:
    value = float(text)
    return value if math.isfinite(value) else _NonFinite(text)


def _loads(text: str) -> Any:
    """json.loads that keeps non-finite numbers as _NonFinite instead of floats."""
    return json.loads(text, parse_constant=_NonFinite, parse_float=_float)


def _non_finite(record: dict[str, Any]) -> str | None:
    """Which key of a record holds a non-finite number (at any depth), as a message."""
    for key, value in record.items():
        stack = [value]
        while stack:
            item = stack.pop()
            if isinstance(item, _NonFinite):
                return f"{key} holds {item.text}, not a finite number (JSON has no NaN/Infinity)"
            if isinstance(item, dict):
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
    return None


def _record_text(record: Any) -> str:
    """A parsed record as JSON text, for a refused row's raw."""
    try:
        return json.dumps(record, ensure_ascii=False, default=lambda v: v.text)
    except (RecursionError, ValueError):
        return "(nested too deep to show)"


_JSON_KINDS = {list: "array", str: "string", bool: "boolean", type(None): "null"}


def _judge_record(spec: SourceSpec, name: str, index: int, record: Any) -> _Refusal | None:
    """Why a parsed record is refused, or None; a record without a required key refuses the
    whole file (missing_columns), as a CSV without a required column does."""
    if not isinstance(record, dict):
        kind = _JSON_KINDS.get(type(record), "number")
        return _Refusal(RowRefusal.NOT_AN_OBJECT, f"a JSON {kind}, not an object")
    missing = [c for c in spec.required_columns if c not in record]
    if missing:
        raise FileRejectedError(
            name,
            QuarantineReason.MISSING_COLUMNS,
            f"record {index} lacks key(s) {', '.join(missing)}",
        )
    problem = _non_finite(record)
    if problem is not None:
        return _Refusal(RowRefusal.NON_FINITE_NUMBER, problem)
    return None


def _json_array(spec: SourceSpec, name: str, data: bytes, start: int) -> PreparedFile:
    """A JSON array document: every object record as one NDJSON line."""
    try:
        records = _loads(data[start:].decode("utf-8"))
    except json.JSONDecodeError as exc:
        raise FileRejectedError(
            name,
            QuarantineReason.INVALID_JSON,
            f"line {exc.lineno} column {exc.colno}: {exc.msg} (truncated or malformed JSON)",
        ) from exc
    except RecursionError as exc:
        raise FileRejectedError(
            name,
            QuarantineReason.INVALID_JSON,
            "nested too deep for the JSON parser; send the records as a flat array of objects",
        ) from exc
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise FileRejectedError(name, QuarantineReason.INVALID_JSON, str(exc)) from exc
    if not isinstance(records, list):  # pragma: no cover - a document starting with '['
        raise FileRejectedError(name, QuarantineReason.INVALID_JSON, "expected a JSON array")
    if not records:
        raise FileRejectedError(
            name,
            QuarantineReason.NO_RECORDS,
            "the JSON holds no records; re-export it with its records",
        )
    out = io.StringIO()
    refused: list[RefusedRow] = []
    rows = 0
    for index, record in enumerate(records, start=1):
        judged = _judge_record(spec, name, index, record)
        if judged is None:
            try:
                line = json.dumps(record, ensure_ascii=False, allow_nan=False)
            except RecursionError:
                judged = _Refusal(RowRefusal.MALFORMED_ROW, "nested too deep")
            else:
                out.write(line + "\n")
                rows += 1
                continue
        refused.append(
            RefusedRow(index, judged.reason, judged.detail, raw_text(_record_text(record)))
        )
    ndjson = out.getvalue().encode()
    return PreparedFile(name, ndjson, rows, ndjson != data, tuple(refused))


def _ndjson(spec: SourceSpec, name: str, data: bytes, start: int) -> PreparedFile:
    """NDJSON: every line holding one object lands as received; the others are refused."""
    view = memoryview(data)
    out = io.BytesIO()
    refused: list[RefusedRow] = []
    rows = 0
    for line in _lines(data, start, b"\n"):
        if _NOT_SPACE.search(data, line.start, line.end) is None:
            continue  # a blank line is no record (and is not landed)
        judged: _Refusal | None
        if line.end - line.start > MAX_ROW_BYTES:
            judged = _Refusal(
                RowRefusal.OVERSIZED_ROW,
                f"{line.end - line.start:,} bytes, over the {MAX_ROW_BYTES:,} byte row limit",
            )
        else:
            judged = _judge_ndjson_line(spec, name, data, line)
        if judged is None:
            out.write(view[line.start : line.end])
            out.write(b"\n")
            rows += 1
        else:
            raw = _raw(data, line.start, line.end)
            refused.append(RefusedRow(line.number, judged.reason, judged.detail, raw))
    if not rows and not refused:  # pragma: no cover - a non-blank file has a non-blank line
        raise FileRejectedError(name, QuarantineReason.NO_RECORDS, "the JSON holds no records")
    ndjson = out.getvalue()
    return PreparedFile(name, ndjson, rows, ndjson != data, tuple(refused))


def _judge_ndjson_line(spec: SourceSpec, name: str, data: bytes, line: _Line) -> _Refusal | None:
    """Why one NDJSON line is refused, or None."""
    try:
        record = _loads(data[line.start : line.end].decode("utf-8"))
    except json.JSONDecodeError as exc:
        return _Refusal(RowRefusal.MALFORMED_ROW, f"not JSON: {exc.msg} at column {exc.colno}")
    except RecursionError:
        return _Refusal(RowRefusal.MALFORMED_ROW, "not JSON: nested too deep for the parser")
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        return _Refusal(RowRefusal.MALFORMED_ROW, f"not JSON: {exc}")
    return _judge_record(spec, name, line.number, record)


def prepare_json(spec: SourceSpec, name: str, data: bytes) -> PreparedFile:
    """Accept a JSON array or NDJSON of objects with every required key; land it as NDJSON."""
    start = _content_start(name, data)
    first = _NOT_SPACE.search(data, start)
    if first is not None and data[first.start()] == ord("["):
        return _json_array(spec, name, data, start)
    return _plain_ndjson(spec, name, data, start) or _ndjson(spec, name, data, start)


# Bytes that may make an NDJSON line other than a plain record: a number that may not be
# finite once parsed (an exponent, NaN, Infinity, more digits in a row than a float holds), a
# carriage return (CRLF), a NUL byte or a byte-order mark (the parser of bytes would skip it).
_MAYBE_NOT_PLAIN = re.compile(rb"NaN|Infinity|[0-9][eE]|[0-9]{300}|\r|\x00|\xef\xbb\xbf")


def _plain_ndjson(spec: SourceSpec, name: str, data: bytes, start: int) -> PreparedFile | None:
    """The NDJSON as _ndjson lands it when every line is one JSON object with every required
    key and no number that could be non-finite: then no line is refused, none is blank, and
    each lands as received. Checked with the JSON parser alone (no hooks, C), where _ndjson
    calls Python for every number; None when any line may be refused or blank, and _ndjson
    then judges each line."""
    if _MAYBE_NOT_PLAIN.search(data, start) is not None:
        return None
    lines = data[start:].split(b"\n")
    if lines[-1] == b"":
        lines.pop()  # the file's last line break
    required = spec.required_columns
    try:
        for line in lines:
            record = json.loads(line)
            if type(record) is not dict or len(line) > MAX_ROW_BYTES:
                return None
            if any(column not in record for column in required):
                return None
    except (ValueError, RecursionError):  # not JSON (JSONDecodeError is a ValueError)
        return None
    ndjson = data[start:] if data.endswith(b"\n") else data[start:] + b"\n"
    return PreparedFile(name, ndjson, len(lines), ndjson != data)


def prepare(
    spec: SourceSpec, name: str, data: bytes, mapping: ExportMapping | None = None
) -> PreparedFile:
    """Check a received file by its feed's rules and name; what lands and under which name.

    A ``.gz`` file, or any file starting with the gzip magic bytes, is decompressed here and
    landed plain: Athena could read gzip natively, but one landed format (``*.csv``,
    ``*.ndjson``) keeps dbt's staging globs and the Glue tables identical on every engine.
    A `mapping` (a CSV feed's) converts a shop's own export to the feed's columns; a file it
    does not fit raises MappingError (nothing is landed or quarantined: the mapping is wrong).
    """
    accepted = landed_name(spec, name)
    if accepted is None:
        raise FileRejectedError(
            name,
            QuarantineReason.UNSUPPORTED_FILE_TYPE,
            f"{spec.name} files must be named *{', *'.join(spec.accepted_names.split(', '))} "
            "(any case); nothing reads other files. Rename it if it is one of those, "
            "or export it again in that format",
        )
    _check_size(name, data)
    content = data
    if accepted.gzip or data.startswith(GZIP_MAGIC):
        content = gunzip(name, data)
    if spec.format == "csv":
        prepared = prepare_csv(spec, name, content, mapping)
    else:
        prepared = prepare_json(spec, name, content)
    return dataclasses.replace(
        prepared, name=accepted.landed_name, rewritten=prepared.rewritten or content is not data
    )
