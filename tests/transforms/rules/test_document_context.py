"""Document context in the English reader (issue 12, cross-sentence and 'other'): a buyer named
only as "the country" in the object of a sale, and arms whose arrival is the transfer.

The sentences are our own, written for the constructions the labelled dev reports showed the
reader missing; they run through the shipped tagger and relation lexicon.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("construction", "text", "pairs"),
    [
        (
            "'to the country' names the speaker's state",
            "An Uzbek official told reporters on Monday that China had approved the sale of "
            "J-10 fighters to the country.",
            {("UZB", "CHN")},
        ),
        (
            "'the country' as the one a sale is made to (dative)",
            "Italy will deliver two C-27J aircraft to Kenya next year. Spain has agreed to sell "
            "the country six patrol boats.",
            {("KEN", "ITA"), ("KEN", "ESP")},
        ),
        (
            "'to the country' after a sentence naming the seller first",
            "A Russian delegation met Myanmar's generals in January. Russia then delivered two "
            "Su-30 fighters to the country. China also offered jets.",
            {("MMR", "RUS"), ("MMR", "CHN")},
        ),
    ],
)
def test_buyer_named_as_the_country_in_the_object(read, construction, text, pairs):
    assert read(text) == pairs, construction


def test_the_country_is_not_its_own_seller(read):
    # the first state the article names is the seller of the later sentence: "the country"
    # there is the other state, never the seller itself
    got = read(
        "Russia and Myanmar signed a defence pact in January. In March Russia delivered two "
        "Su-30 fighters to the country, and China sold it six K-8 trainers."
    )
    assert ("MMR", "RUS") in got
    assert not {p for p in got if p[1] == "MMR" or p[0] == "RUS"}


@pytest.mark.parametrize(
    ("construction", "text", "pairs"),
    [
        (
            "arms arrive, with words between the arms and the verb",
            "Two Gripen fighter jets, known locally as F-39, arrived in Brazil on Sunday.",
            {("BRA", "SWE")},
        ),
        (
            "arms set to arrive (the subject of the verb above)",
            "The first batch of Rafale jets is all set to arrive in India on Wednesday.",
            {("IND", "FRA")},
        ),
        (
            "arms from a seller arrive",
            "Tanks and drones from Turkey will soon arrive in Somalia, the envoy said.",
            {("SOM", "TUR")},
        ),
    ],
)
def test_arms_that_arrive(read, construction, text, pairs):
    assert read(text) == pairs, construction


@pytest.mark.parametrize(
    "text",
    [
        # own forces deployed abroad, and an exercise
        "German troops arrived in Lithuania with Leopard tanks for a NATO exercise. The country "
        "hosts a German brigade.",
        "France deployed Rafale jets to the country for a joint exercise with the Indian air "
        "force.",
        # transports carrying aid: the carrier is no cargo
        "Four Y-20 transport aircraft from China arrived in Yangon on Friday, carrying tents and "
        "medicines.",
        # a maker's domestic order
        "Airbus delivered the first A400M to the German air force. The country ordered 53 of the "
        "aircraft in 2003.",
    ],
)
def test_no_transfer_stays_silent(read, text):
    assert read(text) == set()


def test_two_buyers_keep_their_own_sellers(read):
    got = read(
        "Italy will deliver two C-27J aircraft to Kenya next year, and Spain will sell patrol "
        "boats to Tanzania. Later Spain agreed to deliver two more boats to the country."
    )
    assert got == {("KEN", "ITA"), ("TZA", "ESP")}


def test_the_maker_of_the_named_arms_sells_to_the_lead_state(read):
    # no sentence names the seller in words: the one state that makes the named weapon, which
    # the article names, sells to the state the article is about
    got = read(
        "Officials in Japan welcomed the news from Canberra. Australia will replace its ageing "
        "Anzac frigates, and the first Mogami-class frigate is due to be delivered in 2029."
    )
    assert got == {("AUS", "JPN")}


@pytest.mark.parametrize(
    "text",
    [
        # two makers compared: no seller
        "Sweden's Gripen is comparable to the American F-16 and the French Rafale, analysts say "
        "in Brazil. The deal for 36 Gripen jets was delayed.",
        # a maker's domestic order, another state only looking on
        "Japan's navy commissioned its newest Mogami-class frigate on Friday in Nagasaki. "
        "Officials from Australia attended the ceremony.",
        "Japan held a naval exercise with Australia this week, and a Mogami-class frigate was "
        "delivered to the Japanese navy on Friday.",
    ],
)
def test_a_maker_alone_names_no_sale(read, text):
    assert read(text) == set()


def test_the_maker_sells_to_a_lead_state_read_buying(read):
    # the lead state is named with a word of buying: the maker of the named arms sells to it
    got = read(
        "Officials in Japan welcomed the news from Canberra. Australia will buy new warships to "
        "replace its ageing Anzac frigates, and the first Mogami-class frigate is due in 2029."
    )
    assert got == {("AUS", "JPN")}


@pytest.mark.parametrize(
    "text",
    [
        # the maker's capital is only where the delivery took place: its state is a bystander,
        # so the neighbour is the lead state, and it is named testing, not buying
        "The first K2 tanks were delivered to the army on Monday in Seoul. North Korea tested "
        "two cruise missiles on Tuesday.",
        "New K9 guns went to an artillery brigade last week in Seoul. North Korea launched a "
        "rocket into the sea days later.",
        "Another Mogami-class frigate joined the fleet at Yokosuka this month, officials in Japan "
        "said. Chinese coast guard ships and a Chinese destroyer sailed near the islands.",
    ],
)
def test_a_makers_home_delivery_has_no_foreign_buyer(read, text):
    assert read(text) == set()


def test_a_lead_state_read_buying_still_buys_from_the_maker(read):
    # the same home delivery, with the next state named ordering the guns: a buyer in words
    got = read(
        "New K9 guns went to an artillery brigade last week in Seoul. Poland ordered two hundred "
        "of the guns in 2022."
    )
    assert got == {("POL", "KOR")}


def test_buying_words_are_folded_as_tokens_are():
    # a buying word written with an accent and a capital is read as its folded token
    from worker.transforms.rules.pairs import RelationLexicon

    lex = RelationLexicon.from_dict(
        {"relation": "x", "classes": {"buy": ["Achète"], "buy_noun": ["Übernahme"]}}
    )
    assert lex.buyers == {"achete", "ubernahme"}


@pytest.mark.parametrize(
    "text",
    [
        # "the country" in the object after "X struck targets in Z" / "X cautioned Z": the
        # subject's state or the other one; neither is taken
        "Algeria shut its border with Mali on Friday. Russia shipped attack helicopters to the "
        "country last year.",
        "The United States cautioned Vietnam against buying Russian jets. Russia handed six more "
        "fighters to the country in March.",
    ],
)
def test_the_country_after_two_states_names_no_buyer(read, text):
    assert read(text) == set()


def test_the_country_after_one_state_besides_the_seller_is_that_state(read):
    # the earlier sentence names the seller and one other state: that one is the referent
    got = read(
        "Chinese envoys visited Laos in May. China later shipped four trainer jets to the country."
    )
    assert got == {("LAO", "CHN")}


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        (
            "Chile will return the combat helicopters it had ordered from Spain, the "
            "minister said.",
            {("CHL", "ESP")},
        ),
        ("The Rafale jets that India received from France flew over the parade.", {("IND", "FRA")}),
        # the arms a force had sent to an exercise abroad: no transfer
        (
            "Spain brought home the fighter jets it had sent to Lithuania for a NATO air policing "
            "exercise.",
            set(),
        ),
    ],
)
def test_arms_a_relative_clause_is_about(read, text, pairs):
    # the weak verb of a relative clause has as its object the arms the clause hangs on
    assert read(text) == pairs


# "the country" as the seller beside a named buyer (grammar._seller_referred_back): the one
# seller the article has read so far, never one of two
@pytest.mark.parametrize(
    ("construction", "text", "pairs"),
    [
        (
            "'the Nordic country' that supplies is the seller read before",
            "Sweden will sell twelve Gripen jets to Thailand. The Nordic country has also agreed "
            "to supply six of the jets to Colombia.",
            {("THA", "SWE"), ("COL", "SWE")},
        ),
        (
            "arms another state made, sold on by the seller read before, not by their maker",
            "Denmark will sell used F-16 jets to Argentina. The country has also promised to "
            "deliver F-16 jets to Ukraine.",
            {("ARG", "DNK"), ("UKR", "DNK")},
        ),
        (
            "two sellers read before: 'the country' stays unresolved, and no maker is guessed",
            "Denmark and Norway will sell used F-16 jets to Argentina. The country has also "
            "promised to deliver F-16 jets to Ukraine.",
            {("ARG", "DNK"), ("ARG", "NOR")},
        ),
        (
            "'the country' that receives is still the buyer, not a seller",
            "Ukraine needs air defence. The country will receive IRIS-T systems from Germany.",
            {("UKR", "DEU")},
        ),
    ],
)
def test_seller_named_as_the_country(read, construction, text, pairs):
    assert read(text) == pairs, construction


# the opening's one other state as the seller of a buyer read alone, in English only when it is
# named in the sentence right before or after the buyer's (fills._named_next_to)
def test_seller_named_in_the_next_sentence(read):
    text = (
        "The Kenyan army said it had bought four patrol boats to guard its lakes. The vessels "
        "were built in Turkey and reached Mombasa in May."
    )
    assert read(text) == {("KEN", "TUR")}


def test_state_named_far_from_the_buyer_is_no_seller(read):
    text = (
        "The Kenyan army said it had bought four patrol boats to guard its lakes. The boats "
        "reached the port of Mombasa in May. Officials thanked the crews. A team from Turkey "
        "attended."
    )
    assert read(text) == set()


def test_next_sentence_seller_can_be_switched_off(read, monkeypatch):
    from worker.transforms.rules import fills

    monkeypatch.setattr(fills, "GUARDS", tuple(g for g in fills.GUARDS if g != "opening_seller_en"))
    text = (
        "The Kenyan army said it had bought four patrol boats to guard its lakes. The vessels "
        "were built in Turkey and reached Mombasa in May."
    )
    assert read(text) == set()


# review (2026-12-06): a state named in the sentence next to the buyer's is its seller only when
# that sentence ties it to arms or a deal; a foe attacking there or a state helping with
# something else is no seller (fills._ties_to_arms)
@pytest.mark.parametrize(
    ("construction", "text"),
    [
        (
            "a foe attacking in the next sentence",
            "Ukraine ordered 40 new howitzers this month. Russia bombed the port of Odesa on "
            "Sunday night.",
        ),
        (
            "a state pledging help with something else",
            "The Kenyan army has bought four patrol boats. Turkey promised to help build a new "
            "harbour.",
        ),
        (
            "a foe firing arms in the next sentence (arms named, no tie to a transfer)",
            "Ukraine ordered 40 new howitzers this month. Russia hit the port of Odesa with "
            "missile strikes on Sunday night.",
        ),
        (
            "a state threatening the buyer",
            "Taiwan bought new anti-ship batteries this year. China warned the island again.",
        ),
    ],
)
def test_state_next_to_the_buyer_without_arms_is_no_seller(read, construction, text):
    assert read(text) == set(), construction


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan army has bought four patrol boats. The contract was signed with Turkey in "
        "March.",
        "The Kenyan army has bought four patrol boats. Turkey promised to supply them by May.",
        # a hand-over told beside a drill: the tie holds, the drill vetoes nothing
        "The Kenyan army has bought four patrol boats. Turkey, which builds them, will hand "
        "them over after a naval exercise.",
    ],
)
def test_state_next_to_the_buyer_with_a_deal_is_the_seller(read, text):
    assert read(text) == {("KEN", "TUR")}


# review (2026-12-06): "the country" that sells is the previous sentence's subject state, even
# when that state was read there as a buyer; never the other state of that sentence
@pytest.mark.parametrize(
    ("construction", "text", "pairs"),
    [
        (
            "the subject bought before, and now sells on",
            "Brazil purchased Gripen jets from Sweden in 2014. The country will also supply "
            "armoured vehicles to Angola.",
            {("BRA", "SWE"), ("AGO", "BRA")},
        ),
        (
            "the subject that sold before sells again",
            "Italy agreed to sell two frigates to Indonesia. The country will also supply "
            "helicopters to Qatar.",
            {("IDN", "ITA"), ("QAT", "ITA")},
        ),
    ],
)
def test_the_country_that_sells_is_the_subject_before(read, construction, text, pairs):
    assert read(text) == pairs, construction


def test_one_rule_decides_the_seller_read_before():
    # arms referred back and "the country" ask the same helper: the one seller read so far
    from worker.transforms.rules.pairs import PairHit, _seller_read_before

    one = {("EGY", "FRA"): PairHit("EGY", "FRA")}
    two = {**one, ("EGY", "ITA"): PairHit("EGY", "ITA")}
    assert _seller_read_before(one, [], "CYP") == "FRA"
    assert _seller_read_before(two, [], "CYP") is None
    assert _seller_read_before(two, [], "CYP", lead=True) == "FRA"  # arms of the lead deal
    assert _seller_read_before(one, [], "FRA") is None  # never the sentence's own buyer
    # "the country": the subject before wins; with none read, an earlier buyer may be meant
    assert _seller_read_before(one, [], "CYP", state_noun=True, subject="EGY") == "EGY"
    assert _seller_read_before(one, [], "CYP", state_noun=True) is None
