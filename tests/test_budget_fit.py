"""The message budget keeps what is optional only when it fits (worker/stream/budget.py)."""

from __future__ import annotations

from worker.config import MESSAGE_OVERHEAD
from worker.stream.budget import encoded_size, fit


def test_an_optional_part_is_dropped_rather_than_the_article() -> None:
    message = {"tagged": {"body": "x" * 1000}, "reading": {"words": ["y" * 10] * 200}}
    without = encoded_size({"tagged": message["tagged"]})
    budget = MESSAGE_OVERHEAD + without + 10  # fits without the reading only

    kept = dict(message)
    assert fit(kept, budget + 10_000, "enrich", "enriched", optional=("reading",)) is None
    assert "reading" in kept  # room enough: kept

    assert fit(message, budget, "enrich", "enriched", optional=("reading",)) is None
    assert "reading" not in message and "tagged" in message

    too_small = {"tagged": {"body": "x" * 1000}, "reading": {}}
    rej = fit(too_small, MESSAGE_OVERHEAD + 100, "enrich", "enriched", optional=("reading",))
    assert rej is not None and rej.reason == "too_large"
