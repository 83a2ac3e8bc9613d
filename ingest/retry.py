"""Retries with exponential backoff for failures that pass (network, throttling, a held lock).

Deterministic failures (bad data, SQL errors, a 4xx answer) are never retried: they raise at
once. A step marks a failure as worth retrying by raising TransientError.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import duckdb

from ingest.errors import EcomError

log = logging.getLogger(__name__)
T = TypeVar("T")

# What DuckDB says when another process holds the warehouse file's write lock.
LOCK_MESSAGES = ("Could not set lock on file", "Conflicting lock is held")


class TransientError(EcomError):
    """A failure that may pass if the same step is tried again a little later."""


class RetriesExhaustedError(EcomError):
    """A transient failure that did not pass within the retry budget."""


@dataclass(frozen=True)
class Backoff:
    """Attempts and waits: base * 2**(attempt-1) seconds, capped."""

    max_attempts: int = 6
    base_seconds: float = 1.0
    max_seconds: float = 30.0

    def wait(self, attempt: int) -> float:
        """Seconds to wait after failed attempt `attempt` (1-based)."""
        return float(min(self.max_seconds, self.base_seconds * 2 ** (attempt - 1)))


def with_retries(
    what: str,
    action: Callable[[], T],
    backoff: Backoff,
    on_retry: Callable[[int, float, TransientError], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Run action; on TransientError wait and try again, up to backoff.max_attempts times."""
    for attempt in range(1, backoff.max_attempts + 1):
        try:
            return action()
        except TransientError as failure:
            if attempt == backoff.max_attempts:
                raise RetriesExhaustedError(
                    f"{what} failed {attempt} times, last: {failure}"
                ) from failure
            wait = backoff.wait(attempt)
            if on_retry is not None:
                on_retry(attempt, wait, failure)
            else:
                log.warning("%s: %s; retry %d in %.1fs", what, failure, attempt, wait)
            sleep(wait)
    raise AssertionError("unreachable: the loop returns or raises")  # pragma: no cover


def is_lock_message(text: str) -> bool:
    """Whether DuckDB output says the warehouse file is locked by another process."""
    return any(message in text for message in LOCK_MESSAGES)


def check_warehouse_unlocked(path: Path) -> None:
    """Open the DuckDB warehouse for writing and close it again; TransientError if locked."""
    if not path.exists():
        return
    try:
        duckdb.connect(str(path)).close()
    except duckdb.IOException as exc:
        if is_lock_message(str(exc)):
            raise TransientError(f"warehouse {path} is locked by another process") from exc
        raise
