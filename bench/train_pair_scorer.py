"""Train the arms-transfer pair scorer on every dev report and write its weights file.

    python bench/train_pair_scorer.py [--lang en] [--C 1.0] [--out FILE]
    python bench/train_pair_scorer.py --lang i18n --by-file --without lang: [--margin M]

Needs the ``train`` extra (scikit-learn). The thresholds are chosen as in
bench/bench_pair_scorer.py (out-of-fold probabilities of a cross-validation over the reports:
the adding, drop and flip thresholds with the best F1 whose precision is not below the rule
reader's); the file records where it came from (split, commit, date, feature list, C,
thresholds, report and candidate counts). The worker reads it with
``worker.transforms.rules.pair_scorer.PairScorer.load``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_pair_scorer import choose_threshold, fit, require_sklearn, rules_counts, without
from pair_dataset import NEVER_READ, rows_for

from worker.transforms.rules.pair_scorer import DEFAULT_WEIGHTS, PairScorer

I18N_WEIGHTS = "pair_scorer_i18n.json"  # the ten languages' (common.yaml's ``scorer:``)


def _commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        )
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--lang", choices=("en", "i18n"), default="en", help="training reports")
    ap.add_argument("--C", type=float, default=1.0, help="inverse regularisation strength")
    ap.add_argument("--folds", type=int, default=5, help="folds picking the threshold")
    ap.add_argument("--rows", type=Path, help="data set cache (see bench_pair_scorer.py --rows)")
    ap.add_argument("--out", type=Path, help="weights file (default: the language set's own)")
    ap.add_argument("--by-file", action="store_true", help="threshold folds: whole label files")
    ap.add_argument("--margin", type=float, default=0.0, help="precision floor: rules' P + this")
    ap.add_argument("--without", nargs="+", default=[], metavar="PREFIX", help="features left out")
    ap.add_argument(
        "--adds-only",
        action="store_true",
        help="the scorer only adds pairs; every rule pair stays",
    )
    args = ap.parse_args(argv)
    require_sklearn()
    out = args.out or (
        DEFAULT_WEIGHTS if args.lang == "en" else DEFAULT_WEIGHTS.with_name(I18N_WEIGHTS)
    )
    rows = without(rows_for(args.lang, args.rows), tuple(args.without))
    floor_p = rules_counts(rows).prf()[0] + args.margin
    (threshold, drop_below, flip_above), cv = choose_threshold(
        rows, args.C, args.folds, floor_p, not args.adds_only, args.by_file
    )
    weights, bias = fit(rows, args.C)
    p, r, f1 = cv.prf()
    scorer = PairScorer(
        weights,
        bias,
        threshold,
        {
            "trained_on": f"dev reports ({args.lang}), bench/realnews; never read: "
            + ", ".join(n.rstrip(".") for n in NEVER_READ),
            "files": sorted({x.file for x in rows}),
            "split": "dev",
            "reports": len(rows),
            "candidates": sum(len(x.cands) for x in rows),
            "commit": _commit(),
            "date": datetime.now(UTC).strftime("%Y-%m-%d"),
            "model": "logistic regression (scikit-learn), L2",
            "C": args.C,
            "features_left_out": list(args.without),
            "threshold": f"best F1 (adding threshold, drop_below {drop_below:.2f}, flip_above "
            f"{flip_above}) with P >= the rules' P {floor_p - args.margin:.3f} "
            f"{args.margin:+.3f} on {args.folds}-fold{' by label file' if args.by_file else ''} "
            f"out-of-fold probabilities (P {p:.3f} R {r:.3f} F1 {f1:.3f})",
            "features": sorted(weights),
        },
        drop_below=drop_below,
        flip_above=flip_above,
    )
    out.write_text(json.dumps(scorer.to_dict(), indent=1) + "\n", encoding="utf-8")
    print(
        f"wrote {out}: {len(weights)} weights, threshold {threshold:.2f}, "
        f"drop_below {drop_below:.2f}, flip_above {flip_above}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
