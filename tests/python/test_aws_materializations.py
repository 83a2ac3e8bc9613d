"""What dbt-athena and dbt-redshift send besides the model bodies, checked offline.

`dbt run --target athena` and `--target redshift` run for real with only the DB-API
connection replaced by a recording one (tests/python/aws_statements.py; on Athena, dbt-athena's
Glue, S3 and STS calls go to the moto server). Two scenarios per target: the first deployment
(nothing exists: create schema, CTAS with the Iceberg/Parquet/zstd properties and the
partitioning on Athena, `create table ... diststyle/distkey/sortkey` on Redshift) and the daily
run after it (everything exists: the incremental MERGE with fct_sales' merge predicates, the
Iceberg rename swap of the marts, the append of stg_shop__sales). Seeds and snapshots are not
part of `dbt run` and are not captured: a seed's rows would have to be loaded (on Athena an
upload to S3 and an external table), which a recording cursor cannot stand in for.

Every statement is parsed with sqlglot in the dialect the engine reads it in (Athena: Hive for
its DDL - ALTER, DROP TABLE, CREATE SCHEMA - and Trino for CTAS, views and DML; Redshift:
redshift), errors raised. The statements, normalised (dbt's query comment removed, each
model's compiled body as a placeholder, uuids, timestamps, temporary suffixes and the S3
locations of the environment as placeholders, grouped by node), are compared with
tests/snapshots/athena_statements.sql and redshift_statements.sql, so a pull request that
changes what dbt sends shows the change in review. When the comparison fails and the change is
intended, regenerate them and commit the result:

    ECOM_UPDATE_SNAPSHOTS=1 pytest -n 0 tests/python/test_aws_materializations.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import sqlglot
from aws_statements import (
    SCENARIOS,
    TARGETS,
    Capture,
    capture,
    dialect_of,
    parse,
    snapshot,
    strip_comments,
)
from sqlglot import exp

from conftest import REPO

SNAPSHOTS = REPO / "tests" / "snapshots"
UPDATE = os.environ.get("ECOM_UPDATE_SNAPSHOTS") == "1"


@pytest.fixture(scope="module")
def captures(moto_endpoint: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Capture]:
    """Both targets, both scenarios."""
    return {
        target: capture(target, REPO, tmp_path_factory.mktemp(f"aws-{target}"), moto_endpoint)
        for target in TARGETS
    }


def statements_of(run: Capture, scenario: str, node: str) -> list[str]:
    """What one node sent in one scenario."""
    return [s.sql for s in run.statements[scenario] if s.connection == node]


def flat(sql: str) -> str:
    """Lowercase, comments removed, one space between words."""
    return " ".join(strip_comments(sql).lower().split())


@pytest.mark.parametrize("target", TARGETS)
def test_every_statement_parses_in_the_engines_dialect(
    captures: dict[str, Capture], target: str
) -> None:
    problems = []
    distinct = {
        s.sql: f"{scenario} {s.connection}"
        for scenario in SCENARIOS
        for s in captures[target].statements[scenario]
    }
    for sql, sent_by in distinct.items():
        try:
            parse(target, sql)
        except sqlglot.errors.SqlglotError as error:
            problems.append(
                f"{sent_by} ({dialect_of(target, sql)}): {str(error)[:300]}\n{sql[:400]}"
            )
    assert not problems, "\n\n".join(problems)


def test_athena_ddl_goes_to_hive_and_the_rest_to_trino(captures: dict[str, Capture]) -> None:
    dialects = {
        dialect_of("athena", s.sql): s.sql
        for scenario in SCENARIOS
        for s in captures["athena"].statements[scenario]
    }
    assert set(dialects) == {"hive", "trino"}
    assert re.match(r"^(alter|create schema)", flat(dialects["hive"]))


@pytest.mark.parametrize("target", TARGETS)
def test_statements_match_the_reviewed_snapshot(captures: dict[str, Capture], target: str) -> None:
    path = SNAPSHOTS / f"{target}_statements.sql"
    current = snapshot(captures[target])
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(current)
    assert path.exists(), (
        f"{path.relative_to(REPO)} is missing: run `ECOM_UPDATE_SNAPSHOTS=1 pytest -n 0 "
        "tests/python/test_aws_materializations.py` and commit it"
    )
    recorded = path.read_text()
    if recorded != current:
        old, new = recorded.splitlines(), current.splitlines()
        first = next(
            (n for n, (a, b) in enumerate(zip(old, new, strict=False)) if a != b),
            min(len(old), len(new)),
        )
        pytest.fail(
            f"What dbt-{target} sends changed (first difference at line {first + 1} of "
            f"{path.relative_to(REPO)}):\n"
            f"  snapshot: {old[first] if first < len(old) else '<end>'}\n"
            f"  now:      {new[first] if first < len(new) else '<end>'}\n"
            "If the change is intended, regenerate the snapshot and commit it so the review "
            "shows it: ECOM_UPDATE_SNAPSHOTS=1 pytest -n 0 "
            "tests/python/test_aws_materializations.py",
            pytrace=False,
        )


def test_athena_first_deployment_creates_fct_sales_as_a_partitioned_iceberg_table(
    captures: dict[str, Capture],
) -> None:
    [ctas] = [
        sql
        for sql in statements_of(captures["athena"], "first_deployment", "model.ecom.fct_sales")
        if flat(sql).startswith('create table "awsdatacatalog"."ecom_analytics_marts"."fct_sales"')
    ]
    properties = flat(ctas.split(" as\n", 1)[0])
    assert "table_type='iceberg'" in properties
    assert "is_external=false" in properties
    assert "partitioning=array['day(transaction_date)']" in properties
    assert "format='parquet'" in properties
    assert "write_compression='zstd'" in properties
    assert "location='s3://" in properties


def test_athena_first_deployment_creates_every_schema(captures: dict[str, Capture]) -> None:
    created = {
        m.group(1)
        for s in captures["athena"].statements["first_deployment"]
        if (m := re.match(r"create schema if not exists `(\w+)`", flat(s.sql)))
    }
    assert created == {
        f"ecom_analytics_{layer}" for layer in ("staging", "intermediate", "marts", "qa")
    }


def test_athena_daily_run_merges_fct_sales_with_the_projects_merge_predicates(
    captures: dict[str, Capture],
) -> None:
    [merge] = [
        sql
        for sql in statements_of(captures["athena"], "daily_run", "model.ecom.fct_sales")
        if flat(sql).startswith("merge into")
    ]
    tree = parse("athena", merge)[0]
    assert isinstance(tree, exp.Merge)
    target = tree.this
    assert (target.db, target.name) == ("ecom_analytics_marts", "fct_sales")
    on = flat(tree.args["on"].sql("trino"))
    # Iceberg's MERGE has no delete+insert: lines are merged on their key, and a re-decided
    # order's lines that are no longer kept arrive as tombstones (transaction_at null) that the
    # same statement deletes and never inserts
    assert "target.sales_row_id = src.sales_row_id" in on
    merge_sql = flat(merge)
    assert "when matched and (src.transaction_at is null) then delete" in merge_sql
    assert "when not matched and src.transaction_at is not null then insert" in merge_sql
    # only the days of the lines int_sales_validated re-decided since fct_sales' last refresh
    # (whatever their date: no window from the latest date), so the merge prunes to them
    assert "target.transaction_date in (select distinct cast(transaction_at as date) from" in on
    assert "where refreshed_at > (select coalesce(max(refreshed_at)," in on
    assert "date_add" not in on
    # the predicate reads int_sales_validated and the table being merged into, in their own
    # schemas, not namesakes elsewhere
    read = {(t.catalog, t.db, t.name) for t in tree.args["on"].find_all(exp.Table)}
    assert read == {
        (target.catalog, target.db, target.name),
        (target.catalog, "ecom_analytics_intermediate", "int_sales_validated"),
    }


def test_athena_daily_run_merges_int_sales_validated_and_appends_stg_shop_sales(
    captures: dict[str, Capture],
) -> None:
    run = captures["athena"]
    validated = statements_of(run, "daily_run", "model.ecom.int_sales_validated")
    assert any(flat(s).startswith("merge into") for s in validated)
    staged = statements_of(run, "daily_run", "model.ecom.stg_shop__sales")
    assert any(
        flat(s).startswith(
            'insert into "awsdatacatalog"."ecom_analytics_staging"."stg_shop__sales"'
        )
        for s in staged
    )


def test_athena_daily_run_swaps_marts_tables_by_rename(captures: dict[str, Capture]) -> None:
    sent = [flat(s) for s in statements_of(captures["athena"], "daily_run", "model.ecom.dim_date")]
    marts = "ecom_analytics_marts"
    assert any(
        s.startswith(f'create table "awsdatacatalog"."{marts}"."dim_date__ha"') for s in sent
    )
    assert f"alter table `{marts}`.`dim_date__ha` rename to `{marts}`.`dim_date`" in sent


def redshift_dist_sort(sql: str) -> tuple[str | None, list[str]]:
    """The distkey (or diststyle) and sort key columns of a Redshift CREATE TABLE."""
    text = flat(sql)
    dist = re.search(r"diststyle (\w+)(?: distkey \((\w+)\))?", text)
    sort = re.search(r"sortkey\s*\(([^)]*)\)", text)
    style = None if not dist else (dist.group(2) or dist.group(1))
    return style, [c.strip() for c in sort.group(1).split(",")] if sort else []


def test_redshift_views_over_spectrum_tables_are_late_binding(
    captures: dict[str, Capture],
) -> None:
    """Redshift creates a view over an external (Spectrum) table only WITH NO SCHEMA BINDING
    and refuses the statement otherwise; PostgreSQL, standing in for Redshift, accepts both.
    So the stand-in is this check of what dbt sends: every view whose body reads the raw
    schema (the Spectrum external schema of the Glue raw tables) is late-binding."""
    run = captures["redshift"]
    reads_spectrum = re.compile(r'\bfrom\s+("\w+"\.)?"?ecom_raw"?\.', re.IGNORECASE)
    late_binding = set()
    for scenario, statements in run.statements.items():
        for statement in statements:
            sql = flat(statement.sql)
            if not sql.startswith("create view"):
                continue
            body = run.bodies[scenario].get(statement.connection, "")
            if reads_spectrum.search(body) or reads_spectrum.search(sql):
                assert sql.rstrip("; ").endswith("with no schema binding"), (
                    f"{statement.connection} ({scenario}) is a schema-bound view over a Spectrum "
                    "table, which Redshift refuses: give it `bind: false`"
                )
                late_binding.add(statement.connection.rsplit(".", 1)[-1])
    assert {
        "stg_lake__landed_files", "stg_lake__refused_rows", "stg_ops__pipeline_runs",
        "stg_shop__products",
    } <= late_binding  # fmt: skip


def test_redshift_tables_carry_the_configured_dist_and_sort_keys(
    captures: dict[str, Capture],
) -> None:
    """fct_sales: dist customer_id, sort transaction_at; fct_orders: dist customer_id, sort
    order_at (model configs); the dimensions: dist all (dbt_project.yml); no other model sets
    either."""
    run = captures["redshift"]
    expected = {
        "fct_sales": ("customer_id", ["transaction_at"]),
        "fct_orders": ("customer_id", ["order_at"]),
        "dim_customers": ("all", []),
        "dim_products": ("all", []),
        "dim_date": ("all", []),
    }
    found = {}
    for statement in run.statements["first_deployment"]:
        # a table is built as <model>__dbt_tmp and renamed (the keys go with it)
        match = re.match(
            r'create\s+table\s+"dev"\."analytics_\w+"\."(\w+?)(?:__dbt_tmp)?"', flat(statement.sql)
        )
        if match:
            found[match.group(1)] = redshift_dist_sort(statement.sql)
    for model, keys in expected.items():
        assert found.get(model) == keys, model
    others = {model: keys for model, keys in found.items() if model not in expected}
    assert others and all(keys == (None, []) for keys in others.values()), others


def test_redshift_daily_run_replaces_the_lines_of_re_decided_orders(
    captures: dict[str, Capture],
) -> None:
    """delete+insert on transaction_id, in one transaction: a resent order's lines replace its
    old ones as a set, and a line missing from the resend is gone."""
    sent = [
        flat(s) for s in statements_of(captures["redshift"], "daily_run", "model.ecom.fct_sales")
    ]
    [delete] = [s for s in sent if s.startswith('delete from "dev"."analytics_marts"."fct_sales"')]
    assert "transaction_id" in delete
    assert any(s.startswith('insert into "dev"."analytics_marts"."fct_sales"') for s in sent)
    assert not any(s.startswith("merge into") for s in sent)


SCHEMA_QA = {"athena": "ecom_analytics_qa", "redshift": "analytics_qa"}


@pytest.mark.parametrize("target", TARGETS)
def test_daily_run_deletes_the_lines_now_used_then_merges_qa_rejected_sales(
    captures: dict[str, Capture], target: str
) -> None:
    sent = statements_of(captures[target], "daily_run", "model.ecom.qa_rejected_sales")
    [delete] = [i for i, s in enumerate(sent) if flat(s).startswith("delete from")]
    [merge] = [i for i, s in enumerate(sent) if flat(s).startswith("merge into")]
    # the delete runs first, while the table's refreshed_at still marks the previous build
    assert delete < merge
    deleted = parse(target, sent[delete])[0]
    assert (deleted.this.db, deleted.this.name) == (SCHEMA_QA[target], "qa_rejected_sales")
    assert {t.name for t in deleted.find_all(exp.Table)} == {
        "qa_rejected_sales",
        "int_sales_validated",
    }
    assert flat(sent[delete]).endswith("where reject_reason is null)")
    merged = parse(target, sent[merge])[0]
    assert isinstance(merged, exp.Merge)
    assert (merged.this.db, merged.this.name) == (SCHEMA_QA[target], "qa_rejected_sales")


@pytest.mark.parametrize("target", TARGETS)
def test_daily_run_merges_qa_ingest_reconciliation(
    captures: dict[str, Capture], target: str
) -> None:
    sent = statements_of(captures[target], "daily_run", "model.ecom.qa_ingest_reconciliation")
    [merge] = [s for s in sent if flat(s).startswith("merge into")]
    tree = parse(target, merge)[0]
    assert isinstance(tree, exp.Merge)
    assert (tree.this.db, tree.this.name) == (SCHEMA_QA[target], "qa_ingest_reconciliation")
    assert "reconciliation_id" in flat(tree.args["on"].sql())


@pytest.mark.parametrize("target", TARGETS)
def test_both_scenarios_built_every_model(captures: dict[str, Capture], target: str) -> None:
    models = {p.stem for p in (REPO / "models").rglob("*.sql")}
    for scenario in SCENARIOS:
        ran = {
            s.connection.rsplit(".", 1)[-1]
            for s in captures[target].statements[scenario]
            if s.connection.startswith("model.")
        }
        assert ran == models, (scenario, models ^ ran)


def test_snapshots_are_in_the_repository() -> None:
    assert {p.name for p in Path(SNAPSHOTS).glob("*_statements.sql")} == {
        f"{t}_statements.sql" for t in TARGETS
    }
