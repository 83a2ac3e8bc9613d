"""`ecom run` end to end on DuckDB: what a new user sees after `make run`."""

from __future__ import annotations

import json
import re

import pytest

from conftest import E2ERun

pytestmark = [pytest.mark.e2e, pytest.mark.fast_dbt]


def test_run_prints_a_summary_with_mart_rows_and_test_results(e2e: E2ERun) -> None:
    out = e2e.first.stdout
    assert "ecom run OK" in out
    for mart in ("fct_sales", "dim_customers", "dim_products", "rpt_daily_sales_summary"):
        assert re.search(rf"^\s+{mart}\s+[\d,]+$", out, re.MULTILINE), out
    tests = re.search(r"tests (\d+) passed, (\d+) warned, (\d+) failed", out)
    assert tests, out
    assert int(tests.group(1)) > 0
    assert tests.group(3) == "0"
    assert "warehouse:" in out
    assert "docs:" in out


def test_run_prints_a_line_per_phase_not_per_file_or_model(e2e: E2ERun) -> None:
    lines = (e2e.first.stdout + e2e.first.stderr).splitlines()
    assert len(lines) < 60, "\n".join(lines)
    err = e2e.first.stderr
    assert re.search(
        r"^\s+sales: 12 files landed \([\d,]+ rows\), 0 already landed, "
        r"0 quarantined$",
        err,
        re.MULTILINE,
    ), err
    assert re.search(r"^\s+dbt: \d+ nodes done$", err, re.MULTILINE), err
    assert "Completed successfully" not in e2e.first.stdout  # dbt's own output: --verbose
    assert not [line for line in err.splitlines() if line.split()[:1] == ["landed"]]


def test_docs_site_is_generated(e2e: E2ERun) -> None:
    assert (e2e.root / "target" / "index.html").is_file()
    assert (e2e.root / "target" / "catalog.json").is_file()


def test_docs_are_generated_again_only_when_the_project_changed(e2e: E2ERun) -> None:
    """The second run builds the same project: catalog.json (the relations and their columns)
    would come out the same, so it skips dbt docs generate and says so."""
    assert "[5/5] dbt docs generate" in e2e.first.stderr
    assert "[5/5] dbt docs: up to date (the project is unchanged)" in e2e.second.stderr
    assert "[5/5] dbt docs generate" not in e2e.second.stderr
    assert "  docs:      " in e2e.second.stdout
    records = sorted(
        (json.loads(p.read_text()) for p in (e2e.lake / "_ops" / "runs").rglob("*.json")),
        key=lambda record: str(record["started_at"]),
    )
    assert [[s["name"] for s in r["steps"]] for r in records] == [
        ["ingest", "dbt_build", "report", "predictions", "docs"],
        ["ingest", "dbt_build", "report", "predictions"],
    ]


def test_lake_uses_the_s3_key_layout(e2e: E2ERun) -> None:
    keys = sorted(p.relative_to(e2e.lake).as_posix() for p in e2e.lake.rglob("*") if p.is_file())
    landing = [k for k in keys if k.startswith("landing/")]
    pattern = re.compile(
        r"^landing/(sales|products|customers)/ingest_date=\d{4}-\d{2}-\d{2}/\d{8}T\d+Z-.+$"
    )
    assert landing and all(pattern.match(k) for k in landing), landing
    assert sum(k.startswith("landing/sales/") for k in landing) == 12
    assert any(k.startswith("landing/products/") and k.endswith(".ndjson") for k in landing)
    assert any(k.startswith("landing/customers/") for k in landing)
    assert any(k.startswith("archive/products/") for k in keys)  # the JSON array as received
    assert any(k.startswith("_manifest/") for k in keys)
    assert any(k.startswith("reports/sales/") and k.endswith("-report.json") for k in keys)
    assert "_state/customers/cursor.json" in keys


def test_second_run_lands_nothing_new_and_marts_are_identical(e2e: E2ERun) -> None:
    # 12 sales files and the catalog again; the customer pull asks only for changes since its
    # cursor, and there are none
    assert re.search(
        r"0 files landed with 0 rows, 13 already landed, 0 quarantined, "
        r"1 API pull with no new records",
        e2e.second.stdout,
    )
    assert e2e.marts_after_second == e2e.marts_after_first
    assert e2e.marts_after_first["analytics_marts.fct_sales"]


def test_every_landed_sales_row_is_kept_or_rejected(e2e: E2ERun) -> None:
    [(landed,)] = e2e.query("select count(*) from analytics_staging.stg_shop__sales")
    [(kept,)] = e2e.query("select count(*) from analytics_marts.fct_sales")
    [(rejected,)] = e2e.query("select count(*) from analytics_qa.qa_rejected_sales")
    assert landed == kept + rejected
    reasons = dict(
        e2e.query("select reject_reason, count(*) from analytics_qa.qa_rejected_sales group by 1")
    )
    # the 8% dirt of the small sample triggers every rule
    assert set(reasons) == {
        "duplicate_row",
        "missing_required_field",
        "unparseable_transaction_date",
        "unparseable_amount",
        "amount_sign_mismatch",
        "zero_quantity",
        "superseded_version",
    }, reasons


def test_unknown_customers_and_products_are_kept_as_inferred_members(e2e: E2ERun) -> None:
    [(orphans,)] = e2e.query(
        "select count(*) from analytics_marts.fct_sales f "
        "join analytics_marts.dim_customers c using (customer_id) where c.is_inferred"
    )
    assert orphans > 0
    [(unknown_products,)] = e2e.query(
        "select count(*) from analytics_marts.dim_products where is_inferred"
    )
    assert unknown_products > 0


def test_unit_tests_run_when_asked_and_daily_runs_leave_them_out(e2e: E2ERun) -> None:
    """`ecom run --unit-tests` (the first e2e run) runs every dbt unit test, and they pass; a
    plain `ecom run` (the second) leaves them out, as dbt recommends for production runs."""
    manifest = json.loads((e2e.root / "target" / "manifest.json").read_text())
    defined = set(manifest["unit_tests"])
    assert len(defined) >= 20
    records = sorted(
        (json.loads(p.read_text()) for p in (e2e.lake / "_ops" / "runs").rglob("*.json")),
        key=lambda record: str(record["started_at"]),
    )
    first, second = (
        {
            r["unique_id"]: r["status"]
            for r in record["dbt_results"]
            if r["resource_type"] == "unit_test"
        }
        for record in records
    )
    assert set(first) == defined and set(first.values()) == {"pass"}
    assert not second


def _build_results(e2e: E2ERun) -> dict[str, str]:
    """The SQL of every data test the e2e's second run (its dbt build) ran, by test name."""
    payload = json.loads((e2e.root / "target" / "run_results.json").read_text())
    return {
        str(r["unique_id"]).split(".")[2]: str(r["compiled_code"])
        for r in payload["results"]
        if str(r["unique_id"]).startswith("test.")
    }


def test_a_daily_runs_tests_check_the_rows_its_build_wrote(e2e: E2ERun) -> None:
    """Both e2e runs are for a Friday, not the weekly full-sweep day (default Sunday): the
    data tests of a model with refreshed_at check the rows of its latest refreshed_at (on a
    first build: every row), a uniqueness test their keys against the whole table, and a
    model without refreshed_at is tested whole."""
    for run in (e2e.first, e2e.second):
        assert (
            "  tests:     the rows this run's build wrote (full sweep: --full-tests, or every "
            "Sunday: ECOM_FULL_TESTS_WEEKDAY)"
        ) in run.stdout
    records = [json.loads(p.read_text()) for p in (e2e.lake / "_ops" / "runs").rglob("*.json")]
    assert [r["test_scope"] for r in records] == ["changed", "changed"]
    sql = _build_results(e2e)
    latest = 'refreshed_at = (select max(refreshed_at) from "ecom"."analytics_marts"."fct_sales")'
    [not_null] = [
        code for name, code in sql.items() if name.startswith("not_null_columns_fct_sales_")
    ]
    assert f"(scoped_rows.{latest} or scoped_rows.refreshed_at is null)" in not_null
    orders = 'refreshed_at = (select max(refreshed_at) from "ecom"."analytics_marts"."fct_orders")'
    unique = sql["unique_fct_orders_transaction_id"]
    assert (
        "scoped_rows.transaction_id in (select changed_rows.transaction_id from" in unique
        and f"changed_rows.{orders}" in unique
    )
    # its own `where` stays, AND-ed with the scope
    [line_keys] = [
        code
        for name, code in sql.items()
        if name.startswith("unique_combination_of_columns_int_sales_validated_")
    ]
    assert "(reject_reason is null) and " in line_keys and "refreshed_at" in line_keys
    assert "refreshed_at" not in sql["unique_dim_date_date_day"]


def test_a_daily_run_keeps_dbts_partial_parse(e2e: E2ERun) -> None:
    """A daily run passes dbt the same --vars as the run before (none), so dbt reuses its
    parsed project: a full sweep's test_scope var is the only change that makes it reparse."""
    logs = sorted((e2e.root / "logs").glob("dbt.log*"), reverse=True)  # dbt.log.1 is older
    events = [
        json.loads(line)["info"]
        for path in logs
        for line in path.read_text().splitlines()
        if line.startswith("{")
    ]
    # the daily run's dbt session parses once, then builds and checks freshness on that parse
    # (ecom/dbt_session.py): its last parse is the one to look at
    parsed = {"PartialParsingEnabled", "UnableToPartialParse"}
    last_parse = next(e["invocation_id"] for e in reversed(events) if e["name"] in parsed)
    names = [e["name"] for e in events if e["invocation_id"] == last_parse]
    assert "PartialParsingEnabled" in names
    assert "UnableToPartialParse" not in names
