"""Marts recomputed in plain Python from the landed raw files with the documented rules.

documented_rules.py applies docs/models.md "Cleaning rules" independently of the SQL; each test
here derives one mart from the lines it keeps, with the definitions the marts document
(docs/models.md "The money"), and requires the warehouse to hold exactly the same rows:
  gross      merchandise lines with a positive quantity
  returns    merchandise lines with a negative quantity, as a positive amount
  discounts  discount and voucher lines, as a positive amount
  net        gross - discounts - returns (shipping and fees are not in it)
  an order   an order (transaction_id) with a merchandise line sold; it is on the day of its
             first line, and a credit note of returns only is not one
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TypeVar

import pytest
from documented_rules import GUEST, KeptSale, catalog_categories, kept_sales

from conftest import E2ERun

pytestmark = pytest.mark.e2e

CENT = Decimal("0.01")
Key = TypeVar("Key", date, str)


def money_ratio(numerator: Decimal, denominator: int) -> Decimal | None:
    """numerator / denominator rounded half up to cents as macros/cross_db/money_ratio.sql
    documents it: (numerator * 200 + denominator) // (2 * denominator), in integers, with
    DuckDB's integer division (towards zero); None for a zero denominator."""
    if denominator == 0:
        return None
    top, bottom = int(numerator * 200) + denominator, 2 * denominator
    quotient = abs(top) // abs(bottom) * (1 if (top >= 0) == (bottom > 0) else -1)
    return Decimal(quotient) * CENT


def percent(part: Decimal, whole: Decimal) -> Decimal | None:
    """part / whole in percent to two decimals, computed on integer cents as the marts do."""
    return money_ratio(part * 100 * 100, int(whole * 100))


def total(values: Iterable[Decimal]) -> Decimal:
    """The sum of amounts (0.00 when there are none)."""
    return sum(values, Decimal("0"))


@dataclass(frozen=True)
class Order:
    """An order's kept lines summed, as fct_orders documents it."""

    transaction_id: str
    lines: tuple[KeptSale, ...]

    @property
    def customer_id(self) -> str:
        """Its customer, the guest member for a guest checkout."""
        return max(line.customer_id for line in self.lines)

    @property
    def is_guest(self) -> bool:
        """A guest checkout: no line has a customer."""
        return all(line.is_guest for line in self.lines)

    @property
    def day(self) -> date:
        """The day of its first line."""
        return min(line.day for line in self.lines)

    @property
    def is_order(self) -> bool:
        """It sold merchandise (a credit note of returns only is not an order)."""
        return any(line.units_sold > 0 for line in self.lines)

    def sum(self, measure: Callable[[KeptSale], Decimal]) -> Decimal:
        """A money measure over its lines."""
        return total(measure(line) for line in self.lines)

    def units(self, measure: Callable[[KeptSale], int]) -> int:
        """A unit measure over its lines."""
        return sum(measure(line) for line in self.lines)

    def of_type(self, *types: str) -> Decimal:
        """The amounts of its lines of these types."""
        return total(line.amount for line in self.lines if line.line_type in types)


def orders_of(lines: list[KeptSale]) -> list[Order]:
    """The kept lines by order."""
    by_order: dict[str, list[KeptSale]] = defaultdict(list)
    for line in lines:
        by_order[line.transaction_id].append(line)
    return [Order(tid, tuple(order_lines)) for tid, order_lines in by_order.items()]


def grouped(orders: list[Order], key: Callable[[Order], Key]) -> list[tuple[Key, list[Order]]]:
    """The orders grouped by key, in key order."""
    groups: dict[Key, list[Order]] = defaultdict(list)
    for order in orders:
        groups[key(order)].append(order)
    return sorted(groups.items(), key=lambda group: group[0])


def first_order_days(orders: list[Order]) -> dict[str, date]:
    """Each known customer's first order day (orders placed, not credit notes)."""
    first: dict[str, date] = {}
    for order in orders:
        if order.is_order and not order.is_guest:
            first[order.customer_id] = min(order.day, first.get(order.customer_id, order.day))
    return first


def test_daily_summary_matches_an_independent_computation(e2e: E2ERun) -> None:
    orders = orders_of(kept_sales(e2e.lake))
    first_day = first_order_days(orders)
    expected = []
    for day, of_day in grouped(orders, lambda order: order.day):
        placed = [order for order in of_day if order.is_order]
        gross = total(order.sum(lambda line: line.gross) for order in of_day)
        discounts = total(order.sum(lambda line: line.discount) for order in of_day)
        returns = total(order.sum(lambda line: line.returned) for order in of_day)
        net = gross - discounts - returns
        guest_net = total(order.sum(lambda line: line.net) for order in of_day if order.is_guest)
        customers = {order.customer_id for order in placed if not order.is_guest}
        new = sum(1 for customer in customers if first_day[customer] == day)
        order_value = total(
            order.sum(lambda line: line.gross) - order.sum(lambda line: line.discount)
            for order in placed
        )
        expected.append(
            (
                day,
                len(placed),
                sum(1 for order in placed if order.is_guest),
                sum(order.units(lambda line: line.units_sold) for order in of_day),
                sum(order.units(lambda line: line.units_returned) for order in of_day),
                gross,
                discounts,
                returns,
                net,
                total(order.of_type("shipping") for order in of_day),
                total(order.of_type("fee", "adjustment") for order in of_day),
                total(order.sum(lambda line: line.amount) for order in of_day),
                money_ratio(order_value, len(placed)),
                money_ratio(
                    Decimal(sum(o.units(lambda line: line.units_sold) for o in placed)), len(placed)
                ),
                percent(returns, gross),
                guest_net,
                percent(guest_net, net),
                len(customers),
                new,
                len(customers) - new,
            )
        )

    actual = e2e.query(
        "select sales_date, order_count, guest_order_count, units_sold, units_returned,"
        " gross_sales, discounts, returns, net_sales, shipping, fees, total_sales,"
        " avg_order_value, avg_items_per_order, return_rate_pct, guest_net_sales,"
        " guest_share_pct, unique_customers, new_customers, returning_customers"
        " from analytics_marts.rpt_daily_sales_summary order by sales_date"
    )
    assert len(expected) == 12
    assert actual == expected
    # the sample has all of it: guest orders, discounts, returns and shipping
    assert all(sum(row[column] for row in expected) > 0 for column in (2, 6, 7, 9))


def test_customer_lifetime_value_matches_an_independent_computation(e2e: E2ERun) -> None:
    orders = orders_of(kept_sales(e2e.lake))
    as_of = max(order.day for order in orders)
    expected = []
    known = [order for order in orders if not order.is_guest]  # guests are not customers
    for customer, of_customer in grouped(known, lambda order: order.customer_id):
        placed = [order for order in of_customer if order.is_order]
        if not placed:
            continue  # returns only: no order, so no lifetime yet
        value = total(order.sum(lambda line: line.net) for order in of_customer)
        # what average order value divides: (gross - discounts) of the orders, not returns
        ordered = total(o.sum(lambda line: line.gross - line.discount) for o in placed)
        first, last = min(o.day for o in placed), max(o.day for o in placed)
        expected.append(
            (
                customer,
                len(placed),
                sum(
                    o.units(lambda line: line.units_sold - line.units_returned) for o in of_customer
                ),
                total(order.sum(lambda line: line.gross) for order in of_customer),
                total(order.sum(lambda line: line.returned) for order in of_customer),
                value,
                money_ratio(ordered, len(placed)),
                (as_of - first).days,
                (as_of - last).days,
                first,
                last,
                as_of,
            )
        )

    actual = e2e.query(
        "select customer_id, order_count, units_purchased, gross_sales, returns, lifetime_value,"
        " avg_order_value, tenure_days, days_since_last_order, first_order_date,"
        " last_order_date, as_of_date"
        " from analytics_marts.rpt_customer_lifetime_value order by customer_id"
    )
    assert len(expected) > 300
    assert GUEST not in {row[0] for row in expected}
    assert actual == expected


def test_top_products_match_an_independent_computation(e2e: E2ERun) -> None:
    categories = catalog_categories(e2e.lake)
    period_starts = {
        "day": lambda d: d,
        "week": lambda d: d - timedelta(days=d.weekday()),  # ISO weeks start on Monday
        "month": lambda d: d.replace(day=1),
    }
    totals: dict[tuple[str, date, str], list[KeptSale]] = defaultdict(list)
    for line in kept_sales(e2e.lake):
        if not line.is_merchandise:
            continue  # postage, fees, discounts and adjustments are not products
        for period_type, start_of in period_starts.items():
            totals[period_type, start_of(line.day), line.product_id].append(line)

    def figures(key: tuple[str, date, str]) -> tuple[int, int, int, Decimal, Decimal, Decimal]:
        """Orders (that sold it), units sold and returned, gross, returns and net."""
        lines = totals[key]
        return (
            len({line.transaction_id for line in lines if line.quantity > 0}),
            sum(line.units_sold for line in lines),
            sum(line.units_returned for line in lines),
            total(line.gross for line in lines),
            total(line.returned for line in lines),
            total(line.net for line in lines),
        )

    def ranking(key: tuple[str, date, str]) -> tuple[Decimal, int, str]:
        """Net sales, then net units, then product_id."""
        _orders, sold, returned, _gross, _returns, net = figures(key)
        return (-net, -(sold - returned), key[2])

    expected = []
    by_period: dict[tuple[str, date], list[tuple[str, date, str]]] = defaultdict(list)
    for key in totals:
        by_period[key[:2]].append(key)
    for keys in by_period.values():
        category_ranks: dict[str, int] = defaultdict(int)
        for rank, key in enumerate(sorted(keys, key=ranking), start=1):
            category = categories.get(key[2], "Unknown")
            category_ranks[category] += 1
            expected.append((*key, category, rank, category_ranks[category], *figures(key)))

    actual = e2e.query(
        "select period_type, period_start_date, product_id, category, revenue_rank,"
        " category_revenue_rank, order_count, units_sold, units_returned, gross_sales, returns,"
        " net_sales from analytics_marts.rpt_top_products"
    )
    assert {row[0] for row in expected} == {"day", "week", "month"}
    assert any(row[-2] > 0 for row in expected), "returns rank products by net"
    assert sorted(actual, key=repr) == sorted(expected, key=repr)
