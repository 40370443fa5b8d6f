"""Lists of buyers (issue 12, lists, seventeenth batch). States that sign together for arms
another state makes (``grammar._resolve_parties``) each buy from the maker; a member is never
read as the seller to the member before it, and two states alone remain each other's
counterparts. The states after "after" in "the third country to buy X after A and B"
(``grammar._earlier_buyers``) bought the same arms before. Every sentence is our own."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

SIGNERS = [
    (
        "Norway and Sweden signed a contract for the acquisition of the German Leopard 2 tanks.",
        {("NOR", "DEU"), ("SWE", "DEU")},
    ),
    (
        "Lithuania and Poland have signed an agreement to jointly buy Swedish Carl-Gustaf "
        "launchers.",
        {("LTU", "SWE"), ("POL", "SWE")},
    ),
]


@pytest.mark.parametrize(("body", "expected"), SIGNERS)
def test_each_signer_buys_from_the_maker(
    tagger: Tagger, rules: RuleSet, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, "en", body) == expected


def test_two_signers_of_a_maker_deal_with_each_other(tagger: Tagger, rules: RuleSet) -> None:
    body = "India and Russia signed a deal for the S-400 system."
    assert pairs(tagger, rules, "en", body) == {("IND", "RUS")}


EARLIER = [
    (
        "Chile has become the fourth country to purchase the Exocet missile after Peru and Brazil.",
        {("CHL", "FRA"), ("PER", "FRA"), ("BRA", "FRA")},
    ),
    # no ordinal: "after" names no buyer
    (
        "Poland bought Leopard 2 tanks from Germany after the war in Ukraine began.",
        {("POL", "DEU")},
    ),
]


@pytest.mark.parametrize(("body", "expected"), EARLIER)
def test_states_after_after_are_earlier_buyers_of_the_same_arms(
    tagger: Tagger, rules: RuleSet, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, "en", body) == expected
