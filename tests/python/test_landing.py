"""Landing files in the lake, local folder and S3 (moto) alike: layout, idempotency,
every kind of bad file, and crash recovery."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ingest.landing import LandingStatus, land_file
from ingest.manifest import Manifest, ManifestStatus
from ingest.sources import PRODUCTS, SALES
from ingest.sources.checks import QuarantineReason
from ingest.storage import Storage

from conftest import killed_landing

pytestmark = pytest.mark.unit

DAY = date(2026, 11, 21)
HEADER = b"transaction_id,customer_id,product_id,quantity,amount,transaction_date\n"
SALES_CSV = HEADER + b"T1,C1,P1,1,9.99,2026-11-20 10:00:00\nT2,C2,P2,2,19.98,2026-11-20 11:00:00\n"
# Every landed sales file carries the optional columns too, after the six required ones; the
# door numbers the lines of each order when the export does not.
LANDED_HEADER = HEADER.rstrip(b"\n") + b",line_number,line_type,original_transaction_id\n"
LANDED_SALES_CSV = (
    LANDED_HEADER
    + b"T1,C1,P1,1,9.99,2026-11-20 10:00:00,1,,\nT2,C2,P2,2,19.98,2026-11-20 11:00:00,1,,\n"
)
# A sales file with a column the feed does not define (store_id), in the documented order.
SALES_WITH_STORE = (
    b"transaction_id,customer_id,product_id,quantity,amount,transaction_date,store_id\n"
    b"T1,C1,P1,1,9.99,2026-11-20 10:00:00,S7\n"
)
LANDED_WITH_STORE = (
    LANDED_HEADER.rstrip(b"\n") + b",store_id\n" + b"T1,C1,P1,1,9.99,2026-11-20 10:00:00,1,,,S7\n"
)
CATALOG = [
    {"product_id": "P1", "name": "Mug", "category": "Home", "price": 4.5, "stock": 3},
    {"product_id": "P2", "name": "Pan", "category": "Home", "price": 20, "stock": 0},
]


def reason_of(lake: Storage, key: str) -> dict[str, object]:
    reason: dict[str, object] = json.loads(lake.get_bytes(key + ".reason.json"))
    return reason


def test_file_lands_under_the_partitioned_key_with_its_bytes(lake: Storage) -> None:
    result = land_file(lake, SALES, "sales_2026-11-20.csv", SALES_CSV, "B1", DAY)
    assert result.status == "landed"
    assert result.rows == 2
    assert result.key == "landing/sales/ingest_date=2026-11-21/B1-sales_2026-11-20.csv"
    assert lake.get_bytes(result.key) == LANDED_SALES_CSV
    entry = Manifest(lake).entries("sales")[0]
    assert (entry.status, entry.rows, entry.bytes) == ("landed", 2, len(SALES_CSV))


def test_manifest_entries_are_one_json_object_on_one_line(lake: Storage) -> None:
    """Athena's and Spectrum's OpenX JSON SerDe read the manifest as NDJSON."""
    land_file(lake, SALES, "sales.csv", SALES_CSV, "B1", DAY)
    [key] = lake.list_keys("_manifest/")
    payload = lake.get_bytes(key)
    assert b"\n" not in payload.rstrip(b"\n")
    assert json.loads(payload)["status"] == "landed"


def test_same_file_twice_is_a_no_op(lake: Storage) -> None:
    land_file(lake, SALES, "sales.csv", SALES_CSV, "B1", DAY)
    again = land_file(lake, SALES, "sales-copy.csv", SALES_CSV, "B2", date(2026, 11, 22))
    assert again.status == "already_landed"
    assert again.key == "landing/sales/ingest_date=2026-11-21/B1-sales.csv"
    assert lake.list_keys("landing/") == ["landing/sales/ingest_date=2026-11-21/B1-sales.csv"]
    assert len(Manifest(lake).entries()) == 1


def test_json_array_lands_as_ndjson_and_the_original_is_archived(lake: Storage) -> None:
    original = json.dumps(CATALOG, indent=2).encode()
    result = land_file(lake, PRODUCTS, "products.json", original, "B1", DAY)
    assert result.key.endswith("/B1-products.ndjson")
    lines = lake.get_bytes(result.key).decode().splitlines()
    assert [json.loads(line) for line in lines] == CATALOG
    assert lake.get_bytes("archive/products/ingest_date=2026-11-21/B1-products.json") == original


def test_ndjson_lands_unchanged_and_nothing_is_archived(lake: Storage) -> None:
    ndjson = b"".join(json.dumps(r).encode() + b"\n" for r in CATALOG)
    result = land_file(lake, PRODUCTS, "products.ndjson", ndjson, "B1", DAY)
    assert (result.status, result.rows) == ("landed", 2)
    assert lake.get_bytes(result.key) == ndjson
    assert lake.list_keys("archive/") == []


@pytest.mark.parametrize(
    "content", [b"", b"\n  \n", b"\xef\xbb\xbf"], ids=["0-bytes", "blank", "bom"]
)
def test_empty_file_is_quarantined(lake: Storage, content: bytes) -> None:
    result = land_file(lake, SALES, "sales_empty.csv", content, "B1", DAY)
    assert result.status == "quarantined"
    assert reason_of(lake, result.key)["reason"] == "empty_file"
    assert lake.list_keys("landing/") == []


def test_header_only_csv_lands_with_zero_rows(lake: Storage) -> None:
    # A day without sales is a real export: it lands, and the manifest shows it arrived.
    result = land_file(lake, SALES, "sales_2026-12-25.csv", HEADER, "B1", DAY)
    assert (result.status, result.rows) == ("landed", 0)
    assert lake.get_bytes(result.key) == LANDED_HEADER
    assert Manifest(lake).entries("sales")[0].rows == 0


def test_file_missing_a_column_is_quarantined_with_a_reason(lake: Storage) -> None:
    bad = b"transaction_id,customer_id,amount\nT1,C1,9.99\n"
    result = land_file(lake, SALES, "sales_bad.csv", bad, "B1", DAY)
    assert result.status == "quarantined"
    assert lake.list_keys("landing/") == []
    key = "quarantine/sales/ingest_date=2026-11-21/B1-sales_bad.csv"
    assert result.key == key
    assert lake.get_bytes(key) == bad
    reason = reason_of(lake, key)
    assert reason["reason"] == "missing_columns"
    assert "product_id" in str(reason["detail"])
    assert reason["file"] == "sales_bad.csv"
    assert reason["what_to_do"]


def test_statuses_and_reasons_are_enums_stored_as_their_plain_strings(lake: Storage) -> None:
    good = land_file(lake, SALES, "sales.csv", SALES_CSV, "B1", DAY)
    bad = land_file(lake, SALES, "sales_bad.csv", b"transaction_id\nT1\n", "B1", DAY)
    assert (good.status, bad.status) == (LandingStatus.LANDED, LandingStatus.QUARANTINED)
    assert f"{good.status} {bad.status}" == "landed quarantined"
    entries = Manifest(lake).entries()
    assert {e.status for e in entries} == {ManifestStatus.LANDED, ManifestStatus.QUARANTINED}
    stored = [json.loads(lake.get_bytes(k))["status"] for k in lake.list_keys("_manifest/")]
    assert sorted(stored) == ["landed", "quarantined"]
    reason = reason_of(lake, bad.key)
    assert reason["reason"] == QuarantineReason.MISSING_COLUMNS == "missing_columns"


def test_extra_column_is_accepted_and_lands_after_the_feeds_columns(lake: Storage) -> None:
    result = land_file(lake, SALES, "sales_extra.csv", SALES_WITH_STORE, "B1", DAY)
    assert (result.status, result.rows) == ("landed", 1)
    assert lake.get_bytes(result.key) == LANDED_WITH_STORE


def test_columns_out_of_order_are_landed_in_the_documented_order(lake: Storage) -> None:
    # Athena's OpenCSVSerde reads by position, so the landed file must follow SOURCES.
    shuffled = (
        b"amount,store_id,transaction_id,customer_id,product_id,quantity,transaction_date\n"
        b'9.99,S7,T1,C1,P1,1,"2026-11-20 10:00:00"\n'
    )
    result = land_file(lake, SALES, "sales_shuffled.csv", shuffled, "B1", DAY)
    assert (result.status, result.rows) == ("landed", 1)
    assert lake.get_bytes(result.key) == LANDED_WITH_STORE
    archived = "archive/sales/ingest_date=2026-11-21/B1-sales_shuffled.csv"
    assert lake.get_bytes(archived) == shuffled


@pytest.mark.parametrize("delimiter", [b";", b"|", b"\t"], ids=["semicolon", "pipe", "tab"])
def test_wrong_delimiter_is_quarantined(lake: Storage, delimiter: bytes) -> None:
    data = HEADER.replace(b",", delimiter) + b"T1;C1;P1;1;9.99;2026-11-20 10:00:00\n"
    result = land_file(lake, SALES, "sales_semicolon.csv", data, "B1", DAY)
    assert result.status == "quarantined"
    reason = reason_of(lake, result.key)
    assert reason["reason"] == "wrong_delimiter"
    assert "export with ',' as delimiter" in str(reason["detail"])


def test_non_utf8_bytes_are_quarantined(lake: Storage) -> None:
    latin1 = HEADER + "T1,C1,P1,1,9.99,2026-11-20 10:00:00,Müller\n".encode("latin-1")
    result = land_file(lake, SALES, "sales_latin1.csv", latin1, "B1", DAY)
    assert result.status == "quarantined"
    reason = reason_of(lake, result.key)
    assert reason["reason"] == "not_utf8"
    position = latin1.index("ü".encode("latin-1"))
    assert f"byte {position} (0xfc) is not valid UTF-8" in str(reason["detail"])
    assert lake.get_bytes(result.key) == latin1  # the bytes as received, for inspection


def test_truncated_json_array_is_quarantined(lake: Storage) -> None:
    content = json.dumps(CATALOG).encode()[:-20]
    result = land_file(lake, PRODUCTS, "products.json", content, "B1", DAY)
    assert result.status == "quarantined"
    reason = reason_of(lake, result.key)
    assert reason["reason"] == "invalid_json"
    assert "line 1" in str(reason["detail"])
    assert lake.list_keys("landing/") == []


def test_truncated_ndjson_line_is_refused_and_the_rest_lands(lake: Storage) -> None:
    # Each NDJSON line is a record of its own: a cut-off last line is one refused row.
    content = json.dumps(CATALOG[0]).encode() + b"\n" + json.dumps(CATALOG[1]).encode()[:25]
    result = land_file(lake, PRODUCTS, "products.ndjson", content, "B1", DAY)
    assert (result.status, result.rows, result.rows_refused) == ("landed", 1, 1)
    assert [json.loads(line) for line in lake.get_bytes(result.key).splitlines()] == CATALOG[:1]
    [sidecar] = lake.list_keys("refused_rows/")
    [refused] = [json.loads(line) for line in lake.get_bytes(sidecar).splitlines()]
    assert (refused["line_number"], refused["reason"]) == (2, "malformed_row")


def test_empty_json_array_is_quarantined(lake: Storage) -> None:
    result = land_file(lake, PRODUCTS, "products.json", b"[]\n", "B1", DAY)
    assert result.status == "quarantined"
    assert reason_of(lake, result.key)["reason"] == "no_records"


def test_json_record_missing_a_key_is_quarantined(lake: Storage) -> None:
    records = [CATALOG[0], {"product_id": "P3", "name": "Cup"}]
    result = land_file(lake, PRODUCTS, "products.json", json.dumps(records).encode(), "B1", DAY)
    assert result.status == "quarantined"
    assert "record 2 lacks key(s) category, price, stock" in str(
        reason_of(lake, result.key)["detail"]
    )


def test_same_bad_file_twice_is_reported_with_its_first_reason(lake: Storage) -> None:
    bad = b"transaction_id;amount\nT1;9.99\n"
    first = land_file(lake, SALES, "sales_bad.csv", bad, "B1", DAY)
    again = land_file(lake, SALES, "sales_bad.csv", bad, "B2", DAY)
    assert again.status == "already_quarantined"
    assert again.key == first.key
    assert again.reason is not None and "wrong_delimiter" in again.reason
    assert len([k for k in lake.list_keys("quarantine/") if not k.endswith(".json")]) == 1


def stale_first_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    """The next manifest lookup misses an entry another run is writing at that moment."""
    real_get = Manifest.get
    lookups = iter([None])
    monkeypatch.setattr(
        Manifest, "get", lambda self, source, sha: next(lookups, real_get(self, source, sha))
    )


def on_landing(key: str, data: bytes) -> bool:
    """The write of the landed file itself."""
    return key.startswith("landing/")


def on_final_manifest(key: str, data: bytes) -> bool:
    """The manifest write that marks the file landed, after its upload."""
    return key.startswith("_manifest/") and b'"status": "landed"' in data


def test_same_bytes_given_to_two_runs_at_once_land_once(
    lake: Storage, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = land_file(lake, SALES, "sales.csv", SALES_CSV, "B1", DAY)
    stale_first_lookup(monkeypatch)
    second = land_file(lake, SALES, "sales.csv", SALES_CSV, "B2", DAY)
    assert (first.status, second.status) == ("landed", "already_landed")
    assert lake.list_keys("landing/") == ["landing/sales/ingest_date=2026-11-21/B1-sales.csv"]


def test_run_racing_an_unfinished_landing_reports_it_in_progress(
    lake: Storage, monkeypatch: pytest.MonkeyPatch
) -> None:
    killed_landing(lake, monkeypatch, SALES_CSV, at=on_landing)  # as if still uploading
    stale_first_lookup(monkeypatch)
    racer = land_file(lake, SALES, "sales.csv", SALES_CSV, "B2", DAY)
    assert racer.status == "in_progress"
    assert lake.list_keys("landing/") == []
    assert [e.batch_id for e in Manifest(lake).entries()] == ["B1"]


def test_crash_between_manifest_and_landing_is_finished_by_the_next_run(
    lake: Storage, monkeypatch: pytest.MonkeyPatch
) -> None:
    killed_landing(lake, monkeypatch, SALES_CSV, at=on_landing)
    assert lake.list_keys("landing/") == []  # nothing partial is visible

    retry = land_file(lake, SALES, "sales.csv", SALES_CSV, "B2", date(2026, 11, 22))
    assert retry.status == "landed"
    assert lake.list_keys("landing/") == ["landing/sales/ingest_date=2026-11-21/B1-sales.csv"]
    assert [e.status for e in Manifest(lake).entries()] == ["landed"]


def test_crash_between_upload_and_manifest_write_is_finished_by_the_next_run(
    lake: Storage, monkeypatch: pytest.MonkeyPatch
) -> None:
    killed_landing(lake, monkeypatch, SALES_CSV, at=on_final_manifest)
    assert [e.status for e in Manifest(lake).entries()] == ["pending"]

    retry = land_file(lake, SALES, "sales.csv", SALES_CSV, "B2", date(2026, 11, 22))
    assert retry.status == "landed"
    assert lake.list_keys("landing/") == ["landing/sales/ingest_date=2026-11-21/B1-sales.csv"]
    assert lake.get_bytes(retry.key) == LANDED_SALES_CSV
    assert [e.status for e in Manifest(lake).entries()] == ["landed"]
    assert land_file(lake, SALES, "sales.csv", SALES_CSV, "B3", DAY).status == "already_landed"


def test_crashed_file_sent_again_under_another_name_still_lands_once(
    lake: Storage, monkeypatch: pytest.MonkeyPatch
) -> None:
    killed_landing(lake, monkeypatch, SALES_CSV, at=on_final_manifest)

    retry = land_file(lake, SALES, "sales (1).csv", SALES_CSV, "B2", DAY)
    assert (retry.status, retry.name) == ("landed", "sales (1).csv")
    assert lake.list_keys("landing/") == ["landing/sales/ingest_date=2026-11-21/B1-sales.csv"]
