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
        self._tty = bool(getattr(self.out, "isatty", lambda: False)())

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
        line = f"  {self.label}: {files} files, {size}{percent}"
        if self._tty:  # one line, rewritten in place; finish() ends it
            print("\r" + line, end="", file=self.out, flush=True)
        else:
            print(line, file=self.out, flush=True)

    def finish(self, summary: str | None = None) -> None:
        """End the progress: the rewritten line of a terminal, then `summary` if given."""
        if self._tty and self.files:
            print(file=self.out, flush=True)
        if summary:
            print(summary, file=self.out, flush=True)

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


# dbt's events that end one node (each carries the "N of M" index and total)
RESULT_EVENTS = frozenset(
    {
        "LogModelResult",
        "LogTestResult",
        "LogSeedResult",
        "LogSnapshotResult",
        "LogNodeNoOpResult",
        "LogNodeResult",
        "LogFreshnessResult",
        "SkippingDetails",
    }
)


class DbtProgress:
    """dbt's nodes done out of all, from dbt's JSON log events (`--log-format json`): a node
    is done with its result event (RESULT_EVENTS); the total is the `total` of dbt's "N of M"
    events. On a terminal one line is rewritten in place; otherwise a line at most every
    `interval` seconds, and one at the end."""

    def __init__(
        self,
        label: str = "dbt",
        out: TextIO | None = None,
        interval: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.label = label
        self.out = out or sys.stderr
        self.interval = interval
        self.clock = clock
        self.total = 0
        self.done: set[str] = set()
        self.failed = 0
        self.errors: list[str] = []  # error events of no node (a compilation error, ...)
        self._tty = bool(getattr(self.out, "isatty", lambda: False)())
        self._last = clock()

    def __call__(self, event: dict[str, object]) -> None:
        """One dbt JSON log event."""
        info = event.get("info")
        data = event.get("data")
        if not isinstance(info, dict) or not isinstance(data, dict):
            return
        total = data.get("total") or data.get("num_models")
        if isinstance(total, int) and total > self.total:
            self.total = total
        node = data.get("node_info")
        if info.get("name") in RESULT_EVENTS:
            key = str(node.get("unique_id")) if isinstance(node, dict) else str(data.get("index"))
            if key not in self.done:
                self.done.add(key)
                self.failed += data.get("status") in ("error", "fail")
                self._show(final=False)
        elif node is None and info.get("level") == "error" and str(info.get("msg", "")).strip():
            self.errors.append(str(info["msg"]).strip())

    def line(self, final: bool = False) -> str:
        """'dbt: 57/190 nodes done (1 failed)'; at the end, the nodes dbt ran: 'dbt: 188 nodes
        done' (dbt's M of "N of M" may count nodes it then leaves out)."""
        total = f"/{self.total:,}" if self.total and not final else ""
        failed = f" ({self.failed} failed)" if self.failed else ""
        return f"      {self.label}: {len(self.done):,}{total} nodes done{failed}"

    def _show(self, final: bool) -> None:
        if self._tty:
            print("\r" + self.line(final), end="\n" if final else "", file=self.out, flush=True)
            return
        now = self.clock()
        if final or now - self._last >= self.interval:
            self._last = now
            print(self.line(final), file=self.out, flush=True)

    def finish(self) -> None:
        """The last line, and dbt's errors that belong to no node (the first 5)."""
        self._show(final=True)
        for message in self.errors[:5]:
            print(f"      dbt: {message.splitlines()[0]}", file=self.out, flush=True)
