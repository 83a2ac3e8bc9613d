"""Slim CI (`ecom ci-slim`, `make ci-slim`): build only what a change touches.

dbt compares the checked-out project with production's manifest.json (`--state`), builds the
modified models and everything downstream of them (`--select state:modified+`), and resolves
every other `ref` to the relation production already built (`--defer`). On DuckDB the build
goes to a file of its own (the `ci` output of profiles/profiles.yml) with the production
warehouse attached read-only under the catalog name production's manifest gives its relations;
on PostgreSQL, Athena and Redshift the build goes to the target's schema, which must not be
production's (set the target's schema variable to a CI schema), and the deferred refs name
production's schemas, as its manifest records them.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from botocore.exceptions import ClientError

from ecom import dbt_artifacts
from ecom.dbt_artifacts import MANIFEST
from ecom.dbt_runner import DbtResults, dbt_env, dbt_executable, read_run_results
from ecom.settings import Settings
from ecom.warehouse import render_profile
from ingest.aws import aws_errors, error_code, s3_client
from ingest.errors import ConfigurationError, EcomError
from ingest.storage import parse_s3_uri

PROD_ARTIFACTS_ENV = "ECOM_PROD_ARTIFACTS"
CI_DUCKDB_ENV = "ECOM_CI_DUCKDB_PATH"
DEFAULT_CI_DUCKDB = "data/ci/ci.duckdb"
PROD_CATALOG_ENV = "ECOM_PROD_CATALOG"  # profiles.yml `ci`: the attached production file's alias
CI_TARGET = "ci"  # the DuckDB output of profiles.yml that Slim CI builds with
# Each warehouse target's schema variable (profiles.yml): a CI build needs a schema of its own.
SCHEMA_ENV = {
    "postgres": "ECOM_POSTGRES_SCHEMA",
    "athena": "ECOM_ATHENA_SCHEMA",
    "redshift": "ECOM_REDSHIFT_SCHEMA",
}
# DuckDB's ATTACH ... AS <alias> (dbt-duckdb writes the alias unquoted): a plain identifier.
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
BUILT_KINDS = ("model", "seed", "snapshot")


class ProductionStateError(ConfigurationError):
    """Production's dbt artifacts are missing or do not fit the target (exit 2)."""


class ArtifactsDownloadError(EcomError):
    """Production's artifacts could not be read from S3 (exit 1)."""


@dataclass(frozen=True)
class SlimCiPlan:
    """Where production's artifacts are and where the CI build writes."""

    target: str  # the production target: duckdb, postgres, athena or redshift
    artifacts: str  # what the user gave (a folder or an s3:// prefix), for messages
    state_dir: Path  # a local folder with production's manifest.json
    ci_target_dir: Path  # the CI build's dbt artifacts
    ci_duckdb_path: Path | None  # DuckDB only: the file the CI build writes
    prod_catalog: str | None  # DuckDB only: production's catalog, the attached file's alias

    @property
    def dbt_target(self) -> str:
        """The profiles.yml output the CI build runs with."""
        return CI_TARGET if self.target == "duckdb" else self.target


@dataclass(frozen=True)
class SlimCiOutcome:
    """A Slim CI build: what dbt reported, what it built and how long it took."""

    plan: SlimCiPlan
    results: DbtResults
    seconds: float

    @property
    def built(self) -> list[str]:
        """The models, seeds and snapshots the build ran (whatever their status)."""
        return sorted(n.name for n in self.results.nodes if n.resource_type in BUILT_KINDS)


def artifacts_source(settings: Settings, given: str | None, environ: Mapping[str, str]) -> str:
    """Production's artifacts: --state, else ECOM_PROD_ARTIFACTS, else the target folder of
    the production target (the last `ecom run`'s, target/ for duckdb)."""
    chosen = (given or environ.get(PROD_ARTIFACTS_ENV) or "").strip()
    if not chosen:
        return str(settings.target_dir)
    return chosen.rstrip("/") if chosen.startswith("s3://") else str(Path(chosen).resolve())


def fetch_state(source: str, into: Path, settings: Settings) -> Path:
    """A local folder holding production's manifest.json: `source` itself, or `into` with the
    manifest downloaded from the s3:// prefix `source`."""
    if not source.startswith("s3://"):
        folder = Path(source)
        if not (folder / MANIFEST).is_file():
            raise ProductionStateError(
                f"no production {MANIFEST} in {folder}: run `ecom run` (make run) first, or "
                f"point --state / {PROD_ARTIFACTS_ENV} at production's artifacts (a folder or "
                "the s3:// prefix `make upload-artifacts` writes to)"
            )
        return folder
    bucket, prefix = parse_s3_uri(source)
    key = f"{prefix}/{MANIFEST}" if prefix else MANIFEST
    client = s3_client(settings.lake.aws_region, settings.lake.s3_endpoint_url)
    into.mkdir(parents=True, exist_ok=True)
    with aws_errors(f"reading s3://{bucket}/{key}", ArtifactsDownloadError):
        try:
            body = client.get_object(Bucket=bucket, Key=key)["Body"].read()
        except ClientError as exc:
            if error_code(exc) in ("NoSuchKey", "404"):
                raise ProductionStateError(
                    f"no production {MANIFEST} at s3://{bucket}/{key}: production uploads it "
                    f"after each run (make upload-artifacts); check {PROD_ARTIFACTS_ENV}"
                ) from exc
            raise
    (into / MANIFEST).write_bytes(body)
    return into


def read_manifest(state_dir: Path) -> dict[str, Any]:
    """Production's manifest.json, parsed."""
    path = state_dir / MANIFEST
    try:
        manifest = dbt_artifacts.manifest(state_dir)
    except dbt_artifacts.ArtifactError as exc:
        raise ProductionStateError(f"{path}: not a dbt manifest ({exc})") from exc
    if not isinstance(manifest.get("nodes"), dict):
        raise ProductionStateError(f"{path}: not a dbt manifest (no nodes)")
    return manifest


def _production_models(manifest: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [n for n in manifest["nodes"].values() if n.get("resource_type") == "model"]


def check_adapter(manifest: Mapping[str, Any], target: str, state_dir: Path) -> None:
    """Production's manifest was built for the same kind of warehouse as this CI build."""
    adapter = str(manifest.get("metadata", {}).get("adapter_type", ""))
    if adapter and adapter != target:
        raise ProductionStateError(
            f"{state_dir / MANIFEST} is a {adapter} build's manifest, not {target}'s: give "
            f"production's artifacts of the {target} target (ecom ci-slim --target {adapter}?)"
        )


def production_catalog(manifest: Mapping[str, Any], state_dir: Path) -> str:
    """The DuckDB catalog production's relations are in (its warehouse file's stem)."""
    catalogs = {str(n["database"]) for n in _production_models(manifest)}
    if len(catalogs) != 1:
        raise ProductionStateError(
            f"{state_dir / MANIFEST}: its models are in {len(catalogs)} catalogs "
            f"({', '.join(sorted(catalogs)) or 'none'}); Slim CI on DuckDB defers to one"
        )
    [catalog] = catalogs
    if not _IDENTIFIER.match(catalog):
        raise ProductionStateError(
            f"production's DuckDB catalog {catalog!r} (its file's stem) cannot be attached by "
            "that name; name the production warehouse file with letters, digits and _"
        )
    return catalog


def check_ci_duckdb(ci_path: Path, prod_path: Path, prod_catalog: str) -> None:
    """The CI file is not production's and its catalog name does not hide production's."""
    if ci_path.resolve() == prod_path.resolve():
        raise ConfigurationError(
            f"{CI_DUCKDB_ENV} is the production warehouse {prod_path}; give the CI build a file "
            f"of its own (default {DEFAULT_CI_DUCKDB})"
        )
    if ci_path.stem == prod_catalog:
        raise ConfigurationError(
            f"the CI warehouse {ci_path} has production's catalog name {prod_catalog!r} (the "
            "file's stem): name it otherwise, e.g. ci.duckdb"
        )
    if not prod_path.is_file():
        raise ProductionStateError(
            f"no production warehouse at {prod_path}: Slim CI reads every unmodified model "
            "from it; run `ecom run` (make run) first or set ECOM_DUCKDB_PATH to it"
        )


def check_ci_schema(manifest: Mapping[str, Any], target: str, ci_schema: str) -> None:
    """The CI build would not write into any schema production's models are in (dbt's
    default generate_schema_name: <target schema>_<custom schema>)."""
    production = {str(n["schema"]) for n in _production_models(manifest)}
    customs = {n.get("config", {}).get("schema") for n in _production_models(manifest)}
    ci = {f"{ci_schema}_{custom}" if custom else ci_schema for custom in customs}
    if clash := sorted(production & ci):
        raise ConfigurationError(
            f"the CI build on {target} would write into production's schemas "
            f"({', '.join(clash)}): set {SCHEMA_ENV[target]} to a schema of the CI run's own "
            "(e.g. ci_pr_123), and drop it when the pull request closes"
        )


def slim_ci_plan(
    settings: Settings,
    state: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> SlimCiPlan:
    """Find production's artifacts and check that the CI build cannot touch production."""
    env = os.environ if environ is None else environ
    target = settings.dbt_target
    if target == CI_TARGET:
        raise ConfigurationError(
            "ecom ci-slim --target names production's target (duckdb, postgres, athena or "
            f"redshift); on DuckDB it builds with the {CI_TARGET!r} output by itself"
        )
    ci_target_dir = settings.target_dir / CI_TARGET
    source = artifacts_source(settings, state, env)
    state_dir = fetch_state(source, ci_target_dir / "production", settings)
    manifest = read_manifest(state_dir)
    check_adapter(manifest, target, state_dir)
    if target != "duckdb":
        if target not in SCHEMA_ENV:
            raise ConfigurationError(f"ecom ci-slim: unknown target {target!r}")
        profile = render_profile(target, settings.project_dir, env)
        check_ci_schema(manifest, target, str(profile["schema"]))
        return SlimCiPlan(target, source, state_dir, ci_target_dir, None, None)
    catalog = production_catalog(manifest, state_dir)
    configured = env.get(CI_DUCKDB_ENV)
    ci_path = (
        Path(configured).expanduser().resolve()
        if configured
        else settings.project_dir / DEFAULT_CI_DUCKDB
    )
    check_ci_duckdb(ci_path, settings.duckdb_path, catalog)
    return SlimCiPlan(target, source, state_dir, ci_target_dir, ci_path, catalog)


def _fresh_duckdb(path: Path) -> None:
    """Remove a previous CI build's file (and its write-ahead log and spill folder): each CI
    build starts empty, so no relation of an earlier pull request is read, and an incremental
    model is built whole, as a full build would build it."""
    for leftover in (path, path.with_name(path.name + ".wal")):
        leftover.unlink(missing_ok=True)
    spill = path.with_name(path.name + ".tmp")
    if spill.is_dir():
        for item in sorted(spill.rglob("*"), reverse=True):
            item.rmdir() if item.is_dir() else item.unlink()
        spill.rmdir()
    path.parent.mkdir(parents=True, exist_ok=True)


def build_command(ci: SlimCiPlan) -> list[str]:
    """The dbt build of the modified models and their children, deferring the rest."""
    return [
        dbt_executable(),
        "build",
        "--select",
        "state:modified+",
        "--defer",
        "--state",
        str(ci.state_dir),
        "--target",
        ci.dbt_target,
        # Every model the CI build writes is built whole (into an empty file or schema), so
        # its tests check every row, as on a full build; a daily run's narrower scope would
        # also read the graph's own relation of int_sales_validated (macros/utils/
        # test_scope.sql), which --defer leaves unbuilt in the CI catalog.
        "--vars",
        "{test_scope: all}",
    ]


def build_env(settings: Settings, ci: SlimCiPlan) -> dict[str, str]:
    """dbt's environment (ecom/dbt_runner.py) with the CI build's own target folder and, on
    DuckDB, its file and production's catalog name."""
    env = dbt_env(settings)
    env["DBT_TARGET_PATH"] = str(ci.ci_target_dir)
    if ci.ci_duckdb_path is not None and ci.prod_catalog is not None:
        env[CI_DUCKDB_ENV] = str(ci.ci_duckdb_path)
        env[PROD_CATALOG_ENV] = ci.prod_catalog
    return env


def run_slim_ci(settings: Settings, ci: SlimCiPlan) -> SlimCiOutcome:
    """Run the Slim CI build; dbt's output streams to stdout."""
    if ci.ci_duckdb_path is not None:
        _fresh_duckdb(ci.ci_duckdb_path)
    ci.ci_target_dir.mkdir(parents=True, exist_ok=True)
    # results of an earlier CI build must not pass for this one's
    (ci.ci_target_dir / dbt_artifacts.RUN_RESULTS).unlink(missing_ok=True)
    started = time.monotonic()
    completed = subprocess.run(
        build_command(ci), cwd=settings.project_dir, env=build_env(settings, ci), check=False
    )
    seconds = time.monotonic() - started
    return SlimCiOutcome(ci, read_run_results(ci.ci_target_dir, completed.returncode), seconds)


def slim_ci_summary(outcome: SlimCiOutcome, settings: Settings) -> str:
    """The summary line(s) printed after the build."""
    ci, results = outcome.plan, outcome.results
    if ci.ci_duckdb_path is not None:
        production = (
            f"the production DuckDB warehouse {settings.duckdb_path}, attached read-only as "
            f"{ci.prod_catalog!r}; built into {ci.ci_duckdb_path}"
        )
    else:
        production = f"production's schemas on {ci.target}, as its manifest names them"
    if not results.nodes and results.ok:
        return (
            f"ecom ci-slim: nothing differs from production's manifest ({ci.artifacts}): "
            f"nothing to build ({outcome.seconds:.1f} s)"
        )
    built = outcome.built
    lines = [
        f"ecom ci-slim: {'passed' if results.ok else 'FAILED'} in {outcome.seconds:.1f} s: "
        f"{len(built)} built ({', '.join(built) or 'none'}); data tests: "
        f"{_statuses(results, 'test')}; unit tests: {_statuses(results, 'unit_test')}",
        f"  deferred: every other ref to {production}",
        f"  production artifacts: {ci.artifacts}; this build's: {ci.ci_target_dir}",
    ]
    return "\n".join(lines)


def _statuses(results: DbtResults, kind: str) -> str:
    """How many nodes of a kind ended with each status, e.g. '18 pass, 1 fail'."""
    counts = results.counts.get(kind)
    return ", ".join(f"{n} {status}" for status, n in counts.most_common()) if counts else "none"
