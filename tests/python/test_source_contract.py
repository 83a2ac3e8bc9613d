"""Each raw table's columns are defined once, in ingest.sources.SOURCES: the dbt sources file and
the Glue tables must declare exactly those columns, in that order, with those descriptions, plus
the ingest_date partition every landed file sits under.

The landed file's name is not declared: each engine exposes it its own way (DuckDB's `filename`,
Athena's and Spectrum's "$path", the PostgreSQL loader's `_landed_file`; see
macros/cross_db/landed_file_name.sql), never as a column of the table.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from ingest.catalog import glue_table_inputs
from ingest.sources import SOURCES, SourceSpec

from conftest import REPO

SOURCES_YML = REPO / "models" / "staging" / "shop" / "_shop__sources.yml"
GLUE_TABLES = glue_table_inputs("s3://contract-bucket/lake")


def shop_tables() -> dict[str, dict[str, Any]]:
    """The tables of the `shop` source in the dbt sources file, by name."""
    document = yaml.safe_load(SOURCES_YML.read_text())
    (shop,) = [source for source in document["sources"] if source["name"] == "shop"]
    names = [table["name"] for table in shop["tables"]]
    assert len(names) == len(set(names)), f"a table is declared twice: {names}"
    return {table["name"]: table for table in shop["tables"]}


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


def test_glue_has_one_table_per_source() -> None:
    assert sorted(GLUE_TABLES) == sorted(SOURCES)
