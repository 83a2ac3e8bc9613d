"""HTTP client for the shop's customer API: follows pagination until the last page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import requests

from ingest.errors import ApiError


@dataclass(frozen=True)
class ApiClientConfig:
    """How to talk to the API."""

    base_url: str
    page_size: int = 500
    timeout_seconds: float = 10.0


def fetch_customers(
    config: ApiClientConfig, session: requests.Session | None = None
) -> list[dict[str, Any]]:
    """Every customer record, all pages; raises ApiError rather than return a partial pull."""
    http = session or requests.Session()
    records: list[dict[str, Any]] = []
    page: int | None = 1
    while page is not None:
        url = f"{config.base_url.rstrip('/')}/customers"
        params = {"page": page, "page_size": config.page_size}
        try:
            response = http.get(url, params=params, timeout=config.timeout_seconds)
            response.raise_for_status()
            body = response.json()
        except (requests.RequestException, ValueError) as exc:
            raise ApiError(
                f"GET {url} page {page} failed: {exc}. Nothing from this pull was landed; "
                "check the API is reachable and run the ingest again."
            ) from exc
        if not isinstance(body, dict) or not isinstance(body.get("data"), list):
            raise ApiError(f"GET {url} page {page}: response has no 'data' list; got {body!r:.200}")
        records.extend(body["data"])
        page = body.get("next_page")
    return records
