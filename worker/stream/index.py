"""The index stage: enriched articles bulk-written to the engine, acked only once written."""

from __future__ import annotations

from typing import Any

from worker.errors import Reject
from worker.sinks.index_writer import write_bulk
from worker.sinks.retry import any_error, retry_forever
from worker.stream.components import PipelineSlot
from worker.stream.dead_letter import DeadLetters


class IndexStage:
    def __init__(self, slot: PipelineSlot, dead_letters: DeadLetters, *, input_topic: str):
        self.slot, self.dead_letters, self.input_topic = slot, dead_letters, input_topic

    async def dead_letter(self, payload: Any, rej: Reject, key: bytes | None = None) -> None:
        await self.dead_letters.send(payload, rej, self.input_topic, key)

    async def run(self, stream: Any, max_docs: int, within: float) -> None:
        """Batches of ``max_docs`` or ``within`` seconds.

        ``noack_take``, not ``take_events``: the latter acks its batch in a ``finally``, so a
        body interrupted mid-outage (shutdown, rebalance) would commit offsets of documents
        never written. Here a batch is acked only once every document is indexed or
        dead-lettered; while the engine is down ``write_bulk`` waits, nothing is acked, offsets
        stay put, Faust stops fetching when its buffer fills, and Kafka still has it all."""
        p = await self.slot.ready()
        async for events in stream.noack_take(max_docs, within=within):
            actions = []
            for ev in events:
                try:
                    actions.append(p.sink.enriched_action(ev.value))
                except Reject as rej:  # unreadable message: dead-letter it, keep the batch going
                    await retry_forever(
                        "dead-letter",
                        lambda r=rej, e=ev: self.dead_letter(e.value, r, e.key),
                        transient=any_error,
                        error_kind=None,
                    )
            await write_bulk(p.sink, actions, "articles", dlq_send=self._dlq_send)
            for ev in events:
                await stream.ack(ev)

    async def _dlq_send(self, rej: Reject, payload: Any) -> None:
        await self.dead_letter(payload, rej)
