# syntax=docker/dockerfile:1
#
# newswatch worker image.
#
#   docker build -t newswatch .
#   docker run --rm newswatch --help            # ENTRYPOINT is the `newswatch` command
#   docker run --rm -e NEWSWATCH_KAFKA_BOOTSTRAP=kafka:9092 newswatch worker
#
# Two stages: the builder has a compiler (a few dependencies may build from source on
# platforms without wheels) and produces a self-contained virtualenv; the runtime stage
# copies only that virtualenv, so no compiler, pip cache or source tree ships.

ARG PYTHON_IMAGE=python:3.11-slim

# --------------------------------------------------------------------------- builder
FROM ${PYTHON_IMAGE} AS builder

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1

RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential \
 && rm -rf /var/lib/apt/lists/*

RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH

WORKDIR /src
# Dependencies change less often than code, but pyproject.toml holds both the dependency
# list and the package metadata, so a separate "deps only" layer would need a second
# requirements file to stay in sync. One `pip install .` keeps a single source of truth.
# The `aws` extra (botocore, for SigV4 to Amazon OpenSearch Service) is in the image so one
# image serves every documented deployment (docs/deploy.md, "Secured clusters").
COPY . /src
RUN pip install --upgrade pip setuptools wheel \
 && pip install ".[aws]" \
 && python -c "import worker"

# worker/config.py resolves SCHEMAS_DIR as <directory above the package>/schemas. In a
# source checkout that is the repo's schemas/; once installed it is site-packages/schemas,
# so put the JSON schemas there. (If schemas/ becomes package data this step can go.)
RUN SITE="$(python -c 'import pathlib, worker; print(pathlib.Path(worker.__file__).parent.parent)')" \
 && cp -r /src/schemas "$SITE/schemas" \
 && python -c "from worker.config import SCHEMAS_DIR; assert SCHEMAS_DIR.is_dir(), SCHEMAS_DIR"

# --------------------------------------------------------------------------- runtime
FROM ${PYTHON_IMAGE} AS runtime

LABEL org.opencontainers.image.title="newswatch" \
      org.opencontainers.image.description="Streaming news monitoring worker (Kafka, Faust, Elasticsearch/OpenSearch, alerts)" \
      org.opencontainers.image.licenses="Apache-2.0"

# A fixed uid/gid so bind mounts and volume permissions are predictable.
RUN groupadd --system --gid 10001 newswatch \
 && useradd --system --uid 10001 --gid newswatch --home-dir /var/lib/newswatch \
            --shell /usr/sbin/nologin newswatch \
 && install -d -o newswatch -g newswatch /var/lib/newswatch

COPY --from=builder /opt/venv /opt/venv

# Inside a container the metrics endpoint must listen on all interfaces so Prometheus
# (another container) can scrape it; the settings default is loopback for bare hosts.
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    NEWSWATCH_METRICS_HOST=0.0.0.0 \
    NEWSWATCH_METRICS_PORT=9108 \
    NEWSWATCH_STATE_DIR=/var/lib/newswatch

# Local state lives here (NEWSWATCH_STATE_DIR): the RocksDB table files under
# tables/<app id>/<worker>, poll's feeds.json. Writable by the unprivileged user; a good place
# for a volume (the Helm chart gives each pod one).
WORKDIR /var/lib/newswatch
USER newswatch

EXPOSE 9108

# /healthz is served by the worker's metrics server. python's urllib instead of curl, which
# the slim image does not have. start-period covers Kafka connection and rebalance.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "-c", "import os, sys, urllib.request; port = os.environ.get('NEWSWATCH_METRICS_PORT', '9108'); sys.exit(0 if urllib.request.urlopen(f'http://127.0.0.1:{port}/healthz', timeout=4).status == 200 else 1)"]

ENTRYPOINT ["newswatch"]
CMD ["worker"]
