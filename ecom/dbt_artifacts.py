"""dbt's artifacts, read in one place: where dbt writes them for a target, the JSON files
themselves (manifest.json, run_results.json, sources.json, semantic_manifest.json), and which
models are the marts. The daily run, the dbt runner, Slim CI, the CloudWatch publisher, the
dashboard, the MCP server and the benchmark read them through this module.

Where (a target is a profiles/profiles.yml output: duckdb, postgres, athena, redshift):

- ``target_dir(target, project_dir, target_path=None)``: where dbt writes a target's
  artifacts when ecom runs it: ``target_path`` (DBT_TARGET_PATH) when given, else
  ``<project>/target`` for the primary target (duckdb) and ``<project>/target/<target>`` for
  every other one, so a run on one target never overwrites another's artifacts.
  ``Settings.target_dir`` is this.
- ``artifacts_dir(target, project_dir, environ=None)``: where a reader finds them:
  DBT_TARGET_PATH when set; else ``target_dir``'s folder once ecom has written a manifest
  there; else ``<project>/target``, where dbt itself writes for any target when run by hand
  (``dbt parse``, ``dbt build --target postgres``, ``mf``).

A relative DBT_TARGET_PATH is the working directory's, as for every path ecom is given
(ecom/settings.py).

What (each artifact is its parsed JSON object, a dict):

- ``read(path, cached=False)``: one artifact file. ArtifactMissingError when dbt has not
  written it; ArtifactUnreadableError when it is not a whole JSON object (dbt writes its
  artifacts in place, so a reader can meet half a file while a dbt command runs). With
  ``cached=True`` (the servers: the dashboard, ``ecom mcp``), the file is parsed again only
  when its modification time or size changed, and while it is not whole JSON the last whole
  one read stands. A cached artifact is shared: never change it.
- ``manifest(folder)``, ``run_results(folder)``, ``sources(folder)``,
  ``semantic_manifest(folder)``: ``read`` of that file of a target folder (same ``cached``).

Which models are marts (one definition, the governance rule of docs/dbt-governance.md:
dbt_project.yml makes models/marts/ ``access: public``, and nothing else is public):

- ``mart_models(manifest)``: the names of the manifest's public models, sorted.
- ``mart_nodes(manifest)``: their manifest nodes (relation, columns, descriptions), by name.

Ephemeral models have no relation, so a public one would not count as a mart (there is none).
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ingest.errors import EcomError

MANIFEST = "manifest.json"
RUN_RESULTS = "run_results.json"
SOURCES = "sources.json"  # dbt source freshness
SEMANTIC_MANIFEST = "semantic_manifest.json"
TARGET_PATH_ENV = "DBT_TARGET_PATH"
# The target whose artifacts stay in target/ itself (make docs, the dashboard and the tests
# read them there): ecom's default target (ecom/settings.py DEFAULT_TARGET).
PRIMARY_TARGET = "duckdb"
MART_ACCESS = "public"
CACHED_FILES = 16  # cached artifacts kept per process (a few per target folder)

Artifact = dict[str, Any]


class ArtifactError(EcomError):
    """A dbt artifact cannot be read."""


class ArtifactMissingError(ArtifactError):
    """The artifact has not been written yet (no dbt command wrote it in that folder)."""


class ArtifactUnreadableError(ArtifactError):
    """The artifact is not a whole JSON object: a dbt command is writing it, or it is not
    dbt's."""


def target_dir(target: str, project_dir: Path, target_path: Path | str | None = None) -> Path:
    """Where dbt writes the target's artifacts when ecom runs it: target_path (DBT_TARGET_PATH;
    relative: the working directory's) when given, else <project>/target for the primary
    target and <project>/target/<target> for every other."""
    if target_path:
        return Path(target_path).expanduser().resolve()
    base = project_dir / "target"
    return base if target == PRIMARY_TARGET else base / target


def artifacts_dir(target: str, project_dir: Path, environ: Mapping[str, str] | None = None) -> Path:
    """Where a reader finds the target's artifacts: DBT_TARGET_PATH when set; else
    target_dir's folder once a manifest is there (`ecom run --target`); else <project>/target,
    where dbt writes for any target run by hand (dbt parse, dbt build --target X, mf)."""
    env = os.environ if environ is None else environ
    given = env.get(TARGET_PATH_ENV)
    own = target_dir(target, project_dir, given)
    if given or target == PRIMARY_TARGET or (own / MANIFEST).exists():
        return own
    return project_dir / "target"


def _parse(path: Path) -> Artifact:
    """The JSON object in path."""
    try:
        text = path.read_text()
    except FileNotFoundError:
        raise ArtifactMissingError(f"no dbt {path.name} at {path}") from None
    except OSError as error:
        raise ArtifactUnreadableError(f"cannot read {path}: {error}") from error
    try:
        loaded = json.loads(text)
    except ValueError as error:
        raise ArtifactUnreadableError(f"{path} is not whole JSON ({error})") from error
    if not isinstance(loaded, dict):
        raise ArtifactUnreadableError(f"{path} is not a dbt artifact (no JSON object)")
    return loaded


_cache: dict[Path, tuple[tuple[int, int], Artifact]] = {}
_cache_lock = threading.Lock()  # concurrent readers parse a changed file once


def read(path: Path, cached: bool = False) -> Artifact:
    """One artifact file as a dict (see the module's docstring for cached)."""
    if not cached:
        return _parse(path)
    with _cache_lock:
        try:
            stat = path.stat()
        except FileNotFoundError:
            raise ArtifactMissingError(f"no dbt {path.name} at {path}") from None
        stamp = (stat.st_mtime_ns, stat.st_size)
        kept = _cache.get(path)
        if kept is not None and kept[0] == stamp:
            return kept[1]
        try:
            loaded = _parse(path)
        except ArtifactUnreadableError:
            if kept is not None:  # dbt is rewriting it: the last whole one stands
                return kept[1]
            raise
        if path not in _cache and len(_cache) >= CACHED_FILES:
            _cache.pop(next(iter(_cache)))
        _cache[path] = (stamp, loaded)
        return loaded


def manifest(folder: Path, cached: bool = False) -> Artifact:
    """manifest.json of a target folder."""
    return read(folder / MANIFEST, cached)


def run_results(folder: Path, cached: bool = False) -> Artifact:
    """run_results.json of a target folder: the last dbt command's node results."""
    return read(folder / RUN_RESULTS, cached)


def sources(folder: Path, cached: bool = False) -> Artifact:
    """sources.json of a target folder: the last `dbt source freshness`."""
    return read(folder / SOURCES, cached)


def semantic_manifest(folder: Path, cached: bool = False) -> Artifact:
    """semantic_manifest.json of a target folder: the semantic layer (models/semantic/)."""
    return read(folder / SEMANTIC_MANIFEST, cached)


def _is_mart(node: Mapping[str, Any]) -> bool:
    return (
        node.get("resource_type") == "model"
        and node.get("access") == MART_ACCESS
        and (node.get("config") or {}).get("materialized") != "ephemeral"
    )


def mart_nodes(manifest: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The manifest nodes of the marts (public models), by name."""
    nodes = (manifest.get("nodes") or {}).values()
    return sorted((n for n in nodes if _is_mart(n)), key=lambda node: str(node["name"]))


def mart_models(manifest: Mapping[str, Any]) -> list[str]:
    """The names of the marts (public models), sorted."""
    return [str(node["name"]) for node in mart_nodes(manifest)]
