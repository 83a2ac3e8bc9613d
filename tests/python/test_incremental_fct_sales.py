"""Daily incremental builds: appending a day changes only what it should, like a full refresh.

The small sample's first eleven daily files land one batch a day, with an archive file of
orders from months earlier (July and August: multi-line orders, a guest checkout with shipping
and a discount, credit notes returning an order or only a product, an id-less line) among them,
and are built; then the twelfth day lands (new orders, late orders and corrections of earlier
days, and a file resending an August order with one line changed and the other gone and adding
late orders from June, July and August) together with a second customer pull (a customer who
moved, customers who were missing, unusable records), and an incremental build runs, split as
a build killed after int_sales_validated would leave it: `dbt run -s +int_sales_validated`,
then `dbt build`. Its marts must equal a `--full-refresh` of the same lake, and what they show
of the archive must be what the documented rules (documented_rules.kept_sales) compute from
the raw files.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from itertools import groupby
from pathlib import Path
from typing import Any

import duckdb
import pytest
from documented_rules import FIELDS, KeptSale, catalog_categories, kept_sales

from ecom.sample.generator import GeneratorConfig, generate
from ingest.batch import ingest_files
from ingest.landing import land_file, new_batch_id
from ingest.sources import CUSTOMERS
from ingest.storage import open_storage

from conftest import isolated_env, mart_contents, run_dbt

pytestmark = [pytest.mark.integration, pytest.mark.slow]

# The e2e sample of conftest.SMALL_SAMPLE: every kind of dirt occurs in it.
CONFIG = GeneratorConfig(
    seed=7,
    end_date=date(2026, 11, 20),
    days=12,
    sales_rows=6000,
    customers=600,
    products=80,
    dirty_rate=0.08,
)
MOVED_AT_LOCAL = "2026-11-21T08:00:00+01:00"  # sent with an offset; 07:00 UTC
MOVED_AT_UTC = datetime(2026, 11, 21, 7, 0, 0)
# Orders from months before the sample, landed on day 3, in the nine columns of the contract
# (transaction_id, customer_id, product_id, quantity, amount, transaction_date, line_number,
# line_type, original_transaction_id). The customers and the two products are filled in from
# the sample: {customer} buys in the sample too, {newcomer} never does. ARCHIVE-0003's line
# type is left for dbt to decide (merchandise).
ARCHIVE = [
    ("ARCHIVE-0001", "{customer}", "{product}", "1", "40.00", "2026-08-11 10:00:00", "1",
     "merchandise", ""),
    # two lines; the correction below changes the first and leaves the second out
    ("ARCHIVE-0002", "{customer}", "{product}", "2", "80.00", "2026-08-11 15:30:00", "1",
     "merchandise", ""),
    ("ARCHIVE-0002", "{customer}", "{other}", "1", "30.00", "2026-08-11 15:30:00", "2",
     "merchandise", ""),
    ("ARCHIVE-0003", "{customer}", "{product}", "1", "25.00", "2026-08-12 09:00:00", "1", "", ""),
    # a guest checkout (no customer id) with a shipping line and a discount
    ("ARCHIVE-0005", "", "{product}", "1", "35.00", "2026-08-12 11:00:00", "1", "merchandise",
     ""),
    ("ARCHIVE-0005", "", "SHIPPING", "1", "4.95", "2026-08-12 11:00:00", "2", "shipping", ""),
    ("ARCHIVE-0005", "", "DISCOUNT", "1", "-3.50", "2026-08-12 11:00:00", "3", "discount", ""),
    # a credit note returning ARCHIVE-0003 the next day
    ("ARCHIVE-C003", "{customer}", "{product}", "-1", "-25.00", "2026-08-13 09:00:00", "1",
     "merchandise", "ARCHIVE-0003"),
    # credit notes that name no order: each is matched to the customer's latest earlier order
    # with a sale of the product. {other}: ARCHIVE-0002's second line, which its resend drops.
    ("ARCHIVE-C002", "{customer}", "{other}", "-1", "-30.00", "2026-08-15 10:00:00", "1",
     "merchandise", ""),
    # {product}: ARCHIVE-0003 until the late ARCHIVE-0006 lands
    ("ARCHIVE-C006", "{customer}", "{product}", "-1", "-40.00", "2026-08-18 10:00:00", "1",
     "merchandise", ""),
    # a customer whose earliest line is a credit note (nothing to match), first order on 08-20
    ("ARCHIVE-C007", "{newcomer}", "{product}", "-1", "-25.00", "2026-07-01 10:00:00", "1",
     "merchandise", ""),
    ("ARCHIVE-0007", "{newcomer}", "{product}", "1", "25.00", "2026-08-20 10:00:00", "1",
     "merchandise", ""),
]  # fmt: skip
# A line without a transaction id: missing_required_field when it is staged, whatever else
# lands. It is in the archive and again, as a copy, on day 12.
ID_LESS = ("", "{customer}", "{product}", "1", "10.00", "2026-08-13 10:00:00", "", "", "")
# Day 12: ARCHIVE-0002 resent with its first line changed (quantity, amount and date: it moves
# from 2026-08-11 to 2026-08-14) and its second line missing, so gone; and orders that were
# never sent: one from June, one that is now the latest sale of {product} before ARCHIVE-C006,
# and the newcomer's order of 07-15, now their first (08-20 becomes a returning day). No window
# measured from the latest date reaches them.
ARCHIVE_CORRECTIONS = [
    ("ARCHIVE-0002", "{customer}", "{product}", "3", "120.00", "2026-08-14 15:30:00", "1",
     "merchandise", ""),
    ("ARCHIVE-0004", "{customer}", "{product}", "1", "55.00", "2026-06-02 12:00:00", "1",
     "merchandise", ""),
    ("ARCHIVE-0006", "{customer}", "{product}", "1", "40.00", "2026-08-16 12:00:00", "1",
     "merchandise", ""),
    ("ARCHIVE-0008", "{newcomer}", "{other}", "1", "30.00", "2026-07-15 10:00:00", "1",
     "merchandise", ""),
]  # fmt: skip
CORRECTED, OLD_DAY, NEW_DAY = "ARCHIVE-0002", date(2026, 8, 11), date(2026, 8, 14)
LATE, LATE_DAY = "ARCHIVE-0004", date(2026, 6, 2)
GUEST_ORDER, GUEST_DAY = "ARCHIVE-0005", date(2026, 8, 12)
CREDIT_NOTE, RETURN_DAY = "ARCHIVE-C003", date(2026, 8, 13)
# returns matched by customer and product: what they are matched to after the daily build
UNMATCHED_RETURN, LATE_MATCHED_RETURN = "ARCHIVE-C002", "ARCHIVE-C006"
LATE_MATCHED_ORDER = "ARCHIVE-0006"
# the newcomer's credit note, first order before day 12, and late first order
NEWCOMER_RETURN_DAY = date(2026, 7, 1)
NEWCOMER_FIRST_DAY, NEWCOMER_LATE_DAY = date(2026, 8, 20), date(2026, 7, 15)
ARCHIVE_DAYS = {
    LATE_DAY,
    NEWCOMER_RETURN_DAY,
    NEWCOMER_LATE_DAY,
    OLD_DAY,
    GUEST_DAY,
    RETURN_DAY,
    NEW_DAY,
    date(2026, 8, 15),
    date(2026, 8, 16),
    date(2026, 8, 18),
    NEWCOMER_FIRST_DAY,
}
BEFORE_THE_SAMPLE = date(2026, 9, 1)
ZERO = Decimal("0.00")

Row = tuple[Any, ...]
Record = dict[str, Any]
LineKey = tuple[str, int]  # (transaction_id, line_number): a line of an order


@dataclass(frozen=True)
class ReportChanges:
    """What day 12 changes that the incremental reports must follow (the keys they touch)."""

    renamed_product: str  # a second catalog renames and re-categorises it
    renamed_to: tuple[str, str]  # its new (name, category)
    earlier_first_order: str  # a customer a late order gives an earlier first order
    first_order_dates: tuple[date, date]  # that customer's first order, before and after
    moved_order: str  # a correction moves it to another day
    moved_from: tuple[date, str]  # (day, product): its only sale, left with none


@dataclass(frozen=True)
class DailyRuns:
    """What the two daily builds and the full refresh left in the warehouse."""

    lake: Path
    appended_file: str
    withheld: list[str]
    mover: str
    conflicted: str
    incremental_sql: str
    incremental_log: str
    columns: dict[str, list[str]]
    fct_before: dict[LineKey, Record]
    fct_after: dict[LineKey, Record]
    fct_between: dict[LineKey, Record]
    validated_between: set[str]
    marts_before: dict[str, list[Row]]
    marts_incremental: dict[str, list[Row]]
    marts_full_refresh: dict[str, list[Row]]
    archive_files: tuple[str, str]
    archive_customer: str
    newcomer: str
    late_views: dict[str, list[Record]]
    reports: ReportChanges

    def records(self, marts: dict[str, list[Row]], table: str) -> list[Record]:
        """A mart table's rows by column name (a name without a schema: analytics_marts)."""
        name = table if "." in table else f"analytics_marts.{table}"
        return [dict(zip(self.columns[name], row, strict=True)) for row in marts[name]]


def batch_at(moment: datetime) -> tuple[str, date]:
    """Batch id and ingest date of an ingest run that starts at `moment` (UTC)."""
    return new_batch_id(moment), moment.date()


def pull(records: list[dict[str, object]]) -> bytes:
    """A customer API pull as the ingest lands it (NDJSON)."""
    return "".join(json.dumps(r) + "\n" for r in records).encode()


def mart_columns(warehouse: Path) -> dict[str, list[str]]:
    """The columns of every mart table, as mart_contents lists them (without refreshed_at)."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        columns: dict[str, list[str]] = defaultdict(list)
        for schema, table, column in con.execute(
            "select table_schema, table_name, column_name from information_schema.columns "
            "where table_schema in ('analytics_marts', 'analytics_qa') "
            "order by table_schema, table_name, ordinal_position"
        ).fetchall():
            if column != "refreshed_at":
                columns[f"{schema}.{table}"].append(str(column))
        return dict(columns)


def fct_lines(warehouse: Path) -> dict[LineKey, Record]:
    """fct_sales by (transaction_id, line_number), which must identify a line."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        cursor = con.execute("select * exclude (refreshed_at) from analytics_marts.fct_sales")
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    lines = {(str(r["transaction_id"]), int(r["line_number"])): r for r in rows}
    assert len(lines) == len(rows), "transaction_id + line_number is not unique in fct_sales"
    return lines


def sales_csv(rows: Sequence[tuple[str, ...]], **filled: str) -> bytes:
    """A sales export in the contract's nine columns, the placeholders filled in."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(FIELDS)
    writer.writerows([value.format(**filled) for value in row] for row in rows)
    return buffer.getvalue().encode()


def late_views(warehouse: Path) -> dict[str, list[Record]]:
    """What each mart shows of the archive orders, read by column name."""
    before_sample = f"date '{BEFORE_THE_SAMPLE.isoformat()}'"
    queries = {
        "fct_sales": "select * from analytics_marts.fct_sales "
        "where transaction_id like 'ARCHIVE-%'",
        "fct_orders": "select * from analytics_marts.fct_orders "
        "where transaction_id like 'ARCHIVE-%'",
        "daily": "select * from analytics_marts.rpt_daily_sales_summary "
        f"where sales_date < {before_sample}",
        "category": "select * from analytics_marts.rpt_sales_by_category "
        f"where sales_date < {before_sample}",
        "top_products": "select * from analytics_marts.rpt_top_products "
        f"where period_start_date < {before_sample}",
        "lifetime_value": "select * from analytics_marts.rpt_customer_lifetime_value",
        "guest_members": "select * from analytics_marts.dim_customers where is_guest",
        "reconciliation": "select * from analytics_qa.qa_ingest_reconciliation "
        "where landed_file_name like '%archive%'",
        "rejected": "select * from analytics_qa.qa_rejected_sales "
        "where transaction_id like 'ARCHIVE-%'",
        "id_less": "select landed_file_name, reject_reason, "
        "refreshed_at > (select min(refreshed_at) from analytics_intermediate.int_sales_validated)"
        " as redecided from analytics_intermediate.int_sales_validated "
        "where transaction_id is null",
    }
    with duckdb.connect(str(warehouse), read_only=True) as con:
        views = {}
        for name, sql in queries.items():
            cursor = con.execute(sql)
            columns = [d[0] for d in cursor.description]
            views[name] = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
        return views


def customer_versions(daily: DailyRuns, marts: dict[str, list[Row]]) -> dict[str, list[Record]]:
    """dim_customers rows by customer_id, oldest version first."""
    versions: dict[str, list[Record]] = {}
    rows = daily.records(marts, "dim_customers")
    for row in sorted(rows, key=lambda r: (r["customer_id"], r["version_number"])):
        versions.setdefault(str(row["customer_id"]), []).append(row)
    return versions


def by_order(lines: Iterable[KeptSale]) -> dict[str, list[KeptSale]]:
    """Kept lines grouped by their order (transaction_id), in line order."""
    orders: dict[str, list[KeptSale]] = defaultdict(list)
    for line in sorted(lines, key=lambda s: (s.transaction_id, s.line_number)):
        orders[line.transaction_id].append(line)
    return dict(orders)


def order_day(lines: Sequence[KeptSale]) -> date:
    """The day an order was placed (or a credit note issued): its earliest line's."""
    return min(line.day for line in lines)


def is_order(lines: Sequence[KeptSale]) -> bool:
    """An order counts as one when it sells merchandise (a credit note does not)."""
    return any(line.is_merchandise and line.quantity > 0 for line in lines)


def total(amounts: Iterable[Decimal]) -> Decimal:
    """The sum of amounts, 0.00 for none."""
    return sum(amounts, ZERO)


def money(lines: Sequence[KeptSale]) -> dict[str, Decimal]:
    """Gross, discounts, returns and net as documented (fct_orders), shipping beside them."""
    gross = total(s.amount for s in lines if s.is_merchandise and s.quantity > 0)
    returns = -total(s.amount for s in lines if s.is_merchandise and s.quantity < 0)
    discounts = -total(s.amount for s in lines if s.line_type in ("discount", "voucher"))
    return {
        "gross_sales": gross,
        "discounts": discounts,
        "returns": returns,
        "net_sales": gross - discounts - returns,
        "shipping": total(s.amount for s in lines if s.line_type == "shipping"),
        "total_sales": total(s.amount for s in lines),
    }


def percent(part: Decimal, whole: Decimal) -> Decimal:
    """part / whole in percent, rounded half up to two decimals."""
    return (part * 100 / whole).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def top_products(
    lines: Sequence[KeptSale],
) -> dict[tuple[str, date, str], tuple[Decimal, Decimal, Decimal, int]]:
    """(period type, period start, product) -> gross, returns, net and rank by net (ties: net
    units, then product id), per day, ISO week and month, as rpt_top_products documents."""
    periods: dict[tuple[str, date, str], list[KeptSale]] = defaultdict(list)
    for s in lines:
        starts = {
            "day": s.day,
            "week": s.day - timedelta(days=s.day.weekday()),
            "month": s.day.replace(day=1),
        }
        for period_type, start in starts.items():
            periods[(period_type, start, s.product_id)].append(s)
    split = {key: money(sold) for key, sold in periods.items()}
    units = {key: sum(s.quantity for s in sold) for key, sold in periods.items()}
    ranked = sorted(periods, key=lambda k: (k[:2], -split[k]["net_sales"], -units[k], k[2]))
    ranks = {
        key: rank
        for _, keys in groupby(ranked, key=lambda k: k[:2])
        for rank, key in enumerate(keys, start=1)
    }
    return {
        key: (split[key]["gross_sales"], split[key]["returns"], split[key]["net_sales"], rank)
        for key, rank in ranks.items()
    }


def append_sales_lines(path: Path, lines: list[dict[str, str]]) -> None:
    """Add lines to a daily sales file before it lands (the contract's nine columns)."""
    with path.open("a", newline="") as handle:
        csv.DictWriter(handle, FIELDS, lineterminator="\n").writerows(lines)


def sale_line(sale: KeptSale, at: datetime, transaction_id: str | None = None) -> dict[str, str]:
    """A sales file line for a kept line at another time (a correction, or a new order)."""
    return {
        "transaction_id": transaction_id or sale.transaction_id,
        "customer_id": "" if sale.is_guest else sale.customer_id,
        "product_id": sale.product_id,
        "quantity": str(sale.quantity),
        "amount": str(sale.amount),
        "transaction_date": at.strftime("%Y-%m-%d %H:%M:%S"),
        "line_number": str(sale.line_number),
        "line_type": sale.line_type,
        "original_transaction_id": "",
    }


def days_touched_by(orders: dict[str, list[KeptSale]], path: Path) -> set[str]:
    """The days a sales file's lines are dated on, and of the kept orders it resends."""
    with path.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    days = {row["transaction_date"][:10] for row in rows}
    resent = {row["transaction_id"] for row in rows} & orders.keys()
    return days | {order_day(orders[tid]).isoformat() for tid in resent}


def late_first_order(orders: dict[str, list[KeptSale]], path: Path) -> tuple[str, date, date]:
    """Append to the day-12 file a new order on the first day for a customer whose first order
    was days later, on a day no line of the file is dated on: new_customers moves from their
    old first day, which only the customer's history says is touched, to the first day."""
    touched = days_touched_by(orders, path)
    first: dict[str, list[KeptSale]] = {}
    for _, tid in sorted((lines[0].at, tid) for tid, lines in orders.items()):
        if is_order(orders[tid]) and not orders[tid][0].is_guest:
            first.setdefault(orders[tid][0].customer_id, orders[tid])
    customer, lines = next(
        (cid, lines)
        for cid, lines in sorted(first.items())
        if order_day(lines) >= CONFIG.start_date + timedelta(days=3)
        and order_day(lines).isoformat() not in touched
    )
    sold = next(line for line in lines if line.is_merchandise and line.quantity > 0)
    at = datetime.combine(CONFIG.start_date, time(9, 15))
    new_line = sale_line(sold, at, transaction_id="T900000001") | {"line_number": "1"}
    append_sales_lines(path, [new_line])
    return customer, order_day(lines), CONFIG.start_date


def moved_order(orders: dict[str, list[KeptSale]], path: Path) -> tuple[str, date, str]:
    """Append to the day-12 file a resend of a whole order a week away, the order holding the
    only sale of a product that day (preferring a quiet hour), so that product-day is left with
    no sales. The order has no return: which order a return matches is not this test's."""
    with path.open(newline="") as handle:
        in_file = {row["transaction_id"] for row in csv.DictReader(handle)}
    lines = [line for order in orders.values() for line in order]
    per_product_day = Counter((s.day, s.product_id) for s in lines if s.is_merchandise)
    per_hour = Counter((s.day, s.at.hour) for s in lines)
    returned = {(s.customer_id, s.product_id) for s in lines if s.quantity < 0}
    candidates = sorted(
        (per_hour[(sale.day, sale.at.hour)], tid, sale.product_id)
        for tid, order in orders.items()
        if tid not in in_file
        and f"R{tid}" not in orders  # the sample's credit notes: "R" + the order id
        and all(s.quantity > 0 and (s.customer_id, s.product_id) not in returned for s in order)
        for sale in order
        if sale.is_merchandise and per_product_day[(sale.day, sale.product_id)] == 1
    )
    _, tid, product = candidates[0]
    order = orders[tid]
    week = timedelta(days=7)
    shift = week if order_day(order) + week < CONFIG.end_date else -week
    append_sales_lines(path, [sale_line(line, line.at + shift) for line in order])
    return tid, order_day(order), product


def renamed_catalog(
    lines: list[KeptSale], products_file: Path, to: Path
) -> tuple[str, tuple[str, str]]:
    """A second full catalog in which the product sold on most days has a new name and
    category: every day, week and month it sold in changes in the reports."""
    days_sold = Counter(p for p, _ in {(s.product_id, s.day) for s in lines if s.is_merchandise})
    product = min(days_sold, key=lambda p: (-days_sold[p], p))
    catalog: list[dict[str, object]] = json.loads(products_file.read_text())
    categories = sorted({str(row["category"]) for row in catalog})
    renamed = ("", "")
    for row in catalog:
        if str(row["product_id"]).strip() == product:
            other = categories[(categories.index(str(row["category"])) + 1) % len(categories)]
            renamed = (f"{row['name']} Deluxe", other)
            row.update(name=renamed[0], category=renamed[1])
    to.parent.mkdir(parents=True)
    to.write_text(json.dumps(catalog))
    return product, renamed


@pytest.fixture(scope="module")
def daily(tmp_path_factory: pytest.TempPathFactory) -> DailyRuns:
    root = tmp_path_factory.mktemp("daily")
    env = isolated_env(root)
    lake = Path(env["ECOM_LAKE_URI"])
    warehouse = Path(env["ECOM_DUCKDB_PATH"])
    warehouse.parent.mkdir(parents=True)  # dbt-duckdb creates the file, not its folder
    storage = open_storage(env["ECOM_LAKE_URI"])
    sample = generate(CONFIG, root / "source")
    customers: list[dict[str, object]] = json.loads(sample.customers_file.read_text())

    # Days 1..11: one daily sales file per batch, landed the morning after its day; the
    # catalog on day 0, a customer pull on day 11 (after the sample's last change of a
    # record: a record changed after its pull landed is updated_at_out_of_range). The pull
    # lacks three customers who buy (late-arriving members).
    morning = datetime.combine(CONFIG.start_date, time(6))
    ingest_files(storage, "products", [sample.products_file], *batch_at(morning))
    for offset, path in enumerate(sample.sales_files[:-1], start=1):
        ingest_files(storage, "sales", [path], *batch_at(morning + timedelta(days=offset)))
    # the archive of August orders, by a customer and of two products of the sample
    sold = [s for s in kept_sales(lake) if s.is_merchandise and s.quantity > 0]
    some_sale = min((s for s in sold if not s.is_guest), key=lambda s: (s.at, s.transaction_id))
    buyer, product = some_sale.customer_id, some_sale.product_id
    other = min(s.product_id for s in sold if s.product_id != product)
    sample_buyers = {s.customer_id for s in kept_sales(lake)}
    newcomer = max(
        cid for c in customers if (cid := str(c["customer_id"]).strip()) not in sample_buyers
    )
    filled = {"customer": buyer, "product": product, "other": other, "newcomer": newcomer}
    archive_dir = root / "source" / "archive"
    archive_dir.mkdir()
    archive = archive_dir / "sales_archive_2026-08.csv"
    archive.write_bytes(sales_csv([*ARCHIVE, ID_LESS], **filled))
    archive_batch = batch_at(morning + timedelta(days=3, minutes=30))
    [archive_landed] = ingest_files(storage, "sales", [archive], *archive_batch)
    first_pull_at = morning + timedelta(days=CONFIG.days - 1, minutes=1)
    known = {str(c["customer_id"]).strip() for c in customers}
    buyers = sorted({s.customer_id for s in kept_sales(lake) if not s.is_guest})
    withheld, (mover, conflicted) = buyers[:3], [c for c in buyers if c in known][3:5]
    first_pull = [c for c in customers if str(c["customer_id"]).strip() not in withheld]
    land_file(storage, CUSTOMERS, "customers.ndjson", pull(first_pull), *batch_at(first_pull_at))
    first = run_dbt(["build", "--exclude-resource-type", "test", "unit_test"], env)
    assert first.returncode == 0, first.stdout + first.stderr
    columns = mart_columns(warehouse)
    before, fct_before = mart_contents(warehouse), fct_lines(warehouse)

    # Day 12: the last sales file and a second pull: the withheld customers arrive, one
    # customer moved, one is sent twice with different content, plus two unusable records.
    second_pull = [dict(c) for c in customers]
    for record in second_pull:
        if str(record["customer_id"]).strip() == mover:
            record.update(city="  denver ", updated_at=MOVED_AT_LOCAL)
    twin = next(dict(c) for c in second_pull if str(c["customer_id"]).strip() == conflicted)
    second_pull.append({**twin, "city": "Somewhere Else", "updated_at": MOVED_AT_LOCAL})
    second_pull.append({**twin, "customer_id": " ", "email": "nobody@example.com"})
    second_pull.append({**twin, "customer_id": "C990001", "email": "not an address"})
    # What the incremental reports must follow: a late order that moves a customer's first
    # order earlier, a correction that leaves a product-day with no sales, a renamed product.
    # (the August archive is left to its own correction below)
    sample_lines = [s for s in kept_sales(lake) if not s.transaction_id.startswith("ARCHIVE-")]
    orders_before = by_order(sample_lines)
    moved, moved_day, moved_product = moved_order(orders_before, sample.sales_files[-1])
    earlier, first_before, first_after = late_first_order(orders_before, sample.sales_files[-1])
    second_catalog = root / "catalog-2" / sample.products_file.name
    renamed, renamed_to = renamed_catalog(sample_lines, sample.products_file, second_catalog)
    day12 = morning + timedelta(days=CONFIG.days)
    ingest_files(storage, "products", [second_catalog], *batch_at(day12 - timedelta(minutes=1)))
    [appended] = ingest_files(storage, "sales", [sample.sales_files[-1]], *batch_at(day12))
    later = day12 + timedelta(minutes=1)
    land_file(storage, CUSTOMERS, "customers.ndjson", pull(second_pull), *batch_at(later))
    corrections = archive_dir / "sales_archive_corrections.csv"
    corrections.write_bytes(sales_csv([*ARCHIVE_CORRECTIONS, ID_LESS], **filled))
    corrections_batch = batch_at(day12 + timedelta(minutes=2))
    [corrections_landed] = ingest_files(storage, "sales", [corrections], *corrections_batch)
    # A build killed right after int_sales_validated: it has re-decided the touched orders,
    # nothing downstream has seen them. The next (normal) build catches up.
    validated_only = run_dbt(["run", "--select", "+int_sales_validated"], env)
    assert validated_only.returncode == 0, validated_only.stdout + validated_only.stderr
    fct_between = fct_lines(warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        validated_between = {
            str(row[0])
            for row in con.execute(
                "select sales_row_id from analytics_intermediate.int_sales_validated "
                "where transaction_id like 'ARCHIVE-%' and reject_reason is null"
            ).fetchall()
        }
    # the daily build as `ecom run` runs it: unit tests, which read no data, only with
    # --unit-tests
    incremental = run_dbt(["build", "--exclude-resource-type", "unit_test"], env)
    assert incremental.returncode == 0, incremental.stdout + incremental.stderr
    after, fct_after = mart_contents(warehouse), fct_lines(warehouse)
    views = late_views(warehouse)
    incremental_sql = next(
        (root / "target" / "run").rglob("models/marts/core/fct_sales.sql")
    ).read_text()

    full = run_dbt(["run", "--full-refresh"], env)
    assert full.returncode == 0, full.stdout + full.stderr
    return DailyRuns(
        lake=lake,
        appended_file=Path(appended.key).name,
        withheld=withheld,
        mover=mover,
        conflicted=conflicted,
        incremental_sql=incremental_sql,
        incremental_log=incremental.stdout,
        columns=columns,
        fct_before=fct_before,
        fct_after=fct_after,
        fct_between=fct_between,
        validated_between=validated_between,
        marts_before=before,
        marts_incremental=after,
        marts_full_refresh=mart_contents(warehouse),
        archive_files=(Path(archive_landed.key).name, Path(corrections_landed.key).name),
        archive_customer=buyer,
        newcomer=newcomer,
        late_views=views,
        reports=ReportChanges(
            renamed_product=renamed,
            renamed_to=renamed_to,
            earlier_first_order=earlier,
            first_order_dates=(first_before, first_after),
            moved_order=moved,
            moved_from=(moved_day, moved_product),
        ),
    )


def test_an_incremental_build_equals_a_full_refresh(daily: DailyRuns) -> None:
    assert daily.marts_incremental.keys() == daily.marts_full_refresh.keys()
    for table, rows in daily.marts_incremental.items():
        assert rows == daily.marts_full_refresh[table], table


def test_the_appended_day_is_merged_not_rebuilt(daily: DailyRuns) -> None:
    # DuckDB replaces each re-decided order's lines as a set: delete+insert on transaction_id
    sql = daily.incremental_sql.lower()
    assert "delete from" in sql
    assert "insert into" in sql
    assert "transaction_id" in sql[sql.index("delete from") : sql.index("insert into")]
    assert "incremental model" in daily.incremental_log


def test_only_the_new_day_and_corrected_late_rows_change(daily: DailyRuns) -> None:
    before, after = daily.fct_before, daily.fct_after
    changed = {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}
    kept = kept_sales(daily.lake)
    new_files = {daily.appended_file, daily.archive_files[1]}
    arrived = {(s.transaction_id, s.line_number) for s in kept if s.file in new_files}
    resent = {tid for tid, _ in arrived}
    gone = before.keys() - after.keys()
    assert after.keys() == {(s.transaction_id, s.line_number) for s in kept}
    # only a line missing from a resent order disappears
    assert {tid for tid, _ in gone} <= resent
    assert (CORRECTED, 2) in gone
    # and the returns matched to the line that is gone and to the late order: their match only
    rematched = {(UNMATCHED_RETURN, 1), (LATE_MATCHED_RETURN, 1)}
    assert changed == arrived | gone | rematched
    for key in rematched:
        same = before[key].keys() - {"return_match", "original_transaction_id"}
        assert pick(after[key], same) == pick(before[key], same), key
    # the appended files really hold all three kinds of change
    orders_before = {tid for tid, _ in before}
    days = {tid: order_day(lines) for tid, lines in by_order(kept).items()}
    corrected = resent & orders_before
    late_new = {tid for tid in resent - orders_before if days[tid] < CONFIG.end_date}
    new_day = {tid for tid in resent if days[tid] == CONFIG.end_date}
    assert corrected and late_new and new_day, (len(corrected), len(late_new), len(new_day))


def test_customers_who_arrive_late_replace_their_inferred_member(daily: DailyRuns) -> None:
    before = customer_versions(daily, daily.marts_before)
    after = customer_versions(daily, daily.marts_incremental)
    for cid in daily.withheld:
        [was] = before[cid]
        [now] = after[cid]
        assert (was["customer_name"], was["is_inferred"]) == ("Unknown customer", True)
        assert now["customer_name"] != "Unknown customer"
        assert now["is_inferred"] is False
        assert now["customer_key"] == was["customer_key"]  # nothing that refers to it breaks


def test_a_customer_who_moved_gets_a_second_version(daily: DailyRuns) -> None:
    [only] = customer_versions(daily, daily.marts_before)[daily.mover]
    old, new = customer_versions(daily, daily.marts_incremental)[daily.mover]
    same = ("customer_key", "customer_id", "customer_name", "email", "city", "version_number")
    assert {c: old[c] for c in same} == {c: only[c] for c in same}
    assert (old["is_current"], new["is_current"]) == (False, True)
    assert new["city"] == "Denver"  # trimmed and title-cased
    assert old["valid_to"] == new["valid_from"] == MOVED_AT_UTC  # v1 ends as v2 starts, in UTC
    assert new["valid_to"] == datetime(9999, 12, 31)


def test_a_customer_sent_twice_in_one_pull_keeps_the_previous_record(daily: DailyRuns) -> None:
    before = customer_versions(daily, daily.marts_before)
    after = customer_versions(daily, daily.marts_incremental)
    assert after[daily.conflicted] == before[daily.conflicted]
    rejected = daily.records(daily.marts_incremental, "analytics_qa.qa_rejected_customers")
    assert sorted(str(row["reject_reason"]) for row in rejected) == [
        "conflicting_duplicate_id",
        "conflicting_duplicate_id",
        "invalid_email",
        "missing_required_field",
    ]


def test_every_landed_file_reconciles_with_the_manifest(daily: DailyRuns) -> None:
    manifest_rows = {}
    for entry_file in (daily.lake / "_manifest").rglob("*.json"):
        entry = json.loads(entry_file.read_text())
        manifest_rows[(entry["source"], Path(entry["landing_key"]).name)] = entry["rows"]
    reconciliation = daily.records(daily.marts_incremental, "analytics_qa.qa_ingest_reconciliation")
    assert {(r["entity"], r["landed_file_name"]): r["rows_landed"] for r in reconciliation} == (
        manifest_rows
    )
    assert all(r["is_balanced"] is True for r in reconciliation)
    # two catalogs, two pulls, daily files, the archive and its corrections
    assert len(reconciliation) == 2 + 2 + CONFIG.days + 2


def test_a_build_killed_after_int_sales_validated_is_caught_up_by_the_next(
    daily: DailyRuns,
) -> None:
    archive = [s for s in kept_sales(daily.lake) if s.transaction_id.startswith("ARCHIVE-")]
    # the killed build had re-decided the resent order and the late one (every kept archive
    # line is in int_sales_validated); fct_sales had not replaced them
    assert len(daily.validated_between) == len(archive)
    assert daily.fct_between[(CORRECTED, 1)]["amount"] == Decimal("80.00")  # as first landed
    assert (CORRECTED, 2) in daily.fct_between
    assert all(tid != LATE for tid, _ in daily.fct_between)
    # the next build replaced the order's lines with its kept version and added the late one
    # (and ended where a clean run ends: test_an_incremental_build_equals_a_full_refresh)
    merged: dict[str, list[Record]] = defaultdict(list)
    for row in daily.late_views["fct_sales"]:
        merged[row["transaction_id"]].append(row)
    [resent] = merged[CORRECTED]
    assert resent["line_number"] == 1
    assert resent["amount"] == Decimal("120.00")
    assert resent["sales_row_id"] in daily.validated_between
    [late] = merged[LATE]
    assert late["sales_row_id"] in daily.validated_between


def archive_orders(daily: DailyRuns) -> dict[str, list[KeptSale]]:
    """The kept lines of the archive orders by order, as the documented rules decide them."""
    return by_order(s for s in kept_sales(daily.lake) if s.transaction_id.startswith("ARCHIVE-"))


def pick(row: Record, names: Iterable[str]) -> Record:
    """The named columns of a row."""
    return {name: row[name] for name in names}


def test_a_resent_order_from_months_ago_replaces_its_lines_in_fct_sales(daily: DailyRuns) -> None:
    orders = archive_orders(daily)
    assert order_day(orders[CORRECTED]) == NEW_DAY
    assert order_day(orders[LATE]) == LATE_DAY
    # the resent order's one line at its new date and amount, its other line gone, the late
    # order from June, the guest's lines and the credit note as they were sent
    fct = {(r["transaction_id"], r["line_number"]): r for r in daily.late_views["fct_sales"]}
    assert {key: (r["amount"], r["transaction_date"]) for key, r in fct.items()} == {
        (s.transaction_id, s.line_number): (s.amount, s.day)
        for lines in orders.values()
        for s in lines
    }
    assert [line for (tid, line) in fct if tid == CORRECTED] == [1]
    guest_lines = [r for (tid, _), r in fct.items() if tid == GUEST_ORDER]
    assert {(r["customer_id"], r["is_guest"]) for r in guest_lines} == {("guest", True)}
    credit = fct[(CREDIT_NOTE, 1)]
    assert pick(credit, ("is_return", "original_transaction_id", "return_match")) == {
        "is_return": True,
        "original_transaction_id": "ARCHIVE-0003",
        "return_match": "declared",
    }
    # fct_orders: one row per order, its money split as documented
    fct_orders = {r["transaction_id"]: r for r in daily.late_views["fct_orders"]}
    assert fct_orders.keys() == orders.keys()
    for tid, lines in orders.items():
        assert pick(fct_orders[tid], money(lines)) == money(lines), tid
        assert fct_orders[tid]["is_order"] == is_order(lines), tid


def return_match(lines: dict[LineKey, Record], credit_note: str) -> tuple[object, object]:
    """How a one-line credit note is matched in fct_sales: (return_match, the order)."""
    line = lines[(credit_note, 1)]
    return line["return_match"], line["original_transaction_id"]


def test_a_return_whose_matched_line_a_resend_drops_is_left_unmatched(daily: DailyRuns) -> None:
    # the credit note names no order: ARCHIVE-0002's second line sold the product; the resend
    # of ARCHIVE-0002 drops that line, and the customer bought the product nowhere else before
    assert return_match(daily.fct_before, UNMATCHED_RETURN) == ("customer_product", CORRECTED)
    assert return_match(daily.fct_after, UNMATCHED_RETURN) == ("unmatched", None)


def test_a_late_order_becomes_the_order_a_return_is_matched_to(daily: DailyRuns) -> None:
    # the customer's latest earlier sale of the product: ARCHIVE-0003 (08-12) until day 12 lands
    # ARCHIVE-0006 (08-16), two days before the credit note and later than the resent
    # ARCHIVE-0002 (08-14)
    before = return_match(daily.fct_before, LATE_MATCHED_RETURN)
    assert before == ("customer_product", "ARCHIVE-0003")
    after = return_match(daily.fct_after, LATE_MATCHED_RETURN)
    assert after == ("customer_product", LATE_MATCHED_ORDER)


def test_a_late_first_order_makes_the_former_first_day_a_returning_day(
    daily: DailyRuns,
) -> None:
    # The newcomer's earliest line is a credit note (07-01): their first order was 08-20 until
    # the order of 07-15 landed on day 12, a day no other line is dated on.
    def customers(marts: dict[str, list[Row]]) -> dict[date, tuple[int, int, int]]:
        """(orders, new customers, returning customers) on the newcomer's days."""
        days = {NEWCOMER_RETURN_DAY, NEWCOMER_LATE_DAY, NEWCOMER_FIRST_DAY}
        return {
            row["sales_date"]: (
                row["order_count"],
                row["new_customers"],
                row["returning_customers"],
            )
            for row in daily.records(marts, "rpt_daily_sales_summary")
            if row["sales_date"] in days
        }

    assert customers(daily.marts_before) == {
        NEWCOMER_RETURN_DAY: (0, 0, 0),
        NEWCOMER_FIRST_DAY: (1, 1, 0),
    }
    assert customers(daily.marts_incremental) == {
        NEWCOMER_RETURN_DAY: (0, 0, 0),
        NEWCOMER_LATE_DAY: (1, 1, 0),
        NEWCOMER_FIRST_DAY: (1, 0, 1),
    }
    [lifetime] = [
        row
        for row in daily.records(daily.marts_incremental, "rpt_customer_lifetime_value")
        if row["customer_id"] == daily.newcomer
    ]
    assert lifetime["first_order_date"] == NEWCOMER_LATE_DAY


def test_the_daily_summary_splits_the_archive_days_into_gross_returns_and_net(
    daily: DailyRuns,
) -> None:
    # the day the resent order left, the day it moved to, the June day, the guest's day and
    # the credit note's day (returns, no order), and no other day before the sample
    orders = archive_orders(daily)
    rows = {row["sales_date"]: row for row in daily.late_views["daily"]}
    assert rows.keys() == ARCHIVE_DAYS
    for day in ARCHIVE_DAYS:
        placed = [lines for lines in orders.values() if order_day(lines) == day]
        day_lines = [line for lines in placed for line in lines]
        assert pick(rows[day], money(day_lines)) == money(day_lines), day
        assert rows[day]["order_count"] == sum(map(is_order, placed)), day
        guest_net = money([s for s in day_lines if s.is_guest])["net_sales"]
        assert rows[day]["guest_net_sales"] == guest_net, day
    assert rows[OLD_DAY]["net_sales"] == Decimal("40.00")  # 80.00 and 30.00 left with the order
    guest_day = pick(rows[GUEST_DAY], ("gross_sales", "discounts", "net_sales", "shipping"))
    assert guest_day == {
        "gross_sales": Decimal("60.00"),
        "discounts": Decimal("3.50"),
        "net_sales": Decimal("56.50"),
        "shipping": Decimal("4.95"),
    }
    assert rows[GUEST_DAY]["guest_share_pct"] == percent(Decimal("31.50"), Decimal("56.50"))
    assert pick(rows[RETURN_DAY], ("order_count", "returns", "net_sales")) == {
        "order_count": 0,
        "returns": Decimal("25.00"),
        "net_sales": Decimal("-25.00"),
    }


def test_category_and_product_reports_show_the_archive_merchandise_net_of_returns(
    daily: DailyRuns,
) -> None:
    merchandise = [s for lines in archive_orders(daily).values() for s in lines if s.is_merchandise]
    split = ("gross_sales", "returns", "net_sales")
    # by category, per day (the guest's shipping and discount lines are in no category)
    categories = catalog_categories(daily.lake)
    per_category: dict[tuple[date, str], list[KeptSale]] = defaultdict(list)
    for s in merchandise:
        per_category[(s.day, categories.get(s.product_id, "Unknown"))].append(s)
    shown = {(r["sales_date"], r["category"]): pick(r, split) for r in daily.late_views["category"]}
    assert shown == {key: pick(money(lines), split) for key, lines in per_category.items()}
    # top products: each period's products ranked by net sales, the moved line where it is now
    top = {
        (r["period_type"], r["period_start_date"], r["product_id"]): (
            r["gross_sales"],
            r["returns"],
            r["net_sales"],
            r["revenue_rank"],
        )
        for r in daily.late_views["top_products"]
    }
    assert top == top_products(merchandise)


def test_lifetime_value_is_net_of_every_order_and_leaves_guests_out(daily: DailyRuns) -> None:
    lifetime = {r["customer_id"]: r for r in daily.late_views["lifetime_value"]}
    assert "guest" not in lifetime
    bought = by_order(s for s in kept_sales(daily.lake) if s.customer_id == daily.archive_customer)
    clv = lifetime[daily.archive_customer]
    split = money([line for lines in bought.values() for line in lines])
    assert pick(clv, ("gross_sales", "returns", "lifetime_value")) == {
        "gross_sales": split["gross_sales"],
        "returns": split["returns"],
        "lifetime_value": split["net_sales"],
    }
    assert clv["order_count"] == sum(map(is_order, bought.values()))
    assert clv["first_order_date"] == LATE_DAY  # the June order, landed on day 12
    # the guest checkout is under the one guest member of dim_customers
    assert [(m["customer_id"], m["customer_name"]) for m in daily.late_views["guest_members"]] == [
        ("guest", "Guest checkout")
    ]


def test_the_replaced_lines_are_superseded_and_both_archive_files_balance(
    daily: DailyRuns,
) -> None:
    rejected = Counter(
        (r["transaction_id"], r["reject_reason"]) for r in daily.late_views["rejected"]
    )
    assert rejected == {(CORRECTED, "superseded_version"): 2}
    reconciliation = {r["landed_file_name"]: r for r in daily.late_views["reconciliation"]}
    archive_file, corrections_file = daily.archive_files
    counts = ("rows_used", "rows_rejected", "is_balanced")
    # the archive: ARCHIVE-0002's two lines superseded and the id-less line rejected
    assert pick(reconciliation[archive_file], counts) == {
        "rows_used": len(ARCHIVE) - 2,
        "rows_rejected": 3,
        "is_balanced": True,
    }
    assert pick(reconciliation[corrections_file], counts) == {
        "rows_used": len(ARCHIVE_CORRECTIONS),
        "rows_rejected": 1,
        "is_balanced": True,
    }


def test_an_id_less_line_is_decided_once_when_staged(daily: DailyRuns) -> None:
    # A line without a transaction id is missing a required field whatever else lands: its
    # copy on day 12 is decided alone (not a duplicate of the archive's), and no id-less line
    # of the history is re-decided by the daily build (at 10M rows that was 4,400 lines on
    # 987 days, and every report recomputed every day).
    archive_file, corrections_file = daily.archive_files
    lines = daily.late_views["id_less"]
    assert {(r["landed_file_name"], r["reject_reason"]) for r in lines} >= {
        (archive_file, "missing_required_field"),
        (corrections_file, "missing_required_field"),
    }
    assert {r["reject_reason"] for r in lines} == {"missing_required_field"}
    redecided = {r["landed_file_name"] for r in lines if r["redecided"]}
    assert corrections_file in redecided
    assert redecided <= {corrections_file, daily.appended_file}
    history = [r for r in lines if r["landed_file_name"] not in redecided]
    assert any(r["landed_file_name"] == archive_file for r in history)
    assert any(r["landed_file_name"] != archive_file for r in history), "no id-less sample line"


def test_a_renamed_product_is_renamed_in_every_period_it_sold_in(daily: DailyRuns) -> None:
    def shown(marts: dict[str, list[Row]]) -> dict[str, set[tuple[object, object]]]:
        """product_name and category of the renamed product's rows, per period type."""
        rows: dict[str, set[tuple[object, object]]] = {}
        for row in daily.records(marts, "rpt_top_products"):
            if row["product_id"] == daily.reports.renamed_product:
                rows.setdefault(str(row["period_type"]), set()).add(
                    (row["product_name"], row["category"])
                )
        return rows

    before, after = shown(daily.marts_before), shown(daily.marts_incremental)
    assert before.keys() == after.keys() == {"day", "week", "month"}
    assert all(daily.reports.renamed_to not in names for names in before.values())
    assert all(names == {daily.reports.renamed_to} for names in after.values())


def test_a_late_order_moves_a_customers_first_order_earlier(daily: DailyRuns) -> None:
    def first_order(marts: dict[str, list[Row]]) -> object:
        [row] = [
            r
            for r in daily.records(marts, "rpt_customer_lifetime_value")
            if r["customer_id"] == daily.reports.earlier_first_order
        ]
        return row["first_order_date"]

    moved = (first_order(daily.marts_before), first_order(daily.marts_incremental))
    assert moved == daily.reports.first_order_dates
    # new_customers changed on both days; the full refresh agrees (the first test) only if the
    # incremental build recomputed the old first day, which no line of day 12 is dated on
    before, after = daily.fct_before, daily.fct_after
    day12_days = {
        row["transaction_date"]
        for key in before.keys() | after.keys()
        if before.get(key) != after.get(key)
        for row in (before.get(key), after.get(key))
        if row is not None
    }
    assert moved[0] not in day12_days


def test_a_product_day_left_without_sales_is_deleted(daily: DailyRuns) -> None:
    day, product = daily.reports.moved_from
    key = f"day|{day.isoformat()}|{product}"
    before = {r["top_product_id"] for r in daily.records(daily.marts_before, "rpt_top_products")}
    after = {
        r["top_product_id"] for r in daily.records(daily.marts_incremental, "rpt_top_products")
    }
    assert key in before
    assert key not in after
    moved = [r for (tid, _), r in daily.fct_after.items() if tid == daily.reports.moved_order]
    assert moved
    assert all(r["transaction_date"] != day for r in moved)
