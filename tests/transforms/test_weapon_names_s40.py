"""Systems and names the weapon table gained on 2026-12-07 (twelfth stop), from English dev
pairs whose weapon was wrong (docs/rules.md §8). Sentences are our own; each fails without the
table entry it names, and the names that are also words keep their conditions."""

from __future__ import annotations

import pytest

from tests.transforms.test_weapon_names import weapons


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Tokyo will lend its navy's old TC-90 planes to Manila.", "king-air"),
        ("The yard launched a second 209/1400 submarine for the navy.", "type-209"),
        ('Delhi dropped plans to buy "Spike" anti-tank missiles.', "spike-missile"),
        ("The air force wants ten Hawk advanced trainer aircraft.", "bae-hawk"),
        ("The ministry ordered Boxer 8x8 vehicles through OCCAR.", "boxer"),
        ("Hanoi took two more frigates Gepard from Zelenodolsk.", "gepard-3-9"),
        ("Two Protector-class ships arrived from Hawaii.", "protector-class"),
        ("The retired Cobra attack helicopters went to the air force.", "ah-1z-viper"),
        ("She is a P18-class corvette, the export Type 056.", "type-056"),
        ("The unit's first “Kirpi” armoured vehicle arrived.", "bmc-kirpi"),
        ("The army still runs Type 59 main battle tanks.", "type-59-tank"),
        ("A dozen Type 62 light tanks were seen at the parade.", "type-62-tank"),
        ("A PTL-02 tank destroyer led the column.", "ptl-02"),
        ("The Type 07P infantry fighting vehicle was shown too.", "type-07p"),
        ("Two P-108 patrol craft will follow next year.", "p-108"),
        ("The last C28A corvette sailed for Algiers.", "c28a"),
        ("The navy looked at second-hand Type 22 frigates.", "type-22-frigate"),
        ("Ships of the Oliver Hazard Perry class were on offer.", "oliver-hazard-perry-class"),
        ("The ministry signed for Watchkeeper X drones.", "watchkeeper-x"),
        ("Pilots trained on the Russian Mi-38T helicopters.", "mi-38"),
        ("Fincantieri will deliver the Falaj 2 patrol vessel next spring.", "falaj-2"),
        ("The police bought Kalashnikov rifles in bulk.", "ak-47"),
    ],
)
def test_a_system_named_as_reports_write_it(tagger, body, expected) -> None:
    assert expected in weapons(tagger, body)


@pytest.mark.parametrize(
    "body",
    [
        "Mikhail Kalashnikov was born in a Siberian village.",
        "A kirpi is a small animal of Turkish gardens.",
        "The score was 209/1400 at the end of the season.",
    ],
)
def test_a_name_that_is_also_a_word_stays_a_word(tagger, body) -> None:
    assert not weapons(tagger, body)
