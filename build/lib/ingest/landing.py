"""Land received files in the lake exactly once, or quarantine them with a reason.

Layout (identical in a local folder and in S3):
  landing/<source>/ingest_date=YYYY-MM-DD/<batch>-<name>     what dbt reads
  archive/<source>/ingest_date=YYYY-MM-DD/<batch>-<name>     originals that were rewritten
  quarantine/<source>/ingest_date=YYYY-MM-DD/<batch>-<name>  refused files
  quarantine/.../<batch>-<name>.reason.json                  why, machine-readable
  _manifest/<source>/<sha256>.json                           one entry per distinct content
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime

from ingest.errors import FileRejectedError
from ingest.manifest import Manifest, ManifestEntry, utc_now_iso
from ingest.sources import SourceSpec
from ingest.sources.checks import prepare
from ingest.storage import Storage


@dataclass(frozen=True)
class LandingResult:
    """What happened to one received file."""

    source: str
    name: str
    status: str  # landed | already_landed | quarantined | already_quarantined
    key: str
    rows: int
    bytes: int
    reason: str | None = None


def new_batch_id(now: datetime | None = None) -> str:
    """A batch id that sorts in ingestion order: the UTC start time to the microsecond."""
    return (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")


def _partition(area: str, source: str, ingest_date: date, batch_id: str, name: str) -> str:
    return f"{area}/{source}/ingest_date={ingest_date.isoformat()}/{batch_id}-{name}"


def land_file(
    storage: Storage,
    spec: SourceSpec,
    name: str,
    data: bytes,
    batch_id: str,
    ingest_date: date,
) -> LandingResult:
    """Check one file and land it, or quarantine it; the same bytes twice are a no-op."""
    manifest = Manifest(storage)
    sha = hashlib.sha256(data).hexdigest()
    previous = manifest.get(spec.name, sha)
    if previous is not None and previous.status in ("landed", "quarantined"):
        return LandingResult(
            spec.name,
            name,
            f"already_{previous.status}",
            previous.landing_key,
            previous.rows,
            previous.bytes,
        )

    try:
        prepared = prepare(spec, name, data)
    except FileRejectedError as rejection:
        return _quarantine(
            storage, manifest, spec, name, data, sha, batch_id, ingest_date, rejection
        )

    # A pending entry means an earlier run died between its manifest write and its landing;
    # finish that landing under the key it had chosen instead of landing the file again.
    landing_key = (
        previous.landing_key
        if previous is not None
        else _partition("landing", spec.name, ingest_date, batch_id, prepared.name)
    )
    entry = ManifestEntry(
        source=spec.name,
        sha256=sha,
        bytes=len(data),
        rows=prepared.rows,
        original_name=name,
        batch_id=previous.batch_id if previous is not None else batch_id,
        landing_key=landing_key,
        status="pending",
        received_at=previous.received_at if previous is not None else utc_now_iso(),
    )
    manifest.put(entry)
    if prepared.rewritten:
        archive_key = landing_key.replace("landing/", "archive/", 1).removesuffix(prepared.name)
        storage.put_bytes(archive_key + name, data)
    storage.put_bytes(landing_key, prepared.data)
    manifest.put(_with_status(entry, "landed"))
    return LandingResult(spec.name, name, "landed", landing_key, prepared.rows, len(data))


def _with_status(entry: ManifestEntry, status: str) -> ManifestEntry:
    return dataclasses.replace(entry, status=status, landed_at=utc_now_iso())


def _quarantine(
    storage: Storage,
    manifest: Manifest,
    spec: SourceSpec,
    name: str,
    data: bytes,
    sha: str,
    batch_id: str,
    ingest_date: date,
    rejection: FileRejectedError,
) -> LandingResult:
    key = _partition("quarantine", spec.name, ingest_date, batch_id, name)
    quarantined_at = utc_now_iso()
    reason = {
        "source": spec.name,
        "file": name,
        "sha256": sha,
        "bytes": len(data),
        "reason": rejection.reason,
        "detail": rejection.detail,
        "batch_id": batch_id,
        "quarantined_at": quarantined_at,
        "what_to_do": "fix the file as the detail says and ingest it again",
    }
    storage.put_bytes(key, data)
    storage.put_bytes(key + ".reason.json", json.dumps(reason, indent=2).encode())
    manifest.put(
        ManifestEntry(
            source=spec.name,
            sha256=sha,
            bytes=len(data),
            rows=0,
            original_name=name,
            batch_id=batch_id,
            landing_key=key,
            status="quarantined",
            received_at=quarantined_at,
            landed_at=quarantined_at,
        )
    )
    return LandingResult(spec.name, name, "quarantined", key, 0, len(data), str(rejection))
