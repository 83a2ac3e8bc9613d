"""What `ecom mcp` shows of the marts: dbt's manifest.json of the target, read again when a
new `dbt parse`/`dbt build` rewrote it (ecom/dbt_artifacts.py, cached).

The marts are the manifest's public models (dbt_artifacts.mart_nodes); their schema and alias
are where dbt built them, so nothing here names a schema.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ecom import dbt_artifacts
from ecom.dbt_artifacts import ArtifactMissingError
from ecom.mcp.sql_guard import Relation, Scope

BUILD_HINT = "run `ecom run` (or `dbt parse` for the target) first"


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
    """The marts of a dbt manifest, by name."""
    marts = []
    for node in dbt_artifacts.mart_nodes(manifest):
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
    return marts


class Catalog:
    """The marts of a dbt target folder's manifest.json, re-read when the file changes."""

    def __init__(self, target_dir: Path) -> None:
        self.path = target_dir / dbt_artifacts.MANIFEST
        self._read: tuple[dict[str, Any], list[Mart]] | None = None  # a manifest, its marts

    def marts(self) -> list[Mart]:
        """The marts; ArtifactMissingError before dbt wrote the manifest, or while it writes
        the first one this process reads (dbt does not write the file atomically: while a
        command writes it, the marts of the last whole one read stand)."""
        try:
            manifest = dbt_artifacts.read(self.path, cached=True)
        except ArtifactMissingError:
            raise ArtifactMissingError(f"no dbt manifest at {self.path}; {BUILD_HINT}") from None
        except dbt_artifacts.ArtifactError as error:
            raise ArtifactMissingError(
                f"the dbt manifest {self.path} is being written (a dbt command is running); "
                "retry in a few seconds"
            ) from error
        read = self._read
        if read is None or read[0] is not manifest:  # a manifest this catalog has not read
            read = self._read = (manifest, read_marts(manifest))
        return read[1]

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
