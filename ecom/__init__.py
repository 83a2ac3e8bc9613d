"""ecom: the application behind the `ecom` command (daily run, dbt runner, run log, alerts)."""

from importlib.metadata import version

# The version is written once, in pyproject.toml; `ecom --version` reads the installed package's
# metadata, so the command and the package cannot disagree.
__version__ = version("ecom")
