"""File-level checks at the lake's door. Row-level quality is dbt's job, not this module's."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import PurePosixPath

from ingest.errors import FileRejectedError
from ingest.sources import SourceSpec

MAX_FILE_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class PreparedFile:
    """A file that passed the checks: the bytes to land, under which name, and its row count."""

    name: str
    data: bytes
    rows: int
    rewritten: bool  # True when the landed bytes differ from the received ones


def _decode(name: str, data: bytes) -> str:
    if not data.strip():
        raise FileRejectedError(name, "empty_file", "the file has no content; re-export it")
    if len(data) > MAX_FILE_BYTES:
        raise FileRejectedError(
            name,
            "too_large",
            f"{len(data)} bytes is over the {MAX_FILE_BYTES} byte limit; split the export",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileRejectedError(
            name,
            "not_utf8",
            f"byte {exc.start} is not valid UTF-8; re-export the file as UTF-8",
        ) from exc


def prepare_csv(spec: SourceSpec, name: str, data: bytes) -> PreparedFile:
    """Accept a CSV whose header carries every required column; land its bytes unchanged."""
    text = _decode(name, data)
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader)]
    missing = [c for c in spec.required_columns if c not in header]
    if missing:
        if len(header) == 1 and any(d in header[0] for d in ";|\t"):
            raise FileRejectedError(
                name,
                "wrong_delimiter",
                f"the header {header[0]!r} is not comma-separated; export with ',' as delimiter",
            )
        raise FileRejectedError(
            name,
            "missing_columns",
            f"required column(s) {', '.join(missing)} not in header {header}",
        )
    rows = sum(1 for _ in reader)
    return PreparedFile(name=name, data=data, rows=rows, rewritten=False)


def prepare_json(spec: SourceSpec, name: str, data: bytes) -> PreparedFile:
    """Accept a JSON array or NDJSON of objects with every required key; land it as NDJSON."""
    text = _decode(name, data)
    stripped = text.lstrip()
    try:
        if stripped.startswith("["):
            records = json.loads(stripped)
        else:
            records = [json.loads(line) for line in stripped.splitlines() if line.strip()]
    except json.JSONDecodeError as exc:
        raise FileRejectedError(
            name, "invalid_json", f"line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from exc
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise FileRejectedError(name, "invalid_json", "expected a JSON array of objects or NDJSON")
    for index, record in enumerate(records, start=1):
        missing = [c for c in spec.required_columns if c not in record]
        if missing:
            raise FileRejectedError(
                name, "missing_columns", f"record {index} lacks key(s) {', '.join(missing)}"
            )
    ndjson = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    landed_name = str(PurePosixPath(name).with_suffix(".ndjson"))
    return PreparedFile(name=landed_name, data=ndjson, rows=len(records), rewritten=ndjson != data)


def prepare(spec: SourceSpec, name: str, data: bytes) -> PreparedFile:
    """Run the checks for this source's format."""
    if spec.format == "csv":
        return prepare_csv(spec, name, data)
    return prepare_json(spec, name, data)
