"""link_copy: the serial dedupe stage's output for one article and its verdict."""

from __future__ import annotations

import copy

import pytest

from worker.transforms.dedupe import Verdict
from worker.transforms.link import link_copy
from worker.transforms.rules.explain import alert_key


def message(article_id: str) -> dict:
    pair = {"recipient": "TUR", "supplier": "RUS"}
    return {
        "tagged": {"article": {"id": article_id, "duplicate_of": None}, "countries": ["TUR"]},
        "alerts": [
            {"rule_id": "arms", "pair": pair, "key": alert_key("arms", article_id, pair)},
            {"rule_id": "any", "pair": None, "key": alert_key("any", article_id, None)},
        ],
        "fp": {"h": "x", "b": [], "s": []},
    }


def test_first_copy_goes_out_as_matched():
    msg = message("a1")
    out, alerts = link_copy(msg, Verdict())
    assert out == {"tagged": msg["tagged"], "alerts": msg["alerts"]}  # no fingerprint
    assert alerts == msg["alerts"]


def test_copy_is_linked_and_gets_its_first_copys_alert_keys():
    _, first_alerts = link_copy(message("a1"), Verdict())
    msg = message("c2")
    before = copy.deepcopy(msg)
    out, alerts = link_copy(msg, Verdict("a1", "near", 0.9))
    assert out["tagged"]["article"] == {"id": "c2", "duplicate_of": "a1"}
    assert [a["key"] for a in alerts] == [a["key"] for a in first_alerts]
    assert out["alerts"] == alerts
    assert msg == before  # the input message is left as it was


def test_malformed_message_raises_for_the_dead_letter_topic():
    with pytest.raises(KeyError):
        link_copy({"tagged": {"article": {"id": "x"}}}, Verdict())


def test_first_seen_month_is_remembered_per_article() -> None:
    """Issue 17, item 3: the index month is the first sighting's, whatever dates come later."""
    from datetime import UTC, datetime

    from worker.transforms.link import first_seen_month

    store: dict = {}
    assert first_seen_month(store, "a1", datetime(2026, 11, 30, 23, tzinfo=UTC)) == "2026.11"
    assert first_seen_month(store, "a1", datetime(2027, 2, 1, tzinfo=UTC)) == "2026.11"
    assert first_seen_month(store, "a2", datetime(2027, 2, 1, tzinfo=UTC)) == "2027.02"
    # each record carries its time (and write time, the same), so the dedupe state can forget
    # it with its window, also after a restart
    t1 = int(datetime(2026, 11, 30, 23, tzinfo=UTC).timestamp())
    t2 = int(datetime(2027, 2, 1, tzinfo=UTC).timestamp())
    assert store == {"f:a1": ["2026.11", t1, t1], "f:a2": ["2027.02", t2, t2]}
    assert first_seen_month({"f:a4": ["2025.02", t1]}, "a4", datetime(2027, 2, 1, tzinfo=UTC)) == (
        "2025.02"
    )  # written before write times were stored
    legacy = {"f:a3": "2025.01"}  # written before records had a time
    assert first_seen_month(legacy, "a3", datetime(2027, 2, 1, tzinfo=UTC)) == "2025.01"
