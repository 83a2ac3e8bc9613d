"""The door, file by file and row by row: what `ecom ingest` lands, quarantines and refuses.

Each case is a file a source might really send. For every one: the exit code, the message
naming the file and the reason, the landed rows, the refused_rows/ sidecar (line and reason of
each refused row), rows landed + rows refused = data rows received, the same file twice is a
no-op, and DuckDB reads the landed file with the options dbt's staging uses.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb
import pytest

from ecom.cli import main
from ingest.batch import inbox_files, ingest_files
from ingest.landing import land_file
from ingest.manifest import Manifest
from ingest.sources import CUSTOMERS, PRODUCTS, SALES
from ingest.sources.checks import MAX_ROW_BYTES
from ingest.storage import LocalStorage, Storage

from conftest import REPO, killed_landing

pytestmark = pytest.mark.unit

DAY = date(2026, 11, 21)
HEADER = b"transaction_id,customer_id,product_id,quantity,amount,transaction_date\n"


def sale(n: int) -> bytes:
    return f"T{n},C{n},P{n},1,9.99,2026-11-20 10:00:00\n".encode()


GOOD = sale(1) + sale(2)
# The landed form: the optional columns after the six, each order's lines numbered.
LANDED_HEADER = HEADER.rstrip(b"\n") + b",line_number,line_type,original_transaction_id\n"


def landed_sale(n: int) -> bytes:
    return sale(n).rstrip(b"\n") + b",1,,\n"


def product(n: int, price: str = "4.5") -> str:
    return (
        f'{{"product_id": "P{n}", "name": "Mug", "category": "Home", "price": {price}, "stock": 3}}'
    )


SIDECAR_FIELDS = {"source", "landed_file_name", "line_number", "reason", "detail", "raw"}

# The options of models/staging/shop/_shop__sources.yml meta.external_location.
READ_SALES = (
    "read_csv('{path}', header = true, delim = ',', quote = '\"', all_varchar = true, "
    "union_by_name = true, filename = true)"
)
READ_NDJSON = "read_json('{path}', format = 'newline_delimited', filename = true)"


@dataclass(frozen=True)
class Case:
    """A received file and what the door must make of it."""

    id: str
    source: str
    name: str
    content: bytes
    received: int  # data rows in the received file (0 for a quarantined file)
    refused: list[tuple[int, str]] = field(default_factory=list)  # (line_number, reason)
    quarantined: str | None = None  # the file-level reason
    landed_name: str | None = None  # when the landed name differs from the received one
    says: str = ""  # a phrase the message must carry

    @property
    def exit_code(self) -> int:
        return 3 if self.quarantined else 0


CASES = [
    Case("good", "sales", "sales.csv", HEADER + GOOD, 2),
    Case(
        "7-field-row", "sales", "sales_7.csv", HEADER + sale(1) + b"T2,C2,P2,1,9.99,2026,x\n"
        + sale(3), 3, [(3, "malformed_row")], says="7 fields, expected 6",
    ),
    Case(
        "5-field-row", "sales", "sales_5.csv", HEADER + b"T1,C1,P1,1,9.99\n" + GOOD, 3,
        [(2, "malformed_row")], says="5 fields, expected 6",
    ),
    Case(
        "unterminated-quote", "sales", "sales_quote.csv",
        HEADER + sale(1) + b'T2,"C2,P2,1,9.99,2026-11-20 10:00:00\n' + sale(3), 3,
        [(3, "malformed_row")], says="broken quoting",
    ),
    Case(
        "quoted-field-over-two-lines", "sales", "sales_multiline.csv",
        HEADER + b'T1,"C\n1",P1,1,9.99,2026-11-20 10:00:00\n' + sale(2), 2,
    ),
    Case(
        "nul-byte", "sales", "sales_nul.csv", HEADER + sale(1) + b"T2,C\x002,P2,1,9.99,2026\n",
        2, [(3, "malformed_row")], says="NUL byte",
    ),
    Case(
        "200-KiB-field", "sales", "sales_field.csv",
        HEADER + b"T1," + b"x" * 200 * 1024 + b",P1,1,9.99,2026\n" + GOOD, 3,
        [(2, "oversized_row")], says="field limit",
    ),
    Case(
        "2-MiB-line", "sales", "sales_line.csv", HEADER + b"T1," + b"y" * 2 * MAX_ROW_BYTES
        + b"\n" + GOOD, 3, [(2, "oversized_row")], says="byte row limit",
    ),
    Case(
        "header-repeated-mid-file", "sales", "sales_concat.csv", HEADER + GOOD + HEADER + sale(3),
        4, [(4, "repeated_header")], says="header line again",
    ),
    Case(
        "all-rows-bad", "sales", "sales_bad_rows.csv", HEADER + b"a,b\nc\n", 2,
        [(2, "malformed_row"), (3, "malformed_row")],
    ),
    Case("upper-case-CSV", "sales", "Sales.CSV", HEADER + GOOD, 2, landed_name="Sales.csv"),
    Case(
        "csv.gz", "sales", "sales.CSV.gz", gzip.compress(HEADER + GOOD + b"T9,bad\n"), 3,
        [(4, "malformed_row")], landed_name="sales.csv",
    ),
    Case(
        "gzip-named-csv", "sales", "sales_gz.csv", gzip.compress(HEADER + GOOD), 2,
    ),
    Case(
        "truncated-gzip", "sales", "sales_cut.csv.gz", gzip.compress(HEADER + GOOD)[:-12], 0,
        quarantined="invalid_gzip",
    ),
    Case(
        "txt", "sales", "sales.txt", HEADER + GOOD, 0, quarantined="unsupported_file_type",
        says=".csv, *.csv.gz",
    ),
    Case(
        "no-extension", "products", "catalog", product(1).encode(), 0,
        quarantined="unsupported_file_type",
    ),
    Case(
        "one-2-MiB-line-no-header", "sales", "sales_huge_header.csv", b"x" * 2 * MAX_ROW_BYTES,
        0, quarantined="too_large", says="line 1 (the header)",
    ),
    Case(
        "json.gz", "products", "products.JSON.gz",
        gzip.compress(f"[{product(1)}, {product(2)}]".encode()), 2,
        landed_name="products.ndjson",
    ),
    Case(
        "json-nested-200k-deep", "products", "products_deep.json",
        b"[" * 200_000 + b"]" * 200_000, 0, quarantined="invalid_json", says="nested too deep",
    ),
    Case(
        "non-finite-numbers-in-json", "products", "products_nan.json",
        f"[{product(1, 'NaN')}, {product(2, 'Infinity')}, {product(3, '1e400')}, "
        f"{product(4)}]".encode(), 4,
        [(1, "non_finite_number"), (2, "non_finite_number"), (3, "non_finite_number")],
        landed_name="products_nan.ndjson", says="price holds",
    ),
    Case(
        "record-that-is-a-list", "products", "products_list.json",
        f'[{product(1)}, ["P2", "Pan"], "P3"]'.encode(), 3,
        [(2, "not_an_object"), (3, "not_an_object")], landed_name="products_list.ndjson",
        says="a JSON array, not an object",
    ),
    Case(
        "ndjson-bad-lines", "products", "products.ndjson",
        f"{product(1)}\n[1]\n{{not json\n{product(4, '-Infinity')}\n{product(5)}\n".encode(),
        5, [(2, "not_an_object"), (3, "malformed_row"), (4, "non_finite_number")],
    ),
]  # fmt: skip


def ingest(tmp_path: Path, case: Case) -> tuple[int, str, Path]:
    """`ecom ingest <source> <file>` into tmp_path/lake: exit code, stdout, the lake."""
    inbox = tmp_path / "exports"
    inbox.mkdir(exist_ok=True)
    path = inbox / case.name
    path.write_bytes(case.content)
    lake = tmp_path / "lake"
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "stdout", out)
        code = main(["ingest", case.source, str(path), "--lake", str(lake)])
    return code, out.getvalue(), lake


def landed_rows(key: Path) -> int:
    """Data rows of a landed file: CSV records after the header, or NDJSON lines."""
    text = key.read_text(encoding="utf-8")
    if key.suffix == ".csv":
        return len(list(csv.reader(io.StringIO(text, newline="")))) - 1
    return len(text.splitlines())


def duckdb_rows(key: Path) -> int:
    """Rows DuckDB reads from a landed file with the staging options (raises if it cannot)."""
    read = READ_SALES if key.suffix == ".csv" else READ_NDJSON
    with duckdb.connect() as con:
        [(count,)] = con.execute(f"select count(*) from {read.format(path=key)}").fetchall()
    return int(count)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_what_the_door_makes_of_a_file(tmp_path: Path, case: Case) -> None:
    code, out, lake_dir = ingest(tmp_path, case)
    lake = LocalStorage(lake_dir)
    assert code == case.exit_code, out
    row = next(line for line in out.splitlines() if case.name in line)  # the file's row
    [entry] = Manifest(lake).entries(case.source)

    if case.quarantined:
        assert row.split()[0] == "quarantined"
        assert case.quarantined in row and case.says in row
        assert lake.list_keys("landing/") == [] and lake.list_keys("refused_rows/") == []
        reason = json.loads(lake.get_bytes(entry.landing_key + ".reason.json"))
        assert (reason["reason"], reason["file"]) == (case.quarantined, case.name)
    else:
        assert row.split()[0] == "landed"
        [landed] = lake.list_keys("landing/")
        assert landed == entry.landing_key
        landed_file_name = landed.rsplit("/", 1)[1]
        assert landed_file_name.endswith("-" + (case.landed_name or case.name))
        assert landed_rows(lake_dir / landed) == entry.rows
        assert duckdb_rows(lake_dir / landed) == entry.rows
        sidecars = lake.list_keys("refused_rows/")
        if case.refused:
            assert sidecars == ["refused_rows/" + landed.removeprefix("landing/") + ".ndjson"]
            lines = [json.loads(x) for x in lake.get_bytes(sidecars[0]).splitlines()]
            assert [(x["line_number"], x["reason"]) for x in lines] == case.refused
            assert all(set(x) == SIDECAR_FIELDS for x in lines)
            assert {(x["source"], x["landed_file_name"]) for x in lines} == {
                (case.source, landed_file_name)
            }
            assert all(len(x["raw"]) <= 1000 and "\x00" not in x["raw"] for x in lines)
            assert case.says in " ".join(x["detail"] for x in lines)
            assert f"{len(case.refused)} row" in row and sidecars[0] in row
            assert all(reason in row for _, reason in case.refused)
        else:
            assert sidecars == []
    assert (entry.rows + entry.rows_refused, entry.rows_refused) == (
        case.received,
        len(case.refused),
    )

    keys = lake.list_keys("")
    again, out_again, _ = ingest(tmp_path, case)
    assert again == case.exit_code
    assert "already_" in out_again
    assert [k for k in lake.list_keys("") if not k.startswith("reports/")] == [
        k for k in keys if not k.startswith("reports/")
    ]


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("NaN", "non_finite_number"),
        ("Infinity", "non_finite_number"),
        ("1e400", "non_finite_number"),
    ],
)
def test_non_finite_number_in_a_customer_pull_is_refused(
    lake: Storage, value: str, reason: str
) -> None:
    record = (
        '{"customer_id": "C%d", "name": "Ann", "email": "a@x.io", "city": "Oslo", '
        '"signup_date": "2026-01-01", "updated_at": "2026-11-20T10:00:00Z", "score": %s}'
    )
    ndjson = f"{record % (1, '1')}\n{record % (2, value)}\n".encode()
    result = land_file(lake, CUSTOMERS, "customers.ndjson", ndjson, "B1", DAY)
    assert (result.status, result.rows, result.rows_refused) == ("landed", 1, 1)
    assert json.loads(lake.get_bytes(result.key))["customer_id"] == "C1"
    [sidecar] = lake.list_keys("refused_rows/customers/")
    [refused] = [json.loads(x) for x in lake.get_bytes(sidecar).splitlines()]
    assert (refused["line_number"], refused["reason"]) == (2, "non_finite_number")
    assert value in refused["detail"] and value in refused["raw"]


def test_the_door_never_writes_non_standard_json(lake: Storage) -> None:
    result = land_file(
        lake, PRODUCTS, "p.json", f"[{product(1, '1e400')}, {product(2)}]".encode(), "B1", DAY
    )
    landed = lake.get_bytes(result.key).decode()
    assert "Infinity" not in landed and "NaN" not in landed
    assert [json.loads(x)["product_id"] for x in landed.splitlines()] == ["P2"]


def make_inbox(tmp_path: Path) -> tuple[Path, Path]:
    """An inbox with sales/ and a folder outside it holding a 'secret' file."""
    inbox = tmp_path / "inbox"
    (inbox / "sales").mkdir(parents=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.csv").write_bytes(HEADER + sale(7))
    return inbox, outside


def test_symlink_out_of_the_inbox_is_refused_unread_and_the_rest_lands(tmp_path: Path) -> None:
    inbox, outside = make_inbox(tmp_path)
    (inbox / "sales" / "a.csv").write_bytes(HEADER + GOOD)
    (inbox / "sales" / "b.csv").symlink_to(outside / "secret.csv")
    (inbox / "sales" / "notes.txt").write_bytes(b"call Bob")
    (inbox / "sales" / "old").mkdir()
    (inbox / "sales" / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    files = inbox_files(inbox / "sales")
    assert [p.name for p in files] == ["a.csv", "b.csv", "notes.txt"]  # no folder, no dotfile

    lake = LocalStorage(tmp_path / "lake")
    results = ingest_files(lake, "sales", files, "B1", DAY, inbox=inbox)
    assert [(r.name, r.status) for r in results] == [
        ("a.csv", "landed"),
        ("b.csv", "quarantined"),
        ("notes.txt", "quarantined"),
    ]
    assert results[1].reason is not None and "symlink_outside_inbox" in results[1].reason
    assert results[2].reason is not None and "unsupported_file_type" in results[2].reason
    quarantined = [k for k in lake.list_keys("quarantine/") if not k.endswith(".json")]
    assert all(b"T7" not in lake.get_bytes(k) for k in quarantined)  # the target was not read


def test_symlink_inside_the_inbox_lands_its_target(tmp_path: Path) -> None:
    inbox, _ = make_inbox(tmp_path)
    (inbox / "exports").mkdir()
    (inbox / "exports" / "day.csv").write_bytes(HEADER + GOOD)
    (inbox / "sales" / "day.csv").symlink_to(inbox / "exports" / "day.csv")
    lake = LocalStorage(tmp_path / "lake")
    [result] = ingest_files(lake, "sales", inbox_files(inbox / "sales"), "B1", DAY, inbox=inbox)
    assert (result.status, result.rows) == ("landed", 2)


def test_ecom_ingest_refuses_a_symlink_out_of_the_files_folder(tmp_path: Path) -> None:
    inbox, outside = make_inbox(tmp_path)
    link = inbox / "sales" / "sales.csv"
    link.symlink_to(outside / "secret.csv")
    broken = inbox / "sales" / "gone.csv"
    broken.symlink_to(outside / "gone.csv")
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "stdout", out)
        lake = str(tmp_path / "lake")
        code = main(["ingest", "sales", str(link), str(broken), "--lake", lake])
    assert code == 3
    rows = [line for line in out.getvalue().splitlines() if "symlink_outside_inbox" in line]
    assert [row.split()[2] for row in rows] == ["sales.csv", "gone.csv"]
    assert LocalStorage(tmp_path / "lake").list_keys("landing/") == []


def test_a_file_that_cannot_be_read_is_quarantined_and_the_batch_goes_on(tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "a.csv").write_bytes(HEADER + GOOD)
    folder = exports / "b.csv"
    folder.mkdir()  # reading it is an OSError (IsADirectoryError)
    lake = LocalStorage(tmp_path / "lake")
    results = ingest_files(lake, "sales", [folder, exports / "a.csv"], "B1", DAY)
    assert [(r.name, r.status) for r in results] == [("b.csv", "quarantined"), ("a.csv", "landed")]
    assert results[0].reason is not None and results[0].reason.startswith("unreadable_file")


def test_a_bug_in_a_check_quarantines_the_file_not_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ingest.landing

    real = ingest.landing.prepare

    def buggy(spec: object, name: str, data: bytes) -> object:
        if name == "b.csv":
            raise KeyError("oops")
        return real(spec, name, data)  # type: ignore[arg-type]

    monkeypatch.setattr(ingest.landing, "prepare", buggy)
    exports = tmp_path / "exports"
    exports.mkdir()
    for name in ("a.csv", "b.csv"):
        (exports / name).write_bytes(HEADER + sale(1 if name == "a.csv" else 2))
    lake = LocalStorage(tmp_path / "lake")
    results = ingest_files(lake, "sales", sorted(exports.iterdir()), "B1", DAY)
    assert [r.status for r in results] == ["landed", "quarantined"]
    assert results[1].reason is not None
    assert "unreadable_file" in results[1].reason and "KeyError" in results[1].reason


def test_gzip_bomb_is_quarantined_too_large(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ingest.sources.checks

    monkeypatch.setattr(ingest.sources.checks, "MAX_FILE_BYTES", 1024 * 1024)
    bomb = gzip.compress(HEADER + b"0" * 4 * 1024 * 1024)
    result = land_file(LocalStorage(tmp_path), SALES, "s.csv.gz", bomb, "B1", DAY)
    assert result.status == "quarantined"
    assert result.reason is not None and result.reason.startswith("too_large: decompresses")


BIG_LINE_SCRIPT = textwrap.dedent(
    """
    import resource, sys
    from ecom.cli import main
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    codes = [main(["ingest", "sales", path, "--lake", sys.argv[1]]) for path in sys.argv[2:]]
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print("RESULT", " ".join(map(str, codes)), (after - before) // 1024)
    """
)


def write_big_line(path: Path, header: bytes, size: int) -> None:
    """header, then one line of `size` bytes, then a good row; written in chunks."""
    chunk = b"z" * (8 * 1024 * 1024)
    with path.open("wb") as out:
        out.write(header)
        for _ in range(size // len(chunk)):
            out.write(chunk)
        out.write(b"\n" + sale(1))


def test_a_200_mb_line_is_refused_with_bounded_memory(tmp_path: Path) -> None:
    size = 200 * 1024 * 1024
    row = tmp_path / "sales_big_row.csv"
    write_big_line(row, HEADER + sale(0), size)
    only = tmp_path / "sales_one_line.csv"
    write_big_line(only, b"", size)
    lake = tmp_path / "lake"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", BIG_LINE_SCRIPT, str(lake), str(row), str(only)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    [result] = [line for line in done.stdout.splitlines() if line.startswith("RESULT")]
    _, code_row, code_only, growth_mib = result.split()
    assert (code_row, code_only) == ("0", "3")  # the row refused; the header-less line too large
    assert int(growth_mib) < 600, f"peak RSS grew by {growth_mib} MiB"
    storage = LocalStorage(lake)
    [landed] = storage.list_keys("landing/")
    assert storage.get_bytes(landed) == LANDED_HEADER + landed_sale(0) + landed_sale(1)
    [sidecar] = storage.list_keys("refused_rows/")
    [refused] = [json.loads(x) for x in storage.get_bytes(sidecar).splitlines()]
    assert (refused["line_number"], refused["reason"]) == (3, "oversized_row")
    assert len(refused["raw"]) == 1000
    assert "too_large" in done.stdout and "line 1 (the header)" in done.stdout


@pytest.mark.parametrize(
    ("name", "body", "status", "where"),
    [
        ("s.txt", HEADER + GOOD, "quarantined", "lake/quarantine/sales/"),
        ("s.CSV.gz", gzip.compress(HEADER + GOOD + b"bad\n"), "landed", "lake/landing/sales/"),
    ],
    ids=["txt", "csv.gz"],
)
def test_the_lambda_applies_the_same_rule(
    s3_bucket: str, monkeypatch: pytest.MonkeyPatch, name: str, body: bytes, status: str, where: str
) -> None:
    import boto3

    from ingest.lambda_handler import handler

    monkeypatch.setenv("ECOM_LAKE_URI", f"s3://{s3_bucket}/lake")
    monkeypatch.setenv("ECOM_RAW_SCHEMA", f"raw_{s3_bucket[-12:]}")
    s3 = boto3.client("s3")
    s3.put_object(Bucket=s3_bucket, Key=f"lake/inbox/sales/{name}", Body=body)
    event = {
        "detail-type": "Object Created",
        "detail": {"bucket": {"name": s3_bucket}, "object": {"key": f"lake/inbox/sales/{name}"}},
    }
    [report] = handler(event)["reports"]
    [file] = report["files"]
    assert file["status"] == status
    listed = s3.list_objects_v2(Bucket=s3_bucket, Prefix=where).get("Contents", [])
    assert listed
    if status == "landed":
        assert listed[0]["Key"].endswith("-s.csv")
        assert (file["rows"], file["rows_refused"]) == (2, 1)
        sidecar = "lake/refused_rows/" + listed[0]["Key"].removeprefix("lake/landing/") + ".ndjson"
        line = json.loads(s3.get_object(Bucket=s3_bucket, Key=sidecar)["Body"].read())
        assert (line["line_number"], line["reason"]) == (4, "malformed_row")
    else:
        assert "unsupported_file_type" in file["reason"]


def test_a_run_killed_after_the_sidecar_is_finished_under_the_same_keys(
    lake: Storage, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = HEADER + sale(1) + b"T2,short\n"
    killed_landing(
        lake, monkeypatch, content, at=lambda key, _: key.startswith("landing/"), day=DAY
    )
    [sidecar] = lake.list_keys("refused_rows/")
    assert lake.list_keys("landing/") == []

    retry = land_file(lake, SALES, "sales.csv", content, "B2", date(2026, 11, 22))
    assert (retry.status, retry.rows, retry.rows_refused) == ("landed", 1, 1)
    assert retry.key == "landing/sales/ingest_date=2026-11-21/B1-sales.csv"
    assert lake.list_keys("refused_rows/") == [sidecar]
    assert sidecar == "refused_rows/sales/ingest_date=2026-11-21/B1-sales.csv.ndjson"


def test_manifest_entries_written_before_rows_refused_read_as_zero(lake: Storage) -> None:
    old = {
        "source": "sales",
        "sha256": "ab",
        "bytes": 10,
        "rows": 2,
        "original_name": "s.csv",
        "batch_id": "B0",
        "landing_key": "landing/sales/ingest_date=2026-11-01/B0-s.csv",
        "status": "landed",
        "received_at": "2026-11-01T00:00:00Z",
        "landed_at": None,
    }
    lake.put_bytes("_manifest/sales/ab.json", json.dumps(old).encode())
    [entry] = Manifest(lake).entries("sales")
    assert (entry.rows, entry.rows_refused) == (2, 0)
