"""Checks made before a command writes anything, each failing with one line: what is wrong and
what to do (a ConfigurationError: exit 2, no traceback, nothing ingested, no run-log record).

Like `dbt debug`: the project folder, the dbt target and its connection (credentials, a
`select 1`), the lake (a writable folder, or an S3 bucket that answers HEAD).
"""

from __future__ import annotations

import os
from pathlib import Path

from ecom.dbt_runner import dbt_env
from ecom.settings import PROJECT_DIR_ENV, PROJECT_FILE, Settings
from ecom.warehouse import (
    TARGETS,
    UnknownTargetError,
    Warehouse,
    WarehouseUnreachableError,
    first_line,
    profiles_dir,
    require_aws_credentials,
)
from ingest.errors import ConfigurationError, EcomError
from ingest.storage import open_lake


class PreflightError(ConfigurationError):
    """A check before the run failed; the message is one line: what, then what to do."""


def check_project(settings: Settings) -> None:
    """The ecom dbt project was found (working directory or a parent, or ECOM_PROJECT_DIR)."""
    if settings.project_found:
        return
    if configured := os.environ.get(PROJECT_DIR_ENV):
        raise PreflightError(
            f"{PROJECT_DIR_ENV}={configured} holds no ecom {PROJECT_FILE} — point it at the "
            "project folder (where dbt_project.yml is)"
        )
    raise PreflightError(
        f"no ecom project in {Path.cwd()} or its parents — run ecom from the project folder "
        f"(where {PROJECT_FILE} is) or set {PROJECT_DIR_ENV}"
    )


def check_warehouse(settings: Settings) -> Warehouse:
    """The target is one of profiles.yml, renders, and its warehouse answers."""
    env = dbt_env(settings)
    profiles = profiles_dir(settings.project_dir, env) / "profiles.yml"
    if not profiles.is_file():
        raise PreflightError(
            f"no dbt profiles at {profiles} — unset DBT_PROFILES_DIR or point it at the "
            "project's profiles/ folder"
        )
    try:
        warehouse = Warehouse.for_target(settings.dbt_target, settings.project_dir, env)
    except UnknownTargetError as exc:
        raise PreflightError(
            f"unknown dbt target {settings.dbt_target!r} — use --target (or ECOM_DBT_TARGET) "
            f"{', '.join(TARGETS)}"
        ) from exc
    except ConfigurationError:
        raise
    except Exception as exc:  # dbt's renderer: a missing env var, a YAML error
        raise PreflightError(
            f"{profiles}: target {settings.dbt_target!r} does not render ({first_line(exc)}) — "
            "set the variable it names or fix the file"
        ) from exc
    try:
        warehouse.check()
    except WarehouseUnreachableError as exc:
        raise PreflightError(str(exc)) from exc
    return warehouse


def check_lake(settings: Settings) -> None:
    """The lake can be written: a folder that is or can be created, or an S3 bucket that
    answers HEAD with the environment's credentials."""
    lake = settings.lake
    if lake.is_s3:
        try:
            require_aws_credentials(f"lake {lake.uri}", lake.aws_region)
        except WarehouseUnreachableError as exc:
            raise PreflightError(str(exc)) from exc
        try:
            open_lake(lake)  # HEAD bucket; writes nothing
        except ConfigurationError:
            raise
        except EcomError as exc:
            raise PreflightError(f"{first_line(exc)}".replace("; ", " — ", 1)) from exc
        return
    try:
        open_lake(lake)  # a URI that is neither a folder nor s3:// is refused here
    except ConfigurationError as exc:
        raise PreflightError(first_line(exc)) from exc
    folder = Path(lake.uri)
    existing = next(p for p in (folder, *folder.parents) if p.exists())
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        raise PreflightError(
            f"lake {lake.uri} cannot be written ({existing} is not a writable folder) — "
            "give --lake (or ECOM_LAKE_URI) a writable folder or s3://bucket/prefix"
        )


def preflight(settings: Settings, warehouse: bool = True) -> Warehouse | None:
    """Every check, in order; the target's warehouse when `warehouse` (else None)."""
    check_project(settings)
    found = check_warehouse(settings) if warehouse else None
    check_lake(settings)
    return found
