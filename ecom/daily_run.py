"""The daily run behind `ecom run` (and `make run`), and `ecom backfill`.

One run for a day D: ingest what is new (files up to D) -> dbt build (fails on error-severity
tests) -> export the daily report for D -> score the customers (ecom/predictions) -> record
the run in the run log -> alert. Every step is timed and logged as events with the run_id;
transient failures (a locked warehouse file, an API that answers 503) are retried,
deterministic ones fail the run at once.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import re
import shlex
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TextIO, TypeVar

import duckdb

from ecom import dbt_artifacts
from ecom.alerts import AlertConfig, emf_line, send_alerts
from ecom.athena_cost import scan_cost, usd_per_tb
from ecom.daily_report import export_daily_report
from ecom.dbt_runner import (
    FRESHNESS_ORDER,
    DbtResults,
    SchemaChange,
    SessionRequest,
    run_dbt,
    run_dbt_session,
)
from ecom.events import RunEvents
from ecom.exit_codes import ExitCode, exit_code_for
from ecom.predictions.step import PredictionOutcome, predict_customers, start_loading_models
from ecom.progress import DbtProgress, Progress
from ecom.runlog import (
    RunRecord,
    RunStatus,
    StepRecord,
    StepStatus,
    utc_timestamp,
    write_record,
)
from ecom.settings import Settings
from ecom.warehouse import (
    Warehouse,
    WarehouseLockedError,
    first_line,
    is_lock_error,
    warehouse_for,
)
from ingest.api_client import ApiClientConfig, RetryPolicy
from ingest.batch import (
    Batch,
    check_mapping_fits,
    file_size,
    finish_batch,
    inbox_files,
    ingest_customers_api,
    ingest_files,
    today_utc,
)
from ingest.errors import ConfigurationError, EcomError
from ingest.landing import REFUSED, LandingResult, LandingStatus, new_batch_id
from ingest.mapping import ExportMapping, load_mapping, resolve_mapping
from ingest.retry import Backoff, TransientError
from ingest.retry import with_retries as retry
from ingest.sources.checks import RowRefusal
from ingest.storage import Storage, open_lake

# A landed file with a larger share of rejected rows ends `ecom run` with exit 3 (a fifth: more
# usually means a wrong export or mapping, not dirty rows).
DEFAULT_MAX_REJECTED_SHARE = 0.2
DOOR_REASONS = frozenset(reason.value for reason in RowRefusal)
# Rejects that keep another version of the row: an export sent again is not lost data.
VERSION_REASONS = "'superseded_version', 'duplicate_row'"
# dbt's message when an incremental model's columns differ from its table's (on_schema_change)
SCHEMA_CHANGED = "schemas on this incremental model are out of sync"

log = logging.getLogger(__name__)
T = TypeVar("T")


class PipelineError(EcomError):
    """A step of the run failed for a reason retrying will not fix."""


class SchemaChangedError(ConfigurationError):
    """Incremental tables were built by an earlier version with other columns: the build
    would fail on them, so it did not start; the message gives the command that rebuilds
    them (exit 2: retrying the same command cannot help, the operator decides)."""


@dataclass(frozen=True)
class RunOptions:
    """Where a run's input comes from and what it does besides the build."""

    inbox: Path | None = None  # land every file in <inbox>/sales/ and <inbox>/products/
    mapping: ExportMapping | None = None  # converts the inbox's sales exports (ingest/mapping.py)
    api_url: str | None = None  # pull customers here (None: no customer pull)
    # what made the inbox, said at the start of landing, called with the run's day and events
    # (the demo that `ecom run` runs without --inbox says how many of its files are due)
    inbox_origin: Callable[[date, RunEvents], None] | None = None
    docs: bool = False  # dbt docs generate after the build
    alerts: AlertConfig = field(default_factory=AlertConfig)
    emf: bool = False  # CloudWatch embedded-metric lines on stdout
    lock_backoff: Backoff = field(default_factory=Backoff)
    api_retry: RetryPolicy = field(default_factory=RetryPolicy)
    verbose: bool = False  # every file's and model's line, and dbt's own output
    dbt_args: tuple[str, ...] = ()  # passed to `dbt build`: --select, --exclude, ...
    dbt_vars: str | None = None  # `dbt build --vars` (YAML), with the run's test_scope added
    full_tests: bool = False  # every data test checks every row (else: see test_scope)
    full_tests_day: int | None = 6  # date.weekday() of the weekly full sweep; None: never
    # a landed file with a larger share of rejected rows ends the run with exit 3
    max_rejected_share: float = DEFAULT_MAX_REJECTED_SHARE
    # incremental tables whose columns changed (an upgrade): rebuild them and what depends on
    # them with --full-refresh (else the run stops with exit 2 and says what to run)
    rebuild_changed: bool = False
    command_line: tuple[str, ...] = ()  # the ecom arguments as given, for that message

    @property
    def compact(self) -> bool:
        """The compact text output: progress lines instead of per-file, per-model and dbt's
        own lines (JSON logs, --log-format json, always carry every event)."""
        return not (self.verbose or self.emf)


@dataclass(frozen=True)
class DataTestScope:
    """Which rows a run's data tests check (docs/operating.md "Test scope",
    macros/utils/test_scope.sql): on a daily run the tests of a model with a refreshed_at
    column check the rows its build wrote ("changed"); a full sweep ("all") checks every row."""

    scope: str  # the dbt var test_scope: changed | all
    reason: str  # why, for the run's output

    @property
    def full(self) -> bool:
        """Whether every test checks every row."""
        return self.scope == "all"

    def dbt_vars(self, given: str | None) -> str | None:
        """`--vars` for dbt build: the given YAML mapping, plus test_scope: all on a full sweep.
        A daily run passes the given vars unchanged (none by default), so they are the same
        from day to day and dbt keeps its partial parse; a change of --vars reparses it all."""
        if not self.full:
            return given
        text = (given or "").strip()
        if "test_scope" in text:  # the user's own choice wins
            return text
        if not text or text == "{}":
            return "{test_scope: all}"
        if text.startswith("{") and text.endswith("}"):  # flow mapping: add the key inside
            return "{test_scope: all, " + text[1:]
        return "test_scope: all\n" + text  # block mapping


def data_test_scope(options: RunOptions, day: date) -> DataTestScope:
    """The test scope of a run for `day`: a full sweep with --full-tests, --full-refresh, or on
    the weekday of ECOM_FULL_TESTS_WEEKDAY; else the rows the run's build wrote."""
    weekly = (
        f"every {WEEKDAY_NAMES[options.full_tests_day]}"
        if options.full_tests_day is not None
        else "never weekly"
    )
    if options.full_tests:
        return DataTestScope("all", "every row (--full-tests)")
    if "--full-refresh" in options.dbt_args:
        return DataTestScope("all", "every row (--full-refresh: a full build)")
    if options.full_tests_day is not None and day.weekday() == options.full_tests_day:
        return DataTestScope(
            "all",
            f"every row (the weekly full sweep: {day} is a {WEEKDAY_NAMES[day.weekday()]}"
            ", ECOM_FULL_TESTS_WEEKDAY)",
        )
    return DataTestScope(
        "changed",
        f"the rows this run's build wrote (full sweep: --full-tests, or {weekly}: "
        "ECOM_FULL_TESTS_WEEKDAY)",
    )


WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass
class RunOutcome:
    """What a run did, for the summary and the exit code."""

    record: RunRecord
    landed: list[LandingResult] = field(default_factory=list)
    build: DbtResults = field(default_factory=lambda: DbtResults(returncode=-1))
    docs_ok: bool = False
    tests: DataTestScope | None = None
    mart_rows: dict[str, int] = field(default_factory=dict)
    report_keys: list[str] = field(default_factory=list)
    predictions: PredictionOutcome | None = None
    seconds: float = 0.0

    @property
    def exit_code(self) -> ExitCode:
        """OK, DATA_QUARANTINED, FAILED, or USAGE for a configuration error (ecom/exit_codes.py)."""
        return self.record.exit_code if self.record.exit_code is not None else ExitCode.FAILED


class _Steps:
    """Times each step, logs its start and end, and keeps it in the run record."""

    def __init__(self, record: RunRecord, events: RunEvents) -> None:
        self.record = record
        self.events = events

    @contextmanager
    def step(self, name: str, message: str) -> Iterator[None]:
        """Run a block as a named step."""
        started = time.monotonic()
        self.events.event("step_started", message, step=name)
        try:
            yield
        except BaseException as exc:
            seconds = round(time.monotonic() - started, 3)
            error = first_line(exc)
            self.record.steps.append(StepRecord(name, StepStatus.FAILED, seconds, error))
            self.events.event(
                "step_failed",
                f"      {name} failed after {seconds:.1f}s",
                logging.ERROR,
                step=name,
                seconds=seconds,
                error=error,
            )
            raise
        seconds = round(time.monotonic() - started, 3)
        self.record.steps.append(StepRecord(name, StepStatus.SUCCEEDED, seconds))
        self.events.event(
            "step_finished", f"      {name} done in {seconds:.1f}s", step=name, seconds=seconds
        )


# The day of an inbox sales file: the first YYYY-MM-DD in its name (sales_2026-11-20.csv).
_NAME_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")


def file_day(path: Path) -> date | None:
    """The day a file's name carries (YYYY-MM-DD), or None."""
    for text in _NAME_DATE.findall(path.name):
        try:
            return date.fromisoformat(text)
        except ValueError:
            continue
    return None


def inbox_day(inbox: Path) -> date | None:
    """The day `ecom run --inbox` runs for when --date is not given: the latest day named by
    a file in <inbox>/sales/ (None: no sales file names a day)."""
    days = [d for p in inbox_files(inbox / "sales") if (d := file_day(p)) is not None]
    return max(days, default=None)


def due_by(files: list[Path], day: date) -> list[Path]:
    """The files that land in a run for `day`: those whose name carries a day up to it, and
    every file whose name carries none (a later day's file waits for that day's run)."""
    return [p for p in files if (d := file_day(p)) is None or d <= day]


# A mapping placed in the inbox folder, beside sales/, applies to every sales file of the inbox.
INBOX_MAPPINGS = ("sales.mapping.yml", "mapping.yml")


def sales_mapping(inbox: Path | None, given: str | None) -> ExportMapping | None:
    """The mapping of the inbox's sales exports: --mapping (a file or a shipped mapping's
    name), else <inbox>/sales.mapping.yml or <inbox>/mapping.yml; None: the files are in the
    contract's columns. Two of them is an error (which one was meant?)."""
    placed = [inbox / name for name in INBOX_MAPPINGS if (inbox / name).is_file()] if inbox else []
    if given is not None and inbox is None:
        raise ConfigurationError(
            f"--mapping {given} needs --inbox: the sample's files are in the contract already"
        )
    found = ([f"--mapping {given}"] if given is not None else []) + [str(p) for p in placed]
    if len(found) > 1:
        raise ConfigurationError(
            f"two mappings for the inbox's sales files: {' and '.join(found)}; keep one"
        )
    if given is not None:
        return load_mapping(resolve_mapping(given))
    return load_mapping(placed[0]) if placed else None


def check_inbox_mapping(options: RunOptions, last_day: date) -> None:
    """A mapping must fit every inbox sales file due by `last_day`: checked before anything
    is written, so a wrong mapping ends the run with exit 2 and lands nothing."""
    if options.mapping is None or options.inbox is None:
        return
    due = due_by(inbox_files(options.inbox / "sales"), last_day)
    check_mapping_fits(options.mapping, "sales", due, options.inbox)


def _land_inputs(
    settings: Settings,
    warehouse: Warehouse,
    options: RunOptions,
    storage: Storage,
    record: RunRecord,
    events: RunEvents,
) -> list[LandingResult]:
    """Land the day's files and pull customers, as one batch named after the run."""
    sales: list[Path] = []
    products: list[Path] = []
    if options.inbox_origin is not None:
        options.inbox_origin(record.run_date, events)
    if options.inbox is not None:  # every file: the feed's name rule decides at the door
        sales += due_by(inbox_files(options.inbox / "sales"), record.run_date)
        products += due_by(inbox_files(options.inbox / "products"), record.run_date)
    landed: list[LandingResult] = []

    def note(results: list[LandingResult]) -> None:
        for result in results:
            _file_event(events, result)
        landed.extend(results)
        if options.compact and results:
            print(_landed_line(results), file=sys.stderr, flush=True)

    batch = Batch(record.run_id, today_utc())
    progress = Progress("sales", len(sales), sum(file_size(p) for p in sales))
    by_source = {
        "sales": ingest_files(
            storage,
            "sales",
            sales,
            batch.batch_id,
            batch.ingest_date,
            progress.file_done,
            inbox=options.inbox,
            mapping=options.mapping,
        )
    }
    progress.finish()
    note(by_source["sales"])
    by_source["products"] = ingest_files(
        storage, "products", products, batch.batch_id, batch.ingest_date, inbox=options.inbox
    )
    note(by_source["products"])
    url = options.api_url
    if url:
        events.event("customers_pull_started", "      pulling changed customers", api=url)
        config = ApiClientConfig(base_url=url, retry=options.api_retry)
        by_source["customers"] = [
            ingest_customers_api(storage, url, batch.batch_id, batch.ingest_date, config=config)
        ]
        note(by_source["customers"])
    # the run's record is in the lake already: its run_date partition too (Redshift Spectrum)
    reports = finish_batch(settings.lake, storage, batch, by_source, [record.run_date])
    if reports and reports[0].catalog is not None:
        events.event("catalog_registered", f"      {reports[0].catalog.describe()}")
    if warehouse.kind == "postgres":
        _load_postgres(warehouse, storage, settings.lake.raw_database, events)
    return landed


def _landed_line(results: list[LandingResult]) -> str:
    """One line for a feed: '      sales: 12 files landed (6,000 rows), 0 already landed,
    0 quarantined'."""
    statuses = Counter(r.status for r in results)
    rows = sum(r.rows for r in results if r.status == LandingStatus.LANDED)
    if statuses[LandingStatus.NO_NEW_RECORDS]:
        return f"      {results[0].source}: no new records"
    landed = statuses[LandingStatus.LANDED]
    return (
        f"      {results[0].source}: {landed} file{'' if landed == 1 else 's'} landed "
        f"({rows:,} rows), "
        f"{statuses[LandingStatus.ALREADY_LANDED]} already landed, "
        f"{sum(statuses[s] for s in REFUSED)} quarantined"
    )


def _file_event(events: RunEvents, result: LandingResult) -> None:
    name = f"file_{result.status}"
    where = result.reason or result.key
    refused = result.status in REFUSED
    events.event(
        name,
        f"  {result.status:<20} {result.source:<9} {result.name} {result.rows:,} rows  {where}",
        logging.WARNING if refused else logging.INFO,
        detail=not refused,
        source=result.source,
        file=result.name,
        status=result.status,
        rows=result.rows,
        bytes=result.bytes,
        key=result.key,
        reason=result.reason,
    )


def _load_postgres(warehouse: Warehouse, storage: Storage, schema: str, events: RunEvents) -> None:
    """Copy newly landed files and the run log into the PostgreSQL raw tables."""
    from ecom.postgres_loader import load_landed_files, load_run_records

    with warehouse.connection(read_only=False) as conn:
        results = load_landed_files(storage, conn, schema)
        runs = load_run_records(storage, conn, schema)
    loaded = [r for r in results if r.status == "loaded"]
    events.event(
        "postgres_loaded",
        f"      postgres raw tables ({schema}): {len(loaded)} files loaded "
        f"({sum(r.rows for r in loaded):,} rows), {len(results) - len(loaded)} already loaded, "
        f"{runs} run records",
        files=len(loaded),
        rows=sum(r.rows for r in loaded),
    )


def _count_landing(record: RunRecord, landed: list[LandingResult]) -> None:
    statuses = Counter(r.status for r in landed)
    record.files_received = len(landed)
    record.files_landed = statuses[LandingStatus.LANDED]
    record.files_quarantined = sum(statuses[s] for s in REFUSED)
    record.rows_landed = sum(r.rows for r in landed if r.status == LandingStatus.LANDED)


def _dbt_build(
    settings: Settings,
    warehouse: Warehouse,
    options: RunOptions,
    events: RunEvents,
    scope: DataTestScope,
) -> DbtResults:
    """dbt build in one dbt session with the check of the incremental tables' columns before
    it and `dbt source freshness` after it (ecom/dbt_session.py), retried while another
    process holds the DuckDB warehouse file."""
    dbt_vars = scope.dbt_vars(options.dbt_vars)
    request = SessionRequest(
        build=(*options.dbt_args, *(["--vars", dbt_vars] if dbt_vars else [])),
        target=settings.dbt_target,
        schema_check="rebuild" if options.rebuild_changed else "stop",
    )

    def attempt() -> DbtResults:
        warehouse.check_writable()
        progress = DbtProgress() if options.compact else None
        results = run_dbt_session(settings, request, on_event=progress)
        if progress is not None:
            progress.finish()
        if not results.ok and is_lock_error(results.output_tail):
            raise WarehouseLockedError(f"{warehouse.describe()} is locked by another process")
        return results

    def on_retry(attempt_no: int, wait: float, failure: TransientError) -> None:
        events.event(
            "retry",
            f"      {failure}; retry {attempt_no} in {wait:.0f}s",
            logging.WARNING,
            step="dbt_build",
            attempt=attempt_no,
            wait_seconds=wait,
            error=str(failure),
        )

    # Said before the first attempt: the servers' readers stop opening the file, so the
    # write lock comes free while they drain instead of whenever they happen to be idle.
    with warehouse.writing():
        return retry("dbt build", attempt, options.lock_backoff, on_retry)


def _record_build(record: RunRecord, build: DbtResults, events: RunEvents) -> None:
    """Keep dbt's node results in the record and log each model and each failed test."""
    record.models_built = sum(
        build.count(kind, "success") for kind in ("model", "seed", "snapshot")
    )
    record.models_failed = sum(build.count(kind, "error") for kind in ("model", "seed", "snapshot"))
    record.tests_passed = build.count("test", "pass") + build.count("unit_test", "pass")
    record.tests_warned = build.count("test", "warn") + build.count("unit_test", "warn")
    record.tests_failed = sum(
        build.count(kind, status) for kind in ("test", "unit_test") for status in ("fail", "error")
    )
    for node in build.nodes:
        record.dbt_results.append(
            {
                "unique_id": node.unique_id,
                "resource_type": node.resource_type,
                "status": node.status,
                "execution_seconds": node.execution_seconds,
                "failures": node.failures,
                "message": node.message,
                "bytes_scanned": node.bytes_scanned,
            }
        )
        if node.resource_type in ("model", "seed", "snapshot"):
            failed = node.status == "error"
            events.event(
                "model_failed" if failed else "model_built",
                f"      {node.resource_type} {node.name}: {node.status} "
                f"({node.execution_seconds:.2f}s)"
                + (f" {first_line(node.message or '')}" if failed else ""),
                logging.ERROR if failed else logging.INFO,
                detail=not failed,
                node=node.unique_id,
                status=node.status,
                seconds=node.execution_seconds,
            )
        elif node.status in ("warn", "fail", "error"):
            events.event(
                "test_warned" if node.status == "warn" else "test_failed",
                f"      test {node.name}: {node.status} ({node.failures} failing rows)"
                + (
                    f" {first_line(node.message)}"
                    if node.status == "error" and node.message
                    else ""
                ),
                logging.WARNING if node.status == "warn" else logging.ERROR,
                node=node.unique_id,
                status=node.status,
                failures=node.failures,
            )
    _record_freshness_and_cost(record, build, events)


def _record_freshness_and_cost(record: RunRecord, build: DbtResults, events: RunEvents) -> None:
    """Keep the sources' freshness and what the queries scanned in the record; log each
    source that is not fresh and the models rebuilt for changed columns."""
    record.freshness = {
        "status": build.freshness_status,
        "sources": [dataclasses.asdict(s) for s in build.freshness],
    }
    for source in build.freshness:
        if source.status != "pass":
            events.event(
                "source_stale" if source.stale else "source_late",
                f"      freshness: {source.describe()}",
                logging.ERROR if source.stale else logging.WARNING,
                source=source.source,
                status=source.status,
                age_seconds=source.age_seconds,
            )
    if build.rebuilt:
        events.event(
            "models_rebuilt",
            f"      rebuilt from the lake (their tables' columns had changed): "
            f"{', '.join(build.rebuilt)} and the models that depend on them",
            models=build.rebuilt,
        )
    scanned = [n.bytes_scanned for n in build.nodes] + [s.bytes_scanned for s in build.freshness]
    if any(b is not None for b in scanned):
        cost = scan_cost(scanned, usd_per_tb())
        record.data_scanned = cost.to_dict() if cost is not None else record.data_scanned


def _schema_changed(changes: list[SchemaChange], options: RunOptions, record: RunRecord) -> str:
    """One line, the command first (an error line is cut at 300 characters): what rebuilds
    the tables whose columns changed, and which they are."""
    given = list(options.command_line) or [record.command, "--date", record.run_date.isoformat()]
    command = shlex.join(["ecom", *given, "--rebuild-changed"])
    names = ", ".join(c.model for c in changes)
    them = "it" if len(changes) == 1 else "them"
    return (
        f"run `{command}`: the warehouse's {names} {'was' if len(changes) == 1 else 'were'} "
        "built by an earlier version with other columns, so nothing was built (dbt build "
        f"would fail on {them}); that rebuilds {them} and what depends on {them} from the lake"
    )


def _build_error(build: DbtResults, settings: Settings) -> str:
    """One line: the failing nodes, else dbt's first error, else dbt's last line."""
    results = relative(settings.target_dir / "run_results.json")
    failing = [n.name for n in build.nodes if n.status in ("error", "fail")]
    if failing:
        shown = ", ".join(failing[:5]) + (
            f" and {len(failing) - 5} more" if len(failing) > 5 else ""
        )
        if any(SCHEMA_CHANGED in (n.message or "") for n in build.nodes):
            # a warehouse built by an earlier version: its incremental tables lack new columns
            return (
                f"dbt build failed: {shown}: the columns of an incremental model changed "
                "(a warehouse built by an earlier version); run once with --rebuild-changed to "
                "rebuild it from the lake (docs/operating.md, Upgrading)"
            )
        return f"dbt build failed: {shown} — see {results} (ecom run --verbose: dbt's output)"
    last = [line for line in build.output_tail.splitlines() if line.strip()][-1:]
    reason = build.first_error or first_line(last[0] if last else "no output")
    return (
        f"dbt build failed (exit {build.returncode}): {reason} — see logs/dbt.log "
        "(ecom run --verbose: dbt's output)"
    )


def _rows_rejected(warehouse: Warehouse, run_id: str) -> int:
    """Rows of this run's files that the cleaning rules rejected (qa_ingest_reconciliation)."""
    _, rows = warehouse.query(
        "select coalesce(sum(rows_rejected), 0) as rows_rejected "
        f"from {warehouse.relation('qa_ingest_reconciliation')} where batch_id = '{run_id}'"
    )
    return int(str(rows[0][0])) if rows else 0


# What most often makes a file's lines mostly rejected, by the reason most of them got.
LIKELY_CAUSE = {
    "missing_required_field": "required fields are empty: check which of the export's columns "
    "give transaction_id, product_id, quantity, amount and transaction_date (a mapping file, "
    "docs/mappings.md)",
    "unparseable_transaction_date": "transaction_date is not 'YYYY-MM-DD HH:MM:SS': give the "
    "export's format as datetime_format in a mapping file (docs/mappings.md)",
    "transaction_date_out_of_range": "dates lie in the future or in the distant past: check "
    "the day/month order and time zone of the export's dates (datetime_format, timezone in a "
    "mapping file)",
    "unparseable_amount": "amount is not a number with '.' decimals: set decimal_separator, or "
    "amount_from quantity x unit price, in a mapping file (docs/mappings.md)",
    "unparseable_quantity": "quantity is not a whole number: check the column mapped to it",
    "amount_sign_mismatch": "amounts have the opposite sign to their quantities: a return is a "
    "negative quantity with a negative amount (a mapping's returns section can make credit "
    "notes negative)",
    "amount_out_of_range": "amounts are above max_line_amount: a misplaced decimal point or "
    "cents given as units",
    "zero_quantity": "lines of no units: check the column mapped to quantity",
    "unknown_line_type": "line_type values are not merchandise, shipping, fee, discount, "
    "voucher or adjustment: map them in the mapping's non_merchandise section",
    "conflicting_line_number": "line numbers repeat within an order: map the export's line "
    "number, or leave line_number empty so lines are numbered by position",
}
DOOR_CAUSE = "rows could not be read as rows of the feed: check the export's delimiter and quoting"


def rejected_share_problem(warehouse: Warehouse, run_id: str, threshold: float) -> str | None:
    """One line naming this run's landed file with the largest share of rejected rows above
    `threshold`, its top reasons and the likely cause; None when no file is above it. Rows
    replaced by a later or the same version of their order (superseded_version, duplicate_row)
    are not lost and do not count: overlapping exports are a normal day."""
    unused = " union all ".join(
        f"select '{entity}' as entity, landed_file_name, reject_reason "
        f"from {warehouse.relation('qa_rejected_' + entity)}"
        for entity in ("sales", "products", "customers")
    )
    _, files = warehouse.query(
        "select files.entity, files.landed_file_name, files.rows_landed, "
        "count(lost.reject_reason) as rows_rejected "
        f"from {warehouse.relation('qa_ingest_reconciliation')} as files "
        f"left join ({unused}) as lost on lost.entity = files.entity "
        "and lost.landed_file_name = files.landed_file_name "
        f"and lost.reject_reason not in ({VERSION_REASONS}) "
        f"where files.batch_id = '{run_id}' and files.rows_landed > 0 "
        "group by files.entity, files.landed_file_name, files.rows_landed "
        "order by count(lost.reject_reason) * 1.0 / files.rows_landed desc, "
        "files.landed_file_name"
    )
    over = [row for row in files if int(str(row[3])) > threshold * int(str(row[2]))]
    if not over:
        return None
    entity, landed_file, landed, rejected = (str(v) for v in over[0])
    quoted = landed_file.replace("'", "''")
    _, reasons = warehouse.query(
        "select reject_reason, count(*) as rows_rejected "
        f"from {warehouse.relation('qa_rejected_' + entity)} "
        f"where landed_file_name = '{quoted}' and reject_reason not in ({VERSION_REASONS}) "
        "group by reject_reason order by count(*) desc, reject_reason limit 3"
    )
    top = ", ".join(f"{reason} {int(str(count)):,}" for reason, count in reasons)
    first = str(reasons[0][0]) if reasons else ""
    cause = LIKELY_CAUSE.get(first, DOOR_CAUSE if first in DOOR_REASONS else "see the rows")
    name = landed_file.split("-", 1)[-1]
    others = f" (and {len(over) - 1} more files)" if len(over) > 1 else ""
    return (
        f"{name}: {int(rejected) / int(landed):.1%} of its {int(landed):,} {entity} rows "
        f"rejected ({top}), over the {threshold:.0%} threshold{others}: {cause}; "
        f"see qa_rejected_{entity}"
    )


def run_day(settings: Settings, options: RunOptions, day: date, command: str = "run") -> RunOutcome:
    """One daily run for `day`; never raises for a failed step: the outcome says so."""
    started = time.monotonic()
    record = RunRecord(new_batch_id(), command, day, utc_timestamp())
    events = RunEvents(record.run_id, details=not options.compact)
    outcome = RunOutcome(record)
    steps = _Steps(record, events)
    storage: Storage | None = None
    events.event(
        "run_started",
        f"ecom {command} {day} (run {record.run_id}, target {settings.dbt_target}, "
        f"lake {relative_uri(settings.lake.uri)})",
        run_date=day.isoformat(),
        command=command,
        target=settings.dbt_target,
    )
    try:
        warehouse = warehouse_for(settings)
        storage = open_lake(settings.lake)
        write_record(storage, record)
        lake = storage
        with steps.step(
            "ingest", f"[1/5] landing the feeds in the lake at {relative_uri(settings.lake.uri)}"
        ):
            outcome.landed = _land_inputs(settings, warehouse, options, lake, record, events)
            _count_landing(record, outcome.landed)
        write_record(storage, record)  # the mart built next shows this run as running
        outcome.tests = scope = data_test_scope(options, day)
        record.test_scope = scope.scope
        start_loading_models(warehouse)  # scikit-learn loads while dbt builds in its process
        with steps.step("dbt_build", f"[2/5] dbt build --target {settings.dbt_target}"):
            events.event("test_scope", f"      tests check {scope.reason}", test_scope=scope.scope)
            outcome.build = _dbt_build(settings, warehouse, options, events, scope)
            _record_build(record, outcome.build, events)
            if outcome.build.schema_changes and not options.rebuild_changed:
                for change in outcome.build.schema_changes:
                    events.event(
                        "schema_changed",
                        f"      {change.describe()}",
                        logging.ERROR,
                        model=change.model,
                        missing=change.missing,
                        extra=change.extra,
                    )
                raise SchemaChangedError(
                    _schema_changed(outcome.build.schema_changes, options, record)
                )
            if not outcome.build.ok:
                raise PipelineError(_build_error(outcome.build, settings))
        record.rows_rejected = _rows_rejected(warehouse, record.run_id)
        with steps.step("report", f"[3/5] daily report for {day}"):
            outcome.report_keys = export_daily_report(warehouse, lake, day)
            for key in outcome.report_keys:
                events.event("report_written", f"      {lake.uri(key)}", detail=True, key=key)
            record.reports_written = len(outcome.report_keys)
        with steps.step("predictions", "[4/5] customer predictions for the next 90 days"):
            outcome.predictions = predict_customers(settings, warehouse)
            events.event(
                "predictions",
                f"      {outcome.predictions.message}",
                status=outcome.predictions.status,
                customers=outcome.predictions.customers,
            )
        fingerprint = docs_fingerprint(settings.target_dir) if options.docs else None
        if options.docs and fingerprint == _docs_generated_for(settings.target_dir):
            # the same project as when catalog.json was written: the same relations and
            # columns, so the site (this build's manifest.json + that catalog) is current
            events.event("docs_up_to_date", "[5/5] dbt docs: up to date (the project is unchanged)")
            outcome.docs_ok = True
        elif options.docs:
            with steps.step("docs", "[5/5] dbt docs generate"):
                # --no-write-json: run_results.json stays the build's (the dashboard's
                # pipeline page shows its test results); catalog.json and index.html are written
                docs = ["docs", "generate", "--quiet", "--no-write-json"]
                if options.compact:
                    print(
                        "      reading every relation's columns for catalog.json (takes a while)",
                        file=sys.stderr,
                        flush=True,
                    )
                with warehouse.writing():
                    outcome.docs_ok = run_dbt(settings, docs).ok
                if outcome.docs_ok and fingerprint is not None:
                    (settings.target_dir / DOCS_FINGERPRINT).write_text(fingerprint + "\n")
        outcome.mart_rows = count_mart_rows(warehouse, settings.target_dir)
        problem = rejected_share_problem(warehouse, record.run_id, options.max_rejected_share)
        if problem is not None:
            record.status, record.exit_code = RunStatus.DATA_REJECTED, ExitCode.DATA_QUARANTINED
            record.error_message = problem
            events.event(
                "rows_rejected_over_threshold", f"ecom: {problem}", logging.WARNING, problem=problem
            )
        elif record.files_quarantined > 0:
            record.status, record.exit_code = RunStatus.DATA_QUARANTINED, ExitCode.DATA_QUARANTINED
        elif stale := [s for s in outcome.build.freshness if s.stale]:
            # the marts of the other feeds were built; a feed that stopped arriving is a data
            # problem a scheduler must see: exit 3, like a refused file
            record.status, record.exit_code = RunStatus.DATA_STALE, ExitCode.DATA_QUARANTINED
            record.error_message = "stale sources: " + "; ".join(s.describe() for s in stale)
        else:
            record.status, record.exit_code = RunStatus.SUCCEEDED, ExitCode.OK
    except Exception as exc:
        record.status, record.exit_code = RunStatus.FAILED, exit_code_for(exc)
        # one line, never a traceback: the run log, the alerts and the dashboard show it
        record.error_message = first_line(exc)
        if isinstance(exc, EcomError | duckdb.Error):
            events.event(
                "run_failed",
                f"ecom: error: {record.error_message}",
                logging.ERROR,
                error=record.error_message,
            )
        elif options.verbose or options.emf:
            log.exception("ecom %s %s: unexpected error", command, day)
        else:
            record.error_message = f"{type(exc).__name__}: {record.error_message}"
            log.error(
                "ecom: error: unexpected %s — run again with --verbose for the traceback",
                record.error_message,
            )
    finally:
        record.finished_at = utc_timestamp()
        outcome.seconds = record.duration_seconds = round(time.monotonic() - started, 3)
        _finish(storage, record, options, events)
    return outcome


# Beside catalog.json: the docs_fingerprint of the project it was generated for.
DOCS_FINGERPRINT = "catalog.fingerprint"


def docs_fingerprint(target_dir: Path) -> str | None:
    """A digest of what catalog.json describes, from the build's manifest.json: every model,
    seed, snapshot and source (its SQL's checksum, relation, yml descriptions and columns),
    the adapter and dbt's version. Equal digests: the same relations with the same columns, so
    `dbt docs generate` would write the same catalog (a large part of a small daily run).
    None without a manifest."""
    try:
        manifest = dbt_artifacts.manifest(target_dir)
    except dbt_artifacts.ArtifactMissingError:
        return None
    parts = [str(manifest.get("metadata", {}).get(key)) for key in ("dbt_version", "adapter_type")]
    for kind in ("nodes", "sources"):
        for unique_id, node in sorted(manifest.get(kind, {}).items()):
            if node.get("resource_type") in ("model", "seed", "snapshot", "source"):
                # SQL (checksum), where it lives, its yml (descriptions become comments, a
                # source's columns its relation's)
                described = {
                    key: node.get(key)
                    for key in ("checksum", "relation_name", "description", "columns", "external")
                }
                parts.append(f"{unique_id} {json.dumps(described, sort_keys=True, default=str)}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _docs_generated_for(target_dir: Path) -> str | None:
    """The fingerprint catalog.json was generated for, if it and index.html are there."""
    path = target_dir / DOCS_FINGERPRINT
    complete = all((target_dir / name).exists() for name in ("catalog.json", "index.html"))
    return path.read_text().strip() if complete and path.exists() else None


def _finish(
    storage: Storage | None, record: RunRecord, options: RunOptions, events: RunEvents
) -> None:
    """Write the final record, the metrics line and the alerts; each failure only logged."""
    if record.status == RunStatus.RUNNING:  # interrupted (Ctrl-C)
        record.status, record.exit_code = RunStatus.FAILED, ExitCode.FAILED
    if storage is not None:
        try:
            write_record(storage, record)
        except EcomError as exc:
            events.event("run_log_failed", f"run log not written: {exc}", logging.ERROR)
    if options.emf:
        print(emf_line(record), file=sys.stdout, flush=True)
    delivered = send_alerts(record, options.alerts)
    events.event(
        "run_finished",
        f"ecom {record.command} {record.run_date}: {record.status} (exit {record.exit_code}) "
        f"in {record.duration_seconds:.1f}s; run log {record.key}",
        run_date=record.run_date.isoformat(),
        status=record.status,
        exit_code=record.exit_code,
        seconds=record.duration_seconds,
        files_landed=record.files_landed,
        files_quarantined=record.files_quarantined,
        rows_landed=record.rows_landed,
        rows_rejected=record.rows_rejected,
        tests_failed=record.tests_failed,
        alerts=delivered,
        run_log_key=record.key,
    )


def days_between(first: date, last: date) -> list[date]:
    """Every day from first to last, inclusive."""
    if last < first:
        raise ConfigurationError(f"--from {first} is after --to {last}")
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def backfill(
    settings: Settings,
    options: RunOptions,
    first: date,
    last: date,
    run: Callable[[Settings, RunOptions, date, str], RunOutcome] = run_day,
) -> list[RunOutcome]:
    """One daily run per day, oldest first; stops at the first failed day."""
    outcomes = []
    for day in days_between(first, last):
        outcome = run(settings, options, day, "backfill")
        outcomes.append(outcome)
        if outcome.record.status == RunStatus.FAILED:
            break
    return outcomes


def count_mart_rows(warehouse: Warehouse, target_dir: Path) -> dict[str, int]:
    """Rows in every mart of the manifest (dbt_artifacts.mart_models), in one query on the
    warehouse; none without a manifest."""
    try:
        models = dbt_artifacts.mart_models(dbt_artifacts.manifest(target_dir))
    except dbt_artifacts.ArtifactMissingError:
        return {}
    if not models:
        return {}
    counts = " union all ".join(
        f"select '{name}' as model, count(*) as row_count from {warehouse.relation(name)}"
        for name in models
    )
    _, rows = warehouse.query(counts)
    found = {str(name): int(count) for name, count in rows}
    return {name: found[name] for name in models}


def print_summary(settings: Settings, outcome: RunOutcome, out: TextIO = sys.stdout) -> None:
    """The short report a user reads at the end of `ecom run`."""
    build = outcome.build
    record = outcome.record
    landed = Counter(r.status for r in outcome.landed)
    rows_in = sum(r.rows for r in outcome.landed if r.status == LandingStatus.LANDED)
    state = {
        RunStatus.SUCCEEDED: "OK",
        RunStatus.DATA_QUARANTINED: "OK, FILES QUARANTINED",
        RunStatus.DATA_REJECTED: "OK, ROWS REJECTED",
        RunStatus.DATA_STALE: "OK, SOURCES STALE",
    }.get(record.status, "FAILED")
    print(
        f"\necom {record.command} {state} for {record.run_date} in {outcome.seconds:.1f}s "
        f"(exit {outcome.exit_code}: {outcome.exit_code.summary})",
        file=out,
    )
    if record.error_message and record.status != RunStatus.DATA_STALE:
        label = "rejected:" if record.status == RunStatus.DATA_REJECTED else "error:   "
        print(f"  {label}  {record.error_message}", file=out)
    lake = relative_uri(settings.lake.uri)
    print(
        f"  lake:      {lake}  ({landed[LandingStatus.LANDED]} files landed "
        f"with {rows_in:,} rows, {landed[LandingStatus.ALREADY_LANDED]} already landed, "
        f"{sum(landed[s] for s in REFUSED)} quarantined"
        + (
            f", {landed[LandingStatus.NO_NEW_RECORDS]} API pull with no new records"
            if landed[LandingStatus.NO_NEW_RECORDS]
            else ""
        )
        + ")",
        file=out,
    )
    if outcome.mart_rows:
        print("  marts (rows):", file=out)
        width = max(len(name) for name in outcome.mart_rows)
        for name, count in outcome.mart_rows.items():
            print(f"    {name:<{width}}  {count:>10,}", file=out)
    models = build.count("model", "success")
    model_errors = build.count("model", "error")
    tests = {
        s: build.count("test", s) + build.count("unit_test", s)
        for s in ("pass", "warn", "fail", "error")
    }
    failed = tests["fail"] + tests["error"]
    rated = Counter(s.status for s in build.freshness)
    fresh = len(build.freshness) and rated["pass"] == len(build.freshness)
    print(
        f"  dbt:       {models} models built ({model_errors} errors), "
        f"{build.count('seed', 'success')} seeds; "
        f"tests {tests['pass']} passed, {tests['warn']} warned, {failed} failed"
        + (f"; {len(build.freshness)} sources fresh" if fresh else ""),
        file=out,
    )
    if outcome.tests is not None and build.nodes:
        print(f"  tests:     {outcome.tests.reason}", file=out)
    if build.freshness and not fresh:
        print(
            f"  freshness: {len(build.freshness)} sources: "
            + ", ".join(f"{rated[s]} {s}" for s in FRESHNESS_ORDER if rated[s]),
            file=out,
        )
        for source in build.freshness:
            if source.status != "pass":
                print(f"             {source.describe()}", file=out)
    scanned = record.data_scanned
    if scanned.get("bytes") is not None:
        print(
            f"  scanned:   {scanned['bytes']:,} bytes in {scanned['queries']} queries, "
            f"${scanned['usd']:.4f} (billed {scanned['billed_bytes']:,} bytes at "
            f"${scanned['usd_per_tb']:g}/TB)",
            file=out,
        )
    if settings.dbt_target == "duckdb":
        print(f"  warehouse: {relative(settings.duckdb_path)} (DuckDB)", file=out)
    if outcome.report_keys:
        folder = outcome.report_keys[0].rsplit("/", 1)[0]
        print(f"  report:    {lake}/{folder}/", file=out)
    if outcome.predictions is not None:
        print(f"  predict:   {outcome.predictions.summary}", file=out)
    print(f"  run log:   {lake}/{record.key}  (run {record.run_id})", file=out)
    if outcome.docs_ok:
        print(f"  docs:      {relative(settings.target_dir / 'index.html')}", file=out)
    if outcome.exit_code in (ExitCode.OK, ExitCode.DATA_QUARANTINED) and outcome.docs_ok:
        print(
            "  next:      source .venv/bin/activate && dbt docs serve   # browse the data "
            "dictionary\n"
            "             make test                                      # run every test",
            file=out,
        )


def relative(path: Path) -> str:
    """A path relative to the working directory when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def relative_uri(uri: str) -> str:
    """A lake URI for people: a local folder relative to the working directory when inside it."""
    return uri if "://" in uri else relative(Path(uri))
