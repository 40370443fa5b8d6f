"""The rule set as records on a compacted Kafka topic: wire format, state and diffs (pure).

One record per topic lexicon, pair relation and rule, keyed ``topic:ID``, ``relation:NAME``,
``rule:ID``; the value is ``{"kind": ..., "value": <the rule/topic as written in YAML>}`` as
JSON, or null (a tombstone) for a deleted entry. Compaction keeps the last record per key, so
the topic always holds the active set and a worker rebuilds it by reading from the start.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

Record = dict[str, Any]  # {"key": str, "kind": str, "value": dict | None}

# Lexicons before the rules that use them, deletions last: a reader that rebuilds mid-batch
# sees at worst an older lexicon, never a rule without its topic.
_ORDER = {"topic": 0, "relation": 1, "rule": 2}


def kind_of(key: str) -> str:
    kind = key.partition(":")[0]
    if kind not in _ORDER:
        raise ValueError(f"unknown rules record key {key!r} (expected topic:, relation:, rule:)")
    return kind


def encode(rec: Record) -> tuple[bytes, bytes | None]:
    """(Kafka key, Kafka value) for a record; a deleted entry becomes a tombstone."""
    value = rec.get("value")
    if value is None:
        return rec["key"].encode(), None
    body = {"kind": rec["kind"], "value": value}
    return rec["key"].encode(), json.dumps(body, ensure_ascii=False, default=str).encode()


def decode(key: bytes | None, value: bytes | None) -> Record:
    """A Kafka record back to a plain record; raises ``ValueError`` on anything malformed."""
    if not key:
        raise ValueError("rules record without a key")
    k = key.decode("utf-8")
    kind = kind_of(k)
    if value is None:
        return {"key": k, "kind": kind, "value": None}
    body = json.loads(value)
    if not isinstance(body, dict) or body.get("kind") != kind:
        raise ValueError(f"rules record {k!r}: value is not a {kind} record")
    return {"key": k, "kind": kind, "value": body.get("value")}


def canonical(value: Any) -> str:
    """Comparable form of a record value (key order and YAML scalar types do not matter)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


class RecordLog:
    """The latest record per key, as a compacted topic read from the start would give."""

    def __init__(self, records: Iterable[Record] = ()):
        self.latest: dict[str, Record] = {}
        for rec in records:
            self.apply(rec)

    def apply(self, rec: Record) -> bool:
        """Take one record; True if it changed the live content."""
        old = self.latest.get(rec["key"])
        if rec.get("value") is None:
            return self.latest.pop(rec["key"], None) is not None
        if old is not None and canonical(old["value"]) == canonical(rec["value"]):
            return False
        self.latest[rec["key"]] = rec
        return True

    def records(self) -> list[Record]:
        return sorted(self.latest.values(), key=lambda r: (_ORDER[r["kind"]], r["key"]))

    def fingerprint(self) -> dict[str, str]:
        return {k: canonical(r["value"]) for k, r in self.latest.items()}

    def __len__(self) -> int:
        return len(self.latest)


def fingerprint(records: Iterable[Record]) -> dict[str, str]:
    """Key -> canonical value of live records (what two rule sets are compared by)."""
    return RecordLog(records).fingerprint()


def diff(current: Mapping[str, Record], desired: Iterable[Record]) -> list[Record]:
    """Records to publish so a topic holding ``current`` (latest per key) holds ``desired``:
    new and changed entries, then tombstones for entries no longer wanted. Unchanged entries
    are not re-sent, so publishing the same pack twice sends nothing."""
    want = {r["key"]: r for r in desired}
    changed = [
        r
        for k, r in want.items()
        if k not in current or canonical(current[k]["value"]) != canonical(r["value"])
    ]
    changed.sort(key=lambda r: (_ORDER[r["kind"]], r["key"]))
    gone = [
        {"key": k, "kind": r["kind"], "value": None}
        for k, r in sorted(current.items())
        if k not in want
    ]
    return changed + gone
