"""newswatch: a streaming news-monitoring and alerting worker."""

import os

__version__ = "0.1.0"

# numpy's OpenBLAS on one thread, fixed before anything loads numpy (it reads this once, when it
# loads): the dependency parser multiplies with it only then (worker/transforms/blas.py), and no
# other part of the worker multiplies matrices. The environment's own value wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
