"""The dbt project's compiled Athena and Redshift SQL, executed without AWS.

`dbt compile --target athena|redshift` renders every model and data test as the engine would
receive it. Here that SQL is translated by sqlglot (Trino -> DuckDB, Redshift -> PostgreSQL,
unsupported constructs raised) and executed in dependency order over the raw tables as the Glue
catalog (ingest/catalog.py) defines them, read from the landed files of a local lake: OpenCSV
SerDe (positional columns, header line skipped, every column a string, an empty field an empty
string), OpenX JSON SerDe (columns by name, a missing key null, a number its text), the
partition columns from the object key, and the "$path" pseudo-column as the s3:// key.

What the engine itself would generate (CTAS, MERGE, the snapshot's history) is not compiled SQL:
it is written here in the local engine's SQL the way the adapter builds it (see docs/aws.md,
"Verified without AWS", for what that leaves unproven). On Athena that includes its limit of
100 partitions per statement: a CTAS, INSERT or MERGE of a partitioned model that would write
more is refused (TooManyOpenPartitionsError, as Athena fails it with
ICEBERG_TOO_MANY_OPEN_PARTITIONS), and dbt-athena's answer to that error, its batch path, is
emulated as its macros build it (create_table_as_with_partitions, batch_iceberg_merge,
batch_incremental_insert, get_partition_batches).
"""

from __future__ import annotations

import csv
import graphlib
import io
import json
import os
import re
import subprocess
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import sqlglot
from sqlglot import exp
from sqlglot.errors import ErrorLevel

from ingest.catalog import CSV_SERDE, JSON_SERDE, glue_table_inputs

from conftest import REPO, dbt_command

# The lake as Glue knows it: a bucket URI stands in for the local folder in "$path" and in
# every table location.
LAKE_URI = "s3://ecom-lake/lake"
INCREMENTAL_MODELS = (
    "stg_shop__sales",
    "stg_shop__customers",
    "int_sales_validated",
    "int_customers_validated",
    "fct_sales",
    "fct_orders",
    "qa_rejected_sales",
    "qa_ingest_reconciliation",
)
# The dialect dbt compiles for, and the engine (and its sqlglot dialect) that executes it here.
DIALECTS = {"athena": ("athena", "duckdb"), "redshift": ("redshift", "postgres")}
# Athena writes at most 100 partitions in one CTAS, INSERT INTO or MERGE
# (docs.aws.amazon.com/athena/latest/ug/ctas-insert-into.html); dbt-athena batches by a model's
# partitions_limit, whose default is the same 100.
ATHENA_PARTITION_LIMIT = 100

Row = tuple[object, ...]


# --- compile ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Compiled:
    """One `dbt compile` of the project: its target folder and manifest."""

    path: Path

    @property
    def manifest(self) -> dict[str, Any]:
        """The compile's manifest.json."""
        loaded: dict[str, Any] = json.loads((self.path / "manifest.json").read_text())
        return loaded

    @property
    def files(self) -> list[Path]:
        """Every compiled .sql file (models and data tests)."""
        return sorted((self.path / "compiled" / "ecom").rglob("*.sql"))


@dataclass(frozen=True)
class AwsCompile:
    """The project compiled for one AWS target: as a first deployment builds it (`full`), and
    the incremental models as a daily run builds them (`incremental`)."""

    target: str
    full: Compiled
    incremental: Compiled


def dummy_aws_env(target_path: Path) -> dict[str, str]:
    """Credentials that are syntactically valid and reach nothing."""
    return {
        **os.environ,
        "DBT_PROFILES_DIR": str(REPO / "profiles"),
        "DBT_TARGET_PATH": str(target_path),
        "DBT_LOG_PATH": str(target_path / "logs"),
        "AWS_ACCESS_KEY_ID": "AKIDUMMYDUMMYDUMMY",
        "AWS_SECRET_ACCESS_KEY": "dummy",
        "AWS_REGION": "us-east-1",
        "ECOM_ATHENA_S3_STAGING_DIR": "s3://ecom-dummy/athena-results/",
        "ECOM_ATHENA_S3_DATA_DIR": "s3://ecom-dummy/warehouse/",
        "ECOM_REDSHIFT_HOST": "redshift.invalid",
        "ECOM_REDSHIFT_PASSWORD": "dummy",
    }


def _compile(target: str, out: Path, incremental: bool) -> Compiled:
    """`dbt compile --target <target>` offline, whole project or the incremental models."""
    selection = ["--select", *INCREMENTAL_MODELS] if incremental else []
    result = subprocess.run(
        dbt_command(
            [
                "compile",
                "--target",
                target,
                "--no-populate-cache",
                # whether the incremental models exist is not asked of the warehouse
                "--vars",
                f"{{compile_as_incremental: {str(incremental).lower()}}}",
                # unit tests run for real on DuckDB and PostgreSQL; compiling them needs a live
                # connection for column types
                "--exclude",
                "resource_type:unit_test",
                *selection,
            ]
        ),
        cwd=REPO,
        env=dummy_aws_env(out),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    return Compiled(out)


def compile_for_aws(root: Path, targets: Sequence[str]) -> dict[str, AwsCompile]:
    """Every target compiled both ways, the compiles side by side (each simulated build puts
    its own start time in place of the compile's run_started_at: Build.restarted)."""
    jobs = [(t, inc) for t in targets for inc in (False, True)]
    with ThreadPoolExecutor(max_workers=2) as pool:  # two cores
        done = dict(
            zip(
                jobs,
                pool.map(
                    lambda job: _compile(
                        job[0], root / f"{job[0]}-{'incremental' if job[1] else 'full'}", job[1]
                    ),
                    jobs,
                ),
                strict=True,
            )
        )
    return {t: AwsCompile(t, done[(t, False)], done[(t, True)]) for t in targets}


# --- the raw tables, as the Glue catalog defines them ------------------------------------------


@dataclass(frozen=True)
class RawRows:
    """A raw table as the engine reads it: columns (data, partitions, "$path") and rows."""

    schema: str
    name: str
    columns: tuple[str, ...]
    rows: list[tuple[str | None, ...]]


def created_by_dbt(source: Mapping[str, Any]) -> bool:
    """A source table a model's pre-hook creates in the warehouse (the prediction scores,
    macros/predictions/), not a raw table of the lake."""
    return str(source["source_name"]) == "predictions"


def raw_table_inputs(sources: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """The Glue TableInput (ingest/catalog.py) of every dbt source table over the lake; a
    source the catalog does not define fails, as it would on Athena and Spectrum."""
    catalog = glue_table_inputs(LAKE_URI)
    lake = [s for s in sources.values() if not created_by_dbt(s)]
    missing = sorted({s["name"] for s in lake} - set(catalog))
    if missing:
        raise AssertionError(f"dbt sources without a Glue table in ingest/catalog.py: {missing}")
    return {s["name"]: catalog[s["name"]] for s in lake}


def _key_pattern(table: Mapping[str, Any]) -> re.Pattern[str]:
    """The object keys of a table, partition values as named groups (from the projection's
    storage.location.template, else `<key>=<value>/` folders under the location)."""
    location = table["StorageDescriptor"]["Location"]
    keys = [k["Name"] for k in table["PartitionKeys"]]
    template = table["Parameters"].get(
        "storage.location.template", location + "".join(f"{k}=${{{k}}}/" for k in keys)
    )
    pattern = re.escape(template)
    for key in keys:
        pattern = pattern.replace(re.escape(f"${{{key}}}"), f"(?P<{key}>[^/]+)")
    return re.compile(pattern + r"[^/]+$")


def _csv_rows(data: str, width: int) -> Iterator[list[str | None]]:
    """OpenCSVSerde: positional fields, quote '"', escape '\\'; the header line skipped (the
    table's skip.header.line.count); a missing trailing field null, an extra one ignored."""
    reader = csv.reader(io.StringIO(data), delimiter=",", quotechar='"', escapechar="\\")
    next(reader, None)
    for record in reader:
        fields_: list[str | None] = list(record[:width])
        yield fields_ + [None] * (width - len(fields_))


def _json_text(value: object) -> str | None:
    """A JSON value read into a string column: strings as they are, anything else its text."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value)


def _json_rows(data: str, columns: Sequence[str]) -> Iterator[list[str | None]]:
    """OpenX JSON SerDe: one object per line, columns by (case-insensitive) name, a missing key
    null, a number its text as written; a line that is not an object fails (malformed JSON is
    not ignored)."""
    for line in data.splitlines():
        if not line.strip():
            continue
        record = json.loads(line, parse_float=str, parse_int=str, parse_constant=str)
        if not isinstance(record, dict):
            raise ValueError(f"not a JSON object: {line[:100]}")
        lowered = {str(k).lower(): v for k, v in record.items()}
        yield [_json_text(lowered.get(c.lower())) for c in columns]


def read_raw_tables(lake: Path, sources: Mapping[str, Mapping[str, Any]]) -> list[RawRows]:
    """Every dbt source's raw table over the landed files of a local lake, as Glue reads it."""
    tables = []
    inputs = raw_table_inputs(sources)
    for source in sources.values():
        if created_by_dbt(source):  # empty until `ecom run` scores: its declared columns
            tables.append(RawRows(source["schema"], source["name"], tuple(source["columns"]), []))
            continue
        table = inputs[source["name"]]
        storage = table["StorageDescriptor"]
        columns = [c["Name"] for c in storage["Columns"]]
        partitions = [k["Name"] for k in table["PartitionKeys"]]
        serde = storage["SerdeInfo"]["SerializationLibrary"]
        prefix = storage["Location"].removeprefix(LAKE_URI + "/")
        pattern = _key_pattern(table)
        rows: list[tuple[str | None, ...]] = []
        for path in sorted((lake / prefix).rglob("*")) if (lake / prefix).is_dir() else []:
            key = f"{LAKE_URI}/{path.relative_to(lake).as_posix()}"
            match = pattern.fullmatch(key)
            if not path.is_file() or not match:
                continue
            data = path.read_text(encoding="utf-8")
            if serde == CSV_SERDE:
                records = _csv_rows(data, len(columns))
            elif serde == JSON_SERDE:
                records = _json_rows(data, columns)
            else:
                raise AssertionError(f"{source['name']}: no reader for SerDe {serde}")
            extra = [match.group(p) for p in partitions] + [key]
            rows += [(*record, *extra) for record in records]
        tables.append(
            RawRows(source["schema"], source["name"], (*columns, *partitions, "$path"), rows)
        )
    return tables


def _of_file(table: RawRows, row: tuple[str | None, ...], marks: Mapping[str, str]) -> bool:
    """Whether a raw row came with one landed file (marks: column -> the file's value)."""
    return any(row[i] == marks[c] for i, c in enumerate(table.columns) if c in marks)


def hold_back(tables: Sequence[RawRows], key: str) -> tuple[list[RawRows], list[RawRows]]:
    """The raw tables as they were before the lake object `key` (lake-relative) landed, and
    the rows its landing added: its own rows, its manifest entry, its refused rows."""
    marks = {
        "$path": f"{LAKE_URI}/{key}",
        "landing_key": key,
        "landed_file_name": key.rsplit("/", 1)[-1],
    }
    before, held = [], []
    for table in tables:
        kept = [r for r in table.rows if not _of_file(table, r, marks)]
        added = [r for r in table.rows if _of_file(table, r, marks)]
        before.append(RawRows(table.schema, table.name, table.columns, kept))
        held.append(RawRows(table.schema, table.name, table.columns, added))
    return before, held


# --- engines -----------------------------------------------------------------------------------


class Engine(ABC):
    """A local database that executes the translated SQL."""

    @abstractmethod
    def execute(self, sql: str) -> None:
        """Run one statement."""

    @abstractmethod
    def query(self, sql: str) -> list[Row]:
        """Run a query, every row."""

    @abstractmethod
    def append(self, table: RawRows) -> None:
        """Add rows to a raw table."""

    def columns(self, schema: str, table: str) -> list[str]:
        """Column names of a table, in order."""
        return [
            str(name)
            for (name,) in self.query(
                "select column_name from information_schema.columns "
                f"where table_schema = '{schema}' and table_name = '{table}' "
                "order by ordinal_position"
            )
        ]

    def load(self, table: RawRows) -> None:
        """Create a raw table with its rows: every column varchar, as the Glue table (OpenCSV,
        OpenX JSON) gives Athena and Spectrum gives Redshift."""
        columns = ", ".join(f'"{c}" varchar' for c in table.columns)
        self.execute(f'create schema if not exists "{table.schema}"')
        self.execute(f'create table "{table.schema}"."{table.name}" ({columns})')
        self.append(table)


class DuckDBEngine(Engine):
    """DuckDB as Athena: `/` on two integers truncates, as Trino's does."""

    def __init__(self) -> None:
        import duckdb

        self.con = duckdb.connect(":memory:")
        self.con.execute("set integer_division = true")

    def execute(self, sql: str) -> None:
        """Run one statement."""
        self.con.execute(sql)

    def query(self, sql: str) -> list[Row]:
        """Run a query, every row."""
        return [tuple(r) for r in self.con.execute(sql).fetchall()]

    def append(self, table: RawRows) -> None:
        """Rows added to a raw table (a file landed)."""
        import pyarrow as pa  # type: ignore[import-untyped]

        data = pa.table(
            {
                name: pa.array([row[i] for row in table.rows], type=pa.string())
                for i, name in enumerate(table.columns)
            }
        )
        self.con.register("raw_rows", data)
        self.con.execute(f'insert into "{table.schema}"."{table.name}" select * from raw_rows')
        self.con.unregister("raw_rows")


class PostgresEngine(Engine):
    """PostgreSQL as Redshift, in a database of its own."""

    def __init__(self, socket_dir: str, dbname: str) -> None:
        import psycopg2

        self.conn = psycopg2.connect(host=socket_dir, user="postgres", dbname=dbname)
        self.conn.autocommit = True
        # Redshift's try_cast, as the postgres target creates it (macros/hooks/create_udfs.sql)
        self.execute(
            "create function ecom_try_cast(value text, target_type anyelement) "
            "returns anyelement language plpgsql immutable as $body$ begin "
            "execute format('select cast(%L as %s)', value, pg_typeof(target_type)) "
            "into target_type; return target_type; "
            "exception when others then return null; end; $body$"
        )

    def execute(self, sql: str) -> None:
        """Run one statement."""
        with self.conn.cursor() as cur:
            cur.execute(sql)

    def query(self, sql: str) -> list[Row]:
        """Run a query, every row."""
        with self.conn.cursor() as cur:
            cur.execute(sql)
            return [tuple(r) for r in cur.fetchall()]

    def append(self, table: RawRows) -> None:
        """Rows added to a raw table (a file landed), by COPY."""
        # CSV for COPY: a null is an empty unquoted field, every value (an empty one too) quoted
        text = "".join(
            ",".join("" if v is None else '"' + v.replace('"', '""') + '"' for v in row) + "\n"
            for row in table.rows
        )
        with self.conn.cursor() as cur:
            cur.copy_expert(
                f'copy "{table.schema}"."{table.name}" from stdin with (format csv)',
                io.StringIO(text),
            )


# --- translation -------------------------------------------------------------------------------

Rewrite = Callable[[exp.Expr], exp.Expr]


def _localised(expression: exp.Expr, rewrites: Sequence[Rewrite]) -> exp.Expr:
    """An expression with catalog (database) qualifiers dropped (the local engine has one) and
    the rewrites applied."""
    for table in expression.find_all(exp.Table):
        table.set("catalog", None)
    for rewrite in rewrites:
        expression = expression.transform(rewrite)
    return expression


def translate(sql: str, source: str, engine: str, rewrites: Sequence[Rewrite] = ()) -> list[str]:
    """Compiled SQL of `source`'s dialect as statements `engine` runs (see _localised); a
    construct sqlglot cannot express in `engine` raises."""
    return [
        _localised(statement, rewrites).sql(engine, unsupported_level=ErrorLevel.RAISE)
        for statement in sqlglot.parse(sql, read=source, error_level=ErrorLevel.RAISE)
        if statement is not None
    ]


def translate_condition(sql: str, source: str, engine: str, rewrites: Sequence[Rewrite]) -> str:
    """A boolean expression (an incremental predicate) of `source`'s dialect in `engine`'s."""
    condition = sqlglot.condition(sql, dialect=source)
    return _localised(condition, rewrites).sql(engine, unsupported_level=ErrorLevel.RAISE)


def relation(node: Mapping[str, Any]) -> str:
    """A node's relation as the local engine names it: "schema"."name"."""
    return f'"{node["schema"]}"."{node["alias"] or node["name"]}"'


# --- building the project ----------------------------------------------------------------------


# dbt's run_started_at as ecom.run_started_timestamp() writes it into compiled SQL (the
# refreshed_at of the rows a build writes; to the millisecond, which no other literal has).
RUN_STARTED_LITERAL = re.compile(r"'\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}'")


@dataclass(frozen=True)
class Build:
    """How one target's compiled SQL is executed locally. started_at: when the simulated build
    started, which replaces the compile's run_started_at in the SQL (the compiles run side by
    side and the same compiled SQL is executed by several builds, while the incremental models
    compare refreshed_at across builds)."""

    target: str
    engine: Engine
    rewrites: Sequence[Rewrite]
    started_at: str = ""
    # dbt-athena's answer to TOO_MANY_OPEN_PARTITIONS, its batch path; off, the error stands
    batching: bool = True
    # every write of a partitioned model, in order (PartitionedWrite)
    writes: list[PartitionedWrite] = field(default_factory=list)

    def restarted(self) -> Build:
        """The same target and engine, for a build that starts now."""
        now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")[:23]
        return replace(self, started_at=now)

    def translated(self, sql: str) -> str:
        """One compiled statement in the local engine's SQL."""
        if self.started_at:
            sql = RUN_STARTED_LITERAL.sub(f"'{self.started_at}'", sql)
        source, local = DIALECTS[self.target]
        [statement] = translate(sql, source, local, self.rewrites)
        return statement


def model_order(manifest: Mapping[str, Any]) -> list[str]:
    """Seeds, snapshots and models in dependency order."""
    buildable = {
        uid: node
        for uid, node in manifest["nodes"].items()
        if node["resource_type"] in ("seed", "snapshot", "model")
    }
    graph = {
        uid: [d for d in node["depends_on"].get("nodes", []) if d in buildable]
        for uid, node in buildable.items()
    }
    return list(graphlib.TopologicalSorter(graph).static_order())


def load_seed(build: Build, node: Mapping[str, Any]) -> None:
    """A seed as `dbt seed` loads it: the CSV's columns, the configured column types, text
    otherwise (every seed column of this project that has no column type is text)."""
    path = REPO / node["original_file_path"]
    with path.open(newline="", encoding="utf-8") as handle:
        header, *records = list(csv.reader(handle))
    types = node["config"].get("column_types") or {}
    build.engine.execute(f'create schema if not exists "{node["schema"]}"')
    columns = ", ".join(f'"{c}" {types.get(c, "varchar")}' for c in header)
    build.engine.execute(f"create table {relation(node)} ({columns})")
    for record in records:
        values = ", ".join("null" if v == "" else "'" + v.replace("'", "''") + "'" for v in record)
        build.engine.execute(f"insert into {relation(node)} values ({values})")


def build_snapshot(build: Build, node: Mapping[str, Any], nodes: Mapping[str, Any]) -> None:
    """The snapshot's first build, as dbt's timestamp strategy writes it: every row of its
    relation, valid from its updated_at, open-ended (a run over the same data adds nothing)."""
    [parent] = node["depends_on"]["nodes"]
    key, updated_at = node["config"]["unique_key"], node["config"]["updated_at"]
    build.engine.execute(f'create schema if not exists "{node["schema"]}"')
    build.engine.execute(
        f"create table {relation(node)} as select *, "
        f"md5(coalesce(cast({key} as varchar), '') || '|' || "
        f"coalesce(cast({updated_at} as varchar), '')) as dbt_scd_id, "
        f"{updated_at} as dbt_updated_at, {updated_at} as dbt_valid_from, "
        f"cast(null as timestamp) as dbt_valid_to from {relation(nodes[parent])}"
    )


def contract_ddl(build: Build, node: Mapping[str, Any]) -> str:
    """The column list of a table created from its contract, each declared type in the local
    engine's SQL (the target's type rules applied, see redshift_string_widths)."""
    source, local = DIALECTS[build.target]
    columns = []
    for name, column in node["columns"].items():
        declared = _localised(
            exp.DataType.build(column["data_type"], dialect=source), build.rewrites
        )
        columns.append(f'"{name}" {declared.sql(local, unsupported_level=ErrorLevel.RAISE)}')
    return ", ".join(columns)


def build_model(build: Build, node: Mapping[str, Any]) -> None:
    """A model as its materialization creates it: a view, or a table (first build of an
    incremental model included) with the contract's columns in the contract's order. On
    Redshift a contracted table is created from the contract's column types and the select
    inserted into it, as dbt-redshift does (tests/snapshots/redshift_statements.sql), so a value
    longer than a declared varchar fails the build as it would there."""
    select = build.translated(node["compiled_code"])
    build.engine.execute(f'create schema if not exists "{node["schema"]}"')
    if node["config"]["materialized"] == "view":
        build.engine.execute(f"create view {relation(node)} as {select}")
        return
    if node["config"]["contract"]["enforced"]:
        columns = ", ".join(f'"{c}"' for c in node["columns"])
        select = f"select {columns} from ({select}) as model_subq"
        if build.target == "redshift":
            build.engine.execute(f"create table {relation(node)} ({contract_ddl(build, node)})")
            build.engine.execute(f"insert into {relation(node)} ({columns}) {select}")
            return
    create_table_as(build, node, select)


# --- Athena's 100 open partitions, and dbt-athena's batch path ---------------------------------


class TooManyOpenPartitionsError(Exception):
    """A write of more partitions than Athena allows in one statement: Athena fails it."""


@dataclass(frozen=True)
class PartitionedWrite:
    """One statement that wrote a partitioned model: its kind (ctas, insert, merge), how many
    partitions its rows span, whether it was a batch of dbt-athena's batch path, and whether
    Athena refused it (too many partitions)."""

    model: str
    kind: str
    partitions: int
    batch: bool
    refused: bool = False


def partition_keys(build: Build, node: Mapping[str, Any]) -> list[str]:
    """A model's partitions as dbt-athena selects them (format_one_partition_key: `day(col)`
    is date_trunc('day', col)), in Athena's SQL; none off Athena."""
    if build.target != "athena":
        return []
    from dbt.adapters.athena.impl import AthenaAdapter

    format_key: Callable[[Any, str], str] = AthenaAdapter.format_one_partition_key
    return [format_key(None, key) for key in node["config"].get("partitioned_by") or []]


def partitions_limit(node: Mapping[str, Any]) -> int:
    """The model's partitions per batch (dbt-athena's partitions_limit, at least 1)."""
    return max(1, int(node["config"].get("partitions_limit") or ATHENA_PARTITION_LIMIT))


def write_partitioned(
    build: Build, node: Mapping[str, Any], kind: str, statement: str, rows: str, batch: bool
) -> None:
    """Run a statement writing the rows of `rows` (a query) into a partitioned model, unless
    they span more partitions than Athena allows in one statement: then Athena's error."""
    keys = [
        translate_condition(key, "athena", "duckdb", build.rewrites)
        for key in partition_keys(build, node)
    ]
    [(count,)] = build.engine.query(
        f"select count(*) from (select distinct {', '.join(keys)} from ({rows}) as written) "
        "as partitions"
    )
    written = int(str(count))
    if written > ATHENA_PARTITION_LIMIT:
        build.writes.append(PartitionedWrite(node["name"], kind, written, batch, refused=True))
        raise TooManyOpenPartitionsError(
            f"ICEBERG_TOO_MANY_OPEN_PARTITIONS: Exceeded limit of {ATHENA_PARTITION_LIMIT} open "
            f"writers for partitions: {kind} of {node['name']} writes {written} partitions"
        )
    build.engine.execute(statement)
    build.writes.append(PartitionedWrite(node["name"], kind, written, batch))


# The Athena (agate) type of a partition value, from the local type of the column it is taken
# from: Trino's date_trunc of a date is a date, of a timestamp a timestamp.
PARTITION_VALUE_TYPES = {"DATE": "date", "TIMESTAMP": "timestamp", "VARCHAR": "string"}


def partition_batches(build: Build, node: Mapping[str, Any], table: str) -> list[str]:
    """dbt-athena's get_partition_batches (no bucketing): the table's distinct partitions in
    order, each as `<key>=<literal>` for every key (format_value_for_partition, `is null` for
    none) joined by `and`, then partitions_limit of them at a time joined by `or`; in Athena's
    SQL."""
    from dbt.adapters.athena.impl import AthenaAdapter

    format_value: Callable[[Any, Any, str], tuple[str, str]] = (
        AthenaAdapter.format_value_for_partition
    )
    keys = partition_keys(build, node)
    local = [translate_condition(key, "athena", "duckdb", build.rewrites) for key in keys]
    schema, name = (part.strip('"') for part in table.split("."))
    column_types = {
        str(column): str(data_type)
        for column, data_type in build.engine.query(
            "select column_name, data_type from information_schema.columns "
            f"where table_schema = '{schema}' and table_name = '{name}'"
        )
    }
    types = []
    for key in node["config"]["partitioned_by"]:
        column = re.sub(r"^(hour|day|month|year)\((.+)\)$", r"\2", key, flags=re.I).strip()
        local_type = str(column_types[column]).split("(")[0].upper()
        types.append(PARTITION_VALUE_TYPES.get(local_type, "integer"))
    partitions: list[str] = []
    for row in build.engine.query(
        f"select distinct {', '.join(local)} from {table} order by {', '.join(local)}"
    ):
        conditions = []
        for key, value, value_type in zip(keys, row, types, strict=True):
            if value_type == "date" and isinstance(value, datetime):
                value = value.date()  # DuckDB's date_trunc of a date is a timestamp
            literal, compare = format_value(None, value, value_type)
            conditions.append(f"{key}{compare}{literal}")
        partition = " and ".join(conditions)
        if partition not in partitions:
            partitions.append(partition)
    limit = partitions_limit(node)
    return [" or ".join(partitions[i : i + limit]) for i in range(0, len(partitions), limit)]


def create_table_as(build: Build, node: Mapping[str, Any], select: str) -> None:
    """A table as dbt-athena's safe_create_table_as creates it: one CTAS; refused by Athena for
    too many partitions, its batch path (create_table_as_with_partitions): the rows into a
    table without partitions, then the first batch of partitions by CTAS and each further batch
    by INSERT, the unpartitioned table dropped."""
    target = relation(node)
    if not partition_keys(build, node):
        build.engine.execute(f"create table {target} as {select}")
        return
    try:
        write_partitioned(build, node, "ctas", f"create table {target} as {select}", select, False)
        return
    except TooManyOpenPartitionsError:
        if not build.batching:
            raise
    unpartitioned = f'"{node["schema"]}"."{node["name"]}__tmp_not_partitioned"'
    build.engine.execute(f"drop table if exists {unpartitioned}")
    build.engine.execute(f"create table {unpartitioned} as {select}")
    columns = ", ".join(
        f'"{c}"'
        for c in build.engine.columns(node["schema"], f"{node['name']}__tmp_not_partitioned")
    )
    for number, batch in enumerate(partition_batches(build, node, unpartitioned)):
        where = translate_condition(batch, "athena", "duckdb", build.rewrites)
        rows = f"select {columns} from {unpartitioned} where {where}"
        if number == 0:
            write_partitioned(build, node, "ctas", f"create table {target} as {rows}", rows, True)
        else:
            statement = f"insert into {target} ({columns}) {rows}"
            write_partitioned(build, node, "insert", statement, rows, True)
    build.engine.execute(f"drop table {unpartitioned}")


def build_project(build: Build, compiled: Compiled, raw: Sequence[RawRows]) -> None:
    """Raw tables, then every seed, snapshot and model of a first deployment, in order."""
    build = build.restarted()
    for table in raw:
        build.engine.load(table)
    manifest = compiled.manifest
    nodes = manifest["nodes"]
    for uid in model_order(manifest):
        node = nodes[uid]
        try:
            if node["resource_type"] == "seed":
                load_seed(build, node)
            elif node["resource_type"] == "snapshot":
                build_snapshot(build, node, nodes)
            else:
                build_model(build, node)
        except Exception as error:
            raise AssertionError(f"{build.target}: {node['name']} failed: {error}") from error


def rebuild_model(build: Build, node: Mapping[str, Any]) -> None:
    """A table or view model dropped, with the views over it (a view over a dropped table goes
    with it on PostgreSQL, as dbt's `drop ... cascade` does), and built again."""
    kind = "view" if node["config"]["materialized"] == "view" else "table"
    build.engine.execute(f"drop {kind} if exists {relation(node)} cascade")
    try:
        build_model(build, node)
    except Exception as error:
        raise AssertionError(f"{build.target}: {node['name']}: {error}") from error


def run_daily(build: Build, project: AwsCompile) -> None:
    """A daily run on top of a first deployment, as one dbt build: every model in dependency
    order, the incremental models of INCREMENTAL_MODELS with their incremental SQL
    (run_incremental_model), every table and view rebuilt. The incremental reports are rebuilt
    whole here: their daily SQL deletes superseded keys in a post_hook, and a pre_hook deletes
    qa_rejected_sales' re-decided lines now used; `dbt compile` renders neither
    (tests/snapshots/*_statements.sql hold them, and every statement is parsed there)."""
    build = build.restarted()
    full, incremental = project.full.manifest["nodes"], project.incremental.manifest["nodes"]
    for uid in model_order(project.full.manifest):
        node = full[uid]
        if node["resource_type"] != "model":
            continue
        if node["name"] in INCREMENTAL_MODELS:
            run_incremental_model(build, incremental[uid])
        elif node["config"]["materialized"] in ("table", "view", "incremental"):
            rebuild_model(build, node)


def run_incremental_model(build: Build, node: Mapping[str, Any]) -> None:
    """One incremental model's compiled select into a temporary table, then appended (append),
    its unique keys' rows replaced (delete+insert), or merged on the unique key with the
    model's incremental predicates and, as dbt-athena's Iceberg merge has them, its delete,
    update and insert conditions (merge), as the adapters' strategies do."""
    source, local = DIALECTS[build.target]
    target, staged = relation(node), f'"{node["schema"]}"."{node["name"]}__dbt_tmp"'
    columns = build.engine.columns(node["schema"], node["name"])
    quoted = [f'"{c}"' for c in columns]
    config = node["config"]
    try:
        # dbt-athena creates the staged rows' table without partitions (no limit applies)
        build.engine.execute(f"create table {staged} as {build.translated(node['compiled_code'])}")
        strategy = config["incremental_strategy"]
        if strategy in ("append", "delete+insert"):
            if strategy == "delete+insert":
                key = config["unique_key"]
                build.engine.execute(
                    f'delete from {target} where "{key}" in (select "{key}" from {staged})'
                )
            insert_rows(build, node, staged, quoted)
        else:
            key = config["unique_key"]
            conditions = [f'src."{key}" = target."{key}"'] + [
                translate_condition(predicate, source, local, build.rewrites)
                for predicate in config.get("incremental_predicates") or []
            ]
            # dbt-athena renders these only on Athena; the other adapters ignore them
            athena = build.target == "athena"
            delete, update, insert = (
                config.get(name) if athena else None
                for name in ("delete_condition", "update_condition", "insert_condition")
            )
            merge_part = (
                f"on ({' and '.join(conditions)}) "
                + (f"when matched and ({delete}) then delete " if delete else "")
                + "when matched "
                + (f"and ({update}) " if update else "")
                + "then update set "
                + ", ".join(f"{q} = src.{q}" for q in quoted)
                + " when not matched "
                + (f"and ({insert}) " if insert else "")
                + f"then insert ({', '.join(quoted)}) "
                f"values ({', '.join('src.' + q for q in quoted)})"
            )
            merge_rows(build, node, staged, quoted, merge_part)
        build.engine.execute(f"drop table {staged}")
    except Exception as error:
        raise AssertionError(f"{build.target}: incremental {node['name']}: {error}") from error


def insert_rows(build: Build, node: Mapping[str, Any], staged: str, quoted: list[str]) -> None:
    """The staged rows appended (dbt-athena's incremental_insert); refused by Athena for too
    many partitions, one INSERT per batch of the staged rows' partitions
    (batch_incremental_insert)."""
    target, columns = relation(node), ", ".join(quoted)

    def inserted(rows: str) -> tuple[str, str]:
        return f"insert into {target} ({columns}) {rows}", rows

    write_staged_rows(
        build,
        node,
        staged,
        "insert",
        inserted(f"select {columns} from {staged}"),
        lambda where: inserted(f"select {columns} from {staged} where {where}"),
    )


def merge_rows(
    build: Build, node: Mapping[str, Any], staged: str, quoted: list[str], merge_part: str
) -> None:
    """The staged rows merged (dbt-athena's iceberg_merge); refused by Athena for too many
    partitions, one MERGE per batch of the staged rows' partitions, its source those rows
    (batch_iceberg_merge). The partitions a MERGE writes: those of the rows it inserts or
    updates, and of the target rows it updates or deletes - at most those of the staged rows
    and of the target rows with their keys."""
    target, columns = relation(node), ", ".join(quoted)
    key = node["config"]["unique_key"]

    def merged(source: str) -> tuple[str, str]:
        touched = (
            f"select {columns} from {source} union all select {columns} from {target} "
            f'where "{key}" in (select "{key}" from {source})'
        )
        return f"merge into {target} as target using {source} as src {merge_part}", touched

    write_staged_rows(
        build,
        node,
        staged,
        "merge",
        merged(staged),
        lambda where: merged(f"(select {columns} from {staged} where {where})"),
    )


def write_staged_rows(
    build: Build,
    node: Mapping[str, Any],
    staged: str,
    kind: str,
    whole: tuple[str, str],
    in_batch: Callable[[str], tuple[str, str]],
) -> None:
    """Run `whole` (a statement writing the staged rows, and the query of the rows it writes);
    refused by Athena for too many partitions, one statement per batch of the staged rows'
    partitions instead: in_batch(the batch's condition), as dbt-athena's batch path does."""
    if not partition_keys(build, node):
        build.engine.execute(whole[0])
        return
    try:
        write_partitioned(build, node, kind, *whole, False)
        return
    except TooManyOpenPartitionsError:
        if not build.batching:
            raise
    for batch in partition_batches(build, node, staged):
        where = translate_condition(batch, "athena", "duckdb", build.rewrites)
        write_partitioned(build, node, kind, *in_batch(where), True)


def data_test_failures(build: Build, compiled: Compiled) -> dict[str, int]:
    """Every compiled data test's failures (its fail_calc over the rows it selects)."""
    failures = {}
    for uid, node in compiled.manifest["nodes"].items():
        if node["resource_type"] != "test":
            continue
        try:
            [(count,)] = build.engine.query(
                f"select {node['config']['fail_calc']} from "
                f"({build.translated(node['compiled_code'])}) as dbt_internal_test"
            )
        except Exception as error:
            raise AssertionError(f"{build.target}: test {node['name']}: {error}") from error
        failures[uid] = int(str(count))
    return failures


# --- comparing marts -----------------------------------------------------------------------------


def normalised(value: object, scale: int | None) -> object:
    """A value as compared across engines: numbers as decimals at the column's scale,
    timestamps and dates as ISO text."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float | Decimal):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        return number.quantize(Decimal(1).scaleb(-(scale or 0)))
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def sorted_rows(rows: Sequence[Row], scales: Sequence[int | None]) -> list[Row]:
    """Rows normalised (see normalised) and sorted."""
    return sorted(
        (tuple(normalised(v, s) for v, s in zip(row, scales, strict=True)) for row in rows),
        key=repr,
    )


def mart_nodes(compiled: Compiled) -> dict[str, Mapping[str, Any]]:
    """Every mart and qa model, by its DuckDB-target name (analytics_<schema>.<name>)."""
    return {
        f"analytics_{node['config']['schema']}.{node['name']}": node
        for node in compiled.manifest["nodes"].values()
        if node["resource_type"] == "model" and node["fqn"][1] == "marts"
    }


@dataclass(frozen=True)
class Table:
    """A table's column names and its rows, normalised and sorted."""

    columns: list[str]
    rows: list[Row]


# When the build that last wrote a row started: it differs between any two builds by design
# (conftest.mart_contents leaves it out too), so tables are compared without it.
BUILD_TIME_COLUMN = "refreshed_at"


def read_table(
    query: Callable[[str], list[Row]], schema: str, name: str, scales: Sequence[int | None]
) -> Table:
    """A table's columns but refreshed_at and its rows (sorted_rows) through a query function."""
    columns = [
        str(c)
        for (c,) in query(
            "select column_name from information_schema.columns "
            f"where table_schema = '{schema}' and table_name = '{name}' "
            f"and column_name <> '{BUILD_TIME_COLUMN}' order by ordinal_position"
        )
    ]
    selected = ", ".join(f'"{c}"' for c in columns)
    rows = query(f'select {selected} from "{schema}"."{name}"')
    return Table(columns, sorted_rows(rows, scales))


def column_scales(query: Callable[[str], list[Row]], schema: str, name: str) -> list[int | None]:
    """The scale of each column but refreshed_at (0 for integers, None for non-numbers), in
    order."""
    return [
        None if scale is None else int(str(scale))
        for (scale,) in query(
            "select numeric_scale from information_schema.columns "
            f"where table_schema = '{schema}' and table_name = '{name}' "
            f"and column_name <> '{BUILD_TIME_COLUMN}' order by ordinal_position"
        )
    ]


# --- where sqlglot's translation is not faithful: rewrites (docs/aws.md, "Verified without AWS") --


def trino_to_milliseconds(node: exp.Expr) -> exp.Expr:
    """Trino's to_milliseconds(interval) of a `date - date` (dbt-athena's datediff): DuckDB
    subtracts two dates into a number of days and has no to_milliseconds, so sqlglot's
    translation does not run. The same milliseconds, from the two epochs."""
    if not (isinstance(node, exp.Anonymous) and node.name.lower() == "to_milliseconds"):
        return node
    [argument] = node.expressions
    difference = argument.unnest()
    if not isinstance(difference, exp.Sub):
        raise AssertionError(f"to_milliseconds of something else than a difference: {node}")
    later, earlier = (side.sql("duckdb") for side in (difference.this, difference.expression))
    milliseconds: exp.Expr = sqlglot.parse_one(
        f"cast((epoch(cast({later} as timestamp)) - epoch(cast({earlier} as timestamp)))"
        " * 1000 as bigint)",
        read="duckdb",
    )
    return milliseconds


ATHENA_REWRITES: list[Rewrite] = [trino_to_milliseconds]


def redshift_try_cast(node: exp.Expr) -> exp.Expr:
    """Redshift's try_cast (null when the value does not convert): sqlglot writes a plain
    PostgreSQL cast, which fails the query on the first bad value instead. PostgreSQL has no
    try_cast; the postgres target's ecom_try_cast (macros/hooks/create_udfs.sql) does the
    same, and the outer cast keeps the type's modifiers."""
    if not isinstance(node, exp.TryCast):
        return node
    to = node.args["to"]
    attempt = exp.Anonymous(
        this="ecom_try_cast",
        expressions=[exp.cast(node.this, "text"), exp.cast(exp.null(), to.copy())],
    )
    return exp.cast(attempt, to.copy())


def redshift_regexp_substr(node: exp.Expr) -> exp.Expr:
    """Redshift's regexp_substr(text, pattern), the first match: sqlglot writes
    REGEXP_EXTRACT, which PostgreSQL lacks; PostgreSQL (15+) has regexp_substr, the same."""
    if not isinstance(node, exp.RegexpExtract):
        return node
    if {k for k, v in node.args.items() if v is not None} - {"this", "expression"}:
        raise AssertionError(f"regexp_substr with more arguments than text, pattern: {node}")
    return exp.Anonymous(this="regexp_substr", expressions=[node.this, node.expression])


# Redshift's character types (https://docs.aws.amazon.com/redshift/latest/dg/r_Character_types.html):
# VARCHAR (CHARACTER VARYING, NVARCHAR) without a length is VARCHAR(256), TEXT is converted to
# VARCHAR(256), BPCHAR to CHAR(256), CHAR (NCHAR) without a length is CHAR(1); lengths count
# bytes (up to 4 a character), the widest VARCHAR is 65535. A longer string is not truncated to
# fit a column: the insert fails ("value too long for type character varying(256)",
# r_Examples_with_character_types.html), while an explicit cast to the shorter type cuts it to
# that length. PostgreSQL does both the same (assignment fails, explicit cast truncates) but
# leaves an unbounded varchar/text unbounded, so the rule is applied to the translated SQL
# and the contracts' DDL. Its lengths count characters, not bytes: a value of 257+ characters
# is too long on both, one of fewer characters but more bytes only on Redshift.
# (sqlglot itself reads Redshift's TEXT as unbounded and writes it VARCHAR(MAX).)
REDSHIFT_DEFAULT_LENGTHS = {
    exp.DataType.Type.VARCHAR: ("VARCHAR", 256),
    exp.DataType.Type.NVARCHAR: ("VARCHAR", 256),
    exp.DataType.Type.TEXT: ("VARCHAR", 256),
    exp.DataType.Type.BPCHAR: ("CHAR", 256),
    exp.DataType.Type.CHAR: ("CHAR", 1),
    exp.DataType.Type.NCHAR: ("CHAR", 1),
}


def redshift_string_widths(node: exp.Expr) -> exp.Expr:
    """A character type without a length as Redshift reads it (REDSHIFT_DEFAULT_LENGTHS):
    varchar/text as varchar(256), char as char(1); `max` as the widest (varchar(65535),
    char(4096)), which PostgreSQL does not spell; an explicit length kept."""
    if not isinstance(node, exp.DataType) or node.this not in REDSHIFT_DEFAULT_LENGTHS:
        return node
    name, length = REDSHIFT_DEFAULT_LENGTHS[node.this]
    if not node.expressions:
        return exp.DataType.build(f"{name}({length})")
    if [p.sql().lower() for p in node.expressions] == ["max"]:
        return exp.DataType.build(f"{name}({65535 if name == 'VARCHAR' else 4096})")
    return node


# The widths first: the try_cast rewrite's own `cast(... as text)` is the harness's, not
# Redshift's, and must stay unbounded.
REDSHIFT_REWRITES: list[Rewrite] = [
    redshift_string_widths,
    redshift_try_cast,
    redshift_regexp_substr,
]
