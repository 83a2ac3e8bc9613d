"""The limits and address of `ecom mcp` (light: `ecom --help` reads the defaults here)."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_ROW_LIMIT = 500
DEFAULT_TIMEOUT_SECONDS = 10.0
DEFAULT_PORT = 8770
HOST = "127.0.0.1"  # --http listens here unless --host says otherwise (and a token is set)
TOKEN_VARIABLE = "ECOM_MCP_TOKEN"  # the bearer token of --http: an env var, never a flag
MIN_TOKEN_CHARACTERS = 32


@dataclass(frozen=True)
class ServerOptions:
    """Limits of every query the server runs."""

    row_limit: int = DEFAULT_ROW_LIMIT
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS


def is_loopback(host: str) -> bool:
    """Whether host is this machine only, as the MCP SDK's DNS-rebinding protection knows it
    (127.0.0.1, localhost, ::1): another address needs the token."""
    return host.strip("[]") in ("127.0.0.1", "localhost", "::1")
