"""Context conditions for homonyms ("Turkey" the bird, "Georgia" the US state, "Jordan" the player).

A gazetteer alias may carry ``reject_if`` / ``keep_if`` lists of conditions. Each condition is one
of the small named predicates below; the gazetteer files refer to them by name, so new homonyms
are data, not code. Predicates only run for aliases that carry conditions, i.e. rarely.

Offsets: ``start``/``end`` index the original field text; ``norm`` is the folded text of the
same field with one padding space on each side, so ``norm[i + 1]`` folds ``text[i]``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

# The word right after / right before a match, in the original text (case matters here).
_WORD_AFTER = re.compile(r"[ \u00a0]+([^\W\d_][\w'’.-]*)")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’.-]*)[ \u00a0]+$")
_WORDS = re.compile(r"[^\W\d_]+")


def _words(text: str) -> list[str]:
    return text.split()


# Capitalised words that follow a place name without making it part of a personal name
# ("Chad President ...", "Jordan Valley", "Georgia Governor").
FOLLOWER_STOPWORDS = frozenset(
    _words(
        """president presidents prime minister ministers government governments army armed forces
        force foreign military national state states defence defense interior ministry embassy
        parliament council police air navy security basin lake river valley republic coast gulf sea
        central bank airways airlines senate house governor supreme court election elections
        commission revolutionary islamic football cup fc olympic times post news radio tv king queen
        crown prince princess kingdom people peoples opposition border borders capital city cities
        region province provinces authorities officials troops soldiers rebels leader leaders
        regime junta cabinet media agency agencies hospital university universities on in at and
        or to from for with by said says"""
    )
)
# Capitalised words that precede a place name without being a first name ("In Jordan",
# "Neighbouring Jordan", "Visit Georgia", "Northern Chad").
PRECEDER_STOPWORDS = frozenset(
    _words(
        """in on at from to of for with and but or the a an neighbouring neighboring both while
        unlike
        like across inside outside within throughout into where when meanwhile visit visiting
        northern southern eastern western central north south east west northeast northwest
        southeast southwest rural modern ancient democratic communist neutral occupied independent
        greater mainland than including against toward towards beyond near between via about
        after before since during despite under over through as if whereas unlike only even also
        then now today yesterday tomorrow why how what which who said says president minister
        king queen prince princess sheikh emir ambassador envoy leader premier chancellor
        secretary officials authorities government troops forces says"""
    )
)


@dataclass(slots=True)
class MatchContext:
    """Where a candidate match sits: its field text, folded text, and (for the body) sentences."""

    text: str
    norm: str
    field: str
    sentences: list[tuple[int, int]]
    article_norm: Callable[[], str]
    _title_case: bool | None = field(default=None)

    def sentence_span(self, start: int) -> tuple[int, int]:
        if self.field != "body" or not self.sentences:
            return 0, len(self.text)
        for a, b in self.sentences:
            if a <= start < b:
                return a, b
        return 0, len(self.text)

    def title_case(self) -> bool:
        """True when the field is written in headline title case (most long words capitalised),
        where a capitalised neighbour says nothing about personal names."""
        if self._title_case is None:
            words = [w for w in _WORDS.findall(self.text) if len(w) > 3]
            caps = sum(1 for w in words if w[0].isupper())
            self._title_case = len(words) >= 3 and caps >= 0.6 * len(words)
        return self._title_case


@dataclass(frozen=True, slots=True)
class Condition:
    """One named predicate with its arguments (``words`` are folded like the text)."""

    name: str
    words: tuple[str, ...] = ()
    window: str | int = "sentence"
    source: str = ""

    def holds(self, ctx: MatchContext, start: int, end: int) -> bool:
        return PREDICATES[self.name](self, ctx, start, end)


def _near(cond: Condition, ctx: MatchContext, start: int, end: int) -> bool:
    """Any of ``words`` within the window: ``sentence`` (default), ``article`` or N characters."""
    if cond.window == "article":
        hay = ctx.article_norm()
    elif cond.window == "sentence":
        a, b = ctx.sentence_span(start)
        hay = " " + ctx.norm[a + 1 : b + 1] + " "
    else:
        w = int(cond.window)
        hay = " " + ctx.norm[max(start + 1 - w, 0) : end + 1 + w] + " "
    return any(f" {word} " in hay for word in cond.words)


def _followed_by(cond: Condition, ctx: MatchContext, start: int, end: int) -> bool:
    """The next word(s), ignoring punctuation in between, are one of ``words``."""
    rest = ctx.norm[end + 1 : end + 1 + 60].lstrip() + " "
    return any(rest.startswith(word + " ") for word in cond.words)


def _preceded_by(cond: Condition, ctx: MatchContext, start: int, end: int) -> bool:
    """The previous word(s), ignoring punctuation in between, are one of ``words``."""
    before = " " + ctx.norm[max(start + 1 - 60, 0) : start + 1].rstrip()
    return any(before.endswith(" " + word) for word in cond.words)


def _followed_by_name(cond: Condition, ctx: MatchContext, start: int, end: int) -> bool:
    """A capitalised word follows directly, as in a first name + surname ("Chad Smith")."""
    m = _WORD_AFTER.match(ctx.text, end)
    if not m or ctx.title_case():
        return False
    word = m.group(1).rstrip(".'’")
    return word[:1].isupper() and word[1:].islower() and word.lower() not in FOLLOWER_STOPWORDS


def _preceded_by_name(cond: Condition, ctx: MatchContext, start: int, end: int) -> bool:
    """A capitalised word precedes directly, as in first name + surname ("Michael Jordan")."""
    m = _WORD_BEFORE.search(ctx.text, max(start - 40, 0), start)
    if not m or ctx.title_case():
        return False
    word = m.group(1)
    return (
        word[:1].isupper()
        and word[1:].islower()
        and word.lower() not in PRECEDER_STOPWORDS
        and not word.endswith(".")
    )


def _all_caps(cond: Condition, ctx: MatchContext, start: int, end: int) -> bool:
    """The whole field is upper case (a shouted headline), where case says nothing."""
    return not any(c.islower() for c in ctx.text)


PREDICATES: dict[str, Callable[[Condition, MatchContext, int, int], bool]] = {
    "near": _near,
    "followed_by": _followed_by,
    "preceded_by": _preceded_by,
    "followed_by_name": _followed_by_name,
    "preceded_by_name": _preceded_by_name,
    "all_caps": _all_caps,
}
# Predicates that take a word list (the others take ``true``).
WORD_PREDICATES = frozenset({"near", "followed_by", "preceded_by"})
