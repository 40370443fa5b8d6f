"""The walking skeleton, for real: ingest → Kafka → Faust worker → OpenSearch + alerts topic.

Given the seed article, look-alikes and a rule "arms purchase involving Turkey and Russia",
exactly one alert comes out, naming both countries with Turkey buying from Russia; the article
is then found in the engine by country; bad payloads reach the dead-letter topic with a reason;
and the worker's /metrics counts what happened.
"""

from __future__ import annotations

import asyncio
import re

import pytest

from tests.conftest import ROOT, SAMPLES
from tests.e2e.harness import TopicReader, start_worker, tear_down

pytestmark = pytest.mark.stack

BAD_PAYLOADS = {
    b"\x00\x01\x02\xff binary": "not_utf8",
    b"this is not json": "bad_json",
    b"[1, 2, 3]": "schema",
    b'{"title": "x", "body": 42}': "schema",  # the cleaner validates the article schema
    b"   ": "empty",
    b'{"title": "x", "body": "a lone \\ud800 surrogate"}': "bad_unicode",
}


def test_seed_gives_exactly_one_alert_and_is_searchable(isolated_env, tmp_path):
    from worker.config import load_settings
    from worker.sinks.search import SearchSink
    from worker.sources.files import iter_raw
    from worker.sources.kafka import RawPublisher, ensure_topics

    settings = load_settings()
    ensure_topics(settings)
    worker = start_worker(
        isolated_env,
        tmp_path / "worker.log",
        NEWSWATCH_RULES_DIR=str(ROOT / "tests" / "data" / "rules" / "tur_rus"),
    )
    reader = None
    try:
        worker.wait_ready()
        items = list(iter_raw(SAMPLES))
        pub = RawPublisher.from_settings(settings)
        for item in items:
            pub.publish(item)
        for payload in BAD_PAYLOADS:
            pub.publish_bytes(payload)
        assert pub.flush() == len(items) + len(BAD_PAYLOADS)
        pub.close()

        t = settings.topics
        reader = TopicReader(settings.kafka_bootstrap, [t.enriched, t.alerts, t.dlq])
        finished = reader.poll_until(
            lambda r: len(r[t.enriched]) >= len(items) and len(r[t.dlq]) >= len(BAD_PAYLOADS),
            timeout=120,
        )
        counts = {k: len(v) for k, v in reader.records.items()}
        assert finished, f"pipeline did not finish: {counts}\n{worker.tail()}"
        reader.poll_until(lambda r: False, timeout=2)  # alerts emitted with the last article

        alerts = reader.records[t.alerts]
        assert len(alerts) == 1, alerts
        alert = alerts[0]
        assert alert["rule_id"] == "tur-rus-arms-purchase"
        assert {"TUR", "RUS"} <= set(alert["countries"])
        assert alert["pair"] == {
            "recipient": "TUR",
            "supplier": "RUS",
            "weapon": "s-400",
            "producer": "almaz-antey",
            "status": "talks",  # "possible purchase"
        }
        assert "S-400" in " ".join(e["snippet"] for e in alert["evidence"])

        dlq = reader.records[t.dlq]
        assert len(dlq) == len(BAD_PAYLOADS)
        for rec in dlq:
            assert rec["stage"] in ("intake", "clean") and rec["reason"] and rec["detail"]
            assert "payload" in rec
        reasons = {r["reason"] for r in dlq}
        assert {"not_utf8", "bad_json", "schema", "empty", "bad_unicode"} <= reasons

        async def find() -> list[dict]:
            async with SearchSink.from_settings(settings) as sink:
                await sink.refresh()
                resp = await sink.search("countries:TUR AND weapons:s-400", size=10)
                return [h["_source"] for h in resp["hits"]["hits"]]

        hits = asyncio.run(find())
        assert [h["id"] for h in hits] == [alert["article_id"]]
        assert hits[0]["source"] == "News Bharati English"

        metrics = worker.metrics()
        assert re.search(
            r'newswatch_alerts_total\{rule="tur-rus-arms-purchase",severity="high"\} 1\.0', metrics
        )
        assert re.search(r'newswatch_articles_total\{stage="enrich"\} 7\.0', metrics)
        assert 'newswatch_dlq_messages_total{reason="bad_json",stage="intake"} 1.0' in metrics
    finally:
        tear_down(settings, worker, reader)
