"""Differential test against the real engine: the same rules, translated to OpenSearch
percolator queries (worker/transforms/rules/percolate.py), must match exactly the same articles
as newswatch's own matcher, over a generated corpus tagged by the real tagger.

Rules are drawn at random from the subset both sides define identically: words, two-word
phrases, trailing wildcards, AND/OR/NOT with grouping, and entity fields. Proximity is left out
on purpose: Lucene's slop and our any-order window differ (documented in percolate.py).
"""

from __future__ import annotations

import random

import pytest
import yaml

from tests.e2e.percolator import percolator_with

pytestmark = pytest.mark.stack

WORDS = [
    "officials",
    "talks",
    "purchase",
    "sanctions",
    "defence",
    "prices",
    "diplomats",
    "border",
    "exercises",
    "currency",
    "residents",
    "analysts",
    "agreement",
    "stability",
    "spokesman",
    "families",
    "shares",
    "statement",
    "reporters",
    "crews",
]
PHRASES = [
    "air defence",
    "final stage",
    "defence ministry",
    "local currency",
    "early trading",
    "spare parts",
    "regional stability",
]
WILDCARDS = ["sanction*", "diplomat*", "exercis*", "analys*", "purchas*", "negotiat*"]
FIELDS = [
    ("country", c)
    for c in ("TUR", "RUS", "USA", "CHN", "IND", "IRN", "ISR", "DEU", "FRA", "SAU", "UKR", "SYR")
]
FIELDS += [
    ("org", "nato"),
    ("org", "eu"),
    ("weapon", "s-400"),
    ("weapon", "f-35"),
    ("person", "vladimir-putin"),
    ("lang", "en"),
]


def _atom(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.35:
        return rng.choice(WORDS)
    if kind < 0.5:
        return f'"{rng.choice(PHRASES)}"'
    if kind < 0.65:
        return rng.choice(WILDCARDS)
    field, value = rng.choice(FIELDS)
    return f"{field}:{value}"


def _query(rng: random.Random, depth: int = 0) -> str:
    if depth >= 2 or rng.random() < 0.3:
        return _atom(rng)
    op = rng.choice(["AND", "AND", "OR"])
    left, right = _query(rng, depth + 1), _query(rng, depth + 1)
    if rng.random() < 0.2:
        right = f"NOT {right}"
    return f"({left} {op} {right})"


def test_percolator_and_newswatch_match_the_same_articles(stack_ready, tmp_path):
    from worker.synth import make_raw_item
    from worker.transforms.clean import clean
    from worker.transforms.rules import load_rules
    from worker.transforms.tag import default_tagger

    rng = random.Random(20170312)
    rules = [
        {"id": f"r{i:03d}", "title": f"generated {i}", "severity": "low", "query": _query(rng)}
        for i in range(300)
    ]
    (tmp_path / "generated.yaml").write_text(yaml.safe_dump({"rules": rules}, sort_keys=False))
    ruleset = load_rules(tmp_path)
    tagger = default_tagger()
    articles = [tagger.tag(clean(make_raw_item(rng, 2500, i))) for i in range(60)]
    ours = [set(ruleset.matching_rules(ta)) for ta in articles]
    assert sum(map(len, ours)) > 100, "the generated rules should match a fair number of times"
    assert sum(1 for s in ours if not s) < len(ours)

    mismatches = []
    with percolator_with(ruleset.rules, "percolator") as perc:
        for ta, mine in zip(articles, ours, strict=True):
            theirs = perc(ta)
            if theirs != mine:
                diff = sorted(theirs ^ mine)
                mismatches.append((ta.article.id, [(d, ruleset.get(d).query) for d in diff[:5]]))
    assert not mismatches, mismatches[:5]
