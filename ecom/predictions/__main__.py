"""`python -m ecom.predictions`: the prediction step of `ecom run` on its own, on the warehouse
of ECOM_DBT_TARGET as the last build left it (`make bench` measures it this way)."""

from __future__ import annotations

import sys

from ecom.predictions.step import predict_customers
from ecom.settings import Settings
from ecom.warehouse import warehouse_for
from ingest.errors import EcomError


def main() -> int:
    """Score the customers; exit 0 when scored or when the history cannot be scored (the
    line says why), 1 on an error."""
    settings = Settings.from_env()
    try:
        outcome = predict_customers(settings, warehouse_for(settings))
    except EcomError as error:
        print(f"ecom predictions: error: {error}", file=sys.stderr)
        return 1
    print(outcome.message)
    return 0


if __name__ == "__main__":
    sys.exit(main())
