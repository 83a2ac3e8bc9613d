"""The dashboard in a real browser: `streamlit run` on 127.0.0.1, every page loaded in headless
Chromium (Debian's chromium + chromium-driver), charts waited for, screenshots saved under
.test-output/dashboard/. Under CI (CI=true) a missing Chromium fails the test instead of
skipping it; .ci/run installs it."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from conftest import REPO, E2ERun

CHART = '[data-testid="stVegaLiteChart"] svg, [data-testid="stVegaLiteChart"] canvas'
OUTPUT = REPO / ".test-output" / "dashboard"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
PAGES = {  # url path -> title; the Overview is the default page, at the root
    "": "Overview",
    "products": "Products",
    "customers": "Customers",
    "activity": "Activity",
    "pipeline": "Pipeline health",
}


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def require_chromium() -> None:
    """Skip without Chromium on a laptop; fail under CI, where .ci/run installs it."""
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).exists()]
    if not missing:
        return
    message = f"{', '.join(missing)} missing: apt-get install chromium chromium-driver"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def dashboard_url(e2e: E2ERun, tmp_path: Path) -> Iterator[str]:
    """The app served by `streamlit run` on a free port of 127.0.0.1, over the e2e warehouse."""
    port = free_port()
    log = (tmp_path / "streamlit.log").open("w")
    command = [
        sys.executable, "-m", "streamlit", "run", "dashboard/app.py",
        "--server.address", "127.0.0.1", "--server.port", str(port),
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none", "--client.toolbarMode", "viewer",
    ]  # fmt: skip
    server = subprocess.Popen(
        command,
        cwd=REPO,
        env=e2e.env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.read() == b"ok":
                        break
            except OSError:
                pass
            assert server.poll() is None, (tmp_path / "streamlit.log").read_text()
            assert time.monotonic() < deadline, "streamlit did not start in 60 s"
            time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def test_every_page_renders_in_headless_chromium(dashboard_url: str, e2e: E2ERun) -> None:
    require_chromium()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    OUTPUT.mkdir(parents=True, exist_ok=True)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-dev-shm-usage", "--window-size=1400,1200",
        f"--user-data-dir={OUTPUT / 'chromium-profile'}",
    ]:  # fmt: skip
        options.add_argument(flag)
    shutil.rmtree(OUTPUT / "chromium-profile", ignore_errors=True)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        for path, title in PAGES.items():
            driver.get(f"{dashboard_url}/{path}")
            wait = WebDriverWait(driver, 90)
            wait.until(
                lambda d, title=title: any(
                    h.text.strip() == title for h in d.find_elements(By.TAG_NAME, "h1")
                )
            )
            # Charts are drawn by vega (svg or canvas); tables by glide-data-grid.
            wait.until(
                lambda d: (
                    d.find_elements(By.CSS_SELECTOR, CHART)
                    or d.find_elements(By.CSS_SELECTOR, '[data-testid="stDataFrame"]')
                )
            )
            wait.until(lambda d: not d.find_elements(By.CSS_SELECTOR, '[data-testid="stSpinner"]'))
            time.sleep(1)  # let vega finish drawing before the screenshot
            assert not driver.find_elements(By.CSS_SELECTOR, '[data-testid="stException"]')
            name = path or "overview"
            if not path:
                metrics = driver.find_elements(By.CSS_SELECTOR, '[data-testid="stMetric"]')
                assert len(metrics) == 7
                assert "Revenue today" in metrics[0].text
                ((today,),) = e2e.query(
                    "select max(transaction_date) from analytics_marts.fct_sales"
                )
                assert f"Today = {today}" in driver.find_element(By.TAG_NAME, "body").text
            driver.save_screenshot(str(OUTPUT / f"{name}.png"))
            assert (OUTPUT / f"{name}.png").stat().st_size > 10_000
        # The app is up and has read every page: a writer (dbt build) can still lock the file.
        duckdb.connect(str(e2e.warehouse)).close()
    finally:
        driver.quit()
