"""Each raw table's columns are defined once, in ingest.sources.SOURCES (the feeds) and
ingest.catalog.LAKE_TABLES (the lake's own records: refused rows, the manifest): the dbt sources
files and the Glue tables must declare exactly those columns, in that order, with those
descriptions, plus the partitions (ingest_date; and source for the lake's records).

The landed file's name is not declared: each engine exposes it its own way (DuckDB's `filename`,
Athena's and Spectrum's "$path", the PostgreSQL loader's `_landed_file`; see
macros/cross_db/landed_file_name.sql), never as a column of the table.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from ingest.catalog import LAKE_TABLES, glue_table_inputs
from ingest.sources import SOURCES, SourceSpec

from conftest import REPO

SOURCES_YML = REPO / "models" / "staging" / "shop" / "_shop__sources.yml"
LAKE_SOURCES_YML = REPO / "models" / "staging" / "lake" / "_lake__sources.yml"
GLUE_TABLES = glue_table_inputs("s3://contract-bucket/lake")


def source_tables(path: Any = SOURCES_YML, name: str = "shop") -> dict[str, dict[str, Any]]:
    """The tables of one dbt source in its sources file, by name."""
    document = yaml.safe_load(path.read_text())
    (source,) = [source for source in document["sources"] if source["name"] == name]
    names = [table["name"] for table in source["tables"]]
    assert len(names) == len(set(names)), f"a table is declared twice: {names}"
    return {table["name"]: table for table in source["tables"]}


def shop_tables() -> dict[str, dict[str, Any]]:
    """The tables of the `shop` source in the dbt sources file, by name."""
    return source_tables()


def lake_tables() -> dict[str, dict[str, Any]]:
    """The tables of the `lake` source (the lake's own records), by name."""
    return source_tables(LAKE_SOURCES_YML, "lake")


def glue_columns(name: str) -> list[tuple[str, str]]:
    """(name, description) of every column of a Glue table, the partitions last."""
    table = GLUE_TABLES[name]
    return [
        (c["Name"], c["Comment"])
        for c in table["StorageDescriptor"]["Columns"] + table["PartitionKeys"]
    ]


def partition_columns(spec: SourceSpec) -> list[tuple[str, str]]:
    """(name, description) of the partition columns the lake adds to every landed file."""
    return [(key["Name"], key["Comment"]) for key in GLUE_TABLES[spec.name]["PartitionKeys"]]


def expected_columns(spec: SourceSpec) -> list[tuple[str, str]]:
    """(name, description) of every column the raw table has: the feed's, then the partitions."""
    return [(c.name, c.description) for c in spec.columns] + partition_columns(spec)


class IndentedDumper(yaml.SafeDumper):
    """Lists indented under their key, as the dbt yml files write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def columns_block(spec: SourceSpec) -> str:
    """The `columns:` block of the table in the dbt sources file, to paste there."""
    columns = [{"name": name, "description": text} for name, text in expected_columns(spec)]
    block = yaml.dump(
        {"columns": columns},
        Dumper=IndentedDumper,
        sort_keys=False,
        width=100,
        allow_unicode=True,
    )
    return "".join(f"        {line}" for line in block.splitlines(keepends=True))


def test_the_dbt_shop_source_has_one_table_per_source() -> None:
    assert sorted(shop_tables()) == sorted(SOURCES)


def test_every_source_is_partitioned_by_ingest_date_alone() -> None:
    for spec in SOURCES.values():
        assert [name for name, _ in partition_columns(spec)] == ["ingest_date"], spec.name


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_dbt_source_columns_are_the_source_columns_with_their_descriptions(name: str) -> None:
    spec = SOURCES[name]
    declared = [(c["name"], c.get("description")) for c in shop_tables()[name]["columns"]]
    assert declared == expected_columns(spec), (
        f"{SOURCES_YML.relative_to(REPO)}, table {name}: the columns must be those of "
        f"ingest.sources.{name.upper()} plus the partition; paste:\n{columns_block(spec)}"
    )


@pytest.mark.parametrize("name", sorted(s.name for s in SOURCES.values() if s.format == "ndjson"))
def test_duckdb_reads_exactly_the_source_columns_of_an_ndjson_feed(name: str) -> None:
    # read_json is given the columns (so a missing key is a null, not an error); they must be
    # the source's. The partition comes from hive_partitioning, not from this list.
    location = shop_tables()[name]["meta"]["external_location"]
    (struct,) = re.findall(r"columns\s*=\s*struct_pack\(([^)]*)\)", location)
    read = re.findall(r"(\w+)\s*:=\s*'varchar'", struct)
    assert read == list(SOURCES[name].required_columns)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_glue_table_columns_are_the_source_columns_with_their_descriptions(name: str) -> None:
    spec = SOURCES[name]
    table = GLUE_TABLES[name]
    glue_columns = [
        (c["Name"], c["Comment"])
        for c in table["StorageDescriptor"]["Columns"] + table["PartitionKeys"]
    ]
    assert glue_columns == expected_columns(spec)
    assert {c["Type"] for c in table["StorageDescriptor"]["Columns"]} == {"string"}


def test_glue_has_one_table_per_source_and_per_lake_record() -> None:
    assert sorted(GLUE_TABLES) == sorted([*SOURCES, *LAKE_TABLES])


def test_the_dbt_lake_source_has_one_table_per_lake_record() -> None:
    assert sorted(lake_tables()) == sorted(LAKE_TABLES)


@pytest.mark.parametrize("name", sorted(LAKE_TABLES))
def test_dbt_lake_source_columns_are_the_lake_record_columns(name: str) -> None:
    declared = [(c["name"], c.get("description")) for c in lake_tables()[name]["columns"]]
    table = LAKE_TABLES[name]
    expected = [(c.name, c.description) for c in (*table.columns, *table.partitions)]
    assert declared == expected
    assert glue_columns(name) == expected


@pytest.mark.parametrize("name", sorted(LAKE_TABLES))
def test_duckdb_reads_every_field_of_a_lake_record_as_text(name: str) -> None:
    # The path's <source> is a partition on Glue but no hive partition for DuckDB (the folder
    # is `sales`, not `source=sales`): DuckDB reads it from the record, where the door writes it.
    location = lake_tables()[name]["meta"]["external_location"]
    (struct,) = re.findall(r"columns\s*=\s*struct_pack\(([^)]*)\)", location)
    read = re.findall(r"(\w+)\s*:=\s*'varchar'", struct)
    assert sorted(read) == sorted([*LAKE_TABLES[name].column_names, "source"])
    assert f"/{LAKE_TABLES[name].prefix}/" in location
