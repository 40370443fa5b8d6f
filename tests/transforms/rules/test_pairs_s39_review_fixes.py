"""English review fixes of the tenth stop's code (eleventh stop, 2026-12-07): one test per
finding, each failing before its fix. Every sentence is our own (some the reviewer's own
invented ones)."""

from __future__ import annotations

import pytest

# ``read``: the shipped reader's (recipient, supplier) pairs of one text (conftest.py)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("The Egyptian government secured a deal for 30 Rafale jets from France.", ("EGY", "FRA")),
        ("Egypt's air force secured a deal for 30 Rafale jets from France.", ("EGY", "FRA")),
        ("The Egyptian Air Force secured a deal for 30 Rafale jets from France.", ("EGY", "FRA")),
        ("Poland's defence ministry secured a deal for 32 F-35 jets from the United States.",
         ("POL", "USA")),
        ("The Polish defence ministry secured a deal for 32 F-35 jets from the United States.",
         ("POL", "USA")),
    ],
)  # fmt: skip
def test_a_state_body_securing_a_deal_for_foreign_arms_buys_them(read, text, pair) -> None:
    # review 1: a body of the state (its government, ministry, air force) is the state securing
    # a purchase, not a maker winning an order
    assert read(text) == {pair}


def test_a_company_or_firm_winning_an_order_still_sells(read) -> None:
    # review 1: a company named with its state, or a firm word, stays the maker that sells
    assert read("Britain's BAE Systems won an order from Canada for 30 M777 howitzers.") == {
        ("CAN", "GBR")
    }


def test_a_deal_for_arms_with_a_purpose_clause_is_still_for_those_arms(read) -> None:
    # review 9: "a deal for 180 tanks from X to replace its old ones", parsed as a clause marked
    # "for" whose subject is the tanks: the deal is still for them, the securer buys
    text = "Poland secured a deal for 180 K2 tanks from South Korea to replace its T-72 tanks."
    assert read(text) == {("POL", "KOR")}
    assert read("Romania secured a deal for 54 Abrams tanks from the United States to renew its "
                "armoured units.") == {("ROU", "USA")}  # fmt: skip


def test_a_reported_clause_is_no_held_weapon(read) -> None:
    # review 2: "said that it would order" is a reported clause, not a relative one: the weapon
    # of another make is still what the lone buyer orders, and the article's maker sells none
    maker = "India bought 36 Rafale jets from France. "
    assert read(maker + "Kuwait said that it would order 28 Typhoon jets.") == {("IND", "FRA")}
    assert read(maker + "Kuwait confirmed that it had ordered 28 Typhoon jets.") == {("IND", "FRA")}
    assert read("Dassault builds the Rafale. Kuwait said that it would order 28 Typhoon jets.") == (
        set()
    )
    # a relative clause after the order still names a held weapon
    held = "Dassault won the tender. Oman ordered 12 jets last year, which will join its Typhoons."
    assert read(held) == {("OMN", "FRA")}


def test_arms_sold_with_no_source_named_make_their_owner_no_buyer(read) -> None:
    # review 3: "Egypt's old jets were sold": the owner may be the seller, no buyer is named
    assert read("Egypt's old MiG-21 jets were sold last year.") == set()
    assert read("Egypt's old MiG-21 jets were sold in 2019.") == set()
    assert read("Egypt's old MiG-21 jets sold last year went to a museum.") == set()
    # a named source still makes the owner the one who got them; so does a purchase
    assert read("Chile's frigates were supplied by Britain.") == {("CHL", "GBR")}
    assert read("Ukraine's tanks supplied by Poland arrived in May.") == {("UKR", "POL")}


@pytest.mark.parametrize(
    "text",
    [
        "Japan's visit came as Kenya ordered rifles from Israel.",
        "Japan came as Kenya ordered rifles from Israel.",
        "Japan's minister arrived as Kenya ordered rifles from Israel.",
    ],
)
def test_a_clause_with_a_named_subject_is_not_the_main_subjects_act(read, text) -> None:
    # review 4: the subject (or its possessor) of the main clause is not the subject of an
    # adverbial clause that names its own state
    assert read(text) == {("KEN", "ISR")}


@pytest.mark.parametrize("verb", ["announced", "confirmed that", "stated that", "declared"])
def test_we_in_what_a_state_announces_is_that_state(read, verb) -> None:
    # review 5: every verb of saying or announcing, not only those of the `say` class
    assert read(f"Denmark {verb} we would sell 19 F-16 jets to Ukraine.") == {("UKR", "DNK")}


@pytest.mark.parametrize("lead", ["fully", "each", "both heavily"])
def test_a_laden_word_after_an_adverb_still_names_the_carrier(read, lead) -> None:
    # review 8: one or two adverbs or quantifiers between the comma and the laden word
    assert read(f"Indonesia sent two C-130s to Manila, {lead} loaded with relief supplies.") == (
        set()
    )


def test_the_one_a_weak_verb_gives_no_arms_to_stays_free(read) -> None:
    # review 10: "pledged support to Ukraine" gives Ukraine no arms, and no side of that
    # pledge: it is free for the delivery the sentence tells next
    text = "Japan pledged support to Ukraine after Germany sent Leopard tanks."
    assert read(text) == {("UKR", "DEU")}
