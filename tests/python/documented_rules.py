"""The documented cleaning rules (docs/models.md "Cleaning rules", seed reject_reasons) in Python.

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

import yaml

# The landed sales contract's columns, in order (docs/ingesting.md "The sales contract").
FIELDS = (
    "transaction_id",
    "customer_id",
    "product_id",
    "quantity",
    "amount",
    "transaction_date",
    "line_number",
    "line_type",
    "original_transaction_id",
)
QUANTITY = re.compile(r"-?[0-9]{1,9}")
MONEY = re.compile(r"-?[0-9]{1,16}(\.[0-9]{1,2})?")
TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}")
# The value bounds (dbt vars, docs/models.md "Value bounds"): their defaults.
MAX_LINE_AMOUNT = Decimal("1000000.00")
MAX_DAYS_AFTER_LANDING = 1
MIN_TRANSACTION_DATE = date(2000, 1, 1)
GUEST = "guest"  # dbt var guest_customer_id: the customer_id of a guest checkout's lines
REPO_ROOT = Path(__file__).resolve().parents[2]


def parse_timestamp(raw: str) -> datetime | None:
    """'YYYY-MM-DD HH:MM:SS' as a datetime, or None."""
    if not TIMESTAMP.fullmatch(raw):
        return None
    try:
        return datetime.strptime(raw, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None


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
    exports = sorted(
        (lake / "landing" / "products").glob("ingest_date=*/*.ndjson"), key=lambda p: p.name
    )
    for path in exports:  # landing order: later exports overwrite earlier ones
        rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        for product, row in usable_catalog_rows(rows).items():
            categories[product] = str(row["category"])
    return categories


# --- sales: lines of orders (docs/models.md "Cleaning rules", sales rules 6-17) ---------------

ID_FIELDS = frozenset({"transaction_id", "customer_id", "product_id", "original_transaction_id"})
# The invisible characters copy-paste leaves in an id: zero-width space, non-joiner, joiner,
# word joiner and a stray byte-order mark.
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
LINE_TYPES = ("merchandise", "shipping", "fee", "discount", "voucher", "adjustment")
# The fields that, with the order and the line number, make two lines exact copies.
COPY_FIELDS = (1, 2, 3, 4, 5, 7, 8)  # positions in FIELDS


def line_type_patterns(project: Path) -> dict[str, re.Pattern[str]]:
    """The dbt var line_type_patterns of dbt_project.yml: the line type of a product code when
    the export gives none (first match wins, on the lower-cased code)."""
    variables = yaml.safe_load((project / "dbt_project.yml").read_text())["vars"]
    return {name: re.compile(pattern) for name, pattern in variables["line_type_patterns"].items()}


@dataclass(frozen=True)
class LandedLine:
    """One line of a landed sales file with the nine fields of the contract: ids without
    invisible characters, every value trimmed (empty: None), line_type lower-cased."""

    batch: str
    file: str
    ingest_day: date
    position: int  # the line's position in its file
    values: tuple[str | None, ...]


@dataclass(frozen=True)
class KeptSale:
    """A line of an order's kept version, typed."""

    transaction_id: str
    line_number: int
    customer_id: str  # GUEST for a guest checkout, as in fct_sales
    product_id: str
    line_type: str
    quantity: int
    amount: Decimal
    at: datetime
    file: str

    @property
    def day(self) -> date:
        """Date of the line."""
        return self.at.date()

    @property
    def is_guest(self) -> bool:
        """A guest checkout's line (landed without a customer id)."""
        return self.customer_id == GUEST

    @property
    def is_merchandise(self) -> bool:
        """A product sold or returned (not postage, a fee, a discount or an adjustment)."""
        return self.line_type == "merchandise"

    @property
    def gross(self) -> Decimal:
        """Merchandise sold."""
        return self.amount if self.is_merchandise and self.quantity > 0 else Decimal(0)

    @property
    def returned(self) -> Decimal:
        """Merchandise returned, as a positive amount."""
        return -self.amount if self.is_merchandise and self.quantity < 0 else Decimal(0)

    @property
    def discount(self) -> Decimal:
        """A discount or voucher, as a positive amount taken off."""
        return -self.amount if self.line_type in ("discount", "voucher") else Decimal(0)

    @property
    def net(self) -> Decimal:
        """gross - discount - returned: the line's part of net sales."""
        return self.gross - self.discount - self.returned

    @property
    def units_sold(self) -> int:
        """Merchandise units sold."""
        return self.quantity if self.is_merchandise and self.quantity > 0 else 0

    @property
    def units_returned(self) -> int:
        """Merchandise units returned."""
        return -self.quantity if self.is_merchandise and self.quantity < 0 else 0


def _landed_value(field: str, raw: str | None) -> str | None:
    """A raw field as staging reads it."""
    value = raw or ""
    if field in ID_FIELDS:
        value = value.translate(ZERO_WIDTH)
    value = value.strip()
    if field == "line_type":
        value = value.lower()
    return value or None


def landed_sales_lines(lake: Path) -> list[LandedLine]:
    """Every landed sales line with the contract's nine fields, in landing order (batch, then
    file name, then line)."""
    lines = []
    for path in (lake / "landing" / "sales").glob("ingest_date=*/*.csv"):
        batch = path.name.split("-", 1)[0]
        day = date.fromisoformat(path.parent.name.removeprefix("ingest_date="))
        with path.open(newline="", encoding="utf-8") as handle:
            for position, record in enumerate(csv.DictReader(handle)):
                values = tuple(_landed_value(f, record.get(f)) for f in FIELDS)
                lines.append(LandedLine(batch, path.name, day, position, values))
    return sorted(lines, key=lambda line: (line.batch, line.file, line.position))


def _line_numbers(lines: list[LandedLine]) -> list[int | None]:
    """Each line's number within its order: the landed line_number, else its rank among its
    order's unnumbered lines in the file (the door numbers every line it lands, so the sample
    has no unnumbered line; a line without a transaction_id is rejected whatever its number)."""
    numbers: list[int | None] = []
    unnumbered: dict[tuple[str, str | None], int] = {}
    for line in lines:
        raw = line.values[6]
        if raw is not None and QUANTITY.fullmatch(raw):
            numbers.append(int(raw))
            continue
        key = (line.file, line.values[0])
        unnumbered[key] = unnumbered.get(key, 0) + 1
        numbers.append(unnumbered[key])
    return numbers


def _line_type(values: tuple[str | None, ...], patterns: dict[str, re.Pattern[str]]) -> str:
    """The landed line_type, else the first pattern the lower-cased product code matches, else
    merchandise."""
    if values[7] is not None:
        return values[7]
    code = (values[2] or "").lower()
    return next((name for name, p in patterns.items() if p.fullmatch(code)), "merchandise")


def _row_reason(
    line: LandedLine, line_type: str, copy: int, slot_lines: int, slot_copies: int
) -> str | None:
    """The first of rules 6-16 that rejects the line on its own (None: valid)."""
    tid, _customer, product, quantity, amount, moment = line.values[:6]
    if copy > 1 and slot_lines == slot_copies:
        return "duplicate_row"
    if tid is None or product is None or quantity is None or amount is None or moment is None:
        return "missing_required_field"
    when = parse_timestamp(moment)
    if when is None:
        return "unparseable_transaction_date"
    latest_day = line.ingest_day + timedelta(days=MAX_DAYS_AFTER_LANDING)
    if not MIN_TRANSACTION_DATE <= when.date() <= latest_day:
        return "transaction_date_out_of_range"
    if not MONEY.fullmatch(amount):
        return "unparseable_amount"
    if not QUANTITY.fullmatch(quantity):
        return "unparseable_quantity"
    units, money = int(quantity), Decimal(amount)
    if line_type == "merchandise" and ((units > 0 > money) or (units < 0 < money)):
        return "amount_sign_mismatch"
    if abs(money) > MAX_LINE_AMOUNT:
        return "amount_out_of_range"
    if units == 0:
        return "zero_quantity"
    if line_type not in LINE_TYPES:
        return "unknown_line_type"
    if slot_lines > slot_copies:
        return "conflicting_line_number"
    return None


def kept_sales(lake: Path, project: Path = REPO_ROOT) -> list[KeptSale]:
    """The lines the documented rules keep: of every order, its valid lines in the latest file
    (batch, then file name) that holds a valid line of it."""
    lines = landed_sales_lines(lake)
    numbers = _line_numbers(lines)
    patterns = line_type_patterns(project)
    slots: dict[tuple[str, str | None, int | None], int] = {}
    copies: dict[tuple[object, ...], int] = {}
    for line, number in zip(lines, numbers, strict=True):
        slot = (line.file, line.values[0], number)
        slots[slot] = slots.get(slot, 0) + 1
        key = (*slot, *(line.values[i] for i in COPY_FIELDS))
        copies[key] = copies.get(key, 0) + 1
    seen: dict[tuple[object, ...], int] = {}
    valid: list[tuple[LandedLine, int, str]] = []
    for line, number in zip(lines, numbers, strict=True):
        slot = (line.file, line.values[0], number)
        key = (*slot, *(line.values[i] for i in COPY_FIELDS))
        seen[key] = seen.get(key, 0) + 1
        line_type = _line_type(line.values, patterns)
        if _row_reason(line, line_type, seen[key], slots[slot], copies[key]) is None:
            assert number is not None
            valid.append((line, number, line_type))
    latest: dict[str, tuple[str, str]] = {}  # transaction_id -> (batch, file) of its version
    for line, _, _ in valid:
        tid = str(line.values[0])
        latest[tid] = max(latest.get(tid, (line.batch, line.file)), (line.batch, line.file))
    kept = []
    for line, number, line_type in valid:
        tid, customer, product, quantity, amount, moment = line.values[:6]
        if latest[str(tid)] != (line.batch, line.file):
            continue  # superseded_version (or a copy of a kept line: duplicate_row)
        when = parse_timestamp(str(moment))
        assert when is not None
        kept.append(
            KeptSale(
                str(tid),
                number,
                customer or GUEST,
                str(product),
                line_type,
                int(str(quantity)),
                Decimal(str(amount)),
                when,
                line.file,
            )
        )
    return kept
