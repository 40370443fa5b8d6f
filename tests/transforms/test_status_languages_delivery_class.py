"""The verbs of delivering, handing over, giving, donating, supplying, sending and receiving as
whole classes per language (s37-i18n-status, 2026-12-07 morning): each language's `delivered`
status list names every verb of the class in its past and passive forms, so a pair read from a
noun of buying or a deal takes "delivered" from whichever of these verbs tells the hand-over.
Every sentence is our own, written for these tests; each uses a verb the lists lacked before."""

from __future__ import annotations

import pytest

from tests.transforms.test_status_languages import statuses
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger


@pytest.mark.parametrize(
    ("lang", "body", "pair"),
    [
        # handed over (passive), sent, shipped, dispatched, transferred, donated, gifted,
        # supplied: one sentence per language and verb, in its own order and voice
        (
            "de",
            "Nach dem Kauf aus Deutschland wurden Litauen zwei Boxer-Radpanzer überreicht.",
            ("LTU", "DEU"),
        ),
        (
            "fr",
            "Après l'achat à la France, deux patrouilleurs ont été remis au Sénégal.",
            ("SEN", "FRA"),
        ),
        (
            "fr",
            "Dans le cadre de l'achat à l'Italie, quatre blindés ont été expédiés au Niger.",
            ("NER", "ITA"),
        ),
        (
            "es",
            "Tras la compra a Brasil, dos aviones fueron despachados a Uruguay.",
            ("URY", "BRA"),
        ),
        (
            "es",
            "Con la compra a Estados Unidos, tres helicópteros fueron traspasados a Ecuador.",
            ("ECU", "USA"),
        ),
        (
            "pt",
            "Com a compra à Espanha, dois aviões C-295 foram despachados para Angola.",
            ("AGO", "ESP"),
        ),
        (
            "it",
            "Con l'acquisto dalla Germania, sei obici sono stati spediti alla Lettonia.",
            ("LVA", "DEU"),
        ),
        ("ru", "По сделке с Россией Мали доставили четыре вертолета Ми-171.", ("MLI", "RUS")),
        ("ru", "В рамках покупки у России Беларуси отгружены танки Т-72.", ("BLR", "RUS")),
        ("uk", "Україні в межах закупівлі у Данії доставили вісім гаубиць.", ("UKR", "DNK")),
        ("pl", "W ramach zakupu od Polski Ukrainie podarowano czołgi T-72.", ("UKR", "POL")),
        (
            "tr",
            "Türkiye'den alım kapsamında Kenya'ya altı zırhlı araç hibe edildi.",
            ("KEN", "TUR"),
        ),
        ("tr", "Türkiye'den alım kapsamında Azerbaycan'a iki İHA tedarik edildi.", ("AZE", "TUR")),
        (
            "ar",
            "في إطار صفقة الشراء من فرنسا، زودت فرنسا مصر بطائرتين من طراز رافال.",
            ("EGY", "FRA"),
        ),
    ],
)
def test_a_verb_of_the_delivery_class_reads_delivered(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str]
) -> None:
    assert statuses(tagger, rules, lang, body)[pair] == "delivered"


@pytest.mark.parametrize(
    ("lang", "body", "pair"),
    [
        # only the past and passive are listed: the future of the same verbs tells no delivery
        (
            "de",
            "Nach dem Kauf aus Deutschland werden Litauen zwei Boxer-Radpanzer überreicht werden.",
            ("LTU", "DEU"),
        ),
        (
            "tr",
            "Türkiye'den alım kapsamında Kenya'ya altı zırhlı araç hibe edilecek.",
            ("KEN", "TUR"),
        ),
        ("ru", "По сделке с Россией Мали доставят четыре вертолета Ми-171.", ("MLI", "RUS")),
    ],
)
def test_the_future_of_the_class_is_no_delivery(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str]
) -> None:
    assert statuses(tagger, rules, lang, body)[pair] != "delivered"


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        # (review of s37-i18n-status) verbs of the class that are, as often, common words of
        # another sense are not listed: "remettre en cause / en état" (call into question,
        # overhaul), "otorgar" (grant a credit, a licence), "senden" (broadcast a signal),
        # "überführen" (convict), "abtreten" (step down), "bereitstellen" (set funds aside),
        # "remeter" (refer a bill), "repassar" (pass on information, funds); and "octroyer",
        # the French "otorgar"
        ("fr", "La France a octroyé à l'Inde la licence pour la vente de sous-marins Scorpène."),
        (
            "fr",
            "La vente de Rafale de la France à l'Inde a été remise en cause par le "
            "nouveau gouvernement.",
        ),
        ("fr", "Les Rafale vendus par la France à l'Égypte ont été remis en état en France."),
        ("es", "Estados Unidos otorgó a Taiwán la licencia para comprar cazas F-16."),
        (
            "de",
            "Mit dem Kauf von Leopard-Panzern aus Deutschland hat Griechenland ein "
            "Signal an die Türkei gesendet.",
        ),
        (
            "de",
            "Der Minister wurde der Korruption beim Kauf von U-Booten aus "
            "Frankreich überführt, teilte Brasilien mit.",
        ),
        ("de", "Nach dem Kauf von Panzern aus Deutschland ist der Minister Polens abgetreten."),
        (
            "de",
            "Für den Kauf von Patriot-Systemen aus den USA hat die Schweiz Mittel bereitgestellt.",
        ),
        (
            "pt",
            "O governo remeteu ao Congresso o projeto de compra de caças Gripen da "
            "Suécia pelo Brasil.",
        ),
        ("pt", "A Suécia repassou ao Brasil informações sobre a compra de caças Gripen."),
    ],
)
def test_a_common_word_of_another_sense_is_no_delivery(
    tagger: Tagger, rules: RuleSet, lang: str, body: str
) -> None:
    assert "delivered" not in statuses(tagger, rules, lang, body).values()


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        # a hand-over word whose object is a message, a credit, a loan, a licence, information,
        # a bill, an invitation, a letter or a call hands over no arms (the `paper` lists)
        ("fr", "Le Qatar a remis un message à la France sur l'achat de chars Leclerc."),
        ("fr", "Le Qatar a reçu un message de la France sur l'achat de chars Leclerc."),
        (
            "es",
            "España otorgó un crédito a Marruecos para la compra de blindados a Estados Unidos.",
        ),
        (
            "es",
            "Marruecos recibió un préstamo de España para la compra de blindados a Estados Unidos.",
        ),
        ("es", "Taiwán recibió la licencia para comprar cazas F-16 a Estados Unidos."),
        ("fr", "Le Maroc a reçu un prêt de la France pour l'achat de blindés aux États-Unis."),
        ("it", "L'Egitto ha ricevuto un credito dall'Italia per l'acquisto di fregate FREMM."),
        ("pt", "O Brasil recebeu informações da Suécia sobre a compra de caças Gripen."),
        ("pt", "O Senado recebeu o projeto de compra de caças Gripen da Suécia pelo Brasil."),
        ("ar", "تلقت مصر دعوة من روسيا لشراء مقاتلات سو-35."),
        ("ar", "تلقت مصر رسالة من روسيا بشأن شراء مقاتلات سو-35."),
        ("ar", "تلقت مصر اتصالا من روسيا بشأن شراء مقاتلات سو-35."),
    ],
)
def test_a_hand_over_of_paper_is_no_delivery(
    tagger: Tagger, rules: RuleSet, lang: str, body: str
) -> None:
    assert "delivered" not in statuses(tagger, rules, lang, body).values()
