"""The worker's log as a target: one structured line per alert. Always on (the dispatcher's
``always`` list), so an operator can follow alerts without any target configured; it can also
be named in ``targets:`` (``kind: log``) to log a desk's alerts under its own name."""

from __future__ import annotations

import json
import logging
from typing import Any, Literal

from worker.model import Alert
from worker.sinks.render import Renderer
from worker.sinks.targets.base import TargetKind, TargetOptions

log = logging.getLogger("newswatch.alerts")


class LogOptions(TargetOptions):
    kind: Literal["log"]


class LogTarget:
    kind = "log"

    def __init__(self, name: str = "log", settings: LogOptions | None = None):
        self.name = name
        self.settings = settings or LogOptions(kind="log")

    async def send_alert(self, alert: Alert) -> None:
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

    async def send_digest(self, digest: dict[str, Any]) -> None:
        log.warning(
            "DIGEST %s",
            json.dumps(
                {k: digest.get(k) for k in ("id", "rule_id", "pair", "since", "until")},
                ensure_ascii=False,
            ),
        )


def _build(name: str, options: LogOptions, renderer: Renderer) -> LogTarget:
    return LogTarget(name, options)


KIND = TargetKind("log", LogOptions, _build)
