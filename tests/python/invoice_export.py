"""A generated invoice-lines ledger export: the shape of a wholesaler's ERP or marketplace export.

One row per invoice line: `InvoiceNo`, `StockCode`, `Description`, `Quantity`, `InvoiceDate`
(`MM/DD/YYYY HH:MM`, UK local time), `UnitPrice`, `CustomerID` (written as a float, `17850.0`,
and empty for a guest), `Country`. What a real shop's ledger holds and the sample does not:
invoices of many lines (some repeated within the invoice), a quarter of the lines without a
customer, credit notes (`C` + a number, negative quantities) cancelling whole invoices the same
day or returning some lines later, postage (`POST`, `DOT`), bank charges, manual adjustments
(`M`), discounts on credit notes (`D`), free samples at price 0, lines of no units, unit prices
of three decimals and a customer id pasted with a zero-width space.
"""

from __future__ import annotations

import csv
import random
from datetime import datetime, timedelta
from pathlib import Path

HEADER = (
    "InvoiceNo",
    "StockCode",
    "Description",
    "Quantity",
    "InvoiceDate",
    "UnitPrice",
    "CustomerID",
    "Country",
)


def write_invoice_export(path: Path, *, seed: int = 11, invoices: int = 700) -> Path:
    """Write the export to `path` (deterministic for a seed) and return it."""
    rng = random.Random(seed)
    products = [
        (
            f"{84000 + n}{rng.choice('ABCDE') if n % 3 else ''}",
            f"ITEM {n}",
            round(rng.uniform(0.19, 18.0), rng.choice((2, 2, 2, 3))),
        )
        for n in range(160)
    ]
    customers = [f"{12000 + n}" for n in range(90)]
    start = datetime(2018, 3, 1, 8, 0)
    rows: list[tuple[str, ...]] = []
    sold: list[tuple[str, str, datetime, list[tuple[str, str, int, float]]]] = []

    def when(moment: datetime) -> str:
        return moment.strftime("%m/%d/%Y %H:%M")

    def customer_field(customer: str) -> str:
        if not customer:
            return ""
        if customer == customers[7] and rng.random() < 0.5:
            return "\u200b" + customer + ".0"  # a zero-width space pasted before the id
        return customer + ".0"

    for number in range(invoices):
        invoice = str(536000 + number)
        moment = start + timedelta(minutes=number * 127 + rng.randint(0, 90))
        customer = "" if rng.random() < 0.25 else rng.choice(customers)
        items: list[tuple[str, str, int, float]] = []
        for code, name, price in rng.sample(products, rng.randint(1, 9)):
            quantity = rng.choice((1, 2, 3, 4, 6, 12, 24))
            items.append((code, name, quantity, price))
        if rng.random() < 0.05:
            items.append((items[0][0], items[0][1], items[0][2], items[0][3]))  # repeated line
        if rng.random() < 0.04:
            code, name, _ = rng.choice(products)
            items.append((code, name, rng.choice((1, 2)), 0.0))  # a free sample
        if rng.random() < 0.02:
            code, name, price = rng.choice(products)
            items.append((code, name, 0, price))  # no units
        postage = rng.random()
        if postage < 0.25:
            items.append(("POST", "POSTAGE", rng.choice((1, 2, 3)), 18.0))
        elif postage < 0.30:
            items.append(("DOT", "DOTCOM POSTAGE", 1, round(rng.uniform(5, 40), 2)))
        if rng.random() < 0.01:
            items.append(("BANK CHARGES", "Bank Charges", 1, 15.0))
        if rng.random() < 0.01:
            items.append(("M", "Manual", 1, round(rng.uniform(0.5, 30), 2)))
        for code, name, quantity, price in items:
            rows.append(
                (
                    invoice,
                    code,
                    name,
                    str(quantity),
                    when(moment),
                    f"{price}",
                    customer_field(customer),
                    "United Kingdom",
                )
            )
        sold.append((invoice, customer, moment, items))
        if rng.random() < 0.05:  # cancelled in full, the same day
            credit = f"C{invoice}"
            for code, name, quantity, price in items:
                if quantity:
                    rows.append(
                        (
                            credit,
                            code,
                            name,
                            str(-quantity),
                            when(moment + timedelta(minutes=20)),
                            f"{price}",
                            customer_field(customer),
                            "United Kingdom",
                        )
                    )
    for number, (_, customer, moment, items) in enumerate(rng.sample(sold, 30)):
        if not customer:
            continue
        credit = f"C{580000 + number}"
        later = moment + timedelta(days=rng.randint(1, 12), hours=2)
        merchandise = [i for i in items if i[0] not in ("POST", "DOT", "M", "BANK CHARGES")]
        code, name, quantity, price = merchandise[0]
        if quantity:
            rows.append(
                (
                    credit,
                    code,
                    name,
                    str(-max(1, quantity // 2)),
                    when(later),
                    f"{price}",
                    customer_field(customer),
                    "United Kingdom",
                )
            )
        if number % 3 == 0:
            rows.append(
                (
                    credit,
                    "D",
                    "Discount",
                    "-1",
                    when(later),
                    "5.5",
                    customer_field(customer),
                    "United Kingdom",
                )
            )
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path
