"""Arms-transfer pairs and topics in ten more languages (worker/data/rules/languages/*.yaml, read
by worker/transforms/rules/languages.py). One case per language and construction; every sentence
is our own, written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from worker.model import Article
from worker.pipeline import analyse
from worker.transforms.rules import RuleSet, load_rules, load_rules_lenient
from worker.transforms.rules.languages import adjective_test, stemmer
from worker.transforms.rules.loader import SHIPPED
from worker.transforms.tag import Tagger

NOW = datetime(2026, 12, 5, tzinfo=UTC)
PAIR_RULE = "arms-transfer-pair"
LANGUAGES = ("ar", "de", "es", "fr", "it", "pl", "pt", "ru", "tr", "uk")


def pairs(tagger: Tagger, rules: RuleSet, lang: str, body: str) -> set[tuple[str, str]]:
    """(recipient, supplier) of the shipped pair rule's alerts for one sentence."""
    art = Article(id="t", title="", body=body, language=lang)
    _, alerts = analyse(art, tagger, rules, NOW)
    return {(a.pair["recipient"], a.pair["supplier"]) for a in alerts if a.rule_id == PAIR_RULE}


CASES = [
    # German: subject of a buy verb, "von"; supplier subject with "an"; deal "mit"; adjective
    ("de", "Indien kauft von Russland weitere Kampfjets vom Typ Su-30.", {("IND", "RUS")}),
    ("de", "Frankreich liefert an Griechenland sechs Rafale-Kampfflugzeuge.", {("GRC", "FRA")}),
    (
        "de",
        "Polen hat mit Südkorea einen Vertrag über Panzer K2 unterzeichnet.",
        {("POL", "KOR")},
    ),
    ("de", "Serbien erhielt russische Kampfjets MiG-29.", {("SRB", "RUS")}),
    ("de", "Russland will Ägypten Kampfjets verkaufen.", {("EGY", "RUS")}),
    # French: "acheter à" (à = from after a buy verb), "livrer à", "contrat avec", "reçu de"
    ("fr", "L'Égypte achète 30 Rafale à la France.", {("EGY", "FRA")}),
    ("fr", "La France livre des sous-marins Scorpène à l'Inde.", {("IND", "FRA")}),
    ("fr", "Le Qatar a signé un contrat avec la France pour 24 Rafale.", {("QAT", "FRA")}),
    ("fr", "Le Maroc a reçu des chars Abrams des États-Unis.", {("MAR", "USA")}),
    # Spanish: "comprar a" (from), "entregar a" (to), "contrato con", "recibir de"
    ("es", "Argentina compra aviones de combate F-16 a Dinamarca.", {("ARG", "DNK")}),
    ("es", "España entregará tanques Leopard 2 a Ucrania.", {("UKR", "ESP")}),
    ("es", "Perú firmó un contrato con Corea del Sur para adquirir fragatas.", {("PER", "KOR")}),
    ("es", "Colombia recibió misiles de Israel.", {("COL", "ISR")}),
    # Italian: "acquistare da", "vendere a" with two recipients, "firmare con"
    ("it", "L'Indonesia acquista dall'Italia sei fregate.", {("IDN", "ITA")}),
    (
        "it",
        "L'Italia vende all'Egitto due fregate FREMM e alla Grecia missili.",
        {("EGY", "ITA"), ("GRC", "ITA")},
    ),
    ("it", "Il Qatar ha firmato con l'Italia un contratto per elicotteri NH90.", {("QAT", "ITA")}),
    # Portuguese: "comprar da", "vender para", "assinar com"
    ("pt", "O Brasil compra caças Gripen da Suécia.", {("BRA", "SWE")}),
    ("pt", "Os Estados Unidos vendem aviões F-16 para a Argentina.", {("ARG", "USA")}),
    ("pt", "O Brasil assinou com a França um contrato para submarinos.", {("BRA", "FRA")}),
    # Polish: "kupować od", dative after "przekazać", "umowa z"
    ("pl", "Polska kupuje od Korei Południowej czołgi K2.", {("POL", "KOR")}),
    ("pl", "Polska przekazała Ukrainie czołgi T-72.", {("UKR", "POL")}),
    ("pl", "Polska podpisała umowę z USA na zakup śmigłowców Apache.", {("POL", "USA")}),
    # Russian: "купить у", dative after a verb of supplying, "контракт с", "получить от"
    ("ru", "Турция купила у России комплексы С-400.", {("TUR", "RUS")}),
    ("ru", "Россия поставила Индии истребители Су-30.", {("IND", "RUS")}),
    ("ru", "Египет подписал контракт с Россией на поставку истребителей Су-35.", {("EGY", "RUS")}),
    ("ru", "Армения получила от России зенитные ракетные комплексы.", {("ARM", "RUS")}),
    ("ru", "Китай покупает из России истребители.", {("CHN", "RUS")}),
    # Ukrainian: "отримати від", dative after "передати", "контракт з", "купувати у"
    ("uk", "Україна отримала від Німеччини системи ППО IRIS-T.", {("UKR", "DEU")}),
    ("uk", "Польща передала Україні танки Т-72.", {("UKR", "POL")}),
    ("uk", "Україна підписала з Францією контракт на постачання гаубиць CAESAR.", {("UKR", "FRA")}),
    ("uk", "Україна купує у Польщі гаубиці Krab.", {("UKR", "POL")}),
    # Turkish: ablative "-'dan" (from), dative "-'ya" (to), genitive buyer, passive
    ("tr", "Türkiye Rusya'dan S-400 hava savunma sistemi satın aldı.", {("TUR", "RUS")}),
    ("tr", "Türkiye Polonya'ya Bayraktar TB2 SİHA satacak.", {("POL", "TUR")}),
    ("tr", "Azerbaycan'a Türk yapımı İHA'lar teslim edildi.", {("AZE", "TUR")}),
    ("tr", "Mısır'ın Fransa'dan satın aldığı Rafale uçakları geldi.", {("EGY", "FRA")}),
    # Arabic: verb first (VSO), "من" (from), "مع" (with), a receiving verb
    ("ar", "اشترت مصر طائرات رافال من فرنسا.", {("EGY", "FRA")}),
    ("ar", "سلمت روسيا الجزائر غواصات جديدة.", {("DZA", "RUS")}),
    ("ar", "وقعت السعودية عقدا مع الولايات المتحدة لشراء صواريخ باتريوت.", {("SAU", "USA")}),
    ("ar", "تسلمت تركيا منظومة إس-400 من روسيا.", {("TUR", "RUS")}),
    # Arabic adjective (article + nisba): the origin, not a party; Saudi Arabia is a name
    ("ar", "وقعت السعودية عقدا لشراء مقاتلات رافال الفرنسية.", {("SAU", "FRA")}),
    # Cyrillic designation: the weapon's origin gives the supplier
    ("ru", "Поставки комплексов С-400 «Триумф» в Индию продолжаются.", {("IND", "RUS")}),
]


@pytest.mark.parametrize(("lang", "body", "expected"), CASES)
def test_pair_per_language_and_construction(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == expected


LOOKALIKES = [
    ("de", "Die Türkei und Russland sprachen über Gas und Weizen."),
    ("fr", "La Turquie et la Grèce ont discuté du tourisme et du commerce."),
    ("es", "España y Marruecos firmaron un acuerdo de pesca."),
    ("it", "L'Italia e la Francia hanno firmato un accordo sul turismo."),
    ("pt", "O Brasil vende soja para a China."),
    ("pl", "Polska podpisała z Niemcami umowę o handlu węglem."),
    ("ru", "Россия и Турция обсудили поставки газа."),
    ("uk", "Україна та Польща обговорили торгівлю зерном."),
    ("tr", "Türkiye ile Yunanistan turizm ve ticaret konuşuldu."),
    ("ar", "وقعت مصر وفرنسا اتفاقا للتعاون في السياحة."),
]


@pytest.mark.parametrize(("lang", "body"), LOOKALIKES)
def test_no_pair_without_arms(tagger: Tagger, rules: RuleSet, lang: str, body: str) -> None:
    assert pairs(tagger, rules, lang, body) == set()


def test_every_language_has_a_lexicon(rules: RuleSet) -> None:
    lex = rules.relations["arms_transfer"]
    assert sorted(lex.by_language) == sorted(LANGUAGES)
    assert all(lx.grammar is None for lx in lex.by_language.values())  # symbols only


def test_one_topic_rule_fires_in_every_language_and_lang_still_filters(
    tmp_path: Path, tagger: Tagger
) -> None:
    (tmp_path / "r.yaml").write_text(
        "rules:\n"
        "  - {id: any, title: any, query: 'topic:arms_transfer AND topic:weapons'}\n"
        "  - {id: tr-only, title: tr, query: 'topic:arms_transfer AND lang:tr'}\n",
        encoding="utf-8",
    )
    rs = load_rules(tmp_path)

    def fired(lang: str, body: str) -> set[str]:
        tagged = tagger.tag(Article("t", "", body, language=lang))
        return {a.rule_id for a in rs.match(tagged, now=NOW)}

    assert fired("tr", "Türkiye Rusya'dan füze satın aldı.") == {"any", "tr-only"}
    assert fired("fr", "La Turquie achète des missiles à la Russie.") == {"any"}
    assert fired("fr", "La Turquie achète du blé à la Russie.") == set()


def test_stems_read_inflected_forms_and_whole_words_win() -> None:
    stem = stemmer(["teslim_", "verkauf_", "verkaufen"])
    assert stem is not None
    assert stem("teslimatının") == "teslim_"
    assert stem("verkaufs") == "verkauf_"
    assert stem("verkaufen") == "verkaufen"  # listed whole: a verb, not the noun's stem
    assert stem("kaufen") == "kaufen"
    assert stemmer(["kauft", "kaufen"]) is None


def test_adjectives_by_case_or_by_article_and_ending() -> None:
    latin = adjective_test({})
    assert latin("russische") and not latin("Russland")
    arabic = adjective_test(
        {"prefixes": ["ال", "وال"], "suffixes": ["ي", "ية"], "except": ["السعودية"]}
    )
    assert arabic("الفرنسية") and arabic("والروسي")
    assert not arabic("فرنسا") and not arabic("السعودية") and not arabic("الجزائر")
    turkish = adjective_test({"words": ["Türk", "Rus"]})  # capitalised adjectives, listed
    assert turkish("Türk") and turkish("Rus") and not turkish("Türkiye")


def test_weapons_in_local_spellings_and_a_polish_homonym(tagger: Tagger) -> None:
    def weapons(body: str) -> set[str]:
        tagged = tagger.tag(Article("t", "", body, language="pl"))
        return {e.id for e in tagged.entities if e.type == "weapon"}

    assert weapons("Statek z 20 czołgami K2 przypłynął do Gdyni.") == {"k2-black-panther"}
    assert weapons("Россия поставила С-400 «Триумф» и Су-35.") == {"s-400", "su-35"}
    assert weapons("تسلمت مصر طائرات رافال ومنظومة إس-400.") == {"rafale", "s-400"}


def test_a_twelfth_language_is_one_file(tmp_path: Path, tagger: Tagger) -> None:
    (tmp_path / "rules.yaml").write_text(
        (SHIPPED / "arms_transfer.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "languages").mkdir()
    (tmp_path / "languages" / "nl.yaml").write_text(
        "language: nl\n"
        "topics:\n  arms_transfer: [koopt, kopen]\n  weapons: [raket*]\n"
        "relations:\n  arms_transfer:\n    classes:\n"
        "      buy: [koopt, kopen]\n      from: [van]\n      arms: [raket*]\n",
        encoding="utf-8",
    )
    rs = load_rules(tmp_path)
    body = "Canada koopt raketten van Israel."
    _, alerts = analyse(Article("t", "", body, language="nl"), tagger, rs, NOW)
    assert {(a.pair["recipient"], a.pair["supplier"]) for a in alerts if a.pair} == {("CAN", "ISR")}


def test_a_bad_language_file_names_the_file_and_the_reason(tmp_path: Path) -> None:
    (tmp_path / "rules.yaml").write_text("id: r\ntitle: r\nquery: 'x'\n", encoding="utf-8")
    (tmp_path / "languages").mkdir()
    (tmp_path / "languages" / "xx.yaml").write_text("language: Dutch\n", encoding="utf-8")
    (tmp_path / "languages" / "nl.yaml").write_text(
        "language: nl\nrelations:\n  arms_trade: {classes: {buy: [koopt]}}\n", encoding="utf-8"
    )
    _, errors = load_rules_lenient(tmp_path)
    text = "\n".join(str(e) for e in errors)
    assert "xx.yaml" in text and "'Dutch' is not an ISO 639-1 code" in text
    assert "nl.yaml" in text and "unknown relation 'arms_trade'" in text


def test_published_records_keep_the_languages(tagger: Tagger, rules: RuleSet) -> None:
    again = RuleSet.from_records(rules.to_records())
    body = "Türkiye Rusya'dan S-400 hava savunma sistemi satın aldı."
    assert pairs(tagger, again, "tr", body) == {("TUR", "RUS")}
