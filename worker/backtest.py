"""Backtest: what a rule pack would have alerted on, over articles already indexed.

``newswatch rules backtest DIR --since 30d`` reads the articles back from the index (oldest
first; only those either pack can match, picked by the engine: worker/backtest_filter.py),
takes each one's stored reading or tags it again (worker/readings.py), matches it against the
candidate pack and the active pack (:class:`Replay`), and groups both packs' alerts into events
exactly as the stream does (worker/transforms/events.py). Per
rule it counts matching articles, the alerts people would have received (an event's first
report and its status changes) per day, and the events; then compares the candidate's alerts
with the active pack's by alert key ("+12 alerts, −3").

This module is the pure part: :class:`Tally` takes alerts in time order; reading the index and
the progress bar are the CLI's (worker/cli/rules.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from worker.model import Alert, Article, parse_iso, utcnow
from worker.transforms.events import assign, event_time, state_key
from worker.transforms.rates import evaluate, key_values, rate_key


@dataclass
class RuleTally:
    matches: int = 0  # articles the rule matched
    alerts: int = 0  # what would have been sent: new events and status changes
    updates: int = 0  # later reports of known events
    per_day: Counter[str] = field(default_factory=Counter)  # day → alerts
    events: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)  # alert keys of the alerts sent


class Tally:
    """One pack's alerts, grouped into events as the stream would. ``rate_of(rule_id)`` gives
    a rule's rate spec (None for ordinary rules): a rate rule's matches are counted as the
    stream counts them, and only its spikes and first sightings are alerts (flatlines need
    the stream's timer and are not replayed)."""

    def __init__(self, window: timedelta, rate_of: Callable[[str], Any] = lambda rule_id: None):
        self.window = window
        self.rate_of = rate_of
        self.states: dict[str, dict[str, Any]] = {}
        self.rules: dict[str, RuleTally] = {}

    def add(self, alerts: Iterable[Alert]) -> None:
        for alert in alerts:
            t = self.rules.setdefault(alert.rule_id, RuleTally())
            spec = self.rate_of(alert.rule_id)
            if spec is not None:
                self._rate(t, spec, alert)
                continue
            key = state_key(alert)
            d = assign(alert, self.states.get(key), window=self.window)
            self.states[key] = d.state
            if d.kind == "duplicate":
                continue
            t.matches += 1
            t.events.add(d.alert.event_id or "")
            if d.kind in ("new", "status"):
                t.alerts += 1
                t.keys.add(d.alert.key)
                t.per_day[f"{alert.matched_at.astimezone(UTC):%Y-%m-%d}"] += 1
            else:
                t.updates += 1

    def _rate(self, t: RuleTally, spec: Any, match: Alert) -> None:
        t.matches += 1
        for value in key_values(match, spec.key):
            rk = rate_key(match.rule_id, value)
            d = evaluate(
                match.rule_title, spec, value, match, self.states.get(rk), event_time(match)
            )
            self.states[rk] = d.state
            if d.alert is not None:
                t.alerts += 1
                t.keys.add(d.alert.key)
                t.events.add(d.alert.key)
                t.per_day[f"{match.matched_at.astimezone(UTC):%Y-%m-%d}"] += 1


def article_of(doc: dict[str, Any]) -> tuple[Article, datetime]:
    """The article an index document holds, and the time the stream would have matched it (its
    publication, else fetch, time)."""
    art = Article.from_dict(doc)
    when = art.published_at or art.fetched_at or parse_iso(doc.get("@timestamp")) or utcnow()
    return art, when


# Index document fields a backtest does not read (for filters and dashboards, or the words
# the engine filtered on): not sent back, which makes the scroll lighter.
NOT_READ = (
    "reading.words",
    "reading.features",
    "entities",
    "rules",
    "alert_keys",
    "pairs",
    "story_id",
    "is_duplicate",
)


class Replay:
    """What one index document gives each pack: the alerts matching would have raised.

    The article's stored reading (worker/readings.py) is used when it is of this version, so
    neither tagging nor the role reader runs again for it; a pack identical to the active one
    (the common "did anything change" run) is matched once; alerts are built without their
    evidence, which a backtest never shows. The alerts' keys, events, pairs and entities are
    those matching the text gives (tests/test_backtest_reuse.py)."""

    def __init__(self, candidate: Any, active: Any, reuse: Any, candidate_reuse: Any = None):
        """``reuse``: the active pack's reader; ``candidate_reuse``: the candidate's, when the
        candidate pack brings another extension gazetteer (``entities.yaml``) and so tags
        differently (None: the candidate tags as the active pack does)."""
        self.candidate = candidate
        self.active = active
        self.reuse = reuse
        if candidate_reuse is not None and candidate_reuse.tagging == reuse.tagging:
            candidate_reuse = None
        self.candidate_reuse = candidate_reuse or reuse
        self.same = candidate_reuse is None and candidate.to_records() == active.to_records()

    def where(self) -> dict[str, Any] | None:
        """The engine query selecting the documents that can give either pack an alert
        (worker/backtest_filter.py), or None when any can."""
        from worker.backtest_filter import candidates_query

        if not self.reuse.enabled or not self.candidate_reuse.enabled:
            return None
        cand = [r.node for r in self.candidate.active]
        act = [r.node for r in self.active.active]
        if self.candidate_reuse is self.reuse:
            return candidates_query(cand + act, self.reuse.tagging)
        # Each pack's documents by its own reader: no stored reading is of the candidate's
        # version unless a worker runs with its gazetteer, so its side selects every document
        # whose reading is of another version.
        queries = [
            candidates_query(cand, self.candidate_reuse.tagging),
            candidates_query(act, self.reuse.tagging),
        ]
        if any(q is None for q in queries):
            return None
        return {"bool": {"should": queries, "minimum_should_match": 1}}

    def alerts(self, doc: dict[str, Any]) -> tuple[list[Alert], list[Alert]]:
        """(candidate's alerts, active pack's alerts) for one index document."""
        art, when = article_of(doc)
        tagged, stored = self.reuse.read(doc, art)
        if self.candidate_reuse is self.reuse:
            cand_tagged, cand_stored = tagged, stored
        else:
            cand_tagged, cand_stored = self.candidate_reuse.read(doc, art)
        cand = self.candidate.match(
            cand_tagged,
            now=when,
            pairs=self.candidate_reuse.pairs(cand_stored, self.candidate.relations),
            evidence=False,
        )
        if self.same:
            return cand, cand  # Tally does not modify alerts: sharing them is safe
        act = self.active.match(
            tagged, now=when, pairs=self.reuse.pairs(stored, self.active.relations), evidence=False
        )
        return cand, act


@dataclass(frozen=True)
class RuleRow:
    rule_id: str
    matches: int
    alerts: int
    updates: int
    events: int
    per_day: dict[str, int]
    added: int  # alerts the candidate raises that the active pack does not
    removed: int  # alerts the active pack raises that the candidate does not

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "matches": self.matches,
            "alerts": self.alerts,
            "updates": self.updates,
            "events": self.events,
            "per_day": dict(sorted(self.per_day.items())),
            "vs_active": {"added": self.added, "removed": self.removed},
        }


def compare(candidate: Tally, active: Tally) -> list[RuleRow]:
    """One row per rule of either pack (a rule only in the active pack shows what removing it
    loses), in rule id order."""
    rows = []
    for rule_id in sorted(set(candidate.rules) | set(active.rules)):
        c = candidate.rules.get(rule_id, RuleTally())
        a = active.rules.get(rule_id, RuleTally())
        rows.append(
            RuleRow(
                rule_id=rule_id,
                matches=c.matches,
                alerts=c.alerts,
                updates=c.updates,
                events=len(c.events),
                per_day=dict(c.per_day),
                added=len(c.keys - a.keys),
                removed=len(a.keys - c.keys),
            )
        )
    return rows


def delta_text(added: int, removed: int) -> str:
    """``"+12 alerts, −3"`` (``"no change"`` when equal)."""
    if not added and not removed:
        return "no change"
    return f"+{added} alerts, \u2212{removed}"
