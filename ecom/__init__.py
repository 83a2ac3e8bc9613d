"""ecom: the application behind the `ecom` command (daily run, dbt runner, run log, alerts)."""

__version__ = "0.1.0"
