"""`make docs` and `make dashboard` on a busy port: one line saying what to run, no traceback."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ecom.ports import main

from conftest import REPO

pytestmark = pytest.mark.unit


@pytest.fixture
def busy_port() -> Iterator[int]:
    """A port some other server is listening on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        yield server.getsockname()[1]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_a_free_port_passes_silently(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(free_port())]) == 0
    assert capsys.readouterr() == ("", "")


def test_a_busy_port_exits_2_naming_a_free_port_to_use_instead(
    busy_port: int, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([str(busy_port), "--what", "make dashboard", "--variable", "DASHBOARD_PORT"])
    err = capsys.readouterr().err
    assert code == 2
    suggested = re.fullmatch(
        rf"port {busy_port} is in use \(by another `make dashboard`\?\); "
        r"run `make dashboard DASHBOARD_PORT=(\d+)`\n",
        err,
    )
    assert suggested, err
    assert int(suggested[1]) > busy_port
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", int(suggested[1])))  # the suggested port is really free


def test_a_port_that_is_not_a_number_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["http"])
    assert exited.value.code == 2
    assert "not a port number: 'http'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("target", "stamp", "variable"),
    [
        ("docs", ".venv/.installed-run", "DOCS_PORT"),
        ("dashboard", ".venv/.installed-dashboard", "DASHBOARD_PORT"),
    ],
)
def test_make_on_a_busy_port_says_which_port_to_use_and_starts_no_server(
    busy_port: int, target: str, stamp: str, variable: str
) -> None:
    make = shutil.which("make")
    assert make, "make is not on PATH"
    # -o: take the install as done; BIN: this interpreter's venv, so no .venv is needed here.
    command = [make, "--no-print-directory", "-o", stamp, target, f"{variable}={busy_port}"]
    command.append(f"BIN={Path(sys.executable).parent}")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode != 0
    assert f"port {busy_port} is in use (by another `make {target}`?)" in done.stderr
    assert f"run `make {target} {variable}=" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    # nothing claims a server is up: no URL banner, no "serving" line
    assert "http://" not in done.stdout
    assert "serving" not in done.stdout.lower()
    assert "starting" not in done.stdout.lower()
