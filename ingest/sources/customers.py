"""The customer feed: pulled from the shop's REST API, landed as one NDJSON file per pull.

Pulls are incremental. The cursor — where the last landed pull ended — lives in the lake at
``_state/customers/cursor.json`` and is sent as ``updated_since``; it only moves forward after
the pull has landed, so a failed pull is simply repeated next time.

The cursor never moves past the pull's own clock: it becomes the latest ``updated_at`` of the
pulled records, but no later than the moment the pull started (UTC). A record dated up to
FUTURE_TOLERANCE after that moment (clock skew) moves it only to that moment; a record dated
later still (``9999-12-31``, a bug upstream) is landed like any other — the dbt models reject it
as ``updated_at_out_of_range`` — but does not move the cursor, and a warning counts such
records. An ``updated_at`` that does not parse does not move the cursor either. A saved cursor
that is itself in the future (written before this rule) is not used: the pull starts from the
beginning and saves a cursor from its own records.

Records are landed as the API sent them, numbers spelled NaN or Infinity included (the door
refuses such rows when it reads the file).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from ingest.api_client import ApiClientConfig, CustomerApiClient
from ingest.errors import LakeError
from ingest.landing import LandingResult, LandingStatus, land_file
from ingest.manifest import utc_now_iso
from ingest.sources import CUSTOMERS
from ingest.storage import Storage

log = logging.getLogger(__name__)

CURSOR_KEY = "_state/customers/cursor.json"
PULL_FILE_NAME = "customers.ndjson"
FUTURE_TOLERANCE = timedelta(minutes=5)  # clock skew allowed between the API and this pull


@dataclass(frozen=True)
class Cursor:
    """Where the last landed pull ended."""

    updated_since: str | None = None  # the greatest updated_at landed so far, capped at its pull
    batch_id: str | None = None  # the batch that moved it there
    saved_at: str | None = None


def read_cursor(storage: Storage) -> Cursor:
    """The saved cursor, or an empty one before the first pull."""
    if not storage.exists(CURSOR_KEY):
        return Cursor()
    try:
        return Cursor(**json.loads(storage.get_bytes(CURSOR_KEY)))
    except (ValueError, TypeError) as exc:
        raise LakeError(
            f"{storage.uri(CURSOR_KEY)} is not a customer cursor ({exc}); delete it and pull "
            "again (the next pull then reads every customer)"
        ) from exc


def write_cursor(storage: Storage, cursor: Cursor) -> None:
    """Save the cursor (an atomic put)."""
    storage.put_bytes(CURSOR_KEY, json.dumps(asdict(cursor), indent=2).encode())


def as_ndjson(records: list[dict[str, Any]]) -> bytes:
    """One JSON object per line, as the lake keeps the customer feed (NaN stays NaN)."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


def parse_updated_at(value: object) -> datetime | None:
    """An ISO-8601 timestamp as an aware UTC datetime (no offset: UTC), or None."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC)
    except OverflowError:  # 9999-12-31T23:59:59-01:00 is past datetime.max in UTC
        return datetime.max.replace(tzinfo=UTC)


def utc_iso(moment: datetime) -> str:
    """A UTC moment as the API's updated_at is written: 2026-11-21T09:30:00Z."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class CursorMove:
    """Where a pull's records move the cursor, and the records that could not move it."""

    updated_since: str | None  # None: no record moves it
    in_future: int = 0  # records dated after the pull started (plus the tolerance)
    unparseable: int = 0  # records whose updated_at is not an ISO-8601 timestamp


def cursor_after(records: list[Any], pull_started: datetime) -> CursorMove:
    """The latest updated_at of the records, but never later than the pull's start."""
    latest: tuple[datetime, str] | None = None
    in_future = unparseable = 0
    for record in records:
        raw = record.get("updated_at") if isinstance(record, dict) else None
        moment = parse_updated_at(raw)
        if moment is None:
            unparseable += 1
        elif moment > pull_started + FUTURE_TOLERANCE:
            in_future += 1
        elif latest is None or moment > latest[0]:
            latest = (moment, str(raw))
    if latest is None:
        return CursorMove(None, in_future, unparseable)
    moment, text = latest
    return CursorMove(
        text if moment <= pull_started else utc_iso(pull_started), in_future, unparseable
    )


def _warn_unmoved(move: CursorMove, pull_started: datetime) -> None:
    """Say how many landed records did not move the cursor, and why."""
    if move.in_future:
        log.warning(
            "customers: %d record(s) have an updated_at later than %s (this pull's start plus "
            "%d minutes): landed, but they do not move the cursor (dbt rejects them as "
            "updated_at_out_of_range); ask the API's owners to fix their clock or data",
            move.in_future,
            utc_iso(pull_started),
            FUTURE_TOLERANCE.seconds // 60,
        )
    if move.unparseable:
        log.warning(
            "customers: %d record(s) have no ISO-8601 updated_at: landed, but they do not move "
            "the cursor",
            move.unparseable,
        )


def _in_future(cursor: Cursor, pull_started: datetime) -> bool:
    """Whether a saved cursor cannot be used: not a timestamp, or later than the pull's start."""
    if cursor.updated_since is None:
        return False
    moment = parse_updated_at(cursor.updated_since)
    return moment is None or moment > pull_started + FUTURE_TOLERANCE


def _usable(cursor: Cursor, pull_started: datetime) -> Cursor:
    """The saved cursor, or an empty one if it is unusable (an earlier bug's)."""
    if not _in_future(cursor, pull_started):
        return cursor
    log.warning(
        "customers: the saved cursor %r (%s) is not a timestamp before this pull's start %s; "
        "not using it: this pull reads every customer and saves a cursor from its own records",
        cursor.updated_since,
        CURSOR_KEY,
        utc_iso(pull_started),
    )
    return Cursor()


def pull_customers(
    storage: Storage,
    config: ApiClientConfig,
    batch_id: str,
    ingest_date: date,
    *,
    full_refresh: bool = False,
    sleep: Callable[[float], None] | None = None,
    on_page: Callable[[int, int], None] | None = None,
    now: Callable[[], datetime] | None = None,
) -> LandingResult:
    """Pull the customers changed since the cursor and land them as one file.

    `full_refresh` ignores the cursor and pulls everything. A pull with no changes lands
    nothing and reports ``no_new_records``. An ApiError leaves the lake and the cursor as
    they were. `now` is the clock the pull starts by (UTC; tests give their own).
    """
    pull_started = (now or (lambda: datetime.now(UTC)))().astimezone(UTC)
    saved = _usable(read_cursor(storage), pull_started)
    cursor = Cursor() if full_refresh else saved
    client = CustomerApiClient(config, sleep=sleep or time.sleep, on_page=on_page)
    records = client.fetch(cursor.updated_since)
    if not records:
        return LandingResult(CUSTOMERS.name, PULL_FILE_NAME, LandingStatus.NO_NEW_RECORDS, "", 0, 0)
    result = land_file(
        storage, CUSTOMERS, PULL_FILE_NAME, as_ndjson(records), batch_id, ingest_date
    )
    if result.status not in (LandingStatus.LANDED, LandingStatus.ALREADY_LANDED):
        return result
    move = cursor_after(records, pull_started)
    _warn_unmoved(move, pull_started)
    if move.updated_since is None:
        return result
    current = read_cursor(storage)  # never move a usable cursor back (full refresh, races)
    latest = parse_updated_at(move.updated_since)
    before = None if _in_future(current, pull_started) else parse_updated_at(current.updated_since)
    if latest is not None and (before is None or latest > before):
        write_cursor(storage, Cursor(move.updated_since, batch_id, utc_now_iso()))
    return result
