"""Hot reload logic without Kafka: start-up choice, swap only on a clean compile, folder publish."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import pytest

from worker import metrics as m
from worker.config import load_settings
from worker.errors import ConfigError
from worker.rules_live import LiveRules, initial_rules
from worker.transforms.rules import RuleSet, load_rules
from worker.transforms.rules.records import RecordLog

RULE_A = "id: a\ntitle: wheat\nquery: wheat\n"
RULE_B = "id: b\ntitle: oil\nquery: oil\n"
BAD = "id: c\ntitle: broken\nquery: 'wheat AND ('\n"


@dataclass
class FakePipeline:
    rules: Any


def failures() -> float:
    return m.REGISTRY.get_sample_value("newswatch_rule_reload_failures_total") or 0.0


def live(settings, rules: RuleSet) -> tuple[LiveRules, FakePipeline, list]:
    pipe = FakePipeline(rules)
    lr = LiveRules.from_settings(settings, lambda: pipe)
    sent: list = []

    async def fake_send(records: list) -> None:  # the topic round trip, in memory
        sent.extend(records)
        for rec in records:
            lr.log.apply(rec)

    lr._send = fake_send  # type: ignore[method-assign]
    return lr, pipe, sent


def test_initial_rules_prefers_folder_then_topic_then_shipped(tmp_path):
    (tmp_path / "a.yaml").write_text(RULE_A)
    with_dir = load_settings(rules_dir=tmp_path)
    assert [r.id for r in initial_rules(with_dir, lambda: []).rules] == ["a"]

    topic = load_rules(tmp_path).to_records()
    no_dir = load_settings(rules_dir=None)
    assert [r.id for r in initial_rules(no_dir, lambda: topic).rules] == ["a"]
    shipped = initial_rules(no_dir, lambda: [])
    assert len(shipped) == len(load_rules())

    (tmp_path / "c.yaml").write_text(BAD)
    before = failures()
    assert [r.id for r in initial_rules(with_dir, lambda: topic).rules] == ["a"]  # topic covers it
    assert failures() == before + 1
    with pytest.raises(ConfigError, match=r"c\.yaml:3"):
        initial_rules(with_dir, lambda: [])


def test_folder_change_is_published_and_swapped_bad_rule_keeps_set(tmp_path):
    (tmp_path / "a.yaml").write_text(RULE_A)
    settings = load_settings(rules_dir=tmp_path)
    lr, pipe, sent = live(settings, load_rules(tmp_path))

    async def scenario() -> None:
        assert await lr.check_folder() > 0  # first look: the whole pack goes to the topic
        assert not await lr.rebuild()  # same content as the active set: no swap
        assert await lr.check_folder() == 0  # nothing changed on disk

        (tmp_path / "b.yaml").write_text(RULE_B)
        assert await lr.check_folder() == 1  # only the new rule is sent
        assert await lr.rebuild()
        assert sorted(r.id for r in pipe.rules.rules) == ["a", "b"]

        before = failures()
        (tmp_path / "c.yaml").write_text(BAD)
        assert await lr.check_folder() == 0  # invalid pack: nothing published
        assert failures() == before + 1
        assert sorted(r.id for r in pipe.rules.rules) == ["a", "b"]

        (tmp_path / "c.yaml").unlink()
        (tmp_path / "a.yaml").unlink()
        assert await lr.check_folder() == 1  # a tombstone for rule a
        assert sent[-1] == {"key": "rule:a", "kind": "rule", "value": None}
        assert await lr.rebuild()
        assert [r.id for r in pipe.rules.rules] == ["b"]

    asyncio.run(scenario())


def test_bad_record_on_topic_keeps_previous_set(tmp_path):
    (tmp_path / "a.yaml").write_text(RULE_A)
    rules = load_rules(tmp_path)
    lr, pipe, _ = live(load_settings(rules_dir=None), rules)
    lr.log = RecordLog(rules.to_records())
    lr.log.apply(
        {"key": "rule:c", "kind": "rule", "value": {"id": "c", "title": "t", "query": "("}}
    )
    before = failures()

    async def scenario() -> None:
        assert not await lr.rebuild()
        assert not await lr.rebuild()  # the same broken content is not retried or recounted

    asyncio.run(scenario())
    assert failures() == before + 1
    assert pipe.rules is rules
