"""`ecom mcp` as an MCP client sees it: a real session over stdio with the server started as a
subprocess on the shared e2e warehouse; every tool's happy path, requests it refuses (with the
reason, and nothing changed in the warehouse), no secret in any answer, the DuckDB lock of a
running build, and one call over streamable HTTP on 127.0.0.1."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Coroutine, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamable_http_client
from mcp.types import CallToolResult, TextContent

from bench.loadtest.clients import http_clients
from ecom.cli import _dispatch, build_parser
from ecom.dbt_artifacts import ArtifactMissingError
from ecom.exit_codes import ExitCode, exit_code_for
from ecom.mcp.catalog import Catalog
from ecom.mcp.reader import QueryFailedError, QueryTimeoutError, read
from ecom.read_pool import read_pool, stopped_by_statement_timeout
from ecom.warehouse import Warehouse
from ingest.errors import ConfigurationError

from conftest import ECOM, REPO, E2ERun, PostgresServer, mart_contents

# a test on a shared run or a server is heavier: conftest.py FIXTURE_MARKS
pytestmark = pytest.mark.unit

T = TypeVar("T")
ROW_LIMIT = 50
TIMEOUT_SECONDS = 2
# set in the server's environment; no tool result may ever contain them
SECRETS = {
    "AWS_SECRET_ACCESS_KEY": "sentinel-aws-secret-7f3a",
    "ECOM_POSTGRES_PASSWORD": "sentinel-pg-password-91c2",
    "ECOM_REDSHIFT_PASSWORD": "sentinel-rs-password-5d0e",
}
SERVER_ARGS = ["mcp", "--row-limit", str(ROW_LIMIT), "--timeout", str(TIMEOUT_SECONDS)]
TOOLS = {"list_marts", "describe_mart", "list_metrics", "query_metrics", "run_sql"}


class McpSession:
    """One MCP client session over stdio with `ecom mcp`, driven from synchronous tests: the
    session lives in an event loop of its own thread; call() waits for each tool's result."""

    def __init__(self, env: dict[str, str]) -> None:
        self.texts: list[str] = []  # every tool result's text, for the secrets check
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._ready: Future[ClientSession] = Future()
        self._stop = asyncio.Event()
        params = StdioServerParameters(command=ECOM, args=SERVER_ARGS, env=env, cwd=str(REPO))
        self._main = asyncio.run_coroutine_threadsafe(self._serve(params), self._loop)
        self.session = self._ready.result(timeout=60)

    async def _serve(self, params: StdioServerParameters) -> None:
        try:
            async with stdio_client(params) as (read, write), ClientSession(read, write) as s:
                await s.initialize()
                self._ready.set_result(s)
                await self._stop.wait()
        except BaseException as error:
            if not self._ready.done():
                self._ready.set_exception(error)
            raise

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        """Run a coroutine on the session's loop and wait for it."""
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout=60)

    def call(self, tool: str, arguments: dict[str, Any] | None = None) -> CallToolResult:
        """Call a tool; its result (its text is kept)."""
        result = self.run(self.session.call_tool(tool, arguments or {}))
        self.texts.append(text_of(result))
        return result

    def close(self) -> None:
        """End the session (the server exits when its stdin closes)."""
        self._loop.call_soon_threadsafe(self._stop.set)
        self._main.result(timeout=30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)


def text_of(result: CallToolResult) -> str:
    """The text of a tool result."""
    return "\n".join(c.text for c in result.content if isinstance(c, TextContent))


def payload(result: CallToolResult) -> dict[str, Any]:
    """A successful result's JSON."""
    assert not result.isError, text_of(result)
    data: dict[str, Any] = json.loads(text_of(result))
    return data


def checksum(path: Path) -> str:
    """sha256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def before(e2e: E2ERun) -> tuple[dict[str, list[tuple[object, ...]]], str]:
    """The marts and the warehouse file's checksum before the server ever ran."""
    return mart_contents(e2e.warehouse), checksum(e2e.warehouse)


@pytest.fixture(scope="module")
def mcp(e2e: E2ERun, before: object) -> Iterator[McpSession]:
    """`ecom mcp` on the e2e warehouse, one session for the module, secrets in its env."""
    session = McpSession({**e2e.env, **SECRETS})
    yield session
    session.close()


def manifest(e2e: E2ERun, name: str = "manifest.json") -> dict[str, Any]:
    """A dbt artifact of the e2e run."""
    data: dict[str, Any] = json.loads((Path(e2e.env["DBT_TARGET_PATH"]) / name).read_text())
    return data


# --- listing and the happy paths ---------------------------------------------------------


def test_the_server_offers_five_read_only_tools(mcp: McpSession) -> None:
    tools = mcp.run(mcp.session.list_tools()).tools
    assert {tool.name for tool in tools} == TOOLS
    for tool in tools:
        assert tool.description
        assert tool.annotations is not None and tool.annotations.readOnlyHint is True
        assert tool.annotations.destructiveHint is False


def test_list_marts_shows_every_public_model_with_its_description(
    mcp: McpSession, e2e: E2ERun
) -> None:
    public = {
        node["name"]: node
        for node in manifest(e2e)["nodes"].values()
        if node["resource_type"] == "model" and node.get("access") == "public"
    }
    marts = {mart["name"]: mart for mart in payload(mcp.call("list_marts"))["marts"]}
    assert set(marts) == set(public) and {"fct_sales", "fct_orders", "dim_customers"} <= set(marts)
    sales = marts["fct_sales"]
    assert sales["relation"] == "analytics_marts.fct_sales"
    assert sales["description"].startswith("One row per kept line of an order")
    assert marts["fct_orders"]["description"].startswith("One row per order")
    assert marts["qa_rejected_sales"]["relation"] == "analytics_qa.qa_rejected_sales"


def test_describe_mart_gives_each_column_its_type_and_description(
    mcp: McpSession, e2e: E2ERun
) -> None:
    mart = payload(mcp.call("describe_mart", {"name": "fct_sales"}))
    built = e2e.query(
        "select column_name from information_schema.columns where table_schema = "
        "'analytics_marts' and table_name = 'fct_sales' order by ordinal_position"
    )
    assert [c["name"] for c in mart["columns"]] == [name for (name,) in built]
    amount = next(c for c in mart["columns"] if c["name"] == "amount")
    assert amount["type"] == "decimal(18,2)" and amount["description"]


def test_describe_mart_of_an_unknown_name_lists_the_marts(mcp: McpSession) -> None:
    result = mcp.call("describe_mart", {"name": "stg_shop__sales"})
    assert result.isError and "there is no mart 'stg_shop__sales'" in text_of(result)
    assert "fct_sales" in text_of(result)


def test_run_sql_answers_a_select_over_the_marts(mcp: McpSession, e2e: E2ERun) -> None:
    sql = (
        "select p.category, count(*) as sales, sum(s.amount) as revenue "
        "from fct_sales as s join analytics_marts.dim_products as p using (product_id) "
        "group by 1 order by 1"
    )
    answer = payload(mcp.call("run_sql", {"sql": sql}))
    expected = e2e.query(
        "select p.category, count(*), sum(s.amount) from analytics_marts.fct_sales s "
        "join analytics_marts.dim_products p using (product_id) group by 1 order by 1"
    )
    assert answer["columns"] == ["category", "sales", "revenue"]
    assert answer["rows"] == [[c, n, float(str(r))] for c, n, r in expected]
    assert answer["truncated"] is False


def test_a_big_result_is_cut_at_the_row_limit_and_says_so(mcp: McpSession) -> None:
    answer = payload(mcp.call("run_sql", {"sql": "select * from analytics_marts.fct_sales"}))
    assert answer["row_count"] == ROW_LIMIT and len(answer["rows"]) == ROW_LIMIT
    assert answer["truncated"] is True and "has more" in answer["shown"]
    few = payload(mcp.call("run_sql", {"sql": "select * from fct_sales", "limit": 3}))
    assert few["row_count"] == 3


def test_list_metrics_shows_the_semantic_layer_with_descriptions(
    mcp: McpSession, e2e: E2ERun
) -> None:
    metrics = {m["name"]: m for m in payload(mcp.call("list_metrics"))["metrics"]}
    in_yml = {m["name"] for m in manifest(e2e, "semantic_manifest.json")["metrics"]}
    assert set(metrics) == in_yml
    assert {
        "net_revenue",
        "gross_revenue",
        "returns",
        "return_rate",
        "guest_share",
        "orders",
        "average_order_value",
        "new_customers",
    } <= set(metrics)
    assert metrics["net_revenue"]["description"]
    assert {"metric_time__day", "product__category"} <= set(metrics["net_revenue"]["group_by"])
    # an order is not in one category: the per-order metrics are not grouped by it
    assert "product__category" not in metrics["orders"]["group_by"]


def test_query_metrics_gives_net_revenue_and_orders_by_day_as_the_facts_sum_them(
    mcp: McpSession, e2e: E2ERun
) -> None:
    answer = payload(
        mcp.call(
            "query_metrics",
            {
                "metrics": ["net_revenue", "orders"],
                "group_by": ["metric_time__day"],
                "start": "2026-11-15",
                "end": "2026-11-20",
            },
        )
    )
    # net: merchandise less discounts and returns (shipping and fees are not in it), summed
    # over the lines; orders: the orders with merchandise sold
    expected = e2e.query(
        "with lines as (select transaction_date as day, sum(case when line_type in "
        "('merchandise', 'discount', 'voucher') then amount else 0 end) as net "
        "from analytics_marts.fct_sales group by 1), "
        "orders as (select order_date as day, count(*) as orders "
        "from analytics_marts.fct_orders where is_order group by 1) "
        "select day, net, orders from lines join orders using (day) "
        "where day between '2026-11-15' and '2026-11-20' order by 1"
    )
    assert answer["columns"] == ["metric_time__day", "net_revenue", "orders"]
    assert [(row[0][:10], row[1], row[2]) for row in answer["rows"]] == [
        (str(day), float(str(net)), n) for day, net, n in expected
    ]
    assert len(expected) == 6
    assert "analytics_marts" in answer["sql"]


def test_a_metric_added_to_the_yml_is_served_after_dbt_parse_without_a_restart(
    e2e: E2ERun, tmp_path: Path
) -> None:
    target = Path(e2e.env["DBT_TARGET_PATH"])
    for artifact in ("manifest.json", "semantic_manifest.json"):
        shutil.copy(target / artifact, tmp_path / artifact)
    session = McpSession({**e2e.env, "DBT_TARGET_PATH": str(tmp_path)})
    try:
        listed = {m["name"] for m in payload(session.call("list_metrics"))["metrics"]}
        assert "revenue_again" not in listed
        # what `dbt parse` writes after a metric is added to models/semantic/*.yml
        semantic = json.loads((tmp_path / "semantic_manifest.json").read_text())
        added = {**next(m for m in semantic["metrics"] if m["name"] == "net_revenue")}
        semantic["metrics"].append({**added, "name": "revenue_again", "label": "Revenue again"})
        (tmp_path / "semantic_manifest.json").write_text(json.dumps(semantic))
        listed = {m["name"] for m in payload(session.call("list_metrics"))["metrics"]}
        assert "revenue_again" in listed
        day = {"start": "2026-11-20", "end": "2026-11-20"}
        again = payload(session.call("query_metrics", {"metrics": ["revenue_again"], **day}))
        revenue = payload(session.call("query_metrics", {"metrics": ["net_revenue"], **day}))
        assert again["rows"] == revenue["rows"] and again["rows"][0][0] > 0
    finally:
        session.close()


def test_query_metrics_of_an_unknown_metric_says_so(mcp: McpSession) -> None:
    result = mcp.call("query_metrics", {"metrics": ["revenu"]})
    assert result.isError and "revenu" in text_of(result)


# --- refused requests --------------------------------------------------------------------

SLOW = (
    "select sum(a.amount * b.quantity * c.quantity) from analytics_marts.fct_sales as a, "
    "analytics_marts.fct_sales as b, analytics_marts.fct_sales as c"
)
REFUSED = [
    ("insert", "insert into analytics_marts.fct_sales select * from analytics_marts.fct_sales",
     "INSERT is not a SELECT"),
    ("update", "update analytics_marts.dim_products set category = 'x'",
     "UPDATE is not a SELECT"),
    ("delete", "delete from analytics_marts.fct_sales", "DELETE is not a SELECT"),
    ("drop", "drop table analytics_marts.fct_sales", "DROP is not a SELECT"),
    ("create-as", "create table analytics_marts.copy as select * from analytics_marts.fct_sales",
     "CREATE is not a SELECT"),
    ("alter", "alter table analytics_marts.fct_sales add column x int", "ALTER is not a SELECT"),
    ("two-statements", "select 1; drop table analytics_marts.fct_sales", "2 statements"),
    ("delete-in-cte", "with gone as (delete from analytics_marts.fct_sales returning *) "
     "select count(*) from gone", "contains DELETE"),
    ("select-into", "select * into analytics_marts.copy from analytics_marts.fct_sales",
     "SELECT ... INTO"),
    ("staging-schema", "select * from analytics_staging.stg_shop__sales",
     "outside the marts schemas"),
    ("not-a-mart", "select * from stg_shop__sales", "stg_shop__sales is not a mart"),
    ("information-schema", "select * from information_schema.tables",
     "outside the marts schemas"),
    ("duckdb-catalog", "select * from duckdb_settings()", "duckdb_settings()"),
    ("read-csv", "select * from read_csv('/etc/passwd')", "read_csv()"),
    ("file-as-table", "select * from '/etc/passwd'", "is not a mart"),
    ("glob-in-subquery", "select * from analytics_marts.fct_sales where landed_file_name in "
     "(select file from glob('/tmp/*'))", "glob()"),
    ("copy-to-file", "copy analytics_marts.fct_sales to '/tmp/ecom-leak.csv'",
     "COPY is not a SELECT"),
    ("attach", "attach '/tmp/ecom-other.duckdb' as other", "ATTACH is not a SELECT"),
    ("pragma", "pragma database_list", "PRAGMA is not a SELECT"),
    ("set", "set enable_external_access = true", "SET is not a SELECT"),
    ("install", "install httpfs", "INSTALL is not a SELECT"),
    ("setting", "select current_setting('s3_secret_access_key')", "current_setting()"),
    ("for-update", "select * from analytics_marts.fct_sales for update", "FOR UPDATE"),
    ("slow-query", SLOW, f"longer than the {TIMEOUT_SECONDS}s timeout"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("sql", "reason"), [(sql, reason) for _, sql, reason in REFUSED], ids=[n for n, *_ in REFUSED]
)
def test_run_sql_refuses_and_says_why(mcp: McpSession, sql: str, reason: str) -> None:
    result = mcp.call("run_sql", {"sql": sql})
    text = text_of(result)
    assert result.isError, text
    assert text.startswith("Refused: ") and reason in text, text
    assert "Traceback" not in text


def test_a_limit_over_the_row_limit_is_refused(mcp: McpSession) -> None:
    result = mcp.call("run_sql", {"sql": "select * from fct_sales", "limit": 100_000})
    assert result.isError and f"outside 1..{ROW_LIMIT}" in text_of(result)


def test_a_metric_filter_cannot_smuggle_a_statement(mcp: McpSession) -> None:
    where = "{{ Dimension('product__category') }} = 'Books'; drop table analytics_marts.fct_sales"
    result = mcp.call("query_metrics", {"metrics": ["net_revenue"], "where": where})
    assert result.isError and text_of(result).startswith("Refused: "), text_of(result)


def test_a_metric_filter_cannot_run_python(mcp: McpSession) -> None:
    where = "{{ ''.__class__.__mro__[1].__subclasses__() }} = 1"
    result = mcp.call("query_metrics", {"metrics": ["net_revenue"], "where": where})
    assert result.isError and "cannot be answered" in text_of(result), text_of(result)


@pytest.mark.parametrize(
    ("sql", "why"),
    [
        ("create table analytics_marts.x as select 1", "read-only mode"),
        ("copy (select 1) to '/tmp/ecom-leak.csv'", "file system operations are disabled"),
        ("select * from read_csv('/etc/passwd')", "file system operations are disabled"),
        ("attach '/tmp/ecom-other.duckdb' as other", "file system operations are disabled"),
        ("set enable_external_access = true", "configuration has been locked"),
    ],
    ids=["create", "copy", "read-csv", "attach", "set"],
)
def test_behind_the_guard_the_duckdb_connection_refuses_too(
    e2e: E2ERun, sql: str, why: str
) -> None:
    warehouse = Warehouse.for_target("duckdb", REPO, e2e.env)
    try:
        with pytest.raises(QueryFailedError, match=why):
            read(warehouse, sql, row_limit=10, timeout=5)
    finally:
        read_pool(warehouse).close()  # this process opens the file plainly in later tests


def test_parallel_tool_calls_of_one_stdio_client_all_succeed(mcp: McpSession, e2e: E2ERun) -> None:
    """What an agent making parallel tool calls does: 12 calls at once on one session."""

    async def together() -> list[CallToolResult]:
        calls = [
            mcp.session.call_tool("run_sql", {"sql": f"select count(*) + {i} as n from fct_orders"})
            for i in range(8)
        ] + [mcp.session.call_tool("query_metrics", {"metrics": ["orders"]}) for _ in range(4)]
        return list(await asyncio.gather(*calls))

    results = mcp.run(together())
    [(orders,)] = e2e.query("select count(*) from analytics_marts.fct_orders")
    assert [payload(r)["rows"] for r in results[:8]] == [[[orders + i]] for i in range(8)]
    assert all(not r.isError for r in results[8:]), [text_of(r) for r in results[8:]]


def test_nothing_in_the_warehouse_changed(
    mcp: McpSession, e2e: E2ERun, before: tuple[dict[str, list[tuple[object, ...]]], str]
) -> None:
    marts, file_checksum = before
    assert mart_contents(e2e.warehouse) == marts
    assert checksum(e2e.warehouse) == file_checksum
    assert not Path("/tmp/ecom-leak.csv").exists() and not Path("/tmp/ecom-other.duckdb").exists()
    assert not any(e2e.warehouse.parent.glob("*.wal"))


# --- the lock of a running build, secrets, HTTP ------------------------------------------

# A writer that is not `ecom run` (which says first that it will write): it retries while the
# server's idle read-only instance still holds the file (half a second after a query).
HOLD_READ_WRITE = """
import sys, time, duckdb
for attempt in range(50):
    try:
        connection = duckdb.connect(sys.argv[1])
        break
    except duckdb.IOException:
        time.sleep(0.1)
print("held", flush=True)
sys.stdin.read()
connection.close()
"""


def test_while_a_build_holds_the_file_the_answer_says_retry(mcp: McpSession, e2e: E2ERun) -> None:
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_READ_WRITE, str(e2e.warehouse)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        result = mcp.call("run_sql", {"sql": "select count(*) from fct_sales"})
        waited = time.monotonic() - started
        assert holder.stdin is not None
        holder.stdin.close()
    assert result.isError, text_of(result)
    assert "being rebuilt by ecom run" in text_of(result) and "retry in a minute" in text_of(result)
    assert 1 < waited < 15
    assert payload(mcp.call("run_sql", {"sql": "select count(*) as n from fct_sales"}))["rows"]


def test_no_result_ever_shows_a_secret(mcp: McpSession) -> None:
    attempts = [
        "select getenv('AWS_SECRET_ACCESS_KEY')",
        "select * from duckdb_secrets()",
        "select value from duckdb_settings() where name like 's3%'",
    ]
    for sql in attempts:
        assert mcp.call("run_sql", {"sql": sql}).isError
    assert len(mcp.texts) >= 30
    leaked = [name for name, value in SECRETS.items() if any(value in t for t in mcp.texts)]
    assert leaked == []


def test_on_postgres_the_session_is_read_only_and_timed(postgres: PostgresServer) -> None:
    warehouse = Warehouse.for_target("postgres", REPO, {**os.environ, **postgres.env("postgres")})
    assert read(warehouse, "select 1 as one", row_limit=10, timeout=5).rows == [[1]]
    with pytest.raises(QueryFailedError, match="read-only transaction"):
        read(warehouse, "create table ecom_mcp_probe (i int)", row_limit=10, timeout=5)
    started = time.monotonic()
    with pytest.raises(QueryTimeoutError, match="longer than the 1s timeout"):
        read(warehouse, "select pg_sleep(10)", row_limit=10, timeout=1)
    assert time.monotonic() - started < 5


def test_on_postgres_concurrent_reads_share_a_pool_of_read_only_sessions(
    postgres: PostgresServer,
) -> None:
    """16 threads x 4 queries of 0.2 s each: they run side by side on at most 8 pooled
    connections (each set up once, read-only), none fails, and none can write."""
    warehouse = Warehouse.for_target("postgres", REPO, {**os.environ, **postgres.env("postgres")})

    def one(index: int) -> list[object]:
        sql = f"select {index} as i, pg_backend_pid() as pid, pg_sleep(0.2) is not null as slept"
        [row] = read(warehouse, sql, row_limit=10, timeout=10).rows
        return row

    started = time.monotonic()
    with ThreadPoolExecutor(16) as threads:
        answers = list(threads.map(one, range(64)))
    took = time.monotonic() - started
    assert [(i, slept) for i, _, slept in answers] == [(index, True) for index in range(64)]
    assert took < 64 * 0.2 / 2  # side by side, not one after the other
    assert 2 <= len({pid for _, pid, _ in answers}) <= 8  # the pool's sessions, reused
    with pytest.raises(QueryFailedError, match="read-only transaction"):
        read(warehouse, "create table ecom_mcp_probe (i int)", row_limit=10, timeout=5)
    read_pool(warehouse).close()


def test_a_statement_the_server_stops_at_its_timeout_counts_as_a_timeout(
    postgres: PostgresServer,
) -> None:
    """statement_timeout may fire before the reader's own timer: PostgreSQL's cancel (and
    Redshift's, whose only timeout it is) is a timeout, any other error is not."""
    import psycopg2

    conn = psycopg2.connect(host=str(postgres.socket_dir), user="postgres", dbname="postgres")
    try:
        with conn.cursor() as cur:
            cur.execute("set statement_timeout = 50")
            with pytest.raises(psycopg2.Error) as stopped:
                cur.execute("select pg_sleep(2)")
        conn.rollback()
        with conn.cursor() as cur, pytest.raises(psycopg2.Error) as other:
            cur.execute("select 1 / 0")
    finally:
        conn.close()
    assert stopped_by_statement_timeout(stopped.value)
    assert not stopped_by_statement_timeout(other.value)
    # redshift_connector puts the server's error fields in args[0]
    redshift = Exception({"S": "ERROR", "C": "57014", "M": "Query cancelled on user's request"})
    assert stopped_by_statement_timeout(redshift)


def free_port() -> int:
    """A port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def listening(port: int) -> bool:
    """Whether a server accepts connections on 127.0.0.1:port."""
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


async def http_call(url: str) -> CallToolResult:
    """One session over streamable HTTP: initialize, call run_sql."""
    async with (
        httpx.AsyncClient(trust_env=False, timeout=httpx.Timeout(30, read=60)) as client,
        streamable_http_client(url, http_client=client) as (read, write, _),
        ClientSession(read, write) as session,
    ):
        await session.initialize()
        return await session.call_tool("run_sql", {"sql": "select count(*) as n from fct_sales"})


def test_http_serves_the_same_tools_on_127_0_0_1(e2e: E2ERun) -> None:
    port = free_port()
    with subprocess.Popen(
        [ECOM, "mcp", "--http", "--port", str(port)],
        cwd=REPO,
        env=e2e.env,
        stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    ) as server:
        try:
            assert server.stderr is not None
            banner = server.stderr.readline()
            assert f"http://127.0.0.1:{port}/mcp" in banner
            deadline = time.monotonic() + 30
            while not listening(port):
                assert time.monotonic() < deadline and server.poll() is None
                time.sleep(0.2)
            result = asyncio.run(http_call(f"http://127.0.0.1:{port}/mcp"))
        finally:
            server.terminate()
    [(count,)] = e2e.query("select count(*) from analytics_marts.fct_sales")
    assert payload(result)["rows"] == [[count]]


TOKEN = "a-test-token-of-more-than-32-characters-0123456789"


@contextlib.contextmanager
def token_server(env: dict[str, str], port: int, *options: str) -> Iterator[None]:
    """`ecom mcp --http` on `port` with a bearer token (ECOM_MCP_TOKEN), once it listens."""
    with subprocess.Popen(
        [ECOM, "mcp", "--http", "--port", str(port), *options],
        cwd=REPO,
        env={**env, "ECOM_MCP_TOKEN": TOKEN},
        stdin=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    ) as server:
        try:
            deadline = time.monotonic() + 30
            while not listening(port):
                assert time.monotonic() < deadline and server.poll() is None
                time.sleep(0.2)
            yield
        finally:
            server.terminate()


@pytest.fixture(scope="module")
def shared_http(e2e: E2ERun) -> Iterator[str]:
    """`ecom mcp --http` as a team shares it: with a bearer token (ECOM_MCP_TOKEN)."""
    port = free_port()
    with token_server(e2e.env, port):
        yield f"http://127.0.0.1:{port}/mcp"


def test_eight_clients_at_once_get_every_answer(shared_http: str) -> None:
    """8 MCP clients x 5 calls at the same time (run_sql, query_metrics, describe_mart): no
    error and no "busy" answer (each request used to set and lock the settings of the one
    DuckDB instance the process shares, and the next concurrent request failed)."""
    outcome = asyncio.run(http_clients("8 x 5", shared_http, 8, 5, TOKEN))
    assert len(outcome.calls) == 40
    assert (outcome.errors, outcome.retries) == (0, 0), outcome.first_errors()


SLOW_OVER_THE_MARTS = (
    "select sum(hash(a.line_number + b.line_number + c.line_number)) as n "
    "from fct_sales a cross join fct_sales b cross join fct_sales c"
)


def test_past_its_bound_the_server_answers_busy_retry_at_once(e2e: E2ERun) -> None:
    """One query may run and one wait (--concurrency 1 --queue 1): of three slow calls at
    once, the third is answered "busy, retry" at once, not queued without end."""
    port = free_port()
    options = ("--concurrency", "1", "--queue", "1", "--timeout", "3")
    url = f"http://127.0.0.1:{port}/mcp"
    with token_server(e2e.env, port, *options):

        async def three_at_once() -> list[tuple[float, str]]:
            async def one(delay: float) -> tuple[float, str]:
                await asyncio.sleep(delay)  # in this order: running, waiting, refused
                async with (
                    httpx.AsyncClient(
                        trust_env=False,
                        headers={"Authorization": f"Bearer {TOKEN}"},
                        timeout=httpx.Timeout(30, read=60),
                    ) as client,
                    streamable_http_client(url, http_client=client) as (read, write, _),
                    ClientSession(read, write) as session,
                ):
                    await session.initialize()
                    started = time.monotonic()
                    result = await session.call_tool("run_sql", {"sql": SLOW_OVER_THE_MARTS})
                    return time.monotonic() - started, text_of(result)

            return list(await asyncio.gather(one(0), one(0.8), one(1.6)))

        answers = asyncio.run(three_at_once())
    (_, first), (_, second), (third_took, third) = answers
    assert "longer than the 3s timeout" in first and "longer than the 3s timeout" in second
    assert "the server is busy: 1 queries are running and 1 are waiting" in third
    assert "retry in a few seconds" in third and third_took < 1.5


@pytest.mark.parametrize(
    "authorization", [None, "Bearer wrong-token", f"Basic {TOKEN}", f"Bearer {TOKEN}x"]
)
def test_without_the_token_a_request_gets_401_and_no_session(
    shared_http: str, authorization: str | None
) -> None:
    initialize = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "initialize",
        "params": {
            "protocolVersion": "2025-06-18",
            "capabilities": {},
            "clientInfo": {"name": "test", "version": "1"},
        },
    }
    headers = {"Accept": "application/json, text/event-stream"}
    if authorization:
        headers["Authorization"] = authorization
    answer = httpx.post(shared_http, json=initialize, headers=headers, trust_env=False)
    assert answer.status_code == 401
    assert answer.headers["www-authenticate"].startswith("Bearer")
    assert "mcp-session-id" not in answer.headers
    with_token = httpx.post(
        shared_http,
        json=initialize,
        headers={**headers, "Authorization": f"bearer {TOKEN}"},  # the scheme's case is free
        trust_env=False,
    )
    assert with_token.status_code == 200 and with_token.headers["mcp-session-id"]


@pytest.mark.parametrize(
    ("host", "token", "said"),
    [
        ("0.0.0.0", None, "would serve other machines without a token: set ECOM_MCP_TOKEN"),
        ("192.0.2.10", None, "would serve other machines without a token"),
        ("127.0.0.2", None, "would serve other machines without a token"),
        ("0.0.0.0", "short", "ECOM_MCP_TOKEN is 5 characters; use at least 32"),
    ],
    ids=["any-address", "an-address", "other-loopback", "short-token"],
)
def test_off_loopback_the_server_refuses_to_start_without_a_token(
    e2e: E2ERun, host: str, token: str | None, said: str
) -> None:
    env = {k: v for k, v in e2e.env.items() if k != "ECOM_MCP_TOKEN"}
    if token is not None:
        env["ECOM_MCP_TOKEN"] = token
    port = free_port()
    done = subprocess.run(
        [ECOM, "mcp", "--http", "--host", host, "--port", str(port)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == ExitCode.USAGE, done.stderr
    assert said in done.stderr
    assert not listening(port)


def test_a_manifest_dbt_is_writing_leaves_the_last_whole_one_standing(
    e2e: E2ERun, tmp_path: Path
) -> None:
    """dbt writes manifest.json in place: a call during a build can meet half of it."""
    whole = (Path(e2e.env["DBT_TARGET_PATH"]) / "manifest.json").read_text()
    manifest_file = tmp_path / "manifest.json"
    manifest_file.write_text(whole[: len(whole) // 2])
    with pytest.raises(ArtifactMissingError, match=r"being written .*retry in a few seconds"):
        Catalog(tmp_path).marts()
    manifest_file.write_text(whole)
    catalog = Catalog(tmp_path)
    names = [mart.name for mart in catalog.marts()]
    manifest_file.write_text(whole[:1000])
    assert [mart.name for mart in catalog.marts()] == names and "fct_orders" in names


def test_ecom_help_lists_the_mcp_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert "serve the marts and metrics to AI agents over MCP" in build_parser().format_help()
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args(["mcp", "--help"])
    assert exited.value.code == 0
    shown = capsys.readouterr().out
    for flag in (
        "--http",
        "--host",
        "--port",
        "--row-limit",
        "--timeout",
        "--target",
        "--concurrency",
        "--queue",
        "ECOM_MCP_TOKEN",
        "exit codes:",
    ):
        assert flag in shown


def test_an_unknown_target_is_a_usage_error_before_serving(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(REPO)
    args = build_parser().parse_args(["mcp", "--target", "nosuch"])
    with pytest.raises(ConfigurationError, match="dbt target 'nosuch' is not a target") as raised:
        _dispatch(args)
    assert exit_code_for(raised.value) == ExitCode.USAGE
