"""Context conditions for homonyms ("Turkey" the bird, "Georgia" the US state, "Jordan" the player).

A gazetteer alias may carry ``reject_if`` / ``keep_if`` lists of conditions. Each condition is one
of the small named predicates below; the gazetteer files refer to them by name, so new homonyms
are data, not code. Predicates only run for aliases that carry conditions, i.e. rarely.

Offsets: ``start``/``end`` index the original field text; ``norm`` is the folded text of the
same field with one padding space on each side, so ``norm[i + 1]`` folds ``text[i]``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

# The word right after / right before a match, in the original text (case matters here). A
# quoted one-word nickname between a first name and the surname is skipped ("Chad 'Ace' Miller").
_WORD_AFTER = re.compile(
    r"[ \u00a0]+(?:['‘\"“][A-Z\u00c0-\u00de][\w-]{0,24}['’\"”][ \u00a0]+)?([^\W\d_][\w'’.-]*)"
)
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

# Titles abbreviated with a full stop before a name ("Mr. Jordan", "Sig. Jordan", "M. Chad"):
# that stop is the abbreviation's, where any other word ending in one closes a sentence.
HONORIFICS = frozenset(
    ["mr.", "mrs.", "ms.", "dr.", "prof.", "sr.", "sra.", "srta.", "sig.", "dott.", "m."]
)


class TaggingContext:
    """The whole article, shared by the title and body scans: folded text, and the per-field
    contexts that article-wide conditions need. Token sets and name look-ups are built on first
    use and cached."""

    __slots__ = ("_fields", "_lower", "_names", "_tokens", "language", "norm")

    def __init__(
        self,
        title: str,
        title_norm: str,
        body: str,
        body_norm: str,
        sentences: list[tuple[int, int]],
        starts: list[int],
        language: str | None = None,
    ):
        self.norm = title_norm + body_norm
        self.language = language
        self._tokens: set[str] | None = None
        self._names: dict[str, bool] = {}
        self._lower: dict[str, bool] = {}
        self._fields = (
            ("title", title, title_norm, [], []),
            ("body", body, body_norm, sentences, starts),
        )

    def tokens(self) -> set[str]:
        if self._tokens is None:
            self._tokens = set(self.norm.split())
        return self._tokens

    def used_as_name(self, surface: str) -> bool:
        """Whether ``surface`` appears anywhere in the article as part of a personal name
        ("Chad Miller", "Tom Holland"), so that a later bare "Chad" or "Holland" is that
        person too."""
        hit = self._names.get(surface)
        if hit is None:
            hit = False
            # an all-capitals line ("CUBA GOODING JR.") spells the word the body writes
            # capitalised ("Cuba Gooding Jr."): look for that form as well
            forms = [surface]
            if surface.isupper() and len(surface) > 1:
                forms.append(surface.capitalize())
            for field, text, norm, sentences, starts in self._fields:
                ctx = MatchContext(text, norm, field, sentences, starts, self)
                for form in forms:
                    at = text.find(form)
                    while at >= 0 and not hit:
                        end = at + len(form)
                        hit = _name_after(ctx, at, end) or _name_before(ctx, at, end)
                        at = text.find(form, end)
                if hit:
                    break
            self._names[surface] = hit
        return hit

    def lower_case_use(self, surface: str) -> bool:
        """Whether the word ``surface`` also appears all in lower case somewhere in the article
        ("turkey prices", "bone china", "chile peppers"): writers capitalise a country's name,
        so a lower-case use says the article means the common noun, and a capitalised one in a
        title-case headline or at a sentence start is that noun too. A plural "s" counts; a
        word inside a web address or hashtag does not."""
        word = surface.lower()
        hit = self._lower.get(word)
        if hit is None:
            pattern = re.compile(r"(?<![\w/.@#-])" + re.escape(word) + r"s?(?![\w/-])")
            hit = any(pattern.search(text) for _, text, _, _, _ in self._fields)
            self._lower[word] = hit
        return hit


# What may stand between a sentence's start and its first word: quotes, brackets, dashes.
_OPENERS = " \t\n\"'«»„“”‘’‚(–—-"


class MatchContext:
    """Where a candidate match sits: its field text, folded text, and (for the body) sentences.

    Built lazily, once per field, and only when an alias with conditions matched."""

    __slots__ = (
        "_title_case",
        "_windows",
        "article",
        "field",
        "norm",
        "sentences",
        "starts",
        "text",
    )

    def __init__(
        self,
        text: str,
        norm: str,
        field: str,
        sentences: list[tuple[int, int]],
        starts: list[int],
        article: TaggingContext,
    ):
        self.text = text
        self.norm = norm
        self.field = field
        self.sentences = sentences
        self.starts = starts
        self.article = article
        self._windows: dict[int, tuple[set[str], str]] = {}
        self._title_case: dict[int, bool] = {}

    def sentence_span(self, start: int) -> tuple[int, int]:
        """The sentence around ``start``; the whole field for the title."""
        if self.field != "body" or not self.sentences:
            return 0, len(self.text)
        i = bisect_right(self.starts, start) - 1
        return self.sentences[i] if i >= 0 else (0, len(self.text))

    def opens_sentence(self, start: int) -> bool:
        """``start`` is the first word of its sentence (of the title in the title), past any
        quotes, brackets or dashes."""
        a, _ = self.sentence_span(start)
        return not self.text[a:start].strip(_OPENERS)

    def sentence_window(self, start: int) -> tuple[set[str], str]:
        """Token set and padded folded text of the sentence around ``start`` (cached)."""
        a, b = self.sentence_span(start)
        hit = self._windows.get(a)
        if hit is None:
            hay = " " + self.norm[a + 1 : b + 1] + " "
            hit = self._windows[a] = (set(hay.split()), hay)
        return hit

    def title_case(self, start: int) -> bool:
        """True when the title is in headline title case, where a capitalised neighbour says
        nothing about personal names. Body text is sentence case by convention (and a short
        sentence full of proper names would fool the test), so it is never treated so."""
        if self.field == "body":
            return False
        a, b = self.sentence_span(start)
        cached = self._title_case.get(a)
        if cached is None:
            words = [w for w in _WORDS.findall(self.text, a, b) if len(w) > 3]
            caps = sum(1 for w in words if w[0].isupper())
            cached = self._title_case[a] = len(words) >= 3 and caps >= 0.6 * len(words)
        return cached


@dataclass(frozen=True, slots=True)
class Condition:
    """One named predicate with its arguments. ``words`` are folded like the text; one-word
    entries are also kept as a set so a window is tested with one set intersection."""

    name: str
    words: tuple[str, ...] = ()
    window: str | int = "sentence"
    source: str = ""
    singles: frozenset[str] = frozenset()
    multis: tuple[str, ...] = ()

    @classmethod
    def make(cls, name: str, words: tuple[str, ...], window: str | int, source: str) -> Condition:
        singles = frozenset(w for w in words if " " not in w)
        multis = tuple(w for w in words if " " in w)
        return cls(name, words, window, source, singles, multis)

    def holds(self, ctx: MatchContext, start: int, end: int) -> bool:
        return PREDICATES[self.name](self, ctx, start, end)


def _near(cond: Condition, ctx: MatchContext, start: int, end: int) -> bool:
    """Any of ``words`` within the window: ``sentence`` (default), ``article`` or N characters."""
    if cond.window == "article":
        tokens, hay = ctx.article.tokens(), ctx.article.norm
    elif cond.window == "sentence":
        tokens, hay = ctx.sentence_window(start)
    else:
        w = int(cond.window)
        hay = " " + ctx.norm[max(start + 1 - w, 0) : end + 1 + w] + " "
        tokens = set(hay.split())
    if not cond.singles.isdisjoint(tokens):
        return True
    return any(f" {word} " in hay for word in cond.multis)


def _followed_by(cond: Condition, ctx: MatchContext, start: int, end: int) -> bool:
    """The next word(s), ignoring punctuation in between, are one of ``words``."""
    rest = ctx.norm[end + 1 : end + 1 + 60].split()
    if not rest:
        return False
    if rest[0] in cond.singles:
        return True
    joined = " ".join(rest) + " "
    return any(joined.startswith(word + " ") for word in cond.multis)


def _preceded_by(cond: Condition, ctx: MatchContext, start: int, end: int) -> bool:
    """The previous word(s), ignoring punctuation in between, are one of ``words``."""
    before = ctx.norm[max(start + 1 - 60, 0) : start + 1].split()
    if not before:
        return False
    if before[-1] in cond.singles:
        return True
    joined = " " + " ".join(before)
    return any(joined.endswith(" " + word) for word in cond.multis)


def _followed_by_name(cond: Condition, ctx: MatchContext, start: int, end: int) -> bool:
    """A capitalised word follows directly, as in a first name + surname ("Chad Smith")."""
    return _name_after(ctx, start, end)


def _preceded_by_name(cond: Condition, ctx: MatchContext, start: int, end: int) -> bool:
    """A capitalised word precedes directly, as in first name + surname ("Michael Jordan")."""
    return _name_before(ctx, start, end)


def _name_in_article(cond: Condition, ctx: MatchContext, start: int, end: int) -> bool:
    """The same word is part of a personal name elsewhere in the article ("Chad Miller ...
    colleagues described Chad as ...")."""
    return ctx.article.used_as_name(ctx.text[start:end])


def _name_after(ctx: MatchContext, start: int, end: int) -> bool:
    m = _WORD_AFTER.match(ctx.text, end)
    if not m or ctx.title_case(start):
        return False
    word = m.group(1).rstrip(".'’")
    if len(word) == 1 and word.isupper() and m.group(1).endswith("."):
        # a middle initial ("Jordan B. Peterson"): a name when a capitalised word follows it
        nxt = _WORD_AFTER.match(ctx.text, m.end())
        after = nxt.group(1) if nxt else ""
        return after[:1].isupper() and after[1:].islower()
    return _name_shaped(word) and word.lower() not in FOLLOWER_STOPWORDS


def _name_before(ctx: MatchContext, start: int, end: int) -> bool:
    m = _WORD_BEFORE.search(ctx.text, max(start - 40, 0), start)
    if not m or ctx.title_case(start):
        return False
    word = m.group(1)
    if _INITIAL.fullmatch(word):
        return True  # a middle initial ("Michael B. Jordan")
    return (
        _name_shaped(word)
        and word.lower() not in PRECEDER_STOPWORDS
        and (not word.endswith(".") or word.lower() in HONORIFICS)
    )


# A name's shape: a capital, then lower case, or a Celtic/Scots prefix before a second capital
# ("O'Keeffe", "McCain", "MacArthur", "D'Amato").
_PREFIXED_NAME = re.compile(r"(?:O['’]|D['’]|Mc|Mac)[A-Z][a-z]+")
# One capital and a stop between a capitalised word and the match: a middle initial.
_INITIAL = re.compile(r"[A-Z]\.")


def _name_shaped(word: str) -> bool:
    return (word[:1].isupper() and word[1:].islower()) or bool(_PREFIXED_NAME.fullmatch(word))


# A person's details right after the name: an age in commas ("Jordan, 24, scored"), or a
# possessive before a relative or a personal role ("Chad's wife", "Jordan's agent"); a state
# has neither.
_AGE_AFTER = re.compile(r",[ \u00a0]*\d{1,2},")
_PERSONAL = frozenset(
    _words(
        """wife husband mother father son daughter brother sister girlfriend boyfriend fiancee
        fiance parents teammate teammates agent lawyer attorney widow"""
    )
)


# A name right after one of these is an item of a list ("ordered by Qatar, 36, by Egypt, 54,
# and by Jordan, 12"): the number in commas after it is a count, not an age
_LIST_BEFORE = frozenset(_words("by to from and for with of"))


def _person_context(cond: Condition, ctx: MatchContext, start: int, end: int) -> bool:
    """An age or a relative follows the match: the word is a person's name. A number in commas
    after a name that follows a preposition or "and" is a count in a list, unless "who" follows
    it ("and Jordan, 24, who scored")."""
    age = _AGE_AFTER.match(ctx.text, end)
    if age:
        before = ctx.norm[max(start + 1 - 40, 0) : start + 1].split()
        listed = bool(before) and before[-1] in _LIST_BEFORE
        if not listed or ctx.text[age.end() :].split()[:1] == ["who"]:
            return True
    rest = ctx.norm[end + 1 : end + 1 + 40].split()
    return len(rest) >= 2 and rest[0] == "s" and rest[1] in _PERSONAL


# Articles and possessives: English sets none before "Turkey", "China" or "Chile" the state.
DETERMINERS = frozenset(["the", "a", "an", "this", "that", "your", "our", "my", "their"])
_LIST_MARK = re.compile(r"[,;:()]")


def _lower_case_in_article(cond: Condition, ctx: MatchContext, start: int, end: int) -> bool:
    """The matched word is written in lower case elsewhere in the article, so it is the
    common noun it spells (the bird, the tableware, the pepper) rather than the country, unless
    this match sits where only a proper noun is capitalised: mid-sentence in the body, among
    lower-case words ("imports from Turkey" beside "the turkey market" is still the country)."""
    if not ctx.article.lower_case_use(ctx.text[start:end]):
        return False
    if ctx.field != "body":
        return True  # a headline capitalises common nouns too
    a, _ = ctx.sentence_span(start)
    before = _WORDS.findall(ctx.text, a, start)
    if not before:
        return True  # first word of its sentence
    prev = _WORD_BEFORE.search(ctx.text, max(start - 40, 0), start)
    if prev and prev.group(1).lower() in DETERMINERS:
        return True  # "for the Turkey", "a China plate": a country's name takes no article
    if _capitalised_run(ctx, start, end, before, ctx.text[a:start]):
        return True
    # A run of capitalised words around it is a headline repeated in the body.
    words = _WORDS.findall(ctx.text, max(a, start - 80), min(len(ctx.text), end + 80))
    long = [w for w in words if len(w) > 3]
    return len(long) >= 3 and sum(1 for w in long if w[0].isupper()) >= 0.6 * len(long)


def _capitalised_run(ctx: MatchContext, start: int, end: int, before: list[str], lead: str) -> bool:
    """The match is one word of a longer capitalised name ("the National Turkey Growers
    Association"), or follows only a short heading run into its sentence ("Types China and
    porcelain ..."): the capital there says "name" or "heading", not "country". Called only
    when the article also writes the word in lower case. ``lead`` is the sentence's text
    before the match: a heading runs into it with no punctuation, where a list of names
    ("India, Turkey and ...") has commas."""
    if (
        len(before) <= 2
        and not _LIST_MARK.search(lead)
        and all(w[0].isupper() and w.lower() not in PRECEDER_STOPWORDS for w in before)
    ):
        return True
    prev = _WORD_BEFORE.search(ctx.text, max(start - 40, 0), start)
    nxt = _WORD_AFTER.match(ctx.text, end)
    return bool(
        prev
        and nxt
        and prev.group(1)[:1].isupper()
        and prev.group(1).lower() not in PRECEDER_STOPWORDS
        and nxt.group(1)[:1].isupper()
    )


def _all_caps(cond: Condition, ctx: MatchContext, start: int, end: int) -> bool:
    """The whole field is upper case (a shouted headline), where case says nothing."""
    return not any(c.islower() for c in ctx.text)


def _currency_sign(cond: Condition, ctx: MatchContext, start: int, end: int) -> bool:
    """A currency sign follows directly: "US$ 4,5 bilhões" is an amount in dollars (Portuguese
    and Spanish copy write it so), not the United States."""
    return ctx.text[end : end + 1] in CURRENCY_SIGNS


def _language(cond: Condition, ctx: MatchContext, start: int, end: int) -> bool:
    """The article is written in one of ``words`` (language codes). For an English country name
    that the language spells otherwise ("Jordan": Giordania, Jordanie; "Georgia": Georgien,
    Gruzja), the English letters in that language's copy are a person, a river or a US state."""
    return ctx.article.language in cond.singles


def _not_language(cond: Condition, ctx: MatchContext, start: int, end: int) -> bool:
    """The article is not written in one of ``words`` (or its language is unknown). As a
    ``reject_if`` it limits a form to its language ("indiana", Italian and Portuguese, is an
    English word) while the form's own homonym conditions still apply there: a ``keep_if:
    [language]`` that holds would override them."""
    return ctx.article.language not in cond.singles


def _always(cond: Condition, ctx: MatchContext, start: int, end: int) -> bool:
    """Always holds: ``reject_if: [always: true]`` keeps a match only when a ``keep_if``
    condition holds (a word that is a country only in its context: Arabic "مالي", "financial")."""
    return True


def _people_noun_as_name(cond: Condition, ctx: MatchContext, start: int, end: int) -> bool:
    """The form is written capitalised, as a language in ``words`` writes its people's noun
    ("les Allemands", French), but it is read elsewhere or stands after a first name or a title:
    there the capitalised word is a surname ("Pierre Allemand", "Mr Allemand") or no people at
    all (English "an Allemande", a dance). A lower-case match, the adjective sharing the key,
    never holds."""
    if not ctx.text[start : start + 1].isupper():
        return False
    if ctx.article.language not in cond.singles:
        return True
    m = _WORD_BEFORE.search(ctx.text, max(start - 40, 0), start)
    if m and m.group(1).lower() in _LEAD_WORDS_FR:
        return False  # "Les Allemands ont livré", a sentence opening on the determiner
    return _name_before(ctx, start, end)


# Words that open a French sentence before a people's noun, capitalised only as its first word
_LEAD_WORDS_FR = frozenset(
    _words(
        """les des aux un une deux trois quatre plusieurs ces nos vos leurs tous certains
        selon pour chez et mais ni car donc puis quant même si comme entre contre avec par"""
    )
)

CURRENCY_SIGNS = frozenset("$€£¥")

PREDICATES: dict[str, Callable[[Condition, MatchContext, int, int], bool]] = {
    "always": _always,
    "person_context": _person_context,
    "language": _language,
    "not_language": _not_language,
    "near": _near,
    "followed_by": _followed_by,
    "preceded_by": _preceded_by,
    "followed_by_name": _followed_by_name,
    "preceded_by_name": _preceded_by_name,
    "name_in_article": _name_in_article,
    "lower_case_in_article": _lower_case_in_article,
    "all_caps": _all_caps,
    "currency_sign": _currency_sign,
    "people_noun_as_name": _people_noun_as_name,
}
# Predicates that take a word list (the others take ``true``).
WORD_PREDICATES = frozenset(
    {"near", "followed_by", "preceded_by", "language", "not_language", "people_noun_as_name"}
)
