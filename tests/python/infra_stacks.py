"""Helpers for the infra tests: read the CloudFormation templates, the per-environment
parameters, and deploy the stacks to the moto server the way `make deploy` does."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
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
        [
            sys.executable,
            "-m",
            "awscli",
            "cloudformation",
            "package",
            "--template-file",
            str(root / "infra" / "templates" / "ingest.yaml"),
            "--s3-bucket",
            bucket,
            "--s3-prefix",
            "artifacts/lambda",
            "--output-template-file",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
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
        REPO / "ingest",
        root / "build" / "lambda" / "ingest",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    return root


def run_deploy_script(root: Path, action: str, env: dict[str, str], name: str = "dev") -> str:
    """infra/deploy.sh (what make deploy/destroy run) with this environment's awscli."""
    result = subprocess.run(
        ["bash", str(root / "infra" / "deploy.sh"), action, name],
        cwd=root,
        env={**os.environ, "AWS": f"{sys.executable} -m awscli", **env},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


# --- the dev environment deployed into the moto server (the `dev` and `glue_tables` fixtures
# of conftest.py, shared by test_infra_moto.py and test_catalog_contract.py) ----------------

ACCOUNT, REGION = "123456789012", "us-east-1"  # moto's account, the region of conftest's server


@dataclass(frozen=True)
class Deployed:
    """The dev environment in moto: stack outputs, exports and the parameters used."""

    params: dict[str, str]
    outputs: dict[str, dict[str, str]]
    exports: dict[str, str]
    templates: dict[str, dict[str, Any]]
    packaged_ingest: Path
    root: Path


def deploy_dev(root: Path) -> Deployed:
    """Every stack created in moto in infra/deploy.sh's order with infra/params/dev.params."""
    ec2 = boto3.client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.20.{i}.0/24")["Subnet"]["SubnetId"]
        for i in range(2)
    ]
    params = env_params(
        "dev",
        {
            "VpcId": vpc,
            "SubnetIds": ",".join(subnets),
            "AlertEmail": "ops@example.com",
            "CustomerApiUrl": "https://shop.example.com/api",
            "RunnerImageTag": "test",
        },
    )
    # `aws cloudformation package` as deploy.sh runs it, then one create_stack per template:
    # moto does not register a stack's exports when it executes a change set (what `aws
    # cloudformation deploy` uses), so the chained deploy is driven here; deploy.sh itself is
    # run against moto in test_infra_moto's test_deploy_script_* on stacks without imports.
    stage_repo(root)
    cfn = boto3.client("cloudformation")
    outputs: dict[str, dict[str, str]] = {}
    templates = {name: load_template(name) for name in STACKS}
    packaged = root / "build" / "packaged" / "ingest.yaml"
    for name in STACKS:
        body_path = root / "infra" / "templates" / f"{name}.yaml"
        if name == "ingest":
            package_lambda(root, outputs["storage"]["LakeBucketName"], packaged)
            body_path = packaged
        cfn.create_stack(
            StackName=f"ecom-dev-{name}",
            TemplateBody=body_path.read_text(),
            Parameters=stack_parameters(templates[name], params),
            Capabilities=["CAPABILITY_NAMED_IAM"],
        )
        described = cfn.describe_stacks(StackName=f"ecom-dev-{name}")["Stacks"][0]
        assert described["StackStatus"] == "CREATE_COMPLETE", described
        outputs[name] = {o["OutputKey"]: o["OutputValue"] for o in described.get("Outputs", [])}
    code = load_template(packaged)["Resources"]["IngestFunction"]["Properties"]["Code"]
    assert code["S3Bucket"] == outputs["storage"]["LakeBucketName"]
    assert code["S3Key"].startswith("artifacts/lambda/")
    exports = {e["Name"]: e.get("Value", "") for e in cfn.list_exports()["Exports"]}
    return Deployed(params, outputs, exports, templates, packaged, root)


def apply_glue_stack(dev: Deployed) -> dict[str, Any]:
    """The glue stack's databases and tables applied to moto Glue from the template (moto's
    CloudFormation has no AWS::Glue::*), with the storage exports filled in; the tables as
    Glue returns them, by name."""
    glue = boto3.client("glue")
    bucket, prefix = dev.exports["ecom-dev-LakeBucketName"], dev.exports["ecom-dev-LakePrefix"]

    def resolve(node: Any) -> Any:
        if isinstance(node, dict) and set(node) == {"Fn::Sub"}:
            text = node["Fn::Sub"][0] if isinstance(node["Fn::Sub"], list) else node["Fn::Sub"]
            for name, value in {
                "LakeBucket": bucket,
                "LakePrefix": prefix,
                "Environment": "dev",
                "AnalyticsDatabaseName": dev.params["AnalyticsDatabaseName"],
            }.items():
                text = text.replace(f"${{{name}}}", value)
            return text.replace("${!", "${")
        if isinstance(node, dict) and set(node) == {"Ref"}:
            ref = {"RawDatabase": "RawDatabaseName"}.get(node["Ref"], node["Ref"])
            return dev.params.get(ref, ACCOUNT)
        if isinstance(node, dict):
            return {k: resolve(v) for k, v in node.items()}
        if isinstance(node, list):
            return [resolve(v) for v in node]
        return node

    resources = resolve(dev.templates["glue"]["Resources"])
    for resource in resources.values():
        if resource["Type"] == "AWS::Glue::Database":
            glue.create_database(DatabaseInput=resource["Properties"]["DatabaseInput"])
    tables = {}
    for resource in resources.values():
        if resource["Type"] == "AWS::Glue::Table":
            props = resource["Properties"]
            glue.create_table(DatabaseName=props["DatabaseName"], TableInput=props["TableInput"])
            name = props["TableInput"]["Name"]
            tables[name] = glue.get_table(DatabaseName=props["DatabaseName"], Name=name)["Table"]
    return tables
