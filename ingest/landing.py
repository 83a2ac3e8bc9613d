"""Land received files in the lake exactly once, or quarantine them with a reason.

Layout (identical in a local folder and in S3):
  landing/<source>/ingest_date=YYYY-MM-DD/<batch>-<name>     what dbt reads
  archive/<source>/ingest_date=YYYY-MM-DD/<batch>-<name>     originals that were rewritten
  quarantine/<source>/ingest_date=YYYY-MM-DD/<batch>-<name>  refused files
  quarantine/.../<batch>-<name>.reason.json                  why, machine-readable
  refused_rows/<source>/ingest_date=YYYY-MM-DD/<batch>-<name>.ndjson  rows refused at the door
  _manifest/<source>/<sha256>.json                           one entry per distinct content
  _state/<source>/cursor.json                                where an incremental pull ended
  reports/<source>/ingest_date=YYYY-MM-DD/<batch>-report.json  what one run did
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from ingest.errors import ConfigurationError, FileRejectedError, LakeError
from ingest.manifest import Manifest, ManifestEntry, ManifestStatus, utc_now_iso
from ingest.sources import SourceSpec
from ingest.sources.checks import PreparedFile, QuarantineReason, RefusedRow, prepare
from ingest.storage import Storage

if TYPE_CHECKING:
    from ingest.mapping import ExportMapping

log = logging.getLogger(__name__)


class LandingStatus(StrEnum):
    """What happened to one received file (or one API pull)."""

    LANDED = "landed"
    ALREADY_LANDED = "already_landed"  # the same bytes were landed before: a no-op
    QUARANTINED = "quarantined"
    ALREADY_QUARANTINED = "already_quarantined"  # the same bytes were refused before
    IN_PROGRESS = "in_progress"  # another run is landing the same bytes right now
    NO_NEW_RECORDS = "no_new_records"  # an API pull with no changes: nothing to land


# Statuses of files the lake refused, now or before: what exit code 3 (and --strict) reports.
REFUSED = frozenset({LandingStatus.QUARANTINED, LandingStatus.ALREADY_QUARANTINED})

# A content the manifest already has an entry for, as the result of receiving it again.
_SEEN_BEFORE = {
    ManifestStatus.PENDING: LandingStatus.IN_PROGRESS,
    ManifestStatus.LANDED: LandingStatus.ALREADY_LANDED,
    ManifestStatus.QUARANTINED: LandingStatus.ALREADY_QUARANTINED,
}


@dataclass(frozen=True)
class LandingResult:
    """What happened to one received file."""

    source: str
    name: str
    status: LandingStatus
    key: str
    rows: int
    bytes: int
    reason: str | None = None  # why it was quarantined, or which of its rows were refused
    rows_refused: int = 0  # rows kept out of the landed file (see refused_rows/)


def ingest_date_of(key: str) -> date:
    """The ingest_date partition a lake key lies in."""
    part = next(p for p in key.split("/") if p.startswith("ingest_date="))
    return date.fromisoformat(part.removeprefix("ingest_date="))


def new_batch_id(now: datetime | None = None) -> str:
    """A batch id that sorts in ingestion order: the UTC start time to the microsecond."""
    return (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")


def _partition(area: str, source: str, ingest_date: date, batch_id: str, name: str) -> str:
    return f"{area}/{source}/ingest_date={ingest_date.isoformat()}/{batch_id}-{name}"


def refused_rows_key(landing_key: str) -> str:
    """Where the rows refused from a landed file are kept: refused_rows/..., .ndjson appended."""
    return "refused_rows/" + landing_key.removeprefix("landing/") + ".ndjson"


def refused_rows_ndjson(source: str, landing_key: str, refused: tuple[RefusedRow, ...]) -> bytes:
    """The refused_rows/ sidecar of a landed file: one JSON object per refused row.

    ``landed_file_name`` is the landed object's last path segment (``<batch>-<name>``), the
    value staging exposes as ``landed_file_name`` for the file's good rows.
    """
    landed_file_name = landing_key.rsplit("/", 1)[-1]
    return "".join(
        json.dumps(
            {
                "source": source,
                "landed_file_name": landed_file_name,
                "line_number": row.line_number,
                "reason": str(row.reason),
                "detail": row.detail,
                "raw": row.raw,
            },
            ensure_ascii=False,
        )
        + "\n"
        for row in refused
    ).encode()


def _check(spec: SourceSpec, name: str, data: bytes, mapping: ExportMapping | None) -> PreparedFile:
    """The door's checks; a check that fails unexpectedly refuses the file, not the batch. A
    mapping that does not fit the file is the user's configuration, not the file's fault: it
    stops the batch (ConfigurationError) with nothing of the file landed or quarantined."""
    try:
        return prepare(spec, name, data) if mapping is None else prepare(spec, name, data, mapping)
    except (FileRejectedError, ConfigurationError):
        raise
    except Exception as exc:  # a bug in a check must not stop the rest of the batch
        log.exception("checking %s failed unexpectedly; the file is quarantined", name)
        raise FileRejectedError(
            name,
            QuarantineReason.UNREADABLE_FILE,
            f"the checks failed on this file ({type(exc).__name__}: {exc}); "
            "report it with the file",
        ) from exc


def land_file(
    storage: Storage,
    spec: SourceSpec,
    name: str,
    data: bytes,
    batch_id: str,
    ingest_date: date,
    refusal: FileRejectedError | None = None,
    mapping: ExportMapping | None = None,
) -> LandingResult:
    """Check one file and land it, or quarantine it; the same bytes twice are a no-op.

    `refusal` quarantines the file without checking it (a symlink, an unreadable file: `data`
    then describes it). Rows the checks refuse are written to the refused_rows/ sidecar,
    before the landed file. A `mapping` converts a shop's own export to the feed's columns
    (ingest/mapping.py); the received file is kept under archive/.

    The manifest knows a file by the SHA-256 of its bytes; of a file landed through a mapping,
    by the SHA-256 of its bytes and the mapping's rules (ExportMapping.fingerprint), so that
    the same export given with a corrected mapping lands again (and its orders replace the
    ones landed before), while the same export with the same mapping is still a no-op.

    The manifest entry is written as ``pending`` (with the key chosen for the file) before any
    object, and flipped to ``landed`` / ``quarantined`` after the last one. A run that dies in
    between leaves the pending entry; the next run with the same bytes finishes the job under
    the key chosen the first time, so a crash never lands a file twice. The first pending entry
    is a create-only write: of two runs given the same bytes at once, one lands them and the
    other reports ``in_progress``.
    """
    manifest = Manifest(storage)
    digest = hashlib.sha256(data)
    if mapping is not None:
        digest.update(b"\x00mapping:" + mapping.fingerprint.encode())
    sha = digest.hexdigest()
    previous = manifest.get(spec.name, sha)
    if previous is not None and previous.status != ManifestStatus.PENDING:
        return _seen_before(storage, previous, name)
    # A pending entry means an earlier run died half-way: finish it with the batch, date and
    # file name it chose (the same bytes may come back under another name), so its keys.
    key_name = name
    if previous is not None:
        batch_id, key_name = previous.batch_id, previous.original_name
        ingest_date = _partition_date(previous.landing_key, ingest_date)

    pending = ManifestEntry(
        source=spec.name,
        sha256=sha,
        bytes=len(data),
        rows=0,
        original_name=key_name,
        batch_id=batch_id,
        landing_key="",  # chosen below: under landing/ or quarantine/
        status=ManifestStatus.PENDING,
        received_at=previous.received_at if previous is not None else utc_now_iso(),
    )
    try:
        if refusal is not None:
            raise refusal
        prepared = _check(spec, key_name, data, mapping)
    except FileRejectedError as rejection:
        return _quarantine(storage, manifest, pending, ingest_date, data, rejection, previous)

    landing_key = _partition("landing", spec.name, ingest_date, batch_id, prepared.name)
    refused = len(prepared.refused)
    entry = dataclasses.replace(
        pending, rows=prepared.rows, rows_refused=refused, landing_key=landing_key
    )
    if (other := _begin(storage, manifest, entry, previous, name)) is not None:
        return other
    if prepared.rewritten:
        storage.put_bytes(_partition("archive", spec.name, ingest_date, batch_id, key_name), data)
    reason = None
    if prepared.refused:
        sidecar = refused_rows_key(landing_key)
        storage.put_bytes(sidecar, refused_rows_ndjson(spec.name, landing_key, prepared.refused))
        reason = _refused_summary(prepared.refused, sidecar)
    storage.put_bytes(landing_key, prepared.data)
    manifest.put(_with_status(entry, ManifestStatus.LANDED))
    return LandingResult(
        spec.name,
        name,
        LandingStatus.LANDED,
        landing_key,
        prepared.rows,
        len(data),
        reason,
        refused,
    )


def _refused_summary(refused: tuple[RefusedRow, ...], sidecar: str) -> str:
    """'2 rows refused (malformed_row 1, oversized_row 1; first: line 3, ...): <sidecar>'."""
    counts = Counter(str(row.reason) for row in refused)
    kinds = ", ".join(f"{reason} {count}" for reason, count in sorted(counts.items()))
    rows = "row" if len(refused) == 1 else "rows"
    first = refused[0]
    return (
        f"{len(refused)} {rows} refused ({kinds}; first: line {first.line_number}, "
        f"{first.detail}): {sidecar}"
    )


def _seen_before(storage: Storage, entry: ManifestEntry, name: str) -> LandingResult:
    """The result for content the manifest already has an entry for."""
    return LandingResult(
        entry.source,
        name,
        _SEEN_BEFORE[entry.status],
        entry.landing_key,
        entry.rows,
        entry.bytes,
        _earlier_reason(storage, entry) if entry.status == ManifestStatus.QUARANTINED else None,
        entry.rows_refused,
    )


def _begin(
    storage: Storage,
    manifest: Manifest,
    entry: ManifestEntry,
    previous: ManifestEntry | None,
    name: str,
) -> LandingResult | None:
    """Record the pending entry; a result instead when another run claimed the content first."""
    if previous is not None:  # finishing a crashed run: same keys, so writing again is harmless
        manifest.put(entry)
        return None
    if manifest.claim(entry):
        return None
    winner = manifest.get(entry.source, entry.sha256)
    if winner is None:  # pragma: no cover - only if the entry was deleted in between
        raise LakeError(f"{manifest.key(entry.source, entry.sha256)} vanished while landing {name}")
    return _seen_before(storage, winner, name)


def _partition_date(key: str, default: date) -> date:
    """The ingest_date=YYYY-MM-DD of a lake key."""
    for part in key.split("/"):
        if part.startswith("ingest_date="):
            return date.fromisoformat(part.removeprefix("ingest_date="))
    return default


def _with_status(entry: ManifestEntry, status: ManifestStatus) -> ManifestEntry:
    return dataclasses.replace(entry, status=status, landed_at=utc_now_iso())


def _earlier_reason(storage: Storage, entry: ManifestEntry) -> str:
    """Why a file was quarantined before, as its reason file says."""
    key = quarantine_reason_key(entry.landing_key)
    if not storage.exists(key):
        return f"quarantined earlier (see {key})"
    reason = json.loads(storage.get_bytes(key))
    return f"{reason['reason']}: {reason['detail']} (quarantined earlier)"


def quarantine_reason_key(key: str) -> str:
    """Where the machine-readable reason of a quarantined file lives."""
    return key + ".reason.json"


def _quarantine(
    storage: Storage,
    manifest: Manifest,
    pending: ManifestEntry,
    ingest_date: date,
    data: bytes,
    rejection: FileRejectedError,
    previous: ManifestEntry | None,
) -> LandingResult:
    name = pending.original_name
    key = _partition("quarantine", pending.source, ingest_date, pending.batch_id, name)
    entry = dataclasses.replace(pending, landing_key=key)
    if (other := _begin(storage, manifest, entry, previous, name)) is not None:
        return other
    reason = {
        "source": pending.source,
        "file": name,
        "sha256": pending.sha256,
        "bytes": len(data),
        "reason": rejection.reason,
        "detail": rejection.detail,
        "batch_id": pending.batch_id,
        "quarantined_at": utc_now_iso(),
        "what_to_do": "fix the file as the detail says and ingest it again",
    }
    storage.put_bytes(key, data)
    storage.put_bytes(quarantine_reason_key(key), json.dumps(reason, indent=2).encode())
    manifest.put(_with_status(entry, ManifestStatus.QUARANTINED))
    detail = f"{rejection.reason}: {rejection.detail}"
    return LandingResult(pending.source, name, LandingStatus.QUARANTINED, key, 0, len(data), detail)
