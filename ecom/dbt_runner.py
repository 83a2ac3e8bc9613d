"""Run dbt as a subprocess (as a user would) and read what it reported in run_results.json.

dbt's output either streams as dbt prints it, or (`on_event`) dbt writes its documented
machine interface, one JSON log event per line (`--log-format json`), and each event goes to
the caller (progress: ecom/progress.py DbtProgress); nothing parses dbt's text output.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ecom.settings import Settings

TAIL_LINES = 40
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
DbtEvent = dict[str, Any]  # one line of `--log-format json`: {"info": {...}, "data": {...}}


@dataclass(frozen=True)
class NodeResult:
    """One model, test, seed or snapshot as dbt reported it in run_results.json."""

    unique_id: str
    resource_type: str
    name: str
    status: str
    execution_seconds: float
    failures: int | None
    message: str | None


@dataclass(frozen=True)
class DbtResults:
    """Counts of node results by kind and status, as dbt wrote them to run_results.json."""

    returncode: int
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    elapsed_seconds: float = 0.0
    nodes: list[NodeResult] = field(default_factory=list)
    output_tail: str = ""  # the last lines dbt printed (for error messages and lock detection)
    errors: list[str] = field(default_factory=list)  # error-level JSON events' messages

    @property
    def first_error(self) -> str | None:
        """The first line of dbt's first error message, if dbt logged one as JSON."""
        return next((e.splitlines()[0] for e in self.errors if e.strip()), None)

    @property
    def ok(self) -> bool:
        """True when dbt exited 0."""
        return self.returncode == 0

    def count(self, kind: str, status: str) -> int:
        """How many nodes of a kind (model, test, unit_test, seed, snapshot) had a status."""
        return self.counts.get(kind, Counter())[status]


def dbt_executable() -> str:
    """The dbt of this Python environment (so .venv's pinned dbt runs, not another one)."""
    beside = Path(sys.executable).parent / "dbt"
    if beside.exists():
        return str(beside)
    found = shutil.which("dbt")
    if found is None:
        raise FileNotFoundError("dbt is not installed in this environment; run `make install`")
    return found


def dbt_env(settings: Settings) -> dict[str, str]:
    """The environment dbt needs: profiles dir, lake, warehouse path."""
    env = dict(os.environ)
    env.setdefault("DBT_PROFILES_DIR", str(settings.project_dir / "profiles"))
    env["ECOM_LAKE_URI"] = settings.lake.uri.rstrip("/")
    if settings.lake.s3_endpoint_url:
        env["ECOM_S3_ENDPOINT_URL"] = settings.lake.s3_endpoint_url
    env["ECOM_DUCKDB_PATH"] = str(settings.duckdb_path)
    env["DBT_TARGET_PATH"] = str(settings.target_dir)
    env["DBT_SEND_ANONYMOUS_USAGE_STATS"] = "false"
    return env


def run_dbt(
    settings: Settings,
    args: list[str],
    out: TextIO | None = None,
    on_event: Callable[[DbtEvent], None] | None = None,
) -> DbtResults:
    """Run `dbt <args> --target <target>`; dbt's own output streams to stdout (or out), or,
    with `on_event`, dbt logs JSON events and each one is handed to on_event instead."""
    if settings.dbt_target == "duckdb":
        settings.duckdb_path.parent.mkdir(parents=True, exist_ok=True)
    # a run killed before dbt wrote its results must not be read as this run's results;
    # a command told not to write them (docs generate --no-write-json) keeps the last ones
    if "--no-write-json" not in args:
        (settings.target_dir / "run_results.json").unlink(missing_ok=True)
    command = [dbt_executable(), *args, "--target", settings.dbt_target]
    if on_event is not None:
        command += ["--log-format", "json"]
    sink = out or sys.stdout
    tail: deque[str] = deque(maxlen=TAIL_LINES)
    errors: list[str] = []
    with subprocess.Popen(
        command,
        cwd=settings.project_dir,
        env=dbt_env(settings),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    ) as process:
        for line in process.stdout or ():
            if on_event is None:
                sink.write(line)
                sink.flush()
                tail.append(line)
                continue
            event = json_event(line)
            if event is None:  # not dbt's log (a Python warning of a library)
                tail.append(line)
                continue
            info = event.get("info", {})
            message = _ANSI.sub("", str(info.get("msg", "")))
            tail.append(message + "\n")
            if info.get("level") == "error" and message.strip():
                errors.append(message.strip())
            on_event(event)
        returncode = process.wait()
    results = read_run_results(settings.target_dir, returncode)
    return dataclasses.replace(results, output_tail="".join(tail), errors=errors)


def json_event(line: str) -> DbtEvent | None:
    """One line of dbt's `--log-format json` output as a dict, or None for any other line."""
    if not line.startswith("{"):
        return None
    try:
        event = json.loads(line)
    except json.JSONDecodeError:
        return None
    return event if isinstance(event, dict) and isinstance(event.get("info"), dict) else None


def read_run_results(target_dir: Path, returncode: int) -> DbtResults:
    """Summarise target/run_results.json by node kind and status."""
    path = target_dir / "run_results.json"
    if not path.exists():
        return DbtResults(returncode=returncode)
    payload = json.loads(path.read_text())
    counts: dict[str, Counter[str]] = {}
    nodes = []
    for result in payload.get("results", []):
        unique_id = str(result["unique_id"])
        kind = unique_id.split(".", 1)[0]
        counts.setdefault(kind, Counter())[str(result["status"])] += 1
        failures = result.get("failures")
        nodes.append(
            NodeResult(
                unique_id=unique_id,
                resource_type=kind,
                name=unique_id.split(".")[-1] if kind != "test" else unique_id.split(".")[2],
                status=str(result["status"]),
                execution_seconds=round(float(result.get("execution_time") or 0.0), 3),
                failures=int(failures) if failures is not None else None,
                message=str(result["message"]) if result.get("message") else None,
            )
        )
    return DbtResults(
        returncode=returncode,
        counts=counts,
        elapsed_seconds=float(payload.get("elapsed_time", 0.0)),
        nodes=nodes,
    )


def mart_models(target_dir: Path) -> list[str]:
    """Names of every model under models/marts, from target/manifest.json (none: no manifest)."""
    path = target_dir / "manifest.json"
    if not path.exists():
        return []
    manifest = json.loads(path.read_text())
    return sorted(
        str(node["name"])
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model"
        and str(node["original_file_path"]).startswith("models/marts/")
    )
