"""Issue 13, Romance languages (2026-12-06, afternoon): an approval still ahead ("must still
approve", "will approve") tells talks, not a sale agreed; a past approval stays agreed. Every
sentence is our own, written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from worker.model import Article
from worker.pipeline import analyse
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

NOW = datetime(2026, 12, 5, tzinfo=UTC)


def statuses(tagger: Tagger, rules: RuleSet, lang: str, body: str) -> set[str | None]:
    art = Article(id="t", title="", body=body, language=lang)
    _, alerts = analyse(art, tagger, rules, NOW)
    return {a.pair.get("status") for a in alerts if a.rule_id == "arms-transfer-pair"}


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("es", "El Congreso de España deberá aprobar la venta de fragatas a Marruecos."),
        ("pt", "O governo alemão deverá aprovar a venda de blindados ao Brasil."),
        ("fr", "Le gouvernement français doit encore approuver la vente de Rafale à l'Inde."),
        ("fr", "Le Parlement approuvera la vente de Rafale à l'Inde."),
        ("it", "Il governo italiano approverà la vendita di fregate all'Egitto."),
    ],
)
def test_an_approval_still_ahead_is_talks(
    tagger: Tagger, rules: RuleSet, lang: str, body: str
) -> None:
    assert statuses(tagger, rules, lang, body) == {"talks"}


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("es", "El Gobierno de España aprobó la venta de fragatas a Marruecos."),
        ("pt", "O governo alemão aprovou a venda de blindados ao Brasil."),
        ("fr", "Le gouvernement français a approuvé la vente de Rafale à l'Inde."),
        ("it", "Il governo italiano ha approvato la vendita di fregate all'Egitto."),
    ],
)
def test_a_past_approval_stays_agreed(tagger: Tagger, rules: RuleSet, lang: str, body: str) -> None:
    assert statuses(tagger, rules, lang, body) == {"agreed"}


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("fr", "La demande a été approuvée : Paris livrera douze Rafale à l'Inde."),
        ("pt", "A solicitação foi aprovada e o Brasil venderá blindados à Argentina."),
        ("es", "La solicitud fue aprobada, así que España venderá fragatas a Marruecos."),
        ("it", "La richiesta è stata approvata e l'Italia venderà fregate all'Egitto."),
    ],
)
def test_a_request_already_approved_is_agreed(
    tagger: Tagger, rules: RuleSet, lang: str, body: str
) -> None:
    # the request noun before a passive approval ("was approved") is the approval's subject,
    # granted: the sale is agreed, not asked for
    assert statuses(tagger, rules, lang, body) == {"agreed"}


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("fr", "La France a déposé une demande d'autorisation pour vendre des Rafale à l'Inde."),
        ("pt", "O Brasil fez uma solicitação de autorização para vender blindados à Argentina."),
        ("es", "España presentó una solicitud de autorización para vender fragatas a Marruecos."),
        ("it", "L'Italia presenta una richiesta di autorizzazione per vendere navi all'Egitto."),
    ],
)
def test_a_request_for_approval_is_talks(
    tagger: Tagger, rules: RuleSet, lang: str, body: str
) -> None:
    # the approval is what is asked for: still ahead
    assert statuses(tagger, rules, lang, body) == {"talks"}
