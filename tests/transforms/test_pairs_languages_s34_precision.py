"""Wrong pairs in ten languages (2026-12-06, night): Arabic case-marked roles. "to" written
joined to a country's name ("لمصر", "للجزائر") is read as the separate "إلى"; the country right
after a word of selling is its subject when another is named after "to"; the country right after
a word of buying or receiving is its subject (verb first). Every sentence is our own, written for
these tests."""

from __future__ import annotations

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger


def test_arabic_to_joined_to_the_name_marks_the_buyer(tagger: Tagger, rules: RuleSet) -> None:
    # the seller follows the verbal noun; the buyer carries "ل" (once read the other way round)
    body = "ناقش الوزيران اتفاقا يتعلق ببيع فرنسا طائرات رافال لمصر."
    assert pairs(tagger, rules, "ar", body) == {("EGY", "FRA")}
    # the article's alif is swallowed by the preposition: "ل" + "الجزائر"
    body = "باعت روسيا طائرات سوخوي للجزائر."
    assert pairs(tagger, rules, "ar", body) == {("DZA", "RUS")}


def test_arabic_name_that_begins_with_lam_is_no_to(tagger: Tagger, rules: RuleSet) -> None:
    # "لبنان" is Lebanon, not "ل" + a name; "للبنان" is "to Lebanon"
    body = "باعت فرنسا طائرات رافال للبنان."
    assert pairs(tagger, rules, "ar", body) == {("LBN", "FRA")}
    body = "اشترى لبنان طائرات رافال من فرنسا."
    assert pairs(tagger, rules, "ar", body) == {("LBN", "FRA")}


def test_arabic_joined_and_to_keeps_the_list(tagger: Tagger, rules: RuleSet) -> None:
    body = "باعت روسيا طائرات سوخوي لمصر وللجزائر."
    assert pairs(tagger, rules, "ar", body) == {("EGY", "RUS"), ("DZA", "RUS")}


def test_arabic_seller_after_the_verb_with_a_long_object(tagger: Tagger, rules: RuleSet) -> None:
    # a licence, not the arms, right after the subject: the one after "to" still buys
    body = "قررت الحكومة بيع فرنسا حقوق إنتاج تلك المقاتلة للهند."
    assert pairs(tagger, rules, "ar", body) == {("IND", "FRA")}


def test_arabic_double_object_sale_keeps_its_buyer(tagger: Tagger, rules: RuleSet) -> None:
    # no "to": the country right after the verbal noun is the one sold to
    body = "وافقت واشنطن على بيع المغرب مروحيات أباتشي."
    assert pairs(tagger, rules, "ar", body) == {("MAR", "USA")}


def test_arabic_subject_after_a_verb_of_receiving(tagger: Tagger, rules: RuleSet) -> None:
    # two buyers in two clauses, verb first: neither is the other's seller
    body = "طلبت الكويت عشر مروحيات أباتشي، فيما تسلم الأردن ست وحدات."
    assert pairs(tagger, rules, "ar", body) == {("KWT", "USA"), ("JOR", "USA")}


def test_arabic_relative_clause_of_buying_after_with(tagger: Tagger, rules: RuleSet) -> None:
    # "with India, which bought": the partner of the maker's contract is the buyer, not a seller
    body = "وقعت الشركة عقدا مع الهند التي اشترت 36 طائرة رافال."
    assert pairs(tagger, rules, "ar", body) == {("IND", "FRA")}
    # no relative clause: the partner of a purchase still sells
    body = "اتفقت مصر مع فرنسا على شراء طائرات رافال."
    assert pairs(tagger, rules, "ar", body) == {("EGY", "FRA")}


def test_contract_partner_buys_from_the_arms_maker(tagger: Tagger, rules: RuleSet) -> None:
    # "with Ukraine" once made Ukraine the seller; the drones are Turkish, Turkey signs
    body = (
        "Il governo turco ha firmato un accordo con l'Ucraina per la fornitura di droni "
        "Bayraktar TB2."
    )
    assert pairs(tagger, rules, "it", body) == {("UKR", "TUR")}
    # a maker company signing with a foreign air force: the air force's state buys
    body = "A Embraer assinou com a Força Aérea da Hungria, ontem, um contrato por dois KC-390."
    assert pairs(tagger, rules, "pt", body) == {("HUN", "BRA")}


def test_contract_partner_that_makes_the_arms_still_sells(tagger: Tagger, rules: RuleSet) -> None:
    body = "L'India ha firmato un contratto con la Russia per caccia Su-30."
    assert pairs(tagger, rules, "it", body) == {("IND", "RUS")}
    # arms of a third state's make: no partner is their maker, so nothing turns the sides
    body = "L'Italia ha firmato un contratto con la Francia per caccia F-16."
    assert ("FRA", "ITA") not in pairs(tagger, rules, "it", body)


def test_contract_for_parts_of_the_buyers_own_weapon(tagger: Tagger, rules: RuleSet) -> None:
    # the weapon after "parts for" is the platform the parts serve: its maker buys them
    body = (
        "Frankreich unterzeichnete einen Vertrag mit Indien über Ersatzteile für seine Rafale-Jets."
    )
    assert pairs(tagger, rules, "de", body) == {("FRA", "IND")}
    body = "Rusia firmó un contrato con la India para motores de sus cazas Su-30."
    assert pairs(tagger, rules, "es", body) == {("RUS", "IND")}


def test_contract_of_stationing_is_no_sale_by_the_maker(tagger: Tagger, rules: RuleSet) -> None:
    # a deal over troops and tanks stationed abroad names no buying: the maker sells nothing
    body = (
        "Deutschland unterzeichnete ein Abkommen mit Polen über die Stationierung von "
        "Leopard-2-Panzern."
    )
    assert ("POL", "DEU") not in pairs(tagger, rules, "de", body)


def test_arabic_joined_lam_after_a_noun_or_fixed_phrase_is_no_to(
    tagger: Tagger, rules: RuleSet
) -> None:
    # "ل" marks the object of the noun before (an invasion of Kuwait), not a destination
    body = "باعت تركيا طائرات مسيرة لقطر بعد غزو العراق للكويت."
    assert ("KWT", "TUR") not in pairs(tagger, rules, "ar", body)
    # "according to France": the source of the news, no buyer
    body = "وفقا لفرنسا، باعت روسيا طائرات مقاتلة إلى الهند."
    assert ("FRA", "RUS") not in pairs(tagger, rules, "ar", body)
