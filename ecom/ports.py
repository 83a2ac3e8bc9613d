"""Is a local port free? `make docs` and `make dashboard` ask before starting their server, so a
busy port gives one line saying what to run instead of a traceback after a misleading URL banner.

    python -m ecom.ports 8080 --what "make docs" --variable DOCS_PORT

exits 0 when 127.0.0.1:8080 can be served on, else prints
"port 8080 is in use (by another `make docs`?); run `make docs DOCS_PORT=8081`" to stderr and
exits 2 (ecom.exit_codes: a usage or configuration problem the user fixes).
"""

from __future__ import annotations

import argparse
import socket
import sys

from ecom.exit_codes import ExitCode

HOST = "127.0.0.1"
# How far past a busy port to look for a free one to suggest.
_SEARCH = 20


def is_free(port: int, host: str = HOST) -> bool:
    """True when a server could listen on host:port now.

    Without SO_REUSEADDR, as `dbt docs serve` binds (socketserver.TCPServer): a port whose last
    server stopped a moment ago (TIME_WAIT) fails there too, so it is reported busy here."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host.strip("[]"), port))
        except OSError:
            return False
    return True


def next_free(port: int, host: str = HOST) -> int | None:
    """The first free port after `port`, within a few; None when all of them are busy."""
    for candidate in range(port + 1, min(port + 1 + _SEARCH, 65536)):
        if is_free(candidate, host):
            return candidate
    return None


def busy_message(port: int, what: str, variable: str, host: str = HOST) -> str:
    """The one line a user reads when `port` is taken: by what, probably, and what to run."""
    free = next_free(port, host)
    suggestion = free if free is not None else "<another port>"
    return f"port {port} is in use (by another `{what}`?); run `{what} {variable}={suggestion}`"


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"not a port number (1-65535): {port}")
    return port


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ecom.ports",
        description="Exit 0 when a local port is free, else say what to run instead and exit 2.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("port", type=_port, help="the port to check")
    parser.add_argument("--host", default=HOST, help="the address the server listens on")
    parser.add_argument("--what", default="make docs", help="the command that wants the port")
    parser.add_argument(
        "--variable", default="DOCS_PORT", help="the make variable that sets the port"
    )
    args = parser.parse_args(argv)
    if is_free(args.port, args.host):
        return ExitCode.OK
    print(busy_message(args.port, args.what, args.variable, args.host), file=sys.stderr)
    return ExitCode.USAGE


if __name__ == "__main__":
    sys.exit(main())
