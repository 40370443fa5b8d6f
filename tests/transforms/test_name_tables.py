"""The builder of the per-language country tables (worker/tools/build_names.py): the pieces that
decide which forms reach the tables. Pure functions over the registries' data (Babel, simplemma,
pycountry: the ``names`` extra, part of ``dev``)."""

from __future__ import annotations

import pycountry
import yaml

from worker.tools.build_names import (
    GAZETTEER_DIR,
    LANGUAGES,
    Table,
    _names_state,
    _same_shape,
    combining_forms,
    gender_forms,
    inflect_phrase,
    name_nisbas,
    name_seeds,
    plural_cases,
    plural_phrase_forms,
    regular_forms,
    render,
    turkish_relational,
    variant_adjectives,
)


def test_latin_accented_letters_are_not_stress_marks() -> None:
    # Decomposed, "ń" and "é" carry the same combining acute as a Russian stress mark.
    assert _same_shape("amerykańska", "amerykański")
    assert _same_shape("américaines", "américain")


def test_cyrillic_stress_marks_are_still_dropped() -> None:
    assert not _same_shape("Ту\u0301рции", "Турция")


def test_cldr_variant_names_give_a_state_adjective() -> None:
    assert variant_adjectives("fr")["USA"] == {"américain"}
    assert "amerykański" in variant_adjectives("pl")["USA"]


def test_variant_names_of_separate_languages_are_not_adjectives() -> None:
    # "bas-saxon néerlandais" is Low Saxon, "moldave" a language name: neither is read.
    fr = variant_adjectives("fr")
    assert "NLD" not in fr
    assert "MDA" not in fr


def test_every_seed_names_a_language_and_a_country() -> None:
    # a country of the gazetteer: ISO 3166-1, or Kosovo's XKX (no ISO code; countries.yaml)
    gazetteer = yaml.safe_load((GAZETTEER_DIR / "countries.yaml").read_text(encoding="utf-8"))
    known = {c["id"] for c in gazetteer["countries"]}
    for lang, rows in name_seeds().items():
        assert lang in LANGUAGES, lang
        for iso3, seed in rows.items():
            assert pycountry.countries.get(alpha_3=iso3) is not None or iso3 in known, iso3
            keys = {"names", "capitals", "adjectives", "any_case", "combining", "not_english"}
            keys |= {"not_names"}  # singular forms that are surnames (Polish "Szwed")
            assert set(seed) <= keys, (lang, iso3)


def test_variant_adjective_may_echo_the_english_or_a_compound_name() -> None:
    # "britannique" echoes no word of "Royaume-Uni", but "Great Britain" in the ISO name;
    # "британский" stands inside the compound "Великобритания"
    assert _names_state("britannique", Table(names={"Royaume-Uni"}), "GBR")
    assert _names_state("британский", Table(names={"Великобритания"}), "GBR")
    # a qualifier that names a region, not the state, still fails ("europeo" for Spain)
    assert not _names_state("europeo", Table(names={"España"}), "ESP")
    # an elided preposition is no adjective ("d’Espagne")
    assert not _names_state("d’espagne", Table(names={"Royaume d’Espagne"}), "ESP")


def test_arabic_nisba_in_the_spelling_of_a_name() -> None:
    table = Table(names={"الولايات المتحدة", "الولايات المتحدة الأميركية"}, adjectives={"أمريكي"})
    assert name_nisbas(table) == {"أميركي"}
    # a name that ends like a nisba is the name, not an adjective of it
    assert name_nisbas(Table(names={"جمهورية ملاوي"}, adjectives={"ملاوي"})) == set()


def test_render_writes_an_any_case_form_with_its_case_mode() -> None:
    table = Table(names={"Polska"}, adjectives={"polski", "polska"}, any_case={"polski"})
    text = render("pl", {"POL": table}, "test")
    doc = yaml.safe_load(text)
    assert doc["countries"][0]["demonyms"] == ["polska", {"text": "polski", "case": "insensitive"}]
    assert doc["countries"][0]["aliases"] == ["Polska"]


def test_combining_forms_from_adjective_endings() -> None:
    # Polish and Russian make the first part of a compound adjective from the adjective's
    # masculine ending; other forms and other endings make none
    pl = (("ski", "sko"), ("cki", "cko"))
    assert combining_forms({"francuski", "niemiecki", "francuska"}, pl) == {
        "francusko",
        "niemiecko",
    }
    ru = (("ский", "ско"), ("цкий", "цко"))
    assert combining_forms({"китайский", "турецкий", "китайская"}, ru) == {"китайско", "турецко"}
    assert combining_forms({"francuski"}, ()) == set()


def test_render_writes_combining_forms() -> None:
    text = render("fr", {"FRA": Table(adjectives={"français"}, combining={"franco"})}, "test")
    entry = yaml.safe_load(text)["countries"][0]
    assert entry["combining"] == ["franco"]


def test_russian_regular_declension_of_a_consonant_stem_and_a_feminine_name() -> None:
    ru = LANGUAGES["ru"].declension
    assert regular_forms("Бенин", ru, set()) == {"Бенина", "Бенину", "Бенином", "Бенине"}
    # a velar stem takes -и in the genitive, not -ы
    assert regular_forms("Шри-Ланка", ru, set()) == {
        "Шри-Ланки",
        "Шри-Ланке",
        "Шри-Ланку",
        "Шри-Ланкой",
    }
    assert regular_forms("Гамбия", ru, set()) == {"Гамбии", "Гамбию", "Гамбией"}


def test_ukrainian_regular_declension_alternates_the_velar() -> None:
    uk = LANGUAGES["uk"].declension
    assert "Шрі-Ланці" in regular_forms("Шрі-Ланка", uk, set())
    # an inanimate masculine name: genitive in -у as well as -а
    assert {"Беніну", "Беніна", "Бенінові", "Беніном", "Беніні"} == regular_forms(
        "Бенін", uk, set()
    )


def test_regular_declension_leaves_indeclinable_names_alone() -> None:
    assert regular_forms("Самоа", LANGUAGES["ru"].declension, set()) == set()
    assert regular_forms("Того", LANGUAGES["ru"].declension, set()) == set()
    assert regular_forms("Київ", LANGUAGES["uk"].declension, set()) == set()


def test_regular_form_that_is_a_common_word_is_refused() -> None:
    # "чаду" is a form of the ordinary noun for fumes
    got = regular_forms("Чад", LANGUAGES["ru"].declension, {"чаду"})
    assert "Чаду" not in got and "Чада" in got


class _NoForms:
    """A dictionary that knows no name: every name goes to the regular declension."""

    declension = LANGUAGES["ru"].declension
    common: frozenset[str] = frozenset()

    def of(self, word: str, *, in_phrase: bool = False) -> set[str]:
        return {word}


def test_regular_forms_only_for_one_word_names() -> None:
    assert "Бенина" in inflect_phrase("Бенин", _NoForms())  # type: ignore[arg-type]
    # in a phrase an adjective would be declined as a noun: the phrase stays as it is
    assert inflect_phrase("Новая Гвинея", _NoForms()) == {"Новая Гвинея"}  # type: ignore[arg-type]
    assert inflect_phrase("США", _NoForms()) == {"США"}  # type: ignore[arg-type]


def test_gender_forms_complete_an_adjective_a_currency_gave_in_one_gender() -> None:
    fr = LANGUAGES["fr"].adjective_endings
    assert gender_forms({"turque"}, fr) == {"turc", "turcs", "turques"}
    assert gender_forms({"saoudien"}, fr) == {"saoudienne", "saoudiens", "saoudiennes"}
    assert gender_forms({"grecque"}, fr) == {"grec", "grecs", "grecques"}
    assert gender_forms({"chino"}, LANGUAGES["es"].adjective_endings) == {
        "china",
        "chinos",
        "chinas",
    }
    assert gender_forms({"alemão"}, LANGUAGES["pt"].adjective_endings) == {
        "alemã",
        "alemães",
        "alemãs",
    }


def test_gender_forms_decline_a_slavic_adjective_simplemma_lacks() -> None:
    # a seed's -ski / -ский / -ський adjective gets every case, gender and number ending
    pl = gender_forms({"czadyjski"}, LANGUAGES["pl"].adjective_endings)
    assert {"czadyjskiej", "czadyjską", "czadyjscy", "czadyjskich"} <= pl
    ru = gender_forms({"чадский"}, LANGUAGES["ru"].adjective_endings)
    assert {"чадской", "чадскую", "чадских", "чадская"} <= ru
    uk = gender_forms({"чадський"}, LANGUAGES["uk"].adjective_endings)
    assert {"чадської", "чадську", "чадських", "чадська"} <= uk


def test_gender_forms_leave_phrases_and_short_words_alone() -> None:
    fr = LANGUAGES["fr"].adjective_endings
    assert gender_forms({"nord-coréen", "des Émirats arabes unis"}, fr) == set()
    assert gender_forms({"ec"}, fr) == set()  # no stem left


def test_render_marks_languages_whose_adjectives_lead() -> None:
    assert yaml.safe_load(render("pl", {}, "test"))["adjectives_lead"] is True
    assert "adjectives_lead" not in yaml.safe_load(render("it", {}, "test"))


def test_turkish_relational_follows_vowel_harmony() -> None:
    assert {"Ukraynalı", "Ukraynalılardan"} <= turkish_relational(["Ukrayna"], set())
    assert {"Yemenli", "Yemenlilerle"} <= turkish_relational(["Yemen"], set())
    assert {"Perulu", "Peruluya"} <= turkish_relational(["Peru"], set())
    assert {"Türkiyeli", "Türkiyeliye"} <= turkish_relational(["Türkiye"], set())


def test_turkish_official_long_forms_give_no_relational_word() -> None:
    # "Cumhuriyeti" closes many names: an official long form, never the base of "-li"
    assert turkish_relational(["Kore Cumhuriyeti"], {"Cumhuriyeti"}) == set()
    assert turkish_relational(["Bir İki Üç"], set()) == set()  # three words: a long form


def test_plural_names_of_several_words_take_each_case_together() -> None:
    uk = plural_phrase_forms("Сполучені Штати Америки", plural_cases("uk"))
    # the genitive after the noun stays as it is
    assert "Сполученими Штатами Америки" in uk and "Сполучених Штатів Америки" in uk
    assert len(uk) == 4
    ru = plural_phrase_forms("Объединённые Арабские Эмираты", plural_cases("ru"))
    assert "Объединённых Арабских Эмиратах" in ru and "Объединённым Арабским Эмиратам" in ru
    pl = plural_phrase_forms("Zjednoczone Emiraty Arabskie", plural_cases("pl"))
    assert "Zjednoczonych Emiratów Arabskich" in pl and "Zjednoczonymi Emiratami Arabskimi" in pl


def test_plural_endings_are_read_from_the_case_rules() -> None:
    # one place for the plural endings: the `cases` of pl/ru/uk.yaml, which case_of reads back
    assert plural_cases("uk")[2] == (("і", "ими"), ("и", "ами"))  # instrumental
    assert plural_cases("ru")[0] == (("ые", "ых"), ("ие", "их"), ("ы", "ов"))  # genitive
    assert plural_cases("pl")[1] == (("ie", "im"), ("e", "ym"), ("y", "om"))  # dative
    assert [len(row) for row in plural_cases("pl")] == [3, 3, 3, 3]


def test_plural_forms_need_a_plural_noun() -> None:
    assert plural_phrase_forms("Південна Корея", plural_cases("uk")) == set()  # singular
    assert plural_phrase_forms("Сполучені", plural_cases("uk")) == set()  # one word
    assert plural_phrase_forms("Wybrzeże Kości Słoniowej", plural_cases("pl")) == set()
