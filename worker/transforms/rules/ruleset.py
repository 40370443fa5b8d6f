"""``RuleSet``: the compiled, matchable, publishable set of active rules."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from worker.model import Alert, TaggedArticle
from worker.transforms.parser import parse_many
from worker.yaml_doc import YamlDoc

from .compile import Compiled
from .explain import Sentences, build_alert
from .loader import RuleError, build_relations, build_rules, build_topics, raise_errors
from .match import RuleView
from .pairs import PairHit, RelationLexicon
from .schema import Rule, Topic


class RuleSet:
    """Enabled rules compiled together; ``match`` scans an article once for all of them."""

    def __init__(
        self,
        rules: list[Rule],
        topics: dict[str, Topic] | None = None,
        relations: dict[str, RelationLexicon] | None = None,
    ):
        self.rules = rules
        self.topics = topics or {}
        self.relations = relations or {}
        self.active = [r for r in rules if r.enabled]
        self.compiled = Compiled(self.active)
        self._by_id = {r.id: r for r in rules}

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, rule_id: str) -> Rule | None:
        return self._by_id.get(rule_id)

    def view(self, tagged: TaggedArticle, *, naive: bool = False) -> RuleView:
        return RuleView(tagged, self.compiled, naive=naive)

    def match(
        self,
        tagged: TaggedArticle,
        *,
        now: datetime,
        pairs: dict[str, list[PairHit]] | None = None,
        evidence: bool = True,
    ) -> list[Alert]:
        """Alerts for every enabled rule the article matches (one per pair for pair rules).
        ``pairs``: relation readings already made for this tagging (not read again);
        ``evidence=False``: alerts without their evidence (backtests only count them)."""
        return self.match_reading(tagged, now=now, pairs=pairs, evidence=evidence)[0]

    def match_reading(
        self,
        tagged: TaggedArticle,
        *,
        now: datetime,
        pairs: dict[str, list[PairHit]] | None = None,
        evidence: bool = True,
    ) -> tuple[list[Alert], RuleView]:
        """``match``, and the article as the matcher read it (its words, features and the pair
        readings made or used on the way), which the stream stores with the article
        (worker/readings.py)."""
        view = self.view(tagged)
        if pairs:
            view.give_pairs(pairs)
        return self._alerts(view, view.matching(), now, evidence=evidence), view

    def read_ahead(self, readings: list[tuple[RuleView, list[int]]]) -> list[int]:
        """Parse in one call the sentences that the pair rules matching these articles (each a
        view and its ``matching()`` rules) will read, so that each article's own reading finds
        them parsed: the parser's cost is mostly per call (docs/rules.md, "Parsing in
        batches"). Returns how many sentences each article gave."""
        counts: list[int] = []
        sentences: list[str] = []
        for view, indices in readings:
            names = {self.active[i].pair.relation for i in indices if self.active[i].pair}
            mine = [s for name in sorted(names) for s in view.pair_candidates(self.relations[name])]
            counts.append(len(mine))
            sentences += mine
        if sentences:
            parse_many(sentences)
        return counts

    def alerts(
        self, view: RuleView, indices: list[int], *, now: datetime, evidence: bool = True
    ) -> list[Alert]:
        """Alerts of the rules ``indices`` (``view.matching()``) for the viewed article."""
        return self._alerts(view, indices, now, evidence=evidence)

    def match_naive(self, tagged: TaggedArticle, *, now: datetime) -> list[Alert]:
        """Reference path: every rule, no automaton, no prefilter (for tests and benches)."""
        view = self.view(tagged, naive=True)
        return self._alerts(view, view.matching(), now)

    def matching_rules(self, tagged: TaggedArticle, *, naive: bool = False) -> list[str]:
        """Ids of rules whose query (and constraints) match, before pair filtering."""
        return [self.active[i].id for i in self.view(tagged, naive=naive).matching()]

    def _alerts(
        self, view: RuleView, indices: list[int], now: datetime, *, evidence: bool = True
    ) -> list[Alert]:
        alerts: list[Alert] = []
        sentences: Sentences | None = None
        for i in indices:
            rule = self.active[i]
            sentences = sentences or Sentences(view.tagged)
            if rule.pair is None:
                alerts.append(build_alert(rule, view, sentences, now, None, evidence=evidence))
                continue
            spec = rule.pair
            for hit in view.pairs(self.relations[spec.relation]):
                if spec.accepts(hit.recipient, hit.supplier, hit.status):
                    alerts.append(build_alert(rule, view, sentences, now, hit, evidence=evidence))
        return alerts

    # -- publishing on a compacted topic -------------------------------------------------------

    def to_records(self) -> list[dict[str, Any]]:
        """One plain record per topic, relation and rule, keyed for a compacted Kafka topic."""
        out: list[dict[str, Any]] = [
            {"key": f"topic:{t.id}", "kind": "topic", "value": t.raw} for t in self.topics.values()
        ]
        out += [
            {"key": f"relation:{name}", "kind": "relation", "value": lex.raw}
            for name, lex in self.relations.items()
        ]
        out += [{"key": f"rule:{r.id}", "kind": "rule", "value": r.raw} for r in self.rules]
        return out

    @classmethod
    def from_records(cls, records: list[dict[str, Any]], *, strict: bool = True) -> RuleSet:
        """Rebuild from ``to_records`` output (a ``None`` value is a tombstone: deleted)."""
        set_, errors = cls.from_records_lenient(records)
        if strict:
            raise_errors(errors)
        return set_

    @classmethod
    def from_records_lenient(cls, records: list[dict[str, Any]]) -> tuple[RuleSet, list[RuleError]]:
        latest: dict[str, dict[str, Any]] = {}
        for rec in records:
            latest[rec["key"]] = rec  # compaction semantics: the last record per key wins
        docs: dict[str, list[YamlDoc]] = {"topic": [], "relation": [], "rule": []}
        for key, rec in latest.items():
            if rec.get("value") is not None:
                docs[rec["kind"]].append(YamlDoc.of_data(f"record {key}", rec["value"]))
        topics, e1 = build_topics(docs["topic"])
        relations, e2 = build_relations(docs["relation"])
        rules, e3 = build_rules(docs["rule"], topics, relations)
        return cls(rules, topics, relations), [*e1, *e2, *e3]
