"""The pair scorer's data set: every dev report run through the product path, with its candidates.

Shared by ``bench/bench_pair_scorer.py`` (cross-validation) and ``bench/train_pair_scorer.py``
(the weights file). For each dev report it runs ``newswatch scan``'s code (clean -> tag -> match
with the shipped rule pack), keeps the arms-transfer pairs of the alerts (what the bench scores as
"the rules"), and lists the candidates of ``worker.transforms.rules.pair_scorer`` with their
features and labels (1: a gold pair, 0: neither gold nor optional; optional pairs are left out).
Blind batches are never read: only dev label files, and never a file of a validation batch or
of a batch being drawn (``NEVER_READ``): their names are skipped before anything is opened.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from realnews_corpus import LABELS, Report, blind, load
from rich.progress import track

from worker.errors import Reject
from worker.pipeline import analyse_reading, load_articles
from worker.transforms.rules import load_rules
from worker.transforms.rules.match import bounded_sentences
from worker.transforms.rules.pair_scorer import candidates, read_in_one_sentence
from worker.transforms.tag import default_tagger

PAIR_RULE = "arms-transfer-pair"
RELATION = "arms_transfer"
I18N_LANGS = ("de", "fr", "es", "it", "pt", "pl", "ru", "uk", "tr", "ar")
# Names of batch files that must not even be opened (blind() needs the file read), session of
# 2026-12-06 (night): the validation batches (heldout-19, heldout-27; i18n heldout-pairs-16, -24),
# scored only at the end with the scorer off and on, and the batches being drawn (heldout-28,
# heldout-29; i18n heldout-pairs-25, -26). The trailing dot keeps "heldout-2." apart.
NEVER_READ: tuple[str, ...] = (
    "heldout-19.",
    "heldout-27.",
    "heldout-28.",
    "heldout-29.",
    "heldout-pairs-16.",
    "heldout-pairs-24.",
    "heldout-pairs-25.",
    "heldout-pairs-26.",
)


@dataclass
class Row:
    """One report: its gold, the rules' pairs, and the scorer's candidates."""

    id: str
    lang: str
    kind: str
    gold: list[tuple[str, str]]
    optional: list[tuple[str, str]]
    constructions: dict[str, list[str]]  # "REC>SUP" -> construction kinds of that gold pair
    rules: list[tuple[str, str]]  # pairs of the arms-transfer alerts
    rules_read: list[tuple[str, str]] = field(default_factory=list)  # the rule reader's pairs
    cands: list[dict[str, Any]] = field(default_factory=list)  # rec, sup, label, features
    # whether the arms-transfer rule's query matched: without it no pair of the report alerts,
    # whoever reads it (the scorer's pairs of such a report count for nothing)
    query: bool = True
    file: str = ""  # the label file (batch) the report comes from: the unit left out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Row:
        r = cls(**d)
        r.gold = [tuple(p) for p in r.gold]  # type: ignore[misc]
        r.optional = [tuple(p) for p in r.optional]  # type: ignore[misc]
        r.rules = [tuple(p) for p in r.rules]  # type: ignore[misc]
        r.rules_read = [tuple(p) for p in r.rules_read]  # type: ignore[misc]
        return r


def dev_reports(lang: str) -> list[Report]:
    """The dev reports of ``lang`` ("en", or "i18n" for the ten other languages)."""
    # the names are sifted before any file is opened (``i18n_label_files`` reads each batch file
    # to see whether it is still blind, so it is not asked): blind reports are then left out by
    # their ``split``
    if lang == "en":
        files = sorted(LABELS.glob("*.yaml"))
    else:
        files = sorted((LABELS / "i18n").glob("pairs-*.yaml"))
        files += sorted((LABELS / "i18n").glob("heldout-pairs-*.yaml"))
    files = [f for f in files if not any(f.name.startswith(n) for n in NEVER_READ)]
    want = {"en"} if lang == "en" else set(I18N_LANGS)
    return [r for r in load(files) if r.lang in want and not blind(r)]


def build(reports: list[Report], progress: bool = True) -> list[Row]:
    """Run the product on each cached text and list its candidates (reports without a cached
    text are skipped, as the bench counts them missing)."""
    from datetime import UTC, datetime

    now = datetime(2026, 12, 5, tzinfo=UTC)
    from worker.transforms.rules import pairs

    # the data set is what the rule reader alone reads, in English and in the ten languages
    pairs.PAIR_SCORER = pairs.PAIR_SCORER_I18N = False
    tagger, rules = default_tagger(), load_rules()
    lexicon = rules.relations[RELATION]
    rows: list[Row] = []
    seq = track(reports, description="reading reports", transient=True) if progress else reports
    for rep in seq:
        if rep.text() is None:
            continue
        gold = [p.key for p in rep.pairs]
        row = Row(
            rep.id, rep.lang, rep.kind, gold, list(rep.optional),
            {f"{p.recipient}>{p.supplier}": list(p.constructions) for p in rep.pairs}, [],
        )  # fmt: skip
        row.query = False
        row.file = rep.source
        for art in load_articles([rep.text_path], now=now):
            if isinstance(art, Reject):
                raise SystemExit(f"{rep.text_path}: rejected: {art.detail}")
            tagged, alerts, view = analyse_reading(art, tagger, rules, now)
            row.query |= PAIR_RULE in {rules.active[i].id for i in view.matching()}
            row.rules += [
                (a.pair["recipient"], a.pair["supplier"])
                for a in alerts
                if a.rule_id == PAIR_RULE and a.pair
            ]
            lex = lexicon.by_language.get(view.lang.split("-")[0], lexicon)
            read = view.known_pairs().get(lex.name, [])
            row.rules_read += [(h.recipient, h.supplier) for h in read]
            bounded, _ = bounded_sentences(tagged)
            keys = [(h.recipient, h.supplier) for h in read]
            whole = [(h.recipient, h.supplier) for h in read if read_in_one_sentence(h)]
            for c in candidates(bounded, lex, keys, whole):
                if c.key in rep.optional:
                    continue
                if lex.symbols_only:  # the language: a feature tried with and without
                    c.features[f"lang:{rep.lang}"] = 1.0
                row.cands.append(
                    {"rec": c.recipient, "sup": c.supplier, "y": int(c.key in gold),
                     "f": c.features}
                )  # fmt: skip
        row.rules = list(dict.fromkeys(row.rules))
        rows.append(row)
    return rows


def save(rows: list[Row], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(asdict(r)) + "\n")


def load_rows(path: Path) -> list[Row]:
    with path.open(encoding="utf-8") as f:
        return [Row.from_dict(json.loads(line)) for line in f if line.strip()]


def rows_for(lang: str, cache: Path | None, progress: bool = True) -> list[Row]:
    """The data set of ``lang``, read from ``cache`` when given and present (else built and
    written there)."""
    if cache is not None and cache.exists():
        return load_rows(cache)
    rows = build(dev_reports(lang), progress)
    if cache is not None:
        save(rows, cache)
    return rows
