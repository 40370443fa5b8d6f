"""Languages other than English as data: topic terms and relation role markers per language.

Each language is one file, ``data/rules/languages/<code>.yaml`` (a pack may add its own under
``<pack>/languages/``)::

    language: de
    topics:                      # the topic's terms for articles in this language only
      arms_transfer: [kauf*, liefer*, ...]
    relations:
      arms_transfer:             # word classes (and optional extra role patterns) for the reader
        classes: {buy: [kauft, ...], from: [von, aus], ...}
        ignore: [der, die, das]
        roles: {supplier: ["X ' {abl}"]}
        status: {delivered: [geliefert]}

The role patterns every language shares live in ``common.yaml`` (same directory) and are written
with word classes only (``{buy}``, ``{from}`` ...), so a language fills the classes with its own
words, case markers and prepositions, and a twelfth language is a new file, not code. A pattern
naming a class the language leaves empty is dropped for that language.

Words ending in ``*`` are stems: every token that starts with one is read as the stem itself
(longest stem first), so "teslimatının" and "teslim" both read as ``teslim*``; Turkish,
Slavic and Arabic inflection needs that more than a list of forms. A file may also name a
Snowball algorithm (``stemmer: french``): the classes ``common.yaml`` lists under ``stemmed``
then also read, by Snowball stem, the tokens nothing listed reads (``word_stems.py``). A
language that writes compounds names ``compounds:`` under its relation (the classes whose
words head a compound, head-only words, minimum lengths, a guard list): German arms words
inside compounds nobody listed are read by their head.

The English lexicon (``relations/*.yaml``) stays the reader for English text and for text of
unknown language; an article in a language with a file is read with that language's lexicon,
by the symbol patterns alone (the dependency parse is English-only). Rules stay the same in
every language: ``topic:arms_transfer`` and pair rules fire on a Turkish or French report alike,
``topic:X`` meaning a shared term of X or a term of the article's own language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from worker.transforms.folding import fold_letters
from worker.transforms.gazetteer import language_country_forms, language_demonyms
from worker.yaml_doc import YamlDoc, YamlReadError

from . import pairs
from .pairs import SIDES, LexiconError, RelationLexicon, _load_scorer
from .schema import Topic
from .transfer import STATUS_KEYS, STATUSES
from .word_stems import (
    SNOWBALL_MARK,
    STEM_MARK,
    Compounds,
    StatusReader,
    StemmerError,
    StemReader,
    snowball,
)

COMMON_FILE = "common.yaml"
_CLASS_REF = re.compile(r"\{(\w+)\}")

_LANG_CODE = re.compile(r"^[a-z]{2,3}$")
_PATTERN_WORD = re.compile(r"\w+")
_ONE_WORD = re.compile(r"^\w+$").match


def _adjective_roles(spec: object) -> frozenset[str]:
    """The sides a country adjective may fill as "the one remaining country"
    (``fill_adjectives``): true for both, false for none, or a list of sides."""
    if isinstance(spec, bool):
        return SIDES if spec else frozenset()
    if not isinstance(spec, list) or not set(spec) <= SIDES:
        raise LexiconError(f"fill_adjectives: true, false or a list of {sorted(SIDES)}: {spec!r}")
    return frozenset(spec)


def _empty_check(item: str, filled: set[str]) -> bool:
    """A pattern item ``!{class}`` naming a class the language leaves empty."""
    m = re.fullmatch(r"!\{(\w+)\}", item)
    return m is not None and m.group(1) not in filled


@dataclass(frozen=True, slots=True)
class LanguageFile:
    """One language's data as read from its file."""

    lang: str
    file: str
    topics: dict[str, list[str]]
    relations: dict[str, dict[str, Any]]
    stemmer: str | None = None  # a Snowball algorithm reading the class words by stem


@dataclass(frozen=True, slots=True)
class LanguageError:
    """A problem in a language file: ``file: reason`` (the loader turns it into a RuleError)."""

    file: str
    line: int | None
    reason: str


def language_dirs(shipped: Path, pack_dir: Path | None) -> list[Path]:
    """Where language files are read: the shipped directory, then a pack's own."""
    dirs = [shipped / "languages"]
    if pack_dir is not None and pack_dir.resolve() != shipped.resolve():
        dirs.append(pack_dir / "languages")
    return dirs


def read_languages(
    dirs: Iterable[Path],
) -> tuple[dict[str, Any], list[LanguageFile], list[LanguageError]]:
    """(common patterns, language files, errors) from ``dirs``; a later file for the same
    language replaces an earlier one (a pack's own file wins over the shipped one)."""
    common: dict[str, Any] = {}
    by_lang: dict[str, LanguageFile] = {}
    errors: list[LanguageError] = []
    for d in dirs:
        for path in sorted(d.glob("*.yaml")):
            try:
                doc = YamlDoc.read(path)
                data = doc.data
                doc.close()
            except YamlReadError as exc:
                errors.append(LanguageError(exc.file, exc.line, exc.reason))
                continue
            if not isinstance(data, dict):
                errors.append(LanguageError(str(path), 1, "a language file must be a mapping"))
                continue
            if path.name == COMMON_FILE:
                common = data
                continue
            lf, problem = _language_file(path, data)
            if problem:
                errors.append(LanguageError(str(path), 1, problem))
            else:
                by_lang[lf.lang] = lf
    return common, list(by_lang.values()), errors


def _language_file(path: Path, data: dict[str, Any]) -> tuple[LanguageFile, str | None]:
    lang = str(data.get("language", ""))
    topics = data.get("topics") or {}
    relations = data.get("relations") or {}
    stem = data.get("stemmer")
    lf = LanguageFile(lang, str(path), {}, {})
    if not _LANG_CODE.match(lang):
        return lf, f"language: {lang!r} is not an ISO 639-1 code like 'de' (lower case)"
    if path.stem != lang:
        return lf, f"language: {lang!r} does not match the file name {path.name!r}"
    if not isinstance(topics, dict) or not all(
        isinstance(v, list) and all(isinstance(t, str) for t in v) for v in topics.values()
    ):
        return lf, "topics: must map a topic id to a list of terms"
    if not isinstance(relations, dict) or not all(isinstance(v, dict) for v in relations.values()):
        return lf, "relations: must map a relation name to its classes and patterns"
    if stem is not None and not isinstance(stem, str):
        return lf, "stemmer: must name a Snowball algorithm, like 'french'"
    return LanguageFile(lang, str(path), dict(topics), dict(relations), stem), None


def extend_topics(
    topics: dict[str, Topic],
    languages: list[LanguageFile],
    common: Mapping[str, Any] | None = None,
) -> dict[str, Topic]:
    """Topics with each language's terms as that language's own (``Topic.by_lang``): they count
    only in an article of that language, so no article scans another language's words and a
    stem cannot reach a word of another language (French ``accord*``, English "according").

    A language's terms are its file's ``topics:`` lists plus the words of the relation classes
    ``common.yaml`` maps to a topic (``class_topic_terms``), so the pair rule's query and the
    reader cannot drift apart. A term the topic already shares, or a word one of the language's
    listed stems already covers, is not repeated; a term tagged with a topic that does not
    exist is ignored (a pack may leave a shipped topic out)."""
    out = dict(topics)
    for lf in languages:
        derived = class_topic_terms(lf, common or {})
        for tid in dict.fromkeys([*lf.topics, *derived]):
            t = out.get(tid)
            if t is None:
                continue
            shared = set(t.terms)
            both = [*lf.topics.get(tid, []), *derived.get(tid, [])]
            own = _uncovered([x for x in dict.fromkeys(both) if x not in shared], t.terms)
            if not own:
                continue
            by_lang = {**t.by_lang, lf.lang: own}
            # raw too: a rule set published as records carries every language's terms
            out[tid] = replace(t, by_lang=by_lang, raw={**t.raw, "languages": by_lang})
    return out


def _uncovered(terms: list[str], shared: list[str]) -> list[str]:
    """``terms`` less those a one-word stem among them or ``shared`` already matches
    ("livré" and "livraison*" under ``livr*``): they would only add scan cost."""
    stems = {
        fold_letters(x[:-1]): x for x in [*shared, *terms] if x.endswith("*") and _ONE_WORD(x[:-1])
    }

    def covered(x: str) -> bool:
        f = fold_letters(x)
        return any(f.startswith(s) and stems[s] != x for s in stems)

    return [x for x in terms if not covered(x)]


def class_topic_terms(lf: LanguageFile, common: Mapping[str, Any]) -> dict[str, list[str]]:
    """Topic terms a language takes from its own relation classes: ``common.yaml`` maps, per
    relation, a topic id to class names (``topics:``; a language's own mapping replaces it),
    and every entry of those classes counts as a term of that topic for the language, as the
    reader reads it: a word as listed, a listed stem as the stem (``livr*``), and, for the
    classes the language reads by Snowball stem, each Snowball stem as a prefix (``achet*``
    for "achètera"). Safe only because these terms are the language's own (``extend_topics``):
    a stem never meets text of another language."""
    shared = common.get("relations") or {}
    out: dict[str, list[str]] = {}
    for name, own in lf.relations.items():
        base = shared.get(name) or {}
        mapping = own.get("topics", base.get("topics")) or {}
        if not mapping:
            continue
        merged = merge_language(name, base, own, lf.stemmer)
        classes = merged["classes"]
        try:
            keys = snowball_members(merged, StemReader(frozenset(), None)) if lf.stemmer else {}
        except LexiconError:
            keys = {}  # attach_relations reports the language's lexicon error
        compounds = merged.get("compounds") or {}
        for tid, names in mapping.items():
            terms = out.setdefault(str(tid), [])
            for cls in names or ():
                for w in [*(classes.get(cls) or ()), *keys.get(cls, ())]:
                    terms.append(_topic_term(str(w)))
                terms.extend(_compound_terms(compounds, cls, classes))
    return out


def _compound_terms(
    compounds: Mapping[str, Any], cls: str, classes: Mapping[str, list[str]]
) -> list[str]:
    """For a class that heads compounds (``compounds.heads``), its words as compound heads in
    topic terms: ``*panzer`` for a listed word, ``*rakete*`` for a listed stem, so the query
    lets through what the reader reads ("Kampfpanzer", "Tankflugzeuge"). Words shorter than
    ``min_head`` head nothing, as in the reader; its ``except`` guards stay the reader's (the
    query is the coarse step)."""
    if not isinstance(compounds, Mapping) or cls not in (compounds.get("heads") or ()):
        return []
    min_head = int(compounds.get("min_head", 4))
    only = (compounds.get("words") or {}).get(cls) or []
    out = []
    for word in [*(classes.get(cls) or ()), *only]:
        w = str(word)
        if " " in w or w.startswith(SNOWBALL_MARK):
            continue
        stem = w.endswith(STEM_MARK) or w.endswith("*")
        head = w.rstrip("*" + STEM_MARK)
        if len(head) >= min_head and "*" not in head:
            out.append(f"*{head}*" if stem else f"*{head}")
    return out


def _topic_term(word: str) -> str:
    """A class entry as a topic term: ``stem_`` and a Snowball key ``__stem`` as ``stem*``."""
    if word.startswith(SNOWBALL_MARK):
        return word[len(SNOWBALL_MARK) :] + "*"
    if word.endswith(STEM_MARK) and len(word) > 1:
        return word[:-1] + "*"
    return word


def attach_relations(
    relations: Mapping[str, RelationLexicon],
    common: Mapping[str, Any],
    languages: list[LanguageFile],
) -> list[LanguageError]:
    """Compile each language's lexicon of each relation into ``lexicon.by_language``."""
    errors: list[LanguageError] = []
    shared = common.get("relations") or {}
    for lf in languages:
        for name, raw in lf.relations.items():
            base = relations.get(name)
            if base is None:
                errors.append(LanguageError(lf.file, None, f"relations: unknown relation {name!r}"))
                continue
            try:
                merged = merge_language(name, shared.get(name) or {}, raw, lf.stemmer)
                base.by_language[lf.lang] = compile_language(merged)
                # raw too: a rule set published as records rebuilds the same lexicons
                base.raw.setdefault("languages", {})[lf.lang] = merged
            except LexiconError as exc:
                errors.append(LanguageError(lf.file, None, f"relations.{name}: {exc}"))
    return errors


def _flat(words: Iterable[Any]) -> list[Any]:
    """A class's (or status list's) words with a nested list spliced in: a YAML anchor shares one
    list between two lists ("sell: [..., &handing [...]]", "handover: *handing", "delivered:
    [..., *received]") and is written once."""
    return [w for item in words for w in (_flat(item) if isinstance(item, list) else [item])]


def merge_language(
    name: str, common: Mapping[str, Any], own: Mapping[str, Any], stem: str | None = None
) -> dict[str, Any]:
    """One language's relation lexicon as a plain dict: the shared patterns over the language's
    classes, plus its own patterns (stems written ``stem_``); with ``stem`` (the language's
    Snowball algorithm), the classes named ``stemmed`` (the language's, else the shared list)
    are also read by Snowball stem."""
    classes = {
        k: [_stem_word(w) for w in _flat(v or [])] for k, v in (own.get("classes") or {}).items()
    }
    filled = {k for k, v in classes.items() if v}

    def usable(patterns: Iterable[Any]) -> list[str]:
        # a check that the next word is not of a class the language leaves empty always passes:
        # the check goes, the pattern stays ("{to} C {and} X !{clause}")
        kept = [
            " ".join(i for i in str(p).split() if not _empty_check(i, filled)) for p in patterns
        ]
        return [p for p in kept if set(_CLASS_REF.findall(p)) <= filled]

    status = own.get("status") or {}
    # shared patterns the language's word order makes wrong (Arabic puts the adjective after
    # the noun, so "XA W=" reads "the Algerian army ... a submarine" as an Algerian submarine)
    unshared = {" ".join(str(p).split()) for p in own.get("unshared") or []}
    known = {
        " ".join(str(p).split()) for pats in (common.get("roles") or {}).values() for p in pats
    }
    if unshared - known:
        # a pattern spelled differently from the shared one would silently drop nothing
        raise LexiconError(f"unshared: {sorted(unshared - known)} are not shared patterns")
    shared_roles = {
        role: [p for p in pats if " ".join(str(p).split()) not in unshared]
        for role, pats in (common.get("roles") or {}).items()
    }
    roles: dict[str, list[str]] = {}
    for src in (shared_roles, own.get("roles") or {}):
        for role, pats in src.items():
            roles.setdefault(role, []).extend(usable(pats))
    raw = {
        "relation": name,
        "description": str(own.get("description", common.get("description", ""))),
        "window": own.get("window", common.get("window", 6)),
        "arms_window": own.get("arms_window", common.get("arms_window", 10)),
        "negator_window": own.get("negator_window", common.get("negator_window", 2)),
        "ignore": list(own.get("ignore") or []),
        "kept": list(own.get("kept") or []),
        "classes": classes,
        "triggers": usable([*(common.get("triggers") or []), *(own.get("triggers") or [])]),
        "negators": usable([*(common.get("negators") or []), *(own.get("negators") or [])]),
        "roles": roles,
        "status": {k: [_stem_word(w) for w in _flat(v or [])] for k, v in status.items()},
        "adjectives": dict(own.get("adjectives") or {}),
    }
    if own.get("status_shared"):  # words declared to stand in two status lists (languages.md)
        raw["status_shared"] = [str(w) for w in _flat(own["status_shared"])]
    if own.get("compounds"):
        raw["compounds"] = dict(own["compounds"])
    if own.get("case_marker"):
        raw["case_marker"] = str(own["case_marker"])
    if common.get("scorer"):  # the ten languages' learned scorer, one weights file for all
        raw["scorer"] = str(common["scorer"])
    if own.get("written"):
        raw["written"] = [str(w) for w in own["written"]]
    if own.get("proclitics"):
        raw["proclitics"] = [str(p) for p in own["proclitics"]]
    if own.get("joined_to"):
        raw["joined_to"] = dict(own["joined_to"])
    if own.get("cases"):
        raw["cases"] = dict(own["cases"])
    if "fill_adjectives" in own:
        raw["fill_adjectives"] = own["fill_adjectives"]
    # weak triggers (a verb of sending: troops and aid are sent too) count only when one of
    # the `objects` patterns finds arms as what they move, as in English (pairs.py)
    for key in ("weak_triggers", "objects"):
        if own.get(key):
            raw[key] = usable(own[key])
    # own forces and exercises around any trigger ("sent troops and vehicles ... for drills"):
    # no transfer, as English `not_objects` reads (r15a); shared, over each language's classes
    vetoes = usable([*(common.get("not_objects") or []), *(own.get("not_objects") or [])])
    if vetoes:
        raw["not_objects"] = vetoes
    if stem:
        raw["stemmer"] = stem
        # the shared list names classes some languages leave empty; a language's own must exist
        shared = [c for c in common.get("stemmed") or [] if c in classes]
        raw["stemmed"] = list(own["stemmed"]) if "stemmed" in own else shared
        raw["unstemmed"] = [str(w) for w in own.get("unstemmed") or []]
        # the statuses whose listed words also read their inflections by Snowball stem
        shared_status = common.get("status_stemmed") or []
        raw["status_stemmed"] = list(own.get("status_stemmed", shared_status))
    return raw


def adjective_test(spec: Mapping[str, Any]) -> Callable[[str], bool]:
    """Whether a country mention's text is an adjective ("russische", "российские", "الروسية"):
    written in lower case (``lower_case``, default on), listed in ``words`` (Turkish adjectives are
    capitalised: "Türk", "Rus"), or beginning with one of ``prefixes`` and
    ending with one of ``suffixes`` (Arabic has no letter case: the article and the nisba ending),
    or one word ending in one of ``endings`` in any letter case (Polish capitalises the adjective
    that opens a sentence, "Polskie czołgi", where no name ends so), or one of the demonyms of
    the name table ``demonyms`` names that is no country's name there (Arabic writes the nisba
    without the article after an indefinite noun: "دبابات روسية", Russian tanks), unless listed
    in ``except`` (Arabic "السعودية" is the name)."""
    lower = bool(spec.get("lower_case", True))
    words = frozenset(fold_letters(str(w)) for w in spec.get("words") or ())
    prefixes = tuple(str(p) for p in spec.get("prefixes") or ())
    suffixes = tuple(str(p) for p in spec.get("suffixes") or ())
    endings = tuple(fold_letters(str(p)) for p in spec.get("endings") or ())
    exceptions = frozenset(str(p) for p in spec.get("except") or ())
    demonyms = _bare_demonyms(str(spec["demonyms"])) if spec.get("demonyms") else frozenset()

    def test(text: str) -> bool:
        if (lower and text[:1].islower()) or (words and fold_letters(text) in words):
            return True
        if demonyms and text not in exceptions and fold_letters(text) in demonyms:
            return True
        one_word = " " not in text and text not in exceptions
        if endings and one_word and fold_letters(text).endswith(endings):
            return True
        return bool(
            prefixes
            and text.startswith(prefixes)
            and text.endswith(suffixes)
            and text not in exceptions
        )

    return test


@cache
def _written_names(lang: str) -> frozenset[str]:
    """Every country name and adjective the language's name table lists (gazetteer/i18n), folded:
    the forms a "to" word written joined to a name leaves behind."""
    return frozenset(fold_letters(f) for _, forms in language_country_forms(lang) for f in forms)


@cache
def _bare_demonyms(lang: str) -> frozenset[str]:
    """The demonyms of a language's name table (gazetteer/i18n) that are no country's alias
    there, folded: a mention written so is an adjective, never the state's name."""
    demonyms, aliases = language_demonyms(lang)
    return frozenset(fold_letters(f) for f in demonyms) - {fold_letters(f) for f in aliases}


def joined_to_test(spec: Mapping[str, Any]) -> Callable[[str], str | None]:
    """The "to" word a country mention carries joined to its front, or None: one of ``prefixes``
    ("ل") when what follows it is a name of the table ``names`` ("لمصر" is "ل" + "مصر"; "لبنان"
    is Lebanon, since "بنان" is no name), or what follows it with ``elided`` before it (the
    article's alif the preposition swallows: "للجزائر" is "ل" + "الجزائر")."""
    names = _written_names(str(spec["names"]))
    prefixes = tuple(fold_letters(str(p)) for p in spec.get("prefixes") or ())
    elided = fold_letters(str(spec.get("elided") or ""))

    def test(text: str) -> str | None:
        word = fold_letters(text.split()[0]) if text.strip() else ""
        for p in prefixes:
            rest = fold_letters(text)[len(p) :] if word.startswith(p) else ""
            if rest and (rest in names or (elided and elided + rest in names)):
                return p
        return None

    return test


CASES = ("dative", "instrumental", "locative", "accusative")


def _case_key(text: str) -> str:
    """A name as ``case_test`` compares it: lower case, Russian "ё" as the "е" news copy often
    writes, the apostrophe one character."""
    return text.lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'")


def case_test(spec: Mapping[str, Any]) -> Callable[[str, str], str | None]:
    """The case a country mention's text is in (``pairs._case_roles``), read off its ending and
    checked against the names of the language's name table (``names``; its lower-case
    adjectives left out): a case of ``CASES`` when the ending is one the spec lists for it
    ("а>ою": "Литвою") and the table declines the same country's name with the nominative
    ending in its place ("Литва"); "nominative" when the table declines the form itself; else
    None (an indeclinable name, "Чилі", or a case the spec leaves out because its ending is also
    a genitive's). ``genitive`` and ``other`` list endings of the other cases, which only show
    that a name is declined ("Бельгія" beside "Бельгії"); the accusative is listed where a
    language declines it apart ("Нігерію", "Polskę"; s39); a dative is read only where the name's
    genitive is another form of the table (``genitive_apart``)."""
    extra = ("names", "genitive", "other", "together", "plural", "locative_after")
    unknown = sorted(set(spec) - {*extra, *CASES})
    if unknown:
        keys = ", ".join((*extra, *CASES))
        raise LexiconError(f"cases: unknown keys {unknown} ({keys})")
    forms = {
        iso: frozenset(_case_key(f) for f in fs if f[:1].isupper())
        for iso, fs in language_country_forms(spec["names"])
    }
    rules: list[tuple[str, str, str]] = []
    for case in (*CASES, "genitive", "other"):
        for item in spec.get(case) or ():
            nominative, sep, ending = str(item).partition(">")
            if not sep or not ending:
                raise LexiconError(f"cases: {case}: {item!r} is not 'nominative>ending'")
            rules.append((case, nominative, ending))

    def declined(own: frozenset[str], name: str) -> bool:
        # the name's instrumental and one more of its forms, so that a stray form ("Украин", a
        # genitive plural) is not taken for the nominative a "-у" ending replaced: its gender's
        # instrumental ("Украином") is no name
        if name not in own:
            return False
        made = {(case, name[: len(name) - len(n)] + e) for case, n, e in rules if name.endswith(n)}
        found = {(case, f) for case, f in made if f in own and f != name}
        return len(found) >= 2 and any(case == "instrumental" for case, _ in found)

    def genitive_apart(own: frozenset[str], name: str, nominative: str, word: str) -> bool:
        # the dative and the genitive are one form in some names (Ukrainian "Польщі", of
        # "Польща"; "-і" after щ/ж/ч/ш): a genitive ending that makes the word itself, or, for
        # a word that ends as a genitive may, no genitive of the dative's nominative ending in
        # the table beside it (only "Литви" beside "Литві" tells a dative) leave its case
        # unread; a plural dative ("Węgrom", "Філіппінам") ends as no genitive
        if not any(c == "genitive" and word.endswith(e) for c, _, e in rules):
            return True
        made = {
            name[: len(name) - len(n)] + e
            for c, n, e in rules
            if c == "genitive" and n == nominative and name.endswith(n)
        }
        return word not in made and (not made or bool(made & own))

    def genitive_of(own: frozenset[str], word: str) -> bool:
        # the genitive of a declined name of the table is no nominative, though the table
        # declines it as a plural ("Ukrainy", of "Ukraina": "Ukrainom", "Ukrainami"); an ending
        # that replaces none (">a") is left out: "Norwegia" is no genitive of "Norweg"
        return any(
            c == "genitive" and n and word.endswith(e) and declined(own, n_form)
            for c, n, e in rules
            if (n_form := word[: len(word) - len(e)] + n) != word
        )

    def phrase_case(own: frozenset[str], words: list[str]) -> str | None:
        # a name of several words ("Сполученими Штатами"): every word in the case's ending
        # (the longest), and the name they make with the nominative endings is in the table
        for case in CASES:
            back = []
            for w in words:
                fit = [(e, n) for c, n, e in rules if c == case and w.endswith(e)]
                if not fit:
                    break
                e, n = max(fit, key=lambda f: len(f[0]))
                back.append(w[: len(w) - len(e)] + n)
            if len(back) == len(words) and " ".join(back) in own:
                return case
        return None

    def test(iso: str, text: str) -> str | None:
        own, word = forms.get(iso, frozenset()), _case_key(text)
        if " " in word:
            return phrase_case(own, word.split())
        for case, nominative, ending in rules:
            stem = word[: len(word) - len(ending)]
            if case in CASES and word.endswith(ending) and declined(own, stem + nominative):
                if case == "dative" and not genitive_apart(
                    own, stem + nominative, nominative, word
                ):
                    continue
                return case
        return "nominative" if declined(own, word) and not genitive_of(own, word) else None

    return test


def compile_language(raw: Mapping[str, Any]) -> RelationLexicon:
    """A merged language lexicon (``merge_language``) compiled; read by symbols only."""
    classes: dict[str, list[str]] = {k: list(v) for k, v in (raw.get("classes") or {}).items()}
    # the class words alone: status words have their own reader (``status_reader``), so a status
    # list never changes how a token reads as a class word, nor which pairs are read
    listed = [w for ws in classes.values() for w in ws]
    reader = StemReader.listed(listed)
    stem_keys: dict[str, list[str]] = {}
    if reader is None and (raw.get("stemmer") or raw.get("compounds")):
        exact = frozenset(fold_letters(w) for w in listed if not w.endswith(STEM_MARK))
        reader = StemReader(exact, None)
    if raw.get("stemmer"):
        stem_keys = snowball_members(raw, reader)
    if raw.get("compounds"):
        reader.compounds, head_only = _compounds(raw["compounds"], classes)
        for name, words in head_only.items():  # read inside a compound only, never alone
            stem_keys.setdefault(name, []).extend(words)
    # the Snowball keys join the classes their stems stand for; the raw record stays as listed
    compiled = {**raw, "classes": {k: [*v, *stem_keys.get(k, [])] for k, v in classes.items()}}
    lex = RelationLexicon.from_dict(compiled)
    lex.raw = dict(raw)
    # the dependency parse is English-only: symbol patterns alone; the classes stay for the
    # pair scorer's features
    lex.word_classes, lex.grammar = lex.grammar, None
    lex.adjectives = adjective_test(raw.get("adjectives") or {})
    if raw.get("cases"):
        lex.case_of = case_test(raw["cases"])
        lex.together = frozenset(fold_letters(str(w)) for w in raw["cases"].get("together") or ())
        lex.locative_after = frozenset(
            fold_letters(str(w)) for w in raw["cases"].get("locative_after") or ()
        )
    if raw.get("joined_to"):
        lex.joined_to = joined_to_test(raw["joined_to"])
        lex.not_to = frozenset(
            fold_letters(str(w)) for w in raw["joined_to"].get("not_after") or ()
        )
    lex.stem = reader
    if raw.get("proclitics"):  # Arabic: "بتسليم" (by delivering) is the class word "تسليم"
        known = frozenset(fold_letters(w) for ws in compiled["classes"].values() for w in ws)
        lex.stem = with_proclitics(reader, raw["proclitics"], known)
    lex.status_reader, lex.status_words = status_reader(raw)
    # the languages' own switch (English weights read parse features these lexicons lack); read
    # when compiled, so a missing or malformed file is a lexicon error naming it
    lex.scorer = _load_scorer(raw.get("scorer")) if pairs.PAIR_SCORER_I18N else None

    written = frozenset(str(w).lower() for w in raw.get("written") or [])

    def folded(name: str) -> frozenset[str]:
        # a word read as written keeps its accents, as the symbol line reads it (from_dict)
        words = compiled["classes"].get(name, [])
        return frozenset(w.lower() if w.lower() in written else fold_letters(w) for w in words)

    # handing arms on (second-hand): these triggers never make the weapon's maker the supplier
    lex.handover = folded("handover")
    # replacing or retiring arms: the weapon after such a word is not what is bought
    lex.retire = folded("retire")
    # goods bought for a platform: the weapon after one is what they are for, not what is sold
    lex.parts = folded("parts")
    lex.deploy = folded("deploy")  # a stationing deal is no sale (_partner_buys_from_maker)
    # an arms-trade compound ("Rüstungsexport") is both a trigger and its arms (pairs._symbols)
    lex.arms_trade = folded("arms_trade")
    # a state body's genitive (Romance "Gobierno de X") is the state acting, not a source
    lex.holders, lex.genitive = folded("holder"), folded("genitive")
    # a capital right after a preposition of place is a place, not its state ("en Lima"; "à
    # Paris" unless a word of buying or supplying comes first: "livré à Kiev")
    lex.places, lex.places_or_to = folded("place"), folded("place_or_to")
    lex.partners = folded("with")  # "with X": a partner, never a subject
    lex.prepositions = tuple(folded(c) for c in ("to", "from", "by", "with") if folded(c))
    lex.movers = frozenset().union(*(folded(c) for c in ("buy", "buy_noun", "sell", "sell_noun")))
    # a list's last member shares the role of the one before it ("an Ägypten und Katar"); a
    # phrase ("as well as") as the symbol line sees it, its ignored words left out
    seen = (" ".join(w for w in p.split() if w not in lex.ignore) for p in folded("and"))
    lex.conjunctions = frozenset(p for p in seen if p)
    # ... unless its own verb follows it ("und Israel protestiert"): a new clause
    lex.clause_words = folded("clause")
    # verbs of operating or using: the state before one is a fellow customer, not a seller
    lex.operate = folded("operate")
    # "and that" (Arabic "وأن"): the country after one is its own clause's subject
    lex.clause_openers = folded("and_that")
    # relative words after a comma ("які", "qui", "donde"): a state a preposition names inside
    # the clause is a party of its own event (pairs._across_relative); place words among them
    lex.relatives = folded("relative") | folded("relative_place")
    lex.relatives_place = folded("relative_place")
    # "according to" ("selon", "según"): the countries right after one are a source, not a party
    lex.according = folded("according")
    # training and repair: a state named as their place is no side (pairs._venues)
    lex.venues, lex.place_words = folded("stay"), folded("in")
    lex.purposes = folded("purpose")
    # criticism, pressure, sanctions: a state named with one objects, no side (pairs._critics);
    # one after "against" is their target, no critic
    lex.critics = folded("critic")
    lex.targets = folded("against") | folded("target")
    # "у": "from" with the genitive, "into" with the accusative (pairs._into)
    lex.from_or_in = folded("from") & folded("in")
    # exercises and deployments: no transfer, so the article's context fills no side there
    lex.drills = folded("drill")
    # verbs of arriving that count only with a "to" word (pairs._arrives_nowhere)
    lex.arrive_to, lex.to_words_only = folded("arrive_to"), folded("to") | folded("onto")
    # attacks and war: a state the opening reads attacking is no seller the context supplies
    lex.attacks = folded("attack")
    # words folding into another word of the lexicon: read as written (RelationLexicon.written)
    lex.written = written
    # armed forces as a company's counterpart: its home delivery (fills._to_own_forces); the
    # words before them as the symbols read them, a word read as written ("à") unfolded
    lex.forces, lex.forces_to = folded("forces"), folded("forces_to")
    lex.to_words = frozenset().union(*(folded(c) for c in ("to", "dative", "with", "and")))
    # Arabic: the "and" is written joined to the next word ("والجزائر"), and the country's
    # name absorbs it; a country written so is the next member of a list
    lex.joined_and = tuple(sorted(compiled["classes"].get("and_joined", [])))
    # Turkish: a list's case suffix on its last member only ("Katar, Kuveyt ve Umman'a")
    lex.case_marker = str(raw.get("case_marker") or "")
    # whether an adjective may be "the one remaining country" (RelationLexicon.fill_adjectives)
    lex.fill_adjectives = _adjective_roles(raw.get("fill_adjectives", True))
    return lex


def with_proclitics(
    read: Callable[[str, str], str], proclitics: Iterable[Any], known: frozenset[str]
) -> Callable[[str, str], str]:
    """``read`` (a token folded, and as written, to its class word) that also reads a token it
    leaves unknown as the word after one of the language's proclitics, when that word is a class
    word: Arabic writes "and", "by", "to", "as" and the article joined to the next word
    ("بتسليم", "وتسلمت", "للتصدير"), and no list can spell every combination. The longest
    proclitic first; at least three letters must remain ("بيع" is a word, not "ب" + "يع")."""
    prefixes = sorted({fold_letters(str(p)) for p in proclitics}, key=len, reverse=True)
    memo: dict[tuple[str, str], str] = {}

    def unjoined(tok: str, orig: str) -> str:
        word = read(tok, orig)
        if word in known:
            return word
        for p in prefixes:
            if tok.startswith(p) and len(tok) - len(p) >= 3:
                inner = read(tok[len(p) :], orig[len(p) :])
                if inner in known:
                    return inner
        return word

    def reader(tok: str, orig: str) -> str:
        # remembered while there is room, as the readers' own caches do (word_stems._memo)
        out = memo.get((tok, orig))
        if out is None:
            out = unjoined(tok, orig)
            if len(memo) < 50_000:
                memo[(tok, orig)] = out
        return out

    return reader


def _compounds(
    spec: Any, classes: Mapping[str, list[str]]
) -> tuple[Compounds, dict[str, list[str]]]:
    """A language's ``compounds:`` (``heads``: the classes whose words head a compound,
    ``words``: per class, head words read only inside a compound, as "flugzeug" is arms in
    "Kampfflugzeug" and not alone; ``min_head`` / ``min_modifier``: the shortest head and
    modifier in letters; ``except``: tokens never read as compounds, ``word*`` a prefix)
    compiled, with the head-only words to add to each class; or a LexiconError."""
    if not isinstance(spec, Mapping):
        raise LexiconError("compounds: must be a mapping with heads, min_head, min_modifier")
    heads = [str(c) for c in spec.get("heads") or []]
    unknown = [c for c in heads if c not in classes]
    if not heads or unknown:
        raise LexiconError(f"compounds.heads: {unknown or 'none'} are not classes of this language")
    try:
        min_head, min_mod = int(spec.get("min_head", 4)), int(spec.get("min_modifier", 3))
    except (TypeError, ValueError):
        raise LexiconError("compounds: min_head and min_modifier must be numbers") from None
    if min_head < 3 or min_mod < 2:
        raise LexiconError("compounds: min_head must be at least 3 and min_modifier at least 2")
    only = spec.get("words") or {}
    if not isinstance(only, Mapping) or any(c not in classes for c in only):
        raise LexiconError("compounds.words: must map classes of this language to head words")
    head_only = {str(c): [_stem_word(w) for w in ws or []] for c, ws in only.items()}
    words = [w for c in heads for w in classes[c]] + [w for ws in head_only.values() for w in ws]
    excepted = [str(w) for w in spec.get("except") or []]
    return Compounds.of(words, min_head, min_mod, excepted), head_only


def snowball_members(raw: Mapping[str, Any], reader: StemReader) -> dict[str, list[str]]:
    """Set ``reader`` to read a merged lexicon's ``stemmed`` classes by its Snowball stemmer;
    the Snowball keys (``__stem``) each class then lists. Raises LexiconError on a bad
    ``stemmer``, ``stemmed`` or ``unstemmed``."""
    classes: dict[str, list[str]] = {k: list(v) for k, v in (raw.get("classes") or {}).items()}
    stem = _stemmer_of(raw)
    stemmed = [str(c) for c in raw.get("stemmed") or []]
    unknown = [c for c in stemmed if c not in classes]
    if unknown:
        raise LexiconError(f"stemmed: no such class {unknown} in this language")
    unstemmed = [str(w) for w in raw.get("unstemmed") or []]
    in_stemmed = {w for c in stemmed for w in classes.get(c) or ()}
    # a status word may be listed too (the status reader's Snowball stems, ``status_reader``)
    in_stemmed |= {w for ws in (raw.get("status") or {}).values() for w in ws or ()}
    stray = [w for w in unstemmed if w not in in_stemmed]
    if stray:
        raise LexiconError(f"unstemmed: {stray} listed in no class of stemmed nor status")
    # ignored words and pattern literals ("pour", "vers") are never renamed by a stem
    return reader.add_snowball(
        stem, classes, stemmed, _literal_words(raw), [fold_letters(w) for w in unstemmed]
    )


def _stemmer_of(raw: Mapping[str, Any]) -> Callable[[str], str]:
    """The Snowball stemmer a merged lexicon names, or a LexiconError saying which exist."""
    try:
        return snowball(str(raw["stemmer"]))
    except StemmerError as exc:
        raise LexiconError(str(exc)) from None


def _literal_words(raw: Mapping[str, Any]) -> frozenset[str]:
    """Folded words a language reads as written besides its class words: ignored words and the
    literal words of its patterns ("pour", "vers"), which a Snowball stem must not rename."""
    texts = [*(raw.get("triggers") or []), *(raw.get("negators") or [])]
    texts += [p for ps in (raw.get("roles") or {}).values() for p in ps]
    words = {w for t in texts for w in _PATTERN_WORD.findall(_CLASS_REF.sub(" ", str(t)))}
    words.update(str(w) for w in raw.get("ignore") or [])
    return frozenset(fold_letters(w) for w in words if not w.isupper())


# the classes of nouns: a token read as one takes no status by Snowball stem (StatusReader)
_NOUN_CLASSES = ("buy_noun", "sell_noun", "deal")


def status_reader(raw: Mapping[str, Any]) -> tuple[StatusReader, dict[str, frozenset[str]]]:
    """A merged lexicon's status reader and each status's words as that reader gives them
    (folded; listed stems written ``stem_``; with the language's Snowball stemmer, the keys
    ``~<stem>`` of the statuses named ``status_stemmed``, word_stems.StatusReader)."""
    status = {k: [str(w) for w in v or []] for k, v in (raw.get("status") or {}).items()}
    classes = raw.get("classes") or {}
    stem = _stemmer_of(raw) if raw.get("stemmer") and raw.get("status_stemmed") else None
    named = [str(s) for s in raw.get("status_stemmed") or []]
    unknown = [s for s in named if s not in STATUS_KEYS]
    if unknown:
        raise LexiconError(f"status_stemmed: {unknown} are not status keys")
    nouns = [str(w) for c in _NOUN_CLASSES for w in classes.get(c) or ()]
    unstemmed = {fold_letters(str(w)) for w in raw.get("unstemmed") or []}
    reader, keys = StatusReader.of(status, stem, named, nouns, unstemmed)

    def entry(w: str) -> str:
        # a phrase's words as the reader reads them in a sentence: "umowa na" is "umow_ na"
        # when "umow*" is a listed stem, so the phrase meets the words transfer.py joins
        if " " not in w:
            return fold_letters(w)
        return " ".join(reader(fold_letters(t), t) for t in w.split())

    words = {k: frozenset({*(entry(w) for w in ws), *keys.get(k, ())}) for k, ws in status.items()}
    # a word both undoing a block and a status of its own ("revoca": revokes the embargo, or
    # revokes the contract) keeps that status too; transfer.py reads it as undoing only with a
    # block word right after it
    for word, other in _shared_status_words(status, raw.get("status_shared") or ()):
        if "undone" in other:
            for name in other - {"undone"}:
                words[name] = words[name] | {fold_letters(word)}
    # the negators of the class (whole words the status lists leave alone: "nicht", "لن"): a
    # negated approval is a refusal (transfer.py ``_negated``)
    negators = (fold_letters(str(w)) for w in classes.get("negator") or ())
    words["negation"] = frozenset(
        w for w in negators if not w.endswith(STEM_MARK) and reader(w, w) == w
    )
    return reader, words


_STATUS_CLASSES = (*STATUSES, "undone")  # the lists a word must not stand in twice undeclared


def _shared_status_words(
    status: Mapping[str, list[str]], declared: Iterable[object]
) -> list[tuple[str, frozenset[str]]]:
    """Each word listed whole in one of ``_STATUS_CLASSES`` that another of them also reads
    (listed whole, or starting with a listed stem), with all the lists that read it. The status
    reader reads a whole word as itself, so the stem's list silently loses it ("revoca" in
    ``undone`` hid it from ``cancelled``'s "revoca*"): a lexicon must declare such a word in
    ``status_shared``, or the load fails."""
    lists = {k: [fold_letters(w) for w in status.get(k) or ()] for k in _STATUS_CLASSES}
    stems = {k: tuple(w[:-1] for w in ws if w.endswith(STEM_MARK)) for k, ws in lists.items()}
    whole = {k: frozenset(w for w in ws if not w.endswith(STEM_MARK)) for k, ws in lists.items()}
    allowed = {fold_letters(str(w)) for w in declared}
    out: dict[str, set[str]] = {}
    for ws in whole.values():
        for w in ws:
            by = {
                k for k in _STATUS_CLASSES if w in whole[k] or (stems[k] and w.startswith(stems[k]))
            }
            if len(by) > 1:
                out.setdefault(w, set()).update(by)
    undeclared = sorted(w for w in out if w not in allowed)
    if undeclared:
        raise LexiconError(
            f"status: {undeclared} stand in two status lists; declare them in status_shared"
        )
    return [(w, frozenset(by)) for w, by in sorted(out.items())]


def attach_published(lex: RelationLexicon) -> None:
    """Rebuild the language lexicons a published relation record carries (``raw['languages']``)."""
    for lang, raw in (lex.raw.get("languages") or {}).items():
        lex.by_language[str(lang)] = compile_language(raw)


def _stem_word(word: Any) -> str:
    """A class word as the reader sees it: ``stem*`` becomes ``stem_`` (one token)."""
    w = str(word)
    return w[:-1] + STEM_MARK if w.endswith("*") and len(w) > 1 else w


def stemmer(words: Iterable[str]) -> Callable[..., str] | None:
    """A function reading a folded token as the longest listed stem it starts with (``stem_``),
    other tokens unchanged (a word listed whole is read as itself); None when no word is a
    stem. Snowball stems come on top in ``compile_language`` (``word_stems.StemReader``)."""
    return StemReader.listed(words)
