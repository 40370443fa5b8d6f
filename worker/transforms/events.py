"""Events, not articles: group the alerts that report one real-world event (pure transform).

Ten outlets writing their own story about one S-400 delivery are ten stories (dedupe links only
copies), but one event for an analyst. This decides, for each alert, which event it belongs to
and what that means for the people watching:

* ``new``: the first report of an event. It raises the alert, as before.
* ``status``: a pair event's transfer status moved forward (talks → agreed/ordered →
  delivered, or → cancelled/blocked). A **new** alert, linked to the event by ``event_id`` and
  carrying ``previous_status``.
* ``update``: another report of a known event. It updates the event (outlets, article ids,
  first/last seen, count); targets decide with :func:`update_due` whether it is worth a message.
* ``duplicate``: the same article again (a re-delivery). Nothing changes, except that the
  re-delivery of an update whose messages were never confirmed sent resumes them
  (``resume_update``; see :data:`PENDING_UPDATE`).

Which alerts share an event (the *identity*):

* pair rules: the rule, the recipient, the supplier and the weapon system (a report that names
  no weapon joins the pair's only open event, if there is exactly one);
* other rules: the rule and the story (the alert key, which dedupe already makes the same for
  every copy of a story).

An event stays open while reports keep coming: a report within ``window`` of the event's
first-to-last span joins it; after a quiet ``window`` the same identity opens a new event. The
event id hashes the identity and the event's first report time (why: docs/rules.md, "Events").

State is one plain dict per :func:`state_key` (a Faust table in the worker, a dict in the
backtest and tests). Nothing here touches the network, Kafka or the clock.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, Literal
from urllib.parse import urlsplit

from worker.model import Alert, iso, parse_iso

Kind = Literal["new", "status", "update", "duplicate"]

# How far a transfer has gone. "agreed" and "ordered" are one stage for an analyst (the deal is
# made: outlets say "agreed to buy" or "signed a contract for" of the same signing, and the
# events bench split every such event into two alerts when they ranked apart).
# cancelled/blocked end a deal from any stage, so they rank above delivered: a cancellation
# after "agreed" is news; "talks" after "agreed" is background.
STATUS_RANK: dict[str, int] = {
    "talks": 0,
    "agreed": 1,
    "ordered": 1,
    "delivered": 2,
    "cancelled": 3,
    "blocked": 3,
}

# Per event, article ids kept for idempotence (a re-delivered article must not count twice)
# and for the alert document; beyond it the count still grows. Bounds the state per event.
MAX_ARTICLE_IDS = 1000
MAX_OUTLETS = 200

NO_WEAPON = "-"

# The update a report made, kept on its event until the deliver stage has handed it to every
# target (:func:`clear_pending_update`), with the targets already done (``done``,
# :func:`pending_target_done`). Why: the event state is stored durably *before* anything is
# sent, so that a replayed report finds its event instead of opening a second one; a worker that
# stops between that write and the update's messages would otherwise see the replayed report as
# a plain duplicate and never send the update, and one that stops between two targets would
# send it again to a target (a Slack thread) that has no key to drop the repeat.
PENDING_UPDATE = "pending_update"


@dataclass(frozen=True, slots=True)
class EventDecision:
    """What one alert means for its event, and the state to store under ``state_key``."""

    kind: Kind
    # The alert with its event fields set. Its key: for new and status alerts, the report's own
    # alert key; for updates and duplicates, the key of the event's current alert (the document
    # the update refreshes and the delivery record a Slack thread hangs on).
    alert: Alert
    event: dict[str, Any]  # the event after this report (see :func:`event_summary`)
    previous_count: int  # the event's report count before this one
    status_changed: bool  # the event's status was set or moved forward by this report
    state: dict[str, Any]  # everything to store under state_key(alert)
    record: dict[str, Any]  # the event's full record (its alert's key, kind and index time)
    # a duplicate that is the re-delivery of an update never confirmed sent: send it now
    # (previous_count and status_changed are the update's own)
    resume_update: bool = False

    @property
    def sends_update(self) -> bool:
        """Whether the targets' update path runs for this report: a later report of the event,
        or the replay of one whose update was interrupted."""
        return self.kind == "update" or self.resume_update

    @property
    def targets_done(self) -> tuple[str, ...]:
        """Targets that already had this update (from before an interruption)."""
        return tuple((self.record.get(PENDING_UPDATE) or {}).get("done") or ())


def state_key(alert: Alert) -> str:
    """Where an alert's event state lives. Pair rules: the rule and ordered pair (the throttle
    group, so the state sits on the partition that delivers the alert); other rules: the rule
    and the story."""
    if alert.pair and "recipient" in alert.pair:
        return f"{alert.rule_id}|{alert.pair['recipient']}<-{alert.pair['supplier']}"
    return f"{alert.rule_id}|story:{alert.key}"


def slot(alert: Alert) -> str:
    """The event identity within a state key: the weapon system for pair rules."""
    if alert.pair and "recipient" in alert.pair:
        return str(alert.pair.get("weapon") or NO_WEAPON)
    return "story"


def event_time(alert: Alert) -> datetime:
    """When the event was reported: the article's publication time, else the match time.
    A publication time later than the match (a clock error at the source) is not believed."""
    if alert.published_at is not None and alert.published_at <= alert.matched_at:
        return alert.published_at
    return alert.matched_at


def outlet(alert: Alert) -> str:
    """The outlet that published the report: the URL's domain (without ``www.``), else the
    source name."""
    if alert.url:
        host = (urlsplit(alert.url).hostname or "").lower()
        if host:
            return host.removeprefix("www.")
    return (alert.source or "unknown").strip() or "unknown"


def event_id(identity: str, first_seen: datetime) -> str:
    """Stable id: the same identity opened by a report at the same time gives the same id in the
    stream, in a replay and in a backtest."""
    digest = hashlib.sha256(f"{identity}\x1f{iso(first_seen)}".encode()).hexdigest()[:20]
    return f"ev-{digest}"


def is_forward(previous: str | None, new: str | None) -> bool:
    """True when ``new`` is a later stage of a transfer than ``previous``."""
    if new is None or new not in STATUS_RANK:
        return False
    if previous is None or previous not in STATUS_RANK:
        return True
    return STATUS_RANK[new] > STATUS_RANK[previous]


def _open(ev: Mapping[str, Any], at: datetime, window: timedelta) -> bool:
    first = parse_iso(ev.get("first_seen"))
    last = parse_iso(ev.get("last_seen"))
    if first is None or last is None:
        return False
    return first - window <= at <= last + window


def _find(
    events: Mapping[str, Mapping[str, Any]], alert: Alert, at: datetime, window: timedelta
) -> str | None:
    """The slot of the open event this alert joins, or None for a new event."""
    own = slot(alert)
    if own in events and _open(events[own], at, window):
        return own
    if own == NO_WEAPON:
        # A report that names no weapon: the pair's only open event is the one it reports.
        open_slots = [s for s, ev in events.items() if _open(ev, at, window)]
        if len(open_slots) == 1:
            return open_slots[0]
    return None


def assign(
    alert: Alert,
    state: Mapping[str, Any] | None,
    *,
    window: timedelta,
) -> EventDecision:
    """Place ``alert`` in its event. ``state`` is what :func:`state_key` holds (or None); the
    returned ``state`` replaces it. The inputs are not modified."""
    events: dict[str, dict[str, Any]] = {
        s: dict(ev) for s, ev in ((state or {}).get("events") or {}).items()
    }
    at = event_time(alert)
    status = (alert.pair or {}).get("status")
    found = _find(events, alert, at, window)

    if found is None:
        own = slot(alert)
        identity = f"{state_key(alert)}|{own}"
        ev_id = event_id(identity, at)
        ev = {
            "id": ev_id,
            "rule_id": alert.rule_id,
            "identity": identity,
            # The event's alert is the first report's alert, under its own key (rule + story +
            # pair): the same document and delivery record as before events existed.
            "alert_key": alert.key,
            "alert_kind": "new",
            "alert_previous": None,
            "alert_month": alert.document_month(),  # its document's index
            "status": status,
            "statuses": [{"status": status, "at": iso(at), "article_id": alert.article_id}],
            "first_seen": iso(at),
            "last_seen": iso(at),
            "count": 1,
            "outlets": [outlet(alert)],
            "article_ids": [alert.article_id],
            "pair": dict(alert.pair) if alert.pair else None,
            "title": alert.title,
        }
        events[own] = ev
        return _decision("new", alert, ev, events, 0, status is not None, None)

    ev = events[found]
    before = int(ev.get("count", 0))
    if alert.article_id in ev.get("article_ids", []):
        pending = ev.get(PENDING_UPDATE) or {}
        if pending.get("article_id") == alert.article_id:
            d = _decision(
                "duplicate",
                alert,
                ev,
                events,
                int(pending.get("previous_count", before)),
                bool(pending.get("status_changed")),
                ev.get("status"),
            )
            return replace(d, resume_update=True)
        return _decision("duplicate", alert, ev, events, before, False, ev.get("status"))

    ev["count"] = before + 1
    first, last = parse_iso(ev["first_seen"]), parse_iso(ev["last_seen"])
    ev["first_seen"] = iso(min(first, at)) if first else iso(at)
    ev["last_seen"] = iso(max(last, at)) if last else iso(at)
    ev["article_ids"] = [*ev.get("article_ids", []), alert.article_id][-MAX_ARTICLE_IDS:]
    name = outlet(alert)
    if name not in ev.get("outlets", []) and len(ev.get("outlets", [])) < MAX_OUTLETS:
        ev["outlets"] = [*ev.get("outlets", []), name]
    previous = ev.get("status")
    changed = is_forward(previous, status)
    if changed:
        ev["status"] = status
        ev["statuses"] = [
            *ev.get("statuses", []),
            {"status": status, "at": iso(at), "article_id": alert.article_id},
        ]
        if previous is not None:
            # A known stage moved forward: a new alert, linked to the event.
            ev["alert_key"] = alert.key
            ev["alert_kind"], ev["alert_previous"] = "status", previous
            ev["alert_month"] = alert.document_month()
            ev.pop(PENDING_UPDATE, None)
            return _decision("status", alert, ev, events, before, True, previous)
    # Replaces any earlier pending update: that one was resumed by its own replay, which comes
    # before this report in the partition, or its report was dead-lettered (docs/rules.md).
    ev[PENDING_UPDATE] = {
        "article_id": alert.article_id,
        "previous_count": before,
        "status_changed": changed,
        "done": [],
    }
    return _decision("update", alert, ev, events, before, changed, previous)


def clear_pending_update(state: Mapping[str, Any], event_id: str) -> dict[str, Any] | None:
    """The state without the event's pending update (every target had it), or None when there
    is nothing to clear."""
    return _with_pending(state, event_id, lambda pending: None)


def pending_target_done(state: Mapping[str, Any], event_id: str, target: str) -> dict[str, Any]:
    """The state with ``target`` recorded as done for the event's pending update (unchanged if
    there is none)."""

    def add(pending: dict[str, Any]) -> dict[str, Any]:
        done = list(pending.get("done") or [])
        return {**pending, "done": done if target in done else [*done, target]}

    return _with_pending(state, event_id, add) or dict(state)


def _with_pending(state: Mapping[str, Any], event_id: str, change: Any) -> dict[str, Any] | None:
    events = dict((state or {}).get("events") or {})
    for s, ev in events.items():
        if ev.get("id") == event_id and ev.get(PENDING_UPDATE):
            rest = {k: v for k, v in ev.items() if k != PENDING_UPDATE}
            pending = change(dict(ev[PENDING_UPDATE]))
            events[s] = rest if pending is None else {**rest, PENDING_UPDATE: pending}
            return {**state, "events": events}
    return None


def _decision(
    kind: Kind,
    alert: Alert,
    ev: dict[str, Any],
    events: dict[str, dict[str, Any]],
    before: int,
    status_changed: bool,
    previous: str | None,
) -> EventDecision:
    summary = event_summary(ev)
    pair = dict(alert.pair) if alert.pair else None
    if pair is not None and ev.get("status"):
        pair["status"] = ev["status"]
    linked = replace(
        alert,
        key=ev["alert_key"],
        pair=pair,
        event_id=ev["id"],
        event_kind=kind,
        previous_status=previous if kind == "status" else None,
        event=summary,
    )
    return EventDecision(
        kind, linked, summary, before, status_changed, {"events": events}, dict(ev)
    )


def event_summary(ev: Mapping[str, Any]) -> dict[str, Any]:
    """What the alert document and the targets see of an event."""
    return {
        "id": ev["id"],
        "status": ev.get("status"),
        "count": int(ev.get("count", 0)),
        "outlets": list(ev.get("outlets", [])),
        "outlet_count": len(ev.get("outlets", [])),
        "article_ids": list(ev.get("article_ids", [])),
        "first_seen": ev.get("first_seen"),
        "last_seen": ev.get("last_seen"),
        "statuses": [dict(s) for s in ev.get("statuses", [])],
    }


def alert_fields(ev: Mapping[str, Any]) -> dict[str, Any]:
    """The event fields of the event's current alert document (a partial update)."""
    return {
        "event_id": ev["id"],
        "event_kind": ev.get("alert_kind", "new"),
        "previous_status": ev.get("alert_previous"),
        "event": event_summary(ev),
    }


def update_due(decision: EventDecision, update_at: Iterable[int]) -> bool:
    """Whether an email/webhook target that wants updates at report counts ``update_at``
    (e.g. ``[3, 10]``) gets one for this decision: on a status change, or when the count
    crosses one of its thresholds. New and status alerts are alerts, not updates."""
    if not decision.sends_update:
        return False
    if decision.status_changed:
        return True
    after = int(decision.event["count"])
    return any(decision.previous_count < t <= after for t in update_at)


def followup_text(event: Mapping[str, Any]) -> str:
    """The threaded Slack follow-up for an update."""
    n = int(event.get("outlet_count") or len(event.get("outlets", [])))
    noun = "outlet" if n == 1 else "outlets"
    text = f"now reported by {n} {noun}"
    if event.get("status"):
        text += f"; status: {event['status']}"
    return text


def prune(state: Mapping[str, Any] | None, now: datetime, window: timedelta) -> dict[str, Any]:
    """The state without events quiet for longer than ``window`` (they cannot be joined any
    more: a later report opens a new event)."""
    events = (state or {}).get("events") or {}
    kept = {
        s: ev
        for s, ev in events.items()
        if (last := parse_iso(ev.get("last_seen"))) is not None and now - last <= window
    }
    return {"events": kept}


# A quiet event state is deleted only after twice the window, counted both in article time (the
# events' last reports) and in wall-clock time since the state was last written (``touched_at``,
# stored by the deliver stage): a backfill of old reports writes states whose article times are
# long past, and the next report of the same backfill must still find its event.
EXPIRY_WINDOWS = 2


def quiet(state: Mapping[str, Any] | None, now: datetime, window: timedelta) -> bool:
    """True when no event of an event state was reported within ``EXPIRY_WINDOWS × window``
    of ``now`` and the state was not written within that long either: no later report can
    join them, so the state can go. Rate-rule states (no ``events``) keep their own lookback
    and are never quiet here. A state from a release that did not store ``touched_at`` is
    judged by its reports alone."""
    if not state or "events" not in state:
        return False
    limit = now - EXPIRY_WINDOWS * window
    touched = parse_iso(state.get("touched_at"))
    if touched is not None and touched > limit:
        return False
    for ev in (state.get("events") or {}).values():
        last = parse_iso(ev.get("last_seen"))
        if last is None or last > limit:
            return False
    return True


def state_group(key: str, state: Mapping[str, Any] | None = None) -> str:
    """The throttle group (the deliver topic's message key, hence the partition) of an event
    state: stored with it, else derived from its key as :func:`state_key` built it (a pair
    rule's key is its group; a story's is ``rule|-``); rule ids cannot contain ``|``."""
    if state and state.get("group"):
        return str(state["group"])
    rule, sep, _story = key.partition("|story:")
    return f"{rule}|-" if sep else key


def expiry_plan(
    items: Iterable[tuple[str, Mapping[str, Any] | None]], now: datetime, window: timedelta
) -> dict[str, list[str]]:
    """Quiet event states by the group whose partition holds them, so the sweep can ask that
    partition's owner to delete them."""
    plan: dict[str, list[str]] = {}
    for key, state in items:
        if quiet(state, now, window):
            plan.setdefault(state_group(key, state), []).append(key)
    return plan
