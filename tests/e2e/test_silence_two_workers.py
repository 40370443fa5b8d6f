"""A silence applied by two workers of one consumer group (real Kafka, OpenSearch and workers; a
webhook as a real local HTTP server): each worker reads the silences topic itself, and the
alerts of the partitions each one owns are indexed, counted as silenced and not delivered."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pytest_httpserver import HTTPServer

from tests.conftest import free_port
from tests.e2e.harness import delete_indices, delete_topics, start_worker
from tests.e2e.test_delivery_crash import hits, wait_for
from tests.e2e.test_events_stream import publish
from tests.e2e.test_two_workers import _metric

pytestmark = pytest.mark.stack

# Eight deals between different countries: a pair rule's alerts are delivered by rule and pair,
# so these go to both partitions of the deliver topic (their keys are fixed, so is the split).
DEALS = [
    ("Turkey", "Russian", "S-400 missile systems"),
    ("India", "Russian", "Su-30 fighter jets"),
    ("Egypt", "French", "Rafale fighter jets"),
    ("Poland", "South Korean", "K9 howitzers"),
    ("Qatar", "German", "Leopard tanks"),
    ("Saudi Arabia", "Chinese", "Wing Loong drones"),
    ("Greece", "French", "Belharra frigates"),
    ("Brazil", "Swedish", "Gripen fighter jets"),
]
RULE = """\
id: arms-any-pair
title: Arms transfer between two countries
query: topic:arms_transfer AND (topic:weapons OR weapon:*)
pair: {any: true}
targets: [webhook-siem]
"""


def test_both_workers_hold_a_silence_and_skip_delivery(
    isolated_env, tmp_path, httpserver: HTTPServer
):
    from worker.config import load_settings
    from worker.sources.kafka import ensure_topics
    from worker.sources.rules_topic import publish as publish_records
    from worker.transforms.silences import encode, new_silence

    httpserver.expect_request("/siem").respond_with_data("", status=204)
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "arms.yaml").write_text(RULE)
    env = {
        **isolated_env,
        "NEWSWATCH_RULES_DIR": str(rules),
        "NEWSWATCH_TARGETS__WEBHOOK_SIEM__KIND": "webhook",
        "NEWSWATCH_TARGETS__WEBHOOK_SIEM__URL": httpserver.url_for("/siem"),
    }
    settings = load_settings()
    ensure_topics(settings)
    workers = [
        start_worker(env, tmp_path / f"worker{i}.log", NEWSWATCH_METRICS_PORT=str(free_port()))
        for i in range(2)
    ]
    try:
        for w in workers:
            w.wait_ready(timeout=150)  # ready includes "holds partitions"
        silence = new_silence(
            rule="arms-any-pair",
            duration=timedelta(minutes=10),
            now=datetime.now(UTC),
            comment="e2e, two workers",
        )
        publish_records(settings.kafka_connection, settings.topics.silences, [encode(silence)])
        for w in workers:
            wait_for(
                lambda w=w: _metric(w.metrics(), "newswatch_silences_active") == 1.0,
                30,
                "each worker to hold the silence",
                w,
            )
        for n, (buyer, seller, weapon) in enumerate(DEALS):
            publish(settings, f"https://outlet{n}.example/deal", f"2026-11-0{n + 1}T08:00:00Z",
                    f"{buyer} buys {weapon}", f"{buyer} agreed to buy {seller} {weapon} under a "
                    "contract signed on Friday.")  # fmt: skip

        def silenced() -> list[float]:
            return [
                _metric(w.metrics(), "newswatch_alerts_silenced_total", kind="silence")
                for w in workers
            ]

        wait_for(lambda: sum(silenced()) >= len(DEALS), 120, "8 silenced alerts", workers[0])
        per_worker = silenced()
        assert all(n > 0 for n in per_worker), per_worker  # both workers applied it
        assert hits(httpserver, "/siem") == []
    finally:
        for w in workers:
            w.stop()
        delete_topics(settings.kafka_bootstrap, settings.app_id)
        delete_indices(settings.search_url, settings.index_prefix)
