"""The deliver stage: throttle, deliver, record (worker/sinks/dispatch.py), and digest ticks."""

from __future__ import annotations

import time
from typing import Any

from worker import metrics as m
from worker.config import Settings
from worker.model import Alert
from worker.sinks.dispatch import Dispatcher, TableStore
from worker.sources.kafka import INGESTED_HEADER
from worker.stream.components import PipelineSlot
from worker.stream.dead_letter import DeadLetters


def ingested_ms(event: Any) -> int | None:
    """When the article entered the system (the raw message's header), for end-to-end latency."""
    headers = event.headers or {}
    raw = headers.get(INGESTED_HEADER) if isinstance(headers, dict) else None
    try:
        return int(raw) if raw else None
    except ValueError:
        return None


# Alert keys are ~70 bytes: a sweep message stays far below any Kafka message limit.
SWEEP_KEYS_PER_MESSAGE = 1000


class DeliverStage:
    """Owns the dispatcher, built on first use (it needs the pipeline's sink and rules)."""

    def __init__(
        self,
        settings: Settings,
        slot: PipelineSlot,
        store: TableStore,
        topic: Any,
        dead_letters: DeadLetters,
    ):
        self.settings, self.slot, self.store, self.topic = settings, slot, store, topic
        self.dead_letters = dead_letters
        self._dispatcher: Dispatcher | None = None

    def dispatcher(self) -> Dispatcher:
        if self._dispatcher is None:
            p = self.slot()

            def throttle_for(rule_id: str) -> Any:
                rule = self.slot().rules.get(rule_id)
                return rule.throttle if rule is not None else None

            self._dispatcher = Dispatcher.from_settings(
                self.settings,
                throttle_for=throttle_for,
                record=p.sink.record_delivery,
                dead_letter=lambda payload, rej: self.dead_letters.send(
                    payload, rej, self.topic.get_topic_name()
                ),
                always=p.notifiers,
            )
        return self._dispatcher

    async def run(self, stream: Any) -> None:
        """An event is acked only after the dispatcher returns, i.e. after every delivery
        record is durable in the changelog."""
        await self.slot.ready()
        async for event in stream.events():
            kind = event.value.get("kind")
            if kind == "tick":
                await self.dispatcher().handle_tick(event.value["group"], self.store)
                continue
            if kind == "sweep":
                group, keys = event.value["group"], event.value.get("keys", [])
                await self.dispatcher().handle_sweep(group, keys, self.store)
                continue
            alert = Alert.from_dict(event.value["alert"])
            decision = await self.dispatcher().handle_alert(alert, self.store)
            ingested = ingested_ms(event)
            if ingested and decision.action == "send" and decision.reason != "resume":
                m.END_TO_END_SECONDS.observe(max(0.0, time.time() - ingested / 1000))

    async def tick(self, throttle_items: list[tuple[str, Any]]) -> None:
        """Ask the owner of each group with a due digest to send it (through the deliver topic,
        so the state change happens in the group's partition, in order with its alerts)."""
        if self.slot.get() is None:
            return
        for group in self.dispatcher().due_groups(throttle_items):
            await self.topic.send(key=group.encode(), value={"kind": "tick", "group": group})

    async def sweep(
        self, key_items: list[tuple[str, Any]], throttle_items: list[tuple[str, Any]]
    ) -> None:
        """Ask the owner of each group with expired records to delete them (through the
        deliver topic: a table record can only be deleted in its partition, while an event
        of that partition is processed). The owner checks again before deleting."""
        if self.slot.get() is None:
            return
        for group, keys in self.dispatcher().sweep_plan(key_items, throttle_items).items():
            for i in range(0, max(len(keys), 1), SWEEP_KEYS_PER_MESSAGE):
                chunk = keys[i : i + SWEEP_KEYS_PER_MESSAGE]
                value = {"kind": "sweep", "group": group, "keys": chunk}
                await self.topic.send(key=group.encode(), value=value)
