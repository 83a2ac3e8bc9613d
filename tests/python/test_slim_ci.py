"""Slim CI (`ecom ci-slim`): after one model is edited in a scratch copy of the project, only
that model and its children are built, every other ref reads production's relations, and what
was built equals production's full build of those relations.

"Production" is the shared e2e run (two `ecom run`s): a copy of its warehouse file under its
own name (so its catalog is still `ecom`, as its manifest says) and its manifest.json. No
full build is added here: the CI build is the only dbt build of this module on DuckDB.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from ecom.settings import Settings
from ecom.slim_ci import (
    ProductionStateError,
    check_ci_schema,
    fetch_state,
    slim_ci_plan,
)
from ingest.errors import ConfigurationError

from conftest import ECOM, REPO, E2ERun, PostgresRun

# a test on a shared run or a server is heavier: conftest.py FIXTURE_MARKS
pytestmark = [pytest.mark.unit, pytest.mark.fast_dbt]

EDITED = "int_product_sales_days"
EDITED_FILE = Path("models/intermediate/sales/int_product_sales_days.sql")
CHILDREN = {"rpt_sales_by_category", "rpt_top_products"}
# where each built relation is (dbt_project.yml +schema under the target schema `analytics`)
LAYER = {EDITED: "intermediate", "rpt_sales_by_category": "marts", "rpt_top_products": "marts"}
# parents of the edited model, deferred to production (not built by the CI build)
DEFERRED_PARENTS = ("int_sales_enriched", "dim_products")
# which build last wrote a row, not what the row holds: differs between any two builds
NOT_COMPARED = {"refreshed_at"}


@dataclass(frozen=True)
class SlimBuild:
    """One `ecom ci-slim` of the scratch project: its run, artifacts and timing."""

    completed: subprocess.CompletedProcess[str]
    seconds: float
    target_dir: Path  # the CI build's dbt artifacts
    run_results: dict[str, object]

    def built(self) -> dict[str, str]:
        """name -> status of every model, seed and snapshot the build ran."""
        results = self.run_results["results"]
        assert isinstance(results, list)
        return {
            str(r["unique_id"]).split(".")[-1]: str(r["status"])
            for r in results
            if str(r["unique_id"]).split(".")[0] in ("model", "seed", "snapshot")
        }

    def compiled(self, layer: str, name: str) -> str:
        """The compiled SQL of a model the build ran."""
        folder = "marts/reporting" if layer == "marts" else f"{layer}/sales"
        return (self.target_dir / "compiled/ecom/models" / folder / f"{name}.sql").read_text()


def scratch_project(root: Path) -> Path:
    """A copy of the dbt project (not the Python tests), with EDITED changed: a comment, so
    the model's body differs from production's and its rows must not."""
    project = root / "project"
    project.mkdir()
    for name in ("dbt_project.yml", ".dbtignore"):
        shutil.copy2(REPO / name, project / name)
    for folder in ("models", "macros", "seeds", "snapshots", "analyses", "tests"):
        shutil.copytree(
            REPO / folder, project / folder, ignore=shutil.ignore_patterns("python", "__pycache__")
        )
    edited = project / EDITED_FILE
    edited.write_text(edited.read_text() + "\n-- edited in a pull request: Slim CI builds me\n")
    return project


def ci_slim(env: dict[str, str], project: Path, *args: str) -> tuple[SlimBuild, str]:
    """Run `ecom ci-slim` in the project, as CI would."""
    started = time.monotonic()
    completed = subprocess.run(
        [ECOM, "ci-slim", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    seconds = time.monotonic() - started
    target_dir = Path(env["DBT_TARGET_PATH"]) / "ci"
    results_path = target_dir / "run_results.json"
    run_results = json.loads(results_path.read_text()) if results_path.exists() else {}
    output = completed.stdout[-6000:] + completed.stderr[-3000:]
    return SlimBuild(completed, seconds, target_dir, run_results), output


def sha256(path: Path) -> str:
    """The file's digest (to show that production was never written)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(frozen=True)
class DuckdbSlim:
    """Production (a copy of the e2e run) and the Slim CI build of the edited project."""

    build: SlimBuild
    output: str
    production: Path
    production_sha: str
    ci_warehouse: Path
    full_build_seconds: float


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The scratch copy of the project with one model edited."""
    return scratch_project(tmp_path_factory.mktemp("slim-ci-project"))


@pytest.fixture(scope="module")
def duckdb_slim(e2e: E2ERun, project: Path, tmp_path_factory: pytest.TempPathFactory) -> DuckdbSlim:
    """`ecom ci-slim` of the edited project against production = the e2e run."""
    root = tmp_path_factory.mktemp("slim-ci")
    production = root / "production" / "warehouse" / "ecom.duckdb"
    production.parent.mkdir(parents=True)
    shutil.copy2(e2e.warehouse, production)
    artifacts = root / "production" / "artifacts"
    artifacts.mkdir()
    shutil.copy2(Path(e2e.env["DBT_TARGET_PATH"]) / "manifest.json", artifacts)
    ci_warehouse = root / "ci" / "ci.duckdb"
    env = {
        **e2e.env,
        "ECOM_PROJECT_DIR": str(project),
        "ECOM_DUCKDB_PATH": str(production),
        "ECOM_PROD_ARTIFACTS": str(artifacts),
        "ECOM_CI_DUCKDB_PATH": str(ci_warehouse),
        "DBT_TARGET_PATH": str(root / "target"),
        "DBT_LOG_PATH": str(root / "logs"),
    }
    before = sha256(production)
    build, output = ci_slim(env, project)
    # the e2e's first run was a full build (a fresh warehouse); the run log has its dbt time
    records = sorted((e2e.lake / "_ops" / "runs").glob("*/*.json"))
    full = float(json.loads(records[0].read_text())["dbt_build_seconds"])
    print(
        f"\nSlim CI after a one-model edit: {build.seconds:.1f} s (ecom ci-slim, wall); "
        f"production's full dbt build of the same sample: {full:.1f} s"
    )
    return DuckdbSlim(build, output, production, before, ci_warehouse, full)


def relation_rows(
    con: duckdb.DuckDBPyConnection, catalog: str, schema: str, table: str
) -> tuple[int, str]:
    """Row count and the column list compared (every column but NOT_COMPARED)."""
    columns = [
        f'"{name}"'
        for (name,) in con.execute(
            "select column_name from information_schema.columns where table_catalog = ? "
            "and table_schema = ? and table_name = ? order by ordinal_position",
            [catalog, schema, table],
        ).fetchall()
        if name not in NOT_COMPARED
    ]
    [(count,)] = con.execute(f'select count(*) from "{catalog}"."{schema}"."{table}"').fetchall()
    return int(count), ", ".join(columns)


def test_only_the_edited_model_and_its_children_are_built(duckdb_slim: DuckdbSlim) -> None:
    build = duckdb_slim.build
    assert build.completed.returncode == 0, duckdb_slim.output
    assert build.built() == {name: "success" for name in {EDITED, *CHILDREN}}
    assert "ecom ci-slim: passed" in build.completed.stdout
    with duckdb.connect(str(duckdb_slim.ci_warehouse), read_only=True) as con:
        tables = con.execute(
            "select table_name from information_schema.tables where table_catalog = 'ci'"
        ).fetchall()
    # nothing deferred was copied into the CI file: only what was built is there
    assert sorted(name for (name,) in tables) == sorted({EDITED, *CHILDREN})


def test_the_edited_models_tests_ran_and_passed(duckdb_slim: DuckdbSlim) -> None:
    results = duckdb_slim.build.run_results["results"]
    assert isinstance(results, list)
    statuses = {
        str(r["unique_id"]): str(r["status"])
        for r in results
        if str(r["unique_id"]).split(".")[0] in ("test", "unit_test")
    }
    ran = {unique_id.split(".")[0] for unique_id in statuses}
    assert ran == {"test", "unit_test"}
    assert set(statuses.values()) == {"pass"}, statuses


def test_unmodified_refs_compile_to_the_attached_production_catalog(
    duckdb_slim: DuckdbSlim,
) -> None:
    build = duckdb_slim.build
    edited = build.compiled("intermediate", EDITED)
    for parent in DEFERRED_PARENTS:
        layer = "marts" if parent.startswith("dim_") else "intermediate"
        assert f'"ecom"."analytics_{layer}"."{parent}"' in edited, edited
    assert '"ci".' not in edited
    for child in CHILDREN:
        # a child reads the edited model as built by this CI build, not production's
        assert f'"ci"."analytics_intermediate"."{EDITED}"' in build.compiled("marts", child)


def test_built_relations_equal_production_full_build(duckdb_slim: DuckdbSlim) -> None:
    with duckdb.connect(str(duckdb_slim.ci_warehouse), read_only=True) as con:
        con.execute(f"attach '{duckdb_slim.production}' as production (read_only)")
        for name, layer in LAYER.items():
            schema = f"analytics_{layer}"
            count, columns = relation_rows(con, "ci", schema, name)
            assert (count, columns) == relation_rows(con, "production", schema, name), name
            assert count > 0, name
            [(differing,)] = con.execute(
                f"select count(*) from ((select {columns} from ci.{schema}.{name} except all "
                f"select {columns} from production.{schema}.{name}) union all (select {columns} "
                f"from production.{schema}.{name} except all select {columns} "
                f"from ci.{schema}.{name}))"
            ).fetchall()
            assert differing == 0, f"{name}: {differing} rows differ from production's"


def test_production_is_never_written(duckdb_slim: DuckdbSlim) -> None:
    assert sha256(duckdb_slim.production) == duckdb_slim.production_sha


def test_the_build_takes_less_than_production_full_build(duckdb_slim: DuckdbSlim) -> None:
    # Loose on purpose: a speed target belongs in a benchmark (docs/operating.md "Slim CI" gives
    # the numbers at the sample's size); this only catches a Slim CI that builds everything.
    assert duckdb_slim.build.seconds < 3 * duckdb_slim.full_build_seconds


# --- guards: what Slim CI refuses before dbt runs -------------------------------------------


def manifest(folder: Path, adapter: str, database: str, schemas: dict[str, str | None]) -> Path:
    """A production manifest.json with one model per (schema, custom schema)."""
    folder.mkdir(parents=True, exist_ok=True)
    nodes = {
        f"model.ecom.m{n}": {
            "resource_type": "model",
            "database": database,
            "schema": schema,
            "config": {"schema": custom},
        }
        for n, (schema, custom) in enumerate(schemas.items())
    }
    payload = {"metadata": {"adapter_type": adapter}, "nodes": nodes}
    (folder / "manifest.json").write_text(json.dumps(payload))
    return folder


def test_ci_warehouse_that_is_production_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    production = tmp_path / "warehouse" / "ecom.duckdb"
    production.parent.mkdir()
    production.touch()
    state = manifest(tmp_path / "state", "duckdb", "ecom", {"analytics_marts": "marts"})
    settings = Settings(duckdb_path=production, project_dir=REPO)
    monkeypatch.setenv("ECOM_CI_DUCKDB_PATH", str(production))
    with pytest.raises(ConfigurationError, match="is the production warehouse"):
        slim_ci_plan(settings, str(state))
    # a CI file named like production would hide production's catalog
    monkeypatch.setenv("ECOM_CI_DUCKDB_PATH", str(tmp_path / "ci" / "ecom.duckdb"))
    with pytest.raises(ConfigurationError, match="production's catalog name 'ecom'"):
        slim_ci_plan(settings, str(state))


def test_a_build_on_postgres_into_production_schemas_is_refused() -> None:
    production = {
        "metadata": {},
        "nodes": {
            "model.ecom.a": {
                "resource_type": "model",
                "schema": "analytics_marts",
                "config": {"schema": "marts"},
            }
        },
    }
    with pytest.raises(ConfigurationError, match="set ECOM_POSTGRES_SCHEMA"):
        check_ci_schema(production, "postgres", "analytics")
    check_ci_schema(production, "postgres", "ci_pr_123")  # a schema of its own: fine


def test_manifest_of_another_adapter_is_refused(tmp_path: Path) -> None:
    state = manifest(tmp_path / "state", "postgres", "ecom", {"analytics_marts": "marts"})
    settings = Settings(duckdb_path=tmp_path / "ecom.duckdb", project_dir=REPO)
    with pytest.raises(ProductionStateError, match="postgres build's manifest"):
        slim_ci_plan(settings, str(state), environ={})


def test_no_production_artifacts_exits_2_naming_where_to_get_them(tmp_path: Path) -> None:
    completed = subprocess.run(
        [ECOM, "ci-slim", "--state", str(tmp_path / "nothing")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 2, completed.stderr
    assert "no production manifest.json in" in completed.stderr
    assert "ECOM_PROD_ARTIFACTS" in completed.stderr


def test_production_artifacts_are_downloaded_from_an_s3_prefix(
    s3_bucket: str, tmp_path: Path
) -> None:
    import boto3

    body = json.dumps({"metadata": {"adapter_type": "duckdb"}, "nodes": {}}).encode()
    boto3.client("s3").put_object(Bucket=s3_bucket, Key="dbt/prod/manifest.json", Body=body)
    folder = fetch_state(f"s3://{s3_bucket}/dbt/prod", tmp_path / "state", Settings.from_env())
    assert (folder / "manifest.json").read_bytes() == body
    with pytest.raises(ProductionStateError, match="make upload-artifacts"):
        fetch_state(f"s3://{s3_bucket}/dbt/nothing", tmp_path / "other", Settings.from_env())


# --- PostgreSQL: the same, deferring to production's schemas ---------------------------------


@pytest.fixture(scope="module")
def postgres_slim(
    postgres_run: PostgresRun, project: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[SlimBuild, str]:
    """`ecom ci-slim --target postgres` of the edited project, building into schema ci_slim
    of the database production (the postgres_run fixture) is in."""
    root = tmp_path_factory.mktemp("slim-ci-pg")
    env = {
        **postgres_run.env,
        "ECOM_PROJECT_DIR": str(project),
        "ECOM_POSTGRES_SCHEMA": "ci_slim",
        "ECOM_PROD_ARTIFACTS": postgres_run.env["DBT_TARGET_PATH"],
        "DBT_TARGET_PATH": str(root / "target"),
        "DBT_LOG_PATH": str(root / "logs"),
    }
    build, output = ci_slim(env, project, "--target", "postgres")
    print(f"\nSlim CI on PostgreSQL after a one-model edit: {build.seconds:.1f} s (wall)")
    return build, output


def test_on_postgres_only_the_edited_model_and_children_are_built_equal_to_production(
    postgres_slim: tuple[SlimBuild, str], postgres_run: PostgresRun
) -> None:
    build, output = postgres_slim
    assert build.completed.returncode == 0, output
    assert build.built() == {name: "success" for name in {EDITED, *CHILDREN}}
    edited = build.compiled("intermediate", EDITED)
    assert '"ecom_test"."analytics_intermediate"."int_sales_enriched"' in edited, edited
    query: Callable[[str], list[tuple[object, ...]]] = postgres_run.query
    for name, layer in LAYER.items():
        columns = ", ".join(
            f'"{column}"'
            for (column,) in query(
                "select column_name from information_schema.columns where table_schema = "
                f"'analytics_{layer}' and table_name = '{name}' order by ordinal_position"
            )
            if column not in NOT_COMPARED
        )
        ci, production = f"ci_slim_{layer}.{name}", f"analytics_{layer}.{name}"
        [(count,)] = query(f"select count(*) from {ci}")
        assert [(count,)] == query(f"select count(*) from {production}") and count, name
        [(differing,)] = query(
            f"select count(*) from ((select {columns} from {ci} except all select {columns} "
            f"from {production}) union all (select {columns} from {production} except all "
            f"select {columns} from {ci})) as differing"
        )
        assert differing == 0, f"{name}: {differing} rows differ from production's"
