"""The Glue catalog of the raw layer: one database, one table per source over its landing prefix,
and one per record the lake keeps about what it was given (``LAKE_TABLES``).

``glue_table_inputs`` is the one place the raw tables are defined for AWS, built from
``SOURCES`` and ``LAKE_TABLES``; it returns plain Glue ``TableInput`` dicts so the
infrastructure code can reuse them. CSV tables read through OpenCSVSerde with the header line
skipped, NDJSON and JSON tables through the OpenX JSON SerDe; every column is a string (staging
casts). Partitions come from Athena partition projection (``ingest_date``, and ``source`` for the
lake's own records), so no crawler or MSCK REPAIR is ever needed.

The lake's own records, beside the feeds:

* ``refused_rows``: ``refused_rows/<source>/ingest_date=YYYY-MM-DD/<landed file name>.ndjson``,
  one JSON object per row the door refused from a received file (the row never reached the
  landed data file).
* ``landed_files``: the manifest, ``_manifest/<source>/<sha256>.json``, one entry per distinct
  received content (ingest/manifest.py ``ManifestEntry``), so dbt can compare each landed file's
  row count with what staging read.

Their path's ``<source>`` is a partition (``source``) rather than a column: Glue refuses a
column and a partition key of one name, and every record repeats the source of its path.

``register_raw_tables`` is idempotent: it creates what is missing, updates a table whose
definition drifted from SOURCES (a column added to a feed is registered, not an error) and
leaves a matching table alone.
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
from ingest.sources import SOURCES, Column, SourceSpec

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient
    from mypy_boto3_glue.type_defs import PartitionInputTypeDef, TableInputTypeDef

PARTITION_COLUMN = "ingest_date"
PROJECTION_START = "2020-01-01"  # first ingest_date Athena projects
TEXT_INPUT = "org.apache.hadoop.mapred.TextInputFormat"
TEXT_OUTPUT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat"
CSV_SERDE = "org.apache.hadoop.hive.serde2.OpenCSVSerde"
JSON_SERDE = "org.openx.data.jsonserde.JsonSerDe"


SOURCE_PARTITION = "source"


@dataclass(frozen=True)
class LakeTable:
    """A raw table over records the lake keeps itself (not a feed): prefix, columns, partitions."""

    name: str
    prefix: str  # lake prefix under which the records lie, e.g. "refused_rows"
    description: str
    columns: tuple[Column, ...]
    partitions: tuple[Column, ...]  # path parts below the prefix, in order

    @property
    def column_names(self) -> tuple[str, ...]:
        """Names of the record's columns (the partitions excluded)."""
        return tuple(c.name for c in self.columns)


REFUSED_ROWS = LakeTable(
    name="refused_rows",
    prefix="refused_rows",
    description=(
        "Rows the ingest door refused from a received file (malformed, oversized, a repeated "
        "header, a non-finite number, not a JSON object); the rest of the file landed."
    ),
    columns=(
        Column(
            "landed_file_name",
            "Name of the landed data file the row was refused from, '<batch>-<file>'.",
        ),
        Column("line_number", "Line of the received file the row was on (1 = first line)."),
        Column(
            "reason",
            "Why it was refused: malformed_row, oversized_row, repeated_header, "
            "non_finite_number or not_an_object.",
        ),
        Column("detail", "What exactly was wrong, in words."),
        Column("raw", "The row as received, at most 1,000 characters."),
    ),
    partitions=(
        Column(SOURCE_PARTITION, "The feed: sales, products or customers."),
        Column("ingest_date", "Day the file landed (UTC), YYYY-MM-DD."),
    ),
)

LANDED_FILES = LakeTable(
    name="landed_files",
    prefix="_manifest",
    description=(
        "The lake's manifest: one entry per distinct file content received, with its status "
        "(pending, landed, quarantined) and row counts."
    ),
    columns=(
        Column("sha256", "SHA-256 of the received bytes; the entry's key."),
        Column("bytes", "Size of the received file in bytes."),
        Column("rows", "Rows in the landed data file."),
        Column(
            "rows_refused",
            "Rows the door refused (in refused_rows); absent in older entries, meaning 0.",
        ),
        Column("original_name", "The file's name as received."),
        Column("batch_id", "The ingest batch that landed it (UTC start time of the run)."),
        Column("landing_key", "Lake key of the landed (or quarantined) file."),
        Column("status", "pending, landed or quarantined."),
        Column("received_at", "When the content was first received (ISO-8601 UTC)."),
        Column("landed_at", "When it was landed or quarantined (ISO-8601 UTC)."),
    ),
    partitions=(Column(SOURCE_PARTITION, "The feed: sales, products or customers."),),
)

LAKE_TABLES: dict[str, LakeTable] = {t.name: t for t in (REFUSED_ROWS, LANDED_FILES)}


JSON_SERDE_INFO = {
    "SerializationLibrary": JSON_SERDE,
    "Parameters": {"ignore.malformed.json": "false", "case.insensitive": "true"},
}
CSV_SERDE_INFO = {
    "SerializationLibrary": CSV_SERDE,
    "Parameters": {"separatorChar": ",", "quoteChar": '"', "escapeChar": "\\"},
}


def _storage(columns: Iterable[Column], location: str, serde: dict[str, Any]) -> dict[str, Any]:
    """The StorageDescriptor of a text table: every column a string, described."""
    return {
        "Columns": [
            {"Name": c.name, "Type": "string", "Comment": c.description[:255]} for c in columns
        ],
        "Location": location,
        "InputFormat": TEXT_INPUT,
        "OutputFormat": TEXT_OUTPUT,
        "SerdeInfo": copy.deepcopy(serde),  # a table input of its own, safe to change
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
        "StorageDescriptor": _storage(
            spec.columns, location, CSV_SERDE_INFO if spec.format == "csv" else JSON_SERDE_INFO
        ),
    }


def _projection(partition: str, projection_start: str) -> dict[str, str]:
    """Athena partition projection parameters of one partition of a lake table."""
    if partition == SOURCE_PARTITION:
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


def _partition_path(table: LakeTable, values: Mapping[str, str]) -> str:
    """The lake path of one partition below the table's location: 'sales/ingest_date=.../'."""
    parts = [
        values[p.name] if p.name == SOURCE_PARTITION else f"{p.name}={values[p.name]}"
        for p in table.partitions
    ]
    return "".join(f"{part}/" for part in parts)


def lake_table_input(
    table: LakeTable, lake_uri: str, projection_start: str = PROJECTION_START
) -> dict[str, Any]:
    """The Glue TableInput of one of the lake's own record tables, over <lake>/<prefix>/."""
    location = f"{lake_uri.rstrip('/')}/{table.prefix}/"
    template = _partition_path(table, {p.name: f"${{{p.name}}}" for p in table.partitions})
    parameters = {
        "EXTERNAL": "TRUE",
        "classification": "json",
        "projection.enabled": "true",
        "storage.location.template": f"{location}{template}",
    }
    for partition in table.partitions:
        parameters.update(_projection(partition.name, projection_start))
    return {
        "Name": table.name,
        "Description": table.description,
        "TableType": "EXTERNAL_TABLE",
        "Parameters": parameters,
        "PartitionKeys": [
            {"Name": p.name, "Type": "string", "Comment": p.description} for p in table.partitions
        ],
        "StorageDescriptor": _storage(table.columns, location, JSON_SERDE_INFO),
    }


def glue_table_inputs(
    lake_uri: str,
    sources: Mapping[str, SourceSpec] = SOURCES,
    projection_start: str = PROJECTION_START,
) -> dict[str, dict[str, Any]]:
    """Every raw table's Glue TableInput, by table name: the single definition for AWS."""
    if not lake_uri.startswith("s3://"):
        raise CatalogError(f"Glue tables need an s3:// lake, not {lake_uri!r}")
    inputs = {name: table_input(spec, lake_uri, projection_start) for name, spec in sources.items()}
    for name, table in LAKE_TABLES.items():
        inputs[name] = lake_table_input(table, lake_uri, projection_start)
    return inputs


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


def _register_lake_partitions(
    glue: GlueClient, database: str, lake_uri: str, source: str, days: list[date]
) -> None:
    """The partitions of the lake's own tables a landing of `source` on `days` may write to."""
    for table in LAKE_TABLES.values():
        wanted = lake_table_input(table, lake_uri)["StorageDescriptor"]
        keys = [p.name for p in table.partitions]
        partitions = (
            [{SOURCE_PARTITION: source, PARTITION_COLUMN: day.isoformat()} for day in days]
            if PARTITION_COLUMN in keys
            else [{SOURCE_PARTITION: source}]
        )
        for values in partitions:
            location = f"{wanted['Location']}{_partition_path(table, values)}"
            _create_partition(
                glue,
                database,
                table.name,
                [values[k] for k in keys],
                {**wanted, "Location": location},
            )


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
    wanted = table_input(SOURCES[source], lake_uri)["StorageDescriptor"]
    days = sorted(set(ingest_dates))
    created = []
    for day in days:
        value = day.isoformat()
        descriptor = {**wanted, "Location": f"{wanted['Location']}{PARTITION_COLUMN}={value}/"}
        if _create_partition(glue, database, source, [value], descriptor):
            created.append(value)
    if days:
        _register_lake_partitions(glue, database, lake_uri, source, days)
    return created
