"""Alerts per event on a generated week of news with known events.

    python bench/bench_events.py                     # 20 events, 2-6 outlets per status
    python bench/bench_events.py --events 40 --seed 7

A week of raw items (worker/synth.py ``make_event_week``): arms-transfer events, each a
(recipient, supplier, weapon) with a status history (talks; talks → agreed; agreed → delivered;
talks → cancelled), every status reported by several outlets in their own words, mixed with
neutral filler, in publication order. Every item goes through the product path in-process
(clean → tag → match with the shipped rule pack) and then the events transform
(worker/transforms/events.py) with the default 14-day window.

Prints, per event: reports, alerts raised (``new`` + ``status``), the target (1 + status
changes), updates, and the statuses the alerts carried; then totals: events on target, events
split (more alerts than the target), events missed (no alert), and alerts from reports the
truth does not expect (filler). An event "splits" when its reports land in two event ids; an
event with more alerts than its target because the matcher read a status the sentence does not
give is counted too, and shown in the table.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rich.console import Console
from rich.table import Table

from worker.synth import make_event_week
from worker.transforms.clean import clean
from worker.transforms.events import assign, state_key
from worker.transforms.rules import load_rules
from worker.transforms.tag import default_tagger

PAIR_RULE = "arms-transfer-pair"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=20)
    ap.add_argument("--filler", type=int, default=200)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--window-days", type=float, default=14)
    args = ap.parse_args()

    items, truth = make_event_week(random.Random(args.seed), events=args.events, filler=args.filler)
    by_url = {u: i for i, ev in enumerate(truth) for u in ev["urls"]}
    tagger, rules = default_tagger(), load_rules(None)
    window = timedelta(days=args.window_days)
    now = datetime(2026, 11, 10, tzinfo=UTC)

    states: dict[str, dict] = {}
    per_event: dict[int, Counter] = defaultdict(Counter)
    ids: dict[int, set[str]] = defaultdict(set)
    statuses: dict[int, list[str]] = defaultdict(list)
    stray = Counter()
    t = time.perf_counter()
    for item in items:
        art = clean(item, now=now)
        tagged = tagger.tag(art)
        for alert in rules.match(tagged, now=now):
            if alert.rule_id != PAIR_RULE:
                continue
            key = state_key(alert)
            d = assign(alert, states.get(key), window=window)
            states[key] = d.state
            i = by_url.get(item["url"])
            if i is None:
                stray[d.kind] += 1
                continue
            per_event[i][d.kind] += 1
            ids[i].add(d.alert.event_id or "")
            if d.kind in ("new", "status"):
                statuses[i].append(str(d.alert.pair.get("status") if d.alert.pair else None))
    elapsed = time.perf_counter() - t

    table = Table(title=f"alerts per event ({len(items)} articles, {args.events} events)")
    for col in (
        "event",
        "truth",
        "reports",
        "matched",
        "alerts",
        "target",
        "updates",
        "event ids",
        "alert statuses",
    ):
        table.add_column(col, overflow="fold")
    on_target = split = missed = over = 0
    for i, ev in enumerate(truth):
        c = per_event[i]
        alerts = c["new"] + c["status"]
        target = len(ev["statuses"])  # 1 + status changes
        on_target += alerts == target
        missed += alerts == 0
        split += len(ids[i]) > 1
        over += alerts > target
        table.add_row(
            f"{ev['recipient']} <- {ev['supplier']} {ev['weapon']}",
            " > ".join(ev["statuses"]),
            str(len(ev["urls"])),
            str(sum(c.values())),
            str(alerts),
            str(target),
            str(c["update"]),
            str(len(ids[i])),
            " > ".join(statuses[i]),
        )
    Console(width=150).print(table)
    summary = Table(title="summary")
    for col in (
        "events",
        "on target (alerts = 1 + status changes)",
        "split into 2+ events",
        "more alerts than target",
        "missed",
        "alerts with events",
        "alerts without (one per report)",
        "alerts from filler",
        "articles/s",
    ):
        summary.add_column(col)
    summary.add_row(
        str(len(truth)),
        str(on_target),
        str(split),
        str(over),
        str(missed),
        str(sum(c["new"] + c["status"] for c in per_event.values())),
        str(sum(sum(c.values()) for c in per_event.values())),
        str(stray["new"] + stray["status"]),
        f"{len(items) / elapsed:.0f}",
    )
    Console(width=150).print(summary)


if __name__ == "__main__":
    main()
