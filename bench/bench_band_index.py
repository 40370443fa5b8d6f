"""Band index under a window's churn: how big its table gets, and what keeping it small costs.

    python bench/bench_band_index.py [--bands 2000000] [--windows 2] [--hours 168]

The dedupe stage's band index (``DerivedBandState.bands``: ``hash(band key)`` → story id) holds
one window of bands; every hour's expiry sweep deletes the oldest hour's bands while new
stories add as many. A CPython dict never reuses the entries its deletions free, so once the
churn has used up the room left after building, it resizes from its live keys × 3: twice the
table a rebuild makes. This prints, per way of holding the index, the largest table seen at the
end of each window (after its sweep), how many copies were made and their CPU time:

- *as is*: one dict, never copied (the index before issue 14's fix);
- *compact at 1/8*: one dict, copied from its live entries after the sweep that brings the
  deletions since the last copy to an eighth of the index (``DerivedBandState``'s policy);
- *compact every sweep*: the same, copied after every sweep (its cost estimated from the
  measured copies of the row above, not run: hundreds of copies);
- *256 shards*: 256 dicts by the key's low bits, each resizing on its own, never copied.

Only the table is counted (``sys.getsizeof``): the keys and values are the same objects in
every row. Keys are random 63-bit ints, as ``hash()`` of the band keys are.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import deque
from collections.abc import Callable

MB = 1024**2
VALUE = "story-id"


def run(
    bands: int,
    windows: int,
    hours: int,
    make: Callable[[], list[dict[int, str]]],
    compact_share: float | None,
) -> dict[str, float]:
    """Build one window of ``bands`` keys, then churn ``windows`` windows of ``hours`` sweeps;
    the index is a list of dicts (one, or shards by the key's low bits)."""
    rnd = random.Random(14)
    shards = make()
    mask = len(shards) - 1
    order: deque[int] = deque()
    for _ in range(bands):
        k = rnd.getrandbits(63)
        shards[k & mask][k] = VALUE
        order.append(k)
    built = sum(sys.getsizeof(s) for s in shards)
    per_sweep = bands // hours
    deleted, copies, copy_cpu, largest = 0, 0, 0.0, 0
    for _ in range(windows):
        for _ in range(hours):
            for _ in range(per_sweep):  # the new hour's stories, then the sweep of the oldest
                k = rnd.getrandbits(63)
                shards[k & mask][k] = VALUE
                order.append(k)
            for _ in range(per_sweep):
                k = order.popleft()
                del shards[k & mask][k]
            deleted += per_sweep
            if compact_share is not None and deleted >= compact_share * bands:
                started = time.process_time()
                shards = [dict(s) for s in shards]
                copy_cpu += time.process_time() - started
                copies, deleted = copies + 1, 0
        largest = max(largest, sum(sys.getsizeof(s) for s in shards))
    return {"built": built / MB, "largest": largest / MB, "copies": copies, "cpu": copy_cpu}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bands", type=int, default=2_000_000, help="live bands in one window")
    ap.add_argument("--windows", type=int, default=2, help="windows of churn after building")
    ap.add_argument("--hours", type=int, default=168, help="sweeps per window (7 days hourly)")
    args = ap.parse_args()
    one: Callable[[], list[dict[int, str]]] = lambda: [{}]  # noqa: E731
    rows = [
        ("as is", run(args.bands, args.windows, args.hours, one, None)),
        ("compact at 1/8", run(args.bands, args.windows, args.hours, one, 1 / 8)),
        (
            "256 shards",
            run(args.bands, args.windows, args.hours, lambda: [{} for _ in range(256)], None),
        ),
    ]
    at_eighth = rows[1][1]
    per_copy = at_eighth["cpu"] / max(at_eighth["copies"], 1)
    sweeps = args.windows * args.hours
    every = {"built": at_eighth["built"], "largest": at_eighth["built"], "copies": sweeps}
    every["cpu"] = per_copy * sweeps
    rows.insert(2, ("compact every sweep (est.)", every))
    print(f"{args.bands:,} bands, {args.windows} windows of {args.hours} sweeps after building")
    print(f"{'index':<28}{'built MB':>10}{'largest MB':>12}{'copies':>8}{'copy CPU s':>12}")
    for name, r in rows:
        print(
            f"{name:<28}{r['built']:>10.1f}{r['largest']:>12.1f}{int(r['copies']):>8}"
            f"{r['cpu']:>12.2f}"
        )
    print(f"one copy of the whole index: {per_copy * 1000:.0f} ms CPU")


if __name__ == "__main__":
    main()
