"""What a transfer is and how far it has gone: status, quantity and value, from one sentence.

Status words are lexicon data (``status:`` in data/rules/relations/*.yaml, one list per status,
and the few word lists that say how they are read: ``READING_KEYS``; a language lexicon has the
same section in data/rules/languages/*.yaml), so a language's status reading is data in one place.
The status of a sentence is the one whose word stands nearest its first transfer trigger (the
main transfer; later triggers often tell of others), so "Turkey is in talks to buy S-400" is talks
and "Turkey signed a deal to buy" agreed; a cancellation or a block anywhere before the trigger
scopes it ("Germany froze the delivery of ...").

A status entry may be a phrase of several tokens ("green light", "go-ahead", "signed off"): the
sentence's tokens it spans read as that one entry (``_join_phrases``), so "gives X the green
light" is an approval and not a gift. Phrases match the reader's words, in which ``ignore``
words ("the", "a") are already dropped: list "green light", not "the green light".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from functools import lru_cache

from .text import SENT_TOKEN

STATUSES = ("talks", "agreed", "ordered", "delivered", "cancelled", "blocked")
_SCOPING = ("cancelled", "blocked")
_SCOPE_AFTER = 6  # "the sale was eventually blocked by the US": a block right after scopes too
# Lists of the ``status:`` section that are not statuses but say how status words are read (see
# the English lexicon for what each does). A lexicon that lists none reads by distance alone.
READING_KEYS = (
    "perfect",
    "changed_hands",
    "background_after",
    "be",
    "participle_endings",
    "participle_starts",
    "prospective",
    "future",
    "passive_aux",
    "designation",
    "handover",
    "intent",
    "tentative",
    "pending",
    "pledge",
    "negation",
    "future_after",
    "idiom",
    "past_sale",
    "firm",
    "frame",
    "frame_after",
    "approval_ahead",
    "request",
    "undone",
    "undone_noun",
    "own_purchase",
    "prospective_sign",
    "prospective_next",
    "gerund_endings",
    "paper",
    "fulfil",
    "noun_after",
    "future_far",
    "infinitive",
    "scheduled",
    "first",
    "ahead_after",
)
_PROSPECT_WINDOW = 3  # "is likely to sign a contract": the prospect word a few words before
_FUTURE_WINDOW = 2  # "will buy", "will soon supply": the auxiliary right before the trigger
# "wants to buy", "plans to acquire" (before the trigger), "almak istiyor", "kaufen will" (after
# it, in verb-final clauses): how far an intent word may stand from the trigger it governs
_INTENT_BEFORE = 3
_INTENT_AFTER = 2
_PERMIT_WINDOW = 6  # "gave Poland, Romania and Estonia the go-ahead": past a list of names
_PENDING_WINDOW = 3  # "delays in the delivery", "deliveries will be postponed"
_FRAME_WINDOW = 3  # "zgodnie z umową", "w ramach umowy": the frame word right before the deal
_FULFIL_WINDOW = 4  # "fulfilled this year the contract": past a short time phrase
_CLAUSE_REACH = 15  # the German future: "wird" up to this many words before the infinitive
CLAUSE_PUNCT = frozenset(",.;:!?()")
_CLAUSE_END = tuple([p] for p in CLAUSE_PUNCT)
_WANT_REACH = 15  # "was in talks with X for two years to procure": the wish back in its clause
_NEGATION_WINDOW = 3  # "hat ... nicht genehmigt", "لن تكون هناك موافقة" (there will be no approval)
STATUS_KEYS = (*STATUSES, "approval", *READING_KEYS)
_NONE: frozenset[str] = frozenset()


def read_status_words(section: object, fold: Callable[[str], str]) -> dict[str, frozenset[str]]:
    """A lexicon's ``status:`` section as folded word sets, keyed by status or reading list.
    Raises ValueError naming the key (``status.<key>``) when the section is not a mapping of
    known keys to lists of words."""
    if section is None:
        return {}
    if not isinstance(section, Mapping):
        raise ValueError(f"status: expected a mapping of status to words, got {section!r}")
    out: dict[str, frozenset[str]] = {}
    for key, words in section.items():
        if key not in STATUS_KEYS:
            raise ValueError(f"status.{key}: unknown key (known: {', '.join(STATUS_KEYS)})")
        if words is None:
            words = []
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ValueError(f"status.{key}: expected a list of words, got {words!r}")
        out[str(key)] = frozenset(_entry(fold(w)) for w in words)
    return out


def _entry(folded: str) -> str:
    """A folded status entry as the reader meets it: a phrase as its tokens joined by single
    spaces ("go-ahead" → "go - ahead"), a word as it is."""
    toks = SENT_TOKEN.findall(folded)
    return " ".join(toks) if len(toks) > 1 else folded


Phrases = Mapping[str, tuple[tuple[str, ...], ...]]


@lru_cache(maxsize=64)
def _phrases(lists: tuple[frozenset[str], ...]) -> Phrases:
    """The phrase entries of ``lists`` by first token, each as its tokens, longest first.
    Keyed by the lexicon's word sets themselves (a frozenset keeps its hash), so a lexicon's
    phrases are found once, not per sentence."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for entry in {e for words in lists for e in words if " " in e}:
        toks = tuple(entry.split(" "))
        by_first.setdefault(toks[0], []).append(toks)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_first.items()}


def _join_phrases(words: Sequence[str], phrases: Phrases) -> Sequence[str]:
    """``words`` with each status phrase read as one entry: its first token becomes the phrase,
    the others "" (positions are kept: trigger indices point into ``words``)."""
    if not phrases or not any(w in phrases for w in words):
        return words
    out = list(words)
    i = 0
    while i < len(out):
        for toks in phrases.get(out[i], ()):
            if tuple(out[i : i + len(toks)]) == toks:
                out[i : i + len(toks)] = [" ".join(toks), *([""] * (len(toks) - 1))]
                i += len(toks) - 1
                break
        i += 1
    return out


def holds_phrase(words: Sequence[str | None], phrases: frozenset[str]) -> bool:
    """One of ``phrases`` (a word class: single words and runs of words, "war games") stands in
    ``words``; a None (a country or weapon span) ends a run."""
    joined = _join_phrases([w or "" for w in words], _phrases((phrases,)))
    return any(w in phrases for w in joined)


_SMALL = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
_TEENS = "fifteen sixteen seventeen eighteen nineteen twenty"
_NUMBER_WORDS = {w: i for i, w in enumerate(f"{_SMALL} {_TEENS}".split())} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "hundred": 100,
    "dozen": 12,
}
# the counts written as words, for a reader that must tell a count before a noun phrase
COUNT_WORDS = frozenset(_NUMBER_WORDS) | {"dozens", "hundreds"}
# A count right before the weapon, past a few modifiers: "24 Rafale jets", "two batteries of".
_QTY = re.compile(
    r"(?<![\w.$€£-])(\d{1,3}(?:,\d{3})*|\d+|" + "|".join(_NUMBER_WORDS) + r")"
    r"\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_SCALE = {
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "trillion": 1e12,
}
_CURRENCY = {
    "$": "USD",
    "us$": "USD",
    "€": "EUR",
    "£": "GBP",
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
}
_VALUE = re.compile(
    r"(?P<pre>US\$|\$|€|£)\s?(?P<num>\d+(?:[.,]\d+)?)\s*"
    r"(?P<scale>billion|million|trillion|bn|mn|b|m)\b"
    r"|(?P<num2>\d+(?:\.\d+)?)\s*(?P<scale2>billion|million|trillion|bn)\s*"
    r"(?P<post>dollars|euros|pounds|USD|EUR|GBP)\b",
    re.IGNORECASE,
)


def sentence_status(
    words: Sequence[str],
    triggers: Sequence[int],
    classes: Mapping[str, frozenset[str]],
    headed: Collection[int] = (),
) -> str | None:
    """The status the sentence gives its transfer; ``words`` are folded tokens, ``triggers``
    their indices that are transfer triggers. None when no status word is present.
    ``headed``: the indices of words one of ``first`` stands right before, a word the reader
    drops (``ignore``), so the caller finds it in the text (``pairs._first_headed``)."""
    if not triggers:
        return None
    # "became the first nation to receive", "the first countries to purchase": read before the
    # phrases join ("to buy" is one entry of ``own_purchase``)
    firsts = {t for t in triggers if _first_to(words, t, classes, headed)}
    words = _join_phrases(words, _phrases(tuple(classes.get(k, _NONE) for k in STATUS_KEYS)))
    best: tuple[int, int, str] | None = None
    background: str | None = None
    first = min(triggers)
    for t in sorted(firsts):  # a step the buyer took first: arms in hand, delivered
        cand = (abs(t - first), -STATUSES.index("delivered"), "delivered")
        if best is None or cand < best:
            best = cand
    # an intent word is a talks word wherever it stands ("veut trois sous-marins"), and more
    # when it governs the trigger (``_intends``)
    lists = {s: classes.get(s, _NONE) for s in STATUSES}
    tentative = classes.get("tentative", _NONE)
    lists["talks"] = lists["talks"] | classes.get("intent", _NONE) | tentative
    firm: tuple[int, int, str] | None = None  # the nearest agreed or ordered word
    best_tentative = False  # best is a future purchase form ("comprará", "купит")
    placed = False  # a firm order or contract is told ("placing a purchase order")
    told = 0  # status words read in the sentence
    sale_at: int | None = None  # where a past sale or purchase ("sold", "bought") stands
    ahead_at: tuple[int, int, str] | None = None  # a delivery still ahead read as the order
    handed = False  # a delivery already made is told ("has so far received 31 of them")
    # an approval given anywhere in the sentence makes its talks words the background, those
    # before it too ("la demande a été approuvée")
    approved = any(_approval_given(words, i, classes) for i in range(len(words)))
    for i, w in enumerate(words):
        if i in firsts:
            continue
        if w in classes.get("approval", _NONE):
            if _negated(words, i, classes):
                # "no approval", "nicht genehmigt": a government refusing the transfer, a block
                # (by distance, as any status word; it does not scope the sentence)
                cand = (abs(i - first), -STATUSES.index("blocked"), "blocked")
                if best is None or cand < best:
                    best, best_tentative = cand, False
                continue
            ahead = _approval_ahead(words, i, classes)
            if ahead or _prospect(words, i, classes):
                # An approval still to come is talks: "must still approve", "awaits approval",
                # "aprobará" (``approval_ahead``: an agreed or ordered word of the sentence
                # still wins, as after a one-word future purchase form), "asked Berlin to
                # approve the export", "is expected to approve" (a prospect word before it)
                cand = (abs(i - first), -STATUSES.index("talks"), "talks")
                told += 1
                if best is None or cand < best:
                    best, best_tentative = cand, ahead
                continue
        if (
            w in classes.get("designation", _NONE)
            and words[i + 1 : i + 2]
            and words[i + 1].isdigit()
        ):
            continue  # "F-16 Block 70": part of a designation, not a block
        if w in classes.get("handover", _NONE) and _approves(words, i, classes):
            # "approved the delivery", "approves submarine delivery": what is approved is the
            # sale (agreed), not arms that arrived
            cand = (abs(i - first), -STATUSES.index("agreed"), "agreed")
            told += 1
            if best is None or cand < best:
                best = cand
            if firm is None or cand < firm:
                firm = cand
            continue
        handover = w in classes.get("handover", _NONE)
        if (handover or w in lists["delivered"]) and (
            # a delivery word after a future auxiliary is ahead; the passive participles of
            # supplying ("seront fournis", "serán suministrados") sit in ``delivered`` only and
            # count right after the auxiliary: two words back, English "to" ("agreed to, and
            # has since supplied") would turn deliveries made into orders (5 on English dev)
            (
                _after_future(words, i, classes)
                if handover
                else _right_after_future(words, i, classes, passive=i == first)
            )
            or (handover and _pending(words, i, classes))
            # "consegnerà", "livrera" (will deliver, one word: a hand-over word that is also a
            # ``pledge``), unless an approval given is the news ("approved; it will deliver")
            or (handover and w in classes.get("pledge", _NONE) and not approved)
        ):
            # "will take delivery", "is set to receive", "will be delivered", "delays in the
            # delivery", "the imminent delivery": a delivery still ahead is scheduled under a
            # deal already placed (an order), not done
            cand = (abs(i - first), -STATUSES.index("ordered"), "ordered")
            told += 1
            if best is None or cand < best:
                best = cand
                ahead_at = cand
            continue
        for rank, status in enumerate(STATUSES):
            if w not in lists[status]:
                continue
            # Distances count from the first trigger, the sentence's main transfer: "X is
            # considering the purchase of jets, since Y purchased some" is talks.
            dist = abs(i - first)
            if w in classes.get("undone", _NONE) and _undoes_block(words, i, lists):
                continue  # "revoca l'embargo": it lifts the block after it, no status of its own
            if status in _SCOPING and _undone(words, i, classes):
                # "won't halt the sale", "lifting a suspension": the block does not hold, the
                # deal stands; it gives the status only when nothing else does
                background = background or "agreed"
                continue
            if status in _SCOPING and (i < first or dist <= _SCOPE_AFTER):
                if status == "blocked" and _stops_purchase(words, i, classes):
                    return "cancelled"  # "refused to buy", "suspended the contract": called off
                return status  # "halted the sale", "the sale was blocked by"
            if approved and status == "talks":
                continue  # "approved a possible sale": the approval is the news
            if status == "delivered" and _grants_approval(words, i, classes):
                continue  # "got approval to buy", "received clearance": an approval, not arms
            if status == "delivered" and _hands_paper(words, i, classes):
                continue  # "sent a letter asking for", "received a contract": a paper, not arms
            if status == "ordered" and _gerund_noun(words, i, classes):
                # "in talks on buying", "interest in purchasing": a noun of buying, which says
                # nothing of how far the deal went; the words that govern it tell the status,
                # and a purchase made ("sanctioned for buying") keeps it as the background
                background = background or status
                continue
            if (
                status in ("agreed", "ordered")
                and not approved
                and (
                    _prospect(words, i, classes, agreed=status == "agreed")
                    or _wanted_infinitive(words, i, classes)
                    or _ahead_after(words, i, classes)
                )
            ):
                # "is likely to sign a contract", "hopes to seal a deal": not signed yet
                status, rank = "talks", STATUSES.index("talks")
            elif w in classes.get("changed_hands", _NONE) and _perfect(words, i, classes):
                status, rank = "delivered", STATUSES.index("delivered")
            elif status == "ordered" and _fulfilled(words, i, classes):
                # "fulfilled the contract", "выполнила контракт": the order carried out
                status, rank = "delivered", STATUSES.index("delivered")
            elif status == "ordered" and _hangs_on_arms(words, i, classes):
                # "the drones purchased from Iran", "the system procured from China": a past
                # purchase named as what the arms are tells arms in hand (as a past sale told
                # alone below), an order only when the word is no past sale ("ordered from")
                # or the sentence says the deal is still ahead ("are under construction")
                past = w in classes.get("past_sale", _NONE) and not _ahead_told(words, i, classes)
                background = background or ("delivered" if past else status)
                continue
            elif status == "agreed" and _framed(words, i, classes):
                # "delivered under the agreement": the deal is what the news happens under, its
                # background; it gives the status only when nothing else does
                background = background or status
                continue
            placed = placed or (
                status == "ordered"
                and w in classes.get("firm", _NONE)
                # "a contract is expected next year", "a contract would follow": not yet placed
                and not _prospect_after(words, i, classes)
            )
            told += 1
            if status in ("agreed", "ordered") and w in classes.get("past_sale", _NONE):
                # a purchase in the passive ("were bought from") keeps its order reading
                passive = status == "ordered" and i > 0 and words[i - 1] in classes.get("be", _NONE)
                sale_at = i if not (_after_future(words, i, classes) or passive) else sale_at
            # a past form of a hand-over verb not read as ahead above ("received", "arrived";
            # not the noun "delivery"): a delivery done
            handed = handed or (
                status == "delivered" and w in classes.get("handover", _NONE) and _past(w, classes)
            )
            cand = (dist, -rank, status)
            if status in ("agreed", "ordered") and (firm is None or cand < firm):
                firm = cand
            if best is None or cand < best:
                best, best_tentative = cand, status == "talks" and w in tentative
    if best is not None and best == ahead_at and handed:
        # "five more will arrive this month; the army has received 31 so far": deliveries have
        # begun, the rest of the order is what is still ahead
        return "delivered"
    if not approved and _intends(words, first, classes):
        # "wants to buy", "is in talks on the delivery of": the purchase or delivery word is
        # what is wanted or negotiated, not done; an approval still makes it agreed
        return "talks"
    if best is not None and best[2] == "agreed" and placed and not approved:
        # "inked a deal ..., placing a purchase order": the order is the furthest the deal went
        return "ordered"
    if best is not None and best_tentative and firm is not None:
        # "will buy ..., having signed a contract": the purchase is ahead, the deal is made
        return firm[2]
    if best is not None and best[2] in ("agreed", "ordered") and told == 1 and sale_at is not None:
        # "Last year Israel sold air defence systems to Morocco", "Mali bought drones from
        # Turkey": a past sale or purchase and nothing else said of the deal tells a transfer
        # made; with a deal, a contract or a date of arrival beside it ("sold ... in a deal
        # signed on Tuesday") it keeps its own status
        return "delivered"
    if best is None and approved:
        return "agreed"
    if best is None and background is None and _future(words, triggers, classes):
        if _wanted_infinitive(words, first, classes):
            return "talks"  # "is ready to export jets", "willing to sell": offered, not decided
        return "agreed"  # "France will sell howitzers to Armenia": a decision announced
    return best[2] if best else background


def further_status(known: str | None, new: str | None) -> str | None:
    """The status a report gives a pair from two of its sentences: the first one read, except
    that an order (a firm contract) stated anywhere for the pair beats a deal merely agreed
    ("signed a deal" in the headline, "the contract for 54 howitzers" below it). A later
    delivery word does not: in an order story it is mostly a delivery still ahead."""
    if known is None:
        return new
    if known == "agreed" and new == "ordered":
        return new
    return known


def with_opening(status: str | None, opening: str | None) -> str | None:
    """A pair's status given what the headline and first sentence say (``opening``): a report
    whose opening tells of a delivery ("Kenya has received six attack helicopters") is a
    delivery story, and the deal or order its pair sentences recall ("Kenya signed the deal in
    2017") is its background."""
    if opening == "delivered" and status in ("agreed", "ordered"):
        return opening
    if opening in _SCOPING and status in ("talks", "agreed", "ordered"):
        # "X cancels the sale of rifles to Y" over "Congress had said in spring it would allow
        # the sale": the headline's cancellation or block is the deal's newest step
        return opening
    return status


def _prospect(
    words: Sequence[str], i: int, classes: Mapping[str, frozenset[str]], agreed: bool = False
) -> bool:
    """A prospect word ("likely", "hopes", "set to") stands a few words before ``words[i]``;
    before an ``agreed`` word (signing, sealing), one of ``prospective_sign`` too: "will sign a
    contract next month" is not signed yet, while "will order 30 tanks" announces the decision
    made."""
    near = classes.get("prospective", _NONE)
    if agreed:
        near = near | classes.get("prospective_sign", _NONE)
    lo = max(0, i - _PROSPECT_WINDOW)
    return any(words[j] in near for j in range(lo, i)) or any(
        words[j] in classes.get("prospective_next", _NONE) and _governs(words, j, i, classes)
        for j in range(lo, i)
    )


def _governs(words: Sequence[str], j: int, i: int, classes: Mapping[str, frozenset[str]]) -> bool:
    """The word ``words[j]`` stands right before the trigger ``words[i]`` or right before a
    gerund (one of ``gerund_endings``): "considered buying" weighs a purchase, while
    "considered loyal, ordered" is "regarded as" and governs nothing of the deal."""
    nxt = words[j + 1]
    endings = tuple(classes.get("gerund_endings", _NONE))
    return j + 1 == i or (bool(endings) and nxt.endswith(endings))


def _approval_given(words: Sequence[str], i: int, classes: Mapping[str, frozenset[str]]) -> bool:
    """``words[i]`` is an approval given: an approval word neither negated, nor still ahead,
    nor expected."""
    return (
        words[i] in classes.get("approval", _NONE)
        and not _negated(words, i, classes)
        and not _approval_ahead(words, i, classes)
        and not _prospect(words, i, classes)
    )


def _approval_ahead(words: Sequence[str], i: int, classes: Mapping[str, frozenset[str]]) -> bool:
    """The approval word ``words[i]`` is one still ahead: a word of ``approval_ahead`` (an
    obligation, a wait: "doit", "attesa") stands a few words before it, or a ``request`` word
    ("demande", "solicitud") with no ``be`` auxiliary right before the approval word: "a
    request for approval" asks for it, "the request was approved" ("a été approuvée", "fue
    aprobada") has it. A one-word future ("approuvera") is a ``tentative`` word, talks already."""
    ahead = classes.get("approval_ahead", _NONE)
    before = range(max(0, i - _PROSPECT_WINDOW), i)
    if any(words[j] in ahead for j in before):
        return True
    request = classes.get("request", _NONE)
    past = i >= 1 and words[i - 1] in classes.get("be", _NONE)
    return not past and any(words[j] in request for j in before)


def _negated(words: Sequence[str], i: int, classes: Mapping[str, frozenset[str]]) -> bool:
    """A negation word (``negation``) stands a few words before ``words[i]``."""
    near = classes.get("negation", _NONE)
    return bool(near) and any(words[j] in near for j in range(max(0, i - _NEGATION_WINDOW), i))


def _undone(words: Sequence[str], i: int, classes: Mapping[str, frozenset[str]]) -> bool:
    """One of ``undone`` ("not", "lifting") stands a few words before the cancel or block word
    ``words[i]``: "did not suspend", "is lifting a suspension" tell no block; one of
    ``undone_noun`` ("despite") only right before the block noun ("despite a ban"), not at the
    head of a clause whose block holds ("Despite protests Germany halted the sale")."""
    near = classes.get("undone", _NONE)
    if near and any(words[j] in near for j in range(max(0, i - _NEGATION_WINDOW), i)):
        return True
    noun = classes.get("undone_noun", _NONE)
    return bool(noun) and any(words[j] in noun for j in range(max(0, i - 2), i))


def _undoes_block(words: Sequence[str], i: int, lists: Mapping[str, frozenset[str]]) -> bool:
    """A block or cancel word follows ``words[i]``, a word of ``undone``, within a few words:
    "revoca l'embargo" lifts the ban. Without one, a word that some status also lists keeps
    that status ("revoca il contratto" is a deal called off; languages.py, ``status_shared``)."""
    block = lists["blocked"] | lists["cancelled"]
    return any(w in block for w in words[i + 1 : i + 1 + _NEGATION_WINDOW])


def _stops_purchase(words: Sequence[str], i: int, classes: Mapping[str, frozenset[str]]) -> bool:
    """One of ``own_purchase`` ("to buy", "contract", "order"; a word or a two-word phrase)
    follows the block word ``words[i]`` within three words, with no approval word between:
    what is stopped is the buyer's own purchase, a deal called off ("refused to buy",
    "suspended the contract"), not a transfer a government refused ("blocked the purchase of
    jets by Turkey", "refused to approve the purchase")."""
    near = classes.get("own_purchase", _NONE)
    if not near:
        return False
    approval = classes.get("approval", _NONE)
    for j in range(i + 1, min(i + 4, len(words))):
        if words[j] in approval:
            return False
        if words[j] in near or " ".join(words[j : j + 2]) in near:
            return True
    return False


_FIRST_GAP = 5  # "the first Central Asian countries to purchase": the words between


def _first_to(
    words: Sequence[str], t: int, classes: Mapping[str, frozenset[str]], headed: Collection[int]
) -> bool:
    """The trigger ``words[t]`` is an infinitive (one of ``infinitive`` right before it) that one
    of ``first`` heads a few words before (``headed``: the word it precedes), with no future
    auxiliary earlier in the clause: "became the first nation to acquire", "were the first
    countries to purchase drones in 2021", "are the first to receive": the buyer has taken
    the step, arms in hand. "Will be the first to receive" is ahead."""
    marker = classes.get("infinitive", _NONE)
    if not headed or t < 1 or words[t - 1] not in marker:
        return False
    if any(words[t] in classes.get(s, _NONE) for s in STATUSES if s != "delivered"):
        return False  # "the first customer to order jets": the step the trigger names, ordered
    # a wish or a prospect earlier in the clause is a step still ahead too: "hopes to be the
    # first to receive", "is expected to become the first nation to acquire"
    ahead = (
        classes.get("future", _NONE)
        | classes.get("prospective", _NONE)
        | classes.get("talks", _NONE)
    ) - marker
    for j in range(t - 1, max(-1, t - 1 - _FIRST_GAP), -1):
        if j in headed:
            return not any(words[k] in ahead for k in _clause_back(words, j))
        if words[j] in _SENTENCE_STOPS or (j < t - 1 and words[j] in marker):
            return False
    return False


def _clause_back(words: Sequence[str], j: int) -> range:
    """The indices of the clause before ``words[j]``, back to punctuation."""
    k = j
    while k > 0 and words[k - 1] not in _SENTENCE_STOPS:
        k -= 1
    return range(k, j)


def _wanted_infinitive(words: Sequence[str], i: int, classes: Mapping[str, frozenset[str]]) -> bool:
    """``words[i]`` is an infinitive (one of ``infinitive`` right before it: "to procure") whose
    clause holds, further back than ``_prospect`` reads, a prospect or talks word that governs
    it: "was ready and willing to sell", "has been in talks with X for years to procure",
    "wanted to procure": what is wished or negotiated, not done. The clause ends at
    punctuation other than brackets ("talks with X's maker (HAL) to procure"); a ``scheduled``
    word nearer the infinitive ("is set to transfer", "is due to receive") tells a step fixed."""
    marker = classes.get("infinitive", _NONE)
    if not marker or i < 1 or words[i - 1] not in marker:
        return False
    wish = classes.get("prospective", _NONE) | classes.get("talks", _NONE)
    fixed = classes.get("scheduled", _NONE)
    for j in range(i - 2, max(-1, i - 2 - _WANT_REACH), -1):
        if words[j] in _SENTENCE_STOPS or words[j] in fixed:
            return False  # the nearest governor is a step fixed: "is set to transfer"
        if words[j] in wish:
            return True
    return False


_SENTENCE_STOPS = frozenset(",.;:!?")


def _ahead_after(words: Sequence[str], i: int, classes: Mapping[str, frozenset[str]]) -> bool:
    """``words[i]`` is one of ``ahead_after`` ("decision") with a prospect or talks word a few
    words after it: "a decision could be made next year", "a decision is expected"; or a wait
    (``approval_ahead``) a few words either side, as for an approval: "awaits a decision",
    "a decision is still pending": still ahead."""
    if words[i] not in classes.get("ahead_after", _NONE):
        return False
    wait = classes.get("approval_ahead", _NONE)
    near = classes.get("prospective", _NONE) | classes.get("talks", _NONE) | wait
    before = words[max(0, i - _PROSPECT_WINDOW) : i]
    return any(w in near for w in words[i + 1 : i + 1 + _PROSPECT_WINDOW]) or any(
        w in wait for w in before
    )


def _prospect_after(words: Sequence[str], i: int, classes: Mapping[str, frozenset[str]]) -> bool:
    """A prospect word ("expected", "will") stands a few words after ``words[i]``."""
    near = classes.get("prospective", _NONE)
    return any(w in near for w in words[i + 1 : i + 1 + _PROSPECT_WINDOW])


def _grants_approval(words: Sequence[str], i: int, classes: Mapping[str, frozenset[str]]) -> bool:
    """An approval word follows ``words[i]`` within two words ("got approval", "received US
    clearance"), or an approval phrase within ``_PERMIT_WINDOW`` ("gave Poland and Romania the
    green light"): what was handed over is a permission."""
    near = classes.get("approval", _NONE)
    if any(w in near for w in words[i + 1 : i + 3]):
        return True
    # a phrase of permission is never the arms handed over, so it may stand past a list of
    # recipients
    return any(" " in w and w in near for w in words[i + 1 : i + 1 + _PERMIT_WINDOW])


def _fulfilled(words: Sequence[str], i: int, classes: Mapping[str, frozenset[str]]) -> bool:
    """One of ``fulfil`` ("fulfilled", "выполнила") stands a few words before the order word
    ``words[i]``, past a time phrase ("выполнила в этом году контракт", fulfilled this year the
    contract): the contract or order was carried out, its arms delivered."""
    near = classes.get("fulfil", _NONE)
    return bool(near) and any(words[j] in near for j in range(max(0, i - _FULFIL_WINDOW), i))


def _hands_paper(words: Sequence[str], i: int, classes: Mapping[str, frozenset[str]]) -> bool:
    """One of ``paper`` (a letter, a request, a contract, an offer) follows the hand-over word
    ``words[i]`` within two words: what was sent or received is a document about the arms, not
    the arms ("sent a letter asking for jets", "received a contract to build"); the words
    around it tell the status."""
    near = classes.get("paper", _NONE)
    return bool(near) and any(w in near for w in words[i + 1 : i + 3])


def _approves(words: Sequence[str], i: int, classes: Mapping[str, frozenset[str]]) -> bool:
    """An approval word stands right before the hand-over word ``words[i]``, perhaps past one
    name or arms phrase ("approved the delivery", "approves submarine delivery")."""
    near = classes.get("approval", _NONE)
    if i >= 1 and words[i - 1] in near:
        return True
    return i >= 2 and words[i - 1] == "" and words[i - 2] in near


def _pending(words: Sequence[str], i: int, classes: Mapping[str, frozenset[str]]) -> bool:
    """A word of a delivery not yet made stands within ``_PENDING_WINDOW`` words of the
    hand-over word ``words[i]`` ("delays in the delivery", "deliveries will be postponed", "the
    imminent delivery", "were not delivered")."""
    near = classes.get("pending", _NONE)
    lo, hi = max(0, i - _PENDING_WINDOW), min(len(words), i + _PENDING_WINDOW + 1)
    return bool(near) and any(words[j] in near for j in range(lo, hi) if j != i)


def _future(
    words: Sequence[str], triggers: Sequence[int], classes: Mapping[str, frozenset[str]]
) -> bool:
    """A trigger follows a future auxiliary, perhaps past one adverb ("will soon supply"), or is
    itself a one-word future of supplying (``pledge``: "передаст", "venderà")."""
    pledge = classes.get("pledge", _NONE)
    return any(_after_future(words, t, classes) or words[t] in pledge for t in triggers)


def _intends(words: Sequence[str], first: int, classes: Mapping[str, frozenset[str]]) -> bool:
    """An intent word ("wants", "plans", "in talks") governs the first trigger: it stands at
    most ``_INTENT_BEFORE`` words before it or ``_INTENT_AFTER`` after it."""
    near = classes.get("intent", _NONE)
    lo, hi = max(0, first - _INTENT_BEFORE), min(len(words), first + _INTENT_AFTER + 1)
    return bool(near) and any(words[j] in near for j in range(lo, hi) if j != first)


def _after_future(words: Sequence[str], i: int, classes: Mapping[str, frozenset[str]]) -> bool:
    """``words[i]`` follows a future auxiliary within two words ("will be delivered", "to take
    delivery", "will soon supply"), ends a clause whose auxiliary stands second
    (``future_far``, ``_future_in_clause``), or, in a language that puts the auxiliary last
    (``future_after``), one follows it ("geliefert werden")."""
    aux = classes.get("future", _NONE)
    if any(words[j] in aux for j in range(max(0, i - _FUTURE_WINDOW), i)):
        return True
    if _future_in_clause(words, i, classes):
        return True
    last = classes.get("future_after", _NONE)
    # "the tanks Korea delivered will equip": after a past participle the auxiliary starts the
    # main clause, the delivery done (a lexicon without participle_endings, German, keeps it)
    return (
        bool(last)
        and not _past(words[i], classes)
        and any(w in last for w in words[i + 1 : i + 1 + _FUTURE_WINDOW])
    )


def _future_in_clause(words: Sequence[str], i: int, classes: Mapping[str, frozenset[str]]) -> bool:
    """``words[i]`` is an infinitive ending its clause with a ``future_far`` auxiliary earlier
    in that clause: the German future, "wird" in second place and the infinitive last
    ("Deutschland wird Kampfpanzer an die Ukraine liefern", "Katar wird 24 Jets erhalten").
    German infinitives end in -n (liefern, kaufen, erhalten); a clause ends at punctuation.
    "werden" with a past participle last is the present passive, not the future ("die Panzer
    werden an Kiew abgegeben", ``_ge_participle``)."""
    far = classes.get("future_far", _NONE)
    if not far or not words[i].endswith("n") or words[i + 1 : i + 2] not in ([], *_CLAUSE_END):
        return False
    if _ge_participle(words[i], classes):
        return False
    for j in range(i - 1, max(-1, i - _CLAUSE_REACH), -1):
        if words[j] in CLAUSE_PUNCT:
            return False
        if words[j] in far:
            return True
    return False


_PARTICIPLE_ROOT = 4  # "abgegeben" leaves "geben" after "abge"; the infinitive "abgeben" "ben"


def _ge_participle(word: str, classes: Mapping[str, frozenset[str]]) -> bool:
    """``word`` is a past participle made with ge- (``participle_starts``: "ge", or "ge" after
    a separable prefix, "abge", "weiterge"): "gegeben", "abgegeben", "weitergegeben". What
    follows must be a whole verb root (``_PARTICIPLE_ROOT`` letters or more): the infinitive of
    a verb of giving or going keeps the "ge" of its root ("abgeben", "weitergeben"). The
    participles of verbs with an inseparable prefix ("erhalten", "bekommen", "übergeben") are
    the infinitive's form and stay infinitives here."""
    starts = classes.get("participle_starts", _NONE)
    return any(word.startswith(p) and len(word) - len(p) >= _PARTICIPLE_ROOT for p in starts)


def _right_after_future(
    words: Sequence[str], i: int, classes: Mapping[str, frozenset[str]], passive: bool = False
) -> bool:
    """``words[i]`` comes right after a future auxiliary ("seront fournis"), or right before one
    in a language that puts it last (``future_after``: "geliefert werden"). With ``passive`` (the
    participle is the sentence's first trigger, its main transfer), one passive auxiliary may
    stand between (``passive_aux``: "will be supplied", "vont être livrés"); a later one repeats
    a transfer the sentence told first ("will supply jets ... that will be transferred")."""
    aux = classes.get("passive_aux", _NONE)
    at = i - 1 if passive and i > 1 and words[i - 1] in aux else i
    before = at > 0 and words[at - 1] in classes.get("future", _NONE)
    return before or (i + 1 < len(words) and words[i + 1] in classes.get("future_after", _NONE))


def _perfect(words: Sequence[str], i: int, classes: Mapping[str, frozenset[str]]) -> bool:
    """``words[i]`` follows a perfect auxiliary, perhaps past one adverb ("has already sold")."""
    aux = classes.get("perfect", _NONE)
    return any(words[j] in aux for j in range(max(0, i - 2), i))


def _framed(words: Sequence[str], i: int, classes: Mapping[str, frozenset[str]]) -> bool:
    """One of ``frame`` ("under", "in the framework of") stands a few words before ``words[i]``,
    or one of ``frame_after`` a few words after it: a language with postpositions puts the frame
    after the deal ("anlaşma çerçevesinde", the agreement's framework)."""
    frame = classes.get("frame", _NONE)
    after = classes.get("frame_after", _NONE)
    return any(words[j] in frame for j in range(max(0, i - _FRAME_WINDOW), i)) or any(
        words[j] in after for j in range(i + 1, min(len(words), i + 1 + _FRAME_WINDOW))
    )


def _past(word: str, classes: Mapping[str, frozenset[str]]) -> bool:
    """``word`` ends in one of the lexicon's ``participle_endings`` ("received"); never, for a
    lexicon that lists none."""
    endings = tuple(classes.get("participle_endings", _NONE))
    return bool(endings) and word.endswith(endings)


def _ahead_told(words: Sequence[str], i: int, classes: Mapping[str, frozenset[str]]) -> bool:
    """Something after the participle ``words[i]`` says the deal is not yet carried out: a word
    of delay or of a delivery not yet made (``pending``) standing with the arms phrase's own
    verb (a ``be`` word at most two words before it: "are under construction", "are due by
    2028", "are expected in May"), or a delivery word after a future auxiliary ("are expected to
    arrive", "will be delivered"). A pending word elsewhere in the sentence tells of something
    else; one followed by an infinitive (a ``future`` word: "are expected to strike") names what
    the arms will do; negations ("are not yet in service") are left to the hand-over word
    (``_pending``). Not the ``prospective`` words: "would", "set", "soon" stand in too many
    sentences about arms already in hand."""
    near = classes.get("pending", _NONE)
    be = classes.get("be", _NONE)
    negation = classes.get("negation", _NONE)
    future = classes.get("future", _NONE)
    handing = classes.get("handover", _NONE) | classes.get("delivered", _NONE)

    def with_verb(j: int) -> bool:
        before = words[max(i + 1, j - 2) : j]
        after = words[j + 1] if j + 1 < len(words) else ""
        return (
            words[j] not in negation
            and any(w in be for w in before)
            and not any(w in negation for w in before)
            and after not in future
        )

    return any(
        (w in near and with_verb(j)) or (w in handing and _after_future(words, j, classes))
        for j, w in enumerate(words)
        if j > i
    )


def _gerund_noun(words: Sequence[str], i: int, classes: Mapping[str, frozenset[str]]) -> bool:
    """``words[i]`` is a gerund ("buying", "purchasing") right after one of ``noun_after`` (a
    preposition: "on buying", "in purchasing"): a noun of buying, not "is buying" (an order)."""
    before = words[i - 1] if i > 0 else ""
    return words[i].endswith("ing") and before in classes.get("noun_after", _NONE)


def _hangs_on_arms(words: Sequence[str], i: int, classes: Mapping[str, frozenset[str]]) -> bool:
    """``words[i]`` is a participle reduced to a modifier: "purchased from", not "were bought
    from" nor "bought jets from"."""
    after = words[i + 1] if i + 1 < len(words) else ""
    before = words[i - 1] if i > 0 else ""
    return (
        after in classes.get("background_after", _NONE)
        and before not in classes.get("be", _NONE)
        and _past(words[i], classes)
    )


def quantity_before(text: str, start: int) -> int | None:
    """The count written right before a weapon mention at ``start`` ("24 Rafale jets")."""
    m = _QTY.search(text[max(0, start - 60) : start])
    if not m:
        return None
    tok = m.group(1).lower().replace(",", "")
    n = _NUMBER_WORDS.get(tok) if not tok.isdigit() else int(tok)
    # Years and designations ("2019 F-16", "the 1990s") are not counts.
    return n if n is not None and 0 < n < 1900 else None


def value_in(text: str) -> dict[str, object] | None:
    """The first money amount in the sentence: {"amount": 2.5e9, "currency": "USD"}."""
    m = _VALUE.search(text)
    if not m:
        return None
    num = (m.group("num") or m.group("num2")).replace(",", ".")
    scale = (m.group("scale") or m.group("scale2")).lower()
    cur = (m.group("pre") or m.group("post")).lower()
    return {"amount": float(num) * _SCALE[scale], "currency": _CURRENCY.get(cur, cur.upper())}
