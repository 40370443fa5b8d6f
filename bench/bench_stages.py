"""What each stage's pure transform costs per article, in-process, on the articles bench_e2e uses.

    python bench/bench_stages.py [--articles 1500] [--size 3000]

No Kafka, no Faust, no engine: the same generated raw items as ``bench/bench_e2e.py`` go through
decode → clean → fingerprint → dedupe → tag → match → the JSON the stages exchange, one step at
a time over all articles (process CPU time, best of --repeat). The sum is the ceiling one core
could reach if moving messages cost nothing; the end-to-end bench shows how far the stream is
from it. Matching is timed the stream's way (the intake stage's batches, whose candidate
sentences are parsed together), and, outside the total, article by article as ``scan`` does and
with the symbol-pattern reader (no parse) for the parser's own cost.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rich.console import Console
from rich.table import Table

from worker.config import load_settings
from worker.model import Article, utcnow
from worker.rules_live import initial_rules
from worker.stream.intake import decode_raw
from worker.synth import make_raw_item
from worker.transforms.clean import clean
from worker.transforms.dedupe import DedupeConfig, Deduper
from worker.transforms.parser import clear_cache
from worker.transforms.rules import pairs as pairs_mod
from worker.transforms.tag import Tagger


def timed(fn: Callable[[Any], Any], xs: list, repeat: int) -> tuple[list, float]:
    """(outputs, best per-item CPU seconds over ``repeat`` passes). The parse cache is emptied
    before each pass, so a later pass does not get the earlier pass's sentences for free."""
    best, out = float("inf"), []
    for _ in range(repeat):
        clear_cache()
        c0 = time.process_time()
        out = [fn(x) for x in xs]
        best = min(best, (time.process_time() - c0) / len(xs))
    return out, best


def worst(fn: Callable[[Any], Any], xs: list, repeat: int) -> tuple[float, int]:
    """(CPU seconds of the dearest item, its index): each item timed alone, its best of
    ``repeat`` passes, the parse cache emptied before each pass (so each item parses its own
    sentences, as a lone article in the stream would)."""
    each = [float("inf")] * len(xs)
    for _ in range(repeat):
        clear_cache()
        for i, x in enumerate(xs):
            c0 = time.process_time()
            fn(x)
            each[i] = min(each[i], time.process_time() - c0)
    top = max(range(len(xs)), key=each.__getitem__)
    return each[top], top


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1500)
    ap.add_argument("--size", type=int, default=3000, help="approximate body size in chars")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    rng = random.Random(1)
    payloads = [json.dumps(make_raw_item(rng, args.size, i)).encode() for i in range(args.articles)]
    settings = load_settings()
    tagger, rules = Tagger.load(), initial_rules(settings)
    now, limit = utcnow(), settings.max_article_bytes
    gc.collect()
    gc.freeze()  # as the worker does after start-up

    rows: list[tuple[str, float]] = []

    def step(name: str, fn: Callable[[Any], Any], xs: list, repeat: int | None = None) -> list:
        out, secs = timed(fn, xs, repeat or args.repeat)
        rows.append((name, secs))
        return out

    items = step("decode raw message", lambda p: decode_raw(p, limit), payloads)
    arts = step("clean", lambda it: clean(it, now=now, max_bytes=limit), items)
    deduper = Deduper(DedupeConfig(threshold=settings.dedupe_threshold))
    fps = step("fingerprint (MinHash)", deduper.fingerprint, arts)
    # recording changes the state, so one pass only (a second would find every copy)
    pairs = list(zip(arts, fps, strict=True))
    step("dedupe check + record", lambda af: deduper.add(*af), pairs, repeat=1)
    tagged = step("tag", tagger.tag, arts)
    _, alone = timed(lambda ta: rules.match(ta, now=now), tagged, args.repeat)
    # The same articles with the symbol-pattern reader instead of the parse: the parser's own
    # cost, in the same run (issue 13 budgets it at +0.3 ms per English article).
    pairs_mod.ROLE_READER = "symbols"
    _, symbols = timed(lambda ta: rules.match(ta, now=now), tagged, args.repeat)
    pairs_mod.ROLE_READER = "grammar"
    # the articles with candidate sentences (the ones the parser reads), and the dearest of them
    views = [rules.view(ta) for ta in tagged]
    counts = [rules.read_ahead([(v, v.matching())])[0] for v in views]
    with_candidates = [i for i, n in enumerate(counts) if n]
    candidates = [tagged[i] for i in with_candidates]
    dearest, at = (
        worst(lambda ta: rules.match(ta, now=now), candidates, args.repeat)
        if candidates
        else (0.0, 0)
    )

    def match_batch(batch: list) -> None:
        """The intake stage's way (worker.pipeline.analyse_many): the batch's candidate
        sentences parsed together, then each article matched."""
        views = [rules.view(ta) for ta in batch]
        readings = [(v, v.matching()) for v in views]
        rules.read_ahead(readings)
        for v, indices in readings:
            rules.alerts(v, indices, now=now)

    size = settings.intake_batch
    batches = [tagged[i : i + size] for i in range(0, len(tagged), size)]
    _, secs = timed(match_batch, batches, args.repeat)
    batched = secs * len(batches) / len(tagged)
    rows.append((f"match (shipped rule pack, the stream's batches of {size})", batched))
    step(
        "JSON between stages (article ×2, tagged ×1)",
        lambda ta: (
            Article.from_dict(json.loads(json.dumps(ta.article.to_dict()))),
            Article.from_dict(json.loads(json.dumps(ta.article.to_dict()))),
            json.loads(json.dumps(ta.to_dict())),
        ),
        tagged,
    )

    total = sum(s for _, s in rows)
    table = Table(
        title=f"pure transforms, {args.articles:,} generated ~{args.size / 1000:.0f} KB articles, "
        "one core (process CPU, best of passes)"
    )
    table.add_column("step")
    table.add_column("ms / article", justify="right")
    table.add_column("share", justify="right")
    for name, secs in rows:
        table.add_row(name, f"{secs * 1e3:.3f}", f"{secs / total:.0%}")
    table.add_row("[bold]total[/]", f"[bold]{total * 1e3:.3f}[/]", "")
    for name, secs in (
        ("match article by article (scan), not in the total", alone),
        ("match with no parse (symbol patterns), not in the total", symbols),
    ):
        table.add_row(name, f"{secs * 1e3:.3f}", "")
    # issue 12 budgets the parse at +0.3 ms per article on average
    table.add_row("the parse's cost: batches − no parse", f"{(batched - symbols) * 1e3:+.3f}", "")
    n_sent = sum(counts)
    table.add_row(
        f"dearest of the {len(candidates):,} articles with candidate sentences ({n_sent:,} in "
        f"all; its own: {counts[with_candidates[at]] if candidates else 0}), alone",
        f"{dearest * 1e3:.3f}",
        "",
    )
    table.add_row("ceiling, one core", f"{1 / total:,.0f} articles/s", "")
    Console().print(table)


if __name__ == "__main__":
    main()
