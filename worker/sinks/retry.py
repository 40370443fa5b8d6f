"""Retrying where giving up would lose data: the caller has not acked its messages meanwhile."""

from __future__ import annotations

import logging
from typing import Any

from worker import metrics as m

log = logging.getLogger("newswatch.worker")


def any_error(exc: BaseException) -> bool:
    """Retry predicate for Kafka sends: every error, but never cancellation (shutdown)."""
    return isinstance(exc, Exception)


async def retry_forever(
    what: str,
    fn: Any,
    *,
    first: float = 0.5,
    cap: float = 15.0,
    transient: Any = None,
    error_kind: str | None = "request",
) -> Any:
    """Call ``fn`` until it succeeds, backing off (exponential with jitter, capped at ``cap``)
    while ``transient(exc)`` holds — by default: engine unreachable, timed out, 429 or 5xx.
    Other errors are raised at once. While we wait, the caller has not acked its messages, so
    offsets are not committed and Kafka keeps them."""
    from tenacity import AsyncRetrying, retry_if_exception, wait_exponential_jitter

    from worker.sinks.search import describe_error, is_transient

    def before_sleep(state: Any) -> None:
        if error_kind:
            m.INDEX_ERRORS.labels(error_kind).inc()
        exc = state.outcome.exception()
        log.warning(
            "%s failed (%s); retry %d in %.1fs",
            what,
            describe_error(exc),
            state.attempt_number,
            state.upcoming_sleep,
        )

    async for attempt in AsyncRetrying(
        retry=retry_if_exception(transient or is_transient),
        wait=wait_exponential_jitter(multiplier=first, max=cap, jitter=first),
        before_sleep=before_sleep,
        reraise=True,
    ):
        with attempt:
            return await fn()
    raise AssertionError("unreachable: AsyncRetrying without stop either returns or raises")
