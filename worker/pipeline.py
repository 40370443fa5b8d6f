"""The in-process pipeline: intake → clean → tag → match, with no servers.

``newswatch scan``, ``tag``, ``clean`` and the tests call these; the Faust agents call the same
transforms one stage per topic, so what ``scan`` prints is what the stream produces.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Generator, Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from worker.errors import Reject
from worker.model import Alert, Article, TaggedArticle, utcnow
from worker.sources.files import DEFAULT_MAX_BYTES, iter_entries

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from worker.transforms.rules import RuleSet
    from worker.transforms.rules.match import RuleView
    from worker.transforms.tag import Tagger

    Analysed = tuple[TaggedArticle, list[Alert], RuleView]


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
    result = analyse_many([article], tagger, rules, now)[0]
    if isinstance(result, Exception):
        raise result
    return result


def analyse_many(
    articles: Sequence[Article], tagger: Tagger, rules: RuleSet, now: datetime | None = None
) -> list[Analysed | Exception]:
    """``analyse_reading`` for a batch of articles, in order: each article's result, or the
    exception its tagging or matching raised (one bad article never costs the others theirs).
    ``scan`` and the tests call it; the stream runs :func:`analyse_steps` itself, yielding to
    its event loop between articles."""
    return finish_steps(analyse_steps(articles, tagger, rules, now))


def finish_steps(
    steps: Generator[None, None, list[Analysed | Exception]],
) -> list[Analysed | Exception]:
    """Run :func:`analyse_steps` to its end, without pausing; its result (the generator's return
    value, which a ``for`` loop would drop)."""
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return stop.value


def analyse_steps(
    articles: Sequence[Article], tagger: Tagger, rules: RuleSet, now: datetime | None = None
) -> Generator[None, None, list[Analysed | Exception]]:
    """:func:`analyse_many` in steps: the generator yields after each article's tagging, after
    the batch's parse and after each article's matching, so that an asynchronous caller can let
    other work run in between; it returns the results.

    The batch matters for the pair reader's parser, whose cost is mostly per call: the
    sentences every article's pair rules will read are parsed in one call first
    (``RuleSet.read_ahead``). Results are the same as article by article."""
    from worker import metrics as m

    now = now or utcnow()
    staged: list[tuple[TaggedArticle, RuleView, list[int], float] | Exception] = []
    for article in articles:
        try:
            started = time.perf_counter()
            tagged = tagger.tag(article)
            tagged_at = time.perf_counter()
            view = rules.view(tagged)
            indices = view.matching()
            m.STAGE_SECONDS.labels("tag").observe(tagged_at - started)
            staged.append((tagged, view, indices, time.perf_counter() - tagged_at))
        except Exception as exc:
            staged.append(exc)
        yield
    ready = [s for s in staged if not isinstance(s, Exception)]
    started = time.perf_counter()
    try:
        counts = rules.read_ahead([(view, indices) for _, view, indices, _ in ready])
    except Exception:  # only a speed-up: each article's own reading parses what it needs
        log.exception("reading ahead for a batch of %d articles failed", len(ready))
        counts = [0] * len(ready)
    # the parse's time goes to the articles whose sentences it parsed, by their number
    per_sentence = (time.perf_counter() - started) / max(sum(counts), 1)
    shares = iter(counts)
    yield
    out: list[Analysed | Exception] = []
    for s in staged:
        if isinstance(s, Exception):
            out.append(s)
            continue
        tagged, view, indices, matched_s = s
        matched_s += next(shares) * per_sentence
        try:
            started = time.perf_counter()
            alerts = rules.alerts(view, indices, now=now)
            m.STAGE_SECONDS.labels("match").observe(matched_s + time.perf_counter() - started)
            out.append((tagged, alerts, view))
        except Exception as exc:
            out.append(exc)
        yield
    return out
