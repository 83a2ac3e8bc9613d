"""Load the lake's landed files into PostgreSQL raw tables with COPY, once per file.

PostgreSQL cannot read the lake itself (DuckDB reads the files, Athena and Redshift Spectrum
read them through Glue), so for the `postgres` dbt target the landed files are copied into
``<raw schema>.<source>`` tables: every source column as text, plus ``ingest_date`` and
``_landed_file`` (the lake key), the same shape the other engines see. A bookkeeping table
``<raw schema>._loaded_files`` records each landed file in the same transaction as its rows, so a
re-run loads only what is new and a run killed midway leaves nothing half-loaded.

The lake's own records (ingest.raw_tables.LAKE_TABLES) are loaded beside them: each refused-rows
sidecar (``refused_rows/<source>/ingest_date=.../<file>.ndjson``) once, like a landed file, into
``<raw schema>.refused_rows``; the manifest (``_manifest/<source>/<sha256>.json``) into
``<raw schema>.landed_files``, replaced whole on every load in one transaction, because an entry
changes (pending, then landed) while its key stays. Every column is text, as on the other engines.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass
from typing import Any

from psycopg2 import sql
from psycopg2.extensions import connection as PgConnection  # noqa: N812 (a class)

from ingest.landing import ingest_date_of
from ingest.manifest import MANIFEST_PREFIX, ManifestStatus
from ingest.raw_tables import LANDED_FILES, PIPELINE_RUNS, REFUSED_ROWS
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
    return [*spec.column_names, "ingest_date", "_landed_file"]


def _text_table(conn: PgConnection, schema: str, name: str, columns: list[str]) -> None:
    """Create ``<schema>.<name>`` with every column as text, unless it exists."""
    with conn.cursor() as cur:
        cur.execute(
            sql.SQL("create table if not exists {}.{} ({})").format(
                sql.Identifier(schema),
                sql.Identifier(name),
                sql.SQL(", ").join(sql.SQL("{} text").format(sql.Identifier(c)) for c in columns),
            )
        )


REFUSED_ROW_COLUMNS = [*REFUSED_ROWS.column_names, "source", "ingest_date", "_landed_file"]
LANDED_FILE_COLUMNS = [*LANDED_FILES.column_names, "source"]


def ensure_raw_tables(conn: PgConnection, schema: str) -> None:
    """Create the raw schema, one text table per source, and the load bookkeeping table."""
    with conn.cursor() as cur:
        cur.execute(sql.SQL("create schema if not exists {}").format(sql.Identifier(schema)))
        for spec in SOURCES.values():
            columns: list[sql.Composable] = [
                sql.SQL("{} text").format(sql.Identifier(c)) for c in spec.column_names
            ]
            columns += [sql.SQL("ingest_date date"), sql.SQL("_landed_file text not null")]
            cur.execute(
                sql.SQL("create table if not exists {}.{} ({})").format(
                    sql.Identifier(schema), sql.Identifier(spec.name), sql.SQL(", ").join(columns)
                )
            )
            # A table created before the feed grew a column (sales' line_number, line_type,
            # original_transaction_id) gets it; the rows loaded before hold null there.
            for column in spec.column_names:
                cur.execute(
                    sql.SQL("alter table {}.{} add column if not exists {} text").format(
                        sql.Identifier(schema), sql.Identifier(spec.name), sql.Identifier(column)
                    )
                )
        cur.execute(
            sql.SQL(
                "create table if not exists {}._loaded_files ("
                "landing_key text primary key, source text not null, sha256 text not null, "
                "rows_loaded integer not null, loaded_at timestamp not null default now())"
            ).format(sql.Identifier(schema))
        )
    # ingest_date is text here like every other column of the lake's own records (staging
    # casts it); the feeds' tables keep their date column.
    _text_table(conn, schema, REFUSED_ROWS.name, REFUSED_ROW_COLUMNS)
    _text_table(conn, schema, LANDED_FILES.name, LANDED_FILE_COLUMNS)
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
        values = [_as_text(record.get(c)) for c in spec.column_names]
        # An empty CSV field arrives as '' and must stay '' (staging turns it into null), so
        # NULL is written as an unquoted marker COPY recognises.
        writer.writerow([r"\N" if v is None else v for v in values] + [day, key])
    buffer.seek(0)
    return buffer


def _manifest_records(storage: Storage) -> list[dict[str, Any]]:
    """Every manifest entry as stored (a JSON object per key), whatever fields it carries."""
    return [
        json.loads(storage.get_bytes(key))
        for key in storage.list_keys(f"{MANIFEST_PREFIX}/")
        if key.endswith(".json")
    ]


def _copy_rows(
    conn: PgConnection, schema: str, table: str, columns: list[str], rows: list[list[str | None]]
) -> None:
    """COPY rows (text or None = NULL) into <schema>.<table>, in the current transaction."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow([r"\N" if v is None else v for v in row])
    buffer.seek(0)
    with conn.cursor() as cur:
        copy = sql.SQL("copy {}.{} ({}) from stdin with (format csv, null '\\N')").format(
            sql.Identifier(schema),
            sql.Identifier(table),
            sql.SQL(", ").join(sql.Identifier(c) for c in columns),
        )
        cur.copy_expert(copy.as_string(conn), buffer)


def _record_loaded(
    conn: PgConnection, schema: str, key: str, source: str, sha256: str, rows: int
) -> None:
    with conn.cursor() as cur:
        cur.execute(
            sql.SQL(
                "insert into {}._loaded_files (landing_key, source, sha256, rows_loaded) "
                "values (%s, %s, %s, %s)"
            ).format(sql.Identifier(schema)),
            (key, source, sha256, rows),
        )


def _refused_rows(key: str, data: bytes) -> list[list[str | None]]:
    """The rows of one refused-rows sidecar in the raw table's column order."""
    source = key.split("/")[1]
    day = ingest_date_of(key).isoformat()
    rows = []
    for line in data.decode("utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        rows.append(
            [_as_text(record.get(c)) for c in REFUSED_ROWS.column_names] + [source, day, key]
        )
    return rows


def load_landed_files(
    storage: Storage, conn: PgConnection, schema: str = DEFAULT_RAW_SCHEMA
) -> list[LoadResult]:
    """Copy every landed file and refused-rows sidecar not loaded yet into its raw table, one
    transaction per file, then replace the manifest table with the lake's manifest."""
    ensure_raw_tables(conn, schema)
    with conn.cursor() as cur:
        cur.execute(
            sql.SQL("select landing_key from {}._loaded_files").format(sql.Identifier(schema))
        )
        done = {row[0] for row in cur.fetchall()}
    manifest = _manifest_records(storage)
    landed = sorted(
        (entry for entry in manifest if entry.get("status") == ManifestStatus.LANDED),
        key=lambda entry: (str(entry["batch_id"]), str(entry["landing_key"])),
    )
    results = []
    for entry in landed:
        key, source = str(entry["landing_key"]), str(entry["source"])
        if key in done:
            results.append(LoadResult(key, source, 0, "already_loaded"))
            continue
        spec = SOURCES[source]
        records = _records(spec, storage.get_bytes(key))
        buffer = _copy_buffer(spec, records, key)
        with conn.cursor() as cur:
            copy = sql.SQL("copy {}.{} ({}) from stdin with (format csv, null '\\N')").format(
                sql.Identifier(schema),
                sql.Identifier(spec.name),
                sql.SQL(", ").join(sql.Identifier(c) for c in _columns(spec)),
            )
            cur.copy_expert(copy.as_string(conn), buffer)
        _record_loaded(conn, schema, key, source, str(entry["sha256"]), len(records))
        conn.commit()
        results.append(LoadResult(key, source, len(records), "loaded"))
    for key in storage.list_keys(f"{REFUSED_ROWS.prefix}/"):
        if not key.endswith(".ndjson"):
            continue
        source = key.split("/")[1]
        if key in done:
            results.append(LoadResult(key, source, 0, "already_loaded"))
            continue
        data = storage.get_bytes(key)
        rows = _refused_rows(key, data)
        _copy_rows(conn, schema, REFUSED_ROWS.name, REFUSED_ROW_COLUMNS, rows)
        _record_loaded(conn, schema, key, source, hashlib.sha256(data).hexdigest(), len(rows))
        conn.commit()
        results.append(LoadResult(key, source, len(rows), "loaded"))
    _replace_manifest(conn, schema, manifest)
    return results


def _replace_manifest(conn: PgConnection, schema: str, manifest: list[dict[str, Any]]) -> None:
    """``<raw schema>.landed_files`` := the manifest entries, in one transaction."""
    with conn.cursor() as cur:
        cur.execute(
            sql.SQL("delete from {}.{}").format(
                sql.Identifier(schema), sql.Identifier(LANDED_FILES.name)
            )
        )
    rows = [
        [_as_text(entry.get(c)) for c in LANDED_FILES.column_names] + [_as_text(entry["source"])]
        for entry in manifest
    ]
    _copy_rows(conn, schema, LANDED_FILES.name, LANDED_FILE_COLUMNS, rows)
    conn.commit()


# The raw table's columns, then its partition (run_date), as on Glue (ingest/raw_tables.py).
RUN_COLUMNS = (*PIPELINE_RUNS.column_names, *PIPELINE_RUNS.partition_names)


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
