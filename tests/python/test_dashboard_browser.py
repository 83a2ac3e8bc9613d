"""The dashboard in a real browser, on the sample `make run` builds (its default size): every
page served by `streamlit run` on 127.0.0.1 and loaded in headless Chromium (Debian's chromium +
chromium-driver) shows no error and no empty chart, and its screenshot is saved under
.test-output/dashboard/; with ECOM_UPDATE_SCREENSHOTS=1 as docs/dashboard-<page>.png, the ones
README.md and docs/dashboard.md show (so a plain `make test` leaves the working tree clean).
Under CI (CI=true) a missing Chromium fails the test instead of skipping it; .ci/run installs
it."""

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

from bench.loadtest.browsers import HEADLESS_FLAGS

from conftest import REPO, IsolatedRun, isolated_env, run_ecom

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.slow]

OUTPUT = REPO / ".test-output" / "dashboard"
SCREENSHOTS = REPO / "docs" if os.environ.get("ECOM_UPDATE_SCREENSHOTS") == "1" else OUTPUT
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
PAGES = {  # screenshot name -> (url path, title); the Overview is the default page, at the root
    "overview": ("", "Overview"),
    "products": ("products", "Products"),
    "customers": ("customers", "Customers"),
    "activity": ("activity", "Activity"),
    "pipeline": ("pipeline", "Pipeline health"),
    "metrics": ("metrics", "Metrics"),
}
CHART = '[data-testid="stVegaLiteChart"]'
ERRORS = (
    '[data-testid="stException"], [data-testid="stAlertContentError"], '
    '[data-testid="stAlertContentWarning"]'
)
# Per chart: the size of its drawing and its marks (bars, lines, points, arcs, cells) drawn from
# data: on svg, the mark elements (an empty dataset draws none); on canvas, the coloured pixels
# (more than 100), as opposed to the white, grey and black of an empty chart's axes.
CHART_MARKS_JS = """
return Array.from(document.querySelectorAll(arguments[0])).map((chart) => {
  const canvas = chart.querySelector('canvas');
  const svg = chart.querySelector('svg');
  const drawing = canvas || svg;
  if (!drawing) return {width: 0, height: 0, marks: 0};
  const box = drawing.getBoundingClientRect();
  let marks = 0;
  if (canvas) {
    let coloured = 0;
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 0; i < pixels.length; i += 4) {
      const [r, g, b, a] = [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]];
      if (a > 200 && Math.max(r, g, b) - Math.min(r, g, b) > 40) coloured += 1;
    }
    marks = coloured > 100 ? coloured : 0;
  } else {
    marks = svg.querySelectorAll('.mark-rect path, .mark-arc path, .mark-line path,'
      + ' .mark-symbol path, .mark-rect rect').length;
  }
  return {width: box.width, height: box.height, marks: marks};
});
"""


@pytest.fixture(scope="module")
def sample_run() -> IsolatedRun:
    """The default sample (200,000 rows over 90 days), built as `make run` builds it, under
    .test-output/ (so the screenshots show a path inside the repository)."""
    root = OUTPUT / "sample"
    shutil.rmtree(root, ignore_errors=True)
    env = isolated_env(root)
    done = run_ecom(["run", "--no-docs"], env)
    assert done.returncode == 0, done.stdout + done.stderr
    return IsolatedRun(env)


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
def dashboard_url(sample_run: IsolatedRun, tmp_path: Path) -> Iterator[str]:
    """The app served by `streamlit run` on a free port of 127.0.0.1, over the sample."""
    require_chromium()
    port = free_port()
    log = (tmp_path / "streamlit.log").open("w")
    command = [
        sys.executable, "-m", "streamlit", "run", "dashboard/app.py",
        "--server.address", "127.0.0.1", "--server.port", str(port),
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none", "--client.toolbarMode", "viewer",
    ]  # fmt: skip
    server = subprocess.Popen(
        command, cwd=REPO, env=sample_run.env, stdout=log, stderr=subprocess.STDOUT
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


def test_every_page_renders_without_errors_or_empty_charts(
    dashboard_url: str, sample_run: IsolatedRun
) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    OUTPUT.mkdir(parents=True, exist_ok=True)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [
        *HEADLESS_FLAGS,
        "--window-size=1440,1000",
        "--hide-scrollbars",
        f"--user-data-dir={OUTPUT / 'chromium-profile'}",
    ]:
        options.add_argument(flag)
    shutil.rmtree(OUTPUT / "chromium-profile", ignore_errors=True)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        for name, (path, title) in PAGES.items():
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
                    d.find_elements(By.CSS_SELECTOR, f"{CHART} canvas, {CHART} svg")
                    or d.find_elements(By.CSS_SELECTOR, '[data-testid="stDataFrame"]')
                )
            )
            wait.until(lambda d: not d.find_elements(By.CSS_SELECTOR, '[data-testid="stSpinner"]'))
            time.sleep(2)  # let vega finish drawing
            errors = driver.find_elements(By.CSS_SELECTOR, ERRORS)
            assert not errors, f"{title}: {[e.text for e in errors]}"
            charts = driver.execute_script(CHART_MARKS_JS, CHART)
            assert charts, f"{title}: no chart"
            for index, chart in enumerate(charts):
                assert chart["width"] > 50 and chart["height"] > 50, (title, index, chart)
                assert chart["marks"] > 0, f"{title}: chart {index} has no marks: {chart}"
            if name == "overview":
                metrics = driver.find_elements(By.CSS_SELECTOR, '[data-testid="stMetric"]')
                # net revenue of 3 periods; gross, discounts, returns, net; orders, average
                # order value, return rate, guest share, customers
                assert len(metrics) == 12
                assert "Net revenue today" in metrics[0].text
                assert "Guest share" in metrics[-2].text
                assert "$" in metrics[0].text
                ((today,),) = sample_run.query(
                    "select max(transaction_date) from analytics_marts.fct_sales"
                )
                assert f"Today = {today}" in driver.find_element(By.TAG_NAME, "body").text
            screenshot = SCREENSHOTS / f"dashboard-{name}.png"
            full_page(driver)
            driver.save_screenshot(str(screenshot))
            assert screenshot.stat().st_size > 30_000, f"{screenshot} looks blank"
        # The app is up and has read every page: a writer (dbt build) can still lock the file.
        duckdb.connect(str(sample_run.warehouse)).close()
    finally:
        driver.quit()


def full_page(driver: object) -> None:
    """Make the window as tall as the page (headless Chromium screenshots the window only)."""
    driver.set_window_size(1440, 1000)  # type: ignore[attr-defined]
    time.sleep(1)
    height = driver.execute_script(  # type: ignore[attr-defined]
        "const main = document.querySelector('[data-testid=\"stMain\"]') "
        "|| document.scrollingElement; return Math.max(main.scrollHeight, 800);"
    )
    driver.set_window_size(1440, min(int(height) + 40, 4000))  # type: ignore[attr-defined]
    time.sleep(1.5)  # the charts redraw at the new size
