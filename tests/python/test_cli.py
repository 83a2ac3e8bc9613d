"""`ecom ingest` as a user runs it: the per-file table, one summary line, progress on stderr,
exit codes (0 ok, 1 failed, 2 usage or configuration, 3 quarantined; --strict), local and S3
lakes, and clear errors."""

from __future__ import annotations

import json
import os
import re
import socket
from pathlib import Path

import boto3
import pytest

from ecom.cli import main
from ecom.sample.customer_api import FaultPlan, serve_records

from conftest import run_ecom

GOOD = (
    b"transaction_id,customer_id,product_id,quantity,amount,transaction_date\n"
    b"T1,C1,P1,1,9.99,2026-11-20 10:00:00\n"
    b"T2,C2,P2,2,19.98,2026-11-20 11:00:00\n"
)
BAD = b"transaction_id;customer_id;product_id\nT1;C1;P1\n"
SUMMARY = re.compile(r"^ingest \w+: \d+ received, .* -> .+$", re.MULTILINE)


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
        json.dumps([{"product_id": "P1", "name": "Mug", "category": "Home", "price": 4.5,
                     "stock": 3}])
    )  # fmt: skip
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
    main(["ingest", "sales", str(files["good"]), str(files["bad"]), "--lake", lake,
          "--progress", "0"])  # fmt: skip
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
    records = [{"customer_id": "C1", "name": "A", "email": "a@x", "city": "Oslo",
                "signup_date": "2026-01-01", "updated_at": "2026-01-02T00:00:00Z"}]  # fmt: skip
    with serve_records(records, faults=FaultPlan.parse("500,500")) as api:
        code = main(["ingest", "customers", "--api-url", api.url, "--max-attempts", "2",
                     "--lake", str(tmp_path / "lake")])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1
    assert "ecom: error: GET " in err
    assert "page 1 failed 2 times, last: HTTP 500" in err
    assert "Nothing from this pull was landed" in err
    assert not (tmp_path / "lake" / "landing").exists()


def test_customers_pull_lands_then_reports_no_new_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [{"customer_id": "C1", "name": "A", "email": "a@x", "city": "Oslo",
                "signup_date": "2026-01-01", "updated_at": "2026-01-02T00:00:00Z"}]  # fmt: skip
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
        "customers", "landed_files", "products", "refused_rows", "sales",
    ]  # fmt: skip
    assert "created sales, products, customers, refused_rows, landed_files" in done.stderr
    partitions = boto3.client("glue").get_partitions(
        DatabaseName=env["ECOM_RAW_SCHEMA"], TableName="sales"
    )["Partitions"]
    assert len(partitions) == 1  # the day the good file landed in, for Redshift Spectrum


def test_catalog_print_shows_the_glue_table_inputs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "--print", "--lake", "s3://bucket/lake"]) == 0
    inputs = json.loads(capsys.readouterr().out)
    assert inputs["sales"]["StorageDescriptor"]["Location"] == "s3://bucket/lake/landing/sales/"


def test_catalog_registers_the_glue_tables_of_an_s3_lake(
    s3_bucket: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ECOM_RAW_SCHEMA", f"raw_{s3_bucket[-12:]}")
    lake = f"s3://{s3_bucket}/lake"
    assert main(["catalog", "--lake", lake]) == 0
    every_table = "sales, products, customers, refused_rows, landed_files"
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
    records = [{"customer_id": "C1", "name": "A", "email": "a@x", "city": "Oslo",
                "signup_date": "2026-01-01", "updated_at": "2026-01-02T00:00:00Z"}]  # fmt: skip
    with serve_records(records, faults=FaultPlan.parse("503")) as api:
        code = main(["ingest", "customers", "--api-url", api.url,
                     "--lake", str(tmp_path / "lake")])  # fmt: skip
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
    code = main(["ingest", "customers", "--api-url", url, "--max-attempts", "1",
                 "--lake", str(tmp_path / "lake")])  # fmt: skip
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
    assert main(["ingest", "customers", "--api-url", "localhost:8765",
                 "--lake", str(tmp_path / "lake")]) == 2  # fmt: skip
    assert "give an http(s):// URL" in capsys.readouterr().err


def test_bad_flag_exits_2() -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["ingest", "sales", "x.csv", "--max-attempts", "3"])
    assert stopped.value.code == 2


@pytest.mark.parametrize(
    "command",
    [["run"], ["backfill"], ["ingest", "sales"], ["ingest", "customers"], ["generate"],
     ["catalog"], ["serve-customers"]],
)  # fmt: skip
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
