"""Events end to end (real Kafka, OpenSearch, worker; Slack's Web API and a webhook as a real
local HTTP server): three outlets reporting one deal in their own words give one alert and two
threaded Slack follow-ups; the webhook gets an update at its threshold; a status change gives
a new alert linked to the event; the alert documents carry the event's outlets and counts."""

from __future__ import annotations

import json
import threading

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.e2e.harness import delete_indices, delete_topics, start_worker
from tests.e2e.test_delivery_crash import hits, rules_with_targets, wait_for

pytestmark = pytest.mark.stack

# Three outlets report the talks in their own words (not copies), a fourth the signed deal.
REPORTS = [
    ("https://one.example/news/1", "2026-11-02T08:00:00Z", "Turkey wants to buy S-400",
     "Negotiations between Turkey and Russia over the possible purchase of S-400 systems are "
     "continuing, a defence ministry official said."),
    ("https://www.two.example/world/2", "2026-11-02T09:00:00Z", "Ankara negotiates with Moscow",
     "Turkey wants to buy S-400 air defence systems from Russia, officials said during talks "
     "in Ankara."),
    ("https://three.example/a/3", "2026-11-02T10:00:00Z", "S-400 talks go on",
     "Ankara is negotiating with Moscow to buy Russian S-400 missile systems."),
    ("https://four.example/b/4", "2026-11-04T10:00:00Z", "Deal signed for S-400",
     "Turkey signed a contract on Friday to buy S-400 systems from Russia."),
]  # fmt: skip
FILLER = "Residents said prices for bread and fuel had climbed sharply since the spring."


class SlackApi:
    """A Web API stand-in: ``chat.postMessage`` answers a new ``ts`` per top-level message and
    refuses a ``thread_ts`` it never handed out (as Slack does: thread_not_found)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.posts: list[dict] = []
        self.issued: list[str] = []

    def __call__(self, request: Request) -> Response:
        assert request.headers.get("Authorization") == "Bearer xoxb-e2e"
        body = dict(request.form) or json.loads(request.get_data() or b"{}")
        with self.lock:
            self.posts.append(body)
            thread = body.get("thread_ts")
            if thread and thread not in self.issued:
                return Response(json.dumps({"ok": False, "error": "thread_not_found"}), 200)
            ts = thread or f"1700000000.{len(self.issued) + 1:06d}"
            if not thread:
                self.issued.append(ts)
        answer = {"ok": True, "channel": "C0E2E", "ts": ts}
        return Response(json.dumps(answer), 200, content_type="application/json")


def publish(settings, url: str, when: str, title: str, lead: str) -> None:
    from worker.sources.kafka import RawPublisher

    pub = RawPublisher.from_settings(settings)
    pub.publish({"url": url, "title": title, "body": f"{lead}\n\n{FILLER}", "published_at": when})
    assert pub.flush() == 1
    pub.close()


def alert_docs(search_url: str, prefix: str) -> dict[str, dict]:
    httpx.post(f"{search_url}/{prefix}-alerts/_refresh", timeout=10)
    resp = httpx.post(
        f"{search_url}/{prefix}-alerts/_search",
        json={"query": {"match_all": {}}, "size": 50},
        params={"ignore_unavailable": "true", "allow_no_indices": "true"},
        timeout=10,
    )
    return {h["_id"]: h["_source"] for h in resp.json().get("hits", {}).get("hits", [])}


def test_three_outlets_one_alert_two_threaded_updates_then_a_linked_status_alert(
    isolated_env, tmp_path, httpserver: HTTPServer
):
    from worker.config import load_settings

    slack = SlackApi()
    httpserver.expect_request("/api/chat.postMessage").respond_with_handler(slack)
    httpserver.expect_request("/siem").respond_with_data("", status=204)
    env = {
        **isolated_env,
        "NEWSWATCH_RULES_DIR": str(rules_with_targets(tmp_path, ["slack-desk", "webhook-siem"])),
        "NEWSWATCH_TARGETS__SLACK_DESK__KIND": "slack",
        "NEWSWATCH_TARGETS__SLACK_DESK__BOT_TOKEN": "xoxb-e2e",
        "NEWSWATCH_TARGETS__SLACK_DESK__CHANNEL": "C0E2E",
        "NEWSWATCH_TARGETS__SLACK_DESK__API_URL": httpserver.url_for("/api/"),
        "NEWSWATCH_TARGETS__WEBHOOK_SIEM__KIND": "webhook",
        "NEWSWATCH_TARGETS__WEBHOOK_SIEM__URL": httpserver.url_for("/siem"),
        "NEWSWATCH_TARGETS__WEBHOOK_SIEM__UPDATE_AT": "[3]",
    }
    settings = load_settings()
    worker = start_worker(env, tmp_path / "worker.log")
    try:
        worker.wait_ready()
        # One report at a time: the order the outlets publish in is the order under test.
        for n, report in enumerate(REPORTS, start=1):
            publish(settings, *report)
            wait_for(lambda n=n: len(slack.posts) >= n, 90, f"slack post {n}", worker, settings)

        top = [p for p in slack.posts if not p.get("thread_ts")]
        threaded = [p for p in slack.posts if p.get("thread_ts")]
        assert len(top) == 2, slack.posts  # the alert, and the status change
        first_ts = slack.issued[0]
        assert [p["thread_ts"] for p in threaded] == [first_ts, first_ts]
        assert [p["text"] for p in threaded] == [
            "now reported by 2 outlets; status: talks",
            "now reported by 3 outlets; status: talks",
        ]
        assert all(p["channel"] == "C0E2E" for p in slack.posts)

        siem = [
            (r.headers["X-Newswatch-Event"], json.loads(r.get_data()))
            for r in hits(httpserver, "/siem")
        ]
        assert [kind for kind, _ in siem] == ["alert", "update", "alert"]
        first, update, status = (body for _, body in siem)
        assert update["event"]["count"] == 3 and update["key"] == first["key"]
        assert status["event_id"] == first["event_id"] and status["key"] != first["key"]
        assert status["event_kind"] == "status" and status["previous_status"] == "talks"
        assert status["pair"]["status"] == "ordered"

        def documented() -> bool:
            docs = alert_docs(settings.search_url, settings.index_prefix)
            doc = docs.get(first["key"], {})
            return (doc.get("event") or {}).get("count") == 3 and len(docs) == 4

        wait_for(documented, 30, "the event on the alert document", worker, settings)
        docs = alert_docs(settings.search_url, settings.index_prefix)
        doc = docs[first["key"]]
        assert doc["event_kind"] == "new" and doc["event_id"] == first["event_id"]
        assert doc["event"]["outlets"] == ["one.example", "two.example", "three.example"]
        assert doc["event"]["first_seen"] == "2026-11-02T08:00:00Z"
        assert doc["event"]["last_seen"] == "2026-11-02T10:00:00Z"
        kinds = sorted(d.get("event_kind") for d in docs.values())
        assert kinds == ["new", "status", "update", "update"]
        assert {d["event_id"] for d in docs.values()} == {first["event_id"]}
        assert 'newswatch_event_decisions_total{kind="update"' in worker.metrics()
    finally:
        worker.stop()
        delete_topics(settings.kafka_bootstrap, settings.app_id)
        delete_indices(settings.search_url, settings.index_prefix)
