"""Run a command as a subprocess and measure it: wall time, peak memory and bytes read of its
process tree."""

from __future__ import annotations

import math
import os
import subprocess
import time
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil

POLL_SECONDS = 0.02
TAIL_LINES = 40
MB = 1024 * 1024


@dataclass(frozen=True)
class Measurement:
    """One measured run of one or more commands, one after the other."""

    wall_seconds: float
    peak_rss_mb: float
    returncode: int
    log_file: Path
    read_mb: float | None = None  # None where the OS does not count it (no /proc/<pid>/io)

    @property
    def ok(self) -> bool:
        """True when every command exited 0."""
        return self.returncode == 0

    def tail(self, lines: int = TAIL_LINES) -> str:
        """The last lines the commands printed (stdout and stderr), for error messages."""
        if not self.log_file.exists():
            return ""
        with self.log_file.open(errors="replace") as handle:
            return "".join(deque(handle, maxlen=lines))


def tree_rss_bytes(root: psutil.Process) -> int:
    """Resident memory of a process and all its descendants, summed (shared pages count once
    per process, so this over-counts a little: an upper bound)."""
    total = 0
    try:
        processes = [root, *root.children(recursive=True)]
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return 0
    for process in processes:
        try:
            total += int(process.memory_info().rss)
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
    return total


def read_chars(pid: int) -> int | None:
    """`rchar` of /proc/<pid>/io: the bytes the process (all its threads) got from read
    system calls, plus those of every child it has waited for (the kernel adds a reaped
    child's counts to its parent's, as it does for CPU time). Whether they came from disk
    or from the page cache, which is what makes it a stand-in for the bytes a warehouse
    that bills per byte scanned reads (`read_bytes`, storage only, drops to ~0 on a warm
    cache). None where there is no /proc (not Linux) or the process is gone."""
    try:
        text = Path(f"/proc/{pid}/io").read_text()
    except OSError:
        return None
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key == "rchar":
            return int(value)
    return None


def _kill_tree(root: psutil.Process) -> None:
    """Kill a process and its descendants, and reap the process."""
    try:
        processes = [*root.children(recursive=True), root]
    except psutil.NoSuchProcess:
        return
    for process in processes:
        try:
            process.kill()
        except psutil.NoSuchProcess:
            continue
    psutil.wait_procs(processes, timeout=10)


def _run_one(
    command: Sequence[str], env: Mapping[str, str] | None, cwd: Path | None, log_file: Path
) -> tuple[float, int, int, int | None]:
    """Run one command, polling its tree's memory; (wall seconds, peak bytes, exit code,
    bytes read by the command and every descendant it waited for, None if not counted)."""
    peak = 0
    with log_file.open("a") as log:
        log.write(f"$ {' '.join(command)}\n")
        log.flush()
        started = time.perf_counter()
        process = subprocess.Popen(
            list(command),
            cwd=cwd,
            env=None if env is None else dict(env),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        root = psutil.Process(process.pid)
        try:
            # WNOWAIT: notice the exit but leave the process a zombie, whose /proc/<pid>/io
            # still holds its final counts (its children's included); wait4 then reaps it.
            while os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None:
                peak = max(peak, tree_rss_bytes(root))
                time.sleep(POLL_SECONDS)
            wall = time.perf_counter() - started
            read = read_chars(process.pid)
            # wait4 reports the child's own peak RSS (ru_maxrss, KiB on Linux), which
            # catches a spike shorter than the polling interval.
            _, status, usage = os.wait4(process.pid, 0)
        except BaseException:  # Ctrl-C or an error here: leave no measured process behind
            _kill_tree(root)
            raise
        process.returncode = os.waitstatus_to_exitcode(status)
    peak = max(peak, int(usage.ru_maxrss) * 1024)
    return wall, peak, process.returncode, read


def measure(
    commands: Sequence[Sequence[str]],
    log_file: Path,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Measurement:
    """Run commands in order (stopping at the first failure); wall time and bytes read are
    their sums, peak memory the largest of any of them. Output goes to log_file."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    log_file.write_text("")
    wall, peak, code = 0.0, 0, 0
    read: int | None = 0
    for command in commands:
        seconds, peak_bytes, code, read_bytes = _run_one(command, env, cwd, log_file)
        wall += seconds
        peak = max(peak, peak_bytes)
        read = None if read is None or read_bytes is None else read + read_bytes
        if code != 0:
            break
    return Measurement(wall, peak / MB, code, log_file, None if read is None else read / MB)


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) with linear interpolation between the closest ranks."""
    if not values:
        raise ValueError("percentile of no values")
    if not 0 <= q <= 100:
        raise ValueError(f"percentile {q} is outside 0-100")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def median(values: Sequence[float]) -> float:
    """The middle value (the mean of the two middle ones for an even count)."""
    return percentile(values, 50)
