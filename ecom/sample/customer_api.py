"""A small local stand-in for the shop's customer REST API, served on 127.0.0.1.

GET /customers?page=N&page_size=M[&updated_since=ISO]  ->
    {"data": [...], "page": N, "page_size": M, "total": T, "next_page": N+1 | null}
GET /health -> {"status": "ok"}

For tests and demos it can misbehave on purpose. A FaultPlan lists faults of two kinds:

- used once each, in order, on the next matching /customers request: an HTTP status such as 500
  or a 429 with Retry-After, a hang, a page of malformed JSON, a reset connection, or a page
  whose body drips out one byte every few seconds;
- changing every answer while the server runs: ``endless`` (next_page never ends: past the last
  page the last page's records come again), ``repeat`` (every page answers the first page's
  records: the server ignores ``page``), ``future`` (one more record, a copy of the first, whose
  ``updated_at`` is 9999-12-31T23:59:59Z).

Without a plan it always answers normally.
"""

from __future__ import annotations

import json
import socket
import struct
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

MAX_PAGE_SIZE = 1000
FUTURE_UPDATED_AT = "9999-12-31T23:59:59Z"  # the `future` fault's record
FUTURE_CUSTOMER: dict[str, object] = {  # the `future` fault's record when there are no others
    "customer_id": "C9999999",
    "name": "Future Customer",
    "email": "future@example.com",
    "city": "Oslo",
    "signup_date": "2026-01-01",
}
ONCE = ("status", "hang", "malformed", "reset", "drip")  # used once each
MODES = ("endless", "repeat", "future")  # change every answer
FAULT_EXAMPLES = (
    "500, 429:2, 503@3, hang, hang:5, malformed, malformed@2, reset, drip, drip:0.5@2, "
    "endless, repeat, future"
)


@dataclass(frozen=True)
class Fault:
    """One misbehaviour for one request."""

    kind: str  # once: status | hang | malformed | reset | drip; modes: endless | repeat | future
    status: int = 500  # for kind=status
    retry_after: str | None = None  # Retry-After header sent with kind=status
    seconds: float = 30.0  # how long a hang lasts (or until the server stops); drip: per byte
    page: int | None = None  # only a request for this page; None: the next request

    @classmethod
    def parse(cls, text: str) -> Fault:
        """Read one fault: '500', '503@2' (page 2), '429:3' (Retry-After 3), 'hang',
        'hang:5', 'malformed', 'malformed@2', 'reset', 'drip' (a byte every 2 s), 'drip:0.5',
        'endless', 'repeat', 'future'."""
        spec, _, page_text = text.strip().partition("@")
        name, _, arg = spec.partition(":")
        unknown = f"unknown fault {text!r}; use e.g. {FAULT_EXAMPLES}"
        try:
            page = int(page_text) if page_text else None
            if name.isdigit():
                return cls("status", status=int(name), retry_after=arg or None, page=page)
            if name in ("hang", "drip"):
                seconds = float(arg) if arg else (30.0 if name == "hang" else 2.0)
                return cls(name, seconds=seconds, page=page)
            if name in ("malformed", "reset") and not arg:
                return cls(name, page=page)
            if name in MODES and not arg and page is None:
                return cls(name)
        except ValueError as exc:  # a page, Retry-After or seconds that is not a number
            raise ValueError(unknown) from exc
        raise ValueError(unknown)


class FaultPlan:
    """Faults waiting to be injected, each used once, in the order given; and the modes
    (endless, repeat, future) that change every answer."""

    def __init__(self, faults: Iterable[Fault] = ()) -> None:
        faults = list(faults)
        self._pending = [f for f in faults if f.kind not in MODES]
        self.modes = frozenset(f.kind for f in faults if f.kind in MODES)
        self._lock = threading.Lock()

    @classmethod
    def parse(cls, text: str) -> FaultPlan:
        """A comma-separated list of faults, e.g. '500,429:1,hang:2,malformed@2,drip,future'."""
        return cls(Fault.parse(part) for part in text.split(",") if part.strip())

    def take(self, page: int) -> Fault | None:
        """The first pending fault for this page (removed from the plan), or None."""
        with self._lock:
            for index, fault in enumerate(self._pending):
                if fault.page is None or fault.page == page:
                    return self._pending.pop(index)
        return None

    @property
    def remaining(self) -> int:
        """How many of the faults used once have not been used yet."""
        with self._lock:
            return len(self._pending)


class _Handler(BaseHTTPRequestHandler):
    server: CustomerApiServer
    disable_nagle_algorithm = True  # headers and body go out at once, not 40 ms apart

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test and run output quiet."""

    def _send(self, status: int, body: object, headers: dict[str, str] | None = None) -> None:
        self._send_raw(status, json.dumps(body).encode(), headers)

    def _send_raw(self, status: int, payload: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)

    def _drip(self, payload: bytes, seconds: float) -> None:
        """Answer 200 with the whole payload's length, then send it one byte at a time."""
        self.close_connection = True
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            for index in range(len(payload)):
                self.wfile.write(payload[index : index + 1])
                self.wfile.flush()
                if self.server.stopping.wait(seconds):
                    return
        except OSError:  # the client gave up and closed the connection
            return

    def _inject(self, fault: Fault) -> None:
        if fault.kind == "status":
            headers = {"Retry-After": fault.retry_after} if fault.retry_after else None
            self._send(fault.status, {"error": f"injected fault {fault.status}"}, headers)
        elif fault.kind == "hang":
            self.server.stopping.wait(fault.seconds)
            self.close_connection = True
        elif fault.kind == "malformed":
            self._send_raw(200, b'{"data": [{"customer_id": "C0000')
        else:  # reset: close with RST instead of answering
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True

    def do_GET(self) -> None:
        url = urlparse(self.path)
        if url.path == "/health":
            self._send(200, {"status": "ok"})
            return
        if url.path != "/customers":
            self._send(404, {"error": f"no such endpoint {url.path}"})
            return
        query = parse_qs(url.query)
        self.server.log_request_query(query)
        try:
            page = int(query.get("page", ["1"])[0])
            page_size = int(query.get("page_size", ["100"])[0])
        except ValueError:
            self._send(400, {"error": "page and page_size must be integers"})
            return
        if page < 1 or not 1 <= page_size <= MAX_PAGE_SIZE:
            self._send(400, {"error": f"page >= 1 and 1 <= page_size <= {MAX_PAGE_SIZE}"})
            return
        fault = self.server.faults.take(page)
        if fault is not None and fault.kind != "drip":
            self._inject(fault)
            return
        answer = self.server.page(page, page_size, query.get("updated_since", [None])[0])
        if fault is not None:
            self._drip(json.dumps(answer).encode(), fault.seconds)
            return
        self._send(200, answer)


class CustomerApiServer(ThreadingHTTPServer):
    """An HTTP server holding the customer records it serves, ordered by updated_at."""

    daemon_threads = True

    def __init__(
        self,
        records: list[dict[str, object]],
        port: int = 0,
        faults: FaultPlan | None = None,
    ) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.faults = faults or FaultPlan()
        records = list(records)
        if "future" in self.faults.modes:
            first = records[0] if records else FUTURE_CUSTOMER
            records.append({**first, "updated_at": FUTURE_UPDATED_AT})
        self.records = sorted(records, key=lambda r: (str(r["updated_at"]), str(r["customer_id"])))
        self.stopping = threading.Event()  # ends injected hangs when the server stops
        self.queries: list[dict[str, list[str]]] = []  # every /customers query received
        self._queries_lock = threading.Lock()

    def page(self, page: int, page_size: int, since: str | None) -> dict[str, object]:
        """The answer for one page of the records changed after `since`, as the modes say."""
        records = self.records
        if since:
            records = [r for r in records if str(r["updated_at"]) > since]
        modes = self.faults.modes
        start = 0 if "repeat" in modes else (page - 1) * page_size
        if "endless" in modes and start >= len(records):  # past the end: the last page again
            start = max(0, (len(records) - 1) // page_size * page_size)
        has_more = (page - 1) * page_size + page_size < len(records) or "endless" in modes
        return {
            "data": records[start : start + page_size],
            "page": page,
            "page_size": page_size,
            "total": len(records),
            "next_page": page + 1 if has_more else None,
        }

    def log_request_query(self, query: dict[str, list[str]]) -> None:
        """Remember a /customers query (tests read them back)."""
        with self._queries_lock:
            self.queries.append(query)

    def shutdown(self) -> None:
        """Stop serving; injected hangs end at once."""
        self.stopping.set()
        super().shutdown()

    @property
    def url(self) -> str:
        """Base URL of the running server."""
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"


@contextmanager
def serve_records(
    records: list[dict[str, object]], port: int = 0, faults: FaultPlan | None = None
) -> Iterator[CustomerApiServer]:
    """Serve customer records on 127.0.0.1 in a background thread."""
    server = CustomerApiServer(records, port, faults)
    thread = threading.Thread(
        target=server.serve_forever,
        kwargs={"poll_interval": 0.05},
        name="customer-api",
        daemon=True,
    )
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextmanager
def serve_customers(
    customers_file: Path, port: int = 0, faults: FaultPlan | None = None
) -> Iterator[CustomerApiServer]:
    """Serve a generated customers.json on 127.0.0.1 in a background thread."""
    with serve_records(json.loads(customers_file.read_text()), port, faults) as server:
        yield server
