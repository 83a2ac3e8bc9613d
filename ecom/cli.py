"""The `ecom` command line: parse the arguments, run the subcommand, map errors to exit codes."""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import sys
import textwrap
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, NoReturn

from ecom import __version__
from ecom.alerts import AlertConfig
from ecom.daily_run import (
    DEFAULT_MAX_REJECTED_SHARE,
    RunOptions,
    backfill,
    check_inbox_mapping,
    days_between,
    inbox_day,
    print_summary,
    run_day,
    sales_mapping,
)
from ecom.exit_codes import (
    PLAIN_CODES,
    ExitCode,
    combined_exit_code,
    exit_code_for,
    exit_codes_help,
)
from ecom.mcp.options import (
    DEFAULT_PORT,
    DEFAULT_ROW_LIMIT,
    DEFAULT_TIMEOUT_SECONDS,
    HOST,
    MIN_TOKEN_CHARACTERS,
    TOKEN_VARIABLE,
    ServerOptions,
    is_loopback,
)
from ecom.preflight import check_lake, check_project, preflight
from ecom.progress import Progress, print_results
from ecom.read_pool import DEFAULT_QUEUE, ReadLimits
from ecom.sample.customer_api import CustomerApiServer, FaultPlan
from ecom.sample.demo import check_demo_days, demo_inbox
from ecom.sample.generator import GeneratorConfig, generate
from ecom.settings import (
    DEFAULT_FULL_TESTS_WEEKDAY,
    DEFAULT_SOURCE_DIR,
    DEFAULT_TARGET,
    Settings,
)
from ecom.slim_ci import run_slim_ci, slim_ci_plan, slim_ci_summary
from ingest.api_client import (
    DEFAULT_PULL_TIMEOUT_SECONDS,
    MAX_EXPECTED_RECORDS,
    ApiClientConfig,
    RetryPolicy,
    default_max_pages,
)
from ingest.aws import glue_client
from ingest.batch import (
    Batch,
    check_mapping_fits,
    file_size,
    finish_batch,
    ingest_customers_api,
    ingest_files,
    today_utc,
)
from ingest.catalog import glue_table_inputs, register_raw_tables
from ingest.errors import ConfigurationError, EcomError
from ingest.logs import LOG_FORMATS, configure_logging, json_requested
from ingest.mapping import ExportMapping, load_mapping, resolve_mapping, shipped_mappings
from ingest.storage import open_lake

log = logging.getLogger("ecom")


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Epilogs as written; every option's help ends with its default (argparse's
    ArgumentDefaultsHelpFormatter), unless the help already says it or there is none to say
    (a flag, an option without a default)."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        help_text = action.help or ""
        default = action.default
        if (
            "(default" in help_text
            or default is None
            or default is False
            or default == argparse.SUPPRESS
            or not action.option_strings
        ):
            return help_text
        shown = default.isoformat() if isinstance(default, date) else "%(default)s"
        return f"{help_text} (default: {shown})"


class _Parser(argparse.ArgumentParser):
    """An argparse parser whose usage errors are one line: what is wrong, where to read more."""

    def error(self, message: str) -> NoReturn:
        self.exit(ExitCode.USAGE, f"{self.prog}: error: {message} — see {self.prog} --help\n")


def iso_date(text: str) -> date:
    """An argparse type: a date written YYYY-MM-DD."""
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"use YYYY-MM-DD (e.g. 2026-11-20), not {text!r}"
        ) from None


iso_date.__name__ = "date"  # argparse names the type in its messages


class _Deprecated(argparse.Action):
    """A hidden old name of an option: works, and says which name to use."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        print(
            f"ecom: warning: {option_string} is deprecated; use {self.metavar}",
            file=sys.stderr,
        )
        setattr(namespace, self.dest, values)


def _generator_args(parser: argparse.ArgumentParser) -> None:
    defaults = GeneratorConfig()
    group = parser.add_argument_group("sample data")
    group.add_argument("--rows", type=int, default=defaults.sales_rows, help="sales lines (about)")
    group.add_argument("--days", type=int, default=defaults.days, help="days of sales")
    group.add_argument(
        "--end-date", type=iso_date, default=defaults.end_date, help="last sales day"
    )
    group.add_argument("--seed", type=int, default=defaults.seed, help="random seed")
    group.add_argument(
        "--customers", type=int, default=defaults.customers, help="customers in the sample"
    )
    group.add_argument(
        "--products", type=int, default=defaults.products, help="products in the catalog"
    )
    group.add_argument(
        "--dirty-rate",
        type=float,
        default=defaults.dirty_rate,
        help="share of orders sent with dirt",
    )


def _generator_config(args: argparse.Namespace) -> GeneratorConfig:
    return GeneratorConfig(
        seed=args.seed,
        end_date=args.end_date,
        days=args.days,
        sales_rows=args.rows,
        products=args.products,
        customers=args.customers,
        dirty_rate=args.dirty_rate,
    )


def _lake_uri(given: str | None, configured: str) -> str:
    """--lake (a relative folder is the working directory's), else the configured lake."""
    uri = (given or "").rstrip("/")
    if not uri:
        return configured
    return uri if "://" in uri else str(Path(uri).expanduser().resolve())


def _settings(args: argparse.Namespace) -> Settings:
    base = Settings.from_env()
    lake = dataclasses.replace(
        base.lake,
        uri=_lake_uri(getattr(args, "lake", None), base.lake.uri),
        register_glue=base.lake.register_glue and not getattr(args, "no_glue", False),
        register_partitions=base.lake.register_partitions and not getattr(args, "no_glue", False),
    )
    return dataclasses.replace(
        base, lake=lake, dbt_target=getattr(args, "target", None) or base.dbt_target
    )


def _positive(kind: Callable[[str], float]) -> Callable[[str], float]:
    """An argparse type: a number above zero."""

    def parse(text: str) -> float:
        value = kind(text)
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be above 0, not {text}")
        return value

    parse.__name__ = kind.__name__  # argparse names the type in its messages
    return parse


def _fault_plan(text: str) -> FaultPlan:
    """An argparse type: a FaultPlan, or the parser's message of what faults there are."""
    try:
        return FaultPlan.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _lake_flag(parser: argparse.ArgumentParser) -> None:
    """--lake, also accepted after the sub-command."""
    parser.add_argument(
        "--lake",
        default=argparse.SUPPRESS,
        help="lake folder or s3://bucket/prefix (env ECOM_LAKE_URI; default: data/lake of "
        "the project)",
    )


def _lake_args(parser: argparse.ArgumentParser) -> None:
    """Flags every ingest command takes."""
    _lake_flag(parser)
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 (failed) instead of 3 when a file was quarantined",
    )
    parser.add_argument(
        "--no-glue",
        action="store_true",
        help="S3 lakes: do not create/update the Glue raw tables (env ECOM_GLUE_REGISTER=false)",
    )
    parser.add_argument(
        "--progress",
        type=float,
        default=2.0,
        metavar="SECONDS",
        help="progress line on stderr at most every SECONDS (0: after every file)",
    )


def _mapping_flag(parser: argparse.ArgumentParser, what: str) -> None:
    """--mapping: a mapping file, or the name of a shipped one."""
    shipped = ", ".join(p.stem for p in shipped_mappings())
    parser.add_argument(
        "--mapping",
        metavar="FILE",
        help=f"convert {what} from a shop's own export columns with this mapping file "
        f"(docs/mappings.md), or a shipped one by name ({shipped}); a mapping that does not fit "
        "a file's header exits 2 and lands nothing (default: the files are in the contract's "
        "columns)",
    )


def _api_attempts_flag(parser: argparse.ArgumentParser, old_name: str | None = None) -> None:
    """--api-max-attempts (and a hidden, deprecated old name)."""
    parser.add_argument(
        "--api-max-attempts",
        type=_positive(int),
        default=5,
        help="tries per customer API request before giving up",
    )
    if old_name:
        parser.add_argument(
            old_name,
            dest="api_max_attempts",
            type=_positive(int),
            action=_Deprecated,
            metavar="--api-max-attempts",
            help=argparse.SUPPRESS,
        )


RUN_EPILOG = (
    exit_codes_help()
    + f"""

environment: ECOM_ALERT_WEBHOOK_URL (Slack-compatible webhook), ECOM_ALERT_SNS_TOPIC_ARN,
ECOM_ALERT_ON_SUCCESS=true, ECOM_LOG_FORMAT=json, ECOM_CUSTOMER_API_URL, ECOM_LAKE_URI,
ECOM_DBT_TARGET, ECOM_FULL_TESTS_WEEKDAY (the day whose run tests every row: monday ..
sunday, or never; default {DEFAULT_FULL_TESTS_WEEKDAY})."""
)
INGEST_EPILOG = exit_codes_help() + "\n\n--strict: a quarantined file exits 1 instead of 3."
PLAIN_EPILOG = exit_codes_help(PLAIN_CODES)


def _documented(epilog: str, description: str | None = None) -> dict[str, Any]:
    """Keyword arguments of add_parser/ArgumentParser that print `epilog` as written."""
    return {
        "epilog": epilog,
        "formatter_class": _HelpFormatter,
        "description": textwrap.fill(description, 92) if description else None,
    }


def _log_format_flag(parser: argparse.ArgumentParser, default: str | None) -> None:
    parser.add_argument(
        "--log-format",
        choices=LOG_FORMATS,
        default=default,
        help="text for people or json: one JSON object per event on stderr, plus "
        "CloudWatch embedded-metric lines on stdout (env ECOM_LOG_FORMAT; default: text)",
    )


def _run_args(parser: argparse.ArgumentParser) -> None:
    """Flags of `ecom run` and `ecom backfill`."""
    _generator_args(parser)
    parser.add_argument(
        "--target", help=f"dbt target (env ECOM_DBT_TARGET; default: {DEFAULT_TARGET})"
    )
    _lake_flag(parser)
    _log_format_flag(parser, argparse.SUPPRESS)
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="show every file's and model's line and dbt's own output (default: one progress "
        "line per phase)",
    )
    parser.add_argument(
        "--inbox",
        type=Path,
        help="land real exports instead of the sample: the files in <INBOX>/sales/ (.csv) and "
        "<INBOX>/products/ (.json, .ndjson), also .gz; any other file is quarantined (files "
        "seen before are recognised and skipped). A file whose name carries a day "
        "(sales_2026-11-20.csv) lands in the run for that day or a later one; a file whose "
        "name carries no day lands in every run. A <INBOX>/sales.mapping.yml (or mapping.yml) "
        "converts the sales files from a shop's own export columns (default: the sample)",
    )
    _mapping_flag(parser, "the --inbox sales files")
    parser.add_argument(
        "--api-url",
        help="base URL of the customer API to pull from, as `ecom serve-customers` prints it "
        "(env ECOM_CUSTOMER_API_URL; default: the sample's, served for the run)",
    )
    _api_attempts_flag(parser)
    parser.add_argument(
        "--alert-on-success",
        action="store_true",
        help="alert after successful runs too (env ECOM_ALERT_ON_SUCCESS=true)",
    )
    dbt = parser.add_argument_group("passed to dbt build")
    dbt.add_argument(
        "-s",
        "--select",
        nargs="+",
        metavar="SELECTOR",
        help="build only these nodes (dbt node selection, e.g. fct_sales+ or tag:daily; "
        "default: every node)",
    )
    dbt.add_argument(
        "--exclude", nargs="+", metavar="SELECTOR", help="leave these nodes out (default: none)"
    )
    dbt.add_argument(
        "--full-refresh",
        action="store_true",
        help="rebuild incremental models (fct_sales) from scratch",
    )
    dbt.add_argument(
        "--rebuild-changed",
        action="store_true",
        help="after an upgrade: rebuild from the lake each incremental model whose table has "
        "other columns than the model now, and the models that depend on it, and build the "
        "rest as usual (default: the run stops before dbt build with exit 2 and names the "
        "tables and this command)",
    )
    dbt.add_argument(
        "--vars",
        metavar="YAML",
        help="project variables, e.g. '{key: value}' (default: dbt_project.yml's)",
    )
    dbt.add_argument(
        "--max-rejected-share",
        type=_share,
        default=DEFAULT_MAX_REJECTED_SHARE,
        metavar="FRACTION",
        help="a landed file whose rejected rows are more than this share of its rows ends the "
        "run with exit 3 and one line naming the file, the top reasons and the likely cause "
        f"(default {DEFAULT_MAX_REJECTED_SHARE}: a fifth); the marts still build from the "
        "valid rows",
    )
    dbt.add_argument(
        "--full-tests",
        action="store_true",
        help="every data test checks every row (default: on a daily run the tests of a model "
        "with a refreshed_at column check the rows this run's build wrote, and a uniqueness "
        "test their keys against the whole table; every row is checked on a full build "
        "(--full-refresh, a first run) and on the weekday of ECOM_FULL_TESTS_WEEKDAY, "
        f"default {DEFAULT_FULL_TESTS_WEEKDAY}, or never)",
    )
    dbt.add_argument(
        "--unit-tests",
        action="store_true",
        help="also run dbt's unit tests (default: left out, as dbt recommends for production "
        "runs: their inputs are fixed, so they prove the SQL, not the day's data; make test "
        "and CI run them)",
    )


def build_parser() -> argparse.ArgumentParser:
    """All sub-commands and their flags."""
    parser = _Parser(
        prog="ecom",
        **_documented(
            RUN_EPILOG,
            "Land the shop's feeds (sales CSVs, product catalog, customer API) in a lake, build "
            "the dbt marts and write the daily report. Start with `ecom run` in the project "
            "folder (it runs on a generated sample); `ecom COMMAND --help` tells more.",
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--lake",
        help="lake folder or s3://bucket/prefix (env ECOM_LAKE_URI; default: data/lake of the "
        "project)",
    )
    _log_format_flag(parser, None)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser(
        "run",
        help="the daily run: ingest what is new, dbt build, daily report, run log, alerts",
        **_documented(
            RUN_EPILOG,
            "The daily run for one day D: check the configuration (project, dbt target and its "
            "connection, lake) before writing anything, land the feeds' files up to D (the "
            "sample by default; --inbox for real exports), dbt build (fails on error-severity "
            "tests), write the daily report for D to reports/daily/report_date=D/ in the lake "
            "(CSV and Parquet), record the run under _ops/runs/ and alert. Safe to re-run for "
            "any day.",
        ),
    )
    run.add_argument(
        "--date",
        type=iso_date,
        help="the day to run (YYYY-MM-DD): the files up to it land, the report is for it "
        "(default: the sample's --end-date; with --inbox: the latest day a file name in "
        "<INBOX>/sales/ carries, else yesterday, UTC)",
    )
    run.add_argument("--no-docs", action="store_true", help="skip dbt docs generate")
    _run_args(run)

    backfill = sub.add_parser(
        "backfill",
        help="`ecom run --date D` for every day D from --from to --to",
        **_documented(
            RUN_EPILOG,
            "One daily run per day, oldest first, each exactly as `ecom run --date D` "
            "(idempotent: a day already run lands nothing new and rewrites its report). Stops "
            "at the first failed day; exits with the worst day's code.",
        ),
    )
    backfill.add_argument(
        "--from",
        dest="first",
        type=iso_date,
        required=True,
        metavar="DAY",
        help="first day (YYYY-MM-DD)",
    )
    backfill.add_argument(
        "--to",
        dest="last",
        type=iso_date,
        required=True,
        metavar="DAY",
        help="last day (YYYY-MM-DD)",
    )
    _run_args(backfill)

    gen = sub.add_parser(
        "generate",
        help="write the sample feeds to a folder",
        **_documented(
            PLAIN_EPILOG,
            "Write a reproducible sample of the three feeds: daily sales CSVs (with a share of "
            "dirty rows that the cleaning rules catch) in <OUT>/sales/, the product catalog in "
            "<OUT>/products/ and the customer records in <OUT>/customers/ (served by `ecom "
            "serve-customers`). `ecom run` generates it by itself; use this to look at the "
            "files or to try `ecom run --inbox <OUT>`.",
        ),
    )
    _generator_args(gen)
    gen.add_argument(
        "--out",
        type=Path,
        help=f"output folder (env ECOM_SOURCE_DIR; default: {DEFAULT_SOURCE_DIR} of the project)",
    )

    serve = sub.add_parser(
        "serve-customers",
        help="serve generated customers over HTTP",
        **_documented(
            PLAIN_EPILOG,
            "Serve customer records over HTTP the way the customer API does: GET "
            "<base>/customers?page=N&page_size=N&updated_since=<ISO time> answers "
            '{"data": [...], "next_page": N or null}. Prints the base URL to give '
            "`ecom run --api-url` or `ecom ingest customers --api-url`.",
        ),
    )
    serve.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (0: any free)")
    serve.add_argument(
        "--customers-file",
        type=Path,
        help="a JSON array of customer records, e.g. customers.json from `ecom generate` "
        f"(default: {DEFAULT_SOURCE_DIR}/customers/customers.json of the project)",
    )
    serve.add_argument(
        "--faults",
        type=_fault_plan,
        help="misbehave on purpose, e.g. '500,429:2,hang:5,malformed@2,reset,drip:2'. Used once "
        "each, in order (@page: only on that page): status[:retry-after], hang[:seconds], "
        "malformed, reset, drip[:seconds] (the page's body one byte every 2 s). Changing every "
        "answer: endless (next_page never ends), repeat (every page is the first page), "
        "future (one more record, updated_at 9999-12-31T23:59:59Z) (default: none)",
    )

    ingest = sub.add_parser(
        "ingest",
        help="land files or an API pull in the lake",
        **_documented(
            INGEST_EPILOG,
            "Land one feed in the lake without building anything: files are checked at the "
            "door (name, format, columns), landed under landing/<source>/ingest_date=D/ or "
            "quarantined with a reason; a file seen before is skipped.",
        ),
    )
    feeds = ingest.add_subparsers(dest="source", required=True)
    files_help = {"sales": "daily sales CSV exports", "products": "product catalog JSON"}
    for source, what in files_help.items():
        feed = feeds.add_parser(
            source,
            help=f"land {what}",
            **_documented(INGEST_EPILOG, f"Land {what} given as files (also .gz)."),
        )
        feed.add_argument("files", nargs="+", type=Path, metavar="FILE", help="files to land")
        if source == "sales":
            _mapping_flag(feed, "the files")
        _lake_args(feed)
    customers = feeds.add_parser(
        "customers",
        help="pull changed customers from the REST API",
        **_documented(
            INGEST_EPILOG,
            "Pull the customers changed since the last pull (the cursor in "
            "_state/customers/) from GET <base>/customers?page&page_size&updated_since and land "
            "them as one NDJSON file.",
        ),
    )
    customers.add_argument(
        "--api-url",
        help="API base URL, without /customers (env ECOM_CUSTOMER_API_URL; no default)",
    )
    customers.add_argument(
        "--full-refresh", action="store_true", help="ignore the saved cursor; pull every record"
    )
    customers.add_argument(
        "--timeout",
        type=_positive(float),
        default=10.0,
        help="seconds for each request in all: connecting and reading the whole page; a "
        "request out of time is retried (default: 10)",
    )
    customers.add_argument(
        "--pull-timeout",
        type=_positive(float),
        default=DEFAULT_PULL_TIMEOUT_SECONDS,
        help="seconds for the whole pull: every page, retry and wait; past it the pull fails "
        f"and lands nothing (default: {DEFAULT_PULL_TIMEOUT_SECONDS:g})",
    )
    _api_attempts_flag(customers, old_name="--max-attempts")
    customers.add_argument("--page-size", type=_positive(int), default=500, help="records per page")
    customers.add_argument(
        "--max-pages",
        type=_positive(int),
        help="stop a pull with more pages than this as a runaway (default: enough for "
        f"{MAX_EXPECTED_RECORDS:,} customers at --page-size, "
        f"{default_max_pages(500):,} at 500)",
    )
    _lake_args(customers)

    catalog = sub.add_parser(
        "catalog",
        help="create/update the Glue raw tables of an s3:// lake (or --print them)",
        **_documented(
            PLAIN_EPILOG,
            "Create or update the AWS Glue tables of every raw table in the raw database (env "
            "ECOM_RAW_SCHEMA): the feeds over the lake's landing/ folders (sales, products, "
            "customers), the lake's records (refused_rows, landed_files) and the run log "
            "(pipeline_runs), so that Athena, Redshift Spectrum and dbt read what landed. "
            "`ecom run` and `ecom ingest` do it by themselves on an s3:// lake (unless --no-glue).",
        ),
    )
    _lake_flag(catalog)
    catalog.add_argument(
        "--print", action="store_true", help="print the Glue TableInput JSON; change nothing"
    )
    _mcp_args(sub)
    _ci_slim_args(sub)
    return parser


def _ci_slim_args(sub: Any) -> None:
    """`ecom ci-slim`: Slim CI's flags."""
    ci = sub.add_parser(
        "ci-slim",
        help="Slim CI: build the modified models and their children, the rest from production",
        **_documented(
            PLAIN_EPILOG,
            "Build only what the checked-out project changes: dbt build --select "
            "state:modified+ --defer --state <production artifacts>. The models that differ "
            "from production's manifest.json and everything downstream of them are built and "
            "tested; every other ref reads the relation production built. On DuckDB the build "
            "writes its own file (ECOM_CI_DUCKDB_PATH, default data/ci/ci.duckdb, emptied "
            "first) and attaches the production warehouse (ECOM_DUCKDB_PATH) read-only; on "
            "postgres, athena and redshift it writes the target's schema, which must not be "
            "production's (docs/operating.md \"Slim CI\"). dbt's artifacts of the build go to "
            "<target folder>/ci/.",
        ),
    )
    ci.add_argument(
        "--state",
        metavar="FOLDER_OR_S3_PREFIX",
        help="production's dbt artifacts (manifest.json): a folder, or the s3:// prefix "
        "production uploads them to (env ECOM_PROD_ARTIFACTS; default: the target folder of "
        "the last `ecom run`, target/ for duckdb)",
    )
    ci.add_argument(
        "--target",
        help=f"production's dbt target (env ECOM_DBT_TARGET; default: {DEFAULT_TARGET})",
    )


def _mcp_args(sub: Any) -> None:
    """`ecom mcp`: the MCP server's flags."""
    mcp = sub.add_parser(
        "mcp",
        help="serve the marts and metrics to AI agents over MCP (read-only)",
        **_documented(
            PLAIN_EPILOG,
            "A Model Context Protocol server for AI agents (Claude Desktop, IDEs): list the "
            "marts and metrics with their descriptions, describe a mart's columns, query "
            "metrics by dimensions and time range (MetricFlow), and run one read-only SELECT "
            "over the marts with a row limit and a timeout. Anything that writes or reads "
            "outside the marts is refused with the reason. Speaks MCP on stdin/stdout (what a "
            "client starts), or with --http streamable HTTP on 127.0.0.1 (another --host "
            "only with a bearer token in ECOM_MCP_TOKEN, which every request must send as "
            "`Authorization: Bearer <token>`; put TLS in front of it). Reads the warehouse of "
            "the dbt target and its artifacts (manifest.json, semantic_manifest.json) in the "
            "target folder. Requests run side by side, at most --concurrency queries at once "
            "and --queue waiting, past that answered `busy, retry`; the DuckDB file is opened "
            "read-only while queries run and released when none does, so `ecom run` can "
            "rebuild it while the server runs.",
        ),
    )
    mcp.add_argument(
        "--target", help=f"dbt target (env ECOM_DBT_TARGET; default: {DEFAULT_TARGET})"
    )
    mcp.add_argument(
        "--http",
        action="store_true",
        help="serve streamable HTTP on HOST:PORT/mcp instead of stdio",
    )
    mcp.add_argument(
        "--host",
        default=HOST,
        help=f"address for --http (default {HOST}); any other than loopback needs {TOKEN_VARIABLE}",
    )
    mcp.add_argument("--port", type=int, default=DEFAULT_PORT, help="port for --http")
    mcp.add_argument(
        "--concurrency",
        type=_positive(int),
        help="most queries running at once (env ECOM_READ_CONCURRENCY; default 4 on "
        "DuckDB, 8 on a database server)",
    )
    mcp.add_argument(
        "--queue",
        type=_positive(int),
        help=f"most queries waiting for their turn before a call is answered `busy, retry` "
        f"(env ECOM_READ_QUEUE; default {DEFAULT_QUEUE})",
    )
    mcp.add_argument(
        "--row-limit",
        type=_positive(int),
        default=DEFAULT_ROW_LIMIT,
        help="most rows a query returns",
    )
    mcp.add_argument(
        "--timeout",
        type=_positive(float),
        default=DEFAULT_TIMEOUT_SECONDS,
        help="seconds a query may run before it is stopped",
    )


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `ecom` console script."""
    args = build_parser().parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)  # to repeat it in a message
    configure_logging(json_requested(args.log_format))
    try:
        return _dispatch(args)
    except EcomError as exc:
        print(f"ecom: error: {exc}", file=sys.stderr)
        return exit_code_for(exc)
    except KeyboardInterrupt as exc:
        return exit_code_for(exc)


def _dispatch(args: argparse.Namespace) -> ExitCode:
    settings = _settings(args)
    if args.command in ("run", "backfill"):
        return _daily(settings, args)
    if args.command == "generate":
        if args.out is None and "ECOM_SOURCE_DIR" not in os.environ:
            check_project(settings)  # the default folder is the project's
        sample = generate(_generator_config(args), args.out or settings.source_dir)
        files = len(sample.sales_files)
        print(
            f"{sample.sales_rows:,} sales lines in {files} files: {sample.orders:,} orders "
            f"({sample.guest_orders:,} guest), {sample.return_orders:,} returns "
            f"({sample.cancelled_orders:,} cancellations, {sample.return_lines:,} lines); "
            f"dirt: {sample.dirt_counts}"
        )
        return ExitCode.OK
    if args.command == "serve-customers":
        path = args.customers_file or settings.source_dir / "customers" / "customers.json"
        if not path.is_file():
            raise ConfigurationError(
                f"no such file: {path}; give --customers-file or run `ecom generate` first"
            )
        server = CustomerApiServer(json.loads(path.read_text()), args.port, args.faults)
        print(
            f"serving {len(server.records):,} customers from {path} at {server.url}/customers\n"
            f"pull them with: ecom run --api-url {server.url}   (or ecom ingest customers "
            f"--api-url {server.url}; Ctrl-C to stop)",
            flush=True,
        )
        with server:
            server.serve_forever()
        return ExitCode.OK
    if args.command == "catalog":
        return _catalog(settings, print_only=args.print)
    if args.command == "mcp":
        return _mcp(settings, args)
    if args.command == "ci-slim":
        return _ci_slim(settings, args)
    return _ingest(settings, args)


def _ci_slim(settings: Settings, args: argparse.Namespace) -> ExitCode:
    """`ecom ci-slim`: the Slim CI build and its summary."""
    check_project(settings)
    ci = slim_ci_plan(settings, args.state)
    outcome = run_slim_ci(settings, ci)
    print(slim_ci_summary(outcome, settings), flush=True)
    return ExitCode.OK if outcome.results.ok else ExitCode.FAILED


def _mcp(settings: Settings, args: argparse.Namespace) -> ExitCode:
    """`ecom mcp`: serve until the client disconnects (stdio) or Ctrl-C (--http)."""
    from ecom.mcp.server import build_server, serve_http  # the MCP SDK: only here
    from ecom.ports import is_free
    from ecom.warehouse import warehouse_for

    check_project(settings)
    for chatty in ("mcp", "metricflow", "metricflow_semantics", "dbt_metricflow"):
        logging.getLogger(chatty).setLevel(logging.WARNING)  # stderr: problems only
    token = _mcp_token(args) if args.http else None
    warehouse = warehouse_for(settings)
    options = ServerOptions(row_limit=int(args.row_limit), timeout_seconds=args.timeout)
    limits = ReadLimits.from_env(warehouse.kind)
    limits = dataclasses.replace(
        limits,
        concurrency=args.concurrency or limits.concurrency,
        queue=args.queue or limits.queue,
    )
    server = build_server(settings, warehouse, options, args.port, args.host, limits)
    if not args.http:
        server.run("stdio")
        return ExitCode.OK
    if not is_free(args.port, args.host):
        raise ConfigurationError(
            f"port {args.port} on {args.host} is in use or not this machine's; give another "
            "--port or --host"
        )
    print(
        f"ecom mcp: serving the marts of dbt target {warehouse.target!r} over MCP "
        f"(streamable HTTP) at http://{args.host}:{args.port}/mcp"
        + (
            f" to requests with the bearer token of {TOKEN_VARIABLE}"
            if token
            else f" without a token ({TOKEN_VARIABLE} unset: any process of this machine, "
            "and a proxy in front of it, can query)"
        )
        + "; Ctrl-C to stop",
        file=sys.stderr,
        flush=True,
    )
    serve_http(server, token)
    return ExitCode.OK


def _mcp_token(args: argparse.Namespace) -> str | None:
    """The bearer token of `ecom mcp --http` (ECOM_MCP_TOKEN), required off loopback: a
    shared server must not answer whoever reaches its port."""
    token = os.environ.get(TOKEN_VARIABLE, "").strip() or None
    make_one = (
        f"e.g. export {TOKEN_VARIABLE}=$(python -c 'import secrets; "
        "print(secrets.token_urlsafe(32))')"
    )
    if token is None and not is_loopback(args.host):
        raise ConfigurationError(
            f"ecom mcp --http --host {args.host} would serve other machines without a token: "
            f"set {TOKEN_VARIABLE} to a secret of at least {MIN_TOKEN_CHARACTERS} characters "
            f"({make_one}); clients send it as `Authorization: Bearer <token>`"
        )
    if token is not None and len(token) < MIN_TOKEN_CHARACTERS:
        raise ConfigurationError(
            f"{TOKEN_VARIABLE} is {len(token)} characters; use at least "
            f"{MIN_TOKEN_CHARACTERS} ({make_one})"
        )
    return token


def _dbt_args(args: argparse.Namespace) -> tuple[str, ...]:
    """The flags passed through to `dbt build`."""
    passed: list[str] = []
    if args.select:
        passed += ["--select", *args.select]
    if args.exclude:
        passed += ["--exclude", *args.exclude]
    if args.full_refresh:
        passed.append("--full-refresh")
    if not args.unit_tests:
        passed += ["--exclude-resource-type", "unit_test"]
    return tuple(passed)


def _share(text: str) -> float:
    """A fraction from 0 to 1 (argparse type)."""
    try:
        share = float(text)
    except ValueError:
        share = -1.0
    if not 0 <= share <= 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a fraction from 0 to 1 (e.g. 0.2)")
    return share


def _run_options(settings: Settings, args: argparse.Namespace, docs: bool) -> RunOptions:
    return RunOptions(
        inbox=args.inbox,
        mapping=sales_mapping(args.inbox, args.mapping),
        api_url=args.api_url or settings.lake.customer_api_url,
        docs=docs,
        alerts=AlertConfig.from_env(
            settings.lake.aws_region, settings.lake.s3_endpoint_url, args.alert_on_success
        ),
        emf=json_requested(args.log_format),
        api_retry=RetryPolicy(max_attempts=args.api_max_attempts),
        verbose=args.verbose,
        dbt_args=_dbt_args(args),
        dbt_vars=args.vars,
        full_tests=args.full_tests,
        full_tests_day=settings.full_tests_day,
        max_rejected_share=args.max_rejected_share,
        rebuild_changed=args.rebuild_changed,
        command_line=tuple(getattr(args, "argv", ())),
    )


def _daily(settings: Settings, args: argparse.Namespace) -> ExitCode:
    """`ecom run` and `ecom backfill`: one daily run per day, a summary for each. Without
    --inbox they run the demo (ecom/sample/demo.py): the sample generated as an inbox and its
    customers served, then the same daily runs as with --inbox and --api-url."""
    if args.inbox is not None and not args.inbox.is_dir():
        raise ConfigurationError(f"--inbox {args.inbox}: no such folder")
    demo = None if args.inbox else _generator_config(args)
    if args.command == "run":
        options = _run_options(settings, args, docs=not args.no_docs)
        day = args.date or _default_day(options, demo)
        if demo is not None:
            check_demo_days(demo, [day])
        check_inbox_mapping(options, day)
        preflight(settings)  # nothing is written before the configuration is known to work
        with _inputs(settings, options, demo) as options:
            outcome = run_day(settings, options, day)
        print_summary(settings, outcome)
        return outcome.exit_code
    options = _run_options(settings, args, docs=False)
    days = days_between(args.first, args.last)
    if demo is not None:
        check_demo_days(demo, days)
    check_inbox_mapping(options, args.last)
    preflight(settings)
    with _inputs(settings, options, demo) as options:
        outcomes = backfill(settings, options, args.first, args.last)
    for outcome in outcomes:
        print_summary(settings, outcome)
    print(
        f"\necom backfill {args.first} .. {args.last}: "
        + ", ".join(f"{o.record.run_date} exit {o.exit_code}" for o in outcomes)
    )
    return combined_exit_code([o.exit_code for o in outcomes])


def _inputs(
    settings: Settings, options: RunOptions, demo: GeneratorConfig | None
) -> AbstractContextManager[RunOptions]:
    """The run's options with its inputs ready: the demo's inbox and customer API while the
    block runs, else the options as given (--inbox, --api-url)."""
    if demo is None:
        return nullcontext(options)
    return demo_inbox(demo, settings.source_dir, options)


def _default_day(options: RunOptions, demo: GeneratorConfig | None) -> date:
    """The day of `ecom run` without --date: the demo sample's last day; with --inbox, the
    latest day a sales file's name carries, else yesterday (UTC)."""
    if demo is not None:
        return demo.end_date
    named = inbox_day(options.inbox) if options.inbox is not None else None
    return named or today_utc() - timedelta(1)


def _catalog(settings: Settings, print_only: bool) -> ExitCode:
    if print_only:
        print(json.dumps(glue_table_inputs(settings.lake.uri), indent=2))
        return ExitCode.OK
    if not settings.lake.is_s3:
        raise ConfigurationError(
            f"lake {settings.lake.uri}: the Glue catalog needs an s3:// lake (--lake)"
        )
    glue = glue_client(settings.lake.aws_region, settings.lake.s3_endpoint_url)
    print(register_raw_tables(glue, settings.lake.raw_database, settings.lake.uri).describe())
    return ExitCode.OK


def _api_url(settings: Settings, args: argparse.Namespace) -> str:
    """The customer API to pull from: --api-url, else ECOM_CUSTOMER_API_URL."""
    api_url: str | None = args.api_url or settings.lake.customer_api_url
    if not api_url:
        raise ConfigurationError(
            "ecom ingest customers: give --api-url (or set ECOM_CUSTOMER_API_URL)"
        )
    return api_url


def _check_ingest_args(settings: Settings, args: argparse.Namespace) -> ExportMapping | None:
    """Refuse missing files, a missing API URL, a mapping that is not valid or does not fit a
    file, before the lake is touched; the mapping to land the files with."""
    if args.source == "customers":
        _api_url(settings, args)
        return None
    # A symbolic link is not followed here: ingest_files refuses one that leaves its folder.
    missing = [str(p) for p in args.files if not (p.is_symlink() or p.is_file())]
    if missing:
        raise ConfigurationError(f"no such file: {', '.join(missing)}; nothing was ingested")
    if getattr(args, "mapping", None) is None:
        return None
    mapping = load_mapping(resolve_mapping(args.mapping))
    check_mapping_fits(mapping, args.source, args.files)
    return mapping


def _ingest(settings: Settings, args: argparse.Namespace) -> ExitCode:
    """`ecom ingest <source>`: the per-file table and one summary line on stdout."""
    mapping = _check_ingest_args(settings, args)
    if getattr(args, "lake", None) is None and "ECOM_LAKE_URI" not in os.environ:
        check_project(settings)  # the default lake is the project's
    check_lake(settings)
    batch = Batch()
    storage = open_lake(settings.lake)
    if args.source == "customers":
        api_url = _api_url(settings, args)
        config = ApiClientConfig(
            base_url=api_url,
            page_size=args.page_size,
            timeout_seconds=args.timeout,
            retry=RetryPolicy(max_attempts=args.api_max_attempts),
            max_pages=args.max_pages,
            pull_timeout_seconds=args.pull_timeout,
        )
        progress = Progress("customers", interval=args.progress)
        result = ingest_customers_api(
            storage,
            api_url,
            batch.batch_id,
            batch.ingest_date,
            config=config,
            full_refresh=args.full_refresh,
            on_page=progress.page_done,
        )
        results = [result]
    else:
        total = sum(file_size(p) for p in args.files)
        progress = Progress(args.source, len(args.files), total, interval=args.progress)
        results = ingest_files(
            storage,
            args.source,
            args.files,
            batch.batch_id,
            batch.ingest_date,
            progress.file_done,
            mapping=mapping,
        )
    [report] = finish_batch(settings.lake, storage, batch, {args.source: results})
    print_results(results, sys.stdout)
    if report.catalog is not None and report.catalog.changed:
        log.info(report.catalog.describe())
    print(report.summary_line())
    if not report.refused:
        return ExitCode.OK
    return ExitCode.FAILED if args.strict else ExitCode.DATA_QUARANTINED


if __name__ == "__main__":
    sys.exit(main())
