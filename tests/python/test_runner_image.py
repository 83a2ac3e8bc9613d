"""The runner image's Dockerfile: what the daily workflow's container needs is in it."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import REPO

pytestmark = pytest.mark.unit


def test_runner_image_holds_every_dbt_project_path_and_installs_the_locked_package() -> None:
    dockerfile = (REPO / "Dockerfile").read_text()
    copied = set(re.findall(r"^COPY (\S+) ", dockerfile, flags=re.MULTILINE))
    project = yaml.safe_load((REPO / "dbt_project.yml").read_text())
    for key in (
        "model-paths",
        "seed-paths",
        "test-paths",
        "macro-paths",
        "snapshot-paths",
        "analysis-paths",
    ):
        for path in project[key]:
            assert path in copied, f"{path} ({key}) is not copied into the image"
    assert {"dbt_project.yml", "profiles", "ingest"} <= copied
    # the packages exactly as uv.lock pins them, hashes checked
    assert re.search(r"^COPY pyproject.toml uv.lock ", dockerfile, flags=re.MULTILINE)
    assert "uv export --frozen" in dockerfile
    assert "--require-hashes" in dockerfile
    assert re.search(r"^USER \d+$", dockerfile, flags=re.MULTILINE), "runs as a non-root uid"
