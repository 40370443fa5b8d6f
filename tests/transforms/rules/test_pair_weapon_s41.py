"""Which weapon a pair carries, thirteenth stop (docs/rules.md §8, "English weapon and status
across the article"). The sentences are our own; they run through the shipped tagger and
relation lexicon, as `newswatch scan` does."""

from __future__ import annotations

import pytest

from worker.transforms.rules import pairs


@pytest.fixture(scope="module")
def read(read_facts):
    """This file's tests read each pair's facts (tests/transforms/rules/conftest.py)."""
    return read_facts


def test_the_second_party_of_a_list_keeps_its_class_of_arms(read) -> None:
    # the Rafales are Egypt's deal with France; the Italian part of the list names only ships
    got = read(
        "Egypt plans the purchase of thirty Rafale jets from France and two frigates from Italy."
    )
    assert got[("EGY", "FRA")]["weapon"] == "rafale"
    assert got[("EGY", "ITA")].get("weapon") is None


def test_a_system_of_another_verb_before_the_trigger_is_not_the_pairs(read) -> None:
    # the Kfirs are upgraded, the drones acquired: the Israeli sale names drones, no system
    got = read(
        "Colombia will refit its ageing Kfir jets, and then buy Israeli-built drones."
    )
    assert got[("COL", "ISR")].get("weapon") is None


def test_a_system_inside_the_pairs_own_clause_stays(read) -> None:
    # no clause break between the system and the trigger: the jets are the deal's
    got = read("Chile will buy ten F-16 jets and more aircraft from the United States.")
    assert got[("CHL", "USA")]["weapon"] == "f-16"


def test_the_switch_restores_the_old_choice(read, monkeypatch) -> None:
    monkeypatch.setattr(pairs, "CLASS_OBJECT", False)
    got = read(
        "Colombia will refit its ageing Kfir jets, and then buy Israeli-built drones."
    )
    assert got[("COL", "ISR")]["weapon"] == "kfir"


def test_more_of_the_class_is_the_system_named_before(read) -> None:
    # "more fighters" after a clause naming the system: the same jets again
    got = read("India bought 36 Rafale jets, and will order more fighters from France.")
    assert got[("IND", "FRA")]["weapon"] == "rafale"


LIST_THEN_SYSTEM = (
    "Peru imported arms from Spain and Brazil last year. "
    "The next deal could include Super Tucano aircraft."
)


def test_the_one_system_is_not_lent_when_its_maker_sells_in_another_pair(read) -> None:
    # the Brazilian trainer is the Brazilian pair's; the Spanish one names no system
    got = read(LIST_THEN_SYSTEM)
    assert got[("PER", "BRA")]["weapon"] == "super-tucano"
    assert got[("PER", "ESP")].get("weapon") is None


def test_the_one_system_of_a_maker_no_pair_names_is_still_lent(read) -> None:
    # the Norwegian-made system sold by the US: its maker sells in no other pair
    got = read(
        "The United States approved the sale of air defence systems to Qatar. "
        "The NASAMS was designed with Kongsberg."
    )
    assert got[("QAT", "USA")]["weapon"] == "nasams"


def test_the_one_system_switch_restores_the_old_lending(read, monkeypatch) -> None:
    monkeypatch.setattr(pairs, "LEFT_ONE", False)
    assert read(LIST_THEN_SYSTEM)[("PER", "ESP")]["weapon"] == "super-tucano"


TWO_SELLERS_ONE_LEFT = (
    "Mali received jets from Russia and drones from Turkey on Monday. "
    "The delivery included L-39 trainers. Turkey's Bayraktar TB2 drones will fly patrols."
)


def test_the_system_left_once_other_pairs_systems_are_set_aside_is_lent(read) -> None:
    # the Turkish drones are the Turkish pair's; the Czech-made trainers are left for Russia's
    got = read(TWO_SELLERS_ONE_LEFT)
    assert got[("MLI", "TUR")]["weapon"] == "bayraktar-tb2"
    assert got[("MLI", "RUS")]["weapon"] == "l-39"


def test_the_left_one_switch_restores_no_system(read, monkeypatch) -> None:
    monkeypatch.setattr(pairs, "LEFT_ONE", False)
    assert read(TWO_SELLERS_ONE_LEFT)[("MLI", "RUS")].get("weapon") is None
