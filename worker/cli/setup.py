"""What every command does first: read the settings and configure logging from them.

Every command that talks to Kafka, the engine or a target logs through the same handler as the
worker: the configured format, library chatter quietened and every configured secret masked
(worker/logs.py). Without it, a library's warning quoting a webhook URL would reach the terminal
through Python's last-resort handler, unmasked.
"""

from __future__ import annotations

from worker import logs
from worker.config import Settings, load_settings


def command_settings(*, service: bool = False) -> Settings:
    """The settings, with logging installed. ``service``: a long-running command (serve,
    poll) logs at the configured level and format; an interactive one logs text, warnings and
    errors only unless NEWSWATCH_LOG_LEVEL is set, so its table or progress bar stays
    readable."""
    settings = load_settings()
    logs.install(settings, interactive=not service)
    return settings
