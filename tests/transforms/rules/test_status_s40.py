"""Status of English pairs, twelfth stop (docs/rules.md §8, "Status of correct pairs, 2026-12-07
(twelfth stop)"): an infinitive trigger that a wish or a negotiation governs from further back
in its clause is talks; an infinitive trigger headed by "first" is a step taken. Sentences in
our own words, read through the shipped tagger and relation lexicon."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "pair", "status"),
    [
        # a wish or a negotiation further back than three words governs the infinitive
        (
            "An envoy said Moscow stood ready and eager to sell Su-35 jets to Peru.",
            ("PER", "RUS"),
            "talks",
        ),
        (
            "Officials said Serbia was quite ready to export Nora howitzers to Kenya.",
            ("KEN", "SRB"),
            "talks",
        ),
        (
            "Chile has held talks with France over the past three years to procure Rafale jets.",
            ("CHL", "FRA"),
            "talks",
        ),
        (
            "In 2015 Peru wanted to procure Gripen fighters from Sweden but then dropped it.",
            ("PER", "SWE"),
            "talks",
        ),
        # a step fixed, not wished, and a decision made, stay as they were
        (
            "Japan is set to transfer two TC-90 aircraft to Vietnam next week.",
            ("VNM", "JPN"),
            "agreed",
        ),
        ("Chile signed a contract with France to procure Rafale jets.", ("CHL", "FRA"), "ordered"),
        # a comma closes the clause of the wish
        (
            "After talks that lasted a year, Chile ordered twelve Rafale jets from France.",
            ("CHL", "FRA"),
            "ordered",
        ),
    ],
)
def test_wished_infinitive(status_of, text, pair, status):
    assert status_of(text, pair) == status


@pytest.mark.parametrize(
    ("text", "pair", "status"),
    [
        # the first buyer to take a step: arms in hand
        (
            "Ghana was the first African country to purchase Chinese Z-9 helicopters.",
            ("GHA", "CHN"),
            "delivered",
        ),
        (
            "Peru and Chile became the first two navies to receive Korean KF-21 jets.",
            ("PER", "KOR"),
            "delivered",
        ),
        ("Latvia is the first to buy Swedish Archer howitzers.", ("LVA", "SWE"), "delivered"),
        # ahead: a future auxiliary earlier in the clause
        (
            "Ghana will be the first country to receive Chinese Z-9 helicopters.",
            ("GHA", "CHN"),
            "ordered",
        ),
        # "first" heading something else than the infinitive's subject
        (
            "Ghana will buy Chinese Z-9 helicopters in the first half of next year.",
            ("GHA", "CHN"),
            "agreed",
        ),
    ],
)
def test_first_to(status_of, text, pair, status):
    assert status_of(text, pair) == status


@pytest.mark.parametrize(
    ("text", "pair", "status"),
    [
        # a decision taken is agreed, over a hand-over word or a doubt further off
        (
            "The cabinet took a decision on the purchase of eight Korean K9 howitzers for Peru.",
            ("PER", "KOR"),
            "agreed",
        ),
        (
            "A decision by Norway to give NASAMS batteries to Kenya may delay shipments to others.",
            ("KEN", "NOR"),
            "agreed",
        ),
        # a decision still ahead is talks
        (
            "Peru may buy Korean K9 howitzers, and a decision could come in the spring.",
            ("PER", "KOR"),
            "talks",
        ),
    ],
)
def test_decision(status_of, text, pair, status):
    assert status_of(text, pair) == status


@pytest.mark.parametrize(
    ("text", "pair", "status"),
    [
        # an approval told by a headline verb or a permission given: agreed
        ("Washington OKs a sale of Stinger missiles to Kenya.", ("KEN", "USA"), "agreed"),
        (
            "Berlin gave permission to export IRIS-T air defence systems to Kenya.",
            ("KEN", "DEU"),
            "agreed",
        ),
        # an approval still to come: the purchase is talks
        (
            "Peru intends to buy six Russian Mi-17 helicopters, pending approval by congress.",
            ("PER", "RUS"),
            "talks",
        ),
    ],
)
def test_approval_words(status_of, text, pair, status):
    assert status_of(text, pair) == status


@pytest.mark.parametrize(
    ("text", "pair", "status"),
    [
        # the pair's own verb, between its two mentions, tells arms handed over
        (
            "Peru will soon receive Korean FA-50 jets in exchange for Mi-17 helicopters, which "
            "Lima transferred to Bolivia.",
            ("BOL", "PER"),
            "delivered",
        ),
        (
            "Chile is buying Spanish patrol boats, while Argentina supplies Bolivia with trucks "
            "and rifles.",
            ("BOL", "ARG"),
            "delivered",
        ),
        # a delivery still ahead after the deal keeps the deal's status
        (
            "Peru signed a deal with France for six Scorpene submarines, with the first delivery "
            "from a French yard expected in 2030.",
            ("PER", "FRA"),
            "agreed",
        ),
    ],
)
def test_own_trigger_delivered(status_of, text, pair, status):
    assert status_of(text, pair) == status
