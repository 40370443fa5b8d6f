"""Notifiers: where alerts go after dedupe. One class per medium, all with ``send(alert)``.

Slack, email and webhook targets (issue 7) plug in here; the log notifier is always on so an
operator can follow alerts in the worker's log.
"""

from __future__ import annotations

import json
import logging
from typing import Protocol

from worker.config import Settings
from worker.model import Alert

log = logging.getLogger("newswatch.alerts")


class Notifier(Protocol):
    name: str

    async def send(self, alert: Alert) -> None: ...


class LogNotifier:
    """Writes one structured log line per alert."""

    name = "log"

    async def send(self, alert: Alert) -> None:
        log.warning(
            "ALERT %s",
            json.dumps(
                {
                    "key": alert.key,
                    "rule_id": alert.rule_id,
                    "severity": alert.severity,
                    "title": alert.title,
                    "countries": alert.countries,
                    "pair": alert.pair,
                    "url": alert.url,
                },
                ensure_ascii=False,
            ),
        )


def build_notifiers(settings: Settings) -> list[Notifier]:
    return [LogNotifier()]
