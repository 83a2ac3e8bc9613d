"""Landing files in the local lake: layout, idempotency, quarantine, crash recovery."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ingest.landing import land_file
from ingest.manifest import Manifest
from ingest.sources import PRODUCTS, SALES
from ingest.storage import LocalStorage

DAY = date(2026, 11, 21)
SALES_CSV = (
    b"transaction_id,customer_id,product_id,quantity,amount,transaction_date\n"
    b"T1,C1,P1,1,9.99,2026-11-20 10:00:00\n"
    b"T2,C2,P2,2,19.98,2026-11-20 11:00:00\n"
)


@pytest.fixture
def lake(tmp_path: Path) -> LocalStorage:
    return LocalStorage(tmp_path / "lake")


def test_file_lands_under_the_partitioned_key_with_its_bytes(lake: LocalStorage) -> None:
    result = land_file(lake, SALES, "sales_2026-11-20.csv", SALES_CSV, "B1", DAY)
    assert result.status == "landed"
    assert result.rows == 2
    assert result.key == "landing/sales/ingest_date=2026-11-21/B1-sales_2026-11-20.csv"
    assert lake.get_bytes(result.key) == SALES_CSV
    entry = Manifest(lake).entries("sales")[0]
    assert (entry.status, entry.rows, entry.bytes) == ("landed", 2, len(SALES_CSV))


def test_same_file_twice_is_a_no_op(lake: LocalStorage) -> None:
    land_file(lake, SALES, "sales.csv", SALES_CSV, "B1", DAY)
    again = land_file(lake, SALES, "sales-copy.csv", SALES_CSV, "B2", date(2026, 11, 22))
    assert again.status == "already_landed"
    assert lake.list_keys("landing/") == ["landing/sales/ingest_date=2026-11-21/B1-sales.csv"]


def test_json_array_lands_as_ndjson_and_the_original_is_archived(lake: LocalStorage) -> None:
    catalog = [
        {"product_id": "P1", "name": "Mug", "category": "Home", "price": 4.5, "stock": 3},
        {"product_id": "P2", "name": "Pan", "category": "Home", "price": 20, "stock": 0},
    ]
    original = json.dumps(catalog, indent=2).encode()
    result = land_file(lake, PRODUCTS, "products.json", original, "B1", DAY)
    assert result.key.endswith("/B1-products.ndjson")
    lines = lake.get_bytes(result.key).decode().splitlines()
    assert [json.loads(line) for line in lines] == catalog
    assert lake.get_bytes("archive/products/ingest_date=2026-11-21/B1-products.json") == original


def test_file_missing_a_column_is_quarantined_with_a_reason(lake: LocalStorage) -> None:
    bad = b"transaction_id,customer_id,amount\nT1,C1,9.99\n"
    result = land_file(lake, SALES, "sales_bad.csv", bad, "B1", DAY)
    assert result.status == "quarantined"
    assert lake.list_keys("landing/") == []
    key = "quarantine/sales/ingest_date=2026-11-21/B1-sales_bad.csv"
    assert lake.get_bytes(key) == bad
    reason = json.loads(lake.get_bytes(key + ".reason.json"))
    assert reason["reason"] == "missing_columns"
    assert "product_id" in reason["detail"]


def test_crash_between_manifest_and_landing_is_finished_by_the_next_run(
    lake: LocalStorage, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_put = lake.put_bytes

    def crash_on_landing(key: str, data: bytes) -> None:
        if key.startswith("landing/"):
            raise OSError("disk vanished")
        real_put(key, data)

    monkeypatch.setattr(lake, "put_bytes", crash_on_landing)
    with pytest.raises(OSError):
        land_file(lake, SALES, "sales.csv", SALES_CSV, "B1", DAY)
    monkeypatch.setattr(lake, "put_bytes", real_put)

    retry = land_file(lake, SALES, "sales.csv", SALES_CSV, "B2", date(2026, 11, 22))
    assert retry.status == "landed"
    assert lake.list_keys("landing/") == ["landing/sales/ingest_date=2026-11-21/B1-sales.csv"]
    assert [e.status for e in Manifest(lake).entries()] == ["landed"]
