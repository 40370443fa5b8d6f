"""A seller named only by a company, in the ten languages other than English (issue 13,
2026-12-06 evening, ``pairs.py``). The language reader reads a company as its state; two
gaps kept it from doing so:

- a sentence naming a company and no country was never read, so a seller told alone there
  ("Dassault livrera ...") never met the buyer another sentence names (``_party``);
- a sentence naming a company and one state, with no pattern giving either a side, read
  neither: the state named by its name is the buyer, the company the seller
  (``_RoleBook.fill_empty_sides``), never the other way round, and never a state named only by
  an adjective, which may be the company's own or a third party's.

Every sentence is our own."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

# The buyer in one sentence, the company delivering in the next, which names no country.
SELLER_ALONE = [
    (
        "it",
        "Il Qatar rinnova la flotta dell'aeronautica. Leonardo fornirà 28 elicotteri NH90.",
        ("QAT", "ITA"),
    ),
    (
        "fr",
        "L'Indonésie modernise son armée de l'air. Dassault Aviation livrera 42 Rafale.",
        ("IDN", "FRA"),
    ),
    ("pl", "Polska modernizuje swoją armię. Hanwha dostarczy 200 haubic K9.", ("POL", "KOR")),
    ("es", "Arabia Saudí renueva su marina. Navantia entregará cinco corbetas.", ("SAU", "ESP")),
    ("pt", "A Colômbia renova sua força aérea. A Saab entregará 17 caças Gripen.", ("COL", "SWE")),
]


@pytest.mark.parametrize(("lang", "body", "pair"), SELLER_ALONE, ids=[c[0] for c in SELLER_ALONE])
def test_a_company_delivering_alone_sells_to_the_articles_buyer(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str]
) -> None:
    assert pairs(tagger, rules, lang, body) == {pair}


# A company and a state side by side with a word of dealing, no pattern giving either a side.
COMPANY_AND_STATE = [
    ("it", "Leonardo sbarca in Malesia con una commessa per 12 elicotteri.", ("MYS", "ITA")),
    ("fr", "Naval Group et la Grèce : une commande de trois frégates.", ("GRC", "FRA")),
    ("es", "Navantia y Arabia Saudí: un contrato de cinco corbetas.", ("SAU", "ESP")),
    (
        "ar",
        "وقعت شركة روسوبورون إكسبورت ووزارة الدفاع الجزائرية اتفاقية لبناء غواصتين.",
        ("DZA", "RUS"),
    ),
]


@pytest.mark.parametrize(
    ("lang", "body", "pair"), COMPANY_AND_STATE, ids=[c[0] for c in COMPANY_AND_STATE]
)
def test_the_state_beside_a_company_is_the_buyer(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str]
) -> None:
    assert pairs(tagger, rules, lang, body) == {pair}


NO_COMPANY_SALE = [
    # a state adjective beside the company names no buyer: the engines' maker, the airline's
    ("it", "Leonardo firma un contratto per elicotteri con motori francesi."),
    ("pt", "A Embraer assinou a venda de aviões para uma companhia chinesa."),
    # the seller is a state; the company that built the arms is no buyer left over
    ("de", "Die USA liefern Panzer, gebaut von Rheinmetall."),
    # a company building a plant in the buyer's country sells nothing in that sentence
    ("de", "Polen kauft Panzer. Rheinmetall baut in Polen ein Werk."),
    # the buyer's own company assembling the aircraft at home is no foreign seller
    ("it", "La Polonia compra elicotteri. PZL-Świdnik assemblerà gli elicotteri a Świdnik."),
]


@pytest.mark.parametrize(("lang", "body"), NO_COMPANY_SALE, ids=[c[0] for c in NO_COMPANY_SALE])
def test_no_sale_by_a_company_here(tagger: Tagger, rules: RuleSet, lang: str, body: str) -> None:
    assert pairs(tagger, rules, lang, body) == set()


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "de",
            "Dänemark übergibt der Ukraine weitere F-16. Lockheed Martin liefert die Ersatzteile.",
        ),
        ("fr", "Le Danemark cède des F-16 à l'Ukraine. Lockheed Martin fournira les pièces."),
    ],
    ids=["de", "fr"],
)
def test_second_hand_arms_stay_the_handing_states_sale(
    tagger: Tagger, rules: RuleSet, lang: str, body: str
) -> None:
    # the maker delivering spare parts alone does not make the jets its state's sale
    assert pairs(tagger, rules, lang, body) == {("UKR", "DNK")}


# A company delivering to a state body with no state named, in an article whose lead state is
# another (a war's target): a home delivery, no export to that state (``fills.COMPANY_LEAD``,
# ``fills._to_own_forces``; 2026-12-06 review).
HOME_DELIVERY = [
    (
        "it",
        "L'Ucraina segnala altri attacchi di droni contro Odessa. "
        "Leonardo consegnerà nel frattempo dodici elicotteri all'Esercito.",
    ),
    (
        "fr",
        "L'Ukraine signale d'autres frappes de drones contre Odessa. "
        "Dassault livrera pendant ce temps douze Rafale à l'armée de l'air.",
    ),
    (
        "es",
        "Ucrania informa de más ataques con drones contra Odesa. "
        "Navantia entregará mientras tanto dos fragatas a la Armada.",
    ),
    (
        "pt",
        "A Ucrânia relata mais ataques de drones contra Odessa. "
        "A Embraer entregará entretanto doze aviões à Força Aérea.",
    ),
    # the forces as the company's partner in a deal ("with the air force"), not only its recipient
    (
        "fr",
        "L'Ukraine demande d'autres avions de chasse. "
        "Dassault a signé avec l'armée de l'air un contrat pour douze Rafale.",
    ),
    # Polish: the dative "wojsku" says "to the army" with no preposition; a company the reader
    # takes as a seller (Hanwha), so the sentence reaches the guard
    ("pl", "Ukraina prosi o więcej haubic. Hanwha dostarczy dwanaście haubic wojsku."),
]


@pytest.mark.parametrize(("lang", "body"), HOME_DELIVERY, ids=[c[0] for c in HOME_DELIVERY])
def test_a_company_delivering_to_its_own_forces_exports_nothing(
    tagger: Tagger, rules: RuleSet, lang: str, body: str
) -> None:
    assert pairs(tagger, rules, lang, body) == set()


@pytest.mark.parametrize(
    ("lang", "body", "pair"),
    [
        (
            "it",
            "L'Ucraina chiede altri elicotteri per difendere Odessa. "
            "Leonardo consegnerà dodici elicotteri entro l'estate.",
            ("UKR", "ITA"),
        ),
        (
            "fr",
            "L'Ukraine demande d'autres avions de chasse pour défendre Odessa. "
            "Dassault livrera douze Rafale d'ici l'été.",
            ("UKR", "FRA"),
        ),
    ],
)
def test_without_a_state_body_the_company_still_sells_to_the_lead_state(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str]
) -> None:
    assert pairs(tagger, rules, lang, body) == {pair}


# A president, a minister or "defence" in the company's sentence names no recipient: only armed
# forces after a "to" word (or in the dative) make a home delivery (2026-12-06 second review).
NO_FORCES_NAMED = [
    (
        "it",
        "L'Ucraina chiede altri elicotteri per difendere Odessa. "
        "Leonardo consegnerà dodici elicotteri entro l'estate, ha detto il ministro.",
        ("UKR", "ITA"),
    ),
    (
        "fr",
        "L'Ukraine demande d'autres avions de chasse pour défendre Odessa. "
        "Dassault livrera douze Rafale d'ici l'été, a indiqué son président.",
        ("UKR", "FRA"),
    ),
    (
        "fr",
        "L'Ukraine demande d'autres avions de chasse pour défendre Odessa. "
        "Le groupe de défense Dassault livrera douze Rafale d'ici l'été.",
        ("UKR", "FRA"),
    ),
    (
        "es",
        "Ucrania pide más fragatas para defender Odesa. "
        "Navantia entregará dos fragatas este año, según su presidente.",
        ("UKR", "ESP"),
    ),
]


@pytest.mark.parametrize(
    ("lang", "body", "pair"), NO_FORCES_NAMED, ids=["it", "fr-president", "fr-defence", "es"]
)
def test_a_president_or_minister_is_no_home_delivery(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str]
) -> None:
    assert pairs(tagger, rules, lang, body) == {pair}


# 2026-12-06 (night, second wave): a company noun with its state's adjective ("le chantier
# français", "l'azienda italiana", "o estaleiro italiano", "el astillero español") names a
# company of that state, as a company's name does: the deal's partner is the seller. The
# company names here are made up, so no tagged company reads the state instead.
COMPANY_NOUN = [
    ("fr", "Le Sénégal a signé un contrat avec le chantier français Kerlouan pour trois frégates."),
    (
        "it",
        "Il Qatar ha firmato un contratto con l'azienda italiana Velatra per dodici elicotteri.",
    ),
    ("pt", "O Brasil assinou um contrato com o estaleiro italiano Marvento para quatro fragatas."),
    ("es", "Uruguay firmó un contrato con el astillero español Marvento para dos fragatas."),
]
COMPANY_NOUN_PAIRS = {
    "fr": ("SEN", "FRA"),
    "it": ("QAT", "ITA"),
    "pt": ("BRA", "ITA"),
    "es": ("URY", "ESP"),
}


@pytest.mark.parametrize(("lang", "body"), COMPANY_NOUN, ids=[c[0] for c in COMPANY_NOUN])
def test_a_company_noun_with_its_states_adjective_sells(
    tagger: Tagger, rules: RuleSet, lang: str, body: str
) -> None:
    assert pairs(tagger, rules, lang, body) == {COMPANY_NOUN_PAIRS[lang]}
