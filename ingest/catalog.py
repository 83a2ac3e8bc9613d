"""The Glue catalog of the raw layer: one database, one table per raw table of the contract.

``glue_table_inputs`` turns every table of ``ingest.raw_tables.RAW_TABLES`` (the feeds, the
lake's own records and the run log) into a plain Glue ``TableInput`` dict, so the CLI, the
ingest batch and the infrastructure code (infra/render_glue.py -> infra/templates/glue.yaml)
register the same tables. CSV tables read through OpenCSVSerde with the header line skipped,
NDJSON tables (one JSON object a line) through the OpenX JSON SerDe; every column is a string
(staging casts). Partitions come from Athena partition projection (``ingest_date`` and
``run_date`` as dates, ``source`` as the enum of feeds), so no crawler or MSCK REPAIR is ever
needed; Redshift Spectrum, which ignores projection, reads the partitions
``register_partitions`` and ``register_run_partitions`` list in the catalog.

``register_raw_tables`` is idempotent: it creates what is missing, updates a table whose
definition drifted from the contract (a column added to a feed is registered, not an error)
and leaves a matching table alone.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from botocore.exceptions import ClientError

from ingest.aws import aws_errors, error_code
from ingest.errors import CatalogError
from ingest.raw_tables import (
    BARE_PARTITIONS,
    INGEST_DATE,
    LAKE_TABLES,
    PIPELINE_RUNS,
    RAW_TABLES,
    SOURCE,
    RawTable,
    feed_table,
)
from ingest.sources import SOURCES, SourceSpec

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient
    from mypy_boto3_glue.type_defs import PartitionInputTypeDef, TableInputTypeDef

PARTITION_COLUMN = INGEST_DATE.name
SOURCE_PARTITION = SOURCE.name
PROJECTION_START = "2020-01-01"  # first ingest_date / run_date Athena projects
TEXT_INPUT = "org.apache.hadoop.mapred.TextInputFormat"
TEXT_OUTPUT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat"
CSV_SERDE = "org.apache.hadoop.hive.serde2.OpenCSVSerde"
JSON_SERDE = "org.openx.data.jsonserde.JsonSerDe"

JSON_SERDE_INFO = {
    "SerializationLibrary": JSON_SERDE,
    "Parameters": {"ignore.malformed.json": "false", "case.insensitive": "true"},
}
CSV_SERDE_INFO = {
    "SerializationLibrary": CSV_SERDE,
    "Parameters": {"separatorChar": ",", "quoteChar": '"', "escapeChar": "\\"},
}
SERDE_INFO = {"csv": CSV_SERDE_INFO, "ndjson": JSON_SERDE_INFO}


def _storage(table: RawTable, location: str) -> dict[str, Any]:
    """The StorageDescriptor of a text table: every column with its type, described."""
    return {
        "Columns": [
            {"Name": c.name, "Type": c.type, "Comment": c.description[:255]} for c in table.columns
        ],
        "Location": location,
        "InputFormat": TEXT_INPUT,
        "OutputFormat": TEXT_OUTPUT,
        "SerdeInfo": copy.deepcopy(SERDE_INFO[table.format]),  # safe to change
    }


def _projection(partition: str, projection_start: str) -> dict[str, str]:
    """Athena partition projection parameters of one partition."""
    if partition in BARE_PARTITIONS:
        return {
            f"projection.{partition}.type": "enum",
            f"projection.{partition}.values": ",".join(SOURCES),
        }
    return {
        f"projection.{partition}.type": "date",
        f"projection.{partition}.format": "yyyy-MM-dd",
        f"projection.{partition}.range": f"{projection_start},NOW",
        f"projection.{partition}.interval": "1",
        f"projection.{partition}.interval.unit": "DAYS",
    }


def table_location(table: RawTable, lake_uri: str) -> str:
    """The S3 prefix of a raw table: <lake>/<prefix>/."""
    return f"{lake_uri.rstrip('/')}/{table.prefix}/"


def raw_table_input(
    table: RawTable, lake_uri: str, projection_start: str = PROJECTION_START
) -> dict[str, Any]:
    """The Glue TableInput of one raw table, over <lake>/<prefix>/."""
    location = table_location(table, lake_uri)
    template = table.partition_path({p: f"${{{p}}}" for p in table.partition_names})
    parameters = {
        "EXTERNAL": "TRUE",
        "classification": "csv" if table.format == "csv" else "json",
        "projection.enabled": "true",
    }
    for partition in table.partition_names:
        parameters.update(_projection(partition, projection_start))
    parameters["storage.location.template"] = f"{location}{template}"
    if table.format == "csv":
        parameters["skip.header.line.count"] = "1"
    return {
        "Name": table.name,
        "Description": table.description,
        "TableType": "EXTERNAL_TABLE",
        "Parameters": parameters,
        "PartitionKeys": [
            {"Name": p.name, "Type": p.type, "Comment": p.description} for p in table.partitions
        ],
        "StorageDescriptor": _storage(table, location),
    }


def table_input(
    spec: SourceSpec, lake_uri: str, projection_start: str = PROJECTION_START
) -> dict[str, Any]:
    """The Glue TableInput of one source's raw table over <lake>/landing/<source>/."""
    return raw_table_input(feed_table(spec), lake_uri, projection_start)


def glue_table_inputs(
    lake_uri: str,
    sources: Mapping[str, SourceSpec] = SOURCES,
    projection_start: str = PROJECTION_START,
) -> dict[str, dict[str, Any]]:
    """Every raw table's Glue TableInput, by table name: the single definition for AWS."""
    if not lake_uri.startswith("s3://"):
        raise CatalogError(f"Glue tables need an s3:// lake, not {lake_uri!r}")
    tables = {**RAW_TABLES, **{name: feed_table(spec) for name, spec in sources.items()}}
    return {
        name: raw_table_input(table, lake_uri, projection_start) for name, table in tables.items()
    }


@dataclass
class CatalogChanges:
    """What one registration did."""

    database: str
    database_created: bool = False
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    partitions: list[str] = field(default_factory=list)  # "<table>/ingest_date=<day>" created

    @property
    def changed(self) -> bool:
        """Whether a table or the database was created or updated."""
        return bool(self.database_created or self.created or self.updated)

    def describe(self) -> str:
        """One line for the run output."""
        parts = [
            f"{label} {', '.join(names)}"
            for label, names in (
                ("created", self.created),
                ("updated", self.updated),
                ("unchanged", self.unchanged),
                ("new partitions", self.partitions),
            )
            if names
        ]
        created = " (created)" if self.database_created else ""
        return f"glue database {self.database}{created}: " + ("; ".join(parts) or "no change")


def _comparable(table: Mapping[str, Any]) -> dict[str, Any]:
    """The parts of a table (as Glue returns it or as a TableInput) that registration owns."""
    storage = table.get("StorageDescriptor", {})
    return {
        "Columns": [(c["Name"], c["Type"]) for c in storage.get("Columns", [])],
        "PartitionKeys": [(c["Name"], c["Type"]) for c in table.get("PartitionKeys", [])],
        "Location": storage.get("Location"),
        "SerDe": storage.get("SerdeInfo", {}).get("SerializationLibrary"),
        "SerDeParameters": storage.get("SerdeInfo", {}).get("Parameters", {}),
        "Parameters": table.get("Parameters", {}),
        "TableType": table.get("TableType"),
    }


def _matches(existing: Mapping[str, Any], wanted: Mapping[str, Any]) -> bool:
    have, want = _comparable(existing), _comparable(wanted)
    # Glue and other tools may add their own table parameters; only ours must match.
    have["Parameters"] = {k: v for k, v in have["Parameters"].items() if k in want["Parameters"]}
    return have == want


def ensure_database(glue: GlueClient, database: str) -> bool:
    """Create the raw database if it is missing; True when it was created."""
    with aws_errors(f"Glue database {database}", CatalogError):
        try:
            glue.get_database(Name=database)
            return False
        except ClientError as exc:
            if error_code(exc) != "EntityNotFoundException":
                raise
        glue.create_database(
            DatabaseInput={
                "Name": database,
                "Description": "Raw layer of the ecom lake: the feeds as landed by `ecom ingest`.",
            }
        )
        return True


def register_raw_tables(
    glue: GlueClient,
    database: str,
    lake_uri: str,
    sources: Mapping[str, SourceSpec] = SOURCES,
) -> CatalogChanges:
    """Create or update the raw database and its tables so they match SOURCES."""
    changes = CatalogChanges(database, database_created=ensure_database(glue, database))
    for name, wanted in glue_table_inputs(lake_uri, sources).items():
        with aws_errors(f"Glue table {database}.{name}", CatalogError):
            try:
                existing = glue.get_table(DatabaseName=database, Name=name)["Table"]
            except ClientError as exc:
                if error_code(exc) != "EntityNotFoundException":
                    raise
                glue.create_table(
                    DatabaseName=database, TableInput=cast("TableInputTypeDef", wanted)
                )
                changes.created.append(name)
                continue
            if _matches(existing, wanted):
                changes.unchanged.append(name)
                continue
            glue.update_table(DatabaseName=database, TableInput=cast("TableInputTypeDef", wanted))
            changes.updated.append(name)
    return changes


def _create_partition(
    glue: GlueClient, database: str, table: str, values: list[str], descriptor: dict[str, Any]
) -> bool:
    """Create one partition unless it exists; True when it was created."""
    with aws_errors(f"Glue partition {database}.{table}/{'/'.join(values)}", CatalogError):
        try:
            glue.create_partition(
                DatabaseName=database,
                TableName=table,
                PartitionInput=cast(
                    "PartitionInputTypeDef", {"Values": values, "StorageDescriptor": descriptor}
                ),
            )
        except ClientError as exc:
            if error_code(exc) != "AlreadyExistsException":
                raise
            return False
    return True


def _register_table_partitions(
    glue: GlueClient,
    database: str,
    lake_uri: str,
    table: RawTable,
    partitions: Iterable[Mapping[str, str]],
) -> list[dict[str, str]]:
    """Create the partitions of one raw table that are missing; returns those created."""
    wanted = raw_table_input(table, lake_uri)["StorageDescriptor"]
    created = []
    for values in partitions:
        location = f"{wanted['Location']}{table.partition_path(dict(values))}"
        if _create_partition(
            glue,
            database,
            table.name,
            [values[k] for k in table.partition_names],
            {**wanted, "Location": location},
        ):
            created.append(dict(values))
    return created


def register_partitions(
    glue: GlueClient,
    database: str,
    lake_uri: str,
    source: str,
    ingest_dates: Iterable[date],
) -> list[str]:
    """Register ingest_date partitions in Glue (those missing); returns the values created.

    Athena ignores them (partition projection answers instead), but Redshift Spectrum does not
    support projection and only reads partitions that the catalog lists. The same days' (and
    the source's) partitions of the lake's own tables (refused_rows, landed_files) are
    registered with them, since a landing writes there too; only the landing table's days are
    returned.
    """
    days = [day.isoformat() for day in sorted(set(ingest_dates))]
    created = _register_table_partitions(
        glue,
        database,
        lake_uri,
        feed_table(SOURCES[source]),
        [{PARTITION_COLUMN: day} for day in days],
    )
    for table in LAKE_TABLES.values():
        keys = table.partition_names
        landed = ({SOURCE_PARTITION: source, PARTITION_COLUMN: day} for day in days)
        # one partition per distinct value of the table's own keys (landed_files: the source)
        distinct = sorted({tuple(values[k] for k in keys) for values in landed})
        _register_table_partitions(
            glue, database, lake_uri, table, [dict(zip(keys, d, strict=True)) for d in distinct]
        )
    return [values[PARTITION_COLUMN] for values in created]


def register_run_partitions(
    glue: GlueClient, database: str, lake_uri: str, run_dates: Iterable[date]
) -> list[str]:
    """Register the run log's run_date partitions (those missing) for Redshift Spectrum;
    returns the days created."""
    key = PIPELINE_RUNS.partition_names[0]
    created = _register_table_partitions(
        glue,
        database,
        lake_uri,
        PIPELINE_RUNS,
        [{key: day.isoformat()} for day in sorted(set(run_dates))],
    )
    return [values[key] for values in created]
