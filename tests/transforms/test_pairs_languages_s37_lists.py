"""Lists of countries in the ten languages (s37-i18n-multi, docs/languages.md "2026-12-07
(morning)"): a coordinated list keeps the role of its head. The sentences are our own.

- Slavic: a dative after the arms a verb of giving hands over is its indirect object, the
  recipient, as it is before them; the datives of a list share that role.
- Romance: a list whose members repeat "from" with its article ("da A e da B", "de l'A et de
  la B") is "from" for every member when its first is, not "of" a noun.
- Every form of "from": French elided "d'", Spanish "del".
- The rest of the third person of the verbs of buying whose forms start with a `buy_noun` stem
  ("kauften", "compraron", "encomendaram", "заказали"; Ukrainian, with no Snowball stemmer,
  every form): they were read as the noun, and the buyers before them were lost.
"""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from tests.transforms.test_pairs_languages_arms import LEAD
from worker.transforms.rules import RuleSet
from worker.transforms.rules.pairs import IN_DATIVE
from worker.transforms.tag import Tagger

DATIVE_AFTER_ARMS = [
    ("ru", "Германия передаст гаубицы и танки Польше и Литве.", {("POL", "DEU"), ("LTU", "DEU")}),
    (
        "ru",
        "США продали ракеты Patriot Польше, Румынии и Швеции.",
        {("POL", "USA"), ("ROU", "USA"), ("SWE", "USA")},
    ),
    ("uk", "Швеція передасть гаубиці Archer Литві та Естонії.", {("LTU", "SWE"), ("EST", "SWE")}),
    (
        "uk",
        "Франція відправила ракети Польщі, Литві й Латвії.",
        {("POL", "FRA"), ("LTU", "FRA"), ("LVA", "FRA")},
    ),
    ("pl", "Niemcy przekażą czołgi Leopard Litwie i Łotwie.", {("LTU", "DEU"), ("LVA", "DEU")}),
    (
        "pl",
        "Stany Zjednoczone sprzedały rakiety Polsce, Rumunii i Szwecji.",
        {("POL", "USA"), ("ROU", "USA"), ("SWE", "USA")},
    ),
]


REPEATED_FROM = [
    ("pt", "Portugal comprará fragatas da França e da Itália.", {("PRT", "FRA"), ("PRT", "ITA")}),
    (
        "pt",
        "Angola recebeu aviões do Brasil, da Rússia e da China.",
        {("AGO", "BRA"), ("AGO", "RUS"), ("AGO", "CHN")},
    ),
    (
        "fr",
        "La Grèce a reçu des frégates de la France, de l'Italie et des Pays-Bas.",
        {("GRC", "FRA"), ("GRC", "ITA"), ("GRC", "NLD")},
    ),
    (
        "fr",
        "Le Maroc achètera des chars de la France et de l'Espagne.",
        {("MAR", "FRA"), ("MAR", "ESP")},
    ),
    (
        "es",
        "Perú recibirá tanques de Israel, de Francia y de Alemania.",
        {("PER", "ISR"), ("PER", "FRA"), ("PER", "DEU")},
    ),
]


FROM_FORMS = [
    ("fr", "L'Inde a acheté des avions d'Allemagne et d'Italie.", {("IND", "DEU"), ("IND", "ITA")}),
    (
        "es",
        "Uruguay compró patrulleros del Reino Unido y de España.",
        {("URY", "GBR"), ("URY", "ESP")},
    ),
    (
        "es",
        "Chile recibió fragatas de Australia y del Reino Unido.",
        {("CHL", "AUS"), ("CHL", "GBR")},
    ),
]


BUY_FORMS = [
    (
        "de",
        "Marokko, Tunesien und Niger kauften Drohnen aus der Türkei.",
        {("MAR", "TUR"), ("TUN", "TUR"), ("NER", "TUR")},
    ),
    (
        "de",
        "Indien und Vietnam importierten Raketen aus Russland.",
        {("IND", "RUS"), ("VNM", "RUS")},
    ),
    (
        "es",
        "Chile, Perú y Colombia compraron aviones a Israel.",
        {("CHL", "ISR"), ("PER", "ISR"), ("COL", "ISR")},
    ),
    (
        "pt",
        "A Polônia e a Romênia encomendaram tanques da Coreia do Sul.",
        {("POL", "KOR"), ("ROU", "KOR")},
    ),
    ("ru", "Индия и Вьетнам заказали фрегаты у России.", {("IND", "RUS"), ("VNM", "RUS")}),
    ("uk", "Литва та Латвія купили гаубиці у Франції.", {("LTU", "FRA"), ("LVA", "FRA")}),
    ("pl", "Indie i Wietnam importowały rakiety z Rosji.", {("IND", "RUS"), ("VNM", "RUS")}),
    (
        "it",
        "Il Qatar e l'Egitto acquistarono fregate dall'Italia.",
        {("QAT", "ITA"), ("EGY", "ITA")},
    ),
    (
        "fr",
        "Le Maroc et la Tunisie commandent des drones à la Turquie.",
        {("MAR", "TUR"), ("TUN", "TUR")},
    ),
]


# a German participle of buying as an adjective before the arms: its "von" agent is the buyer
# (the forms are also finite verbs of `buy`, so "von X" alone read a seller and lost the pair)
PARTICIPLE_AGENT = [
    (
        "de",
        "Pakistan kritisierte die von Indien importierten Waffen aus Russland.",
        {("IND", "RUS")},
    ),
    ("de", "Ägypten lobte die von Polen bestellten Panzer aus Südkorea.", {("POL", "KOR")}),
]


CASES = DATIVE_AFTER_ARMS + REPEATED_FROM + FROM_FORMS + BUY_FORMS + PARTICIPLE_AGENT


@pytest.mark.parametrize(("lang", "body", "want"), CASES, ids=[c[0] for c in CASES])
def test_list_keeps_its_role(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, want: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, f"{LEAD[lang]} {body}") == want


def test_genitive_list_stays_no_seller(tagger: Tagger, rules: RuleSet) -> None:
    # "the request of the government of Germany and of France": a genitive list, no seller
    body = (
        "O pedido do governo da Alemanha e da França foi rejeitado após a venda de tanques a "
        "Angola."
    )
    assert not {
        p for p in pairs(tagger, rules, "pt", f"{LEAD['pt']} {body}") if p[1] in ("DEU", "FRA")
    }


# a genitive after the arms says whose arms they are, not who gets them: the case reader has no
# genitive (it reads None), so only a dative, the country's own or a list member's, is kept
GENITIVE_AFTER_ARMS = [
    ("pl", "Polska przekazała czołgi Niemiec Ukrainie."),
    ("pl", "Polska przekazała czołgi T-72 Czech Ukrainie."),
    ("uk", "Польща передала танки Leopard Німеччини Україні."),
    ("uk", "Польща передала танки Німеччини та Франції Україні."),
]


@pytest.mark.parametrize(
    ("lang", "body"), GENITIVE_AFTER_ARMS, ids=[c[0] for c in GENITIVE_AFTER_ARMS]
)
def test_genitive_after_arms_is_no_recipient(
    tagger: Tagger, rules: RuleSet, lang: str, body: str
) -> None:
    got = pairs(tagger, rules, lang, f"{LEAD[lang]} {body}")
    assert not {p for p in got if p[0] in ("DEU", "CZE", "FRA")}


DATIVE_IN_LIST = [
    # "Индии" is both a genitive and a dative: the dative "Китаю" beside it tells the case
    ("ru", "Россия поставит С-400 Индии и Китаю.", {("IND", "RUS"), ("CHN", "RUS")}),
    ("pl", "Rosja sprzedała rakiety Indiom i Chinom.", {("IND", "RUS"), ("CHN", "RUS")}),
]


@pytest.mark.parametrize(("lang", "body", "want"), DATIVE_IN_LIST, ids=["ru", "pl"])
def test_dative_list_after_arms_is_the_recipient(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, want: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, f"{LEAD[lang]} {body}") == want


def test_dative_after_arms_is_tagged_in_every_case_language(rules: RuleSet) -> None:
    # the guard tests the role key's tag, not the pattern's wording: each Slavic lexicon has it
    for lang in ("ru", "uk", "pl"):
        lex = rules.relations["arms_transfer"].by_language[lang]
        assert any(c.role == "recipient" and IN_DATIVE in c.text for c in lex.cues), lang
