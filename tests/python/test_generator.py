"""The sample generator: deterministic, realistic enough, and dirty on purpose."""

from __future__ import annotations

import csv
import json
from collections import Counter
from datetime import date
from pathlib import Path

from ecom.sample.generator import DIRT_KINDS, GeneratorConfig, generate

CONFIG = GeneratorConfig(
    seed=3, end_date=date(2026, 3, 31), days=28, sales_rows=20_000, customers=2_000, products=120
)


def read_sales(paths: list[Path]) -> list[dict[str, str]]:
    rows = []
    for path in paths:
        with path.open(newline="") as handle:
            rows.extend(csv.DictReader(handle))
    return rows


def test_same_config_gives_the_same_bytes(tmp_path: Path) -> None:
    first = generate(CONFIG, tmp_path / "a")
    second = generate(CONFIG, tmp_path / "b")
    for a, b in zip(
        [*first.sales_files, first.products_file, first.customers_file],
        [*second.sales_files, second.products_file, second.customers_file],
        strict=True,
    ):
        assert a.read_bytes() == b.read_bytes()


def test_another_seed_gives_other_data(tmp_path: Path) -> None:
    first = generate(CONFIG, tmp_path / "a")
    other = generate(GeneratorConfig(**{**CONFIG.__dict__, "seed": 4}), tmp_path / "b")
    assert first.sales_files[0].read_bytes() != other.sales_files[0].read_bytes()


def test_size_and_dates_follow_the_config(tmp_path: Path) -> None:
    sample = generate(CONFIG, tmp_path)
    assert sample.sales_files[0].name == "sales_2026-03-04.csv"
    assert sample.sales_files[-1].name == "sales_2026-03-31.csv"
    assert 19_000 <= sample.sales_rows <= 21_000
    assert len(json.loads(sample.products_file.read_text())) == 120
    assert len(json.loads(sample.customers_file.read_text())) == 2_000


def test_weekends_sell_more_and_popularity_is_skewed(tmp_path: Path) -> None:
    clean = GeneratorConfig(**{**CONFIG.__dict__, "dirty_rate": 0.0})
    rows = read_sales(generate(clean, tmp_path).sales_files)
    per_weekday = Counter(date.fromisoformat(r["transaction_date"][:10]).weekday() for r in rows)
    assert per_weekday[5] > per_weekday[1] * 1.2  # Saturday over Tuesday
    top = Counter(r["product_id"] for r in rows).most_common()
    top_decile = sum(n for _, n in top[: len(top) // 10])
    assert top_decile > 0.3 * len(rows)  # a tenth of the products sells a third of the units
    repeaters = sum(1 for n in Counter(r["customer_id"] for r in rows).values() if n > 1)
    assert repeaters > 500


def test_every_kind_of_dirt_is_injected(tmp_path: Path) -> None:
    sample = generate(GeneratorConfig(**{**CONFIG.__dict__, "dirty_rate": 0.05}), tmp_path)
    for kind in (*DIRT_KINDS, "late_arriving"):
        assert sample.dirt_counts[kind] > 0, kind
    rows = read_sales(sample.sales_files)
    assert any(r["amount"].startswith("-") for r in rows)
    assert any(r["transaction_id"] == "" or r["customer_id"] == "" for r in rows)
    ids = Counter(r["transaction_id"] for r in rows if r["transaction_id"])
    assert any(n > 1 for n in ids.values())


def test_clean_sample_has_no_dirt(tmp_path: Path) -> None:
    sample = generate(GeneratorConfig(**{**CONFIG.__dict__, "dirty_rate": 0.0}), tmp_path)
    rows = read_sales(sample.sales_files)
    assert len({r["transaction_id"] for r in rows}) == len(rows)


def test_order_counts_per_customer_have_a_long_but_plausible_tail(tmp_path: Path) -> None:
    # 10 orders per customer on average, as in the default sample (200,000 rows, 20,000 customers)
    clean = GeneratorConfig(**{**CONFIG.__dict__, "dirty_rate": 0.0})
    orders = sorted(
        Counter(
            r["customer_id"] for r in read_sales(generate(clean, tmp_path).sales_files)
        ).values()
    )
    assert sum(1 for n in orders if n <= 5) >= 0.4 * len(orders)  # most buy a handful of times
    assert 30 <= orders[-1] <= 150  # the most loyal buy often, but no one buys a shop's worth
    assert sum(orders[-len(orders) // 100 :]) < 0.15 * sum(orders)  # the top 1% of buyers
