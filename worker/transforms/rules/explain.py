"""Why a rule fired: evidence (matched terms, entities, pair cues with sentence snippets) and
the alert built from it."""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Any

from worker.model import Alert, Evidence, TaggedArticle
from worker.transforms.folding import fold_letters

from .compile import whole_word
from .match import RuleView
from .pairs import PairHit, sentence_spans
from .query import Meta, Node, Term, walk
from .schema import Rule
from .text import glob_regex, is_glob

MAX_PER_TERM = 3
MAX_EVIDENCE = 24
MAX_SNIPPET = 400


class Sentences:
    """Sentence look-up by offset, for snippets."""

    def __init__(self, tagged: TaggedArticle):
        self.tagged = tagged
        self.spans = sentence_spans(tagged)

    @cached_property
    def body(self) -> list[tuple[int, int, int]]:
        return [(s, e, i) for f, i, s, e in self.spans if f == "body"]

    @cached_property
    def starts(self) -> list[int]:
        """The body sentences' starts, for ``locate``'s bisection (built once, not per span)."""
        return [s for s, _, _ in self.body]

    def locate(self, field: str, start: int, end: int) -> tuple[str, int, int]:
        """(snippet, sentence index, where the snippet starts in the field) around a span;
        long sentences are cut around the span."""
        art = self.tagged.article
        if field == "title":
            snippet, at = _window(art.title, 0, len(art.title), start, end)
            return snippet, -1, at
        pos = bisect.bisect_right(self.starts, start) - 1
        if pos < 0 or end > self.body[pos][1]:
            lo = art.body.rfind("\n", 0, start) + 1
            hi = art.body.find("\n", end)
            snippet, at = _window(art.body, lo, len(art.body) if hi < 0 else hi, start, end)
            return snippet, -1, at
        s, e, idx = self.body[pos]
        snippet, at = _window(art.body, s, e, start, end)
        return snippet, idx, at


def _window(text: str, lo: int, hi: int, start: int, end: int) -> tuple[str, int]:
    """The text of ``lo:hi`` around ``start:end`` (cut to MAX_SNIPPET), and where it starts."""
    if hi - lo > MAX_SNIPPET:
        half = max(0, (MAX_SNIPPET - (end - start)) // 2)
        lo, hi = max(lo, start - half), min(hi, end + half)
    return text[lo:hi], lo


def evidence_for(
    node: Node, view: RuleView, sentences: Sentences, pair: PairHit | None = None
) -> list[Evidence]:
    """Evidence for a matched rule: positive terms and entities, then the pair cues."""
    out: list[Evidence] = []
    seen: set[tuple[str, int, int, str]] = set()

    def add(term: str, field: str, start: int, end: int) -> None:
        if (field, start, end, term) in seen or len(out) >= MAX_EVIDENCE:
            return
        seen.add((field, start, end, term))
        snippet, idx, at = sentences.locate(field, start, end)
        out.append(Evidence(term, field, start, end, snippet, idx, at))

    if pair is not None:
        for cue in pair.cues:
            add(f"{cue.role} {cue.country}: {cue.cue}", cue.field, cue.start, cue.end)
    leaves = positive_leaves(node, view)
    for leaf, ct in map(leaves.items.__getitem__, leaves.present(view)):
        if len(out) >= MAX_EVIDENCE:  # full: ``add`` takes nothing more, so look nothing up
            break
        if ct is not None:
            for i, j in view.occurrences_of(ct)[:MAX_PER_TERM]:
                field, start, end = view.original(i, j)
                add(leaf.display or " ".join(leaf.tokens), field, start, end)
        elif isinstance(leaf, Meta):
            for ent in view.tagged.entities:
                if leaf.field in (ent.type, "entity") and _entity_matches(leaf, ent.id):
                    for m in ent.mentions[:1]:
                        add(leaf.display or f"{leaf.field}:{leaf.value}", m.field, m.start, m.end)
    return out


# A query's positive leaves with each term compiled are worked out once per query and article
# language and kept on the compiled rule set (``Compiled.evidence``, by query identity): the
# shipped arms rule has some 900 text leaves, 90% of them terms of one language
# (docs/languages.md, twelfth round), and walking the query and asking every term for its
# occurrences again in each alert cost about 2.5 ms an alert on real reports.
_MAX_CACHED = 4096  # queries; a reloaded pack brings new ones, so the cache starts over


@dataclass(frozen=True, slots=True)
class EvidenceLeaves:
    """The terms and entity conditions a match of a query can show as evidence in an article
    of one language (``positive_leaves``), with what rules each term out: ``items`` are
    (leaf, compiled term or None) in query order; ``by_anchor`` and ``by_word`` give the
    positions in ``items`` of the terms absent unless that anchor id, or that word, is in the
    article; ``unanchored`` those no anchor rules out (a proximity term, an entity condition)."""

    items: tuple[tuple[Term | Meta, Any], ...]
    by_anchor: dict[int, tuple[int, ...]]
    by_word: dict[str, tuple[int, ...]]
    unanchored: tuple[int, ...]

    def present(self, view: RuleView) -> Sequence[int]:
        """The positions, in query order, of the leaves that may show in the view's article:
        the anchors and words it has met by set intersection, so an absent term costs nothing
        (a language's own terms are some 150 to 400, most absent from any one article). The
        naive reference view takes every leaf and looks each up."""
        if view.naive:
            return range(len(self.items))
        # the shared scan's anchors and the article language's own (ids of one space)
        anchors = view.words | view.hits.keys() | view.language_hits.keys()
        found = [*self.unanchored]
        for aid in self.by_anchor.keys() & anchors:
            found += self.by_anchor[aid]
        for word in self.by_word.keys() & view.tokset:
            found += self.by_word[word]
        found.sort()
        return found


def positive_leaves(node: Node, view: RuleView) -> EvidenceLeaves:
    """The terms and entity conditions a match of ``node`` can show as evidence in an article
    of the view's language, in query order: positive ``Term`` leaves shared or of that
    language, and ``Meta`` leaves other than ``lang``, ``source`` and ``has``. A term is absent
    when its anchor id is not among the article's anchors (the shared scan's, or for a term of
    the article's language its own scan's: ``RuleView.language_hits``), or, for a language's
    whole-word anchor, which ``RuleView._from_language_anchor`` finds by the word and not by
    the automaton, when the word is not among the article's words."""
    compiled, lang = view.compiled, view.lang
    cache = compiled.evidence
    hit = cache.get(id(node))
    if hit is None or hit[0] is not node:
        if len(cache) >= _MAX_CACHED:
            cache.clear()
        hit = cache[id(node)] = (node, {})
    leaves = hit[1].get(lang)
    if leaves is not None:
        return leaves
    own = {lang, lang.split("-")[0]}
    items: list[tuple[Term | Meta, Any]] = []
    by_anchor: dict[int, list[int]] = {}
    by_word: dict[str, list[int]] = {}
    unanchored: list[int] = []
    for leaf, negated in walk(node):
        if negated:
            continue
        pos = len(items)
        if isinstance(leaf, Term) and (leaf.lang is None or leaf.lang in own):
            ct = compiled.term(leaf)
            items.append((leaf, ct))
            if leaf.slop is not None:
                unanchored.append(pos)
            elif leaf.lang is not None and whole_word(ct):
                by_word.setdefault(ct.key, []).append(pos)
            else:
                by_anchor.setdefault(ct.anchor, []).append(pos)
        elif isinstance(leaf, Meta) and leaf.field not in ("lang", "source", "has"):
            items.append((leaf, None))
            unanchored.append(pos)
    leaves = hit[1][lang] = EvidenceLeaves(
        tuple(items),
        {a: tuple(p) for a, p in by_anchor.items()},
        {w: tuple(p) for w, p in by_word.items()},
        tuple(unanchored),
    )
    return leaves


def _entity_matches(leaf: Meta, ident: str) -> bool:
    value, ident = leaf.value, fold_letters(ident)
    if is_glob(value):
        return glob_regex(value.replace("-", "_")).match(ident.replace("-", "_")) is not None
    return value == ident


# Positive entity leaves per compiled query, by identity (the node is kept, so its id cannot
# be reused while cached). Walking the whole query for every alert (the shipped arms rule has
# about 430 nodes) was half of a backtest's matching time.
_ENTITY_LEAVES: dict[int, tuple[Node, tuple[Meta, ...]]] = {}


def entity_leaves(node: Node) -> tuple[Meta, ...]:
    """The entity conditions (``country:TUR``, ``weapon:s-400``…) a match of ``node`` met:
    its positive ``Meta`` leaves other than ``lang``, ``source`` and ``has``, each once."""
    hit = _ENTITY_LEAVES.get(id(node))
    if hit is not None and hit[0] is node:
        return hit[1]
    leaves = tuple(
        dict.fromkeys(
            leaf
            for leaf, negated in walk(node)
            if not negated
            and isinstance(leaf, Meta)
            and leaf.field not in ("lang", "source", "has")
        )
    )
    if len(_ENTITY_LEAVES) >= _MAX_CACHED:
        _ENTITY_LEAVES.clear()
    _ENTITY_LEAVES[id(node)] = (node, leaves)
    return leaves


def matched_entities(node: Node, view: RuleView, pair: PairHit | None) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for leaf in entity_leaves(node):
        for ent in view.tagged.entities:
            if leaf.field in (ent.type, "entity") and _entity_matches(leaf, ent.id):
                ids = out.setdefault(ent.type, [])
                if ent.id not in ids:
                    ids.append(ent.id)
    if pair is not None:
        ids = out.setdefault("country", [])
        for iso in (pair.recipient, pair.supplier):
            if iso not in ids:
                ids.append(iso)
        for ent in view.tagged.entities:
            if (
                ent.type == "weapon"
                and any(
                    m.field == f and s <= m.start < e
                    for m in ent.mentions
                    for f, _, s, e in pair.sentences
                )
                and ent.id not in (ids := out.setdefault("weapon", []))
            ):
                ids.append(ent.id)
    return out


def alert_key(rule_id: str, story: str, pair: dict[str, str] | None) -> str:
    """Stable key: the same rule, story and pair always give the same key."""
    p = f"{pair['recipient']}>{pair['supplier']}" if pair else "-"
    digest = hashlib.sha256(f"{rule_id}\x1f{story}\x1f{p}".encode()).hexdigest()[:24]
    return f"{rule_id}:{digest}"


def rekey_for_story(alert: dict[str, Any], story: str) -> dict[str, Any]:
    """An alert (as its dict) matched before dedupe, re-keyed to the story it belongs to.

    The stream tags and matches in the parallel intake stage, before the serial dedupe stage
    knows whether the article is a copy; the alert key (rule + story + pair) is then fixed here,
    so a copy's alert gets its first copy's key and is delivered once."""
    return {**alert, "key": alert_key(alert["rule_id"], story, alert.get("pair"))}


def build_alert(
    rule: Rule,
    view: RuleView,
    sentences: Sentences,
    now: datetime,
    pair: PairHit | None,
    *,
    evidence: bool = True,
) -> Alert:
    """The alert of ``rule`` on the article (for ``pair``, for a pair rule). ``evidence=False``
    leaves the evidence out (a backtest counts alerts and never shows it; finding every term's
    occurrences is most of the cost of an alert)."""
    art = view.tagged.article
    story = art.duplicate_of or art.id
    countries = list(dict.fromkeys(view.tagged.countries))
    pair_dict = pair.pair if pair else None
    if pair is not None:
        countries = [pair.recipient, pair.supplier, *countries]
        countries = list(dict.fromkeys(countries))
    return Alert(
        key=alert_key(rule.id, story, pair_dict),
        rule_id=rule.id,
        rule_title=rule.title,
        article_id=art.id,
        title=art.title,
        url=art.url,
        severity=rule.severity,
        countries=countries,
        evidence=evidence_for(rule.node, view, sentences, pair) if evidence else [],
        matched_at=now,
        pair=pair_dict,
        entities=matched_entities(rule.node, view, pair),
        targets=list(rule.targets),
        published_at=art.published_at,
        source=art.source,
        language=art.language,
    )
