"""Issue 17, item 3: an article id stays in one index whatever its dates say. The same URL
sent three times, with two different `published_at` and none, is one document, and so is its
alert (same key, indexed under the month its story was first seen); a date from 1900 is
dead-lettered with the range in its reason and creates no index."""

from __future__ import annotations

import time

import httpx
import pytest

from tests.e2e.harness import TopicReader, start_worker, tear_down

pytestmark = pytest.mark.stack

BASE = {
    "title": "Army officers seize power",
    "body": "Army officers seized power in a military coup on Thursday and closed the airport.",
    "url": "https://wire.example/politics/coup",
}


def test_same_url_with_three_dates_is_one_document(isolated_env, tmp_path):
    from worker.config import load_settings
    from worker.sources.kafka import RawPublisher, ensure_topics

    settings = load_settings()
    ensure_topics(settings)
    base, prefix = settings.search_url, settings.index_prefix
    sends = [
        {**BASE, "published_at": "2017-03-12T10:00:00Z"},
        {**BASE, "published_at": "2019-07-12T10:00:00Z", "body": BASE["body"] + " Corrected."},
        BASE,
        {**BASE, "url": "https://wire.example/old", "published_at": "1900-01-01T00:00:00Z"},
    ]
    worker = start_worker(isolated_env, tmp_path / "worker.log")
    reader = None
    try:
        worker.wait_ready()
        pub = RawPublisher.from_settings(settings)
        for item in sends:
            pub.publish(item)
            pub.flush()  # in order: each send is a later version of the article
        pub.close()

        t = settings.topics
        reader = TopicReader(settings.kafka_bootstrap, [t.enriched, t.dlq, t.alerts])
        done = reader.poll_until(
            lambda r: len(r[t.enriched]) >= 3 and r[t.dlq] and len(r[t.alerts]) >= 3, timeout=120
        )
        assert done, f"{ {k: len(v) for k, v in reader.records.items()} }\n{worker.tail()}"
        (dead,) = reader.records[t.dlq]
        assert dead["reason"] == "bad_date" and "outside 1990-01-01" in dead["detail"]

        ids = {r["tagged"]["article"]["id"] for r in reader.records[t.enriched]}
        assert len(ids) == 1
        deadline = time.monotonic() + 30
        docs: list = []
        while time.monotonic() < deadline:
            httpx.post(f"{base}/{prefix}-articles/_refresh", timeout=30)
            resp = httpx.get(
                f"{base}/{prefix}-articles/_search", params={"size": 10}, timeout=30
            ).json()
            docs = resp.get("hits", {}).get("hits", [])
            if docs and docs[0]["_source"]["published_at"] is None:
                break  # the last version is in
            time.sleep(0.5)
        time.sleep(2)  # let any (wrong) extra copy land before counting
        httpx.post(f"{base}/{prefix}-articles/_refresh", timeout=30)
        docs = httpx.get(f"{base}/{prefix}-articles/_search", timeout=30).json()["hits"]["hits"]
        assert len(docs) == 1, [(d["_index"], d["_source"]["published_at"]) for d in docs]
        assert docs[0]["_source"]["published_at"] is None  # the last send won
        indices = httpx.get(f"{base}/_cat/indices/{prefix}-articles-*?h=index", timeout=30)
        assert len(indices.text.split()) == 1, indices.text

        # Its alert: three sends with three dates, one key, one document in one index (before:
        # one per month named by each send's date).
        alerts = reader.records.get(t.alerts) or []
        httpx.post(f"{base}/{prefix}-alerts/_refresh", timeout=30)
        found = httpx.get(f"{base}/{prefix}-alerts/_search", timeout=30).json()["hits"]["hits"]
        assert len(found) == 1, [(d["_index"], d["_id"]) for d in found]
        assert found[0]["_source"]["rule_id"] == "military-coup", alerts
        indices = httpx.get(f"{base}/_cat/indices/{prefix}-alerts-*?h=index", timeout=30)
        assert len(indices.text.split()) == 1, indices.text
    finally:
        tear_down(settings, worker, reader)
