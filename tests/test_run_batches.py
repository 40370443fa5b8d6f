"""The loop around the batched intake stage (``worker.stream.runner.run_batches``): each event
emitted or dead-lettered in order, acked right after, a failing send retried before the ack, a
batch whose processing broke dead-lettered event by event. The stream here is an in-process
stand-in for Faust's (``noack_take`` and ``ack``): Kafka refusing a send on cue is a failure the
real broker does not give on demand; the real worker runs the loop in tests/e2e."""

from __future__ import annotations

import asyncio
from typing import Any

from worker.errors import Reject
from worker.stream.runner import run_batches


class _Stream:
    def __init__(self, events: list[str], log: list[str]) -> None:
        self.events, self.log = events, log

    async def noack_take(self, max_events: int, within: float):
        for i in range(0, len(self.events), max_events):
            yield self.events[i : i + max_events]

    async def ack(self, event: str) -> None:
        self.log.append(f"ack {event}")


class _Stage:
    name = "clean"

    def __init__(self, log: list[str], *, fail_sends: int = 0, broken: bool = False) -> None:
        self.log, self.fail_sends, self.broken = log, fail_sends, broken

    async def process_batch(self, events: list[str]) -> list[Any]:
        if self.broken:
            raise ValueError("the batch broke")
        return [
            Reject("clean", "bad_json", e) if e.startswith("bad") else e.upper() for e in events
        ]

    async def emit(self, event: str, result: str) -> None:
        self.log.append(f"emit {result}")

    async def reject(self, event: str, rej: Reject) -> None:
        if self.fail_sends:
            self.fail_sends -= 1
            raise ConnectionError("dead-letter topic unreachable")
        self.log.append(f"dlq {event} {rej.reason}")


def run(events: list[str], stage: _Stage, log: list[str]) -> None:
    asyncio.run(run_batches(_Stream(events, log), stage, 2, 0.01))


def test_each_event_is_emitted_or_dead_lettered_in_order_and_acked_right_after():
    log: list[str] = []
    run(["a", "bad1", "c"], _Stage(log), log)
    assert log == ["emit A", "ack a", "dlq bad1 bad_json", "ack bad1", "emit C", "ack c"]


def test_a_failing_dead_letter_send_is_retried_before_the_ack():
    log: list[str] = []
    run(["bad1", "b"], _Stage(log, fail_sends=1), log)
    assert log == ["dlq bad1 bad_json", "ack bad1", "emit B", "ack b"]


def test_a_broken_batch_dead_letters_each_of_its_events():
    log: list[str] = []
    run(["a", "b", "c"], _Stage(log, broken=True), log)
    assert log == [
        "dlq a internal_error",
        "ack a",
        "dlq b internal_error",
        "ack b",
        "dlq c internal_error",
        "ack c",
    ]
