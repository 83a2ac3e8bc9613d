"""Logging setup: plain messages on stderr for people, or one JSON object per line for machines."""

from __future__ import annotations

import json
import logging
import os
import sys
from datetime import UTC, datetime

_HANDLER_NAME = "ecom"


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message (and the exception, if any)."""

    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            payload["exception"] = self.formatException(record.exc_info)
        return json.dumps(payload)


def configure_logging(json_format: bool | None = None, level: int = logging.INFO) -> None:
    """Log to stderr; JSON lines when asked or when ECOM_LOG_FORMAT=json."""
    if json_format is None:
        json_format = os.environ.get("ECOM_LOG_FORMAT", "").lower() == "json"
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if json_format else logging.Formatter("%(message)s"))
    handler.set_name(_HANDLER_NAME)
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == _HANDLER_NAME]:
        root.removeHandler(old)  # configured again (a warm Lambda): replace, don't duplicate
    root.addHandler(handler)
    root.setLevel(level)
    # boto's and the HTTP libraries' own chatter is not for the user
    for noisy in ("botocore", "boto3", "urllib3", "s3transfer"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
