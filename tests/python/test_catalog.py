"""Glue registration of the raw tables, against a moto server, read back with boto3 and
awswrangler as Athena users' tooling would."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from typing import Any

import awswrangler as wr
import boto3
import pytest

from ingest.aws import glue_client
from ingest.catalog import (
    glue_table_inputs,
    register_partitions,
    register_raw_tables,
    register_run_partitions,
)
from ingest.errors import CatalogError
from ingest.raw_tables import LAKE_TABLES, REFUSED_ROWS
from ingest.sources import SALES, SOURCES, Column

pytestmark = pytest.mark.unit

DATABASE = "ecom_raw"
ALL_TABLES = ["sales", "products", "customers", "refused_rows", "landed_files", "pipeline_runs"]


@pytest.fixture
def lake_uri(s3_bucket: str) -> str:
    return f"s3://{s3_bucket}/lake"


@pytest.fixture
def glue(moto_endpoint: str, lake_uri: str) -> Any:
    """A Glue client with a clean catalog for this test (other modules on this worker's moto
    server may have registered databases of their own)."""
    client = glue_client("us-east-1", moto_endpoint)
    for database in client.get_databases()["DatabaseList"]:
        client.delete_database(Name=database["Name"])
    return client


def table(name: str) -> Any:
    return boto3.client("glue").get_table(DatabaseName=DATABASE, Name=name)["Table"]


def test_registration_creates_the_raw_database_and_one_table_per_source(
    glue: Any, lake_uri: str
) -> None:
    changes = register_raw_tables(glue, DATABASE, lake_uri)
    assert changes.created == ALL_TABLES
    assert wr.catalog.databases()["Database"].tolist() == [DATABASE]
    assert sorted(wr.catalog.tables(database=DATABASE)["Table"]) == sorted(ALL_TABLES)
    for name in SOURCES:
        location = wr.catalog.get_table_location(database=DATABASE, table=name)
        assert location == f"{lake_uri}/landing/{name}/"


def test_every_raw_column_is_a_string_and_ingest_date_is_the_partition(
    glue: Any, lake_uri: str
) -> None:
    register_raw_tables(glue, DATABASE, lake_uri)
    for name, spec in SOURCES.items():
        types = wr.catalog.get_table_types(database=DATABASE, table=name)
        assert types is not None
        assert list(types) == [*spec.column_names, "ingest_date"]
        assert set(types.values()) == {"string"}
        keys = table(name)["PartitionKeys"]
        assert [k["Name"] for k in keys] == ["ingest_date"]


def test_csv_table_reads_through_opencsvserde_and_skips_the_header(
    glue: Any, lake_uri: str
) -> None:
    register_raw_tables(glue, DATABASE, lake_uri)
    sales = table("sales")
    serde = sales["StorageDescriptor"]["SerdeInfo"]
    assert serde["SerializationLibrary"] == "org.apache.hadoop.hive.serde2.OpenCSVSerde"
    assert serde["Parameters"]["separatorChar"] == ","
    assert sales["Parameters"]["skip.header.line.count"] == "1"
    assert sales["StorageDescriptor"]["InputFormat"] == "org.apache.hadoop.mapred.TextInputFormat"


@pytest.mark.parametrize("name", ["products", "customers"])
def test_ndjson_tables_read_through_the_openx_json_serde(
    glue: Any, lake_uri: str, name: str
) -> None:
    register_raw_tables(glue, DATABASE, lake_uri)
    found = table(name)
    serde = found["StorageDescriptor"]["SerdeInfo"]
    assert serde["SerializationLibrary"] == "org.openx.data.jsonserde.JsonSerDe"
    assert "skip.header.line.count" not in found["Parameters"]


def test_partitions_are_projected_so_no_crawler_or_msck_repair_is_needed(
    glue: Any, lake_uri: str
) -> None:
    register_raw_tables(glue, DATABASE, lake_uri)
    for name in SOURCES:
        parameters = wr.catalog.get_table_parameters(database=DATABASE, table=name)
        assert parameters["projection.enabled"] == "true"
        assert parameters["projection.ingest_date.type"] == "date"
        assert parameters["projection.ingest_date.format"] == "yyyy-MM-dd"
        assert parameters["projection.ingest_date.range"] == "2020-01-01,NOW"
        assert parameters["projection.ingest_date.interval.unit"] == "DAYS"
        assert parameters["storage.location.template"] == (
            f"{lake_uri}/landing/{name}/ingest_date=${{ingest_date}}/"
        )
        assert wr.catalog.get_partitions(database=DATABASE, table=name) == {}


def test_registering_twice_changes_nothing(glue: Any, lake_uri: str) -> None:
    register_raw_tables(glue, DATABASE, lake_uri)
    before = {name: table(name)["StorageDescriptor"] for name in SOURCES}
    again = register_raw_tables(glue, DATABASE, lake_uri)
    assert (again.created, again.updated) == ([], [])
    assert again.unchanged == ALL_TABLES
    assert {name: table(name)["StorageDescriptor"] for name in SOURCES} == before


def test_a_column_added_to_a_source_is_registered_not_an_error(glue: Any, lake_uri: str) -> None:
    register_raw_tables(glue, DATABASE, lake_uri)
    grown = dataclasses.replace(
        SALES, columns=(*SALES.columns, Column("store_id", "Store that sold."))
    )
    changes = register_raw_tables(glue, DATABASE, lake_uri, {**SOURCES, "sales": grown})
    assert (changes.updated, changes.unchanged) == (["sales"], ALL_TABLES[1:])
    types = wr.catalog.get_table_types(database=DATABASE, table="sales")
    assert types is not None
    assert list(types)[-2:] == ["store_id", "ingest_date"]
    parameters = wr.catalog.get_table_parameters(database=DATABASE, table="sales")
    assert parameters["projection.enabled"] == "true"  # the update keeps the projection


def test_table_definitions_are_plain_json_for_the_infrastructure_code() -> None:
    inputs = glue_table_inputs("s3://my-bucket/lake")
    assert list(inputs) == ALL_TABLES
    assert json.loads(json.dumps(inputs)) == inputs
    assert inputs["sales"]["StorageDescriptor"]["Location"] == "s3://my-bucket/lake/landing/sales/"


def test_glue_tables_need_an_s3_lake() -> None:
    with pytest.raises(CatalogError, match="need an s3:// lake"):
        glue_table_inputs("data/lake")


def test_landed_days_are_registered_as_partitions_for_redshift_spectrum(
    glue: Any, lake_uri: str
) -> None:
    register_raw_tables(glue, DATABASE, lake_uri)
    days = [date(2026, 11, 20), date(2026, 11, 21), date(2026, 11, 20)]
    assert register_partitions(glue, DATABASE, lake_uri, "sales", days) == [
        "2026-11-20",
        "2026-11-21",
    ]
    partitions = glue.get_partitions(DatabaseName=DATABASE, TableName="sales")["Partitions"]
    locations = sorted(p["StorageDescriptor"]["Location"] for p in partitions)
    assert locations == [
        f"{lake_uri}/landing/sales/ingest_date=2026-11-20/",
        f"{lake_uri}/landing/sales/ingest_date=2026-11-21/",
    ]
    serde = partitions[0]["StorageDescriptor"]["SerdeInfo"]["SerializationLibrary"]
    assert serde == "org.apache.hadoop.hive.serde2.OpenCSVSerde"
    # registering again is a no-op, not an error
    assert register_partitions(glue, DATABASE, lake_uri, "sales", days) == []


def test_lake_records_are_json_tables_of_strings_partitioned_by_their_path(
    glue: Any, lake_uri: str
) -> None:
    register_raw_tables(glue, DATABASE, lake_uri)
    refused = table("refused_rows")
    assert refused["StorageDescriptor"]["Location"] == f"{lake_uri}/refused_rows/"
    serde = refused["StorageDescriptor"]["SerdeInfo"]["SerializationLibrary"]
    assert serde == "org.openx.data.jsonserde.JsonSerDe"
    types = wr.catalog.get_table_types(database=DATABASE, table="refused_rows")
    assert types is not None
    assert list(types) == [*REFUSED_ROWS.column_names, "source", "ingest_date"]
    assert set(types.values()) == {"string"}
    parameters = wr.catalog.get_table_parameters(database=DATABASE, table="refused_rows")
    assert parameters["projection.source.type"] == "enum"
    assert parameters["projection.source.values"] == "sales,products,customers"
    assert parameters["projection.ingest_date.range"] == "2020-01-01,NOW"
    assert parameters["storage.location.template"] == (
        f"{lake_uri}/refused_rows/${{source}}/ingest_date=${{ingest_date}}/"
    )
    manifest = wr.catalog.get_table_parameters(database=DATABASE, table="landed_files")
    assert manifest["storage.location.template"] == f"{lake_uri}/_manifest/${{source}}/"
    assert [k["Name"] for k in table("landed_files")["PartitionKeys"]] == ["source"]
    assert sorted(LAKE_TABLES) == ["landed_files", "refused_rows"]


def test_a_landing_registers_the_lake_records_partitions_for_redshift_spectrum(
    glue: Any, lake_uri: str
) -> None:
    register_raw_tables(glue, DATABASE, lake_uri)
    register_partitions(glue, DATABASE, lake_uri, "customers", [date(2026, 11, 21)])

    def locations(name: str) -> list[str]:
        found = glue.get_partitions(DatabaseName=DATABASE, TableName=name)["Partitions"]
        return sorted(p["StorageDescriptor"]["Location"] for p in found)

    assert locations("refused_rows") == [
        f"{lake_uri}/refused_rows/customers/ingest_date=2026-11-21/"
    ]
    assert locations("landed_files") == [f"{lake_uri}/_manifest/customers/"]
    # again: a no-op, not an error
    assert register_partitions(glue, DATABASE, lake_uri, "customers", [date(2026, 11, 21)]) == []
    assert len(locations("refused_rows")) == 1


def test_the_run_log_is_a_json_table_partitioned_by_run_date(glue: Any, lake_uri: str) -> None:
    register_raw_tables(glue, DATABASE, lake_uri)
    runs = table("pipeline_runs")
    assert runs["StorageDescriptor"]["Location"] == f"{lake_uri}/_ops/runs/"
    serde = runs["StorageDescriptor"]["SerdeInfo"]["SerializationLibrary"]
    assert serde == "org.openx.data.jsonserde.JsonSerDe"
    assert [k["Name"] for k in runs["PartitionKeys"]] == ["run_date"]
    parameters = wr.catalog.get_table_parameters(database=DATABASE, table="pipeline_runs")
    assert parameters["projection.run_date.type"] == "date"
    assert parameters["storage.location.template"] == (
        f"{lake_uri}/_ops/runs/run_date=${{run_date}}/"
    )


def test_a_run_registers_its_run_log_partition_for_redshift_spectrum(
    glue: Any, lake_uri: str
) -> None:
    register_raw_tables(glue, DATABASE, lake_uri)
    day = date(2026, 11, 21)
    assert register_run_partitions(glue, DATABASE, lake_uri, [day, day]) == ["2026-11-21"]
    found = glue.get_partitions(DatabaseName=DATABASE, TableName="pipeline_runs")["Partitions"]
    assert [p["StorageDescriptor"]["Location"] for p in found] == [
        f"{lake_uri}/_ops/runs/run_date=2026-11-21/"
    ]
    assert register_run_partitions(glue, DATABASE, lake_uri, [day]) == []  # a no-op
