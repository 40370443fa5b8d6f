"""Rule queries: Lucene syntax parsed by luqum into a small internal AST.

Supported: words, ``"phrases"``, wildcards (``*``/``?`` inside a word), ``AND``/``OR``/``NOT``,
``+``/``-``, grouping, proximity (``"a b"~5``: all words within a window of len+5 tokens, any
order), boosts (ignored) and fields::

    title: body: text:               text fields (default field = title + body)
    country: person: org: weapon: place: entity:   tagged entity ids (case-insensitive, globs)
    lang: source:                    article metadata
    topic:NAME                       a named lexicon from ``topics/*.yaml``: its shared terms,
                                     or a term of the article's own language (``Term.lang``)

Juxtaposition (``a b``) means AND, as analysts read it, not Lucene's default OR. Fuzzy terms,
ranges and regular expressions are rejected with a clear error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from luqum import tree as lt
from luqum.exceptions import ParseError
from luqum.parser import parser

from worker.entities import query_fields
from worker.transforms.folding import fold_letters

from .text import split_pattern

TEXT_FIELDS = {"text": "text", "default": "text", "title": "title", "body": "body"}
ENTITY_FIELDS = {**query_fields(), "entity": "entity"}
META_FIELDS = {"lang": "lang", "language": "lang", "source": "source"}


class QueryError(ValueError):
    """A query that cannot be parsed or uses an unsupported construct."""


@dataclass(frozen=True, slots=True)
class Term:
    """Text pattern: a token sequence (tokens may be globs) in a text field.

    ``slop`` None means consecutive tokens (word or phrase); an int means proximity. ``lang``
    set: a topic term of that language only, true only in an article of that language
    (``lang:`` semantics: "fr" also covers "fr-CA"); None: any article."""

    field: str
    tokens: tuple[str, ...]
    slop: int | None = None
    display: str = ""
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Meta:
    """Entity or metadata constraint (``field``: an entity type, entity, lang, source, has)."""

    field: str
    value: str
    display: str = ""


@dataclass(frozen=True, slots=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    child: Node


@dataclass(frozen=True, slots=True)
class MatchAll:
    """``*`` on its own: matches every article."""


Node = Term | Meta | And | Or | Not | MatchAll

# A topic's entries: a plain list (all shared), or entries by scope, ``""`` for the shared ones
# and a language code for those that count only in an article of that language.
TopicEntries = Sequence[str] | Mapping[str, Sequence[str]]
# A topic resolver returns a topic's entries for its name, or None if unknown.
TopicResolver = Callable[[str], "TopicEntries | None"]


def parse_query(
    text: str, topics: Mapping[str, TopicEntries] | TopicResolver | None = None
) -> Node:
    """Parse a Lucene query into the internal AST, expanding ``topic:`` references."""
    if not text or not text.strip():
        raise QueryError("empty query")
    try:
        tree = parser.parse(text)
    except ParseError as exc:
        raise QueryError(f"cannot parse query: {exc}") from None
    except Exception as exc:  # luqum raises plain exceptions for some lexer errors
        raise QueryError(f"cannot parse query: {exc}") from None
    if topics is None:
        resolve: TopicResolver = lambda name: None  # noqa: E731
    elif callable(topics):
        resolve = topics
    else:
        mapping = topics
        resolve = mapping.get
    return _simplify(_convert(tree, None, resolve))


def _convert(node: lt.Item, field: str | None, resolve: TopicResolver) -> Node:
    if isinstance(node, lt.SearchField):
        if field is not None:
            raise QueryError(f"nested field {node.name!r} inside field {field!r}")
        return _convert(node.expr, node.name.lower(), resolve)
    if isinstance(node, lt.Group | lt.FieldGroup):
        return _convert(node.expr, field, resolve)
    if isinstance(node, lt.AndOperation | lt.UnknownOperation | lt.BoolOperation):
        # Implicit operator = AND; +x is required anyway, -x is a NOT inside the conjunction.
        return And(tuple(_convert(c, field, resolve) for c in node.children))
    if isinstance(node, lt.OrOperation):
        return Or(tuple(_convert(c, field, resolve) for c in node.children))
    if isinstance(node, lt.Not | lt.Prohibit):
        return Not(_convert(node.a, field, resolve))
    if isinstance(node, lt.Plus):
        return _convert(node.a, field, resolve)
    if isinstance(node, lt.Boost):
        return _convert(node.expr, field, resolve)
    if isinstance(node, lt.Proximity):
        inner = node.term
        if not isinstance(inner, lt.Phrase):
            raise QueryError("proximity (~N) applies to a quoted phrase")
        return _leaf(inner.value[1:-1], field, resolve, slop=int(float(node.degree or 1)))
    if isinstance(node, lt.Fuzzy):
        raise QueryError(f"fuzzy terms are not supported: {node}")
    if isinstance(node, lt.Range | lt.OpenRange | lt.From | lt.To):
        raise QueryError(f"ranges are not supported: {node}")
    if isinstance(node, lt.Regex):
        raise QueryError(f"regular expressions are not supported: {node}")
    if isinstance(node, lt.Phrase):
        return _leaf(node.value[1:-1], field, resolve)
    if isinstance(node, lt.Word):
        return _leaf(node.value, field, resolve)
    raise QueryError(f"unsupported query element: {node!r}")


def _leaf(value: str, field: str | None, resolve: TopicResolver, slop: int | None = None) -> Node:
    value = value.replace("\\", "")
    fname = field or "text"
    if fname == "topic":
        entries = resolve(value)
        if entries is None:
            raise QueryError(f"unknown topic {value!r}")
        scoped = entries if isinstance(entries, Mapping) else {"": entries}
        return Or(
            tuple(topic_term(e, value, lang or None) for lang, es in scoped.items() for e in es)
        )
    if fname in TEXT_FIELDS:
        if value.strip() == "*":
            return MatchAll() if fname == "text" else Meta("has", TEXT_FIELDS[fname], f"{fname}:*")
        toks = split_pattern(value)
        if not toks:
            raise QueryError(f"term {value!r} has no searchable characters")
        if any(t.strip("*?") == "" for t in toks):
            raise QueryError(f"wildcard {value!r} needs at least one literal character per word")
        shown = f'"{value}"' if len(toks) > 1 else value
        if slop is not None:
            shown += f"~{slop}"
        if field:
            shown = f"{field}:{shown}"
        return Term(TEXT_FIELDS[fname], toks, slop if len(toks) > 1 else None, shown)
    if fname in ENTITY_FIELDS or fname in META_FIELDS:
        if slop is not None:
            raise QueryError(f"proximity is not supported on field {fname!r}")
        canon = ENTITY_FIELDS.get(fname) or META_FIELDS[fname]
        folded = fold_letters(value.strip())
        if canon != "source":
            folded = "-".join(folded.split())  # "vladimir putin" ~ slug "vladimir-putin"
        return Meta(canon, folded, f"{fname}:{value}")
    raise QueryError(f"unknown field {fname!r}")


def topic_term(entry: str, topic: str, lang: str | None = None) -> Term:
    """One lexicon entry (word, phrase or wildcard) as a default-field term; with ``lang``, a
    term of that language only, shown ``topic:ID/lang:entry`` so evidence says which fired."""
    toks = split_pattern(entry)
    if not toks or any(t.strip("*?") == "" for t in toks):
        where = f"{topic!r}" if lang is None else f"{topic!r} ({lang})"
        raise QueryError(f"topic {where}: entry {entry!r} needs literal characters")
    shown = f"topic:{topic}/{entry}" if lang is None else f"topic:{topic}/{lang}:{entry}"
    return Term("text", toks, None, shown, lang)


def _simplify(node: Node) -> Node:
    """Flatten nested AND/OR and drop single-child operators."""
    if isinstance(node, And | Or):
        kind = type(node)
        flat: list[Node] = []
        for c in node.children:
            c = _simplify(c)
            if isinstance(c, kind):
                flat.extend(c.children)
            else:
                flat.append(c)
        # Deduplicate while keeping order (topics often repeat entries).
        seen: dict[Node, None] = dict.fromkeys(flat)
        items = tuple(seen)
        return items[0] if len(items) == 1 else kind(items)
    if isinstance(node, Not):
        return Not(_simplify(node.child))
    return node


def walk(node: Node, negated: bool = False) -> Iterator[tuple[Node, bool]]:
    """Yield every node with whether it sits under an odd number of NOTs."""
    yield node, negated
    if isinstance(node, And | Or):
        for c in node.children:
            yield from walk(c, negated)
    elif isinstance(node, Not):
        yield from walk(node.child, not negated)


def leaves(node: Node) -> Iterator[Term | Meta]:
    for n, _ in walk(node):
        if isinstance(n, Term | Meta):
            yield n
