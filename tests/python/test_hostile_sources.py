"""Hostile but realistic sources, as a table of cases: nothing a source sends stops the
pipeline, moves its clock or vanishes.

Two lakes get the same good sample. The *hostile* lake then receives every case below through
`ecom ingest`, as a user would send it; the *clean* lake receives, for each case, only what a
careful exporter would have sent (the good rows of the file, or nothing). Both are built with
`dbt build`. Each case asserts its exit code and that the output names the file and the reason;
together they assert that the build passes, that every landed file is accounted for row by
row (landed = used + rejected, refused rows included), that every business mart of the hostile
lake equals the clean lake's, and that the next day's good file still builds.
"""

from __future__ import annotations

import gzip
import json
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest

from ecom.sample.customer_api import FaultPlan, serve_customers, serve_records
from ecom.sample.generator import GeneratorConfig, generate
from ingest.batch import ingest_customers_api, ingest_files, today_utc
from ingest.storage import LocalStorage

from conftest import isolated_env, run_dbt, run_ecom

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

SAMPLE = GeneratorConfig(
    seed=5,
    end_date=date(2026, 11, 20),
    days=5,
    sales_rows=500,
    products=25,
    customers=60,
    dirty_rate=0.0,
)
HEADER = "transaction_id,customer_id,product_id,quantity,amount,transaction_date\n"
DAY = "2026-11-18"  # a day inside the sample: a good hostile row is an ordinary late line
# Columns that name the batch or landed file a row came in with: the two lakes land the same
# rows under other batch ids. Everything else of a business mart must match to the byte.
# and refreshed_at, when the build that wrote the row started
LINEAGE = {
    "batch_id",
    "landed_file_name",
    "sales_row_id",
    "product_row_id",
    "customer_row_id",
    "reconciliation_id",
    "ingest_date",
    "refreshed_at",
}


def sale(case: str, n: int, **values: str) -> str:
    """One good sales line of a case (its own transaction id), with fields overridden."""
    row = {
        "transaction_id": f"H-{case}-{n}",
        "customer_id": "C000001",
        "product_id": "P0001",
        "quantity": "2",
        "amount": "19.90",
        "transaction_date": f"{DAY} 10:{n:02d}:00",
    } | values
    return ",".join(row.values()) + "\n"


def good(case: str, count: int = 2) -> str:
    """`count` good lines of a case."""
    return "".join(sale(case, n) for n in range(1, count + 1))


@dataclass(frozen=True)
class Case:
    """One hostile input: what the hostile lake receives, what the clean lake receives instead
    (None: nothing), the exit code of `ecom ingest`, and what the output must say."""

    name: str
    feed: str  # sales | products
    file: str
    hostile: bytes
    clean: bytes | None
    exit_code: int
    says: tuple[str, ...]  # text the ingest output must contain (the file name is always)
    rejected: tuple[str, ...] = ()  # reject reasons its rows must get in qa_rejected_<feed>


def _csv(case: str, bad: str, count: int = 2) -> tuple[bytes, bytes]:
    """A sales file with good lines around a bad one, and the same file without it."""
    rows = good(case, count)
    first, rest = rows.split("\n", 1)
    return (HEADER + first + "\n" + bad + rest).encode(), (HEADER + rows).encode()


def _value_case(name: str, reason: str, **bad: str) -> Case:
    hostile, clean = _csv(name, sale(name, 9, **bad))
    return Case(name, "sales", f"{name}.csv", hostile, clean, 0, ("landed",), (reason,))


def _row_case(name: str, bad: str, reason: str) -> Case:
    hostile, clean = _csv(name, bad)
    return Case(name, "sales", f"{name}.csv", hostile, clean, 0, (reason,), (reason,))


def _quarantined(name: str, file: str, data: bytes, reason: str, feed: str = "sales") -> Case:
    return Case(name, feed, file, data, None, 3, (reason,))


def _catalog(records: list[Any]) -> bytes:
    return json.dumps(records).encode()


PRODUCT = {
    "product_id": "P9001",
    "name": "Hostile Lamp",
    "category": "Home",
    "price": 12.5,
    "stock": 3,
}
DEEP = ("[" * 200_000 + "]" * 200_000).encode()

CASES = [
    # the whole file is unusable: quarantined with a reason, the rest of the batch lands
    _quarantined("empty", "empty.csv", b"", "empty_file"),
    _quarantined("blank", "blank.csv", b"  \n\n\t\n", "empty_file"),
    _quarantined("bom_only", "bom_only.csv", b"\xef\xbb\xbf", "empty_file"),
    _quarantined("latin1", "latin1.csv", (HEADER + sale("latin1", 1, customer_id="Chloé"))
                 .encode("latin-1"), "not_utf8"),
    _quarantined("utf16", "utf16.csv", (HEADER + good("utf16")).encode("utf-16"), "not_utf8"),
    _quarantined("semicolons", "semicolons.csv",
                 (HEADER + good("semicolons")).replace(",", ";").encode(), "wrong_delimiter"),
    _quarantined("tabs", "tabs.csv", (HEADER + good("tabs")).replace(",", "\t").encode(),
                 "wrong_delimiter"),
    _quarantined("no_amount", "no_amount.csv",
                 b"transaction_id,customer_id,product_id,quantity,transaction_date\n"
                 b"H-no_amount-1,C000001,P0001,1,2026-11-18 10:00:00\n", "missing_columns"),
    _quarantined("twice_amount", "twice_amount.csv",
                 (HEADER.rstrip("\n") + ",amount\n" + sale("twice_amount", 1).rstrip("\n")
                  + ",1.00\n").encode(), "duplicate_columns"),
    _quarantined("text_file", "sales.txt", (HEADER + good("text_file")).encode(),
                 "unsupported_file_type"),
    _quarantined("no_extension", "sales_export", (HEADER + good("no_extension")).encode(),
                 "unsupported_file_type"),
    _quarantined("spreadsheet", "sales.xlsx", b"PK\x03\x04" + b"\0" * 64,
                 "unsupported_file_type"),
    _quarantined("broken_gzip", "broken.csv.gz", b"\x1f\x8b\x08\x00broken", "invalid_gzip"),
    _quarantined("giant_line", "giant_line.csv", b"x" * (3 * 1024 * 1024), "too_large"),
    # rows that do not parse: refused one by one, the rest of the file is used
    _row_case("seven_fields", "H-seven_fields-9,C000001,P0001,1,9.99,2026-11-18 10:00:00,x\n",
              "malformed_row"),
    _row_case("five_fields", "H-five_fields-9,C000001,P0001,1,9.99\n", "malformed_row"),
    _row_case("open_quote", 'H-open_quote-9,"C000001,P0001,1,9.99,2026-11-18 10:00:00\n',
              "malformed_row"),
    _row_case("nul_byte", "H-nul_byte-9,C0\x0000001,P0001,1,9.99,2026-11-18 10:00:00\n",
              "malformed_row"),
    _row_case("huge_field", "H-huge_field-9," + "C" * 200 * 1024
              + ",P0001,1,9.99,2026-11-18 10:00:00\n", "oversized_row"),
    _row_case("header_again", HEADER, "repeated_header"),
    # values out of bounds or unparseable: rejected by the cleaning rules with their reason
    _value_case("huge_amount", "amount_out_of_range", amount="9999999999999999.99"),
    _value_case("far_future", "transaction_date_out_of_range",
                transaction_date="2099-01-01 00:00:00"),
    _value_case("long_ago", "transaction_date_out_of_range",
                transaction_date="1899-12-31 23:59:59"),
    _value_case("comma_decimal", "unparseable_amount", amount='"12,50"'),
    # a merchandise line whose amount contradicts its units: a sale at a negative amount, a
    # return (negative units) at a positive one
    _value_case("refund_as_sale", "amount_sign_mismatch", amount="-5.00"),
    _value_case("refund_positive", "amount_sign_mismatch", quantity="-2"),
    _value_case("zero_units", "zero_quantity", quantity="0"),
    _value_case("bad_date", "unparseable_transaction_date",
                transaction_date="2026-13-45 99:00:00"),
    _value_case("no_order", "missing_required_field", transaction_id=""),
    # odd but good: everything lands and is used
    Case("refund", "sales", "refund.csv",
         (HEADER + good("refund") + sale("refund", 9, quantity="-2", amount="-19.90")).encode(),
         (HEADER + good("refund") + sale("refund", 9, quantity="-2", amount="-19.90")).encode(),
         0, ("landed",)),
    Case("no_customer", "sales", "no_customer.csv",
         (HEADER + good("no_customer") + sale("no_customer", 9, customer_id="")).encode(),
         (HEADER + good("no_customer") + sale("no_customer", 9, customer_id="")).encode(),
         0, ("landed",)),
    Case("sql_text", "sales", "sql_text.csv",
         (HEADER + good("sql_text") + sale("sql_text", 3,
          customer_id="\"C1'); drop table fct_sales; --\"")).encode(),
         (HEADER + good("sql_text") + sale("sql_text", 3,
          customer_id="\"C1'); drop table fct_sales; --\"")).encode(), 0, ("landed",)),
    Case("crlf_bom", "sales", "crlf_bom.csv",
         b"\xef\xbb\xbf" + (HEADER + good("crlf_bom")).replace("\n", "\r\n").encode(),
         (HEADER + good("crlf_bom")).encode(), 0, ("landed",)),
    Case("upper_case", "sales", "UPPER_CASE.CSV", (HEADER + good("upper_case")).encode(),
         (HEADER + good("upper_case")).encode(), 0, ("landed",)),
    Case("gzipped", "sales", "gzipped.csv.gz", gzip.compress((HEADER + good("gzipped")).encode()),
         (HEADER + good("gzipped")).encode(), 0, ("landed",)),
    Case("gzip_named_csv", "sales", "gzip_named.csv",
         gzip.compress((HEADER + good("gzip_named_csv")).encode()),
         (HEADER + good("gzip_named_csv")).encode(), 0, ("landed",)),
    Case("header_only", "sales", "header_only.csv", HEADER.encode(), HEADER.encode(), 0,
         ("landed",)),
    # the product catalog
    _quarantined("catalog_cut_off", "cut_off.json", _catalog([PRODUCT])[:-7], "invalid_json",
                 "products"),
    _quarantined("catalog_empty", "empty_catalog.json", b"[]", "no_records", "products"),
    _quarantined("catalog_deep", "deep.json", DEEP, "invalid_json", "products"),
    _quarantined("catalog_no_price", "no_price.json",
                 _catalog([{k: v for k, v in PRODUCT.items() if k != "price"}]),
                 "missing_columns", "products"),
    Case("catalog_nan", "products", "nan.json",
         _catalog([PRODUCT | {"price": float("nan")}, PRODUCT | {"product_id": "P9002"}]),
         _catalog([PRODUCT | {"product_id": "P9002"}]), 0, ("non_finite_number",),
         ("non_finite_number",)),
    Case("catalog_list_record", "products", "list_record.json",
         _catalog([["P9003", "x"], PRODUCT | {"product_id": "P9004"}]),
         _catalog([PRODUCT | {"product_id": "P9004"}]), 0, ("not_an_object",),
         ("not_an_object",)),
]  # fmt: skip


@dataclass(frozen=True)
class ApiCase:
    """One misbehaving customer API: the faults it plays, `ecom ingest customers` flags, the
    exit code and what the output must say."""

    name: str
    faults: str
    exit_code: int
    says: tuple[str, ...]
    flags: tuple[str, ...] = ()
    records: Callable[[list[dict[str, Any]]], list[dict[str, Any]]] = field(default=lambda r: r)


def _with_nan(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One more customer, changed after the cursor, whose city is the number NaN."""
    bad = dict(records[0], customer_id="C-NAN", city=float("nan"))
    return [*records, bad | {"updated_at": "2026-11-21T00:00:00Z"}]


API_CASES = [
    ApiCase("api_503_twice", "503,503", 0, ("customers",)),
    ApiCase("api_429_retry_after", "429:1", 0, ("customers",)),
    ApiCase("api_reset", "reset", 0, ("customers",)),
    ApiCase("api_garbled_page", "malformed", 0, ("customers",)),
    ApiCase("api_401", "401", 1, ("401",)),
    ApiCase("api_500_for_ever", "500,500,500", 1, ("failed 3 times",), ("--api-max-attempts", "3")),
    ApiCase("api_drip", "drip:1", 1, ("--timeout",), ("--timeout", "2", "--api-max-attempts", "1")),
    ApiCase("api_endless", "endless", 1, ("repeats",)),
    ApiCase("api_repeat", "repeat", 1, ("repeats",), ("--full-refresh", "--page-size", "10")),
    ApiCase("api_future_record", "future", 0, ("customers",)),
    ApiCase("api_nan_record", "", 0, ("non_finite_number",), records=_with_nan),
]


def landed_name(case: Case) -> str:
    """The name a case's file lands under: .gz dropped, the extension lower case, a JSON
    catalog rewritten as NDJSON."""
    name = case.file.removesuffix(".gz")
    stem, _, extension = name.rpartition(".")
    extension = "ndjson" if case.feed == "products" else extension.lower()
    return f"{stem}.{extension}"


@dataclass
class Outcome:
    """What `ecom ingest` printed and returned for one case."""

    exit_code: int
    output: str


@dataclass
class Hostile:
    """The two built lakes and every case's outcome."""

    hostile_env: dict[str, str]
    clean_env: dict[str, str]
    outcomes: dict[str, Outcome]
    cursor_after_future: str
    hostile_marts: dict[str, list[tuple[object, ...]]]
    clean_marts: dict[str, list[tuple[object, ...]]]
    before_next_day: Path  # the hostile warehouse as the cases left it
    next_day: subprocess.CompletedProcess[str]

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        """SQL on the hostile lake's warehouse as the cases left it."""
        with duckdb.connect(str(self.before_next_day), read_only=True) as con:
            return con.execute(sql).fetchall()


def business_marts(warehouse: str) -> dict[str, list[tuple[object, ...]]]:
    """Every business mart (not the qa tables, not the run log) without lineage columns."""
    with duckdb.connect(warehouse, read_only=True) as con:
        tables = [
            t
            for (t,) in con.execute(
                "select table_name from information_schema.tables "
                "where table_schema = 'analytics_marts' and table_name <> 'rpt_pipeline_runs'"
            ).fetchall()
        ]
        marts = {}
        for table in sorted(tables):
            columns = [
                c
                for (c,) in con.execute(
                    "select column_name from information_schema.columns where table_schema = "
                    "'analytics_marts' and table_name = ? order by ordinal_position",
                    [table],
                ).fetchall()
                if c not in LINEAGE
            ]
            rows = con.execute(f"select {', '.join(columns)} from analytics_marts.{table}")
            marts[table] = sorted(rows.fetchall(), key=repr)
        return marts


def _land_base(env: dict[str, str], files: list[Path], sample: Any) -> None:
    lake = LocalStorage(env["ECOM_LAKE_URI"])
    ingest_files(lake, "sales", files, "20261101T000000000000Z", date(2026, 11, 21))
    ingest_files(
        lake, "products", [sample.products_file], "20261101T000000000000Z", date(2026, 11, 21)
    )
    with serve_customers(sample.customers_file) as api:
        ingest_customers_api(lake, api.url, "20261101T000000000000Z", date(2026, 11, 21))


def _build(env: dict[str, str]) -> None:
    Path(env["ECOM_DUCKDB_PATH"]).parent.mkdir(parents=True, exist_ok=True)
    result = run_dbt(["build", "--quiet"], env)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hostile]:
    """Both lakes built; every case sent to the hostile one; then the next day's good file."""
    root = tmp_path_factory.mktemp("hostile")
    sample = generate(SAMPLE, root / "source")
    base, next_day_file = sample.sales_files[:-1], sample.sales_files[-1]
    hostile_env, clean_env = isolated_env(root / "hostile"), isolated_env(root / "clean")
    for env in (hostile_env, clean_env):
        _land_base(env, base, sample)

    outcomes: dict[str, Outcome] = {}
    sent = root / "sent"
    sent.mkdir()
    clean_lake = LocalStorage(clean_env["ECOM_LAKE_URI"])
    for index, case in enumerate(CASES):
        path = sent / case.name / case.file
        path.parent.mkdir()
        path.write_bytes(case.hostile)
        done = run_ecom(["ingest", case.feed, str(path)], hostile_env)
        outcomes[case.name] = Outcome(done.returncode, done.stdout + done.stderr)
        if case.clean is not None:
            clean = sent / case.name / "clean" / case.file.removesuffix(".gz")
            clean.parent.mkdir()
            clean.write_bytes(case.clean)
            batch = f"20261130T{index:012d}Z"  # after the base batch, in the cases' order
            ingest_files(clean_lake, case.feed, [clean], batch, today_utc())
    # a symlink to a system file, and the same good file sent twice: refused / a no-op
    link = sent / "link.csv"
    link.symlink_to("/etc/passwd")
    done = run_ecom(["ingest", "sales", str(link)], hostile_env)
    outcomes["symlink"] = Outcome(done.returncode, done.stdout + done.stderr)
    done = run_ecom(["ingest", "sales", str(sent / "sql_text" / "sql_text.csv")], hostile_env)
    outcomes["same_file_again"] = Outcome(done.returncode, done.stdout + done.stderr)

    customers = json.loads(sample.customers_file.read_text())
    cursor = Path(hostile_env["ECOM_LAKE_URI"]) / "_state" / "customers" / "cursor.json"
    cursor_after_future = ""
    for api_case in API_CASES:
        plan = FaultPlan.parse(api_case.faults) if api_case.faults else None
        with serve_records(api_case.records(customers), faults=plan) as api:
            args = ["ingest", "customers", "--api-url", api.url, *api_case.flags]
            done = run_ecom(args, hostile_env)
        outcomes[api_case.name] = Outcome(done.returncode, done.stdout + done.stderr)
        if api_case.name == "api_future_record":
            cursor_after_future = cursor.read_text()

    _build(clean_env)
    _build(hostile_env)
    hostile_marts = business_marts(hostile_env["ECOM_DUCKDB_PATH"])
    clean_marts = business_marts(clean_env["ECOM_DUCKDB_PATH"])
    before = root / "before-next-day.duckdb"
    before.write_bytes(Path(hostile_env["ECOM_DUCKDB_PATH"]).read_bytes())

    landed = run_ecom(["ingest", "sales", str(next_day_file)], hostile_env)
    assert landed.returncode == 0, landed.stdout + landed.stderr
    next_day = run_dbt(["build", "--quiet"], hostile_env)
    yield Hostile(
        hostile_env,
        clean_env,
        outcomes,
        cursor_after_future,
        hostile_marts,
        clean_marts,
        before,
        next_day,
    )


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_each_file_gets_its_exit_code_and_a_message_naming_it(hostile: Hostile, case: Case) -> None:
    outcome = hostile.outcomes[case.name]
    assert outcome.exit_code == case.exit_code, outcome.output
    assert "Traceback" not in outcome.output
    assert case.file in outcome.output
    for text in case.says:
        assert text in outcome.output, outcome.output


@pytest.mark.parametrize("case", API_CASES, ids=lambda c: c.name)
def test_each_api_fault_gets_its_exit_code_and_a_clear_message(
    hostile: Hostile, case: ApiCase
) -> None:
    outcome = hostile.outcomes[case.name]
    assert outcome.exit_code == case.exit_code, outcome.output
    assert "Traceback" not in outcome.output
    for text in case.says:
        assert text in outcome.output, outcome.output
    if case.exit_code == 1:
        assert "127.0.0.1" in outcome.output  # the failed request is named


def test_a_symlink_to_a_system_file_is_refused_unread(hostile: Hostile) -> None:
    outcome = hostile.outcomes["symlink"]
    assert outcome.exit_code == 3 and "symlink_outside_inbox" in outcome.output
    quarantined = Path(hostile.hostile_env["ECOM_LAKE_URI"]) / "quarantine" / "sales"
    assert not any(b"root:" in p.read_bytes() for p in quarantined.rglob("*link.csv"))


def test_the_same_file_twice_lands_once(hostile: Hostile) -> None:
    outcome = hostile.outcomes["same_file_again"]
    assert outcome.exit_code == 0 and "already_landed" in outcome.output


def test_a_future_dated_customer_does_not_move_the_cursor(hostile: Hostile) -> None:
    cursor = json.loads(hostile.cursor_after_future)
    assert "9999" not in json.dumps(cursor)
    [(reason,)] = hostile.query(
        "select distinct reject_reason from analytics_qa.qa_rejected_customers "
        "where updated_at_raw like '9999%'"
    )
    assert reason == "updated_at_out_of_range"


@pytest.mark.parametrize("case", [c for c in CASES if c.rejected], ids=lambda c: c.name)
def test_bad_rows_are_rejected_with_their_reason(hostile: Hostile, case: Case) -> None:
    table = {"sales": "qa_rejected_sales", "products": "qa_rejected_products"}[case.feed]
    stem = landed_name(case)
    reasons = {
        reason
        for (reason,) in hostile.query(
            f"select reject_reason from analytics_qa.{table} where landed_file_name like '%-{stem}'"
        )
    }
    assert reasons == set(case.rejected)


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.clean is not None and not c.rejected], ids=lambda c: c.name
)
def test_odd_but_good_rows_are_not_rejected(hostile: Hostile, case: Case) -> None:
    table = {"sales": "qa_rejected_sales", "products": "qa_rejected_products"}[case.feed]
    stem = landed_name(case)
    rejected = hostile.query(
        f"select reject_reason from analytics_qa.{table} where landed_file_name like '%-{stem}'"
    )
    assert rejected == []


def test_a_return_and_a_guest_checkout_are_sales(hostile: Hostile) -> None:
    kept = hostile.query(
        "select transaction_id, customer_id, is_guest, is_return, quantity, amount "
        "from analytics_marts.fct_sales "
        "where transaction_id in ('H-refund-9', 'H-no_customer-9') order by transaction_id"
    )
    assert kept == [
        ("H-no_customer-9", "guest", True, False, 2, Decimal("19.90")),
        ("H-refund-9", "C000001", False, True, -2, Decimal("-19.90")),
    ]


def test_every_landed_file_is_accounted_for_row_by_row(hostile: Hostile) -> None:
    unbalanced = hostile.query(
        "select landed_file_name, rows_landed, rows_used, rows_rejected "
        "from analytics_qa.qa_ingest_reconciliation where not is_balanced"
    )
    assert unbalanced == []
    read = {
        name
        for (name,) in hostile.query(
            "select landed_file_name from analytics_qa.qa_ingest_reconciliation"
        )
    }
    for case in CASES:
        if case.clean is not None:
            assert any(name.endswith(f"-{landed_name(case)}") for name in read), case.name


def test_no_bad_row_moves_the_clock(hostile: Hostile) -> None:
    [(last_sale, last_day)] = hostile.query(
        "select max(transaction_date), (select max(date_day) from analytics_marts.dim_date) "
        "from analytics_marts.fct_sales"
    )
    assert last_sale <= SAMPLE.end_date and last_day.year < 2099


def test_the_marts_equal_those_of_a_lake_without_the_bad_input(hostile: Hostile) -> None:
    assert hostile.hostile_marts.keys() == hostile.clean_marts.keys()
    for mart, rows in hostile.clean_marts.items():
        assert hostile.hostile_marts[mart] == rows, mart


def test_the_next_days_good_file_still_builds(hostile: Hostile) -> None:
    assert hostile.next_day.returncode == 0, hostile.next_day.stdout[-3000:]
    with duckdb.connect(hostile.hostile_env["ECOM_DUCKDB_PATH"], read_only=True) as con:
        [(last,)] = con.execute(
            "select max(transaction_date) from analytics_marts.fct_sales"
        ).fetchall()
    assert last == SAMPLE.end_date
