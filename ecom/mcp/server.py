"""The tools of `ecom mcp`: the marts and metrics, described and queried, read-only.

Five tools (the official MCP Python SDK's FastMCP), over stdio or streamable HTTP (on
127.0.0.1, or another address with a bearer token: serve_http):

- list_marts: the public models of the dbt manifest with their descriptions
- describe_mart: one mart's columns, types and descriptions
- list_metrics: the semantic layer's metrics and what they can be grouped by
- query_metrics: metrics by group-bys and a time range, compiled by MetricFlow
- run_sql: one SELECT over the marts (ecom/mcp/sql_guard.py), row-capped and timed

A tool that cannot or will not answer returns its reason as the result (isError), never a
protocol error. Every result passes through redact(): no value of a secret-looking
environment variable or of the profile's password can leave the server. Requests run side by
side, each on a cursor of its own from the process's read pool (ecom/read_pool.py); past its
bound a call is answered "busy, retry".
"""

from __future__ import annotations

import hmac
import json
import logging
import os
import re
from collections.abc import Awaitable, Callable, Mapping
from functools import partial
from typing import Annotated, Any

import anyio
from mcp.server.fastmcp import FastMCP
from mcp.types import CallToolResult, TextContent, ToolAnnotations
from pydantic import Field
from starlette.types import ASGIApp, Receive, Send
from starlette.types import Scope as HttpScope

from ecom import dbt_artifacts
from ecom.dbt_artifacts import ArtifactMissingError
from ecom.mcp.catalog import Catalog
from ecom.mcp.options import DEFAULT_PORT, HOST, ServerOptions
from ecom.mcp.reader import QueryFailedError, QueryTimeoutError, WarehouseBusyError, read
from ecom.mcp.semantic_tools import MetricQueryError, MetricRequest, Metrics, as_tuple
from ecom.mcp.sql_guard import DIALECTS, QueryRefusedError, Scope, guard
from ecom.read_pool import ReadLimits, read_pool
from ecom.semantic import SemanticLayerError, SemanticManifestMissingError
from ecom.settings import Settings
from ecom.warehouse import Warehouse, WarehouseMissingError, first_line

log = logging.getLogger(__name__)
# environment variables whose values are never shown (passwords, keys, tokens)
SECRET_NAME = re.compile(r"PASSWORD|SECRET|TOKEN|CREDENTIAL|PRIVATE|_KEY|APIKEY", re.IGNORECASE)
MIN_SECRET_LENGTH = 4
READ_ONLY = ToolAnnotations(
    readOnlyHint=True, destructiveHint=False, idempotentHint=True, openWorldHint=False
)
INSTRUCTIONS = """\
Read-only access to the ecom shop's analytics marts (dbt models) and metrics (MetricFlow).
Start with list_marts and list_metrics; describe_mart gives a mart's columns. Prefer
query_metrics for business metrics (net_revenue, gross_revenue, returns, orders,
average_order_value, return_rate, guest_share, unique_customers, ...): its numbers are the
dashboard's and `mf query`'s. Revenue is net (gross - discounts - returns) unless a name says
otherwise. In SQL, fct_sales has one row per order line (returns are negative quantities;
shipping and discounts are lines of their own, see line_type) and fct_orders one row per order
(transaction_id): count orders there, not lines. Guest checkouts are flagged is_guest.
run_sql runs one SELECT over the marts only; anything that writes, reads other schemas or
files, or runs too long is refused with the reason."""


def secrets_of(environ: Mapping[str, str], warehouse: Warehouse) -> tuple[str, ...]:
    """The values no result may contain: secret-looking variables and the profile's password."""
    values = {v for k, v in environ.items() if SECRET_NAME.search(k)}
    values |= {str(warehouse.setting(name) or "") for name in ("password", "token")}
    return tuple(sorted((v for v in values if len(v) >= MIN_SECRET_LENGTH), key=len, reverse=True))


def redact(text: str, secrets: tuple[str, ...]) -> str:
    """text with every secret value replaced by ***."""
    for secret in secrets:
        text = text.replace(secret, "***")
    return text


class Tools:
    """What the tools do, on one warehouse and its dbt artifacts."""

    def __init__(
        self,
        settings: Settings,
        warehouse: Warehouse,
        options: ServerOptions,
        limits: ReadLimits | None = None,
    ) -> None:
        self.warehouse = warehouse
        self.options = options
        read_pool(warehouse, limits)  # the process's pool, with the server's bound
        # where the dashboard reads them: DBT_TARGET_PATH, else target/<target>/ or target/
        artifacts = dbt_artifacts.artifacts_dir(warehouse.target, settings.project_dir)
        self.catalog = Catalog(artifacts)
        self.metrics = Metrics(artifacts / dbt_artifacts.SEMANTIC_MANIFEST, warehouse)
        self.secrets = secrets_of(os.environ, warehouse)

    def result(self, payload: dict[str, Any] | str, refused: bool = False) -> CallToolResult:
        """A tool result: JSON or a message, secrets redacted."""
        text = payload if isinstance(payload, str) else json.dumps(payload, default=str)
        return CallToolResult(
            content=[TextContent(type="text", text=redact(text, self.secrets))], isError=refused
        )

    def answer(self, action: Callable[[], dict[str, Any]]) -> CallToolResult:
        """Run a tool's action; a refusal or a failure is its message, not an exception."""
        try:
            return self.result(action())
        except (QueryRefusedError, QueryTimeoutError) as refused:
            return self.result(str(refused), refused=True)
        except WarehouseBusyError as busy:
            return self.result(f"Not answered: {busy}.", refused=True)
        except (ArtifactMissingError, SemanticManifestMissingError) as missing:
            return self.result(f"Not answered: {missing}.", refused=True)
        except (MetricQueryError, SemanticLayerError) as error:
            return self.result(f"The metric query cannot be answered: {error}", refused=True)
        except QueryFailedError as error:
            cause = error.__cause__
            if isinstance(cause, WarehouseMissingError):
                return self.result(
                    f"Not answered: {cause}; build the marts with `ecom run` first.", refused=True
                )
            return self.result(str(error), refused=True)
        except Exception as error:  # a bug: said to the client (redacted) and logged
            log.warning("ecom mcp: a tool failed", exc_info=True)
            return self.result(f"The tool failed: {first_line(error)}", refused=True)

    def _rows(self, sql: str, limit: int, scope: Scope) -> dict[str, Any]:
        """Guard, run and shape one query."""
        guarded = guard(sql, self.warehouse.kind, scope, limit)
        result = read(self.warehouse, guarded.sql, limit, self.options.timeout_seconds)
        shown = (
            f"the first {limit} rows (the result has more; aggregate or filter in SQL)"
            if result.truncated
            else f"{len(result.rows)} rows"
        )
        return {
            "columns": result.columns,
            "rows": result.rows,
            "row_count": len(result.rows),
            "truncated": result.truncated,
            "shown": shown,
            "seconds": result.seconds,
        }

    def _limit(self, limit: int | None) -> int:
        """A tool's row limit: at most the server's."""
        most = self.options.row_limit
        if limit is None:
            return most
        if not 1 <= limit <= most:
            raise QueryRefusedError(
                f"Refused: limit {limit} is outside 1..{most}, the server's row limit; ask for "
                "fewer rows, or aggregate in SQL"
            )
        return limit

    def list_marts(self) -> dict[str, Any]:
        """The marts, each with its relation and description."""
        marts = self.catalog.marts()
        return {
            "target": self.warehouse.target,
            "engine": DIALECTS.get(self.warehouse.kind, self.warehouse.kind),
            "marts": [mart.summary() for mart in marts],
        }

    def describe_mart(self, name: str) -> dict[str, Any]:
        """One mart's columns."""
        mart = self.catalog.mart(name)
        if mart is None:
            known = ", ".join(m.name for m in self.catalog.marts())
            raise QueryRefusedError(f"Refused: there is no mart {name!r}; the marts are {known}")
        return mart.detail()

    def list_metrics(self) -> dict[str, Any]:
        """The metrics of the semantic layer."""
        return {
            "metrics": self.metrics.list(),
            "time": "group by metric_time__day, metric_time__week or metric_time__month; "
            "start and end are ISO dates (YYYY-MM-DD)",
        }

    def query_metrics(self, request: MetricRequest, limit: int | None) -> dict[str, Any]:
        """Metrics by group-bys over a time range, through MetricFlow and the guard."""
        rows = self._limit(limit)
        sql = self.metrics.compile(request, rows)
        return {**self._rows(sql, rows, self.catalog.scope()), "sql": sql}

    def run_sql(self, sql: str, limit: int | None) -> dict[str, Any]:
        """One SELECT over the marts."""
        return self._rows(sql, self._limit(limit), self.catalog.scope())


def build_server(
    settings: Settings,
    warehouse: Warehouse,
    options: ServerOptions,
    port: int = DEFAULT_PORT,
    host: str = HOST,
    limits: ReadLimits | None = None,
) -> FastMCP:
    """The MCP server of the marts of `warehouse` (streamable HTTP: on host:port)."""
    tools = Tools(settings, warehouse, options, limits)
    server = FastMCP(
        "ecom",
        instructions=INSTRUCTIONS,
        host=host,  # on loopback, FastMCP also refuses other Host headers (DNS rebinding)
        port=port,
        log_level="WARNING",
    )

    # Threads for the tool calls: more than the read pool runs and queues (anyio's default is
    # 40), so a call past the pool's bound reaches it and is answered "busy" at once, rather
    # than waiting, unbounded, for a thread.
    pool = read_pool(warehouse)
    threads = anyio.CapacityLimiter(pool.limits.concurrency + pool.limits.queue + 16)

    async def off_loop(action: Callable[[], dict[str, Any]]) -> CallToolResult:
        """Answer in a worker thread, so that a slow query never blocks the session."""
        call: Callable[[], CallToolResult] = partial(tools.answer, action)
        answer: Awaitable[CallToolResult] = anyio.to_thread.run_sync(call, limiter=threads)
        return await answer

    @server.tool(annotations=READ_ONLY)
    async def list_marts() -> CallToolResult:
        """List the marts (public dbt models) with their schema-qualified names and what each
        holds. Query them with run_sql; describe_mart gives their columns."""
        return await off_loop(tools.list_marts)

    @server.tool(annotations=READ_ONLY)
    async def describe_mart(
        name: Annotated[str, Field(description="a mart's name, e.g. fct_orders")],
    ) -> CallToolResult:
        """A mart's columns: name, type and description."""
        return await off_loop(partial(tools.describe_mart, name))

    @server.tool(annotations=READ_ONLY)
    async def list_metrics() -> CallToolResult:
        """List the business metrics of the semantic layer (MetricFlow): name, description,
        type and the dimensions each can be grouped by. Query them with query_metrics."""
        return await off_loop(tools.list_metrics)

    @server.tool(annotations=READ_ONLY)
    async def query_metrics(
        metrics: Annotated[
            list[str], Field(description="metric names, e.g. ['net_revenue', 'orders']")
        ],
        group_by: Annotated[
            list[str] | None,
            Field(description="e.g. ['metric_time__week', 'product__category']"),
        ] = None,
        start: Annotated[str | None, Field(description="first day, YYYY-MM-DD")] = None,
        end: Annotated[str | None, Field(description="last day, YYYY-MM-DD")] = None,
        where: Annotated[
            str | None,
            Field(
                description="MetricFlow filter, e.g. \"{{ Dimension('product__category') }} "
                "= 'Books'\""
            ),
        ] = None,
        order_by: Annotated[
            list[str] | None, Field(description="e.g. ['-net_revenue'] (- for descending)")
        ] = None,
        limit: Annotated[int | None, Field(description="most rows to return")] = None,
    ) -> CallToolResult:
        """Query metrics by dimensions over a time range, as `mf query` does: MetricFlow
        compiles the SQL from the semantic layer; the result has the rows and that SQL."""
        request = MetricRequest(
            as_tuple(metrics), as_tuple(group_by), start, end, where, as_tuple(order_by)
        )
        return await off_loop(partial(tools.query_metrics, request, limit))

    @server.tool(annotations=READ_ONLY)
    async def run_sql(
        sql: Annotated[str, Field(description="one SELECT over the marts")],
        limit: Annotated[int | None, Field(description="most rows to return")] = None,
    ) -> CallToolResult:
        """Run one read-only SELECT over the marts (list_marts names them; a mart may be
        named without its schema). Anything else is refused: writes, DDL, several statements,
        other schemas or the system catalog, files and table functions, settings. Results are
        capped at the server's row limit and queries stopped at its timeout."""
        return await off_loop(partial(tools.run_sql, sql, limit))

    return server


UNAUTHORIZED = json.dumps(
    {"error": "unauthorized", "error_description": "send Authorization: Bearer <ECOM_MCP_TOKEN>"}
).encode()


class BearerToken:
    """ASGI middleware: an HTTP request without `Authorization: Bearer <token>` gets 401 and
    reaches nothing behind it (no session, no tool, no query)."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.expected = token.encode()

    async def __call__(self, scope: HttpScope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan" or (scope["type"] == "http" and self.authorized(scope)):
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":  # a websocket: the server speaks none, and no token
            await send({"type": "websocket.close", "code": 1008})
            return
        await send(
            {
                "type": "http.response.start",
                "status": 401,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(UNAUTHORIZED)).encode()),
                    (b"www-authenticate", b'Bearer realm="ecom mcp"'),
                ],
            }
        )
        await send({"type": "http.response.body", "body": UNAUTHORIZED})

    def authorized(self, scope: HttpScope) -> bool:
        """Whether the request carries the token (compared in constant time; the scheme's
        case does not matter, RFC 9110)."""
        given = next((v for k, v in scope.get("headers", []) if k.lower() == b"authorization"), b"")
        scheme, _, token = given.strip().partition(b" ")
        return scheme.lower() == b"bearer" and hmac.compare_digest(token.strip(), self.expected)


def serve_http(server: FastMCP, token: str | None) -> None:
    """Serve streamable HTTP on the server's host and port; with a token, only to requests
    that carry it."""
    import uvicorn

    app: ASGIApp = server.streamable_http_app()
    if token:
        app = BearerToken(app, token)
    uvicorn.run(
        app,
        host=server.settings.host,
        port=server.settings.port,
        log_level="warning",
        # the default of 2048 pending connections is more than the read pool will queue
        backlog=256,
    )
