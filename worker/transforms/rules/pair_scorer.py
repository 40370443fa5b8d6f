"""A learned second opinion on arms-transfer pairs: candidates, their features, and a weights file.

The rule reader (``pairs.extract_pairs``) decides each pair by construction. This module looks
at every ordered country pair the reader *could* have read - the pairs it emitted, plus pairs of
parties that share a sentence with a transfer trigger and arms, or that stand in the headline and
the opening sentences - and describes each with language-independent features of what the
pipeline already computed (the roles the parse gives, each mention's dependency relation or the
preposition before it, trigger and look-alike word classes of the lexicon, order, distance, where
in the article, mention counts, a weapon maker's or company's home country). No country, weapon
or report-specific word is a feature, so the weights can carry over to new reporting.

A logistic regression over these features is trained offline (``bench/train_pair_scorer.py``,
scikit-learn as the optional ``train`` extra); at run time the worker only reads the weights file
and computes a dot product here, in pure Python. ``rescore`` keeps the rule pairs (dropping one
only below a second, lower threshold, and never one read inside a single sentence) and adds the
candidates it accepts that the rules missed, except a weapon's maker as the supplier of arms
given away or handed on; a rule pair whose reverse it accepts with high probability gives way to
the reverse, even one read inside a sentence.

The ten other languages have no parse: their candidates are described by the roles the symbol
patterns give, each mention's case class from the language file's classes and those files' word
classes (``_language_sentence_features``), with weights of their own (``pair_scorer_i18n.json``).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from worker.model import TaggedArticle

from .pairs import (
    _ACTORS,
    ARTICLE_BUYER,
    ARTICLE_MAKER,
    REFERRED_ARMS,
    REFERRED_BACK,
    REFERRED_SELLER,
    Cue,
    PairHit,
    RelationLexicon,
    _as_country,
    _grammar_roles,
    _handed_on,
    _ident,
    _qualifying_triggers,
    _sentence_pairs,
    _Span,
    _status_words,
    _symbols,
    sentence_spans,
    spans_by_sentence,
)
from .transfer import sentence_status

DEFAULT_WEIGHTS = Path(__file__).resolve().parent.parent.parent / "data/rules/pair_scorer.json"
# Word classes of the relation lexicon that say what kind of transfer a sentence states ...
TRIGGER_CLASSES = (
    "buy", "sell", "buy_noun", "sell_noun", "gift", "weak", "arrive", "deal", "sign", "talks",
    "approve", "offer", "veto", "award", "win", "choose", "retire", "deny",
)  # fmt: skip
# ... and those that mark a look-alike (own forces, drills, captured arms, airliners, combat);
# the hostile ones make a state a foe, a critic or a place of war (fills._ties_to_arms too).
HOSTILE_CLASSES = ("drill", "fire", "theatre", "threat")
LOOKALIKE_CLASSES = (*HOSTILE_CLASSES, "captured", "force", "civil", "cargo")
PREPOSITIONS = ("from", "to", "with", "by", "for", "of", "in")
OPENING = 3  # the headline and this many first body sentences are the article's "lede"
# Language lexicons (no parse): the classes of their files that mark a mention's case, a word
# before it (a preposition: "aus", "из", "من") or its suffix after the case marker (Turkish
# "'dan"), grouped under one name per case so one weight serves every language ...
CASE_CLASSES = {
    "from": ("from", "abl", "body_abl"),
    "to": ("to", "dat", "body_dat", "dative", "onto"),
    "to_or_in": ("place_or_to",),
    "with": ("with",),
    "by": ("by",),
    "of": ("genitive", "gen"),
    "in": ("in", "place", "venue"),
    "according": ("according",),
    "against": ("against",),
}
# ... and their word classes of transfers and look-alikes, those of English and their own
LANG_TRIGGER_CLASSES = (*TRIGGER_CLASSES, "receive", "send", "sold", "export", "handover", "made")
LANG_LOOKALIKE_CLASSES = ("drill", "attack", "threat", "hostile", "war", "forces")
_PLACEHOLDERS = frozenset(
    {REFERRED_BACK, REFERRED_ARMS, REFERRED_SELLER, ARTICLE_MAKER, ARTICLE_BUYER}
)


class ScorerError(ValueError):
    """A pair scorer weights file that cannot be used."""


@dataclass(slots=True)
class Candidate:
    """One ordered (recipient, supplier) pair and what the article shows of it."""

    recipient: str
    supplier: str
    features: dict[str, float] = field(default_factory=dict)
    sentences: list[tuple[str, int, int, int]] = field(default_factory=list)
    rule: bool = False

    @property
    def key(self) -> tuple[str, str]:
        return (self.recipient, self.supplier)


@dataclass(frozen=True, slots=True)
class _Party:
    """A state in one sentence: named (country, company or state body) or a weapon's maker."""

    country: str
    index: int  # symbol index (-1: the weapon's maker, not named)
    start: int
    end: int
    via: str  # country | company | organization | origin


def _dep_class(doc: Any, start: int, end: int) -> str:
    """The mention's grammatical place, as a small language-independent class: subject,
    passive subject, object, the preposition that governs it, possessive, adjective, compound."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "none"
    tok = span.root
    dep = tok.dep_
    if dep in ("compound", "amod", "poss", "nmod") and tok.head.dep_ == "pobj":
        # "to the Turkish army": the preposition governs the phrase the mention modifies
        head = tok.head.head
        prep = head.lower_ if head.lower_ in PREPOSITIONS else "other"
        return f"{'adj' if dep == 'amod' else 'mod'}_{prep}"
    if dep == "pobj":
        return tok.head.lower_ if tok.head.lower_ in PREPOSITIONS else "prep_other"
    return {
        "nsubj": "subj",
        "nsubjpass": "subj_passive",
        "dobj": "obj",
        "dative": "obj",
        "poss": "poss",
        "amod": "adj",
        "compound": "compound",
        "conj": "conj",
        "appos": "appos",
    }.get(dep, "other")


def _add_makers(symbols: list, parties: list[_Party]) -> set[str | None]:
    """The makers' states of the sentence's weapons, each one not named there added to
    ``parties`` as a party of its own (``via`` origin, at its weapon)."""
    origins = {s[1].origin for s in symbols if s[0] == "weapon" and s[1] is not None}
    named = {p.country for p in parties}
    for o in sorted(o for o in origins if o and o not in named):
        w = next(s for s in symbols if s[0] == "weapon" and s[1] is not None and s[1].origin == o)
        parties.append(_Party(o, -1, w[2], w[3], "origin"))
    return origins


def _order(f: dict[str, float], a: _Party, b: _Party) -> bool:
    """Which side comes first and how far apart, when both are named (not a maker only)."""
    if a.index < 0 or b.index < 0:
        return False
    f["rec_first" if a.index < b.index else "sup_first"] = 1.0
    gap = abs(a.index - b.index)
    f[f"dist:{'near' if gap <= 3 else 'mid' if gap <= 10 else 'far'}"] = 1.0
    return True


def _pair_features(
    parties: Sequence[_Party],
    base: Mapping[str, float],
    origins: Collection[str],
    given_away: bool,
    side_features: Callable[[dict[str, float], str, _Party], None],
) -> Iterator[tuple[_Party, _Party, dict[str, float]]]:
    """Each ordered pair of parties of two states, with the features the English and the
    language readers share: the sentence's (``base``), how each side is named, whether it makes
    arms named there, what ``side_features`` adds for each side (the parse's or the patterns'
    roles), and whether the supplier is only the maker of arms given away or handed on."""
    for a in parties:
        for b in parties:
            if a.country == b.country:
                continue
            f = dict(base)
            for side, p in (("rec", a), ("sup", b)):
                f[f"{side}_via:{p.via}"] = 1.0
                side_features(f, side, p)
                if p.country in origins:
                    f[f"{side}_maker"] = 1.0
            if b.via == "origin" and given_away:
                f["sup_gift_maker"] = 1.0
            yield a, b, f


def _keep_reading(
    out: dict[tuple[str, str], dict[str, float]], key: tuple[str, str], f: dict[str, float]
) -> None:
    """Several mentions of one pair: keep every reading (a feature is on if any has it)."""
    old = out.get(key)
    out[key] = f if old is None else {**old, **{k: max(v, old.get(k, 0.0)) for k, v in f.items()}}


def _coordination(doc: Any, spans: list[tuple[int, int]]) -> dict[tuple[int, int], tuple]:
    """Each mention that is a member of a coordinated list ("to Greece, Cyprus and Malta"): its
    list (the first member's token index), its position (first, mid, last) and the list's length.
    Read from the parse's conjunct links, so it holds for any list the parser coordinates."""
    out: dict[tuple[int, int], tuple] = {}
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        tok = span.root
        members = sorted([tok.i, *(t.i for t in tok.conjuncts)])
        if len(members) < 2:
            continue
        at = members.index(tok.i)
        pos = "first" if at == 0 else "last" if at == len(members) - 1 else "mid"
        out[(start, end)] = (members[0], pos, len(members))
    return out


def _sentence_features(
    text: str, start: int, end: int, spans: list[_Span], lex: RelationLexicon
) -> tuple[dict[tuple[str, str], dict[str, float]], bool, dict[str, set[str]]]:
    """Features of every ordered pair of distinct parties in one sentence, whether the
    sentence states a transfer at all (a trigger word and arms), and the roles the parse gives
    each state there (for the article-wide features of ``candidates``)."""
    if lex.symbols_only:
        return _language_sentence_features(text, start, end, spans, lex)
    symbols, first = _symbols(text, start, end, [s for s in spans if s.kind not in _ACTORS], lex)
    words = [s[1] for s in symbols if s[0] == "word"]
    # the lexicon's own gates hold: a sentence the rule reader does not read as a transfer
    # ("sent troops and ...", "received missile fire", airliner orders) gives no candidate
    trig = _qualifying_triggers(symbols, text, first, lex)
    if not trig:
        return {}, False, {}
    classes = lex.grammar
    base: dict[str, float] = {}
    wordset = set(words)
    if classes is not None:
        for name in TRIGGER_CLASSES:
            if wordset & classes.words(name):
                base[f"trig:{name}"] = 1.0
        for name in LOOKALIKE_CLASSES:
            if wordset & classes.words(name):
                base[f"look:{name}"] = 1.0
    status = sentence_status(_status_words(symbols, text, lex), trig, lex.status_words)
    base[f"status:{status or 'none'}"] = 1.0
    # arms given away or handed on by a holder: their maker is not the supplier ("MiG-29s
    # donated to Ukraine" came from Slovakia), the rule reader's own gift/handed-on gates
    gift = bool(wordset & classes.words("gift")) if classes is not None else False
    handed = _handed_on(symbols, trig, lex) is not None
    if handed:
        base["trig:handover"] = 1.0
    parties: list[_Party] = []
    for k, s in enumerate(symbols):
        if s[0] == "country":
            sp = s[1]
            parties.append(
                _Party(sp.ident, k, sp.start, sp.end, "company" if sp.company else "country")
            )
    actors = [s for s in spans if s.kind in _ACTORS]
    countries = [k for k, s in enumerate(symbols) if s[0] == "country"]
    for a in actors:
        k = next((i for i, s in enumerate(symbols) if s[2] >= a.start), len(symbols))
        parties.append(_Party(a.ident, k, a.start, a.end, a.kind))
    origins = _add_makers(symbols, parties)
    # the rule reader's own grammar roles and each mention's dependency class
    roles: dict[tuple[int, int], str] = {}
    deps: dict[tuple[int, int], str] = {}
    coord: dict[tuple[int, int], tuple] = {}  # list members: (list, position, length)
    parsed = _grammar_roles(text, start, end, symbols, countries, actors, lex)
    if parsed is not None:
        from worker.transforms.parser import parse

        doc = parse(text[start:end])
        for k in countries:
            r = parsed.get(k)
            sp = symbols[k][1]
            roles[(sp.start, sp.end)] = r[0] if r else "none"
        for i, a in enumerate(actors):
            r = parsed.get(("actor", i))
            roles[(a.start, a.end)] = r[0] if r else "none"
        if doc is not None:
            for p in parties:
                if p.via != "origin":
                    deps[(p.start, p.end)] = _dep_class(doc, p.start - start, p.end - start)
            named = [(p.start, p.end) for p in parties if p.via != "origin"]
            coord = {
                (s0 + start, e0 + start): v
                for (s0, e0), v in _coordination(
                    doc, [(a - start, b - start) for a, b in named]
                ).items()
            }
    prev: dict[tuple[int, int], str] = {}
    for p in parties:
        if p.index > 0 and p.via != "origin":
            w = symbols[p.index - 1]
            prev[(p.start, p.end)] = w[1] if w[0] == "word" and w[1] in PREPOSITIONS else "other"
    n_parties = len({p.country for p in parties})
    base[f"parties:{min(n_parties, 4)}"] = 1.0
    out: dict[tuple[str, str], dict[str, float]] = {}

    def side_features(f: dict[str, float], side: str, p: _Party) -> None:
        span = (p.start, p.end)
        if span in roles:
            f[f"{side}_role:{roles[span]}"] = 1.0
        if span in deps:
            f[f"{side}_dep:{deps[span]}"] = 1.0
        if span in prev:
            f[f"{side}_prev:{prev[span]}"] = 1.0
        if span in coord:
            group, pos, size = coord[span]
            f[f"{side}_list:{pos}"] = 1.0
            f[f"{side}_list:len{min(size, 4)}"] = 1.0
            # another member of the list has a role of the rule reader: in a list of
            # buyers or sellers every member plays the part the parse gave one of them
            for other, (g, _, _) in coord.items():
                if g == group and other != span and roles.get(other, "none") != "none":
                    f[f"{side}_list_role:{roles[other]}"] = 1.0

    for a, b, f in _pair_features(parties, base, origins, gift or handed, side_features):
        ca, cb = coord.get((a.start, a.end)), coord.get((b.start, b.end))
        if ca is not None and cb is not None and ca[0] == cb[0]:
            f["list:same"] = 1.0  # two members of one list are on one side, not a pair
        if roles.get((a.start, a.end)) == "recipient" and roles.get((b.start, b.end)) == (
            "supplier"
        ):
            # the parse gives both roles in one sentence: the rule reader's strongest reading
            f["roles:pair"] = 1.0
        _order(f, a, b)
        _keep_reading(out, (a.country, b.country), f)
    given: dict[str, set[str]] = {}
    for p in parties:
        r = roles.get((p.start, p.end), "none")
        if r != "none":
            given.setdefault(p.country, set()).add(r)
    return out, True, given


def _case_of(symbols: list, k: int, lex: RelationLexicon) -> list[str]:
    """The case classes (``CASE_CLASSES``) of the country at symbol ``k``: of the word right
    before it, and of the suffix after the language's case marker right after it."""
    classes = lex.word_classes
    if classes is None:
        return []
    words = []
    if k > 0 and symbols[k - 1][0] == "word":
        words.append(symbols[k - 1][1])
    marker = lex.case_marker
    nxt = symbols[k + 1 : k + 3]
    if marker and len(nxt) == 2 and nxt[0][:2] == ("word", marker) and nxt[1][0] == "word":
        words.append(nxt[1][1])
    return [
        case
        for case, names in CASE_CLASSES.items()
        if any(classes.has(n, w) for n in names for w in words)
    ]


def _class_names(words: Iterable[str], names: Iterable[str], classes: Any) -> list[str]:
    wordset = set(words)
    return [n for n in names if wordset & classes.words(n)]


def _language_sentence_features(
    text: str, start: int, end: int, spans: list[_Span], lex: RelationLexicon
) -> tuple[dict[tuple[str, str], dict[str, float]], bool, dict[str, set[str]]]:
    """``_sentence_features`` for a language lexicon, read without a parse: each side's role is
    the one the symbol-line patterns give it (the rule reader's cues), its grammatical place
    the case class of the preposition before it or the suffix on it (the language file's
    classes), and the word classes are those of the language's file; only class names, never
    words, so one set of weights serves all ten languages."""
    # companies and state bodies stand for their country, as the rule reader reads them
    spans = [_as_country(s) if s.kind in _ACTORS else s for s in spans]
    symbols, first = _symbols(text, start, end, spans, lex)
    trig = _qualifying_triggers(symbols, text, first, lex, (start, end))
    classes = lex.word_classes
    if not trig or classes is None:
        return {}, False, {}
    words = [s[1] for s in symbols if s[0] == "word"]
    base: dict[str, float] = {}
    for name in _class_names(words, LANG_TRIGGER_CLASSES, classes):
        base[f"trig:{name}"] = 1.0
    for name in _class_names(words, LANG_LOOKALIKE_CLASSES, classes):
        base[f"look:{name}"] = 1.0
    status = sentence_status(_status_words(symbols, text, lex), trig, lex.status_words)
    base[f"status:{status or 'none'}"] = 1.0
    gift = bool(set(words) & classes.words("gift"))
    handed = _handed_on(symbols, trig, lex) is not None
    if handed:
        base["trig:handover"] = 1.0
    roles: dict[tuple[int, int], set[str]] = {}
    for _, _, cues, _ in _sentence_pairs(text, start, end, "body", spans, lex):
        for c in cues:
            if c.country not in _PLACEHOLDERS and start <= c.start and c.end <= end:
                roles.setdefault((c.start, c.end), set()).add(c.role)
    parties: list[_Party] = []
    cases: dict[tuple[int, int], list[str]] = {}
    for k, s in enumerate(symbols):
        if s[0] == "country":
            sp = s[1]
            via = "company" if sp.company else "adjective" if sp.adjective else "country"
            parties.append(_Party(sp.ident, k, sp.start, sp.end, via))
            cases[(sp.start, sp.end)] = _case_of(symbols, k, lex)
    origins = _add_makers(symbols, parties)
    base[f"parties:{min(len({p.country for p in parties}), 4)}"] = 1.0
    trig_at = {
        k: _class_names([s[1]], LANG_TRIGGER_CLASSES, classes)
        for k, s in enumerate(symbols)
        if s[0] == "word"
    }
    out: dict[tuple[str, str], dict[str, float]] = {}

    def side_features(f: dict[str, float], side: str, p: _Party) -> None:
        span = (p.start, p.end)
        for r in roles.get(span, ()) or ("none",):
            f[f"{side}_role:{r}"] = 1.0
        for case in cases.get(span, ()):
            f[f"{side}_case:{case}"] = 1.0

    for a, b, f in _pair_features(parties, base, origins, gift or handed, side_features):
        if "recipient" in roles.get((a.start, a.end), ()) and "supplier" in roles.get(
            (b.start, b.end), ()
        ):
            f["roles:pair"] = 1.0
        if _order(f, a, b):
            lo, hi = sorted((a.index, b.index))
            for k in range(lo + 1, hi):
                for name in trig_at.get(k, ()):
                    f[f"between:{name}"] = 1.0
        _keep_reading(out, (a.country, b.country), f)
    given: dict[str, set[str]] = {}
    for p in parties:
        for r in roles.get((p.start, p.end), ()):
            given.setdefault(p.country, set()).add(r)
    return out, True, given


def read_in_one_sentence(hit: PairHit) -> bool:
    """Whether the rule reader read the pair inside one sentence: a recipient from the sentence's
    own words (a role of the parse or a pattern, a pronoun for the buyer named before included)
    and a supplier in the same sentence. Such readings are what the construction tests pin down,
    and short texts give the model little else to go by."""
    for fld, _, start, end in hit.sentences:
        inside = [c for c in hit.cues if c.field == fld and start <= c.start and c.end <= end]
        rec = any(c.role == "recipient" and not c.cue.startswith("origin of") for c in inside)
        if rec and any(c.role == "supplier" for c in inside):
            return True
    return False


def _article_context(
    key: tuple[str, str],
    sentences: list[tuple[str, int, int, int]],
    named: Mapping[int, set[str]],
    role_book: Mapping[int, Mapping[str, set[str]]],
) -> dict[str, float]:
    """What the rest of the article says of a pair: whether the headline, or one sentence of the
    lede, names both states, or the headline one and the lede the other (``cooc:``); the roles
    the parse gives each side in any sentence stating a transfer (``rec_role_art:``,
    ``sup_role_art:``); and whether both roles of the pair are read in two or more sentences
    (``roles:again``) or only in different sentences (``roles:split``, a transfer told across
    sentences)."""
    rec, sup = key
    f: dict[str, float] = {}
    title = [i for i in named if sentences[i][0] == "title"]
    lede = [i for i in named if sentences[i][0] != "title"]
    if any({rec, sup} <= named[i] for i in title):
        f["cooc:title"] = 1.0
    if any({rec, sup} <= named[i] for i in lede):
        f["cooc:lede"] = 1.0
    for x, y in ((rec, sup), (sup, rec)):
        if any(x in named[i] for i in title) and any(y in named[j] for j in lede):
            f["cooc:opening"] = 1.0
    both, rec_at, sup_at = 0, set(), set()
    for idx, given in role_book.items():
        for side, iso in (("rec", rec), ("sup", sup)):
            for r in given.get(iso, ()):
                f[f"{side}_role_art:{r}"] = 1.0
        r_here = "recipient" in given.get(rec, ())
        s_here = "supplier" in given.get(sup, ())
        both += r_here and s_here
        if r_here:
            rec_at.add(idx)
        if s_here:
            sup_at.add(idx)
    if both >= 2:
        f["roles:again"] = 1.0
    if not both and rec_at and sup_at:
        f["roles:split"] = 1.0
    return f


def candidates(
    tagged: TaggedArticle,
    lex: RelationLexicon,
    rule_pairs: Iterable[tuple[str, str]] = (),
    one_sentence: Iterable[tuple[str, str]] = (),
) -> list[Candidate]:
    """Every ordered pair the reader could see in the article, with its features (see the module
    docstring); ``rule_pairs``: the pairs the rule reader emitted (a feature of their own), and
    ``one_sentence`` those of them it read inside one sentence (``read_in_one_sentence``)."""
    art = tagged.article
    sentences = sentence_spans(tagged)
    per_sentence = spans_by_sentence(tagged, sentences)
    mentions: Counter[str] = Counter()
    for ent in tagged.entities:
        if ent.type == "country" or (ent.type in _ACTORS and ent.country):
            mentions[_ident(ent)] += len(ent.mentions)
    found: dict[tuple[str, str], Candidate] = {}
    stating: set[int] = set()
    role_book: dict[int, dict[str, set[str]]] = {}  # sentence -> state -> roles the parse gave
    for idx, spans in sorted(per_sentence.items()):
        fld, sidx, start, end = sentences[idx]
        text = art.title if fld == "title" else art.body
        feats, states, given = _sentence_features(text, start, end, spans, lex)
        if states:
            stating.add(idx)
            role_book[idx] = given
        for key, f in feats.items():
            c = found.setdefault(key, Candidate(*key))
            c.sentences.append((fld, sidx, start, end))
            where = "title" if fld == "title" else "lede" if idx <= OPENING else "body"
            f = {**f, f"in:{where}": 1.0}
            c.features = {k: max(v, c.features.get(k, 0.0)) for k, v in {**c.features, **f}.items()}
    # the headline and the opening read together: a party of the headline with one of the lede
    opening = [i for i in range(min(len(sentences), OPENING + 1)) if i in per_sentence]
    # a party is named there, or is the maker of a weapon named there
    named = {
        i: {s.ident if s.kind != "weapon" else s.origin for s in per_sentence[i]} - {None}
        for i in opening
    }
    if opening and stating & set(opening):
        for i, j in ((i, j) for i in opening for j in opening if i < j):
            for a in named[i]:
                for b in named[j]:
                    for key in ((a, b), (b, a)):
                        if a != b and key not in found:
                            found[key] = Candidate(*key, features={"linked:opening": 1.0})
    rules = set(rule_pairs)
    for key in rules - set(found):
        found[key] = Candidate(*key, features={"rule_only": 1.0})
    top = mentions.most_common(1)[0][0] if mentions else None
    single = set(one_sentence)
    for c in found.values():
        c.rule = c.key in rules
        f = c.features
        if c.rule:
            f["rule"] = 1.0
            if c.key in single:
                f["rule:sentence"] = 1.0
        if (c.supplier, c.recipient) in rules:
            f["rule_reverse"] = 1.0
        f[f"sentences:{min(len(c.sentences), 3)}"] = 1.0
        f.update(_article_context(c.key, sentences, named, role_book))
        for side, iso in (("rec", c.recipient), ("sup", c.supplier)):
            f[f"{side}_mentions"] = min(mentions[iso], 6) / 6
            if iso == top:
                f[f"{side}_top"] = 1.0
    return list(found.values())


@dataclass(frozen=True, slots=True)
class PairScorer:
    """Logistic-regression weights over candidate features, and its thresholds: a candidate the
    rules missed is added from ``threshold`` up; a rule pair is dropped only below ``drop_below``
    (much lower: the rules read short constructions right that the model, trained on long
    reports, scores low), and never when read whole in one sentence, unless the reverse direction
    reaches ``flip_above`` (``reversed_by_scorer``)."""

    weights: Mapping[str, float]
    bias: float
    threshold: float
    provenance: Mapping[str, Any] = field(default_factory=dict)
    drop_below: float = 0.0  # 0: the scorer only adds pairs
    # a rule pair, even one read in one sentence, gives way to its reverse accepted from here up
    flip_above: float | None = None  # None: never

    def probability(self, features: Mapping[str, float]) -> float:
        """The model's probability that the candidate is a stated transfer (pure Python)."""
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0

    def accepts(self, features: Mapping[str, float]) -> bool:
        return self.probability(features) >= self.threshold

    @classmethod
    def load(cls, path: Path = DEFAULT_WEIGHTS) -> PairScorer:
        """Read a weights file; a missing, malformed or incomplete file raises ``ScorerError``
        naming the file and the reason."""
        try:
            raw = json.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise ScorerError(f"{path}: cannot read the pair scorer weights: {exc}") from None
        except json.JSONDecodeError as exc:
            raise ScorerError(f"{path}: not JSON: {exc}") from None
        if not isinstance(raw, dict):
            raise ScorerError(f"{path}: expected an object with weights, bias and threshold")
        try:
            weights = {str(k): float(v) for k, v in raw["weights"].items()}
            bias, threshold = float(raw["bias"]), float(raw["threshold"])
            drop_below = float(raw.get("drop_below", 0.0))
            flip = raw.get("flip_above")
            flip_above = None if flip is None else float(flip)
        except KeyError as exc:
            raise ScorerError(f"{path}: missing key {exc.args[0]!r}") from None
        except (AttributeError, TypeError, ValueError) as exc:
            raise ScorerError(f"{path}: weights must map names to numbers: {exc}") from None
        if not 0.0 < threshold < 1.0:
            raise ScorerError(f"{path}: threshold {threshold} is not between 0 and 1")
        if not 0.0 <= drop_below <= threshold:
            raise ScorerError(
                f"{path}: drop_below {drop_below} is not between 0 and the threshold {threshold}"
            )
        if flip_above is not None and not threshold <= flip_above <= 1.0:
            raise ScorerError(
                f"{path}: flip_above {flip_above} is not between the threshold {threshold} and 1"
            )
        provenance = dict(raw.get("provenance") or {})
        return cls(weights, bias, threshold, provenance, drop_below, flip_above)

    def to_dict(self) -> dict[str, Any]:
        return {
            "provenance": dict(self.provenance),
            "threshold": self.threshold,
            "drop_below": self.drop_below,
            "flip_above": self.flip_above,
            "bias": self.bias,
            "weights": dict(sorted(self.weights.items())),
        }


def one_direction(probs: Mapping[tuple[str, str], float]) -> list[tuple[str, str]]:
    """The accepted pairs with, for two states accepted both ways, only the likelier direction
    (ties: the one listed first): one transfer, one direction."""
    return [
        (a, b)
        for (a, b), p in probs.items()
        if not ((b, a) in probs and (probs[(b, a)] > p or (probs[(b, a)] == p and (b, a) < (a, b))))
    ]


def may_add(features: Mapping[str, float]) -> bool:
    """The rule reader's gift gate, for pairs it did not read: a weapon's maker is no supplier
    of arms donated or handed on unless the article names that state as a party."""
    named = any(features.get(f"sup_via:{v}") for v in ("country", "company", "organization"))
    return not features.get("sup_gift_maker") or named


def _read_whole(features: Mapping[str, float]) -> bool:
    """A rule pair the scorer never drops: both roles read in one sentence, by the parse or by
    the rule reader (``read_in_one_sentence``)."""
    return bool(features.get("roles:pair") or features.get("rule:sentence"))


def reversed_by_scorer(
    key: tuple[str, str],
    probs: Mapping[tuple[str, str], float],
    features: Mapping[tuple[str, str], Mapping[str, float]],
    flip_above: float | None,
) -> bool:
    """Whether the scorer overrules the direction of a rule pair: it gives the reverse at least
    ``flip_above`` (None: never), more than the pair itself, and ``may_add`` lets the reverse in.
    The one way a pair read inside one sentence falls: a confident reading of the other
    direction, not a low score of this one (which short texts get)."""
    if flip_above is None:
        return False
    rev = (key[1], key[0])
    p = probs.get(rev)
    return (
        p is not None
        and p >= flip_above
        and p > probs.get(key, 1.0)
        and may_add(features.get(rev, {}))
    )


def decide(
    rule_pairs: Iterable[tuple[str, str]],
    probs: Mapping[tuple[str, str], float],
    features: Mapping[tuple[str, str], Mapping[str, float]],
    threshold: float,
    drop_below: float,
    flip_above: float | None = None,
) -> list[tuple[str, str]]:
    """The pairs the article gives with the scorer: the rule pairs it keeps (all but those below
    ``drop_below`` not read whole in one sentence, and those whose reverse it accepts from
    ``flip_above`` up, see ``reversed_by_scorer``), then the candidates from ``threshold`` up
    that ``may_add`` lets in and that reverse no kept pair, one direction per two states. Shared
    by ``rescore`` and the cross-validation, so the bench scores what the worker does."""
    kept = [
        k
        for k in dict.fromkeys(rule_pairs)
        if (probs.get(k, 1.0) >= drop_below or _read_whole(features.get(k, {})))
        and not reversed_by_scorer(k, probs, features, flip_above)
    ]
    taken = set(kept)
    added = one_direction(
        {
            k: p
            for k, p in probs.items()
            if p >= threshold
            and k not in taken
            and (k[1], k[0]) not in taken
            and may_add(features.get(k, {}))
        }
    )
    return kept + added


def rescore(
    tagged: TaggedArticle, lex: RelationLexicon, hits: list[PairHit], scorer: PairScorer
) -> list[PairHit]:
    """The rule reader's pairs the scorer keeps, then the candidates it accepts that the rules
    missed (each with a cue naming the scorer and its probability); see ``decide``."""
    by_key = {(h.recipient, h.supplier): h for h in hits}
    out: list[PairHit] = []
    weapons = [e for e in tagged.entities if e.type == "weapon"]
    whole = [k for k, h in by_key.items() if read_in_one_sentence(h)]
    cands = {c.key: c for c in candidates(tagged, lex, by_key, whole)}
    probs = {k: scorer.probability(c.features) for k, c in cands.items()}
    feats = {k: c.features for k, c in cands.items()}
    accepted = decide(by_key, probs, feats, scorer.threshold, scorer.drop_below, scorer.flip_above)
    for key in accepted:
        c, p = cands[key], probs[key]
        hit = by_key.get(key)
        if hit is None:
            hit = PairHit(c.recipient, c.supplier, sentences=list(c.sentences))
            fld, _, s, e = (c.sentences or [("title", -1, 0, 0)])[0]
            cue = f"pair scorer p={p:.2f}"
            hit.cues = [Cue("recipient", c.recipient, fld, s, e, cue)]
            hit.cues.append(Cue("supplier", c.supplier, fld, s, e, cue))
            hit.status = next((h.status for h in hits if h.status), None)
            w = next((w for w in weapons if w.country == c.supplier), None)
            if w is not None:
                hit.weapon, hit.producer = w.id, w.producer
        out.append(hit)
    # the rule reader's order first: the headline's pair stays the first one
    order = {k: i for i, k in enumerate(by_key)}
    return sorted(out, key=lambda h: order.get((h.recipient, h.supplier), len(order)))
