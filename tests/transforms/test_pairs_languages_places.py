"""Issue 13, Romance languages (2026-12-06, afternoon): a capital named as the place where a deal
is signed is no party ("a signé à Moscou" does not make Russia the buyer), while a capital after
a word of supplying still names the buyer ("livré à Kiev"); and a supply verb in the future
("livrera", "fornirà", "fornecerá", "suministrará") is a trigger like its other tenses. Every
sentence is our own, written for these tests."""

from __future__ import annotations

from tests.transforms.test_pairs_languages import pairs
from worker.model import Article
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger


def _capital_flags(tagger: Tagger, body: str) -> dict[str, bool]:
    found = tagger.tag(Article(id="t", title="", body=body))
    return {m.text: m.capital for e in found.entities for m in e.mentions}


def test_a_mention_by_capital_is_marked_but_not_a_city_named_like_its_state(
    tagger: Tagger,
) -> None:
    # "Djibouti" and "Kuwait" are the state's own name too: never read as a mere place
    flags = _capital_flags(
        tagger, "Envoys flew from Paris and Madrid to Djibouti, then on to Kuwait and France."
    )
    assert flags == {
        "Paris": True,
        "Madrid": True,
        "Djibouti": False,
        "Kuwait": False,
        "France": False,
    }


def test_a_capital_added_by_an_extension_file_is_a_place_too(tmp_path, rules: RuleSet) -> None:
    # the pair reader used to know only the shipped capitals, so an extension's capital stood
    # for its state wherever it was named and "en Madrit" hid the deal
    path = tmp_path / "extra.yaml"
    path.write_text("countries:\n  - {id: ESP, capitals: [Madrit]}\n", encoding="utf-8")
    extended = Tagger.load([path])
    assert _capital_flags(extended, "Talks went on in Madrit.") == {"Madrit": True}
    body = "Perú firmó en Madrit un acuerdo para comprar tanques surcoreanos."
    assert pairs(extended, rules, "es", body) == {("PER", "KOR")}


def test_french_capital_where_a_contract_is_signed_is_no_party(
    tagger: Tagger, rules: RuleSet
) -> None:
    # read as a state, Moscow took "à" as "to" and became the buyer of the frigates
    body = "L'Inde a signé à Moscou un contrat pour des frégates françaises."
    assert pairs(tagger, rules, "fr", body) == {("IND", "FRA")}


def test_french_capital_after_a_supply_verb_still_names_the_buyer(
    tagger: Tagger, rules: RuleSet
) -> None:
    body = "La France a livré des canons Caesar à Kiev."
    assert pairs(tagger, rules, "fr", body) == {("UKR", "FRA")}


def test_spanish_capital_after_en_is_a_place(tagger: Tagger, rules: RuleSet) -> None:
    body = "Perú firmó en Madrid un acuerdo para comprar tanques surcoreanos."
    assert pairs(tagger, rules, "es", body) == {("PER", "KOR")}


def test_portuguese_capital_after_em_is_a_place(tagger: Tagger, rules: RuleSet) -> None:
    body = "A Colômbia assinou em Lisboa um contrato para comprar aviões brasileiros."
    assert pairs(tagger, rules, "pt", body) == {("COL", "BRA")}


def test_italian_capital_after_a_is_a_place_when_nothing_is_supplied(
    tagger: Tagger, rules: RuleSet
) -> None:
    body = "L'Egitto ha firmato a Parigi il contratto per due fregate italiane."
    assert pairs(tagger, rules, "it", body) == {("EGY", "ITA")}


def test_italian_capital_after_a_future_supply_verb_is_the_buyer(
    tagger: Tagger, rules: RuleSet
) -> None:
    # "fornirà" (will supply) is a trigger, and it makes "a Doha" the recipient, not a place
    body = "L'Italia fornirà a Doha una ventina di elicotteri NH90."
    assert pairs(tagger, rules, "it", body) == {("QAT", "ITA")}


def test_french_future_supply_verb(tagger: Tagger, rules: RuleSet) -> None:
    assert pairs(tagger, rules, "fr", "La France livrera des Rafale à la Grèce.") == {
        ("GRC", "FRA")
    }


def test_portuguese_future_supply_verb(tagger: Tagger, rules: RuleSet) -> None:
    assert pairs(tagger, rules, "pt", "O Brasil fornecerá blindados às Filipinas.") == {
        ("PHL", "BRA")
    }


def test_spanish_future_supply_verb(tagger: Tagger, rules: RuleSet) -> None:
    body = "Estados Unidos suministrará aviones de combate a Colombia."
    assert pairs(tagger, rules, "es", body) == {("COL", "USA")}


def test_latin_america_is_a_region_not_the_united_states(tagger: Tagger) -> None:
    # the qualifier follows the continent in Spanish, Portuguese and Italian
    for lang, body in (
        ("es", "Corea exporta más tanques a América Latina que nunca."),
        ("pt", "A Embraer vende aviões para a América do Sul."),
        ("it", "La Turchia vende droni in America Latina."),
    ):
        art = Article(id="t", title="", body=body, language=lang)
        assert "USA" not in tagger.tag(art).countries, body
    art = Article(id="t", title="", body="Colombia compra armas a América.", language="es")
    assert "USA" in tagger.tag(art).countries


def test_spanish_list_of_suppliers_before_a_plural_verb(tagger: Tagger, rules: RuleSet) -> None:
    # only the member next to "entregaron" matched "X ... {sell}"; the ones before it take its role
    body = "Bélgica, Países Bajos y Francia entregaron armas a Ucrania."
    assert pairs(tagger, rules, "es", body) == {("UKR", "BEL"), ("UKR", "NLD"), ("UKR", "FRA")}


def test_portuguese_list_of_buyers_before_their_verb(tagger: Tagger, rules: RuleSet) -> None:
    body = "A Holanda e a Áustria compraram aviões C-390 da Embraer."
    assert pairs(tagger, rules, "pt", body) == {("NLD", "BRA"), ("AUT", "BRA")}


def test_french_list_of_suppliers_before_a_present_plural(tagger: Tagger, rules: RuleSet) -> None:
    body = "La Belgique et la France livrent des obus à l'Ukraine."
    assert pairs(tagger, rules, "fr", body) == {("UKR", "BEL"), ("UKR", "FRA")}


def test_italian_present_plural_supply_verb(tagger: Tagger, rules: RuleSet) -> None:
    body = "Il Belgio e la Francia forniscono munizioni all'Ucraina."
    assert pairs(tagger, rules, "it", body) == {("UKR", "BEL"), ("UKR", "FRA")}


def test_spanish_bought_by_the_buyer_from_the_seller(tagger: Tagger, rules: RuleSet) -> None:
    # "a Dinamarca" after the buyer named by "por": the seller, not a second buyer
    body = "Los tanques fueron comprados por Chile a Alemania."
    assert pairs(tagger, rules, "es", body) == {("CHL", "DEU")}


def test_french_order_placed_by_the_buyer_with_the_seller(tagger: Tagger, rules: RuleSet) -> None:
    body = "Une commande passée par la Grèce pour trois frégates à la France sera honorée."
    assert pairs(tagger, rules, "fr", body) == {("GRC", "FRA")}


def test_spanish_patrol_boat_from_a_coast_guard(tagger: Tagger, rules: RuleSet) -> None:
    # "patrullera" (a patrol boat) is an arms word, and the coast guard of a state is the state
    body = (
        "La Armada de Ecuador recibió ayer una patrullera "
        "cedida por la Guardia Costera de Estados Unidos."
    )
    assert pairs(tagger, rules, "es", body) == {("ECU", "USA")}


def test_italian_sending_arms_in_a_country_names_the_recipient(
    tagger: Tagger, rules: RuleSet
) -> None:
    # "invio" / "invierà" (sending) with "in": where the arms go
    body = "L'Italia invierà in Ucraina un sistema antiaereo Samp-T."
    assert pairs(tagger, rules, "it", body) == {("UKR", "ITA")}
    body = "Il governo italiano ha approvato un altro invio di armi in Ucraina."
    assert pairs(tagger, rules, "it", body) == {("UKR", "ITA")}


def test_german_into_after_an_invasion_is_its_target_not_a_buyer(
    tagger: Tagger, rules: RuleSet
) -> None:
    # "in die" is "into" for an army as for arms: the invaded state takes nothing
    body = "Seit dem Einmarsch Russlands in die Ukraine hat Schweden Haubitzen an Estland verkauft."
    assert pairs(tagger, rules, "de", body) == {("EST", "SWE")}


def test_german_into_after_a_trip_is_the_place_visited(tagger: Tagger, rules: RuleSet) -> None:
    body = "Die Ministerin fliegt in die Slowakei; Schweden hat Haubitzen an Estland verkauft."
    assert pairs(tagger, rules, "de", body) == {("EST", "SWE")}


def test_german_into_after_a_supply_verb_still_names_the_buyer(
    tagger: Tagger, rules: RuleSet
) -> None:
    body = "Schweden exportierte im Frühjahr Haubitzen in die Slowakei."
    assert pairs(tagger, rules, "de", body) == {("SVK", "SWE")}
