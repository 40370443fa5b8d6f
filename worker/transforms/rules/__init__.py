"""Watch rules: Lucene queries over tagged articles, compiled together, with explained alerts.

    ruleset = load_rules()                      # the shipped pack (worker/data/rules/)
    alerts = ruleset.match(tagged, now=now)     # list[Alert]

Modules: ``query`` (luqum → AST), ``loader``/``schema`` (files → rules, errors with file:line),
``compile`` (one automaton + prefilter), ``match`` (evaluation), ``pairs`` (country pairs with
roles), ``explain`` (evidence, alerts), ``percolate`` (OpenSearch query DSL).
"""

from __future__ import annotations

from pathlib import Path

# installs the article's context fills in the pair reader (pairs.use_fills) before it runs
from . import fills  # noqa: F401
from .loader import RuleError, load_pack, raise_errors
from .query import QueryError, parse_query
from .ruleset import RuleSet
from .schema import PairSpec, Rule, Topic

__all__ = [
    "PairSpec",
    "QueryError",
    "Rule",
    "RuleError",
    "RuleSet",
    "Topic",
    "load_rules",
    "load_rules_lenient",
    "parse_query",
]


def load_rules(path: Path | None = None) -> RuleSet:
    """Load and compile a rule pack; any invalid rule raises ``ConfigError`` (file:line: reason).

    ``path`` is a pack directory, a single rule file, or None for the shipped pack."""
    rules, topics, relations, errors = load_pack(path)
    raise_errors(errors)
    return RuleSet(rules, topics, relations)


def load_rules_lenient(path: Path | None = None) -> tuple[RuleSet, list[RuleError]]:
    """Like ``load_rules`` but keeps the valid rules and returns the errors (for hot reload)."""
    rules, topics, relations, errors = load_pack(path)
    return RuleSet(rules, topics, relations), errors
