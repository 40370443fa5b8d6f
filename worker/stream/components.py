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
        """Tag and match one cleaned article: :meth:`analyse_many` of one, raising its error."""
        result = self.analyse_many([article])[0]
        if isinstance(result, Exception):
            raise result
        return result

    def analyse_many(self, articles: list[Article]) -> list[dict[str, Any] | Exception]:
        """Tag and match cleaned articles (:func:`worker.pipeline.analyse_many`, timed and
        counted): for each, the dedupe-topic message without the fingerprint, or the exception
        its analysis raised. Alerts are keyed as if each article were a first copy; the dedupe
        stage re-keys them when it is not."""
        from worker.pipeline import analyse_many
        from worker.readings import READING_FIELD, make_reading

        rules = self.rules  # read once: a rules update swaps the attribute
        out: list[dict[str, Any] | Exception] = []
        for result in analyse_many(articles, self.tagger, rules, now=utcnow()):
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
