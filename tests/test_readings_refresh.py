"""``newswatch rules readings refresh``: stale stored readings are re-read in place, current ones
are not written (worker/readings_refresh.py), on a seeded index of the real OpenSearch written
as the stream writes it."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from tests.e2e.harness import delete_indices
from worker.cli import app
from worker.config import load_settings
from worker.readings import pairs_version, tagger_version
from worker.readings_refresh import fresh_reading, is_stale
from worker.sinks.search import ReadingUpdate, SearchSink
from worker.stream.components import Pipeline
from worker.transforms.clean import clean
from worker.transforms.dedupe import Verdict
from worker.transforms.link import link_copy
from worker.transforms.rules import load_rules
from worker.transforms.tag import default_tagger

NOW = datetime.now(UTC).replace(microsecond=0)
ITEMS = [
    {
        "url": "https://one.example/a",
        "title": "Turkey buys S-400 from Russia",
        "body": "Turkey agreed to buy four S-400 systems from Russia for $2.5 billion.",
    },
    {
        "url": "https://two.example/b",
        "title": "Wheat prices",
        "body": "Egypt bought more wheat this winter as harvests failed.",
    },
    {
        "url": "https://three.example/c",
        "title": "Coffee exports",
        "body": "Brazil exported more coffee in November than a year earlier.",
    },
]


def test_stale_readings() -> None:
    pack = load_rules(None)
    lex = pack.relations["arms_transfer"]
    v = tagger_version()
    current = {"tagging": v, "pairs": {"arms_transfer": {"version": pairs_version(v, lex)}}}
    assert not is_stale({"reading": current}, v, pack.relations)
    assert not is_stale({"reading": {"tagging": v}}, v, pack.relations)  # no words, no pairs
    assert is_stale({}, v, pack.relations)  # indexed before readings existed
    assert is_stale({"reading": {**current, "tagging": "old"}}, v, pack.relations)
    old_pairs = {**current, "pairs": {"arms_transfer": {"version": "old"}}}
    assert is_stale({"reading": old_pairs}, v, pack.relations)
    unknown = {**current, "pairs": {"other_relation": {"version": "old"}}}
    assert not is_stale({"reading": unknown}, v, pack.relations)  # not the pack's: not re-read


def test_a_fresh_reading_is_the_one_the_stream_stores() -> None:
    pack, tagger, v = load_rules(None), default_tagger(), tagger_version()
    pipe = Pipeline(tagger, pack, None, [], 1 << 20, tagging=v)  # type: ignore[arg-type]
    art = clean({**ITEMS[0], "published_at": NOW.isoformat()}, now=NOW)
    message = pipe.analyse(art)
    stored = {**message["reading"], **{k: message["tagged"][k] for k in ("entities", "sentences")}}
    fresh = fresh_reading({**art.to_dict(), "@timestamp": NOW.isoformat()}, tagger, v, pack)
    assert sorted(fresh.pop("words")) == sorted(stored.pop("words"))
    assert sorted(fresh.pop("features")) == sorted(stored.pop("features"))
    assert fresh == stored
    assert fresh["pairs"]["arms_transfer"]["hits"][0]["recipient"] == "TUR"


async def _seed(settings) -> list[dict[str, Any]]:
    pack = load_rules(None)
    async with SearchSink.from_settings(settings) as sink:
        await sink.ensure_templates()
        pipe = Pipeline(default_tagger(), pack, sink, [], 1 << 20, tagging=tagger_version())
        actions = []
        for i, item in enumerate(ITEMS):
            when = (NOW - timedelta(days=3 - i)).isoformat()
            enriched, _ = link_copy(
                pipe.analyse(clean({**item, "published_at": when}, now=NOW)), Verdict()
            )
            actions.append(sink.enriched_action(enriched))
        result = await sink.bulk(actions)
        assert result.indexed == len(actions) and not result.failures, result
        await sink.refresh()
    return actions


def _docs(settings) -> dict[str, dict[str, Any]]:
    r = httpx.post(
        f"{settings.search_url}/{settings.index_prefix}-articles/_search",
        json={"size": 100, "seq_no_primary_term": True},
        timeout=30,
    )
    r.raise_for_status()
    return {h["_id"]: h for h in r.json()["hits"]["hits"]}


def _script(settings, article_id: str, source: str) -> None:
    r = httpx.post(
        f"{settings.search_url}/{settings.index_prefix}-articles/_update_by_query",
        params={"refresh": "true"},
        json={"query": {"term": {"id": article_id}}, "script": {"source": source}},
        timeout=30,
    )
    assert r.status_code == 200 and r.json()["updated"] == 1, r.text


@pytest.mark.stack
def test_refresh_rereads_stale_documents_and_leaves_current_ones(isolated_env) -> None:
    settings = load_settings()
    try:
        actions = asyncio.run(_seed(settings))
        old_tagging, no_reading, current = (a["_id"] for a in actions)
        written = {a["_id"]: a["_source"]["reading"] for a in actions}
        # one indexed by another release's tagger (its words planted wrong), one before readings
        _script(
            settings,
            old_tagging,
            "ctx._source.reading.tagging = 'old'; ctx._source.reading.words = ['planted']",
        )
        _script(settings, no_reading, "ctx._source.remove('reading')")
        before = _docs(settings)
        assert before[old_tagging]["_source"]["reading"]["words"] == ["planted"]

        result = CliRunner().invoke(
            app,
            ["rules", "readings", "refresh", "--since", "30d", "--no-progress"],
            env=isolated_env,
        )
        assert result.exit_code == 0, result.output
        assert (
            "checked 3 article(s): 2 stale, 2 re-read, 0 written or deleted since" in result.output
        )

        after = _docs(settings)
        for stale in (old_tagging, no_reading):
            got, want = after[stale]["_source"]["reading"], written[stale]
            assert got["tagging"] == tagger_version()
            assert sorted(got["words"]) == sorted(want["words"])
            assert {k: v for k, v in got.items() if k not in ("words", "features")} == {
                k: v for k, v in want.items() if k not in ("words", "features")
            }
            assert after[stale]["_seq_no"] > before[stale]["_seq_no"]
        # the current document was not written at all
        assert after[current]["_seq_no"] == before[current]["_seq_no"]
        assert after[current]["_source"] == before[current]["_source"]

        # a second run finds nothing to do; an update of a document written since it was
        # read is skipped (that write's reading is newer)
        async def again() -> tuple[Any, tuple[int, int]]:
            from worker.readings_refresh import refresh

            pack, hit = load_rules(None), after[current]
            async with SearchSink.from_settings(settings) as sink:
                counts = await refresh(sink, default_tagger(), tagger_version(), pack, None, None)
                _script(settings, current, "ctx._source.reading.tagging = 'newer'")
                late = ReadingUpdate(
                    hit["_index"], current, {"tagging": "x"}, hit["_seq_no"], hit["_primary_term"]
                )
                return counts, await sink.update_readings([late])

        counts, outcome = asyncio.run(again())
        assert (counts.checked, counts.stale, counts.updated) == (3, 0, 0)
        assert outcome == (0, 1)
        assert _docs(settings)[current]["_source"]["reading"]["tagging"] == "newer"
    finally:
        delete_indices(settings.search_url, settings.index_prefix)


def test_refresh_has_help() -> None:
    result = CliRunner().invoke(app, ["rules", "readings", "refresh", "--help"])
    assert result.exit_code == 0
    assert "--since" in result.output and "stale" in result.output
