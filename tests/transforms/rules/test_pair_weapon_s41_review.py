"""Review of the thirteenth stop's weapon mechanisms (docs/rules.md §8, "Review of English
weapon and status across the article"): the class named again, and the article's one system
lent whatever the order of the pairs. The sentences are our own; they run through the shipped
tagger and relation lexicon."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def read(read_facts):
    """This file's tests read each pair's facts (tests/transforms/rules/conftest.py)."""
    return read_facts


def test_the_class_noun_the_system_was_named_with_is_that_system_again(read) -> None:
    # "K9 howitzers ... howitzers from South Korea": the same Korean guns, not another clause's
    got = read(
        "Norway took delivery of K9 howitzers, and will order howitzers from South Korea "
        "for its reserve units."
    )
    assert got[("NOR", "KOR")]["weapon"] == "k9-thunder"


def test_more_of_a_class_is_not_another_states_make_again(read) -> None:
    # the Mi-17 is Russian: more helicopters from Italy are not more Mi-17s
    got = read("Kenya operates Mi-17 helicopters, and plans to get more helicopters from Italy.")
    assert got[("KEN", "ITA")].get("weapon") is None


def test_another_class_noun_of_the_sellers_make_is_still_set_aside(read) -> None:
    # Korean tanks in the first clause, Korean howitzers bought in the second: not the tanks
    got = read("Norway has trialled K2 tanks, and will order howitzers from South Korea.")
    assert got[("NOR", "KOR")].get("weapon") is None


@pytest.mark.parametrize("sellers", ["Spain and from Italy", "Italy and from Spain"])
def test_the_one_system_goes_alike_to_two_sellers_whatever_their_order(read, sellers) -> None:
    # neither seller makes the NASAMS and neither pair names a system: the order in which the
    # pairs are read must not give it to one of them only
    got = read(
        f"Uruguay bought arms from {sellers} in 2024. Its next purchase may bring the NASAMS."
    )
    assert got[("URY", "ESP")].get("weapon") == got[("URY", "ITA")].get("weapon")
