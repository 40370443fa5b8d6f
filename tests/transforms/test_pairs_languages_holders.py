"""Two constructions of issue 13's sixth round, read in Spanish, Portuguese and French: the
genitive after a state body ("el Gobierno de X", "le ministère de la Défense de X") names the
state acting, never a source; and arms donated or ceded are second-hand, so their maker is not
the supplier. Every sentence is our own, written for these tests."""

from __future__ import annotations

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger


def test_spanish_government_of_the_buyer_is_the_buyer(tagger: Tagger, rules: RuleSet) -> None:
    # "de Perú" follows the government noun: Peru is the subject of "compra", not a source
    body = "El Gobierno de Perú compra fragatas surcoreanas."
    assert pairs(tagger, rules, "es", body) == {("PER", "KOR")}


def test_spanish_government_genitive_is_never_read_as_the_seller(
    tagger: Tagger, rules: RuleSet
) -> None:
    # read as "from Peru", the genitive made Peru sell to the Korean yard
    body = (
        "El Gobierno de Perú ha firmado un contrato con el astillero surcoreano Hanwha"
        " para adquirir fragatas."
    )
    assert ("KOR", "PER") not in pairs(tagger, rules, "es", body)


def test_spanish_armed_forces_of_the_buyer_are_the_buyer(tagger: Tagger, rules: RuleSet) -> None:
    # "de Chile" after "Fuerzas Armadas": the forces' own state, which made Turkey the buyer
    # and Chile the seller (issue 13, thirteenth round)
    body = (
        "Las Fuerzas Armadas de Chile firmaron un contrato de adquisición de seis drones"
        " Bayraktar con Turquía."
    )
    assert pairs(tagger, rules, "es", body) == {("CHL", "TUR")}


def test_portuguese_army_of_the_recipient(tagger: Tagger, rules: RuleSet) -> None:
    body = "O Exército do Brasil recebeu blindados italianos."
    assert pairs(tagger, rules, "pt", body) == {("BRA", "ITA")}


def test_portuguese_government_genitive_is_never_read_as_the_seller(
    tagger: Tagger, rules: RuleSet
) -> None:
    body = "O governo do Brasil assinou um contrato com a empresa sueca Saab para comprar caças."
    assert ("SWE", "BRA") not in pairs(tagger, rules, "pt", body)


def test_french_minister_of_defence_of_the_buyer(tagger: Tagger, rules: RuleSet) -> None:
    # two genitives in a row ("de la Défense de l'Inde") both belong to the ministry
    body = "Le ministre de la Défense de l'Inde a annoncé l'achat d'hélicoptères français."
    assert pairs(tagger, rules, "fr", body) == {("IND", "FRA")}


def test_a_plain_de_before_a_country_still_marks_the_supplier(
    tagger: Tagger, rules: RuleSet
) -> None:
    # no state body before "de": the preposition keeps its reading of origin
    body = "Marruecos compra helicópteros de Estados Unidos."
    assert pairs(tagger, rules, "es", body) == {("MAR", "USA")}


def test_spanish_donated_tanks_are_the_givers_not_the_makers(
    tagger: Tagger, rules: RuleSet
) -> None:
    body = "Noruega donó a Ucrania ocho tanques Leopard de su reserva."
    assert pairs(tagger, rules, "es", body) == {("UKR", "NOR")}


def test_portuguese_ceded_aircraft_are_second_hand(tagger: Tagger, rules: RuleSet) -> None:
    body = "A Eslováquia cedeu à Ucrânia os seus caças MiG-29."
    assert pairs(tagger, rules, "pt", body) == {("UKR", "SVK")}


# Issue 13, Romance languages (2026-12-06, afternoon): armed forces and a regime named with
# their state's genitive are that state, the buyer here, never a source.


def test_portuguese_armed_forces_of_the_buyer(tagger: Tagger, rules: RuleSet) -> None:
    body = "O Brasil vendeu blindados às Forças Armadas da Ucrânia."
    assert pairs(tagger, rules, "pt", body) == {("UKR", "BRA")}


def test_french_armed_forces_of_the_buyer(tagger: Tagger, rules: RuleSet) -> None:
    body = "La France a livré des canons Caesar aux forces armées de l'Ukraine."
    assert pairs(tagger, rules, "fr", body) == {("UKR", "FRA")}


def test_spanish_regime_of_the_buyer(tagger: Tagger, rules: RuleSet) -> None:
    body = "España vendió municiones al régimen de Cuba."
    assert pairs(tagger, rules, "es", body) == {("CUB", "ESP")}


# 2026-12-06 (night, second wave): the armed services other than the army ("marine",
# "aviation"; "Marina", "Aviación", "Marina Militar") are state bodies too: with their state's
# adjective after them they name that state, the buyer here, even with another state named
# earlier in the sentence (read alone, the adjective left the other state as the only party).


def test_french_navy_named_with_its_adjective_is_the_buyer(tagger: Tagger, rules: RuleSet) -> None:
    body = "Après le Maroc, la France a livré des frégates à la marine grecque."
    assert pairs(tagger, rules, "fr", body) == {("GRC", "FRA")}


def test_spanish_navy_named_with_its_adjective_is_the_buyer(tagger: Tagger, rules: RuleSet) -> None:
    body = "España, que ya equipa a Chile, vendió dos corbetas a la Marina ecuatoriana."
    assert ("ECU", "ESP") in pairs(tagger, rules, "es", body)
