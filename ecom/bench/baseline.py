"""The baseline: seed 003's transform written plainly in pandas, as a script in a Lambda would.

Read every sales CSV, drop exact duplicates and rows without ids, parse the dates and numbers,
derive year/month/day, write the cleaned sales as Parquet, and a daily summary as Parquet too.
Run it as `python -m ecom.bench.baseline --input DIR --out DIR`; it prints the row counts.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
REQUIRED_IDS = ["transaction_id", "customer_id", "product_id"]
CLEANED_FILE = "sales_cleaned.parquet"
SUMMARY_FILE = "daily_summary.parquet"


def read_sales(folder: Path) -> pd.DataFrame:
    """Every *.csv under folder (recursively), concatenated."""
    files = sorted(folder.rglob("*.csv"))
    if not files:
        raise FileNotFoundError(f"no *.csv under {folder}")
    return pd.concat([pd.read_csv(path) for path in files], ignore_index=True)


def clean(raw: pd.DataFrame) -> pd.DataFrame:
    """Drop exact duplicates and rows without ids, parse dates and numbers, derive y/m/d."""
    sales = raw.drop_duplicates().dropna(subset=REQUIRED_IDS)
    sales = sales.assign(
        transaction_date=pd.to_datetime(
            sales["transaction_date"], format=DATE_FORMAT, errors="coerce"
        ),
        amount=pd.to_numeric(sales["amount"], errors="coerce"),
        quantity=pd.to_numeric(sales["quantity"], errors="coerce"),
    )
    sales = sales.dropna(subset=["transaction_date"])
    return sales.assign(
        year=sales["transaction_date"].dt.year,
        month=sales["transaction_date"].dt.month,
        day=sales["transaction_date"].dt.day,
    ).reset_index(drop=True)


def daily_summary(sales: pd.DataFrame) -> pd.DataFrame:
    """Per date: transactions, revenue, unique customers, average order value."""
    by_day = sales.assign(date=sales["transaction_date"].dt.date).groupby("date")
    summary = by_day.agg(
        transactions=("transaction_id", "count"),
        revenue=("amount", "sum"),
        unique_customers=("customer_id", "nunique"),
    ).reset_index()
    summary["avg_order_value"] = (summary["revenue"] / summary["transactions"]).round(2)
    return summary


def main(argv: list[str] | None = None) -> int:
    """Run the transform on --input and write the two Parquet files to --out."""
    parser = argparse.ArgumentParser(prog="python -m ecom.bench.baseline")
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
