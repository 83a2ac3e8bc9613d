"""Ingest entry points: files from disk, and the customer API, into the lake."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TextIO

from ingest.api_client import ApiClientConfig, fetch_customers
from ingest.landing import LandingResult, land_file, new_batch_id
from ingest.sources import CUSTOMERS, SOURCES
from ingest.storage import Storage


def today_utc() -> date:
    """The ingest date partition for files received now."""
    return datetime.now(UTC).date()


def ingest_files(
    storage: Storage,
    source: str,
    paths: Sequence[Path],
    batch_id: str | None = None,
    ingest_date: date | None = None,
) -> list[LandingResult]:
    """Land local files of one source (in the order given) as one batch."""
    spec = SOURCES[source]
    batch = batch_id or new_batch_id()
    day = ingest_date or today_utc()
    return [land_file(storage, spec, p.name, p.read_bytes(), batch, day) for p in paths]


def ingest_customers_api(
    storage: Storage,
    api_url: str,
    batch_id: str | None = None,
    ingest_date: date | None = None,
) -> LandingResult:
    """Pull every customer from the API and land the pull as one NDJSON file."""
    records = fetch_customers(ApiClientConfig(base_url=api_url))
    payload = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    return land_file(
        storage,
        CUSTOMERS,
        "customers.ndjson",
        payload,
        batch_id or new_batch_id(),
        ingest_date or today_utc(),
    )


def print_results(results: Iterable[LandingResult], out: TextIO = sys.stderr) -> None:
    """One line per file: status, rows, bytes, where it went, and why if it was refused."""
    rows = list(results)
    if not rows:
        return
    width = max(len(r.name) for r in rows)
    for r in rows:
        line = (
            f"  {r.status:<20} {r.source:<9} {r.name:<{width}} {r.rows:>9,} rows {r.bytes:>12,} B"
        )
        print(line + (f"  -> {r.reason}" if r.reason else ""), file=out)
