"""The documented cleaning rules (README "Cleaning rules", seed reject_reasons) in plain Python.

Written independently of the SQL, over the raw files in the lake, so the pytest checks that
recompute marts from it fail when either side drifts from the documentation.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

FIELDS = ("transaction_id", "customer_id", "product_id", "quantity", "amount", "transaction_date")
QUANTITY = re.compile(r"-?[0-9]{1,9}")
MONEY = re.compile(r"-?[0-9]{1,16}(\.[0-9]{1,2})?")
TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}")
# The value bounds (dbt vars, README "Cleaning rules"): their defaults.
MAX_LINE_AMOUNT = Decimal("1000000.00")
MAX_DAYS_AFTER_LANDING = 1
MIN_TRANSACTION_DATE = date(2000, 1, 1)


@dataclass(frozen=True)
class LandedLine:
    """One line of a landed sales file: batch, lake object name, landing day, six trimmed
    fields."""

    batch: str
    file: str
    ingest_day: date
    values: tuple[str | None, ...]


@dataclass(frozen=True)
class KeptSale:
    """The line kept for a transaction, typed."""

    transaction_id: str
    customer_id: str
    product_id: str
    quantity: int
    amount: Decimal
    at: datetime
    file: str

    @property
    def day(self) -> date:
        """Date of the sale."""
        return self.at.date()


def landed_sales_lines(lake: Path) -> list[LandedLine]:
    """Every landed sales line, in landing order (batch, then file name, then line)."""
    lines = []
    for path in (lake / "landing" / "sales").glob("ingest_date=*/*.csv"):
        batch = path.name.split("-", 1)[0]
        day = date.fromisoformat(path.parent.name.removeprefix("ingest_date="))
        with path.open(newline="", encoding="utf-8") as handle:
            for record in csv.DictReader(handle):
                values = tuple((record[f] or "").strip() or None for f in FIELDS)
                lines.append(LandedLine(batch, path.name, day, values))
    return sorted(lines, key=lambda line: (line.batch, line.file))  # stable: file order kept


def parse_timestamp(raw: str) -> datetime | None:
    """'YYYY-MM-DD HH:MM:SS' as a datetime, or None."""
    if not TIMESTAMP.fullmatch(raw):
        return None
    try:
        return datetime.strptime(raw, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None


def kept_sales(lake: Path) -> dict[str, KeptSale]:
    """transaction_id -> the line the documented rules keep for it."""
    seen: set[tuple[str | None, ...]] = set()
    latest: dict[str, KeptSale] = {}
    for line in landed_sales_lines(lake):
        if line.values in seen:
            continue  # duplicate_row: the first copy is kept
        seen.add(line.values)
        tid, customer, product, quantity, amount, moment = line.values
        if tid is None or customer is None or product is None:
            continue  # missing_required_field
        if quantity is None or amount is None or moment is None:
            continue  # missing_required_field
        when = parse_timestamp(moment)
        if when is None or not MONEY.fullmatch(amount) or not QUANTITY.fullmatch(quantity):
            continue  # unparseable_*
        latest_day = line.ingest_day + timedelta(days=MAX_DAYS_AFTER_LANDING)
        if not MIN_TRANSACTION_DATE <= when.date() <= latest_day:
            continue  # transaction_date_out_of_range
        if Decimal(amount) < 0 or Decimal(amount) > MAX_LINE_AMOUNT or int(quantity) <= 0:
            continue  # negative_amount / amount_out_of_range / non_positive_quantity
        # superseded_version: a later valid line replaces an earlier one
        latest[tid] = KeptSale(
            tid, customer, product, int(quantity), Decimal(amount), when, line.file
        )
    return latest


def _text(value: object) -> str | None:
    """A raw JSON value as staging sees it: text, trimmed, empty as None."""
    return (str(value).strip() or None) if value is not None else None


def usable_catalog_rows(rows: list[dict[str, object]]) -> dict[str, dict[str, str | None]]:
    """product_id -> the usable row of one catalog export, by the documented product rules."""
    fields = ("product_id", "name", "category", "price", "stock")
    seen: set[tuple[str | None, ...]] = set()
    candidates: dict[str, list[dict[str, str | None]]] = {}
    for row in rows:
        values = tuple(_text(row.get(f)) for f in fields)
        if values in seen:
            continue  # duplicate_row
        seen.add(values)
        product, name, category, price, stock = values
        if product is None or name is None or category is None or price is None:
            continue  # missing_required_field
        if not MONEY.fullmatch(price) or Decimal(price) < 0:
            continue  # unparseable_price / negative_price
        if stock is not None and not QUANTITY.fullmatch(stock):
            continue  # unparseable_stock
        candidates.setdefault(product, []).append(dict(zip(fields, values, strict=True)))
    # conflicting_duplicate_id: one product twice in an export with different content
    return {p: versions[0] for p, versions in candidates.items() if len(versions) == 1}


def catalog_categories(lake: Path) -> dict[str, str]:
    """product_id -> category in the latest catalog export that has a usable row for it."""
    categories: dict[str, str] = {}
    exports = sorted((lake / "landing" / "products").glob("ingest_date=*/*.ndjson"),
                     key=lambda p: p.name)  # fmt: skip
    for path in exports:  # landing order: later exports overwrite earlier ones
        rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        for product, row in usable_catalog_rows(rows).items():
            categories[product] = str(row["category"])
    return categories
