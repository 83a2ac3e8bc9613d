"""Real MCP clients for the load test: the MCP SDK's streamable HTTP and stdio clients, each
timing its tool calls; what one scenario measured (calls, errors, latency, throughput)."""

from __future__ import annotations

import asyncio
import contextlib
import statistics
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamable_http_client
from mcp.types import CallToolResult, TextContent

# What an analyst's agent asks, in turn: counts and aggregates over the marts, a metric query,
# the catalogue. Every call answers from the sample warehouse in well under the timeout.
CALLS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("run_sql", {"sql": "select count(*) as orders, sum(net_sales) as net from fct_orders"}),
    (
        "run_sql",
        {
            "sql": "select order_date, count(*) as orders, sum(net_sales) as net "
            "from fct_orders group by order_date order by order_date desc",
            "limit": 100,
        },
    ),
    (
        "run_sql",
        {
            "sql": "select product_id, sum(quantity) as units from fct_sales "
            "group by product_id order by units desc limit 10"
        },
    ),
    ("query_metrics", {"metrics": ["net_revenue", "orders"], "group_by": ["metric_time__month"]}),
    ("describe_mart", {"name": "fct_orders"}),
    ("run_sql", {"sql": "select is_guest, count(*) as orders from fct_orders group by is_guest"}),
)
# the words of a "not now, retry" answer: the server is at its bound, or a build holds the file
RETRY_WORDS = ("retry",)


@dataclass(frozen=True)
class Call:
    """One tool call as a client saw it."""

    seconds: float
    ok: bool
    retry: bool  # refused with "retry": busy or rebuilding, not a failure of the server
    message: str = ""


@dataclass
class Outcome:
    """What one scenario measured."""

    name: str
    clients: int
    calls: list[Call] = field(default_factory=list)
    wall_seconds: float = 0.0
    note: str = ""
    server_cpu_seconds: float | None = None  # the server process's CPU time in the scenario

    @property
    def errors(self) -> int:
        """Calls that failed, other than a retry answer."""
        return sum(1 for c in self.calls if not c.ok and not c.retry)

    @property
    def retries(self) -> int:
        """Calls answered "busy/rebuilding, retry"."""
        return sum(1 for c in self.calls if c.retry)

    def percentile(self, share: float) -> float:
        """The latency (seconds) under which `share` of the calls finished."""
        return percentile([c.seconds for c in self.calls], share)

    @property
    def throughput(self) -> float:
        """Calls answered per second of the scenario's wall time."""
        return len(self.calls) / self.wall_seconds if self.wall_seconds else 0.0

    def first_errors(self, most: int = 3) -> list[str]:
        """The distinct messages of the first failed calls."""
        seen: list[str] = []
        for call in self.calls:
            if not call.ok and not call.retry and call.message not in seen:
                seen.append(call.message)
        return seen[:most]

    def as_dict(self) -> dict[str, Any]:
        """The figures of the report."""
        return {
            "scenario": self.name,
            "clients": self.clients,
            "calls": len(self.calls),
            "errors": self.errors,
            "retry_answers": self.retries,
            "p50_ms": round(self.percentile(0.5) * 1000, 1),
            "p95_ms": round(self.percentile(0.95) * 1000, 1),
            "max_ms": round(max((c.seconds for c in self.calls), default=0.0) * 1000, 1),
            "calls_per_second": round(self.throughput, 1),
            "wall_seconds": round(self.wall_seconds, 2),
            "server_cpu_ms_per_call": (
                round(self.server_cpu_seconds * 1000 / len(self.calls), 1)
                if self.server_cpu_seconds is not None and self.calls
                else None
            ),
            "first_errors": self.first_errors(),
            "note": self.note,
        }


def percentile(values: Sequence[float], share: float) -> float:
    """The `share` quantile of values (nearest rank); 0 for none."""
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[min(98, max(0, round(share * 100) - 1))]


def text_of(result: CallToolResult) -> str:
    """The text of a tool result."""
    return "\n".join(c.text for c in result.content if isinstance(c, TextContent))


async def timed_call(session: ClientSession, tool: str, arguments: dict[str, Any]) -> Call:
    """One tool call, timed; a protocol or transport failure is a failed call."""
    started = time.perf_counter()
    try:
        result = await session.call_tool(tool, arguments)
    except Exception as error:  # the transport or the protocol failed: an error
        return Call(time.perf_counter() - started, False, False, f"{type(error).__name__}: {error}")
    seconds = time.perf_counter() - started
    if not result.isError:
        return Call(seconds, True, False)
    text = text_of(result)
    return Call(seconds, False, any(w in text for w in RETRY_WORDS), text.splitlines()[0][:300])


def http_client(token: str | None) -> httpx.AsyncClient:
    """The HTTP client of one MCP session (the bearer token when the server wants one)."""
    headers = {"Authorization": f"Bearer {token}"} if token else None
    return httpx.AsyncClient(trust_env=False, headers=headers, timeout=httpx.Timeout(30, read=120))


class StartLine:
    """Holds connected clients until every one has connected, then lets them go together."""

    def __init__(self, clients: int) -> None:
        self.waiting = clients
        self.everyone = asyncio.Event()
        self.go = asyncio.Event()

    async def ready(self) -> None:
        """A client has connected: wait for the start."""
        self.waiting -= 1
        if self.waiting == 0:
            self.everyone.set()
        await self.go.wait()


async def http_client_calls(
    url: str,
    calls: int | None,
    offset: int,
    token: str | None,
    line: StartLine,
    stop: threading.Event | None = None,
) -> list[Call]:
    """One client: its own session over streamable HTTP, then `calls` tool calls in turn (or
    calls until `stop` is set)."""
    async with (
        http_client(token) as client,
        streamable_http_client(url, http_client=client) as (read, write, _),
        ClientSession(read, write) as session,
    ):
        await session.initialize()
        await line.ready()
        done = []
        index = 0
        while (calls is None or index < calls) and not (stop is not None and stop.is_set()):
            tool, arguments = CALLS[(offset + index) % len(CALLS)]
            done.append(await timed_call(session, tool, arguments))
            index += 1
        return done


async def http_clients(
    name: str,
    url: str,
    clients: int,
    calls: int | None,
    token: str | None = None,
    stop: threading.Event | None = None,
) -> Outcome:
    """`clients` MCP clients at once, each making `calls` calls in turn (None: until `stop`);
    timed from when all have connected (a session's setup is not a tool call)."""
    line = StartLine(clients)
    tasks = [
        asyncio.create_task(http_client_calls(url, calls, index, token, line, stop))
        for index in range(clients)
    ]
    # a client that cannot connect ends its task: then start without waiting for it
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(line.everyone.wait(), timeout=30 + clients)
    started = time.perf_counter()
    line.go.set()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    outcome = Outcome(name, clients, wall_seconds=time.perf_counter() - started)
    for result in results:
        if isinstance(result, BaseException):
            failed = Call(0.0, False, False, f"session failed: {type(result).__name__}: {result}")
            outcome.calls.extend([failed] * (calls or 1))
        else:
            outcome.calls.extend(result)
    return outcome


async def stdio_parallel(
    name: str, params: StdioServerParameters, parallel: int, rounds: int
) -> Outcome:
    """One stdio client (the server its subprocess) making `parallel` tool calls at once,
    `rounds` times: what an agent issuing parallel tool calls does."""
    outcome = Outcome(name, 1)
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        started = time.perf_counter()
        for round_no in range(rounds):
            batch = [CALLS[(round_no + i) % len(CALLS)] for i in range(parallel)]
            outcome.calls.extend(
                await asyncio.gather(*(timed_call(session, t, a) for t, a in batch))
            )
        outcome.wall_seconds = time.perf_counter() - started
    return outcome
