"""The Kafka message budget (issue 17, item 1): topics get it at start-up even when they
already exist with Kafka's 1 MB default, producers use it, and settings that cannot fit an
article into a message stop at start-up."""

from __future__ import annotations

import pytest
from kafka import KafkaAdminClient
from kafka.admin import NewTopic

from worker.config import MESSAGE_OVERHEAD
from worker.errors import ConfigError, Reject


@pytest.mark.stack
def test_existing_topics_are_raised_to_the_budget_keeping_their_other_settings(isolated_env):
    from worker.config import load_settings
    from worker.sources.kafka import ensure_topics, message_limits

    settings = load_settings()
    t = settings.topics
    admin = KafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap)
    try:
        # as an older newswatch created them: no size override
        admin.create_topics(
            [
                NewTopic(t.raw, 2, 1),
                NewTopic(t.rules, 1, 1, topic_configs={"cleanup.policy": "compact"}),
            ]
        )
        assert message_limits(admin, [t.raw])[t.raw] == 1_048_588
        ensure_topics(settings)
        names = [t.raw, t.clean, t.enriched, t.alerts, t.rules, t.dlq]
        assert set(message_limits(admin, names).values()) == {settings.kafka_max_message_bytes}
        from kafka.admin import ConfigResource, ConfigResourceType

        found = admin.describe_configs(
            [ConfigResource(ConfigResourceType.TOPIC, t.rules, {"cleanup.policy": None})]
        )
        assert found["topic"][t.rules]["cleanup.policy"]["value"] == "compact"
    finally:
        admin.delete_topics([n for n in admin.list_topics() if n.startswith(settings.app_id)])
        admin.close()


@pytest.mark.stack
def test_a_message_over_the_budget_is_the_items_reject(isolated_env):
    from worker.config import load_settings
    from worker.sources.kafka import RawPublisher

    settings = load_settings(max_article_bytes=1024, kafka_max_message_bytes=1_048_576)
    pub = RawPublisher.from_settings(settings)
    try:
        assert pub.producer.config["max_request_size"] == 1_048_576
        with pytest.raises(Reject) as caught:
            pub.encode({"title": "t", "body": "x" * (1_048_576 - MESSAGE_OVERHEAD), "origin": "f"})
        assert caught.value.reason == "too_large" and caught.value.source == "f"
        assert "KAFKA_MAX_MESSAGE_BYTES" in caught.value.detail
    finally:
        pub.close()


def test_an_article_limit_over_the_message_budget_stops_start_up():
    from worker.config import load_settings

    with pytest.raises(ConfigError, match="max_article_bytes"):
        load_settings(max_article_bytes=2_000_000, kafka_max_message_bytes=2_000_000)
    load_settings(max_article_bytes=2_000_000, kafka_max_message_bytes=2_000_000 + MESSAGE_OVERHEAD)


@pytest.mark.stack
def test_small_items_queued_behind_a_refused_one_are_not_refused_with_it(isolated_env):
    """The topic's limit lowered under the budget by an operator: Kafka refuses the big item,
    and the idempotent producer then fails the records still queued behind it with the same
    error. Only the big item is a reject; every small one is delivered (they are sent again
    alone to tell them apart)."""
    from kafka.admin import ConfigResource, ConfigResourceType

    from worker.config import load_settings
    from worker.sources.outlet import RawOutlet

    settings = load_settings()
    outlet = RawOutlet.open(settings)
    admin = KafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap)
    try:
        lower = {"max.message.bytes": "1048588"}  # Kafka's default, under our budget
        admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, settings.topics.raw, lower)])
        item = {"url": "https://wire.example/{n}", "title": "Wheat", "body": "Grain rose."}
        big = {**item, "url": "https://wire.example/big", "body": "word " * 240_000}
        smalls = [{**item, "url": item["url"].format(n=n)} for n in range(40)]
        pairs = [(b"big", big)] + [(f"s{n}".encode(), s) for n, s in enumerate(smalls)]
        outcomes = outlet.send(pairs)
        assert isinstance(outcomes[0], Reject) and outcomes[0].reason == "too_large"
        assert outcomes[1:] == [None] * len(smalls)
    finally:
        outlet.close()
        admin.delete_topics([n for n in admin.list_topics() if n.startswith(settings.app_id)])
        admin.close()
