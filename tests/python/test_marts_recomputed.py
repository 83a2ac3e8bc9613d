"""Marts recomputed in plain Python from the landed raw files with the documented rules.

documented_rules.py applies README "Cleaning rules" independently of the SQL; each test here
derives one mart from its result and requires the warehouse to hold exactly the same rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeVar

from documented_rules import KeptSale, catalog_categories, kept_sales

from conftest import E2ERun

CENT = Decimal("0.01")
Key = TypeVar("Key", date, str)


def money_ratio(total: Decimal, count: int) -> Decimal:
    """total / count rounded half up to cents, as the marts document it."""
    return (total / count).quantize(CENT, rounding=ROUND_HALF_UP)


def revenue_of(sales: list[KeptSale]) -> Decimal:
    """The sum of the sales' amounts."""
    return sum((s.amount for s in sales), Decimal("0"))


def grouped(
    sales: list[KeptSale], key: Callable[[KeptSale], Key]
) -> list[tuple[Key, list[KeptSale]]]:
    """The sales grouped by key, in key order."""
    groups: dict[Key, list[KeptSale]] = defaultdict(list)
    for sale in sales:
        groups[key(sale)].append(sale)
    return sorted(groups.items(), key=lambda group: group[0])


def test_daily_summary_matches_an_independent_computation(e2e: E2ERun) -> None:
    sales = list(kept_sales(e2e.lake).values())
    first_day: dict[str, date] = {}
    for sale in sales:
        first_day[sale.customer_id] = min(sale.day, first_day.get(sale.customer_id, sale.day))
    expected = []
    for day, rows in grouped(sales, lambda sale: sale.day):
        revenue = revenue_of(rows)
        customers = {s.customer_id for s in rows}
        new = sum(1 for c in customers if first_day[c] == day)
        expected.append(
            (day, len(rows), revenue, money_ratio(revenue, len(rows)), len(customers), new,
             len(customers) - new)
        )  # fmt: skip

    actual = e2e.query(
        "select sales_date, transaction_count, total_revenue, avg_order_value, unique_customers,"
        " new_customers, returning_customers"
        " from analytics_marts.rpt_daily_sales_summary order by sales_date"
    )
    assert len(expected) == 12
    assert actual == expected


def test_customer_lifetime_value_matches_an_independent_computation(e2e: E2ERun) -> None:
    sales = list(kept_sales(e2e.lake).values())
    as_of = max(s.day for s in sales)
    expected = []
    for customer, rows in grouped(sales, lambda sale: sale.customer_id):
        value = revenue_of(rows)
        first, last = min(s.day for s in rows), max(s.day for s in rows)
        expected.append(
            (customer, len(rows), sum(s.quantity for s in rows), value,
             money_ratio(value, len(rows)), (as_of - first).days, (as_of - last).days,
             first, last, as_of)
        )  # fmt: skip

    actual = e2e.query(
        "select customer_id, order_count, units_purchased, lifetime_value, avg_order_value,"
        " tenure_days, days_since_last_order, first_order_date, last_order_date, as_of_date"
        " from analytics_marts.rpt_customer_lifetime_value order by customer_id"
    )
    assert len(expected) > 500
    assert actual == expected


def test_top_products_match_an_independent_computation(e2e: E2ERun) -> None:
    categories = catalog_categories(e2e.lake)
    period_starts = {
        "day": lambda d: d,
        "week": lambda d: d - timedelta(days=d.weekday()),  # ISO weeks start on Monday
        "month": lambda d: d.replace(day=1),
    }
    totals: dict[tuple[str, date, str], list[int | Decimal]] = {}
    for sale in kept_sales(e2e.lake).values():
        for period_type, start_of in period_starts.items():
            key = (period_type, start_of(sale.day), sale.product_id)
            count, units, revenue = totals.get(key, [0, 0, Decimal("0")])
            totals[key] = [count + 1, units + sale.quantity, revenue + sale.amount]

    def ranking(key: tuple[str, date, str]) -> tuple[Decimal, int, str]:
        _count, units, revenue = totals[key]
        return (-Decimal(revenue), -int(units), key[2])  # revenue, then units, then product_id

    expected = []
    by_period: dict[tuple[str, date], list[tuple[str, date, str]]] = defaultdict(list)
    for key in totals:
        by_period[key[:2]].append(key)
    for keys in by_period.values():
        category_ranks: dict[str, int] = defaultdict(int)
        for rank, key in enumerate(sorted(keys, key=ranking), start=1):
            category = categories.get(key[2], "Unknown")
            category_ranks[category] += 1
            count, units, revenue = totals[key]
            expected.append(
                (key[0], key[1], key[2], category, rank, category_ranks[category], count, units,
                 revenue)
            )  # fmt: skip

    actual = e2e.query(
        "select period_type, period_start_date, product_id, category, revenue_rank,"
        " category_revenue_rank, transaction_count, units_sold, revenue"
        " from analytics_marts.rpt_top_products"
    )
    assert {row[0] for row in expected} == {"day", "week", "month"}
    assert sorted(actual, key=repr) == sorted(expected, key=repr)
