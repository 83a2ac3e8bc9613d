"""The benchmark's results for one scale, as written to docs/benchmarks/results-<scale>.json."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench.measure import median, percentile

# The measured steps, in the order they run and are reported.
STEPS = (
    "ingest",
    "full_build",
    "incremental_day",
    "predictions",
    "equivalent_step",
    "pandas_baseline",
)
STEP_TITLES = {
    "ingest": "ingest (full history: sales, catalog, customer API)",
    "full_build": "full `dbt build` (all models and tests)",
    "incremental_day": "incremental daily run (`ecom run`, one more day)",
    "predictions": "its prediction step alone (`python -m ecom.predictions`)",
    "equivalent_step": "equivalent step (`dbt run -s +rpt_daily_sales_summary`)",
    "pandas_baseline": "pandas baseline (the daily summary in pandas)",
    "dashboard_queries": "dashboard queries (all, marts and raw)",
}


@dataclass(frozen=True)
class StepResult:
    """Every run of one step: wall seconds, peak RSS (MB) and MB read (measure.read_chars;
    None in results written before it was measured, or where the OS does not count it) of
    its process tree."""

    name: str
    wall_seconds: list[float]
    peak_rss_mb: list[float]
    read_mb: list[float] | None = None

    @property
    def median_seconds(self) -> float:
        """Median wall time over the runs."""
        return median(self.wall_seconds)

    @property
    def peak_mb(self) -> float:
        """The largest peak memory of any run."""
        return max(self.peak_rss_mb)

    @property
    def median_read_mb(self) -> float | None:
        """Median MB read over the runs, None when not measured."""
        return median(self.read_mb) if self.read_mb else None

    def summary(self) -> dict[str, float | None]:
        """Median, min, max seconds, the peak MB and the median MB read, for readers of the
        JSON."""
        read = self.median_read_mb
        return {
            "median_seconds": round(self.median_seconds, 3),
            "min_seconds": round(min(self.wall_seconds), 3),
            "max_seconds": round(max(self.wall_seconds), 3),
            "peak_rss_mb": round(self.peak_mb, 1),
            "median_read_mb": None if read is None else round(read, 1),
        }


@dataclass(frozen=True)
class QueryResult:
    """One dashboard question: milliseconds per call on the marts and (if asked) the raw files."""

    name: str
    question: str
    marts_ms: list[float]
    raw_ms: list[float] | None = None
    first_ms: float | None = None  # the warm-up call on the marts: what the first visit costs

    def p(self, q: float, raw: bool = False) -> float | None:
        """The q-th percentile in ms on the marts (or raw; None when not asked raw)."""
        samples = self.raw_ms if raw else self.marts_ms
        return percentile(samples, q) if samples else None


@dataclass
class ScaleResult:
    """Everything measured at one scale."""

    scale: int
    rows_per_day: int
    days: int
    held_back_day: str
    runs: int
    measured_at: str
    git_commit: str
    machine: dict[str, str]
    generation: dict[str, Any]
    rows: dict[str, int]
    steps: list[StepResult]
    queries: list[QueryResult]
    queries_against: str
    notes: dict[str, Any] = field(default_factory=dict)

    def step(self, name: str) -> StepResult | None:
        """The step of that name, if measured."""
        return next((s for s in self.steps if s.name == name), None)

    def to_json(self) -> str:
        """The result with per-step summaries and per-query percentiles added for readers."""
        payload = asdict(self)
        for step, raw in zip(self.steps, payload["steps"], strict=True):
            raw["summary"] = step.summary()
        for query, raw in zip(self.queries, payload["queries"], strict=True):
            raw["summary"] = {
                key: None if value is None else round(value, 2)
                for key, value in {
                    "marts_p50_ms": query.p(50),
                    "marts_p95_ms": query.p(95),
                    "raw_p50_ms": query.p(50, raw=True),
                    "raw_p95_ms": query.p(95, raw=True),
                }.items()
            }
        return json.dumps(payload, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str) -> ScaleResult:
        """Read a result written by to_json (the added summaries are recomputed, not read)."""
        payload = json.loads(text)
        steps = [
            StepResult(
                s["name"],
                list(s["wall_seconds"]),
                list(s["peak_rss_mb"]),
                None if s.get("read_mb") is None else list(s["read_mb"]),
            )
            for s in payload.pop("steps")
        ]
        queries = [
            QueryResult(
                q["name"], q["question"], list(q["marts_ms"]), q.get("raw_ms"), q.get("first_ms")
            )
            for q in payload.pop("queries")
        ]
        return cls(steps=steps, queries=queries, **payload)


def results_path(docs_dir: Path, scale: int) -> Path:
    """docs/benchmarks/results-<scale>.json."""
    return docs_dir / "benchmarks" / f"results-{scale}.json"


def load_all(docs_dir: Path) -> list[ScaleResult]:
    """Every results-*.json under docs/benchmarks/, smallest scale first."""
    found = [
        ScaleResult.from_json(path.read_text())
        for path in (docs_dir / "benchmarks").glob("results-*.json")
    ]
    return sorted(found, key=lambda result: result.scale)
