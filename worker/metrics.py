"""Every Prometheus metric newswatch exports, defined once.

Names follow Prometheus conventions (``_total`` counters, ``_seconds`` histograms, base units).
Label values are bounded sets (stage names, reject reasons, rule ids, target names), never ids of
articles or alerts.
"""

from __future__ import annotations

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    PlatformCollector,
    ProcessCollector,
)

REGISTRY = CollectorRegistry(auto_describe=True)
# Memory and CPU of the worker: tables live in memory, so their growth must be visible.
ProcessCollector(registry=REGISTRY)
PlatformCollector(registry=REGISTRY)

ARTICLES = Counter(
    "newswatch_articles_total",
    "Articles that left a pipeline stage.",
    ["stage"],
    registry=REGISTRY,
)
DLQ = Counter(
    "newswatch_dlq_messages_total",
    "Messages routed to the dead-letter topic, by stage and reason.",
    ["stage", "reason"],
    registry=REGISTRY,
)
DUPLICATES = Counter(
    "newswatch_duplicates_total",
    "Articles linked to an earlier copy of the same story.",
    ["kind"],
    registry=REGISTRY,
)
STATE_EXPIRED = Counter(
    "newswatch_state_expired_total",
    "Records deleted from a table because they left their window "
    "(dedupe, deliveries, throttle, events).",
    ["table"],
    registry=REGISTRY,
)
STATE_RECORDS = Gauge(
    "newswatch_dedupe_state_records",
    "Records in the dedupe table held by this worker (flat once the dedupe window is full).",
    registry=REGISTRY,
)
ENTITIES = Counter(
    "newswatch_entities_total",
    "Entities tagged, by type.",
    ["type"],
    registry=REGISTRY,
)
RULE_MATCHES = Counter(
    "newswatch_rule_matches_total",
    "Alerts produced by the matcher, by rule and severity.",
    ["rule", "severity"],
    registry=REGISTRY,
)
ALERTS = Counter(
    "newswatch_alerts_total",
    "Alerts that reached the notifier after dedupe, by rule and severity.",
    ["rule", "severity"],
    registry=REGISTRY,
)
ALERTS_SUPPRESSED = Counter(
    "newswatch_alerts_suppressed_total",
    "Alerts not notified because their key was already notified.",
    ["rule"],
    registry=REGISTRY,
)
DELIVERIES = Counter(
    "newswatch_deliveries_total",
    "Alert deliveries by target and outcome (delivered, failed, error).",
    ["target", "outcome"],
    registry=REGISTRY,
)
DELIVERY_RETRIES = Counter(
    "newswatch_delivery_retries_total",
    "Delivery attempts that failed transiently and were retried, by target.",
    ["target"],
    registry=REGISTRY,
)
DELIVERY_SECONDS = Histogram(
    "newswatch_delivery_seconds",
    "Time to deliver an alert or digest to a target, retries included.",
    ["target"],
    buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300),
    registry=REGISTRY,
)
DIGESTS = Counter(
    "newswatch_digests_total",
    "Digests of throttled alerts delivered, by target.",
    ["target"],
    registry=REGISTRY,
)
STAGE_SECONDS = Histogram(
    "newswatch_stage_seconds",
    "Time spent in a pipeline stage per article (or per batch for indexing).",
    ["stage"],
    buckets=(0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
    registry=REGISTRY,
)
END_TO_END_SECONDS = Histogram(
    "newswatch_end_to_end_seconds",
    "From publication on the raw topic to the alert being emitted.",
    buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
    registry=REGISTRY,
)
BULK_DOCS = Histogram(
    "newswatch_index_bulk_docs",
    "Documents per bulk request to the search engine.",
    buckets=(1, 5, 10, 50, 100, 250, 500, 1000, 2500),
    registry=REGISTRY,
)
INDEX_ERRORS = Counter(
    "newswatch_index_errors_total",
    "Search engine errors: per-item rejections and failed requests (retried).",
    ["kind"],
    registry=REGISTRY,
)
INDEXED = Counter(
    "newswatch_indexed_documents_total",
    "Documents written to the search engine, by index kind.",
    ["kind"],
    registry=REGISTRY,
)
KAFKA_UP = Gauge(
    "newswatch_kafka_up",
    "1 when a Kafka bootstrap server accepted a connection at the last probe (every 5 s), else 0.",
    registry=REGISTRY,
)
CLIENT_LOG_SUPPRESSED = Counter(
    "newswatch_client_log_suppressed_total",
    "Repeated client-library log lines (e.g. Kafka reconnect errors) folded into a summary.",
    ["logger"],
    registry=REGISTRY,
)
CONSUMER_LAG = Gauge(
    "newswatch_consumer_lag",
    "Messages not yet consumed, per topic and partition (highwater - committed).",
    ["topic", "partition"],
    registry=REGISTRY,
)
RULES_LOADED = Gauge(
    "newswatch_rules_loaded",
    "Watch rules in the active rule set.",
    registry=REGISTRY,
)
RULE_RELOAD_FAILURES = Counter(
    "newswatch_rule_reload_failures_total",
    "Rule set reloads refused because a rule was invalid (the previous set stays active).",
    registry=REGISTRY,
)
RULE_RELOADS = Counter(
    "newswatch_rule_reloads_total",
    "Rule sets swapped in from the rules topic while running.",
    registry=REGISTRY,
)
HTTP_ARTICLES = Counter(
    "newswatch_http_articles_total",
    "Articles pushed to POST /articles, by outcome (accepted, or the reject reason).",
    ["outcome"],
    registry=REGISTRY,
)

# Events and silences (issue 15).
ALERTS_SILENCED = Counter(
    "newswatch_alerts_silenced_total",
    "Alerts indexed but not delivered because a silence or maintenance window matched, by rule "
    "and kind (silence, maintenance).",
    ["rule", "kind"],
    registry=REGISTRY,
)
SILENCES_ACTIVE = Gauge(
    "newswatch_silences_active",
    "Silences this worker holds from the silences topic (expired ones included until removed).",
    registry=REGISTRY,
)
SILENCE_RECORD_ERRORS = Counter(
    "newswatch_silence_record_errors_total",
    "Records on the silences topic that are not silences (skipped).",
    registry=REGISTRY,
)
EVENT_DECISIONS = Counter(
    "newswatch_event_decisions_total",
    "Alerts placed in events, by rule and kind (new, status, update, duplicate, "
    "resumed_update: the replay of a report whose update a stop interrupted).",
    ["rule", "kind"],
    registry=REGISTRY,
)
EVENT_UPDATES = Counter(
    "newswatch_event_updates_total",
    "Event updates sent (threaded Slack follow-ups, update mails and webhooks), by target.",
    ["target"],
    registry=REGISTRY,
)
RATE_MATCHES = Counter(
    "newswatch_rate_matches_total",
    "Matches of rate rules counted (spike, first_seen, flatline), by rule.",
    ["rule"],
    registry=REGISTRY,
)
