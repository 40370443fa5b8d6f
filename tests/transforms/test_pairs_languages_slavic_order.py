"""Russian and Ukrainian leave out the verb-last pattern "X ... C ... {sell}" (issue 13,
2026-12-06 evening), as French, Italian and Portuguese do: it read the buyer named in an
earlier phrase ("after Ukraine's request", "planes from Russia landed in Mali") as a second
seller, so the sentence read two sellers and no buyer. Turkish, verb-last, keeps it. Sentences
are our own."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

CASES = [
    # a buyer in a phrase before the seller's own clause
    ("ru", "После просьбы Украины Литва передала снаряды и бронетранспортеры.", ("UKR", "LTU")),
    (
        "uk",
        "На прохання України Литва передала снаряди та бронетранспортери.",
        ("UKR", "LTU"),
    ),
    ("ru", "По просьбе Молдавии Румыния поставила зенитные ракеты.", ("MDA", "ROU")),
    # the buyer as the place the arms arrive, the seller after "from"
    (
        "ru",
        "В Мали сели два самолета из России, ими были доставлены вертолеты.",
        ("MLI", "RUS"),
    ),
    # plain orders still read: subject, verb, dative
    ("ru", "Россия поставила Индии зенитные ракеты.", ("IND", "RUS")),
    ("uk", "Франція поставила Україні гелікоптери.", ("UKR", "FRA")),
    # Turkish keeps the verb-last reading
    ("tr", "Türkiye Polonya'ya insansız hava aracı satacak.", ("POL", "TUR")),
]


@pytest.mark.parametrize(
    ("lang", "body", "pair"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_the_buyer_of_an_earlier_phrase_is_no_seller(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str]
) -> None:
    assert pairs(tagger, rules, lang, body) == {pair}
