"""The sample generator: deterministic, shaped like a real shop's export, and dirty on purpose."""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path

import pytest

from ecom.sample.generator import DIRT_KINDS, GeneratedSample, GeneratorConfig, generate

pytestmark = pytest.mark.unit

CONFIG = GeneratorConfig(
    seed=3, end_date=date(2026, 3, 31), days=28, sales_rows=20_000, customers=2_000, products=120
)
CLEAN = replace(CONFIG, dirty_rate=0.0, late_rate=0.0)
# Returns come up to 30 days after the order, so their share is measured over 90 days.
QUARTER = replace(CLEAN, days=90, sales_rows=40_000)
NON_MERCHANDISE = {"SHIPPING", "POSTAGE", "DISCOUNT"}
Row = dict[str, str]


@cache
def generated(config: GeneratorConfig, root: Path) -> tuple[GeneratedSample, list[Row]]:
    """The sample of a config, written once under root, and its sales lines (with their file)."""
    name = f"{config.seed}-{config.days}-{config.sales_rows}-{config.dirty_rate}-{config.late_rate}"
    sample = generate(config, root / name)
    rows: list[Row] = []
    for path in sample.sales_files:
        with path.open(newline="") as handle:
            rows.extend({**row, "file": path.name} for row in csv.DictReader(handle))
    return sample, rows


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for the module's samples."""
    return tmp_path_factory.mktemp("samples")


def orders_of(rows: list[Row]) -> dict[str, list[Row]]:
    """Sale orders (not credit notes) by transaction_id, their lines in file order."""
    orders: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if row["transaction_id"].startswith("T"):
            orders[row["transaction_id"]].append(row)
    return orders


def credit_notes_of(rows: list[Row]) -> dict[str, list[Row]]:
    """Credit notes (returns and cancellations) by transaction_id."""
    notes: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if row["transaction_id"].startswith("R"):
            notes[row["transaction_id"]].append(row)
    return notes


def cents(amount: str) -> int:
    """An amount's cents."""
    return round(float(amount) * 100)


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
    other = generate(replace(CONFIG, seed=4), tmp_path / "b")
    assert first.sales_files[0].read_bytes() != other.sales_files[0].read_bytes()


def test_files_carry_the_nine_contract_columns_in_order(root: Path) -> None:
    sample, _ = generated(CONFIG, root)
    for path in sample.sales_files:
        assert path.read_text().splitlines()[0] == (
            "transaction_id,customer_id,product_id,quantity,amount,transaction_date,"
            "line_number,line_type,original_transaction_id"
        )


def test_size_and_dates_follow_the_config(root: Path) -> None:
    sample, rows = generated(CONFIG, root)
    assert sample.sales_files[0].name == "sales_2026-03-04.csv"
    assert sample.sales_files[-1].name == "sales_2026-03-31.csv"
    assert len(rows) == sample.sales_rows
    assert abs(sample.sales_rows - 20_000) <= 30  # --rows counts lines, re-sends included
    assert len(json.loads(sample.products_file.read_text())) == 120
    assert len(json.loads(sample.customers_file.read_text())) == 2_000


def test_orders_have_several_lines_sharing_customer_and_time(root: Path) -> None:
    sample, rows = generated(CLEAN, root)
    orders = orders_of(rows)
    assert len(orders) == sample.orders
    sizes = Counter(len(lines) for lines in orders.values())
    assert 2.0 <= sum(n * k for n, k in sizes.items()) / len(orders) <= 3.0
    assert sizes[1] > 0 and sum(k for n, k in sizes.items() if n >= 5) > 0.03 * len(orders)
    for lines in orders.values():
        assert [row["line_number"] for row in lines] == [str(n) for n in range(1, len(lines) + 1)]
        assert len({(row["customer_id"], row["transaction_date"]) for row in lines}) == 1
        products = [row["product_id"] for row in lines]
        assert len(set(products)) == len(products)


def test_about_a_tenth_of_the_orders_are_guest_checkouts(root: Path) -> None:
    sample, rows = generated(CLEAN, root)
    guests = [lines for lines in orders_of(rows).values() if lines[0]["customer_id"] == ""]
    assert 0.08 <= len(guests) / sample.orders <= 0.12
    assert len(guests) == sample.guest_orders


def test_about_one_order_in_twenty_sees_a_return(root: Path) -> None:
    sample, rows = generated(QUARTER, root)
    notes = credit_notes_of(rows)
    assert 0.04 <= len(notes) / sample.orders <= 0.06
    assert len(notes) == sample.return_orders
    assert sum(len(lines) for lines in notes.values()) == sample.return_lines


def test_a_return_is_a_credit_note_for_its_order(root: Path) -> None:
    _, rows = generated(QUARTER, root)
    orders = orders_of(rows)
    for note, lines in credit_notes_of(rows).items():
        original = orders[note.removeprefix("R")]
        assert {row["customer_id"] for row in lines} == {original[0]["customer_id"]}
        bought = {row["product_id"]: row for row in original}
        for row in lines:
            assert int(row["quantity"]) < 0
            assert -int(row["quantity"]) <= int(bought[row["product_id"]]["quantity"])
            assert row["original_transaction_id"] in ("", original[0]["transaction_id"])
            placed = datetime.fromisoformat(original[0]["transaction_date"])
            returned = datetime.fromisoformat(row["transaction_date"])
            assert placed < returned <= placed + timedelta(days=31)
            assert row["file"] == f"sales_{returned.date().isoformat()}.csv"


def test_returns_are_full_cancellations_or_one_line_a_third_without_the_order_id(
    root: Path,
) -> None:
    sample, rows = generated(QUARTER, root)
    orders, notes = orders_of(rows), credit_notes_of(rows)
    cancelled = [note for note, lines in notes.items() if len(lines) > 1]
    for note in cancelled:  # every line mirrored: the order nets to zero
        original = orders[note.removeprefix("R")]
        assert len(notes[note]) == len(original)
        assert sum(cents(row["amount"]) for row in original + notes[note]) == 0
    same_day = sum(
        notes[note][0]["transaction_date"][:10] == orders[note[1:]][0]["transaction_date"][:10]
        for note in cancelled
    )
    assert same_day > 0.3 * len(cancelled)
    assert 0.25 <= sample.cancelled_orders / len(notes) <= 0.6
    assert sum(len(lines) == 1 for lines in notes.values()) > 0.3 * len(notes)
    unlinked = sum(lines[0]["original_transaction_id"] == "" for lines in notes.values())
    assert 0.2 <= unlinked / len(notes) <= 0.45


def test_orders_carry_shipping_and_discount_lines_and_free_samples(root: Path) -> None:
    sample, rows = generated(CLEAN, root)
    sales = [row for row in rows if row["transaction_id"].startswith("T")]
    shipping = [row for row in sales if row["product_id"] in ("SHIPPING", "POSTAGE")]
    discounts = [row for row in sales if row["product_id"] == "DISCOUNT"]
    assert len(shipping) > 0.5 * sample.orders  # free over a basket threshold
    assert 0.12 <= len(discounts) / sample.orders <= 0.18
    assert all(row["quantity"] == "1" and cents(row["amount"]) > 0 for row in shipping)
    assert all(row["quantity"] == "1" and cents(row["amount"]) < 0 for row in discounts)
    assert {row["line_type"] for row in discounts} == {"discount"}
    assert {(row["product_id"], row["line_type"]) for row in shipping} == {
        ("SHIPPING", "shipping"),
        ("POSTAGE", ""),  # left for dbt's seed classification to decide
    }
    merchandise = [row for row in sales if row["product_id"] not in NON_MERCHANDISE]
    assert {row["line_type"] for row in merchandise} == {"merchandise", ""}
    assert any(row["amount"] == "0.00" for row in merchandise)  # free samples


def test_weekends_sell_more_and_popularity_is_skewed(root: Path) -> None:
    _, rows = generated(CLEAN, root)
    per_weekday = Counter(date.fromisoformat(r["transaction_date"][:10]).weekday() for r in rows)
    assert per_weekday[5] > per_weekday[1] * 1.2  # Saturday over Tuesday
    merchandise = [r for r in rows if r["product_id"] not in NON_MERCHANDISE]
    top = Counter(r["product_id"] for r in merchandise).most_common()
    top_decile = sum(n for _, n in top[: len(top) // 10])
    assert top_decile > 0.3 * len(merchandise)  # a tenth of the products sells a third of lines


def test_every_kind_of_dirt_is_injected(root: Path) -> None:
    sample, rows = generated(replace(CONFIG, dirty_rate=0.05), root)
    for kind in (*DIRT_KINDS, "late_arriving"):
        assert sample.dirt_counts[kind] > 0, kind
    merchandise = [r for r in rows if r["product_id"] not in NON_MERCHANDISE]
    assert any(r["amount"].startswith("-") and int(r["quantity"]) > 0 for r in merchandise)
    assert any(r["quantity"] == "0" for r in rows)
    assert any(r["transaction_id"] == "" or r["product_id"] == "" for r in rows)
    files_of = defaultdict(set)
    for row in rows:
        files_of[row["transaction_id"]].add(row["file"])
    assert any(len(files) > 1 for files in files_of.values())  # an order sent again later


def test_a_corrected_resend_changes_one_line_and_drops_another(root: Path) -> None:
    _, rows = generated(replace(CONFIG, dirty_rate=0.05, late_rate=0.0), root)
    versions: dict[str, dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        versions[row["transaction_id"]][row["file"]].append(row)
    corrected = 0
    for sent in versions.values():
        if len(sent) == 2:
            first, later = (sent[name] for name in sorted(sent))
            if len(later) == len(first) - 1:
                kept = {row["line_number"]: row for row in first}
                changed = [r for r in later if r["quantity"] != kept[r["line_number"]]["quantity"]]
                assert len(changed) == 1
                corrected += 1
    assert corrected > 0


def test_a_clean_sample_has_no_dirt_and_guests_are_not_dirt(root: Path) -> None:
    _, rows = generated(CLEAN, root)
    keys = Counter((r["transaction_id"], r["line_number"]) for r in rows)
    assert max(keys.values()) == 1
    for row in rows:
        assert row["transaction_id"] and row["product_id"] and row["amount"]
        assert int(row["quantity"]) != 0
        if row["product_id"] not in NON_MERCHANDISE and cents(row["amount"]) != 0:
            assert (int(row["quantity"]) > 0) == (cents(row["amount"]) > 0)
    assert any(row["customer_id"] == "" for row in rows)


def test_order_counts_per_customer_have_a_long_but_plausible_tail(root: Path) -> None:
    # the default sample's proportions: 10 lines per customer, about 3.5 orders per buyer
    _, rows = generated(CLEAN, root)
    orders = sorted(
        Counter(
            lines[0]["customer_id"] for lines in orders_of(rows).values() if lines[0]["customer_id"]
        ).values()
    )
    assert sum(1 for n in orders if n <= 5) >= 0.6 * len(orders)  # most buy a handful of times
    assert 15 <= orders[-1] <= 60  # the most loyal buy often, but no one buys a shop's worth
    assert sum(orders[-len(orders) // 100 :]) < 0.15 * sum(orders)  # the top 1% of buyers
