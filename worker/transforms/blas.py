"""Whether numpy's OpenBLAS runs on one thread, so the dependency parser may multiply with it.

spaCy's models multiply through ``blis`` by default, and the ``blis`` wheel falls back to its
generic C kernel on CPUs it does not know (this machine's AMD EPYC: ``BLIS_ARCH_DEBUG=1`` prints
"selecting sub-configuration 'generic'"). numpy's OpenBLAS picks a vector kernel at run time and
makes the parse about a third cheaper, with the same tags and arcs (docs/rules.md, "Cost of the
parse"), but only on one thread: on its own it spreads each small product over every core, and
its threads' waiting costs several times the CPU saved. Setting the count at run time does not
undo that (threads started at import keep spinning: measured, the batched match 0.44 → 1.6 ms
per article), so the count is fixed before numpy loads: ``worker/__init__.py`` sets
``OPENBLAS_NUM_THREADS=1`` unless the environment sets it. The parser then asks OpenBLAS itself
(``one_thread``), because numpy may have loaded before the package did.

The count is read with threadpoolctl, made for this: it finds the BLAS libraries a process has
loaded and asks each its thread count.
"""

from __future__ import annotations

from functools import lru_cache


def openblas_threads() -> int | None:
    """The thread count of the OpenBLAS numpy loaded, or None when numpy uses another BLAS."""
    import numpy  # noqa: F401  (loads the library asked)
    from threadpoolctl import threadpool_info

    counts = [
        int(i["num_threads"]) for i in threadpool_info() if i.get("internal_api") == "openblas"
    ]
    return counts[0] if counts else None


@lru_cache(maxsize=1)
def one_thread() -> bool:
    """Does numpy multiply on one OpenBLAS thread (asked once: nothing in the worker changes it)?"""
    return openblas_threads() == 1
