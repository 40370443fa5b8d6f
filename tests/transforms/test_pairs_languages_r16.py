"""Issue 13, sixteenth round: in Spanish and French the dative "a" / "à" after a purchase is the
seller ("comprar a Suecia", "l'achat à la France"), also when a long arms phrase stands between
the purchase word and the seller, longer than the symbol reader's gap. Every sentence here is
our own."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

CASES = [
    (
        "es",
        "La ministra de Defensa de Chile, Ana Soto, anunció que en marzo su gobierno cerrará "
        "la compra de un lote de doce cazas polivalentes de nueva generación Saab Gripen E "
        "a Suecia.",
        {("CHL", "SWE")},
    ),
    (
        "fr",
        "Le Maroc a signé le contrat pour l'achat de vingt nouveaux hélicoptères d'attaque Airbus "
        "H225M à la France.",
        {("MAR", "FRA")},
    ),
]


@pytest.mark.parametrize(
    ("lang", "body", "expected"),
    CASES,
    ids=lambda x: str(sorted(x) if isinstance(x, set) else x)[:20],
)
def test_the_dative_after_a_purchase_past_a_long_arms_phrase_is_the_seller(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == expected
