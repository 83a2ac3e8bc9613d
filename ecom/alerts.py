"""Alerts after a run, through pluggable notifiers, and CloudWatch embedded-metric lines.

A summary always goes to stderr. A Slack-compatible webhook (ECOM_ALERT_WEBHOOK_URL: a JSON
body with ``text``, plus the run's facts under ``ecom``) and an SNS topic
(ECOM_ALERT_SNS_TOPIC_ARN) are added when configured. Failures, quarantined or rejected data
and a source past its freshness error threshold always alert; successful runs only with
ECOM_ALERT_ON_SUCCESS=true (or --alert-on-success). Every alert lists the sources that are
not fresh (a warning too) and, on Athena, what the run's queries scanned and cost. A notifier
that cannot deliver logs an error and never changes the run's outcome.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from dataclasses import dataclass
from typing import Any, Protocol, TextIO

import boto3
import requests

from ecom.dbt_runner import SourceFreshness
from ecom.runlog import RunRecord, RunStatus
from ingest.retry import Backoff, TransientError, with_retries

log = logging.getLogger(__name__)

EMF_NAMESPACE = "ecom"


@dataclass(frozen=True)
class Alert:
    """What a notifier sends: a one-line title, a few lines of text and the run's facts."""

    title: str
    text: str
    facts: dict[str, Any]


def alert_for(record: RunRecord) -> Alert:
    """The alert of a finished run."""
    state = {
        RunStatus.SUCCEEDED: "succeeded",
        RunStatus.DATA_QUARANTINED: "succeeded, but files were quarantined",
        RunStatus.DATA_REJECTED: "succeeded, but most of a file was rejected",
        RunStatus.DATA_STALE: "succeeded, but a source is stale",
        RunStatus.FAILED: "FAILED",
    }.get(record.status, record.status)
    title = f"ecom {record.command} {record.run_date.isoformat()} {state} (exit {record.exit_code})"
    lines = [
        f"run {record.run_id}: {record.files_landed} files landed ({record.rows_landed:,} rows), "
        f"{record.files_quarantined} quarantined, "
        f"{record.rows_rejected if record.rows_rejected is not None else 'unknown'} rows rejected",
        f"dbt: {record.models_built} models built, {record.models_failed} failed; "
        f"tests {record.tests_passed} passed, {record.tests_warned} warned, "
        f"{record.tests_failed} failed",
    ]
    if record.error_message and record.status != RunStatus.DATA_STALE:
        label = "data" if record.status == RunStatus.DATA_REJECTED else "error"
        lines.append(f"{label}: {record.error_message}")
    late = [
        SourceFreshness(**source)
        for source in record.freshness.get("sources", [])
        if source.get("status") != "pass"
    ]
    lines += [f"freshness: {source.describe()}" for source in late]
    scanned = record.data_scanned
    if scanned.get("bytes") is not None:
        lines.append(
            f"Athena: {scanned['bytes']:,} bytes scanned by {scanned['queries']} queries, "
            f"${scanned['usd']:.4f} at ${scanned['usd_per_tb']:g}/TB"
        )
    facts = {
        key: getattr(record, key)
        for key in (
            "run_id",
            "command",
            "status",
            "exit_code",
            "started_at",
            "finished_at",
            "files_landed",
            "files_quarantined",
            "rows_landed",
            "rows_rejected",
            "models_failed",
            "tests_failed",
            "error_message",
        )
    }
    facts["run_date"] = record.run_date.isoformat()
    facts["run_log_key"] = record.key
    facts["freshness_status"] = record.freshness.get("status")
    facts["sources_not_fresh"] = {source.source: source.status for source in late}
    facts["usd_scanned"] = scanned.get("usd")
    return Alert(title, "\n".join(lines), facts)


class Notifier(Protocol):
    """Delivers an alert somewhere."""

    name: str

    def send(self, alert: Alert) -> None:
        """Deliver, or raise."""


class StderrNotifier:
    """The summary on stderr (always on)."""

    name = "stderr"

    def __init__(self, out: TextIO | None = None) -> None:
        self.out = out

    def send(self, alert: Alert) -> None:
        """Print the title and text."""
        print(f"ALERT: {alert.title}\n{alert.text}", file=self.out or sys.stderr, flush=True)


class WebhookNotifier:
    """POST a Slack-compatible JSON message; 5xx and connection errors are retried."""

    name = "webhook"

    def __init__(self, url: str, backoff: Backoff | None = None, timeout: float = 10.0) -> None:
        self.url = url
        self.backoff = backoff or Backoff(max_attempts=3, base_seconds=0.5)
        self.timeout = timeout

    def payload(self, alert: Alert) -> dict[str, Any]:
        """Slack reads `text`; other receivers get the facts under `ecom`."""
        return {"text": f"*{alert.title}*\n{alert.text}", "ecom": alert.facts}

    def send(self, alert: Alert) -> None:
        """POST once per attempt until a 2xx answer."""

        def post() -> None:
            try:
                response = requests.post(self.url, json=self.payload(alert), timeout=self.timeout)
            except requests.RequestException as exc:
                raise TransientError(f"POST {self.url}: {exc}") from exc
            if response.status_code >= 500 or response.status_code == 429:
                raise TransientError(f"POST {self.url}: HTTP {response.status_code}")
            response.raise_for_status()

        with_retries(f"alert webhook {self.url}", post, self.backoff)


class SnsNotifier:
    """Publish to an SNS topic (e-mail, SMS, chat integrations subscribe to it)."""

    name = "sns"

    def __init__(self, topic_arn: str, region: str, endpoint_url: str | None = None) -> None:
        self.topic_arn = topic_arn
        # typed loosely: the project's boto3 stubs cover S3 and Glue only
        self.client: Any = boto3.client("sns", region_name=region, endpoint_url=endpoint_url)

    def send(self, alert: Alert) -> None:
        """One message: the title as subject, the text and the facts as body."""
        self.client.publish(
            TopicArn=self.topic_arn,
            Subject=alert.title[:100],
            Message=f"{alert.text}\n\n{json.dumps(alert.facts, indent=2, default=str)}",
        )


@dataclass(frozen=True)
class AlertConfig:
    """Which notifiers to use, from the environment (and --alert-on-success)."""

    webhook_url: str | None = None
    sns_topic_arn: str | None = None
    on_success: bool = False
    region: str = "us-east-1"
    endpoint_url: str | None = None

    @classmethod
    def from_env(cls, region: str, endpoint_url: str | None, on_success: bool) -> AlertConfig:
        """ECOM_ALERT_WEBHOOK_URL, ECOM_ALERT_SNS_TOPIC_ARN, ECOM_ALERT_ON_SUCCESS."""
        flag = os.environ.get("ECOM_ALERT_ON_SUCCESS", "").strip().lower()
        return cls(
            webhook_url=os.environ.get("ECOM_ALERT_WEBHOOK_URL") or None,
            sns_topic_arn=os.environ.get("ECOM_ALERT_SNS_TOPIC_ARN") or None,
            on_success=on_success or flag in ("1", "true", "yes", "on"),
            region=region,
            endpoint_url=endpoint_url,
        )

    def notifiers(self) -> list[Notifier]:
        """stderr, then each configured channel."""
        found: list[Notifier] = [StderrNotifier()]
        if self.webhook_url:
            found.append(WebhookNotifier(self.webhook_url))
        if self.sns_topic_arn:
            found.append(SnsNotifier(self.sns_topic_arn, self.region, self.endpoint_url))
        return found


def send_alerts(record: RunRecord, config: AlertConfig) -> list[str]:
    """Alert about a finished run when it calls for one; the notifiers that delivered."""
    if record.status == RunStatus.SUCCEEDED and not config.on_success:
        return []
    alert = alert_for(record)
    delivered = []
    for notifier in config.notifiers():
        try:
            notifier.send(alert)
        except Exception as exc:  # any channel's failure: log it, never fail the run for it
            log.error("alert via %s not delivered: %s", notifier.name, exc)
            continue
        delivered.append(notifier.name)
    return delivered


def emf_line(record: RunRecord, now_ms: int | None = None) -> str:
    """A CloudWatch embedded-metric-format line with the run's counts."""
    metrics = {
        "RowsIngested": record.rows_landed,
        "RowsRejected": record.rows_rejected or 0,
        "FilesQuarantined": record.files_quarantined,
        "DbtTestFailures": record.tests_failed,
        "DbtModelErrors": record.models_failed,
        "RunFailed": 1 if record.status == RunStatus.FAILED else 0,
    }
    payload: dict[str, Any] = {
        "_aws": {
            "Timestamp": now_ms if now_ms is not None else int(time.time() * 1000),
            "CloudWatchMetrics": [
                {
                    "Namespace": EMF_NAMESPACE,
                    "Dimensions": [["Pipeline"]],
                    "Metrics": [{"Name": name, "Unit": "Count"} for name in metrics],
                }
            ],
        },
        "Pipeline": f"daily-{record.command}",
        "run_id": record.run_id,
        "run_date": record.run_date.isoformat(),
        "status": record.status,
        **metrics,
    }
    return json.dumps(payload)
