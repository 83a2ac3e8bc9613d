"""The baseline: the transform written plainly in pandas, as a script in a Lambda would, computing
the daily figures rpt_daily_sales_summary holds.

Read every sales CSV (lines of orders); drop exact duplicates, lines without an order or product
id and lines whose date, amount or quantity does not parse (an empty customer_id is a guest
checkout, kept); keep each order's lines from the latest file that holds it (a resent order
replaces its lines); classify each line (its line_type, else the product-code patterns of
dbt_project.yml, else merchandise); derive year/month/day and write the cleaned lines as
Parquet. Then sum the lines per order and the orders per day: orders (with merchandise sold),
gross sales, discounts, returns, net sales (gross - discounts - returns), the average order value
per order, the return rate and the guest checkouts' net sales, as Parquet too. The marts apply
more rules (value bounds, conflicting line numbers, ...), which the sample's dirt rarely hits;
the figures are the same kind, so the timings compare like with like.
Run it as `python -m bench.baseline --input DIR --out DIR`; it prints the row counts.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pandas as pd
import yaml

DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
REQUIRED_IDS = ["transaction_id", "product_id"]  # no customer_id: a guest checkout is a sale
CLEANED_FILE = "sales_cleaned.parquet"
SUMMARY_FILE = "daily_summary.parquet"
PROJECT_FILE = Path(__file__).resolve().parents[1] / "dbt_project.yml"


def line_type_patterns(project_file: Path = PROJECT_FILE) -> dict[str, str]:
    """The line type of a product code when a line has none (dbt var line_type_patterns):
    the first pattern matching the whole lower-cased code wins."""
    variables = yaml.safe_load(project_file.read_text())["vars"]
    patterns: dict[str, str] = variables["line_type_patterns"]
    return patterns


def read_sales(folder: Path) -> pd.DataFrame:
    """Every *.csv under folder (recursively), as text, concatenated in file order, with the
    file each line came from."""
    files = sorted(folder.rglob("*.csv"), key=lambda path: path.name)
    if not files:
        raise FileNotFoundError(f"no *.csv under {folder}")
    frames = [
        pd.read_csv(path, dtype=str, keep_default_na=False).assign(source_file=path.name)
        for path in files
    ]
    # a file of the older contract has no line_type column: empty, as in a file that has one
    return pd.concat(frames, ignore_index=True).fillna("")


def _line_types(sales: pd.DataFrame, patterns: dict[str, str]) -> pd.Series:
    """Each line's type: its line_type, else the first matching pattern, else merchandise."""
    given = sales["line_type"].str.strip().str.lower()
    codes = sales["product_id"].str.lower()
    derived = pd.Series("merchandise", index=sales.index)
    for name, pattern in reversed(list(patterns.items())):  # the first pattern wins
        derived = derived.mask(codes.str.fullmatch(re.compile(pattern)), name)
    return given.where(given != "", derived)


def clean(raw: pd.DataFrame, patterns: dict[str, str] | None = None) -> pd.DataFrame:
    """The kept lines: exact copies within a file, lines without ids and unparseable lines
    dropped, each order's latest file kept, typed and classified, with year/month/day."""
    if "line_type" not in raw.columns:
        raw = raw.assign(line_type="")
    sales = raw.drop_duplicates()  # with source_file: a resent order is not a copy
    for column in [*REQUIRED_IDS, "customer_id"]:
        sales[column] = sales[column].str.strip()
    sales = sales[(sales["transaction_id"] != "") & (sales["product_id"] != "")]
    sales = sales.assign(
        transaction_date=pd.to_datetime(
            sales["transaction_date"], format=DATE_FORMAT, errors="coerce"
        ),
        amount=pd.to_numeric(sales["amount"], errors="coerce"),
        quantity=pd.to_numeric(sales["quantity"], errors="coerce"),
        customer_id=sales["customer_id"].replace("", None),
        line_type=_line_types(sales, line_type_patterns() if patterns is None else patterns),
    )
    sales = sales.dropna(subset=["transaction_date", "amount", "quantity"])
    quantity, amount = sales["quantity"], sales["amount"]
    # a return is a negative quantity and a negative amount; a discount a negative amount
    wrong_sign = (sales["line_type"] == "merchandise") & (
        ((quantity > 0) & (amount < 0)) | ((quantity < 0) & (amount > 0))
    )
    sales = sales[(quantity != 0) & (quantity % 1 == 0) & ~wrong_sign]
    # a resent order replaces its lines: each order's lines of its latest file
    latest = sales.groupby("transaction_id")["source_file"].transform("max")
    sales = sales[sales["source_file"] == latest]
    return sales.assign(
        quantity=sales["quantity"].astype("int64"),
        year=sales["transaction_date"].dt.year,
        month=sales["transaction_date"].dt.month,
        day=sales["transaction_date"].dt.day,
    ).reset_index(drop=True)


def daily_summary(sales: pd.DataFrame) -> pd.DataFrame:
    """Per order date: orders, gross sales, discounts, returns, net sales, average order value
    (per order), return rate in percent, guest net sales and unique known customers."""
    merchandise = sales["line_type"] == "merchandise"
    discount = sales["line_type"].isin(["discount", "voucher"])
    lines = pd.DataFrame(
        {
            "transaction_id": sales["transaction_id"],
            "customer_id": sales["customer_id"],
            "date": sales["transaction_date"].dt.date,
            "gross": sales["amount"].where(merchandise & (sales["quantity"] > 0), 0.0),
            "discounts": -sales["amount"].where(discount, 0.0),
            "returns": -sales["amount"].where(merchandise & (sales["quantity"] < 0), 0.0),
            "sold": merchandise & (sales["quantity"] > 0),
        }
    )
    orders = lines.groupby("transaction_id").agg(
        sales_date=("date", "min"),
        customer_id=("customer_id", "max"),
        gross=("gross", "sum"),
        discounts=("discounts", "sum"),
        returns=("returns", "sum"),
        is_order=("sold", "any"),
    )
    orders["net"] = orders["gross"] - orders["discounts"] - orders["returns"]
    orders["order_value"] = (orders["gross"] - orders["discounts"]).where(orders["is_order"], 0.0)
    orders["guest_net"] = orders["net"].where(orders["customer_id"].isna(), 0.0)
    orders["buyer"] = orders["customer_id"].where(orders["is_order"])
    summary = (
        orders.groupby("sales_date")
        .agg(
            order_count=("is_order", "sum"),
            gross_sales=("gross", "sum"),
            discounts=("discounts", "sum"),
            returns=("returns", "sum"),
            net_sales=("net", "sum"),
            order_value=("order_value", "sum"),
            guest_net_sales=("guest_net", "sum"),
            unique_customers=("buyer", "nunique"),
        )
        .reset_index()
    )
    summary["avg_order_value"] = (summary["order_value"] / summary["order_count"]).round(2)
    summary["return_rate_pct"] = (summary["returns"] / summary["gross_sales"] * 100).round(2)
    return summary.drop(columns="order_value").round(2)


def main(argv: list[str] | None = None) -> int:
    """Run the transform on --input and write the two Parquet files to --out."""
    parser = argparse.ArgumentParser(prog="python -m bench.baseline")
    parser.add_argument("--input", type=Path, required=True, help="folder of sales CSVs")
    parser.add_argument("--out", type=Path, required=True, help="folder for the Parquet files")
    args = parser.parse_args(argv)
    raw = read_sales(args.input)
    sales = clean(raw)
    summary = daily_summary(sales)
    args.out.mkdir(parents=True, exist_ok=True)
    sales.to_parquet(args.out / CLEANED_FILE, engine="pyarrow", index=False)
    summary.to_parquet(args.out / SUMMARY_FILE, engine="pyarrow", index=False)
    print(f"rows_read={len(raw)} rows_cleaned={len(sales)} summary_days={len(summary)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
