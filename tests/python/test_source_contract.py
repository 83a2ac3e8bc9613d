"""Each raw table is defined once, in the catalog contract ingest.raw_tables.RAW_TABLES (the
feeds' columns in ingest.sources.SOURCES; the lake's records: refused rows, the manifest; the
run log): the dbt sources files and the Glue tables must declare exactly those columns, in that
order, with those descriptions, plus the partitions (ingest_date; source for the lake's
records; run_date for the run log), and DuckDB must read the files where the contract puts
them. tests/python/test_infra_moto.py checks the same tables deployed and read through Glue.

The landed file's name is not declared: each engine exposes it its own way (DuckDB's `filename`,
Athena's and Spectrum's "$path", the PostgreSQL loader's `_landed_file`; see
macros/cross_db/landed_file_name.sql), never as a column of the table.
"""

from __future__ import annotations

import json
import re
from datetime import date
from fnmatch import fnmatch
from typing import Any

import pytest
import yaml

from ecom.runlog import RunRecord, StepRecord, StepStatus, utc_timestamp
from ingest.catalog import glue_table_inputs
from ingest.raw_tables import BARE_PARTITIONS, PIPELINE_RUNS, RAW_TABLES
from ingest.sources import SOURCES, SourceSpec

from conftest import REPO

pytestmark = pytest.mark.unit

SOURCES_YML = REPO / "models" / "staging" / "shop" / "_shop__sources.yml"
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


def test_glue_has_one_table_per_raw_table() -> None:
    assert sorted(GLUE_TABLES) == sorted(RAW_TABLES)


def records_tables(source: str) -> dict[str, dict[str, Any]]:
    """The tables of a dbt source over the lake's own records (lake, ops), by name."""
    return source_tables(REPO / "models" / "staging" / source / f"_{source}__sources.yml", source)


@pytest.mark.parametrize("source", ["lake", "ops"])
def test_each_dbt_source_over_the_lake_records_has_one_table_per_raw_table(source: str) -> None:
    wanted = [t.name for t in RAW_TABLES.values() if t.dbt_source == source]
    assert sorted(records_tables(source)) == sorted(wanted), (
        f"dbt source {source}: declares {sorted(records_tables(source))}, the catalog contract "
        f"(ingest/raw_tables.py) {sorted(wanted)}"
    )


RECORD_TABLES = sorted(t.name for t in RAW_TABLES.values() if t.dbt_source != "shop")


@pytest.mark.parametrize("name", RECORD_TABLES)
def test_dbt_source_columns_of_a_lake_record_are_the_contract_columns(name: str) -> None:
    table = RAW_TABLES[name]
    declared = [
        (c["name"], c.get("description")) for c in records_tables(table.dbt_source)[name]["columns"]
    ]
    expected = [(c.name, c.description) for c in (*table.columns, *table.partitions)]
    assert declared == expected, (
        f"dbt source {table.dbt_source}, table {name}: columns differ from ingest/raw_tables.py "
        f"at {[d for d, e in zip(declared, expected, strict=False) if d != e][:1] or 'the end'}"
    )
    assert glue_columns(name) == expected


@pytest.mark.parametrize("name", RECORD_TABLES)
def test_duckdb_reads_every_field_of_a_lake_record_as_text(name: str) -> None:
    # A `name=value` folder is a hive partition DuckDB reads from the path; a bare folder
    # (`sales`, not `source=sales`) is not, so DuckDB reads that value from the record, where
    # the writer repeats it.
    table = RAW_TABLES[name]
    location = records_tables(table.dbt_source)[name]["meta"]["external_location"]
    (struct,) = re.findall(r"columns\s*=\s*struct_pack\(([^)]*)\)", location)
    read = re.findall(r"(\w+)\s*:=\s*'varchar'", struct)
    bare = [p for p in table.partition_names if p in BARE_PARTITIONS]
    assert sorted(read) == sorted([*table.column_names, *bare]), name


@pytest.mark.parametrize("name", sorted(RAW_TABLES))
def test_duckdb_reads_the_files_where_the_contract_puts_them(name: str) -> None:
    table = RAW_TABLES[name]
    location = source_tables(
        REPO / "models" / "staging" / table.dbt_source / f"_{table.dbt_source}__sources.yml",
        table.dbt_source,
    )[name]["meta"]["external_location"]
    assert f"/{lake_glob(name)}'" in location, (
        f"dbt source {table.dbt_source}.{name} must read '<lake>/{lake_glob(name)}' "
        "(ingest/raw_tables.py)"
    )


def lake_glob(name: str) -> str:
    """The glob of a raw table's data files below the lake: one `*` per partition folder."""
    table = RAW_TABLES[name]
    return f"{table.prefix}/" + "*/" * len(table.partitions) + f"*{table.extension}"


def test_staging_models_ask_for_the_contract_globs() -> None:
    """The globs a staging model passes to lake_has_files / unstaged_lake_files are the
    files of its raw table."""
    globs = {lake_glob(name) for name in RAW_TABLES}
    staging = REPO / "models" / "staging"
    used = {
        (path.name, found)
        for path in staging.rglob("stg_*.sql")
        for found in re.findall(r"'([\w/]+/\*[^']*)'", path.read_text())
    }
    assert used, "no staging model names a lake glob"
    assert {(model, glob) for model, glob in used if glob not in globs} == set()


def test_the_run_log_writes_the_contract_columns_one_record_a_line_where_glue_reads() -> None:
    record = RunRecord("20261121T060000Z", "run", date(2026, 11, 21), utc_timestamp())
    record.steps.append(StepRecord("ingest", StepStatus.SUCCEEDED, 1.5))
    record.dbt_results.append({"unique_id": "model.ecom.fct_sales", "status": "success"})
    stored = record.to_json()
    assert stored.count(b"\n") == 1 and stored.endswith(b"\n")  # NDJSON, for the OpenX SerDe
    written = json.loads(stored)
    scalars = {key for key, value in written.items() if not isinstance(value, list | dict)}
    wanted = {*PIPELINE_RUNS.column_names, *PIPELINE_RUNS.partition_names}
    assert scalars == wanted, (
        f"ecom/runlog.py writes {sorted(scalars - wanted)} that the raw table pipeline_runs "
        f"(ingest/raw_tables.py) lacks, and lacks {sorted(wanted - scalars)}"
    )
    assert record.key == "_ops/runs/run_date=2026-11-21/20261121T060000Z.json"
    assert fnmatch(record.key, lake_glob("pipeline_runs"))
