"""Lists of sellers and articles with two sellers (issue 12, `list`; ``pairs.py:
_second_sellers``, ``grammar.py: _group_prefix``): a sentence that reads sellers and no buyer, in
an article whose pairs all have one buyer, names more sellers of that buyer; a company name
right before another is one company, its group's state no second seller. Every sentence is our
own."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.model import Article
from worker.transforms.rules import RuleSet
from worker.transforms.rules import pairs as pairs_module
from worker.transforms.rules.pairs import extract_pairs
from worker.transforms.tag import Tagger


def read(tagger: Tagger, rules: RuleSet, body: str) -> set[tuple[str, str]]:
    """The pairs the relation reader finds, before the rule's topic query (one sentence may
    not say enough for it)."""
    tagged = tagger.tag(Article(id="t", title="", body=body))
    return {
        (h.recipient, h.supplier) for h in extract_pairs(tagged, rules.relations["arms_transfer"])
    }


def assert_guard_keeps_out(
    tagger: Tagger,
    rules: RuleSet,
    monkeypatch: pytest.MonkeyPatch,
    body: str,
    pair: tuple[str, str],
    guard: str,
    off: object,
) -> None:
    """The pair is not read, and is read once the guard ``pairs.<guard>`` is replaced by
    ``off``: the guard, not something else, keeps it out."""
    assert pair not in pairs(tagger, rules, "en", body)
    monkeypatch.setattr(pairs_module, guard, off)
    assert pair in pairs(tagger, rules, "en", body)


TWO_SELLERS = (
    "Myanmar plans to acquire thirty main battle tanks from China. "
    "Its attack helicopters, however, will be bought from France."
)


def test_a_sentence_with_sellers_and_no_buyer_sells_to_the_article_buyer(
    tagger: Tagger, rules: RuleSet
) -> None:
    assert pairs(tagger, rules, "en", TWO_SELLERS) == {("MMR", "CHN"), ("MMR", "FRA")}


def test_without_the_mechanism_the_second_seller_is_lost(
    tagger: Tagger, rules: RuleSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pairs_module, "SECOND_SELLERS", False)
    assert pairs(tagger, rules, "en", TWO_SELLERS) == {("MMR", "CHN")}


def test_a_list_of_sellers_alone_each_sells_to_the_buyer(tagger: Tagger, rules: RuleSet) -> None:
    body = (
        "Chile ordered six frigates from Spain in March. "
        "Two more frigates may be bought second-hand from Norway or Denmark, officials said."
    )
    assert pairs(tagger, rules, "en", body) >= {("CHL", "NOR"), ("CHL", "DNK")}


def test_no_second_seller_when_the_article_has_two_buyers(tagger: Tagger, rules: RuleSet) -> None:
    # which of the two buyers the later seller deals with is not said
    body = (
        "Myanmar plans to acquire thirty main battle tanks from China. "
        "Brazil sold Super Tucano aircraft to Ghana in May. "
        "Its attack helicopters, however, will be bought from France."
    )
    got = pairs(tagger, rules, "en", body)
    assert ("MMR", "FRA") not in got and ("GHA", "FRA") not in got


def test_no_second_seller_from_a_sentence_naming_another_state(
    tagger: Tagger, rules: RuleSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    # India, named beside the seller with no part in the sale, may be the one France deals
    # with; without the third-state guard the pair is read
    body = (
        "Myanmar plans to acquire thirty main battle tanks from China. "
        "Its attack helicopters, however, will be bought from France, a daily in India wrote."
    )
    assert_guard_keeps_out(
        tagger, rules, monkeypatch, body, ("MMR", "FRA"), "_states_named", lambda *_: {}
    )


def test_a_maker_alone_is_no_second_seller(
    tagger: Tagger, rules: RuleSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "US-made" says where the jets were built, not who hands them over; without the guard
    # the maker would be read as a second seller
    body = (
        "Romania will buy used F-16 jets from Norway next year. "
        "The US-made jets will be delivered in two batches."
    )
    assert_guard_keeps_out(
        tagger, rules, monkeypatch, body, ("ROU", "USA"), "_hands_over", lambda _cue: True
    )


def test_a_blocker_is_no_second_seller_but_a_word_with_block_in_it_may_be() -> None:
    # the guard compares the blocker's own marker, not any cue that contains "block"
    assert not pairs_module._hands_over("subject of 'halted' (the blocker)")
    assert pairs_module._hands_over("'blockbuster deal … from'")


def test_a_seller_that_names_its_own_recipients_is_no_second_seller(
    tagger: Tagger, rules: RuleSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Germany's tanks go to the members it names, whoever they are, not to Poland
    body = (
        "Poland ordered tanks from South Korea in July. "
        "Germany sells its tanks to many other NATO members."
    )
    assert_guard_keeps_out(
        tagger, rules, monkeypatch, body, ("POL", "DEU"), "_says_recipient", lambda *_: False
    )


def test_an_exporter_in_general_is_no_second_seller(tagger: Tagger, rules: RuleSet) -> None:
    body = (
        "Poland ordered tanks from South Korea in July. "
        "America, the top arms exporter, keeps selling jets to scores of nations."
    )
    assert ("POL", "USA") not in pairs(tagger, rules, "en", body)


def test_a_seller_of_other_named_arms_is_no_second_seller(
    tagger: Tagger, rules: RuleSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the buyer's tanks are K2s; the Leopards are Germany's own business
    body = "Poland ordered K2 tanks from South Korea in July. Germany sells Leopard 2 tanks too."
    assert_guard_keeps_out(tagger, rules, monkeypatch, body, ("POL", "DEU"), "SECOND_ARMS", False)


def test_a_group_name_before_its_company_is_no_second_seller(
    tagger: Tagger, rules: RuleSet
) -> None:
    body = "Slovakia will buy 150 CV90 infantry fighting vehicles from BAE Hägglunds."
    assert pairs(tagger, rules, "en", body) == {("SVK", "SWE")}


def test_states_adjectives_on_bought_foreign_jets_are_their_sellers(
    tagger: Tagger, rules: RuleSet
) -> None:
    # the jets are American-made; the Dutch and the Belgian ones are sold on second-hand
    body = "Bulgaria may buy Dutch or Belgian F-16s next year."
    assert pairs(tagger, rules, "en", body) == {("BGR", "NLD"), ("BGR", "BEL")}


def test_two_origins_joined_by_a_hyphen_stay_the_makers(tagger: Tagger, rules: RuleSet) -> None:
    body = "Greece will buy French-Italian SAMP/T air defence systems."
    assert pairs(tagger, rules, "en", body) == {("GRC", "FRA"), ("GRC", "ITA")}


def test_an_owner_adjective_with_no_purchase_sells_nothing(tagger: Tagger, rules: RuleSet) -> None:
    # the Dutch jets are only seen flying; the sale is the US one
    body = "The US sold F-35 jets to Poland after Dutch F-16 jets flew over Warsaw."
    assert ("POL", "NLD") not in pairs(tagger, rules, "en", body)


def test_a_numeral_with_its_arms_left_out_continues_the_sellers(
    tagger: Tagger, rules: RuleSet
) -> None:
    # "and 8 from Jordan": eight more jets, the noun left out
    body = "Officials say Egypt plans to acquire 10 used jets from Kuwait and 8 from Jordan soon."
    assert read(tagger, rules, body) == {("EGY", "KWT"), ("EGY", "JOR")}


def test_the_state_after_a_seller_company_sells_in_a_list(tagger: Tagger, rules: RuleSet) -> None:
    # "in Spain" says where the seller of the transport aircraft is; the parser hangs it on
    # the aircraft
    body = (
        "Kenya will receive Super Tucano trainers from Embraer, one C-295 airlifter from "
        "Airbus Military in Spain, and Mi-17 helicopters from Russia."
    )
    assert ("KEN", "ESP") in read(tagger, rules, body)


def test_a_place_after_a_seller_state_is_no_seller(tagger: Tagger, rules: RuleSet) -> None:
    # "in Ukraine" is where the drones were flown, not the seat of a selling company
    body = "Russia flew drones it had bought from Iran in Ukraine all through last winter."
    assert ("RUS", "UKR") not in read(tagger, rules, body)


def test_a_list_of_makers_before_the_arms_qualifies_an_order(
    tagger: Tagger, rules: RuleSet
) -> None:
    # "ordered" needs arms as its object; the makers' names stand between
    body = "Poland ordered Airbus and Leonardo helicopters for its navy."
    assert read(tagger, rules, body) == {("POL", "ITA")}


# Ten languages (s36-i18n-multi): a seller read from a preposition of origin in a sentence that
# names no buyer (its subject dropped or a noun) sells to the article's one buyer, whatever arms
# it names; a preposition that is also the language's "of" reads no such seller.
SECOND_ORIGIN = [
    (
        "de",
        "Die Schweiz kauft Patriot-Systeme aus den USA. "
        "Verzögerungen gibt es auch bei bestellten F-35 aus Israel.",
        {("CHE", "USA"), ("CHE", "ISR")},
    ),
    (
        "it",
        "Il Perù ha acquistato elicotteri Mi-17 dalla Russia. "
        "È in esame anche l'acquisto di caccia Rafale dalla Francia.",
        {("PER", "RUS"), ("PER", "FRA")},
    ),
    (
        "ru",
        "Индия закупит у России истребители Су-57. "
        "Кроме того, страна хочет закупить самолеты Rafale из Франции.",
        {("IND", "RUS"), ("IND", "FRA")},
    ),
    # ... or after the marker of a deal's counterpart or of a purchase's seller
    (
        "pt",
        "Angola comprou navios de patrulha à Espanha. "
        "A crise congelou o acordo com o Brasil para a aquisição de mais sete navios.",
        {("AGO", "ESP"), ("AGO", "BRA")},
    ),
    (
        "es",
        "Chile compró cazas F-16 a los Países Bajos. "
        "Más tarde el gobierno evaluó la adquisición de carros Leopard 2 a Alemania.",
        {("CHL", "NLD"), ("CHL", "DEU")},
    ),
]


@pytest.mark.parametrize(
    ("lang", "body", "expected"),
    SECOND_ORIGIN,
    ids=lambda x: str(sorted(x) if isinstance(x, set) else x)[:12],
)
def test_a_seller_from_a_preposition_of_origin_sells_to_the_article_buyer(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == expected


def test_a_seller_as_subject_is_no_second_seller_in_a_language(
    tagger: Tagger, rules: RuleSet
) -> None:
    # a state that sells, with no buyer named, may be selling to anyone
    body = "Chile compró cazas F-16 a los Países Bajos. Alemania también vende tanques Leopard 2."
    assert pairs(tagger, rules, "es", body) == {("CHL", "NLD")}


def test_a_romance_of_is_no_preposition_of_origin(tagger: Tagger, rules: RuleSet) -> None:
    # "de" may name whose the arms are ("like those of Colombia"), not whom they come from
    body = (
        "El Perú compró helicópteros Mi-17 a Rusia. "
        "Se adquirieron además fragatas como las de Colombia."
    )
    assert pairs(tagger, rules, "es", body) == {("PER", "RUS")}


# A maker read alone in a sentence that names the buyer too (``pairs._maker_to_buyer``)
LATER_MAKER = (
    "Vietnam bought L-39NG trainers from the Czech Republic in 2021. "
    "The new trainers will fly beside Vietnam's recently acquired Russian-made Yak-130 jets."
)


def test_a_maker_named_beside_the_buyer_is_its_second_seller(
    tagger: Tagger, rules: RuleSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the buyer's own sentence tells of other arms it acquired: their maker sold them
    assert pairs(tagger, rules, "en", LATER_MAKER) == {("VNM", "CZE"), ("VNM", "RUS")}
    monkeypatch.setattr(pairs_module, "_maker_to_buyer", lambda *_: False)
    assert pairs(tagger, rules, "en", LATER_MAKER) == {("VNM", "CZE")}


def test_a_maker_of_arms_said_to_come_from_someone_else_is_no_second_seller(
    tagger: Tagger, rules: RuleSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the jets came from a broker: the state that built them did not sell them
    body = (
        "Vietnam bought L-39NG trainers from the Czech Republic in 2021. "
        "Vietnam's Russian-made Yak-130 jets were recently acquired from a broker."
    )
    assert_guard_keeps_out(
        tagger, rules, monkeypatch, body, ("VNM", "RUS"), "names_its_own_source", lambda *_: False
    )


def test_a_sentence_naming_two_makers_arms_gives_no_second_seller(
    tagger: Tagger, rules: RuleSet
) -> None:
    body = LATER_MAKER.replace("Yak-130 jets.", "Yak-130 jets and Chinese K-8 jets.")
    assert pairs(tagger, rules, "en", body) == {("VNM", "CZE")}


def test_the_maker_of_arms_bought_from_a_seller_read_is_no_second_seller(
    tagger: Tagger, rules: RuleSet
) -> None:
    # the used jets came from Belarus; their maker is named again beside the buyer
    body = (
        "Vietnam bought used Russian-made Yak-130 jets from Belarus in 2021. "
        "The Yak-130 jets will fly beside Vietnam's recently acquired Russian-made Yak-130 jets."
    )
    assert pairs(tagger, rules, "en", body) == {("VNM", "BLR")}


def test_with_two_buyers_a_seller_sells_to_the_one_its_sentence_names(
    tagger: Tagger, rules: RuleSet
) -> None:
    # Myanmar is named beside France, as the owner of the helicopters, not as their buyer
    body = (
        "Myanmar plans to acquire thirty main battle tanks from China. "
        "Brazil sold Super Tucano aircraft to Ghana in May. "
        "Myanmar's attack helicopters, however, will be bought from France."
    )
    got = pairs(tagger, rules, "en", body)
    assert ("MMR", "FRA") in got and ("GHA", "FRA") not in got


def test_with_two_buyers_a_language_seller_sells_to_neither(tagger: Tagger, rules: RuleSet) -> None:
    # a language lexicon reads the seller from a mark of origin, not the sentence's buyer: the
    # state it names (here as attacked) is not said to be the one whose army buys the frigates
    body = (
        "Chile compró cazas F-16 a los Países Bajos. Perú compró helicópteros Mi-17 a Rusia. "
        "Tras el ataque a Chile, el ejército negoció la adquisición de fragatas a Alemania."
    )
    assert pairs(tagger, rules, "es", body) == {("CHL", "NLD"), ("PER", "RUS")}


# Review r14a: a deal "with" a state in a sentence naming no buyer sells to the article's buyer
# only when the sentence tells of buying; else it is the buyer's own export or a joint work.
DEAL_PARTY_NO_SELLER = [
    (
        "pl",
        "Polska kupiła czołgi K2 od Korei. "
        "Umowa z Rumunią na dostawy amunicji została podpisana w maju.",
        {("POL", "KOR")},
    ),
    (
        "es",
        "Argentina compra aviones F-16 a Dinamarca. "
        "El acuerdo con Brasil prevé producir conjuntamente blindados.",
        {("ARG", "DNK")},
    ),
    (
        "es",
        "Argentina compra aviones F-16 a Dinamarca. "
        "El contrato con Chile para exportar munición se firmó en mayo.",
        {("ARG", "DNK")},
    ),
    (
        "de",
        "Polen kauft K2-Panzer von Südkorea. "
        "Der Vertrag mit Rumänien über die Ausfuhr von Munition wurde im Mai unterzeichnet.",
        {("POL", "KOR")},
    ),
    (
        "it",
        "La Polonia acquista carri armati K2 dalla Corea del Sud. Il contratto con la Romania "
        "per l'esportazione di munizioni è stato firmato a maggio.",
        {("POL", "KOR")},
    ),
    (
        "fr",
        "La Pologne achète des chars K2 à la Corée du Sud. "
        "Le contrat avec la Roumanie pour exporter des munitions a été signé en mai.",
        {("POL", "KOR")},
    ),
    (
        "ru",
        "Польша покупает танки K2 у Южной Кореи. "
        "Контракт с Румынией на экспорт боеприпасов подписан в мае.",
        {("POL", "KOR")},
    ),
    (
        "uk",
        "Польща купує танки K2 у Південної Кореї. "
        "Контракт з Румунією на експорт боєприпасів підписано у травні.",
        {("POL", "KOR")},
    ),
    (
        "ar",
        "اشترت بولندا دبابات K2 من كوريا الجنوبية. ووقع عقد مع رومانيا لتصدير الذخيرة في مايو.",
        {("POL", "KOR")},
    ),
]


@pytest.mark.parametrize(
    ("lang", "body", "expected"), DEAL_PARTY_NO_SELLER, ids=lambda x: str(x)[:12]
)
def test_a_deals_party_is_no_second_seller_without_a_word_of_buying(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == expected


@pytest.mark.xfail(
    strict=True,
    reason="review r14a finding 7, left open: a guard on a called-off status cost two right "
    "pairs on dev (a cancelled contract is labelled a pair, status cancelled) and saved none",
)
def test_a_purchase_the_buyer_ruled_out_names_no_second_seller(
    tagger: Tagger, rules: RuleSet
) -> None:
    # review r14a: a bidder turned down ("descartó la compra ... a China") sells nothing
    body = (
        "Argentina compra aviones F-16 a Dinamarca. "
        "El Gobierno descartó la compra de cazas a China."
    )
    assert pairs(tagger, rules, "es", body) == {("ARG", "DNK")}


@pytest.mark.parametrize(
    ("lang", "body", "expected"),
    [
        (
            "pl",
            "Filipiny kupują śmigłowce Black Hawk od USA. "
            "Wcześniej anulowano umowę na dostawę śmigłowców Bell z Kanady.",
            {("PHL", "USA"), ("PHL", "CAN")},
        ),
        (
            "uk",
            "Польща купує танки K2 у Південної Кореї. "
            "Угоду на постачання гаубиць з Канади скасовано.",
            {("POL", "KOR"), ("POL", "CAN")},
        ),
    ],
    ids=["pl", "uk"],
)
def test_a_with_that_is_also_from_reads_a_second_seller_off_the_instrumental(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    # Polish "z", Ukrainian "з": "from" before a genitive, "with" only before an instrumental
    assert pairs(tagger, rules, lang, body) == expected
