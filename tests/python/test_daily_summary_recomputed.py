"""rpt_daily_sales_summary recomputed in plain Python from the landed raw files.

The cleaning rules applied here are the documented ones (README "Cleaning rules", the
reject_reasons seed), written independently of the SQL: if either drifts, this fails.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from conftest import E2ERun

FIELDS = ("transaction_id", "customer_id", "product_id", "quantity", "amount", "transaction_date")
QUANTITY = re.compile(r"-?[0-9]{1,9}")
AMOUNT = re.compile(r"-?[0-9]{1,16}(\.[0-9]{1,2})?")
TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}")


def landed_lines(lake: Path) -> list[tuple[str, str, tuple[str | None, ...]]]:
    """(batch id, landed file name, six trimmed fields) for every landed sales line, in order."""
    lines = []
    for path in sorted((lake / "landing" / "sales").glob("ingest_date=*/*.csv")):
        batch = path.name.split("-", 1)[0]
        with path.open(newline="", encoding="utf-8") as handle:
            for record in csv.DictReader(handle):
                values = tuple((record[f] or "").strip() or None for f in FIELDS)
                lines.append((batch, path.name, values))
    return sorted(lines, key=lambda line: (line[0], line[1]))  # stable: file order kept


def parse_timestamp(raw: str) -> datetime | None:
    if not TIMESTAMP.fullmatch(raw):
        return None
    try:
        return datetime.strptime(raw, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None


def clean_sales(lake: Path) -> dict[str, tuple[str, Decimal, date]]:
    """transaction_id -> (customer_id, amount, day) after the documented rules."""
    seen: set[tuple[str | None, ...]] = set()
    latest: dict[str, tuple[str, Decimal, date]] = {}
    for _batch, _file, values in landed_lines(lake):
        if values in seen:
            continue  # duplicate_row: the first copy is kept
        seen.add(values)
        tid, customer, _product, quantity, amount, moment = values
        if any(v is None for v in values):
            continue  # missing_required_field
        assert tid and customer and quantity and amount and moment
        when = parse_timestamp(moment)
        if when is None or not AMOUNT.fullmatch(amount) or not QUANTITY.fullmatch(quantity):
            continue  # unparseable_*
        if Decimal(amount) < 0 or int(quantity) <= 0:
            continue  # negative_amount / non_positive_quantity
        latest[tid] = (customer, Decimal(amount), when.date())  # later lines supersede
    return latest


def test_daily_summary_matches_an_independent_computation(e2e: E2ERun) -> None:
    per_day: dict[date, list[tuple[str, Decimal]]] = defaultdict(list)
    for customer, amount, day in clean_sales(e2e.lake).values():
        per_day[day].append((customer, amount))
    expected = []
    for day in sorted(per_day):
        rows = per_day[day]
        revenue = sum((a for _, a in rows), Decimal("0"))
        average = (revenue / len(rows)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        expected.append((day, len(rows), revenue, average, len({c for c, _ in rows})))

    actual = e2e.query(
        "select sales_date, transaction_count, total_revenue, avg_order_value, unique_customers "
        "from analytics_marts.rpt_daily_sales_summary order by sales_date"
    )
    assert len(expected) == 12
    assert actual == expected
