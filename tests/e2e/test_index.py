"""Indexing through real workers: every article and alert lands in the index exactly once.

- On the shared stack: the worker installs the templates; the seed, ingested three times, is one
  document found by ``countries:TUR``; a document that conflicts with the mapping and a message
  that cannot be read reach the dead-letter topic (stage ``index``) with the engine's reason.
- On a private OpenSearch: the engine is stopped for 30 s in the middle of a 1,000-article
  stream; the worker stops committing offsets while it is down, and afterwards every article is
  in the index, once.
"""

from __future__ import annotations

import json
import random
import threading
import time
from typing import Any

import httpx
import pytest
from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition

from tests.conftest import ROOT, SEED, free_port
from tests.e2e.harness import TopicReader, delete_indices, delete_topics, start_worker

pytestmark = pytest.mark.stack


def _count(url: str, alias: str, query: str | None = None) -> int:
    httpx.post(f"{url}/{alias}/_refresh", timeout=30)
    params = {"q": query} if query else None
    resp = httpx.get(f"{url}/{alias}/_count", params=params, timeout=30)
    return resp.json().get("count", 0) if resp.status_code == 200 else 0


def _enriched_message(article_id: str, source: Any) -> dict[str, Any]:
    return {
        "tagged": {
            "article": {
                "id": article_id,
                "title": "Conflicting document",
                "body": "Its source is an object, the mapping says keyword.",
                "source": source,
                "published_at": "2017-03-12T11:32:32Z",
                "fetched_at": "2024-01-01T00:00:00Z",
            },
            "entities": [],
        },
        "alerts": [],
    }


def test_templates_seed_exactly_once_and_mapping_conflicts_dead_lettered(isolated_env, tmp_path):
    from worker.config import load_settings
    from worker.sources.files import iter_raw
    from worker.sources.kafka import RawPublisher, ensure_topics

    settings = load_settings()
    ensure_topics(settings)
    t = settings.topics
    base, prefix = settings.search_url, settings.index_prefix
    worker = start_worker(
        isolated_env,
        tmp_path / "worker.log",
        NEWSWATCH_RULES_DIR=str(ROOT / "tests" / "data" / "rules" / "tur_rus"),
    )
    reader = None
    try:
        worker.wait_ready()
        # Installed by the worker at start-up.
        for kind in ("articles", "alerts"):
            assert httpx.get(f"{base}/_index_template/{prefix}-{kind}").status_code == 200
        assert httpx.get(f"{base}/_component_template/{prefix}-settings").status_code == 200

        (seed,) = list(iter_raw(SEED))
        pub = RawPublisher.from_settings(settings)
        for _ in range(3):
            pub.publish(seed)
        assert pub.flush() == 3
        pub.close()

        # Straight onto the enriched topic: a mapping conflict and an unreadable message.
        producer = KafkaProducer(bootstrap_servers=settings.kafka_bootstrap, acks="all")
        conflict = _enriched_message("conflict-1", {"name": "an object, not a keyword"})
        producer.send(t.enriched, key=b"conflict-1", value=json.dumps(conflict).encode())
        producer.send(t.enriched, key=b"garbage", value=json.dumps({"nope": 1}).encode())
        producer.flush()
        producer.close()

        reader = TopicReader(settings.kafka_bootstrap, [t.enriched, t.dlq])
        assert reader.poll_until(
            lambda r: (
                len(r[t.enriched]) >= 5 and len([d for d in r[t.dlq] if d["stage"] == "index"]) >= 2
            ),
            timeout=120,
        ), f"{ {k: len(v) for k, v in reader.records.items()} }\n{worker.tail()}"

        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and _count(base, f"{prefix}-articles") < 1:
            time.sleep(0.5)
        time.sleep(2)  # let any (wrong) extra copies land before counting
        assert _count(base, f"{prefix}-articles") == 1
        assert _count(base, f"{prefix}-articles", "countries:TUR") == 1
        hits = httpx.get(
            f"{base}/{prefix}-articles/_search", params={"q": "countries:TUR"}, timeout=30
        ).json()["hits"]["hits"]
        assert hits[0]["_source"]["source"] == "News Bharati English"
        assert {"TUR", "RUS"} <= set(hits[0]["_source"]["countries"])
        assert hits[0]["_source"]["pairs"] == ["TUR<-RUS"]
        # The seed's alert, re-sent three times, is one alert document too.
        assert _count(base, f"{prefix}-alerts") == 1

        index_dlq = [d for d in reader.records[t.dlq] if d["stage"] == "index"]
        dead = {d["source"] or d["reason"]: d for d in index_dlq}
        rec = dead["conflict-1"]
        assert rec["reason"] in ("mapper_parsing_exception", "document_parsing_exception")
        assert "400" in rec["detail"] and "[source]" in rec["detail"]
        assert rec["payload"] == conflict  # the original message, replayable as is
        assert rec["topic"] == t.enriched
        assert "bad_message" in dead
        assert 'newswatch_dlq_messages_total{reason="bad_message",stage="index"} 1.0' in (
            worker.metrics()
        )
    finally:
        if reader:
            reader.close()
        worker.stop()
        delete_topics(settings.kafka_bootstrap, settings.app_id)
        delete_indices(base, prefix)
        httpx.delete(f"{base}/_component_template/{prefix}-*", timeout=30)


def _committed(bootstrap: str, group: str, topic: str) -> int:
    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    try:
        offsets = admin.list_group_offsets({group: None}).get(group, {})
    finally:
        admin.close()
    return sum(max(0, o.offset) for tp, o in offsets.items() if tp.topic == topic)


def _end_offsets(bootstrap: str, topic: str) -> int:
    consumer = KafkaConsumer(bootstrap_servers=bootstrap)
    try:
        parts = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or []]
        return sum(consumer.end_offsets(parts).values())
    finally:
        consumer.close()


def test_engine_outage_mid_stream_loses_nothing(isolated_env, tmp_path):
    from worker.config import StackSettings, load_settings
    from worker.devstack import OpenSearch
    from worker.sources.kafka import RawPublisher, ensure_topics
    from worker.synth import make_raw_item

    n = 1000
    engine = OpenSearch(
        StackSettings(
            state_dir=tmp_path / "private-stack",
            opensearch_port=free_port(),
            opensearch_transport_port=free_port(),
            opensearch_heap="512m",
        )
    )
    engine.start()
    url = f"http://127.0.0.1:{engine.port}"
    env = {
        **isolated_env,
        "NEWSWATCH_SEARCH_URL": url,
        "NEWSWATCH_BULK_MAX_DOCS": "50",
        "NEWSWATCH_BULK_MAX_SECONDS": "0.5",
    }
    settings = load_settings()
    ensure_topics(settings)
    t = settings.topics
    alias = f"{settings.index_prefix}-articles"
    worker = start_worker(env, tmp_path / "worker.log")
    try:
        worker.wait_ready()
        rng = random.Random(6)
        items = [make_raw_item(rng, 1500, i) for i in range(n)]
        pub = RawPublisher.from_settings(settings)

        # A steady stream (~40 articles/s) in the background...
        def produce() -> None:
            for item in items:
                pub.publish(item)
                time.sleep(0.025)
            pub.flush()

        producer = threading.Thread(target=produce, daemon=True)
        producer.start()

        # ...and once part of it is indexed, the engine goes away for 30 s.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and _count(url, alias) < 150:
            time.sleep(0.5)
        before = _count(url, alias)
        assert 0 < before < n, f"indexed {before} before the outage\n{worker.tail()}"
        # A crash, not a shutdown: a TERMed engine keeps taking bulks for seconds while it
        # closes, so under load several more bulks landed after `before` was read and the
        # one-bulk bound below failed on timing alone. Acknowledged bulks are fsynced
        # (translog durability `request`), so the kill loses nothing the worker committed.
        assert engine.stop(timeout=0), "the private engine was not running"
        down_at = time.monotonic()
        time.sleep(10)
        committed_early = _committed(settings.kafka_bootstrap, settings.app_id, t.enriched)
        time.sleep(max(0.0, 30 - (time.monotonic() - down_at)))
        # Offsets stop at what was written; the enriched topic keeps filling meanwhile.
        committed_down = _committed(settings.kafka_bootstrap, settings.app_id, t.enriched)
        produced_down = _end_offsets(settings.kafka_bootstrap, t.enriched)
        assert committed_down == committed_early, "offsets moved while the engine was down"
        assert committed_down <= before + 50  # at most one bulk in flight at the stop
        assert produced_down > committed_down + 100, (committed_down, produced_down)
        assert worker.proc.poll() is None, f"worker died during the outage\n{worker.tail()}"

        engine.start()
        producer.join(timeout=120)
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and _count(url, alias) < n:
            time.sleep(1)
        time.sleep(3)  # a late duplicate would show up now
        assert _count(url, alias) == n, worker.tail()
        print(
            f"outage: {before} indexed before the stop; offsets held at {committed_down} while "
            f"{produced_down} were enriched; {n} indexed after recovery"
        )
        ids = httpx.post(
            f"{url}/{alias}/_search",
            json={"size": 0, "aggs": {"ids": {"cardinality": {"field": "id"}}}},
            timeout=30,
        ).json()["aggregations"]["ids"]["value"]
        assert ids == n
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if _committed(settings.kafka_bootstrap, settings.app_id, t.enriched) == n:
                break
            time.sleep(1)
        assert _committed(settings.kafka_bootstrap, settings.app_id, t.enriched) == n
        log = worker.tail(200_000)
        assert "retry" in log and "bulk index" in log  # it waited, visibly
        metrics = worker.metrics()
        assert 'newswatch_indexed_documents_total{kind="articles"}' in metrics
        assert 'stage="index"' not in metrics  # nothing dead-lettered by the outage
    finally:
        worker.stop()
        engine.stop()
        delete_topics(settings.kafka_bootstrap, settings.app_id)
