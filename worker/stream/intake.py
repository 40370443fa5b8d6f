"""The parallel intake stage: raw message → cleaned, fingerprinted, tagged and matched.

One stream per raw partition, across workers: everything per article that does not need to know
about other articles, so the serial dedupe stage only decides "first copy or copy of X"."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

from worker import metrics as m
from worker.errors import Reject
from worker.model import Article, utcnow
from worker.stream.budget import fit
from worker.stream.components import PipelineSlot
from worker.stream.dead_letter import DeadLetters, raw_location
from worker.stream.runner import as_reject
from worker.transforms.dedupe import Deduper


def decode_raw(payload: bytes | None, max_bytes: int) -> dict[str, Any]:
    """A raw-topic payload → intake item, or Reject. About the Kafka encoding (one JSON object
    per message), not about articles, hence here and not in the cleaner."""
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


class IntakeStage:
    name = "clean"

    def __init__(
        self,
        slot: PipelineSlot,
        deduper: Deduper,
        out: Any,
        dead_letters: DeadLetters,
        *,
        raw_topic: str,
        budget: int,
    ):
        self.slot, self.deduper, self.out = slot, deduper, out
        self.dead_letters, self.raw_topic, self.budget = dead_letters, raw_topic, budget

    async def process_batch(self, events: list[Any]) -> list[tuple[str, dict[str, Any]] | Reject]:
        """Each event's (article id, dedupe-topic message), or its Reject, in order. Cleaning
        and fingerprinting go article by article; tagging and matching go as one batch, so the
        pair reader parses every article's candidate sentences together
        (:func:`worker.pipeline.analyse_many`)."""
        from worker.transforms.clean import clean

        p = await self.slot.ready()
        results: list[tuple[str, dict[str, Any]] | Reject | None] = []
        cleaned: list[tuple[int, Article, Any]] = []
        for event in events:
            started = time.perf_counter()
            try:
                item = decode_raw(event.value, p.max_article_bytes)
                article = clean(item, now=utcnow(), max_bytes=p.max_article_bytes)
                # fingerprinting is the costly half of dedupe: done here, in parallel
                fp = self.deduper.fingerprint(article)
            except Exception as exc:
                results.append(as_reject(exc, self.name))
                continue
            finally:
                await asyncio.sleep(0)  # other stages and probes get their turn per article
            m.STAGE_SECONDS.labels("clean").observe(time.perf_counter() - started)
            m.ARTICLES.labels("clean").inc()
            cleaned.append((len(results), article, fp))
            results.append(None)  # analysed below, with the rest of the batch
        analysed = await p.analyse_batch([article for _, article, _ in cleaned])
        for (slot, article, fp), message in zip(cleaned, analysed, strict=True):
            results[slot] = self._finish(article, fp, message)
        return [r for r in results if r is not None]

    def _finish(
        self, article: Article, fp: Any, message: dict[str, Any] | Exception
    ) -> tuple[str, dict[str, Any]] | Reject:
        if isinstance(message, Exception):
            return as_reject(message, "enrich")
        m.ARTICLES.labels("enrich").inc()
        message["fp"] = fp.to_dict()
        # The reading is only a backtest shortcut (worker/readings.py): an article that fits
        # without it goes on without it, and a backtest reads it from its text.
        too_big = fit(message, self.budget, "enrich", "enriched", optional=("reading",))
        if too_big is not None:
            too_big.source = article.id
            return too_big
        return article.id, message

    async def emit(self, event: Any, result: tuple[str, dict[str, Any]]) -> None:
        article_id, message = result
        await self.out.send(key=article_id.encode(), value=message, headers=event.headers)

    async def reject(self, event: Any, rej: Reject) -> None:
        where = raw_location(event.message.partition, event.message.offset)
        await self.dead_letters.send(event.value, rej, self.raw_topic, event.key, where=where)
