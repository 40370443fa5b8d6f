"""Rule and topic objects built from validated rule-file data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from .query import And, Meta, Node, Not, Or

SEVERITIES = ("low", "medium", "high", "critical")
_DURATION = re.compile(r"^\s*(\d+)\s*([smhdw])\s*$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_duration(text: str | int | None) -> timedelta | None:
    """``"6h"``/``"30m"``/``"2d"`` (or seconds as a number) to a timedelta; None or 0 = none."""
    if text is None:
        return None
    if isinstance(text, int):
        return timedelta(seconds=text) if text > 0 else None
    m = _DURATION.match(str(text))
    if not m:
        raise ValueError(f"bad duration {text!r} (use e.g. 30m, 6h, 2d)")
    value = int(m.group(1))
    return timedelta(**{_UNITS[m.group(2)]: value}) if value else None


@dataclass(frozen=True, slots=True)
class PairSpec:
    """Which country pairs a rule wants: any pair, a pair in either order, or roles."""

    relation: str = "arms_transfer"
    any: bool = False
    between: tuple[str, str] | None = None
    recipient: str | None = None
    supplier: str | None = None
    status: frozenset[str] | None = None  # only transfers this far along (None: any status)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PairSpec:
        between = d.get("between")
        return cls(
            relation=d.get("relation", "arms_transfer"),
            any=bool(d.get("any", False)),
            between=(between[0].upper(), between[1].upper()) if between else None,
            recipient=d["recipient"].upper() if d.get("recipient") else None,
            supplier=d["supplier"].upper() if d.get("supplier") else None,
            status=frozenset(d["status"]) if d.get("status") else None,
        )

    def accepts(self, recipient: str, supplier: str, status: str | None = None) -> bool:
        # A status filter keeps a transfer whose status the article does not tell: silence is
        # worse than an alert that says "status unknown".
        if self.status and status is not None and status not in self.status:
            return False
        if self.between and {recipient, supplier} != set(self.between):
            return False
        if self.recipient and recipient != self.recipient:
            return False
        return not (self.supplier and supplier != self.supplier)

    def necessary(self) -> Node | None:
        """A condition every matching article meets (the recipient is always mentioned)."""
        if self.recipient:
            return Meta("country", self.recipient.lower(), f"country:{self.recipient}")
        if self.between:
            a, b = self.between
            return Or((Meta("country", a.lower(), f"country:{a}"), Meta("country", b.lower())))
        return None


@dataclass(slots=True)
class Rule:
    """A watch rule, ready to compile. ``node`` is the query AND the entity constraints."""

    id: str
    title: str
    query: str
    node: Node
    severity: str = "medium"
    description: str = ""
    pair: PairSpec | None = None
    targets: list[str] = field(default_factory=list)
    throttle: timedelta | None = None
    enabled: bool = True
    rate: Any = None  # worker/transforms/rates.py RateSpec: a rate rule
    file: str | None = None
    line: int | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class Topic:
    """A named lexicon: words, phrases and wildcards that ``topic:NAME`` expands to.

    ``terms`` are shared: they count in an article of any (or no) language. ``by_lang`` holds
    terms per language code, which count only in an article of that language (a French stem
    like ``accord*`` must not read English "according"; docs/languages.md, twelfth round)."""

    id: str
    terms: list[str]
    description: str = ""
    file: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)
    by_lang: dict[str, list[str]] = field(default_factory=dict)

    def entries(self) -> dict[str, list[str]]:
        """The terms by scope, as ``parse_query`` takes them: ``""`` shared, else a language."""
        return {"": self.terms, **self.by_lang}


def constraint_nodes(countries: dict[str, list[str]] | None) -> list[Node]:
    """``countries: {all: [...], any: [...], none: [...]}`` as query nodes."""
    if not countries:
        return []

    def meta(iso: str) -> Meta:
        return Meta("country", iso.lower(), f"country:{iso.upper()}")

    out: list[Node] = [meta(c) for c in countries.get("all", [])]
    if countries.get("any"):
        out.append(Or(tuple(meta(c) for c in countries["any"])))
    out.extend(Not(meta(c)) for c in countries.get("none", []))
    return out


def combine(query: Node, extra: list[Node]) -> Node:
    if not extra:
        return query
    parts = [*(query.children if isinstance(query, And) else (query,)), *extra]
    return And(tuple(parts))
