"""Real shops' exports, landed through a mapping file alone, give the figures of the raw file.

Two exports are landed with `ecom ingest sales --mapping`, then one `ecom run --inbox` builds:
- tests/data/real/complete_journey: a CC0 extract of a real grocer's transaction lines (baskets
  of up to 72 lines), mapped by renames alone;
- an invoice-lines ledger export generated in the shape real ERP exports have (credit notes,
  guests without a customer id, float-formatted ids, postage and charges as product codes, UK
  local times, unit prices; tests/python/invoice_export.py), with the mapping a shop owner
  would write (tests/data/generated/invoice_ledger.mapping.yml).
The inbox of the run holds a third file whose dates are not the contract's: every line is
rejected, so the run ends with exit 3, one line naming the file, the reason and the likely
cause, and an alert; the marts are still built from the valid rows.
The marts are compared, to the cent, with tests/python/real_exports.py: the same definitions
applied to the raw files with csv and Decimal, not through the mapping or the models.
"""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import duckdb
import pytest
from invoice_export import write_invoice_export
from real_exports import EXPORTS, REAL_DATA, expected_figures

from conftest import REPO, isolated_env, run_ecom

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

COMPLETE_JOURNEY = REAL_DATA / "complete_journey"
INVOICE_MAPPING = REPO / "tests" / "data" / "generated" / "invoice_ledger.mapping.yml"
RUN_DAY = date(2026, 11, 20)
# A contract file whose dates are day.month.year: no line can be read.
MISDATED = "transaction_id,customer_id,product_id,quantity,amount,transaction_date\n" + "".join(
    f"X{n},C1,P1,1,9.99,{n % 28 + 1:02d}.10.2026 10:00:00\n" for n in range(40)
)
DAILY_COLUMNS = (
    "gross_sales",
    "discounts",
    "returns",
    "net_sales",
    "total_sales",
    "guest_net_sales",
    "order_count",
    "avg_order_value",
)
EXPECTED_KEYS = {"order_count": "orders"}


class _Receiver(BaseHTTPRequestHandler):
    bodies: ClassVar[list[dict[str, Any]]]

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        self.bodies.append(json.loads(self.rfile.read(length)))
        self.send_response(200)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        return


@dataclass(frozen=True)
class Landed:
    """The run's exit code and output, the warehouse, the alerts and the expected figures."""

    returncode: int
    stdout: str
    warehouse: Path
    alerts: list[dict[str, Any]]
    expected: dict[str, dict[str, Any]]  # export name -> expected_figures
    years: dict[str, int]  # export name -> the year its orders are in


@pytest.fixture(scope="module")
def landed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Landed]:
    root = tmp_path_factory.mktemp("real")
    env = isolated_env(root)
    Path(env["ECOM_DUCKDB_PATH"]).parent.mkdir(parents=True)
    invoices = write_invoice_export(root / "exports" / "invoices_2018.csv")
    cj_file = COMPLETE_JOURNEY / "transactions_2017q1.csv"
    for export, mapping in (
        (cj_file, COMPLETE_JOURNEY / "mapping.yml"),
        (invoices, INVOICE_MAPPING),
    ):
        ingest = run_ecom(["ingest", "sales", str(export), "--mapping", str(mapping)], env)
        assert ingest.returncode == 0, ingest.stdout + ingest.stderr
    inbox = root / "inbox" / "sales"
    inbox.mkdir(parents=True)
    (inbox / f"sales_{RUN_DAY}.csv").write_text(MISDATED)
    handler = type("Receiver", (_Receiver,), {"bodies": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        run = run_ecom(
            ["run", "--inbox", str(root / "inbox"), "--date", str(RUN_DAY), "--no-docs"],
            {**env, "ECOM_ALERT_WEBHOOK_URL": f"http://127.0.0.1:{server.server_address[1]}/"},
        )
    finally:
        server.shutdown()
        server.server_close()
    yield Landed(
        run.returncode,
        run.stdout + run.stderr,
        Path(env["ECOM_DUCKDB_PATH"]),
        handler.bodies,
        {
            "complete_journey": expected_figures(cj_file, EXPORTS["complete_journey"]),
            "invoice_ledger": expected_figures(invoices, EXPORTS["invoice_ledger"]),
        },
        {"complete_journey": 2017, "invoice_ledger": 2018},
    )


def query(warehouse: Path, sql: str) -> list[dict[str, Any]]:
    """Rows of a query on the built warehouse, by column name."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        cursor = con.execute(sql)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def daily_rows(landed: Landed, year: int) -> dict[date, dict[str, Any]]:
    rows = query(
        landed.warehouse,
        "select * from analytics_marts.rpt_daily_sales_summary "
        f"where extract(year from sales_date) = {year}",
    )
    return {row["sales_date"]: row for row in rows}


def test_an_implausible_file_ends_the_run_with_exit_3_naming_it(landed: Landed) -> None:
    assert landed.returncode == 3, landed.stdout
    [line] = [x for x in landed.stdout.splitlines() if x.startswith("ecom: sales_")]
    assert "over the 20% threshold" in line
    assert f"sales_{RUN_DAY}.csv: 100.0% of its 40 sales rows rejected" in line
    assert "unparseable_transaction_date 40" in line
    assert "datetime_format in a mapping file" in line  # the likely cause and what to do
    [alert] = landed.alerts
    assert "most of a file was rejected" in json.dumps(alert)
    # the marts are built from the valid rows all the same
    assert daily_rows(landed, 2018) and daily_rows(landed, 2017)


@pytest.mark.parametrize("export", ["complete_journey", "invoice_ledger"])
def test_every_day_equals_the_raw_file_to_the_cent(landed: Landed, export: str) -> None:
    expected = landed.expected[export]["daily"]
    shown = daily_rows(landed, landed.years[export])
    assert shown.keys() == expected.keys()
    for day, figures in expected.items():
        got = {c: shown[day][c] for c in DAILY_COLUMNS}
        want = {c: figures[EXPECTED_KEYS.get(c, c)] for c in DAILY_COLUMNS}
        assert got == want, day


@pytest.mark.parametrize("export", ["complete_journey", "invoice_ledger"])
def test_every_month_and_the_whole_export_equal_the_raw_file(landed: Landed, export: str) -> None:
    figures = landed.expected[export]
    months: dict[date, dict[str, Any]] = defaultdict(lambda: defaultdict(Decimal))
    for day, row in daily_rows(landed, landed.years[export]).items():
        for column in DAILY_COLUMNS[:-1]:
            months[day.replace(day=1)][column] += row[column]
    for month, want in figures["monthly"].items():
        assert {c: months[month][c] for c in DAILY_COLUMNS[:-1]} == {
            c: want[EXPECTED_KEYS.get(c, c)] for c in DAILY_COLUMNS[:-1]
        }, month
    total = sum((m["net_sales"] for m in months.values()), Decimal(0))
    assert total == figures["net_sales"]
    assert sum(m["order_count"] for m in months.values()) == figures["orders"]


@pytest.mark.parametrize("export", ["complete_journey", "invoice_ledger"])
def test_each_months_top_10_products_by_net_equal_the_raw_file(landed: Landed, export: str) -> None:
    rows = query(
        landed.warehouse,
        "select period_start_date, product_id, net_sales from analytics_marts.rpt_top_products "
        f"where period_type = 'month' and extract(year from period_start_date) = "
        f"{landed.years[export]} and revenue_rank <= 10 order by period_start_date, revenue_rank",
    )
    shown: dict[date, list[tuple[str, Decimal]]] = defaultdict(list)
    for row in rows:
        shown[row["period_start_date"]].append((row["product_id"], row["net_sales"]))
    assert shown == landed.expected[export]["top_products"]


def test_guests_returns_and_postage_are_data_not_rejects(landed: Landed) -> None:
    figures = landed.expected["invoice_ledger"]
    assert figures["guest_lines"] > 500 and figures["return_lines"] > 100
    rejected = query(
        landed.warehouse,
        "select reject_reason, count(*) as lines from analytics_qa.qa_rejected_sales "
        "where landed_file_name like '%invoices_2018%' group by reject_reason",
    )
    # the ledger's lines of no units are the only lines it loses
    assert [row["reject_reason"] for row in rejected] == ["zero_quantity"]
    kept = query(
        landed.warehouse,
        "select count(*) as lines, count(*) filter (where is_guest) as guest_lines, "
        "count(*) filter (where is_return) as return_lines, "
        "count(*) filter (where line_type <> 'merchandise') as non_merchandise_lines "
        "from analytics_marts.fct_sales where landed_file_name like '%invoices_2018%'",
    )
    assert kept == [
        {
            key: figures[key]
            for key in ("lines", "guest_lines", "return_lines", "non_merchandise_lines")
        }
    ]


def test_no_postage_and_no_cancelled_order_lifts_a_top_product(landed: Landed) -> None:
    top = query(
        landed.warehouse,
        "select distinct product_id, net_sales from analytics_marts.rpt_top_products "
        "where revenue_rank <= 10 and period_type = 'month'",
    )
    codes = {row["product_id"] for row in top}
    assert not codes & {"POST", "DOT", "M", "D", "BANK CHARGES"}
    # a product sold only in orders cancelled in full nets to zero: never ranked above one
    # that sold
    assert all(row["net_sales"] > 0 for row in top)


def test_a_customer_id_with_a_zero_width_space_is_one_customer(landed: Landed) -> None:
    rows = query(
        landed.warehouse,
        "select distinct customer_id from analytics_marts.fct_sales "
        "where landed_file_name like '%invoices_2018%' and customer_id like '%12007%'",
    )
    assert rows == [{"customer_id": "12007"}]
