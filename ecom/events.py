"""The events of a run: every operation (a file landed or quarantined, a model built, a test
failed, a report written) is one log record with an event name, the run_id and its own fields.

Text logs show the message; JSON logs (ingest/logs.py) put the fields at the top level.
A detail event (a file landed, a model built, a report file written) is in every JSON log and
in the text log of `--verbose`; the compact text log leaves it out (the run's progress lines
and summary count them).
"""

from __future__ import annotations

import logging
from typing import Any


class RunEvents:
    """Writes the events of one run, each tagged with its run_id."""

    def __init__(
        self, run_id: str, logger: logging.Logger | None = None, details: bool = True
    ) -> None:
        self.run_id = run_id
        self.logger = logger or logging.getLogger("ecom.run")
        self.details = details  # False: detail events are not written (compact text log)

    def event(
        self,
        name: str,
        message: str,
        level: int = logging.INFO,
        detail: bool = False,
        **fields: Any,
    ) -> None:
        """One operation: a human message, and the same facts as fields for machines."""
        if detail and not self.details:
            return
        self.logger.log(
            level, message, extra={"event": name, "run_id": self.run_id, "fields": fields}
        )
        for handler in logging.getLogger().handlers:
            handler.flush()  # a watcher (or a kill -9) sees every event written so far
