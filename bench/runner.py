"""One benchmark at one scale: prepare the data, run every step `runs` times, collect results."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bench import dataset, steps
from bench.machine import git_commit, machine_info
from bench.measure import Measurement, measure
from bench.results import STEPS, QueryResult, ScaleResult, StepResult
from bench.steps import Bench, BenchError, Workspace
from ecom.warehouse import Warehouse

# the steps in the order of results.STEPS
STEP_FUNCTIONS: dict[str, Callable[[Bench, int], Measurement]] = {
    "ingest": steps.ingest,
    "full_build": steps.full_build,
    "incremental_day": steps.incremental_day,
    "predictions": steps.predictions,
    "equivalent_step": steps.equivalent_step,
    "pandas_baseline": steps.pandas_baseline,
}

DBT_STEPS = ("full_build", "incremental_day", "equivalent_step")  # each ends with a dbt command


@dataclass(frozen=True)
class BenchOptions:
    """What to measure and where (the command line's flags)."""

    scale: int
    runs: int
    rows_per_day: int
    work_dir: Path
    repo: Path
    query_repeats: int
    raw_query_repeats: int


def say(message: str) -> None:
    """Progress for the person waiting, on stderr."""
    print(f"bench: {message}", file=sys.stderr, flush=True)


def prepare_data(
    options: BenchOptions, workspace: Workspace
) -> tuple[dataset.Dataset, dict[str, object]]:
    """Generate the sample (in a process of its own, measured) or reuse it if its config matches."""
    config = dataset.generator_config(options.scale, options.rows_per_day)
    source = workspace.root / "source"
    stats_file = source / "generation.json"
    if dataset.is_current(source, config) and stats_file.exists():
        stats = json.loads(stats_file.read_text())
        say(f"reusing the sample in {source} (generated in {stats['seconds']:.1f} s)")
        return dataset.load(source, config), {**stats, "reused": True}
    say(f"generating {config.days} days x {options.rows_per_day:,} rows into {source}")
    source.mkdir(parents=True, exist_ok=True)
    config_file = workspace.root / "generator-config.json"
    config_file.write_text(dataset.config_json(config))
    command = [
        sys.executable,
        "-m",
        "bench.dataset",
        "--config",
        str(config_file),
        "--out",
        str(source),
    ]
    result = measure([command], workspace.logs / "generate.log", cwd=options.repo)
    if not result.ok:
        raise BenchError(f"generating the sample failed:\n{result.tail()}")
    stats = {"seconds": round(result.wall_seconds, 3), "peak_rss_mb": round(result.peak_rss_mb, 1)}
    stats_file.write_text(json.dumps(stats))
    return dataset.load(source, config), {**stats, "reused": False}


def repeat(
    bench: Bench, name: str, runs: int, after: Callable[[Measurement], None] | None = None
) -> tuple[StepResult, list[Measurement]]:
    """Run one step `runs` times (calling `after` after each run, e.g. to check its outcome)."""
    step = STEP_FUNCTIONS[name]
    measurements = []
    for run_no in range(1, runs + 1):
        measurement = step(bench, run_no)
        read = measurement.read_mb
        say(
            f"{name} run {run_no}/{runs}: {measurement.wall_seconds:.2f} s, "
            f"peak {measurement.peak_rss_mb:,.0f} MB, "
            + ("read not counted" if read is None else f"read {read:,.0f} MB")
        )
        if after is not None:
            after(measurement)
        measurements.append(measurement)
    reads = [m.read_mb for m in measurements]
    result = StepResult(
        name,
        [round(m.wall_seconds, 3) for m in measurements],
        [round(m.peak_rss_mb, 1) for m in measurements],
        None if None in reads else [round(float(r or 0), 1) for r in reads],
    )
    return result, measurements


def count_rows(repo: Path, warehouse: Path, model: str) -> int:
    """Rows of a mart in a DuckDB warehouse file (opened read-only, as ecom opens it)."""
    environ = {**os.environ, "ECOM_DUCKDB_PATH": str(warehouse)}
    found = Warehouse.for_target("duckdb", repo, environ)
    _, rows = found.query(f"select count(*) from {found.relation(model)}")
    return int(rows[0][0]) if rows else 0


def run_scale(options: BenchOptions) -> ScaleResult:
    """Every step at one scale; raises BenchError when a step fails."""
    workspace = Workspace(options.work_dir / f"scale-{options.scale}")
    data, generation = prepare_data(options, workspace)
    history_rows, held_back_rows = data.history_rows, data.held_back_rows
    say(
        f"{history_rows:,} history rows in {len(data.history_files)} files, "
        f"{held_back_rows:,} held back for {data.held_back_day}"
    )
    results: list[StepResult] = []
    notes: dict[str, object] = {}
    incremental_landed: list[int] = []
    predicting: list[tuple[float, float]] = []  # (prediction step, all steps) per daily run
    dbt_nodes: dict[str, int] = {}
    with steps.customer_api(data.customers_file, workspace.logs / "customer-api.log") as url:
        bench = Bench(options.repo, workspace, data, url)
        parse = steps.warm_up_dbt(bench)
        notes["dbt_parse_cold_seconds"] = round(parse.wall_seconds, 3)

        def check_incremental(measurement: Measurement) -> None:
            record = steps.incremental_run_record(bench)
            incremental_landed.append(int(str(record.get("files_landed", 0))))
            # the run's own step times: what its prediction step adds to the rest of the run
            logged = record.get("steps")
            timed = {
                str(s.get("name")): float(s.get("seconds") or 0)
                for s in (logged if isinstance(logged, list) else [])
            }
            predicting.append((timed.get("predictions", 0.0), sum(timed.values())))
            if incremental_landed[-1] != 1:
                raise BenchError(
                    f"the daily run landed {incremental_landed[-1]} files, expected the "
                    f"held-back day's one; see {measurement.log_file}"
                )

        for name in STEPS:
            after = check_incremental if name == "incremental_day" else None
            result, measured = repeat(bench, name, options.runs, after)
            if name == "full_build":
                steps.snapshot_after_full_build(bench)
            if name == "pandas_baseline":
                notes["pandas_baseline_rows"] = steps.baseline_counts(measured[-1])
            if name in DBT_STEPS:
                nodes = steps.dbt_nodes_run(bench)
                if nodes is not None:
                    dbt_nodes[name] = nodes
            results.append(result)
        notes["dbt_nodes_run"] = dbt_nodes
        say(
            f"dashboard queries ({options.query_repeats} calls each, "
            f"{options.raw_query_repeats} on the raw files)"
        )
        queries_file = workspace.root / "queries.json"
        queries = steps.dashboard_queries(
            bench, queries_file, options.query_repeats, options.raw_query_repeats
        )
    notes["dashboard_queries"] = {
        "wall_seconds": round(queries.wall_seconds, 3),
        "peak_rss_mb": round(queries.peak_rss_mb, 1),
        "read_mb": None if queries.read_mb is None else round(queries.read_mb, 1),
        "repeats": options.query_repeats,
        "raw_repeats": options.raw_query_repeats,
    }
    notes["incremental_files_landed"] = incremental_landed
    notes["incremental_prediction_seconds"] = [list(pair) for pair in predicting]
    rows = {
        "history_rows": history_rows,
        "held_back_rows": held_back_rows,
        "landed_rows": steps.landed_rows(workspace.snapshot / "lake"),
        "fct_sales_rows": count_rows(options.repo, workspace.snapshot / "ecom.duckdb", "fct_sales"),
    }
    return ScaleResult(
        scale=options.scale,
        rows_per_day=options.rows_per_day,
        days=data.config.days,
        held_back_day=data.held_back_day.isoformat(),
        runs=options.runs,
        measured_at=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        git_commit=git_commit(options.repo),
        machine=machine_info(),
        generation={**generation, "config": json.loads(dataset.config_json(data.config))},
        rows=rows,
        steps=results,
        queries=[
            QueryResult(q["name"], q["question"], q["marts_ms"], q.get("raw_ms"), q.get("first_ms"))
            for q in json.loads(queries_file.read_text())
        ],
        queries_against="the warehouse right after the full build",
        notes=notes,
    )
