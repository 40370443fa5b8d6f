"""``POST /articles`` with a real HTTP client against a real ``newswatch serve`` process and
the real Kafka: auth, schema errors with their path, batch partial acceptance, size limits,
and the accepted articles on the raw topic under the ids the answer named."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT, free_port, wait_healthy
from tests.e2e.harness import TopicReader, delete_topics

TOKEN = "test-token-4f2a"
GOOD = {
    "title": "Turkey receives first parts of Russian S-400",
    "body": "ANKARA (Reuters) - Turkey has received the first parts of the Russian S-400 "
    "missile defence system, the defence ministry said on Friday.",
    "url": "https://wire.example/world/s400?utm_source=x",
    "source": "Wire",
    "published_at": "2019-07-12T09:30:00Z",
}


@pytest.fixture
def server(isolated_env: dict[str, str], tmp_path: Path) -> Iterator[tuple[str, dict]]:
    limits = {
        "NEWSWATCH_HTTP__MAX_REQUEST_BYTES": "200000",
        "NEWSWATCH_HTTP__MAX_BATCH": "50",
        "NEWSWATCH_MAX_ARTICLE_BYTES": "20000",
    }
    with serving(isolated_env, tmp_path, limits) as started:
        yield started


@contextmanager
def serving(
    isolated_env: dict[str, str], tmp_path: Path, limits: dict[str, str]
) -> Iterator[tuple[str, dict]]:
    """A real `newswatch serve` process with these limits, stopped and cleaned up after."""
    port = free_port()
    env = {
        **isolated_env,
        "NEWSWATCH_HTTP__TOKENS": json.dumps([TOKEN, "second-token"]),
        "NEWSWATCH_HTTP__PORT": str(port),
        **limits,
    }
    log = (tmp_path / "serve.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "worker", "serve"], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(proc, base, tmp_path / "serve.log")
        yield base, env
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        from worker.config import load_settings

        delete_topics(load_settings().kafka_bootstrap, env["NEWSWATCH_APP_ID"])


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.stack
def test_push_auth_schema_batch_and_kafka(server):
    from worker.config import load_settings
    from worker.transforms.clean import clean

    base, _ = server
    with httpx.Client(base_url=base, timeout=30) as http:
        # 401: no token, wrong token, wrong scheme
        for headers in ({}, auth("nope"), {"Authorization": f"Basic {TOKEN}"}):
            r = http.post("/articles", json=GOOD, headers=headers)
            assert r.status_code == 401, r.text
            assert r.headers["WWW-Authenticate"].startswith("Bearer")
            assert r.json()["error"] == "unauthorized"

        # 422: schema failure names the path
        r = http.post("/articles", json={"title": "x", "body": 42}, headers=auth())
        assert r.status_code == 422
        (rej,) = r.json()["rejected"]
        assert rej["reason"] == "schema" and rej["path"] == "$.body"
        assert "not of type 'string'" in rej["detail"]

        # 202: one article, answered with the id the pipeline will use
        r = http.post("/articles", json=GOOD, headers=auth("second-token"))
        assert r.status_code == 202, r.text
        (acc,) = r.json()["accepted"]
        assert acc["id"] == clean(GOOD).id

        # batch: partial acceptance, reasons per item, in order
        batch = [
            {**GOOD, "url": "https://wire.example/a"},
            {"title": 12},
            "not an object",
            {**GOOD, "url": "https://wire.example/b", "published_at": "yesterday-ish garbage"},
            {"body": "y" * 30_000},
            {**GOOD, "url": "https://wire.example/c", "language": "english!"},
            {**GOOD, "url": "https://wire.example/d"},
        ]
        r = http.post("/articles", json=batch, headers=auth())
        assert r.status_code == 202, r.text
        out = r.json()
        assert [a["index"] for a in out["accepted"]] == [0, 6]
        reasons = {x["index"]: (x["reason"], x.get("path")) for x in out["rejected"]}
        assert reasons == {
            1: ("schema", "$.title"),
            2: ("schema", "$"),
            3: ("bad_date", None),
            4: ("too_large", None),
            5: ("schema", "$.language"),
        }
        batch_ids = [a["id"] for a in out["accepted"]]

        # every item rejected: 422; all too large: 413; body too large: 413; not JSON: 400
        assert http.post("/articles", json=[{"title": 1}], headers=auth()).status_code == 422
        assert (
            http.post("/articles", json={"body": "z" * 30_000}, headers=auth()).status_code == 413
        )
        big = [{"title": "t", "body": "w" * 10_000}] * 30  # 300 KB > 200 KB request limit
        r = http.post("/articles", json=big, headers=auth())
        assert r.status_code == 413 and r.json()["error"] == "too_large"
        r = http.post("/articles", json=[GOOD] * 51, headers=auth())
        assert r.status_code == 413 and "limit 50" in r.json()["detail"]
        r = http.post(
            "/articles", content=b"{nope", headers={**auth(), "Content-Type": "application/json"}
        )
        assert r.status_code == 400 and r.json()["error"] == "bad_json"
        r = http.post("/articles", content=b"x", headers={**auth(), "Content-Type": "text/plain"})
        assert r.status_code == 415
        assert http.post("/articles", json=[], headers=auth()).status_code == 422

        spec = http.get("/openapi.json").json()
        assert spec["openapi"].startswith("3.1") and "/articles" in spec["paths"]
        metrics = http.get("/metrics").text
        assert 'newswatch_http_articles_total{outcome="accepted"} 3.0' in metrics

    # the three accepted articles are on the raw topic, keyed by their ids
    settings = load_settings()
    reader = TopicReader(settings.kafka_bootstrap, [settings.topics.raw])
    try:
        assert reader.poll_until(lambda r: len(r[settings.topics.raw]) >= 3, timeout=30)
        reader.poll_until(lambda r: False, timeout=1)
        raw = reader.records[settings.topics.raw]
    finally:
        reader.close()
    assert len(raw) == 3
    assert {clean(item).id for item in raw} == {acc["id"], *batch_ids}
    assert all(item["origin"].startswith("POST /articles") for item in raw)


def test_committed_openapi_matches_the_server():
    from worker.sources.http import build_openapi

    committed = json.loads((ROOT / "schemas" / "openapi.json").read_text("utf-8"))
    assert committed == build_openapi(), (
        "regenerate: newswatch serve --write-openapi schemas/openapi.json"
    )


@pytest.mark.stack
def test_an_item_kafka_refuses_is_413_and_serve_keeps_serving(isolated_env, tmp_path):
    """Issue 17, item 2: a 1.2 MB article is accepted (serve raised the topic's limit to the
    budget at start-up); when an operator lowers the topic's limit under it, that item alone
    is refused with 413/too_large, the other items of its batch are accepted, and every later
    request is served (the idempotent producer used to fail every send after one refusal)."""
    from kafka import KafkaAdminClient
    from kafka.admin import ConfigResource, ConfigResourceType

    from worker.config import load_settings

    big = {**GOOD, "url": "https://wire.example/big", "body": "word " * 240_000}  # 1.2 MB
    small = [{**GOOD, "url": f"https://wire.example/small/{n}"} for n in range(3)]
    with (
        serving(isolated_env, tmp_path, {}) as (base, _),
        httpx.Client(base_url=base, timeout=60) as http,
    ):
        r = http.post("/articles", json=big, headers=auth())
        assert r.status_code == 202, r.text

        raw = load_settings().topics.raw
        admin = KafkaAdminClient(bootstrap_servers=load_settings().kafka_bootstrap)
        lower = {"max.message.bytes": "1048588"}  # Kafka's default
        admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, raw, lower)])
        admin.close()

        r = http.post("/articles", json={**big, "url": "https://wire.example/big2"}, headers=auth())
        assert r.status_code == 413, r.text
        (rej,) = r.json()["rejected"]
        assert rej["reason"] == "too_large" and "MessageSizeTooLarge" in rej["detail"]
        r = http.post("/articles", json=small[0], headers=auth())
        assert r.status_code == 202, r.text
        batch = [small[1], {**big, "url": "https://wire.example/big3"}, small[2]]
        r = http.post("/articles", json=batch, headers=auth())
        assert r.status_code == 202, r.text
        assert [a["index"] for a in r.json()["accepted"]] == [0, 2]
        assert [(x["index"], x["reason"]) for x in r.json()["rejected"]] == [(1, "too_large")]


@pytest.mark.stack
def test_a_lone_surrogate_is_that_items_422(server):
    """Issue 17, item 4: one item with a lone surrogate (a JSON "\\ud800" escape) is
    rejected alone; the batch is 202 with the others accepted (was: 503 for all)."""
    base, _ = server
    good = [{**GOOD, "url": f"https://wire.example/s/{n}"} for n in range(2)]
    bad = {**GOOD, "url": "https://wire.example/s/bad", "title": "lone \ud800 surrogate"}
    body = json.dumps([good[0], bad, good[1]])  # ensure_ascii: the escape stays an escape
    assert "\\ud800" in body
    headers = {**auth(), "Content-Type": "application/json"}
    with httpx.Client(base_url=base, timeout=30) as http:
        r = http.post("/articles", content=body.encode(), headers=headers)
        assert r.status_code == 202, r.text
        assert [a["index"] for a in r.json()["accepted"]] == [0, 2]
        (rej,) = r.json()["rejected"]
        assert (rej["index"], rej["reason"]) == (1, "bad_unicode")
        assert rej["detail"].startswith("$.title")
        r = http.post("/articles", content=json.dumps(bad).encode(), headers=headers)
        assert r.status_code == 422 and r.json()["rejected"][0]["reason"] == "bad_unicode"
