"""Country precision and recall per language on real reports (the product's clean → tag path).

Run:  python bench/bench_tag_i18n.py [--labels FILE...] [--english] [--misses] [--lang ru]

Labels are facts about published reports (address, query, sha256, language, the ISO3 codes of the
countries each names; bench/realnews/i18n/*.yaml); the texts are read from the local cache
``.state/realnews/<id>.txt`` and a report whose text is missing or changed is listed, not scored.
``--english`` adds the English reports of bench/realnews/*.yaml (their ``countries`` labels), so
one run shows that English did not get worse. Micro-averaged: every (report, country) counts once.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from realnews_corpus import CACHE, LABELS, report_id
from realnews_corpus import load as load_english

from worker.errors import Reject
from worker.pipeline import load_articles
from worker.transforms.tag import Tagger, default_tagger

I18N_LABELS = LABELS / "i18n"
NOW = datetime(2026, 12, 5, tzinfo=UTC)  # fixed, so a score never depends on the day


@dataclass(frozen=True)
class Labelled:
    """One report: where its text is cached and which countries it names."""

    id: str
    url: str
    lang: str
    sha256: str
    countries: frozenset[str]

    @property
    def path(self) -> Path:
        return CACHE / f"{self.id}.txt"

    def text_ok(self) -> bool:
        try:
            return hashlib.sha256(self.path.read_bytes()).hexdigest() == self.sha256
        except FileNotFoundError:
            return False


@dataclass
class Counts:
    reports: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def load_labels(paths: list[Path]) -> list[Labelled]:
    """The countries-only label files; an id that does not match its url stops the run."""
    out: list[Labelled] = []
    seen: set[str] = set()
    for path in paths:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for raw in doc.get("reports") or []:
            if raw["id"] != report_id(raw["url"]):
                raise SystemExit(f"{path}: id {raw['id']} does not match {raw['url']}")
            if raw["id"] in seen:  # pairs-dev.yaml labels the reports of countries.yaml again
                continue
            seen.add(raw["id"])
            out.append(
                Labelled(
                    raw["id"], raw["url"], raw["lang"], raw["sha256"], frozenset(raw["countries"])
                )
            )
    return out


def english_reports() -> list[Labelled]:
    return [
        Labelled(r.id, r.url, r.lang, r.sha256, frozenset(r.countries))
        for r in load_english()
        if r.lang == "en"
    ]


def tagged_countries(report: Labelled, tagger: Tagger) -> set[str]:
    found: set[str] = set()
    for art in load_articles([report.path], now=NOW):
        if isinstance(art, Reject):
            raise SystemExit(f"{report.path}: rejected: {art.detail}")
        found.update(tagger.tag(art).countries)
    return found


def score(reports: list[Labelled], tagger: Tagger) -> tuple[dict[str, Counts], list[str]]:
    by_lang: dict[str, Counts] = defaultdict(Counts)
    missing: list[str] = []
    for rep in reports:
        if not rep.text_ok():
            missing.append(f"{rep.id} {rep.url}")
            continue
        got = tagged_countries(rep, tagger)
        for key in (rep.lang, "ALL"):
            c = by_lang[key]
            c.reports += 1
            c.tp += len(got & rep.countries)
            c.fp += len(got - rep.countries)
            c.fn += len(rep.countries - got)
        extra, lost = sorted(got - rep.countries), sorted(rep.countries - got)
        if extra or lost:
            by_lang[rep.lang].misses.append(f"{rep.id} missed={lost} extra={extra} {rep.url}")
    return by_lang, missing


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--labels",
        nargs="*",
        type=Path,
        help="default: bench/realnews/i18n/*.yaml but the blind heldout-*.yaml batches",
    )
    ap.add_argument("--english", action="store_true", help="also score the English reports")
    ap.add_argument("--misses", action="store_true", help="list each report's misses and extras")
    ap.add_argument("--lang", help="only this language")
    args = ap.parse_args(argv)
    # a blind batch (heldout-*.yaml) is scored only when named with --labels
    default = [p for p in sorted(I18N_LABELS.glob("*.yaml")) if not p.name.startswith("heldout")]
    reports = load_labels(args.labels or default)
    if args.english:
        reports += english_reports()
    if args.lang:
        reports = [r for r in reports if r.lang == args.lang]
    by_lang, missing = score(reports, default_tagger())
    print(f"{'lang':<5} {'reports':>7} {'P':>6} {'R':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for lang in sorted(by_lang, key=lambda k: (k == "ALL", k)):
        c = by_lang[lang]
        print(
            f"{lang:<5} {c.reports:>7} {c.precision():>6.3f} {c.recall():>6.3f} "
            f"{c.tp:>5} {c.fp:>5} {c.fn:>5}"
        )
    if args.misses:
        for lang in sorted(by_lang):
            for line in by_lang[lang].misses:
                print(f"[{lang}] {line}")
    for line in missing:
        print(f"text missing or changed (not scored): {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
