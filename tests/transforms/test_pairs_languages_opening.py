"""The seller a report names only in its opening (issue 13, cross-sentence; 2026-12-06 evening):
the source or speaker of the news ("Norway announced a package. Ukraine will get howitzers.")
is its other side when the article reads one buyer alone, names no maker and no other state in
its opening (``fills.OPENING_SELLER``). Sentences are our own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet, fills
from worker.transforms.tag import Tagger

# (language, body): Norway named as the one announcing, Ukraine read alone as the buyer
OPENING = [
    (
        "de",
        "Norwegen hat am Montag ein neues Hilfspaket angekündigt. "
        "Die Ukraine erhält zwölf Haubitzen.",
    ),
    ("fr", "La Norvège a annoncé lundi une nouvelle aide. L'Ukraine recevra douze obusiers."),
    ("es", "Noruega anunció el lunes un nuevo paquete de ayuda. Ucrania recibirá doce obuses."),
    (
        "it",
        "La Norvegia ha annunciato lunedì un nuovo pacchetto di aiuti. "
        "L'Ucraina riceverà dodici obici.",
    ),
    (
        "pt",
        "A Noruega anunciou na segunda-feira um novo pacote de ajuda. "
        "A Ucrânia receberá doze obuses.",
    ),
    (
        "pl",
        "Norwegia ogłosiła w poniedziałek nowy pakiet pomocy. Ukraina otrzyma dwanaście haubic.",
    ),
    (
        "ru",
        "Норвегия в понедельник объявила о новом пакете помощи. Украина получит двенадцать гаубиц.",
    ),
    (
        "uk",
        "Норвегія в понеділок оголосила про новий пакет допомоги. "
        "Україна отримає дванадцять гаубиць.",
    ),
    (
        "tr",
        "Norveç pazartesi günü yeni bir yardım paketi açıkladı. Ukrayna on iki obüs teslim alacak.",
    ),
]


@pytest.fixture
def no_opening() -> Iterator[None]:
    fills.switch(fills.OPENING_SELLER, False)
    yield
    fills.switch(fills.OPENING_SELLER, True)


@pytest.mark.parametrize(("lang", "body"), OPENING, ids=[o[0] for o in OPENING])
def test_the_one_other_state_of_the_opening_sells_to_a_lone_buyer(
    tagger: Tagger, rules: RuleSet, lang: str, body: str
) -> None:
    assert pairs(tagger, rules, lang, body) == {("UKR", "NOR")}


@pytest.mark.parametrize(("lang", "body"), OPENING[:3], ids=[o[0] for o in OPENING[:3]])
@pytest.mark.usefixtures("no_opening")
def test_without_it_the_lone_buyer_reads_nothing(
    tagger: Tagger, rules: RuleSet, lang: str, body: str
) -> None:
    assert pairs(tagger, rules, lang, body) == set()


SILENT = [
    # two buyers: the opening's state may be the seller of either, or of neither
    (
        "de",
        "Norwegen hat am Montag ein Hilfspaket angekündigt. Die Ukraine erhält zwölf Haubitzen. "
        "Moldau erhält vier Haubitzen.",
    ),
    # two other states in the opening: no one seller
    (
        "de",
        "Norwegen und Dänemark haben ein Paket angekündigt. Die Ukraine erhält zwölf Haubitzen.",
    ),
    (
        "fr",
        "La Norvège et le Danemark ont annoncé un paquet. L'Ukraine recevra douze obusiers.",
    ),
    # a foe named with the buyer, and a foe named only as an adjective
    ("de", "Russland griff am Montag Kiew an. Die Ukraine erhält zwölf Haubitzen."),
    ("ru", "Россия в понедельник обстреляла Киев. Украина получит двенадцать гаубиц."),
    # a foe attacking a city the tagger gives no state: its own sentence tells the attack
    # (the ``attack`` class; 2026-12-06 review)
    ("de", "Russland hat am Montag Odessa angegriffen. Die Ukraine erhält zwölf Haubitzen."),
    ("ru", "Россия в понедельник обстреляла Харьков. Украина получит двенадцать гаубиц."),
    ("fr", "La Russie a bombardé Kharkiv lundi. L'Ukraine recevra douze obusiers."),
    ("es", "Rusia atacó Járkov el lunes. Ucrania recibirá doce obuses."),
    ("it", "La Russia ha attaccato Odessa lunedì. L'Ucraina riceverà dodici obici."),
    ("pl", "Rosja zaatakowała w poniedziałek Odessę. Ukraina otrzyma dwanaście haubic."),
    ("de", "Die russischen Angriffe gehen weiter. Die Ukraine erhält zwölf Haubitzen."),
    # ... a participle whose folded form is a noun, read as written (``written:``)
    ("fr", "La Russie a frappé Kharkiv lundi. L'Ukraine recevra douze obusiers."),
    ("fr", "La Russie a attaqué Odessa lundi. L'Ukraine recevra douze obusiers."),
    ("it", "La Russia attaccò Odessa lunedì. L'Ucraina riceverà dodici obici."),
    # an exercise, and own forces deployed abroad: no transfer between the two
    ("de", "Frankreich hat am Montag eine große Übung begonnen. Rumänien erhält zwölf Kampfjets."),
    ("fr", "La France a lancé lundi un grand exercice. La Roumanie reçoit douze avions de chasse."),
    ("es", "Estados Unidos desplegó tropas en Polonia. Polonia recibe doce helicópteros."),
    # ... a deployment told by a finite verb, the buyer not named in its sentence
    ("es", "Estados Unidos desplegó el lunes más tropas. Polonia recibe doce helicópteros."),
    ("fr", "Les États-Unis déploient lundi des troupes. La Pologne reçoit douze hélicoptères."),
    (
        "pl",
        "Francja rozpoczęła w poniedziałek duże ćwiczenia. Rumunia otrzyma dwanaście myśliwców.",
    ),
]


@pytest.mark.parametrize(
    ("lang", "body"), SILENT, ids=[f"{s[0]}-{i}" for i, s in enumerate(SILENT)]
)
def test_look_alikes_stay_silent(tagger: Tagger, rules: RuleSet, lang: str, body: str) -> None:
    assert pairs(tagger, rules, lang, body) == set()


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "de",
            "Frankreich hat am Montag eine Erklärung veröffentlicht. "
            "Rumänien erhält zwölf Kampfjets.",
        ),
        (
            "fr",
            "La France a publié lundi un communiqué. La Roumanie reçoit douze avions de chasse.",
        ),
        ("pl", "Francja wydała w poniedziałek komunikat. Rumunia otrzyma dwanaście myśliwców."),
    ],
)
def test_the_same_report_without_the_exercise_reads_the_pair(
    tagger: Tagger, rules: RuleSet, lang: str, body: str
) -> None:
    assert pairs(tagger, rules, lang, body) == {("ROU", "FRA")}


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "de",
            "Norwegen hat am Montag ein neues Hilfspaket angekündigt. "
            "Die Ukraine erhält zwölf Haubitzen gegen die russischen Angriffe.",
        ),
        (
            "es",
            "Noruega anunció el lunes un nuevo paquete de ayuda. "
            "Ucrania recibirá doce obuses para resistir la guerra.",
        ),
    ],
)
def test_war_told_beside_the_buyer_leaves_the_opening_seller(
    tagger: Tagger, rules: RuleSet, lang: str, body: str
) -> None:
    """The attack guard reads the seller's own sentences only: the buyer's war is its context."""
    assert pairs(tagger, rules, lang, body) == {("UKR", "NOR")}


# The attack guard reads verbs of attacking only (2026-12-06 second review): a war noun, a war
# ministry or a weapon type named in the seller's own opening sentence tells no attack by it
WAR_WORDS_NO_ATTACK = [
    # help given on account of a war
    (
        "de",
        "Frankreich hat wegen des Krieges neue Hilfe zugesagt. Die Ukraine erhält zwölf Haubitzen.",
        ("UKR", "FRA"),
    ),
    (
        "ru",
        "Франция в связи с войной выделила новую помощь. Украина получит двенадцать гаубиц.",
        ("UKR", "FRA"),
    ),
    (
        "pl",
        "Francja w czasie wojny przyznała nową pomoc. Ukraina otrzyma dwanaście haubic.",
        ("UKR", "FRA"),
    ),
    # a ministry of war as the one who tells the news
    (
        "fr",
        "Le département de la Guerre des États-Unis a publié un avis. "
        "La Pologne recevra douze hélicoptères.",
        ("POL", "USA"),
    ),
    # weapon types named after attacking
    (
        "es",
        "Francia prometió un lote de bombarderos viejos. Marruecos recibirá doce aviones.",
        ("MAR", "FRA"),
    ),
    (
        "de",
        "Frankreich hat ein Angebot mit Angriffshubschraubern gemacht. "
        "Die Ukraine erhält zwölf Hubschrauber.",
        ("UKR", "FRA"),
    ),
    (
        "it",
        "La Germania ha proposto elicotteri d'attacco usati. L'Ucraina riceverà dodici elicotteri.",
        ("UKR", "DEU"),
    ),
    (
        "tr",
        "Rusya yeni taarruz helikopteri teklifini duyurdu. Türkiye on iki helikopter alacak.",
        ("TUR", "RUS"),
    ),
    (
        "pl",
        "Francja zaproponowała kilka typów atakujących dronów. Ukraina otrzyma dwanaście haubic.",
        ("UKR", "FRA"),
    ),
    (
        "fr",
        "L'Espagne a proposé des missiles de frappe récents. Le Maroc recevra douze missiles.",
        ("MAR", "ESP"),
    ),
    (
        "fr",
        "La France a promis des armes offensives récentes. L'Ukraine recevra douze canons.",
        ("UKR", "FRA"),
    ),
]


@pytest.mark.parametrize(
    ("lang", "body", "pair"),
    WAR_WORDS_NO_ATTACK,
    ids=[f"{w[0]}-{i}" for i, w in enumerate(WAR_WORDS_NO_ATTACK)],
)
def test_war_nouns_and_weapon_types_are_no_attack(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str]
) -> None:
    assert pairs(tagger, rules, lang, body) == {pair}
