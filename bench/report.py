"""docs/benchmarks.md and docs/benchmarks/time-per-step.png from every results-*.json present,
so scales measured in separate runs end up in one document; the targets are evaluated here.

The page's prose is Markdown in bench/benchmarks.template.md: this module fills its
`{{name}}` placeholders with the measured tables and figures; the analysis section comes from
docs/benchmarks/analysis.md."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.results import STEP_TITLES, STEPS, ScaleResult, load_all

TEMPLATE = Path(__file__).with_name("benchmarks.template.md")
PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
CHART_FILE = "time-per-step.png"
ANALYSIS_FILE = "analysis.md"
ONE_M, TEN_M = 1_000_000, 10_000_000
MET, NOT_MET, NOT_MEASURED = "met", "not met", "not measured"
PIPELINE_VS_PANDAS_MAX = 1.0  # issue 16: ingest + full build with every test, at most pandas
INCREMENTAL_VS_BUILD_MAX = 0.1
INCREMENTAL_GROWTH_MAX = 1.3
QUERY_P95_MAX_MS = 100.0
PEAK_MEMORY_MAX_MB = 4096.0
HUNDRED_M = 100_000_000
COST_SCALES = (ONE_M, TEN_M, HUNDRED_M)  # the rows of the Athena cost table
ATHENA_DOLLARS_PER_TB = 5.0  # Athena SQL, per TB (10^12 bytes) scanned
ATHENA_MINIMUM_MB = 10.0  # Athena bills at least 10 MB per query


@dataclass(frozen=True)
class TargetRow:
    """One target at one scale: what was measured and whether the target is met."""

    target: str
    scale: str
    measured: str
    status: str


def scale_label(scale: int) -> str:
    """10000000 -> '10M', 200000 -> '200k', 1500 -> '1,500'."""
    for size, suffix in ((1_000_000, "M"), (1_000, "k")):
        if scale >= size and scale % size == 0:
            return f"{scale // size:,}{suffix}"
    return f"{scale:,}"


def full_pipeline_seconds(result: ScaleResult) -> float | None:
    """Median ingest + median full build, or None if either is missing."""
    ingest, build = result.step("ingest"), result.step("full_build")
    if ingest is None or build is None:
        return None
    return ingest.median_seconds + build.median_seconds


def ratio_to_pandas(result: ScaleResult, seconds: float | None) -> float | None:
    """seconds / the pandas baseline's median, or None."""
    pandas = result.step("pandas_baseline")
    if seconds is None or pandas is None or pandas.median_seconds <= 0:
        return None
    return seconds / pandas.median_seconds


def peak_memory_mb(result: ScaleResult) -> tuple[float, str] | None:
    """The largest peak of any of our steps (the dashboard queries' process included, the
    pandas baseline not: it is the comparison, not the platform) and which step it was."""
    peaks = [(step.peak_mb, step.name) for step in result.steps if step.name != "pandas_baseline"]
    queries = result.notes.get("dashboard_queries")
    if isinstance(queries, dict) and "peak_rss_mb" in queries:
        peaks.append((float(queries["peak_rss_mb"]), "dashboard_queries"))
    return max(peaks) if peaks else None


def _status(ok: bool) -> str:
    return MET if ok else NOT_MET


def evaluate_targets(results: Sequence[ScaleResult]) -> list[TargetRow]:
    """Every target met / not met from the numbers; 'not measured' where a scale is missing."""
    by_scale = {result.scale: result for result in results}
    ten = by_scale.get(TEN_M)
    rows: list[TargetRow] = []

    target = f"full pipeline (ingest + full build) ≤ {PIPELINE_VS_PANDAS_MAX}x pandas baseline"
    ratio = ratio_to_pandas(ten, full_pipeline_seconds(ten)) if ten else None
    rows.append(
        TargetRow(target, "10M", NOT_MEASURED, NOT_MEASURED)
        if ratio is None
        else TargetRow(target, "10M", f"{ratio:.2f}x", _status(ratio <= PIPELINE_VS_PANDAS_MAX))
    )

    target = f"incremental day ≤ {INCREMENTAL_VS_BUILD_MAX}x a full build"
    incremental: dict[int, float] = {}
    for scale in (ONE_M, TEN_M):
        result = by_scale.get(scale)
        day = result.step("incremental_day") if result else None
        build = result.step("full_build") if result else None
        if day is None or build is None:
            rows.append(TargetRow(target, scale_label(scale), NOT_MEASURED, NOT_MEASURED))
            continue
        incremental[scale] = day.median_seconds
        share = day.median_seconds / build.median_seconds
        rows.append(
            TargetRow(
                target,
                scale_label(scale),
                f"{share:.2f}x ({day.median_seconds:.1f} s vs {build.median_seconds:.1f} s)",
                _status(share <= INCREMENTAL_VS_BUILD_MAX),
            )
        )

    target = f"incremental day grows ≤ {INCREMENTAL_GROWTH_MAX}x from 1M to 10M history"
    if ONE_M in incremental and TEN_M in incremental:
        growth = incremental[TEN_M] / incremental[ONE_M]
        rows.append(
            TargetRow(
                target, "1M → 10M", f"{growth:.2f}x", _status(growth <= INCREMENTAL_GROWTH_MAX)
            )
        )
    else:
        rows.append(TargetRow(target, "1M → 10M", NOT_MEASURED, NOT_MEASURED))

    target = f"dashboard queries p95 ≤ {QUERY_P95_MAX_MS:.0f} ms"
    p95s = [(q.p(95) or 0.0, q.name) for q in ten.queries] if ten else []
    if p95s:
        worst, name = max(p95s)
        rows.append(
            TargetRow(
                target,
                "10M",
                f"{worst:.0f} ms (slowest: {name})",
                _status(worst <= QUERY_P95_MAX_MS),
            )
        )
    else:
        rows.append(TargetRow(target, "10M", NOT_MEASURED, NOT_MEASURED))

    target = f"peak memory ≤ {PEAK_MEMORY_MAX_MB / 1024:.0f} GB per step"
    for scale in (ONE_M, TEN_M):
        result = by_scale.get(scale)
        peak = peak_memory_mb(result) if result else None
        if peak is None:
            rows.append(TargetRow(target, scale_label(scale), NOT_MEASURED, NOT_MEASURED))
            continue
        mb, step = peak
        rows.append(
            TargetRow(
                target,
                scale_label(scale),
                f"{mb:,.0f} MB (largest: {step})",
                _status(mb <= PEAK_MEMORY_MAX_MB),
            )
        )
    return rows


def _ratio_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}x"


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:,.1f}"


def _mb(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f}"


def athena_dollars(mb: float) -> float:
    """What Athena bills for scanning `mb` MB (MiB, as measure.read_chars counts them)."""
    return mb * 1024 * 1024 / 1e12 * ATHENA_DOLLARS_PER_TB


@dataclass(frozen=True)
class CostRow:
    """The MB one step reads at one scale, measured or extrapolated, and what Athena bills
    for it; nodes: the dbt nodes it runs (each at least one query billed at least 10 MB)."""

    scale: int
    read_mb: float
    nodes: int | None
    basis: str

    @property
    def floor_mb(self) -> float | None:
        """The 10 MB minimum per query over one query per node."""
        return None if self.nodes is None else self.nodes * ATHENA_MINIMUM_MB

    @property
    def dollars(self) -> float:
        """The estimate: the bytes read, or the per-query minimum when that is larger."""
        return athena_dollars(max(self.read_mb, self.floor_mb or 0.0))


def cost_rows(results: Sequence[ScaleResult], step: str) -> list[CostRow]:
    """The step's median MB read at 1M, 10M and 100M: measured where a scale was run, else
    extrapolated from the measured scales (a straight line through the two nearest, or in
    proportion to the history from the one there is). Empty when no scale has MB read."""
    measured: dict[int, float] = {}
    nodes: dict[int, int] = {}
    for result in results:
        found = result.step(step)
        read = found.median_read_mb if found else None
        if read is None:
            continue
        measured[result.scale] = read
        counts = result.notes.get("dbt_nodes_run")
        if isinstance(counts, dict) and isinstance(counts.get(step), int):
            nodes[result.scale] = int(counts[step])
    if not measured:
        return []
    rows = []
    for scale in COST_SCALES:
        if scale in measured:
            rows.append(CostRow(scale, measured[scale], nodes.get(scale), "measured"))
            continue
        nearest = sorted(measured, key=lambda known: abs(known - scale))[:2]
        node_count = nodes.get(max(nodes)) if nodes else None  # nodes do not grow with rows
        if len(nearest) == 1:
            (known,) = nearest
            read = measured[known] * scale / known
            basis = f"extrapolated: in proportion to the history from {scale_label(known)}"
        else:
            low, high = sorted(nearest)
            slope = (measured[high] - measured[low]) / (high - low)
            read = max(0.0, measured[low] + slope * (scale - low))
            basis = (
                f"extrapolated: straight line through {scale_label(low)} and {scale_label(high)}"
            )
        rows.append(CostRow(scale, read, node_count, basis))
    return rows


def render_cost(results: Sequence[ScaleResult]) -> list[str]:
    """The Athena cost table: dollars per daily run (and per full build) by history size."""
    daily, full = cost_rows(results, "incremental_day"), cost_rows(results, "full_build")
    if not daily:
        return ["No MB read measured yet: run `make bench`."]
    lines = [
        "| history | daily run MB read | dbt nodes | 10 MB minimum MB | $ per daily run | "
        "full build MB read | $ per full build | basis |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    full_by_scale = {row.scale: row for row in full}
    for row in daily:
        build = full_by_scale.get(row.scale)
        lines.append(
            f"| {scale_label(row.scale)} rows | {row.read_mb:,.0f} | "
            f"{'—' if row.nodes is None else f'{row.nodes:,}'} | {_mb(row.floor_mb)} | "
            f"${row.dollars:,.4f} | {_mb(build.read_mb if build else None)} | "
            f"{'—' if build is None else f'${build.dollars:,.4f}'} | {row.basis} |"
        )
    return lines


def render_machine(results: Sequence[ScaleResult]) -> list[str]:
    """The machine table: one column per scale (they may have run on different days)."""
    keys = list(dict.fromkeys(key for result in results for key in result.machine))
    lines = [
        "| | " + " | ".join(scale_label(r.scale) for r in results) + " |",
        "|---|" + "---|" * len(results),
    ]
    for key in keys:
        lines.append(f"| {key} | " + " | ".join(r.machine.get(key, "") for r in results) + " |")
    lines.append("| measured at | " + " | ".join(r.measured_at for r in results) + " |")
    lines.append("| git commit | " + " | ".join(f"`{r.git_commit}`" for r in results) + " |")
    return lines


def render_scale(result: ScaleResult) -> list[str]:
    """The section of one scale: data, the step table, the ratios and the query table."""
    label = scale_label(result.scale)
    rows = result.rows
    generation = result.generation
    lines = [
        f"## {label} sales rows",
        "",
        f"{result.days - 1:,} days of history at {result.rows_per_day:,} rows a day, "
        f"{rows.get('landed_rows', 0):,} sales rows landed "
        f"({rows.get('fct_sales_rows', 0):,} in `fct_sales` after the full build); "
        f"the daily run adds {result.held_back_day} ({rows.get('held_back_rows', 0):,} rows). "
        f"{result.runs} run(s) per step. Generating the data took "
        f"{float(generation.get('seconds', 0)):.1f} s (not counted in any step"
        f"{', reused from an earlier run' if generation.get('reused') else ''}); "
        f"a cold `dbt parse` (what a fresh container adds to every dbt step) took "
        f"{float(result.notes.get('dbt_parse_cold_seconds', 0)):.1f} s.",
        "",
        "| step | median s | min-max s | peak memory MB | MB read | x pandas |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name in STEPS:
        step = result.step(name)
        if step is None:
            continue
        lines.append(
            f"| {STEP_TITLES[name]} | {step.median_seconds:,.2f} | "
            f"{min(step.wall_seconds):,.2f}-{max(step.wall_seconds):,.2f} | "
            f"{step.peak_mb:,.0f} | {_mb(step.median_read_mb)} | "
            f"{_ratio_text(ratio_to_pandas(result, step.median_seconds))} |"
        )
    pipeline = full_pipeline_seconds(result)
    if pipeline is not None:
        lines.append(
            f"| **full pipeline** (ingest + full build) | **{pipeline:,.2f}** | | | | "
            f"**{_ratio_text(ratio_to_pandas(result, pipeline))}** |"
        )
    equivalent = result.step("equivalent_step")
    lines += [
        "",
        f"- full pipeline / pandas baseline: {_ratio_text(ratio_to_pandas(result, pipeline))}",
        "- equivalent step / pandas baseline: "
        + _ratio_text(ratio_to_pandas(result, equivalent.median_seconds if equivalent else None)),
    ]
    day, build = result.step("incremental_day"), result.step("full_build")
    day_read = day.median_read_mb if day else None
    build_read = build.median_read_mb if build else None
    if day_read is not None and build_read:
        lines.append(
            f"- the daily run reads {day_read:,.0f} MB, {day_read / build_read:.2f}x what the "
            f"full build reads ({build_read:,.0f} MB); Athena estimate in *Cost on Athena*"
        )
    predicting = result.notes.get("incremental_prediction_seconds")
    if isinstance(predicting, list) and predicting:
        step, total = sorted(predicting, key=lambda pair: float(pair[1]))[len(predicting) // 2]
        rest = float(total) - float(step)
        lines.append(
            f"- the daily run's prediction step (its median run): {float(step):,.2f} s of its "
            f"steps' {float(total):,.2f} s, {float(step) / rest:.0%} on top of the rest"
            if rest > 0
            else f"- the daily run's prediction step: {float(step):,.2f} s"
        )
    queries = result.notes.get("dashboard_queries")
    if isinstance(queries, dict):
        lines.append(
            f"- dashboard queries: {queries.get('repeats')} calls per query on the marts, "
            f"{queries.get('raw_repeats')} on the raw files, after one warm-up call each; "
            f"peak memory of that process {float(queries.get('peak_rss_mb', 0)):,.0f} MB"
        )
    lines += [
        "",
        f"Dashboard queries at {label} ({result.queries_against}), uncached, in ms:",
        "",
        "| query | what the page shows | marts p50 | marts p95 | first call | raw files p50 "
        "| raw files p95 |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for query in result.queries:
        lines.append(
            f"| `{query.name}` | {query.question} | {_ms(query.p(50))} | {_ms(query.p(95))} | "
            f"{_ms(query.first_ms)} | {_ms(query.p(50, raw=True))} | {_ms(query.p(95, raw=True))} |"
        )
    return [*lines, ""]


def render_targets(rows: Sequence[TargetRow]) -> list[str]:
    """The targets table."""
    lines = ["| target | scale | measured | status |", "|---|---|---|---|"]
    for row in rows:
        status = {MET: "✅ met", NOT_MET: "❌ not met"}.get(row.status, row.status)
        lines.append(f"| {row.target} | {row.scale} | {row.measured} | {status} |")
    return lines


def fill(template: str, values: Mapping[str, str]) -> str:
    """The template with each `{{name}}` replaced by values[name]. A placeholder alone on its
    line whose value is empty goes with the blank line before it (no section, no gap)."""
    for name, value in values.items():
        if not value:
            template = template.replace(f"\n\n{{{{{name}}}}}\n", "\n")

    def replacement(match: re.Match[str]) -> str:
        if match.group(1) not in values:
            raise ValueError(f"{TEMPLATE.name}: no value for {match.group(0)}")
        return values[match.group(1)]

    return PLACEHOLDER.sub(replacement, template)


def render(results: Sequence[ScaleResult], analysis: str | None) -> str:
    """The whole of docs/benchmarks.md: the template filled with the measured tables."""
    no_results = ["No results yet: run `make bench`."]
    values = {
        "machine": "\n".join(render_machine(results) if results else no_results),
        "scales": "\n\n".join("\n".join(render_scale(result)).rstrip("\n") for result in results),
        "chart": CHART_FILE,
        "targets": "\n".join(render_targets(evaluate_targets(results))),
        "athena_dollars_per_tb": f"{ATHENA_DOLLARS_PER_TB:.0f}",
        "athena_minimum_mb": f"{ATHENA_MINIMUM_MB:.0f}",
        "cost": "\n".join(render_cost(results)),
        "analysis": "" if analysis is None else f"## Analysis\n\n{analysis.strip()}",
    }
    return fill(TEMPLATE.read_text(), values)


def write_chart(results: Sequence[ScaleResult], path: Path) -> None:
    """Grouped bars: one group per step, one bar per scale (median seconds, min-max whiskers)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    figure, axes = plt.subplots(figsize=(10, 5))
    width = 0.8 / max(1, len(results))
    medians: list[float] = []
    for index, result in enumerate(results):
        positions, heights, low, high = [], [], [], []
        for position, name in enumerate(STEPS):
            step = result.step(name)
            if step is None:
                continue
            positions.append(position + (index - (len(results) - 1) / 2) * width)
            heights.append(step.median_seconds)
            low.append(step.median_seconds - min(step.wall_seconds))
            high.append(max(step.wall_seconds) - step.median_seconds)
        medians += heights
        axes.bar(
            positions,
            heights,
            width,
            yerr=[low, high],
            capsize=3,
            label=f"{scale_label(result.scale)} rows",
        )
    axes.set_xticks(range(len(STEPS)), [name.replace("_", "\n") for name in STEPS])
    axes.set_ylabel("wall time, seconds (median of runs)")
    axes.set_title("Time per step by scale")
    positive = [value for value in medians if value > 0]
    if positive and max(positive) / min(positive) > 20:
        axes.set_yscale("log")
    if results:
        axes.legend()
    axes.grid(axis="y", alpha=0.3)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=120)
    plt.close(figure)


def write_report(docs_dir: Path) -> Path:
    """Regenerate docs/benchmarks.md and the chart from every results-*.json in docs_dir."""
    results = load_all(docs_dir)
    analysis_path = docs_dir / "benchmarks" / ANALYSIS_FILE
    analysis = analysis_path.read_text() if analysis_path.exists() else None
    write_chart(results, docs_dir / "benchmarks" / CHART_FILE)
    markdown = docs_dir / "benchmarks.md"
    markdown.write_text(render(results, analysis))
    return markdown
