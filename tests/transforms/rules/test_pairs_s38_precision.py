"""English wrong pairs, tenth stop (session 38): a look-alike or a misplaced fill silenced, and
the true transfer beside it kept. Every sentence is our own."""

from __future__ import annotations

# ``read``: the shipped reader's (recipient, supplier) pairs of one text (conftest.py)


def test_the_articles_maker_does_not_sell_a_weapon_of_another_make(read) -> None:
    # a lone buyer of jets named as another maker's does not buy from the article's one maker
    text = "India bought 36 Rafale jets from France in 2016. Kuwait ordered 28 Typhoon jets in May."
    assert read(text) == {("IND", "FRA")}
    # jets of no named make, or the maker's own, are still that maker's sale
    more = "India bought 36 Rafale jets from France in 2016. Kuwait ordered 28 jets in May."
    assert read(more) == {("IND", "FRA"), ("KWT", "FRA")}
    assert read("Dassault won the tender. Kuwait ordered 28 jets in May.") == {("KWT", "FRA")}
    assert read("Dassault won the tender. Kuwait ordered 28 Typhoon jets in May.") == set()


def test_a_fleet_the_lone_buyer_already_flies_leaves_the_makers_sale(read) -> None:
    # review fix (tenth stop): a weapon of another make the buyer keeps, or one a relative
    # clause names, is not what it orders; the article's one maker still sells
    won = "Dassault won the tender. "
    kept = won + "Oman ordered 12 jets last year, which will join the Typhoons it flies."
    assert read(kept) == {("OMN", "FRA")}
    beside = won + "Oman ordered 12 jets last year that will patrol beside its Typhoons."
    assert read(beside) == {("OMN", "FRA")}
    # the weapon as the object of its order still names another make
    assert read("Dassault won the tender. Oman ordered 12 Typhoon jets last year.") == set()


def test_an_aircraft_loaded_with_relief_carries_it(read) -> None:
    # a transport loaded with relief goods is their carrier: no transfer of the aircraft
    assert not read("Singapore sent the Philippines a C-130 Hercules loaded with relief goods.")
    assert not read("Indonesia sent two C-130s to Manila, loaded up with food aid.")
    # the aircraft handed over, or loaded with arms, is a transfer
    assert read("Singapore sent a C-130 Hercules to the Philippines.") == {("PHL", "SGP")}
    assert ("PHL", "IDN") in read("Indonesia sent two C-130s to Manila, loaded with missiles.")


def test_a_load_told_in_another_clause_leaves_the_transfer(read) -> None:
    # review fix (tenth stop): the laden word belongs to the weapon only close after its name,
    # in its own clause; goods loaded on something else after a ";" or "and" leave the sale
    text = (
        "Spain handed three NASAMS batteries to Ukraine; lorries packed with relief kits came next."
    )
    assert read(text) == {("UKR", "ESP")}
    comma = (
        "Spain handed three NASAMS batteries to Ukraine, lorries packed with relief kits came next."
    )
    assert read(comma) == {("UKR", "ESP")}
    # a name right after a comma ends the clause (it is no word to read as laden)
    listed = "Germany sent IRIS-T systems, Leopard tanks and Gepard guns to Ukraine."
    assert read(listed) == {("UKR", "DEU")}
    text = (
        "Canada sold four C-130J aircraft to Chile, and Santiago stuffed them with relief parcels."
    )
    assert read(text) == {("CHL", "CAN")}


def test_a_state_securing_a_deal_for_foreign_arms_buys_them(read) -> None:
    # "secure a deal for X from Y": the state securing it buys arms it does not make from Y
    assert read("Argentina secured a deal for 24 F-16 jets from Denmark.") == {("ARG", "DNK")}
    # the gerund hangs on the state's own verb (read reversed before the guard)
    by = "Peru rebuilt its fighter fleet by securing a deal for 24 F-16 jets from Denmark."
    assert read(by) == {("PER", "DNK")}
    # a maker's state, or its company, winning an order for its own make sells
    assert read("South Korea won a deal from Poland for 180 K2 tanks.") == {("POL", "KOR")}
    assert read("Hanwha won a deal from Poland for 180 K2 tanks.") == {("POL", "KOR")}


def test_a_maker_state_winning_an_order_still_sells(read) -> None:
    # review fix (tenth stop): arms a clause inside the deal's object names (the fleet the new
    # arms replace) are not what the deal is for: the state winning it is still the seller
    assert read("Germany won a deal from Slovakia for tanks to replace its T-72 tanks.") == {
        ("SVK", "DEU")
    }
    assert read("France won a contract from Croatia for jets to replace its MiG-21s.") == {
        ("HRV", "FRA")
    }
    # a company named with its state is no state winning a purchase: it sells
    assert read("Britain's BAE Systems won an order from Canada for 30 M777 howitzers.") == {
        ("CAN", "GBR")
    }


def test_we_in_a_clause_beside_a_state_is_not_that_state(read) -> None:
    # the quoted speaker's "we" is not the state subject of the verb the parse joins it to
    quoted = (
        '"We wanted to buy Brazilian trainer aircraft for our cadets ... the U.S. has blocked '
        'that deal," the president told reporters.'
    )
    assert ("USA", "BRA") not in read(quoted)
    assert ("USA", "BRA") not in read(
        "We wanted to buy Brazilian trainer aircraft, the U.S. stopped it."
    )
    # a state saying what "we" or "it" will do is that doer
    assert read("Germany said we will deliver Leopard tanks to Ukraine.") == {("UKR", "DEU")}
    assert read("Washington said it would sell F-16 jets to Turkey.") == {("TUR", "USA")}


def test_a_state_naming_a_trade_noun_sells_nothing_to_the_lead_state(read) -> None:
    # a state that only modifies a noun of selling describes its trade: no sale to the state the
    # article is about
    assert not read(
        "Mali backed the treaty on conventional arms. German arms exports fell last year."
    )
    # a seller told selling still sells to it
    sold = "Mali needs helicopters for its army. Britain has sold two Puma helicopters, it said."
    assert read(sold) == {("MLI", "GBR")}
