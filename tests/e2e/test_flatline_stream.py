"""A flatline rule end to end (real Kafka, OpenSearch and worker; a webhook as a real local HTTP
server): a source that stops publishing gives one flatline alert once its window passed, and
only one while it stays silent; a source still publishing gives none."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from pytest_httpserver import HTTPServer

from tests.e2e.harness import delete_indices, delete_topics, publish_items, start_worker
from tests.e2e.test_delivery_crash import hits, wait_for

pytestmark = pytest.mark.stack

WINDOW_S = 10
RULES = f"""\
rules:
  - id: wire-flatline
    title: A wire went quiet
    query: harvest
    targets: [webhook-siem]
    rate: {{kind: flatline, key: source, window: {WINDOW_S}s}}
"""


def item(i: int, source: str) -> dict:
    return {
        "url": f"https://{source.lower().replace(' ', '')}.example/story/{i}",
        "source": source,
        "title": f"Farm report number {i}",
        "body": f"The harvest was late again this year, report {i} of the farm desk said.",
        "published_at": datetime.now(UTC).isoformat(),
    }


def test_a_source_that_stops_gives_one_flatline_alert(
    isolated_env, tmp_path, httpserver: HTTPServer
):
    from worker.config import load_settings

    httpserver.expect_request("/siem").respond_with_data("", status=204)
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "flatline.yaml").write_text(RULES)
    env = {
        **isolated_env,
        "NEWSWATCH_RULES_DIR": str(rules),
        "NEWSWATCH_TARGETS__WEBHOOK_SIEM__KIND": "webhook",
        "NEWSWATCH_TARGETS__WEBHOOK_SIEM__URL": httpserver.url_for("/siem"),
        "NEWSWATCH_DELIVERY__DIGEST_CHECK_S": "1",  # the timer that looks for flatlines
    }
    settings = load_settings()
    worker = start_worker(env, tmp_path / "worker.log")

    def send(batch: list[dict]) -> None:
        publish_items(settings, batch)

    def counted(n: int) -> bool:
        return worker.counter_at_least('newswatch_rate_matches_total{rule="wire-flatline"}', n)

    try:
        worker.wait_ready()
        send([item(0, "Quiet Wire"), item(1, "Busy Wire")])
        wait_for(lambda: counted(2), 90, "both sources counted", worker, settings)
        stopped = time.monotonic()
        # Busy Wire keeps publishing, one report every few seconds, past Quiet Wire's window.
        n = 2
        while time.monotonic() - stopped < WINDOW_S + 4:
            send([item(n, "Busy Wire")])
            n += 1
            time.sleep(2)
        wait_for(lambda: len(hits(httpserver, "/siem")) >= 1, 60, "the flatline", worker, settings)
        time.sleep(3)  # three more timer ticks: still one alert
        bodies = [r.get_json() for r in hits(httpserver, "/siem")]
        assert len(bodies) == 1, bodies
        assert bodies[0]["rule_id"] == "wire-flatline"
        assert bodies[0]["source"] == "Quiet Wire"
        assert bodies[0]["evidence"][0]["term"].startswith("no match for Quiet Wire for ")
        assert time.monotonic() - stopped >= WINDOW_S  # not before its window passed
    finally:
        worker.stop()
        delete_topics(settings.kafka_bootstrap, settings.app_id)
        delete_indices(settings.search_url, settings.index_prefix)
