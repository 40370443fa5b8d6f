"""The article's context fills a side of a transfer that its sentences leave empty.

One idea, several sources: when no sentence of the article pairs a buyer with a seller, a
side read alone (a buyer with no seller, a seller with no buyer) takes its counterpart from
the article. ``fill`` is the one step, run by ``pairs.extract_pairs`` once every sentence is
read (this module builds on pairs.py, so it passes its step in: ``pairs.use_fills``);
``SOURCES`` holds the enabled sources in the order they are tried (an experiment drops one:
``bench_pairs_real.py --set OPENING_SELLER=false``, the old flag names, see ``FLAGS``);
``fill`` runs each source's step (``_STEPS``) in the order of the tuple. Their conditions
exclude each other (the lead state fills only when no buyer is read alone, the opening only
when no maker is named), so today's order changes no pair; a new source takes its place there:

- ``lead_state``: sellers read with no buyer anywhere sell to the state the article is about,
  its most salient country (``_lead_buyer_pairs``; in English when ``pairs.LEAD_BUYER_EN``);
- ``company_lead``: ... also a seller read only through one of its companies (language
  lexicons; English reads companies by the parse);
- ``maker_lead``: ... and, when no seller is read in words, the one state that makes the
  arms the sentences read a transfer of (``_one_maker``, issue 12; in the language lexicons
  read by an origin pattern or an adjective on arms of its own make, ``_made_in``,
  ``_own_make``);
- ``article_maker``: the first buyer read alone buys from the article's one maker, its
  companies' and weapons' state (``pairs._maker_pairs``); a later lone buyer buys from the
  maker every pair already has (``pairs._later_buyers``, ``pairs.LATER_BUYERS``; in the
  language lexicons only a buyer a cue marks as one, ``_marked_buyers``, and, with no maker
  named at all, from the one seller the pairs read in words, ``LATER_BUYERS_NO_MAKER``);
- ``opening_seller``: with no maker named, the one buyer buys from the one other state its
  opening names (``_opening_seller_pairs``, language lexicons, issue 13).

Before them, a lone buyer and a lone seller read in two sentences are paired with each other
(``pairs._joined_pairs``): the article's own words, no context; in English only a seller read
selling in words, not when the buyer is read selling too, and only a seller of the buyer's
deal, not of one of its own (``_english_join``, ``_same_deal``).

The guards, one list (``GUARDS`` holds the switchable ones). Each says when the article's
context is no counterpart; where a source keeps a guard of its own, the reason is given:

- a side the sentence does not sell: a seller read only as where the arms were made
  (``roles.origin``), a deal's other party or a country adjective (``_names_seller``; English:
  ``_unsure_seller``, the parse's cues in words of their own), a gift's recipient
  (``pairs._RoleBook``: second-hand arms have another seller), arms handed on, retired or
  carried (``pairs._supplying_weapons``); ``makers_apart`` (language lexicons, the sentence's
  own maker fill): arms of two makers named apart name no seller (``makers_apart``);
- a counterpart that is no party: a bystander (``third`` cues, not a mere venue:
  ``_bystander``), a dateline (``_dateline_only``; the lead state of a language lexicon once
  kept datelines: dev is the same either way, so one guard for all), a state named only as
  an adjective (the opening; ``fill_adjectives``), a state named beside the buyer (the
  opening: read there, it was a foe or a partner), a second candidate (every source fills
  from exactly one state);
- no transfer in the article's context: the lead state is named with no arms or transfer
  word (``_named_with_arms``) — and, for the maker source, with no buying word (``lead_buys``:
  a maker's report tells of its own forces as often as of a sale); a company delivering to
  armed forces with no state named delivers home (``_to_own_forces``, forces nouns: the
  company's home state); the opening tells of a drill, or the seller attacks there (the
  ``drill`` and ``attack`` classes: own forces, or the buyer's foe).

The guards differ by source because each was measured on its own source: the opening's seller
is the weakest sign (a state merely named), so it alone needs the drill, attack, adjective and
beside-the-buyer guards; the lead state is read from the article's salience, so it needs arms
or a transfer word beside it; the English maker needs a buying word, as a maker's own report
names its neighbours as often as its buyers.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from worker.model import Article, Entity, TaggedArticle
from worker.transforms.parser import parse, parse_many

from . import pairs
from .dateline import dateline_at
from .grammar import BLOCKER, MAKER_OF, VENUE, Classes
from .pair_scorer import HOSTILE_CLASSES
from .pairs import (
    _OPENING,
    ORIGIN,
    ORIGIN_CUE,
    Cue,
    PairHit,
    RelationLexicon,
    Symbol,
    _add_facts,
    _article_makers,
    _joined_pairs,
    _later_buyers,
    _maker_pairs,
    _Orphan,
    _orphan_line,
    _pair_with_maker,
    _Span,
    _spans_named,
    _states_named,
    _symbols,
    sentence_spans,
)

# the sources, in the order ``fill`` tries them
LEAD_STATE = "lead_state"
COMPANY_LEAD = "company_lead"
MAKER_LEAD = "maker_lead"
ARTICLE_MAKER = "article_maker"
OPENING_SELLER = "opening_seller"
SOURCES: tuple[str, ...] = (LEAD_STATE, COMPANY_LEAD, MAKER_LEAD, ARTICLE_MAKER, OPENING_SELLER)
# the guards an experiment may switch off (the others are part of what a source reads)
LEAD_BUYS = "lead_buys"
MAKERS_APART = "makers_apart"
# English reads the opening's seller too, only next to the buyer (``_named_next_to``)
OPENING_SELLER_EN = "opening_seller_en"
GUARDS: tuple[str, ...] = (LEAD_BUYS, MAKERS_APART, OPENING_SELLER_EN)
_SOURCE_ORDER, _GUARD_ORDER = SOURCES, GUARDS
# the flags the sources and guards replace (pairs.py until 2026-12-06): docs and experiments
# name them, ``switch`` takes either name
FLAGS = {
    "LEAD_BUYER": LEAD_STATE,
    "COMPANY_LEAD": COMPANY_LEAD,
    "MAKER_LEAD": MAKER_LEAD,
    "OPENING_SELLER": OPENING_SELLER,
    "MAKER_LEAD_BUYS": LEAD_BUYS,
    "ONE_MAKER_FILL": MAKERS_APART,
}
LEAD_CUE = "seller to the article's lead state"
OPENING_CUE = "the one other state of the opening"


def on(name: str) -> bool:
    """The source or guard ``name`` is enabled."""
    return name in SOURCES or name in GUARDS


def switch(name: str, enabled: bool) -> bool:
    """Enable or disable a source or guard by its name or its old flag's name (``FLAGS``),
    keeping the order of ``SOURCES``; False when ``name`` is neither (not a fill)."""
    global SOURCES, GUARDS
    key = FLAGS.get(name, name)
    if key not in _SOURCE_ORDER and key not in _GUARD_ORDER:
        return False
    keep = ({*SOURCES, *GUARDS} - {key}) | ({key} if enabled else set())
    SOURCES = tuple(s for s in _SOURCE_ORDER if s in keep)
    GUARDS = tuple(g for g in _GUARD_ORDER if g in keep)
    return True


def fill(
    hits: dict[tuple[str, str], PairHit],
    orphans: list[_Orphan],
    sellers: list[_Orphan],
    tagged: TaggedArticle,
    sentences: list[tuple[str, int, int, int]],
    per_sentence: Mapping[int, list[_Span]],
    lex: RelationLexicon,
    lone_sellers: Collection[str] = frozenset(),
) -> None:
    """The article's fill step: ``orphans`` (buyers read alone) and ``sellers`` (sellers read
    alone) take their counterpart from the article, source by source (the module docstring);
    ``hits`` are the pairs its sentences read, the filled pairs are added to them.
    ``lone_sellers``: the states read selling alone anywhere in the article, also those
    ``sellers`` no longer holds (paired as a buyer's second seller, or dropped beside pairs)."""
    ctx = _Context(hits, orphans, sellers, tagged, sentences, per_sentence, lex, lone_sellers)
    joinable = sellers if lex.symbols_only else _english_join(orphans, sellers, tagged, lex)
    if orphans and joinable and not hits:  # buyer and seller apart
        _joined_pairs(hits, orphans, joinable)
    for name in SOURCES:  # the tuple is the order; a source with no step widens another's
        step = _STEPS.get(name)
        if step is not None:
            step(ctx)


@dataclass
class _Context:
    """What every source of ``fill`` reads (its arguments), and the article's makers, sought
    once and only when a source needs them."""

    hits: dict[tuple[str, str], PairHit]
    orphans: list[_Orphan]
    sellers: list[_Orphan]
    tagged: TaggedArticle
    sentences: list[tuple[str, int, int, int]]
    per_sentence: Mapping[int, list[_Span]]
    lex: RelationLexicon
    lone_sellers: Collection[str] = frozenset()

    @cached_property
    def other_deals(self) -> set[str]:
        """English lone sellers whose sentence tells of a deal of their own (``_same_deal``):
        no source makes them the lone buyer's seller."""
        if self.lex.symbols_only or not self.orphans:
            return set()
        buyer = self.orphans[0]
        sure = _sure_sellers(self.sellers)
        return {s.state for s in sure if not _same_deal(buyer, s, self.tagged, self.lex)}

    @cached_property
    def makers(self) -> dict[str, tuple[str, _Span]]:
        return _article_makers(self.tagged.article, self.sentences, self.per_sentence, self.lex)


def _from_lead_state(ctx: _Context) -> None:
    """``lead_state`` (with ``company_lead`` and ``maker_lead``, which widen what it reads):
    sellers read with no buyer anywhere, and no buyer read alone."""
    if (
        ctx.sellers
        and not ctx.orphans
        and not ctx.hits
        and (ctx.lex.symbols_only or pairs.LEAD_BUYER_EN)
    ):
        _lead_buyer_pairs(ctx.hits, ctx.sellers, ctx.tagged, ctx.lex)


def _from_article_maker(ctx: _Context) -> None:
    """``article_maker``: buyers read alone and no pair yet, or one seller already (in the
    language lexicons only buyers a cue marks, ``_marked_buyers``)."""
    if not ctx.orphans:
        return
    if not ctx.hits:
        _maker_pairs(ctx.hits, ctx.orphans, ctx.makers, ctx.lex)
    elif pairs.LATER_BUYERS and len({s for _, s in ctx.hits}) == 1:
        states = _states_named(ctx.per_sentence, ctx.sentences)
        sup = next(iter(ctx.hits))[1]
        orphans = (
            ctx.orphans if not ctx.lex.symbols_only else _marked_buyers(ctx.orphans, sup, ctx.lex)
        )
        spans = _spans_named(ctx.per_sentence, ctx.sentences) if ctx.lex.symbols_only else None
        others = set(ctx.lone_sellers) - {sup}
        _later_buyers(ctx.hits, orphans, ctx.makers, states, ctx.lex, spans, others)


def _from_opening_seller(ctx: _Context) -> None:
    """``opening_seller``: buyers read alone, no pair yet and no maker named; in English only
    when the seller is named next to the buyer's sentence (``_named_next_to``)."""
    english = not ctx.lex.symbols_only
    if english and not on(OPENING_SELLER_EN):
        return
    if ctx.orphans and not ctx.hits and not ctx.makers:
        _opening_seller_pairs(
            ctx.hits,
            ctx.orphans,
            ctx.tagged,
            ctx.sentences,
            ctx.per_sentence,
            ctx.lex,
            next_to=english,
            apart=ctx.other_deals,
        )


# language cues that leave a later buyer unsure (``_marked_buyers``): a state after a verb of
# selling is its dative in a case language and its subject after an inverted verb ("exportiert
# X keine Munition"), and a state "with" whom a deal is made may be its seller
_UNMARKED_BUYER = ("{sell} X",)
_DEAL_PARTY = "{with}"
# the classes of a language cue that reads its state from the buyer's side (buying,
# receiving, a purchase, arms arriving), and the Turkish cue of an export deal's partner
_BUYER_SIDE = ("{buy}", "{receive}", "{buy_noun}", "{arrive}")
_EXPORT_DEAL = "{export}"


def _marked_buyers(orphans: list[_Orphan], sup: str, lex: RelationLexicon) -> list[_Orphan]:
    """Language lexicons: the lone buyers ``pairs._later_buyers`` may pair with the article's one
    seller ``sup``, those a cue marks as buyers (a "to" or dative, a verb of buying or
    receiving, the buyer's own ministry), not only by word order or as a deal's other party:
    the fill has no sentence of its own to confirm them. Nor one a verb of selling in the
    active sends arms to, or an export deal names (``_sold_by_unnamed``), unless read buying
    too or the arms are of the seller's own make: the subject left out or a pronoun ("Zudem
    liefert sie Radpanzer an Österreich") may be the article's buyer exporting (review r14a).
    A passive ("foram vendidas para o Senegal") or a noun ("la fornitura per l'Egitto") keeps
    its buyer: dev reports name the article's seller's later customers so."""
    return [
        o
        for o in orphans
        if any(
            c.country == o.state
            and c.role == "recipient"
            and c.cue not in _UNMARKED_BUYER
            and _DEAL_PARTY not in c.cue
            for c in o.cues
        )
        and (_sellers_make(o, sup) or _buyer_side(o) or not _sold_by_unnamed(o, lex))
    ]


def _buyer_side(orphan: _Orphan) -> bool:
    """A cue reads the lone buyer from the buyer's side: buying, receiving, arms arriving."""
    return any(
        c.country == orphan.state and any(k in c.cue for k in _BUYER_SIDE) for c in orphan.cues
    )


def _sold_by_unnamed(orphan: _Orphan, lex: RelationLexicon) -> bool:
    """The lone buyer's sentence sells to it with a verb in the active (a word of ``sell`` that
    is not a passive participle of ``sold``), its subject unnamed since no seller was read
    there, or its cue is an export deal's partner (Turkish "X ile ... ihracatı anlaşması")."""
    if any(_EXPORT_DEAL in c.cue for c in orphan.cues if c.country == orphan.state):
        return True
    classes = lex.word_classes
    if classes is None:
        return False
    # the participles as listed, unfolded: folding makes French "livré" the finite "livre"
    sold = [str(w).lower() for w in (lex.raw.get("classes") or {}).get("sold") or ()]
    return any(
        x[0] == "word"
        and classes.has("sell", x[1])
        and not _listed(orphan.text[x[2] : x[3]].lower(), sold)
        for x in _orphan_line(orphan, lex)
    )


def _listed(word: str, listed: Sequence[str]) -> bool:
    """The word as written is one of ``listed`` or starts with a listed stem ("продан*")."""
    return any(word == w or (w.endswith("*") and word.startswith(w[:-1])) for w in listed)


def _sellers_make(orphan: _Orphan, sup: str) -> bool:
    """The lone buyer's sentence names a weapon of the seller's own make (as ``_own_make``)."""
    return orphan.facts.weapon is not None and orphan.facts.weapon.origin == sup


# the step of each source (``company_lead`` and ``maker_lead`` are read by ``lead_state``'s)
_STEPS: dict[str, Callable[[_Context], None]] = {
    LEAD_STATE: _from_lead_state,
    ARTICLE_MAKER: _from_article_maker,
    OPENING_SELLER: _from_opening_seller,
}


def _lead_buyer_pairs(
    hits: dict[tuple[str, str], PairHit],
    sellers: list[_Orphan],
    tagged: TaggedArticle,
    lex: RelationLexicon,
) -> None:
    """Sellers read with no buyer anywhere in the article ("the contract was signed with the
    Korean group", "comprados a Holanda"): the buyer is the state the article is about
    (``_lead_state``). Only sellers read selling: in the language lexicons, in words
    (``_language_sellers``, with a company's sellers, ``company_lead``); in English, by the
    parse's cues; else, in both, the one maker of the arms (``_one_maker``, ``maker_lead``),
    whose lead state must be read buying (``lead_buys``)."""
    makers: list[_Orphan] = []  # the sellers, when read only as the one maker (``_one_maker``)
    traders: list[_Orphan] = []  # English sellers read only from a trade noun: no lead's seller
    if lex.symbols_only:
        sure = _language_sellers(sellers, tagged, lex)
        if not sure and on(MAKER_LEAD):
            makers = _one_maker(_own_make(sellers), set(tagged.countries), _made_in(lex))
        sellers = sure or makers
    else:  # the parse's cues say it in words of their own
        every = _sure_sellers(sellers)
        sure = [s for s in every if not _trade_noun_only(s)]
        traders = [s for s in every if s not in sure]
        makers = [] if every or not on(MAKER_LEAD) else _one_maker(sellers, set(tagged.countries))
        sellers = sure or makers
    # a trade noun's state is still no buyer: it is left out of the lead as before
    lead = _lead_state(sellers + traders, tagged, lex)
    if lead is None or (makers and on(LEAD_BUYS) and not _read_buying(lead, makers, tagged, lex)):
        return
    for seller in sellers:
        hit = hits.setdefault((lead, seller.state), PairHit(lead, seller.state))
        hit.sentences.append(seller.sentence)
        hit.cues.extend(
            replace(c, cue=f"{LEAD_CUE}: {c.cue}") for c in seller.cues if c.country == seller.state
        )
        _add_facts(hit, seller.facts, seller.text)


# the parse's cue of a state that only modifies a noun of selling ("German arms exports", "the
# biggest exporters: A, B and C"), grammar.py
_SELLERS_SALE = "(the seller's sale)"


def _trade_noun_only(seller: _Orphan) -> bool:
    """Every cue of the lone seller is a noun of selling its name modifies, no buyer named: a
    trade described, not a sale to the article's lead state ("three of the biggest exporters:
    A, B and C" in a report on a treaty), and a noun modifier is as often the market as the
    seller ("resumes Bahrain arms sales"). The lead-state fill takes no such seller; the other
    fills, which pair it with a buyer the article reads, still do."""
    cues = [c for c in seller.cues if c.country == seller.state]
    return bool(cues) and all(c.cue.endswith(_SELLERS_SALE) for c in cues)


def _english_join(
    orphans: list[_Orphan], sellers: list[_Orphan], tagged: TaggedArticle, lex: RelationLexicon
) -> list[_Orphan]:
    """The English lone sellers the first lone buyer may be joined with (``pairs._joined_pairs``):
    only sellers read selling in words (``_sure_sellers``: the join unguarded cost more wrong
    pairs than it found, docs/rules.md), and none when the buyer is read selling too: its own
    makers deliver at home ("the navy signed for eight helicopters; the national maker has
    delivered them under a foreign licence"), the other state only their design's. A seller
    whose sentence tells of a deal of its own is no counterpart either (``_same_deal``)."""
    sure = _sure_sellers(sellers)
    if not orphans or any(s.state == orphans[0].state for s in sure):
        return []
    return [s for s in sure if _same_deal(orphans[0], s, tagged, lex)]


_BACK_DETERMINERS = frozenset({"the", "this", "these", "those", "that", "both", "its", "their"})
_OWN_RECIPIENT = frozenset({"to", "for"})
# what a "for" may hold that is no recipient: "sold them for $2 billion", "for years", "a deal
# for 36 jets"
_NO_RECIPIENT = ("currency", "mod", "arms", "hull", "arms_head", "for_platform")
_SELLING = ("sell", "sell_noun", "gift", "handover", "deal", "offer", "approve")


def _arms_words(doc: Any, cls: Classes) -> set[str]:
    """The sentence's one-word arms nouns, singular ("submarines" and "submarine" are one)."""
    return {t.lower_.removesuffix("s") for t in doc if cls.any(("arms", "hull"), t.lower_)} - {
        "arm"
    }


def _same_deal(
    buyer: _Orphan, seller: _Orphan, tagged: TaggedArticle, lex: RelationLexicon
) -> bool:
    """The seller's sentence goes on with the buyer's deal: it names no recipient of its own (a
    "to" or "for" object of any kind, "sold drones to several countries in Africa") and it
    names the buyer's weapon, or refers back to a deal or to arms with a determiner ("the sale",
    "these jets"). Otherwise it tells of another deal ("Brazil ordered jets. Separately, Turkey
    has sold drones to ..." joins nothing). Without the parse, the join stands as before."""
    cls = lex.grammar
    _, _, start, end = seller.sentence
    doc = parse(seller.text[start:end]) if cls is not None else None
    if cls is None or doc is None:
        return True
    for tok in doc:
        if tok.dep_ in ("prep", "dative") and tok.lower_ in _OWN_RECIPIENT:
            head = tok.head.head if tok.head.dep_ == "dobj" else tok.head
            if not cls.any(_SELLING, head.lower_):
                continue  # "according to", "a need for": not the seller's recipient
            objects = [c for c in tok.children if c.dep_ == "pobj"]
            if any(not (o.like_num or cls.any(_NO_RECIPIENT, o.lower_)) for o in objects):
                return False
    if _names_state(tagged, seller.sentence, buyer.state):
        return True  # "X delays Bahrain arms sale": the buyer's own deal
    bw, sw = buyer.facts.weapon, seller.facts.weapon
    if bw is not None and sw is not None and bw.ident == sw.ident:
        return True
    _, _, b_start, b_end = buyer.sentence
    bought = parse(buyer.text[b_start:b_end])
    if bought is not None and _arms_words(bought, cls) & _arms_words(doc, cls):
        return True  # the same class of arms: "paid $203m for the submarines ... procured"
    back = ("arms", "sell_noun", "buy_noun", "deal", "hull")
    return any(
        t.lower_ in _BACK_DETERMINERS and (cls.any(back, t.head.lower_) or t.head.pos_ == "PROPN")
        for t in doc
        if t.dep_ in ("det", "poss")
    )


def _sure_sellers(sellers: list[_Orphan]) -> list[_Orphan]:
    """English lone sellers that a cue of the parse reads selling in words of its own: not a
    maker's adjective or a weapon's origin, a deal's other party, a blocker, nor relief goods
    (``_unsure_seller``)."""
    return [
        s for s in sellers if any(c.country == s.state and not _unsure_seller(c) for c in s.cues)
    ]


def _language_sellers(
    sellers: list[_Orphan], tagged: TaggedArticle, lex: RelationLexicon
) -> list[_Orphan]:
    """A language lexicon's lone sellers read selling: not read only as where the arms were
    made ("US-made", ``roles.origin``: second-hand arms have another seller), nor only as a
    deal's other party, which may be the buyer (``_names_seller``); a seller read only through
    a company (``company_lead``), unless its sentence delivers to armed forces with no state
    named, its home delivery (``_to_own_forces``)."""
    classes = lex.raw.get("classes") or {}
    # "with" names the seller too where it is the language's "from" (Polish "z")
    with_from = set(classes.get("with") or ()) <= set(classes.get("from") or ())
    unsure = {
        c.text
        for c in lex.cues
        if c.role == ORIGIN or ("{with}" in c.text and not with_from) or "XA" in c.text.split()
    }
    sellers = [s for s in sellers if any(_names_seller(c, s.state, unsure) for c in s.cues)]
    return [
        s
        for s in sellers
        if _names_state(tagged, s.sentence, s.state)
        or (on(COMPANY_LEAD) and not _to_own_forces(tagged, s.sentence, lex))
    ]


def _lead_state(sellers: list[_Orphan], tagged: TaggedArticle, lex: RelationLexicon) -> str | None:
    """The state the article is about, its most salient country, unless a seller's sentence
    reads it as a bystander ("die US-Regierung ist gegen den Kauf") or it is only a dateline;
    when it is the article's one seller, the next state the article names most (a
    report on a maker's production for a client). None when it is a seller, or when no
    sentence names it with a transfer word or arms (``_named_with_arms``)."""
    states = {s.state for s in sellers}
    bystanders = {c.country for s in sellers for c in s.cues if _bystander(c)}
    named = [
        e.id
        for e in tagged.entities
        if e.type == "country" and e.id not in bystanders and not _dateline_only(e, tagged.article)
    ]
    if not named:
        return None
    lead = named[0]
    if lead in states and len(states) == 1 and len(named) > 1:
        lead = named[1]  # an article about its one seller: the next state it names most
    if lead in states or not _named_with_arms(tagged, lead, lex) or _fights(tagged, lead, lex):
        return None
    return lead


def _bystander(cue: Cue) -> bool:
    """A seller's sentence reads the cue's state as a third party (``_lead_state``): not when
    it only names the venue where arms change hands, an "at" on neither a verb of saying nor
    a gathering (``grammar.VENUE``: "handed over at a ceremony in Senegal"). A transfer is
    often told where the buyer takes it: the venue is the buyer's own state as often as not.
    "in" names an area, where forces are stationed or an envoy sits, and an "at" on a verb of
    saying or a gathering ("said at a forum in Egypt") a host: bystanders both."""
    return cue.role == "third" and not cue.cue.endswith(VENUE)


def _fights(tagged: TaggedArticle, state: str, lex: RelationLexicon) -> bool:
    """English: a sentence reads ``state`` as the subject of a combat verb (the ``combat`` class:
    "Russia fired rockets at Ukraine", "X attacked the port"): it uses arms on a foe, and the
    arms a seller supplies in the article go to the other side, not to it."""
    cls = lex.grammar
    if lex.symbols_only or cls is None:
        return False
    ent = next((e for e in tagged.entities if e.type == "country" and e.id == state), None)
    if ent is None:
        return False
    art = tagged.article
    named: list[tuple[str, int, list[Any]]] = []  # (sentence, its start, its mentions of state)
    for fld, _, start, end in sentence_spans(tagged):
        at = [m for m in ent.mentions if m.field == fld and start <= m.start < end]
        if at:
            named.append(((art.title if fld == "title" else art.body)[start:end], start, at))
    # in one call, not one by one: the same parses for less (parser.py)
    parse_many(sentence for sentence, _, _ in named)
    for sentence, start, at in named:
        doc = parse(sentence)
        if doc is None:
            continue
        for tok in doc:
            if (
                tok.dep_ == "nsubj"
                and any(m.start <= tok.idx + start < m.end for m in at)
                and cls.has("combat", tok.head.lower_)
            ):
                return True
    return False


def _read_buying(
    lead: str, makers: list[_Orphan], tagged: TaggedArticle, lex: RelationLexicon
) -> bool:
    """A maker's arms tell of its own forces' deliveries as often as of a sale ("the first
    howitzers reached the army's brigade"): the lead state, first named or next, is a buyer
    only when named in the sentence reading the arms' transfer or read buying ("ordered",
    "the purchase of") where the article names it (``lead_buys``)."""
    return any(_names_state(tagged, s.sentence, lead) for s in makers) or _named_with_arms(
        tagged, lead, lex, lex.buyers
    )


def _names_state(
    tagged: TaggedArticle, sentence: tuple[str, int, int, int], state: str | None = None
) -> bool:
    """The sentence names ``state`` (any state when None) as a country, not only through one
    of its companies."""
    fld, _, start, end = sentence
    return any(
        e.type == "country"
        and e.id == (state or e.id)
        and any(m.field == fld and start <= m.start < end for m in e.mentions)
        for e in tagged.entities
    )


def _to_own_forces(
    tagged: TaggedArticle, sentence: tuple[str, int, int, int], lex: RelationLexicon
) -> bool:
    """A sentence that names no state delivers to armed forces ("all'Esercito", "à l'armée
    de l'air", "wojsku"): the forces of the company's own state, which the article's lead
    state is not. A president, minister or ministry of defence there names no recipient ("a
    indiqué son président"), so only a forces noun after a "to", "with" or "and" word
    counts (``to_words``), or one in the dative (``forces_to``)."""
    if _names_state(tagged, sentence):
        return False
    symbols = _sentence_symbols(tagged.article, sentence, lex)
    words = [x[1] if x[0] == "word" else "" for x in symbols]
    return any(
        w in lex.forces_to or (w in lex.forces and n > 0 and words[n - 1] in lex.to_words)
        for n, w in enumerate(words)
    )


def _made_in(lex: RelationLexicon) -> Callable[[Cue], bool]:
    """A language lexicon's cues that read a seller only as where the arms were made: a
    pattern of ``roles.origin`` ("fabricados en X") or a state's adjective beside the arms
    ("XA W"), or the weapon's maker (``ORIGIN_CUE``), as ``_one_maker`` reads them."""
    origin = {c.text for c in lex.cues if c.role == ORIGIN or "XA" in c.text.split()}
    return lambda c: c.cue in origin or c.cue.startswith(ORIGIN_CUE)


def _own_make(sellers: list[_Orphan]) -> list[_Orphan]:
    """Lone sellers whose sentence names a weapon of their own make, as the English maker is
    read from a named weapon: a state's adjective on plain arms words is as often its own
    forces or a third party as their maker ("os canhões chilenos" in a Swedish veto), and one
    beside a weapon of another state's make names its user ("give the Ukrainians the
    Franco-Italian system")."""
    return [s for s in sellers if s.facts.weapon is not None and s.facts.weapon.origin == s.state]


def _origin_cue(cue: Cue) -> bool:
    """The English cue of a seller filled from the weapon's maker."""
    return cue.cue.startswith(ORIGIN_CUE)


def _one_maker(
    sellers: list[_Orphan], named: set[str], made: Callable[[Cue], bool] = _origin_cue
) -> list[_Orphan]:
    """Sellers read alone only as the makers of a named weapon ("the Mogami-class
    frigate"), when no seller is read in words anywhere and they are all one state that the
    article names (``named``): the article's arms come from that maker ("Canberra picked the
    Mogami design. The first ship will be in the water by 2030."). Two makers' states name no
    seller ("comparable to the US Patriot and the Russian S-300"), nor does a state's adjective
    on arms ("Russian warships", "Jordanian aircraft": as often its own forces as its make).
    ``made`` reads a cue as the maker's: the weapon's origin in English; in the language
    lexicons also an origin pattern or an adjective on a named weapon (``_made_in``), of that
    state's own make (``_own_make``)."""
    makers = [
        s
        for s in sellers
        if s.state in named and any(c.country == s.state and made(c) for c in s.cues)
    ]
    return makers if len({s.state for s in makers}) == 1 else []


def _opening_seller_pairs(
    hits: dict[tuple[str, str], PairHit],
    orphans: list[_Orphan],
    tagged: TaggedArticle,
    sentences: list[tuple[str, int, int, int]],
    per_sentence: Mapping[int, list[_Span]],
    lex: RelationLexicon,
    *,
    next_to: bool = False,
    apart: Collection[str] = (),
) -> None:
    """The article's one buyer, read alone (no seller in its sentences, no maker named), buys
    from the one other state its opening names (the title and the first sentences,
    ``_OPENING``): a report names both sides of its news there, the seller often only as a
    source or a speaker ("Norway announced a new package. Ukraine will get twelve
    howitzers."). Silent when the article reads two buyers, when the opening names two other
    states or none, when that state is named in a sentence with the buyer (read there, it was
    no seller: a foe, a war, a partner) or only as an adjective ("Turkish ambitions"), when it
    is only a dateline, and when the opening or the buyer's sentence tells of an exercise or a
    deployment (own forces, no transfer). With ``next_to`` (English), only a seller named in
    the sentence right before or after one of the buyer's (``_named_next_to``); never a state
    of ``apart`` (read selling in a deal of its own, ``_Context.other_deals``)."""
    if len({o.state for o in orphans}) != 1:
        return
    buyer = orphans[0]
    opening = range(min(_OPENING, len(sentences)))
    read = {o.sentence for o in orphans}
    seller = _opening_other(buyer.state, tagged, sentences, opening, per_sentence, lex, read)
    if (
        seller is None
        or seller in apart
        or _opening_at_war(seller, buyer, tagged, sentences, opening, per_sentence, lex)
    ):
        return
    if next_to and not _named_next_to(
        seller, orphans, tagged.article, sentences, per_sentence, lex
    ):
        return
    mention = next(
        (sentences[i][0], s) for i in opening for s in per_sentence.get(i, ()) if s.ident == seller
    )
    _pair_with_maker(hits, buyer, seller, mention, OPENING_CUE)


def _named_next_to(
    state: str,
    orphans: list[_Orphan],
    art: Article,
    sentences: list[tuple[str, int, int, int]],
    per_sentence: Mapping[int, list[_Span]],
    lex: RelationLexicon,
) -> bool:
    """``state`` is named in the sentence right before or after one that reads the buyer, and
    that sentence ties it to arms or a deal (``_ties_to_arms``): a report tells its deal's two
    sides in consecutive sentences ("Georgia signed a deal for air defence systems. The
    contract was signed outside Paris."), while a state named only far from the buyer is often
    the place of a show or of another story, and one named next to it without arms is a foe or
    a bystander ("... ordered howitzers. X shelled the city overnight.")."""
    read = {sentences.index(o.sentence) for o in orphans if o.sentence in sentences}
    return any(
        any(s.ident == state and s.kind == "country" for s in per_sentence.get(j, ()))
        and _ties_to_arms(art, sentences[j], per_sentence.get(j, ()), lex)
        for i in read
        for j in (i - 1, i + 1)
        if 0 <= j < len(sentences)
    )


# English word classes that tie a sentence's state to a transfer (the arms noun only names
# arms, which a foe fires too)
_TIES_EN = ("deal", "made", "sell", "buy", "firm", "vendor")


def _ties_to_arms(
    art: Article, sentence: tuple[str, int, int, int], spans: Sequence[_Span], lex: RelationLexicon
) -> bool:
    """The sentence tells of arms or a deal (a weapon, an arms noun, a deal, a firm, a verb of
    making, selling or buying, a state the arms come "from"), and of no attack, war, threat or
    drill unless a word of a transfer holds as well ("Turkey will hand them over after a drill":
    the seller). A verb of giving followed by "to" and a verb promises something else
    ("pledged to help build a port"), no arms."""
    grammar = lex.grammar
    if grammar is None:  # language lexicons read their own guards (``_opening_at_war``)
        return True
    fld, _, start, end = sentence
    text = (art.title if fld == "title" else art.body)[start:end].lower()
    # the sentence's words as tokens are read ("_holds"), with where each starts
    line = [(str(x[1]), x[2]) for x in _sentence_symbols(art, sentence, lex) if x[0] == "word"]
    words = [w for w, _ in line]
    phrases = " " + " ".join(words) + " "
    # "to" before a state is the recipient ("supplied them to Kenya"), before a verb a purpose
    states = {s.start for s in spans if s.kind == "country"}
    infinitive = frozenset(
        a[0]
        for a, to, b in zip(line, line[1:], line[2:], strict=False)
        if to[0] == "to" and b[1] not in states
    )

    def holds(w: str, purpose: frozenset[str] = frozenset()) -> bool:
        return (f" {w} " in phrases) if " " in w else (w in words and w not in purpose)

    ties = frozenset().union(*(grammar.words(c) for c in _TIES_EN))
    hostile = frozenset().union(*(grammar.words(c) for c in HOSTILE_CLASSES)) - ties  # "group"
    tied = any(holds(w, infinitive) for w in ties)
    if not tied and any(holds(w) for w in hostile):
        return False
    # a state the arms come "from" is their origin ("expects five vessels from China")
    origin = any(text[max(0, x - start - 5) : x - start] == "from " for x in states)
    named = grammar.words("arms")
    arms = any(s.kind == "weapon" for s in spans) or any(holds(w, infinitive) for w in named)
    return tied or origin or arms


def _opening_other(
    buyer: str,
    tagged: TaggedArticle,
    sentences: list[tuple[str, int, int, int]],
    opening: range,
    per_sentence: Mapping[int, list[_Span]],
    lex: RelationLexicon,
    read: Collection[tuple[str, int, int, int]] = (),
) -> str | None:
    """The one state other than ``buyer`` that the ``opening`` sentences name, not as an
    adjective, never named in a sentence with the buyer (read there, it was no seller), and
    not only a dateline; None when there are two or none. ``read``: the sentences the lone
    buyer was read in."""
    art = tagged.article
    # states named beside the buyer anywhere: read there, they were no seller; in a language
    # lexicon, in a sentence other than the lone buyer's own (``read``), only where that
    # sentence tells of no transfer (``_tells_transfer``)
    beside = {
        s.ident
        for i, spans in per_sentence.items()
        if any(s.ident == buyer for s in spans if s.kind == "country")
        and not (
            lex.symbols_only
            and sentences[i] not in read
            and _tells_transfer(art, sentences[i], lex)
        )
        for s in spans
    }
    named = {
        s.ident
        for i in opening
        for s in per_sentence.get(i, ())
        if s.kind == "country" and not _adjective(s, sentences[i][0], art, lex)
    }
    others = named - {buyer} - beside
    if len(others) != 1:
        return None
    seller = next(iter(others))
    ent = next((e for e in tagged.entities if e.type == "country" and e.id == seller), None)
    return None if ent is None or _dateline_only(ent, art) else seller


# a language's classes of a transfer's words (its triggers), as common.yaml lists them
_TRANSFER = ("buy", "receive", "sell", "buy_noun", "sell_noun", "deal", "arrive", "sold")


def _tells_transfer(
    art: Article, sentence: tuple[str, int, int, int], lex: RelationLexicon
) -> bool:
    """A language lexicon's sentence holds a word of a transfer (a trigger's class: buying,
    receiving, selling, a deal, arms arriving). A state named there beside the lone buyer
    that read no pair is not ruled out as its seller by being named there: the sentence tells
    of a transfer the reader did not pair ("РОССИЯ ПЕРЕДАСТ ВЬЕТНАМУ" in capitals,
    "negotiations with X on a contract for tanks", the two sides' officers at the arrival),
    while a state beside the buyer in a sentence of no transfer is a foe or a partner."""
    classes = lex.word_classes
    return classes is not None and any(
        x[0] == "word" and classes.any(_TRANSFER, x[1])
        for x in _sentence_symbols(art, sentence, lex)
    )


def _opening_at_war(
    seller: str,
    buyer: _Orphan,
    tagged: TaggedArticle,
    sentences: list[tuple[str, int, int, int]],
    opening: range,
    per_sentence: Mapping[int, list[_Span]],
    lex: RelationLexicon,
) -> bool:
    """The opening or the buyer's sentence tells of an exercise or a deployment (own forces,
    no transfer; the ``drill`` class), or the seller's own sentences in the opening attack:
    a state attacking or at war there is the buyer's foe, whatever city it strikes ("Russia
    shelled Kharkiv. Ukraine gets howitzers."; the ``attack`` class)."""
    art = tagged.article
    if any(
        _holds(art, s, lex.drills, lex) for s in [sentences[i] for i in opening] + [buyer.sentence]
    ):
        return True
    told = [
        sentences[i] for i in opening if any(s.ident == seller for s in per_sentence.get(i, ()))
    ]
    return any(_holds(art, s, lex.attacks, lex) for s in told)


def _holds(
    art: Article, sentence: tuple[str, int, int, int], words: frozenset[str], lex: RelationLexicon
) -> bool:
    """The sentence holds one of ``words`` (a language class, folded)."""
    return any(x[0] == "word" and x[1] in words for x in _sentence_symbols(art, sentence, lex))


def _sentence_symbols(
    art: Article, sentence: tuple[str, int, int, int], lex: RelationLexicon
) -> list[Symbol]:
    """The symbol line of one of the article's sentences, its words folded as tokens are read
    (no country or weapon spans: the guards read words and arms)."""
    fld, _, start, end = sentence
    return _symbols(art.title if fld == "title" else art.body, start, end, [], lex)[0]


def _adjective(span: _Span, fld: str, art: Article, lex: RelationLexicon) -> bool:
    """The country mention is an adjective ("ambizioni turche", "russische Angriffe"): it
    qualifies something else, it names no party of its own."""
    text = art.title if fld == "title" else art.body
    return lex.adjectives is not None and lex.adjectives(text[span.start : span.end])


def _named_with_arms(
    tagged: TaggedArticle, state: str, lex: RelationLexicon, words: frozenset[str] | None = None
) -> bool:
    """``state`` is named in a sentence with a transfer word or arms, or in the body sentence
    before one ("La Grèce a hésité. Le pays achète des frégates"): a buyer the article is about,
    not a state its headline names only as a target or a party to a dispute ("Ukraine reports
    new attacks" over a seller's delivery to another). With ``words``, only one of those words
    counts (no arms, no other transfer word)."""
    art = tagged.article
    ent = next((e for e in tagged.entities if e.type == "country" and e.id == state), None)
    if ent is None:
        return False
    spans = sentence_spans(tagged)
    for n, (fld, _, start, end) in enumerate(spans):
        if not any(m.field == fld and start <= m.start < end for m in ent.mentions):
            continue
        after = spans[n + 1 : n + 2] if fld == "body" else []
        for sentence in [(fld, 0, start, end), *after]:
            if words is not None:
                if _holds(art, sentence, words, lex):
                    return True
            elif any(
                x[0] == "weapon" or (x[0] == "word" and x[1] in lex.triggers)
                for x in _sentence_symbols(art, sentence, lex)
            ):
                return True
    return False


# English seller cues that show no sale to anyone (with ``MAKER_OF`` and ``ORIGIN_CUE``, where
# the arms were made): a deal's other party, who may be the buyer; a blocker; and nouns that
# carry relief goods as often as arms ("relief supplies from the US came in"), which count only
# in a cue of the noun, not of a verb's subject ("the United States supplies 20 vehicles").
_UNSURE_SELLER = ("counterpart", "with'", BLOCKER)
_RELIEF_NOUNS = ("supplies", "'aid", "assistance")
_SUBJECT_CUE = "subject of"


def _unsure_seller(cue: Cue) -> bool:
    """The English reader's cue does not show its state selling (``_lead_buyer_pairs``)."""
    return (
        cue.role != "supplier"
        or cue.cue.startswith((MAKER_OF, ORIGIN_CUE))
        or any(w in cue.cue for w in _UNSURE_SELLER)
        or (not cue.cue.startswith(_SUBJECT_CUE) and any(w in cue.cue for w in _RELIEF_NOUNS))
    )


def _dateline_only(ent: Entity, art: Article) -> bool:
    """Every mention of the state is a dateline (``dateline.dateline_at``): where the report
    was filed, not what it is about."""
    return bool(ent.mentions) and all(
        dateline_at(art.title if m.field == "title" else art.body, m.start, m.end)
        for m in ent.mentions
    )


def _names_seller(cue: Cue, state: str, unsure: set[str]) -> bool:
    """``cue`` reads ``state`` as the one selling: its pattern is none of ``unsure``, those
    naming only where the arms were made, or only the other party of a deal ("صفقات مع
    السعودية": a deal with a buyer, too)."""
    return cue.country == state and cue.cue not in unsure


def makers_apart(symbols: list[Symbol], weapons: list[_Span], joins: frozenset[str]) -> bool:
    """``weapons`` (of the sentence's ``symbols``) have two makers and are not named in one
    list, only arms and ``joins`` words between them ("an order for A-made jets frees B-made
    tanks for C", not "received A-made jets and B-made tanks"): with no parse, the sentence
    does not say which of them is sold."""
    if len({w.origin for w in weapons}) < 2:
        return False
    ids = {id(w) for w in weapons}
    named = [(k, s[1]) for k, s in enumerate(symbols) if s[0] == "weapon" and id(s[1]) in ids]
    return any(
        not all(x[0] == "weapon" or (x[0] == "word" and x[1] in joins) for x in symbols[a + 1 : b])
        for (a, _), (b, _) in itertools.pairwise(named)
    )


def _makers_apart_guard(symbols: list[Symbol], weapons: list[_Span], joins: frozenset[str]) -> bool:
    """``makers_apart`` as the pair reader asks it: only when the guard is switched on."""
    return on(MAKERS_APART) and makers_apart(symbols, weapons, joins)


# the pair reader runs the fills through what it is given (it cannot import this module)
pairs.use_fills(pairs.ContextFills(fill, _makers_apart_guard))
