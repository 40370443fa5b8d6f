"""Rate rules end to end (real Kafka, OpenSearch and worker; a webhook as a real local HTTP
server): a spike rule fires once, when the burst crosses five times the day's usual rate, and
a first-seen rule fires once per new key."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pytest_httpserver import HTTPServer

from tests.e2e.harness import delete_indices, delete_topics, publish_items, start_worker
from tests.e2e.test_delivery_crash import hits, wait_for

pytestmark = pytest.mark.stack

RULES = """\
rules:
  - id: drought-spike
    title: Drought reports spike
    query: drought
    targets: [webhook-siem]
    rate: {kind: spike, key: rule, window: 1h, baseline: 1d, factor: 5, min_count: 5}
  - id: wheat-first
    title: First wheat report for a country
    query: wheat
    targets: [webhook-siem]
    rate: {kind: first_seen, key: country, lookback: 90d}
"""


def items(now: datetime) -> tuple[list[dict], list[dict], list[dict]]:
    def item(i: int, when: datetime, text: str) -> dict:
        return {
            "url": f"https://wire{i % 7}.example/story/{i}",
            "title": f"Farm report number {i}",
            "body": f"{text} Story {i} of the farm desk, filed at {when:%H:%M}.",
            "published_at": when.isoformat(),
        }

    start = now - timedelta(hours=25)
    drought = "Farmers said the drought had cut harvests in the south for another season."
    background = [item(i, start + timedelta(minutes=30 * i), drought) for i in range(46)]
    burst = [item(100 + i, now - timedelta(minutes=20 - i), drought) for i in range(16)]
    wheat = [
        item(200, now, "Egypt bought more wheat this winter as the harvest failed."),
        item(201, now, "Egypt is buying wheat again, traders in Cairo said."),
        item(202, now, "Brazil expects a record wheat crop this year."),
    ]
    return background, burst, wheat


def test_spike_and_first_seen_fire_once_at_the_right_moment(
    isolated_env, tmp_path, httpserver: HTTPServer
):
    from worker.config import load_settings

    httpserver.expect_request("/siem").respond_with_data("", status=204)
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "rates.yaml").write_text(RULES)
    env = {
        **isolated_env,
        "NEWSWATCH_RULES_DIR": str(rules),
        "NEWSWATCH_TARGETS__WEBHOOK_SIEM__KIND": "webhook",
        "NEWSWATCH_TARGETS__WEBHOOK_SIEM__URL": httpserver.url_for("/siem"),
    }
    settings = load_settings()
    worker = start_worker(env, tmp_path / "worker.log")

    def send(batch: list[dict]) -> None:
        publish_items(settings, batch)

    def rate_counted(n: int) -> bool:
        return worker.counter_at_least('newswatch_rate_matches_total{rule="drought-spike"}', n)

    try:
        worker.wait_ready()
        background, burst, wheat = items(datetime.now(UTC).replace(microsecond=0))
        send(background)
        wait_for(lambda: rate_counted(len(background)), 120, "the background", worker, settings)
        assert hits(httpserver, "/siem") == []  # a day at the usual rate: no spike
        send(burst + wheat)
        wait_for(
            lambda: rate_counted(len(background) + len(burst)), 120, "the burst", worker, settings
        )
        wait_for(lambda: len(hits(httpserver, "/siem")) >= 3, 60, "the alerts", worker, settings)
        bodies = [r.get_json() for r in hits(httpserver, "/siem")]
        spikes = [b for b in bodies if b["rule_id"] == "drought-spike"]
        firsts = sorted(b["evidence"][0]["term"] for b in bodies if b["rule_id"] == "wheat-first")
        assert len(spikes) == 1, bodies
        # the usual rate is ~2 an hour, so 5x is crossed at the 11th match of the burst hour
        count = int(spikes[0]["evidence"][0]["term"].split()[0])
        assert 10 <= count <= 12, spikes[0]["evidence"][0]["term"]
        assert len(firsts) == 2 and firsts[0].startswith("first match for BRA")
        assert firsts[1].startswith("first match for EGY")
    finally:
        worker.stop()
        delete_topics(settings.kafka_bootstrap, settings.app_id)
        delete_indices(settings.search_url, settings.index_prefix)
