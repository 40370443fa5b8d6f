"""Silences and maintenance windows: which alerts are indexed but not delivered (pure).

A **silence** is made by a person (``newswatch alerts silence --rule R --pair TUR:RUS --for 24h
--comment …``) for a while; it lives as one keyed record on a compacted topic that every worker
follows, and ends when it expires or is removed (a tombstone). A **maintenance window** is a
recurring silence from the configuration (``maintenance:`` in the settings), e.g. every Sunday
02:00–04:00 Europe/Berlin.

Both match on the same fields: the rule (``*`` for every rule), optionally the ordered pair
(``RECIPIENT:SUPPLIER``) and a country among the alert's countries. A silenced alert is still
indexed (marked ``silenced`` with the silence's id) and counted; it is not delivered.

Nothing here touches Kafka or the clock: ``now`` is passed in.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from worker.config import WEEKDAYS, MaintenanceWindow
from worker.model import Alert, iso, parse_iso

ANY_RULE = "*"


@dataclass(frozen=True, slots=True)
class Silence:
    """One silence. ``pair`` is ``(recipient, supplier)``."""

    id: str
    rule: str
    starts_at: datetime
    ends_at: datetime
    pair: tuple[str, str] | None = None
    country: str | None = None
    comment: str = ""
    created_by: str = ""

    def active(self, now: datetime) -> bool:
        return self.starts_at <= now < self.ends_at

    def matches(self, alert: Alert) -> bool:
        return scope_matches(alert, self.rule, self.pair, self.country)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "rule": self.rule,
            "pair": f"{self.pair[0]}:{self.pair[1]}" if self.pair else None,
            "country": self.country,
            "starts_at": iso(self.starts_at),
            "ends_at": iso(self.ends_at),
            "comment": self.comment,
            "created_by": self.created_by,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Silence:
        """Raises ``ValueError`` naming the field for a malformed record."""
        try:
            starts, ends = parse_iso(d["starts_at"]), parse_iso(d["ends_at"])
            if starts is None or ends is None:
                raise ValueError("starts_at/ends_at missing")
            return cls(
                id=str(d["id"]),
                rule=str(d["rule"]),
                starts_at=starts,
                ends_at=ends,
                pair=parse_pair(d.get("pair")),
                country=d.get("country") or None,
                comment=str(d.get("comment") or ""),
                created_by=str(d.get("created_by") or ""),
            )
        except KeyError as exc:
            raise ValueError(f"silence record without {exc.args[0]!r}") from None


def parse_pair(text: str | None) -> tuple[str, str] | None:
    """``"TUR:RUS"`` (recipient:supplier, ISO3) → ``("TUR", "RUS")``; ``ValueError`` otherwise."""
    if not text:
        return None
    parts = text.strip().upper().split(":")
    if len(parts) != 2 or not all(len(p) == 3 and p.isalpha() for p in parts):
        raise ValueError(f"pair {text!r}: expected RECIPIENT:SUPPLIER as ISO3 codes, e.g. TUR:RUS")
    return parts[0], parts[1]


def scope_matches(
    alert: Alert, rule: str, pair: tuple[str, str] | None, country: str | None
) -> bool:
    if rule != ANY_RULE and rule != alert.rule_id:
        return False
    if pair is not None:
        p = alert.pair or {}
        if (p.get("recipient"), p.get("supplier")) != pair:
            return False
    return country is None or country in alert.countries


def new_silence(
    *,
    rule: str,
    duration: timedelta,
    now: datetime,
    pair: str | None = None,
    country: str | None = None,
    comment: str = "",
    created_by: str = "",
) -> Silence:
    """A silence from now for ``duration``; its id hashes what it silences and when it was
    made (short enough to type for ``alerts unsilence ID``)."""
    if duration <= timedelta(0):
        raise ValueError("--for must be a positive duration, e.g. 24h")
    parsed = parse_pair(pair)
    country = country.strip().upper() if country else None
    if country is not None and not (len(country) == 3 and country.isalpha()):
        raise ValueError(f"country {country!r}: expected an ISO3 code, e.g. TUR")
    seed = json.dumps([rule, pair, country, iso(now), comment, created_by])
    sid = "sil-" + hashlib.sha256(seed.encode()).hexdigest()[:10]
    return Silence(sid, rule, now, now + duration, parsed, country, comment, created_by)


def window_open(window: MaintenanceWindow, now: datetime) -> bool:
    """Is the recurring window open at ``now``? A window whose end is before its start runs
    past midnight into the next day (it opens on the listed day)."""
    local = now.astimezone(ZoneInfo(window.tz))
    start, end = _hhmm(window.start), _hhmm(window.end)
    for back in (0, 1):  # opened today, or yesterday and running past midnight
        day = (local - timedelta(days=back)).date()
        if WEEKDAYS[day.weekday()] not in window.days:
            continue
        opens = datetime.combine(day, start, tzinfo=local.tzinfo)
        closes = datetime.combine(day, end, tzinfo=local.tzinfo)
        if closes <= opens:
            closes += timedelta(days=1)
        if opens <= local < closes:
            return True
    return False


def _hhmm(text: str) -> time:
    h, m = text.split(":")
    return time(int(h), int(m))


def silenced_by(
    alert: Alert,
    silences: Iterable[Silence],
    windows: Iterable[MaintenanceWindow],
    now: datetime,
) -> str | None:
    """The id of the first active silence (or ``maintenance:<name>``) that matches, or None."""
    for s in silences:
        if s.active(now) and s.matches(alert):
            return s.id
    for w in windows:
        pair = parse_pair(w.pair)
        if window_open(w, now) and scope_matches(alert, w.rule or ANY_RULE, pair, w.country):
            return f"maintenance:{w.name}"
    return None


def encode(silence: Silence) -> tuple[bytes, bytes]:
    """Key and value of a silence's record on the compacted topic."""
    return silence.id.encode(), json.dumps(silence.to_dict(), sort_keys=True).encode()


def apply(
    current: Mapping[str, Silence], key: bytes | None, value: bytes | None
) -> dict[str, Silence]:
    """The silences after one topic record (a tombstone removes). ``ValueError`` for a record
    that is not a silence."""
    if key is None:
        raise ValueError("silence record without a key")
    out = dict(current)
    sid = key.decode("utf-8", "replace")
    if value is None:
        out.pop(sid, None)
        return out
    try:
        data = json.loads(value)
    except json.JSONDecodeError as exc:
        raise ValueError(f"silence {sid}: not JSON ({exc.msg})") from None
    if not isinstance(data, dict):
        raise ValueError(f"silence {sid}: not an object")
    out[sid] = Silence.from_dict(data)
    return out
