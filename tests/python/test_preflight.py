"""Preflight: every misconfiguration stops `ecom` before it writes anything, with exit 2 and
one line saying what is wrong and what to do (no traceback, nothing landed, no run-log record,
no other target's dbt artifacts touched)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from ecom.dbt_runner import dbt_env, run_dbt
from ecom.settings import Settings

from conftest import ECOM, REPO, isolated_env

pytestmark = pytest.mark.unit

NO_AWS = {
    "AWS_CONFIG_FILE": "/nonexistent/aws-config",
    "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/aws-credentials",
    "AWS_EC2_METADATA_DISABLED": "true",
}
AWS_SECRETS = (
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_SECURITY_TOKEN",
    "AWS_PROFILE",
    "AWS_ENDPOINT_URL",
)
# Paths and targets an ecom run reads from the environment: unset, the project's defaults apply.
ECOM_PATHS = (
    "ECOM_LAKE_URI",
    "ECOM_SOURCE_DIR",
    "ECOM_DUCKDB_PATH",
    "DBT_TARGET_PATH",
    "DBT_PROFILES_DIR",
    "ECOM_DBT_TARGET",
    "ECOM_PROJECT_DIR",
    "DBT_LOG_PATH",
)


def ecom(
    args: list[str], env: dict[str, str], cwd: Path = REPO
) -> subprocess.CompletedProcess[str]:
    """The ecom console script, as a user runs it."""
    return subprocess.run(
        [ECOM, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def refused(done: subprocess.CompletedProcess[str]) -> str:
    """The one line of a run refused by preflight (exit 2, nothing on stdout)."""
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stdout == "", done.stdout
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("ecom: error: ") and " — " in lines[0], lines[0]
    return lines[0]


def files_under(folder: Path) -> list[Path]:
    """Every file and folder under folder."""
    return sorted(folder.rglob("*")) if folder.exists() else []


@pytest.fixture
def bare_env() -> dict[str, str]:
    """The user's environment without any ecom path or target set."""
    return {k: v for k, v in os.environ.items() if k not in ECOM_PATHS}


def test_run_outside_the_project_exits_2_and_creates_nothing(
    tmp_path: Path, bare_env: dict[str, str]
) -> None:
    line = refused(ecom(["run"], bare_env, cwd=tmp_path))
    assert (
        "run ecom from the project folder (where dbt_project.yml is) or set ECOM_PROJECT_DIR"
        in (line)
    )
    assert files_under(tmp_path) == []  # no ./data, no ./target


def test_project_is_found_from_a_subfolder(bare_env: dict[str, str]) -> None:
    # the project is found (the target is the next thing checked)
    line = refused(ecom(["run", "--target", "snowflake"], bare_env, cwd=REPO / "models"))
    assert "unknown dbt target 'snowflake'" in line


def test_ecom_project_dir_names_the_project_from_anywhere(
    tmp_path: Path, bare_env: dict[str, str]
) -> None:
    env = {**bare_env, "ECOM_PROJECT_DIR": str(REPO)}
    assert "unknown dbt target" in refused(ecom(["run", "--target", "nope"], env, cwd=tmp_path))
    env["ECOM_PROJECT_DIR"] = str(tmp_path)
    line = refused(ecom(["run"], env, cwd=tmp_path))
    assert f"ECOM_PROJECT_DIR={tmp_path} holds no ecom dbt_project.yml" in line
    assert files_under(tmp_path) == []


def test_unknown_target_lists_the_targets_and_writes_nothing(tmp_path: Path) -> None:
    line = refused(ecom(["run", "--target", "snowflake"], isolated_env(tmp_path)))
    assert line == (
        "ecom: error: unknown dbt target 'snowflake' — use --target (or ECOM_DBT_TARGET) "
        "duckdb, athena, redshift, postgres"
    )
    assert files_under(tmp_path) == []


def test_athena_without_credentials_says_what_to_set_and_writes_nothing(tmp_path: Path) -> None:
    env = {k: v for k, v in isolated_env(tmp_path).items() if k not in AWS_SECRETS}
    env.update(NO_AWS, ECOM_DBT_TARGET="athena")
    line = refused(ecom(["run"], env))
    assert "dbt target 'athena' is not configured — set ECOM_ATHENA_S3_DATA_DIR, " in line
    env.update(ECOM_ATHENA_S3_STAGING_DIR="s3://results/", ECOM_ATHENA_S3_DATA_DIR="s3://data/")
    line = refused(ecom(["run"], env))
    assert line == (
        "ecom: error: dbt target 'athena': no AWS credentials found — set AWS_PROFILE (after "
        "`aws configure` or `aws sso login`) or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
    )
    assert files_under(tmp_path) == []  # nothing landed, no run log, no target/


def test_postgres_that_does_not_answer_exits_2_naming_the_settings(tmp_path: Path) -> None:
    env = {
        **isolated_env(tmp_path),
        "ECOM_DBT_TARGET": "postgres",
        "ECOM_POSTGRES_HOST": "127.0.0.1",
        "ECOM_POSTGRES_PORT": "1",
    }
    line = refused(ecom(["run"], env))
    assert line.startswith("ecom: error: cannot connect to dbt target 'postgres' (")
    assert line.endswith("— check ECOM_POSTGRES_HOST, _PORT, _USER, _PASSWORD, _DBNAME")
    assert files_under(tmp_path) == []


def test_lake_that_cannot_be_written_exits_2(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    env = {**isolated_env(tmp_path), "ECOM_LAKE_URI": str(tmp_path / "file" / "lake")}
    line = refused(ecom(["run"], env))
    assert "cannot be written" in line and "give --lake (or ECOM_LAKE_URI)" in line
    assert [p.name for p in files_under(tmp_path)] == ["file"]


def test_s3_lake_without_credentials_exits_2(tmp_path: Path) -> None:
    env = {k: v for k, v in isolated_env(tmp_path).items() if k not in AWS_SECRETS}
    env.update(NO_AWS, ECOM_LAKE_URI="s3://ecom-lake/prefix")
    line = refused(ecom(["run"], env))
    assert line.startswith("ecom: error: lake s3://ecom-lake/prefix: no AWS credentials found — ")
    assert files_under(tmp_path) == []


def test_wrong_date_is_one_line_asking_for_yyyy_mm_dd(tmp_path: Path) -> None:
    done = ecom(["run", "--date", "20/11/2026"], isolated_env(tmp_path))
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "ecom run: error: argument --date: use YYYY-MM-DD (e.g. 2026-11-20), not '20/11/2026' "
        "— see ecom run --help"
    ]


def test_ingest_with_the_default_lake_outside_the_project_exits_2(
    tmp_path: Path, bare_env: dict[str, str]
) -> None:
    (tmp_path / "sales_2026-11-20.csv").write_text("transaction_id\n")
    line = refused(ecom(["ingest", "sales", "sales_2026-11-20.csv"], bare_env, cwd=tmp_path))
    assert "run ecom from the project folder" in line
    assert [p.name for p in files_under(tmp_path)] == ["sales_2026-11-20.csv"]


def test_each_target_has_its_own_artifacts_folder(tmp_path: Path) -> None:
    for target, folder in [
        ("duckdb", "target"),
        ("athena", "target/athena"),
        ("postgres", "target/postgres"),
    ]:
        settings = Settings(dbt_target=target, project_dir=tmp_path)
        assert Path(dbt_env(settings)["DBT_TARGET_PATH"]) == tmp_path / folder
    explicit = Settings(dbt_target="athena", project_dir=tmp_path, dbt_target_dir=tmp_path / "t")
    assert dbt_env(explicit)["DBT_TARGET_PATH"] == str(tmp_path / "t")  # DBT_TARGET_PATH wins


@pytest.mark.integration  # runs dbt
def test_dbt_on_another_target_leaves_the_duckdb_artifacts_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(REPO / "dbt_project.yml", project)
    for folder in ("models", "macros", "seeds", "snapshots", "analyses", "profiles"):
        shutil.copytree(REPO / folder, project / folder)
    shutil.copytree(REPO / "tests", project / "tests", ignore=shutil.ignore_patterns("python"))
    duckdb_artifacts = project / "target"
    duckdb_artifacts.mkdir()
    for name in ("manifest.json", "run_results.json"):
        (duckdb_artifacts / name).write_text(json.dumps({"of": "duckdb"}))
    for name in ("DBT_TARGET_PATH", "DBT_PROFILES_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DBT_LOG_PATH", str(tmp_path / "logs"))
    monkeypatch.setenv("ECOM_POSTGRES_PORT", "1")  # parsing needs no server
    settings = Settings(dbt_target="postgres", project_dir=project)
    parsed = run_dbt(settings, ["parse", "--quiet"])
    assert parsed.ok, parsed.output_tail
    assert (project / "target" / "postgres" / "manifest.json").is_file()
    for name in ("manifest.json", "run_results.json"):
        assert json.loads((duckdb_artifacts / name).read_text()) == {"of": "duckdb"}
