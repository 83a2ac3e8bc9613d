"""Mapping files: a shop's own sales export mapped onto the landed sales contract at the door.

A mapping is a small YAML file (docs/mappings.md; ready ones in ingest/mappings/) that says
which column of an export is which contract column and how to read its values: date format
and time zone, decimal comma, amount from quantity x unit price, id normalisation, constant
columns, which lines are returns, which product codes are not merchandise, and which
order-level amounts (shipping, discount, refund) become lines of their own. The door applies it
to every good record of a received file (ingest/sources/checks.py), then cleans the ids and
numbers the lines as for any sales file; the received file is kept under archive/.

A mapping that does not fit a file (a column it reads is not in the header) raises
MappingError: exit 2, one line naming the file and the missing columns, nothing landed. A value
the mapping cannot convert (a number or date it cannot read) is landed as received, so that
dbt rejects the line with its documented reason: nothing is lost at the door.

Money is Decimal throughout (never float) and rounded half-up to cents. Memory is bounded by
the orders of one file: the fill-down values and the order-level lines already written are
remembered per order, rows are converted one at a time.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ingest.errors import MappingError
from ingest.sources import LINE_TYPES, SALES, clean_id

# The ready mappings shipped with the project: `--mapping shopify_orders` names one of them.
MAPPINGS_DIR = Path(__file__).resolve().parent / "mappings"
MAPPING_SUFFIX = ".yml"
FEEDS = ("sales",)  # the feeds a mapping may be written for

CONTRACT = SALES.column_names
REQUIRED = tuple(c for c in SALES.required_columns if c != "amount")  # amount: see amount_from
ID_COLUMNS = SALES.id_columns
KEYS = (
    "feed",
    "description",
    "columns",
    "amount_from",
    "datetime_format",
    "timezone",
    "decimal_separator",
    "thousands_separator",
    "delimiter",
    "normalise_ids",
    "blank_values",
    "fill_down",
    "constants",
    "returns",
    "line_returns",
    "non_merchandise",
    "non_merchandise_from",
    "order_amount_lines",
)
DECIMAL_SEPARATORS = (".", ",")
THOUSANDS_SEPARATORS = (",", ".", " ", "'")
# The lines an order-level amount becomes: (line_type, product_id, sign of quantity, whether
# the amount is always negative). A discount or voucher line has a positive quantity and a
# negative amount (the contract); a refund is a return of goods the export does not name, a
# merchandise line of product REFUND: quantity -1, amount negative, so returns and net sales
# count it.
ORDER_LINE_KINDS: dict[str, tuple[str, str, int, bool]] = {
    "shipping": ("shipping", "SHIPPING", 1, False),
    "fee": ("fee", "FEE", 1, False),
    "discount": ("discount", "DISCOUNT", 1, True),
    "voucher": ("voucher", "VOUCHER", 1, True),
    "refund": ("merchandise", "REFUND", -1, True),
}
REFUND_PRODUCT = ORDER_LINE_KINDS["refund"][1]
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_FLOAT_INTEGER = re.compile(r"([+-]?\d+)\.0+")  # 17850.0: an integer id a spreadsheet floated
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class Pattern:
    """A product code the mapping classifies: an exact code (any case) or a /regex/."""

    text: str
    regex: re.Pattern[str] | None = field(default=None, compare=False)

    def matches(self, product_id: str) -> bool:
        """Whether a product code is this one (a regex must match the whole code)."""
        if self.regex is not None:
            return self.regex.fullmatch(product_id) is not None
        return product_id.casefold() == self.text.casefold()


@dataclass(frozen=True)
class ExportMapping:
    """One mapping file, validated: how each contract column is read from an export."""

    source: str  # where it was read from, for messages
    feed: str
    description: str
    columns: dict[str, tuple[str, ...]]  # contract column -> export columns (first non-blank)
    amount_from: tuple[str, str] | None = None  # (quantity column, unit price column)
    datetime_format: str | None = None  # strptime; None: ISO-8601
    timezone: str | None = None  # of naive times; None: UTC
    decimal_separator: str = "."
    thousands_separator: str | None = None
    delimiter: str = ","
    normalise_ids: tuple[str, ...] = ()
    blank_values: dict[str, tuple[str, ...]] = field(default_factory=dict)
    fill_down: tuple[str, ...] = ()
    constants: dict[str, str] = field(default_factory=dict)
    return_prefix: str | None = None
    return_column: tuple[str, tuple[str, ...]] | None = None  # (column, values, any case)
    line_returns: tuple[str, str] | None = None  # (refunded quantity, refunded amount) columns
    non_merchandise: tuple[tuple[str, tuple[Pattern, ...]], ...] = ()  # (line_type, codes)
    # an export column (a description) the non_merchandise codes are matched against too
    non_merchandise_from: str | None = None
    order_amount_lines: tuple[tuple[str, str], ...] = ()  # (kind, export column)

    @property
    def read_columns(self) -> tuple[str, ...]:
        """Every export column the mapping reads, in the order first named."""
        names = [name for sources in self.columns.values() for name in sources]
        names += list(self.amount_from or ())
        names += [self.return_column[0]] if self.return_column else []
        names += list(self.line_returns or ())
        names += [column for _, column in self.order_amount_lines]
        names += [self.non_merchandise_from] if self.non_merchandise_from else []
        return tuple(dict.fromkeys(names))

    @property
    def fingerprint(self) -> str:
        """A digest of the rules (not of the description or where the file lies): the same
        rules give the same landed rows, so the manifest keys a mapped file by it too."""
        rules = asdict(self)
        for key in ("source", "description"):
            rules.pop(key)
        rules["non_merchandise"] = [
            (line_type, [p.text for p in patterns]) for line_type, patterns in self.non_merchandise
        ]
        text = json.dumps(rules, sort_keys=True, default=list)
        return hashlib.sha256(text.encode()).hexdigest()

    def check_header(self, name: str, header: Sequence[str]) -> None:
        """Raise MappingError (one line: the file, the missing columns) unless every column the
        mapping reads is in the header, once."""
        missing = [c for c in self.read_columns if c not in header]
        if missing:
            hint = ""
            if len(header) == 1 and any(d in header[0] for d in ";|\t" if d != self.delimiter):
                hint = (
                    "; the header is one column: is the file delimited by another character "
                    "than the mapping's delimiter?"
                )
            raise MappingError(
                f"{name}: does not fit mapping {self.source}: column(s) "
                f"{', '.join(repr(c) for c in missing)} not in its header{hint}; nothing was "
                "landed. Fix the mapping or give the export it was written for"
            )
        twice = [c for c in self.read_columns if list(header).count(c) > 1]
        if twice:
            raise MappingError(
                f"{name}: column(s) {', '.join(repr(c) for c in twice)} of mapping "
                f"{self.source} appear twice in the header; nothing was landed"
            )

    def converter(self, header: Sequence[str]) -> Converter:
        """A converter of one file's records (its state: the file's orders seen so far)."""
        return Converter(self, header)

    # --- values -----------------------------------------------------------------------------

    def number(self, text: str) -> Decimal | None:
        """A number written with the export's separators, or None when it is not one."""
        value = text.strip()
        if not value:
            return None
        if self.thousands_separator is not None:
            for separator in _thousands_forms(self.thousands_separator):
                value = value.replace(separator, "")
        if self.decimal_separator != ".":
            if "." in value:
                return None  # a point where the export writes a comma: not one of its numbers
            value = value.replace(self.decimal_separator, ".")
        if _NUMBER.fullmatch(value) is None:
            return None
        return Decimal(value)

    def integer(self, text: str) -> int | None:
        """A whole number (a quantity), or None."""
        value = self.number(text)
        if value is None or value != value.to_integral_value():
            return None
        return int(value)

    def moment(self, text: str) -> str | None:
        """A date/time as the contract writes it ('YYYY-MM-DD HH:MM:SS' UTC), or None."""
        value = text.strip()
        if not value:
            return None
        try:
            if self.datetime_format is not None:
                parsed = datetime.strptime(value, self.datetime_format)
            else:
                parsed = datetime.fromisoformat(value)
            if parsed.tzinfo is None:
                zone = ZoneInfo(self.timezone) if self.timezone else UTC
                parsed = parsed.replace(tzinfo=zone)
            return parsed.astimezone(UTC).isoformat(sep=" ", timespec="seconds")[:19]
        except (ValueError, OverflowError):
            return None

    def line_type_of(self, product_id: str) -> str:
        """The line type the mapping's non_merchandise codes give a product code ('' none)."""
        for line_type, patterns in self.non_merchandise:
            if any(p.matches(product_id) for p in patterns):
                return line_type
        return ""


def _thousands_forms(separator: str) -> tuple[str, ...]:
    """A thousands separator as exports write it: a space also as a (narrow) no-break one."""
    return (separator, "\u00a0", "\u202f") if separator == " " else (separator,)


def money(value: Decimal) -> str | None:
    """An amount as the contract writes it: rounded half-up to cents, '.' point, never
    '-0.00'; None when it is too large to write."""
    try:
        cents = value.quantize(_CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return None
    return f"{cents if cents != 0 else Decimal('0.00'):f}"


class Converter:
    """Converts the records of one received file into contract rows (CONTRACT order)."""

    def __init__(self, mapping: ExportMapping, header: Sequence[str]) -> None:
        self.mapping = mapping
        self.position = {name: list(header).index(name) for name in mapping.read_columns}
        self.filled: dict[str, dict[str, str]] = {}  # order -> fill_down column -> value
        self.order_lines: set[tuple[str, str]] = set()  # (order, kind) already landed

    def rewrites(self, raw_header: list[str]) -> bool:
        """A mapped file is always rewritten: its columns are the export's."""
        return True

    def columns(self) -> list[str]:
        """The landed header: the contract's columns (the export's others stay in archive/)."""
        return list(CONTRACT)

    def __call__(self, record: list[str]) -> list[list[str]]:
        """The contract rows of one record: its line, then any return or order-level lines."""
        raw = self._raw(record)
        line = self._line(raw, record)
        rows = [line]
        rows += self._line_returns(line, record)
        rows += self._order_amount_lines(line, record)
        return rows

    def _field(self, record: list[str], column: str) -> str:
        return record[self.position[column]]

    def _raw(self, record: list[str]) -> dict[str, str]:
        """Each contract column's text as the export gives it: a constant, or the first of its
        columns holding a value (blank_values count as none), else filled down from the
        order's earlier lines."""
        m = self.mapping
        raw: dict[str, str] = {}
        for column in CONTRACT:
            if column in m.constants:
                raw[column] = m.constants[column]
                continue
            blanks = ("", *m.blank_values.get(column, ()))
            values = (self._field(record, c) for c in m.columns.get(column, ()))
            raw[column] = next((v for v in values if v.strip() not in blanks), "")
        order = clean_id(raw["transaction_id"])
        if m.fill_down and order:
            remembered = self.filled.setdefault(order, {})
            for column in m.fill_down:
                if raw[column].strip():
                    remembered[column] = raw[column]
                else:
                    raw[column] = remembered.get(column, "")
        return raw

    def _id(self, column: str, value: str) -> str:
        if column in self.mapping.normalise_ids:
            value = clean_id(value)
            if (match := _FLOAT_INTEGER.fullmatch(value)) is not None:
                return match.group(1)
        return value

    def _is_return(self, order: str, record: list[str]) -> bool:
        m = self.mapping
        if m.return_prefix is not None and order.startswith(m.return_prefix):
            return True
        if m.return_column is not None:
            column, values = m.return_column
            return self._field(record, column).strip().casefold() in values
        return False

    def _amount(self, raw: dict[str, str], record: list[str]) -> tuple[Decimal | None, str]:
        """The line amount, and the text landed when it cannot be computed."""
        m = self.mapping
        if m.amount_from is None:
            return m.number(raw["amount"]), raw["amount"]
        quantity_text = self._field(record, m.amount_from[0])
        price_text = self._field(record, m.amount_from[1])
        price = m.number(price_text)
        if price is None:
            return None, price_text
        quantity = m.number(quantity_text)
        if quantity is None:  # the quantity column lands as received and dbt rejects the line
            return None, ""
        return quantity * price, ""

    def _line(self, raw: dict[str, str], record: list[str]) -> list[str]:
        m = self.mapping
        values = {c: self._id(c, raw[c]) if c in ID_COLUMNS else raw[c] for c in CONTRACT}
        quantity = m.integer(raw["quantity"])
        amount, amount_text = self._amount(raw, record)
        if self._is_return(clean_id(values["transaction_id"]), record):
            quantity = -abs(quantity) if quantity is not None else None
            amount = -abs(amount) if amount is not None else None
        line_type = raw["line_type"].strip()
        if line_type.casefold() in LINE_TYPES:
            line_type = line_type.casefold()
        elif not line_type:
            line_type = m.line_type_of(clean_id(values["product_id"]))
            if not line_type and m.non_merchandise_from:
                # an export whose codes say nothing ('DOT', 'C2') but whose description does
                line_type = m.line_type_of(self._field(record, m.non_merchandise_from).strip())
        # A returned item's amount follows its quantity (a few exports write positive totals
        # on negative quantities); a discount reversed by a return may be positive, so only
        # merchandise is turned.
        if (
            quantity is not None
            and quantity < 0
            and amount is not None
            and amount > 0
            and line_type in ("", "merchandise")
        ):
            amount = -amount
        if quantity is not None:
            values["quantity"] = str(quantity)
        written = money(amount) if amount is not None else None
        values["amount"] = written if written is not None else amount_text or raw["amount"]
        values["transaction_date"] = m.moment(raw["transaction_date"]) or raw["transaction_date"]
        values["line_type"] = line_type
        return [values[c] for c in CONTRACT]

    def _line_returns(self, line: list[str], record: list[str]) -> list[list[str]]:
        """The return line of a record whose export says part of it was refunded."""
        m = self.mapping
        if m.line_returns is None:
            return []
        quantity_text = self._field(record, m.line_returns[0])
        amount_text = self._field(record, m.line_returns[1])
        if not quantity_text.strip() and not amount_text.strip():
            return []
        quantity = m.integer(quantity_text)
        # units back without money back (an exchange) is a return of amount 0
        amount = m.number(amount_text) if amount_text.strip() else Decimal(0)
        if quantity == 0 and amount == 0:
            return []
        row = dict(zip(CONTRACT, line, strict=True))
        row["line_number"] = ""
        row["original_transaction_id"] = row["transaction_id"]
        if quantity == 0 or (quantity is None and not quantity_text.strip()):
            # money refunded without units coming back: a return the export names no goods of
            row.update(product_id=REFUND_PRODUCT, quantity="-1", line_type="merchandise")
        else:
            row["quantity"] = str(-abs(quantity)) if quantity is not None else quantity_text
        written = money(-abs(amount)) if amount is not None else None
        row["amount"] = written if written is not None else amount_text
        return [[row[c] for c in CONTRACT]]

    def _order_amount_lines(self, line: list[str], record: list[str]) -> list[list[str]]:
        """A line per order-level amount (shipping, discount ...), from the first record of
        the order carrying a non-zero value."""
        order = clean_id(line[0])
        rows = []
        for kind, column in self.mapping.order_amount_lines:
            text = self._field(record, column)
            value = self.mapping.number(text)
            if not text.strip() or value == 0 or (order, kind) in self.order_lines:
                continue
            self.order_lines.add((order, kind))
            line_type, product_id, sign, negative = ORDER_LINE_KINDS[kind]
            row = dict(zip(CONTRACT, line, strict=True))
            row.update(
                product_id=product_id,
                quantity=str(sign),
                line_number="",
                line_type=line_type,
                original_transaction_id=order if kind == "refund" else "",
            )
            if value is None:  # landed as received: dbt rejects the line with its reason
                row["amount"] = text
            else:
                row["amount"] = money(-abs(value) if negative else value) or text
            rows.append([row[c] for c in CONTRACT])
        return rows


# --- reading a mapping file -----------------------------------------------------------------


def resolve_mapping(given: str | Path) -> Path:
    """The mapping file a --mapping names: a path, or the name of a shipped mapping
    (ingest/mappings/<name>.yml)."""
    path = Path(given).expanduser()
    if path.is_file():
        return path
    name = str(given)
    shipped = MAPPINGS_DIR / (name if name.endswith(MAPPING_SUFFIX) else name + MAPPING_SUFFIX)
    if "/" not in name and shipped.is_file():
        return shipped
    names = ", ".join(p.stem for p in shipped_mappings())
    raise MappingError(
        f"--mapping {given}: no such file, nor a shipped mapping (shipped: {names}); "
        "nothing was landed"
    )


def shipped_mappings() -> list[Path]:
    """The ready mappings in ingest/mappings/."""
    return sorted(MAPPINGS_DIR.glob("*" + MAPPING_SUFFIX))


def load_mapping(path: Path) -> ExportMapping:
    """Read and validate a mapping file; MappingError names the file and the key at fault."""
    # Imported here: the Lambda package (make lambda-build) lands files without mappings and
    # ships no PyYAML, and it imports this module through ingest.batch.
    import yaml

    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise MappingError(f"mapping {path}: cannot be read ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise MappingError(f"mapping {path}: not UTF-8 text") from exc
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        at = f" at line {where.line + 1}" if where is not None else ""
        problem = getattr(exc, "problem", None) or "not YAML"
        raise MappingError(f"mapping {path}: not valid YAML{at}: {problem}") from exc
    return parse_mapping(document, str(path))


def parse_mapping(document: Any, source: str) -> ExportMapping:
    """A mapping from its parsed YAML document; MappingError on any mistake."""
    return _Reader(source).mapping(document)


class _Reader:
    """Validates a mapping document key by key, with messages naming the file and the key."""

    def __init__(self, source: str) -> None:
        self.source = source

    def error(self, key: str, message: str) -> MappingError:
        return MappingError(f"mapping {self.source}: {key}: {message}")

    def mapping(self, document: Any) -> ExportMapping:
        if not isinstance(document, dict):
            raise MappingError(
                f"mapping {self.source}: expected keys (feed, columns, ...), not "
                f"{type(document).__name__}"
            )
        unknown = [str(k) for k in document if k not in KEYS]
        if unknown:
            raise MappingError(
                f"mapping {self.source}: unknown key(s) {', '.join(unknown)}; a mapping has "
                f"{', '.join(KEYS)} (docs/mappings.md)"
            )
        for key in ("feed", "columns"):
            if key not in document:
                raise self.error(key, "missing; every mapping names its feed and columns")
        feed = self.text("feed", document["feed"])
        if feed not in FEEDS:
            raise self.error("feed", f"{feed!r}: mappings exist for {', '.join(FEEDS)}")
        columns = self.columns(document["columns"])
        constants = self.constants(document.get("constants", {}))
        amount_from = self.amount_from(document.get("amount_from"))
        self.check_coverage(columns, constants, amount_from)
        decimal_separator = self.choice(
            "decimal_separator", document.get("decimal_separator", "."), DECIMAL_SEPARATORS
        )
        thousands = document.get("thousands_separator")
        if thousands is not None:
            thousands = self.choice("thousands_separator", thousands, THOUSANDS_SEPARATORS)
            if thousands == decimal_separator:
                raise self.error("thousands_separator", "must differ from decimal_separator")
        return_keys = ("transaction_id_prefix", "column")
        returns = self.keyed("returns", document.get("returns", {}), return_keys)
        return ExportMapping(
            source=self.source,
            feed=feed,
            description=self.text("description", document.get("description", ""), empty=True),
            columns=columns,
            amount_from=amount_from,
            datetime_format=self.datetime_format(document.get("datetime_format")),
            timezone=self.timezone(document.get("timezone")),
            decimal_separator=decimal_separator,
            thousands_separator=thousands,
            delimiter=self.delimiter(document.get("delimiter", ",")),
            normalise_ids=self.contract_list("normalise_ids", document, ID_COLUMNS),
            blank_values=self.blank_values(document.get("blank_values", {})),
            fill_down=self.contract_list("fill_down", document, CONTRACT),
            constants=constants,
            return_prefix=(
                self.text("returns.transaction_id_prefix", returns["transaction_id_prefix"])
                if "transaction_id_prefix" in returns
                else None
            ),
            return_column=self.return_column(returns.get("column")),
            line_returns=self.line_returns(document.get("line_returns")),
            non_merchandise=self.non_merchandise(document.get("non_merchandise", {})),
            non_merchandise_from=(
                self.text("non_merchandise_from", document["non_merchandise_from"])
                if "non_merchandise_from" in document
                else None
            ),
            order_amount_lines=self.order_amount_lines(document.get("order_amount_lines", {})),
        )

    def text(self, key: str, value: Any, empty: bool = False) -> str:
        """A string value; a number is taken as its digits (a product code 1234)."""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            quote = "write it in quotes: YAML reads yes/no/on/off as true/false"
            raise self.error(key, f"expected text, not {value!r} ({quote})")
        text = str(value)
        if not text.strip() and not empty:
            raise self.error(key, "must not be empty")
        return text

    def keyed(self, key: str, value: Any, allowed: Sequence[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.error(key, f"expected keys ({', '.join(allowed)}), not {value!r}")
        unknown = [str(k) for k in value if k not in allowed]
        if unknown:
            raise self.error(
                key, f"unknown key(s) {', '.join(unknown)}; it has {', '.join(allowed)}"
            )
        return value

    def text_list(self, key: str, value: Any) -> tuple[str, ...]:
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            value = [value]
        if not isinstance(value, list) or not value:
            raise self.error(key, f"expected a list of texts, not {value!r}")
        return tuple(self.text(key, item) for item in value)

    def columns(self, value: Any) -> dict[str, tuple[str, ...]]:
        columns = self.keyed("columns", value, CONTRACT)
        return {str(c): self.text_list(f"columns.{c}", names) for c, names in columns.items()}

    def constants(self, value: Any) -> dict[str, str]:
        constants = self.keyed("constants", value, CONTRACT)
        return {str(c): self.text(f"constants.{c}", v, empty=True) for c, v in constants.items()}

    def amount_from(self, value: Any) -> tuple[str, str] | None:
        if value is None:
            return None
        keys = self.keyed("amount_from", value, ("quantity", "unit_price"))
        if len(keys) != 2:
            raise self.error("amount_from", "give both quantity and unit_price")
        return (
            self.text("amount_from.quantity", keys["quantity"]),
            self.text("amount_from.unit_price", keys["unit_price"]),
        )

    def check_coverage(
        self,
        columns: dict[str, tuple[str, ...]],
        constants: dict[str, str],
        amount_from: tuple[str, str] | None,
    ) -> None:
        both = sorted(set(columns) & set(constants))
        if both:
            raise self.error("constants", f"{', '.join(both)} also in columns; give one")
        missing = [c for c in REQUIRED if c not in columns and c not in constants]
        if missing:
            needed = ", ".join(missing)
            raise self.error(
                "columns", f"no column for {needed} (nor a constant); the contract needs each"
            )
        amounts = [k for k in ("amount",) if k in columns or k in constants]
        if amount_from is not None and amounts:
            raise self.error("amount_from", "the amount comes from columns.amount already")
        if amount_from is None and not amounts:
            raise self.error(
                "columns", "no amount: give columns.amount (the line total) or amount_from"
            )

    def choice(self, key: str, value: Any, allowed: Sequence[str]) -> str:
        if value not in allowed:
            shown = ", ".join(repr(a) for a in allowed)
            raise self.error(key, f"{value!r} is not one of {shown}")
        return str(value)

    def delimiter(self, value: Any) -> str:
        if value == "\\t" or value == "tab":
            return "\t"
        if not isinstance(value, str) or len(value) != 1 or value in '"\r\n':
            raise self.error("delimiter", f"{value!r}: one character such as ',' ';' '|' or tab")
        return value

    def datetime_format(self, value: Any) -> str | None:
        if value is None:
            return None
        text = self.text("datetime_format", value)
        if "%" not in text:
            raise self.error("datetime_format", f"{text!r} has no strptime % code")
        try:
            datetime(2001, 2, 3, 4, 5, 6).strftime(text)
        except ValueError as exc:
            raise self.error("datetime_format", f"{text!r}: {exc}") from exc
        return text

    def timezone(self, value: Any) -> str | None:
        if value is None:
            return None
        name = self.text("timezone", value)
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise self.error(
                "timezone", f"{name!r} is not an IANA time zone (e.g. Europe/London, UTC)"
            ) from exc
        return name

    def contract_list(
        self, key: str, document: dict[str, Any], allowed: Sequence[str]
    ) -> tuple[str, ...]:
        if key not in document:
            return ()
        names = self.text_list(key, document[key])
        wrong = [n for n in names if n not in allowed]
        if wrong:
            raise self.error(key, f"{', '.join(wrong)}: not one of {', '.join(allowed)}")
        return names

    def blank_values(self, value: Any) -> dict[str, tuple[str, ...]]:
        blanks = self.keyed("blank_values", value, CONTRACT)
        return {
            str(c): tuple(v.strip() for v in self.text_list(f"blank_values.{c}", values))
            for c, values in blanks.items()
        }

    def return_column(self, value: Any) -> tuple[str, tuple[str, ...]] | None:
        if value is None:
            return None
        keys = self.keyed("returns.column", value, ("name", "values"))
        if "name" not in keys or "values" not in keys:
            raise self.error("returns.column", "give its name and values")
        values = self.text_list("returns.column.values", keys["values"])
        return self.text("returns.column.name", keys["name"]), tuple(
            v.strip().casefold() for v in values
        )

    def line_returns(self, value: Any) -> tuple[str, str] | None:
        if value is None:
            return None
        keys = self.keyed("line_returns", value, ("quantity", "amount"))
        if len(keys) != 2:
            raise self.error("line_returns", "give both quantity and amount")
        return (
            self.text("line_returns.quantity", keys["quantity"]),
            self.text("line_returns.amount", keys["amount"]),
        )

    def non_merchandise(self, value: Any) -> tuple[tuple[str, tuple[Pattern, ...]], ...]:
        kinds = [t for t in LINE_TYPES if t != "merchandise"]
        groups = self.keyed("non_merchandise", value, kinds)
        classified = []
        for line_type, codes in groups.items():
            key = f"non_merchandise.{line_type}"
            patterns = tuple(self.pattern(key, code) for code in self.text_list(key, codes))
            classified.append((str(line_type), patterns))
        return tuple(classified)

    def pattern(self, key: str, text: str) -> Pattern:
        if len(text) > 2 and text.startswith("/") and text.endswith("/"):
            try:
                return Pattern(text, re.compile(text[1:-1], re.IGNORECASE))
            except re.error as exc:
                raise self.error(key, f"{text}: not a regular expression ({exc})") from exc
        return Pattern(text.strip())

    def order_amount_lines(self, value: Any) -> tuple[tuple[str, str], ...]:
        kinds = self.keyed("order_amount_lines", value, tuple(ORDER_LINE_KINDS))
        return tuple(
            (str(kind), self.text(f"order_amount_lines.{kind}", column))
            for kind, column in kinds.items()
        )
