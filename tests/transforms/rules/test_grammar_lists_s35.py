"""Lists of buyers and sellers in English (issue 12: every member of a list keeps its role), and
the buyer who wants arms ("has expressed interest in the jet"). Every sentence is our own."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def read(read_facts):
    """This file's tests read each pair's facts (tests/transforms/rules/conftest.py)."""
    return read_facts


SUBJECT_LISTS = [
    # the subject of a verb that is no purchase, beside a named seller: each member buys
    (
        "Bolivia, Paraguay or Ecuador have requested from Russia deliveries of newer rifles.",
        {("BOL", "RUS"), ("PRY", "RUS"), ("ECU", "RUS")},
    ),
    (
        "Serbia and Hungary presented the FK-3 air defence system procured from China.",
        {("SRB", "CHN"), ("HUN", "CHN")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), SUBJECT_LISTS)
def test_every_member_of_the_subject_buys_beside_a_seller(
    read, text: str, expected: set[tuple[str, str]]
) -> None:
    assert set(read(text)) == expected


ALONG_WITH = [
    # "A, along with B and C, has been supplying": the parser hangs A on the verb as a modifier
    (
        "Belarus, along with Iran and Syria, has been supplying Sudan with armed drones.",
        {("SDN", "BLR"), ("SDN", "IRN"), ("SDN", "SYR")},
    ),
    (
        "Belarus, together with Iran, supplied Sudan with armed drones.",
        {("SDN", "BLR"), ("SDN", "IRN")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), ALONG_WITH)
def test_states_along_with_the_subject_sell_with_it(
    read, text: str, expected: set[tuple[str, str]]
) -> None:
    assert set(read(text)) == expected


def test_a_participle_after_a_finite_auxiliary_has_the_misread_subject(read) -> None:
    assert set(read("Latvia and Lithuania have planned jointly to buy German howitzers.")) == {
        ("LVA", "DEU"),
        ("LTU", "DEU"),
    }


INTEREST = [
    # wanting arms: the noun with "in", the adjective after "be", and a gerund after "in"
    (
        "Egypt sold K9 howitzers to Chile. Kenya, Ghana and Peru have voiced interest in the "
        "K9 howitzer.",
        {("CHL", "EGY"), ("KEN", "KOR"), ("GHA", "KOR"), ("PER", "KOR")},
    ),
    (
        "Kenya and Ghana are also interested in the Akash air defence system.",
        {("KEN", "IND"), ("GHA", "IND")},
    ),
    ("Ghana is interested in purchasing the Akash air defence system.", {("GHA", "IND")}),
    ("Russia is interested in selling Su-57 jets to Vietnam.", {("VNM", "RUS")}),
]


@pytest.mark.parametrize(("text", "expected"), INTEREST)
def test_a_state_with_interest_in_arms_seeks_to_buy_them(
    read, text: str, expected: set[tuple[str, str]]
) -> None:
    got = read(text)
    assert expected <= set(got)
    assert all(got[k]["status"] == "talks" for k in expected if k[1] != "EGY")


def test_interest_in_anything_but_arms_is_no_transfer(read) -> None:
    got = read("India sold Akash missiles to Armenia. Kenya is interested in regional stability.")
    assert set(got) == {("ARM", "IND")}


NARROWED = [
    # a field of bidders cut down: those after "to" would sell, the subject buys (talks)
    (
        "Chile has narrowed its choice of frigate builders to Italy and Spain.",
        {("CHL", "ITA"), ("CHL", "ESP")},
    ),
    (
        "Chile whittled down its list of frigate builders to Italy, Spain and Japan.",
        {("CHL", "ITA"), ("CHL", "ESP"), ("CHL", "JPN")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), NARROWED)
def test_the_states_a_choice_is_narrowed_to_are_candidate_sellers(
    read, text: str, expected: set[tuple[str, str]]
) -> None:
    got = read(text)
    assert set(got) == expected
    assert all(p["status"] == "talks" for p in got.values())


def test_narrowing_a_gap_is_no_choice_of_arms(read) -> None:
    assert read("Ukraine narrowed the gap with Russia in drone production.") == {}


def test_narrowing_sites_or_places_names_hosts_not_sellers(read) -> None:
    # only a field of candidates (the ``field`` class) is narrowed to sellers; places are hosts
    got = read("Germany narrowed the locations for its new radar stations to Latvia and Norway.")
    assert got == {}
    got = read("Japan narrowed the sites for its Aegis missile defence batteries to two bases.")
    assert got == {}


def test_each_candidate_named_by_its_maker_is_read(read) -> None:
    # "Sweden's Gripen" after the "to" of a narrowing: the owner of the candidate is a
    # candidate seller too, beside "the US F-16"
    got = read(
        "Colombia narrowed its choice of new fighters to Sweden's Gripen and the US F-16, "
        "and will buy 18 of them."
    )
    assert set(got) == {("COL", "SWE"), ("COL", "USA")}
    assert all(p["status"] == "talks" for p in got.values())


GAPPED = [
    # each member brings its own arms and repeats the preposition: the verb is said once
    (
        "Brazil exported Astros rocket launchers to Malaysia, Tucano trainers to Chile and "
        "Guarani armoured vehicles to Ghana.",
        {("MYS", "BRA"), ("CHL", "BRA"), ("GHA", "BRA")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), GAPPED)
def test_every_member_of_a_gapped_list_keeps_the_role(
    read, text: str, expected: set[tuple[str, str]]
) -> None:
    assert set(read(text)) == expected


NOT_GAPPED = [
    # a second verb between the members: another act with its own object, not a gapped member
    (
        "Sweden sold Gripen fighters to Thailand, and moved four Gripen fighters to Lithuania.",
        {("THA", "SWE")},
    ),
    # a count and a {mod} word are what is brought: still a gapped list
    (
        "Brazil sold Super Tucano aircraft to Chile, and a batch of 12 Guarani vehicles to Ghana.",
        {("CHL", "BRA"), ("GHA", "BRA")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), NOT_GAPPED)
def test_a_second_verb_ends_a_gapped_list(read, text: str, expected: set[tuple[str, str]]) -> None:
    # between two members only arms, names, counts and {mod} words may stand
    assert set(read(text)) == expected


SHARES = [
    # a share of the arms as the object of a weak verb of receiving: the arms are still received
    ("Vietnam gets most of its weapons from Russia.", {("VNM", "RUS")}),
    (
        "Egypt will receive the bulk of the new warships from France, Italy and Germany.",
        {("EGY", "FRA"), ("EGY", "ITA"), ("EGY", "DEU")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), SHARES)
def test_a_share_of_the_arms_is_what_is_received(
    read, text: str, expected: set[tuple[str, str]]
) -> None:
    assert set(read(text)) == expected


ASKED = [
    # asking for arms: the subject would buy, the state asked (or "from") would sell; talks
    ("Moldova asked France for more Caesar howitzers.", {("MDA", "FRA")}),
    ("Moldova asked France and Italy for air defence missiles.", {("MDA", "FRA"), ("MDA", "ITA")}),
    ("Moldova has requested Caesar howitzers from France.", {("MDA", "FRA")}),
]


@pytest.mark.parametrize(("text", "expected"), ASKED)
def test_a_state_asking_for_arms_would_buy_them_from_the_one_asked(
    read, text: str, expected: set[tuple[str, str]]
) -> None:
    got = read(text)
    assert set(got) == expected
    assert all(p["status"] == "talks" for p in got.values())


def test_asking_for_anything_but_arms_is_no_transfer(read) -> None:
    assert read("Moldova asked France for help after the floods.") == {}


# 2026-12-07: further recipients of one supplier (branch s36-en-recipients)

MEMBERS_LIKE = [
    # "like" on a plural common noun names its members, as "such as" does
    (
        "Italy handed over patrol boats to coastal states like Ghana, Togo and Benin.",
        {("GHA", "ITA"), ("TGO", "ITA"), ("BEN", "ITA")},
    ),
    # on a name it compares: Russia is no buyer
    ("Turkey, like Russia, sold drones to Qatar.", {("QAT", "TUR")}),
]


@pytest.mark.parametrize(("text", "expected"), MEMBERS_LIKE)
def test_like_on_a_plural_noun_names_its_members(
    read, text: str, expected: set[tuple[str, str]]
) -> None:
    assert set(read(text)) == expected


def test_a_later_list_of_lone_buyers_each_buys_from_the_one_seller(read) -> None:
    # the other members of the list are no third state of the sentence (pairs._later_buyers)
    text = (
        "Lockheed Martin delivered F-16 jets to Bahrain. Lawmakers may block further sales "
        "of munitions to Jordan, Oman and Kuwait."
    )
    assert set(read(text)) == {("BHR", "USA"), ("JOR", "USA"), ("OMN", "USA"), ("KWT", "USA")}


MORE_HANDED_OVER = [
    # a passive joined to the sale, with no agent and no state in its subject: the same seller
    (
        "Spain sold two patrol boats to Ghana, and three more were delivered to Togo.",
        {("GHA", "ESP"), ("TGO", "ESP")},
    ),
    # the past participle of "give" is a verb of handing over like the others
    ("Four helicopters have been given to Benin by Spain.", {("BEN", "ESP")}),
    # a state in the passive's subject: another seller's arms, not the first one's
    ("Spain sold jets to Ghana, and Chinese drones were delivered to Togo.", {("GHA", "ESP")}),
]


@pytest.mark.parametrize(("text", "expected"), MORE_HANDED_OVER)
def test_more_handed_over_in_a_joined_passive(
    read, text: str, expected: set[tuple[str, str]]
) -> None:
    assert set(read(text)) == expected


RENAMED = [
    # an apposition after its comma renames the noun before it, wherever the parser hangs it
    ("Spain approved an arms sale to another Gulf nation, Qatar.", {("QAT", "ESP")}),
    ("Spain approved an arms sale to a Gulf ally, the Kingdom of Bahrain.", {("BHR", "ESP")}),
    ("Spain sold jets to a Gulf nation, Qatar.", {("QAT", "ESP")}),
    # a country inside the apposition only qualifies it ("a rival of X", "one of X's
    # neighbours"): the noun renamed is not that country, which buys nothing
    ("Spain approved an arms sale to a Gulf nation, a rival of Qatar.", set()),
    ("Spain sold jets to an Asian country, one of China's neighbours.", set()),
]


@pytest.mark.parametrize(("text", "expected"), RENAMED)
def test_an_apposition_plays_the_part_of_the_noun_it_renames(
    read, text: str, expected: set[tuple[str, str]]
) -> None:
    assert set(read(text)) == expected


EQUIPS_OWN = [
    # equipping itself or its own forces "with" arms: the subject takes them from their maker
    ("Chile will equip itself with Israeli radars.", {("CHL", "ISR")}),
    ("Chile will equip its army with Israeli radars.", {("CHL", "ISR")}),
    # another state's forces: that state receives, the subject sells
    ("Israel will equip the Chilean army with radars.", {("CHL", "ISR")}),
    # what goes along with the goods to another: the subject still sends them
    (
        "The Chilean air force sent its American-built transport aircraft with the missiles to "
        "Peru.",
        {("PER", "CHL")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), EQUIPS_OWN)
def test_equipping_its_own_forces_takes_the_arms(
    read, text: str, expected: set[tuple[str, str]]
) -> None:
    assert set(read(text)) == expected
