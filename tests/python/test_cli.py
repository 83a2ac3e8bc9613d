"""`ecom ingest` as a user runs it: the per-file table, one summary line, progress on stderr,
exit codes (0 ok, 1 failed, 2 usage or configuration, 3 quarantined; --strict), local and S3
lakes, and clear errors."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import shutil
import socket
import subprocess
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import boto3
import duckdb
import pytest

from ecom import __version__
from ecom.cli import _run_options, build_parser, main
from ecom.daily_run import RunOptions, data_test_scope
from ecom.sample.customer_api import FaultPlan, serve_records
from ecom.settings import Settings
from ingest.sources import CUSTOMERS

from conftest import ECOM, REPO, isolated_env, run_ecom

pytestmark = pytest.mark.unit

GOOD = (
    b"transaction_id,customer_id,product_id,quantity,amount,transaction_date\n"
    b"T1,C1,P1,1,9.99,2026-11-20 10:00:00\n"
    b"T2,C2,P2,2,19.98,2026-11-20 11:00:00\n"
)
BAD = b"transaction_id;customer_id;product_id\nT1;C1;P1\n"
SUMMARY = re.compile(r"^ingest \w+: \d+ received, .* -> .+$", re.MULTILINE)
# A customer record as the customer API serves it.
ONE_CUSTOMER = {
    "customer_id": "C1",
    "name": "A",
    "email": "a@x",
    "city": "Oslo",
    "signup_date": "2026-01-01",
    "updated_at": "2026-01-02T00:00:00Z",
}


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {
        "good": tmp_path / "sales_2026-11-20.csv",
        "bad": tmp_path / "sales_2026-11-21.csv",
        "products": tmp_path / "products.json",
    }
    paths["good"].write_bytes(GOOD)
    paths["bad"].write_bytes(BAD)
    paths["products"].write_text(
        json.dumps(
            [{"product_id": "P1", "name": "Mug", "category": "Home", "price": 4.5, "stock": 3}]
        )
    )
    return paths


def test_ingest_prints_a_table_and_one_summary_line(
    tmp_path: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    lake = tmp_path / "lake"
    code = main(["ingest", "sales", str(files["good"]), str(files["bad"]), "--lake", str(lake)])
    out = capsys.readouterr().out
    assert code == 3  # one file was quarantined
    assert re.search(r"^\s+landed\s+sales\s+sales_2026-11-20.csv\s+2\s+", out, re.MULTILINE)
    assert re.search(r"^\s+quarantined\s+sales\s+sales_2026-11-21.csv .*wrong_delimiter", out, re.M)
    assert len(SUMMARY.findall(out)) == 1
    assert "2 received, 1 landed (2 rows, " in out
    assert "0 already landed, 1 quarantined" in out
    assert len(list((lake / "landing" / "sales").glob("*/*.csv"))) == 1
    [report] = (lake / "reports" / "sales").glob("*/*-report.json")
    assert json.loads(report.read_text())["counts"] == {"landed": 1, "quarantined": 1}


def test_same_files_again_are_reported_as_already_landed(
    tmp_path: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["ingest", "products", str(files["products"]), "--lake", str(tmp_path / "lake")]
    main(args)
    capsys.readouterr()
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "already_landed" in out
    assert "1 received, 0 landed (0 rows, 0 B), 1 already landed, 0 quarantined" in out


def test_quarantined_file_exits_3_and_again_when_sent_again(
    tmp_path: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    lake = str(tmp_path / "lake")
    assert main(["ingest", "sales", str(files["bad"]), "--lake", lake]) == 3
    # sent again it is already quarantined: still a file to fix
    assert main(["ingest", "sales", str(files["bad"]), "--lake", lake]) == 3
    assert "already_quarantined" in capsys.readouterr().out


def test_every_file_landed_exits_0(tmp_path: Path, files: dict[str, Path]) -> None:
    lake = str(tmp_path / "lake")
    assert main(["ingest", "sales", str(files["good"]), "--lake", lake]) == 0


def test_strict_exits_1_when_a_file_was_quarantined(
    tmp_path: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    lake = str(tmp_path / "lake")
    assert main(["ingest", "sales", str(files["bad"]), "--lake", lake, "--strict"]) == 1
    # sent again it is already quarantined: still a refusal under --strict
    assert main(["ingest", "sales", str(files["bad"]), "--lake", lake, "--strict"]) == 1
    assert "already_quarantined" in capsys.readouterr().out


def test_strict_exits_0_when_every_file_landed(tmp_path: Path, files: dict[str, Path]) -> None:
    lake = str(tmp_path / "lake")
    assert main(["ingest", "sales", str(files["good"]), "--lake", lake, "--strict"]) == 0


def test_progress_of_files_and_bytes_goes_to_stderr(
    tmp_path: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    lake = str(tmp_path / "lake")
    main(
        [
            "ingest",
            "sales",
            str(files["good"]),
            str(files["bad"]),
            "--lake",
            lake,
            "--progress",
            "0",
        ]
    )
    captured = capsys.readouterr()
    total = len(GOOD) + len(BAD)
    assert f"sales: 1/2 files, {len(GOOD)} B/{total} B" in captured.err
    assert f"sales: 2/2 files, {total} B/{total} B (100%)" in captured.err
    assert "files," not in captured.out


def test_missing_file_is_a_usage_error_and_nothing_is_ingested(
    tmp_path: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    lake = tmp_path / "lake"
    code = main(["ingest", "sales", str(files["good"]), "nope.csv", "--lake", str(lake)])
    assert code == 2
    assert "no such file: nope.csv; nothing was ingested" in capsys.readouterr().err
    assert not (lake / "landing").exists()


def test_api_that_keeps_failing_exits_1_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [ONE_CUSTOMER]
    with serve_records(records, faults=FaultPlan.parse("500,500")) as api:
        code = main(
            [
                "ingest",
                "customers",
                "--api-url",
                api.url,
                "--max-attempts",
                "2",
                "--lake",
                str(tmp_path / "lake"),
            ]
        )
    err = capsys.readouterr().err
    assert code == 1
    assert "ecom: error: GET " in err
    assert "page 1 failed 2 times, last: HTTP 500" in err
    assert "Nothing from this pull was landed" in err
    assert not (tmp_path / "lake" / "landing").exists()


def test_customers_pull_lands_then_reports_no_new_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [ONE_CUSTOMER]
    args = ["ingest", "customers", "--lake", str(tmp_path / "lake")]
    with serve_records(records) as api:
        assert main([*args, "--api-url", api.url]) == 0
        assert "1 landed (1 rows" in capsys.readouterr().out
        assert main([*args, "--api-url", api.url]) == 0
    assert "1 with no new records" in capsys.readouterr().out


def test_ingest_into_an_s3_lake_lands_objects_and_registers_glue(
    s3_bucket: str, files: dict[str, Path], tmp_path: Path
) -> None:
    lake = f"s3://{s3_bucket}/lake"
    env = {"ECOM_RAW_SCHEMA": f"raw_{s3_bucket[-12:]}"}
    done = run_ecom(
        ["ingest", "sales", str(files["good"]), str(files["bad"]), "--lake", lake],
        {**os.environ, **env},
    )
    assert done.returncode == 3, done.stderr  # the bad file was quarantined
    assert f"-> {lake}" in done.stdout
    keys = [o["Key"] for o in boto3.client("s3").list_objects_v2(Bucket=s3_bucket)["Contents"]]
    assert any(
        re.match(r"lake/landing/sales/ingest_date=.*-sales_2026-11-20\.csv$", k) for k in keys
    )
    assert any(k.endswith("-sales_2026-11-21.csv.reason.json") for k in keys)
    assert any(k.startswith("lake/_manifest/sales/") for k in keys)
    assert any(k.startswith("lake/reports/sales/") for k in keys)
    tables = boto3.client("glue").get_tables(DatabaseName=env["ECOM_RAW_SCHEMA"])["TableList"]
    assert sorted(t["Name"] for t in tables) == [
        "customers",
        "landed_files",
        "pipeline_runs",
        "products",
        "refused_rows",
        "sales",
    ]
    assert "created sales, products, customers, refused_rows, landed_files" in done.stderr
    partitions = boto3.client("glue").get_partitions(
        DatabaseName=env["ECOM_RAW_SCHEMA"], TableName="sales"
    )["Partitions"]
    assert len(partitions) == 1  # the day the good file landed in, for Redshift Spectrum


def test_catalog_print_shows_the_glue_table_inputs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "--print", "--lake", "s3://bucket/lake"]) == 0
    inputs = json.loads(capsys.readouterr().out)
    assert inputs["sales"]["StorageDescriptor"]["Location"] == "s3://bucket/lake/landing/sales/"
    # the run log, read by dbt as the source ops.pipeline_runs
    assert inputs["pipeline_runs"]["StorageDescriptor"]["Location"] == "s3://bucket/lake/_ops/runs/"


def test_catalog_registers_the_glue_tables_of_an_s3_lake(
    s3_bucket: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ECOM_RAW_SCHEMA", f"raw_{s3_bucket[-12:]}")
    lake = f"s3://{s3_bucket}/lake"
    assert main(["catalog", "--lake", lake]) == 0
    every_table = "sales, products, customers, refused_rows, landed_files, pipeline_runs"
    assert f"(created): created {every_table}" in capsys.readouterr().out
    assert main(["catalog", "--lake", lake]) == 0
    assert f"unchanged {every_table}" in capsys.readouterr().out


def test_catalog_of_a_local_lake_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["catalog", "--lake", str(tmp_path)]) == 2
    assert "the Glue catalog needs an s3:// lake" in capsys.readouterr().err


def test_json_log_format_writes_retries_as_json_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ECOM_LOG_FORMAT", "json")
    records = [ONE_CUSTOMER]
    with serve_records(records, faults=FaultPlan.parse("503")) as api:
        code = main(["ingest", "customers", "--api-url", api.url, "--lake", str(tmp_path / "lake")])
    assert code == 0
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines() if line]
    [retry] = [line for line in lines if line["level"] == "WARNING"]
    assert "HTTP 503 Service Unavailable; retry 1 of 4" in retry["message"]


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_unreachable_api_exits_1_naming_the_url(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    code = main(
        [
            "ingest",
            "customers",
            "--api-url",
            url,
            "--max-attempts",
            "1",
            "--lake",
            str(tmp_path / "lake"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert f"ecom: error: GET {url}/customers page 1 failed once, last: connection failed" in err
    assert not (tmp_path / "lake" / "landing").exists()


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "sales", "missing.csv", "--lake", str(tmp_path / "lake")]) == 2
    assert "ecom: error: no such file: missing.csv" in capsys.readouterr().err


def test_lake_that_is_neither_a_folder_nor_s3_exits_2(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lake", "ftp://x", "ingest", "sales", str(files["good"])]) == 2
    assert "lake 'ftp://x': use a local folder path or s3://bucket/prefix" in (
        capsys.readouterr().err
    )


def test_customers_without_an_api_url_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("ECOM_CUSTOMER_API_URL", raising=False)
    assert main(["ingest", "customers", "--lake", str(tmp_path / "lake")]) == 2
    assert "give --api-url" in capsys.readouterr().err
    assert not (tmp_path / "lake").exists()  # nothing touched


def test_api_url_that_is_not_http_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            ["ingest", "customers", "--api-url", "localhost:8765", "--lake", str(tmp_path / "lake")]
        )
        == 2
    )
    assert "give an http(s):// URL" in capsys.readouterr().err


def test_bad_flag_exits_2() -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["ingest", "sales", "x.csv", "--max-attempts", "3"])
    assert stopped.value.code == 2


@pytest.mark.parametrize(
    "command",
    [
        ["run"],
        ["backfill"],
        ["ingest", "sales"],
        ["ingest", "customers"],
        ["generate"],
        ["catalog"],
        ["serve-customers"],
    ],
)
def test_every_subcommand_documents_the_exit_codes(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main([*command, "--help"])
    out = capsys.readouterr().out
    assert "exit codes:" in out
    assert "  1  pipeline failed" in out and "  2  usage or configuration error" in out


def test_customers_help_gives_each_deadline_and_cap_with_its_default(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["ingest", "customers", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "--timeout TIMEOUT seconds for each request in all" in out and "(default: 10)" in out
    assert "--pull-timeout PULL_TIMEOUT seconds for the whole pull" in out
    assert "(default: 900)" in out
    assert "enough for 10,000,000 customers at" in out and "20,000 at 500)" in out


def test_zero_pull_timeout_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["ingest", "customers", "--api-url", "http://x", "--pull-timeout", "0"])
    assert stopped.value.code == 2


def test_unknown_fault_for_the_sample_api_exits_2_listing_the_faults(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["serve-customers", "--faults", "500,explode"])
    assert stopped.value.code == 2
    assert "unknown fault 'explode'; use e.g. 500, " in capsys.readouterr().err


def test_run_for_a_day_outside_the_sample_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", "--date", "1999-01-01", "--lake", str(tmp_path / "lake")]) == 2
    assert "--date 1999-01-01 is outside the sample" in capsys.readouterr().err
    assert not (tmp_path / "lake").exists()


def test_backfill_with_from_after_to_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["backfill", "--from", "2026-11-20", "--to", "2026-11-19"]
    assert main([*args, "--lake", str(tmp_path / "lake")]) == 2
    assert "--from 2026-11-20 is after --to 2026-11-19" in capsys.readouterr().err


def test_run_with_a_missing_inbox_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", "--inbox", str(tmp_path / "nope"), "--lake", str(tmp_path / "lake")]) == 2
    assert "no such folder" in capsys.readouterr().err


# --- test scope: which rows a run's data tests check (docs/operating.md "Test scope") ------


def _options(*flags: str, weekday: str = "sunday") -> RunOptions:
    """The RunOptions `ecom run <flags>` makes, with ECOM_FULL_TESTS_WEEKDAY=weekday."""
    args = build_parser().parse_args(["run", *flags])
    settings = dataclasses.replace(Settings(), full_tests_weekday=weekday)
    return _run_options(settings, args, docs=False)


FRIDAY, SUNDAY = date(2026, 11, 20), date(2026, 11, 22)


@pytest.mark.parametrize(
    ("flags", "weekday", "day", "scope", "reason"),
    [
        ((), "sunday", FRIDAY, "changed", "the rows this run's build wrote"),
        ((), "sunday", SUNDAY, "all", "2026-11-22 is a Sunday, ECOM_FULL_TESTS_WEEKDAY"),
        ((), "Friday", FRIDAY, "all", "2026-11-20 is a Friday"),
        ((), "never", SUNDAY, "changed", "or never weekly"),
        (("--full-tests",), "never", FRIDAY, "all", "every row (--full-tests)"),
        (("--full-refresh",), "sunday", FRIDAY, "all", "--full-refresh: a full build"),
    ],
)
def test_daily_runs_test_what_they_wrote_and_a_sweep_tests_every_row(
    flags: tuple[str, ...], weekday: str, day: date, scope: str, reason: str
) -> None:
    decided = data_test_scope(_options(*flags, weekday=weekday), day)
    assert decided.scope == scope
    assert reason in decided.reason


@pytest.mark.parametrize(
    ("given", "passed"),
    [
        (None, "{test_scope: all}"),
        ("{recent_transactions_days: 3}", "{test_scope: all, recent_transactions_days: 3}"),
        ("recent_transactions_days: 3", "test_scope: all\nrecent_transactions_days: 3"),
        ("{test_scope: changed}", "{test_scope: changed}"),  # the user's own choice
    ],
)
def test_a_full_sweep_adds_test_scope_to_the_users_vars(given: str | None, passed: str) -> None:
    sweep = data_test_scope(_options("--full-tests"), FRIDAY)
    assert sweep.dbt_vars(given) == passed
    # a daily run passes the user's vars as given: the same every day, so dbt's partial parse
    # survives from one run to the next
    assert data_test_scope(_options(), FRIDAY).dbt_vars(given) == given


def test_a_full_tests_weekday_that_is_no_day_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ECOM_FULL_TESTS_WEEKDAY", "someday")
    assert main(["run", "--lake", str(tmp_path / "lake")]) == 2
    err = capsys.readouterr().err
    assert (
        "ECOM_FULL_TESTS_WEEKDAY='someday': give a day of the week (monday .. sunday) or never"
        in err
    )
    assert not (tmp_path / "lake").exists()


def test_run_help_tells_which_rows_the_tests_check(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "--full-tests every data test checks every row" in out
    assert "check the rows this run's build wrote" in out
    assert "ECOM_FULL_TESTS_WEEKDAY (the day whose run tests every row" in out
    assert "default sunday" in out


# --- conventions: --version, help with defaults, one name per option, dates ---------------


def all_parsers() -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Every (sub)command's parser, by its prog."""
    pending = [build_parser()]
    while pending:
        parser = pending.pop()
        yield parser.prog, parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                pending.extend(action.choices.values())


def test_version_prints_the_version_written_in_pyproject() -> None:
    written = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    shown = run_ecom(["--version"], dict(os.environ))
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == f"ecom {written}\n"
    assert __version__ == written


def test_every_command_has_a_description() -> None:
    for prog, parser in all_parsers():
        assert parser.description, f"{prog} has no description"


def test_every_option_has_help_and_every_value_option_shows_its_default() -> None:
    for prog, parser in all_parsers():
        formatter = parser._get_formatter()
        for action in parser._actions:
            if not action.option_strings or action.help == argparse.SUPPRESS:
                continue
            if isinstance(action, argparse._HelpAction | argparse._VersionAction):
                continue
            shown = " ".join(formatter._format_action(action).split())
            assert action.help, f"{prog} {action.option_strings} has no help"
            if action.nargs != 0 and not action.required:  # a value that may be left out
                assert "default" in shown, f"{prog}: {shown}"


def test_numbers_show_their_default_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "--rows ROWS sales lines (about) (default: 200000)" in out
    assert "--end-date END_DATE last sales day (default: 2026-11-20)" in out
    assert "tries per customer API request before giving up (default: 5)" in out


def test_old_option_name_still_works_hidden_and_deprecated(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = build_parser().parse_args(["ingest", "customers", "--max-attempts", "3"])
    assert args.api_max_attempts == 3
    assert "--max-attempts is deprecated; use --api-max-attempts" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["ingest", "customers", "--help"])
    out = capsys.readouterr().out
    assert "--api-max-attempts" in out and "--max-attempts" not in out.replace("--api-max", "")


@pytest.mark.parametrize("text", ["20/11/2026", "2026-13-01", "20261120", "yesterday"])
def test_a_date_not_written_yyyy_mm_dd_is_one_line_saying_so(
    text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["backfill", "--from", text, "--to", "2026-11-20"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines() == [
        f"ecom backfill: error: argument --from: use YYYY-MM-DD (e.g. 2026-11-20), not "
        f"{text!r} — see ecom backfill --help"
    ]


def test_serve_customers_prints_the_base_url_that_api_url_takes(tmp_path: Path) -> None:
    record = {name: "2026-01-02T00:00:00Z" for name in CUSTOMERS.required_columns}
    records = [{**record, "customer_id": "C1"}]
    customers = tmp_path / "customers.json"
    customers.write_text(json.dumps(records))
    with subprocess.Popen(
        [ECOM, "serve-customers", "--port", "0", "--customers-file", str(customers)],
        stdout=subprocess.PIPE,
        text=True,
    ) as server:
        try:
            assert server.stdout is not None
            first, second = server.stdout.readline(), server.stdout.readline()
            base = re.search(r"ecom run --api-url (\S+)", second)
            assert base, first + second
            assert first.rstrip().endswith(f"at {base.group(1)}/customers")
            lake = str(tmp_path / "lake")
            args = ["ingest", "customers", "--api-url", base.group(1), "--lake", lake]
            assert main(args) == 0
        finally:
            server.terminate()


# --- a run on an inbox: the day from the file names, dbt pass-through, output -------------

INBOX_DAYS = [date(2026, 11, 17) + timedelta(days=n) for n in range(3)]
INBOX_SAMPLE = [
    "--rows", "300", "--days", "3", "--end-date", INBOX_DAYS[-1].isoformat(), "--seed", "3",
    "--customers", "60", "--products", "20", "--dirty-rate", "0.05",
]  # fmt: skip


@dataclass(frozen=True)
class InboxRuns:
    """Two runs on one inbox: verbose without --date and tests left out; then compact for an
    earlier --date with only fct_sales selected, after a later day's file arrived."""

    root: Path
    verbose: subprocess.CompletedProcess[str]
    verbose_results: dict[str, object]
    selected: subprocess.CompletedProcess[str]
    selected_results: dict[str, object]


def run_results_ids(payload: dict[str, object]) -> list[str]:
    results = payload["results"]
    assert isinstance(results, list)
    return [str(r["unique_id"]) for r in results]


@pytest.fixture(scope="module")
def inbox_runs(tmp_path_factory: pytest.TempPathFactory) -> InboxRuns:
    root = tmp_path_factory.mktemp("inbox-runs")
    env = isolated_env(root)
    inbox = root / "inbox"
    assert run_ecom(["generate", *INBOX_SAMPLE, "--out", str(inbox)], env).returncode == 0
    customers = json.loads((inbox / "customers" / "customers.json").read_text())
    results = root / "target" / "run_results.json"
    with serve_records(customers) as api:
        common = ["run", "--inbox", str(inbox), "--api-url", api.url, "--no-docs"]
        verbose = run_ecom(
            [*common, "--verbose", "--exclude", "resource_type:test", "resource_type:unit_test"],
            env,
        )
        assert verbose.returncode == 0, verbose.stdout + verbose.stderr
        verbose_results = json.loads(results.read_text())
        later = inbox / "sales" / f"sales_{INBOX_DAYS[-1] + timedelta(days=1)}.csv"
        later.write_bytes(next((inbox / "sales").glob("*.csv")).read_bytes())
        selected = run_ecom(
            [*common, "--date", INBOX_DAYS[1].isoformat(), "--select", "fct_sales"], env
        )
        assert selected.returncode == 0, selected.stdout + selected.stderr
    return InboxRuns(root, verbose, verbose_results, selected, json.loads(results.read_text()))


@pytest.mark.e2e  # `ecom run` on an inbox
def test_inbox_run_without_date_runs_for_the_latest_day_its_files_name(
    inbox_runs: InboxRuns,
) -> None:
    assert f"ecom run OK for {INBOX_DAYS[-1]}" in inbox_runs.verbose.stdout
    # 3 sales files, the catalog and the customers pulled
    assert "(5 files landed with" in inbox_runs.verbose.stdout
    report = inbox_runs.root / "lake" / "reports" / "daily" / f"report_date={INBOX_DAYS[-1]}"
    assert (report / "daily_sales_summary.csv").read_text().count("\n") == 2  # header + the day


@pytest.mark.e2e  # `ecom run` on an inbox
def test_inbox_files_of_a_later_day_wait_for_that_days_run(inbox_runs: InboxRuns) -> None:
    out = inbox_runs.selected.stdout
    assert f"ecom run OK for {INBOX_DAYS[1]}" in out
    assert "(0 files landed with 0 rows, 3 already landed" in out  # the later file waits
    landed = [p.name for p in (inbox_runs.root / "lake" / "landing" / "sales").rglob("*.csv")]
    assert not any(str(INBOX_DAYS[-1] + timedelta(days=1)) in name for name in landed)


@pytest.mark.e2e  # `ecom run` on an inbox
def test_exclude_reaches_dbt_build(inbox_runs: InboxRuns) -> None:
    ids = run_results_ids(inbox_runs.verbose_results)
    assert "model.ecom.fct_sales" in ids
    assert not [i for i in ids if i.startswith(("test.", "unit_test."))]
    assert "tests 0 passed, 0 warned, 0 failed" in inbox_runs.verbose.stdout


@pytest.mark.e2e  # `ecom run` on an inbox
def test_select_builds_only_the_selected_model_and_its_tests(inbox_runs: InboxRuns) -> None:
    ids = run_results_ids(inbox_runs.selected_results)
    assert [i for i in ids if not i.startswith(("test.", "unit_test.", "operation."))] == [
        "model.ecom.fct_sales"
    ]
    assert "  dbt:       1 models built (0 errors)" in inbox_runs.selected.stdout


@pytest.mark.e2e  # `ecom run` on an inbox
def test_verbose_shows_dbts_output_and_every_file(inbox_runs: InboxRuns) -> None:
    out, err = inbox_runs.verbose.stdout, inbox_runs.verbose.stderr
    assert "Completed successfully" in out, out  # dbt's own lines, as dbt prints them
    assert re.search(r"OK created sql incremental model analytics_marts\.fct_sales", out), out
    landed = [line for line in err.splitlines() if line.split()[:2] == ["landed", "sales"]]
    assert len(landed) == 3
    assert re.search(r"^\s+model fct_sales: success", err, re.MULTILINE)


@pytest.mark.e2e  # `ecom run` on an inbox
def test_compact_run_prints_a_line_per_phase_not_per_file_or_model(inbox_runs: InboxRuns) -> None:
    out, err = inbox_runs.selected.stdout, inbox_runs.selected.stderr
    # the summary's row count per mart grows with the project; every other line is per phase
    lines = (out + err).splitlines()
    mart_rows = [line for line in lines if re.fullmatch(r"\s{4}[a-z_]+\s+[\d,]+", line)]
    assert len(mart_rows) >= 18, out + err
    assert len(lines) - len(mart_rows) < 30, out + err
    assert "Completed successfully" not in out  # dbt's own output
    assert not [line for line in err.splitlines() if line.split()[:1] == ["already_landed"]]
    assert "model fct_sales: success" not in err
    assert re.search(
        r"^\s+sales: 0 files landed \(0 rows\), 2 already landed, 0 quarantined$", err, re.MULTILINE
    ), err
    # at the end, the nodes dbt ran (its on-run-start hook is no node)
    [done] = re.findall(r"^\s+dbt: (\d+) nodes done$", err, re.MULTILINE)
    ids = run_results_ids(inbox_runs.selected_results)
    assert int(done) == len([i for i in ids if not i.startswith("operation.")])


@pytest.mark.e2e  # `ecom run` on an inbox
def test_an_inbox_of_sales_alone_builds_with_inferred_customers_and_products(
    tmp_path: Path,
) -> None:
    """A first run on a new lake with sales files only (no catalog, no customer pull): the
    build passes and every sale is in fct_sales, its customer and product inferred (a guest
    checkout's customer is the guest member, which is no inferred customer)."""
    env = isolated_env(tmp_path)
    inbox = tmp_path / "inbox"
    assert run_ecom(["generate", *INBOX_SAMPLE, "--out", str(inbox)], env).returncode == 0
    shutil.rmtree(inbox / "products")
    done = run_ecom(["run", "--inbox", str(inbox), "--no-docs"], env)
    assert done.returncode == 0, done.stdout + done.stderr
    with duckdb.connect(env["ECOM_DUCKDB_PATH"], read_only=True) as con:
        [(sales, known_customers, guest_members, known_products)] = con.execute(
            "select count(*), "
            "(select count(*) from analytics_marts.dim_customers "
            " where not is_inferred and not is_guest), "
            "(select count(*) from analytics_marts.dim_customers "
            " where is_guest and not is_inferred), "
            "(select count(*) from analytics_marts.dim_products where not is_inferred) "
            "from analytics_marts.fct_sales"
        ).fetchall()
    assert sales > 0 and (known_customers, guest_members, known_products) == (0, 1, 0)
