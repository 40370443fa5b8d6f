"""Issue 13, session 31 (Arabic, German, Polish, Russian, Ukrainian, Turkish): a state body
named with its state's adjective stands for the state, German verb-second order and approval
idioms, arms "against" a state, Arabic vowel signs, and status words of this round. Every
sentence here is our own."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from tests.transforms.test_status_languages import statuses
from worker.transforms.rules import RuleSet
from worker.transforms.rules.text import SENT_TOKEN, bare
from worker.transforms.tag import Tagger

PAIRS = [
    # A state body with the state's adjective is the state: in Arabic the body comes first
    # ("the Moroccan army", "the Russian government"), in German, Polish, Russian and Ukrainian
    # the adjective usually does ("der dänischen Marine", "ukraińskiej armii")
    ("ar", "تسلم الجيش المغربي دبابات أمريكية حديثة.", {("MAR", "USA")}),
    ("ar", "سلمت الحكومة الروسية القوات البحرية الهندية فرقاطة جديدة.", {("IND", "RUS")}),
    ("de", "Im Sommer liefert Frankreich der dänischen Marine zwei Fregatten.", {("DNK", "FRA")}),
    (
        "pl",
        "Polska pomaga Ukrainie: przekazane ukraińskiej armii haubice są już na froncie.",
        {("UKR", "POL")},
    ),
    ("ru", "Помогая Украине, Польша передала украинской армии гаубицы.", {("UKR", "POL")}),
    (
        "uk",
        "Польща допомагає Україні: передані українській армії гаубиці вже на фронті.",
        {("UKR", "POL")},
    ),
    # Arabic "بدأت" (began) is a verb of starting, not of selling
    ("ar", "بدأت القوات المصرية تدريبات بالأسلحة الثقيلة مع الجيش السعودي.", set()),
    # Arabic: two states as the subject of a contract "to buy": the first named buys
    ("ar", "وقعت الأردن وفرنسا أمس عقدا لشراء مدافع هاوتزر.", {("JOR", "FRA")}),
    # Arabic: the partner "with" whom a state agrees on buying sells
    ("ar", "توصل الأردن إلى تفاهم مع فرنسا بشأن شراء مدافع هاوتزر.", {("JOR", "FRA")}),
    # Arabic vowel signs are optional: a shadda inside the verb, tanween on an adverb between
    # the verb and its subject, a tatweel stroke
    ("ar", "تسلّمت مصر طائرات مقاتلة من فرنسا.", {("EGY", "FRA")}),
    ("ar", "تسلمت مصر رسمياً طائرات مقاتلة من فرنسا.", {("EGY", "FRA")}),
    ("ar", "تسـلمت مصر طائرات مقاتلة من فرنسا.", {("EGY", "FRA")}),
    # German verb second: after an opening adverbial the subject follows the verb, then the dative
    ("de", "Im Frühjahr liefert Schweden Polen mehrere Kampfflugzeuge.", {("POL", "SWE")}),
    # "in X gekauft": the country where the arms were bought sold them
    (
        "de",
        "Vor Jahren hat Österreich Munition für seine Haubitzen in Norwegen gekauft.",
        {("AUT", "NOR")},
    ),
    # "zwischen X und C": two states in a relation (talks, tensions) are neither seller nor buyer
    (
        "de",
        "Trotz des Streits zwischen Rom und Wien liefert Italien Rumänien neue Panzer.",
        {("ROU", "ITA")},
    ),
    # German verbs: the subjunctive of reported speech, "beliefern" (supply someone with), and
    # "bezogen" from a maker named by its state's adjective (the buyer in another sentence)
    (
        "de",
        "Nach Angaben des Ministeriums erhalte Marokko Haubitzen aus Frankreich.",
        {("MAR", "FRA")},
    ),
    ("de", "Norwegen will Estland mit Raketenwerfern beliefern.", {("EST", "NOR")}),
    (
        "de",
        "Finnland kauft Luftabwehrsysteme. Das System wird von einem schwedischen Hersteller"
        " bezogen.",
        {("FIN", "SWE")},
    ),
    # Polish: the masculine and plural past of "dostarczyć" (to deliver) supply too
    ("pl", "Statek dostarczył do Estonii kolejne włoskie haubice.", {("EST", "ITA")}),
    # "with the support of X", "within X's aid": the helper supplies (it stands between the
    # buyer and the verb of receiving, nearer the verb)
    ("uk", "Латвія за підтримки Данії отримала нові гаубиці.", {("LVA", "DNK")}),
    ("ru", "Латвия при поддержке Дании получила новые гаубицы.", {("LVA", "DNK")}),
    # the arms after "against" with a state's adjective are the enemy's: no supply
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


@pytest.mark.parametrize(
    ("lang", "body", "expected"),
    PAIRS,
    ids=lambda x: str(sorted(x) if isinstance(x, set) else x)[:24],
)
def test_pairs_read_this_round(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == expected


STATUSES = [
    # German idioms of a government letting an export go ahead: approvals (agreed); the
    # "nicht" of "nicht länger im Weg" is part of the idiom, not a refusal
    ("de", "Die Bundesregierung hat den Export von Haubitzen an Kroatien zugelassen.", "agreed"),
    (
        "de",
        "Die Bundesregierung gab grünes Licht für die Lieferung von Haubitzen an Kroatien.",
        "agreed",
    ),
    (
        "de",
        "Die Bundesregierung steht der Lieferung von Haubitzen an Kroatien nicht länger im Weg.",
        "agreed",
    ),
    # Arabic: the present of receiving in a headline is a delivery, a contract an order, giving
    # up a deal a cancellation
    ("ar", "الأردن تتسلم مدافع هاوتزر من فرنسا", "delivered"),
    ("ar", "وقع الأردن عقدا مع فرنسا لشراء مدافع هاوتزر.", "ordered"),
    ("ar", "تخلت الأردن عن الصفقة مع فرنسا لشراء مدافع هاوتزر.", "cancelled"),
    # Polish "umowa na ..." (a contract for) and "umowa o wartości" (a contract worth) are an
    # order in any case form of "umowa" (a phrase is read as the status reader reads its
    # words); an agreement on cooperation stays agreed
    ("pl", "Umowę na 40 szwedzkich haubic dla Estonii podpisano w piątek.", "ordered"),
    ("pl", "Estonia podpisała umowę o wartości 200 mln euro na szwedzkie haubice.", "ordered"),
    ("pl", "Estonia podpisała ze Szwecją umowę o współpracy przy zakupie haubic.", "agreed"),
    # Russian: the genitive of "поставки" (of deliveries) tells no delivery by itself;
    # withdrawing from an agreement ("выходит из соглашения") cancels it
    (
        "ru",
        "Начались переговоры между Россией и Вьетнамом о расширении поставок российских танков.",
        "talks",
    ),
    ("ru", "Вьетнам выходит из соглашения с Россией о покупке танков.", "cancelled"),
]


@pytest.mark.parametrize(
    ("lang", "body", "status"),
    STATUSES,
    ids=lambda x: str(sorted(x) if isinstance(x, set) else x)[:24],
)
def test_status_words_this_round(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, status: str
) -> None:
    got = statuses(tagger, rules, lang, body)
    assert len(got) == 1 and set(got.values()) == {status}, got


def test_a_token_keeps_its_vowel_signs_and_bare_drops_them() -> None:
    toks = SENT_TOKEN.findall("ورّدت رسمياً go-ahead")
    assert toks == ["ورّدت", "رسمياً", "go", "-", "ahead"]
    assert [bare(t) for t in toks] == ["وردت", "رسميا", "go", "-", "ahead"]
