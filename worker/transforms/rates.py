"""Rate rules: alerts about how often a rule matches, not about one article (pure).

A rule with ``rate:`` matches articles as any rule does; its matches are then counted per key
(the rule, a country, the pair, a weapon, an organisation, the source) and alert only when:

* ``spike``: the matches in the last ``window`` are at least ``factor`` × what the key usually
  has in a window (its average over ``baseline``) and at least ``min_count`` (EMM's breaking
  news). Decided on each match, so the alert leaves with the match that crosses the threshold;
  then quiet for one ``window``.
* ``first_seen``: the key has not been seen for ``lookback`` (or ever): "first report of
  Serbia buying from China in 90 days".
* ``flatline``: the key (typically a source) had matches before and none for ``window``:
  decided by a timer (:func:`flatline_due`), once per silence.

State is one small dict per (rule, key) (:func:`rate_key`); the baseline is kept as a count
and the span it covers, scaled down to ``baseline`` as time passes, so the state stays O(1)
per key whatever the traffic. Nothing here touches Kafka or the clock.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from worker.model import Alert, Evidence, iso, parse_iso

BUCKETS = 10  # the current window is counted in this many buckets (sliding to 1/10 window)


@dataclass(frozen=True, slots=True)
class RateSpec:
    """A rule's ``rate:`` block."""

    kind: str  # spike | first_seen | flatline
    key: str = "rule"  # rule | country | pair | weapon | organization | source
    window: timedelta = timedelta(hours=1)
    baseline: timedelta = timedelta(days=7)
    factor: float = 5.0
    min_count: int = 5
    lookback: timedelta = timedelta(days=90)


@dataclass(frozen=True, slots=True)
class RateDecision:
    """The new state, and the alert to raise (None: nothing to say)."""

    state: dict[str, Any]
    alert: Alert | None


def key_values(alert: Alert, key: str) -> list[str]:
    """The values of ``key`` in one match (an article naming three countries counts for each)."""
    if key == "rule":
        return ["*"]
    if key == "pair":
        p = alert.pair or {}
        return [f"{p['recipient']}<-{p['supplier']}"] if "recipient" in p else []
    if key == "country":
        return list(dict.fromkeys(alert.countries))
    if key == "source":
        return [alert.source] if alert.source else []
    return list(alert.entities.get(key, []))


def rate_key(rule_id: str, value: str) -> str:
    return f"rate|{rule_id}|{value}"


def _floor(t: datetime, step: timedelta) -> datetime:
    epoch = datetime(1970, 1, 1, tzinfo=t.tzinfo)
    return t - ((t - epoch) % step)


def observe_spike(
    spec: RateSpec, state: Mapping[str, Any] | None, at: datetime
) -> tuple[dict[str, Any], int, float | None]:
    """Count one match at ``at``: the new state, the count in the current window, and the
    usual count per window (None until a full window of history precedes it)."""
    st = dict(state or {})
    buckets: dict[str, int] = dict(st.get("buckets") or {})
    base_count = float(st.get("base_count", 0.0))
    base_span = float(st.get("base_span_s", 0.0))
    step = spec.window / BUCKETS
    # The window is the buckets from ``cut`` on; older buckets join the baseline, which
    # covers the time from the key's first match up to ``cut``.
    # The window ends at the latest match seen, not at this one: a match arriving late (its
    # article published earlier) must not drag the window back over the baseline.
    latest = max(parse_iso(st.get("latest")) or at, at)
    cut = _floor(latest - spec.window, step)
    base_until = parse_iso(st.get("base_until")) or _floor(at, step)
    for b in [b for b in buckets if (parse_iso(b) or at) < cut]:
        base_count += buckets.pop(b)
    if cut > base_until:
        base_span += (cut - base_until).total_seconds()
        base_until = cut
    limit = spec.baseline.total_seconds()
    if base_span > limit:  # keep the average over the last ``baseline``, not since the start
        base_count *= limit / base_span
        base_span = limit
    if _floor(at, step) < cut:
        base_count += 1  # a late match from before the window belongs to the baseline
    else:
        b = iso(_floor(at, step))
        assert b is not None
        buckets[b] = buckets.get(b, 0) + 1
    count = sum(buckets.values())
    win = spec.window.total_seconds()
    usual = base_count * win / base_span if base_span >= win else None
    st.update(
        latest=iso(latest),
        buckets=buckets,
        base_count=round(base_count, 6),
        base_span_s=base_span,
        base_until=iso(base_until),
    )
    return st, count, usual


def evaluate(
    rule_title: str,
    spec: RateSpec,
    value: str,
    match: Alert,
    state: Mapping[str, Any] | None,
    at: datetime,
) -> RateDecision:
    """One match of a spike or first_seen rule for one key value."""
    if spec.kind == "spike":
        st, count, usual = observe_spike(spec, state, at)
        fired = parse_iso(st.get("fired_at"))
        quiet = fired is None or at - fired >= spec.window
        if (
            usual is not None
            and count >= spec.min_count
            and count >= spec.factor * max(usual, 1.0 / BUCKETS)
            and quiet
        ):
            st["fired_at"] = iso(at)
            ratio = count / usual if usual else float("inf")
            text = (
                f"{count} matches in {_span(spec.window)} for {value}: "
                f"{ratio:.1f}x the usual {usual:.1f} per {_span(spec.window)} "
                f"(average over {_span(spec.baseline)})"
            )
            return RateDecision(st, rate_alert(match, rule_title, spec, value, at, text))
        return RateDecision(st, None)
    if spec.kind == "first_seen":
        st = dict(state or {})
        last = parse_iso(st.get("last_seen"))
        st["last_seen"] = iso(max(last, at) if last else at)
        if last is None or at - last > spec.lookback:
            since = "ever" if last is None else f"since {iso(last)}"
            text = f"first match for {value} in {_span(spec.lookback)} (last: {since})"
            return RateDecision(st, rate_alert(match, rule_title, spec, value, at, text))
        return RateDecision(st, None)
    # flatline: a match only says the key is alive
    st = dict(state or {})
    last = parse_iso(st.get("last_seen"))
    st.update(last_seen=iso(max(last, at) if last else at), alerted=False, value=value)
    st.setdefault("rule_title", rule_title)
    return RateDecision(st, None)


def flatline_due(
    rule_id: str, spec: RateSpec, state: Mapping[str, Any] | None, now: datetime
) -> RateDecision | None:
    """A flatline alert when the key has been silent for ``window`` (once per silence)."""
    if not state or state.get("alerted"):
        return None
    last = parse_iso(state.get("last_seen"))
    if last is None or now - last < spec.window:
        return None
    value = str(state.get("value", "*"))
    text = f"no match for {value} for {_span(now - last)} (last at {iso(last)})"
    title = str(state.get("rule_title", rule_id))
    alert = Alert(
        key=_key(rule_id, spec.kind, value, last),
        rule_id=rule_id,
        rule_title=title,
        article_id="-",
        title=f"{title}: {text}",
        url=None,
        severity="medium",
        countries=[],
        evidence=[Evidence(text, "title", 0, 0, text, -1)],
        matched_at=now,
        source=value if spec.key == "source" else None,
    )
    return RateDecision({**state, "alerted": True}, alert)


def rate_alert(
    match: Alert, rule_title: str, spec: RateSpec, value: str, at: datetime, text: str
) -> Alert:
    """The alert a rate rule raises: the match that tipped it, with the counts in evidence."""
    return Alert(
        key=_key(match.rule_id, spec.kind, value, at),
        rule_id=match.rule_id,
        rule_title=rule_title,
        article_id=match.article_id,
        title=f"{rule_title}: {text}",
        url=match.url,
        severity=match.severity,
        countries=match.countries,
        evidence=[Evidence(text, "title", 0, 0, text, -1), *match.evidence[:3]],
        matched_at=match.matched_at,
        pair=match.pair,
        entities=match.entities,
        targets=match.targets,
        published_at=match.published_at,
        source=match.source,
    )


def _key(rule_id: str, kind: str, value: str, at: datetime) -> str:
    digest = hashlib.sha256(f"{rule_id}\x1f{kind}\x1f{value}\x1f{iso(at)}".encode()).hexdigest()
    return f"{rule_id}:{kind}:{digest[:20]}"


def _span(d: timedelta) -> str:
    s = int(d.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if s >= size and s % size == 0:
            return f"{s // size}{unit}"
    if s >= 3600:
        return f"{s / 3600:.1f}h"
    return f"{s}s"
