"""Text-level repairs: unicode, whitespace, paragraphs, CMS debris, hashing normal form.

Every function here is pure and total over ``str`` (never raises on odd input), so the cleaner can
chain them without guards.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import ftfy
import yaml

# ftfy's defaults, except that curly quotes stay curly: we repair text, we do not restyle it.
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, normalization="NFC", explain=False)

# Characters that render as nothing or break tokenisation: zero-width space/joiners, word joiner,
# BOM, soft hyphen. The joiners matter in Indic/Arabic script, but in news text from scraped CMS
# pages they are overwhelmingly debris; NFC text without them still reads correctly.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_HSPACE = re.compile(r"[^\S\n]+")  # any whitespace but newline (NBSP, thin space, tabs...)
# C0/C1 controls, and lone surrogates (undecodable bytes smuggled through surrogateescape)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_BLANK_RUN = re.compile(r"\n[ \t]*\n\s*")
# A line ending like this closes a sentence; a break after it is a paragraph break in dumps that
# put one paragraph per line (like the seed) rather than hard-wrapping.
_SENTENCE_END = re.compile(r"[.!?:;\"'”’»)\]]\s*$")
# A line with no sentence end is still a paragraph of its own when it looks like a heading (a
# headline over its lede, a subheading, a related-story link, a dateline line): the next line
# opens with a capital or a digit, and the line is much shorter than the block's longest line
# (a hard-wrapped paragraph's lines all come near the wrap width) and does not end on a mark or
# a function word that asks for more ("… announced at the" / "Paris air show …" is a wrap).
_HEADING_SHARE = 0.6
_HEADING_MAX = 160
_CONTINUES = re.compile(
    r"(?:[,(/&+–—-]|\b(?:the|a|an|of|to|and|or|for|in|on|at|by|with|from|as|that|than|into))$"
)
_OPENING = "\"'“‘«(["


def repair_unicode(text: str) -> str:
    """Fix mojibake and HTML entities (ftfy), NFC-normalise, drop invisible and control chars."""
    # Plain ASCII without entities has nothing for ftfy to fix (and is NFC already); skipping it
    # saves ~1 ms on a typical English article.
    if not text.isascii() or "&" in text:
        try:
            text = ftfy.fix_text(text, _FTFY)
        except Exception:  # ftfy is total on str in practice; a bug must not cost the article
            text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    return _CONTROL.sub("", text.translate(_INVISIBLE))


def strip_controls(text: str) -> str:
    """Drop control characters and lone surrogates (for values such as URLs that must not be
    otherwise rewritten)."""
    return _CONTROL.sub("", text)


def normalise_whitespace(text: str) -> str:
    """Collapse horizontal whitespace (incl. NBSP) to one space per run and trim every line;
    runs of blank lines become one blank line."""
    lines = [_HSPACE.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip()


def paragraphs(text: str) -> list[str]:
    """Split normalised text into paragraphs.

    Blank lines always separate paragraphs. A single newline separates paragraphs too when the
    line before it ends a sentence (one-paragraph-per-line dumps) or looks like a heading
    (``_heading``); otherwise it is a hard wrap inside a paragraph and becomes a space.
    """
    out: list[str] = []
    for block in text.split("\n\n"):
        lines = [line for line in block.split("\n") if line]
        width = _typical_width(lines)
        current: list[str] = []
        for n, line in enumerate(lines):
            current.append(line)
            if _SENTENCE_END.search(line) or (
                n + 1 < len(lines) and _heading(line, lines[n + 1], width)
            ):
                out.append(" ".join(current))
                current = []
        if current:
            out.append(" ".join(current))
    return out


def _typical_width(lines: list[str]) -> int:
    """The width a block's lines are wrapped at: its longest line, or, from four lines on, its
    upper-quartile length, so one long line (a URL, a source line, a table row) does not make
    every wrapped line look short enough to be a heading."""
    widths = sorted(len(line) for line in lines)
    if len(widths) < 4:
        return widths[-1] if widths else 0
    return widths[(3 * (len(widths) - 1)) // 4]


def _heading(line: str, nxt: str, width: int) -> bool:
    """Does ``line`` (no sentence end) stand alone above ``nxt`` in a block wrapped at ``width``
    characters (``_typical_width``)? See ``_HEADING_SHARE``."""
    if len(line) > _HEADING_MAX or len(line) >= _HEADING_SHARE * width:
        return False
    if " " not in line:
        return False  # one word: a kicker or section label ("Defence") over the headline
    if _CONTINUES.search(line):
        return False
    first = nxt.lstrip(_OPENING)[:1]
    return first.isupper() or first.isdigit()


@dataclass(frozen=True, slots=True)
class ArtifactRules:
    """Compiled debris patterns (see ``worker/data/clean/artifacts.yaml``)."""

    inline: re.Pattern[str] | None
    lines: re.Pattern[str] | None

    @classmethod
    def from_lists(cls, inline: list[str], lines: list[str]) -> ArtifactRules:
        return cls(
            inline=re.compile("|".join(f"(?:{p})" for p in inline)) if inline else None,
            lines=(
                re.compile("|".join(f"(?:{p})" for p in lines), re.IGNORECASE) if lines else None
            ),
        )


@lru_cache(maxsize=1)
def default_artifacts() -> ArtifactRules:
    """The shipped debris list, loaded once."""
    data = yaml.safe_load(
        resources.files("worker").joinpath("data/clean/artifacts.yaml").read_text("utf-8")
    )
    return ArtifactRules.from_lists(list(data.get("inline") or []), list(data.get("lines") or []))


def strip_artifacts(paras: list[str], rules: ArtifactRules | None = None) -> list[str]:
    """Remove CMS debris from paragraphs without eating neighbouring words.

    Inline debris becomes a space (so ``"said.Embeded ObjectBoth"`` reads ``"said. Both"``);
    paragraphs that are debris as a whole are dropped; paragraphs left empty disappear.
    """
    rules = rules or default_artifacts()
    out = []
    for para in paras:
        if rules.inline is not None:
            para = _HSPACE.sub(" ", rules.inline.sub(" ", para)).strip()
        if not para or (rules.lines is not None and rules.lines.fullmatch(para)):
            continue
        out.append(para)
    return out


_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Case-folded word tokens: the unit for hashing and shingling (punctuation and spacing
    differences between syndicated copies must not matter)."""
    return _WORD.findall(text.casefold())


def content_hash(text: str) -> str:
    """SHA-1 hex of the text's normal form (case-folded words joined by single spaces)."""
    return hashlib.sha1(" ".join(words(text)).encode("utf-8")).hexdigest()


def truncate(text: str, limit: int) -> str:
    """Cut at a word boundary to at most ``limit`` characters, marking the cut with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"
