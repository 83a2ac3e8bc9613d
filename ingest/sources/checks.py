"""File-level checks at the lake's door. Row-level quality is dbt's job, not this module's.

What is refused (quarantined with a QuarantineReason) and what is accepted:

- ``empty_file``: no bytes, or only whitespace / a byte-order mark.
- ``too_large``: over MAX_FILE_BYTES.
- ``not_utf8``: bytes that are not UTF-8 (a UTF-8 byte-order mark is fine).
- CSV: ``wrong_delimiter`` (a one-column header holding ';', '|' or tabs),
  ``missing_columns`` and ``duplicate_columns`` (a column named twice). Extra columns are
  accepted. A header-only CSV is accepted and lands
  with 0 rows: a day without sales is a real export, and the manifest then shows it arrived.
  A header whose required columns are not first and in the documented order (or carry stray
  spaces) is rewritten in that order, extra columns after them, and the original archived:
  Athena's OpenCSVSerde reads columns by position.
- JSON: ``invalid_json`` (truncated or malformed, not objects), ``missing_columns`` (a record
  without a required key) and ``no_records`` (an empty array: unlike a header-only CSV it shows
  nothing of the export's shape and an empty catalog is almost always a failed export). A JSON
  array is rewritten as NDJSON (Athena's JSON SerDe reads one object per line), the original
  archived; NDJSON lands unchanged.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePosixPath
from typing import Any

from ingest.errors import FileRejectedError
from ingest.sources import SourceSpec

MAX_FILE_BYTES = 512 * 1024 * 1024


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


@dataclass(frozen=True)
class PreparedFile:
    """A file that passed the checks: the bytes to land, under which name, and its row count."""

    name: str
    data: bytes
    rows: int
    rewritten: bool  # True when the landed bytes differ from the received ones


def _decode(name: str, data: bytes) -> str:
    if len(data) > MAX_FILE_BYTES:
        raise FileRejectedError(
            name,
            QuarantineReason.TOO_LARGE,
            f"{len(data)} bytes is over the {MAX_FILE_BYTES} byte limit; split the export",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileRejectedError(
            name,
            QuarantineReason.NOT_UTF8,
            f"byte {exc.start} (0x{data[exc.start]:02x}) is not valid UTF-8; "
            "re-export the file as UTF-8",
        ) from exc
    if not text.strip():
        raise FileRejectedError(
            name, QuarantineReason.EMPTY_FILE, "the file has no content; re-export it"
        )
    return text


def prepare_csv(spec: SourceSpec, name: str, data: bytes) -> PreparedFile:
    """Accept a CSV whose header carries every required column; land its bytes unchanged."""
    text = _decode(name, data)
    reader = csv.reader(io.StringIO(text, newline=""))
    raw_header = next(reader)
    header = [h.strip() for h in raw_header]
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
    if raw_header[: len(required)] == required:
        rows = sum(1 for _ in reader)
        return PreparedFile(name=name, data=data, rows=rows, rewritten=False)
    return _reorder_csv(name, header, required, reader)


def _reorder_csv(
    name: str, header: list[str], required: list[str], reader: Iterator[list[str]]
) -> PreparedFile:
    """Rewrite a CSV so the required columns come first, in order, then the extra ones."""
    order = required + [c for c in header if c not in required]
    positions = [header.index(c) for c in order]
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(order)
    rows = 0
    for record in reader:
        writer.writerow([record[i] if i < len(record) else "" for i in positions])
        rows += 1
    return PreparedFile(name=name, data=out.getvalue().encode(), rows=rows, rewritten=True)


def _parse_json(name: str, text: str) -> list[Any]:
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            parsed = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise FileRejectedError(
                name,
                QuarantineReason.INVALID_JSON,
                f"line {exc.lineno} column {exc.colno}: {exc.msg} (truncated or malformed JSON)",
            ) from exc
        if not isinstance(parsed, list):
            raise FileRejectedError(
                name, QuarantineReason.INVALID_JSON, "expected a JSON array of objects"
            )
        return parsed
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise FileRejectedError(
                name,
                QuarantineReason.INVALID_JSON,
                f"line {number} column {exc.colno}: {exc.msg} (truncated or malformed JSON)",
            ) from exc
    return records


def prepare_json(spec: SourceSpec, name: str, data: bytes) -> PreparedFile:
    """Accept a JSON array or NDJSON of objects with every required key; land it as NDJSON."""
    records = _parse_json(name, _decode(name, data))
    if not records:
        raise FileRejectedError(
            name,
            QuarantineReason.NO_RECORDS,
            "the JSON holds no records; re-export it with its records",
        )
    for index, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise FileRejectedError(
                name,
                QuarantineReason.INVALID_JSON,
                f"record {index} is not a JSON object: {record!r:.80}",
            )
        missing = [c for c in spec.required_columns if c not in record]
        if missing:
            raise FileRejectedError(
                name,
                QuarantineReason.MISSING_COLUMNS,
                f"record {index} lacks key(s) {', '.join(missing)}",
            )
    ndjson = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    landed_name = str(PurePosixPath(name).with_suffix(".ndjson"))
    return PreparedFile(name=landed_name, data=ndjson, rows=len(records), rewritten=ndjson != data)


def prepare(spec: SourceSpec, name: str, data: bytes) -> PreparedFile:
    """Run the checks for this source's format."""
    if spec.format == "csv":
        return prepare_csv(spec, name, data)
    return prepare_json(spec, name, data)
