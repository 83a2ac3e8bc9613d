"""The door's line scans (ingest.sources.plain_lines) change nothing it decides: on files built
from hostile fragments, with windows small enough that records and quoted fields cross them,
the door lands the same bytes, counts the same rows and refuses the same rows (line, reason,
detail, raw) with the scans as without them (the Lambda's way, which judges every line)."""

from __future__ import annotations

import random

import pytest
from real_exports import REAL_DATA

from ingest.errors import FileRejectedError
from ingest.mapping import ExportMapping, load_mapping
from ingest.sources import CUSTOMERS, SALES, checks
from ingest.sources import plain_lines as plain_lines_module
from ingest.sources.checks import prepare

pytestmark = pytest.mark.unit

FULL = (
    "transaction_id,customer_id,product_id,quantity,amount,transaction_date,"
    "line_number,line_type,original_transaction_id"
)
SHORT = "transaction_id,customer_id,product_id,quantity,amount,transaction_date"
FRAGMENTS = [
    "T1,C1,P1,1,9.99,2026-11-20 10:00:00,1,merchandise,",
    "T2,C2,P2,2,5.00,2026-11-20 11:00:00,2,,",
    "T3,,P3,1,1.00,2026-11-20 12:00:00,,merchandise,",  # no line number: numbered by the door
    " T4 ,C4,P4,1,1.00,2026-11-20 12:00:00,1,,",  # an id with spaces: cleaned
    "T5,C5 ,P5,1,1.00,2026-11-20 12:00:00, ,,",  # a blank line number
    'T6,C6,P6,1,"1,00",2026-11-20 12:00:00,1,,',  # a quoted comma
    'T7,C7,"P7\nstill P7",1,1.00,2026-11-20 12:00:00,1,,',  # a quoted line break
    'T8,C8,"P8 never closed,1,1.00,2026-11-20 12:00:00,1,,',
    "T9,C9,P9,1",  # too few fields
    "T10,C10,P10,1,1.00,2026-11-20,1,,,extra",  # too many
    FULL,  # the header again
    " transaction_id , customer_id,product_id,quantity,amount,transaction_date,"
    "line_number,line_type,original_transaction_id",
    "T11,C11,P11,1,1.00,2026-11-20 12:00:00,1,\x00,",  # a NUL byte
    "T12\u200b,C\u200b12,P12,1,1.00,2026-11-20 12:00:00,1,,",  # zero-width characters in ids
    "T13,C13,P13,1,1.00,2026-11-20 12:00:00,1,caf\u00e9,",
    "T14,C14,P14,1,1.00,2026-11-20\t12:00:00,1,,",
    "T15,C15,P15,1,1.00,2026-11-20 12:00:00,1,\x1c,",
    "T16,C16,P16,1,1.00,2026-11-20 12:00:00,1,a\rb,",
    "",  # a blank line
    '"T17",C17,P17,1,1.00,2026-11-20 12:00:00,1,,',
    'T18,C18,P18,1,1.00,2026-11-20 12:00:00,1,"x"y,',  # text after a closing quote
    "T19,C19,P19,1,1.00,2026-11-20 12:00:00,1,transaction_id,",
]


def _file(rng: random.Random, header: str, newline: str) -> bytes:
    # Good lines and a few kinds of trouble, so a file's one kind can decide what it becomes.
    kinds = [FRAGMENTS[0], FRAGMENTS[1], *rng.sample(FRAGMENTS[2:], rng.randrange(0, 4))]
    lines = [header]
    for _ in range(rng.randrange(0, 60)):
        fragment = rng.choice(kinds)
        lines.append(fragment if header == FULL else ",".join(fragment.split(",")[:6]))
    body = newline.join(lines) + (newline if rng.random() < 0.8 else "")
    return body.encode()


def _door(data: bytes, mapping: ExportMapping | None = None) -> tuple[object, ...]:
    """What the door makes of a file: the landed file and its refused rows, or the refusal."""
    try:
        prepared = prepare(SALES, "sales.csv", data, mapping)
    except FileRejectedError as exc:
        return (str(exc),)
    return (prepared.name, prepared.data, prepared.rows, prepared.rewritten, prepared.refused)


@pytest.mark.parametrize("seed", range(120))
def test_the_scans_change_nothing_the_door_decides(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    data = _file(rng, rng.choice([FULL, FULL, SHORT]), rng.choice(["\n", "\n", "\r\n", "\r"]))
    monkeypatch.setattr(plain_lines_module, "WINDOW_BYTES", rng.choice([40, 200, 1 << 20]))
    scanned = _door(data)
    monkeypatch.setattr(plain_lines_module, "available", lambda: False)
    assert _door(data) == scanned


def test_a_mapped_export_lands_the_same_with_the_scans(monkeypatch: pytest.MonkeyPatch) -> None:
    export = REAL_DATA / "complete_journey"
    mapping = load_mapping(export / "mapping.yml")
    data = (export / "transactions_2017q1.csv").read_bytes()
    monkeypatch.setattr(plain_lines_module, "WINDOW_BYTES", 4096)
    scanned = _door(data, mapping)
    monkeypatch.setattr(plain_lines_module, "available", lambda: False)
    assert _door(data, mapping) == scanned


RECORDS = [
    '{"customer_id": "C1", "name": "Ana", "email": "a@x.com", "city": "Oslo",'
    ' "signup_date": "2024-01-01", "updated_at": "2024-01-01T00:00:00Z"}',
    '{"customer_id": "C2", "name": "Bo", "email": "b@x.com", "city": "Rome",'
    ' "signup_date": "2024-01-02", "updated_at": "2024-01-02T00:00:00Z", "score": 1.5}',
    '  {"customer_id": "C3", "name": "Cy", "email": "c@x.com", "city": null,'
    ' "signup_date": "2024-01-03", "updated_at": "2024-01-03T00:00:00Z"}  ',
    '{"customer_id": "C4", "score": NaN, "name": "D", "email": "d@x.com", "city": "X",'
    ' "signup_date": "2024-01-04", "updated_at": "2024-01-04T00:00:00Z"}',
    '{"customer_id": "C5", "score": 1e400, "name": "E", "email": "e@x.com", "city": "X",'
    ' "signup_date": "2024-01-05", "updated_at": "2024-01-05T00:00:00Z"}',
    '{"customer_id": "C6", "name": "F"',  # truncated
    "[1, 2]",
    '"a string"',
    '"customer_id name email city signup_date updated_at"',  # a string, not an object
    "",
    "   ",
    '{"customer_id": "C7"}',  # keys missing: the whole file is refused
    '{"customer_id": "C8", "name": "H\\u00e9", "email": "h@x.com", "city": "2e5 Street",'
    ' "signup_date": "2024-01-08", "updated_at": "2024-01-08T00:00:00Z"}',
    '\ufeff{"customer_id": "C9", "name": "I", "email": "i@x.com", "city": "X",'
    ' "signup_date": "2024-01-09", "updated_at": "2024-01-09T00:00:00Z"}',
]


@pytest.mark.parametrize("seed", range(150))
def test_the_plain_ndjson_check_changes_nothing_the_door_decides(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    kinds = [RECORDS[0], RECORDS[1], *rng.sample(RECORDS[2:], rng.randrange(0, 2))]
    lines = [rng.choice(kinds) for _ in range(rng.randrange(1, 40))]
    data = (rng.choice(["\n", "\n", "\r\n"]).join(lines) + rng.choice(["\n", ""])).encode()

    def door() -> tuple[object, ...]:
        try:
            prepared = prepare(CUSTOMERS, "customers.ndjson", data)
        except FileRejectedError as exc:
            return (str(exc),)
        return (prepared.data, prepared.rows, prepared.rewritten, prepared.refused)

    checked = door()
    monkeypatch.setattr(checks, "_plain_ndjson", lambda *args: None)
    assert door() == checked
