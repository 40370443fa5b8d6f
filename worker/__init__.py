"""newswatch: a streaming news-monitoring and alerting worker."""

__version__ = "0.1.0"
