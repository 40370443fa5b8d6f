"""Country tagging on the dev reports, per language, and the homonyms it tags (tagging only).

    python bench/bench_countries_dev.py [--errors]

Reads every dev report of bench/realnews (the English batches and the ten languages'
i18n/*pairs-*.yaml; a file still marked ``split: heldout`` is never read), runs the product's
clean → tag path on the cached text and prints, per language, country precision and recall
(micro-averaged over (report, country)) and how many of the labelled homonyms ("turkey" the bird,
"Georgia" the US state) came out as the country. The same figures as ``bench_pairs_real.py``'s
country columns, without the rule matching, so one run takes seconds. ``--errors`` lists every
report with a wrong or missing country and each homonym tagged.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_pairs_real import NOW
from realnews_corpus import LABELS, blind, country_mentions, i18n_label_files, load

from worker.errors import Reject
from worker.pipeline import load_articles
from worker.transforms.tag import default_tagger


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--errors", action="store_true", help="list wrong reports and homonyms")
    args = ap.parse_args(argv)
    files = [*sorted(LABELS.glob("*.yaml")), *i18n_label_files("dev")]
    reports = [r for r in load(files) if not blind(r)]
    tagger = default_tagger()
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])  # tp fp fn n hom tagged
    lines: list[str] = []
    for rep in reports:
        if rep.text() is None:
            lines.append(f"{rep.id}: cached text missing or changed")
            continue
        art = next(iter(load_articles([rep.text_path], now=NOW)))
        if isinstance(art, Reject):
            lines.append(f"{rep.id}: rejected: {art.detail}")
            continue
        tagged = tagger.tag(art)
        got, gold = set(tagged.countries), set(rep.countries)
        c = counts[rep.lang]
        c[0] += len(got & gold)
        c[1] += len(got - gold)
        c[2] += len(gold - got)
        c[3] += 1
        c[4] += len(rep.homonyms)
        for h in rep.homonyms_read(country_mentions(tagged)):
            c[5] += 1
            lines.append(f"{rep.lang} {rep.id} homonym tagged: {h}")
        if got != gold:
            lines.append(
                f"{rep.lang} {rep.id} extra={sorted(got - gold)} missing={sorted(gold - got)}"
            )
    print(f"{'lang':<6} {'reports':>7} {'P':>6} {'R':>6} {'homonyms tagged':>16}")
    total = [0] * 6
    for lang in sorted(counts):
        c = counts[lang]
        total = [a + b for a, b in zip(total, c, strict=True)]
        print(_row(lang, c))
    print(_row("all", total))
    if args.errors:
        print("\n".join(lines))
    return 0


def _row(label: str, c: list[int]) -> str:
    tp, fp, fn, n, hom, tagged = c
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return f"{label:<6} {n:>7} {p:>6.3f} {r:>6.3f} {f'{tagged} of {hom}':>16}"


if __name__ == "__main__":
    sys.exit(main())
