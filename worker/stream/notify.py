"""The notify stage: each alert is indexed (a rate rule's matches are not: they are counted
downstream), then re-keyed by throttle group for delivery."""

from __future__ import annotations

from typing import Any

from worker.errors import Reject
from worker.model import Alert
from worker.sinks.index_writer import write_bulk
from worker.stream.components import PipelineSlot
from worker.stream.dead_letter import DeadLetters
from worker.transforms.throttle import throttle_group


class NotifyStage:
    name = "notify"

    def __init__(
        self, slot: PipelineSlot, deliver: Any, dead_letters: DeadLetters, *, input_topic: str
    ):
        self.slot, self.deliver, self.dead_letters = slot, deliver, dead_letters
        self.input_topic = input_topic

    async def process(self, event: Any) -> Alert:
        p = await self.slot.ready()
        alert = Alert.from_dict(event.value)
        rule = p.rules.get(alert.rule_id)
        if rule is None or rule.rate is None:
            # A rate rule's matches are counts, not alerts: the deliver stage indexes the
            # alert a spike or first sighting raises.
            await write_bulk(
                p.sink, [p.sink.alert_action(alert)], "alerts", dlq_send=self._dlq_send
            )
        return alert

    async def emit(self, event: Any, alert: Alert) -> None:
        # Every alert of a key has the same group: the delivery tables stay in one partition.
        await self.deliver.send(
            key=throttle_group(alert).encode(),
            value={"kind": "alert", "alert": event.value},
            headers=event.headers,
        )

    async def reject(self, event: Any, rej: Reject) -> None:
        await self.dead_letters.send(event.value, rej, self.input_topic, event.key)

    async def _dlq_send(self, rej: Reject, payload: Any) -> None:
        await self.dead_letters.send(payload, rej, self.input_topic)
