"""The demo: the generated sample as an input like any inbox.

`ecom run` and `ecom backfill` without --inbox (what `make run` runs) are the demo. It writes the
sample (--rows, --days, --end-date, --seed, ...) into the source folder (ECOM_SOURCE_DIR,
default data/source/ of the project), whose sales/ and products/ are an inbox as --inbox reads
one: a sales_<day>.csv a day, due in the run for its day and later ones, and products.json,
due in every run. It serves customers/customers.json on 127.0.0.1 as `ecom serve-customers`
does (unless --api-url or ECOM_CUSTOMER_API_URL names an API) and then runs exactly what
`ecom run --inbox <source folder> --api-url <that URL>` runs.

The daily run (ecom/daily_run.py) knows inboxes and APIs, not the demo: this module imports it,
never the other way round.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import date
from pathlib import Path

from ecom.daily_run import RunOptions, due_by
from ecom.events import RunEvents
from ecom.sample.customer_api import serve_customers
from ecom.sample.generator import GeneratorConfig, generate
from ingest.errors import ConfigurationError, EcomError


def check_demo_days(config: GeneratorConfig, days: Iterable[date]) -> None:
    """A demo run is for a day inside the sample; raises ConfigurationError otherwise."""
    first, last = config.start_date, config.end_date
    for day in days:
        if not first <= day <= last:
            raise ConfigurationError(
                f"--date {day} is outside the sample ({first} .. {last}); choose a day in it or "
                f"move the sample with --end-date/--days"
            )


def _say_due(config: GeneratorConfig, sales: list[Path], day: date, events: RunEvents) -> None:
    """The run's first landing line: how many of the sample's sales files are due by `day`."""
    due = len(due_by(sales, day))
    events.event(
        "sample_generated",
        f"      sample: {due} of {len(sales)} daily sales files are due by {day} "
        f"({config.start_date} .. {config.end_date}, seed {config.seed})",
        files=due,
    )


@contextmanager
def demo_inbox(
    config: GeneratorConfig, source_dir: Path, options: RunOptions
) -> Iterator[RunOptions]:
    """Generate the sample into `source_dir` and, while the block runs, serve its customers;
    yields `options` as `ecom run --inbox <source_dir> --api-url <the served URL>` makes them
    (an api_url given already is kept, and the sample's customers are not served)."""
    try:
        sample = generate(config, source_dir)
    except OSError as exc:
        raise EcomError(f"the sample could not be written to {source_dir}: {exc}") from exc
    with ExitStack() as stack:
        api_url = options.api_url
        if not api_url:
            api_url = stack.enter_context(serve_customers(sample.customers_file)).url
        yield dataclasses.replace(
            options,
            inbox=source_dir,
            api_url=api_url,
            inbox_origin=functools.partial(_say_due, config, sample.sales_files),
        )
