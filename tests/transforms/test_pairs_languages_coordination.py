"""Issue 13, lists in the ten languages: every member of a coordination keeps the list's role.

A list is read as one noun (``pairs._list_roles``): its first member stands for it with what
comes before the list and what follows its last member, and every member takes that role. The
list closes with the language's "and", a word or an "as well as" phrase (``and`` class). Not a
list: members joined by commas alone, a "de" genitive no trigger governs, counterparts of one
deal, and a "with" phrase (partners, not subjects).

Every sentence here is our own.
"""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from tests.transforms.test_pairs_languages_list_case import _line
from tests.transforms.test_pairs_languages_stems import read
from worker.transforms.rules import RuleSet
from worker.transforms.rules.pairs import _lists
from worker.transforms.tag import Tagger

THREE_BUYERS = {("EGY", "FRA"), ("QAT", "FRA"), ("IND", "FRA")}
TWO_BUYERS = {("EGY", "FRA"), ("IND", "FRA")}
THREE_SELLERS = {("IND", "FRA"), ("IND", "RUS"), ("IND", "USA")}
TWO_SELLERS = {("UKR", "DEU"), ("UKR", "NLD")}

WHOLE_LISTS = [
    # Arabic, verb first: the first member stood between the verb and the arms
    ("ar", "اشترت مصر وقطر والهند طائرات هليكوبتر من فرنسا.", THREE_BUYERS),
    ("ar", "سلمت ألمانيا وهولندا دبابات إلى أوكرانيا.", TWO_SELLERS),
    # Turkish, verb last: the first members stood before the verb with no case of their own
    (
        "tr",
        "Katar, Kuveyt ve Hindistan Fransa'dan helikopter satın alıyor.",
        {("QAT", "FRA"), ("KWT", "FRA"), ("IND", "FRA")},
    ),
    ("tr", "Almanya ve Hollanda Ukrayna'ya tank sattı.", TWO_SELLERS),
    # Spanish closes its lists with "y" now, after "a" (to) and after "de" governed by a verb
    ("es", "Francia vende helicópteros a Egipto, Catar y la India.", THREE_BUYERS),
    ("es", "Egipto, Catar y la India compran helicópteros a Francia.", THREE_BUYERS),
    ("es", "La India adquirió cazas de Francia, Rusia y Estados Unidos.", THREE_SELLERS),
    # each member repeats the first one's preposition ("à", "a" after a verb of buying: from)
    (
        "fr",
        "L'Inde achète des avions de combat à la France, à la Russie et aux États-Unis.",
        THREE_SELLERS,
    ),
    ("es", "La India adquirió cazas a Francia, a Rusia y a Estados Unidos.", THREE_SELLERS),
]


@pytest.mark.parametrize(("lang", "body", "expected"), WHOLE_LISTS, ids=lambda x: x)
def test_every_member_takes_the_role_of_the_list(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == expected


AS_WELL_AS = [
    ("ru", "Франция поставляет вертолеты в Египет, а также Индию."),
    ("uk", "Франція постачає гелікоптери до Єгипту, а також Індії."),
    ("es", "Francia vende helicópteros a Egipto así como la India."),
    ("fr", "La France livre des hélicoptères à l'Égypte ainsi que l'Inde."),
    ("de", "Frankreich liefert Hubschrauber an Ägypten wie auch Indien."),
    ("it", "La Francia vende elicotteri all'Egitto nonché l'India."),
    ("pt", "A França vende helicópteros para o Egito bem como a Índia."),
    ("ar", "باعت فرنسا طائرات هليكوبتر إلى مصر وكذلك الهند."),
    # "również" is an ignored word: the phrase reads as the line shows it ("jak")
    ("pl", "Francja sprzedaje śmigłowce do Egiptu jak również Indii."),
]


@pytest.mark.parametrize(("lang", "body"), AS_WELL_AS, ids=lambda x: x)
def test_an_as_well_as_phrase_closes_a_list(
    tagger: Tagger, rules: RuleSet, lang: str, body: str
) -> None:
    assert pairs(tagger, rules, lang, body) == TWO_BUYERS


PARTNERS = [
    # partners of an exercise are no sellers, alone or listed
    ("es", "Francia, que hizo maniobras con Egipto y la India, vende cazas a Catar."),
    (
        "fr",
        "La France, qui a mené des manœuvres avec l'Égypte et l'Inde, vend des Rafale au Qatar.",
    ),
    ("it", "La Francia, che ha svolto manovre con l'Egitto e l'India, vende caccia al Qatar."),
]


@pytest.mark.parametrize(("lang", "body"), PARTNERS, ids=lambda x: x)
def test_a_list_after_with_names_partners_not_sellers(
    tagger: Tagger, rules: RuleSet, lang: str, body: str
) -> None:
    found = pairs(tagger, rules, lang, body)
    assert not {"EGY", "IND"} & {c for pair in found for c in pair}


NOT_ONE_LIST = [
    # a country after "and" with its own verb opens a clause (Spanish `clause` words)
    ("es", "Francia vende helicópteros a Egipto y la India protestó.", {("EGY", "FRA")}),
    # "the combined fleet of": a genitive list is no list of sellers
    (
        "es",
        "Polonia tendrá más tanques que la flota combinada de Alemania, Italia y Francia "
        "tras comprar K2 a Corea del Sur.",
        {("POL", "KOR")},
    ),
    # states named as an example of other sellers are no buyers
    (
        "es",
        "Alemania vende tanques a Catar, como antes hicieron países como Francia e Italia.",
        {("QAT", "DEU")},
    ),
]


@pytest.mark.parametrize(("lang", "body", "expected"), NOT_ONE_LIST, ids=lambda x: x)
def test_states_that_are_not_one_list_keep_their_own_roles(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == expected


# "sells to A and B threatens": the "and" joins two clauses, not two buyers. The buyer keeps
# the role read before it; the country after "and" is the subject of a verb of its own, a
# bystander, whether or not the language's `clause` words list that verb.
TWO_CLAUSES = [
    (
        "de",
        "Deutschland verkauft Haubitzen an Litauen und Russland warnt vor einer Eskalation.",
        {("LTU", "DEU")},
    ),
    (
        "de",
        "Schweden liefert Kampfjets an Polen und Belarus kritisiert den Schritt.",
        {("POL", "SWE")},
    ),
    (
        "fr",
        "L'Italie vend des hélicoptères au Maroc et l'Algérie menace de rompre.",
        {("MAR", "ITA")},
    ),
    (
        "it",
        "La Francia vende elicotteri alla Grecia e la Turchia minaccia ritorsioni.",
        {("GRC", "FRA")},
    ),
    ("es", "Alemania vende tanques a Polonia y Rusia amenaza con represalias.", {("POL", "DEU")}),
]


@pytest.mark.parametrize(("lang", "body", "expected"), TWO_CLAUSES, ids=lambda x: x)
def test_a_member_with_a_verb_of_the_other_side_opens_a_clause(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == expected


def test_a_pattern_spanning_the_list_still_reads_one_noun(tagger: Tagger, rules: RuleSet) -> None:
    # before the list a signing (supplier side), after it "to buy" (buyer side): the pattern
    # across the whole list reads both members as buyers, no clause of their own
    body = (
        "L'Allemagne a signé un arrangement avec la Pologne et la Lituanie pour acheter des chars."
    )
    assert pairs(tagger, rules, "fr", body) == {("POL", "DEU"), ("LTU", "DEU")}


def test_counterparts_of_one_deal_are_no_list(tagger: Tagger, rules: RuleSet) -> None:
    # "Egypt and France signed a contract to buy": the two are the deal's two sides
    assert read(tagger, rules, "ar", "وقعت مصر وفرنسا عقدا لشراء طائرات رافال.") == {("EGY", "FRA")}


def test_a_comma_alone_makes_no_list(rules: RuleSet) -> None:
    # "por parte de A, B recibió": a comma between two phrases; a list closes with its "and"
    lex = rules.relations["arms_transfer"].by_language["es"]
    roles: dict[int, tuple | None] = {3: ("supplier", "{from} X"), 5: ("recipient", "X ...")}
    symbols = _line("por", "parte", "de", "A", ",", "B", "recibio")
    assert _lists(roles, [3, 5], symbols, lex, frozenset()) == []
    symbols = _line("a", "A", ",", "B", "y", "C", ",", "D", "vende")
    assert _lists({}, [1, 3, 5, 7], symbols, lex, frozenset()) == [[1, 3, 5]]


def test_with_beside_a_subject_adds_a_second_seller(tagger: Tagger, rules: RuleSet) -> None:
    body = "La Belgique, avec les Pays-Bas, a fourni des chars Leopard à l'Ukraine."
    assert pairs(tagger, rules, "fr", body) == {("UKR", "BEL"), ("UKR", "NLD")}
