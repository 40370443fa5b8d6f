"""Ten-language review fixes of the tenth stop's code (eleventh stop, 2026-12-07). Every
sentence is our own (some the reviewer's own invented ones), written for these tests."""

from __future__ import annotations

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

# review 6: the vetoer named after its veto, as its genitive ("the veto of the US"), is no
# buyer; the state that buys despite it is
VETOER_AFTER = [
    ("it", "Il Cile, nonostante il veto degli Stati Uniti, acquista due fregate italiane."),
    ("ru", "Чили, несмотря на вето США, купила итальянские фрегаты."),
    ("es", "Chile, pese al veto de Estados Unidos, compra fragatas italianas."),
    ("fr", "Le Chili, malgré le veto des États-Unis, achète deux frégates italiennes."),
    ("pt", "O Chile, apesar do veto dos Estados Unidos, compra duas fragatas italianas."),
]


def test_a_vetoer_named_after_its_veto_is_no_buyer(tagger: Tagger, rules: RuleSet) -> None:
    got = {(lang, body): pairs(tagger, rules, lang, body) for lang, body in VETOER_AFTER}
    assert got == {(lang, body): {("CHL", "ITA")} for lang, body in VETOER_AFTER}
    body = "Argentina, pese al veto de Estados Unidos, compró aviones checos."
    assert pairs(tagger, rules, "es", body) == {("ARG", "CZE")}


def test_arabic_right_of_veto_is_a_veto(tagger: Tagger, rules: RuleSet) -> None:
    # review 7: "حق النقض" (the right of veto), the usual Arabic term, as the loanword فيتو
    for body in (
        "استخدمت الولايات المتحدة حق النقض ضد شراء الأرجنتين طائرات تشيكية.",
        "الولايات المتحدة استخدمت حق النقض ضد شراء الأرجنتين طائرات تشيكية.",
    ):
        assert pairs(tagger, rules, "ar", body) == {("ARG", "CZE")}, body
