"""The stream: one module per stage, the Faust app only wires them (worker/app.py).

    raw ──intake──▶ dedupe-all ──dedupe──▶ clean / enriched ──index──▶ engine
                                         └─▶ alerts ──notify──▶ deliver ──▶ targets

Each stage is a small class whose ``handle`` takes one Kafka event (or a batch, for indexing)
and sends its outputs; :mod:`worker.stream.runner` is the one loop around them that times,
dead-letters and never stops on a bad message.
"""
