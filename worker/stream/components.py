"""What the stages call: the compiled transforms and the sinks, built once per worker."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from worker import metrics as m
from worker.config import Settings
from worker.model import Article, utcnow
from worker.sinks.search import SearchSink
from worker.sinks.targets import Target


@dataclass
class Pipeline:
    tagger: Any
    rules: Any
    sink: SearchSink
    notifiers: list[Target]  # always-on targets (the log)
    max_article_bytes: int
    # The tagger's reading version (worker/readings.py): when set, the message carries the
    # article's reading for its index document, which backtests reuse.
    tagging: str | None = None

    def analyse(self, article: Article) -> dict[str, Any]:
        """Tag and match one cleaned article (:func:`worker.pipeline.analyse_steps` of one, run
        at once): the dedupe-topic message without the fingerprint. Alerts are keyed as if the
        article were a first copy; the dedupe stage re-keys them when it is not."""
        from worker.pipeline import analyse_steps, finish_steps

        rules = self.rules  # read once: a rules update swaps the attribute
        steps = analyse_steps([article], self.tagger, rules, now=utcnow())
        (message,) = self._messages(finish_steps(steps), rules)
        if isinstance(message, Exception):
            raise message
        return message

    async def analyse_batch(self, articles: list[Article]) -> list[dict[str, Any] | Exception]:
        """:meth:`analyse` for a batch, each article's message or the exception its analysis
        raised. The pair reader's sentences of the whole batch are parsed in one call; between
        articles the event loop gets its turn, so probes, other stages and the producer are
        not held up for a whole batch."""
        from worker.pipeline import analyse_steps

        rules = self.rules
        steps = analyse_steps(articles, self.tagger, rules, now=utcnow())
        while True:
            try:
                next(steps)
            except StopIteration as stop:
                return self._messages(stop.value, rules)
            await asyncio.sleep(0)

    def _messages(self, results: list[Any], rules: Any) -> list[dict[str, Any] | Exception]:
        from worker.readings import READING_FIELD, make_reading

        out: list[dict[str, Any] | Exception] = []
        for result in results:
            if isinstance(result, Exception):
                out.append(result)
                continue
            tagged, alerts, view = result
            try:
                message = {"tagged": tagged.to_dict(), "alerts": [a.to_dict() for a in alerts]}
                if self.tagging is not None:
                    message[READING_FIELD] = make_reading(view, rules.relations, self.tagging)
            except Exception as exc:
                out.append(exc)
                continue
            for e in tagged.entities:
                m.ENTITIES.labels(e.type).inc()
            for alert in alerts:
                m.RULE_MATCHES.labels(alert.rule_id, alert.severity).inc()
            out.append(message)
        return out


class PipelineSlot:
    """The worker's :class:`Pipeline` once built: stages ``await ready()`` instead of polling."""

    def __init__(self) -> None:
        self._pipeline: Pipeline | None = None
        self._ready = asyncio.Event()

    def set(self, pipeline: Pipeline) -> None:
        self._pipeline = pipeline
        self._ready.set()

    async def ready(self) -> Pipeline:
        await self._ready.wait()
        assert self._pipeline is not None
        return self._pipeline

    def get(self) -> Pipeline | None:
        return self._pipeline

    def __call__(self) -> Pipeline:
        """The pipeline; only valid after :meth:`ready` (the rules follower's accessor)."""
        assert self._pipeline is not None, "the pipeline is not built yet"
        return self._pipeline


def default_pipeline(settings: Settings) -> Pipeline:
    from worker.readings import reader
    from worker.rules_live import initial_rules
    from worker.sinks.targets.log import LogTarget
    from worker.transforms.parser import english_parser

    tagger, tagging = reader(settings)
    # Load the role reader's parser model now (1-3 s, once) rather than inside the intake
    # stage on the first arms article, where it would stall the event loop before readiness.
    english_parser()
    return Pipeline(
        tagger=tagger,
        tagging=tagging,
        rules=initial_rules(settings),
        sink=SearchSink.from_settings(settings),
        notifiers=[LogTarget()],
        max_article_bytes=settings.max_article_bytes,
    )
