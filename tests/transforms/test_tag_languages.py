"""Country names in ten more languages: the generated tables (worker/data/gazetteer/i18n), their
inflected forms, and the homonyms each language brings. Sentences are our own."""

from __future__ import annotations

import pytest

from worker.model import Article
from worker.transforms.folding import fold_words
from worker.transforms.gazetteer import LANGUAGE_DIR, default_case
from worker.transforms.tag import Tagger, default_tagger

LANGUAGES = ("ar", "de", "es", "fr", "it", "pl", "pt", "ru", "tr", "uk")


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return default_tagger()


def countries(tagger: Tagger, body: str, lang: str | None = None) -> set[str]:
    return set(tagger.tag(Article(id="t", title="", body=body, language=lang)).countries)


def test_every_language_has_a_generated_table() -> None:
    assert sorted(p.stem for p in LANGUAGE_DIR.glob("*.yaml")) == sorted(LANGUAGES)


# --- Names in each language (nominative) --------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Die Türkei hat einen Vertrag mit Russland unterzeichnet.", {"TUR", "RUS"}),
        ("La Turquie a signé un contrat avec la Russie.", {"TUR", "RUS"}),
        ("Polonia firmó un acuerdo con Corea del Sur.", {"POL", "KOR"}),
        ("L'Egitto ha firmato con la Francia.", {"EGY", "FRA"}),
        ("O Brasil assinou um contrato com a Suécia.", {"BRA", "SWE"}),
        ("Polska podpisała umowę z Koreą Południową.", {"POL", "KOR"}),
        ("Турция и Россия подписали соглашение.", {"TUR", "RUS"}),
        ("Німеччина та Україна підписали угоду.", {"DEU", "UKR"}),
        ("Türkiye ve Polonya anlaşma imzaladı.", {"TUR", "POL"}),
        ("وقعت مصر وفرنسا عقدا جديدا.", {"EGY", "FRA"}),
    ],
)
def test_country_names_in_each_language(tagger: Tagger, body: str, expected: set[str]) -> None:
    assert countries(tagger, body) == expected


# --- Inflection, one construction each ------------------------------------------------------------


def test_russian_genitive_and_accusative(tagger: Tagger) -> None:
    assert countries(tagger, "Президент Турции говорил о поставках в Россию.") == {"TUR", "RUS"}


def test_russian_instrumental(tagger: Tagger) -> None:
    assert countries(tagger, "Контракт подписан с Россией в прошлом году.") == {"RUS"}


def test_russian_adjective_in_any_case(tagger: Tagger) -> None:
    assert countries(tagger, "Партия российских комплексов прибыла.") == {"RUS"}


def test_ukrainian_genitive_and_dative(tagger: Tagger) -> None:
    assert countries(tagger, "Міністр оборони України подякував Німеччині.") == {"UKR", "DEU"}


def test_polish_genitive(tagger: Tagger) -> None:
    assert countries(tagger, "Sankcje wobec Rosji zostaną utrzymane.") == {"RUS"}


def test_polish_two_word_name_in_instrumental(tagger: Tagger) -> None:
    assert countries(tagger, "Umowa z Koreą Południową jest gotowa.") == {"KOR"}


def test_polish_adjective(tagger: Tagger) -> None:
    assert countries(tagger, "Wojsko kupiło rosyjskie rakiety.") == {"RUS"}


def test_turkish_suffix_after_apostrophe(tagger: Tagger) -> None:
    assert countries(tagger, "Füzeler Rusya'dan alındı ve Türkiye'nin elinde.") == {"RUS", "TUR"}


def test_turkish_suffix_after_typographic_apostrophe(tagger: Tagger) -> None:
    assert countries(tagger, "Sistemler Türkiye’ye teslim edildi.") == {"TUR"}


def test_turkish_adjective_and_acronym(tagger: Tagger) -> None:
    assert countries(tagger, "Rus yetkililer ABD'nin baskısını reddetti.") == {"RUS", "USA"}


def test_german_genitive_s(tagger: Tagger) -> None:
    assert countries(tagger, "Der Kauf Russlands Systeme wurde kritisiert.") == {"RUS"}


def test_german_adjective_endings(tagger: Tagger) -> None:
    body = "Das russische System und der türkische Präsident."
    assert countries(tagger, body) == {"RUS", "TUR"}


def test_romance_adjective_gender_and_number(tagger: Tagger) -> None:
    assert countries(tagger, "Les systèmes russes et la partie turque.") == {"RUS", "TUR"}
    assert countries(tagger, "Los tanques surcoreanos y la amenaza rusa.") == {"KOR", "RUS"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the masculine plural, which simplemma's English dictionary also lists: not English
        ("Chile opera dos submarinos franceses.", {"CHL", "FRA"}),
        ("A Marinha recebeu navios franceses e drones chineses.", {"FRA", "CHN"}),
    ],
)
def test_romance_plural_adjective_the_english_dictionary_also_lists(
    tagger: Tagger, body: str, expected: set[str]
) -> None:
    assert countries(tagger, body) == expected


def test_english_words_spelt_as_adjectives_stay_dropped(tagger: Tagger) -> None:
    # "chinos" (trousers) and "malaise" are English: no country in English copy
    assert countries(tagger, "He wore chinos despite the economic malaise.") == set()


def test_arabic_conjunction_clitic(tagger: Tagger) -> None:
    assert countries(tagger, "اتفاق بين تركيا وروسيا حول المنظومة.") == {"TUR", "RUS"}


def test_arabic_preposition_clitic(tagger: Tagger) -> None:
    assert countries(tagger, "عقد توريد لمصر بقيمة كبيرة.") == {"EGY"}


def test_arabic_article_adjective(tagger: Tagger) -> None:
    assert countries(tagger, "وصلت الأنظمة الروسية إلى القاعدة.") == {"RUS"}


def test_arabic_article_with_preposition_contracts(tagger: Tagger) -> None:
    # ل + ال is written لل: "to Iraq" is للعراق.
    assert countries(tagger, "أرسلت شحنة للعراق.") == {"IRQ"}


def test_arabic_alef_maqsura_spelling(tagger: Tagger) -> None:
    # Egyptian copy writes a final yeh as alef maqsura: "السعودى".
    assert countries(tagger, "على هامش عزاء الملك السعودى.") == {"SAU"}


# --- Homonyms per language ------------------------------------------------------------------------


def test_arabic_mali_is_also_financial(tagger: Tagger) -> None:
    assert countries(tagger, "قدمت الحكومة دعم مالي للمصانع.") == set()
    assert countries(tagger, "انسحبت القوات من مالي ومنطقة الساحل.") == {"MLI"}


def test_arabic_amman_and_oman_share_letters(tagger: Tagger) -> None:
    # "عمان" is Amman (Jordan) and Oman: the letters alone name neither.
    assert countries(tagger, "عقد الاجتماع في عمان أمس.") == set()


def test_russian_togo_is_also_a_pronoun(tagger: Tagger) -> None:
    assert countries(tagger, "Того же мнения придерживается министр.") == set()
    assert countries(tagger, "В Ломе заявили, что Того закупит бронетехнику.") == {"TGO"}


def test_turkish_mali_is_also_financial(tagger: Tagger) -> None:
    assert countries(tagger, "Mali destek paketi açıklandı.") == set()


def test_german_island_in_english_copy(tagger: Tagger) -> None:
    assert countries(tagger, "The band signed with Island Records in New York.") == set()
    assert countries(tagger, "Island kauft keine Waffen, sagte die isländische Regierung.") == {
        "ISL"
    }


def test_short_name_does_not_match_an_english_acronym(tagger: Tagger) -> None:
    # Turkish "Şam" (Damascus) folds to "sam"; "SAM" is a surface-to-air missile.
    assert countries(tagger, "The SAM battery was moved north.") == set()


def test_lower_case_adjective_is_not_a_capitalised_surname(tagger: Tagger) -> None:
    # Italian "russo" is Russian; "Russo" is a surname, in Italian and English copy alike.
    assert countries(tagger, "Il ministro ha incontrato Anthony Russo ieri.") == set()
    assert countries(tagger, "Il sistema russo è stato consegnato.") == {"RUS"}


@pytest.mark.parametrize(
    "body",
    [
        "O peru assado foi servido no jantar.",  # Portuguese: the bird, lower case
        "Añade chile picado a la salsa.",  # Spanish: the pepper
        "Kilo mısır fiyatı yükseldi.",  # Turkish: corn
        "W garażu był czad.",  # Polish: fumes
        "Dodaj pół szklanki mleka.",  # a sentence with no country at all
    ],
)
def test_lower_case_words_that_spell_a_country(tagger: Tagger, body: str) -> None:
    assert countries(tagger, body) == set()


def test_english_homonym_conditions_apply_in_spanish(tagger: Tagger) -> None:
    # "Chad" is the same word in Spanish; the English first-name conditions still hold.
    assert countries(tagger, "El actor Chad Smith llegó a Madrid.") == {"ESP"}


# --- Case rules of language files ----------------------------------------------------------------


def test_language_file_case_rules() -> None:
    assert default_case("russe", "fr") == "exact"
    assert default_case("Şam", "tr") == "exact"
    assert default_case("Россия", "ru") == "initial"
    assert default_case("russe") == "initial"  # English files keep their rule
    assert default_case("روسيا", "ar") == "initial"  # no case in Arabic script


def test_arabic_folding_unifies_alef_and_yeh() -> None:
    assert fold_words("أمريكي") == fold_words("امريكي")
    assert fold_words("السعودى") == fold_words("السعودي")


# --- Hand-kept seeds (worker/tools/name_seeds.yaml): names CLDR and iso-codes do not give -------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the common short name, not CLDR's "Vereinigtes Königreich"
        ("Die Panzer wurden in Großbritannien gebaut und nach Polen gebracht.", {"GBR", "POL"}),
        # Kosovo in Turkish, with a case suffix after the apostrophe
        ("İHA'lar Kosova'ya teslim edildi.", {"XKX"}),
        # people nouns in the plural nominative ("the Norwegians and the Latvians")
        ("Zestawy kupili już Norwegowie i Łotysze.", {"NOR", "LVA"}),
    ],
)
def test_seeded_names_are_tagged(tagger: Tagger, body: str, expected: set[str]) -> None:
    assert countries(tagger, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the adjective of a state whose local short name it does not echo (Royaume-Uni,
        # Reino Unido, Regno Unito, Великобритания): CLDR's "British English" gives it
        ("Le ministre britannique visite une usine de blindés.", {"GBR"}),
        ("Los aviones británicos llegaron al puerto.", {"GBR"}),
        ("La fabbrica britannica chiude il reparto elicotteri.", {"GBR"}),
        ("На полигон прибыли британские танки.", {"GBR"}),
    ],
)
def test_state_adjective_from_the_variant_name(
    tagger: Tagger, body: str, expected: set[str]
) -> None:
    assert countries(tagger, body) == expected


def test_arabic_adjective_in_the_spelling_of_the_official_name(tagger: Tagger) -> None:
    # "أميركي" (the official name's spelling) beside the currency's "أمريكي"
    assert countries(tagger, "وصلت المنظومة الأميركية إلى القاعدة.") == {"USA"}


def test_short_and_declined_names_of_the_emirates(tagger: Tagger) -> None:
    assert countries(tagger, "باعت الشركة طائرات إلى مصر والإمارات.") == {"EGY", "ARE"}
    body = "Die Regierung genehmigte Lieferungen an die Vereinigten Arabischen Emirate."
    assert countries(tagger, body) == {"ARE"}
    body = "Panzer wurden in den Vereinigten Arabischen Emiraten gezeigt."
    assert countries(tagger, body) == {"ARE"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "Holland" for the Netherlands (es, pt, de, it) and its adjective
        ("Perú compró dos patrulleros a Holanda.", {"PER", "NLD"}),
        ("Los marinos holandeses visitaron Lima.", {"NLD", "PER"}),
        ("O Chile recebeu fragatas usadas da Holanda.", {"CHL", "NLD"}),
        ("Die Fregatte wurde in Holland gebaut.", {"NLD"}),
        ("Un ufficiale olandese ha visitato Roma.", {"NLD", "ITA"}),
        ("L'Olanda ha ordinato nuovi elicotteri.", {"NLD"}),
        # the Polish genitive and locative of Włochy, and a declined South Korean adjective
        ("Śmigłowce przyleciały z Włoch.", {"ITA"}),
        ("Pilotów szkolono we Włoszech.", {"ITA"}),
        ("Wojsko odebrało kolejne południowokoreańskie haubice.", {"KOR"}),
    ],
)
def test_seeded_names_of_the_fifteenth_round(tagger: Tagger, body: str, expected: set[str]) -> None:
    assert countries(tagger, body) == expected


def test_polish_genitive_name_and_adjective_share_letters(tagger: Tagger) -> None:
    # "Polski" (of Poland) capitalised and "polski" (Polish) in lower case both name Poland
    assert countries(tagger, "Pierwsze haubice trafiły do Polski w marcu.") == {"POL"}
    assert countries(tagger, "Minister ogłosił, że polski rząd kupi radary.") == {"POL"}


@pytest.mark.parametrize(
    ("lang", "body", "expected"),
    [
        # French adjectives with the letters of German names (Italien, Syrien, Algerien)
        ("fr", "Le groupe italien livrera les hélicoptères.", {"ITA"}),
        ("fr", "Les rebelles syriens ont reçu des missiles.", {"SYR"}),
        # a Spanish adjective with the letters of the Spanish name
        ("es", "Una empresa argentina fabrica los drones.", {"ARG"}),
        # the capitalised names still match, in any language
        ("de", "Italien kauft neue Fregatten.", {"ITA"}),
        ("es", "Argentina compra aviones.", {"ARG"}),
    ],
)
def test_lower_case_adjective_sharing_letters_with_a_name(
    tagger: Tagger, lang: str, body: str, expected: set[str]
) -> None:
    # one folded key keeps one case mode: both the name and the adjective must survive it
    assert countries(tagger, body, lang) == expected


def test_shared_letters_do_not_tag_mixed_case(tagger: Tagger) -> None:
    # the merged form matches capitalised or all in lower case, not any mixture
    assert countries(tagger, "le groupe iTALIEN") == set()


def test_french_adjective_forms_the_currency_gender_misses(tagger: Tagger) -> None:
    body = "Le ministre grec a visité la base saoudienne avec des officiers turcs."
    assert countries(tagger, body, "fr") == {"GRC", "SAU", "TUR"}


def test_romance_adjectives_no_currency_gives(tagger: Tagger) -> None:
    assert countries(tagger, "Il governo tedesco approva la vendita.", "it") == {"DEU"}
    assert countries(tagger, "La fuerza aérea griega recibe aviones.", "es") == {"GRC"}
    assert countries(tagger, "Os caças russos chegaram ao país.", "pt") == {"RUS"}
    assert countries(tagger, "Die chinesische Marine kauft Schiffe.", "de") == {"CHN"}


def test_a_leading_adjective_may_open_a_sentence_capitalised(tagger: Tagger) -> None:
    assert countries(tagger, "Ukraińskie wojsko dostało nowe drony.", "pl") == {"UKR"}
    assert countries(tagger, "Российские военные покинули базу.", "ru") == {"RUS"}


def test_an_outlet_named_by_the_adjective_opening_a_sentence_is_no_state(tagger: Tagger) -> None:
    body = "Polskie Radio podało, że czołgi trafią na Litwę."
    assert "POL" not in countries(tagger, body, "pl")
    assert "RUS" not in countries(tagger, "Российская газета пишет о новых заказах.", "ru")
    # German capitalises every noun: a capitalised adjective opening a sentence stays unread
    assert "DEU" not in countries(tagger, "Deutsche Welle berichtete am Abend.", "de")


def test_a_romance_surname_at_a_sentence_start_is_not_the_adjective(tagger: Tagger) -> None:
    # adjectives follow the noun in Romance languages: a capitalised one opening a sentence
    # is mostly a surname
    assert countries(tagger, "Russo ha firmato il contratto ieri.", "it") == set()


@pytest.mark.parametrize(
    ("lang", "body", "expected"),
    [
        # a combining form names its state as the first part of a compound adjective
        ("fr", "Un programme franco-italien de missiles sol-air.", {"FRA", "ITA"}),
        ("ru", "Новый франко-немецкий танк показали в Париже.", {"FRA", "DEU"}),
        ("en", "The Franco-Italian air defence system was shown.", {"FRA", "ITA"}),
        ("pl", "Umowa polsko-amerykańska obejmuje czołgi.", {"POL", "USA"}),
        ("ru", "Российско-китайские учения прошли в море.", {"RUS", "CHN"}),
        ("it", "Un accordo italo-francese sulle fregate.", {"ITA", "FRA"}),
        # a chain of them: every part names its state
        ("fr", "un consortium franco-germano-italien", {"FRA", "DEU", "ITA"}),
    ],
)
def test_compound_nationality_adjectives(
    tagger: Tagger, lang: str, body: str, expected: set[str]
) -> None:
    assert countries(tagger, body, lang) == expected


@pytest.mark.parametrize(
    "body",
    [
        # the next part is no nationality adjective, or there is no hyphen
        "The Indo-Pacific strategy was discussed.",
        "Anglo-Saxon law applies.",
        "Francisco Franco ruled for decades.",
        "No es un tanque sino un blindado.",
        "La région franco-comtoise est froide.",
    ],
)
def test_combining_forms_alone_name_nothing(tagger: Tagger, body: str) -> None:
    assert countries(tagger, body) == set()


def test_italian_names_of_the_sixteenth_round_b(tagger: Tagger) -> None:
    # "Malesia" (Malaysia) and "qatariota" (Qatari) as Italian copy writes them
    assert countries(tagger, "Leonardo vende elicotteri in Malesia.") == {"MYS"}
    assert countries(tagger, "Un ordine qatariota per cinque navi.") == {"QAT"}


def test_an_english_article_reads_no_lower_case_adjective_of_another_language(
    tagger: Tagger,
) -> None:
    # "afghan" is a French adjective and an English blanket; "maltese" a dog: in an English
    # article only the capitalised forms name the state
    body = "They sat under an afghan blanket with a maltese puppy."
    for lang in ("en", None):  # an article of unknown language reads them as English does
        tagged = tagger.tag(Article(id="t", title="", body=body, language=lang))
        assert not [e for e in tagged.entities if e.type == "country"]
    french = tagger.tag(
        Article(id="t", title="", body="Le gouvernement afghan a signé.", language="fr")
    )
    assert {e.id for e in french.entities if e.type == "country"} == {"AFG"}


# --- Names the dev reports showed missing (2026-12-06, afternoon) -------------------------------


def test_arabic_short_name_of_britain_with_clitic_and_its_nisba(tagger: Tagger) -> None:
    assert countries(tagger, "اشترت قطر طائرات من بريطانيا وفرنسا.", "ar") >= {"GBR", "FRA"}
    assert "GBR" in countries(tagger, "وقعت الشركة البريطانية العقد.", "ar")


def test_german_british_adjective_and_the_united_kingdom_after_an_article(tagger: Tagger) -> None:
    assert "GBR" in countries(tagger, "Ein britischer Hersteller liefert die Jets.", "de")
    assert "GBR" in countries(tagger, "Das Vereinigte Königreich verkauft Jets nach Katar.", "de")


def test_turkish_short_name_of_palestine(tagger: Tagger) -> None:
    assert "PSE" in countries(tagger, "Liderler Filistin konusunu da ele aldı.", "tr")


def test_russian_federation_abbreviation_in_either_case(tagger: Tagger) -> None:
    assert "RUS" in countries(tagger, "Санкции против РФ продлили.", "ru")
    assert "RUS" in countries(
        tagger, "Після ударів рф по енергетиці уряд звернувся до партнерів.", "uk"
    )
    assert "GBR" in countries(tagger, "Фонд очолюється Британією.", "uk")


# --- State bodies that name the state (people_local.yaml) ---------------------------------------


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        # the armed forces, parliament and export council by their proper names, any case form
        ("Die Bundeswehr erhält neue Schützenpanzer.", "de"),
        ("Ein Ausschuss des Bundestages prüft den Kauf.", "de"),
        ("Der Bundessicherheitsrat hat zugestimmt.", "de"),
        ("Решение Бундестага ждут в среду.", "ru"),
    ],
)
def test_german_state_bodies_name_germany(tagger: Tagger, body: str, lang: str) -> None:
    assert countries(tagger, body, lang) == {"DEU"}


def test_german_federal_government_of_austria_stays_unread(tagger: Tagger) -> None:
    # Austria's federal government has the same name: neither Germany nor a body carrying it
    body = "Die Bundesregierung in Wien bestellt Hubschrauber; Österreich zahlt bar."
    assert countries(tagger, body, "de") == {"AUT"}


# --- Turkish people and origin words in -lı/-li/-lu/-lü (build_names.turkish_relational) --------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # every vowel of the harmony, the word alone and with endings that need no apostrophe
        ("Ukraynalı pilotlar eğitimi tamamladı.", {"UKR"}),
        ("Heyet Güney Korelilerle görüştü.", {"KOR"}),
        ("Anlaşma Perululara anlatıldı.", {"PER"}),
        ("Tatbikata Türkiyeli ve Iraklı subaylar katıldı.", {"TUR", "IRQ"}),
        # the adjectives no currency gives (seeds)
        ("İngiliz ve Suudi yetkililer bir araya geldi.", {"GBR", "SAU"}),
    ],
)
def test_turkish_relational_words(tagger: Tagger, body: str, expected: set[str]) -> None:
    assert countries(tagger, body, "tr") == expected


def test_turkish_relational_form_is_not_a_given_name(tagger: Tagger) -> None:
    # the Georgian given name of the same letters stands before a surname
    assert countries(tagger, "Minister Irakli Garibashvili spoke on Monday.", "en") == set()


# --- Arabic "مالي": the state after a preposition, "financial" after a noun ---------------------


@pytest.mark.parametrize(
    "body",
    [
        "وصلت الطائرات إلى مالي يوم الأحد.",  # after a preposition
        "أعلنت حكومة مالي تسلم المروحيات.",  # after a noun of the state
        "سلمت أنقرة المعدات لمالي الشهر الماضي.",  # the preposition as a clitic
    ],
)
def test_arabic_mali_after_a_preposition_is_the_state(tagger: Tagger, body: str) -> None:
    assert "MLI" in countries(tagger, body, "ar")


@pytest.mark.parametrize(
    "body",
    [
        "حصل المصنع على دعم مالي كبير.",  # a noun, then the adjective "financial"
        "قدمت الوزارة دعما عسكريا ومالي للمزارعين.",  # "and financial" keeps the region rule
    ],
)
def test_arabic_financial_stays_unread(tagger: Tagger, body: str) -> None:
    assert "MLI" not in countries(tagger, body, "ar")


# --- Adjectives no currency gives (seeds), in all their forms -----------------------------------


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        # a two-word Arabic nisba agrees word by word, with the article
        ("اشترت الوزارة المقاتلة الكورية الجنوبية.", "ar", {"KOR"}),
        ("وقعت الحكومة عقدا مع شركة كورية جنوبية.", "ar", {"KOR"}),
        ("وصلت المساعدات إلى الشعب الأفغاني.", "ar", {"AFG"}),
        ("Die Lieferung ging an die jemenitischen Streitkräfte.", "de", {"YEM"}),
    ],
)
def test_seeded_adjectives_in_every_form(
    tagger: Tagger, body: str, lang: str, expected: set[str]
) -> None:
    assert countries(tagger, body, lang) == expected


# --- Adjectives whose folded letters are an English demonym (2026-12-07) -------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Spanish -í adjectives fold to "israeli", "kuwaiti", "saudi", "omani": lower case they are
        # the adjective, as the capitalised English demonym is a name
        ("Un dron israelí cayó cerca de la frontera.", {"ISR"}),
        ("La aerolínea kuwaití recibió su tercer avión.", {"KWT"}),
        ("El príncipe saudí y la naviera omaní firmaron juntos.", {"SAU", "OMN"}),
        ("Los asesores yemeníes llegaron; el yemení habló primero.", {"YEM"}),
    ],
)
def test_accented_adjective_beside_english_demonym(
    tagger: Tagger, body: str, expected: set[str]
) -> None:
    assert countries(tagger, body, "es") == expected


def test_english_demonym_keeps_its_capital(tagger: Tagger) -> None:
    assert countries(tagger, "Israeli and Saudi envoys met.", "en") == {"ISR", "SAU"}
    assert countries(tagger, "a saudi-style israeli salad", "en") == set()


# --- "Korea" and "Korean" alone mean South Korea, as in English (2026-12-07) ----------------------


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        ("El buque de apoyo vendrá desde Corea.", "es", {"KOR"}),
        ("La Repubblica di Corea ha ceduto una corvetta.", "it", {"KOR"}),
        ("Os obuses coreanos chegaram ao porto.", "pt", {"KOR"}),
        ("Des chars coréens seront livrés à la Pologne.", "fr", {"KOR", "POL"}),
        ("Korea liefert weitere Haubitzen.", "de", {"KOR"}),
        ("Wojsko odebrało kolejne koreańskie haubice z Korei.", "pl", {"KOR"}),
        ("Корея передала корабль флоту.", "ru", {"KOR"}),
        ("Корейські гаубиці прибули.", "uk", {"KOR"}),
        ("Kore'den gelen tanklar teslim edildi.", "tr", {"KOR"}),
        ("وصلت دبابات من كوريا إلى الميناء.", "ar", {"KOR"}),
        # North Korea is always qualified, and its longer name wins
        ("Corea del Norte probó otro misil.", "es", {"PRK"}),
        ("Rakieta z Korei Północnej spadła do morza.", "pl", {"PRK"}),
        ("Ракеты Северной Кореи были испытаны.", "ru", {"PRK"}),
        ("Північна Корея провела навчання.", "uk", {"PRK"}),
        ("La Corée du Nord a tiré un missile.", "fr", {"PRK"}),
    ],
)
def test_korea_alone_is_south_korea(
    tagger: Tagger, body: str, lang: str, expected: set[str]
) -> None:
    assert countries(tagger, body, lang) == expected


# --- An adjective's inflection that is an English word, in its own language (2026-12-07) ----------


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        ("A fabricante americana entregou os aviões.", "pt", {"USA"}),
        ("Os caças vieram da força aérea indiana.", "pt", {"IND"}),
        ("La società americana ha venduto due radar.", "it", {"USA"}),
        ("Una fregata della marina indiana è arrivata.", "it", {"IND"}),
        ("L'armée polonaise reçoit des chars.", "fr", {"POL"}),
    ],
)
def test_feminine_adjective_that_is_an_english_word(
    tagger: Tagger, body: str, lang: str, expected: set[str]
) -> None:
    assert countries(tagger, body, lang) == expected


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("The museum shows americana and a polonaise.", "en"),  # English words stay words
        ("Un malaise règne au ministère.", "fr"),  # its own dictionary word, not "malais"
    ],
)
def test_english_word_forms_stay_unread_elsewhere(tagger: Tagger, body: str, lang: str) -> None:
    assert countries(tagger, body, lang) == set()


# --- A state's name that is a given name there, before a surname (2026-12-07) --------------------


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        ("El exministro Mauricio Vargas opinó sobre la compra.", "es", set()),
        ("Mauricio y Seychelles recibirán patrulleros.", "es", {"MUS", "SYC"}),
        ("Le colonel Maurice Lenoir a commenté la vente.", "fr", set()),
        ("Un navire garde-côtes a été livré à Maurice.", "fr", {"MUS"}),
        ("La chercheuse Dominique Martin, 54 ans, l'a confirmé.", "fr", set()),
        ("Rzeczniczka Dominika Kowalska przekazała informacje.", "pl", set()),
        ("Łodzie patrolowe trafiły do Dominiki.", "pl", {"DMA"}),
    ],
)
def test_state_name_that_is_a_given_name(
    tagger: Tagger, body: str, lang: str, expected: set[str]
) -> None:
    assert countries(tagger, body, lang) == expected


# --- Review of 2026-12-07 (morning): North Korea's long names, army and news agency ---------------
# "Korea" alone is South Korea; the official long name of the North, its army and its news agency
# hold the same word and must read PRK (the longest name wins).


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "La République populaire démocratique de Corée a livré des millions d'obus"
            " à la Russie.",
            "fr",
        ),
        (
            "La Repubblica Popolare Democratica di Corea ha consegnato milioni di proiettili"
            " alla Russia.",
            "it",
        ),
        ("سلمت جمهورية كوريا الديمقراطية الشعبية ملايين القذائف إلى روسيا.", "ar"),
        ("Корейская народная армия передала России миллионы снарядов.", "ru"),
        (
            "Según la Agencia Central de Noticias de Corea, Rusia recibió millones de proyectiles.",
            "es",
        ),
        ("Selon l'Armée populaire de Corée, la Russie a reçu des obus.", "fr"),
        ("Корейська народна армія передала Росії снаряди.", "uk"),
        ("Koreańska Armia Ludowa przekazała Rosji pociski.", "pl"),
        ("Rosja otrzymała pociski od Koreańskiej Armii Ludowej.", "pl"),
        ("Kore Merkezi Haber Ajansı'na göre Rusya mermi aldı.", "tr"),
        ("Secondo l'Armata Popolare Coreana la Russia ha ricevuto proiettili.", "it"),
        ("Laut der Koreanischen Volksarmee erhielt Russland Granaten.", "de"),
        ("Segundo a Agência Central de Notícias da Coreia, a Rússia recebeu munições.", "pt"),
        ("وقالت وكالة الأنباء المركزية الكورية إن روسيا تسلمت القذائف.", "ar"),
        ("Russia received shells, the Korean Central News Agency said.", "en"),
        ("The Korean People's Army sent shells to Russia.", "en"),
    ],
)
def test_north_korean_long_name_army_and_agency(tagger: Tagger, body: str, lang: str) -> None:
    assert countries(tagger, body, lang) == {"PRK", "RUS"}


# --- Review of 2026-12-07 (morning): Dominica, the given name, before a surname -----------------


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        ("La portavoz Dominica Pérez confirmó la venta.", "es", set()),
        ("A analista Dominica Silva comentou o acordo.", "pt", set()),
        ("La ricercatrice Dominica Rossi ha commentato.", "it", set()),
        ("Dos patrulleras fueron entregadas a Dominica.", "es", {"DMA"}),
    ],
)
def test_dominica_as_a_given_name(tagger: Tagger, body: str, lang: str, expected: set[str]) -> None:
    assert countries(tagger, body, lang) == expected


# --- Review of 2026-12-07 (morning): inflections with a meaning of their own -------------------


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("I soldati marciavano in fila indiana lungo il sentiero.", "it"),
        ("Una tribù indiana del Dakota ha protestato.", "it"),
        ("Il riscatto fu pagato in afghani e dollari.", "it"),
        ("Uma aldeia indiana da Amazônia recebeu médicos.", "pt"),
        ("Le pianiste a joué une polonaise de Chopin.", "fr"),
    ],
)
def test_inflection_with_a_meaning_of_its_own(tagger: Tagger, body: str, lang: str) -> None:
    assert countries(tagger, body, lang) == set()


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        ("I soldati afghani hanno ricevuto nuovi fucili.", "it", {"AFG"}),
        ("La marina indiana ha ordinato due fregate.", "it", {"IND"}),
        ("Des soldats indiens sont arrivés à Paris.", "fr", {"IND", "FRA"}),
        ("La polonaise PGZ a livré des obusiers.", "fr", {"POL"}),
        ("We paid in afghani at the market.", "en", set()),  # not Italian: the English word
    ],
)
def test_inflection_still_read_as_the_state(
    tagger: Tagger, body: str, lang: str, expected: set[str]
) -> None:
    assert countries(tagger, body, lang) == expected


# --- Review of 2026-12-07 (morning): an English name read in lower case only in its language -----


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Wir tranken jamaican rum und aßen eine mexican pizza.", "de"),
        ("Une maison georgian avec deux great danes dans le jardin.", "fr"),
    ],
)
def test_lower_case_reading_only_in_the_language_of_that_form(
    tagger: Tagger, body: str, lang: str
) -> None:
    assert countries(tagger, body, lang) == set()


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        (
            "Il governo italien ha firmato.",
            "fr",
            {"ITA"},
        ),  # French adjective, German name's letters
        ("Die Marine kauft in Italien.", "de", {"ITA"}),
    ],
)
def test_lower_case_reading_kept_in_its_own_language(
    tagger: Tagger, body: str, lang: str, expected: set[str]
) -> None:
    assert countries(tagger, body, lang) == expected


# --- Tenth stop (2026-12-07): forms of country names the tables lacked ---------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Selon le ministre, les Chinois attendent leur tour.", {"CHN"}),
        ("Les Russes ont proposé un prix plus bas que les Américains.", {"RUS", "USA"}),
        ("Un Algérien a remporté la course.", {"DZA"}),
    ],
)
def test_french_people_noun_is_the_capitalised_adjective(
    tagger: Tagger, body: str, expected: set[str]
) -> None:
    assert countries(tagger, body, "fr") == expected


@pytest.mark.parametrize(
    "body",
    [
        "Les frégates patrouillent dans l'océan Indien depuis mars.",
        "Le musée expose des objets des Indiens d'Amérique.",
    ],
)
def test_french_capitalised_indian_that_is_no_state(tagger: Tagger, body: str) -> None:
    assert countries(tagger, body, "fr") == set()


def test_french_short_name_of_central_africa(tagger: Tagger) -> None:
    assert countries(tagger, "Des casques bleus servent en Centrafrique.", "fr") == {"CAF"}


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Der Minister besuchte Mazedonien im Mai.", "de"),
        ("El ejército de Macedonia recibió blindados.", "es"),
        ("Le gouvernement de la Macédoine a signé.", "fr"),
        ("Soldati della Macedonia hanno partecipato.", "it"),
        ("Na ćwiczenia przyjechali żołnierze z Macedonii.", "pl"),
        ("O governo da Macedônia assinou.", "pt"),
        ("Министр обороны Македонии прибыл в столицу.", "ru"),
        ("Makedonya'ya yeni zırhlı araçlar gönderildi.", "tr"),
        ("Міністр оборони Македонії прибув до столиці.", "uk"),
        ("وصل وزير دفاع مقدونيا إلى العاصمة", "ar"),
    ],
)
def test_macedonia_alone_is_north_macedonia(tagger: Tagger, body: str, lang: str) -> None:
    assert countries(tagger, body, lang) == {"MKD"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Rosjanie i Holendrzy przysłali obserwatorów.", {"RUS", "NLD"}),
        ("Kiedyś Czesi i Słowacy kupowali od nas sprzęt.", {"CZE", "SVK"}),
        ("Brazylijczycy oraz Węgrzy podpisali umowy.", {"BRA", "HUN"}),
        ("Chińczycy pokazali nowy dron Japończykom.", {"CHN", "JPN"}),
    ],
)
def test_polish_nouns_of_a_states_people(tagger: Tagger, body: str, expected: set[str]) -> None:
    assert countries(tagger, body, "pl") == expected


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        ("Министерство обороны Кыргызстана получило вертолет.", "ru", {"KGZ"}),
        ("На учения прибыли корабли КНР.", "ru", {"CHN"}),
        ("На навчання прибули кораблі КНР.", "uk", {"CHN"}),
    ],
)
def test_cyrillic_names_cldr_lacks(
    tagger: Tagger, body: str, lang: str, expected: set[str]
) -> None:
    assert countries(tagger, body, lang) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Партнери допомагають у війні з росією.",
        "Санкції проти росії посилили.",
    ],
)
def test_ukrainian_lower_case_name_of_russia(tagger: Tagger, body: str) -> None:
    assert countries(tagger, body, "uk") == {"RUS"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Il caccia cino-pakistano è stato consegnato.", {"CHN", "PAK"}),
        ("Le forniture al Sud Africa sono terminate.", {"ZAF"}),
    ],
)
def test_italian_china_compound_and_south_africa_in_two_words(
    tagger: Tagger, body: str, expected: set[str]
) -> None:
    assert countries(tagger, body, "it") == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("أعلنت فلسطين موقفها", {"PSE"}),
        ("وصلت شحنة مساعدات للفلسطينيين", {"PSE"}),
        ("طلبت أنجولا طائرات جديدة", {"AGO"}),
        ("وقعت أوجندا عقدا جديدا", {"UGA"}),
    ],
)
def test_arabic_palestine_and_egyptian_spellings(
    tagger: Tagger, body: str, expected: set[str]
) -> None:
    assert countries(tagger, body, "ar") == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the capitalised people noun that is also the state's name stays a name at a sentence's
        # start, after its article (the people noun's surname guard must not take the name)
        ("La Suisse commande des hélicoptères.", {"CHE"}),
        ("L'Argentine commande des avions.", {"ARG"}),
        ("Les Philippines commandent des frégates.", {"PHL"}),
    ],
)
def test_french_name_that_is_also_the_people_noun(
    tagger: Tagger, body: str, expected: set[str]
) -> None:
    assert countries(tagger, body, "fr") == expected
