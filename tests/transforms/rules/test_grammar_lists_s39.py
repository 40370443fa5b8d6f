"""Every member of a list keeps its part, eleventh stop (grammar.py). Three shapes of list lost
members: a list of counterparts after "with" on a deal (``_list_dealing_with_seller``,
``_one_with_list``; the object pattern "T with C [C|and|or|,]* for ... W" lets the sentence
qualify), a member hung on a gloss in parentheses (``_first_conjunct``), and a phrase led by
a word of focus ("especially to", "in particular to") that the parser hangs above the verb
whose phrase it narrows (``_narrowed_phrase``). Every sentence is our own."""

from __future__ import annotations

import pytest

WITH_LISTS = [
    # a buyer signs with a list of sellers to buy: each member sells
    (
        "Peru signed a deal with Spain and Brazil to buy patrol boats.",
        {("PER", "ESP"), ("PER", "BRA")},
    ),
    (
        "Peru is seeking arms deals with Italy, Brazil and Russia to buy jets.",
        {("PER", "ITA"), ("PER", "BRA"), ("PER", "RUS")},
    ),
    # a maker signs with a list: each member buys, its own state among them too
    (
        "Saab signed deals with Hungary and the Czech Republic for Gripen jets.",
        {("HUN", "SWE"), ("CZE", "SWE")},
    ),
    (
        "Embraer has signed deals with Brazil, Chile, Colombia and Peru for Super Tucanos.",
        {("CHL", "BRA"), ("COL", "BRA"), ("PER", "BRA")},
    ),
    (
        "To date Embraer has sold 100 Super Tucanos, including previous deals with Peru, "
        "Chile, Brazil and Bolivia.",
        {("CHL", "BRA"), ("BOL", "BRA"), ("PER", "BRA")},
    ),
    # the arms' maker signs with a list of states
    (
        "Russia signed deals with Iran and China for S-400 systems.",
        {("IRN", "RUS"), ("CHN", "RUS")},
    ),
    # a member after a gloss in parentheses is still a member
    (
        "Embraer has delivered 120 Super Tucanos so far, including previous deals with Peru, "
        "Chile, Bolivia (one of its 30 aircraft shown here) and the Dominican Republic.",
        {("CHL", "BRA"), ("BOL", "BRA"), ("DOM", "BRA"), ("PER", "BRA")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), WITH_LISTS)
def test_every_member_of_a_list_after_with_is_one_side_of_the_deal(
    read, text: str, expected: set[tuple[str, str]]
) -> None:
    assert read(text) == expected


COMPANY_LISTS = [
    # a buyer's list of companies: the companies sell, the buyer buys from each
    ("Hungary signed deals with Saab and Boeing for jets.", {("HUN", "SWE"), ("HUN", "USA")}),
    # two makers named by their weapons: each sells to the signer
    (
        "Turkey signed deals with Russia and the United States for S-400 and Patriot systems.",
        {("TUR", "RUS"), ("TUR", "USA")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), COMPANY_LISTS)
def test_a_list_of_makers_after_with_sells_to_the_signer(
    read, text: str, expected: set[tuple[str, str]]
) -> None:
    assert read(text) == expected


FOCUSED = [
    # the focused phrase hung on the verb that holds the sale ("was ready to export")
    (
        "A minister said Russia stood ready to sell Su-35 jets to Africa, especially to "
        "states like Uganda, Angola and Ethiopia.",
        {("UGA", "RUS"), ("AGO", "RUS"), ("ETH", "RUS")},
    ),
    # "in particular to": the parser makes "to" a conjunct of "in"
    (
        "Officials said Russia was ready to sell tanks to Africa, in particular to Kenya, "
        "Angola and Ghana.",
        {("KEN", "RUS"), ("AGO", "RUS"), ("GHA", "RUS")},
    ),
    (
        "Officials said Russia planned to sell tanks to Asia, mainly to Laos and Vietnam.",
        {("LAO", "RUS"), ("VNM", "RUS")},
    ),
    # the same for sellers after "from"
    (
        "Officials said Peru was keen to buy tanks from Europe, especially from Germany and "
        "France.",
        {("PER", "DEU"), ("PER", "FRA")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), FOCUSED)
def test_a_focused_phrase_narrows_the_earlier_phrase_of_its_preposition(
    read, text: str, expected: set[tuple[str, str]]
) -> None:
    assert read(text) == expected


def test_a_focus_word_on_another_phrase_adds_no_member(read) -> None:
    # "especially" on a time phrase, not a phrase of the sale
    assert read("Russia sold tanks to Laos, especially after the war.") == {("LAO", "RUS")}


SOURCE_FIRST = [
    # the source before the arms: the parser hangs the state on the arms as a modifier
    ("Eritrea ordered from Moldova six jets.", {("ERI", "MDA")}),
    (
        "Kenya also ordered from Moldova four MiG-29 jets and ten Su-25 jets from Georgia.",
        {("KEN", "MDA"), ("KEN", "GEO")},
    ),
    (
        "Kenya ordered from Israel ten drones and from Turkey six frigates.",
        {("KEN", "ISR"), ("KEN", "TUR")},
    ),
    ("Kenya bought from the Czech Republic six L-39 jets.", {("KEN", "CZE")}),
]


@pytest.mark.parametrize(("text", "expected"), SOURCE_FIRST)
def test_a_state_right_after_from_before_counted_arms_is_the_source(
    read, text: str, expected: set[tuple[str, str]]
) -> None:
    assert read(text) == expected


def test_an_adjective_after_from_is_no_source(read) -> None:
    # the arms after the source, so ``_source_as_compound`` sees it: not a state's name
    assert read("Kenya bought from Soviet stocks six jets.") == set()
    assert read("Kenya bought from Russia Today two programmes.") == set()


GAPPED = [
    # a gapped clause: the state before the repeated preposition is its subject
    ("Germany sold tanks to Peru, and France to Chile.", {("PER", "DEU"), ("CHL", "FRA")}),
    ("Germany sold tanks to Peru and France to Chile.", {("PER", "DEU"), ("CHL", "FRA")}),
    ("Peru bought tanks from Germany, and Chile from France.", {("PER", "DEU"), ("CHL", "FRA")}),
    ("Peru received tanks from Germany, Chile from France.", {("PER", "DEU"), ("CHL", "FRA")}),
    # a list after the gapped clause's preposition is the gapped clause's
    (
        "Germany has sold tanks to Peru, and France to Chile and Ecuador.",
        {("PER", "DEU"), ("CHL", "FRA"), ("ECU", "FRA")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), GAPPED)
def test_a_gapped_clause_has_its_own_subject(
    read, text: str, expected: set[tuple[str, str]]
) -> None:
    assert read(text) == expected


NOT_GAPPED = [
    (
        "Germany sold tanks to Peru, Chile and Ecuador.",
        {("PER", "DEU"), ("CHL", "DEU"), ("ECU", "DEU")},
    ),
    ("Germany sold tanks to Peru, and later to Chile.", {("PER", "DEU"), ("CHL", "DEU")}),
    (
        "Germany exported rifles to Peru, radars to Chile and boats to Ecuador.",
        {("PER", "DEU"), ("CHL", "DEU"), ("ECU", "DEU")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), NOT_GAPPED)
def test_a_plain_or_gapped_list_of_members_keeps_one_seller(
    read, text: str, expected: set[tuple[str, str]]
) -> None:
    assert read(text) == expected


ELLIPSIS = [
    # "as did B", "and so did B", "B did too": the subject of the verb left out
    ("Peru bought tanks from Germany, and so did Chile.", {("PER", "DEU"), ("CHL", "DEU")}),
    (
        "Peru bought tanks from Germany, as did Chile and Ecuador.",
        {("PER", "DEU"), ("CHL", "DEU"), ("ECU", "DEU")},
    ),
    ("Peru bought tanks from Germany, and Chile did too.", {("PER", "DEU"), ("CHL", "DEU")}),
    (
        "Germany sold tanks to Peru, as have France and Italy.",
        {("PER", "DEU"), ("PER", "FRA"), ("PER", "ITA")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), ELLIPSIS)
def test_the_subject_of_a_bare_did_plays_the_first_subjects_part(
    read, text: str, expected: set[tuple[str, str]]
) -> None:
    assert read(text) == expected


def test_a_did_with_its_own_complement_is_no_ellipsis(read) -> None:
    assert read("Peru bought tanks from Germany, as Chile had warned.") == {("PER", "DEU")}
