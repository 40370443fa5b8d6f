"""The query language: operators, fields, topics, wildcards, proximity."""

from __future__ import annotations

import pytest

from worker.transforms.rules import QueryError, parse_query
from worker.transforms.rules.query import And, Meta, Not, Or, Term

from .helpers import one_rule
from .minitag import tag

ART = tag(
    "Turkey to buy Russian S-400 missiles",
    "Ankara signed the purchase agreement on Friday. The air-defence systems will arrive in 2019. "
    "Critics in Washington warned of consequences.",
    source="Reuters World",
    language="en",
)


def matches(tmp_path, query: str, article=ART) -> bool:
    rs = one_rule(tmp_path, query)
    compiled = bool(rs.matching_rules(article))
    naive = bool(rs.matching_rules(article, naive=True))
    assert compiled == naive, query
    return compiled


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("purchase", True),
        ("Purchase", True),  # case-insensitive
        ("purchas", False),  # whole words only
        ("purchas*", True),  # prefix wildcard
        ("*chase", True),  # leading wildcard
        ("p?rchase", True),
        ('"purchase agreement"', True),
        ('"agreement purchase"', False),
        ('"air defence systems"', True),  # punctuation between words is ignored
        ("s-400", True),
        ("purchase AND agreement", True),
        ("purchase agreement", True),  # juxtaposition = AND
        ("purchase AND wheat", False),
        ("purchase OR wheat", True),
        ("wheat OR barley", False),
        ("purchase AND NOT wheat", True),
        ("purchase AND NOT agreement", False),
        ("purchase -agreement", False),
        ("+purchase +agreement", True),
        ("NOT wheat", True),
        ("(wheat OR purchase) AND (barley OR missiles)", True),
        ('"signed agreement"~2', True),  # proximity: within 2 extra positions
        ('"signed agreement"~0', False),
        ('"agreement signed"~2', True),  # any order
        ('"ankara consequences"~3', False),
        ("title:purchase", False),
        ("title:buy", True),
        ("body:buy", False),
        ("body:purchase", True),
        ("text:buy", True),
        ("country:TUR", True),
        ("country:tur AND country:RUS", True),
        ("country:IND", False),
        ("country:(IND OR RUS)", True),
        ("weapon:s-400", True),
        ("weapon:s-*", True),
        ("entity:s-400", True),
        ("lang:en", True),
        ("lang:fr", False),
        ("source:reuters", True),
        ('source:"reuters world"', True),
        ("source:bbc", False),
        ("*", True),
        ("title:*", True),
        ("missiles^2", True),  # boosts are accepted and ignored
    ],
)
def test_operators_and_fields(tmp_path, query, expected):
    assert matches(tmp_path, query) is expected


def test_default_field_spans_title_and_body_but_not_across(tmp_path):
    # "missiles" ends the title and "ankara" opens the body: no phrase across the two.
    assert matches(tmp_path, "missiles AND ankara")
    assert not matches(tmp_path, '"missiles ankara"')


def test_topics_expand_to_their_terms(tmp_path):
    from .helpers import ruleset_from

    rs = ruleset_from(
        tmp_path,
        "id: t\ntitle: t\nquery: topic:deal AND country:TUR\n",
        {"deal": 'id: deal\nterms: [acquir*, "purchase agreement", wheat]\n'},
    )
    assert rs.matching_rules(ART) == ["t"]
    assert rs.matching_rules(tag("x", "Turkey grows barley.")) == []


def test_shipped_topics_are_available_to_any_pack(tmp_path):
    assert matches(tmp_path, "topic:arms_purchase AND topic:weapons")


def test_ast_shapes():
    q = parse_query('a "b c" -d OR e', {})
    assert isinstance(q, And)
    assert q.children[0] == Term("text", ("a",), None, "a")
    assert q.children[1] == Term("text", ("b", "c"), None, '"b c"')
    assert isinstance(q.children[2], Or)  # OR binds tighter than juxtaposition
    assert parse_query("country:tur") == Meta("country", "tur", "country:tur")
    assert isinstance(parse_query("NOT x"), Not)
    assert parse_query('"a b"~3').slop == 3


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("a AND", "cannot parse"),
        ("(a OR b", "cannot parse"),
        ("a~2", "fuzzy"),
        ("[a TO b]", "ranges"),
        ("/ab+/", "regular expressions"),
        ("colour:red", "unknown field"),
        ("topic:nope", "unknown topic"),
        ("title:(body:x)", "nested field"),
        ("**", "literal"),
    ],
)
def test_query_errors(query, message):
    with pytest.raises(QueryError, match=message):
        parse_query(query, {})
