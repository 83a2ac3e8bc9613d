"""The Glue catalog of the raw layer: one database, one table per source over its landing prefix.

``glue_table_inputs`` is the one place the raw tables are defined for AWS, built from
``SOURCES``; it returns plain Glue ``TableInput`` dicts so the infrastructure code can reuse
them. CSV tables read through OpenCSVSerde with the header line skipped, NDJSON tables through
the OpenX JSON SerDe; every column is a string (staging casts). Partitions come from Athena
partition projection on ``ingest_date``, so no crawler or MSCK REPAIR is ever needed.

``register_raw_tables`` is idempotent: it creates what is missing, updates a table whose
definition drifted from SOURCES (a column added to a feed is registered, not an error) and
leaves a matching table alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from botocore.exceptions import ClientError

from ingest.aws import aws_errors, error_code
from ingest.errors import CatalogError
from ingest.sources import SOURCES, SourceSpec

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient
    from mypy_boto3_glue.type_defs import PartitionInputTypeDef, TableInputTypeDef

PARTITION_COLUMN = "ingest_date"
PROJECTION_START = "2020-01-01"  # first ingest_date Athena projects
TEXT_INPUT = "org.apache.hadoop.mapred.TextInputFormat"
TEXT_OUTPUT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat"
CSV_SERDE = "org.apache.hadoop.hive.serde2.OpenCSVSerde"
JSON_SERDE = "org.openx.data.jsonserde.JsonSerDe"


def _serde(spec: SourceSpec) -> dict[str, Any]:
    if spec.format == "csv":
        return {
            "SerializationLibrary": CSV_SERDE,
            "Parameters": {"separatorChar": ",", "quoteChar": '"', "escapeChar": "\\"},
        }
    return {
        "SerializationLibrary": JSON_SERDE,
        "Parameters": {"ignore.malformed.json": "false", "case.insensitive": "true"},
    }


def table_input(
    spec: SourceSpec, lake_uri: str, projection_start: str = PROJECTION_START
) -> dict[str, Any]:
    """The Glue TableInput of one source's raw table over <lake>/landing/<source>/."""
    location = f"{lake_uri.rstrip('/')}/landing/{spec.name}/"
    parameters = {
        "EXTERNAL": "TRUE",
        "classification": "csv" if spec.format == "csv" else "json",
        "projection.enabled": "true",
        f"projection.{PARTITION_COLUMN}.type": "date",
        f"projection.{PARTITION_COLUMN}.format": "yyyy-MM-dd",
        f"projection.{PARTITION_COLUMN}.range": f"{projection_start},NOW",
        f"projection.{PARTITION_COLUMN}.interval": "1",
        f"projection.{PARTITION_COLUMN}.interval.unit": "DAYS",
        "storage.location.template": f"{location}{PARTITION_COLUMN}=${{{PARTITION_COLUMN}}}/",
    }
    if spec.format == "csv":
        parameters["skip.header.line.count"] = "1"
    return {
        "Name": spec.name,
        "Description": spec.description,
        "TableType": "EXTERNAL_TABLE",
        "Parameters": parameters,
        "PartitionKeys": [
            {
                "Name": PARTITION_COLUMN,
                "Type": "string",
                "Comment": "Day the file landed (UTC), YYYY-MM-DD.",
            }
        ],
        "StorageDescriptor": {
            "Columns": [
                {"Name": c.name, "Type": "string", "Comment": c.description[:255]}
                for c in spec.columns
            ],
            "Location": location,
            "InputFormat": TEXT_INPUT,
            "OutputFormat": TEXT_OUTPUT,
            "SerdeInfo": _serde(spec),
        },
    }


def glue_table_inputs(
    lake_uri: str,
    sources: Mapping[str, SourceSpec] = SOURCES,
    projection_start: str = PROJECTION_START,
) -> dict[str, dict[str, Any]]:
    """Every raw table's Glue TableInput, by table name: the single definition for AWS."""
    if not lake_uri.startswith("s3://"):
        raise CatalogError(f"Glue tables need an s3:// lake, not {lake_uri!r}")
    return {name: table_input(spec, lake_uri, projection_start) for name, spec in sources.items()}


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
        return f"glue database {self.database}{created}: " + "; ".join(parts)


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


def register_partitions(
    glue: GlueClient,
    database: str,
    lake_uri: str,
    source: str,
    ingest_dates: Iterable[date],
) -> list[str]:
    """Register ingest_date partitions in Glue (those missing); returns the values created.

    Athena ignores them (partition projection answers instead), but Redshift Spectrum does not
    support projection and only reads partitions that the catalog lists.
    """
    wanted = table_input(SOURCES[source], lake_uri)["StorageDescriptor"]
    created = []
    for day in sorted(set(ingest_dates)):
        value = day.isoformat()
        descriptor = {**wanted, "Location": f"{wanted['Location']}{PARTITION_COLUMN}={value}/"}
        with aws_errors(f"Glue partition {database}.{source}/{value}", CatalogError):
            try:
                glue.create_partition(
                    DatabaseName=database,
                    TableName=source,
                    PartitionInput=cast(
                        "PartitionInputTypeDef",
                        {"Values": [value], "StorageDescriptor": descriptor},
                    ),
                )
            except ClientError as exc:
                if error_code(exc) != "AlreadyExistsException":
                    raise
                continue
        created.append(value)
    return created
