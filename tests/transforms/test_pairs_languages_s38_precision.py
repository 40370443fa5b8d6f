"""Ten-language wrong pairs, 2026-12-07 (tenth stop). Every sentence is our own, written for
these tests."""

from __future__ import annotations

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger


def test_arabic_bare_nisba_after_the_arms_is_no_buyer(tagger: Tagger, rules: RuleSet) -> None:
    # "the supply of Russian tanks" after an indefinite noun: the nisba has no article, and it is
    # the tanks' origin, not the state supplied (it was read as the buyer, the pair reversed)
    body = "وقعت روسيا والعراق عقدا حول توريد دبابات روسية."
    assert pairs(tagger, rules, "ar", body) == {("IRQ", "RUS")}


def test_arabic_supply_to_a_named_state_stays(tagger: Tagger, rules: RuleSet) -> None:
    # the name after "to", and an origin with the article: read as before
    body = "وافقت روسيا على توريد دبابات للعراق."
    assert pairs(tagger, rules, "ar", body) == {("IRQ", "RUS")}
    body = "تسلمت مصر غواصة ألمانية."
    assert pairs(tagger, rules, "ar", body) == {("EGY", "DEU")}
