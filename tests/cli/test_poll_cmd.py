"""``newswatch poll --once`` against a real local HTTP server and the real Kafka: new entries
reach the raw topic once; the second run is a conditional GET that publishes nothing."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from pytest_httpserver import HTTPServer

from tests.e2e.harness import TopicReader, delete_topics
from tests.sources.test_feeds import FEED_V1, FEED_V2, serve_feed

pytestmark = pytest.mark.stack


def poll(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "worker", "poll", "--once", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_poll_once_publishes_new_entries_once(isolated_env, httpserver: HTTPServer, tmp_path):
    from worker.config import load_settings

    settings = load_settings()
    url, state = httpserver.url_for("/feed.xml"), str(tmp_path / "feeds.json")
    serve_feed(httpserver, FEED_V1)
    try:
        first = poll(isolated_env, url, "--state", state)
        assert first.returncode == 0, first.stderr
        assert "2 new of 2 entries (HTTP 200)" in first.stderr

        second = poll(isolated_env, url, "--state", state)
        assert second.returncode == 0, second.stderr
        assert "not modified (HTTP 304)" in second.stderr
        assert httpserver.log[-1][0].headers["If-None-Match"] == '"v1"'

        serve_feed(httpserver, FEED_V2, etag='"v2"')
        third = poll(isolated_env, url, "--state", state)
        assert "1 new of 3 entries" in third.stderr, third.stderr

        reader = TopicReader(settings.kafka_bootstrap, [settings.topics.raw])
        try:
            reader.poll_until(lambda r: len(r[settings.topics.raw]) >= 3, timeout=30)
            time.sleep(1)
            reader.poll_until(lambda r: False, timeout=1)
            raw = reader.records[settings.topics.raw]
        finally:
            reader.close()
        titles = sorted(r["feed_entry"]["title"] for r in raw)
        assert titles == ["Alpha", "Bravo", "Charlie"]

        broken = poll(isolated_env, httpserver.url_for("/missing"), "--state", state)
        assert broken.returncode == 1 and "error HTTP" in broken.stderr
    finally:
        delete_topics(settings.kafka_bootstrap, settings.app_id)
