"""Folding text for comparison: one character in, one character out.

Both the gazetteer and the rule language compare folded text, and both find spans on it that
must be valid offsets into the original, so folding never changes a string's length. Two forms:

* :func:`fold_letters`: letters and digits lower-cased without accents, every other character
  kept (rule queries and the text they search: ``S-400`` stays ``s-400``);
* :func:`fold_words`: the same, and every other character a space (gazetteer aliases and the
  text they are looked up in: word boundaries are spaces).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

# Letters without a decomposition that news copy still spells with or without the diacritic.
_SPECIAL = {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŀ": "l", "ŧ": "t"}
# Arabic letters written either way in news copy: alef maqsura for final yeh ("السعودى"), and the
# Persian/Urdu code points keyboards produce for yeh and kaf.
_SPECIAL.update({"ى": "ي", "ی": "ي", "ک": "ك"})


def _fold_letter(ch: str) -> str:
    """One letter or digit lower-cased without its accents (when that stays one character)."""
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    if len(base) == 1:
        ch = base
    low = ch.lower()
    if len(low) == 1:
        ch = low
    return _SPECIAL.get(ch, ch)


def fold_char(ch: str) -> str:
    """Fold one character the :func:`fold_words` way."""
    return _fold_letter(ch) if ch.isalnum() else " "


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table that fills itself on first sight of each code point."""

    def __init__(self, fold: Callable[[str], str]):
        super().__init__()
        self.fold = fold
        for code in range(256):
            self[code] = fold(chr(code))

    def __missing__(self, code: int) -> str:
        folded = self.fold(chr(code))
        self[code] = folded
        return folded


FOLD_TABLE = _FoldTable(fold_char)
_LETTERS_TABLE = _FoldTable(lambda ch: _fold_letter(ch) if ch.isalnum() else ch)


def fold_words(text: str) -> str:
    """Letters and digits folded, everything else a space; ``len`` unchanged."""
    return text.translate(FOLD_TABLE)


def fold_letters(text: str) -> str:
    """Letters and digits folded, everything else kept; ``len`` unchanged."""
    if text.isascii():  # the common case, about ten times faster than translate
        return text.lower()
    return text.translate(_LETTERS_TABLE)
