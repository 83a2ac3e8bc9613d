"""The lake as a key/value store: a local folder twin of the S3 layout.

Keys are always '/'-separated and relative to the lake root, e.g.
``landing/sales/ingest_date=2026-11-20/<batch>-sales_2026-11-19.csv``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Protocol

from ingest.errors import EcomError


class Storage(Protocol):
    """What the ingest layer needs from a lake: atomic puts, reads, listing and deletes."""

    root_uri: str

    def put_bytes(self, key: str, data: bytes) -> None:
        """Write an object so that readers see either nothing or all of it."""

    def get_bytes(self, key: str) -> bytes:
        """Read a whole object."""

    def exists(self, key: str) -> bool:
        """Whether an object exists."""

    def list_keys(self, prefix: str) -> list[str]:
        """Every key under a prefix, sorted."""

    def delete(self, key: str) -> None:
        """Remove an object if it exists."""

    def uri(self, key: str) -> str:
        """The address of a key that other tools (dbt, DuckDB) can read."""


class LocalStorage:
    """A lake in a local folder with exactly the S3 key layout."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.root_uri = str(self.root)

    def _path(self, key: str) -> Path:
        if key.startswith("/") or ".." in key.split("/"):
            raise ValueError(f"lake key must be relative and stay inside the lake: {key!r}")
        return self.root / key

    def put_bytes(self, key: str, data: bytes) -> None:
        """Write to a hidden temporary file beside the target, fsync, then rename over it."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            Path(tmp).replace(path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def get_bytes(self, key: str) -> bytes:
        return self._path(key).read_bytes()

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def list_keys(self, prefix: str) -> list[str]:
        base = self._path(prefix) if prefix else self.root
        if not base.exists():
            return []
        return sorted(
            p.relative_to(self.root).as_posix()
            for p in base.rglob("*")
            if p.is_file() and not p.name.startswith(".tmp-")
        )

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def uri(self, key: str) -> str:
        return str(self._path(key))


def open_storage(lake_uri: str) -> Storage:
    """Open the lake named by a URI: a local folder path, or s3://bucket/prefix."""
    if lake_uri.startswith("s3://"):
        raise EcomError(
            f"ECOM_LAKE_URI={lake_uri}: S3 lakes are not supported by this version yet; "
            "use a local folder path"
        )
    return LocalStorage(lake_uri)
