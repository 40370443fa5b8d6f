"""Issue 13, wrong pairs in ten languages (2026-12-06, afternoon): a list of countries lends its
role backwards only to its verb's own subjects (not to the sources of an attribution, "selon",
"según", nor across a verb of another clause), and Italian "in" names where arms go only after a
word of sending and its arms, never after any supply verb ("assemblati in Polonia"). Every
sentence is our own, written for these tests."""

from __future__ import annotations

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger


def test_french_attributed_to_two_states_gives_them_no_side(tagger: Tagger, rules: RuleSet) -> None:
    # the two sources once took the seller's role, the second by "X ... C ... {sell}", the
    # first from the second by the list read backwards
    body = "Selon la Russie et la Chine, la France a livré des armes à l'Ukraine."
    assert pairs(tagger, rules, "fr", body) == {("UKR", "FRA")}


def test_spanish_and_italian_sources_after_according_to(tagger: Tagger, rules: RuleSet) -> None:
    body = "Según Rusia y China, Francia entregó armas a Ucrania."
    assert pairs(tagger, rules, "es", body) == {("UKR", "FRA")}
    body = "Secondo la Germania e la Francia, l'Italia ha venduto elicotteri all'Egitto."
    assert pairs(tagger, rules, "it", body) == {("EGY", "ITA")}


def test_portuguese_list_parted_from_the_seller_by_its_own_verb(
    tagger: Tagger, rules: RuleSet
) -> None:
    # Portugal is the subject of "debateram", not of "vendeu": it lends no role backwards
    body = "Portugal e Espanha debateram, e o Brasil vendeu blindados à Argentina."
    assert pairs(tagger, rules, "pt", body) == {("ARG", "BRA")}
    body = "Portugal e Espanha debateram e o Brasil vendeu blindados ao Chile."
    assert pairs(tagger, rules, "pt", body) == {("CHL", "BRA")}


def test_a_list_of_subjects_still_lends_its_role_backwards(tagger: Tagger, rules: RuleSet) -> None:
    body = "Grécia, Itália e França venderam fragatas ao Egito."
    assert pairs(tagger, rules, "pt", body) == {("EGY", "GRC"), ("EGY", "ITA"), ("EGY", "FRA")}


def test_italian_made_in_a_country_after_a_supply_verb_is_no_recipient(
    tagger: Tagger, rules: RuleSet
) -> None:
    # "in" after a delivery verb and a clause of making names where the guns were put together
    body = "La Germania fornirà carri armati, prodotti su licenza in Ungheria, alla Croazia."
    assert pairs(tagger, rules, "it", body) == {("HRV", "DEU")}
    body = "Il Giappone venderà radar costruiti in Corea del Sud all'Indonesia."
    assert ("KOR", "JPN") not in pairs(tagger, rules, "it", body)


def test_italian_sending_with_arms_words_before_in(tagger: Tagger, rules: RuleSet) -> None:
    body = "La Spagna invia munizioni e missili in Lituania."
    assert pairs(tagger, rules, "it", body) == {("LTU", "ESP")}
    body = "L'invio di obici in Romania da parte della Francia è stato deciso."
    assert ("ROU", "FRA") in pairs(tagger, rules, "it", body)


def test_a_source_that_names_no_other_actor_may_be_the_buyer(
    tagger: Tagger, rules: RuleSet
) -> None:
    # no other state acts between the ministry and the trigger: its state stays a party
    body = "Según el Ministerio de Defensa chileno, la compra de fragatas se cerró con Francia."
    assert pairs(tagger, rules, "es", body) == {("CHL", "FRA")}


def test_italian_export_of_arms_in_a_country_names_the_recipient(
    tagger: Tagger, rules: RuleSet
) -> None:
    body = "La Germania ha bloccato l'esportazione di armi in Israele."
    assert pairs(tagger, rules, "it", body) == {("ISR", "DEU")}


def test_ukrainian_strikes_of_the_enemy_make_it_no_supplier(tagger: Tagger, rules: RuleSet) -> None:
    # the attacker was the one other state of the sentence and filled the empty side
    body = "Після масованих ударів РФ по містах Україна отримала нові системи ППО."
    assert ("UKR", "RUS") not in pairs(tagger, rules, "uk", body)
    body = "Норвегія передала Україні ракети через часті російські ракетні удари."
    assert pairs(tagger, rules, "uk", body) == {("UKR", "NOR")}


def test_russian_arms_against_the_enemy_drones(tagger: Tagger, rules: RuleSet) -> None:
    body = "Германия поставляет комплексы IRIS-T, эффективные против ракет и дронов России."
    assert ("RUS", "DEU") not in pairs(tagger, rules, "ru", body)


def test_a_subject_after_the_strikes_keeps_its_role(tagger: Tagger, rules: RuleSet) -> None:
    # "after Russia's strikes, France handed over": France is the subject, Russia no seller
    body = "После ударов России Франция передала Украине ракеты."
    assert pairs(tagger, rules, "ru", body) == {("UKR", "FRA")}
    body = "Після ударів Франція передала Україні ракети."
    assert pairs(tagger, rules, "uk", body) == {("UKR", "FRA")}
    body = "Україна отримала турецькі ударні дрони."
    assert pairs(tagger, rules, "uk", body) == {("UKR", "TUR")}


def test_romance_country_before_another_subject_is_no_verb_last_seller(
    tagger: Tagger, rules: RuleSet
) -> None:
    # "X ... C ... {sell}" (Turkish verb-last) read the buyer of an earlier clause as the seller
    body = (
        "Les obusiers attendus au Sénégal ont pris du retard, "
        "car la France en a livré une partie à la Grèce."
    )
    assert pairs(tagger, rules, "fr", body) == {("GRC", "FRA"), ("SEN", "FRA")}
    body = "Os blindados prometidos ao Peru atrasaram porque a Itália vendeu parte deles ao Chile."
    assert pairs(tagger, rules, "pt", body) == {("PER", "ITA"), ("CHL", "ITA")}


def test_italian_seller_in_talks_with_the_buyer(tagger: Tagger, rules: RuleSet) -> None:
    body = "L'Italia è in trattative con il Cile per vendere a Santiago due fregate."
    assert pairs(tagger, rules, "it", body) == {("CHL", "ITA")}


def test_spanish_buyer_of_an_earlier_clause_then_a_new_seller(
    tagger: Tagger, rules: RuleSet
) -> None:
    # "a Chile," closes the clause of its verb: Chile bought, it does not sell to Peru
    body = "Además de los tanques que se entregarán a Chile, Alemania venderá otros doce a Perú."
    assert pairs(tagger, rules, "es", body) == {("CHL", "DEU"), ("PER", "DEU")}


def test_country_after_a_preposition_of_place_is_no_buyer(tagger: Tagger, rules: RuleSet) -> None:
    # "X ... {buy}" once read the country where the buyer's envoy signed as the buyer
    body = "El ministro de Defensa de Chile firmó ayer en Suecia un acuerdo de compra de fragatas."
    assert "SWE" not in {r for r, _ in pairs(tagger, rules, "es", body)}
    body = "Rumania firmó en Noruega la compra de aviones F-16 usados."
    assert "NOR" not in {r for r, _ in pairs(tagger, rules, "es", body)}


def test_bought_in_a_country_still_names_the_seller(tagger: Tagger, rules: RuleSet) -> None:
    body = "Chile compró en Noruega aviones de combate usados."
    assert pairs(tagger, rules, "es", body) == {("CHL", "NOR")}


def test_portuguese_state_imposing_sanctions_is_no_party(tagger: Tagger, rules: RuleSet) -> None:
    # sanctions on the buyer: neither the sanctioning state nor the target's role changes
    body = (
        "A compra de caças russos pelo Egito pode levar a sanções da parte dos EUA contra o Cairo."
    )
    assert ("EGY", "USA") not in pairs(tagger, rules, "pt", body)
    body = "Os EUA ameaçam com sanções os países que compram armas russas, como a Índia."
    assert "USA" not in {r for r, _ in pairs(tagger, rules, "pt", body)}


def test_arabic_country_after_fi_is_where_a_deal_is_signed(tagger: Tagger, rules: RuleSet) -> None:
    # Kuwait's ministry signs with its counterpart "in Italy": Italy is no buyer of the helicopters
    body = "وقعت وزارة الدفاع الكويتية مع نظيرتها في إيطاليا اتفاقا لشراء مروحيات جديدة."
    assert ("ITA", "KWT") not in pairs(tagger, rules, "ar", body)


def test_german_country_after_a_noun_of_supplying_is_its_genitive_supplier(
    tagger: Tagger, rules: RuleSet
) -> None:
    # the shared "{sell_noun} W* X" (a Slavic dative) read the exporting government as the buyer
    body = (
        "Wegen der strengen Exportpolitik der Bundesregierung bekommt Ägypten "
        "keine Ersatzteile für seine U-Boote."
    )
    assert ("DEU", "EGY") not in pairs(tagger, rules, "de", body)
    body = "Die Exporte Frankreichs an Indien umfassen Rafale-Jets."
    assert pairs(tagger, rules, "de", body) == {("IND", "FRA")}


def test_portuguese_plural_genitive_after_a_state_body(tagger: Tagger, rules: RuleSet) -> None:
    # "das" / "dos" after "Força Aérea" / "Forças Armadas" owns the body, never names a seller
    body = "A Embraer vai fornecer aviões Super Tucano para a Força Aérea das Filipinas."
    assert pairs(tagger, rules, "pt", body) == {("PHL", "BRA")}
    body = "A Rheinmetall entregará munições às Forças Armadas dos Países Baixos."
    assert pairs(tagger, rules, "pt", body) == {("NLD", "DEU")}


def test_russian_outrage_at_a_delivery_makes_no_buyer(tagger: Tagger, rules: RuleSet) -> None:
    # "в Японии возмутились": the outraged state is a bystander, not a second buyer
    body = "В Японии возмутились поставками российских истребителей в Китай."
    assert pairs(tagger, rules, "ru", body) == {("CHN", "RUS")}


def test_italian_past_of_acquiring_is_a_buy_verb(tagger: Tagger, rules: RuleSet) -> None:
    # "acquisì" was no trigger: a buyer in a relative clause was left over and filled the seller
    body = "La Grecia acquisì dalla Francia tre fregate."
    assert pairs(tagger, rules, "it", body) == {("GRC", "FRA")}


def test_portuguese_ministries_of_two_states_are_no_sellers(tagger: Tagger, rules: RuleSet) -> None:
    # "Ministérios da Defesa da X e da Y": the plural state body owns its genitive, as the
    # singular does; "da X" there is no "from X"
    body = (
        "Os Ministérios da Defesa da Suécia e Áustria firmaram um acordo de cooperação na compra "
        "de cargueiros Embraer KC-390."
    )
    got = pairs(tagger, rules, "pt", body)
    assert ("BRA", "SWE") not in got and ("BRA", "AUT") not in got


# --- A state that blocks a sale is not its buyer (pairs._blockers, 2026-12-06 late) -------------


def test_portuguese_vetoing_state_is_not_filled_in_as_the_buyer(
    tagger: Tagger, rules: RuleSet
) -> None:
    # the seller comes from the arms' adjective; the one state left vetoes, it buys nothing
    body = "A Suécia proíbe que os canhões chilenos sejam vendidos a outros governos."
    assert pairs(tagger, rules, "pt", body) == set()


def test_a_state_that_halts_its_own_exports_is_still_the_seller(
    tagger: Tagger, rules: RuleSet
) -> None:
    # the fallback may still make the blocking state the seller: its own export is stopped
    body = "A Suíça suspendeu a exportação de munições para a Polônia."
    assert pairs(tagger, rules, "pt", body) == {("POL", "CHE")}


def test_a_dateline_is_not_the_only_other_party(tagger: Tagger, rules: RuleSet) -> None:
    # the seller is read, the buyer is left empty: the state of the dateline's city (where the
    # report was filed) is no party, though it is the one other state the sentence names
    body = "MOSKAU (dpa) - Frankreich liefert zwölf Haubitzen, teilte das Ministerium mit."
    assert pairs(tagger, rules, "de", body) == set()
    body = "MADRID (EFE) - Francia entregará veinte blindados, según informó el ministerio."
    assert pairs(tagger, rules, "es", body) == set()
    body = "PARIS (AFP) - L'Allemagne livrera vingt chars, a indiqué le ministère."
    assert pairs(tagger, rules, "fr", body) == set()


def test_a_city_named_in_the_sentence_still_fills_the_empty_side(
    tagger: Tagger, rules: RuleSet
) -> None:
    # not a dateline: the state stands inside the sentence, not before its mark
    body = "Frankreich liefert Russland zwölf Haubitzen, teilte das Ministerium mit."
    assert ("RUS", "FRA") in pairs(tagger, rules, "de", body)


# Ukrainian verbs of sending ("направити", "надіслати"): troops and notes are sent too, so they
# make a transfer only with arms as their object
def test_ukrainian_sending_officers_is_no_sale(tagger: Tagger, rules: RuleSet) -> None:
    body = "Литва направить до Молдови офіцерів, які навчатимуть обслуги гаубиць."
    assert pairs(tagger, rules, "uk", body) == set()


def test_ukrainian_sending_a_note_about_arms_is_no_sale(tagger: Tagger, rules: RuleSet) -> None:
    body = "Румунія надіслала Болгарії лист через плани постачання гаубиць."
    assert pairs(tagger, rules, "uk", body) == set()


def test_ukrainian_sending_arms_is_still_a_transfer(tagger: Tagger, rules: RuleSet) -> None:
    body = "Литва направила Україні ще три системи IRIS-T."
    assert pairs(tagger, rules, "uk", body) == {("UKR", "LTU")}


def test_ukrainian_sending_a_second_batch_of_arms_is_a_transfer(
    tagger: Tagger, rules: RuleSet
) -> None:
    body = "Литва направила в Україну чергову партію гаубиць."
    assert pairs(tagger, rules, "uk", body) == {("UKR", "LTU")}
