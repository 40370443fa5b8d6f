"""A plain hull ("the vessels", "eight boats") is arms to the English sentence reader (eleventh
stop, s39-en-company): the article passes the query on arms it names elsewhere, whose hulls later
sentences name plainly. A civil word makes it a cargo or fishing boat. Invented sentences only."""

from __future__ import annotations

# --- a plain hull is arms to the sentence reader


def test_a_plain_hull_is_arms(read) -> None:
    assert read("Norway has ordered two stealth vessels from Italy.") == {("NOR", "ITA")}
    assert read("Italy sold eight coastal boats to Norway.") == {("NOR", "ITA")}
    assert read("Norway took delivery of three ships built in Italy.") == {("NOR", "ITA")}


def test_a_civil_hull_is_no_arms(read) -> None:
    assert read("Norway bought two cargo ships from Italy.") == set()
    assert read("Norway bought three fishing boats from Italy.") == set()
    assert read("Italy sold a cruise vessel to Norway.") == set()


def test_a_civil_word_leaves_planes_alone(read) -> None:
    # "cargo aircraft" fly for air forces: the civil words of vessels cancel a hull only
    assert read("The Norwegian air force received two cargo aircraft from Italy.") == {
        ("NOR", "ITA")
    }


def test_ship_as_a_verb_stays_the_trigger(read) -> None:
    # "ship" and "ships" are hulls and verbs of sending: after a state, "to" or a modal, or
    # before arms, a number or a determiner, the verb
    assert read("Norway will ship 12 howitzers to Estonia.") == {("EST", "NOR")}
    assert read("Germany ships tanks to Ukraine.") == {("UKR", "DEU")}
    assert read("Norway already has four ships acquired from Italy.") == {("NOR", "ITA")}
