"""The dispatcher: throttle decision → delivery with retries → delivery record / dead letter.

The Faust ``deliver`` agent only wires tables into a :class:`Store` and calls
:meth:`Dispatcher.handle_alert` / :meth:`Dispatcher.handle_tick`; tests use :class:`DictStore`.

Exactly-once towards people, as far as it can go without the receiver's help: after a target
accepted an alert, the key's record ("delivered to slack-desk") is written to the table and the
changelog write is awaited until the broker acknowledged it (``durable=True``) *before* the
agent moves on — and only then can the input offset be committed. A worker killed after that
point replays the alert, finds the record, and does not send again. The remaining window is
between the target's "OK" and the broker's ack of the record (milliseconds): a kill there means
one repeat, which carries the same ``Idempotency-Key`` (webhooks) / ``Message-ID`` (email); a
Slack or Teams message has no such key, so a repeat there is seen. Event updates keep the same
per-target record on the event's pending update (:meth:`Dispatcher.handle_update`).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import signal
import time
from collections.abc import Awaitable, Callable, Collection, Iterable, MutableMapping
from datetime import datetime, timedelta
from typing import Any, Protocol

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential,
    wait_random,
)

from worker import metrics as m
from worker.config import DeliverySettings, Settings, target_name
from worker.errors import Reject
from worker.model import Alert, iso, utcnow
from worker.sinks.targets import DeliveryError, Target, build_targets
from worker.transforms.rules.schema import parse_duration
from worker.transforms.throttle import (
    Decision,
    decide,
    drop_delivered,
    due_digests,
    expired,
    group_finished,
    mark_target,
    sweep_plan,
    throttle_group,
)

log = logging.getLogger("newswatch.deliver")

# Failure injection for the crash tests (tests/e2e/test_delivery_crash.py): SIGKILL this
# process right after a successful send, before its record ("after_send"), or once every
# target's record is durable but before the input offset is committed ("after_record").
# Unset in production; read once at start.
CRASH_ENV = "NEWSWATCH_TEST_CRASH_AT"


class Store(Protocol):
    """Where the dispatcher keeps key and group state (Faust tables in the worker)."""

    def get_key(self, key: str) -> dict[str, Any] | None: ...

    async def put_key(self, key: str, value: dict[str, Any], *, durable: bool = False) -> None: ...

    def get_group(self, group: str) -> dict[str, Any] | None: ...

    async def put_group(
        self, group: str, value: dict[str, Any] | None, *, durable: bool = False
    ) -> None: ...

    async def delete_key(self, key: str) -> bool: ...

    async def delete_group(self, group: str) -> bool: ...

    def get_event(self, key: str) -> dict[str, Any] | None: ...

    async def put_event(
        self, key: str, value: dict[str, Any], *, durable: bool = False
    ) -> None: ...

    async def delete_event(self, key: str) -> bool: ...


_MISSING = object()


class DictStore:
    """A :class:`Store` over two plain mappings (tests, ``newswatch scan``)."""

    def __init__(
        self,
        keys: MutableMapping[str, Any] | None = None,
        groups: MutableMapping[str, Any] | None = None,
        events: MutableMapping[str, Any] | None = None,
    ):
        self.keys = {} if keys is None else keys
        self.groups = {} if groups is None else groups
        self.events = {} if events is None else events

    def get_event(self, key: str) -> dict[str, Any] | None:
        return self.events.get(key)

    async def put_event(self, key: str, value: dict[str, Any], *, durable: bool = False) -> None:
        self.events[key] = value

    def get_key(self, key: str) -> dict[str, Any] | None:
        return self.keys.get(key)

    async def put_key(self, key: str, value: dict[str, Any], *, durable: bool = False) -> None:
        self.keys[key] = value

    def get_group(self, group: str) -> dict[str, Any] | None:
        return self.groups.get(group)

    async def put_group(
        self, group: str, value: dict[str, Any] | None, *, durable: bool = False
    ) -> None:
        self.groups[group] = value

    async def delete_key(self, key: str) -> bool:
        return self.keys.pop(key, _MISSING) is not _MISSING

    async def delete_group(self, group: str) -> bool:
        return self.groups.pop(group, _MISSING) is not _MISSING

    async def delete_event(self, key: str) -> bool:
        return self.events.pop(key, _MISSING) is not _MISSING


class TableStore:
    """A :class:`Store` over two Faust tables, for use inside the ``deliver`` agent.

    ``durable=True`` sends the changelog record again and awaits its acknowledgement by the
    broker (``acks=all``): ``table[key] = value`` only queues it in the producer buffer, and a
    record still in that buffer when the process dies is lost — but the input offset would not
    be committed either, so nothing else is lost with it."""

    def __init__(self, keys: Any, groups: Any, events: Any = None):
        self.keys = keys
        self.groups = groups
        self.events = events  # event state (worker/transforms/events.py), same partitioning

    def get_event(self, key: str) -> dict[str, Any] | None:
        return self.events.get(key)

    async def put_event(self, key: str, value: dict[str, Any], *, durable: bool = False) -> None:
        await self._put(self.events, key, value, durable)

    def get_key(self, key: str) -> dict[str, Any] | None:
        return self.keys.get(key)

    async def put_key(self, key: str, value: dict[str, Any], *, durable: bool = False) -> None:
        await self._put(self.keys, key, value, durable)

    def get_group(self, group: str) -> dict[str, Any] | None:
        return self.groups.get(group)

    async def put_group(
        self, group: str, value: dict[str, Any] | None, *, durable: bool = False
    ) -> None:
        await self._put(self.groups, group, value, durable)

    async def delete_key(self, key: str) -> bool:
        # a tombstone in the changelog; not awaited: a lost one is sent again by the next sweep
        if key not in self.keys:
            return False
        del self.keys[key]
        return True

    async def delete_group(self, group: str) -> bool:
        if group not in self.groups:
            return False
        del self.groups[group]
        return True

    async def delete_event(self, key: str) -> bool:
        if key not in self.events:
            return False
        del self.events[key]
        return True

    @staticmethod
    async def _put(table: Any, key: str, value: Any, durable: bool) -> None:
        import faust

        table[key] = value
        if durable:
            event = faust.current_event()
            assert event is not None, "table writes happen while processing an event"
            await table.send_changelog(event.message.partition, key, value)


RecordFn = Callable[[Alert, list[dict[str, Any]]], Awaitable[None]]
DeadLetterFn = Callable[[dict[str, Any], Reject], Awaitable[None]]


class Dispatcher:
    """Decides, delivers, records. One per worker; state is passed in per call."""

    def __init__(
        self,
        targets: dict[str, Target],
        delivery: DeliverySettings,
        *,
        default_targets: Iterable[str] = (),
        throttle_for: Callable[[str], timedelta | None] = lambda rule_id: None,
        record: RecordFn | None = None,
        dead_letter: DeadLetterFn | None = None,
        always: Iterable[Any] = (),
        clock: Callable[[], datetime] = utcnow,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ):
        self.targets = targets
        self.delivery = delivery
        self.default_targets = [target_name(t) for t in default_targets]
        self.throttle_for = throttle_for
        self.record = record
        self.dead_letter = dead_letter
        self.always = list(always)
        self.clock = clock
        self.sleep = sleep
        self.key_window = parse_duration(delivery.key_window) or timedelta(days=30)
        self.crash_at = os.environ.get(CRASH_ENV, "")

    @classmethod
    def from_settings(cls, settings: Settings, **kwargs: Any) -> Dispatcher:
        return cls(
            build_targets(settings.targets, settings.delivery),
            settings.delivery,
            default_targets=settings.default_targets,
            **kwargs,
        )

    def targets_for(self, alert: Alert) -> list[str]:
        """The rule's targets, else the defaults. With no target configured at all the worker
        only logs alerts, so a rule pack naming desks still runs on a bare install."""
        if not self.targets:
            return []
        names = [target_name(t) for t in alert.targets] or self.default_targets
        return list(dict.fromkeys(names))

    def schedule(self, target: str) -> str:
        t = self.targets.get(target)
        return t.settings.digest if t is not None else "window"

    # -- alerts ---------------------------------------------------------------------------

    async def handle_alert(self, alert: Alert, store: Store, *, throttle: bool = True) -> Decision:
        """Decide, deliver, record. ``throttle=False``: not subject to the rule's throttle
        window (an event's status change is news however soon it follows the alert)."""
        now = self.clock()
        group = throttle_group(alert)
        names = self.targets_for(alert)
        d = decide(
            alert,
            names,
            store.get_key(alert.key),
            store.get_group(group),
            now,
            window=self.throttle_for(alert.rule_id) if throttle else None,
            key_window=self.key_window,
        )
        if d.action == "suppress":
            m.ALERTS_SUPPRESSED.labels(alert.rule_id).inc()
            # The alert document was just re-indexed without its delivery record: put it back.
            await self._record(alert, d.key_state)
            return d
        # Durable before anything is sent: after a crash the replay finds "pending" (resume
        # these targets) rather than nothing (which a later window could mistake for new).
        assert d.key_state is not None
        await store.put_key(alert.key, d.key_state, durable=True)
        await store.put_group(group, d.group_state, durable=True)
        if d.action == "digest":
            m.ALERTS_SUPPRESSED.labels(alert.rule_id).inc()
            log.info("alert %s throttled into the digest of %s", alert.key, group)
            await self._record(alert, d.key_state)
            return d

        if d.reason != "resume":
            m.ALERTS.labels(alert.rule_id, alert.severity).inc()
            for notifier in self.always:
                await notifier.send_alert(alert)
        holder = {"ks": d.key_state}

        async def one(name: str) -> None:
            rec = await self._deliver(name, alert.key, lambda t: t.send_alert(alert), alert)
            # Synchronous read-modify-write, then the durable flush: concurrent targets never
            # lose each other's marks.
            holder["ks"] = mark_target(holder["ks"], name, rec)
            await store.put_key(alert.key, holder["ks"], durable=True)

        await asyncio.gather(*(one(n) for n in d.targets))
        if d.targets:
            self._maybe_crash("after_record")  # all records durable, offset not yet committed
        await self._record(alert, holder["ks"])
        return d

    async def handle_update(
        self,
        alert: Alert,
        store: Store,
        update_at_due: Callable,
        *,
        done: Collection[str] = (),
        target_done: Callable[[str], Awaitable[None]] | None = None,
    ) -> int:
        """A later report of an event already alerted (``alert``: the event's alert with the
        updated ``event`` counts, under the alert's key). Each target that has the alert
        delivered and can send updates decides: Slack with a bot token threads a follow-up;
        email and webhook send one when ``update_at_due(update_at)`` says so. Returns how
        many went out. The event keeps the update pending (worker/transforms/events.py,
        ``PENDING_UPDATE``): targets in ``done`` already had it (before a stop) and are
        skipped, and ``target_done(name)`` records each target once it is handled, before the
        next, so a report replayed after a stop sends the update only to the targets that did
        not have it."""
        ks = store.get_key(alert.key) or {}
        sent = 0
        for name, rec in sorted(ks.get("targets", {}).items()):
            if name in done:
                continue
            target = self.targets.get(name)
            if rec.get("status") != "delivered" or not hasattr(target, "send_update"):
                continue
            due = bool(update_at_due(target.settings.update_at))

            async def send(t: Any, rec: dict[str, Any] = rec, due: bool = due) -> Any:
                return await t.send_update(alert, rec, due=due)

            if not due and not rec.get("ts"):
                continue  # nothing this target would send (a Slack thread needs the ts)
            can_update = getattr(target, "can_update", None)
            if can_update is not None and not can_update(rec):
                continue  # e.g. Slack by incoming webhook: it cannot thread, sends nothing
            out = await self._deliver(name, f"{alert.key}:update", send, alert)
            if out["status"] == "delivered":
                sent += 1
                m.EVENT_UPDATES.labels(name).inc()
            if target_done is not None:
                # delivered or given up to the dead-letter topic: either way not again
                await target_done(name)
        return sent

    async def _deliver(
        self,
        name: str,
        idem: str,
        send: Callable[[Target], Awaitable[Any]],
        alert: Alert | None,
        payload: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Send with retries; return the target's delivery record. Gives up to the DLQ."""
        target = self.targets.get(name)
        rec: dict[str, Any] = {"target": name, "attempts": 0, "last_error": None}
        if target is None:
            rec.update(status="error", last_error=f"unknown target {name!r}")
            m.DELIVERIES.labels(name, "error").inc()
            await self._dead_letter(alert, payload, name, rec, "unknown_target")
            return rec
        started = time.perf_counter()

        def transient(exc: BaseException) -> bool:
            return isinstance(exc, DeliveryError) and not exc.permanent

        def before_sleep(state: RetryCallState) -> None:
            m.DELIVERY_RETRIES.labels(name).inc()
            exc = state.outcome.exception() if state.outcome else None
            log.warning(
                "delivery of %s to %s failed (attempt %d): %s",
                idem,
                name,
                state.attempt_number,
                exc,
                extra={"target": name, "key": idem},
            )

        retrying = AsyncRetrying(
            stop=stop_after_attempt(self.delivery.max_attempts),
            # Exponential backoff plus up to one initial step of jitter, so workers retrying
            # the same endpoint after an outage do not stampede it in lockstep.
            wait=wait_exponential(
                multiplier=self.delivery.backoff_initial_s, max=self.delivery.backoff_max_s
            )
            + wait_random(0, self.delivery.backoff_initial_s),
            retry=retry_if_exception(transient),
            sleep=self.sleep,
            before_sleep=before_sleep,
            reraise=True,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    rec["attempts"] = attempt.retry_state.attempt_number
                    try:
                        result = await send(target)
                    except DeliveryError:
                        raise
                    except Exception as exc:  # a template or client bug: not worth retrying
                        raise DeliveryError(f"internal: {exc!r}", permanent=True) from exc
        except DeliveryError as exc:
            outcome = "error" if exc.permanent else "failed"
            rec.update(status=outcome, last_error=str(exc), failed_at=iso(self.clock()))
            m.DELIVERIES.labels(name, outcome).inc()
            await self._dead_letter(
                alert, payload, name, rec, "rejected" if exc.permanent else "gave_up"
            )
            return rec
        m.DELIVERIES.labels(name, "delivered").inc()
        m.DELIVERY_SECONDS.labels(name).observe(time.perf_counter() - started)
        self._maybe_crash("after_send")
        rec.update(status="delivered", delivered_at=iso(self.clock()))
        if isinstance(result, dict):
            rec.update(result)  # what the target wants remembered (a Slack thread's ts)
        log.info("delivered %s to %s", idem, name, extra={"target": name, "key": idem})
        return rec

    async def _dead_letter(
        self,
        alert: Alert | None,
        payload: dict[str, Any] | None,
        name: str,
        rec: dict[str, Any],
        reason: str,
    ) -> None:
        log.error("giving up delivery to %s: %s", name, rec.get("last_error"))
        if self.dead_letter is None:
            return
        body = {"alert": alert.to_dict() if alert else None, "digest": payload, **rec}
        await self.dead_letter(
            body,
            Reject("deliver", reason, str(rec.get("last_error")), source=name),
        )

    async def _record(self, alert: Alert, key_state: dict[str, Any] | None) -> None:
        """Write the per-target delivery record onto the alert's index document."""
        if self.record is None or not key_state:
            return
        records = [{"target": t, **r} for t, r in sorted(key_state.get("targets", {}).items())]
        try:
            await self.record(alert, records)
        except Exception as exc:  # the table has the truth; the document is a view of it
            log.warning("could not record delivery of %s: %s", alert.key, exc)

    def _maybe_crash(self, point: str) -> None:
        if self.crash_at == point:
            log.warning("test hook %s=%s: SIGKILL", CRASH_ENV, point)
            os.kill(os.getpid(), signal.SIGKILL)

    # -- expiry -----------------------------------------------------------------------------

    def sweep_plan(
        self,
        keys: Iterable[tuple[str, dict[str, Any] | None]],
        groups: Iterable[tuple[str, dict[str, Any] | None]],
    ) -> dict[str, list[str]]:
        """Expired key records and finished groups, by group (the timer sends each group a
        sweep through the deliver topic, so the deletes happen in the records' partition)."""
        return sweep_plan(keys, groups, self.clock(), self.key_window)

    async def handle_sweep(self, group: str, keys: Iterable[str], store: Store) -> int:
        """Delete the key records of ``keys`` that are still expired and the group's record
        if it is finished, checked again now: an alert may have arrived since the plan.
        Returns how many records went; idempotent."""
        now = self.clock()
        gone = 0
        for key in keys:
            ks = store.get_key(key)
            if ks is None or ks.get("group") != group or not expired(ks, now, self.key_window):
                continue
            if await store.delete_key(key):
                m.STATE_EXPIRED.labels("deliveries").inc()
                gone += 1
        if group_finished(store.get_group(group), now) and await store.delete_group(group):
            m.STATE_EXPIRED.labels("throttle").inc()
            gone += 1
        return gone

    # -- digests ----------------------------------------------------------------------------

    def due_groups(self, groups: Iterable[tuple[str, dict[str, Any] | None]]) -> list[str]:
        """Groups with a digest due now (the timer sends each a tick through the topic)."""
        now = self.clock()
        return [g for g, gs in groups if due_digests(gs, now, self.schedule).by_target]

    async def handle_tick(self, group: str, store: Store) -> int:
        """Send the digests due for ``group``; returns how many went out. Idempotent."""
        gs = store.get_group(group)
        due = due_digests(gs, self.clock(), self.schedule)
        sent = 0
        for name, items in sorted(due.by_target.items()):
            keys = {i["key"] for i in items}
            digest = self._digest(group, gs or {}, name, items, due.overflow)
            rec = await self._deliver(
                name, digest["id"], lambda t, d=digest: t.send_digest(d), None, digest
            )
            gs = drop_delivered(gs, name, keys)
            await store.put_group(group, gs, durable=True)
            if rec["status"] == "delivered":
                sent += 1
                m.DIGESTS.labels(name).inc()
        return sent

    def _digest(
        self,
        group: str,
        gs: dict[str, Any],
        target: str,
        items: list[dict[str, Any]],
        overflow: int,
    ) -> dict[str, Any]:
        from worker.sinks.render import country_name

        keys = "\x1f".join(sorted(i["key"] for i in items))
        digest_id = hashlib.sha256(f"{group}\x1f{target}\x1f{keys}".encode()).hexdigest()[:24]
        pair = gs.get("pair") or {}
        pair_text = (
            f"{country_name(pair['recipient'])} ← {country_name(pair['supplier'])}"
            if "recipient" in pair
            else ""
        )
        return {
            "id": f"digest:{digest_id}",
            "group": group,
            "target": target,
            "rule_id": gs.get("rule_id", group.split("|", 1)[0]),
            "rule_title": gs.get("rule_title", group.split("|", 1)[0]),
            "pair": pair_text,
            "since": min(i["matched_at"] for i in items),
            "until": iso(self.clock()),
            "items": [{k: v for k, v in i.items() if k != "targets"} for i in items],
            "overflow": overflow,
        }
