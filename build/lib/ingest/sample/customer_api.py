"""A small local stand-in for the shop's customer REST API, served on 127.0.0.1.

GET /customers?page=N&page_size=M[&updated_since=ISO]  ->
    {"data": [...], "page": N, "page_size": M, "total": T, "next_page": N+1 | null}
GET /health -> {"status": "ok"}
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

MAX_PAGE_SIZE = 1000


class _Handler(BaseHTTPRequestHandler):
    server: CustomerApiServer

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test and run output quiet."""

    def _send(self, status: int, body: object) -> None:
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def do_GET(self) -> None:
        url = urlparse(self.path)
        if url.path == "/health":
            self._send(200, {"status": "ok"})
            return
        if url.path != "/customers":
            self._send(404, {"error": f"no such endpoint {url.path}"})
            return
        query = parse_qs(url.query)
        try:
            page = int(query.get("page", ["1"])[0])
            page_size = int(query.get("page_size", ["100"])[0])
        except ValueError:
            self._send(400, {"error": "page and page_size must be integers"})
            return
        if page < 1 or not 1 <= page_size <= MAX_PAGE_SIZE:
            self._send(400, {"error": f"page >= 1 and 1 <= page_size <= {MAX_PAGE_SIZE}"})
            return
        records = self.server.records
        since = query.get("updated_since", [None])[0]
        if since:
            records = [r for r in records if str(r["updated_at"]) > since]
        start = (page - 1) * page_size
        chunk = records[start : start + page_size]
        has_more = start + page_size < len(records)
        self._send(
            200,
            {
                "data": chunk,
                "page": page,
                "page_size": page_size,
                "total": len(records),
                "next_page": page + 1 if has_more else None,
            },
        )


class CustomerApiServer(ThreadingHTTPServer):
    """An HTTP server holding the customer records it serves, ordered by updated_at."""

    daemon_threads = True

    def __init__(self, records: list[dict[str, object]], port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.records = sorted(records, key=lambda r: (str(r["updated_at"]), str(r["customer_id"])))

    @property
    def url(self) -> str:
        """Base URL of the running server."""
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"


@contextmanager
def serve_customers(customers_file: Path, port: int = 0) -> Iterator[CustomerApiServer]:
    """Serve a generated customers.json on 127.0.0.1 in a background thread."""
    server = CustomerApiServer(json.loads(customers_file.read_text()), port)
    thread = threading.Thread(target=server.serve_forever, name="customer-api", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
