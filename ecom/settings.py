"""The `ecom` command's settings, read once from environment variables (CLI flags override).

Paths: the local defaults (data/lake, data/source, data/warehouse/ecom.duckdb, target/) are the
project's, resolved against the project folder (where dbt_project.yml is), wherever `ecom` is
started from; a path given in an environment variable or a flag is the user's, resolved against
the working directory as a shell would.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ecom.dbt_artifacts import target_dir
from ingest.config import DEFAULT_LAKE, LakeConfig
from ingest.errors import ConfigurationError

DEFAULT_SOURCE_DIR = "data/source"
DEFAULT_WAREHOUSE = "data/warehouse/ecom.duckdb"
DEFAULT_TARGET = "duckdb"
PROJECT_NAME = "ecom"  # dbt_project.yml `name:`
PROJECT_FILE = "dbt_project.yml"
PROJECT_DIR_ENV = "ECOM_PROJECT_DIR"
# The weekday whose daily run tests every row (docs/operating.md "Test scope"); the other
# days' runs test the rows they wrote. "never": only a full build and `ecom run --full-tests`
# sweep.
FULL_TESTS_WEEKDAY_ENV = "ECOM_FULL_TESTS_WEEKDAY"
DEFAULT_FULL_TESTS_WEEKDAY = "sunday"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NAME = re.compile(r"^name:\s*['\"]?([\w-]+)['\"]?\s*(#.*)?$", re.MULTILINE)


def is_project_dir(folder: Path) -> bool:
    """Whether folder holds the ecom dbt project (dbt_project.yml with `name: ecom`)."""
    path = folder / PROJECT_FILE
    try:
        match = _NAME.search(path.read_text())
    except OSError:
        return False
    return match is not None and match.group(1) == PROJECT_NAME


def find_project_dir(
    start: Path | None = None, environ: Mapping[str, str] | None = None
) -> Path | None:
    """The ecom project folder: ECOM_PROJECT_DIR, else the working directory or its nearest
    parent holding the project's dbt_project.yml; None when there is none."""
    env = os.environ if environ is None else environ
    if configured := env.get(PROJECT_DIR_ENV):
        folder = Path(configured).expanduser().resolve()
        return folder if is_project_dir(folder) else None
    here = (start or Path.cwd()).resolve()
    return next((d for d in (here, *here.parents) if is_project_dir(d)), None)


def full_tests_weekday(value: str | None) -> int | None:
    """The weekday (0 = Monday, as date.weekday()) of the weekly full test sweep, from
    ECOM_FULL_TESTS_WEEKDAY's value (a day's English name, any case; unset or empty: the
    default); None for "never". Raises ConfigurationError for anything else."""
    name = (value or DEFAULT_FULL_TESTS_WEEKDAY).strip().lower()
    if name == "never":
        return None
    if name not in WEEKDAYS:
        raise ConfigurationError(
            f"{FULL_TESTS_WEEKDAY_ENV}={value!r}: give a day of the week (monday .. sunday) "
            "or never"
        )
    return WEEKDAYS.index(name)


def _path(value: str | None, default: str, project_dir: Path) -> Path:
    """A configured path (relative: the working directory's) or the project's default."""
    if value:
        return Path(value).expanduser().resolve()
    return project_dir / default


@dataclass(frozen=True)
class Settings:
    """The lake, the sample feeds' folder, the dbt project and target, the DuckDB warehouse."""

    lake: LakeConfig = field(default_factory=LakeConfig)
    source_dir: Path = field(default_factory=lambda: Path(DEFAULT_SOURCE_DIR))
    duckdb_path: Path = field(default_factory=lambda: Path(DEFAULT_WAREHOUSE))
    dbt_target: str = DEFAULT_TARGET
    project_dir: Path = field(default_factory=Path.cwd)
    dbt_target_dir: Path | None = None  # DBT_TARGET_PATH; None: target_dir's default
    project_found: bool = True  # False: no ecom project in the working directory or above
    full_tests_weekday: str = DEFAULT_FULL_TESTS_WEEKDAY  # ECOM_FULL_TESTS_WEEKDAY, as given

    @property
    def target_dir(self) -> Path:
        """Where dbt writes manifest.json, run_results.json and the docs site: DBT_TARGET_PATH,
        else <project>/target for duckdb and <project>/target/<target> for every other target,
        so that a run on one target never overwrites another's artifacts
        (ecom/dbt_artifacts.py target_dir)."""
        return target_dir(self.dbt_target, self.project_dir, self.dbt_target_dir)

    @property
    def full_tests_day(self) -> int | None:
        """date.weekday() of the weekly full test sweep, None for never; ConfigurationError
        when ECOM_FULL_TESTS_WEEKDAY names no day (only `ecom run` and `backfill` ask)."""
        return full_tests_weekday(self.full_tests_weekday)

    @classmethod
    def from_env(cls, project_dir: Path | None = None) -> Settings:
        """Build settings from ECOM_* and AWS_* environment variables, else the local defaults."""
        env = os.environ
        found = project_dir or find_project_dir(environ=env)
        root = found or Path.cwd()
        lake = LakeConfig.from_env()
        if not lake.is_s3 and "://" not in lake.uri:
            lake = dataclasses.replace(
                lake, uri=str(_path(env.get("ECOM_LAKE_URI", "").rstrip("/"), DEFAULT_LAKE, root))
            )
        target_path = env.get("DBT_TARGET_PATH")
        return cls(
            lake=lake,
            source_dir=_path(env.get("ECOM_SOURCE_DIR"), DEFAULT_SOURCE_DIR, root),
            duckdb_path=_path(env.get("ECOM_DUCKDB_PATH"), DEFAULT_WAREHOUSE, root),
            dbt_target=env.get("ECOM_DBT_TARGET") or DEFAULT_TARGET,
            project_dir=root,
            dbt_target_dir=_path(target_path, "", root) if target_path else None,
            project_found=found is not None,
            full_tests_weekday=env.get(FULL_TESTS_WEEKDAY_ENV) or DEFAULT_FULL_TESTS_WEEKDAY,
        )


def isolated_environ(
    root: Path, project_dir: Path, base: Mapping[str, str] | None = None
) -> dict[str, str]:
    """`base` (else os.environ) with every path ecom and dbt write pointed inside root: the
    lake, the sample's source files, the DuckDB warehouse, dbt's artifacts and logs. A run in
    it (the tests, `make loadtest`) leaves `make run`'s data alone."""
    return {
        **(os.environ if base is None else base),
        "ECOM_LAKE_URI": str(root / "lake"),
        "ECOM_SOURCE_DIR": str(root / "source"),
        "ECOM_DUCKDB_PATH": str(root / "warehouse" / "ecom.duckdb"),
        "DBT_TARGET_PATH": str(root / "target"),
        "DBT_LOG_PATH": str(root / "logs"),
        "DBT_PROFILES_DIR": str(project_dir / "profiles"),
        "ECOM_DBT_TARGET": "duckdb",
    }
