"""Event updates through the dispatcher to real local servers: email threads an update under
the alert at its ``update_at`` count, the webhook sends ``update`` events, Slack by incoming
webhook sends none (it cannot thread), and a Slack bot-token target needs a channel."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from pytest_httpserver import HTTPServer

from tests.conftest import free_port
from tests.sinks.servers import SmtpServer
from tests.sinks.test_delivery_servers import fast
from worker.config import load_settings, target_settings
from worker.model import Alert
from worker.silences_live import LiveSilences
from worker.sinks.dispatch import DictStore, Dispatcher
from worker.sinks.targets import build_targets
from worker.stream.components import PipelineSlot
from worker.stream.deliver import DeliverStage
from worker.transforms.events import PENDING_UPDATE, assign, state_key, update_due
from worker.transforms.silences import Silence

T0 = datetime(2026, 11, 2, 8, tzinfo=UTC)


def report(n: int, status: str = "talks") -> Alert:
    return Alert(
        key=f"arms:story{n}", rule_id="arms", rule_title="Arms", article_id=f"a{n}",
        title=f"Turkey and Russia talk S-400, report {n}", url=f"https://o{n}.example/{n}",
        severity="high", countries=["TUR", "RUS"], evidence=[], matched_at=T0 + timedelta(hours=n),
        published_at=T0 + timedelta(hours=n), targets=["mail", "siem", "slack-hook"],
        pair={"recipient": "TUR", "supplier": "RUS", "weapon": "s-400", "status": status},
    )  # fmt: skip


def test_updates_at_thresholds_threaded_mail_and_webhook(httpserver: HTTPServer):
    httpserver.expect_request("/siem").respond_with_data("", status=204)
    httpserver.expect_request("/hook").respond_with_data("ok")
    server = SmtpServer(free_port()).start()
    targets = build_targets(
        {
            "mail": target_settings(
                kind="email",
                smtp_port=server.port,
                smtp_security="none",
                recipients=["desk@example.org"],
                update_at=[3],
            ),
            "siem": target_settings(
                kind="webhook", url=httpserver.url_for("/siem"), update_at=[2, 3]
            ),
            # update_at is due at the 2nd report, but a webhook cannot thread: nothing is sent,
            # and nothing may be counted as sent
            "slack-hook": target_settings(
                kind="slack", webhook_url=httpserver.url_for("/hook"), update_at=[2]
            ),
        },
        fast(),
    )
    dispatcher = Dispatcher(targets, fast())
    store = DictStore()
    updates_sent: list[int] = []

    async def run() -> None:
        for n in range(4):
            a = report(n)
            d = assign(a, store.get_event(state_key(a)), window=timedelta(days=14))
            await store.put_event(state_key(a), d.state)
            if d.kind == "new":
                await dispatcher.handle_alert(d.alert, store)
            else:
                updates_sent.append(
                    await dispatcher.handle_update(
                        d.alert, store, lambda at, d=d: update_due(d, at)
                    )
                )

    try:
        asyncio.run(run())
        mails = server.inbox.snapshot()
    finally:
        server.stop()
    assert len(mails) == 2  # the alert, and the update at the 3rd report
    alert_mail, update_mail = mails
    assert update_mail["In-Reply-To"] == alert_mail["Message-ID"]
    assert "now reported by 3 outlets; status: talks" in update_mail["Subject"]
    siem = [(r.headers["X-Newswatch-Event"], r.get_json()) for r, _ in httpserver.log
            if r.path == "/siem"]  # fmt: skip
    assert [(kind, body["event"]["count"]) for kind, body in siem] == [
        ("alert", 1),
        ("update", 2),
        ("update", 3),
    ]
    assert len({r.headers["Idempotency-Key"] for r, _ in httpserver.log if r.path == "/siem"}) == 3
    assert len([r for r, _ in httpserver.log if r.path == "/hook"]) == 1  # no thread, no update
    assert updates_sent == [1, 1 + 1, 0]  # siem at 2; mail and siem at 3; none at 4


def test_slack_bot_token_needs_a_channel():
    with pytest.raises(ValueError, match="needs channel"):
        target_settings(kind="slack", bot_token="xoxb-1")
    with pytest.raises(ValueError, match="webhook_url, or bot_token and channel"):
        target_settings(kind="slack")


class WorkerStopped(Exception):
    """The worker process ending between two statements."""


class StopsAfterDurableWrites(DictStore):
    """The event table of a worker that stops right after its ``stop_after``-th durable event
    write from now: the one failure here that cannot be produced for real inside one process
    (the stream tests kill real workers, but not at a chosen line). None: never stops."""

    stop_after: int | None = None

    async def put_event(self, key, value, *, durable=False):
        await super().put_event(key, value, durable=durable)
        if durable and self.stop_after is not None:
            self.stop_after -= 1
            if self.stop_after == 0:
                self.stop_after = None
                raise WorkerStopped


class NoDocuments:
    """The stage's index sink: these tests look at deliveries, not at the alert documents."""

    record_delivery = None

    async def update_alert(self, key, month, fields):
        return None


def deliver_stage(store, hooks: list[str], silences=None) -> DeliverStage:
    """The deliver stage with webhook targets at ``hooks`` (paths of the test HTTP server)."""
    slot = PipelineSlot()
    slot.set(SimpleNamespace(sink=NoDocuments(), notifiers=(), rules={}))
    targets = build_targets(
        {name: target_settings(kind="webhook", url=url, update_at=[2]) for name, url in hooks},
        fast(),
    )
    dispatcher = Dispatcher(targets, fast())
    return DeliverStage(
        lambda **_: dispatcher,
        slot,
        store,
        topic=None,
        dead_letters=None,
        event_window=timedelta(days=14),
        silences=silences,
    )


def updates_by_path(httpserver: HTTPServer) -> list[tuple[str, str, int]]:
    return [(r.path, r.headers["X-Newswatch-Event"], r.get_json()["event"]["count"])
            for r, _ in httpserver.log]  # fmt: skip


def test_an_update_interrupted_by_a_stop_is_sent_when_its_report_is_replayed(
    httpserver: HTTPServer,
):
    httpserver.expect_request("/siem").respond_with_data("", status=204)
    store = StopsAfterDurableWrites()
    stage = deliver_stage(store, [("siem", httpserver.url_for("/siem"))])
    first, second = report(0), report(1)
    first.targets = second.targets = ["siem"]

    async def run() -> None:
        assert await stage.handle(first)
        store.stop_after = 1
        with pytest.raises(WorkerStopped):
            await stage.handle(second)  # its event state stored, then the worker stops
        await stage.handle(second)  # Kafka re-delivers the uncommitted report
        await stage.handle(second)  # and once more after a stop past the send: nothing owed

    asyncio.run(run())
    assert updates_by_path(httpserver) == [("/siem", "alert", 1), ("/siem", "update", 2)]
    state = store.get_event(state_key(second))
    assert state is not None and state["events"]["s-400"]["count"] == 2
    assert PENDING_UPDATE not in state["events"]["s-400"]


def test_a_stop_between_two_targets_sends_the_update_only_to_the_one_left(
    httpserver: HTTPServer,
):
    for path in ("/a", "/b"):
        httpserver.expect_request(path).respond_with_data("", status=204)
    store = StopsAfterDurableWrites()
    hooks = [("a-siem", httpserver.url_for("/a")), ("b-siem", httpserver.url_for("/b"))]
    stage = deliver_stage(store, hooks)
    first, second = report(0), report(1)
    first.targets = second.targets = ["a-siem", "b-siem"]

    async def run() -> None:
        assert await stage.handle(first)
        store.stop_after = 2  # the event state, then a-siem's update recorded: stop
        with pytest.raises(WorkerStopped):
            await stage.handle(second)
        await stage.handle(second)

    asyncio.run(run())
    updates = [(path, count) for path, kind, count in updates_by_path(httpserver)
               if kind == "update"]  # fmt: skip
    assert sorted(updates) == [("/a", 2), ("/b", 2)]  # each target once


def test_a_silenced_update_is_not_sent_when_its_report_comes_again_after_the_silence(
    httpserver: HTTPServer,
):
    httpserver.expect_request("/siem").respond_with_data("", status=204)
    # the worker's silences, never started: the test sets what the topic would have said
    silences = LiveSilences.from_settings(load_settings())
    store = StopsAfterDurableWrites()
    stage = deliver_stage(store, [("siem", httpserver.url_for("/siem"))], silences)
    first, second = report(0), report(1)
    first.targets = second.targets = ["siem"]
    now = datetime.now(UTC)
    quiet = Silence("s1", "arms", now - timedelta(hours=1), now + timedelta(hours=1))

    async def run() -> None:
        assert await stage.handle(first)
        silences.silences = {"s1": quiet}
        assert not await stage.handle(second)  # silenced: no update
        silences.silences = {}
        await stage.handle(second)  # the same report again, the silence over

    asyncio.run(run())
    assert updates_by_path(httpserver) == [("/siem", "alert", 1)]
