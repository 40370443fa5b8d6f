"""A list stops where a new clause begins, twelfth stop (grammar.py, pairs.py). Two clauses joined
by "and": the state after "and" with a finite verb of its own is that clause's subject, not a
further member of the first clause's "from"/"to" list (``grammar._object_taken_for_subject``
repairs the small parser's misparse with no comma, ``grammar._subject_after_list`` keeps the
symbol coordination from making the subject a second seller or buyer). A state that blocks a
lone seller's sale in its sentence ("but Washington vetoed the sale") is no counterpart that
stops the seller from being paired with the article's one buyer (``pairs._second_sellers``).
Every sentence is our own."""

from __future__ import annotations

import pytest

CLAUSES = [
    # no comma: the parser hangs Morocco on the "from" list and the jets on "ordered"
    (
        "Egypt bought jets from France and Morocco ordered tanks from Italy.",
        {("EGY", "FRA"), ("MAR", "ITA")},
    ),
    (
        "In 2019, Peru purchased four frigates from Spain and Chile is getting patrol boats "
        "from Italy.",
        {("PER", "ESP"), ("CHL", "ITA")},
    ),
    # with a comma: a subject whose own verb reads no role is no second seller or buyer
    ("Peru ordered corvettes from Spain, and Chile is said to be interested.", {("PER", "ESP")}),
    ("Kenya received drones from Turkey, and Uganda followed with an order.", {("KEN", "TUR")}),
]


@pytest.mark.parametrize(("text", "expected"), CLAUSES)
def test_a_state_with_a_verb_of_its_own_after_and_opens_a_clause(
    read, text: str, expected: set[tuple[str, str]]
) -> None:
    assert read(text) == expected


KEPT = [
    # lists that must keep every member
    (
        "Germany sold tanks to Qatar, Oman and Kuwait.",
        {("QAT", "DEU"), ("OMN", "DEU"), ("KWT", "DEU")},
    ),
    ("Greece bought jets from France and Italy last year.", {("GRC", "FRA"), ("GRC", "ITA")}),
    (
        "Vietnam and Indonesia signed deals to buy submarines from Russia.",
        {("VNM", "RUS"), ("IDN", "RUS")},
    ),
    # gapped clauses: the verb left out, the state before the repeated preposition its subject
    ("Germany sold tanks to Qatar, and France to Oman.", {("QAT", "DEU"), ("OMN", "FRA")}),
    ("Egypt bought jets from France, and Morocco from Italy.", {("EGY", "FRA"), ("MAR", "ITA")}),
    # a second clause with a comma, read as before
    (
        "Norway sold rifles to Kenya, and Ghana received boats from China.",
        {("KEN", "NOR"), ("GHA", "CHN")},
    ),
    ("Norway sold rifles to Kenya and Ghana protested the sale.", {("KEN", "NOR")}),
]


@pytest.mark.parametrize(("text", "expected"), KEPT)
def test_lists_and_gapped_clauses_keep_their_members(
    read, text: str, expected: set[tuple[str, str]]
) -> None:
    assert read(text) == expected


BLOCKED = [
    # the blocker governs the sale it stops, not who the seller's buyer is
    (
        "Ecuador will buy six jets from China. Its president had earlier tried to buy six jets "
        "from the Czech Republic, but Washington vetoed the sale.",
        {("ECU", "CHN"), ("ECU", "CZE")},
    ),
    # a blocker beside a named buyer and seller: the pair stays
    (
        "Turkey wanted to buy fighter jets from Sweden, but Washington vetoed the sale.",
        {("TUR", "SWE")},
    ),
    # a third state that is no blocker may be the seller's counterpart: no second seller
    (
        "Ecuador will buy six jets from China. Its president had earlier tried to buy six jets "
        "from the Czech Republic, which has sold the same jets to Peru.",
        {("ECU", "CHN")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), BLOCKED)
def test_a_blocker_blocks_only_the_sale_it_governs(
    read, text: str, expected: set[tuple[str, str]]
) -> None:
    assert read(text) == expected
