"""The one retry policy (ingest/retry.py): what is retried, how long it waits, when it gives up.

A fake sleep records the waits instead of waiting; the customer API cases run over real HTTP
on 127.0.0.1 against the sample API with injected faults.
"""

from __future__ import annotations

import random

import pytest

from ecom.sample.customer_api import Fault, FaultPlan, serve_records
from ingest.api_client import ApiClientConfig, CustomerApiClient, RetryPolicy
from ingest.errors import ApiError
from ingest.retry import (
    Backoff,
    RetriesExhaustedError,
    RetryWaitTooLongError,
    TransientError,
    with_retries,
)

pytestmark = pytest.mark.unit

RECORDS = [
    {
        "customer_id": "C1",
        "name": "A",
        "email": "a@x",
        "city": "Oslo",
        "signup_date": "2026-01-01",
        "updated_at": "2026-01-02T00:00:00Z",
    },
]


class SleepRecorder:
    """Stands in for time.sleep: records the waits instead of waiting."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


class Flaky:
    """An action that fails with TransientError `failures` times, then returns 'done'."""

    def __init__(self, failures: int, wait: float | None = None) -> None:
        self.failures = failures
        self.wait = wait
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        if self.calls <= self.failures:
            raise TransientError(f"flake {self.calls}", self.wait)
        return "done"


def test_transient_failures_are_retried_then_the_result_is_returned() -> None:
    sleep, action = SleepRecorder(), Flaky(failures=2)
    assert with_retries("step", action, Backoff(max_attempts=3), sleep=sleep) == "done"
    assert action.calls == 3
    assert sleep.waits == [1.0, 2.0]  # base * 2**(attempt-1)


def test_waits_grow_exponentially_up_to_the_maximum() -> None:
    sleep = SleepRecorder()
    backoff = Backoff(max_attempts=6, base_seconds=1.0, max_seconds=5.0)
    with_retries("step", Flaky(failures=5), backoff, sleep=sleep)
    assert sleep.waits == [1.0, 2.0, 4.0, 5.0, 5.0]


def test_exhausted_retries_raise_with_the_last_failure() -> None:
    sleep, action = SleepRecorder(), Flaky(failures=10)
    with pytest.raises(RetriesExhaustedError, match="step failed 3 times, last: flake 3"):
        with_retries("step", action, Backoff(max_attempts=3), sleep=sleep)
    assert action.calls == 3
    assert len(sleep.waits) == 2  # no wait after the last attempt


def test_one_attempt_means_no_retry() -> None:
    with pytest.raises(RetriesExhaustedError, match="step failed once, last: flake 1"):
        with_retries("step", Flaky(failures=1), Backoff(max_attempts=1), sleep=SleepRecorder())


def test_other_errors_are_raised_at_once_without_a_retry() -> None:
    sleep, calls = SleepRecorder(), []

    def broken() -> None:
        calls.append(1)
        raise ValueError("bad data")

    with pytest.raises(ValueError, match="bad data"):
        with_retries("step", broken, Backoff(), sleep=sleep)
    assert (len(calls), sleep.waits) == (1, [])


def test_on_retry_is_told_the_attempt_the_wait_and_the_failure() -> None:
    seen: list[tuple[int, float, str]] = []
    with_retries(
        "step",
        Flaky(failures=2),
        Backoff(max_attempts=3),
        on_retry=lambda attempt, wait, failure: seen.append((attempt, wait, str(failure))),
        sleep=SleepRecorder(),
    )
    assert seen == [(1, 1.0, "flake 1"), (2, 2.0, "flake 2")]


def test_a_wait_asked_for_is_honoured_when_longer_than_the_backoff() -> None:
    sleep = SleepRecorder()
    with_retries("step", Flaky(failures=1, wait=7.0), Backoff(max_attempts=2), sleep=sleep)
    assert sleep.waits == [7.0]


def test_a_wait_asked_for_over_the_cap_gives_up_without_waiting() -> None:
    sleep, action = SleepRecorder(), Flaky(failures=1, wait=600.0)
    backoff = Backoff(max_attempts=5, max_asked_wait_seconds=300.0)
    with pytest.raises(RetryWaitTooLongError, match="asked to wait 600s, more than 300s"):
        with_retries("step", action, backoff, sleep=sleep)
    assert (action.calls, sleep.waits) == (1, [])


def test_full_jitter_draws_each_wait_below_the_exponential_ceiling() -> None:
    backoff = Backoff(base_seconds=0.5, max_seconds=4.0, jitter=True)
    rng = random.Random(1)
    for attempt, ceiling in [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (8, 4.0)]:
        waits = [backoff.wait(attempt, rng) for _ in range(200)]
        assert all(0 <= w <= ceiling for w in waits)
        assert len(set(waits)) > 100


def test_at_least_one_attempt_is_required() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        Backoff(max_attempts=0)


def test_api_retry_after_is_honoured_over_http() -> None:
    sleep = SleepRecorder()
    plan = FaultPlan([Fault("status", 503, retry_after="4")])
    with serve_records(RECORDS, faults=plan) as api:
        client = CustomerApiClient(ApiClientConfig(base_url=api.url), sleep=sleep)
        assert len(client.fetch()) == 1
    assert sleep.waits == [4.0]


def test_api_retry_after_over_the_cap_is_an_api_error_at_once() -> None:
    sleep = SleepRecorder()
    plan = FaultPlan([Fault("status", 429, retry_after="301")])
    policy = RetryPolicy(max_asked_wait_seconds=300.0)
    with serve_records(RECORDS, faults=plan) as api:
        client = CustomerApiClient(ApiClientConfig(api.url, retry=policy), sleep=sleep)
        with pytest.raises(ApiError, match=r"page 1: asked to wait 301s, more than 300s"):
            client.fetch()
        assert len(api.queries) == 1
    assert sleep.waits == []


def test_api_failing_every_attempt_is_an_api_error_naming_the_request() -> None:
    sleep = SleepRecorder()
    with serve_records(RECORDS, faults=FaultPlan.parse("500,502,503")) as api:
        client = CustomerApiClient(
            ApiClientConfig(api.url, retry=RetryPolicy(max_attempts=3)), sleep=sleep
        )
        with pytest.raises(ApiError) as error:
            client.fetch()
    assert f"GET {api.url}/customers page 1 failed 3 times, last: HTTP 503" in str(error.value)
    assert len(sleep.waits) == 2
