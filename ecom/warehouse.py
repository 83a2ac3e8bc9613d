"""The one way into the warehouse of a dbt target: DuckDB, PostgreSQL, Athena or Redshift.

Connection settings are read once, from where dbt reads them: profiles/profiles.yml rendered by
dbt's own renderer for the chosen target, with the environment dbt runs in (ecom/dbt_runner.py
`dbt_env`). Nothing here re-encodes a profile's variables, and nothing parses dbt's output.

The pipeline (mart row counts, rejected rows), the daily report, the dashboard and the
benchmark all connect and query through `Warehouse`; the DuckDB file lock (held while
`dbt build` writes the file) is detected here and nowhere else. The one DuckDB that is no
warehouse, an in-memory database to turn rows into files (`in_memory_duckdb`), is opened here
too, so every database connection of the application is opened in this module (ingest/
opens none).
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ecom.dbt_runner import dbt_env
from ecom.settings import Settings
from ingest.errors import ConfigurationError, EcomError
from ingest.retry import Backoff, TransientError

if TYPE_CHECKING:
    import duckdb

TARGETS = ("duckdb", "athena", "redshift", "postgres")
CHECK_TIMEOUT_SECONDS = 15.0  # the connection check of check(): dbt debug's, but short
# the environment variables each target's connection is configured with (profiles.yml)
TARGET_SETTINGS = {
    "duckdb": "ECOM_DUCKDB_PATH",
    "postgres": "ECOM_POSTGRES_HOST, _PORT, _USER, _PASSWORD, _DBNAME",
    "redshift": "ECOM_REDSHIFT_HOST, _PORT, _USER, _PASSWORD, _DBNAME (or _AUTH_METHOD=iam)",
    "athena": "ECOM_ATHENA_S3_STAGING_DIR, ECOM_ATHENA_S3_DATA_DIR, AWS_REGION",
}
PLACEHOLDER = "set-"  # profiles.yml's default for a setting without one: 'set-<VARIABLE>'
AWS_CREDENTIALS_HINT = (
    "set AWS_PROFILE (after `aws configure` or `aws sso login`) or AWS_ACCESS_KEY_ID and "
    "AWS_SECRET_ACCESS_KEY"
)
PROFILE = "ecom"  # dbt_project.yml `profile:`
# dbt's default generate_schema_name: <target schema>_<custom schema> (dbt_project.yml +schema)
MARTS_SUFFIX, QA_SUFFIX = "marts", "qa"
# What DuckDB says when another process holds the warehouse file's write lock.
LOCK_MESSAGES = ("Could not set lock on file", "Conflicting lock is held")
# How long a reader (the dashboard, `ecom mcp`) waits for a `dbt build` holding the DuckDB file
# (ingest/retry.py's policy) before it says the warehouse is being rebuilt.
LOCK_WAIT = Backoff(max_attempts=5, base_seconds=0.4, max_seconds=2.0)
# How long a writer (Warehouse.writing) waits for the servers' readers to let the file go: their
# running queries end, then their idle instance closes (ecom/read_pool.py, half a second).
READERS_DRAIN_SECONDS = 3.0


class WarehouseError(EcomError):
    """The warehouse cannot be reached or a query on it failed."""


class UnknownTargetError(WarehouseError, ConfigurationError):
    """The dbt target is not one of profiles/profiles.yml (a configuration error: exit 2)."""


class WarehouseMissingError(WarehouseError):
    """The DuckDB warehouse file does not exist yet: nothing has been built."""


class WarehouseUnreachableError(WarehouseError, ConfigurationError):
    """The target's warehouse cannot be reached with its settings (a configuration error)."""


class WarehouseLockedError(WarehouseError, TransientError):
    """Another process (a `dbt build`) holds the DuckDB file's write lock; it passes."""


def writer_marker(path: Path) -> Path:
    """The file that says a process is about to write the DuckDB warehouse at path."""
    return path.with_name(path.name + ".writer")


def writer_waiting(path: Path) -> bool:
    """Whether a process has said it is about to write the DuckDB file at path and is still
    alive: it holds an exclusive lock on the marker (Warehouse.writing), which the kernel
    releases when the process ends, however it ends; readers then stop opening the file, so
    the writer gets its lock."""
    try:
        marker = writer_marker(path).open("rb")
    except OSError:
        return False
    with marker:
        try:
            fcntl.flock(marker, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(marker, fcntl.LOCK_UN)
        return False  # a marker left by a writer that died: nobody is waiting


def is_lock_error(error: BaseException | str) -> bool:
    """Whether DuckDB refused the file because another process is writing it."""
    return any(message in str(error) for message in LOCK_MESSAGES)


def profiles_dir(project_dir: Path, environ: Mapping[str, str]) -> Path:
    """Where dbt finds profiles.yml: DBT_PROFILES_DIR, else <project>/profiles."""
    return Path(environ.get("DBT_PROFILES_DIR") or project_dir / "profiles")


def render_profile(target: str, project_dir: Path, environ: Mapping[str, str]) -> dict[str, Any]:
    """The `target` output of profiles.yml, rendered by dbt's ProfileRenderer with `environ`."""
    from dbt.config.profile import read_profile
    from dbt.config.renderer import ProfileRenderer
    from dbt_common.context import set_invocation_context

    folder = profiles_dir(project_dir, environ)
    path = folder / "profiles.yml"
    if not path.is_file():
        raise ConfigurationError(
            f"{path}: no such file; run from the ecom project folder or set DBT_PROFILES_DIR"
        )
    outputs = read_profile(str(folder))[PROFILE]["outputs"]
    if target not in outputs:
        raise UnknownTargetError(
            f"dbt target {target!r} is not a target of {path}; use one of {', '.join(outputs)}"
        )
    set_invocation_context(dict(environ))  # env_var() reads the invocation's environment
    rendered: dict[str, Any] = ProfileRenderer({}).render_data(outputs[target])
    return rendered


@dataclass(frozen=True)
class Warehouse:
    """One dbt target's warehouse: where the marts are and how to open a connection to it."""

    target: str
    kind: str  # the adapter: duckdb | postgres | athena | redshift
    schema: str  # the target's schema; dbt adds _marts and _qa (dbt_project.yml +schema)
    project_dir: Path = field(default_factory=Path.cwd)
    # the rendered profile output; never printed (it may hold a password)
    profile: tuple[tuple[str, Any], ...] = field(default=(), repr=False)

    @classmethod
    def for_target(
        cls, target: str, project_dir: Path, environ: Mapping[str, str] | None = None
    ) -> Warehouse:
        """The warehouse of a target of profiles.yml, rendered with `environ` (else os.environ)."""
        if target not in TARGETS:
            raise UnknownTargetError(
                f"dbt target {target!r} is not a target of profiles/profiles.yml; "
                f"use one of {', '.join(TARGETS)}"
            )
        env = dict(os.environ if environ is None else environ)
        profile = render_profile(target, project_dir, env)
        items = tuple((k, v) for k, v in profile.items() if isinstance(v, str | int | float))
        return cls(target, str(profile["type"]), str(profile["schema"]), project_dir, items)

    def setting(self, name: str, default: Any = None) -> Any:
        """One value of the rendered profile output."""
        return dict(self.profile).get(name, default)

    @property
    def marts_schema(self) -> str:
        """Schema of the core, reporting and operations marts."""
        return f"{self.schema}_{MARTS_SUFFIX}"

    @property
    def qa_schema(self) -> str:
        """Schema of the qa_* models."""
        return f"{self.schema}_{QA_SUFFIX}"

    @property
    def duckdb_path(self) -> Path:
        """The DuckDB warehouse file (relative paths are the project's, as dbt resolves them)."""
        path = Path(str(self.setting("path", "")))
        return path if path.is_absolute() else self.project_dir / path

    def relation(self, model: str) -> str:
        """The schema-qualified name of a mart (qa_* models live in the qa schema)."""
        schema = self.qa_schema if model.startswith("qa_") else self.marts_schema
        return f"{schema}.{model}"

    def describe(self) -> str:
        """Where the marts are, for messages (never credentials)."""
        if self.kind == "duckdb":
            return f"DuckDB warehouse {self.duckdb_path}"
        return f"{self.target} schema {self.marts_schema}"

    @contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        """Driver errors as WarehouseError; a held DuckDB file as WarehouseLockedError."""
        try:
            yield
        except WarehouseError:
            raise
        except Exception as error:
            if is_lock_error(error):
                raise WarehouseLockedError(
                    f"{self.describe()} is locked by another process (a dbt build?)"
                ) from error
            raise WarehouseError(f"{doing} the {self.describe()} failed: {error}") from error

    def connect(self, read_only: bool = True) -> Any:
        """A new DB-API connection (the caller closes it); DuckDB opens the file read-only."""
        with self._errors("connecting to"):
            return self._connect(read_only)

    def _connect(self, read_only: bool) -> Any:
        connector = _CONNECTORS.get(self.kind)
        if connector is None:
            raise UnknownTargetError(f"dbt adapter {self.kind!r} is not supported by ecom")
        return connector(self, read_only)

    @contextmanager
    def connection(self, read_only: bool = True) -> Iterator[Any]:
        """A connection closed when the block ends."""
        with closing(self.connect(read_only)) as connection:
            yield connection

    def query(self, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Column names (lower case) and rows of one query, on a fresh read-only connection."""
        with self.connection() as connection, self._errors("a query on"):
            cursor = connection.cursor()
            cursor.execute(sql)
            columns = [str(d[0]).lower() for d in cursor.description or []]
            return columns, [tuple(row) for row in cursor.fetchall()]

    def query_columns(self, sql: str) -> tuple[list[str], dict[str, Any]]:
        """Column names (lower case) and the result column by column, for a result of many
        rows: on DuckDB numpy arrays (a null masked), read without a Python object per value;
        elsewhere a tuple of driver values per column."""
        with self.connection() as connection, self._errors("a query on"):
            cursor = connection.cursor()
            cursor.execute(sql)
            names = [str(d[0]).lower() for d in cursor.description or []]
            if self.kind == "duckdb":
                return names, dict(zip(names, cursor.fetchnumpy().values(), strict=True))
            rows = cursor.fetchall()
            values = list(zip(*rows, strict=True)) if rows else [() for _ in names]
            return names, dict(zip(names, values, strict=True))

    def rows(self, sql: str) -> list[dict[str, Any]]:
        """The rows of one query as dicts (column -> value)."""
        columns, rows = self.query(sql)
        return [dict(zip(columns, row, strict=True)) for row in rows]

    def check(self, timeout: float = CHECK_TIMEOUT_SECONDS) -> None:
        """What `dbt debug` checks, before a run writes anything: DuckDB, that the file's
        folder can be written (the file itself is not opened: a `dbt build` holding it is
        waited for by the run); any other target, that its settings are set, AWS credentials
        exist where it needs them, and `select 1` answers within `timeout` seconds.
        Raises WarehouseUnreachableError with one line: what is wrong, what to do."""
        if self.kind == "duckdb":
            _check_writable_path(self.duckdb_path, "the DuckDB warehouse")
            return
        unset = sorted(
            {
                str(v).split(PLACEHOLDER, 1)[1].strip("/")
                for _, v in self.profile
                if isinstance(v, str) and PLACEHOLDER in v
            }
        )
        if unset:
            raise WarehouseUnreachableError(
                f"dbt target {self.target!r} is not configured — set {', '.join(unset)}"
            )
        if self.kind == "athena" or self.setting("method") == "iam":
            require_aws_credentials(f"dbt target {self.target!r}", self.setting("region_name"))
        self._probe(timeout)

    def _probe(self, timeout: float) -> None:
        """select 1 on a new connection, in a thread given `timeout` seconds."""
        failure: list[BaseException] = []

        def probe() -> None:
            try:
                with closing(self._connect(read_only=True)) as connection:
                    cursor = connection.cursor()
                    cursor.execute("select 1")
                    cursor.fetchall()
            except BaseException as error:  # reported by the caller's thread
                failure.append(error)

        worker = threading.Thread(target=probe, name=f"check {self.target}", daemon=True)
        worker.start()
        worker.join(timeout)
        fix = f"check {TARGET_SETTINGS.get(self.kind, 'profiles/profiles.yml')}"
        if worker.is_alive():
            raise WarehouseUnreachableError(
                f"dbt target {self.target!r} did not answer within {timeout:g}s — {fix}, and the "
                "network (VPN, security group)"
            )
        if not failure:
            return
        error = failure[0]
        if isinstance(error, ImportError):
            raise WarehouseUnreachableError(
                f"dbt target {self.target!r} needs the Python package {error.name or error}, "
                "which is not installed — run `make install` (or pip install the project again)"
            ) from error
        if type(error).__name__ == "NoCredentialsError":
            raise WarehouseUnreachableError(
                f"dbt target {self.target!r}: no AWS credentials found — {AWS_CREDENTIALS_HINT}"
            ) from error
        raise WarehouseUnreachableError(
            f"cannot connect to dbt target {self.target!r} ({first_line(error)}) — {fix}"
        ) from error

    @contextmanager
    def writing(self) -> Iterator[None]:
        """While the block runs, this process is about to write (or is writing) the DuckDB
        file: the servers' readers (ecom/read_pool.py) open it for no new query, so their
        read-only instance is closed as soon as its running queries end. A no-op elsewhere."""
        if self.kind != "duckdb":
            yield
            return
        marker = writer_marker(self.duckdb_path)
        marker.parent.mkdir(parents=True, exist_ok=True)
        with marker.open("ab") as held:
            try:
                fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield  # another writer has said so already: the file's own lock orders us
                return
            held.truncate(0)
            held.write(f"{os.getpid()}\n".encode())
            held.flush()
            try:
                self._wait_for_readers()
                yield
            finally:
                marker.unlink(missing_ok=True)

    def _wait_for_readers(self) -> None:
        """Give the servers' readers, told by the marker, time to finish their queries and
        close the file (READERS_DRAIN_SECONDS at most); whoever still holds it then is met by
        the build's own lock retries."""
        deadline = time.monotonic() + READERS_DRAIN_SECONDS
        while self.duckdb_path.exists() and time.monotonic() < deadline:
            try:
                self.check_writable()
                return
            except WarehouseLockedError:
                time.sleep(0.1)

    def check_writable(self) -> None:
        """DuckDB: open the file for writing and close it; WarehouseLockedError if held."""
        if self.kind != "duckdb" or not self.duckdb_path.exists():
            return
        self.connect(read_only=False).close()


def first_line(error: BaseException | str) -> str:
    """The first non-blank line of an error's message (never a traceback), at most 300
    characters; the error's type when the message is empty."""
    text = str(error)
    line = next((x.strip() for x in text.splitlines() if x.strip()), "")
    if not line and isinstance(error, BaseException):
        line = type(error).__name__
    return line if len(line) <= 300 else line[:297] + "..."


def _check_writable_path(path: Path, what: str) -> None:
    """path can be created or written: its nearest existing folder is writable."""
    if path.exists():
        if not os.access(path, os.W_OK):
            raise WarehouseUnreachableError(
                f"{what} {path} is not writable — fix its permissions or set ECOM_DUCKDB_PATH"
            )
        return
    existing = next(p for p in path.parents if p.exists())
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        raise WarehouseUnreachableError(
            f"{what} {path} cannot be created ({existing} is not a writable folder) — "
            "set ECOM_DUCKDB_PATH to a writable place"
        )


def require_aws_credentials(who: str, region: str | None = None) -> None:
    """Raise WarehouseUnreachableError unless the AWS credential chain finds credentials."""
    import boto3

    if boto3.session.Session(region_name=region).get_credentials() is None:
        raise WarehouseUnreachableError(f"{who}: no AWS credentials found — {AWS_CREDENTIALS_HINT}")


def in_memory_duckdb() -> duckdb.DuckDBPyConnection:
    """A new in-memory DuckDB database, no warehouse (the caller closes it): where ecom turns
    rows into CSV or Parquet files (the daily report read from PostgreSQL, Athena or Redshift,
    the prediction scores for Athena) and reads a file that is not the warehouse (the
    backtest's CDNOW purchases)."""
    import duckdb

    return duckdb.connect()


def _connect_duckdb(warehouse: Warehouse, read_only: bool) -> Any:
    import duckdb

    if read_only and not warehouse.duckdb_path.exists():
        raise WarehouseMissingError(f"no warehouse at {warehouse.duckdb_path}")
    return duckdb.connect(str(warehouse.duckdb_path), read_only=read_only)


def _connect_postgres(warehouse: Warehouse, read_only: bool) -> Any:
    import psycopg2

    connection = psycopg2.connect(
        host=warehouse.setting("host"),
        port=int(warehouse.setting("port", 5432)),
        user=warehouse.setting("user"),
        password=warehouse.setting("password", ""),
        dbname=warehouse.setting("dbname"),
    )
    # reads: autocommit, read-only; writes (the raw-table loader): its own transactions
    connection.set_session(readonly=read_only, autocommit=read_only)
    return connection


def _connect_athena(warehouse: Warehouse, read_only: bool) -> Any:
    from pyathena import connect

    return connect(
        s3_staging_dir=warehouse.setting("s3_staging_dir"),
        region_name=warehouse.setting("region_name"),
        work_group=warehouse.setting("work_group"),
        schema_name=warehouse.marts_schema,
    )


def _connect_redshift(warehouse: Warehouse, read_only: bool) -> Any:
    import redshift_connector

    host = str(warehouse.setting("host"))
    common: dict[str, Any] = {
        "host": host,
        "port": int(warehouse.setting("port", 5439)),
        "database": warehouse.setting("dbname"),
        "ssl": True,
    }
    if warehouse.setting("method") == "iam":
        # as dbt-redshift does: the cluster id, else the first label of the host name
        connection = redshift_connector.connect(
            iam=True,
            db_user=warehouse.setting("user"),
            cluster_identifier=warehouse.setting("cluster_id") or host.split(".")[0],
            region=warehouse.setting("region"),
            **common,
        )
    else:
        connection = redshift_connector.connect(
            user=warehouse.setting("user"), password=warehouse.setting("password", ""), **common
        )
    # reads: autocommit, as on PostgreSQL. redshift_connector opens a transaction before the
    # first statement otherwise, and a pooled reader would hold it (its locks keep a build's
    # DROP/RENAME waiting, its snapshot serves old data) until the connection closed.
    connection.autocommit = read_only
    return connection


_CONNECTORS: dict[str, Callable[[Warehouse, bool], Any]] = {
    "duckdb": _connect_duckdb,
    "postgres": _connect_postgres,
    "athena": _connect_athena,
    "redshift": _connect_redshift,
}


def warehouse_for(settings: Settings) -> Warehouse:
    """The warehouse dbt builds for these settings (with the environment dbt is given)."""
    return Warehouse.for_target(settings.dbt_target, settings.project_dir, dbt_env(settings))
