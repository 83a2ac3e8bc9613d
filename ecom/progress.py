"""What a person sees of an ingest: progress lines (at most one per interval) and the file table."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from typing import TextIO

from ingest.batch import human_bytes
from ingest.landing import LandingResult


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


def print_results(results: Iterable[LandingResult], out: TextIO = sys.stderr) -> None:
    """The per-file table: status, file, rows, bytes, and where it went or why it was refused."""
    rows = list(results)
    if not rows:
        return
    width = max(4, *(len(r.name) for r in rows))
    print(f"  {'status':<20} {'source':<9} {'file':<{width}} {'rows':>9} {'bytes':>12}", file=out)
    for r in rows:
        line = f"  {r.status:<20} {r.source:<9} {r.name:<{width}} {r.rows:>9,} {r.bytes:>12,}"
        where = f"  {r.reason}" if r.reason else (f"  {r.key}" if r.key else "")
        print(line + where, file=out)
