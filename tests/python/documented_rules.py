"""The documented cleaning rules (README "Cleaning rules", seed reject_reasons) in plain Python.

Written independently of the SQL, over the raw files in the lake, so the pytest checks that
recompute marts from it fail when either side drifts from the documentation.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

FIELDS = (
    "transaction_id", "customer_id", "product_id", "quantity", "amount", "transaction_date",
    "line_number", "line_type", "original_transaction_id",
)  # fmt: skip
QUANTITY = re.compile(r"-?[0-9]{1,9}")
MONEY = re.compile(r"-?[0-9]{1,16}(\.[0-9]{1,2})?")
TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}")
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
# The value bounds (dbt vars, README "Cleaning rules"): their defaults.
MAX_LINE_AMOUNT = Decimal("1000000.00")
MAX_DAYS_AFTER_LANDING = 1
MIN_TRANSACTION_DATE = date(2000, 1, 1)
# dbt var line_type_patterns' defaults, in order (a full match of the lower-cased product id).
LINE_TYPE_PATTERNS = (
    ("shipping", r"(post|postage|shipping|delivery|carriage|freight)([ _-].*)?"),
    ("fee", r"(.*[ _-])?fees?|bank[ _-]?charges?|service[ _-]?charges?"),
    ("discount", r"(discount|coupon|promo)([ _-].*)?"),
    ("voucher", r"(voucher|gift[ _-]?card)([ _-].*)?"),
    ("adjustment", r"(adjust|adjustment|manual)([ _-].*)?"),
)
LINE_TYPES = {"merchandise"} | {line_type for line_type, _ in LINE_TYPE_PATTERNS}
GUEST = "guest"  # dbt var guest_customer_id


@dataclass(frozen=True)
class LandedLine:
    """One line of a landed sales file: batch, lake object name, landing day, its fields
    (trimmed, ids without zero-width characters; None when empty) and its place in the file."""

    batch: str
    file: str
    ingest_day: date
    values: tuple[str | None, ...]
    position: int  # the line's rank among its order's lines in the file (1-based)


@dataclass(frozen=True)
class KeptSale:
    """A kept line of an order, typed."""

    transaction_id: str
    line_number: int
    customer_id: str  # GUEST for a guest checkout
    product_id: str
    line_type: str
    quantity: int
    amount: Decimal
    at: datetime
    file: str

    @property
    def day(self) -> date:
        """Date of the order."""
        return self.at.date()

    @property
    def is_guest(self) -> bool:
        """True for a guest checkout's line."""
        return self.customer_id == GUEST

    @property
    def is_merchandise(self) -> bool:
        """True for a merchandise line."""
        return self.line_type == "merchandise"


def _field(name: str, raw: str | None) -> str | None:
    text = (raw or "").translate(ZERO_WIDTH) if name.endswith("_id") else (raw or "")
    return text.strip() or None


def landed_sales_lines(lake: Path) -> list[LandedLine]:
    """Every landed sales line, in landing order (batch, then file name, then line)."""
    lines = []
    for path in (lake / "landing" / "sales").glob("ingest_date=*/*.csv"):
        batch = path.name.split("-", 1)[0]
        day = date.fromisoformat(path.parent.name.removeprefix("ingest_date="))
        positions: Counter[str | None] = Counter()
        with path.open(newline="", encoding="utf-8") as handle:
            for record in csv.DictReader(handle):
                values = tuple(_field(f, record.get(f)) for f in FIELDS)
                positions[values[0]] += 1
                lines.append(LandedLine(batch, path.name, day, values, positions[values[0]]))
    return sorted(lines, key=lambda line: (line.batch, line.file))  # stable: file order kept


def parse_timestamp(raw: str) -> datetime | None:
    """'YYYY-MM-DD HH:MM:SS' as a datetime, or None."""
    if not TIMESTAMP.fullmatch(raw):
        return None
    try:
        return datetime.strptime(raw, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None


def line_type_of(product: str, given: str | None) -> str:
    """The documented line type: the landed one, else the first matching pattern."""
    if given is not None:
        return given.lower()
    for line_type, pattern in LINE_TYPE_PATTERNS:
        if re.fullmatch(pattern, product.lower()):
            return line_type
    return "merchandise"


def _line_number(line: LandedLine) -> int:
    """The landed line number when it is a whole number, else the line's place in the file."""
    number = line.values[6]
    return int(number) if number is not None and QUANTITY.fullmatch(number) else line.position


def _usable(line: LandedLine) -> KeptSale | None:
    """The line typed when no row rule (7-15) rejects it."""
    tid, customer, product, quantity, amount, moment, _, given_type, _ = line.values
    if tid is None or product is None or quantity is None or amount is None or moment is None:
        return None  # missing_required_field (an empty customer_id is a guest)
    when = parse_timestamp(moment)
    if when is None or not MONEY.fullmatch(amount) or not QUANTITY.fullmatch(quantity):
        return None  # unparseable_*
    latest_day = line.ingest_day + timedelta(days=MAX_DAYS_AFTER_LANDING)
    if not MIN_TRANSACTION_DATE <= when.date() <= latest_day:
        return None  # transaction_date_out_of_range
    units, money = int(quantity), Decimal(amount)
    line_type = line_type_of(product, given_type)
    if line_type == "merchandise" and ((units > 0 > money) or (units < 0 < money)):
        return None  # amount_sign_mismatch
    if abs(money) > MAX_LINE_AMOUNT or units == 0 or line_type not in LINE_TYPES:
        return None  # amount_out_of_range / zero_quantity / unknown_line_type
    return KeptSale(
        tid,
        _line_number(line),
        customer or GUEST,
        product,
        line_type,
        units,
        money,
        when,
        line.file,
    )


def kept_sales(lake: Path) -> list[KeptSale]:
    """The kept lines of every order: its valid lines in the latest file holding one."""
    by_file: dict[tuple[str, str], dict[str, list[LandedLine]]] = {}
    for line in landed_sales_lines(lake):
        if line.values[0] is not None:
            by_file.setdefault((line.batch, line.file), {}).setdefault(line.values[0], []).append(
                line
            )
    versions: dict[str, list[KeptSale]] = {}
    for key in sorted(by_file):  # landing order: a later valid version replaces the order
        for tid, lines in by_file[key].items():
            slots: dict[int, list[KeptSale]] = {}
            contents: dict[int, set[tuple[str | None, ...]]] = {}
            for line in lines:
                number = _line_number(line)
                contents.setdefault(number, set()).add(line.values)
                sale = _usable(line)
                if sale is not None:
                    slots.setdefault(number, []).append(sale)
            kept = [
                copies[0]  # duplicate_row: one copy of a repeated line is kept
                for number, copies in slots.items()
                if len(contents[number]) == 1  # else conflicting_line_number
            ]
            if kept:
                versions[tid] = kept
    return [sale for sales in versions.values() for sale in sales]


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
