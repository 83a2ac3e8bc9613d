"""A deterministic, realistic sample of the shop's three feeds, dirt included.

Same config (seed included) -> the same bytes, so runs and bug reports are reproducible.
The sales feed looks like a real shop's export in the landed contract's nine columns: orders
of one to a few lines (distinct products, numbered 1..n, one customer and timestamp), guest
checkouts (an empty customer_id), shipping and discount lines, free samples at price zero, and
returns: full cancellations and one-line partial returns sent as credit notes ('R' + the order
id, negative quantities and amounts) in the file of the day they happen.
Realism: weekly and hourly seasonality, a slight growth trend, Zipf-skewed product popularity,
lognormal customer activity with a cap (no single customer buys a shop's worth), customers
signing up over time, categories.
Dirt, in ``dirty_rate`` of the orders: an order re-sent whole in a later file, a corrected
re-send (one line changed, one gone), nulls in required fields, unparseable dates and amounts,
an amount whose sign contradicts its quantity, a zero quantity, unknown product and customer
ids; plus late-arriving orders (landing in a later day's file) and untidy customer records
(case, whitespace).
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
from datetime import date, datetime, time, timedelta
from pathlib import Path

from ingest.sources import SALES

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
    "Ada",
    "Ben",
    "Chloe",
    "Daniel",
    "Emma",
    "Farid",
    "Grace",
    "Hugo",
    "Ines",
    "Jonas",
    "Kira",
    "Liam",
    "Maya",
    "Noah",
    "Olga",
    "Pablo",
    "Quinn",
    "Rosa",
    "Sami",
    "Tara",
    "Umar",
    "Vera",
)
LAST_NAMES = (
    "Adams",
    "Brown",
    "Costa",
    "Dubois",
    "Evans",
    "Fischer",
    "Garcia",
    "Hansen",
    "Ito",
    "Jones",
    "Kowalski",
    "Larsen",
    "Martin",
    "Nowak",
    "Olsen",
    "Patel",
    "Rossi",
    "Silva",
    "Tanaka",
    "Weber",
)
CITIES = (
    ("New York", 9),
    ("Los Angeles", 6),
    ("Chicago", 5),
    ("Houston", 4),
    ("Phoenix", 3),
    ("Philadelphia", 3),
    ("San Antonio", 2),
    ("San Diego", 2),
    ("Dallas", 3),
    ("Austin", 2),
    ("Seattle", 3),
    ("Denver", 2),
    ("Boston", 3),
    ("Miami", 2),
    ("Portland", 2),
    ("Atlanta", 2),
)
WEEKDAY_FACTOR = (0.92, 0.88, 0.95, 1.0, 1.12, 1.3, 1.2)  # Monday .. Sunday
HOUR_WEIGHTS = (
    1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.2, 2.4, 3.4, 4.0, 4.6, 5.4,
    6.6, 6.2, 5.2, 4.8, 5.0, 5.8, 7.0, 8.2, 8.6, 7.4, 4.8, 2.4,
)  # fmt: skip
QUANTITIES, QUANTITY_CUM = (1, 2, 3, 4, 5), [70.0, 88.0, 95.0, 98.0, 100.0]
# Products per order: most baskets hold one or two, a few many (mean about 1.95), so with
# shipping and discount lines an order has about 2.8 lines.
BASKET_SIZES = (1, 2, 3, 4, 5, 6, 7, 8)
BASKET_CUM = list(itertools.accumulate((55.0, 22.0, 10.0, 6.0, 3.0, 2.0, 1.0, 1.0)))
# A share of the orders comes from a channel whose export leaves line_type blank on merchandise
# and shipping lines and calls shipping POSTAGE, so dbt's seed-based classification has lines
# to decide (its discount lines stay typed).
UNTYPED_ORDER_RATE = 0.2
FREE_SAMPLE_RATE = 0.02
DISCOUNT_RATE, DISCOUNT_PERCENTS = 0.15, (10, 15, 20)
# Standard shipping is free from FREE_SHIPPING_FROM_CENTS of merchandise (no shipping line);
# express is charged whatever the basket.
SHIPPING_CENTS, EXPRESS_CENTS, EXPRESS_RATE = 495, 895, 0.1
FREE_SHIPPING_FROM_CENTS = 10_000
MERCHANDISE, SHIPPING, DISCOUNT = "merchandise", "shipping", "discount"
NON_MERCHANDISE_CODES = frozenset(("SHIPPING", "POSTAGE", "DISCOUNT"))
# Returns: a full cancellation (often the same day) or one line sent back within 30 days. A
# third carry no original_transaction_id, as many exports do, so matching by customer and
# product has work to do.
FULL_CANCELLATION_SHARE, SAME_DAY_CANCELLATION_SHARE = 0.4, 0.6
RETURN_WINDOW_DAYS, RETURN_MEAN_DELAY_DAYS = 30, 6.0
UNLINKED_RETURN_SHARE = 1 / 3
# A customer's buying rate: lognormal (median 1) capped at ACTIVITY_CAP times the median, so
# the tail is long but plausible. At the default size (200,000 lines, 20,000 customers, 90
# days) three buyers in four order 1-5 times and the most loyal about 35 times.
ACTIVITY_SIGMA, ACTIVITY_CAP = 1.4, 15.0
SALES_HEADER = SALES.column_names  # the landed sales contract, in its order
TID, CUSTOMER, PRODUCT, QUANTITY, AMOUNT, DATE, LINE, LINE_TYPE, ORIGINAL = range(9)
DIRT_KINDS = (
    "exact_duplicate",
    "changed_resend",
    "null_required",
    "bad_date",
    "bad_amount",
    "negative_amount",
    "zero_quantity",
    "unknown_product",
    "unknown_customer",
)


@dataclass(frozen=True)
class GeneratorConfig:
    """Size, dates, seed and dirt of the sample."""

    seed: int = 42
    end_date: date = date(2026, 11, 20)
    days: int = 90
    sales_rows: int = 200_000  # landed sales lines, about
    products: int = 500
    customers: int = 20_000
    dirty_rate: float = 0.02  # share of orders sent with one kind of dirt
    late_rate: float = 0.01  # share of orders landing in a later day's file
    guest_rate: float = 0.10  # share of orders checked out as a guest
    return_rate: float = 0.05  # share of clean orders with a return (when it falls in the sample)

    @property
    def start_date(self) -> date:
        """First day with sales."""
        return self.end_date - timedelta(days=self.days - 1)


@dataclass
class SalesCounts:
    """What the sales feed holds: lines, orders of each kind and dirt events (orders)."""

    lines: int = 0
    orders: int = 0
    guest_orders: int = 0
    return_orders: int = 0
    cancelled_orders: int = 0
    return_lines: int = 0
    dirt: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys((*DIRT_KINDS, "late_arriving"), 0)
    )


@dataclass
class GeneratedSample:
    """Paths of what was written and the counts a user would want to see."""

    sales_files: list[Path]
    products_file: Path
    customers_file: Path
    sales_rows: int
    orders: int = 0  # sale orders, each counted once (re-sends and credit notes not counted)
    guest_orders: int = 0
    return_orders: int = 0  # credit notes: cancellations and partial returns
    cancelled_orders: int = 0
    return_lines: int = 0
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


def _daily_lines(cfg: GeneratorConfig, rng: random.Random) -> list[int]:
    """Lines to write by the end of each day, summing to cfg.sales_rows."""
    weights = []
    for offset in range(cfg.days):
        day = cfg.start_date + timedelta(days=offset)
        trend = 1 + 0.25 * offset / max(cfg.days - 1, 1)
        weights.append(WEEKDAY_FACTOR[day.weekday()] * trend * rng.uniform(0.9, 1.1))
    total = sum(weights)
    counts = [int(cfg.sales_rows * w / total) for w in weights]
    counts[-1] += cfg.sales_rows - sum(counts)
    return list(itertools.accumulate(counts))


def _money(cents: int) -> str:
    """Cents as the contract's amount text ('-4.95'); integer cents never round twice."""
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"


def _cents(amount: str) -> int:
    """The cents of an amount written by _money."""
    return int(amount.replace(".", ""))


def _is_priced_merchandise(row: list[str]) -> bool:
    return row[PRODUCT] not in NON_MERCHANDISE_CODES and _cents(row[AMOUNT]) > 0


def _spoil(row: list[str], kind: str, rng: random.Random) -> None:
    """Give one line of an order one kind of line-level dirt."""
    if kind == "null_required":
        row[rng.choice((TID, PRODUCT, AMOUNT))] = ""
    elif kind == "bad_date":
        moment = row[DATE]
        row[DATE] = rng.choice(
            (moment.replace("-", "/"), "2026-02-30 10:00:00", "not a date", moment[:10][::-1])
        )
    elif kind == "bad_amount":
        row[AMOUNT] = rng.choice((row[AMOUNT].replace(".", ","), "N/A", "12.5.0"))
    elif kind == "negative_amount":  # a sale line (positive quantity) with a negative amount
        row[AMOUNT] = f"-{row[AMOUNT]}"
    elif kind == "zero_quantity":
        row[QUANTITY] = "0"
    elif kind == "unknown_product":
        row[PRODUCT] = f"P9{rng.randint(0, 999):03d}"


class _Shop:
    """The orders of the sample, appended to the daily files they land in."""

    def __init__(
        self,
        cfg: GeneratorConfig,
        rng: random.Random,
        products: list[dict[str, object]],
        customers: list[dict[str, object]],
        counts: SalesCounts,
    ) -> None:
        self.cfg, self.rng, self.counts = cfg, rng, counts
        self.product_ids = [str(p["product_id"]) for p in products]
        self.price_cents = [round(float(str(p["price"])) * 100) for p in products]
        self.product_cum = _cumulative(
            [1 / (rank**1.1) for rank in rng.sample(range(1, len(products) + 1), len(products))]
        )
        by_signup = sorted(customers, key=lambda c: str(c["signup_date"]))
        self.customer_ids = [str(c["customer_id"]).strip() for c in by_signup]
        self.signups = [str(c["signup_date"]) for c in by_signup]
        self.activity_cum = _cumulative(
            [min(rng.lognormvariate(0, ACTIVITY_SIGMA), ACTIVITY_CAP) for _ in by_signup]
        )
        self.hour_cum = _cumulative(list(HOUR_WEIGHTS))
        self.files: dict[int, list[list[str]]] = defaultdict(list)
        self.sequence = 0

    def day(self, offset: int) -> date:
        """The date of a day offset."""
        return self.cfg.start_date + timedelta(days=offset)

    def moment(self, offset: int) -> datetime:
        """A time of day on a day offset, busier in the evening."""
        return datetime.combine(self.day(offset), time()) + timedelta(
            hours=_pick(self.rng, self.hour_cum), seconds=self.rng.randint(0, 3599)
        )

    def emit(self, offset: int, rows: list[list[str]]) -> None:
        """Append rows to the file of a day offset."""
        self.files[offset].extend(rows)
        self.counts.lines += len(rows)

    def order(self, offset: int) -> None:
        """One order of the day: its lines, maybe late, dirty or returned later."""
        cfg, rng, counts = self.cfg, self.rng, self.counts
        self.sequence += 1
        guest = rng.random() < cfg.guest_rate
        customer = ""
        if not guest:  # only customers signed up by that day
            eligible = max(1, bisect.bisect_right(self.signups, self.day(offset).isoformat()))
            customer = self.customer_ids[_pick(rng, self.activity_cum, eligible)]
        moment = self.moment(offset)
        rows = self.lines(f"T{self.sequence:09d}", customer, moment)
        counts.orders += 1
        counts.guest_orders += guest
        target = offset
        if rng.random() < cfg.late_rate:
            target = min(cfg.days - 1, offset + rng.randint(1, 3))
            counts.dirt["late_arriving"] += 1
        if rng.random() < cfg.dirty_rate:
            # A dirty order is never returned: its return would refer to lines the cleaning
            # rules may drop, and a cancellation would no longer net to zero.
            self.dirty(rows, target, rng.choice(DIRT_KINDS))
            return
        self.emit(target, rows)
        if rng.random() < cfg.return_rate:
            self.give_back(rows, offset, moment)

    def lines(self, tid: str, customer: str, moment: datetime) -> list[list[str]]:
        """The lines of one order: distinct products, then discount and shipping lines."""
        rng = self.rng
        typed = rng.random() >= UNTYPED_ORDER_RATE
        size = min(BASKET_SIZES[_pick(rng, BASKET_CUM)], max(1, len(self.product_ids) // 2))
        picked: list[int] = []
        while len(picked) < size:
            index = _pick(rng, self.product_cum)
            if index not in picked:
                picked.append(index)
        items: list[tuple[str, int, int, str]] = []  # product, quantity, cents, line type
        for index in picked:
            quantity = QUANTITIES[_pick(rng, QUANTITY_CUM)]
            items.append(
                (self.product_ids[index], quantity, quantity * self.price_cents[index], MERCHANDISE)
            )
        subtotal = sum(cents for _, _, cents, _ in items)
        if rng.random() < FREE_SAMPLE_RATE:
            index = _pick(rng, self.product_cum)
            if index not in picked:
                items.append((self.product_ids[index], 1, 0, MERCHANDISE))
        if rng.random() < DISCOUNT_RATE:
            percent = rng.choice(DISCOUNT_PERCENTS)
            items.append(("DISCOUNT", 1, -((subtotal * percent + 50) // 100), DISCOUNT))
        express = rng.random() < EXPRESS_RATE
        if express or subtotal < FREE_SHIPPING_FROM_CENTS:
            code = "SHIPPING" if typed else "POSTAGE"
            items.append((code, 1, EXPRESS_CENTS if express else SHIPPING_CENTS, SHIPPING))
        when = moment.strftime("%Y-%m-%d %H:%M:%S")
        return [
            [
                tid,
                customer,
                product,
                str(quantity),
                _money(cents),
                when,
                str(number),
                line_type if typed or line_type == DISCOUNT else "",
                "",
            ]
            for number, (product, quantity, cents, line_type) in enumerate(items, start=1)
        ]

    def give_back(self, rows: list[list[str]], offset: int, moment: datetime) -> None:
        """A credit note for the order: all of it cancelled, or one line returned."""
        rng = self.rng
        full = rng.random() < FULL_CANCELLATION_SHARE
        if full and rng.random() < SAME_DAY_CANCELLATION_SHARE:
            delay = 0
        else:
            waited = int(rng.expovariate(1 / RETURN_MEAN_DELAY_DAYS))
            delay = 1 + min(RETURN_WINDOW_DAYS - 1, waited)
        if offset + delay >= self.cfg.days:
            return  # it happens after the sample's last export
        if delay == 0:
            end_of_day = datetime.combine(self.day(offset), time(23, 59, 59))
            when = min(moment + timedelta(seconds=rng.randint(600, 4 * 3600)), end_of_day)
        else:
            when = self.moment(offset + delay)
        original = rows[0][TID] if rng.random() >= UNLINKED_RETURN_SHARE else ""
        if full:
            returned = [
                (row[PRODUCT], -int(row[QUANTITY]), -_cents(row[AMOUNT]), row[LINE_TYPE])
                for row in rows
            ]
        else:
            row = rng.choice([row for row in rows if _is_priced_merchandise(row)])
            bought = int(row[QUANTITY])
            back = rng.randint(1, bought)
            unit = _cents(row[AMOUNT]) // bought
            returned = [(row[PRODUCT], -back, -back * unit, row[LINE_TYPE])]
        tid, customer, stamp = f"R{rows[0][TID]}", rows[0][CUSTOMER], f"{when:%Y-%m-%d %H:%M:%S}"
        credit = [
            [tid, customer, product, str(quantity), _money(cents), stamp, str(n), kind, original]
            for n, (product, quantity, cents, kind) in enumerate(returned, start=1)
        ]
        self.emit(offset + delay, credit)
        self.counts.return_orders += 1
        self.counts.cancelled_orders += full
        self.counts.return_lines += len(credit)

    def dirty(self, rows: list[list[str]], target: int, kind: str) -> None:
        """Send the order with one kind of dirt."""
        rng = self.rng
        self.counts.dirt[kind] += 1
        if kind in ("exact_duplicate", "changed_resend"):
            self.emit(target, rows)
            later = min(self.cfg.days - 1, target + rng.randint(1, 3))
            if kind == "changed_resend" and later > target:
                self.emit(later, self.corrected(rows))
                return
            if kind == "changed_resend":  # nothing later to resend in: make it a duplicate
                self.counts.dirt[kind] -= 1
                self.counts.dirt["exact_duplicate"] += 1
            self.emit(later, [list(row) for row in rows])
            return
        if kind == "unknown_customer":
            unknown = f"C9{rng.randint(0, 99_999):05d}"
            for row in rows:
                row[CUSTOMER] = unknown
        else:
            _spoil(rng.choice([row for row in rows if _is_priced_merchandise(row)]), kind, rng)
        self.emit(target, rows)

    def corrected(self, rows: list[list[str]]) -> list[list[str]]:
        """The order as re-sent after an edit: one line's quantity up by one, another gone.
        The kept lines keep their line numbers, as a shop's line ids would."""
        rng = self.rng
        resent = [list(row) for row in rows]
        changed = rng.choice([row for row in resent if _is_priced_merchandise(row)])
        bought = int(changed[QUANTITY])
        unit = _cents(changed[AMOUNT]) // bought
        changed[QUANTITY], changed[AMOUNT] = str(bought + 1), _money(unit * (bought + 1))
        others = [row for row in resent if row is not changed]
        if others:
            resent.remove(rng.choice(others))
        return resent


def make_sales(
    cfg: GeneratorConfig,
    rng: random.Random,
    products: list[dict[str, object]],
    customers: list[dict[str, object]],
    counts: SalesCounts,
) -> Iterator[tuple[int, list[list[str]]]]:
    """(day offset, rows) of each daily export file, in day order, counting into `counts`.

    Orders are drawn until the lines written so far (re-sends and credit notes included)
    reach the day's cumulative target, so the file total stays close to cfg.sales_rows. A
    day's file is yielded as soon as no later line can land in it (lines only ever land on
    their own day or later), so memory holds a month of returns, not the history: 10M stream.
    """
    shop = _Shop(cfg, rng, products, customers, counts)
    for offset, target in enumerate(_daily_lines(cfg, rng)):
        while counts.lines < target:
            shop.order(offset)
        yield offset, shop.files.pop(offset, [])


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
    counts = SalesCounts()
    sales_dir = out_dir / "sales"
    expected = set()
    paths = []
    sales_rows = 0
    for offset, rows in make_sales(cfg, rng, products, customers, counts):
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
        orders=counts.orders,
        guest_orders=counts.guest_orders,
        return_orders=counts.return_orders,
        cancelled_orders=counts.cancelled_orders,
        return_lines=counts.return_lines,
        dirt_counts=counts.dirt,
    )
