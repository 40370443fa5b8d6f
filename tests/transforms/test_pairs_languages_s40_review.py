"""Review of the twelfth stop's ten-language roles (docs/languages.md "Review of the agent phrase
and the verbs of arriving (twelfth stop)"). The sentences are our own.

- "por parte de C" after a word of buying names the buyer; a country after it with "a" (es) or
  "à" (pt) is still the seller, as after "por C" ("comprados por C a X").
- Ukrainian "надходять повідомлення" is reports coming in: "надход*" is no verb of arriving.
"""

"""Review of the later buyers of the one seller (``LATER_BUYERS_NO_MAKER``), 2026-12-07
(twelfth stop): a lone buyer that only weighs a purchase (its own status is talks) takes no
seller from the article. The sentences are our own."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

AGENT_THEN_SELLER = [
    # at 4bca944b the first read the F-16's maker as the seller of both, the others nothing
    ("es", "La compra de cazas F-16 por parte de Argentina a Dinamarca.", {("ARG", "DNK")}),
    (
        "es",
        "Sigue adelante la adquisición de submarinos por parte de Indonesia a Francia.",
        {("IDN", "FRA")},
    ),
    ("pt", "A aquisição de fragatas por parte da Grécia à França avança.", {("GRC", "FRA")}),
]


@pytest.mark.parametrize(
    ("lang", "body", "want"), AGENT_THEN_SELLER, ids=[c[0] for c in AGENT_THEN_SELLER]
)
def test_seller_after_the_agent_phrase(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, want: set[tuple[str, str]]

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


NO_ARRIVAL = [
    # reports coming in, then a stray drone: no arms arrive anywhere
    ("uk", "Надходять повідомлення, що російські дрони залетіли до Молдови."),
]


@pytest.mark.parametrize(("lang", "body"), NO_ARRIVAL, ids=[c[0] for c in NO_ARRIVAL])
def test_a_report_coming_in_is_no_arrival(
    tagger: Tagger, rules: RuleSet, lang: str, body: str
) -> None:
    assert pairs(tagger, rules, lang, body) == set()

def test_lone_buyer_that_receives_still_takes_the_seller(tagger: Tagger, rules: RuleSet) -> None:
    body = "El gobierno español autorizó exportaciones de armas a Omán. Túnez recibirá 30 fusiles."
    assert pairs(tagger, rules, "es", body) == {("OMN", "ESP"), ("TUN", "ESP")}
