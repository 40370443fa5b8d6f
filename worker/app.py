"""The Faust app: topics, tables and agents. Wiring only — the logic lives in transforms/sinks.

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
import base64
import json
import logging
import time
from dataclasses import dataclass
from typing import Any

import faust
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from worker import faust_compat, kafka_security
from worker import metrics as m
from worker.config import MESSAGE_OVERHEAD, Settings
from worker.errors import Reject
from worker.model import Alert, Article, iso, utcnow
from worker.sinks.dispatch import Dispatcher, TableStore
from worker.sinks.notify import Notifier, build_notifiers
from worker.sinks.search import SearchSink
from worker.sources.kafka import INGESTED_HEADER
from worker.transforms.dedupe import DedupeConfig, Deduper, DerivedBandState, Fingerprint
from worker.transforms.link import first_seen_month, link_copy
from worker.transforms.throttle import throttle_group

log = logging.getLogger("newswatch.worker")


@dataclass
class Pipeline:
    """What the agents call: the compiled transforms and the sinks, built once per worker."""

    tagger: Any
    rules: Any
    sink: SearchSink
    notifiers: list[Notifier]
    max_article_bytes: int


def decode_raw(payload: bytes | None, max_bytes: int) -> dict[str, Any]:
    """A raw-topic payload → intake item, or Reject. Kept here (not in the cleaner) because
    it is about the Kafka encoding, not about articles."""
    if payload is None or not payload.strip():
        raise Reject("intake", "empty", "empty message")
    if len(payload) > max_bytes:
        raise Reject(
            "intake", "too_large", f"message is {len(payload):,} bytes, limit {max_bytes:,}"
        )
    try:
        item = json.loads(payload)
    except UnicodeDecodeError:
        raise Reject("intake", "not_utf8", "message is not UTF-8 JSON") from None
    except json.JSONDecodeError as exc:
        raise Reject("intake", "bad_json", f"message is not JSON: {exc.msg} at {exc.pos}") from None
    except (ValueError, RecursionError) as exc:  # 5000-digit integers, nesting 1000 deep
        raise Reject("intake", "bad_json", f"message is not usable JSON: {exc}"[:300]) from None
    if not isinstance(item, dict):
        raise Reject("intake", "schema", f"expected a JSON object, got {type(item).__name__}")
    return item


DLQ_PAYLOAD_MAX = 256_000  # bytes of a rejected raw payload copied into its DLQ record


def clip_for_dlq(payload: bytes | None, rej: Reject, partition: int, offset: int) -> tuple:
    """Cut a huge rejected payload so its DLQ record stays under Kafka's message size; the
    detail then says where the whole original still is (raw topic partition and offset)."""
    if payload is None or len(payload) <= DLQ_PAYLOAD_MAX:
        return payload, rej
    note = (
        f" (payload cut to {DLQ_PAYLOAD_MAX:,} of {len(payload):,} bytes; "
        f"original at raw partition {partition} offset {offset})"
    )
    cut = Reject(rej.stage, rej.reason, rej.detail + note, source=rej.source)
    return payload[:DLQ_PAYLOAD_MAX], cut


def encoded_size(value: Any) -> int:
    """Bytes of ``value`` as Faust's JSON codec writes it to a topic."""
    from faust.utils import json as faust_json

    out = faust_json.dumps(value)
    return len(out) if isinstance(out, bytes) else len(out.encode("utf-8", "surrogatepass"))


def oversize(value: Any, budget: int, stage: str, what: str) -> Reject | None:
    """``Reject(too_large)`` when ``value`` would not fit a Kafka message of ``budget`` bytes
    (key, headers and framing included): sending it would fail the agent, not just the item."""
    size, limit = encoded_size(value), budget - MESSAGE_OVERHEAD
    if size <= limit:
        return None
    detail = (
        f"the {what} message is {size:,} bytes, over the {limit:,}-byte Kafka budget "
        "(NEWSWATCH_KAFKA_MAX_MESSAGE_BYTES)"
    )
    return Reject(stage, "too_large", detail)


def clip_json_for_dlq(payload: Any, rej: Reject) -> tuple[Any, Reject]:
    """Like :func:`clip_for_dlq` for a decoded message (dedupe, index stages)."""
    encoded = json.dumps(payload, ensure_ascii=False).encode("utf-8", "surrogatepass")
    if len(encoded) <= DLQ_PAYLOAD_MAX:
        return payload, rej
    note = (
        f" (payload cut to {DLQ_PAYLOAD_MAX:,} of {len(encoded):,} bytes; the whole message "
        "is still in the input topic)"
    )
    cut = Reject(rej.stage, rej.reason, rej.detail + note, source=rej.source)
    return encoded[:DLQ_PAYLOAD_MAX], cut


def dead_letter_record(payload: Any, rej: Reject, *, topic: str) -> dict[str, Any]:
    """What goes to the dead-letter topic: enough to understand and replay the message."""
    if isinstance(payload, bytes):
        try:
            original: Any = payload.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            original, encoding = base64.b64encode(payload).decode(), "base64"
    else:
        original, encoding = payload, "json"
    return {
        "stage": rej.stage,
        "reason": rej.reason,
        "detail": rej.detail,
        "source": rej.source,
        "topic": topic,
        "failed_at": iso(utcnow()),
        "payload": original,
        "payload_encoding": encoding,
    }


def _ingested_ms(event: faust.EventT) -> int | None:
    headers = event.headers or {}
    raw = headers.get(INGESTED_HEADER) if isinstance(headers, dict) else None
    try:
        return int(raw) if raw else None
    except ValueError:
        return None


def create_app(settings: Settings, pipeline_factory: Any = None) -> faust.App:
    """Build the Faust app. ``pipeline_factory()`` returns the :class:`Pipeline`; it runs at
    worker start so that ``newswatch --help`` never compiles gazetteers."""
    t = settings.topics
    app = faust.App(
        settings.app_id,
        **kafka_security.faust_kwargs(settings),  # broker URL + TLS/SASL credentials
        store="memory://",  # tables are rebuilt from their changelog topics on start
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

    raw = app.topic(
        t.raw, key_type=bytes, value_type=bytes, value_serializer="raw", key_serializer="raw"
    )
    # Every cleaned article + its fingerprint, on ONE partition: dedupe is a serial step with
    # one consistent state, so two copies can never both become "first" (docs/cleaning.md).
    budget = settings.kafka_max_message_bytes
    big = {"max.message.bytes": str(budget)}  # the same budget as the topics we create
    to_dedupe = app.topic(
        f"{settings.app_id}-dedupe-all",
        internal=True,
        partitions=1,
        key_serializer="raw",
        value_serializer="json",
        config=big,
    )
    clean = app.topic(t.clean, key_serializer="raw", value_serializer="json")
    enriched = app.topic(t.enriched, key_serializer="raw", value_serializer="json")
    alerts_t = app.topic(t.alerts, key_serializer="raw", value_serializer="json")
    dlq = app.topic(t.dlq, key_serializer="raw", value_serializer="json")

    # Deduper state, co-partitioned with `to_dedupe`: h:/s: keys in a changelog-backed table,
    # b: band keys derived from the signatures in memory (2 changelog writes per first copy
    # instead of ~27), rebuilt whenever the table was recovered (start, rebalance).
    dedupe_table = app.Table("dedupe-state", default=None, key_type=str, partitions=1)
    deduper = Deduper(DedupeConfig(threshold=settings.dedupe_threshold))
    deduper.state = dedupe_state = DerivedBandState(dedupe_table, deduper.band_keys)
    table_recovered = dedupe_table.on_recovery_completed

    async def _dedupe_recovered(active: Any, standby: Any) -> None:
        dedupe_state.invalidate()
        await table_recovered(active, standby)

    dedupe_table.on_recovery_completed = _dedupe_recovered  # type: ignore[method-assign]
    # Delivery (issue 7). Alerts are re-keyed by throttle group (rule + pair) onto this internal
    # topic so that per-group windows and per-key records sit in one partition: every alert of
    # a key has the same group, so both tables below are written only while processing
    # `deliver_t` and are co-partitioned with it (and digest ticks go through it too).
    deliver_t = app.topic(
        f"{settings.app_id}-deliver",
        internal=True,
        key_serializer="raw",
        value_serializer="json",
        config=big,
    )
    # alert key → {first_seen, group, targets: {name: delivery record}}.
    deliveries = app.Table("deliveries", default=None, key_type=str)
    # throttle group → {window_start, window_end, pending digest items, ...}.
    throttle_state = app.Table("throttle", default=None, key_type=str)
    delivery_state: dict[str, Any] = {}

    state: dict[str, Pipeline] = {}

    def pipe() -> Pipeline:
        return state["pipeline"]

    @app.task(on_leader=False)
    async def _start() -> None:
        pipeline = pipeline_factory() if pipeline_factory else default_pipeline(settings)
        await pipeline.sink.connect()
        await retry_forever("install index templates", pipeline.sink.ensure_templates)
        state["pipeline"] = pipeline
        m.RULES_LOADED.set(len(pipeline.rules))
        log.info(
            "newswatch worker ready: %d rules, engine %s", len(pipeline.rules), pipeline.sink.engine
        )

    async def ready() -> Pipeline:
        while "pipeline" not in state:
            await asyncio.sleep(0.05)
        return state["pipeline"]

    @app.task(on_leader=False)
    async def _follow_rules() -> None:
        """Hot reload: every worker follows the compacted rules topic with its own group-less
        consumer and swaps ``pipeline.rules`` (see worker/rules_live.py for why not an agent)."""
        from worker.rules_live import LiveRules

        await ready()
        await LiveRules(settings, pipe).run()

    async def to_dlq(payload: Any, rej: Reject, topic: str, key: bytes | None = None) -> None:
        m.DLQ.labels(rej.stage, rej.reason).inc()
        log.warning(
            "dead-letter %s/%s: %s",
            rej.stage,
            rej.reason,
            rej.detail,
            extra={"stage": rej.stage, "reason": rej.reason, "input": rej.source, "topic": topic},
        )
        await dlq.send(key=key, value=dead_letter_record(payload, rej, topic=topic))

    async def raw_to_dlq(event: faust.EventT, rej: Reject) -> None:
        msg = event.message
        clipped = clip_for_dlq(event.value, rej, msg.partition, msg.offset)
        await to_dlq(*clipped, t.raw, event.key)

    def analyse(article: Article, p: Pipeline) -> dict[str, Any]:
        """Tag and match one cleaned article: the dedupe-topic message (without the
        fingerprint). Alerts are keyed as if the article were a first copy; the dedupe stage
        re-keys them when it is not."""
        started = time.perf_counter()
        tagged = p.tagger.tag(article)
        tagged_at = time.perf_counter()
        alerts = p.rules.match(tagged, now=utcnow())
        m.STAGE_SECONDS.labels("tag").observe(tagged_at - started)
        m.STAGE_SECONDS.labels("match").observe(time.perf_counter() - tagged_at)
        for e in tagged.entities:
            m.ENTITIES.labels(e.type).inc()
        for alert in alerts:
            m.RULE_MATCHES.labels(alert.rule_id, alert.severity).inc()
        return {"tagged": tagged.to_dict(), "alerts": [a.to_dict() for a in alerts]}

    @app.agent(raw, name="intake")
    async def intake(stream: faust.StreamT) -> None:
        """The parallel stage (one stream per raw partition, across workers): everything per
        article that does not need to know about other articles — clean, fingerprint, tag,
        match — so the serial dedupe stage only decides "first copy or copy of X"."""
        from worker.transforms.clean import clean as clean_item

        p = await ready()
        async for event in stream.events():
            started = time.perf_counter()
            payload = event.value
            stage = "clean"
            try:
                item = decode_raw(payload, p.max_article_bytes)
                article = clean_item(item, now=utcnow(), max_bytes=p.max_article_bytes)
                # fingerprinting is the costly half of dedupe: do it here, in parallel
                fp = deduper.fingerprint(article)
                stage = "enrich"
                m.STAGE_SECONDS.labels("clean").observe(time.perf_counter() - started)
                m.ARTICLES.labels("clean").inc()
                message = analyse(article, p)
                m.ARTICLES.labels("enrich").inc()
            except Exception as exc:  # bad input, or a transform bug: never stop, never lose it
                if isinstance(exc, Reject):
                    rej = exc
                else:
                    log.exception("%s failed", stage)
                    rej = Reject(stage, "internal_error", repr(exc))
                await raw_to_dlq(event, rej)
                continue
            message["fp"] = fp.to_dict()
            too_big = oversize(message, budget, "enrich", "enriched")
            if too_big is not None:
                too_big.source = article.id
                await raw_to_dlq(event, too_big)
                continue
            await to_dedupe.send(key=article.id.encode(), value=message, headers=event.headers)

    @app.agent(to_dedupe, name="dedupe")
    async def dedupe(stream: faust.StreamT) -> None:
        """The serial stage: first copy or copy of which story; then the article goes out
        cleaned (clean topic), enriched (enriched topic) and its alerts (alerts topic)."""
        p = await ready()
        async for event in stream.events():
            started = time.perf_counter()
            value = event.value
            try:
                if "tagged" not in value:  # a message from a worker before tag moved to intake
                    value = {**analyse(Article.from_dict(value["article"]), p), "fp": value["fp"]}
                article = Article.from_dict(value["tagged"]["article"])
                verdict = deduper.add(article, Fingerprint.from_dict(value["fp"]))
                out, alerts = link_copy(value, verdict)
                out["index_month"] = first_seen_month(dedupe_table, article.id, utcnow())
                too_big = oversize(out, budget, "dedupe", "enriched")
                if too_big is not None:
                    raise too_big
            except Exception as exc:  # a malformed internal message must not stop dedupe
                if isinstance(exc, Reject):
                    rej = exc
                else:
                    log.exception("dedupe failed")
                    rej = Reject("dedupe", "internal_error", repr(exc))
                await to_dlq(*clip_json_for_dlq(value, rej), to_dedupe.get_topic_name(), event.key)
                continue
            if verdict.is_duplicate:
                m.DUPLICATES.labels(verdict.method or "exact").inc()
            m.STAGE_SECONDS.labels("dedupe").observe(time.perf_counter() - started)
            m.ARTICLES.labels("dedupe").inc()
            key = event.key
            await clean.send(key=key, value=out["tagged"]["article"], headers=event.headers)
            await enriched.send(key=key, value=out, headers=event.headers)
            for alert in alerts:
                await alerts_t.send(key=alert["key"].encode(), value=alert, headers=event.headers)

    @app.agent(enriched, name="index")
    async def index(stream: faust.StreamT) -> None:
        """Bulk-index enriched articles in batches of ``bulk_max_docs`` or ``bulk_max_seconds``.

        ``noack_take``, not ``take_events``: the latter acks its batch in a ``finally``, so a
        body interrupted mid-outage (shutdown, rebalance) would commit offsets of documents
        never written. Here a batch is acked only once every document is indexed or
        dead-lettered; while the engine is down ``write_bulk`` waits, nothing is acked, offsets
        stay put, Faust stops fetching when its buffer fills, and Kafka still has it all."""
        p = await ready()
        async for events in stream.noack_take(
            settings.bulk_max_docs, within=settings.bulk_max_seconds
        ):
            actions = []
            for ev in events:
                try:
                    actions.append(p.sink.enriched_action(ev.value))
                except Reject as rej:  # unreadable message: dead-letter it, keep the batch going
                    await retry_forever(
                        "dead-letter",
                        lambda r=rej, e=ev: to_dlq(e.value, r, t.enriched, e.key),
                        transient=_any_error,
                        error_kind=None,
                    )
            await write_bulk(
                p.sink, actions, "articles", dlq_send=lambda r, pl: to_dlq(pl, r, t.enriched)
            )
            for ev in events:
                await stream.ack(ev)

    @app.agent(alerts_t, name="notify")
    async def notify(stream: faust.StreamT) -> None:
        p = await ready()
        async for event in stream.events():
            alert = Alert.from_dict(event.value)
            await write_bulk(
                p.sink,
                [p.sink.alert_action(alert)],
                "alerts",
                dlq_send=lambda r, pl: to_dlq(pl, r, t.alerts),
            )
            await deliver_t.send(
                key=throttle_group(alert).encode(),
                value={"kind": "alert", "alert": event.value},
                headers=event.headers,
            )

    def dispatcher() -> Dispatcher:
        if "dispatcher" not in delivery_state:
            p = pipe()

            def throttle_for(rule_id: str) -> Any:
                rule = pipe().rules.get(rule_id)
                return rule.throttle if rule is not None else None

            delivery_state["dispatcher"] = Dispatcher.from_settings(
                settings,
                throttle_for=throttle_for,
                record=p.sink.record_delivery,
                dead_letter=lambda payload, rej: to_dlq(payload, rej, deliver_t.get_topic_name()),
                always=p.notifiers,
            )
        return delivery_state["dispatcher"]

    @app.agent(deliver_t, name="deliver")
    async def deliver(stream: faust.StreamT) -> None:
        """Throttle, deliver, record (worker/sinks/dispatch.py). The event is acked only after
        the dispatcher returns, i.e. after every delivery record is durable in the changelog."""
        await ready()
        store = TableStore(deliveries, throttle_state)
        async for event in stream.events():
            if event.value.get("kind") == "tick":
                await dispatcher().handle_tick(event.value["group"], store)
                continue
            alert = Alert.from_dict(event.value["alert"])
            decision = await dispatcher().handle_alert(alert, store)
            ingested = _ingested_ms(event)
            if ingested and decision.action == "send" and decision.reason != "resume":
                m.END_TO_END_SECONDS.observe(max(0.0, time.time() - ingested / 1000))

    @app.timer(interval=settings.delivery.digest_check_s)
    async def digest_ticks() -> None:
        """Ask the owner of each group with a due digest to send it (through `deliver_t`, so
        the state change happens in the group's partition, in order with its alerts)."""
        if "pipeline" not in state:
            return
        for group in dispatcher().due_groups(list(throttle_state.items())):
            await deliver_t.send(key=group.encode(), value={"kind": "tick", "group": group})

    @app.page("/metrics")
    async def metrics_page(web: Any, request: Any) -> Any:
        # aiohttp refuses a charset inside content_type, so the exposition type goes in headers.
        return web.bytes(generate_latest(m.REGISTRY), headers={"Content-Type": CONTENT_TYPE_LATEST})

    @app.page("/healthz")
    async def healthz(web: Any, request: Any) -> Any:
        return web.json({"status": "alive"})

    def tables_recovered() -> bool:
        """Every table this worker owns is rebuilt from its changelog (and no rebalance is
        rebuilding them again): before, /readyz said 200 ~20 s before the dedupe table was."""
        recovery = app.tables.recovery
        return recovery.completed.is_set() and not recovery.in_recovery

    @app.page("/readyz")
    async def readyz(web: Any, request: Any) -> Any:
        """Ready = rules loaded, the engine answers, this worker holds partitions and its
        tables are recovered. (Its internal topics exist before it starts: `newswatch
        worker` creates them, see ensure_topics(internal=True).)"""
        checks: dict[str, Any] = {"rules": False, "engine": False, "kafka": False}
        p = state.get("pipeline")
        if p is not None:
            checks["rules"] = len(p.rules) > 0
            try:
                checks["engine"] = bool(await asyncio.wait_for(p.sink.client.ping(), 2.0))
            except Exception:  # any failure means "not ready"; the reason is in the logs
                checks["engine"] = False
        # Partitions assigned = the broker answered and this worker joined the group.
        checks["kafka"] = bool(app.consumer.assignment())
        checks["tables"] = checks["kafka"] and tables_recovered()
        ok = all(checks.values())
        return web.json({"ready": ok, **checks}, status=200 if ok else 503)

    @app.timer(interval=5.0)
    async def probe_kafka() -> None:
        """Broker availability as a metric: the client's own reconnect errors are folded
        into one log line per interval (worker/logs.py), so alert on this instead."""
        from worker.sources.kafka import kafka_reachable

        m.KAFKA_UP.set(
            1
            if await kafka_reachable(settings.kafka_bootstrap, security=settings.kafka_security)
            else 0
        )

    lag_reported: set[tuple[str, str]] = set()

    @app.timer(interval=5.0)
    async def export_lag() -> None:
        """Consumer lag per assigned partition: highwater minus committed offset."""
        consumer = app.consumer
        # Changelog partitions are read to rebuild tables, never committed: their "lag" would
        # be the changelog's length. They are skipped.
        assigned = {tp for tp in consumer.assignment() if not tp.topic.endswith("-changelog")}
        current = {(tp.topic, str(tp.partition)) for tp in assigned}
        for tp in assigned:
            high = consumer.highwater(tp)
            committed = consumer._committed_offset.get(tp)  # faust keeps no public accessor
            if high is not None:
                m.CONSUMER_LAG.labels(tp.topic, str(tp.partition)).set(
                    max(0, high - (committed or 0))
                )
        # A partition that moved to another worker is that worker's to report now.
        for topic, partition in lag_reported - current:
            m.CONSUMER_LAG.remove(topic, partition)
        lag_reported.clear()
        lag_reported.update(current)

    app.newswatch_state = state  # type: ignore[attr-defined]
    return app


def _any_error(exc: BaseException) -> bool:
    """Retry predicate for Kafka sends: every error, but never cancellation (shutdown)."""
    return isinstance(exc, Exception)


async def retry_forever(
    what: str,
    fn: Any,
    *,
    first: float = 0.5,
    cap: float = 15.0,
    transient: Any = None,
    error_kind: str | None = "request",
) -> Any:
    """Call ``fn`` until it succeeds, backing off (exponential with jitter, capped at ``cap``)
    while ``transient(exc)`` holds — by default: engine unreachable, timed out, 429 or 5xx.
    Other errors are raised at once. Used where giving up would lose data: while we wait, the
    caller has not acked its messages, so offsets are not committed and Kafka keeps them."""
    from tenacity import AsyncRetrying, retry_if_exception, wait_exponential_jitter

    from worker.sinks.search import describe_error, is_transient

    def before_sleep(state: Any) -> None:
        if error_kind:
            m.INDEX_ERRORS.labels(error_kind).inc()
        exc = state.outcome.exception()
        log.warning(
            "%s failed (%s); retry %d in %.1fs",
            what,
            describe_error(exc),
            state.attempt_number,
            state.upcoming_sleep,
        )

    async for attempt in AsyncRetrying(
        retry=retry_if_exception(transient or is_transient),
        wait=wait_exponential_jitter(multiplier=first, max=cap, jitter=first),
        before_sleep=before_sleep,
        reraise=True,
    ):
        with attempt:
            return await fn()
    raise AssertionError("unreachable: AsyncRetrying without stop either returns or raises")


async def write_bulk(
    sink: SearchSink, actions: list[dict[str, Any]], kind: str, *, dlq_send: Any
) -> None:
    """Write until every document is indexed or dead-lettered with the engine's reason.

    Never gives up on engine trouble (see :func:`retry_forever`): that is the backpressure.
    Items the engine refuses for good (mapping conflicts...) go to ``dlq_send(reject, payload)``
    with the original message when the action carries one (``_origin``). Items refused for
    the cluster's state (429, blocks) are retried alone. A request refused as a whole (400,
    413) is split in halves until the document at fault is alone, then dead-lettered."""
    from worker.sinks.search import BulkResult, ItemFailure, describe_error, error_status

    started = time.perf_counter()
    batches = [actions]
    item_delay = 0.5
    while batches:
        batch = batches.pop()
        if not batch:
            continue
        m.BULK_DOCS.observe(len(batch))
        try:
            result = await retry_forever(
                f"bulk index ({len(batch)} {kind})", lambda b=batch: sink.bulk(b)
            )
        except Exception as exc:  # not transient: the engine refused this request itself
            m.INDEX_ERRORS.labels("request_refused").inc()
            if len(batch) > 1:
                mid = len(batch) // 2
                batches += [batch[mid:], batch[:mid]]
                continue
            act = batch[0]
            result = BulkResult(
                failures=[
                    ItemFailure(
                        act["_id"],
                        act["_index"],
                        error_status(exc) or 0,
                        "request_refused",
                        describe_error(exc),
                        act["_source"],
                        act.get("_origin"),
                    )
                ]
            )
        m.INDEXED.labels(kind).inc(result.indexed)
        for f in result.failures:
            m.INDEX_ERRORS.labels("item").inc()
            rej = Reject("index", f.error_type, f"{f.status} {f.reason}", source=f.doc_id)
            payload: Any = f.origin if f.origin is not None else f.source
            payload, rej = clip_json_for_dlq(payload, rej)  # keep the record under the budget
            await retry_forever(
                "dead-letter",
                lambda r=rej, pl=payload: dlq_send(r, pl),
                transient=_any_error,
                error_kind=None,
            )
        if result.retryable:
            m.INDEX_ERRORS.labels("item_retry").inc(len(result.retryable))
            log.warning(
                "%d %s refused for now (%s); retrying in %.1fs",
                len(result.retryable),
                kind,
                result.retry_reasons[0],
                item_delay,
            )
            await asyncio.sleep(item_delay)
            item_delay = min(15.0, item_delay * 2)
            batches.append(result.retryable)
    m.STAGE_SECONDS.labels(f"index_{kind}").observe(time.perf_counter() - started)


def default_pipeline(settings: Settings) -> Pipeline:
    from worker.rules_live import initial_rules
    from worker.transforms.gazetteer import EXTENSION_FILE
    from worker.transforms.parser import english_parser
    from worker.transforms.tag import Tagger

    extra = []
    if settings.rules_dir and (settings.rules_dir / EXTENSION_FILE).exists():
        extra.append(settings.rules_dir / EXTENSION_FILE)
    # Load the role reader's parser model now (1-3 s, once) rather than inside the intake
    # agent on the first arms article, where it would stall the event loop before readiness.
    english_parser()
    return Pipeline(
        tagger=Tagger.load(extra),
        rules=initial_rules(settings),
        sink=SearchSink(settings),
        notifiers=build_notifiers(settings),
        max_article_bytes=settings.max_article_bytes,
    )
