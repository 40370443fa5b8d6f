"""Which weapon a pair carries: constructions learned from the real reports whose pair was right
and whose weapon was wrong (docs/rules.md, "Weapon and status, third round"). The sentences are
our own; they run through the shipped tagger and relation lexicon, as `newswatch scan` does."""

from __future__ import annotations

import pytest

from worker.model import Article
from worker.transforms.rules import load_rules
from worker.transforms.rules.pairs import extract_pairs, own_make
from worker.transforms.tag import Tagger, default_tagger


@pytest.fixture(scope="module")
def read(read_facts):
    """This file's tests read each pair's facts (tests/transforms/rules/conftest.py)."""
    return read_facts


def test_the_weapon_nearest_the_transfer_verb_not_the_carrier_named_first(read) -> None:
    # two weapons of the supplier: the freighters are named first, what they deliver is what
    # changes hands
    got = read(
        "Two Chinese Y-20 freighters touched down in Dhaka and delivered HQ-22 launchers to "
        "Bangladesh."
    )
    assert got[("BGD", "CHN")]["weapon"] == "hq-22"


def test_the_main_transfer_not_a_later_deal_in_the_same_sentence(read) -> None:
    # the nearest weapon to any trigger would be the howitzers of the later "ordered"; the
    # sentence's first trigger is the tanks' purchase
    got = read(
        "Norway agreed to buy K2 tanks from South Korea, its second Korean purchase after the "
        "K9 howitzers it ordered earlier."
    )
    assert got[("NOR", "KOR")]["weapon"] == "k2-black-panther"


@pytest.mark.parametrize(
    ("text", "pair", "weapon"),
    [
        # a designation written with a hyphen the gazetteer did not list
        ("Ankara shipped two T-129 gunships to the Philippines.", ("PHL", "TUR"), "t129-atak"),
        # a variant suffix on a known designation
        ("Kazakhstan took delivery of four Su-30SM2 jets from Russia.", ("KAZ", "RUS"), "su-30"),
        # a ship class by its class name alone
        ("Thailand will buy one Hangor-class boat from China.", ("THA", "CHN"), "type-039"),
        ("The Netherlands sold two Karel Doorman-class frigates to Chile.", ("CHL", "NLD"),
         "karel-doorman-class"),
        # a maker's product the gazetteer lacked, under a misspelt maker name
        ("Italy sold three Augusta 109 helicopters to Ghana.", ("GHA", "ITA"), "aw109"),
        # a bare acronym in capitals, plural and possessive forms included
        ("Canada will sell LAVs to Colombia.", ("COL", "CAN"), "lav-6"),
        # an acronym that is also a German word: only in capitals
        ("Israel will sell PULS launchers to the Netherlands.", ("NLD", "ISR"), "puls"),
        # a variant suffix and a radar the gazetteer lacked, a maker's name for its aircraft
        ("India sold Akash-1S batteries to Armenia.", ("ARM", "IND"), "akash"),
        ("India supplied Armenia with Swathi radars.", ("ARM", "IND"), "swathi-radar"),
        ("India handed a Dornier aircraft to the Maldives.", ("MDV", "IND"), "dornier-228"),
        # a system's name before a description the gazetteer did not list
        ("Belgium ordered Caesar self-propelled artillery from France.", ("BEL", "FRA"),
         "caesar-howitzer"),
        ("Hungary may buy Arma armoured vehicles from Turkey.", ("HUN", "TUR"), "otokar-arma"),
        # a variant letter after a designation, listed with its family
        ("Malaysia ordered eighteen FA-50M light fighters from South Korea.", ("MYS", "KOR"),
         "fa-50"),
        ("Belarus handed T-72A tanks over to Russia.", ("RUS", "BLR"), "t-72"),
        # systems the gazetteer lacked, by designation or class name
        ("Sweden will hand two ASC 890 radar planes to Ukraine.", ("UKR", "SWE"), "asc-890"),
        ("Australia gave Tuvalu a Guardian-class patrol boat.", ("TUV", "AUS"), "guardian-class"),
        ("Peru ordered one HDF-3200 frigate from South Korea.", ("PER", "KOR"), "hdf-3200"),
        ("China delivered two Ming-class submarines to Bangladesh.", ("BGD", "CHN"), "type-035"),
        ("France sold nine AS350 B2 helicopters to the army of Ecuador.", ("ECU", "FRA"), "as350"),
        ("Italy sold seven AW119 trainers to the Israeli air force.", ("ISR", "ITA"), "aw119"),
        ("Algeria bought fifty PLZ-45 guns from China.", ("DZA", "CHN"), "plz-45"),
        ("South Africa sent five Marauder armoured vehicles to Mozambique.", ("MOZ", "ZAF"),
         "marauder"),
        ("Peru bought Type 90B rocket launchers from China.", ("PER", "CHN"), "type-90b"),
        # a class written in lower case by the press
        ("Greece may buy multi-mission surface combatant ships from the United States.",
         ("GRC", "USA"), "multi-mission-surface-combatant"),
    ],
)  # fmt: skip
def test_a_weapon_written_as_real_reports_write_it(read, text, pair, weapon) -> None:
    assert read(text)[pair]["weapon"] == weapon


def test_the_acronym_in_title_case_is_a_word_not_the_launcher() -> None:
    tagged = default_tagger().tag(Article(id="t", title="", body="Der Puls der Stadt steigt."))
    assert not [e for e in tagged.entities if e.type == "weapon"]


def test_a_multinational_weapon_named_only_elsewhere_in_the_article(read) -> None:
    # the pair's own sentence names no weapon; the headline names a jet built by several
    # countries, so no one country's weapon list holds it
    got = read(
        "Last year Britain offered to sell a dozen of these aircraft to Kuwait.",
        title="A Eurofighter order waits for Berlin",
    )
    assert got[("KWT", "GBR")]["weapon"] == "eurofighter-typhoon"


def test_the_one_system_an_article_names_even_when_its_maker_is_not_the_seller(read) -> None:
    # the sale's sentence names no weapon; the next one names the only system of the article,
    # made in Norway and sold here by the United States
    got = read(
        "Washington cleared a missile defence sale worth two billion dollars to Qatar on Monday. "
        "The package covers several NASAMS batteries and their training."
    )
    assert got[("QAT", "USA")]["weapon"] == "nasams"


def test_no_system_is_given_when_the_article_names_two_from_other_states(read) -> None:
    got = read(
        "Washington cleared a missile defence sale worth two billion dollars to Qatar on Monday. "
        "Doha already flies Rafale jets and operates NASAMS batteries."
    )
    assert got[("QAT", "USA")].get("weapon") is None


def test_the_one_system_named_is_not_given_when_the_buyer_makes_it(read) -> None:
    # the only system named is the buyer's own jet, not what it buys
    got = read(
        "India will buy two dozen fighter jets from France under a new accord. "
        "Deliveries of India's home-built Tejas jets keep slipping."
    )
    assert got[("IND", "FRA")].get("weapon") is None


def test_the_system_that_ammunition_is_for_is_not_the_weapon_sold(read) -> None:
    # the shells change hands; the howitzer is only what they are fired from
    got = read("Italy supplied Poland with ammunition for its K9 howitzers.")
    assert got[("POL", "ITA")].get("weapon") is None


def test_a_system_named_only_as_a_platform_is_not_taken_from_the_article(read) -> None:
    # the pair's sentence names no system; the article names one, but only as what the engines
    # are for, so it is not the pair's weapon (nor the one system the article names)
    got = read(
        "Germany refused to sell submarine engines to Thailand. Those were spare engines for the "
        "Yuan-class submarines."
    )
    assert got[("THA", "DEU")].get("weapon") is None


def test_a_multinational_weapon_nearest_the_verb_beats_a_later_one_of_the_seller(read) -> None:
    # the Eurofighter has no one state of origin, so Britain may sell it: it is the system
    # right after the verb, and the British trainer named after it is the second item
    got = read(
        "Oman will acquire twelve Eurofighter Typhoon jets and eight Hawk trainer aircraft from "
        "Britain."
    )
    assert got[("OMN", "GBR")]["weapon"] == "eurofighter-typhoon"


def test_a_shared_jet_is_not_the_sellers_own_outside_its_programme(read) -> None:
    # France is no partner of the Eurofighter: of the two jets the sentence names, the French
    # one is the seller's own make, though the shared one stands nearer the verb
    got = read("France sold Qatar, which also flies the Eurofighter Typhoon, twelve Rafale jets.")
    assert got[("QAT", "FRA")]["weapon"] == "rafale"


# an operator's gazetteer extension: a made-up jet of a Norwegian-Finnish programme
_PROGRAMME = """\
weapons:
  - id: polar-jet
    name: Polar jet
    aliases: [Polar jet, Polar jets]
    partners: [NOR, FIN]
"""


@pytest.mark.parametrize(
    ("text", "pair", "weapon"),
    [
        # France is no partner: its own Rafale, though the shared jet stands nearer the verb
        ("France sold Chile, which flies the Polar jet, ten Rafale jets.", "CHL-FRA", "rafale"),
        # Finland is a partner: the shared jet nearest the verb is its own make
        ("Finland will sell Chile ten Polar jets and two Rafale jets.", "CHL-FIN", "polar-jet"),
    ],
)
def test_an_extension_programmes_partners_decide_who_sells_it(
    tmp_path, text: str, pair: str, weapon: str
) -> None:
    path = tmp_path / "programmes.yaml"
    path.write_text(_PROGRAMME)
    tagged = Tagger.load([path]).tag(Article(id="t", title="", body=text))
    lex = load_rules().relations["arms_transfer"]
    got = {f"{h.recipient}-{h.supplier}": h.weapon for h in extract_pairs(tagged, lex)}
    assert got[pair] == weapon


def test_a_partner_of_a_shared_programme_still_sells_it(read) -> None:
    # Italy builds the frigate with France: a partner sells the shared ship as its own make
    got = read("Italy will hand two FREMM frigates to Indonesia.")
    assert got[("IDN", "ITA")]["weapon"] == "fremm"


def test_a_helicopter_named_bare_is_taken_but_not_a_first_name(read) -> None:
    # "Dhruv" alone is the Indian helicopter, except as someone's first name
    got = read("Ecuador bought seven Dhruv helicopters from India.")
    assert got[("ECU", "IND")]["weapon"] == "hal-dhruv"
    tagged = default_tagger().tag(Article(id="t", title="", body="Dhruv Rathee spoke in Delhi."))
    assert "hal-dhruv" not in tagged.weapons


@pytest.mark.parametrize(
    ("text", "weapon"),
    [
        # a name that is also a word, read only beside the local word for the kind of arm
        ("Le Koweït achète trente hélicoptères Caracal.", "h225m-caracal"),
        ("L'Égypte a reçu son porte-hélicoptères Mistral.", "mistral-class"),
        ("Słowenia przekaże czołgi M-55S.", "t-55"),
        ("Uruguay recibió tres lanchas clase Protector.", "protector-class"),
        ("Norway gave Kyiv fifty M548 tracked carriers.", "m548"),
        ("Doğan sınıfı hücumbotlar Maldivlere gitti.", "dogan-class"),
        # second round: systems the gazetteer lacked, by designation, maker or class name
        ("Zambia took five WZ-551 carriers from China.", "wz-551"),
        ("Its layered air defence joins the FM-90 and the KS-1C.", "fm-90"),
        ("Its layered air defence joins the FM-90 and the KS-1C.", "ks-1c"),
        ("The army runs DCD Springbuck SD carriers.", "springbuck"),
        ("Two OPV-45 patrol vessels will come from Israel.", "opv-45"),
        ("Britain sent seventy Husky vehicles to Ghana.", "husky-tsv"),
        ("Croatia sends thirty M-84A4 Sniper tanks.", "m-84"),
        ("Serbia got ten BRDM-2 scout cars.", "brdm-2"),
        ("Сербия получила машины БРДМ-2.", "brdm-2"),
        ("Two Maestrale-class frigates were sold.", "maestrale-class"),
        ("Washington gave a Cessna 208B Grand Caravan.", "cessna-208"),
        # the assault ship by its bare name before an English word for a ship
        ("Cairo will buy both Mistral warships.", "mistral-class"),
        ("وصلت فرقاطة من طراز فريم إلى الإسكندرية", "fremm"),
    ],
)  # fmt: skip
def test_a_local_spelling_names_the_system(text, weapon) -> None:
    tagged = default_tagger().tag(Article(id="t", title="", body=text))
    assert weapon in tagged.weapons


def test_a_bare_cat_name_is_no_helicopter() -> None:
    tagged = default_tagger().tag(Article(id="t", title="", body="A caracal crossed the road."))
    assert "h225m-caracal" not in tagged.weapons


def test_an_acronym_in_capitals_only() -> None:
    # "AAV" (the amphibious carrier) in capitals and its plural; the lower-case letters are not it
    t = default_tagger()
    assert "aav-7" in t.tag(Article(id="t", title="", body="Greece asked for 76 AAVs.")).weapons
    assert "aav-7" not in t.tag(Article(id="t", title="", body="the aav team met")).weapons


# ---------------------------------------------------------------------------------------------
# 2026-12-06 (night): the weapon of the wrong party, and spellings the tagger missed


def test_a_later_sentence_naming_the_sellers_own_make_replaces_a_borrowed_weapon(read) -> None:
    # the first sentence names only a rival the buyer compared, the seller's own aircraft
    # comes in a later sentence: that is what the pair is about
    got = read(
        "Denmark bought jets from Brazil that cost less than the C-130J. "
        "Later Denmark ordered four KC-390 aircraft from Brazil."
    )
    assert got[("DNK", "BRA")]["weapon"] == "kc-390"


def test_a_first_weapon_of_the_sellers_make_is_kept_over_a_later_one(read) -> None:
    # an own weapon found first stays: later sentences may tell of other deals
    got = read(
        "Egypt ordered Rafale jets from France. "
        "Egypt also bought Mistral-class ships from France a decade ago."
    )
    assert got[("EGY", "FRA")]["weapon"] == "rafale"


def test_a_shared_system_told_only_as_another_sellers_deal_is_not_borrowed(read) -> None:
    # the pair with Turkey names no weapon; the transports of several states' programme are told
    # only as part of Italy's sale, so they are not what Turkey sold
    got = read(
        "Nigeria will buy twenty M-346 jets and two C295 transports from Italy. "
        "Nigeria had bought combat jets from Turkey before."
    )
    assert got[("NGA", "ITA")]["weapon"] == "m-346"
    assert got[("NGA", "TUR")].get("weapon") is None


def test_the_system_chosen_over_a_rival_is_the_weapon(read) -> None:
    got = read("Turkey chose the Russian S-400 over the American Patriot.")
    assert got[("TUR", "RUS")]["weapon"] == "s-400"


@pytest.mark.parametrize(
    ("text", "weapon"),
    [
        # designations and names in the forms the press writes them
        ("Ghana will get one CASA 295 transport from Spain.", "c295"),
        ("Morocco flies Wing Long 2 drones.", "wing-loong"),
        ("Norway sent eight Archer self-propelled artillery systems.", "archer"),
        ("El Salvador got four MD 530 helicopters.", "md-530f"),
        ("Guatemala ordered two supertucano aircraft.", "super-tucano"),
        ("Die Bundeswehr gibt zwölf Panzerhaubitzen ab.", "pzh-2000"),
        ("Chile retira sus tanques Leopard 1-V.", "leopard-1"),
        ("Chile retira sus tanques Leopard I.", "leopard-1"),
        ("Wietnam kupi lekkie samoloty Jak-130.", "yak-130"),
        ("В комплект входят вертолёты Ми-35М.", "mi-24"),
        ("Makedonya BORAN obüsü aldı.", "boran"),
        ("O exército recebeu viaturas blindadas Guarani.", "guarani"),
        ("Таїланд отримав ще п'ять танків «Оплот».", "t-84-oplot"),
        ("Таиланд получил танки Оплот.", "t-84-oplot"),
        ("تسلمت الجزائر غواصة من طراز كيلو", "kilo-class"),
        ("El ejército elige el sistema Puls.", "puls"),
        ("Riyadh bought Hawks and other training aircraft.", "bae-hawk"),
        ("BAE will build eight Hawk Advanced Jet Trainer aircraft.", "bae-hawk"),
    ],
)  # fmt: skip
def test_a_spelling_of_the_night_round_names_the_system(text, weapon) -> None:
    tagged = default_tagger().tag(Article(id="t", title="", body=text))
    assert weapon in tagged.weapons


@pytest.mark.parametrize(
    "text",
    [
        "Этот город был оплотом оппозиции.",  # "bulwark", no tank near
        "Оплот свободы стоит.",
        "اشترى خمسة كيلو من الأرز",  # a kilogram
        "The Guarani language is spoken in Paraguay.",
        "Boran cattle are bred for heat.",
        "The Hawks beat the Celtics.",
    ],
)
def test_a_name_that_is_a_word_is_no_system_without_its_kind(text) -> None:
    tagged = default_tagger().tag(Article(id="t", title="", body=text))
    assert not [e for e in tagged.entities if e.type == "weapon"]


def test_in_a_sentence_of_several_buyers_each_gets_the_arms_named_beside_it(read) -> None:
    # one seller, two buyers, a system each: the one written next to each buyer is its own
    got = read(
        "Berlin cleared the export of 48 Eurofighter jets to Riyadh and six A400M transports "
        "to Abu Dhabi."
    )
    assert got[("SAU", "DEU")]["weapon"] == "eurofighter-typhoon"
    assert got[("ARE", "DEU")]["weapon"] == "a400m"


def test_each_buyer_of_a_list_of_deals_gets_its_own_jet(read) -> None:
    # both jets are the seller's make: nearness to the trigger would give both buyers the first
    got = read("The agency cleared deals of 36 F-15s to Qatar and 24 F/A-18 jets to Kuwait.")
    assert got[("QAT", "USA")]["weapon"] == "f-15"
    assert got[("KWT", "USA")]["weapon"] == "f-a-18"


def test_the_articles_first_system_of_a_programme_the_seller_shares_is_its_own(read) -> None:
    # the pair's sentence names no system; of the article's two, the shared jet Britain builds
    # comes first and is as much its make as the trainer named after it
    got = read(
        "Britain delivered the first jets to Qatar on Monday.",
        title="Eurofighter Typhoon and Hawk trainer jets for Doha",
    )
    assert got[("QAT", "GBR")]["weapon"] == "eurofighter-typhoon"


def test_each_buyer_gets_the_jet_on_its_side_however_short_the_joint(read) -> None:
    # a short "and 24" lies nearer the first buyer than its own jet's long phrase: the side the
    # sentence names every buyer's arms on decides, not the distance
    got = read("Washington sold 36 F-15 jets to Qatar and 24 F/A-18 jets to Kuwait.")
    assert got[("QAT", "USA")]["weapon"] == "f-15"
    assert got[("KWT", "USA")]["weapon"] == "f-a-18"
    # the arms after each buyer
    got = read(
        "Washington approved sales to Qatar of 36 F-15 jets and to Kuwait of 24 F/A-18 jets."
    )
    assert got[("QAT", "USA")]["weapon"] == "f-15"
    assert got[("KWT", "USA")]["weapon"] == "f-a-18"


def test_one_predicate_tells_a_sellers_own_make_for_spans_and_entities() -> None:
    # its state's make, a programme it is a partner of, or a programme listing no partners
    assert own_make("FRA", (), "FRA")
    assert not own_make("FRA", (), "DEU")
    assert own_make(None, ("GBR", "DEU", "ITA", "ESP"), "ITA")
    assert not own_make(None, ("GBR", "DEU", "ITA", "ESP"), "FRA")
    assert own_make(None, (), "FRA")
