"""Run dbt as a subprocess (as a user would) and read what it reported in run_results.json
and sources.json (read by ecom/dbt_artifacts.py).

dbt's output either streams as dbt prints it, or (`on_event`) dbt writes its documented
machine interface, one JSON log event per line (`--log-format json`), and each event goes to
the caller (progress: ecom/progress.py DbtProgress); nothing parses dbt's text output.

The daily run's dbt work is one session (`run_dbt_session`, ecom/dbt_session.py): parse, the
check of the incremental tables' columns, build and `dbt source freshness`, in one dbt process,
so the freshness check costs its queries and not another start of dbt.
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

from ecom import dbt_artifacts
from ecom.settings import Settings

TAIL_LINES = 40
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
DbtEvent = dict[str, Any]  # one line of `--log-format json`: {"info": {...}, "data": {...}}
# The line a dbt session (ecom/dbt_session.py) ends with: {"ecom_session": {...}}
SESSION_KEY = "ecom_session"
# How dbt source freshness rates a source, from best to worst (sources.json "status")
FRESHNESS_ORDER = ("pass", "warn", "error", "runtime error")


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
    # what the node's main query scanned (dbt-athena's adapter_response); None elsewhere
    bytes_scanned: int | None = None


@dataclass(frozen=True)
class SourceFreshness:
    """One source as `dbt source freshness` rated it in sources.json."""

    source: str  # <source>.<table>, e.g. shop.sales
    status: str  # pass | warn | error | runtime error
    max_loaded_at: str | None  # ISO-8601 UTC, as dbt wrote it
    age_seconds: float | None
    warn_after: str | None  # e.g. "36 hours"
    error_after: str | None
    message: str | None = None  # why the check could not run (runtime error)
    bytes_scanned: int | None = None  # Athena only

    @property
    def stale(self) -> bool:
        """At error, or not checkable: nobody can say the source is fresh."""
        return self.status in ("error", "runtime error")

    def describe(self) -> str:
        """'shop.sales error: last loaded 2026-12-01 09:00 UTC, 74.2 hours ago (error after
        60 hours)', or why it could not be checked."""
        if self.status == "runtime error" or self.max_loaded_at is None:
            return f"{self.source} not checked: {self.message or 'no result'}"
        loaded = self.max_loaded_at[:16].replace("T", " ")
        age = f"{(self.age_seconds or 0) / 3600:.1f} hours ago"
        limit = self.error_after if self.status == "error" else self.warn_after
        after = f" ({self.status} after {limit})" if limit and self.status != "pass" else ""
        return f"{self.source} {self.status}: last loaded {loaded} UTC, {age}{after}"


@dataclass(frozen=True)
class SchemaChange:
    """An incremental model whose table in the warehouse has other columns than the model
    declares now (a table built by an earlier version): `dbt build` fails on it
    (on_schema_change: fail) until it is rebuilt."""

    model: str
    relation: str  # schema.table in the warehouse
    missing: tuple[str, ...]  # the model's columns the table lacks
    extra: tuple[str, ...]  # the table's columns the model no longer has

    def describe(self) -> str:
        """'fct_sales (analytics_marts.fct_sales): the table lacks is_return'."""
        parts = []
        if self.missing:
            parts.append(f"the table lacks {', '.join(self.missing)}")
        if self.extra:
            parts.append(f"has {', '.join(self.extra)}, which the model no longer has")
        return f"{self.model} ({self.relation}): {' and '.join(parts)}"


@dataclass(frozen=True)
class DbtResults:
    """Counts of node results by kind and status, as dbt wrote them to run_results.json."""

    returncode: int
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    elapsed_seconds: float = 0.0
    nodes: list[NodeResult] = field(default_factory=list)
    output_tail: str = ""  # the last lines dbt printed (for error messages and lock detection)
    errors: list[str] = field(default_factory=list)  # error-level JSON events' messages
    # a session's (run_dbt_session): the incremental tables whose columns changed, the models
    # rebuilt for it (--full-refresh of them and what depends on them), the sources' freshness
    schema_changes: list[SchemaChange] = field(default_factory=list)
    rebuilt: list[str] = field(default_factory=list)
    freshness: list[SourceFreshness] = field(default_factory=list)

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

    @property
    def freshness_status(self) -> str | None:
        """The worst source's freshness (pass, warn, error, runtime error); None: not checked."""
        ranks = [FRESHNESS_ORDER.index(s.status) for s in self.freshness]
        return FRESHNESS_ORDER[max(ranks)] if ranks else None


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
    # a run killed before dbt wrote its results must not be read as this run's results;
    # a command told not to write them (docs generate --no-write-json) keeps the last ones
    if "--no-write-json" not in args:
        (settings.target_dir / dbt_artifacts.RUN_RESULTS).unlink(missing_ok=True)
    command = [dbt_executable(), *args, "--target", settings.dbt_target]
    if on_event is not None:
        command += ["--log-format", "json"]
    returncode, tail, errors, _ = _stream(settings, command, out, on_event)
    results = read_run_results(settings.target_dir, returncode)
    return dataclasses.replace(results, output_tail="".join(tail), errors=errors)


@dataclass(frozen=True)
class SessionRequest:
    """What one dbt session (ecom/dbt_session.py) runs, in one dbt process: parse; unless the
    build is a --full-refresh, the check of the incremental tables' columns (schema_check
    `stop`: report the changed ones and build nothing; `rebuild`: build the rest, then those
    and what depends on them with --full-refresh); `dbt build <build>`; and, with freshness,
    `dbt source freshness` whatever the build's outcome."""

    build: tuple[str, ...]  # `dbt build` arguments: selection, --full-refresh, --vars, ...
    target: str
    freshness: bool = True
    schema_check: str = "stop"  # stop | rebuild
    json_logs: bool = True  # --log-format json (else dbt's text output)

    def command(self) -> list[str]:
        """The session's command line: this environment's Python running ecom.dbt_session."""
        return [sys.executable, "-m", "ecom.dbt_session", json.dumps(dataclasses.asdict(self))]

    @classmethod
    def from_json(cls, text: str) -> SessionRequest:
        """The request a command line carries."""
        fields = json.loads(text)
        fields["build"] = tuple(fields["build"])
        return cls(**fields)


def run_dbt_session(
    settings: Settings,
    request: SessionRequest,
    out: TextIO | None = None,
    on_event: Callable[[DbtEvent], None] | None = None,
) -> DbtResults:
    """Run one dbt session (SessionRequest) and read its run_results.json, the session's
    findings and sources.json. dbt's output goes to out or on_event as with run_dbt."""
    for name in (dbt_artifacts.RUN_RESULTS, dbt_artifacts.SOURCES):
        (settings.target_dir / name).unlink(missing_ok=True)
    request = dataclasses.replace(request, json_logs=on_event is not None)

    def build_event(event: DbtEvent) -> None:
        # the freshness check's sources are no nodes of the build (progress counts those)
        node = (event.get("data") or {}).get("node_info") or {}
        if on_event is not None and not str(node.get("unique_id", "")).startswith("source."):
            on_event(event)

    returncode, tail, errors, session = _stream(
        settings, request.command(), out, build_event if on_event is not None else None
    )
    results = read_run_results(settings.target_dir, returncode)
    return dataclasses.replace(
        results,
        output_tail="".join(tail),
        errors=errors,
        schema_changes=[
            SchemaChange(
                str(c["model"]), str(c["relation"]), tuple(c["missing"]), tuple(c["extra"])
            )
            for c in session.get("schema_changes", [])
        ],
        rebuilt=[str(m) for m in session.get("rebuilt", [])],
        freshness=read_freshness(settings.target_dir),
    )


def _stream(
    settings: Settings,
    command: list[str],
    out: TextIO | None,
    on_event: Callable[[DbtEvent], None] | None,
) -> tuple[int, deque[str], list[str], dict[str, Any]]:
    """Run a dbt command: its exit code, last lines, error events and a session's findings."""
    if settings.dbt_target == "duckdb":
        settings.duckdb_path.parent.mkdir(parents=True, exist_ok=True)
    sink = out or sys.stdout
    tail: deque[str] = deque(maxlen=TAIL_LINES)
    errors: list[str] = []
    session: dict[str, Any] = {}
    with subprocess.Popen(
        command,
        cwd=settings.project_dir,
        env=dbt_env(settings),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    ) as process:
        for line in process.stdout or ():
            found = session_line(line)
            if found is not None:
                session = found
                continue
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
    return returncode, tail, errors, session


def session_line(line: str) -> dict[str, Any] | None:
    """The findings of a dbt session's last line ({"ecom_session": {...}}), else None."""
    if not line.startswith('{"' + SESSION_KEY + '"'):
        return None
    try:
        found = json.loads(line)[SESSION_KEY]
    except (json.JSONDecodeError, KeyError, TypeError):
        return None
    return found if isinstance(found, dict) else None


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
    try:
        payload = dbt_artifacts.run_results(target_dir)
    except dbt_artifacts.ArtifactMissingError:
        return DbtResults(returncode=returncode)
    counts: dict[str, Counter[str]] = {}
    nodes = []
    for result in payload.get("results", []):
        unique_id = str(result["unique_id"])
        kind = unique_id.split(".", 1)[0]
        counts.setdefault(kind, Counter())[str(result["status"])] += 1
        failures = result.get("failures")
        scanned = (result.get("adapter_response") or {}).get("data_scanned_in_bytes")
        nodes.append(
            NodeResult(
                unique_id=unique_id,
                resource_type=kind,
                name=unique_id.split(".")[-1] if kind != "test" else unique_id.split(".")[2],
                status=str(result["status"]),
                execution_seconds=round(float(result.get("execution_time") or 0.0), 3),
                failures=int(failures) if failures is not None else None,
                message=str(result["message"]) if result.get("message") else None,
                bytes_scanned=int(scanned) if scanned is not None else None,
            )
        )
    return DbtResults(
        returncode=returncode,
        counts=counts,
        elapsed_seconds=float(payload.get("elapsed_time", 0.0)),
        nodes=nodes,
    )


def read_freshness(target_dir: Path) -> list[SourceFreshness]:
    """The sources `dbt source freshness` checked, from target/sources.json (none: no file,
    or not whole)."""
    try:
        results = dbt_artifacts.sources(target_dir).get("results") or []
    except dbt_artifacts.ArtifactError:
        return []
    checked = []
    for result in results:
        criteria = result.get("criteria") or {}
        status = str(result.get("status"))
        scanned = (result.get("adapter_response") or {}).get("data_scanned_in_bytes")
        age = result.get("max_loaded_at_time_ago_in_s")
        checked.append(
            SourceFreshness(
                source=".".join(str(result.get("unique_id", "")).split(".")[2:]),
                status=status if status in FRESHNESS_ORDER else "runtime error",
                max_loaded_at=result.get("max_loaded_at"),
                age_seconds=round(float(age), 1) if age is not None else None,
                warn_after=_period(criteria.get("warn_after")),
                error_after=_period(criteria.get("error_after")),
                message=result.get("error") or result.get("message"),
                bytes_scanned=int(scanned) if scanned is not None else None,
            )
        )
    return sorted(checked, key=lambda s: s.source)


def _period(threshold: dict[str, Any] | None) -> str | None:
    """{"count": 36, "period": "hour"} -> '36 hours'; None when not set."""
    if not threshold or threshold.get("count") is None or not threshold.get("period"):
        return None
    count = int(threshold["count"])
    return f"{count} {threshold['period']}{'' if count == 1 else 's'}"
