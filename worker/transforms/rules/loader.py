"""Rule packs from files (or published records) to validated ``Rule`` objects.

A pack is a directory of ``*.yaml`` rule files with ``topics/*.yaml`` lexicons and optional
``relations/*.yaml`` pair lexicons. The shipped topics and relations are always available
underneath, so a small pack can say ``topic:arms_purchase`` without copying the lexicon; a pack's
own topic with the same id wins. Every error names the file, the line and the reason.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from worker.errors import ConfigError
from worker.transforms.gazetteer import EXTENSION_FILE
from worker.yaml_doc import YamlDoc, YamlReadError

from .languages import (
    attach_published,
    attach_relations,
    extend_topics,
    language_dirs,
    read_languages,
)
from .pairs import LexiconError, RelationLexicon
from .query import QueryError, parse_query
from .schema import PairSpec, Rule, Topic, combine, constraint_nodes, parse_duration

SHIPPED = Path(__file__).resolve().parents[2] / "data" / "rules"
SCHEMAS = Path(__file__).resolve().parents[3] / "schemas"


@dataclass(frozen=True, slots=True)
class RuleError:
    """One problem in a rule pack, printable as ``file:line: reason``."""

    file: str
    line: int | None
    reason: str
    rule_id: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.reason}"


@lru_cache(maxsize=4)
def _validator(name: str) -> Draft202012Validator:
    with open(SCHEMAS / name, encoding="utf-8") as fh:
        return Draft202012Validator(json.load(fh))


def read_yaml(path: Path) -> tuple[YamlDoc | None, RuleError | None]:
    try:
        doc = YamlDoc.read(path)
    except YamlReadError as exc:
        return None, RuleError(exc.file, exc.line, exc.reason)
    doc.data  # noqa: B018  (built now, while the file's loader is at hand)
    doc.close()
    return doc, None


def _schema_errors(doc: YamlDoc, schema: str, base: tuple[str | int, ...] = ()) -> list[RuleError]:
    out = []
    for err in sorted(_validator(schema).iter_errors(doc.data), key=lambda e: list(e.path)):
        # oneOf failures hide the useful message; report the deepest sub-error instead.
        best = err
        while best.context:
            best = max(best.context, key=lambda e: len(e.absolute_path))
        path = tuple(base) + tuple(best.absolute_path)
        where = ".".join(str(p) for p in path)
        out.append(RuleError(doc.file, doc.line(path), f"{where or 'file'}: {best.message}"))
    return out


def pack_files(path: Path | None) -> tuple[list[Path], list[Path], list[Path]]:
    """(rule files, topic files, relation files) of a pack, shipped lexicons first."""
    root = SHIPPED if path is None else Path(path)
    topics = sorted((SHIPPED / "topics").glob("*.yaml"))
    relations = sorted((SHIPPED / "relations").glob("*.yaml"))
    if root.is_file():
        rules, pack_dir = [root], root.parent
    elif root.is_dir():
        # the tagger's extension file may sit beside the rules (README); it is not a rule file
        rules = sorted(
            f for f in [*root.glob("*.yaml"), *root.glob("*.yml")] if f.name != EXTENSION_FILE
        )
        pack_dir = root
    else:
        raise ConfigError(f"{root}: no such rule file or directory")
    if pack_dir.resolve() != SHIPPED.resolve():
        topics += sorted((pack_dir / "topics").glob("*.yaml"))
        relations += sorted((pack_dir / "relations").glob("*.yaml"))
    return rules, topics, relations


def load_docs(
    path: Path | None,
) -> tuple[list[YamlDoc], list[YamlDoc], list[YamlDoc], list[RuleError]]:
    errors: list[RuleError] = []
    out: list[list[YamlDoc]] = [[], [], []]
    for bucket, files in zip(out, pack_files(path), strict=True):
        for f in files:
            doc, err = read_yaml(f)
            if err:
                errors.append(err)
            elif doc is not None:
                bucket.append(doc)
    return out[0], out[1], out[2], errors


def build_topics(docs: list[YamlDoc]) -> tuple[dict[str, Topic], list[RuleError]]:
    topics: dict[str, Topic] = {}
    errors: list[RuleError] = []
    for doc in docs:
        errs = _schema_errors(doc, "topic.schema.json")
        if errs:
            errors.extend(errs)
            continue
        d = doc.data
        by_lang = {str(k): list(v) for k, v in (d.get("languages") or {}).items()}
        topics[d["id"]] = Topic(
            d["id"], list(d["terms"]), d.get("description", ""), doc.file, d, by_lang
        )
    return topics, errors


def build_relations(docs: list[YamlDoc]) -> tuple[dict[str, RelationLexicon], list[RuleError]]:
    rels: dict[str, RelationLexicon] = {}
    errors: list[RuleError] = []
    for doc in docs:
        try:
            lex = RelationLexicon.from_dict(doc.data or {})
            attach_published(lex)  # a published record carries its languages' lexicons
        except (LexiconError, AttributeError) as exc:
            errors.append(RuleError(doc.file, doc.line(), str(exc)))
            continue
        rels[lex.name] = lex
    return rels, errors


def build_rules(
    docs: list[YamlDoc], topics: dict[str, Topic], relations: dict[str, RelationLexicon]
) -> tuple[list[Rule], list[RuleError]]:
    rules: list[Rule] = []
    errors: list[RuleError] = []
    seen: dict[str, str] = {}
    lexicons = {k: t.entries() for k, t in topics.items()}
    for doc in docs:
        if doc.data is None:
            errors.append(RuleError(doc.file, 1, "empty rule file"))
            continue
        errs = _schema_errors(doc, "rules.schema.json")
        if errs:
            errors.extend(errs)
            continue
        many = isinstance(doc.data, dict) and "rules" in doc.data
        items = doc.data["rules"] if many else [doc.data]
        for i, d in enumerate(items):
            base: tuple[str | int, ...] = ("rules", i) if many else ()
            rule_line = doc.line(base)

            def err(reason: str, key: str | None = None, *, _d=d, _b=base, _doc=doc) -> RuleError:
                line = _doc.line((*_b, key) if key else _b)
                return RuleError(_doc.file, line, f"rule {_d['id']!r}: {reason}", _d["id"])

            if d["id"] in seen:
                errors.append(err(f"duplicate rule id (first defined in {seen[d['id']]})", "id"))
                continue
            try:
                node = parse_query(d["query"], lexicons)
            except QueryError as exc:
                errors.append(err(str(exc), "query"))
                continue
            pair = PairSpec.from_dict(d["pair"]) if d.get("pair") else None
            if pair and pair.relation not in relations:
                errors.append(err(f"unknown pair relation {pair.relation!r}", "pair"))
                continue
            if pair and not (pair.any or pair.between or pair.recipient or pair.supplier):
                errors.append(err("pair needs any: true, between, recipient or supplier", "pair"))
                continue
            try:
                rate = rate_spec(d.get("rate"), pair is not None)
            except ValueError as exc:
                errors.append(err(str(exc), "rate"))
                continue
            extra = constraint_nodes(d.get("countries"))
            necessary = pair.necessary() if pair else None
            if necessary is not None:
                extra.append(necessary)
            seen[d["id"]] = f"{doc.file}:{rule_line}"
            rules.append(
                Rule(
                    id=d["id"],
                    title=d["title"],
                    query=d["query"],
                    node=combine(node, extra),
                    severity=d.get("severity", "medium"),
                    description=d.get("description", ""),
                    pair=pair,
                    targets=list(d.get("targets", [])),
                    throttle=parse_duration(d.get("throttle")),
                    enabled=d.get("enabled", True),
                    rate=rate,
                    file=doc.file,
                    line=rule_line,
                    raw=dict(d),
                )
            )
    return rules, errors


def rate_spec(d: dict[str, Any] | None, is_pair: bool) -> Any:
    """A rule's ``rate:`` block (the schema checked its shape) as a RateSpec, or None."""
    if not d:
        return None
    from worker.transforms.rates import RateSpec

    key = d.get("key", "pair" if is_pair else "rule")
    if is_pair and key != "pair":
        # Pair rules are delivered by rule + pair: a count per rule (across pairs) would be
        # split between partitions (and workers), each with its own count.
        raise ValueError(f"a pair rule counts per pair, not per {key}")
    if not is_pair and key == "pair":
        raise ValueError("key: pair needs a pair rule")
    defaults = RateSpec(d["kind"])
    spec = RateSpec(
        kind=d["kind"],
        key=key,
        window=parse_duration(d.get("window")) or defaults.window,
        baseline=parse_duration(d.get("baseline")) or defaults.baseline,
        factor=float(d.get("factor", defaults.factor)),
        min_count=int(d.get("min_count", defaults.min_count)),
        lookback=parse_duration(d.get("lookback")) or defaults.lookback,
    )
    if spec.kind == "spike" and spec.baseline < spec.window:
        raise ValueError("baseline must be at least one window")
    return spec


def load_pack(path: Path | None) -> tuple[list[Rule], dict[str, Topic], dict, list[RuleError]]:
    """Everything in a pack plus every error found (bad rules are left out, not fatal)."""
    rule_docs, topic_docs, rel_docs, errors = load_docs(path)
    topics, terr = build_topics(topic_docs)
    relations, rerr = build_relations(rel_docs)
    topics, relations, lerr = _add_languages(path, topics, relations)
    rerr += lerr
    rules, uerr = build_rules(rule_docs, topics, relations)
    return rules, topics, relations, [*errors, *terr, *rerr, *uerr]


def _add_languages(
    path: Path | None, topics: dict[str, Topic], relations: dict[str, RelationLexicon]
) -> tuple[dict[str, Topic], dict[str, RelationLexicon], list[RuleError]]:
    """Topics and relations with the other languages' terms and lexicons (languages.py)."""
    pack_dir = None if path is None else (Path(path).parent if Path(path).is_file() else Path(path))
    common, langs, errs = read_languages(language_dirs(SHIPPED, pack_dir))
    errs += attach_relations(relations, common, langs)
    errors = [RuleError(e.file, e.line, e.reason) for e in errs]
    return extend_topics(topics, langs, common), relations, errors


def raise_errors(errors: list[RuleError]) -> None:
    if errors:
        lines = "\n".join(str(e) for e in errors)
        raise ConfigError(f"invalid rules ({len(errors)} error(s)):\n{lines}")
