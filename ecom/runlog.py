"""The run log: one JSON record per run of `ecom run` / `ecom backfill`, kept in the lake.

Records live at ``_ops/runs/run_date=YYYY-MM-DD/<run_id>.json``, one JSON object on one line
(so the folder reads as NDJSON: DuckDB ``read_json``, the Glue OpenX JSON SerDe, a COPY into
PostgreSQL). A run writes its record three times under the same key: ``running`` when it
starts, ``running`` again with the ingest counts just before ``dbt build`` (so the
``rpt_pipeline_runs`` mart built by that very run shows it), and the final status at the end.
A run killed on the way leaves its ``running`` record; the mart reports it as ``interrupted``
once a later run exists.

The top-level scalar fields are the raw table ``pipeline_runs`` (its columns and location are
defined with every other raw table in ingest/raw_tables.py, the dbt source ``ops.pipeline_runs``
and the Glue table follow from it); ``steps`` and ``dbt_results`` are the details for people
reading the file, and so are ``freshness`` (`dbt source freshness` of the run: the worst
status and each source's) and ``data_scanned`` (what the run's queries scanned and cost on
Athena; null elsewhere, where dbt reports no bytes).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from ecom.exit_codes import ExitCode
from ingest.raw_tables import PIPELINE_RUNS
from ingest.storage import Storage

RUNS_PREFIX = PIPELINE_RUNS.prefix


class RunStatus(StrEnum):
    """Where a run stands; the rpt_pipeline_runs mart reads these strings."""

    RUNNING = "running"
    SUCCEEDED = "succeeded"
    DATA_QUARANTINED = "data_quarantined"  # succeeded, but files were quarantined
    DATA_REJECTED = "data_rejected"  # succeeded, but a file's rejected share passed the threshold
    DATA_STALE = "data_stale"  # succeeded, but a source is past its freshness error threshold
    FAILED = "failed"


class StepStatus(StrEnum):
    """How one step of a run ended."""

    SUCCEEDED = "succeeded"
    FAILED = "failed"


def utc_timestamp(moment: datetime | None = None) -> str:
    """'YYYY-MM-DD HH:MM:SS.ffffff' in UTC: a text every warehouse casts to a timestamp."""
    return (moment or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M:%S.%f")


@dataclass
class StepRecord:
    """One step of a run and how long it took."""

    name: str
    status: StepStatus
    seconds: float
    detail: str | None = None


@dataclass
class RunRecord:
    """Everything the run log keeps about one run."""

    run_id: str
    command: str  # run | backfill
    run_date: date
    started_at: str
    status: RunStatus = RunStatus.RUNNING
    exit_code: ExitCode | None = None  # once the run ended
    finished_at: str | None = None
    duration_seconds: float | None = None
    files_received: int = 0
    files_landed: int = 0
    files_quarantined: int = 0
    rows_landed: int = 0
    rows_rejected: int | None = None
    models_built: int = 0
    models_failed: int = 0
    tests_passed: int = 0
    tests_warned: int = 0
    tests_failed: int = 0
    reports_written: int = 0
    # which rows the data tests checked: "changed" (the rows the run's build wrote) or "all"
    test_scope: str | None = None
    error_message: str | None = None
    steps: list[StepRecord] = field(default_factory=list)
    dbt_results: list[dict[str, Any]] = field(default_factory=list)
    # dbt source freshness: {"status": worst of pass|warn|error|runtime error, or null when not
    # checked, "sources": [{source, status, max_loaded_at, age_seconds, warn_after, ...}]}
    freshness: dict[str, Any] = field(default_factory=lambda: {"status": None, "sources": []})
    # the bytes the run's dbt queries scanned (models, tests, freshness), the bytes Athena bills
    # for them (each query rounded up to a MiB, at least 10 MiB) and their price; null when the
    # target reports no bytes (DuckDB, PostgreSQL, Redshift)
    data_scanned: dict[str, Any] = field(
        default_factory=lambda: {
            "bytes": None,
            "billed_bytes": None,
            "queries": None,
            "usd": None,
            "usd_per_tb": None,
        }
    )

    @property
    def key(self) -> str:
        """Where the record lives in the lake."""
        return PIPELINE_RUNS.key({"run_date": self.run_date.isoformat()}, f"{self.run_id}.json")

    def step_seconds(self, name: str) -> float | None:
        """Duration of a step, if it ran."""
        return next((s.seconds for s in self.steps if s.name == name), None)

    def to_json(self) -> bytes:
        """One line of JSON (plus the newline): the record as stored."""
        payload = asdict(self)
        payload["run_date"] = self.run_date.isoformat()
        for step in ("ingest", "dbt_build", "report"):
            payload[f"{step}_seconds"] = self.step_seconds(step)
        return (json.dumps(payload, sort_keys=True) + "\n").encode()


def write_record(storage: Storage, record: RunRecord) -> None:
    """Write (or overwrite) a run's record atomically."""
    storage.put_bytes(record.key, record.to_json())


def read_records(storage: Storage, run_date: date | None = None) -> list[dict[str, Any]]:
    """Every stored run record (of one run date, if given), oldest first."""
    prefix = f"{RUNS_PREFIX}/run_date={run_date.isoformat()}/" if run_date else f"{RUNS_PREFIX}/"
    records = [
        json.loads(storage.get_bytes(key))
        for key in storage.list_keys(prefix)
        if key.endswith(".json")
    ]
    return sorted(records, key=lambda r: (str(r["started_at"]), str(r["run_id"])))
