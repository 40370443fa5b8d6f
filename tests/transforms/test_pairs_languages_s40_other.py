"""The other parties of a report in the ten languages, twelfth stop (s40-i18n-other,
docs/languages.md "2026-12-07 (twelfth stop)"). The sentences are our own.

- Later buyers of the one seller when no maker is named (``pairs._later_buyers``,
  ``LATER_BUYERS_NO_MAKER``): a report whose pairs all have one seller, read selling in words
  (a government approving exports), and that names no maker at all (no company, no weapon of a
  known make), pairs each buyer a cue marks as one ("X receives 40 rifles") with that seller.
  Not when the seller is read only from an adjective ("Israeli rifles": the state that made
  them, its later buyers may have bought elsewhere), nor when a pair reads the seller buying
  too, nor past a named weapon of another make, nor when another state is read selling alone
  ("C sells helicopters": a second source the buyer may deal with).
- A fellow customer is no third party (``pairs._fellow_users``): a state of the later buyer's
  sentence that stands before a verb of operating (the ``operate`` class: "and B already uses
  20") is one more customer of the type, not a party the buyer deals with, and no longer
  keeps the buyer from its seller; another state there still does ("and B protested").
"""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.rules import pairs as pair_reader
from worker.transforms.tag import Tagger

LATER_BUYERS = [
    (
        "de",
        "Die Regierung in Berlin genehmigt Rüstungsexporte nach Katar. Algerien bekommt zudem "
        "40 Gewehre.",
        {("QAT", "DEU"), ("DZA", "DEU")},
    ),
    (
        "it",
        "Il governo italiano ha autorizzato l'esportazione di armi al Qatar. L'Algeria riceverà "
        "inoltre 40 fucili.",
        {("QAT", "ITA"), ("DZA", "ITA")},
    ),
    (
        "fr",
        "Le gouvernement français a autorisé des exportations d'armes vers le Qatar. L'Algérie "
        "recevra aussi 40 fusils.",
        {("QAT", "FRA"), ("DZA", "FRA")},
    ),
    (
        "es",
        "El gobierno español autorizó exportaciones de armas a Qatar. Argelia recibirá además "
        "40 fusiles.",
        {("QAT", "ESP"), ("DZA", "ESP")},
    ),
    (
        "pt",
        "O governo português autorizou exportações de armas para o Catar. A Argélia receberá "
        "ainda 40 fuzis.",
        {("QAT", "PRT"), ("DZA", "PRT")},
    ),
    (
        "pl",
        "Rząd Niemiec zatwierdził eksport broni do Kataru. Algieria otrzyma też 40 karabinów.",
        {("QAT", "DEU"), ("DZA", "DEU")},
    ),
]


@pytest.mark.parametrize(("lang", "body", "want"), LATER_BUYERS)
def test_later_buyer_of_the_one_seller(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, want: set
) -> None:
    assert pairs(tagger, rules, lang, body) == want


def test_later_buyer_needs_the_switch(
    tagger: Tagger, rules: RuleSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the fill the later buyer reads no seller (the base reading)."""
    monkeypatch.setattr(pair_reader, "LATER_BUYERS_NO_MAKER", False)
    lang, body, _ = LATER_BUYERS[0]
    assert pairs(tagger, rules, lang, body) == {("QAT", "DEU")}


NOT_LATER_BUYERS = [
    # another state read selling alone: the later buyer's source is open
    (
        "es",
        "El gobierno español autorizó exportaciones de armas a Qatar. Argelia recibirá además "
        "40 fusiles. Francia vende helicópteros.",
        {("QAT", "ESP")},
    ),
    (
        "de",
        "Die Regierung in Berlin genehmigt Rüstungsexporte nach Katar. Algerien bekommt zudem "
        "40 Gewehre. Frankreich verkauft Hubschrauber.",
        {("QAT", "DEU")},
    ),
    # the one seller read only from an adjective on the arms: the maker, not a seller in words
    (
        "es",
        "Marruecos compró fusiles israelíes. Argelia recibirá además 40 fusiles.",
        {("MAR", "ISR")},
    ),
    ("de", "Katar erhielt deutsche Panzer. Algerien bekommt zudem 40 Gewehre.", {("QAT", "DEU")}),
    # a named weapon of another make: its maker sells
    (
        "es",
        "El gobierno español autorizó exportaciones de armas a Qatar. Argelia recibirá además "
        "40 tanques T-72.",
        {("QAT", "ESP"), ("DZA", "RUS")},
    ),
]


@pytest.mark.parametrize(("lang", "body", "want"), NOT_LATER_BUYERS)
def test_no_later_buyer_without_a_seller_in_words(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, want: set
) -> None:
    assert pairs(tagger, rules, lang, body) == want


def _hit(rec: str, sup: str, *cues: tuple[str, str, str]) -> pair_reader.PairHit:
    return pair_reader.PairHit(
        rec, sup, cues=[pair_reader.Cue(r, c, "body", 0, 5, cue) for r, c, cue in cues]
    )


def test_seller_in_words_is_read_selling() -> None:
    """The one seller stands in for later buyers only when a pair reads it selling in words
    (the only other party of a sentence of transfer is one): not as an adjective or the arms'
    origin alone, nor when a pair reads it as a buyer too (a pair read the wrong way round)."""
    approves = ("supplier", "DEU", "X ... {approve} ... {sell_noun}")
    hits = {("QAT", "DEU"): _hit("QAT", "DEU", ("recipient", "QAT", "{to} X"), approves)}
    assert pair_reader._seller_in_words(hits, "DEU") is not None
    weak = [("supplier", "ISR", "XA W="), ("supplier", "ISR", f"{pair_reader.ORIGIN_CUE}Tavor")]
    for cue in weak:
        hits = {("MAR", "ISR"): _hit("MAR", "ISR", ("recipient", "MAR", "X ... {buy}"), cue)}
        assert pair_reader._seller_in_words(hits, "ISR") is None
    both = _hit(
        "BRA", "MRT", ("recipient", "MRT", "X ... {buy}"), ("supplier", "MRT", "X ... {sell}")
    )
    assert pair_reader._seller_in_words({("BRA", "MRT"): both}, "MRT") is None


FELLOW_USERS = [
    (
        "es",
        "El gobierno español autorizó exportaciones de armas a Qatar. Argelia recibirá además "
        "40 fusiles, y Marruecos utiliza ya 20.",
        {("QAT", "ESP"), ("DZA", "ESP")},
    ),
    (
        "fr",
        "Le gouvernement français a autorisé des exportations d'armes vers le Qatar. L'Algérie "
        "recevra aussi 40 fusils et le Maroc en utilise déjà 20.",
        {("QAT", "FRA"), ("DZA", "FRA")},
    ),
    (
        "pt",
        "O governo português autorizou exportações de armas para o Catar. A Argélia receberá "
        "ainda 40 fuzis, e Marrocos já utiliza 20.",
        {("QAT", "PRT"), ("DZA", "PRT")},
    ),
    (
        "it",
        "Il governo italiano ha autorizzato l'esportazione di armi al Qatar. L'Algeria riceverà "
        "inoltre 40 fucili, e il Marocco ne utilizza già 20.",
        {("QAT", "ITA"), ("DZA", "ITA")},
    ),
    (
        "de",
        "Die Regierung in Berlin genehmigt Rüstungsexporte nach Katar. Algerien bekommt zudem "
        "40 Gewehre, und Marokko nutzt bereits 20.",
        {("QAT", "DEU"), ("DZA", "DEU")},
    ),
]


@pytest.mark.parametrize(("lang", "body", "want"), FELLOW_USERS)
def test_fellow_user_is_no_third_party(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, want: set
) -> None:
    assert pairs(tagger, rules, lang, body) == want


def test_fellow_user_needs_the_verb_of_operating(
    tagger: Tagger, rules: RuleSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A third state of another verb keeps the later buyer alone, as does the user when the
    exemption is off."""
    body = (
        "El gobierno español autorizó exportaciones de armas a Qatar. Argelia recibirá además "
        "40 fusiles, y Marruecos protestó."
    )
    assert pairs(tagger, rules, "es", body) == {("QAT", "ESP")}
    monkeypatch.setattr(pair_reader, "_fellow_users", lambda *_: set())
    assert pairs(tagger, rules, "es", FELLOW_USERS[0][1]) == {("QAT", "ESP")}
