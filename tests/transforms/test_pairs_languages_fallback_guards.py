"""Issue 13, ten-language precision (2026-12-06, late): the one-remaining-country fallback
gives no side to a state that opens a clause of its own after ", and" (a list's buyers do not
make the next clause's subject their seller), nor makes the arms' maker's state the buyer from
a foreign seller. Every sentence is our own, written for these tests."""

from __future__ import annotations

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger


def test_german_list_of_buyers_then_a_new_clause_after_comma_und(
    tagger: Tagger, rules: RuleSet
) -> None:
    # Mexico only voiced interest in a clause of its own: it sold nothing to the list
    body = "Chile und Peru haben im Frühjahr Drohnen gekauft, und Mexiko hat Interesse gezeigt."
    found = pairs(tagger, rules, "de", body)
    assert not {p for p in found if p[1] == "MEX"}


def test_portuguese_and_spanish_buyers_then_a_new_clause(tagger: Tagger, rules: RuleSet) -> None:
    body = "O Quénia e o Uganda compraram drones no ano passado, e a Zâmbia mostrou interesse."
    assert not {p for p in pairs(tagger, rules, "pt", body) if p[1] == "ZMB"}
    body = "Bolivia y Paraguay compraron drones este año, y Ecuador estudia una oferta."
    assert not {p for p in pairs(tagger, rules, "es", body) if p[1] == "ECU"}


def test_italian_new_clause_subject_is_no_seller(tagger: Tagger, rules: RuleSet) -> None:
    body = "La Tunisia e il Marocco hanno acquistato droni, e la Libia ha chiesto informazioni."
    assert not {p for p in pairs(tagger, rules, "it", body) if p[1] == "LBY"}


def test_a_list_without_a_comma_before_and_still_shares_its_role(
    tagger: Tagger, rules: RuleSet
) -> None:
    # no comma before "und": one list of buyers, the seller named by "von"
    body = "Chile, Peru und Mexiko kaufen Drohnen von der Türkei."
    assert pairs(tagger, rules, "de", body) >= {("CHL", "TUR"), ("PER", "TUR"), ("MEX", "TUR")}


def test_maker_state_is_no_buyer_from_the_states_that_order_its_plane(
    tagger: Tagger, rules: RuleSet
) -> None:
    # orders placed by three states for a Brazilian plane: Brazil, its maker's state, is left
    # over in the sentence, yet it buys nothing from them
    body = (
        "O KC-390 é o maior avião militar do continente e tem encomendas da Holanda, Suécia "
        "e Áustria, além do próprio Brasil."
    )
    assert not {p for p in pairs(tagger, rules, "pt", body) if p[0] == "BRA"}
    body = "Der KC-390 hat schon Bestellungen aus Österreich und Schweden, außer Brasilien selbst."
    assert not {p for p in pairs(tagger, rules, "de", body) if p[0] == "BRA"}


def test_portuguese_genitive_of_a_request_names_no_seller(tagger: Tagger, rules: RuleSet) -> None:
    # "do governo do Chile" is whose request it was, not where arms come from: Chile is no
    # seller to the buyer the article is about
    body = (
        "O Peru vai modernizar as suas forças armadas. O presidente recusou o pedido do governo "
        "do Chile para o fornecimento de munição."
    )
    assert ("PER", "CHL") not in pairs(tagger, rules, "pt", body)


def test_spanish_genitive_of_a_company_names_no_seller(tagger: Tagger, rules: RuleSet) -> None:
    body = (
        "Perú modernizará sus fuerzas armadas. El plan incluye la compra de 40 blindados, en "
        "colaboración con la empresa estatal de defensa de Chile."
    )
    assert ("PER", "CHL") not in pairs(tagger, rules, "es", body)


def test_spanish_de_right_after_arms_is_still_from(tagger: Tagger, rules: RuleSet) -> None:
    body = "Perú modernizará sus fuerzas armadas. La compra de tanques de Chile avanza."
    assert ("PER", "CHL") in pairs(tagger, rules, "es", body)


def test_spanish_de_after_second_hand_arms_is_still_from(tagger: Tagger, rules: RuleSet) -> None:
    # an adjective between the arms and "de" ("usados") leaves "de" the seller's "from": the
    # maker of the planes is then no seller to fill in
    body = "Chile recibirá el año que viene doce F-16 usados de Noruega para su fuerza aérea."
    found = pairs(tagger, rules, "es", body)
    assert ("CHL", "NOR") in found
    assert ("CHL", "USA") not in found


def test_portuguese_da_after_second_hand_arms_is_still_from(tagger: Tagger, rules: RuleSet) -> None:
    body = "O Peru vai receber no ano que vem dez caças F-16 usados da Noruega."
    found = pairs(tagger, rules, "pt", body)
    assert ("PER", "NOR") in found
    assert ("PER", "USA") not in found
