"""Tagging and matching a batch of articles at once (``worker.pipeline.analyse_many``, what the
stream's intake stage calls per batch): the same alerts as article by article, the pair reader's
sentences of the whole batch parsed before any article is read, and one failing article costing
no other its result. Every sentence is our own, written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from worker.model import Article
from worker.pipeline import analyse_many
from worker.transforms import parser
from worker.transforms.rules import RuleSet
from worker.transforms.rules import pairs as pairs_module
from worker.transforms.rules.pairs import candidate_sentences, extract_pairs
from worker.transforms.tag import Tagger

NOW = datetime(2026, 12, 5, tzinfo=UTC)

BODIES = [
    "Egypt signed a contract with France to buy twelve more Rafale fighter jets.",
    "The weather in Lisbon stayed mild all week, and the ferries ran on time.",
    "Germany will supply Ukraine with four more IRIS-T air defence systems, Berlin said.",
    "Greece received its first F-35 fighters from the United States in a ceremony.",
    "Turkey and Greece held talks on fishing rights in the Aegean.",
    "India is buying Russian S-400 missile systems despite American warnings.",
]


def articles() -> list[Article]:
    return [Article(id=f"a{i}", title="", body=b, language="en") for i, b in enumerate(BODIES)]


def test_batch_gives_the_same_alerts_as_one_by_one(tagger: Tagger, rules: RuleSet):
    """Against the matcher's own one-article path (no read-ahead), whole alerts compared."""
    alone = []
    for art in articles():
        parser.clear_cache()
        alerts, _ = rules.match_reading(tagger.tag(art), now=NOW)
        alone.append([a.to_dict() for a in alerts])
    parser.clear_cache()
    together = [[a.to_dict() for a in r[1]] for r in analyse_many(articles(), tagger, rules, NOW)]
    assert together == alone
    recipients = {a["pair"]["recipient"] for alerts in alone for a in alerts if a.get("pair")}
    assert {"EGY", "UKR", "GRC"} <= recipients


def test_after_the_read_ahead_no_article_calls_the_parser(tagger, rules, monkeypatch):
    views = [rules.view(tagger.tag(a)) for a in articles()]
    readings = [(v, v.matching()) for v in views]
    parser.clear_cache()
    counts = rules.read_ahead(readings)
    assert counts[1] == 0 and counts[4] == 0  # the weather and the fishing talks
    assert sum(counts) >= 4

    def no_parser():
        raise AssertionError("a sentence was parsed after the batch's read-ahead")

    monkeypatch.setattr(parser, "english_parser", no_parser)
    found = [rules.alerts(v, indices, now=NOW) for v, indices in readings]
    assert sum(1 for alerts in found for a in alerts if a.pair) >= 4


def test_after_the_read_ahead_no_article_seeks_its_candidates_again(tagger, rules, monkeypatch):
    views = [rules.view(tagger.tag(a)) for a in articles()]
    readings = [(v, v.matching()) for v in views]
    rules.read_ahead(readings)
    sought: list[int] = []
    real = pairs_module._candidates

    def counting(*args):
        sought.append(1)
        return real(*args)

    monkeypatch.setattr(pairs_module, "_candidates", counting)
    found = [rules.alerts(v, indices, now=NOW) for v, indices in readings]
    assert sum(1 for alerts in found for a in alerts if a.pair) >= 4
    assert not sought


def test_candidates_taken_but_not_parsed_are_parsed_when_read(tagger, rules):
    """A caller that takes the candidates and then fails to parse them (the cache emptied here)
    gets the same alerts: each sentence is parsed when its article reads it."""
    expected = []
    for art in articles():
        parser.clear_cache()
        expected.append([a.to_dict() for a in rules.match(tagger.tag(art), now=NOW)])
    views = [rules.view(tagger.tag(a)) for a in articles()]
    readings = [(v, v.matching()) for v in views]
    for view, _ in readings:
        view.pair_candidates(rules.relations["arms_transfer"])
    parser.clear_cache()
    got = [[a.to_dict() for a in rules.alerts(v, i, now=NOW)] for v, i in readings]
    assert got == expected


def test_a_failing_read_ahead_costs_nothing_but_speed(tagger, rules, monkeypatch):
    expected = [[a.to_dict() for a in r[1]] for r in analyse_many(articles(), tagger, rules, NOW)]

    def broken(readings):
        raise RuntimeError("read-ahead broke")

    monkeypatch.setattr(rules, "read_ahead", broken)
    parser.clear_cache()
    got = [[a.to_dict() for a in r[1]] for r in analyse_many(articles(), tagger, rules, NOW)]
    assert got == expected


def test_candidate_sentences_are_the_transfer_sentences(tagger, rules):
    lexicon = rules.relations["arms_transfer"]
    found = [candidate_sentences(tagger.tag(a), lexicon) for a in articles()]
    assert [bool(f) for f in found] == [True, False, True, True, False, True]


class _FailsOn:
    """The real tagger, except that it raises on one article: a transform bug we cannot
    produce with real input on purpose."""

    def __init__(self, tagger: Tagger, bad_id: str) -> None:
        self.tagger, self.bad_id = tagger, bad_id

    def tag(self, article: Article):
        if article.id == self.bad_id:
            raise ValueError("boom")
        return self.tagger.tag(article)


def test_one_failing_article_costs_no_other_its_result(tagger, rules):
    results = analyse_many(articles(), _FailsOn(tagger, "a2"), rules, NOW)
    assert isinstance(results[2], ValueError)
    ok = [r for i, r in enumerate(results) if i != 2]
    assert all(isinstance(r, tuple) for r in ok)
    assert results[0][0].article.id == "a0" and results[3][0].article.id == "a3"
    assert any(a.pair and a.pair["recipient"] == "EGY" for a in results[0][1])


@pytest.mark.parametrize(
    "body",
    [
        # a trigger the negation cancels
        "Poland said it will never buy tanks from Germany again, whatever the price.",
        # a company and its jets, no country: the reader reads sentences with a country only
        "Saab will deliver six more Gripen fighters next year, the company said.",
    ],
)
def test_sentences_the_reader_never_parses_are_not_candidates(tagger, rules, body):
    """They pass the cheap word test (a trigger word and arms) but the reader reads no transfer
    in them, so their parse would never be read."""
    lexicon = rules.relations["arms_transfer"]
    tagged = tagger.tag(Article(id="c", title="", body=body, language="en"))
    assert candidate_sentences(tagged, lexicon) == []
    assert extract_pairs(tagged, lexicon) == []


def test_a_weak_trigger_whose_object_the_parse_decides_is_a_candidate(tagger, rules):
    """A weak trigger whose object the patterns cannot tell ("ordered ... for its fighter
    squadrons"): the reader asks the parse for it (``_parsed_object``), so the sentence is
    parsed with the article's others in one call, not alone later; no pair either way."""
    lexicon = rules.relations["arms_transfer"]
    body = "Norway ordered new uniforms and tents for its fighter squadrons."
    tagged = tagger.tag(Article(id="c", title="", body=body, language="en"))
    assert candidate_sentences(tagged, lexicon) == [body]
    parser.clear_cache()
    assert extract_pairs(tagged, lexicon, parse_first=False) == []
    assert parser.is_parsed(body)  # the reader read its parse: parsing it first costs nothing more


class _CountingParser:
    """The loaded parser, noting every sentence parsed on its own (not in a batch)."""

    def __init__(self, nlp) -> None:
        self.nlp, self.alone = nlp, []

    def __call__(self, sentence: str):
        self.alone.append(sentence)
        return self.nlp(sentence)

    def pipe(self, texts, **kwargs):
        return self.nlp.pipe(texts, **kwargs)


def test_a_headline_and_an_origin_compound_are_parsed_in_the_batch(tagger, rules, monkeypatch):
    """The reader parses a headline lowered and "US made" hyphened (``_role_text``), not the
    sentence as written: the candidates hold that text too, so once they are parsed together
    the reader parses nothing alone, and reads the same pairs as when it parses as it goes."""
    nlp = parser.english_parser()
    assert nlp is not None, "the English parser model is a dependency: run make setup"
    lexicon = rules.relations["arms_transfer"]
    art = Article(
        id="h",
        title="Chile Buys Four US Made Patrol Boats After Long Talks",
        body="Peru took delivery of two German built submarines from Kiel last spring.",
        language="en",
    )
    tagged = tagger.tag(art)
    parser.clear_cache()
    alone = extract_pairs(tagged, lexicon, parse_first=False)
    candidates = candidate_sentences(tagged, lexicon)
    assert len(set(candidates)) > 2  # a sentence's role text differs from it as written
    parser.clear_cache()
    parser.parse_many(candidates)
    counting = _CountingParser(nlp)
    monkeypatch.setattr(parser, "english_parser", lambda: counting)
    batched = extract_pairs(tagged, lexicon, parse_first=False)
    assert counting.alone == []
    assert ("PER", "DEU") in {(h.recipient, h.supplier) for h in batched}
    assert [h.pair for h in batched] == [h.pair for h in alone]
