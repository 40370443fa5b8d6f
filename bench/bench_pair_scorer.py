"""Does a learned pair scorer beat the rule reader? 5-fold cross-validation grouped by report.

    python bench/bench_pair_scorer.py [--lang en|i18n] [--C 1.0] [--folds 5] [--rows FILE]

Needs the ``train`` extra (scikit-learn). Runs the product on every dev report once
(bench/pair_dataset.py), then, fold by fold (reports, not candidates, are split, so no report
is both trained on and scored): (a) the rule reader alone - the arms-transfer alerts, as
bench/bench_pairs_real.py scores them; (b) rules + scorer - every candidate whose probability
reaches the adding threshold and passes the gift gate, and the rule pairs it keeps (dropped only
below a second, much lower threshold, and never when the parse gave both roles in one sentence),
as ``pair_scorer.decide`` does in the worker; (c) the same, adding only. Both readers start from
the same rule pairs (the alerts'), and a report whose rule query does not match counts no scorer
pair (the product would alert none). The two thresholds are picked inside each training fold only
(out-of-fold probabilities of an inner cross-validation on the training reports): the best F1
whose precision is not below the rules' precision on those same reports. Gold pairs no
candidate covers count as missed; optional pairs count neither way. Prints P/R/F1 per fold and
pooled, recall per construction kind pooled, and the heaviest weights of a model trained on every
report.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_pairs_real import Counts  # one P/R/F1 tally for both benches
from pair_dataset import Row, rows_for
from rich.console import Console
from rich.table import Table

SEED = 12  # the fold assignment is fixed: a rerun gives the same table


def folds_of(rows: Sequence[Row], k: int) -> list[int]:
    """Fold number of each report: a fixed shuffle of the reports dealt round-robin."""
    order = list(range(len(rows)))
    random.Random(SEED).shuffle(order)
    fold = [0] * len(rows)
    for n, i in enumerate(order):
        fold[i] = n % k
    return fold


def file_folds(rows: Sequence[Row], k: int | None = None) -> list[int]:
    """Fold number of each report by its label file (batch): every file its own fold, or with
    ``k`` the files (a fixed shuffle) dealt round-robin into ``k`` folds. A batch is what a
    blind batch is to the product, new reports of one drawing: leaving whole files out is the
    honest estimate of what the scorer does on reports it never saw."""
    names = sorted({r.file for r in rows})
    if k is not None:
        random.Random(SEED).shuffle(names)
    at = {n: (i if k is None else i % k) for i, n in enumerate(names)}
    return [at[r.file] for r in rows]


def require_sklearn() -> None:
    """Stop at once, with the install command, when the ``train`` extra is missing (rather than
    after building the data set)."""
    try:
        import sklearn  # noqa: F401
    except ImportError:
        sys.exit(
            "scikit-learn is not installed: it comes with the optional train extra, "
            "`.venv/bin/pip install -e '.[train]'`"
        )


def fit(rows: Sequence[Row], c: float) -> tuple[dict[str, float], float]:
    """Logistic-regression weights (by feature name) and bias trained on the rows' candidates."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    feats = [cand["f"] for r in rows for cand in r.cands]
    ys = [cand["y"] for r in rows for cand in r.cands]
    vec = DictVectorizer()
    x = vec.fit_transform(feats)
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(x, ys)
    names = vec.get_feature_names_out()
    return {str(n): float(w) for n, w in zip(names, model.coef_[0], strict=True)}, float(
        model.intercept_[0]
    )


def probabilities(rows: Sequence[Row], weights: dict[str, float], bias: float) -> list[list[float]]:
    """Per report, the probability of each of its candidates (the worker's own dot product)."""
    from worker.transforms.rules.pair_scorer import PairScorer

    scorer = PairScorer(weights, bias, 0.5)
    return [[scorer.probability(c["f"]) for c in r.cands] for r in rows]


def rules_counts(rows: Sequence[Row]) -> Counts:
    c = Counts()
    for r in rows:
        got, gold, opt = set(r.rules), set(r.gold), set(r.optional)
        c.add(len(got & gold), len(got - gold - opt), len(gold - got))
    return c


def scorer_pairs(
    row: Row, probs: Sequence[float], t: float, drop_below: float, flip: float | None = None
) -> set[tuple[str, str]]:
    """The pairs ``pair_scorer.rescore`` gives (its own ``decide``), counted only when the rule's
    query matched the report: otherwise the product alerts none of them. The rule pairs are the
    alert pairs, the same set the "rules" column scores."""
    from worker.transforms.rules.pair_scorer import decide

    if not row.query:
        return set()
    keys = [(c["rec"], c["sup"]) for c in row.cands]
    p = dict(zip(keys, probs, strict=True))
    feats = {(c["rec"], c["sup"]): c["f"] for c in row.cands}
    return set(decide(row.rules, p, feats, t, drop_below, flip))


def scorer_counts(
    rows: Sequence[Row],
    probs: Sequence[Sequence[float]],
    t: float,
    drop_below: float,
    flip: float | None = None,
) -> Counts:
    return _Prepared(rows, probs).counts(t, drop_below, flip)


class _Prepared:
    """The rows' inputs to ``decide`` built once, for the threshold search (thousands of
    settings over the same probabilities)."""

    def __init__(self, rows: Sequence[Row], probs: Sequence[Sequence[float]]) -> None:
        self.items = []
        for r, ps in zip(rows, probs, strict=True):
            keys = [(c["rec"], c["sup"]) for c in r.cands]
            feats = {(c["rec"], c["sup"]): c["f"] for c in r.cands}
            gold, opt = set(r.gold), set(r.optional)
            self.items.append(
                (r.query, r.rules, dict(zip(keys, ps, strict=True)), feats, gold, opt)
            )

    def counts(self, t: float, drop_below: float, flip: float | None) -> Counts:
        from worker.transforms.rules.pair_scorer import decide

        c = Counts()
        for query, rules, p, feats, gold, opt in self.items:
            got = set(decide(rules, p, feats, t, drop_below, flip)) if query else set()
            c.add(len(got & gold), len(got - gold - opt), len(gold - got))
        return c


# rule pairs are dropped only well below the adding threshold: these are the choices tried
DROP_BELOW = (0.0, 0.05, 0.1, 0.15, 0.2)
# ... or when the reverse direction is accepted with high probability (None: never); a flip is
# tried with the drop threshold 0 only (every fold chose 0 without flips: 2026-12-05 second pass)
FLIP_ABOVE = (None, 0.99, 0.97, 0.95, 0.9, 0.85, 0.8)
ADD_FROM = [x / 100 for x in range(5, 96)]
Choice = tuple[float, float, float | None]  # adding threshold, drop_below, flip_above


def choose_threshold(
    rows: Sequence[Row],
    c: float,
    inner: int,
    floor_p: float,
    drops: bool = True,
    by_file: bool = False,
) -> tuple[Choice, Counts]:
    """The (adding threshold, drop threshold, flip threshold) with the best F1 among those
    keeping P >= ``floor_p``, on out-of-fold probabilities of an ``inner``-fold cross-validation
    over ``rows`` (training reports only); without ``drops`` the scorer only adds pairs (drop
    threshold 0, no flip); ``by_file``: the inner folds are whole label files."""
    fold = file_folds(rows, inner) if by_file else folds_of(rows, inner)
    inner = max(fold) + 1
    probs: list[list[float]] = [[] for _ in rows]
    for k in range(inner):
        train = [r for r, f in zip(rows, fold, strict=True) if f != k]
        w, b = fit(train, c)
        idx = [i for i, f in enumerate(fold) if f == k]
        for i, ps in zip(idx, probabilities([rows[i] for i in idx], w, b), strict=True):
            probs[i] = ps
    # when no choice keeps the precision, the scorer adds (almost) nothing and drops nothing
    best_t: Choice = (0.99, 0.0, None)
    best: Counts | None = None
    prepared = _Prepared(rows, probs)
    for t in ADD_FROM:
        for d in DROP_BELOW if drops else (0.0,):
            if d > t / 2:  # "much lower" than the adding threshold
                continue
            for flip in FLIP_ABOVE if drops else (None,):
                if flip is not None and (flip < t or d > 0):  # the reverse must be one it adds
                    continue
                cnt = prepared.counts(t, d, flip)
                p, _, f1 = cnt.prf()
                if p >= floor_p and (best is None or f1 > best.prf()[2]):
                    best_t, best = (t, d, flip), cnt
    return best_t, best or scorer_counts(rows, probs, *best_t)


def construction_recall(
    rows: Sequence[Row], picks: Sequence[set[tuple[str, str]]]
) -> dict[str, Counts]:
    out: dict[str, Counts] = defaultdict(Counts)
    for r, got in zip(rows, picks, strict=True):
        for g in r.gold:
            for kind in r.constructions.get(f"{g[0]}>{g[1]}") or ["(none)"]:
                out[kind].add(int(g in got), 0, int(g not in got))
    return out


def _fmt(c: Counts) -> list[str]:
    p, r, f = c.prf()
    return [str(c.tp), str(c.fp), str(c.fn), f"{p:.3f}", f"{r:.3f}", f"{f:.3f}"]


MODES = {"rules + scorer": True, "rules + scorer (adds only)": False}


def cross_validate(
    rows: list[Row],
    k: int,
    c: float,
    inner: int,
    console: Console,
    margin: float = 0.0,
    by_file: bool = False,
) -> None:
    fold = file_folds(rows) if by_file else folds_of(rows, k)
    k = max(fold) + 1
    unit = "label file (leave one batch out)" if by_file else "report"
    table = Table(title=f"{k}-fold cross-validation by {unit} ({len(rows)} dev reports, C={c})")
    for col in ("fold", "reader", "add / drop / flip", "tp", "fp", "fn", "P", "R", "F1"):
        table.add_column(col, justify="left" if col in ("fold", "reader") else "right")
    pooled = {"rules": Counts(), **{m: Counts() for m in MODES}}
    picks: dict[str, list[set[tuple[str, str]]]] = {m: [set() for _ in rows] for m in pooled}
    for n in range(k):
        train = [r for r, f in zip(rows, fold, strict=True) if f != n]
        test_idx = [i for i, f in enumerate(fold) if f == n]
        test = [rows[i] for i in test_idx]
        floor_p = rules_counts(train).prf()[0] + margin
        w, b = fit(train, c)
        probs = probabilities(test, w, b)
        rc = rules_counts(test)
        pooled["rules"].add(rc.tp, rc.fp, rc.fn)
        name = test[0].file if by_file and test else str(n + 1)
        table.add_row(name, "rules", "", *_fmt(rc))
        for i, r in zip(test_idx, test, strict=True):
            picks["rules"][i] = set(r.rules)
        for mode, drops in MODES.items():
            (t, d, flip), _ = choose_threshold(train, c, inner, floor_p, drops, by_file)
            sc = scorer_counts(test, probs, t, d, flip)
            pooled[mode].add(sc.tp, sc.fp, sc.fn)
            for i, r, ps in zip(test_idx, test, probs, strict=True):
                picks[mode][i] = scorer_pairs(r, ps, t, d, flip)
            shown = "never" if flip is None else f"{flip:.2f}"
            table.add_row("", mode, f"{t:.2f} / {d:.2f} / {shown}", *_fmt(sc))
    for mode, cnt in pooled.items():
        table.add_row("pooled", mode, "", *_fmt(cnt), style="bold")
    console.print(table)
    base = pooled["rules"].prf()
    for mode in MODES:
        got = pooled[mode].prf()
        console.print(
            f"pooled, {mode}: F1 {got[2] - base[2]:+.3f}, P {got[0] - base[0]:+.3f}, "
            f"R {got[1] - base[1]:+.3f} (minus rules)"
        )
    langs = sorted({r.lang for r in rows})
    if len(langs) > 1:
        per = Table(title="per language, pooled over the folds")
        for col in ("lang", "reader", "tp", "fp", "fn", "P", "R", "F1"):
            per.add_column(col, justify="left" if col in ("lang", "reader") else "right")
        for lang in langs:
            for mode, got in picks.items():
                cnt = Counts()
                for r, p in zip(rows, got, strict=True):
                    if r.lang == lang:
                        gold, opt = set(r.gold), set(r.optional)
                        cnt.add(len(p & gold), len(p - gold - opt), len(gold - p))
                per.add_row(lang if mode == "rules" else "", mode, *_fmt(cnt))
        console.print(per)
    kinds = Table(title="recall per construction kind, pooled over the folds")
    kinds.add_column("construction")
    for col in ("gold", *pooled):
        kinds.add_column(col if col == "gold" else f"{col} R", justify="right")
    rec = {m: construction_recall(rows, p) for m, p in picks.items()}
    rk = rec["rules"]
    for kind in sorted(rk, key=lambda x: -(rk[x].tp + rk[x].fn)):
        kinds.add_row(
            kind, str(rk[kind].tp + rk[kind].fn), *(f"{rec[m][kind].prf()[1]:.3f}" for m in rec)
        )
    console.print(kinds)
    covered = sum(len(set(r.gold) & {(x["rec"], x["sup"]) for x in r.cands}) for r in rows)
    total = sum(len(set(r.gold)) for r in rows)
    console.print(
        f"candidates: {sum(len(r.cands) for r in rows)} over {len(rows)} reports; "
        f"{covered}/{total} gold pairs ({covered / max(total, 1):.3f}) are among them "
        "(the scorer's recall ceiling)"
    )


def without(rows: list[Row], prefixes: tuple[str, ...]) -> list[Row]:
    """The rows with the features named by ``prefixes`` removed from every candidate."""
    if prefixes:
        for r in rows:
            for cand in r.cands:
                cand["f"] = {k: v for k, v in cand["f"].items() if not k.startswith(prefixes)}
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--lang", choices=("en", "i18n"), default="en", help="English or the ten others"
    )
    ap.add_argument("--folds", type=int, default=5, help="outer folds (default 5)")
    ap.add_argument("--inner", type=int, default=4, help="inner folds picking the threshold")
    ap.add_argument("--C", type=float, default=1.0, help="inverse regularisation strength")
    ap.add_argument(
        "--rows",
        type=Path,
        help="cache of the data set (JSON lines): read when present, else built and written",
    )
    ap.add_argument(
        "--margin",
        type=float,
        default=0.0,
        help="the inner choice must beat the rules' P on the training reports by this much",
    )
    ap.add_argument("--weights", type=int, default=15, help="print this many heaviest weights")
    ap.add_argument(
        "--without",
        nargs="+",
        default=[],
        metavar="PREFIX",
        help="leave out the features whose names start with these (e.g. rec_list sup_list "
        "list: cooc: rec_role_art sup_role_art roles:again roles:split): an ablation",
    )
    ap.add_argument(
        "--no-flip",
        action="store_true",
        help="never let a rule pair give way to its reverse (the rule before flip_above)",
    )
    ap.add_argument(
        "--by-file",
        action="store_true",
        help="leave one label file (batch) out at a time, the inner folds whole files too",
    )
    args = ap.parse_args(argv)
    require_sklearn()
    console = Console()
    rows = without(rows_for(args.lang, args.rows), tuple(args.without))
    if args.no_flip:
        global FLIP_ABOVE
        FLIP_ABOVE = (None,)
    cross_validate(rows, args.folds, args.C, args.inner, console, args.margin, args.by_file)
    if args.weights:
        w, b = fit(rows, args.C)
        t = Table(title=f"heaviest weights, trained on all {len(rows)} reports (bias {b:+.2f})")
        t.add_column("feature")
        t.add_column("weight", justify="right")
        for name, v in sorted(w.items(), key=lambda kv: -abs(kv[1]))[: args.weights]:
            t.add_row(name, f"{v:+.2f}")
        console.print(t)
    return 0


if __name__ == "__main__":
    sys.exit(main())
