"""Progress lines on stderr for long ingests: files and bytes done, at most one per interval."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO


def human_bytes(count: float) -> str:
    """1536 -> '1.5 KiB'."""
    for unit in ("B", "KiB", "MiB", "GiB"):
        if count < 1024 or unit == "GiB":
            return f"{count:,.0f} {unit}" if unit == "B" else f"{count:,.1f} {unit}"
        count /= 1024
    raise AssertionError("unreachable")  # pragma: no cover


class Progress:
    """Counts files and bytes; prints a line when `interval` seconds passed since the last one.

    A run shorter than the interval prints nothing; interval 0 prints after every file.
    """

    def __init__(
        self,
        label: str,
        total_files: int | None = None,
        total_bytes: int | None = None,
        interval: float = 2.0,
        out: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.label = label
        self.total_files = total_files
        self.total_bytes = total_bytes
        self.interval = interval
        self.out = out or sys.stderr
        self.clock = clock
        self.files = 0
        self.bytes = 0
        self._last = clock()

    def _due(self) -> bool:
        now = self.clock()
        if now - self._last < self.interval:
            return False
        self._last = now
        return True

    def file_done(self, nbytes: int) -> None:
        """One more file handled."""
        self.files += 1
        self.bytes += nbytes
        if not self._due():
            return
        files = f"{self.files:,}" + (f"/{self.total_files:,}" if self.total_files else "")
        size = human_bytes(self.bytes) + (
            f"/{human_bytes(self.total_bytes)}" if self.total_bytes else ""
        )
        percent = f" ({100 * self.bytes / self.total_bytes:.0f}%)" if self.total_bytes else ""
        print(f"  {self.label}: {files} files, {size}{percent}", file=self.out, flush=True)

    def page_done(self, page: int, records: int) -> None:
        """One more API page read."""
        if self._due():
            print(
                f"  {self.label}: page {page:,}, {records:,} records read",
                file=self.out,
                flush=True,
            )
