"""How the real-report bench judges a correct pair's weapon and status (bench/bench_pairs_real.py):
a deal of several systems is labelled once per system under the same pair, and a label may give a
bare designation where the gazetteer's id is longer. Invented labels, no report text."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from bench_pairs_real import Score, _weapon_ids, names_system, score_report
from realnews_corpus import PairLabel, Report


def report(*pairs: PairLabel) -> Report:
    return Report(
        id="000000000000", url="https://example.org/x", query="q", sha256="0", kind="transfer",
        lang="en", pairs=list(pairs), optional=[], countries=["PER", "KOR"], homonyms=[],
        source="test",
    )  # fmt: skip


def test_a_bare_designation_names_the_gazetteer_weapon_that_starts_with_it() -> None:
    assert "k2blackpanther" in _weapon_ids("k2")
    # only word for word: "s-3" is not the start of "S-300"
    assert "s300" not in _weapon_ids("s-3")


def test_a_designation_beginning_two_systems_names_neither() -> None:
    # "m2" begins the Bradley's names and the Browning's: the prefix alone cannot choose
    ids = _weapon_ids("m2")
    assert "m2bradley" not in ids and "m2browning" not in ids


def test_a_label_spelling_an_alias_in_lower_case_names_its_weapon() -> None:
    # the gazetteer lists "Barak MX" under Barak 8; the tagger wants the capitals, a label has none
    assert "barak8" in _weapon_ids("barak-mx")


def test_a_variants_designation_names_its_system() -> None:
    # "TOW-2B" is a variant listed under BGM-71 TOW: a label giving the variant names the system
    assert "tow" in _weapon_ids("tow-2b")


def test_a_word_without_a_digit_is_not_read_as_a_designation_prefix() -> None:
    # "mistral" alone could be the missile or the ship class: left to the tagger
    assert "mistralclass" not in _weapon_ids("mistral")


def test_a_deal_of_two_systems_is_right_with_either_and_judges_status_by_it() -> None:
    tanks = PairLabel("PER", "KOR", weapon="k2", status="agreed")
    carriers = PairLabel("PER", "KOR", weapon="k808", status="talks")
    s = Score()
    pair = {"recipient": "PER", "supplier": "KOR", "weapon": "k2-black-panther", "status": "agreed"}
    score_report(report(tanks, carriers), [pair], {"PER": ["Peru"], "KOR": ["Korean"]}, s)
    assert s.weapon[True] == 1 and s.status[("agreed", True)] == 1
    assert (s.pairs.tp, s.pairs.fp, s.pairs.fn) == (1, 0, 0)


def test_a_weapon_none_of_the_labels_name_is_wrong_and_status_goes_by_the_first() -> None:
    tanks = PairLabel("PER", "KOR", weapon="k2", status="agreed")
    carriers = PairLabel("PER", "KOR", weapon="k808", status="talks")
    s = Score()
    pair = {"recipient": "PER", "supplier": "KOR", "weapon": "k9-thunder", "status": "talks"}
    score_report(report(tanks, carriers), [pair], {"PER": ["Peru"], "KOR": ["Korean"]}, s)
    assert s.weapon[False] == 1 and s.status[("agreed", False)] == 1
    assert s.weapon_errors and "k2|k808" in s.weapon_errors[0]


def test_a_class_of_arms_is_not_a_system_so_only_naming_none_is_right() -> None:
    assert not names_system("artillery-shells") and not names_system("drones")
    assert names_system("k9") and names_system("attack-class-submarine")
    shells = PairLabel("PER", "KOR", weapon="ammunition", status="delivered")
    s = Score()
    pair = {"recipient": "PER", "supplier": "KOR", "weapon": None, "status": "delivered"}
    score_report(report(shells), [pair], {"PER": ["Peru"], "KOR": ["Korean"]}, s)
    assert s.weapon[True] == 1 and s.weapon_class_labels == 1
    assert s.status[("delivered", True)] == 1
    # a system read where the text named none is a wrong weapon
    s = Score()
    score_report(
        report(shells), [{**pair, "weapon": "k9-thunder"}], {"PER": ["Peru"], "KOR": ["Korean"]}, s
    )
    assert s.weapon[False] == 1


def test_class_words_with_an_origin_a_calibre_or_a_role_name_no_system() -> None:
    for label in (
        "arms",
        "russian-made-weapons",
        "2000-pound-bombs",
        "35mm-ammunition",
        "air-surveillance-radar",
        "laser-guided-bomb",
        "anti-aircraft-gun",
        # the thirteenth stop's read of the weapon errors
        "apc",
        "military-ambulance",
        "small-arms",
        "main-battle-tank",
        "training-ship",
        "coast-guard-cutter",
        "amphibious-armoured-vehicles",
        "pistols",
    ):
        assert not names_system(label), label
    for label in (
        "mtu-engine",
        "nimr-armoured-vehicles",
        "mirage-2000",
        "k9",
        "ppa-patrol-vessel",
        "wisent-engineer-tank",
        "kilic-class-fast-attack-craft",
    ):
        assert names_system(label), label


def test_naming_no_system_is_wrong_when_another_label_of_the_deal_names_one() -> None:
    arms = PairLabel("IRQ", "RUS", weapon="arms", status="delivered")
    gunships = PairLabel("IRQ", "RUS", weapon="mi-28", status="delivered")
    s = Score()
    pair = {"recipient": "IRQ", "supplier": "RUS", "weapon": None, "status": "delivered"}
    score_report(report(arms, gunships), [pair], {"IRQ": ["Iraq"], "RUS": ["Russian"]}, s)
    assert s.weapon[False] == 1 and s.weapon[True] == 0
