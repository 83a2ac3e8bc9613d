"""uv.lock: what `make run` installs is the runtime set only, with the pins the project needs."""

from __future__ import annotations

import re
import tomllib
from typing import Any

import pytest

from conftest import REPO

pytestmark = pytest.mark.unit

LOCK: dict[str, Any] = tomllib.loads((REPO / "uv.lock").read_text())
PACKAGES: dict[str, dict[str, Any]] = {p["name"]: p for p in LOCK["package"]}


def _installed_with(extras: tuple[str, ...]) -> set[str]:
    """The packages `uv sync --extra ...` installs on Linux: ecom's dependencies, transitively."""
    todo: list[tuple[str, tuple[str, ...]]] = [("ecom", extras)]
    seen: set[tuple[str, tuple[str, ...]]] = set()
    while todo:
        name, wanted = todo.pop()
        if (name, wanted) in seen:
            continue
        seen.add((name, wanted))
        package = PACKAGES[name]
        dependencies = list(package.get("dependencies", []))
        for extra in wanted:
            dependencies += package["optional-dependencies"][extra]
        todo += [
            (d["name"], tuple(d.get("extra", ())))
            for d in dependencies
            if "win32" not in d.get("marker", "")
        ]
    return {name for name, _ in seen} - {"ecom"}


def test_make_run_installs_no_dashboard_test_lint_or_deploy_tool() -> None:
    runtime = _installed_with(())
    assert {"dbt-core", "dbt-duckdb", "dbt-postgres", "dbt-athena", "dbt-redshift"} <= runtime
    assert {"duckdb", "duckdb-extension-httpfs", "boto3", "requests", "tenacity"} <= runtime
    # `mf query` and `ecom mcp` work right after `make run` (docs/metrics-and-agents.md)
    assert {"dbt-metricflow", "metricflow", "mcp"} <= runtime
    dev_only = {"streamlit", "pytest", "moto", "awscli", "selenium", "mypy", "ruff", "sqlfluff"}
    assert not runtime & dev_only
    assert "streamlit" in _installed_with(("dashboard",))
    dev = _installed_with(("dev",))
    assert dev_only <= dev
    # the test, lint and deploy tools bring most of dev's packages: make run stays lean
    assert len(dev - runtime) > 70, sorted(dev - runtime)


def test_the_lock_keeps_dbt_on_1_11_and_duckdb_with_its_matching_httpfs() -> None:
    assert re.fullmatch(r"1\.11\.\d+", PACKAGES["dbt-core"]["version"])
    assert PACKAGES["duckdb"]["version"] == "1.5.5"
    assert PACKAGES["duckdb-extension-httpfs"]["version"] == PACKAGES["duckdb"]["version"]


def test_every_locked_package_from_an_index_carries_hashes() -> None:
    for package in LOCK["package"]:
        if "registry" not in package["source"]:
            continue
        files = package.get("wheels", []) + ([package["sdist"]] if "sdist" in package else [])
        assert files, package["name"]
        assert all(f["hash"].startswith("sha256:") for f in files), package["name"]
