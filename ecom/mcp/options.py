"""The limits and address of `ecom mcp` (light: `ecom --help` reads the defaults here)."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_ROW_LIMIT = 500
DEFAULT_TIMEOUT_SECONDS = 10.0
DEFAULT_PORT = 8770
HOST = "127.0.0.1"  # --http listens here only: the server is for agents on this machine


@dataclass(frozen=True)
class ServerOptions:
    """Limits of every query the server runs."""

    row_limit: int = DEFAULT_ROW_LIMIT
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS
