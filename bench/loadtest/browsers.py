"""Dashboard sessions for the load test: headless Chromium (Debian's chromium and
chromium-driver, driven by selenium) walking every page of `streamlit run dashboard/app.py`,
each page timed from the request until its charts or tables are drawn, and checked for an
error element."""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from bench.loadtest.clients import Call, Outcome

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Headless Chromium as a test or load client: no GPU, sandbox, background traffic or first-run
# pages, and /tmp for shared memory (a container's /dev/shm is small).
HEADLESS_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
)
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
PAGES = {  # url path -> the page's title (h1); the Overview is at the root
    "": "Overview",
    "products": "Products",
    "customers": "Customers",
    "activity": "Activity",
    "pipeline": "Pipeline health",
    "metrics": "Metrics",
}
CHART = '[data-testid="stVegaLiteChart"]'
DRAWN = f'{CHART} canvas, {CHART} svg, [data-testid="stDataFrame"]'
ERRORS = (
    '[data-testid="stException"], [data-testid="stAlertContentError"], '
    '[data-testid="stAlertContentWarning"]'
)
RETRY_WORDS = ("Reload the page",)  # the dashboard's "being written / busy" notice
PAGE_TIMEOUT_SECONDS = 120


class BrowserMissingError(Exception):
    """Chromium or its WebDriver is not installed."""


def require_chromium() -> None:
    """BrowserMissingError naming what to install when Chromium is missing."""
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).exists()]
    if missing:
        raise BrowserMissingError(
            f"{', '.join(missing)} missing: apt-get install chromium chromium-driver"
        )


def _driver(profile: Path) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        *HEADLESS_FLAGS,
        "--window-size=1280,900",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def load_page(driver: Any, url: str, title: str) -> Call:
    """Open one page and wait until it is drawn (or shows a notice); what the user saw."""
    from selenium.common.exceptions import TimeoutException, WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    started = time.perf_counter()
    try:
        driver.get(url)
        wait = WebDriverWait(driver, PAGE_TIMEOUT_SECONDS, poll_frequency=0.1)
        wait.until(
            lambda d: any(h.text.strip() == title for h in d.find_elements(By.TAG_NAME, "h1"))
        )
        wait.until(
            lambda d: (
                d.find_elements(By.CSS_SELECTOR, DRAWN) or d.find_elements(By.CSS_SELECTOR, ERRORS)
            )
        )
        wait.until(lambda d: not d.find_elements(By.CSS_SELECTOR, '[data-testid="stSpinner"]'))
        seconds = time.perf_counter() - started
        shown = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ERRORS)]
    except (TimeoutException, WebDriverException) as error:
        return Call(time.perf_counter() - started, False, False, f"{title}: {error.msg}")
    if not shown:
        return Call(seconds, True, False)
    retry = all(any(w in text for w in RETRY_WORDS) for text in shown)
    return Call(seconds, False, retry, f"{title}: {shown[0][:300]}")


def walk(base_url: str, rounds: int | None, stop: threading.Event | None) -> list[Call]:
    """One session (its own browser) walking every page `rounds` times (None: until stop)."""
    calls: list[Call] = []
    with tempfile.TemporaryDirectory(prefix="ecom-loadtest-chromium-") as profile:
        driver = _driver(Path(profile))
        try:
            done = 0
            while rounds is None or done < rounds:
                for path, title in PAGES.items():
                    if stop is not None and stop.is_set():
                        return calls
                    calls.append(load_page(driver, f"{base_url}/{path}", title))
                done += 1
        finally:
            driver.quit()
    return calls


def sessions(
    name: str, base_url: str, count: int, rounds: int | None, stop: threading.Event | None = None
) -> Outcome:
    """`count` browser sessions at once, each walking every page."""
    require_chromium()
    results: list[list[Call]] = [[] for _ in range(count)]

    def one(index: int) -> None:
        results[index] = walk(base_url, rounds, stop)

    threads = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(count)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    outcome = Outcome(name, count, wall_seconds=time.perf_counter() - started)
    for calls in results:
        outcome.calls.extend(calls)
    return outcome
