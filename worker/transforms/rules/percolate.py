"""Rules as OpenSearch/Elasticsearch query DSL, for the percolator (stored queries vs documents).

Supported subset (everything else raises ``UnsupportedForPercolator``):

- words and phrases → ``match_phrase`` on ``title`` and ``body`` (``title:``/``body:`` restrict);
- a wildcard word (``purchas*``) → ``query_string`` on ``title``/``body`` with
  ``analyze_wildcard``; a phrase with wildcard words (``"arms deal*"``) → ``span_near`` of
  ``span_term``/``span_multi`` (not analysed: tokens as we fold them, so an accented word
  differs from the engine's standard analyser, as for every term);
- proximity ``"a b"~N`` → ``match_phrase`` with ``slop`` (Lucene's slop, close to but not the
  same as our any-order window: reversed order costs Lucene 2 extra moves);
- AND/OR/NOT → ``bool`` must/should/must_not; ``*`` → ``match_all``;
- ``country:``/``person:``/``org:``/``weapon:``/``place:`` → ``term`` on ``countries``,
  ``people``, ``organizations``, ``weapons``, ``places`` (keyword fields holding tagged ids;
  ISO3 upper case for countries), globs → ``wildcard``; ``lang:fr`` → ``term`` ``fr`` or
  ``prefix`` ``fr-`` on ``language`` (a regional code, as the matcher reads it);
  ``source:`` → ``match_phrase`` on ``source``;
- a topic term of one language (``Term.lang``) is gated by the document's language: the
  language's terms of an OR become one ``bool`` of ``term`` on ``language`` AND any of them,
  so ``topic:X`` reads "a shared term, or a term of the article's own language" here too;
- rule ``countries`` constraints become filters (they are part of ``rule.node``). A ``pair``
  cannot be expressed: the percolator has no sentence-level role extraction, so the query
  covers only the rule's text and entity constraints and a pair rule's hits must be
  post-filtered by newswatch's pair extraction.

The document mapping the queries expect is :data:`PERCOLATOR_MAPPING`.
"""

from __future__ import annotations

from typing import Any

from worker.entities import ENTITY_TYPE_TABLE, keyword_mapping

from .query import And, MatchAll, Meta, Node, Not, Or, Term
from .schema import Rule

PERCOLATOR_MAPPING: dict[str, Any] = {
    "properties": {
        "query": {"type": "percolator"},
        "rule_id": {"type": "keyword"},
        "title": {"type": "text"},
        "body": {"type": "text"},
        "source": {"type": "text"},
        "language": {"type": "keyword"},
        **keyword_mapping(),
        "entities": {"type": "keyword"},
    }
}

_ENTITY_INDEX_FIELD = {**{t.name: t.field for t in ENTITY_TYPE_TABLE}, "entity": "entities"}


class UnsupportedForPercolator(ValueError):
    """A query construct outside the supported subset."""


def rule_to_dsl(rule: Rule) -> dict[str, Any]:
    """The percolator query for a rule (``rule.node`` already holds its country constraints)."""
    return to_dsl(rule.node)


def to_dsl(node: Node) -> dict[str, Any]:
    if isinstance(node, MatchAll):
        return {"match_all": {}}
    if isinstance(node, And):
        must = [to_dsl(c) for c in node.children if not isinstance(c, Not)]
        must_not = [to_dsl(c.child) for c in node.children if isinstance(c, Not)]
        body: dict[str, Any] = {"must": must or [{"match_all": {}}]}
        if must_not:
            body["must_not"] = must_not
        return {"bool": body}
    if isinstance(node, Or):
        return {"bool": {"should": _should(node.children), "minimum_should_match": 1}}
    if isinstance(node, Not):
        return {"bool": {"must": [{"match_all": {}}], "must_not": [to_dsl(node.child)]}}
    if isinstance(node, Term):
        if node.lang is not None:
            return {"bool": {"must": [_meta(Meta("lang", node.lang)), _term(node)]}}
        return _term(node)
    if isinstance(node, Meta):
        return _meta(node)
    raise UnsupportedForPercolator(repr(node))


def _should(children: tuple[Node, ...]) -> list[dict[str, Any]]:
    """The clauses of an OR; one language's terms are one clause under their language gate."""
    out: list[dict[str, Any]] = []
    by_lang: dict[str, list[dict[str, Any]]] = {}
    for c in children:
        if isinstance(c, Term) and c.lang is not None:
            by_lang.setdefault(c.lang, []).append(_term(c))
        else:
            out.append(to_dsl(c))
    for lang, terms in by_lang.items():
        anyof = {"bool": {"should": terms, "minimum_should_match": 1}}
        out.append({"bool": {"must": [_meta(Meta("lang", lang)), anyof]}})
    return out


def _fields(term: Term) -> list[str]:
    return ["title", "body"] if term.field == "text" else [term.field]


def _term(term: Term) -> dict[str, Any]:
    fields = _fields(term)
    has_glob = any("*" in t or "?" in t for t in term.tokens)
    if has_glob:
        if len(term.tokens) > 1:
            if term.slop is not None:
                raise UnsupportedForPercolator(f"wildcard inside a proximity: {term.display}")
            clauses = [_span_phrase(term.tokens, f) for f in fields]
            return clauses[0] if len(clauses) == 1 else {"bool": {"should": clauses}}
        return {
            "query_string": {"query": term.tokens[0], "fields": fields, "analyze_wildcard": True}
        }
    phrase = " ".join(term.tokens)
    clauses = []
    for f in fields:
        spec: dict[str, Any] = {"query": phrase}
        if term.slop is not None:
            spec["slop"] = term.slop
        clauses.append({"match_phrase": {f: spec}})
    return clauses[0] if len(clauses) == 1 else {"bool": {"should": clauses}}


def _span_phrase(tokens: tuple[str, ...], field: str) -> dict[str, Any]:
    """A phrase with wildcard words ("arms deal*", "avion* de chasse") as ``span_near``:
    consecutive tokens in order, a wildcard word as ``span_multi`` (span queries are not
    analysed; our tokens are already folded to lower case)."""

    def span(tok: str) -> dict[str, Any]:
        if "*" in tok or "?" in tok:
            return {"span_multi": {"match": {"wildcard": {field: {"value": tok}}}}}
        return {"span_term": {field: tok}}

    return {"span_near": {"clauses": [span(t) for t in tokens], "slop": 0, "in_order": True}}


def _meta(node: Meta) -> dict[str, Any]:
    value = node.value
    if node.field == "lang":
        if "*" in value:
            return {"prefix": {"language": value}}
        # as the matcher reads lang: "fr" is also a regional "fr-CA"
        either = [{"term": {"language": value}}, {"prefix": {"language": f"{value}-"}}]
        return {"bool": {"should": either, "minimum_should_match": 1}}
    if node.field == "source":
        return {"match_phrase": {"source": value}}
    if node.field == "has":
        return {"exists": {"field": value}}
    field = _ENTITY_INDEX_FIELD.get(node.field)
    if field is None:
        raise UnsupportedForPercolator(node.display)
    ident = value.upper() if node.field == "country" else value
    if "*" in ident or "?" in ident:
        return {"wildcard": {field: {"value": ident, "case_insensitive": True}}}
    return {"term": {field: {"value": ident, "case_insensitive": True}}}


def article_doc(tagged) -> dict[str, Any]:
    """The document to percolate for a tagged article (same field names as the mapping)."""
    art = tagged.article
    return {
        "title": art.title,
        "body": art.body,
        "source": art.source,
        "language": art.language,
        **tagged.ids_by_field(),
        "entities": [e.id for e in tagged.entities],
    }


def percolate_query(tagged: Any, size: int) -> dict[str, Any]:
    """The search body that asks a percolator index which stored rule queries match the
    article (``article_doc``), returning their rule ids only."""
    return {
        "query": {"percolate": {"field": "query", "document": article_doc(tagged)}},
        "size": size,
        "_source": ["rule_id"],
    }
