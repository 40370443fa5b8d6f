"""Status words learned from real reports whose pair was right and whose status was read as
none (docs/rules.md, "Weapon and status, third round"): a choice of system, a transfer told in
the present, a government selling, an aid package. Sentences in our own words, read through the
shipped tagger and relation lexicon."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from worker.model import Article
from worker.pipeline import analyse
from worker.transforms.rules import load_rules
from worker.transforms.rules.pairs import extract_pairs
from worker.transforms.tag import default_tagger


@pytest.fixture(scope="module")
def status_of_titled():
    tagger, lex = default_tagger(), load_rules().relations["arms_transfer"]

    def run(title: str, text: str, pair: tuple[str, str]) -> str | None:
        tagged = tagger.tag(Article(id="t", title=title, body=text))
        hits = {(h.recipient, h.supplier): h for h in extract_pairs(tagged, lex)}
        return hits[pair].status

    return run


@pytest.mark.parametrize(
    ("text", "pair", "status"),
    [
        # a chosen system is not yet a deal
        ("Peru has chosen the Korean FA-50 as its next light fighter.", ("PER", "KOR"), "talks"),
        ("After a long contest Vietnam selected BrahMos missiles from India.", ("VNM", "IND"),
         "talks"),
        # a transfer told in the present, as headlines do
        ("Sweden sends a first CV90 company to Lithuania.", ("LTU", "SWE"), "delivered"),
        ("Slovakia is sending eleven MiG-29 jets to Ukraine.", ("UKR", "SVK"), "delivered"),
        ("Turkey is supplying Bayraktar TB2 drones to Kenya this month.", ("KEN", "TUR"),
         "delivered"),
        ("Zambia got two Mi-35 helicopters from Russia in the spring.", ("ZMB", "RUS"),
         "delivered"),
        # a government selling, a programme procuring
        ("Norway is selling 32 second-hand F-16 jets to Romania.", ("ROU", "NOR"), "agreed"),
        ("Latvia is procuring HIMARS launchers from the United States.", ("LVA", "USA"),
         "ordered"),
        # a suspension told in the progressive
        ("Sweden is suspending sales of CV90 vehicles to Thailand.", ("THA", "SWE"), "blocked"),
        # an aid package announced is agreed, not yet delivered
        ("Germany unveiled a new package of Leopard 1 tanks for Ukraine.", ("UKR", "DEU"),
         "agreed"),
    ],
)  # fmt: skip
def test_a_status_word_real_reports_use(status_of, text, pair, status) -> None:
    assert status_of(text, pair) == status


def test_a_plan_to_send_is_still_a_plan(status_of) -> None:
    # the new present-tense delivery words must not turn a plan into a delivery
    assert status_of("Norway plans to send NASAMS systems to Ukraine.", ("UKR", "NOR")) == "talks"


def test_a_permission_received_is_no_delivery(status_of) -> None:
    # "got"/"received" hand over arms, but here what was received is an approval (review)
    text = "Greece got approval from Washington to buy 20 F-35 jets."
    assert status_of(text, ("GRC", "USA")) == "agreed"
    text = "Poland received US clearance to purchase 96 Apache helicopters."
    assert status_of(text, ("POL", "USA")) == "agreed"


def test_a_possible_package_is_still_talks(status_of) -> None:
    # "package" reads agreed (a decided aid package), unless a prospect word qualifies it
    text = "Washington floated a possible package of Patriot batteries for Morocco."
    assert status_of(text, ("MAR", "USA")) == "talks"


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("The United States postponed the delivery of Black Hawk helicopters to Austria.",
         ("AUT", "USA")),
        ("Reports of an imminent delivery of Chinese J-10 fighters to Oman were denied.",
         ("OMN", "CHN")),
        ("The Leopard tanks Chile bought from Germany have not yet been delivered.",
         ("CHL", "DEU")),
    ],
)  # fmt: skip
def test_a_delivery_not_yet_made_is_an_order(status_of, text, pair) -> None:
    assert status_of(text, pair) == "ordered"


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # a permission of several words, after one buyer or a list of them: not a gift
        ("The United States gives Chile the green light to buy F-16 jets.", ("CHL", "USA")),
        ("Washington gave Latvia and Estonia the green light to buy HIMARS launchers.",
         ("EST", "USA")),
        ("Washington gave Morocco the go-ahead to buy Javelin missiles.", ("MAR", "USA")),
        ("The Pentagon signed off on a possible sale of Apache helicopters to Kuwait.",
         ("KWT", "USA")),
    ],
)  # fmt: skip
def test_a_permission_phrase_reads_agreed(status_of, text, pair) -> None:
    assert status_of(text, pair) == "agreed"


def test_an_approved_hand_over_is_agreed(status_of) -> None:
    # the export council approves a delivery: the sale is agreed, the arms have not moved yet
    text = "Berlin's security council approved the delivery of two frigates to Algeria."
    assert status_of(text, ("DZA", "DEU")) == "agreed"


def test_a_purpose_clause_is_no_order(status_of) -> None:
    # "in order to" later in the report does not make a decision announced a firm order
    text = (
        "Korea will supply Poland with more K9 howitzers. In order to ship the K9 howitzers "
        "to Poland sooner, Korea has changed its export rules."
    )
    assert status_of(text, ("POL", "KOR")) == "agreed"


def test_an_order_placed_with_a_deal_is_ordered(status_of) -> None:
    # a deal signed and an order placed in one breath: the order is how far it went
    text = "Lithuania sealed a deal with Norway, placing an order for NASAMS launchers."
    assert status_of(text, ("LTU", "NOR")) == "ordered"


def test_a_delivery_being_put_off_is_still_an_order(status_of) -> None:
    # the progressive of postpone: the hand-over is still ahead
    text = "The United States is postponing the delivery of NASAMS launchers to Finland."
    assert status_of(text, ("FIN", "USA")) == "ordered"


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # a request in the present, a shortlist of candidates, a draft deal: not agreed yet
        ("Serbia asks China to supply more FK-3 air defence systems.", ("SRB", "CHN")),
        ("Colombia must buy new jets, and the candidates are the Swedish Gripen and the "
         "American F-16.", ("COL", "SWE")),
        ("A draft agreement for Finland to buy F-35 jets from the United States is ready.",
         ("FIN", "USA")),
    ],
)  # fmt: skip
def test_a_request_a_shortlist_a_draft_are_talks(status_of, text, pair) -> None:
    assert status_of(text, pair) == "talks"


def test_a_signed_letter_of_offer_and_acceptance_is_agreed(status_of) -> None:
    # the US sale contract's name holds "offer", which alone would read talks
    text = "Poland has signed the letter of offer and acceptance to buy 96 Apache helicopters."
    assert status_of(text, ("POL", "USA")) == "agreed"


def test_a_sale_in_the_past_is_agreed_and_has_sold_is_delivered(status_of) -> None:
    # "sold" is often the sale itself with its delivery still ahead; the perfect tells a
    # transfer made
    text = "The United States sold Chile twelve Apache helicopters in a deal signed on Friday."
    assert status_of(text, ("CHL", "USA")) == "agreed"
    text = "Israel has already sold Barak 8 air defence systems to Morocco."
    assert status_of(text, ("MAR", "ISR")) == "delivered"


def test_a_contract_still_expected_does_not_make_the_deal_an_order(status_of) -> None:
    text = (
        "Peru signed an agreement to buy K2 tanks from South Korea, and a contract is expected "
        "next year."
    )
    assert status_of(text, ("PER", "KOR")) == "agreed"


def test_a_past_sale_with_nothing_else_said_is_delivered(status_of) -> None:
    # the only status word of the sentence: a transfer made; beside a deal or a coming
    # arrival it stays the sale agreed
    assert status_of("Last year Israel sold air defence systems to Morocco.", ("MAR", "ISR")) == (
        "delivered"
    )
    text = "The US sold F-16 jets to Turkey, but the first aircraft will only arrive in 2027."
    assert status_of(text, ("TUR", "USA")) != "delivered"


# Status, 2026-12-06 (afternoon): mechanisms found among the English dev status mismatches.


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("The ministry said Chile will order thirty Leopard tanks from Germany.", ("CHL", "DEU")),
        ("Latvia will procure a dozen K9 howitzers from South Korea.", ("LVA", "KOR")),
    ],
)  # fmt: skip
def test_an_order_announced_with_will_is_an_order(status_of, text, pair) -> None:
    # "will" announces the buyer's decision; only a real prospect word ("likely") keeps talks
    assert status_of(text, pair) == "ordered"
    assert status_of("Chile is likely to order more Rafale jets from France.", ("CHL", "FRA")) == (
        "talks"
    )


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Peru would like to buy T-90 tanks from Russia.", ("PER", "RUS")),
        ("South Korea is aiming to sell K2 tanks to Qatar.", ("QAT", "KOR")),
        ("Peru mulls a second frigate order from South Korea.", ("PER", "KOR")),
        ("Peru announced its intention to procure Gripen jets from Sweden.", ("PER", "SWE")),
        ("Peru weighs an order for Gripen jets from Sweden.", ("PER", "SWE")),
    ],
)  # fmt: skip
def test_a_wish_an_aim_or_an_order_weighed_is_talks(status_of, text, pair) -> None:
    # the order or the sale is what is wished for or weighed, not placed
    assert status_of(text, pair) == "talks"


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Switzerland didn't allow Germany to supply ammunition to Ukraine.", ("UKR", "DEU")),
        ("Switzerland did not allow Germany to supply ammunition to Ukraine.", ("UKR", "DEU")),
        ("Switzerland turned down a German request to supply Gepard ammunition to Ukraine.",
         ("UKR", "DEU")),
        ("Berlin rebuffed a request to sell Leopard tanks to Saudi Arabia.", ("SAU", "DEU")),
    ],
)  # fmt: skip
def test_a_permission_refused_is_a_block(status_of, text, pair) -> None:
    # "allow" is an approval word; negated, or a request turned down, the transfer is blocked
    assert status_of(text, pair) == "blocked"


@pytest.mark.parametrize(
    "text",
    [
        "Canada won't halt its LAV sales to Saudi Arabia.",
        "Canada is lifting its suspension of LAV sales to Saudi Arabia.",
    ],
)
def test_a_block_denied_or_lifted_leaves_the_deal_standing(status_of, text) -> None:
    assert status_of(text, ("SAU", "CAN")) == "agreed"


def test_no_longer_supplying_is_still_a_block(status_of) -> None:
    # "no" is not a word that undoes a block: "no longer" is the block itself
    assert status_of("Turkey no longer supplies drones to Ethiopia.", ("ETH", "TUR")) == "blocked"


def test_a_purchase_told_in_the_progressive_is_an_order(status_of) -> None:
    text = "Thailand is purchasing two frigates from South Korea."
    assert status_of(text, ("THA", "KOR")) == "ordered"
    assert status_of("Peru is buying a submarine from China.", ("PER", "CHN")) == "ordered"
    # an interest in buying stays talks
    text = "Peru is interested in buying a submarine from China."
    assert status_of(text, ("PER", "CHN")) == "talks"


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Egypt refuses to buy the Chinese drones it was offered.", ("EGY", "CHN")),
        ("Spain announced the suspension of a contract to purchase Spike missiles from Israel.",
         ("ESP", "ISR")),
    ],
)  # fmt: skip
def test_a_buyer_stopping_its_own_purchase_cancels(status_of, text, pair) -> None:
    # the stop falls on the purchase itself (a deal called off), not on a seller's exports
    assert status_of(text, pair) == "cancelled"
    assert status_of("Germany halted the sale of tanks to Turkey.", ("TUR", "DEU")) == "blocked"


@pytest.mark.parametrize(
    ("text", "pair", "status"),
    [
        # a donation told in the present, as headlines do
        ("The US donates twelve armoured vehicles to Kenya.", ("KEN", "USA"), "delivered"),
        # a purchase told in the present is the order, not the arrival
        ("Nigeria acquires six attack helicopters from Turkey.", ("NGA", "TUR"), "ordered"),
        # arms exports or imports as trade figures tell transfers made
        ("Turkish arms exports to Azerbaijan have risen sharply this year.", ("AZE", "TUR"),
         "delivered"),
        ("Purchases from Israel made up most of Azerbaijan's arms imports.", ("AZE", "ISR"),
         "delivered"),
        # a sale made in spite of a ban: the ban did not stop it, the past sale is a transfer
        ("Last year Norway sold more howitzers to Qatar than ever, despite a ban on fresh "
         "licences.", ("QAT", "NOR"), "delivered"),
    ],
)  # fmt: skip
def test_present_purchases_trade_figures_and_sales_despite_a_ban(
    status_of, text, pair, status
) -> None:
    assert status_of(text, pair) == status


def test_an_opening_delivery_from_one_seller_is_not_another_sellers_delivery(status_of) -> None:
    text = (
        "Egypt received a third batch of Rafale jets from France. Egypt is also scheduled to "
        "receive a submarine from Germany next year."
    )
    assert status_of(text, ("EGY", "FRA")) == "delivered"
    assert status_of(text, ("EGY", "DEU")) == "ordered"
    # an opening that names no seller still makes the recalled sale a delivery story
    text = (
        "Kenya has received six attack helicopters. The United States sold the helicopters to "
        "Kenya in 2019."
    )
    assert status_of(text, ("KEN", "USA")) == "delivered"


def test_an_approval_asked_for_or_expected_is_talks(status_of) -> None:
    text = "The maker asked Rome to approve a sale of Centauro vehicles to Brazil."
    assert status_of(text, ("BRA", "ITA")) == "talks"
    text = "Congress is expected to approve the sale of F-16 jets to Turkey."
    assert status_of(text, ("TUR", "USA")) == "talks"
    assert status_of("The US approved the sale of F-16 jets to Turkey.", ("TUR", "USA")) == "agreed"


@pytest.mark.parametrize(
    ("text", "pair", "status"),
    [
        # a licence revoked in the present tense, as headlines put it
        ("Sweden revokes its licences for the sale of Gripen jets to Hungary.", ("HUN", "SWE"),
         "cancelled"),
        # a ban put as a prohibition
        ("Austria prohibits the transfer of Pandur vehicles to Ukraine.", ("UKR", "AUT"),
         "blocked"),
        # a step towards a purchase, not the purchase
        ("Peru moves to buy K2 tanks from South Korea.", ("PER", "KOR"), "talks"),
        ("Egypt is moving toward acquiring Chinese J-10 jets.", ("EGY", "CHN"), "talks"),
        # a gift told in the progressive
        ("The minister praised Japan for gifting Abukuma-class ships to the Philippines.",
         ("PHL", "JPN"), "delivered"),
    ],
)  # fmt: skip
def test_eighteenth_batch_status_words(status_of, text, pair, status) -> None:
    assert status_of(text, pair) == status


def test_a_pair_untold_takes_the_status_of_the_opening(status_of_titled) -> None:
    # the pair's sentence has no status word; the headline, which names no pair, says the
    # vehicles were delivered
    status = status_of_titled(
        "New armoured vehicles delivered to the army",
        "Kenya's acquisition of Otokar Arma vehicles from Turkey strengthens its border units.",
        ("KEN", "TUR"),
    )
    assert status == "delivered"


@pytest.mark.parametrize(
    ("text", "pair", "status"),
    [
        # "despite" undoes only the block noun right after it; a clause's own block holds
        ("Despite protests Germany halted the sale of tanks to Turkey.", ("TUR", "DEU"), "blocked"),
        # a government that blocks another's purchase blocks; it does not cancel its own
        ("The US Congress blocked the purchase of F-35 jets by Turkey.", ("TUR", "USA"), "blocked"),
        # "will" before signing: not signed yet
        ("Poland will sign a deal for 96 Apache helicopters from the United States next month.",
         ("POL", "USA"), "talks"),
    ],
)  # fmt: skip
def test_review_cases_of_the_afternoon(status_of, text, pair, status) -> None:
    assert status_of(text, pair) == status


def test_a_buyer_refusing_to_buy_still_cancels(status_of) -> None:
    assert (
        status_of("Colombia refused to buy the Gripen from Sweden.", ("COL", "SWE")) == "cancelled"
    )


@pytest.mark.parametrize(
    ("text", "pair", "status"),
    [
        # a purchase told in the past, with nothing else said of the deal: the arms changed hands
        ("Chad bought four Bayraktar drones from Turkey to patrol its northern border.",
         ("TCD", "TUR"), "delivered"),
        ("Uganda purchased thirty BTR-80 armoured vehicles from Russia in 2019.",
         ("UGA", "RUS"), "delivered"),
        # a deal or a contract beside it keeps the purchase what the deal made it
        ("Chad bought four Bayraktar drones from Turkey under a contract signed in May.",
         ("TCD", "TUR"), "ordered"),
    ],
)  # fmt: skip
def test_a_past_purchase_alone_is_a_delivery(status_of, text, pair, status) -> None:
    assert status_of(text, pair) == status


@pytest.mark.parametrize(
    ("text", "pair", "status"),
    [
        # what was sent or received is a paper about the arms, not the arms
        ("Lithuania sent Norway a letter asking to buy NASAMS launchers.", ("LTU", "NOR"),
         "talks"),
        ("Saab received a contract to deliver 36 Gripen jets to Brazil.", ("BRA", "SWE"),
         "ordered"),
        ("Peru received a recommendation from its air staff to buy Korean FA-50 jets.",
         ("PER", "KOR"), "talks"),
        # arms sent are still a delivery
        ("Norway sent two NASAMS launchers to Lithuania last week.", ("LTU", "NOR"),
         "delivered"),
    ],
)  # fmt: skip
def test_a_paper_handed_over_is_no_delivery(status_of, text, pair, status) -> None:
    assert status_of(text, pair) == status


@pytest.mark.parametrize(
    ("text", "pair", "status"),
    [
        # the deal talked about is not yet made
        ("Athens is in advanced talks over a deal for Israeli PULS rocket launchers.",
         ("GRC", "ISR"), "talks"),
        # talks that ended in a signing: signed
        ("After months of talks Poland signed a deal for Korean K2 tanks.", ("POL", "KOR"),
         "agreed"),
    ],
)  # fmt: skip
def test_talks_over_a_deal_are_talks(status_of, text, pair, status) -> None:
    assert status_of(text, pair) == status


def test_arms_obtained_are_delivered(status_of) -> None:
    # "obtained" hands arms over as "received" does; a licence obtained hands over none
    text = "In late 2021 Kyrgyzstan obtained three Bayraktar TB2 drones from Turkey."
    assert status_of(text, ("KGZ", "TUR")) == "delivered"
    text = "Turkey obtained an export licence from Canada for drone optics."
    assert status_of(text, ("TUR", "CAN")) is None


def test_a_contract_carried_out_is_a_delivery(status_of) -> None:
    # the order was carried out: its arms were delivered; a contract signed stays the order
    text = "Russia fulfilled the contract for the delivery of S-300 systems to China."
    assert status_of(text, ("CHN", "RUS")) == "delivered"
    text = "Russia signed the contract for the delivery of S-300 systems to China."
    assert status_of(text, ("CHN", "RUS")) == "ordered"


@pytest.mark.parametrize(
    ("text", "pair", "status"),
    [
        # a gerund of buying after a preposition is a noun of buying: the talks word decides
        ("Belgrade is in talks with Moscow on buying eight Mi-17 helicopters.", ("SRB", "RUS"),
         "talks"),
        ("Nigeria has shown interest in purchasing the JF-17 from Pakistan.", ("NGA", "PAK"),
         "talks"),
        # "considered" governs the gerund as "considering" does
        ("Years ago Myanmar considered purchasing JF-17 jets from Pakistan.", ("MMR", "PAK"),
         "talks"),
        # the progressive is still an order
        ("Latvia is buying HIMARS launchers from the United States.", ("LVA", "USA"), "ordered"),
    ],
)  # fmt: skip
def test_a_gerund_of_buying_after_a_preposition_is_a_noun(status_of, text, pair, status) -> None:
    assert status_of(text, pair) == status


def test_a_delivery_noun_before_a_future_is_still_ahead(status_of) -> None:
    # "the delivery will follow": the hand-over noun is the subject of a future clause, a
    # delivery still ahead under a deal placed (ordered), not arms that arrived
    text = "The delivery will follow in 2027 for the Rafale jets that Serbia bought from France."
    assert status_of(text, ("SRB", "FRA")) == "ordered"


def test_an_order_received_is_a_document(status_of) -> None:
    # the maker receives the order (a document of purchase, as a contract): the deal is ordered,
    # no arms were received
    text = "This week Saab receives the Gripen order for Thailand's air force."
    assert status_of(text, ("THA", "SWE")) == "ordered"


def test_a_purchase_named_by_a_gerund_keeps_its_status(status_of) -> None:
    # "punished for buying": a purchase made, told as a noun of buying; nothing else in the
    # sentence tells the status, so the purchase gives it as the background
    text = "India was threatened with sanctions for buying S-400 systems from Russia."
    assert status_of(text, ("IND", "RUS")) == "ordered"


def test_considered_as_regarded_is_no_prospect(status_of) -> None:
    # "considered" weighs a deal only right before the trigger or a gerund; "considered
    # neutral" is "regarded as" and leaves the order standing
    assert (
        status_of(
            "Austria, considered neutral, ordered Leonardo M-346 trainers from Italy.",
            ("AUT", "ITA"),
        )
        == "ordered"
    )
    assert (
        status_of("Austria considered buying M-346 trainers from Italy.", ("AUT", "ITA")) == "talks"
    )


def test_a_will_after_a_past_participle_is_the_main_clause(status_of) -> None:
    # "the tanks X delivered will equip": the auxiliary belongs to the main clause, the
    # delivery is done; a delivery noun before "will" is still ahead
    text = "The 24 K9 howitzers South Korea delivered will serve the Estonian army."
    assert status_of(text, ("EST", "KOR")) == "delivered"


# the opening: title plus four sentences that tell no stage of any deal
_QUIET_OPENING = (
    "The border units patrol a long and dry frontier. Their old trucks often break down. "
    "Officers say the roads are poor. The region saw heavy rains last spring. "
)


@pytest.mark.parametrize(
    ("later", "pair", "status"),
    [
        # the stage is told only further down, in a sentence of no pair of its own
        ("The army received the first ten of them in March.", ("KEN", "TUR"), "delivered"),
        ("The ministry signed the purchase contract in March.", ("KEN", "TUR"), "ordered"),
        ("Nairobi is still negotiating the purchase of a second batch.", ("KEN", "TUR"), "talks"),
    ],
)  # fmt: skip
def test_a_pair_untold_near_it_and_in_the_opening_takes_the_reports_first_status(
    status_of_titled, later, pair, status
) -> None:
    text = (
        _QUIET_OPENING + "Kenya's acquisition of Otokar Arma vehicles from Turkey strengthens "
        "those units. " + later
    )
    assert status_of_titled("Border units", text, pair) == status


def test_an_untold_pair_in_a_language_takes_the_reports_first_status() -> None:
    # the same policy for a language lexicon: a quiet German opening, the pair's sentence with
    # no stage, and the stage told in the sixth sentence, in the passive, naming the seller
    body = (
        "Die Grenztruppen bewachen eine lange Grenze. Ihre alten Lastwagen fallen oft aus. "
        "Die Straßen dort sind schlecht. Im Frühjahr regnete es viel. Im Sommer war es heiß. "
        "Die Beschaffung türkischer Radpanzer durch Kenia stärkt diese Einheiten. "
        "Die ersten zehn Fahrzeuge aus der Türkei wurden im März geliefert."
    )
    art = Article(id="t", title="Grenztruppen", body=body, language="de")
    _, alerts = analyse(art, default_tagger(), load_rules(), datetime(2026, 12, 7, tzinfo=UTC))
    got = {
        (a.pair["recipient"], a.pair["supplier"]): a.pair.get("status") for a in alerts if a.pair
    }
    assert got[("KEN", "TUR")] == "delivered"


# review of 2026-12-07 (morning): the fallback took its status from any later sentence, also
# from one about other goods, other buyers or a deal that did not happen
@pytest.mark.parametrize(
    "later",
    [
        # other goods, another recipient: coast guard, airline, police, uniforms, a budget
        "The coast guard received two new tugboats from a local shipyard in May.",
        "The national airline received its first new airliner in May.",
        "Police received new hunting rifles last year.",
        "In 2019 the police bought new patrol cars.",
        "The ministry signed a contract for new uniforms and boots.",
        "Military equipment worth 2 billion shillings was delivered in the budget year.",
        # another buyer's deal, further arms that were never bought
        "The neighbouring country had earlier bought similar armoured vehicles.",
        "A plan to buy further vehicles was cancelled by parliament.",
        # another state named: its deal, not this one
        "Uganda received its own armoured trucks from Ankara last year.",
    ],
)
def test_a_later_sentence_about_another_deal_gives_no_status(status_of_titled, later) -> None:
    text = (
        _QUIET_OPENING + "Kenya's acquisition of Otokar Arma vehicles from Turkey strengthens "
        "those units. " + later
    )
    assert status_of_titled("Border units", text, ("KEN", "TUR")) is None


def test_a_later_sentence_naming_a_party_of_the_deal_gives_its_status(status_of_titled) -> None:
    # the seller's capital stands for the seller
    text = (
        _QUIET_OPENING + "Kenya's acquisition of Otokar Arma vehicles from Turkey strengthens "
        "those units. Ankara delivered the first ten in March."
    )
    assert status_of_titled("Border units", text, ("KEN", "TUR")) == "delivered"


def test_a_later_sentence_referring_back_to_the_deal_gives_its_status(status_of_titled) -> None:
    # a definite deal noun is the deal named before; "a contract for uniforms" is another
    text = (
        _QUIET_OPENING + "Kenya's acquisition of Otokar Arma vehicles from Turkey strengthens "
        "those units. The ministry declined to comment on the potential deal."
    )
    assert status_of_titled("Border units", text, ("KEN", "TUR")) == "talks"


_QUIET = {
    "es": "Las unidades fronterizas vigilan una frontera larga. Sus viejos camiones se averían "
    "a menudo. Las carreteras son malas. En primavera llovió mucho. La adquisición de vehículos "
    "Otokar Arma de Turquía por Kenia refuerza estas unidades. ",
    "fr": "Les unités frontalières surveillent une longue frontière. Leurs vieux camions tombent "
    "souvent en panne. Les routes sont mauvaises. Il a beaucoup plu au printemps. L'acquisition "
    "de véhicules Otokar Arma auprès de la Turquie par le Kenya renforce ces unités. ",
    "pl": "Jednostki graniczne strzegą długiej granicy. Ich stare ciężarówki często się psują. "
    "Drogi są tam złe. Wiosną dużo padało. Zakup pojazdów Otokar Arma od Turcji przez Kenię "
    "wzmacnia te jednostki. ",
    "de": "Die Grenztruppen bewachen eine lange Grenze. Ihre alten Lastwagen fallen oft aus. "
    "Die Straßen dort sind schlecht. Im Frühjahr regnete es viel. Die Beschaffung türkischer "
    "Radpanzer Otokar Arma durch Kenia stärkt diese Einheiten. ",
    "it": "Le unità di frontiera sorvegliano un lungo confine. I loro vecchi camion si guastano "
    "spesso. Le strade sono cattive. In primavera ha piovuto molto. L'acquisto di veicoli Otokar "
    "Arma dalla Turchia da parte del Kenya rafforza queste unità. ",
}


def _language_status(lang: str, later: str) -> str | None:
    art = Article(id="t", title="Grenze", body=_QUIET[lang] + later, language=lang)
    _, alerts = analyse(art, default_tagger(), load_rules(), datetime(2026, 12, 7, tzinfo=UTC))
    got = {(a.pair["recipient"], a.pair["supplier"]): a.pair.get("status") for a in alerts}
    return got[("KEN", "TUR")]


@pytest.mark.parametrize(
    ("lang", "later"),
    [
        # the army, the vehicles: nothing ties the sentence to this deal in a language with no
        # reading of definite arms, so it gives no status (it gave "delivered")
        ("es", "El ejército todavía no ha recibido ninguno de los vehículos."),
        ("fr", "L'armée n'a encore reçu aucun de ces véhicules."),
        ("pl", "Armia nie otrzymała jeszcze żadnego z pojazdów."),
        # another buyer's earlier purchase (it gave "ordered")
        ("de", "Das Nachbarland hatte früher ähnliche Panzerfahrzeuge gekauft."),
    ],
)  # fmt: skip
def test_a_later_sentence_in_a_language_not_tied_to_the_deal_gives_no_status(lang, later) -> None:
    assert _language_status(lang, later) is None


@pytest.mark.parametrize(
    ("lang", "later"),
    [
        ("es", "El ejército todavía no ha recibido ninguno de los vehículos turcos."),
        ("fr", "L'armée n'a encore reçu aucun des véhicules turcs."),
        ("pl", "Armia nie otrzymała jeszcze żadnego z tureckich pojazdów."),
        ("de", "Die Armee hat noch keines der türkischen Fahrzeuge erhalten."),
        ("it", "L'esercito non ha ancora ricevuto nessuno dei veicoli turchi."),
    ],
)  # fmt: skip
def test_a_negated_later_reception_is_an_order(lang, later) -> None:
    # the deal stands, nothing handed over yet: ordered, never delivered
    assert _language_status(lang, later) == "ordered"


def test_a_negated_later_reception_in_english_is_an_order(status_of_titled) -> None:
    text = (
        _QUIET_OPENING + "Kenya's acquisition of Otokar Arma vehicles from Turkey strengthens "
        "those units. The army has not yet received any of the Turkish vehicles."
    )
    assert status_of_titled("Border units", text, ("KEN", "TUR")) == "ordered"
