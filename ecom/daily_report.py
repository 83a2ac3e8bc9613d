"""The daily business report: the day's row of rpt_daily_sales_summary (orders, gross sales,
discounts, returns, net sales, average order value per order, return rate, guest share) and
its top products by net sales, written to the lake as CSV and Parquet under
``reports/daily/report_date=YYYY-MM-DD/``.

The same keys are overwritten on every run of the day, so a re-run leaves one report. The rows
are read through the warehouse module (any target); DuckDB writes the files locally (straight
from the warehouse file on the DuckDB target) and the storage layer puts them in the lake.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb

from ecom.warehouse import Warehouse, in_memory_duckdb
from ingest.storage import Storage

REPORT_PREFIX = "reports/daily"
TOP_PRODUCTS = 10
FORMATS = ("csv", "parquet")


@dataclass(frozen=True)
class ReportPart:
    """One table of the report: its name and the query (model names in braces)."""

    name: str
    query: str


# The reports' columns, named: the marts also carry refreshed_at (when a build wrote the row),
# which is bookkeeping, not part of the day's report, and would differ between two runs that
# produced the same numbers. Money is reported as gross, discounts, returns and net side by
# side (net = gross - discounts - returns, the headline), with shipping and fees beside it;
# the average order value is per order, and products rank by net sales (merchandise only).
SUMMARY_COLUMNS = (
    "sales_date, order_count, guest_order_count, units_sold, units_returned, gross_sales, "
    "discounts, returns, net_sales, shipping, fees, total_sales, avg_order_value, "
    "avg_items_per_order, return_rate_pct, guest_net_sales, guest_share_pct, unique_customers, "
    "new_customers, returning_customers"
)
TOP_PRODUCT_COLUMNS = (
    "top_product_id, product_id, period_type, product_name, category, revenue_rank, "
    "category_revenue_rank, order_count, units_sold, units_returned, gross_sales, returns, "
    "net_sales, period_start_date, period_end_date"
)


def report_parts(day: date) -> list[ReportPart]:
    """The tables of the report for one day, in a stable order."""
    literal = f"cast('{day.isoformat()}' as date)"
    return [
        ReportPart(
            "daily_sales_summary",
            f"select {SUMMARY_COLUMNS} from {{rpt_daily_sales_summary}} "
            f"where sales_date = {literal}",
        ),
        ReportPart(
            "top_products",
            f"select {TOP_PRODUCT_COLUMNS} from {{rpt_top_products}} where period_type = 'day' "
            f"and period_start_date = {literal} and revenue_rank <= {TOP_PRODUCTS} "
            "order by revenue_rank",
        ),
    ]


def report_key(day: date, part: str, fmt: str) -> str:
    """The lake key of one file of the report."""
    return f"{REPORT_PREFIX}/report_date={day.isoformat()}/{part}.{fmt}"


def _sql(query: str, warehouse: Warehouse) -> str:
    """The query with each {model} replaced by the mart's relation."""
    names = ("rpt_daily_sales_summary", "rpt_top_products")
    return query.format(**{name: warehouse.relation(name) for name in names})


def _json_value(value: object) -> object:
    """Decimals as numbers and dates as ISO text, as DuckDB's read_json reads them back."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _write_files(
    con: duckdb.DuckDBPyConnection, select: str, folder: Path, name: str
) -> dict[str, Path]:
    paths = {}
    for fmt in FORMATS:
        path = folder / f"{name}.{fmt}"
        options = "format csv, header true" if fmt == "csv" else "format parquet"
        con.execute(f"copy ({select}) to '{path}' ({options})")
        paths[fmt] = path
    return paths


def export_daily_report(warehouse: Warehouse, storage: Storage, day: date) -> list[str]:
    """Write the day's report to the lake; the keys written."""
    keys = []
    with tempfile.TemporaryDirectory(prefix="ecom-report-") as tmp:
        folder = Path(tmp)
        for part in report_parts(day):
            select = _sql(part.query, warehouse)
            if warehouse.kind == "duckdb":
                with warehouse.connection() as con:
                    paths = _write_files(con, select, folder, part.name)
            else:
                rows = [
                    {k: _json_value(v) for k, v in row.items()} for row in warehouse.rows(select)
                ]
                rows_file = folder / f"{part.name}.rows.json"
                rows_file.write_text(json.dumps(rows))
                with in_memory_duckdb() as con:
                    from_rows = f"select * from read_json('{rows_file}', format = 'array')"
                    paths = _write_files(con, from_rows, folder, part.name)
            for fmt, path in paths.items():
                key = report_key(day, part.name, fmt)
                storage.put_bytes(key, path.read_bytes())
                keys.append(key)
    return keys
