"""How a language lexicon reads an inflected token as one of its listed class words.

Two ways, both data:

* **listed stems** (``teslim*`` in a language file, ``teslim_`` once merged): a token that
  starts with one is read as that stem, the longest first ("teslimatının" → ``teslim_``);
* **Snowball stems** (a language file's ``stemmer:``, the name of a Snowball algorithm in
  `snowballstemmer`): the whole words listed in the classes named ``stemmed`` are stemmed once,
  and a token whose own stem is one of theirs also reads as a word of those classes — French
  "livrera" as a ``sell`` word because "livrer" is one, Italian "consegnerà" because
  "consegna" is. Inflections nobody listed are read without listing them.

A word listed whole is always read as itself ("verkaufen" a verb, though "verkauf*" is a noun),
so the readings are additive: a token keeps what its listed stem gave it (class and status) and
gains the classes of the words sharing its Snowball stem. The status of a transfer depends on
tense ("livré" delivered, "livrera" not yet), so a Snowball stem never carries a status; only a
listed form or listed stem does.

The reader returns one string per token; the pattern matcher compares strings, so a token with
a listed stem *and* a Snowball stem reads as a key naming both (``consegn___consegn``), which
:func:`StemReader.members` lists, at compile time, in every class and status of either.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from worker.transforms.folding import fold_letters

STEM_MARK = "_"  # a listed stem in the symbol line: a word character, so "füze_" stays one token
SNOWBALL_MARK = "__"  # a Snowball key: "<listed stem or nothing>__<snowball stem>"
_WORD = re.compile(r"^\w+$")
_CACHE_MAX = 100_000


class StemmerError(ValueError):
    """A ``stemmer:`` that names no Snowball algorithm (the message says which exist)."""


def snowball(algorithm: str) -> Callable[[str], str]:
    """The Snowball stemmer ``algorithm`` (e.g. ``french``) as a function of a lower-case word."""
    import snowballstemmer

    known = snowballstemmer.algorithms()
    if algorithm not in known:
        raise StemmerError(
            f"stemmer: {algorithm!r} is not a Snowball algorithm (snowballstemmer has: "
            f"{', '.join(sorted(known))})"
        )
    return snowballstemmer.stemmer(algorithm).stemWord


def _lower(orig: str, folded: str) -> str:
    """The token as written, lower-cased; the folded token when lower-casing changes its length
    (Turkish "İ"), since the stem must still fold to a string the keys were built from."""
    low = orig.lower()
    return low if len(low) == len(orig) else folded


@dataclass(slots=True)
class StemReader:
    """Reads a folded token (and, for Snowball, the token as written) as its class word."""

    exact: frozenset[str]
    prefixes: re.Pattern[str] | None
    snowball: Callable[[str], str] | None = None
    # Snowball key -> (classes, statuses) it belongs to; built by ``add_snowball``
    keys: dict[str, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)
    _cache: dict[str, str] = field(default_factory=dict)

    @classmethod
    def listed(cls, words: Iterable[str]) -> StemReader | None:
        """A reader of listed stems only (``stem_``); None when no word is a stem."""
        words = list(words)
        stems = {fold_letters(w[:-1]) for w in words if w.endswith(STEM_MARK) and len(w) > 1}
        if not stems:
            return None
        exact = frozenset(fold_letters(w) for w in words if not w.endswith(STEM_MARK))
        return cls(exact, _prefix_regex(stems))

    def __call__(self, tok: str, orig: str | None = None) -> str:
        key = tok if orig is None or self.snowball is None else orig
        out = self._cache.get(key)
        if out is None:
            out = self._read(tok, orig)
            if len(self._cache) < _CACHE_MAX:
                self._cache[key] = out
        return out

    def _read(self, tok: str, orig: str | None) -> str:
        if tok in self.exact:
            return tok
        m = self.prefixes.match(tok) if self.prefixes is not None else None
        prefix = m.group() if m else ""
        if self.snowball is not None and orig is not None:
            key = prefix + SNOWBALL_MARK + fold_letters(self.snowball(_lower(orig, tok)))
            if key in self.keys:
                return key
        return prefix + STEM_MARK if prefix else tok

    def add_snowball(
        self,
        stem: Callable[[str], str],
        classes: Mapping[str, Iterable[str]],
        status: Mapping[str, Iterable[str]],
        stemmed: Iterable[str],
    ) -> None:
        """Read tokens by the Snowball stems of the whole one-word entries of the ``stemmed``
        classes (words as listed, accents kept: the stemmers expect them)."""
        by_stem: dict[str, set[str]] = {}
        for name in stemmed:
            for w in classes.get(name) or ():
                if w.endswith(STEM_MARK) or not _WORD.match(w):
                    continue  # a listed stem keeps its own reading; phrases are not stemmed
                by_stem.setdefault(fold_letters(stem(w.lower())), set()).add(name)
        prefix_of = _holders(classes)
        status_of = _holders(status)
        prefixes = {p[:-1] for p in (*prefix_of, *status_of) if p.endswith(STEM_MARK)}
        self.snowball = stem
        self._cache.clear()
        for s, names in by_stem.items():
            for p in ("", *(p for p in prefixes if s.startswith(p) or p.startswith(s))):
                had = prefix_of.get(p + STEM_MARK, frozenset()) if p else frozenset()
                if names <= had:
                    continue  # the listed stem already reads the token as these classes
                sts = status_of.get(p + STEM_MARK, frozenset()) if p else frozenset()
                self.keys[p + SNOWBALL_MARK + s] = (frozenset(names | had), sts)

    def members(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """The Snowball keys to add to each class and each status (compile time)."""
        classes: dict[str, list[str]] = {}
        status: dict[str, list[str]] = {}
        for key, (names, sts) in sorted(self.keys.items()):
            for n in names:
                classes.setdefault(n, []).append(key)
            for st in sts:
                status.setdefault(st, []).append(key)
        return classes, status


def _prefix_regex(stems: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True)))


def _holders(groups: Mapping[str, Iterable[str]]) -> dict[str, frozenset[str]]:
    """Folded listed word -> the groups (classes or statuses) that list it."""
    out: dict[str, set[str]] = {}
    for name, words in groups.items():
        for w in words or ():
            out.setdefault(fold_letters(w), set()).add(name)
    return {w: frozenset(n) for w, n in out.items()}
