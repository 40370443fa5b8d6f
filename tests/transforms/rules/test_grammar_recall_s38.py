"""English recall, tenth stop (2026-12-07): three constructions that read no pair or lost list
members — the owner of arms that a finite passive says were supplied, the members named after
"be" or "include" whose subject noun carries a clause of supplying or buying, and the verb forms
"pledging" and "lending".

The sentences are our own, written for the constructions; they run through the shipped tagger,
relation lexicon and parser.
"""

from __future__ import annotations

import pytest

from worker.model import Article
from worker.transforms.rules import load_rules
from worker.transforms.rules.pairs import extract_pairs
from worker.transforms.tag import default_tagger


@pytest.mark.parametrize(
    ("construction", "text", "pairs"),
    [
        (
            "the owner of arms a finite passive says were supplied",
            "Chile's frigates were supplied by Britain in the nineties.",
            {("CHL", "GBR")},
        ),
        (
            "a share of the owner's arms as the passive subject",
            "Most of Peru's tanks have been provided by Russia.",
            {("PER", "RUS")},
        ),
        (
            "a percentage of the owner's arms as the passive subject",
            "Some 70% of Mongolia's armoured vehicles were delivered by Russia.",
            {("MNG", "RUS")},
        ),
    ],
)
def test_owner_of_arms_supplied_in_a_finite_passive(read, construction, text, pairs):
    assert read(text) == pairs, construction


def test_owner_that_sold_its_arms_is_still_the_seller(read):
    # "X's arms were sold to Y": the owner sold them, the "to" names the buyer; a passive of
    # supplying with no "to" makes the owner the buyer
    assert read("Norway's old frigates were sold to Ghana last year.") == {("GHA", "NOR")}
    assert read("Norway's old frigates were supplied by Britain.") == {("NOR", "GBR")}
    # a source that is no state ("from a dealer") sold them, not the state that made them
    assert read("Norway's Swedish-built boats were bought from a dealer.") == set()


@pytest.mark.parametrize(
    ("construction", "text", "pairs"),
    [
        (
            "'the countries <participle of supplying> … are' a list",
            "The nations supplying patrol boats to Ghana are Denmark, Italy and Spain.",
            {("GHA", "DNK"), ("GHA", "ITA"), ("GHA", "ESP")},
        ),
        (
            "'the states that <supplied> … include' a list",
            "States that have shipped howitzers to Ukraine include Estonia and Latvia.",
            {("UKR", "EST"), ("UKR", "LVA")},
        ),
        (
            "'the countries <participle of buying> … are' a list",
            "The countries acquiring the K9 howitzer are Estonia and Egypt.",
            {("EST", "KOR"), ("EGY", "KOR")},
        ),
    ],
)
def test_members_of_a_noun_with_a_clause_of_trade(read, construction, text, pairs):
    assert read(text) == pairs, construction


def test_members_of_a_negated_clause_do_nothing(read):
    assert (
        read("The countries that have not shipped howitzers to Ukraine include Austria.") == set()
    )
    assert read("The countries that have shipped howitzers to Ukraine include Austria.") == {
        ("UKR", "AUT")
    }


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Sweden is pledging two corvettes to Estonia.", {("EST", "SWE")}),
        ("Britain is lending four Typhoon jets to Poland.", {("POL", "GBR")}),
    ],
)
def test_pledging_and_lending_are_supplying(read, text, pairs):
    assert read(text) == pairs


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Romania is in the process of receiving eight Black Hawk helicopters.", {("ROU", "USA")}),
        ("Serbia is in the middle of acquiring Rafale fighters.", {("SRB", "FRA")}),
    ],
)
def test_subject_of_be_in_the_process_of_a_gerund(read, text, pairs):
    # "X is in the process (the middle) of receiving …": the gerund after "of" is X's own act;
    # "in favour of buying" is a wish, no act under way
    assert read(text) == pairs
    assert read("Serbia is in favour of acquiring Rafale fighters.") == set()


def test_a_pledge_of_arms_is_agreed():
    # a promise of arms by the giver: decided, nothing handed over yet
    tagger, lex = default_tagger(), load_rules().relations["arms_transfer"]
    text = "Denmark pledged nineteen F-16 jets to Ukraine."
    hits = extract_pairs(tagger.tag(Article(id="t", title="", body=text)), lex)
    assert {(h.recipient, h.supplier, h.status) for h in hits} == {("UKR", "DNK", "agreed")}


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # review fix (tenth stop): a weak verb of giving with money or backing for its object
        # sells no arms, in a noun's clause ("the states lending …") as in a main clause
        (
            "The states lending money to Kenya are Japan and Korea, while Kenya bought rifles "
            "from Israel.",
            {("KEN", "ISR")},
        ),
        (
            "The nations pledging backing to Chile are Peru and Norway; Chile bought frigates "
            "from Norway.",
            {("CHL", "NOR")},
        ),
        ("Norway is lending Chile money, and Chile bought frigates from Spain.", {("CHL", "ESP")}),
    ],
)
def test_lending_money_or_pledging_support_sells_no_arms(read, text, pairs):
    assert read(text) == pairs


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # review fix (tenth stop): a pledge of money or backing is no `agreed` word for the arms
        # deal the sentence tells beside it; the status comes from that deal's own words
        (
            "Japan's pledge of loans came as Kenya ordered rifles from Israel.",
            ("KEN", "ISR", "ordered"),
        ),
        (
            "Norway pledged money to Chile after Chile received frigates from Spain.",
            ("CHL", "ESP", "delivered"),
        ),
    ],
)
def test_a_pledge_of_money_sets_no_status(text, want):
    tagger, lex = default_tagger(), load_rules().relations["arms_transfer"]
    hits = extract_pairs(tagger.tag(Article(id="t", title="", body=text)), lex)
    # the full set: a stray pair of the pledging state fails (eleventh stop review fix)
    assert {(h.recipient, h.supplier, h.status) for h in hits} == {want}
