"""The three feeds of the shop: what each one looks like when it arrives and how it lands.

``SOURCES`` is the single definition of every raw table (name, format, columns) used by the
ingest checks, the dbt sources and the Glue catalog (ingest/catalog.py). The dbt sources file
(models/staging/shop/_shop__sources.yml) repeats the columns for dbt;
tests/python/test_source_contract.py fails, printing the block to paste, when they differ.

What lands is what is read: ``landed_name`` is the one rule deciding which received file names a
feed accepts (case-insensitive) and the name each lands under. dbt reads
``landing/<source>/*/*.csv`` (sales) and ``*.ndjson`` (products, customers) and Glue the same
prefixes, so a file the rule does not accept (``.txt``, ``.xlsx``, no extension) is quarantined
(``unsupported_file_type``), never landed where nothing reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """A raw column as it arrives (always text in the raw layer; dbt staging casts it)."""

    name: str
    description: str
    type: str = "string"  # its Glue/Hive type: every raw column is text
    # Whether a received file must carry it in its header (a value may still be empty). The
    # door writes every column of the feed, so an optional one absent from a file lands empty.
    required: bool = True
    # An identifier: the door strips zero-width characters and surrounding whitespace from it,
    # so that '17850' and '17850<U+200B>' are never two customers.
    is_id: bool = False


@dataclass(frozen=True)
class SourceSpec:
    """One feed: its lake name, landed file format and the columns it must carry."""

    name: str
    format: str  # "csv" or "ndjson"
    columns: tuple[Column, ...]
    description: str
    extensions: tuple[str, ...] = ()  # accepted file name endings (each also with .gz)
    # (line column, order column): a blank or absent line number is written by the door as the
    # line's position among the lines of its order in the file (1, 2, 3 in file order).
    numbered: tuple[str, str] | None = None

    @property
    def required_columns(self) -> tuple[str, ...]:
        """Column names a file must have to be accepted."""
        return tuple(c.name for c in self.columns if c.required)

    @property
    def column_names(self) -> tuple[str, ...]:
        """Every column of the feed, in the order a landed file holds them."""
        return tuple(c.name for c in self.columns)

    @property
    def id_columns(self) -> tuple[str, ...]:
        """The identifier columns, whose values the door cleans (clean_id)."""
        return tuple(c.name for c in self.columns if c.is_id)

    @property
    def landed_extension(self) -> str:
        """The extension every landed file of this feed has (what dbt's glob and Glue read)."""
        return "." + self.format

    @property
    def accepted_names(self) -> str:
        """The accepted file name endings, for a message: '.csv, .csv.gz'."""
        return ", ".join(e + gz for e in self.extensions for gz in ("", GZIP_SUFFIX))


GZIP_SUFFIX = ".gz"


@dataclass(frozen=True)
class AcceptedName:
    """A received file name the feed accepts: the name it lands under, and whether it is .gz."""

    landed_name: str
    gzip: bool


def landed_name(spec: SourceSpec, name: str) -> AcceptedName | None:
    """The name a received file lands under, or None when the feed does not accept the name.

    Extensions are matched case-insensitively and lowercased in the landed name, and a .gz is
    dropped (the door decompresses it): ``x.CSV.gz`` lands as ``x.csv``; a products
    ``catalog.json`` as ``catalog.ndjson``.
    """
    lowered = name.lower()
    gzip = lowered.endswith(GZIP_SUFFIX)
    inner = name[: -len(GZIP_SUFFIX)] if gzip else name
    for extension in sorted(spec.extensions, key=len, reverse=True):  # .ndjson before .json
        if inner.lower().endswith(extension):
            return AcceptedName(inner[: -len(extension)] + spec.landed_extension, gzip)
    return None


# Invisible characters copy-paste and spreadsheets leave in identifiers: zero-width space,
# non-joiner and joiner, word joiner, a stray byte-order mark (macros/utils/clean_string.sql
# strips the same ones in dbt, so files landed before the door did agree).
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def clean_id(value: str) -> str:
    """An identifier without zero-width characters and surrounding whitespace."""
    if value.isascii():  # the usual id: no zero-width character can be in it (a fast path)
        return value.strip()
    return ZERO_WIDTH.sub("", value).strip()


# The values a sales line's line_type may take (blank: decided in dbt from the product code).
LINE_TYPES = ("merchandise", "shipping", "fee", "discount", "voucher", "adjustment")

SALES = SourceSpec(
    name="sales",
    format="csv",
    description=(
        "Sales lines exported as CSV: one row per order line, many lines per order "
        "(transaction_id)."
    ),
    extensions=(".csv",),
    columns=(
        Column(
            "transaction_id",
            "The order (transaction) the line belongs to; an order has one or more lines.",
            is_id=True,
        ),
        Column(
            "customer_id",
            "Customer who bought; empty for a guest checkout; may be unknown to the customer feed.",
            is_id=True,
        ),
        Column(
            "product_id",
            "Product sold, or a non-merchandise code (shipping, fee, discount); may be unknown "
            "to the catalog.",
            is_id=True,
        ),
        Column("quantity", "Units (integer, as text); negative for a return or cancellation."),
        Column(
            "amount",
            "Line total in the shop currency, two decimals (as text); negative for a return "
            "or a discount.",
        ),
        Column("transaction_date", "When the sale happened, 'YYYY-MM-DD HH:MM:SS' in UTC."),
        Column(
            "line_number",
            "The line's number within its order; when the export has none, its position "
            "among the order's lines in the file.",
            required=False,
        ),
        Column(
            "line_type",
            "merchandise, shipping, fee, discount, voucher or adjustment; empty: decided from "
            "the product code.",
            required=False,
        ),
        Column(
            "original_transaction_id",
            "For a return line, the order it returns, when the export says.",
            required=False,
            is_id=True,
        ),
    ),
    numbered=("line_number", "transaction_id"),
)

PRODUCTS = SourceSpec(
    name="products",
    format="ndjson",
    description="The product catalog, received as a JSON document and landed as NDJSON.",
    extensions=(".json", ".ndjson"),
    columns=(
        Column("product_id", "Identifier of the product."),
        Column("name", "Product name."),
        Column("category", "Merchandising category."),
        Column("price", "List price when the catalog was exported."),
        Column("stock", "Units in stock when the catalog was exported."),
    ),
)

CUSTOMERS = SourceSpec(
    name="customers",
    format="ndjson",
    description="Customer records pulled from the shop's REST API and landed as NDJSON.",
    extensions=(".ndjson", ".json"),
    columns=(
        Column("customer_id", "Identifier of the customer."),
        Column("name", "Full name."),
        Column("email", "E-mail address as entered."),
        Column("city", "City as entered."),
        Column("signup_date", "Date the customer signed up, 'YYYY-MM-DD'."),
        Column("updated_at", "Last change in the shop system (ISO-8601, 'Z' or ±HH:MM offset)."),
    ),
)

SOURCES: dict[str, SourceSpec] = {s.name: s for s in (SALES, PRODUCTS, CUSTOMERS)}
