"""Rows the door refused, values out of bounds and landed files dbt never read, end to end.

A small lake is written as an earlier version of the ingest door left it: landed files of the
contract's first six sales columns (before it grew line_number, line_type and
original_transaction_id), refused-rows sidecars under refused_rows/, manifest entries with rows
and rows_refused. It holds a sales line of 9999999999999999.99, one dated 2099-01-01, a customer
updated 9999-12-31T23:59:59Z, refused sales and customer rows, and a manifest entry for a file
landed under a name staging's glob misses. `dbt build` fails on that file, naming it; once it is
gone the build passes and every row that arrived is in a mart or in qa_rejected_<entity> with
its reason, while the marts' dates stay those of the real sales.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pytest

from conftest import isolated_env, run_dbt

pytestmark = pytest.mark.integration

BATCH = "20261121T060000000000Z"
DAY = "2026-11-21"
SALES_FILE = f"{BATCH}-sales_2026-11-20.csv"
CUSTOMERS_FILE = f"{BATCH}-customers.ndjson"
PRODUCTS_FILE = f"{BATCH}-products.ndjson"
UNREAD_FILE = f"{BATCH}-sales_2026-11-21.csv.gz"  # landed, but staging reads *.csv only

SALES_CSV = (
    "transaction_id,customer_id,product_id,quantity,amount,transaction_date\n"
    "T1,C1,P1,1,10.00,2026-11-20 10:00:00\n"
    "T2,C1,P1,1,9999999999999999.99,2026-11-20 11:00:00\n"
    "T3,C1,P2,2,20.00,2099-01-01 00:00:00\n"
    "T4,C1,P2,1,5.00,2026-11-19 09:00:00\n"
)
REFUSED_SALES = [
    {
        "line_number": 3,
        "reason": "malformed_row",
        "detail": "7 fields, 6 expected",
        "raw": 'T9,C1,P1,1,5.00,2026-11-20 10:00:00,"extra',
    },
    {
        "line_number": 6,
        "reason": "repeated_header",
        "detail": "the header again",
        "raw": "transaction_id,customer_id,product_id,quantity,amount,transaction_date",
    },
]
CUSTOMERS = [
    {
        "customer_id": "C1",
        "name": "Ada",
        "email": "ada@example.com",
        "city": "Boston",
        "signup_date": "2026-01-01",
        "updated_at": "2026-11-20T10:00:00Z",
    },
    {
        "customer_id": "C2",
        "name": "Ben",
        "email": "ben@example.com",
        "city": "Denver",
        "signup_date": "2026-01-01",
        "updated_at": "9999-12-31T23:59:59Z",
    },
]
REFUSED_CUSTOMERS = [
    {"line_number": 2, "reason": "not_an_object", "detail": "a number", "raw": "42"}
]
PRODUCTS = [
    {"product_id": "P1", "name": "Mug", "category": "Home", "price": "10.00", "stock": "5"},
    {"product_id": "P2", "name": "Pen", "category": "Office", "price": "2.50", "stock": "9"},
]

Row = tuple[Any, ...]


@dataclass(frozen=True)
class Builds:
    """The build with the unread file in the lake, the build after it left, and a query."""

    with_unread_file: subprocess.CompletedProcess[str]
    failed_tests: list[str]
    after_it_left: subprocess.CompletedProcess[str]
    warehouse: Path

    def query(self, sql: str) -> list[Row]:
        """Rows of a query on the warehouse, sorted."""
        with duckdb.connect(str(self.warehouse), read_only=True) as con:
            return sorted(con.execute(sql).fetchall(), key=repr)


def _put(lake: Path, key: str, data: bytes) -> None:
    path = lake / key
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _ndjson(records: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in records).encode()


def land(lake: Path, source: str, name: str, data: bytes, rows: int, refused: int | None) -> str:
    """A landed file and its manifest entry (pretty-printed, as ingest/manifest.py writes it);
    rows_refused None = an entry from before the door refused rows. Returns the entry's key."""
    key = f"landing/{source}/ingest_date={DAY}/{name}"
    _put(lake, key, data)
    sha = hashlib.sha256(data).hexdigest()
    entry: dict[str, Any] = {
        "source": source,
        "sha256": sha,
        "bytes": len(data),
        "rows": rows,
        "original_name": name.split("-", 1)[1],
        "batch_id": BATCH,
        "landing_key": key,
        "status": "landed",
        "received_at": f"{DAY}T06:00:00.000001Z",
        "landed_at": f"{DAY}T06:00:01.000001Z",
    }
    if refused is not None:
        entry["rows_refused"] = refused
    manifest_key = f"_manifest/{source}/{sha}.json"
    _put(lake, manifest_key, json.dumps(entry, indent=2, sort_keys=True).encode())
    return manifest_key


def refuse(lake: Path, source: str, landed_file: str, rows: list[dict[str, Any]]) -> None:
    """The door's sidecar of rows refused from one landed file."""
    records = [{"source": source, "landed_file_name": landed_file, **row} for row in rows]
    _put(lake, f"refused_rows/{source}/ingest_date={DAY}/{landed_file}.ndjson", _ndjson(records))


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    root = tmp_path_factory.mktemp("refused")
    env = isolated_env(root)
    lake = root / "lake"
    (root / "warehouse").mkdir()
    land(lake, "sales", SALES_FILE, SALES_CSV.encode(), rows=4, refused=2)
    refuse(lake, "sales", SALES_FILE, REFUSED_SALES)
    land(lake, "customers", CUSTOMERS_FILE, _ndjson(CUSTOMERS), rows=2, refused=1)
    refuse(lake, "customers", CUSTOMERS_FILE, REFUSED_CUSTOMERS)
    land(lake, "products", PRODUCTS_FILE, _ndjson(PRODUCTS), rows=2, refused=None)
    unread_csv = "transaction_id,customer_id,product_id,quantity,amount,transaction_date\n"
    unread_csv += "T5,C1,P1,1,1.00,2026-11-21 08:00:00\n"
    unread_entry = land(lake, "sales", UNREAD_FILE, gzip.compress(unread_csv.encode()), 1, 0)

    first = run_dbt(["build"], env)
    results = json.loads((root / "target" / "run_results.json").read_text())["results"]
    failed = sorted(
        r["unique_id"].split(".")[2] for r in results if r["status"] in ("fail", "error")
    )
    (lake / unread_entry).unlink()
    (lake / f"landing/sales/ingest_date={DAY}/{UNREAD_FILE}").unlink()
    second = run_dbt(["build"], env)
    return Builds(first, failed, second, root / "warehouse" / "ecom.duckdb")


def test_a_landed_file_staging_never_read_fails_the_build_by_name(builds: Builds) -> None:
    assert builds.with_unread_file.returncode == 1
    assert builds.failed_tests == ["assert_every_landed_file_is_read_in_full"]
    assert (
        f"landed file not read in full: sales {UNREAD_FILE}: the door received 1 rows, "
        "staging read 0 and 0 were refused"
    ) in builds.with_unread_file.stdout


def test_without_the_unread_file_the_build_passes(builds: Builds) -> None:
    second = builds.after_it_left
    assert second.returncode == 0, second.stdout[-5000:]
    assert "landed file not read in full" not in second.stdout


def test_refused_and_out_of_range_sales_are_rejected_with_their_reason(builds: Builds) -> None:
    rejected = builds.query(
        "select transaction_id, reject_reason, reject_detail, line_number, raw_row, amount_raw, "
        "transaction_date_raw, landed_file_name from analytics_qa.qa_rejected_sales"
    )
    assert rejected == sorted(
        [
            ("T2", "amount_out_of_range", None, None, None, "9999999999999999.99",
             "2026-11-20 11:00:00", SALES_FILE),
            ("T3", "transaction_date_out_of_range", None, None, None, "20.00",
             "2099-01-01 00:00:00", SALES_FILE),
            (None, "malformed_row", "7 fields, 6 expected", 3, REFUSED_SALES[0]["raw"], None,
             None, SALES_FILE),
            (None, "repeated_header", "the header again", 6, REFUSED_SALES[1]["raw"], None, None,
             SALES_FILE),
        ],
        key=repr,
    )  # fmt: skip


def test_a_customer_changed_in_the_future_and_a_refused_record_are_rejected(
    builds: Builds,
) -> None:
    rejected = builds.query(
        "select customer_id, reject_reason, line_number, raw_row, updated_at_raw "
        "from analytics_qa.qa_rejected_customers"
    )
    assert rejected == sorted(
        [
            ("C2", "updated_at_out_of_range", None, None, "9999-12-31T23:59:59Z"),
            (None, "not_an_object", 2, "42", None),
        ],
        key=repr,
    )
    current = builds.query("select customer_id from analytics_marts.dim_customers where is_current")
    assert ("C2",) not in current  # only as an inferred member if it bought; it did not


def test_the_marts_dates_stay_those_of_the_real_sales(builds: Builds) -> None:
    assert builds.query("select transaction_id from analytics_marts.fct_sales") == [
        ("T1",),
        ("T4",),
    ]
    [(latest, total)] = builds.query(
        "select max(transaction_date), sum(amount) from analytics_marts.fct_sales"
    )
    assert str(latest) == "2026-11-20"
    assert str(total) == "15.00"
    [(first_day, last_day)] = builds.query(
        "select min(date_day), max(date_day) from analytics_marts.dim_date"
    )
    assert (str(first_day), str(last_day)) == ("2026-01-01", "2026-12-31")


def test_six_column_sales_lines_are_each_the_first_merchandise_line_of_their_order(
    builds: Builds,
) -> None:
    assert builds.query(
        "select transaction_id, line_number, line_type, original_transaction_id "
        "from analytics_marts.fct_sales"
    ) == [("T1", 1, "merchandise", None), ("T4", 1, "merchandise", None)]


def test_each_landed_file_reconciles_with_the_manifest(builds: Builds) -> None:
    rows = builds.query(
        "select landed_file_name, rows_received, rows_staged, rows_refused, rows_landed, "
        "rows_used, rows_rejected, is_balanced, is_read_in_full "
        "from analytics_qa.qa_ingest_reconciliation"
    )
    assert rows == sorted(
        [
            (SALES_FILE, 6, 4, 2, 6, 2, 4, True, True),
            (CUSTOMERS_FILE, 3, 2, 1, 3, 1, 2, True, True),
            (PRODUCTS_FILE, 2, 2, 0, 2, 2, 0, True, True),
        ],
        key=repr,
    )
