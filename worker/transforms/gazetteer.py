"""Gazetteers: load the YAML entity files, validate them, and compile one Aho-Corasick automaton.

Sources, in order: every country from pycountry (name, official and common names), the shipped
files in ``worker/data/gazetteer/*.yaml``, then user extension files (``entities.yaml``). All files
share one format (see ``worker/data/gazetteer/README.md``); a bad entry raises ``ConfigError``
naming the file, the line and the reason.

Matching works on *folded* text: every character maps to exactly one character (lower case,
accents stripped, anything not a letter or digit becomes a space), so offsets into the folded text
are offsets into the original. Patterns are folded the same way and padded with one space each
side, which makes every automaton hit a whole-word match by construction.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import ahocorasick
import pycountry
import yaml

from worker.entities import ENTITY_TYPE_TABLE, ENTITY_TYPES
from worker.errors import ConfigError
from worker.transforms.context import PREDICATES, WORD_PREDICATES, Condition
from worker.transforms.folding import fold_words
from worker.yaml_doc import YamlDoc, YamlReadError

GAZETTEER_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
# Generated per-language country tables (``python -m worker.tools.build_names``), loaded after
# the hand-kept files; each declares ``language:`` at its top.
LANGUAGE_DIR = GAZETTEER_DIR / "i18n"
# A user extension file of this name in the rules folder extends the gazetteer (README).
EXTENSION_FILE = "entities.yaml"

CASE_MODES = ("exact", "initial", "insensitive")
SECTIONS: dict[str, str | None] = {
    **{t.section: t.name for t in ENTITY_TYPE_TABLE},
    "entities": None,  # type given per entry
    "blockers": None,
}
TOP_KEYS = (*SECTIONS, "language", "adjectives_lead", "carrier_templates")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_LETTER_DIGIT_HYPHEN = re.compile(r"(?<=[^\W\d_])[-‐‑ ](?=\d)")
# a designation written glued, two or more capitals then digits ("VN4", "NH90", "AW139"): the
# press also writes it with a hyphen ("VN-4", "NH-90"); one capital alone ("K9", "M777") is left
# glued, as "K-9" is also the police dog
_GLUED_DESIGNATION = re.compile(r"\b([A-Z]{2,})(?=\d)")

# ---------------------------------------------------------------------------------------------
# The merged, validated gazetteer (plain data; compiled separately).


@dataclass(slots=True)
class EntityDef:
    id: str
    type: str
    name: str
    country: str | None = None
    source: str = ""
    producer: str | None = None  # weapons: the company id that makes it
    # weapons of a multinational programme (no one ``country``): the partner states, each of
    # which may sell it; no other state sells it as its own make
    partners: tuple[str, ...] = ()


@dataclass(slots=True)
class AliasDef:
    """One surface form. ``entity`` is None for a blocker (a phrase that is never an entity)."""

    text: str
    entity: str | None
    case: str
    reject_if: tuple[Condition, ...] = ()
    keep_if: tuple[Condition, ...] = ()
    source: str = ""
    generated: bool = False
    # also matches written all in lower case, in articles of these languages: one language's
    # lower-case adjective has the letters of another's capitalised name of the same country
    # (French "italien", German "Italien"), read so only in the adjective's own language (a German
    # "jamaican rum" is English words, not the country); ANY_LANGUAGE when the lower-case form
    # comes from a file of no language (a hand-kept homonym)
    lower_in: frozenset[str] = frozenset()
    # the ``language:`` of the file the form comes from (None: hand-kept, English)
    language: str | None = None
    # NAME, ADJECTIVE (a country's demonyms) or COMBINING (the first part of a compound
    # adjective, "franco-" in "franco-italien": it names its state only there, see tag.py)
    kind: int = 0
    # listed under a country's ``capitals``: the city may stand for its state or be a mere place
    capital: bool = False


# What a country alias is (``AliasDef.kind``, ``Pattern.kind``). CAPITAL only in a compiled
# ``Pattern``: a name given as a capital and as nothing else (``Gazetteer.capital_names``).
NAME, ADJECTIVE, COMBINING, CAPITAL = 0, 1, 2, 3


@dataclass(slots=True)
class Gazetteer:
    entities: dict[str, EntityDef] = field(default_factory=dict)
    aliases: dict[str, AliasDef] = field(default_factory=dict)  # keyed by folded text
    files: list[str] = field(default_factory=list)
    # languages whose adjectives stand before their noun, so that one often opens a sentence
    # capitalised ("Ukraińskie wojsko ...", "Deutsche Panzer ..."): a language file's
    # ``adjectives_lead: true``
    lead_languages: set[str] = field(default_factory=set)
    # folded keys given as a capital, and those given as anything else (``capital_names``)
    capital_keys: set[str] = field(default_factory=set)
    other_keys: set[str] = field(default_factory=set)
    # (language, template) pairs from ``carrier_templates`` ("Air {}", "{} Airlines"): filled
    # with every country name and adjective of that language, they are blockers
    # (``_carrier_blockers``)
    carrier_templates: list[tuple[str, str]] = field(default_factory=list)

    def capital_names(self) -> frozenset[str]:
        """Folded capitals that are no country's name too: "paris", not "djibouti" or "kuwait"
        (a city named as its state reads as the state wherever it stands)."""
        return frozenset(self.capital_keys - self.other_keys)

    def add_alias(self, alias: AliasDef, where: str) -> None:
        # Not stripped: the folded "U.S." is "u s ", so the match span keeps the final period.
        key = fold_words(alias.text)
        (self.capital_keys if alias.capital else self.other_keys).add(key.strip())
        if not key.strip():
            raise ConfigError(
                f"{where or alias.source}: alias {alias.text!r} has no letters or digits"
            )
        old = self.aliases.get(key)
        if old is None:
            self.aliases[key] = alias
            return
        if old.entity != alias.entity:
            if alias.generated or old.generated:
                # A generated variant ("Patriots" from "Patriot") never overrides a real entry.
                if old.generated:
                    self.aliases[key] = alias
                return
            what = f"entity {old.entity!r}" if old.entity else "a blocker"
            raise ConfigError(
                f"{where or alias.source}: alias {alias.text!r} already names {what} "
                f"({old.source}); an alias can name only one entity"
            )
        if (old.kind == COMBINING) != (alias.kind == COMBINING):
            # a whole name or adjective ("russo", Italian) keeps its own case mode and matches
            # alone; the combining form with its letters ("Russo-", English) is not added, or
            # the surname "Russo" would name Russia
            if old.kind == COMBINING:
                self.aliases[key] = alias
            return
        # Same entity declared twice: the explicit case mode and all conditions survive; an
        # adjective stays one.
        old.kind = max(old.kind, alias.kind)
        if _case_pair(old, alias):
            _keep_both_cases(old, alias)
        elif alias.case != default_case(alias.text) or old.generated:
            old.case = alias.case
        old.reject_if = _one_language_limit(old.reject_if + alias.reject_if)
        old.keep_if += alias.keep_if
        old.generated = old.generated and alias.generated


def _one_language_limit(conditions: tuple[Condition, ...]) -> tuple[Condition, ...]:
    """Two tables that give one form ("americana": Italian and Portuguese) each limit it to their
    own language (``reject_if: not_language``); merged, the form is read in either of them, so
    the limits become one listing both (two would reject it in both)."""
    limits = [c for c in conditions if c.name == "not_language"]
    if len(limits) < 2:
        return conditions
    langs = tuple(sorted({w for c in limits for w in c.words}))
    merged = Condition.make("not_language", langs, limits[0].window, limits[0].source)
    return (*(c for c in conditions if c.name != "not_language"), merged)


def _case_pair(a: AliasDef, b: AliasDef) -> bool:
    """Two forms of one entity that differ only in letter case, one of them all lower case
    (an adjective of a language file) and the other capitalised (a name, or an English
    demonym): one key can keep one case mode, so without care the later form decides it and
    the other is lost ("italien", French for Italian, never matched beside German "Italien").
    Accents do not count, as they do not in the key: Spanish "israelí", "saudí", "kuwaití" share
    their key with the English demonyms "Israeli", "Saudi", "Kuwaiti" and are adjectives too."""
    if a.text == b.text or "insensitive" in (a.case, b.case):
        return False
    cap = b if a.text.islower() else a
    if cap.case == "exact" and sum(c.isalpha() for c in cap.text) <= 4:
        return False  # a short name that matches only as written ("Şam", not "SAM") stays so
    return a.text.islower() != b.text.islower() and fold_words(a.text) == fold_words(b.text)


ANY_LANGUAGE = "*"  # ``AliasDef.lower_in``: any article not in English (or of unknown language)
EVERY_ARTICLE = "**"  # ``AliasDef.lower_in``: every article, as a lone lower-case form reads


def _keep_both_cases(old: AliasDef, new: AliasDef) -> None:
    """``old`` (merged into) matches as the capitalised form does and also all in lower case,
    the latter in the lower-case form's language only."""
    cap, low = (new, old) if old.text.islower() else (old, new)
    # both forms from one language's file (French writes its people's noun as the adjective
    # capitalised, "Chinois" beside "chinois": build_names, tenth stop): the lower-case form
    # keeps the reading it has alone, in every article
    same_file = low.language is not None and low.language == cap.language
    lower_in = (
        old.lower_in | new.lower_in | {EVERY_ARTICLE if same_file else low.language or ANY_LANGUAGE}
    )
    old.text, old.case, old.lower_in = cap.text, cap.case, lower_in


def default_case(text: str, language: str | None = None) -> str:
    """How much case an alias demands when the file does not say.

    Designations with digits ("S-400", "Su-35") are matched in any case; short all-capital
    acronyms ("US", "UN", "EU", "WHO") only in capitals, so "us" and "who" stay pronouns;
    everything else needs its capitalised words capitalised ("Turkey", not "turkey").
    In a language file a lower-case alias is an adjective ("russe", "российский") and matches
    only in lower case: capitalised, the same letters are usually a name ("Russo", "Indiana");
    a short capitalised one matches only as written, never as an all-capital acronym."""
    if language not in (None, "en") and any(c.islower() for c in text):
        if text == text.lower():
            return "exact"
        # A short name ("Şam", Damascus) must not match an English acronym ("SAM").
        if sum(c.isalpha() for c in text) <= 4:
            return "exact"
    if any(c.isdigit() for c in text):
        return "insensitive"
    letters = [c for c in text if c.isalpha()]
    if letters and len(letters) <= 3 and all(c.isupper() for c in letters):
        return "exact"
    return "initial"


# ---------------------------------------------------------------------------------------------
# YAML reading with line numbers.


class _File:
    """A gazetteer file kept as YAML nodes, so every error can name its line."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self.doc = YamlDoc.read(path)
        except YamlReadError as exc:
            raise ConfigError(f"{exc} (a gazetteer file)") from None
        self.root = self.doc.node
        self.language: str | None = None  # set from the file's ``language:`` key

    def where(self, node: yaml.Node) -> str:
        return f"{self.path}:{self.doc.line_of(node)}"

    def error(self, node: yaml.Node, reason: str) -> ConfigError:
        return ConfigError(f"{self.where(node)}: {reason}")

    def mapping(self, node: yaml.Node, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            raise self.error(node, f"{what} must be a mapping")
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for k, v in node.value:
            key = self.scalar(k, "key")
            if key in out:
                raise self.error(k, f"duplicate key {key!r}")
            out[key] = (k, v)
        return out

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if isinstance(node, yaml.ScalarNode):
            return [node]
        if not isinstance(node, yaml.SequenceNode):
            raise self.error(node, f"{what} must be a list")
        return list(node.value)

    def scalar(self, node: yaml.Node, what: str) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            raise self.error(node, f"{what} must be a single value, not a list or mapping")
        return self.doc.construct(node)

    def text(self, node: yaml.Node, what: str) -> str:
        value = self.scalar(node, what)
        if isinstance(value, bool) or value is None:
            raise self.error(node, f"{what} must be text, got {value!r}")
        value = str(value).strip()
        if not value:
            raise self.error(node, f"{what} must not be empty")
        return value

    def close(self) -> None:
        self.doc.close()


def _check_keys(f: _File, node: yaml.Node, m: dict, allowed: Iterable[str], what: str) -> None:
    allowed = tuple(allowed)
    for key, (knode, _) in m.items():
        if key not in allowed:
            raise f.error(knode, f"unknown key {key!r} in {what} (expected one of {allowed})")


# ---------------------------------------------------------------------------------------------
# Building the gazetteer.


def _pycountry_base(g: Gazetteer) -> None:
    """Every ISO 3166-1 country under its short, official and common names."""
    for c in pycountry.countries:
        names = [getattr(c, a, None) for a in ("common_name", "name", "official_name")]
        usable: list[str] = []
        for n in names:
            if not n or "," in n:
                continue  # "Korea, Republic of" is not how news spells it
            # "Holy See (Vatican City State)" -> both parts
            for part in re.split(r"\s*[()]\s*", n):
                part = re.sub(r"^the\s+", "", part.strip())
                if part and part not in usable:
                    usable.append(part)
        display = usable[0] if usable else c.name
        g.entities[c.alpha_3] = EntityDef(c.alpha_3, "country", display, None, "pycountry")
        for n in usable:
            g.add_alias(
                AliasDef(n, c.alpha_3, default_case(n), source="pycountry", generated=True),
                "pycountry",
            )


def _conditions(f: _File, node: yaml.Node) -> tuple[Condition, ...]:
    out: list[Condition] = []
    for item in f.sequence(node, "a condition list"):
        m = f.mapping(item, "a condition")
        names = [k for k in m if k in PREDICATES]
        if len(names) != 1:
            raise f.error(
                item,
                f"a condition needs exactly one of {sorted(PREDICATES)}, got {sorted(m)}",
            )
        name = names[0]
        _check_keys(f, item, m, (name, "window"), "a condition")
        vnode = m[name][1]
        window: str | int = "sentence"
        if "window" in m:
            if name != "near":
                raise f.error(m["window"][0], "'window' applies only to 'near'")
            w = f.scalar(m["window"][1], "window")
            if not (w in ("sentence", "article") or (isinstance(w, int) and w > 0)):
                raise f.error(m["window"][1], "window must be sentence, article or a number > 0")
            window = w
        if name in WORD_PREDICATES:
            words = tuple(
                " ".join(fold_words(f.text(w, f"{name} word")).split())
                for w in f.sequence(vnode, f"{name} words")
            )
            if not words or not all(words):
                raise f.error(vnode, f"{name} needs a non-empty list of words")
            out.append(Condition.make(name, words, window, f.where(item)))
        else:
            if f.scalar(vnode, name) is not True:
                raise f.error(vnode, f"{name} takes 'true'")
            out.append(Condition.make(name, (), window, f.where(item)))
    return tuple(out)


def _alias_nodes(f: _File, node: yaml.Node, entity: str | None, *, plural: bool) -> list[AliasDef]:
    """Parse an alias list: plain strings or mappings ``{text, case, reject_if, keep_if}``.

    Aliases of a language file are marked generated: a hand-kept entry naming another entity
    with the same letters wins over them instead of failing the load."""
    out: list[AliasDef] = []
    generated = f.language is not None
    for item in f.sequence(node, "aliases"):
        if isinstance(item, yaml.ScalarNode):
            text = f.text(item, "alias")
            case, reject, keep, want_plural = default_case(text, f.language), (), (), plural
        else:
            m = f.mapping(item, "an alias")
            _check_keys(f, item, m, ("text", "case", "reject_if", "keep_if", "plural"), "an alias")
            if "text" not in m:
                raise f.error(item, "an alias mapping needs 'text'")
            text = f.text(m["text"][1], "alias text")
            case = default_case(text, f.language)
            if "case" in m:
                case = f.text(m["case"][1], "case")
                if case not in CASE_MODES:
                    raise f.error(m["case"][1], f"case must be one of {CASE_MODES}")
            reject = _conditions(f, m["reject_if"][1]) if "reject_if" in m else ()
            keep = _conditions(f, m["keep_if"][1]) if "keep_if" in m else ()
            want_plural = plural
            if "plural" in m:
                want_plural = f.scalar(m["plural"][1], "plural") is True
        if not fold_words(text).strip():
            raise f.error(item, f"alias {text!r} has no letters or digits")
        where = f.where(item)
        lang = f.language
        out.append(AliasDef(text, entity, case, reject, keep, where, generated, language=lang))
        for variant in _variants(text, plural=want_plural):
            out.append(
                AliasDef(variant, entity, case, reject, keep, where, generated=True, language=lang)
            )
        for variant in _hyphened(text, plural=want_plural):
            out.append(
                AliasDef(
                    variant, entity, "exact", reject, keep, where, generated=True, language=lang
                )
            )
        for variant in _quoted(text, plural=want_plural):
            out.append(
                AliasDef(variant, entity, case, reject, keep, where, generated=True, language=lang)
            )
    return out


def _hyphened(text: str, *, plural: bool) -> list[str]:
    """A weapon's glued designation with a hyphen, and its plural: "VN-4", "VN-4s" from "VN4".
    Matched only in the capitals written (``exact``): in any case "AS-21" would also be the
    words "as 21"."""
    hyphened = _GLUED_DESIGNATION.sub(r"\1-", text) if plural else text
    return [hyphened, hyphened + "s"] if hyphened != text else []


def _quoted(text: str, *, plural: bool) -> list[str]:
    """A weapon's name in quotes after (or before) the words of its kind, as much of the press
    writes it: 'misiles "Spike"', «Dhruv» helicopters, from "misiles Spike". Only for an alias of
    several words of which exactly one carries a capital or a digit (the name) and the rest are
    lower case, or, in a script without case, whose last word is the name; quotes fold to
    spaces, so one variant serves «», "" and “”."""
    words = text.split(" ")
    named = [k for k, w in enumerate(words) if any(c.isupper() or c.isdigit() for c in w)]
    if not named and not any(c.islower() for c in text):
        named = [len(words) - 1]  # a script without case (Arabic): the name comes last
    if not plural or len(words) < 2 or len(named) != 1:
        return []
    k = named[0]
    return [" ".join([*words[:k], f'"{words[k]}"', *words[k + 1 :]])]


# British and American spellings of the words in defence firms' and bodies' names: the press
# writes each name both ways whatever the firm's own ("Diehl Defense", "Hanwha Defence")
_SPELLINGS = {
    "Defence": "Defense",
    "Defense": "Defence",
    "Armoured": "Armored",
    "Armored": "Armoured",
}
_SPELLING_WORD = re.compile(r"\b(" + "|".join(_SPELLINGS) + r")\b")


def _variants(text: str, *, plural: bool) -> list[str]:
    """Spelling variants generated from an alias: "S400" from "S-400", "F-16s" from "F-16",
    "Diehl Defense" from "Diehl Defence"."""
    out: list[str] = []
    joined = _LETTER_DIGIT_HYPHEN.sub("", text)
    if joined != text:
        out.append(joined)
    spelled = _SPELLING_WORD.sub(lambda m: _SPELLINGS[m.group(1)], text)
    if spelled != text:
        out.append(spelled)
    if plural:
        for t in [text, *out]:
            if t[-1].isalnum() and not t.lower().endswith(("s", "sh", "ese", "x", "z")):
                out.append(t + "s")
    return out


_ENTRY_KINDS = {"demonyms": ADJECTIVE, "combining": COMBINING}
_ENTRY_KEYS = {
    "country": ("id", "name", "aliases", "demonyms", "capitals", "combining", "drop"),
    "other": ("id", "type", "name", "country", "aliases", "producer", "partners"),
}


def _load_file(g: Gazetteer, path: Path, deferred: list[tuple[_File, yaml.Node, str]]) -> None:
    f = _File(path)
    g.files.append(str(path))
    if f.root is None:
        return  # an empty file is a valid, empty extension
    top = f.mapping(f.root, "a gazetteer file")
    _check_keys(f, f.root, top, TOP_KEYS, "a gazetteer file")
    if "language" in top:
        f.language = f.text(top["language"][1], "language")
    if "adjectives_lead" in top:
        lead = top["adjectives_lead"][1]
        if not (isinstance(lead, yaml.ScalarNode) and lead.value in ("true", "false")):
            raise f.error(lead, "adjectives_lead must be true or false")
        if f.language is None:
            raise f.error(lead, "adjectives_lead needs the file's language")
        if lead.value == "true":
            g.lead_languages.add(f.language)
    for section, (_, snode) in top.items():
        if section in ("language", "adjectives_lead"):
            continue
        if section == "carrier_templates":
            _carrier_templates(g, f, snode)
            continue
        for entry in f.sequence(snode, section):
            if section == "blockers":
                for a in _alias_nodes(f, entry, None, plural=False):
                    g.add_alias(a, a.source)
                    # Arabic writes "and", "for", "in" onto the word ("للخطوط الجوية القطرية"):
                    # a blocker in Arabic letters blocks those forms too, as the names it hides
                    # are generated with them (tools/build_names.py)
                    if a.text[:1] in ARABIC_LETTERS:
                        for form in sorted(with_arabic_proclitics(a.text) - {a.text}):
                            g.add_alias(dataclasses.replace(a, text=form, generated=True), a.source)
            elif section == "countries":
                _country_entry(g, f, entry)
            else:
                # People, weapons... may link to countries defined later in the same run.
                deferred.append((f, entry, section))


def _carrier_templates(g: Gazetteer, f: _File, node: yaml.Node) -> None:
    """``carrier_templates: {LANG: [TEMPLATE, ...]}``: each template holds one ``{}``."""
    for lang, (_, tnode) in f.mapping(node, "carrier_templates").items():
        for item in f.sequence(tnode, f"carrier_templates.{lang}"):
            text = f.text(item, "a carrier template")
            if text.count("{}") != 1:
                raise f.error(item, f"carrier template {text!r} needs exactly one '{{}}'")
            g.carrier_templates.append((lang, text))


def _carrier_blockers(g: Gazetteer) -> None:
    """National carriers are named after their state in a few fixed shapes ("Air Mauritius",
    "Congo Airways", "الخطوط الجوية القطرية"); a list of them never ends, so each template is
    filled with every country name and adjective of its language (English: the hand-kept and
    pycountry names) and added as a blocker, which hides the state's name by the longest match.
    A state's capital is no carrier's name. Added after every file, so a listed blocker or an
    alias of the same letters wins."""
    if not g.carrier_templates:
        return
    countries = {k for k, e in g.entities.items() if e.type == "country"}
    names = [
        a
        for a in g.aliases.values()
        if a.entity in countries and a.kind in (NAME, ADJECTIVE) and not a.capital
    ]
    for lang, template in g.carrier_templates:
        # letters glued before the slot ("ال{}") are the form the name must begin with: the
        # Arabic carrier's adjective carries the article, and its forms with "and", "for"...
        # glued on are made from the whole blocker below
        glued = template.split("{}")[0].rsplit(" ", 1)[-1]
        for a in names:
            if (a.language or "en") != lang or a.text[:1].islower():
                continue
            if not a.text.startswith(glued):
                continue
            text = template.replace(glued + "{}", a.text)
            # proclitics go on the template's first word; a slot that opens the template was
            # filled with the name's own clitic forms already ("ومصر للطيران")
            opens = text[:1] in ARABIC_LETTERS and not template.startswith("{}")
            forms = with_arabic_proclitics(text) if opens else {text}
            for form in sorted(forms):
                if fold_words(form) not in g.aliases:
                    blocker = AliasDef(form, None, default_case(form), source="carrier template")
                    blocker.generated = True
                    g.add_alias(blocker, blocker.source)


ARABIC_LETTERS = frozenset(chr(c) for c in range(0x0620, 0x064B))
# The proclitics news copy attaches to a word: and, so, in/with, for/to, and in, and for.
ARABIC_PROCLITICS = ("و", "ف", "ب", "ل", "وب", "ول")


def with_arabic_proclitics(text: str) -> set[str]:
    """``text`` and its forms with each one-letter proclitic; ل + ال contracts to لل
    ("للعراق", "للخطوط")."""
    out = {text}
    for p in ARABIC_PROCLITICS:
        out.add(p[:-1] + "لل" + text[2:] if p.endswith("ل") and text.startswith("ال") else p + text)
    return out


def _country_entry(g: Gazetteer, f: _File, node: yaml.Node) -> None:
    m = f.mapping(node, "a country entry")
    _check_keys(f, node, m, _ENTRY_KEYS["country"], "a country entry")
    if "id" not in m:
        raise f.error(node, "a country entry needs 'id' (ISO 3166-1 alpha-3, e.g. TUR)")
    cid = f.text(m["id"][1], "id")
    if not _ISO3.match(cid):
        raise f.error(m["id"][1], f"country id {cid!r} is not an ISO 3166-1 alpha-3 code")
    ent = g.entities.get(cid)
    if ent is None:
        if "name" not in m:
            raise f.error(m["id"][1], f"unknown country code {cid!r} (give 'name' to add one)")
        ent = g.entities[cid] = EntityDef(cid, "country", "", None, f.where(node))
    if "name" in m:
        ent.name = f.text(m["name"][1], "name")
        where = f.where(m["name"][1])
        g.add_alias(AliasDef(ent.name, cid, default_case(ent.name), source=where), where)
    for dnode in f.sequence(m["drop"][1], "drop") if "drop" in m else ():
        key = fold_words(f.text(dnode, "drop")).strip()
        if key in g.aliases and g.aliases[key].entity == cid:
            del g.aliases[key]
    # The generated plural ("Turks") is an English rule; language files list their own forms.
    english = f.language in (None, "en")
    for key, plural in (
        ("aliases", False),
        ("capitals", False),
        ("demonyms", english),
        ("combining", False),
    ):
        if key in m:
            for a in _alias_nodes(f, m[key][1], cid, plural=plural):
                a.kind = _ENTRY_KINDS.get(key, NAME)
                a.capital = key == "capitals"
                if a.kind == COMBINING and not english:
                    # read only before a hyphen and an adjective: safe in any case, and a
                    # compound opens sentences ("Российско-китайские учения")
                    a.case = "insensitive"
                g.add_alias(a, a.source)


def _other_entry(g: Gazetteer, f: _File, node: yaml.Node, section: str) -> None:
    m = f.mapping(node, "an entry")
    _check_keys(f, node, m, _ENTRY_KEYS["other"], "an entry")
    etype = SECTIONS[section]
    if "type" in m:
        t = f.text(m["type"][1], "type")
        if t not in ENTITY_TYPES or t == "country":
            allowed = [x for x in ENTITY_TYPES if x != "country"]
            raise f.error(m["type"][1], f"type must be one of {allowed} (countries: 'countries:')")
        if etype and t != etype:
            raise f.error(m["type"][1], f"type {t!r} contradicts section {section!r}")
        etype = t
    if etype is None:
        raise f.error(node, "an entry under 'entities' needs 'type'")
    if "id" not in m:
        raise f.error(node, "an entry needs 'id' (a slug such as vladimir-putin)")
    eid = f.text(m["id"][1], "id")
    if not _SLUG.match(eid):
        raise f.error(m["id"][1], f"id {eid!r} must be a lower-case slug like 'vladimir-putin'")
    country = None
    if "country" in m:
        country = f.text(m["country"][1], "country")
        linked = g.entities.get(country)
        if linked is None or linked.type != "country":
            raise f.error(m["country"][1], f"unknown country code {country!r}")
    ent = g.entities.get(eid)
    if ent is None:
        if "name" not in m:
            raise f.error(node, f"new entity {eid!r} needs 'name'")
        ent = g.entities[eid] = EntityDef(eid, etype, "", country, f.where(node))
    elif ent.type != etype:
        raise f.error(m["id"][1], f"{eid!r} is already a {ent.type} ({ent.source})")
    if "name" in m:
        ent.name = f.text(m["name"][1], "name")
    if country:
        ent.country = country
    if "producer" in m:
        if etype != "weapon":
            raise f.error(m["producer"][1], "only a weapon has a 'producer' (a company id)")
        ent.producer = f.text(m["producer"][1], "producer")
    if "partners" in m:
        ent.partners = _partners(g, f, m["partners"][1], etype)
    if "aliases" not in m and "name" not in m:
        raise f.error(node, f"entry {eid!r} adds nothing (give 'aliases' or 'name')")
    plural = etype == "weapon"
    aliases = _alias_nodes(f, m["aliases"][1], eid, plural=plural) if "aliases" in m else []
    if "name" in m:
        where = f.where(m["name"][1])
        g.add_alias(AliasDef(ent.name, eid, default_case(ent.name), source=where), where)
        # When the name is also listed as an alias, that entry's options (plural, conditions)
        # govern its variants.
        if fold_words(ent.name) not in {fold_words(a.text) for a in aliases}:
            for v in _variants(ent.name, plural=plural):
                g.add_alias(AliasDef(v, eid, default_case(v), (), (), where, True), where)
            for v in _hyphened(ent.name, plural=plural):
                g.add_alias(AliasDef(v, eid, "exact", (), (), where, True), where)
    for a in aliases:
        g.add_alias(a, a.source)


# How the languages in Latin script name a class of ships after its first ship, where English
# writes "Kilo-class": a word for class before the name (Romance, Polish: "clase Adelaide",
# "classe Belharra", "klasy Orkan") or after it (German "Sachsen-Klasse"; Turkish "Ada sınıfı"
# and its case forms); or a word for type before it ("tipo Kilo", "typu Kilo"), which the press
# also writes of any arms ("systèmes de type Mistral", the missile): not for a class whose name
# begins another weapon's name. Not the Cyrillic words: the Russian and Ukrainian press write the
# name in Cyrillic too (hand-kept in weapons_local.yaml), and a Latin name after a Cyrillic word
# reads, to the bench's Latin-only word split of labels, as the bare name (a measure left as is)
_CLASS_BEFORE = ("clase", "classe", "klasy")
_TYPE_BEFORE = ("tipo", "type", "typu")
_CLASS_AFTER = ("Klasse", "sınıfı", "sınıfının", "sınıfına", "sınıfında", "sınıfından", "sınıfını")
_CLASS_NAME = re.compile(r"^(?P<name>.*[^\W\d_].*?)[- ]class\b", re.IGNORECASE)


def _english_words() -> frozenset[str]:
    """The word forms of simplemma's English dictionary, as written (a place is capitalised:
    "Virginia"), read once when a gazetteer is built."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    return frozenset(DefaultDictionaryFactory().get_dictionary("en"))


# Ship nouns of the languages that write "type" before a class name (es, pt, it, fr, pl, en),
# singular and plural: a class whose name is also a word, a place or another entity's name is
# read after "type" only with one of them in the sentence ("submarinos tipo Kilo", not
# "camionetas tipo Ford")
_SHIP_WORDS = (
    "submarino submarinos fragata fragatas corbeta corbetas corveta corvetas buque buques "
    "navio navios navío navíos patrullero patrulleros patrulheiro patrulheiros lancha lanchas "
    "destructor destructores sottomarino sottomarini fregata fregate corvetta corvette nave navi "
    "pattugliatore pattugliatori sous-marin sous-marins frégate frégates navire navires "
    "patrouilleur patrouilleurs bâtiment bâtiments okręt okręty okrętów okrętu fregaty korweta "
    "korwety korwet patrolowiec patrolowce submarine submarines frigate frigates corvette "
    "corvettes ship ships vessel vessels destroyer destroyers"
)


def _plain_name(name: str, eid: str, owners: Mapping[str, set[str]], words: frozenset[str]) -> bool:
    """Whether a class name reads, after "type", as no other thing: several words ("tipo Karel
    Doorman"), or one that is no English word or place ("tipo Ford", "type City", "tipo
    Virginia" are cars, towns, states) and no other entity's name ("tipo America")."""
    bare = name.strip("\"'")
    if len(bare.split()) > 1:
        return True
    return not {bare, bare.lower(), bare.capitalize()} & words and owners.get(
        fold_words(bare).strip(), set()
    ) <= {eid}


def _class_aliases(g: Gazetteer) -> None:
    """Add, for every weapon alias "<Name>-class ...", the ten languages' forms of the class
    name (``_CLASS_BEFORE``, ``_TYPE_BEFORE``, ``_CLASS_AFTER``), as generated aliases: a
    hand-kept entry with the same letters wins. Not for a name of one or two characters
    ("M-class": "Clase M", "M-Klasse" are cars); the "type" forms of a name that is not plain
    (``_plain_name``) only with a ship noun in the sentence: "type" goes before any make or
    model ("camionetas tipo Ford"), and a name of three letters never ("tipo Jin")."""
    weapons = {e.id for e in g.entities.values() if e.type == "weapon"}
    named = [(a.text, a.entity) for a in g.aliases.values() if a.entity in weapons]
    owners: dict[str, set[str]] = {}
    for a in g.aliases.values():
        owners.setdefault(fold_words(a.text).strip(), set()).add(a.entity)
    english = _english_words() if named else frozenset()
    ships = (
        Condition.make(
            "near",
            tuple(" ".join(fold_words(w).split()) for w in _SHIP_WORDS.split()),
            "sentence",
            "",
        ),
    )
    first_words: dict[str, set[str]] = {}
    for text, eid in named:
        for k in range(1, len(words := fold_words(text).split()) + 1):
            first_words.setdefault(" ".join(words[:k]), set()).add(eid)
    for text, eid in named:
        m = _CLASS_NAME.match(text)
        if m is None or len(m.group("name").strip().strip("\"'")) < 3:
            continue
        name = m.group("name").strip()
        forms = [f"{w} {name}" for w in _CLASS_BEFORE] + [f"{name} {w}" for w in _CLASS_AFTER]
        for form in forms:
            g.add_alias(
                AliasDef(form, eid, default_case(form), source="class forms", generated=True), ""
            )
        if first_words.get(fold_words(name).strip(), set()) <= {eid} and len(name) > 3:
            keep = () if _plain_name(name, eid, owners, english) else ships
            for form in (f"{w} {name}" for w in _TYPE_BEFORE):
                g.add_alias(
                    AliasDef(form, eid, default_case(form), (), keep, "class forms", True), ""
                )


def _partners(g: Gazetteer, f: _File, node: yaml.Node, etype: str) -> tuple[str, ...]:
    """A multinational weapon's partner states, each a known country code."""
    if etype != "weapon":
        raise f.error(node, "only a weapon has 'partners' (country codes)")
    out = []
    for item in f.sequence(node, "partners"):
        iso = f.text(item, "a partner")
        linked = g.entities.get(iso)
        if linked is None or linked.type != "country":
            raise f.error(item, f"unknown country code {iso!r}")
        out.append(iso)
    return tuple(out)


def _link_producers(g: Gazetteer) -> None:
    """Check each weapon's producer is a company; a weapon without its own country takes the
    producer's (the maker's home state is the supplier the pair reader falls back on)."""
    for ent in g.entities.values():
        if ent.producer is None:
            continue
        maker = g.entities.get(ent.producer)
        if maker is None or maker.type != "company":
            raise ConfigError(f"{ent.source}: producer {ent.producer!r} is not a company id")
        if ent.country is None:
            ent.country = maker.country
    for ent in g.entities.values():
        # the pair reader asks a weapon with a state of origin only about that state
        # (pairs._sells_as_own): partners listed beside one would be silently ignored
        if ent.partners and ent.country is not None:
            raise ConfigError(
                f"{ent.source}: weapon {ent.id!r} has partners and a country of origin "
                f"({ent.country}); a multinational programme lists its partners only"
            )


@cache
def language_country_forms(lang: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(country id, every alias and demonym) of a language's generated name table
    (``gazetteer/i18n/<lang>.yaml``); empty when the language has none. One reader of the table
    for those who need its forms outside the tagger (the index analysers, the Arabic joined
    "to" of the pair reader)."""
    path = LANGUAGE_DIR / f"{lang}.yaml"
    if not path.exists():
        return ()
    table = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return tuple(
        (str(c["id"]), tuple(str(f) for f in [*c.get("aliases", []), *c.get("demonyms", [])]))
        for c in table.get("countries", [])
    )


def language_demonyms(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(every demonym, every alias) of a language's generated name table, apart: the reader of
    country adjectives needs the demonyms that are no name (``languages.adjective_test``)."""
    path = LANGUAGE_DIR / f"{lang}.yaml"
    if not path.exists():
        return frozenset(), frozenset()
    table = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    rows = table.get("countries", [])
    demonyms = frozenset(str(f) for c in rows for f in c.get("demonyms", []))
    aliases = frozenset(str(f) for c in rows for f in c.get("aliases", []))
    return demonyms, aliases


def load_gazetteer(
    extra: Sequence[Path] = (), *, shipped: bool = True, languages: bool = True
) -> Gazetteer:
    """Merge pycountry, the shipped files (with the per-language tables unless ``languages`` is
    false) and ``extra`` extension files into one gazetteer."""
    g = Gazetteer()
    _pycountry_base(g)
    paths = sorted(GAZETTEER_DIR.glob("*.yaml")) if shipped else []
    if shipped and languages:
        paths += sorted(LANGUAGE_DIR.glob("*.yaml"))
    paths += [Path(p) for p in extra]
    deferred: list[tuple[_File, yaml.Node, str]] = []
    for path in paths:
        if not Path(path).is_file():
            raise ConfigError(f"{path}: gazetteer file not found")
        _load_file(g, Path(path), deferred)
    _carrier_blockers(g)
    for f, node, section in deferred:
        _other_entry(g, f, node, section)
    _link_producers(g)
    _class_aliases(g)
    for f in {id(f): f for f, _, _ in deferred}.values():
        f.close()
    return g


# ---------------------------------------------------------------------------------------------
# Compiling.


class Pattern(NamedTuple):
    """What an automaton hit means. A named tuple so the hot loop can unpack it in one step."""

    span: int  # length of the alias in the text (the key minus its two padding spaces)
    entity: int  # index into CompiledGazetteer.entities, -1 for a blocker
    check: int  # 0: no case check, 1: first character upper case, 2: use upper/lower,
    # 3: all of ``lower`` lower case (in an article of a language of ``lower_in``), else as 2
    upper: tuple[int, ...]  # offsets (from the match start) that must be upper case
    lower: tuple[int, ...]  # offsets that must be lower case (``case: exact``; check 3: letters)
    rules: tuple[tuple[Condition, ...], tuple[Condition, ...]] | None  # (reject_if, keep_if)
    kind: int  # NAME, ADJECTIVE, COMBINING or CAPITAL (a country alias; NAME for other entities)
    lower_in: frozenset[str]  # check 3: the languages of the lower-case reading (AliasDef)


@dataclass(slots=True)
class CompiledGazetteer:
    automaton: Any
    entities: list[EntityDef]
    patterns: int
    files: list[str]
    lead_languages: frozenset[str] = frozenset()


def _case_offsets(text: str, mode: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    if mode == "insensitive":
        return (), ()
    if mode == "exact":
        return (
            tuple(i for i, c in enumerate(text) if c.isupper()),
            tuple(i for i, c in enumerate(text) if c.islower()),
        )
    upper = tuple(
        i for i, c in enumerate(text) if c.isupper() and (i == 0 or not text[i - 1].isalnum())
    )
    return upper, ()


def compile_gazetteer(g: Gazetteer) -> CompiledGazetteer:
    """Build the automaton: one padded, folded key per alias, a ``Pattern`` as its value."""
    entities = sorted(g.entities.values(), key=lambda e: (e.type, e.id))
    index = {e.id: i for i, e in enumerate(entities)}
    # a capital may be a mere place ("signed in Paris"); its mentions say so, so the pair reader
    # needs no table of its own (and sees the extension files' capitals too)
    capitals = g.capital_names()
    a = ahocorasick.Automaton()
    for key, alias in g.aliases.items():
        upper, lower = _case_offsets(alias.text, alias.case)
        check = 0 if not (upper or lower) else 1 if (upper == (0,) and not lower) else 2
        if alias.lower_in and check:
            # the lower-case reading needs every letter lower; the capitalised one its capitals
            # (an "exact" capitalised form's own lower-case letters are then not checked)
            lower = tuple(i for i, c in enumerate(alias.text) if c.isalpha())
            check = 3
        rules = (alias.reject_if, alias.keep_if) if alias.reject_if or alias.keep_if else None
        entity = index[alias.entity] if alias.entity else -1
        kind = CAPITAL if alias.kind == NAME and key.strip() in capitals else alias.kind
        pattern = Pattern(len(key), entity, check, upper, lower, rules, kind, alias.lower_in)
        a.add_word(f" {key} ", pattern)
    a.make_automaton()
    return CompiledGazetteer(
        a, entities, len(g.aliases), list(g.files), frozenset(g.lead_languages)
    )
