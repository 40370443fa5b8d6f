"""link: what the serial dedupe stage emits for one article, once the verdict is known (pure).

The stream tags and matches each article in its parallel intake stage, before anyone knows
whether it is a copy of a story seen before; the serial stage then decides. This turns the
intake message (``{"tagged", "alerts", ...}``) and that decision into the enriched message and
the alerts: a copy gets ``duplicate_of`` and its alerts get its first copy's key, so every copy
of a syndicated story gives the same alert key and people hear about it once.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from datetime import UTC, datetime
from typing import Any

from worker.transforms.dedupe import Verdict
from worker.transforms.rules.explain import rekey_for_story


def link_copy(message: dict[str, Any], verdict: Verdict) -> tuple[dict[str, Any], list[dict]]:
    """``(enriched value, alerts)`` for one intake message and its dedupe verdict. The message
    is not modified; a malformed one raises ``KeyError``/``TypeError``."""
    tagged, alerts = message["tagged"], list(message["alerts"])
    if verdict.is_duplicate:
        story = verdict.duplicate_of
        tagged = {**tagged, "article": {**tagged["article"], "duplicate_of": story}}
        alerts = [rekey_for_story(a, story) for a in alerts]
    out = {"tagged": tagged, "alerts": alerts}
    if "reading" in message:  # the rule-independent reading, for the index (worker/readings.py)
        out["reading"] = message["reading"]
    return out, alerts


def first_seen_month(store: MutableMapping[str, Any], article_id: str, now: datetime) -> str:
    """The month (``YYYY.MM``) the serial stage first saw ``article_id``, remembered in
    ``store`` under ``f:<id>``: the article's index is named from it, so a re-sent article
    with a corrected or missing ``published_at`` overwrites its document instead of adding
    one in another monthly index (one write per new article, none for a re-send).

    The record is ``[month, t, w]`` with ``t`` = ``w`` = ``now`` in epoch seconds, so a store
    that forgets by time (the dedupe state) drops it with the dedupe window, restarted or not
    (``w``, the write time, is what a rebuilt index files it under; see
    :class:`~worker.transforms.dedupe.DerivedBandState`); ``[month, t]`` and a bare month
    (written before) are still read."""
    key = f"f:{article_id}"
    value = store.get(key)
    month = value[0] if isinstance(value, list | tuple) and value else value
    if not isinstance(month, str):
        month = f"{now.astimezone(UTC):%Y.%m}"
        written = int(now.timestamp())
        store[key] = [month, written, written]
    return month
