"""`make bench` at a tiny scale, run as a user runs it, and the report's pure pieces."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from bench.measure import MB, measure, median, percentile
from bench.report import (
    MET,
    NOT_MEASURED,
    NOT_MET,
    athena_dollars,
    cost_rows,
    evaluate_targets,
    fill,
    render,
    scale_label,
    write_report,
)
from bench.results import STEPS, QueryResult, ScaleResult, StepResult

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
SCALE = 20_000
ROWS_PER_DAY = 5_000


def bench(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """`python -m bench ...` as a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "bench", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_tiny_bench_measures_every_step_and_writes_the_report(tmp_path: Path) -> None:
    """One run at 20k rows (two dbt builds: about a minute and a half); one test, not a
    module fixture, so test workers never run it twice."""
    work, docs = tmp_path / "work", tmp_path / "docs"
    process = bench(
        "--scale", str(SCALE), "--rows-per-day", str(ROWS_PER_DAY), "--runs", "1",
        "--query-repeats", "2", "--raw-query-repeats", "1",
        "--work-dir", str(work), "--docs-dir", str(docs),
    )  # fmt: skip
    assert process.returncode == 0, process.stdout + process.stderr
    results = json.loads((docs / "benchmarks" / f"results-{SCALE}.json").read_text())
    scale_dir = work / f"scale-{SCALE}"
    every_step_has_time_and_peak_memory(results)
    landed_rows_equal_the_generated_history_rows(results, scale_dir)
    the_daily_run_landed_exactly_the_held_back_file(results, scale_dir)
    the_pandas_baseline_wrote_the_rows_it_printed(results, scale_dir)
    every_dashboard_query_was_timed(results)
    the_report_has_the_scale_table_the_targets_and_a_png_chart(docs)


def every_step_has_time_and_peak_memory(results: dict[str, Any]) -> None:
    steps = {step["name"]: step for step in results["steps"]}
    assert list(steps) == list(STEPS)
    for step in steps.values():
        assert len(step["wall_seconds"]) == 1 and step["wall_seconds"][0] > 0
        assert step["peak_rss_mb"][0] > 0
        assert step["read_mb"][0] > 0 and step["summary"]["median_read_mb"] > 0
    # the full build reads at least the warehouse it ends with... and more than the daily run
    assert steps["full_build"]["read_mb"][0] > steps["pandas_baseline"]["read_mb"][0]
    nodes = results["notes"]["dbt_nodes_run"]
    assert nodes["full_build"] > nodes["incremental_day"] > nodes["equivalent_step"] > 0
    assert results["scale"] == SCALE
    assert results["days"] == SCALE // ROWS_PER_DAY + 1


def landed_rows_equal_the_generated_history_rows(results: dict[str, Any], scale_dir: Path) -> None:
    sales = sorted((scale_dir / "source" / "sales").glob("sales_*.csv"))
    history = sales[:-1]  # the last day is held back for the daily run
    generated = sum(len(path.read_text().splitlines()) - 1 for path in history)
    assert results["rows"]["landed_rows"] == results["rows"]["history_rows"] == generated


def the_daily_run_landed_exactly_the_held_back_file(
    results: dict[str, Any], scale_dir: Path
) -> None:
    assert results["notes"]["incremental_files_landed"] == [1]
    held_back = scale_dir / "source" / "sales" / "sales_2026-11-20.csv"
    rows = len(held_back.read_text().splitlines()) - 1
    log = (scale_dir / "logs" / "incremental_day-1.log").read_text()
    assert f"sales: 1 file landed ({rows:,} rows)" in log


def the_pandas_baseline_wrote_the_rows_it_printed(results: dict[str, Any], scale_dir: Path) -> None:
    printed = results["notes"]["pandas_baseline_rows"]
    cleaned = scale_dir / "baseline" / "sales_cleaned.parquet"
    summary = scale_dir / "baseline" / "daily_summary.parquet"
    assert pq.read_metadata(cleaned).num_rows == printed["rows_cleaned"] > 0
    assert pq.read_metadata(summary).num_rows == printed["summary_days"] == SCALE // ROWS_PER_DAY
    assert printed["rows_read"] == results["rows"]["history_rows"]


def every_dashboard_query_was_timed(results: dict[str, Any]) -> None:
    queries = {q["name"]: q for q in results["queries"]}
    assert {"totals", "top_products", "weekday_hour", "pipeline_runs"} <= set(queries)
    assert all(len(q["marts_ms"]) == 2 for q in queries.values())
    assert len(queries["totals"]["raw_ms"]) == 1


def the_report_has_the_scale_table_the_targets_and_a_png_chart(docs: Path) -> None:
    markdown = (docs / "benchmarks.md").read_text()
    assert "## 20k sales rows" in markdown
    assert "| step | median s | min-max s | peak memory MB | MB read | x pandas |" in markdown
    assert "## Targets" in markdown and "| target | scale | measured | status |" in markdown
    cost = markdown[markdown.index("## Cost on Athena") :]
    assert "| 1M rows |" in cost and "extrapolated: in proportion to the history from 20k" in cost
    chart = docs / "benchmarks" / "time-per-step.png"
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and chart.stat().st_size > 1000
    assert "time-per-step.png" in markdown


@pytest.mark.parametrize("scale", ["0", "-5"])
def test_a_scale_below_one_exits_2_with_a_clear_message(scale: str, tmp_path: Path) -> None:
    result = bench("--scale", scale, "--work-dir", str(tmp_path), "--docs-dir", str(tmp_path))
    assert result.returncode == 2
    assert f"--scale (sales rows of history) must be at least 1, not {scale}" in result.stderr
    assert not list(tmp_path.iterdir())


def test_percentile_interpolates_between_ranks() -> None:
    assert median([3.0, 1.0, 2.0]) == 2.0
    assert median([1.0, 2.0, 3.0, 4.0]) == 2.5
    assert percentile([10.0], 95) == 10.0
    assert percentile([float(v) for v in range(1, 101)], 95) == pytest.approx(95.05)
    with pytest.raises(ValueError, match="no values"):
        percentile([], 50)


def test_read_bytes_count_every_process_of_the_tree_even_short_lived_ones(
    tmp_path: Path,
) -> None:
    """A shell whose children read a 3 MB file twice, once through a pipe (the pipe's reader
    reads it again), each living a few milliseconds: far shorter than the 20 ms polling."""
    data = tmp_path / "data.bin"
    data.write_bytes(b"x" * 3 * MB)
    script = f"cat {data} > /dev/null; cat {data} | wc -c > /dev/null; true"
    result = measure([["sh", "-c", script]], tmp_path / "log.txt")
    assert result.ok
    assert result.read_mb is not None and 9 <= result.read_mb < 9.5
    two = measure([["sh", "-c", script], ["cat", str(data)]], tmp_path / "log.txt")
    assert two.read_mb is not None and 12 <= two.read_mb < 12.5  # commands add up


def result_at(
    scale: int,
    seconds: dict[str, float],
    peak_mb: float = 500.0,
    query_ms: float = 20.0,
    read_mb: dict[str, float] | None = None,
) -> ScaleResult:
    """A made-up result: each step's single run takes the given seconds (and reads the
    given MB)."""
    reads = read_mb or {}
    return ScaleResult(
        scale=scale,
        rows_per_day=10_000,
        days=scale // 10_000 + 1,
        held_back_day="2026-11-20",
        runs=1,
        measured_at="2026-11-22 10:00 UTC",
        git_commit="abc",
        machine={"cores": "2"},
        generation={"seconds": 1.0},
        rows={"landed_rows": scale},
        steps=[
            StepResult(name, [value], [peak_mb], [reads[name]] if name in reads else None)
            for name, value in seconds.items()
        ],
        queries=[QueryResult("totals", "KPIs", [query_ms] * 10, [900.0])],
        queries_against="after the full build",
        notes={"dbt_nodes_run": {"incremental_day": 300, "full_build": 320}} if reads else {},
    )


FAST = {
    "ingest": 10.0,
    "full_build": 30.0,
    "incremental_day": 2.0,
    "equivalent_step": 8.0,
    "pandas_baseline": 100.0,
}


def statuses(results: list[ScaleResult]) -> list[tuple[str, str, str]]:
    return [(row.target.split(" ≤")[0], row.scale, row.status) for row in evaluate_targets(results)]


def test_targets_are_met_or_not_from_the_numbers() -> None:
    one = result_at(1_000_000, FAST)
    ten = result_at(10_000_000, {**FAST, "incremental_day": 5.0}, peak_mb=5000, query_ms=150)
    assert statuses([one, ten]) == [
        ("full pipeline (ingest + full build)", "10M", MET),  # 40 s vs 100 s
        ("incremental day", "1M", MET),  # 2 / 30
        ("incremental day", "10M", NOT_MET),  # 5 / 30
        ("incremental day grows", "1M → 10M", NOT_MET),  # 2.5x
        ("dashboard queries p95", "10M", NOT_MET),  # 150 ms
        ("peak memory", "1M", MET),
        ("peak memory", "10M", NOT_MET),  # 5000 MB
    ]


def test_targets_of_a_missing_scale_are_not_measured() -> None:
    rows = statuses([result_at(1_000_000, FAST)])
    assert [status for _, scale, status in rows if "10M" in scale] == [NOT_MEASURED] * 5
    assert [status for _, scale, status in rows if scale == "1M"] == [MET, MET]
    assert {status for _, _, status in statuses([])} == {NOT_MEASURED}


def test_report_shows_each_scale_ratios_and_the_analysis(tmp_path: Path) -> None:
    (tmp_path / "benchmarks").mkdir()
    for result in (result_at(10_000_000, FAST), result_at(1_000_000, FAST)):
        (tmp_path / "benchmarks" / f"results-{result.scale}.json").write_text(result.to_json())
    (tmp_path / "benchmarks" / "analysis.md").write_text("The build is dominated by tests.\n")
    markdown = write_report(tmp_path).read_text()
    assert markdown.index("## 1M sales rows") < markdown.index("## 10M sales rows")
    assert "| **full pipeline** (ingest + full build) | **40.00** | | | | **0.40x** |" in markdown
    assert "- equivalent step / pandas baseline: 0.08x" in markdown
    assert "## Analysis\n\nThe build is dominated by tests." in markdown
    assert (tmp_path / "benchmarks" / "time-per-step.png").stat().st_size > 0
    assert "No results yet" in render([], None)


def test_the_page_is_its_markdown_template_filled() -> None:
    """bench/benchmarks.template.md holds the prose; render leaves no placeholder behind, and
    an empty one alone on its line leaves no gap."""
    assert fill("a\n\n{{x}}\n\n{{y}} b\n", {"x": "", "y": "1"}) == "a\n\n1 b\n"
    with pytest.raises(ValueError, match=r"no value for \{\{z\}\}"):
        fill("{{z}}", {})
    for markdown in (render([], None), render([result_at(1_000_000, FAST)], "Notes.")):
        assert "{{" not in markdown and markdown.startswith("# Benchmarks\n")
        assert "**What is measured.**" in markdown and markdown.endswith("\n")
        assert "\n\n\n" not in markdown


def test_results_without_bytes_read_still_load_and_show_a_dash(tmp_path: Path) -> None:
    """A results JSON written before the MB read were measured (no read_mb keys)."""
    old = json.loads(result_at(1_000_000, FAST).to_json())
    for step in old["steps"]:
        del step["read_mb"], step["summary"]["median_read_mb"]
    (tmp_path / "benchmarks").mkdir()
    (tmp_path / "benchmarks" / "results-1000000.json").write_text(json.dumps(old))
    markdown = write_report(tmp_path).read_text()
    build_row = (
        "| full `dbt build` (all models and tests) | 30.00 | 30.00-30.00 | 500 | — | 0.30x |"
    )
    assert build_row in markdown
    assert "No MB read measured yet" in markdown


def test_athena_cost_is_measured_or_extrapolated_and_labelled() -> None:
    reads = {"incremental_day": 1_000.0, "full_build": 5_000.0}
    one = result_at(1_000_000, FAST, read_mb=reads)
    ten = result_at(10_000_000, FAST, read_mb={"incremental_day": 1_900.0, "full_build": 50e3})
    rows = cost_rows([one, ten], "incremental_day")
    assert [(row.scale, row.read_mb, row.basis.split(":")[0]) for row in rows] == [
        (1_000_000, 1_000.0, "measured"),
        (10_000_000, 1_900.0, "measured"),
        (100_000_000, pytest.approx(10_900.0), "extrapolated"),  # 100 MB more per 1M rows
    ]
    assert rows[2].basis == "extrapolated: straight line through 1M and 10M"
    assert athena_dollars(1e12 / MB) == pytest.approx(5.0)  # $5 per TB
    assert rows[0].dollars == pytest.approx(athena_dollars(3_000))  # 300 queries x 10 MB minimum
    assert rows[1].floor_mb == 3_000 and rows[2].dollars == pytest.approx(athena_dollars(10_900))
    only_one = cost_rows([one], "full_build")
    assert [row.read_mb for row in only_one] == [5_000.0, 50_000.0, 500_000.0]
    assert only_one[2].basis == "extrapolated: in proportion to the history from 1M"
    assert cost_rows([result_at(1_000_000, FAST)], "full_build") == []
    markdown = render([one, ten], None)
    assert "| 100M rows | 10,900 | 300 | 3,000 | $0.0571 | 500,000 | $2.6214 | extrapolated" in (
        markdown
    )


def test_scale_labels() -> None:
    assert [scale_label(n) for n in (10_000_000, 1_000_000, 200_000, 1_500)] == [
        "10M",
        "1M",
        "200k",
        "1,500",
    ]
