"""How a language lexicon reads an inflected token as one of its listed class words.

Four ways, tried in this order, all data:

* a word **listed whole** is read as itself ("verkaufen" a verb, though "verkauf*" is a noun);
* **listed stems** (``teslim*`` in a language file, ``teslim_`` once merged): a token that
  starts with one is read as that stem, the longest first ("teslimatının" → ``teslim_``);
* **Snowball stems** (a language file's ``stemmer:``, a Snowball algorithm of
  `snowballstemmer`): the whole one-word entries of the classes named ``stemmed`` are stemmed
  once, and any other token whose own stem is one of theirs reads as the key ``__<stem>``,
  which those classes list: Spanish "adquirieron" is a ``buy`` word because "adquirir" is one.
  Inflections nobody listed are read without listing them;
* **compound heads** (a language file's ``compounds:``, German): a token none of the above
  reads and that ends in a listed word of the named classes is read as that word
  ("Flugabwehrraketen" → ``rakete_``), see :class:`Compounds`.

Snowball comes last so that it only adds readings to tokens nothing else read (measured: letting
it also widen tokens a listed stem reads, German "Kauf" the noun as the verb "kaufen", cost more
false pairs than it found right ones; docs/languages.md, tenth round). A Snowball key carries no
status: the status of a transfer depends on tense and voice ("livré" delivered, "livrera" not
yet), which a stem does not keep; only a listed form or listed stem says it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from worker.transforms.folding import fold_letters

log = logging.getLogger(__name__)
_warned: list[str] = []  # the pure-Python fallback is reported once per process

STEM_MARK = "_"  # a listed stem in the symbol line: a word character, so "füze_" stays one token
SNOWBALL_MARK = "__"  # a Snowball key: "<listed stem or nothing>__<snowball stem>"
_WORD = re.compile(r"^\w+$")
_CACHE_MAX = 100_000
# Shorter Snowball stems match too much: Turkish "aldı" → "al" and "indi" → "in" would read
# suffix tokens ("ini", "ine") as class words. Three letters stay: Slavic "kup", "куп" (buy).
MIN_STEM = 3


class StemmerError(ValueError):
    """A ``stemmer:`` that names no Snowball algorithm (the message says which exist)."""


def snowball(algorithm: str) -> Callable[[str], str]:
    """The Snowball stemmer ``algorithm`` (e.g. ``french``) as a function of a lower-case word.
    snowballstemmer hands out PyStemmer's compiled stemmer when that is installed (a dependency:
    the pure-Python one costs up to 0.2 ms a word, most of a Turkish report's reading)."""
    import snowballstemmer

    known = snowballstemmer.algorithms()
    if algorithm not in known:
        raise StemmerError(
            f"stemmer: {algorithm!r} is not a Snowball algorithm (snowballstemmer has: "
            f"{', '.join(sorted(known))})"
        )
    stemmer = snowballstemmer.stemmer(algorithm)
    if type(stemmer).__module__ != "Stemmer" and not _warned:
        # still right, but 30-60 times slower a word: say so once, not per language
        _warned.append(algorithm)
        log.warning(
            "PyStemmer is not installed: Snowball stems run in pure Python, 30-60x slower "
            "(pip install 'PyStemmer>=3.1,<4')"
        )
    # one stemmer object per language lexicon, used by one thread at a time (the event loop,
    # or the backtest's one worker thread); PyStemmer holds the GIL for the call
    return stemmer.stemWord


def _lower(orig: str, folded: str) -> str:
    """The token as written, lower-cased; the folded token when lower-casing changes its length
    (Turkish "İ"), since the stem must still fold to a string the keys were built from."""
    low = orig.lower()
    return low if len(low) == len(orig) else folded


def _memo(
    cache: dict[str, str],
    key: str,
    read: Callable[[str, str | None], str],
    tok: str,
    orig: str | None,
) -> str:
    """``read(tok, orig)``, remembered under ``key`` while the cache has room (a reader meets
    the same few thousand tokens again and again)."""
    out = cache.get(key)
    if out is None:
        out = read(tok, orig)
        if len(cache) < _CACHE_MAX:
            cache[key] = out
    return out


@dataclass(slots=True)
class StemReader:
    """Reads a folded token (and, for Snowball, the token as written) as its class word."""

    exact: frozenset[str]
    prefixes: re.Pattern[str] | None
    snowball: Callable[[str], str] | None = None
    # the Snowball keys ("__<stem>") some class lists; built by ``add_snowball``
    keys: frozenset[str] = frozenset()
    # words read as written rather than by Snowball stem (ignored words, pattern literals)
    literal: frozenset[str] = frozenset()
    # German-like compounds: a token nothing else reads, ending in a head word (``Compounds``)
    compounds: Compounds | None = None
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
        return _memo(self._cache, key, self._read, tok, orig)

    def _read(self, tok: str, orig: str | None) -> str:
        if tok in self.exact:
            return tok
        m = self.prefixes.match(tok) if self.prefixes is not None else None
        if m:
            return m.group() + STEM_MARK
        if self.snowball is not None and orig is not None and tok not in self.literal:
            key = SNOWBALL_MARK + fold_letters(self.snowball(_lower(orig, tok)))
            if key in self.keys:
                return key
        if self.compounds is not None:
            return self.compounds.head(tok) or tok
        return tok

    def add_snowball(
        self,
        stem: Callable[[str], str],
        classes: Mapping[str, Iterable[str]],
        stemmed: Iterable[str],
        literal: Iterable[str] = (),
        unstemmed: Iterable[str] = (),
    ) -> dict[str, list[str]]:
        """Read tokens by the Snowball stems of the whole one-word entries of the ``stemmed``
        classes (words as listed, accents kept: the stemmers expect them), except the folded
        ``literal`` words; returns the keys to add to each class (compile time). Listed words
        in ``unstemmed`` (folded) give no key: their stem is shared with common words of
        another sense (French "importe" and "important", German "traf" and "trafen" (met)),
        and so does a stem shorter than :data:`MIN_STEM` letters."""
        skip = frozenset(unstemmed)
        by_stem: dict[str, set[str]] = {}
        for name in stemmed:
            for w in classes.get(name) or ():
                if w.endswith(STEM_MARK) or not _WORD.match(w) or fold_letters(w) in skip:
                    continue  # a listed stem keeps its own reading; phrases are not stemmed
                key = fold_letters(stem(w.lower()))
                if len(key) >= MIN_STEM:
                    by_stem.setdefault(key, set()).add(name)
        self.snowball = stem
        self.literal = frozenset(literal)
        self.keys = frozenset(SNOWBALL_MARK + s for s in by_stem)
        self._cache.clear()
        members: dict[str, list[str]] = {}
        for s, names in sorted(by_stem.items()):
            for n in sorted(names):
                members.setdefault(n, []).append(SNOWBALL_MARK + s)
        return members


@dataclass(frozen=True, slots=True)
class Compounds:
    """Reads a compound ("Luftverteidigungssysteme", "Kampfflugzeuge") as its last part, the
    head, when the head is a listed word of a class that heads compounds: German writes its
    arms words inside compounds nobody can list ahead ("Flugabwehrraketen", "Kampfjets").

    A head is a whole listed word (the token's tail equals it) or a listed stem (the tail
    starts with it), at least ``min_head`` letters long, after a modifier of at least
    ``min_modifier`` letters; the longest head wins (the leftmost split). Tokens in ``excepted``
    (folded; ``word*`` a prefix) are never read as compounds ("Passagierflugzeug": civil)."""

    exact: frozenset[str]
    stems: re.Pattern[str] | None
    min_head: int
    min_modifier: int
    excepted: frozenset[str]
    excepted_prefixes: tuple[str, ...] = ()

    @classmethod
    def of(
        cls, heads: Iterable[str], min_head: int, min_modifier: int, excepted: Iterable[str]
    ) -> Compounds:
        words = [fold_letters(w) for w in heads]
        exact = frozenset(w for w in words if not w.endswith(STEM_MARK) and len(w) >= min_head)
        stems = {w[:-1] for w in words if w.endswith(STEM_MARK) and len(w) - 1 >= min_head}
        rx = _prefix_regex(stems) if stems else None
        out = [fold_letters(w) for w in excepted]
        whole = frozenset(w for w in out if not w.endswith("*"))
        prefixes = tuple(w[:-1] for w in out if w.endswith("*") and len(w) > 1)
        return cls(exact, rx, min_head, min_modifier, whole, prefixes)

    def head(self, tok: str) -> str | None:
        """The head word ``tok`` ends in (a stem written ``stem_``), or None."""
        if tok in self.excepted or tok.startswith(self.excepted_prefixes) or not _WORD.match(tok):
            return None
        for i in range(self.min_modifier, len(tok) - self.min_head + 1):
            tail = tok[i:]
            if tail in self.exact:
                return tail
            m = self.stems.match(tail) if self.stems is not None else None
            if m:
                return m.group() + STEM_MARK
        return None


def _prefix_regex(stems: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True)))


STATUS_MARK = "~"  # a status word read by Snowball stem: "~<stem>", never a class key
# status lists whose words' stems only take keys away from the others: a stem a request or a plan
# shares with an order cannot say which the token is
_UNSURE = ("talks", "intent")


@dataclass(slots=True)
class StatusReader:
    """Reads a folded token as a status word of a language lexicon, apart from the class reader:
    a status list never changes how a token reads as a class word, so it never changes which
    pairs are read (listed whole in ``StemReader``, Portuguese "venda" hid the noun of selling
    ``venda*`` and lost its pairs; docs/languages.md, sixteenth round).

    In order: a word listed whole in the status section is itself; a token starting with a
    listed status stem is that stem (``stem_``); else, with a Snowball stemmer, a token whose
    stem is that of a listed whole word of a ``stemmed`` status reads as ``~<stem>`` when what
    the stem leaves of it before and after (the affixes) are ones that some listed words of
    those statuses have. The affixes carry tense and voice, which decide a status ("firmado"
    agreed, "firmará" not yet): a form reads as a status only in an inflection the lists
    already give some of their words.
    A token that is a listed noun or starts with a listed noun stem (``nouns``: "compra*",
    "venda*", "zakup*") takes no status by Snowball stem: a present verb and a noun often share
    one form ("compra" buys, and the purchase), and a noun of buying says nothing of how far the
    deal has gone."""

    exact: frozenset[str]
    prefixes: re.Pattern[str] | None
    snowball: Callable[[str], str] | None = None
    keys: frozenset[str] = frozenset()
    # what stems leave before and after them in the listed words ("" and "ado" in "firmado";
    # Arabic "ال" before): a token's own must be among them
    before: frozenset[str] = frozenset()
    after: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()  # listed nouns, folded
    noun_stems: re.Pattern[str] | None = None  # listed noun stems
    _cache: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        status: Mapping[str, Iterable[str]],
        stem: Callable[[str], str] | None = None,
        stemmed: Iterable[str] = (),
        nouns: Iterable[str] = (),
        unstemmed: Iterable[str] = (),
    ) -> tuple[StatusReader, dict[str, list[str]]]:
        """The reader of a status section (words as listed, stems written ``stem_``) and the
        Snowball keys each ``stemmed`` status then lists. A stem two statuses share gives no
        key, nor one a talks or intent word has (Arabic "طلبية" an order, "طلب" a request): it
        cannot say which one the token is; nor do the (folded) ``unstemmed`` words, whose stem
        words of another sense share (Italian "libera" in "via libera", and "libero")."""
        words = [str(w) for ws in status.values() for w in ws]
        stems = {fold_letters(w[:-1]) for w in words if w.endswith(STEM_MARK) and len(w) > 1}
        exact = frozenset(fold_letters(w) for w in words if not w.endswith(STEM_MARK))
        reader = cls(exact, _prefix_regex(stems) if stems else None)
        if stem is None:
            return reader, {}
        by_stem: dict[str, set[str]] = {}
        before: set[str] = set()
        after: set[str] = set()
        skip = frozenset(unstemmed)
        for name in (*stemmed, *_UNSURE):
            for w in status.get(name) or ():
                if w.endswith(STEM_MARK) or not _WORD.match(w) or fold_letters(w) in skip:
                    continue
                s = fold_letters(stem(w.lower()))
                cut = _affix(fold_letters(w), s)
                if len(s) < MIN_STEM or cut is None:
                    continue
                by_stem.setdefault(s, set()).add(name)
                if name not in _UNSURE:
                    before.add(cut[0])
                    after.add(cut[1])
        keys = {s: n.pop() for s, n in by_stem.items() if len(n) == 1 and not n & set(_UNSURE)}
        reader.snowball, reader.before, reader.after = stem, frozenset(before), frozenset(after)
        nouns = [fold_letters(w) for w in nouns]
        reader.nouns = frozenset(w for w in nouns if not w.endswith(STEM_MARK))
        noun_stems = {w[:-1] for w in nouns if w.endswith(STEM_MARK) and len(w) > 1}
        reader.noun_stems = _prefix_regex(noun_stems) if noun_stems else None
        reader.keys = frozenset(STATUS_MARK + s for s in keys)
        members: dict[str, list[str]] = {}
        for s, name in sorted(keys.items()):
            members.setdefault(name, []).append(STATUS_MARK + s)
        return reader, members

    def __call__(self, tok: str, orig: str) -> str:
        """``tok`` folded, ``orig`` as written."""
        return _memo(self._cache, orig, self._read, tok, orig)

    def _noun(self, tok: str) -> bool:
        stems = self.noun_stems
        return tok in self.nouns or (stems is not None and stems.match(tok) is not None)

    def _read(self, tok: str, orig: str) -> str:
        if tok in self.exact:
            return tok
        m = self.prefixes.match(tok) if self.prefixes is not None else None
        if m:
            return m.group() + STEM_MARK
        if self.snowball is not None and self.keys and not self._noun(tok):
            s = fold_letters(self.snowball(_lower(orig, tok)))
            cut = _affix(tok, s) if STATUS_MARK + s in self.keys else None
            if cut is not None and cut[0] in self.before and cut[1] in self.after:
                return STATUS_MARK + s
        return tok


def _affix(word: str, stem: str) -> tuple[str, str] | None:
    """What a stem leaves of a folded word, before and after it ("firm" in "firmado": ("",
    "ado")); None when the stem is not inside the word (a stemmer that rewrites letters)."""
    at = word.find(stem) if stem else -1
    return None if at < 0 else (word[:at], word[at + len(stem) :])
