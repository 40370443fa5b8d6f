"""Compiled matching (automaton + prefilter) gives exactly what evaluating every rule gives."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from worker.model import Article, Entity, Mention, TaggedArticle
from worker.transforms.rules import RuleSet
from worker.transforms.rules.query import parse_query
from worker.transforms.rules.schema import Rule

WORDS = ["arms", "deal", "tank", "tanks", "s", "400", "buy", "bought", "oil", "gas", "sale", "de"]
COUNTRIES = ["TUR", "RUS", "IND"]


def leaf():
    word = st.sampled_from(WORDS)
    wild = st.builds(lambda w, k: w[: max(1, len(w) - k)] + "*", word, st.integers(0, 2))
    qmark = st.builds(lambda w: "?" + w[1:] if len(w) > 1 else w, word)
    phrase = st.builds(lambda ws: '"' + " ".join(ws) + '"', st.lists(word, min_size=2, max_size=3))
    prox = st.builds(lambda p, n: f"{p}~{n}", phrase, st.integers(0, 3))
    field = st.builds(lambda f, w: f"{f}:{w}", st.sampled_from(["title", "body"]), word)
    country = st.builds(lambda c: f"country:{c}", st.sampled_from(COUNTRIES))
    meta = st.sampled_from(["lang:en", "lang:fr", "source:wire", "weapon:s-*", "country:*"])
    return st.one_of(word, word, wild, qmark, phrase, prox, field, country, meta)


queries = st.recursive(
    leaf(),
    lambda inner: st.one_of(
        st.builds(lambda a, b: f"({a} AND {b})", inner, inner),
        st.builds(lambda a, b: f"({a} OR {b})", inner, inner),
        st.builds(lambda a: f"(NOT {a})", inner),
        st.builds(lambda a, b: f"({a} {b})", inner, inner),
        st.builds(lambda a, b: f"({a} -{b})", inner, inner),
    ),
    max_leaves=6,
)


@st.composite
def articles(draw):
    title = " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=5)))
    seps = st.sampled_from([" ", " ", ", ", "-", ". "])
    parts = draw(st.lists(st.tuples(st.sampled_from(WORDS), seps), max_size=30))
    body = "".join(w + s for w, s in parts)
    ents = []
    for iso in draw(st.lists(st.sampled_from(COUNTRIES), unique=True, max_size=3)):
        ents.append(Entity(iso, "country", iso, mentions=[Mention(iso, 0, 0)]))
    if draw(st.booleans()):
        ents.append(Entity("s-400", "weapon", "S-400", "RUS"))
    art = Article(
        id="a",
        title=title,
        body=body,
        language=draw(st.sampled_from([None, "en", "fr"])),
        source=draw(st.sampled_from([None, "wire", "the wire service"])),
    )
    return TaggedArticle(art, ents, [])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(queries, min_size=1, max_size=12), st.lists(articles(), min_size=1, max_size=4))
def test_prefilter_equals_naive(qs, arts):
    rules = [Rule(id=f"r{i}", title="t", query=q, node=parse_query(q)) for i, q in enumerate(qs)]
    rs = RuleSet(rules)
    for art in arts:
        assert rs.matching_rules(art) == rs.matching_rules(art, naive=True)


def test_prefilter_indexes_required_terms_and_always_list():
    qs = ["tank AND deal", "tank OR oil", "NOT gas", "lang:en", "bought -oil", '"arms deal"~2']
    rules = [Rule(id=f"r{i}", title="t", query=q, node=parse_query(q)) for i, q in enumerate(qs)]
    rs = RuleSet(rules)
    assert rs.compiled.always == [2]  # only the pure NOT must be evaluated every time
    art = TaggedArticle(Article(id="a", title="", body="gas and oil"))
    view = rs.view(art)
    assert view.candidates() == [1, 2]


def test_excluded_feature_rules_are_candidates_only_without_it():
    # "foreign-language coverage not about gas": nothing required, but the NOT of an exact
    # metadata constraint means English articles can skip the rule entirely
    qs = ["NOT lang:en AND NOT gas", "NOT country:TUR", "NOT lang:e*", "NOT source:wire"]
    rules = [Rule(id=f"r{i}", title="t", query=q, node=parse_query(q)) for i, q in enumerate(qs)]
    rs = RuleSet(rules)
    # a wildcard or a source phrase is not an exact feature: those stay always-evaluated
    assert rs.compiled.always == [2, 3]
    assert rs.compiled.unless == {"lang:en": [0], "country:tur": [1]}
    english = TaggedArticle(Article(id="a", title="", body="oil", language="en"))
    french = TaggedArticle(Article(id="b", title="", body="oil", language="fr"))
    assert rs.view(english).candidates() == [1, 2, 3]
    assert rs.view(french).candidates() == [0, 1, 2, 3]
    assert (
        rs.matching_rules(french)
        == ["r0", "r1", "r2", "r3"]
        == rs.matching_rules(french, naive=True)
    )
    assert rs.matching_rules(english) == ["r1", "r3"] == rs.matching_rules(english, naive=True)
