"""The customer API pull over real HTTP on 127.0.0.1: pages, the incremental cursor, and
every fault the local API can inject (500, 429 + Retry-After, hangs, malformed pages,
resets, a body that drips, a next_page that never ends, pages that repeat, a record dated
9999), landing into a local lake and an S3 lake (moto); and `ecom ingest customers` / `ecom
run` against those faults, as a user runs them."""

from __future__ import annotations

import json
import logging
import math
import random
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from ecom.sample.customer_api import FUTURE_UPDATED_AT, Fault, FaultPlan, serve_records
from ingest.api_client import ApiClientConfig, RetryPolicy, fetch_customers
from ingest.errors import ApiError
from ingest.manifest import Manifest
from ingest.sources.customers import (
    CURSOR_KEY,
    Cursor,
    as_ndjson,
    pull_customers,
    read_cursor,
    write_cursor,
)
from ingest.storage import Storage

from conftest import ECOM, REPO, isolated_env

pytestmark = pytest.mark.unit

DAY = date(2026, 11, 21)
FAST = RetryPolicy(max_attempts=4, base_seconds=0.001, max_seconds=0.01)


def customer(i: int, updated_at: str = "") -> dict[str, object]:
    return {
        "customer_id": f"C{i:06d}",
        "name": f"Customer {i}",
        "email": f"c{i}@example.com",
        "city": "Boston",
        "signup_date": "2026-01-01",
        "updated_at": updated_at or f"2026-01-01T00:{i // 60 % 60:02d}:{i % 60:02d}Z",
    }


RECORDS = [customer(i) for i in range(1, 1_235)]


class SleepRecorder:
    """Stands in for time.sleep: records the waits instead of waiting."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def config(url: str, timeout: float = 5.0, page_size: int = 100, **more: Any) -> ApiClientConfig:
    return ApiClientConfig(
        base_url=url, page_size=page_size, timeout_seconds=timeout, retry=FAST, **more
    )


def landed_records(lake: Storage) -> list[dict[str, object]]:
    keys = lake.list_keys("landing/customers/")
    return [json.loads(line) for key in keys for line in lake.get_bytes(key).splitlines()]


def test_client_follows_every_page() -> None:
    with serve_records(RECORDS) as api:
        records = fetch_customers(ApiClientConfig(base_url=api.url, page_size=100))
    assert len(records) == 1_234
    assert len({r["customer_id"] for r in records}) == 1_234
    assert len(api.queries) == 13


def test_pull_lands_every_record_as_one_ndjson_file(lake: Storage) -> None:
    with serve_records(RECORDS) as api:
        result = pull_customers(lake, config(api.url), "B1", DAY)
    assert (result.status, result.rows) == ("landed", 1_234)
    assert result.key == "landing/customers/ingest_date=2026-11-21/B1-customers.ndjson"
    assert landed_records(lake) == sorted(RECORDS, key=lambda r: str(r["updated_at"]))


def test_api_500_then_success_lands_the_whole_pull(lake: Storage) -> None:
    sleep = SleepRecorder()
    with serve_records(RECORDS, faults=FaultPlan([Fault("status", 500, page=3)])) as api:
        result = pull_customers(lake, config(api.url), "B1", DAY, sleep=sleep)
    assert (result.status, result.rows) == ("landed", 1_234)
    assert len(sleep.waits) == 1
    assert [q["page"] for q in api.queries].count(["3"]) == 2


def test_429_waits_for_retry_after_then_succeeds(lake: Storage) -> None:
    sleep = SleepRecorder()
    plan = FaultPlan([Fault("status", 429, retry_after="7")])
    with serve_records(RECORDS, faults=plan) as api:
        result = pull_customers(lake, config(api.url), "B1", DAY, sleep=sleep)
    assert result.status == "landed"
    assert sleep.waits == [7.0]


def test_retry_after_longer_than_the_limit_fails_without_waiting(lake: Storage) -> None:
    sleep = SleepRecorder()
    plan = FaultPlan([Fault("status", 429, retry_after="3600")])
    with serve_records(RECORDS, faults=plan) as api, pytest.raises(ApiError) as error:
        pull_customers(lake, config(api.url), "B1", DAY, sleep=sleep)
    assert "asked to wait 3600s" in str(error.value)
    assert sleep.waits == []
    assert lake.list_keys("landing/") == []


def test_server_that_hangs_times_out_and_the_retry_succeeds(lake: Storage) -> None:
    with serve_records(RECORDS, faults=FaultPlan([Fault("hang", page=2)])) as api:
        result = pull_customers(lake, config(api.url, timeout=0.3), "B1", DAY)
    assert (result.status, result.rows) == ("landed", 1_234)


def test_server_that_always_hangs_is_a_clear_error_and_nothing_lands(lake: Storage) -> None:
    plan = FaultPlan([Fault("hang", page=2)] * FAST.max_attempts)
    with serve_records(RECORDS, faults=plan) as api, pytest.raises(ApiError) as error:
        pull_customers(lake, config(api.url, timeout=0.2), "B1", DAY)
    message = str(error.value)
    assert f"/customers page 2 failed {FAST.max_attempts} times" in message
    assert "no complete answer within 0.2s (--timeout)" in message
    assert "Nothing from this pull was landed" in message
    assert lake.list_keys("landing/") == []
    assert Manifest(lake).entries() == []
    assert not lake.exists(CURSOR_KEY)


def test_page_of_malformed_json_is_retried(lake: Storage) -> None:
    with serve_records(RECORDS, faults=FaultPlan([Fault("malformed", page=5)])) as api:
        result = pull_customers(lake, config(api.url), "B1", DAY)
    assert (result.status, result.rows) == ("landed", 1_234)


def test_page_of_malformed_json_every_time_lands_nothing(lake: Storage) -> None:
    plan = FaultPlan([Fault("malformed", page=5)] * FAST.max_attempts)
    with serve_records(RECORDS, faults=plan) as api, pytest.raises(ApiError) as error:
        pull_customers(lake, config(api.url), "B1", DAY)
    assert "page 5 failed 4 times, last: the page is not valid JSON" in str(error.value)
    assert lake.list_keys("landing/") == []  # pages 1-4 were read, none of them landed


def test_connection_reset_is_retried(lake: Storage) -> None:
    with serve_records(RECORDS, faults=FaultPlan([Fault("reset")])) as api:
        result = pull_customers(lake, config(api.url), "B1", DAY)
    assert result.status == "landed"


def test_client_errors_are_not_retried(lake: Storage) -> None:
    sleep = SleepRecorder()
    plan = FaultPlan([Fault("status", 403)])
    with serve_records(RECORDS, faults=plan) as api, pytest.raises(ApiError, match="HTTP 403"):
        pull_customers(lake, config(api.url), "B1", DAY, sleep=sleep)
    assert (len(api.queries), sleep.waits) == (1, [])


def test_unreachable_api_is_a_clear_error() -> None:
    unreachable = ApiClientConfig(base_url="http://127.0.0.1:9", timeout_seconds=2, retry=FAST)
    with pytest.raises(ApiError, match=r"page 1 failed 4 times.*Nothing from this pull"):
        fetch_customers(unreachable)


def test_wrong_endpoint_is_a_clear_error() -> None:
    with serve_records(RECORDS) as api, pytest.raises(ApiError, match="404"):
        fetch_customers(ApiClientConfig(base_url=api.url + "/v9"))


def test_backoff_is_exponential_with_full_jitter_and_capped() -> None:
    policy = RetryPolicy(base_seconds=0.5, max_seconds=4.0)
    rng = random.Random(1)
    for attempt, ceiling in [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (8, 4.0)]:
        waits = [policy.wait(attempt, rng) for _ in range(200)]
        assert all(0 <= w <= ceiling for w in waits)
        assert max(waits) > ceiling * 0.8  # spread over the whole range, not fixed
        assert len(set(waits)) > 100


def test_second_pull_asks_only_for_changes_since_the_cursor(lake: Storage) -> None:
    later = [customer(7, "2026-02-01T00:00:00Z"), customer(2_000, "2026-02-02T00:00:00Z")]
    with serve_records(RECORDS) as api:
        pull_customers(lake, config(api.url), "B1", DAY)
    assert read_cursor(lake).updated_since == max(str(r["updated_at"]) for r in RECORDS)
    with serve_records(RECORDS + later) as api:
        second = pull_customers(lake, config(api.url), "B2", DAY)
    assert (second.status, second.rows) == ("landed", 2)
    assert {q["updated_since"][0] for q in api.queries} == {"2026-01-01T00:20:34Z"}
    assert read_cursor(lake).updated_since == "2026-02-02T00:00:00Z"
    assert read_cursor(lake).batch_id == "B2"


def test_pull_with_no_changes_lands_nothing(lake: Storage) -> None:
    with serve_records(RECORDS) as api:
        pull_customers(lake, config(api.url), "B1", DAY)
        again = pull_customers(lake, config(api.url), "B2", DAY)
    assert (again.status, again.rows) == ("no_new_records", 0)
    assert len(lake.list_keys("landing/customers/")) == 1


def test_failed_pull_keeps_the_cursor_where_it_was(lake: Storage) -> None:
    newer = [customer(5_000 + i, "2026-03-01T00:00:00Z") for i in range(300)]
    with serve_records(RECORDS) as api:
        pull_customers(lake, config(api.url), "B1", DAY)
    cursor = read_cursor(lake)
    plan = FaultPlan([Fault("status", 503, page=2)] * FAST.max_attempts)
    with serve_records(RECORDS + newer, faults=plan) as api, pytest.raises(ApiError):
        pull_customers(lake, config(api.url), "B2", DAY)
    assert read_cursor(lake) == cursor
    assert len(lake.list_keys("landing/customers/")) == 1
    with serve_records(RECORDS + newer) as api:  # the next scheduled pull gets them all
        retry = pull_customers(lake, config(api.url), "B3", DAY)
    assert (retry.status, retry.rows) == ("landed", 300)


def test_full_refresh_ignores_the_cursor(lake: Storage) -> None:
    with serve_records(RECORDS) as api:
        pull_customers(lake, config(api.url), "B1", DAY)
        again = pull_customers(lake, config(api.url), "B2", DAY, full_refresh=True)
    assert again.status == "already_landed"  # the same full content: a reported no-op
    assert "updated_since" not in api.queries[-1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("500", Fault("status", 500)),
        ("429:2", Fault("status", 429, retry_after="2")),
        ("503@3", Fault("status", 503, page=3)),
        ("hang:1.5", Fault("hang", seconds=1.5)),
        ("malformed@2", Fault("malformed", page=2)),
        ("reset", Fault("reset")),
        ("drip", Fault("drip", seconds=2.0)),
        ("drip:0.5@2", Fault("drip", seconds=0.5, page=2)),
        ("endless", Fault("endless")),
        ("repeat", Fault("repeat")),
        ("future", Fault("future")),
    ],
)
def test_fault_plans_are_written_as_short_specs(text: str, expected: Fault) -> None:
    assert Fault.parse(text) == expected


@pytest.mark.parametrize("text", ["explode", "endless@2", "repeat:3", "drip:slow"])
def test_unknown_fault_spec_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match=f"unknown fault '{text}'.* drip, .*future"):
        FaultPlan.parse(f"500,{text}")


# --- deadlines, runaway pages, the cursor and the pull's clock --------------------------------

HANG_GUARD = 120  # seconds; only catches a hang: every pull below ends within a few seconds
PULL_STARTED = datetime(2026, 1, 1, 0, 10, tzinfo=UTC)  # RECORDS run to 00:20:34


def test_body_that_drips_runs_out_of_the_request_deadline_and_the_retry_succeeds(
    lake: Storage,
) -> None:
    with serve_records(RECORDS, faults=FaultPlan([Fault("drip", seconds=0.2, page=2)])) as api:
        result = pull_customers(lake, config(api.url, timeout=1.0), "B1", DAY)
    assert (result.status, result.rows) == ("landed", 1_234)
    assert [q["page"] for q in api.queries].count(["2"]) == 2


def test_pull_past_its_deadline_fails_naming_the_page_and_the_deadline(lake: Storage) -> None:
    plan = FaultPlan([Fault("drip", seconds=0.2, page=2)] * FAST.max_attempts)
    with serve_records(RECORDS, faults=plan) as api, pytest.raises(ApiError) as error:
        pull_customers(lake, config(api.url, 1.0, pull_timeout_seconds=1.5), "B1", DAY)
    assert str(error.value) == (
        f"GET {api.url}/customers page 2: the pull did not finish within its deadline of 1.5s "
        "(--pull-timeout). Nothing from this pull was landed; run the ingest again later, or "
        "raise --pull-timeout if the API is only slow."
    )
    assert lake.list_keys("landing/") == []
    assert not lake.exists(CURSOR_KEY)


def test_page_over_the_size_limit_fails_at_once(lake: Storage) -> None:
    with serve_records(RECORDS) as api, pytest.raises(ApiError) as error:
        fetch_customers(config(api.url, max_page_bytes=2_000))
    assert "over the 2,000 bytes a page may be" in str(error.value)
    assert "ask for smaller pages with --page-size" in str(error.value)
    assert len(api.queries) == 1  # not retried


class _EndlessBody(BaseHTTPRequestHandler):
    """Answers 200 with no Content-Length and a body that runs until the server stops."""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"data": [')
        try:
            while True:
                self.wfile.write(json.dumps(customer(1)).encode() + b", ")
        except OSError:  # the client gave up
            self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


def test_body_without_a_length_is_cut_off_at_the_size_limit() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _EndlessBody)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        with pytest.raises(ApiError, match=r"answer is over the 1 MiB a page may be"):
            fetch_customers(config(url, max_page_bytes=2**20))
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_pages_that_repeat_an_earlier_page_stop_the_pull() -> None:
    repeated = r"page 2 repeats page 1 \(100 identical records\)"
    plan = FaultPlan([Fault("repeat")])
    with serve_records(RECORDS, faults=plan) as api, pytest.raises(ApiError, match=repeated):
        fetch_customers(config(api.url))
    assert len(api.queries) == 2


def test_next_page_that_never_ends_stops_at_the_first_repeated_page() -> None:
    repeated = r"page 14 repeats page 13 \(34 identical records\)"
    plan = FaultPlan([Fault("endless")])
    with serve_records(RECORDS, faults=plan) as api, pytest.raises(ApiError, match=repeated):
        fetch_customers(config(api.url))


def test_more_pages_than_the_cap_fail_naming_the_cap_and_the_option() -> None:
    with serve_records(RECORDS) as api, pytest.raises(ApiError) as error:
        fetch_customers(config(api.url, max_pages=5))
    assert "more than 5 pages" in str(error.value)
    assert "raise the cap with --max-pages" in str(error.value)
    assert len(api.queries) == 5


def test_default_page_cap_fits_ten_million_customers() -> None:
    assert ApiClientConfig(base_url="x").page_cap == 20_000
    assert ApiClientConfig(base_url="x", page_size=100).page_cap == 100_000


def test_numbers_spelled_nan_or_infinity_are_passed_on_as_they_are() -> None:
    odd = [{**customer(1), "score": math.nan}, {**customer(2), "score": -math.inf}]
    with serve_records(odd) as api:
        records = fetch_customers(config(api.url))
    assert math.isnan(float(records[0]["score"])) and records[1]["score"] == -math.inf
    assert b'"score": NaN' in as_ndjson(records) and b'"score": -Infinity' in as_ndjson(records)


def test_cursor_stops_at_the_pull_clock_and_future_records_still_land(
    lake: Storage, caplog: pytest.LogCaptureFixture
) -> None:
    # RECORDS after 00:15:00 lie more than 5 minutes past the pull's clock (00:10:00); those
    # from 00:10:01 to 00:15:00 are within the tolerance for clock skew.
    in_future = sum(str(r["updated_at"]) > "2026-01-01T00:15:00Z" for r in RECORDS)
    with serve_records(RECORDS) as api:
        result = pull_customers(lake, config(api.url), "B1", DAY, now=lambda: PULL_STARTED)
    assert (result.status, result.rows) == ("landed", 1_234)
    assert read_cursor(lake).updated_since == "2026-01-01T00:10:00Z"
    assert f"{in_future} record(s) have an updated_at later than 2026-01-01T00:10:00Z" in (
        caplog.text
    )


def test_record_dated_9999_lands_but_does_not_move_the_cursor(
    lake: Storage, caplog: pytest.LogCaptureFixture
) -> None:
    with serve_records(RECORDS, faults=FaultPlan([Fault("future")])) as api:
        first = pull_customers(lake, config(api.url), "B1", DAY)
    assert (first.status, first.rows) == ("landed", 1_235)
    assert FUTURE_UPDATED_AT in [r["updated_at"] for r in landed_records(lake)]
    assert read_cursor(lake).updated_since == "2026-01-01T00:20:34Z"
    assert "1 record(s) have an updated_at later than" in caplog.text
    later = [customer(7, "2026-02-01T00:00:00Z")]
    with serve_records(RECORDS + later, faults=FaultPlan([Fault("future")])) as api:
        second = pull_customers(lake, config(api.url), "B2", DAY)
    assert (second.status, second.rows) == ("landed", 2)  # the change, and the 9999 record again
    assert read_cursor(lake).updated_since == "2026-02-01T00:00:00Z"


def test_unparseable_updated_at_lands_but_does_not_move_the_cursor(
    lake: Storage, caplog: pytest.LogCaptureFixture
) -> None:
    odd = [customer(1, "yesterday"), {**customer(2), "updated_at": None}, customer(3)]
    with serve_records(odd) as api:
        result = pull_customers(lake, config(api.url), "B1", DAY)
    assert (result.status, result.rows) == ("landed", 3)
    assert read_cursor(lake).updated_since == str(customer(3)["updated_at"])
    assert "2 record(s) have no ISO-8601 updated_at" in caplog.text


def test_cursor_saved_in_the_future_is_not_used_and_is_saved_again(
    lake: Storage, caplog: pytest.LogCaptureFixture
) -> None:
    write_cursor(lake, Cursor(FUTURE_UPDATED_AT, "B0", "2026-01-01T00:00:00Z"))
    with caplog.at_level(logging.WARNING), serve_records(RECORDS) as api:
        result = pull_customers(lake, config(api.url), "B1", DAY)
    assert (result.status, result.rows) == ("landed", 1_234)
    assert "updated_since" not in api.queries[0]
    assert f"the saved cursor '{FUTURE_UPDATED_AT}'" in caplog.text
    assert read_cursor(lake) == Cursor("2026-01-01T00:20:34Z", "B1", read_cursor(lake).saved_at)


# --- `ecom ingest customers` and `ecom run` against the faults, in their own processes ---------


def ecom(args: list[str], root: Path) -> subprocess.CompletedProcess[str]:
    """The ecom command as a user runs it, killed (a failed test) if it hangs."""
    return subprocess.run(
        [ECOM, *args],
        cwd=REPO,
        env=isolated_env(root),
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        check=False,
    )


def pull(url: str, root: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    """`ecom ingest customers` from url into root/lake, 100 records a page, 2 tries."""
    return ecom(
        [
            "ingest",
            "customers",
            "--api-url",
            url,
            "--lake",
            str(root / "lake"),
            "--page-size",
            "100",
            "--api-max-attempts",
            "2",
            *flags,
        ],
        root,
    )


def failed_with(done: subprocess.CompletedProcess[str], root: Path) -> str:
    """The one error line of a pull that failed with exit 1 and landed nothing."""
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    [line] = [line for line in done.stderr.splitlines() if line.startswith("ecom: error: ")]
    assert "Nothing from this pull was landed" in line
    lake = root / "lake"
    assert not (lake / "landing").exists() and not (lake / "_state").exists()
    return line


@contextmanager
def served(faults: str, root: Path) -> Iterator[str]:
    """`ecom serve-customers --faults ...` over RECORDS in its own process; its base URL."""
    customers = root / "customers.json"
    customers.write_text(json.dumps(RECORDS))
    with subprocess.Popen(
        [
            ECOM,
            "serve-customers",
            "--port",
            "0",
            "--customers-file",
            str(customers),
            "--faults",
            faults,
        ],
        cwd=REPO,
        env=isolated_env(root),
        stdout=subprocess.PIPE,
        text=True,
    ) as server:
        try:
            assert server.stdout is not None
            banner = server.stdout.readline()  # "serving ... at http://127.0.0.1:N/customers"
            yield banner.split(" at ", 1)[1].split("/customers", 1)[0]
        finally:
            server.terminate()
            server.wait(timeout=HANG_GUARD)


def test_cli_api_that_drips_exits_1_naming_the_url_and_the_timeout(tmp_path: Path) -> None:
    with serve_records(RECORDS, faults=FaultPlan([Fault("drip", seconds=1.0)] * 2)) as api:
        done = pull(api.url, tmp_path, "--timeout", "1.5")
    line = failed_with(done, tmp_path)
    assert line.startswith(f"ecom: error: GET {api.url}/customers page 1 failed 2 times, last: ")
    assert "no complete answer within 1.5s (--timeout)" in line


def test_cli_pull_past_its_deadline_exits_1_naming_the_deadline(tmp_path: Path) -> None:
    with serve_records(RECORDS, faults=FaultPlan([Fault("drip", seconds=1.0)] * 2)) as api:
        done = pull(api.url, tmp_path, "--timeout", "30", "--pull-timeout", "2")
    line = failed_with(done, tmp_path)
    assert line.startswith(f"ecom: error: GET {api.url}/customers page 1: the pull did not ")
    assert "within its deadline of 2s (--pull-timeout)" in line


def test_cli_endless_next_page_exits_1_naming_the_repeated_page(tmp_path: Path) -> None:
    with served("endless", tmp_path) as url:
        done = pull(url, tmp_path)
    assert "/customers page 14 repeats page 13" in failed_with(done, tmp_path)


def test_cli_repeated_pages_exit_1(tmp_path: Path) -> None:
    with served("repeat", tmp_path) as url:
        done = pull(url, tmp_path)
    assert f"GET {url}/customers page 2 repeats page 1" in failed_with(done, tmp_path)


def test_cli_more_pages_than_max_pages_exits_1_naming_the_option(tmp_path: Path) -> None:
    with serve_records(RECORDS) as api:
        done = pull(api.url, tmp_path, "--max-pages", "3")
    line = failed_with(done, tmp_path)
    assert "more than 3 pages" in line and "--max-pages" in line


def test_cli_drip_once_is_retried_and_lands(tmp_path: Path) -> None:
    with served("drip:1", tmp_path) as url:
        done = pull(url, tmp_path, "--timeout", "1.5")
    assert done.returncode == 0, done.stderr
    assert "no complete answer within 1.5s (--timeout); retry 1 of 1" in done.stderr
    assert "1 landed (1,234 rows" in done.stdout


def test_cli_record_dated_9999_lands_warns_and_the_next_pull_still_sees_changes(
    tmp_path: Path,
) -> None:
    with served("future", tmp_path) as url:
        first = pull(url, tmp_path)
        assert first.returncode == 0, first.stderr
        assert "1 landed (1,235 rows" in first.stdout
        assert "1 record(s) have an updated_at later than" in first.stderr
        cursor = json.loads((tmp_path / "lake" / CURSOR_KEY).read_text())
        assert cursor["updated_since"] == "2026-01-01T00:20:34Z"
        second = pull(url, tmp_path)
    assert second.returncode == 0, second.stderr
    assert "1 landed (1 rows" in second.stdout  # the 9999 record again, not no_new_records


def test_run_with_an_api_whose_pages_repeat_fails_in_the_ingest_step(tmp_path: Path) -> None:
    tiny = [
        "--rows",
        "200",
        "--days",
        "2",
        "--end-date",
        "2026-11-20",
        "--customers",
        "150",
        "--products",
        "20",
        "--no-docs",
    ]
    with serve_records(RECORDS, faults=FaultPlan([Fault("repeat")])) as api:
        done = ecom(["run", *tiny, "--api-url", api.url], tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert f"GET {api.url}/customers page 2 repeats page 1" in done.stderr
    [record] = [json.loads(p.read_text()) for p in (tmp_path / "lake" / "_ops").rglob("*.json")]
    assert (record["status"], record["exit_code"]) == ("failed", 1)
    steps: list[dict[str, Any]] = record["steps"]
    assert [(s["name"], s["status"]) for s in steps] == [("ingest", "failed")]
    assert "page 2 repeats page 1" in record["error_message"]
    assert not (tmp_path / "lake" / "landing" / "customers").exists()
    assert not (tmp_path / "lake" / CURSOR_KEY).exists()
