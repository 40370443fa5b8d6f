"""Which weapon a pair carries, twelfth stop (docs/rules.md §8, "Weapons of correct pairs,
twelfth stop"). The sentences are our own; they run through the shipped tagger and relation
lexicon, as `newswatch scan` does."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def read(read_facts):
    """This file's tests read each pair's facts (tests/transforms/rules/conftest.py)."""
    return read_facts


def test_a_system_told_only_as_another_buyers_deal_is_not_lent(read) -> None:
    # the Gripens are Peru's; the offer to Chile names jets and no system: it gets none
    got = read(
        "Peru has opened talks with Sweden on buying six more Gripen fighters. "
        "Stockholm would also sell combat jets to Chile, an official added."
    )
    assert got[("PER", "SWE")]["weapon"] == "gripen"
    assert got[("CHL", "SWE")].get("weapon") is None


def test_a_system_named_with_no_state_is_still_lent(read) -> None:
    # the sentence that names the system names no other party: it tells the pair's own deal
    got = read(
        "Egypt agreed to buy combat jets from France on Monday. "
        "The contract covers thirty Rafale aircraft and their weapons."
    )
    assert got[("EGY", "FRA")]["weapon"] == "rafale"


def test_each_pair_of_a_two_verb_sentence_takes_the_arms_of_its_own_verb(read) -> None:
    # the first verb is Estonia's purchase; the second, Estonia handing on older guns, is the
    # deal of the pair with Ukraine
    got = read(
        "Norway will sell K9 howitzers to Estonia while Estonia will deliver D-30 guns to Ukraine."
    )
    assert got[("EST", "NOR")]["weapon"] == "k9-thunder"
    assert got[("UKR", "EST")]["weapon"] == "d-30"
