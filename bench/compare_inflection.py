"""Which way of matching inflected country names works: measured on the real reports.

Run:  python bench/compare_inflection.py   (needs the `names` extra: Babel, simplemma)

Three ways, same labels (bench/realnews/i18n/*.yaml), country P/R per language and µs/article:

- table: the shipped tagger (an Aho-Corasick automaton over the generated forms);
- simplemma: every token (and token pair) lemmatised at run time, looked up among the
  uninflected names and adjectives;
- snowball: every token (and pair) stemmed with the language's Snowball stemmer, looked up among
  the stemmed uninflected names and adjectives (Snowball has no Polish or Ukrainian stemmer:
  those fall back to the bare tokens).

The uninflected tables are the builder's own, without its inflection step, so only the way
inflection is handled differs.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_tag_i18n import I18N_LABELS, NOW, Counts, load_labels

from worker.errors import Reject
from worker.pipeline import load_articles
from worker.tools.build_names import LANGUAGES, build_language, english_capitals
from worker.transforms.folding import fold_words
from worker.transforms.tag import default_tagger

_TOKEN = re.compile(r"[^\W\d_]+")
SNOWBALL = {
    "ar": "arabic",
    "de": "german",
    "es": "spanish",
    "fr": "french",
    "it": "italian",
    "pt": "portuguese",
    "ru": "russian",
    "tr": "turkish",
}


def base_tables(lang: str) -> dict[str, str]:
    """Uninflected name/adjective/capital (folded) -> ISO3 for one language."""
    plain = dataclasses.replace(LANGUAGES[lang], genitive_s=False, arabic_clitics=False)
    out: dict[str, str] = {}
    for iso3, t in build_language(plain, english_capitals(), None).items():
        for s in t.names | t.adjectives | t.capitals:
            out.setdefault(fold_words(s).strip(), iso3)
    return out


def lookup(text: str, table: dict[str, str], norm: Callable[[str], str]) -> set[str]:
    tokens = [norm(t) for t in _TOKEN.findall(text)]
    grams = tokens + [f"{a} {b}" for a, b in itertools.pairwise(tokens)]
    return {table[g] for g in grams if g in table}


def main() -> int:
    import simplemma
    import snowballstemmer

    reports = load_labels(sorted(I18N_LABELS.glob("*.yaml")))
    tagger = default_tagger()
    scores: dict[str, dict[str, Counts]] = defaultdict(lambda: defaultdict(Counts))
    seconds: dict[str, float] = defaultdict(float)
    by_lang = defaultdict(list)
    for r in reports:
        if r.text_ok():
            by_lang[r.lang].append(r)
    for lang, reps in sorted(by_lang.items()):
        table = base_tables(lang)
        stem = snowballstemmer.stemmer(SNOWBALL[lang]).stemWord if lang in SNOWBALL else str
        stemmed = {" ".join(stem(w) for w in k.split()): v for k, v in table.items()}

        def lemma(tok: str, lang: str = lang) -> str:
            return fold_words(simplemma.lemmatize(tok, lang=lang)).strip()

        def stem_folded(tok: str, s: Callable[[str], str] = stem) -> str:
            return s(fold_words(tok))

        ways: dict[str, Callable[[str], set[str]]] = {
            "simplemma": lambda text, t=table, f=lemma: lookup(text, t, f),
            "snowball": lambda text, t=stemmed, f=stem_folded: lookup(text, t, f),
        }
        for rep in reps:
            text = rep.path.read_text(encoding="utf-8")
            articles = [a for a in load_articles([rep.path], now=NOW) if not isinstance(a, Reject)]

            def table_way(_: str, arts: list = articles) -> set[str]:
                return {c for a in arts for c in tagger.tag(a).countries}

            ways["table"] = table_way
            got: dict[str, set[str]] = {}
            for name, way in ways.items():
                way(text)  # warm: dictionaries load on first use, and that is not per article
                t0 = time.perf_counter()
                got[name] = way(text)
                seconds[name] += time.perf_counter() - t0
            for name, found in got.items():
                for key in (lang, "ALL"):
                    c = scores[name][key]
                    c.reports += 1
                    c.tp += len(found & rep.countries)
                    c.fp += len(found - rep.countries)
                    c.fn += len(rep.countries - found)
    n = sum(len(v) for v in by_lang.values())
    print(f"{'way':<10} {'lang':<5} {'P':>6} {'R':>6}")
    for name, per in scores.items():
        for lang in sorted(per, key=lambda k: (k == "ALL", k)):
            c = per[lang]
            print(f"{name:<10} {lang:<5} {c.precision():>6.3f} {c.recall():>6.3f}")
        print(f"{name:<10} time  {seconds[name] / n * 1e6:,.0f} µs/article (warm, one core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
