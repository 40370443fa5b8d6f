"""The backtest tally (pure): events grouped as in the stream; rate rules counted as rates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from worker.backtest import Tally, compare
from worker.model import Alert
from worker.transforms.rates import RateSpec

T0 = datetime(2026, 11, 2, tzinfo=UTC)


def alert(n: int, rule: str = "arms", status: str = "talks", countries=("TUR",)) -> Alert:
    return Alert(
        key=f"{rule}:s{n}", rule_id=rule, rule_title=rule, article_id=f"a{n}", title="t",
        url=f"https://o{n}.example/x", severity="high", countries=list(countries), evidence=[],
        matched_at=T0 + timedelta(hours=n), published_at=T0 + timedelta(hours=n),
        pair={"recipient": "TUR", "supplier": "RUS", "weapon": "s-400", "status": status}
        if rule == "arms" else None,
    )  # fmt: skip


def test_events_and_rates_and_the_comparison() -> None:
    rates = {"wheat-first": RateSpec("first_seen", key="country")}
    cand = Tally(timedelta(days=14), rates.get)
    act = Tally(timedelta(days=14))
    arms = [alert(0), alert(1), alert(2, status="agreed")]
    wheat = [alert(10 + i, rule="wheat-first", countries=c) for i, c in
             enumerate([("EGY",), ("EGY",), ("BRA", "EGY")])]  # fmt: skip
    cand.add(arms + wheat)
    act.add(arms[:1])
    rows = {r.rule_id: r for r in compare(cand, act)}
    a = rows["arms"]
    assert (a.matches, a.alerts, a.updates, a.events, a.added, a.removed) == (3, 2, 1, 1, 1, 0)
    w = rows["wheat-first"]
    assert (w.matches, w.alerts) == (3, 2)  # EGY once, BRA once
    assert w.per_day == {"2026-11-02": 2}
