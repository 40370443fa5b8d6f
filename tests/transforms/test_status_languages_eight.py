"""Issue 13, status in eight languages (2026-12-06, afternoon): the status words and readings
that the fifteenth batch's reports showed missing. Every sentence is our own, written for these
tests."""

from __future__ import annotations

import pytest

from tests.transforms.test_status_languages import statuses
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger


@pytest.mark.parametrize(
    ("lang", "body", "pair", "status"),
    [
        # a French contract is an order, as a contract is in English
        (
            "fr",
            "Le Maroc a conclu avec la France un contrat pour l'achat de dix hélicoptères.",
            ("MAR", "FRA"),
            "ordered",
        ),
        # an agreement stays agreed
        (
            "fr",
            "La France et l'Inde ont signé un accord sur la vente de Rafale.",
            ("IND", "FRA"),
            "agreed",
        ),
        # Italian and Russian: a one-word future of delivering or receiving is a delivery
        # scheduled under a deal placed, as English "will deliver": ordered (a pledge of
        # handing over, "передаст", stays a decision announced: agreed)
        (
            "it",
            "L'Italia consegnerà alla Nigeria sei addestratori M-346 entro il 2025.",
            ("NGA", "ITA"),
            "ordered",
        ),
        (
            "ru",
            "Вьетнам получит из России шесть истребителей Су-30 в следующем году.",
            ("VNM", "RUS"),
            "ordered",
        ),
        # an approval given is the news: the delivery to come follows a sale agreed
        (
            "it",
            "Roma ha approvato la vendita: l'Italia consegnerà alla Nigeria sei M-346.",
            ("NGA", "ITA"),
            "agreed",
        ),
    ],
)
def test_status_in_eight_languages(
    tagger: Tagger,
    rules: RuleSet,
    lang: str,
    body: str,
    pair: tuple[str, str],
    status: str,
) -> None:
    assert statuses(tagger, rules, lang, body)[pair] == status


@pytest.mark.parametrize(
    ("lang", "body", "pair"),
    [
        (
            "es",
            "Colombia firmará con Suecia el acuerdo de compra de 18 cazas Gripen.",
            ("COL", "SWE"),
        ),
        (
            "pt",
            "A Colômbia assinará o contrato de compra de caças Gripen da Suécia.",
            ("COL", "SWE"),
        ),
        (
            "it",
            "L'Egitto firmerà un contratto per acquistare due fregate dall'Italia.",
            ("EGY", "ITA"),
        ),
        (
            "fr",
            "La Serbie signera le contrat d'achat de douze Rafale avec la France.",
            ("SRB", "FRA"),
        ),
        ("ru", "Алжир подпишет контракт на закупку истребителей у России.", ("DZA", "RUS")),
        # "is getting ready to conclude a deal"
        ("ar", "تستعد الجزائر لإبرام صفقة لشراء طائرات من روسيا.", ("DZA", "RUS")),
    ],
)
def test_a_contract_still_to_be_signed_is_talks(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str]
) -> None:
    # a one-word future of signing (or a word of getting ready) before the contract or deal
    # word is a prospect: the deal is not made yet
    assert statuses(tagger, rules, lang, body)[pair] == "talks"


@pytest.mark.parametrize(
    ("lang", "body", "pair", "status"),
    [
        # words the status lists lacked: a present "delivers", an arrival noun, "has just
        # received", "took place", a decision taken, "made official", "possibility"
        (
            "de",
            "Deutschland liefert Ungarn vier gebrauchte Leopard-Panzer.",
            ("HUN", "DEU"),
            "delivered",
        ),
        ("ar", "وصول طائرات أباتشي الأمريكية إلى المغرب.", ("MAR", "USA"), "delivered"),
        (
            "fr",
            "Le Maroc vient de recevoir des drones de fabrication turque de la Turquie.",
            ("MAR", "TUR"),
            "delivered",
        ),
        (
            "fr",
            "La livraison des canons Caesar à l'Arménie par la France a eu lieu lundi.",
            ("ARM", "FRA"),
            "delivered",
        ),
        (
            "ru",
            "Правительство Швеции приняло решение передать Украине бронетранспортеры.",
            ("UKR", "SWE"),
            "agreed",
        ),
        (
            "uk",
            "Швеція ухвалила рішення про передачу Україні бронетранспортерів.",
            ("UKR", "SWE"),
            "agreed",
        ),
        (
            "es",
            "Colombia oficializó la adquisición de 17 aviones Gripen a Suecia.",
            ("COL", "SWE"),
            "ordered",
        ),
        (
            "es",
            "Existe la posibilidad de adquirir aviones F-16 a Dinamarca para Argentina.",
            ("ARG", "DNK"),
            "talks",
        ),
        (
            "it",
            "C'è la possibilità di vendere fregate italiane all'Indonesia.",
            ("IDN", "ITA"),
            "talks",
        ),
        # a past participle of buying after a passive auxiliary is a purchase made: ordered
        (
            "pt",
            "A Sérvia confirmou que os mísseis foram comprados da China.",
            ("SRB", "CHN"),
            "ordered",
        ),
        # ... but one hanging on the arms ("bought from", no auxiliary) is their background: the
        # arrival is the news
        ("es", "Argentina recibió los 24 F-16 comprados a Dinamarca.", ("ARG", "DNK"), "delivered"),
        (
            "pt",
            "Os caças Gripen comprados pelo Brasil à Suécia chegaram.",
            ("BRA", "SWE"),
            "delivered",
        ),
        # landing, donating and sending are arms that changed hands, as English "donated", "sent"
        (
            "es",
            "Los seis F-16 comprados a Dinamarca aterrizaron ya en Argentina.",
            ("ARG", "DNK"),
            "delivered",
        ),
        ("pt", "Portugal doou catorze blindados M113 à Ucrânia.", ("UKR", "PRT"), "delivered"),
        ("it", "L'Italia ha inviato all'Ucraina un sistema SAMP-T.", ("UKR", "ITA"), "delivered"),
        # French and Portuguese: a delivery noun is a delivery, as English "delivery" (a
        # delivery still ahead stays ordered through `handover` and `pending`)
        (
            "fr",
            "La livraison de douze canons Caesar à l'Arménie par la France a commencé.",
            ("ARM", "FRA"),
            "delivered",
        ),
        (
            "pt",
            "A entrega dos aviões Super Tucano ao Uruguai pelo Brasil começou.",
            ("URY", "BRA"),
            "delivered",
        ),
        # Italian "invio" (the sending) is a delivery, as English "sent"
        (
            "it",
            "L'invio di due fregate italiane all'Egitto è stato completato.",
            ("EGY", "ITA"),
            "delivered",
        ),
        # Portuguese "finalizou", "conclui" (finalised, concludes) a purchase: agreed
        (
            "pt",
            "O Brasil finalizou a compra de blindados Guarani da Itália.",
            ("BRA", "ITA"),
            "agreed",
        ),
        ("pt", "O Brasil conclui a compra de caças Gripen da Suécia.", ("BRA", "SWE"), "agreed"),
    ],
)
def test_words_the_status_lists_lacked(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str], status: str
) -> None:
    assert statuses(tagger, rules, lang, body)[pair] == status


@pytest.mark.parametrize(
    ("lang", "body", "pair"),
    [
        (
            "ru",
            "В рамках соглашения с Россией Индия уже получила два комплекса С-400.",
            ("IND", "RUS"),
        ),
        (
            "uk",
            "У рамках угоди зі Швецією Україна вже отримала бронетранспортери CV90.",
            ("UKR", "SWE"),
        ),
        (
            "es",
            "En el marco del acuerdo con España, Marruecos ya recibió dos patrulleros.",
            ("MAR", "ESP"),
        ),
        (
            "pt",
            "No âmbito do acordo com o Brasil, o Uruguai já recebeu dois aviões Super Tucano.",
            ("URY", "BRA"),
        ),
        (
            "it",
            "Nell'ambito dell'accordo con l'Italia il Qatar ha già ricevuto sei M-346.",
            ("QAT", "ITA"),
        ),
        (
            "fr",
            "Dans le cadre de l'accord avec la France, l'Inde a déjà reçu des Rafale.",
            ("IND", "FRA"),
        ),
        (
            "de",
            "Im Rahmen des Abkommens mit Deutschland hat Ungarn bereits Leopard-Panzer erhalten.",
            ("HUN", "DEU"),
        ),
        ("ar", "في إطار الاتفاق مع روسيا تسلمت الهند منظومات إس-400.", ("IND", "RUS")),
    ],
)
def test_the_agreement_a_delivery_happens_under_is_its_background(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str]
) -> None:
    # "in the framework of the agreement" (`frame`): the deal is the background, the arms
    # received are the news
    assert statuses(tagger, rules, lang, body)[pair] == "delivered"
