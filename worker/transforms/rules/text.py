"""Text normalisation shared by rule compilation and matching.

Rules and articles go through the same folding (lower case, Latin diacritics stripped) and the
same tokenisation (runs of word characters), so ``S-400`` is the two tokens ``s 400`` on both
sides and a phrase is a substring of the space-joined token string. Folding keeps the length of
the text, so token spans found on the folded text are valid offsets into the original.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

WORD = re.compile(r"\w+")


def _build_fold_table() -> dict[int, int]:
    """One-to-one character map for Latin letters with diacritics (keeps string length)."""
    table: dict[int, int] = {}
    for cp in range(0x00C0, 0x0250):
        ch = chr(cp)
        base = unicodedata.normalize("NFKD", ch)
        letters = [c for c in base if not unicodedata.combining(c)]
        if len(letters) == 1 and letters[0] != ch:
            table[cp] = ord(letters[0].lower())
    # Letters without a decomposition that readers still expect to fold.
    for src, dst in {"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ı": "i"}.items():
        table[ord(src)] = ord(dst)
    return table


_FOLD = _build_fold_table()


def fold(text: str) -> str:
    """Lower-case and strip Latin diacritics without changing the length of ``text``."""
    low = text.lower()
    if len(low) != len(text):
        # A few characters lower-case to two (e.g. "İ"); fold those one by one.
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if not low.isascii():
        low = low.translate(_FOLD)
    return low


# ASCII bytes that are not word characters, mapped to spaces: on ASCII text ``\w`` is exactly
# [A-Za-z0-9_], so translate + split gives the regex's tokens about twice as fast.
_NON_WORD = bytes(
    c if (chr(c).isascii() and (chr(c).isalnum() or c == ord("_"))) else ord(" ")
    for c in range(256)
)


def tokens(text: str) -> list[str]:
    """Folded tokens of ``text`` (runs of word characters)."""
    folded = fold(text)
    if folded.isascii():
        return folded.encode("ascii").translate(_NON_WORD).decode("ascii").split()
    return WORD.findall(folded)


def spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the tokens of ``text`` (same order as :func:`tokens`)."""
    return [m.span() for m in WORD.finditer(fold(text))]


@lru_cache(maxsize=4096)
def glob_regex(pattern: str) -> re.Pattern[str]:
    """Compile a single-token glob (``*`` any run, ``?`` one character) to an anchored regex."""
    parts = []
    for ch in pattern:
        if ch == "*":
            parts.append(r"\w*")
        elif ch == "?":
            parts.append(r"\w")
        else:
            parts.append(re.escape(ch))
    return re.compile("".join(parts) + r"\Z")


def is_glob(token: str) -> bool:
    return "*" in token or "?" in token


def split_pattern(text: str) -> tuple[str, ...]:
    """Tokenise a term or phrase from a rule, keeping ``*``/``?`` inside tokens as globs."""
    out = []
    for raw in re.findall(r"[\w*?]+", fold(text)):
        out.append(raw)
    return tuple(out)
