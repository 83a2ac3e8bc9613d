"""The CloudFormation templates in infra/templates: lint clean, checkov clean (every check not
followed skipped with its reason, and listed in infra/README.md), the Glue template generated
from the ingest layer's table definitions, and no IAM statement granting every action on
everything."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from infra_stacks import STACKS, TEMPLATES, load_template, policy_documents, wildcard_statements

from conftest import REPO

sys.path.insert(0, str(REPO / "infra"))
import render_glue

pytestmark = [pytest.mark.integration, pytest.mark.slow]

# checkov pins boto3/botocore older than uv.lock, so it has its own venv: .venv-checkov,
# made by `make infra-lint` from infra/checkov-requirements.txt. ECOM_CHECKOV: another checkov.
CHECKOV = Path(os.environ.get("ECOM_CHECKOV") or REPO / ".venv-checkov" / "bin" / "checkov")


def test_every_stack_has_a_template_and_every_template_is_deployed() -> None:
    assert sorted(p.stem for p in TEMPLATES.glob("*.yaml")) == sorted(STACKS)
    deploy = (REPO / "infra" / "deploy.sh").read_text()
    assert f'"${{ECOM_STACKS:-{" ".join(STACKS)}}}"' in deploy


def test_cfn_lint_reports_no_error_and_no_warning() -> None:
    templates = sorted(str(p) for p in TEMPLATES.glob("*.yaml"))
    result = subprocess.run(
        [str(Path(sys.executable).parent / "cfn-lint"), *templates],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


@pytest.fixture(scope="module")
def checkov() -> dict[str, Any]:
    """checkov's JSON report on infra/templates."""
    if not CHECKOV.is_file():
        pytest.fail(
            f"checkov is not installed at {CHECKOV}: run `make infra-lint` (it creates"
            " .venv-checkov from infra/checkov-requirements.txt), or `python3.11 -m venv"
            " .venv-checkov && .venv-checkov/bin/pip install -r infra/checkov-requirements.txt`,"
            " or set ECOM_CHECKOV to a checkov executable"
        )
    result = subprocess.run(
        [
            str(CHECKOV),
            "--directory",
            str(TEMPLATES),
            "--framework",
            "cloudformation",
            "--skip-download",
            "--output",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    report = json.loads(result.stdout)
    assert isinstance(report, dict) and report["check_type"] == "cloudformation", result.stdout
    return dict(report)


def test_checkov_reports_no_failed_check(checkov: dict[str, Any]) -> None:
    failed = [
        (r["check_id"], r["file_path"], r["resource"], r["check_name"])
        for r in checkov["results"]["failed_checks"]
    ]
    assert failed == []
    assert checkov["summary"]["parsing_errors"] == 0
    # It read the templates (glue.yaml has nothing checkov checks; redshift.yaml's resources
    # exist only with EnableRedshift=true, and checkov resolves the default, false).
    checked = {r["file_path"].lstrip("/") for r in checkov["results"]["passed_checks"]}
    assert {
        "storage.yaml",
        "iam.yaml",
        "monitoring.yaml",
        "ingest.yaml",
        "workflow.yaml",
    } <= checked


def not_followed_table() -> dict[tuple[str, str], str]:
    """(check id, "template: resource") -> reason, from infra/README.md's table."""
    readme = (REPO / "infra" / "README.md").read_text()
    section = readme.split("## checkov checks not followed", 1)[1]
    rows = re.findall(r"^\| `(CKV_\w+)` \| `([\w.]+: \w+)` \| (.+) \|$", section, re.MULTILINE)
    return {(check, resource): reason for check, resource, reason in rows}


def test_every_checkov_check_not_followed_is_skipped_with_its_reason_in_the_readme(
    checkov: dict[str, Any],
) -> None:
    skipped = {
        (r["check_id"], f"{r['file_path'].lstrip('/')}: {r['resource'].split('.', 1)[1]}"): r[
            "check_result"
        ]["suppress_comment"]
        for r in checkov["results"]["skipped_checks"]
    }
    assert all(len(reason) > 40 for reason in skipped.values()), skipped
    assert set(not_followed_table()) == set(skipped)


def test_glue_template_is_the_one_generated_from_the_ingest_definitions() -> None:
    committed = (TEMPLATES / "glue.yaml").read_text()
    assert committed == render_glue.render(), "run `make infra-render` and commit glue.yaml"


def test_glue_tables_follow_a_change_in_the_source_definitions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import dataclasses

    from ingest.sources import SOURCES, Column

    sales = SOURCES["sales"]
    wider = dataclasses.replace(
        sales, columns=(*sales.columns, Column("channel", "Sales channel."))
    )
    monkeypatch.setitem(SOURCES, "sales", wider)
    assert "Name: channel" in render_glue.render()
    assert render_glue.main(["--check"]) == 1


@pytest.mark.parametrize("name", STACKS)
def test_no_policy_allows_every_action_on_every_resource(name: str) -> None:
    documents = list(policy_documents(load_template(name)))
    for logical_id, document in documents:
        assert wildcard_statements(document) == [], f"{name}.yaml {logical_id}"


def test_the_wildcard_check_catches_admin_statements() -> None:
    admin = {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
    service = {"Statement": [{"Effect": "Allow", "Action": ["s3:*"], "Resource": ["*"]}]}
    scoped = {"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*"}]}
    deny = {"Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}]}
    assert wildcard_statements(admin) and wildcard_statements(service)
    assert not wildcard_statements(scoped) and not wildcard_statements(deny)


def test_every_role_is_assumable_only_by_its_service_or_the_account() -> None:
    for name in STACKS:
        for logical_id, resource in load_template(name)["Resources"].items():
            if resource["Type"] != "AWS::IAM::Role":
                continue
            trust = resource["Properties"]["AssumeRolePolicyDocument"]["Statement"]
            for statement in trust:
                principal = statement["Principal"]
                assert principal != "*" and principal.get("AWS") != "*", (name, logical_id)


def test_lambda_handler_needs_only_what_make_lambda_build_packages() -> None:
    # build/lambda holds ingest/ plus boto3 and requests (and their dependencies); importing
    # the handler must not reach for dbt, duckdb or anything else the Lambda does not have.
    probe = (
        "import sys, importlib.abc\n"
        "class Block(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name.split('.')[0] in {'dbt', 'duckdb', 'awswrangler', 'pandas', 'pyarrow',"
        " 'psycopg2', 'yaml', 'moto'}:\n"
        "            raise ImportError(f'the Lambda package has no {name}')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import ingest.lambda_handler\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
