"""A worker killed between delivering an alert and committing its offset: after the restart,
the people (a real SMTP server, real HTTP endpoints for Slack and a webhook) have the alert
exactly once — and the one window that remains (a kill between the target's "OK" and the
durable record) is shown for what it is: a repeat with the same Idempotency-Key.

The kill is real: the dispatcher's test hook (``NEWSWATCH_TEST_CRASH_AT``) sends SIGKILL to its
own process at the chosen point, so no shutdown code runs and no offset is committed.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import httpx
import pytest
from pytest_httpserver import HTTPServer

from tests.conftest import ROOT, SEED, free_port
from tests.e2e.harness import delete_indices, delete_topics, start_worker
from tests.sinks.servers import SmtpServer

pytestmark = pytest.mark.stack

RULE = ROOT / "tests" / "data" / "rules" / "tur_rus" / "tur_rus.yaml"


def rules_with_targets(tmp: Path, targets: list[str]) -> Path:
    """The TUR–RUS test rule, sending to ``targets``."""
    folder = tmp / "rules"
    folder.mkdir()
    text = re.sub(r"(?m)^targets:.*$", f"targets: [{', '.join(targets)}]", RULE.read_text())
    (folder / "tur_rus.yaml").write_text(text)
    return folder


def target_env(httpserver: HTTPServer, smtp_port: int | None) -> dict[str, str]:
    env = {
        "NEWSWATCH_TARGETS__SLACK_DESK__KIND": "slack",
        "NEWSWATCH_TARGETS__SLACK_DESK__WEBHOOK_URL": httpserver.url_for("/services/T/B/x"),
        "NEWSWATCH_TARGETS__WEBHOOK_SIEM__KIND": "webhook",
        "NEWSWATCH_TARGETS__WEBHOOK_SIEM__URL": httpserver.url_for("/siem"),
        "NEWSWATCH_TARGETS__WEBHOOK_SIEM__SECRET": "e2e-secret",
        "NEWSWATCH_DELIVERY__BACKOFF_INITIAL_S": "0.2",
        "NEWSWATCH_DELIVERY__BACKOFF_MAX_S": "1",
    }
    if smtp_port:
        env |= {
            "NEWSWATCH_TARGETS__EMAIL_ANALYSTS__KIND": "email",
            "NEWSWATCH_TARGETS__EMAIL_ANALYSTS__SMTP_PORT": str(smtp_port),
            "NEWSWATCH_TARGETS__EMAIL_ANALYSTS__SMTP_SECURITY": "none",
            "NEWSWATCH_TARGETS__EMAIL_ANALYSTS__RECIPIENTS": '["desk@example.org"]',
        }
    return env


def alert_doc(search_url: str, prefix: str) -> dict | None:
    resp = httpx.post(
        f"{search_url}/{prefix}-alerts/_search",
        json={"query": {"match_all": {}}},
        params={"ignore_unavailable": "true", "allow_no_indices": "true"},
        timeout=10,
    )
    hits = resp.json().get("hits", {}).get("hits", [])
    return hits[0]["_source"] if hits else None


def offsets(bootstrap: str, group: str, topics: list[str]) -> str:
    """Committed vs end offsets of ``topics`` for the group (for failure messages). Reading
    committed offsets does not join the group."""
    from kafka import KafkaConsumer, TopicPartition

    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    try:
        tps = [
            TopicPartition(t, p) for t in topics for p in sorted(consumer.partitions_for_topic(t))
        ]
        ends = consumer.end_offsets(tps)
        return "\n".join(
            f"{tp.topic}[{tp.partition}] committed={consumer.committed(tp)} end={ends[tp]}"
            for tp in tps
        )
    finally:
        consumer.close()


def wait_for(cond, timeout: float, what: str, worker=None, settings=None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if cond():
            return
        time.sleep(0.3)
    state = ""
    if settings:
        topics = [settings.topics.alerts, f"{settings.app_id}-deliver"]
        state = offsets(settings.kafka_bootstrap, settings.app_id, topics)
    raise AssertionError(
        f"timed out waiting for {what}\n{state}\n{worker.tail() if worker else ''}"
    )


def publish_seed(settings) -> None:
    from worker.sources.files import iter_raw
    from worker.sources.kafka import RawPublisher

    pub = RawPublisher.from_settings(settings)
    for item in iter_raw(SEED):
        pub.publish(item)
    assert pub.flush() == 1
    pub.close()


def hits(httpserver: HTTPServer, path: str) -> list:
    return [req for req, _ in httpserver.log if req.path == path]


def test_sigkill_after_delivery_before_commit_delivers_exactly_once(
    isolated_env, tmp_path, httpserver: HTTPServer
):
    from worker.config import load_settings
    from worker.sources.kafka import ensure_topics

    httpserver.expect_request("/services/T/B/x").respond_with_data("ok")
    httpserver.expect_request("/siem").respond_with_data("", status=204)
    smtp = SmtpServer(free_port()).start()
    env = {
        **isolated_env,
        **target_env(httpserver, smtp.port),
        "NEWSWATCH_RULES_DIR": str(
            rules_with_targets(tmp_path, ["slack-desk", "email-analysts", "webhook-siem"])
        ),
    }
    settings = load_settings()
    ensure_topics(settings)
    first = start_worker(env, tmp_path / "worker1.log", NEWSWATCH_TEST_CRASH_AT="after_record")
    second = None
    try:
        first.wait_ready()
        publish_seed(settings)
        first.proc.wait(timeout=120)
        assert first.proc.returncode == -9, first.tail()
        assert "SIGKILL" in first.tail()
        # Delivered once each before the kill; the offset of that alert was never committed.
        assert len(hits(httpserver, "/services/T/B/x")) == 1
        assert len(hits(httpserver, "/siem")) == 1
        assert len(smtp.inbox.snapshot()) == 1

        env["NEWSWATCH_METRICS_PORT"] = str(free_port())
        second = start_worker(env, tmp_path / "worker2.log")
        second.wait_ready(timeout=150)

        # The restarted worker re-reads the alert, finds the durable records and sends nothing;
        # it writes the delivery record onto the alert document.
        def recorded() -> bool:
            doc = alert_doc(settings.search_url, settings.index_prefix)
            return bool(doc and len(doc.get("delivery", [])) == 3)

        wait_for(recorded, 60, "the delivery record on the alert document", second, settings)
        time.sleep(2)
        assert len(hits(httpserver, "/services/T/B/x")) == 1
        assert len(hits(httpserver, "/siem")) == 1
        assert len(smtp.inbox.snapshot()) == 1
        doc = alert_doc(settings.search_url, settings.index_prefix)
        by_target = {r["target"]: r for r in doc["delivery"]}
        assert set(by_target) == {"slack-desk", "email-analysts", "webhook-siem"}
        for rec in by_target.values():
            assert rec["status"] == "delivered" and rec["attempts"] == 1 and rec["delivered_at"]
        # Replayed once from the deliver topic, and again through `notify` if the alerts
        # offset was not committed yet either: suppressed each time.
        suppressed = re.search(
            r'newswatch_alerts_suppressed_total\{rule="tur-rus-arms-purchase"\} (\S+)',
            second.metrics(),
        )
        assert suppressed and float(suppressed.group(1)) >= 1
        mail = smtp.inbox.snapshot()[0]
        assert mail["X-Newswatch-Key"] == doc["key"]
        slack = json.loads(hits(httpserver, "/services/T/B/x")[0].get_data())
        assert "Turkey ← Russia" in json.dumps(slack, ensure_ascii=False)
    finally:
        for w in (first, second):
            if w:
                w.stop()
        smtp.stop()
        delete_topics(settings.kafka_bootstrap, settings.app_id)
        delete_indices(settings.search_url, settings.index_prefix)


def test_sigkill_between_send_and_record_repeats_with_the_same_idempotency_key(
    isolated_env, tmp_path, httpserver: HTTPServer
):
    """The honest limit: killed after the endpoint said OK but before the record reached the
    broker, the alert is sent again after the restart (at-least-once, never lost). The repeat
    carries the same Idempotency-Key, so the receiver can drop it."""
    from worker.config import load_settings
    from worker.sources.kafka import ensure_topics

    httpserver.expect_request("/siem").respond_with_data("", status=204)
    env = {
        **isolated_env,
        **target_env(httpserver, None),
        "NEWSWATCH_RULES_DIR": str(rules_with_targets(tmp_path, ["webhook-siem"])),
    }
    settings = load_settings()
    ensure_topics(settings)
    first = start_worker(env, tmp_path / "worker1.log", NEWSWATCH_TEST_CRASH_AT="after_send")
    second = None
    try:
        first.wait_ready()
        publish_seed(settings)
        first.proc.wait(timeout=120)
        assert first.proc.returncode == -9, first.tail()
        assert len(hits(httpserver, "/siem")) == 1

        env["NEWSWATCH_METRICS_PORT"] = str(free_port())
        second = start_worker(env, tmp_path / "worker2.log")
        second.wait_ready(timeout=150)
        wait_for(lambda: len(hits(httpserver, "/siem")) >= 2, 60, "the repeat", second, settings)
        time.sleep(2)
        reqs = hits(httpserver, "/siem")
        assert len(reqs) == 2
        assert reqs[0].headers["Idempotency-Key"] == reqs[1].headers["Idempotency-Key"]
        assert reqs[0].get_data() == reqs[1].get_data()
    finally:
        for w in (first, second):
            if w:
                w.stop()
        delete_topics(settings.kafka_bootstrap, settings.app_id)
        delete_indices(settings.search_url, settings.index_prefix)
