"""Which entity conditions of a rule an alert reports (worker/transforms/rules/explain.py)."""

from __future__ import annotations

from worker.transforms.rules.explain import entity_leaves
from worker.transforms.rules.query import Meta, parse_query


def test_entity_leaves_are_the_positive_entity_conditions_once_each():
    node = parse_query(
        "(country:TUR OR country:TUR) AND weapon:s-4* AND lang:en AND NOT country:GRC "
        "AND (missile OR title:*)"
    )
    leaves = entity_leaves(node)
    assert [(m.field, m.value) for m in leaves] == [("country", "tur"), ("weapon", "s-4*")]
    assert all(isinstance(m, Meta) for m in leaves)


def test_entity_leaves_are_worked_out_once_per_query():
    node = parse_query("country:TUR AND missile")
    assert entity_leaves(node) is entity_leaves(node)
    other = parse_query("country:TUR AND missile")  # equal, but another compiled query
    assert entity_leaves(other) == entity_leaves(node)
