"""The lake's record of every file it was given: one small JSON object per distinct content.

Entries live at ``_manifest/<source>/<sha256>.json``. Keyed by content hash, so the same bytes
sent twice find their entry and become a reported no-op. An entry is written as ``pending``
before the landing object and flipped to ``landed`` after it, so a crash in between is finished
by the next run instead of landing the file a second time under another batch. The first
entry for a content is written with a create-only put, so two runs given the same bytes at
the same moment (an S3 event delivered twice) cannot both land it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from ingest.storage import Storage

MANIFEST_PREFIX = "_manifest"


def utc_now_iso() -> str:
    """The current UTC time as an ISO-8601 string with a Z suffix."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class ManifestStatus(StrEnum):
    """Where a received content stands: being landed, landed, or refused."""

    PENDING = "pending"
    LANDED = "landed"
    QUARANTINED = "quarantined"


@dataclass(frozen=True)
class ManifestEntry:
    """What the lake knows about one received file."""

    source: str
    sha256: str
    bytes: int
    rows: int  # rows in the landed data file
    original_name: str
    batch_id: str
    landing_key: str
    status: ManifestStatus
    received_at: str
    landed_at: str | None = None
    rows_refused: int = 0  # rows kept out of the landed file (entries written before: 0)


def _entry(payload: bytes) -> ManifestEntry:
    """An entry as stored in the lake."""
    fields: dict[str, Any] = json.loads(payload)
    return ManifestEntry(**{**fields, "status": ManifestStatus(fields["status"])})


def _payload(entry: ManifestEntry) -> bytes:
    # one object on one line: Athena's and Spectrum's OpenX JSON SerDe read the manifest as NDJSON
    return json.dumps(asdict(entry), sort_keys=True).encode()


class Manifest:
    """Read and write manifest entries in a lake."""

    def __init__(self, storage: Storage) -> None:
        self.storage = storage

    @staticmethod
    def key(source: str, sha256: str) -> str:
        """The lake key of one entry."""
        return f"{MANIFEST_PREFIX}/{source}/{sha256}.json"

    def get(self, source: str, sha256: str) -> ManifestEntry | None:
        """The entry for this content, or None if the lake has never seen it."""
        key = self.key(source, sha256)
        if not self.storage.exists(key):
            return None
        return _entry(self.storage.get_bytes(key))

    def put(self, entry: ManifestEntry) -> None:
        """Write (or overwrite) an entry atomically."""
        self.storage.put_bytes(self.key(entry.source, entry.sha256), _payload(entry))

    def claim(self, entry: ManifestEntry) -> bool:
        """Write a first entry for this content unless another run wrote one first."""
        return self.storage.put_if_absent(self.key(entry.source, entry.sha256), _payload(entry))

    def entries(self, source: str | None = None) -> list[ManifestEntry]:
        """Every entry, optionally for one source, in landing order."""
        prefix = f"{MANIFEST_PREFIX}/{source}/" if source else f"{MANIFEST_PREFIX}/"
        found = [
            _entry(self.storage.get_bytes(key))
            for key in self.storage.list_keys(prefix)
            if key.endswith(".json")
        ]
        return sorted(found, key=lambda e: (e.batch_id, e.landing_key))
