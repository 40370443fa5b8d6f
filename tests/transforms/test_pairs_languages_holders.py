"""Two constructions of issue 13's sixth round, read in Spanish, Portuguese and French: the
genitive after a state body ("el Gobierno de X", "le ministère de la Défense de X") names the
state acting, never a source; and arms donated or ceded are second-hand, so their maker is not
the supplier. Every sentence is our own, written for these tests."""

from __future__ import annotations

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger


def test_spanish_government_of_the_buyer_is_not_a_supplier(
    tagger: Tagger, rules: RuleSet
) -> None:
    # "de Perú" follows the government noun: Peru is the one buying, Korea the seller
    body = "El Gobierno de Perú firmó un contrato con Corea del Sur para adquirir fragatas."
    assert pairs(tagger, rules, "es", body) == {("PER", "KOR")}


def test_portuguese_minister_of_defence_of_the_buyer(tagger: Tagger, rules: RuleSet) -> None:
    # two genitives in a row ("da Defesa do Brasil") both belong to the ministry
    body = "O ministro da Defesa do Brasil assinou o contrato com a Suécia para comprar caças."
    assert pairs(tagger, rules, "pt", body) == {("BRA", "SWE")}


def test_french_government_of_the_buyer(tagger: Tagger, rules: RuleSet) -> None:
    body = "Le gouvernement de l'Inde a signé un contrat avec la France pour acheter des hélicoptères."
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
