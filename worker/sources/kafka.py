"""Kafka adapter for producers outside the Faust worker (``newswatch ingest``) and topic admin.

Built on kafka-python; the worker itself consumes through Faust (aiokafka).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
from collections.abc import Iterable
from typing import Any

from kafka import KafkaAdminClient, KafkaProducer
from kafka.admin import NewTopic
from kafka.errors import KafkaError, TopicAlreadyExistsError

from worker.config import Settings
from worker.errors import NewswatchError

INGESTED_HEADER = "newswatch-ingested-ms"


class KafkaUnavailable(NewswatchError):
    pass


def _unavailable(settings: Settings, exc: Exception) -> KafkaUnavailable:
    return KafkaUnavailable(
        f"cannot reach Kafka at {settings.kafka_bootstrap} ({exc.__class__.__name__}); "
        "start the local stack with `newswatch stack up` or set NEWSWATCH_KAFKA_BOOTSTRAP"
    )


def topic_specs(settings: Settings) -> list[NewTopic]:
    """Every topic newswatch uses, with its partitioning and retention policy."""
    t, n = settings.topics, settings.partitions
    specs = [NewTopic(name, n, 1) for name in (t.raw, t.clean, t.enriched, t.alerts)]
    specs.append(NewTopic(t.dlq, 1, 1, topic_configs={"retention.ms": str(30 * 86_400_000)}))
    # The active rule set: one record per rule id, compacted so a new worker reads the latest.
    specs.append(NewTopic(t.rules, 1, 1, topic_configs={"cleanup.policy": "compact"}))
    return specs


def ensure_topics(settings: Settings) -> list[str]:
    """Create missing topics (idempotent); returns the names it created."""
    try:
        admin = KafkaAdminClient(
            bootstrap_servers=settings.kafka_bootstrap, client_id="newswatch-admin"
        )
    except (KafkaError, OSError) as exc:
        raise _unavailable(settings, exc) from None
    try:
        existing = set(admin.list_topics())
        missing = [s for s in topic_specs(settings) if s.name not in existing]
        if missing:
            # Another process may create them between our list and create.
            with contextlib.suppress(TopicAlreadyExistsError):
                admin.create_topics(missing)
        return [s.name for s in missing]
    finally:
        admin.close()


def raw_key(item: dict[str, Any]) -> bytes:
    """A stable key for a raw item: its id or URL when it has one, else a hash of its content,
    so re-ingesting the same item lands on the same partition."""
    for name in ("id", "url", "link"):
        if isinstance(item.get(name), str) and item[name]:
            return item[name].encode()
    body = json.dumps({k: v for k, v in item.items() if k != "origin"}, sort_keys=True)
    return hashlib.sha1(body.encode()).hexdigest()[:20].encode()


class RawPublisher:
    """Publishes intake items to the raw topic, acks=all, with the ingest time as a header."""

    def __init__(self, settings: Settings):
        self.settings = settings
        try:
            self.producer = KafkaProducer(
                bootstrap_servers=settings.kafka_bootstrap,
                acks="all",
                linger_ms=5,
                compression_type=None,
                max_request_size=max(1_048_576, settings.max_article_bytes * 2),
                client_id="newswatch-ingest",
            )
        except (KafkaError, OSError) as exc:
            raise _unavailable(settings, exc) from None
        self.futures: list[Any] = []

    def publish(self, item: dict[str, Any]) -> None:
        value = json.dumps(item, ensure_ascii=False).encode()
        headers = [(INGESTED_HEADER, str(int(time.time() * 1000)).encode())]
        self.futures.append(
            self.producer.send(
                self.settings.topics.raw, key=raw_key(item), value=value, headers=headers
            )
        )

    def send(self, item: dict[str, Any], key: bytes | None = None) -> Any:
        """Send one item and return its future, *not* tracked by :meth:`flush`: for servers
        whose concurrent requests each wait for their own items only."""
        value = json.dumps(item, ensure_ascii=False).encode()
        headers = [(INGESTED_HEADER, str(int(time.time() * 1000)).encode())]
        return self.producer.send(
            self.settings.topics.raw, key=key or raw_key(item), value=value, headers=headers
        )

    def publish_bytes(self, value: bytes, key: bytes | None = None) -> None:
        """Send an arbitrary payload (tests use this to feed the dead-letter path)."""
        headers = [(INGESTED_HEADER, str(int(time.time() * 1000)).encode())]
        self.futures.append(
            self.producer.send(self.settings.topics.raw, key=key, value=value, headers=headers)
        )

    def flush(self, timeout: float = 60.0) -> int:
        """Wait for every send to be acknowledged; returns how many were. Raises on failure."""
        self.producer.flush(timeout=timeout)
        done = 0
        for f in self.futures:
            f.get(timeout=timeout)
            done += 1
        self.futures.clear()
        return done

    def close(self) -> None:
        self.producer.close()


def publish_all(settings: Settings, items: Iterable[dict[str, Any]]) -> int:
    pub = RawPublisher(settings)
    try:
        for item in items:
            pub.publish(item)
        return pub.flush()
    finally:
        pub.close()
