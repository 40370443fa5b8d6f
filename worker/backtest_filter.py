"""The search-engine query that picks a backtest's candidates: only they are scrolled and read.

A rule can only match an article whose words and features satisfy its boolean query. The stream
stores each article's words (its folded tokens, exactly as the matcher splits them) and its
features (``country:TUR``, ``lang:en``, ``weapon:*`` …, exactly as ``RuleView.meta_features``
gives them) under ``reading`` in the index document (worker/readings.py), as keyword fields.
Over those, each rule's query becomes a query the engine can answer *loosely*: every article the
rule could match is selected, a few more may be (the matcher then decides):

- a one-word pattern is a ``term`` (a glob a ``wildcard``; ``*``/``?`` mean the same over a
  token) on ``reading.words``: exact, like an entity or metadata constraint on
  ``reading.features`` without a glob (``source:`` excepted: its feature is one word);
- a phrase or proximity pattern needs all its words: looser (order and distance unchecked), as
  are ``title:``/``body:`` (either field's words) and globbed or ``source:`` constraints
  (their feature: ``weapon:*``, ``source:<longest word>``);
- AND, OR as such; NOT only of an exact query (the negation of a loose one would drop articles
  the rule matches), else it selects everything, as ``*`` does.

Documents whose reading is of another tagging version (or absent, or without words) are always
selected, so a backtest over them reads them as before. A pack with a rule that selects
everything (a pure ``NOT``, ``*``) gets no filter at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from worker.transforms.rules.compile import meta_feature
from worker.transforms.rules.query import And, MatchAll, Meta, Node, Not, Or, Term
from worker.transforms.rules.text import is_glob

WORDS = "reading.words"
FEATURES = "reading.features"
TAGGING = "reading.tagging"

Loose = tuple[dict[str, Any] | None, bool]  # (query, or None for "everything"; exact?)


def _token(tok: str) -> dict[str, Any]:
    if is_glob(tok):
        return {"wildcard": {WORDS: {"value": tok}}}
    return {"term": {WORDS: tok}}


def loose(node: Node) -> Loose:
    """The engine query selecting every article ``node`` may match, and whether it selects
    exactly those (then its negation is sound too)."""
    if isinstance(node, Term):
        clauses = [_token(t) for t in node.tokens]
        exact = len(clauses) == 1 and node.field == "text"
        return (clauses[0] if len(clauses) == 1 else {"bool": {"filter": clauses}}), exact
    if isinstance(node, Meta):
        feature = meta_feature(node)
        exact = node.field != "source" and not is_glob(node.value)
        return {"term": {FEATURES: feature}}, exact
    if isinstance(node, MatchAll):
        return None, True
    if isinstance(node, Not):
        q, exact = loose(node.child)
        if q is None:  # NOT of everything: nothing; kept simple as "everything"
            return None, False
        if not exact:
            return None, False
        return {"bool": {"must_not": [q]}}, True
    if isinstance(node, And):
        parts = [loose(c) for c in node.children]
        qs = [q for q, _ in parts if q is not None]
        exact = all(e for _, e in parts)
        if not qs:
            return None, exact
        return (qs[0] if len(qs) == 1 else {"bool": {"filter": qs}}), exact
    if isinstance(node, Or):
        parts = [loose(c) for c in node.children]
        if any(q is None for q, _ in parts):
            return None, all(e for _, e in parts)
        return _any([q for q, _ in parts if q is not None]), all(e for _, e in parts)
    raise TypeError(node)


def _any(queries: list[dict[str, Any]]) -> dict[str, Any]:
    """OR of queries, plain ``term``s on one field folded into one ``terms`` (a topic is an OR
    of a hundred words; a ``bool`` has a clause limit, ``terms`` has not)."""
    by_field: dict[str, list[str]] = {}
    rest: list[dict[str, Any]] = []
    for q in queries:
        term = q.get("term")
        if term is not None and len(term) == 1:
            ((field, value),) = term.items()
            if isinstance(value, str):
                by_field.setdefault(field, []).append(value)
                continue
        rest.append(q)
    should = [{"terms": {f: sorted(set(v))}} for f, v in by_field.items()] + rest
    return (
        should[0] if len(should) == 1 else {"bool": {"should": should, "minimum_should_match": 1}}
    )


def candidates_query(rule_nodes: Iterable[Node], tagging: str) -> dict[str, Any] | None:
    """The filter for a backtest of rules with these queries (both packs' enabled rules), for a
    reader at tagging version ``tagging``; None when some rule may match any article."""
    queries = []
    for node in rule_nodes:
        q, _ = loose(node)
        if q is None:
            return None
        queries.append(q)
    current = {
        "bool": {
            "filter": [{"term": {TAGGING: tagging}}, {"exists": {"field": WORDS}}],
        }
    }
    if not queries:  # no rule: no article can give an alert, but old readings still count
        return {"bool": {"must_not": [current]}}
    return {
        "bool": {
            "should": [{"bool": {"must_not": [current]}}, _any(queries)],
            "minimum_should_match": 1,
        }
    }
