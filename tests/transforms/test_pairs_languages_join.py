"""A buyer and a seller read in different sentences (issue 13, ninth round): the reader reads
roles one sentence at a time, so "X buys arms. Y sells them." used to give no pair even though
each sentence reads its one party (``bench_pairs_real.py --why``: most missed pairs in the ten
languages were lost at that stage, the two parties in different sentences). ``JOIN_SIDES`` pairs
the first buyer read with no seller and the one seller read with no buyer, when no sentence of
the article pairs parties itself. The sentences are our own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet, fills
from worker.transforms.rules import pairs as reader
from worker.transforms.tag import Tagger

# (language, buyer sentence, seller sentence); each reads Morocco buying from France
JOINED = [
    (
        "de",
        "Marokko kauft zwölf Kampfhubschrauber.",
        "Frankreich liefert die Hubschrauber ab 2026.",
    ),
    ("fr", "Le Maroc achète douze hélicoptères de combat.", "La France vend les hélicoptères."),
    (
        "es",
        "Marruecos compra doce helicópteros de combate.",
        "Francia entregará los helicópteros en 2026.",
    ),
    (
        "it",
        "Il Marocco acquista dodici elicotteri da combattimento.",
        "La Francia vende gli elicotteri.",
    ),
    ("pt", "Marrocos compra doze helicópteros de combate.", "A França vende os helicópteros."),
    (
        "pl",
        "Maroko kupuje dwanaście śmigłowców bojowych.",
        "Francja dostarczy śmigłowce w 2026 roku.",
    ),
    (
        "ru",
        "Марокко закупает двенадцать боевых вертолетов.",
        "Франция поставит вертолеты в 2026 году.",
    ),
    (
        "uk",
        "Марокко купує дванадцять бойових гелікоптерів.",
        "Франція поставить гелікоптери у 2026 році.",
    ),
    ("tr", "Fas on iki saldırı helikopteri satın alıyor.", "Fransa helikopterleri satıyor."),
    ("ar", "المغرب يشتري اثنتي عشرة مروحية قتالية.", "فرنسا تبيع المروحيات."),
]
IDS = [j[0] for j in JOINED]


@pytest.fixture
def no_join() -> Iterator[None]:
    # the opening's one other state (fills.OPENING_SELLER) would pair these two sentences too
    reader.JOIN_SIDES = False
    fills.switch(fills.OPENING_SELLER, False)
    yield
    reader.JOIN_SIDES = True
    fills.switch(fills.OPENING_SELLER, True)


@pytest.mark.parametrize(("lang", "buyer", "seller"), JOINED, ids=IDS)
def test_buyer_and_seller_in_two_sentences_make_one_pair(
    tagger: Tagger, rules: RuleSet, lang: str, buyer: str, seller: str
) -> None:
    assert pairs(tagger, rules, lang, f"{buyer} {seller}") == {("MAR", "FRA")}
    # each sentence alone names one party only: no pair, so the join is what reads it
    assert pairs(tagger, rules, lang, buyer) == set()
    assert pairs(tagger, rules, lang, seller) == set()


@pytest.mark.parametrize(("lang", "buyer", "seller"), JOINED[:3], ids=IDS[:3])
@pytest.mark.usefixtures("no_join")
def test_without_the_join_the_two_sentences_read_nothing(
    tagger: Tagger, rules: RuleSet, lang: str, buyer: str, seller: str
) -> None:
    assert pairs(tagger, rules, lang, f"{buyer} {seller}") == set()


def test_two_seller_states_name_no_seller(tagger: Tagger, rules: RuleSet) -> None:
    # which of the two sells to Morocco the article does not say in one sentence: no guess
    body = (
        "Le Maroc achète douze hélicoptères de combat. La France vend les hélicoptères. "
        "L'Espagne vend des missiles."
    )
    assert pairs(tagger, rules, "fr", body) == set()


def test_a_sentence_that_pairs_its_parties_wins(tagger: Tagger, rules: RuleSet) -> None:
    # the article pairs Morocco with the United States itself: France, read alone, joins nothing
    body = (
        "Le Maroc achète des missiles aux États-Unis. L'Égypte achète des chars. "
        "La France vend les hélicoptères."
    )
    assert pairs(tagger, rules, "fr", body) == {("MAR", "USA")}
