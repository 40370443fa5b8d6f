"""Topic terms scoped to a language (issue 13, twelfth round) mean the same in OpenSearch's
percolator as in newswatch's matcher: a term of one language counts only in a document of that
language. A pack of its own (a topic no shipped file extends, and its own French and Portuguese
files): the shipped arms topics, with every language's terms, are more clauses than the engine
takes in one query (1,024; docs/languages.md, twelfth round). Short articles in our own words,
in ASCII (we fold accents, the engine's standard analyser does not; see the differential test).
"""

from __future__ import annotations

import pytest

from tests.e2e.percolator import percolator_with

pytestmark = pytest.mark.stack

# (title, body, language): the topic's words in and out of their language
ARTICLES = [
    ("Parade", "According to the ministry, the tank parade was held.", "en"),
    ("Accord", "Un accord porte sur des missiles.", "fr"),
    ("Accord", "Un accord porte sur des missiles.", "en"),
    ("Accord", "Un accord porte sur des missiles.", None),
    ("Tanques", "O Brasil enviou tanques para o Uruguai.", "pt"),
    ("Tanques", "O Brasil enviou tanques para o Uruguai.", "es"),
    ("Tanks", "Brazil sent tanks to Uruguay under a contract.", "pt"),
    ("Chars", "Les avions de chasse et un contrat de vente.", "fr-CA"),
]
TOPIC = {"id": "deal_watch", "terms": ["contract", "arms deal*"]}
LANGUAGES = {
    "fr": {"language": "fr", "topics": {"deal_watch": ["accord*", "avion* de chasse", "vente"]}},
    "pt": {"language": "pt", "topics": {"deal_watch": ["enviou", "contrato*"]}},
}
RULES = [
    {"id": "t-deal", "title": "deal", "severity": "low", "query": "topic:deal_watch"},
    {
        "id": "t-deal-pt",
        "title": "deal in pt",
        "severity": "low",
        "query": "topic:deal_watch AND lang:pt",
    },
]


def test_the_percolator_and_newswatch_scope_topic_terms_alike(stack_ready, tmp_path) -> None:
    import yaml

    from worker.model import Article
    from worker.transforms.rules import load_rules
    from worker.transforms.tag import default_tagger

    (tmp_path / "topics").mkdir()
    (tmp_path / "topics" / "deal_watch.yaml").write_text(yaml.safe_dump(TOPIC))
    (tmp_path / "languages").mkdir()
    for code, doc in LANGUAGES.items():
        (tmp_path / "languages" / f"{code}.yaml").write_text(yaml.safe_dump(doc))
    (tmp_path / "deal.yaml").write_text(yaml.safe_dump({"rules": RULES}))
    ruleset = load_rules(tmp_path)
    tagger = default_tagger()
    tagged = [
        tagger.tag(Article(id=f"a{i}", title=t, body=b, language=lang))
        for i, (t, b, lang) in enumerate(ARTICLES)
    ]
    ours = [{x for x in ruleset.matching_rules(ta) if x.startswith("t-")} for ta in tagged]
    assert ruleset.topics["deal_watch"].by_lang.keys() == {"fr", "pt"}
    # the scope is exercised: French "accord*" fires in French only, "enviou" in Portuguese only
    assert ours == [
        set(),
        {"t-deal"},
        set(),
        set(),
        {"t-deal", "t-deal-pt"},
        set(),
        {"t-deal", "t-deal-pt"},
        {"t-deal"},
    ]

    with percolator_with((r for r in ruleset.rules if r.id.startswith("t-")), "lang") as perc:
        assert [perc(ta) for ta in tagged] == ours
