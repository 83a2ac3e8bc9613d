"""ecom ingest: land raw e-commerce feeds in the lake and drive the dbt project."""

__version__ = "0.1.0"
