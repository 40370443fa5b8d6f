"""Where a missed arms-transfer pair is lost: the first stage of the pipeline that drops it.

A gold pair the product does not alert is lost at one of these stages, checked in the order the
pipeline runs them (the first that fails is the answer):

    a  a country not tagged: the recipient or the supplier is no country entity of the article
       ("a:none": not even as the country of a company, state body or weapon; "a:maker": only
       that way, so only the maker-fill path could still read it)
    b  the pair rule's query does not match the article (``topic:arms_transfer AND
       (topic:weapons OR weapon:*)``): the topic terms miss the language, the pair is never
       alerted whatever the reader reads; "b:topic" the first part fails (no transfer term),
       "b:arms" the second (no arms term and no weapon tagged), "b:both" both
    c  no sentence naming either country qualifies (``pairs._qualifying_triggers``):
       "c:trigger" no trigger word in any of them, "c:arms" a trigger but no arms word or
       weapon in the sentence, "c:near" both but the trigger does not count (too far apart, an
       object pattern, a negator, airliner talk)
    d  a sentence qualifies but the roles read are wrong or empty: "d:other" the recipient or
       the supplier is read with another party, "d:empty" neither is
    e  the pair is read only the other way round (supplier as recipient)
    -  "read": the reader finds the pair but the rule's pair filter does not alert it

Used by ``bench_pairs_real.py --why`` (dev only); the classifier is a plain function of a
tagged article and the rule set, so tests run it on invented articles.
"""

from __future__ import annotations

from dataclasses import dataclass

from worker.model import TaggedArticle
from worker.transforms.rules.match import bounded_sentences, evaluate
from worker.transforms.rules.pairs import (
    _ACTORS,
    RelationLexicon,
    _as_country,
    _qualifying_triggers,
    _Span,
    _symbols,
    sentence_spans,
    spans_by_sentence,
)

PAIR_RULE = "arms-transfer-pair"
STAGES = (
    "a:none",
    "a:maker",
    "b:topic",
    "b:arms",
    "b:both",
    "c:trigger",
    "c:arms",
    "c:near",
    "d:other",
    "d:empty",
    "e",
    "read",
)


@dataclass(frozen=True, slots=True)
class Loss:
    """The first stage that lost a gold pair and a short reason (for ``--errors``-like lists)."""

    stage: str
    detail: str


def _sentence_verdict(
    text: str, start: int, end: int, spans: list[_Span], lex: RelationLexicon
) -> str:
    """ "ok" when the sentence qualifies; otherwise the c-stage reason ("c:trigger", "c:arms",
    "c:near"), with the spans prepared as ``pairs._sentence_pairs`` prepares them."""
    if lex.symbols_only:
        spans = [_as_country(s) if s.kind in _ACTORS else s for s in spans]
    symbols, first = _symbols(text, start, end, [s for s in spans if s.kind not in _ACTORS], lex)
    if _qualifying_triggers(symbols, text, first, lex):
        return "ok"
    if not any(s[0] == "word" and s[1] in lex.triggers for s in symbols):
        return "c:trigger"
    if not any(s[0] == "weapon" for s in symbols):
        return "c:arms"
    return "c:near"


def _c_stage(tagged: TaggedArticle, lex: RelationLexicon, parties: set[str]) -> str:
    """ "ok" when a sentence naming one of ``parties`` qualifies, else the most advanced
    c reason among those sentences (near > arms > trigger): how close the article came."""
    bounded, _ = bounded_sentences(tagged)
    art = bounded.article
    sentences = sentence_spans(bounded)
    rank = {"c:trigger": 0, "c:arms": 1, "c:near": 2}
    best = "c:trigger"
    for idx, spans in sorted(spans_by_sentence(bounded, sentences).items()):
        if not any(s.kind != "weapon" and s.ident in parties for s in spans):
            continue
        fld, _, start, end = sentences[idx]
        text = art.title if fld == "title" else art.body
        verdict = _sentence_verdict(text, start, end, spans, lex)
        if verdict == "ok":
            return "ok"
        best = max(best, verdict, key=rank.__getitem__)
    return best


def _query_part(rules: object, tagged: TaggedArticle, node: object) -> str:
    """Which part of an ``A AND B`` query fails ("b:topic" A, "b:arms" B, "b:both"); "b:both"
    for a query of another shape."""
    children = getattr(node, "children", ())
    if len(children) != 2:
        return "b:both"
    view = rules.view(tagged, naive=True)  # type: ignore[attr-defined]
    topic, arms = (evaluate(c, view) for c in children)
    return "b:arms" if topic else "b:topic" if arms else "b:both"


def classify_miss(tagged: TaggedArticle, rules: object, recipient: str, supplier: str) -> Loss:
    """The first stage that lost the gold pair (``recipient`` ← ``supplier``) in ``tagged``
    for the rule set ``rules`` (a ``RuleSet`` with the shipped arms-transfer pair rule)."""
    countries = set(tagged.countries)
    makers = {e.country for e in tagged.entities if e.type != "country" and e.country}
    for role, iso in (("recipient", recipient), ("supplier", supplier)):
        if iso not in countries:
            stage = "a:maker" if iso in makers else "a:none"
            return Loss(stage, f"{role} {iso} not tagged as a country")
    view = rules.view(tagged)  # type: ignore[attr-defined]
    rule = next(r for r in rules.active if r.id == PAIR_RULE)  # type: ignore[attr-defined]
    if rule.id not in {rules.active[i].id for i in view.matching()}:  # type: ignore[attr-defined]
        return Loss(_query_part(rules, tagged, rule.node), f"query {rule.query!r} does not match")
    base = rules.relations[rule.pair.relation]  # type: ignore[attr-defined]
    lex = base.by_language.get(view.lang.split("-")[0], base)
    verdict = _c_stage(tagged, lex, {recipient, supplier})
    if verdict != "ok":
        return Loss(verdict, "no sentence naming either country qualifies")
    found = {(h.recipient, h.supplier) for h in view.pairs(base)}
    if (recipient, supplier) in found:
        return Loss("read", "read but not alerted by the rule's pair filter")
    if (supplier, recipient) in found:
        return Loss("e", f"read the other way: {supplier}<-{recipient}")
    near = sorted(f"{r}<-{s}" for r, s in found if r == recipient or s == supplier)
    if near:
        return Loss("d:other", f"read instead: {', '.join(near)}")
    return Loss("d:empty", f"read: {sorted(f'{r}<-{s}' for r, s in found) or 'nothing'}")
