"""Benchmark the entity tagger: compile time, compiled memory, and articles/s on one core.

Run:  python bench/bench_tag.py [--articles 200] [--rounds 5] [--size 3000]

Articles are generated news-like text (~3 KB by default) from templates that mix gazetteer hits
(countries, demonyms, capitals, people, organisations, weapons, homonym traps) with neutral
filler, at roughly the entity density of wire copy. The generator is seeded, so runs compare.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rich.console import Console
from rich.table import Table

from worker.synth import make_article
from worker.transforms.gazetteer import compile_gazetteer, load_gazetteer
from worker.transforms.sentences import split_sentences
from worker.transforms.tag import Tagger


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200, help="distinct articles per round")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--size", type=int, default=3000, help="body size in characters")
    args = ap.parse_args()

    # Compile time (cold: pycountry + YAML parse + validation + automaton).
    t0 = time.perf_counter()
    gaz = load_gazetteer()
    t1 = time.perf_counter()
    compiled = compile_gazetteer(gaz)
    t2 = time.perf_counter()
    tagger = Tagger(compiled)

    # Memory of the compiled gazetteer: what a second compile keeps alive.
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = compile_gazetteer(load_gazetteer())
    gc.collect()
    compiled_bytes = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    automaton_bytes = kept.automaton.get_stats()["total_size"]
    del kept

    rng = random.Random(42)
    articles = [make_article(rng, args.size, i) for i in range(args.articles)]
    avg_len = statistics.mean(len(a.body) + len(a.title) for a in articles)
    for a in articles[:20]:
        tagger.tag(a)  # warm-up (fills the fold table's cache for non-ASCII code points)

    rates: list[float] = []
    for _ in range(args.rounds):
        gc.collect()
        t = time.perf_counter()
        for a in articles:
            tagger.tag(a)
        rates.append(len(articles) / (time.perf_counter() - t))
    # The sentence splitter alone, to show its share.
    t = time.perf_counter()
    for a in articles:
        split_sentences(a.body)
    split_rate = len(articles) / (time.perf_counter() - t)
    sample = tagger.tag(articles[0])
    mentions = statistics.mean(sum(e.count for e in tagger.tag(a).entities) for a in articles[:50])

    table = Table(title="newswatch tagger benchmark (one core)")
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_row("python", sys.version.split()[0])
    table.add_row("gazetteer patterns", f"{compiled.patterns:,}")
    table.add_row("gazetteer entities", f"{len(compiled.entities):,}")
    table.add_row("load + validate (pycountry + YAML)", f"{(t1 - t0) * 1000:.0f} ms")
    table.add_row("compile automaton", f"{(t2 - t1) * 1000:.0f} ms")
    table.add_row("compiled gazetteer memory (tracemalloc)", f"{compiled_bytes / 1e6:.2f} MB")
    table.add_row("automaton internal size (pyahocorasick)", f"{automaton_bytes / 1e6:.2f} MB")
    table.add_row("article size (title + body)", f"{avg_len:,.0f} chars")
    table.add_row("mentions per article", f"{mentions:.1f}")
    table.add_row("tagging, median of rounds", f"{statistics.median(rates):,.0f} articles/s")
    table.add_row("tagging, best round", f"{max(rates):,.0f} articles/s")
    table.add_row("per article (median)", f"{1e6 / statistics.median(rates):.0f} µs")
    table.add_row("sentence split alone", f"{split_rate:,.0f} articles/s")
    table.add_row("target", ">= 5,000 articles/s")
    Console().print(table)
    Console().print(f"sample countries: {sample.countries}  weapons: {sample.weapons}")


if __name__ == "__main__":
    main()
