"""HTTP client for the shop's customer API: pages, an incremental cursor, retries, timeouts.

Every request has a (connect, read) timeout. A request that fails in a way that may pass —
a connection refused or reset, a timeout, HTTP 5xx, HTTP 429, or a page whose JSON does not
parse (a cut-off transfer) — is retried with exponential backoff and full jitter; a 429's
Retry-After is honoured. Other answers (400, 401, 403, 404, ...) are not retried. After the
last attempt the pull stops with an ApiError naming the request: the caller lands nothing,
because records are only returned once every page has been read.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import requests

from ingest.errors import ApiError

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to wait before giving up on one request."""

    max_attempts: int = 5
    backoff_base_seconds: float = 0.5
    backoff_max_seconds: float = 30.0
    max_retry_after_seconds: float = 300.0  # a longer Retry-After fails the pull instead

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError(f"max_attempts must be at least 1, not {self.max_attempts}")

    def backoff(self, attempt: int, rng: random.Random) -> float:
        """Seconds to wait after failed attempt `attempt` (1-based): full jitter."""
        ceiling = min(self.backoff_max_seconds, self.backoff_base_seconds * 2 ** (attempt - 1))
        return rng.uniform(0, ceiling)


@dataclass(frozen=True)
class ApiClientConfig:
    """How to talk to the API."""

    base_url: str
    page_size: int = 500
    timeout_seconds: float = 10.0  # for connecting, and for each read of the answer
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    max_pages: int = 100_000  # stops a server whose next_page never ends


class _RetryableError(Exception):
    """One attempt failed in a way that may pass; wait (at least `wait`) and try again."""

    def __init__(self, message: str, wait: float | None = None) -> None:
        super().__init__(message)
        self.wait = wait


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


class CustomerApiClient:
    """Reads every customer changed since a cursor, page by page."""

    def __init__(
        self,
        config: ApiClientConfig,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        on_page: Callable[[int, int], None] | None = None,
    ) -> None:
        self.config = config
        self.http = session or requests.Session()
        self.sleep = sleep
        self.rng = rng or random.Random()
        self.on_page = on_page  # called with (page number, records read so far)

    @property
    def url(self) -> str:
        """The customers endpoint."""
        return f"{self.config.base_url.rstrip('/')}/customers"

    def fetch(self, updated_since: str | None = None) -> list[dict[str, Any]]:
        """Every customer record (changed after `updated_since`, when given), all pages."""
        records: list[dict[str, Any]] = []
        page: int | None = 1
        while page is not None:
            if page > self.config.max_pages:
                raise ApiError(
                    f"GET {self.url}: more than {self.config.max_pages} pages; the API's "
                    "next_page never ends. Nothing from this pull was landed."
                )
            params: dict[str, str | int] = {"page": page, "page_size": self.config.page_size}
            if updated_since:
                params["updated_since"] = updated_since
            body = self._get_page(params)
            records.extend(body["data"])
            if self.on_page is not None:
                self.on_page(page, len(records))
            next_page = body.get("next_page")
            if next_page is not None and (not isinstance(next_page, int) or next_page <= page):
                raise ApiError(
                    f"GET {self.url} page {page}: next_page {next_page!r} does not move forward. "
                    "Nothing from this pull was landed; report this to the API's owners."
                )
            page = next_page
        return records

    def _get_page(self, params: dict[str, str | int]) -> dict[str, Any]:
        """One page, retried as the policy says; its body once it has a 'data' list."""
        policy = self.config.retry
        page = params["page"]
        for attempt in range(1, policy.max_attempts + 1):
            try:
                return self._attempt(params)
            except _RetryableError as failure:
                if attempt == policy.max_attempts:
                    raise ApiError(
                        f"GET {self.url} page {page} failed {attempt} times, last: {failure}. "
                        "Nothing from this pull was landed; check the API is up and run the "
                        "ingest again."
                    ) from failure
                wait = max(failure.wait or 0.0, policy.backoff(attempt, self.rng))
                if wait > policy.max_retry_after_seconds:
                    raise ApiError(
                        f"GET {self.url} page {page}: the API asked to wait {wait:.0f}s, more than "
                        f"{policy.max_retry_after_seconds:.0f}s. Nothing from this pull was "
                        "landed; run the ingest again later."
                    ) from failure
                log.warning(
                    "GET %s page %s: %s; retry %d of %d in %.2fs",
                    self.url,
                    page,
                    failure,
                    attempt,
                    policy.max_attempts - 1,
                    wait,
                )
                self.sleep(wait)
        raise AssertionError("unreachable: the loop returns or raises")  # pragma: no cover

    def _attempt(self, params: dict[str, str | int]) -> dict[str, Any]:
        timeout = self.config.timeout_seconds
        try:
            response = self.http.get(self.url, params=params, timeout=(timeout, timeout))
        except requests.Timeout as exc:
            raise _RetryableError(f"no answer within {timeout}s ({type(exc).__name__})") from exc
        except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError) as exc:
            raise _RetryableError(f"connection failed: {exc}") from exc
        except requests.RequestException as exc:
            raise ApiError(
                f"GET {self.url}: {exc}. Nothing from this pull was landed; check --api-url."
            ) from exc
        with response:
            if response.status_code in RETRY_STATUSES:
                wait = _retry_after_seconds(response.headers.get("Retry-After"))
                raise _RetryableError(f"HTTP {response.status_code} {response.reason}", wait)
            if response.status_code >= 400:
                raise ApiError(
                    f"GET {response.url} answered HTTP {response.status_code} "
                    f"{response.reason}: {response.text[:200]!r}. Nothing from this pull was "
                    "landed; check --api-url and the API's credentials."
                )
            try:
                body = response.json()
            except (ValueError, requests.RequestException) as exc:
                raise _RetryableError(f"the page is not valid JSON ({exc})") from exc
        if not isinstance(body, dict) or not isinstance(body.get("data"), list):
            raise ApiError(
                f"GET {self.url} page {params['page']}: the answer has no 'data' list "
                f"(got {body!r:.200}). Nothing from this pull was landed."
            )
        return body


def fetch_customers(
    config: ApiClientConfig,
    session: requests.Session | None = None,
    updated_since: str | None = None,
) -> list[dict[str, Any]]:
    """Every customer record, all pages; raises ApiError rather than return a partial pull."""
    return CustomerApiClient(config, session).fetch(updated_since)
