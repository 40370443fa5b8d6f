"""Every Kafka client of newswatch against a broker that only speaks SASL_SSL (SCRAM-SHA-512,
client certificate required): ingest, poll, serve, rules publish and a worker processing one
article; a wrong password and an untrusted certificate fail fast with the setting's name; the
password shows up nowhere (config show, worker log, /metrics)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT, SEED, free_port, run_newswatch, wait_healthy
from tests.e2e.harness import TopicReader, delete_indices, start_worker
from tests.secure.certs import Certs
from tests.secure.conftest import SecureKafka, search_env
from tests.secure.https_front import Front

pytestmark = pytest.mark.stack

ENV = "NEWSWATCH_KAFKA_SECURITY__"


@pytest.fixture
def env(
    isolated_env: dict[str, str], secure_kafka: SecureKafka, monkeypatch: pytest.MonkeyPatch
) -> Iterator[dict[str, str]]:
    """The isolated test environment (own topics, indices) pointed at the secured broker."""
    from worker.config import get_settings

    secure = secure_kafka.env()
    for k, v in secure.items():
        monkeypatch.setenv(k, v)
    get_settings.cache_clear()
    yield {**isolated_env, **secure}
    get_settings.cache_clear()


def _client_kwargs() -> dict[str, object]:
    from worker.config import load_settings
    from worker.kafka_security import client_kwargs

    kwargs = client_kwargs(load_settings().kafka_connection)
    kwargs.pop("bootstrap_servers")
    return kwargs


def _read(topic: str, want: int, timeout: float = 30) -> list[dict]:
    from worker.config import load_settings

    reader = TopicReader(load_settings().kafka_bootstrap, [topic], client=_client_kwargs())
    try:
        reader.poll_until(lambda r: len(r[topic]) >= want, timeout)
        return reader.records[topic]
    finally:
        reader.close()


def test_ingest_cli_over_sasl_ssl(env: dict[str, str]) -> None:
    proc = run_newswatch("ingest", str(SEED), env=env)
    assert proc.returncode == 0, proc.stderr
    (record,) = _read(env["NEWSWATCH_TOPICS__RAW"], 1)
    assert record["text"] == SEED.read_text(encoding="utf-8")


def test_poll_cli_over_sasl_ssl(env: dict[str, str], tmp_path: Path) -> None:
    feed = ROOT / "tests" / "data" / "intake" / "item.rss"
    proc = run_newswatch(
        "poll", "--once", "--state", str(tmp_path / "seen.json"), str(feed), env=env
    )
    assert proc.returncode == 0, proc.stderr
    records = _read(env["NEWSWATCH_TOPICS__RAW"], 1)
    assert len(records) == 1 and "NASAMS" in json.dumps(records[0]["feed_entry"])


def test_serve_over_sasl_ssl(env: dict[str, str], tmp_path: Path) -> None:
    port = free_port()
    full = {**env, "NEWSWATCH_HTTP__TOKENS": '["tok-1"]', "NEWSWATCH_HTTP__PORT": str(port)}
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "worker", "serve"],
            env=full,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_healthy(proc, base, log)
        article = {"title": "Pushed over TLS", "body": "Ankara signed a contract with Moscow."}
        resp = httpx.post(
            f"{base}/articles",
            json=article,
            headers={"Authorization": "Bearer tok-1"},
            timeout=30,
        )
        assert resp.status_code in (200, 202), resp.text
        (record,) = _read(env["NEWSWATCH_TOPICS__RAW"], 1)
        assert record["title"] == "Pushed over TLS"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert env[f"{ENV}PASSWORD"] not in log.read_text()


def test_rules_publish_over_sasl_ssl(env: dict[str, str]) -> None:
    from worker.config import load_settings
    from worker.sources.rules_topic import read_records

    proc = run_newswatch(
        "rules", "publish", str(ROOT / "tests" / "data" / "rules" / "tur_rus"), env=env
    )
    assert proc.returncode == 0, proc.stderr
    settings = load_settings()
    records, problems = read_records(settings.kafka_connection, settings.topics.rules)
    assert records and not problems


def test_worker_processes_an_article_over_sasl_ssl_and_tls_search(
    env: dict[str, str], tmp_path: Path, secure_search: Front, certs: Certs
) -> None:
    """The whole worker against secured services: Kafka over SASL_SSL, the engine over TLS with
    a client certificate and basic auth. One article in, one enriched record and one alert out,
    the article indexed; no secret in the log, /metrics or the dead-letter topic."""
    from worker.config import load_settings
    from worker.sources.files import iter_raw
    from worker.sources.kafka import RawPublisher, ensure_topics

    settings = load_settings()
    ensure_topics(settings)
    rules = str(ROOT / "tests" / "data" / "rules" / "tur_rus")
    full = {**env, **search_env(secure_search, certs), "NEWSWATCH_RULES_DIR": rules}
    worker = start_worker(full, tmp_path / "worker.log")
    secrets = [env[f"{ENV}PASSWORD"], secure_search.password]
    try:
        worker.wait_ready()
        pub = RawPublisher.from_settings(settings)
        (seed,) = list(iter_raw(SEED))
        pub.publish(seed)
        pub.publish_bytes(b"this is not json")  # one dead letter, to grep for secrets too
        assert pub.flush() == 2
        pub.close()
        t = settings.topics
        assert len(_read(t.enriched, 1, timeout=90)) == 1, worker.tail()
        assert _read(t.alerts, 1, timeout=30), worker.tail()
        dead = json.dumps(_read(t.dlq, 1, timeout=30))
        assert "bad_json" in dead and not [s for s in secrets if s in dead]
        index = f"{settings.index_prefix}-articles"
        deadline = time.monotonic() + 30
        while (count := _count(secure_search.upstream, index)) < 1 and time.monotonic() < deadline:
            time.sleep(0.5)
        assert count == 1, worker.tail()
        assert any(line.startswith("POST /_bulk") for line in secure_search.seen)
        # The broker probe runs every 5 s (it was still 0.0 from a first probe made while the
        # worker's loop was busy starting): wait for the next one or two.
        deadline = time.monotonic() + 20
        while "newswatch_kafka_up 1.0" not in (metrics := worker.metrics()):
            if time.monotonic() > deadline:
                break
            time.sleep(1)
        assert "newswatch_kafka_up 1.0" in metrics, [
            line for line in metrics.splitlines() if "kafka_up" in line
        ]
        assert not [s for s in secrets if s in metrics]
    finally:
        worker.stop()
        delete_indices(secure_search.upstream, settings.index_prefix)
    log = worker.log.read_text(errors="replace")
    assert not [s for s in secrets if s in log]
    # The rules and silences followers (aiokafka consumers, admin clients, the rules producer)
    # connected too.
    assert "follower of" not in log, log[-3000:]


def _count(search_url: str, index: str) -> int:
    resp = httpx.get(f"{search_url}/{index}/_count", timeout=10)
    return resp.json().get("count", 0) if resp.status_code == 200 else 0


def test_config_show_masks_the_kafka_password(env: dict[str, str]) -> None:
    proc = run_newswatch("config", "show", env=env)
    assert proc.returncode == 0, proc.stderr
    assert env[f"{ENV}PASSWORD"] not in proc.stdout + proc.stderr
    assert "SASL_SSL" in proc.stdout and "********" in proc.stdout


def test_wrong_password_is_a_clear_error_within_seconds(env: dict[str, str]) -> None:
    bad = {**env, f"{ENV}PASSWORD": "not-the-password"}
    started = time.monotonic()
    proc = run_newswatch("ingest", str(SEED), env=bad, timeout=60)
    took = time.monotonic() - started
    assert proc.returncode != 0
    assert "refused the SASL credentials" in proc.stderr, proc.stderr
    assert f"{ENV}USERNAME/PASSWORD" in proc.stderr
    assert "not-the-password" not in proc.stderr + proc.stdout
    assert took < 20, f"took {took:.1f}s"


def test_untrusted_certificate_is_a_clear_error_within_seconds(
    env: dict[str, str], secure_kafka: SecureKafka
) -> None:
    bad = {**env, f"{ENV}CA_FILE": str(secure_kafka.certs.other_ca)}
    started = time.monotonic()
    proc = run_newswatch(
        "rules", "publish", str(ROOT / "tests" / "data" / "rules" / "tur_rus"), env=bad, timeout=60
    )
    took = time.monotonic() - started
    assert proc.returncode != 0
    assert "does not trust" in proc.stderr, proc.stderr
    assert f"{ENV}CA_FILE" in proc.stderr
    assert took < 20, f"took {took:.1f}s"


def test_missing_client_certificate_is_a_clear_error(env: dict[str, str]) -> None:
    bad = {k: v for k, v in env.items() if not k.endswith(("__CERT_FILE", "__KEY_FILE"))}
    proc = run_newswatch("ingest", str(SEED), env=bad, timeout=60)
    assert proc.returncode != 0
    assert f"{ENV}CERT_FILE" in proc.stderr, proc.stderr[-3000:]
