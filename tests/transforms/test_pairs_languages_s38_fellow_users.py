"""Ten languages, review fixes of the tenth stop: a state that already flies a maker's type, or
opens a reported clause of its own, stands beside the buyers of that maker's list; it is never
the seller of a purchase whose words name none. Every sentence is our own, written for these
tests."""

from __future__ import annotations

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

# one buyer and one state that operates the type, no seller in words: no pair
USERS = [
    ("ar", "قالت الشركة إن السنغال طلبت طائرتين، وإن نيجيريا تشغل خمس طائرات."),
    ("ar", "وأوضحت المصادر أن غانا اشترت ثلاث طائرات، وأن كينيا تستخدم طائرتين منذ سنوات."),
    ("es", "Según el fabricante, Senegal encargó dos aviones y Nigeria opera cinco."),
    (
        "fr",
        "Selon le constructeur, le Sénégal a commandé deux avions et le Nigeria en exploite cinq.",
    ),
    ("pt", "Segundo o fabricante, o Senegal encomendou dois aviões e a Nigéria opera cinco."),
    ("ru", "По данным производителя, Сенегал заказал два самолета, а Нигерия эксплуатирует пять."),
    (
        "it",
        "Secondo il costruttore, il Senegal ha ordinato due aerei e la Nigeria ne utilizza cinque.",
    ),
    ("uk", "За даними виробника, Сенегал замовив два літаки, а Нігерія експлуатує п'ять."),
    # eleventh stop review: the German and Polish files' `operate` class too
    ("de", "Laut Hersteller hat Senegal zwei Flugzeuge bestellt, und Nigeria betreibt fünf."),
    ("pl", "Według producenta Senegal zamówił dwa samoloty, a Nigeria eksploatuje pięć."),
]


def test_a_state_operating_the_type_sells_nothing(tagger: Tagger, rules: RuleSet) -> None:
    for lang, body in USERS:
        assert pairs(tagger, rules, lang, body) == set(), (lang, body)


def test_arabic_and_that_opens_a_clause_of_its_own(tagger: Tagger, rules: RuleSet) -> None:
    # "..., and that Niger is studying the offer": Niger is that clause's subject, not the seller
    body = "وذكرت الشركة أن تشاد طلبت أربع طائرات، وأن النيجر تدرس العرض."
    assert pairs(tagger, rules, "ar", body) == set()


def test_the_named_maker_still_sells_to_the_buyers(tagger: Tagger, rules: RuleSet) -> None:
    # with the maker named, each buyer of the list buys from its state; the operator is no
    # seller, and no buyer either (no word of buying is its own)
    body = (
        "تصنع شركة Embraer البرازيلية طائرة A-29 Super Tucano. وقالت الشركة إن السنغال "
        "طلبت طائرتين، وإن نيجيريا تشغل خمس طائرات، وإن غانا طلبت أربع طائرات."
    )
    assert pairs(tagger, rules, "ar", body) == {("SEN", "BRA"), ("GHA", "BRA")}


def test_a_seller_in_words_stays(tagger: Tagger, rules: RuleSet) -> None:
    # a state buying from a named seller keeps it, an operator beside it or not
    assert pairs(tagger, rules, "es", "Chile compró seis aviones de Brasil; Perú opera dos.") == {
        ("CHL", "BRA")
    }
    assert pairs(tagger, rules, "ar", "اشترت مصر طائرات من فرنسا، وإن ليبيا تشغل طائرتين.") == {
        ("EGY", "FRA")
    }
