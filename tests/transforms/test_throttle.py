"""The pure throttle transform: per-key dedupe, per-group windows, digests per target."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from worker.model import Alert
from worker.transforms.throttle import (
    DIGEST_MAX_ITEMS,
    decide,
    drop_delivered,
    due_digests,
    mark_target,
    throttle_group,
)

T0 = datetime(2017, 9, 28, 10, 15, tzinfo=UTC)
H6 = timedelta(hours=6)
KEY_WINDOW = timedelta(days=30)


def alert(key: str = "k1", pair: tuple[str, str] | None = ("TUR", "RUS"), rule="arms") -> Alert:
    return Alert(
        key=key,
        rule_id=rule,
        rule_title="Arms",
        article_id=f"a-{key}",
        title=f"story {key}",
        url=f"https://news.example/{key}",
        severity="high",
        countries=["TUR", "RUS"],
        evidence=[],
        matched_at=T0,
        pair={"recipient": pair[0], "supplier": pair[1]} if pair else None,
    )


def run(a: Alert, keys: dict, groups: dict, now: datetime, window=H6, targets=("slack",)):
    d = decide(
        a,
        list(targets),
        keys.get(a.key),
        groups.get(throttle_group(a)),
        now,
        window=window,
        key_window=KEY_WINDOW,
    )
    if d.key_state is not None:
        keys[a.key] = d.key_state
    groups[throttle_group(a)] = d.group_state
    return d


def test_group_is_rule_and_ordered_pair():
    assert throttle_group(alert()) == "arms|TUR<-RUS"
    assert throttle_group(alert(pair=("RUS", "TUR"))) == "arms|RUS<-TUR"
    assert throttle_group(alert(pair=None)) == "arms|-"


def test_first_alert_sends_and_opens_window():
    keys, groups = {}, {}
    d = run(alert(), keys, groups, T0)
    assert (d.action, d.reason, d.targets) == ("send", "new", ["slack"])
    assert groups["arms|TUR<-RUS"]["window_end"] == "2017-09-28T16:15:00Z"
    assert keys["k1"]["targets"] == {"slack": {"status": "pending"}}


def test_same_key_again_is_a_duplicate_once_delivered():
    keys, groups = {}, {}
    run(alert(), keys, groups, T0)
    keys["k1"] = mark_target(keys["k1"], "slack", {"status": "delivered"})
    d = run(alert(), keys, groups, T0 + timedelta(minutes=1))
    assert (d.action, d.reason) == ("suppress", "duplicate")


def test_pending_key_is_resumed_after_a_crash_not_throttled_by_its_own_window():
    keys, groups = {}, {}
    run(alert(), keys, groups, T0, targets=("slack", "mail"))
    keys["k1"] = mark_target(keys["k1"], "slack", {"status": "delivered"})
    d = run(alert(), keys, groups, T0 + timedelta(seconds=5), targets=("slack", "mail"))
    assert (d.action, d.reason, d.targets) == ("send", "resume", ["mail"])


def test_second_story_in_window_goes_to_digest_and_then_is_a_duplicate():
    keys, groups = {}, {}
    run(alert("k1"), keys, groups, T0)
    d = run(alert("k2"), keys, groups, T0 + timedelta(hours=1))
    assert (d.action, d.reason) == ("digest", "throttled")
    assert [i["key"] for i in groups["arms|TUR<-RUS"]["pending"]] == ["k2"]
    again = run(alert("k2"), keys, groups, T0 + timedelta(hours=2))
    assert again.action == "suppress"
    assert len(groups["arms|TUR<-RUS"]["pending"]) == 1


def test_other_pair_or_no_throttle_is_not_held_back():
    keys, groups = {}, {}
    run(alert("k1"), keys, groups, T0)
    assert run(alert("k2", pair=("IND", "RUS")), keys, groups, T0).action == "send"
    d = run(alert("k3"), keys, groups, T0 + timedelta(minutes=5), window=None)
    assert (d.action, d.reason) == ("send", "no_throttle")


def test_window_end_opens_a_new_window():
    keys, groups = {}, {}
    run(alert("k1"), keys, groups, T0)
    d = run(alert("k2"), keys, groups, T0 + H6)
    assert (d.action, d.reason) == ("send", "new")


def test_key_window_expiry_allows_a_new_notification():
    keys, groups = {}, {}
    run(alert("k1"), keys, groups, T0)
    keys["k1"] = mark_target(keys["k1"], "slack", {"status": "delivered"})
    assert run(alert("k1"), keys, groups, T0 + KEY_WINDOW).action == "send"


def test_inputs_are_not_mutated():
    keys, groups = {}, {}
    run(alert("k1"), keys, groups, T0)
    before_g = {**groups["arms|TUR<-RUS"], "pending": list(groups["arms|TUR<-RUS"]["pending"])}
    decide(
        alert("k2"),
        ["slack"],
        None,
        groups["arms|TUR<-RUS"],
        T0 + timedelta(hours=1),
        window=H6,
        key_window=KEY_WINDOW,
    )
    assert groups["arms|TUR<-RUS"] == before_g


def test_digest_is_due_at_window_end_per_target_schedule():
    keys, groups = {}, {}
    run(alert("k1"), keys, groups, T0, targets=("slack", "mail"))
    run(alert("k2"), keys, groups, T0 + timedelta(minutes=20), targets=("slack", "mail"))
    gs = groups["arms|TUR<-RUS"]
    sched = {"slack": "window", "mail": "hourly"}.get
    # 11:00 closes the hourly bucket of an alert from 10:35; the window runs until 16:15.
    early = due_digests(gs, datetime(2017, 9, 28, 10, 59, tzinfo=UTC), sched)
    assert early.by_target == {}
    hourly = due_digests(gs, datetime(2017, 9, 28, 11, 0, tzinfo=UTC), sched)
    assert list(hourly.by_target) == ["mail"]
    assert [i["key"] for i in hourly.by_target["mail"]] == ["k2"]
    assert hourly.group_state["pending"][0]["targets"] == ["slack"]
    at_end = due_digests(hourly.group_state, T0 + H6, sched)
    assert list(at_end.by_target) == ["slack"]
    assert at_end.group_state["pending"] == []


def test_daily_bucket_and_drop_delivered():
    keys, groups = {}, {}
    run(alert("k1"), keys, groups, T0)
    run(alert("k2"), keys, groups, T0 + timedelta(hours=2))
    gs = groups["arms|TUR<-RUS"]
    sched = {"slack": "daily"}.get
    assert due_digests(gs, T0 + H6 + timedelta(hours=1), sched).by_target == {}
    due = due_digests(gs, datetime(2017, 9, 29, tzinfo=UTC), sched)
    assert [i["key"] for i in due.by_target["slack"]] == ["k2"]
    assert drop_delivered(gs, "slack", {"k2"})["pending"] == []
    assert drop_delivered(gs, "mail", {"k2"})["pending"] == gs["pending"]


def test_digest_state_is_bounded():
    keys, groups = {}, {}
    run(alert("k0"), keys, groups, T0)
    for n in range(1, DIGEST_MAX_ITEMS + 11):
        run(alert(f"k{n}"), keys, groups, T0 + timedelta(seconds=n))
    gs = groups["arms|TUR<-RUS"]
    assert len(gs["pending"]) == DIGEST_MAX_ITEMS and gs["overflow"] == 10
    due = due_digests(gs, T0 + H6, {"slack": "window"}.get)
    assert len(due.by_target["slack"]) == DIGEST_MAX_ITEMS and due.overflow == 10


def test_window_opener_whose_key_record_was_lost_is_sent_again_not_throttled():
    keys, groups = {}, {}
    run(alert("k1"), keys, groups, T0)
    del keys["k1"]  # the crash lost the key record but not the group's
    d = run(alert("k1"), keys, groups, T0 + timedelta(seconds=30))
    assert (d.action, d.reason) == ("send", "resume")


def test_delivery_and_throttle_records_expire_with_their_windows():
    """Issue 14: the tables hold a window, not the deployment's history."""
    from worker.transforms.throttle import group_finished, sweep_plan

    keys: dict = {}
    groups: dict = {}
    run(alert("k1"), keys, groups, T0)  # opens the TUR<-RUS window
    run(alert("k2"), keys, groups, T0 + timedelta(hours=1))  # a follower, kept for the digest
    run(alert("k3", pair=None, rule="other"), keys, groups, T0, window=None)
    group = throttle_group(alert("k1"))
    assert not group_finished(groups[group], T0 + 2 * H6)  # its digest is still waiting
    digest = due_digests(groups[group], T0 + H6, lambda t: "window")
    groups[group] = drop_delivered(groups[group], "slack", {"k2"})
    assert digest.by_target and group_finished(groups[group], T0 + H6)
    assert not group_finished({**groups[group], "pending": []}, T0 + H6 / 2)  # window open

    later = T0 + KEY_WINDOW + timedelta(hours=2)
    plan = sweep_plan(keys.items(), groups.items(), T0 + H6, KEY_WINDOW)
    assert plan == {group: [], throttle_group(alert("k3", pair=None, rule="other")): []}
    plan = sweep_plan(keys.items(), groups.items(), later, KEY_WINDOW)
    assert sorted(plan[group]) == ["k1", "k2"]
    assert plan["other|-"] == ["k3"]


def test_the_dispatcher_deletes_only_what_is_still_expired():
    import asyncio

    from worker.config import DeliverySettings
    from worker.sinks.dispatch import DictStore, Dispatcher

    clock = {"now": T0}
    d = Dispatcher(
        {},
        DeliverySettings(key_window="30d"),
        throttle_for=lambda r: H6,
        clock=lambda: clock["now"],
    )
    store = DictStore()
    asyncio.run(d.handle_alert(alert("k1"), store))
    asyncio.run(d.handle_alert(alert("k2"), store))
    group = throttle_group(alert("k1"))
    assert set(store.keys) == {"k1", "k2"} and group in store.groups

    clock["now"] = T0 + KEY_WINDOW + timedelta(hours=1)
    plan = d.sweep_plan(list(store.keys.items()), list(store.groups.items()))
    assert sorted(plan[group]) == ["k1", "k2"]
    # k1 comes again between the plan and the sweep: a new record, which must stay
    asyncio.run(d.handle_alert(alert("k1"), store))
    assert asyncio.run(d.handle_sweep(group, plan[group], store)) == 1
    assert set(store.keys) == {"k1"} and group in store.groups  # a record in a fresh window
    assert asyncio.run(d.handle_sweep(group, plan[group], store)) == 0  # idempotent
