"""English sentences that read no role for a pair, eleventh stop (2026-12-07): a headline written
in capitals throughout, a state named before a noun of kinship ("the US ally X"), a maker that
receives (gets, obtains) an order or a contract, and a past participle far from the arms it
describes.

The sentences are our own, written for the constructions; they run through the shipped tagger,
relation lexicon and parser (the shared ``read`` fixture, conftest.py).
"""

from __future__ import annotations

import pytest

from worker.transforms.rules.pairs import _headline_lowered


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # the small parser finds no verb among the capitalised words, or a wrong one
        ("Kazakhstan To Buy Turkish Drones", {("KAZ", "TUR")}),
        ("Vietnam To Buy Israeli Air Defence Systems", {("VNM", "ISR")}),
        # a headline with a verb the parser finds already reads as before
        ("Fincantieri Delivers Third Frigate To Indonesian Navy", {("IDN", "ITA")}),
    ],
)
def test_headline_in_capitals(read, text, pairs):
    assert read(text) == pairs


def test_headline_lowered_keeps_names_offsets_and_ordinary_sentences():
    line = "Kazakhstan To Buy Turkish UAVs"
    lowered = _headline_lowered(line, [(0, 10)])
    assert lowered == "Kazakhstan to buy turkish uavs"
    assert len(lowered) == len(line)
    ordinary = "Kazakhstan has bought Turkish drones from Baykar."
    assert _headline_lowered(ordinary, [(0, 10)]) == ordinary
    capitals = "KAZAKHSTAN TO BUY TURKISH DRONES"  # no case to go by: left as it is
    assert _headline_lowered(capitals, []) == capitals


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # the subject is "ally", the buyer its apposition: the state before "ally" is only
        # named to describe it, and two subjects left the deal's counterpart undecided
        ("The US ally Jordan has signed a deal with Turkey to buy drones.", {("JOR", "TUR")}),
        # ... and the describing state bought nothing
        ("The US ally Jordan has bought drones from Turkey.", {("JOR", "TUR")}),
    ],
)
def test_state_before_a_kin_noun_is_a_bystander(read, text, pairs):
    assert read(text) == pairs


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # the maker that receives the contract sells; the one it comes from buys
        ("Hanwha received a contract from Poland for K9 howitzers.", {("POL", "KOR")}),
        # a buyer named only after "destined for": the article's buyer, as for "won an order"
        ("Fincantieri got an order for two frigates destined for Indonesia.", {("IDN", "ITA")}),
        # receiving the arms themselves stays a purchase
        ("Poland received the first K2 tanks ordered from South Korea.", {("POL", "KOR")}),
    ],
)
def test_receiving_an_order_books_it(read, text, pairs):
    assert read(text) == pairs


def test_participle_describes_the_arms_it_follows(read):
    # "sold" is a strong trigger eleven words after the arms: its noun is what was sold
    text = (
        "The Kwame is the former Dutch offshore patrol vessel Van Speijk Groot, withdrawn from"
        " duty in the spring of 2015 and subsequently sold to Ghana."
    )
    assert read(text) == {("GHA", "NLD")}


def test_operations_of_a_force_name_no_place(read):
    # "operations of" a force are its own, not a place: the state is no bystander, and the
    # article's one seller sells to it (the seller, named most, is not its own buyer)
    text = (
        "China's jets sell well in Africa. The ministry has acquired six K-8 jets to expand"
        " operations of the Ghana Air Force. The deal was handled by the Chinese maker AVIC."
    )
    assert read(text) == {("GHA", "CHN")}
    # a place after "operations in" stays one
    assert read("Iran sent drones to Russia for operations in Ukraine.") == {("RUS", "IRN")}
