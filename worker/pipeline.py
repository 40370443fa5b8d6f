"""The in-process pipeline: intake → clean → tag → match, with no servers.

``newswatch scan``, ``tag``, ``clean`` and the tests call these; the Faust agents call the same
transforms one stage per topic, so what ``scan`` prints is what the stream produces.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from worker.errors import Reject
from worker.model import Alert, Article, TaggedArticle, utcnow
from worker.sources.files import DEFAULT_MAX_BYTES, iter_entries

if TYPE_CHECKING:
    from worker.transforms.rules import RuleSet
    from worker.transforms.rules.match import RuleView
    from worker.transforms.tag import Tagger


def iter_items(
    paths: Iterable[Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[dict[str, Any] | Reject]:
    """Intake items from files/folders; a bad file or item yields its Reject and the rest go on."""
    for path in paths:
        try:
            yield from iter_entries(Path(path), max_bytes=max_bytes)
        except Reject as rej:
            yield rej


def load_articles(
    paths: Iterable[Path], *, now: datetime | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | Reject]:
    """Cleaned articles from files/folders; rejects are yielded, not raised, so one bad file
    never hides the good ones."""
    from worker.transforms.clean import clean

    now = now or utcnow()
    for item in iter_items(paths, max_bytes=max_bytes):
        if isinstance(item, Reject):
            yield item
            continue
        try:
            yield clean(item, now=now, max_bytes=max_bytes)
        except Reject as rej:
            yield rej


def analyse(
    article: Article, tagger: Tagger, rules: RuleSet, now: datetime | None = None
) -> tuple[TaggedArticle, list[Alert]]:
    """Tag one cleaned article and match it against the rule set (the stream's intake stage
    and ``scan`` both call this; the two steps' times go to ``newswatch_stage_seconds``)."""
    tagged, alerts, _ = analyse_reading(article, tagger, rules, now)
    return tagged, alerts


def analyse_reading(
    article: Article, tagger: Tagger, rules: RuleSet, now: datetime | None = None
) -> tuple[TaggedArticle, list[Alert], RuleView]:
    """``analyse``, plus the article as the matcher read it (words, features, relation pairs),
    which the stream keeps in the index document for backtests (worker/readings.py)."""
    from worker import metrics as m

    started = time.perf_counter()
    tagged = tagger.tag(article)
    tagged_at = time.perf_counter()
    alerts, view = rules.match_reading(tagged, now=now or utcnow())
    m.STAGE_SECONDS.labels("tag").observe(tagged_at - started)
    m.STAGE_SECONDS.labels("match").observe(time.perf_counter() - tagged_at)
    return tagged, alerts, view
