"""The metrics of the semantic layer (models/semantic/), in Python: MetricFlow compiles a
metric query to the SQL of the warehouse's engine, from the semantic manifest dbt writes
(target/semantic_manifest.json), and ecom.warehouse runs it.

This is what `mf query` does, with MetricFlow's own engine and SQL renderers and the same
manifest (found and read by ecom/dbt_artifacts.py); only the connection differs: `mf`
connects through the dbt adapter, this module through ecom.warehouse (a short-lived connection
per query, read-only on DuckDB, so a reader never blocks `dbt build`). The dashboard and the
MCP server read their metrics here, so a metric defined once in yml reads the same in
`mf query`, the dashboard, an agent and a BI tool.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from metricflow.data_table.mf_table import MetricFlowDataTable
from metricflow.engine.metricflow_engine import MetricFlowEngine, MetricFlowQueryRequest
from metricflow.protocols.sql_client import SqlEngine
from metricflow.sql.render.athena import AthenaSqlPlanRenderer
from metricflow.sql.render.duckdb_renderer import DuckDbSqlPlanRenderer
from metricflow.sql.render.postgres import PostgresSQLSqlPlanRenderer
from metricflow.sql.render.redshift import RedshiftSqlPlanRenderer
from metricflow.sql.render.sql_plan_renderer import SqlPlanRenderer
from metricflow_semantic_interfaces.implementations.node_relation import PydanticNodeRelation
from metricflow_semantic_interfaces.implementations.semantic_manifest import (
    PydanticSemanticManifest,
)
from metricflow_semantic_interfaces.type_enums.metric_type import MetricType
from metricflow_semantics.model.dbt_manifest_parser import transform_dbt_generated_manifest
from metricflow_semantics.model.semantic_manifest_lookup import SemanticManifestLookup
from metricflow_semantics.sql.sql_bind_parameters import SqlBindParameterSet

from ecom import dbt_artifacts
from ecom.dbt_artifacts import ArtifactMissingError
from ecom.warehouse import Warehouse
from ingest.errors import ConfigurationError, EcomError

NO_PARAMETERS = SqlBindParameterSet()
PLANNED_QUERIES_KEPT = 500  # SQL of this many distinct queries is kept per layer
QUERY_INDEX = "query_index"  # the column of combined_sql saying which statement a row is from
METRIC_VALUE = "metric_value"  # combined_sql's column of the one value picked from each select

# The engine and SQL dialect of each dbt adapter the project targets (as dbt-metricflow's
# adapter-backed client maps them).
ENGINES: dict[str, tuple[SqlEngine, type[SqlPlanRenderer]]] = {
    "duckdb": (SqlEngine.DUCKDB, DuckDbSqlPlanRenderer),
    "postgres": (SqlEngine.POSTGRES, PostgresSQLSqlPlanRenderer),
    "redshift": (SqlEngine.REDSHIFT, RedshiftSqlPlanRenderer),
    "athena": (SqlEngine.ATHENA, AthenaSqlPlanRenderer),
}


class SemanticLayerError(EcomError):
    """The semantic manifest is missing or unreadable, or a metric query is invalid."""


class SemanticManifestMissingError(SemanticLayerError, ArtifactMissingError, ConfigurationError):
    """No target/semantic_manifest.json: dbt has not parsed the project yet."""


@dataclass(frozen=True)
class MetricQuery:
    """A metric query as `mf query` takes it: metrics, group-bys (e.g. metric_time__day,
    product__category), where filters in MetricFlow's Jinja syntax, and an inclusive range
    of metric_time days."""

    metrics: tuple[str, ...]
    group_by: tuple[str, ...] = ()
    where: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    order_by: tuple[str, ...] = ()
    limit: int | None = None


@dataclass(frozen=True)
class MetricInfo:
    """A metric as the semantic layer describes it: format is meta.format (money, count or
    percent, a fraction); by_day_only when its value is per metric_time (a cumulative metric
    or one with an offset input), so a query must group it by metric_time."""

    name: str
    label: str
    description: str
    type: str
    format: str
    by_day_only: bool
    dimensions: tuple[str, ...] = field(default_factory=tuple)


def manifest_path(warehouse: Warehouse, environ: Mapping[str, str] | None = None) -> Path:
    """The semantic_manifest.json of the warehouse's target, where dbt_artifacts.artifacts_dir
    finds the target's artifacts (DBT_TARGET_PATH, target/<target>/ or target/)."""
    folder = dbt_artifacts.artifacts_dir(warehouse.target, warehouse.project_dir, environ)
    return folder / dbt_artifacts.SEMANTIC_MANIFEST


def where_in(dimension: str, values: Sequence[str]) -> str:
    """A where filter: the (categorical) dimension is one of values, e.g.
    where_in('product__category', ['Toys'])."""
    quoted = ", ".join("'" + value.replace("'", "''") + "'" for value in values)
    return f"{{{{ Dimension('{dimension}') }}}} in ({quoted})"


class WarehouseSqlClient:
    """MetricFlow's SqlClient over ecom.warehouse: the SQL dialect of the warehouse's engine,
    and queries on a fresh read-only connection each."""

    def __init__(self, warehouse: Warehouse) -> None:
        if warehouse.kind not in ENGINES:
            raise SemanticLayerError(
                f"MetricFlow has no SQL dialect here for a {warehouse.kind} warehouse "
                f"(known: {', '.join(ENGINES)})"
            )
        self.warehouse = warehouse
        engine, renderer = ENGINES[warehouse.kind]
        self._engine = engine
        self._renderer = renderer()

    @property
    def sql_engine_type(self) -> SqlEngine:
        """The engine MetricFlow writes SQL for."""
        return self._engine

    @property
    def sql_plan_renderer(self) -> SqlPlanRenderer:
        """MetricFlow's renderer of that engine's dialect."""
        return self._renderer

    def query(
        self, stmt: str, sql_bind_parameter_set: SqlBindParameterSet = NO_PARAMETERS
    ) -> MetricFlowDataTable:
        """Run a select on a fresh read-only connection."""
        _no_bind_parameters(sql_bind_parameter_set)
        columns, rows = self.warehouse.query(stmt)
        return MetricFlowDataTable.create_from_rows(column_names=columns, rows=rows)

    def execute(
        self, stmt: str, sql_bind_parameter_set: SqlBindParameterSet = NO_PARAMETERS
    ) -> None:
        """Run a statement that writes (MetricFlow's --output-table); read-write connection."""
        _no_bind_parameters(sql_bind_parameter_set)
        with self.warehouse.connection(read_only=False) as connection:
            cursor = connection.cursor()
            cursor.execute(stmt)
            connection.commit()

    def dry_run(
        self, stmt: str, sql_bind_parameter_set: SqlBindParameterSet = NO_PARAMETERS
    ) -> None:
        """Check that stmt plans on the warehouse (EXPLAIN), without running it."""
        _no_bind_parameters(sql_bind_parameter_set)
        self.warehouse.query(f"explain {stmt}")

    def close(self) -> None:
        """Nothing stays open: every query closes its connection."""

    def render_bind_parameter_key(self, bind_parameter_key: str) -> str:
        """MetricFlow's SQL for these engines has no bind parameters."""
        raise SemanticLayerError(f"bind parameters are not supported ({bind_parameter_key})")


def _no_bind_parameters(parameters: SqlBindParameterSet) -> None:
    """Refuse bind parameters (MetricFlow's SQL for these engines never has them)."""
    if parameters.param_dict:
        raise SemanticLayerError(f"bind parameters are not supported: {parameters.param_dict}")


def load_manifest(path: Path) -> PydanticSemanticManifest:
    """The semantic manifest dbt wrote, as MetricFlow reads it (`mf` does the same)."""
    try:
        raw = dbt_artifacts.read(path)
    except ArtifactMissingError:
        raise SemanticManifestMissingError(
            f"No semantic manifest at {path}: run `make run` (or `dbt parse`) to write it"
        ) from None
    except dbt_artifacts.ArtifactError as error:
        raise SemanticLayerError(f"Could not read the semantic manifest: {error}") from error
    try:
        return transform_dbt_generated_manifest(PydanticSemanticManifest.parse_obj(raw))
    except ValueError as error:
        raise SemanticLayerError(f"Could not read the semantic manifest {path}: {error}") from error


def for_warehouse(
    manifest: PydanticSemanticManifest, warehouse: Warehouse
) -> PydanticSemanticManifest:
    """The manifest with every semantic model and the time spine read from the warehouse's
    marts (the relation dbt builds for the target); the definitions are unchanged. The file
    records the schema of whichever target dbt last parsed, which need not be this one."""

    def relation(current: PydanticNodeRelation) -> PydanticNodeRelation:
        schema, alias = warehouse.relation(current.alias).split(".", 1)
        return PydanticNodeRelation(alias=alias, schema_name=schema)

    copy: PydanticSemanticManifest = manifest.copy(deep=True)
    for model in copy.semantic_models:
        model.node_relation = relation(model.node_relation)
    for spine in copy.project_configuration.time_spines:
        spine.node_relation = relation(spine.node_relation)
    return copy


class SemanticLayer:
    """MetricFlow's engine over one warehouse: metric queries to SQL, and run."""

    def __init__(self, manifest: PydanticSemanticManifest, warehouse: Warehouse) -> None:
        self.warehouse = warehouse
        # One query at a time: the engine numbers the SQL's aliases per query, and the
        # dashboard shares one layer between its sessions' threads. Planning takes tens of
        # milliseconds, so each query's SQL is kept (the manifest does not change under it).
        self._planning = threading.Lock()
        self._planned: dict[MetricQuery, str] = {}
        self._metrics: tuple[MetricInfo, ...] | None = None
        self.client = WarehouseSqlClient(warehouse)
        self.engine = MetricFlowEngine(
            semantic_manifest_lookup=SemanticManifestLookup(for_warehouse(manifest, warehouse)),
            sql_client=self.client,
        )

    @classmethod
    def load(cls, warehouse: Warehouse, environ: Mapping[str, str] | None = None) -> SemanticLayer:
        """The semantic layer of the manifest dbt wrote for the warehouse's target."""
        return cls(load_manifest(manifest_path(warehouse, environ)), warehouse)

    def sql(self, query: MetricQuery) -> str:
        """The SQL MetricFlow generates for the query, in the warehouse's dialect."""
        with self._planning:
            if query not in self._planned:
                if len(self._planned) >= PLANNED_QUERIES_KEPT:
                    self._planned.clear()
                self._planned[query] = self._plan(query)
            return self._planned[query]

    def _plan(self, query: MetricQuery) -> str:
        """MetricFlow's SQL for the query (SemanticLayerError when it cannot answer it)."""
        request = MetricFlowQueryRequest.create(
            metric_names=list(query.metrics),
            group_by_names=list(query.group_by),
            where_constraints=list(query.where) or None,
            time_constraint_start=_midnight(query.start),
            time_constraint_end=_midnight(query.end),
            order_by_names=list(query.order_by) or None,
            limit=query.limit,
        )
        try:
            return self.engine.explain(request).sql_statement.sql
        except Exception as error:  # MetricFlow's query errors have no common base class
            raise SemanticLayerError(f"MetricFlow cannot answer {query}: {error}") from error

    def query(self, query: MetricQuery) -> tuple[list[str], list[tuple[object, ...]]]:
        """Run the query's SQL on the warehouse: column names and rows."""
        return self.warehouse.query(self.sql(query))

    def metrics(self) -> list[MetricInfo]:
        """Every metric, by name, with its label, description, type, format and dimensions.
        Listed once per layer: it takes tens of milliseconds, and a dashboard page asks for
        it on every render (which metrics a category filter applies to)."""
        with self._planning:
            if self._metrics is None:
                self._metrics = tuple(self._list_metrics())
            return list(self._metrics)

    def _list_metrics(self) -> list[MetricInfo]:
        """The metrics as MetricFlow's engine lists them."""
        listed = {metric.name: metric for metric in self.engine.list_metrics()}

        def by_day_only(name: str) -> bool:
            """Cumulative, or an input (at any depth) taken at an offset."""
            metric = listed[name]
            if metric.type is MetricType.CUMULATIVE:
                return True
            inputs = metric.type_params.metrics or []
            return any(
                item.offset_window or item.offset_to_grain or by_day_only(item.name)
                for item in inputs
            )

        return [
            MetricInfo(
                name=metric.name,
                label=metric.label or metric.name,
                description=" ".join((metric.description or "").split()),
                type=metric.type.value,
                format=str((metric.config.meta if metric.config else {}).get("format", "number")),
                by_day_only=by_day_only(metric.name),
                dimensions=tuple(sorted(d.dunder_name for d in metric.dimensions)),
            )
            for metric in sorted(listed.values(), key=lambda m: m.name)
        ]


def build_fingerprint(warehouse: Warehouse) -> tuple[object, ...] | None:
    """What changes whenever a DuckDB warehouse or its semantic manifest is written: the path,
    size and modification time (ns) of the DuckDB file, its write-ahead log and the manifest; None
    for the other engines, whose tables a build on another machine may rewrite without
    anything here changing (their results are only kept for the dashboard's TTL)."""
    if warehouse.kind != "duckdb":
        return None
    database = warehouse.duckdb_path
    paths = (
        database,
        database.with_name(database.name + ".wal"),
        manifest_path(warehouse),
    )
    fingerprint: list[object] = []
    for path in paths:
        try:
            stat = path.stat()
        except FileNotFoundError:
            fingerprint += [str(path), -1, -1]
        else:
            fingerprint += [str(path), stat.st_size, stat.st_mtime_ns]
    return tuple(fingerprint)


def combined_sql(statements: Sequence[str], columns: Sequence[str] | None = None) -> str:
    """Selects as one statement, each row tagged with the position of its select in
    QUERY_INDEX: one round trip instead of one per query (on DuckDB, opening the file costs
    more than a metric query over a month of sales). The selects must have the same columns,
    or `columns` names one column of each, read as METRIC_VALUE (numbers of any type: the
    union makes them one). A subquery in FROM may hold a WITH clause on DuckDB, PostgreSQL,
    Athena (Trino) and Redshift; MetricFlow's SQL starts with line comments, hence the line
    breaks."""
    if not statements:
        raise ValueError("combined_sql of no statements")
    if columns is not None and len(columns) != len(statements):
        raise ValueError("combined_sql needs one column per statement")
    return "\nunion all\n".join(
        f"select {index} as {QUERY_INDEX}, "
        + (f"q{index}.*" if columns is None else f"q{index}.{columns[index]} as {METRIC_VALUE}")
        + f" from (\n{sql.strip()}\n) q{index}"
        for index, sql in enumerate(statements)
    )


def _midnight(day: date | None) -> datetime | None:
    """A metric_time bound for MetricFlow (day granularity: the whole day is inside)."""
    return None if day is None else datetime.combine(day, time())
