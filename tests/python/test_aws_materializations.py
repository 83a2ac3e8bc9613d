"""What dbt-athena and dbt-redshift send for a daily `dbt build`, checked offline.

`dbt build --target athena` and `--target redshift` (unit tests excluded, as `ecom run` does)
run for real with only the DB-API connection replaced by a recording one
(tests/python/aws_statements.py; on Athena, dbt-athena's Glue, S3 and STS calls go to the moto
server, and the workgroup is configured as infra/templates/athena.yaml deploys it: enforced,
results under athena-results/). Two scenarios per target: the first deployment (nothing exists:
create schema, the seeds loaded - on Athena a CSV uploaded to S3, an external table over it and
a CTAS of the typed table; on Redshift `create table` and an insert of the rows -, every model's
CTAS with the Iceberg/Parquet/zstd properties and the partitioning on Athena, `create table ...
diststyle/distkey/sortkey` on Redshift, the snapshot's first build, every data test's query)
and the daily run after it (everything exists: the incremental MERGE with fct_sales' merge
predicates, the Iceberg rename swap of the marts, the append of stg_shop__sales, the snapshot's
update path - its changed versions staged and merged in -, the data tests again).

The stand-ins are as strict as the engines on what this project has got wrong before: Athena
refuses a Hive CTAS naming an external_location in the enforced workgroup and stores one that
names none under athena-results/ (expired after 7 days), and every table must be stored under
the warehouse prefix; Redshift refuses a schema-bound view over a Spectrum table; no statement
or Glue call of a daily run drops a table that holds history (the snapshot, the incremental
models).

Every statement is parsed with sqlglot in the dialect the engine reads it in (Athena: Hive for
its DDL - ALTER, DROP TABLE, CREATE SCHEMA, CREATE EXTERNAL TABLE - and Trino for CTAS, views
and DML; Redshift: redshift), errors raised. The statements, normalised (dbt's query comment
removed, each node's compiled body as a placeholder, uuids, timestamps, temporary suffixes and
the S3 locations of the environment as placeholders, grouped by node; on Athena the Glue table
deletions as comments), are compared with tests/snapshots/athena_statements.sql and
redshift_statements.sql, so a pull request that changes what dbt sends shows the change in
review. When the comparison fails and the change is intended, regenerate them and commit the
result:

    ECOM_UPDATE_SNAPSHOTS=1 pytest -n 0 tests/python/test_aws_materializations.py
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest
import sqlglot
from aws_statements import (
    OPERATIONS,
    S3_DATA_DIR,
    SCENARIOS,
    TARGETS,
    TESTED,
    AthenaWarehouse,
    Capture,
    RedshiftWarehouse,
    RefusedStatementError,
    WorkGroup,
    capture,
    deployed_workgroup,
    dialect_of,
    parse,
    snapshot,
    strip_comments,
)
from sqlglot import exp

from conftest import REPO

pytestmark = [pytest.mark.integration, pytest.mark.slow]

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
        for scenario in (*SCENARIOS, *OPERATIONS)
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
    assert re.match(r"^(alter|create schema|create external table)", flat(dialects["hive"]))


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
    run = captures["athena"]
    created = {
        m.group(1)
        for s in run.statements["first_deployment"]
        if (m := re.match(r"create schema if not exists `(\w+)`", flat(s.sql)))
    }
    needed = {
        node.schema
        for node in run.nodes.values()
        if node.resource_type in ("model", "seed", "snapshot")
    }
    assert needed <= created, needed - created
    assert {
        f"ecom_analytics_{layer}"
        for layer in ("staging", "intermediate", "marts", "qa", "reference", "snapshots")
    } <= created


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
        "stg_lake__landed_files",
        "stg_lake__refused_rows",
        "stg_ops__pipeline_runs",
        "stg_shop__products",
    } <= late_binding


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


@pytest.mark.parametrize("target", TARGETS)
def test_builds_load_every_seed_and_the_snapshot_and_the_daily_one_runs_every_data_test(
    captures: dict[str, Capture], target: str
) -> None:
    run = captures[target]
    expected = {
        uid for uid, node in run.nodes.items() if node.resource_type in ("seed", "snapshot", "test")
    }
    assert sum(uid.startswith("test.") for uid in expected) >= 150  # the project has ~190
    assert {uid.split(".")[0] for uid in expected} == {"seed", "snapshot", "test"}
    for scenario in SCENARIOS:
        sent = {s.connection for s in run.statements[scenario]}
        wanted = {uid for uid in expected if scenario in TESTED or not uid.startswith("test.")}
        assert wanted <= sent, (scenario, sorted(wanted - sent)[:5])
        # each data test that ran sent one query counting its failing rows
        counted = Counter(
            s.connection
            for s in run.statements[scenario]
            if s.connection.startswith("test.") and re.search(r"\bas failures\b", flat(s.sql))
        )
        assert set(counted.values()) <= {1}
        assert set(counted) == {uid for uid in wanted if uid.startswith("test.")}


def seed_rows(name: str) -> int:
    """Rows of a seed's CSV (its header left out)."""
    return len((REPO / "seeds" / f"{name}.csv").read_text().strip().splitlines()) - 1


def test_athena_seed_is_uploaded_and_typed_into_an_iceberg_table(
    captures: dict[str, Capture],
) -> None:
    """dbt-athena uploads the CSV under s3_data_dir, creates an external table over it and
    CTASes the typed table (Iceberg) from it, then drops the external table."""
    run, seed = captures["athena"], "seed.ecom.rfm_segments"
    sent = [flat(s) for s in statements_of(run, "first_deployment", seed)]
    [external] = [s for s in sent if s.startswith("create external table")]
    assert "`rfm_segments__dbt_tmp`" in external
    assert f"location '{S3_DATA_DIR}".lower() in external
    [ctas] = [s for s in sent if s.startswith('create table "awsdatacatalog"')]
    assert '"ecom_analytics_reference"."rfm_segments"' in ctas
    assert "table_type='iceberg'" in ctas
    assert '"ecom_analytics_reference"."rfm_segments__dbt_tmp"' in ctas.split(" as ", 1)[1]
    dropped = [c.table for c in run.api_calls["first_deployment"] if c.connection == seed]
    assert dropped[-1] == "ecom_analytics_reference.rfm_segments__dbt_tmp"


def test_redshift_seed_inserts_every_row_of_its_csv(captures: dict[str, Capture]) -> None:
    for scenario in SCENARIOS:
        sent = statements_of(captures["redshift"], scenario, "seed.ecom.rfm_segments")
        [insert] = [s for s in sent if flat(s).startswith("insert into")]
        # one (%s, ...) tuple per row, its values bound by the driver
        assert len(re.findall(r"\((?:%s,?)+\)", insert)) == seed_rows("rfm_segments")


def created_tables(run: Capture, scenario: str) -> dict[str, str | None]:
    """Every table a scenario's statements created, schema.name -> its data's location."""
    return {f"{t.schema}.{t.name}": t.location for t in run.created[scenario]}


def test_athena_every_table_is_stored_under_the_warehouse_prefix(
    captures: dict[str, Capture],
) -> None:
    """In the deployed workgroup (enforced, results under athena-results/, which the storage
    stack expires after 7 days), a table stored outside s3_data_dir - a Hive CTAS, which may
    not name its location there - would lose its data within a week."""
    workgroup = deployed_workgroup()
    assert workgroup.enforced and workgroup.output_location.endswith("/athena-results/")
    first = created_tables(captures["athena"], "first_deployment")
    for name in (
        "snapshots.snp_shop__customers",
        "reference.reject_reasons",
        "intermediate.int_products_validated",
        "marts.fct_sales",
    ):
        assert f"ecom_analytics_{name}" in first, name
    for scenario in SCENARIOS:
        created = created_tables(captures["athena"], scenario)
        assert len(created) >= 25
        misplaced = {
            table: location
            for table, location in created.items()
            if not (location or "").startswith(S3_DATA_DIR)
        }
        assert not misplaced, f"{scenario}: tables stored outside {S3_DATA_DIR}: {misplaced}"


def test_athena_stand_in_refuses_a_hive_ctas_with_a_location_in_the_enforced_workgroup(
    moto_endpoint: str,
) -> None:
    warehouse = AthenaWarehouse({}, set(), WorkGroup("wg", True, "s3://b/athena-results/"))
    with pytest.raises(RefusedStatementError, match="enforces its query result location"):
        warehouse.execute(
            "model.ecom.x",
            'create table "awsdatacatalog"."s"."x" with (table_type=\'hive\', '
            "is_external=true, external_location='s3://b/warehouse/s/x/1', "
            "format='parquet') as select 1 as a",
        )


def test_athena_snapshot_is_iceberg_and_its_daily_run_merges_the_changed_versions(
    captures: dict[str, Capture],
) -> None:
    node, table = (
        "snapshot.ecom.snp_shop__customers",
        '"ecom_analytics_snapshots"."snp_shop__customers"',
    )
    first = [flat(s) for s in statements_of(captures["athena"], "first_deployment", node)]
    [ctas] = [s for s in first if s.startswith(f'create table "awsdatacatalog".{table}')]
    assert "table_type='iceberg'" in ctas
    daily = [flat(s) for s in statements_of(captures["athena"], "daily_run", node)]
    # the changed versions are staged, then one MERGE closes the old ones and inserts the new
    staged = f'create table "awsdatacatalog".{table[:-1]}__dbt_tmp"'
    assert [s for s in daily if s.startswith("create table")] == [
        s for s in daily if s.startswith(staged)
    ]
    [merge] = [s for s in daily if s.startswith("merge into")]
    assert merge.startswith(f'merge into "awsdatacatalog".{table} as dbt_internal_dest')
    assert "then update set dbt_valid_to = dbt_internal_source.dbt_valid_to" in merge


def test_redshift_snapshot_daily_run_closes_and_inserts_versions_in_place(
    captures: dict[str, Capture],
) -> None:
    sent = [
        flat(s)
        for s in statements_of(
            captures["redshift"], "daily_run", "snapshot.ecom.snp_shop__customers"
        )
    ]
    table = '"dev"."analytics_snapshots"."snp_shop__customers"'
    assert any(s.startswith(f"update {table}") for s in sent)
    assert any(s.startswith(f"insert into {table}") for s in sent)
    assert not any(s.startswith(("drop", f"create table {table}")) for s in sent)


# A statement that drops, replaces, re-creates or renames a relation (its first words).
REMOVES_A_RELATION = re.compile(
    r"^(?P<verb>drop (?:table|view)(?: if exists)?|create or replace \w+|create table|alter table)"
    r" (?P<relation>[^ (]+)(?P<rest>.*)",
    re.S,
)


def tables_with_history(run: Capture) -> set[str]:
    """The snapshot's and the incremental models' tables, as name: what a build cannot
    rebuild from the lake as it was (the snapshot's versions) or should not have to (the
    incremental models' rows)."""
    return {
        node.alias or node.name
        for node in run.nodes.values()
        if node.resource_type == "snapshot"
        or (node.resource_type == "model" and node.config.materialized == "incremental")
    }


@pytest.mark.parametrize("target", TARGETS)
def test_daily_run_drops_no_table_with_history(captures: dict[str, Capture], target: str) -> None:
    """Neither a statement (DROP, CREATE OR REPLACE, a rename away) nor, on Athena, a Glue
    deletion (how dbt-athena drops a table) removes the snapshot or an incremental model's
    table in a daily run: a failure after it would lose what they hold."""
    run = captures[target]
    history = tables_with_history(run)
    assert {"snp_shop__customers", "fct_sales", "int_sales_validated"} <= history
    assert len(history) >= 10
    touched = []
    for statement in run.statements["daily_run"]:
        sql = flat(statement.sql)
        removes = REMOVES_A_RELATION.match(sql)
        if not removes or removes["relation"].rsplit(".", 1)[-1].strip('`"') not in history:
            continue
        if not removes["verb"].startswith("alter") or removes["rest"].startswith(" rename"):
            touched.append(f"{statement.connection}: {sql[:120]}")
    for call in run.api_calls["daily_run"]:
        if call.table.rsplit(".", 1)[-1] in history:
            touched.append(f"{call.connection}: glue.{call.operation} {call.table}")
    assert not touched, "\n".join(touched)


MAINTENANCE = re.compile(r"^(?P<verb>optimize|vacuum) (?P<relation>[\w.\"`]+)(?P<rest>.*)$")


def test_athena_iceberg_maintenance_compacts_and_expires_every_table_with_history(
    captures: dict[str, Capture],
) -> None:
    """`dbt run-operation iceberg_maintenance` (the workflow's Maintain step) after the daily
    build: each table that keeps history between builds is compacted and vacuumed, a table
    partitioned by day or month only over its last 7 days (what bounds OPTIMIZE's bill), and
    the tables every build re-creates are left alone."""
    run = captures["athena"]
    history = tables_with_history(run)
    done: dict[str, dict[str, str]] = {"optimize": {}, "vacuum": {}}
    for statement in run.statements["maintenance"]:
        found = MAINTENANCE.match(flat(statement.sql))
        assert found, statement.sql
        table = found["relation"].rsplit(".", 1)[-1].strip('`"')
        done[found["verb"]][table] = found["rest"].strip()
    assert set(done["optimize"]) == set(done["vacuum"]) == history
    assert done["optimize"]["fct_sales"] == (
        "rewrite data using bin_pack where transaction_date >= current_date - interval '7' day"
    )
    assert done["optimize"]["fct_orders"].endswith(
        "where order_date >= current_date - interval '7' day"
    )
    assert done["optimize"]["snp_shop__customers"] == "rewrite data using bin_pack"
    assert all(rest == "" for rest in done["vacuum"].values())
    assert "dim_customers" not in done["optimize"]


def test_redshift_iceberg_maintenance_sends_nothing(captures: dict[str, Capture]) -> None:
    sent = [flat(s.sql) for s in captures["redshift"].statements["maintenance"]]
    assert sent == ["begin", "commit"]  # dbt's transaction around every run-operation


def test_redshift_stand_in_refuses_a_schema_bound_view_over_a_spectrum_table() -> None:
    warehouse = RedshiftWarehouse({}, set(), frozenset({"ecom_raw"}))
    bound = 'create view "dev"."analytics_staging"."v" as (select * from "dev"."ecom_raw"."sales")'
    with pytest.raises(RefusedStatementError, match="WITH NO SCHEMA BINDING"):
        warehouse.execute("model.ecom.v", bound)
    warehouse.execute("model.ecom.v", f"{bound} with no schema binding")
    # a view over a view of the warehouse's own schemas may be schema-bound
    staging = '"dev"."analytics_staging"'
    warehouse.execute("model.ecom.w", f'create view {staging}."w" as (select * from {staging}."v")')


def test_snapshots_are_in_the_repository() -> None:
    assert {p.name for p in Path(SNAPSHOTS).glob("*_statements.sql")} == {
        f"{t}_statements.sql" for t in TARGETS
    }
