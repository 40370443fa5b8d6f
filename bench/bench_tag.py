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

from worker.model import Article
from worker.transforms.gazetteer import compile_gazetteer, load_gazetteer
from worker.transforms.sentences import split_sentences
from worker.transforms.tag import Tagger

ACTORS = [
    ("Russia", "Russian", "Moscow", "Vladimir Putin", "the Kremlin"),
    ("Turkey", "Turkish", "Ankara", "Recep Tayyip Erdogan", "Erdogan"),
    ("Syria", "Syrian", "Damascus", "Bashar al-Assad", "Assad"),
    ("the United States", "American", "Washington", "Donald Trump", "the White House"),
    ("China", "Chinese", "Beijing", "Xi Jinping", "Xi"),
    ("India", "Indian", "New Delhi", "Narendra Modi", "Modi"),
    ("Ukraine", "Ukrainian", "Kyiv", "Volodymyr Zelensky", "Zelensky"),
    ("Israel", "Israeli", "Tel Aviv", "Benjamin Netanyahu", "Netanyahu"),
    ("Iran", "Iranian", "Tehran", "Ali Khamenei", "Khamenei"),
    ("Germany", "German", "Berlin", "Friedrich Merz", "Merz"),
    ("France", "French", "Paris", "Emmanuel Macron", "Macron"),
    ("Saudi Arabia", "Saudi", "Riyadh", "Mohammed bin Salman", "the crown prince"),
]
ORGS = [
    "NATO",
    "the European Union",
    "the United Nations",
    "the IAEA",
    "OPEC",
    "Hezbollah",
    "Hamas",
    "the Islamic State group",
    "the EU",
    "the UN Security Council",
]
WEAPONS = [
    "S-400",
    "F-35",
    "F-16",
    "Patriot",
    "Rafale",
    "BrahMos",
    "Shahed-136",
    "HIMARS",
    "Leopard 2",
    "Bayraktar TB2",
    "Su-35",
    "Iron Dome",
    "J-20",
    "Javelin",
    "Storm Shadow",
    "ATACMS",
]
TEMPLATES = [
    "{a_dem} officials said on {day} that talks with {b} on the purchase of {w} systems had "
    "entered a final stage, according to people familiar with the matter.",
    "{a_person} told reporters in {a_cap} that {a} would not accept conditions set by {b_cap}.",
    "The deal, worth an estimated ${n} billion, would include training for {a_dem} crews and "
    "spare parts for a fleet of {w} launchers delivered over {k} years.",
    "Analysts at a research institute said the move could strain relations between {a} and "
    "{org}, which has repeatedly warned members against buying {b_dem} equipment.",
    "{b_person} praised the agreement during a televised address, saying {b} was proud to work "
    "with a partner that respects its sovereignty.",
    "Mr. {a_short} is expected to travel to {b_cap} later this month, his office said in a "
    "statement released late on {day}.",
    "Shares of defence companies rose 2.5% in early trading, while the local currency slipped "
    "against the dollar amid concerns about possible sanctions.",
    "Diplomats at {org} described the talks as constructive but said several issues, including "
    "the delivery schedule and financing, remained unresolved.",
    "Earlier this year {a_dem} forces conducted exercises near the border, using {w} batteries "
    "alongside older air defence units, the defence ministry said.",
    "Residents interviewed by phone said prices for bread and fuel had climbed sharply since the "
    "start of the year, and many families were struggling to cope.",
    "A spokesman for {c_cap} said the government was monitoring the situation closely and "
    "would respond to any threat to regional stability.",
    "The U.S. State Department said it was aware of the reports and urged all parties to avoid "
    "steps that could escalate tensions in the region.",
    "Critics in {c} argued that the purchase would undermine years of cooperation with {org} "
    "and leave the country dependent on a single supplier.",
    "Thanksgiving shoppers paid more for a whole turkey this year, and us consumers also saw "
    "china plates and other tableware rise in price.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def make_article(rng: random.Random, size: int, i: int) -> Article:
    """A news-like article of about ``size`` characters."""
    a, b, c = rng.sample(ACTORS, 3)
    title = f"{a[0][0].upper() + a[0][1:]} weighs {rng.choice(WEAPONS)} deal with {b[0]}"
    paras: list[str] = []
    length = 0
    while length < size:
        sents = []
        for _ in range(rng.randint(2, 4)):
            t = rng.choice(TEMPLATES)
            s = t.format(
                a=a[0],
                a_dem=a[1],
                a_cap=a[2],
                a_person=a[3],
                a_short=a[4].split()[-1],
                b=b[0],
                b_dem=b[1],
                b_cap=b[2],
                b_person=b[3],
                c=c[0],
                c_cap=c[2],
                org=rng.choice(ORGS),
                w=rng.choice(WEAPONS),
                day=rng.choice(DAYS),
                n=rng.randint(1, 20),
                k=rng.randint(2, 6),
            )
            sents.append(s[0].upper() + s[1:])
        para = " ".join(sents)
        paras.append(para)
        length += len(para) + 2
    body = "\n\n".join(paras)[:size]
    return Article(id=f"bench-{i}", title=title, body=body)


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
