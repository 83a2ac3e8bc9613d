"""The benchmark's data: the sample generator at a scale, with a constant daily volume so the
history (days) grows with the scale, split into the history and one held-back last day."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

from ecom.sample.generator import GeneratorConfig, generate

END_DATE = date(2026, 11, 20)
SEED = 42
PRODUCTS = 500
MIN_CUSTOMERS = 20_000
SALES_ROWS_PER_CUSTOMER = 50


def generator_config(scale: int, rows_per_day: int) -> GeneratorConfig:
    """The sample for `scale` rows of history at `rows_per_day`, plus one more day held back."""
    days = scale // rows_per_day + 1
    return GeneratorConfig(
        seed=SEED,
        end_date=END_DATE,
        days=days,
        sales_rows=rows_per_day * days,
        products=PRODUCTS,
        customers=max(MIN_CUSTOMERS, scale // SALES_ROWS_PER_CUSTOMER),
    )


def config_json(config: GeneratorConfig) -> str:
    """The config as JSON (dates as ISO strings), written beside the generated files."""
    return json.dumps(asdict(config), default=str, indent=2, sort_keys=True)


def config_from_json(text: str) -> GeneratorConfig:
    """Read a config written by config_json."""
    values = json.loads(text)
    values["end_date"] = date.fromisoformat(values["end_date"])
    return GeneratorConfig(**values)


@dataclass(frozen=True)
class Dataset:
    """The generated feeds, the sales files split into history and the held-back day."""

    source_dir: Path
    config: GeneratorConfig
    history_files: list[Path]
    held_back_file: Path
    products_file: Path
    customers_file: Path

    @property
    def held_back_day(self) -> date:
        """The last day of the sample, landed only by the incremental daily run."""
        return self.config.end_date

    @property
    def history_rows(self) -> int:
        """Sales lines in the history files (header lines not counted)."""
        return sum(count_csv_rows(path) for path in self.history_files)

    @property
    def held_back_rows(self) -> int:
        """Sales lines in the held-back day's file."""
        return count_csv_rows(self.held_back_file)


def count_csv_rows(path: Path) -> int:
    """Lines of a CSV file without its header (the generator writes no embedded newlines)."""
    with path.open("rb") as handle:
        return max(0, sum(1 for _ in handle) - 1)


def is_current(source_dir: Path, config: GeneratorConfig) -> bool:
    """Whether source_dir holds a complete sample generated with exactly this config."""
    marker = source_dir / "config.json"
    if not marker.exists():
        return False
    try:
        same = config_from_json(marker.read_text()) == config
    except (ValueError, TypeError, KeyError):
        return False
    return same and all(
        path.exists() for path in sales_files(source_dir, config) + feed_files(source_dir)
    )


def sales_files(source_dir: Path, config: GeneratorConfig) -> list[Path]:
    """The daily sales exports the generator writes for this config, oldest first."""
    return [
        source_dir / "sales" / f"sales_{(config.start_date + timedelta(days=i)).isoformat()}.csv"
        for i in range(config.days)
    ]


def feed_files(source_dir: Path) -> list[Path]:
    """The product catalog and the customers file."""
    return [source_dir / "products" / "products.json", source_dir / "customers" / "customers.json"]


def load(source_dir: Path, config: GeneratorConfig) -> Dataset:
    """The generated sample in source_dir, split into history and held-back day."""
    files = sales_files(source_dir, config)
    products, customers = feed_files(source_dir)
    return Dataset(source_dir, config, files[:-1], files[-1], products, customers)


def write(source_dir: Path, config: GeneratorConfig) -> None:
    """Generate the sample into source_dir, then write config.json (last: marks it complete)."""
    marker = source_dir / "config.json"
    marker.unlink(missing_ok=True)
    generate(config, source_dir)
    marker.write_text(config_json(config))


def main(argv: list[str] | None = None) -> int:
    """`python -m bench.dataset --config FILE --out DIR`: generate in a process of
    its own, so the benchmark can measure it (and its memory is returned when it ends)."""
    parser = argparse.ArgumentParser(prog="python -m bench.dataset")
    parser.add_argument("--config", type=Path, required=True, help="config.json to generate")
    parser.add_argument("--out", type=Path, required=True, help="the sample's folder")
    args = parser.parse_args(argv)
    config = config_from_json(args.config.read_text())
    write(args.out, config)
    print(f"generated {config.days} days, about {config.sales_rows:,} sales rows in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
