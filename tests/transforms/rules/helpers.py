"""Building rule sets from inline YAML for tests."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from worker.transforms.rules import RuleSet, load_rules

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def ruleset_from(tmp_path: Path, rules_yaml: str, topics: dict[str, str] | None = None) -> RuleSet:
    (tmp_path / "rules.yaml").write_text(rules_yaml, encoding="utf-8")
    if topics:
        (tmp_path / "topics").mkdir(exist_ok=True)
        for name, text in topics.items():
            (tmp_path / "topics" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return load_rules(tmp_path)


def one_rule(tmp_path: Path, query: str, **extra: str) -> RuleSet:
    lines = [f"id: r1\ntitle: test rule\nquery: '{query}'"]
    lines += [f"{k}: {v}" for k, v in extra.items()]
    return ruleset_from(tmp_path, "\n".join(lines) + "\n")
