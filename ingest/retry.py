"""The one retry policy (on tenacity) for failures that pass: network, throttling, a held lock.

The held DuckDB lock is detected by ecom/warehouse.py (WarehouseLockedError is a TransientError).

Deterministic failures (bad data, SQL errors, a 4xx answer) are never retried: they raise at
once. A step marks a failure as worth retrying by raising TransientError, optionally with the
wait the other side asked for (an HTTP Retry-After); the policy then waits the longer of that
and its own exponential backoff, and gives up at once when the asked wait is over its cap.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import tenacity

from ingest.errors import EcomError

log = logging.getLogger(__name__)
T = TypeVar("T")


class TransientError(EcomError):
    """A failure that may pass if the same step is tried again a little later."""

    def __init__(self, message: str, wait: float | None = None) -> None:
        super().__init__(message)
        self.wait = wait  # seconds the other side asked us to wait (Retry-After), if it did


class RetriesExhaustedError(EcomError):
    """A transient failure that did not pass within the retry budget."""


class RetryWaitTooLongError(RetriesExhaustedError):
    """The other side asked to wait longer than the policy's cap: given up without waiting."""


@dataclass(frozen=True)
class Backoff:
    """Attempts and waits: base * 2**(attempt-1) seconds, capped, optionally full jitter."""

    max_attempts: int = 6
    base_seconds: float = 1.0
    max_seconds: float = 30.0
    jitter: bool = False  # True: a uniform draw in [0, that wait] ("full jitter")
    max_asked_wait_seconds: float | None = None  # a longer asked-for wait gives up at once

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError(f"max_attempts must be at least 1, not {self.max_attempts}")

    def wait(self, attempt: int, rng: random.Random | None = None) -> float:
        """Seconds to wait after failed attempt `attempt` (1-based)."""
        ceiling = float(min(self.max_seconds, self.base_seconds * 2 ** (attempt - 1)))
        if not self.jitter:
            return ceiling
        return (rng or random).uniform(0, ceiling)


OnRetry = Callable[[int, float, TransientError], None]


def _failure(state: tenacity.RetryCallState) -> TransientError:
    """The TransientError the attempt just made raised (the policy retries nothing else)."""
    failure = state.outcome.exception() if state.outcome is not None else None
    if not isinstance(failure, TransientError):  # pragma: no cover - retry_if_exception_type
        raise AssertionError(f"retrying a non-transient outcome: {failure!r}")
    return failure


def _wait(
    backoff: Backoff, rng: random.Random | None
) -> Callable[[tenacity.RetryCallState], float]:
    """The wait before the next attempt: the backoff, or longer if the failure asked for it."""

    def wait(state: tenacity.RetryCallState) -> float:
        asked = _failure(state).wait or 0.0
        return max(asked, backoff.wait(state.attempt_number, rng))

    return wait


def _before_sleep(
    what: str, backoff: Backoff, on_retry: OnRetry | None
) -> Callable[[tenacity.RetryCallState], None]:
    """Give up if the wait is over the cap; else report the retry (on_retry, or a warning)."""

    def before_sleep(state: tenacity.RetryCallState) -> None:
        failure, wait, attempt = _failure(state), state.upcoming_sleep, state.attempt_number
        cap = backoff.max_asked_wait_seconds
        if cap is not None and wait > cap:
            raise RetryWaitTooLongError(
                f"{what}: asked to wait {wait:.0f}s, more than {cap:.0f}s"
            ) from failure
        if on_retry is not None:
            on_retry(attempt, wait, failure)
        else:
            log.warning(
                "%s: %s; retry %d of %d in %.2fs",
                what,
                failure,
                attempt,
                backoff.max_attempts - 1,
                wait,
            )

    return before_sleep


def with_retries(
    what: str,
    action: Callable[[], T],
    backoff: Backoff,
    on_retry: OnRetry | None = None,
    sleep: Callable[[float], None] = time.sleep,
    rng: random.Random | None = None,
) -> T:
    """Run action; on TransientError wait and try again, up to backoff.max_attempts times.

    Any other exception is raised at once. RetriesExhaustedError after the last attempt, or
    RetryWaitTooLongError (without waiting) when a failure asks for a wait over the cap.
    """
    retrying = tenacity.Retrying(
        retry=tenacity.retry_if_exception_type(TransientError),
        stop=tenacity.stop_after_attempt(backoff.max_attempts),
        wait=_wait(backoff, rng),
        before_sleep=_before_sleep(what, backoff, on_retry),
        sleep=sleep,
    )
    try:
        return retrying(action)
    except tenacity.RetryError as exhausted:
        failure = exhausted.last_attempt.exception()
        tries = exhausted.last_attempt.attempt_number
        times = "once" if tries == 1 else f"{tries} times"
        raise RetriesExhaustedError(f"{what} failed {times}, last: {failure}") from failure
