"""What the benchmark ran on: cores, memory, CPU model, OS, versions, git commit."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import psutil

PACKAGES = ("duckdb", "dbt-core", "dbt-duckdb", "pandas", "pyarrow")


def cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo (Linux), else what platform knows."""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(errors="replace").splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def package_version(name: str) -> str:
    """The installed version of a distribution, or 'not installed'."""
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def machine_info() -> dict[str, str]:
    """Cores, total memory, CPU, OS and the versions that matter, as strings."""
    info = {
        "cores": str(os.cpu_count() or 0),
        "memory_gb": f"{psutil.virtual_memory().total / 1024**3:.1f}",
        "cpu": cpu_model(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
    }
    info.update({name: package_version(name) for name in PACKAGES})
    return info


def _git(repo: Path, *args: str) -> str:
    """The trimmed output of a git command run in repo."""
    return subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=True
    ).stdout.strip()


def git_commit(repo: Path) -> str:
    """The commit checked out in repo (with '-dirty' when files are modified), or 'unknown'."""
    try:
        commit = _git(repo, "rev-parse", "--short=12", "HEAD")
        dirty = _git(repo, "status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{commit}-dirty" if dirty else commit
