"""The MCP server's tools over the semantic layer (list_metrics, query_metrics): metric
queries compiled by ecom/semantic.py (the MetricFlow engine the dashboard uses), run like any
other query.

Here MetricFlow only compiles: the SQL then goes through the same guard and read-only
connection as run_sql (ecom/mcp/reader.py), so a metric query cannot write, cannot read outside
the marts and is capped and timed like any other. The semantic manifest is read again when
`dbt parse` (or a build) rewrites it, so a metric added to the yml is served without
restarting the server.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ecom.semantic import MetricQuery, SemanticLayer, SemanticLayerError, load_manifest
from ecom.warehouse import Warehouse
from ingest.errors import EcomError

# metric_time at the grains every metric of the project can be grouped by
METRIC_TIME = ("metric_time__day", "metric_time__week", "metric_time__month")


class MetricQueryError(EcomError):
    """A metric query's argument is not usable (a date, no metric named)."""


@dataclass(frozen=True)
class MetricRequest:
    """A metric query as the query_metrics tool takes it."""

    metrics: tuple[str, ...]
    group_by: tuple[str, ...] = ()
    start: str | None = None
    end: str | None = None
    where: str | None = None
    order_by: tuple[str, ...] = ()


def _day(text: str | None, what: str) -> date | None:
    """An ISO date (2026-11-20), or None."""
    if text is None or not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        raise MetricQueryError(
            f"{what} {text!r} is not a date; write it as YYYY-MM-DD (e.g. 2026-11-20)"
        ) from None


def as_tuple(values: Sequence[str] | str | None) -> tuple[str, ...]:
    """A tool argument that is a list of names (or one name) as a tuple."""
    if values is None:
        return ()
    if isinstance(values, str):
        return (values,) if values.strip() else ()
    return tuple(v for v in values if v.strip())


class Metrics:
    """The semantic layer of a semantic manifest over one warehouse, loaded again when the
    manifest changes."""

    def __init__(self, path: Path, warehouse: Warehouse) -> None:
        self.path = path
        self.warehouse = warehouse
        self._stamp: tuple[int, int] | None = None
        self._layer: SemanticLayer | None = None
        self._lock = threading.Lock()  # concurrent calls load a changed manifest once

    def layer(self) -> SemanticLayer:
        """MetricFlow over the current manifest (SemanticManifestMissingError before dbt
        wrote one)."""
        with self._lock:
            stat = self.path.stat() if self.path.exists() else None
            stamp = (stat.st_mtime_ns, stat.st_size) if stat else None
            if self._layer is not None and stamp == self._stamp:
                return self._layer
            try:
                self._layer = SemanticLayer(load_manifest(self.path), self.warehouse)
            except SemanticLayerError:
                # a dbt command is writing the manifest (not atomically): the last whole one
                # stands until it has finished
                if self._layer is not None and stat is not None:
                    return self._layer
                raise
            self._stamp = stamp
            return self._layer

    def list(self) -> list[dict[str, Any]]:
        """Every metric: name, label, description, type, format and what it can be grouped
        by (a metric whose value is per day, cumulative or offset, only by metric_time__day)."""
        listed = []
        for metric in self.layer().metrics():
            times = METRIC_TIME[:1] if metric.by_day_only else METRIC_TIME
            group_by = set(times) | {d for d in metric.dimensions if d != "metric_time"}
            listed.append(
                {
                    "name": metric.name,
                    "label": metric.label,
                    "description": metric.description,
                    "type": metric.type,
                    "format": metric.format,
                    "group_by_metric_time__day_only": metric.by_day_only,
                    "group_by": sorted(group_by),
                }
            )
        return listed

    def compile(self, request: MetricRequest, limit: int) -> str:
        """The SQL of a metric query for the warehouse's engine, ordered by metric_time when
        no order is given (SemanticLayerError: MetricFlow's reason, with its suggestions)."""
        if not request.metrics:
            raise MetricQueryError("name at least one metric (list_metrics shows them)")
        order = request.order_by or tuple(
            name for name in request.group_by if name.startswith("metric_time")
        )
        query = MetricQuery(
            metrics=request.metrics,
            group_by=request.group_by,
            where=(request.where,) if request.where else (),
            start=_day(request.start, "start"),
            end=_day(request.end, "end"),
            order_by=order,
            limit=limit,
        )
        return self.layer().sql(query)
