"""Roles of the parties to a transfer, read from a dependency parse of one sentence.

What holds across reporting is grammar, not word order: the subject of *buy* is the buyer
whatever stands between them; the object of *supply* is the recipient ("supplied Ukraine with");
``from X`` names the supplier and ``to X`` the recipient of a sale, a delivery or a weapon; the
agent of a passive sale ("were delivered to X by Y") is the supplier; a possessive or adjective on
a purchase noun is the buyer ("Turkey's purchase"), on a sale noun the seller, on a weapon its
origin ("Russian S-400"). A party named through its government, army or ministry ("the Indian
Army ordered") takes the role of that phrase, and every member of a coordination takes the role
of the first ("to Greece and Cyprus"). ``with Y`` on a deal or a signing is the counterpart of the
subject: the seller when the subject buys, the buyer when it sells, else decided by the weapon's
origin or by which side is a company.

Word classes come from the relation lexicon (``classes`` in data/rules/relations/*.yaml); this
module only walks the tree. Each role comes with the words that gave it, for the evidence.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .dateline import read_dateline

RECIPIENT, SUPPLIER, THIRD, PARTY = "recipient", "supplier", "third", "party"
_OPPOSITE = {RECIPIENT: SUPPLIER, SUPPLIER: RECIPIENT}
_CLIMB_MODIFIER = ("compound", "amod", "poss", "nmod", "npadvmod", "nummod")
_SUBJECTS = ("nsubj", "csubj", "expl")
# Not ccomp: in "officials said Russia received drones" the officials receive nothing.
# "the government of X", "officials from X", "an air base in X": X stands behind the noun.
_NOUN_PREPS = ("of", "from", "in")
_CLAUSE_EDGES = ("ROOT", "ccomp", "relcl", "parataxis", "csubj")
_PRONOUNS = ("it", "they", "we", "she", "he")
_THIRD_PLURAL_IT = ("it", "they")  # a pronoun that may stand for a state in any clause
_BACK_NOUNS = ("country", "nation", "kingdom", "government", "republic", "state")
# "the Air Force will get trainers from A, transports from B and helicopters from C": a
# force named with "the" and no state is the article's buyer's own (its state is no actor)
_BACK_FORCES = ("force", "army", "navy")
# "his country", "our nation", "the country": the state of someone the sentence names
_OWN_STATE_DETS = ("his", "her", "its", "their", "our", "the")
# The key ``read_roles`` gives a buyer named only by "it", "they" or "the country": the article
# names it earlier, and the pair reader resolves it there (document context).
BACK = -1
# ... and the key of a seller the sentence names only as "the country" ("The country will also
# supply jets to Ukraine"): the seller the article already read, resolved by the pair reader.
BACK_SELLER = -2
RETIRED = "(retired arms)"  # the cue's ending for arms on their way out of a force
RIVAL = "(a rival in the choice)"  # the cue's ending for the maker of arms passed over
# the cue's ending for a state named only as the venue where arms change hands ("handed over at
# a ceremony in Senegal"): no bystander, often the buyer's own ground (``fills._bystander``)
VENUE = "(the venue of the transfer)"
SOLD_BEFORE = "(sold to the one handing on)"  # the cue's ending for an earlier seller
MAKER_OF = "maker of "  # the cue's prefix for a seller read from a maker's adjective ("US-made")
BLOCKER = "(the blocker)"  # the cue's ending for a government that can stop its own exports
# ... and for one that, beside another state named as the seller, blocks that state's sale
BLOCKS_ANOTHER = "(blocks another's sale)"
# the cue's ending for a buyer named "the country" in the object ("delivered jets to the
# country"): unresolved, the seller is one read alone, as it was before "the country" was read
BACK_OBJECT = "(in the object)"
# the cue's ending for "in X" after a seller ("from Airbus Military in Spain"): the seller's state
_SELLER_SEAT = " (the seller's state)"
# A country that takes no role and passes none on: the pair reader's coordination skips it.
NO_ROLE = "none"
_BE = ("is", "are", "was", "were", "be", "been", "being", "'s", "’s")  # no lemmas: not run
_FINITE_VERB = ("VBZ", "VBD", "VBP")  # a main verb with a subject of its own (not VBN, VBG, VB)
_FINITE = (*_FINITE_VERB, "MD")  # ... or a modal, which carries its verb's subject
_GOVERNED = ("xcomp", "advcl", "conj")
# "the third country to buy the jet after A and B": A and B are earlier buyers of the same arms
_ORDINALS = ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "latest")
_SHARES = ("first", "last", "rest", "one", "two", "three", "four")  # "the first of the jets"
_RELATIVE = ("that", "which", "who")  # a relative clause's subject that stands for its noun


@dataclass(frozen=True, slots=True)
class Actor:
    """A country, company or state body in the sentence (offsets relative to the sentence)."""

    start: int
    end: int
    country: str
    kind: str = "country"  # country | company | organization


@dataclass(frozen=True, slots=True)
class Weapon:
    start: int
    end: int
    origin: str | None


@dataclass(frozen=True, slots=True)
class Role:
    role: str
    cue: str
    anchor: int = -1  # token index of the verb or noun the role hangs on (parties pair up by it)
    weak: bool = False  # a blocker: the seller's government unless the sentence names a seller
    maker: bool = False  # from an origin adjective: the seller unless another seller is named
    clause: int = -1  # token index of the clause the role sits in (-1: fits any clause)
    gift: bool = False  # the recipient of a donation or hand-over: often second-hand arms


class Classes:
    """The lexicon's word classes as sets of lower-case words."""

    def __init__(self, classes: Mapping[str, Sequence[str]]) -> None:
        self._c = {k: frozenset(w.lower() for w in v) for k, v in classes.items()}

    def words(self, name: str) -> frozenset[str]:
        return self._c.get(name, frozenset())

    def has(self, name: str, word: str | None) -> bool:
        return word in self._c.get(name, ())

    def any(self, names: Sequence[str], word: str | None) -> bool:
        return any(word in self._c.get(n, ()) for n in names)


def read_roles(
    doc: Any, actors: Sequence[Actor], weapons: Sequence[Weapon], cls: Classes
) -> dict[int, Role]:
    """Role of each actor (by index) that the parse supports; actors without one are absent."""
    actors = [_without_article(doc, a) for a in actors]
    wtok: dict[int, Weapon] = {}
    for w in weapons:
        span = doc.char_span(w.start, w.end, alignment_mode="expand")
        for t in span or ():
            wtok[t.i] = w
    out: dict[int, Role] = {}
    # the tokens of the states named in the sentence, for tests that need "a state" where the
    # parse only says "a proper noun" (``_bought_for_a_state``)
    doc.user_data[_STATE_TOKENS] = {
        t.i
        for a in actors
        if a.kind == "country"
        for t in doc.char_span(a.start, a.end, alignment_mode="expand") or ()
    }
    doc.user_data[_WEAPON_TOKENS] = wtok  # for ``_gerund_takes_arms``, which has no wtok
    # the tokens of every actor (state, company, body), for ``_leased_out``'s lessee
    doc.user_data[_ACTOR_TOKENS] = {
        t.i for a in actors for t in doc.char_span(a.start, a.end, alignment_mode="expand") or ()
    }
    # each state token's ISO code, for tests that compare a state with a weapon's maker
    doc.user_data[_STATE_ISO] = {
        t.i: a.country
        for a in actors
        if a.kind == "country"
        for t in doc.char_span(a.start, a.end, alignment_mode="expand") or ()
    }
    _object_taken_for_subject(doc, cls)
    _verb_cut_off_by_aside(doc, cls)
    dateline = _dateline_end(doc)
    rival = any(passed_over(doc[i], cls) for i in wtok)
    for k, a in enumerate(actors):
        if a.end <= dateline:  # "MELBOURNE, Australia — …": where the report was filed
            continue
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if passed_over(span.root, cls):  # "picked A over B built by X": X sells nothing
            rival = True
            out[k] = Role(THIRD, f"'{span.text}' {RIVAL}")
            continue
        role = _role_of(span.root, a, wtok, cls)
        if role is None and _subject_after_list(span.root, cls):
            # "Peru ordered jets from Spain, and Chile is said to be keen": a clause of its own
            role = Role(NO_ROLE, f"'{span.text}' opens its own clause (after a list)")
        if role is not None:
            out[k] = role
    if rival:
        _rival_makers(out, doc, cls)
    _group_prefix(out, actors)
    _body_of_a_named_state(out, actors, doc)
    _seat_of_a_company(out, actors, doc)
    _joint_makers(out, actors, doc)
    _resolve_parties(out, actors, doc, wtok, cls)
    _own_state_subjects(out, actors, doc, cls)
    _subject_buys(out, actors, doc, cls)
    _maker_sells(out, actors)
    _bought_before(out, doc, cls)
    for k, r in list(out.items()):
        if r.maker and _sold_on_by_another(k, out, actors, doc, wtok, cls):
            out[k] = Role(THIRD, r.cue + " (sold on by another)")
    sellers = {actors[k].country for k, r in out.items() if r.role == SUPPLIER and not r.weak}
    sellers |= {w.origin for w in wtok.values() if w.origin}
    for k, r in list(out.items()):
        if r.weak and sellers - {actors[k].country}:
            out[k] = Role(THIRD, r.cue.replace(BLOCKER, BLOCKS_ANOTHER))
    back = _buyer_referred_back(out, doc, cls, wtok)
    if back is not None:
        own = _antecedent_in_sentence(back, out, actors, doc)
        if own is not None:  # "the Navy wants the submarine it is buying from China"
            out[own] = Role(RECIPIENT, f"{back.cue} = its subject", back.anchor)
        else:
            out[BACK] = back
    _speakers(out, actors, doc, cls)
    seller = None if BACK in out else _seller_referred_back(out, doc, cls, wtok)
    if seller is not None:
        out[BACK_SELLER] = seller
    for k, r in out.items():
        if r.anchor >= 0:
            head = doc[r.anchor]
            gift = r.role == RECIPIENT and cls.has("gift", _w(head))
            out[k] = replace(r, clause=_clause_of(head, wtok, cls), gift=gift)
    _makers_with_own_buyer(out)
    return out


_VERB_GROUP = ("aux", "auxpass", "advmod", "neg")  # what stands before a verb in its own group


def _object_taken_for_subject(doc: Any, cls: Classes) -> None:
    """Two clauses joined by "and" with no comma, the second subject a state right after the
    first clause's "from"/"to" list ("X bought jets from A and B ordered tanks from C"): the
    small parser often makes the first verb's object the subject of the second verb and B a
    member of the list, so B sells to X and the first clause's seller sits in the second clause.
    When a verb of transfer has no object, the noun right after it is the subject of a later verb
    hung on it, and a state of that noun's list stands right before that later verb (its
    auxiliaries and adverbs passed), the parse is repaired in place: the noun is the first verb's
    object, the state the later verb's subject, and the later verb a clause joined to the first.
    Idempotent (the repaired parse no longer has the shape); the cached parse keeps the repair."""
    states = doc.user_data.get(_STATE_TOKENS, ())
    for noun in doc:
        second = noun.head
        if noun.dep_ not in ("nsubj", "nsubjpass") or second.i < noun.i:
            continue
        if noun.left_edge.i == 0 or not second.tag_.startswith("VB"):
            continue
        first = doc[noun.left_edge.i - 1]
        if second.head.i != first.i or second.dep_ not in ("advcl", "ccomp", "conj"):
            continue
        if not first.tag_.startswith("VB") or not cls.any(("buy", "sell", "weak"), _w(first)):
            continue
        if any(c.dep_ in ("dobj", "dative", "nsubjpass") for c in first.children):
            continue
        # the later verb's group: its auxiliaries and adverbs before it ("is now getting")
        k = second.i
        while k - 1 > noun.i and doc[k - 1].head.i == second.i and doc[k - 1].dep_ in _VERB_GROUP:
            k -= 1
        if not any(t.tag_ in _FINITE for t in doc[k : second.i + 1]):
            continue
        member = doc[k - 1]
        while member.dep_ == "compound" and member.head.i > member.i:  # "South Korea"
            member = member.head
        if member.dep_ != "conj" or member.i not in states or noun not in member.ancestors:
            continue
        # the "and" (and a comma) that joined the state to the list now join the two clauses
        for t in reversed(doc[noun.i + 1 : member.left_edge.i]):
            if t.dep_ not in ("cc", "punct"):
                break
            t.head = first
        noun.head, noun.dep_ = first, "dobj"
        passive = any(c.dep_ == "auxpass" for c in second.children)
        member.head, member.dep_ = second, "nsubjpass" if passive else "nsubj"
        second.head, second.dep_ = first, "conj"


_ASIDE_MAX = 12  # the longest aside (in tokens) between a list's member and its own verb


def _after_aside(comma: Any) -> Any | None:
    """The token right after an aside that opens with ``comma`` and closes with the next comma
    (", which fears Turkey," ", a longtime rival,"), or None (no closing comma near)."""
    doc = comma.doc
    for t in doc[comma.i + 2 : min(len(doc) - 1, comma.i + 2 + _ASIDE_MAX)]:
        if t.text in (".", ";", ":"):
            return None
        if t.text == ",":
            return doc[t.i + 1]
    return None


def _verb_cut_off_by_aside(doc: Any, cls: Classes) -> None:
    """A state after a list and "and" (or a comma), then an aside set off by commas, then its
    own verb ("bought frigates from Italy, and Greece, which fears Turkey, signed for ..."): the
    small parser keeps the state on the list (a conj of the list or of its verb) and hangs the
    verb inside the aside, often tagged a participle, so the state reads as one more member of
    the list and the verb's arms and seller as the first clause's. When the first token after
    the aside (adverbs passed) is a finite verb, its auxiliary, or a participle with no agent
    ("…, delivered by ship" is one), and that verb has no subject of its own, the parse is
    repaired in place: the verb a clause joined to the list's verb, the state its subject, the
    aside on the state, a participle with no auxiliary a past tense. Idempotent (the state is
    then no conj)."""
    states = doc.user_data.get(_STATE_TOKENS, ())
    for tok in doc:
        if tok.i not in states or tok.dep_ != "conj" or tok.i + 1 >= len(doc):
            continue
        if doc[tok.i + 1].text != "," or not _after_list(tok, cls):
            continue
        after = _after_aside(doc[tok.i + 1])
        if after is None:
            continue
        close = after.i - 1  # the aside's closing comma
        while after.tag_ == "RB" and after.i + 1 < len(doc):
            after = doc[after.i + 1]  # "…, also ordered"
        if after.tag_ not in (*_FINITE, "VBN"):
            continue
        verb = after.head if after.dep_ in ("aux", "auxpass") else after
        if verb.i <= close or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "agent") for c in verb.children
        ):
            continue  # "…, both allies, said officials"; "…, delivered by ship"
        first = next((t for t in tok.ancestors if t.tag_.startswith("VB")), None)
        if first is None or first.i == verb.i:
            continue
        # the later verb made the head of the first ("bought … and B, its neighbour,
        # complained": "bought" a ccomp of "complained"): only the first's direct head
        raised = verb in first.ancestors
        if raised and first.head.i != verb.i:
            continue
        member = tok
        while member.dep_ == "conj" and member.head.i != member.i:
            member = member.head
        if member.dep_ in ("nsubj", "nsubjpass"):
            continue  # "A and B, both allies, signed": the list is the subject
        if raised:  # the first verb takes the later one's place
            root = verb.head.i == verb.i
            first.head, first.dep_ = (first, "ROOT") if root else (verb.head, verb.dep_)
        verb.head, verb.dep_ = first, "conj"
        # the "and" (and a comma) that joined the state to the list now join the two clauses
        k = tok.left_edge.i - 1
        while doc[k].text == "," or cls.has("clause_joins", _w(doc[k])):
            doc[k].head, k = first, k - 1
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        tok.head, tok.dep_ = verb, "nsubjpass" if passive else "nsubj"
        for t in doc[tok.i + 1 : close + 1]:  # the aside's words hung outside it: on the state
            if not tok.i < t.head.i <= close and t.head.i != tok.i:
                t.head = tok
        if verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            verb.tag_ = "VBD"  # a past tense the parser took for a participle


def _sold_on_by_another(
    k: int,
    out: dict[int, Role],
    actors: Sequence[Actor],
    doc: Any,
    wtok: dict[int, Weapon],
    cls: Classes,
) -> bool:
    """A maker read from an adjective next to a named seller of another state: that seller sells
    the maker's arms on ("Swiss-made shells … from Germany"), anywhere in the sentence. Not in
    the clause of a list member that opens its own ("A sells jets to B and C receives Chinese
    fighters": China sells to C), when the seller is outside it."""

    def clause(r: Role) -> int:
        return _clause_of(doc[r.anchor], wtok, cls) if r.anchor >= 0 else -1

    def root(a: Actor) -> Any:
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    mine = clause(out[k])
    own = mine >= 0 and _subject_on_list(doc[mine])
    return any(
        r.role == SUPPLIER
        and not (r.weak or r.maker)
        and actors[j].country != actors[k].country
        and not (own and clause(r) not in (-1, mine))
        and not _arms_beside_seller(root(actors[k]), root(actors[j]))
        for j, r in out.items()
    )


def _arms_beside_seller(maker: Any, seller: Any) -> bool:
    """The arms a maker's adjective qualifies are a conjunct of the seller's own name in the
    parse ("bought drones from A and B-made jets": "jets" hung on "A"): arms are no source, so
    they are a second object of the verb, bought from their maker, not sold on by the seller."""
    if maker is None or seller is None:
        return False
    noun = maker
    while noun.dep_ in ("amod", "npadvmod", "compound", "nmod") and noun.head != noun:
        noun = noun.head
    if noun.dep_ != "conj" or noun == maker:
        return False
    while noun.dep_ == "conj" and noun.head != noun:
        noun = noun.head
    return noun.i == seller.i


def _without_article(doc: Any, actor: Actor) -> Actor:
    """The actor without a leading "The" of its name ("The Philippines government", "The
    Netherlands' navy"): the parser hangs the article on the noun the name modifies, so the
    span's root would be the article and the name would take no role."""
    text = doc.text[actor.start : actor.end]
    if text[:4] in ("The ", "the ") and actor.end - actor.start > 4:
        return replace(actor, start=actor.start + 4)
    return actor


def _makers_with_own_buyer(out: dict[int, Role]) -> None:
    """A maker read from an adjective sells to the buyer of its own clause when that clause has
    one ("A's purchase of X comes as B bought the Russian Iskander": Russia sells to B, not to
    A); in a clause with no buyer of its own it fits any clause ("India signed a deal under
    which it will buy Russian S-400s")."""
    buyers = {r.clause for r in out.values() if r.role == RECIPIENT}
    for k, r in list(out.items()):
        if r.maker and r.clause >= 0 and r.clause not in buyers:
            out[k] = replace(r, clause=-1)


def _speakers(out: dict[int, Role], actors: Sequence[Actor], doc: Any, cls: Classes) -> None:
    """A state left with no role that is the subject of a verb of speaking or feeling ("Spain
    voiced anger over the plan to order tanks from Germany"): it talks of the transfer and is
    no side of it, a bystander, so no guess from elsewhere in the article makes it the buyer."""
    taken = {actors[k].country for k in out}  # a state with a role elsewhere keeps it alone
    for k, a in enumerate(actors):
        if k in out or a.kind != "country" or a.country in taken:
            continue
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        tok = span.root if span is not None and len(span) else None
        while tok is not None and tok.dep_ in ("compound", "amod", "poss"):
            tok = tok.head
        if tok is not None and tok.dep_ == "nsubj" and cls.has("say", _w(tok.head)):
            out[k] = Role(THIRD, f"subject of '{tok.head.text}' (a speaker)")


def _buyer_referred_back(
    out: dict[int, Role], doc: Any, cls: Classes, wtok: dict[int, Weapon]
) -> Role | None:
    """A seller but no buyer, and the buyer of the sentence is "it", "they" or "the country"
    ("It is also weighing an order for Chinese jets", "the Gulf state bought them from X"): the
    buyer is one the article already named, which only the article can tell. The role hangs
    on the buying verb; its ``cue`` names the words that refer back. Beyond the subject, only a
    state noun refers back ("delivered the jets to the country", "bought by the kingdom",
    "agreed to sell the island nation six boats"): its role is read as a named state's would
    be (``_role_of``); a pronoun there ("sold them to it") is too often the arms or a firm."""
    if any(r.role == RECIPIENT for r in out.values()):
        return None
    if not any(r.role == SUPPLIER and not r.weak for r in out.values()):
        return None
    for tok in doc:
        if not _refers_back(tok):
            continue
        end = ""
        if tok.dep_ in ("nsubj", "nsubjpass"):
            role = _role_as_subject(tok, cls)
        elif _w(tok) in _BACK_NOUNS and tok.dep_ in ("pobj", "dobj", "dative", "iobj"):
            role = _role_of(tok, Actor(tok.idx, tok.idx + len(tok.text), ""), wtok, cls)
            end = f" {BACK_OBJECT}"
        else:
            continue
        if role is not None and role.role == RECIPIENT:
            words = " ".join(t.text for t in tok.subtree)
            return Role(RECIPIENT, f"'{words}' (named earlier) {role.cue}{end}", role.anchor)
    return None


def _seller_referred_back(
    out: dict[int, Role], doc: Any, cls: Classes, wtok: dict[int, Weapon]
) -> Role | None:
    """A buyer but no seller, and the sentence's seller is its subject "the country", "the
    Nordic nation", "the kingdom" (a state noun with "the"): a state the article already named,
    which only the article can tell ("A sells jets to B. The country will also supply some to
    C."). A pronoun is left alone: "it" that sells is as often a company or a ministry."""
    if any(r.role == SUPPLIER for r in out.values()):
        return None
    if not any(r.role == RECIPIENT for r in out.values()):
        return None
    for tok in doc:
        if _w(tok) not in _BACK_NOUNS or tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if not _refers_back(tok):
            continue
        # read as a named state's subject would be ("has promised to supply": the supplier)
        role = _role_of(tok, Actor(tok.idx, tok.idx + len(tok.text), ""), wtok, cls)
        if role is not None and role.role == SUPPLIER and not (role.weak or role.maker):
            words = " ".join(t.text for t in tok.subtree)
            return Role(SUPPLIER, f"'{words}' (named earlier) {role.cue}", role.anchor)
    return None


def _role_as_subject(tok: Any, cls: Classes) -> Role | None:
    """The role a subject token takes from its verb, passive subjects included."""
    if tok.dep_ == "nsubjpass":  # "it was supplied with": the one supplied
        head = tok.head
        if cls.has("sell", _w(head)):
            return Role(RECIPIENT, f"passive subject of '{head.text}'", head.i)
        return _raised_subject(head, cls)  # "it is set to receive"
    return _subject_role(tok.head, cls, passive=False)


def _own_state_subjects(
    out: dict[int, Role], actors: Sequence[Actor], doc: Any, cls: Classes
) -> None:
    """A transfer whose doer is "his country", "their nation" or "the country", said by someone
    the sentence places in a state ("The Slovak minister said his country had handed over jets
    to Ukraine", "Moroccan media say the country will acquire drones"): that
    state takes the role. Only a state named in the subject of a verb above the transfer, before
    it, and with no role of its own; an article-level referent is ``_buyer_referred_back``'s."""
    for tok in doc:
        if tok.dep_ not in ("nsubj", "nsubjpass") or not _names_own_state(tok):
            continue
        role = _role_as_subject(tok, cls)
        if role is None or role.role not in (RECIPIENT, SUPPLIER):
            continue
        k = _speaker_state(tok, out, actors, doc)
        if k is not None:
            words = " ".join(t.text for t in tok.subtree)
            out[k] = replace(role, cue=f"'{words}' (the speaker's state) {role.cue}")


def _names_own_state(tok: Any) -> bool:
    """A state noun with an owner or "the" and nothing else of its own ("his country", "our own
    nation", "the country"; not "the Swedish government", which names its state)."""
    if _w(tok) not in _BACK_NOUNS:
        return False
    owners = [d for d in tok.children if d.dep_ in ("poss", "det") and _w(d) in _OWN_STATE_DETS]
    rest = [d for d in tok.children if d not in owners and _w(d) != "own"]
    return bool(owners) and not rest


def _speaker_state(tok: Any, out: dict[int, Role], actors: Sequence[Actor], doc: Any) -> int | None:
    """The index of the state behind the speaker of ``tok``'s clause, the subject of the nearest
    verb above it that has one ("the Slovak minister", "an attaché at the Italian embassy",
    "Belarus's leader"), named before ``tok`` and with no role yet but a bystander's (nor its
    country); None when there is none or the nearest subject above names no state ("the
    minister said his country cancelled permits after finding that the country sold drones")."""
    speaker = next(
        (c for v in tok.head.ancestors for c in v.children if c.dep_ == "nsubj"),
        None,
    )
    if speaker is None:
        return None
    # a place inside the speaker's phrase ("an attaché at the Italian embassy") is read as a
    # bystander's "at X"; it is the speaker's state all the same
    free = {j for j, r in out.items() if r.role == THIRD}
    taken = {actors[j].country for j in out if j not in free}
    for k, a in enumerate(actors):
        if (k in out and k not in free) or a.kind != "country" or a.country in taken:
            continue
        if a.start >= tok.idx:
            continue
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        t = span.root if span is not None and len(span) else None
        for _ in range(6):  # climb out of the noun phrase that holds the state
            if t is None or t.dep_ not in (*_CLIMB_MODIFIER, "appos", "pobj", "prep"):
                break
            if t.dep_ == "pobj" and _w(t.head) not in (*_NOUN_PREPS, "at"):
                break
            t = t.head
        if t is not None and t.i == speaker.i:
            return k
    return None


def _antecedent_in_sentence(
    back: Role, out: dict[int, Role], actors: Sequence[Actor], doc: Any
) -> int | None:
    """The actor that "it" refers to inside the sentence: the buying verb sits in a relative
    or complement clause under a verb whose subject is a state with no role yet ("The Thai Navy
    insists on engines for the submarine it is buying from China"). Its index, or None."""
    if back.anchor < 0:
        return None
    above = {t.i for t in doc[back.anchor].ancestors}
    for k, a in enumerate(actors):
        if k in out or a.kind != "country" or a.country in {actors[j].country for j in out}:
            continue
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        tok = span.root if span is not None and len(span) else None
        while tok is not None and tok.dep_ in ("compound", "amod", "poss"):
            tok = tok.head
        if tok is not None and tok.dep_ == "nsubj" and tok.head.i in above and tok.i < back.anchor:
            return k
    return None


def _dateline_end(doc: Any) -> int:
    """The character offset where a dateline ends ("ANKARA, Turkey —", "MELBOURNE, Australia -"):
    a city in capitals first, then capitalised places, then a dash (``dateline``); -1 when
    there is none. A designation first ("S-400 ...") is no city."""
    first = doc[0] if len(doc) else None
    if first is None or not first.is_alpha:
        return -1
    after = ((t.text, t.idx) for t in doc[1:])
    dateline = read_dateline(doc.text, first.idx, first.idx + len(first.text), after)
    return -1 if dateline is None else dateline.end


def _group_prefix(out: dict[int, Role], actors: Sequence[Actor]) -> None:
    """A company name right before another, a space between ("BAE Hägglunds", a group's name
    on its subsidiary's): one company, the one the last name tells; the group's state is
    not a second seller."""
    for k, a in enumerate(actors):
        if k not in out or a.kind != "company":
            continue
        if any(b.kind == "company" and b.start == a.end + 1 for b in actors):
            del out[k]


# what stands between a state and the body it owns: "Kenya's", "Kenya’s", "Lithuanian "
_OWNER_GAPS = (" ", "'s ", "’s ", "' ", "’ ")


def _body_of_a_named_state(out: dict[int, Role], actors: Sequence[Actor], doc: Any) -> None:
    """A state body whose gazetteer name is generic ("Department of Defense", the Pentagon's
    alias) right after another state's adjective or possessive ("the Lithuanian Department of
    Defense", "Kenya's Department of Defense"): that state's own body, which the state's word
    already reads; the gazetteer's state is no second party. The owner's word takes the body's
    role when it has none of its own."""
    text = doc.text
    for k, a in enumerate(actors):
        if k not in out or a.kind != "organization":
            continue
        owner = next(
            (
                j
                for j, b in enumerate(actors)
                if b.kind == "country"
                and b.country != a.country
                and b.end < a.start
                and text[b.end : a.start] in _OWNER_GAPS
            ),
            None,
        )
        if owner is None:
            continue
        role = out.pop(k)
        out.setdefault(owner, role)


def _seat_of_a_company(out: dict[int, Role], actors: Sequence[Actor], doc: Any) -> None:
    """ "in X" read as the seat of the seller before it (``_phrase_continued``) holds only when
    that seller is a company ("from Airbus Military in Spain"): after a state, "in X" is a
    place ("drones bought from Iran in Ukraine": where they were used). A company with no home
    state in the gazetteer is no actor: a proper name that is no state's stands for it."""
    companies: set[int] = set()
    states: set[int] = set()
    for a in actors:
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is not None:
            (companies if a.kind == "company" else states).update(t.i for t in span)
    for k, r in list(out.items()):
        if not r.cue.endswith(_SELLER_SEAT):
            continue
        span = doc.char_span(actors[k].start, actors[k].end, alignment_mode="expand")
        tok = span.root if span is not None and len(span) else None
        while tok is not None and tok.dep_ == "conj" and tok.head != tok:
            tok = tok.head  # "in Spain and Italy"
        prep = tok.head if tok is not None and tok.dep_ == "pobj" else None
        seller = doc[prep.i - 1] if prep is not None and prep.i > 0 else None
        if seller is None or not (
            seller.i in companies or (seller.tag_.startswith("NNP") and seller.i not in states)
        ):
            out[k] = Role(THIRD, f"'{_w(prep) if prep is not None else 'in'}' (a place)")


def _joint_makers(out: dict[int, Role], actors: Sequence[Actor], doc: Any) -> None:
    """Two origins joined by a hyphen ("French-Italian SAMP/T systems", "a German-Dutch
    tank"): a state with no role of its own makes the arms with the one beside it that is read
    as their maker."""
    tokens: dict[int, int] = {}
    for k, a in enumerate(actors):
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is not None and len(span) == 1:
            tokens[span.root.i] = k
    for i, k in tokens.items():
        if k in out:
            continue
        for j in (i - 2, i + 2):  # the other origin, a hyphen between
            other = tokens.get(j)
            if other is None or not 0 <= min(i, j) + 1 < len(doc):
                continue
            r = out.get(other)
            if doc[min(i, j) + 1].text == "-" and r is not None and r.maker:
                out[k] = replace(r, cue=r.cue + f" (with '{doc[j].text}')")
                break


def _bought_before(out: dict[int, Role], doc: Any, cls: Classes) -> None:
    """A seller read from "from" in a clause of buying or receiving on the arms that another
    verb sends on to a buyer ("will send Kenya the jets it bought from Brazil", "hands over the
    rifles received from X"): it sold them to the one who hands them on, earlier, not to the
    buyer the sentence names: a bystander here."""
    for k, r in list(out.items()):
        if r.role != SUPPLIER or r.anchor < 0:
            continue
        verb = doc[r.anchor]
        if verb.dep_ not in ("acl", "relcl") or not cls.has("buy", _w(verb)):
            continue
        # the verb the arms hang on (tags only: the pipeline runs no attribute ruler)
        main = next((a for a in verb.head.ancestors if a.tag_.startswith("VB")), None)
        if main is None or not cls.has("sell", _w(main)):
            continue
        if any(b.role == RECIPIENT and b.anchor == main.i for b in out.values()):
            out[k] = Role(THIRD, f"{r.cue} {SOLD_BEFORE}")


def _maker_sells(out: dict[int, Role], actors: Sequence[Actor]) -> None:
    """A company read as a buyer next to a state buyer is the maker that books the order
    ("Embraer confirms Paraguay order for six Super Tucanos"): arms makers sell, states buy."""
    if any(r.role == SUPPLIER for r in out.values()):
        return
    buyers = [k for k, r in out.items() if r.role == RECIPIENT]
    for k in buyers:
        a = actors[k]
        if a.kind == "company" and any(
            actors[j].kind != "company" and actors[j].country != a.country for j in buyers
        ):
            out[k] = Role(SUPPLIER, out[k].cue + " (a maker booking the order)", out[k].anchor)


def _clause_of(tok: Any, wtok: dict[int, Weapon] | None = None, cls: Classes | None = None) -> int:
    """The clause a word belongs to: climb until a clause boundary (the root, a complement or
    adverbial clause, a relative clause, a coordinated verb), so that "Iran sends drones to Russia
    while the US gives jets to Ukraine" pairs Iran with Russia only. A relative clause on the
    arms themselves tells of the same transfer ("took delivery of gunships that the government
    ordered from Russia") and stays in its head's clause. So does the subject of a clause marked
    "for" ("a deal for 180 tanks from Korea to replace its old ones"): it is the object of "for",
    the arms of the deal, and only the rest of the infinitive is a clause of its own."""
    for _ in range(12):
        if tok.head == tok:
            return tok.i
        if tok.dep_ in _SUBJECTS and _for_clause(tok.head):
            tok = tok.head.head  # past the "for" clause, to the word it hangs on
            continue
        if _starts_clause(tok) and not (tok.dep_ == "relcl" and _arms_noun(tok.head, wtok or {})):
            return tok.i
        if cls is not None and _owned_event(tok, cls):
            return tok.i
        tok = tok.head
    return tok.i


def _for_clause(verb: Any) -> bool:
    """An infinitive clause marked "for" that hangs on another word ("a deal for tanks to
    replace", parsed with "for" as its mark and the tanks as its subject, or with "for" a
    preposition left without its object right before that subject)."""
    if verb.head == verb or verb.dep_ not in ("advcl", "acl", "relcl"):
        return False
    if any(m.dep_ == "mark" and _w(m) == "for" for m in verb.children):
        return True
    doc = verb.doc
    return any(
        s.dep_ in _SUBJECTS
        and s.left_edge.i > 0
        and _w(doc[s.left_edge.i - 1]) == "for"
        and not any(c.dep_ == "pobj" for c in doc[s.left_edge.i - 1].children)
        for s in verb.children
    )


def _owned_event(tok: Any, cls: Classes) -> bool:
    """A noun with a state as its possessor inside a prepositional phrase ("in reply to India's
    acquisition of Rafale jets from France", "after Egypt's purchase"): an event of that state's
    own, a clause of its own, so its seller is not the main clause's ("Pakistan inducted J-10C
    jets in reply to ..." buys nothing from France). Only a noun of buying or selling: "44 of
    Germany's tanks" names their maker; and only the event with what it moves ("of" jets): "the
    head of Spain's arms exporter" names a body, who speaks in the main clause."""
    if tok.dep_ != "pobj" or not cls.any(("buy_noun", "sell_noun"), _w(tok)):
        return False
    if not any(c.dep_ == "prep" and _w(c) == "of" for c in tok.children):
        return False
    states = tok.doc.user_data.get(_STATE_TOKENS, ())
    return any(c.dep_ == "poss" and c.i in states for c in tok.children)


def _arms_at(tok: Any, wtok: dict[int, Weapon], cls: Classes) -> bool:
    """A weapon, or a generic head noun whose modifiers name the arms ("an Israeli air defence
    system", "Korean-built rocket artillery systems"): an origin on it is the arms' maker. Not
    "Russian air defence units" (troops) nor "batteries": only ``arms_head`` nouns."""
    if tok.i in wtok:
        return True
    return cls.any(("arms", "arms_head"), _w(tok)) and _arms_noun(tok, wtok)


def _names_arms(noun: Any, wtok: dict[int, Weapon], cls: Classes, hops: int = 2) -> bool:
    """A weapon or an arms word, directly or through "of" phrases ("the first ship of a new
    class of corvette", "a batch of howitzers")."""
    if noun.i in wtok or cls.any(("arms", "hull"), _w(noun)):
        return True
    if hops == 0:
        return False
    return any(
        o.dep_ == "pobj" and _names_arms(o, wtok, cls, hops - 1)
        for p in noun.children
        if p.dep_ == "prep" and _w(p) == "of"
        for o in p.children
    )


def _weapon_at(noun: Any, wtok: dict[int, Weapon]) -> Weapon | None:
    if noun.i in wtok:
        return wtok[noun.i]
    return next((wtok[c.i] for c in noun.children if c.i in wtok), None)


def _arms_noun(tok: Any, wtok: dict[int, Weapon]) -> bool:
    """A weapon, or the head noun of one ("Mi-35M helicopter gunships", "rocket artillery
    systems" where the arms words are the modifiers)."""
    if tok.i in wtok:
        return True
    return any(c.i in wtok for c in tok.children if c.dep_ in ("compound", "amod", "nmod"))


def _starts_clause(tok: Any) -> bool:
    # A purpose infinitive ("signed a deal to buy") or a verb sharing its subject ("signed and
    # will buy") stays in its clause; "while …", "after …" or a verb with its own subject does not.
    if _subject_on_list(tok):  # whatever its dep: "… to A and B receives" (an advcl, a conj)
        return True
    if tok.dep_ == "conj" and _agentless_more(tok):
        return False
    if tok.dep_ in ("advcl", "conj"):
        return any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in tok.children)
    if tok.dep_ == "ccomp" and any(
        c.dep_ in _SUBJECTS and _refers_back(c) for c in tok.children
    ):  # "Russia's exporter said that the country delivered missiles to Iran": one actor
        return False
    return tok.dep_ in _CLAUSE_EDGES


def _agentless_more(verb: Any) -> bool:
    """A passive verb joined to the one before it with no "by" agent, whose subject names no
    state ("sold two jets to A, and three more were delivered to B", "and the rest have been
    given to B"): the same seller hands over more, so it stays in that verb's clause."""
    if not verb.tag_.startswith("VB") or not verb.head.tag_.startswith("VB"):
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")]
    if len(subjects) != 1 or subjects[0].dep_ != "nsubjpass":
        return False
    states = verb.doc.user_data.get(_STATE_TOKENS, ())
    return not any(t.i in states for t in subjects[0].subtree)


def _refers_back(tok: Any) -> bool:
    """A subject that names no one new: a pronoun or "the country" / "the kingdom"."""
    w = _w(tok)
    if w in _PRONOUNS:
        return True
    back = w in _BACK_NOUNS or w in _BACK_FORCES
    return back and any(d.dep_ == "det" and _w(d) == "the" for d in tok.children)


def _subject_buys(out: dict[int, Role], actors: Sequence[Actor], doc: Any, cls: Classes) -> None:
    """A seller but no buyer: the subject of the main clause is the buyer ("Serbia presented the
    FK-3 system procured from China"), unless it already has a role."""
    roles = {r.role for r in out.values()}
    if RECIPIENT in roles or SUPPLIER not in roles:
        return
    taken = {actors[k].country for k in out}
    # A seller named only as the arms' maker ("Israel's Barak system") sells to the subject of
    # its own clause: not to Ankara in "… with Israel's Barak system; Ankara yet to respond".
    maker_clauses: set[int] | None = None
    if all(r.maker for r in out.values() if r.role == SUPPLIER):
        maker_clauses = set()
        for k, r in out.items():
            span = doc.char_span(actors[k].start, actors[k].end, alignment_mode="expand")
            if r.role == SUPPLIER and span is not None and len(span):
                maker_clauses.add(_clause_of(span.root))
    dateline = _dateline_end(doc)  # "WASHINGTON, May 2 (agency) - …": where it was filed
    buyer = None  # the subject token read as the buyer: its other members buy too
    for k, a in enumerate(actors):
        if k in out or a.country in taken or a.end <= dateline:
            continue
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        tok = span.root if span is not None and len(span) else None
        while tok is not None and tok.dep_ in ("compound", "amod", "poss", "conj"):
            tok = tok.head
        if tok is None or (buyer is not None and tok.i != buyer.i):
            continue
        if buyer is not None or (
            _main_subject(tok, cls)
            # nor one using arms on a foe ("combat": "X attacked the ports; Y used guns
            # supplied by Z")
            and not cls.any(("threat", "veto", "say", "act", "fire", "combat"), _w(tok.head))
            and not (cls.has("induct", _w(tok.head)) and not _takes_arms(tok.head, cls))
            and (maker_clauses is None or _clause_of(tok) in maker_clauses)
        ):
            # "A, B or C asked Russia for arms": every member of the subject is a buyer
            # (issue 12: a list keeps each member's role), not its first alone
            out[k] = Role(RECIPIENT, f"subject of '{tok.head.text}' beside a seller")
            buyer = tok


def _main_subject(tok: Any, cls: Classes) -> bool:
    """The subject of the sentence's main clause, as the buyer beside a seller: the subject of
    the root verb, the subject a passive root raises into its infinitive ("Finland's ministry is
    set to decide on …", "is expected to buy"), or the subject of the clause a verb of saying
    reports ("officials said Peru is looking at …"): who speaks is no party, who acts is."""
    verb = tok.head
    main = verb.dep_ == "ROOT" or (
        verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT" and cls.has("say", _w(verb.head))
    )
    raised = tok.dep_ == "nsubjpass" and any(c.dep_ == "xcomp" for c in verb.children)
    return main and (tok.dep_ == "nsubj" or raised)


def _is_noun(tok: Any) -> bool:
    # Fine-grained tags: the attribute ruler that would fill ``pos_`` is not run (cost).
    return tok.tag_.startswith("NN")


def _w(tok: Any) -> str:
    return tok.lower_


def _role_of(tok: Any, actor: Actor, wtok: dict[int, Weapon], cls: Classes) -> Role | None:
    """Climb from the actor's token to the word its role hangs on, then read the relation."""
    seen = 0
    while tok.head != tok and seen < 8:
        seen += 1
        dep, head = tok.dep_, tok.head
        glossed = _member_before_gloss(tok) if dep in ("conj", "npadvmod") else None
        if glossed is not None:  # "to Egypt (in 2015) and Qatar": Qatar plays Egypt's part
            tok = glossed
            continue
        if dep == "conj":  # "to Greece and Cyprus": Cyprus plays Greece's part
            verb = _opens_clause(tok, actor)
            if verb is not None:  # "sells tanks to A and B buys jets": B is "buys"'s subject
                own = _subject_role(verb, cls, passive=False)
                if own is None or own.role not in (RECIPIENT, SUPPLIER):
                    return Role(NO_ROLE, f"'{tok.text}' opens its own clause")
                return replace(own, cue=own.cue + " (its own clause)")
            tok = _as_well_as_phrase(tok) or head
            continue
        if (
            dep in ("compound", "nmod")
            and _dative_as_compound(tok, head, cls)
            and not _makes_the_arms(actor, head, wtok)
        ):
            verb = tok.doc[tok.left_edge.i - 1]
            return Role(RECIPIENT, f"'{verb.text} {tok.text} …' (the one it is sent to)", verb.i)
        source = _source_as_compound(tok, head) if dep in ("compound", "nmod") else None
        if source is not None:  # "ordered from Moldova six jets": Moldova is the object of "from"
            role = _prep_role(source, cls, wtok)
            if role is not None:
                return replace(role, cue=role.cue + " (the arms named after it)")
        renamed = _renamed_noun(tok, actor) if dep == "appos" else None
        if renamed is not None:  # "a sale to a Gulf nation, Saudi Arabia": the nation's part
            tok = renamed
            continue
        if dep == "appos":
            verb = _subject_hung_on_list(tok)
            if verb is not None:
                role = _subject_role(verb, cls, passive=False)
                if role is None:
                    return None
                return replace(role, cue=role.cue + " (subject hung on a list)")
        subject = _list_before_subject(tok)
        if subject is not None:  # "A, B, C are some of the buyers": A is a subject too
            tok = subject
            continue
        # "Korean-built systems" is parsed with the adjective as an adverb of "built".
        made_adverb = dep == "advmod" and cls.has("made", _w(head))
        if _misread_subject(tok, head):  # "Chile, Peru weigh joint purchase of …"
            role = _subject_role(head, cls, passive=False)
            return replace(role, cue=role.cue + " (a subject read as a modifier)") if role else None
        if dep in _CLIMB_MODIFIER or dep == "appos" or made_adverb:
            if dep != "appos" and cls.has("currency", _w(head)):  # "22 million U.S. dollars"
                return Role(NO_ROLE, f"'{tok.text} {head.text}' (a currency)")
            # "Russia's neighbour Estonia", "the Russian ally Belarus" (and "Russia´s" as the
            # parser reads a wire report's accent for an apostrophe: one adjective), "the US
            # ally Israel" (a name before the noun, a compound)
            if dep in ("poss", "amod", "compound") and _kin_noun(head, cls):
                return Role(THIRD, f"'{tok.text}'s {head.text}' (names another state)")
            if dep == "poss" and _local_affiliate(head, cls):
                return Role(THIRD, f"'{tok.text}'s {head.text}' (the affiliate acts)")
            if cls.has("era", _w(head)):  # "Soviet-era tanks": when they were made, not who sells
                return Role(THIRD, f"'{tok.text}-{head.text}'")
            if dep != "poss" and cls.has("bygone", _w(tok)):  # "Soviet-made", "Soviet successor"
                return Role(THIRD, f"'{tok.text}-{head.text}'")
            candidate = _candidate_arms(head, cls) if dep == "poss" else None
            if candidate is not None:
                tok = candidate  # "narrowed its choice to Sweden's Gripen": a candidate's make
                continue
            noun = _on_noun(tok, head, actor, wtok, cls)
            if noun is not None:
                return noun
            if head.i in wtok:  # "India's Rafale jets": an owner, not an origin
                return None
            if cls.any(("arms", "mod"), _w(head)):
                return None  # "Soviet-made air defence systems": a thing, not a state's agent
            if dep != "poss" and cls.has("theatre", _w(head)):
                return None  # "drones for the China border": a place ("Russia's war": an actor)
            tok = head  # "the Turkish government", "India's defence ministry"
            continue
        if dep == "pobj" and _along_with(tok) is not None:  # "A, along with B, supplied"
            tok = _along_with(tok)
            continue
        if dep == "pobj" and _as_well_as_phrase(tok) is not None:  # "to Iraq as well as Jordan"
            tok = _as_well_as_phrase(tok)
            continue
        if dep == "pobj" and _names_members(head):
            # "to several countries, including Hungary", "to buyers such as Peru": the members
            # named play the part of the noun they belong to, as an apposition does
            tok = head.head
            continue
        if dep == "pobj" and _w(head) in _NOUN_PREPS and _is_noun(head.head):
            h = head.head
            if _w(head) == "of" and _local_affiliate(h, cls):  # "the Indian partner of X"
                return Role(THIRD, f"'{h.text} of' (the affiliate acts)")
            # ... but "bought a licence from Poland": what is bought comes from its seller
            bought = _w(head) == "from" and cls.any(("buy", "sell"), _w(h.head))
            if (
                h.i not in wtok
                and not bought
                # "ordered jets worth 300 million francs from X": X sells, the francs have no source
                and not _is_value(h, cls)
                and not _noun_class(h, cls)
                and not _transfer_word(h, wtok, cls, 0)
                and not (_w(head) in ("in", "of") and cls.has("theatre", _w(h)))  # "war in X"
            ):
                tok = h  # "the government of Turkey", "officials from Pakistan", "a base in Manila"
                continue
            if _w(head) == "of" and cls.has("theatre", _w(h)) and _armed_service(tok, cls):
                # "to improve operations of the Zambian Air Force": a force's own operations, no
                # place; its state uses the arms, no bystander
                return None
            if _w(head) in ("in", "of") and cls.has("theatre", _w(h)):
                # a place the arms are used in, a bystander ("rifles to militias in Yemen",
                # "drones for its invasion of Ukraine")
                return Role(THIRD, f"'{h.text} {head.text}' (a place)")
        break
    return _relation(tok, actor, wtok, cls)


def _armed_service(noun: Any, cls: Classes) -> bool:
    """A force of a state ("the Air Force", "its armed forces", the ``armed_service`` class in
    the singular)."""
    return cls.has("armed_service", _w(noun)) or cls.has("armed_service", _w(noun)[:-1])


def _hands_contract(verb: Any, cls: Classes) -> bool:
    """A verb of giving (the ``hand_contract`` class) whose object is a contract or an order
    ("handed a contract for frigates to A, B and C", "gave the order to Hanwha"): an award, the
    subject buys from those it goes to. Not a delivery verb, and not an order "of" goods: "the
    Netherlands delivered the last order of F-16 jets to Ukraine" hands over the goods
    (review)."""
    if not cls.has("hand_contract", _w(verb)):
        return False
    return any(
        c.dep_ == "dobj"
        and (cls.has("deal", _w(c)) or _w(c) in ("order", "orders"))
        and not any(p.dep_ == "prep" and _w(p) == "of" for p in c.children)
        for c in verb.children
    )


def _misread_subject(tok: Any, verb: Any) -> bool:
    """A proper name before a finite verb that the small parser hangs on it as a modifier
    ("nmod", "npadvmod") where a subject belongs: the verb has no subject ("Estonia and Finland
    plan jointly to buy"), or its subject follows the name after a comma, as headlines list
    the subjects ("Chile, Peru weigh joint purchase")."""
    if tok.dep_ not in ("nmod", "npadvmod") or tok.tag_ != "NNP" or tok.i > verb.i:
        return False
    if not _finite(verb):
        return False
    subjects = [c for c in verb.children if c.dep_ in (*_SUBJECTS, "nsubjpass")]
    if not subjects:
        return True
    comma = tok.doc[tok.i + 1]  # tok is before the verb: never the last token
    return len(subjects) == 1 and comma.text == "," and subjects[0].left_edge.i == comma.i + 1


def _finite(verb: Any) -> bool:
    """A verb with a subject of its own: finite itself, or a participle after a finite
    auxiliary ("has been supplying", "have ordered", "will buy")."""
    if verb.tag_ in _FINITE_VERB:
        return True
    return verb.tag_.startswith("VB") and any(
        c.dep_ == "aux" and c.tag_ in _FINITE for c in verb.children
    )


def _prep_objects(tok: Any, *preps: str) -> list[Any]:
    """The objects of ``tok``'s prepositions ``preps`` ("for" in "asked the US for jets")."""
    return [g for p in tok.children if _w(p) in preps for g in p.children if g.dep_ == "pobj"]


_STATE_TOKENS = "newswatch_state_tokens"  # Doc.user_data key, set by read_roles
_WEAPON_TOKENS = "newswatch_weapon_tokens"  # Doc.user_data key, set by read_roles
_STATE_ISO = "newswatch_state_iso"  # Doc.user_data key, set by read_roles: token index -> ISO3
_ACTOR_TOKENS = "newswatch_actor_tokens"  # Doc.user_data key, set by read_roles


def _bought_for_a_state(verb: Any) -> Any | None:
    """The state a buy verb buys for ("purchase NASAMS for Kyiv", "buy drones for Ukraine"):
    a bare proper name after "for" that the sentence names as a state, not a force ("for the
    Indian Navy", "for its army"), a programme ("for Project 75"), an alliance ("for NATO") nor
    a sum. The "for" may hang on the arms ("bought howitzers for Ukraine"). None otherwise."""
    states = verb.doc.user_data.get(_STATE_TOKENS, ())
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for p in [c for n in (verb, *objects) for c in n.children]:
        if p.dep_ != "prep" or _w(p) != "for":
            continue
        for o in p.children:
            bare = not any(c.dep_ in ("compound", "amod", "det", "poss") for c in o.children)
            if (
                o.dep_ == "pobj"
                and o.tag_ == "NNP"
                and bare
                and o.i in states
                and _w(o) not in _BACK_FORCES
            ):
                return o
    return None


def _leave_to_sell(noun: Any, cls: Classes) -> bool:
    """An object noun of approval whose infinitive is a sale ("permission … to sell the
    system to Germany", "approval to export"): the one given leave sells, the one giving it
    approves another's sale (unlike "approval to buy", where the approver sells)."""
    return (
        noun.dep_ == "dobj"
        and cls.has("approve", _w(noun))
        and any(c.dep_ == "acl" and cls.has("sell", _w(c)) for c in noun.children)
    )


def _kin_noun(noun: Any, cls: Classes) -> bool:
    """A noun of kinship between states ("neighbour", "ally"), or one such a word modifies
    ("neighbouring country"): its possessor describes the state named beside it, and takes no
    part in that state's deal."""
    if cls.has("kin", _w(noun)):
        return True
    return any(c.dep_ in ("amod", "compound") and cls.has("kin", _w(c)) for c in noun.children)


def _local_affiliate(noun: Any, cls: Classes) -> bool:
    """A subsidiary or licence partner with a state of its own ("Naval Group's Brazilian
    subsidiary", "the Indian licence partner of Saab"): that firm builds or sells, not its owner
    or licensor. A subsidiary named by no state ("a subsidiary of an Israeli company") is the
    owner's arm, and the owner's state the seller."""
    if not cls.has("affiliate", _w(noun)):
        return False
    states = noun.doc.user_data.get(_STATE_TOKENS, ())
    return any(c.dep_ in ("amod", "compound") and c.i in states for c in noun.children)


def _failed_attempt(verb: Any, cls: Classes) -> bool:
    """The transfer verb is what its governor says failed ("the maker failed to sell its fighter to
    A and B"): nothing changed hands, so neither side has a role."""
    return verb.dep_ == "xcomp" and verb.head != verb and cls.has("fail", _w(verb.head))


def _member_before_gloss(tok: Any) -> Any | None:
    """The list member before a gloss in parentheses ("sold jets to Egypt (in 2015) and Qatar
    (in 2019)", "to A, B (as the X) and C"): the parser hangs the member after the gloss on the
    verb as its conjunct, though it is a noun with no verb of its own. The member before the
    parentheses, or None. (It may also make it an adverb of the verb: "npadvmod".)"""
    doc, head = tok.doc, tok.head
    if not tok.tag_.startswith("NNP") or not head.tag_.startswith("VB"):
        return None
    if any(c.dep_ in (*_SUBJECTS, "aux", "dobj") for c in tok.children):
        return None  # "… and Qatar bought tanks": a clause of its own
    i = tok.left_edge.i - 1
    while i >= 0 and (doc[i].dep_ == "cc" or doc[i].text == ","):
        i -= 1
    if i < 0 or doc[i].text != ")":
        return None
    while i >= 0 and doc[i].text != "(":
        i -= 1
    if i < 1 or not doc[i - 1].tag_.startswith("NNP"):
        return None
    member = doc[i - 1]
    while member.dep_ == "compound" and member.head.i > member.i:  # "Saudi Arabia ("
        member = member.head
    # both states ("developed by A's lab (X) and B's firm": the firms, not a list of states)
    states = doc.user_data.get(_STATE_TOKENS, set())
    return member if tok.i in states and member.i in states else None


_REFLEXIVE = ("itself", "themselves")
_OWN = ("its", "their")


def _equips_own(verb: Any, cls: Classes) -> bool:
    """ "will equip itself with Israeli radars", "equips its army (its own vehicles) with": what
    comes "with" (on the verb, or on its object as the parser may hang it) goes to the subject's
    own forces, so the subject takes it, from the arms' maker. Not "equip India's army with"
    (that names who receives), nor "its allies", "its neighbours" (other states), nor what
    goes "with" the goods to another ("sent its aircraft with the missiles to B")."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    preps = [_w(c) for n in (verb, obj) for c in n.children if c.dep_ in ("prep", "dative")]
    if "with" not in preps or "to" in preps:  # "sent its aircraft with the missiles to B"
        return False
    if _w(obj) in _REFLEXIVE:
        return True
    own = any(c.dep_ == "poss" and _w(c) in _OWN for c in obj.children)
    return own and not _kin_noun(obj, cls)


def _renamed_noun(tok: Any, actor: Actor) -> Any | None:
    """The common noun an apposition right after its comma renames, when the parser hung it
    elsewhere ("an arms sale to another Gulf nation, Saudi Arabia": Saudi Arabia on "sale"): the
    noun ends the phrase before the comma, as the object of a preposition. Only when the
    apposition is the actor's own name: in "a Gulf nation, a rival of Qatar" or "an Asian
    country, one of China's neighbours" the country only qualifies another noun, and the nation
    is not that country. None otherwise."""
    if not actor.start <= tok.idx < actor.end or tok.tag_ not in ("NNP", "NNPS"):
        return None
    doc, start = tok.doc, tok.left_edge.i
    if start < 2 or doc[start - 1].text != ",":
        return None
    noun = doc[start - 2]
    if noun.dep_ != "pobj" or noun.tag_ not in ("NN", "NNS") or noun == tok.head:
        return None
    return noun


# Where a name stands that "as well as" can add a member to: a preposition's object, an
# apposition or a conjunct of one ("to Niger, Togo as well as Chad")
_LIST_SLOTS = ("pobj", "appos", "conj")


def _as_well_as_phrase(tok: Any) -> Any | None:
    """ "bought helicopters from the US as well as Italy and Spain", "sold jets to Iraq as well
    as Jordan": the small parser hangs the list after "as well as" on the verb's object or on
    "as", but it continues the phrase right before it (Italy sells too). The last preposition's
    object before "as well as", on the same word or its head; with no such phrase, after an
    object that names no one ("ordered six drones, as well as Togo and Chad"), the verb's
    subject, which the list continues; with the "as" on a name in a list's slot ("to Niger as
    well as Chad"), that name, whose part the member after it plays. None when the list does
    not follow "as well as" or already hangs on that object (then the usual climb reads it)."""
    doc, start = tok.doc, tok.left_edge.i
    if start < 3 or [_w(t) for t in doc[start - 3 : start]] != ["as", "well", "as"]:
        return None
    if tok.dep_ == "conj" and tok.head.dep_ != "pobj":
        anchor = tok.head
    elif tok.dep_ == "pobj" and _w(tok.head) == "as":
        anchor = tok.head.head
    else:
        return None
    phrase = next(
        (
            t
            for t in reversed(doc[anchor.i + 1 : start - 3])
            if t.dep_ == "pobj"
            and t.head.dep_ in ("prep", "dative")
            and t.head.head in (anchor, anchor.head)
        ),
        None,
    )
    if phrase is None and anchor.dep_ == "dobj" and not anchor.tag_.startswith("NNP"):
        return next((c for c in anchor.head.children if c.dep_ == "nsubj"), None)
    if phrase is None and anchor.tag_.startswith("NNP") and _party_slot(anchor):
        return anchor  # "as" on the name before it ("to Niger as well as Chad"): its conjunct
    return phrase


# the prepositions whose object is a side of a transfer ("to" the buyer, "from" or "by" the
# seller): a name after "as well as" hung on such an object is another member of that side
_SIDE_PREPS = ("to", "from", "by")


def _party_slot(name: Any) -> bool:
    """The name stands in a list's slot (``_LIST_SLOTS``) of a "to", "from" or "by" phrase:
    the object, or an apposition or conjunct of it ("to Niger, Togo as well as Chad"). Not the
    object of any other preposition ("held talks with Germany as well as Italy": a
    counterpart in talks, whose member would pair with the buyer's seller)."""
    if name.dep_ not in _LIST_SLOTS:
        return False
    while name.dep_ in ("conj", "appos") and name.head.i != name.i:
        name = name.head
    return name.dep_ == "pobj" and _w(name.head) in _SIDE_PREPS


def _along_with(tok: Any) -> Any | None:
    """ "A, along with B and C, supplied …", "A, together with B, bought …": the phrase right
    after the subject adds members to it. The subject, or None. Only right after it: in "sold
    jets to Iraq along with tanks" the phrase hangs on the verb but adds to the arms."""
    prep, phrase = tok.head, tok.head.head
    if _w(prep) != "with" or phrase.i == prep.i:
        return None
    if phrase.dep_ in ("nsubj", "nsubjpass") and any(
        _w(c) in ("along", "together") for c in prep.children
    ):
        return phrase  # "together" on "with", "with" on the subject
    if _w(phrase) not in ("along", "together"):
        return None
    if phrase.head.dep_ in ("nsubj", "nsubjpass"):  # "along" on the subject itself
        return phrase.head
    # the subject, or a name the small parser hung on the verb as a modifier in its place
    # ("A, along with B, has been supplying": A an "npadvmod" of "supplying")
    subject = next(
        (
            c
            for c in phrase.head.children
            if c.dep_ in ("nsubj", "nsubjpass") or _misread_subject(c, phrase.head)
        ),
        None,
    )
    if subject is None or not subject.right_edge.i < phrase.i <= subject.right_edge.i + 2:
        return None
    return subject


def _opens_clause(tok: Any, actor: Actor) -> Any | None:
    """A list's later member right before a finite verb, in a list that is not the subject:
    "sells tanks to Egypt and Israel objects" - the small parser hangs Israel on Egypt and the
    verb on "sells", but Israel is the subject of a clause of its own. That verb, or None."""
    doc = tok.doc
    after = next((t for t in doc if t.idx >= actor.end), None)
    if after is None or after.tag_ not in _FINITE:
        return None
    verb = after.head if after.dep_ in ("aux", "auxpass") else after
    governs = next((t for t in tok.ancestors if t.tag_.startswith("VB")), None)
    if governs is not None and governs.i == verb.i:
        return None  # "a deal between India and Russia was signed": the list's own clause
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return None if first.dep_ in ("nsubj", "nsubjpass") else verb


def _subject_after_list(tok: Any, cls: Classes) -> bool:
    """A state the parse makes the subject of a finite verb of its own, right after another
    state and a word of ``clause_joins`` ("and", "but", "while") or a comma ("sold jets to A,
    and B is said to want some", "bought tanks from A and B followed with an order"): the
    subject of a clause of its own, not a member of the list before it, whatever (if anything)
    its verb makes it."""
    verb = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass") or verb.i < tok.i:
        return False
    group = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    if not any(t.tag_ in _FINITE for t in group):
        return False
    return _after_list(tok, cls)


def _after_list(tok: Any, cls: Classes) -> bool:
    """A state right after another state and a comma or a word of ``clause_joins`` ("to A, and
    B", "from A while B"): where a list may end and a new clause begin."""
    doc, k = tok.doc, tok.left_edge.i - 1
    joins = 0
    while k >= 0 and (doc[k].text == "," or cls.has("clause_joins", doc[k].lower_)):
        k, joins = k - 1, joins + 1
    return joins > 0 and k >= 0 and k in doc.user_data.get(_STATE_TOKENS, ())


def _subject_on_list(verb: Any) -> bool:
    """A verb whose subject the small parser hung on the list before it ("sells tanks to A and
    B buys jets": B on A, "buys" on "sells" as a conj or an advcl): a clause of its own, so B's
    seller is not the first clause's. The same test as ``_opens_clause`` reads from the member's
    side, so any verb that one takes starts a clause here, whatever its dep."""
    if not verb.tag_.startswith(("VB", "MD")) or verb.head.i == verb.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    first = min(
        [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i)],
        key=lambda t: t.i,
    )
    if first.tag_ not in _FINITE or first.i == 0:
        return False
    member = first.doc[first.i - 1]
    if member.dep_ != "conj" or not member.tag_.startswith("NNP"):
        return False
    while member.dep_ == "conj" and member.head.i != member.i:
        member = member.head
    return member.dep_ not in ("nsubj", "nsubjpass")


def _list_before_subject(tok: Any) -> Any | None:
    """A list with no "and" before its verb's subject ("A, B, C are among the buyers"): the small
    parser makes the first members an adverb of the verb and only the last its subject; they
    run right up to that subject, a comma between. The subject, or None."""
    doc, verb = tok.doc, tok.head
    if tok.dep_ != "npadvmod" or not tok.tag_.startswith("NNP") or not verb.tag_.startswith("VB"):
        return None
    end = tok.right_edge.i
    if end + 2 >= len(doc) or doc[end + 1].text != ",":
        return None
    subject = doc[end + 2]
    while subject.dep_ == "compound" and subject.head.i > subject.i:  # "North Korea"
        subject = subject.head
    if subject.dep_ in ("nsubj", "nsubjpass") and subject.head.i == verb.i:
        return subject
    return None


def _subject_hung_on_list(tok: Any) -> Any | None:
    """An "apposition" to the last member of a list after a preposition, right before a finite
    verb: the subject of that verb, which the small parser hangs on the list ("in addition to
    tanks to A and shells to B, C's security council has approved ..."). The verb, or None."""
    doc = tok.doc
    if tok.head.dep_ != "pobj" or not _is_noun(tok) or tok.right_edge.i + 1 >= len(doc):
        return None
    if tok.left_edge.i == 0 or doc[tok.left_edge.i - 1].text != ",":
        return None  # "… the old continent Poland inks a deal": a headline run into the lede
    after = doc[tok.right_edge.i + 1]
    if after.tag_ not in _FINITE or after.dep_ == "auxpass":
        return None
    verb = after.head if after.dep_ == "aux" else after
    if not verb.tag_.startswith("VB") or any(c.dep_ == "auxpass" for c in verb.children):
        return None
    return verb


def _names_members(prep: Any) -> bool:
    """ "including" or "such as" on a noun, or "like" on a plural common noun ("to littoral
    states like A, B and C"): what follows names some of its members. "like" on a name or a
    singular noun compares instead ("Turkey, like Russia, ...")."""
    if prep.dep_ != "prep" or not _is_noun(prep.head):
        return False
    w = _w(prep)
    if w == "like":
        return prep.head.tag_ == "NNS"
    return w == "including" or (w == "as" and any(_w(c) == "such" for c in prep.children))


def _export_permit(noun: Any, cls: Classes) -> Any | None:
    """The sale word a permit, licence or control noun is for ("export permits", "arms export
    licences", "lifted export controls"): a noun of the ``permit`` class, or of ``control`` that
    a verb of the ``ease`` class acts on, with a sale noun among its compounds; else None."""
    if not _is_noun(noun):
        return None
    w = _w(noun)
    if cls.has("control", w):
        if not cls.has("ease", _w(noun.head)):
            return None
    elif not cls.has("permit", w):
        return None
    return next(
        (c for c in noun.subtree if c.dep_ == "compound" and cls.has("sell_noun", _w(c))), None
    )


def _noun_class(tok: Any, cls: Classes) -> str | None:
    w = _w(tok)
    if cls.has("buy_noun", w) and not _command_noun(tok, cls):
        return RECIPIENT
    if _interest_in_arms(tok, cls):  # "expressed interest in the jet", "India's interest in"
        return RECIPIENT
    if cls.has("sell_noun", w):
        return SUPPLIER
    if cls.has("deal", w) or cls.has("talks", w):
        return PARTY
    return None


def _on_noun(
    tok: Any, head: Any, actor: Actor, wtok: dict[int, Weapon], cls: Classes
) -> Role | None:
    """A possessive or adjective on a transfer noun or a weapon."""
    made = cls.has("made", _w(head)) and _arms_at(head.head, wtok, cls)
    of_make = _of_make(head, wtok, cls)  # "helicopters of Russian origin": as "Russian-made"
    if _arms_at(head, wtok, cls) or made or of_make is not None:
        noun = of_make if of_make is not None else head.head if made else head
        made = made or of_make is not None
        w = _weapon_at(noun, wtok)
        got = _bought_by_owner(tok, noun, cls)
        if got is not None:  # "Argentina's F-16 jets purchased from Denmark": the owner bought
            return Role(RECIPIENT, f"'{tok.text}'s {noun.text} {got.text}' (the owner)", got.i)
        if any(cls.has("captured", _w(c)) for c in noun.children):
            return Role(THIRD, f"'{tok.text} {noun.text}' captured")  # "Russian tanks captured"
        if _retired(noun, cls):  # "to replace the Soviet-made jets": not what changes hands
            return Role(THIRD, f"'{tok.text} {noun.text}' {RETIRED}")
        if _carrier(noun, cls):  # "a US C-130 aircraft delivered medical supplies": the carrier
            return Role(THIRD, f"'{tok.text} {noun.text}' carries the cargo")
        # the named weapon in the noun's phrase, not the arms word ("CV90 combat vehicles")
        named = next((wtok[t.i] for t in noun.subtree if t.i in wtok and wtok[t.i].origin), None)
        if actor.kind == "company" and named and named.origin != actor.country:
            # "BAE Systems' CV90 vehicles": the group's arm in the weapon's own state makes them,
            # and the weapon's origin tells the seller
            return None
        # "Polish-built Black Hawks": a licence maker builds and sells another's design
        if actor.kind == "company" or w is None or w.origin in (None, actor.country) or made:
            return Role(SUPPLIER, f"{MAKER_OF}'{noun.text}'", noun.i, maker=True)
        if _owner_sells(tok, noun, cls):
            return Role(SUPPLIER, f"'{tok.text} {noun.text}' (the owner sells)", noun.head.i)
        return None
    for c in head.children:  # "Germany's refusal to sell", "India's plan to buy"
        if c.dep_ != "acl" or not any(a.dep_ == "aux" and _w(a) == "to" for a in c.children):
            continue  # not "the Russian system purchased from": a participle's doer is elsewhere
        if cls.has("buy", _w(c)):
            return Role(RECIPIENT, f"'{tok.text}'s {head.text} to {c.text}'", c.i)
        if cls.has("sell", _w(c)):
            return Role(SUPPLIER, f"'{tok.text}'s {head.text} to {c.text}'", c.i)
    if cls.has("approve", _w(head)):  # "the State Department's approval of a sale"
        return Role(SUPPLIER, f"'{tok.text} … {head.text}' (the exporter's approval)", head.i)
    if tok.dep_ in ("poss", "amod") and _ban_on_sales(head, cls) is not None:
        # "Norway's freeze on weapon sales to Chile": a state stops its own sales (as "Norway
        # froze weapon sales"), the seller's government unless the sentence names a seller
        return Role(SUPPLIER, f"'{tok.text}'s {head.text}' {BLOCKER}", head.i, weak=True)
    if tok.dep_ == "poss" and cls.has("vendor", _w(head)):
        # "Azerbaijan's arms suppliers": those who sell to it; the owner is their customer
        return Role(RECIPIENT, f"'{tok.text}'s {head.text}' (their customer)", head.i)
    kind = _noun_class(head, cls)
    if kind == RECIPIENT:
        return Role(RECIPIENT, f"'{tok.text} … {head.text}' (the buyer's purchase)", head.i)
    if kind == SUPPLIER:
        return Role(SUPPLIER, f"'{tok.text} … {head.text}' (the seller's sale)", head.i)
    if kind == PARTY and tok.dep_ == "poss":
        return Role(PARTY, f"'{tok.text}'s {head.text}'", head.i)
    return None


def _narrowed_to(prep: Any, cls: Classes) -> Any | None:
    """The verb of narrowing (the ``narrow`` class) a "to" hangs on, directly or through the
    nouns of its object ("narrowed its choice of submarine makers to A"), or None: no other
    verb stands between. What follows "to" is the field left, the makers that would sell."""
    tok = prep.head
    for _ in range(4):
        if cls.has("narrow", _w(tok)):
            return tok if _narrows_field(tok, cls) else None
        if tok.tag_.startswith("VB") or tok.head == tok:
            return None
        tok = tok.head
    return None


def _candidate_arms(noun: Any, cls: Classes) -> Any | None:
    """The noun is a candidate after the "to" of a narrowing ("narrowed its choice to
    Sweden's Gripen and the US F-16"): the state owning it is a candidate seller as well. A
    later member of the list of candidates is one too ("to A's X, B's Y and C's Z": the parser
    hangs Y and Z on X as conjuncts or appositions). The list's first member, whose part the
    owner plays, or None."""
    while noun.dep_ in ("conj", "appos") and noun.head != noun:
        noun = noun.head
    prep = noun.head
    if noun.dep_ == "pobj" and _w(prep) == "to" and _narrowed_to(prep, cls) is not None:
        return noun
    return None


def _narrows_field(verb: Any, cls: Classes) -> bool:
    """What the verb of narrowing narrows (its object, or its passive subject) is a field of
    candidates (the ``field`` class: "its choice", "the list of bidders"), not sites or
    places: "narrowed the sites for its radars to A and B" names hosts."""
    return any(c.dep_ in ("dobj", "nsubjpass") and cls.has("field", _w(c)) for c in verb.children)


def _asks_for_arms(verb: Any, cls: Classes) -> bool:
    """A verb of asking (the ``ask`` class) whose object or "for" names arms ("asked the US for
    helicopters", "requested Taurus missiles"): a request to buy. Not "asked Germany for help"
    nor "asked Israel to stop its sales" (an infinitive says who does what)."""
    if not cls.has("ask", _w(verb)):
        return False
    wtok = verb.doc.user_data.get(_WEAPON_TOKENS, {})
    wanted = [c for c in verb.children if c.dep_ == "dobj"]
    wanted += _prep_objects(verb, "for")
    return any(_arms_at(t, wtok, cls) for w in wanted for t in (w, *w.conjuncts))


def _interest_in_arms(tok: Any, cls: Classes) -> bool:
    """A word of wanting (the ``interest`` class) whose "in" names arms ("interest in the
    missile", "interested in Rafale fighters"): who has it seeks to buy them. Not "interest in
    selling" (a verb says who does what) nor "interest in the region"."""
    if not cls.has("interest", _w(tok)):
        return False
    wtok = tok.doc.user_data.get(_WEAPON_TOKENS, {})
    return any(_arms_at(g, wtok, cls) for g in _prep_objects(tok, "in"))


def _owner_sells(tok: Any, noun: Any, cls: Classes) -> bool:
    """A state's adjective on arms made elsewhere that are bought ("could buy Dutch or
    Portuguese F-16s"): that state's own jets change hands, second-hand, and it sells them. Not
    a possessive ("India's Rafale jets": an owner, no sale said), nor one of two origins joined
    by a hyphen ("French-Italian SAMP/T": the makers, ``_joint_makers``)."""
    doc = tok.doc
    hyphen = any(0 <= i < len(doc) and doc[i].text == "-" for i in (tok.i - 1, tok.i + 1))
    bought = noun.dep_ == "dobj" and cls.has("buy", _w(noun.head))
    return tok.dep_ == "amod" and bought and not hyphen


def _bought_by_owner(tok: Any, noun: Any, cls: Classes) -> Any | None:
    """The participle that makes a possessive on arms their buyer: "Argentina's jets purchased
    from Denmark", "Ukraine's tanks supplied by Poland" (a sale with no "to": the owner got
    them), or the finite passive the arms are the subject of ("Ukraine's tanks were supplied
    by Poland"); not "Russia's missiles sold to India", whose owner sold, nor "Russia's jets
    bought by Algeria", whose buyer is named, nor a sale that names no source ("Egypt's old
    jets (were) sold last year": the owner may be the one selling). None otherwise."""
    if tok.dep_ != "poss":
        return None
    verbs = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    for c in verbs + _passive_verb_on(noun):
        if cls.has("buy", _w(c)):
            # "Russia's jets bought by Algeria": the buyer follows "by"; the owner made them
            return None if any(p.dep_ == "agent" for p in c.children) else c
        if (
            cls.has("sell", _w(c))
            and _sources_of(c)
            and not any(p.dep_ in ("prep", "dative") and _w(p) == "to" for p in c.children)
        ):
            return c  # a sale with neither "to" nor a source says nothing of who got them
    return None


def _passive_verb_on(noun: Any) -> list[Any]:
    """The finite passive verb whose subject is the noun, or a share of it ("Vietnam's tanks
    were supplied by Russia", "most of (80% of) Vietnam's arms have been provided by Russia"):
    the same sale as the participle hung on the noun ("Vietnam's tanks supplied by Russia").
    None when the source is a common noun ("were acquired from a broker"): the owner's
    purchase is not from the state that made them."""
    subject = noun
    if noun.dep_ == "pobj" and _w(noun.head) == "of" and noun.head.head.dep_ == "nsubjpass":
        share = noun.head.head
        if _w(share) in ("%", "percent", "most", "much", "all", "bulk", "majority", "half"):
            subject = share
    if subject.dep_ != "nsubjpass" or subject.head.tag_ != "VBN":
        return []
    verb = subject.head
    sources = _sources_of(verb)  # none: "were bought in 2015" (``_bought_by_owner`` asks)
    states = verb.doc.user_data.get(_STATE_TOKENS, set())
    if any(
        not g.tag_.startswith("NNP") and not any(t.i in states for t in g.subtree) for g in sources
    ):
        return []  # "were acquired from a broker": a source that is no state sold them
    return [verb]


def _sources_of(verb: Any) -> list[Any]:
    """The objects of a passive verb's "from" and "by" ("supplied by Russia")."""
    sources = list(_prep_objects(verb, "from"))
    return sources + [g for p in verb.children if p.dep_ == "agent" for g in p.children]


def _punished_for_buying(tok: Any, cls: Classes) -> Role | None:
    """ "sanctions on Ankara for buying", "warned India … for buying", "against Turkey over its
    purchase": the one threatened is the buyer named by the reason."""
    dep, head = tok.dep_, tok.head
    if dep == "pobj" and _w(head) in ("on", "against"):
        scope = [head.head, head.head.head]
    elif dep == "dobj" and cls.has("threat", _w(head)):
        scope = [head]
    else:
        return None
    for n in scope:
        for p in n.children:
            if p.dep_ != "prep" or _w(p) not in ("for", "over"):
                continue
            for c in p.children:
                if cls.has("buy", _w(c)) or cls.has("buy_noun", _w(c)):
                    return Role(RECIPIENT, f"'{n.text} … {p.text} {c.text}' (punished for buying)")
    return None


def _implied_subject_of(tok: Any, cls: Classes) -> Any | None:
    """The verb whose unstated subject the actor is: "Denmark said it was selling" (a pronoun
    subject of the reported clause), "Italy to sell Egypt frigates" (a headline), "thanked India
    for gifting", "accused A, B and C of supplying" (the object does the gerund), "a decision by
    Ecuador to hand over"."""
    dep, head = tok.dep_, tok.head
    if dep in _SUBJECTS:
        # "we" and "he" or "she" stand for the subject only in what it says ("Denmark said we
        # would sell", "announced we would"; the `speak` class); a clause of the parse's joined
        # to another verb ("'we wanted to buy jets, but the US stopped the sale'") has another
        # speaker
        said = cls.has("speak", _w(head))
        for c in head.children:
            if c.dep_ == "ccomp" and any(
                s.dep_ in _SUBJECTS and _w(s) in (_PRONOUNS if said else _THIRD_PLURAL_IT)
                for s in c.children
            ):
                return c
    if dep in _SUBJECTS and _w(head) in _BE:  # "India is likely to provide vessels"
        for a in head.children:
            if a.dep_ == "acomp" and cls.has("about_to", _w(a)):
                verb = next((c for c in a.children if c.dep_ == "xcomp"), None)
                if verb is not None:
                    return verb
            if a.dep_ == "acomp" and cls.has("interest", _w(a)):  # "is interested in buying"
                verb = next(
                    (
                        g
                        for p in a.children
                        if _w(p) == "in"
                        for g in p.children
                        if g.dep_ == "pcomp"
                    ),
                    None,
                )
                if verb is not None:
                    return verb
    for c in tok.children:  # "Italy to sell": a headline's infinitive on its subject
        if c.dep_ in ("acl", "relcl") and any(_w(a) == "to" for a in c.children if a.dep_ == "aux"):
            return c
    if dep == "npadvmod":  # "accused Iran, Belarus of …": Belarus a later member of the object
        obj = next(
            (o for o in head.children if o.dep_ == "dobj" and tok in _comma_members(o)), None
        )
        if obj is not None:
            dep, tok = "dobj", obj
    if dep == "dobj":  # "thanked India for gifting", "accused Iran of supplying"
        # with commas only ("accused Iran, Belarus of"), the parser hangs "of" on the last member
        for p in [*head.children, *(c for m in _comma_members(tok) for c in m.children)]:
            if p.dep_ == "prep" and _w(p) in ("for", "of"):
                verb = next((c for c in p.children if c.dep_ == "pcomp"), None)
                if verb is not None:
                    return verb
    if dep == "pobj" and _w(head) == "by" and _is_noun(head.head):  # "a decision by X to …"
        for c in head.head.children:
            if c.dep_ == "acl" and any(_w(a) == "to" for a in c.children if a.dep_ == "aux"):
                return c
    return None


def _comma_members(obj: Any) -> list[Any]:
    """The later members of an object list joined by commas only ("accused Iran, Belarus of"):
    the small parser makes each a proper-noun adverb of the verb, a comma before it, right
    after the object or the member before; or hangs them on the object as a conj with no "and"
    or as an apposition ("accused A, B, C of", "of" on C)."""
    doc, out, last = obj.doc, [], obj
    later = (c for c in obj.head.children if c.i > obj.i and c.dep_ == "npadvmod")
    for m in sorted(later, key=lambda t: t.i):
        start = m.left_edge.i
        if not m.tag_.startswith("NNP"):
            break
        if start < 2 or doc[start - 1].text != "," or doc[start - 2].i != last.i:
            break
        out.append(m)
        last = m
    if out:
        return out
    while (m := next((c for c in last.children if _later_member(c)), None)) is not None:
        out.append(m)
        last = m
    return out


def _later_member(tok: Any) -> bool:
    return tok.dep_ == "conj" or (tok.dep_ == "appos" and tok.tag_.startswith("NNP"))


def _relation(tok: Any, actor: Actor, wtok: dict[int, Weapon], cls: Classes) -> Role | None:
    punished = _punished_for_buying(tok, cls)
    if punished is not None:
        return punished
    dep, head = tok.dep_, tok.head
    implied = _implied_subject_of(tok, cls)
    if implied is not None:
        role = _subject_role(implied, cls, passive=False)
        if role is not None and role.role in (RECIPIENT, SUPPLIER):
            return replace(role, cue=role.cue + " (its implied subject)")
    if dep in _SUBJECTS and _ellipsis_of(head) is not None:
        # "Peru bought tanks from Germany, as did Chile": the subject of the left-out verb
        role = _subject_role(_ellipsis_of(head), cls, passive=False)
        return replace(role, cue=role.cue + f" ('{head.text}'{_REPEATS})") if role else None
    if dep in _SUBJECTS and _negated_ellipsis(head):
        # "Peru bought tanks from Germany, and Chile did not": Chile buys nothing
        return Role(NO_ROLE, f"subject of '{head.text} not' (a negated ellipsis)", head.i)
    elided = _elided_as_noun(tok)
    if elided is not None:  # "Peru will buy tanks from Germany, as will Chile"
        role = _subject_role(elided, cls, passive=False)
        aux = next(c for c in tok.children if c.dep_ == "aux")
        return replace(role, cue=role.cue + f" ('{aux.text}'{_REPEATS})") if role else None
    if dep in _SUBJECTS:
        return _subject_role(head, cls, passive=False)
    if dep == "nsubjpass":
        if cls.has("award", _w(head)):  # "Hyundai has been awarded a contract by the Philippines"
            return Role(SUPPLIER, f"passive subject of '{head.text}' (wins the contract)", head.i)
        if cls.has("sell", _w(head)):
            return Role(RECIPIENT, f"passive subject of '{head.text}'", head.i)
        return _raised_subject(head, cls)
    if dep in ("dobj", "dative", "iobj") and cls.has("sell", _w(head)):
        if _gives_no_arms(head, cls):  # "lent Egypt money", "gave Kenya support": no arms
            return None
        return Role(RECIPIENT, f"object of '{head.text}'", head.i)
    if dep == "dobj" and _asks_for_arms(head, cls):  # "asked the US for helicopters"
        return Role(SUPPLIER, f"object of '{head.text}' (asked for arms)", head.i)
    if dep == "dobj" and cls.has("choose", _w(head)):  # "selected Japan's Mitsubishi", "chose Saab"
        return Role(SUPPLIER, f"object of '{head.text}' (the chosen maker)", head.i)
    if dep == "dobj":  # "cleared Indonesia to buy", "allowed Germany to export"
        stopped = _told_to_stop_selling(head, cls)
        if stopped is not None:  # "judges told Belgium to stop its shipments to X"
            return Role(
                SUPPLIER, f"'{head.text} … to {stopped.text}' (told to stop its sale)", stopped.i
            )
        for c in head.children:
            if c.dep_ == "xcomp" and cls.has("buy", _w(c)):
                return Role(RECIPIENT, f"'{head.text} … to {c.text}'", c.i)
            if c.dep_ == "xcomp" and cls.has("sell", _w(c)):
                return Role(SUPPLIER, f"'{head.text} … to {c.text}'", c.i)
    if dep == "pobj" and _places_the_order(tok):  # "a follow-on order from Egypt"
        return Role(RECIPIENT, f"'{head.head.text} {head.text}' (places the order)", head.head.i)
    members = _members_of_subject(tok, cls)
    if members is not None:  # "customers of the drone include A, B and C"
        return members
    if dep == "pobj" and _earlier_buyers(head, cls):
        return Role(RECIPIENT, f"'{head.head.text} … after' (an earlier buyer)", head.head.i)
    if dep == "pobj" and head.dep_ in ("prep", "agent", "dative"):
        return _prep_role(head, cls, wtok)
    lead = _repeated_prep(head) if dep == "pobj" else None
    if lead is not None:  # "sold jets to Qatar, and later to Egypt and Greece"
        return _prep_role(lead, cls, wtok)
    return None


def _repeated_prep(prep: Any) -> Any | None:
    """A preposition repeated after "and" that the parser makes a conjunct, of the verb ("sold
    jets to Qatar, and later to Egypt": "to" a conj of "sold") or of the first one ("to Qatar
    and then to Egypt"): the preposition to read its phrase by (itself on the verb, else the
    first), so the members after it keep the first phrase's role. Not a negated one ("and not
    to Pakistan")."""
    if prep.dep_ != "conj" or prep.tag_ not in ("IN", "TO"):
        return None
    if any(c.dep_ == "neg" for c in prep.children):
        return None
    narrowed = _narrowed_phrase(prep)
    if narrowed is not None:  # "to Africa, in particular to A and B" ("to" a conj of "in")
        return narrowed
    head = prep.head
    if head.tag_.startswith("VB"):
        return prep
    if head.dep_ in ("prep", "agent", "dative") and _w(head) == _w(prep):
        return head
    return None


_REPEATS = " repeats it"  # the cue of the subject of an elided verb ("as did Chile")
_PRO_VERBS = frozenset(
    {
        "did",
        "does",
        "do",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "shall",
        "may",
        "might",
        "must",
        "is",
        "are",
        "was",
        "were",
        "am",
    }
)


def _ellipsis_of(verb: Any) -> Any | None:
    """The verb a bare "did" / "have" / "will" / "is" stands for ("bought jets from X, as did
    B", "and so did B", "as have B and C", "and B will too", "is buying tanks from X, as is B"):
    a pro-verb with nothing of its own but a subject (and a time: "as did B in 2021", "as did B
    last year"), after "as" or with "so"/"too", hung on that verb as an adverbial clause or a
    conjunct. That verb, or None. A negated one ("and B did not") is ``_negated_ellipsis``."""
    if _w(verb) not in _PRO_VERBS or verb.dep_ not in ("advcl", "conj"):
        return None
    if not verb.head.tag_.startswith("VB") or verb.head == verb:
        return None
    kids = [c for c in verb.children if c.dep_ not in ("punct", "cc")]
    if any(c.dep_ not in (*_SUBJECTS, "mark", "advmod") and not _a_time(c) for c in kids):
        return None  # "as did its neighbour buy tanks": a verb with an object of its own
    if not any(
        (c.dep_ == "mark" and _w(c) == "as") or (c.dep_ == "advmod" and _w(c) in ("so", "too"))
        for c in kids
    ):
        return None
    return verb.head


def _negated_ellipsis(verb: Any) -> bool:
    """A bare pro-verb with "not" and a subject, a conjunct of the verb it stands for ("bought
    jets from X, and B did not", "but B will not"): its subject takes no part in the sale."""
    if _w(verb) not in _PRO_VERBS or verb.dep_ != "conj" or not verb.head.tag_.startswith("VB"):
        return False
    kids = [c for c in verb.children if c.dep_ not in ("punct", "cc")]
    return any(c.dep_ == "neg" for c in kids) and all(
        c.dep_ in (*_SUBJECTS, "neg", "advmod") or _a_time(c) for c in kids
    )


def _a_time(tok: Any) -> bool:
    """A time on a verb: "in 2021", "last year" (an ``npadvmod``), "in March"."""
    if tok.dep_ == "npadvmod":
        return True
    if tok.dep_ != "prep" or _w(tok) not in ("in", "on", "during", "since", "by"):
        return False
    objs = [c for c in tok.children if c.dep_ == "pobj"]
    return bool(objs) and all(o.tag_ == "CD" or o.ent_type_ == "DATE" for o in objs)


def _elided_as_noun(tok: Any) -> Any | None:
    """ "will buy tanks from X, as will B": the parser makes B itself the adverbial clause, with
    "as" and the modal as its children. The verb B's clause repeats, or None."""
    if tok.dep_ != "advcl" or not tok.head.tag_.startswith("VB"):
        return None
    kids = [c for c in tok.children if c.dep_ not in ("punct", "compound", "det")]
    if not kids or any(c.dep_ not in ("mark", "aux") for c in kids):
        return None
    if not any(c.dep_ == "mark" and _w(c) == "as" for c in kids):
        return None
    if not any(c.dep_ == "aux" and _w(c) in _PRO_VERBS for c in kids):
        return None
    return tok.head


def _gapped_verb(tok: Any) -> Any:
    """The verb an adverb standing for it in a gapped clause repeats ("went first to Qatar and
    later to Egypt": the parser hangs "to Egypt" on "later", a conj of "went"); else ``tok``."""
    if tok.tag_.startswith("RB") and tok.dep_ == "conj" and tok.head.tag_.startswith("VB"):
        return tok.head
    return tok


def _places_the_order(tok: Any) -> bool:
    """A state right after "from" on the noun "order" is the customer that placed it ("a
    follow-on order from Egypt", "a large jet order from Riyadh is at risk"): unlike the verb
    ("ordered tanks from Germany"), the noun names who orders, as "a request from X" does. Not
    when the order already has its buyer, which makes "from" the seller again: a possessor
    ("Egypt's order from France") or a state (or "it") in the subject of the verb holding it
    ("Thailand weighs a frigate order from South Korea")."""
    prep, states = tok.head, tok.doc.user_data.get(_STATE_TOKENS, ())
    order = prep.head
    if _w(prep) != "from" or tok.i not in states or order == prep:
        return False
    if _w(order) not in ("order", "orders") or not order.tag_.startswith("NN"):
        return False
    if any(c.dep_ == "poss" for c in order.children):
        return False
    holder = order.head if order.dep_ in ("dobj", "nsubjpass") else None
    subjects = [c for c in holder.children if c.dep_ in _SUBJECTS] if holder is not None else []
    return not any(t.i in states or t.tag_ == "PRP" for s in subjects for t in s.subtree)


def _members_of_subject(tok: Any, cls: Classes) -> Role | None:
    """The object of "include" or "be" whose subject is a noun of buyers or sellers names its
    members ("customers of the K9 include Poland, Norway and Finland", "its main suppliers
    are Russia and China"): they buy, or sell. The later members climb to the first one."""
    verb = tok.head
    if tok.dep_ not in ("dobj", "attr") or not (
        cls.has("include", _w(verb)) or (tok.dep_ == "attr" and _w(verb) in _BE)
    ):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:  # "the countries pledging jets … are": the parser makes the participle
        subj = next(  # a clausal subject with the noun as its own subject
            (d for c in verb.children if c.dep_ == "csubj" and c.tag_ == "VBG" for d in _doers(c)),
            None,
        )
    if subj is None or any(c.dep_ == "neg" for c in verb.children):
        return None
    subj = next(iter(_partitive(subj)), subj)  # "some of its biggest suppliers include"
    if cls.has("customer", _w(subj)):
        return Role(RECIPIENT, f"'{subj.text} … {verb.text}' (its members)", verb.i)
    if cls.has("vendor", _w(subj)):
        return Role(SUPPLIER, f"'{subj.text} … {verb.text}' (its members)", verb.i)
    clause = _doing_clause(subj)
    if clause is not None and not cls.any(("arms", "hull", "arms_head"), _w(subj)):
        # "the countries pledging jets to X are A, B and C", "states that bought the K9 include
        # A and B": the members do what the clause on the noun says, as its subject would
        if cls.has("weak", _w(clause)) and not _object_names_arms(clause, cls):
            return None  # "the countries pledging support (lending money) to X": no arms
        if cls.has("sell", _w(clause)):
            return Role(
                SUPPLIER, f"'{subj.text} {clause.text} … {verb.text}' (its members)", clause.i
            )
        if cls.has("buy", _w(clause)):
            return Role(
                RECIPIENT, f"'{subj.text} {clause.text} … {verb.text}' (its members)", clause.i
            )
    return None


def _object_names_arms(verb: Any, cls: Classes) -> bool:
    """An everyday verb of the `weak` class ("pledging", "lending", "sent") is a transfer only
    with arms for its direct object ("pledging jets", "lending four Typhoon jets"); "pledging
    support", "lending Egypt money" give no arms, so their subject sells none."""
    if _takes_arms(verb, cls):
        return True
    wtok = verb.doc.user_data.get(_WEAPON_TOKENS, {})
    return any(
        c.dep_ == "dobj" and (_names_arms(c, wtok, cls) or _arms_noun(c, wtok))
        for c in verb.children
    )


def _gives_no_arms(verb: Any, cls: Classes) -> bool:
    """An everyday verb of giving (the `weak` class) whose direct object is a common noun that
    names no arms and no act of trade ("lending Egypt money", "gave Kenya support"), with no
    arms anywhere in its own clause: a weak trigger is a transfer only with arms for its object.
    Money for arms ("provide $7m to X for the acquisition of military equipment") and a list
    with arms in it ("donate materials, munitions") keep the verb; the arms of a clause of its
    own ("…, and Egypt bought tanks", "after Ukraine received tanks") do not. Not a pronoun
    ("sent them"), nor a noun of trade or approval ("offered a package")."""
    if not cls.has("weak", _w(verb)) or _object_names_arms(verb, cls):
        return False
    states = verb.doc.user_data.get(_STATE_TOKENS, ())
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i not in states]
    trade = ("sell_noun", "buy_noun", "deal", "approval", "weak", "arms", "hull", "mod")
    if not any(o.tag_ in ("NN", "NNS") and not cls.any(trade, _w(o)) for o in objects):
        return False
    wtok = verb.doc.user_data.get(_WEAPON_TOKENS, {})
    other = {  # the tokens of the clauses of their own hung on the verb
        t.i
        for c in verb.children
        if c.dep_ in ("conj", "advcl", "ccomp", "parataxis") and c.tag_.startswith("VB")
        for t in c.subtree
    }
    own = [t for t in verb.subtree if t.i not in other]
    return not any(t.i in wtok or cls.any(("arms", "hull", "arms_head"), _w(t)) for t in own)


def _doing_clause(noun: Any) -> Any | None:
    """The active clause on a noun that its noun does: a present participle ("the countries
    pledging jets", which the parser may hang the other way round: the noun the subject of a
    clausal subject) or a relative clause whose subject is the relative word ("the states that
    have sent tanks"); not a passive or negated one, nor one with a subject of its own."""
    misread = [noun.head] if noun.dep_ == "nsubj" and noun.head.dep_ == "csubj" else []
    for a in [*noun.children, *misread]:
        if any(c.dep_ in ("neg", "auxpass", "nsubjpass") for c in a.children):
            continue
        if a in misread and a.tag_ == "VBG":
            return a
        if _verb_of(a, "acl") and a.tag_ == "VBG" and not _doers(a):
            return a
        if _verb_of(a, "relcl") and _doers(a) and all(_w(c) in _RELATIVE for c in _doers(a)):
            return a
    return None


def _earlier_buyers(prep: Any, cls: Classes) -> bool:
    """ "after" on a buy verb that tells which buyer in turn its subject is ("became the third
    country to acquire the missile after A and B", "the second navy to buy it after A"): the
    states after "after" bought the same arms before it. Without the ordinal, "after" may
    name anything ("bought jets after Qatar did", "after Russia's invasion")."""
    verb = prep.head
    if _w(prep) != "after" or not cls.has("buy", _w(verb)):
        return False
    if verb.dep_ not in ("xcomp", "relcl", "acl"):
        return False
    nouns = [verb.head, *verb.head.children]
    return any(c.dep_ == "amod" and _w(c) in _ORDINALS for n in nouns for c in n.children)


def _makes_the_arms(actor: Actor, noun: Any, wtok: dict[int, Weapon]) -> bool:
    """The actor's state makes a weapon named in the noun phrase it hangs on: "sends US Patriot
    systems from its stocks" names where the arms were made, not who gets them."""
    return any(wtok[t.i].origin == actor.country for t in noun.subtree if t.i in wtok)


def _dative_as_compound(tok: Any, head: Any, cls: Classes) -> bool:
    """ "Norway to send Latvia armoured fighting vehicles": the parser hangs the state that gets
    the arms on them as a compound (or nmod). A state name right after a transfer verb, on the
    verb's direct object, with no "to" phrase, is its indirect object."""
    obj = head
    while obj.dep_ in ("compound", "nmod") and obj.head != obj:  # "Poland Leopard tanks"
        obj = obj.head
    verb = obj.head
    if obj.dep_ != "dobj" or verb == obj or not cls.has("sell", _w(verb)):
        return False
    if tok.left_edge.i != verb.i + 1 or not tok.tag_.startswith("NNP"):
        return False  # "sends Soviet-era tanks", "sends Polish tanks": the arms' origin
    # "sends US rifles to Ukraine": the "to" hangs on the verb or on the arms
    return not any(
        c.dep_ in ("prep", "dative") and _w(c) == "to" for n in (verb, obj) for c in n.children
    )


def _source_as_compound(tok: Any, head: Any) -> Any | None:
    """ "ordered from Moldova six jets": with the arms after the source, the parser makes the
    state right after "from" a modifier of the arms (the object of "from"). A state name that
    opens the object of "to" or "from", followed by the arms' own count, is that object: the
    preposition, or None. Not an adjective ("from Soviet stocks") nor a name with no count
    after it ("from Russia Today")."""
    obj = head
    while obj.dep_ in ("compound", "nmod") and obj.head != obj:
        obj = obj.head
    prep = obj.head
    if obj.dep_ != "pobj" or _w(prep) not in ("from", "to") or prep == obj:
        return None
    if tok.left_edge.i != prep.i + 1 or not tok.tag_.startswith("NNP"):
        return None
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.tag_ != "CD" or nxt.head.i != obj.i or nxt.dep_ != "nummod":
        return None
    return prep


def _told_to_stop_selling(verb: Any, cls: Classes) -> Any | None:
    """The infinitive of stopping when the verb tells its object to stop its own sale: "told
    Belgium to stop its shipments of spare parts to X", "told Berlin to cease supplying
    shells", "bars the Swiss government from supplying X with rounds": the one told
    sells (the status says it is blocked). None otherwise."""
    for c in verb.children:
        if c.dep_ == "prep" and _w(c) == "from":  # "barred X from selling"
            done = next((o for o in c.children if o.dep_ == "pcomp"), None)
            if done is not None and cls.has("sell", _w(done)):
                return done
        if c.dep_ != "xcomp" or not cls.has("veto", _w(c)):
            continue
        for o in c.children:
            sale = o.dep_ == "dobj" and cls.has("sell_noun", _w(o))
            if sale or (o.dep_ == "xcomp" and cls.has("sell", _w(o))):
                return c
    return None


def _raised_subject(verb: Any, cls: Classes) -> Role | None:
    """The passive subject of a verb of expectation or plan whose infinitive is the transfer
    ("Azerbaijan is set to receive", "China is slated to deliver", "Chile is expected to buy"):
    the subject does what the infinitive says; the passive verb itself moves nothing."""
    if not any(c.dep_ == "xcomp" for c in verb.children):
        return None
    role = _subject_role(verb, cls, passive=False)
    if role is None or role.role not in (RECIPIENT, SUPPLIER):
        return None
    return replace(role, cue=f"{role.cue} ('{verb.text} to')")


def _object_purpose(verb: Any, cls: Classes, *, clause: bool = False) -> Role | None:
    """What the verb's object says its subject is doing: a purchase or a deal to buy makes it
    the buyer, a sale or a deal to sell the seller; with ``clause``, a purpose clause on the verb
    counts too ("suspended its deal to buy", parsed with "to buy" on the verb)."""
    if clause:
        for c in verb.children:
            if c.dep_ in ("advcl", "xcomp") and cls.has("buy", _w(c)):
                return Role(RECIPIENT, f"subject of '{verb.text} … {c.text}'", verb.i)
    objects = [o for o in verb.children if o.dep_ == "dobj"]
    # "halted talks on an agreement to buy": the deal the talks are about
    talks = [o for o in objects if cls.has("talks", _w(o))]
    objects += [g for o in talks for g in _prep_objects(o, "on", "over", "about")]
    for o in objects:
        kind = _noun_class(o, cls)
        for a in o.children:
            if a.dep_ == "acl" and cls.has("buy", _w(a)):
                kind = RECIPIENT
            elif a.dep_ == "acl" and cls.has("sell", _w(a)):
                kind = SUPPLIER
        if kind in (RECIPIENT, SUPPLIER):
            return Role(kind, f"subject of '{verb.text} … {o.text}'", verb.i)
    return None


def _chain(verb: Any, depth: int = 2, cls: Classes | None = None) -> list[Any]:
    """The verb and the verbs it governs as purpose or complement ("signed a deal … to buy",
    "plans to acquire", "agreed to supply"). Not a clause whose own subject is a named state
    or firm: "Japan's visit came as Kenya ordered rifles" is Kenya's order, not Japan's (nor its
    possessor's); "signed the deal, and it (the country) will buy" is still the signer's."""
    actors = verb.doc.user_data.get(_ACTOR_TOKENS, ())
    out, frontier = [verb], [verb]
    for _ in range(depth):
        # Not the xcomp of a verb with an object: in "cleared Bulgaria to buy" Bulgaria buys.
        nxt = [
            c
            for v in frontier
            for c in v.children
            if c.dep_ in _GOVERNED
            and not (c.dep_ == "xcomp" and any(o.dep_ == "dobj" for o in v.children))
            and not any(d.i in actors for d in _doers(c))
        ]
        nxt += [a for v in frontier for a in _complement_verbs(v, cls)]
        out += nxt
        frontier = nxt
    return out


def _complement_verbs(verb: Any, cls: Classes | None = None) -> list[Any]:
    """The verbs on the verb's object or complement that its subject does: "won a contract to
    supply", "abandoned plans to purchase", "showed interest in buying" (a gerund after "in" on
    the object), "became the first state to order", and the relative
    clause of a complement of "be" or "become", whose "that" stands for the subject ("A, B and C
    are among (some of) the countries that bought"). A relative clause on an object is the
    object's own: "praised the jets that were sold by X" sells nothing, nor does "shot down a
    drone that Russia acquired" buy."""
    out: list[Any] = []
    for o in verb.children:
        if o.dep_ == "dobj":
            out += [
                a
                for a in o.children
                if (_verb_of(a, "acl") or _verb_of(a, "relcl"))
                and not _doers(a)
                and not _passive_participle(a)
            ]
            # "expressed interest in acquiring", "shown interest in striking a deal to buy"
            out += [
                g
                for p in o.children
                if p.dep_ == "prep"
                and _w(p) == "in"
                and not any(_w(d) == "no" for d in o.children)  # "has no role in selling"
                for g in p.children
                if _verb_of(g, "pcomp") and g.tag_ == "VBG" and not _doers(g)
            ]
            continue
        if o.dep_ == "prep" and _w(verb) in _BE and cls is not None:
            # "is in the process of receiving", "is on the verge of buying": the gerund after
            # "of" on a noun of an act under way is what the subject is doing
            out += [
                g
                for n in o.children
                if n.dep_ == "pobj" and cls.has("underway", _w(n))
                for p in n.children
                if p.dep_ == "prep" and _w(p) == "of"
                for g in p.children
                if _verb_of(g, "pcomp") and g.tag_ == "VBG" and not _doers(g)
            ]
        if o.dep_ == "attr":  # "is one (some) of the countries that …": the partitive's noun
            nouns = [o, *_partitive(o)]
        elif o.dep_ == "prep" and _w(o) == "among" and _w(verb) in _BE:
            nouns = [c for c in o.children if c.dep_ == "pobj"]
        else:
            continue
        for n in nouns:
            out += [
                a
                for a in n.children
                if (_verb_of(a, "acl") and not _doers(a))
                or (_verb_of(a, "relcl") and all(_w(c) in _RELATIVE for c in _doers(a)))
            ]
    return out


def _passive_participle(verb: Any) -> bool:
    """A past participle hung on a noun ("destroyed tanks supplied to Ukraine", "captured
    vehicles delivered by the allies"): a reduced passive clause, whose doer is its "by" agent
    or unnamed, never the subject of the verb the noun is the object of."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def _verb_of(tok: Any, dep: str) -> bool:
    return tok.dep_ == dep and tok.tag_.startswith("VB")


def _doers(verb: Any) -> list[Any]:
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def _partitive(noun: Any) -> list[Any]:
    """The noun after "of" on a share word ("one of the states", "some of the buyers")."""
    if _w(noun) not in _SHARES and _w(noun) not in ("some", "many", "most", "several"):
        return []
    return _prep_objects(noun, "of")


_BOOKED = frozenset({"order", "orders", "contract", "contracts"})


def _wins_order(verb: Any, cls: Classes) -> Any | None:
    """The order or contract a maker wins ("won an order from Egypt"), if the verb is one; a
    verb of receiving (the ``book_order`` class) books one only when its object is itself an
    order or a contract ("received an order for shells", not "received the first of the
    jets it ordered")."""
    booked = cls.has("book_order", _w(verb))
    if not (cls.has("win", _w(verb)) or booked):
        return None
    won = next(
        (c for c in verb.children if c.dep_ == "dobj" and cls.any(("buy_noun", "deal"), _w(c))),
        None,
    )
    if won is not None and booked and (_w(won) not in _BOOKED or _not_booked(won, cls)):
        return None
    return None if won is None or _secures_foreign_arms(verb, won, cls) else won


# Verbs of making a received order may be for ("received an order to produce shells"), beside the
# ``build`` and ``sell`` classes
_MAKING_INFINITIVES = frozenset({"make", "produce", "build", "supply", "deliver", "manufacture"})


def _not_booked(won: Any, cls: Classes) -> bool:
    """A received order or contract that is no maker's booking: a batch ("received an order of
    jets from X": the buyer took them in), a command or a purchase in an infinitive ("received
    orders to deploy the tanks", "obtained a contract to buy jets"). An infinitive of making or
    selling keeps it a booking ("got a contract to build tanks")."""
    if any(c.dep_ == "prep" and _w(c) == "of" for c in won.children):
        return True
    return any(
        c.dep_ in ("acl", "relcl")
        and any(a.dep_ == "aux" and _w(a) == "to" for a in c.children)
        and not (cls.any(("build", "sell"), _w(c)) or c.lemma_.lower() in _MAKING_INFINITIVES)
        for c in won.children
    )


# Clauses inside the "for" object of a won deal: their arms are not the deal's ("a deal for
# tanks to replace its T-72s", "for jets that will join the F-16s it flies")
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "xcomp", "ccomp", "csubj", "parataxis"})


def _secures_foreign_arms(verb: Any, won: Any, cls: Classes) -> bool:
    """The state that wins or secures the deal ``won`` (the verb's subject, or the subject of
    the verb its gerund or infinitive hangs on: "boosted its fleet by securing a deal") is not
    the maker of the named arms the deal is for: it secured a purchase, not an order ("A
    secured a deal for F-16s from B" buys them from B). A maker's state winning an order for
    its own make ("K won a deal from P for K2 tanks") stays the seller; so does a company,
    even one named with its state ("Britain's BAE Systems won an order", "the French shipyard
    won a deal"). A state body is its state ("the Egyptian government", "Poland's defence
    ministry", "the Egyptian Air Force secured a deal"): a subject that is no named actor nor
    a firm word takes the state of its ``amod``/``poss``/``compound``. The arms are only those
    of the deal's "for" object, on the noun or the verb, not of a clause inside it ("for tanks
    to replace its T-72s")."""
    iso = verb.doc.user_data.get(_STATE_ISO, {})
    actors = verb.doc.user_data.get(_ACTOR_TOKENS, ())
    wtok = verb.doc.user_data.get(_WEAPON_TOKENS, {})
    holder = verb
    while not any(c.dep_ in _SUBJECTS for c in holder.children) and holder.dep_ in (
        "pcomp",
        "advcl",
        "xcomp",
        "prep",
    ):
        holder = holder.head
    subj = next((c for c in holder.children if c.dep_ in _SUBJECTS), None)
    if subj is None:
        return False
    if subj.i in iso:
        state = iso[subj.i]
    elif subj.i in actors or cls.has("firm", _w(subj)):
        return False  # "Britain's BAE Systems", "the French shipyard": a maker wins the order
    else:  # "the Egyptian government", "Poland's defence ministry": a state's own body
        state = next(
            (
                iso[c.i]
                for c in subj.children
                if c.dep_ in ("amod", "poss", "compound") and c.i in iso
            ),
            None,
        )
        if state is None:
            return False
    origins = {wtok[t.i].origin for t in _deal_objects(verb, won) if t.i in wtok} - {None}
    return bool(origins) and state not in origins


def _deal_objects(verb: Any, won: Any) -> list[Any]:
    """The tokens of the "for" objects on the deal noun ``won`` and on its ``verb`` ("securing a
    deal for 24 F-16s": "for" on either), without the clauses inside them. The parser may read
    "a deal for 180 tanks to replace its T-72s" as a clause marked by "for" whose subject is
    the arms: that subject is the object too, without the clause's own object."""
    out: list[Any] = []
    stack = [
        p
        for head in (won, verb)
        for prep in head.children
        if prep.dep_ == "prep" and _w(prep) == "for"
        for p in prep.children
        if p.dep_ == "pobj"
    ]
    stack += [
        s
        for head in (won, verb)
        for c in head.children
        if _for_clause(c)
        for s in c.children
        if s.dep_ in _SUBJECTS
    ]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _CLAUSE_DEPS)
    return out


def _subject_role(verb: Any, cls: Classes, *, passive: bool) -> Role | None:
    won = _wins_order(verb, cls)
    if won is not None:  # "the shipyard won an order from Egypt": the winner sells
        return Role(SUPPLIER, f"subject of '{verb.text} … {won.text}' (wins the order)", verb.i)
    if cls.has("award", _w(verb)) or _hands_contract(verb, cls):
        # "Portugal awarded (handed) a contract to Embraer": the buyer awards
        return Role(RECIPIENT, f"subject of '{verb.text}' (awards the contract)", verb.i)
    if cls.has("sign", _w(verb)) and any(
        c.dep_ == "prep" and _w(c) in ("with", "between") for c in verb.children
    ):
        return Role(PARTY, f"subject of '{verb.text} … with'", verb.i)
    if _commands(verb, cls):  # "a court ordered the government to halt the exports"
        return Role(THIRD, f"subject of '{verb.text}' (a command)", verb.i)
    if cls.has("deny", _w(verb)):  # "Israel denies sending weapons": nothing was sent
        return Role(THIRD, f"subject of '{verb.text}' (a denial)", verb.i)
    if cls.has("veto", _w(verb)) or _bans_own_sales(verb, cls) is not None:
        # "the UAE suspended its deal to buy F-35s": the buyer calls off its own purchase
        own = _object_purpose(verb, cls, clause=True)
        if own is not None and own.role == RECIPIENT:
            return own
        # "Germany halted arms sales to Riyadh": the exporter's own government, unless another
        # seller is named ("Switzerland blocked the export ... from Germany": a re-export veto).
        return Role(SUPPLIER, f"subject of '{verb.text}' {BLOCKER}", verb.i, weak=True)
    for v in _chain(verb, cls=cls):
        w = _w(v)
        if _failed_attempt(v, cls) and cls.any(("buy", "sell"), w):
            return Role(NO_ROLE, f"subject of '{verb.text} … {v.text}' (a failed attempt)", v.i)
        if cls.has("choose", w) and _negated_choice(v):
            # "chose not to sell", "did not choose the jet": the subject buys nothing, and is not
            # left free for a later guess at the buyer either
            return Role(NO_ROLE, f"subject of '{v.text}' (a choice not to)", v.i)
        # "is the country that condemned the sale", "showed interest in condemning the sale":
        # the relative clause (the gerund) says what the subject does
        if cls.has("threat", w) and (v == verb or v.dep_ in ("relcl", "pcomp")):
            return Role(THIRD, f"subject of '{v.text}'", v.i)
        if cls.has("induct", w) and not _takes_arms(v, cls):
            continue  # "commissioned a study of Russian submarines": no arms taken
        if v != verb and v.dep_ == "pcomp" and not _gerund_takes_arms(v, cls):
            # "interest in acquiring a drone maker (a stake)": it buys a firm, not arms, and is
            # no buyer for a later guess either
            return Role(NO_ROLE, f"subject of '{v.text}' (a firm, not arms)", v.i)
        if cls.has("buy", w) and any(_leave_to_sell(c, cls) for c in v.children):
            continue  # "received permission from X to sell": leave, not arms; it sells
        if cls.has("buy", w) and not _commands(v, cls):
            if _bought_for_a_state(v) is not None:
                # "would purchase NASAMS for Kyiv": it pays and hands them on, the donor
                return Role(SUPPLIER, f"subject of '{v.text} … for' (buys for another)", v.i)
            return Role(RECIPIENT, f"subject of '{v.text}'", v.i)
        if cls.has("sell", w) and _equips_own(v, cls):
            return Role(RECIPIENT, f"subject of '{v.text}' (equips its own)", v.i)
        if cls.has("sell", w) and _gives_no_arms(v, cls):
            # "Japan is lending Egypt money", "pledged support to X": no arms, and no side
            return Role(NO_ROLE, f"subject of '{v.text}' (gives no arms)", v.i)
        if cls.has("sell", w) and not _sends_message(v, cls):
            return Role(SUPPLIER, f"subject of '{v.text}'", v.i)
        if _builds_for(v, cls) is not None:  # "the shipyard builds corvettes for Egypt"
            return Role(SUPPLIER, f"subject of '{v.text} … for' (makes them for a buyer)", v.i)
        if cls.has("take", w) and any(_w(c) in ("delivery", "possession") for c in v.children):
            return Role(RECIPIENT, "subject of 'took delivery'", v.i)
        if _asks_for_arms(v, cls):  # "Tunisia asked the US for helicopters"
            return Role(RECIPIENT, f"subject of '{v.text}' (asks for arms)", v.i)
        if (
            cls.has("narrow", w)
            and any(_w(c) in ("to", "down") for c in v.children)
            and _narrows_field(v, cls)
        ):
            # "Peru narrowed its choice to A and B": it buys from the one it will pick
            return Role(RECIPIENT, f"subject of '{v.text} … to' (picks among them)", v.i)
        into = _into_service(v, cls)
        if into is not None:
            return Role(RECIPIENT, f"subject of '{v.text} into {into}'", v.i)
    if cls.has("approve", _w(verb)) and any(c.dep_ == "dobj" for c in verb.children):
        own = _object_purpose(verb, cls)  # "Spain approves the purchase of Hürjet jets"
        if own is not None and own.role == RECIPIENT:
            return own
        # "Washington cleared Bulgaria to buy": the approving government sells
        return Role(SUPPLIER, f"subject of '{verb.text}' (the exporter's approval)", verb.i)
    permit = next((c for c in verb.children if c.dep_ == "dobj" and _export_permit(c, cls)), None)
    if permit is not None:
        # "Canada scrapped (suspended, granted) export permits to Turkey": a government acts on
        # its own exports; weak, as a blocker is, so a seller named in the sentence comes first
        return Role(
            SUPPLIER, f"subject of '{verb.text} … {permit.text}' (its exports)", verb.i, weak=True
        )
    for v in _chain(verb, depth=1):
        for c in v.children:
            if c.dep_ == "acomp" and _interest_in_arms(c, cls):  # "is interested in the jet"
                return Role(RECIPIENT, f"subject of '{v.text} {c.text} in'", v.i)
            if c.dep_ in ("dobj", "attr", "nsubjpass"):
                kind = _noun_class(c, cls)
                if kind == RECIPIENT:
                    return Role(RECIPIENT, f"subject of '{v.text} … {c.text}'", v.i)
                if kind == SUPPLIER and cls.any(("weak", "take_in"), _w(v)) and _sent_from_only(c):
                    # "coordinated a shipment of drones from Iran": the seller is named after
                    # "from" and no one after "to"; the subject is where the arms go
                    return Role(RECIPIENT, f"subject of '{v.text} … {c.text} from'", v.i)
                if kind == SUPPLIER and cls.has("say", _w(v)):
                    # "Russia views the supply of jets to Ukraine as escalation": who speaks of
                    # (views, fears) a sale is a bystander to it, not its seller
                    return Role(THIRD, f"subject of '{v.text} … {c.text}' (speaks of it)", v.i)
                if kind == SUPPLIER and not cls.has("approve", _w(v)):
                    return Role(SUPPLIER, f"subject of '{v.text} … {c.text}'", v.i)
                if kind == SUPPLIER:  # "the US approved the sale": the seller's government
                    return Role(SUPPLIER, f"subject of '{v.text} … {c.text}' (approval)", v.i)
                if kind == PARTY:
                    return Role(PARTY, f"subject of '{v.text} … {c.text}'", v.i)
    return None


def _builds_for(verb: Any, cls: Classes, wtok: dict[int, Weapon] | None = None) -> Any | None:
    """The "for" of a verb of making arms (the ``build`` class) whose arms are its object, or
    its passive subject, and that names whom they are made for ("Piriou is building patrol
    vessels for Senegal", "the jets were built by CATIC for Ghana"): the maker sells to it.
    Not a building for the maker's own forces nor a plant ("builds a factory for X"): the
    arms must be the thing made. The preposition, or None."""
    if not cls.has("build", _w(verb)) or not verb.tag_.startswith("VB"):
        return None
    made = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "acl":  # "frigates built by X for Y": the noun it hangs on is what is made
        made.append(verb.head)
    if not any(_names_arms(m, wtok or {}, cls) for m in made) or not _named_maker(verb):
        return None
    # the parser hangs "for Y" on the verb, on the arms ("build 11 frigates for the navy") or
    # on the maker after "by" ("built by CATIC for Ghana")
    agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children]
    return next(
        (
            c
            for tok in (verb, *made, *agents)
            for c in tok.children
            if c.dep_ == "prep" and _w(c) == "for"
        ),
        None,
    )


def _named_maker(verb: Any) -> bool:
    """Whether the maker of a verb of making is named: its subject, the subject of the verb it
    completes ("won a contract to build") or whose object it describes, or its "by" phrase
    holds a name or a state's adjective ("Piriou", "the Spanish shipyard"). "The company is
    building jets for X" names none, and the arms' make is no sure guess at the seller (a
    licence builder abroad)."""
    heads = [verb]  # ... or of the verb whose object the arms made are ("launched a vessel
    # built for Senegal")
    while heads[-1].dep_ in ("xcomp", "acl", "advcl", "conj", "dobj") and len(heads) < 4:
        heads.append(heads[-1].head)
    doers = [
        d
        for v in heads
        for c in v.children
        for d in ((c,) if c.dep_ == "nsubj" else c.children if c.dep_ == "agent" else ())
    ]
    return any(
        t.tag_ in ("NNP", "NNPS") or (t.tag_ == "JJ" and t.text[:1].isupper())
        for d in doers
        for t in d.subtree
    )


def _leased_out(verb: Any, cls: Classes) -> bool:
    """Whether a verb of leasing (the ``lease`` class, both ways in English: to rent and to let)
    names whom the arms go "to": then its "by" phrase is the lessor ("two jets were leased to an
    air arm by a US company"), not the lessee it is without one ("jets leased by Croatia")."""
    return cls.has("lease", _w(verb)) and any(
        c.dep_ == "prep" and _w(c) == "to" and any(_lessee(o, cls) for o in c.children)
        for c in verb.children
    )


def _lessee(obj: Any, cls: Classes) -> bool:
    """Whether the object of a lease verb's "to" phrase can take arms: a named state, company or
    body (itself or its modifier, "to the Dutch navy"), or a noun of a force or buyer ("to an
    air arm", "to the customer"). Any other "to" phrase tells when or how far ("leased by Peru
    to the end of the decade"), and then the "by" phrase is still the lessee."""
    if obj.dep_ != "pobj":
        return False
    actors = obj.doc.user_data.get(_ACTOR_TOKENS, ())
    near = (obj, *(m for m in obj.children if m.dep_ in ("compound", "amod", "poss")))
    if any(t.i in actors for t in near):
        return True
    return cls.any(("force", "armed_service", "customer", "firm"), _w(obj))


def _build_verb_of(tok: Any) -> Any:
    """The verb a "for" phrase may belong to when it hangs on the arms made or on the maker
    after "by" (see ``_builds_for``); else the word itself."""
    if tok.dep_ in ("dobj", "nsubjpass"):
        return tok.head
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        return tok.head.head
    return tok


def _bans_own_sales(verb: Any, cls: Classes) -> Any | None:
    """ "Berlin put a ban on its weapon sales to Riyadh": a ban (embargo, halt) put on sales or
    exports by the verb's subject stops its own transfers, so the subject is the blocker.
    The sale noun, or None."""
    if not cls.has("impose", _w(verb)):
        return None
    for o in verb.children:
        if o.dep_ == "dobj":
            sale = _ban_on_sales(o, cls)
            if sale is not None:
                return sale
    return None


def _ban_on_sales(noun: Any, cls: Classes) -> Any | None:
    """The sale a ban noun stops ("a ban on arms exports", "a freeze on weapons sales"), or
    None."""
    if not cls.has("ban_noun", _w(noun)):
        return None
    for p in noun.children:
        if p.dep_ == "prep" and _w(p) == "on":
            for s in p.children:
                if s.dep_ == "pobj" and cls.has("sell_noun", _w(s)):
                    return s
    return None


def _negated_choice(verb: Any) -> bool:
    """A choice that is negated ("did not choose") or a choice not to act ("chose not to
    sell", "opted not to buy"): its subject buys nothing."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return any(
        c.dep_ == "xcomp" and any(n.dep_ == "neg" for n in c.children) for c in verb.children
    )


def _gerund_takes_arms(verb: Any, cls: Classes) -> bool:
    """A gerund after "interest in" reads as buying or selling arms only with arms for its
    object ("in acquiring the Super Tucano", "in buying missiles"); "in acquiring a drone
    maker" buys a firm. A gerund with no object of its own ("in striking a deal to buy")
    leaves the question to the verbs it governs, and one whose object is the state supplied
    ("in supplying India with jets") to the rest of the reader."""
    states = verb.doc.user_data.get(_STATE_TOKENS, ())
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i not in states]
    if not objects or not cls.any(("buy", "sell"), _w(verb)):
        return True
    wtok = verb.doc.user_data.get(_WEAPON_TOKENS, {})
    return _takes_arms(verb, cls) or any(
        _names_arms(o, wtok, cls) or (_arms_noun(o, wtok) and not cls.has("firm", _w(o)))
        for o in objects
    )


def _takes_arms(verb: Any, cls: Classes) -> bool:
    """The verb's object is arms or a ship ("inducted two helicopters", "commissioned the lead
    ship"), or a share of them ("the second batch of", "the first of two frigates"); not a
    study or a report about arms."""
    for c in verb.children:
        if c.dep_ != "dobj":
            continue
        if cls.any(("arms", "hull", "arms_head"), _w(c)):
            return True
        if (cls.has("mod", _w(c)) or _w(c) in _SHARES) and _names_arms(c, {}, cls):
            return True
    return False


def _into_service(verb: Any, cls: Classes) -> str | None:
    """The word after "into" when the verb takes something into service ("will bring into
    service four helicopters", "introduced the jets into operation"): whatever the verb, its
    subject is the force that receives the arms. None otherwise."""
    for p in verb.children:
        if p.dep_ == "prep" and _w(p) == "into":
            noun = next((c for c in p.children if c.dep_ == "pobj"), None)
            if noun is not None and cls.has("service", _w(noun)):
                return noun.text
    return None


def _sent_from_only(noun: Any) -> bool:
    """A sale or shipment noun with a "from" phrase (on it or on its "of" object) and no "to"
    phrase: "a shipment of drones from Iran", not "the export of shells from Germany to X"."""
    preps = [p for p in noun.children if p.dep_ == "prep"]
    for p in list(preps):
        if _w(p) == "of":
            preps += [q for o in p.children for q in o.children if q.dep_ == "prep"]
    words = {_w(p) for p in preps}
    return "from" in words and "to" not in words


def _deal_to_sell(verb: Any, cls: Classes) -> bool:
    """The signing verb's deal is a sale: an export or sales deal ("finalised an arms export
    deal with"), a deal whose infinitive sells ("a deal with Y to sell it drones"), or a
    purpose clause of selling on the verb itself."""
    for c in verb.children:
        if c.dep_ in ("advcl", "xcomp") and cls.has("sell", _w(c)):
            return True
        if c.dep_ != "dobj":
            continue
        for m in c.children:
            if m.dep_ in ("compound", "amod", "nmod") and cls.has("sell_noun", _w(m)):
                return True
            if m.dep_ in ("acl", "relcl") and cls.has("sell", _w(m)):
                return True
    return False


def _commands(verb: Any, cls: Classes) -> bool:
    """ "order" as an instruction, not a purchase: with an object and an infinitive ("ordered
    the government to halt the exports"), with a halt as its object ("ordered the halt of the
    shipments"), or with no object at all, hung on the clause that says what must be done ("the
    government must stop the deliveries, a court ordered")."""
    if not cls.has("command", _w(verb)):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # an infinitive, not "ordered missiles worth 300 million francs" (the value as an xcomp)
    if objects and any(c.dep_ == "xcomp" and not _is_value(c, cls) for c in verb.children):
        return True
    if any(cls.has("veto", _w(o)) for o in objects):
        return True
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    return not objects and not passive and verb.dep_ in ("advcl", "ccomp", "parataxis")


def _command_noun(noun: Any, cls: Classes) -> bool:
    """ "the order to stop the shipments": an order whose infinitive is not a purchase or a
    sale is an instruction (not "an order to buy 12 jets")."""
    if not cls.has("command", _w(noun)):
        return False
    for c in noun.children:
        if c.dep_ == "acl" and any(a.dep_ == "aux" and _w(a) == "to" for a in c.children):
            return not cls.any(("buy", "sell"), _w(c))
    return False


def _prep_role(prep: Any, cls: Classes, wtok: dict[int, Weapon]) -> Role | None:
    beside = _phrase_continued(prep)
    if beside is not None:  # "12 from A and 12 from B", "from Airbus Military in Spain"
        role = _prep_role(beside, cls, wtok)
        # "in X" holds only after a company (``_seat_of_a_company``, which knows the actors)
        end = _SELLER_SEAT if _w(prep) == "in" else " (the list goes on)"
        return replace(role, cue=role.cue + end) if role is not None else None
    p, h = _w(prep), _gapped_verb(_past_value(prep.head, cls))
    if _failed_attempt(h, cls) and cls.any(("buy", "sell"), _w(h)):  # "failed to sell … to X"
        return Role(NO_ROLE, f"'{h.head.text} to {h.text} … {p}' (a failed attempt)", h.i)
    if h.tag_.startswith("VB") and not _transfer_word(h, wtok, cls, 0, buying=True):
        # "vetoed the export of shells to Ukraine": the phrase belongs to the verb's object
        obj = next(
            (
                c
                for c in h.children
                if c.dep_ == "dobj" and (_noun_class(c, cls) or _export_permit(c, cls))
            ),
            None,
        )
        if obj is None:  # "put a ban on its weapon sales to Riyadh": the banned sale's phrase
            obj = _bans_own_sales(h, cls)
        h = obj if obj is not None else h
    hw = _w(h)
    if p == "from":
        if _leave_to_sell(h, cls):  # "permission from Washington to sell the system to X"
            return Role(THIRD, f"'{h.text} from' (approves another's sale)", h.i)
        if cls.has("captured", hw):
            return Role(THIRD, f"'{h.text} from'")
        won = _wins_order(h.head, cls) if h.head.i != h.i else None
        if won is not None and won.i == h.i:  # "won an order from Egypt" (tokens: by index)
            return Role(RECIPIENT, f"'{h.head.text} … {h.text} from' (places the order)", h.i)
        if h.dep_ == "acl" and _retired(h.head, cls):  # "retiring the system bought from X"
            return Role(THIRD, f"'{h.text} from' {RETIRED}")
        if _licence_to_make(h, cls):  # "frigates built in India under a licence from Russia"
            return Role(THIRD, f"'{h.text} from' (licensor of a build)", h.i)
        made = _making_participle(h, cls)
        if made is not None:  # "received drones made in Turkey from Poland": the seller
            return Role(SUPPLIER, f"'{made.text} … from' (past '{h.text}')", made.i)
        if _transfer_word(h, wtok, cls, 1, buying=True):  # not "wresting control from Russia"
            return Role(SUPPLIER, f"'{h.text} … from'", h.i)
        if _asks_for_arms(h, cls):  # "requested Taurus missiles from Germany"
            return Role(SUPPLIER, f"'{h.text} … from' (asked for arms)", h.i)
        return None
    narrowed = _narrowed_to(prep, cls) if p == "to" else None
    if narrowed is not None:  # "narrowed its choice of jets to A and B": the candidates
        return Role(SUPPLIER, f"'{narrowed.text} … to' (a candidate)", narrowed.i)
    if p == "to" and (cls.has("award", hw) or _hands_contract(h, cls)):
        return Role(SUPPLIER, f"'{h.text} … to' (wins the contract)", h.i)
    if p == "to" and h.head != h and cls.has("award", _w(h.head)) and _noun_class(h, cls):
        return Role(SUPPLIER, f"'{h.head.text} … {h.text} to' (wins the contract)", h.i)
    if p == "by" and (cls.has("award", hw) or cls.has("award", _w(h.head))):
        return Role(RECIPIENT, f"'{h.text} by' (awards the contract)", h.i)
    if p == "to":
        if _sends_message(h, cls):  # "sent a letter to Bern about the shells"
            return None
        if _gives_no_arms(h if h.tag_.startswith("VB") else h.head, cls):
            return None  # "pledged support to Ukraine", "lent money to Egypt": no arms, no side
        carrier = any(c.dep_ == "nsubj" and _arms_at(c, wtok, cls) for c in h.children)
        if carrier and _goods_only(h, cls, wtok):  # "a C-17 flew the supplies to Egypt"
            return Role(NO_ROLE, f"'{h.text} … to' (a transport's goods, not arms)", h.i)
        if _transfer_word(h, wtok, cls) and not cls.has("buy", hw):
            return Role(RECIPIENT, f"'{h.text} … to'", h.i)
        sale = _export_permit(h, cls)
        if sale is not None:  # "suspended export permits for drone parts to Turkey"
            return Role(RECIPIENT, f"'{sale.text} {h.text} … to'", h.i)
        sale = _sale_beside(prep, cls, wtok)
        if sale is not None:
            return Role(RECIPIENT, f"'{sale.text} … to' (beside '{h.text}')", sale.i)
        return None
    if p == "for":
        if h.i in wtok or cls.any(("sell_noun", "deal", "buy_noun", "arrive", "sell"), hw):
            return Role(RECIPIENT, f"'{h.text} … for'", h.i)
        made_for = _builds_for(_build_verb_of(h), cls, wtok)
        if made_for is not None and made_for.i == prep.i:  # "built frigates for the navy"
            return Role(RECIPIENT, f"'{h.text} … for' (made for it)", h.i)
        bought_for = _bought_for_a_state(h) if cls.has("buy", hw) else None
        if bought_for is not None and bought_for.head == prep:
            return Role(RECIPIENT, f"'{h.text} … for' (bought for it)", h.i)
        if cls.has("choose", hw) and any(c.dep_ == "auxpass" for c in h.children):
            # "the AMV has been selected for the Japanese army": the force it is chosen for
            return Role(RECIPIENT, f"'{h.text} for' (the chooser)", h.i)
        return None
    if p == "by" and (prep.dep_ == "agent" or h.tag_ == "VBN" or _noun_class(h, cls)):
        # not "photo made by": the thing made is a weapon or names arms ("the lead ship of a
        # class of corvette developed by")
        made = cls.has("made", hw) and (h.i in wtok or _names_arms(h.head, wtok, cls))
        made = made or _builds_for(h, cls, wtok) is not None  # "built by X for Y": X sells
        if cls.has("sell", hw) or made or _noun_class(h, cls) == SUPPLIER:
            return Role(SUPPLIER, f"'{h.text} by'", h.i)
        if _leased_out(h, cls):  # "let to an air arm by a US company": the lessor
            return Role(SUPPLIER, f"'{h.text} to … by' (the lessor)", h.i)
        if cls.has("buy", hw) or _noun_class(h, cls) == RECIPIENT:
            return Role(RECIPIENT, f"'{h.text} by'", h.i)
        return None
    if p == "between" and (cls.any(("deal", "sign", "talks"), hw) or _noun_class(h, cls)):
        return Role(PARTY, f"'{h.text} between'", h.i)  # "signed between France and Egypt"
    if p == "with":
        through = _bought_through(h, cls)
        if through is not None:  # "the jets were procured through a deal with Poland"
            return through
        if cls.any(("deal", "sign", "talks", "approve"), hw) or _noun_class(h, cls) == PARTY:
            return Role(PARTY, f"'{h.text} with'", h.i)
        deal = _deal_above(h, cls)
        if deal is not None:  # "a deal on the delivery of six frigates with Italy"
            return Role(PARTY, f"'{deal.text} … with'", deal.i)
        return None
    made_in = _place_of_making(prep, h, cls, wtok) if p == "in" else None
    if made_in is not None:  # "drones made in China": the maker's state, as "Chinese-made"
        return Role(SUPPLIER, f"{MAKER_OF}'{made_in.text}' (made in)", made_in.i, maker=True)
    if p in ("in", "at"):
        movers = [c for c in h.children if c.dep_ == "nsubj"]
        own_force = any(cls.has("force", _w(c)) for m in movers for c in (m, *m.children))
        # nor "transports arrived in Turkey, carrying relief teams and equipment": carriers
        carrying = any(
            c.dep_ == "advcl" and cls.has("carry", _w(c)) and _goods_only(c, cls, wtok)
            for c in h.children
        )
        if cls.has("arrive", hw) and not (own_force or carrying):
            return Role(RECIPIENT, f"'{h.text} in'", h.i)
        if p == "at" and _venue_of_transfer(prep, h, cls):
            return Role(THIRD, f"'{h.text} at' {VENUE}")
        return Role(THIRD, f"'{p}'")
    return None


def _venue_of_transfer(prep: Any, verb: Any, cls: Classes) -> bool:
    """An "at" phrase names where arms change hands ("handed over at a ceremony", "commissioned
    at the naval base", "shown at the army's base"): not on a verb of saying ("the minister
    said at a forum in Egypt"), and not when its object is a gathering a state only hosts
    ("at the air show in France", the ``event`` class). Narrower than "only on the transfer
    word": that rule also lost an envoy's post read as the buyer's ground on dev (2026-12-07)."""
    if cls.has("say", _w(verb)) or cls.has("say", _w(prep.head)):
        return False
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is None or not cls.has("event", _w(obj))


def _of_make(noun: Any, wtok: dict[int, Weapon], cls: Classes) -> Any | None:
    """The arms an "of" phrase of make qualifies ("helicopters of Russian origin", "rifles of
    Chinese make", "a system of Israeli design"): the adjective on the noun of make names the
    maker's state, as the same adjective before the arms does. The arms noun, or None."""
    if not cls.has("make_noun", _w(noun)) or noun.dep_ != "pobj" or _w(noun.head) != "of":
        return None
    arms = noun.head.head
    return arms if arms.i != noun.head.i and _arms_at(arms, wtok, cls) else None


def _licence_to_make(noun: Any, cls: Classes) -> bool:
    """A licence under which arms are made ("frigates built in India under a licence from
    Russia", "is assembling the jets under licence from Sweden"): the licensor sells no arms;
    the licensee makes them (label rules: licence production is no pair). Another trigger may
    still name the licensor a seller ("Russia delivered the kits")."""
    if not cls.has("permit", _w(noun)) or noun.dep_ != "pobj":
        return False
    prep = noun.head
    return _w(prep) in ("under", "with") and cls.any(("making", "build"), _w(prep.head))


def _making_participle(verb: Any, cls: Classes) -> Any | None:
    """The verb of buying or receiving whose arms a participle of making qualifies, when a
    "from" phrase hangs on that participle ("received drones made in Turkey from Poland"): the
    small parser attaches the phrase to the nearer verb, but nothing is made "from" a state, so
    it names the seller of the clause the arms belong to. That verb, or None."""
    if not cls.has("making", _w(verb)) or verb.tag_ != "VBN" or verb.dep_ not in ("acl", "amod"):
        return None
    main = verb.head.head
    if main.i == verb.head.i or not cls.any(_FROM_WORDS, _w(main)):
        return None
    return main


def _place_of_making(prep: Any, verb: Any, cls: Classes, wtok: dict[int, Weapon]) -> Any | None:
    """The arms a past participle of making places in a state ("drones made in China",
    "frigates built in South Korea", "jets were manufactured in Italy"): the state names where
    they were made, a seller as an origin adjective is ("Chinese-made"), so unless another
    seller is named (``maker``). The arms noun, or None: not a place of a plant or a deal
    ("a factory built in Poland", "signed in Paris"), nor a verb with a doer of its own
    ("Hanwha builds K9s in Poland": a licence maker abroad is no sure seller)."""
    if not cls.has("making", _w(verb)) or verb.tag_ != "VBN" or prep.head.i != verb.i:
        return None
    if verb.dep_ in ("acl", "amod"):  # "drones made in China": the noun it hangs on
        noun = verb.head
    else:  # "the drones were made in China": the passive subject
        noun = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if noun is None or not _names_arms(noun, wtok, cls):
        return None
    return noun


def _bought_through(deal: Any, cls: Classes) -> Role | None:
    """A deal through which arms were bought or sold ("procured through a deal with Poland",
    "sold under an agreement with Egypt"): its "with" names the other side of that verb, even
    when the buyer is left unnamed (a passive), so there is no subject to pair it with."""
    prep = deal.head
    if not cls.has("deal", _w(deal)) or deal.dep_ != "pobj":
        return None
    if _w(prep) not in ("through", "under", "via", "in"):
        return None
    verb = prep.head
    if cls.has("buy", _w(verb)) and not cls.has("sell", _w(verb)):
        return Role(SUPPLIER, f"'{verb.text} … {deal.text} with' (sells)", verb.i)
    if cls.has("sell", _w(verb)) and not cls.has("buy", _w(verb)):
        return Role(RECIPIENT, f"'{verb.text} … {deal.text} with' (buys)", verb.i)
    return None


def _is_value(tok: Any, cls: Classes) -> bool:
    """A word of a money amount: a number, a currency sign or word, or "worth"."""
    return tok.tag_ in ("CD", "$") or _w(tok) == "worth" or cls.has("currency", _w(tok))


def _past_value(tok: Any, cls: Classes) -> Any:
    """The word a money amount measures, for a phrase the parser hangs on the amount: in
    "ordered missiles worth 300 million francs from the United States" and "permits worth
    R37 million to Saudi Arabia" the "from"/"to" phrase belongs to the order or the permits,
    not to the francs (the amount sits between the arms and the phrase)."""
    for _ in range(6):
        if not _is_value(tok, cls) or tok.head == tok:
            return tok
        tok = tok.head
    return tok


def _deal_above(noun: Any, cls: Classes) -> Any | None:
    """The deal whose object phrase holds ``noun`` ("an accord for the purchase of 20 tanks",
    "an agreement on the delivery of tanks"): the parser hangs a "with Y" that follows the
    object phrase on its last noun, but Y is the deal's counterpart. Climbs noun ← of/for/on ←
    noun, at most three steps, and stops at anything else (not "in line with")."""
    for _ in range(3):
        prep = noun.head
        if not (_is_noun(noun) and noun.dep_ == "pobj" and _w(prep) in ("of", "for", "on")):
            return None
        noun = prep.head
        if cls.any(("deal", "talks"), _w(noun)):
            return noun
    return None


def _phrase_continued(prep: Any) -> Any | None:
    """The earlier "from" or "to" phrase that a phrase the small parser hangs elsewhere
    continues: a numeral joined to the list with the arms left out ("bought 12 jets from A and
    12 from B", where "12" hangs on the verb), or "in X" right after the object of "from"
    ("aircraft from Airbus Military in Spain": the seller's state, hung on the aircraft). That
    earlier preposition, or None."""
    doc, h, p = prep.doc, prep.head, _w(prep)
    if p in ("from", "to") and h.tag_ == "CD" and h.dep_ == "conj":
        return next(
            (t for t in reversed(doc[: h.i]) if _w(t) == p and t.dep_ in ("prep", "dative")),
            None,
        )
    if p == "in" and prep.i > 0:
        left = doc[prep.i - 1]
        if left.dep_ == "pobj" and _w(left.head) == "from" and left.head.head.i == h.i:
            return left.head
    if p in ("from", "to") and prep.dep_ != "conj":
        return _narrowed_phrase(prep)
    return None


def _narrowed_phrase(prep: Any) -> Any | None:
    """ "ready to export jets to Africa, especially to countries like A, B and C", "in
    particular to A and B": a "to" or "from" phrase led by a word of focus narrows the earlier
    phrase of the same preposition, whose verb the parser's phrase hangs above (on a verb that
    holds it, or on "in" as a conjunct). That earlier preposition, or None."""
    p = _w(prep)
    if p not in ("from", "to") or not _focused(prep):
        return None
    verb = next((t for t in (prep, *prep.ancestors) if t.tag_.startswith("VB")), None)
    if verb is None:
        return None
    return next(
        (
            t
            for t in reversed(prep.doc[: prep.i])
            if _w(t) == p
            and t.dep_ in ("prep", "dative")
            and t.head.i != prep.head.i
            and (t.head.i == verb.i or verb in t.head.ancestors)
        ),
        None,
    )


# words that narrow a phrase to some of what an earlier one named ("especially to A and B")
_FOCUS = frozenset({"especially", "particularly", "notably", "mainly", "mostly", "chiefly",
                    "primarily", "principally", "largely", "above all",
                    "in particular"})  # fmt: skip


def _focused(prep: Any) -> bool:
    """A preposition led by a word of focus: "especially to", "mainly from", "in particular to"
    (the words before it, or an adverb the parser hangs on it)."""
    doc = prep.doc
    if any(c.dep_ == "advmod" and _w(c) in _FOCUS for c in prep.children):
        return True
    before = " ".join(_w(t) for t in doc[max(0, prep.i - 2) : prep.i])
    return any(before == f or before.endswith(" " + f) for f in _FOCUS)


def _sale_beside(prep: Any, cls: Classes, wtok: dict[int, Weapon]) -> Any | None:
    """A "to X" that the parser hangs on a noun next to the sale rather than on the sale:
    "the signing of new contracts for sales of jets to two states" puts "to" on
    "signing"; the sale or the arms in a sibling "of"/"for" phrase is what goes to X."""
    h = prep.head
    if not _is_noun(h):
        return None
    for c in h.children:
        # "on": "a freeze on weapons sales to Turkey", the "to" hung on the freeze
        if c.dep_ != "prep" or c.i > prep.i or _w(c) not in ("of", "for", "on"):
            continue
        for o in c.children:
            if o.dep_ == "pobj" and (cls.has("sell_noun", _w(o)) or _arms_noun(o, wtok)):
                return o
    return None


def passed_over(tok: Any, cls: Classes) -> bool:
    """The token sits in the alternative a choice passed over: the object of "over" on a verb of
    choosing (a choice made) or on its chosen object ("picked the K2 over the Leopard", "opted
    for the Gripen over jets built by X"). What lost the competition changes no hands; its
    maker is no seller.
    The parse reader's rule; the symbol reader's, by word order, is ``pairs._passed_over``."""
    for anc in tok.ancestors:
        if anc.dep_ != "prep" or anc.lower_ != "over":
            continue
        head = anc.head
        if head.dep_ == "pobj" and head.head.dep_ == "prep":  # "opted for the jets over ..."
            head = head.head
        if head.dep_ in ("dobj", "prep"):  # "chose the FA-50 over ...": the chosen object
            head = head.head
        return _choice(head, cls)
    return False


def _choice(verb: Any, cls: Classes) -> bool:
    """A choice made ("chose", "has selected", "opts for"), not one to come ("likely to choose
    F-16s over Rafales": both still compete)."""
    return cls.any(("choose", "opt"), _w(verb)) and verb.tag_ != "VB"


def _rival_makers(out: dict[int, Role], doc: Any, cls: Classes) -> None:
    """In a sentence that tells of a choice over a rival, a maker's adjective sells only the
    arms chosen ("opted for the US-made jets over ..."); on other arms of the sentence it names
    another bidder of the field ("... over the Tejas; the field included the Russian-made
    MiG-35"): a bystander."""
    chosen = {
        o.i
        for v in doc
        if _choice(v, cls)
        for c in v.children
        for o in ([c] if c.dep_ == "dobj" else [g for g in c.children if g.dep_ == "pobj"])
        if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "for")
    }
    for k, r in list(out.items()):
        if r.maker and r.role == SUPPLIER and r.anchor not in chosen:
            out[k] = Role(THIRD, f"{r.cue} {RIVAL}")


def _retired(noun: Any, cls: Classes) -> bool:
    """The arms are what a verb of retiring or replacing acts on ("to replace the MiG-29 jets",
    "after decommissioning the system"). The parse reader's rule; the symbol reader's, by word
    distance, is ``pairs._retired``."""
    return noun.dep_ in ("dobj", "pobj") and cls.has("retire", _w(noun.head))


def _carrier(noun: Any, cls: Classes) -> bool:
    """The arms noun is the subject of a verb of carrying that has an object of its own: a
    transport aircraft or ship moving the cargo ("an An-124 delivered five helicopters"), the
    weapon's name also as a modifier of that subject ("an Antonov transport aircraft"). The
    parse reader's rule; the symbol reader's is ``pairs._carriers``."""
    for _ in range(3):
        if noun.dep_ not in ("compound", "amod", "nmod") or noun.head == noun:
            break
        noun = noun.head
    verb = noun.head
    return (
        noun.dep_ == "nsubj"
        and cls.has("carry", _w(verb))
        and any(c.dep_ == "dobj" for c in verb.children)
    )


def _goods_only(verb: Any, cls: Classes, wtok: dict[int, Weapon]) -> bool:
    """The verb's object is goods or people and names no arms ("delivered the supplies",
    "carrying relief personnel and equipment"): what it moves is aid, so the place it goes to
    gets no arms. Not "military supplies"."""
    goods = ("cargo", "also", "force")
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
    if not objects or not any(cls.any(goods, _w(o)) for o in objects):
        return False
    # the verb too: a headline's "bans drone supplies to X" is parsed with "drone" as the verb
    return not any(
        t.i in wtok or cls.has("arms", _w(t)) or _w(t) == "military"
        for t in (verb, *(t for o in objects for t in o.subtree))
    )


def _sends_message(verb: Any, cls: Classes) -> bool:
    """A verb of sending whose object is a letter, a request or a delegation, not arms."""
    return any(c.dep_ == "dobj" and cls.has("message", _w(c)) for c in verb.children)


_TO_WORDS = ("sell", "sell_noun", "deal", "approve", "offer", "arrive")
_FROM_WORDS = (*_TO_WORDS, "buy", "buy_noun")


def _transfer_word(
    tok: Any, wtok: dict[int, Weapon], cls: Classes, hops: int = 2, *, buying: bool = False
) -> bool:
    """The word a 'to X' hangs on is a sale, a delivery, a weapon, an approval or an offer
    (directly or one or two steps up: "sale of F-16 jets to Turkey"); for 'from X' a purchase
    too."""
    words = _FROM_WORDS if buying else _TO_WORDS
    for _ in range(hops + 1):
        w = _w(tok)
        if _participle_as_preposition(tok):
            return False  # "Given the threat from Russia, ...": no giving, the threat's source
        if _arms_noun(tok, wtok) or cls.any(words, w):
            return True
        if tok.head == tok or tok.tag_.startswith("VB"):
            return False
        tok = tok.head
    return False


def _participle_as_preposition(tok: Any) -> bool:
    """A participle the parse uses as a preposition or a conjunction, with no auxiliary of its
    own ("Given the threat from Russia, ...", "provided that ..."): it opens a circumstance and
    names no transfer, though the same word is a verb of giving in "was given", "has provided"."""
    return (
        tok.tag_ in ("VBN", "VBG")
        and tok.dep_ in ("prep", "mark")
        and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
    )


def arms_object(doc: Any, at: int, arms: Sequence[tuple[int, int]], cls: Classes) -> bool:
    """The verb starting at character ``at`` has arms (a span of ``arms``, character offsets)
    as its object, a member of its object's list, or the "of" phrase of an object that counts
    them ("a first lot of patrol boats", "four high-performance helicopters and radars"; not
    "ownership of the jets"); for an arrival verb its subject, and for the verb of a relative
    clause with no object of its own the noun the clause hangs on ("the jets (that) it had
    ordered")."""
    verb = next((t for t in doc if t.idx == at), None)
    if verb is None:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # a phrasal verb's object the parser hangs on its particle ("hands over two boats" read as
    # "over" + object): the object of the verb all the same
    objects += [g for p in verb.children if p.dep_ == "prt" for g in p.children if g.dep_ == "pobj"]
    if cls.has("ask", _w(verb)):  # "asked the US for helicopters": what is asked for
        objects += _prep_objects(verb, "for")
    if cls.has("interest", _w(verb)):  # "interest in the jets": what is wanted follows "in"
        objects += _prep_objects(verb, "in")
    if cls.has("arrive", _w(verb)):  # what arrives is its subject ("two jets arrived in X")
        objects += _arriving(verb, cls)
    if verb.dep_ == "relcl" and all(_relative_pronoun(o) for o in objects):
        objects.append(verb.head)  # "the helicopters (that) it had ordered from X"
    if all(_relative_pronoun(o) for o in objects):  # none, or only "that": the chain's object
        objects += _object_up_the_chain(verb)
    described = _participle_noun(verb)
    if described is not None and not objects:
        # "the patrol vessel Emer, retired in 2013 and later sold to X": what the participle
        # describes is what was sold, and a name's compounds say what kind of thing it is
        objects.append(described)
        if described.tag_ in ("NNP", "NNPS"):
            objects += [m for m in described.lefts if m.dep_ in _QUALIFIERS]
    # a passive verb's subject is what it acts on ("the jets ... were bought by X")
    objects += [c for c in verb.children if c.dep_ == "nsubjpass"]
    objects += [c for o in objects for c in o.conjuncts]
    # the same object told again ("700 million euros (800 million dollars) worth of jets")
    objects += [c for o in objects for c in o.children if c.dep_ == "appos"]
    objects += [g for o in objects if _counts_arms(o, cls) for g in _prep_objects(o, "of")]
    objects += [m for o in objects if _holds_arms(o, cls) for m in o.lefts if m.dep_ in _QUALIFIERS]
    return any(a <= o.idx < b for o in objects for a, b in arms)


def _relative_pronoun(tok: Any) -> bool:
    """A relative pronoun the parser takes for an object ("the jets that it ordered": "that" is
    often tagged a preposition)."""
    return tok.tag_ in ("WDT", "WP") or _w(tok) in _RELATIVE


def _object_up_the_chain(verb: Any) -> list[Any]:
    """What an infinitive with no object of its own acts on, read from the verbs it completes
    (up to three ``xcomp`` steps): as a passive ("two boats are expected to be handed over to
    X"), the subject of the verb it completes; in a relative clause ("the tanks (that) X chose
    to acquire"), the noun the clause hangs on. [] for any other verb."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if passive and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []  # a subject of its own
    for _ in range(3):
        if verb.dep_ != "xcomp":
            return []
        verb = verb.head
        if passive:
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return subjects
        if verb.dep_ == "relcl":
            own = [c for c in verb.children if c.dep_ == "dobj" and not _relative_pronoun(c)]
            return [] if own or not _is_noun(verb.head) else [verb.head]
    return []


def _participle_noun(verb: Any) -> Any | None:
    """The noun a past participle describes ("frigates sold to Egypt", "the ship, retired in
    2013 and sold to X": a participle joined to one that describes it), if the verb is one. A
    participle hung on an aside that glosses the noun ("12 jets, largely second-hand, given by
    X": the parser makes "hand" an apposition) describes the noun glossed."""
    if verb.tag_ != "VBN":
        return None
    if verb.dep_ == "conj" and verb.head.dep_ == "acl":
        verb = verb.head
    if verb.dep_ != "acl" or not _is_noun(verb.head):
        return None
    noun = verb.head
    if noun.dep_ == "appos" and _is_noun(noun.head) and noun.i > noun.head.i:
        return noun.head
    return noun


# The dependents before a noun that say what kind of thing it is ("interceptor boats", "missile
# systems", "a military hardware consignment", "BRDM-3 reconnaissance vehicles").
_QUALIFIERS = ("compound", "amod", "nmod")


def _holds_arms(noun: Any, cls: Classes) -> bool:
    """A noun that is arms when its qualifiers are: a generic head of an arms phrase
    (``arms_head``: systems, vehicles), a hull (boats, craft) or a unit or lot of goods
    (``mod``: consignment, batch, batteries). Not a noun of its own ("missile training",
    "drone technology"), whose qualifier only says what it is about."""
    w = _w(noun)
    return cls.any(("arms_head", "hull", "mod"), w)


def _arriving(verb: Any, cls: Classes) -> list[Any]:
    """The subject of an arrival verb, or of the verbs it hangs on as an infinitive ("jets are
    set to arrive", "will begin to arrive"): what arrives. None when it arrives carrying
    something ("four transports arrived, carrying tents"): a carrier, not the cargo."""
    if any(c.dep_ == "advcl" and cls.has("carry", _w(c)) for c in verb.children):
        return []
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects or verb.dep_ != "xcomp":
            return subjects
        verb = verb.head
    return []


def _counts_arms(noun: Any, cls: Classes) -> bool:
    """A noun that counts, groups or prices what its "of" phrase names: "a batch of", "a total
    of", "its fleet of", "the first of", "$2 billion worth of", "600 million dollars of"."""
    w = _w(noun)
    if cls.any(("mod", "currency"), w) or w in _SHARES:
        return True
    return w in ("total", "fleet", "set", "worth")


def is_subject_span(doc: Any, start: int, end: int) -> bool:
    """The words at ``start:end`` of the parsed sentence ``doc`` are its subject, or the "of"
    phrase or apposition of its subject ("the republic of X"); not a word that only qualifies
    the subject ("US officials")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root
    for _ in range(3):
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ == "of":
            tok = tok.head.head
        elif tok.dep_ == "appos":
            tok = tok.head
        else:
            return False
    return False


def _party_marks(doc: Any, word: str, deps: tuple[str, ...] = ("prep",)) -> Iterator[Any]:
    """The tokens that mark a party of the word they hang on: the preposition ``word`` with its
    object ("to many NATO members", "from a dealer"), or a token of another of ``deps`` (a
    dative: "sold Chile two frigates")."""
    for t in doc:
        if t.dep_ not in deps or t.head == t:
            continue
        if t.dep_ == "prep" and _w(t) != word:
            continue
        if _w(t) == word and not any(c.dep_ == "pobj" for c in t.children):
            continue
        yield t


def names_its_own_recipient(doc: Any, cls: Classes) -> bool:
    """The sentence says whom a sale or delivery goes to ("sells tanks to many NATO members",
    "selling jets to dozens of countries", "sold Chile two frigates"), a state or not: its
    seller deals with that recipient, not with a buyer another sentence names."""
    for t in _party_marks(doc, "to", ("prep", "dative", "iobj")):
        if 0 < t.i < len(doc) - 1 and "-" in (doc[t.i - 1].text, doc[t.i + 1].text):
            continue  # "government-to-government deals": a kind of deal, nobody's recipient
        if _transfer_word(t.head, {}, cls, 1) and not cls.has("buy", _w(t.head)):
            return True
    return False


def names_its_own_source(doc: Any, cls: Classes) -> bool:
    """The sentence says where a purchase or delivery comes from ("jets bought from the US
    government", "rifles received from a dealer"), a state or not: the arms came from that
    source, whoever made them."""
    return any(_transfer_word(t.head, {}, cls, 0, buying=True) for t in _party_marks(doc, "from"))


def _subject_and_counterpart(
    out: dict[int, Role], subj: list[int], others: list[int], doc: Any, cls: Classes
) -> None:
    """ "X signed a deal with Y" and nothing else to go on: the subject (each member of a list
    of subjects) buys, as reporting on deals mostly names the buyer first; it sells when the
    deal is a sale ("an export deal with Y", "a deal with Y to sell it drones"). Each of
    ``others`` (one counterpart, or the members of one "with" list) is the other side."""
    anchor = out[subj[0]].anchor
    sells = anchor >= 0 and _deal_to_sell(doc[anchor], cls)
    mine, theirs = (SUPPLIER, RECIPIENT) if sells else (RECIPIENT, SUPPLIER)
    why = " (a deal to sell)" if sells else " (the buyer named first)"
    for s in subj:
        out[s] = Role(mine, out[s].cue + why, out[s].anchor)
    for other in others:
        out[other] = Role(theirs, out[other].cue + " (its counterpart)", out[other].anchor)


def _deal_says_direction(verb: Any, cls: Classes) -> bool:
    """The signing verb says which way its deals go: a sale (``_deal_to_sell``) or a purchase,
    an infinitive or purpose clause that buys ("signed deals with A and B to buy boats")."""
    if _deal_to_sell(verb, cls):
        return True
    for c in verb.children:
        if c.dep_ in ("advcl", "xcomp") and cls.has("buy", _w(c)):
            return True
        if c.dep_ == "dobj" and any(
            m.dep_ in ("acl", "relcl") and cls.has("buy", _w(m)) for m in c.children
        ):
            return True
    return False


def _first_conjunct(doc: Any, actor: Actor) -> int:
    """The token index of the first member of the coordination the actor is in (its own
    otherwise): "with the Netherlands and Austria" gives both the Netherlands."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return -1
    tok = span.root
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
        if tok.dep_ == "appos" and _bracketed(tok):
            # "with A, B (a gloss) and C": the parser hangs C on the gloss as its conjunct;
            # the gloss is B's, so C is still a member of B's list
            tok = tok.head
    return tok.i


def _bracketed(tok: Any) -> bool:
    """The token heads a phrase in parentheses ("Colombia (one of its 25 jets)")."""
    doc = tok.doc
    i = tok.left_edge.i
    return i > 0 and "(" in (doc[i].text, doc[i - 1].text)


def _list_dealing_with_seller(
    out: dict[int, Role],
    actors: Sequence[Actor],
    side: dict[int, int],
    origins: set[str],
    doc: Any,
) -> None:
    """ "Embraer has signed deals with A, B and C", "Saab sold jets, including deals with A and
    B": a list after "with" whose signer (the subject) sells - a company, the arms' maker, or a
    seller already - is the list of its buyers, every member one. Read before the makers decide:
    a member that is the seller's own state (a maker selling at home) is still a member, not
    the seller, and the others do not follow it to the seller's side. Not a list of companies
    ("France signed deals with Dassault and Thales"), and only the subject of the clause that
    holds the list ("X sold tanks to A, while B signed deals with C and D": X is not C's seller)."""
    groups: dict[int, list[int]] = {}
    for k, g in side.items():
        groups.setdefault(g, []).append(k)
    for members in groups.values():
        if len(members) < 2 or any(actors[m].kind == "company" for m in members):
            continue
        sellers = [
            j
            for j, r in out.items()
            if j not in members
            and 0 <= j < len(actors)
            and r.cue.startswith("subject of")
            and all(_clause_verb(doc, out[m].anchor) == r.anchor for m in members)
            and (
                r.role == SUPPLIER
                or (
                    r.role == PARTY
                    and (actors[j].kind == "company" or actors[j].country in origins)
                )
            )
        ]
        if len(sellers) != 1:
            continue
        j = sellers[0]
        if out[j].role == PARTY:
            out[j] = Role(SUPPLIER, out[j].cue + " (deals with a list)", out[j].anchor)
        for m in members:
            why = " (a list dealing with the seller)"
            out[m] = Role(RECIPIENT, out[m].cue + why, out[m].anchor)


def _clause_verb(doc: Any, anchor: int) -> int:
    """The word of the clause an anchor is in that has the subject: the anchor, or the first
    word above it with a subject of its own ("deals" in "signed deals with": "signed";
    "including deals with" under "sold": "sold"); -1 for no anchor."""
    if anchor < 0:
        return -1
    tok = doc[anchor]
    while not any(c.dep_ in (*_SUBJECTS, "nsubjpass") for c in tok.children) and tok.head != tok:
        tok = tok.head
    return tok.i


def _signer_lists(
    doc: Any, actors: Sequence[Actor], out: dict[int, Role], subj: list[int]
) -> set[int]:
    """The coordinations the signers are in. The subject of a bare "did" standing for the
    signing verb ("Peru signed a deal with X, as did Chile") joins its antecedent's list: it
    signs the same deal, it is not the other side of it."""
    return {_first_conjunct(doc, actors[k]) for k in subj if _REPEATS not in out[k].cue}


def _one_with_list(parties: list[int], side: dict[int, int]) -> bool:
    """The parties are the members of one coordination after "with" ("deals with A, B and C")."""
    return (
        len(parties) > 1
        and all(k in side for k in parties)
        and len({side[k] for k in parties}) == 1
    )


def _signed_with(role: Role) -> bool:
    """A party read from "with" on a signing or a deal ("a contract with Saab")."""
    return role.cue.startswith("'") and " with'" in role.cue


def _resolve_parties(
    out: dict[int, Role], actors: Sequence[Actor], doc: Any, wtok: dict[int, Weapon], cls: Classes
) -> None:
    """A deal's parties: the counterpart of a buyer sells, of a seller buys; two undecided
    parties are told apart by the weapon's origin, then by which of them is a company."""
    parties = [k for k, r in out.items() if r.role == PARTY]
    if not parties:
        return
    origins = {w.origin for w in wtok.values() if w.origin}
    # Makers first, then companies: they decide. A company's own state ("Turkiye's Baykar
    # signs a deal with Saudi Arabia") must take the company's side, not the buyer's, so the
    # companies are read before the states around them.
    parties.sort(key=lambda k: (actors[k].country not in origins, actors[k].kind != "company"))
    # Members of one coordination after "with" ("a contract with the Netherlands and Austria")
    # read the same relation on the same word: one side, not each other's counterpart (unlike
    # "between X and Y").
    side = {k: _first_conjunct(doc, actors[k]) for k in parties if out[k].cue.endswith(" with'")}
    # Each party's coordination: a party is the counterpart of a decided state outside its own
    # list when there is one ("A and B signed a contract for the German system": both buy from
    # Germany, B is not A's seller); within it only when nothing else is decided ("a deal
    # between A and Russia for the S-400": A is Russia's counterpart).
    coord = {k: _first_conjunct(doc, actors[k]) for k in parties}
    _list_dealing_with_seller(out, actors, side, origins, doc)
    parties = [k for k in parties if out[k].role == PARTY]
    for k in parties:
        a, r = actors[k], out[k]
        decided = [(j, x) for j, x in out.items() if x.role in (RECIPIENT, SUPPLIER)]
        twin = [
            out[j]
            for j in parties
            if j != k and k in side and side.get(j) == side[k] and out[j].role != PARTY
        ]
        if twin and a.country not in origins:
            if origins and "(maker of the weapon)" in twin[0].cue:
                # "deals with Russia and France for Rafale jets": the arms name their one
                # maker; the other member is not a seller of them (and not its buyer either)
                continue
            out[k] = Role(twin[0].role, r.cue + " (coordinated)", r.anchor)
        elif a.country in origins:
            out[k] = Role(SUPPLIER, r.cue + " (maker of the weapon)", r.anchor)
        elif a.kind == "company":
            out[k] = Role(SUPPLIER, r.cue + " (a company)", r.anchor)
        elif decided:
            own = [x for j, x in decided if actors[j].country == a.country]
            if own:
                out[k] = Role(own[0].role, r.cue + f" (side of its own {own[0].role})", r.anchor)
            else:
                outside = [(j, x) for j, x in decided if coord.get(j, -2) != coord[k]]
                # ... the "with" side first: another signer is a co-signer, not the counterpart
                # ("the US agency and the Danish ministry signed a contract with Saab": both
                # buy from Saab, neither sells to the other); then a company: "Dassault won an
                # order from A after deals with B and C" - B and C deal with the maker, not with A
                outside.sort(
                    key=lambda jx: (not _signed_with(jx[1]), actors[jx[0]].kind != "company")
                )
                other = (outside or decided)[0][1].role
                out[k] = Role(_OPPOSITE[other], r.cue + f" (counterpart of the {other})", r.anchor)
    decided = [(j, x) for j, x in out.items() if x.role in (RECIPIENT, SUPPLIER)]
    still = [k for k in parties if out[k].role == PARTY]
    if (
        still
        and not decided
        and all("subject" in out[k].cue for k in still)
        and len(_signer_lists(doc, actors, out, still)) == 1
    ):
        # "Vietnam signed a deal for the Spyder system": a state that signs for arms it does
        # not make, with no counterpart named, buys (the maker fills the other side); so does
        # each member of a list of signers ("A, B and C signed a joint agreement for 13 jets")
        for s in still:
            out[s] = Role(RECIPIENT, out[s].cue + " (signs alone: the buyer)", out[s].anchor)
    elif len(still) == 2 and not decided:
        # "X signed a deal with Y" and nothing else to go on: the subject buys, as reporting
        # on deals mostly names the buyer first.
        subj = [k for k in still if "subject" in out[k].cue]
        if len(subj) == 1:
            _subject_and_counterpart(out, subj, [k for k in still if k != subj[0]], doc, cls)
    elif not decided:
        # "X and Y signed a deal with Z": a list of signers and one counterpart, as above; and
        # "X signed deals with A, B and C": one signer and a list of counterparts, every member
        # of the list the counterpart (one side of the deals, as "with" lists are above)
        # of the list the counterpart (one side of the deals, as "with" lists are above). With
        # a list the word order is no guide: a maker signs with its buyers as often as a buyer
        # with its sellers ("X signed deals with A and B for submarines"), so the deal must say
        # which way it goes.
        subj = [k for k in still if "subject" in out[k].cue]
        rest = [k for k in still if k not in subj]
        anchor = out[subj[0]].anchor if subj else -1
        if len(_signer_lists(doc, actors, out, subj)) == 1 and (
            len(rest) == 1
            or (
                len(subj) == 1
                and _one_with_list(rest, side)
                and anchor >= 0
                and _deal_says_direction(doc[anchor], cls)
            )
        ):
            _subject_and_counterpart(out, subj, rest, doc, cls)
    for k in [k for k, r in out.items() if r.role == PARTY]:
        del out[k]
