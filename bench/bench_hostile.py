"""Hostile-input CPU cost per article against a normal article's (issue 17, item 9).

Run:  python bench/bench_hostile.py [--size 20000] [--normal 200]

Each hostile shape is cleaned, tagged and matched in-process at two sizes; the table prints
CPU per article and per KB for each stage and how the cost per KB changes when the article
doubles (about 1.0 = linear; 2.0 = quadratic). Normal articles are the seeded synthetic wire
copy of bench_tag.py (~3 KB).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rich.console import Console
from rich.table import Table

from worker.model import utcnow
from worker.synth import make_raw_item
from worker.transforms.clean import clean
from worker.transforms.rules import load_rules
from worker.transforms.tag import default_tagger

# The shapes found slow, or suspected: one endless sentence full of countries (the pair
# extractor was quadratic in it), one frequent token (match positions were quadratic), lists,
# no spaces at all, weapon runs.
HOSTILE = {
    "one endless sentence": "Russia Turkey S-400 missiles purchase deal ",
    "a token every 6 words": "Russia sold Turkey the S-400 system. ",
    "country list": "Turkey, Russia, India, China, Iran, Syria, ",
    "no spaces": "RussiaTurkeyS400",
    "weapon run": "S-400 F-35 Patriot Su-57 missiles ",
    "arms words": "buy sell supply deliver purchase deal contract arms weapons ",
}


def cost(item: dict, tagger, rules) -> tuple[float, float, float]:
    """CPU seconds of clean, tag and match for one raw item."""
    now = utcnow()
    t0 = time.process_time()
    article = clean(item, now=now)
    t1 = time.process_time()
    tagged = tagger.tag(article)
    t2 = time.process_time()
    rules.match(tagged, now=now)
    return t1 - t0, t2 - t1, time.process_time() - t2


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=20_000, help="hostile article size (chars)")
    ap.add_argument("--normal", type=int, default=200, help="normal articles to average")
    args = ap.parse_args()
    tagger, rules = default_tagger(), load_rules()
    rng = random.Random(17)
    normals = [make_raw_item(rng, 3000, i) for i in range(args.normal)]
    for item in normals[:5]:
        cost(item, tagger, rules)  # warm caches
    total = [sum(x) for x in zip(*(cost(i, tagger, rules) for i in normals), strict=True)]
    n_bytes = sum(len(i["body"]) for i in normals)
    normal_ms = sum(total) / len(normals) * 1000
    normal_per_kb = sum(total) / n_bytes * 1000 * 1000

    table = Table(title=f"CPU per article: normal ≈3 KB vs hostile {args.size:,} chars")
    for col in ("input", "clean ms", "tag ms", "match ms", "total ms", "ms/KB", "× normal/KB"):
        table.add_column(col, justify="right" if col != "input" else "left")
    table.add_column("growth ×2 size", justify="right")
    table.add_row(
        "normal (synthetic wire)",
        *(f"{t / len(normals) * 1000:.2f}" for t in total),
        f"{normal_ms:.2f}",
        f"{normal_per_kb:.3f}",
        "1.0",
        "",
    )
    for name, text in HOSTILE.items():
        per_kb = []
        for size in (args.size, args.size * 2):
            body = (text * (size // len(text) + 1))[:size]
            stages = cost({"title": name, "body": body}, tagger, rules)
            per_kb.append((stages, sum(stages) / size * 1000 * 1000))
        (stages, ms_kb), (_, ms_kb2) = per_kb
        table.add_row(
            name,
            *(f"{s * 1000:.1f}" for s in stages),
            f"{sum(stages) * 1000:.1f}",
            f"{ms_kb:.3f}",
            f"{ms_kb / normal_per_kb:.1f}",
            f"{ms_kb2 / ms_kb:.2f}",
        )
    Console().print(table)


if __name__ == "__main__":
    main()
