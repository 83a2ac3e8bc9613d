"""S3 mode end to end: the sample lands in a (moto) S3 lake, dbt-duckdb reads the landed files
over s3:// with the httpfs extension from PyPI, and the marts equal those of the local run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from ecom.dbt_runner import DbtResults, run_dbt
from ecom.sample.customer_api import serve_customers
from ecom.settings import Settings
from ingest.batch import ingest_customers_api, ingest_files
from ingest.config import LakeConfig
from ingest.manifest import Manifest
from ingest.storage import LocalStorage, Storage, open_storage

from conftest import REPO, E2ERun, mart_contents

pytestmark = pytest.mark.e2e


@dataclass(frozen=True)
class S3Run:
    """The local e2e sample, landed in S3 and built by dbt from there."""

    lake_uri: str
    storage: Storage
    build: DbtResults
    marts: dict[str, list[tuple[object, ...]]]


@pytest.fixture(scope="module")
def s3_run(e2e: E2ERun, moto_endpoint: str, tmp_path_factory: pytest.TempPathFactory) -> S3Run:
    import boto3

    root = tmp_path_factory.mktemp("s3-e2e")
    boto3.client("s3").create_bucket(Bucket="ecom-e2e")
    lake_uri = "s3://ecom-e2e/lake"
    storage = open_storage(lake_uri, "us-east-1", moto_endpoint)
    # Land the same sample under the same batch and day as the local run, so that lineage
    # columns (batch_id, landed_file_name, ingest_date) are comparable too.
    [batch] = {e.batch_id for e in Manifest(LocalStorage(e2e.lake)).entries()}
    day = date.fromisoformat(
        next((e2e.lake / "landing" / "sales").iterdir()).name.removeprefix("ingest_date=")
    )
    source = e2e.root / "source"
    settings = Settings(
        lake=LakeConfig(uri=lake_uri, s3_endpoint_url=moto_endpoint),
        duckdb_path=root / "warehouse" / "ecom.duckdb",
        project_dir=REPO,
        dbt_target_dir=root / "target",
    )
    results = ingest_files(storage, "sales", sorted((source / "sales").glob("*.csv")), batch, day)
    results += ingest_files(
        storage, "products", [source / "products" / "products.json"], batch, day
    )
    with serve_customers(source / "customers" / "customers.json") as api:
        results.append(ingest_customers_api(storage, api.url, batch, day))
    assert {r.status for r in results} == {"landed"}

    with pytest.MonkeyPatch.context() as env:
        env.setenv("DBT_LOG_PATH", str(root / "logs"))
        env.setenv("DBT_PROFILES_DIR", str(REPO / "profiles"))
        build = run_dbt(settings, ["build", "--quiet"])
    return S3Run(lake_uri, storage, build, mart_contents(settings.duckdb_path))


def test_s3_lake_has_the_same_landing_keys_as_the_local_lake(s3_run: S3Run, e2e: E2ERun) -> None:
    local = LocalStorage(e2e.lake).list_keys("landing/")
    assert s3_run.storage.list_keys("landing/") == local
    assert len(local) == 14


def test_dbt_builds_from_the_s3_lake(s3_run: S3Run) -> None:
    assert s3_run.build.ok, "dbt build failed on the S3 lake; see the dbt output above"
    assert s3_run.build.count("model", "success") > 0
    assert s3_run.build.count("test", "fail") == 0


def test_marts_built_from_s3_equal_the_local_run(s3_run: S3Run, e2e: E2ERun) -> None:
    assert s3_run.marts.keys() == e2e.marts_after_first.keys()
    assert s3_run.marts["analytics_marts.fct_sales"]
    for name, rows in e2e.marts_after_first.items():
        assert s3_run.marts[name] == rows, name
