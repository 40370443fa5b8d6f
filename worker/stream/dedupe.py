"""The serial dedupe stage: first copy or copy of which story; then the article goes out
cleaned (clean topic), enriched (enriched topic) and its alerts (alerts topic)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from worker import metrics as m
from worker.errors import Reject
from worker.model import Article, utcnow
from worker.stream.budget import oversize
from worker.stream.components import PipelineSlot
from worker.stream.dead_letter import DeadLetters
from worker.transforms.dedupe import Deduper, Fingerprint
from worker.transforms.link import first_seen_month, link_copy


@dataclass
class Outputs:
    clean: Any
    enriched: Any
    alerts: Any


class DedupeStage:
    name = "dedupe"

    def __init__(
        self,
        slot: PipelineSlot,
        deduper: Deduper,
        outputs: Outputs,
        dead_letters: DeadLetters,
        *,
        input_topic: str,
        budget: int,
    ):
        self.slot, self.deduper, self.outputs = slot, deduper, outputs
        self.dead_letters, self.input_topic, self.budget = dead_letters, input_topic, budget

    async def process(self, event: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        started = time.perf_counter()
        value = event.value
        if "tagged" not in value:  # a message from a worker before tag moved to intake
            p = await self.slot.ready()
            value = {**p.analyse(Article.from_dict(value["article"])), "fp": value["fp"]}
        article = Article.from_dict(value["tagged"]["article"])
        now = utcnow()
        # `now` caps the article's time (a future date must not push the window past
        # everything); records that left the window are deleted here, in this partition
        forgotten = self.deduper.forgotten
        verdict = self.deduper.add(article, Fingerprint.from_dict(value["fp"]), now)
        if self.deduper.forgotten > forgotten:
            m.STATE_EXPIRED.labels("dedupe").inc(self.deduper.forgotten - forgotten)
        out, alerts = link_copy(value, verdict)
        # Every copy's alert has the story's key: its document goes to the month the story was
        # first seen, so a copy dated otherwise overwrites it instead of adding a second one.
        story_month = first_seen_month(self.deduper.state, verdict.duplicate_of or article.id, now)
        for alert in alerts:
            alert["index_month"] = story_month
        # through the deduper's state, so the record is indexed by time and leaves with the window
        out["index_month"] = first_seen_month(self.deduper.state, article.id, now)
        too_big = oversize(out, self.budget, "dedupe", "enriched")
        if too_big is not None:
            raise too_big
        if verdict.is_duplicate:
            m.DUPLICATES.labels(verdict.method or "exact").inc()
        records = getattr(self.deduper.state, "timed_records", None)
        if records is not None:
            m.STATE_RECORDS.set(records)
        m.STAGE_SECONDS.labels("dedupe").observe(time.perf_counter() - started)
        m.ARTICLES.labels("dedupe").inc()
        return out, alerts

    async def emit(self, event: Any, result: tuple[dict[str, Any], list[dict[str, Any]]]) -> None:
        out, alerts = result
        key, headers = event.key, event.headers
        await self.outputs.clean.send(key=key, value=out["tagged"]["article"], headers=headers)
        await self.outputs.enriched.send(key=key, value=out, headers=headers)
        for alert in alerts:
            await self.outputs.alerts.send(key=alert["key"].encode(), value=alert, headers=headers)

    async def reject(self, event: Any, rej: Reject) -> None:
        await self.dead_letters.send(event.value, rej, self.input_topic, event.key)
