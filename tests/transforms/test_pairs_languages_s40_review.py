"""Review of the twelfth stop's ten-language roles (docs/languages.md "Review of the agent phrase
and the verbs of arriving (twelfth stop)"). The sentences are our own.

- "por parte de C" after a word of buying names the buyer; a country after it with "a" (es) or
  "à" (pt) is still the seller, as after "por C" ("comprados por C a X").
- Ukrainian "надходять повідомлення" is reports coming in: "надход*" is no verb of arriving.
"""

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
