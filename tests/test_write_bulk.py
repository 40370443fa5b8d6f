"""``write_bulk``'s decisions, with a scripted sink (the real engine paths are in tests/sinks and
tests/e2e): a request refused as a whole is split until the bad document is alone; transient
errors are waited out; per-item retryable refusals are retried alone."""

from __future__ import annotations

import asyncio
from typing import Any

from opensearchpy.exceptions import ConnectionError as OSConnectionError
from opensearchpy.exceptions import TransportError

from worker.sinks.index_writer import write_bulk
from worker.sinks.search import BulkResult


def _act(i: int) -> dict[str, Any]:
    return {"_index": "x-articles-2017.03", "_id": f"d{i}", "_source": {"n": i}}


class ScriptedSink:
    def __init__(self, *, poison: str | None = None, down_for: int = 0, busy: set | None = None):
        self.poison, self.down_for, self.busy = poison, down_for, set(busy or ())
        self.written: list[str] = []
        self.calls = 0

    async def bulk(self, actions: list[dict[str, Any]]) -> BulkResult:
        self.calls += 1
        if self.down_for > 0:
            self.down_for -= 1
            raise OSConnectionError("N/A", "connection refused", None)
        if self.poison and any(a["_id"] == self.poison for a in actions):
            raise TransportError(400, "illegal_argument_exception", {"error": "bad body"})
        result = BulkResult()
        for a in actions:
            if a["_id"] in self.busy:
                self.busy.discard(a["_id"])  # refused once, accepted on retry
                result.retryable.append(a)
                result.retry_reasons.append("429 es_rejected_execution_exception")
            else:
                self.written.append(a["_id"])
                result.indexed += 1
        return result


def _run(sink: ScriptedSink, n: int) -> list[tuple[Any, Any]]:
    dead: list[tuple[Any, Any]] = []

    async def dlq(rej, payload) -> None:
        dead.append((rej, payload))

    asyncio.run(write_bulk(sink, [_act(i) for i in range(n)], "articles", dlq_send=dlq))  # type: ignore[arg-type]
    return dead


def test_refused_request_is_split_until_the_bad_document_is_alone():
    sink = ScriptedSink(poison="d5")
    dead = _run(sink, 16)
    assert sorted(sink.written) == sorted(f"d{i}" for i in range(16) if i != 5)
    ((rej, payload),) = dead
    assert rej.stage == "index" and rej.reason == "request_refused" and rej.source == "d5"
    assert "400" in rej.detail and payload == {"n": 5}
    assert sink.calls <= 2 * 16  # a binary search, not one request per document


def test_engine_down_is_waited_out_not_dropped():
    sink = ScriptedSink(down_for=2)
    assert _run(sink, 10) == []
    assert len(sink.written) == 10 and sink.calls == 3


def test_items_refused_for_load_are_retried_alone():
    sink = ScriptedSink(busy={"d1", "d7"})
    assert _run(sink, 10) == []
    assert sorted(sink.written) == sorted(f"d{i}" for i in range(10))
    assert sink.calls == 2
