"""Issue 13, fourteenth round: lists the shared "and" patterns did not read.

* **Arabic** writes its "and" joined to the next word ("والجزائر"); the country's name takes it
  in, so nothing stands between two members (``and_joined`` in ar.yaml, ``pairs._coordinate``).
  Arabic puts the verb first, so "verb, country, arms ... to" names the seller, and "إلى كل من"
  ("to each of") opens a list of recipients whose "من" is no "from".
* **Turkish** puts a list's case suffix on its last member only ("Katar, Kuveyt ve Umman'a"):
  the members before it take that member's role (``case_marker`` in tr.yaml,
  ``pairs._list_case``).

Every sentence here is our own.
"""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.rules.languages import merge_language
from worker.transforms.rules.pairs import LexiconError, _coordinate
from worker.transforms.tag import Tagger

CASES = [
    # Arabic: a list of recipients with the joined "and", after a verb-first seller
    ("ar", "باعت روسيا طائرات إلى مصر والجزائر.", {("EGY", "RUS"), ("DZA", "RUS")}),
    (
        "ar",
        "سلمت فرنسا طائرات رافال إلى مصر وقطر والهند.",
        {("EGY", "FRA"), ("QAT", "FRA"), ("IND", "FRA")},
    ),
    # "to each of": the list's "من" does not make its first member a seller
    ("ar", "باعت روسيا طائرات إلى كل من مصر والجزائر.", {("EGY", "RUS"), ("DZA", "RUS")}),
    # Turkish: the dative only on the last member of the list
    (
        "tr",
        "Türkiye Katar, Kuveyt ve Umman'a zırhlı araç satacak.",
        {("QAT", "TUR"), ("KWT", "TUR"), ("OMN", "TUR")},
    ),
    # ... and each member with its own suffix: the seller before them is no member
    (
        "tr",
        "Türkiye, Katar'a ve Umman'a zırhlı araç satacak.",
        {("QAT", "TUR"), ("OMN", "TUR")},
    ),
    # the ablative on the last of two suppliers
    (
        "tr",
        "Fransa ve ABD'den helikopter satın alan Katar yeni bir anlaşma imzaladı.",
        {("QAT", "FRA"), ("QAT", "USA")},
    ),
]


@pytest.mark.parametrize(("lang", "body", "expected"), CASES, ids=lambda x: x)
def test_lists_in_arabic_and_turkish(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == expected


class _Country:
    def __init__(self, ident: str) -> None:
        self.ident = ident


def _line(*items: str) -> list[tuple]:
    """Symbols: upper-case items are countries, the rest words."""
    return [("country", _Country(i), 0, 0) if i.isupper() else ("word", i, 0, 0) for i in items]


def test_list_case_walks_back_over_and_then_commas() -> None:
    # A , B ve C ' ya: C's role (from the suffix) goes to B and A, over what they had
    symbols = _line("A", ",", "B", "ve", "C", "'", "ya")
    roles: dict[int, tuple | None] = {0: None, 2: ("supplier", "x"), 4: ("recipient", "X ' {dat}")}
    _coordinate(roles, [0, 2, 4], symbols, frozenset({"ve"}), case_marker="'")
    assert [r[0] for r in (roles[0], roles[2], roles[4])] == ["recipient"] * 3


def test_list_case_stops_at_a_member_with_its_own_suffix_and_needs_the_and() -> None:
    # A , B ' ya ve C ' ya: A is no member (B carries its own suffix)
    symbols = _line("A", ",", "B", "'", "ya", "ve", "C", "'", "ya")
    roles: dict[int, tuple | None] = {0: ("supplier", "x"), 2: None, 6: ("recipient", "r")}
    _coordinate(roles, [0, 2, 6], symbols, frozenset({"ve"}), case_marker="'")
    assert roles[0] == ("supplier", "x")
    # A , C ' ya (a comma only, no "ve"): the comma after a subject is no list
    symbols = _line("A", ",", "C", "'", "ya")
    roles = {0: ("supplier", "x"), 2: ("recipient", "r")}
    _coordinate(roles, [0, 2], symbols, frozenset({"ve"}), case_marker="'")
    assert roles[0] == ("supplier", "x")


def test_a_joined_and_links_two_members_with_nothing_between() -> None:
    symbols = _line("A", "B")
    roles: dict[int, tuple | None] = {0: ("recipient", "{to} X"), 1: None}
    _coordinate(roles, [0, 1], symbols, frozenset({"و"}))
    assert roles[1] is None  # nothing between, and B not written with the "and"
    _coordinate(roles, [0, 1], symbols, frozenset({"و"}), joined=frozenset({1}))
    assert roles[1] is not None and roles[1][0] == "recipient"


ARABIC_ORDER = [
    # the adjective after the arms names their origin
    ("تسلمت مصر منظومة روسية للدفاع الجوي.", {("EGY", "RUS")}),
    # an adjective before the arms qualifies another noun (the buyer's army): not the seller;
    # the army with its state's adjective is that state, the buyer (ar.yaml `holder`)
    ("تسلم الجيش الجزائري غواصة روسية جديدة.", {("DZA", "RUS")}),
]


@pytest.mark.parametrize(("body", "expected"), ARABIC_ORDER, ids=lambda x: x)
def test_arabic_adjective_follows_its_noun(
    tagger: Tagger, rules: RuleSet, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, "ar", body) == expected


def test_a_language_leaves_out_a_shared_pattern() -> None:
    common = {"roles": {"supplier": ["XA W=", "{from} X"]}}
    own = {"classes": {"from": ["min"]}, "unshared": ["XA  W="]}
    merged = merge_language("arms_transfer", common, own)
    assert merged["roles"]["supplier"] == ["{from} X"]


def test_leaving_out_a_pattern_that_is_not_shared_is_an_error() -> None:
    common = {"roles": {"supplier": ["XA W=", "{from} X"]}}
    own = {"classes": {"from": ["min"]}, "unshared": ["XA W"]}  # a typo would drop nothing
    with pytest.raises(LexiconError, match="not shared patterns"):
        merge_language("arms_transfer", common, own)


def test_list_case_does_not_cross_a_comma_to_a_member_with_a_role() -> None:
    # A , B ve C ' ya ... satacak: A, set off by a comma, is the seller the patterns read
    symbols = _line("A", ",", "B", "ve", "C", "'", "ya")
    roles: dict[int, tuple | None] = {
        0: ("supplier", "X ... {sell}"),
        2: ("supplier", "x"),
        4: ("recipient", "r"),
    }
    _coordinate(roles, [0, 2, 4], symbols, frozenset({"ve"}), case_marker="'")
    assert roles[0] == ("supplier", "X ... {sell}")
    assert roles[2] is not None and roles[2][0] == "recipient"
