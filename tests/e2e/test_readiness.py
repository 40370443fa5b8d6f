"""Issue 17, item 8: /readyz only once every table this worker owns is rebuilt from its
changelog, and the worker's internal topics exist before Faust subscribes. In the drills a
worker said "ready" ~20 s before its dedupe table was rebuilt (not reproduced here: with
40,000 changelog records the old /readyz also answered after the replay)."""

from __future__ import annotations

import json
import time

import httpx
import pytest
from kafka import KafkaAdminClient, KafkaProducer

from tests.e2e.harness import delete_indices, delete_topics, start_worker

pytestmark = pytest.mark.stack

RECORDS = 40_000  # dedupe-table entries in the changelog: seconds of replay


def test_ready_only_after_the_dedupe_table_is_recovered(isolated_env, tmp_path):
    from worker.config import load_settings
    from worker.sources.kafka import (
        DEDUPE_TABLE,
        DELIVERY_TABLES,
        changelog_topic,
        ensure_topics,
        internal_topics,
    )

    settings = load_settings()
    created = ensure_topics(settings, internal=True)
    assert set(internal_topics(settings)) <= set(created)  # exist before Faust subscribes
    # the tables' changelogs too, with their leaders and the partitions Faust checks against
    # the source topic (a changelog seen with 0 partitions failed the first table write)
    want = {changelog_topic(settings, DEDUPE_TABLE): 1}
    want |= {changelog_topic(settings, t): settings.partitions for t in DELIVERY_TABLES}
    admin = KafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap)
    try:
        described = {d["name"]: d for d in admin.describe_topics(list(want))}
    finally:
        admin.close()
    assert {t: len(described[t]["partitions"]) for t in want} == want
    assert all(p["leader_id"] >= 0 for d in described.values() for p in d["partitions"])
    changelog = changelog_topic(settings, DEDUPE_TABLE)
    producer = KafkaProducer(bootstrap_servers=settings.kafka_bootstrap, linger_ms=50)
    for n in range(RECORDS):  # as a previous run of this app id left it
        producer.send(
            changelog, key=json.dumps(f"h:{n:012d}").encode(), value=json.dumps(f"a{n}").encode()
        )
    producer.flush()
    producer.close()

    worker = start_worker(isolated_env, tmp_path / "worker.log")
    try:
        deadline = time.monotonic() + 180
        answer = None
        while time.monotonic() < deadline:
            assert worker.proc.poll() is None, worker.tail()
            try:
                r = httpx.get(f"{worker.metrics_url}/readyz", timeout=1)
            except httpx.HTTPError:
                time.sleep(0.1)
                continue
            if r.status_code == 200:
                answer = r.json()
                log = worker.log.read_text(errors="replace")
                break
            time.sleep(0.1)
        assert answer is not None, worker.tail()
        # the first 200 came after Faust finished replaying the changelog
        assert "Recovery complete" in log, log[-3000:]
        assert answer["tables"] is True, answer
    finally:
        worker.stop()
        admin = KafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap)
        admin.close()
        delete_topics(settings.kafka_bootstrap, settings.app_id)
        delete_indices(settings.search_url, settings.index_prefix)
