"""The Faust app: which topics and tables exist and which stage reads which topic. Wiring only:
each stage is a module of :mod:`worker.stream`, the logic beneath is in transforms and sinks.

    raw ──intake──▶ dedupe-all (internal, one partition) ──dedupe──▶ clean (keyed by id)
        clean, fingerprint, tag, match         first copy or copy?  ├─▶ enriched ──index──▶ engine
                                                                    └─▶ alerts ──notify──▶ deliver
    any stage ──▶ dlq (original payload + stage + reason)

Three consumed hops per article: each Faust hop costs about as much CPU as tagging and matching
together, so the per-article work sits in the parallel intake stage and the serial dedupe stage
only decides (docs/deploy.md#capacity).

Delivery: at-least-once. An event is acknowledged (its offset committed) only after its outputs
were sent or written; re-delivery is harmless because articles are keyed and indexed by id,
alerts by key, and the notifier remembers notified keys in a changelog-backed table.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from functools import partial
from typing import Any

import faust

from worker import faust_compat, kafka_security, malloc_trim, table_memory
from worker import metrics as m
from worker.config import Settings
from worker.silences_live import LiveSilences
from worker.sinks.dispatch import Dispatcher, TableStore
from worker.sinks.retry import retry_forever
from worker.sources.kafka import DEDUPE_TABLE, DELIVERY_TABLES
from worker.stream.components import Pipeline, PipelineSlot, default_pipeline
from worker.stream.dead_letter import DeadLetters
from worker.stream.dedupe import DedupeStage, Outputs
from worker.stream.deliver import DeliverStage
from worker.stream.health import install_monitors, install_pages
from worker.stream.index import IndexStage
from worker.stream.intake import IntakeStage
from worker.stream.notify import NotifyStage
from worker.stream.runner import run_batches, run_events
from worker.transforms.dedupe import DedupeConfig, Deduper, DerivedBandState

log = logging.getLogger("newswatch.worker")

__all__ = ["Pipeline", "create_app"]


def faust_app(settings: Settings) -> faust.App:
    datadir = settings.table_dir()
    datadir.mkdir(parents=True, exist_ok=True)  # Faust creates only the last level
    app = faust.App(
        settings.app_id,
        **kafka_security.faust_kwargs(
            settings.kafka_connection
        ),  # broker URL + TLS/SASL credentials
        # rocksdb:// (production): tables on local disk, a restart reads only the changelog
        # written since; memory:// (tests): rebuilt from the whole changelog on every start
        store=table_memory.faust_store(settings.table_store),
        datadir=str(datadir),
        topic_partitions=settings.partitions,
        topic_replication_factor=1,
        topic_allow_declare=True,
        producer_max_request_size=settings.kafka_max_message_bytes,
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,
        producer_linger=settings.producer_linger_s,
        producer_max_batch_size=settings.producer_batch_bytes,
        web_enabled=True,
        web_bind=settings.metrics_host,
        web_host=settings.metrics_host,
        web_port=settings.metrics_port,
        broker_commit_interval=1.0,
        broker_session_timeout=settings.session_timeout_s,
        broker_heartbeat_interval=settings.heartbeat_interval_s,
        consumer_group_instance_id=settings.group_instance_id,
        stream_wait_empty=False,
    )
    faust_compat.install(app, settings.fetch_max_wait_ms)
    # one RocksDB cache for all the tables' databases (read by table_options)
    app.newswatch_rocksdb = table_memory.SharedRocksDB.from_mb(  # type: ignore[attr-defined]
        settings.table_cache_mb
    )
    return app


def table_options(app: faust.App) -> dict[str, Any]:
    """A table's store options: the RocksDB cache and write buffers all tables share
    (worker/table_memory.py; set on the app by :func:`faust_app`)."""
    return app.newswatch_rocksdb.table_options()  # type: ignore[attr-defined, no-any-return]


def dedupe_table(app: faust.App, deduper: Deduper) -> Any:
    """Deduper state, co-partitioned with the dedupe topic: h:/s: keys in a changelog-backed
    table, b: band keys derived from the signatures in memory (2 changelog writes per first
    copy instead of ~27), rebuilt whenever the table was recovered (start, rebalance). Records
    older than the dedupe window are deleted (tombstones in the changelog), so the table holds
    one window of stories however long the worker runs."""
    table = app.Table(
        DEDUPE_TABLE, default=None, key_type=str, partitions=1, options=table_options(app)
    )
    deduper.state = state = DerivedBandState(table, deduper.band_keys)
    table_recovered = table.on_recovery_completed

    async def _dedupe_recovered(active: Any, standby: Any) -> None:
        state.invalidate()
        await table_recovered(active, standby)

    table.on_recovery_completed = _dedupe_recovered  # type: ignore[method-assign]
    return table


@dataclass
class Topics:
    raw: Any
    to_dedupe: Any
    clean: Any
    enriched: Any
    alerts: Any
    deliver: Any
    dead_letters: DeadLetters


def declare_topics(app: faust.App, settings: Settings) -> Topics:
    t = settings.topics
    big = {"max.message.bytes": str(settings.kafka_max_message_bytes)}  # as the topics we create
    raw = app.topic(
        t.raw, key_type=bytes, value_type=bytes, value_serializer="raw", key_serializer="raw"
    )

    def json_topic(name: str, **kw: Any) -> Any:
        return app.topic(name, key_serializer="raw", value_serializer="json", **kw)

    return Topics(
        raw=raw,
        # Every cleaned article + its fingerprint, on ONE partition: dedupe is a serial step
        # with one consistent state, so two copies never both become "first" (docs/cleaning.md).
        to_dedupe=json_topic(
            f"{settings.app_id}-dedupe-all", internal=True, partitions=1, config=big
        ),
        clean=json_topic(t.clean),
        enriched=json_topic(t.enriched),
        alerts=json_topic(t.alerts),
        # Alerts re-keyed by throttle group (rule + pair), so that per-group windows, per-key
        # records and the pair's events sit in one partition: the delivery and event tables are
        # written only while processing this topic and are co-partitioned with it (digest
        # ticks go through it too).
        deliver=json_topic(f"{settings.app_id}-deliver", internal=True, config=big),
        dead_letters=DeadLetters(json_topic(t.dlq)),
    )


def delivery_store(app: faust.App) -> TableStore:
    """The deliver stage's tables, co-partitioned with the deliver topic: alert key →
    {first_seen, group, targets: {name: delivery record}}; throttle group → {window_start,
    window_end, pending digest items, ...}; rule + pair (or rule + story) → the open events
    (worker/transforms/events.py)."""

    def table(name: str) -> Any:
        return app.Table(name, default=None, key_type=str, options=table_options(app))

    deliveries, throttle, events = DELIVERY_TABLES
    return TableStore(table(deliveries), table(throttle), table(events))


def install_delivery_timers(
    app: faust.App, settings: Settings, deliver: DeliverStage, store: TableStore
) -> None:
    """Digest and rate ticks, and the sweep that keeps the delivery tables bounded; each goes
    through the deliver topic, so state changes happen in the owning partition."""

    @app.timer(interval=settings.delivery.digest_check_s)
    async def digest_ticks() -> None:
        await deliver.tick(list(store.groups.items()))
        await deliver.rate_ticks(list(store.events.items()))

    @app.timer(interval=settings.delivery.sweep_s)
    async def sweep_delivery_state() -> None:
        """Delivery records older than the key window, finished throttle groups and events
        quiet for two event windows go, so the tables hold a bounded window, not the
        deployment's whole history."""
        await deliver.sweep(
            list(store.keys.items()), list(store.groups.items()), list(store.events.items())
        )
        # what the last hour's expiry freed (here and in the dedupe stage's indexes) goes back
        # to the system; glibc would keep it (docs/deploy.md#bounded-state). In a thread:
        # ctypes releases the GIL, and a large heap takes a tenth of a second or two to walk
        await asyncio.to_thread(malloc_trim.trim)


def create_app(settings: Settings, pipeline_factory: Any = None) -> faust.App:
    """Build the Faust app. ``pipeline_factory()`` returns the :class:`Pipeline`; it runs at
    worker start so that ``newswatch --help`` never compiles gazetteers."""
    app = faust_app(settings)
    topics = declare_topics(app, settings)
    budget, dlq = settings.kafka_max_message_bytes, topics.dead_letters
    deduper = Deduper(
        DedupeConfig(threshold=settings.dedupe_threshold, window_s=settings.dedupe_window_s)
    )
    dedupe_table(app, deduper)
    store = delivery_store(app)
    silences = LiveSilences.from_settings(settings)  # every worker's copy of the topic

    slot = PipelineSlot()
    intake = IntakeStage(
        slot, deduper, topics.to_dedupe, dlq, raw_topic=settings.topics.raw, budget=budget
    )
    dedupe = DedupeStage(
        slot,
        deduper,
        Outputs(topics.clean, topics.enriched, topics.alerts),
        dlq,
        input_topic=topics.to_dedupe.get_topic_name(),
        budget=budget,
    )
    index = IndexStage(slot, dlq, input_topic=settings.topics.enriched)
    notify = NotifyStage(slot, topics.deliver, dlq, input_topic=settings.topics.alerts)
    deliver = DeliverStage(
        partial(Dispatcher.from_settings, settings),
        slot,
        store,
        topics.deliver,
        dlq,
        event_window=settings.events.window_delta,
        silences=silences,
    )

    @app.task(on_leader=False)
    async def _start() -> None:
        await start_pipeline(slot, pipeline_factory or (lambda: default_pipeline(settings)))

    @app.task(on_leader=False)
    async def _follow_rules() -> None:
        """Hot reload: every worker follows the compacted rules topic with its own group-less
        consumer and swaps ``pipeline.rules`` (see worker/rules_live.py for why not an agent)."""
        from worker.rules_live import LiveRules

        await slot.ready()
        await LiveRules.from_settings(settings, slot).run()

    @app.task(on_leader=False)
    async def _follow_silences() -> None:
        """Every worker follows the compacted silences topic (``newswatch alerts silence``)."""
        await silences.run()

    @app.agent(topics.raw, name="intake")
    async def intake_agent(stream: faust.StreamT) -> None:
        await run_batches(stream, intake, settings.intake_batch, settings.intake_batch_seconds)

    @app.agent(topics.to_dedupe, name="dedupe")
    async def dedupe_agent(stream: faust.StreamT) -> None:
        await run_events(stream, dedupe)

    @app.agent(topics.enriched, name="index")
    async def index_agent(stream: faust.StreamT) -> None:
        await index.run(stream, settings.bulk_max_docs, settings.bulk_max_seconds)

    @app.agent(topics.alerts, name="notify")
    async def notify_agent(stream: faust.StreamT) -> None:
        await run_events(stream, notify)

    @app.agent(topics.deliver, name="deliver")
    async def deliver_agent(stream: faust.StreamT) -> None:
        await deliver.run(stream)

    install_delivery_timers(app, settings, deliver, store)
    install_pages(app, slot)
    install_monitors(app, settings.kafka_bootstrap, security=settings.kafka_security)
    app.newswatch_slot = slot  # type: ignore[attr-defined]
    return app


async def start_pipeline(slot: PipelineSlot, factory: Any) -> None:
    """Build the pipeline, connect the engine, install its templates, then open the stages."""
    pipeline = factory()
    await pipeline.sink.connect()
    await retry_forever("install index templates", pipeline.sink.ensure_templates)
    slot.set(pipeline)
    m.RULES_LOADED.set(len(pipeline.rules))
    log.info(
        "newswatch worker ready: %d rules, engine %s", len(pipeline.rules), pipeline.sink.engine
    )
