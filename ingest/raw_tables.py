"""The one definition of every raw table: name, lake location, file format, columns, partitions.

``RAW_TABLES`` is the catalog contract. The Glue tables (ingest/catalog.py, which
``ecom catalog``, ``ecom ingest``/``ecom run`` and infra/templates/glue.yaml all use), the
dbt sources (models/staging/*/_*__sources.yml, checked by tests/python/test_source_contract.py)
and the writers of the lake's own records (ingest/manifest.py, ingest/landing.py,
ecom/runlog.py, checked against it too) derive from or are checked against it, so they cannot
disagree on a table's location, format or columns.

Three kinds of raw table, one per dbt source:

* ``shop``: the feeds, from ``ingest.sources.SOURCES``, under ``landing/<source>/ingest_date=D/``.
* ``lake``: what the lake records about the files it was given:

  - ``refused_rows``: ``refused_rows/<source>/ingest_date=D/<landed file name>.ndjson``, one JSON
    object per row the door refused from a received file (the row never reached the landed data
    file).
  - ``landed_files``: the manifest, ``_manifest/<source>/<sha256>.json``, one entry per distinct
    received content (ingest/manifest.py ``ManifestEntry``), so dbt can compare each landed
    file's row count with what staging read.

* ``ops``: ``pipeline_runs``, the run log ``ecom run`` / ``ecom backfill`` write at
  ``_ops/runs/run_date=D/<run_id>.json`` (ecom/runlog.py; one JSON object on one line, so the
  folder reads as NDJSON). Its top-level scalar fields are the columns; ``steps`` and
  ``dbt_results`` are nested details for people, not columns.

Every column is a string (staging casts). A partition is a folder of the path: ``name=value``
(``ingest_date``, ``run_date``), or the bare feed name (``source``). A record may repeat a
partition's value as a field (the run log's ``run_date``, the lake records' ``source``): Glue
refuses a column and a partition key of one name, so it is a partition only.
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest.sources import SOURCES, Column, SourceSpec

INGEST_DATE = Column("ingest_date", "Day the file landed (UTC), YYYY-MM-DD.")
SOURCE = Column("source", "The feed: sales, products or customers.")
RUN_DATE = Column("run_date", "The day the run was for (partition of the run log).")
# Partitions whose folder is the bare value ('sales/'), not 'name=value/'.
BARE_PARTITIONS = frozenset({SOURCE.name})


@dataclass(frozen=True)
class RawTable:
    """One raw table: where its files lie in the lake, how they are written, what they hold."""

    name: str
    dbt_source: str  # the dbt source that declares it: shop, lake or ops
    prefix: str  # lake prefix of its files, e.g. "landing/sales" or "_ops/runs"
    format: str  # "csv" (header line, columns in order) or "ndjson" (one JSON object a line)
    extension: str  # every data file's name ends with it
    description: str
    columns: tuple[Column, ...]
    partitions: tuple[Column, ...]  # folders below the prefix, in order

    @property
    def column_names(self) -> tuple[str, ...]:
        """Names of the record's columns (the partitions excluded)."""
        return tuple(c.name for c in self.columns)

    @property
    def partition_names(self) -> tuple[str, ...]:
        """Names of the partitions, in path order."""
        return tuple(p.name for p in self.partitions)

    def partition_path(self, values: dict[str, str]) -> str:
        """The folders of one partition below the prefix: 'sales/ingest_date=2026-11-21/'."""
        parts = [
            values[p.name] if p.name in BARE_PARTITIONS else f"{p.name}={values[p.name]}"
            for p in self.partitions
        ]
        return "".join(f"{part}/" for part in parts)

    def key(self, values: dict[str, str], file_name: str) -> str:
        """The lake key of one data file of the table."""
        return f"{self.prefix}/{self.partition_path(values)}{file_name}"


def feed_table(spec: SourceSpec) -> RawTable:
    """The raw table of one feed, over landing/<source>/ingest_date=D/."""
    return RawTable(
        name=spec.name,
        dbt_source="shop",
        prefix=f"landing/{spec.name}",
        format=spec.format,
        extension=spec.landed_extension,
        description=spec.description,
        columns=spec.columns,
        partitions=(INGEST_DATE,),
    )


REFUSED_ROWS = RawTable(
    name="refused_rows",
    dbt_source="lake",
    prefix="refused_rows",
    format="ndjson",
    extension=".ndjson",
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
    partitions=(SOURCE, INGEST_DATE),
)

LANDED_FILES = RawTable(
    name="landed_files",
    dbt_source="lake",
    prefix="_manifest",
    format="ndjson",  # one object on one line (ingest/manifest.py)
    extension=".json",
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
    partitions=(SOURCE,),
)

PIPELINE_RUNS = RawTable(
    name="pipeline_runs",
    dbt_source="ops",
    prefix="_ops/runs",
    format="ndjson",  # one object on one line (ecom/runlog.py)
    extension=".json",
    description="One record per run of the daily pipeline; every field as text (staging casts).",
    columns=(
        Column(
            "run_id",
            "Id of the run (its UTC start time); also the batch id of the files it landed.",
        ),
        Column("command", "`run` or `backfill`."),
        Column("status", "running, succeeded, data_quarantined or failed."),
        Column("exit_code", "The process exit code (0, 1, 3); empty while running."),
        Column("started_at", "Start, 'YYYY-MM-DD HH:MM:SS.ffffff' UTC."),
        Column("finished_at", "End, same format; empty while running."),
        Column("duration_seconds", "Wall-clock seconds of the whole run."),
        Column("ingest_seconds", "Seconds of the ingest step."),
        Column("dbt_build_seconds", "Seconds of the dbt build step (retries included)."),
        Column("report_seconds", "Seconds of the daily report export."),
        Column("files_received", "Files offered to the lake (including ones seen before)."),
        Column("files_landed", "Files landed by this run."),
        Column(
            "files_quarantined", "Files refused (now or on an earlier offer of the same bytes)."
        ),
        Column("rows_landed", "Rows in the files this run landed."),
        Column(
            "rows_rejected",
            "Rows of this run's files rejected by the cleaning rules (qa_rejected_*).",
        ),
        Column("models_built", "Models, seeds and snapshots dbt built successfully."),
        Column("models_failed", "Models, seeds and snapshots that errored."),
        Column("tests_passed", "Data and unit tests that passed."),
        Column("tests_warned", "Tests that warned."),
        Column("tests_failed", "Tests that failed or errored."),
        Column("reports_written", "Files of the daily report written."),
        Column("error_message", "Why the run failed, if it did."),
        Column(
            "test_scope",
            "Rows the data tests checked: changed (what the build wrote) or all (a full sweep).",
        ),
    ),
    partitions=(RUN_DATE,),
)

FEED_TABLES: dict[str, RawTable] = {name: feed_table(spec) for name, spec in SOURCES.items()}
LAKE_TABLES: dict[str, RawTable] = {t.name: t for t in (REFUSED_ROWS, LANDED_FILES)}
OPS_TABLES: dict[str, RawTable] = {PIPELINE_RUNS.name: PIPELINE_RUNS}
RAW_TABLES: dict[str, RawTable] = {**FEED_TABLES, **LAKE_TABLES, **OPS_TABLES}
"""Every raw table, by name: the feeds, the lake's records, the run log."""
