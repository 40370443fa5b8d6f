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

The library is found the way threadpoolctl finds it (a loaded file whose name holds "openblas",
its ``*_get_num_threads`` symbol), without the dependency.
"""

from __future__ import annotations

import ctypes
from functools import lru_cache
from pathlib import Path

# OpenBLAS as built by itself, and scipy-openblas (numpy's wheels), whose 64-bit integer build
# adds a prefix and a "64_" suffix
_GET_THREADS = (
    "openblas_get_num_threads",
    "scipy_openblas_get_num_threads64_",
    "scipy_openblas_get_num_threads",
    "openblas_get_num_threads64_",
)
_MAPS = Path("/proc/self/maps")


def _loaded_openblas() -> list[str]:
    """Paths of the OpenBLAS libraries loaded in this process (Linux; none elsewhere)."""
    try:
        lines = _MAPS.read_text().splitlines()
    except OSError:
        return []
    paths = (line.split(maxsplit=5)[-1] for line in lines if "openblas" in line.lower())
    return list(dict.fromkeys(p for p in paths if p.startswith("/")))


def openblas_threads() -> int | None:
    """The thread count of the OpenBLAS numpy loaded, or None when none is found (another BLAS,
    another system, or the symbol missing)."""
    import numpy  # noqa: F401  (loads the library asked)

    for path in _loaded_openblas():
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for name in _GET_THREADS:
            if hasattr(lib, name):
                return int(getattr(lib, name)())
    return None


@lru_cache(maxsize=1)
def one_thread() -> bool:
    """Does numpy multiply on one OpenBLAS thread (asked once: nothing in the worker changes it)?"""
    return openblas_threads() == 1
