"""Suppliers named by a company, an origin adjective or the weapon alone, in the ten languages
other than English (2026-12-07, tenth stop; docs/languages.md). Every sentence is our own; the
company names are made up, so no tagged company gives the state: only the words under test do.
"""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

# A deal "with the <state's adjective> company X": Russian and Ukrainian put the adjective
# before the company noun; with the noun in the language's `holder` class the
# adjective reads as the state's name, the deal's partner, as Spanish, French, Italian and
# Portuguese already read "la empresa sueca X" (test_pairs_languages_company_seller.py).
DEAL_WITH_COMPANY = [
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
