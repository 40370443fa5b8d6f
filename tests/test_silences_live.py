"""A worker's silences follower against the real Kafka: reads what is there, follows changes."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from tests.e2e.harness import delete_topics
from worker.model import Alert
from worker.silences_live import LiveSilences
from worker.sources.kafka import ensure_topics
from worker.sources.rules_topic import publish
from worker.transforms.silences import encode, new_silence

pytestmark = pytest.mark.stack


def arms_alert() -> Alert:
    return Alert(
        key="k", rule_id="arms", rule_title="", article_id="a", title="t", url=None,
        severity="high", countries=["TUR", "RUS"], evidence=[], matched_at=datetime.now(UTC),
        pair={"recipient": "TUR", "supplier": "RUS"},
    )  # fmt: skip


async def eventually(check, timeout: float = 20.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not check():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.1)


def test_follows_silences_and_tombstones(isolated_env):
    from worker.config import load_settings

    settings = load_settings()
    ensure_topics(settings)
    now = datetime.now(UTC)
    before = new_silence(rule="arms", pair="TUR:RUS", duration=timedelta(hours=1), now=now)
    publish(settings.kafka_connection, settings.topics.silences, [encode(before)])

    async def scenario() -> None:
        live = LiveSilences.from_settings(settings)
        task = asyncio.create_task(live.run())
        try:
            await asyncio.wait_for(live.caught_up.wait(), 30)
            assert live.silenced_by(arms_alert(), now) == before.id
            publish(
                settings.kafka_connection, settings.topics.silences, [(before.id.encode(), None)]
            )
            await eventually(lambda: not live.silences)
            assert live.silenced_by(arms_alert(), now) is None
            other = new_silence(rule="*", country="RUS", duration=timedelta(hours=1), now=now)
            publish(
                settings.kafka_connection,
                settings.topics.silences,
                [encode(other), (b"junk", b"{")],
            )
            await eventually(lambda: other.id in live.silences)
            assert live.silenced_by(arms_alert(), now) == other.id
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    try:
        asyncio.run(scenario())
    finally:
        delete_topics(settings.kafka_bootstrap, settings.app_id)
