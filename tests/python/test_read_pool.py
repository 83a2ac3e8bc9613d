"""The servers' read pool (ecom/read_pool.py) on a real DuckDB file: many threads read at once
without an error, the guards hold, the bound answers "busy, retry", a query past its timeout is
stopped while the others go on, the file is let go when idle, and a writer that says so
(`Warehouse.writing`, as `ecom run` does) gets the file while readers keep asking."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import pytest

from ecom.mcp.reader import QueryFailedError, WarehouseBusyError, read
from ecom.read_pool import ReadersBusyError, ReadLimits, ReadPool, ReadTimeoutError, read_pool
from ecom.warehouse import Warehouse, WarehouseLockedError, writer_marker

from conftest import REPO

pytestmark = pytest.mark.unit

ORDERS = 5_000
# tens of seconds of work (a cross join DuckDB cannot shortcut), always stopped by a timeout
SLOW_SQL = "select sum(hash(a.range * b.range)) from range(200000) a, range(200000) b"


@pytest.fixture
def warehouse(tmp_path: Path) -> Iterator[Warehouse]:
    """A small warehouse file with a marts schema, and the duckdb target pointed at it."""
    path = tmp_path / "warehouse" / "ecom.duckdb"
    path.parent.mkdir()
    with duckdb.connect(str(path)) as connection:
        connection.execute("create schema analytics_marts")
        connection.execute(
            "create table analytics_marts.fct_orders as select range as transaction_id, "
            f"range % 7 as amount from range({ORDERS})"
        )
    target = Warehouse.for_target("duckdb", REPO, {**os.environ, "ECOM_DUCKDB_PATH": str(path)})
    yield target
    read_pool(target).close()


def test_many_threads_read_at_once_and_each_gets_its_answer(warehouse: Warehouse) -> None:
    def one(index: int) -> list[list[object]]:
        sql = f"select count(*) + {index} as n from analytics_marts.fct_orders"
        return read(warehouse, sql, row_limit=10, timeout=10).rows

    with ThreadPoolExecutor(16) as threads:
        answers = list(threads.map(one, range(160)))
    assert answers == [[[ORDERS + index]] for index in range(160)]


@pytest.mark.parametrize(
    ("sql", "why"),
    [
        ("set memory_limit = '20GB'", "configuration has been locked"),
        ("set enable_external_access = true", "configuration has been locked"),
        ("select * from read_csv('/etc/passwd')", "file system operations are disabled"),
        ("create table analytics_marts.x as select 1", "read-only mode"),
    ],
)
def test_every_cursor_has_the_guards_set_once_for_the_instance(
    warehouse: Warehouse, sql: str, why: str
) -> None:
    with pytest.raises(QueryFailedError, match=why):
        read(warehouse, sql, row_limit=10, timeout=5)


def test_past_the_bound_a_query_is_answered_busy_retry(warehouse: Warehouse) -> None:
    pool = ReadPool(warehouse, ReadLimits(concurrency=1, queue=1, queue_seconds=0.3))
    with ThreadPoolExecutor(3) as threads:
        slow = threads.submit(pool.query, SLOW_SQL, 2.0)
        time.sleep(0.3)  # the slow query has the one slot
        waiting = threads.submit(pool.query, "select 1", 5.0)  # waits 0.3 s, then busy
        time.sleep(0.05)
        with pytest.raises(ReadersBusyError, match="1 are waiting; retry in a few seconds"):
            pool.query("select 1", 5.0)  # the queue is full: refused at once
        with pytest.raises(ReadersBusyError, match=r"waited 0\.3s for its turn"):
            waiting.result()
        with pytest.raises(ReadTimeoutError):
            slow.result()
    assert pool.query("select 42", 5.0) == (["42"], [(42,)])
    pool.close()


def test_a_query_past_its_timeout_is_stopped_and_the_others_go_on(warehouse: Warehouse) -> None:
    pool = read_pool(warehouse)
    with ThreadPoolExecutor(2) as threads:
        slow = threads.submit(pool.query, SLOW_SQL, 0.5)
        counts = [
            pool.query("select count(*) from analytics_marts.fct_orders", 5.0)[1] for _ in range(20)
        ]
        started = time.monotonic()
        with pytest.raises(ReadTimeoutError, match=r"longer than the 0\.5s timeout"):
            slow.result()
    assert time.monotonic() - started < 5
    assert counts == [[(ORDERS,)]] * 20


def test_the_file_is_let_go_once_no_query_runs(warehouse: Warehouse) -> None:
    read_pool(warehouse).query("select 1", 5.0)
    time.sleep(1.0)  # the idle instance closes half a second after its last query
    duckdb.connect(str(warehouse.duckdb_path)).close()  # a writer gets the file


HOLD_MARKER = """
import fcntl, sys, time
with open(sys.argv[1], "ab") as marker:
    fcntl.flock(marker, fcntl.LOCK_EX)
    print("held", flush=True)
    time.sleep(60)
"""


def test_while_a_writer_waits_no_new_query_starts(warehouse: Warehouse) -> None:
    marker = writer_marker(warehouse.duckdb_path)
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_MARKER, str(marker)], stdout=subprocess.PIPE, text=True
    ) as writer:
        try:
            assert writer.stdout is not None and writer.stdout.readline().strip() == "held"
            with pytest.raises(WarehouseLockedError, match="about to be rebuilt"):
                read_pool(warehouse).query("select 1", 5.0)
        finally:
            writer.kill()
    # a writer killed without removing its marker keeps nobody out: the kernel let its lock go
    assert marker.exists()
    assert read_pool(warehouse).query("select 1", 5.0) == (["1"], [(1,)])


WRITER = """
import os, sys, time
from pathlib import Path
import duckdb
from ecom.warehouse import Warehouse
warehouse = Warehouse.for_target("duckdb", Path(sys.argv[1]), dict(os.environ))
started = time.monotonic()
with warehouse.writing():
    with duckdb.connect(str(warehouse.duckdb_path)) as connection:
        connection.execute("create table analytics_marts.written as select 1 as one")
print(f"{time.monotonic() - started:.2f}", flush=True)
"""


def test_a_writer_that_says_so_gets_the_file_while_readers_keep_asking(
    warehouse: Warehouse,
) -> None:
    """Four readers query back to back, so the pool's instance is never idle; `ecom run`'s
    way in (Warehouse.writing) still writes within seconds, and the readers meanwhile are
    told the warehouse is being rebuilt, nothing else."""
    stop = threading.Event()
    answered, locked, other = [0], [0], []

    def reader() -> None:
        while not stop.is_set():
            try:
                read_pool(warehouse).query("select count(*) from analytics_marts.fct_orders", 5.0)
                answered[0] += 1
            except WarehouseLockedError:
                locked[0] += 1
                time.sleep(0.05)
            except Exception as error:  # anything else is a failure of the pool
                other.append(error)

    readers = [threading.Thread(target=reader) for _ in range(4)]
    for thread in readers:
        thread.start()
    time.sleep(0.5)
    try:
        done = subprocess.run(
            [sys.executable, "-c", WRITER, str(REPO)],
            env={**os.environ, "ECOM_DUCKDB_PATH": str(warehouse.duckdb_path)},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        time.sleep(0.5)
    finally:
        stop.set()
        for thread in readers:
            thread.join()
    assert done.returncode == 0, done.stderr[-2000:]
    assert float(done.stdout) < 5
    assert answered[0] > 0 and locked[0] > 0 and other == []
    assert read_pool(warehouse).query("select one from analytics_marts.written", 5.0)[1] == [(1,)]


def test_the_mcp_answer_while_readers_are_full_says_retry(warehouse: Warehouse) -> None:
    """The bound through `ecom mcp`'s reader: a "busy" that tells the agent to retry."""
    pool = read_pool(warehouse, ReadLimits(concurrency=1, queue=0))  # this file's first
    with ThreadPoolExecutor(1) as threads:
        slow = threads.submit(pool.query, SLOW_SQL, 1.0)
        time.sleep(0.3)
        with pytest.raises(WarehouseBusyError, match=r"busy.*retry in a few seconds"):
            read(warehouse, "select 1", row_limit=10, timeout=5)
        with pytest.raises(ReadTimeoutError):
            slow.result()


def test_dashboard_sessions_read_at_once_through_the_pool(warehouse: Warehouse) -> None:
    """Streamlit serves every session from threads of one process: their queries share the
    pool (dashboard/data.py run_sql)."""
    from dashboard.data import run_sql

    def one(index: int) -> int:
        frame = run_sql(
            warehouse, f"select count(*) + {index} as n from analytics_marts.fct_orders"
        )
        return int(frame["n"].iloc[0])

    with ThreadPoolExecutor(8) as threads:
        assert list(threads.map(one, range(64))) == [ORDERS + i for i in range(64)]


def test_on_athena_concurrent_reads_share_one_pool(moto_endpoint: str) -> None:
    """Athena through pyathena against moto's Athena API (its queued results): 8 threads x 4
    queries at once on the pool's connections, every answer read back."""
    import boto3
    import requests

    boto3.client("s3").create_bucket(Bucket="ecom-athena-results")
    column = {
        "CatalogName": "hive",
        "SchemaName": "",
        "TableName": "",
        "Name": "orders",
        "Label": "orders",
        "Type": "integer",
        "Precision": 10,
        "Scale": 0,
        "Nullable": "UNKNOWN",
        "CaseSensitive": False,
    }
    rows = [{"Data": [{"VarCharValue": "orders"}]}, {"Data": [{"VarCharValue": str(ORDERS)}]}]
    for _ in range(32):  # moto answers each query with the next queued result
        queued = requests.post(
            f"{moto_endpoint}/moto-api/static/athena/query-results",
            json={
                "account_id": "123456789012",
                "region": "us-east-1",
                "results": [{"rows": rows, "column_info": [column]}],
            },
            timeout=10,
        )
        queued.raise_for_status()
    warehouse = Warehouse.for_target(
        "athena",
        REPO,
        {
            **os.environ,
            "ECOM_ATHENA_S3_STAGING_DIR": "s3://ecom-athena-results/queries/",
            "ECOM_ATHENA_S3_DATA_DIR": "s3://ecom-athena-results/warehouse/",
        },
    )
    pool = read_pool(warehouse)
    with ThreadPoolExecutor(8) as threads:
        answers = list(
            threads.map(
                lambda _: pool.query("select count(*) as orders from fct_orders", 30), range(32)
            )
        )
    assert answers == [(["orders"], [(ORDERS,)])] * 32
    pool.close()
