"""The one exit-code policy of the `ecom` command: the codes, what each means, and which
error gives which code. Every subcommand's --help prints the codes from here."""

from __future__ import annotations

import textwrap
from enum import IntEnum

from ingest.errors import ConfigurationError


class ExitCode(IntEnum):
    """What the `ecom` command's exit status tells a scheduler or a shell script."""

    OK = 0
    FAILED = 1
    USAGE = 2
    DATA_QUARANTINED = 3
    INTERRUPTED = 130

    @property
    def summary(self) -> str:
        """A few words for a summary line."""
        return _SUMMARY[self]

    @property
    def description(self) -> str:
        """What the code means and what to do, for --help."""
        return _DESCRIPTION[self]


_SUMMARY = {
    ExitCode.OK: "succeeded",
    ExitCode.FAILED: "pipeline failed",
    ExitCode.USAGE: "usage or configuration error",
    ExitCode.DATA_QUARANTINED: "succeeded, with data problems",
    ExitCode.INTERRUPTED: "interrupted",
}

_DESCRIPTION = {
    ExitCode.OK: "succeeded: every step ran, no file was refused",
    ExitCode.FAILED: "pipeline failed (dbt error or failed error-severity test, API or lake "
    "unreachable after retries, report not written): the message (and the run log of "
    "`ecom run`) says which step; fix it and run again",
    ExitCode.USAGE: "usage or configuration error (a bad flag, lake URI or date, a missing "
    "file or folder, no API URL, a mapping file that is not valid or does not fit a file): "
    "nothing ran; or `ecom run` found incremental tables built by an earlier version with "
    "other columns than the models have now: the feeds landed, nothing was built, and the "
    "message gives the command that rebuilds those tables (--rebuild-changed)",
    ExitCode.DATA_QUARANTINED: "succeeded, but with data problems: files were quarantined "
    "(see quarantine/<source>/.../*.reason.json, fix the file and send it again), or `ecom "
    "run` rejected more than --max-rejected-share of a landed file's rows (the message names "
    "the file, the top reasons and the likely cause; see qa_rejected_<entity>), or a source "
    "was past its freshness error threshold (a feed stopped arriving: the message names it "
    "and when it last landed); the rest landed, and `ecom run` built marts and report from "
    "the valid rows",
    ExitCode.INTERRUPTED: "interrupted (Ctrl-C)",
}

# The codes each kind of subcommand can end with.
PIPELINE_CODES = tuple(ExitCode)
PLAIN_CODES = (ExitCode.OK, ExitCode.FAILED, ExitCode.USAGE, ExitCode.INTERRUPTED)


def exit_code_for(error: BaseException) -> ExitCode:
    """The exit code of a command that stopped with this error.

    ConfigurationError -> USAGE; any other EcomError (ApiError, LakeError, CatalogError,
    PipelineError, RetriesExhaustedError) -> FAILED; Ctrl-C -> INTERRUPTED. argparse exits
    with USAGE by itself.
    """
    if isinstance(error, KeyboardInterrupt):
        return ExitCode.INTERRUPTED
    if isinstance(error, ConfigurationError):
        return ExitCode.USAGE
    return ExitCode.FAILED


def combined_exit_code(codes: list[ExitCode]) -> ExitCode:
    """The code of several runs (a backfill): the first failure's, else 3 if any run
    quarantined files, else 0."""
    failed = [code for code in codes if code not in (ExitCode.OK, ExitCode.DATA_QUARANTINED)]
    if failed:
        return failed[0]
    return max(codes, default=ExitCode.OK)


def exit_codes_help(codes: tuple[ExitCode, ...] = PIPELINE_CODES, width: int = 92) -> str:
    """The 'exit codes:' block of an epilog, one wrapped entry per code."""
    lines = ["exit codes:"]
    for code in codes:
        lines.append(_wrap(f"  {code.value}  ", code.description, width))
    return "\n".join(lines)


def _wrap(first: str, text: str, width: int) -> str:
    """text after `first`, wrapped to width with continuation lines indented under it."""
    return textwrap.fill(
        text, width, initial_indent=first, subsequent_indent=" " * 5, break_on_hyphens=False
    )
