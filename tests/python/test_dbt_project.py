"""The dbt project's own promises: documented, keyed, contracted marts, fresh sources."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from conftest import E2ERun

pytestmark = pytest.mark.e2e


def manifest(e2e: E2ERun) -> dict[str, Any]:
    """The manifest dbt wrote during the e2e run."""
    return dict(json.loads((e2e.root / "target" / "manifest.json").read_text()))


def models(e2e: E2ERun) -> list[dict[str, Any]]:
    """Every model node of the project."""
    return [n for n in manifest(e2e)["nodes"].values() if n["resource_type"] == "model"]


def test_every_model_and_column_is_described(e2e: E2ERun) -> None:
    undocumented = [
        f"{node['name']}.{column}"
        for node in models(e2e)
        for column, spec in {"": {"description": node["description"]}, **node["columns"]}.items()
        if not spec["description"].strip()
    ]
    assert not undocumented


def test_every_model_has_a_primary_key_test(e2e: E2ERun) -> None:
    tests_by_model: dict[str, set[tuple[str, str]]] = {}
    for node in manifest(e2e)["nodes"].values():
        if node["resource_type"] != "test" or "test_metadata" not in node:
            continue
        name = node["test_metadata"]["name"]
        column = node.get("column_name") or ""
        for parent in node["depends_on"]["nodes"][:1]:
            tests_by_model.setdefault(parent, set()).add((name, column))
    without_key = []
    for node in models(e2e):
        tests = tests_by_model.get(node["unique_id"], set())
        keyed = any(
            ("unique", column) in tests and ("not_null", column) in tests
            for _, column in tests
            if column
        )
        if not keyed:
            without_key.append(node["name"])
    assert not without_key


def test_every_mart_has_an_enforced_contract(e2e: E2ERun) -> None:
    marts = [n for n in models(e2e) if n["original_file_path"].startswith("models/marts/")]
    assert len(marts) == 18  # 17 business marts and the run log, rpt_pipeline_runs
    assert all(n["config"]["contract"]["enforced"] for n in marts)
    assert all(column["data_type"] for n in marts for column in n["columns"].values())


def test_freshly_landed_sources_pass_the_freshness_check(e2e: E2ERun) -> None:
    # `ecom run` ran `dbt source freshness` after its build (in the same dbt process)
    assert re.search(
        r"tests \d+ passed, 0 warned, 0 failed; 7 sources fresh$", e2e.second.stdout, re.M
    )
    sources = json.loads((e2e.root / "target" / "sources.json").read_text())
    checked = {r["unique_id"].rsplit(".", 1)[1]: r for r in sources["results"]}
    # the feeds, the run log, and the lake's records (refused rows: as fresh as the latest
    # landing, since most landings refuse nothing; the manifest); the prediction scores (none
    # yet: 12 days cannot be scored, which is not late)
    assert sorted(checked) == [
        "customer_scores",
        "customers",
        "landed_files",
        "pipeline_runs",
        "products",
        "refused_rows",
        "sales",
    ]
    assert all(r["status"] == "pass" for r in checked.values())
    # stale predictions only warn: they do not make the day's data stale
    late = {name: r["criteria"]["error_after"]["count"] for name, r in checked.items()}
    assert late.pop("customer_scores") is None
    assert all(count > 0 for count in late.values())
