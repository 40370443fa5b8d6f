"""Every worker's copy of the silences: follows the compacted silences topic.

``newswatch alerts silence`` writes one record per silence and a tombstone on ``unsilence``
(worker/transforms/silences.py has the record format and the matching). Each worker reads the
topic whole with a group-less consumer and keeps following it (worker/sources/follow.py, the
same reader as the rules topic), so a silence reaches every worker within a fetch or two.
The delivery stage asks :meth:`LiveSilences.silenced_by` before sending an alert.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from worker import metrics as m
from worker.config import KafkaConnection, MaintenanceWindow, Settings
from worker.model import Alert
from worker.sources.follow import TopicFollower, at_end
from worker.transforms.silences import Silence, apply, silenced_by

log = logging.getLogger("newswatch.silences")


class LiveSilences(TopicFollower):
    """The silences of the topic, kept current; maintenance windows from the settings."""

    def __init__(
        self,
        kafka: KafkaConnection,
        topic: str,
        *,
        client_id: str,
        maintenance: Sequence[MaintenanceWindow] = (),
        on_change: Callable[[], None] | None = None,
    ):
        super().__init__(kafka, topic, client_id=client_id)
        self.maintenance = list(maintenance)
        self.silences: dict[str, Silence] = {}
        self.caught_up = asyncio.Event()
        self.on_change = on_change

    @classmethod
    def from_settings(cls, settings: Settings, **kwargs: Any) -> LiveSilences:
        return cls(
            settings.kafka_connection,
            settings.topics.silences,
            client_id=f"{settings.app_id}-silences",
            maintenance=settings.maintenance,
            **kwargs,
        )

    def reset(self) -> None:
        # Keep applying the silences already known while the topic is read again after a
        # failure: forgetting them would deliver silenced alerts until the re-read ends.
        self._reading: dict[str, Silence] = {}

    async def follow(self, consumer: Any, parts: list) -> None:
        first_pass = True
        while True:
            batch = await consumer.getmany(timeout_ms=250)
            changed = False
            for msgs in batch.values():
                for msg in msgs:
                    target = self._reading if first_pass else self.silences
                    try:
                        new = apply(target, msg.key, msg.value)
                    except Exception as exc:  # a malformed record must not stop the follower
                        m.SILENCE_RECORD_ERRORS.inc()
                        log.warning("skipping silences record at offset %d: %s", msg.offset, exc)
                        continue
                    if first_pass:
                        self._reading = new
                    else:
                        self.silences = new
                        changed = True
            if first_pass and await at_end(consumer, parts):
                first_pass = False
                self.silences = self._reading
                changed = True
                self.caught_up.set()
                log.info("silences topic %s read: %d silences", self.topic, len(self.silences))
            if changed:
                m.SILENCES_ACTIVE.set(len(self.silences))
                if self.on_change is not None:
                    self.on_change()

    def silenced_by(self, alert: Alert, now: datetime) -> str | None:
        """The id of the silence (or ``maintenance:<name>``) that keeps ``alert`` from being
        delivered at ``now``, or None."""
        return silenced_by(alert, self.silences.values(), self.maintenance, now)
