"""Country pairs with roles, read from sentence evidence ("who buys from whom").

A relation (e.g. ``arms_transfer``) is data: a lexicon file in ``data/rules/relations/`` with word
classes, trigger words, object patterns for weak triggers and per-role cue patterns (see the
comments at the top of ``arms_transfer.yaml``). This module only turns a sentence into a line of
symbols and runs the patterns, so every trigger and role decision can be explained by the pattern
that made it.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any, NamedTuple

from worker.model import Article, Entity, TaggedArticle
from worker.transforms.folding import fold_letters, fold_words
from worker.transforms.parser import parse, parse_many
from worker.transforms.sentences import split_sentences

from .dateline import dateline_at
from .grammar import (
    BACK,
    BACK_OBJECT,
    BACK_SELLER,
    BLOCKER,
    BLOCKS_ANOTHER,
    MAKER_OF,
    NO_ROLE,
    RETIRED,
    RIVAL,
    SOLD_BEFORE,
    Actor,
    Classes,
    Role,
    Weapon,
    arms_object,
    is_subject_span,
    names_its_own_recipient,
    names_its_own_source,
    read_roles,
)
from .text import SENT_TOKEN, bare
from .transfer import (
    CLAUSE_PUNCT,  # a clause ends at punctuation, as the status reader reads it
    COUNT_WORDS,
    further_status,
    holds_phrase,
    quantity_before,
    read_status_words,
    sentence_status,
    value_in,
    with_opening,
)
from .word_stems import STEM_MARK, StemReader

ROLES = ("recipient", "supplier", "third")
SIDES = frozenset(("recipient", "supplier"))  # the two sides of a transfer
ONLY_OTHER = "only other party in the sentence"
# A buyer the sentence names only as "it" or "the country" (grammar.BACK), until the article
# tells who: the recipient of the first pair it read.
REFERRED_BACK = "<named earlier>"
# A buyer read alone whose arms are only "the aircraft", "these jets" (no named weapon, no
# seller in its sentence) orders what the article already told of: their seller is the
# supplier of the article's first pair (document context; the maker fill when there is none).
REFERRED_ARMS = "<the arms named earlier>"
REFERRED_ARMS_CUE = "seller of the arms named earlier"
SELLER_BACK = True
# ... and before any pair is read, "it" is the first state the article names (``_first_state``)
BACK_TO_FIRST_STATE = True
# ... and "the country" as an object, after a sentence naming its subject's state and another,
# is no one ("X struck Z. A delivered jets to the country"): the other state ("X protested Z's
# purchase" names X as often) added no dev pair (measured, review)
_DEFINITE = frozenset({"the", "these", "those"})
BACK_KEY = "back"
# A seller the sentence names only as "the country" (grammar.BACK_SELLER) beside a buyer it
# names: the one seller the article has read so far (``_seller_read_before``); with none or
# two, the buyer is read alone, as if the words were not there (the maker fill).
REFERRED_SELLER = "<the seller named earlier>"
SELLER_BACK_KEY = "back seller"
# Where the arms were made ("fabricados en Estados Unidos", "российского производства"): the
# lexicon's ``roles.origin`` patterns, read as the supplier only when ``_origin_only`` allows;
# otherwise the role stays this one, which is no party.
ORIGIN = "origin"
# the tag a ``recipient_in_dative`` pattern's cue text carries (``_case_required``)
IN_DATIVE = " (recipient in the dative)"
# ... and a ``supplier_in_instrumental`` pattern's: the agent of a Slavic passive, named in the
# instrumental with no preposition ("поставлены Россией", "передані Литвою"; ``_case_required``)
IN_INSTRUMENTAL = " (agent in the instrumental)"
# a buyer whose sentence names no seller buys from the one maker the article names (its
# weapons' and companies' state, ``_maker_pairs``), in every language: in English the parse
# reads the buyer, and the maker is often named only in the headline or another sentence
# ("Navantia wins the corvette tender. Peru will buy two ships."). The placeholder supplier
# stands for that maker until the article is read; it never reaches a pair or its cues.
MAKER_FILL = True
ARTICLE_MAKER = "<the article's maker>"
MAKER_CUE = "maker named in the article"
# language lexicons: a sentence that reads a seller and no buyer ("La France livrera douze
# Rafale.") leaves the buyer to the article: the placeholder recipient stands for the buyer
# another sentence reads with no seller, and is paired with it when the article's sentences pair
# no parties themselves (``_joined_pairs``); it never reaches a pair or its cues.
JOIN_SIDES = True
ARTICLE_BUYER = "<the article's buyer>"
JOIN_CUE = "seller read in another sentence"
NO_SIDE = "no side of the transfer"  # a bystander's cue for a state the parse gave no side
# The article's context fills a side the sentences leave empty (the lead state as buyer, the
# opening's seller, the one maker as seller): rules/fills.py, its sources switched by
# ``fills.SOURCES``. English reads a lone seller's buyer too (issue 12, cross-sentence): a
# seller read alone in each of its sentences ("Slovakia donates warplanes", "bought from
# Norway") sells to the lead state, when its cue shows a sale (``fills._unsure_seller``); the
# join with a lone buyer stays off in English
LEAD_BUYER_EN = True
# a buyer read alone in an article whose pairs all have one seller, the state of the one maker
# the article names: it buys from that seller too ("X took the first drones from Turkey. In May,
# Y acquired some of these drones."), a second customer of the same maker (``_later_buyers``);
# the language files only for a buyer a cue marks as one (``fills._marked_buyers``)
LATER_BUYERS = True
# the cue of a lone member of a list whose other member is paired with the seller
LIST_MATE_CUE = "seller of another member of its list"
# ... and in the language lexicons, when the article names no maker at all (no company, no
# weapon of a known make), the one seller every pair has sells to each marked lone buyer:
# nothing names another source ("Die Regierung genehmigt Exporte nach X. Y erhält 40 Gewehre.")
LATER_BUYERS_NO_MAKER = True
ONE_SELLER_CUE = "the one seller of the article's pairs, no maker named"
# English reader: a sentence that reads sellers and no buyer, in an article whose pairs all
# have one buyer, names that buyer's further sellers ("X will buy tanks from A. The helicopters
# will come from B and C."): a second seller of the same buyer (``_second_sellers``)
SECOND_SELLERS = True
# A pair whose sentences name no system borrows none the report names only beside a party of
# its other pairs (``_others_arms``; docs/rules.md §8, twelfth stop)
OTHERS_ARMS = True
# The weapon of a pair in a sentence of several triggers is named nearest the pair's own
# trigger (``_own_trigger``: the one between its mentions, else the one nearest its parties),
# not the sentence's first
OWN_TRIGGER = True
# a pair whose own words name its arms by class takes no system another verb or party of its
# sentence governs (``_class_object``; 2026-12-07, thirteenth stop); a switch for the bench
CLASS_OBJECT = True
# the article's one system lent to a pair whose sentences name none is counted once the other
# pairs' systems are set aside (``_article_weapon``; thirteenth stop); a switch for the bench
LEFT_ONE = True
# ... and on the language lexicons for a seller read from a mark before it: a case suffix
# (Turkish "Rusya'dan") or a preposition ("from", "with" after a deal) that is not also the
# language's "of" (the Romance "de" also names an owner: Portuguese lists of buyers after "de"
# cost wrong pairs), ``_from_cue``
SECOND_SELLERS_I18N = True
# a language lexicon's pair that joins a state read by a preposition inside a relative clause to
# one read outside it is dropped: that state is a party of the clause's own event
# (``_across_relative``; the ``relative`` class), s41-i18n-clauses
RELATIVE_CLAUSES = True
# ... and, in English, only of the arms the buyer's pairs name, when both sentences name a
# weapon; a language lexicon's seller of origin sells whatever arms to the buyer (its sentence's
# subject is dropped or a noun: "negocia más cazas de Francia"), s36-i18n-multi
SECOND_ARMS = True
SECOND_CUE = "another seller to the article's buyer"
_RETIRE_REACH = 4  # symbols from a retire word to the weapon it is about ("para reemplazar sus X")
_SLOTS = {"X": "X ", "C": "C ", "T": "T ", "N": "N ", "W": "W[XO]? ", "W=": "WX? "}
_SLOTS.update({"XA": "XA ", "CA": "CA "})  # a country adjective (language lexicons only)


class LexiconError(ValueError):
    """A relation lexicon that cannot be compiled."""


@dataclass(frozen=True, slots=True)
class CuePattern:
    """One role cue: the source text, its compiled regex and how specific it is."""

    text: str
    role: str
    regex: re.Pattern[str]
    specificity: int


@dataclass(slots=True)
class RelationLexicon:
    """A compiled relation lexicon (``raw`` keeps the file content for publishing)."""

    name: str
    description: str
    window: int
    arms_window: int
    ignore: frozenset[str]
    triggers: frozenset[str]
    negators: frozenset[str]
    negator_window: int
    arms: dict[tuple[str, ...], None]
    arms_max: int
    cues: list[CuePattern]
    raw: dict[str, Any] = field(repr=False)
    arms_first: frozenset[str] = frozenset()  # first tokens of the arms phrases
    weak: frozenset[str] = frozenset()
    objects: list[CuePattern] = field(default_factory=list)
    not_objects: list[CuePattern] = field(default_factory=list)
    grammar: Classes | None = None  # word classes for the dependency-parse role reader
    status_words: dict[str, frozenset[str]] = field(default_factory=dict)
    # Other languages (rules/languages.py): their lexicons by code, and for one of them the
    # function reading an inflected token (folded, and as written) as its class word.
    by_language: dict[str, RelationLexicon] = field(default_factory=dict, repr=False)
    stem: Callable[[str, str], str] | None = field(default=None, repr=False)
    # language lexicons: the function reading a token (folded, and as written) as a status word,
    # apart from ``stem`` so that status words never change a token's class (word_stems.py)
    status_reader: Callable[[str, str], str] | None = field(default=None, repr=False)
    # language lexicons: whether a country mention's text is an adjective ("russische"): XA / CA
    adjectives: Callable[[str], bool] | None = field(default=None, repr=False)
    # language lexicons: the "to" word a country's name carries joined to its front (Arabic
    # "لمصر", to Egypt), or None when it carries none (rules/languages.py ``joined_to_test``)
    joined_to: Callable[[str], str | None] | None = field(default=None, repr=False)
    # language lexicons with case (Slavic): the case of a country mention, from its country id
    # and its text ("nominative", "dative", "instrumental" or None; ``languages.case_test``)
    case_of: Callable[[str, str], str | None] | None = field(default=None, repr=False)
    # the words of "together with" before an instrumental (Ukrainian "разом з", Polish "wraz
    # z"): a second subject, no partner (``_together_with``); folded, from ``cases: together``
    together: frozenset[str] = frozenset()
    # prepositions that take the locative (Polish "w", "o", "przy"): a name right after one
    # whose ending reads as the dative ("w Polsce") is the locative, a place (``cases:
    # locative_after``; ``_symbols``)
    locative_after: frozenset[str] = frozenset()
    # the words after which that joined "to" marks a noun's object or a fixed phrase instead
    # (Arabic "غزو روسيا لأوكرانيا" invasion of Ukraine, "وفقا لروسيا" according to Russia)
    not_to: frozenset[str] = frozenset()
    # language lexicons: triggers of handing arms on (Polish "przekazała"): second-hand arms, so
    # a sentence with one never takes the weapon's maker as the supplier
    handover: frozenset[str] = frozenset()
    # language lexicons: words of replacing or retiring arms ("zastąpią", "reemplazar"): a named
    # weapon right after one is on its way out, so its maker is not the supplier (``_retired``)
    retire: frozenset[str] = frozenset()
    # language lexicons: goods bought for a platform (engines, parts, spares; the ``parts``
    # class, English ``for_platform``): a weapon right after one is what the goods are for, so
    # it names no maker of what changes hands (``_platforms``)
    parts: frozenset[str] = frozenset()
    # language lexicons: words of stationing or deploying forces (the ``deploy`` class): a deal
    # about them sells nothing, so its partners are never turned by the arms' maker
    deploy: frozenset[str] = frozenset()
    # language lexicons: compounds of an arms word and a noun of trading (German
    # "Rüstungsexporte", "Waffenlieferung", the ``arms_trade`` class): the trigger and its arms
    # in one word, so the symbol line reads an arms symbol right before the trigger word
    arms_trade: frozenset[str] = frozenset()
    # language lexicons: nouns of a state body ("gobierno", "ministère") and the words that
    # mark the genitive after them ("de", "da"): "Gobierno de Colombia" is Colombia acting, so
    # the reader sees the country where the body stands and "de" never makes it a supplier
    holders: frozenset[str] = frozenset()
    genitive: frozenset[str] = frozenset()
    # language lexicons: a state's armed forces ("Esercito", "armée") right after a word that
    # makes them the company's counterpart (``to_words``: "to", "with", "and": "all'", "à la",
    # "con l'", "Leonardo e l'Aeronautica"), or in the dative alone (``forces_to``: Polish
    # "wojsku"): with no state named the company delivers home (``fills._to_own_forces``); never a
    # president, minister or "defence", which name no recipient
    forces: frozenset[str] = frozenset()
    forces_to: frozenset[str] = frozenset()
    to_words: frozenset[str] = frozenset()
    # language lexicons: prepositions of place ("en", "em", "in"): a capital right after one is
    # where something happens ("firmó en Lima"), not a party (``_places``); and those that also
    # mean "to" ("à", "a"): a place unless a word of moving arms (``movers``: buying or
    # supplying, verb or noun) stands before it ("signe à Paris", but "livré à Kiev")
    places: frozenset[str] = frozenset()
    places_or_to: frozenset[str] = frozenset()
    movers: frozenset[str] = frozenset()
    # language lexicons: "with" ("mit", "con", "z", "с"; the ``with`` class): a country right
    # after one is a partner, never the subject of the verb after it (``_no_subject_after_place``)
    partners: frozenset[str] = frozenset()
    # language lexicons: the classes of prepositions ("to", "from", "by", "with"): a list whose
    # members each repeat one of a class is one list (``_same_preposition``)
    prepositions: tuple[frozenset[str], ...] = ()
    # the words that close a list of countries ("and"; a language lexicon's ``and`` class:
    # "und", "et", "e", "y", "ve"): the country after one shares the role of the one before
    conjunctions: frozenset[str] = frozenset({"and"})
    # language lexicons: words that, right after the country closing a list, show it opens a
    # clause of its own ("... an Ägypten und Israel protestiert": auxiliaries, verbs of
    # reacting; a language's ``clause`` class): that country takes no role from the list
    clause_words: frozenset[str] = frozenset()
    # language lexicons: words that open a clause "and that" (Arabic "وأن", the
    # ``and_that`` class): a country right after one is that clause's subject (``_own_clauses``)
    clause_openers: frozenset[str] = frozenset()
    # language lexicons: the words that open a relative clause right after a comma (the
    # ``relative`` class: "which", "які", "которые", "qui", "donde"), and those of them that
    # stand for a place (``relative_place``: "where"): a state named by a preposition inside one
    # is a party of that clause's own event (``_across_relative``)
    relatives: frozenset[str] = frozenset()
    relatives_place: frozenset[str] = frozenset()
    # language lexicons: verbs of operating or using arms (the ``operate`` class: "opera",
    # "exploite", "تشغل"): the state right before one already holds them, a fellow customer
    # of the seller, never the seller of the sentence's purchase (``_users``)
    operate: frozenset[str] = frozenset()
    # language lexicons: an "and" written joined to the next word (Arabic "و", the ``and_joined``
    # class): a country written with one ("والجزائر") is the next member of a list
    joined_and: tuple[str, ...] = ()
    # language lexicons: the token that opens a case suffix (Turkish "'", ``case_marker``), when
    # a list carries its case on the last member only ("Katar, Kuveyt ve Umman'a")
    case_marker: str = ""
    # language lexicons: the sides a country adjective may fill when the patterns left them
    # empty ("the one remaining country"; a language file's `fill_adjectives: false` says none,
    # `[supplier]` the seller's only: an adjective on a company names its seller, never a buyer)
    fill_adjectives: frozenset[str] = SIDES
    # language lexicons: words opening an attribution ("selon", "según", "laut"; the ``according``
    # class): the countries listed right after one are a source of the news, not a party
    according: frozenset[str] = frozenset()
    # language lexicons: words of training and repair (the ``stay`` class: "training",
    # "Ausbildung", "ремонт"; no visits, whose state is often the buyer), the prepositions of
    # place (class ``in``) and of purpose (class ``purpose``: "для", "para", "für"): a state
    # whose "in" phrase, or a "X for" phrase, is where pilots train or arms are mended is a
    # place, no side (``_venues``)
    venues: frozenset[str] = frozenset()
    purposes: frozenset[str] = frozenset()
    # language lexicons: words of criticism, pressure, sanctions and protest (the ``critic``
    # class): a state named with one objects to a deal, no side (``_critics``); "against"
    # (classes ``against`` and ``target``) before a state makes it the target, no critic
    critics: frozenset[str] = frozenset()
    targets: frozenset[str] = frozenset()
    # language lexicons: the words both "from" and "in" (Ukrainian "у"), "into" before an
    # accusative (``_into``)
    from_or_in: frozenset[str] = frozenset()
    place_words: frozenset[str] = frozenset()
    # language lexicons: words of military exercises and deployments (the ``drill`` class:
    # "Übung", "exercice", "учения"): a report about one is no transfer, so the article's
    # context never supplies a missing side there (``fills._opening_seller_pairs``)
    drills: frozenset[str] = frozenset()
    # language lexicons: verbs of arriving that count only with a "to" word (classes ``to`` and
    # ``onto``) right after them or at most two symbols before them (the ``arrive_to`` class:
    # Polish "trafić", "trafiły do X" arrived in X, "do X trafił", "trafią na Słowację", but
    # "rakieta trafiła w" the missile hit): elsewhere they are no trigger
    # (``_qualifying_triggers``); ``to_words_only`` holds those two classes
    arrive_to: frozenset[str] = frozenset()
    to_words_only: frozenset[str] = frozenset()
    # language lexicons: words of attacking and war (the ``attack`` class: "Angriff",
    # "bombardé", "обстрел"): a state the opening reads attacking is the buyer's foe, never
    # the seller the article's context supplies (``fills._opening_seller_pairs``)
    attacks: frozenset[str] = frozenset()
    # words of buying and receiving, verbs and nouns (classes ``buy``, ``buy_noun``; folded as
    # tokens are read): a lead state named with one is read as a buyer (``fills.LEAD_BUYS``)
    buyers: frozenset[str] = frozenset()
    # language lexicons: words read as written, not folded, because folding makes them another
    # word of the lexicon (a language file's ``written:`` list): Portuguese "à" ("to the") folds
    # to the article "a", Polish "że" ("that") to "ze" ("from"); a class may list them as written
    written: frozenset[str] = frozenset()
    # language lexicons: ignored words kept after a given word when a country follows (a
    # language file's ``kept:`` list of "word ignored" phrases): German "in die Türkei" is
    # "into", the accusative, where "in der Türkei" is "in"; the class `to` lists the phrase
    kept: frozenset[tuple[str, str]] = frozenset()
    # a learned second opinion on the pairs (rules/pair_scorer.py), from the lexicon's `scorer:`
    scorer: Any = field(default=None, repr=False)
    # language lexicons: their word classes as read (stem keys included), for the pair scorer's
    # features (``grammar`` is None there: it selects the parse)
    word_classes: Classes | None = field(default=None, repr=False)

    @property
    def symbols_only(self) -> bool:
        """A language lexicon (rules/languages.py): read by symbol patterns alone, with no
        dependency parse (which is English-only)."""
        return self.grammar is None and self.adjectives is not None

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> RelationLexicon:
        try:
            name = str(raw["relation"])
            # lower case on both sides, as languages.py keeps ``written`` and tokens are read
            written = frozenset(str(w).lower() for w in raw.get("written") or [])
            classes = {
                k: [w.lower() if w.lower() in written else fold_letters(w) for w in map(str, v)]
                for k, v in raw.get("classes", {}).items()
            }
            window = int(raw.get("window", 6))
            arms_window = int(raw.get("arms_window", 10))
            ignore = frozenset(fold_letters(str(w)) for w in raw.get("ignore", []))
            kept = frozenset(
                (a, b)
                for a, b in (SENT_TOKEN.findall(fold_letters(str(p))) for p in raw.get("kept", []))
            )
            triggers: set[str] = set()
            for t in raw.get("triggers", []):
                triggers.update(_expand_words(str(t), classes))
            negators: set[str] = set()
            for t in raw.get("negators", []):
                negators.update(_expand_words(str(t), classes))
            # a plain hull ("the vessels", "two ships", "eight boats") is arms to the sentence
            # reader as it is to the parse (grammar._names_arms), though no topic term: the
            # article passes the query only on arms named elsewhere in it (its headline, the
            # sentence before), whose hulls the later sentences name plainly
            arms_words = [*classes.get("arms", []), *classes.get("hull", [])]
            arms_phrases = {tuple(SENT_TOKEN.findall(w)): None for w in arms_words}
            cues = [
                _compile_cue(str(text), role, classes, window)
                for role in (*ROLES, ORIGIN)
                for text in raw.get("roles", {}).get(role, [])
            ]
            # a recipient only where the case says so: the pattern's text carries the tag the
            # case guard tests (``_case_required``), whatever the pattern's own wording
            cues += [
                replace(_compile_cue(str(t), role, classes, window), text=f"{t}{tag}")
                for key, role, tag in (
                    ("recipient_in_dative", "recipient", IN_DATIVE),
                    ("supplier_in_instrumental", "supplier", IN_INSTRUMENTAL),
                )
                for t in raw.get("roles", {}).get(key, [])
            ]
            weak: set[str] = set()
            for t in raw.get("weak_triggers", []):
                weak.update(_expand_words(str(t), classes))
            objects = [
                _compile_cue(str(t), "object", classes, window, slot="T")
                for t in raw.get("objects", [])
            ]
            not_objects = [
                _compile_cue(str(t), "not_object", classes, window, slot="T")
                for t in raw.get("not_objects", [])
            ]
            if weak - triggers:
                extra = sorted(weak - triggers)
                raise LexiconError(f"weak triggers that are not triggers: {extra}")
            if weak and not objects:
                raise LexiconError("weak_triggers need at least one objects pattern")
            status_words = read_status_words(raw.get("status"), fold_letters)
            # read (and checked) only when the scorer is switched on: off, a pack that names
            # a weights file loads as the rules alone
            scorer = _load_scorer(raw.get("scorer")) if PAIR_SCORER else None
        except (KeyError, TypeError, ValueError) as exc:
            raise LexiconError(f"relation lexicon: {exc}") from None
        return cls(
            name=name,
            description=str(raw.get("description", "")),
            window=window,
            arms_window=arms_window,
            ignore=ignore,
            kept=kept,
            triggers=frozenset(triggers),
            negators=frozenset(negators),
            negator_window=int(raw.get("negator_window", 2)),
            arms=arms_phrases,
            arms_max=max((len(p) for p in arms_phrases), default=1),
            arms_first=frozenset(p[0] for p in arms_phrases if p),
            cues=cues,
            weak=frozenset(weak),
            objects=objects,
            not_objects=not_objects,
            raw=dict(raw),
            grammar=Classes(classes),
            status_words=status_words,
            buyers=frozenset(w for k in ("buy", "buy_noun") for w in classes.get(k, [])),
            scorer=scorer,
        )


def _load_scorer(name: Any) -> Any:
    """The pair scorer a lexicon names (a weights file, relative to data/rules/), or None."""
    if not name:
        return None
    from .pair_scorer import DEFAULT_WEIGHTS, PairScorer, ScorerError

    try:
        return PairScorer.load(DEFAULT_WEIGHTS.parent / str(name))
    except ScorerError as exc:
        raise LexiconError(f"scorer: {exc}") from None


def _expand_words(item: str, classes: Mapping[str, list[str]]) -> list[str]:
    if item.startswith("{") and item.endswith("}"):
        name = item[1:-1]
        if name not in classes:
            raise LexiconError(f"unknown word class {item}")
        return list(classes[name])
    return [fold_letters(item)]


def _compile_cue(
    text: str, role: str, classes: Mapping[str, list[str]], window: int, slot: str = "X"
) -> CuePattern:
    """Compile a pattern over a symbol line (" tok tok X tok ": a space after every symbol).

    Items: a symbol (X C T N W W=), ``{class}``, ``...`` (a gap of up to ``window`` tokens that
    crosses no country and no clause end), ``[a|b]`` (one of the items a, b) or a literal word.
    A trailing ``*`` repeats an item any number of times (zero included), ``?`` makes it
    optional; neither counts towards the specificity (the number of fixed items). A leading
    ``!`` makes an item a check that the next symbol is not that item (it consumes nothing); a
    ``*`` item right before it then takes every symbol it can, so "T {cargo} [and|,]* !W"
    does not match "T food and W" by stopping before "and"."""
    gap = rf"(?:(?!X |C )[^ .;:!?()]+ ){{0,{window}}}?"
    parts: list[str] = []
    fixed = 0
    items = text.split()
    for pos, item in enumerate(items):
        if item == "...":
            parts.append(gap)
            continue
        if item.startswith("!") and len(item) > 1:
            body = item[1:]
            if body.startswith("[") and body.endswith("]") and len(body) > 2:
                rx = "|".join(_item_regex(a, classes) for a in body[1:-1].split("|"))
            else:
                rx = _item_regex(body, classes)
            parts.append(f"(?!{rx})")
            continue
        before_not = pos + 1 < len(items) and items[pos + 1].startswith("!")
        repeat = item[-1] if len(item) > 1 and item[-1] in "*?" else ""
        body = item[:-1] if repeat else item
        if body.startswith("[") and body.endswith("]") and len(body) > 2:
            alts = [_item_regex(a, classes) for a in body[1:-1].split("|")]
            rx = "(?:" + "|".join(alts) + ")"
        else:
            rx = _item_regex(body, classes)
        if repeat:
            parts.append(f"(?:{rx}){repeat}{'+' if before_not and repeat == '*' else ''}")
        else:
            parts.append(rx)
            fixed += 1
    if slot not in text.split() and not (slot == "X" and "XA" in text.split()):
        raise LexiconError(f"{role} pattern {text!r} has no {slot} slot")
    return CuePattern(text, role, re.compile(" " + "".join(parts)), fixed)


def _item_regex(item: str, classes: Mapping[str, list[str]]) -> str:
    """Regex for one pattern item (a symbol, ``{class}`` or a literal), spaces included."""
    if item in _SLOTS:
        return _SLOTS[item]
    if item.startswith("{"):
        words = _expand_words(item, classes)
        alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        return f"(?:{alts}) "
    toks = SENT_TOKEN.findall(fold_letters(item))
    if not toks:
        raise LexiconError(f"empty pattern item {item!r}")
    return "".join(re.escape(t) + " " for t in toks)


@dataclass(frozen=True, slots=True)
class Cue:
    """Why a country got a role: the pattern (or ``origin of <weapon>``) and the mention span."""

    role: str
    country: str
    field: str
    start: int
    end: int
    cue: str


@dataclass(slots=True)
class PairHit:
    """One (recipient, supplier) pair with the sentences and cues that support it."""

    recipient: str
    supplier: str
    sentences: list[tuple[str, int, int, int]] = field(default_factory=list)  # field, idx, s, e
    cues: list[Cue] = field(default_factory=list)
    status: str | None = None  # from the first sentence that gives one (headline, lede first)
    weapon: str | None = None  # weapon id
    producer: str | None = None  # the weapon's maker (company id)
    quantity: int | None = None
    value: dict[str, Any] | None = None
    # the weapon is the supplier's own make (``_sells_as_own``), not one borrowed from its
    # sentence for want of one: a later sentence's own weapon replaces a borrowed one. Scratch
    # state of the reading only: the stored form (readings.hit_to_dict) leaves it out, so it
    # takes no part in comparing two readings of a pair
    weapon_own: bool = field(default=False, compare=False)
    # systems the pair's sentences name for another verb or party (``_Facts.other``): never
    # lent to it from the article. Scratch state, as ``weapon_own``
    weapon_not: set[str] = field(default_factory=set, compare=False)

    @property
    def pair(self) -> dict[str, Any]:
        out: dict[str, Any] = {"recipient": self.recipient, "supplier": self.supplier}
        for k in ("weapon", "producer", "status", "quantity", "value"):
            v = getattr(self, k)
            if v is not None:
                out[k] = v
        return out


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    kind: str  # "country" | "weapon" | "company" | "organization" (the last two: actors only)
    ident: str  # ISO3 for countries, weapon id
    origin: str | None = None
    name: str = ""
    producer: str | None = None
    company: bool = False  # a company read as its country (language lexicons): never the buyer
    adjective: bool = False
    partners: tuple[str, ...] = ()  # a weapon of a multinational programme: its partner states
    capital: bool = False  # a country named by its capital (``Mention.capital``)
    case: str | None = None  # the case of the name, where a lexicon reads it (``case_of``)


def sentence_spans(tagged: TaggedArticle) -> list[tuple[str, int, int, int]]:
    """(field, index, start, end) for the title (index -1) and every body sentence."""
    art = tagged.article
    out: list[tuple[str, int, int, int]] = []
    if art.title:
        out.append(("title", -1, 0, len(art.title)))
    # A tagged article carries its sentences; one built by hand (tests, tools) may not.
    sents = tagged.sentences or split_sentences(art.body)
    out.extend(("body", i, s, e) for i, (s, e) in enumerate(sents))
    return out


def spans_by_sentence(
    tagged: TaggedArticle, sentences: list[tuple[str, int, int, int]]
) -> dict[int, list[_Span]]:
    """The reader's parties (countries, weapons, and companies or state bodies with a country)
    per sentence of ``sentences`` (``sentence_spans``), found by character offset: a mention's
    own sentence number does not survive ``bounded_sentences`` cutting a long sentence."""
    art = tagged.article
    body_starts = [s[2] for s in sentences if s[0] == "body"]
    body_offset = 1 if art.title else 0
    per_sentence: dict[int, list[_Span]] = {}
    for ent in tagged.entities:
        if ent.type not in ("country", "weapon") and not (ent.type in _ACTORS and ent.country):
            continue
        for m in ent.mentions:
            if m.field == "title":
                idx = 0 if art.title else None
            else:
                pos = bisect.bisect_right(body_starts, m.start) - 1
                idx = pos + body_offset if pos >= 0 else None
            if idx is None or idx >= len(sentences) or m.end > sentences[idx][3]:
                continue
            per_sentence.setdefault(idx, []).append(
                _Span(
                    m.start,
                    m.end,
                    ent.type,
                    _ident(ent),
                    ent.country,
                    ent.name,
                    ent.producer,
                    partners=ent.partners,
                    capital=m.capital,
                )
            )
    return per_sentence


def candidate_sentences(tagged: TaggedArticle, lexicon: RelationLexicon) -> list[str]:
    """The sentences of ``tagged`` the grammar reader is likely to parse (none when it is not in
    use), so that a caller holding many articles can parse them all in one call first: the
    parser's cost is mostly per call (docs/rules.md, "Parsing in batches")."""
    if ROLE_READER != "grammar" or lexicon.grammar is None:
        return []
    sentences = sentence_spans(tagged)
    return _candidates(tagged.article, sentences, spans_by_sentence(tagged, sentences), lexicon)


@dataclass(frozen=True, slots=True)
class ContextFills:
    """The article's context fills (rules/fills.py), which build on this reader and so are not
    imported by it: they pass themselves in when imported (``use_fills``), and the rules
    package imports them (rules/__init__.py) before any reader runs."""

    # the article's step, once every sentence is read (``fills.fill``)
    fill: Callable[..., None]
    # the guard of a sentence's own maker fill, when switched on (``fills.makers_apart``)
    makers_apart: Callable[[list[Symbol], list[_Span], frozenset[str]], bool]


_FILLS: ContextFills | None = None


def use_fills(fills: ContextFills) -> None:
    """Install the article's context fills (``fills`` calls this once, when imported)."""
    global _FILLS
    _FILLS = fills


def _context_fills() -> ContextFills:
    if _FILLS is None:  # the rules package imports them: only a broken install gets here
        raise RuntimeError("the pair reader's context fills (rules/fills.py) are not installed")
    return _FILLS


def extract_pairs(
    tagged: TaggedArticle, lexicon: RelationLexicon, *, parse_first: bool = True
) -> list[PairHit]:
    """Role pairs the lexicon finds in the article, one ``PairHit`` per (recipient, supplier).
    ``parse_first``: parse the article's candidate sentences in one call before reading; False
    when a caller has parsed them already (``candidate_sentences``), so they are not sought
    twice (a sentence not parsed then is parsed when read, alone: same result)."""
    art = tagged.article
    sentences = sentence_spans(tagged)
    per_sentence = spans_by_sentence(tagged, sentences)
    if parse_first and ROLE_READER == "grammar" and lexicon.grammar is not None:
        parse_many(_candidates(art, sentences, per_sentence, lexicon))
    hits: dict[tuple[str, str], PairHit] = {}
    orphans: list[_Orphan] = []
    sellers: list[_Orphan] = []  # sentences with a seller and no buyer (``state`` the seller's)
    for idx, spans in sorted(per_sentence.items()):
        if not any(_party(s, lexicon) for s in spans):
            continue
        fld, sidx, start, end = sentences[idx]
        text = art.title if fld == "title" else art.body
        for rec, sup, cues, facts in _sentence_pairs(text, start, end, fld, spans, lexicon):
            if RELATIVE_CLAUSES and _across_relative(text, start, end, rec, sup, cues, lexicon):
                continue
            if rec == REFERRED_BACK:  # the buyer the article named first
                named_sellers = {  # read as sellers in words, not only as the arms' makers
                    s.state
                    for s in sellers
                    if any(c.country == s.state and _hands_over(c.cue) for c in s.cues)
                }
                back_cue = next(c.cue for c in cues if c.country == REFERRED_BACK)
                # the one buyer this seller has sold to already, else the article's first
                # ("A sells jets to X, and B boats to Y. Later B sent more boats to the
                # country": Y)
                own = {r for r, s in hits if s == sup}
                found = (
                    next(iter(own))
                    if len(own) == 1
                    else next(iter(k[0] for k in hits), "")
                    or _first_state(
                        per_sentence,
                        idx,
                        named_sellers,
                        art,
                        sentences,
                        sup,
                        BACK_OBJECT in back_cue,
                    )
                )
                if found is None:  # two states it may refer to: no buyer, and no pair
                    continue
                rec = found
                placeholder = sup in (ARTICLE_MAKER, REFERRED_ARMS)
                if rec == "" and BACK_OBJECT in back_cue and not placeholder:
                    # "to the country" with no referent yet: a seller with no buyer named, as
                    # if the words were not there (the article's buyer, ``fills._lead_buyer_pairs``)
                    own = [c for c in cues if c.country != REFERRED_BACK]
                    sellers.append(_Orphan(sup, own, facts, (fld, sidx, start, end), text))
                    continue
                if rec in ("", sup):
                    continue
                cues = [replace(c, country=rec) if c.country == REFERRED_BACK else c for c in cues]
            if sup == REFERRED_SELLER:  # the one seller read so far, else the maker fill
                before = _subject_before(per_sentence, idx, art, sentences)
                sup = (
                    _seller_read_before(hits, sellers, rec, state_noun=True, subject=before)
                    or ARTICLE_MAKER
                )
                placeholder = Cue("supplier", sup, fld, start, end, ARTICLE_MAKER)
                cues = [
                    (replace(c, country=sup) if sup != ARTICLE_MAKER else placeholder)
                    if c.country == REFERRED_SELLER
                    else c
                    for c in cues
                ]
            if sup == REFERRED_ARMS:  # the seller of the article's first pair, if any
                sup = _seller_read_before(hits, [], rec, lead=True) or ARTICLE_MAKER
                cues = [
                    replace(c, country=sup, cue=REFERRED_ARMS_CUE)
                    if c.country == REFERRED_ARMS
                    else c
                    for c in cues
                ]
            if sup == ARTICLE_MAKER:  # decided once the article's own pairs are known
                orphans.append(_Orphan(rec, cues, facts, (fld, sidx, start, end), text))
                continue
            if rec == ARTICLE_BUYER:  # the same: a seller waiting for the article's buyer
                sellers.append(_Orphan(sup, cues, facts, (fld, sidx, start, end), text))
                continue
            hit = hits.setdefault((rec, sup), PairHit(rec, sup))
            hit.sentences.append((fld, sidx, start, end))
            hit.cues.extend(cues)
            _add_facts(hit, facts, text)
    lone = frozenset(s.state for s in sellers)  # sellers read alone, paired below or not
    if hits and (not lexicon.symbols_only or SECOND_SELLERS_I18N):  # sellers alone beside pairs
        if SECOND_SELLERS:
            _second_sellers(
                hits,
                sellers,
                per_sentence,
                sentences,
                lexicon.grammar,
                lexicon if lexicon.symbols_only else None,
            )
        sellers = []
    # the article's context fills the sides left empty (rules/fills.py)
    _context_fills().fill(hits, orphans, sellers, tagged, sentences, per_sentence, lexicon, lone)
    weapons = [e for e in tagged.entities if e.type == "weapon"]
    goods = lexicon.grammar.words("for_platform") if lexicon.grammar else frozenset()
    platforms = {e.id for e in weapons if _only_platform(e, art, goods)}
    tied = _tied_to_pairs(weapons, hits.values())
    beside = _states_beside(weapons, per_sentence, sentences)
    lede = next((h.status for h in hits.values() if h.status), None)
    # one read of the opening serves both: the lede's status for untold pairs, and a delivery
    # the headline or first sentence tells (``with_opening``)
    told, at = _opening_status(art, sentences[:_OPENING], lexicon) if hits else (None, 0)
    if lede is None:
        # no pair's sentence tells how far the deal has gone, the opening may, pair or not
        # ("Armoured vehicles delivered to the army" over "Kenya's acquisition of ... from
        # Turkey"); a language lexicon needs it most, but an English pair untold is the same
        lede = told
    later = _later_statuses(art, sentences, per_sentence, hits, lexicon) if lede is None else []
    opening = told if at < _HEADLINE_AND_FIRST else None
    # the opening's delivery is the newest step of the deal whose buyer it names: when it names
    # the buyer of one of the report's pairs, a pair with another buyer is another deal the
    # report recalls ("six other allies have ordered the jet"), and keeps its own status
    named = {s.ident for k in range(at + 1) for s in per_sentence.get(k, ()) if s.kind == "country"}
    buyers = {h.recipient for h in hits.values()} & named
    # the same for the seller: "Ghana receives Z-9 helicopters from China" is not the delivery
    # of the Brazilian aircraft the report goes on to say Ghana ordered
    sellers = {h.supplier for h in hits.values()} & named
    # the systems the pairs read in their own sentences, taken before any is lent below: a
    # system lent to one pair is not "another pair's" for the next, or the order of the pairs
    # would decide which of two sellers the article's one system goes to
    read_own = {h.weapon for h in hits.values() if h.weapon}
    for hit in hits.values():
        if hit.status is None:  # untold in its sentences: what the lede says of the deal
            hit.status = lede
        if hit.status is None:  # nor the opening: a later sentence that speaks of this deal
            hit.status = _later_status(hit, later)
        if (not buyers or hit.recipient in buyers) and (not sellers or hit.supplier in sellers):
            hit.status = with_opening(hit.status, opening)
        if hit.weapon is None:  # no weapon in the pair's sentences: one the article names
            # weapons told only as other sellers' deals; the same two states the other way round
            # are the same deal, its direction for ``_one_direction`` to settle
            sides = {hit.supplier, hit.recipient}
            others = {e.id for e in weapons if tied.get(e.id, sides) - sides}
            unlent = platforms | _others_arms(beside, hits, sides) if OTHERS_ARMS else platforms
            unlent = unlent | hit.weapon_not
            sellers_else = {h.supplier for h in hits.values()} - sides
            # the other pairs' systems: read in their sentences, or of their seller's make
            carried = read_own | {
                e.id
                for e in weapons
                if any(own_make(e.country, e.partners, s) for s in sellers_else)
            }
            w = _article_weapon(weapons, hit.supplier, hit.recipient, unlent, others, carried)
            if w is not None:
                hit.weapon, hit.producer = w.id, w.producer
    found = _one_direction(_named_seller_first(_guesses_turned(list(hits.values()))))
    if lexicon.scorer is not None:  # English: PAIR_SCORER; the ten others: PAIR_SCORER_I18N
        from .pair_scorer import rescore  # keeps the pairs it accepts, adds those rules missed

        found = rescore(tagged, lexicon, found, lexicon.scorer)
    return found


_RELATIVE_COMMA = ",،"  # a relative clause opens after a comma (the Arabic one too)
# "{to} X", "{sign} ... {with} X"; not "{by} X": the agent of a passive in a clause on the arms
# ("..., which will be built by X") is their maker, the clause's subject in all but form
_BY_PREPOSITION = re.compile(r"\{(?:to|from|with)\} X\b")
_STATE = re.compile(r"[A-Z]{3}")


def _relative_opening(text: str, start: int, end: int, lex: RelationLexicon) -> tuple[int, str]:
    """Where the sentence's first relative clause opens (the comma before its word) and the word;
    (-1, "") when none. Folded text: same offsets."""
    words = lex.relatives
    if not words:
        return -1, ""
    folded = fold_letters(text[start:end])
    for m in re.finditer(r"[" + _RELATIVE_COMMA + r"]\s*(\w+)\b\W*(\w*)", folded):
        if m.group(1) in words:
            # "..., which sold X": the relative word the subject of a verb of the transfer
            # itself (the ``buy`` and ``sell`` classes right after it), no clause of its own event
            if _moves(m.group(2), lex):
                return -1, ""
            return start + m.start(), m.group(1)
    return -1, ""


def _moves(word: str, lex: RelationLexicon) -> bool:
    """Whether a folded word is one of the language's verbs or nouns of buying and selling
    (``movers``; a stem written with ``STEM_MARK`` covers its endings, read as every class
    word is, by ``StemReader``)."""
    if not word:
        return False
    if word in lex.movers:
        return True
    reader = _stem_reader(lex.movers)
    return reader is not None and reader(word) != word


@cache
def _stem_reader(words: frozenset[str]) -> StemReader | None:
    """One reader of listed stems per word set (a lexicon's ``movers``), built once."""
    return StemReader.listed(words)


def _relative_end(text: str, at: int, end: int) -> int:
    """Where a relative clause opened at ``at`` ends: the sentence's end, or a full stop inside
    the sentence's span (a stop with no space after it: "моторов.Два")."""
    stop = re.search(r"[.!?](?=\w)", text[at:end])
    return at + stop.start() if stop else end


def _across_relative(
    text: str, start: int, end: int, rec: str, sup: str, cues: list[Cue], lex: RelationLexicon
) -> bool:
    """The pair joins a state read inside a relative clause to one read outside it, the inside
    one read only by a preposition ("{to} X", "{from} X", "{with} X"): a party of the clause's
    own event, not of the sentence's ("A will hand tanks to B, which it bought from C": C sold
    to the clause's subject, not to B; "..., says the paper, which recalls that the yard signed
    with C"). A state named right before a relative word that is no place word is
    the clause's antecedent ("Russia, which sold ..."): read through the clause, it keeps its
    pair; so does every pair when the relative word is the subject of a verb of buying or
    selling right after it ("..., which will sell jets to C"). A state read inside as a subject
    ("tanks that Germany will deliver") or an agent ("{by} X") keeps it too."""
    if not (_STATE.fullmatch(rec) and _STATE.fullmatch(sup)):
        return False
    at, word = _relative_opening(text, start, end, lex)
    if at < 0:
        return False
    stop = _relative_end(text, at, end)
    sides = {rec: [c for c in cues if c.country == rec], sup: [c for c in cues if c.country == sup]}
    if not all(sides.values()):
        return False
    inside = {s for s, cs in sides.items() if all(at <= c.start < stop for c in cs)}
    outside = {s for s, cs in sides.items() if all(not at <= c.start < stop for c in cs)}
    if len(inside) != 1 or len(outside) != 1:
        return False
    (ins,), (out,) = inside, outside
    if not all(_BY_PREPOSITION.search(c.cue) for c in sides[ins]):
        return False
    antecedent = any(c.end <= at and not text[c.end : at].strip() for c in sides[out])
    return not (antecedent and word not in lex.relatives_place)


def _seller_read_before(
    hits: Mapping[tuple[str, str], PairHit],
    sellers: list[_Orphan],
    buyer: str,
    *,
    state_noun: bool = False,
    subject: str | None = None,
    lead: bool = False,
) -> str | None:
    """The one place that decides the seller a sentence refers back to (arms named earlier,
    "the jets"; "the country" that sells): the one seller of the pairs read so far, else the
    one seller read alone so far; never the sentence's own buyer; None when there are two
    (either may be meant) or none. "The country" (``state_noun``) names a state, first the
    previous sentence's subject (``subject``, ``_subject_before``), seller or buyer there ("A
    bought jets from B. The country will also supply missiles to C.": A); with no subject
    read, a buyer read earlier may be meant as well as the seller: None. Arms referred back
    (``lead``) are those of the article's lead deal, its first pair: its seller, one of several
    (measured: the one seller only lost a right pair on dev and avoided no wrong one)."""
    if state_noun:
        if subject is not None:
            return subject if subject != buyer else None
        if {rec for rec, _ in hits} - {buyer}:
            return None
    found = {sup for _, sup in hits} or {s.state for s in sellers}
    if lead and hits:  # arms referred back are the lead deal's: its seller, one of several
        found = {next(iter(hits))[1]}
    found -= {buyer}
    return next(iter(found)) if len(found) == 1 else None


def _subject_before(
    per_sentence: Mapping[int, list[_Span]],
    idx: int,
    art: Any,
    sentences: list[tuple[str, int, int, int]],
) -> str | None:
    """The subject state of the last sentence before ``idx`` that names a state: the one state
    that is its subject by the parse, or the only state there; None when it has none or two
    ("A and B will sell ..."; the referent is then left to ``_seller_read_before``)."""
    for i in range(idx - 1, -1, -1):
        states = sorted(
            (x for x in per_sentence.get(i, ()) if x.kind == "country"), key=lambda x: x.start
        )
        if not states:
            continue
        fld, _, start, end = sentences[i]
        text = art.title if fld == "title" else art.body
        if len({x.ident for x in states}) == 1:
            return states[0].ident
        subjects = {
            x.ident
            for x in states
            if _names_subject(text[start:end], x.start - start, x.end - start)
        }
        # a state joined to the subject ("A and B will sell"): the parse makes only A the subject
        joined = {
            b.ident
            for a, b in itertools.pairwise(states)
            if a.ident in subjects and text[a.end : b.start].strip(" ,") in ("", "and")
        }
        subjects |= joined
        return next(iter(subjects)) if len(subjects) == 1 else None  # two: either may be meant
    return None


def _tied_to_pairs(weapons: list[Any], hits: Iterable[PairHit]) -> dict[str, set[str]]:
    """The suppliers of the pairs whose sentences name each weapon, for a weapon all of whose
    mentions stand in pairs' sentences: the article tells it as those pairs' arms. A weapon
    named anywhere else (a headline whose sentence pairs no one) is left out: no pair owns it."""
    spans = [(fld, s, e, h.supplier) for h in hits for fld, _, s, e in h.sentences]
    out: dict[str, set[str]] = {}
    for ent in weapons:
        owners: set[str] = set()
        for m in ent.mentions:
            found = {sup for fld, s, e, sup in spans if fld == m.field and s <= m.start < e}
            if not found:
                break
            owners |= found
        else:
            if owners:
                out[ent.id] = owners
    return out


def _states_beside(
    weapons: list[Any],
    per_sentence: Mapping[int, list[_Span]],
    sentences: list[tuple[str, int, int, int]],
) -> dict[str, list[frozenset[str]]]:
    """For each weapon, the states (companies as theirs) named in the sentence of each of its
    mentions; an empty set for a mention outside every sentence read."""
    where = {(fld, s): i for i, (fld, _, s, _e) in enumerate(sentences)}
    starts = sorted(where)
    out: dict[str, list[frozenset[str]]] = {}
    for ent in weapons:
        found: list[frozenset[str]] = []
        for m in ent.mentions:
            k = bisect.bisect_right(starts, (m.field, m.start)) - 1
            idx = where[starts[k]] if k >= 0 and starts[k][0] == m.field else None
            spans = per_sentence.get(idx, []) if idx is not None else []
            found.append(
                frozenset(x.ident for x in spans if x.kind == "country" or x.kind in _ACTORS)
            )
        out[ent.id] = found
    return out


def _others_arms(
    beside: Mapping[str, list[frozenset[str]]],
    hits: Mapping[tuple[str, str], PairHit],
    sides: set[str],
) -> set[str]:
    """The weapons every mention of which stands in a sentence that names a party of another
    pair the article reads and not both of this pair's sides: that pair's arms, not to be lent
    to this one (A negotiates a second batch of B's Gripens; B would also offer combat jets to
    C: C's jets are not A's Gripens). Rivals named beside the seller and states no pair reads
    ("used Mirages of France or Brazil, or new Kfirs from Israel") leave the weapon lendable."""
    parties = {x for h in hits.values() for x in (h.recipient, h.supplier)} - sides
    return {
        w
        for w, seen in beside.items()
        if seen and all((t - sides) & parties and not sides <= t for t in seen)
    }


def _article_weapon(
    weapons: list[Any],
    supplier: str,
    recipient: str,
    platforms: set[str],
    others: Collection[str] = (),
    carried: Collection[str] = (),
) -> Any:
    """The weapon of a pair whose sentences name none ("hoped to sell 48 of the jets"): the
    article's first weapon from the supplier or a programme it is a partner of, else its first
    weapon of a multinational programme (no one country: any partner sells it, "Eurofighter"),
    else the one system the article names when it names only one (besides the other pairs'
    systems, ``carried``) and the buyer does not make it, else none. Never one of
    ``platforms``, named only as what goods are for ("ammunition for the Gepard"): the article
    names it, so it still counts against naming one system only. Nor, unless the supplier makes
    it, one of ``others``, told only in sentences of pairs with other parties
    (``_tied_to_pairs``: the CASA 295s Nigeria buys with Italian jets are not what Turkey sold
    it)."""
    usable = [e for e in weapons if e.id not in platforms]
    # a programme the supplier is a partner of is its make as much as its own state's is
    own = next((e for e in usable if own_make(e.country, e.partners, supplier)), None)
    free = [e for e in usable if e.id not in others]
    shared = own or next((e for e in free if e.country is None), None)
    # the one system the article names once the other pairs' systems are set aside (``carried``:
    # read in their sentences, or of their seller's make): "imported arms from A and B. The
    # next deal could include X" lends B's X to no one else; "received jets from A and drones
    # from B. The delivery included L-39s. B's X drones ...": A's are the L-39s
    left = {e.id for e in weapons} - set(carried) if LEFT_ONE else {e.id for e in weapons}
    one = next((e for e in free if e.id in left), None) if len(left) == 1 else None
    if shared is None and one is not None and one.country != recipient:
        # the article names one system and no other: the deal is about it even when its maker's
        # state is not the seller (NASAMS, Norwegian-made, sold by the US with Raytheon); not
        # the buyer's own ("India buys jets from France; its home-built Tejas run late")
        return one
    return shared


_WORD_RUN = re.compile(r"[\w'’-]+")
_PLATFORM_AFTER_FOR = 4  # "for" at most three words before the weapon ("for the Swiss-made X")
# the goods right before "for": further back ("rounds of a Swiss make for the tank")
# measured even on English dev, one weapon right for one lost (docs/rules.md §8)
_GOODS_BEFORE_FOR = 1


def _serves_platform(text: str, start: int, goods: frozenset[str]) -> bool:
    """The weapon named at ``start`` is the platform the goods changing hands are for: "for"
    stands a few words before it, right after one of ``goods`` (the lexicon's
    ``for_platform``: "ammunition", "engines", "parts"): "ammunition for the Swiss-made
    Gepard"."""
    if not goods:
        return False
    words = [w.lower() for w in _WORD_RUN.findall(text[max(0, start - 100) : start])]
    for back in range(1, _PLATFORM_AFTER_FOR + 1):
        if len(words) >= back and words[-back] == "for":
            at = len(words) - back
            return any(w in goods for w in words[max(0, at - _GOODS_BEFORE_FOR) : at])
    return False


def _only_platform(ent: Entity, art: Article, goods: frozenset[str]) -> bool:
    """Every mention of the weapon ``ent`` names it as a platform goods are for: the article
    never tells of it changing hands, so it is no pair's weapon."""
    return bool(ent.mentions) and all(
        _serves_platform(art.title if m.field == "title" else art.body, m.start, goods)
        for m in ent.mentions
    )


_OPENING = 4  # the title and the first sentences: where a report says how far its deal has gone
_HEADLINE_AND_FIRST = 2  # a delivery told this early makes a recalled deal background


def _opening_status(
    art: Any, sentences: list[tuple[str, int, int, int]], lex: RelationLexicon
) -> tuple[str | None, int]:
    """The first status the opening gives near a trigger, pair or not, and the position of its
    sentence (``len(sentences)`` when none): a language lexicon reads no pair in "O contrato de
    aquisição compreende ..." yet it says the deal is a contract."""
    for pos, (fld, _, start, end) in enumerate(sentences):
        text = art.title if fld == "title" else art.body
        symbols = _symbols(text, start, end, [], lex)[0]
        trig = [k for k, x in enumerate(symbols) if x[0] == "word" and x[1] in lex.triggers]
        words = _status_words(symbols, text, lex)
        status = sentence_status(words, trig, lex.status_words, _first_headed(symbols, text, lex))
        if status:
            return status, pos
    return None, len(sentences)


# How a pair whose sentences and opening tell no status takes one from later in the report:
# "guarded" (``_later_status``), "any" (the first status near a trigger, whatever the
# sentence is about: the 2026-12-07 policy the review found took statuses of other deals),
# "off" (none). Kept as a switch so the bench can compare them.
LATER_STATUS = "guarded"


class _LaterStatus(NamedTuple):
    """A status a sentence after the opening tells, and what the sentence names."""

    status: str
    states: frozenset[str]  # the states it names, companies as their state
    weapons: frozenset[str]  # the weapons it names by name
    arms_back: bool  # it refers back to arms or a deal named before ("the jets", "the deal")
    related: bool  # it passes the guards that hold for every pair (``_later_statuses``)


def _later_statuses(
    art: Any,
    sentences: list[tuple[str, int, int, int]],
    per_sentence: Mapping[int, list[_Span]],
    hits: Mapping[tuple[str, str], PairHit],
    lex: RelationLexicon,
) -> list[_LaterStatus]:
    """The statuses the sentences after the opening tell near a trigger, in order, each with
    what it names, for ``_later_status`` to choose from per pair. A sentence is ``related`` to
    the report's deals only when it has no word of a look-alike class of goods (airliners,
    relief or civil cargo: other goods changing hands). A sentence whose every trigger is
    negated tells no delivery, which the status words of several languages read in "has not
    yet received": a reception or order negated reads ordered, any other stage none."""
    if LATER_STATUS == "off" or not hits:
        return []
    classes = lex.grammar
    lookalike = frozenset().union(*(classes.words(n) for n in _OTHER_GOODS)) if classes else set()
    deals = frozenset().union(*(classes.words(n) for n in _DEAL_NOUNS)) if classes else set()
    out: list[_LaterStatus] = []
    for idx in range(_OPENING, len(sentences)):
        fld, _, start, end = sentences[idx]
        text = art.title if fld == "title" else art.body
        spans = per_sentence.get(idx, [])
        symbols = _symbols(text, start, end, [], lex)[0]  # the status read as in the opening
        trig = [k for k, x in enumerate(symbols) if x[0] == "word" and x[1] in lex.triggers]
        words = _status_words(symbols, text, lex)
        status = sentence_status(words, trig, lex.status_words, _first_headed(symbols, text, lex))
        if not status:
            continue
        if LATER_STATUS == "any":
            out.append(_LaterStatus(status, frozenset(), frozenset(), True, True))
            break
        states = frozenset(s.ident for s in spans if s.kind == "country" or s.kind in _ACTORS)
        # a negator anywhere before the trigger in its clause, not only the window next to it:
        # a verb-last clause puts it far ("hat noch keines der Fahrzeuge erhalten", "n'a encore
        # reçu"); a clause ends at punctuation ("against attacks, and Norway will assist")
        negated = bool(trig) and all(_negated_in_clause(symbols, k, lex) for k in trig)
        if negated:  # a reception not yet made: the deal stands, nothing handed over
            if status not in ("delivered", "ordered"):
                continue
            status = "ordered"
        words = {x[1] for x in symbols if x[0] == "word"}
        related = not (words & lookalike)
        weapons = frozenset(s.ident for s in spans if s.kind == "weapon")
        back = not lex.symbols_only and (
            (not weapons and _arms_referred_back(symbols, text))
            or bool(words & _ARMS_PRONOUNS)
            or _deal_referred_back(text[start:end], deals)
        )
        out.append(_LaterStatus(status, states, weapons, back, related))
    return out


def _negated_in_clause(symbols: list[Symbol], k: int, lex: RelationLexicon) -> bool:
    """A negator before the trigger at ``k`` in the same clause (back to punctuation)."""
    for j in range(k - 1, -1, -1):
        word = symbols[j][1] if symbols[j][0] == "word" else None
        if word in CLAUSE_PUNCT:
            return False
        if word in lex.negators:
            return True
    return False


# English pronouns that refer back to arms named before ("received the first ten of them")
_ARMS_PRONOUNS = frozenset({"them"})
# the look-alike classes of other goods changing hands (airliners, relief or civil cargo); the
# hostile ones (fire, threat, drill) are left out: a report on the pair's war names them too
_OTHER_GOODS = ("civil", "cargo")
# the nouns of a deal, which after a definite determiner refer back to the report's deal ("the
# potential deal", "the purchase contract"; "a contract for uniforms" is another)
_DEAL_NOUNS = ("deal", "buy_noun", "sell_noun")
_DEAL_REACH = 3  # the determiner at most this many words before the noun: "the export deal"


def _deal_referred_back(sentence: str, deals: Collection[str]) -> bool:
    """A deal noun after a definite determiner a few words before it ("the export deal")."""
    toks = SENT_TOKEN.findall(sentence.lower())
    return any(
        w in deals and any(t in _DEFINITE for t in toks[max(0, i - _DEAL_REACH) : i])
        for i, w in enumerate(toks)
    )


def _later_status(hit: PairHit, later: list[_LaterStatus]) -> str | None:
    """The status of the first later sentence that speaks of the pair's deal: related to the
    report's deals (``_later_statuses``), naming no state but the pair's two ("Uganda got
    trucks from Ankara" is Uganda's deal; "the neighbouring country" names none), and naming
    the pair's buyer or seller (a capital or a company of it stands for the state), its
    weapon, or arms or a deal named before ("the vehicles", "them", "the contract"). "The
    coast guard received new tugboats", "the police bought patrol cars", "a plan to buy
    further vehicles was cancelled" tell other deals (review of 2026-12-07)."""
    for x in later:
        sides = {hit.recipient, hit.supplier}
        if not x.related or not x.states <= sides:
            continue
        named = sides & x.states
        weapon = hit.weapon in x.weapons if hit.weapon is not None else bool(x.weapons)
        if named or weapon or x.arms_back:
            return x.status
    return None


def _candidates(
    art: Any,
    sentences: list[tuple[str, int, int, int]],
    per_sentence: dict[int, list[_Span]],
    lex: RelationLexicon,
) -> list[str]:
    """The sentences the role reader will parse, so they can be parsed in one batch: those
    ``extract_pairs`` reads (a country) and ``_sentence_pairs`` finds a transfer in (a trigger
    that qualifies). A cheap word test first (a trigger word and arms), which four in ten of the
    sentences it lets through fail on real reports (their parse was never read). A sentence left
    out is still parsed when read, alone: this is a speed-up, never a condition."""
    out: list[str] = []
    for idx, spans in per_sentence.items():
        if not any(s.kind == "country" for s in spans):
            continue
        fld, _, start, end = sentences[idx]
        full = art.title if fld == "title" else art.body
        text = full[start:end]
        words = set(SENT_TOKEN.findall(fold_letters(text)))
        has_arms = any(s.kind == "weapon" for s in spans) or bool(words & lex.arms_first)
        if not (has_arms and words & lex.triggers):
            continue
        named = [s for s in spans if s.kind not in _ACTORS]
        symbols, first = _symbols(full, start, end, named, lex)
        try:  # a sentence whose weak trigger's object the parse will be asked for is read too
            if _qualifying_triggers(symbols, full, first, lex, (start, end), probe=True):
                out.append(text)
                # and as ``_grammar_roles`` reads it, when that differs (a headline lowered)
                states = [x[1] for x in symbols if x[0] == "country"]
                actors = [s for s in spans if s.kind in _ACTORS]
                out.append(_role_text(full, start, end, states, actors, lex))
        except _WouldParse:
            out.append(text)
    return out


class _WouldParse(Exception):
    """``_qualifying_triggers(probe=True)`` would read the parse here (``_candidates``)."""


ORIGIN_CUE = "origin of "  # the prefix of the cue of a seller filled from the weapon's maker
# MAKER_OF (grammar.py): the prefix of a seller read from a maker's adjective ("US-made jets")


def _seller_cues(hit: PairHit) -> list[str]:
    return [c.cue for c in hit.cues if c.role == "supplier" and c.country == hit.supplier]


def _maker_filled(hit: PairHit) -> bool:
    """The pair's seller comes only from the weapon's maker, never from the article's words."""
    cues = _seller_cues(hit)
    return bool(cues) and all(c.startswith(ORIGIN_CUE) for c in cues)


def _seller_named(hit: PairHit) -> bool:
    """The article's words name the pair's seller as the one handing the arms over, not only
    as their maker ("from Denmark", "Romania handed", not "US-made")."""
    return any(not c.startswith((ORIGIN_CUE, MAKER_OF)) for c in _seller_cues(hit))


def _named_seller_first(hits: list[PairHit]) -> list[PairHit]:
    """A buyer whose seller the article names in words ("bought F-16 jets from Denmark") does
    not also buy that weapon from its maker's state: second-hand, re-exported or licence-built
    arms change hands between others than their maker (the maker fill stands where no seller
    of that weapon is named)."""
    named = {(h.recipient, h.weapon) for h in hits if h.weapon is not None and _seller_named(h)}
    return [h for h in hits if not (_maker_filled(h) and (h.recipient, h.weapon) in named)]


# the endings ``grammar._subject_and_counterpart`` gives a deal's two parties when nothing but
# the order they are named in tells buyer from seller
_GUESSED = (" (the buyer named first)", " (its counterpart)")


def _guessed(hit: PairHit) -> bool:
    """Both sides of the pair were told apart only by the order they are named in."""
    sides = [c.cue for c in hit.cues if c.role in ("recipient", "supplier")]
    return bool(sides) and all(c.endswith(_GUESSED) for c in sides)


def _guesses_turned(hits: list[PairHit]) -> list[PairHit]:
    """A pair whose direction is only guessed from the order of its parties is turned when the
    article reads its seller as a buyer elsewhere and its buyer as none ("C bought vehicles
    from Canada. A and B cancelled their arms contracts with C": A and B sold to C)."""
    buyers = {h.recipient for h in hits if not _guessed(h)}
    have = {(h.recipient, h.supplier) for h in hits}
    out: list[PairHit] = []
    for h in hits:
        turn = _guessed(h) and h.supplier in buyers and h.recipient not in buyers
        if not turn or (h.supplier, h.recipient) in have:
            out.append(h)
            continue
        swap = {"recipient": "supplier", "supplier": "recipient"}
        cues = [replace(c, role=swap.get(c.role, c.role)) for c in h.cues]
        out.append(replace(h, recipient=h.supplier, supplier=h.recipient, cues=cues))
    return out


def _one_direction(hits: list[PairHit]) -> list[PairHit]:
    """When both directions are read between two countries, keep the one the article supports
    in more sentences (ties: the one read first, the headline and lede carry the news), unless
    the two carry different weapons: an exchange ("drones for Russia, jets for Iran")."""
    by_key = {(h.recipient, h.supplier): h for h in hits}
    drop: set[tuple[str, str]] = set()
    for i, h in enumerate(hits):
        other = by_key.get((h.supplier, h.recipient))
        if other is None or (h.supplier, h.recipient) in drop or (h.recipient, h.supplier) in drop:
            continue
        if h.weapon and other.weapon and h.weapon != other.weapon:
            continue
        mine, theirs = len(h.sentences), len(other.sentences)
        first_is_h = i < hits.index(other)
        keep_h = mine > theirs or (mine == theirs and first_is_h)
        drop.add((other.recipient, other.supplier) if keep_h else (h.recipient, h.supplier))
    return [h for h in hits if (h.recipient, h.supplier) not in drop]


@dataclass(slots=True)
class _Facts:
    """What one sentence says about its transfer besides the roles."""

    status: str | None
    weapon: _Span | None
    own: bool = False  # the weapon is the pair's supplier's own make (``_sells_as_own``)
    # a system the sentence names for another verb or party while the pair's own words name
    # its arms by class (``_class_object``): not the pair's, nor to be lent to it
    other: str | None = None


class _Orphan(NamedTuple):
    """One side a sentence reads alone: a buyer with no seller (waiting for the article's
    maker, or for a seller read alone elsewhere), or a seller with no buyer."""

    state: str  # the buyer's state, or the seller's
    cues: list[Cue]  # its own cue and the placeholder's (ARTICLE_MAKER / ARTICLE_BUYER)
    facts: _Facts
    sentence: tuple[str, int, int, int]
    text: str  # the title or the body the sentence is in


def _add_facts(hit: PairHit, facts: _Facts, text: str) -> None:
    """The first sentence that states a fact wins (headline and lede carry the news); but a
    weapon of the supplier's own make wins over one an earlier sentence only borrowed ("chose
    the Brazilian jet over the C-130J. ... ordered the C-390": the C-390)."""
    hit.status = further_status(hit.status, facts.status)
    if facts.other is not None:
        hit.weapon_not.add(facts.other)
    w = facts.weapon
    if w is not None and (hit.weapon is None or (facts.own and not hit.weapon_own)):
        hit.weapon, hit.producer, hit.weapon_own = w.ident, w.producer, facts.own
        hit.quantity = quantity_before(text, w.start)
    if hit.value is None and hit.sentences:
        _, _, s, e = hit.sentences[-1]
        hit.value = value_in(text[s:e])


_ACTORS = ("company", "organization")


def _party(span: _Span, lex: RelationLexicon) -> bool:
    """A span that can make a sentence worth reading: a country; in a language lexicon a
    company too, which stands for its state there ("Dassault livrera ...": the seller alone,
    its buyer named in another sentence)."""
    return span.kind == "country" or (lex.symbols_only and span.kind == "company")


def _ident(ent: Any) -> str:
    """A span's identity for roles: the country a company or state body stands for."""
    return ent.country if ent.type in _ACTORS else ent.id


# Which role reader runs: "grammar" (dependency parse, symbol patterns where it finds nothing),
# "symbols" (the patterns alone). The bench compares them; without the parser model installed
# the grammar reader is unavailable and the symbols are used.
ROLE_READER = "grammar"
SYMBOL_FALLBACK = False  # grammar reader: symbol patterns for countries the parse leaves out
ONLY_OTHER_FALLBACK = False  # grammar reader: an empty side taken by the one remaining country
# The lexicon's learned scorer (rules/pair_scorer.py), when it names one, read when a lexicon is
# built. Off: retrained on the dev of 2026-12-06 (late night) its cross-validated gain over
# today's rules is F1 +0.001 at P -0.001, short of the +0.02 without losing precision asked of it
# (docs/rules.md, "Learned pair scorer"); bench/bench_pairs_real.py --set PAIR_SCORER=true tries it.
PAIR_SCORER = False
# The ten languages' scorer (common.yaml's `scorer:`, its own weights: the English ones read parse
# features these lexicons lack), read when a language lexicon is compiled (languages.py). Off:
# leaving one label file out at a time it adds 2 right pairs of 1,057 (no wrong one) for about
# +2 ms per report, +38 % (docs/languages.md, 2026-12-06 late): not worth its cost yet.
PAIR_SCORER_I18N = False


Symbol = tuple[str, Any, int, int]  # (kind, payload, start, end); kind: word/country/weapon


def _sentence_pairs(
    text: str, start: int, end: int, fld: str, spans: list[_Span], lex: RelationLexicon
) -> Iterable[tuple[str, str, list[Cue], _Facts]]:
    """The (recipient, supplier) pairs one sentence states, with their cues and facts."""
    if lex.symbols_only:
        # a language lexicon has no parse to place companies and state bodies: each stands for
        # its country in the symbol patterns ("Navantia construirá corbetas para ...")
        spans = [_as_country(s) if s.kind in _ACTORS else s for s in spans]
    actors = [s for s in spans if s.kind in _ACTORS]
    symbols, first = _symbols(text, start, end, [s for s in spans if s.kind not in _ACTORS], lex)
    trig = _qualifying_triggers(symbols, text, first, lex, (start, end))
    if trig and lex.symbols_only and lex.weak:
        symbols, trig = _unsent(symbols, trig, text, first, lex)
    if not trig or _no_transfer_told(symbols, lex, trig):
        return
    countries = [k for k, s in enumerate(symbols) if s[0] == "country"]
    parsed = _grammar_roles(text, start, end, symbols, countries, actors, lex)
    roles: dict[int, tuple | None] = {}
    for k in countries:
        roles[k] = parsed.get(k) if parsed is not None else None
        if roles[k] is None and (parsed is None or SYMBOL_FALLBACK):
            roles[k] = _pattern_role(k, symbols, lex)
    together: list[tuple[int, int]] = []
    joined = frozenset(
        k for k in countries if text[symbols[k][2] : symbols[k][3]].startswith(lex.joined_and)
    )
    if lex.case_of is not None:
        told = _dative_after_verb(roles, countries, symbols)
        # before the cases: "у Нігерію" is "into", which ``_case_role`` would read as no "from"
        _into(roles, countries, symbols, lex)
        for k in countries:
            roles[k] = _case_role(roles[k], symbols[k][1].case, told)
        _drop_unless_dative(roles, countries, symbols, lex, joined)
        together = _together_with(roles, countries, symbols, lex, told)
    if lex.symbols_only:
        _list_roles(roles, countries, symbols, lex, joined, trig)
        _origin_lists(roles, countries, symbols, text, lex)
        _gapped_subjects(roles, countries, symbols, lex, trig)
    for k in countries:  # a company sells; the buyer is a state ("Saab ... e compra de")
        r = roles[k]
        if r is not None and r[0] == "recipient" and symbols[k][1].company:
            roles[k] = None
    if lex.symbols_only:
        _sources(roles, countries, symbols, lex, trig)
        _venues(roles, countries, symbols, lex, trig)
        _critics(roles, countries, symbols, lex, trig)
        _no_subject_after_place(roles, countries, symbols, lex)
        _genitive_not_from(roles, countries, symbols, lex, trig)
        _compound_parts(roles, countries, symbols)
        _origin_only(roles, countries, symbols)
        _partner_buys_from_maker(roles, countries, symbols, lex)
    for j, k in together:  # after the guards, which read "with" as a partner
        r = roles[j]
        roles[k] = (r[0], f"{r[1]} (together with)") if r is not None and r[0] in SIDES else None
    if not lex.symbols_only:
        _gapped_clause(roles, countries, symbols, lex)
    _coordinate(
        roles,
        countries,
        symbols,
        lex.conjunctions,
        lex.clause_words,
        joined,
        lex.case_marker,
        backward=lex.symbols_only,
        triggers=trig,
    )
    if not lex.symbols_only:
        line = _object_symbols(symbols, text, first)
        _gapped_members(roles, countries, symbols, line, lex, _verbs_at(text, start, end))
    vetoing = _blocking_subject(roles, countries, symbols, lex) if lex.symbols_only else set()
    book = _RoleBook(fld)
    book.blockers = _blockers(roles, countries, symbols, lex) | vetoing
    book.vetoers = vetoing
    if lex.symbols_only:
        book.elsewhere = _own_clauses(roles, countries, symbols, lex)
        book.users = _users(roles, countries, symbols, lex)
    book.handed_on = _handed_on(symbols, trig, lex)
    lost = _passed_over(symbols, lex)  # a rival passed over is not what the pair is about
    book.retired_at = _not_sold(symbols, lex, lost)
    for key, r in (parsed or {}).items():
        if isinstance(key, tuple) and r and r[0] in ROLES:  # a company or state body's country
            book.note(r, actors[key[1]])
    for k in countries:
        if roles[k] and roles[k][0] in ROLES:
            book.note(roles[k], symbols[k][1])
        elif roles[k]:  # no side ("Turkey chose not to buy"): a bystander to the lead rule
            book.assigned.add(symbols[k][1].ident)
            book.silent.add(symbols[k][1].ident)
    back = (parsed or {}).get(BACK_KEY)
    if back is not None and not book.by_role["recipient"]:
        # "it" / "the country" buys: the article's buyer, resolved by ``extract_pairs``
        book.note(back, _Span(start, end, "country", REFERRED_BACK))
    # a language whose origin adjective follows the arms ("caças suecos": W= XA) fills no empty
    # side with an adjective found elsewhere: it qualifies a people or a request ("os alemães")
    fillers = (
        countries if lex.fill_adjectives else [k for k in countries if not symbols[k][1].adjective]
    )
    # nor with a dateline ("MOSCOW (agency) - X delivers ..."): where the report was filed
    sides = [k for k in fillers if not dateline_at(text, symbols[k][1].start, symbols[k][1].end)]
    seller_back = (parsed or {}).get(SELLER_BACK_KEY)
    if seller_back is not None and book.read_alone("recipient"):
        # "the country" sells, before any maker fills the side: the seller the article named
        # before (``extract_pairs``), who may sell arms another state made
        book.note(seller_back, _Span(start, end, "country", REFERRED_SELLER))
    book.fill_empty_sides(
        symbols,
        sides,
        fallback=parsed is None or ONLY_OTHER_FALLBACK,
        list_words=lex.conjunctions | {","} if lex.symbols_only else None,
        adjective_roles=lex.fill_adjectives,
    )
    # arms sent on after an earlier purchase ("the arms it got from X will go to Y"): their
    # seller is the one handing them on, whom the sentence names as X's buyer, not the maker
    resold = any(c.cue.endswith(SOLD_BEFORE) for c in book.cues)
    if (
        MAKER_FILL
        and book.read_alone("recipient")
        and not (book.gifts and all(book.gifts))
        and not resold
    ):
        # a buyer with no seller in the sentence: the seller of the arms the article named
        # before when the sentence refers back to them, else the maker the article names
        back_to = SELLER_BACK and not lex.symbols_only and _arms_referred_back(symbols, text)
        placeholder = REFERRED_ARMS if back_to else ARTICLE_MAKER
        book.note(("supplier", placeholder), _Span(start, end, "country", placeholder))
    english = not lex.symbols_only and (SECOND_SELLERS or LEAD_BUYER_EN)
    if JOIN_SIDES and (lex.symbols_only or english) and book.read_alone("supplier"):
        # a seller with no buyer in the sentence: the buyer another sentence reads alone
        book.note(("recipient", ARTICLE_BUYER), _Span(start, end, "country", ARTICLE_BUYER))
    words, told_by = _without_idle_pledges(symbols, trig, text, first, lex, (start, end))
    heads = _first_headed(symbols, text, lex)
    status = sentence_status(words, told_by, lex.status_words, heads)
    goods = lex.grammar.words("for_platform") if lex.grammar else frozenset()
    named = [
        (k, x[1])
        for k, x in enumerate(symbols)
        if x[0] == "weapon"
        and x[1] is not None
        and k not in lost
        and not _serves_platform(text, x[2], goods)
    ]
    # arms named by class alone ("frigates", "helicopters"): a pair whose own words name them
    # so is not about a system another verb or party of the sentence governs
    plain = [k for k, x in enumerate(symbols) if x[0] == "weapon" and x[1] is None]
    found = list(book.pairs())
    for rec, sup, cues in found:
        by = _own_trigger(symbols, trig, cues, rec, sup) if OWN_TRIGGER else trig
        mention = _own_mention(found, rec, sup, cues)
        w = _pair_weapon(named, sup, by, mention)
        other = None
        # a side another sentence fills, or a seller read from the system's own maker
        filled = (
            rec.startswith("<")
            or sup.startswith("<")
            or any(c.cue.startswith(ORIGIN_CUE) for c in cues if c.role == "supplier")
        )
        if (
            w is not None
            and CLASS_OBJECT
            and not lex.symbols_only
            and not filled
            and _class_object(text, lex.grammar, symbols, named, plain, w, sup, by, mention)
        ):
            other, w = w, None
        own = w is not None and _sells_as_own(w, sup)
        told = status
        # the pair's own verb, between its two mentions, when it is not the sentence's first
        # trigger: "X will receive jets for the helicopters, which A transferred to B", "X is
        # buying boats, while A supplies B with trucks": arms A handed B, delivered; another
        # stage read there ("X signed a deal with A, with delivery due") keeps the sentence's
        if OWN_TRIGGER_STATUS != "off" and not lex.symbols_only and told_by:
            at = _trigger_between(cues, rec, sup, symbols, told_by)
            # not a hand-over noun a preposition governs ("signed the contract for the delivery
            # of S-300s to B": the contract is what the sentence tells)
            after = lex.status_words.get("noun_after", frozenset())
            if at is not None and at != min(told_by) and words[at - 1] not in after:
                alt = sentence_status(words, [at], lex.status_words, heads)
                if OWN_TRIGGER_STATUS == "any" or alt == "delivered":
                    told = alt or told
        yield rec, sup, cues, _Facts(told, w, own, other.ident if other is not None else None)


# How the trigger between a pair's mentions gives its status (``_trigger_between``):
# "delivered" (only a delivery it tells, the policy; 2026-12-07, twelfth stop), "any" (whatever
# it tells: measured, it loses more right statuses than it gains), "off". A switch for the bench.
OWN_TRIGGER_STATUS = "delivered"


def _trigger_between(
    cues: list[Cue], rec: str, sup: str, symbols: list[Symbol], triggers: list[int]
) -> int | None:
    """The trigger between the pair's two nearest mentions in the sentence (by their cues),
    nearest the later one; None when the sentence names one side only (a fill) or no trigger
    stands between them."""
    starts = {x[2]: k for k, x in enumerate(symbols) if x[0] == "country"}

    def mentions(role: str, state: str) -> list[int]:
        found = (starts.get(c.start) for c in cues if (c.role, c.country) == (role, state))
        return [k for k in found if k is not None]

    spans = [
        (abs(r - s), min(r, s), max(r, s))
        for r in mentions("recipient", rec)
        for s in mentions("supplier", sup)
    ]
    if not spans:
        return None
    _, lo, hi = min(spans)  # the nearest two mentions of the pair
    inside = [t for t in triggers if lo < t < hi]
    return max(inside) if inside else None


def _own_mention(
    found: list[tuple[str, str, list[Cue]]], rec: str, sup: str, cues: list[Cue]
) -> tuple[tuple[int, int], list[tuple[int, int]]] | None:
    """Where (start, end) the party that sets this pair apart from the sentence's other pairs
    is named (the buyer when they share the seller: "48 jets to A and six transports to B",
    the seller when they share the buyer), with the mentions of every pair's such party; None
    for a sentence of one pair, or of pairs differing on both sides."""
    buyers, sellers = {r for r, _, _ in found}, {s for _, s, _ in found}
    if len(found) < 2 or (len(buyers) > 1 and len(sellers) > 1):
        return None
    role = "recipient" if len(sellers) == 1 else "supplier"

    def mention(state: str, of: list[Cue]) -> tuple[int, int] | None:
        return next(
            ((c.start, c.end) for c in of if c.role == role and c.country == state and c.end),
            None,
        )

    at = mention(rec if role == "recipient" else sup, cues)
    if at is None:
        return None
    marks = {at} | {
        m for r, s_, cs in found if (m := mention(r if role == "recipient" else s_, cs))
    }
    return at, sorted(marks)


def _own_trigger(
    symbols: list[Symbol], trig: list[int], cues: list[Cue], rec: str, sup: str
) -> list[int]:
    """Of a sentence's triggers, the pair's own when the sentence has several: the one between
    its two nearest mentions (``_trigger_between``, the trigger that also gives a delivery as
    its status), else the one nearest its parties' mentions. "A hands tanks to B while B sends
    its old carriers to C" tells B <- A by the first verb and C <- B by the second; "B, which
    bought jets from A, will sell its old ones to C" tells C <- B by "sell", not "bought". The
    sentence's triggers when it has one, or when no party's mention is a symbol of it (a
    placeholder, a party read from another sentence)."""
    if len(trig) < 2:
        return trig
    between = _trigger_between(cues, rec, sup, symbols, trig)
    if between is not None:
        return [between]
    at = {s[2]: k for k, s in enumerate(symbols) if s[0] == "country"}
    marks = sorted({at[c.start] for c in cues if c.start in at})
    if not marks:
        return trig
    return [min(trig, key=lambda t: (sum(abs(t - k) for k in marks), t))]


def _weapon_side(named: list[tuple[int, _Span]], marks: list[tuple[int, int]]) -> str | None:
    """On which side of its party a sentence of several pairs names each pair's weapon: "before"
    when every party has a weapon between it and the party named before it ("36 F-15s to A and
    24 F/A-18s to B"), "after" when every party has one between it and the next ("A with 36
    F-15s and B with 24 F/A-18s"); None when both or neither hold."""

    def has(lo: int, hi: int) -> bool:
        return any(lo <= w.start and w.end <= hi for _, w in named)

    ends = [0, *(e for _, e in marks)]
    starts = [*(s for s, _ in marks), 1 << 30]
    before = all(has(ends[i], marks[i][0]) for i in range(len(marks)))
    after = all(has(marks[i][1], starts[i + 1]) for i in range(len(marks)))
    return "before" if before and not after else "after" if after and not before else None


def _pair_weapon(
    named: list[tuple[int, _Span]],
    supplier: str,
    trig: list[int],
    own_mention: tuple[tuple[int, int], list[tuple[int, int]]] | None = None,
) -> _Span | None:
    """The weapon a sentence's pair is about: of the supplier's own weapons, with those of a
    multinational programme it is a partner of (``_sells_as_own``: "Eurofighter" for Britain,
    not for France; any named weapon when none is), the one nearest the first transfer
    trigger of ``trig`` (the sentence's main transfer, as for its status, or in a sentence of
    several the one nearest the pair's own parties, ``_own_trigger``); ties go to the first.
    The first one named is often the carrier ("six transport jets landed, delivering the air
    defence system"); later triggers often tell of other deals ("... that also included orders
    of howitzers"). In a sentence of several pairs (``own_mention``: the mention of the party that
    sets the pair apart, and those of all pairs) the one named on the side the sentence names
    weapons of its parties (``_weapon_side``) is its own, else the one named since the party
    before: "36 F-15s to A and 24 F/A-18s to B"; else the one nearest the party."""
    own = [(k, w) for k, w in named if _sells_as_own(w, supplier)] or named
    if not own:
        return None
    if own_mention is not None:
        at, marks = own_mention
        i = marks.index(at)
        lo = marks[i - 1][1] if i else 0
        hi = marks[i + 1][0] if i + 1 < len(marks) else 1 << 30
        side = _weapon_side(own, marks)
        if side == "after":
            pick = [kw for kw in own if at[1] <= kw[1].start and kw[1].end <= hi]
        else:  # before, or undecided: the weapon since the party named before
            pick = [kw for kw in own if lo <= kw[1].start and kw[1].end <= at[0]]
            pick = pick[-1:]  # the one nearest its party
        # the words between the weapon and the party's mention
        gap = lambda w: at[0] - w.end if w.end <= at[0] else w.start - at[1]  # noqa: E731
        return min(pick or own, key=lambda kw: (abs(gap(kw[1])), kw[0]))[1]
    first = min(trig)
    return min(own, key=lambda kw: (abs(kw[0] - first), kw[0]))[1]


_OBJECT_REACH = 6  # symbols from a trigger to the arms it governs ("acquire Israeli-made drones")


def _class_object(
    text: str,
    cls: Classes | None,
    symbols: list[Symbol],
    named: list[tuple[int, _Span]],
    plain: list[int],
    weapon: _Span,
    supplier: str,
    trig: list[int],
    own_mention: tuple[tuple[int, int], list[tuple[int, int]]] | None,
) -> bool:
    """The pair's own words name its arms by class, and ``weapon`` (``_pair_weapon``'s choice)
    is what another part of the sentence governs: in a sentence of several pairs, the pair's
    own stretch (since the party before it) holds class arms and no system ("40 F-35s from A
    and four frigates from B": B's are the frigates); in a sentence of one, the arms right
    after its trigger are a class and the system stands before the trigger, across a clause
    break ("upgrade its X jets, and acquire drones from B"), unless the class is that system
    again (``_same_again``)."""
    if own_mention is not None:
        at, marks = own_mention
        i = marks.index(at)
        lo = marks[i - 1][1] if i else 0
        hi = marks[i + 1][0] if i + 1 < len(marks) else 1 << 30
        if lo <= weapon.start and weapon.end <= hi:
            return False  # named beside the pair's own party: its own
        if any(lo <= w.start and w.end <= at[0] for _, w in named):
            return False
        return any(lo <= symbols[k][2] and symbols[k][3] <= at[0] for k in plain)
    first = min(trig)
    kw = next((k for k, w in named if w is weapon), None)
    if kw is None or kw > first:
        return False
    # another clause: a comma, a semicolon or a word of ``clause_joins`` between the system and
    # the trigger
    joins = {",", ";"} | (cls.words("clause_joins") if cls else frozenset())
    if not any(symbols[k][0] == "word" and symbols[k][1] in joins for k in range(kw, first)):
        return False
    after = range(first + 1, min(len(symbols), first + 1 + _OBJECT_REACH))
    arms = [k for k in after if symbols[k][0] == "weapon"]
    if not arms or symbols[arms[0]][1] is not None:
        return False
    return not _same_again(text, cls, symbols, first, arms[0], weapon, supplier)


def _same_again(
    text: str,
    cls: Classes | None,
    symbols: list[Symbol],
    trigger: int,
    arms: int,
    weapon: _Span,
    supplier: str,
) -> bool:
    """The class arms after the trigger are ``weapon``, named before, again: "more", "further"
    ... before them (the ``again`` class; an ignored word, so read in the text between the
    trigger and the arms), or the very class noun the system was named with ("signed for 40 X
    tanks, and will buy tanks from B"), and the seller makes the system. Another state's make
    is not bought again from this seller ("flies Russian X helicopters, and will acquire more
    helicopters from Turkey")."""
    if not _sells_as_own(weapon, supplier):
        return False
    between = SENT_TOKEN.findall(text[symbols[trigger][3] : symbols[arms][2]].lower())
    again = cls.words("again") if cls else frozenset()
    noun = SENT_TOKEN.findall(text[weapon.start : weapon.end].lower())[-1:]
    return bool(set(between) & again) or noun == [text[symbols[arms][2] : symbols[arms][3]].lower()]


def _sells_as_own(weapon: _Span, supplier: str) -> bool:
    """The supplier sells the tagged weapon as its own make (``own_make``)."""
    return own_make(weapon.origin, weapon.partners, supplier)


def own_make(origin: str | None, partners: Iterable[str], supplier: str) -> bool:
    """The supplier sells a weapon of this ``origin`` and ``partners`` as its own make: its
    state of origin, or a partner of a multinational programme (``partners`` in the gazetteer,
    extension files included; one listing none is open to any state). A jet another state is
    compared with or also flies is not the seller's ("cheaper than the F-16 and the
    Eurofighter", said of a Pakistani jet). One predicate for tagged spans and entities."""
    if origin is not None:
        return origin == supplier
    return not partners or supplier in partners


def _arms_referred_back(symbols: list[Symbol], text: str) -> bool:
    """The sentence names no weapon and its arms are a definite phrase ("placed orders for the
    aircraft", "these jets"): arms the article has already named. The determiner is read from
    the text, as the symbol line drops it (``ignore``)."""
    arms = [s for s in symbols if s[0] == "weapon"]
    if not arms or any(s[1] is not None for s in arms):
        return False
    before = (SENT_TOKEN.findall(text[max(0, s[2] - 8) : s[2]].lower())[-1:] for s in arms)
    return any(b and b[0] in _DEFINITE for b in before)


def _maker_pairs(
    hits: dict[tuple[str, str], PairHit],
    orphans: list[_Orphan],
    makers: dict[str, tuple[str, _Span]],
    lex: RelationLexicon,
) -> None:
    """The first buyer the article names without a seller buys from the article's one maker
    (``_article_makers``: "Fincantieri ha vinto la gara. Il Marocco acquista due fregate."), when
    no sentence of the article pairs its parties itself; so do the buyers its sentence names
    with it ("A, B and C signed a joint agreement for 13 jets"); buyers of later sentences are
    left alone. The supplier's cue names the maker's mention, at its place in the text."""
    if hits or not orphans:  # the article pairs its parties itself
        return
    for orphan in (o for o in orphans if o.sentence == orphans[0].sentence):
        sup = _article_maker(makers, orphan.state)
        if not sup or not _buys_of_make(orphan, sup, lex):
            continue
        _pair_with_maker(hits, orphan, sup, makers[sup])


def _buys_of_make(orphan: _Orphan, sup: str, lex: RelationLexicon) -> bool:
    """The lone buyer's own sentence names no weapon of another make than the maker state
    ``sup`` (``own_make``) as what it buys: "A bought 28 Typhoons" in an article that names the
    Rafale only as another buyer's choice does not buy from France. The article's maker stands
    in for a seller the buyer's sentence leaves out, not for the maker of arms it names. A
    weapon the buyer holds, retires or a relative clause names (``_held_weapon``) is not what it
    buys, and leaves the maker's sale."""
    w = orphan.facts.weapon
    return w is None or own_make(w.origin, w.partners, sup) or _held_weapon(orphan, w, lex)


_PLAIN_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _held_weapon(orphan: _Orphan, weapon: _Span, lex: RelationLexicon) -> bool:
    """Between the lone buyer's name and the named ``weapon`` after it stands a word of the
    ``held`` class (a possessive, "beside", a relative pronoun) or of the ``retire`` class: the
    weapon is the buyer's fleet or another clause's ("ordered 28 jets, which will fly beside its
    Typhoons"; "to replace its Mirages"), not the object of its buying. Only where the lexicon
    has word classes (English). The words are read after the last buying word there ("said
    that it would order 28 jets": the "that" and "it" of the reported clause come before what it
    buys), and a possessive right after that word is the object's own ("received its first
    Typhoons": the jets bought); "that" right after a verb of saying is no relative pronoun."""
    at = _named_at(orphan)
    if lex.grammar is None or at is None or weapon.start < at[1]:
        return False
    cls = lex.grammar
    words = _PLAIN_WORD.findall(orphan.text[at[1] : weapon.start].lower())
    bought = [i for i, w in enumerate(words) if cls.any(("buy", "buy_noun"), w)]
    if bought:
        words = words[bought[-1] + 1 :]
    for i, w in enumerate(words):
        if cls.has("retire", w):
            return True
        if not cls.has("held", w):
            continue
        if bought and i == 0 and w in ("its", "their"):
            continue  # "bought its first jets": the possessive of what it buys
        if w == "that" and i > 0 and cls.has("speak", words[i - 1]):
            continue  # "confirmed that": a reported clause, no relative one
        return True
    return False


def _pair_with_maker(
    hits: dict[tuple[str, str], PairHit],
    orphan: _Orphan,
    sup: str,
    mention: tuple[str, _Span],
    why: str = MAKER_CUE,
) -> None:
    """The orphan buyer's pair with the maker's state ``sup``, the supplier's cue naming the
    maker's ``mention`` (field, span) at its place in the text; ``why`` says how the seller was
    found (another state named in the article, ``fills._opening_seller_pairs``)."""
    fld, span = mention
    named = Cue("supplier", sup, fld, span.start, span.end, f"{why}: {span.name}")
    hit = hits.setdefault((orphan.state, sup), PairHit(orphan.state, sup))
    hit.sentences.append(orphan.sentence)
    hit.cues.extend(named if c.country == ARTICLE_MAKER else c for c in orphan.cues)
    _add_facts(hit, orphan.facts, orphan.text)


def _later_buyers(
    hits: dict[tuple[str, str], PairHit],
    orphans: list[_Orphan],
    makers: dict[str, tuple[str, _Span]],
    states: Mapping[tuple[str, int, int, int], set[str]],
    lex: RelationLexicon,
    spans: Mapping[tuple[str, int, int, int], list[_Span]] | None = None,
    other_sellers: Collection[str] = (),
) -> None:
    """Buyers read alone after the article has paired its parties, when every pair has the same
    seller and that seller is the state of the article's one maker: two signs agree on who
    sells, so each such buyer is one more customer of it ("The first jets went to A. B ordered
    six of them in May."). Only from a sentence that names no state but the buyer and that
    seller (``states``: the states each sentence names): a third state there may be the one it
    deals with, or the sentence may be about that state ("A's minister said the war in B
    warranted more guns"). The other members of a list of buyers read alone in that sentence
    are no third state: each member keeps its role ("would block the sales of munitions to A,
    B and C"). A buyer already paired keeps its pairs; cues as ``_maker_pairs``.
    With no maker named, a list still shares its part: when one member of the buyers read
    alone together is already a buyer of that seller, the others are its buyers too
    (``_list_mate``: "would block the sales of munitions to A, B and C", A's sale read
    elsewhere). In the language lexicons, with no maker named anywhere and no weapon in the
    buyer's sentence, the one seller sells to each such buyer when a pair reads it selling in
    words (``_seller_in_words``, ``LATER_BUYERS_NO_MAKER``: "the government approved exports
    to A. B receives 40 rifles") and no other state is read selling alone (``other_sellers``:
    "A buys missiles from S. B buys tanks. C sells helicopters.") and the buyer does not merely
    weigh a purchase (its status talks): nothing in the article names another source. In the
    language lexicons (``spans``: the states each sentence names, as spans) a state of the
    buyer's sentence right before a verb of operating is a fellow customer, no third state
    (``_fellow_users``: "A ordered six, and B operates three of them")."""
    sup = next(iter(hits))[1]
    buyers = {rec for rec, _ in hits}
    for orphan in orphans:
        if orphan.state in buyers:
            continue
        members = {o.state for o in orphans if o.sentence == orphan.sentence}
        third = states.get(orphan.sentence, set()) - members - {sup}
        if third and spans is not None:  # a fellow customer is no third party (languages)
            third -= _fellow_users(orphan, spans.get(orphan.sentence, []), lex)
        if third:
            continue
        if _article_maker(makers, orphan.state) == sup and _buys_of_make(orphan, sup, lex):
            _pair_with_maker(hits, orphan, sup, makers[sup])
            continue
        mate = _list_mate(hits, _list_of(orphan, orphans, lex) & buyers, sup)
        if mate is not None:
            _pair_with_maker(hits, orphan, sup, mate, LIST_MATE_CUE)
            continue
        # no maker named at all, nor a weapon in the buyer's sentence: the seller read in words
        no_maker = not makers and not other_sellers and orphan.facts.weapon is None
        if LATER_BUYERS_NO_MAKER and lex.symbols_only and no_maker:
            if orphan.facts.status == "talks":
                continue  # a buyer that only weighs a purchase ("B is also studying a purchase")
            named = _seller_in_words(hits, sup)
            if named is not None:
                _pair_with_maker(hits, orphan, sup, named, ONE_SELLER_CUE)


def _fellow_users(orphan: _Orphan, spans: list[_Span], lex: RelationLexicon) -> set[str]:
    """The states of the lone buyer's sentence that stand right before a verb of operating
    (``_users``, the ``operate`` class: "and that B operates three of them"): fellow customers
    of the type, listed beside its buyers, not a party the buyer deals with."""
    if not lex.operate:
        return set()
    _, _, start, end = orphan.sentence
    symbols, _ = _symbols(orphan.text, start, end, [replace(sp) for sp in spans], lex)
    countries = [k for k, sym in enumerate(symbols) if sym[0] == "country"]
    return _users(dict.fromkeys(countries), countries, symbols, lex)


def _seller_in_words(hits: Mapping[tuple[str, str], PairHit], sup: str) -> tuple[str, _Span] | None:
    """Where the article's one seller ``sup`` is read selling in words (field, span): a cue of
    a pattern (or the only other party of a sentence of transfer), not the arms' maker or
    origin, not an adjective ("XA": "the Mauritanian jets" names a user as often); None when
    no pair reads it so, or when a pair reads it buying too (a pair read the wrong way round
    names no seller for the article's other buyers)."""
    cues = [c for h in hits.values() for c in h.cues if c.country == sup]
    if any(c.role == "recipient" for c in cues):
        return None
    for c in cues:
        pattern = c.cue.split(" (")[0]
        if c.role == "supplier" and _hands_over(c.cue) and "XA" not in pattern.split():
            return c.field, _Span(c.start, c.end, "country", sup, name=c.cue)
    return None


def _named_at(orphan: _Orphan) -> tuple[int, int] | None:
    """Where the lone buyer's own cue names it (start, end in its text)."""
    cue = next((c for c in orphan.cues if c.country == orphan.state), None)
    return (cue.start, cue.end) if cue is not None else None


def _list_of(orphan: _Orphan, orphans: list[_Orphan], lex: RelationLexicon) -> set[str]:
    """The states of the list the lone buyer ``orphan`` is a member of, the orphan among them:
    the sentence's lists of lone buyers as ``_lists`` reads any list (joined by commas and a
    closing "and", each member maybe repeating the first one's preposition, ending where a
    clause opens); names apart in one sentence are no list ("the supply of arms to A, when
    troops were sent to B")."""
    named = sorted(
        (at, o.state)
        for o in orphans
        if o.sentence == orphan.sentence and (at := _named_at(o)) is not None
    )
    if len(named) < 2:
        return set()
    spans = [_Span(at[0], at[1], "country", state) for at, state in named]
    _, _, start, end = orphan.sentence
    symbols, _ = _symbols(orphan.text, start, end, spans, lex)
    countries = [k for k, sym in enumerate(symbols) if sym[0] == "country"]
    for members in _lists({}, countries, symbols, lex, frozenset()):
        states = {symbols[k][1].ident for k in members}
        if orphan.state in states:
            return states
    return set()


def _list_mate(
    hits: Mapping[tuple[str, str], PairHit], mates: set[str], sup: str
) -> tuple[str, _Span] | None:
    """Where the seller ``sup`` of a paired member of a list (one of ``mates``) is named: the
    mention of its supplier cue, which the list's other members share; None with no such
    member. Every member of a coordination plays the same part (grammar.py), so the list's
    lone members buy from the seller its paired member buys from."""
    for mate in sorted(mates):
        hit = hits.get((mate, sup))
        cue = next((c for c in hit.cues if c.role == "supplier"), None) if hit else None
        if cue is not None:
            span = _Span(cue.start, cue.end, "country", sup, name=cue.cue)
            return cue.field, span
    return None


def _first_state(
    per_sentence: Mapping[int, list[_Span]],
    idx: int,
    sellers: set[str],
    art: Any,
    sentences: list[tuple[str, int, int, int]],
    seller: str = "",
    in_object: bool = False,
) -> str | None:
    """With no pair read yet, the state "it" or "the country" refers back to: the first state
    the article names before sentence ``idx`` when it is its sentence's subject or the only
    state there ("The Central Asian republic of X lost ground over the border. Last year it
    bought three drones from Y."), not one that only qualifies the subject beside another
    state ("US officials have warned Turkey ...": no referent, review) nor one read as a seller
    so far (``sellers``: "The ministry will buy guns
    from A. ... we receive"); "" when none. The sentence's own ``seller`` is never the buyer
    it refers to: it is passed over, in reading order ("An X source says Y approved the sale of
    jets. Y will deliver them to the country": X, the one state left). "The country" as an
    object (``in_object``) names a state other than the one the text was about: when that
    sentence's subject has another state beside it ("X struck targets in Z", "X warned Z"), the
    referent may be either: None, no referent to trust."""
    if not BACK_TO_FIRST_STATE:
        return ""
    for i, spans in sorted(per_sentence.items()):
        if i >= idx:
            break
        states = sorted((x for x in spans if x.kind == "country"), key=lambda x: x.start)
        sp = next((x for x in states if x.ident != seller), None)
        if sp is None:
            continue
        fld, _, start, end = sentences[i]
        text = art.title if fld == "title" else art.body
        alone = len({x.ident for x in states} - {seller}) == 1
        if sp.ident in sellers or not (
            alone or _names_subject(text[start:end], sp.start - start, sp.end - start)
        ):
            return ""
        if in_object and not alone:  # the subject's state and another: either may be meant
            return None
        return sp.ident
    return ""


def _names_subject(sentence: str, start: int, end: int) -> bool:
    """The words at ``start:end`` are the sentence's subject by its parse (``grammar``);
    True when there is no parse."""
    doc = parse(sentence)
    return doc is None or is_subject_span(doc, start, end)


def _spans_named(
    per_sentence: Mapping[int, list[_Span]],
    sentences: list[tuple[str, int, int, int]],
    kinds: tuple[str, ...] = ("country",),
) -> dict[tuple[str, int, int, int], list[_Span]]:
    """The spans of ``kinds`` (states; states and weapons) each sentence names, by the
    sentence's (field, index, start, end)."""
    return {
        sentences[i]: [sp for sp in spans if sp.kind in kinds] for i, spans in per_sentence.items()
    }


def _states_named(
    per_sentence: Mapping[int, list[_Span]], sentences: list[tuple[str, int, int, int]]
) -> dict[tuple[str, int, int, int], set[str]]:
    """The states each sentence names (``_spans_named``), as their codes."""
    named = _spans_named(per_sentence, sentences)
    return {key: {sp.ident for sp in spans} for key, spans in named.items()}


def _second_sellers(
    hits: dict[tuple[str, str], PairHit],
    sellers: list[_Orphan],
    per_sentence: Mapping[int, list[_Span]],
    sentences: list[tuple[str, int, int, int]],
    grammar: Classes | None,
    language: RelationLexicon | None = None,
) -> None:
    """Sellers read with no buyer in their sentence, when every pair the article read has one
    buyer: they sell to it too ("X will buy tanks from A. The helicopters will come from B and
    C.", "... second-hand jets from A or B"); in English, when the pairs have several buyers,
    to the one the seller's sentence names, if it names one only ("X bought tanks from A and Y
    jets from B. X also took an offer of rifles from C"). Not a seller read only as the arms' maker
    ("US-made": second-hand arms change hands between others; English ``_maker_to_buyer`` takes
    the narrow case of a maker named beside the one buyer) or as a blocker, nor one the
    article reads as a buyer; only from a sentence naming no state but the sellers and the
    buyer (a third state there may be the one they deal with), nor one saying whom the sale
    goes to ("sells tanks to many NATO members": exports in general), nor one about arms other
    than those the buyer's pairs name (English; a language lexicon's seller must be read from a
    mark of origin instead, ``language``: ``_from_cue``). A seller already paired with the buyer
    gets the sentence's cues only: a seller named in words outweighs a maker fill
    (``_named_seller_first``)."""
    buyers = {rec for rec, _ in hits}
    states = _states_named(per_sentence, sentences)
    arms_in = _spans_named(per_sentence, sentences, ("country", "weapon"))
    by_sentence: dict[tuple[str, int, int, int], set[str]] = {}
    for s in sellers:
        by_sentence.setdefault(s.sentence, set()).add(s.state)
    for seller in sellers:
        sup = seller.state
        # several buyers (English): the one the seller's own sentence names, if it names one only
        named = buyers & states.get(seller.sentence, set()) if len(buyers) > 1 else buyers
        if len(named) != 1 or sup in named or (language is not None and len(buyers) > 1):
            continue
        buyer = next(iter(named))
        theirs = _buyers_arms(buyer, per_sentence)
        # a state that blocks the seller's sale ("…, but Washington vetoed the sale") governs
        # that sale only: no counterpart the seller may be dealing with instead of the buyer
        blocking = {c.country for c in seller.cues if BLOCKS_ANOTHER in c.cue}
        if states.get(seller.sentence, set()) - by_sentence[seller.sentence] - {buyer} - blocking:
            continue
        own = [c for c in seller.cues if c.country == sup and c.role == "supplier"]
        hands = any(
            _hands_over(c.cue)
            and (
                language is None
                or _from_cue(c, seller, language)
                or _bought_of_origin(c, seller, language)
            )
            for c in own
        )
        # English: a maker alone may still be the buyer's seller (``_maker_to_buyer``)
        maker = (
            not hands
            and language is None
            and len(buyers) == 1
            and _maker_to_buyer(seller, buyer, arms_in, hits, sellers, grammar)
        )
        if not (hands or maker):
            continue
        arms = seller.facts.weapon
        # a language lexicon's seller is read from a mark of origin ("aus X", "X'ten") in a
        # sentence naming no buyer: its unnamed subject is the one taking the arms in, the
        # article's buyer, whatever arms it names ("negocia más cazas de Francia")
        other_arms = arms is not None and theirs and arms.ident not in theirs
        if SECOND_ARMS and other_arms and language is None:
            continue  # "X ordered K2 tanks from A. B sells Leopard tanks ...": other arms
        if _says_recipient(seller, grammar) or _sells_parts(seller, grammar):
            continue
        new = (buyer, sup) not in hits
        hit = hits.setdefault((buyer, sup), PairHit(buyer, sup))
        hit.cues.extend(replace(c, cue=f"{SECOND_CUE}: {c.cue}") for c in own)
        if new:  # a pair already read keeps the facts of its own sentences
            hit.sentences.append(seller.sentence)
            _add_facts(hit, seller.facts, seller.text)


def _maker_to_buyer(
    seller: _Orphan,
    buyer: str,
    arms_in: Mapping[tuple[str, int, int, int], list[_Span]],
    hits: Mapping[tuple[str, str], PairHit],
    sellers: list[_Orphan],
    grammar: Classes | None,
) -> bool:
    """An English seller read only as the maker of the arms ("Russian-made jets", "the Korean
    FA-50") is the seller to the article's one buyer when its sentence names the buyer too and
    only arms of that maker's ("X's new Russian-made jets arrived"): the buyer's second deal.
    Not when the sentence names no buyer (second-hand arms change hands between others), nor
    arms of two makers (a fleet old and new: "to replace its French jets with Russian ones"),
    nor arms another seller hands over: the weapon of a pair read, or one named where another
    state is read as handing arms over ("A Czech firm delivered BMP-1s to X"), nor arms the
    sentence says came from someone, a state or not ("jets bought from the US government")."""
    arms = seller.facts.weapon
    named = arms_in.get(seller.sentence, [])
    if arms is None or buyer not in {sp.ident for sp in named if sp.kind == "country"}:
        return False
    if any(sp.origin not in (None, seller.state) for sp in named if sp.kind == "weapon"):
        return False
    handed = {
        sp.ident
        for other in sellers
        if other.state != seller.state
        and any(c.country == other.state and _hands_over(c.cue) for c in other.cues)
        for sp in arms_in.get(other.sentence, [])
    }
    if arms.ident in handed | {h.weapon for h in hits.values()}:
        return False
    return not _sentence_says(seller, grammar, names_its_own_source)


def _sells_parts(seller: _Orphan, grammar: Classes | None) -> bool:
    """The seller's sentence supplies parts built into a platform (the ``built_in`` class:
    "refused to supply the engines for the submarine"): it sells to the platform's maker, not
    to the article's buyer of the platform."""
    if grammar is None:
        return False
    _, _, start, end = seller.sentence
    words = _WORD_RUN.findall(seller.text[start:end].lower())
    return any(grammar.has("built_in", w) for w in words)


_FROM_REACH = 3  # words before a country that may hold its "from" and an article ("de la")
_FROM_CHARS = 60  # the text those words are sought in
_WORD = re.compile(r"\w+")


def _from_cue(cue: Cue, seller: _Orphan, lex: RelationLexicon) -> bool:
    """A language pattern's cue that reads the seller from a mark before it, not as a subject:
    a case suffix of origin (Turkish "X ' {abl}": "Rusya'dan", from Russia), or a preposition
    right before the country (its article passed over) that is not also the language's "of"
    (Romance "de": "la flotte de la Colombie" names no seller): "from" ("{from} X"), a
    purchase's seller ("{buy_noun} ... {to} X": "la adquisición de tanques a Alemania"). A
    sentence naming such a seller and no buyer has the buyer as its dropped subject or a noun; a
    seller as subject ("X ... {sell}") may be selling to anyone. A deal's party "with" X
    ("{deal} ... {with} X": "o acordo com o Brasil para a aquisição") only in a sentence of
    buying (``_deal_to_buy``): a contract with a state is as often the buyer's own export to it
    or a joint production with it (review r14a)."""
    if "{abl}" in cue.cue:
        return True
    pattern = cue.cue.split(" (")[0]
    text = seller.text
    before = text[max(0, cue.start - _FROM_CHARS) : cue.start].lower()
    words = [_fold_token(w) for w in _WORD.findall(before)[-_FROM_REACH:]]
    marks = [w for w in words if w not in lex.ignore]
    if "{with}" in pattern and not (marks and _from_by_case(cue, marks[-1], text, lex)):
        return _deal_to_buy(seller, lex)
    if not (pattern.startswith("{from} X") or (pattern.startswith("{") and pattern.endswith(" X"))):
        return False
    return bool(marks) and marks[-1] not in lex.genitive


def _bought_of_origin(cue: Cue, seller: _Orphan, lex: RelationLexicon) -> bool:
    """A language pattern's cue that reads the seller from an adjective of origin on the arms
    ("XA W=": "the purchase of Israeli jets"; "{made} XA": "tanks of Korean make") in a sentence
    of buying and of no selling (``_deal_to_buy``): a purchase whose buyer goes unnamed (a
    dropped subject, a noun) is the article's buyer buying from the state that makes the arms.
    Not in a sentence of selling or delivering: the adjective then names arms a third party
    hands on as often ("the rifles of Israeli make the government handed to the police")."""
    if "XA" not in cue.cue.split(" (")[0].split():
        return False
    return _deal_to_buy(seller, lex)


def _from_by_case(cue: Cue, mark: str, text: str, lex: RelationLexicon) -> bool:
    """A case language's "with" that is also its "from" (Polish "z", Ukrainian "з"), on a
    name not in the instrumental: "from" ("umowa na dostawę śmigłowców z Kanady", from Canada;
    "umowa z Kanadą" is with Canada)."""
    classes = lex.word_classes
    if lex.case_of is None or classes is None or not classes.has("from", mark):
        return False
    return lex.case_of(cue.country, text[cue.start : cue.end]) != "instrumental"


# the classes of a sale from the buyer's side, and of its other side (an export, a delivery)
_BUYING = ("buy", "buy_noun", "receive")
_SELLING = ("sell", "sell_noun", "sold")


def _orphan_line(orphan: _Orphan, lex: RelationLexicon) -> list[Symbol]:
    """The symbol line of a lone party's sentence (words folded as read; no spans): what the
    guards on second sellers and later buyers read."""
    _, _, start, end = orphan.sentence
    return _symbols(orphan.text, start, end, [], lex)[0]


def _deal_to_buy(seller: _Orphan, lex: RelationLexicon) -> bool:
    """The seller's sentence tells of buying or receiving ("the deal with B for the purchase of
    ships") and of no selling, exporting or delivering: a deal "with" a state in a sentence
    naming no buyer is the buyer's purchase from it only then; else it may be the buyer's own
    export to that state ("the contract with B for ammunition deliveries") or a joint
    production ("the deal with B foresees building armoured cars together")."""
    classes = lex.word_classes
    if classes is None:
        return False
    words = [s[1] for s in _orphan_line(seller, lex) if s[0] == "word"]
    return any(classes.any(_BUYING, w) for w in words) and not any(
        classes.any(_SELLING, w) for w in words
    )


def _buyers_arms(buyer: str, per_sentence: Mapping[int, list[_Span]]) -> set[str]:
    """The weapons named in the sentences that name ``buyer``: the arms it buys or holds
    ("acquire K239 launchers besides its HIMARS units")."""
    return {
        sp.ident
        for spans in per_sentence.values()
        if any(sp.kind == "country" and sp.ident == buyer for sp in spans)
        for sp in spans
        if sp.kind == "weapon"
    }


def _hands_over(cue: str) -> bool:
    """An English seller's cue that reads it as the one handing the arms over: not only their
    maker ("US-made", the weapon's origin) nor a government blocking a sale."""
    return not cue.startswith((ORIGIN_CUE, MAKER_OF)) and BLOCKER not in cue


def _says_recipient(seller: _Orphan, grammar: Classes | None) -> bool:
    """The seller's sentence names whom its sale goes to, a state or not (``grammar.
    names_its_own_recipient``)."""
    return _sentence_says(seller, grammar, names_its_own_recipient)


def _sentence_says(
    seller: _Orphan, grammar: Classes | None, test: Callable[[Any, Classes], bool]
) -> bool:
    """``test`` holds on the parse of the seller's sentence (cached: it was parsed when read);
    False with no grammar or no parse."""
    if grammar is None:
        return False
    _, _, start, end = seller.sentence
    doc = parse(seller.text[start:end])
    return doc is not None and test(doc, grammar)


def _joined_pairs(
    hits: dict[tuple[str, str], PairHit], buyers: list[_Orphan], sellers: list[_Orphan]
) -> None:
    """The first buyer read with no seller buys from the first seller another sentence reads
    with no buyer ("L'Égypte commande des frégates. Rome a approuvé la vente."), when the
    article names one such seller state only and no sentence pairs parties itself. Both
    sentences' cues and facts go with the pair, the buyer's first."""
    states = {s.state for s in sellers} - {buyers[0].state}
    if hits or len(states) != 1:
        return
    buyer = buyers[0]
    seller = next(s for s in sellers if s.state in states)
    sup = seller.state
    hit = hits.setdefault((buyer.state, sup), PairHit(buyer.state, sup))
    hit.sentences.append(buyer.sentence)
    hit.cues.extend(c for c in buyer.cues if c.country != ARTICLE_MAKER)
    _add_facts(hit, buyer.facts, buyer.text)
    if seller.sentence != buyer.sentence:
        hit.sentences.append(seller.sentence)
    hit.cues.extend(replace(c, cue=f"{JOIN_CUE}: {c.cue}") for c in seller.cues if c.country == sup)
    _add_facts(hit, seller.facts, seller.text)


def _article_maker(makers: Mapping[str, Any], recipient: str) -> str:
    """The state of the article's makers when there is exactly one and it is not the buyer's
    own; "" otherwise. Two states name no seller, the buyer's own among them too: a buyer that
    makes arms may be buying at home ("a FAB recebe o KC-390" with Embraer and Boeing named)."""
    return next(iter(makers)) if len(makers) == 1 and recipient not in makers else ""


def _article_makers(
    art: Any,
    sentences: list[tuple[str, int, int, int]],
    per_sentence: dict[int, list[_Span]],
    lex: RelationLexicon,
) -> dict[str, tuple[str, _Span]]:
    """The states of the companies and weapons the article names as makers of what is bought,
    each with its first mention (field, span): only in the opening (the title and the first body
    sentence) or in a sentence that qualifies as a transfer; never a weapon that sentence rejects
    (retired or replaced, another state's own, handed on). A company named further down for
    another reason ("A Boeing abriu um escritório em Bogotá"), a losing bidder or the buyer's
    current fleet in a later sentence does not count."""
    out: dict[str, tuple[str, _Span]] = {}
    for idx, spans in sorted(per_sentence.items()):
        fld, sidx, start, end = sentences[idx]
        if not any(s.kind in ("weapon", "company") for s in spans):
            continue
        text = art.title if fld == "title" else art.body
        spans = [_as_country(s) if s.kind in _ACTORS else s for s in spans]
        symbols, first = _symbols(text, start, end, spans, lex)
        trig = _qualifying_triggers(symbols, text, first, lex)
        if not trig and not (fld == "title" or sidx == 0) and not _tells_making(symbols, lex):
            continue
        handed_on, retired_at = _handed_on(symbols, trig, lex), _not_sold(symbols, lex)
        weapons = _supplying_weapons(symbols, handed_on, retired_at)
        companies = [s[1] for s in symbols if s[0] == "country" and s[1].company]
        for sp in sorted([*weapons, *companies], key=lambda x: x.start):
            iso = sp.origin if sp.kind == "weapon" else sp.ident
            if iso:
                out.setdefault(iso, (fld, sp))
    return out


def _tells_making(symbols: list[Symbol], lex: RelationLexicon) -> bool:
    """The sentence tells where or by whom arms are made: a verb of making (the ``build`` class)
    and arms ("The boats are built at X's yard", "X manufactures the jets in Y"). No transfer
    by itself (a maker's verb needs a "for" to sell, ``_trigger_counts``), but its maker is the
    maker of what the article's buyer buys, as a maker named in the opening is."""
    if lex.grammar is None:
        return False
    build = lex.grammar.words("build")
    return any(s[0] == "weapon" for s in symbols) and any(
        s[0] == "word" and s[1] in build for s in symbols
    )


def _handed_on(symbols: list[Symbol], trig: list[int], lex: RelationLexicon) -> int | None:
    """Where a trigger of handing arms on stands: the arms after it are second-hand, all of them
    (0) when it is the sentence's first trigger; None without one."""
    handed = next((k for k in trig if symbols[k][1] in lex.handover), None)
    return 0 if trig and handed == trig[0] else handed


def _not_sold(
    symbols: list[Symbol], lex: RelationLexicon, passed: set[int] | None = None
) -> set[int]:
    """Indices of the named weapons whose maker sells nothing in the sentence: arms on their
    way out (``_retired``), transports carrying the cargo (``_carriers``) and the alternative a
    choice passed over (``_passed_over``; ``passed`` when the caller has it already)."""
    lost = _passed_over(symbols, lex) if passed is None else passed
    return _retired(symbols, lex) | _carriers(symbols, lex) | lost


_OVER = "over"


def _passed_over(symbols: list[Symbol], lex: RelationLexicon) -> set[int]:
    """Indices of the weapons a choice passed over: after "over" that follows a verb of
    choosing (a choice made, not one to come), the arms named before the next word that is
    neither a modifier nor a list joiner ("picked the K2 over the Leopard 2 and the Abrams",
    "opted for Gripens over Chinese jets").
    The losing bid changes no hands, so its maker sells nothing. The symbol reader's rule;
    the parse reader's is ``grammar.passed_over``."""
    if lex.grammar is None:
        return set()
    choice = lex.grammar.words("choose") | lex.grammar.words("opt")
    mod = lex.grammar.words("mod")
    # "likely to choose", "will pick": a choice to come leaves both bids in the running
    ahead = lex.status_words.get("future", frozenset()) | lex.status_words.get(
        "prospective", frozenset()
    )
    out: set[int] = set()
    chosen = over = False
    for k, (kind, payload, _, _) in enumerate(symbols):
        if kind == "word" and payload in choice:
            before = symbols[k - 1] if k else None
            chosen = not (before is not None and before[0] == "word" and before[1] in ahead)
            over = False
        elif kind == "word" and payload == _OVER and chosen:
            # "chose over 20 drones": a count after "over" is a quantity, not a rival; "opted
            # to ship over": the particle of a verb of handing, its arms are the ones sent
            nxt, prev = _word_after(symbols, k), symbols[k - 1]
            particle = prev[0] == "word" and (prev[1] in lex.triggers or prev[1] in lex.handover)
            over = not particle and (nxt is None or not _count_or_mod(nxt, mod))
        elif kind == "weapon" and over:
            out.add(k)
        elif over and not (kind == "word" and (payload in lex.conjunctions or payload == ",")):
            # a country adjective on the arms ("over Chinese jets") stays in the phrase
            over = kind == "country" or (kind == "word" and _count_or_mod(payload, mod))
    return out


def _retired(symbols: list[Symbol], lex: RelationLexicon) -> set[int]:
    """Indices of the named weapons on their way out: a ``retire`` word at most
    ``_RETIRE_REACH`` symbols before, with no other named weapon between ("które zastąpią
    MiG-29", "para reemplazar sus Mirage 2000"; in "reemplaza sus Mirage con F-16" the F-16 is
    the new one). The symbol reader's rule, by word distance; the parse reader's is
    ``grammar._retired`` (the arms as object of the retire verb)."""
    # English keeps the words in its ``retire`` class (read by the parse as well)
    retire = lex.retire or (lex.grammar.words("retire") if lex.grammar is not None else frozenset())
    return _weapons_after(symbols, retire, lex.conjunctions)


def _platforms(symbols: list[Symbol], lex: RelationLexicon) -> set[int]:
    """Indices of the named weapons that are the platform the goods changing hands are for: a
    ``parts`` word shortly before ("Triebwerke für ihre Akıncı", "motores de sus drones
    Akıncı"). Their maker sells nothing in the sentence; the symbol reader's
    ``_serves_platform``."""
    return _weapons_after(symbols, lex.parts, lex.conjunctions)


def _weapons_after(
    symbols: list[Symbol], words: frozenset[str], conjunctions: frozenset[str]
) -> set[int]:
    """Indices of the named weapons at most ``_RETIRE_REACH`` symbols after one of ``words``,
    with no other named weapon between, and the members of a list they open."""
    out: set[int] = set()
    last: int | None = None
    for k, (kind, payload, _, _) in enumerate(symbols):
        if kind == "word" and payload in words:
            last = k
        elif kind == "weapon" and payload is not None:
            if last is not None and k - last <= _RETIRE_REACH:
                out.add(k)
                # "replacing the Su-27 and MiG-29 jets": the list's next member goes too
                last = k if _list_follows(symbols, k, conjunctions) else None
            else:
                last = None
    return out


def _word_after(symbols: list[Symbol], k: int) -> str | None:
    """The word right after symbol ``k`` (None: the sentence ends or a name follows)."""
    nxt = symbols[k + 1] if k + 1 < len(symbols) else None
    return nxt[1] if nxt is not None and nxt[0] == "word" else None


def _list_follows(symbols: list[Symbol], k: int, conjunctions: frozenset[str]) -> bool:
    """A list joiner (",", "and") stands right after symbol ``k``."""
    word = _word_after(symbols, k)
    return word is not None and (word == "," or word in conjunctions)


_CARRIER_REACH = 4  # symbols from a weapon to the verb of carrying it does ("C-17 left X carrying")


def _carriers(symbols: list[Symbol], lex: RelationLexicon) -> set[int]:
    """Indices of the named weapons that carry the cargo rather than being it: a transport
    aircraft or ship followed by a verb of carrying (the ``carry`` class) whose object is arms
    or goods ("a C-17 delivered the supplies to", "the An-124 brought four helicopters",
    "left the base carrying flour"). Their maker moves nothing; "jets delivered to India" (no
    object after the verb) and "jets delivered four years ago" (no arms or goods) are cargo.
    The symbol reader's rule; the parse reader's is ``grammar._carrier``."""
    if lex.grammar is None:
        return set()
    carry, mod = lex.grammar.words("carry"), lex.grammar.words("mod")
    goods = lex.grammar.words("cargo") | lex.grammar.words("also")
    out: set[int] = set()
    for k, (kind, payload, _, _) in enumerate(symbols):
        if kind != "weapon" or payload is None:
            continue
        for j in range(k + 1, min(len(symbols), k + 1 + _CARRIER_REACH)):
            if symbols[j][0] == "word" and symbols[j][1] in carry:
                nxt = next(
                    (
                        x
                        for x in symbols[j + 1 :]
                        if not (x[0] == "word" and _count_or_mod(x[1], mod))
                    ),
                    None,
                )
                if nxt is not None and (
                    nxt[0] == "weapon" or (nxt[0] == "word" and nxt[1] in goods)
                ):
                    out.add(k)
                break
    return out


def _no_transfer_told(symbols: list[Symbol], lex: RelationLexicon, trig: list[int]) -> bool:
    """The sentence is a look-alike of a transfer: it tells of a military exercise (a word or
    phrase of the ``drill`` class: "sent a battery during war games", "at the exercises") and
    its triggers (``trig``) only send or deliver, or it tells of relief goods and names no arms
    (a ``cargo`` word before a ``relief`` noun: "a C-17 brought humanitarian aid", "medical
    supplies"), so the arms and aircraft it names are deployed or carry aid and change no
    hands. A trigger of buying, signing or ordering ("during the drill, A said it would buy
    jets") tells a deal the drill does not undo; relief beside arms ("sent aid but refused to
    send weapons", "launchers and humanitarian aid", "Javelins along with medical supplies")
    is no look-alike. The parse reader's languages (English) only: the language lexicons keep
    their drill words for the article's context (``fills``)."""
    if lex.grammar is None or lex.symbols_only:
        return False
    words = [x[1] if x[0] == "word" else None for x in symbols]
    if _drill_told(words, lex) and not _deal_trigger(symbols, trig, lex):
        return True
    # an arms word ("weapons", "jets") or a named weapon that carries nothing is arms
    if any(
        x[0] == "weapon" and (x[1] is None or not _relief_carrier(symbols, k, lex))
        for k, x in enumerate(symbols)
    ):
        return False
    cargo, relief = lex.grammar.words("cargo"), lex.grammar.words("relief")
    return any(
        words[k] in cargo and words[k + 1] in relief and _relief_alone(words, k, lex)
        for k in range(len(words) - 1)
    )


# goods that are relief, not arms ("medical supplies"); the words of a purchase or an order,
# beside which a drill does not make a sale a deployment (looked up class by class, not merged
# into one set per sentence)
_GOODS_CLASSES = ("cargo", "relief")
_DEAL_CLASSES = ("buy", "buy_noun", "sign", "deal", "command")

_ABOARD_REACH = 5  # "aboard a Royal Air Force C-17": past an article, a state and a service


def _relief_carrier(symbols: list[Symbol], k: int, lex: RelationLexicon) -> bool:
    """The named weapon at ``k`` carries the relief rather than being arms: it is the subject
    of a verb of carrying (``_carriers``: "a C-17 brought aid"), is called a transport right
    after its name (the ``airlift`` class: "a C-130 transport"), has the goods "with" it ("a
    C-17 with medical supplies"; not "along with", which joins goods to the arms), or is where
    the goods ride (an ``aboard`` word a few words before it, no conjunction between: "supplies
    unloaded from a C-17", "put aboard an air force C-17"), or is loaded "with" something after
    its name, no other weapon between (a ``laden`` word: "a C-130 loaded with relief supplies",
    "three C-130s, loaded up with tents"; whether the load is relief is the caller's question)."""
    assert lex.grammar is not None
    if k in _carriers(symbols, lex) or _laden(symbols, k, lex):
        return True
    aboard, joins = lex.grammar.words("aboard"), lex.conjunctions | {","}
    for j in range(k - 1, max(-1, k - 1 - _ABOARD_REACH), -1):
        kind, w = symbols[j][0], symbols[j][1]
        if kind == "weapon" or (kind == "word" and w in joins):
            break
        if kind == "word" and w in aboard:
            return True
    nxt = [x[1] if x[0] == "word" else None for x in symbols[k + 1 : k + 3]]
    return bool(nxt) and (
        lex.grammar.has("airlift", nxt[0])
        or (nxt[0] == "with" and len(nxt) > 1 and lex.grammar.any(_GOODS_CLASSES, nxt[1]))
    )


# How far after the weapon's name its laden word may stand ("three C-130s in support of the
# relief effort, loaded up with", seven words): further on, it is another carrier's
_LADEN_REACH = 8


def _sets_off_laden(symbols: list[Symbol], j: int, lex: RelationLexicon) -> bool:
    """The comma at ``j`` is followed by a ``laden`` word, past at most two ``laden_lead``
    words ("…, loaded with", "…, fully loaded with", "…, each heavily laden with")."""
    assert lex.grammar is not None
    for x in symbols[j + 1 : j + 4]:
        if x[0] != "word":
            return False
        if lex.grammar.has("laden", x[1]):
            return True
        if not lex.grammar.has("laden_lead", x[1]):
            return False
    return False


def _laden(symbols: list[Symbol], k: int, lex: RelationLexicon) -> bool:
    """Within ``_LADEN_REACH`` symbols after the named weapon at ``k`` and its destination, in
    its clause, a ``laden`` word is followed by "with" (past an "up" only: "loaded up with"):
    the weapon is what carries the load. The clause ends at another name (weapon, state; an
    English company's name is no symbol), a ";", ".", ":", a "," (but the one before the laden
    word, maybe past one or two ``laden_lead`` words: "C-130s in support of the relief effort,
    loaded up with", "…, fully loaded with"), a conjunction or a verb of the relation: after
    those the laden
    word tells of another carrier ("delivered IRIS-T to Ukraine; trucks filled with relief goods
    followed", "sold C-17s to India, and Delhi filled them with relief goods"). The weapon's
    destination ("to" and a state) is part of its clause ("sent two C-130s to Manila, loaded
    with aid")."""
    assert lex.grammar is not None
    i = k + 1
    if i + 1 < len(symbols) and symbols[i][:2] == ("word", "to") and symbols[i + 1][0] == "country":
        i += 2
    stops = lex.conjunctions | {";", ".", ":"}
    for j in range(i, min(len(symbols), i + _LADEN_REACH)):
        kind, w = symbols[j][0], symbols[j][1]
        if kind != "word" or w in stops or w in lex.triggers:
            return False
        if w == "," and not _sets_off_laden(symbols, j, lex):
            return False  # a comma ends the clause unless it sets off the laden word itself
        if lex.grammar.has("laden", w):
            after = [x[1] if x[0] == "word" else None for x in symbols[j + 1 : j + 3]]
            return after[:1] == ["with"] or after == ["up", "with"]
    return False


# "exercise its option to buy", "exercised the right to": the verb of using a right, no drill
_RIGHT_NOUNS = frozenset({"option", "options", "right", "rights"})
_RIGHT_REACH = 3


def _drill_told(words: list[str | None], lex: RelationLexicon) -> bool:
    """A word or phrase of the ``drill`` class stands in the sentence, "exercise" not as the
    verb of using an option or right (a right noun within ``_RIGHT_REACH`` words after it)."""
    assert lex.grammar is not None
    drills = lex.grammar.words("drill")
    kept = [
        None
        if w is not None
        and w.startswith("exercis")
        and any(x in _RIGHT_NOUNS for x in words[k + 1 : k + 1 + _RIGHT_REACH])
        else w
        for k, w in enumerate(words)
    ]
    return holds_phrase(kept, drills)


def _deal_trigger(symbols: list[Symbol], trig: list[int], lex: RelationLexicon) -> bool:
    """One of the triggers ``trig`` is a word of buying, signing, a deal or an order (the
    ``buy``, ``buy_noun``, ``sign``, ``deal`` and ``command`` classes): a drill beside it does not
    make the sale a deployment."""
    assert lex.grammar is not None
    return any(lex.grammar.any(_DEAL_CLASSES, symbols[k][1]) for k in trig)


def _relief_alone(words: list[str | None], k: int, lex: RelationLexicon) -> bool:
    """The relief goods at words ``k``, ``k + 1`` ("medical supplies") are not one item of a
    list that also holds other goods ("launchers, food and medical supplies", "medical supplies
    and Stinger missiles"): each member joined before or after them ("," or "and") is relief
    as well (a weapon is no word here, so it ends the relief)."""
    assert lex.grammar is not None
    goods = lex.grammar
    joins = lex.conjunctions | {","}
    before, after = k, k + 1
    while before >= 2 and words[before - 1] in joins:
        if not goods.any(_GOODS_CLASSES, words[before - 2]):
            return False
        before -= 2
    while after + 2 < len(words) and words[after + 1] in joins:
        if not goods.any(_GOODS_CLASSES, words[after + 2]):
            return False
        after += 2
    return True


def _count_or_mod(word: str, mod: frozenset[str]) -> bool:
    return word.isdigit() or word in mod


def _supplying_weapons(
    symbols: list[Symbol], handed_on: int | None, retired_at: set[int]
) -> list[_Span]:
    """The named weapons whose maker may be the supplier: before any trigger of handing on, not
    on their way out, and not another state's own (``_owned_by_other``)."""
    after = len(symbols) if handed_on is None else handed_on
    return [
        s[1]
        for k, s in enumerate(symbols[:after])
        if s[0] == "weapon"
        and s[1] is not None
        and s[1].origin
        and k not in retired_at
        and not _owned_by_other(symbols, s[1])
    ]


def _origin_only(
    roles: dict[int, tuple | None], countries: list[int], symbols: list[Symbol]
) -> None:
    """Where the arms were made ("fabricados en Estados Unidos", "российского производства")
    names the supplier only when the sentence names no other, and not the country the arms
    go to: F-16s made in the United States that Denmark sells on are Denmark's to supply;
    drones "of Ukrainian make for the Ukrainian army" that Canada buys are Ukraine's own."""
    made = [k for k in countries if (r := roles[k]) and r[0] == ORIGIN]
    if not made:
        return
    other = {(r[0], symbols[k][1].ident) for k in countries if (r := roles[k]) and k not in made}
    other_supplier = any(role == "supplier" for role, _ in other)
    for k in made:
        if not (other_supplier or ("recipient", symbols[k][1].ident) in other):
            roles[k] = ("supplier", roles[k][1])


MAKERS_PARTNER = " (partner of the arms' maker)"  # the cue's ending for sides turned by origin


def _reciprocal(cue: str) -> bool:
    """A cue of a contract between two ("{deal} ... {with} X", "X ... {sign} ... {deal} ...
    {with} C"): it tells buyer from seller only by which of the two is named with "with"."""
    return "{with}" in cue and ("{deal}" in cue or "{sign}" in cue)


def _partner_buys_from_maker(
    roles: dict[int, tuple | None],
    countries: list[int],
    symbols: list[Symbol],
    lex: RelationLexicon,
) -> None:
    """A contract "with X" names X the seller only when nothing else tells the sides apart: when
    the sentence's arms are made by the other party ("the Turkish government reached an
    agreement with Ukraine to supply Bayraktar drones", "Russian shipyards fulfilled a contract
    with Vietnam for frigates"), the maker sells and its partner X buys. Only when every side
    read comes from such a contract cue and one partner is read the seller. Not for a contract
    of stationing forces (a ``deploy`` word: "Abkommen ... über die Stationierung von
    Leopard 2", no sale), nor by a weapon that is only the platform goods are for (``_platforms``:
    "a contract with Ukraine for engines for its Akıncı drones" buys from Ukraine)."""
    sides = [(k, r) for k in countries if (r := roles[k]) and r[0] in ("recipient", "supplier")]
    sellers = [k for k, r in sides if r[0] == "supplier"]
    if len(sellers) != 1 or not all(_reciprocal(str(r[1])) for _, r in sides):
        return
    if any(x[0] == "word" and x[1] in lex.deploy for x in symbols):
        return
    k = sellers[0]
    platforms = _platforms(symbols, lex)
    origins = {
        s[1].origin
        for j, s in enumerate(symbols)
        if s[0] == "weapon" and s[1] is not None and j not in platforms
    }
    others = [j for j in countries if j != k and (roles[j] is None or roles[j][0] == "recipient")]
    makers = [j for j in others if symbols[j][1].ident in origins]
    if symbols[k][1].ident in origins or not makers:
        return
    roles[k] = ("recipient", roles[k][1] + MAKERS_PARTNER)
    for j in others:
        if roles[j] is not None:  # the subject of the signing read as the buyer
            roles[j] = ("supplier", roles[j][1] + MAKERS_PARTNER)


def _as_country(span: _Span) -> _Span:
    company = span.kind == "company"
    return _Span(span.start, span.end, "country", span.ident, None, span.name, None, company)


def _symbols(
    text: str, start: int, end: int, spans: list[_Span], lex: RelationLexicon
) -> tuple[list[Symbol], int]:
    """The sentence as symbols: each tagged span one symbol, arms phrases one ``weapon`` symbol
    each, other tokens folded words (``ignore`` words dropped); and the first token's offset."""
    folded = _fold_token(text[start:end])
    toks = [
        (bare(m.group()), m.start() + start, m.end() + start) for m in SENT_TOKEN.finditer(folded)
    ]
    if lex.stem is not None:  # the token as written too: a Snowball stemmer wants its accents
        toks = [(lex.stem(t, bare(text[s:e])), s, e) for t, s, e in toks]
    if lex.written:  # a word folding into another one ("à" into "a", Polish "że" into "ze")
        toks = [(_as_written(t, text[s:e], lex.written), s, e) for t, s, e in toks]
    spans = sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))
    symbols: list[Symbol] = []
    i = si = 0
    while i < len(toks):
        tok, ts, te = toks[i]
        while si < len(spans) and spans[si].end <= ts:
            si += 1
        if si < len(spans) and spans[si].start <= ts < spans[si].end:
            sp = spans[si]
            while i < len(toks) and toks[i][1] < sp.end:
                i += 1
            if lex.adjectives is not None and sp.kind == "country":
                sp.adjective = lex.adjectives(text[sp.start : sp.end])
            if lex.case_of is not None and sp.kind == "country" and not sp.adjective:
                sp.case = lex.case_of(sp.ident, text[sp.start : sp.end])
                before = symbols[-1] if symbols else None
                if (
                    sp.case == "dative"
                    and before
                    and before[0] == "word"
                    and before[1] in lex.locative_after
                ):
                    sp.case = "locative"  # "w Polsce": in Poland, not to it
            to = _joined_to(sp, text, lex)
            if to and _object_of_noun(symbols, text, lex):
                to = None
            if to:  # "لمصر": the preposition stands before the name, as "إلى مصر" writes it
                symbols.append(("word", to, sp.start, sp.start))
            symbols.append((sp.kind, sp, sp.start, sp.end))
            si += 1
            continue
        if tok in lex.arms_trade:  # "Rüstungsexporte": the arms, then the trigger word
            symbols += [("weapon", None, ts, ts), ("word", tok, ts, te)]
            i += 1
            continue
        matched = 0
        for n in range(min(lex.arms_max, len(toks) - i) if tok in lex.arms_first else 0, 0, -1):
            if tuple(t[0] for t in toks[i : i + n]) in lex.arms:
                matched = n
                break
        if matched and not _civil_or_people(toks, i, matched, lex):
            symbols.append(("weapon", None, ts, toks[i + matched - 1][2]))
            i += matched
            continue
        if tok not in lex.ignore or _kept(tok, toks, i, spans[si:], lex):
            symbols.append(("word", tok, ts, te))
        i += 1
    symbols = _services(symbols, text, lex)
    if lex.holders:
        symbols = _drop_holders(symbols, lex)
    if lex.places or lex.places_or_to:
        symbols = _places(symbols, text, lex)
    symbols = _drop_civil_vessels(symbols, text, lex)
    if lex.grammar is not None:
        symbols = _hulls_as_verbs(symbols, text, lex)
        symbols = _force_kit(symbols, lex)
    return symbols, (toks[0][1] if toks else start)


def _force_kit(symbols: list[Symbol], lex: RelationLexicon) -> list[Symbol]:
    """A force's kit is arms: each word of the `kit` class (equipment, vehicles, trucks, lorries)
    reads as a plain arms word in a sentence that names a state's armed force ("gifted trucks to
    the Nepal Army", "the Sri Lanka Navy received equipment", "to the Navy of X": a `force_body`
    word right after a state's name, past `force_lead` words, or "of" the state), or right after
    a force word itself ("army vehicles", "navy trucks"). Elsewhere a truck is a truck ("sold
    trucks to Kenya"), and after relief goods ("medical supplies and equipment", `cargo` before
    it past `also`, `relief` and `mod` words) or a civil use ("fire trucks") it stays a word."""
    cls = lex.grammar
    kit = cls.words("kit") if cls is not None else frozenset()
    if not kit or not any(s[0] == "word" and s[1] in kit for s in symbols):
        return symbols
    body, lead = cls.words("force_body"), cls.words("force_lead")
    forces = _named_forces(symbols, body, lead)
    out = list(symbols)
    for k, s in enumerate(symbols):
        if s[0] != "word" or s[1] not in kit:
            continue
        force = any(not _sends_own_kit(symbols, j, k, cls) for j in forces)
        before = symbols[k - 1] if k else None
        after_force = before is not None and before[0] == "word" and before[1] in body
        if after_force and _of_a_state(symbols, k - 1, lead):
            continue  # "US Army vehicles arrived in X": a force moving its own kit
        if (force or after_force) and not _civil_kit(symbols, k, cls):
            out[k] = ("weapon", None, s[2], s[3])
    return out


def _of_a_state(symbols: list[Symbol], j: int, lead: frozenset[str]) -> bool:
    """The force word at ``j`` is a state's, named right before it past `force_lead` words
    ("the US Army", "Kenya's Defence Force")."""
    i = j - 1
    while i >= 0 and j - i <= _FORCE_REACH and symbols[i][0] == "word" and symbols[i][1] in lead:
        i -= 1
    return i >= 0 and symbols[i][0] == "country"


def _named_forces(symbols: list[Symbol], body: frozenset[str], lead: frozenset[str]) -> list[int]:
    """Where the sentence names a state's armed force (the index of its force word): a
    `force_body` word after a country, past `force_lead` words only ("the Kenyan Defence Forces",
    "Sri Lanka Navy", "India's army"), or before "of" and a country ("the Navy of the United Arab
    Emirates")."""
    found: list[int] = []
    for j, s in enumerate(symbols):
        if s[0] != "country":
            continue
        of = j >= 2 and symbols[j - 1][:2] == ("word", "of") and symbols[j - 2][0] == "word"
        if of and symbols[j - 2][1] in body:
            found.append(j - 2)
            continue
        k = j + 1
        while k < len(symbols) and k - j <= _FORCE_REACH and symbols[k][0] == "word":
            if symbols[k][1] in body:
                found.append(k)
                break
            if symbols[k][1] not in lead:
                break
            k += 1
    return found


def _sends_own_kit(symbols: list[Symbol], j: int, k: int, cls: Any) -> bool:
    """The force named at ``j`` gives the kit at ``k``: a `sell` verb stands between them and no
    verb of receiving (`book_order`: "received", "got"), as in "the Danish army sent equipment
    to Latvia" or "the Kenyan army shipped trucks to Somalia". That is a force moving its own
    kit - a deployment, an exercise - not arms bought or given to it; a force that receives
    ("the Nepal Army received trucks gifted by X") or is named after the kit ("handed
    equipment to the Sri Lanka Navy") still makes the kit arms."""
    between = [s[1] for s in symbols[j + 1 : k] if s[0] == "word"]
    return (
        j < k
        and any(cls.has("sell", w) for w in between)
        and not any(cls.has("book_order", w) for w in between)
    )


_FORCE_REACH = 5  # words from a state's name to its force word ("people ' s defence forces")


def _civil_kit(symbols: list[Symbol], k: int, cls: Any) -> bool:
    """The kit word at ``k`` serves a civil use: a `civil_use` word right before it ("fire
    trucks"), or relief goods in one list with it, before or after ("medical supplies and
    equipment", "equipment and medicines")."""
    if k and symbols[k - 1][0] == "word" and cls.has("civil_use", symbols[k - 1][1]):
        return True
    skip = ("also", "relief", "mod")
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(symbols) and symbols[j][0] == "word":
            if cls.has("cargo", symbols[j][1]):
                return True
            if not cls.any(skip, symbols[j][1]):
                break
            j += step
    return False


# the words before a verb, not a noun: "to ship", "will ship", "Norway also ships", "which ships"
_BEFORE_VERB = frozenset(
    {"to", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "also",
     "and", "which", "who", "that", "it", "he", "she", "they", "we", "not", "then", "now",
     "still", "already", "reportedly", "often", "usually", "soon", "never"}
)  # fmt: skip


def _hulls_as_verbs(symbols: list[Symbol], text: str, lex: RelationLexicon) -> list[Symbol]:
    """A hull that is also a trigger ("ship", "ships") is its verb, not arms, after a state or a
    firm or a word before verbs ("Norway ships launchers", "is set to ship"), or before arms, a
    number or a determiner ("ships NASAMS", "ships 12 tanks", "ships the jets"); elsewhere the
    plain hull ("four ships acquired from X"). Any hull after "by", "aboard" or "via" carries
    the goods and is no arms ("sold grain to X, delivered by ship")."""
    hulls = lex.grammar.words("hull") if lex.grammar is not None else frozenset()
    out = list(symbols)
    for k, s in enumerate(symbols):
        if s[0] != "weapon" or s[1] is not None:
            continue
        word = _fold_token(text[s[2] : s[3]])
        if word not in hulls:
            continue
        before = symbols[k - 1] if k else None
        after = symbols[k + 1] if k + 1 < len(symbols) else None
        # "delivered by ship", "carried aboard vessels": the hull carries the goods, no arms
        carrier = before is not None and before[0] == "word" and before[1] in _CARRIED_BY
        verb = word in lex.triggers and (
            (before is not None and (before[0] != "word" or before[1] in _BEFORE_VERB))
            or (
                after is not None
                and (
                    after[0] == "weapon" or (after[0] == "word" and _number_or_determiner(after[1]))
                )
            )
        )
        if verb or carrier:
            out[k] = ("word", word, s[2], s[3])
    return out


# the words before a hull that carries what the sentence moves ("by ship", "aboard vessels")
_CARRIED_BY = frozenset({"by", "aboard", "via"})


def _number_or_determiner(word: str) -> bool:
    return word.isdigit() or word in _DETERMINERS or word in _NUMBER_WORDS


_NUMBER_WORDS = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens",
     "hundreds", "more", "some", "new", "additional", "further"}
)  # fmt: skip


def _civil_or_people(
    toks: list[tuple[str, int, int]], i: int, n: int, lex: RelationLexicon
) -> bool:
    """The arms phrase at ``toks[i : i + n]`` is no arms: a civil modifier stands before it (the
    ``civil_use`` class: "oxygen tanks", "weather radars") or it is "fighters" after a word of
    a group of people (``fighting_people``: "Islamic State fighters", "foreign fighters")."""
    if lex.grammar is None or i == 0:
        return False
    before = toks[i - 1][0]
    if lex.grammar.has("civil_use", before):
        return True
    return (
        n == 1
        and lex.grammar.has("combatant", toks[i][0])
        and lex.grammar.has("fighting_people", before)
    )


def _kept(
    tok: str, toks: list[tuple[str, int, int]], i: int, after: list[_Span], lex: RelationLexicon
) -> bool:
    """Whether the ignored word ``toks[i]`` stays on the symbol line: it follows the word its
    ``kept`` phrase names and a country's name follows it ("in die Türkei": into)."""
    if not lex.kept or i == 0 or (toks[i - 1][0], tok) not in lex.kept or i + 1 >= len(toks):
        return False
    nxt = toks[i + 1][1]
    return bool(after) and after[0].kind == "country" and after[0].start <= nxt < after[0].end


def _joined_to(sp: _Span, text: str, lex: RelationLexicon) -> str | None:
    """The "to" word written joined to a country's name (Arabic "لمصر", "للجزائر"), or None.
    Not on an adjective, and not on a name an "and" opens ("ولمصر"): that one is the next
    member of a list, whose role the list gives it."""
    if lex.joined_to is None or sp.kind != "country" or sp.adjective:
        return None
    written = text[sp.start : sp.end]
    if lex.joined_and and written.startswith(lex.joined_and):
        return None
    return lex.joined_to(written)


_NOUN_REACH = (
    3  # words from a noun to the name its joined "ل" marks ("احتلال عسكري طويل لأوكرانيا")
)


def _object_of_noun(symbols: list[Symbol], text: str, lex: RelationLexicon) -> bool:
    """A joined "to" read so far marks no buyer: it follows a country that follows no word of
    moving arms ("غزو روسيا لأوكرانيا": the object of a noun, not a destination), or one of
    the lexicon's ``not_to`` words (non-transfer nouns, fixed phrases: "وفقا ل" according
    to, "زيارته ل" his visit to) at most ``_NOUN_REACH`` words back with no trigger between."""
    moving = lex.triggers | lex.movers
    if symbols and symbols[-1][0] == "country":
        before = symbols[-2] if len(symbols) > 1 else None
        return not (before is not None and before[0] == "word" and before[1] in moving)
    for kind, payload, s, e in reversed(symbols[-_NOUN_REACH:]):
        if kind != "word" or payload in moving:
            return False
        if _fold_token(text[s:e]) in lex.not_to:
            return True
    return False


def _as_written(tok: str, written: str, keep: frozenset[str]) -> str:
    """The token as written (lower case) when it is one of ``keep``, words whose folded form is
    another word of the lexicon: so it reads as no class word; else the token as read."""
    low = written.lower()
    return low if low in keep else tok


def _status_words(symbols: list[Symbol], text: str, lex: RelationLexicon) -> list[str]:
    """The sentence's words as its status is read (``""`` for a country or weapon): a language
    lexicon reads each token as written with its own status reader, the English one as the
    symbols have it."""
    read = lex.status_reader
    if read is None:
        return [x[1] if x[0] == "word" else "" for x in symbols]
    out = []
    for kind, _, s, e in symbols:
        orig = bare(text[s:e])
        out.append(read(_fold_token(orig), orig) if kind == "word" else "")
    return out


def _first_headed(symbols: list[Symbol], text: str, lex: RelationLexicon) -> frozenset[int]:
    """The indices of the symbols one of the status list ``first`` stands right before in the
    text, perhaps past other ignored words ("the first two navies"): the reader drops "first"
    (``ignore``), so "the first nation to receive" keeps it only here
    (``transfer.sentence_status``, ``headed``)."""
    heads = lex.status_words.get("first")
    if not heads:
        return frozenset()
    out = set()
    for k in range(1, len(symbols)):
        gap = SENT_TOKEN.findall(_fold_token(text[symbols[k - 1][3] : symbols[k][2]]).lower())
        if heads.intersection(gap):  # "the first two navies": the ignored words between
            out.add(k)
    return frozenset(out)


def _fold_token(text: str) -> str:
    """A token folded as ``_symbols`` folds the sentence (letters, then the apostrophes)."""
    return fold_letters(text).replace("’", "'").replace("‘", "'")


def _services(symbols: list[Symbol], text: str, lex: RelationLexicon) -> list[Symbol]:
    """The symbols with each plain arms word that names an armed service read as a word: the
    arms word right before a word of the language's `armed_service` class (Arabic "سلاح الجو", the
    air force, is "the arms of the air"). The service is a state body (the `holder` class lists
    both words), so "سلاح الجو المصري" reads as Egypt itself, not as arms beside its adjective.
    Only an arms word the `holder` class lists heads a service: other arms before a service
    word are the service's arms ("طائرات البحرية", the navy's aircraft), still arms."""
    classes = lex.word_classes
    service = classes.words("armed_service") if classes is not None else frozenset()
    if not service:
        return symbols
    out = list(symbols)
    for k in range(len(out) - 1):
        nxt = out[k + 1]
        if _plain_arms(out, k) and nxt[0] == "word" and nxt[1] in service:
            w = out[k]
            word = "_".join(_fold_token(text[w[2] : w[3]]).split())
            if word in lex.holders:
                out[k] = ("word", word, w[2], w[3])
    return out


def _drop_holders(symbols: list[Symbol], lex: RelationLexicon) -> list[Symbol]:
    """The symbols with each "{holder} {genitive}" run right before a country noun removed, and
    the body's words before it ("ministerio de defensa de X", "Marina Militare del X" → X): the
    body of a state is the state itself. So is a body
    named with the state's adjective right after it ("a la Armada saudí", "à l'armée
    ukrainienne", "al ministero della difesa austriaco"): the run goes and the adjective
    reads as the state's name (X, not XA), a party like any other. So does the adjective
    before a body, where a language puts it first ("der ungarischen Armee")."""
    out: list[Symbol] = []
    body_of = -1  # index in ``out`` of an adjective that a state body after it made a name
    for sym in symbols:
        if sym[0] == "word" and sym[1] in lex.holders and out:
            last = out[-1]
            if len(out) - 1 == body_of or (last[0] == "country" and last[1].adjective):
                # the adjective before the body ("die ungarische Armee", "польская армия"):
                # the body goes and the adjective reads as the state's name
                if len(out) - 1 != body_of:
                    out[-1] = (last[0], replace(last[1], adjective=False), last[2], last[3])
                    body_of = len(out) - 1
                continue
        if sym[0] == "country":
            dropped = False
            while (
                len(out) >= 2
                and out[-1][0] == "word"
                and out[-1][1] in lex.genitive
                and out[-2][0] == "word"
                and out[-2][1] in lex.holders
            ):
                del out[-2:]
                dropped = True
            # the body's other words before it ("alla Marina Militare del Qatar")
            while dropped and out and out[-1][0] == "word" and out[-1][1] in lex.holders:
                del out[-1]
            if sym[1].adjective and out and out[-1][0] == "word" and out[-1][1] in lex.holders:
                while out and out[-1][0] == "word" and out[-1][1] in lex.holders | lex.genitive:
                    del out[-1]
                sym = (sym[0], replace(sym[1], adjective=False), sym[2], sym[3])
        out.append(sym)
    return out


def _places(symbols: list[Symbol], text: str, lex: RelationLexicon) -> list[Symbol]:
    """The symbols with each capital named as a place read as a word: right after a preposition
    of place ("firmó el contrato en Lima"), or after one that also means "to" with no word of
    buying or supplying before it in the sentence ("signe le contrat à Paris", "l'ambasciata
    a Doha"; but "livré des canons à Kiev" names the buyer). A capital anywhere else stands
    for its state ("Paris a commandé"), and a country's own name is never a place here."""
    out = list(symbols)
    moved = False
    for k in range(1, len(out)):
        kind, _, s, e = out[k]
        prev = out[k - 1]
        moved = moved or (prev[0] == "word" and prev[1] in lex.movers)
        if kind != "country" or prev[0] != "word":
            continue
        place = prev[1] in lex.places or (prev[1] in lex.places_or_to and not moved)
        if place and out[k][1].capital:
            out[k] = ("word", "_".join(fold_words(text[s:e]).split()), s, e)
    return out


def _qualifying_triggers(
    symbols: list[Symbol],
    text: str,
    first: int,
    lex: RelationLexicon,
    sentence: tuple[int, int] | None = None,
    probe: bool = False,
) -> list[int]:
    """Indices of the sentence's un-negated triggers, or [] when it does not qualify: it needs a
    trigger near a weapon or arms word that counts (see ``_trigger_counts``) and is not airliner
    talk. ``sentence``: its (start, end) in ``text``, given when the parse may be read for a
    weak trigger's object (English, ``_parsed_object``). ``probe``: raise ``_WouldParse``
    instead of parsing, so ``_candidates`` batches the sentences read so (a cost, not a result)."""
    trig = [
        k
        for k, s in enumerate(symbols)
        if s[0] == "word"
        and s[1] in lex.triggers
        and not any(
            p[0] == "word" and p[1] in lex.negators
            for p in symbols[max(0, k - lex.negator_window) : k]
        )
        and not _arrives_nowhere(symbols, k, lex)
    ]
    arms = [k for k, s in enumerate(symbols) if s[0] == "weapon"]
    if not trig or not arms or _civil_only(symbols, lex):
        return []
    obj_line = _object_symbols(symbols, text, first) if lex.objects or lex.not_objects else []

    def parsed(k: int) -> bool:
        if probe and sentence is not None and not lex.symbols_only:
            raise _WouldParse
        return sentence is not None and _parsed_object(symbols, k, text, sentence, lex)

    if not any(_trigger_counts(k, symbols, arms, obj_line, lex, parsed, text) for k in trig):
        return []
    return trig


def _arrives_nowhere(symbols: list[Symbol], k: int, lex: RelationLexicon) -> bool:
    """Whether the trigger at ``k`` is a verb of arriving that needs a "to" word (class
    ``arrive_to``; the words of ``to`` and ``onto``) and has none right after it nor at most two
    symbols before it: Polish "trafiły do Polski", "do Polski trafił" and "trafią na Słowację"
    tell arms arriving, "rakieta trafiła w" a hit."""
    if symbols[k][1] not in lex.arrive_to:
        return False
    near = [*symbols[max(0, k - 2) : k], *symbols[k + 1 : k + 2]]
    return not any(s[0] == "word" and s[1] in lex.to_words_only for s in near)


_UNSENT = "·"  # a weak trigger whose object is no arms: a word no class or pattern reads


def _unsent(
    symbols: list[Symbol], trig: list[int], text: str, first: int, lex: RelationLexicon
) -> tuple[list[Symbol], list[int]]:
    """A language lexicon's sentence without the weak triggers that do not count themselves
    (``_trigger_counts``): a verb of sending whose object is a letter or aid ("sent Ukraine a
    letter, and Germany sold Egypt tanks") reads no roles, though another trigger of the
    sentence has arms and qualifies it (s38-i18n-verbs). The symbols with those words blanked,
    and the triggers left; the sentence qualified, so at least one trigger counts and stays."""
    weak = [k for k in trig if symbols[k][1] in lex.weak]
    if not weak:
        return symbols, trig
    arms = [k for k, s in enumerate(symbols) if s[0] == "weapon"]
    obj_line = _object_symbols(symbols, text, first)
    idle = {k for k in weak if not _trigger_counts(k, symbols, arms, obj_line, lex, None, text)}
    if not idle or len(idle) == len(trig):
        return symbols, trig
    out = [("word", _UNSENT, s[2], s[3]) if k in idle else s for k, s in enumerate(symbols)]
    return out, [k for k in trig if k not in idle]


def _without_idle_pledges(
    symbols: list[Symbol],
    trig: list[int],
    text: str,
    first: int,
    lex: RelationLexicon,
    sentence: tuple[int, int],
) -> tuple[list[str], list[int]]:
    """The status words and triggers of the sentence, less each weak trigger that is also a
    status word of `agreed` ("pledge", "pledged") and whose object is no arms ("Qatar's pledge
    of funds came as Sudan ordered drones", "pledged support to Kyiv after Ukraine received
    tanks"): a promise of money or backing says nothing of how far the arms deal went, and
    as the first trigger it would set the sentence's status by its nearness. A pledge of arms
    ("pledged nineteen F-16 jets") keeps its `agreed`."""
    words = _status_words(symbols, text, lex)
    agreed = lex.status_words.get("agreed", frozenset())
    # a verb of giving, not a noun of trade ("deal", "package" are weak and agreed too)
    giving = lex.grammar.words("sell") if lex.grammar is not None else frozenset()
    pledges = [k for k in trig if symbols[k][1] in lex.weak & giving and words[k] in agreed]
    if not pledges or len(pledges) == len(trig):
        return words, list(trig)
    arms = [k for k, s in enumerate(symbols) if s[0] == "weapon"]
    obj_line = _object_symbols(symbols, text, first) if lex.objects or lex.not_objects else []

    def parsed(k: int) -> bool:
        return not lex.symbols_only and _parsed_object(symbols, k, text, sentence, lex)

    idle = {
        k for k in pledges if not _trigger_counts(k, symbols, arms, obj_line, lex, parsed, text)
    }
    if not idle:
        return words, list(trig)
    return [_UNSENT if k in idle else w for k, w in enumerate(words)], [
        k for k in trig if k not in idle
    ]


def _parsed_object(
    symbols: list[Symbol], k: int, text: str, sentence: tuple[int, int], lex: RelationLexicon
) -> bool:
    """The parse reads arms as the object of the weak trigger at symbol ``k`` where words the
    object patterns do not know stand between ("received last week a first lot of patrol
    boats", "donated six all-weather utility helicopters"). English only (the parse)."""
    if ROLE_READER != "grammar" or lex.grammar is None or lex.symbols_only:
        return False
    start, end = sentence
    doc = parse(text[start:end])
    if doc is None:
        return False
    arms = [(s[2] - start, s[3] - start) for s in symbols if s[0] == "weapon"]
    return arms_object(doc, symbols[k][2] - start, arms, lex.grammar)


def _pattern_role(k: int, symbols: list[Symbol], lex: RelationLexicon) -> tuple[str, str] | None:
    """The role the symbol patterns give country symbol ``k``: the most specific pattern wins,
    then the tightest match; ``third`` beats the others; a pattern whose country is the object
    of a preposition ("{from} X", "{to} X", "{by} X") rules out every pattern reading it as a
    subject (every pattern starting "X ": "X ... {receive}", "X ... {sell}"), since a name a
    preposition governs is no subject: in a tie between roles, and, with ``GOVERNED_FIRST``,
    whatever the subject pattern's rank; any other tie between roles (patterns of neither kind
    left on two sides) is ambiguous."""
    iso = symbols[k][1].ident
    line = " " + " ".join(_symbol(s, k, iso, idx) for idx, s in enumerate(symbols)) + " "
    best: tuple[int, int] | None = None
    chosen: list[CuePattern] = []
    found = [(cue, m) for cue in lex.cues if (m := cue.regex.search(line))]
    if GOVERNED_FIRST and any(c.text.startswith(_GOVERNED) for c, _ in found):
        # a name a preposition governs is no subject, whatever the rank of a subject pattern:
        # "An Indien wurden von Russland ... verkauft" (a passive, the verb last) matched the
        # verb-last "X ... C ... {sell}" on India, more specific than "{to} X"; a third
        # party's pattern stands ("an A und B warnt": B's own clause, ``_two_clauses``)
        found = [(c, m) for c, m in found if c.role == "third" or not c.text.startswith("X ")]
    for cue, m in found:
        rank = (cue.specificity, -m.group().count(" "))
        if best is None or rank > best:
            best, chosen = rank, [cue]
        elif rank == best:
            chosen.append(cue)
    if not chosen:
        return None
    # a place of making competes as a supplier cue; it stays ORIGIN only when nothing else ties
    kinds = {"supplier" if c.role == ORIGIN else c.role for c in chosen}
    if "third" in kinds:
        return ("third", next(c.text for c in chosen if c.role == "third"))
    if len(kinds) > 1 and any(c.text.startswith(_GOVERNED) for c in chosen):
        # a name a preposition governs is no subject: "dass X W aus C erhält" (verb last), C
        # is the source, not the one receiving ("X ... {receive}" ties with "{from} X")
        chosen = [c for c in chosen if not c.text.startswith("X ")]
        kinds = {"supplier" if c.role == ORIGIN else c.role for c in chosen}
    if len(kinds) == 1:
        first = next((c for c in chosen if c.role != ORIGIN), chosen[0])
        return (first.role, first.text)
    return ("ambiguous", " / ".join(c.text for c in chosen))


# the patterns whose country is the object of a preposition right before it
_GOVERNED = ("{from} X", "{to} X", "{by} X")
# a governed name is no subject at any rank (thirteenth stop), not only in a tie: a switch for
# the bench
GOVERNED_FIRST = True


def _dative_after_verb(
    roles: dict[int, tuple | None], countries: list[int], symbols: list[Symbol]
) -> bool:
    """Whether a dative right after a verb of supplying is read as its recipient ("{sell} X")."""
    return any(
        symbols[k][1].case == "dative" and roles[k] and str(roles[k][1]).startswith("{sell} X")
        for k in countries
    )


def _together_with(
    roles: dict[int, tuple | None],
    countries: list[int],
    symbols: list[Symbol],
    lex: RelationLexicon,
    told: bool,
) -> list[tuple[int, int]]:
    """Slavic "together with" and an instrumental ("Німеччина разом з Польщею передала",
    Germany together with Poland handed; "Niemcy wraz z Polską"): the instrumental is a second
    subject, no partner. The nominative before the phrase is read as if the phrase were not
    there; the (nominative, instrumental) pairs, the instrumental to share its role once the
    guards have read the nominative's."""
    out: list[tuple[int, int]] = []
    for k in countries:
        if k < 2 or symbols[k][1].case != "instrumental":
            continue
        marker, prep = symbols[k - 2], symbols[k - 1]
        if marker[0] != "word" or marker[1] not in lex.together or prep[0] != "word":
            continue
        j = next((c for c in reversed(countries) if c < k - 2), None)
        if j is None or symbols[j][1].case != "nominative":
            continue
        role = roles[j] or _case_role(
            _pattern_role(j, symbols[: k - 2] + symbols[k + 1 :], lex), "nominative", told
        )
        if role is not None and role[0] in SIDES:
            roles[j] = role
            out.append((j, k))
    return out


def _case_role(role: tuple | None, case: str | None, dative_told: bool = False) -> tuple | None:
    """A role the word order gave that the country's case contradicts (Slavic: the order is
    free and the case tells the role). A subject pattern ("X ... {sell}") read on a dative is
    the recipient ("Україні передала Німеччина", to Ukraine Germany handed), on an instrumental
    nothing; a dative pattern right after a verb of supplying ("{sell} X") read on a nominative
    is the subject after its verb, the supplier, and on an instrumental the agent of a passive
    ("передані Литвою", handed over by Lithuania); "from" before an instrumental ("z Polską")
    is "with", a partner whose side the sentence must tell otherwise, and before a name in the
    accusative it is no "from" at all ("у Нігерію", into Nigeria). A name in the nominative's
    form after "from" keeps its seller: the case reader takes some genitives for nominatives
    (Polish "z Włoch", "od Węgier"), and the one word that takes the nominative's form of an
    inanimate accusative, Ukrainian "у" ("у Таїланд", into Thailand), ``_into`` reads first
    (review of the eleventh stop); "to" before a locative
    ("в Эмиратах", "w Niderlandach") is "in", a place. A word both "from" and "in" (Ukrainian
    "у") before such a name is "into": ``_into`` reads it first. With a recipient already
    read in the dative after the verb (``dative_told``), a dative before it is the one a verb
    of allowing lets supply ("дозволили Нідерландам передати Україні"): its role stands."""
    if role is None or role[0] not in SIDES or case is None:
        return role
    cue = str(role[1])
    if case == "dative" and cue.startswith("X ") and not dative_told:
        return ("recipient", f"{cue} (dative)")
    if case == "instrumental" and cue.startswith(("X ", "{from} X")):
        return None
    if case == "accusative" and cue.startswith("{from} X"):  # "у Нігерію": into
        return None
    if case == "locative" and cue.startswith(("X ", "{to} X")):  # "в Эмиратах": in, not to
        return None
    if case not in ("dative", "accusative") and cue.startswith("{sell} X"):
        return ("supplier", f"{cue} ({case})")
    return role


def _into(
    roles: dict[int, tuple | None],
    countries: list[int],
    symbols: list[Symbol],
    lex: RelationLexicon,
) -> None:
    """A word that is both "from" and "in" (Ukrainian "у": "from" with the genitive, "купили
    у Франції"; and the other spelling of "в", "into" with the accusative) before a name in
    the accusative, or in the nominative's form (an inanimate accusative): "у Нігерію", "у
    Таїланд" is "into", and the state the recipient, not the seller "{from} X" read."""
    if not lex.from_or_in:
        return
    for k in countries:
        r = roles[k]
        if (
            r is not None
            and r[0] == "supplier"
            and str(r[1]).startswith("{from} X")
            and symbols[k][1].case in ("accusative", "nominative")
            and _word_before(symbols, k) in lex.from_or_in
        ):
            roles[k] = ("recipient", "{to} X (accusative)")


def _case_required(role: tuple | None) -> str | None:
    """The case a role's pattern holds in only: the dative of a ``recipient_in_dative`` pattern,
    the instrumental of a ``supplier_in_instrumental`` one (the agent of a passive participle of
    supplying: "танки были поставлены в Индию Россией", "передані Литвою"; the instrumental
    with no preposition names who did it, where Polish and the Romance languages say "{by} X").
    Elsewhere the same words read a genitive ("переданы танки Германии", Germany's tanks) or a
    dative ("передані Україні"), no agent."""
    if role is None:
        return None
    cue = str(role[1])
    return "dative" if IN_DATIVE in cue else "instrumental" if IN_INSTRUMENTAL in cue else None


def _drop_unless_dative(
    roles: dict[int, tuple | None],
    countries: list[int],
    symbols: list[Symbol],
    lex: RelationLexicon,
    joined: frozenset[int],
) -> None:
    """A country a ``recipient_in_dative`` pattern read keeps the role only when it, or another
    member of its list, is read in the dative: the genitive after the arms ("przekazała czołgi
    Niemiec Ukrainie", Germany's tanks) has no case of ``CASES`` and reads as None, as does a
    name whose genitive and dative are one form ("Индии"), which a dative beside it in the list
    tells ("С-400 Индии и Китаю"). The same for the instrumental a
    ``supplier_in_instrumental`` pattern needs (``_case_required``)."""
    lists = _lists(roles, countries, symbols, lex, joined)
    for k in countries:
        case = _case_required(roles[k])
        if case is None:
            continue
        members = next((m for m in lists if k in m), [k])
        if not any(symbols[m][1].case == case for m in members):
            roles[k] = None


def _coordinate(
    roles: dict[int, tuple | None],
    countries: list[int],
    symbols: list[Symbol],
    conjunctions: frozenset[str] = frozenset({"and"}),
    clause_words: frozenset[str] = frozenset(),
    joined: frozenset[int] = frozenset(),
    case_marker: str = "",
    backward: bool = False,
    triggers: Sequence[int] = (),
) -> None:
    """Coordination: "to India and China" - China inherits India's role; a comma or a word of
    ``conjunctions`` (the language's "and") between the two, or a comma then one; or nothing
    when the second is in ``joined`` (written joined to its "and": Arabic "والجزائر"). Not when
    a word of ``clause_words`` follows the second: it is the subject of a clause of its own
    ("an Ägypten und Israel protestiert"). With ``case_marker`` (Turkish "'": the case suffix
    of a list stands on its last member only, "Katar, Kuveyt ve Umman'a"), the members before
    a marked last one take its role, whatever the patterns read in them (``_list_case``).
    With ``backward`` (language lexicons) a list's last member also lends its role to the
    members before it that have none (``_coordinate_back``, which reads ``triggers``)."""
    for a, b in itertools.pairwise(countries):
        between = _past_gloss(_words_between(symbols, a, b))
        linked = _joins(between, conjunctions) or (b in joined and between in ([], [","]))
        if roles.get(b) is None and roles.get(a) and linked:
            if _opens_clause(symbols, b, clause_words):
                continue
            roles[b] = (roles[a][0], roles[a][1] + " (coordinated)")
    if backward and not case_marker:  # a case-marked list is read by its case (below)
        _coordinate_back(roles, countries, symbols, conjunctions, triggers)
    if case_marker:
        _list_case(roles, countries, symbols, conjunctions, case_marker)


# a fresh clause number for a gapped clause (``_gapped_clause``): beyond any token index
_GAPPED_CLAUSE = 1_000_000


def _gapped_clause(
    roles: dict[int, tuple | None],
    countries: list[int],
    symbols: list[Symbol],
    lex: RelationLexicon,
) -> None:
    """A gapped clause after "and" that repeats the first clause's preposition with a subject of
    its own ("Germany sold tanks to A, and France to B"; "A bought jets from X, and B from Y"):
    the verb is left out, so the state before the preposition is that clause's subject, not a
    member of the list before it, and the state after the preposition pairs with it, not with
    the first clause's subject. The state before takes the part of the first clause's subject
    (the parse's ``subject of`` cue), both a clause of their own; with no subject read, it takes
    no side. English (the parse's cues and ``gap_prepositions``)."""
    if lex.grammar is None:
        return
    gap, joins = lex.grammar.words("gap_prepositions"), lex.grammar.words("clause_joins")
    joined = [
        _joins(_words_between(symbols, x, y), lex.conjunctions)
        for x, y in itertools.pairwise(countries)
    ]
    done: set[int] = set()  # the states a gapped clause already read
    for i, a in enumerate(countries[:-2]):
        first = roles.get(a)
        if a in done or not first or first[0] not in SIDES:
            continue
        # the preposition before the first member of a's list ("to A and B, and France to C")
        a0 = i
        while a0 > 0 and joined[a0 - 1]:
            a0 -= 1
        p = _word_before(symbols, countries[a0])
        between = _words_between(symbols, a, countries[i + 1])
        if p not in gap or not between or not set(between) <= {",", *joins}:
            continue
        if "," not in between and between[-1] not in joins:
            continue
        # the gapped subjects: one state, or a list of them ("and France and Italy to C"), the
        # last right before the repeated preposition and the state after it
        j = i + 1
        while (
            j + 1 < len(countries)
            and not _repeats_prep(symbols, countries[j], countries[j + 1], p)
            and joined[j]
        ):
            j += 1
        if j + 1 >= len(countries):
            continue
        b, c = countries[j], countries[j + 1]
        if not _repeats_prep(symbols, b, c, p):
            continue  # "to A, and B to C": B right before the repeated preposition, then C
        subjects = countries[i + 1 : j + 1]
        if any("," in _words_between(symbols, x, y) for x, y in itertools.pairwise(subjects)):
            continue  # "to A and B, and France to C": the comma ends the first list, not this
        # "and Chile jets from France": the parse makes the gapped subject the arms' maker
        own_arms = c == b + 3 and len(subjects) == 1
        if any(
            roles.get(m) is not None
            and roles[m][0] != first[0]
            and not (
                own_arms and roles[m][0] == "third" and str(roles[m][1]).startswith("maker of")
            )
            for m in subjects
        ):
            continue  # read by itself (a member's own side): only a member read as a is taken
        subject = next(
            (
                roles[k]
                for k in countries
                if k < a
                and roles.get(k)
                and roles[k][0] in SIDES
                and roles[k][0] != first[0]
                and str(roles[k][1]).startswith("subject of")
            ),
            None,
        )
        own = _GAPPED_CLAUSE + subjects[0]
        done.update(subjects, (c,))
        for m in subjects:
            if subject is None:
                roles[m] = (NO_ROLE, "subject of a gapped clause")
            else:
                cue = subject[1] + " (subject of a gapped clause)"
                roles[m] = (subject[0], cue, own, *subject[3:4])
        later = roles.get(c) or first
        roles[c] = (later[0], later[1] + " (in a gapped clause)", own, *later[3:4])
        # the members of a list after it ("and France to B and C"): the gapped clause's too
        prev = c
        for d in countries[countries.index(c) + 1 :]:
            rd = roles.get(d)
            if not _joins(_words_between(symbols, prev, d), lex.conjunctions):
                break
            if rd is not None and rd[0] != later[0]:
                break
            rd = rd or later
            roles[d] = (rd[0], rd[1] + " (in a gapped clause)", own, *rd[3:4])
            done.add(d)
            prev = d


def _repeats_prep(symbols: list[Symbol], b: int, c: int, p: str | None) -> bool:
    """State ``b`` is right before the repeated preposition ``p`` and state ``c`` right after it
    ("and France to Chile"), or with the gapped clause's own arms between ("and Chile jets from
    France")."""
    if c == b + 2:
        return symbols[b + 1][:2] == ("word", p)
    return c == b + 3 and symbols[b + 1][0] == "weapon" and symbols[b + 2][:2] == ("word", p)


def _gapped_members(
    roles: dict[int, tuple | None],
    countries: list[int],
    symbols: list[Symbol],
    line: list[str],
    lex: RelationLexicon,
    verbs: frozenset[int] = frozenset(),
) -> None:
    """A list whose members each bring their own arms and repeat the preposition ("exported
    rifles to A, radars to B and boats to C", "trucks from A and tanks from B"): the verb is
    said once, so a member after the first takes its role, as in a plain list. The parse often
    makes the middle member a modifier of the next arms and gives it nothing; the words between
    two members are a comma or "and", then what is brought (arms, or a name or a count:
    "Tucano trainers", "72 missiles"), then the first one's preposition, and no trigger (a verb
    of its own: "and bought tanks from B" is read by itself). Not "to A, a country close to B":
    nothing is brought."""
    if lex.grammar is None:
        return
    gap, brings = lex.grammar.words("gap_prepositions"), lex.grammar.words("mod")
    for a, b in itertools.pairwise(countries):
        own = roles.get(a)
        if roles.get(b) is not None or not own or own[0] not in SIDES:
            continue
        before = _word_before(symbols, a)
        between = _words_between(symbols, a, b)
        if before not in gap or len(between) < 3 or between[-1] != before:
            continue
        if between[0] != "," and between[0] not in lex.conjunctions:
            continue
        middle = range(a + 2, b - 1)  # what each member brings: arms, counts, makers' names
        brought = [line[x] in ("W", "N") for x in middle]  # arms, names (``_object_symbols``)
        if len(middle) > 6 or not any(brought):
            continue
        # only what is brought (arms, names, counts, {mod} words, their nouns), never a verb of
        # its own: "and deployed Rafale jets to B" is another act, not a member (``verbs``: the
        # parse's verbs; a trigger counts as one without it)
        if any(
            symbols[x][0] == "word"
            and not _count_or_mod(str(symbols[x][1]), brings)
            and (symbols[x][2] in verbs or symbols[x][1] in lex.triggers)
            for x in middle
        ):
            continue
        roles[b] = (own[0], own[1] + " (a gapped list)", *own[2:])


_GAP_MARKS = frozenset({",", ";", "-", "–", "—"})  # a comma, or a dash where the verb is left out


def _gapped_subjects(
    roles: dict[int, tuple | None],
    countries: list[int],
    symbols: list[Symbol],
    lex: RelationLexicon,
    triggers: Sequence[int],
) -> None:
    """Language lexicons: a list of subjects each with its own arms and the verb said once
    ("A receives a launcher, B 500 rifles"; Russian "A получит ..., B — 500 ..."): a state
    after a comma or a dash, with no role of its own, right before what it is brought (a count,
    an arms word, a word of the ``mod`` class), after a state (the nearest one no preposition
    governs: "A buys from S ..., B 48" passes over S) read as the subject of a trigger
    ("X ... {receive}") with that trigger between them and none after it, takes that subject's
    side. The subject-gapping sister of ``_gapped_members`` (the English members that repeat
    their preposition): read one by one, the later member had no pattern, and the
    only-other-party fill made it the first one's counterpart (a second buyer read as the
    seller)."""
    classes = lex.word_classes
    for i, b in enumerate(countries):
        # the nearest earlier state not governed by a preposition: "A buys from B, C 48" has
        # A as C's model, past the seller B (review of the eleventh stop)
        a = next(
            (
                c
                for c in reversed(countries[:i])
                if not (roles.get(c) and str(roles[c][1]).startswith(_GOVERNED))
            ),
            None,
        )
        if a is None:
            continue
        own = roles.get(a)
        if roles.get(b) is not None or not own or own[0] not in SIDES:
            continue
        if not str(own[1]).startswith("X ") or not any(a < t < b for t in triggers):
            continue
        if any(t > b for t in triggers) or _word_before(symbols, b) not in _GAP_MARKS:
            continue
        nxt = symbols[b + 1 : b + 3]
        if nxt and nxt[0][0] == "word" and nxt[0][1] in _GAP_MARKS:
            nxt = nxt[1:]  # "B — 500 rifles"
        if not nxt:
            continue
        kind, word = nxt[0][0], str(nxt[0][1])
        brought = kind == "weapon" or (
            kind == "word"
            and (word.isdigit() or (classes is not None and classes.has("mod", word)))
        )
        if brought:
            roles[b] = (own[0], own[1] + " (a gapped list)", *own[2:])


def _verbs_at(text: str, start: int, end: int) -> frozenset[int]:
    """The offsets in ``text`` of the sentence's verbs as the parse reads them, not a participle
    modifying a noun ("guided missiles"); none without the parse."""
    doc = parse(text[start:end]) if ROLE_READER == "grammar" else None
    if doc is None:
        return frozenset()
    return frozenset(
        t.idx + start for t in doc if t.tag_.startswith("VB") and t.dep_ not in ("amod", "compound")
    )


def _lists(
    roles: dict[int, tuple | None],
    countries: list[int],
    symbols: list[Symbol],
    lex: RelationLexicon,
    joined: frozenset[int],
) -> list[list[int]]:
    """The sentence's lists of countries (two members or more), each member joined to the one
    before by a comma, the language's "and" (a word or a phrase) or both, or written joined
    to its "and" (Arabic). A list ends before a member whose own verb follows it (``clause``
    words), after a member carrying its own case suffix (Turkish "Katar'a ve Umman'a"), and
    at a comma after a member the patterns read as a subject on its own ("X ..."): a subject
    set off by a comma is no member ("Rusya, Türkiye ve Mısır'a satacak": Russia sells). A
    list closes with its "and": members joined by commas alone after the last "and" are none
    ("por parte de A, B recibió": a comma between clauses). Members may each repeat the
    first one's preposition (``_same_preposition``)."""
    out: list[list[int]] = []
    run: list[int] = []
    closed = 0  # how many members of ``run`` its last "and" closes
    for a, b in itertools.pairwise(countries):
        between = _past_gloss(_words_between(symbols, a, b))
        if _same_preposition(symbols, a, between, lex):  # "à A, à B et aux C": one list
            between = between[:-1]
        linked = _joins(between, lex.conjunctions) or (b in joined and between in ([], [","]))
        own = roles.get(a)
        if (
            not linked
            or _opens_clause(symbols, b, lex.clause_words)
            or (lex.case_marker and _word_after(symbols, a) == lex.case_marker)
            or (between == [","] and own is not None and str(own[1]).startswith("X "))
        ):
            if closed > 1:
                out.append(run[:closed])
            run, closed = [], 0
            continue
        run = run or [a]
        run.append(b)
        if between != [","]:
            closed = len(run)
    if closed > 1:
        out.append(run[:closed])
    return out


def _past_gloss(between: list[str]) -> list[str]:
    """The words between two countries after a gloss in parentheses right after the first ("an
    A (24 Stück) und B", "à A (en 2015) et à B"): a list goes on past it."""
    if between[:1] == ["("] and ")" in between:
        return between[between.index(")") + 1 :]
    return between


def _same_preposition(
    symbols: list[Symbol], a: int, between: list[str], lex: RelationLexicon
) -> bool:
    """The words between list members ``a`` and the next end in a preposition of the class of
    the one before ``a`` (a list whose members each repeat it: "achète à la France, à la
    Russie et aux États-Unis", "у Франции, у России"), after a comma or an "and"."""
    word = _word_before(symbols, a)
    if word is None or len(between) < 2:
        return False
    return any(word in c and between[-1] in c for c in lex.prepositions)


def _list_roles(
    roles: dict[int, tuple | None],
    countries: list[int],
    symbols: list[Symbol],
    lex: RelationLexicon,
    joined: frozenset[int],
    triggers: Sequence[int],
) -> None:
    """Every member of a list keeps the role of the list: the patterns read the list as one
    noun, its first member standing for it with what comes before the list and what comes
    after its last member ("liefert an A, B und C", "A, B y C compran", "اشترت A وB وC
    طائرات", "A ve B'ye"), and each member takes that role. Read one by one, a member's
    patterns stop at its neighbours ("..." crosses no country), so a list's first member
    missed the verb after it and its last the preposition before it. A list the patterns
    give no role to keeps its members' own roles, and so does one whose members the patterns
    read as counterparts ("A and B signed a contract to buy": ``_counterparts``). A list after
    a word that is both "from" and "of" with no trigger just before it is a genitive ("the
    combined fleets of A, B and C"): its members are no party. When the list's role is read
    after it alone and what stands before it gives the other side, the "and" joins two
    clauses, not two nouns (``_two_clauses``). A member's own side read one by one is no
    guard against the list's: it is often the wrong one ("{sell} C X", Arabic verb first;
    "{to} X" for "à" after a verb of buying, where it means "from")."""
    for members in _lists(roles, countries, symbols, lex, joined):
        first, last = members[0], members[-1]
        if _genitive_before(symbols, first, lex, triggers):
            for m in members:
                roles[m] = (NO_ROLE, "member of a list after a genitive")
            continue
        if _counterparts([roles.get(m) for m in members]):
            continue
        role = _pattern_role(first, symbols[: first + 1] + symbols[last + 1 :], lex)
        if lex.case_of is not None:  # the list's case is its first member's
            told = _dative_after_verb(roles, countries, symbols)
            role = _case_role(role, symbols[first][1].case, told)
            case = _case_required(role)
            if case is not None and all(symbols[m][1].case != case for m in members):
                # "czołgi Niemiec i Francji": a genitive list, no recipient; "переданы танки
                # Германии и Франции Украине": nor the passive's agent
                role = None
        if role is None or role[0] not in ROLES:
            continue
        split = _two_clauses(first, last, symbols, lex, role)
        if split is not None:  # "sells to A and B threatens": A buys, B is its verb's subject
            before, after = split
            for m in members[:-1]:
                roles[m] = (before[0], before[1] + " (list)")
            roles[last] = (after[0], after[1] + " (own clause)")
            continue
        for m in members:
            roles[m] = (role[0], role[1] + " (list)")


_OWN_NOUN = 3  # symbols of an origin adjective's own arms before the "and" of its list


def _origin_lists(
    roles: dict[int, tuple | None],
    countries: list[int],
    symbols: list[Symbol],
    text: str,
    lex: RelationLexicon,
) -> None:
    """Origin adjectives listed each with its own arms ("американские F-16 и французские
    Mirage", "французьких Mirage і шведських Gripen"): every member keeps the list's role. The
    patterns read "XA W=" on the member whose arms the tables know, and nothing on the one
    whose arms are a name they lack ("Mirage" alone is no weapon), so its state was lost. A
    member with no role takes the seller's role "XA W=" gave the other member when the two
    adjectives are joined by the language's "and" (or a comma) after at most ``_OWN_NOUN``
    symbols of the first one's arms, and the one left has arms of its own: a weapon, or a
    system's name the tables lack (``_foreign_name``) right after it. Not a noun that is no
    arms ("американские истребители и французские журналисты"), nor an airliner: a word of the
    language's `civil` class among those arms or right after them ("французские A320",
    "французькі Airbus A330": a model number or a maker's name beside one, as ``_civil_only``
    reads them)."""
    classes = lex.grammar or lex.word_classes
    civil = classes.words("civil") if classes is not None else frozenset()
    for a, b in itertools.pairwise(countries):
        ra, rb = roles.get(a), roles.get(b)
        if not (symbols[a][1].adjective and symbols[b][1].adjective) or (ra is None) == (
            rb is None
        ):
            continue
        role = ra if ra is not None else rb
        if role[0] != "supplier" or not str(role[1]).startswith("XA W="):
            continue
        between = _words_between(symbols, a, b)
        noun = _conjunction_at_end(between, lex.conjunctions | {","})
        if not noun or len(noun) > _OWN_NOUN or "," in noun:
            continue
        # the arms of the member without a role: between the two (the first), or right after
        # it (the last)
        k = a if ra is None else b
        lo = k + 1
        hi = lo + (len(noun) if k == a else 1)
        own = symbols[lo:hi]
        adjective = text[symbols[k][2] : symbols[k][3]]
        if any(s[0] == "word" and _civil_word(s[1], civil) for s in symbols[lo : hi + 1]):
            continue
        if own and all(s[0] == "weapon" or _foreign_name(s, text, adjective) for s in own):
            roles[k] = ("supplier", f"{role[1]} (a list of origins)")


def _foreign_name(sym: Symbol, text: str, adjective: str) -> bool:
    """A word that is a system's name the tables lack ("Mirage" alone): written with a capital
    in Latin letters beside an adjective in another script ("французские Mirage", "الفرنسية
    Mirage"), or with a digit. A capital alone tells nothing in a language that writes every
    noun with one (German), and a Latin name beside a Latin adjective may be any noun."""
    word = text[sym[2] : sym[3]]
    if sym[0] != "word" or not word:
        return False
    if any(c.isdigit() for c in word):
        return True
    latin = word[:1].isupper() and word.isascii()
    return latin and not any(c.isascii() and c.isalpha() for c in adjective)


def _two_clauses(
    first: int, last: int, symbols: list[Symbol], lex: RelationLexicon, role: tuple
) -> tuple[tuple, tuple] | None:
    """The roles read before a list's first member alone (what precedes it) and after its last
    member alone (what follows it), when the list's own ``role`` is the one read after it and
    the one read before it is a buyer's or a seller's of the other side: "liefert an A und B
    droht", "vende a A y B amenaza". Then the "and" joins two clauses: the members before the
    last one keep the role before the list, the last one is the subject of the verb after it.
    A pattern spanning the list reads one noun ("signs with A and B to buy": a purpose, no verb
    of B's own), and so does a list whose role is read before it ("zwischen A und B liefert C":
    the German verb second has its subject after it)."""
    before = _pattern_role(first, symbols[: first + 1], lex)
    after = _pattern_role(0, symbols[last:], lex)
    if before is None or after is None or role[1] != after[1]:
        return None
    sides = ("recipient", "supplier")
    return (before, after) if before[0] in sides and before[0] != after[0] else None


_RECIPROCAL = ("{deal}", "{sign}", "{with}")  # cue words of a deal between the two


def _counterparts(own: list[tuple | None]) -> bool:
    """The members of a list read one by one as a buyer and a seller, by a pattern of a deal
    or a signing ("وقعت مصر وفرنسا عقدا": the two signed a contract with each other)."""
    sides = {r[0] for r in own if r}
    return {"recipient", "supplier"} <= sides and any(
        w in str(r[1]) for r in own if r for w in _RECIPROCAL
    )


_GOVERNED_REACH = 4  # symbols from a trigger to the "de" it governs ("adquirió cazas F-16 de")


def _genitive_before(
    symbols: list[Symbol], first: int, lex: RelationLexicon, triggers: Sequence[int]
) -> bool:
    """The word before a list's first member is a genitive word (Romance "de", "di") that no
    trigger a few symbols before governs: "of" a noun, not "from" a seller."""
    word = _word_before(symbols, first)
    if word is None or word not in lex.genitive:
        return False
    return not any(first - 1 - _GOVERNED_REACH <= t < first - 1 for t in triggers)


def _genitive_not_from(
    roles: dict[int, tuple | None],
    countries: list[int],
    symbols: list[Symbol],
    lex: RelationLexicon,
    triggers: Sequence[int],
) -> None:
    """A country read as the seller only by "from X", where that word is also the language's
    genitive ("de", "da", "del") and no trigger a few symbols before governs it, is "of" a noun,
    not "from" a seller: "o pedido do governo da Alemanha", "la empresa estatal del Perú", "a
    modernização do Exército Brasileiro". As for a list's first member (``_genitive_before``).
    After arms it stays "from", also past a modifier: "tanques de China", "los F-16 de
    Dinamarca", "os caças F-16 usados da Dinamarca" (``_arms_before``). A later member of a
    list that repeats the word ("da Alemanha e da França") is judged with the list: it is "from"
    when the member before it kept that reading (``_from_list_member``)."""
    kept: int | None = None  # the last country read "from X" past this guard
    for k in countries:
        r = roles.get(k)
        if r and r[0] == "supplier" and str(r[1]).startswith("{from} X"):
            arms_of = _arms_before(symbols, k - 1, lex, triggers)
            member = kept is not None and _from_list_member(symbols, kept, k, lex)
            if not arms_of and not member and _genitive_before(symbols, k, lex, triggers):
                roles[k] = None
                continue
            kept = k


def _from_list_member(symbols: list[Symbol], a: int, b: int, lex: RelationLexicon) -> bool:
    """Country ``b`` is the next member of a list after ``a`` that repeats ``a``'s preposition
    ("de l'Allemagne, de la France et de l'Italie"): a comma or "and", then the same word."""
    between = _words_between(symbols, a, b)
    return _same_preposition(symbols, a, between, lex) and _joins(between[:-1], lex.conjunctions)


_MODIFIER_REACH = 2  # words between arms and the genitive: "F-16 usados de", "F-16 muy usados de"


def _arms_before(
    symbols: list[Symbol], g: int, lex: RelationLexicon, triggers: Sequence[int]
) -> bool:
    """A weapon or an arms word stands before the genitive word at ``g``, right before it or
    past up to ``_MODIFIER_REACH`` other words that are no trigger (the adjectives of second-hand
    arms: "usados", "usadas"): the genitive then names where the arms come from. No language
    lexicon has a class of modifiers, so any plain word counts."""
    for j in range(g - 1, max(g - 2 - _MODIFIER_REACH, -1), -1):
        kind, payload = symbols[j][0], symbols[j][1]
        if kind == "weapon" or (kind == "word" and (payload,) in lex.arms):
            return True
        if kind != "word" or j in triggers:
            return False
    return False


def _coordinate_back(
    roles: dict[int, tuple | None],
    countries: list[int],
    symbols: list[Symbol],
    conjunctions: frozenset[str],
    triggers: Sequence[int] = (),
) -> None:
    """A list of subjects before their verb ("Bélgica, Países Bajos y Francia entregaron armas
    a Ucrania"): the patterns reach only the member next to the verb ("X ... {sell}" crosses no
    other country), so each member before it with no role of its own takes the last one's
    buying or supplying role, back along the commas and the "and". Only a list that is the
    verb's own subject lends: not when a verb of another clause parts the list's last member
    from the country next to the trigger ("A e B discutiram, e C vendeu": C alone sells)."""
    lent: set[int] = set()  # members given a role here: the list's last one was checked
    for a, b in reversed(list(itertools.pairwise(countries))):
        rb = roles.get(b)
        if roles.get(a) is not None or not rb or rb[0] not in ("recipient", "supplier"):
            continue
        if b not in lent and not _subject_of_verb(b, countries, symbols, conjunctions, triggers):
            continue
        between = _words_between(symbols, a, b)
        if between == [","] and b not in lent:
            continue  # a list closes with its "and": "tras reunirse con A, B aprobó" is none
        if _joins(between, conjunctions):
            roles[a] = (rb[0], rb[1] + " (coordinated)")
            lent.add(a)


def _sources(
    roles: dict[int, tuple | None],
    countries: list[int],
    symbols: list[Symbol],
    lex: RelationLexicon,
    triggers: Sequence[int],
) -> None:
    """The countries right after a word of attribution, with the list they open, are who says
    it when another country stands after them before the next trigger ("Selon la Russie et la
    Chine, la France a livré ...": France acts): no side of the deal, and no member of a list
    of subjects that lends its role (``_coordinate_back``). With no such country the source
    may be a party ("Según el ministerio argentino, la compra ...")."""
    for k in countries:
        if _word_before(symbols, k) not in lex.according:
            continue
        listed = [k]
        for a, b in itertools.pairwise(c for c in countries if c >= k):
            if not _and_joins(_words_between(symbols, a, b), lex.conjunctions):
                break  # a comma alone ends the attribution: "Selon la Russie, la France"
            listed.append(b)
        verb = next((t for t in sorted(triggers) if t > listed[-1]), len(symbols))
        if any(listed[-1] < c < verb for c in countries):
            for m in listed:
                roles[m] = ("source", "{according} X")


_VENUE_AFTER = 2  # words from a purpose word to the training it names ("X pour la formation")
_VENUE_BEFORE = 3  # words from a training noun to the "in" before its state ("навчання у X")
_VENUE_CUES = ("{to} X", "{from} X")


def _venues(
    roles: dict[int, tuple | None],
    countries: list[int],
    symbols: list[Symbol],
    lex: RelationLexicon,
    triggers: Sequence[int] = (),
) -> None:
    """The states named as the place of a training or a repair (the ``stay`` class): followed
    right away by a word of purpose (the ``purpose`` class) and, within ``_VENUE_AFTER`` words
    after it, by one ("до X для тренування", sent to X for training; "a X para reparación";
    Arabic "للتدريب" is both words), or after a preposition of place (``in``, never ``to``:
    "entrenamiento a X" is training given to X) that one stands within ``_VENUE_BEFORE`` words
    before, a country adjective among them ("тренування українських пілотів у X", the training
    of Ukrainian pilots in X; "Ausbildung von Piloten in X"). Such a state is where the pilots
    go or the arms are mended, no side: a role read by "{to} X" or "{from} X" is dropped and
    the state becomes a bystander, so the one-remaining-country fallback does not give it a side
    either. A venue word right after arms names their kind ("avions d'entraînement", training
    aircraft), no place, and is not read. No visits: "during a visit to X, Y signed the sale"
    names the buyer X (review of the eleventh stop); a state followed by training without a
    word of purpose gives or receives it ("X provides training", "a X formación")."""
    if not lex.venues:
        return
    for k in countries:
        r = roles[k]
        if r is not None and not (r[0] in SIDES and str(r[1]).startswith(_VENUE_CUES)):
            continue
        if _venue_after(symbols, k, lex, triggers) or _venue_before(symbols, k, lex):
            roles[k] = ("venue", "{venue} X")


def _venue_after(
    symbols: list[Symbol], k: int, lex: RelationLexicon, triggers: Sequence[int] = ()
) -> bool:
    first = symbols[k + 1] if k + 1 < len(symbols) else None
    if first is None or first[0] != "word" or first[1] not in lex.purposes:
        return False
    if first[1] in lex.venues:  # Arabic "للتدريب": for the training, one word
        return True
    for j in range(k + 2, min(len(symbols), k + 2 + _VENUE_AFTER)):
        if symbols[j][0] != "word" or j in triggers:
            return False
        if symbols[j][1] in lex.venues:
            return True
    return False


def _venue_before(symbols: list[Symbol], k: int, lex: RelationLexicon) -> bool:
    if k < 2 or symbols[k - 1][0] != "word" or symbols[k - 1][1] not in lex.place_words:
        return False
    for j in range(k - 2, max(-1, k - 2 - _VENUE_BEFORE), -1):
        if symbols[j][0] == "country" and symbols[j][1].adjective:
            continue  # "the training of Ukrainian pilots in X": the trainees' adjective
        if symbols[j][0] != "word":
            return False
        if symbols[j][1] in lex.venues:
            # "aviones de entrenamiento en X": the kind of the arms before it, no training
            return not any(x[0] == "weapon" for x in symbols[max(0, j - 2) : j])
    return False


_CRITIC_REACH = 3  # words from a word of criticism to its state ("las críticas de X")


def _critics(
    roles: dict[int, tuple | None],
    countries: list[int],
    symbols: list[Symbol],
    lex: RelationLexicon,
    triggers: Sequence[int] = (),
) -> None:
    """The states the sentence gives no role that criticise, press or sanction (the ``critic``
    class): right after a word of criticism, pressure, sanctions or protest, past at most
    ``_CRITIC_REACH - 1`` words ("a pesar de las críticas de X", "sous la pression de X"), or
    right before one ("der amerikanische Druck", "X-Sanktionen"). Such a state is a third
    party to the deal it objects to, never the side the one-remaining-country fallback fills
    ("A bought rifles from B despite the criticism of C" had C buy from B): it becomes a
    bystander. A state the patterns read a side for keeps it, but for "{from} X" after the
    word of criticism: that "de" / "of" is its genitive ("las críticas de X"), no "from". The
    walk back stops at a trigger ("купила у X despite sanctions": X is the seller) and at
    "against" (classes ``against``, ``target``: "sanctions against X" names their target, often
    the seller, no critic)."""
    if not lex.critics:
        return
    for k in countries:
        r = roles[k]
        if r is not None and not str(r[1]).startswith("{from} X"):
            continue
        nxt = symbols[k + 1] if k + 1 < len(symbols) else None
        if r is None and nxt is not None and nxt[0] == "word" and nxt[1] in lex.critics:
            roles[k] = ("critic", "X {critic}")
            continue
        for j in range(k - 1, max(-1, k - 1 - _CRITIC_REACH), -1):
            sym = symbols[j]
            if sym[0] != "word" or sym[1] == "," or j in triggers or sym[1] in lex.targets:
                break
            if sym[1] in lex.critics:
                roles[k] = ("critic", "{critic} X")
                break


_BLOCK_REACH = 2  # words from a country to the verb or noun of its block ("a Alemanha vetou")


def _blockers(
    roles: dict[int, tuple | None],
    countries: list[int],
    symbols: list[Symbol],
    lex: RelationLexicon,
) -> set[str]:
    """The countries the sentence gives no role that stand right before a word of blocking ("a
    Alemanha vetou a exportação", "la Germania blocca", "Szwajcaria wstrzymała"): the state
    that stops a deal. The one-remaining-country fallback never makes one the buyer: a state
    blocks an export as its seller or as a third party whose parts are inside, and a buyer that
    stops its own purchase is read by the words of buying (``_RoleBook.fill_empty_sides``)."""
    blocked = lex.status_words.get("blocked", frozenset())
    read = lex.status_reader
    if not blocked or read is None:
        return set()
    out: set[str] = set()
    for k in countries:
        if roles[k] is not None:
            continue
        for sym in symbols[k + 1 : k + 1 + _BLOCK_REACH]:
            if sym[0] != "word":
                break
            if read(sym[1], sym[1]) in blocked:
                out.add(symbols[k][1].ident)
                break
    return out


_VETO_REACH = 4  # words from a state to its veto ("hanno posto il veto", "legten ein Veto")


def _blocking_subject(
    roles: dict[int, tuple | None],
    countries: list[int],
    symbols: list[Symbol],
    lex: RelationLexicon,
) -> set[str]:
    """The states right before a word of the language's `veto` class ("A vetó la compra de
    aviones de B", "A ha posto il veto"), returned as blockers: a veto stops another state's
    purchase (a re-export of parts it made, an ally's deal), so the fallback never makes the
    state the buyer, and one read as the buyer by "X ... {buy}" takes no side. Only a veto: a
    buyer suspends or freezes its own purchase ("A suspendió la compra" stays the buyer).

    The veto must be the state's own predicate: only words of the `veto_lead` class (its
    auxiliaries, a light verb "put/impose/lay", a determiner: "hanno posto il veto") may stand
    between. A buyer that overcomes or ignores a veto ("A ha superato il veto e acquista", "A,
    despite the veto, bought") has a verb, a concession word or a comma between, and stays.

    The vetoer may also follow its veto, as its genitive ("nonostante il veto degli Stati
    Uniti", "pese al veto de Estados Unidos", "несмотря на вето США"): a state right after a
    veto word, past only words of the `veto_link` class (the language's "of" and articles;
    none where the genitive is a case), is a blocker too."""
    classes = lex.grammar or lex.word_classes
    veto = classes.words("veto") if classes is not None else frozenset()
    lead = classes.words("veto_lead") if classes is not None else frozenset()
    link = classes.words("veto_link") if classes is not None else frozenset()
    out: set[str] = set()
    if not veto:
        return out
    for k in countries:
        r = roles[k]
        if r is not None and (r[0] != "recipient" or not str(r[1]).startswith("X ... {buy")):
            continue
        if _vetoer_after(symbols, k, veto, link):
            roles[k] = None
            out.add(symbols[k][1].ident)
            continue
        for sym in symbols[k + 1 : k + 1 + _VETO_REACH]:
            if sym[0] != "word":
                break
            if sym[1] in veto:
                roles[k] = None
                out.add(symbols[k][1].ident)
                break
            if sym[1] not in lead:
                break  # another verb, a comma or "despite": the veto is not this state's act
    return out


def _vetoer_after(
    symbols: list[Symbol], k: int, veto: frozenset[str], link: frozenset[str]
) -> bool:
    """The state at ``k`` follows a veto word as its genitive: only `veto_link` words (at most
    two: "de los", "degli") stand between ("il veto degli Stati Uniti", "вето США")."""
    for back in range(1, 4):
        if k - back < 0 or symbols[k - back][0] != "word":
            return False
        w = symbols[k - back][1]
        if w in veto:
            return True
        if w not in link:
            return False
    return False


_CLAUSE_REACH = 4  # words before a country that may hold its ", and" ("e , e l' Angola")


def _own_clauses(
    roles: dict[int, tuple | None],
    countries: list[int],
    symbols: list[Symbol],
    lex: RelationLexicon,
) -> set[str]:
    """The countries the sentence gives no role that open a clause of their own: right after a
    comma and the language's "and" (", und A hat Interesse", ", e A recusou"; a list of the ten
    languages has no comma before its "and"), or after "and" with a verb of their own right
    after them (the ``clause`` class, "und A protestiert"), or right after an "and that" (the
    ``and_that`` class, Arabic "وأن"). The one-remaining-country fallback
    gives them no side: that clause is another event, not the other side of the deal read in
    the first (``_RoleBook.fill_empty_sides``)."""
    out: set[str] = set()
    for k in countries:
        if roles[k] is not None:
            continue
        before: list[str] = []
        for sym in reversed(symbols[max(0, k - _CLAUSE_REACH) : k]):
            if sym[0] != "word":
                break
            before.insert(0, sym[1])
        if _conjunction_at_end(before, lex.clause_openers) is not None:
            # "..., وأن X <verb>", "y que X ..." (and that X ...): the subject of a reported
            # clause of its own, whatever its verb (the Arabic comma is no "," here)
            out.add(symbols[k][1].ident)
            continue
        rest = _conjunction_at_end(before, lex.conjunctions)
        if rest is None:
            continue
        if rest[-1:] == [","] or _opens_clause(symbols, k, lex.clause_words):
            out.add(symbols[k][1].ident)
    return out


_USE_REACH = 2  # words from a state to its verb of operating ("l'Angola en exploite deux")


def _users(
    roles: dict[int, tuple | None],
    countries: list[int],
    symbols: list[Symbol],
    lex: RelationLexicon,
) -> set[str]:
    """The countries the sentence gives no role that stand right before a verb of operating or
    using (the ``operate`` class: "Angola opera dos", "Ангола эксплуатирует"): a state that
    already flies the type is one more customer of its maker, listed beside the buyers. The
    one-remaining-country fallback never makes it the seller of a purchase whose words name
    none (``_RoleBook.fill_empty_sides``); the buyer's seller is then the maker the article
    names, if any (``MAKER_FILL``)."""
    out: set[str] = set()
    if not lex.operate:
        return out
    for k in countries:
        if roles[k] is not None or symbols[k][1].company:  # a company operating makes, sells
            continue
        for sym in symbols[k + 1 : k + 1 + _USE_REACH]:
            if sym[0] != "word":
                break
            if sym[1] in lex.operate:
                out.add(symbols[k][1].ident)
                break
    return out


def _and_joins(between: list[str], conjunctions: frozenset[str]) -> bool:
    """The words between two list members are its "and" (", and", ", as well as"): a language
    file that lists no "and" takes any one word there."""
    if not conjunctions:
        words = [w for w in between if w != ","]
        return len(words) == 1 and words == between[-1:]
    rest = _conjunction_at_end(between, conjunctions)
    return rest is not None and all(w == "," for w in rest)


_PHRASE_WORDS = 3  # the longest "and" phrase a language lists ("as well as", "а также")


def _conjunction_at_end(between: list[str], conjunctions: frozenset[str]) -> list[str] | None:
    """What stands before the language's "and" that ends ``between`` (a word, or a phrase of
    "as well as" kind written as several words: "а также", "bem como", "ainsi que"), or None
    when ``between`` does not end in one."""
    for n in range(1, min(_PHRASE_WORDS, len(between)) + 1):
        if " ".join(between[-n:]) in conjunctions:
            return between[:-n]
    return None


def _no_subject_after_place(
    roles: dict[int, tuple | None],
    countries: list[int],
    symbols: list[Symbol],
    lex: RelationLexicon,
) -> None:
    """A country right after a preposition of place ("en", "em", "in") is where something
    happens, never the subject of the verb after it: "firmó en Dinamarca un acuerdo de compra"
    does not make Denmark the buyer. Only the patterns that open on X (its verb or noun after
    it) are dropped; "comprados en Dinamarca" still names the seller. The same after "with"
    (a partner: "que hizo maniobras con Egipto, vende cazas": Egypt sells nothing), and for
    every member of a list that opens right after one ("con Egipto y la India"); not a "with"
    set off by a comma right after a country, which adds a second subject ("la France, avec
    le Danemark, a livré": both deliver)."""
    heads = {k: k for k in countries}
    for members in _lists(roles, countries, symbols, lex, frozenset()):
        heads.update((m, members[0]) for m in members)
    for k in countries:
        r = roles.get(k)
        if not r or not str(r[1]).startswith("X "):
            continue
        word, h = _word_before(symbols, heads[k]), heads[k]
        if word in lex.places or (word in lex.partners and not _with_subject(symbols, h)):
            roles[k] = None


def _with_subject(symbols: list[Symbol], k: int) -> bool:
    """Symbol ``k`` follows "Country , with": a second subject beside the first."""
    return k >= 3 and symbols[k - 2][:2] == ("word", ",") and symbols[k - 3][0] == "country"


def _word_before(symbols: list[Symbol], k: int) -> str | None:
    """The word right before symbol ``k`` (None at the start or after a name or weapon)."""
    return symbols[k - 1][1] if k > 0 and symbols[k - 1][0] == "word" else None


def _subject_of_verb(
    k: int,
    countries: list[int],
    symbols: list[Symbol],
    conjunctions: frozenset[str],
    triggers: Sequence[int],
) -> bool:
    """Country symbol ``k`` belongs to the list of subjects right before the first trigger after
    it: every country between them follows the one before after commas and at most one word,
    its "and" ("A, B y C entregaron"; a language file may list no "and"), not after a verb of
    another clause ("B discutiram, e C vendeu", "B discutiu e C vendeu")."""
    verb = next((t for t in sorted(triggers) if t > k), None)
    if verb is None:
        return True
    chain = [c for c in countries if k <= c < verb]
    return all(
        _words_between(symbols, a, b) == [","]
        or _and_joins(_words_between(symbols, a, b), conjunctions)
        for a, b in itertools.pairwise(chain)
    )


def _compound_parts(
    roles: dict[int, tuple | None], countries: list[int], symbols: list[Symbol]
) -> None:
    """The parts of a compound adjective ("franco-italiens", "франко-немецкий", "Türk-Rus")
    share one role: the patterns read the part next to the noun or verb, and the other part,
    joined to it by a hyphen with no space, takes its role (the arms are both states'). Only
    adjectives: "the US-Israel agreement" names two parties."""
    for a, b in itertools.pairwise(countries):
        if b != a + 2 or symbols[a + 1][:2] != ("word", "-"):
            continue
        sa, sb = symbols[a], symbols[b]
        if not (sa[1].adjective and sb[1].adjective and sa[3] == symbols[a + 1][2] == sb[2] - 1):
            continue
        ra, rb = roles.get(a), roles.get(b)
        if ra is None and rb and rb[0] in (*ROLES, ORIGIN):
            roles[a] = (rb[0], rb[1] + " (compound)")
        elif rb is None and ra and ra[0] in (*ROLES, ORIGIN):
            roles[b] = (ra[0], ra[1] + " (compound)")


def _list_case(
    roles: dict[int, tuple | None],
    countries: list[int],
    symbols: list[Symbol],
    conjunctions: frozenset[str],
    marker: str,
) -> None:
    """A list whose case suffix stands on its last member: walking back from a member the
    marker follows (its role read from the suffix), over "and" first, then commas ("A , B ve
    C ' ya"), each unmarked member takes that role. A member with a suffix of its own ends the
    list ("Türkiye , Katar ' a ve Umman ' a": Türkiye is no member), and so does one before a
    comma that the patterns gave a role: a subject is often set off by a comma ("Rusya ,
    Türkiye ve Mısır ' a ... satacak": Russia sells)."""

    def marked(k: int) -> bool:
        return k + 1 < len(symbols) and symbols[k + 1][:2] == ("word", marker)

    for i in range(len(countries) - 1, 0, -1):
        last = countries[i]
        role = roles.get(last)
        if not marked(last) or not role or role[0] not in ROLES:
            continue
        glue = conjunctions
        for j in range(i - 1, -1, -1):
            a, b = countries[j], countries[j + 1]
            between = _words_between(symbols, a, b)
            if marked(a) or between not in ([w] for w in glue):
                break
            if between == [","] and roles.get(a):
                break
            roles[a] = (role[0], role[1] + " (list case)")
            glue = frozenset({","})


def _opens_clause(symbols: list[Symbol], k: int, clause_words: frozenset[str]) -> bool:
    """The word right after symbol ``k`` is one of ``clause_words`` (its own verb follows)."""
    return _word_after(symbols, k) in clause_words


def _words_between(symbols: list[Symbol], a: int, b: int) -> list[str]:
    """The words between symbols ``a`` and ``b`` ("" for a name or weapon among them)."""
    return [symbols[x][1] if symbols[x][0] == "word" else "" for x in range(a + 1, b)]


def _joins(between: list[str], conjunctions: frozenset[str]) -> bool:
    """The words between two list members ("" for a weapon): ",", "and" or ", and" (the "and"
    a word or a phrase of the language's ``and`` class)."""
    if between == [","]:
        return True
    return _conjunction_at_end(between, conjunctions) in ([], [","])


class _RoleBook:
    """The roles one sentence gives, with their cues, clauses and whether a recipient got the
    arms as a gift; ``pairs`` combines them."""

    def __init__(self, fld: str) -> None:
        self.fld = fld
        self.cues: list[Cue] = []
        self.by_role: dict[str, set[str]] = {r: set() for r in ROLES}
        self.assigned: set[str] = set()
        self.silent: set[str] = set()  # states the parse gave no side (grammar.NO_ROLE)
        self.blockers: set[str] = set()  # states right before a word of blocking (``_blockers``)
        self.vetoers: set[str] = set()  # the blockers that veto (``_blocking_subject``)
        # states named as another clause's subject (``_own_clauses``)
        self.elsewhere: set[str] = set()
        # states right before a verb of operating, fellow customers: no seller (``_users``)
        self.users: set[str] = set()
        self.clauses: dict[tuple[str, str], set[int]] = {}  # (role, country) -> clauses, -1: any
        self.gifts: list[bool] = []
        self.gift_only: dict[str, bool] = {}  # recipient -> every one of its cues is a gift
        self.origin_filled: set[str] = set()  # suppliers read only as where the arms were made
        # where a trigger of handing arms on stands: the arms after it are second-hand
        self.handed_on: int | None = None
        # makers of arms being retired or replaced, or passed over: not the maker of what is bought
        self.retired: set[str] = set()
        self.retired_at: set[int] = set()  # symbol indices of weapons on their way out

    def note(self, r: tuple, span: _Span) -> None:
        iso = span.ident
        self.by_role[r[0]].add(iso)
        self.assigned.add(iso)
        self.cues.append(Cue(r[0], iso, self.fld, span.start, span.end, r[1]))
        self.clauses.setdefault((r[0], iso), set()).add(r[2] if len(r) > 2 else -1)
        if r[0] == "recipient":
            self.gifts.append(len(r) > 3 and r[3])
            self.gift_only[iso] = self.gift_only.get(iso, True) and bool(self.gifts[-1])
        if r[0] == "third" and r[1].endswith((RETIRED, RIVAL)):
            self.retired.add(iso)

    def assigned_roles(self) -> set[str]:
        """The states this sentence gives a role, any mention of them."""
        return set().union(*self.by_role.values())

    def _add(self, role: str, iso: str, start: int, end: int, cue: str) -> None:
        self.by_role[role].add(iso)
        self.cues.append(Cue(role, iso, self.fld, start, end, cue))

    def read_alone(self, role: str) -> bool:
        """The sentence's own words give ``role`` (not the one-remaining-country fallback) and
        nothing the other side, and its arms are not handed on: the other side may come from
        elsewhere in the article (the maker fill, the join of lone sides)."""
        other = "supplier" if role == "recipient" else "recipient"
        return (
            any(c.role == role and c.cue != ONLY_OTHER for c in self.cues)
            and not self.by_role[other]
            and self.handed_on is None
        )

    def fill_empty_sides(
        self,
        symbols: list[Symbol],
        countries: list[int],
        fallback: bool,
        list_words: frozenset[str] | None = None,
        adjective_roles: frozenset[str] = SIDES,
    ) -> None:
        """A supplier left empty is the weapon's maker, except for gifts (second-hand arms are
        often handed on: "MiG-29s donated to Ukraine" by Slovakia) and, with ``list_words``
        (the words that join a list), for arms of two makers named apart (``fills.makers_apart``);
        with ``fallback``, a side left empty is the one remaining unassigned country, one named
        only by an adjective for the ``adjective_roles`` alone (a language whose origin
        adjective follows the arms, "tanques surcoreanos": elsewhere it qualifies a company or
        a bank, "un banco francés"); it still counts among those remaining."""
        recipients, suppliers = self.by_role["recipient"], self.by_role["supplier"]
        weapons = _supplying_weapons(symbols, self.handed_on, self.retired_at)
        origins = {w.origin for w in weapons}

        if list_words is not None and _context_fills().makers_apart(symbols, weapons, list_words):
            weapons = []
        if not suppliers and not (self.gifts and all(self.gifts)):
            for w in weapons:
                # "to replace its Soviet-made MiGs": the parse marks the retired maker's state;
                # a maker's state among several buyers sells to the others ("A, B and C plan a
                # joint purchase of B's tanks")
                domestic = w.origin in recipients and len(recipients) == 1
                if not domestic and w.origin not in self.retired:
                    self._add("supplier", w.origin, w.start, w.end, f"{ORIGIN_CUE}{w.name}")
                    self.origin_filled.add(w.origin)
        if not fallback:
            return
        unassigned = {symbols[k][1].ident for k in countries} - self.assigned
        # a company sells, never buys: beside a company left over, the buyer is the one state
        # left that the sentence names by its name ("Leonardo in Malesia: una commessa per 12
        # elicotteri"), not by an adjective, which may be a third party's ("motori francesi")
        named = {
            sp.ident for k in countries if not (sp := symbols[k][1]).company and not sp.adjective
        }
        makers = {symbols[k][1].ident for k in countries if symbols[k][1].company}
        by_name = {symbols[k][1].ident for k in countries if not symbols[k][1].adjective}
        for role, other in (("recipient", "supplier"), ("supplier", "recipient")):
            left = unassigned - self.by_role[other] - self.by_role["third"]
            if role == "recipient" and left & makers:
                left &= named - makers
            if role == "recipient":
                # a vetoer is no candidate ("A, despite the veto of B, buys": A is left)
                left -= self.vetoers
            if role == "recipient" and left & self.blockers:
                continue  # the state that blocks a sale is not its buyer
            if left <= self.elsewhere:
                continue  # the one left is another clause's subject: no side of this deal
            if role == "supplier" and left & self.users:
                continue  # a state operating the type is a fellow customer, not the seller
            if role == "recipient" and left & origins and not self.by_role[other] & origins:
                continue  # the arms' maker's state does not buy them from a foreign seller
            if role not in adjective_roles and not left & by_name:
                continue  # an adjective there qualifies a company or a bank: no buyer
            if not self.by_role[role] and len(left) == 1:
                sp = next(symbols[k][1] for k in countries if symbols[k][1].ident in left)
                self._add(role, sp.ident, sp.start, sp.end, ONLY_OTHER)

    def pairs(self) -> Iterable[tuple[str, str, list[Cue]]]:
        """Every recipient with every supplier whose roles sit in the same clause."""
        for rec in sorted(self.by_role["recipient"]):
            for sup in sorted(self.by_role["supplier"]):
                # ... and the maker sells to none of the sentence's gift recipients: a sentence
                # with a buyer and a donee ("A received new F-16s to replace the MiGs it gave
                # to B") hands B used arms, not the maker's
                handed = sup in self.origin_filled and self.gift_only.get(rec, False)
                if rec != sup and self._same_clause(rec, sup) and not handed:
                    # a seller waiting for the article's buyer keeps the sentence's bystanders,
                    # who are no buyer (``fills._lead_buyer_pairs``)
                    by = rec == ARTICLE_BUYER
                    own = [
                        c
                        for c in self.cues
                        if c.country in (rec, sup) or (by and c.role == "third")
                    ]
                    if by:  # as are those it gave no side
                        silent = sorted(self.silent - self.assigned_roles())
                        own += [Cue("third", iso, self.fld, 0, 0, NO_SIDE) for iso in silent]
                    yield rec, sup, own

    def _same_clause(self, rec: str, sup: str) -> bool:
        a = self.clauses.get(("recipient", rec), {-1})
        b = self.clauses.get(("supplier", sup), {-1})
        return -1 in a or -1 in b or bool(a & b)


_OWNER_GAP = frozenset({"-", "built", "made", "produced", "manufactured", "owned", "operated"})


def _owned_by_other(symbols: list[Symbol], weapon: Any) -> bool:
    """A state's adjective right before a weapon made elsewhere ("Dutch F-16s", "Polish
    MiG-29s"): the arms are that state's, second-hand or built under licence, so their maker is
    not the one handing them over."""
    k = next((i for i, s in enumerate(symbols) if s[0] == "weapon" and s[1] is weapon), -1)
    j = k - 1
    while j >= 0 and symbols[j][0] == "word" and symbols[j][1] in _OWNER_GAP:
        j -= 1
    return j >= 0 and symbols[j][0] == "country" and symbols[j][1].ident != weapon.origin


# symbols between a civil qualifier and the vessel word it qualifies (pt "navios de carga",
# tr "buğday yüklü bir gemi": a preposition or an article may stand between them)
CIVIL_REACH = 3


def _drop_civil_vessels(symbols: list[Symbol], text: str, lex: RelationLexicon) -> list[Symbol]:
    """A cargo, grain, aid, fishing or passenger boat is no arms: each word of a language's
    `civil_vessel` class turns the plain arms word it qualifies (the nearest weapon symbol with
    no named system, within CIVIL_REACH; the one before it first, as the Romance "navios de
    carga") back into a word. Only that word: other arms of the sentence still count, where a
    sentence-wide test lost "two cruise ships and four frigates"."""
    classes = lex.grammar or lex.word_classes
    if classes is None:
        return symbols
    civil = classes.words("civil_vessel")
    # a hunting word ("av", "de caza", "мисливські") cancels a rifle only (r15a): the same
    # words also make fighter jets ("avión de caza", "aerei da caccia", "avion de chasse")
    # the rifle words are beginnings ("tüfek*", read as "tüfek_" like the arms stem it shares)
    hunting = classes.words("hunting")
    rifles = tuple(w.removesuffix(STEM_MARK) for w in classes.words("rifle"))
    hulls = tuple(classes.words("hull"))
    if not civil and not (hunting and rifles):
        return symbols
    out = list(symbols)
    for k, s in enumerate(symbols):
        if s[0] != "word" or (s[1] not in civil and s[1] not in hunting):
            continue
        # a hunting word: the rifle words only; a civil word of a lexicon that names its hulls
        # (English): the hulls only, as "cargo aircraft" fly for air forces too
        only = hulls if s[1] in civil else rifles
        sides = [-1, 1]  # a side stays open until a country or a named system closes it
        for d in range(1, CIVIL_REACH + 1):
            hit = next(
                (k + d * g for g in sides if _civil_target(out, k + d * g, text, only)), None
            )
            if hit is not None:
                w = out[hit]
                out[hit] = ("word", "_".join(_fold_token(text[w[2] : w[3]]).split()), w[2], w[3])
                break
            sides = [g for g in sides if not _blocks_civil(out, k + d * g)]
    return out


def _civil_target(symbols: list[Symbol], j: int, text: str, only: tuple[str, ...]) -> bool:
    """A plain arms word a civil word may cancel; with ``only``, one beginning so (rifles)."""
    if not _plain_arms(symbols, j):
        return False
    return not only or _fold_token(text[symbols[j][2] : symbols[j][3]]).startswith(only)


def _plain_arms(symbols: list[Symbol], j: int) -> bool:
    return 0 <= j < len(symbols) and symbols[j][0] == "weapon" and symbols[j][1] is None


def _blocks_civil(symbols: list[Symbol], j: int) -> bool:
    """A country or a named system between a civil word and a vessel word: it qualifies no
    vessel beyond."""
    return 0 <= j < len(symbols) and symbols[j][0] != "word"


def _civil_only(symbols: list[tuple[str, Any, int, int]], lex: RelationLexicon) -> bool:
    """Airliner talk ("ordered 10 Dreamliner aircraft") with no named weapon system: the
    relation's `civil` class; a named system whose name is an airliner model of the class
    ("E190") is civil talk, not a weapon. (A language's civil boats cancel one vessel word
    each instead: ``_drop_civil_vessels``.)"""
    classes = lex.grammar or lex.word_classes
    civil = classes.words("civil") if classes is not None else frozenset()
    # a named system that is itself an airliner of the class (the name table lists the E190 for
    # its military users): civil talk, and no weapon named (s39)
    airliners = {
        k
        for k, s in enumerate(symbols)
        if s[0] == "weapon" and s[1] is not None and _civil_word(str(s[1].ident), civil)
    }
    has_civil = bool(airliners) or any(s[0] == "word" and _civil_word(s[1], civil) for s in symbols)
    # an entry of several words is a phrase read on consecutive words: the Arabic airline
    # "الخطوط الجوية" (airways), whose first word alone is any "lines" (front lines, red lines)
    phrases = [tuple(w.split()) for w in civil if " " in w]
    if phrases and not has_civil:
        line = [s[1] if s[0] == "word" else None for s in symbols]
        has_civil = any(tuple(line[i : i + len(p)]) == p for p in phrases for i in range(len(line)))
    return has_civil and not any(
        s[0] == "weapon" and s[1] is not None and k not in airliners for k, s in enumerate(symbols)
    )


_MODEL_BASE = re.compile(r"[a-z]*\d+")


def _civil_word(word: str, civil: frozenset[str]) -> bool:
    """A civil word, or a civil model's variant or plural written glued to it ("a320neo",
    "a321xlr", "787s"): the model number, then letters only."""
    if word in civil:
        return True
    m = _MODEL_BASE.match(word)
    return m is not None and m.group() in civil and word[m.end() :].isalpha()


# Words after which a state's name or adjective followed by a participle of making opens the
# arms' noun phrase ("the two China made submarines", "12 Chinese made drones"): determiners
# and counts (the hyphen is put back before the parse, so its DT / CD tags are not at hand),
# and words that, right after the participle, show a clause instead ("the Chinese made a deal")
_PHRASE_OPENERS = COUNT_WORDS | frozenset({"a", "an", "the", "its", "their", "his", "her",
                                           "our", "these", "those", "some", "several", "more",
                                           "new"})  # fmt: skip
_CLAUSE_OBJECTS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this",
                             "that", "these", "those", "it", "them", "up", "in", "by", "for",
                             "to", "with", "at", "on", "from", "and", "or"})  # fmt: skip
# the word right before a span, one run of spaces between: not past a comma ("In 2019, Russia
# built two frigates" is a clause)
_LAST_WORD = re.compile(r"(\w+)\s+$")
_NEXT_WORDS = re.compile(r" ([A-Za-z]+) ([a-z]+)\b")


def _origin_hyphened(sentence: str, states: list[tuple[int, int]], making: frozenset[str]) -> str:
    """The sentence with the hyphen put back in an origin compound written without it ("two
    China made submarines" -> "two China-made submarines"): inside a noun phrase, after a
    determiner or a number, a state's name and a participle of making before a noun qualify the
    noun, as "China-made" does, but the small parser reads a clause ("China made submarines").
    One character for one, so offsets hold; a state that opens the sentence or is followed by
    a determiner after the participle ("the Chinese made a deal") is left as it is."""
    out = list(sentence)
    for s, e in states:
        nxt = _NEXT_WORDS.match(sentence, e)
        before = _LAST_WORD.search(sentence, 0, s)
        if nxt is None or before is None or nxt.group(1).lower() not in making:
            continue
        opener = before.group(1).lower()
        if (opener in _PHRASE_OPENERS or opener.isdigit()) and nxt.group(2) not in _CLAUSE_OBJECTS:
            out[e] = "-"
    return "".join(out)


# Headline style: most words of the sentence capitalised ("Shipyard Delivers Second Patrol
# Vessel To Navy"). The small parser reads such a line as a string of proper names and finds no
# verb, or a wrong one; the words that name nobody are given their lower case before parsing
# (``_headline_lowered``). The short words a headline leaves in lower case are not counted.
_HEADLINE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_HEADLINE_SMALL = frozenset(
    {
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "as",
        "into",
        "over",
        "after",
        "amid",
        "vs",
        "via",
        "per",
        "its",
        "is",
        "are",
    }
)
_HEADLINE_SHARE = 0.8  # of the other words, the share written with a capital
_HEADLINE_MIN = 4  # words, at least, that a headline test counts


def _headline_lowered(sentence: str, names: list[tuple[int, int]]) -> str:
    """The sentence with its words put in lower case, when it is written in headline
    style (``_HEADLINE_SHARE`` of its words, small words apart, capitalised): every word but
    the first and the names of states, bodies and companies (``names``, offsets in the
    sentence): the parser reads the arms ("Second OPV", "Chinese UAVs") and a name the
    gazetteer does not know (a ship's name in capitals) as a string of proper nouns, and
    finds the verb among them. One character for one, so offsets hold; a sentence in ordinary
    case is returned as it is."""
    words = [
        m for m in _HEADLINE_WORD.finditer(sentence) if m.group().lower() not in _HEADLINE_SMALL
    ]
    if len(words) < _HEADLINE_MIN:
        return sentence
    capital = [m for m in words if m.group()[0].isupper()]
    if len(capital) < _HEADLINE_SHARE * len(words) or all(m.group().isupper() for m in words):
        return sentence
    out = list(sentence)
    for m in _HEADLINE_WORD.finditer(sentence):
        at, word = m.start(), m.group()
        if at == 0 or word.islower() or any(s <= at < e for s, e in names):
            continue
        low = word.lower()
        if len(low) == len(word):
            out[at : at + len(word)] = low
    return "".join(out)


def _role_text(
    text: str, start: int, end: int, states: list[_Span], actors: list[_Span], lex: RelationLexicon
) -> str:
    """The sentence as ``_grammar_roles`` has it parsed, and ``_candidates`` has it batched:
    origin compounds of its ``states`` hyphened, a headline lowered but for the names of its
    states and ``actors``."""
    assert lex.grammar is not None
    at = [(sp.start - start, sp.end - start) for sp in states]
    names = at + [(sp.start - start, sp.end - start) for sp in actors]
    sentence = _origin_hyphened(text[start:end], at, lex.grammar.words("making"))
    return _headline_lowered(sentence, names)


def _grammar_roles(
    text: str,
    start: int,
    end: int,
    symbols: list[tuple[str, Any, int, int]],
    countries: list[int],
    actors: list[_Span],
    lex: RelationLexicon,
) -> dict[Any, tuple[str, str] | None] | None:
    """Roles from the dependency parse, keyed by country symbol index (and by the actor span for
    companies and state bodies); None when the parser is off or unavailable."""
    if ROLE_READER != "grammar" or lex.grammar is None:
        return None
    people = [(k, symbols[k][1]) for k in countries] + [
        (("actor", i), a) for i, a in enumerate(actors)
    ]
    doc = parse(_role_text(text, start, end, [symbols[k][1] for k in countries], actors, lex))
    if doc is None:
        return None
    acts = [Actor(sp.start - start, sp.end - start, sp.ident, sp.kind) for _, sp in people]
    weapons = [
        Weapon(s[2] - start, s[3] - start, s[1].origin if s[1] is not None else None)
        for s in symbols
        if s[0] == "weapon"
    ]
    found: dict[int, Role] = read_roles(doc, acts, weapons, lex.grammar)
    back = found.pop(BACK, None)
    seller_back = found.pop(BACK_SELLER, None)
    out: dict[Any, tuple | None] = {
        people[i][0]: (r.role, r.cue, r.clause, r.gift) for i, r in found.items()
    }
    if back is not None:
        out[BACK_KEY] = (back.role, back.cue, back.clause, back.gift)
    if seller_back is not None:
        out[SELLER_BACK_KEY] = (seller_back.role, seller_back.cue, seller_back.clause)
    return out


def _object_symbols(symbols: list[tuple[str, Any, int, int]], text: str, first: int) -> list[str]:
    """The sentence as object patterns see it: C = a country, W = a weapon or arms word,
    N = a name-like word (with a digit, or capitalised and not the sentence's first token:
    "Iskander", "MiG - 29", "42"), other words folded."""
    out: list[str] = []
    for kind, payload, s, e in symbols:
        if kind == "country":
            out.append("C")
        elif kind == "weapon":
            out.append("W")
        elif any(c.isdigit() for c in payload) or (s > first and text[s:e][:1].isupper()):
            out.append("N")
        else:
            out.append(payload)
    return out


def _trigger_counts(
    k: int,
    symbols: list[tuple[str, Any, int, int]],
    arms: list[int],
    obj_line: list[str],
    lex: RelationLexicon,
    parsed: Callable[[int], bool] | None = None,
    text: str = "",
) -> bool:
    """Whether the trigger at symbol ``k`` makes the sentence a transfer: no ``not_objects``
    pattern matches around it, and a weak trigger has an ``objects`` pattern (its object is arms)
    or, failing that, arms as its object in the parse (``parsed``), while any other trigger
    only needs a weapon within ``arms_window`` symbols."""
    attributive = lex.grammar.words("attributive") if lex.grammar is not None else frozenset()
    if symbols[k][1] in attributive and k + 1 < len(symbols) and symbols[k + 1][0] == "weapon":
        return False  # "armed drones": an adjective of the arms, no transfer
    if lex.grammar is not None and symbols[k][1] in lex.grammar.words("build"):
        # a verb of making is a sale only when it names whom the arms are made for ("builds
        # corvettes for Egypt"); "A and B jointly build the jet", "Soviet-built copters" sell none
        after = symbols[k + 1 : k + 1 + 2 * lex.window]
        if not any(s[0] == "word" and s[1] == "for" for s in after):
            return False
        if _unnamed_maker(symbols, k, lex.grammar.words("firm"), text):
            return False
    if obj_line:
        line = " " + " ".join([*obj_line[:k], "T", *obj_line[k + 1 :]]) + " "
        if any(p.regex.search(line) for p in lex.not_objects):
            return False
        if symbols[k][1] in lex.weak:
            if any(p.regex.search(line) for p in lex.objects):
                return True
            return parsed is not None and parsed(k)
    if min(abs(k - a) for a in arms) <= lex.arms_window:
        return True
    # arms told far from a trigger of their own ("plans to buy 700 million euros' worth of
    # jets", "the helicopter, which costs ..., is exported to"): the parse says they are its object
    return parsed is not None and parsed(k)


_AUX = frozenset({"is", "are", "was", "were", "will", "would", "be", "been", "has", "have", "had",
                  "to", "also", "now", "currently", "already", "still"})  # fmt: skip


def _unnamed_maker(symbols: list[Symbol], k: int, firm: frozenset[str], text: str = "") -> bool:
    """Whether the maker before the verb of making at ``k`` is a bare trade noun ("the company
    is building jets for X"): no name and no state's adjective before it, so the seller would
    only be guessed from the arms' make (a licence builder abroad is not their maker's state).
    A trade noun that ends a company's proper name ("Naval Group", "Thales Group") is a name."""
    j = k - 1
    while j >= 0 and symbols[j][0] == "word" and symbols[j][1] in _AUX:
        j -= 1
    if j < 0 or symbols[j][0] != "word" or symbols[j][1] not in firm:
        return False
    return j == 0 or (symbols[j - 1][0] != "country" and not _proper_name_end(symbols, j, text))


_DETERMINERS = frozenset({"the", "a", "an", "its", "this", "that", "their", "his", "her"})


def _proper_name_end(symbols: list[Symbol], j: int, text: str) -> bool:
    """The word at ``j`` is written with a capital after a capitalised word that is no
    determiner: the last word of a proper name ("Naval Group"), not a common noun ("the group")."""
    if not text or j < 1 or symbols[j - 1][0] != "word" or symbols[j - 1][1] in _DETERMINERS:
        return False
    return all(text[symbols[i][2] : symbols[i][2] + 1].isupper() for i in (j - 1, j))


def _symbol(sym: tuple[str, Any, int, int], k: int, iso: str, idx: int) -> str:
    kind, payload = sym[0], sym[1]
    if kind == "word":
        return payload
    if kind == "country":
        return ("X" if idx == k else "C") + ("A" if payload.adjective else "")
    if payload is None or not payload.origin:
        return "W"
    return "WX" if payload.origin == iso else "WO"
