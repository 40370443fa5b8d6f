"""Review of the twelfth stop's clause stop (grammar.py ``_verb_cut_off_by_aside``): a state
after a list and "and", then an aside between commas, then a verb of its own. The small parser
keeps the state on the list and hangs the verb inside the aside, so the state was read as one
more seller or buyer of the first clause. The repaired parse makes the state that verb's
subject. Lists whose last member carries an aside, with no verb of its own after it, keep
every member. Every sentence is our own."""

from __future__ import annotations

import pytest

OWN_CLAUSE = [
    # a relative clause between the state and its verb, the verb tagged a participle
    (
        "Egypt received frigates from Italy, and Greece, which fears Turkey, signed for "
        "frigates from France.",
        ("EGY", "GRC"),
    ),
    # no comma before "and": the relative clause hung on the list's first member
    (
        "Egypt received frigates from Italy and Greece, which borders Turkey, wants some too.",
        ("EGY", "GRC"),
    ),
    # an apposition, and the first clause made a complement of the later verb
    (
        "Peru bought radars from Israel and Bolivia, its landlocked neighbour, complained.",
        ("PER", "BOL"),
    ),
    # the later clause's seller is not the first clause's either
    (
        "Peru bought radars from Israel, and Bolivia, which has no coast, signed for boats "
        "from Spain.",
        ("PER", "ESP"),
    ),
]


@pytest.mark.parametrize(("text", "wrong"), OWN_CLAUSE)
def test_a_state_cut_from_its_verb_by_an_aside_joins_no_list(
    read, text: str, wrong: tuple[str, str]
) -> None:
    pairs = read(text)
    assert wrong not in pairs
    assert len(pairs) == 1  # the first clause's own pair stays


def test_the_state_after_the_aside_keeps_its_own_purchase(read) -> None:
    text = (
        "Peru bought helicopters from Russia, and Chile, a longtime rival, ordered tanks "
        "from Germany."
    )
    assert read(text) == {("PER", "RUS"), ("CHL", "DEU")}


KEPT = [
    # the aside ends the list, and no verb follows it
    (
        "Egypt received jets from France and Qatar, which also flies them, last year.",
        {("EGY", "FRA"), ("EGY", "QAT")},
    ),
    # the verb after the aside has its own subject
    (
        "Germany sold tanks to Qatar and Kuwait, both Gulf monarchies, said the minister.",
        {("QAT", "DEU"), ("KWT", "DEU")},
    ),
    # a participle with an agent describes the list, it is no verb of the member's
    (
        "France sold Rafales to Egypt and India, both old customers, financed by French banks.",
        {("EGY", "FRA"), ("IND", "FRA")},
    ),
    # the list is the subject: the verb after the aside is the whole list's
    (
        "Qatar and Kuwait, both Gulf monarchies, bought tanks from Germany.",
        {("QAT", "DEU"), ("KWT", "DEU")},
    ),
    # the list in the subject's own relative clause: the later verb is the subject's
    (
        "Poland, which bought tanks from South Korea and Japan, a close ally, ordered jets "
        "from Italy.",
        {("POL", "ITA")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), KEPT)
def test_a_list_member_with_an_aside_and_no_verb_of_its_own_stays_on_the_list(
    read, text: str, expected: set[tuple[str, str]]
) -> None:
    assert read(text) == expected
