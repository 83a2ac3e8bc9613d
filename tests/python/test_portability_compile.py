"""The dbt project compiled for Athena (Trino) and Redshift, checked offline.

No AWS account is reachable from development or CI, so the proof is: `dbt compile` with dummy
credentials and `--no-populate-cache`, every compiled statement parsed by sqlglot in the engine's
dialect with errors raised and regenerated with unsupported constructs raised, no function sqlglot
does not know for that dialect, and rules for what the engine rejects but a parser lets through.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sqlglot
from aws_sql import REDSHIFT_DEFAULT_LENGTHS, AwsCompile
from sqlglot import exp
from sqlglot.errors import ErrorLevel

pytestmark = pytest.mark.integration

DIALECTS = {"athena": "athena", "redshift": "redshift"}

# Engine functions sqlglot leaves untyped (exp.Anonymous) that the engine really has.
KNOWN_FUNCTIONS: dict[str, set[str]] = {
    "athena": {"to_milliseconds"},  # Trino: interval -> ms (dbt-athena datediff)
    "redshift": set(),
}

# What both engines refuse even though a permissive parse may accept it.
NOT_ON_ATHENA_OR_REDSHIFT: list[tuple[str, re.Pattern[str]]] = [
    ("qualify", re.compile(r"\bqualify\b", re.I)),
    ("group by all", re.compile(r"\bgroup\s+by\s+all\b", re.I)),
    ("DuckDB integer division //", re.compile(r"//")),
    (
        "DuckDB-only function",
        re.compile(
            r"\b(list_transform|string_split|regexp_full_match|strftime|epoch_ms)\s*\(", re.I
        ),
    ),
]
# ... and what each one refuses on top.
REJECTED: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    "athena": [
        *NOT_ON_ATHENA_OR_REDSHIFT,
        ("'::' cast (Trino has only cast())", re.compile(r"::")),
        (
            "string literal compared with a date/timestamp (Trino needs date '...' or a cast)",
            re.compile(
                r"[<>=]=?\s*'\d{4}-\d{2}-\d{2}[^']*'|'\d{4}-\d{2}-\d{2}[^']*'\s*[<>=]", re.I
            ),
        ),
    ],
    "redshift": [
        *NOT_ON_ATHENA_OR_REDSHIFT,
        ("PL/pgSQL UDF (not on Redshift)", re.compile(r"ecom_try_cast|plpgsql", re.I)),
    ],
}


def strip_comments(sql: str) -> str:
    """SQL without -- and /* */ comments, so rules look at code only."""
    sql = re.sub(r"/\*.*?\*/", " ", sql, flags=re.S)
    return re.sub(r"--[^\n]*", " ", sql)


@pytest.fixture(scope="module", params=sorted(DIALECTS))
def compiled(
    request: pytest.FixtureRequest, aws_compiled: dict[str, AwsCompile]
) -> tuple[str, list[Path]]:
    """(target, compiled .sql files) for one AWS target, compiled offline: the whole project
    as a first deployment builds it, plus the incremental models as a daily run builds them."""
    target = str(request.param)
    project = aws_compiled[target]
    files = [*project.full.files, *project.incremental.files]
    # the merge predicates live in the config, not in the compiled SQL
    node = project.incremental.manifest["nodes"]["model.ecom.fct_sales"]
    predicates = node["config"].get("incremental_predicates") or []
    predicate_file = project.incremental.path / "fct_sales_merge_predicates.sql"
    predicate_file.write_text(
        "".join(f"select 1 from t as target where {p};\n" for p in predicates)
    )
    files.append(predicate_file)
    assert any(f.name == "fct_sales.sql" for f in files), "dbt compile produced no fct_sales"
    return target, files


def test_every_model_and_test_compiles_and_parses(compiled: tuple[str, list[Path]]) -> None:
    target, files = compiled
    dialect = DIALECTS[target]
    models = [f for f in files if "/models/" in f.as_posix()]
    assert any(f.name == "fct_sales.sql" for f in models)
    problems = []
    for path in files:
        try:
            statements = sqlglot.parse(path.read_text(), read=dialect, error_level=ErrorLevel.RAISE)
            for statement in statements:
                if statement is None:
                    continue
                statement.sql(dialect, unsupported_level=ErrorLevel.RAISE)
                unknown = {
                    f.name.lower() for f in statement.find_all(exp.Anonymous)
                } - KNOWN_FUNCTIONS[target]
                if unknown:
                    problems.append(f"{path.name}: functions unknown to {dialect}: {unknown}")
        except sqlglot.errors.SqlglotError as error:
            problems.append(f"{path.name}: {str(error)[:300]}")
    assert not problems, "\n".join(problems)


def test_no_construct_the_engine_rejects(compiled: tuple[str, list[Path]]) -> None:
    target, files = compiled
    problems = [
        f"{path.relative_to(path.parents[3])}: {rule}"
        for path in files
        for rule, pattern in REJECTED[target]
        if pattern.search(strip_comments(path.read_text()))
    ]
    assert not problems, "\n".join(problems)


def test_path_pseudo_column_is_read_where_the_table_is_read(
    compiled: tuple[str, list[Path]],
) -> None:
    """ "$path" exists only on the scanned table: a CTE's `select *` does not carry it along."""
    target, files = compiled
    problems = []
    for path in files:
        for statement in sqlglot.parse(path.read_text(), read=DIALECTS[target]):
            if statement is None:
                continue
            ctes = {cte.alias_or_name for cte in statement.find_all(exp.CTE)}
            for column in statement.find_all(exp.Column):
                if column.name != "$path":
                    continue
                select = column.find_ancestor(exp.Select)
                tables = [t.name for t in select.find_all(exp.Table)] if select else []
                if not tables or any(t in ctes for t in tables):
                    problems.append(f'{path.name}: "$path" read from {tables}, not the raw table')
    assert not problems, "\n".join(problems)


def test_athena_merge_is_pruned_by_date(
    compiled: tuple[str, list[Path]], aws_compiled: dict[str, AwsCompile]
) -> None:
    """On Athena fct_sales' MERGE compares only the target partitions (days) of the lines
    int_sales_validated re-decided since fct_sales' last refresh, whatever their date."""
    target, files = compiled
    [predicates] = [f for f in files if f.name == "fct_sales_merge_predicates.sql"]
    if target == "athena":
        text = predicates.read_text()
        assert "target.transaction_date in (select distinct cast(transaction_at as date)" in text
        # rendered when dbt parses the project: it must still name the tables where they are
        nodes = aws_compiled[target].full.manifest["nodes"]
        for name in ("fct_sales", "int_sales_validated"):
            assert f"from {nodes[f'model.ecom.{name}']['relation_name']}" in text, name
    else:
        assert predicates.read_text() == ""


def default_width_types(expression: exp.Expr) -> list[str]:
    """The character types in an expression that have no length (on Redshift varchar(256) or
    char(1): aws_sql.REDSHIFT_DEFAULT_LENGTHS)."""
    return [
        t.this.value.lower()  # not t.sql(): sqlglot writes Redshift's text as varchar(max)
        for t in expression.find_all(exp.DataType)
        if t.this in REDSHIFT_DEFAULT_LENGTHS and not t.expressions
    ]


def test_no_model_or_contract_string_is_cut_at_256_bytes_on_redshift(
    compiled: tuple[str, list[Path]], aws_compiled: dict[str, AwsCompile]
) -> None:
    """Redshift reads varchar/text without a length as varchar(256): a longer value fails the
    insert or is truncated by the cast. Every string type of the compiled models and of the
    marts' contracts has a length there; the other engines keep their unbounded varchar."""
    target, files = compiled
    contracts = {
        f"{node['name']}.{name}": column["data_type"]
        for node in aws_compiled[target].full.manifest["nodes"].values()
        if node["resource_type"] == "model" and node["config"]["contract"]["enforced"]
        for name, column in node["columns"].items()
        if column["data_type"].lower().startswith(("varchar", "text", "char"))
    }
    assert len(contracts) >= 85
    if target == "athena":
        assert set(contracts.values()) == {"varchar"}
        return
    problems = [
        f"contract {column}: {data_type}"
        for column, data_type in contracts.items()
        if default_width_types(exp.DataType.build(data_type, dialect="redshift"))
    ]
    for path in files:
        if "/models/" not in path.as_posix():
            continue
        for statement in sqlglot.parse(path.read_text(), read="redshift"):
            if statement is not None and (found := default_width_types(statement)):
                problems.append(f"{path.name}: {sorted(set(found))}")
    assert not problems, "\n".join(problems)
