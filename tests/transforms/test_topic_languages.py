"""Topic terms scoped to their own language (issue 13, twelfth round): a language file's topic
terms count only in an article of that language, in the matcher, in the reference (naive)
evaluator, in the percolator query and in a rule set rebuilt from its records. The sentences
are our own."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from worker.model import Article
from worker.transforms.rules import RuleSet
from worker.transforms.rules.languages import LanguageFile, class_topic_terms, extend_topics
from worker.transforms.rules.percolate import rule_to_dsl
from worker.transforms.rules.query import Term, parse_query
from worker.transforms.rules.schema import Rule, Topic
from worker.transforms.tag import Tagger

NOW = datetime(2026, 12, 6, tzinfo=UTC)

# One toy topic: a shared English word, a French stem and word, a German phrase.
TOPIC = Topic("deal", ["contract"], raw={"id": "deal", "terms": ["contract"]})
LANGS = [
    LanguageFile("fr", "fr.yaml", {"deal": ["accord*", "livré", "contract"]}, {}),
    LanguageFile("de", "de.yaml", {"deal": ["rüstungs deal", "nope"], "missing": ["x"]}, {}),
]


@pytest.fixture(scope="module")
def toy() -> RuleSet:
    topics = extend_topics({"deal": TOPIC}, LANGS)
    query = "topic:deal"
    node = parse_query(query, {k: t.entries() for k, t in topics.items()})
    return RuleSet([Rule(id="deal", title="deal", query=query, node=node)], topics)


def article(text: str, lang: str | None) -> Article:
    return Article(id=f"a-{lang}", title="", body=text, language=lang)


def fires(rules: RuleSet, tagger: Tagger, text: str, lang: str | None) -> tuple[bool, bool]:
    """(fast matcher, reference evaluator) for one article."""
    tagged = tagger.tag(article(text, lang))
    return (
        rules.matching_rules(tagged) == ["deal"],
        rules.matching_rules(tagged, naive=True) == ["deal"],
    )


def test_language_terms_are_kept_apart_from_the_shared_ones() -> None:
    topics = extend_topics({"deal": TOPIC}, LANGS)
    t = topics["deal"]
    assert t.terms == ["contract"]
    # a term the topic already shares is not repeated; an unknown topic id is ignored
    assert t.by_lang == {"fr": ["accord*", "livré"], "de": ["rüstungs deal", "nope"]}
    assert "missing" not in topics
    assert t.raw["languages"] == t.by_lang


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a French stem must not reach an English word ("according")
        ("According to the ministry, nothing was decided.", "en", False),
        ("Selon le ministère, un accord a été trouvé.", "fr", True),
        # the same French word in an English article does not count either
        ("The word livré appeared in a quote.", "en", False),
        ("Les chars ont été livré hier.", "fr", True),
        # another language's phrase does not count in French
        ("Un rüstungs deal?", "fr", False),
        ("Ein Rüstungs-Deal wurde unterschrieben.", "de", True),
        # a regional variant reads its language's terms, as lang: does
        ("Un accord est signé.", "fr-CA", True),
        # no detected language, or a language without a file: the shared terms only
        ("Un accord est signé.", None, False),
        ("Un accord est signé.", "it", False),
        ("The contract was signed.", None, True),
        ("Le contract est signé.", "fr", True),
    ],
)
def test_a_language_term_counts_only_in_its_own_language(
    toy: RuleSet, tagger: Tagger, text: str, lang: str | None, expected: bool
) -> None:
    assert fires(toy, tagger, text, lang) == (expected, expected)


def test_evidence_names_the_language_of_the_term(toy: RuleSet, tagger: Tagger) -> None:
    tagged = tagger.tag(article("Un accord a été trouvé.", "fr"))
    [alert] = toy.match(tagged, now=NOW)
    assert [e.term for e in alert.evidence] == ["topic:deal/fr:accord*"]


def test_the_shipped_french_stem_does_not_reach_english(rules: RuleSet, tagger: Tagger) -> None:
    terms = rules.topics["arms_transfer"]
    assert "livr*" in terms.by_lang["fr"] and "livr*" not in terms.terms
    en = tagger.tag(article("Livraisons: the term appeared in an English headline.", "en"))
    fr = tagger.tag(article("Les livraisons sont terminées.", "fr"))
    scoped = [t for t in _terms(rules, "arms-transfer-pair") if t.lang == "fr"]
    view_en, view_fr = rules.view(en), rules.view(fr)
    assert not any(view_en.occurrences(t) for t in scoped)
    assert any(view_fr.occurrences(t) for t in scoped)


def _terms(rules: RuleSet, rule_id: str) -> list[Term]:
    from worker.transforms.rules.query import leaves

    rule = rules.get(rule_id)
    assert rule is not None
    return [x for x in leaves(rule.node) if isinstance(x, Term)]


def test_the_percolator_query_gates_a_language_term_by_the_document_language(
    toy: RuleSet,
) -> None:
    rule = toy.get("deal")
    assert rule is not None
    should = rule_to_dsl(rule)["bool"]["should"]
    shared = [c for c in should if "must" not in c.get("bool", {})]
    gated = {
        c["bool"]["must"][0]["bool"]["should"][0]["term"]["language"]: c["bool"]["must"][1]
        for c in should
        if "must" in c.get("bool", {})
    }
    assert len(shared) == 1  # "contract", on title and body
    assert set(gated) == {"fr", "de"}
    fr = gated["fr"]["bool"]["should"]
    assert fr[0]["query_string"]["query"] == "accord*"
    assert len(fr) == 2 and len(gated["de"]["bool"]["should"]) == 2


def test_records_round_trip_the_language_terms(toy: RuleSet, tagger: Tagger) -> None:
    records = toy.to_records()
    [topic] = [r for r in records if r["key"] == "topic:deal"]
    assert topic["value"]["languages"]["fr"] == ["accord*", "livré"]
    # the toy rule has no raw record of its own: give it one, as a loaded rule would have
    for r in records:
        if r["kind"] == "rule":
            r["value"] = {"id": "deal", "title": "deal", "query": "topic:deal"}
    rebuilt = RuleSet.from_records(records)
    assert rebuilt.topics["deal"].by_lang == toy.topics["deal"].by_lang
    for text, lang, expected in [
        ("Un accord a été trouvé.", "fr", True),
        ("According to nobody.", "en", False),
    ]:
        assert fires(rebuilt, tagger, text, lang) == (expected, expected)


def test_the_shipped_rule_set_round_trips_through_its_records(rules: RuleSet) -> None:
    rebuilt = RuleSet.from_records(rules.to_records())
    for tid, t in rules.topics.items():
        assert rebuilt.topics[tid].by_lang == t.by_lang
    assert rebuilt.get("arms-transfer-pair").node == rules.get("arms-transfer-pair").node


def test_lang_filter_still_narrows_a_rule(tagger: Tagger) -> None:
    topics = extend_topics({"deal": TOPIC}, LANGS)
    query = "topic:deal AND lang:fr"
    node = parse_query(query, {k: t.entries() for k, t in topics.items()})
    rules = RuleSet([Rule(id="deal", title="deal", query=query, node=node)], topics)
    assert fires(rules, tagger, "Un accord est signé.", "fr") == (True, True)
    assert fires(rules, tagger, "The contract was signed.", "en") == (False, False)


# -- the topic terms a language takes from its own reader's classes ---------------------------

COMMON = {"relations": {"arms_transfer": {"topics": {"arms_transfer": ["sell", "buy"]}}}}


def test_class_entries_become_the_languages_topic_terms_as_the_reader_reads_them() -> None:
    classes = {"sell": ["livre", "livr*"], "buy": ["acheter"], "from": ["de"]}
    lf = LanguageFile("fr", "fr.yaml", {}, {"arms_transfer": {"classes": classes}}, "french")
    common = {"relations": {"arms_transfer": {**COMMON["relations"]["arms_transfer"]}}}
    common["relations"]["arms_transfer"]["stemmed"] = ["buy"]
    terms = class_topic_terms(lf, common)["arms_transfer"]
    # a listed word, a listed stem, and the Snowball stem of a stemmed class's word as a prefix
    # ("achètera" is read as a buy word by its stem); "de" is in no mapped class
    assert terms == ["livre", "livr*", "acheter", "achet*"]
    topic = Topic("arms_transfer", ["sale"], raw={"id": "arms_transfer", "terms": ["sale"]})
    scoped = extend_topics({"arms_transfer": topic}, [lf], common)["arms_transfer"]
    # what a stem of the same language covers is left out: it adds scan cost only
    assert scoped.terms == ["sale"] and scoped.by_lang == {"fr": ["livr*", "achet*"]}


def test_a_languages_own_mapping_replaces_the_shared_one() -> None:
    rel = {"classes": {"sell": ["livre"], "deal": ["contrat"]}, "topics": {"weapons": ["deal"]}}
    lf = LanguageFile("fr", "fr.yaml", {}, {"arms_transfer": rel})
    assert class_topic_terms(lf, COMMON) == {"weapons": ["contrat"]}


def shipped_topic_rule(rules: RuleSet, topic: str) -> RuleSet:
    query = f"topic:{topic}"
    node = parse_query(query, {k: t.entries() for k, t in rules.topics.items()})
    return RuleSet([Rule(id="deal", title=topic, query=query, node=node)], rules.topics)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # Portuguese "enviou" is a seller's verb of the reader, in no topic list of the file
        ("Os tanques que o Brasil enviou para o Uruguai já estão em serviço.", "pt", True),
        ("Enviou: a word seen in an English caption.", "en", False),
        # French "accord*" (deal class) and German "import*" reach no English word
        ("According to the ministry, the important parade was held.", "en", False),
        ("Un accord a été conclu hier.", "fr", True),
        # the Snowball stem of a French buy word reads a future nobody listed
        ("L'armée achètera des hélicoptères.", "fr", True),
    ],
)
def test_the_shipped_transfer_topic_reads_the_class_words_of_the_articles_language(
    rules: RuleSet, tagger: Tagger, text: str, lang: str, expected: bool
) -> None:
    assert fires(shipped_topic_rule(rules, "arms_transfer"), tagger, text, lang) == (
        expected,
        expected,
    )


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # French "corvette*" is an arms-class stem of the reader, in no weapons list of the file
        ("La marine recevra deux corvettes.", "fr", True),
        # and a French stem is French only: "batterie*" leaves English batteries alone (the
        # English list took "corvette*" with the reader's other arms nouns)
        ("The army will get two new batteries.", "en", False),
    ],
)
def test_the_shipped_weapons_topic_reads_the_arms_class_of_the_articles_language(
    rules: RuleSet, tagger: Tagger, text: str, lang: str, expected: bool
) -> None:
    assert fires(shipped_topic_rule(rules, "weapons"), tagger, text, lang) == (expected, expected)


def test_evidence_asks_only_for_the_language_terms_in_the_article(
    tagger: Tagger, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A language's own topic terms are many and most are absent from any one article: the
    evidence tests each one's anchor (a whole word, or a stem found by the language's own scan)
    against the article before asking for its occurrences, and shows what the reference scan
    shows, in the query's order."""
    from worker.transforms.rules.match import RuleView

    terms = ["accord*", "livré", "sous marin*", "frégate", "blindé*", "navire de guerre"]
    topics = extend_topics({"deal": TOPIC}, [LanguageFile("fr", "fr.yaml", {"deal": terms}, {})])
    node = parse_query("topic:deal", {k: t.entries() for k, t in topics.items()})
    rules = RuleSet([Rule(id="deal", title="deal", query="topic:deal", node=node)], topics)
    text = "Deux sous marins ont été livré aux garde-côtes après un accord signé hier."
    asked: list[str] = []
    lookup = RuleView.occurrences_of

    def spy(view: RuleView, ct: object) -> list[tuple[int, int]]:
        asked.append(" ".join(ct.term.tokens))  # type: ignore[attr-defined]
        return lookup(view, ct)  # type: ignore[arg-type]

    monkeypatch.setattr(RuleView, "occurrences_of", spy)
    tagged = tagger.tag(article(text, "fr"))
    [fast] = rules.match(tagged, now=NOW)
    [naive] = rules.match_naive(tagged, now=NOW)
    assert fast.evidence == naive.evidence
    assert [e.term for e in fast.evidence] == [
        "topic:deal/fr:accord*",
        "topic:deal/fr:livré",
        "topic:deal/fr:sous marin*",
    ]
    # the absent whole word, stem and phrase are never looked up by the fast path (the naive
    # reference scans every term, so count the fast match's questions only; terms are folded)
    asked.clear()
    rules.match(tagged, now=NOW)
    assert set(asked) == {"accord*", "livre", "sous marin*"}
