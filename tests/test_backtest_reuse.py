"""Backtests reuse the reading the stream stored with each article (worker/readings.py) and give
the alerts that reading the text again gives; a reading of another version is not trusted.

The index is seeded on the real OpenSearch the way the stream writes it: the intake stage's
message (``Pipeline.analyse``), the dedupe stage's link (``link_copy``) and the index stage's
bulk action (``SearchSink.enriched_action``)."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.e2e.harness import delete_indices
from worker.backtest import NOT_READ, Replay, Tally, article_of, compare
from worker.backtest_scan import replay_index
from worker.config import load_settings
from worker.readings import (
    Reuse,
    document_reading,
    hit_from_dict,
    hit_to_dict,
    make_reading,
    tagger_version,
)
from worker.sinks.search import SearchSink
from worker.stream.components import Pipeline
from worker.synth import make_raw_item
from worker.transforms.clean import clean
from worker.transforms.dedupe import Verdict
from worker.transforms.link import link_copy
from worker.transforms.rules import load_rules
from worker.transforms.tag import default_tagger

T0 = datetime(2026, 11, 2, tzinfo=UTC)
WHEAT = "id: wheat-watch\ntitle: wheat\nquery: wheat OR grain\n"


def test_pair_hits_survive_the_stored_form() -> None:
    pack, tagger = load_rules(None), default_tagger()
    item = {
        "url": "https://one.example/a",
        "title": "Turkey buys S-400 from Russia",
        "body": "Turkey agreed to buy four S-400 systems from Russia for $2.5 billion.",
        "published_at": T0.isoformat(),
    }
    _, view = pack.match_reading(tagger.tag(clean(item, now=T0)), now=T0)
    hits = view.known_pairs()["arms_transfer"]
    assert hits and hits[0].recipient == "TUR" and hits[0].supplier == "RUS"
    assert [hit_from_dict(hit_to_dict(h)) for h in hits] == hits
    stored = make_reading(view, pack.relations, "v1")
    assert {"turkey", "s", "400", "billion"} <= set(stored["words"])
    assert {"country:tur", "country:rus", "weapon:*"} <= set(stored["features"])
    assert document_reading(stored, {"entities": [], "sentences": []})["tagging"] == "v1"
    assert document_reading(None, {}) is None  # a message from an older worker: nothing stored


def _items(n: int) -> list[dict[str, Any]]:
    rng = random.Random(15)
    out = []
    for i in range(n):
        item = make_raw_item(rng, 1200, i, arms_share=0.35)
        item["published_at"] = (T0 + timedelta(minutes=i * 7)).isoformat()
        if i % 9 == 0:
            item["body"] += "\n\nGrain and wheat prices rose again."
        out.append(item)
    return out


async def _seed(settings, items: list[dict[str, Any]]) -> list[str]:
    """Index ``items`` as the stream does; returns their article ids in order."""
    pack = load_rules(None)
    async with SearchSink.from_settings(settings) as sink:
        await sink.ensure_templates()
        pipe = Pipeline(default_tagger(), pack, sink, [], 1 << 20, tagging=tagger_version())
        actions, ids = [], []
        for item in items:
            message = pipe.analyse(clean(item, now=T0))
            enriched, _ = link_copy(message, Verdict())
            actions.append(sink.enriched_action(enriched))
            ids.append(actions[-1]["_id"])
        result = await sink.bulk(actions)
        assert result.indexed == len(items) and not result.failures, result
        await sink.refresh()
    return ids


async def _docs(settings) -> list[dict[str, Any]]:
    async with SearchSink.from_settings(settings) as sink:
        return [doc async for doc in sink.scan_articles(None, None)]


def _backtest(docs, candidate, active, reuse: Reuse):
    replay = Replay(candidate, active, reuse)
    cand, act = Tally(timedelta(days=14)), Tally(timedelta(days=14))
    per_doc = []
    for doc in docs:
        c, a = replay.alerts(doc)
        cand.add(c)
        act.add(a)
        per_doc.append(([x.to_dict() for x in c], [x.to_dict() for x in a]))
    return [r.to_dict() for r in compare(cand, act)], per_doc


def _plain(docs, candidate, active, tagger):
    """The backtest as first written: tag every article, match both packs from the text."""
    cand, act = Tally(timedelta(days=14)), Tally(timedelta(days=14))
    for doc in docs:
        art, when = article_of(doc)
        tagged = tagger.tag(art)
        cand.add(candidate.match(tagged, now=when))
        act.add(active.match(tagged, now=when))
    return [r.to_dict() for r in compare(cand, act)]


@pytest.mark.stack
def test_stored_readings_give_the_alerts_of_reading_again(isolated_env, tmp_path) -> None:
    settings = load_settings()
    (tmp_path / "wheat.yaml").write_text(WHEAT)
    shipped, wheat = load_rules(None), load_rules(tmp_path)
    try:
        asyncio.run(_seed(settings, _items(90)))
        docs = asyncio.run(_docs(settings))
    finally:
        delete_indices(settings.search_url, settings.index_prefix)
    assert len(docs) == 90
    with_pairs = [d for d in docs if d["reading"]["pairs"].get("arms_transfer")]
    assert len(with_pairs) >= 10  # the seed has arms leads the role reader found pairs in

    # Older readers: a tagging of another version, and pairs of another lexicon version. Both
    # carry a planted pair that reading the text does not give, so trusting them would show.
    old_tagging, old_pairs = with_pairs[0], with_pairs[1]
    for doc in (old_tagging, old_pairs):
        hits = doc["reading"]["pairs"]["arms_transfer"]["hits"]
        hits.append({**hits[0], "recipient": "ISL", "supplier": "NOR"})
    old_tagging["reading"]["tagging"] = "0123456789abcdef"
    old_pairs["reading"]["pairs"]["arms_transfer"]["version"] = "0123456789abcdef"
    no_reading = with_pairs[2]
    del no_reading["reading"]  # indexed before readings existed

    tagger, version = default_tagger(), tagger_version()
    for candidate, active in ((shipped, shipped), (shipped, wheat)):
        reuse = Reuse(tagger, version)
        rows, per_doc = _backtest(docs, candidate, active, reuse)
        rows_again, per_doc_again = _backtest(
            docs, candidate, active, Reuse(tagger, version, enabled=False)
        )
        assert rows == rows_again == _plain(docs, candidate, active, tagger)
        assert per_doc == per_doc_again
        arms = next(r for r in rows if r["rule_id"] == "arms-transfer-pair")
        assert arms["alerts"] >= 10 and arms["matches"] >= arms["alerts"]
        assert reuse.counts["tagging_reused"] == 88  # all but the old tagging and no reading
        assert reuse.counts["tagging_read"] == 2
        assert not any("ISL" in str(p) for p in per_doc)

    # The shortcut is really taken: a pair planted under the current version shows up.
    planted = with_pairs[3]
    hits = planted["reading"]["pairs"]["arms_transfer"]["hits"]
    hits.append({**hits[0], "recipient": "ISL", "supplier": "NOR"})
    _, per_doc = _backtest(docs, shipped, shipped, Reuse(tagger, version))
    assert any(
        a["pair"]["recipient"] == "ISL" for cand, _ in per_doc for a in cand if a.get("pair")
    )


async def _scan(settings, where, exclude=()) -> list[dict[str, Any]]:
    async with SearchSink.from_settings(settings) as sink:
        return [d async for d in sink.scan_articles(None, None, where=where, exclude=exclude)]


async def _paged(settings, replay: Replay, cand: Tally, act: Tally) -> int:
    async with SearchSink.from_settings(settings) as sink:
        return await replay_index(sink, replay, cand, act, None, None, page=7)


def _mark_old(settings, article_id: str) -> None:
    """Make one document look indexed by another release's reader."""
    alias = f"{settings.index_prefix}-articles"
    r = httpx.post(
        f"{settings.search_url}/{alias}/_update_by_query",
        params={"refresh": "true"},
        json={
            "query": {"term": {"id": article_id}},
            "script": {"source": "ctx._source.reading.tagging = 'old'", "lang": "painless"},
        },
        timeout=30,
    )
    assert r.status_code == 200 and r.json()["updated"] == 1, r.text


@pytest.mark.stack
def test_the_engine_reads_only_candidates_and_the_alerts_are_the_same(isolated_env, tmp_path):
    settings = load_settings()
    (tmp_path / "wheat.yaml").write_text(WHEAT)
    shipped, wheat = load_rules(None), load_rules(tmp_path)
    tagger, version = default_tagger(), tagger_version()
    try:
        asyncio.run(_seed(settings, _items(90)))
        every = asyncio.run(_scan(settings, None))
        where = Replay(shipped, shipped, Reuse(tagger, version)).where()
        assert where is not None
        picked = {d["id"] for d in asyncio.run(_scan(settings, where))}
        assert 0 < len(picked) < 70  # the filter leaves out most articles of this seed
        # a document the filter leaves out, read by an older reader: now it is read
        left_out = next(d["id"] for d in every if d["id"] not in picked)
        _mark_old(settings, left_out)
        for active in (shipped, wheat):
            reuse = Reuse(tagger, version)
            replay = Replay(shipped, active, reuse)
            some = asyncio.run(_scan(settings, replay.where(), NOT_READ))
            assert left_out in {d["id"] for d in some}
            assert "words" not in some[0]["reading"] and "entities" not in some[0]
            rows, _ = _backtest(some, shipped, active, reuse)
            again = Reuse(tagger, version, enabled=False)
            rows_again, _ = _backtest(asyncio.run(_scan(settings, None)), shipped, active, again)
            assert rows == rows_again
            assert reuse.counts["tagging_read"] == 1  # the old one
            # the CLI's way: pages of 7 replayed in a thread while the next one is fetched,
            # only the fields a replay reads sent back (worker/backtest_scan.py): same rows
            paged = Replay(shipped, active, Reuse(tagger, version))
            cand, act = Tally(timedelta(days=14)), Tally(timedelta(days=14))
            n = asyncio.run(_paged(settings, paged, cand, act))
            assert n == len(some) > 7
            assert [r.to_dict() for r in compare(cand, act)] == rows
    finally:
        delete_indices(settings.search_url, settings.index_prefix)


class ReplayFailed(Exception):
    pass


@pytest.mark.stack
def test_a_failed_replay_frees_the_engines_scroll_at_once(isolated_env, tmp_path) -> None:
    """A backtest that fails half-way (a replay error, Ctrl-C) must not leave its scroll open on
    the engine for the keep-alive: the scan is closed on the way out, not when the generator
    is collected. The index's own open search contexts show it."""
    settings = load_settings()
    shipped = load_rules(None)

    class Failing(Replay):
        def alerts(self, doc):
            raise ReplayFailed(doc["id"])

    def open_contexts() -> int:
        stats = httpx.get(f"{settings.search_url}/{settings.index_prefix}-articles/_stats/search")
        return sum(i["total"]["search"]["open_contexts"] for i in stats.json()["indices"].values())

    async def run() -> int:
        async with SearchSink.from_settings(settings) as sink:
            reuse = Reuse(default_tagger(), tagger_version(), enabled=False)
            replay = Failing(shipped, shipped, reuse)
            cand, act = Tally(timedelta(days=14)), Tally(timedelta(days=14))
            try:
                await replay_index(sink, replay, cand, act, None, None, page=2)
            except ReplayFailed as exc:
                # still inside the handler: the traceback keeps the failed frame alive, as a
                # command that reports the error does
                assert exc.__traceback__ is not None
                return open_contexts()
            raise AssertionError("the replay did not fail")

    try:
        asyncio.run(_seed(settings, _items(8)))
        assert asyncio.run(run()) == 0
    finally:
        delete_indices(settings.search_url, settings.index_prefix)
