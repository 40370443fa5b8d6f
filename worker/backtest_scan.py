"""Reading a backtest's candidates from the index and replaying them (worker/backtest.py).

The engine's work (finding, loading and sending the next page of candidates) and ours (matching
the page just received) overlap: each page is replayed in a worker thread while the event loop
has the engine fetch the next one (``SearchSink.scan_article_pages`` asks for it before handing
over the current page). Pages are replayed one after the other, in scroll order, so alerts reach
the tallies oldest first as before. Only the fields a replay reads come back (:data:`READ`).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from datetime import datetime
from typing import Any

from worker.backtest import Replay, Tally

# What a replay reads of an article document: the article (``Article.from_dict``), its date and
# the reading parts it may reuse. Not the words and features (the engine filtered on them), the
# keyword copies for dashboards, nor the other language's analysed copy of the text.
READ = (
    "id",
    "title",
    "body",
    "url",
    "source",
    "published_at",
    "language",
    "dateline",
    "fetched_at",
    "content_hash",
    "duplicate_of",
    "@timestamp",
    "reading.tagging",
    "reading.entities",
    "reading.sentences",
    "reading.pairs",
)


async def replay_index(
    sink: Any,
    replay: Replay,
    candidate: Tally,
    active: Tally,
    since: datetime | None,
    until: datetime | None,
    *,
    # smaller than the scroll's usual 1,000: the first page is the only one whose fetch
    # overlaps nothing, and a 1,000-document page is all of a small backtest
    page: int = 500,
    advance: Callable[[int], None] = lambda n: None,
) -> int:
    """Replay every candidate document of ``[since, until)`` (``replay.where()``) from
    ``sink`` (a :class:`~worker.sinks.search.SearchSink`) into the two tallies; returns how
    many were read. ``advance(n)`` is called from the worker thread after each document."""

    def work(hits: list[dict[str, Any]]) -> None:
        for h in hits:
            cand, act = replay.alerts(h["_source"])
            candidate.add(cand)
            active.add(act)
            advance(1)

    n = 0
    pages = sink.scan_article_pages(since, until, page=page, where=replay.where(), include=READ)
    # closed at once if a replay fails or the command is interrupted: the engine's scroll
    # context is freed then, not when the generator is collected
    async with contextlib.aclosing(pages):
        async for hits in pages:
            await asyncio.to_thread(work, hits)
            n += len(hits)
    return n
