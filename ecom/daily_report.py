"""The daily business report: the day's row of rpt_daily_sales_summary and its top products,
written to the lake as CSV and Parquet under ``reports/daily/report_date=YYYY-MM-DD/``.

The same keys are overwritten on every run of the day, so a re-run leaves one report. On the
DuckDB target the rows are read from the warehouse file; on the other targets through
``dbt show`` (so no extra database driver is needed). Either way DuckDB writes the files
locally and the storage layer puts them in the lake (a folder or S3).
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from ecom.dbt_runner import dbt_env, dbt_executable, mart_relations
from ecom.settings import Settings
from ingest.errors import EcomError
from ingest.storage import Storage

REPORT_PREFIX = "reports/daily"
TOP_PRODUCTS = 10
FORMATS = ("csv", "parquet")


class ReportError(EcomError):
    """The daily report could not be read from the warehouse or written to the lake."""


@dataclass(frozen=True)
class ReportPart:
    """One table of the report: its name and the query (model names in braces)."""

    name: str
    query: str


def report_parts(day: date) -> list[ReportPart]:
    """The tables of the report for one day, in a stable order."""
    literal = f"cast('{day.isoformat()}' as date)"
    return [
        ReportPart(
            "daily_sales_summary",
            f"select * from {{rpt_daily_sales_summary}} where sales_date = {literal}",
        ),
        ReportPart(
            "top_products",
            "select * from {rpt_top_products} where period_type = 'day' "
            f"and period_start_date = {literal} and revenue_rank <= {TOP_PRODUCTS} "
            "order by revenue_rank",
        ),
    ]


def report_key(day: date, part: str, fmt: str) -> str:
    """The lake key of one file of the report."""
    return f"{REPORT_PREFIX}/report_date={day.isoformat()}/{part}.{fmt}"


def _duckdb_sql(query: str, settings: Settings) -> str:
    relations = dict(mart_relations(settings.target_dir))
    return query.format(**relations)


def _dbt_show_rows(query: str, settings: Settings) -> list[dict[str, object]]:
    """Rows of a query over the marts, run by `dbt show` on any target."""
    refs = {name: f"{{{{ ref('{name}') }}}}" for name, _ in mart_relations(settings.target_dir)}
    command = [
        dbt_executable(), "--quiet", "show", "--inline", query.format(**refs),
        "--output", "json", "--limit", "-1", "--target", settings.dbt_target,
    ]  # fmt: skip
    done = subprocess.run(
        command,
        cwd=settings.project_dir,
        env=dbt_env(settings),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise ReportError(f"dbt show failed reading the report: {done.stdout[-500:]}")
    start = done.stdout.find("{")
    rows: list[dict[str, object]] = json.loads(done.stdout[start:])["show"]
    return rows


def mart_rows(settings: Settings, query: str) -> list[dict[str, object]]:
    """Rows of a query over the marts (model names in braces) on the configured target."""
    if settings.dbt_target != "duckdb":
        return _dbt_show_rows(query, settings)
    with duckdb.connect(str(settings.duckdb_path), read_only=True) as con:
        cursor = con.execute(_duckdb_sql(query, settings))
        names = [column[0] for column in cursor.description or []]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _write_files(
    con: duckdb.DuckDBPyConnection, select: str, folder: Path, name: str
) -> dict[str, Path]:
    paths = {}
    for fmt in FORMATS:
        path = folder / f"{name}.{fmt}"
        options = "format csv, header true" if fmt == "csv" else "format parquet"
        con.execute(f"copy ({select}) to '{path}' ({options})")
        paths[fmt] = path
    return paths


def export_daily_report(settings: Settings, storage: Storage, day: date) -> list[str]:
    """Write the day's report to the lake; the keys written."""
    keys = []
    with tempfile.TemporaryDirectory(prefix="ecom-report-") as tmp:
        folder = Path(tmp)
        for part in report_parts(day):
            if settings.dbt_target == "duckdb":
                with duckdb.connect(str(settings.duckdb_path), read_only=True) as con:
                    paths = _write_files(con, _duckdb_sql(part.query, settings), folder, part.name)
            else:
                rows = _dbt_show_rows(part.query, settings)
                rows_file = folder / f"{part.name}.rows.json"
                rows_file.write_text(json.dumps(rows))
                with duckdb.connect() as con:
                    select = f"select * from read_json('{rows_file}', format = 'array')"
                    paths = _write_files(con, select, folder, part.name)
            for fmt, path in paths.items():
                key = report_key(day, part.name, fmt)
                storage.put_bytes(key, path.read_bytes())
                keys.append(key)
    return keys
