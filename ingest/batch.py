"""One ingest batch: files of a source, or a customer API pull, landed in the lake together.

Each batch writes a JSON ingest report under ``reports/<source>/`` and, when the lake is in S3,
makes sure the Glue raw tables exist and match SOURCES.
"""

from __future__ import annotations

import gzip
import json
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from ingest.api_client import ApiClientConfig
from ingest.aws import glue_client
from ingest.catalog import (
    CatalogChanges,
    register_partitions,
    register_raw_tables,
    register_run_partitions,
)
from ingest.config import LakeConfig
from ingest.errors import FileRejectedError, MappingError
from ingest.landing import (
    REFUSED,
    LandingResult,
    LandingStatus,
    ingest_date_of,
    land_file,
    new_batch_id,
)
from ingest.mapping import ExportMapping
from ingest.raw_tables import PIPELINE_RUNS
from ingest.sources import GZIP_SUFFIX, SOURCES, landed_name
from ingest.sources.checks import (
    GZIP_MAGIC,
    MAX_FILE_BYTES,
    MAX_ROW_BYTES,
    QuarantineReason,
    csv_header,
)
from ingest.sources.customers import pull_customers
from ingest.storage import Storage


def human_bytes(count: float) -> str:
    """1536 -> '1.5 KiB'."""
    for unit in ("B", "KiB", "MiB", "GiB"):
        if count < 1024 or unit == "GiB":
            return f"{count:,.0f} {unit}" if unit == "B" else f"{count:,.1f} {unit}"
        count /= 1024
    raise AssertionError("unreachable")  # pragma: no cover


def today_utc() -> date:
    """The ingest date partition for files received now."""
    return datetime.now(UTC).date()


def file_size(path: Path) -> int:
    """A local file's size for progress lines: 0 for a link or a file that cannot be read."""
    try:
        return 0 if path.is_symlink() else path.stat().st_size
    except OSError:
        return 0


def inbox_files(folder: Path) -> list[Path]:
    """Every file in an inbox folder, sorted; what the feed accepts is decided when landing,
    so a file of another type is refused with a reason instead of silently skipped. Hidden
    files (a name starting with '.': .DS_Store, an editor's swap file) are no exports and are
    left alone, so they do not make every run report a quarantine."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if not p.name.startswith(".") and (p.is_symlink() or not p.is_dir())
    )


def symlink_refusal(path: Path, inbox: Path | None = None) -> FileRejectedError | None:
    """Why a symbolic link is refused, or None: it must resolve inside the inbox folder (or,
    without an inbox, inside the link's own folder). The target is never read."""
    if not path.is_symlink():
        return None
    root = (inbox if inbox is not None else path.parent).resolve()
    try:
        target = path.resolve()
    except (OSError, RuntimeError) as exc:  # a loop of links (RuntimeError before 3.13)
        where = f"that does not resolve ({exc})"
    else:
        if target.is_relative_to(root):
            return None
        where = f"to {target}, outside {root}"
    return FileRejectedError(
        path.name,
        QuarantineReason.SYMLINK_OUTSIDE_INBOX,
        f"a symbolic link {where}; it was not followed. Copy the file itself into the folder",
    )


def _read(path: Path, inbox: Path | None) -> tuple[bytes, FileRejectedError | None]:
    """The bytes of a local file to land, or a description of it and why it is refused
    unread (a symlink out of the inbox, too large, unreadable)."""
    refusal = symlink_refusal(path, inbox)
    if refusal is None:
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                refusal = FileRejectedError(
                    path.name,
                    QuarantineReason.TOO_LARGE,
                    f"{size:,} bytes is over the {MAX_FILE_BYTES:,} byte limit; split the export",
                )
            else:
                return path.read_bytes(), None
        except OSError as exc:
            refusal = FileRejectedError(
                path.name,
                QuarantineReason.UNREADABLE_FILE,
                f"could not be read ({exc}); check the file and its permissions",
            )
    # Not read: the lake keeps (and the manifest hashes) what was refused instead.
    return f"{path}: {refusal.reason}: {refusal.detail}\n".encode(), refusal


def _head(path: Path) -> bytes | None:
    """The first bytes of a local file's (decompressed) content, enough for its header line;
    None when it cannot be read (the door then refuses it with the reason)."""
    try:
        with path.open("rb") as raw:
            start = raw.read(len(GZIP_MAGIC))
            raw.seek(0)
            if path.name.lower().endswith(GZIP_SUFFIX) or start == GZIP_MAGIC:
                with gzip.open(raw) as unpacked:
                    return unpacked.read(MAX_ROW_BYTES + 1)
            return raw.read(MAX_ROW_BYTES + 1)
    except (OSError, EOFError, zlib.error):
        return None


def check_mapping_fits(
    mapping: ExportMapping, source: str, paths: Sequence[Path], inbox: Path | None = None
) -> None:
    """Raise MappingError unless the mapping fits the header of every file it will convert,
    before any file lands: a wrong mapping lands nothing of the batch. A file the door refuses
    anyway (a name the feed does not accept, a link out of the inbox, unreadable, no CSV header)
    is left to the door, which quarantines it with its reason."""
    if mapping.feed != source:
        raise MappingError(
            f"mapping {mapping.source} is for the {mapping.feed} feed, not {source}; "
            "nothing was landed"
        )
    for path in paths:
        if landed_name(SOURCES[source], path.name) is None or symlink_refusal(path, inbox):
            continue
        head = _head(path)
        header = csv_header(head, mapping.delimiter) if head is not None else None
        if header is not None:
            mapping.check_header(path.name, header)


def ingest_files(
    storage: Storage,
    source: str,
    paths: Sequence[Path],
    batch_id: str | None = None,
    ingest_date: date | None = None,
    on_file: Callable[[int], None] | None = None,
    inbox: Path | None = None,
    mapping: ExportMapping | None = None,
) -> list[LandingResult]:
    """Land local files of one source (in the order given) as one batch; on_file(bytes) each.

    A file that cannot be used is quarantined with a reason and the others still land: a
    name the feed does not accept, a symbolic link out of `inbox` (or, without one, out of its
    own folder), a file that cannot be read. Only the lake's faults (LakeError) stop the batch,
    and a `mapping` (ingest/mapping.py) that does not fit a file: MappingError before any file
    of the batch lands.
    """
    spec = SOURCES[source]
    batch = batch_id or new_batch_id()
    day = ingest_date or today_utc()
    if mapping is not None:
        check_mapping_fits(mapping, source, paths, inbox)
    results = []
    for path in paths:
        data, refusal = _read(path, inbox)
        results.append(land_file(storage, spec, path.name, data, batch, day, refusal, mapping))
        if on_file is not None:
            on_file(len(data))
    return results


def ingest_customers_api(
    storage: Storage,
    api_url: str,
    batch_id: str | None = None,
    ingest_date: date | None = None,
    *,
    config: ApiClientConfig | None = None,
    full_refresh: bool = False,
    on_page: Callable[[int, int], None] | None = None,
    sleep: Callable[[float], None] | None = None,
) -> LandingResult:
    """Pull the customers changed since the last pull and land them as one NDJSON file."""
    return pull_customers(
        storage,
        config or ApiClientConfig(base_url=api_url),
        batch_id or new_batch_id(),
        ingest_date or today_utc(),
        full_refresh=full_refresh,
        sleep=sleep,
        on_page=on_page,
    )


@dataclass(frozen=True)
class Batch:
    """One ingest batch: its id, the ingest_date partition its files land in, its start."""

    batch_id: str = field(default_factory=new_batch_id)
    ingest_date: date = field(default_factory=today_utc)
    started: float = field(default_factory=time.monotonic)


@dataclass(frozen=True)
class IngestReport:
    """One ingest run: what each file became, for the summary line and reports/."""

    source: str
    batch_id: str
    ingest_date: date
    lake_uri: str
    results: list[LandingResult]
    seconds: float
    catalog: CatalogChanges | None = None  # what the Glue registration did, for S3 lakes
    counts: Counter[LandingStatus] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "counts", Counter(r.status for r in self.results))

    @property
    def refused(self) -> int:
        """Files quarantined now or before (exit code 3 of `ecom ingest`)."""
        return sum(self.counts[s] for s in REFUSED)

    def summary_line(self) -> str:
        """The one line a run ends with."""
        landed = [r for r in self.results if r.status == LandingStatus.LANDED]
        rows = sum(r.rows for r in landed)
        refused_rows = sum(r.rows_refused for r in landed)
        rows_refused = f", {refused_rows:,} refused" if refused_rows else ""
        size = human_bytes(sum(r.bytes for r in landed))
        extra = "".join(
            f", {self.counts[status]} {label}"
            for status, label in (
                (LandingStatus.IN_PROGRESS, "being landed by another run"),
                (LandingStatus.NO_NEW_RECORDS, "with no new records"),
            )
            if self.counts[status]
        )
        return (
            f"ingest {self.source}: {len(self.results)} received, "
            f"{self.counts[LandingStatus.LANDED]} landed ({rows:,} rows{rows_refused}, {size}), "
            f"{self.counts[LandingStatus.ALREADY_LANDED]} already landed, "
            f"{self.refused} quarantined"
            f"{extra} in {self.seconds:.1f}s; batch {self.batch_id} -> {self.lake_uri}"
        )

    def to_json(self) -> bytes:
        """The machine-readable report kept under reports/."""
        return json.dumps(
            {
                "source": self.source,
                "batch_id": self.batch_id,
                "ingest_date": self.ingest_date.isoformat(),
                "lake": self.lake_uri,
                "seconds": round(self.seconds, 3),
                "counts": dict(self.counts),
                "catalog": self.catalog.describe() if self.catalog else None,
                "files": [asdict(r) for r in self.results],
            },
            indent=2,
        ).encode()

    @property
    def key(self) -> str:
        """Where the report lives in the lake."""
        return (
            f"reports/{self.source}/ingest_date={self.ingest_date.isoformat()}/"
            f"{self.batch_id}-report.json"
        )


def register_catalog(
    lake: LakeConfig,
    landed: Mapping[str, Iterable[LandingResult]] | None = None,
    run_dates: Iterable[date] = (),
) -> CatalogChanges | None:
    """Create/update the Glue raw tables when the lake is S3 (and registration is on), and
    register the ingest_date partitions that files were just landed in and the run_date
    partitions of the run log records of `run_dates` (for Redshift Spectrum, which does not
    read Athena's partition projection; also where the tables are CloudFormation's)."""
    if not (lake.is_s3 and (lake.register_glue or lake.register_partitions)):
        return None
    glue = glue_client(lake.aws_region, lake.s3_endpoint_url)
    if lake.register_glue:
        changes = register_raw_tables(glue, lake.raw_database, lake.uri)
    else:  # the tables are CloudFormation's (infra/templates/glue.yaml)
        changes = CatalogChanges(lake.raw_database)
    if not lake.register_partitions:
        return changes
    for source, results in (landed or {}).items():
        days = [ingest_date_of(r.key) for r in results if r.status == LandingStatus.LANDED]
        created = register_partitions(glue, lake.raw_database, lake.uri, source, days)
        changes.partitions += [f"{source}/ingest_date={day}" for day in created]
    created = register_run_partitions(glue, lake.raw_database, lake.uri, run_dates)
    changes.partitions += [f"{PIPELINE_RUNS.name}/run_date={day}" for day in created]
    return changes


def finish_batch(
    lake: LakeConfig,
    storage: Storage,
    batch: Batch,
    by_source: Mapping[str, Sequence[LandingResult]],
    run_dates: Iterable[date] = (),
) -> list[IngestReport]:
    """Register the Glue tables and partitions (S3 lakes) for what landed (and for the run
    log records of `run_dates`), then keep each source's ingest report under reports/<source>/."""
    changes = register_catalog(lake, by_source, run_dates)
    reports = []
    for source, results in by_source.items():
        if not results:
            continue
        seconds = time.monotonic() - batch.started
        report = IngestReport(
            source,
            batch.batch_id,
            batch.ingest_date,
            storage.root_uri,
            list(results),
            seconds,
            changes,
        )
        storage.put_bytes(report.key, report.to_json())
        reports.append(report)
    return reports
