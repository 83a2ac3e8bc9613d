"""dbt-duckdb plugin (profiles/profiles.yml, target duckdb): read an s3:// ECOM_LAKE_URI.

A no-op for a local lake folder. For an s3:// lake it loads the httpfs extension shipped on
PyPI and creates the S3 secret on every new DuckDB connection; see ecom/duckdb_lake.py.
"""

from __future__ import annotations

import os
from typing import Any

from dbt.adapters.duckdb.plugins import BasePlugin

from ingest.config import DEFAULT_LAKE


class Plugin(BasePlugin):
    """Configures each DuckDB connection dbt opens for the lake in ECOM_LAKE_URI."""

    def configure_connection(self, conn: Any) -> None:
        """Called by dbt-duckdb once per new connection."""
        lake_uri = os.environ.get("ECOM_LAKE_URI", DEFAULT_LAKE)
        if not lake_uri.startswith("s3://"):
            return  # a local lake: nothing to load (and boto3 is not even imported)
        from ecom.duckdb_lake import configure_duckdb_for_lake

        configure_duckdb_for_lake(conn, lake_uri)
