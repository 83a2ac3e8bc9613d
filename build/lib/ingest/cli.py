"""The `ecom` command line."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import date
from pathlib import Path

from ingest.errors import EcomError
from ingest.ingest import ingest_customers_api, ingest_files, print_results
from ingest.pipeline import print_summary, run_sample_pipeline
from ingest.sample.customer_api import CustomerApiServer
from ingest.sample.generator import GeneratorConfig, generate
from ingest.settings import Settings
from ingest.storage import open_storage

log = logging.getLogger("ecom")


def _generator_args(parser: argparse.ArgumentParser) -> None:
    defaults = GeneratorConfig()
    group = parser.add_argument_group("sample data")
    group.add_argument("--rows", type=int, default=defaults.sales_rows, help="sales rows (about)")
    group.add_argument("--days", type=int, default=defaults.days, help="days of sales")
    group.add_argument(
        "--end-date", type=date.fromisoformat, default=defaults.end_date, help="last sales day"
    )
    group.add_argument("--seed", type=int, default=defaults.seed, help="random seed")
    group.add_argument("--customers", type=int, default=defaults.customers)
    group.add_argument("--products", type=int, default=defaults.products)
    group.add_argument(
        "--dirty-rate", type=float, default=defaults.dirty_rate, help="share of dirty sales rows"
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


def _settings(args: argparse.Namespace) -> Settings:
    base = Settings.from_env()
    return Settings(
        lake_uri=args.lake or base.lake_uri,
        source_dir=base.source_dir,
        duckdb_path=base.duckdb_path,
        dbt_target=getattr(args, "target", None) or base.dbt_target,
        project_dir=base.project_dir,
        dbt_target_dir=base.dbt_target_dir,
    )


def build_parser() -> argparse.ArgumentParser:
    """All sub-commands and their flags."""
    parser = argparse.ArgumentParser(prog="ecom", description=__doc__)
    parser.add_argument("--lake", help="lake folder or s3://bucket/prefix (env ECOM_LAKE_URI)")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="generate sample data, land it, dbt build, docs, summary")
    _generator_args(run)
    run.add_argument("--target", help="dbt target (env ECOM_DBT_TARGET, default duckdb)")

    gen = sub.add_parser("generate", help="write the sample feeds to a folder")
    _generator_args(gen)
    gen.add_argument("--out", type=Path, help="output folder (env ECOM_SOURCE_DIR)")

    serve = sub.add_parser("serve-customers", help="serve generated customers over HTTP")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--customers-file", type=Path, help="customers.json from `ecom generate`")

    ingest = sub.add_parser("ingest", help="land files or an API pull in the lake")
    feeds = ingest.add_subparsers(dest="source", required=True)
    for source in ("sales", "products"):
        feed = feeds.add_parser(source, help=f"land {source} files")
        feed.add_argument("files", nargs="+", type=Path)
    customers = feeds.add_parser("customers", help="pull customers from the REST API")
    customers.add_argument("--api-url", required=True)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `ecom` console script."""
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    args = build_parser().parse_args(argv)
    try:
        return _dispatch(args)
    except EcomError as exc:
        print(f"ecom: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _dispatch(args: argparse.Namespace) -> int:
    settings = _settings(args)
    if args.command == "run":
        outcome = run_sample_pipeline(settings, _generator_config(args))
        print_summary(settings, outcome)
        return outcome.exit_code
    if args.command == "generate":
        sample = generate(_generator_config(args), args.out or settings.source_dir)
        files = len(sample.sales_files)
        print(f"{sample.sales_rows:,} sales rows in {files} files; dirt: {sample.dirt_counts}")
        return 0
    if args.command == "serve-customers":
        path = args.customers_file or settings.source_dir / "customers" / "customers.json"
        server = CustomerApiServer(json.loads(path.read_text()), args.port)
        print(f"serving {path} at {server.url}/customers (Ctrl-C to stop)", flush=True)
        with server:
            server.serve_forever()
        return 0
    storage = open_storage(settings.lake_uri)
    if args.source == "customers":
        results = [ingest_customers_api(storage, args.api_url)]
    else:
        missing = [str(p) for p in args.files if not p.is_file()]
        if missing:
            raise EcomError(f"no such file: {', '.join(missing)}")
        results = ingest_files(storage, args.source, args.files)
    print_results(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
