"""Cleaning and dedupe throughput on one core.

    python bench/bench_clean.py [--seconds 3]

Inputs: a ~3 KB plain-text dump (the seed story, glued Source header and all) and a ~30 KB HTML
page (the same story inside navigation, sidebars, scripts and a footer, the way news sites ship
it). Each row is the median of five timed runs after a warm-up.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from worker.transforms.clean import clean
from worker.transforms.dedupe import Deduper

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "data" / "intake" / "seed_news_bharati.txt"
NOW = datetime(2024, 1, 1, tzinfo=UTC)


def text_item() -> dict[str, str]:
    text = SEED.read_text("utf-8")
    extra = "\n\nAnalysts said the meeting could reshape the regional balance of power."
    while len(text.encode()) < 3000:
        text += extra
    return {"text": text, "origin": "bench.txt"}


def html_item() -> dict[str, str]:
    story = SEED.read_text("utf-8").split("\n", 2)[2]
    paras = "".join(f"<p>{p}</p>\n" for p in story.split("\n") if p.strip())
    nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(60))
    related = "".join(
        f'<li><a href="/story/{i}">Related headline number {i} about other news</a></li>'
        for i in range(80)
    )
    script = "<script>var cfg = {" + ",".join(f'"k{i}": {i}' for i in range(600)) + "};</script>"
    footer = "".join(f'<a href="/f/{i}">Footer link {i}</a> ' for i in range(60))
    page = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Putin, Erdogan vow to improve ties | News Bharati</title>"
        "<meta property='og:site_name' content='News Bharati English'>"
        "<meta property='article:published_time' content='2017-03-12T11:32:32+05:30'>"
        f"{script}</head><body><header><nav><ul>{nav}</ul></nav></header>"
        f"<main><article><h1>Putin, Erdogan vow to improve ties</h1>{paras}</article>"
        f"<aside><h3>Related</h3><ul>{related}</ul></aside></main>"
        f"<footer>{footer}<p>Copyright 2017 News Bharati. All rights reserved.</p></footer>"
        "</body></html>"
    )
    while len(page.encode()) < 30_000:
        page = page.replace("</footer>", f"<p>{footer}</p></footer>", 1)
    return {"html": page, "origin": "bench.html"}


def rate(fn: Callable[[], object], seconds: float) -> float:
    """Calls per second: median of five runs of about ``seconds / 5`` each."""
    fn()  # warm-up: loads the language model, compiles regexes
    rates = []
    for _ in range(5):
        n, start = 0, time.perf_counter()
        while (elapsed := time.perf_counter() - start) < seconds / 5:
            fn()
            n += 1
        rates.append(n / elapsed)
    return statistics.median(rates)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="time per row")
    args = parser.parse_args()

    text, html = text_item(), html_item()
    article = clean(text, now=NOW)
    counter = iter(range(10**9))

    def dedupe_one() -> None:
        # a fresh id each time so every call does the full look-up and registration
        dd.add(replace(article, id=f"{next(counter):016x}"))

    dd = Deduper()
    text_kb, html_kb = len(text["text"].encode()) / 1000, len(html["html"].encode()) / 1000
    rows = [
        (f"clean: text dump ({text_kb:.1f} KB)", lambda: clean(text, now=NOW)),
        (f"clean: HTML page ({html_kb:.1f} KB)", lambda: clean(html, now=NOW)),
        ("dedupe: add (3 KB body, growing state)", dedupe_one),
    ]
    print(f"{'case':<42} {'articles/s':>12} {'ms/article':>11}")
    print("-" * 67)
    for name, fn in rows:
        r = rate(fn, args.seconds)
        print(f"{name:<42} {r:>12,.0f} {1000 / r:>11.2f}")


if __name__ == "__main__":
    main()
