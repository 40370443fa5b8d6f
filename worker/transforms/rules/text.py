"""Text normalisation shared by rule compilation and matching.

Rules and articles go through the same folding (lower case, Latin diacritics stripped) and the
same tokenisation (runs of word characters), so ``S-400`` is the two tokens ``s 400`` on both
sides and a phrase is a substring of the space-joined token string. Folding keeps the length of
the text, so token spans found on the folded text are valid offsets into the original.
"""

from __future__ import annotations

import re
from functools import lru_cache

from worker.transforms.folding import fold_letters

# Arabic vowel signs (harakat, tanween, shadda, sukun, the dagger alef) and the tatweel (a
# stretching stroke): optional in news copy ("رسمياً" is "رسميا"). The signs are combining marks,
# not \w, so without this they split a word in three ("ورّدت" → "ور", "ّ", "دت").
_ARABIC_MARKS = "\u064b-\u065f\u0670\u0640"
_BARE = dict.fromkeys([*range(0x064B, 0x0660), 0x0670, 0x0640])
_MARKED = re.compile(f"[{_ARABIC_MARKS}]")
# The rule matcher's tokens: runs of word characters (Arabic vowel signs inside them)
WORD = re.compile(rf"(?:\w|[{_ARABIC_MARKS}])+")
# The relation reader's tokens (pairs.py, transfer.py): word runs (with any Arabic vowel signs
# inside them) and each punctuation mark on its own, so "go-ahead" is "go - ahead" in a sentence
# and in a lexicon phrase alike.
SENT_TOKEN = re.compile(rf"{WORD.pattern}|[^\w\s]")


def bare(token: str) -> str:
    """A token without Arabic vowel signs or tatweel, as the word lists write it."""
    return token if token.isascii() else token.translate(_BARE)


# ASCII bytes that are not word characters, mapped to spaces: on ASCII text ``\w`` is exactly
# [A-Za-z0-9_], so translate + split gives the regex's tokens about twice as fast.
_NON_WORD = bytes(
    c if (chr(c).isascii() and (chr(c).isalnum() or c == ord("_"))) else ord(" ")
    for c in range(256)
)


def tokens(text: str) -> list[str]:
    """Folded tokens of ``text`` (runs of word characters)."""
    folded = fold_letters(text)
    if folded.isascii():
        return folded.encode("ascii").translate(_NON_WORD).decode("ascii").split()
    if _MARKED.search(folded):
        return [bare(t) for t in WORD.findall(folded)]
    return WORD.findall(folded)


def spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the tokens of ``text`` (same order as :func:`tokens`)."""
    return [m.span() for m in WORD.finditer(fold_letters(text))]


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
    for raw in re.findall(r"[\w*?]+", fold_letters(text)):
        out.append(raw)
    return tuple(out)
