"""Silences and maintenance windows (pure): scope, expiry, recurring windows, topic records."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from worker.config import MaintenanceWindow
from worker.model import Alert
from worker.transforms.silences import (
    Silence,
    apply,
    encode,
    new_silence,
    parse_pair,
    silenced_by,
    window_open,
)

NOW = datetime(2026, 12, 6, 1, 30, tzinfo=UTC)  # a Sunday


def alert(rule: str = "arms", pair=("TUR", "RUS"), countries=("TUR", "RUS", "SYR")) -> Alert:
    return Alert(
        key="k",
        rule_id=rule,
        rule_title="",
        article_id="a",
        title="t",
        url=None,
        severity="high",
        countries=list(countries),
        evidence=[],
        matched_at=NOW,
        pair={"recipient": pair[0], "supplier": pair[1]} if pair else None,
    )


def test_scope_rule_pair_country() -> None:
    s = new_silence(rule="arms", pair="tur:rus", duration=timedelta(hours=24), now=NOW)
    assert s.matches(alert())
    assert not s.matches(alert(pair=("RUS", "TUR")))  # direction matters
    assert not s.matches(alert(rule="sanctions"))
    c = new_silence(rule="*", country="SYR", duration=timedelta(hours=1), now=NOW)
    assert c.matches(alert(rule="anything"))
    assert not c.matches(alert(countries=("TUR", "RUS")))


def test_silence_expires() -> None:
    s = new_silence(rule="arms", duration=timedelta(hours=24), now=NOW)
    assert silenced_by(alert(), [s], [], NOW + timedelta(hours=23, minutes=59)) == s.id
    assert silenced_by(alert(), [s], [], NOW + timedelta(hours=24)) is None
    assert silenced_by(alert(), [s], [], NOW - timedelta(seconds=1)) is None


def test_bad_input_is_named() -> None:
    with pytest.raises(ValueError, match="RECIPIENT:SUPPLIER"):
        parse_pair("TURKEY-RUSSIA")
    with pytest.raises(ValueError, match="positive"):
        new_silence(rule="arms", duration=timedelta(0), now=NOW)
    with pytest.raises(ValueError, match="ISO3"):
        new_silence(rule="arms", country="Turkey", duration=timedelta(hours=1), now=NOW)


def test_maintenance_window_recurs_and_crosses_midnight() -> None:
    w = MaintenanceWindow(name="night", days=["sat"], start="23:00", end="03:00", tz="UTC")
    assert window_open(w, NOW)  # Sunday 01:30 is inside Saturday's window
    assert not window_open(w, NOW + timedelta(hours=2))  # 03:30
    assert window_open(w, NOW + timedelta(days=7))  # next week
    assert not window_open(w, NOW + timedelta(days=1))  # Monday 01:30: no Sunday window


def test_maintenance_window_in_its_time_zone() -> None:
    # 02:00-04:00 Berlin on Sundays = 01:00-03:00 UTC in December
    w = MaintenanceWindow(
        name="patch", days=["sun"], start="02:00", end="04:00", tz="Europe/Berlin"
    )
    assert window_open(w, NOW)
    assert not window_open(w, NOW.replace(hour=0, minute=30))
    assert silenced_by(alert(), [], [w], NOW) == "maintenance:patch"
    scoped = MaintenanceWindow(name="p2", start="00:00", end="23:59", rule="other")
    assert silenced_by(alert(), [], [scoped], NOW) is None


def test_records_round_trip_and_tombstone() -> None:
    s = new_silence(
        rule="arms", pair="TUR:RUS", duration=timedelta(hours=2), now=NOW, comment="known deal"
    )
    key, value = encode(s)
    state = apply({}, key, value)
    assert state == {s.id: s}
    assert Silence.from_dict(s.to_dict()) == s
    assert apply(state, key, None) == {}
    with pytest.raises(ValueError, match="not JSON"):
        apply({}, b"x", b"{nope")
    with pytest.raises(ValueError, match=r"without .ends_at."):
        apply({}, b"x", b'{"id": "x", "starts_at": "2026-01-01T00:00:00Z"}')
