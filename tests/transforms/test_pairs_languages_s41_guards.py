"""Ten-language recall of the thirteenth stop (s41-i18n-guards, docs/languages.md "Ten
languages: lists the patterns miss and lone sellers"). The sentences are our own.

- The opening's one other state sells to the lone buyer even when a sentence names the two
  together, if that sentence tells of a transfer the reader did not pair (the officers of
  both at the arrival of the arms): ``fills._opening_other`` leaves out of its "named beside
  the buyer" guard the sentences with a trigger's word (``fills._tells_transfer``). A state
  named beside the buyer with no word of a transfer (a drill, a quarrel) is still no seller.
"""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import NOW, PAIR_RULE
from worker.model import Article
from worker.pipeline import analyse
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger


def _pairs(tagger: Tagger, rules: RuleSet, lang: str, title: str, body: str) -> set:
    art = Article(id="t", title=title, body=body, language=lang)
    _, alerts = analyse(art, tagger, rules, NOW)
    return {(a.pair["recipient"], a.pair["supplier"]) for a in alerts if a.rule_id == PAIR_RULE}


OPENING = [
    # each read nothing before: Norway is named beside Slovakia in a sentence of arriving
    (
        "uk",
        "Норвегія передасть техніку",
        "Словаччина отримала нові бронетранспортери. Словацькі та норвезькі військові "
        "зустріли техніку, яка прибула до порту.",
        {("SVK", "NOR")},
    ),
    (
        "ru",
        "Норвегия передаст технику",
        "Словакия получила новые бронетранспортеры. На церемонию прибыли военные Словакии и "
        "Норвегии, техника прибыла в порт.",
        {("SVK", "NOR")},
    ),
    # named beside the buyer with no word of a transfer: a drill, a quarrel; still nothing
    (
        "pl",
        "Norwegia na ćwiczeniach",
        "Słowacja chce kupić nowe transportery opancerzone. Słowacja i Norwegia prowadzą "
        "wspólne manewry na północy.",
        set(),
    ),
    (
        "pl",
        "Norwegia ostrzega",
        "Słowacja chce kupić nowe transportery opancerzone. Premier Słowacji skrytykował "
        "Norwegię za politykę energetyczną.",
        set(),
    ),
]


@pytest.mark.parametrize(("lang", "title", "body", "want"), OPENING, ids=[c[0] for c in OPENING])
def test_opening_seller_beside_the_buyer_in_a_transfer(
    tagger: Tagger, rules: RuleSet, lang: str, title: str, body: str, want: set
) -> None:
    assert _pairs(tagger, rules, lang, title, body) == want
