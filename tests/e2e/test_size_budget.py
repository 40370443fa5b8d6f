"""One size budget from edge to sink (issue 17, item 1): articles of 1.0 and 1.9 MB, published
as a user would (`RawPublisher`), each end enriched or dead-lettered with a reason, and the
worker goes on. An entity-dense 1.9 MB article makes an enriched message far larger than the
budget (every mention is listed): it must reach the DLQ, counted, never vanish."""

from __future__ import annotations

import json
import re

import pytest

from tests.e2e.harness import TopicReader, start_worker, tear_down

pytestmark = pytest.mark.stack

PROSE = "The committee met on a grey morning and talked about budgets, roads and schools. "
DENSE = "Macron met Scholz in Paris. "  # ~11x larger once every mention is listed


def article(n: int, text: str, size: int) -> dict:
    body = (text * (size // len(text) + 1))[:size]
    return {"title": f"large article {n}", "body": body, "url": f"https://big.example/{n}"}


def test_large_articles_are_enriched_or_dead_lettered(isolated_env, tmp_path):
    from worker.config import load_settings
    from worker.sources.kafka import RawPublisher, ensure_topics
    from worker.transforms.clean import clean

    settings = load_settings()
    ensure_topics(settings)
    items = [
        article(0, PROSE, 1_000_000),
        article(1, PROSE, 1_900_000),
        article(2, DENSE, 1_900_000),
        article(3, PROSE, 2_000),  # after the big ones: the worker still works
    ]
    ids = [clean(i).id for i in items]
    worker = start_worker(isolated_env, tmp_path / "worker.log")
    reader = None
    try:
        worker.wait_ready()
        pub = RawPublisher.from_settings(settings)
        sent = {}
        for item in items:
            sent[clean(item).id] = json.dumps(item, ensure_ascii=False).encode()
            pub.publish(item)
        assert pub.flush() == len(items)
        pub.close()

        t = settings.topics
        reader = TopicReader(settings.kafka_bootstrap, [t.enriched, t.dlq])
        done = reader.poll_until(lambda r: len(r[t.enriched]) + len(r[t.dlq]) >= 4, timeout=180)
        assert done, f"{ {k: len(v) for k, v in reader.records.items()} }\n{worker.tail()}"
        reader.poll_until(lambda r: False, timeout=2)  # nothing more arrives

        enriched = [r["tagged"]["article"]["id"] for r in reader.records[t.enriched]]
        assert sorted(enriched) == sorted([ids[0], ids[1], ids[3]])
        (dead,) = reader.records[t.dlq]
        assert (dead["stage"], dead["reason"], dead["source"]) == ("enrich", "too_large", ids[2])
        assert re.search(r"enriched message is [\d,]+ bytes, over the [\d,]+-byte", dead["detail"])
        # the DLQ keeps the original message (cut to its first 256,000 bytes)
        assert dead["payload"].encode() == sent[ids[2]][:256_000]
        assert "payload cut to 256,000" in dead["detail"]

        metrics = worker.metrics()
        assert 'newswatch_dlq_messages_total{reason="too_large",stage="enrich"} 1.0' in metrics
        assert "newswatch_kafka_up 1.0" in metrics  # the broker probe (issue 17, item 6)
        assert worker.proc.poll() is None, worker.tail()
        assert "ProducerSendError" not in worker.tail(200_000)
    finally:
        tear_down(settings, worker, reader)


def test_raw_payload_record_round_trips(isolated_env):
    """The DLQ record's payload is the raw message itself, byte for byte, when small."""
    from worker.errors import Reject
    from worker.stream.dead_letter import dead_letter_record

    raw = json.dumps({"title": "é", "body": 42}, ensure_ascii=False).encode()
    rec = dead_letter_record(raw, Reject("clean", "schema", "x"), topic="t")
    assert rec["payload"].encode() == raw and rec["payload_encoding"] == "utf-8"
