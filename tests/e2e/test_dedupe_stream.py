"""Deduplication in the real stream: exact and near-duplicates come out of the clean topic linked
to the first copy (never dropped), a different story on the same subject stays unlinked, and the
dedupe state survives a worker restart: rebuilt from the table's changelog (memory://, the
tests' store) or reopened from the worker's RocksDB files (rocksdb://, production's)."""

from __future__ import annotations

import pytest

from tests.e2e.harness import TopicReader, start_worker, tear_down
from tests.transforms.test_dedupe import SAME_SUBJECT, WIRE

pytestmark = pytest.mark.stack

FIRST = {
    "title": "Turkey receives first parts of Russian S-400",
    "body": WIRE,
    "url": "https://wire.example/world/s400-turkey",
    "source": "Wire",
}
EXACT = {**FIRST, "url": "https://mirror.example/s400", "source": "Mirror"}
SYNDICATED = {
    "title": "S-400 arrives in Turkey despite US warnings",
    "body": (
        "Embeded ObjectBreaking news from our partners\n\n"
        + WIRE.replace("ANKARA (Reuters) -", "Ankara, July 12:")
        + "\n\nAlso Read: Five things to know about the S-400\n\n"
        "Subscribe to our newsletter for the latest defence news."
    ),
    "url": "https://other-outlet.example/news/s400-turkey",
    "source": "Other Outlet",
}
OTHER_STORY = {
    "title": "US weighs sanctions on Turkey",
    "body": SAME_SUBJECT,
    "url": "https://news.example/us-weighs-sanctions",
    "source": "News",
}


# Published long before the dedupe window (7 days) of the article that follows it, but read now.
OLD_STORY = {
    "title": "Parliament passes the budget",
    "body": SAME_SUBJECT.replace("Turkey", "Norway").replace("Ankara", "Oslo"),
    "url": "https://archive.example/budget",
    "source": "Archive",
    "published_at": "2020-03-01T10:00:00Z",
}


def _by_url(records: list[dict]) -> dict[str, dict]:
    return {r["url"]: r for r in records}


@pytest.mark.parametrize("store", ["memory://", "rocksdb://"])
def test_near_duplicates_are_linked_across_a_restart(isolated_env, tmp_path, monkeypatch, store):
    from worker.config import load_settings
    from worker.sources.kafka import RawPublisher, ensure_topics

    tables = tmp_path / "tables"
    for k, v in {"NEWSWATCH_TABLE_STORE": store, "NEWSWATCH_STORE_DIR": str(tables)}.items():
        isolated_env[k] = v
        monkeypatch.setenv(k, v)
    settings = load_settings()
    ensure_topics(settings)
    t = settings.topics
    worker = start_worker(isolated_env, tmp_path / "worker1.log")
    reader = None
    try:
        worker.wait_ready()
        pub = RawPublisher.from_settings(settings)
        pub.publish(OLD_STORY)  # first: the latest article time is then its own
        pub.flush()
        reader = TopicReader(settings.kafka_bootstrap, [t.clean])
        assert reader.poll_until(lambda r: len(r[t.clean]) >= 1, 60), worker.tail()
        pub.publish(FIRST)
        pub.flush()
        assert reader.poll_until(lambda r: len(r[t.clean]) >= 2, 60), worker.tail()
        pub.publish(EXACT)
        pub.flush()
        assert reader.poll_until(lambda r: len(r[t.clean]) >= 3, 60), worker.tail()
        # the old story arrived now: it is kept a window like a current one (its copies would
        # still meet it), not deleted when the current article moved the window past its date
        metrics = worker.metrics()
        assert 'newswatch_state_expired_total{table="dedupe"}' not in metrics, metrics
        # hash, signature and index month of each story, the exact copy's index month
        assert "newswatch_dedupe_state_records 7.0" in metrics, metrics

        # A new worker process: its dedupe state comes only from the changelog.
        worker.stop()
        worker = start_worker(isolated_env, tmp_path / "worker2.log")
        worker.wait_ready()
        pub.publish(SYNDICATED)
        pub.publish(OTHER_STORY)
        pub.flush()
        pub.close()
        assert reader.poll_until(lambda r: len(r[t.clean]) >= 5, 90), worker.tail()

        out = _by_url(reader.records[t.clean])
        first = out[FIRST["url"]]
        assert first["duplicate_of"] is None
        assert out[EXACT["url"]]["duplicate_of"] == first["id"]
        syndicated = out[SYNDICATED["url"]]
        assert syndicated["duplicate_of"] == first["id"]
        assert syndicated["title"] == SYNDICATED["title"]  # linked, not replaced or dropped
        assert out[OTHER_STORY["url"]]["duplicate_of"] is None

        metrics = worker.metrics()
        assert 'newswatch_duplicates_total{kind="near"} 1.0' in metrics
        if store == "rocksdb://":  # the state is in the worker's files, not only in RAM
            assert list(tables.rglob("*dedupe-state*")), list(tables.rglob("*"))
    finally:
        tear_down(settings, worker, reader)
