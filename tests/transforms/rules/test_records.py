"""Rule records on the compacted topic: wire format, latest-per-key state and minimal diffs."""

from __future__ import annotations

import pytest

from worker.transforms.rules import RuleSet
from worker.transforms.rules.records import RecordLog, decode, diff, encode

from .helpers import ruleset_from


def test_encode_decode_round_trip_and_tombstone():
    rec = {"key": "rule:a", "kind": "rule", "value": {"id": "a", "title": "Ä", "query": "x"}}
    assert decode(*encode(rec)) == rec
    key, value = encode({"key": "rule:a", "kind": "rule", "value": None})
    assert (key, value) == (b"rule:a", None)
    assert decode(key, value) == {"key": "rule:a", "kind": "rule", "value": None}


@pytest.mark.parametrize(
    "key,value",
    [(None, b"{}"), (b"nope:x", b"{}"), (b"rule:a", b"not json"), (b"rule:a", b'{"kind":"topic"}')],
)
def test_decode_rejects_malformed(key, value):
    with pytest.raises(ValueError):
        decode(key, value)


def test_diff_sends_only_changes_lexicons_first_deletions_last(tmp_path):
    a = ruleset_from(
        tmp_path,
        "rules:\n  - {id: keep, title: t, query: wheat}\n  - {id: gone, title: t, query: oil}\n",
    )
    log = RecordLog(a.to_records())
    assert diff(log.latest, a.to_records()) == []  # same pack twice: nothing to send
    b = ruleset_from(
        tmp_path,
        "rules:\n"
        "  - {id: keep, title: t, query: 'wheat AND corn'}\n"
        "  - {id: new, title: t, query: gas}\n",
        topics={"grain": "id: grain\nterms: [wheat, barley]\n"},
    )
    changes = diff(log.latest, b.to_records())
    assert [(r["key"], r["value"] is None) for r in changes] == [
        ("topic:grain", False),
        ("rule:keep", False),
        ("rule:new", False),
        ("rule:gone", True),
    ]
    for rec in changes:
        log.apply(decode(*encode(rec)))
    rebuilt = RuleSet.from_records(log.records())
    assert sorted(r.id for r in rebuilt.rules) == ["keep", "new"]
    assert "grain" in rebuilt.topics


def test_record_log_reports_real_changes_only():
    log = RecordLog()
    rec = {"key": "rule:a", "kind": "rule", "value": {"id": "a", "query": "x", "title": "t"}}
    assert log.apply(rec)
    same = {**rec, "value": {"title": "t", "query": "x", "id": "a"}}  # key order differs
    assert not log.apply(same)
    assert log.apply({**rec, "value": None})
    assert not log.apply({**rec, "value": None})  # deleting twice changes nothing
    assert len(log) == 0
