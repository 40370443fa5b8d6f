"""Verbs of receiving, selling, supplying and equipping in Polish, and a verb of sending whose
object is no arms (s38-i18n-verbs, docs/languages.md "2026-12-07 (tenth stop)"). One test per
construction; every sentence is our own, written for these tests."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from tests.transforms.test_pairs_languages_arms import LEAD
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger


def _pl(tagger: Tagger, rules: RuleSet, body: str) -> set[tuple[str, str]]:
    return pairs(tagger, rules, "pl", f"{LEAD['pl']} {body}")


# the infinitive a modal or a verb of intending governs: its subject sells
INFINITIVES = [
    ("Słowacja chce sprzedać Ukrainie śmigłowce.", ("UKR", "SVK")),
    ("Szwecja zamierza dostarczyć Łotwie haubice.", ("LVA", "SWE")),
    ("Norwegia chce wysłać Litwie haubice.", ("LTU", "NOR")),
]


@pytest.mark.parametrize(("body", "pair"), INFINITIVES, ids=[p[1][1] for p in INFINITIVES])
def test_pl_infinitive_after_a_modal(
    tagger: Tagger, rules: RuleSet, body: str, pair: tuple[str, str]
) -> None:
    assert pair in _pl(tagger, rules, body)


# the imperfective verbs whose forms the listed stems do not reach: przekazywać (przekaza*),
# otrzymywać (otrzyma*), kupować (its Snowball stem)
IMPERFECTIVES = [
    ("Hiszpania przekazywała Ukrainie amunicję.", ("UKR", "ESP")),
    ("Litwa otrzymuje od Norwegii wyrzutnie.", ("LTU", "NOR")),
    ("Łotwa otrzymywała od Szwecji haubice.", ("LVA", "SWE")),
    ("Rumunia kupowała od Izraela drony.", ("ROU", "ISR")),
]


@pytest.mark.parametrize(("body", "pair"), IMPERFECTIVES, ids=[p[1][1] for p in IMPERFECTIVES])
def test_pl_imperfective_forms(
    tagger: Tagger, rules: RuleSet, body: str, pair: tuple[str, str]
) -> None:
    assert pair in _pl(tagger, rules, body)


# verbs of acquiring: pozyskać (acquire), odkupić (buy second-hand), zakontraktować (put under
# contract), sprowadzić (bring in)
ACQUIRING = [
    ("Estonia pozyskała od Korei Południowej haubice.", ("EST", "KOR")),
    ("Łotwa odkupiła od Danii śmigłowce.", ("LVA", "DNK")),
    ("Słowacja zakontraktowała w Szwecji haubice.", ("SVK", "SWE")),
    ("Litwa sprowadziła z Francji haubice.", ("LTU", "FRA")),
]


@pytest.mark.parametrize(("body", "pair"), ACQUIRING, ids=[p[1][1] for p in ACQUIRING])
def test_pl_verbs_of_acquiring(
    tagger: Tagger, rules: RuleSet, body: str, pair: tuple[str, str]
) -> None:
    assert pair in _pl(tagger, rules, body)


def test_pl_sending_on_counts_with_arms_only(tagger: Tagger, rules: RuleSet) -> None:
    # przesłać (to send on) and ofiarować (to offer as a gift) are weak triggers: arms as
    # their object make a pair, a letter or aid makes none
    assert ("UKR", "SVK") in _pl(tagger, rules, "Słowacja przesłała Ukrainie armatohaubice.")
    assert ("LVA", "FIN") in _pl(tagger, rules, "Finlandia ofiarowała Łotwie moździerze.")
    assert _pl(tagger, rules, "Słowacja przesłała Ukrainie pomoc humanitarną.") == set()


def test_pl_impersonal_past(tagger: Tagger, rules: RuleSet) -> None:
    # "-no": no subject, the destination after "do", the origin after "z"
    assert ("GRC", "FRA") in _pl(tagger, rules, "Do Grecji sprzedano fregaty z Francji.")
    assert ("LTU", "DEU") in _pl(tagger, rules, "Na Litwę dostarczono z Niemiec haubice.")
    # the impersonal names no seller, and the maker of the arms it delivers is none either
    assert ("LTU", "RUS") not in _pl(tagger, rules, "Do Litwy dostarczono czołgi T-72.")


def test_pl_equip_a_state_with_arms(tagger: Tagger, rules: RuleSet) -> None:
    # the accusative right after the verb is the recipient, the arms follow "w"
    assert ("UKR", "DEU") in _pl(tagger, rules, "Niemcy wyposażą Ukrainę w wyrzutnie.")
    assert ("MDA", "ROU") in _pl(tagger, rules, "Rumunia zaopatrywała Mołdawię w amunicję.")
    # equipped with food or computers: no arms, no pair
    assert _pl(tagger, rules, "Rumunia zaopatruje Mołdawię w żywność.") == set()


def test_pl_name_after_w_is_a_locative_not_a_dative(tagger: Tagger, rules: RuleSet) -> None:
    # "w Polsce" (in Poland) is written as the dative "Polsce" (to Poland): after "w" it is a
    # place, so Poland does not receive what a plant there hands to Latvia
    got = _pl(tagger, rules, "Zakład wyremontuje haubice w Polsce i przekaże je Łotwie.")
    assert ("POL", "LVA") not in got


def test_sending_verb_without_arms_reads_no_roles(tagger: Tagger, rules: RuleSet) -> None:
    # a verb of sending whose object is a letter reads no sides, though another clause of the
    # sentence has arms and a trigger of its own (pairs._unsent; the dative after the verb is
    # the only side it reads, so a language whose recipient is a preposition's is not helped)
    got = _pl(tagger, rules, "Estonia wysłała Łotwie list, a Litwa kupiła czołgi.")
    assert ("LVA", "EST") not in got
    assert ("LTU", "EST") not in got
