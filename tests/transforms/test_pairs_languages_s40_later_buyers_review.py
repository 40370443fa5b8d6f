"""Review of the later buyers of the one seller (``LATER_BUYERS_NO_MAKER``), 2026-12-07
(twelfth stop): a lone buyer that only weighs a purchase (its own status is talks) takes no
seller from the article. The sentences are our own."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

WEIGHS = [
    (
        "es",
        "El gobierno español autorizó exportaciones de armas a Omán. Túnez estudia también "
        "la compra de fusiles.",
        {("OMN", "ESP")},
    ),
    (
        "es",
        "El gobierno español autorizó exportaciones de armas a Omán. Túnez evalúa además "
        "adquirir 30 fusiles.",
        {("OMN", "ESP")},
    ),
]


@pytest.mark.parametrize(("lang", "body", "want"), WEIGHS)
def test_buyer_that_only_weighs_keeps_no_seller(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, want: set
) -> None:
    assert pairs(tagger, rules, lang, body) == want


def test_lone_buyer_that_receives_still_takes_the_seller(tagger: Tagger, rules: RuleSet) -> None:
    body = "El gobierno español autorizó exportaciones de armas a Omán. Túnez recibirá 30 fusiles."
    assert pairs(tagger, rules, "es", body) == {("OMN", "ESP"), ("TUN", "ESP")}
