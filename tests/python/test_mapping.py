"""Mapping files: a shop's own export lands as contract rows (docs/mappings.md).

The shipped mappings are tested on files built from the documented export headers (Shopify's
orders export; WooCommerce's Customer / Order / Coupon Export, "Default - One Row per Item")
with invented rows: multi-line orders, a guest, a refund, shipping, a discount. Each asserts
the landed contract rows exactly. Then each rule on its own, and a mapping that does not fit
or is not valid, through the real `ecom` command: exit 2, one line, nothing landed.
"""

from __future__ import annotations

import csv
import io
import json
import textwrap
from datetime import date
from pathlib import Path

import pytest
from invoice_export import HEADER as LEDGER_HEADER

from ecom.daily_run import sales_mapping
from ingest.batch import ingest_files
from ingest.errors import ConfigurationError, MappingError
from ingest.landing import land_file
from ingest.mapping import MAPPINGS_DIR, ExportMapping, load_mapping, parse_mapping
from ingest.sources import SALES
from ingest.sources.checks import prepare
from ingest.storage import LocalStorage

from conftest import isolated_env, run_ecom

pytestmark = pytest.mark.unit

DAY = date(2026, 11, 21)
CONTRACT = list(SALES.column_names)

# Shopify admin > Orders > Export: the documented header of the orders CSV.
SHOPIFY_HEADER = [
    "Name",
    "Email",
    "Financial Status",
    "Paid at",
    "Fulfillment Status",
    "Fulfilled at",
    "Accepts Marketing",
    "Currency",
    "Subtotal",
    "Shipping",
    "Taxes",
    "Total",
    "Discount Code",
    "Discount Amount",
    "Shipping Method",
    "Created at",
    "Lineitem quantity",
    "Lineitem name",
    "Lineitem price",
    "Lineitem compare at price",
    "Lineitem sku",
    "Lineitem requires shipping",
    "Lineitem taxable",
    "Lineitem fulfillment status",
    "Billing Name",
    "Billing Street",
    "Billing Address1",
    "Billing Address2",
    "Billing Company",
    "Billing City",
    "Billing Zip",
    "Billing Province",
    "Billing Country",
    "Billing Phone",
    "Shipping Name",
    "Shipping Street",
    "Shipping Address1",
    "Shipping Address2",
    "Shipping Company",
    "Shipping City",
    "Shipping Zip",
    "Shipping Province",
    "Shipping Country",
    "Shipping Phone",
    "Notes",
    "Note Attributes",
    "Cancelled at",
    "Payment Method",
    "Payment Reference",
    "Refunded Amount",
    "Vendor",
    "Outstanding Balance",
    "Employee",
    "Location",
    "Device ID",
    "Id",
    "Tags",
    "Risk Level",
    "Source",
    "Lineitem discount",
    "Tax 1 Name",
    "Tax 1 Value",
    "Tax 2 Name",
    "Tax 2 Value",
    "Tax 3 Name",
    "Tax 3 Value",
    "Tax 4 Name",
    "Tax 4 Value",
    "Tax 5 Name",
    "Tax 5 Value",
]

# WooCommerce Customer / Order / Coupon Export, format "Default - One Row per Item".
WOOCOMMERCE_HEADER = [
    "order_id",
    "order_number",
    "date",
    "status",
    "shipping_total",
    "shipping_tax_total",
    "fee_total",
    "fee_tax_total",
    "tax_total",
    "discount_total",
    "order_total",
    "refunded_total",
    "order_currency",
    "payment_method",
    "shipping_method",
    "customer_id",
    "billing_first_name",
    "billing_last_name",
    "billing_company",
    "billing_email",
    "billing_phone",
    "billing_address_1",
    "billing_address_2",
    "billing_postcode",
    "billing_city",
    "billing_state",
    "billing_country",
    "shipping_first_name",
    "shipping_last_name",
    "shipping_address_1",
    "shipping_address_2",
    "shipping_postcode",
    "shipping_city",
    "shipping_state",
    "shipping_country",
    "shipping_company",
    "customer_note",
    "item_id",
    "item_product_id",
    "item_name",
    "item_sku",
    "item_quantity",
    "item_subtotal",
    "item_subtotal_tax",
    "item_total",
    "item_total_tax",
    "item_refunded",
    "item_refunded_qty",
    "item_meta",
    "shipping_items",
    "fee_items",
    "tax_items",
    "coupon_items",
    "order_notes",
    "download_permissions_granted",
]


def export(header: list[str], rows: list[dict[str, str]], delimiter: str = ",") -> bytes:
    """A CSV export: the header, then each row (columns it does not give are empty)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        unknown = set(row) - set(header)
        assert not unknown, unknown
        writer.writerow([row.get(column, "") for column in header])
    return out.getvalue().encode()


def landed_rows(data: bytes) -> list[list[str]]:
    """The data rows of a landed sales file, after checking its header is the contract's."""
    header, *rows = csv.reader(io.StringIO(data.decode(), newline=""))
    assert header == CONTRACT
    return rows


def mapped(mapping: ExportMapping, content: bytes, name: str = "export.csv") -> list[list[str]]:
    """The contract rows the door lands from a received export through a mapping."""
    prepared = prepare(SALES, name, content, mapping)
    assert prepared.refused == ()
    return landed_rows(prepared.data)


def mapping_of(text: str, source: str = "test.yml") -> ExportMapping:
    return parse_mapping(__import__("yaml").safe_load(textwrap.dedent(text)), source)


def row(*values: str) -> list[str]:
    """A contract row: transaction, customer, product, quantity, amount, date, line number,
    line type, original transaction."""
    assert len(values) == len(CONTRACT)
    return list(values)


# --- the shipped mappings ----------------------------------------------------------------------

SHOPIFY_ORDERS = [
    # a two-line order with shipping and a discount code; the second line is the export's
    # continuation row: order columns (Created at too) empty, a product without a SKU
    {"Name": "#1001", "Email": "alice@example.com", "Financial Status": "paid",
     "Paid at": "2026-11-20 10:16:02 +0100", "Fulfillment Status": "fulfilled",
     "Accepts Marketing": "no", "Currency": "EUR", "Subtotal": "23.50", "Shipping": "4.90",
     "Taxes": "0.00", "Total": "28.40", "Discount Code": "WELCOME", "Discount Amount": "2.00",
     "Shipping Method": "Standard", "Created at": "2026-11-20 10:15:00 +0100",
     "Lineitem quantity": "2", "Lineitem name": "Mug - Blue", "Lineitem price": "10.00",
     "Lineitem compare at price": "12.00", "Lineitem sku": "MUG-1",
     "Lineitem requires shipping": "true", "Lineitem taxable": "true",
     "Lineitem fulfillment status": "fulfilled", "Billing Name": "Alice Smith",
     "Billing Street": "1 Main St, Apt 2", "Billing City": "Lyon", "Billing Zip": "'69001",
     "Billing Country": "FR", "Notes": "Leave at the door,\nplease", "Id": "5512345678901",
     "Risk Level": "Low", "Source": "web", "Lineitem discount": "1.00"},
    {"Name": "#1001", "Email": "alice@example.com", "Lineitem quantity": "1",
     "Lineitem name": "Tea towel", "Lineitem price": "5.50", "Lineitem sku": "",
     "Lineitem requires shipping": "true", "Lineitem taxable": "true",
     "Lineitem fulfillment status": "fulfilled", "Lineitem discount": "1.00"},
    # a guest (no e-mail: a point-of-sale sale), late in the evening in New York
    {"Name": "#1002", "Email": "", "Financial Status": "paid", "Currency": "EUR",
     "Subtotal": "12.00", "Shipping": "0.00", "Total": "12.00", "Discount Amount": "0.00",
     "Created at": "2026-11-20 23:30:00 -0500", "Lineitem quantity": "3",
     "Lineitem name": "Candle", "Lineitem price": "4.00", "Lineitem sku": "CANDLE-S",
     "Source": "pos"},
    # refunded in full: the sale stands, the refund (shipping included) is a return line
    {"Name": "#1003", "Email": "bob@example.com", "Financial Status": "refunded",
     "Currency": "EUR", "Subtotal": "15.00", "Shipping": "3.00", "Total": "18.00",
     "Discount Amount": "0.00", "Created at": "2026-11-21 08:00:00 +0000",
     "Lineitem quantity": "1", "Lineitem name": "Lamp", "Lineitem price": "15.00",
     "Lineitem sku": "LAMP-1", "Refunded Amount": "18.00"},
]  # fmt: skip


def test_a_shopify_orders_export_lands_as_contract_rows() -> None:
    mapping = load_mapping(MAPPINGS_DIR / "shopify_orders.yml")
    content = export(SHOPIFY_HEADER, SHOPIFY_ORDERS)
    t1, t2, t3 = "2026-11-20 09:15:00", "2026-11-21 04:30:00", "2026-11-21 08:00:00"
    assert mapped(mapping, content) == [
        row("#1001", "alice@example.com", "MUG-1", "2", "20.00", t1, "1", "", ""),
        row("#1001", "alice@example.com", "SHIPPING", "1", "4.90", t1, "2", "shipping", ""),
        row("#1001", "alice@example.com", "DISCOUNT", "1", "-2.00", t1, "3", "discount", ""),
        row("#1001", "alice@example.com", "Tea towel", "1", "5.50", t1, "4", "", ""),
        row("#1002", "", "CANDLE-S", "3", "12.00", t2, "1", "", ""),
        row("#1003", "bob@example.com", "LAMP-1", "1", "15.00", t3, "1", "", ""),
        row("#1003", "bob@example.com", "SHIPPING", "1", "3.00", t3, "2", "shipping", ""),
        row("#1003", "bob@example.com", "REFUND", "-1", "-18.00", t3, "3", "merchandise", "#1003"),
    ]


WOOCOMMERCE_ORDERS = [
    # a customer's two-item order with shipping and a coupon: every row repeats the order
    {"order_id": "501", "order_number": "501", "date": "2026-11-20 18:05:00",
     "status": "completed", "shipping_total": "5.00", "shipping_tax_total": "0.00",
     "fee_total": "0.00", "fee_tax_total": "0.00", "tax_total": "0.00",
     "discount_total": "3.00", "order_total": "52.00", "refunded_total": "0.00",
     "order_currency": "EUR", "payment_method": "stripe", "shipping_method": "Flat rate",
     "customer_id": "7", "billing_first_name": "Ann", "billing_email": "ann@example.com",
     "item_id": "11", "item_product_id": "70", "item_name": "Mug", "item_sku": "MUG-1",
     "item_quantity": "2", "item_subtotal": "20.00", "item_subtotal_tax": "0.00",
     "item_total": "18.00", "item_total_tax": "0.00", "item_refunded": "0.00",
     "item_refunded_qty": "0", "coupon_items": "code:SAVE3|amount:3.00"},
    {"order_id": "501", "order_number": "501", "date": "2026-11-20 18:05:00",
     "status": "completed", "shipping_total": "5.00", "fee_total": "0.00",
     "discount_total": "3.00", "order_total": "52.00", "refunded_total": "0.00",
     "customer_id": "7", "item_id": "12", "item_product_id": "71", "item_name": "Pan",
     "item_sku": "", "item_quantity": "1", "item_subtotal": "30.00", "item_total": "29.00",
     "item_refunded": "0.00", "item_refunded_qty": "0"},
    # a guest checkout (user id 0) with a fee; one of its two candles was refunded
    {"order_id": "502", "order_number": "502", "date": "2026-11-21 09:00:00",
     "status": "processing", "shipping_total": "0.00", "fee_total": "2.50",
     "discount_total": "0.00", "order_total": "26.50", "refunded_total": "12.00",
     "customer_id": "0", "billing_email": "guest@example.com", "item_id": "13",
     "item_product_id": "72", "item_name": "Candle", "item_sku": "CANDLE",
     "item_quantity": "2", "item_subtotal": "24.00", "item_total": "24.00",
     "item_refunded": "12.00", "item_refunded_qty": "-1"},
]  # fmt: skip


def test_a_woocommerce_orders_export_lands_as_contract_rows() -> None:
    mapping = load_mapping(MAPPINGS_DIR / "woocommerce_orders.yml")
    content = export(WOOCOMMERCE_HEADER, WOOCOMMERCE_ORDERS)
    t1, t2 = "2026-11-20 18:05:00", "2026-11-21 09:00:00"
    assert mapped(mapping, content) == [
        row("501", "7", "MUG-1", "2", "20.00", t1, "1", "", ""),
        row("501", "7", "SHIPPING", "1", "5.00", t1, "2", "shipping", ""),
        row("501", "7", "DISCOUNT", "1", "-3.00", t1, "3", "discount", ""),
        row("501", "7", "71", "1", "30.00", t1, "4", "", ""),
        row("502", "", "CANDLE", "2", "24.00", t2, "1", "", ""),
        row("502", "", "CANDLE", "-1", "-12.00", t2, "2", "", "502"),
        row("502", "", "FEE", "1", "2.50", t2, "3", "fee", ""),
    ]


def test_every_shipped_mapping_is_valid_and_documented() -> None:
    shipped = sorted(p.name for p in MAPPINGS_DIR.glob("*.yml"))
    assert shipped == ["shopify_orders.yml", "woocommerce_orders.yml"]
    docs = (Path(__file__).resolve().parents[2] / "docs" / "mappings.md").read_text()
    for name in shipped:
        assert load_mapping(MAPPINGS_DIR / name).description
        assert name.removesuffix(".yml") in docs


# --- each rule on its own ------------------------------------------------------------------

# An export in the shape of a European shop's ledger: ';' delimited, decimal comma, local
# times, float-formatted customer ids, credit notes numbered 'C...', postage as a product.
# Its columns and number format, which every mapping of it below shares:
LEDGER_COLUMNS = textwrap.dedent(
    """
    feed: sales
    columns:
      transaction_id: InvoiceNo
      customer_id: CustomerID
      product_id: StockCode
      quantity: Quantity
      transaction_date: InvoiceDate
    amount_from: {quantity: Quantity, unit_price: UnitPrice}
    datetime_format: "%d/%m/%Y %H:%M"
    decimal_separator: ","
    delimiter: ";"
    """
)


def ledger_mapping(rest: str) -> ExportMapping:
    """A mapping of the ledger: LEDGER_COLUMNS and the rest of it (YAML)."""
    return mapping_of(LEDGER_COLUMNS + textwrap.dedent(rest))


LEDGER = ledger_mapping(
    """
    timezone: Europe/London
    thousands_separator: "."
    normalise_ids: [customer_id]
    returns: {transaction_id_prefix: C}
    non_merchandise:
      shipping: [POST, "/carriage.*/"]
      fee: [BANK CHARGES]
    """
)


def ledger(*lines: str) -> bytes:
    return (";".join(LEDGER_HEADER) + "\n" + "".join(line + "\n" for line in lines)).encode()


def test_a_decimal_comma_and_thousands_separator_are_read() -> None:
    [line] = mapped(LEDGER, ledger("536371;22633;WARMER;1;01/12/2010 08:26;1.234,50;13047;UK"))
    assert line[4] == "1234.50"


def test_a_float_formatted_customer_id_is_an_integer_id() -> None:
    [line] = mapped(LEDGER, ledger("536365;85123A;HEART;6;01/12/2010 08:26;2,55;17850.0;UK"))
    assert (line[1], line[4]) == ("17850", "15.30")


def test_local_times_are_converted_to_utc() -> None:
    winter, summer = mapped(
        LEDGER,
        ledger(
            "536365;85123A;HEART;1;01/12/2010 08:26;2,55;17850;UK",  # GMT = UTC
            "536366;22728;CLOCK;1;01/07/2011 12:00;3,75;17850;UK",  # BST = UTC+1
        ),
    )
    assert (winter[5], summer[5]) == ("2010-12-01 08:26:00", "2011-07-01 11:00:00")


def test_an_offset_in_the_time_is_converted_to_utc_whatever_the_zone() -> None:
    iso = mapping_of(
        """
        feed: sales
        columns: {transaction_id: id, customer_id: c, product_id: p, quantity: q, amount: a,
                  transaction_date: t}
        timezone: Asia/Tokyo
        """
    )
    content = b"id,c,p,q,a,t\n1,C,P,1,1.00,2026-11-20T23:30:00-05:00\n2,C,P,1,1.00,2026-11-20\n"
    first, second = mapped(iso, content)
    assert (first[5], second[5]) == ("2026-11-21 04:30:00", "2026-11-19 15:00:00")


@pytest.mark.parametrize(
    ("quantity", "price", "amount"),
    [
        ("1", "0,125", "0.13"),
        ("3", "1,455", "4.37"),
        ("2", "0,005", "0.01"),
        ("-1", "0,125", "-0.13"),
    ],
)
def test_amount_is_quantity_times_unit_price_rounded_half_up(
    quantity: str, price: str, amount: str
) -> None:
    # Decimal, not float: 3 x 1.455 is 4.364999... in binary floating point (4.36)
    [line] = mapped(LEDGER, ledger(f"536370;22728;CLOCK;{quantity};01/12/2010 08:26;{price};1;UK"))
    assert line[4] == amount


def test_a_credit_note_is_a_return_and_a_negative_quantity_too() -> None:
    credit, negative = mapped(
        LEDGER,
        ledger(
            "C536379;22633;WARMER;2;01/12/2010 09:41;1,85;14527;UK",
            "536380;22633;WARMER;-1;01/12/2010 09:45;1,85;14527;UK",
        ),
    )
    assert (credit[0], credit[3], credit[4]) == ("C536379", "-2", "-3.70")
    assert (negative[3], negative[4]) == ("-1", "-1.85")


def test_non_merchandise_codes_and_patterns_give_the_line_type() -> None:
    lines = mapped(
        LEDGER,
        ledger(
            "536365;POST;POSTAGE;1;01/12/2010 08:26;18,00;12583;FR",
            "536365;Carriage;CARRIAGE;1;01/12/2010 08:26;50,00;12583;FR",
            "536365;bank charges;BANK;1;01/12/2010 08:26;15,00;12583;FR",
            "536365;22728;CLOCK;1;01/12/2010 08:26;3,75;12583;FR",
        ),
    )
    assert [line[7] for line in lines] == ["shipping", "shipping", "fee", ""]
    assert [line[6] for line in lines] == ["1", "2", "3", "4"]  # one order, numbered in order


def test_non_merchandise_patterns_also_read_a_description_column() -> None:
    described = ledger_mapping(
        """
        non_merchandise:
          shipping: [POST, "/.*postage.*/"]
          adjustment: ["/manual/"]
        non_merchandise_from: Description
        """
    )
    lines = mapped(
        described,
        ledger(
            "536365;DOT;DOTCOM POSTAGE;1;01/12/2010 08:26;18,00;12583;FR",
            "536365;M;Manual;1;01/12/2010 08:26;2,00;12583;FR",
            "536365;22728;ALARM CLOCK;1;01/12/2010 08:26;3,75;12583;FR",
        ),
    )
    assert [line[7] for line in lines] == ["shipping", "adjustment", ""]


def test_a_value_the_mapping_cannot_read_lands_as_received_for_dbt_to_reject() -> None:
    bad_quantity, bad_date, bad_price = mapped(
        LEDGER,
        ledger(
            "536372;22633;WARMER;two;01/12/2010 08:26;1,85;13047;UK",
            "536373;22633;WARMER;1;32/13/2010 25:00;1,85;13047;UK",
            "536374;22633;WARMER;1;01/12/2010 08:26;1,8x;13047;UK",
        ),
    )
    assert (bad_quantity[3], bad_quantity[4]) == ("two", "")
    assert bad_date[5] == "32/13/2010 25:00"
    assert bad_price[4] == "1,8x"


def test_an_export_without_customers_can_be_given_a_constant_and_ids_are_cleaned() -> None:
    pos = mapping_of(
        """
        feed: sales
        columns: {transaction_id: Receipt, product_id: [SKU, Item], quantity: Qty,
                  amount: Total, transaction_date: Time, line_number: Line}
        constants: {customer_id: ""}
        blank_values: {product_id: ["-"]}
        returns: {column: {name: Kind, values: [Refund]}}
        """
    )
    content = (
        "Receipt,Line,SKU,Item,Qty,Total,Time,Kind\n"
        "R1\u200b ,7,-,Gift card,1,25.00,2026-11-20 10:00:00,Sale\n"
        "R2,,P9,Socks,1,4.00,2026-11-20 11:00:00,REFUND\n"
    ).encode()
    first, refund = mapped(pos, content)
    assert first == row("R1", "", "Gift card", "1", "25.00", "2026-11-20 10:00:00", "7", "", "")
    assert (refund[3], refund[4], refund[6]) == ("-1", "-4.00", "1")


def test_a_mapped_file_keeps_the_received_export_and_lands_the_contract(tmp_path: Path) -> None:
    lake = LocalStorage(tmp_path)
    content = export(SHOPIFY_HEADER, SHOPIFY_ORDERS)
    mapping = load_mapping(MAPPINGS_DIR / "shopify_orders.yml")
    result = land_file(lake, SALES, "orders_export_1.csv", content, "B1", DAY, mapping=mapping)
    assert (result.status, result.rows) == ("landed", 8)
    assert len(landed_rows(lake.get_bytes(result.key))) == 8
    archived = "archive/sales/ingest_date=2026-11-21/B1-orders_export_1.csv"
    assert lake.get_bytes(archived) == content


def test_the_same_export_again_is_a_no_op_unless_its_mapping_changed(tmp_path: Path) -> None:
    lake = LocalStorage(tmp_path)
    content = export(SHOPIFY_HEADER, SHOPIFY_ORDERS)
    shopify = load_mapping(MAPPINGS_DIR / "shopify_orders.yml")
    first = land_file(lake, SALES, "orders.csv", content, "B1", DAY, mapping=shopify)
    again = land_file(lake, SALES, "orders.csv", content, "B2", DAY, mapping=shopify)
    assert (first.status, again.status) == ("landed", "already_landed")
    corrected = ExportMapping(**{**shopify.__dict__, "timezone": "Europe/Paris"})
    fixed = land_file(lake, SALES, "orders.csv", content, "B3", DAY, mapping=corrected)
    assert fixed.status == "landed"


# --- a mapping that does not fit, a mapping that is not valid ------------------------------


def write_export(folder: Path, name: str, content: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(content)
    return path


def test_a_mapping_that_does_not_fit_exits_2_naming_the_file_and_lands_nothing(
    tmp_path: Path,
) -> None:
    env = isolated_env(tmp_path)
    exports = tmp_path / "exports"
    fits = write_export(exports, "a_orders.csv", export(SHOPIFY_HEADER, SHOPIFY_ORDERS))
    header = [c for c in SHOPIFY_HEADER if c not in ("Lineitem price", "Refunded Amount")]
    other = write_export(exports, "b_orders.csv", export(header, []))
    done = run_ecom(["ingest", "sales", str(fits), str(other), "--mapping", "shopify_orders"], env)
    assert done.returncode == 2, done.stdout + done.stderr
    [line] = done.stderr.splitlines()
    assert line.startswith("ecom: error: b_orders.csv: does not fit mapping ")
    assert "'Lineitem price', 'Refunded Amount'" in line and "nothing was landed" in line
    assert not (tmp_path / "lake").exists() or not any((tmp_path / "lake").rglob("*.csv"))


def test_an_inbox_whose_mapping_does_not_fit_ends_the_run_with_exit_2_before_anything(
    tmp_path: Path,
) -> None:
    env = isolated_env(tmp_path)
    inbox = tmp_path / "inbox"
    write_export(inbox / "sales", "sales_2026-11-20.csv", export(WOOCOMMERCE_HEADER, []))
    (inbox / "sales.mapping.yml").write_text(
        (MAPPINGS_DIR / "shopify_orders.yml").read_text(), encoding="utf-8"
    )
    done = run_ecom(["run", "--inbox", str(inbox), "--no-docs"], env)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "sales_2026-11-20.csv: does not fit mapping" in done.stderr
    assert "'Name'" in done.stderr
    assert not (tmp_path / "lake").exists()


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("feed: sales\ncolumns: {transaction_id: a}\nexchange_rate: 1.1\n",
         "unknown key(s) exchange_rate"),
        ("feed: sales\ncolumns: [transaction_id: a\n", "not valid YAML at line"),
        ("feed: sales\ncolumns: {transaction_id: a, customer_id: b, product_id: c, "
         "quantity: d, amount: e, transaction_date: f}\ntimezone: Mars/Olympus\n",
         "timezone: 'Mars/Olympus' is not an IANA time zone"),
        ("feed: sales\ncolumns: {transaction_id: a}\n",
         "columns: no column for customer_id, product_id, quantity, transaction_date"),
        ("feed: sales\ncolumns: {transaction_id: a, customer_id: b, product_id: c, "
         "quantity: d, amount: e, transaction_date: f}\nnon_merchandise: {postage: [POST]}\n",
         "non_merchandise: unknown key(s) postage"),
    ],
    ids=["unknown-key", "bad-yaml", "bad-timezone", "missing-columns", "bad-line-type"],
)  # fmt: skip
def test_a_bad_mapping_file_exits_2_naming_the_file_and_the_key(
    tmp_path: Path, text: str, says: str
) -> None:
    mapping = tmp_path / "my_mapping.yml"
    mapping.write_text(text, encoding="utf-8")
    sales = write_export(tmp_path / "exports", "s.csv", b"a,b,c,d,e,f\n")
    done = run_ecom(
        ["ingest", "sales", str(sales), "--mapping", str(mapping)], isolated_env(tmp_path)
    )
    assert done.returncode == 2, done.stdout + done.stderr
    [line] = done.stderr.splitlines()
    assert line.startswith(f"ecom: error: mapping {mapping}: ")
    assert says in line, line
    assert not (tmp_path / "lake").exists()


def test_an_unknown_mapping_name_lists_the_shipped_ones(tmp_path: Path) -> None:
    sales = write_export(tmp_path, "s.csv", b"a\n")
    done = run_ecom(["ingest", "sales", str(sales), "--mapping", "magento"], isolated_env(tmp_path))
    assert done.returncode == 2
    assert "shopify_orders, woocommerce_orders" in done.stderr


def test_the_inbox_mapping_is_found_and_two_of_them_are_refused(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    assert sales_mapping(inbox, None) is None
    (inbox / "sales.mapping.yml").write_text((MAPPINGS_DIR / "woocommerce_orders.yml").read_text())
    found = sales_mapping(inbox, None)
    assert found is not None and found.source.endswith("sales.mapping.yml")
    with pytest.raises(ConfigurationError, match="two mappings"):
        sales_mapping(inbox, "shopify_orders")
    with pytest.raises(ConfigurationError, match="needs --inbox"):
        sales_mapping(None, "shopify_orders")


def test_ingest_files_checks_every_file_before_landing_any(tmp_path: Path) -> None:
    lake = LocalStorage(tmp_path / "lake")
    exports = tmp_path / "exports"
    good = write_export(exports, "a.csv", export(WOOCOMMERCE_HEADER, WOOCOMMERCE_ORDERS))
    wrong = write_export(exports, "b.csv", export(SHOPIFY_HEADER, SHOPIFY_ORDERS))
    not_csv = write_export(exports, "c.txt", b"anything")
    mapping = load_mapping(MAPPINGS_DIR / "woocommerce_orders.yml")
    with pytest.raises(MappingError, match=r"b\.csv: does not fit"):
        ingest_files(lake, "sales", [good, wrong, not_csv], "B1", DAY, mapping=mapping)
    assert lake.list_keys("") == []
    results = ingest_files(lake, "sales", [good, not_csv], "B1", DAY, mapping=mapping)
    assert [r.status for r in results] == ["landed", "quarantined"]  # the door still decides
    manifest = [json.loads(lake.get_bytes(k)) for k in lake.list_keys("_manifest/")]
    assert sorted(m["status"] for m in manifest) == ["landed", "quarantined"]
