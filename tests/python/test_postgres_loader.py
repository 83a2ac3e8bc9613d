"""The PostgreSQL raw tables of the lake's own records: refused rows once per sidecar, the
manifest as it stands now, every column as text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import psycopg2
import pytest

from ecom.postgres_loader import load_landed_files
from ingest.storage import Storage

from conftest import PostgresServer

pytestmark = pytest.mark.unit

SALES = "B1-sales.csv"
REFUSED_KEY = f"refused_rows/sales/ingest_date=2026-11-21/{SALES}.ndjson"


def entry(status: str, rows_refused: int | None) -> dict[str, Any]:
    """A manifest entry of the landed sales file (rows_refused None: an older entry)."""
    fields: dict[str, Any] = {
        "source": "sales",
        "sha256": "a" * 64,
        "bytes": 80,
        "rows": 1,
        "original_name": "sales.csv",
        "batch_id": "B1",
        "landing_key": f"landing/sales/ingest_date=2026-11-21/{SALES}",
        "status": status,
        "received_at": "2026-11-21T06:00:00.000001Z",
        "landed_at": None,
    }
    if rows_refused is not None:
        fields["rows_refused"] = rows_refused
    return fields


@pytest.fixture
def conn(postgres: PostgresServer, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh database for the test."""
    name = f"loader_{abs(hash(request.node.name)) % 10**8}"
    admin = psycopg2.connect(host=str(postgres.socket_dir), user="postgres", dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f"drop database if exists {name}")
        cur.execute(f"create database {name}")
    connection = psycopg2.connect(host=str(postgres.socket_dir), user="postgres", dbname=name)
    yield connection
    connection.close()
    admin.close()


def rows(conn: Any, sql: str) -> list[tuple[Any, ...]]:
    with conn.cursor() as cur:
        cur.execute(sql)
        return sorted(cur.fetchall(), key=repr)


def test_refused_rows_load_once_and_the_manifest_is_replaced_whole(
    local_lake: Storage, conn: Any
) -> None:
    local_lake.put_bytes(
        f"landing/sales/ingest_date=2026-11-21/{SALES}",
        b"transaction_id,customer_id,product_id,quantity,amount,transaction_date\n"
        b"T1,C1,P1,1,10.00,2026-11-20 10:00:00\n",
    )
    refused = {
        "source": "sales",
        "landed_file_name": SALES,
        "line_number": 3,
        "reason": "malformed_row",
        "detail": "7 fields",
        "raw": 'a,"b',
    }
    local_lake.put_bytes(REFUSED_KEY, (json.dumps(refused) + "\n").encode())
    manifest_key = f"_manifest/sales/{'a' * 64}.json"
    local_lake.put_bytes(manifest_key, json.dumps(entry("pending", None), indent=2).encode())

    first = load_landed_files(local_lake, conn, "raw")
    assert [(r.landing_key, r.rows, r.status) for r in first] == [(REFUSED_KEY, 1, "loaded")]
    assert rows(conn, "select status, rows_refused from raw.landed_files") == [("pending", None)]

    local_lake.put_bytes(manifest_key, json.dumps(entry("landed", 1), indent=2).encode())
    second = load_landed_files(local_lake, conn, "raw")
    assert sorted((r.source, r.status) for r in second) == [
        ("sales", "already_loaded"),
        ("sales", "loaded"),
    ]
    assert rows(
        conn,
        "select source, landed_file_name, line_number, reason, detail, raw, ingest_date "
        "from raw.refused_rows",
    ) == [("sales", SALES, "3", "malformed_row", "7 fields", 'a,"b', "2026-11-21")]
    assert rows(conn, "select source, status, rows, rows_refused from raw.landed_files") == [
        ("sales", "landed", "1", "1")
    ]
    assert rows(conn, "select count(*) from raw.sales") == [(1,)]
