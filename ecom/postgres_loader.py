"""Load the lake's landed files into PostgreSQL raw tables with COPY, once per file.

PostgreSQL cannot read the lake itself (DuckDB reads the files, Athena and Redshift Spectrum
read them through Glue), so for the `postgres` dbt target the landed files are copied into
``<raw schema>.<source>`` tables: every source column as text, plus ``ingest_date`` and
``_landed_file`` (the lake key), the same shape the other engines see. A bookkeeping table
``<raw schema>._loaded_files`` records each landed file in the same transaction as its rows, so a
re-run loads only what is new and a run killed midway leaves nothing half-loaded.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from psycopg2 import sql
from psycopg2.extensions import connection as PgConnection  # noqa: N812 (a class)

from ingest.landing import ingest_date_of
from ingest.manifest import Manifest
from ingest.sources import SOURCES, SourceSpec
from ingest.storage import Storage

DEFAULT_RAW_SCHEMA = "ecom_raw"


@dataclass(frozen=True)
class LoadResult:
    """One landed file and what the load did with it."""

    landing_key: str
    source: str
    rows: int
    status: str  # loaded | already_loaded


def _columns(spec: SourceSpec) -> list[str]:
    return [*spec.required_columns, "ingest_date", "_landed_file"]


def ensure_raw_tables(conn: PgConnection, schema: str) -> None:
    """Create the raw schema, one text table per source, and the load bookkeeping table."""
    with conn.cursor() as cur:
        cur.execute(sql.SQL("create schema if not exists {}").format(sql.Identifier(schema)))
        for spec in SOURCES.values():
            columns: list[sql.Composable] = [
                sql.SQL("{} text").format(sql.Identifier(c)) for c in spec.required_columns
            ]
            columns += [sql.SQL("ingest_date date"), sql.SQL("_landed_file text not null")]
            cur.execute(
                sql.SQL("create table if not exists {}.{} ({})").format(
                    sql.Identifier(schema), sql.Identifier(spec.name), sql.SQL(", ").join(columns)
                )
            )
        cur.execute(
            sql.SQL(
                "create table if not exists {}._loaded_files ("
                "landing_key text primary key, source text not null, sha256 text not null, "
                "rows_loaded integer not null, loaded_at timestamp not null default now())"
            ).format(sql.Identifier(schema))
        )
    conn.commit()


def _records(spec: SourceSpec, data: bytes) -> list[dict[str, Any]]:
    text = data.decode("utf-8-sig")
    if spec.format == "csv":
        return list(csv.DictReader(io.StringIO(text, newline="")))
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value)


def _copy_buffer(spec: SourceSpec, records: list[dict[str, Any]], key: str) -> io.StringIO:
    """The records as CSV in the raw table's column order; missing values become NULL."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    day = ingest_date_of(key).isoformat()
    for record in records:
        values = [_as_text(record.get(c)) for c in spec.required_columns]
        # An empty CSV field arrives as '' and must stay '' (staging turns it into null), so
        # NULL is written as an unquoted marker COPY recognises.
        writer.writerow([r"\N" if v is None else v for v in values] + [day, key])
    buffer.seek(0)
    return buffer


def load_landed_files(
    storage: Storage, conn: PgConnection, schema: str = DEFAULT_RAW_SCHEMA
) -> list[LoadResult]:
    """Copy every landed file not loaded yet into its raw table, one transaction per file."""
    ensure_raw_tables(conn, schema)
    with conn.cursor() as cur:
        cur.execute(
            sql.SQL("select landing_key from {}._loaded_files").format(sql.Identifier(schema))
        )
        done = {row[0] for row in cur.fetchall()}
    results = []
    for entry in Manifest(storage).entries():
        if entry.status != "landed":
            continue
        if entry.landing_key in done:
            results.append(LoadResult(entry.landing_key, entry.source, 0, "already_loaded"))
            continue
        spec = SOURCES[entry.source]
        records = _records(spec, storage.get_bytes(entry.landing_key))
        buffer = _copy_buffer(spec, records, entry.landing_key)
        with conn.cursor() as cur:
            copy = sql.SQL("copy {}.{} ({}) from stdin with (format csv, null '\\N')").format(
                sql.Identifier(schema),
                sql.Identifier(spec.name),
                sql.SQL(", ").join(sql.Identifier(c) for c in _columns(spec)),
            )
            cur.copy_expert(copy.as_string(conn), buffer)
            cur.execute(
                sql.SQL(
                    "insert into {}._loaded_files (landing_key, source, sha256, rows_loaded) "
                    "values (%s, %s, %s, %s)"
                ).format(sql.Identifier(schema)),
                (entry.landing_key, entry.source, entry.sha256, len(records)),
            )
        conn.commit()
        results.append(LoadResult(entry.landing_key, entry.source, len(records), "loaded"))
    return results


RUN_COLUMNS = (
    "run_id", "command", "run_date", "status", "exit_code", "started_at", "finished_at",
    "duration_seconds", "ingest_seconds", "dbt_build_seconds", "report_seconds",
    "files_received", "files_landed", "files_quarantined", "rows_landed", "rows_rejected",
    "models_built", "models_failed", "tests_passed", "tests_warned", "tests_failed",
    "reports_written", "error_message",
)  # fmt: skip


def load_run_records(storage: Storage, conn: PgConnection, schema: str = DEFAULT_RAW_SCHEMA) -> int:
    """Replace ``<raw schema>.pipeline_runs`` with the lake's run log (text columns, like the
    other raw tables); records are rewritten as a run goes on, so the table is reloaded whole."""
    from ecom.runlog import read_records

    records = read_records(storage)
    with conn.cursor() as cur:
        cur.execute(sql.SQL("create schema if not exists {}").format(sql.Identifier(schema)))
        table = sql.SQL("{}.pipeline_runs").format(sql.Identifier(schema))
        columns = sql.SQL(", ").join(
            sql.SQL("{} text").format(sql.Identifier(c)) for c in RUN_COLUMNS
        )
        cur.execute(sql.SQL("create table if not exists {} ({})").format(table, columns))
        cur.execute(sql.SQL("delete from {}").format(table))
        for record in records:
            cur.execute(
                sql.SQL("insert into {} ({}) values ({})").format(
                    table,
                    sql.SQL(", ").join(sql.Identifier(c) for c in RUN_COLUMNS),
                    sql.SQL(", ").join(sql.Placeholder() for _ in RUN_COLUMNS),
                ),
                [_as_text(record.get(c)) for c in RUN_COLUMNS],
            )
    conn.commit()
    return len(records)
