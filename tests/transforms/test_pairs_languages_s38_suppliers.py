"""Suppliers named by a company, an origin adjective or the weapon alone, in the ten languages
other than English (2026-12-07, tenth stop; docs/languages.md). Every sentence is our own; the
company names are made up, so no tagged company gives the state: only the words under test do.
"""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

# A deal "with the <state's adjective> company X": German, Russian and Ukrainian put the
# adjective before the company noun; with the noun in the language's `holder` class the
# adjective reads as the state's name, the deal's partner, as Spanish, French, Italian and
# Portuguese already read "la empresa sueca X" (test_pairs_languages_company_seller.py).
DEAL_WITH_COMPANY = [
    (
        "de",
        "Litauen schloss mit dem schwedischen Konzern Velatra einen Vertrag über zwölf Haubitzen.",
        ("LTU", "SWE"),
    ),
    (
        "ru",
        "Индия заключила контракт с французской компанией Велатра на поставку вертолётов.",
        ("IND", "FRA"),
    ),
    (
        "uk",
        "Естонія уклала угоду з німецьким концерном Велатра на постачання гаубиць.",
        ("EST", "DEU"),
    ),
]


@pytest.mark.parametrize(
    ("lang", "body", "pair"), DEAL_WITH_COMPANY, ids=[c[0] for c in DEAL_WITH_COMPANY]
)
def test_a_deal_with_a_company_named_by_its_states_adjective(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str]
) -> None:
    assert pairs(tagger, rules, lang, body) == {pair}


# A buyer choosing arms, named by the maker's adjective or the maker's weapon: the verb of
# choosing is a `buy` word in every language file, as English select / choose / opt are
# (relations/arms_transfer.yaml), so the adjective or the weapon's origin gives the seller.
CHOOSE = [
    ("fr", "L'Ouzbékistan choisit des avions chinois pour sa flotte.", ("UZB", "CHN")),
    ("fr", "Le Pérou a choisi le Rafale français.", ("PER", "FRA")),
    ("it", "La Malesia ha scelto elicotteri italiani.", ("MYS", "ITA")),
    ("es", "Perú seleccionó cazas suecos.", ("PER", "SWE")),
    ("pt", "A Colômbia escolheu caças suecos.", ("COL", "SWE")),
    ("de", "Die Schweiz wählte amerikanische Kampfjets.", ("CHE", "USA")),
    ("pl", "Polska wybrała koreańskie czołgi.", ("POL", "KOR")),
    ("ru", "Вьетнам выбрал российские фрегаты.", ("VNM", "RUS")),
    ("uk", "Румунія обрала американські винищувачі.", ("ROU", "USA")),
    ("tr", "Endonezya Türk savaş uçaklarını seçti.", ("IDN", "TUR")),
    ("ar", "اختارت مصر طائرات فرنسية.", ("EGY", "FRA")),
]


@pytest.mark.parametrize(
    ("lang", "body", "pair"), CHOOSE, ids=[f"{c[0]}-{i}" for i, c in enumerate(CHOOSE)]
)
def test_a_buyer_choosing_foreign_arms_buys_them(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str]
) -> None:
    assert pairs(tagger, rules, lang, body) == {pair}


# ... but a verb of choosing is a weak trigger: a state choosing a president or a minister
# beside another state's purchase buys nothing (each failed with the verbs as plain `buy` words).
CHOOSE_NOT_ARMS = [
    (
        "de",
        "Frankreich wählte einen neuen Präsidenten, und Marokko kaufte Kampfjets aus den USA.",
        ("MAR", "USA"),
    ),
    ("es", "Chile eligió un nuevo presidente mientras Perú compró cazas suecos.", ("PER", "SWE")),
    (
        "fr",
        "Le Maroc a choisi un nouveau ministre et l'Algérie achète des chars russes.",
        ("DZA", "RUS"),
    ),
    (
        "it",
        "Il Brasile ha scelto un nuovo presidente; il Perù compra caccia svedesi.",
        ("PER", "SWE"),
    ),
]


@pytest.mark.parametrize(
    ("lang", "body", "pair"), CHOOSE_NOT_ARMS, ids=[c[0] for c in CHOOSE_NOT_ARMS]
)
def test_choosing_a_person_buys_nothing(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str]
) -> None:
    assert pairs(tagger, rules, lang, body) == {pair}


def test_elected_is_no_choice_of_arms(tagger: Tagger, rules: RuleSet) -> None:
    # Spanish "elegido" is mostly "elected": not a verb of choosing here
    body = "El presidente elegido de Chile visitó una fábrica de tanques alemanes."
    assert pairs(tagger, rules, "es", body) == set()
