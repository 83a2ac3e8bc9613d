"""Find, a window of a CSV at a time, the lines the door can accept without judging them one by one.

The door's row judge (``ingest.sources.checks``) is exact but runs in Python, one line at a
time. Most lines of an export are *plain*: not blank, at most MAX_PLAIN_BYTES long, only
printable ASCII (no quote, no control byte, no byte over 0x7F; the delimiter may be a tab),
exactly one field per header column, not containing the longest header name (so never the
header again), and, where the caller asks, id fields without surrounding spaces and the
numbered field not blank. For such a line the judge's answer is known without running it: the
fields are the line split on the delimiter (the csv module splits an unquoted line there and
nowhere else), no field is over the field limit, the row is kept, and normalising it changes
nothing. Vectorised scans (numpy, in C) find the plain lines of a window; the caller hands
every other line to the judge, in file order, so each refusal, reason, line number and raw text
is the judge's own.

numpy is optional: the Lambda package ships without it (``make lambda-build``), and the door
then judges every line. Memory: the scan of a WINDOW_BYTES window holds a few arrays of its
size (masks of one byte per byte, offsets of eight bytes per line and per delimiter), so it
stays near 100 MiB whatever the file's size.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

try:
    import numpy as np
except ImportError:  # pragma: no cover - the Lambda package, which judges every line
    np = None  # type: ignore[assignment]

if TYPE_CHECKING:
    from numpy.typing import NDArray

WINDOW_BYTES = 16 * 1024 * 1024
_QUOTE = ord('"')
_SPACE = ord(" ")


def available() -> bool:
    """Whether the scans can run here (numpy importable)."""
    return np is not None


@dataclass(frozen=True)
class PlainRule:
    """What makes a line plain, beyond its bytes: the delimiter, the columns, the fields that
    must have no surrounding spaces (ids) and the one that must not be blank (numbered)."""

    delimiter: int  # the delimiter's byte
    columns: int
    header_needle: bytes  # the longest header name: a line holding it may be the header again
    max_bytes: int  # longer lines go to the judge (its row and field limits)
    trimmed: tuple[int, ...] = ()  # field positions without leading or trailing spaces
    filled: int | None = None  # a field position that must not be empty

    @classmethod
    def of(
        cls,
        delimiter: str,
        header: list[str],
        max_bytes: int,
        trimmed: tuple[int, ...] = (),
        filled: int | None = None,
    ) -> PlainRule | None:
        """The rule, or None when no line can be plain (a delimiter that is not one printable
        ASCII byte or a tab, a quote as delimiter, a header without a non-empty name)."""
        if len(delimiter) != 1 or not (delimiter == "\t" or " " <= delimiter <= "~"):
            return None
        if delimiter == '"':
            return None
        needle = max(header, key=len).encode()
        if not needle:
            return None
        return cls(ord(delimiter), len(header), needle, max_bytes, trimmed, filled)


@dataclass(frozen=True)
class Window:
    """The physical lines of data[lo:hi]: their content [starts, ends) without the line break,
    where the next line starts, and whether each is plain."""

    starts: NDArray[np.int64]
    ends: NDArray[np.int64]
    nexts: NDArray[np.int64]
    plain: NDArray[np.bool_]


def window_end(data: bytes, lo: int, newline: bytes) -> int:
    """Where a window from `lo` (a line start) ends: after the last line break within
    WINDOW_BYTES, at the end of the data if it is that near, or after the first line when that
    line alone is longer (such a line is never plain, and is not scanned)."""
    if len(data) - lo <= WINDOW_BYTES:
        return len(data)
    found = data.rfind(newline, lo, lo + WINDOW_BYTES)
    if found < 0:
        found = data.find(newline, lo)
        return len(data) if found < 0 else found + len(newline)
    return found + len(newline)


def scan(data: bytes, lo: int, hi: int, newline: bytes, rule: PlainRule) -> Window:
    """The lines of data[lo:hi] (hi at a line start or the end of the data) and which are plain."""
    if hi - lo > WINDOW_BYTES:  # one line longer than a window: not plain, not scanned
        end = hi - len(newline) if data.endswith(newline, lo, hi) else hi
        if newline == b"\n" and end > lo and data[end - 1] == ord("\r"):
            end -= 1
        one = np.array([lo], dtype=np.int64)
        return Window(one, one - lo + end, one - lo + hi, np.zeros(1, dtype=np.bool_))
    view = np.frombuffer(data, dtype=np.uint8, count=hi - lo, offset=lo)
    breaks = np.flatnonzero(view == newline[0]).astype(np.int64) + lo
    starts = np.concatenate((np.array([lo], dtype=np.int64), breaks + 1))
    ends = np.concatenate((breaks, np.array([hi], dtype=np.int64)))
    nexts = np.concatenate((breaks + 1, np.array([hi], dtype=np.int64)))
    if starts[-1] >= hi:  # the data ends with a line break: no line after it
        starts, ends, nexts = starts[:-1], ends[:-1], nexts[:-1]
    if newline == b"\n":  # CRLF: the carriage return is no part of the line
        has_cr = ends > starts
        has_cr[has_cr] = view[ends[has_cr] - 1 - lo] == ord("\r")
        ends = ends - has_cr
    lengths = ends - starts
    plain = (lengths > 0) & (lengths <= rule.max_bytes)

    odd = (view == _QUOTE) | (view > 0x7F) | ((view < _SPACE) & (view != rule.delimiter))
    plain &= _count_in(np.flatnonzero(odd) + lo, starts, ends) == 0

    delimiters = np.flatnonzero(view == rule.delimiter).astype(np.int64) + lo
    first = np.searchsorted(delimiters, starts)
    plain &= np.searchsorted(delimiters, ends) - first == rule.columns - 1

    _not_plain_where(data, lo, hi, rule.header_needle, starts, plain)
    if rule.trimmed or rule.filled is not None:
        _check_fields(view, lo, delimiters, first, starts, ends, plain, rule)
    return Window(starts, ends, nexts, plain)


def _count_in(
    positions: NDArray[np.int64], starts: NDArray[np.int64], ends: NDArray[np.int64]
) -> NDArray[np.int64]:
    """How many of the sorted positions fall in each [start, end)."""
    counts: NDArray[np.int64] = np.searchsorted(positions, ends) - np.searchsorted(
        positions, starts
    )
    return counts


def _not_plain_where(
    data: bytes,
    lo: int,
    hi: int,
    needle: bytes,
    starts: NDArray[np.int64],
    plain: NDArray[np.bool_],
) -> None:
    """Lines holding `needle` are not plain (bytes.find: a handful of hits in an export)."""
    hits = []
    at = data.find(needle, lo, hi)
    while at >= 0:
        hits.append(at)
        at = data.find(needle, at + 1, hi)
    if hits:
        plain[np.searchsorted(starts, np.array(hits, dtype=np.int64), side="right") - 1] = False


def _check_fields(
    view: NDArray[np.uint8],
    lo: int,
    delimiters: NDArray[np.int64],
    first: NDArray[np.int64],
    starts: NDArray[np.int64],
    ends: NDArray[np.int64],
    plain: NDArray[np.bool_],
    rule: PlainRule,
) -> None:
    """Plain lines whose trimmed fields have a surrounding space, or whose filled field is
    empty, are not plain."""
    rows = np.flatnonzero(plain)
    if not len(rows):
        return
    last = rule.columns - 1

    def bounds(field: int) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        begin = starts[rows] if field == 0 else delimiters[first[rows] + field - 1] + 1
        end = ends[rows] if field == last else delimiters[first[rows] + field]
        return begin, end

    bad = np.zeros(len(rows), dtype=np.bool_)
    for field in rule.trimmed:
        begin, end = bounds(field)
        filled = end > begin
        edges = np.zeros(len(rows), dtype=np.bool_)
        edges[filled] = (view[begin[filled] - lo] == _SPACE) | (
            view[end[filled] - 1 - lo] == _SPACE
        )
        bad |= edges
    if rule.filled is not None:
        begin, end = bounds(rule.filled)
        empty = end == begin
        spaced = np.zeros(len(rows), dtype=np.bool_)
        spaced[~empty] = view[begin[~empty] - lo] == _SPACE
        bad |= empty | spaced
    plain[rows[bad]] = False
