"""The customer feed: pulled from the shop's REST API, landed as one NDJSON file per pull.

Pulls are incremental. The cursor — the latest ``updated_at`` landed so far — lives in the lake
at ``_state/customers/cursor.json`` and is sent as ``updated_since``; it only moves forward
after the pull has landed, so a failed pull is simply repeated next time.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from ingest.api_client import ApiClientConfig, CustomerApiClient
from ingest.landing import LandingResult, LandingStatus, land_file
from ingest.manifest import utc_now_iso
from ingest.sources import CUSTOMERS
from ingest.storage import Storage

CURSOR_KEY = "_state/customers/cursor.json"
PULL_FILE_NAME = "customers.ndjson"


@dataclass(frozen=True)
class Cursor:
    """Where the last landed pull ended."""

    updated_since: str | None = None  # the greatest updated_at landed so far
    batch_id: str | None = None  # the batch that moved it there
    saved_at: str | None = None


def read_cursor(storage: Storage) -> Cursor:
    """The saved cursor, or an empty one before the first pull."""
    if not storage.exists(CURSOR_KEY):
        return Cursor()
    return Cursor(**json.loads(storage.get_bytes(CURSOR_KEY)))


def write_cursor(storage: Storage, cursor: Cursor) -> None:
    """Save the cursor (an atomic put)."""
    storage.put_bytes(CURSOR_KEY, json.dumps(asdict(cursor), indent=2).encode())


def as_ndjson(records: list[dict[str, Any]]) -> bytes:
    """One JSON object per line, as the lake keeps the customer feed."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


def pull_customers(
    storage: Storage,
    config: ApiClientConfig,
    batch_id: str,
    ingest_date: date,
    *,
    full_refresh: bool = False,
    sleep: Callable[[float], None] | None = None,
    on_page: Callable[[int, int], None] | None = None,
) -> LandingResult:
    """Pull the customers changed since the cursor and land them as one file.

    `full_refresh` ignores the cursor and pulls everything. A pull with no changes lands
    nothing and reports ``no_new_records``. An ApiError leaves the lake and the cursor as
    they were.
    """
    cursor = Cursor() if full_refresh else read_cursor(storage)
    client = CustomerApiClient(config, sleep=sleep or time.sleep, on_page=on_page)
    records = client.fetch(cursor.updated_since)
    if not records:
        return LandingResult(CUSTOMERS.name, PULL_FILE_NAME, LandingStatus.NO_NEW_RECORDS, "", 0, 0)
    result = land_file(
        storage, CUSTOMERS, PULL_FILE_NAME, as_ndjson(records), batch_id, ingest_date
    )
    if result.status in (LandingStatus.LANDED, LandingStatus.ALREADY_LANDED):
        latest = max(str(r.get("updated_at") or "") for r in records)
        if latest and latest > (cursor.updated_since or ""):
            saved = read_cursor(storage)  # never move a cursor back (full refresh, races)
            if latest > (saved.updated_since or ""):
                write_cursor(storage, Cursor(latest, batch_id, utc_now_iso()))
    return result
