"""Evaluating rule queries against one article.

``RuleView`` holds what every rule needs from the article, computed once and lazily: the
normalised token text (title ``|`` body), the anchors the automaton found, entity ids, metadata
and pair extractions. Text patterns are matched from anchor hits (``naive=False``) or by scanning
every token (``naive=True``, the reference the prefilter is tested against).
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from functools import cached_property
from itertools import accumulate, chain, compress
from operator import add, attrgetter

from worker.model import TaggedArticle
from worker.transforms.folding import fold_letters

from .compile import Compiled, CompiledTerm, LanguageScan, whole_word
from .pairs import PairHit, RelationLexicon, candidate_sentences, extract_pairs
from .query import And, MatchAll, Meta, Node, Not, Or, Term
from .text import WORD, glob_regex, is_glob, split_pattern, tokens

_NEED = attrgetter("need")
SEP = "|"  # token between title and body; never part of a pattern (patterns are \w only)


class RuleView:
    """One article as the rule matcher sees it."""

    def __init__(self, tagged: TaggedArticle, compiled: Compiled, *, naive: bool = False):
        art = tagged.article
        self.tagged = tagged
        self.compiled = compiled
        self.naive = naive
        self.title_toks = tokens(art.title) if art.title else []
        self.body_toks = tokens(art.body) if art.body else []
        self.toks = [*self.title_toks, SEP, *self.body_toks]
        self.sep_index = len(self.title_toks)
        self.norm = " ".join(self.toks)
        self.padded = f" {self.norm} "
        # Plain attributes, not cached properties: those take a lock per first access on
        # Python 3.11, which shows at thousands of articles per second.
        self.tokset = set(self.toks)  # every token (and the separator, which no pattern has)
        self.title_set = set(self.title_toks)
        self._hit_ids: set[int] | None = None
        self._positions: dict[str, list[int]] = {}
        self._scanned: tuple[set[int], set[int]] | None = None
        self._occ: dict[int, list[tuple[int, int]]] = {}
        self._pairs: dict[str, list[PairHit]] = {}
        self._read_ahead: set[str] = set()  # relations whose candidates a caller took to parse
        self._features: set[str] | None = None

    # -- anchors and features ------------------------------------------------------------------

    @cached_property
    def words(self) -> set[int]:
        """Anchor ids of whole-word anchors present in the article."""
        words = self.compiled.words
        return {words[t] for t in words.keys() & self.tokset}  # the separator is no word

    def in_body(self, word: str) -> bool:
        """Does ``word`` occur in the body? (One C-level find after the separator.)"""
        return self.padded.find(f" {word} ", self.norm.find(SEP) + 2) >= 0

    @property
    def hit_ids(self) -> set[int]:
        """Ids of the automaton anchors present (boundaries included, see ``Compiled``)."""
        if self._hit_ids is None:
            if self.compiled.has_keys:
                self._hit_ids = {v[1] for _, v in self.compiled.automaton.iter(self.padded)}
            else:
                self._hit_ids = set()
        return self._hit_ids

    @cached_property
    def hits(self) -> dict[int, list[int]]:
        """Anchor id -> start offsets in ``norm`` where the anchor occurs with its boundaries."""
        out: dict[int, list[int]] = {}
        if not self.compiled.has_keys:
            return out
        # Keys carry their boundary spaces (see ``Compiled``); offsets are shifted back by the
        # leading space, and by one more for a key that itself starts with a space.
        for end, (klen, aid, left) in self.compiled.automaton.iter(self.padded):
            start = end - klen + (1 if left else 0)
            lst = out.get(aid)
            if lst is None:
                out[aid] = [start]
            else:
                lst.append(start)
        return out

    @cached_property
    def language_scan(self) -> LanguageScan | None:
        """The topic terms of the article's own language (none: no language, or none of its
        own); ``lang:`` semantics, so "fr-CA" reads the French terms."""
        by_lang = self.compiled.by_lang
        if not by_lang or not self.lang:
            return None
        return by_lang.get(self.lang) or by_lang.get(self.lang.split("-")[0])

    def own_language(self, lang: str) -> bool:
        """Does a term of language ``lang`` count in this article?"""
        return lang == self.lang or lang == self.lang.split("-")[0]

    @cached_property
    def language_hits(self) -> dict[int, list[int]]:
        """Anchor id -> start offsets in ``norm`` of the own-language automaton's anchors."""
        out: dict[int, list[int]] = {}
        scan = self.language_scan
        if scan is None or scan.automaton is None:
            return out
        for end, (klen, aid, left) in scan.automaton.iter(self.padded):
            out.setdefault(aid, []).append(end - klen + (1 if left else 0))
        return out

    @cached_property
    def entity_ids(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {"entity": set()}
        for e in self.tagged.entities:
            ident = fold_letters(e.id)
            out.setdefault(e.type, set()).add(ident)
            out["entity"].add(ident)
        return out

    @cached_property
    def lang(self) -> str:
        return fold_letters(self.tagged.article.language or "")

    @cached_property
    def source_toks(self) -> list[str]:
        return WORD.findall(fold_letters(self.tagged.article.source or ""))

    def meta_features(self) -> set[str]:
        """Entity and metadata features present in the article (see ``compile.meta_feature``);
        computed once (matching and the stored reading both ask)."""
        if self._features is None:
            self._features = self._meta_features()
        return self._features

    def _meta_features(self) -> set[str]:
        feats: set[str] = set()
        for etype, ids in self.entity_ids.items():
            if ids:
                feats.add(f"{etype}:*")
                feats.update(f"{etype}:{i}" for i in ids)
        if self.lang:
            feats.update(("lang:*", f"lang:{self.lang}", f"lang:{self.lang.split('-')[0]}"))
        if self.source_toks:
            feats.add("source:*")
            feats.update(f"source:{t}" for t in self.source_toks)
        if self.title_toks:
            feats.add("has:title")
        if self.body_toks:
            feats.add("has:body")
        return feats

    def candidates(self) -> list[int]:
        """Indices of rules that may match: indexed under a true atom, or always evaluated."""
        return sorted({*self._scan_atoms()[1], *self.compiled.always})

    def _scan_atoms(self) -> tuple[set[int], set[int]]:
        """Verified atoms and candidate rules (the always-evaluated ones left out), in one pass
        over what the article contains.

        A sure pattern (literal word, ``purchas*``) is never listed: its truth is its
        word being in ``tokset`` or its anchor in ``hit_ids``, which the rule tests read
        directly. Other patterns are verified where their anchor is present, one-word
        ``title:``/``body:`` terms by the field's words, metadata constraints when their
        feature is present; those that hold make up the returned atom set."""
        if self._scanned is not None:
            return self._scanned
        c = self.compiled
        index = c.index
        tokset = self.tokset
        hits = self.hit_ids if c.has_keys else set()
        true: set[int] = set()
        cand: set[int] = set()
        # The words of the article that matter to some rule (one intersection), then set and
        # iterator operations in C over those few: rules indexed under a present word of a sure
        # pattern, patterns to verify, one-word title:/body: terms whose word is in that field.
        present = c.scan_words & tokset
        word_rules = c.word_rules
        cand.update(chain.from_iterable(map(word_rules.__getitem__, word_rules.keys() & present)))
        word_check = c.word_check
        checks = list(chain.from_iterable(map(word_check.__getitem__, word_check.keys() & present)))
        title_words = c.field_words["title"]
        for w in title_words.keys() & self.title_set:
            atoms, rules = title_words[w]
            true.update(atoms)
            cand.update(rules)
        body_words = c.field_words["body"]
        for w in body_words.keys() & present:
            if self.in_body(w):
                atoms, rules = body_words[w]
                true.update(atoms)
                cand.update(rules)
        if hits:
            found = c.key_rules.keys() & hits
            cand.update(chain.from_iterable(map(c.key_rules.__getitem__, found)))
            checks.extend(
                chain.from_iterable(map(c.key_check.__getitem__, c.key_check.keys() & hits))
            )
        scan = self.language_scan
        if scan is not None:
            # the article's own language's topic terms (compile.LanguageScan): sure ones are
            # true by presence, the others join the patterns to verify
            found = [scan.words[w] for w in scan.words.keys() & tokset]
            if scan.keys:
                found += [scan.keys[a] for a in scan.keys.keys() & self.language_hits.keys()]
            for atoms, rules, to_check in found:
                true.update(atoms)
                cand.update(rules)
                checks.extend(to_check)
        # Every literal token of a pattern must be in the article: a subset test per pattern,
        # run by ``compress`` in C, settles most proximity and glob-phrase patterns unscanned.
        for ct in compress(checks, map(tokset.issuperset, map(_NEED, checks))):
            if (
                self.padded.find(ct.phrase) >= 0
                if ct.phrase and ct.term.field == "text"
                else self.occurrences_of(ct)
            ):
                true.add(ct.atom)
                cand.update(index.get(ct.atom, ()))
        by_feature = c.meta_by_feature
        if by_feature or c.unless:
            feats = self.meta_features()
            for f, rules in c.unless.items():
                if f not in feats:
                    cand.update(rules)
            for f in feats & by_feature.keys():
                for a, node in by_feature[f]:
                    if self.meta(node):
                        true.add(a)
                        cand.update(index.get(a, ()))
        self._scanned = (true, cand)
        return self._scanned

    def matching(self) -> list[int]:
        """Indices of the rules whose query (and constraints) match, in rule order."""
        if self.naive:
            return [i for i, r in enumerate(self.compiled.rules) if evaluate(r.node, self)]
        tests = self.compiled.tests
        true, cand = self._scan_atoms()
        words, hits = self.tokset, self.hit_ids if self.compiled.has_keys else set()
        # Sorting the matches, not the candidates: a few dozen instead of a few hundred.
        found = [i for i in cand if tests[i](true, words, hits)]
        found += [i for i in self.compiled.always if tests[i](true, words, hits)]
        found.sort()
        return found

    # -- token geometry ------------------------------------------------------------------------

    @cached_property
    def starts(self) -> list[int]:
        """Start offset in ``norm`` of every token."""
        # token i starts after the lengths of tokens 0..i-1 and i spaces (all in C: no
        # per-token Python frames)
        cum = accumulate(map(len, self.toks[:-1]), initial=0)
        return list(map(add, cum, range(len(self.toks))))

    def token_at(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1

    def span_of(self, i: int, j: int) -> tuple[int, int]:
        """``norm`` span of tokens i..j-1."""
        return self.starts[i], self.starts[j - 1] + len(self.toks[j - 1])

    @cached_property
    def title_spans(self) -> list[tuple[int, int]]:
        return [m.span() for m in WORD.finditer(fold_letters(self.tagged.article.title or ""))]

    @cached_property
    def body_spans(self) -> list[tuple[int, int]]:
        return [m.span() for m in WORD.finditer(fold_letters(self.tagged.article.body or ""))]

    def original(self, i: int, j: int) -> tuple[str, int, int]:
        """(field, start, end) in the article text for tokens i..j-1 (one field)."""
        if j <= self.sep_index:
            sp = self.title_spans
            return "title", sp[i][0], sp[j - 1][1]
        base = self.sep_index + 1
        sp = self.body_spans
        return "body", sp[i - base][0], sp[j - 1 - base][1]

    def positions(self, tok: str) -> list[int]:
        """Token indices where ``tok`` occurs (found by ``str.find``: most tokens a rule asks
        about are absent or rare, so this beats indexing every token of the article)."""
        found = self._positions.get(tok)
        if found is None:
            found = []
            if tok not in self.tokset:
                self._positions[tok] = found
                return found
            needle = f" {tok} "
            padded, norm = self.padded, self.norm
            i = padded.find(needle)
            counted = spaces = 0
            while i >= 0:
                # padded offset of the space = norm offset; spaces before it = token index,
                # counted from the previous hit only: counting from 0 each time made a
                # frequent token quadratic in the article's length (issue 17, item 9)
                spaces += norm.count(" ", counted, i)
                counted = i
                found.append(spaces)
                i = padded.find(needle, i + len(needle) - 1)
            self._positions[tok] = found
        return found

    def in_field(self, field: str, i: int, j: int) -> bool:
        """Tokens i..j-1 lie in ``field`` (text = either, never across the separator)."""
        if field == "title":
            return j <= self.sep_index
        if field == "body":
            return i > self.sep_index
        return j <= self.sep_index or i > self.sep_index

    # -- text patterns -------------------------------------------------------------------------

    def occurrences(self, term: Term) -> list[tuple[int, int]]:
        """(start, end) token spans where ``term`` matches, in text order."""
        return self.occurrences_of(self.compiled.term(term))

    def occurrences_of(self, ct: CompiledTerm) -> list[tuple[int, int]]:
        found = self._occ.get(ct.index)
        if found is None:
            term = ct.term
            if term.lang is not None and not self.own_language(term.lang):
                found = []  # a term of another language's topic list
            elif term.slop is not None:
                found = self._proximity(ct)
            elif self.naive:
                found = self._scan(ct)
            else:
                found = self._from_anchor(ct)
            self._occ[ct.index] = found
        return found

    def _token_ok(self, ct: CompiledTerm, k: int, tok: str) -> bool:
        rx = ct.regexes[k]
        return tok == ct.term.tokens[k] if rx is None else rx.match(tok) is not None

    def _at(self, ct: CompiledTerm, i: int) -> bool:
        n = len(ct.term.tokens)
        if i < 0 or i + n > len(self.toks):
            return False
        return all(self._token_ok(ct, k, self.toks[i + k]) for k in range(n))

    def _scan(self, ct: CompiledTerm) -> list[tuple[int, int]]:
        n = len(ct.term.tokens)
        return [
            (i, i + n)
            for i in range(len(self.toks) - n + 1)
            if self._at(ct, i) and self.in_field(ct.term.field, i, i + n)
        ]

    def _from_anchor(self, ct: CompiledTerm) -> list[tuple[int, int]]:
        if ct.term.lang is not None:
            return self._from_language_anchor(ct)
        if self.compiled.words.get(ct.key) == ct.anchor:
            if ct.anchor not in self.words:
                return []
            return [
                (i - ct.offset, i - ct.offset + len(ct.term.tokens))
                for i in self.positions(ct.key)
                if (ct.literal or self._at(ct, i - ct.offset))
                and self.in_field(ct.term.field, i - ct.offset, i - ct.offset + len(ct.term.tokens))
            ]
        starts = self.hits.get(ct.anchor)
        if not starts:
            return []
        n = len(ct.term.tokens)
        out = []
        seen = set()
        for pos in starts:
            i = self.token_at(pos) - ct.offset
            if i in seen:
                continue
            seen.add(i)
            if (ct.literal or self._at(ct, i)) and self.in_field(ct.term.field, i, i + n):
                out.append((i, i + n))
        out.sort()
        return out

    def _from_language_anchor(self, ct: CompiledTerm) -> list[tuple[int, int]]:
        """``_from_anchor`` for a term of the article's own language (its own scan)."""
        n = len(ct.term.tokens)
        if whole_word(ct):
            starts = [i - ct.offset for i in self.positions(ct.key)]
        else:
            hits = self.language_hits.get(ct.anchor, ())
            starts = sorted({self.token_at(p) - ct.offset for p in hits})
        return [
            (i, i + n)
            for i in starts
            if (ct.literal or self._at(ct, i)) and self.in_field(ct.term.field, i, i + n)
        ]

    def _proximity(self, ct: CompiledTerm) -> list[tuple[int, int]]:
        term = ct.term
        lists: list[list[int]] = []
        for k, tok in enumerate(term.tokens):
            if ct.regexes[k] is None:
                lists.append(self.positions(tok))
            else:
                rx = ct.regexes[k]
                lists.append([i for i, t in enumerate(self.toks) if rx.match(t)])
            if not lists[-1]:
                return []
        limit = len(term.tokens) - 1 + (term.slop or 0)
        merged = sorted((p, k) for k, lst in enumerate(lists) for p in lst)
        need = len(lists)
        count: dict[int, int] = {}
        lo = 0
        out = []
        # Smallest window holding every token of the phrase (any order), per right end.
        for p, k in merged:
            count[k] = count.get(k, 0) + 1
            while len(count) == need:
                q, kk = merged[lo]
                if p - q <= limit and self.in_field(term.field, q, p + 1):
                    out.append((q, p + 1))
                    break
                count[kk] -= 1
                if not count[kk]:
                    del count[kk]
                lo += 1
        return sorted(set(out))

    # -- metadata and entities -----------------------------------------------------------------

    def meta(self, node: Meta) -> bool:
        value = node.value
        if node.field == "has":
            return bool(self.title_toks if value == "title" else self.body_toks)
        if node.field == "lang":
            if not self.lang:
                return False
            if is_glob(value):
                return glob_regex(value.replace("-", "_")).match(self.lang.replace("-", "_"))
            return self.lang == value or self.lang.split("-")[0] == value
        if node.field == "source":
            pat = split_pattern(value)
            toks = self.source_toks
            for i in range(len(toks) - len(pat) + 1):
                if all(
                    glob_regex(p).match(toks[i + k]) if is_glob(p) else toks[i + k] == p
                    for k, p in enumerate(pat)
                ):
                    return True
            return False
        ids = self.entity_ids.get(node.field, ())
        if is_glob(value):
            rx = glob_regex(value.replace("-", "_"))
            return any(rx.match(i.replace("-", "_")) for i in ids)
        return value in ids

    # -- pairs ---------------------------------------------------------------------------------

    def known_pairs(self) -> dict[str, list[PairHit]]:
        """The pair readings made (or given) so far, per relation name."""
        return dict(self._pairs)

    def give_pairs(self, pairs: dict[str, list[PairHit]]) -> None:
        """Pair readings made earlier for this very tagging (a backtest's stored readings):
        ``pairs`` then returns them instead of reading the text again."""
        self._pairs.update(pairs)

    def pairs(self, lexicon: RelationLexicon) -> list[PairHit]:
        name = lexicon.name
        found = self._pairs.get(name)
        if found is None:
            lexicon = self._lexicon_for(lexicon)
            bounded, original = bounded_sentences(self.tagged)
            # candidates taken by a caller (``RuleSet.read_ahead``) are parsed: not sought again
            found = extract_pairs(bounded, lexicon, parse_first=name not in self._read_ahead)
            if bounded is not self.tagged:
                found = [_renumber(hit, original) for hit in found]
            self._pairs[lexicon.name] = found
        return found

    def pair_candidates(self, lexicon: RelationLexicon) -> list[str]:
        """The sentences ``pairs(lexicon)`` is likely to parse (none once the pairs are read),
        for a caller that parses many articles' sentences in one batch first; ``pairs`` then
        takes them as parsed and does not seek them again."""
        if lexicon.name in self._pairs:
            return []
        self._read_ahead.add(lexicon.name)
        return candidate_sentences(bounded_sentences(self.tagged)[0], self._lexicon_for(lexicon))

    def _lexicon_for(self, lexicon: RelationLexicon) -> RelationLexicon:
        """Text in a language with its own lexicon is read with it (rules/languages.py)."""
        return lexicon.by_language.get(self.lang.split("-")[0], lexicon)


# The pair extractor's cost grows with countries x symbols in one sentence: a hostile
# "sentence" of 80 KB (no full stop, a country every few words) took 82 s (issue 17,
# item 9). Sentences are cut into pieces of at most this many characters for it, which
# keeps its cost linear in the article's size; real sentences are far shorter.
PAIR_SENTENCE_MAX = 1_000


def bounded_sentences(tagged: TaggedArticle) -> tuple[TaggedArticle, list[int]]:
    """``tagged`` with body sentences longer than :data:`PAIR_SENTENCE_MAX` cut at a space
    (``tagged`` itself when none is), and each piece's original sentence index."""
    spans = tagged.sentences
    if all(e - s <= PAIR_SENTENCE_MAX for s, e in spans):
        return tagged, list(range(len(spans)))
    body = tagged.article.body
    pieces: list[tuple[int, int]] = []
    original: list[int] = []
    for n, (start, end) in enumerate(spans):
        while end - start > PAIR_SENTENCE_MAX:
            cut = body.rfind(" ", start + 1, start + PAIR_SENTENCE_MAX)
            cut = cut if cut > start else start + PAIR_SENTENCE_MAX
            pieces.append((start, cut))
            original.append(n)
            start = cut
        pieces.append((start, end))
        original.append(n)
    return replace(tagged, sentences=pieces), original


def _renumber(hit: PairHit, original: list[int]) -> PairHit:
    """Sentence indices of ``hit`` back in the tagger's numbering (pieces → their sentence)."""
    sentences = [
        (fld, original[idx] if fld == "body" and 0 <= idx < len(original) else idx, s, e)
        for fld, idx, s, e in hit.sentences
    ]
    return replace(hit, sentences=sentences)


def evaluate(node: Node, view: RuleView) -> bool:
    """Does the query AST match the article?"""
    if isinstance(node, Term):
        return bool(view.occurrences(node))
    if isinstance(node, Meta):
        return bool(view.meta(node))
    if isinstance(node, And):
        return all(evaluate(c, view) for c in node.children)
    if isinstance(node, Or):
        return any(evaluate(c, view) for c in node.children)
    if isinstance(node, Not):
        return not evaluate(node.child, view)
    if isinstance(node, MatchAll):
        return True
    raise TypeError(node)
