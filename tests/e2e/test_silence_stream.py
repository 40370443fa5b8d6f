"""A silence end to end (real Kafka, OpenSearch and worker; a webhook as a real local HTTP
server): while it lasts, a matching alert is indexed and marked silenced but not delivered;
once it expired, the next alert of the same rule and pair is delivered."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
from pytest_httpserver import HTTPServer

from tests.e2e.harness import delete_indices, delete_topics, start_worker
from tests.e2e.test_delivery_crash import hits, rules_with_targets, wait_for
from tests.e2e.test_events_stream import alert_docs, publish

pytestmark = pytest.mark.stack

SILENCE_S = 60  # long enough for a loaded machine to process the first report


def test_a_silence_stops_delivery_until_it_expires(isolated_env, tmp_path, httpserver: HTTPServer):
    from worker.config import load_settings
    from worker.sources.kafka import ensure_topics
    from worker.sources.rules_topic import publish as publish_records
    from worker.transforms.silences import encode, new_silence

    httpserver.expect_request("/siem").respond_with_data("", status=204)
    env = {
        **isolated_env,
        "NEWSWATCH_RULES_DIR": str(rules_with_targets(tmp_path, ["webhook-siem"])),
        "NEWSWATCH_TARGETS__WEBHOOK_SIEM__KIND": "webhook",
        "NEWSWATCH_TARGETS__WEBHOOK_SIEM__URL": httpserver.url_for("/siem"),
    }
    settings = load_settings()
    ensure_topics(settings)
    worker = start_worker(env, tmp_path / "worker.log")
    try:
        worker.wait_ready()
        silence = new_silence(
            rule="tur-rus-arms-purchase",
            pair="TUR:RUS",
            duration=timedelta(seconds=SILENCE_S),
            now=datetime.now(UTC),
            comment="e2e",
        )
        publish_records(settings.kafka_connection, settings.topics.silences, [encode(silence)])
        wait_for(
            lambda: "newswatch_silences_active 1.0" in worker.metrics(),
            30,
            "the worker to hold the silence",
            worker,
        )
        lead = "Ankara is negotiating with Moscow to buy Russian S-400 missile systems."
        publish(settings, "https://one.example/s400", "2026-11-02T08:00:00Z", "S-400", lead)

        def silenced() -> bool:
            docs = alert_docs(settings.search_url, settings.index_prefix)
            return any(d.get("silenced") == silence.id for d in docs.values())

        wait_for(silenced, 90, "the silenced alert document", worker, settings)
        assert hits(httpserver, "/siem") == []
        assert 'kind="silence"' in worker.metrics()

        time.sleep(max(0.0, (silence.ends_at - datetime.now(UTC)).total_seconds() + 1))
        publish(settings, "https://two.example/su35", "2026-11-03T08:00:00Z", "Su-35 talks",
                "Turkey wants to buy Su-35 fighter jets from Russia, officials said during "
                "talks in Ankara.")  # fmt: skip
        wait_for(lambda: len(hits(httpserver, "/siem")) == 1, 90, "delivery", worker, settings)
        body = hits(httpserver, "/siem")[0].get_json()
        assert body["pair"]["weapon"] == "su-35" and body["event_kind"] == "new"
    finally:
        worker.stop()
        delete_topics(settings.kafka_bootstrap, settings.app_id)
        delete_indices(settings.search_url, settings.index_prefix)
