"""Writing documents to the engine until each is indexed or dead-lettered with its reason."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from worker import metrics as m
from worker.errors import Reject
from worker.sinks.retry import any_error, retry_forever
from worker.sinks.search import BulkResult, ItemFailure, SearchSink, describe_error, error_status

log = logging.getLogger("newswatch.worker")


async def write_bulk(
    sink: SearchSink, actions: list[dict[str, Any]], kind: str, *, dlq_send: Any
) -> None:
    """Write until every document is indexed or dead-lettered with the engine's reason.

    Never gives up on engine trouble (see :func:`retry_forever`): that is the backpressure.
    Items the engine refuses for good (mapping conflicts...) go to ``dlq_send(reject, payload)``
    with the original message when the action carries one (``_origin``). Items refused for
    the cluster's state (429, blocks) are retried alone. A request refused as a whole (400,
    413) is split in halves until the document at fault is alone, then dead-lettered."""
    started = time.perf_counter()
    batches = [actions]
    item_delay = 0.5
    while batches:
        batch = batches.pop()
        if not batch:
            continue
        m.BULK_DOCS.observe(len(batch))
        try:
            result = await retry_forever(
                f"bulk index ({len(batch)} {kind})", lambda b=batch: sink.bulk(b)
            )
        except Exception as exc:  # not transient: the engine refused this request itself
            m.INDEX_ERRORS.labels("request_refused").inc()
            if len(batch) > 1:
                mid = len(batch) // 2
                batches += [batch[mid:], batch[:mid]]
                continue
            act = batch[0]
            result = BulkResult(
                failures=[
                    ItemFailure(
                        act["_id"],
                        act["_index"],
                        error_status(exc) or 0,
                        "request_refused",
                        describe_error(exc),
                        act["_source"],
                        act.get("_origin"),
                    )
                ]
            )
        m.INDEXED.labels(kind).inc(result.indexed)
        for f in result.failures:
            m.INDEX_ERRORS.labels("item").inc()
            rej = Reject("index", f.error_type, f"{f.status} {f.reason}", source=f.doc_id)
            payload: Any = f.origin if f.origin is not None else f.source
            await retry_forever(
                "dead-letter",
                lambda r=rej, pl=payload: dlq_send(r, pl),
                transient=any_error,
                error_kind=None,
            )
        if result.retryable:
            m.INDEX_ERRORS.labels("item_retry").inc(len(result.retryable))
            log.warning(
                "%d %s refused for now (%s); retrying in %.1fs",
                len(result.retryable),
                kind,
                result.retry_reasons[0],
                item_delay,
            )
            await asyncio.sleep(item_delay)
            item_delay = min(15.0, item_delay * 2)
            batches.append(result.retryable)
    m.STAGE_SECONDS.labels(f"index_{kind}").observe(time.perf_counter() - started)
