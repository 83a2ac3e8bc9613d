"""Metric queries compiled by MetricFlow from the semantic manifest, run like any other query.

MetricFlow (the engine behind `mf query`) reads target/semantic_manifest.json, which `dbt parse`
writes from the yml in models/semantic/, and compiles a metric query to SQL for the target's
engine. Here it only compiles (an explain): the SQL then goes through the same guard and
read-only connection as run_sql (ecom/mcp/reader.py), so a metric query cannot write, cannot
read outside the semantic layer's relations and is capped and timed like any other. A metric
added to the yml is served after the next `dbt parse`, without restarting the server.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ecom.mcp.catalog import BUILD_HINT, ArtifactMissingError
from ecom.mcp.sql_guard import Relation
from ingest.errors import EcomError

if TYPE_CHECKING:
    from metricflow.engine.metricflow_engine import MetricFlowEngine

SEMANTIC_MANIFEST = "semantic_manifest.json"


class MetricQueryError(EcomError):
    """MetricFlow cannot answer the query (an unknown metric or group-by, a bad filter)."""


@dataclass(frozen=True)
class MetricRequest:
    """A metric query as the query_metrics tool takes it."""

    metrics: tuple[str, ...]
    group_by: tuple[str, ...] = ()
    start: str | None = None
    end: str | None = None
    where: str | None = None
    order_by: tuple[str, ...] = ()
    limit: int | None = None


class _CompileOnlyClient:
    """MetricFlow's SqlClient for one engine that renders SQL and never connects."""

    def __init__(self, kind: str) -> None:
        from dbt_metricflow.cli.dbt_connectors.adapter_backed_client import (
            SupportedAdapterTypes,
        )

        adapter = SupportedAdapterTypes(kind)
        self.sql_engine_type = adapter.sql_engine_type
        self.sql_plan_renderer = adapter.sql_plan_renderer

    def _refuse(self, *_: Any, **__: Any) -> Any:
        raise MetricQueryError("the metrics engine compiles SQL only; it never runs any")

    query = execute = dry_run = _refuse

    def close(self) -> None:
        """Nothing to close: no connection is ever opened."""

    def render_bind_parameter_key(self, bind_parameter_key: str) -> str:
        """Bind parameters are not used by the compiled SQL."""
        return f":{bind_parameter_key}"


def _time(text: str | None, what: str) -> datetime | None:
    """An ISO date or time (2026-11-20, 2026-11-20T06:00) as a datetime."""
    if text is None or not text.strip():
        return None
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise MetricQueryError(
            f"{what} {text!r} is not a date; write it as YYYY-MM-DD (e.g. 2026-11-20)"
        ) from None


class Metrics:
    """The semantic manifest of a dbt target folder and a MetricFlow engine over it, rebuilt
    when `dbt parse` rewrites the manifest."""

    def __init__(self, target_dir: Path, kind: str) -> None:
        self.path = target_dir / SEMANTIC_MANIFEST
        self.kind = kind
        self._stamp: tuple[int, int] | None = None
        self._engine: MetricFlowEngine | None = None
        self._relations: list[Relation] = []

    def _load(self) -> MetricFlowEngine:
        """The engine over the current semantic manifest."""
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            raise ArtifactMissingError(
                f"no semantic manifest at {self.path}; {BUILD_HINT}"
            ) from None
        stamp = (stat.st_mtime_ns, stat.st_size)
        if self._engine is None or stamp != self._stamp:
            from metricflow.engine.metricflow_engine import MetricFlowEngine
            from metricflow_semantics.model.dbt_manifest_parser import (
                parse_manifest_from_dbt_generated_manifest,
            )
            from metricflow_semantics.model.semantic_manifest_lookup import (
                SemanticManifestLookup,
            )

            text = self.path.read_text()
            manifest = parse_manifest_from_dbt_generated_manifest(manifest_json_string=text)
            client = _CompileOnlyClient(self.kind)
            self._engine = MetricFlowEngine(SemanticManifestLookup(manifest), client)
            self._relations = semantic_relations(json.loads(text))
            self._stamp = stamp
        return self._engine

    def relations(self) -> list[Relation]:
        """The tables the semantic layer reads (its semantic models and time spines)."""
        self._load()
        return self._relations

    def list(self) -> list[dict[str, Any]]:
        """Every metric: name, label, description, type and the group-bys it can be sliced by."""
        engine = self._load()
        return [
            {
                "name": metric.name,
                "label": metric.label or metric.name,
                "description": " ".join((metric.description or "").split()),
                "type": metric.type.value,
                "group_by": sorted(
                    {"metric_time__day", "metric_time__week", "metric_time__month"}
                    | {d.dunder_name for d in metric.dimensions if d.name != "metric_time"}
                ),
            }
            for metric in engine.list_metrics()
        ]

    def compile(self, request: MetricRequest, limit: int) -> str:
        """The SQL of a metric query for the target's engine; MetricQueryError when MetricFlow
        cannot answer it (the message is MetricFlow's, with its suggestions)."""
        from metricflow.engine.metricflow_engine import MetricFlowQueryRequest

        engine = self._load()
        if not request.metrics:
            raise MetricQueryError("name at least one metric (list_metrics shows them)")
        query = MetricFlowQueryRequest.create(
            metric_names=list(request.metrics),
            group_by_names=list(request.group_by),
            time_constraint_start=_time(request.start, "start"),
            time_constraint_end=_time(request.end, "end"),
            where_constraints=[request.where] if request.where else None,
            order_by_names=list(request.order_by) or None,
            limit=min(request.limit or limit, limit),
        )
        try:
            statement = engine.explain(query).sql_statement
        except MetricQueryError:
            raise
        except Exception as error:  # MetricFlow's own errors say what is wrong and suggest
            raise MetricQueryError(_metricflow_message(error)) from error
        return statement.sql


def _metricflow_message(error: Exception) -> str:
    """MetricFlow's message without its stack of context: at most 30 lines."""
    lines = [line.rstrip() for line in str(error).splitlines() if line.strip()]
    return "\n".join(lines[:30]) or type(error).__name__


def semantic_relations(manifest: dict[str, Any]) -> list[Relation]:
    """The node relations of a semantic manifest's semantic models and time spines."""
    nodes = [model.get("node_relation") or {} for model in manifest.get("semantic_models", [])]
    configuration = manifest.get("project_configuration") or {}
    nodes += [spine.get("node_relation") or {} for spine in configuration.get("time_spines", [])]
    return [
        Relation(str(n.get("database") or ""), str(n["schema_name"]), str(n["alias"]))
        for n in nodes
        if n.get("schema_name") and n.get("alias")
    ]


def as_tuple(values: Sequence[str] | str | None) -> tuple[str, ...]:
    """A tool argument that is a list of names (or one name) as a tuple."""
    if values is None:
        return ()
    if isinstance(values, str):
        return (values,) if values.strip() else ()
    return tuple(v for v in values if v.strip())
