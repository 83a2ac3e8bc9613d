"""The customer predictions (ecom/predictions/, docs/predictions.md): features and labels as of
a cut-off on invented customers, the backtest's measures, the scoring step through the
warehouse module on a DuckDB file built here, the writers of PostgreSQL/Redshift and Athena,
and what the shared e2e run (12 days: too short to score) shows."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pytest
import yaml
from streamlit.testing.v1 import AppTest

from ecom.predictions.backtest import duckdb_query_columns
from ecom.predictions.evaluate import auc, calibration, evaluate, naive_scores
from ecom.predictions.features import (
    FEATURES,
    Dates,
    Snapshot,
    dates_for,
    fct_orders_sql,
    load_dataset,
)
from ecom.predictions.model import MODEL_VERSION, risk_band
from ecom.predictions.step import PredictionStatus, predict_customers
from ecom.predictions.store import (
    COLUMNS,
    ScoreRows,
    ScoresTableMissingError,
    relation_of,
    schema_of,
    write_scores,
)
from ecom.semantic import MetricQuery, SemanticLayer
from ecom.settings import Settings
from ecom.warehouse import Warehouse
from ingest.config import LakeConfig

from conftest import REPO, E2ERun, PostgresServer

# a test on a shared run or a server is heavier: conftest.py FIXTURE_MARKS
pytestmark = pytest.mark.unit

CUTOFF = date(2026, 6, 30)
ORDERS_COLUMNS = (
    "customer_id varchar, order_date date, is_order boolean, net_sales decimal(18,2), "
    "gross_sales decimal(18,2), returns decimal(18,2), is_guest boolean"
)
# (customer, days before the cut-off (negative: after it), is_order, net, gross, returns)
Order = tuple[str, int, bool, float, float, float]


def orders_table(connection: duckdb.DuckDBPyConnection, orders: list[Order]) -> str:
    """fct_orders' columns the features read, in schema analytics_marts of `connection`."""
    connection.execute("create schema if not exists analytics_marts")
    connection.execute(f"create or replace table analytics_marts.fct_orders ({ORDERS_COLUMNS})")
    columns = list(zip(*orders, strict=True)) if orders else [()] * 6
    connection.register(
        "invented_orders",
        {
            "customer_id": np.array(columns[0], dtype=object),
            "order_date": np.array(
                [(CUTOFF - timedelta(days=d)).isoformat() for d in columns[1]], dtype=object
            ),
            **{
                name: np.array(values, dtype=kind)
                for name, values, kind in zip(
                    ("is_order", "net_sales", "gross_sales", "returns"),
                    columns[2:],
                    (bool, float, float, float),
                    strict=True,
                )
            },
        },
    )
    connection.execute(
        "insert into analytics_marts.fct_orders select customer_id, cast(order_date as date), "
        "is_order, net_sales, gross_sales, returns, customer_id = 'guest' from invented_orders"
    )
    connection.unregister("invented_orders")
    return fct_orders_sql("analytics_marts.fct_orders")


def snapshots(orders: list[Order], lookback: int = 200) -> tuple[Snapshot, Snapshot]:
    """The training and scoring snapshots of CUTOFF over invented orders."""
    with duckdb.connect() as connection:
        relation = orders_table(connection, orders)

        dataset = load_dataset(duckdb_query_columns(connection), relation, Dates(CUTOFF, lookback))
    return dataset.train, dataset.score


def features_of(snapshot: Snapshot, customer: str) -> dict[str, float]:
    """One customer's features by name."""
    row = snapshot.features[snapshot.customer_ids.index(customer)]
    return dict(zip(FEATURES, (float(v) for v in row), strict=True))


# --- features and labels -------------------------------------------------------------------------


def test_a_customer_with_one_order_is_described_by_it() -> None:
    _, score = snapshots([("c1", 10, True, 40.0, 40.0, 0.0)])
    assert score.customer_ids == ["c1"]
    seen = features_of(score, "c1")
    assert seen["recency_days"] == seen["tenure_days"] == 10
    assert seen["orders"] == seen["orders_30d"] == 1
    assert seen["net_sales"] == seen["net_per_order"] == 40.0
    assert seen["return_share"] == 0.0
    assert score.last_order_days == [10]


def test_a_returner_whose_credit_notes_exceed_their_orders_has_a_negative_net() -> None:
    orders = [
        ("r1", 150, True, 30.0, 30.0, 0.0),
        ("r1", 120, False, -50.0, 0.0, 50.0),  # a credit note for an older order: not an order
        ("r1", 40, False, -25.0, 0.0, 25.0),  # in the training horizon: a negative label
    ]
    train, score = snapshots(orders)
    assert features_of(score, "r1")["net_sales"] == -45.0
    assert features_of(score, "r1")["orders"] == 1  # credit notes are no orders
    assert features_of(score, "r1")["recency_days"] == 150  # nor are they a last order
    assert train.next_net_sales.tolist() == [-25.0]  # returns count in what is predicted
    assert train.next_orders.tolist() == [0.0]
    assert not train.bought_again.any()


def test_guests_are_neither_trained_on_nor_scored() -> None:
    train, score = snapshots([("guest", 100, True, 99.0, 99.0, 0.0), ("c1", 100, True, 5, 5, 0)])
    assert train.customer_ids == score.customer_ids == ["c1"]


def test_a_customer_whose_orders_all_follow_the_cutoff_is_left_out() -> None:
    orders = [("c1", 100, True, 10.0, 10.0, 0.0), ("late", -5, True, 80.0, 80.0, 0.0)]
    train, score = snapshots(orders)
    assert "late" not in train.customer_ids + score.customer_ids
    # ...and its orders do not leak into anyone's features
    assert features_of(score, "c1")["net_sales"] == 10.0


def test_labels_are_the_horizon_after_each_snapshot() -> None:
    orders = [
        ("c1", 120, True, 10.0, 10.0, 0.0),  # before the training snapshot (cut-off - 90)
        ("c1", 60, True, 20.0, 20.0, 0.0),  # in the training horizon
        ("c1", 0, True, 30.0, 30.0, 0.0),  # on the cut-off: still the training horizon
        ("c1", -1, True, 40.0, 40.0, 0.0),  # after the cut-off: the scoring horizon
        ("c1", -91, True, 50.0, 50.0, 0.0),  # past the scoring horizon
    ]
    train, score = snapshots(orders)
    assert (train.next_orders.tolist(), train.next_net_sales.tolist()) == ([2.0], [50.0])
    assert (score.next_orders.tolist(), score.next_net_sales.tolist()) == ([1.0], [40.0])
    assert features_of(train, "c1")["orders"] == 1
    assert features_of(score, "c1")["orders"] == 3


def test_every_feature_looks_back_the_same_days_in_both_snapshots() -> None:
    # orders 300 days before the cut-off: seen by the scoring snapshot's lookback (200 days)
    # only as the customer's recency, at most the lookback
    train, score = snapshots([("c1", 300, True, 10.0, 10.0, 0.0)], lookback=200)
    assert features_of(score, "c1")["orders"] == 0
    assert features_of(score, "c1")["recency_days"] == 200
    assert features_of(train, "c1")["recency_days"] == 200
    assert score.last_order_days == [300]


def test_the_lookback_is_what_the_training_snapshot_sees_at_most_a_year() -> None:
    assert dates_for(date(2026, 1, 1), date(2026, 6, 30)).lookback_days == 91
    assert dates_for(date(2020, 1, 1), date(2026, 6, 30)).lookback_days == 365


# --- the backtest's measures -------------------------------------------------------------------


def test_auc_is_one_for_a_perfect_ranking_and_one_half_for_ties() -> None:
    labels = np.array([False, False, True, True])
    assert auc(labels, np.array([0.1, 0.2, 0.8, 0.9])) == 1.0
    assert auc(labels, np.array([0.9, 0.8, 0.2, 0.1])) == 0.0
    assert auc(labels, np.array([0.5, 0.5, 0.5, 0.5])) == 0.5
    assert auc(labels, np.array([0.1, 0.7, 0.7, 0.9])) == 0.875  # one tie across: half


def test_calibration_compares_mean_probability_and_observed_rate_by_decile() -> None:
    probabilities = np.arange(20, dtype=np.float64) / 20
    labels = np.array([i >= 10 for i in range(20)])
    deciles = calibration(labels, probabilities)
    assert [d.customers for d in deciles] == [2] * 10
    assert deciles[0].mean_probability == pytest.approx(0.025)
    assert [d.observed_rate for d in deciles] == [0.0] * 5 + [1.0] * 5


def snapshot_of(orders_90d: list[float], net_90d: list[float], next_net: list[float]) -> Snapshot:
    """A snapshot whose customers have only the last-90-days features and a horizon."""
    features = np.zeros((len(orders_90d), len(FEATURES)))
    features[:, FEATURES.index("orders_90d")] = orders_90d
    features[:, FEATURES.index("net_sales_90d")] = net_90d
    return Snapshot(
        CUTOFF,
        [f"c{i}" for i in range(len(orders_90d))],
        features,
        np.array([1.0 if v else 0.0 for v in next_net]),
        np.array(next_net),
        [0] * len(orders_90d),
    )


def test_the_naive_baseline_repeats_the_last_90_days() -> None:
    snapshot = snapshot_of([2, 0, 1], [100.0, 0.0, -20.0], [50.0, 0.0, 10.0])
    naive = naive_scores(snapshot)
    assert naive.buy_probability.tolist() == [1.0, 0.0, 1.0]
    assert naive.expected_net_sales.tolist() == [100.0, 0.0, -20.0]
    measured = evaluate(snapshot, naive)
    assert measured.value_mae == pytest.approx((50 + 0 + 30) / 3)
    assert (measured.predicted_net_sales, measured.actual_net_sales) == (80.0, 60.0)
    assert measured.came_back == 2
    assert measured.auc == 1.0  # who came back had ordered in the last 90 days, c1 had not


def test_risk_bands_follow_the_buy_again_probability() -> None:
    assert [risk_band(p) for p in (0.0, 0.29, 0.3, 0.59, 0.6, 1.0)] == [
        "high",
        "high",
        "medium",
        "medium",
        "low",
        "low",
    ]


# --- the scores table ----------------------------------------------------------------------------


def test_the_step_writes_the_columns_the_dbt_source_declares() -> None:
    path = REPO / "models" / "staging" / "predictions" / "_predictions__sources.yml"
    [source] = yaml.safe_load(path.read_text())["sources"]
    [table] = source["tables"]
    declared = [(c["name"], c["data_type"]) for c in table["columns"]]
    text = "{{ 'varchar(65535)' if target.type == 'redshift' else 'varchar' }}"
    assert [(name, kind.replace(text, "varchar")) for name, kind in declared] == list(COLUMNS)


def history(customers: int, days: int, seed: int = 3) -> list[Order]:
    """Invented orders of `customers` over `days` up to CUTOFF: each buys at a daily rate of
    their own from a first day until a day they stop (maybe after the cut-off), one order in
    twenty is returned three days later (a credit note), and guests buy too."""
    rng = np.random.default_rng(seed)
    rate = rng.lognormal(-3.5, 1.0, customers)[:, None]
    start = rng.integers(0, days, customers)[:, None]
    stop = start + rng.integers(0, 2 * days, customers)[:, None]
    day = np.arange(days)[None, :]
    bought = (rng.random((customers, days)) < rate) & (day >= start) & (day < stop)
    orders: list[Order] = []
    for n, d in zip(*np.nonzero(bought), strict=True):
        net = round(float(rng.lognormal(3.5, 0.6)), 2)
        orders.append((f"c{n:04d}", days - 1 - int(d), True, net, net, 0.0))
        if rng.random() < 0.05 and d + 3 < days:
            orders.append((f"c{n:04d}", days - 4 - int(d), False, -net, 0.0, net))
    guests = np.nonzero(rng.random(days) < 0.5)[0]
    return orders + [("guest", days - 1 - int(d), True, 20.0, 20.0, 0.0) for d in guests]


@pytest.fixture
def duckdb_warehouse(tmp_path: Path) -> tuple[Settings, Warehouse]:
    """An empty DuckDB warehouse file of the duckdb target, as the warehouse module opens it."""
    path = tmp_path / "warehouse.duckdb"
    settings = Settings(duckdb_path=path, project_dir=REPO, lake=LakeConfig(str(tmp_path)))
    env = {"ECOM_DUCKDB_PATH": str(path), "DBT_PROFILES_DIR": str(REPO / "profiles")}
    return settings, Warehouse.for_target("duckdb", REPO, env)


def create_scores_table(connection: Any, warehouse: Warehouse) -> None:
    """The scores table as the dbt pre-hook creates it (COLUMNS = the source's columns)."""
    connection.execute(f"create schema if not exists {schema_of(warehouse)}")
    columns = ", ".join(f"{name} {kind}" for name, kind in COLUMNS)
    connection.execute(f"create table {relation_of(warehouse)} ({columns})")


def test_the_step_scores_every_known_customer_through_the_warehouse(
    duckdb_warehouse: tuple[Settings, Warehouse],
) -> None:
    settings, warehouse = duckdb_warehouse
    orders = history(customers=500, days=400)
    with duckdb.connect(str(warehouse.duckdb_path)) as connection:
        orders_table(connection, orders)
        create_scores_table(connection, warehouse)
    outcome = predict_customers(settings, warehouse)
    assert outcome.status == PredictionStatus.SCORED, outcome.message
    rows = warehouse.rows(f"select * from {relation_of(warehouse)}")
    known = {o[0] for o in orders if o[2] and o[0] != "guest"}
    assert sorted(r["customer_id"] for r in rows) == sorted(known)  # one row each, no guest
    assert outcome.customers == len(known)
    assert all(0 <= r["buy_probability"] <= 1 for r in rows)
    assert {r["risk_band"] for r in rows} <= {"high", "medium", "low"}
    assert {(r["as_of_date"], r["training_cutoff_date"], r["model_version"]) for r in rows} == {
        (CUTOFF, CUTOFF, MODEL_VERSION)
    }
    # expected_orders is rounded to cents, buy_probability to 4 places
    assert all(float(r["expected_orders"]) >= float(r["buy_probability"]) - 0.01 for r in rows)
    recent = [r for r in rows if r["days_since_last_order"] <= 10]
    lapsed = [r for r in rows if r["days_since_last_order"] >= 300]
    assert np.mean([float(r["buy_probability"]) for r in recent]) > np.mean(
        [float(r["buy_probability"]) for r in lapsed]
    )
    # a second run replaces the scores, it does not add to them
    predict_customers(settings, warehouse)
    [(count,)] = warehouse.query(f"select count(*) from {relation_of(warehouse)}")[1]
    assert count == len(known)


def test_a_short_history_is_not_scored_and_the_last_scores_stay(
    duckdb_warehouse: tuple[Settings, Warehouse],
) -> None:
    settings, warehouse = duckdb_warehouse
    with duckdb.connect(str(warehouse.duckdb_path)) as connection:
        orders_table(connection, history(customers=500, days=400))
        create_scores_table(connection, warehouse)
    assert predict_customers(settings, warehouse).status == PredictionStatus.SCORED
    with duckdb.connect(str(warehouse.duckdb_path)) as connection:
        connection.execute(
            "delete from analytics_marts.fct_orders "
            f"where order_date < cast('{CUTOFF - timedelta(days=99)}' as date)"
        )
    outcome = predict_customers(settings, warehouse)
    assert outcome.status == PredictionStatus.NOT_SCORED
    assert outcome.message.startswith(
        "customer predictions not scored: 100 days of sales (2026-03-23 .. 2026-06-30), fewer "
        "than the 180 needed"
    )
    assert outcome.message.endswith("customers) are kept")
    assert f"the scores as of {CUTOFF} (" in outcome.message
    [(as_of,)] = warehouse.query(f"select distinct as_of_date from {relation_of(warehouse)}")[1]
    assert as_of == CUTOFF


def test_a_history_where_nobody_came_back_is_not_scored(
    duckdb_warehouse: tuple[Settings, Warehouse],
) -> None:
    settings, warehouse = duckdb_warehouse
    one_off = [(f"c{n:03d}", 100 + n, True, 10.0, 10.0, 0.0) for n in range(200)]
    with duckdb.connect(str(warehouse.duckdb_path)) as connection:
        orders_table(connection, one_off)
    outcome = predict_customers(settings, warehouse)
    assert outcome.status == PredictionStatus.NOT_SCORED
    # the last sales date is the last one-off order's: 2026-03-22, 200 days of sales
    assert (
        "of the 110 customers who had ordered by 2025-12-22, 0 ordered again by 2026-03-22 "
        "and 110 did not; the models need at least 20 of each"
    ) in outcome.message
    assert outcome.message.endswith("; no scores yet")


def score_rows(customers: list[str], probability: float = 0.25) -> ScoreRows:
    """Invented scores for `customers`."""
    n = len(customers)
    return ScoreRows(
        customer_id=customers,
        risk_band=[risk_band(probability)] * n,
        model_version="test-model",
        buy_probability=np.full(n, probability),
        expected_orders=np.full(n, 0.5),
        expected_net_sales=np.full(n, -12.5),
        orders_last_90_days=np.full(n, 1.0),
        net_sales_last_90_days=np.full(n, 33.3),
        days_since_last_order=[5] * n,
        horizon_days=90,
        last_order_date=[CUTOFF - timedelta(days=5)] * n,
        as_of_date=CUTOFF,
        training_cutoff_date=CUTOFF,
        scored_at=datetime(2026, 7, 1, 6, 0, tzinfo=UTC),
    )


def test_writing_without_the_table_says_to_build_first(
    duckdb_warehouse: tuple[Settings, Warehouse],
) -> None:
    settings, warehouse = duckdb_warehouse
    duckdb.connect(str(warehouse.duckdb_path)).close()
    with pytest.raises(ScoresTableMissingError, match=r"run `ecom run` \(or `dbt build`\) first"):
        write_scores(settings, warehouse, score_rows(["c1"]))


@pytest.fixture
def postgres_warehouse(postgres: PostgresServer) -> Warehouse:
    """A new database ecom_predictions on the session's PostgreSQL, its scores table created
    as the dbt pre-hook creates it; the warehouse of the postgres target over it."""
    import psycopg2

    admin = psycopg2.connect(host=str(postgres.socket_dir), user="postgres", dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("drop database if exists ecom_predictions")
        cursor.execute("create database ecom_predictions")
    admin.close()
    env = {**postgres.env("ecom_predictions"), "DBT_PROFILES_DIR": str(REPO / "profiles")}
    warehouse = Warehouse.for_target("postgres", REPO, env)
    with warehouse.connection(read_only=False) as connection:
        create_scores_table(connection.cursor(), warehouse)
        connection.commit()
    return warehouse


def test_postgres_and_redshift_scores_replace_the_last_ones_in_one_transaction(
    postgres_warehouse: Warehouse,
) -> None:
    warehouse = postgres_warehouse
    customers = [f"c{n}" for n in range(4500)] + ["o'brien"]  # three INSERT batches, a quote
    write_scores(Settings(), warehouse, score_rows(["old"]))
    write_scores(Settings(), warehouse, score_rows(customers))
    rows = warehouse.rows(f"select * from {relation_of(warehouse)} order by customer_id")
    assert sorted(r["customer_id"] for r in rows) == sorted(customers)
    first = rows[0]
    assert (first["buy_probability"], first["expected_net_sales"]) == (
        pytest.approx(0.25),
        pytest.approx(-12.5),
    )
    assert first["scored_at"] == datetime(2026, 7, 1, 6, 0)


def test_postgresql_scores_the_same_history_as_duckdb(
    postgres_warehouse: Warehouse, duckdb_warehouse: tuple[Settings, Warehouse]
) -> None:
    """The step's SQL on PostgreSQL (Redshift's dialect family) gives the customers the same
    scores as on DuckDB."""
    import io

    orders = history(customers=300, days=400, seed=5)
    settings, on_duckdb = duckdb_warehouse
    with duckdb.connect(str(on_duckdb.duckdb_path)) as connection:
        orders_table(connection, orders)
        create_scores_table(connection, on_duckdb)
    text = "".join(
        f"{c},{CUTOFF - timedelta(days=d)},{o},{n},{g},{r},{c == 'guest'}\n"
        for c, d, o, n, g, r in orders
    )
    with postgres_warehouse.connection(read_only=False) as connection, connection.cursor() as cur:
        cur.execute("create schema analytics_marts")
        cur.execute(f"create table analytics_marts.fct_orders ({ORDERS_COLUMNS})")
        cur.copy_expert(
            "copy analytics_marts.fct_orders from stdin with (format csv)", io.StringIO(text)
        )
        connection.commit()
    for warehouse in (on_duckdb, postgres_warehouse):
        assert predict_customers(settings, warehouse).status == PredictionStatus.SCORED
    select = (
        "select customer_id, buy_probability, expected_orders, expected_net_sales, risk_band, "
        "days_since_last_order, as_of_date from {} order by customer_id"
    )
    duck = on_duckdb.query(select.format(relation_of(on_duckdb)))[1]
    assert len(duck) > 200
    assert postgres_warehouse.query(select.format(relation_of(postgres_warehouse)))[1] == duck


def test_athena_scores_are_one_parquet_file_at_the_glue_tables_location(
    moto_endpoint: str, tmp_path: Path
) -> None:
    import boto3

    boto3.client("s3").create_bucket(Bucket="ecom-warehouse")
    env = {
        "DBT_PROFILES_DIR": str(REPO / "profiles"),
        "ECOM_ATHENA_S3_STAGING_DIR": "s3://ecom-warehouse/results/",
        "ECOM_ATHENA_S3_DATA_DIR": "s3://ecom-warehouse/data/",
        "AWS_REGION": "us-east-1",
    }
    warehouse = Warehouse.for_target("athena", REPO, env)
    settings = Settings(lake=LakeConfig("s3://ecom-warehouse/lake", s3_endpoint_url=moto_endpoint))
    with pytest.raises(ScoresTableMissingError):
        write_scores(settings, warehouse, score_rows(["c1"]))
    location = f"s3://ecom-warehouse/data/{schema_of(warehouse)}/customer_scores/"
    glue = boto3.client("glue")
    glue.create_database(DatabaseInput={"Name": schema_of(warehouse)})
    glue.create_table(
        DatabaseName=schema_of(warehouse),
        TableInput={"Name": "customer_scores", "StorageDescriptor": {"Location": location}},
    )
    write_scores(settings, warehouse, score_rows(["c1", "c2"]))
    where = write_scores(settings, warehouse, score_rows(["c3"], probability=0.75))
    assert where == f"{location}customer_scores.parquet (Glue table {relation_of(warehouse)})"
    listed = boto3.client("s3").list_objects_v2(Bucket="ecom-warehouse", Prefix="data/")
    [key] = [o["Key"] for o in listed["Contents"]]
    body = boto3.client("s3").get_object(Bucket="ecom-warehouse", Key=key)["Body"].read()
    (tmp_path / "scores.parquet").write_bytes(body)
    with duckdb.connect() as connection:
        read = connection.execute(
            f"select customer_id, risk_band, buy_probability, typeof(buy_probability), "
            f"typeof(scored_at) from '{tmp_path / 'scores.parquet'}'"
        ).fetchall()
    assert read == [("c3", "low", pytest.approx(0.75), "DECIMAL(9,4)", "TIMESTAMP")]


# --- the shared e2e run --------------------------------------------------------------------------


def test_a_run_with_too_little_history_says_it_cannot_score_and_succeeds(e2e: E2ERun) -> None:
    for run in (e2e.first, e2e.second):
        assert run.returncode == 0
        assert (
            "customer predictions not scored: 12 days of sales (2026-11-09 .. 2026-11-20), "
            "fewer than the 180 needed"
        ) in run.stderr
        assert "  predict:   not scored (no scores yet)" in run.stdout
    assert e2e.query("select count(*) from analytics_marts.rpt_customer_predictions") == [(0,)]


@dataclass(frozen=True)
class ScoredCopy:
    """A copy of the e2e warehouse with invented scores for its known customers and one for
    the guest member, which the mart must not show."""

    env: dict[str, str]
    warehouse: Warehouse
    known: list[str]  # the known customers, sorted
    known_last_90_days: float  # their net_sales_last_90_days, summed


@pytest.fixture
def scored_copy(e2e: E2ERun, tmp_path: Path) -> ScoredCopy:
    """The e2e warehouse copied, and scores written into it as the step writes them: a
    probability and last-90-days net sales that differ per customer."""
    copy = tmp_path / "ecom.duckdb"
    shutil.copy2(e2e.warehouse, copy)
    env = {**e2e.env, "ECOM_DUCKDB_PATH": str(copy)}
    warehouse = Warehouse.for_target("duckdb", REPO, env)
    known = sorted(
        str(c)
        for (c,) in e2e.query("select customer_id from analytics_marts.rpt_customer_lifetime_value")
    )
    customers = [*known, "guest"]
    probability = np.linspace(0.05, 0.95, len(customers))
    written = replace(
        score_rows(customers),
        risk_band=[risk_band(p) for p in probability],
        buy_probability=probability,
        net_sales_last_90_days=np.round(np.linspace(400.0, 10.0, len(customers)), 2),
        orders_last_90_days=np.array([float(i % 3) for i in range(len(customers))]),
    )
    write_scores(Settings(), warehouse, written)
    return ScoredCopy(env, warehouse, known, float(written.net_sales_last_90_days[:-1].sum()))


def test_the_mart_shows_each_known_customers_scores_and_never_a_guest(
    scored_copy: ScoredCopy,
) -> None:
    """The scores read back through rpt_customer_predictions: every known customer once, with
    their current name, and not the guest's row; at risk is high risk with a recent order.
    The semantic layer's prediction metrics sum the same rows."""
    rows = scored_copy.warehouse.rows("select * from analytics_marts.rpt_customer_predictions")
    known = scored_copy.known
    assert sorted(r["customer_id"] for r in rows) == known
    assert all(0 <= r["buy_probability"] <= 1 for r in rows)
    assert all(r["customer_name"] for r in rows)
    assert all(
        r["is_at_risk"] == (r["risk_band"] == "high" and r["orders_last_90_days"] > 0) for r in rows
    )
    at_risk = sum(1 for r in rows if r["is_at_risk"])
    assert at_risk > 0
    layer = SemanticLayer.load(scored_copy.warehouse, scored_copy.env)
    columns, figures = layer.query(
        MetricQuery(
            ("predicted_revenue", "at_risk_customers", "revenue_last_90_days_of_scored"),
            start=CUTOFF,
            end=CUTOFF,
        )
    )
    assert dict(zip(columns, figures[0], strict=True)) == {
        "predicted_revenue": pytest.approx(-12.5 * len(known)),
        "at_risk_customers": at_risk,
        "revenue_last_90_days_of_scored": pytest.approx(scored_copy.known_last_90_days),
    }


def run_page(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The dashboard's Predictions page on the warehouse of `env`."""
    import streamlit as st

    for name in ("ECOM_DUCKDB_PATH", "DBT_TARGET_PATH"):
        monkeypatch.setenv(name, env[name])
    monkeypatch.setenv("ECOM_DBT_TARGET", "duckdb")
    st.cache_data.clear()
    app = AppTest.from_file(str(REPO / "dashboard" / "app.py"), default_timeout=60).run()
    app.switch_page("views/predictions.py").run()
    assert not app.exception, app.exception
    return app


def test_the_predictions_page_shows_the_next_90_days_and_the_customers_at_risk(
    scored_copy: ScoredCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = run_page(scored_copy.env, monkeypatch)
    rows = scored_copy.warehouse.rows("select * from analytics_marts.rpt_customer_predictions")
    cards = {m.label: m.value for m in app.metric}
    predicted = sum(r["expected_net_sales"] for r in rows)
    at_risk = sorted(
        (r for r in rows if r["is_at_risk"]),
        key=lambda r: (-r["net_sales_last_90_days"], r["customer_id"]),
    )
    assert cards["Predicted revenue, next 90 days"] == f"-${abs(predicted):,.2f}"
    assert cards["Customers at risk"] == f"{len(at_risk):,}"
    shown = app.dataframe[-1].value
    assert shown["customer_id"].tolist() == [r["customer_id"] for r in at_risk][:50]
    assert app.get("vega_lite_chart")


def test_the_predictions_page_says_when_nothing_was_scored(
    e2e: E2ERun, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = run_page(e2e.env, monkeypatch)
    assert any("No predictions yet" in info.value for info in app.info)
    assert not app.metric


def test_the_mcp_server_describes_the_mart_and_answers_sql_over_it(
    scored_copy: ScoredCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ecom.mcp.options import ServerOptions
    from ecom.mcp.server import Tools

    monkeypatch.setenv("DBT_TARGET_PATH", scored_copy.env["DBT_TARGET_PATH"])
    tools = Tools(Settings(project_dir=REPO), scored_copy.warehouse, ServerOptions())
    listed = {m["name"] for m in tools.list_marts()["marts"]}
    assert "rpt_customer_predictions" in listed
    columns = {c["name"]: c for c in tools.describe_mart("rpt_customer_predictions")["columns"]}
    assert columns["buy_probability"]["type"] == "decimal(9,4)"
    assert "next 90 days" in columns["buy_probability"]["description"]
    answer = tools.run_sql(
        "select count(*) as customers from rpt_customer_predictions where is_at_risk", None
    )
    at_risk = scored_copy.warehouse.rows(
        "select count(*) as n from analytics_marts.rpt_customer_predictions where is_at_risk"
    )
    assert answer["rows"] == [[at_risk[0]["n"]]]
