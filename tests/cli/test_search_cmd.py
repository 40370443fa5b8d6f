"""``newswatch search`` option parsing (the search itself is covered in tests/sinks)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import typer

from worker.cli.search import _parse_since


def test_since_accepts_dates_and_ages():
    assert _parse_since("2017-03-01") == datetime(2017, 3, 1, tzinfo=UTC)
    assert _parse_since("2017-03-01T10:00:00Z") == datetime(2017, 3, 1, 10, tzinfo=UTC)
    before = datetime.now(UTC)
    since = _parse_since("7d")
    assert before - timedelta(days=7) <= since <= datetime.now(UTC) - timedelta(days=7)
    with pytest.raises(typer.BadParameter, match="expected a date"):
        _parse_since("yesterday")
