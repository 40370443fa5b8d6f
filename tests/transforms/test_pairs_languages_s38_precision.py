"""Ten-language wrong pairs, 2026-12-07 (tenth stop). Every sentence is our own, written for
these tests."""

from __future__ import annotations

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger


def test_arabic_bare_nisba_after_the_arms_is_no_buyer(tagger: Tagger, rules: RuleSet) -> None:
    # "the supply of Russian tanks" after an indefinite noun: the nisba has no article, and it is
    # the tanks' origin, not the state supplied (it was read as the buyer, the pair reversed)
    body = "وقع العراق وروسيا اتفاقا جديدا بشأن توريد دبابات روسية."
    assert pairs(tagger, rules, "ar", body) == {("IRQ", "RUS")}


def test_arabic_supply_to_a_named_state_stays(tagger: Tagger, rules: RuleSet) -> None:
    # the name after "to", and an origin with the article: read as before
    body = "وافقت روسيا على توريد دبابات للعراق."
    assert pairs(tagger, rules, "ar", body) == {("IRQ", "RUS")}
    body = "تسلمت مصر غواصة ألمانية."
    assert pairs(tagger, rules, "ar", body) == {("EGY", "DEU")}


VETOES = [
    # a third state vetoes another's purchase (its parts inside, an ally's deal): no buyer
    ("es", "Estados Unidos vetó la compra de aviones checos."),
    ("pt", "Os Estados Unidos vetaram a compra de aviões checos."),
    ("it", "Gli Stati Uniti hanno posto il veto all'acquisto di aerei cechi."),
    ("pl", "Stany Zjednoczone zawetowały zakup czeskich samolotów."),
]

OWN_STOPS = [
    # a buyer that suspends or buys stays the buyer: only a veto is another's
    ("es", "Perú suspendió la compra de tanques rusos.", {("PER", "RUS")}),
    ("pt", "O Peru suspendeu a compra de tanques russos.", {("PER", "RUS")}),
    ("it", "Il Perù ha sospeso l'acquisto di carri armati dalla Russia.", {("PER", "RUS")}),
    ("pl", "Peru zawiesiło zakup rosyjskich czołgów.", {("PER", "RUS")}),
]


def test_a_vetoing_state_is_no_buyer(tagger: Tagger, rules: RuleSet) -> None:
    for lang, body in VETOES:
        assert pairs(tagger, rules, lang, body) == set(), (lang, body)


def test_a_buyer_stopping_or_buying_stays(tagger: Tagger, rules: RuleSet) -> None:
    for lang, body, want in OWN_STOPS:
        assert pairs(tagger, rules, lang, body) == want, (lang, body)


# airliner talk: a sentence with a word of the language's `civil` class and no named weapon
# system sells no arms (Portuguese and Turkish passed before by other guards)
AIRLINERS = [
    ("ar", "طلبت الخطوط الجوية السعودية 65 طائرة ايرباص A320 من فرنسا."),
    ("es", "Colombia compró aviones de pasajeros a Estados Unidos."),
    ("it", "L'Egitto ha acquistato aerei passeggeri dagli Stati Uniti."),
    ("fr", "Le Maroc a acheté des avions de 180 passagers aux États-Unis."),
    ("pl", "Polska kupiła samoloty pasażerskie od Stanów Zjednoczonych."),
    ("ru", "Казахстан купил у России пассажирские самолеты."),
    ("uk", "Україна купила у Франції пасажирські літаки."),
]

COMBAT_AIRCRAFT = [
    ("ar", "طلبت السعودية 65 طائرة رافال من فرنسا.", {("SAU", "FRA")}),
    ("es", "Colombia compró aviones de combate a Suecia.", {("COL", "SWE")}),
    ("pt", "O Brasil comprou aviões de combate da Suécia.", {("BRA", "SWE")}),
    ("it", "L'Egitto ha acquistato aerei da combattimento dalla Francia.", {("EGY", "FRA")}),
    ("fr", "Le Maroc a acheté des avions de combat aux États-Unis.", {("MAR", "USA")}),
    ("pl", "Polska kupiła samoloty bojowe od Stanów Zjednoczonych.", {("POL", "USA")}),
    ("ru", "Казахстан купил у России боевые самолеты.", {("KAZ", "RUS")}),
    ("uk", "Україна купила у Франції бойові літаки.", {("UKR", "FRA")}),
    ("tr", "Azerbaycan, Türkiye'den savaş uçakları satın aldı.", {("AZE", "TUR")}),
]


def test_airliner_talk_is_no_arms_sale(tagger: Tagger, rules: RuleSet) -> None:
    for lang, body in AIRLINERS:
        assert pairs(tagger, rules, lang, body) == set(), (lang, body)


def test_combat_aircraft_still_sold(tagger: Tagger, rules: RuleSet) -> None:
    for lang, body, want in COMBAT_AIRCRAFT:
        assert pairs(tagger, rules, lang, body) == want, (lang, body)


# review fix (tenth stop): a buyer that overcomes, ignores or defies a veto is no vetoer; only
# an auxiliary, a light verb or a determiner may part a vetoing state from its veto
VETO_DEFIED = [
    # the seller from the arms' adjective: the buyer read as a vetoer was left without a pair
    ("it", "Il Cile ha superato il veto e acquista due fregate dall'Italia.", {("CHL", "ITA")}),
    ("es", "Chile supera el veto y compra fragatas italianas.", {("CHL", "ITA")}),
    ("fr", "Le Chili surmonte le veto et achète des frégates italiennes.", {("CHL", "ITA")}),
    ("pt", "O Chile supera o veto e compra fragatas italianas.", {("CHL", "ITA")}),
    ("de", "Chile umgeht das Veto und kauft italienische Fregatten.", {("CHL", "ITA")}),
    ("pl", "Chile omija weto i kupuje włoskie fregaty.", {("CHL", "ITA")}),
    ("ru", "Чили, несмотря на вето, купила итальянские фрегаты.", {("CHL", "ITA")}),
    ("uk", "Чилі обходить вето і купує італійські фрегати.", {("CHL", "ITA")}),
]


def test_a_buyer_defying_a_veto_stays_the_buyer(tagger: Tagger, rules: RuleSet) -> None:
    got = {(lang, body): pairs(tagger, rules, lang, body) for lang, body, _ in VETO_DEFIED}
    assert got == {(lang, body): want for lang, body, want in VETO_DEFIED}


def test_arabic_front_lines_are_no_airline(tagger: Tagger, rules: RuleSet) -> None:
    # review fix (tenth stop): الخطوط alone is any "lines"; only "الخطوط الجوية" is the airline
    body = "باعت ألمانيا دبابات إلى أوكرانيا لنشرها على الخطوط الأمامية."
    assert pairs(tagger, rules, "ar", body) == {("UKR", "DEU")}


def test_arabic_syria_spelled_with_ta_marbuta_is_the_state(tagger: Tagger, rules: RuleSet) -> None:
    # review fix (tenth stop): "سورية" is a spelling of Syria as well as the feminine nisba; as
    # a name of the table it is no bare adjective, and the state after "to" is the buyer
    body = "وقعت الصين عقدا لتوريد طائرات مسيرة إلى سورية."
    assert pairs(tagger, rules, "ar", body) == {("SYR", "CHN")}
