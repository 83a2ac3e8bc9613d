"""The ingest's HTTP client against the local customer API, over real HTTP on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.api_client import ApiClientConfig, fetch_customers
from ingest.errors import ApiError
from ingest.sample.customer_api import serve_customers


@pytest.fixture
def customers_file(tmp_path: Path) -> Path:
    records = [
        {
            "customer_id": f"C{i:06d}",
            "name": f"Customer {i}",
            "email": f"c{i}@example.com",
            "city": "Boston",
            "signup_date": "2026-01-01",
            "updated_at": f"2026-01-01T00:00:{i % 60:02d}Z",
        }
        for i in range(1, 1_235)
    ]
    path = tmp_path / "customers.json"
    path.write_text(json.dumps(records))
    return path


def test_client_follows_every_page(customers_file: Path) -> None:
    with serve_customers(customers_file) as api:
        records = fetch_customers(ApiClientConfig(base_url=api.url, page_size=100))
    assert len(records) == 1_234
    assert len({r["customer_id"] for r in records}) == 1_234


def test_unreachable_api_is_a_clear_error() -> None:
    with pytest.raises(ApiError, match=r"page 1 failed.*Nothing from this pull was landed"):
        fetch_customers(ApiClientConfig(base_url="http://127.0.0.1:9", timeout_seconds=2))


def test_wrong_endpoint_is_a_clear_error(customers_file: Path) -> None:
    with serve_customers(customers_file) as api, pytest.raises(ApiError, match="404"):
        fetch_customers(ApiClientConfig(base_url=api.url + "/v9"))
