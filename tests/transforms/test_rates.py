"""Rate rules (pure): spike against a baseline, first seen in a lookback, flatline; the rule
files' ``rate:`` block."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from worker.model import Alert
from worker.transforms.rates import RateSpec, evaluate, flatline_due, key_values
from worker.transforms.rules import load_rules_lenient

T0 = datetime(2026, 11, 2, tzinfo=UTC)
HOUR = timedelta(hours=1)


def match(n: int = 0, countries=("SRB", "CHN"), pair=None, source="Wire") -> Alert:
    return Alert(
        key=f"k{n}", rule_id="r", rule_title="R", article_id=f"a{n}", title=f"t{n}", url=None,
        severity="high", countries=list(countries), evidence=[], matched_at=T0, source=source,
        pair={"recipient": pair[0], "supplier": pair[1]} if pair else None,
    )  # fmt: skip


def run_spike(spec: RateSpec, times: list[datetime]) -> list[datetime]:
    state, fired = None, []
    for t in times:
        d = evaluate("R", spec, "SRB", match(), state, t)
        state = d.state
        if d.alert is not None:
            fired.append(t)
    return fired


def test_spike_fires_once_when_five_times_the_baseline_is_crossed() -> None:
    spec = RateSpec("spike", key="country", window=HOUR, baseline=timedelta(days=1), min_count=5)
    # a day of background: 2 matches an hour
    background = [T0 + timedelta(minutes=30 * i) for i in range(48)]
    start = T0 + timedelta(hours=24, minutes=5)
    burst = [start + timedelta(minutes=i) for i in range(20)]  # 20 in 20 minutes
    fired = run_spike(spec, background + burst)
    # usual: ~2 per hour, so the 10th match of the burst (plus the last background one in the
    # window) crosses 5x; then quiet for an hour
    assert len(fired) == 1
    assert start + timedelta(minutes=7) <= fired[0] <= start + timedelta(minutes=10)


def test_no_spike_without_history_or_below_the_minimum() -> None:
    spec = RateSpec("spike", window=HOUR, baseline=timedelta(days=1), min_count=5)
    # a burst with no history before it: no baseline yet, nothing to compare with
    assert run_spike(spec, [T0 + timedelta(minutes=i) for i in range(30)]) == []
    quiet = [T0 + timedelta(hours=3 * i) for i in range(10)]  # rare key
    few = [quiet[-1] + timedelta(minutes=10 + i) for i in range(3)]  # 3 > 5x, but < min_count
    assert run_spike(RateSpec("spike", window=HOUR, min_count=5), quiet + few) == []


def test_steady_traffic_never_spikes() -> None:
    spec = RateSpec("spike", window=HOUR, baseline=timedelta(days=1), min_count=3)
    steady = [T0 + timedelta(minutes=6 * i) for i in range(24 * 10 * 2)]  # 10/h for 2 days
    assert run_spike(spec, steady) == []


def test_first_seen_in_lookback() -> None:
    spec = RateSpec("first_seen", key="pair", lookback=timedelta(days=90))
    state = None
    out = []
    for t in (T0, T0 + timedelta(days=10), T0 + timedelta(days=101), T0 + timedelta(days=102)):
        d = evaluate("R", spec, "SRB<-CHN", match(pair=("SRB", "CHN")), state, t)
        state = d.state
        out.append(d.alert is not None)
    assert out == [True, False, True, False]


def test_first_seen_alert_carries_the_counts_in_evidence() -> None:
    spec = RateSpec("first_seen", key="pair")
    d = evaluate("Serbia buys", spec, "SRB<-CHN", match(pair=("SRB", "CHN")), None, T0)
    assert d.alert is not None and d.alert.evidence[0].term.startswith("first match for SRB<-CHN")
    assert d.alert.key.startswith("r:first_seen:") and d.alert.title.startswith("Serbia buys: ")


def test_flatline_once_per_silence() -> None:
    spec = RateSpec("flatline", key="source", window=timedelta(hours=6))
    d = evaluate("Feed alive", spec, "Wire", match(), None, T0)
    assert d.alert is None
    assert flatline_due("r", spec, d.state, T0 + timedelta(hours=5)) is None
    due = flatline_due("r", spec, d.state, T0 + timedelta(hours=6))
    assert (
        due is not None and due.alert is not None and "no match for Wire for 6h" in due.alert.title
    )
    assert flatline_due("r", spec, due.state, T0 + timedelta(hours=9)) is None  # once
    alive = evaluate("Feed alive", spec, "Wire", match(), due.state, T0 + timedelta(hours=10))
    assert flatline_due("r", spec, alive.state, T0 + timedelta(hours=17)) is not None


def test_key_values() -> None:
    a = match(countries=("SRB", "CHN", "SRB"), pair=("SRB", "CHN"))
    assert key_values(a, "country") == ["SRB", "CHN"]
    assert key_values(a, "pair") == ["SRB<-CHN"]
    assert key_values(a, "rule") == ["*"]
    assert key_values(a, "source") == ["Wire"]


@pytest.mark.parametrize(
    ("rate", "error"),
    [
        ("{kind: spike, key: country}", "counts per pair"),
        ("{kind: spike, key: rule}", "counts per pair, not per rule"),
        ("{kind: burst}", "is not one of"),
        ("{kind: spike, window: 2h, baseline: 1h}", "baseline must be at least one window"),
    ],
)
def test_rate_block_errors(tmp_path, rate: str, error: str) -> None:
    (tmp_path / "r.yaml").write_text(
        f"id: r\ntitle: t\nquery: wheat\npair: {{any: true}}\nrate: {rate}\n"
    )
    _, errors = load_rules_lenient(tmp_path)
    assert errors and error in str(errors[0]), errors


def test_rate_block_loads(tmp_path) -> None:
    (tmp_path / "r.yaml").write_text(
        "id: r\ntitle: t\nquery: wheat\n"
        "rate: {kind: spike, key: country, window: 30m, baseline: 3d, factor: 4, min_count: 3}\n"
    )
    rules, errors = load_rules_lenient(tmp_path)
    assert errors == []
    spec = rules.get("r").rate
    assert spec == RateSpec("spike", "country", timedelta(minutes=30), timedelta(days=3), 4.0, 3)


def test_a_late_old_match_counts_for_the_baseline_not_the_window() -> None:
    spec = RateSpec("spike", window=HOUR, baseline=timedelta(days=1), min_count=3, factor=3)
    background = [T0 + timedelta(hours=i) for i in range(24)]  # 1 an hour
    now = T0 + timedelta(hours=24, minutes=30)
    late = [T0 + timedelta(hours=5, minutes=m) for m in range(1, 6)]  # arrive now, from 5 am
    assert run_spike(spec, [*background, now, *late]) == []
