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
    """The parameters a template declares, as `aws cloudformation deploy` passes them."""
    return [
        {"ParameterKey": key, "ParameterValue": params[key]}
        for key in template.get("Parameters", {})
        if key in params
    ]


def package_lambda(root: Path, bucket: str, out: Path) -> Path:
    """`aws cloudformation package` of a staged ingest.yaml, exactly as deploy.sh runs it."""
    out.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [sys.executable, "-m", "awscli", "cloudformation", "package",
         "--template-file", str(root / "infra" / "templates" / "ingest.yaml"),
         "--s3-bucket", bucket, "--s3-prefix", "artifacts/lambda",
         "--output-template-file", str(out)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return out


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


def stage_repo(root: Path) -> Path:
    """A copy of what `make deploy` uses: infra/ and a build/lambda with the ingest package
    (its pip dependencies are left out: moto stores the code, it never runs it)."""
    shutil.copytree(REPO / "infra", root / "infra", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(
        REPO / "ingest", root / "build" / "lambda" / "ingest",
        ignore=shutil.ignore_patterns("__pycache__"),
    )  # fmt: skip
    return root


def run_deploy_script(root: Path, action: str, env: dict[str, str], name: str = "dev") -> str:
    """infra/deploy.sh (what make deploy/destroy run) with this environment's awscli."""
    result = subprocess.run(
        ["bash", str(root / "infra" / "deploy.sh"), action, name],
        cwd=root, env={**os.environ, "AWS": f"{sys.executable} -m awscli", **env},
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout
