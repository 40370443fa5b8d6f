"""Arms the reader did not see (issue 13, eighth round): the usual nouns of each kind of arms
(land vehicles, artillery, ships, aircraft, munitions, air defence) in the ``arms`` class of each
language file, and local spellings of weapons in ``gazetteer/weapons_local.yaml``. A sentence
qualifies only with an arms word near its trigger, so before these words each sentence below
(our own) gave no pair at all."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.model import Article
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

# A report names its arms in general words somewhere (the pair rule needs ``topic:weapons``; the
# new nouns are not topic terms, which match text in every language and cost time on each
# article): a lead sentence with such a word, no country and no trigger, which gives no pair.
LEAD = {
    "de": "Neue Waffen für das Heer.",
    "fr": "Des armes pour l'armée.",
    "es": "Armas para el ejército.",
    "it": "Armi per l'esercito.",
    "pt": "Armas para o exército.",
    "pl": "Broń dla wojska.",
    "ru": "Оружие для армии.",
    "uk": "Зброя для армії.",
    "tr": "Ordu için silahlar.",
    "ar": "أسلحة للجيش.",
}


ARMS = [
    ("de", "Norwegen kauft von Deutschland weitere Schützenpanzer.", ("NOR", "DEU")),
    ("fr", "Le Sénégal achète des canons à la France.", ("SEN", "FRA")),
    ("es", "Chile compra cañones a Francia.", ("CHL", "FRA")),
    ("it", "La Grecia acquista lanciarazzi dalla Francia.", ("GRC", "FRA")),
    ("pt", "O Peru comprou canhões da França.", ("PER", "FRA")),
    ("pl", "Rumunia kupuje od Turcji moździerze.", ("ROU", "TUR")),
    ("ru", "Казахстан купил у Турции бронетранспортеры.", ("KAZ", "TUR")),
    ("uk", "Литва передала Україні бойові машини піхоти.", ("UKR", "LTU")),
    ("tr", "Azerbaycan, Türkiye'den zırhlı araç satın aldı.", ("AZE", "TUR")),
    ("ar", "اشترت مصر مدرعات من فرنسا.", ("EGY", "FRA")),
]


@pytest.mark.parametrize(("lang", "body", "pair"), ARMS, ids=[a[0] for a in ARMS])
def test_a_usual_arms_noun_opens_the_sentence(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str]
) -> None:
    assert pairs(tagger, rules, lang, f"{LEAD[lang]} {body}") == {pair}


@pytest.mark.parametrize("lang", sorted(LEAD))
def test_the_lead_alone_gives_no_pair(tagger: Tagger, rules: RuleSet, lang: str) -> None:
    assert pairs(tagger, rules, lang, LEAD[lang]) == set()


CIVIL = [
    # the same verbs and countries with civil goods: no arms word, no pair
    ("fr", "Le Sénégal achète des navires de pêche à la France."),
    ("de", "Norwegen kauft von Deutschland neue Panzerglasscheiben für Banken."),
    ("ru", "Казахстан закупил у Турции пассажирские корабли."),
    # words that begin like an arms noun: "geschützt" (protected), "granatowe" (navy blue)
    ("de", "Norwegen kauft von Deutschland geschützte Container für Medikamente."),
    ("pl", "Rumunia kupuje od Turcji granatowe mundury dla kolejarzy."),
]


@pytest.mark.parametrize(("lang", "body"), CIVIL, ids=[f"{c[0]}-{i}" for i, c in enumerate(CIVIL)])
def test_civil_look_alikes_stay_closed(
    tagger: Tagger, rules: RuleSet, lang: str, body: str
) -> None:
    assert pairs(tagger, rules, lang, f"{LEAD[lang]} {body}") == set()


def test_partners_of_a_joint_purchase_buy_too(tagger: Tagger, rules: RuleSet) -> None:
    # those a buyer buys "with" are co-buyers, not sellers; the guns' maker is the seller
    body = (
        "La France s'est entendue avec la Grèce et la Croatie pour acheter ensemble "
        "des canons Caesar."
    )
    got = pairs(tagger, rules, "fr", body)
    assert ("HRV", "GRC") not in got and ("GRC", "HRV") not in got
    assert ("HRV", "FRA") in got


@pytest.mark.parametrize(
    ("lang", "text", "weapon"),
    [
        ("de", "Die Regierung schickt Leopard-Kampfpanzer.", "leopard-2"),
        ("fr", "L'armée a reçu des canons Caesar.", "caesar-howitzer"),
        ("uk", "Армія отримає CV-90.", "cv90"),
    ],
)
def test_local_spellings_name_the_weapon(tagger: Tagger, lang: str, text: str, weapon: str) -> None:
    found = tagger.tag(Article(id="w", title="", body=text, language=lang))
    assert weapon in {e.id for e in found.entities if e.type == "weapon"}


def test_a_hyphenated_arms_word_is_written_whole(tagger: Tagger, rules: RuleSet) -> None:
    # "sous-marin*" was read as "sous", "-", a stem "marin" that no token ever took: submarines
    # never counted as arms in French; the hyphenated nouns are now listed whole
    body = "Le Brésil achète deux sous-marins à la France."
    assert pairs(tagger, rules, "fr", body) == {("BRA", "FRA")}
