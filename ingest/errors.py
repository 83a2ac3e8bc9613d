"""The application's errors: EcomError, the base of every error ingest/, ecom/ and
dashboard/ raise, and the errors of the ingest layer. Each message names the file or request
and what to do.

EcomError lives here, in the lowest layer, because ingest/ (which imports nothing of ecom/ or
dashboard/, and ships alone in the Lambda) raises it too; ecom/ and dashboard/ derive their
errors from it (ecom/warehouse.py WarehouseError, ecom/dbt_artifacts.py ArtifactError, ...), so
`except EcomError` catches every error the application reports, and ecom/exit_codes.py maps
them to exit codes.
"""


class EcomError(Exception):
    """Base class of every error of the application (ingest/, ecom/, dashboard/): reported to
    the user without a traceback."""


class ConfigurationError(EcomError):
    """A usage or configuration problem (a flag, an environment variable, a path): nothing ran."""


class MappingError(ConfigurationError):
    """A mapping file is not valid, or does not fit a received file's header: nothing landed."""


class FileRejectedError(EcomError):
    """A file failed validation at the door and must be fixed and re-sent."""

    def __init__(self, path: str, reason: str, detail: str) -> None:
        super().__init__(f"{path}: {reason}: {detail}")
        self.path = path
        self.reason = reason  # a QuarantineReason (ingest/sources/checks.py)
        self.detail = detail


class ApiError(EcomError):
    """The customer API could not be read completely; nothing from that pull was landed."""


class LakeError(EcomError):
    """The lake (a folder or an S3 bucket) could not be read or written."""


class LakeUriError(ConfigurationError, LakeError):
    """The lake URI (--lake, ECOM_LAKE_URI) is neither a folder path nor s3://bucket/prefix."""


class CatalogError(EcomError):
    """The Glue catalog could not be updated."""
