"""The three feeds of the shop: what each one looks like when it arrives and how it lands.

``SOURCES`` is the single definition of every raw table (name, format, columns) used by the
ingest checks, the dbt sources and the Glue catalog (ingest/catalog.py). The dbt sources file
(models/staging/shop/_shop__sources.yml) repeats the columns for dbt;
tests/python/test_source_contract.py fails, printing the block to paste, when they differ.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """A raw column as it arrives (always text in the raw layer; dbt staging casts it)."""

    name: str
    description: str


@dataclass(frozen=True)
class SourceSpec:
    """One feed: its lake name, landed file format and the columns it must carry."""

    name: str
    format: str  # "csv" or "ndjson"
    columns: tuple[Column, ...]
    description: str

    @property
    def required_columns(self) -> tuple[str, ...]:
        """Column names a file must have to be accepted."""
        return tuple(c.name for c in self.columns)


SALES = SourceSpec(
    name="sales",
    format="csv",
    description="Point-of-sale transactions exported daily as CSV, one row per transaction.",
    columns=(
        Column("transaction_id", "Shop system transaction id; not unique in the raw feed."),
        Column("customer_id", "Customer who bought; may be unknown to the customer feed."),
        Column("product_id", "Product sold; may be unknown to the catalog."),
        Column("quantity", "Units sold (integer, as text)."),
        Column("amount", "Line total in the shop currency, two decimals (as text)."),
        Column("transaction_date", "When the sale happened, 'YYYY-MM-DD HH:MM:SS' in UTC."),
    ),
)

PRODUCTS = SourceSpec(
    name="products",
    format="ndjson",
    description="The product catalog, received as a JSON document and landed as NDJSON.",
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
