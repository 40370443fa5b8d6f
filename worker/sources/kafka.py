"""Kafka adapter for producers outside the Faust worker (``newswatch ingest``) and topic admin.

Built on kafka-python; the worker itself consumes through Faust (aiokafka).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import time
from collections.abc import Iterable
from typing import Any

from kafka import KafkaAdminClient, KafkaProducer
from kafka.admin import ConfigResource, ConfigResourceType, NewTopic
from kafka.errors import KafkaError, TopicAlreadyExistsError

from worker import kafka_security
from worker.config import MESSAGE_OVERHEAD, KafkaConnection, KafkaSecurity, Settings
from worker.errors import ConfigError, NewswatchError, Reject

INGESTED_HEADER = "newswatch-ingested-ms"


class KafkaUnavailable(NewswatchError):
    pass


def _unavailable(kafka: KafkaConnection, exc: Exception) -> NewswatchError:
    why = kafka_security.explain(exc, kafka)
    if why:
        return ConfigError(why)
    return KafkaUnavailable(
        f"cannot reach Kafka at {kafka.bootstrap} ({exc.__class__.__name__}); "
        "start the local stack with `newswatch stack up` or set NEWSWATCH_KAFKA_BOOTSTRAP"
    )


MAX_MESSAGE = "max.message.bytes"


# The worker's Faust tables (worker/app.py declares them by these names): the deduper's, on
# one partition like the dedupe topic, and the deliver stage's, co-partitioned with the
# deliver topic.
DEDUPE_TABLE = "dedupe-state"
DELIVERY_TABLES = ("deliveries", "throttle", "events")


def internal_topics(settings: Settings) -> list[str]:
    """The worker's own topics that Faust declares (they carry whole articles too)."""
    return [f"{settings.app_id}-dedupe-all", f"{settings.app_id}-deliver"]


def changelog_topic(settings: Settings, table: str) -> str:
    """The name Faust gives a table's changelog (``{app id}-{table}-changelog``)."""
    return f"{settings.app_id}-{table}-changelog"


def internal_specs(settings: Settings) -> list[NewTopic]:
    """The worker's internal topics, created before Faust subscribes: a worker that
    subscribed before Faust had declared them logged "Ignoring missing topic" and consumed
    nothing from them (issue 17, item 8). Same shapes as ``create_app`` declares.

    The tables' changelogs too: when Faust created one at start-up, the consumer's metadata
    could still list it with 0 partitions at the first table write, and Faust's
    co-partitioning check then failed that write (PartitionsMismatch, "deliver failed"; seen
    in two of four CI runs). Compacted, as Faust declares them."""
    dedupe_all, deliver = internal_topics(settings)
    size = {MAX_MESSAGE: str(settings.kafka_max_message_bytes)}
    specs = [
        NewTopic(dedupe_all, 1, 1, topic_configs=size),
        NewTopic(deliver, settings.partitions, 1, topic_configs=size),
    ]
    compact = {"cleanup.policy": "compact", **size}
    tables = [(DEDUPE_TABLE, 1)] + [(t, settings.partitions) for t in DELIVERY_TABLES]
    for table, n in tables:
        specs.append(NewTopic(changelog_topic(settings, table), n, 1, topic_configs=compact))
    return specs


def _wait_for_leaders(admin: KafkaAdminClient, topics: list[str], timeout_s: float = 30) -> None:
    """Return when every partition of ``topics`` has a leader: a topic created a moment ago
    is listed before its partitions are, and a consumer that reads it then sees 0 of them."""
    deadline = time.monotonic() + timeout_s
    while topics:
        described = admin.describe_topics(topics)
        # kafka-python 3 names the keys name/leader_id, 2.x topic/leader
        ready = {
            d.get("name", d.get("topic"))
            for d in described
            if not d.get("error_code")
            and d.get("partitions")
            and all(
                p.get("leader_id", p.get("leader", -1)) >= 0 and not p.get("error_code")
                for p in d["partitions"]
            )
        }
        topics = [t for t in topics if t not in ready]
        if not topics:
            return
        if time.monotonic() > deadline:
            raise KafkaUnavailable(f"Kafka gave no leader to the new topics {', '.join(topics)}")
        time.sleep(0.2)


def topic_specs(settings: Settings) -> list[NewTopic]:
    """Every topic newswatch uses, with its partitioning, retention and message size."""
    t, n = settings.topics, settings.partitions
    size = {MAX_MESSAGE: str(settings.kafka_max_message_bytes)}
    specs = [NewTopic(name, n, 1, topic_configs=size) for name in (t.raw, t.clean, t.enriched)]
    specs.append(NewTopic(t.alerts, n, 1, topic_configs=size))
    dlq_config = {"retention.ms": str(30 * 86_400_000), **size}
    specs.append(NewTopic(t.dlq, 1, 1, topic_configs=dlq_config))
    # The active rule set: one record per rule id, compacted so a new worker reads the latest.
    specs.append(NewTopic(t.rules, 1, 1, topic_configs={"cleanup.policy": "compact", **size}))
    # Silences (worker/transforms/silences.py): one record per silence, tombstoned on removal.
    specs.append(NewTopic(t.silences, 1, 1, topic_configs={"cleanup.policy": "compact", **size}))
    return specs


def ensure_topics(settings: Settings, *, internal: bool = False) -> list[str]:
    """Create missing topics and give existing ones the message size budget (idempotent);
    returns the names it created (``internal``: the worker's internal topics too). Raises
    :class:`ConfigError` when a topic's limit is below ``kafka_max_message_bytes`` and
    cannot be raised: better to stop at start-up than to lose the first large article."""
    kafka = settings.kafka_connection
    try:
        kafka_security.check_connection_sync(kafka)
        admin = KafkaAdminClient(**kafka_security.client_kwargs(kafka), client_id="newswatch-admin")
    except (KafkaError, OSError) as exc:
        raise _unavailable(kafka, exc) from None
    try:
        existing = set(admin.list_topics())
        specs = topic_specs(settings) + (internal_specs(settings) if internal else [])
        missing = [s for s in specs if s.name not in existing]
        if missing:
            # Another process may create them between our list and create.
            with contextlib.suppress(TopicAlreadyExistsError):
                admin.create_topics(missing)
            _wait_for_leaders(admin, [s.name for s in missing])
        ours = [s.name for s in topic_specs(settings)]
        ours += [n for n in internal_topics(settings) if n in existing or internal]
        _ensure_message_limit(admin, ours, settings.kafka_max_message_bytes)
        return [s.name for s in missing]
    finally:
        admin.close()


def message_limits(admin: KafkaAdminClient, topics: list[str]) -> dict[str, int]:
    """Each topic's effective ``max.message.bytes`` (its override, else the broker's)."""
    limits: dict[str, int] = {}
    left = list(topics)
    # A topic created a moment ago may be described without its configs yet (seen with four
    # internal topics created at once): ask again for those, briefly.
    for attempt in range(20):
        resources = [ConfigResource(ConfigResourceType.TOPIC, t, {MAX_MESSAGE: None}) for t in left]
        found = admin.describe_configs(resources, config_filter="all")
        for t in left:
            entry = found["topic"].get(t, {}).get(MAX_MESSAGE)
            if entry is not None:
                limits[t] = int(entry["value"])
        left = [t for t in left if t not in limits]
        if not left:
            return limits
        time.sleep(0.25 * (attempt + 1))
    raise KafkaUnavailable(f"Kafka did not describe the max.message.bytes of {', '.join(left)}")


def _ensure_message_limit(admin: KafkaAdminClient, topics: list[str], budget: int) -> None:
    low = [t for t, limit in message_limits(admin, topics).items() if limit < budget]
    if not low:
        return
    raise_to = {MAX_MESSAGE: str(budget)}
    resources = [ConfigResource(ConfigResourceType.TOPIC, t, raise_to) for t in low]
    try:
        admin.alter_configs(resources)
    except (KafkaError, ValueError) as exc:
        raise ConfigError(_low_limit(low, budget, exc)) from None
    # The broker applies the change asynchronously (KRaft metadata): wait a little for it.
    deadline = time.monotonic() + 10.0
    while still := [t for t, limit in message_limits(admin, low).items() if limit < budget]:
        if time.monotonic() > deadline:
            raise ConfigError(_low_limit(still, budget, None))
        time.sleep(0.2)


def _low_limit(topics: list[str], budget: int, exc: Exception | None) -> str:
    why = f" ({exc.__class__.__name__}: {exc})" if exc else ""
    return (
        f"topics {', '.join(topics)} accept smaller messages than "
        f"NEWSWATCH_KAFKA_MAX_MESSAGE_BYTES={budget:,} and could not be raised{why}; set "
        f"their max.message.bytes to {budget} or lower the setting (and "
        "NEWSWATCH_MAX_ARTICLE_BYTES with it)"
    )


async def kafka_reachable(
    bootstrap: str, timeout: float = 2.0, *, security: KafkaSecurity | None = None
) -> bool:
    """True when one of the bootstrap servers (``host:port,...``) accepts a TCP connection
    (and completes the TLS handshake when ``security`` says TLS): the broker-availability
    probe behind ``newswatch_kafka_up``."""
    ctx = kafka_security.ssl_context(security) if security else None
    for server in bootstrap.split(","):
        host, _, port = server.strip().rpartition(":")
        host = host.strip("[]") or "127.0.0.1"
        try:
            _, writer = await asyncio.wait_for(
                asyncio.open_connection(
                    host, int(port), ssl=ctx, server_hostname=host if ctx else None
                ),
                timeout,
            )
        except (OSError, ValueError, TimeoutError):
            continue
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()
        return True
    return False


def raw_key(item: dict[str, Any]) -> bytes:
    """A stable key for a raw item: its id or URL when it has one, else a hash of its content,
    so re-ingesting the same item lands on the same partition."""
    for name in ("id", "url", "link"):
        if isinstance(item.get(name), str) and item[name]:
            return item[name].encode()
    body = json.dumps({k: v for k, v in item.items() if k != "origin"}, sort_keys=True)
    return hashlib.sha1(body.encode()).hexdigest()[:20].encode()


def encode_item(item: dict[str, Any], budget: int) -> bytes:
    """The raw message for ``item``, or a Reject for this item alone: ``too_large`` when it
    would not fit the topics' message budget, ``bad_unicode`` for text that is not encodable
    (a lone surrogate from a JSON ``\\ud800`` escape)."""
    origin = item.get("origin") if isinstance(item.get("origin"), str) else None
    try:
        value = json.dumps(item, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        detail = f"text is not valid Unicode: {exc.reason} at character {exc.start}"
        raise Reject("intake", "bad_unicode", detail, source=origin) from None
    limit = budget - MESSAGE_OVERHEAD
    if len(value) > limit:
        raise Reject(
            "intake",
            "too_large",
            f"the message is {len(value):,} bytes, over the {limit:,}-byte Kafka budget "
            "(NEWSWATCH_KAFKA_MAX_MESSAGE_BYTES)",
            source=origin,
        )
    return value


class RawPublisher:
    """Publishes intake items to the raw topic, acks=all, with the ingest time as a header."""

    def __init__(self, kafka: KafkaConnection, topic: str):
        self.kafka = kafka
        self.topic = topic
        self.producer = self._new_producer()
        self.futures: list[Any] = []

    @classmethod
    def from_settings(cls, settings: Settings) -> RawPublisher:
        return cls(settings.kafka_connection, settings.topics.raw)

    def _new_producer(self) -> KafkaProducer:
        try:
            return KafkaProducer(
                **kafka_security.client_kwargs(self.kafka),
                acks="all",
                linger_ms=5,
                compression_type=None,
                max_request_size=self.kafka.max_message_bytes,
                client_id="newswatch-ingest",
            )
        except (KafkaError, OSError) as exc:
            raise _unavailable(self.kafka, exc) from None

    def reset(self) -> None:
        """Replace the producer after a failed send: the idempotent producer treats some
        broker refusals (MESSAGE_TOO_LARGE) as fatal and would fail every later send."""
        old, self.producer = self.producer, self._new_producer()
        old.close(timeout=2)

    def encode(self, item: dict[str, Any]) -> bytes:
        """The raw message for ``item`` (see :func:`encode_item`)."""
        return encode_item(item, self.kafka.max_message_bytes)

    def publish(self, item: dict[str, Any]) -> None:
        """Queue ``item`` for the raw topic (see :meth:`flush`); raises Reject if too large."""
        value = self.encode(item)
        headers = [(INGESTED_HEADER, str(int(time.time() * 1000)).encode())]
        self.futures.append(
            self.producer.send(self.topic, key=raw_key(item), value=value, headers=headers)
        )

    def send(self, item: dict[str, Any], key: bytes | None = None) -> Any:
        """Send one item and return its future, *not* tracked by :meth:`flush`: for servers
        whose concurrent requests each wait for their own items only."""
        value = self.encode(item)
        headers = [(INGESTED_HEADER, str(int(time.time() * 1000)).encode())]
        return self.producer.send(
            self.topic, key=key or raw_key(item), value=value, headers=headers
        )

    def publish_bytes(self, value: bytes, key: bytes | None = None) -> None:
        """Send an arbitrary payload (tests use this to feed the dead-letter path)."""
        headers = [(INGESTED_HEADER, str(int(time.time() * 1000)).encode())]
        self.futures.append(self.producer.send(self.topic, key=key, value=value, headers=headers))

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
    pub = RawPublisher.from_settings(settings)
    try:
        for item in items:
            pub.publish(item)
        return pub.flush()
    finally:
        pub.close()
