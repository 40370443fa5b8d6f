"""Recall in the weakest languages (issue 13, 2026-12-06 evening, branch s34-i18n-recall): whole
word classes and case roles the dev errors showed missing. One case per construction; every
sentence is our own, written for these tests."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

CASES = [
    # Ukrainian: the imperfective present of "передавати" (handing over), dative after it
    ("uk", "Норвегія передає Україні нові гаубиці M109.", {("UKR", "NOR")}),
    # Ukrainian: "надсилати" (sending), imperfective present plural
    ("uk", "США надсилають Латвії зенітні ракети Stinger.", {("LVA", "USA")}),
    # Ukrainian: "надавати" (providing), imperfective present
    ("uk", "Данія надає Литві артилерійські снаряди.", {("LTU", "DNK")}),
    # Ukrainian: "відправити" (dispatching), perfective past, the buyer after "до"
    ("uk", "Франція відправила до Вірменії бронетранспортери.", {("ARM", "FRA")}),
    # Ukrainian: the impersonal passive "-но" form is a trigger; the seller after "від"
    ("uk", "Від Швеції Естонії передано бойові машини CV90.", {("EST", "SWE")}),
    # Ukrainian: the state appealed to ("звернулася до X") is asked, not the buyer
    (
        "uk",
        "Іспанія звернулася до Швейцарії з проханням дозволити передати Україні зенітні гармати.",
        {("UKR", "ESP")},
    ),
    # Ukrainian: missiles shot down ("збили") are the enemy's: their state is no supplier
    (
        "uk",
        "Німеччина передала Україні системи IRIS-T, які збили понад сто російських ракет.",
        {("UKR", "DEU")},
    ),
    # German: "in die X" after a verb of supplying is "into" (the accusative): the buyer
    ("de", "Russland hat Flugabwehrsysteme in die Türkei exportiert.", {("TUR", "RUS")}),
    # German: ... while "in den USA" (the dative plural) stays the place of buying, the seller
    ("de", "Die Türkei kaufte in den USA Kampfjets F-16.", {("TUR", "USA")}),
    # German: the participle of the perfect of "schicken" (sending), the buyer after "nach"
    ("de", "Norwegen hat Haubitzen nach Litauen geschickt.", {("LTU", "NOR")}),
    # Portuguese: "disponibilizar" (making available) is a verb of supplying
    ("pt", "Portugal disponibiliza à Ucrânia blindados M113.", {("UKR", "PRT")}),
    # Portuguese: "suprir" (supplying), its future
    ("pt", "A Espanha suprirá a Letônia com mísseis antiaéreos.", {("LVA", "ESP")}),
]


@pytest.mark.parametrize(("lang", "body", "expected"), CASES, ids=[c[0] for c in CASES])
def test_recall_construction_s34(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == expected
