"""Every member of a list keeps its part (issue 12). A member added by "as well as" right after
a name plays that name's part (grammar.py ``_as_well_as_phrase``). The small parser hangs
"as" on the name before it ("to Niger as well as Chad": "as" a ``cc`` of Niger, Chad its
object), so the member after it continues that name's phrase: a recipient after "to", a
supplier after "from" or "by". And the lone members of a list of buyers buy from the seller
the article pairs one of them with (pairs.py ``_list_mate``). Every sentence is our own."""

from __future__ import annotations

import pytest

AS_WELL_AS = [
    # two recipients, active sale
    (
        "Turkey has sold Bayraktar drones to Niger as well as Ethiopia.",
        {("NER", "TUR"), ("ETH", "TUR")},
    ),
    # three: an apposition before "as well as"
    (
        "Turkey has sold Bayraktar drones to Niger, Togo as well as Ethiopia.",
        {("NER", "TUR"), ("TGO", "TUR"), ("ETH", "TUR")},
    ),
    # two suppliers after "from"
    (
        "Ukraine received tanks from Germany as well as Poland.",
        {("UKR", "DEU"), ("UKR", "POL")},
    ),
    # a passive: the suppliers are the agents
    (
        "Greece and Cyprus were sold patrol boats by France as well as Italy.",
        {("GRC", "FRA"), ("GRC", "ITA"), ("CYP", "FRA"), ("CYP", "ITA")},
    ),
    # four, another verb: the list goes on after the member "as well as" adds
    (
        "The United States will supply Patriot missiles to Poland as well as Romania, "
        "Bulgaria and Greece.",
        {("POL", "USA"), ("ROU", "USA"), ("BGR", "USA"), ("GRC", "USA")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), AS_WELL_AS)
def test_a_member_after_as_well_as_plays_the_part_of_the_name_before(
    read, text: str, expected: set[tuple[str, str]]
) -> None:
    assert read(text) == expected


LOOKALIKES = [
    # a drill's partners and a list of states condemning a sale are no parties
    "Russia held naval drills with China as well as Iran.",
    "Finland as well as Estonia condemned the planned drone deliveries to Belarus.",
]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_a_list_of_look_alikes_after_as_well_as_makes_no_pair(read, text: str) -> None:
    assert not {p for p in read(text) if "FIN" in p or "EST" in p or "CHN" in p or "IRN" in p}


# A list of buyers read alone, one member of which the article already pairs with its one
# seller: the other members buy from that seller too (pairs.py ``_list_mate``, ``_list_of``),
# with no maker named to tell who sells
LIST_MATES = [
    # two members
    (
        "The United States approved a sale of munitions to Qatar. Senators later sought to "
        "block the sales of munitions to Qatar and Kuwait.",
        {("QAT", "USA"), ("KWT", "USA")},
    ),
    # three
    (
        "The United States approved a sale of munitions to Qatar. Senators later sought to "
        "block the sales of munitions to Qatar, Kuwait and Oman.",
        {("QAT", "USA"), ("KWT", "USA"), ("OMN", "USA")},
    ),
    # four, the paired member second in the list
    (
        "The United States approved a sale of munitions to Qatar. Senators later sought to "
        "block the sales of bombs and other munitions to Kuwait, Qatar, Oman and Bahrain.",
        {("QAT", "USA"), ("KWT", "USA"), ("OMN", "USA"), ("BHR", "USA")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), LIST_MATES)
def test_the_lone_members_of_a_list_share_its_paired_members_seller(
    read, text: str, expected: set[tuple[str, str]]
) -> None:
    assert read(text) == expected


# states named apart from the paired buyer in its sentence are no members of its list
APART = [
    "Germany approved arms exports to Egypt. The delivery of artillery to Egypt had been held "
    "up for a year, when the border with Libya was closed.",
    "Germany approved arms exports to Egypt. Rockets were shipped to Egypt while Libya and "
    "Sudan were at war.",
]


@pytest.mark.parametrize("text", APART)
def test_a_state_named_apart_from_the_paired_buyer_gets_no_seller(read, text: str) -> None:
    assert read(text) == {("EGY", "DEU")}


# every member of a list of candidates after a narrowing is one: its owner is a candidate
# seller, not the first member's alone (grammar.py ``_candidate_arms``)
CANDIDATES = [
    (
        "Poland narrowed the list of bidders to Korea's K2 tank and Germany's Leopard tank.",
        {("POL", "KOR"), ("POL", "DEU")},
    ),
    (
        "The Philippines narrowed the field to Korea's KF-21, Sweden's Gripen and France's Rafale.",
        {("PHL", "KOR"), ("PHL", "SWE"), ("PHL", "FRA")},
    ),
    (
        "Canada has narrowed its options to Germany's TKMS submarine, Korea's Hanwha "
        "submarine, Spain's S-80 and France's Barracuda.",
        {("CAN", "DEU"), ("CAN", "KOR"), ("CAN", "ESP"), ("CAN", "FRA")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CANDIDATES)
def test_every_member_of_a_narrowed_list_is_a_candidate(
    read, text: str, expected: set[tuple[str, str]]
) -> None:
    assert read(text) == expected


def test_a_member_after_as_well_as_on_another_preposition_is_no_side(read) -> None:
    # "with" names a counterpart in talks, not a side of the sale: the member "as well as"
    # adds to it takes no part (only the objects of "to", "from" and "by" pass theirs on)
    got = read("India bought Rafale jets from France and held talks with Germany as well as Italy.")
    assert ("IND", "FRA") in got
    assert not {p for p in got if "ITA" in p}
