"""Language identification on short items (headlines, one or two sentences), per language.

    python bench/bench_langid_short.py [--english N]

Items are built at run time from the cached texts of the labelled real reports
(``.state/realnews/<id>.txt``, outside git; the labels' ``lang:`` is the truth): each report's
headline (its first line, cut at 120 characters) and its first one and two sentences. Only dev
reports are read (a blind batch is never opened). Prints, per language, the share identified
right by the product's detector (``worker.transforms.cleaning.language.detect_language``: the
full 97-language py3langid model, ``None`` below 20 letters or 0.5 confidence), how many got no
answer, and what the wrong answers were; and the same with the model restricted to the
eleven languages newswatch reads, to show what that restriction would buy.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from realnews_corpus import LABELS, blind, i18n_label_files, load
from rich.console import Console
from rich.table import Table

from worker.transforms.cleaning import language as langmod
from worker.transforms.sentences import split_sentences

ELEVEN = ("en", "de", "fr", "es", "it", "pt", "pl", "ru", "uk", "tr", "ar")
KINDS = ("headline", "1 sentence", "2 sentences")


def items(text: str) -> dict[str, str]:
    """The short items of one report: headline and first one and two sentences of the body."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if not lines:
        return {}
    head = lines[0][:120]
    body = " ".join(lines[1:]) if len(lines) > 1 else lines[0]
    sents = [body[s:e].strip() for s, e in split_sentences(body)][:2]
    out = {"headline": head}
    if sents:
        out["1 sentence"] = sents[0]
        out["2 sentences"] = " ".join(sents)
    return out


def restricted(text: str) -> str | None:
    """The detector with py3langid limited to the eleven languages (same thresholds)."""
    ident = langmod._identifier()
    sample = text[: langmod._SAMPLE]
    if sum(map(str.isalpha, sample)) < langmod._MIN_LETTERS:
        return None
    lang, prob = ident.classify(sample)
    return str(lang) if prob >= langmod._MIN_CONFIDENCE else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--english", type=int, default=60, help="English reports to sample (fixed seed)"
    )
    args = ap.parse_args(argv)
    files = [*sorted(LABELS.glob("*.yaml")), *i18n_label_files("dev")]
    reports = [r for r in load(files) if not blind(r) and r.text() is not None]
    english = [r for r in reports if r.lang == "en"]
    random.Random(13).shuffle(english)
    reports = [r for r in reports if r.lang != "en"] + english[: args.english]

    texts: list[tuple[str, str, str]] = []  # (lang, kind, text)
    for r in reports:
        for kind, t in items(r.text() or "").items():
            texts.append((r.lang, kind, t))

    full = [langmod.detect_language(t) for _, _, t in texts]
    langmod._identifier().set_languages(list(ELEVEN))
    narrow = [restricted(t) for _, _, t in texts]
    langmod._identifier.cache_clear()  # the product's detector stays the full model

    con = Console()
    for name, got in (("full model (the product)", full), ("restricted to the eleven", narrow)):
        right: dict[tuple[str, str], Counter] = defaultdict(Counter)
        wrong: dict[str, Counter] = defaultdict(Counter)
        for (lang, kind, _), g in zip(texts, got, strict=True):
            key = "right" if g == lang else ("none" if g is None else "wrong")
            right[(lang, kind)][key] += 1
            if key == "wrong":
                wrong[lang][g] += 1
        t = Table(title=f"language identification on short items: {name}")
        t.add_column("lang")
        for kind in KINDS:
            t.add_column(f"{kind} acc", justify="right")
        t.add_column("n", justify="right")
        t.add_column("no answer", justify="right")
        t.add_column("wrong answers")
        totals: dict[str, Counter] = defaultdict(Counter)
        for lang in ELEVEN:
            cells = []
            n = none = 0
            for kind in KINDS:
                c = right[(lang, kind)]
                tot = sum(c.values())
                totals[kind].update(c)
                cells.append(f"{c['right'] / tot:.3f}" if tot else "—")
                n = max(n, tot)
                none += c["none"]
            top = ", ".join(f"{k} {v}" for k, v in wrong[lang].most_common(4))
            t.add_row(lang, *cells, str(n), str(none), top)
        cells = [
            f"{totals[k]['right'] / sum(totals[k].values()):.3f}" if totals[k] else "—"
            for k in KINDS
        ]
        t.add_row("all", *cells, str(len(reports)), "", "")
        con.print(t)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
