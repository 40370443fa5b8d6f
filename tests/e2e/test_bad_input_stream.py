"""Bad input in the real stream: 2,000 hypothesis-generated payloads (fixed seed; arbitrary
bytes, any JSON, article-shaped objects with wrong types) plus an oversized one go through a real
worker. Every one ends either on the enriched topic or on the dead-letter topic with a stage and a
reason; none is lost, and the worker is still alive and healthy afterwards."""

from __future__ import annotations

import base64
import json
import time

import httpx
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from tests.e2e.harness import delete_indices, delete_topics, start_worker
from tests.test_intake_properties import raw_payloads

pytestmark = pytest.mark.stack

SAMPLE = 2000
SEQ = "newswatch-test-seq"


def generate(n: int) -> list[bytes]:
    """``n`` payloads drawn by hypothesis (distinct draws, not the shrunk minimum)."""
    drawn: list[bytes] = []

    @settings(
        max_examples=n * 3,
        phases=[Phase.generate],
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(raw_payloads)
    def collect(payload: bytes) -> None:
        if len(drawn) < n and len(payload) < 100_000:
            drawn.append(payload)

    collect()
    return drawn


def dlq_bytes(rec: dict) -> bytes:
    """The original message of a dead-letter record."""
    if rec["payload_encoding"] == "base64":
        return base64.b64decode(rec["payload"])
    assert rec["payload_encoding"] == "utf-8", rec
    return rec["payload"].encode("utf-8")


def test_every_payload_reaches_enriched_or_the_dlq(isolated_env, tmp_path):
    from worker.config import load_settings
    from worker.sources.kafka import ensure_topics

    settings = load_settings()
    ensure_topics(settings)
    t = settings.topics
    payloads = generate(SAMPLE)
    assert len(payloads) == SAMPLE
    payloads.append(json.dumps({"title": "big", "body": "word " * 8000}).encode())  # 40 KB
    worker = start_worker(
        isolated_env, tmp_path / "worker.log", NEWSWATCH_MAX_ARTICLE_BYTES="20000"
    )
    consumer = None
    try:
        worker.wait_ready()
        producer = KafkaProducer(bootstrap_servers=settings.kafka_bootstrap, acks="all")
        for n, payload in enumerate(payloads):
            key = f"case-{n}".encode()
            producer.send(t.raw, key=key, value=payload, headers=[(SEQ, str(n).encode())])
        producer.flush()
        producer.close()

        consumer = KafkaConsumer(bootstrap_servers=settings.kafka_bootstrap)
        parts = [
            TopicPartition(topic, p)
            for topic in (t.enriched, t.dlq)
            for p in consumer.partitions_for_topic(topic) or ()
        ]
        consumer.assign(parts)
        consumer.seek_to_beginning(*parts)
        enriched: dict[int, dict] = {}
        dead: dict[int, dict] = {}
        deadline = time.monotonic() + 120
        while len(enriched) + len(dead) < len(payloads) and time.monotonic() < deadline:
            for tp, recs in consumer.poll(timeout_ms=500).items():
                for rec in recs:
                    if tp.topic == t.dlq:  # DLQ records keep the raw message's key
                        dead[int(rec.key.decode().removeprefix("case-"))] = json.loads(rec.value)
                    else:  # enriched records carry the raw message's headers through
                        seq = dict(rec.headers)[SEQ]
                        enriched[int(seq)] = json.loads(rec.value)

        lost = set(range(len(payloads))) - set(enriched) - set(dead)
        assert not lost, f"lost {sorted(lost)}: {[payloads[i][:80] for i in lost]}\n{worker.tail()}"
        assert not set(enriched) & set(dead)
        for n, rec in dead.items():
            assert rec["stage"] in ("intake", "clean") and rec["reason"] and rec["detail"], rec
            # the DLQ keeps the message byte for byte, so it can be replayed as it was sent
            assert dlq_bytes(rec) == payloads[n], (rec, payloads[n][:200])
        assert dead[len(payloads) - 1]["reason"] == "too_large"

        assert worker.proc.poll() is None, worker.tail()
        assert httpx.get(f"{worker.metrics_url}/healthz", timeout=5).status_code == 200
        metrics = worker.metrics()
        assert 'newswatch_dlq_messages_total{reason="too_large",stage="intake"}' in metrics
        assert "internal_error" not in metrics, worker.tail()
    finally:
        if consumer:
            consumer.close()
        worker.stop()
        delete_topics(settings.kafka_bootstrap, settings.app_id)
        delete_indices(settings.search_url, settings.index_prefix)
