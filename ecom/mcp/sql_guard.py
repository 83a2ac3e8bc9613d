"""Which SQL `ecom mcp` runs: one SELECT over the marts, parsed (sqlglot), never matched as text.

A query is parsed in the target's dialect and refused unless it is exactly one statement whose
root is a query (SELECT, WITH ... SELECT, UNION/INTERSECT/EXCEPT), with nothing inside it (CTEs
and subqueries included) that writes, changes a setting or reads outside the marts: no
INSERT/UPDATE/DELETE/MERGE, DDL, COPY, ATTACH, PRAGMA, SET, SELECT INTO, FOR UPDATE; every
table a relation the dbt manifest lists as a public model (or a CTE of the query); no table
functions (read_csv, read_parquet, glob, generate_series, duckdb_tables(), ...) and no function
that reads files, settings or the system catalog. The query that runs is the user's wrapped in
`select * from (...) limit N+1`, so that the result is capped whatever the query says.

The guard is the first of two walls: the connection it runs on is read-only too
(ecom/mcp/reader.py), with DuckDB's external access (files, ATTACH, extensions) switched off.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError

from ingest.errors import EcomError

# sqlglot warns on stderr when it falls back to an unparsed Command (refused here anyway)
logging.getLogger("sqlglot").setLevel(logging.ERROR)
MAX_SQL_CHARACTERS = 20_000
# dbt adapter type -> sqlglot dialect
DIALECTS = {"duckdb": "duckdb", "postgres": "postgres", "redshift": "redshift", "athena": "athena"}
ALLOWED = (
    "Allowed: one read-only SELECT (WITH, UNION, joins and subqueries are fine) over the marts "
    "that list_marts shows, e.g. `select * from {example} limit 10`."
)

# Statements and clauses that write, change the session or reach outside the query.
_FORBIDDEN_NAMES = (
    "Insert",
    "Update",
    "Delete",
    "Merge",
    "Create",
    "Drop",
    "Alter",
    "TruncateTable",
    "Command",
    "Pragma",
    "Copy",
    "Attach",
    "Detach",
    "Install",
    "LoadData",
    "Set",
    "Use",
    "Transaction",
    "Commit",
    "Rollback",
    "Into",
    "Lock",
    "Grant",
    "Revoke",
    "Comment",
    "Analyze",
    "Export",
    "Refresh",
    "Cache",
    "Uncache",
    "Summarize",
    "Describe",
    "Show",
    "Kill",
    "Declare",
)
FORBIDDEN: tuple[type[exp.Expression], ...] = tuple(
    node for name in _FORBIDDEN_NAMES if isinstance(node := getattr(exp, name, None), type)
)
# Functions that read files, settings, secrets or the system catalog, change state or call
# out: refused by name (as the parser names them), on every engine.
DENIED_FUNCTION_PREFIXES = (
    "read_",
    "glob",
    "getenv",
    "current_setting",
    "set_config",
    "pg_",
    "duckdb_",
    "pragma_",
    "sqlite_",
    "postgres_",
    "mysql_",
    "parquet_",
    "iceberg_",
    "delta_",
    "sniff_",
    "query",
    "load_",
    "install_",
    "lo_",
    "dblink",
    "nextval",
    "setval",
    "currval",
    "txid_",
    "which_secret",
    "has_",
    "inet_",
    "version",
    "current_user",
    "session_user",
    "user",
    "current_schema",
    "current_database",
    "current_catalog",
    "system",
    "file",
    "json_execute",
)


class QueryRefusedError(EcomError):
    """A query `ecom mcp` will not run; the message says why and what is allowed."""


@dataclass(frozen=True, order=True)
class Relation:
    """A table or view the server may read: database (catalog), schema, name, lower case."""

    database: str
    schema: str
    name: str

    def __str__(self) -> str:
        return f"{self.schema}.{self.name}"


@dataclass(frozen=True)
class Scope:
    """The relations a query may read."""

    relations: frozenset[Relation]

    @classmethod
    def of(cls, relations: Iterable[Relation]) -> Scope:
        """A scope over these relations (names compared in lower case)."""
        return cls(
            frozenset(
                Relation(r.database.lower(), r.schema.lower(), r.name.lower()) for r in relations
            )
        )

    @property
    def schemas(self) -> list[str]:
        """The schemas of the relations, sorted."""
        return sorted({r.schema for r in self.relations})

    def example(self) -> str:
        """A relation to show in messages."""
        return str(min(self.relations)) if self.relations else "<schema>.<mart>"

    def named(self, name: str) -> list[Relation]:
        """The relations called `name` in any schema."""
        return sorted(r for r in self.relations if r.name == name)

    def find(self, database: str, schema: str, name: str) -> Relation | None:
        """The relation schema.name (of that database, when one is given), or None."""
        for relation in self.relations:
            if (relation.schema, relation.name) == (schema, name) and database in (
                "",
                relation.database,
            ):
                return relation
        return None


@dataclass(frozen=True)
class GuardedQuery:
    """A query that passed the guard: the SQL to run (row-capped) and what was asked."""

    sql: str
    row_limit: int


def guard(sql: str, kind: str, scope: Scope, row_limit: int) -> GuardedQuery:
    """The SQL to run for `sql` on a `kind` warehouse, capped at row_limit rows (one more is
    fetched to tell a cut result); QueryRefusedError saying why when it may not run."""
    dialect = DIALECTS.get(kind, kind)
    root = parse_one_query(sql, dialect, scope)
    check_query(root, scope)
    limited = exp.select("*").from_(root.subquery("limited_result")).limit(row_limit + 1)
    return GuardedQuery(limited.sql(dialect=dialect), row_limit)


def _refused(reason: str, scope: Scope) -> QueryRefusedError:
    return QueryRefusedError(f"Refused: {reason}. {ALLOWED.format(example=scope.example())}")


def parse_one_query(sql: str, dialect: str, scope: Scope) -> exp.Query:
    """The one query statement of sql; QueryRefusedError for anything else."""
    text = sql.strip()
    if not text:
        raise _refused("the query is empty", scope)
    if len(text) > MAX_SQL_CHARACTERS:
        raise _refused(f"the query is longer than {MAX_SQL_CHARACTERS:,} characters", scope)
    try:
        statements = [s for s in sqlglot.parse(text, read=dialect) if s is not None]
    except (ParseError, TokenError) as error:
        detail = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise _refused(f"it is not valid {dialect} SQL ({detail})", scope) from error
    if len(statements) != 1:
        raise _refused(
            f"it holds {len(statements)} statements; only a single statement is run", scope
        )
    [root] = statements
    if not isinstance(root, exp.Query):
        raise _refused(f"{_statement_name(root)} is not a SELECT; nothing was run", scope)
    return root


def _statement_name(node: exp.Expr) -> str:
    """What a statement is, for messages: its keyword (INSERT, PRAGMA, COPY, ...)."""
    if isinstance(node, exp.Command):
        return str(node.this).split()[0].upper() if node.this else "the statement"
    if isinstance(node, FORBIDDEN):
        return node.key.upper()
    return "the statement"


def _function_name(node: exp.Func) -> str:
    """A function's name as written (anonymous functions) or as sqlglot knows it."""
    if isinstance(node, exp.Anonymous):
        return str(node.name).lower()
    return node.sql_name().lower()


def check_query(root: exp.Query, scope: Scope) -> None:
    """Refuse a query that writes, changes the session or reads outside `scope`; qualify the
    marts it names without a schema (`fct_sales` -> `analytics_marts.fct_sales`)."""
    for node in root.walk():
        if isinstance(node, FORBIDDEN):
            what = "SELECT ... INTO" if isinstance(node, exp.Into) else _statement_name(node)
            if isinstance(node, exp.Lock):
                what = "FOR UPDATE/SHARE"
            raise _refused(f"it contains {what}, which writes or changes the session", scope)
        if isinstance(node, exp.Func):
            name = _function_name(node)
            if name.startswith(DENIED_FUNCTION_PREFIXES):
                raise _refused(
                    f"it calls {name}(), which reads files, settings or the system catalog",
                    scope,
                )
        if isinstance(node, exp.Lateral) and not isinstance(node.this, exp.Subquery):
            raise _refused("it calls a table function in LATERAL", scope)
    ctes = {cte.alias_or_name.lower() for cte in root.find_all(exp.CTE)}
    for table in list(root.find_all(exp.Table)):
        _check_table(table, ctes, scope)


def _check_table(table: exp.Table, ctes: set[str], scope: Scope) -> None:
    """A table reference must be a CTE or a relation of the scope."""
    if not isinstance(table.this, exp.Identifier):
        function = table.this
        name = _function_name(function) if isinstance(function, exp.Func) else table.this.key
        raise _refused(
            f"it reads from the table function {name}(); only the marts can be read", scope
        )
    name, schema, database = (str(part).lower() for part in (table.name, table.db, table.catalog))
    if not schema and not database and name in ctes:
        return
    if schema:
        if scope.find(database, schema, name) is not None:
            return
        written = ".".join(part for part in (database, schema, name) if part)
        if schema not in scope.schemas:
            reason = f"it reads {written}, outside the marts schemas ({', '.join(scope.schemas)})"
        elif scope.find("", schema, name) is not None:
            reason = f"it reads {written}, a database other than the warehouse's"
        else:
            reason = f"{written} is not a mart"
        raise _refused(reason, scope)
    candidates = scope.named(name)
    if len(candidates) != 1:
        found = "is in more than one schema" if candidates else "is not a mart"
        raise _refused(f"{name} {found}; name a mart as schema.table", scope)
    [mart] = candidates
    if database and database != mart.database:
        raise _refused(f"it reads {database}..{name}, a database other than the warehouse's", scope)
    table.set("db", exp.to_identifier(mart.schema))
