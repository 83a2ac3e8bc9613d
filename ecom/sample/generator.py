"""A deterministic, realistic sample of the shop's three feeds, dirt included.

Same config (seed included) -> the same bytes, so runs and bug reports are reproducible.
Realism: weekly and hourly seasonality, a slight growth trend, Zipf-skewed product popularity,
lognormal customer activity with a cap (most buyers order a handful of times, the most loyal
about a hundred times in 90 days at the default size; no single customer buys a shop's worth),
customers signing up over time, categories.
Dirt, at ``dirty_rate`` of the sales rows: exact duplicates, corrected re-sends of a transaction
in a later file, nulls in required fields, unparseable dates and amounts, negative amounts and
quantities, unknown product and customer ids; plus late-arriving rows (valid rows landing in a
later day's file) and untidy customer records (case, whitespace).
"""

from __future__ import annotations

import bisect
import csv
import io
import itertools
import json
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

CATEGORIES: dict[str, tuple[float, tuple[str, ...], float]] = {
    # category: (share of catalog, nouns, median price)
    "Electronics": (0.14, ("Headphones", "Charger", "Speaker", "Keyboard", "Monitor"), 89.0),
    "Books": (0.12, ("Novel", "Cookbook", "Atlas", "Biography", "Guide"), 18.0),
    "Home & Kitchen": (0.13, ("Kettle", "Pan", "Lamp", "Blender", "Mug"), 35.0),
    "Clothing": (0.13, ("T-Shirt", "Jacket", "Sneakers", "Scarf", "Jeans"), 42.0),
    "Sports": (0.09, ("Yoga Mat", "Dumbbell", "Bottle", "Racket", "Backpack"), 38.0),
    "Beauty": (0.09, ("Serum", "Shampoo", "Lipstick", "Cream", "Perfume"), 24.0),
    "Toys": (0.08, ("Puzzle", "Robot", "Doll", "Board Game", "Blocks"), 27.0),
    "Grocery": (0.10, ("Coffee", "Tea", "Olive Oil", "Chocolate", "Granola"), 9.0),
    "Garden": (0.06, ("Hose", "Planter", "Shears", "Seeds", "Gloves"), 22.0),
    "Automotive": (0.06, ("Wiper", "Car Charger", "Floor Mat", "Polish", "Jump Starter"), 31.0),
}
ADJECTIVES = ("Classic", "Pro", "Eco", "Compact", "Deluxe", "Smart", "Urban", "Essential")
FIRST_NAMES = (
    "Ada", "Ben", "Chloe", "Daniel", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kira",
    "Liam", "Maya", "Noah", "Olga", "Pablo", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera",
)  # fmt: skip
LAST_NAMES = (
    "Adams", "Brown", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Hansen", "Ito", "Jones",
    "Kowalski", "Larsen", "Martin", "Nowak", "Olsen", "Patel", "Rossi", "Silva", "Tanaka", "Weber",
)  # fmt: skip
CITIES = (
    ("New York", 9), ("Los Angeles", 6), ("Chicago", 5), ("Houston", 4), ("Phoenix", 3),
    ("Philadelphia", 3), ("San Antonio", 2), ("San Diego", 2), ("Dallas", 3), ("Austin", 2),
    ("Seattle", 3), ("Denver", 2), ("Boston", 3), ("Miami", 2), ("Portland", 2), ("Atlanta", 2),
)  # fmt: skip
WEEKDAY_FACTOR = (0.92, 0.88, 0.95, 1.0, 1.12, 1.3, 1.2)  # Monday .. Sunday
HOUR_WEIGHTS = (
    1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.2, 2.4, 3.4, 4.0, 4.6, 5.4,
    6.6, 6.2, 5.2, 4.8, 5.0, 5.8, 7.0, 8.2, 8.6, 7.4, 4.8, 2.4,
)  # fmt: skip
QUANTITIES, QUANTITY_CUM = (1, 2, 3, 4, 5), [70.0, 88.0, 95.0, 98.0, 100.0]
DISCOUNTS, DISCOUNT_CUM = (0.0, 0.1, 0.2), [80.0, 95.0, 100.0]
# A customer's buying rate: lognormal (median 1) capped at ACTIVITY_CAP times the median, so
# the tail is long but plausible. At the default size (200,000 rows, 20,000 customers, 90 days)
# half the buyers order 1-5 times and the top customer about 100 times.
ACTIVITY_SIGMA, ACTIVITY_CAP = 1.4, 15.0
SALES_HEADER = (
    "transaction_id",
    "customer_id",
    "product_id",
    "quantity",
    "amount",
    "transaction_date",
)
DIRT_KINDS = (
    "exact_duplicate",
    "changed_resend",
    "null_required",
    "bad_date",
    "bad_amount",
    "negative_amount",
    "negative_quantity",
    "unknown_product",
    "unknown_customer",
)


@dataclass(frozen=True)
class GeneratorConfig:
    """Size, dates, seed and dirt of the sample."""

    seed: int = 42
    end_date: date = date(2026, 11, 20)
    days: int = 90
    sales_rows: int = 200_000
    products: int = 500
    customers: int = 20_000
    dirty_rate: float = 0.02
    late_rate: float = 0.01

    @property
    def start_date(self) -> date:
        """First day with sales."""
        return self.end_date - timedelta(days=self.days - 1)


@dataclass
class GeneratedSample:
    """Paths of what was written and the counts a user would want to see."""

    sales_files: list[Path]
    products_file: Path
    customers_file: Path
    sales_rows: int
    dirt_counts: dict[str, int] = field(default_factory=dict)


def _cumulative(weights: list[float]) -> list[float]:
    return list(itertools.accumulate(weights))


def _pick(rng: random.Random, cum: list[float], upto: int | None = None) -> int:
    end = len(cum) if upto is None else upto
    return bisect.bisect_right(cum, rng.random() * cum[end - 1], 0, end - 1)


def make_products(cfg: GeneratorConfig, rng: random.Random) -> list[dict[str, object]]:
    """The catalog: ids P0001.., names, categories, prices and stock."""
    names = list(CATEGORIES)
    shares = [CATEGORIES[c][0] for c in names]
    products = []
    for i in range(1, cfg.products + 1):
        category = rng.choices(names, shares)[0]
        _, nouns, median = CATEGORIES[category]
        price = round(median * rng.lognormvariate(0, 0.45), 2)
        products.append(
            {
                "product_id": f"P{i:04d}",
                "name": f"{rng.choice(ADJECTIVES)} {rng.choice(nouns)} {i}",
                "category": category,
                "price": max(price, 0.99),
                "stock": rng.randint(0, 500),
            }
        )
    return products


def make_customers(cfg: GeneratorConfig, rng: random.Random) -> list[dict[str, object]]:
    """Customers signing up over two years before the end date; some changed since."""
    city_names = [c for c, _ in CITIES]
    city_weights = [w for _, w in CITIES]
    horizon = cfg.days + 640
    customers: list[dict[str, object]] = []
    for i in range(1, cfg.customers + 1):
        # Signups accelerate towards the present, so the sales window sees new customers.
        signup = cfg.end_date - timedelta(days=int(horizon * (1 - rng.random() ** 0.7)))
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        email = f"{first}.{last}{i}@example.com".lower()
        city = rng.choices(city_names, city_weights)[0]
        updated = datetime.combine(signup, datetime.min.time()) + timedelta(
            seconds=rng.randint(0, 86_399)
        )
        if rng.random() < 0.08:  # moved or changed e-mail later
            updated += timedelta(days=rng.randint(1, max(1, (cfg.end_date - signup).days)))
            city = rng.choices(city_names, city_weights)[0]
        cid = f"C{i:06d}"
        if rng.random() < 0.03:
            email = email.upper() if rng.random() < 0.5 else f"  {email} "
        if rng.random() < 0.03:
            city = city.upper() if rng.random() < 0.5 else city.lower()
        if rng.random() < 0.01:
            cid = f" {cid} "
        customers.append(
            {
                "customer_id": cid,
                "name": f"{first} {last}",
                "email": email,
                "city": city,
                "signup_date": signup.isoformat(),
                "updated_at": min(updated, datetime.combine(cfg.end_date, datetime.max.time()))
                .replace(microsecond=0)
                .isoformat()
                + "Z",
            }
        )
    return customers


def _daily_counts(cfg: GeneratorConfig, rng: random.Random) -> list[int]:
    weights = []
    for offset in range(cfg.days):
        day = cfg.start_date + timedelta(days=offset)
        trend = 1 + 0.25 * offset / max(cfg.days - 1, 1)
        weights.append(WEEKDAY_FACTOR[day.weekday()] * trend * rng.uniform(0.9, 1.1))
    total = sum(weights)
    clean_rows = round(cfg.sales_rows / (1 + cfg.dirty_rate))
    counts = [int(clean_rows * w / total) for w in weights]
    counts[-1] += clean_rows - sum(counts)
    return counts


def _dirty(row: list[str], kind: str, rng: random.Random) -> list[str]:
    """A copy of a clean row carrying one kind of dirt."""
    out = list(row)
    if kind == "null_required":
        out[rng.choice((0, 1, 2, 4, 5))] = ""
    elif kind == "bad_date":
        out[5] = rng.choice(
            (out[5].replace("-", "/"), "2026-02-30 10:00:00", "not a date", out[5][:10][::-1])
        )
    elif kind == "bad_amount":
        out[4] = rng.choice((out[4].replace(".", ","), "N/A", "12.5.0"))
    elif kind == "negative_amount":
        out[4] = f"-{out[4]}"
    elif kind == "negative_quantity":
        out[3] = f"-{out[3]}"
    elif kind == "unknown_product":
        out[2] = f"P9{rng.randint(0, 999):03d}"
    elif kind == "unknown_customer":
        out[1] = f"C9{rng.randint(0, 99_999):05d}"
    return out


def make_sales(
    cfg: GeneratorConfig,
    rng: random.Random,
    products: list[dict[str, object]],
    customers: list[dict[str, object]],
    dirt: dict[str, int],
) -> Iterator[tuple[int, list[list[str]]]]:
    """(day offset, rows) of each daily export file, in day order, counting the dirt into `dirt`.

    A day's file is yielded as soon as no later row can land in it (rows only ever land on their
    own day or later), so memory holds a week of rows, not the whole history: 10M rows stream.
    """
    product_cum = _cumulative(
        [1 / (rank**1.1) for rank in rng.sample(range(1, len(products) + 1), len(products))]
    )
    by_signup = sorted(customers, key=lambda c: str(c["signup_date"]))
    signups = [str(c["signup_date"]) for c in by_signup]
    activity_cum = _cumulative(
        [min(rng.lognormvariate(0, ACTIVITY_SIGMA), ACTIVITY_CAP) for _ in by_signup]
    )
    hour_cum = _cumulative(list(HOUR_WEIGHTS))
    files: dict[int, list[list[str]]] = defaultdict(list)
    dirt.update(dict.fromkeys((*DIRT_KINDS, "late_arriving"), 0))
    sequence = 0
    for offset, count in enumerate(_daily_counts(cfg, rng)):
        day = cfg.start_date + timedelta(days=offset)
        eligible = max(1, bisect.bisect_right(signups, day.isoformat()))
        for _ in range(count):
            sequence += 1
            product = products[_pick(rng, product_cum)]
            customer = by_signup[_pick(rng, activity_cum, eligible)]
            quantity = QUANTITIES[_pick(rng, QUANTITY_CUM)]
            discount = DISCOUNTS[_pick(rng, DISCOUNT_CUM)]
            amount = round(quantity * float(str(product["price"])) * (1 - discount), 2)
            moment = datetime.combine(day, datetime.min.time()) + timedelta(
                hours=_pick(rng, hour_cum), seconds=rng.randint(0, 3599)
            )
            row = [
                f"T{sequence:09d}",
                str(customer["customer_id"]).strip(),
                str(product["product_id"]),
                str(quantity),
                f"{amount:.2f}",
                moment.strftime("%Y-%m-%d %H:%M:%S"),
            ]
            target = offset
            if rng.random() < cfg.late_rate:
                target = min(cfg.days - 1, offset + rng.randint(1, 3))
                dirt["late_arriving"] += 1
            files[target].append(row)
            if rng.random() < cfg.dirty_rate:
                kind = rng.choice(DIRT_KINDS)
                dirt[kind] += 1
                if kind == "exact_duplicate":
                    files[target].append(list(row))
                elif kind == "changed_resend":
                    later = min(cfg.days - 1, target + rng.randint(1, 3))
                    if later == target:  # nothing later to resend in: make it a duplicate
                        files[target].append(list(row))
                        dirt[kind] -= 1
                        dirt["exact_duplicate"] += 1
                        continue
                    fixed_qty = int(row[3]) + 1
                    unit = float(row[4]) / int(row[3])
                    files[later].append(
                        [*row[:3], str(fixed_qty), f"{unit * fixed_qty:.2f}", row[5]]
                    )
                else:
                    files[target][-1] = _dirty(row, kind, rng)
        yield offset, files.pop(offset, [])


def _csv_bytes(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(SALES_HEADER)
    writer.writerows(rows)
    return buffer.getvalue().encode()


def _write_if_changed(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_bytes() == data:
        return
    tmp = path.with_name(f".tmp-{path.name}")
    tmp.write_bytes(data)
    tmp.replace(path)


def generate(cfg: GeneratorConfig, out_dir: Path) -> GeneratedSample:
    """Write the sample feeds under out_dir (sales/, products/, customers/)."""
    rng = random.Random(cfg.seed)
    products = make_products(cfg, rng)
    customers = make_customers(cfg, rng)
    dirt: dict[str, int] = {}
    sales_dir = out_dir / "sales"
    expected = set()
    paths = []
    sales_rows = 0
    for offset, rows in make_sales(cfg, rng, products, customers, dirt):
        day = cfg.start_date + timedelta(days=offset)
        path = sales_dir / f"sales_{day.isoformat()}.csv"
        _write_if_changed(path, _csv_bytes(rows))
        expected.add(path.name)
        paths.append(path)
        sales_rows += len(rows)
    if sales_dir.exists():  # drop exports of an earlier, different config
        for stale in sales_dir.glob("sales_*.csv"):
            if stale.name not in expected:
                stale.unlink()
    products_file = out_dir / "products" / "products.json"
    _write_if_changed(products_file, json.dumps(products, indent=1).encode())
    customers_file = out_dir / "customers" / "customers.json"
    _write_if_changed(customers_file, json.dumps(customers).encode())
    return GeneratedSample(
        sales_files=paths,
        products_file=products_file,
        customers_file=customers_file,
        sales_rows=sales_rows,
        dirt_counts=dirt,
    )
