"""Buyers named after the article has paired its parties (issue 12, cross-sentence, seventeenth
batch; ``pairs.py: _later_buyers``): a buyer read with no seller in its sentence is one more
customer of the article's seller when every pair read so far has that one seller and it is the
state of the one maker the article names. A pair whose direction only the order of its parties
gave is turned when the article reads its seller as a buyer elsewhere (``_guesses_turned``).
Every sentence is our own."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.rules import pairs as pairs_module
from worker.transforms.tag import Tagger


def test_a_second_customer_of_the_same_maker_buys_from_its_seller(
    tagger: Tagger, rules: RuleSet
) -> None:
    body = (
        "Turkey delivered Bayraktar TB2 drones to Kenya last month. "
        "In April, Chad acquired three more drones for its army."
    )
    assert pairs(tagger, rules, "en", body) == {("KEN", "TUR"), ("TCD", "TUR")}


def test_no_later_customer_when_the_pairs_have_two_sellers(tagger: Tagger, rules: RuleSet) -> None:
    # two sellers already: which one the later buyer deals with is not said
    body = (
        "Turkey delivered Bayraktar TB2 drones to Kenya last month. "
        "France sold Rafale jets to Egypt. "
        "In April, Chad acquired three more drones for its army."
    )
    assert ("TCD", "TUR") not in pairs(tagger, rules, "en", body)


def test_without_the_mechanism_the_later_customer_is_lost(
    tagger: Tagger, rules: RuleSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pairs_module, "LATER_BUYERS", False)
    body = (
        "Turkey delivered Bayraktar TB2 drones to Kenya last month. "
        "In April, Chad acquired three more drones for its army."
    )
    assert pairs(tagger, rules, "en", body) == {("KEN", "TUR")}


def test_no_later_customer_from_a_sentence_naming_another_state(
    tagger: Tagger, rules: RuleSet
) -> None:
    # the war in Ukraine is why Estonia buys more: Ukraine is no customer of the seller
    body = (
        "South Korea sold K9 Thunder howitzers to Estonia this year. "
        "Ukraine warranted the procurement, the Estonian minister said."
    )
    assert pairs(tagger, rules, "en", body) == {("EST", "KOR")}


def test_a_guessed_direction_turns_when_the_other_side_buys_elsewhere(
    tagger: Tagger, rules: RuleSet
) -> None:
    # Qatar buys in the first sentence; in the second only the order of the names would make
    # Norway and Denmark its buyers
    body = (
        "Canada sold armoured vehicles to Qatar in 2019. "
        "Norway and Denmark have ended their arms contracts with Qatar."
    )
    assert pairs(tagger, rules, "en", body) == {("QAT", "CAN"), ("QAT", "NOR"), ("QAT", "DNK")}
