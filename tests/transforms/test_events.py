"""The pure events transform: one event per rule × pair × weapon within a window, status
changes as linked alerts, updates with outlets and counts, thresholds per target."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from jsonschema import Draft202012Validator

from worker.model import Alert
from worker.transforms.events import (
    EventDecision,
    assign,
    clear_pending_update,
    event_id,
    expiry_plan,
    followup_text,
    outlet,
    pending_target_done,
    prune,
    quiet,
    state_group,
    state_key,
    update_due,
)

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
WINDOW = timedelta(days=14)
ALERT_SCHEMA = Draft202012Validator(
    json.loads((Path(__file__).parents[2] / "schemas/alert.schema.json").read_text())
)


def report(
    n: int,
    *,
    at: datetime = T0,
    weapon: str | None = "s-400",
    status: str | None = "talks",
    pair: tuple[str, str] | None = ("TUR", "RUS"),
    domain: str = "outlet{n}.example",
    rule: str = "arms",
    key: str | None = None,
) -> Alert:
    p = None
    if pair is not None:
        p = {"recipient": pair[0], "supplier": pair[1]}
        if weapon:
            p["weapon"] = weapon
        if status:
            p["status"] = status
    return Alert(
        key=key or f"{rule}:story{n}",
        rule_id=rule,
        rule_title="Arms",
        article_id=f"art-{n}",
        title=f"report {n}",
        url=f"https://www.{domain.format(n=n)}/news/{n}",
        severity="high",
        countries=["TUR", "RUS"],
        evidence=[],
        matched_at=at + timedelta(minutes=5),
        pair=p,
        published_at=at,
    )


def feed(alerts: list[Alert], window: timedelta = WINDOW) -> list[EventDecision]:
    states: dict[str, dict] = {}
    out = []
    for a in alerts:
        d = assign(a, states.get(state_key(a)), window=window)
        states[state_key(a)] = d.state
        out.append(d)
    return out


def test_three_outlets_one_event_one_alert_two_updates() -> None:
    ds = feed([report(i, at=T0 + timedelta(hours=i)) for i in range(3)])
    assert [d.kind for d in ds] == ["new", "update", "update"]
    assert len({d.alert.event_id for d in ds}) == 1
    assert len({d.alert.key for d in ds}) == 1  # updates update the first alert's document
    last = ds[-1].event
    assert last["count"] == 3
    assert last["outlets"] == ["outlet0.example", "outlet1.example", "outlet2.example"]
    assert last["article_ids"] == ["art-0", "art-1", "art-2"]
    assert last["first_seen"] == "2026-11-02T09:00:00Z"
    assert last["last_seen"] == "2026-11-02T11:00:00Z"
    assert followup_text(last) == "now reported by 3 outlets; status: talks"


def test_event_id_is_identity_and_first_report_time() -> None:
    (d,) = feed([report(0)])
    assert d.alert.event_id == event_id("arms|TUR<-RUS|s-400", T0)
    # the same input replayed gives the same id (stream, replay and backtest agree)
    (again,) = feed([report(0)])
    assert again.alert.event_id == d.alert.event_id


def test_status_forward_is_a_new_linked_alert() -> None:
    ds = feed(
        [
            report(0, status="talks"),
            report(1, at=T0 + timedelta(days=2), status="agreed"),
            report(2, at=T0 + timedelta(days=3), status="talks"),  # background, not news
            report(3, at=T0 + timedelta(days=9), status="delivered"),
        ]
    )
    assert [d.kind for d in ds] == ["new", "status", "update", "status"]
    assert len({d.alert.event_id for d in ds}) == 1
    assert ds[1].alert.previous_status == "talks"
    assert ds[3].alert.previous_status == "agreed"
    keys = [d.alert.key for d in ds]
    assert keys[0] != keys[1] and keys[1] == keys[2] and keys[3] not in keys[:3]
    assert ds[2].alert.pair["status"] == "agreed"  # the event's status, not the background's
    assert [s["status"] for s in ds[3].event["statuses"]] == ["talks", "agreed", "delivered"]


def test_cancellation_after_any_stage_is_news() -> None:
    ds = feed([report(0, status="delivered"), report(1, status="cancelled")])
    assert [d.kind for d in ds] == ["new", "status"]


def test_unknown_status_then_known_is_an_update_that_sets_it() -> None:
    ds = feed([report(0, status=None), report(1, status="agreed")])
    assert [d.kind for d in ds] == ["new", "update"]
    assert ds[1].status_changed and ds[1].event["status"] == "agreed"
    assert update_due(ds[1], [])  # email/webhook hear of a status change


def test_quiet_window_opens_a_new_event() -> None:
    ds = feed(
        [
            report(0),
            report(1, at=T0 + timedelta(days=13)),  # within 14 days of the last report
            report(2, at=T0 + timedelta(days=26)),  # still within 14 days of the last one
            report(3, at=T0 + timedelta(days=41)),  # 15 days of silence: a new deal
        ]
    )
    assert [d.kind for d in ds] == ["new", "update", "update", "new"]
    assert ds[3].alert.event_id != ds[0].alert.event_id


def test_other_weapon_other_pair_other_direction_are_other_events() -> None:
    ds = feed(
        [
            report(0),
            report(1, weapon="su-35"),
            report(2, pair=("RUS", "TUR")),
            report(3, pair=("IND", "RUS")),
        ]
    )
    assert [d.kind for d in ds] == ["new"] * 4
    assert len({d.alert.event_id for d in ds}) == 4


def test_report_without_weapon_joins_the_pairs_only_open_event() -> None:
    ds = feed([report(0), report(1, weapon=None)])
    assert [d.kind for d in ds] == ["new", "update"]
    # with two open events for the pair it cannot tell which: its own event
    ds = feed([report(0), report(1, weapon="su-35"), report(2, weapon=None)])
    assert [d.kind for d in ds] == ["new", "new", "new"]


def test_redelivered_article_is_a_duplicate_and_counts_once() -> None:
    ds = feed([report(0), report(1), report(1)])
    assert [d.kind for d in ds] == ["new", "update", "duplicate"]
    assert ds[2].event["count"] == 2


def test_redelivered_update_never_confirmed_sent_is_resumed_once() -> None:
    # The worker stored report 2's event state, then stopped before the update went out: the
    # re-delivered report is a duplicate (it counts once) that still owes its update.
    ds = feed([report(i, at=T0 + timedelta(hours=i)) for i in range(3)])
    state = ds[2].state
    again = assign(report(2, at=T0 + timedelta(hours=2)), state, window=WINDOW)
    assert again.kind == "duplicate" and again.resume_update
    assert again.event["count"] == 3
    assert update_due(again, [3])  # the 3rd report's threshold, as the first time
    assert not update_due(again, [2])  # the 2nd report's update is not repeated

    # Once the deliver stage confirms it sent, a re-delivery owes nothing.
    cleared = clear_pending_update(state, ds[2].alert.event_id or "")
    assert cleared is not None
    late = assign(report(2, at=T0 + timedelta(hours=2)), cleared, window=WINDOW)
    assert late.kind == "duplicate" and not late.resume_update
    assert not update_due(late, [3])
    assert (
        clear_pending_update(cleared, ds[2].alert.event_id or "") is None
    )  # nothing left to clear
    # an earlier report of the event re-delivered owes nothing either (its update was sent
    # before the next report was stored)
    early = assign(report(1, at=T0 + timedelta(hours=1)), state, window=WINDOW)
    assert early.kind == "duplicate" and not early.resume_update


def test_targets_done_are_kept_with_the_pending_update() -> None:
    ds = feed([report(0), report(1)])
    ev_id = ds[1].alert.event_id or ""
    state = pending_target_done(ds[1].state, ev_id, "slack-desk")
    state = pending_target_done(state, ev_id, "slack-desk")  # once, however often recorded
    again = assign(report(1), state, window=WINDOW)
    assert again.resume_update and again.targets_done == ("slack-desk",)
    assert ds[1].targets_done == ()  # a fresh update owes every target
    # no pending update: nothing to record, the state is returned as it was
    cleared = clear_pending_update(state, ev_id)
    assert cleared is not None
    assert pending_target_done(cleared, ev_id, "mail") == cleared


def test_a_status_change_needs_no_pending_update() -> None:
    # a status change is a new alert, resumed by the dispatcher's delivery records
    ds = feed([report(0), report(1), report(2, status="delivered")])
    assert ds[2].kind == "status"
    assert clear_pending_update(ds[2].state, ds[2].alert.event_id or "") is None


def test_out_of_order_report_widens_first_seen() -> None:
    ds = feed([report(0, at=T0 + timedelta(days=3)), report(1, at=T0)])
    assert ds[1].kind == "update"
    assert ds[1].event["first_seen"] == "2026-11-02T09:00:00Z"
    assert ds[1].event["last_seen"] == "2026-11-05T09:00:00Z"


def test_non_pair_rules_group_by_story() -> None:
    ds = feed(
        [
            report(0, pair=None, rule="sanctions", key="sanctions:storyA"),
            report(1, pair=None, rule="sanctions", key="sanctions:storyA"),  # a copy
            report(2, pair=None, rule="sanctions", key="sanctions:storyB"),
        ]
    )
    assert [d.kind for d in ds] == ["new", "update", "new"]
    assert ds[0].alert.pair is None


def test_same_outlet_twice_counts_reports_not_outlets() -> None:
    ds = feed([report(0, domain="same.example"), report(1, domain="same.example")])
    assert ds[1].event["count"] == 2
    assert ds[1].event["outlets"] == ["same.example"]
    assert followup_text(ds[1].event) == "now reported by 1 outlet; status: talks"


def test_update_due_at_thresholds_once() -> None:
    ds = feed([report(i, at=T0 + timedelta(hours=i)) for i in range(12)])
    due = [i for i, d in enumerate(ds) if update_due(d, [3, 10])]
    assert due == [2, 9]  # the 3rd and the 10th report
    assert not any(update_due(d, []) for d in ds)  # no thresholds: status changes only
    assert not update_due(ds[0], [1])  # the first report is the alert itself


def test_outlet_from_url_else_source() -> None:
    a = report(0)
    assert outlet(a) == "outlet0.example"
    b = Alert(**{**_fields(a), "url": None, "source": "Wire Service"})
    assert outlet(b) == "Wire Service"


def test_future_publication_time_is_not_believed() -> None:
    a = report(0)
    a.published_at = a.matched_at + timedelta(days=30)
    (d,) = feed([a])
    assert d.event["first_seen"] == "2026-11-02T09:05:00Z"


def test_prune_drops_quiet_events_only() -> None:
    ds = feed([report(0), report(1, weapon="su-35", at=T0 + timedelta(days=10))])
    kept = prune(ds[-1].state, T0 + timedelta(days=20), WINDOW)
    assert list(kept["events"]) == ["su-35"]


def test_a_state_is_quiet_after_two_windows_of_its_last_report_only() -> None:
    """Non-pair rules open one state per story, so states must expire (issue 14: the events
    table grew without bound). The last report of any event in the state counts, and a late
    report inside the second window still finds its event."""
    ds = feed([report(0), report(1, weapon="su-35", at=T0 + timedelta(days=10))])
    state = ds[-1].state
    assert not quiet(state, T0 + timedelta(days=10) + 2 * WINDOW - timedelta(hours=1), WINDOW)
    assert quiet(state, T0 + timedelta(days=10) + 2 * WINDOW + timedelta(hours=1), WINDOW)
    rate_state = {"counts": {}, "group": "g"}  # spike/first_seen keep their own lookback
    assert not quiet(rate_state, T0 + timedelta(days=999), WINDOW) and not quiet(None, T0, WINDOW)


def test_expiry_plan_routes_quiet_states_to_the_group_that_holds_them() -> None:
    (a,) = feed([report(0, pair=None, rule="sanctions", key="sanctions:storyA")])
    (b,) = feed([report(1, pair=None, rule="sanctions", key="sanctions:storyB", at=T0 + WINDOW)])
    (c,) = feed([report(2)])
    items = [
        ("sanctions|story:sanctions:storyA", {**a.state, "group": "sanctions|-"}),
        ("sanctions|story:sanctions:storyB", {**b.state, "group": "sanctions|-"}),
        # written by a release that stored no group: derived from the key
        ("sanctions|story:sanctions:storyC", a.state),
        ("arms|TUR<-RUS", c.state),
    ]
    now = T0 + 2 * WINDOW + timedelta(days=1)  # A, C and the pair are quiet; B is not
    assert expiry_plan(items, now, WINDOW) == {
        "sanctions|-": ["sanctions|story:sanctions:storyA", "sanctions|story:sanctions:storyC"],
        "arms|TUR<-RUS": ["arms|TUR<-RUS"],
    }
    assert state_group("arms|TUR<-RUS") == "arms|TUR<-RUS"


def test_a_backfilled_state_is_not_quiet_while_it_is_being_written() -> None:
    """A backfill writes states whose reports are months old; the wall-clock time of the last
    write keeps them until two windows after it (review: deleted within the hour before)."""
    (d,) = feed([report(0)])
    now = T0 + timedelta(days=200)
    assert quiet(d.state, now, WINDOW)  # by its reports alone
    touched = {**d.state, "touched_at": "2027-05-20T00:00:00Z"}
    assert not quiet(touched, datetime(2027, 5, 21, tzinfo=UTC), WINDOW)
    assert quiet(
        touched, datetime(2027, 5, 20, tzinfo=UTC) + 2 * WINDOW + timedelta(hours=1), WINDOW
    )


def test_event_alerts_match_the_alert_schema_and_round_trip() -> None:
    ds = feed([report(0), report(1, status="agreed"), report(2)])
    for d in ds:
        doc = d.alert.to_dict()
        errors = [e.message for e in ALERT_SCHEMA.iter_errors(doc)]
        assert errors == []
        assert Alert.from_dict(doc).to_dict() == doc
    assert ds[1].alert.to_dict()["previous_status"] == "talks"


def test_inputs_are_not_modified() -> None:
    (d0,) = feed([report(0)])
    frozen = json.dumps(d0.state, sort_keys=True)
    assign(report(1), d0.state, window=WINDOW)
    assert json.dumps(d0.state, sort_keys=True) == frozen


def _fields(a: Alert) -> dict:
    return {f: getattr(a, f) for f in a.__slots__}  # type: ignore[attr-defined]


def test_agreed_and_ordered_are_one_stage() -> None:
    ds = feed([report(0, status="agreed"), report(1, status="ordered"), report(2, status="agreed")])
    assert [d.kind for d in ds] == ["new", "update", "update"]
    assert ds[-1].event["status"] == "agreed"
