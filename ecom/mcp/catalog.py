"""What `ecom mcp` shows of the marts: dbt's manifest.json of the target, read again when a
new `dbt parse`/`dbt build` rewrote it.

The marts are the manifest's public models (dbt_project.yml: models/marts/ is `access:
public`); their schema and alias are where dbt built them, so nothing here names a schema.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ecom.mcp.sql_guard import Relation, Scope
from ingest.errors import EcomError

MANIFEST = "manifest.json"
BUILD_HINT = "run `ecom run` (or `dbt parse` for the target) first"


class ArtifactMissingError(EcomError):
    """A dbt artifact the server reads has not been written yet."""


@dataclass(frozen=True)
class Column:
    """A mart's column as its yml describes it."""

    name: str
    data_type: str
    description: str


@dataclass(frozen=True)
class Mart:
    """A public model: where it is built and what its yml says."""

    name: str
    relation: Relation
    description: str
    columns: tuple[Column, ...]

    def summary(self) -> dict[str, Any]:
        """Name, relation and description (list_marts)."""
        return {
            "name": self.name,
            "relation": str(self.relation),
            "description": self.description,
            "columns": len(self.columns),
        }

    def detail(self) -> dict[str, Any]:
        """Everything about the mart (describe_mart)."""
        return {
            "name": self.name,
            "relation": str(self.relation),
            "description": self.description,
            "columns": [
                {"name": c.name, "type": c.data_type, "description": c.description}
                for c in self.columns
            ],
        }


def _text(value: Any) -> str:
    return " ".join(str(value or "").split())


def read_marts(manifest: dict[str, Any]) -> list[Mart]:
    """The public models of a dbt manifest, by name."""
    marts = []
    for node in manifest.get("nodes", {}).values():
        if node.get("resource_type") != "model" or node.get("access") != "public":
            continue
        if node.get("config", {}).get("materialized") == "ephemeral":
            continue
        relation = Relation(
            str(node.get("database") or ""),
            str(node["schema"]),
            str(node.get("alias") or node["name"]),
        )
        columns = tuple(
            Column(str(c["name"]), str(c.get("data_type") or ""), _text(c.get("description")))
            for c in node.get("columns", {}).values()
        )
        marts.append(Mart(str(node["name"]), relation, _text(node.get("description")), columns))
    return sorted(marts, key=lambda mart: mart.name)


class Catalog:
    """The marts of a dbt target folder's manifest.json, re-read when the file changes."""

    def __init__(self, target_dir: Path) -> None:
        self.path = target_dir / MANIFEST
        self._stamp: tuple[int, int] | None = None
        self._marts: list[Mart] = []
        self._lock = threading.Lock()  # concurrent calls read a changed manifest once

    def marts(self) -> list[Mart]:
        """The public models; ArtifactMissingError before dbt wrote the manifest."""
        with self._lock:
            try:
                stat = self.path.stat()
            except FileNotFoundError:
                raise ArtifactMissingError(
                    f"no dbt manifest at {self.path}; {BUILD_HINT}"
                ) from None
            stamp = (stat.st_mtime_ns, stat.st_size)
            if stamp == self._stamp:
                return self._marts
            try:
                self._marts = read_marts(json.loads(self.path.read_text()))
            except (OSError, ValueError) as error:
                # dbt does not write the file atomically: a command running now has written
                # part of it; the marts of the last whole one stand until it has finished
                if self._stamp is not None:
                    return self._marts
                raise ArtifactMissingError(
                    f"the dbt manifest {self.path} is being written (a dbt command is running); "
                    "retry in a few seconds"
                ) from error
            self._stamp = stamp
            return self._marts

    def mart(self, name: str) -> Mart | None:
        """The mart called name (or schema.name), if there is one."""
        wanted = name.strip().lower()
        return next(
            (m for m in self.marts() if wanted in (m.name.lower(), str(m.relation).lower())),
            None,
        )

    def scope(self) -> Scope:
        """The relations SQL may read: the marts."""
        return Scope.of(mart.relation for mart in self.marts())
