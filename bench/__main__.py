"""`python -m bench --scale N` (`make bench SCALE=N`): measure the platform at N
sales rows of history and write docs/benchmarks/results-N.json, docs/benchmarks.md and the chart."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from bench.report import write_report
from bench.results import results_path
from bench.runner import BenchOptions, run_scale, say
from bench.steps import BenchError

REPO = Path(__file__).resolve().parents[1]
# The whole-number flags besides --scale: flag, least value, default, help.
COUNT_FLAGS = (
    ("--runs", 1, 3, "runs per step"),
    ("--rows-per-day", 1, 10_000, "sales rows a day: history has scale // rows-per-day days"),
    ("--query-repeats", 1, 30, "calls per dashboard query on the marts"),
    ("--raw-query-repeats", 0, 5, "calls per query on the raw files, 0 to skip them"),
)


def _count(minimum: int, what: str) -> Callable[[str], int]:
    """An argparse type: a whole number of at least `minimum`, with a clear message."""

    def parse(text: str) -> int:
        try:
            value = int(text.replace("_", ""))
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{what} must be a whole number, not {text!r}"
            ) from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{what} must be at least {minimum}, not {value}")
        return value

    parse.__name__ = "count"
    return parse


def build_parser() -> argparse.ArgumentParser:
    """The benchmark's flags."""
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--scale",
        type=_count(1, "--scale (sales rows of history)"),
        default=1_000_000,
        help="sales rows of history to measure (default 1000000)",
    )
    for flag, minimum, default, text in COUNT_FLAGS:
        parser.add_argument(
            flag, type=_count(minimum, flag), default=default, help=f"{text} (default {default})"
        )
    parser.add_argument(
        "--work-dir",
        type=Path,
        default=REPO / "data" / "bench",
        help="generated data, lakes, warehouses and logs (default data/bench)",
    )
    parser.add_argument(
        "--docs-dir",
        type=Path,
        default=REPO / "docs",
        help="where benchmarks.md and benchmarks/ go (default docs)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark at one scale, then rebuild the report from every scale's results."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.scale < args.rows_per_day:
        parser.error(
            f"--scale {args.scale} is less than one day of --rows-per-day {args.rows_per_day}: "
            "the history needs at least one full day"
        )
    options = BenchOptions(
        scale=args.scale,
        runs=args.runs,
        rows_per_day=args.rows_per_day,
        work_dir=args.work_dir.resolve(),
        repo=REPO,
        query_repeats=args.query_repeats,
        raw_query_repeats=args.raw_query_repeats,
    )
    try:
        result = run_scale(options)
    except BenchError as error:
        print(f"bench: error: {error}", file=sys.stderr)
        return 1
    path = results_path(args.docs_dir, args.scale)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(result.to_json())
    markdown = write_report(args.docs_dir)
    say(f"results in {path}; report {markdown}")
    for step in result.steps:
        summary = step.summary()
        print(
            f"{step.name:<16} median {summary['median_seconds']:>9.2f} s  "
            f"min-max {summary['min_seconds']:.2f}-{summary['max_seconds']:.2f} s  "
            f"peak {summary['peak_rss_mb']:>8,.0f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
