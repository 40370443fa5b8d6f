# newswatch — the two commands a newcomer needs:
#   make demo    set everything up, run the whole system on the bundled samples
#   make test    set everything up, start the local stack, run every test, stop what it started
# Both work on a fresh machine with Python 3.11+, a JDK 17 (+ a JDK 21+ for OpenSearch 3.x),
# Maven and Go 1.24+ (helm is built from its module); system packages come from apt-get, Java
# artifacts from Maven Central.

SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# One line per test (so a log shows which end-to-end tests ran) and the slowest ones.
PYTEST_ARGS ?= -v --durations=15 -n 2

.PHONY: setup system-deps demo test test-unit lint stack-up stack-down bench clean-state

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

# Tools the tests use beside Python: openssl (certificates for the secured Kafka and search
# tests in tests/secure, which start their own SASL_SSL broker from the stack's Kafka),
# Prometheus and promtool (Debian's prometheus package), the
# Docker Compose plugin for validating docker-compose.yml (there is no Docker engine here) and
# kustomize for rendering deploy/k8s and helm for deploy/helm/newswatch (all three built from
# their Go modules when missing).
system-deps:
	@command -v openssl >/dev/null || { \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openssl >/dev/null; }
	@command -v promtool >/dev/null || { \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null && \
	  { $(SUDO) systemctl disable --now prometheus >/dev/null 2>&1 || true; $(SUDO) pkill -x prometheus || true; }; }
	@docker compose version >/dev/null 2>&1 || bash deploy/tools/install-compose.sh
	@command -v kustomize >/dev/null || command -v kubectl >/dev/null || bash deploy/tools/install-kustomize.sh
	@command -v helm >/dev/null || bash deploy/tools/install-helm.sh

demo: setup
	$(BIN)/newswatch demo

stack-up: setup
	$(BIN)/newswatch stack up

stack-down: setup
	$(BIN)/newswatch stack down

# Starts the stack unless it already runs, runs every test (unit and end-to-end against the
# real Kafka and OpenSearch), then stops the stack only if this target started it.
test: setup system-deps
	@started=0; \
	if ! $(BIN)/newswatch stack status >/dev/null 2>&1; then \
	  $(BIN)/newswatch stack up || exit 1; started=1; \
	fi; \
	$(BIN)/pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$started = 1 ]; then $(BIN)/newswatch stack down; fi; \
	exit $$rc

test-unit: setup
	$(BIN)/pytest -m "not stack" $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: setup
	for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean-state: setup
	$(BIN)/newswatch stack down --purge
