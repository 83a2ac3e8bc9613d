"""HTTP client for the shop's customer API: pages, an incremental cursor, retries, deadlines.

Every request has a total deadline (`timeout_seconds`, --timeout): connecting, the headers and
every read of the body together. The body is streamed and read a piece at a time, each read
waiting at most the time left, so a server that drips its answer a byte at a time runs out of
time like one that hangs. (The status line and headers are bounded per read: each waits at most
the time left when the request started.) A whole pull has a deadline too (`pull_timeout_seconds`,
--pull-timeout: every page, retry and backoff wait), and a page may be at most `max_page_bytes`.

A request that fails in a way that may pass — a connection refused or reset, running out of its
deadline, HTTP 5xx, HTTP 429, or a page whose JSON does not parse (a cut-off transfer) — is
retried by the project's one retry policy (ingest.retry): exponential backoff with full jitter,
at least as long as a Retry-After asks, and no wait at all when a Retry-After is over the cap
(the pull fails at once). Other answers (400, 401, 403, 404, ...), a page over the size limit,
a `next_page` that does not move forward, a page whose records repeat an earlier page's, more
pages than `max_pages` and a pull past its deadline are not retried. Every failure stops the
pull with an ApiError naming the request: the caller lands nothing, because records are only
returned once every page has been read.

Numbers the JSON spells NaN or Infinity are read as Python floats and passed on as they are;
the door (ingest.sources.checks) decides what to do with such rows when the pull is landed.
"""

from __future__ import annotations

import hashlib
import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import requests
import urllib3.exceptions
from requests.exceptions import InvalidSchema, InvalidURL, MissingSchema

from ingest.errors import ApiError, ConfigurationError, EcomError
from ingest.retry import (
    Backoff,
    RetriesExhaustedError,
    RetryWaitTooLongError,
    TransientError,
    with_retries,
)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_EXPECTED_RECORDS = 10_000_000  # the default page cap fits this many customers
DEFAULT_PULL_TIMEOUT_SECONDS = 15 * 60.0
DEFAULT_MAX_PAGE_BYTES = 50 * 1024 * 1024
READ_CHUNK_BYTES = 64 * 1024
ERROR_BODY_BYTES = 1024  # how much of a 4xx answer to quote


@dataclass(frozen=True)
class RetryPolicy(Backoff):
    """The retry policy (ingest.retry.Backoff) with the customer API's defaults."""

    max_attempts: int = 5
    base_seconds: float = 0.5
    max_seconds: float = 30.0
    jitter: bool = True
    max_asked_wait_seconds: float | None = 300.0  # a longer Retry-After fails the pull instead


@dataclass(frozen=True)
class ApiClientConfig:
    """How to talk to the API."""

    base_url: str
    page_size: int = 500
    timeout_seconds: float = 10.0  # each request in total: connecting and reading the answer
    retry: Backoff = field(default_factory=RetryPolicy)
    max_pages: int | None = None  # None: enough pages for MAX_EXPECTED_RECORDS at page_size
    pull_timeout_seconds: float = DEFAULT_PULL_TIMEOUT_SECONDS  # the whole pull, every page
    max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES  # a larger page fails the pull

    @property
    def page_cap(self) -> int:
        """The most pages one pull reads before it stops as a runaway."""
        if self.max_pages is not None:
            return self.max_pages
        return default_max_pages(self.page_size)


def default_max_pages(page_size: int) -> int:
    """Pages enough for MAX_EXPECTED_RECORDS customers at this page size."""
    return -(-MAX_EXPECTED_RECORDS // max(1, page_size))


def _retry_after_seconds(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _page_digest(records: list[Any]) -> str:
    """A fingerprint of a page's records (NaN and Infinity included), to spot repeats."""
    text = json.dumps(records, sort_keys=True, ensure_ascii=False, default=repr)
    return hashlib.sha256(text.encode()).hexdigest()


def _size(size: int) -> str:
    """50 MiB, or 2,000 bytes."""
    return f"{size // 2**20} MiB" if size and size % 2**20 == 0 else f"{size:,} bytes"


class _OutOfTimeError(EcomError):
    """The request's deadline passed before its answer was complete (caught in this module)."""


class CustomerApiClient:
    """Reads every customer changed since a cursor, page by page."""

    def __init__(
        self,
        config: ApiClientConfig,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        on_page: Callable[[int, int], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.config = config
        self.http = session or requests.Session()
        self.sleep = sleep
        self.rng = rng or random.Random()
        self.on_page = on_page  # called with (page number, records read so far)
        self.clock = clock  # monotonic seconds, for the deadlines

    @property
    def url(self) -> str:
        """The customers endpoint."""
        return f"{self.config.base_url.rstrip('/')}/customers"

    def fetch(self, updated_since: str | None = None) -> list[dict[str, Any]]:
        """Every customer record (changed after `updated_since`, when given), all pages."""
        pull_deadline = self.clock() + self.config.pull_timeout_seconds
        records: list[dict[str, Any]] = []
        seen: dict[str, int] = {}  # page fingerprint -> the first page that had it
        page: int | None = 1
        while page is not None:
            if page > self.config.page_cap:
                raise ApiError(
                    f"GET {self.url}: more than {self.config.page_cap} pages (the cap: "
                    f"{MAX_EXPECTED_RECORDS:,} customers at {self.config.page_size} a page "
                    "unless --max-pages says otherwise); the API's next_page never ends. "
                    "Nothing from this pull was landed; if the API really has more pages, "
                    "raise the cap with --max-pages."
                )
            params: dict[str, str | int] = {"page": page, "page_size": self.config.page_size}
            if updated_since:
                params["updated_since"] = updated_since
            body = self._get_page(params, pull_deadline)
            data: list[Any] = body["data"]
            digest = _page_digest(data)
            if digest in seen:
                raise ApiError(
                    f"GET {self.url} page {page} repeats page {seen[digest]} "
                    f"({len(data)} identical records): the API is not paging forward. Nothing "
                    "from this pull was landed; report this to the API's owners."
                )
            seen[digest] = page
            records.extend(data)
            if self.on_page is not None:
                self.on_page(page, len(records))
            next_page = body.get("next_page")
            if next_page is not None and (
                isinstance(next_page, bool) or not isinstance(next_page, int) or next_page <= page
            ):
                raise ApiError(
                    f"GET {self.url} page {page}: next_page {next_page!r} does not move forward. "
                    "Nothing from this pull was landed; report this to the API's owners."
                )
            page = next_page
        return records

    def _pull_expired(self, page: str | int) -> ApiError:
        seconds = self.config.pull_timeout_seconds
        return ApiError(
            f"GET {self.url} page {page}: the pull did not finish within its deadline of "
            f"{seconds:g}s (--pull-timeout). Nothing from this pull was landed; run the ingest "
            "again later, or raise --pull-timeout if the API is only slow."
        )

    def _get_page(self, params: dict[str, str | int], pull_deadline: float) -> dict[str, Any]:
        """One page, retried as the policy says; its body once it has a 'data' list."""
        what = f"GET {self.url} page {params['page']}"

        def sleep(seconds: float) -> None:  # a backoff never waits past the pull's deadline
            self.sleep(max(0.0, min(seconds, pull_deadline - self.clock())))

        try:
            return with_retries(
                what,
                lambda: self._attempt(params, pull_deadline),
                self.config.retry,
                sleep=sleep,
                rng=self.rng,
            )
        except RetryWaitTooLongError as exc:
            raise ApiError(
                f"{exc}. Nothing from this pull was landed; run the ingest again later."
            ) from exc
        except RetriesExhaustedError as exc:
            raise ApiError(
                f"{exc}. Nothing from this pull was landed; check the API is up and run the "
                "ingest again."
            ) from exc

    def _attempt(self, params: dict[str, str | int], pull_deadline: float) -> dict[str, Any]:
        """One request within its deadline (and the pull's); the page's JSON body."""
        start = self.clock()
        if start >= pull_deadline:
            raise self._pull_expired(params["page"])
        timeout = self.config.timeout_seconds
        budget = min(timeout, pull_deadline - start)
        try:
            body = self._request(params, start + budget)
        except _OutOfTimeError as exc:
            if budget < timeout:  # the pull's deadline cut this request short
                raise self._pull_expired(params["page"]) from exc
            raise TransientError(f"no complete answer within {timeout:g}s (--timeout)") from exc
        if not isinstance(body, dict) or not isinstance(body.get("data"), list):
            raise ApiError(
                f"GET {self.url} page {params['page']}: the answer has no 'data' list "
                f"(got {body!r:.200}). Nothing from this pull was landed."
            )
        return body

    def _request(self, params: dict[str, str | int], deadline: float) -> Any:
        """GET the page and parse its JSON, all before `deadline` (else _OutOfTimeError)."""
        wait = max(0.001, deadline - self.clock())
        try:
            response = self.http.get(self.url, params=params, timeout=(wait, wait), stream=True)
        except requests.Timeout as exc:
            raise _OutOfTimeError(type(exc).__name__) from exc
        except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError) as exc:
            raise TransientError(f"connection failed: {exc}") from exc
        except (InvalidURL, InvalidSchema, MissingSchema) as exc:
            raise ConfigurationError(
                f"customer API URL {self.config.base_url!r}: {exc}; give an http(s):// URL "
                "(--api-url or ECOM_CUSTOMER_API_URL)"
            ) from exc
        except requests.RequestException as exc:
            raise ApiError(
                f"GET {self.url}: {exc}. Nothing from this pull was landed; check --api-url."
            ) from exc
        with response:
            if response.status_code in RETRY_STATUSES:
                asked = _retry_after_seconds(response.headers.get("Retry-After"))
                raise TransientError(f"HTTP {response.status_code} {response.reason}", asked)
            if response.status_code >= 400:
                text = self._read(response, deadline, ERROR_BODY_BYTES, truncate=True)
                raise ApiError(
                    f"GET {response.url} answered HTTP {response.status_code} "
                    f"{response.reason}: {text.decode(errors='replace')[:200]!r}. Nothing from "
                    "this pull was landed; check --api-url and the API's credentials."
                )
            payload = self._read(response, deadline, self.config.max_page_bytes)
        try:
            return json.loads(payload)
        except ValueError as exc:  # also bytes that are not UTF-8
            raise TransientError(f"the page is not valid JSON ({exc})") from exc

    def _read(
        self, response: requests.Response, deadline: float, limit: int, truncate: bool = False
    ) -> bytes:
        """The body, a piece at a time, each read waiting at most until `deadline`.

        More than `limit` bytes: an ApiError, or (`truncate`) the first `limit` bytes.
        """
        page = response.request.url or self.url
        declared = response.headers.get("Content-Length", "")
        if not truncate and declared.isdigit() and int(declared) > limit:
            raise self._too_large(page, int(declared))
        raw = response.raw
        sock = getattr(getattr(raw, "connection", None), "sock", None)
        chunks: list[bytes] = []
        size = 0
        while True:
            left = deadline - self.clock()
            if left <= 0:
                raise _OutOfTimeError("body")
            if sock is not None:
                sock.settimeout(left)  # this read waits no longer than the time left
            try:
                chunk = raw.read1(READ_CHUNK_BYTES)
            except (urllib3.exceptions.ReadTimeoutError, TimeoutError) as exc:
                raise _OutOfTimeError("body") from exc
            except (urllib3.exceptions.HTTPError, OSError) as exc:
                raise TransientError(f"connection failed while reading the page: {exc}") from exc
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                if truncate:
                    return b"".join(chunks)[:limit]
                raise self._too_large(page)

    def _too_large(self, page: str, declared: int | None = None) -> ApiError:
        size = f"{_size(declared)}, " if declared is not None else ""
        return ApiError(
            f"GET {page}: the answer is {size}over the {_size(self.config.max_page_bytes)} a "
            "page may be (max_page_bytes). Nothing from this pull was landed; ask for smaller "
            "pages with --page-size."
        )


def fetch_customers(
    config: ApiClientConfig,
    session: requests.Session | None = None,
    updated_since: str | None = None,
) -> list[dict[str, Any]]:
    """Every customer record, all pages; raises ApiError rather than return a partial pull."""
    return CustomerApiClient(config, session).fetch(updated_since)
