"""The search sink against the real OpenSearch, driven through both clients.

Every stack test runs twice: with ``opensearch-py`` straight to the node, and with the official
``elasticsearch`` client through :mod:`tests.sinks.es_shim` (which only adds the product header
and rewrites the versioned media types). Same sink, same code path, same assertions.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from tests.conftest import ROOT, SEED
from tests.e2e.harness import delete_indices
from tests.sinks.es_shim import ElasticsearchShim
from worker.config import SCHEMAS_DIR, load_settings
from worker.model import Article, Entity, Mention, TaggedArticle
from worker.sinks.search import SearchSink, is_transient


def run(coro: Any) -> Any:
    return asyncio.run(coro)


@pytest.fixture(params=["opensearch", "elasticsearch"])
def sink_settings(request, isolated_env) -> Iterator[Any]:
    """Settings for one engine client, on this test's own index prefix."""
    settings = load_settings()
    if request.param == "opensearch":
        yield settings.model_copy(update={"search_engine": "opensearch"})
    else:
        shim = ElasticsearchShim(settings.search_url)
        with shim as url:
            yield settings.model_copy(update={"search_engine": "elasticsearch", "search_url": url})
    delete_indices(settings.search_url, settings.index_prefix)
    httpx.delete(f"{settings.search_url}/_component_template/{settings.index_prefix}-*", timeout=30)


def tagged_article(
    article_id: str = "a1", *, source: Any = "Test Wire", when: datetime | None = None
) -> TaggedArticle:
    art = Article(
        id=article_id,
        title="Turkey weighs Russian S-400",
        body="Ankara and Moscow discussed the S-400 air defence system.",
        url=f"https://example.test/{article_id}",
        source=source,
        published_at=when or datetime(2017, 3, 10, 12, 0, tzinfo=UTC),
        language="en",
        fetched_at=datetime(2024, 1, 1, tzinfo=UTC),
        content_hash="h" + article_id,
    )
    ents = [
        Entity("TUR", "country", "Turkey", mentions=[Mention("Turkey", 0, 6, "title", -1)]),
        Entity("RUS", "country", "Russia", mentions=[Mention("Russian", 13, 20, "title", -1)]),
        Entity("s-400", "weapon", "S-400", country="RUS", mentions=[Mention("S-400", 21, 26)]),
    ]
    return TaggedArticle(art, ents)


# ------------------------------------------------------------------------ no stack needed


def test_template_files_are_valid_and_consistent():
    index_dir = SCHEMAS_DIR / "index"
    for kind in ("articles", "alerts"):
        tpl = json.loads((index_dir / f"{kind}.template.json").read_text())
        assert tpl["composed_of"] == ["settings", f"{kind}-mappings"]
        mappings = json.loads((index_dir / f"{kind}.component.json").read_text())["template"][
            "mappings"
        ]
        assert mappings["dynamic"] is False  # unknown fields are kept in _source, not mapped
        props = mappings["properties"]
        assert props["@timestamp"]["type"] == "date"
        ism = json.loads((index_dir / f"{kind}.ism.json").read_text())["policy"]
        states = {s["name"] for s in ism["states"]}
        assert ism["default_state"] in states
        for s in ism["states"]:
            assert {tr["state_name"] for tr in s["transitions"]} <= states
            # Indices must stay writable: late/re-delivered documents overwrite by id.
            assert not {"read_only", "force_merge", "rollover"} & {
                k for a in s["actions"] for k in a
            }
        ilm = json.loads((index_dir / f"{kind}.ilm.json").read_text())["policy"]
        actions = {a for ph in ilm["phases"].values() for a in ph["actions"]}
        assert "delete" in actions
        assert not {"readonly", "forcemerge", "shrink", "rollover"} & actions
    articles = json.loads((index_dir / "articles.component.json").read_text())
    props = articles["template"]["mappings"]["properties"]
    for name in ("countries", "people", "organizations", "weapons", "pairs", "language"):
        assert props[name]["type"] == "keyword", name
    assert props["source"]["type"] == "keyword"
    assert props["entities"]["type"] == "nested"


def test_index_named_from_the_documents_own_month():
    sink = SearchSink.from_settings(load_settings(index_prefix="nw"), engine="opensearch")
    act = sink.article_action(tagged_article(), [])
    assert act["_index"] == "nw-articles-2017.03"
    assert act["_id"] == "a1"
    # No date at all: a fixed index, never the clock.
    assert sink.index_for("nw-articles", None) == "nw-articles-1970.01"


def test_transient_errors_are_told_from_refusals():
    from elastic_transport import ConnectionError as ESConnectionError
    from opensearchpy.exceptions import ConnectionError as OSConnectionError
    from opensearchpy.exceptions import TransportError

    assert is_transient(OSConnectionError("N/A", "refused", None))
    assert is_transient(ESConnectionError("refused"))
    assert is_transient(httpx.ConnectError("refused"))
    assert is_transient(TransportError(429, "too_many_requests", {}))
    assert is_transient(TransportError(503, "unavailable", {}))
    assert not is_transient(TransportError(400, "illegal_argument_exception", {}))
    assert not is_transient(TransportError(413, "request too large", {}))
    assert not is_transient(TypeError("a bug"))


def test_unreadable_enriched_message_is_a_reject_not_a_crash():
    from worker.errors import Reject

    sink = SearchSink.from_settings(load_settings(), engine="opensearch")
    with pytest.raises(Reject) as info:
        sink.enriched_action({"tagged": {"article": {"title": "no id"}}})
    assert info.value.stage == "index" and info.value.reason == "bad_message"


# ------------------------------------------------------------------ against the real engine


@pytest.mark.stack
def test_templates_install_idempotently(sink_settings):
    async def go() -> dict[str, Any]:
        async with SearchSink.from_settings(sink_settings) as sink:
            await sink.ensure_templates()
            await sink.ensure_templates()  # second start-up: no error, same result
            await sink.bulk([sink.article_action(tagged_article(), [])])
            index = sink.index_for(sink.articles_alias, datetime(2017, 3, 1, tzinfo=UTC))
            return {
                "lifecycle": dict(sink.lifecycle),
                "index": index,
                "alias": sink.articles_alias,
            }

    out = run(go())
    base, prefix = load_settings().search_url, load_settings().index_prefix
    tpl = httpx.get(f"{base}/_index_template/{prefix}-articles").json()["index_templates"][0]
    assert tpl["index_template"]["composed_of"] == [
        f"{prefix}-settings",
        f"{prefix}-articles-mappings",
    ]
    comps = httpx.get(f"{base}/_component_template/{prefix}-*").json()["component_templates"]
    assert {c["name"] for c in comps} == {
        f"{prefix}-settings",
        f"{prefix}-articles-mappings",
        f"{prefix}-alerts-mappings",
    }
    # The monthly index got the composed mapping and the search alias.
    mapping = httpx.get(f"{base}/{out['index']}/_mapping").json()[out["index"]]["mappings"]
    assert mapping["properties"]["entities"]["type"] == "nested"
    assert mapping["properties"]["countries"]["type"] == "keyword"
    aliases = httpx.get(f"{base}/{out['index']}/_alias").json()[out["index"]]["aliases"]
    assert out["alias"] in aliases
    # The local node has no index-management plugin: said, not hidden.
    assert out["lifecycle"] == {"articles": "unavailable", "alerts": "unavailable"}


@pytest.mark.stack
def test_same_article_three_times_leaves_one_document(sink_settings):
    async def go() -> tuple[int, int]:
        async with SearchSink.from_settings(sink_settings) as sink:
            await sink.ensure_templates()
            indexed = 0
            for _ in range(3):
                result = await sink.bulk([sink.article_action(tagged_article("same"), [])])
                indexed += result.indexed
            await sink.refresh()
            return indexed, await sink.count()

    indexed, count = run(go())
    assert indexed == 3 and count == 1


@pytest.mark.stack
def test_seed_is_found_by_country(sink_settings):
    from worker.pipeline import analyse, load_articles
    from worker.transforms.rules import load_rules
    from worker.transforms.tag import Tagger

    (article,) = list(load_articles([SEED]))
    tagged, alerts = analyse(
        article, Tagger.load(), load_rules(ROOT / "tests" / "data" / "rules" / "tur_rus")
    )

    async def go() -> tuple[list[str], list[str], int]:
        async with SearchSink.from_settings(sink_settings) as sink:
            await sink.ensure_templates()
            result = await sink.bulk(
                [sink.article_action(tagged, alerts), sink.article_action(tagged_article(), [])]
                + [sink.alert_action(a) for a in alerts]
            )
            assert result.indexed == 2 + len(alerts) and not result.failures
            await sink.refresh()
            by_country = await sink.search("countries:TUR AND weapons:s-400", size=10)
            by_pair = await sink.search("pairs:TUR<-RUS", size=10)
            alert_hits = await sink.count(sink.alerts_alias, "pair.recipient:TUR")
            return (
                [h["_id"] for h in by_country["hits"]["hits"]],
                [h["_id"] for h in by_pair["hits"]["hits"]],
                alert_hits,
            )

    by_country, by_pair, alert_hits = run(go())
    assert article.id in by_country and "a1" in by_country
    assert by_pair == [article.id]
    assert alert_hits == len(alerts) == 1


@pytest.mark.stack
def test_search_filters_by_date_and_country(sink_settings):
    async def go() -> dict[str, list[str]]:
        async with SearchSink.from_settings(sink_settings) as sink:
            await sink.ensure_templates()
            old = tagged_article("old", when=datetime(2016, 5, 1, tzinfo=UTC))
            new = tagged_article("new", when=datetime(2024, 5, 1, tzinfo=UTC))
            await sink.bulk([sink.article_action(old, []), sink.article_action(new, [])])
            await sink.refresh()
            since = await sink.search("*", since=datetime(2020, 1, 1, tzinfo=UTC))
            tur = await sink.search("*", countries=["tur"])
            fra = await sink.search("*", countries=["FRA"])
            return {
                k: sorted(h["_id"] for h in v["hits"]["hits"])
                for k, v in {"since": since, "tur": tur, "fra": fra}.items()
            }

    out = run(go())
    assert out == {"since": ["new"], "tur": ["new", "old"], "fra": []}


@pytest.mark.stack
def test_mapping_conflict_is_refused_with_the_engines_reason(sink_settings):
    async def go() -> Any:
        async with SearchSink.from_settings(sink_settings) as sink:
            await sink.ensure_templates()
            good = sink.article_action(tagged_article("good"), [])
            bad = sink.article_action(tagged_article("bad", source={"name": "an object"}), [])
            bad["_origin"] = {"tagged": "original message"}
            result = await sink.bulk([good, bad])
            await sink.refresh()
            return result, await sink.count()

    result, count = run(go())
    assert result.indexed == 1 and count == 1
    assert not result.retryable
    (failure,) = result.failures
    assert failure.doc_id == "bad" and failure.status == 400
    assert failure.error_type in ("mapper_parsing_exception", "document_parsing_exception")
    assert "[source]" in failure.reason
    assert failure.origin == {"tagged": "original message"}


@pytest.mark.stack
def test_large_batches_are_split_by_bytes(sink_settings):
    """Every bulk request the engine receives stays under the byte limit; together they carry
    the 40 documents once (was: only the final count, true whether or not it split)."""
    sizes: list[tuple[int, int]] = []  # (bytes, documents) per bulk request

    async def go() -> tuple[int, int, int]:
        async with SearchSink.from_settings(sink_settings, max_request_bytes=4096) as sink:
            await sink.ensure_templates()
            actions = [sink.article_action(tagged_article(f"b{i}"), []) for i in range(40)]
            real_bulk = sink.client.bulk

            async def counted(*, body: str, **kw: object) -> object:
                sizes.append((len(body.encode()), body.count("\n") // 2))
                return await real_bulk(body=body, **kw)

            sink.client.bulk = counted
            result = await sink.bulk(actions)
            await sink.refresh()
            total = sum(len(sink._encode(a).encode()) for a in actions)
            return result.indexed, await sink.count(), total

    indexed, counted_docs, total = run(go())
    assert (indexed, counted_docs) == (40, 40)
    assert len(sizes) >= -(-total // 4096) > 1  # at least ceil(total / limit) requests
    assert all(size <= 4096 for size, _ in sizes), sizes
    assert sum(docs for _, docs in sizes) == 40


@pytest.mark.stack
def test_elasticsearch_client_really_went_through_the_shim(isolated_env):
    """Guards the parametrised tests above: the 'elasticsearch' variant is the ES client."""
    settings = load_settings()
    shim = ElasticsearchShim(settings.search_url)
    with shim as url:
        cfg = settings.model_copy(update={"search_engine": "elasticsearch", "search_url": url})

        async def go() -> str:
            async with SearchSink.from_settings(cfg) as sink:
                await sink.ensure_templates()
                return type(sink.client).__module__

        module = run(go())
    try:
        assert module.startswith("elasticsearch")
        paths = [p for _, p in shim.requests]
        assert any(p.startswith("/_ilm/policy/") for p in paths)  # ILM asked for, not ISM
        assert any(p.startswith("/_index_template/") for p in paths)
    finally:
        delete_indices(settings.search_url, settings.index_prefix)
        httpx.delete(
            f"{settings.search_url}/_component_template/{settings.index_prefix}-*", timeout=30
        )


def _article_in(lang: str, article_id: str, title: str, body: str) -> TaggedArticle:
    art = Article(
        id=article_id,
        title=title,
        body=body,
        url=f"https://example.test/{article_id}",
        source="Test Wire",
        published_at=datetime(2017, 3, 10, 12, 0, tzinfo=UTC),
        language=lang,
        fetched_at=datetime(2024, 1, 1, tzinfo=UTC),
        content_hash="h" + article_id,
    )
    return TaggedArticle(art, [])


@pytest.mark.stack
def test_an_article_is_found_by_another_case_of_a_name_in_its_own_language(sink_settings):
    """Issue 13: Kibana's free-text search finds "Rosja" for an article that says "Rosji"
    (Polish), "Россия" for "России" (Russian), "تركيا" for "لتركيا" (Arabic), in the
    article's own language field; English articles keep their `.en` sub-fields."""
    articles = [
        # our own sentences, one per language and construction
        _article_in("pl", "pl1", "Zakup systemów", "Rząd Turcji kupił systemy od Rosji."),
        _article_in("ru", "ru1", "Покупка систем", "Поставки из России начнутся весной."),
        _article_in("ar", "ar1", "صفقة", "وصلت الشحنة الأولى لتركيا هذا الأسبوع."),
        _article_in("ar", "ar2", "زيارة", "وصل وفد إماراتي إلى العاصمة."),  # hamza on the alef
        _article_in("uk", "uk1", "Закупівля", "Уряд домовився з Туреччиною про постачання."),
        _article_in("en", "en1", "Systems bought", "Poland bought tanks from Korea."),
    ]

    async def go() -> dict[str, list[str]]:
        async with SearchSink.from_settings(sink_settings) as sink:
            await sink.ensure_templates()
            await sink.bulk([sink.article_action(a, []) for a in articles])
            await sink.refresh()
            client = await sink._client()
            found: dict[str, list[str]] = {}
            queries = ("Rosja", "Россия", "تركيا", "اماراتي", "Туреччина", "Rosjanie", "Rosomak")
            for query in queries:
                resp = await client.search(
                    index=sink.articles_alias,
                    body={"query": {"query_string": {"query": query}}, "_source": ["id"]},
                )
                body = resp.body if hasattr(resp, "body") else resp
                found[query] = sorted(h["_source"]["id"] for h in body["hits"]["hits"])
            return found

    found = run(go())
    assert found["Rosja"] == ["pl1"]
    assert found["Россия"] == ["ru1"]
    assert found["تركيا"] == ["ar1"]
    assert found["اماراتي"] == ["ar2"]  # written without the hamza: normalised first
    assert found["Туреччина"] == ["uk1"]
    # since the tenth stop the Polish people nouns are forms of their country in the name table,
    # as its adjectives were ("rosyjski"): the tagger reads "Rosjanie" as naming Russia, so the
    # search does too; a word that merely begins like the name still finds nothing
    assert found["Rosjanie"] == ["pl1"]
    assert found["Rosomak"] == []
    docs = httpx.post(
        f"{load_settings().search_url}/{load_settings().index_prefix}-articles/_search",
        json={"query": {"ids": {"values": ["pl1"]}}},
        timeout=10,
    ).json()["hits"]["hits"]
    assert "lang_text" not in docs[0]["_source"]  # indexed, not stored twice


def test_language_analysers_follow_the_engines_plugins():
    from worker.sinks import language_analysis as la

    answer = {
        "nodes": {
            "n1": {"plugins": [{"name": "analysis-stempel", "classname": "x.Stempel"}]},
            "n2": {
                "plugins": [
                    {"name": "org.opensearch.plugin.analysis.stempel.AnalysisStempelPlugin"},
                    {"name": "analysis-ukrainian"},
                ]
            },
        }
    }
    plugins = la.plugin_names(answer)  # a plugin counts only if every node has it
    assert la.POLISH_PLUGIN in plugins and la.UKRAINIAN_PLUGIN not in plugins
    with_stempel = la.analysis(plugins)["analyzer"]
    bare = la.analysis(frozenset())["analyzer"]
    assert with_stempel["nw_pl"]["filter"] == ["lowercase", "nw_names_pl", "polish_stem"]
    assert bare["nw_pl"]["filter"] == ["lowercase", "nw_names_pl"]
    assert la.analysis(frozenset({la.UKRAINIAN_PLUGIN}))["analyzer"]["nw_uk"] == {
        "type": "ukrainian"
    }
    rules = la.analysis(frozenset())["filter"]["nw_names_pl"]["rules"]
    russia = next(r for r in rules if r.endswith("=> rus_country"))
    assert {"rosja", "rosji", "rosję", "rosyjskie"} <= set(russia.split(" => ")[0].split(", "))
    assert la.language_fields("pl", "t", "b") == {"pl": {"title": "t", "body": "b"}}
    assert la.language_fields("en", "t", "b") is None and la.language_fields(None, "t", "b") is None


@pytest.mark.stack
def test_pages_fields_and_reading_updates_by_id_on_both_clients(sink_settings):
    """The backtest's paged scroll (next page asked for ahead, only the included fields back)
    and the refresh's conditional reading updates, through either client."""
    from worker.sinks.search import ReadingUpdate

    async def go() -> tuple[list[list[dict]], tuple[int, int], tuple[int, int], dict]:
        async with SearchSink.from_settings(sink_settings) as sink:
            await sink.ensure_templates()
            actions = []
            for i in range(5):
                when = datetime(2017, 3, 10, 12, i, tzinfo=UTC)
                act = sink.article_action(tagged_article(f"p{i}", when=when), [])
                act["_source"]["reading"] = {"tagging": "old", "words": ["turkey"]}
                actions.append(act)
            assert (await sink.bulk(actions)).indexed == 5
            await sink.refresh()
            pages = [
                p
                async for p in sink.scan_article_pages(
                    page=2, include=("id", "reading.tagging"), versioned=True
                )
            ]
            first = pages[0][0]
            fresh = {"tagging": "new", "pairs": {}}
            ok = ReadingUpdate(
                first["_index"], first["_id"], fresh, first["_seq_no"], first["_primary_term"]
            )
            done = await sink.update_readings([ok])
            late = await sink.update_readings([ok])  # read at a sequence number now gone
            await sink.refresh()
            docs = {h["_id"]: h["_source"] async for h in sink.scan_article_hits()}
            return pages, done, late, docs

    pages, done, late, docs = run(go())
    assert [len(p) for p in pages] == [2, 2, 1]
    assert [h["_source"]["id"] for p in pages for h in p] == [f"p{i}" for i in range(5)]
    assert pages[0][0]["_source"] == {"id": "p0", "reading": {"tagging": "old"}}
    assert done == (1, 0) and late == (0, 1)
    assert docs["p0"]["reading"] == {"tagging": "new", "pairs": {}}  # replaced, not merged
    assert docs["p1"]["reading"] == {"tagging": "old", "words": ["turkey"]}
