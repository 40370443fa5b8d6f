"""Hot reload: every worker follows the compacted rules topic and swaps its rule set atomically.

The topic (``newswatch.rules``, compacted, one record per rule/topic/relation, see
``transforms/rules/records.py``) is the source of truth for the active rule set.

*Reading.* Each worker reads the whole topic with its own consumer that belongs to no group
(``worker/sources/follow.py``, shared with the silences topic). A Faust agent would not do:
agents consume as one consumer group, so the topic's single partition would go to one worker
and the others would never hear of a change. A ``GlobalTable`` would reach every worker, but it
couples the wire format to Faust's table serialisation and gates start-up on table recovery.

*Swapping.* When the worker has read to the end of the topic and the content differs from the
active set, the set is rebuilt (in a thread: 10,000 rules take ~0.5 s) and swapped in with one
attribute assignment (``pipeline.rules = new``), which the enrich agent picks up on its next
article. If any record does not compile, nothing is swapped: the previous set stays, the
``newswatch_rule_reload_failures_total`` counter goes up and the log names each rule and reason.

*Publishing.* With ``NEWSWATCH_RULES_DIR`` set, the worker polls the folder's file stamps every
few seconds; on a change (and at start) it validates the whole pack and publishes the difference
to the topic (changed records, tombstones for removed rules). An invalid pack is not published
at all. Every worker with the folder may publish: the difference is computed against what the
topic holds, so a second publisher finds nothing to send, and a duplicate that slips through a
race is the same keyed record again, which compaction and the content comparison make harmless.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from worker import metrics as m
from worker.config import KafkaConnection, Settings
from worker.errors import ConfigError
from worker.kafka_security import client_kwargs
from worker.sources.follow import TopicFollower, at_end
from worker.transforms.rules import RuleSet, load_rules_lenient
from worker.transforms.rules.loader import RuleError, pack_files
from worker.transforms.rules.records import RecordLog, decode, diff, encode, fingerprint

log = logging.getLogger("newswatch.rules")


def pack_stamp(path: Path) -> tuple:
    """What changes when any file of a rule pack is written, added or removed."""
    out = []
    for files in pack_files(path):
        for f in files:
            try:
                st = f.stat()
            except OSError:
                continue  # removed between listing and stat: the next poll sees it gone
            out.append((str(f), st.st_mtime_ns, st.st_size))
    return tuple(out)


def log_errors(what: str, errors: list[RuleError]) -> None:
    """One warning per problem, with the rule id and the reason as fields."""
    for e in errors:
        log.warning(
            "%s: rule %s refused: %s",
            what,
            e.rule_id or "-",
            e,
            extra={"rule_id": e.rule_id, "reason": e.reason, "input": e.file},
        )


def initial_rules(settings: Settings, read_topic: Callable[[], list] | None = None) -> RuleSet:
    """The rule set a worker starts with.

    The folder, when set and valid (it is about to be published anyway); else what the rules
    topic holds; else, with no folder, the shipped pack. A folder that is invalid while the topic
    is empty leaves nothing sensible to run, so that (and only that) stops start-up with every
    error as file:line: reason."""
    errors: list[RuleError] = []
    if settings.rules_dir is not None:
        rules, errors = load_rules_lenient(settings.rules_dir)
        if not errors:
            return rules
        m.RULE_RELOAD_FAILURES.inc()
        log_errors(f"rules folder {settings.rules_dir}", errors)
    if read_topic is None:
        from worker.sources.rules_topic import read_records

        def read_topic() -> list:
            return read_records(settings.kafka_connection, settings.topics.rules)[0]

    records = read_topic()
    if records:
        rules, rec_errors = RuleSet.from_records_lenient(records)
        if not rec_errors:
            log.info("starting with the %d rules of topic %s", len(rules), settings.topics.rules)
            return rules
        m.RULE_RELOAD_FAILURES.inc()
        log_errors(f"topic {settings.topics.rules}", rec_errors)
    if settings.rules_dir is None:
        return load_rules_lenient(None)[0]
    lines = "\n".join(str(e) for e in errors)
    raise ConfigError(f"invalid rules in {settings.rules_dir} and none on the topic:\n{lines}")


class LiveRules(TopicFollower):
    """Follows the rules topic for one worker; publishes its rules folder when it has one."""

    def __init__(
        self,
        kafka: KafkaConnection,
        topic: str,
        pipeline: Callable[[], Any],
        *,
        app_id: str = "newswatch",
        rules_dir: Path | None = None,
        poll_s: float = 2.0,
        settle_s: float = 0.3,
    ):
        super().__init__(kafka, topic, client_id=f"{app_id}-rules")
        self.app_id = app_id
        self.rules_dir = rules_dir  # published to the topic when its files change
        self.pipeline = pipeline  # returns the Pipeline whose ``.rules`` we swap
        self.poll_s = poll_s
        self.settle_s = settle_s
        self.log = RecordLog()
        self.active = fingerprint(pipeline().rules.to_records())
        self.failed: dict[str, str] | None = None  # topic content that failed to compile
        self.stamp: tuple | None = None
        self.producer: Any = None

    @classmethod
    def from_settings(cls, settings: Settings, pipeline: Callable[[], Any], **kw: Any) -> LiveRules:
        return cls(
            settings.kafka_connection,
            settings.topics.rules,
            pipeline,
            app_id=settings.app_id,
            rules_dir=settings.rules_dir,
            **kw,
        )

    def reset(self) -> None:
        self.log = RecordLog()  # rebuilt from the start of the (compacted) topic

    async def closed(self) -> None:
        if self.producer is not None:
            await self.producer.stop()
            self.producer = None

    async def run(self) -> None:
        """Follow the topic until cancelled (worker/sources/follow.py: a failure is logged and
        the topic read again). Never raises: rules must not stop a worker."""
        # The pipeline (gazetteers, compiled rules) lives as long as the worker: take it out of
        # the collector's generations so collections stop walking it (bench/bench_rules.py).
        gc.freeze()
        await super().run()

    async def follow(self, consumer: Any, parts: list) -> None:
        await self._follow(consumer, parts)

    async def _follow(self, consumer: Any, parts: list) -> None:
        caught_up = False
        dirty = False
        last_record = 0.0
        next_poll = 0.0
        while True:
            try:
                batch = await consumer.getmany(timeout_ms=250)
                for msgs in batch.values():
                    for msg in msgs:
                        dirty |= self._take(msg)
                        last_record = time.monotonic()
                if not await at_end(consumer, parts):
                    continue
                now = time.monotonic()
                if not caught_up:
                    caught_up = True
                    log.info("rules topic %s read: %d records", self.topic, len(self.log))
                    if self.rules_dir is not None:
                        await self.check_folder()
                        next_poll = now + self.poll_s
                        continue  # what we published comes back before we rebuild
                    dirty = True
                if dirty and now - last_record >= self.settle_s:
                    dirty = False
                    await self.rebuild()
                if self.rules_dir is not None and now >= next_poll:
                    next_poll = now + self.poll_s
                    await self.check_folder()
            except asyncio.CancelledError:
                raise
            except Exception:  # a broker hiccup or a bug here must not stop the worker
                log.exception("rules follower failed; retrying")
                await asyncio.sleep(2.0)

    def _take(self, msg: Any) -> bool:
        try:
            return self.log.apply(decode(msg.key, msg.value))
        except ValueError as exc:
            m.RULE_RELOAD_FAILURES.inc()
            log.warning("skipping rules record at offset %d: %s", msg.offset, exc)
            return False

    async def rebuild(self) -> bool:
        """Compile the topic's content and swap it in if it differs and compiles; True if
        swapped."""
        wanted = self.log.fingerprint()
        if wanted == self.active or wanted == self.failed:
            return False
        if not wanted:
            # an emptied topic (every rule deleted) keeps the current set: an empty rule set
            # would silently stop all alerting, and the folder/CLI refuse to publish one
            log.info("rules topic %s is empty; keeping the active rules", self.topic)
            return False
        records = self.log.records()
        loop = asyncio.get_running_loop()
        rules, errors = await loop.run_in_executor(None, RuleSet.from_records_lenient, records)
        if errors:
            self.failed = wanted
            m.RULE_RELOAD_FAILURES.inc()
            log_errors(f"reload from {self.topic}", errors)
            log.warning("rule reload refused; %d rules stay active", len(self.pipeline().rules))
            return False
        before = set(self.active)
        self.pipeline().rules = rules  # atomic: the enrich agent reads it once per article
        gc.freeze()  # the new set is long-lived too (the old one is freed by reference count)
        self.active, self.failed = wanted, None
        m.RULES_LOADED.set(len(rules))
        m.RULE_RELOADS.inc()
        added = sum(1 for k in wanted if k.startswith("rule:") and k not in before)
        removed = sum(1 for k in before if k.startswith("rule:") and k not in wanted)
        log.info(
            "rules reloaded: %d active (%d added, %d removed)", len(rules.rules), added, removed
        )
        return True

    async def check_folder(self) -> int:
        """Publish the folder's pack if its files changed; returns records sent."""
        folder = self.rules_dir
        assert folder is not None
        loop = asyncio.get_running_loop()
        try:
            stamp = await loop.run_in_executor(None, pack_stamp, folder)
        except ConfigError as exc:  # folder removed or unreadable: keep what we have
            if self.stamp != ("missing",):
                log.warning("rules folder: %s", exc)
            self.stamp = ("missing",)
            return 0
        if stamp == self.stamp:
            return 0
        self.stamp = stamp
        rules, errors = await loop.run_in_executor(None, load_rules_lenient, folder)
        if errors:
            m.RULE_RELOAD_FAILURES.inc()
            log_errors(f"rules folder {folder}", errors)
            log.warning("rules folder has %d error(s); nothing published", len(errors))
            return 0
        if not rules.rules:
            m.RULE_RELOAD_FAILURES.inc()
            log.warning("rules folder %s holds no rules; nothing published", folder)
            return 0
        changes = diff(self.log.latest, rules.to_records())
        if changes:
            await self._send(changes)
            log.info("published %d rules record(s) from %s", len(changes), folder)
        return len(changes)

    async def _send(self, records: list) -> None:
        from aiokafka import AIOKafkaProducer

        if self.producer is None:
            self.producer = AIOKafkaProducer(
                **client_kwargs(self.kafka),
                acks="all",
                client_id=f"{self.app_id}-rules-publish",
            )
            await self.producer.start()
        for rec in records:
            key, value = encode(rec)
            await self.producer.send_and_wait(self.topic, value=value, key=key)
