"""Language identification with py3langid (langid.py's model, numpy-vectorised).

Chosen over lingua (hundreds of MB of models, slower) and fastText-based detectors (model files
fetched at run time): py3langid ships its ~4 MB model inside the wheel, classifies a 3 KB article
in ~0.2 ms after a ~1 s one-time load, and covers 97 languages. The model loads lazily so
importing the cleaner stays cheap.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_MIN_LETTERS = 20  # below this, any guess is noise
_MIN_CONFIDENCE = 0.5
_SAMPLE = 1200  # characters: ample for news prose; cost grows linearly with the sample
_CODE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or ``None`` when too short or too unsure."""
    sample = text[:_SAMPLE]
    if sum(map(str.isalpha, sample)) < _MIN_LETTERS:
        return None
    lang, prob = _identifier().classify(sample)
    return str(lang) if prob >= _MIN_CONFIDENCE else None


def normalise_language(value: str | None) -> str | None:
    """A producer's language tag → its lower-case primary subtag (``"en-GB"`` → ``"en"``)."""
    if not value or not _CODE.match(value.strip()):
        return None
    return re.split(r"[-_]", value.strip())[0].lower()
