"""Issues 12 and 13: the country after the language's "and" shares the role of the list before
it only while the list goes on. When a verb of its own follows ("... an Ägypten und Israel
protestiert"), it opens a new clause and takes no role from the list: the ``clause`` class of
each language file (common.yaml's list patterns end in ``!{clause}``, ``pairs._coordinate``
reads it), and for English the parse (``grammar._opens_clause``). Genuine lists keep every
member, verb-final German lists and lists followed by a prepositional phrase included.

Every sentence here is our own.
"""

from __future__ import annotations

import pytest

from worker.model import Article
from worker.transforms.rules import RuleSet
from worker.transforms.rules.languages import compile_language, merge_language
from worker.transforms.rules.pairs import RelationLexicon, _coordinate, extract_pairs
from worker.transforms.tag import Tagger


def read(tagger: Tagger, rules: RuleSet, lang: str, body: str) -> set[tuple[str, str]]:
    """(recipient, supplier) pairs the reader of ``lang`` finds in ``body``."""
    tagged = tagger.tag(Article(id="t", title="", body=body, language=lang))
    relation = rules.relations["arms_transfer"]
    lex: RelationLexicon = relation.by_language.get(lang, relation)
    return {(h.recipient, h.supplier) for h in extract_pairs(tagged, lex)}


EGY_FRA = {("EGY", "FRA")}
NEW_CLAUSE = [
    ("de", "Frankreich liefert Hubschrauber an Ägypten und Israel protestiert.", EGY_FRA),
    ("de", "Deutschland kauft Panzer aus Frankreich und Polen beschwert sich.", {("DEU", "FRA")}),
    ("fr", "La France vend des hélicoptères à l'Inde et le Pakistan a protesté.", {("IND", "FRA")}),
    ("it", "L'Italia vende elicotteri all'Egitto e la Turchia protesta.", {("EGY", "ITA")}),
    ("pl", "Francja sprzedaje śmigłowce do Egiptu i Izrael protestuje.", EGY_FRA),
    ("pt", "A França vende helicópteros para o Egito e Israel protestou.", EGY_FRA),
    ("ru", "Франция поставляет вертолёты в Египет и Израиль протестует.", EGY_FRA),
    ("uk", "Франція постачає гелікоптери до Єгипту і Ізраїль протестує.", EGY_FRA),
    ("ar", "فرنسا تبيع مروحيات إلى مصر و إسرائيل تحتج.", EGY_FRA),
    ("en", "Germany sells tanks to Egypt and Israel objects.", {("EGY", "DEU")}),
    ("en", "Germany sold tanks to Egypt and Israel protested.", {("EGY", "DEU")}),
]


@pytest.mark.parametrize(("lang", "body", "expected"), NEW_CLAUSE, ids=lambda x: x)
def test_a_country_opening_its_own_clause_after_and_takes_no_role(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    assert read(tagger, rules, lang, body) == expected


def test_turkish_new_clause_after_ve_names_no_pair_for_it(tagger: Tagger, rules: RuleSet) -> None:
    # Turkish marks the list's role on each member's case ending, so "ve" never joins a list
    # member to a new clause's subject; the protesting state stays out of every pair
    found = read(
        tagger, rules, "tr", "Fransa Mısır'a helikopter satıyor ve İsrail protesto ediyor."
    )
    assert all("ISR" not in pair for pair in found)


EGY_QAT = {("EGY", "FRA"), ("QAT", "FRA")}
LISTS_KEPT = [
    # German verb-final: the participle closes the clause the list belongs to
    ("de", "Frankreich hat Hubschrauber an Ägypten und Katar geliefert.", EGY_QAT),
    (
        "de",
        "Frankreich liefert Hubschrauber an Ägypten und Katar im Rahmen eines Abkommens.",
        EGY_QAT,
    ),
    (
        "de",
        "Deutschland kauft Panzer aus Frankreich und Polen im Wert von zwei Milliarden Euro.",
        {("DEU", "FRA"), ("DEU", "POL")},
    ),
    (
        "fr",
        "La France a vendu des hélicoptères à l'Inde et l'Égypte en 2019.",
        {("IND", "FRA"), ("EGY", "FRA")},
    ),
    (
        "it",
        "L'Italia ha venduto elicotteri a Egitto e Qatar nel 2019.",
        {("EGY", "ITA"), ("QAT", "ITA")},
    ),
    ("pl", "Francja sprzedaje śmigłowce do Egiptu i Kataru od 2019 roku.", EGY_QAT),
    ("pt", "A França vende helicópteros para o Egito e o Catar desde 2019.", EGY_QAT),
    ("ru", "Франция поставляет вертолёты в Египет и Катар с 2019 года.", EGY_QAT),
    ("uk", "Франція постачає гелікоптери до Єгипту і Катару з 2019 року.", EGY_QAT),
    ("ar", "فرنسا تبيع مروحيات إلى مصر و قطر منذ عام 2019.", EGY_QAT),
    (
        "en",
        "Germany sells tanks to Egypt and Qatar under a new deal.",
        {("EGY", "DEU"), ("QAT", "DEU")},
    ),
    # a plural verb after the list agrees with all of it: the list is its subject
    ("en", "Egypt and Qatar have bought tanks from Germany.", {("EGY", "DEU"), ("QAT", "DEU")}),
]


@pytest.mark.parametrize(("lang", "body", "expected"), LISTS_KEPT, ids=lambda x: x)
def test_a_genuine_list_keeps_every_member(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    assert read(tagger, rules, lang, body) == expected


def _line(*items: str) -> list[tuple[str, object, int, int]]:
    """A symbol line: "C" a country (a stand-in payload), anything else a word."""
    return [("country", None, 0, 0) if i == "C" else ("word", i, 0, 0) for i in items]


def test_coordinate_stops_at_a_word_of_the_clause_class() -> None:
    symbols = _line("an", "C", "und", "C", "protestiert")
    roles: dict[int, tuple | None] = {1: ("recipient", "{to} X"), 3: None}
    _coordinate(roles, [1, 3], symbols, frozenset({"und"}), frozenset({"protestiert"}))
    assert roles[3] is None
    symbols = _line("an", "C", "und", "C", "geliefert")
    _coordinate(roles, [1, 3], symbols, frozenset({"und"}), frozenset({"protestiert"}))
    assert roles[3] == ("recipient", "{to} X (coordinated)")


def test_a_language_without_a_clause_class_keeps_its_list_patterns() -> None:
    """``!{clause}`` is a check on the next word: with the class empty the check goes and the
    pattern stays (a pattern naming an empty class is dropped otherwise)."""
    common = {"roles": {"recipient": ["{to} X", "{to} C {and} X !{clause}"]}}
    own = {"classes": {"arms": ["panzer"], "sell": ["liefert"], "to": ["an"], "and": ["und"]}}
    lex = compile_language(merge_language("arms_transfer", common, own))
    texts = {c.text for c in lex.cues}
    assert "{to} C {and} X" in texts
    assert not any("clause" in t for t in texts)
    own["classes"]["clause"] = ["protestiert"]
    lex = compile_language(merge_language("arms_transfer", common, own))
    assert "{to} C {and} X !{clause}" in {c.text for c in lex.cues}
    assert lex.clause_words == frozenset({"protestiert"})
