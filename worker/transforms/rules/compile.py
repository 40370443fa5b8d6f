"""All rules compiled together: one Aho-Corasick automaton and a required-term prefilter.

Every text pattern of every rule gets an *anchor*: a whole literal word, or failing that a
literal chunk of one wildcard word, that must occur wherever the pattern matches. Whole words are
found by one set intersection with the article's words, chunks by one Aho-Corasick pass over its
text; entity and metadata values give further features. As in Lucene's
Monitor, each rule is indexed under a minimal set of features at least one of which must be
present for the rule to possibly match (AND: the cheapest child's set, OR: the union, NOT: none);
a rule with no such set (e.g. a pure NOT) is always evaluated.

Matching is done on *atoms*: every distinct leaf (text pattern or entity/metadata constraint)
gets an integer id, the article view computes the set of true atoms once (only leaves whose
anchor or feature is present can be true), and each rule is compiled to one flat Python
function over that set (``3 in T and not 7 in T``; groups of leaves become one set operation),
so evaluating a candidate rule is one call with no per-node dispatch or method calls.

A topic term of one language (``Term.lang``) is anchored in that language's own word table and
automaton (``LanguageScan``), which only an article of that language scans: an English article
never pays for, nor matches, the ten other languages' topic words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import ahocorasick

from .query import And, MatchAll, Meta, Node, Not, Or, Term
from .schema import Rule
from .text import glob_regex, is_glob


@dataclass(slots=True)
class CompiledTerm:
    """A text pattern with its anchor. ``regexes[k]`` is None for a literal token."""

    term: Term
    literal: bool  # one literal word: the anchor hit is the match itself
    key: str  # anchor text (tokens joined by single spaces)
    left: bool  # anchor must start at a token boundary
    right: bool  # anchor must end at a token boundary
    offset: int  # index in ``term.tokens`` of the token the anchor starts in
    regexes: tuple
    anchor: int = -1  # anchor id, set by the compiler
    index: int = -1  # position in the compiler's term table (a cheap cache key)
    atom: int = -1  # atom id, set by the compiler
    need: frozenset[str] = frozenset()  # literal tokens that must all be in the article
    phrase: str | None = None  # " a b " for a phrase of literal words (verified by one find)

    @property
    def sure(self) -> bool:
        """A hit of the anchor is a match by itself (no verification needed): a literal word,
        or one word with ``*`` only around its anchor (``purchas*``, ``*ship``): the rest of
        the token is word characters, which ``*`` accepts."""
        if self.term.field != "text":
            return False
        if self.literal:
            return True
        toks = self.term.tokens
        return (
            len(toks) == 1
            and self.term.slop is None
            and "?" not in toks[0]
            and toks[0].strip("*") == self.key
        )

    @property
    def field_word(self) -> str | None:
        """``title``/``body`` for a one-word literal restricted to that field, else None."""
        t = self.term
        if self.literal and len(t.tokens) == 1 and t.field in ("title", "body"):
            return t.field
        return None


def compile_term(term: Term) -> CompiledTerm:
    """Anchor a pattern on one whole literal word when it has one (the longest, as the rarest
    guess), else on the longest literal chunk of a wildcard word. Whole words are found by a set
    intersection, which costs nothing per rule; the automaton only holds wildcard chunks."""
    toks = term.tokens
    regexes = tuple(glob_regex(t) if is_glob(t) else None for t in toks)
    if len(toks) == 1 and regexes[0] is None:
        return CompiledTerm(term, True, toks[0], True, True, 0, regexes)
    lits = [(len(t), i) for i, t in enumerate(toks) if regexes[i] is None]
    if lits:
        # Phrase or proximity: every token must occur, so any one literal token is a sound
        # anchor; the whole pattern is verified where it occurs.
        _, i = max(lits)
        return CompiledTerm(term, False, toks[i], True, True, i, regexes)
    return _glob_anchor(term, regexes)


def _glob_anchor(term: Term, regexes: tuple) -> CompiledTerm:
    best: tuple[int, int, str, bool, bool] | None = None
    for i, tok in enumerate(term.tokens):
        pieces = tok.replace("?", "*").split("*")
        for k, piece in enumerate(pieces):
            if piece and (best is None or len(piece) > best[0]):
                best = (len(piece), i, piece, k == 0, k == len(pieces) - 1)
    assert best is not None, "query parser guarantees a literal character"
    _, i, piece, left, right = best
    return CompiledTerm(term, False, piece, left, right, i, regexes)


@dataclass(slots=True)
class LanguageScan:
    """The topic terms of one language, found only in articles of that language. Per whole
    word and per automaton anchor: (atoms true when it is present, the rules indexed under
    them, the patterns to verify)."""

    words: dict[str, tuple[tuple[int, ...], tuple[int, ...], tuple[CompiledTerm, ...]]]
    keys: dict[int, tuple[tuple[int, ...], tuple[int, ...], tuple[CompiledTerm, ...]]]
    automaton: ahocorasick.Automaton | None


def whole_word(ct: CompiledTerm) -> bool:
    """Is the anchor a whole word (found by set intersection, not by the automaton)?"""
    return ct.left and ct.right and " " not in ct.key


_PATTERN_TOKEN = re.compile(r"[\w*?]+")

# Rough rarity of features, for choosing which AND branch indexes a rule (lower = rarer).
_META_COST = {"country": 3.0, "lang": 20.0, "source": 4.0, "place": 2.0, "has": 30.0}


AtomTest = Callable[[set[int], set[str], set[int]], bool]
# Leaves grouped into one set operation when an AND/OR has at least this many of them.
_GROUP = 3
# Rules compiled per generated-code chunk (a chunk that fails falls back rule by rule).
_CHUNK = 500


class Compiled:
    """The automaton, the atoms, the prefilter index and the per-rule tests for a rule list."""

    def __init__(self, rules: list[Rule]):
        self.rules = rules
        # explain.positive_leaves' cache (query id -> (query, leaves per article language)):
        # kept here so that it goes with this set when a reload replaces it
        self.evidence: dict[int, tuple[Node, dict[str, tuple]]] = {}
        self.terms: dict[Term, CompiledTerm] = {}
        # (anchor text, left boundary, right boundary, language or None for shared) -> id
        self.anchors: dict[tuple[str, bool, bool, str | None], int] = {}
        self.anchor_keys: list[str] = []
        self.atoms: list[CompiledTerm | Meta] = []
        self.meta_atoms: dict[Meta, int] = {}
        # anchor id -> atoms true whenever it is present / atoms to verify when it is
        self.anchor_sure: dict[int, list[int]] = {}
        self.anchor_check: dict[int, list[CompiledTerm]] = {}
        # anchor id of a language's own term -> its terms (LanguageScan, built below)
        self.lang_terms: dict[int, list[CompiledTerm]] = {}
        # whole-word anchor id -> one-word literals restricted to the title / the body
        self.anchor_field: dict[str, dict[int, list[int]]] = {"title": {}, "body": {}}
        # meta feature -> (atom, node) constraints that may hold when the feature is present
        self.meta_by_feature: dict[str, list[tuple[int, Meta]]] = {}
        self.index: dict[int, list[int]] = {}  # atom -> rules indexed under it
        self.always: list[int] = []
        # Rules with nothing required but an excluded feature (``NOT lang:en AND NOT x``):
        # candidates only for articles without that feature, instead of for every article.
        self.unless: dict[str, list[int]] = {}
        for n, rule in enumerate(rules):
            for leaf in _leaves(rule.node):
                self.atom(leaf)
            req = self.required(rule.node)
            if req is None and (feature := self.unless_feature(rule.node)) is not None:
                self.unless.setdefault(feature, []).append(n)
            elif req is None:
                self.always.append(n)
            else:
                for a in req:
                    self.index.setdefault(a, []).append(n)
        # Whole-word anchors are found by one set intersection with the article's tokens; the
        # automaton finds wildcard chunks. Boundaries are part of its keys (a space on the
        # anchored side; words are scanned with a space on each side), so a chunk inside a
        # longer word is never even reported.
        self.words: dict[str, int] = {}
        self.automaton = ahocorasick.Automaton()
        has_keys = False
        for (key, left, right, lang), aid in self.anchors.items():
            if lang is not None:
                continue  # in the language's own scan
            if left and right and " " not in key:
                self.words[key] = aid
                continue
            padded = (" " if left else "") + key + (" " if right else "")
            self.automaton.add_word(padded, (len(padded), aid, left))
            has_keys = True
        if has_keys:
            self.automaton.make_automaton()
        self.has_keys = has_keys
        # What an anchor being present means, precomputed so the hot loop is set operations
        # done in C: whole words keyed by the word, automaton anchors by anchor id. A *sure*
        # pattern needs no entry of its own: its test reads the word / anchor sets directly
        # (see ``leaf_ref``); only the rules indexed under it (candidates) and the patterns to
        # verify are listed.
        word_ids = set(self.words.values())
        keyed = {aid: aid for aid in range(len(self.anchor_keys)) if aid not in word_ids}
        # Per word that matters to the scan: the rules indexed under it (candidates) and the
        # patterns it anchors (to verify). ``scan_words`` is their union, so an article costs one
        # set intersection and the rest runs in C over the few words present.
        self.word_rules, self.word_check = self._by_presence(self.words)
        self.key_rules, self.key_check = self._by_presence(keyed)
        # One-word literals restricted to the title / the body: word -> (atoms, their rules).
        self.field_words: dict[str, dict[str, tuple[tuple[int, ...], tuple[int, ...]]]] = {}
        for name, by_anchor in self.anchor_field.items():
            atoms = {w: tuple(by_anchor[aid]) for w, aid in self.words.items() if aid in by_anchor}
            indexed = self._rules_of(atoms)
            self.field_words[name] = {w: (a, indexed.get(w, ())) for w, a in atoms.items()}
        self.scan_words: frozenset[str] = frozenset(
            {*self.word_rules, *self.word_check, *self.field_words["body"]}
        )
        self.by_lang: dict[str, LanguageScan] = self._language_scans()
        self.tests: list[AtomTest] = self._codegen([r.node for r in rules])

    def _language_scans(self) -> dict[str, LanguageScan]:
        """One ``LanguageScan`` per language with terms of its own."""
        grouped: dict[str, dict[int, list[CompiledTerm]]] = {}
        for aid, cts in self.lang_terms.items():
            lang = cts[0].term.lang
            assert lang is not None
            grouped.setdefault(lang, {})[aid] = cts
        out: dict[str, LanguageScan] = {}
        for lang, by_anchor in grouped.items():
            words: dict = {}
            keys: dict = {}
            automaton = ahocorasick.Automaton()
            for aid, cts in by_anchor.items():
                sure = tuple(ct.atom for ct in cts if ct.sure)
                rules = tuple(sorted({r for a in sure for r in self.index.get(a, ())}))
                entry = (sure, rules, tuple(ct for ct in cts if not ct.sure))
                ct = cts[0]
                if whole_word(ct):
                    words[ct.key] = entry
                    continue
                keys[aid] = entry
                padded = (" " if ct.left else "") + ct.key + (" " if ct.right else "")
                automaton.add_word(padded, (len(padded), aid, ct.left))
            if keys:
                automaton.make_automaton()
            out[lang] = LanguageScan(words, keys, automaton if keys else None)
        return out

    def _rules_of(self, atoms: dict) -> dict:
        """The rules indexed under each entry's atoms (entries without any are left out)."""
        out = {}
        for k, v in atoms.items():
            rules = {r for a in v for r in self.index.get(a, ())}
            if rules:
                out[k] = tuple(sorted(rules))
        return out

    def _by_presence(self, anchors: dict) -> tuple[dict, dict]:
        """(rules indexed under sure patterns, patterns to verify) per present-able anchor."""
        sure = {k: self.anchor_sure[aid] for k, aid in anchors.items() if aid in self.anchor_sure}
        check = {
            k: tuple(self.anchor_check[aid])
            for k, aid in anchors.items()
            if aid in self.anchor_check
        }
        return self._rules_of(sure), check

    def leaf_ref(self, leaf: Term | Meta) -> tuple[str, int | str]:
        """Where a leaf's truth is read from: ``("W", word)`` the article's word set for a sure
        whole word, ``("H", anchor)`` the automaton hits for another sure pattern, else
        ``("T", atom)`` the atoms the scan verified."""
        if isinstance(leaf, Term):
            ct = self.term(leaf)
            if ct.sure and leaf.lang is None:
                if self.words.get(ct.key) == ct.anchor:
                    return "W", ct.key
                return "H", ct.anchor
            return "T", ct.atom
        return "T", self.atom(leaf)

    def atom(self, leaf: Term | Meta) -> int:
        """The atom id of a leaf (registered on first use)."""
        if isinstance(leaf, Term):
            return self.term(leaf).atom
        aid = self.meta_atoms.get(leaf)
        if aid is None:
            aid = self.meta_atoms[leaf] = len(self.atoms)
            self.atoms.append(leaf)
            self.meta_by_feature.setdefault(meta_feature(leaf), []).append((aid, leaf))
        return aid

    def term(self, term: Term) -> CompiledTerm:
        ct = self.terms.get(term)
        if ct is None:
            ct = compile_term(term)
            ct.index = len(self.terms)
            if term.slop is None and len(term.tokens) > 1 and not any(ct.regexes):
                ct.phrase = f" {' '.join(term.tokens)} "
            ct.need = frozenset(
                t for t, rx in zip(term.tokens, ct.regexes, strict=True) if rx is None
            )
            ident = (ct.key, ct.left, ct.right, term.lang)
            if ident not in self.anchors:
                self.anchors[ident] = len(self.anchor_keys)
                self.anchor_keys.append(ct.key)
            ct.anchor = self.anchors[ident]
            ct.atom = len(self.atoms)
            self.atoms.append(ct)
            if term.lang is not None:
                self.lang_terms.setdefault(ct.anchor, []).append(ct)
            elif ct.sure:
                self.anchor_sure.setdefault(ct.anchor, []).append(ct.atom)
            elif ct.field_word:
                self.anchor_field[ct.field_word].setdefault(ct.anchor, []).append(ct.atom)
            else:
                self.anchor_check.setdefault(ct.anchor, []).append(ct)
            self.terms[term] = ct
        return ct

    def required(self, node: Node) -> frozenset[int] | None:
        """Atoms at least one of which is true whenever ``node`` matches (None: any)."""
        if isinstance(node, Term | Meta):
            return frozenset([self.atom(node)])
        if isinstance(node, Or):
            out: set[int] = set()
            for c in node.children:
                sub = self.required(c)
                if sub is None:
                    return None
                out |= sub
            return frozenset(out)
        if isinstance(node, And):
            options = [s for s in (self.required(c) for c in node.children) if s is not None]
            return min(options, key=self.cost) if options else None
        if isinstance(node, Not | MatchAll):
            return None
        raise TypeError(node)

    def unless_feature(self, node: Node) -> str | None:
        """A feature whose presence alone makes ``node`` false (from a top-level ``NOT`` of an
        exact metadata/entity constraint), or None. Exact means present feature ⇔ constraint
        holds (see ``RuleView.meta_features``): no wildcards, and not ``source:``, whose
        feature is one word of a phrase."""
        if isinstance(node, Not):
            leaf = node.child
            if isinstance(leaf, Meta) and leaf.field != "source" and not is_glob(leaf.value):
                return meta_feature(leaf)
            return None
        if isinstance(node, And):
            for c in node.children:
                if (feature := self.unless_feature(c)) is not None and isinstance(c, Not):
                    return feature
        return None

    def cost(self, atoms: Iterable[int]) -> float:
        """Rough chance that one of ``atoms`` is true in an article (lower = rarer)."""
        total = 0.0
        for a in atoms:
            leaf = self.atoms[a]
            if isinstance(leaf, CompiledTerm):
                key = leaf.key
                total += 8.0 / (1 + len(key)) + (2.0 if len(key) < 4 else 0.0)
            else:
                field, _, value = meta_feature(leaf).partition(":")
                total += 40.0 if value == "*" else _META_COST.get(field, 1.0)
        return total

    # -- rule tests as generated code ----------------------------------------------------------

    def _expr(self, node: Node, consts: dict[str, object]) -> str:
        """Python source of ``node`` over ``T`` (verified atoms), ``W`` (the article's words) and
        ``H`` (automaton anchors present). Only ints, operators and names of constants we bind
        go into the source, never rule text (words are bound as constants)."""
        if isinstance(node, Term | Meta):
            return self._leaf_expr(node, consts)
        if isinstance(node, MatchAll):
            return "True"
        if isinstance(node, Not):
            return f"not ({self._expr(node.child, consts)})"
        if isinstance(node, And | Or):
            is_and = isinstance(node, And)
            groups: dict[str, list] = {}
            rest: list[Node] = []
            for c in node.children:
                if isinstance(c, Term | Meta):
                    where, ref = self.leaf_ref(c)
                    groups.setdefault(where, []).append((c, ref))
                else:
                    rest.append(c)
            parts: list[str] = []
            for where, members in groups.items():
                if len(members) >= _GROUP:  # one C-level set operation for the group
                    name = f"_c{len(consts)}"
                    consts[name] = frozenset(ref for _, ref in members)
                    parts.append(
                        f"{name} <= {where}" if is_and else f"not {where}.isdisjoint({name})"
                    )
                else:
                    parts += [self._leaf_expr(c, consts) for c, _ in members]
            parts += [f"({self._expr(c, consts)})" for c in rest]
            return (" and " if is_and else " or ").join(parts)
        raise TypeError(node)

    def _leaf_expr(self, leaf: Term | Meta, consts: dict[str, object]) -> str:
        where, ref = self.leaf_ref(leaf)
        if isinstance(ref, str):
            name = f"_c{len(consts)}"
            consts[name] = ref
            return f"{name} in {where}"
        return f"{ref} in {where}"

    def _codegen(self, nodes: list[Node]) -> list[AtomTest]:
        """One flat function per rule, compiled a chunk of rules at a time."""
        tests: list[AtomTest] = []
        for lo in range(0, len(nodes), _CHUNK):
            chunk = nodes[lo : lo + _CHUNK]
            try:
                tests += self._compile_exprs(chunk)
            except (RecursionError, SyntaxError, MemoryError, ValueError):
                # A pathologically deep query: compile its neighbours alone, interpret it.
                for node in chunk:
                    try:
                        tests += self._compile_exprs([node])
                    except (RecursionError, SyntaxError, MemoryError, ValueError):
                        tests.append(lambda T, W, H, _n=node: eval_atoms(_n, (T, W, H), self))
        return tests

    def _compile_exprs(self, nodes: list[Node]) -> list[AtomTest]:
        consts: dict[str, object] = {}
        src = "[" + ",".join(f"lambda T, W, H: {self._expr(n, consts)}" for n in nodes) + "]"
        namespace: dict[str, object] = {"__builtins__": {}, **consts}
        return eval(compile(src, "<rules>", "eval"), namespace)


def eval_atoms(node: Node, sets: tuple[set, set, set], compiled: Compiled) -> bool:
    """Interpret ``node`` over (T, W, H) (the fallback for queries too deep to compile)."""
    if isinstance(node, Term | Meta):
        where, ref = compiled.leaf_ref(node)
        return ref in sets["TWH".index(where)]
    if isinstance(node, And):
        return all(eval_atoms(c, sets, compiled) for c in node.children)
    if isinstance(node, Or):
        return any(eval_atoms(c, sets, compiled) for c in node.children)
    if isinstance(node, Not):
        return not eval_atoms(node.child, sets, compiled)
    if isinstance(node, MatchAll):
        return True
    raise TypeError(node)


def meta_feature(node: Meta) -> str:
    """The prefilter feature for a metadata/entity constraint."""
    value = node.value
    if node.field == "has":
        return f"has:{value}"
    if node.field == "source":
        toks = [t for t in _PATTERN_TOKEN.findall(value) if not is_glob(t)]
        return f"source:{max(toks, key=len)}" if toks else "source:*"
    if is_glob(value):
        return f"{node.field}:*"
    return f"{node.field}:{value}"


def _leaves(node: Node) -> Iterable[Term | Meta]:
    if isinstance(node, Term | Meta):
        yield node
    elif isinstance(node, And | Or):
        for c in node.children:
            yield from _leaves(c)
    elif isinstance(node, Not):
        yield from _leaves(node.child)
