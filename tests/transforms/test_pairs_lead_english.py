"""A seller read alone in English sells to the article's lead state (issue 12, cross-sentence;
``pairs.py: LEAD_BUYER_EN``, ``fills._lead_buyer_pairs``): when no sentence of the article pairs two
states and none reads a buyer, a seller whose own words show a sale ("donated", "sold",
"bought from") sells to the state the article is most about. Not a state named only as where
the arms were made, as a deal's other party, as a blocker or as the source of relief goods;
not a state the parse reads as a bystander (a speaker, a place of fighting, one choosing not to
act) or one named only by a dateline. Every sentence is our own."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from worker.model import Article
from worker.pipeline import analyse
from worker.transforms.rules import RuleSet
from worker.transforms.rules import pairs as pairs_module
from worker.transforms.tag import Tagger

NOW = datetime(2026, 12, 5, tzinfo=UTC)


def read(tagger: Tagger, rules: RuleSet, title: str, body: str) -> set[tuple[str, str]]:
    art = Article(id="t", title=title, body=body, language="en")
    _, alerts = analyse(art, tagger, rules, NOW)
    return {(a.pair["recipient"], a.pair["supplier"]) for a in alerts if a.pair}


LEAD = (
    "Ghana rebuilds its army",
    "Ghana is rebuilding its army after years of neglect. Ghana has set aside money for new "
    "equipment. Last week the United States delivered 20 armoured vehicles.",
)


def test_a_lone_seller_sells_to_the_lead_state(tagger: Tagger, rules: RuleSet) -> None:
    assert read(tagger, rules, *LEAD) == {("GHA", "USA")}


def test_without_the_mechanism_the_pair_is_lost(
    tagger: Tagger, rules: RuleSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pairs_module, "LEAD_BUYER_EN", False)
    assert read(tagger, rules, *LEAD) == set()


def test_relief_goods_are_no_sale(tagger: Tagger, rules: RuleSet) -> None:
    body = (
        "Pakistan is recovering from the floods. Pakistan needs tents and food. "
        "Relief supplies from the United States came in on a C-17 transport jet."
    )
    assert read(tagger, rules, "Floods in Pakistan", body) == set()


def test_a_dateline_names_no_lead_state(tagger: Tagger, rules: RuleSet) -> None:
    body = (
        "ANKARA (wire) - A navy spokesman said the service had signed a deal to buy "
        "two patrol boats from Italy."
    )
    assert ("TUR", "ITA") not in read(tagger, rules, "Patrol boats ordered", body)


def test_a_seller_that_supplies_as_a_verb_still_sells(tagger: Tagger, rules: RuleSet) -> None:
    # "supplies" as a noun carries relief goods; as the seller's own verb it is a sale (review)
    body = (
        "Ghana is rebuilding its army. Ghana needs armoured vehicles. "
        "This year the United States supplies 20 armoured vehicles."
    )
    assert read(tagger, rules, "Ghana's army rebuilds", body) == {("GHA", "USA")}


def test_an_acronym_opening_a_sentence_is_no_dateline(tagger: Tagger, rules: RuleSet) -> None:
    body = (
        "UAE is rebuilding its air force after a long pause. "
        "France delivered 12 Rafale jets in the spring."
    )
    assert ("ARE", "FRA") in read(tagger, rules, "Jets for the Gulf", body)


def test_the_country_is_no_state_that_only_qualifies_the_subject(
    tagger: Tagger, rules: RuleSet
) -> None:
    # "US officials" names no referent for "the country" (review): no pair rather than USA
    body = (
        "US officials have warned Turkey for months over its air defence plans.\n\n"
        "In July the country took delivery of S-400 systems from Russia despite the warnings."
    )
    assert ("USA", "RUS") not in read(tagger, rules, "Warnings over air defence", body)
