"""Review of the twelfth stop's pair weapons (docs/rules.md §8, "Review of the weapons of
correct pairs"). The sentences are the reviewer's own; they run through the shipped tagger and
relation lexicon."""

from __future__ import annotations

import pytest

from worker.model import Article
from worker.transforms.rules import load_rules
from worker.transforms.rules.pairs import extract_pairs
from worker.transforms.tag import Tagger, default_tagger


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return default_tagger()


@pytest.fixture(scope="module")
def weapon_of(tagger):
    lex = load_rules().relations["arms_transfer"]

    def run(text: str) -> dict[tuple[str, str], str | None]:
        tagged = tagger.tag(Article(id="t", title="", body=text))
        return {(h.recipient, h.supplier): h.pair.get("weapon") for h in extract_pairs(tagged, lex)}

    return run


@pytest.mark.parametrize(
    ("text", "pair", "weapon"),
    [
        # both verbs stand between the seller and the buyer: every trigger there is as near
        # the two parties by summed distance, so the relative clause's verb used to win
        (
            "Spain, which ordered Leopard tanks from Germany in 1998, has agreed to sell M60 "
            "tanks to Morocco.",
            ("MAR", "ESP"),
            "m60-patton",
        ),
        (
            "Peru, which bought MiG-29 jets from Russia, has agreed to sell Mirage 2000 jets "
            "to Ecuador.",
            ("ECU", "PER"),
            "mirage-2000",
        ),
    ],
)
def test_the_verb_nearest_the_buyer_names_a_resale_weapon(weapon_of, text, pair, weapon) -> None:
    assert weapon_of(text)[pair] == weapon
