"""Class words read by Snowball stem (issue 13, tenth round): a language file's ``stemmer:``
names a Snowball algorithm, and the classes common.yaml lists under ``stemmed`` (buy, arrive)
then read inflected forms nobody listed. Each sentence below buys with a verb form its
language file does not list; without the stemmer no sentence gives a pair. The sentences are
our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from worker.model import Article
from worker.transforms.rules import RuleSet, load_rules_lenient
from worker.transforms.rules.languages import _flat
from worker.transforms.rules.loader import SHIPPED
from worker.transforms.rules.pairs import extract_pairs
from worker.transforms.rules.word_stems import SNOWBALL_MARK, StemReader, snowball
from worker.transforms.tag import Tagger

# (language, sentence with an unlisted inflected buy verb, the unlisted form, pair)
UNLISTED = [
    ("ar", "اشترتها مصر من فرنسا طائرات مقاتلة.", "اشترتها", ("EGY", "FRA")),
    (
        "de",
        "Die Niederlande beschafften Kampfpanzer aus Deutschland.",
        "beschafften",
        ("NLD", "DEU"),
    ),
    ("es", "Chile compraba fragatas de Australia.", "compraba", ("CHL", "AUS")),
    ("fr", "La Grèce achetait des frégates à la France.", "achetait", ("GRC", "FRA")),
    ("it", "La Grecia comprava dalla Francia tre fregate.", "comprava", ("GRC", "FRA")),
    ("pl", "Czechy kupili od Niemiec czołgi Leopard 2.", "kupili", ("CZE", "DEU")),
    ("pt", "A Grécia comprava da França três fragatas.", "comprava", ("GRC", "FRA")),
    ("ru", "Нидерланды покупали у Германии танки.", "покупали", ("NLD", "DEU")),
    ("tr", "Macaristan Almanya'dan tank alacağını açıkladı.", "alacağını", ("HUN", "DEU")),
]


def read(tagger: Tagger, rules: RuleSet, lang: str, body: str) -> set[tuple[str, str]]:
    """(recipient, supplier) pairs the language's reader finds in one sentence."""
    lex = rules.relations["arms_transfer"].by_language[lang]
    tagged = tagger.tag(Article(id="t", title="", body=body, language=lang))
    return {(h.recipient, h.supplier) for h in extract_pairs(tagged, lex)}


@pytest.mark.parametrize(("lang", "body", "form", "pair"), UNLISTED, ids=[u[0] for u in UNLISTED])
def test_an_unlisted_inflection_of_a_buy_verb_is_read_by_its_stem(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, form: str, pair: tuple[str, str]
) -> None:
    lex = rules.relations["arms_transfer"].by_language[lang]
    assert form.lower() not in lex.raw["classes"]["buy"]  # the form is not listed
    assert read(tagger, rules, lang, body) == {pair}


# (language, sentence whose words share a stem with a listed buy or arrive word but mean
# something else: "important", "commanders", "met", "request", "orders", "sold")
LOOK_ALIKE_STEMS = [
    ("es", "Es importante que Alemania ayude a Ucrania con los sistemas Patriot."),
    ("it", "L'Egitto è un cliente importante della Francia per i caccia Rafale."),
    ("fr", "Les commandants ukrainiens demandent à l'Allemagne des chars Leopard."),
    ("de", "Polnische Soldaten trafen in Litauen auf deutsche Leopard-Panzer."),
    ("ar", "طلب العراق من روسيا صيانة دبابات تي-90."),
    ("es", "Colombia dio órdenes de vigilar la frontera con Venezuela con aviones Kfir."),
]


@pytest.mark.parametrize(
    ("lang", "body"), LOOK_ALIKE_STEMS, ids=[f"{u[0]}-{i}" for i, u in enumerate(LOOK_ALIKE_STEMS)]
)
def test_a_word_of_another_sense_sharing_a_listed_words_stem_reads_no_pair(
    tagger: Tagger, rules: RuleSet, lang: str, body: str
) -> None:
    assert read(tagger, rules, lang, body) == set()


def test_a_turkish_sell_verb_is_not_read_as_buy_by_the_stem_of_satin(
    tagger: Tagger, rules: RuleSet
) -> None:
    # "satın (almak)" is buy, "satmış" (has sold) shares its stem "sat": never the reverse pair
    assert ("DEU", "EGY") not in read(tagger, rules, "tr", "Almanya Mısır'a denizaltı satmış.")


def test_a_short_stem_gives_no_key() -> None:
    reader = StemReader(frozenset(), None)
    keys = reader.add_snowball(snowball("turkish"), {"buy": ["aldı", "alacak"]}, ["buy"])
    assert keys == {"buy": [SNOWBALL_MARK + "alacak"]}  # "aldı" stems to "al": too short


def test_ukrainian_names_no_stemmer_and_keeps_its_listed_forms(
    tagger: Tagger, rules: RuleSet
) -> None:
    # Snowball has no Ukrainian stemmer: an unlisted plural past stays unread (the imperfective
    # one; s37-i18n-multi listed the perfective "закупили")
    lex = rules.relations["arms_transfer"].by_language["uk"]
    assert "stemmer" not in lex.raw
    assert read(tagger, rules, "uk", "Нідерланди закуповували у Німеччини танки.") == set()
    assert read(tagger, rules, "uk", "Нідерланди закупили у Німеччини танки.") == {("NLD", "DEU")}


def shipped_copy(tmp_path: Path, lang: str, old: str, new: str) -> Path:
    """The shipped rule pack with one line of a language file replaced."""
    import shutil

    pack = tmp_path / "rules"
    shutil.copytree(SHIPPED, pack)
    path = pack / "languages" / f"{lang}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return pack


def test_without_the_stemmer_the_unlisted_form_is_not_read(tagger: Tagger, tmp_path: Path) -> None:
    pack = shipped_copy(tmp_path, "fr", "stemmer: french\n", "")
    rules, errors = load_rules_lenient(pack)
    assert errors == []
    assert read(tagger, rules, "fr", "La Grèce achètera des frégates à la France.") == set()


def test_an_unknown_stemmer_is_an_error_naming_the_file(tmp_path: Path) -> None:
    pack = shipped_copy(tmp_path, "fr", "stemmer: french\n", "stemmer: frnch\n")
    _, errors = load_rules_lenient(pack)
    assert len(errors) == 1
    assert "fr.yaml" in str(errors[0]) and "'frnch' is not a Snowball algorithm" in str(errors[0])


def test_listed_words_and_listed_stems_come_before_the_snowball_stem() -> None:
    reader = StemReader.listed(["achat_", "achète", "acheter"])
    assert reader is not None
    keys = reader.add_snowball(snowball("french"), {"buy": ["achète", "acheter"]}, ["buy"])
    assert keys == {"buy": [SNOWBALL_MARK + "achet"]}
    assert reader("achete", "achète") == "achete"  # listed whole: itself
    assert reader("achats", "achats") == "achat_"  # a listed stem: as before
    assert reader("achetera", "achètera") == SNOWBALL_MARK + "achet"  # the Snowball stem
    assert reader("avion", "avion") == "avion"  # no reading: unchanged


def test_a_snowball_stem_carries_no_status(rules: RuleSet) -> None:
    # tense decides the status ("livré" delivered, "livrera" not yet): a stem never says it
    lex = rules.relations["arms_transfer"].by_language["fr"]
    key = lex.stem("achetera", "achètera")
    assert key.startswith(SNOWBALL_MARK)
    assert not any(key in words for words in lex.status_words.values())


def test_published_records_keep_the_stemmer(tagger: Tagger, rules: RuleSet) -> None:
    # a worker that loads the rule set from the rules topic reads the same stems
    again = RuleSet.from_records(json.loads(json.dumps(rules.to_records())))
    body = "La Grèce achètera des frégates à la France."
    assert read(tagger, again, "fr", body) == {("GRC", "FRA")}


@pytest.mark.parametrize("lang", [u[0] for u in UNLISTED])
def test_compiled_stemmer_gives_the_reference_stems(lang: str) -> None:
    """The worker stems with PyStemmer (compiled); the pure-Python Snowball code is the
    reference. On every class word of the language and the sentences above, both agree, so
    the dependency changes speed only. Fails when PyStemmer is missing (the speed would fall
    back silently) or when the two packages' algorithm versions drift apart."""
    import importlib

    import yaml

    data = yaml.safe_load((SHIPPED / "languages" / f"{lang}.yaml").read_text(encoding="utf-8"))
    algorithm = data["stemmer"]
    compiled = snowball(algorithm)
    assert type(compiled.__self__).__module__ == "Stemmer", "PyStemmer is not installed"
    module = importlib.import_module(f"snowballstemmer.{algorithm}_stemmer")
    reference = next(
        getattr(module, n)() for n in dir(module) if n.endswith("Stemmer") and n != "BaseStemmer"
    )
    words = {
        w.lower()
        for rel in (data.get("relations") or {}).values()
        for ws in (rel.get("classes") or {}).values()
        # a nested list (a YAML anchor shared by two classes) is read as the loader reads it
        for w in _flat(ws or ())
        if isinstance(w, str) and " " not in w and not w.endswith("*")
    }
    nested = [w for ws in _nested(data) for w in ws]
    assert all(w.lower() in words for w in nested if " " not in w and not w.endswith("*"))
    words |= {w.lower() for s in UNLISTED if s[0] == lang for w in s[1].split()}
    assert len(words) > 20
    differ = {w: (reference.stemWord(w), compiled(w)) for w in words}
    assert {w: d for w, d in differ.items() if d[0] != d[1]} == {}


def _nested(data: dict) -> list[list[str]]:
    """The lists nested inside a language file's classes (a shared YAML anchor)."""
    return [
        [str(w) for w in _flat(item)]
        for rel in (data.get("relations") or {}).values()
        for ws in (rel.get("classes") or {}).values()
        for item in ws or ()
        if isinstance(item, list)
    ]
