"""The customer API pull over real HTTP on 127.0.0.1: pages, the incremental cursor, and
every fault the local API can inject (500, 429 + Retry-After, hangs, malformed pages,
resets), landing into a local lake and an S3 lake (moto)."""

from __future__ import annotations

import json
import random
from datetime import date

import pytest

from ecom.sample.customer_api import Fault, FaultPlan, serve_records
from ingest.api_client import ApiClientConfig, RetryPolicy, fetch_customers
from ingest.errors import ApiError
from ingest.manifest import Manifest
from ingest.sources.customers import CURSOR_KEY, pull_customers, read_cursor
from ingest.storage import Storage

DAY = date(2026, 11, 21)
FAST = RetryPolicy(max_attempts=4, base_seconds=0.001, max_seconds=0.01)


def customer(i: int, updated_at: str = "") -> dict[str, object]:
    return {
        "customer_id": f"C{i:06d}",
        "name": f"Customer {i}",
        "email": f"c{i}@example.com",
        "city": "Boston",
        "signup_date": "2026-01-01",
        "updated_at": updated_at or f"2026-01-01T00:{i // 60 % 60:02d}:{i % 60:02d}Z",
    }


RECORDS = [customer(i) for i in range(1, 1_235)]


class SleepRecorder:
    """Stands in for time.sleep: records the waits instead of waiting."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def config(url: str, timeout: float = 5.0, page_size: int = 100) -> ApiClientConfig:
    return ApiClientConfig(base_url=url, page_size=page_size, timeout_seconds=timeout, retry=FAST)


def landed_records(lake: Storage) -> list[dict[str, object]]:
    keys = lake.list_keys("landing/customers/")
    return [json.loads(line) for key in keys for line in lake.get_bytes(key).splitlines()]


def test_client_follows_every_page() -> None:
    with serve_records(RECORDS) as api:
        records = fetch_customers(ApiClientConfig(base_url=api.url, page_size=100))
    assert len(records) == 1_234
    assert len({r["customer_id"] for r in records}) == 1_234
    assert len(api.queries) == 13


def test_pull_lands_every_record_as_one_ndjson_file(lake: Storage) -> None:
    with serve_records(RECORDS) as api:
        result = pull_customers(lake, config(api.url), "B1", DAY)
    assert (result.status, result.rows) == ("landed", 1_234)
    assert result.key == "landing/customers/ingest_date=2026-11-21/B1-customers.ndjson"
    assert landed_records(lake) == sorted(RECORDS, key=lambda r: str(r["updated_at"]))


def test_api_500_then_success_lands_the_whole_pull(lake: Storage) -> None:
    sleep = SleepRecorder()
    with serve_records(RECORDS, faults=FaultPlan([Fault("status", 500, page=3)])) as api:
        result = pull_customers(lake, config(api.url), "B1", DAY, sleep=sleep)
    assert (result.status, result.rows) == ("landed", 1_234)
    assert len(sleep.waits) == 1
    assert [q["page"] for q in api.queries].count(["3"]) == 2


def test_429_waits_for_retry_after_then_succeeds(lake: Storage) -> None:
    sleep = SleepRecorder()
    plan = FaultPlan([Fault("status", 429, retry_after="7")])
    with serve_records(RECORDS, faults=plan) as api:
        result = pull_customers(lake, config(api.url), "B1", DAY, sleep=sleep)
    assert result.status == "landed"
    assert sleep.waits == [7.0]


def test_retry_after_longer_than_the_limit_fails_without_waiting(lake: Storage) -> None:
    sleep = SleepRecorder()
    plan = FaultPlan([Fault("status", 429, retry_after="3600")])
    with serve_records(RECORDS, faults=plan) as api, pytest.raises(ApiError) as error:
        pull_customers(lake, config(api.url), "B1", DAY, sleep=sleep)
    assert "asked to wait 3600s" in str(error.value)
    assert sleep.waits == []
    assert lake.list_keys("landing/") == []


def test_server_that_hangs_times_out_and_the_retry_succeeds(lake: Storage) -> None:
    with serve_records(RECORDS, faults=FaultPlan([Fault("hang", page=2)])) as api:
        result = pull_customers(lake, config(api.url, timeout=0.3), "B1", DAY)
    assert (result.status, result.rows) == ("landed", 1_234)


def test_server_that_always_hangs_is_a_clear_error_and_nothing_lands(lake: Storage) -> None:
    plan = FaultPlan([Fault("hang", page=2)] * FAST.max_attempts)
    with serve_records(RECORDS, faults=plan) as api, pytest.raises(ApiError) as error:
        pull_customers(lake, config(api.url, timeout=0.2), "B1", DAY)
    message = str(error.value)
    assert f"/customers page 2 failed {FAST.max_attempts} times" in message
    assert "no answer within 0.2s" in message
    assert "Nothing from this pull was landed" in message
    assert lake.list_keys("landing/") == []
    assert Manifest(lake).entries() == []
    assert not lake.exists(CURSOR_KEY)


def test_page_of_malformed_json_is_retried(lake: Storage) -> None:
    with serve_records(RECORDS, faults=FaultPlan([Fault("malformed", page=5)])) as api:
        result = pull_customers(lake, config(api.url), "B1", DAY)
    assert (result.status, result.rows) == ("landed", 1_234)


def test_page_of_malformed_json_every_time_lands_nothing(lake: Storage) -> None:
    plan = FaultPlan([Fault("malformed", page=5)] * FAST.max_attempts)
    with serve_records(RECORDS, faults=plan) as api, pytest.raises(ApiError) as error:
        pull_customers(lake, config(api.url), "B1", DAY)
    assert "page 5 failed 4 times, last: the page is not valid JSON" in str(error.value)
    assert lake.list_keys("landing/") == []  # pages 1-4 were read, none of them landed


def test_connection_reset_is_retried(lake: Storage) -> None:
    with serve_records(RECORDS, faults=FaultPlan([Fault("reset")])) as api:
        result = pull_customers(lake, config(api.url), "B1", DAY)
    assert result.status == "landed"


def test_client_errors_are_not_retried(lake: Storage) -> None:
    sleep = SleepRecorder()
    plan = FaultPlan([Fault("status", 403)])
    with serve_records(RECORDS, faults=plan) as api, pytest.raises(ApiError, match="HTTP 403"):
        pull_customers(lake, config(api.url), "B1", DAY, sleep=sleep)
    assert (len(api.queries), sleep.waits) == (1, [])


def test_unreachable_api_is_a_clear_error() -> None:
    unreachable = ApiClientConfig(base_url="http://127.0.0.1:9", timeout_seconds=2, retry=FAST)
    with pytest.raises(ApiError, match=r"page 1 failed 4 times.*Nothing from this pull"):
        fetch_customers(unreachable)


def test_wrong_endpoint_is_a_clear_error() -> None:
    with serve_records(RECORDS) as api, pytest.raises(ApiError, match="404"):
        fetch_customers(ApiClientConfig(base_url=api.url + "/v9"))


def test_backoff_is_exponential_with_full_jitter_and_capped() -> None:
    policy = RetryPolicy(base_seconds=0.5, max_seconds=4.0)
    rng = random.Random(1)
    for attempt, ceiling in [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (8, 4.0)]:
        waits = [policy.wait(attempt, rng) for _ in range(200)]
        assert all(0 <= w <= ceiling for w in waits)
        assert max(waits) > ceiling * 0.8  # spread over the whole range, not fixed
        assert len(set(waits)) > 100


def test_second_pull_asks_only_for_changes_since_the_cursor(lake: Storage) -> None:
    later = [customer(7, "2026-02-01T00:00:00Z"), customer(2_000, "2026-02-02T00:00:00Z")]
    with serve_records(RECORDS) as api:
        pull_customers(lake, config(api.url), "B1", DAY)
    assert read_cursor(lake).updated_since == max(str(r["updated_at"]) for r in RECORDS)
    with serve_records(RECORDS + later) as api:
        second = pull_customers(lake, config(api.url), "B2", DAY)
    assert (second.status, second.rows) == ("landed", 2)
    assert {q["updated_since"][0] for q in api.queries} == {"2026-01-01T00:20:34Z"}
    assert read_cursor(lake).updated_since == "2026-02-02T00:00:00Z"
    assert read_cursor(lake).batch_id == "B2"


def test_pull_with_no_changes_lands_nothing(lake: Storage) -> None:
    with serve_records(RECORDS) as api:
        pull_customers(lake, config(api.url), "B1", DAY)
        again = pull_customers(lake, config(api.url), "B2", DAY)
    assert (again.status, again.rows) == ("no_new_records", 0)
    assert len(lake.list_keys("landing/customers/")) == 1


def test_failed_pull_keeps_the_cursor_where_it_was(lake: Storage) -> None:
    newer = [customer(5_000 + i, "2026-03-01T00:00:00Z") for i in range(300)]
    with serve_records(RECORDS) as api:
        pull_customers(lake, config(api.url), "B1", DAY)
    cursor = read_cursor(lake)
    plan = FaultPlan([Fault("status", 503, page=2)] * FAST.max_attempts)
    with serve_records(RECORDS + newer, faults=plan) as api, pytest.raises(ApiError):
        pull_customers(lake, config(api.url), "B2", DAY)
    assert read_cursor(lake) == cursor
    assert len(lake.list_keys("landing/customers/")) == 1
    with serve_records(RECORDS + newer) as api:  # the next scheduled pull gets them all
        retry = pull_customers(lake, config(api.url), "B3", DAY)
    assert (retry.status, retry.rows) == ("landed", 300)


def test_full_refresh_ignores_the_cursor(lake: Storage) -> None:
    with serve_records(RECORDS) as api:
        pull_customers(lake, config(api.url), "B1", DAY)
        again = pull_customers(lake, config(api.url), "B2", DAY, full_refresh=True)
    assert again.status == "already_landed"  # the same full content: a reported no-op
    assert "updated_since" not in api.queries[-1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("500", Fault("status", 500)),
        ("429:2", Fault("status", 429, retry_after="2")),
        ("503@3", Fault("status", 503, page=3)),
        ("hang:1.5", Fault("hang", seconds=1.5)),
        ("malformed@2", Fault("malformed", page=2)),
        ("reset", Fault("reset")),
    ],
)
def test_fault_plans_are_written_as_short_specs(text: str, expected: Fault) -> None:
    assert Fault.parse(text) == expected


def test_unknown_fault_spec_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown fault 'explode'"):
        FaultPlan.parse("500,explode")
