"""Issue 13, fifteenth round: German "bei X bestellt" (ordered from X) and "weitergeben" (to
hand arms on), read as data in de.yaml. Every sentence here is our own."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

CASES = [
    # "bei" before the seller, the buy verb last
    (
        "Die Niederlande haben bei Schweden neue Radargeräte und Raketen bestellt.",
        {("NLD", "SWE")},
    ),
    # handing on arms of one's own stocks: the giver, not the weapon's maker, is the supplier
    (
        "Norwegen will zwei Patriot-Systeme an die Ukraine weitergeben.",
        {("UKR", "NOR")},
    ),
]


@pytest.mark.parametrize(("body", "expected"), CASES, ids=lambda x: x)
def test_german_order_from_and_hand_on(
    tagger: Tagger, rules: RuleSet, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, "de", body) == expected
