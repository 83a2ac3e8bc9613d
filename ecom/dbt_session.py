"""The daily run's dbt work in one dbt process: `python -m ecom.dbt_session REQUEST`.

REQUEST is ecom.dbt_runner.SessionRequest as JSON. In order, through dbt's own programmatic
runner (dbtRunner), sharing one parse:

1. `dbt parse`: the project as it is now (the manifest dbt builds from).
2. Unless the build is a --full-refresh: each incremental model the build selects whose
   table in the warehouse has other columns than the model declares now (a table built by an
   earlier version; `on_schema_change: fail` would fail the build on it). With schema_check
   `stop`, nothing is built; with `rebuild`, everything else is built, then those models and
   what depends on them with --full-refresh, and the two run_results.json become one.
3. `dbt build`.
4. `dbt source freshness`, whatever the build's outcome: sources.json.

dbt's log goes to stdout as dbt prints it; the last line is `{"ecom_session": {...}}` with
the changed tables and the models rebuilt. The exit code is the build's, as dbt's own: 0
succeeded, 1 a node failed, 2 dbt could not run; 2 also when the session stopped for changed
tables; 130 when interrupted.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ecom import dbt_artifacts
from ecom.dbt_runner import SESSION_KEY, SchemaChange, SessionRequest
from ecom.warehouse import Warehouse

# on_schema_change values with which dbt alters the table itself: no rebuild needed
SELF_HEALING = ("append_new_columns", "sync_all_columns")
INTERRUPTED = 130


@dataclass(frozen=True)
class IncrementalModel:
    """An incremental model of the manifest: where its table is and the columns it declares
    (models/**/*.yml documents every column; tests/python/test_dbt_project.py keeps it so)."""

    name: str
    schema: str
    identifier: str
    columns: tuple[str, ...]

    @property
    def relation(self) -> str:
        """schema.table."""
        return f"{self.schema}.{self.identifier}"


def incremental_models(nodes: Iterable[Any]) -> list[IncrementalModel]:
    """The incremental models among a manifest's nodes whose table the build would not
    adapt to new columns by itself (on_schema_change fail or ignore)."""
    found = []
    for node in nodes:
        config = node.config
        if getattr(node, "resource_type", None) != "model" or config.materialized != "incremental":
            continue
        if config.on_schema_change in SELF_HEALING or not node.columns:
            continue
        found.append(
            IncrementalModel(node.name, node.schema, node.alias, tuple(c for c in node.columns))
        )
    return sorted(found, key=lambda m: m.name)


def table_columns(warehouse: Warehouse, models: Sequence[IncrementalModel]) -> dict[str, list[str]]:
    """The columns of each model's table that exists (lower case), by relation, from the
    warehouse's information_schema (the same query on every target)."""
    if not models or (warehouse.kind == "duckdb" and not warehouse.duckdb_path.exists()):
        return {}
    schemas = ", ".join(sorted({f"'{m.schema.lower()}'" for m in models}))
    tables = ", ".join(sorted({f"'{m.identifier.lower()}'" for m in models}))
    _, rows = warehouse.query(
        "select table_schema, table_name, column_name from information_schema.columns "
        f"where lower(table_schema) in ({schemas}) and lower(table_name) in ({tables})"
    )
    columns: dict[str, list[str]] = {}
    for schema, table, column in rows:
        columns.setdefault(f"{schema}.{table}".lower(), []).append(str(column).lower())
    return columns


def schema_changes(
    models: Sequence[IncrementalModel], existing: dict[str, list[str]]
) -> list[SchemaChange]:
    """The models whose existing table's columns differ from the model's (by name; a model
    whose table does not exist yet is built from scratch, so it is not a change)."""
    changes = []
    for model in models:
        table = existing.get(model.relation.lower())
        if table is None:
            continue
        declared = [c.lower() for c in model.columns]
        missing = tuple(c for c in declared if c not in table)
        extra = tuple(c for c in table if c not in declared)
        if missing or extra:
            changes.append(SchemaChange(model.name, model.relation, missing, extra))
    return changes


def option_values(args: Sequence[str], *names: str) -> list[str]:
    """The values given after any of the option names (dbt's multi-value options)."""
    values: list[str] = []
    taking = False
    for arg in args:
        if arg.startswith("-"):
            taking = arg in names
        elif taking:
            values.append(arg)
    return values


def without_option(args: Sequence[str], *names: str) -> list[str]:
    """args without the named options and their values."""
    kept: list[str] = []
    dropping = False
    for arg in args:
        if arg.startswith("-"):
            dropping = arg in names
            if dropping:
                continue
        elif dropping:
            continue
        kept.append(arg)
    return kept


SELECTION = ("--select", "-s", "--models", "-m", "--exclude", "--selector")
SELECT = ("--select", "-s", "--models", "-m")


class Session:
    """One dbt process's invocations, sharing the manifest of the first parse."""

    def __init__(self, request: SessionRequest) -> None:
        from dbt.cli.main import dbtRunner

        self.request = request
        self.common = ["--target", request.target]
        if request.json_logs:
            self.common += ["--log-format", "json"]
        self.vars = option_values(request.build, "--vars")[-1:]
        self.runner = dbtRunner()
        self.interrupted = False

    def invoke(self, args: list[str]) -> int:
        """One dbt command; its exit code as dbt's own command line would give it."""
        result = self.runner.invoke([*args, *self.common])
        if isinstance(result.exception, KeyboardInterrupt):
            self.interrupted = True
            return INTERRUPTED
        if result.success:
            return 0
        return 2 if result.exception is not None else 1

    def parse(self) -> Any:
        """dbt parse; the manifest every later command of the session shares (None: failed)."""
        from dbt.cli.main import dbtRunner
        from dbt.contracts.graph.manifest import Manifest

        result = self.runner.invoke(["parse", *self.common, *self.vars_args()])
        if isinstance(result.exception, KeyboardInterrupt):
            self.interrupted = True
        if not result.success or not isinstance(result.result, Manifest):
            return None
        self.runner = dbtRunner(manifest=result.result)
        return result.result

    def vars_args(self) -> list[str]:
        """The build's --vars, for the other commands: the same vars keep dbt's parse."""
        return ["--vars", self.vars[0]] if self.vars else []

    def selected_models(self) -> set[str] | None:
        """The models the build's selection picks (None: every model)."""
        selection = [a for a in self.request.build if a != "build"]
        if not any(a in SELECTION for a in selection):
            return None
        picked = self.runner.invoke(
            [
                "ls",
                "--resource-type",
                "model",
                "--output",
                "name",
                "--log-level",
                "none",
                *[a for a in selection if a != "--full-refresh"],
                *self.common,
            ],
        )
        names = picked.result if isinstance(picked.result, list) else []
        return {str(name).rsplit(".", 1)[-1] for name in names}

    def changed_tables(self, manifest: Any) -> list[SchemaChange]:
        """The selected incremental models whose table's columns changed."""
        models = incremental_models(manifest.nodes.values())
        selected = self.selected_models()
        if selected is not None:
            models = [m for m in models if m.name in selected]
        warehouse = Warehouse.for_target(self.request.target, Path.cwd())
        return schema_changes(models, table_columns(warehouse, models))

    def build_rebuilding(
        self, changes: Sequence[SchemaChange], target_dir: Path
    ) -> tuple[int, bool]:
        """The build, with the changed models and what depends on them fully refreshed: the
        rest first, then (if the rest built) those with --full-refresh; one run_results.json
        of both. The exit code, and whether the changed models were rebuilt."""
        roots = [f"{c.model}+" for c in changes]
        code = self.invoke(["build", *self.request.build, "--exclude", *roots])
        if code != 0:
            return code, False
        first = _run_results(target_dir)
        rest = without_option(self.request.build, *SELECT, "--full-refresh")
        code = self.invoke(["build", *rest, "--select", *roots, "--full-refresh"])
        second = _run_results(target_dir)
        if first is not None and second is not None:
            both = {
                **second,
                "results": first.get("results", []) + second.get("results", []),
                "elapsed_time": first.get("elapsed_time", 0) + second.get("elapsed_time", 0),
            }
            (target_dir / dbt_artifacts.RUN_RESULTS).write_text(json.dumps(both))
        return code, True


def _run_results(target_dir: Path) -> dict[str, Any] | None:
    """The run_results.json dbt wrote, or None."""
    try:
        return dbt_artifacts.run_results(target_dir)
    except dbt_artifacts.ArtifactError:
        return None


def run(request: SessionRequest, target_dir: Path) -> int:
    """The session; prints its findings as the last line; the build's exit code."""
    session = Session(request)
    found: dict[str, Any] = {"schema_changes": [], "rebuilt": []}
    code = 2
    manifest = session.parse()
    if manifest is not None and not session.interrupted:
        changes = [] if "--full-refresh" in request.build else session.changed_tables(manifest)
        found["schema_changes"] = [asdict(c) for c in changes]
        if changes and request.schema_check == "rebuild":
            code, rebuilt = session.build_rebuilding(changes, target_dir)
            found["rebuilt"] = [c.model for c in changes] if rebuilt else []
        elif changes:
            code = 2  # stopped: the caller says which tables and what to run
        else:
            code = session.invoke(["build", *request.build])
    if request.freshness and manifest is not None and not session.interrupted:
        session.invoke(["source", "freshness", *session.vars_args()])
    print(json.dumps({SESSION_KEY: found}), flush=True)
    return INTERRUPTED if session.interrupted else code


def main(argv: list[str] | None = None) -> int:
    """python -m ecom.dbt_session REQUEST_JSON (run in the dbt project, with dbt's env)."""
    import os

    args = sys.argv[1:] if argv is None else argv
    request = SessionRequest.from_json(args[0])
    return run(request, Path(os.environ.get("DBT_TARGET_PATH", "target")))


if __name__ == "__main__":
    sys.exit(main())
