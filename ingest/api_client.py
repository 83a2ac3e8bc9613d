"""HTTP client for the shop's customer API: pages, an incremental cursor, retries, timeouts.

Every request has a (connect, read) timeout. A request that fails in a way that may pass —
a connection refused or reset, a timeout, HTTP 5xx, HTTP 429, or a page whose JSON does not
parse (a cut-off transfer) — is retried by the project's one retry policy (ingest.retry):
exponential backoff with full jitter, at least as long as a Retry-After asks, and no wait at
all when a Retry-After is over the cap (the pull fails at once). Other answers (400, 401, 403,
404, ...) are not retried. After the last attempt the pull stops with an ApiError naming the
request: the caller lands nothing, because records are only returned once every page has
been read.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import requests
from requests.exceptions import InvalidSchema, InvalidURL, MissingSchema

from ingest.errors import ApiError, ConfigurationError
from ingest.retry import (
    Backoff,
    RetriesExhaustedError,
    RetryWaitTooLongError,
    TransientError,
    with_retries,
)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


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
    timeout_seconds: float = 10.0  # for connecting, and for each read of the answer
    retry: Backoff = field(default_factory=RetryPolicy)
    max_pages: int = 100_000  # stops a server whose next_page never ends


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
        what = f"GET {self.url} page {params['page']}"
        try:
            return with_retries(
                what,
                lambda: self._attempt(params),
                self.config.retry,
                sleep=self.sleep,
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

    def _attempt(self, params: dict[str, str | int]) -> dict[str, Any]:
        timeout = self.config.timeout_seconds
        try:
            response = self.http.get(self.url, params=params, timeout=(timeout, timeout))
        except requests.Timeout as exc:
            raise TransientError(f"no answer within {timeout}s ({type(exc).__name__})") from exc
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
                wait = _retry_after_seconds(response.headers.get("Retry-After"))
                raise TransientError(f"HTTP {response.status_code} {response.reason}", wait)
            if response.status_code >= 400:
                raise ApiError(
                    f"GET {response.url} answered HTTP {response.status_code} "
                    f"{response.reason}: {response.text[:200]!r}. Nothing from this pull was "
                    "landed; check --api-url and the API's credentials."
                )
            try:
                body = response.json()
            except (ValueError, requests.RequestException) as exc:
                raise TransientError(f"the page is not valid JSON ({exc})") from exc
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
