"""Plain English constructions that read a pair on their own (session 37): a deal or an order
"with" a named company "for" arms, a maker whose name ends in a trade noun building "for" a
buyer, a phrasal verb of handing over in the present tense, and the verb "gift" in every form.
Every sentence is our own."""

from __future__ import annotations

import pytest

# ``read``: the shipped reader's (recipient, supplier) pairs of one text (conftest.py)

DEAL_WITH_A_COMPANY = [
    # the company's state sells, the one who signs or orders buys
    ("Chile signed a contract with Nexter for 36 howitzers.", {("CHL", "FRA")}),
    ("Oman placed an order with Lockheed Martin for 12 F-16s.", {("OMN", "USA")}),
    ("Peru reached an agreement with Hanwha for K9 howitzers and K2 tanks.", {("PER", "KOR")}),
    ("Chile signed a contract with France's Nexter for 36 howitzers.", {("CHL", "FRA")}),
    ("Thailand's contract with Saab for four Gripen jets was signed in May.", {("THA", "SWE")}),
    (
        "Kuwait has placed an $800m order with Maryland-based Lockheed Martin for 20 F-16 jets.",
        {("KWT", "USA")},
    ),
    (
        "Chile signed contracts with Nexter and Saab for howitzers and jets.",
        {("CHL", "FRA"), ("CHL", "SWE")},
    ),
    (
        "The Philippine Navy inked a deal with Hyundai Heavy Industries for two corvettes.",
        {("PHL", "KOR")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), DEAL_WITH_A_COMPANY)
def test_a_deal_with_a_named_company_for_arms(read, text: str, expected: set) -> None:
    assert read(text) == expected


NO_ARMS_CHANGE_HANDS = [
    # services on arms the buyer already holds: what the deal is for is no arms
    "Chile signed a contract with Nexter for the maintenance of its howitzers.",
    "Egypt signed a contract with Naval Group for the repair of two frigates.",
    "Chile signed a contract with Nexter for training on the howitzers.",
    # the service noun after the arms (the review's probes, 2026-12-07)
    "Poland signed a contract with Lockheed Martin for F-16 upgrades.",
    "Poland signed a contract with Lockheed Martin for F-16 maintenance and spare parts.",
]


NO_ARMS_CHANGE_HANDS += [
    # airliners, their variants and plurals written glued to the model number
    "Kenya Airways placed an order with Boeing for ten 787s.",
    "Vietnam's flag carrier signed a deal with Airbus for 20 A321neo aircraft.",
    "An Egyptian airline finalised an order with Airbus for 12 A320neo jets.",
]


@pytest.mark.parametrize("text", NO_ARMS_CHANGE_HANDS)
def test_a_deal_with_a_company_for_services_reads_no_pair(read, text: str) -> None:
    assert read(text) == set()


NAMED_MAKER_BUILDS_FOR = [
    ("Naval Group will build four frigates for Greece.", {("GRC", "FRA")}),
    ("Thales Group is building three corvettes for Morocco.", {("MAR", "FRA")}),
    (
        "Under the plan, Naval Group would construct two submarines for the Netherlands.",
        {("NLD", "FRA")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), NAMED_MAKER_BUILDS_FOR)
def test_a_maker_whose_name_ends_in_a_trade_noun_builds_for_a_buyer(
    read, text: str, expected: set
) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The group will build four frigates for Greece.",
        "The company is building three corvettes for Morocco.",
    ],
)
def test_a_bare_trade_noun_still_names_no_maker(read, text: str) -> None:
    assert read(text) == set()


HANDING_AND_GIFTING = [
    ("Japan hands over three coastal patrol boats to the Philippines.", {("PHL", "JPN")}),
    ("Turkey hands two corvettes over to Pakistan.", {("PAK", "TUR")}),
    ("India gifts two patrol boats to Mozambique.", {("MOZ", "IND")}),
    ("Japan is gifting three radars to the Philippines.", {("PHL", "JPN")}),
    ("The US gifts Ukraine four Patriot batteries.", {("UKR", "USA")}),
]


@pytest.mark.parametrize(("text", "expected"), HANDING_AND_GIFTING)
def test_handing_over_and_gifting_in_the_present(read, text: str, expected: set) -> None:
    assert read(text) == expected
