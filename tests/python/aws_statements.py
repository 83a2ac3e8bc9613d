"""What dbt-athena and dbt-redshift send to the warehouse for `dbt build`, captured offline.

Real `dbt build`s (`dbtRunner`, in this process; unit tests excluded, as `ecom run` excludes
them) with only the DB-API connection replaced: the adapter's `open()` hands dbt a recording
connection whose cursor keeps every statement and answers like a warehouse that holds what the
earlier statements created. Everything above that layer is the adapters' own code: the
materializations of seeds, models and the snapshot, data tests, relation cache, contracts, and
on Athena the boto3 calls to Glue, S3 (a seed's CSV upload included), Athena's workgroup and
STS, which go to the moto server of the test session. So that those calls see what Athena would
have done, the recording Athena cursor applies each DDL statement's effect to the moto Glue
catalog (create/replace/drop/rename a table or view, create a database); the Redshift cursor
keeps an equivalent catalog in memory and answers dbt-redshift's metadata queries
(pg_namespace, information_schema) from it. A relation's columns are its documented columns
(its contract where it has one); a data test finds no failing row.

The stand-ins refuse what the engines refuse, so a change that the real engine would reject
fails the capture:
* Athena runs in a workgroup configured as infra/templates/athena.yaml deploys it (its
  configuration enforced, query results under athena-results/): a Hive CTAS that names an
  external_location is refused, and one that names none is stored where Athena stores it,
  under the workgroup's output location (tables/<query id>/), which the storage stack expires
  after 7 days;
* Redshift refuses a view over an external (Spectrum) table, the dbt sources' schema, unless it
  is late-binding (WITH NO SCHEMA BINDING).

A statement is kept with the connection that sent it: a node's unique id, or dbt's own
connections (`master`, hooks, the schema listings). What dbt-athena does through boto3 rather
than SQL is not a statement; of that, the Glue table deletions (how it drops a table, a
temporary table or an Iceberg backup) are kept beside the statements, as ApiCalls.
"""

from __future__ import annotations

import os
import re
import threading
import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from unittest import mock

import sqlglot
from sqlglot import exp
from sqlglot.errors import ErrorLevel

from ingest.catalog import glue_table_inputs

TARGETS = ("athena", "redshift")
SCENARIOS = ("first_deployment", "daily_run")
# What a daily run builds: seeds, models, the snapshot and data tests (ecom run's dbt build).
BUILD = ["build", "--exclude-resource-type", "unit_test"]
# After the builds, the Iceberg upkeep the deployed workflow runs after the daily build
# (macros/operations/iceberg_maintenance.sql), over what they built.
OPERATIONS = ("maintenance",)
COMMANDS = {
    "first_deployment": BUILD,
    "daily_run": BUILD,
    "maintenance": ["run-operation", "iceberg_maintenance"],
}
# The scenarios whose build runs the data tests. A test sends the same statement after either
# build, so the first deployment leaves them out: they are ~190 of its ~220 nodes.
TESTED = ("daily_run",)

# The environment of a run: dummy credentials, and Athena's S3 locations in the moto server.
BUCKET = "ecom-aws-statements"
S3_DATA_DIR = f"s3://{BUCKET}/warehouse/"
S3_STAGING_DIR = f"s3://{BUCKET}/athena-results/"
WORKGROUP = "ecom-statements"
DUMMY_ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_REGION": "us-east-1",
    "AWS_DEFAULT_REGION": "us-east-1",
    "ECOM_ATHENA_S3_STAGING_DIR": S3_STAGING_DIR,
    "ECOM_ATHENA_S3_DATA_DIR": S3_DATA_DIR,
    "ECOM_ATHENA_SCHEMA": "ecom_analytics",
    "ECOM_ATHENA_WORKGROUP": WORKGROUP,
    "ECOM_REDSHIFT_HOST": "redshift.invalid",
    "ECOM_REDSHIFT_PASSWORD": "dummy",
    "ECOM_REDSHIFT_SCHEMA": "analytics",
    "ECOM_REDSHIFT_DBNAME": "dev",
    "ECOM_REDSHIFT_AUTH_METHOD": "database",
    # one thread: the catalog the recording cursors keep is updated in statement order
    "ECOM_DBT_THREADS": "1",
}


class UnexpectedStatementError(Exception):
    """A statement the capture cannot attribute or parse: the harness must be taught it."""


class RefusedStatementError(Exception):
    """A statement the real engine refuses: the stand-in raises, as the engine would."""


@dataclass(frozen=True)
class Statement:
    """One statement dbt sent, with the connection (node) that sent it; seq orders it among
    the statements and API calls of its run."""

    connection: str
    sql: str
    seq: int = 0


@dataclass(frozen=True)
class ApiCall:
    """A Glue table deletion dbt-athena made through boto3: operation and database.table."""

    connection: str
    operation: str
    table: str
    seq: int = 0


@dataclass(frozen=True)
class CreatedTable:
    """A table a statement created: where the engine stores its data."""

    connection: str
    schema: str
    name: str
    iceberg: bool
    location: str | None


@dataclass(frozen=True)
class Column:
    """A column as the model documents it: name and declared type (None: undeclared)."""

    name: str
    data_type: str | None


@dataclass
class Recorder:
    """Every statement and Glue table deletion of one run, in the order they were made."""

    statements: list[Statement] = field(default_factory=list)
    api_calls: list[ApiCall] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, connection: str, sql: str) -> None:
        """Keep a statement."""
        with self.lock:
            seq = len(self.statements) + len(self.api_calls)
            self.statements.append(Statement(connection, sql, seq))

    def record_call(self, connection: str, operation: str, table: str) -> None:
        """Keep a Glue table deletion."""
        with self.lock:
            seq = len(self.statements) + len(self.api_calls)
            self.api_calls.append(ApiCall(connection, operation, table, seq))


@dataclass(frozen=True)
class Answer:
    """What a cursor returns: column (name, type code) pairs and rows."""

    columns: list[tuple[str, Any]]
    rows: list[tuple[Any, ...]]


NO_ROWS = Answer([], [])


def strip_comments(sql: str) -> str:
    """SQL without -- and /* */ comments."""
    sql = re.sub(r"/\*.*?\*/", " ", sql, flags=re.S)
    return re.sub(r"--[^\n]*", " ", sql)


def leading_words(sql: str, count: int = 4) -> str:
    """The first words of a statement, lowercase, comments removed."""
    return " ".join(strip_comments(sql).lower().split()[:count])


# --- which parser each statement needs ----------------------------------------------------

# Athena routes DDL that has no SELECT in it (ALTER, DROP TABLE, CREATE DATABASE/SCHEMA,
# CREATE EXTERNAL TABLE, MSCK, SHOW, DESCRIBE) to its Hive engine; CTAS, views and DML to Trino.
HIVE_DDL = re.compile(
    r"^(alter |drop table |drop database |drop schema |create (external )?table (?!.*\bas\b)"
    r"|create (database|schema) |msck |show |describe )",
    re.S,
)


def dialect_of(target: str, sql: str) -> str:
    """The sqlglot dialect the engine reads this statement in."""
    if target == "redshift":
        return "redshift"
    flat = " ".join(strip_comments(sql).lower().split())
    return "hive" if HIVE_DDL.match(flat) else "trino"


def parse(target: str, sql: str) -> list[exp.Expr]:
    """The statement parsed in its dialect, errors raised; regenerated with unsupported
    constructs raised, so nothing is dropped silently."""
    dialect = dialect_of(target, sql)
    trees = [
        tree
        for tree in sqlglot.parse(sql, read=dialect, error_level=ErrorLevel.RAISE)
        if tree is not None
    ]
    for tree in trees:
        tree.sql(dialect, unsupported_level=ErrorLevel.RAISE)
    return trees


def table_of(tree: exp.Expr) -> exp.Table | None:
    """The relation a DDL statement creates, drops or alters."""
    target = tree.this
    if isinstance(target, exp.Schema):
        target = target.this
    return target if isinstance(target, exp.Table) else None


# --- the warehouse the recording cursors pretend to be --------------------------------------


@dataclass
class Relation:
    """A relation in the catalog: kind ('table' | 'view'), columns, Athena properties."""

    kind: str
    columns: list[Column]
    iceberg: bool = False
    location: str | None = None


class Warehouse(ABC):
    """A catalog updated by the statements' effects, answering the metadata queries."""

    target = ""

    def __init__(self, node_columns: dict[str, list[Column]], contracted: set[str]) -> None:
        self.node_columns = node_columns
        self.contracted = contracted
        self.created: list[CreatedTable] = []
        self.lock = threading.Lock()

    def execute(self, node: str, sql: str) -> Answer:
        """Apply a statement's effect on the catalog and answer it; a statement the engine
        refuses raises RefusedStatementError."""
        with self.lock:
            trees = []
            if re.match(r"^(create|drop|alter) ", leading_words(sql)):
                # a statement that does not parse is reported by the test, which parses all
                with suppress(sqlglot.errors.SqlglotError):
                    trees = parse(self.target, sql)
            for tree in trees:
                self.apply(node, sql, tree)
            return self.test_answer(node, sql) or self.answer(node, sql)

    def apply(self, node: str, sql: str, tree: exp.Expr) -> None:
        """Change the catalog as the statement would."""
        table = table_of(tree) if isinstance(tree, (exp.Create, exp.Drop, exp.Alter)) else None
        if isinstance(tree, exp.Create) and str(tree.args.get("kind")).upper() in (
            "SCHEMA",
            "DATABASE",
        ):
            self.create_schema(tree.this.db or tree.this.name)
        elif isinstance(tree, exp.Create) and table is not None:
            kind = "view" if str(tree.args.get("kind")).upper() == "VIEW" else "table"
            self.refuse(tree)
            properties = table_properties(tree)
            iceberg = properties.get("table_type", "").lower() == "iceberg"
            location = None if kind == "view" else self.table_location(tree, properties)
            declared = self.declared_columns(tree)
            self.put(
                table.db,
                table.name,
                Relation(
                    kind=kind,
                    columns=declared or self.node_columns.get(node, []),
                    iceberg=iceberg,
                    location=location,
                ),
            )
            if kind == "table":
                self.created.append(CreatedTable(node, table.db, table.name, iceberg, location))
        elif isinstance(tree, exp.Drop) and table is not None:
            if str(tree.args.get("kind")).upper() in ("SCHEMA", "DATABASE"):
                return
            self.drop(table.db, table.name)
        elif isinstance(tree, exp.Alter) and table is not None:
            for action in tree.args.get("actions") or []:
                if isinstance(action, exp.AlterRename):
                    renamed = action.this
                    self.rename(table.db, table.name, renamed.db or table.db, renamed.name)

    def table_location(self, tree: exp.Create, properties: dict[str, str]) -> str | None:
        """Where the engine stores a created table's data (the statement's own location)."""
        return properties.get("location") or properties.get("external_location")

    @staticmethod
    def declared_columns(tree: exp.Create) -> list[Column]:
        """Columns a `create table t (col type, ...)` declares."""
        if not isinstance(tree.this, exp.Schema):
            return []
        return [
            Column(c.name, c.args["kind"].sql() if c.args.get("kind") else None)
            for c in tree.this.expressions
            if isinstance(c, exp.ColumnDef)
        ]

    def contract_answer(self, node: str, sql: str) -> Answer | None:
        """The column types of dbt's empty queries: a contracted model's contract check, the
        snapshot's check of its timestamp columns."""
        flat = " ".join(strip_comments(sql).lower().split())
        is_empty_query = "__dbt_sbq" in flat or re.match(r"^select cast\(null as ", flat)
        if (node in self.contracted or node.startswith("snapshot.")) and is_empty_query:
            return Answer(
                [(c.name, self.type_code(c.data_type)) for c in self.node_columns[node]], []
            )
        return None

    def test_answer(self, node: str, sql: str) -> Answer | None:
        """A data test's result (dbt's test materialization: failures, should_warn,
        should_error): no failing row."""
        flat = " ".join(strip_comments(sql).lower().split())
        if node.startswith("test.") and re.search(r"\bas should_error\b", flat):
            columns = [
                ("failures", self.type_code("bigint")),
                ("should_warn", self.type_code("boolean")),
                ("should_error", self.type_code("boolean")),
            ]
            return Answer(columns, [(0, False, False)])
        return None

    @abstractmethod
    def refuse(self, tree: exp.Create) -> None:
        """Raise RefusedStatementError for a CREATE the engine refuses."""

    @abstractmethod
    def answer(self, node: str, sql: str) -> Answer:
        """The result set of a statement."""

    @abstractmethod
    def type_code(self, data_type: str | None) -> Any:
        """How the driver's cursor.description names a type."""

    @abstractmethod
    def create_schema(self, schema: str) -> None:
        """Create a schema unless it exists."""

    @abstractmethod
    def put(self, schema: str, name: str, relation: Relation) -> None:
        """Create or replace a relation."""

    @abstractmethod
    def drop(self, schema: str, name: str) -> None:
        """Drop a relation if it exists."""

    @abstractmethod
    def rename(self, schema: str, name: str, new_schema: str, new_name: str) -> None:
        """Rename a relation."""


def table_properties(tree: exp.Create) -> dict[str, str]:
    """A CREATE's table properties by lowercase name, values as text: a CTAS's WITH (...)
    (table_type, location, external_location, format, ...), a CREATE EXTERNAL TABLE's
    LOCATION '...' as location."""
    found: dict[str, str] = {}
    properties = tree.args.get("properties")
    for prop in properties.expressions if properties else []:
        value = prop.args.get("value") if isinstance(prop, exp.Property) else None
        if isinstance(prop, exp.LocationProperty):
            found["location"] = prop.this.name
        elif isinstance(prop, exp.FileFormatProperty):
            found["format"] = prop.this.name if prop.this else ""
        elif isinstance(prop, exp.Property) and value is not None:
            found[prop.name.lower()] = value.name if isinstance(value, exp.Literal) else value.sql()
    return found


GLUE_TYPES = {"varchar": "string", "integer": "int", "text": "string"}


def glue_type(data_type: str | None) -> str:
    """The Glue (Hive) type of a declared SQL type; an undeclared column is a string."""
    declared = (data_type or "varchar").lower()
    return GLUE_TYPES.get(declared, declared)


@dataclass(frozen=True)
class WorkGroup:
    """An Athena workgroup's configuration: whether it is enforced on every client, and
    where query results go."""

    name: str
    enforced: bool
    output_location: str


@cache
def deployed_workgroup() -> WorkGroup:
    """The workgroup as infra/templates/athena.yaml configures it, its output location in the
    capture's bucket."""
    from infra_stacks import load_template

    resource = load_template("athena")["Resources"]["WorkGroup"]["Properties"]
    configuration = resource["WorkGroupConfiguration"]
    output = configuration["ResultConfiguration"]["OutputLocation"]
    template = output["Fn::Sub"][0] if isinstance(output, dict) else output
    return WorkGroup(
        WORKGROUP,
        bool(configuration.get("EnforceWorkGroupConfiguration")),
        str(template).replace("${Bucket}", BUCKET),
    )


class AthenaWarehouse(Warehouse):
    """Athena: Glue (on moto) is the catalog; the DDL statements change it as Athena would."""

    target = "athena"

    def __init__(
        self,
        node_columns: dict[str, list[Column]],
        contracted: set[str],
        workgroup: WorkGroup | None = None,
    ) -> None:
        super().__init__(node_columns, contracted)
        import boto3

        self.glue: Any = boto3.client("glue", region_name="us-east-1")
        self.workgroup = workgroup

    def table_location(self, tree: exp.Create, properties: dict[str, str]) -> str | None:
        """A CTAS's data: in its location (Iceberg) or external_location (Hive); in a
        workgroup that enforces its configuration, a Hive CTAS names none and Athena writes
        it under the workgroup's output location, tables/<query id>/
        (docs.aws.amazon.com/athena/latest/ug/ctas-considerations-limitations.html)."""
        given = super().table_location(tree, properties)
        iceberg = properties.get("table_type", "").lower() == "iceberg"
        is_ctas = tree.expression is not None
        if not is_ctas or iceberg or not (self.workgroup and self.workgroup.enforced):
            return given
        if given:
            raise RefusedStatementError(
                f"a CTAS with external_location '{given}' in workgroup {self.workgroup.name}, "
                "which enforces its query result location: Athena fails the query"
            )
        return f"{self.workgroup.output_location}tables/{uuid.uuid4()}/"

    def refuse(self, tree: exp.Create) -> None:
        """Nothing beyond a CTAS's location (table_location)."""

    def answer(self, node: str, sql: str) -> Answer:
        """Contract checks get their columns; everything else an empty result."""
        return self.contract_answer(node, sql) or NO_ROWS

    def type_code(self, data_type: str | None) -> Any:
        """Athena's result metadata names types as SQL types (varchar, decimal(18,2), ...)."""
        return data_type or "varchar"

    def create_schema(self, schema: str) -> None:
        """CREATE SCHEMA IF NOT EXISTS."""
        with suppress(self.glue.exceptions.AlreadyExistsException):
            self.glue.create_database(DatabaseInput={"Name": schema})

    def put(self, schema: str, name: str, relation: Relation) -> None:
        """A Glue table as Athena registers it for a CTAS or a view."""
        columns = [{"Name": c.name, "Type": glue_type(c.data_type)} for c in relation.columns]
        table: dict[str, Any] = {
            "Name": name,
            "TableType": "VIRTUAL_VIEW" if relation.kind == "view" else "EXTERNAL_TABLE",
            "Parameters": {"table_type": "ICEBERG"} if relation.iceberg else {},
            "StorageDescriptor": {"Columns": columns},
        }
        if relation.location:
            table["StorageDescriptor"]["Location"] = relation.location
        try:
            self.glue.create_table(DatabaseName=schema, TableInput=table)
        except self.glue.exceptions.AlreadyExistsException:
            self.glue.update_table(DatabaseName=schema, TableInput=table)

    def drop(self, schema: str, name: str) -> None:
        """DROP TABLE/VIEW IF EXISTS."""
        with suppress(self.glue.exceptions.EntityNotFoundException):
            self.glue.delete_table(DatabaseName=schema, Name=name)

    def rename(self, schema: str, name: str, new_schema: str, new_name: str) -> None:
        """ALTER TABLE ... RENAME TO: the same table under a new name."""
        table = self.glue.get_table(DatabaseName=schema, Name=name)["Table"]
        keep = ("TableType", "Parameters", "StorageDescriptor", "PartitionKeys", "Description")
        table_input = {key: table[key] for key in keep if key in table}
        self.glue.create_table(
            DatabaseName=new_schema, TableInput={"Name": new_name, **table_input}
        )
        self.glue.delete_table(DatabaseName=schema, Name=name)


# redshift_connector's type codes (PostgreSQL OIDs) for the types the contracts declare.
REDSHIFT_OIDS = {
    "varchar": 1043,
    "integer": 23,
    "int": 23,
    "bigint": 20,
    "decimal": 1700,
    "numeric": 1700,
    "date": 1082,
    "timestamp": 1114,
    "boolean": 16,
    "double precision": 701,
}
# information_schema.columns' data_type for the same types.
REDSHIFT_COLUMN_TYPES = {
    "varchar": "character varying",
    "integer": "integer",
    "int": "integer",
    "bigint": "bigint",
    "decimal": "numeric",
    "numeric": "numeric",
    "date": "date",
    "timestamp": "timestamp without time zone",
    "boolean": "boolean",
}


class RedshiftWarehouse(Warehouse):
    """Redshift: an in-memory catalog answering dbt-redshift's metadata queries."""

    target = "redshift"

    def __init__(
        self,
        node_columns: dict[str, list[Column]],
        contracted: set[str],
        external_schemas: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__(node_columns, contracted)
        self.schemas: set[str] = {"public", "information_schema", "pg_catalog"}
        self.relations: dict[tuple[str, str], Relation] = {}
        self.external_schemas = external_schemas

    def refuse(self, tree: exp.Create) -> None:
        """A view over an external (Spectrum) table that is not late-binding: Redshift creates
        one only WITH NO SCHEMA BINDING, as an external table is not in the catalog a bound
        view checks (docs.aws.amazon.com/redshift/latest/dg/r_CREATE_VIEW.html)."""
        if str(tree.args.get("kind")).upper() != "VIEW" or tree.args.get("no_schema_binding"):
            return
        body = tree.expression
        read = sorted(
            {
                f"{t.db}.{t.name}"
                for t in (body.find_all(exp.Table) if body is not None else ())
                if t.db in self.external_schemas
            }
        )
        if read:
            raise RefusedStatementError(
                f"view {table_of(tree)} reads the external (Spectrum) table(s) {', '.join(read)} "
                "and is schema-bound: Redshift creates it only WITH NO SCHEMA BINDING "
                "(dbt-redshift: bind: false)"
            )

    def type_code(self, data_type: str | None) -> Any:
        """redshift_connector's description holds OIDs."""
        base = (data_type or "varchar").lower().split("(")[0].strip()
        return REDSHIFT_OIDS[base]

    def answer(self, node: str, sql: str) -> Answer:
        """pg_backend_pid, schemas, relations and columns from the catalog; contract checks."""
        flat = " ".join(strip_comments(sql).lower().split())
        if flat.startswith("select pg_backend_pid()"):
            return Answer([("pg_backend_pid", 23)], [(4242,)])
        if flat.startswith("select distinct nspname from pg_namespace"):
            return Answer([("nspname", 1043)], [(s,) for s in sorted(self.schemas)])
        if found := re.match(
            r"select count\(\*\) from pg_namespace where nspname = '([^']+)'", flat
        ):
            return Answer([("count", 20)], [(int(found.group(1) in self.schemas),)])
        if "from information_schema.tables" in flat:
            schema = re.search(r"table_schema ilike '([^']+)'", flat)
            assert schema, sql
            rows = [
                ("dev", name, s, relation.kind)
                for (s, name), relation in sorted(self.relations.items())
                if s == schema.group(1)
            ]
            names = ("database", "name", "schema", "type")
            return Answer([(n, 1043) for n in names], rows)
        if 'from information_schema."columns"' in flat:
            name = re.search(r"where table_name = '([^']+)'", flat)
            schema = re.search(r"where table_schema = '([^']+)'", flat)
            assert name, sql
            # a temporary table has no schema: dbt asks by name alone
            relation = self.relations.get((schema.group(1) if schema else "", name.group(1)))
            return Answer(
                [
                    ("column_name", 1043),
                    ("data_type", 1043),
                    ("character_maximum_length", 23),
                    ("numeric_precision", 23),
                    ("numeric_scale", 23),
                ],
                [column_row(c) for c in (relation.columns if relation else [])],
            )
        return self.contract_answer(node, sql) or NO_ROWS

    def create_schema(self, schema: str) -> None:
        """CREATE SCHEMA IF NOT EXISTS."""
        self.schemas.add(schema)

    def put(self, schema: str, name: str, relation: Relation) -> None:
        """CREATE TABLE / CREATE OR REPLACE VIEW."""
        self.relations[(schema, name)] = relation

    def drop(self, schema: str, name: str) -> None:
        """DROP ... IF EXISTS."""
        self.relations.pop((schema, name), None)

    def rename(self, schema: str, name: str, new_schema: str, new_name: str) -> None:
        """ALTER TABLE ... RENAME TO (a Redshift rename stays in its schema)."""
        self.relations[(schema, new_name)] = self.relations.pop((schema, name))


def column_row(column: Column) -> tuple[Any, ...]:
    """A row of information_schema.columns for a documented column."""
    declared = (column.data_type or "varchar").lower()
    base = declared.split("(")[0].strip()
    sizes = [int(n) for n in re.findall(r"\d+", declared)]
    data_type = REDSHIFT_COLUMN_TYPES.get(base, base)
    if data_type == "character varying":
        return (column.name, data_type, sizes[0] if sizes else 256, None, None)
    if data_type == "numeric" and len(sizes) == 2:
        return (column.name, data_type, None, sizes[0], sizes[1])
    return (column.name, data_type, None, None, None)


# --- the recording DB-API connection ------------------------------------------------------


class RecordingCursor:
    """A DB-API cursor that records and answers from the warehouse; for both adapters."""

    def __init__(self, connection: Any, warehouse: Warehouse, recorder: Recorder) -> None:
        self._connection = connection  # dbt's Connection: its name is the running node
        self._warehouse = warehouse
        self._recorder = recorder
        self._answer = NO_ROWS
        self.query: str | None = None
        self.state = "SUCCEEDED"  # AthenaCursor's
        self.data_scanned_in_bytes = 0  # AthenaCursor's

    def execute(self, operation: str, parameters: Any = None) -> RecordingCursor:
        """Record a statement as the driver would send it, and answer it. Bound parameters
        only for a seed's rows (dbt's load_csv_rows: insert ... values (%s, ...)), recorded
        with their placeholders: the rows are the seed's CSV."""
        if parameters:
            placeholders = operation.count("%s")
            if leading_words(operation, 2) != "insert into" or placeholders != len(parameters):
                raise UnexpectedStatementError(
                    f"bound parameters are captured for a seed's insert only: {operation[:200]!r}"
                )
        if self._warehouse.target == "athena":
            from dbt.adapters.athena.connections import AthenaParameterFormatter

            operation = AthenaParameterFormatter().format(operation, None)
        self.query = operation
        self._recorder.record(str(self._connection.name), operation)
        self._answer = self._warehouse.execute(str(self._connection.name), operation)
        return self

    @property
    def description(self) -> list[tuple[Any, ...]] | None:
        """Column (name, type code) pairs padded to the DB-API's seven fields."""
        if not self._answer.columns:
            return None
        return [(name, code, None, None, None, None, None) for name, code in self._answer.columns]

    @property
    def rowcount(self) -> int:
        """Rows returned (-1 for statements without a result set)."""
        return len(self._answer.rows) if self._answer.columns else -1

    def fetchall(self) -> list[tuple[Any, ...]]:
        """Every row."""
        return list(self._answer.rows)

    def fetchmany(self, size: int | None = None) -> list[tuple[Any, ...]]:
        """The first rows."""
        return list(self._answer.rows if size is None else self._answer.rows[:size])

    def fetchone(self) -> tuple[Any, ...] | None:
        """The first row."""
        return self._answer.rows[0] if self._answer.rows else None

    def close(self) -> None:
        """Nothing to release."""

    def cancel(self) -> None:
        """Nothing runs."""

    def __enter__(self) -> RecordingCursor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class RecordingConnection:
    """The DB-API connection dbt gets; on Athena it keeps the real connection's boto3 session
    (dbt-athena calls Glue, S3 and STS through it)."""

    def __init__(
        self, connection: Any, warehouse: Warehouse, recorder: Recorder, real: Any = None
    ) -> None:
        self._connection = connection
        self._warehouse = warehouse
        self._recorder = recorder
        self.autocommit = True
        if real is not None:
            self.session = real.session
            self.region_name = real.region_name

    def cursor(self) -> RecordingCursor:
        """A new recording cursor."""
        return RecordingCursor(self._connection, self._warehouse, self._recorder)

    def commit(self) -> None:
        """Nothing to commit."""

    def rollback(self) -> None:
        """Nothing to roll back."""

    def close(self) -> None:
        """Nothing to close."""

    def cancel(self) -> None:
        """Nothing runs."""


# The Glue calls by which dbt-athena drops a table (drop_relation, delete_from_glue_catalog).
GLUE_DELETIONS = ("DeleteTable", "BatchDeleteTable")


class ReusedClients:
    """A boto3 session that makes each client (service, region) once and then reuses it; a
    Glue client tells on_deletion of each table it is asked to delete."""

    def __init__(self, session: Any, on_deletion: Callable[[str, str], None]) -> None:
        self._session = session
        self._on_deletion = on_deletion
        self._made: dict[tuple[str, str, str], Any] = {}
        self._lock = threading.Lock()

    def _once(self, kind: str, service: str, **kwargs: Any) -> Any:
        key = (kind, service, str(kwargs.get("region_name")))
        with self._lock:
            if key not in self._made:
                made = getattr(self._session, kind)(service, **kwargs)
                if (kind, service) == ("client", "glue"):
                    for operation in GLUE_DELETIONS:
                        made.meta.events.register(
                            f"provide-client-params.glue.{operation}", self._deleting
                        )
                self._made[key] = made
            return self._made[key]

    def _deleting(self, params: dict[str, Any], model: Any, **_: Any) -> None:
        """botocore's hook before a Glue deletion is sent: its tables, as database.table."""
        names = [params["Name"]] if "Name" in params else params.get("TablesToDelete", [])
        for name in names:
            self._on_deletion(model.name, f"{params['DatabaseName']}.{name}")

    def client(self, service: str, **kwargs: Any) -> Any:
        """A boto3 client, made on first use."""
        return self._once("client", service, **kwargs)

    def resource(self, service: str, **kwargs: Any) -> Any:
        """A boto3 resource, made on first use."""
        return self._once("resource", service, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._session, name)


@contextmanager
def recording_connections(warehouse: Warehouse, recorder: Recorder) -> Iterator[None]:
    """Every connection dbt opens for the warehouse's adapter records into the recorder."""
    if warehouse.target == "athena":
        from dbt.adapters.athena.connections import AthenaConnection, AthenaConnectionManager

        manager: Any = AthenaConnectionManager
    else:
        from dbt.adapters.redshift.connections import RedshiftConnectionManager

        manager = RedshiftConnectionManager

    sessions: list[Any] = []
    # each thread's dbt connection: dbt renames it for the node the thread runs
    by_thread: dict[int, Any] = {}

    def deleted(operation: str, table: str) -> None:
        connection = by_thread.get(threading.get_ident())
        recorder.record_call(str(connection.name if connection else None), operation, table)

    def open_recording(cls: Any, connection: Any) -> Any:
        by_thread[threading.get_ident()] = connection
        if connection.state == "open":
            return connection
        real = None
        if warehouse.target == "athena":
            real = AthenaConnection(connection.credentials)
            # one session whose clients are made once: dbt-athena makes a boto3 client per
            # call, which alone took most of a capture's time
            if not sessions:
                sessions.append(ReusedClients(real.session, deleted))
            real.session = sessions[0]
        connection.handle = RecordingConnection(connection, warehouse, recorder, real)
        connection.state = "open"
        return connection

    with mock.patch.object(manager, "open", classmethod(open_recording)):
        yield


# --- one capture: parse, then the two runs ------------------------------------------------


@dataclass(frozen=True)
class Capture:
    """What each scenario of one target sent: statements, Glue table deletions, the tables
    it created; the nodes' compiled bodies; the manifest's nodes."""

    target: str
    statements: dict[str, list[Statement]]
    api_calls: dict[str, list[ApiCall]]
    created: dict[str, list[CreatedTable]]
    bodies: dict[str, dict[str, str]]  # scenario -> node -> compiled code
    nodes: dict[str, Any]  # unique id -> the manifest's node


def documented_columns(manifest: Any) -> tuple[dict[str, list[Column]], set[str]]:
    """Each model's, seed's and snapshot's documented columns, and the models whose contract
    is enforced."""
    columns: dict[str, list[Column]] = {}
    contracted: set[str] = set()
    for unique_id, node in manifest.nodes.items():
        if node.resource_type not in ("model", "seed", "snapshot"):
            continue
        columns[unique_id] = [Column(c.name, c.data_type) for c in node.columns.values()]
        if node.resource_type == "model" and node.contract.enforced:
            contracted.add(unique_id)
    return columns, contracted


@contextmanager
def environment(values: dict[str, str]) -> Iterator[None]:
    """os.environ with values set, restored afterwards (dbt reads env vars in-process)."""
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def prepare_moto(endpoint: str) -> WorkGroup:
    """The S3 bucket Athena's locations point into, the deployed workgroup, and no Glue
    database of the project's schemas: the moto server lives for the test session, and the
    first deployment must find nothing."""
    import boto3

    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    if BUCKET not in {b["Name"] for b in s3.list_buckets().get("Buckets", [])}:
        s3.create_bucket(Bucket=BUCKET)
    workgroup = deployed_workgroup()
    athena = boto3.client("athena", endpoint_url=endpoint, region_name="us-east-1")
    if workgroup.name not in {w["Name"] for w in athena.list_work_groups()["WorkGroups"]}:
        athena.create_work_group(
            Name=workgroup.name,
            Configuration={
                "ResultConfiguration": {"OutputLocation": workgroup.output_location},
                "EnforceWorkGroupConfiguration": workgroup.enforced,
            },
        )
    glue = boto3.client("glue", endpoint_url=endpoint, region_name="us-east-1")
    for database in glue.get_databases()["DatabaseList"]:
        if database["Name"].startswith(DUMMY_ENV["ECOM_ATHENA_SCHEMA"]):
            for table in glue.get_tables(DatabaseName=database["Name"])["TableList"]:
                glue.delete_table(DatabaseName=database["Name"], Name=table["Name"])
            glue.delete_database(Name=database["Name"])
    return workgroup


def capture(target: str, repo: Path, work: Path, moto_endpoint: str | None) -> Capture:
    """`dbt build --target <target>` twice against a recording connection: the first
    deployment (nothing exists; its data tests left out, see TESTED) and the daily run after
    it (everything the first one created exists, so the incremental models and the snapshot
    take their update path); then `dbt run-operation iceberg_maintenance` over what they
    built."""
    from dbt.artifacts.schemas.run import RunExecutionResult
    from dbt.cli.main import dbtRunner
    from dbt.contracts.graph.manifest import Manifest

    env = {
        **DUMMY_ENV,
        "DBT_PROFILES_DIR": str(repo / "profiles"),
        "DBT_LOG_PATH": str(work / "logs"),
    }
    if moto_endpoint:
        env["AWS_ENDPOINT_URL"] = moto_endpoint
    # no log file (writing and scrubbing each event's line took a third of the capture) and no
    # artifacts (the results are read from dbtRunner's return value)
    common = [
        "--target",
        target,
        "--target-path",
        str(work / "target"),
        "--quiet",
        "--log-level-file",
        "none",
        "--no-write-json",
    ]
    statements: dict[str, list[Statement]] = {}
    api_calls: dict[str, list[ApiCall]] = {}
    created: dict[str, list[CreatedTable]] = {}
    bodies: dict[str, dict[str, str]] = {}
    cwd = Path.cwd()
    with ExitStack() as stack:
        stack.enter_context(environment(env))
        os.chdir(repo)
        stack.callback(os.chdir, cwd)
        workgroup = None
        if target == "athena":
            assert moto_endpoint, "Athena's capture needs the moto server (Glue, S3, STS)"
            workgroup = prepare_moto(moto_endpoint)
        parsed = dbtRunner().invoke(["parse", *common])
        if not parsed.success:
            raise UnexpectedStatementError(
                f"dbt parse --target {target} failed: {parsed.exception}"
            )
        manifest = parsed.result
        assert isinstance(manifest, Manifest)
        columns, contracted = documented_columns(manifest)
        # the sources that are the lake's tables in Glue: Spectrum's external schema on Redshift
        in_glue = glue_table_inputs(f"s3://{BUCKET}/lake")
        external = frozenset(s.schema for s in manifest.sources.values() if s.name in in_glue)
        warehouse: Warehouse = (
            AthenaWarehouse(columns, contracted, workgroup)
            if target == "athena"
            else RedshiftWarehouse(columns, contracted, external)
        )
        for scenario in (*SCENARIOS, *OPERATIONS):
            recorder = Recorder()
            first_created = len(warehouse.created)
            untested = (
                []
                if scenario in TESTED or COMMANDS[scenario] != BUILD
                else ["--exclude-resource-type", "test"]
            )
            with recording_connections(warehouse, recorder):
                result = dbtRunner(manifest=manifest).invoke(
                    [*COMMANDS[scenario], *untested, *common]
                )
            results = result.result.results if isinstance(result.result, RunExecutionResult) else []
            failures = [
                f"{r.node.unique_id}: {r.message}"
                for r in results
                if str(r.status).split(".")[-1].lower() not in ("success", "pass", "no-op")
            ]
            if not result.success or failures:
                raise UnexpectedStatementError(
                    f"dbt build --target {target} ({scenario}) failed: "
                    + ("; ".join(failures) or repr(result.exception))
                )
            statements[scenario] = recorder.statements
            api_calls[scenario] = recorder.api_calls
            created[scenario] = warehouse.created[first_created:]
            bodies[scenario] = {
                r.node.unique_id: str(getattr(r.node, "compiled_code", ""))
                for r in results
                if getattr(r.node, "compiled_code", None)
            }
    return Capture(target, statements, api_calls, created, bodies, dict(manifest.nodes))


# --- the snapshot ---------------------------------------------------------------------------

UUID = re.compile(r"[0-9a-f]{8}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{12}", re.I)
TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?(\+00:00|Z)?")
QUERY_COMMENT = re.compile(r"(--\s*)?/\*\s*\{\"app\": \"dbt\".*?\}\s*\*/\n?", re.S)
TMP_SUFFIX = re.compile(r"__dbt_tmp\d{6,}")
# persist_docs' `comment on ... is $dbt_comment_literal_block$<text>$dbt_comment_literal_block$`:
# the statement is the materialization's, the text is the yml description (reviewed in its own
# diff), so a reworded description does not change the snapshot.
COMMENT_TEXT = re.compile(r"\$dbt_comment_literal_block\$.*?\$dbt_comment_literal_block\$", re.S)


# dbt-redshift's metadata queries (~100 lines each for a relation's columns), one line each in
# the snapshot; the test still parses their full text.
METADATA_QUERIES = [
    (
        re.compile(
            r'from information_schema\."columns"\s+where table_name = \'(\w+)\''
            r"(?:.*?where table_schema = '(\w+)')?",
            re.S,
        ),
        "columns of {1}.{0}",
    ),
    (
        re.compile(r"from information_schema\.tables\s+where table_schema ilike '(\w+)'", re.S),
        "relations in {0}",
    ),
]


def normalise(sql: str, bodies: dict[str, str]) -> str:
    """A statement as the snapshot shows it: no dbt query comment, each model's compiled body
    replaced by a placeholder (the bodies are test_portability_compile.py's), persisted
    descriptions' text, and uuids,
    timestamps, temporary suffixes and the S3 locations of the environment as placeholders."""
    text = QUERY_COMMENT.sub("", sql)
    for pattern, label in METADATA_QUERIES:
        if found := pattern.search(text):
            described = label.format(*(g or "<temporary>" for g in found.groups()))
            text = f"/* dbt metadata query: {described} */"
            break
    for unique_id, body in sorted(bodies.items(), key=lambda item: -len(item[1])):
        placeholder = f"<compiled code of {unique_id}>"
        for variant in {body.strip(), body.strip().replace("\n\n    ", "\n")}:
            if len(variant) > 40:
                text = text.replace(variant, placeholder)
    text = text.replace(S3_DATA_DIR, "<s3_data_dir>/").replace(S3_STAGING_DIR, "<s3_staging_dir>/")
    text = COMMENT_TEXT.sub("<description from the yml>", text)
    text = UUID.sub("<uuid>", text)
    text = TIMESTAMP.sub("<timestamp>", text)
    text = TMP_SUFFIX.sub("__dbt_tmp<suffix>", text)
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return "\n".join(line for line in lines if line.strip())


def snapshot(capture: Capture) -> str:
    """The snapshot file of one target: per scenario, each connection's statements and Glue
    table deletions in the order made, connections in name order."""
    out = [
        f"-- Statements dbt-{capture.target} sends for `{' '.join(BUILD)} --target "
        f"{capture.target}`, captured offline",
        "-- (tests/python/aws_statements.py), and on Athena the Glue table deletions made "
        "through boto3.",
        "-- Regenerate: ECOM_UPDATE_SNAPSHOTS=1 pytest tests/python/test_aws_materializations.py",
    ]
    for scenario in (*SCENARIOS, *OPERATIONS):
        by_connection: dict[str, list[tuple[int, str]]] = {}
        for statement in capture.statements[scenario]:
            sql = normalise(statement.sql, capture.bodies[scenario])
            by_connection.setdefault(statement.connection, []).append(
                (statement.seq, f"{sql.rstrip(';')};")
            )
        for call in capture.api_calls[scenario]:
            by_connection.setdefault(call.connection, []).append(
                (call.seq, f"-- boto3 glue.{call.operation} {call.table}")
            )
        out.append(f"\n-- ======== scenario: {scenario} ========")
        for connection in sorted(by_connection):
            out.append(f"\n-- ---- {connection}")
            out.extend(text for _, text in sorted(by_connection[connection]))
    return "\n".join(out) + "\n"
