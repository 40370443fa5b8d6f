"""Weapon designations as the press writes them: variant suffixes in Cyrillic, Arabic spellings,
a system named by a generic word plus a name that alone is a common word, and systems the table
gained from the real-report dev set (2026-12-06). Sentences are our own; each test fails
without the table entry it names."""

from __future__ import annotations

import pytest

from worker.model import Article
from worker.transforms.gazetteer import load_gazetteer
from worker.transforms.tag import Tagger


def weapons(tagger: Tagger, body: str) -> set[str]:
    return set(tagger.tag(Article(id="w", title="", body=body)).ids("weapon"))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Cyrillic variant suffixes: the export letters stay glued to the designation
        ("Вьетнам получил ещё четыре Су-30МК2.", "su-30"),
        ("Армия заказала вертолёты Ми-171Ш для десанта.", "mi-17"),
        ("Индия собирает Ка-226Т по лицензии.", "ka-226"),
        ("ВВС получили танкер Ил-78М.", "il-78"),
        # a ship class named by its project number
        ("Флот примет фрегат проекта 11356 в этом году.", "admiral-grigorovich-class"),
        # Arabic spellings of Latin letters
        ("تسلمت القوات الجوية طائرة تدريب إل-15 جديدة.", "l-15"),
        ("وقعت الحكومة على شراء مقاتلات جيه-10 سي.", "j-10"),
        ("صواريخ سايد فيندر قصيرة المدى.", "aim-9-sidewinder"),
    ],
)
def test_local_spellings(tagger: Tagger, body: str, expected: str) -> None:
    assert expected in weapons(tagger, body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("L'armée italienne achète des missiles Spike pour ses hélicoptères.", "spike-missile"),
        ("Atenas recibirá la primera fragata FDI en primavera.", "fdi-frigate"),
        ("Le régiment aligne douze systèmes Caesar.", "caesar-howitzer"),
        ("O Exército encomendou mais blindados Guarani.", "guarani"),
    ],
)
def test_generic_word_plus_a_name_that_alone_is_common(
    tagger: Tagger, body: str, expected: str
) -> None:
    assert expected in weapons(tagger, body)


@pytest.mark.parametrize(
    "body",
    [
        "Spike Lee directed the film in Brooklyn.",
        "FDI inflows rose by a tenth last year.",
        "Guarani is spoken widely in Paraguay.",
        "Lupo is the family's dog.",
    ],
)
def test_the_common_word_alone_is_no_weapon(tagger: Tagger, body: str) -> None:
    assert not weapons(tagger, body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Hanoi took delivery of a fourth Gepard-3.9 frigate.", "gepard-3-9"),
        ("Ottawa cleared more LAV III vehicles for export.", "lav-3"),
        ("The navy commissioned its second OPV 58S patrol vessel.", "opv-58s"),
        ("Manila will buy more Shaldag Mk V fast patrol boats.", "shaldag-mk-v"),
        ("Tokyo may transfer six Abukuma-class destroyers.", "abukuma-class"),
        ("The ministry ordered 18 AW-169M helicopters.", "aw169"),
    ],
)
def test_systems_added_from_the_dev_reports(tagger: Tagger, body: str, expected: str) -> None:
    assert expected in weapons(tagger, body)


def test_the_german_gepard_stays_apart_from_the_russian_frigate(tagger: Tagger) -> None:
    assert weapons(tagger, "Berlin sent more Flakpanzer Gepard to Kyiv.") == {"gepard"}


def test_the_fighter_in_the_plural_but_not_the_storms(tagger: Tagger) -> None:
    assert weapons(tagger, "Doha signed for 24 more Typhoons last year.") == {"eurofighter-typhoon"}
    assert not weapons(tagger, "Two typhoons struck the coast in one week.")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Die Ukraine kauft 21 Panzerhaubitzen 2000.", "pzh-2000"),
        ("تسلمت الجزائر غواصتين من مشروع “636 فارشافيانكا” من روسيا", "kilo-class"),
        ("سمحت واشنطن ببيع نظام “ثاد” للسعودية", "thaad"),
        ("Ukraina kupuje polskie Kraby za miliardy.", "ahs-krab"),
        ("Kuveyt, 18 adet Typhoon tipi uçak satın alacak.", "eurofighter-typhoon"),
        ("La Armada recibió tres patrulleras clase Island de EEUU.", "island-class"),
        ("Литва передала машини М577 Україні.", "m577"),
        ("Czesi otrzymają czołgi Leopard od Niemiec.", "leopard-2"),
        ("Schweden liefert das Artilleriesystem Archer.", "archer"),
        ("O Brasil comprou o HMS Bulwark ao Reino Unido.", "albion-class"),
        ("Tunis took the first OH-58D Kiowa scouts from the US Army.", "oh-58-kiowa"),
        ("The police were issued MPT-76 rifles made in Turkey.", "mpt-76"),
        ("Nairobi is to get eight refurbished Hueys next year.", "uh-1-huey"),
    ],
)
def test_local_spellings_and_plurals_of_systems(tagger: Tagger, body: str, expected: str) -> None:
    # the local press's spelling, plural or "kind of arm + name" form (worker/data/gazetteer/
    # weapons_local.yaml, evening of 2026-12-06); the bare common word stays no weapon
    assert expected in weapons(tagger, body)


@pytest.mark.parametrize(
    "body",
    ["Rybacy złowili dwa kraby przy brzegu.", "Ein Archer traf die Scheibe dreimal."],
)
def test_the_crab_and_the_bowman_are_no_weapons(tagger: Tagger, body: str) -> None:
    assert not weapons(tagger, body)


def test_the_german_common_word_for_a_tracked_howitzer_names_no_make(tagger: Tagger) -> None:
    # "Panzerhaubitze" is any self-propelled howitzer; only beside "2000" or "PzH" the German one
    body = "Die Slowakei übergab Kroatien acht Panzerhaubitzen der Marke Zuzana."
    assert "pzh-2000" not in weapons(tagger, body)
    assert weapons(tagger, "Kroatien erhielt zwölf Panzerhaubitzen PzH aus Deutschland.") == {
        "pzh-2000"
    }


# Late night of 2026-12-06: a variant suffix in Cyrillic capitals folds to its base, as a Latin
# one does; the Soviet-lineage families in Cyrillic; Turkish kind words with case endings
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Минобороны приняло партию танков Т-72Б3М.", "t-72"),
        ("Алжир ждёт новые истребители Су-30СМЭ.", "su-30"),
        ("На параде показали МиГ-29СМТ и Су-24М.", "mig-29"),
        ("Таїланд отримав партію БТР-3Е1 з Києва.", "btr-3"),
        ("Джакарта відмовилася від бронетранспортерів БТР-4Е1.", "btr-4"),
        ("Tajlandia zamówiła transportery BTR-3E1 na Ukrainie.", "btr-3"),
        ("Кабул получит гаубицы 2С1 Гвоздика.", "2s1-gvozdika"),
        ("Армия получила реактивные системы БМ-21 Град.", "bm-21-grad"),
        ("Флот заказал ракеты Х-35У для береговой обороны.", "kh-35"),
        ("Дели отказался от вертолётов Ка-31 для флота.", "ka-27"),
        ("Швеція надасть Україні установки Archer.", "archer"),
        ("Manila iki Atak helikopterini teslim aldı.", "t129-atak"),
        ("Cakarta, İstif sınıfının iki gemisini alacak.", "istif-class"),
        ("Ankara, Ada sınıfı korvetleri ihraç ediyor.", "ada-class"),
        ("تسلمت الدوحة مقاتلات تايفون من لندن.", "eurofighter-typhoon"),
        # English: the name beside a word of its kind other than "helicopter"
        ("Congress cleared the sale of Apache gunships to Rabat.", "ah-64-apache"),
        ("Baghdad will get more Caracal aircraft for its army.", "h225m-caracal"),
    ],
)
def test_cyrillic_variants_and_local_family_names(tagger: Tagger, body: str, expected: str) -> None:
    assert expected in weapons(tagger, body)


@pytest.mark.parametrize(
    "body",
    [
        "Санитарная авиация получила два Ми-171А2.",  # the civil model, in Cyrillic letters
        "Грузовой Ил-76ТФ приземлился в Омске.",
        "Над городом прошёл град, потом ураган.",  # hail and hurricane are weather
        "Osmanlı ordusu atak yaptı, Altay dağlarında.",  # attack and the mountains
        "The Apache nation and a caracal (a wild cat) met nobody.",
    ],
)
def test_civil_models_and_ordinary_words_stay_no_weapon(tagger: Tagger, body: str) -> None:
    assert not weapons(tagger, body)


@pytest.mark.parametrize(
    "body",
    [
        "Солнцепёк ожидается в выходные, до плюс тридцати пяти.",  # the blazing sun
        "Солнцепек и духота: синоптики дали прогноз на неделю.",
        "ضرب إعصار تايفون الساحل الشرقي وأغرق عدة قرى.",  # a weather typhoon
        "Ada sınıfı oteller ve pansiyonlar yazın doluyor.",  # an island's class of hotels
    ],
)
def test_local_weapon_names_that_are_words_need_their_weapon(tagger: Tagger, body: str) -> None:
    # "Солнцепёк", "تايفون" and "Ada sınıfı" are weather or places too: a weapon only beside the
    # designation or a word of its kind
    assert not weapons(tagger, body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Армия получила новые огнемётные системы «Солнцепёк».", "tos-1"),
        ("ТОС-1А «Солнцепек» поставлены в Ирак.", "tos-1"),
        ("تسلمت القوات الجوية مقاتلات تايفون جديدة.", "eurofighter-typhoon"),
        ("اشترت قطر طائرات تايفون من بريطانيا.", "eurofighter-typhoon"),
        ("Ukrayna için Ada sınıfı korvet inşa ediliyor.", "ada-class"),
        ("Pakistan, Ada sınıfı dört korveti teslim aldı.", "ada-class"),
    ],
)
def test_local_weapon_names_with_their_weapon_word_are_read(
    tagger: Tagger, body: str, expected: str
) -> None:
    assert expected in weapons(tagger, body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the class word before the lead ship's name, in the Romance languages and Polish;
        # "type" as well as "class"
        ("La Armada incorporará dos fragatas de la clase Adelaide usadas.", "adelaide-class"),
        ("Il governo valuta due sottomarini classe Gotland dalla Svezia.", "gotland-class"),
        ("O país encomendou três submarinos tipo Scorpène à França.", "scorpene"),
        ("Marynarka rozważa zakup okrętów klasy Visby.", "visby-class"),
        ("Flota chce dwa okręty typu Borei.", "borei-class"),
        ("La Marina potrebbe acquistare corvette tipo Steregushchiy.", "steregushchiy-class"),
        # the class word after the name: German compound, Turkish with its case endings
        ("Die Werft liefert zwei U-Boote der Dolphin-Klasse aus.", "dolphin-class"),
        ("Donanma Astute sınıfının iki denizaltısını inceledi.", "astute-class"),
    ],
)
def test_a_ship_class_named_in_the_languages_word_order(
    tagger: Tagger, body: str, expected: str
) -> None:
    assert expected in weapons(tagger, body)


@pytest.mark.parametrize(
    "body",
    [
        # "of the type X" is said of any arms: a missile named like a ship class stays no ship
        "L'accord porte sur des missiles sol-air de type Mistral.",
        # a class named by one letter ("M-class") is no ship after or before the class word:
        # a car's model; nor "type" before a class named by a word, a make or a place
        "Chile compró camionetas Mercedes-Benz Clase M para su ejército.",
        "Die Schweiz kaufte Autos der M-Klasse für ihre Armee.",
        "L'armée a reçu des voitures Mercedes classe M.",
        "Argentina compró camionetas tipo Ford para su ejército.",
        "El ejército alquiló oficinas tipo City en el centro.",
        "Se vendieron granjas tipo Virginia en la región.",
    ],
)
def test_the_type_word_before_a_name_of_other_arms_is_no_ship_class(
    tagger: Tagger, body: str
) -> None:
    assert "mistral-class" not in weapons(tagger, body)
    assert not weapons(tagger, body) - {"mistral-missile"}


def test_a_type_word_before_a_plain_class_name_still_reads() -> None:
    # the guard leaves a name of several words or an unusual one ("tipo Karel Doorman") as it was
    g = load_gazetteer()
    forms = {a.text: a for a in g.aliases.values() if a.source == "class forms"}
    assert {"tipo Karel Doorman", "typu Borei", "tipo Scorpène", "clase Virginia"} <= set(forms)
    assert not forms["tipo Karel Doorman"].keep_if
    assert forms["tipo Ford"].keep_if and forms["tipo Kilo"].keep_if  # words: a ship near
    assert not {"tipo Jin", "clase M", "M Klasse"} & set(forms)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a class named by a word keeps its "type" form beside a ship noun
        ("La Marina recibió dos submarinos tipo Kilo de Rusia.", "kilo-class"),
        ("Colombia incorporó patrulleros tipo Island donados por Estados Unidos.", "island-class"),
    ],
)
def test_a_type_word_before_a_word_class_name_reads_beside_a_ship(
    tagger: Tagger, body: str, expected: str
) -> None:
    assert expected in weapons(tagger, body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # systems the table gained on 2026-12-07 (morning), in our own sentences; a variant
        # suffix or another member of the family names the same system
        ("Three AS532 Cougar helicopters went to the air force.", "super-puma"),
        ("The navy retired its last SH-3H airframes.", "sea-king"),
        ("A flight school will get four SF-260EA trainers.", "sf-260"),
        ("The ministry signed for fifty M1117 Guardian vehicles.", "m1117"),
        ("The army tested the HIZIR and two other 4x4 designs.", "hizir"),
        ("Two Vasily Bykov-class ships are to be sold abroad.", "project-22160"),
        ("Roketsan delivered a TRG-300 battery.", "trg-300"),
        ("La Grèce a choisi la frégate de défense et d'intervention.", "fdi-frigate"),
        ("Armia otrzymała dwa śmigłowce Mi-17Sz.", "mi-17"),
    ],
)
def test_systems_the_table_gained_from_the_dev_weapon_errors(
    tagger: Tagger, body: str, expected: str
) -> None:
    assert expected in weapons(tagger, body)


def test_the_name_hizir_alone_is_no_vehicle(tagger: Tagger) -> None:
    # a given name in Turkish: only the maker's capitals or the vehicle's class name it
    assert "hizir" not in weapons(tagger, "Hızır Bey bu sabah köye döndü.")


@pytest.mark.parametrize(
    "body",
    [
        # the civil Super Pumas fly for oil firms and rescue services: no weapon, so their
        # maker's state is no seller; the military ones (AS532 Cougar, H215M) stay the weapon
        "Brazil's oil company bought AS332L Super Puma helicopters for its offshore platforms.",
        "Norway's rescue service bought H215 helicopters for offshore search and rescue.",
        "An offshore operator leased two AS332L2 airframes.",
    ],
)
def test_civil_super_pumas_are_no_weapon(tagger: Tagger, body: str) -> None:
    assert "super-puma" not in weapons(tagger, body)


def test_military_super_pumas_stay_the_weapon(tagger: Tagger) -> None:
    assert "super-puma" in weapons(tagger, "The air force ordered eight H215M helicopters.")
    assert "super-puma" in weapons(tagger, "The navy flies the Super Puma.")


# Tenth stop (2026-12-07): a system named as the local press writes it, found among correct
# pairs whose weapon was left empty: the Turkish vehicle's second generation by its name
# alone, the Korean air defence's export name spelled out in Arabic, and the Australian vehicle
# in Cyrillic with the endings Ukrainian and Russian give it
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Bükreş, Cobra II araçlarının ikinci partisini teslim aldı.", "otokar-cobra"),
        ("وقعت بغداد عقدا لشراء منظومة كام سام الكورية.", "cheongung"),
        ("Канберра передасть Києву ще двадцять Бушмастерів.", "bushmaster-pmv"),
        ("Украина получила первые Бушмастеры из Австралии.", "bushmaster-pmv"),
    ],
)
def test_local_names_of_systems_the_table_holds(tagger: Tagger, body: str, expected: str) -> None:
    assert expected in weapons(tagger, body)


# Review fix (tenth stop): the Turkish vehicle's bare second-generation name is also the name of
# a 2003 military operation and a nickname for helicopter gunships; alone it tags nothing, and a
# word for the vehicle or its maker in the sentence still brings it back
@pytest.mark.parametrize(
    "body",
    [
        "Operation Cobra II opened the campaign that spring.",
        "The Cobra II gunships hovered over the valley.",
    ],
)
def test_bare_cobra_two_is_not_the_turkish_vehicle(tagger: Tagger, body: str) -> None:
    assert "otokar-cobra" not in weapons(tagger, body)


def test_cobra_two_beside_a_vehicle_word_stays_the_turkish_vehicle(tagger: Tagger) -> None:
    assert "otokar-cobra" in weapons(tagger, "Bucharest took 40 more Cobra II vehicles.")


# Review fix (tenth stop): the Cyrillic singular also names the American 30 mm cannon, so alone
# it is no Australian vehicle; with a word for an armoured car, it still is
def test_cyrillic_bushmaster_cannon_is_not_the_vehicle(tagger: Tagger) -> None:
    assert "bushmaster-pmv" not in weapons(tagger, "На катер поставили пушку Бушмастер.")
    assert "bushmaster-pmv" not in weapons(tagger, "Катера вооружены пушками Бушмастер.")
    assert "bushmaster-pmv" in weapons(tagger, "Киев получил бронеавтомобиль Бушмастер.")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # (eleventh stop) the Kilo class by its project number and its Russian name as the
        # Latin-script press writes them
        ("Le Viêt Nam attend deux sous-marins du projet 636 de Russie.", "kilo-class"),
        ("Vietnam esperaba dos submarinos del proyecto 636 rusos.", "kilo-class"),
        ("Wietnam odebrał okręty podwodne projektu 636 z Rosji.", "kilo-class"),
        ("L'Algérie exploite des sous-marins Varchavianka depuis 2010.", "kilo-class"),
        # the Sukhoi fighters by the maker's name and the number alone, and in Spanish spelling
        ("Perú evalúa comprar cazas Sujoi 30 a Rusia.", "su-30"),
        ("Indonesien will weitere Suchoi 35 bestellen.", "su-35"),
        ("El gobierno anunció la compra de aviones Sukhoi 35 rusos.", "su-35"),
        # a lettered variant of the Mirage F1
        ("Аргентина покупает истребители Mirage F1M.", "mirage-f1"),
        # the Arabic Sukhoi with spaces round the dash
        ("تسلمت الجزائر مقاتلات سو – 30 من روسيا.", "su-30"),
    ],
)
def test_local_spellings_of_the_eleventh_stop(tagger: Tagger, body: str, expected: str) -> None:
    assert expected in weapons(tagger, body)
