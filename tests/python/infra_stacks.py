"""Helpers for the infra tests: read the CloudFormation templates, the per-environment
parameters, and deploy the stacks to the moto server the way `make deploy` does."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cfnlint.decode import decode

from conftest import REPO

TEMPLATES = REPO / "infra" / "templates"
# The order of infra/deploy.sh: later stacks import earlier stacks' exports.
STACKS = ["storage", "glue", "athena", "iam", "monitoring", "ingest", "workflow", "redshift"]


def load_template(name: str | Path) -> dict[str, Any]:
    """A template (a name in infra/templates or a path) as a dict, short-form tags (!Sub,
    !Ref) as their Fn:: forms."""
    path = name if isinstance(name, Path) else TEMPLATES / f"{name}.yaml"
    template, matches = decode(str(path))
    assert not matches and template is not None, matches
    return dict(template)


def env_params(env: str, extra: dict[str, str]) -> dict[str, str]:
    """infra/params/<env>.params plus the values make deploy takes from the environment."""
    lines = (REPO / "infra" / "params" / f"{env}.params").read_text().splitlines()
    params = dict(line.split("=", 1) for line in lines if line.strip() and not line.startswith("#"))
    return {**params, **extra}


def stack_parameters(template: dict[str, Any], params: dict[str, str]) -> list[dict[str, str]]:
    """The parameters a template declares, as CloudFormation wants them (what deploy does)."""
    return [
        {"ParameterKey": key, "ParameterValue": params[key]}
        for key in template.get("Parameters", {})
        if key in params
    ]


def walk(node: Any) -> Iterator[Any]:
    """Every dict and list inside a JSON-like value, depth first."""
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def policy_documents(template: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """(resource id, document) of every IAM policy document in a template."""
    for logical_id, resource in template["Resources"].items():
        for node in walk(resource.get("Properties", {})):
            if isinstance(node, dict):
                for key in ("PolicyDocument", "AssumeRolePolicyDocument"):
                    if key in node:
                        yield logical_id, node[key]


def as_list(value: Any) -> list[Any]:
    """A policy field that may be a string or a list, as a list."""
    return value if isinstance(value, list) else [value]


def wildcard_statements(document: Any) -> list[Any]:
    """Allow statements with a '*' action (or 'service:*') on the '*' resource."""
    if isinstance(document, str):
        document = json.loads(document)
    bad = []
    for statement in as_list(document.get("Statement", [])):
        if statement.get("Effect") != "Allow":
            continue
        actions = [a for a in as_list(statement.get("Action", [])) if isinstance(a, str)]
        resources = as_list(statement.get("Resource", []))
        any_action = any(a == "*" or a.endswith(":*") for a in actions)
        if any_action and "*" in resources:
            bad.append(statement)
    return bad


def package_lambda(build_dir: Path, bucket: str, out: Path) -> Path:
    """`aws cloudformation package` of ingest.yaml (Code -> s3://bucket/...), as deploy.sh does."""
    lambda_dir = build_dir / "lambda"
    shutil.copytree(
        REPO / "ingest", lambda_dir / "ingest", ignore=shutil.ignore_patterns("__pycache__")
    )
    # ingest.yaml's Code is ../../build/lambda, relative to the template: stage both.
    templates = build_dir / "infra" / "templates"
    templates.mkdir(parents=True)
    shutil.copy(TEMPLATES / "ingest.yaml", templates / "ingest.yaml")
    (build_dir / "build").mkdir()
    (build_dir / "build" / "lambda").symlink_to(lambda_dir)
    result = subprocess.run(
        [sys.executable, "-m", "awscli", "cloudformation", "package",
         "--template-file", str(templates / "ingest.yaml"), "--s3-bucket", bucket,
         "--s3-prefix", "artifacts/lambda", "--output-template-file", str(out)],
        capture_output=True, text=True, env=os.environ.copy(), timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return out
