"""Entity tagging: countries, people, organisations, weapon systems and places, with canonical ids.

One Aho-Corasick pass per field over folded text (see ``gazetteer``), then, per candidate: a case
check ("Turkey" not "turkey", "US" not "us"), context conditions for the few homonyms that carry
them, and leftmost-longest selection ("Bashar al-Assad" over "Assad", "South Korea" over
"Korea"). Demonyms and capitals are country aliases, so "Turkish" and "Ankara" yield ``TUR``;
people and weapons only *link* to their country through ``Entity.country``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from worker.model import Article, Entity, Mention, TaggedArticle
from worker.transforms.context import Condition, MatchContext, TaggingContext
from worker.transforms.folding import FOLD_TABLE
from worker.transforms.gazetteer import (
    ADJECTIVE,
    ANY_LANGUAGE,
    CAPITAL,
    COMBINING,
    EVERY_ARTICLE,
    CompiledGazetteer,
    compile_gazetteer,
    load_gazetteer,
)
from worker.transforms.sentences import split_sentences

# Salience weights: a title mention counts most, the lead (first sentences) more than the rest.
TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
BODY_WEIGHT = 1.0
LEAD_SENTENCES = 3

# A designation with a variant suffix glued on: a name and number, or letters and a number
# ("Leopard 2", "T-72", "Su-30"), then capitals and digits the gazetteer does not list ("2A4HRV",
# "B3M", "SM3"): the variant of a known system is that system. In Latin or Cyrillic letters: the
# Russian and Ukrainian press write Soviet-lineage variants in their own capitals ("Т-72Б3",
# "Су-30СМЭ", "БТР-4Е1", "МиГ-29СМТ"), the commonest unlisted form on their dev reports.
_UPPER = "A-ZА-ЯЁІЇЄҐ"
_LOWER = "a-zа-яёіїєґ"
_SUFFIXED = re.compile(
    rf"(?<![\w-])((?:[{_UPPER}][{_LOWER}]+ |[{_UPPER}{_LOWER}]{{1,4}}-?)\d+)"
    rf"([{_UPPER}][{_UPPER}0-9]{{0,5}})(?![\w-])"
)

_VARIANT_START = re.compile(rf"\d[{_UPPER}]")

# An abbreviation in brackets ("(RNX)", "(XAF)") and the capitalised name right before it
# ("Royal Navy of X", "Xian Air Force's"), for ``Tagger._force_abbreviations``
_ABBREVIATION = re.compile(r"\s?\((?P<abbr>[A-Z]{2,6})\)")
_NAME_BEFORE = re.compile(
    r"(?:[A-Z][\w.-]*(?:['’]s)?\s+(?:(?:of|the|and)\s+)*)*[A-Z][\w.-]*(?:['’]s)?\s*$"
)
# the words of a state's force or ministry, whose abbreviation stands for the state
_FORCE_WORDS = frozenset(
    {"Navy", "Navy's", "Army", "Army's", "Force", "Force's", "Forces", "Forces'", "Guard",
     "Guard's", "Corps", "Marines", "Ministry", "Ministry's"}
)  # fmt: skip


class Tagger:
    """Tags articles against one compiled gazetteer. Immutable after construction and safe to
    share between threads; build it once (``Tagger.load`` / ``default_tagger``)."""

    def __init__(self, compiled: CompiledGazetteer):
        self.compiled = compiled
        self._iter = compiled.automaton.iter
        self._entities = compiled.entities

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> Tagger:
        """Compile the shipped gazetteer plus user extension files (``entities.yaml``)."""
        return cls(compile_gazetteer(load_gazetteer(extra)))

    def tag(self, article: Article) -> TaggedArticle:
        """Find the entities of ``article``: mentions with offsets, counts and salience."""
        title = article.title or ""
        body = article.body or ""
        sentences = split_sentences(body)
        # Folded once, padded with a space each side (see folding.fold_words).
        title_norm = " " + title.translate(FOLD_TABLE) + " "
        body_norm = " " + body.translate(FOLD_TABLE) + " "
        starts = [s for s, _ in sentences]
        view = TaggingContext(
            title, title_norm, body, body_norm, sentences, starts, article.language
        )
        found: dict[int, list[Mention]] = {}
        # The all-lower-case reading of a name key that also holds another language's adjective
        # ("italien", "afghan") is that language's (``Pattern.lower_in``): elsewhere the same
        # letters are an ordinary word ("an afghan blanket", "a maltese puppy") or English words
        # quoted in other copy ("jamaican rum"), so an English article reads only the
        # capitalised form; so does one whose language is unknown (short items, mixed pages).
        lower_too = None if article.language in (None, "en", "und") else article.language
        lead = article.language in self.compiled.lead_languages
        if title:
            self._scan(title, title_norm, "title", [], None, view, found, lower_too, lead)
        if body:
            self._scan(body, body_norm, "body", sentences, starts, view, found, lower_too, lead)
            self._force_abbreviations(body, starts, found)
        return TaggedArticle(article, self._entities_of(found), sentences)

    def _scan(
        self,
        text: str,
        norm: str,
        field: str,
        sentences: list[tuple[int, int]],
        starts: list[int] | None,
        view: TaggingContext,
        found: dict[int, list[Mention]],
        lower_too: str | None = None,
        lead: bool = False,
    ) -> None:
        """One automaton pass over ``norm``; mentions go into ``found`` by entity index.
        ``lower_too``: the article's language, for a key that also matches all in lower case in
        some languages (check 3); None: such a key matches only as its capitalised form.
        ``lead``: the article's language puts adjectives before their noun, so a lower-case
        adjective alias also matches capitalised as a sentence's first word."""
        hits: list[tuple[int, int, int, int]] = []
        ctx: MatchContext | None = None
        joins = False
        for last, (span, entity, check, upper, lower, rules, kind, lower_in) in self._iter(norm):
            # The key is " alias " and ``last`` indexes its final padding space in ``norm``,
            # which is ``text`` shifted right by one.
            end = last - 1
            start = end - span
            if check == 1:
                if not text[start].isupper():
                    continue
            elif check == 2 or (
                check == 3
                and not (
                    (
                        EVERY_ARTICLE in lower_in
                        or (lower_too and (lower_too in lower_in or ANY_LANGUAGE in lower_in))
                    )
                    and _lower_ok(text, start, lower)
                )
            ):
                ok = True
                for o in upper:
                    if not text[start + o].isupper():
                        ok = False
                        break
                if (
                    not ok or (check == 2 and lower and not _lower_ok(text, start, lower))
                ) and not (
                    lead
                    and kind == ADJECTIVE
                    and not upper
                    and _capitalised_ok(text, start, lower)
                    # the context is built once per field, on the first hit that needs it
                    and (
                        ctx := ctx or MatchContext(text, norm, field, sentences, starts or [], view)
                    ).opens_sentence(start)
                ):
                    continue
            if rules is not None:
                if ctx is None:
                    ctx = MatchContext(text, norm, field, sentences, starts or [], view)
                if not _accept(rules, ctx, start, end):
                    continue
            if _currency_inside(text, start, end):
                continue  # "A$10 billion", "S$400 million": an amount, never a designation
            hits.append((start, -span, end, entity, kind))
            joins = joins or kind == COMBINING
        if joins:
            hits = _compounds(hits, text)
        hits += self._suffixed(text, hits)
        if not hits:
            return
        # Leftmost first, longest first at the same start; (start, span) is unique per hit.
        hits.sort()
        taken_to = -1
        for start, _, end, entity, kind in hits:
            if start < taken_to:
                continue  # overlaps a longer (or earlier) match
            taken_to = end
            if entity < 0:
                continue  # a blocker: the phrase is claimed but names nothing
            sentence = -1 if starts is None else bisect_right(starts, start) - 1
            mention = Mention(text[start:end], start, end, field, sentence, kind == CAPITAL)
            bucket = found.get(entity)
            if bucket is None:
                found[entity] = [mention]
            else:
                bucket.append(mention)

    def _force_abbreviations(
        self, text: str, starts: list[int], found: dict[int, list[Mention]]
    ) -> None:
        """A state's armed force named with its abbreviation in brackets ("the Royal Navy of
        X (RNX)", "the Xian Air Force (XAF)") is that state wherever the article writes the
        abbreviation after it, as its full name is: "the RNX received two corvettes". Only a
        force or ministry (``_FORCE_WORDS``) whose name holds the state's name or adjective; a
        company's abbreviation ("X Aerospace Industries (XAI)") stays the company's, which the
        gazetteer names on its own. Body text only, and not where another name is tagged."""
        if "(" not in text:
            return
        taken = [(m.start, m.end) for ms in found.values() for m in ms if m.field == "body"]
        for d in _ABBREVIATION.finditer(text):
            abbr = d.group("abbr")
            phrase = _NAME_BEFORE.search(text, max(0, d.start() - 80), d.start())
            if phrase is None or not _FORCE_WORDS & set(phrase.group().replace("’", "'").split()):
                continue
            owner = {
                idx
                for idx, ms in found.items()
                if self._entities[idx].type == "country"
                and any(m.field == "body" and phrase.start() <= m.start < d.start() for m in ms)
            }
            if len(owner) != 1:
                continue  # no state, or two ("the Franco-Xian Brigade (FXB)")
            idx = owner.pop()
            for u in re.finditer(rf"(?<![\w-]){abbr}(?![\w-])", text[d.end() :]):
                start, end = d.end() + u.start(), d.end() + u.end()
                if any(s < end and start < e for s, e in taken):
                    continue
                sentence = bisect_right(starts, start) - 1
                found[idx].append(Mention(abbr, start, end, "body", sentence))
                taken.append((start, end))
            found[idx].sort(key=lambda m: (m.field != "title", m.start))

    def _suffixed(self, text: str, hits: list[tuple[int, int, int, int, int]]) -> list:
        """Weapon hits for designations with a variant suffix (``_SUFFIXED``) that no alias
        matched: the base before the suffix is an alias of a weapon, one with no context
        conditions (those are words too), spanning the whole designation. A civil model of a
        military base ("Mi-171A2") is a blocker in blockers.yaml, so it is among ``hits``."""
        out: list[tuple[int, int, int, int, int]] = []
        # every variant suffix opens with a capital right after a digit: a plain scan for that
        # skips the costly pattern on most articles (0.11 -> 0.02 ms on bench_stages' mix)
        if _VARIANT_START.search(text) is None:
            return out
        for m in _SUFFIXED.finditer(text):
            if any(s < m.end() and m.start() < e for s, _, e, _, _ in hits):
                continue  # an alias or a blocker claims it ("Leopard 2A7"; "Mi-171A2")
            base = m.group(1).translate(FOLD_TABLE)
            for last, (span, entity, _, _, _, rules, kind, _) in self._iter(f" {base} "):
                whole = span == len(base) and last == len(base) + 1
                weapon = entity >= 0 and self._entities[entity].type == "weapon"
                if whole and rules is None and weapon:
                    out.append((m.start(), m.start() - m.end(), m.end(), entity, kind))
                    break
        return out

    def _entities_of(self, found: dict[int, list[Mention]]) -> list[Entity]:
        out: list[Entity] = []
        best = 0.0
        for idx, mentions in found.items():
            d = self._entities[idx]
            score = 0.0
            for m in mentions:
                if m.field == "title":
                    score += TITLE_WEIGHT
                elif m.sentence < LEAD_SENTENCES:
                    score += LEAD_WEIGHT
                else:
                    score += BODY_WEIGHT
            best = max(best, score)
            out.append(
                Entity(d.id, d.type, d.name, d.country, mentions, score, d.producer, d.partners)
            )
        for e in out:
            e.salience = e.salience / best if best else 0.0
        # Most salient first; ties by first appearance (title before body).
        out.sort(key=_entity_order)
        return out


# the hyphens that join the parts of a compound adjective ("franco-italien", "франко-немецкий")
HYPHENS = frozenset("-‐‑")


def _currency_inside(text: str, start: int, end: int) -> bool:
    """A currency sign (any of Unicode's Sc class: $ € £ ¥ ...) stands inside the match: the
    folding reads "A$10" as "a 10", but an amount with a currency prefix names nothing."""
    return any(unicodedata.category(c) == "Sc" for c in text[start:end])


def _compounds(hits: list[tuple[int, int, int, int, int]], text: str) -> list:
    """``hits`` with each combining form ("franco", "англо", "polsko") kept only as the first
    part of a hyphenated compound whose next part is a nationality adjective or another kept
    combining form ("franco-italien", "franco-germano-italien"); "Indo-Pacific" and
    "Anglo-Saxon" name nothing. Walked from the right, so a chain resolves in one pass."""
    parts = {h[0] for h in hits if h[4] == ADJECTIVE}
    kept: set[tuple[int, int]] = set()
    for start, span, end, _, kind in sorted(hits, reverse=True):
        if kind == COMBINING and text[end : end + 1] in HYPHENS and end + 1 in parts:
            kept.add((start, span))
            parts.add(start)
    return [h for h in hits if h[4] != COMBINING or (h[0], h[1]) in kept]


def _lower_ok(text: str, start: int, lower: tuple[int, ...]) -> bool:
    return all(text[start + o].islower() for o in lower)


def _capitalised_ok(text: str, start: int, lower: tuple[int, ...]) -> bool:
    """A lower-case adjective alias written with a capital first letter only, as a sentence's
    first word is in every language ("Ukraińskie wojsko ...", "Français et Allemands ...")."""
    return (
        bool(lower)
        and lower[0] == 0
        and text[start].isupper()
        and all(text[start + o].islower() for o in lower[1:])
    )


def _entity_order(e: Entity) -> tuple[float, int, int]:
    first = e.mentions[0]
    return -e.salience, first.field != "title", first.start


def _accept(
    rules: tuple[tuple[Condition, ...], tuple[Condition, ...]],
    ctx: MatchContext,
    start: int,
    end: int,
) -> bool:
    """Context conditions: any ``keep_if`` that holds wins over any ``reject_if``; a
    ``keep_if`` with no ``reject_if`` keeps the match only when it holds (read as written:
    "PPA" only beside naval words; before, such a list was silently ignored)."""
    reject_if, keep_if = rules
    if keep_if and any(c.holds(ctx, start, end) for c in keep_if):
        return True
    if keep_if and not reject_if:
        return False
    return not any(c.holds(ctx, start, end) for c in reject_if)


@cache
def default_tagger() -> Tagger:
    """The process-wide tagger over the shipped gazetteer, compiled on first use."""
    return Tagger.load()
