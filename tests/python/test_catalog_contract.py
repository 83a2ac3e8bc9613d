"""The catalog contract on the deployed stacks: every dbt source of the athena and redshift
targets is a Glue table of the glue stack, over the S3 prefix where the lake's writers put its
files, in a format its SerDe reads, with every column its staging model reads.

The dev stacks are deployed into the moto server once (conftest's `dev`, shared with
test_infra_moto.py) and the glue stack applied to moto Glue from its template (`glue_tables`;
moto's CloudFormation has no AWS::Glue::*): the catalog a first deployment has. A small sample
then lands in the stack's lake as `ecom run` lands it on an s3:// lake: the run's record in the
run log, the three feeds (a sales CSV with a malformed row the door refuses), the manifest,
and the Glue partitions the run registers for Redshift Spectrum. `dbt compile` resolves every
source of each target with the runner task's environment (dummy warehouse credentials; the AWS
APIs are moto's), and sqlglot qualifies each staging model's compiled SQL against the columns
of the Glue table it reads.
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
from dataclasses import dataclass
from datetime import date
from fnmatch import fnmatchcase
from typing import Any

import boto3
import pytest
import sqlglot
from aws_sql import created_by_dbt
from botocore.exceptions import ClientError
from infra_stacks import Deployed
from sqlglot.errors import OptimizeError
from sqlglot.optimizer.qualify import qualify

from ecom.runlog import RunRecord, utc_timestamp, write_record
from ecom.sample.customer_api import serve_records
from ingest.batch import Batch, finish_batch, ingest_customers_api, ingest_files
from ingest.catalog import table_location
from ingest.config import LakeConfig
from ingest.landing import LandingStatus, new_batch_id
from ingest.raw_tables import RAW_TABLES, RawTable
from ingest.storage import open_storage

from conftest import REPO, dbt_command

pytestmark = [pytest.mark.integration, pytest.mark.slow]

TARGETS = {"athena": "athena", "redshift": "redshift"}  # dbt target: sqlglot dialect
DAY = date(2026, 11, 21)
# The engines' pseudo-column of the scanned file (macros/cross_db/landed_file_name.sql).
PSEUDO_COLUMNS = ['"$path"']

SALES_CSV = (
    b"transaction_id,customer_id,product_id,quantity,amount,transaction_date\n"
    b"T1,C1,P1,2,19.98,2026-11-21 10:00:00\n"
    b"T2,C2,P2,1,5.00,2026-11-21 11:00:00,an extra field\n"  # refused: malformed_row
    b"T3,C1,P2,3,15.00,2026-11-21 12:00:00\n"
)
PRODUCTS_JSON = [
    {"product_id": "P1", "name": "Mug", "category": "Kitchen", "price": "9.99", "stock": "12"},
    {"product_id": "P2", "name": "Pen", "category": "Office", "price": "5.00", "stock": "40"},
]
CUSTOMERS = [
    {
        "customer_id": "C1",
        "name": "Ada Byron",
        "email": "ada@example.com",
        "city": "London",
        "signup_date": "2026-01-02",
        "updated_at": "2026-11-20T08:00:00Z",
    },
    {
        "customer_id": "C2",
        "name": "Alan Turing",
        "email": "alan@example.com",
        "city": "Wilmslow",
        "signup_date": "2026-02-03",
        "updated_at": "2026-11-20T09:00:00Z",
    },
]


@dataclass(frozen=True)
class Landed:
    """The sample in the stack's lake, and what the runner task's environment is."""

    lake_uri: str
    bucket: str
    keys: list[str]  # every object key under the lake prefix
    database: str  # the Glue raw database (ECOM_RAW_SCHEMA)
    runner_env: dict[str, str]


@dataclass(frozen=True)
class Compiled:
    """One dbt target's sources and compiled staging models."""

    sources: dict[str, dict[str, Any]]  # by table name
    staging: dict[str, tuple[str, list[str]]]  # model: (compiled SQL, source table names)


def runner_environment(dev: Deployed) -> dict[str, str]:
    """The environment the workflow's runner task (dbt build --target athena) runs with."""
    ecs = boto3.client("ecs")
    [arn] = ecs.list_task_definitions(familyPrefix="ecom-dev-runner")["taskDefinitionArns"]
    [container] = ecs.describe_task_definition(taskDefinition=arn)["taskDefinition"][
        "containerDefinitions"
    ]
    return {e["name"]: e["value"] for e in container.get("environment", [])}


@pytest.fixture(scope="module")
def landed(
    dev: Deployed, glue_tables: dict[str, Any], moto_endpoint: str, tmp_path_factory: Any
) -> Landed:
    """A daily run's landing in the dev lake with the runner task's settings: run record first,
    then the feeds, then the Glue registration of the batch, as ecom/daily_run.py does (the
    tables are the glue stack's; the run registers the partitions it wrote to)."""
    runner_env = runner_environment(dev)
    with pytest.MonkeyPatch.context() as env:
        for name, value in runner_env.items():
            env.setenv(name, value)
        lake = LakeConfig.from_env()
    assert (lake.register_glue, lake.register_partitions) == (False, True)
    lake_uri, database = lake.uri, lake.raw_database
    storage = open_storage(lake_uri, lake.aws_region, moto_endpoint)
    batch = Batch(new_batch_id(), DAY)
    record = RunRecord(batch.batch_id, "run", DAY, utc_timestamp())
    write_record(storage, record)
    source = tmp_path_factory.mktemp("contract-sample")
    (source / "contract-sample-sales.csv").write_bytes(SALES_CSV)
    (source / "contract-sample-products.json").write_text(json.dumps(PRODUCTS_JSON))
    by_source = {
        "sales": ingest_files(
            storage, "sales", [source / "contract-sample-sales.csv"], batch.batch_id, DAY
        ),
        "products": ingest_files(
            storage, "products", [source / "contract-sample-products.json"], batch.batch_id, DAY
        ),
    }
    with serve_records(list(CUSTOMERS)) as api:
        by_source["customers"] = [ingest_customers_api(storage, api.url, batch.batch_id, DAY)]
    assert {r.status for rs in by_source.values() for r in rs} == {LandingStatus.LANDED}
    assert by_source["sales"][0].rows_refused == 1
    finish_batch(lake, storage, batch, by_source, [record.run_date])
    bucket, prefix = lake_uri.removeprefix("s3://").split("/", 1)
    pages = (
        boto3.client("s3")
        .get_paginator("list_objects_v2")
        .paginate(Bucket=bucket, Prefix=f"{prefix}/")
    )
    keys = [o["Key"] for page in pages for o in page.get("Contents", [])]
    return Landed(lake_uri, bucket, keys, database, runner_env)


@pytest.fixture(scope="module")
def compiled(landed: Landed, tmp_path_factory: Any) -> dict[str, Compiled]:
    """`dbt compile` of the staging models for each AWS target (both at once), with the
    runner task's environment and dummy warehouse credentials."""
    runs = {}
    for target in TARGETS:
        out = tmp_path_factory.mktemp(f"contract-{target}")
        env = {
            **os.environ,
            "ECOM_ATHENA_S3_STAGING_DIR": "s3://ecom-dummy/athena-results/",
            "ECOM_ATHENA_S3_DATA_DIR": "s3://ecom-dummy/warehouse/",
            **landed.runner_env,
            "DBT_PROFILES_DIR": str(REPO / "profiles"),
            "DBT_TARGET_PATH": str(out),
            "DBT_LOG_PATH": str(out / "logs"),
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
            "ECOM_REDSHIFT_HOST": "redshift.invalid",
            "ECOM_REDSHIFT_PASSWORD": "dummy",
        }
        assert env["ECOM_RAW_SCHEMA"] == landed.database
        command = dbt_command(
            [
                "compile",
                "--target",
                target,
                "--no-populate-cache",
                "--quiet",
                "--vars",
                "{compile_as_incremental: false}",
                "--select",
                "path:models/staging,resource_type:model",
            ]
        )
        process = subprocess.Popen(
            command, cwd=REPO, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        runs[target] = (out, process)
    results = {}
    for target, (out, process) in runs.items():
        output, _ = process.communicate(timeout=600)
        assert process.returncode == 0, output[-4000:]
        manifest = json.loads((out / "manifest.json").read_text())
        # the lake's sources; the prediction scores are a warehouse table a model creates
        sources = {s["name"]: s for s in manifest["sources"].values() if not created_by_dbt(s)}
        by_id = {s["unique_id"]: s["name"] for s in sources.values()}
        staging = {
            node["name"]: (
                node["compiled_code"],
                [by_id[n] for n in node["depends_on"]["nodes"] if n in by_id],
            )
            for node in manifest["nodes"].values()
            if node["resource_type"] == "model" and node["name"].startswith("stg_")
        }
        results[target] = Compiled(sources, staging)
    return results


def glue_table(database: str, name: str) -> dict[str, Any] | None:
    """A table of the moto Glue catalog, as Glue returns it, or None."""
    try:
        table: dict[str, Any] = boto3.client("glue").get_table(DatabaseName=database, Name=name)
    except ClientError as error:
        if error.response["Error"]["Code"] == "EntityNotFoundException":
            return None
        raise
    return dict(table["Table"])


def data_files(landed: Landed, table: RawTable) -> list[str]:
    """Keys of the table's data files in the lake (what its writers put there)."""
    prefix = table_location(table, landed.lake_uri).removeprefix(f"s3://{landed.bucket}/")
    return [k for k in landed.keys if k.startswith(prefix) and k.endswith(table.extension)]


def read(landed: Landed, key: str) -> bytes:
    """One object of the lake."""
    body: bytes = boto3.client("s3").get_object(Bucket=landed.bucket, Key=key)["Body"].read()
    return body


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_every_dbt_source_is_a_glue_table_of_the_raw_database(
    target: str, landed: Landed, compiled: dict[str, Compiled]
) -> None:
    # Athena reads the Glue database itself; Redshift the Spectrum external schema over it,
    # named like the database (docs/aws.md, "Redshift").
    sources = compiled[target].sources
    assert sorted(sources) == sorted(RAW_TABLES), (
        f"{target}: dbt sources {sorted(sources)}, raw tables {sorted(RAW_TABLES)}"
    )
    problems = [
        f"{target}: source {s['source_name']}.{name} resolves to {s['schema']}.{s['identifier']}, "
        f"not a table of the Glue database {landed.database}"
        for name, s in sources.items()
        if s["schema"] != landed.database or glue_table(landed.database, s["identifier"]) is None
    ]
    assert not problems, "\n".join(problems)


def test_every_glue_table_lies_where_its_files_landed(landed: Landed) -> None:
    problems = []
    for name, table in RAW_TABLES.items():
        glue = glue_table(landed.database, name)
        assert glue is not None, f"no Glue table {landed.database}.{name}"
        location = glue["StorageDescriptor"]["Location"]
        files = data_files(landed, table)
        if not files:
            problems.append(f"{name}: no {table.extension} file landed under {table.prefix}/")
        # Athena: partition projection's template must find every file's folder.
        template = glue["Parameters"]["storage.location.template"]
        pattern = "[^/]+".join(map(re.escape, re.split(r"\$\{\w+\}", template))) + "[^/]+"
        for key in files:
            uri = f"s3://{landed.bucket}/{key}"
            if not uri.startswith(location) or not re.fullmatch(pattern, uri):
                problems.append(f"{name}: {uri} is not under {template} (Location {location})")
    assert not problems, "\n".join(problems)


def test_spectrum_finds_every_landed_file_in_a_registered_partition(landed: Landed) -> None:
    # Redshift Spectrum does not project partitions: it reads the ones the catalog lists.
    glue = boto3.client("glue")
    problems = []
    for name, table in RAW_TABLES.items():
        partitions = glue.get_partitions(DatabaseName=landed.database, TableName=name)
        folders = {p["StorageDescriptor"]["Location"] for p in partitions["Partitions"]}
        for key in data_files(landed, table):
            folder = f"s3://{landed.bucket}/{key.rsplit('/', 1)[0]}/"
            if folder not in folders:
                problems.append(f"{name}: no Glue partition for {folder}")
    assert not problems, "\n".join(problems)


def test_every_landed_file_is_in_the_format_of_its_tables_serde(landed: Landed) -> None:
    problems = []
    for name, table in RAW_TABLES.items():
        glue = glue_table(landed.database, name)
        assert glue is not None, f"no Glue table {landed.database}.{name}"
        library = glue["StorageDescriptor"]["SerdeInfo"]["SerializationLibrary"]
        columns = [c["Name"] for c in glue["StorageDescriptor"]["Columns"]]
        keys = {*columns, *(k["Name"] for k in glue["PartitionKeys"])}
        for key in data_files(landed, table):
            lines = [line for line in read(landed, key).decode().splitlines() if line.strip()]
            if library.endswith("OpenCSVSerde"):  # by position, after the header line
                header = next(csv.reader([lines[0]]))[: len(columns)]
                if header != columns:
                    problems.append(f"{name}: {key} has columns {header}, the table {columns}")
                continue
            for number, line in enumerate(lines, 1):  # OpenX JSON: one object a line
                record = json.loads(line)
                if not isinstance(record, dict):
                    problems.append(f"{name}: {key} line {number} is not a JSON object")
                    continue
                scalars = {k for k, v in record.items() if not isinstance(v, list | dict)}
                if missing := sorted(set(columns) - set(record)):
                    problems.append(f"{name}: {key} line {number} lacks columns {missing}")
                if table.dbt_source != "shop" and (extra := sorted(scalars - keys)):
                    problems.append(f"{name}: {key} writes {extra}, not columns of the table")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_every_column_a_staging_model_reads_is_in_its_glue_table(
    target: str, landed: Landed, compiled: dict[str, Compiled]
) -> None:
    dialect = TARGETS[target]
    result = compiled[target]
    schema: dict[str, Any] = {}
    for source in result.sources.values():
        glue = glue_table(landed.database, source["identifier"])
        assert glue is not None, f"no Glue table {landed.database}.{source['identifier']}"
        columns = glue["StorageDescriptor"]["Columns"] + glue["PartitionKeys"]
        tables = schema.setdefault(source["database"], {}).setdefault(source["schema"], {})
        tables[source["identifier"]] = {
            **{c["Name"]: "varchar" for c in columns},
            **dict.fromkeys(PSEUDO_COLUMNS, "varchar"),
        }
    assert {s for _, sources in result.staging.values() for s in sources} == set(RAW_TABLES)
    problems = []
    for model, (sql, sources) in sorted(result.staging.items()):
        if not sources:
            continue
        try:
            qualify(
                sqlglot.parse_one(sql, read=dialect),
                schema=schema,
                dialect=dialect,
                validate_qualify_columns=True,
            )
        except OptimizeError as error:
            problems.append(
                f"{target}: {model} reads a column that the Glue table "
                f"{landed.database}.{', '.join(sources)} does not have: {error}"
            )
    assert not problems, "\n".join(problems)


def test_spectrum_may_read_every_raw_table_prefix(dev: Deployed) -> None:
    # The redshift stack is off in the dev parameters (moto creates no role): the template.
    role = dev.templates["redshift"]["Resources"]["SpectrumRole"]["Properties"]
    readable = [
        resource["Fn::Sub"][0].split(":::", 1)[1]  # ${Bucket}/${Prefix}/<prefix>/*
        for policy in role["Policies"]
        for statement in policy["PolicyDocument"]["Statement"]
        if statement["Action"] == "s3:GetObject"
        for resource in statement["Resource"]
    ]
    missing = [
        f"{name}: {table.prefix}/"
        for name, table in RAW_TABLES.items()
        if not any(fnmatchcase(f"${{Bucket}}/${{Prefix}}/{table.prefix}/x", r) for r in readable)
    ]
    assert not missing, f"the Spectrum role may not read {missing} (infra/templates/redshift.yaml)"


def test_dbt_reads_the_lake_and_raw_database_the_runner_task_is_given(
    dev: Deployed, landed: Landed
) -> None:
    assert landed.runner_env["ECOM_LAKE_URI"] == dev.outputs["storage"]["LakeUri"]
    assert landed.runner_env["ECOM_RAW_SCHEMA"] == dev.params["RawDatabaseName"]
