"""The dbt project compiled for Athena (Trino) and Redshift, checked offline.

No AWS account is reachable from development or CI, so the proof is: `dbt compile` with dummy
credentials and `--no-populate-cache`, every compiled statement parsed by sqlglot in the engine's
dialect with errors raised and regenerated with unsupported constructs raised, no function sqlglot
does not know for that dialect, and rules for what the engine rejects but a parser lets through.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import sqlglot
from sqlglot import exp
from sqlglot.errors import ErrorLevel

from conftest import REPO, dbt_command

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


INCREMENTAL_MODELS = ("stg_shop__sales", "int_sales_validated", "fct_sales")


@pytest.fixture(scope="module", params=sorted(DIALECTS))
def compiled(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, list[Path]]:
    """(target, compiled .sql files) for one AWS target, compiled offline: the whole project
    as a first deployment builds it, plus the incremental models as a daily run builds them."""
    target = str(request.param)
    files: list[Path] = []
    for incremental, selection in ((False, []), (True, ["--select", *INCREMENTAL_MODELS])):
        out = tmp_path_factory.mktemp(
            f"compile-{target}-{'incremental' if incremental else 'full'}"
        )
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
                    # unit tests run for real on DuckDB and PostgreSQL; compiling them needs a
                    # live connection for column types
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
        files += sorted((out / "compiled" / "ecom").rglob("*.sql"))
        if incremental:  # the merge predicates live in the config, not in the compiled SQL
            manifest = json.loads((out / "manifest.json").read_text())
            node = manifest["nodes"]["model.ecom.fct_sales"]
            predicates = node["config"].get("incremental_predicates") or []
            predicate_file = out / "fct_sales_merge_predicates.sql"
            predicate_file.write_text(
                "".join(f"select 1 from t as target where {p};\n" for p in predicates)
            )
            files.append(predicate_file)
    assert any(f.name == "fct_sales.sql" for f in files), "dbt compile produced no fct_sales"
    return target, files


def dummy_aws_env(target_path: Path) -> dict[str, str]:
    """Credentials that are syntactically valid and reach nothing."""
    import os

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


def test_athena_merge_is_pruned_by_date(compiled: tuple[str, list[Path]]) -> None:
    target, files = compiled
    [predicates] = [f for f in files if f.name == "fct_sales_merge_predicates.sql"]
    if target == "athena":
        assert "target.transaction_date >=" in predicates.read_text()
    else:
        assert predicates.read_text() == ""
