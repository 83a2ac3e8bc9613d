"""The measured steps, each a subprocess run as a user would: the real `ecom` and `dbt`
commands, the pandas baseline and the dashboard queries, over one lake folder and one
warehouse file whose paths never change (so dbt's partial parsing applies to every step)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.dataset import Dataset
from bench.measure import Measurement, measure
from ecom import dbt_artifacts

FILES_PER_COMMAND = 200  # sales files per `ecom ingest sales` call: keeps command lines short
ENV_NOT_PASSED = (  # a benchmark must not alert anyone or pull from a configured API
    "ECOM_ALERT_WEBHOOK_URL",
    "ECOM_ALERT_SNS_TOPIC_ARN",
    "ECOM_ALERT_ON_SUCCESS",
    "ECOM_CUSTOMER_API_URL",
    "ECOM_S3_ENDPOINT_URL",
)


class BenchError(Exception):
    """A measured step failed; the message says which and shows the end of its output."""


@dataclass(frozen=True)
class Workspace:
    """The folders of one scale's run under <work>/scale-<N>/."""

    root: Path

    @property
    def lake(self) -> Path:
        """The lake every step uses (rebuilt or restored before each run)."""
        return self.root / "lake"

    @property
    def warehouse(self) -> Path:
        """The DuckDB file every dbt step uses (fresh or restored before each run)."""
        return self.root / "warehouse" / "ecom.duckdb"

    @property
    def snapshot(self) -> Path:
        """The lake and warehouse right after the full build, restored for later steps."""
        return self.root / "after-full-build"

    @property
    def inbox(self) -> Path:
        """Where the held-back day's export waits for the daily run."""
        return self.root / "inbox"

    @property
    def logs(self) -> Path:
        """One log per measured run."""
        return self.root / "logs"

    @property
    def baseline_out(self) -> Path:
        """The pandas baseline's Parquet files."""
        return self.root / "baseline"


@dataclass(frozen=True)
class Bench:
    """What every step needs: the repository, the workspace, the data and the customer API."""

    repo: Path
    workspace: Workspace
    dataset: Dataset
    api_url: str

    @property
    def bin_dir(self) -> Path:
        """The virtualenv's bin/ (ecom, dbt, python)."""
        return Path(sys.executable).parent

    def ecom(self, *args: str) -> list[str]:
        """An `ecom` command on the workspace lake."""
        return [str(self.bin_dir / "ecom"), "--lake", str(self.workspace.lake), *args]

    def dbt(self, *args: str) -> list[str]:
        """A `dbt` command (the project is the working directory); `--target duckdb` as
        `ecom run` passes it, else dbt sees a changed config and parses the project anew."""
        return [str(self.bin_dir / "dbt"), *args, "--target", "duckdb"]

    def env(self) -> dict[str, str]:
        """The environment of every step: the workspace lake, warehouse and dbt folders."""
        env = {k: v for k, v in os.environ.items() if k not in ENV_NOT_PASSED}
        env.update(
            ECOM_DBT_TARGET="duckdb",
            ECOM_LAKE_URI=str(self.workspace.lake),
            ECOM_DUCKDB_PATH=str(self.workspace.warehouse),
            DBT_TARGET_PATH=str(self.workspace.root / "target"),
            DBT_LOG_PATH=str(self.workspace.root / "dbt-logs"),
            DBT_PROFILES_DIR=str(self.repo / "profiles"),
            DBT_SEND_ANONYMOUS_USAGE_STATS="false",
        )
        return env

    def run(self, name: str, run_no: int, commands: Sequence[Sequence[str]]) -> Measurement:
        """Measure commands as one run of a step; BenchError with the output tail on failure."""
        log = self.workspace.logs / f"{name}-{run_no}.log"
        result = measure(commands, log, env=self.env(), cwd=self.repo)
        if not result.ok:
            raise BenchError(
                f"step {name} (run {run_no}) exited {result.returncode}; log {log}, last lines:\n"
                + result.tail()
            )
        return result


def _remove(path: Path) -> None:
    """Delete a file or folder if it exists."""
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def _fresh_warehouse(bench: Bench) -> None:
    """No warehouse file (dbt creates it), its folder present."""
    warehouse = bench.workspace.warehouse
    for path in (warehouse, warehouse.with_name(warehouse.name + ".wal")):
        path.unlink(missing_ok=True)
    warehouse.parent.mkdir(parents=True, exist_ok=True)


def _restore_lake(bench: Bench) -> None:
    """The lake as it was right after the full build (history only)."""
    _remove(bench.workspace.lake)
    shutil.copytree(bench.workspace.snapshot / "lake", bench.workspace.lake)


def warm_up_dbt(bench: Bench) -> Measurement:
    """`dbt parse` once, so every measured dbt command parses partially, as on a machine that
    ran yesterday (a fresh container parses fully: the time is reported)."""
    _remove(bench.workspace.root / "target")
    return bench.run("dbt_parse_cold", 1, [bench.dbt("parse")])


def ingest(bench: Bench, run_no: int) -> Measurement:
    """Land the full history in a new lake with the real CLI: sales, catalog, customer pull."""
    _remove(bench.workspace.lake)
    files = [str(path) for path in bench.dataset.history_files]
    commands = [
        bench.ecom("ingest", "sales", *files[start : start + FILES_PER_COMMAND], "--strict")
        for start in range(0, len(files), FILES_PER_COMMAND)
    ]
    commands.append(bench.ecom("ingest", "products", str(bench.dataset.products_file), "--strict"))
    commands.append(bench.ecom("ingest", "customers", "--api-url", bench.api_url, "--strict"))
    return bench.run("ingest", run_no, commands)


def full_build(bench: Bench, run_no: int) -> Measurement:
    """`dbt build` (every model, snapshot, seed, test) into a new warehouse."""
    _fresh_warehouse(bench)
    return bench.run("full_build", run_no, [bench.dbt("build")])


def snapshot_after_full_build(bench: Bench) -> None:
    """Keep copies of the lake and warehouse as the full build left them."""
    snapshot = bench.workspace.snapshot
    _remove(snapshot)
    shutil.copytree(bench.workspace.lake, snapshot / "lake")
    shutil.copy2(bench.workspace.warehouse, snapshot / "ecom.duckdb")


def incremental_day(bench: Bench, run_no: int) -> Measurement:
    """The real daily run for the held-back day on a fresh copy of the built history."""
    _restore_lake(bench)
    _fresh_warehouse(bench)
    shutil.copy2(bench.workspace.snapshot / "ecom.duckdb", bench.workspace.warehouse)
    # the copies' dirty pages are written out now, not by the kernel during the measured run
    # (at 10M rows, 1.5 GB: the writeback moved the daily run by seconds)
    os.sync()
    inbox = bench.workspace.inbox
    _remove(inbox)
    (inbox / "sales").mkdir(parents=True)
    shutil.copy2(bench.dataset.held_back_file, inbox / "sales")
    day = bench.dataset.held_back_day.isoformat()
    command = bench.ecom(
        "run", "--date", day, "--inbox", str(inbox), "--api-url", bench.api_url, "--no-docs"
    )
    return bench.run("incremental_day", run_no, [command])


def predictions(bench: Bench, run_no: int) -> Measurement:
    """The prediction step of `ecom run` on its own (`python -m ecom.predictions`): features
    of every customer, training, scoring and writing the scores, on a copy of the warehouse
    of the full build (a history under 180 days is not scored: the step says so and ends)."""
    _fresh_warehouse(bench)
    shutil.copy2(bench.workspace.snapshot / "ecom.duckdb", bench.workspace.warehouse)
    os.sync()
    return bench.run("predictions", run_no, [[sys.executable, "-m", "ecom.predictions"]])


def incremental_run_record(bench: Bench) -> dict[str, object]:
    """The run log record the last daily run wrote (files and rows it landed)."""
    day = bench.dataset.held_back_day.isoformat()
    records = sorted((bench.workspace.lake / "_ops" / "runs" / f"run_date={day}").glob("*.json"))
    if not records:
        raise BenchError(f"the daily run for {day} wrote no run log record")
    record: dict[str, object] = json.loads(records[-1].read_text())
    return record


def dbt_nodes_run(bench: Bench) -> int | None:
    """How many nodes (models, seeds, snapshots, tests) the last dbt command ran, from its
    run_results.json: on Athena each is at least one query, so at least one 10 MB minimum
    charge. None when there is no readable run_results.json."""
    try:
        results = dbt_artifacts.run_results(bench.workspace.root / "target").get("results")
    except dbt_artifacts.ArtifactError:
        return None
    return len(results) if isinstance(results, list) else None


def equivalent_step(bench: Bench, run_no: int) -> Measurement:
    """What the pandas baseline does, in our pipeline: landed CSV to the daily summary mart."""
    _restore_lake(bench)
    _fresh_warehouse(bench)
    return bench.run(
        "equivalent_step", run_no, [bench.dbt("run", "--select", "+rpt_daily_sales_summary")]
    )


def pandas_baseline(bench: Bench, run_no: int) -> Measurement:
    """The pandas transform over the same landed history sales CSVs."""
    _restore_lake(bench)
    _remove(bench.workspace.baseline_out)
    command = [
        sys.executable,
        "-m",
        "bench.baseline",
        "--input",
        str(bench.workspace.lake / "landing" / "sales"),
        "--out",
        str(bench.workspace.baseline_out),
    ]
    return bench.run("pandas_baseline", run_no, [command])


def baseline_counts(measurement: Measurement) -> dict[str, int]:
    """The row counts the baseline printed (rows_read=.. rows_cleaned=.. summary_days=..)."""
    for line in reversed(measurement.tail().splitlines()):
        if line.startswith("rows_read="):
            return {key: int(value) for key, value in (p.split("=") for p in line.split())}
    raise BenchError(f"the pandas baseline printed no row counts; see {measurement.log_file}")


def dashboard_queries(bench: Bench, out: Path, repeats: int, raw_repeats: int) -> Measurement:
    """Every dashboard query on the warehouse of the full build, and the raw equivalents."""
    _restore_lake(bench)
    command = [
        sys.executable,
        "-m",
        "bench.queries",
        "--warehouse",
        str(bench.workspace.snapshot / "ecom.duckdb"),
        "--lake",
        str(bench.workspace.lake),
        "--repeats",
        str(repeats),
        "--raw-repeats",
        str(raw_repeats),
        "--out",
        str(out),
    ]
    return bench.run("dashboard_queries", 1, [command])


def landed_rows(lake: Path, source: str = "sales") -> int:
    """Rows of every file the lake's manifest records as landed for a source."""
    total = 0
    for entry in (lake / "_manifest" / source).glob("*.json"):
        payload = json.loads(entry.read_text())
        if payload.get("status") == "landed":
            total += int(payload["rows"])
    return total


def free_port() -> int:
    """A TCP port on 127.0.0.1 nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def customer_api(customers_file: Path, log_file: Path, timeout: float = 60.0) -> Iterator[str]:
    """`ecom serve-customers` in the background for the whole benchmark; yields its URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [
        str(Path(sys.executable).parent / "ecom"),
        "serve-customers",
        "--customers-file",
        str(customers_file),
        "--port",
        str(port),
    ]
    log_file.parent.mkdir(parents=True, exist_ok=True)
    with log_file.open("w") as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise BenchError(f"the customer API did not start; see {log_file}")
            time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
