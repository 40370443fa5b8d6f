"""Tagging and matching a batch of articles at once (``worker.pipeline.analyse_many``, what the
stream's intake stage calls per batch): the same alerts as article by article, the pair reader's
sentences of the whole batch parsed before any article is read, and one failing article costing
no other its result. Every sentence is our own, written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

from worker.model import Article
from worker.pipeline import analyse, analyse_many
from worker.transforms import parser
from worker.transforms.rules import RuleSet
from worker.transforms.rules.pairs import candidate_sentences
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


def alert_keys(alerts) -> list[tuple]:
    return [(a.rule_id, tuple(sorted((a.pair or {}).items()))) for a in alerts]


def test_batch_gives_the_same_alerts_as_one_by_one(tagger: Tagger, rules: RuleSet):
    parser.clear_cache()
    alone = [alert_keys(analyse(a, tagger, rules, NOW)[1]) for a in articles()]
    parser.clear_cache()
    together = [alert_keys(r[1]) for r in analyse_many(articles(), tagger, rules, NOW)]
    assert together == alone
    pairs = {p for keys in alone for _, pair in keys for p in pair if p[0] == "recipient"}
    assert {("recipient", "EGY"), ("recipient", "UKR"), ("recipient", "GRC")} <= pairs


def test_read_ahead_parses_every_articles_sentences_before_reading(tagger, rules):
    arts = [tagger.tag(a) for a in articles()]
    lexicon = rules.relations["arms_transfer"]
    wanted = [s for t in arts for s in candidate_sentences(t, lexicon)]
    assert len(wanted) >= 4  # the four transfer sentences; the weather and fishing have none
    parser.clear_cache()
    views = [rules.view(t) for t in arts]
    rules.read_ahead((v, v.matching()) for v in views)
    assert all(parser.is_parsed(s) for s in wanted)
    assert not parser.is_parsed(BODIES[1])


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
