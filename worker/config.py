"""The one settings model.

Sources, highest first: environment variables ``NEWSWATCH_*`` (nested with ``__``, e.g.
``NEWSWATCH_TOPICS__ALERTS``), a ``.env`` file in the working directory, an optional YAML file
named by ``NEWSWATCH_CONFIG``, then the defaults below. An invalid value fails at start-up with
the setting's name and the reason (see :func:`load_settings`).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field, SecretStr, ValidationError
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from worker.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(__file__).resolve().parent / "data"
SCHEMAS_DIR = PROJECT_ROOT / "schemas"


class Topics(BaseModel):
    raw: str = "newswatch.articles.raw"
    clean: str = "newswatch.articles.clean"
    enriched: str = "newswatch.articles.enriched"
    alerts: str = "newswatch.alerts"
    rules: str = "newswatch.rules"
    dlq: str = "newswatch.dlq"


class StackSettings(BaseModel):
    """The local, Docker-free Kafka + OpenSearch used by the demo, the tests and the benches."""

    state_dir: Path = PROJECT_ROOT / ".state" / "stack"
    kafka_port: int = Field(9092, ge=1, le=65535)
    kafka_controller_port: int = Field(9093, ge=1, le=65535)
    opensearch_port: int = Field(9200, ge=1, le=65535)
    opensearch_transport_port: int = Field(9300, ge=1, le=65535)
    kafka_heap: str = "512m"
    opensearch_heap: str = "1g"
    java_home: Path | None = None
    java21_home: Path | None = Field(
        None, description="JDK 21+ for OpenSearch 3.x; found under /usr/lib/jvm when unset"
    )
    start_timeout_s: float = 180.0


class FeedSettings(BaseModel):
    """One RSS/Atom feed for ``newswatch poll``."""

    url: str = Field(min_length=1, description="http(s) URL or a local file path")
    interval: float = Field(300.0, ge=1.0, description="seconds between polls")
    name: str | None = Field(None, description="outlet name when the feed does not give one")


class HttpSettings(BaseModel):
    """``newswatch serve``: the authenticated push endpoint ``POST /articles``."""

    host: str = "127.0.0.1"  # loopback unless an operator decides to expose it
    port: int = Field(8110, ge=0, le=65535)
    tokens: list[SecretStr] = Field(default_factory=list, description="accepted bearer tokens")
    max_request_bytes: int = Field(10_000_000, ge=1024, description="larger bodies get 413")
    max_batch: int = Field(1000, ge=1, description="articles per request; more get 413")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="NEWSWATCH_",
        env_nested_delimiter="__",
        env_file=".env",
        extra="forbid",
    )

    kafka_bootstrap: str = "127.0.0.1:9092"
    search_url: str = "http://127.0.0.1:9200"
    search_engine: Literal["auto", "opensearch", "elasticsearch"] = "auto"
    search_username: str | None = None
    search_password: SecretStr | None = None
    search_api_key: SecretStr | None = None
    index_prefix: str = "newswatch"
    topics: Topics = Topics()
    partitions: int = Field(4, ge=1, le=1024)
    app_id: str = "newswatch"
    rules_dir: Path | None = Field(None, description="rule pack folder; the shipped pack if unset")
    metrics_port: int = Field(9108, ge=0, le=65535)
    metrics_host: str = "127.0.0.1"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["json", "text"] = "json"
    max_article_bytes: int = Field(2_000_000, ge=1024)
    bulk_max_docs: int = Field(500, ge=1)
    bulk_max_seconds: float = Field(1.0, gt=0)
    stack: StackSettings = StackSettings()
    state_dir: Path = Field(
        PROJECT_ROOT / ".state", description="local state (e.g. feeds.json: what poll has seen)"
    )
    feeds: list[FeedSettings] = Field(default_factory=list)
    http: HttpSettings = HttpSettings()
    dedupe_threshold: float = Field(
        0.5, gt=0, le=1, description="estimated Jaccard similarity for near-duplicates"
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (
            init_settings,
            env_settings,
            dotenv_settings,
            file_secret_settings,
            _YamlSource(settings_cls),
        )


class _YamlSource(PydanticBaseSettingsSource):
    """Lowest-priority source: the YAML file named by ``NEWSWATCH_CONFIG``, if any."""

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        path = os.environ.get("NEWSWATCH_CONFIG")
        if not path:
            return {}
        p = Path(path)
        try:
            data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
        except OSError as exc:
            raise ConfigError(
                f"NEWSWATCH_CONFIG={path}: cannot read the file: {exc.strerror}"
            ) from None
        except yaml.YAMLError as exc:
            raise ConfigError(f"NEWSWATCH_CONFIG={path}: invalid YAML: {exc}") from None
        if not isinstance(data, dict):
            raise ConfigError(f"NEWSWATCH_CONFIG={path}: expected a mapping of settings")
        return data


def load_settings(**overrides: Any) -> Settings:
    """Build the settings, turning validation errors into one readable :class:`ConfigError`."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            name = "NEWSWATCH_" + "__".join(str(p) for p in err["loc"]).upper()
            lines.append(f"  {name}: {err['msg']} (got {err.get('input')!r})")
        raise ConfigError("invalid configuration:\n" + "\n".join(lines)) from None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()


def masked(settings: Settings) -> dict[str, Any]:
    """The effective configuration as plain data, secrets replaced by ``'********'``."""
    data = settings.model_dump(mode="json")
    for name in ("search_password", "search_api_key"):
        if data.get(name):
            data[name] = "********"
    return data
