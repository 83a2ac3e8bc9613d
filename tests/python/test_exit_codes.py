"""The one exit-code policy (ecom/exit_codes.py): which error gives which code, and the text
every subcommand's --help prints."""

from __future__ import annotations

import pytest

from ecom.daily_run import PipelineError
from ecom.exit_codes import ExitCode, combined_exit_code, exit_code_for, exit_codes_help
from ingest.errors import ApiError, CatalogError, ConfigurationError, LakeError, LakeUriError
from ingest.retry import RetriesExhaustedError

pytestmark = pytest.mark.unit


def test_codes_are_the_documented_numbers() -> None:
    assert [int(code) for code in ExitCode] == [0, 1, 2, 3, 130]


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (ConfigurationError("--from 2026-11-02 is after --to 2026-11-01"), ExitCode.USAGE),
        (LakeUriError("lake 'ftp://x': use a local folder path or s3://..."), ExitCode.USAGE),
        (ApiError("GET http://api/customers page 1 failed 5 times"), ExitCode.FAILED),
        (LakeError("bucket unreachable"), ExitCode.FAILED),
        (CatalogError("Glue said no"), ExitCode.FAILED),
        (PipelineError("dbt build failed"), ExitCode.FAILED),
        (RetriesExhaustedError("dbt build failed 6 times"), ExitCode.FAILED),
        (KeyboardInterrupt(), ExitCode.INTERRUPTED),
    ],
)
def test_each_error_maps_to_its_exit_code(error: BaseException, code: ExitCode) -> None:
    assert exit_code_for(error) == code


def test_codes_print_as_plain_numbers() -> None:
    assert f"exit {ExitCode.DATA_QUARANTINED}" == "exit 3"


def test_help_lists_every_code_with_its_meaning() -> None:
    text = exit_codes_help()
    for code in ExitCode:
        assert f"\n  {code.value}  " in text
    three = " ".join(text.split("\n  3  ", 1)[1].split("\n  130  ", 1)[0].split())
    assert three.startswith("succeeded, but with data problems: files were quarantined")
    assert "rejected more than --max-rejected-share of a landed file's rows" in three


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        ([], ExitCode.OK),
        ([ExitCode.OK, ExitCode.OK], ExitCode.OK),
        ([ExitCode.OK, ExitCode.DATA_QUARANTINED, ExitCode.OK], ExitCode.DATA_QUARANTINED),
        ([ExitCode.DATA_QUARANTINED, ExitCode.FAILED], ExitCode.FAILED),
        ([ExitCode.OK, ExitCode.USAGE], ExitCode.USAGE),
    ],
)
def test_backfill_exits_with_the_failed_day_else_the_worst_outcome(
    codes: list[ExitCode], expected: ExitCode
) -> None:
    assert combined_exit_code(codes) == expected
