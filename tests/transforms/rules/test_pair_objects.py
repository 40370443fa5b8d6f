"""Weak triggers and their objects in the pair reader (worker/transforms/rules/pairs.py)."""

from __future__ import annotations

import pytest

from worker.transforms.rules import load_rules, pairs
from worker.transforms.rules.pairs import (
    LexiconError,
    RelationLexicon,
    _compile_cue,
    _object_symbols,
    extract_pairs,
)

from .minitag import tag

TINY = {
    "relation": "t",
    "classes": {
        "buy": ["bought", "received"],
        "weak": ["received"],
        "mod": ["of", "hundreds", "-"],
        "arms": ["tanks", "missiles"],
        "fire": ["fire"],
    },
    "triggers": ["{buy}"],
    "weak_triggers": ["{weak}"],
    "objects": ["T [{mod}|N]* W"],
    "not_objects": ["T W {fire}"],
    "roles": {"recipient": ["X ... {buy}"], "supplier": ["from X"]},
}


@pytest.fixture(scope="module")
def shipped() -> RelationLexicon:
    return load_rules().relations["arms_transfer"]


def _pairs(lex: RelationLexicon, text: str) -> list[tuple[str, str]]:
    return sorted((h.recipient, h.supplier) for h in extract_pairs(tag("", text), lex))


def test_pattern_items_alternation_and_repeat():
    classes = {"mod": ["of", "hundreds"]}
    cue = _compile_cue("T [{mod}|N]* W", "object", classes, 6, slot="T")
    assert cue.specificity == 2  # the repeated item is not fixed
    assert cue.regex.search(" x T hundreds of N W ")
    assert cue.regex.search(" T W ")
    assert not cue.regex.search(" T delegation W ")
    opt = _compile_cue("X ' s? W", "supplier", {}, 6)
    assert opt.regex.search(" X ' W ") and opt.regex.search(" X ' s W ")


def test_not_item_checks_the_next_symbol_after_a_greedy_run():
    classes = {"cargo": ["food", "tents"], "also": ["and", ","]}
    cue = _compile_cue("T {cargo} [{cargo}|{also}]* !W", "not_object", classes, 6, slot="T")
    assert cue.specificity == 2  # the check is not a fixed item
    assert cue.regex.search(" C T food and tents to C ")
    assert cue.regex.search(" C T food . ")
    # the run may not stop before "and" to dodge the check
    assert not cue.regex.search(" C T food and W to C ")
    assert not cue.regex.search(" C T food , tents and W ")
    alt = _compile_cue("T !{cargo} W", "object", classes, 6, slot="T")
    assert alt.regex.search(" T W ")  # "!" consumes nothing: W follows T directly
    assert not alt.regex.search(" T food W ")
    assert _compile_cue("T ![W|N]", "object", {}, 6, slot="T").regex.search(" T to ")
    assert not _compile_cue("T ![W|N]", "object", {}, 6, slot="T").regex.search(" T N ")


def test_pattern_needs_its_slot():
    with pytest.raises(LexiconError, match="no T slot"):
        _compile_cue("W fire", "not_object", {}, 6, slot="T")
    with pytest.raises(LexiconError, match="no X slot"):
        _compile_cue("from T", "supplier", {}, 6)


def test_weak_triggers_are_validated():
    bad = {**TINY, "weak_triggers": ["sent"]}
    with pytest.raises(LexiconError, match="not triggers"):
        RelationLexicon.from_dict(bad)
    with pytest.raises(LexiconError, match="objects pattern"):
        RelationLexicon.from_dict({**TINY, "objects": []})


def test_object_line_marks_names_numbers_countries_and_arms(monkeypatch):
    seen: list[list[str]] = []

    def spy(symbols, text, first):
        seen.append(_object_symbols(symbols, text, first))
        return seen[-1]

    monkeypatch.setattr(pairs, "_object_symbols", spy)
    lex = RelationLexicon.from_dict(TINY)
    assert _pairs(lex, "Belarus received 30 Iskander-M missiles from Russia.") == [("BLR", "RUS")]
    # made by the read-ahead's candidate search and again by the reading: the same line
    assert seen and all(
        line == ["C", "received", "N", "N", "-", "N", "W", "from", "C", "."] for line in seen
    )


def test_first_word_of_the_sentence_is_not_a_name():
    symbols = [("word", "received", 0, 8), ("word", "tanks", 9, 14)]
    assert _object_symbols(symbols, "Received tanks", 0) == ["received", "tanks"]
    assert _object_symbols(symbols, "Received Tanks", 0) == ["received", "N"]


def test_a_weak_trigger_needs_arms_as_its_object():
    lex = RelationLexicon.from_dict(TINY)
    assert _pairs(lex, "Ukraine received hundreds of tanks from Poland.") == [("UKR", "POL")]
    assert _pairs(lex, "Ukraine received a delegation from Poland about tanks.") == []
    assert _pairs(lex, "Ukraine received missile fire from Russia.") == []
    # A strong trigger only needs a weapon within arms_window, as before.
    assert _pairs(lex, "Ukraine bought a licence from Poland for tanks.") == [("UKR", "POL")]


@pytest.mark.parametrize(
    "text",
    [
        "Russia sent tanks into Ukraine in February 2022.",
        "Israel received missile fire from Lebanon overnight, the army said.",
        "India received a delegation from France to discuss Rafale jets.",
        "Iran provided no details on the drone that struck Israel.",
        "Turkey sent a message to Russia after Russian jets violated its airspace.",
        "Poland ordered an investigation after a Russian missile crossed into its airspace.",
        "A Dutch court ordered Russia to pay compensation over the missile that downed it.",
        "Turkey sent food and tents to Syria as Russian jets kept bombing Idlib.",
        "Germany delivered food aid to Yemen, where Saudi jets have struck ports.",
        "Egypt signed a gas deal with Israel weeks after Israeli jets struck Gaza.",
        "Russia sent attack drones into Ukrainian airspace overnight.",
        "Turkish jets were ordered to intercept Russian jets near the Syrian border.",
        "Turkey sent humanitarian aid to Syria as Russian jets bombed Idlib.",
        # a country moving its own forces (carriers, troops, drills), not a transfer
        "The US sent aircraft carriers to Israel.",
        "France sent Rafale jets to Greece for joint drills.",
        "Russia deployed S-400 batteries to Syria.",
        "Russia sent troops and S-400 batteries to Syria.",
        # captured arms change hands without a seller
        "Russia received Western tanks captured from Ukraine.",
        "Iran obtained American drones seized by Russian forces in Ukraine.",
        "Russia received captured German tanks.",
    ],
)
def test_shipped_lexicon_look_alikes_stay_silent(shipped, text):
    assert _pairs(shipped, text) == []


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Ukraine received its first F-16 fighter jets from Denmark.", ("UKR", "DNK")),
        ("Russia has received hundreds of Iranian-made Shahed drones.", ("RUS", "IRN")),
        ("Poland provided Ukraine with MiG-29 fighter jets.", ("UKR", "POL")),
        ("Belarus has received Iskander missiles from Russia.", ("BLR", "RUS")),
        ("The first batch of S-400 batteries arrived in Turkey.", ("TUR", "RUS")),
        ("Indonesia finalised an order for 42 Rafale jets from France.", ("IDN", "FRA")),
        ("India and Russia signed the S-400 deal in Goa.", ("IND", "RUS")),
        ("Iran has sent ballistic missiles to Russia, officials say.", ("RUS", "IRN")),
        ("Ukraine received surface-to-air missiles from Germany.", ("UKR", "DEU")),
        # "Soviet-era": when the tanks were made (a third party), not a recipient
        ("Poland sent Soviet-era T-72 tanks to Ukraine.", ("UKR", "POL")),
        # strong verbs: unchanged
        ("Turkey bought the S-400 air defence system despite objections.", ("TUR", "RUS")),
        ("Germany approved the sale of Leopard tanks to Qatar.", ("QAT", "DEU")),
        # goods before the arms in one list no longer hide the arms
        ("Germany delivered food and air defence systems to Ukraine.", ("UKR", "DEU")),
        ("The US sent food, medical supplies and Javelin missiles to Ukraine.", ("UKR", "USA")),
        ("Britain sent Challenger 2 tanks and instructors to Ukraine.", ("UKR", "GBR")),
        # a captured weapon's maker is not a second supplier
        (
            "Ukraine showed Russian tanks captured in Kharkiv and got Leopard tanks from Germany.",
            ("UKR", "DEU"),
        ),
    ],
)
def test_shipped_lexicon_weak_and_strong_transfers(shipped, text, pair):
    assert _pairs(shipped, text) == [pair]
