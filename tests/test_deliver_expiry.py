"""The delivery stage's sweep of quiet event states (issue 14: the events table grew without
bound for non-pair rules, one state per story). The sweep plan goes through the deliver topic
to the partition that holds the state; the owner checks again before deleting."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from types import SimpleNamespace
from typing import Any

from worker import metrics as m
from worker.config import DeliverySettings
from worker.model import iso, utcnow
from worker.sinks.dispatch import DictStore, Dispatcher
from worker.stream.components import PipelineSlot
from worker.stream.deliver import DeliverStage

WINDOW = timedelta(days=14)


class SentMessages:
    """The deliver topic as the stage sees it: something with ``send`` and a name."""

    def __init__(self) -> None:
        self.sent: list[tuple[bytes, dict[str, Any]]] = []

    async def send(self, key: bytes, value: dict[str, Any]) -> None:
        self.sent.append((key, value))

    def get_topic_name(self) -> str:
        return "deliver"


def _state(days_ago: float, group: str) -> dict[str, Any]:
    last = iso(utcnow() - timedelta(days=days_ago))
    return {"events": {"story": {"last_seen": last, "first_seen": last}}, "group": group}


def _stage(store: DictStore, topic: SentMessages) -> DeliverStage:
    slot = PipelineSlot()
    # what the dispatcher is built from: no targets, no delivery records (the sweep of event
    # states needs neither)
    slot.set(SimpleNamespace(sink=SimpleNamespace(record_delivery=None), notifiers=()))
    no_targets = Dispatcher({}, DeliverySettings())
    stage = DeliverStage(
        lambda **_: no_targets, slot, store, topic, dead_letters=None, event_window=WINDOW
    )
    return stage


def test_quiet_event_states_are_swept_by_their_partition_and_only_if_still_quiet() -> None:
    store = DictStore(
        events={
            "r|story:old": _state(40, "g-old"),  # quiet for more than two windows
            "r|story:fresh": _state(3, "g-fresh"),
        }
    )
    topic = SentMessages()
    stage = _stage(store, topic)
    before = m.STATE_EXPIRED.labels("events")._value.get()

    asyncio.run(stage.sweep([], [], list(store.events.items())))
    assert [(k, v["events"]) for k, v in topic.sent] == [(b"g-old", ["r|story:old"])]

    # A report joined the story between the plan and the sweep message: the state stays.
    store.events["r|story:old"] = _state(0, "g-old")
    assert asyncio.run(stage.expire_events("g-old", ["r|story:old"])) == 0
    store.events["r|story:old"] = _state(40, "g-old")
    # a sweep message for another group does not delete it (the plan is checked again)
    assert asyncio.run(stage.expire_events("g-fresh", ["r|story:old"])) == 0
    assert asyncio.run(stage.expire_events("g-old", ["r|story:old", "r|story:gone"])) == 1
    assert asyncio.run(stage.expire_events("g-old", ["r|story:old"])) == 0  # idempotent
    assert list(store.events) == ["r|story:fresh"]
    assert m.STATE_EXPIRED.labels("events")._value.get() == before + 1
