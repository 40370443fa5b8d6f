"""Issue 13: approvals in the ten languages (``approve`` class, common.yaml).

Who approves or authorises a sale or an export is its seller ("X ... {approve} ...
{sell_noun}"; verb first in Arabic: "{approve} X ... {sell_noun}"); who approves a purchase is
the buyer approving its own ("X ... {approve} ... {buy_noun}"). Every sentence here is our own.
"""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

# a partner met before names a third state: the approval alone says who sells
APPROVED_SALES = [
    (
        "es",
        "Tras reunirse con Argelia, España aprobó la venta de fragatas a Marruecos.",
        {("MAR", "ESP")},
    ),
    (
        "pt",
        "Após reunião com a França, o Brasil autorizou a venda de blindados para as Filipinas.",
        {("PHL", "BRA")},
    ),
    (
        "fr",
        "Après une rencontre avec l'Espagne, l'Italie a autorisé la vente de frégates à l'Égypte.",
        {("EGY", "ITA")},
    ),
    (
        "it",
        "Dopo l'incontro con la Francia, l'Italia ha approvato la vendita di fregate all'Egitto.",
        {("EGY", "ITA")},
    ),
    (
        "ru",
        "После переговоров с Францией Германия одобрила экспорт танков в Катар.",
        {("QAT", "DEU")},
    ),
    ("ar", "بعد لقاء مع فرنسا، وافقت إسبانيا على تصدير فرقاطات إلى المغرب.", {("MAR", "ESP")}),
]


@pytest.mark.parametrize(("lang", "body", "expected"), APPROVED_SALES, ids=lambda x: x)
def test_the_state_approving_a_sale_is_its_seller(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == expected


APPROVED_PURCHASES = [
    (
        "es",
        "Tras reunirse con Chile, Perú aprobó la compra de tanques a Corea del Sur.",
        {("PER", "KOR")},
    ),
    ("ru", "Индия одобрила покупку истребителей у Франции.", {("IND", "FRA")}),
    ("pt", "A Colômbia aprovou a compra de caças da Suécia.", {("COL", "SWE")}),
]


@pytest.mark.parametrize(("lang", "body", "expected"), APPROVED_PURCHASES, ids=lambda x: x)
def test_the_state_approving_its_own_purchase_is_the_buyer(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == expected
