"""Logging setup: plain messages on stderr for people, or one JSON object per line for machines.

A record may carry an *event* (a name, the run_id and its own fields: ecom/events.py writes
them); the JSON format puts those fields at the top level of the line.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from datetime import UTC, datetime
from typing import Any

_HANDLER_NAME = "ecom"
LOG_FORMATS = ("text", "json")


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message, and an event's fields."""

    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        event = getattr(record, "event", None)
        if event is not None:
            payload["event"] = event
            payload["run_id"] = getattr(record, "run_id", None)
            payload.update(getattr(record, "fields", {}))
        if record.exc_info:
            payload["exception"] = self.formatException(record.exc_info)
        return json.dumps(payload, default=str)


def json_requested(log_format: str | None = None) -> bool:
    """Whether JSON lines were asked for (--log-format, else ECOM_LOG_FORMAT)."""
    chosen = log_format or os.environ.get("ECOM_LOG_FORMAT", "text")
    return chosen.lower() == "json"


def configure_logging(json_format: bool | None = None, level: int = logging.INFO) -> None:
    """Log to stderr; JSON lines when asked or when ECOM_LOG_FORMAT=json."""
    if json_format is None:
        json_format = json_requested()
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
