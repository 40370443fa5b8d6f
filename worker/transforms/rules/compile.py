"""All rules compiled together: one Aho-Corasick automaton and a required-term prefilter.

Every text pattern of every rule gets an *anchor*: a literal string that must occur (at token
boundaries) wherever the pattern matches. One automaton pass over the article's normalised text
finds the anchors present; entity and metadata values give further features. As in Lucene's
Monitor, each rule is indexed under a minimal set of features at least one of which must be
present for the rule to possibly match (AND: the cheapest child's set, OR: the union, NOT: none);
a rule with no such set (e.g. a pure NOT) is always evaluated.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

import ahocorasick

from .query import And, MatchAll, Meta, Node, Not, Or, Term
from .schema import Rule
from .text import glob_regex, is_glob


@dataclass(slots=True)
class CompiledTerm:
    """A text pattern with its anchor. ``regexes[k]`` is None for a literal token."""

    term: Term
    literal: bool  # consecutive literal tokens: the anchor hit is the match itself
    key: str  # anchor text (tokens joined by single spaces)
    left: bool  # anchor must start at a token boundary
    right: bool  # anchor must end at a token boundary
    offset: int  # index in ``term.tokens`` of the token the anchor starts in
    regexes: tuple
    anchor: int = -1  # anchor id, set by the compiler
    index: int = -1  # position in the compiler's term table (a cheap cache key)


def compile_term(term: Term) -> CompiledTerm:
    toks = term.tokens
    regexes = tuple(glob_regex(t) if is_glob(t) else None for t in toks)
    if term.slop is None and all(r is None for r in regexes):
        return CompiledTerm(term, True, " ".join(toks), True, True, 0, regexes)
    if term.slop is not None:
        # Proximity: every token must occur, so any one literal token is a sound anchor.
        lits = [(len(t), i) for i, t in enumerate(toks) if regexes[i] is None]
        if lits:
            _, i = max(lits)
            return CompiledTerm(term, False, toks[i], True, True, i, regexes)
        return _glob_anchor(term, regexes)
    # Phrase with globs: the longest run of literal tokens, else the best glob chunk.
    best: tuple[int, int, int] | None = None  # (chars, start, end)
    i = 0
    while i < len(toks):
        if regexes[i] is None:
            j = i
            while j < len(toks) and regexes[j] is None:
                j += 1
            chars = sum(len(t) for t in toks[i:j]) + (j - i - 1)
            if best is None or chars > best[0]:
                best = (chars, i, j)
            i = j
        else:
            i += 1
    if best:
        _, i, j = best
        return CompiledTerm(term, False, " ".join(toks[i:j]), True, True, i, regexes)
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


_PATTERN_TOKEN = re.compile(r"[\w*?]+")

# Rough rarity of features, for choosing which AND branch indexes a rule (lower = rarer).
_META_COST = {"country": 3.0, "lang": 20.0, "source": 4.0, "place": 2.0, "has": 30.0}


class Compiled:
    """The automaton and prefilter index for a list of rules."""

    def __init__(self, rules: list[Rule]):
        self.rules = rules
        self.terms: dict[Term, CompiledTerm] = {}
        self.anchors: dict[tuple[str, bool, bool], int] = {}
        self.anchor_keys: list[str] = []
        self.index: dict[Hashable, list[int]] = {}
        self.always: list[int] = []
        for n, rule in enumerate(rules):
            for leaf in _terms(rule.node):
                self.term(leaf)
            feats = self.required(rule.node)
            if feats is None:
                self.always.append(n)
            else:
                for f in feats:
                    self.index.setdefault(f, []).append(n)
        # Whole-word anchors are found by one set intersection with the article's tokens; the
        # automaton scans for the rest (phrases, wildcard chunks) in one pass.
        self.words: dict[str, int] = {}
        self.automaton = ahocorasick.Automaton()
        by_key: dict[str, list[tuple[int, bool, bool]]] = {}
        for (key, left, right), aid in self.anchors.items():
            if left and right and " " not in key:
                self.words[key] = aid
                continue
            by_key.setdefault(key, []).append((aid, left, right))
        for key, entries in by_key.items():
            self.automaton.add_word(key, (len(key), tuple(entries)))
        if by_key:
            self.automaton.make_automaton()
        self.has_keys = bool(by_key)

    def term(self, term: Term) -> CompiledTerm:
        ct = self.terms.get(term)
        if ct is None:
            ct = compile_term(term)
            ct.index = len(self.terms)
            ident = (ct.key, ct.left, ct.right)
            if ident not in self.anchors:
                self.anchors[ident] = len(self.anchor_keys)
                self.anchor_keys.append(ct.key)
            ct.anchor = self.anchors[ident]
            self.terms[term] = ct
        return ct

    def required(self, node: Node) -> frozenset[Hashable] | None:
        """Features at least one of which is present whenever ``node`` matches (None: any)."""
        if isinstance(node, Term):
            return frozenset([self.term(node).anchor])
        if isinstance(node, Meta):
            return frozenset([meta_feature(node)])
        if isinstance(node, Or):
            out: set[Hashable] = set()
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

    def cost(self, feats: Iterable[Hashable]) -> float:
        total = 0.0
        for f in feats:
            if isinstance(f, int):
                key = self.anchor_keys[f]
                total += 8.0 / (1 + len(key)) + (2.0 if len(key) < 4 else 0.0)
            else:
                field, _, value = str(f).partition(":")
                total += 40.0 if value == "*" else _META_COST.get(field, 1.0)
        return total


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


def _terms(node: Node) -> Iterable[Term]:
    if isinstance(node, Term):
        yield node
    elif isinstance(node, And | Or):
        for c in node.children:
            yield from _terms(c)
    elif isinstance(node, Not):
        yield from _terms(node.child)
