"""Hot reload through the compacted rules topic, on the real stack with two real workers.

Worker 1 watches a rules folder holding rule A; worker 2 has no folder and learns its rules from
the topic. An article only rule B matches gives no alert; B is written into the folder, worker 1
publishes it, both workers swap it in, and the same kind of article now alerts. An invalid rule C
is then refused: nothing is published, the failure counter goes up, A and B keep alerting.
"""

from __future__ import annotations

import json
import random
import time

import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import free_port
from tests.e2e.harness import (
    TopicReader,
    WorkerProcess,
    delete_indices,
    delete_topics,
    start_worker,
)

pytestmark = pytest.mark.stack

RULE_A = "id: wheat-harvest\ntitle: Wheat harvest\nquery: wheat AND harvest\n"
RULE_B = "id: oil-tanker\ntitle: Oil tanker\nquery: oil AND tanker\nseverity: high\n"
RULE_C = "id: broken\ntitle: Broken\nquery: 'oil AND (tanker'\n"
FILLER = [
    "minister",
    "council",
    "river",
    "market",
    "harbour",
    "winter",
    "budget",
    "railway",
    "museum",
    "festival",
    "school",
    "village",
    "airport",
    "garden",
    "library",
    "factory",
    "bridge",
    "island",
    "theatre",
    "stadium",
    "hospital",
]


def article(n: int, *words: str) -> dict:
    """A distinct little story (random filler, so dedupe never links two of them)."""
    rng = random.Random(n)
    body = " ".join(rng.choice(FILLER) for _ in range(60))
    return {
        "id": f"reload-{n}",
        "title": f"Report {n}: {' '.join(words)}",
        "body": f"{body} {' '.join(words)} {body[::-1]}.",
        "url": f"https://news.example/reload/{n}",
        "source": "Test Wire",
    }


def metric(w: WorkerProcess, name: str) -> float:
    return sum(
        s.value
        for fam in text_string_to_metric_families(w.metrics())
        for s in fam.samples
        if s.name == name
    )


def wait_for(cond, timeout: float, what: str, workers: list[WorkerProcess]) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if cond():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}\n" + "\n".join(w.tail() for w in workers))


def test_rules_hot_reload_on_two_workers(isolated_env, tmp_path):
    from worker.config import load_settings
    from worker.sources.kafka import RawPublisher, ensure_topics

    settings = load_settings()
    ensure_topics(settings)
    t = settings.topics
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "a.yaml").write_text(RULE_A)
    w1 = start_worker(isolated_env, tmp_path / "w1.log", NEWSWATCH_RULES_DIR=str(rules))
    workers = [w1]
    reader = pub = None
    readers: list[TopicReader] = []
    try:
        w1.wait_ready()
        # worker 2 starts once rule A is on the topic, and takes its rules from there
        wait_for(lambda: "published" in w1.tail(100_000), 60, "rule A published", workers)
        w2 = start_worker(
            isolated_env, tmp_path / "w2.log", NEWSWATCH_METRICS_PORT=str(free_port())
        )
        workers.append(w2)
        w2.wait_ready()
        assert metric(w2, "newswatch_rules_loaded") == 1

        pub = RawPublisher.from_settings(settings)
        reader = TopicReader(settings.kafka_bootstrap, [t.enriched, t.alerts])

        def send(*items: dict) -> None:
            for item in items:
                pub.publish(item)
            pub.flush()
            urls = {i["url"] for i in items}  # article ids are derived; urls are kept
            assert reader.poll_until(
                lambda r: urls <= {e["tagged"]["article"]["url"] for e in r[t.enriched]}, 60
            ), w1.tail() + w2.tail()
            reader.poll_until(lambda r: False, 1.0)  # alerts follow their article

        def alerts_for(*items: dict) -> list[str]:
            urls = {i["url"] for i in items}
            return [a["rule_id"] for a in reader.records[t.alerts] if a["url"] in urls]

        # before: only rule A, so the oil-tanker stories give nothing (several, for both workers)
        before = [article(n, "oil", "tanker") for n in range(4)]
        send(*before)
        assert alerts_for(*before) == []

        # rule B into the folder -> published by worker 1 -> swapped in by both workers
        reloads = [metric(w, "newswatch_rule_reloads_total") for w in workers]
        (rules / "b.yaml").write_text(RULE_B)
        for w, n in zip(workers, reloads, strict=True):
            wait_for(
                lambda w=w, n=n: (
                    metric(w, "newswatch_rule_reloads_total") > n
                    and metric(w, "newswatch_rules_loaded") == 2
                ),
                30,
                "both workers to reload A+B",
                workers,
            )
        after = [article(n, "oil", "tanker") for n in range(10, 14)]
        send(*after)
        assert alerts_for(*after) == ["oil-tanker"] * len(after)
        # both workers enriched some of them, so both alerted with the new rule
        assert all(metric(w, "newswatch_rule_matches_total") > 0 for w in workers)

        # an invalid rule C: refused, counted, nothing published; A and B keep alerting
        rules_topic = TopicReader(settings.kafka_bootstrap, [t.rules])
        readers.append(rules_topic)
        assert rules_topic.poll_until(lambda r: len(r[t.rules]) >= 2, 30)  # A and B
        rules_topic.poll_until(lambda r: False, 1.0)
        published = list(rules_topic.records[t.rules])
        failed = metric(w1, "newswatch_rule_reload_failures_total")
        (rules / "c.yaml").write_text(RULE_C)
        wait_for(
            lambda: metric(w1, "newswatch_rule_reload_failures_total") > failed,
            30,
            "the failure counter",
            workers,
        )
        assert "rule broken refused" in w1.tail(200_000)
        last = [article(20, "oil", "tanker"), article(21, "wheat", "harvest")]
        send(*last)
        assert sorted(alerts_for(*last)) == ["oil-tanker", "wheat-harvest"]
        rules_topic.poll_until(lambda r: False, 2.0)
        assert rules_topic.records[t.rules] == published  # nothing was published for C
        assert "broken" not in json.dumps(published)
        for w in workers:
            assert metric(w, "newswatch_rules_loaded") == 2
            assert w.proc.poll() is None  # nobody went down
            assert w.our_tracebacks() == [], w.tail()
    finally:
        for extra in readers:
            extra.close()
        if reader:
            reader.close()
        if pub:
            pub.close()
        for w in workers:
            w.stop()
        delete_topics(settings.kafka_bootstrap, settings.app_id)
        delete_indices(settings.search_url, settings.index_prefix)
