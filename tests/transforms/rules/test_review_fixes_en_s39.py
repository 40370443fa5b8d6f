"""Review fixes of the eleventh stop's English branches (en-empty, en-company), 2026-12-07: a
received order that is no maker's booking, a hull that carries goods ("by ship").

The sentences are our own, written for the constructions; they run through the shipped tagger,
relation lexicon and parser (the shared ``read`` fixture, conftest.py).
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # a batch: the buyer took in "an order of" the arms
        ("Chile received an order of Leopard tanks from Germany last spring.", {("CHL", "DEU")}),
        # a command in an infinitive: the force obeys, the arms stay bought
        (
            "The Greek Navy received orders to sail the frigates bought from France.",
            {("GRC", "FRA")},
        ),
        # a purchase in an infinitive: the contract is the buyer's
        ("Peru obtained a contract to buy twelve Gripen jets from Sweden.", {("PER", "SWE")}),
        # an infinitive of supplying keeps the order a maker's booking
        ("Hanwha received an order from Estonia to supply K9 howitzers.", {("EST", "KOR")}),
    ],
)
def test_received_order_that_is_no_booking(read, text, pairs):
    assert read(text) == pairs


@pytest.mark.parametrize(
    "text",
    [
        "Argentina sold soybeans to Morocco, delivered by ship.",
        "Uruguay sold sugar to Jordan via vessels.",
    ],
)
def test_hull_that_carries_goods_is_no_arms(read, text):
    # a hull after "by", "aboard" or "via" carries the goods: no arms, no pair
    assert read(text) == set()


def test_hull_sold_stays_arms(read):
    assert read("Spain sold two patrol boats to Senegal.") == {("SEN", "ESP")}
