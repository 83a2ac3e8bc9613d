"""The demo (ecom/sample/demo.py): the sample as an inbox and a served customer API, run as
`ecom run --inbox --api-url` runs; the daily run imports nothing of the sample."""

from __future__ import annotations

import ast
import json
import logging
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path

import pytest

from ecom.daily_run import RunOptions, due_by
from ecom.events import RunEvents
from ecom.sample.demo import check_demo_days, demo_inbox
from ecom.sample.generator import GeneratorConfig
from ingest.batch import inbox_files
from ingest.errors import ConfigurationError

pytestmark = pytest.mark.unit

CONFIG = GeneratorConfig(
    seed=5, end_date=date(2026, 11, 20), days=3, sales_rows=300, customers=40, products=20
)
DAILY_RUN = Path(__file__).resolve().parents[2] / "ecom" / "daily_run.py"


def test_the_demo_is_an_inbox_and_an_api_run_as_any_other(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = tmp_path / "source"
    with demo_inbox(CONFIG, source, RunOptions(verbose=True)) as options:
        assert (options.inbox, options.verbose) == (source, True)
        # the inbox's rules: a sales file is due from its day on, the catalog every day
        due = due_by(inbox_files(source / "sales"), date(2026, 11, 19))
        assert [p.name for p in due] == ["sales_2026-11-18.csv", "sales_2026-11-19.csv"]
        assert [p.name for p in inbox_files(source / "products")] == ["products.json"]
        assert options.api_url is not None
        with urllib.request.urlopen(f"{options.api_url}/customers?page=1") as answer:
            assert json.loads(answer.read())["total"] == CONFIG.customers
        assert options.inbox_origin is not None
        with caplog.at_level(logging.INFO, logger="ecom.run"):
            options.inbox_origin(date(2026, 11, 19), RunEvents("run-1"))
    [said] = [r for r in caplog.records if getattr(r, "event", None) == "sample_generated"]
    assert said.getMessage() == (
        "      sample: 2 of 3 daily sales files are due by 2026-11-19 "
        "(2026-11-18 .. 2026-11-20, seed 5)"
    )
    assert (said.__dict__["run_id"], said.__dict__["fields"]) == ("run-1", {"files": 2})
    with pytest.raises(urllib.error.URLError):  # served while the block ran, not after
        urllib.request.urlopen(f"{options.api_url}/customers?page=1", timeout=5)


def test_a_given_customer_api_is_pulled_instead_of_the_samples(tmp_path: Path) -> None:
    given = RunOptions(api_url="http://127.0.0.1:9/customers-elsewhere")
    with demo_inbox(CONFIG, tmp_path / "source", given) as options:
        assert options.api_url == given.api_url
        assert (tmp_path / "source" / "customers" / "customers.json").is_file()


def test_a_day_outside_the_sample_is_a_usage_error() -> None:
    check_demo_days(CONFIG, [date(2026, 11, 18), date(2026, 11, 20)])
    with pytest.raises(ConfigurationError, match=r"--date 2026-11-21 is outside the sample "):
        check_demo_days(CONFIG, [date(2026, 11, 20), date(2026, 11, 21)])


def test_the_daily_run_imports_nothing_of_the_sample() -> None:
    imported: set[str] = set()
    for node in ast.walk(ast.parse(DAILY_RUN.read_text())):
        if isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
        elif isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
    assert "ecom.runlog" in imported
    assert not {name for name in imported if name.startswith("ecom.sample")}
