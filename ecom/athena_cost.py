"""What a dbt run's Athena queries cost: Athena bills the bytes a query scanned rounded up to
the next MiB, at least 10 MiB per query, at ECOM_ATHENA_USD_PER_TB (default 5, the us-east-1
price) per TiB. dbt reports one query per node (its main statement), so the figure leaves out
dbt's own metadata queries and a model's helper statements; the workgroup's ProcessedBytes
(the athena-bytes-scanned alarm) is the bill's total.

The run log's data_scanned (ecom/daily_run.py), the dashboard's pipeline page and the
CloudWatch metrics (ecom/cloudwatch.py) compute it here.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from ingest.errors import ConfigurationError

PRICE_VARIABLE = "ECOM_ATHENA_USD_PER_TB"
DEFAULT_USD_PER_TB = 5.0
MIB = 2**20
TIB = 2**40
MIN_BILLED_BYTES = 10 * MIB


def usd_per_tb(environ: Mapping[str, str] | None = None) -> float:
    """The Athena price per TiB scanned: ECOM_ATHENA_USD_PER_TB, default 5."""
    text = (os.environ if environ is None else environ).get(PRICE_VARIABLE, "").strip()
    if not text:
        return DEFAULT_USD_PER_TB
    try:
        price = float(text)
    except ValueError:
        price = -1.0
    if not 0 <= price < math.inf:
        raise ConfigurationError(f"{PRICE_VARIABLE}={text!r} is not a price in USD (e.g. 5)")
    return price


def billed_bytes(scanned: int) -> int:
    """What Athena bills for one query that scanned `scanned` bytes: rounded up to the next
    MiB, at least 10 MiB. A query that scanned nothing is counted as nothing: dbt's DDL (a
    view, a seed's table) and failed queries report 0 and Athena does not bill them."""
    if scanned <= 0:
        return 0
    return max(MIN_BILLED_BYTES, math.ceil(scanned / MIB) * MIB)


@dataclass(frozen=True)
class ScanCost:
    """What a run's queries scanned and what Athena bills for them."""

    bytes: int  # scanned, as Athena reported each query
    billed_bytes: int  # each query rounded up to a MiB, at least 10 MiB
    queries: int  # queries that reported bytes
    usd: float
    usd_per_tb: float

    def to_dict(self) -> dict[str, Any]:
        """The run log's data_scanned."""
        return asdict(self)


def scan_cost(per_query: Iterable[int | None], price_per_tb: float) -> ScanCost | None:
    """The cost of queries by their scanned bytes; None when no query reported any (a target
    other than Athena): unknown, not free."""
    known = [b for b in per_query if b is not None]
    if not known:
        return None
    billed = sum(billed_bytes(b) for b in known)
    return ScanCost(
        bytes=sum(known),
        billed_bytes=billed,
        queries=len(known),
        usd=round(billed / TIB * price_per_tb, 6),
        usd_per_tb=price_per_tb,
    )
