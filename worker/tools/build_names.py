"""Generate the per-language country tables ``worker/data/gazetteer/i18n/<lang>.yaml``.

    python -m worker.tools.build_names [--lang de --lang ru ...] [--out DIR]

Every string comes from maintained data, none is typed here:

- names: CLDR territory names (Babel) and the ISO 3166-1 translations of Debian's iso-codes
  (shipped inside pycountry);
- capitals: CLDR exemplar city names of the time zones whose English city is a capital listed in
  ``countries.yaml`` (a capital that names no time zone, as Beijing, Ankara or Washington, is a
  hand-kept seed in ``name_seeds.yaml``);
- adjectives: CLDR currency names, whose qualifier is the national adjective ("rouble russe",
  "российский рубль", "روبل روسي"), taken only from a currency issued by that country (ISO 4217
  code starting with its alpha-2 code, current or since 1990);
- inflection: every form simplemma's dictionary lemmatises to the name or adjective (Russian,
  Ukrainian, Polish cases; German, Romance adjective endings), the German genitive -s, and the
  Arabic article and proclitics (و ف ب ل ك). Turkish suffixes need nothing: the apostrophe before
  them ("Rusya'dan") is folded to a space, so the name matches as a whole word.

A form is dropped when it already names another entity in the English gazetteer, when two
countries generate it, or when a lower-case form is an English word (simplemma's English
dictionary: "chino"; a seed's ``not_english`` forms, foreign words that dictionary holds too, are
kept, and so is a mere inflection, "americana", for articles in its own language only). Babel
and simplemma are needed only here, never at run time.
"""

from __future__ import annotations

import argparse
import gettext
import itertools
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pycountry
import yaml

from worker.transforms.folding import fold_words
from worker.transforms.gazetteer import (
    ARABIC_LETTERS,
    GAZETTEER_DIR,
    load_gazetteer,
    with_arabic_proclitics,
)

I18N_DIR = GAZETTEER_DIR / "i18n"
# The largest cartesian product of per-word forms a multi-word name may expand to.
MAX_COMBINATIONS = 200
MAX_INFLECTED_WORDS = 2  # "Южная Корея" is inflected; longer official names stay as they are
_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")  # harakat, dagger alef, tatweel
_YEARS = re.compile(r"\s*(\(.*?\)|-\s*\d{4}.*)$")
# Dictionary stress marks on Cyrillic vowels ("Ту́рции"); news copy does not write them. Only
# after a Cyrillic letter: decomposed, the acute of Latin "é", "ń", "á" is the same mark, and
# those are ordinary letters ("américaine", "amerykańska", "británicos").
_STRESS = re.compile("[\u0400-\u04ff][\u0300\u0301]")
_WORD_OK = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*$")


@dataclass(frozen=True)
class Language:
    """How one language builds its table; adding a language is one entry here."""

    code: str
    adjective_at: str  # where the currency name keeps the adjective: first | last | before-noun
    lowercase_adjectives: bool = True  # adjectives are written in lower case
    inflect_names: bool = False  # expand names through simplemma's dictionary (case languages)
    genitive_s: bool = False  # German: "Russlands"
    arabic_clitics: bool = False
    # the first part of a compound adjective made from an adjective by its ending (Polish
    # "polski" -> "polsko-", Russian "российский" -> "российско-"): (ending, replacement)
    combining: tuple[tuple[str, str], ...] = ()
    # Regular declension of a one-word name simplemma's dictionary does not list ("Бенин",
    # "Шри-Ланка"): (nominative ending, oblique endings), the first matching ending wins; a
    # consonant ending stands for the masculine consonant stems. Cases: genitive, dative,
    # accusative, instrumental, prepositional (an inanimate accusative is the nominative).
    declension: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # adjectives stand before their noun, so one often opens a sentence capitalised (written to
    # the table as ``adjectives_lead: true``; Romance adjectives follow the noun, and a
    # capitalised one there is mostly a surname: "Russo", "Greco"; German capitalises every noun,
    # so a capitalised adjective there opens proper names too, "Deutsche Bank", "Deutsche
    # Welle", and gained one mention on dev)
    adjectives_lead: bool = False
    # Regular gender and number forms of an adjective simplemma's dictionary lacks (a currency
    # gives one gender only: "livre turque" but not "turc", "riyal saoudien" but not
    # "saoudienne"): (ending, the other endings), the first matching ending wins.
    adjective_endings: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Plural names of several words ("Соединённые Штаты", "Zjednoczone Emiraty Arabskie"), whose
    # plural forms simplemma files under the singular lemma: per case, the plural ending of each
    # word and the ending that replaces it (``plural_phrase_forms``)
    plural_cases: tuple[tuple[tuple[str, str], ...], ...] = ()
    # Turkish: the people and origin word of a state is its name plus -lı/-li/-lu/-lü by vowel
    # harmony ("Ukraynalı", "Güney Koreli"), a common noun whose case and plural endings follow
    # with no apostrophe ("Ukraynalılar", "Iraklıların")
    relational_suffix: bool = False
    # French: the noun of a state's people is its adjective capitalised ("les Chinois", "un
    # Américain", "les Russes"), so every adjective form is also written capitalised (the
    # tagger then reads the lower-case form in French articles only, the capitalised one as a
    # name; an adjective form that is an English word is not); the other Romance languages
    # write the noun in lower case, and there a capitalised adjective is mostly a surname or
    # a place ("Russo", "Indiana", "Americana"); tenth stop, 2026-12-07
    people_noun_capitalised: bool = False
    # Prepositions of place: a capital right after one is the city, a mere place ("в Москве",
    # "في لندن"), not its state; each capital form is written with ``reject_if: preceded_by``
    # these words. Arabic, Spanish, Italian, Portuguese: the rules' `place` class (the pair
    # reader's, languages/<lang>.yaml, read by ``rules_class``); Russian and Ukrainian "в/во/у",
    # which the rules leave out because "в" also means "into" and the pair reader reads a
    # state's name there as a buyer; a capital there is a place in the locative only
    # (``capital_place_endings``). French "à" (also "to") is left out; twelfth stop, 2026-12-07
    capital_place: tuple[str, ...] = ()
    # The endings of the capital forms that take the condition above, where the preposition
    # governs more than one case (empty: every form): Russian and Ukrainian read a place only
    # in the locative (-е/-и, -і/-ї) and in an indeclinable name (-о: "в Осло"); with the
    # accusative "в" is "to" ("поставки в Тегеран", a delivery to Iran), and Ukrainian "у" with
    # the genitive is "from" or "has" ("закупить у Вашингтона"), where the capital stands for
    # its state as a party (review of the twelfth stop, thirteenth stop, 2026-12-07)
    capital_place_endings: tuple[str, ...] = ()
    # ... and these endings when added to a capital form that ends in a consonant (the
    # masculine stem): the Ukrainian locative of a velar stem, "у Мінську", "в Дамаску" (but
    # not the feminine accusative "в Прагу", "to Prague")
    capital_place_stem_endings: tuple[str, ...] = ()


# Russian: feminine -а/-я (velar and hushing stems take -и, not -ы) and masculine hard, soft
# (-й) and hushing consonant stems.
_RU_DECLENSION: tuple[tuple[str, tuple[str, ...]], ...] = (
    *((v + "а", ()) for v in "аеиоуэюя"),  # "Самоа", "Апиа": not declined
    *((c + "а", (c + "и", c + "е", c + "у", c + "ой")) for c in "кгхжшчщ"),
    ("ца", ("цы", "це", "цу", "цей")),
    ("ия", ("ии", "ию", "ией")),
    ("я", ("и", "е", "ю", "ей")),
    ("а", ("ы", "е", "у", "ой")),
    ("й", ("я", "ю", "ем", "е")),
    *((c, (c + "а", c + "у", c + "ем", c + "е")) for c in "жшчщц"),
    *((c, (c + "а", c + "у", c + "ом", c + "е")) for c in "бвгдзклмнпрстфх"),
)
# Ukrainian: the dative and locative of -ка/-га/-ха alternate the consonant (Шрі-Ланці); an
# inanimate masculine name takes genitive -у as well as -а (Беніну), dative -ові.
_UK_DECLENSION: tuple[tuple[str, tuple[str, ...]], ...] = (
    *((v + "а", ()) for v in "аеиіоуюя"),  # "Самоа", "Апіа": not declined
    # "Харків" -> "Харкова", "Київ" -> "Києва": the vowel alternates, no regular guess
    ("ів", ()),
    ("їв", ()),
    ("ья", ("ьї", "ью", "ьєю")),
    ("ка", ("ки", "ці", "ку", "кою")),
    ("га", ("ги", "зі", "гу", "гою")),
    ("ґа", ("ґи", "ґі", "ґу", "ґою")),
    ("ха", ("хи", "сі", "ху", "хою")),
    ("ія", ("ії", "ію", "ією")),
    ("ея", ("еї", "ею", "еєю")),
    ("я", ("і", "ю", "ею")),
    ("а", ("и", "і", "у", "ою")),
    ("й", ("ю", "я", "єві", "єм", "ї")),
    *((c, (c + "у", c + "а", c + "ові", c + "ом")) for c in "гґкх"),
    *((c, (c + "у", c + "а", c + "ові", c + "ем", c + "і")) for c in "жшчщц"),
    *((c, (c + "у", c + "а", c + "ові", c + "ом", c + "і")) for c in "бвдзлмнпрстф"),
)


# The plural of a name of several words, case by case (genitive, dative, instrumental,
# locative / prepositional): the adjective's and the noun's plural ending and what replaces it,
# the longest ending first. Read from the language's rules (`cases:` of its relation lexicon,
# the one place that lists them, which ``languages.case_test`` reads back): its `plural`
# endings, each with its one rule in every case.
PLURAL_CASES = ("genitive", "dative", "instrumental", "locative")
RULES_DIR = Path(__file__).resolve().parents[1] / "data" / "rules" / "languages"


def plural_cases(lang: str) -> tuple[tuple[tuple[str, str], ...], ...]:
    doc = yaml.safe_load((RULES_DIR / f"{lang}.yaml").read_text(encoding="utf-8"))
    spec = doc["relations"]["arms_transfer"]["cases"]
    rules = {(case, *str(r).split(">", 1)) for case in PLURAL_CASES for r in spec[case]}
    out = []
    for case in PLURAL_CASES:
        row = []
        for ending in spec["plural"]:
            found = sorted(e for c, n, e in rules if c == case and n == ending)
            if len(found) != 1:
                raise ValueError(f"{lang} cases: {case} needs one rule for plural -{ending}")
            row.append((ending, found[0]))
        out.append(tuple(row))
    return tuple(out)


def rules_class(lang: str, name: str) -> tuple[str, ...]:
    """A word class of the language's arms-transfer rules (languages/<lang>.yaml), the one place
    that lists it: the pair reader's ``place`` words are also the tables' prepositions of place
    (``Language.capital_place``)."""
    doc = yaml.safe_load((RULES_DIR / f"{lang}.yaml").read_text(encoding="utf-8"))
    return tuple(str(w) for w in doc["relations"]["arms_transfer"]["classes"][name])


def plural_phrase_forms(phrase: str, cases: tuple[tuple[tuple[str, str], ...], ...]) -> set[str]:
    """The case forms of a plural name of several words: its leading words that end in a
    plural ending of ``cases`` (two at least) take each case's ending together, the words after
    them stay ("Сполучені Штати Америки" -> "Сполученими Штатами Америки"). The noun's ending
    (the last of each case) must be among them, once; any other name gives nothing."""
    words = phrase.split()
    ends = [next((e for e, _ in cases[0] if w.endswith(e)), None) for w in words] if cases else []
    noun = cases[0][-1][0] if cases else ""  # the noun's ending: the last of each case
    # the run ends before a word of no plural ending and before a second noun (a genitive:
    # "Штати Америки")
    run = next(
        (i for i, e in enumerate(ends) if e is None or (e == noun and noun in ends[:i])),
        len(ends),
    )
    if run < 2 or noun not in ends[:run]:
        return set()
    out: set[str] = set()
    for case in cases:
        swap = dict(case)
        head = [
            w[: len(w) - len(e)] + swap[e] for w, e in zip(words[:run], ends[:run], strict=True)
        ]
        out.add(" ".join(head + words[run:]))
    return out


def _endings(*groups: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each ending of a group of gender and number endings gives the group's other endings."""
    return tuple((e, tuple(o for o in g if o != e)) for g in groups for e in g)


# French: -ien/-ienne, -ais/-aise, -ois/-oise, -ain/-aine, -and/-ande, -ol/-ole, -in/-ine,
# grec/grecque, turc/turque, émirati/émiratie, and the -e adjectives of both genders.
_FR_ENDINGS = _endings(
    ("ien", "ienne", "iens", "iennes"),
    ("ais", "aise", "aises"),
    ("ois", "oise", "oises"),
    ("ain", "aine", "ains", "aines"),
    ("and", "ande", "ands", "andes"),
    ("ol", "ole", "ols", "oles"),
    ("ec", "ecque", "ecs", "ecques"),
    ("rc", "rque", "rcs", "rques"),
    ("ati", "atie", "atis", "aties"),
    ("in", "ine", "ins", "ines"),
    ("e", "es"),
)
_ES_ENDINGS = _endings(
    ("és", "esa", "eses", "esas"),
    ("án", "ana", "anes", "anas"),
    ("o", "a", "os", "as"),
    ("í", "íes", "ís"),
    ("e", "es"),
)
_IT_ENDINGS = _endings(("o", "a", "i", "e"), ("ese", "esi"))
# German: the strong and weak endings of the -isch adjectives, for a seed simplemma lacks
# ("jemenitisch" -> "jemenitischen")
_DE_ENDINGS = _endings(("isch", "ische", "ischem", "ischen", "ischer", "isches"))
# Polish, Russian, Ukrainian: the case, gender and number endings of the -ski / -cki (-ский,
# -ський) adjectives, for a seed simplemma lacks ("burkiński" -> "burkińskiej", "нигерский" ->
# "нигерской"); simplemma's own forms give the same set
_PL_ENDINGS = _endings(
    ("ski", "ska", "skie", "skiego", "skiej", "skiemu", "skim", "skimi", "skich", "ską", "scy"),
    ("cki", "cka", "ckie", "ckiego", "ckiej", "ckiemu", "ckim", "ckimi", "ckich", "cką", "ccy"),
)
_RU_ENDINGS = _endings(
    ("ский", "ская", "ское", "ские", "ского", "ской", "скому", "ским", "скими", "ских", "скую"),
    ("цкий", "цкая", "цкое", "цкие", "цкого", "цкой", "цкому", "цким", "цкими", "цких", "цкую"),
)
_UK_ENDINGS = _endings(
    (
        "ський",
        "ська",
        "ське",
        "ські",
        "ського",
        "ської",
        "ському",
        "ським",
        "ськими",
        "ських",
        "ську",
    ),
    (
        "цький",
        "цька",
        "цьке",
        "цькі",
        "цького",
        "цької",
        "цькому",
        "цьким",
        "цькими",
        "цьких",
        "цьку",
    ),
)
_PT_ENDINGS = _endings(
    ("ês", "esa", "eses", "esas"),
    ("ão", "ã", "ães", "ãs"),
    ("o", "a", "os", "as"),
    ("e", "es"),
)


def gender_forms(words: Iterable[str], endings: Iterable[tuple[str, tuple[str, ...]]]) -> set[str]:
    """The other gender and number forms of each one-word adjective by the first of
    ``endings`` it ends in ("turque" -> "turc", "turcs", "turques")."""
    table = sorted(endings, key=lambda e: -len(e[0]))  # the longest ending first
    out: set[str] = set()
    for word in words:
        if " " in word or "-" in word:
            continue
        for ending, others in table:
            if word.endswith(ending) and len(word) - len(ending) >= 2:
                stem = word[: len(word) - len(ending)]
                out |= {stem + o for o in others}
                break
    return out


def regular_forms(
    word: str, declension: Iterable[tuple[str, tuple[str, ...]]], common: set[str]
) -> set[str]:
    """The oblique forms of a one-word name by the first ending of ``declension`` it ends in
    ("Бенин" -> "Бенина", "Бенину"...), minus any form that is a common word of the language
    (``common``, lower case: "Чаду" is also the noun for fumes). Empty when no ending fits
    (indeclinable "Того", "Перу")."""
    for ending, oblique in declension:
        if word.endswith(ending):
            stem = word[: len(word) - len(ending)]
            if len(stem) < 2:  # a bare ending or abbreviation
                return set()
            return {stem + e for e in oblique if (stem + e).lower() not in common}
    return set()


LANGUAGES: dict[str, Language] = {
    lang.code: lang
    for lang in (
        Language(
            "de", "first", inflect_names=False, genitive_s=True, adjective_endings=_DE_ENDINGS
        ),
        Language("fr", "last", adjective_endings=_FR_ENDINGS, people_noun_capitalised=True),
        Language(
            "es", "last", adjective_endings=_ES_ENDINGS, capital_place=rules_class("es", "place")
        ),
        Language(
            "it", "last", adjective_endings=_IT_ENDINGS, capital_place=rules_class("it", "place")
        ),
        Language(
            "pt", "last", adjective_endings=_PT_ENDINGS, capital_place=rules_class("pt", "place")
        ),
        Language(
            "pl",
            "last",
            inflect_names=True,
            adjective_endings=_PL_ENDINGS,
            combining=(("ski", "sko"), ("cki", "cko")),
            adjectives_lead=True,
            plural_cases=plural_cases("pl"),
        ),
        Language(
            "ru",
            "first",
            inflect_names=True,
            adjective_endings=_RU_ENDINGS,
            combining=(("ский", "ско"), ("цкий", "цко")),
            declension=_RU_DECLENSION,
            adjectives_lead=True,
            plural_cases=plural_cases("ru"),
            capital_place=("в", "во"),
            capital_place_endings=("е", "и", "о"),
        ),
        Language(
            "uk",
            "first",
            inflect_names=True,
            adjective_endings=_UK_ENDINGS,
            combining=(("ський", "сько"), ("цький", "цько")),
            declension=_UK_DECLENSION,
            adjectives_lead=True,
            plural_cases=plural_cases("uk"),
            capital_place=("в", "у"),
            capital_place_endings=("і", "ї", "о"),
            capital_place_stem_endings=("у",),
        ),
        Language("tr", "before-noun", lowercase_adjectives=False, relational_suffix=True),
        Language(
            "ar",
            "last",
            lowercase_adjectives=False,
            arabic_clitics=True,
            capital_place=rules_class("ar", "place"),
        ),
    )
}


@dataclass
class Table:
    """The generated strings of one country in one language."""

    names: set[str] = field(default_factory=set)
    capitals: set[str] = field(default_factory=set)
    adjectives: set[str] = field(default_factory=set)
    # forms matched in any letter case: the same letters are the capitalised name and the
    # lower-case adjective, and both name the state (Polish "Polski", genitive of Polska, and
    # "polski", Polish); one alias per folded key can hold one case mode only
    any_case: set[str] = field(default_factory=set)
    # first parts of compound adjectives ("franco-" in "franco-italien"): the tagger reads one
    # only before a hyphen and a nationality adjective
    combining: set[str] = field(default_factory=set)
    # lower-case forms that are English words too, kept for articles in the table's language
    # only (``reject_if: not_language``): an inflection of the adjective ("americana", "indiana")
    own_language: set[str] = field(default_factory=set)


# ---------------------------------------------------------------------------------------------
# Sources.


def clean(text: str, lang: str) -> str:
    text = unicodedata.normalize("NFC", text).strip()
    if lang == "ar":
        text = _ARABIC_MARKS.sub("", text)
    return " ".join(text.split())


def name_parts(name: str) -> list[str]:
    """The usable name: "Korea, Republic of" is not how news spells a name, and a bracket
    qualifies rather than names ("Virgin Islands (US)" must not make "US" a name of them)."""
    if "," in name or "،" in name:
        return []
    head = re.split(r"\s*[(（]", name)[0].strip()
    return [head] if head else []


def cldr_names(lang: str) -> dict[str, set[str]]:
    from babel import Locale

    loc = Locale.parse(lang)
    out: dict[str, set[str]] = defaultdict(set)
    for c in pycountry.countries:
        name = loc.territories.get(c.alpha_2)
        if name:
            out[c.alpha_3].update(clean(p, lang) for p in name_parts(name))
    return out


def iso_codes_names(lang: str) -> dict[str, set[str]]:
    """Debian iso-codes translations of each country's name, official and common name."""
    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        return {}
    out: dict[str, set[str]] = defaultdict(set)
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            english = getattr(c, attr, None)
            local = tr.gettext(english) if english else ""
            if local and local != english:
                out[c.alpha_3].update(clean(p, lang) for p in name_parts(local))
    return out


def english_capitals() -> dict[str, set[str]]:
    doc = yaml.safe_load((GAZETTEER_DIR / "countries.yaml").read_text(encoding="utf-8"))
    out: dict[str, set[str]] = defaultdict(set)
    for entry in doc["countries"]:
        for cap in entry.get("capitals") or []:
            out[entry["id"]].add(cap["text"] if isinstance(cap, dict) else cap)
    return out


def cldr_capitals(lang: str, capitals: dict[str, set[str]]) -> dict[str, set[str]]:
    """Localised exemplar cities of time zones whose English city is a capital."""
    from babel import Locale
    from babel.core import get_global

    en, loc = Locale.parse("en"), Locale.parse(lang)
    zone_territory = get_global("zone_territories")
    out: dict[str, set[str]] = defaultdict(set)
    for zone, alpha2 in zone_territory.items():
        country = pycountry.countries.get(alpha_2=alpha2)
        if country is None:
            continue
        city_en = (en.time_zones.get(zone) or {}).get("city") or zone.split("/")[-1]
        city_en = city_en.replace("_", " ")
        if fold_words(city_en) not in {fold_words(c) for c in capitals.get(country.alpha_3, ())}:
            continue
        city = (loc.time_zones.get(zone) or {}).get("city")
        if city:
            out[country.alpha_3].add(clean(city, lang))
    return out


def currency_names(lang: str) -> dict[str, set[str]]:
    """Names of the currencies each country issued since 1990, in ``lang``."""
    from babel import Locale
    from babel.numbers import get_territory_currencies

    loc = Locale.parse(lang)
    out: dict[str, set[str]] = defaultdict(set)
    for c in pycountry.countries:
        try:
            codes = get_territory_currencies(
                c.alpha_2, start_date=date(1990, 1, 1), end_date=date(2026, 1, 1), tender=True
            )
        except Exception:  # a territory Babel has no currency data for
            continue
        for code in codes:
            # Only the country's own currency: the ruble of 1991-98 is not Ukraine's adjective.
            if code[:2] == c.alpha_2 and code in loc.currencies:
                out[c.alpha_3].add(_YEARS.sub("", clean(loc.currencies[code], lang)))
    return out


def currency_nouns(currencies: dict[str, set[str]]) -> set[str]:
    """Words found in the currency names of two or more countries: the nouns and their
    qualifiers ("dollar", "франк", "nouveau", "Старый"), never a national adjective."""
    seen: dict[str, set[str]] = defaultdict(set)
    for iso3, names in currencies.items():
        for name in names:
            for word in fold_words(name).split():
                seen[word].add(iso3)
    return {w for w, owners in seen.items() if len(owners) > 1}


def adjective_of(currency: str, lang: Language, names: set[str], nouns: set[str]) -> str | None:
    """The qualifier of a currency name: the national adjective, unless the name qualifies it
    ("доллар США", "добра Сан-Томе і Принсіпі", "وون كوريا الجنوبية" carry no adjective)."""
    words = currency.split()
    folded = f" {fold_words(currency)} "
    if len(words) < 2 or any(f" {fold_words(n).strip()} " in folded for n in names):
        return None
    if lang.adjective_at == "before-noun":  # Turkish: "Rus rublesi", "İngiliz sterlini"
        rest = [w for w in words[:-1] if fold_words(w).strip() not in nouns]
        cand = " ".join(rest)
    else:
        rest = [w for w in words if fold_words(w).strip() not in nouns]
        if not rest:
            return None
        cand = rest[0] if lang.adjective_at == "first" else rest[-1]
        # A noun that a capitalised name follows is no adjective: it opens the name in the
        # genitive ("фунт острова Святої Єлени", the pound of Saint Helena's island), and as a
        # "Saint Helena" form it read every "островах" as the state (twelfth stop, 2026-12-07)
        after = words[words.index(cand) + 1 : words.index(cand) + 2] if cand in words else []
        if after and after[0][:1].isupper() and not cand.isupper() and cand[:1].islower():
            return None
    if not cand or not (cand.isupper() or _echoes(cand, names)):
        return None
    if lang.code == "de" and "-" in cand:
        return None  # "US-Dollar", "Saudi-Rial": a name prefix, not an adjective
    if not all(_WORD_OK.match(w) for w in cand.split()) or len(cand) < 3:
        return None
    # An acronym qualifying the noun ("доллар США", "ABD doları") is a name: keep its capitals.
    return cand.lower() if lang.lowercase_adjectives and not cand.isupper() else cand


SEEDS = Path(__file__).with_name("name_seeds.yaml")


def name_seeds() -> dict[str, dict[str, dict[str, list[str]]]]:
    """The hand-kept seeds (``name_seeds.yaml``): forms no maintained data set gives."""
    return yaml.safe_load(SEEDS.read_text(encoding="utf-8")) or {}


# Languages whose regional variants CLDR names after a state ("anglais américain"); the other
# variant names are separate languages ("bas-saxon néerlandais", "moldave").
VARIANT_BASES = frozenset({"en", "fr", "es", "pt", "de"})


def variant_adjectives(lang: str) -> dict[str, set[str]]:
    """CLDR's names of regional language variants, by territory: the word that qualifies the
    base language's name is the territory's adjective ("anglais américain", "американский
    английский", "angielski kanadyjski", "Amerikan İngilizcesi"). It covers states whose
    currency name carries no adjective ("dollar des États-Unis"); a qualifier that names a
    region rather than the state ("europeo" for es_ES) fails the echo test in the caller."""
    from babel import Locale

    names = Locale.parse(lang).languages
    out: dict[str, set[str]] = defaultdict(set)
    for key, name in names.items():
        base, _, region = key.partition("_")
        if base not in VARIANT_BASES or len(region) != 2 or not region.isalpha() or "(" in name:
            continue
        country = pycountry.countries.get(alpha_2=region)
        if country is None:
            continue
        base_words = [fold_words(w).strip() for w in names[base].split()]
        # Turkish declines the base ("İngilizce" -> "İngilizcesi"): a prefix is the base too.
        rest = [
            w
            for w in name.split()
            if not any(fold_words(w).strip().startswith(b) for b in base_words)
        ]
        if len(rest) == 1 and "-" not in rest[0]:
            out[country.alpha_3].add(rest[0])
    return out


def _stem3(word: str) -> str:
    """The first three letters, for Arabic of the consonant skeleton: long vowels are spelled
    either way ("أمريكي", "الأميركية")."""
    folded = fold_words(word).strip()
    if folded[:1] in ARABIC_LETTERS:
        folded = re.sub("[اوي]", "", folded.removeprefix("ال"))
    return folded[:3]


def _echoes(adjective: str, names: set[str]) -> bool:
    """Whether the adjective starts like a word of one of the country's names ("russe" and
    "Russie", "surcoreano" and "Corea del Sur", "أمريكي" and "الأمريكية"): this keeps qualifiers
    such as "antigua" (the old Sudanese pound) or "convertible" (Cuba's peso) out."""
    # An elided article ("d'Amérique", "d'America") is not the word's start.
    starts = {
        _stem3(w)
        for n in names
        for w in re.sub(r"\b\w['’]", " ", n.replace("-", " ")).split()
        if len(w) >= 3
    }
    return any(_stem3(w) in starts for w in adjective.replace("-", " ").split())


def english_names(iso3: str) -> set[str]:
    """The state's English names in ISO 3166 (pycountry): "United Kingdom of Great Britain and
    Northern Ireland", "United States of America"."""
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return set()
    return {
        getattr(country, k) for k in ("name", "official_name", "common_name") if hasattr(country, k)
    }


def _names_state(adjective: str, table: Table, iso3: str = "") -> bool:
    """Whether a regional variant's qualifier names the state: it echoes one of the state's
    names in the language, or in English ("britannique" and "Great Britain", where the local
    short name is "Royaume-Uni"), or its first four letters stand inside a compound name
    ("британский" in "Великобритания")."""
    if _echoes(adjective, table.names | english_names(iso3)):
        return True
    head = fold_words(adjective).strip()[:4]
    return len(head) == 4 and head.isalpha() and any(head in fold_words(n) for n in table.names)


# ---------------------------------------------------------------------------------------------
# Inflection.


class Forms:
    """Every surface form simplemma's dictionary maps to a lemma (read once per language)."""

    def __init__(self, lang: str, declension: tuple[tuple[str, tuple[str, ...]], ...] = ()):
        from simplemma.strategies.dictionaries import DefaultDictionaryFactory

        self.lang = lang
        self.declension = declension
        self.by_lemma: dict[str, set[str]] = defaultdict(set)
        for form, lemma in DefaultDictionaryFactory().get_dictionary(lang).items():
            self.by_lemma[lemma].add(form)
        # the language's common words, for the homonym check of regular forms
        self.common = {w.lower() for w in self.by_lemma} | {
            f.lower() for fs in self.by_lemma.values() for f in fs
        }

    def lemma(self, word: str) -> str:
        import simplemma

        lowered = simplemma.lemmatize(word.lower(), lang=self.lang)
        return lowered if word[:1].islower() else simplemma.lemmatize(word, lang=self.lang)

    def of(self, word: str, *, in_phrase: bool = False) -> set[str]:
        """``word`` and the forms of its lemma, written in the case of ``word``. Inside a
        multi-word name a capitalised adjective inflects like the lower-case one ("Korea
        Południowa"); a one-word name never does ("Mali" is not a form of "mały")."""
        capital = word[:1].isupper() and not word[1:].isupper()
        lemmas = {self.lemma(word), word}
        if in_phrase:
            lemmas |= {self.lemma(word.lower()), word.lower()}
        out = {word}
        # A form keeps the word's stem: "Того" (Togo) is not a form of the pronoun "тот".
        stem = fold_words(word[: max(3, len(word) - 2)])
        for lemma in lemmas:
            for f in self.by_lemma.get(lemma, set()) | {lemma}:
                f = f[:1].upper() + f[1:] if capital else f
                if _same_shape(f, word) and fold_words(f).startswith(stem):
                    out.add(f)
        return {f for f in out if _WORD_OK.match(f)}


def _same_shape(form: str, model: str) -> bool:
    """Same capitalisation as ``model`` (drops "РОССИИ"), no stress marks ("Ту́рции")."""
    if _STRESS.search(unicodedata.normalize("NFD", form)):
        return False
    if model[:1].isupper():
        return form[:1].isupper() and (len(form) < 2 or not form[1:].isupper())
    return form.islower()


def inflect_phrase(phrase: str, forms: Forms) -> set[str]:
    """Forms of a multi-word name, word by word (a bounded product; nonsense combinations
    such as a nominative adjective with a genitive noun never occur in text, so they cost
    nothing but automaton size)."""
    words = phrase.split()
    if len(words) > MAX_INFLECTED_WORDS:
        return {phrase}
    multi = len(words) > 1
    per_word = [sorted(forms.of(w, in_phrase=multi)) if _WORD_OK.match(w) else [w] for w in words]
    if not multi and phrase.istitle() and {f.lower() for f in per_word[0]} == {phrase.lower()}:
        # simplemma lists no forms of this name ("Шри-ланка" is a spelling, not a form): decline
        # it regularly (one-word names only, an adjective in a phrase would be read as a noun)
        per_word[0] += sorted(regular_forms(phrase, forms.declension, forms.common))
    total = 1
    for options in per_word:
        total *= len(options)
    if total > MAX_COMBINATIONS:
        return {phrase}
    return {" ".join(combo) for combo in itertools.product(*per_word)}


def german_genitive(names: Iterable[str]) -> set[str]:
    return {n + "s" for n in names if not n.endswith(("s", "ß", "x", "z"))}


def arabic_forms(word: str, *, adjective: bool = False) -> set[str]:
    """A name, or a nisba adjective with its article, gender and plural forms, each with the
    one-letter proclitics."""
    base = {word}
    if adjective and not word.startswith("ال"):
        # each word of a two-word nisba agrees ("كوري جنوبي" -> "الكورية الجنوبية")
        stems = [w.removesuffix("ة") for w in word.split()]
        base = {" ".join(st + end for st in stems) for end in ("", "ة", "ون", "ين")}
        base |= {" ".join("ال" + w for w in b.split()) for b in base}
    return {form for b in base for form in with_arabic_proclitics(b)}


def arabic_adjective(word: str) -> str | None:
    """The masculine indefinite nisba ("روسي") from "روسي", "الروسية", "تركية"."""
    stem = word.removeprefix("ال").removesuffix("ة")
    return stem if stem.endswith("ي") and len(stem) >= 3 else None


def name_nisbas(table: Table) -> set[str]:
    """The nisba adjectives a state's own names hold, in the spelling the names use, when they
    have the same consonants as one of its adjectives: "الولايات المتحدة الأميركية" gives
    "أميركي" beside the currency's "أمريكي" (news copy writes both)."""
    skeletons = {_stem3(a) for a in table.adjectives}
    words = {w.removeprefix("ال") for n in table.names for w in n.split()}
    # a qualifier after the head noun, not the name itself ("أوروغواي", "ملاوي" end like one)
    found = {arabic_adjective(w) for n in table.names for w in n.split()[1:]}
    return {a for a in found if a and a not in words and _stem3(a) in skeletons} - table.adjectives


# ---------------------------------------------------------------------------------------------
# Building.


def build_language(
    lang: Language, capitals_en: dict[str, set[str]], forms: Forms | None
) -> dict[str, Table]:
    tables: dict[str, Table] = defaultdict(Table)
    for source in (cldr_names(lang.code), iso_codes_names(lang.code)):
        for iso3, names in source.items():
            tables[iso3].names |= names
    for iso3, caps in cldr_capitals(lang.code, capitals_en).items():
        tables[iso3].capitals |= caps
    currencies = currency_names(lang.code)
    nouns = currency_nouns(currencies)
    for iso3, names in currencies.items():
        for cur in names:
            adj = adjective_of(cur, lang, tables[iso3].names, nouns)
            if adj and lang.arabic_clitics:
                adj = arabic_adjective(adj)
            if adj:
                tables[iso3].adjectives.add(adj)
    for iso3, words in variant_adjectives(lang.code).items():
        for word in words:
            own = {fold_words(n).strip() for n in tables[iso3].names}
            if fold_words(word).strip() in own:
                continue  # the name itself ("Kanada İngilizcesi")
            if not (
                _WORD_OK.match(word) and len(word) >= 3 and _names_state(word, tables[iso3], iso3)
            ):
                continue
            tables[iso3].adjectives.add(word.lower() if lang.lowercase_adjectives else word)
    if lang.arabic_clitics:
        for table in tables.values():
            table.adjectives |= name_nisbas(table)
    for iso3, seed in name_seeds().get(lang.code, {}).items():
        tables[iso3].names |= set(seed.get("names", ()))
        tables[iso3].capitals |= set(seed.get("capitals", ()))
        tables[iso3].adjectives |= set(seed.get("adjectives", ()))
        tables[iso3].any_case |= set(seed.get("any_case", ()))
        tables[iso3].combining |= set(seed.get("combining", ()))
    generic = generic_heads(tables)
    tails = generic_heads(tables, at=-1) if lang.relational_suffix else set()
    for table in tables.values():
        if lang.relational_suffix:
            table.adjectives |= turkish_relational(table.names, tails)
        _inflect(table, lang, forms, generic)
        table.combining |= combining_forms(table.adjectives, lang.combining)
    for iso3, seed in name_seeds().get(lang.code, {}).items():
        # forms the inflection gives that must not name the state: a people's noun in the
        # singular that is also a common surname ("Minister Szwed"); only its plural is kept
        tables[iso3].names -= set(seed.get("not_names", ()))
    return tables


def combining_forms(adjectives: Iterable[str], endings: Iterable[tuple[str, str]]) -> set[str]:
    """The first parts of compound adjectives a language makes from its adjectives by their
    ending ("polski" -> "polsko", "китайский" -> "китайско"); none when it lists no endings."""
    return {
        adj[: -len(end)] + new
        for adj in adjectives
        for end, new in endings
        if adj.endswith(end) and len(adj) > len(end) + 2
    }


def generic_heads(tables: dict[str, Table], at: int = 0) -> set[str]:
    """First words that open the names of five or more countries ("Республика", "Republika",
    "Королевство"): official long forms, rare in news, are kept uninflected so the table stays
    small (their word-by-word product would be most of it). ``at=-1``: last words that close
    them, in a language that puts the head last (Turkish "Cumhuriyeti", "Krallığı")."""
    count: dict[str, int] = defaultdict(int)
    for t in tables.values():
        for head in {n.split()[at] for n in t.names if " " in n}:
            count[head] += 1
    return {h for h, n in count.items() if n >= 5}


# Turkish vowel harmony: the last vowel of the stem picks the vowel of -lI (i-type, four ways)
# and of the endings after it (a/e-type, two ways).
_TR_BACK = frozenset("aıou")
_TR_HIGH = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "i": "i", "ö": "ü", "ü": "ü"}
# Endings of the -lI word: none, the plural with its genitive, dative, accusative, comitative,
# ablative and locative, and the singular's genitive, dative, accusative and comitative
# ("Ukraynalılardan", "Koreliye"); "A" is a/e, "I" the four-way high vowel.
_TR_RELATIONAL_ENDINGS = (
    "", "lAr", "lArIn", "lArA", "lArI", "lArlA", "lArdAn", "lArdA",
    "nIn", "yA", "yI", "ylA", "dAn", "dA",
)  # fmt: skip


def turkish_relational(names: Iterable[str], generic: set[str]) -> set[str]:
    """The -lI forms of each name of one or two words that is not an official long form
    ("Ukrayna" -> "Ukraynalı", "Ukraynalılar"...; "Güney Kore" -> "Güney Koreli"...); a long form
    ending in a word that closes five or more names ("Cumhuriyeti", "Krallığı") gives none."""
    out: set[str] = set()
    for name in names:
        words = name.split()
        if len(words) > 2 or words[-1] in generic or not _WORD_OK.match(words[-1]):
            continue
        vowels = [c for c in name.lower() if c in _TR_HIGH]
        if not vowels:
            continue
        high = _TR_HIGH[vowels[-1]]  # the vowel of -lI
        low = "a" if high in _TR_BACK else "e"
        base = name + "l" + high
        for ending in _TR_RELATIONAL_ENDINGS:
            out.add(base + ending.replace("A", low).replace("I", high))
    return out


def _inflect(table: Table, lang: Language, forms: Forms | None, generic: set[str]) -> None:
    # from the dictionary forms, before simplemma's forms join them
    plural = {f for n in table.names for f in plural_phrase_forms(n, lang.plural_cases)}
    if forms is not None:
        if lang.inflect_names:
            table.names = {
                f
                for n in table.names
                for f in ({n} if n.split()[0] in generic else inflect_phrase(n, forms))
            }
            table.capitals = {f for n in table.capitals for f in inflect_phrase(n, forms)}
        table.adjectives = {f for a in table.adjectives for f in forms.of(a)}
    table.names |= plural
    if lang.adjective_endings:
        table.adjectives |= gender_forms(table.adjectives, lang.adjective_endings)
    if lang.genitive_s:
        table.names |= german_genitive(table.names)
    if lang.arabic_clitics:
        table.names = {f for n in table.names for f in arabic_forms(n)}
        table.capitals = {f for n in table.capitals for f in arabic_forms(n)}
        table.adjectives = {f for a in table.adjectives for f in arabic_forms(a, adjective=True)}


def english_words() -> set[str]:
    """English words in lower case (simplemma's dictionary), unfolded: "francés" is not one;
    less the forms the seeds mark ``not_english``, foreign words the dictionary holds too."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    foreign = {
        w.lower()
        for rows in name_seeds().values()
        for seed in rows.values()
        for w in seed.get("not_english", ())
    }
    return {w.lower() for w in DefaultDictionaryFactory().get_dictionary("en")} - foreign


def resolve(
    all_tables: dict[str, dict[str, Table]], english: dict[str, str | None], en_words: set[str]
) -> list[str]:
    """Drop every form that would name two things; return what was dropped and why."""
    owners: dict[str, set[str]] = defaultdict(set)
    for tables in all_tables.values():
        for iso3, t in tables.items():
            for s in t.names | t.capitals | t.adjectives | t.combining:
                owners[fold_words(s).strip()].add(iso3)
    dropped: list[str] = []
    for lang, tables in all_tables.items():
        lemma = _lemmatizer(lang)
        for iso3, t in tables.items():
            # a combining form that is also a whole name or adjective matches as that
            whole = {fold_words(x).strip() for x in t.names | t.capitals | t.adjectives}
            t.combining = {x for x in t.combining if fold_words(x).strip() not in whole}
            for kind in ("names", "capitals", "adjectives", "combining"):
                keep = set()
                for s in getattr(t, kind):
                    key = fold_words(s).strip()
                    why = _conflict(key, iso3, owners, english, en_words, s)
                    if why == ENGLISH_WORD and _inflection_only(s, lemma, en_words):
                        t.own_language.add(s)
                        why = None
                    if why:
                        dropped.append(f"{lang} {iso3} {s!r}: {why}")
                    else:
                        keep.add(s)
                setattr(t, kind, keep)
    return sorted(set(dropped))


def _conflict(
    key: str,
    iso3: str,
    owners: dict[str, set[str]],
    english: dict[str, str | None],
    en_words: set[str],
    surface: str,
) -> str | None:
    if key in english and english[key] != iso3:
        return f"names {english[key] or 'a blocker'} in the English gazetteer"
    if len(owners[key]) > 1:
        return f"generated for {sorted(owners[key])}"
    if surface.islower() and surface in en_words and key not in english:
        # "chino", "convertible": an English text would name a country. Capitalised names are
        # left alone (the dictionary lists "Chine", "Deutschland"); their traps are measured and
        # kept in homonyms.yaml ("Island", German for Iceland).
        return ENGLISH_WORD
    return None


ENGLISH_WORD = "an English word"


def _lemmatizer(lang: str) -> Callable[[str], str]:
    import simplemma

    return lambda w: simplemma.lemmatize(w, lang=lang)


def _inflection_only(surface: str, lemma: Callable[[str], str], en_words: set[str]) -> bool:
    """Whether an adjective form that is an English word is only an inflection there: a feminine
    or plural whose dictionary form is another word and no English one ("americana" of
    "americano", "indiana" of "indiano", "polonaise" of "polonais"). English copy never writes
    it in lower case as the adjective, and in the table's language it is the adjective; a form
    that is its own dictionary word ("malaise", "chino", "mongol") stays dropped."""
    base = lemma(surface)
    return base != surface and base not in en_words


def _entries(
    forms: set[str],
    any_case: set[str],
    lang: str = "",
    own_language: set[str] | None = None,
    people: set[str] | None = None,
) -> list[str | dict[str, Any]]:
    def entry(s: str) -> str | dict[str, Any]:
        if people and s in people:
            # the people's noun is the language's own writing: elsewhere, or after a first name
            # or title, the capitalised word is a surname or another word ("Mr Allemand")
            return {"text": s, "reject_if": [{"people_noun_as_name": [lang]}]}
        if own_language and s in own_language:
            # a reject_if, not a keep_if: a keep_if that holds would override the form's
            # homonym conditions (homonyms.yaml: "fila indiana") in its own language
            return {"text": s, "reject_if": [{"not_language": [lang]}]}
        return {"text": s, "case": "insensitive"} if s in any_case else s

    return [entry(s) for s in sorted(forms)]


def people_nouns(lang: str, table: Table) -> set[str]:
    """The capitalised adjective forms that are the noun of the state's people ("Chinois"), in
    a language that so writes it (``Language.people_noun_capitalised``): not a form kept only
    for the language's own articles, which is an English word ("Polonaise"), nor one of four
    letters or fewer ("Grec", "Turc"): the gazetteer matches a short capitalised form only as
    written and so would lose the lower-case adjective that shares its key; nor one that is the
    state's own name ("Suisse"): the gazetteer merges forms by key, so the people noun's
    condition would also reject the name ("La Suisse achète ...")."""
    if not LANGUAGES[lang].people_noun_capitalised:
        return set()
    capitalised = {a[0].upper() + a[1:] for a in table.adjectives if a[:1].islower()}
    return {
        c
        for c in capitalised
        if c[0].lower() + c[1:] not in table.own_language and len(c) > 4 and c not in table.names
    }


def render(
    lang: str,
    tables: dict[str, Table],
    sources: str,
    elsewhere: frozenset[str] = frozenset(),
    english: frozenset[str] = frozenset(),
    names: frozenset[str] = frozenset(),
) -> str:
    """The language's YAML file. ``elsewhere``: the folded forms the English gazetteer or another
    language gives; a people's noun sharing one is a name there ("Italien", German for Italy;
    "Afghan", English) and takes no condition that limits it to this language. ``english``: the
    English gazetteer's folded forms, ``names`` every table's folded names and adjectives: a
    capital sharing one takes no condition of place."""

    def people(t: Table) -> set[str]:
        return {s for s in people_nouns(lang, t) if fold_words(s).strip() not in elsewhere}

    place, endings = LANGUAGES[lang].capital_place, LANGUAGES[lang].capital_place_endings
    stem_endings = LANGUAGES[lang].capital_place_stem_endings
    # one object for every capital, which the YAML writes once and refers to (an anchor)
    in_place = [{"preceded_by": list(place)}]

    def place_case(c: str, t: Table) -> bool:
        if not endings or c.endswith(endings):
            return True
        return any(c.endswith(e) and c[: -len(e)] in t.capitals for e in stem_endings)

    def capitals(t: Table) -> list[str | dict[str, Any]]:
        # a capital after a preposition of place is the city; not a form the English
        # gazetteer gives too ("Lima"), whose merged condition would hold in English copy, nor
        # one that is also a state's name in any table ("Алжир", "الكويت", "تونس": the state
        # and its capital are one word, and the merged condition would reject the name); and
        # only a form of the case the preposition of place takes (``capital_place_endings``)
        return [
            {"text": c, "reject_if": in_place}
            if place and fold_words(c).strip() not in english | names and place_case(c, t)
            else c
            for c in sorted(t.capitals)
        ]

    doc = {
        "language": lang,
        **({"adjectives_lead": True} if LANGUAGES[lang].adjectives_lead else {}),
        "countries": [
            {
                "id": iso3,
                **({"aliases": _entries(t.names, t.any_case)} if t.names else {}),
                **(
                    {
                        "demonyms": _entries(
                            t.adjectives | people_nouns(lang, t),
                            t.any_case,
                            lang,
                            t.own_language,
                            people(t),
                        )
                    }
                    if t.adjectives
                    else {}
                ),
                **({"capitals": capitals(t)} if t.capitals else {}),
                **({"combining": sorted(t.combining)} if t.combining else {}),
            }
            for iso3, t in sorted(tables.items())
            if t.names or t.adjectives or t.capitals
        ],
    }
    head = (
        f"# GENERATED by `python -m worker.tools.build_names --lang {lang}`; do not edit by hand\n"
        f"# (homonym conditions live in ../homonyms.yaml; hand-kept seeds in\n"
        f"# worker/tools/name_seeds.yaml). Sources: {sources}\n"
    )
    return head + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100)


def versions() -> str:
    from importlib.metadata import version

    return (
        f"Babel {version('babel')} (Unicode CLDR, Unicode licence), pycountry "
        f"{version('pycountry')} (Debian iso-codes, LGPL-2.1+), simplemma {version('simplemma')} "
        "(MIT)."
    )


def build(langs: list[str], out: Path, write: Iterable[str] | None = None) -> Iterator[str]:
    """Build every language in ``langs`` (conflicts are checked across all of them) and write
    the files of ``write`` (default: all)."""
    english = {
        key.strip(): alias.entity for key, alias in load_gazetteer(languages=False).aliases.items()
    }
    en_words = english_words()
    capitals_en = english_capitals()
    all_tables: dict[str, dict[str, Table]] = {}
    for code in langs:
        lang = LANGUAGES[code]
        needs_forms = lang.inflect_names or lang.code in ("de", "fr", "es", "it", "pt")
        forms = Forms(code, lang.declension) if needs_forms else None
        all_tables[code] = build_language(lang, capitals_en, forms)
        yield f"{code}: built"
    yield from resolve(all_tables, english, en_words)
    out.mkdir(parents=True, exist_ok=True)
    sources = versions()
    names = frozenset(
        fold_words(s).strip()
        for tabs in all_tables.values()
        for t in tabs.values()
        for s in t.names | t.adjectives
    )
    for code, tables in all_tables.items():
        if write is not None and code not in write:
            continue
        elsewhere = frozenset(english) | {
            fold_words(s).strip()
            for other, tabs in all_tables.items()
            if other != code
            for t in tabs.values()
            for s in t.names | t.adjectives | t.capitals
        }
        text = render(code, tables, sources, elsewhere, frozenset(english), names)
        (out / f"{code}.yaml").write_text(text, encoding="utf-8")
        n = sum(len(t.names) + len(t.capitals) + len(t.adjectives) for t in tables.values())
        yield f"{code}: {n} forms for {len(tables)} countries -> {out / f'{code}.yaml'}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m worker.tools.build_names",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument(
        "--lang", action="append", choices=sorted(LANGUAGES), help="write only these (default: all)"
    )
    ap.add_argument("--out", type=Path, default=I18N_DIR, help=f"default: {I18N_DIR}")
    args = ap.parse_args(argv)
    # Every language is resolved against the others, so a partial build still reads them all.
    for line in build(sorted(LANGUAGES), args.out, args.lang):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
