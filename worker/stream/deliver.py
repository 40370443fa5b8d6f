"""The deliver stage: events, silences, rate rules, then throttle, deliver, record
(worker/sinks/dispatch.py), and digest and flatline ticks.

Per alert, in its throttle group's partition (the event table is co-partitioned with the
deliveries and throttle tables, all written only here):

1. place it in its event (worker/transforms/events.py) and store the event state durably;
2. put the event's counts on the event's alert document, and link an update's own document;
3. a silence or maintenance window that matches: mark the document, count it, send nothing;
4. a new event or a status change: the dispatcher, as any alert (a status change is not
   throttled); a later report: the dispatcher's update path (Slack threads, update mails and
   webhooks at the targets' thresholds), the update kept pending on the event with each
   target recorded as it is handled, so a replay after a stop sends it to the targets left.

A match of a rate rule (worker/transforms/rates.py) is counted instead (state in the same
table, ``rate|<rule>|<key>``); a spike or first sighting is indexed and delivered as an alert.
Flatlines are found by a timer and raised in their key's partition through this topic.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from worker import metrics as m
from worker.model import Alert, iso, parse_iso, utcnow
from worker.sinks.dispatch import Dispatcher, TableStore
from worker.sinks.index_writer import write_bulk
from worker.sources.kafka import INGESTED_HEADER
from worker.stream.components import PipelineSlot
from worker.stream.dead_letter import DeadLetters
from worker.stream.runner import as_reject
from worker.transforms.events import (
    alert_fields,
    assign,
    clear_pending_update,
    event_time,
    expiry_plan,
    pending_target_done,
    prune,
    quiet,
    state_group,
    state_key,
    update_due,
)
from worker.transforms.rates import evaluate, flatline_due, key_values, rate_key
from worker.transforms.throttle import throttle_group

log = logging.getLogger("newswatch.deliver")

SILENCES_WAIT_S = 30.0


def event_alert_month(record: dict[str, Any]) -> str:
    """The index month of an event's alert document (``alert_at``: records an older worker
    wrote, before the month was kept)."""
    if record.get("alert_month"):
        return str(record["alert_month"])
    at = parse_iso(record.get("alert_at")) or datetime(1970, 1, 1, tzinfo=UTC)
    return f"{at.astimezone(UTC):%Y.%m}"


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
        new_dispatcher: Callable[..., Dispatcher],
        slot: PipelineSlot,
        store: TableStore,
        topic: Any,
        dead_letters: DeadLetters,
        *,
        event_window: timedelta,
        silences: Any = None,
    ):
        # new_dispatcher: Dispatcher.from_settings bound to the settings by the app factory;
        # called once, on first use, with the pipeline's sink and rules.
        self.new_dispatcher = new_dispatcher
        self.slot, self.store, self.topic = slot, store, topic
        self.dead_letters = dead_letters
        self.silences = silences  # worker/silences_live.py LiveSilences, or None
        self.window = event_window
        self._dispatcher: Dispatcher | None = None

    def dispatcher(self) -> Dispatcher:
        if self._dispatcher is None:
            p = self.slot()

            def throttle_for(rule_id: str) -> Any:
                rule = self.slot().rules.get(rule_id)
                return rule.throttle if rule is not None else None

            self._dispatcher = self.new_dispatcher(
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
        if self.silences is not None:
            # Silences first: an alert delivered before the topic is read would ignore them.
            # Bounded, so a silences topic that cannot be read never stops delivery.
            try:
                await asyncio.wait_for(self.silences.caught_up.wait(), SILENCES_WAIT_S)
            except TimeoutError:
                log.warning("silences topic not read after %.0f s; delivering", SILENCES_WAIT_S)
        async for event in stream.events():
            kind = event.value.get("kind")
            if kind == "tick":
                await self.dispatcher().handle_tick(event.value["group"], self.store)
                continue
            if kind == "sweep":
                group, keys = event.value["group"], event.value.get("keys", [])
                await self.dispatcher().handle_sweep(group, keys, self.store)
                await self.expire_events(group, event.value.get("events", []))
                continue
            if kind == "flatline":
                await self.handle_flatline(event.value["key"])
                continue
            try:
                alert = Alert.from_dict(event.value["alert"])
                sent = await self.handle(alert)
            except Exception as exc:
                # A crashed agent would not get this event again (Faust acks the event in
                # flight when its stream is abandoned): dead-letter it, with the reason.
                await self.dead_letters.send(
                    event.value, as_reject(exc, "deliver"), self.topic.get_topic_name(), event.key
                )
                continue
            ingested = ingested_ms(event)
            if ingested and sent:
                m.END_TO_END_SECONDS.observe(max(0.0, time.time() - ingested / 1000))

    async def handle(self, alert: Alert) -> bool:
        """Events, silences, delivery for one alert; True when it was sent as a new alert."""
        rule = self.slot().rules.get(alert.rule_id)
        if rule is not None and rule.rate is not None:
            return await self.handle_rate(alert, rule)
        key = state_key(alert)
        state = prune(self.store.get_event(key), event_time(alert), self.window)
        d = assign(alert, state, window=self.window)
        # Durable before anything is sent: a replay finds the report in its event (a
        # "duplicate") and resumes the delivery below instead of opening a second event. The
        # group names the partition that holds the state, for the sweep (expiry_plan).
        state = {**d.state, "group": throttle_group(alert), "touched_at": iso(utcnow())}
        await self.store.put_event(key, state, durable=True)
        m.EVENT_DECISIONS.labels(
            alert.rule_id, "resumed_update" if d.resume_update else d.kind
        ).inc()
        ev = d.record
        event_alert = dataclasses.replace(
            d.alert, event_kind=ev["alert_kind"], previous_status=ev["alert_previous"]
        )
        await self._mark(ev["alert_key"], event_alert_month(ev), alert_fields(ev))
        if alert.key != ev["alert_key"]:
            link = {"event_id": ev["id"], "event_kind": "update"}
            await self._mark(alert.key, alert.document_month(), link)

        silenced = self.silences.silenced_by(event_alert, utcnow()) if self.silences else None
        if silenced is not None:
            kind = "maintenance" if silenced.startswith("maintenance:") else "silence"
            m.ALERTS_SILENCED.labels(alert.rule_id, kind).inc()
            if d.kind in ("new", "status"):
                await self._mark(ev["alert_key"], event_alert_month(ev), {"silenced": silenced})
                log.info("alert %s silenced by %s", alert.key, silenced)
            if d.sends_update:
                # a silenced update is dropped, not kept for a replay after the silence ends
                cleared = clear_pending_update(state, ev["id"])
                if cleared is not None:
                    await self.store.put_event(key, cleared)
            return False

        dispatcher = self.dispatcher()
        if alert.key == ev["alert_key"]:
            # the event's alert itself (new, a status change, a replay, or a copy of it: the
            # dispatcher sends what is not yet sent and puts the delivery record back)
            throttle = ev["alert_kind"] != "status"
            decision = await dispatcher.handle_alert(event_alert, self.store, throttle=throttle)
            sent = d.kind in ("new", "status") and decision.action == "send"
            sent = sent and decision.reason != "resume"
        else:
            sent = False
        if d.sends_update:
            current = state

            async def target_done(name: str) -> None:
                # durable before the next target: a stop after it resumes with the targets left
                nonlocal current
                current = pending_target_done(current, ev["id"], name)
                await self.store.put_event(key, current, durable=True)

            await dispatcher.handle_update(
                d.alert,
                self.store,
                lambda update_at: update_due(d, update_at),
                done=d.targets_done,
                target_done=target_done,
            )
            # Not durable: every target is recorded done already, so a lost clear costs
            # nothing but a replay that finds nothing left to send.
            cleared = clear_pending_update(current, ev["id"])
            if cleared is not None:
                await self.store.put_event(key, cleared)
        return sent

    async def handle_rate(self, match: Alert, rule: Any) -> bool:
        """A match of a rate rule (worker/transforms/rates.py): count it per key value; a
        spike or a first sighting raises its own alert, indexed and delivered as any alert."""
        spec, sent = rule.rate, False
        m.RATE_MATCHES.labels(rule.id).inc()
        for value in key_values(match, spec.key):
            rk = rate_key(rule.id, value)
            d = evaluate(
                rule.title, spec, value, match, self.store.get_event(rk), event_time(match)
            )
            state = {**d.state, "group": throttle_group(match), "rule_id": rule.id}
            await self.store.put_event(rk, state, durable=True)
            if d.alert is not None:
                sent |= await self._raise(d.alert)
        return sent

    async def handle_flatline(self, rate_state_key: str) -> bool:
        """A timer found a flatline key silent for its window: raise its alert (here, in the
        key's partition, so the state change and the alert are in order with its matches)."""
        state = self.store.get_event(rate_state_key)
        rule = self.slot().rules.get((state or {}).get("rule_id", ""))
        if not state or rule is None or rule.rate is None or rule.rate.kind != "flatline":
            return False
        d = flatline_due(rule.id, rule.rate, state, utcnow())
        if d is None or d.alert is None:
            return False
        await self.store.put_event(rate_state_key, d.state, durable=True)
        d.alert.targets = list(rule.targets)
        d.alert.severity = rule.severity
        return await self._raise(d.alert)

    def due_flatlines(self, items: list[tuple[str, Any]]) -> list[tuple[str, str]]:
        """(group, state key) of the flatline keys due now, for the timer."""
        out, now = [], utcnow()
        for key, state in items:
            if not key.startswith("rate|") or not state:
                continue
            rule = self.slot().rules.get(state.get("rule_id", ""))
            if rule is None or rule.rate is None or rule.rate.kind != "flatline":
                continue
            if flatline_due(rule.id, rule.rate, state, now) is not None:
                out.append((state["group"], key))
        return out

    async def _raise(self, alert: Alert) -> bool:
        """Index a rate alert, then deliver it unless silenced."""
        sink = self.slot().sink
        await write_bulk(sink, [sink.alert_action(alert)], "alerts", dlq_send=self._dlq_send)
        silenced = self.silences.silenced_by(alert, utcnow()) if self.silences else None
        if silenced is not None:
            kind = "maintenance" if silenced.startswith("maintenance:") else "silence"
            m.ALERTS_SILENCED.labels(alert.rule_id, kind).inc()
            await self._mark(alert.key, alert.document_month(), {"silenced": silenced})
            return False
        decision = await self.dispatcher().handle_alert(alert, self.store)
        return decision.action == "send" and decision.reason != "resume"

    async def _dlq_send(self, rej: Any, payload: Any) -> None:
        await self.dead_letters.send(payload, rej, self.topic.get_topic_name())

    async def _mark(self, key: str, month: str, fields: dict[str, Any]) -> None:
        """Partial update of an alert document; the tables hold the truth, so a failure here
        is logged, not retried (the next report of the event writes the counts again)."""
        try:
            await self.slot().sink.update_alert(key, month, fields)
        except Exception as exc:
            log.warning("could not update alert document %s: %s", key, exc)

    async def tick(self, throttle_items: list[tuple[str, Any]]) -> None:
        """Ask the owner of each group with a due digest to send it (through the deliver topic,
        so the state change happens in the group's partition, in order with its alerts)."""
        if self.slot.get() is None:
            return
        for group in self.dispatcher().due_groups(throttle_items):
            await self.topic.send(key=group.encode(), value={"kind": "tick", "group": group})

    async def sweep(
        self,
        key_items: list[tuple[str, Any]],
        throttle_items: list[tuple[str, Any]],
        event_items: list[tuple[str, Any]] | None = None,
    ) -> None:
        """Ask the owner of each group with expired records to delete them (through the
        deliver topic: a table record can only be deleted in its partition, while an event
        of that partition is processed). The owner checks again before deleting."""
        if self.slot.get() is None:
            return
        records = self.dispatcher().sweep_plan(key_items, throttle_items)
        events = expiry_plan(event_items or [], utcnow(), self.window)
        for group in sorted(set(records) | set(events)):
            keys, quiet = records.get(group, []), events.get(group, [])
            for i in range(0, max(len(keys), len(quiet), 1), SWEEP_KEYS_PER_MESSAGE):
                value = {
                    "kind": "sweep",
                    "group": group,
                    "keys": keys[i : i + SWEEP_KEYS_PER_MESSAGE],
                    "events": quiet[i : i + SWEEP_KEYS_PER_MESSAGE],
                }
                await self.topic.send(key=group.encode(), value=value)

    async def expire_events(self, group: str, keys: list[str]) -> int:
        """Delete the event states of ``keys`` that belong to ``group`` and are still quiet
        (checked again: a report may have joined one since the plan). Idempotent; returns how
        many went."""
        now, gone = utcnow(), 0
        for key in keys:
            state = self.store.get_event(key)
            stale = quiet(state, now, self.window) and state_group(key, state) == group
            if stale and await self.store.delete_event(key):
                m.STATE_EXPIRED.labels("events").inc()
                gone += 1
        return gone

    async def rate_ticks(self, event_items: list[tuple[str, Any]]) -> None:
        """Ask the owner of each flatline key that went silent to raise its alert."""
        if self.slot.get() is None:
            return
        for group, key in self.due_flatlines(event_items):
            await self.topic.send(key=group.encode(), value={"kind": "flatline", "key": key})
