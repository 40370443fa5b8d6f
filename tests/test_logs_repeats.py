"""Issue 17, item 6: a Kafka outage must not flood the log (aiokafka's reconnect loop wrote
~4,500 ERROR lines a second): one line per interval per repeated client message, with the
count, and broker availability as a metric instead."""

from __future__ import annotations

import io
import logging
import logging.config

import pytest

from tests.conftest import free_port
from worker import metrics as m
from worker.logs import RepeatFilter, logging_config


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def record(name: str, msg: str, *args: object, level: int = logging.ERROR) -> logging.LogRecord:
    return logging.LogRecord(name, level, __file__, 1, msg, args, None)


def test_a_reconnect_flood_becomes_one_line_per_interval_with_its_count():
    clock = Clock()
    flt = RepeatFilter(interval=10.0, clock=clock)
    before = m.CLIENT_LOG_SUPPRESSED.labels("aiokafka")._value.get()
    passed = []
    for n in range(5_000):  # 11 s of an outage at ~450 lines/s
        clock.now = n * 11.0 / 5_000
        rec = record("aiokafka.conn", "Unable to connect to node with id %s: %s", 1, "refused")
        if flt.filter(rec):
            passed.append(rec.getMessage())
    assert len(passed) == 2, passed
    assert passed[0] == "Unable to connect to node with id 1: refused"
    folded = 5_000 - 2
    first_window = sum(1 for n in range(1, 5_000) if n * 11.0 / 5_000 < 10.0)
    assert passed[1].endswith(f"(and {first_window} more like it)")
    assert m.CLIENT_LOG_SUPPRESSED.labels("aiokafka")._value.get() == before + folded


def test_newswatch_messages_and_distinct_client_messages_always_pass():
    flt = RepeatFilter(interval=10.0, clock=Clock())
    assert all(flt.filter(record("newswatch.worker", "dead-letter")) for _ in range(50))
    assert flt.filter(record("kafka.conn", "a"))
    assert flt.filter(record("kafka.conn", "b"))  # another message: its own window
    assert not flt.filter(record("kafka.conn", "a"))


def test_the_worker_logging_config_folds_repeats():
    out = io.StringIO()
    config = logging_config("INFO", "text")
    config["handlers"]["default"]["stream"] = out
    root = logging.getLogger()
    saved = (root.level, list(root.handlers))
    try:
        logging.config.dictConfig(config)
        for _ in range(1_000):
            logging.getLogger("aiokafka").error("Unable to update metadata from [%s]", 1)
    finally:
        root.handlers[:] = saved[1]
        root.setLevel(saved[0])
    assert out.getvalue().count("Unable to update metadata") == 1


@pytest.mark.stack
def test_kafka_reachable_probe(stack_ready):
    import asyncio

    from worker.config import load_settings
    from worker.sources.kafka import kafka_reachable

    assert asyncio.run(kafka_reachable(load_settings().kafka_bootstrap)) is True
    assert asyncio.run(kafka_reachable(f"127.0.0.1:{free_port()}")) is False
