"""The main job behind `make run`: sample feeds -> lake -> dbt build -> docs -> summary."""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import duckdb

from ingest.dbt_runner import DbtResults, mart_relations, run_dbt
from ingest.ingest import (
    ingest_customers_api,
    ingest_files,
    print_results,
    register_catalog,
    today_utc,
    write_report,
)
from ingest.landing import LandingResult, new_batch_id
from ingest.progress import Progress
from ingest.sample.customer_api import serve_customers
from ingest.sample.generator import GeneratorConfig, generate
from ingest.settings import Settings
from ingest.storage import Storage, open_storage


@dataclass(frozen=True)
class RunOutcome:
    """What a run did, for the summary and the exit code."""

    landed: list[LandingResult]
    build: DbtResults
    docs_ok: bool
    mart_rows: dict[str, int]
    seconds: float

    @property
    def exit_code(self) -> int:
        """0 when dbt build and docs succeeded."""
        return 0 if self.build.ok and self.docs_ok else 1


def run_sample_pipeline(
    settings: Settings, config: GeneratorConfig, out: TextIO = sys.stderr
) -> RunOutcome:
    """Generate the sample feeds, land them, build and document the dbt project."""
    started = time.monotonic()
    print(f"[1/4] generating sample data into {settings.source_dir} ...", file=out)
    sample = generate(config, settings.source_dir)
    print(
        f"      {sample.sales_rows:,} sales rows in {len(sample.sales_files)} daily files "
        f"({config.start_date} .. {config.end_date}, seed {config.seed})",
        file=out,
    )

    print(f"[2/4] landing the feeds in the lake at {settings.lake_uri} ...", file=out)
    storage = open_storage(settings.lake_uri, settings.aws_region, settings.s3_endpoint_url)
    landing_started = time.monotonic()
    batch, day = new_batch_id(), today_utc()
    sales_bytes = sum(p.stat().st_size for p in sample.sales_files)
    progress = Progress("sales", len(sample.sales_files), sales_bytes, out=out)
    by_source = {
        "sales": ingest_files(storage, "sales", sample.sales_files, batch, day, progress),
        "products": ingest_files(storage, "products", [sample.products_file], batch, day),
    }
    with serve_customers(sample.customers_file) as api:
        by_source["customers"] = [ingest_customers_api(storage, api.url, batch, day)]
    landed = [r for results in by_source.values() for r in results]
    statuses = Counter(r.status for r in landed)
    print_results([r for r in landed if r.status != "already_landed"], out)
    print("      " + ", ".join(f"{n} {s}" for s, n in sorted(statuses.items())), file=out)
    changes = register_catalog(settings)
    if changes is not None:
        print(f"      {changes.describe()}", file=out)
    for source, results in by_source.items():
        write_report(storage, source, batch, day, results, landing_started, changes)

    if settings.dbt_target == "postgres":
        load_postgres(storage, out)
    print(f"[3/4] dbt build --target {settings.dbt_target} ...", file=out)
    build = run_dbt(settings, ["build"])
    print("[4/4] dbt docs generate ...", file=out)
    # --no-write-json: run_results.json stays the build's (its test results are what the
    # dashboard's pipeline page shows); catalog.json and index.html are written as usual.
    docs = ["docs", "generate", "--quiet", "--no-write-json"]
    docs_ok = run_dbt(settings, docs).ok if build.ok else False
    rows = count_mart_rows(settings) if build.ok else {}
    return RunOutcome(landed, build, docs_ok, rows, time.monotonic() - started)


def load_postgres(storage: Storage, out: TextIO) -> None:
    """Copy newly landed files into the PostgreSQL raw tables the `postgres` target reads."""
    from ingest.postgres_loader import connect_from_env, load_landed_files

    schema = os.environ.get("ECOM_RAW_SCHEMA", "ecom_raw")
    with closing(connect_from_env()) as conn:
        results = load_landed_files(storage, conn, schema)
    loaded = [r for r in results if r.status == "loaded"]
    print(
        f"      postgres raw tables ({schema}): {len(loaded)} files loaded "
        f"({sum(r.rows for r in loaded):,} rows), {len(results) - len(loaded)} already loaded",
        file=out,
    )


def count_mart_rows(settings: Settings) -> dict[str, int]:
    """Rows in every mart model (DuckDB target: read-only connection to the warehouse file)."""
    if settings.dbt_target != "duckdb":
        return {}
    relations = mart_relations(settings.target_dir)
    with duckdb.connect(str(settings.duckdb_path), read_only=True) as con:
        counts = {}
        for name, relation in relations:
            row = con.execute(f"select count(*) from {relation}").fetchone()
            counts[name] = int(row[0]) if row else 0
    return counts


def print_summary(settings: Settings, outcome: RunOutcome, out: TextIO = sys.stdout) -> None:
    """The short report a user reads at the end of `make run`."""
    build = outcome.build
    landed = Counter(r.status for r in outcome.landed)
    rows_in = sum(r.rows for r in outcome.landed if r.status == "landed")
    state = "OK" if outcome.exit_code == 0 else "FAILED"
    print(f"\necom run {state} in {outcome.seconds:.1f}s", file=out)
    print(
        f"  lake:      {settings.lake_uri}  ({landed['landed']} files landed with "
        f"{rows_in:,} rows, {landed['already_landed']} already landed, "
        f"{landed['quarantined']} quarantined"
        + (
            f", {landed['no_new_records']} API pull with no new records"
            if landed["no_new_records"]
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
    print(
        f"  dbt:       {models} models built ({model_errors} errors), "
        f"{build.count('seed', 'success')} seeds; "
        f"tests {tests['pass']} passed, {tests['warn']} warned, {failed} failed",
        file=out,
    )
    if settings.dbt_target == "duckdb":
        print(f"  warehouse: {settings.duckdb_path} (DuckDB)", file=out)
    docs = settings.target_dir / "index.html"
    docs_line = relative(docs) if outcome.docs_ok else "not generated (see dbt output above)"
    print(f"  docs:      {docs_line}", file=out)
    print(
        "  next:      source .venv/bin/activate && dbt docs serve   # browse the data dictionary\n"
        "             make test                                      # run every test",
        file=out,
    )


def relative(path: Path) -> str:
    """A path relative to the working directory when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
