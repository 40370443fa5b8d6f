"""Issue 13, session 31 (Arabic, German, Polish, Russian, Ukrainian, Turkish): a state body
named with its state's adjective stands for the state, and other readings of this round. Every
sentence here is our own."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from tests.transforms.test_status_languages import statuses
from worker.transforms.rules import RuleSet
from worker.transforms.rules.text import SENT_TOKEN, bare
from worker.transforms.tag import Tagger

# Arabic: the body comes first and the state's adjective after it ("the Moroccan army", "the
# Egyptian naval forces", "the Russian side"): the adjective is the party, as a name would be.
HOLDERS = [
    ("ar", "تسلم الجيش المغربي دبابات أمريكية حديثة.", {("MAR", "USA")}),
    ("ar", "سلمت الحكومة الروسية القوات البحرية الهندية فرقاطة جديدة.", {("IND", "RUS")}),
    # Polish, Russian, Ukrainian: the adjective usually comes first; the arms handed "to the
    # Ukrainian army" right after the participle go to Ukraine
    (
        "pl",
        "Polska pomaga Ukrainie: przekazane ukraińskiej armii haubice są już na froncie.",
        {("UKR", "POL")},
    ),
    (
        "ru",
        "Помогая Украине, Польша передала украинской армии гаубицы.",
        {("UKR", "POL")},
    ),
    (
        "uk",
        "Польща допомагає Україні: передані українській армії гаубиці вже на фронті.",
        {("UKR", "POL")},
    ),
]


@pytest.mark.parametrize(("lang", "body", "expected"), HOLDERS, ids=lambda x: str(x)[:20])
def test_a_state_body_with_the_state_adjective_is_the_state(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == expected


# Arabic "بدأت" (began) is a verb of starting, not of selling: troops of a state that begin an
# exercise with their weapons supply no one.
def test_arabic_began_is_no_sale(tagger: Tagger, rules: RuleSet) -> None:
    body = "بدأت القوات المصرية تدريبات بالأسلحة الثقيلة مع الجيش السعودي."
    assert pairs(tagger, rules, "ar", body) == set()


# German puts the state's adjective before the body ("der dänischen Marine"): the same reading.
def test_german_adjective_before_the_body_is_the_state(tagger: Tagger, rules: RuleSet) -> None:
    body = "Im Sommer liefert Frankreich der dänischen Marine zwei Fregatten."
    assert pairs(tagger, rules, "de", body) == {("DNK", "FRA")}


# German verb second: after an opening adverbial the subject follows the verb, then the dative.
def test_german_verb_second_subject_then_dative(tagger: Tagger, rules: RuleSet) -> None:
    body = "Im Frühjahr liefert Schweden Polen mehrere Kampfflugzeuge."
    assert pairs(tagger, rules, "de", body) == {("POL", "SWE")}


# "in X gekauft": the country where the arms were bought sold them.
def test_german_bought_in_a_country(tagger: Tagger, rules: RuleSet) -> None:
    body = "Vor Jahren hat Österreich Munition für seine Haubitzen in Norwegen gekauft."
    assert pairs(tagger, rules, "de", body) == {("AUT", "NOR")}


# "zwischen X und C": two states in a relation (talks, tensions) are neither seller nor buyer.
def test_german_between_two_states_is_no_role(tagger: Tagger, rules: RuleSet) -> None:
    body = "Trotz des Streits zwischen Rom und Wien liefert Italien Rumänien neue Panzer."
    assert pairs(tagger, rules, "de", body) == {("ROU", "ITA")}


GERMAN_WORDS = [
    # reported speech: the subjunctive of "erhalten"
    ("Nach Angaben des Ministeriums erhalte Marokko Haubitzen aus Frankreich.", {("MAR", "FRA")}),
    # "beliefern": to supply someone with something
    ("Norwegen will Estland mit Raketenwerfern beliefern.", {("EST", "NOR")}),
    # obtained from a maker named by its state's adjective; the buyer is in another sentence
    (
        "Finnland kauft Luftabwehrsysteme. Das System wird von einem schwedischen Hersteller"
        " bezogen.",
        {("FIN", "SWE")},
    ),
]


@pytest.mark.parametrize(("body", "expected"), GERMAN_WORDS, ids=lambda x: str(x)[:30])
def test_german_verbs_of_receiving_and_supplying(
    tagger: Tagger, rules: RuleSet, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, "de", body) == expected


# The arms named after "against" (or "intercepting") with a state's adjective are the enemy's:
# that state supplies nothing.
AGAINST = [
    (
        "uk",
        "Україна отримала від Норвегії зенітні ракети проти російських літаків.",
        {("UKR", "NOR")},
    ),
    (
        "ru",
        "Украина получила от Норвегии зенитные ракеты против российских самолётов.",
        {("UKR", "NOR")},
    ),
]


@pytest.mark.parametrize(("lang", "body", "expected"), AGAINST, ids=lambda x: str(x)[:20])
def test_arms_against_a_state_are_not_its_supply(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == expected


# Arabic vowel signs are optional: a shadda inside the verb, tanween on an adverb between the
# verb and its subject, or a tatweel stroke read as if they were not written.
ARABIC_SIGNS = [
    "تسلّمت مصر طائرات مقاتلة من فرنسا.",
    "تسلمت مصر رسمياً طائرات مقاتلة من فرنسا.",
    "تسـلمت مصر طائرات مقاتلة من فرنسا.",
]


@pytest.mark.parametrize("body", ARABIC_SIGNS, ids=lambda x: x)
def test_arabic_vowel_signs_do_not_split_a_word(tagger: Tagger, rules: RuleSet, body: str) -> None:
    assert pairs(tagger, rules, "ar", body) == {("EGY", "FRA")}


def test_a_token_keeps_its_vowel_signs_and_bare_drops_them() -> None:
    toks = SENT_TOKEN.findall("ورّدت رسمياً go-ahead")
    assert toks == ["ورّدت", "رسمياً", "go", "-", "ahead"]
    assert [bare(t) for t in toks] == ["وردت", "رسميا", "go", "-", "ahead"]


# Polish: the masculine and plural past of "dostarczyć" (to deliver) are verbs of supplying too.
def test_polish_delivered_by_a_ship(tagger: Tagger, rules: RuleSet) -> None:
    body = "Statek dostarczył do Estonii kolejne włoskie haubice."
    assert pairs(tagger, rules, "pl", body) == {("EST", "ITA")}


# German idioms of a government letting an export go ahead read as an approval (agreed):
# "zugelassen", "grünes Licht", and "nicht länger im Weg stehen", whose "nicht" is part of the
# idiom, not a refusal.
GERMAN_APPROVALS = [
    "Die Bundesregierung hat den Export von Haubitzen an Kroatien zugelassen.",
    "Die Bundesregierung gab grünes Licht für die Lieferung von Haubitzen an Kroatien.",
    "Die Bundesregierung steht der Lieferung von Haubitzen an Kroatien nicht länger im Weg.",
]


@pytest.mark.parametrize("body", GERMAN_APPROVALS, ids=lambda x: x[:40])
def test_german_approval_idioms(tagger: Tagger, rules: RuleSet, body: str) -> None:
    got = statuses(tagger, rules, "de", body)
    assert set(got.values()) == {"agreed"}, got


# Arabic status words: the present of receiving in a headline is a delivery, a contract is an
# order (an agreement stays agreed), giving up a deal cancels it.
ARABIC_STATUS = [
    ("الأردن تتسلم مدافع هاوتزر من فرنسا", "delivered"),
    ("وقع الأردن عقدا مع فرنسا لشراء مدافع هاوتزر.", "ordered"),
    ("تخلت الأردن عن الصفقة مع فرنسا لشراء مدافع هاوتزر.", "cancelled"),
]


@pytest.mark.parametrize(("body", "status"), ARABIC_STATUS, ids=lambda x: str(x)[:30])
def test_arabic_status_words(tagger: Tagger, rules: RuleSet, body: str, status: str) -> None:
    assert statuses(tagger, rules, "ar", body) == {("JOR", "FRA"): status}


# Polish "umowa na ..." (a contract for) and "umowa o wartości" (a contract worth) are an order,
# in any case form of "umowa" (the phrase is read as the status reader reads its words); an
# agreement on cooperation stays agreed.
POLISH_CONTRACTS = [
    ("Umowę na 40 szwedzkich haubic dla Estonii podpisano w piątek.", "ordered"),
    ("Estonia podpisała umowę o wartości 200 mln euro na szwedzkie haubice.", "ordered"),
    ("Estonia podpisała ze Szwecją umowę o współpracy przy zakupie haubic.", "agreed"),
]


@pytest.mark.parametrize(("body", "status"), POLISH_CONTRACTS, ids=lambda x: str(x)[:30])
def test_polish_contract_for_is_an_order(
    tagger: Tagger, rules: RuleSet, body: str, status: str
) -> None:
    assert statuses(tagger, rules, "pl", body) == {("EST", "SWE"): status}


# Russian: the genitive of the noun "поставки" (deliveries) tells no delivery by itself ("talks
# on more deliveries"); withdrawing from an agreement ("выходит из соглашения") cancels it.
RUSSIAN_STATUS = [
    (
        "Начались переговоры между Россией и Вьетнамом о расширении поставок российских танков.",
        "talks",
    ),
    ("Вьетнам выходит из соглашения с Россией о покупке танков.", "cancelled"),
]


@pytest.mark.parametrize(("body", "status"), RUSSIAN_STATUS, ids=lambda x: str(x)[:30])
def test_russian_status_words(tagger: Tagger, rules: RuleSet, body: str, status: str) -> None:
    assert statuses(tagger, rules, "ru", body) == {("VNM", "RUS"): status}


# Arabic: two states as the subject of a contract "to buy": the first named buys from the second.
def test_arabic_two_states_sign_a_contract_to_buy(tagger: Tagger, rules: RuleSet) -> None:
    body = "وقعت الأردن وفرنسا أمس عقدا لشراء مدافع هاوتزر."
    assert pairs(tagger, rules, "ar", body) == {("JOR", "FRA")}
