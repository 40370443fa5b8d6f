"""Re-reading stale stored readings in place (``newswatch rules readings refresh``).

After an upgrade that changes what a reading depends on (worker/readings.py: the tagger, the
gazetteer, the pair reader, the relation lexicon), stored readings no longer match the version a
backtest would write, so a backtest reads those articles from their text again: slow, until the
articles are re-read. The refresh does that once, ahead of time: it scrolls the articles of a
period, and for each one whose reading is stale makes the reading the stream would make now
(tagging, the active pack's pair readings, words and features) and replaces the stored one by id.
Documents whose reading is current are not written.

The pure parts (:func:`is_stale`, :func:`fresh_reading`) are unit-tested; the index part is
:func:`refresh`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from worker.readings import READING_FIELD, document_reading, make_reading, pairs_version

# What the refresh needs of a document: the article and its reading's versions (the words and
# features are not read back, only replaced).
NOT_READ = (
    "reading.words",
    "reading.features",
    "reading.entities",
    "reading.sentences",
    "reading.pairs.*.hits",
    "entities",
    "rules",
    "alert_keys",
    "pairs",
    "lang_text",
)


def is_stale(doc: Mapping[str, Any], tagging: str, relations: Mapping[str, Any]) -> bool:
    """Is the document's stored reading other than what this reader would store? Stale when
    there is none (indexed before readings existed), its tagging is of another version, or a
    relation it holds pairs for (and the pack knows) is of another version. A current reading
    without words (an article with an over-long token) is current: words are never stored
    for it."""
    r = doc.get(READING_FIELD)
    if not isinstance(r, dict) or r.get("tagging") != tagging:
        return True
    pairs = r.get("pairs")
    for name, stored in (pairs if isinstance(pairs, dict) else {}).items():
        lex = relations.get(name)
        if lex is None:
            continue
        if not isinstance(stored, dict) or stored.get("version") != pairs_version(tagging, lex):
            return True
    return False


def fresh_reading(doc: Mapping[str, Any], tagger: Any, tagging: str, rules: Any) -> dict[str, Any]:
    """The reading the stream would store for this document's article now: tagged again and
    matched against ``rules`` (the active pack: its pair rules decide which pairs are read)."""
    from worker.backtest import article_of

    art, when = article_of(dict(doc))
    tagged = tagger.tag(art)
    _, view = rules.match_reading(tagged, now=when, evidence=False)
    reading = document_reading(make_reading(view, rules.relations, tagging), tagged.to_dict())
    assert reading is not None  # both parts are dicts
    return reading


@dataclass
class RefreshCounts:
    checked: int = 0
    stale: int = 0
    updated: int = 0
    skipped: int = 0  # written by someone else since it was read: left as it is


async def refresh(
    sink: Any,
    tagger: Any,
    tagging: str,
    rules: Any,
    since: Any,
    until: Any,
    *,
    batch: int = 200,
    advance: Callable[[int], None] = lambda n: None,
) -> RefreshCounts:
    """Re-read the stale readings of the articles dated in ``[since, until)`` through
    ``sink`` (a :class:`~worker.sinks.search.SearchSink`), ``batch`` updates per bulk request;
    ``advance(n)`` after every ``n`` documents checked (a progress bar)."""
    from worker.sinks.search import ReadingUpdate

    counts = RefreshCounts()
    pending: list[ReadingUpdate] = []

    async def flush() -> None:
        updated, skipped = await sink.update_readings(pending)
        counts.updated += updated
        counts.skipped += skipped
        pending.clear()

    # Small pages and a long keep-alive: right after an upgrade every document of a page may
    # be re-read (the role reader costs up to ~100 ms an arms article) before the next scroll
    # call, and the scroll must not expire meanwhile.
    hits = sink.scan_article_hits(
        since, until, exclude=NOT_READ, versioned=True, page=200, keep_alive="10m"
    )
    async with contextlib.aclosing(hits):  # a failure frees the engine's scroll at once
        async for hit in hits:
            counts.checked += 1
            doc = hit["_source"]
            if is_stale(doc, tagging, rules.relations):
                counts.stale += 1
                pending.append(
                    ReadingUpdate(
                        hit["_index"],
                        hit["_id"],
                        fresh_reading(doc, tagger, tagging, rules),
                        hit.get("_seq_no"),
                        hit.get("_primary_term"),
                    )
                )
                if len(pending) >= batch:
                    await flush()
            advance(1)
    await flush()
    return counts
