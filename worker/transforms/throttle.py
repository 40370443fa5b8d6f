"""Throttling and dedupe of alert notifications — a pure transform over plain-dict state.

Two scopes, both decided here and stored by the caller (Faust tables in the worker, dicts in
tests):

* **per alert key** (``key_state``): a key is notified at most once per ``key_window``. The
  record also says which targets already have it, so a worker that crashed half-way resumes the
  missing targets instead of notifying anyone twice.
* **per throttle group** (``group_state``; the group is the rule plus, for pair rules, the
  ordered country pair — "at most one Turkey ← Russia arms alert per 6 h"): the first alert of a
  window is sent, the followers are kept for a digest sent when the target's digest bucket
  (window end, hour, or day) closes.

Nothing here touches the network, Kafka or the clock: ``now`` is passed in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

from worker.model import Alert, iso, parse_iso

Action = Literal["send", "suppress", "digest"]

# A digest lists at most this many alerts and counts the rest; bounds the state per group.
DIGEST_MAX_ITEMS = 50

# Per-target statuses after which nothing more is sent for that key ("throttled" alerts go
# out through the group's digest, never on their own).
TERMINAL = frozenset({"delivered", "failed", "error", "throttled"})


@dataclass(frozen=True, slots=True)
class Decision:
    """What to do with one alert, and the states to store afterwards."""

    action: Action
    reason: str  # new | resume | duplicate | throttled | no_throttle
    targets: list[str]  # targets to deliver to now (empty unless action == "send")
    key_state: dict[str, Any] | None
    group_state: dict[str, Any] | None


def throttle_group(alert: Alert) -> str:
    """The throttle scope of an alert: its rule, and its ordered pair for pair rules."""
    if alert.pair and "recipient" in alert.pair:
        return f"{alert.rule_id}|{alert.pair['recipient']}<-{alert.pair['supplier']}"
    return f"{alert.rule_id}|-"


def digest_item(alert: Alert, targets: list[str]) -> dict[str, Any]:
    """What a digest keeps of a throttled alert (small: the state is rewritten per alert)."""
    return {
        "key": alert.key,
        "title": alert.title,
        "url": alert.url,
        "article_id": alert.article_id,
        "severity": alert.severity,
        "matched_at": iso(alert.matched_at),
        "targets": list(targets),
    }


def decide(
    alert: Alert,
    targets: list[str],
    key_state: Mapping[str, Any] | None,
    group_state: Mapping[str, Any] | None,
    now: datetime,
    *,
    window: timedelta | None,
    key_window: timedelta,
) -> Decision:
    """Send, suppress or keep for a digest.

    ``key_state`` is ``{"first_seen": iso, "targets": {name: {"status": ...}}}`` or None;
    ``group_state`` is ``{"window_start", "window_end", "pending": [...], "overflow": n}`` or
    None. Returned states are new dicts; the inputs are not modified."""
    ks = dict(key_state) if key_state else None
    if ks is not None:
        first = parse_iso(ks.get("first_seen"))
        if first is not None and now - first < key_window:
            statuses = ks.get("targets", {})
            todo = [t for t in targets if statuses.get(t, {}).get("status") not in TERMINAL]
            # Targets already written down as pending (this key was sent before a crash) are
            # resumed; a duplicate arriving later finds them all terminal and is suppressed.
            todo = [t for t in todo if t in statuses]
            if todo:
                return Decision("send", "resume", todo, ks, _copy(group_state))
            return Decision("suppress", "duplicate", [], ks, _copy(group_state))

    new_key = {
        "first_seen": iso(now),
        "group": throttle_group(alert),
        "targets": {t: {"status": "pending"} for t in targets},
    }
    if window is None:
        return Decision("send", "no_throttle", list(targets), new_key, _copy(group_state))

    gs = _copy(group_state) or {}
    end = parse_iso(gs.get("window_end"))
    if end is None or now >= end:
        gs.update(
            window_start=iso(now),
            window_end=iso(now + window),
            rule_id=alert.rule_id,
            rule_title=alert.rule_title,
            pair=alert.pair,
            first_key=alert.key,
        )
        gs.setdefault("pending", [])
        gs.setdefault("overflow", 0)
        return Decision("send", "new", list(targets), new_key, gs)

    if gs.get("first_key") == alert.key:
        # This key opened the window, but its own record was lost (a crash before it reached
        # the changelog): it is the window's alert, not a follower — send it.
        return Decision("send", "resume", list(targets), new_key, gs)

    # Inside the window: remember the key (so a re-delivery is a duplicate, not a second digest
    # line) and keep a summary for the digest.
    new_key["targets"] = {t: {"status": "throttled"} for t in targets}
    pending = list(gs.get("pending", []))
    if len(pending) < DIGEST_MAX_ITEMS:
        pending.append(digest_item(alert, targets))
    else:
        gs["overflow"] = int(gs.get("overflow", 0)) + 1
    gs["pending"] = pending
    return Decision("digest", "throttled", [], new_key, gs)


def bucket_end(schedule: str, oldest: datetime, window_end: datetime | None) -> datetime:
    """When the digest bucket holding an alert from ``oldest`` closes."""
    if schedule == "hourly":
        return oldest.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    if schedule == "daily":
        return oldest.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    return window_end or oldest


@dataclass(slots=True)
class DueDigests:
    """Digests to send now: target → items (plus the overflow count), and the new state."""

    by_target: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    overflow: int = 0
    group_state: dict[str, Any] | None = None


def due_digests(
    group_state: Mapping[str, Any] | None,
    now: datetime,
    schedule: Callable[[str], str],
) -> DueDigests:
    """Digests whose bucket has closed, per target (``schedule(target)`` is ``window``,
    ``hourly`` or ``daily``). Items leave the state once every target had them."""
    gs = _copy(group_state)
    if not gs or not gs.get("pending"):
        return DueDigests(group_state=gs)
    window_end = parse_iso(gs.get("window_end"))
    oldest: dict[str, datetime] = {}
    for item in gs["pending"]:
        at = parse_iso(item["matched_at"]) or now
        for t in item["targets"]:
            oldest[t] = min(oldest.get(t, at), at)
    due = {t for t, at in oldest.items() if now >= bucket_end(schedule(t), at, window_end)}
    out = DueDigests(group_state=gs)
    if not due:
        return out
    kept = []
    for item in gs["pending"]:
        for t in item["targets"]:
            if t in due:
                out.by_target.setdefault(t, []).append(item)
        rest = [t for t in item["targets"] if t not in due]
        if rest:
            kept.append({**item, "targets": rest})
    gs["pending"] = kept
    if not kept:
        out.overflow, gs["overflow"] = int(gs.get("overflow", 0)), 0
    return out


def drop_delivered(
    group_state: Mapping[str, Any] | None, target: str, keys: set[str]
) -> dict[str, Any] | None:
    """The group state once ``target``'s digest of ``keys`` went out (the other targets keep
    their items until their own bucket closes)."""
    gs = _copy(group_state)
    if not gs:
        return gs
    kept = []
    for item in gs.get("pending", []):
        rest = [t for t in item["targets"] if not (t == target and item["key"] in keys)]
        if rest:
            kept.append({**item, "targets": rest})
    gs["pending"] = kept
    if not kept:
        gs["overflow"] = 0
    return gs


def mark_target(
    key_state: Mapping[str, Any], target: str, record: Mapping[str, Any]
) -> dict[str, Any]:
    """The key state with ``target``'s delivery record replaced."""
    ks = dict(key_state)
    ks["targets"] = {**ks.get("targets", {}), target: dict(record)}
    return ks


def expired(key_state: Mapping[str, Any] | None, now: datetime, key_window: timedelta) -> bool:
    """True when a key record is older than the dedupe window (safe to delete)."""
    first = parse_iso((key_state or {}).get("first_seen"))
    return first is None or now - first >= key_window


def group_finished(group_state: Mapping[str, Any] | None, now: datetime) -> bool:
    """True when a group record holds nothing still needed: no digest item waiting, and its
    window over (or never opened). Deleting it changes no decision: :func:`decide` opens a
    new window for a group without a record, as it does for one whose window has ended."""
    if not group_state:
        return True
    if group_state.get("pending"):
        return False
    end = parse_iso(group_state.get("window_end"))
    return end is None or now >= end


def sweep_plan(
    keys: Iterable[tuple[str, Mapping[str, Any] | None]],
    groups: Iterable[tuple[str, Mapping[str, Any] | None]],
    now: datetime,
    key_window: timedelta,
) -> dict[str, list[str]]:
    """What may be forgotten, by throttle group: ``{group: [expired alert keys]}``, with an
    entry (maybe an empty list) for every finished group too. By group because both records
    live in the partition of the group's deliver-topic messages, where they must be deleted.
    A key record without its group (none are written without) is left alone."""
    plan: dict[str, list[str]] = {}
    for key, ks in keys:
        group = (ks or {}).get("group")
        if isinstance(group, str) and expired(ks, now, key_window):
            plan.setdefault(group, []).append(key)
    for group, gs in groups:
        if group_finished(gs, now):
            plan.setdefault(group, [])
    return plan


def _copy(state: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if state is None:
        return None
    out = dict(state)
    if "pending" in out:
        out["pending"] = [dict(i) for i in out["pending"]]
    return out
