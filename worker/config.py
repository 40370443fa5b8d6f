"""The one settings model.

Sources, highest first: environment variables ``NEWSWATCH_*`` (nested with ``__``, e.g.
``NEWSWATCH_TOPICS__ALERTS``), a ``.env`` file in the working directory, an optional YAML file
named by ``NEWSWATCH_CONFIG``, then the defaults below. An invalid value fails at start-up with
the setting's name and the reason (see :func:`load_settings`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    Field,
    SecretStr,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from worker.errors import ConfigError
from worker.paths import DATA_DIR, PROJECT_ROOT, SCHEMAS_DIR  # noqa: F401  (re-exported)
from worker.secret_file import read_secret_file
from worker.sinks.targets import TargetOptions, options_type

# One target's settings: its kind's model (worker/sinks/targets/<kind>.py), told apart by `kind`.
TargetSettings = options_type()
_TARGET_ADAPTER: TypeAdapter[Any] = TypeAdapter(TargetSettings)
# Room a Kafka message needs beyond its value: key, headers, record and batch framing.
MESSAGE_OVERHEAD = 65_536


class Topics(BaseModel):
    raw: str = "newswatch.articles.raw"
    clean: str = "newswatch.articles.clean"
    enriched: str = "newswatch.articles.enriched"
    alerts: str = "newswatch.alerts"
    rules: str = "newswatch.rules"
    dlq: str = "newswatch.dlq"
    silences: str = "newswatch.silences"


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


def positive_duration(v: str) -> str:
    """``v`` if it is a duration longer than zero (``14d``, ``36h``), else a ValueError."""
    from worker.transforms.rules.schema import parse_duration

    try:
        length = parse_duration(v)
    except ValueError as exc:
        raise ValueError(f"{v!r}: {exc}") from None
    if length is None:
        raise ValueError(f"{v!r}: expected a duration longer than 0, such as 7d or 36h")
    return v


# A duration setting ("14d", "36h"), checked when the settings are read.
Duration = Annotated[str, AfterValidator(positive_duration)]


def duration_of(v: str) -> timedelta:
    """The length of a duration setting already checked by :func:`positive_duration`."""
    from worker.transforms.rules.schema import parse_duration

    length = parse_duration(v)
    assert length is not None  # checked by the validator
    return length


def target_name(name: str) -> str:
    """Canonical target name: case-insensitive, ``_`` and ``-`` alike, so the environment
    (``NEWSWATCH_TARGETS__SLACK_DESK__…``) and rules (``targets: [slack-desk]``) agree."""
    return name.strip().lower().replace("_", "-")


def target_settings(**values: Any) -> TargetOptions:
    """One target's settings, validated by its kind's model (worker/sinks/targets/<kind>.py)."""
    return _TARGET_ADAPTER.validate_python(values)


class DeliverySettings(BaseModel):
    """Retries, dedupe and links for alert delivery (issue 7)."""

    max_attempts: int = Field(6, ge=1, description="per target, then dead-letter")
    backoff_initial_s: float = Field(1.0, gt=0)
    backoff_max_s: float = Field(60.0, gt=0)
    key_window: str = Field("30d", description="an alert key is notified at most once per window")
    digest_check_s: float = Field(30.0, gt=0, description="how often due digests are looked for")
    sweep_s: float = Field(
        3600.0, gt=0, description="how often expired delivery and throttle records are deleted"
    )
    kibana_url: str | None = Field(None, description="base URL for 'open in Kibana' links")


class KafkaSecurity(BaseModel):
    """How every Kafka client of newswatch connects (the Faust worker, ingest, poll, serve,
    rules publish, the demo): TLS, SASL and their files. One block, turned into each client
    library's arguments by worker/kafka_security.py, so the clients cannot disagree."""

    model_config = {"extra": "forbid"}

    protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] = "PLAIN"
    username: str | None = None
    password: SecretStr | None = None
    password_file: Path | None = Field(None, description="file whose content is the password")
    ca_file: Path | None = Field(
        None, description="PEM bundle to trust for the brokers (default: the system's)"
    )
    cert_file: Path | None = Field(None, description="client certificate (PEM) for mutual TLS")
    key_file: Path | None = Field(None, description="private key (PEM) of cert_file")
    check_hostname: bool = Field(
        True, description="the broker certificate must name the host connected to"
    )

    @property
    def uses_tls(self) -> bool:
        return self.protocol in ("SSL", "SASL_SSL")

    @property
    def uses_sasl(self) -> bool:
        return self.protocol in ("SASL_PLAINTEXT", "SASL_SSL")

    @model_validator(mode="after")
    def _complete(self) -> KafkaSecurity:
        if self.password_file is not None and self.password is None:
            self.password = read_secret_file("password_file", self.password_file)
        if self.uses_sasl and not (self.username and self.password):
            raise ValueError(
                f"protocol {self.protocol} needs username and password (or password_file)"
            )
        if (self.cert_file is None) != (self.key_file is None):
            raise ValueError("cert_file and key_file go together (mutual TLS needs both)")
        if not self.uses_tls and (self.ca_file or self.cert_file):
            raise ValueError(
                f"ca_file/cert_file need protocol SSL or SASL_SSL, not {self.protocol}"
            )
        for name in ("ca_file", "cert_file", "key_file"):
            path = getattr(self, name)
            if path is not None and not Path(path).is_file():
                raise ValueError(f"{name} {path}: no such file")
        return self


@dataclass(frozen=True, slots=True, eq=False)
class KafkaConnection:
    """Where and how a Kafka client connects: what every Kafka adapter needs and nothing more.
    Built from the flat settings by :attr:`Settings.kafka_connection` at the edge (CLI, app
    factory), so adapters name their real parameters instead of taking the whole Settings."""

    # no defaults: Settings holds them, so they cannot drift apart
    bootstrap: str
    security: KafkaSecurity
    max_message_bytes: int


@dataclass(frozen=True, slots=True, eq=False)
class SearchConnection:
    """Where and how the search-engine clients connect (worker/sinks/search_security.py).
    Secrets named by ``*_file`` settings are already read in."""

    url: str
    engine: Literal["auto", "opensearch", "elasticsearch"]
    username: str | None = None
    password: SecretStr | None = None
    api_key: SecretStr | None = None
    ca_file: Path | None = None
    cert_file: Path | None = None
    key_file: Path | None = None
    verify: bool = True
    cloud_id: str | None = None
    aws_region: str | None = None
    aws_service: Literal["es", "aoss"] = "es"


class EventSettings(BaseModel):
    """Events (issue 15): the reports of one real-world event make one alert and its updates."""

    window: Duration = Field(
        "14d",
        description="a report joins an event seen within this long of its reports; "
        "after this much silence the same pair and weapon open a new event",
    )

    @property
    def window_delta(self) -> timedelta:
        return duration_of(self.window)


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class MaintenanceWindow(BaseModel):
    """A recurring silence: alerts matching it are indexed, marked silenced, not delivered."""

    model_config = {"extra": "forbid"}

    name: str = Field(min_length=1)
    days: list[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]] = Field(
        default_factory=lambda: list(WEEKDAYS), description="weekdays the window opens on"
    )
    start: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="HH:MM, local to tz")
    end: str = Field(
        pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="HH:MM; before start: next day"
    )
    tz: str = Field("UTC", description="IANA time zone, e.g. Europe/Berlin")
    rule: str | None = Field(None, description="only this rule (default: every rule)")
    pair: str | None = Field(None, pattern=r"^[A-Z]{3}:[A-Z]{3}$", description="RECIPIENT:SUPPLIER")
    country: str | None = Field(None, pattern=r"^[A-Z]{3}$")
    comment: str = ""

    @field_validator("tz")
    @classmethod
    def _known_zone(cls, v: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {v!r}") from None
        return v


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="NEWSWATCH_",
        env_nested_delimiter="__",
        env_file=".env",
        extra="forbid",
    )

    kafka_bootstrap: str = "127.0.0.1:9092"
    kafka_security: KafkaSecurity = KafkaSecurity()
    search_url: str = "http://127.0.0.1:9200"
    search_engine: Literal["auto", "opensearch", "elasticsearch"] = "auto"
    search_username: str | None = None
    search_password: SecretStr | None = None
    search_api_key: SecretStr | None = None
    search_password_file: Path | None = Field(None, description="file holding search_password")
    search_api_key_file: Path | None = Field(None, description="file holding search_api_key")
    # TLS towards the engine (worker/sinks/search.py): the CA to trust, a client certificate
    # for mutual TLS, and — for a test cluster only — no verification at all (logged loudly).
    search_ca_file: Path | None = Field(None, description="PEM bundle to trust for the engine")
    search_cert_file: Path | None = Field(None, description="client certificate (PEM)")
    search_key_file: Path | None = Field(None, description="private key (PEM) of the certificate")
    search_verify: bool = Field(True, description="verify the engine's certificate and name")
    # Elastic Cloud: the deployment's cloud id replaces search_url (engine: elasticsearch).
    search_cloud_id: str | None = None
    # Amazon OpenSearch Service / Serverless: requests signed with AWS SigV4 (credentials from
    # the standard AWS chain through botocore; `pip install newswatch[aws]`).
    search_aws_region: str | None = None
    search_aws_service: Literal["es", "aoss"] = "es"
    index_prefix: str = "newswatch"
    topics: Topics = Topics()
    partitions: int = Field(4, ge=1, le=1024)
    # How fast the group notices a worker that died without leaving (SIGKILL, OOM, lost node):
    # its partitions are frozen until then. Faust's default is 60 s; 10 s keeps a crashed
    # worker's partitions moving again quickly (the broker's minimum is 6 s).
    session_timeout_s: float = Field(10.0, ge=6.0, le=300.0)
    heartbeat_interval_s: float = Field(3.0, gt=0, le=60.0)
    # Static group membership (e.g. the pod name of a StatefulSet): a restarted worker with the
    # same id takes its partitions back at once, without a rebalance. Must be unique per worker.
    group_instance_id: str | None = None
    app_id: str = "newswatch"
    rules_dir: Path | None = Field(None, description="rule pack folder; the shipped pack if unset")
    metrics_port: int = Field(9108, ge=0, le=65535)
    metrics_host: str = "127.0.0.1"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["json", "text"] = "json"
    max_article_bytes: int = Field(2_000_000, ge=1024)
    # One size budget from edge to sink: every topic newswatch writes gets this
    # `max.message.bytes` (checked and raised at start-up) and every producer this
    # `max_request_size`. Kafka's own default (1 MB) is below the article limit; an enriched
    # message (article + entities + alerts) is larger than the article it came from.
    kafka_max_message_bytes: int = Field(8_388_608, ge=1_048_576, le=104_857_600)
    # Producer batching. Faust's defaults (no linger, 16 KB batches) turn every 3-5 articles
    # into one produce request: at ~100 articles/s a quarter of the worker's CPU and much of the
    # broker's went to request overhead and socket writes (py-spy; bench/bench_e2e.py). A few
    # milliseconds of linger batch a whole stream burst into one request per partition.
    producer_linger_s: float = Field(0.005, ge=0, le=1.0)
    # How long the broker may park a fetch that found nothing (worker/faust_compat.py): short,
    # because one parked fetch holds back every partition of the worker behind it.
    fetch_max_wait_ms: int = Field(20, ge=1, le=10_000)
    producer_batch_bytes: int = Field(524_288, ge=16_384)
    # The intake stage tags and matches articles in batches of up to this many (or what
    # arrived within the seconds): the pair reader's parser costs less per sentence when a
    # batch's sentences are parsed in one call (docs/rules.md, "Parsing in batches"). The
    # seconds are the most a lone article waits for company. At most 256, so that a batch's
    # parsed sentences stay in the parser's cache (4,096) until each article reads them.
    intake_batch: int = Field(32, ge=1, le=256)
    intake_batch_seconds: float = Field(0.02, gt=0, le=5.0)
    bulk_max_docs: int = Field(500, ge=1)
    bulk_max_seconds: float = Field(1.0, gt=0)
    stack: StackSettings = StackSettings()
    state_dir: Path = Field(
        PROJECT_ROOT / ".state", description="local state (e.g. feeds.json: what poll has seen)"
    )
    # The compiled gazetteer (about 3 s of CPU to build) is kept between processes, one file
    # per tagger version (worker/tagger_store.py), so commands and worker restarts skip it.
    tagger_cache: bool = Field(True, description="keep the compiled tagger on disk")
    cache_dir: Path | None = Field(None, description="default <state_dir>/cache")
    feeds: list[FeedSettings] = Field(default_factory=list)
    http: HttpSettings = HttpSettings()
    dedupe_threshold: float = Field(
        0.5, gt=0, le=1, description="estimated Jaccard similarity for near-duplicates"
    )
    dedupe_window: Duration = Field(
        "7d",
        description="dedupe remembers stories this far back in article time (e.g. 36h, 7d)",
    )
    # Where Faust keeps tables: RocksDB on local disk in production, so a restart reads only
    # the changelog written since it stopped (memory:// replays the whole changelog, and holds
    # every record in RAM); memory:// for tests and throwaway runs.
    table_store: str = Field("rocksdb://", description="rocksdb:// (persistent) or memory://")
    store_dir: Path | None = Field(
        None,
        description="table files (rocksdb://); default <state_dir>/tables/<app_id>/<worker>",
    )
    # One budget for all the tables' RocksDB databases (one per table partition), so that the
    # worker's RocksDB memory neither grows with partitions nor keeps filling per-database
    # caches once the state is full (worker/table_memory.py).
    table_cache_mb: int = Field(
        32,
        ge=8,
        description="RocksDB memory (MiB) for all tables: one block cache that also holds "
        "the memtables and index/filter blocks",
    )

    # alert delivery (issue 7)
    targets: dict[str, TargetSettings] = {}
    default_targets: list[str] = Field([], description="targets for alerts whose rule names none")
    delivery: DeliverySettings = DeliverySettings()
    # events and silences (issue 15)
    events: EventSettings = EventSettings()
    maintenance: list[MaintenanceWindow] = Field(
        default_factory=list, description="recurring silences (docs/rules.md, Silences)"
    )

    @property
    def kafka_connection(self) -> KafkaConnection:
        return KafkaConnection(
            self.kafka_bootstrap, self.kafka_security, self.kafka_max_message_bytes
        )

    @property
    def search_connection(self) -> SearchConnection:
        return SearchConnection(
            url=self.search_url,
            engine=self.search_engine,
            username=self.search_username,
            password=self.search_password,
            api_key=self.search_api_key,
            ca_file=self.search_ca_file,
            cert_file=self.search_cert_file,
            key_file=self.search_key_file,
            verify=self.search_verify,
            cloud_id=self.search_cloud_id,
            aws_region=self.search_aws_region,
            aws_service=self.search_aws_service,
        )

    @model_validator(mode="after")
    def _article_fits_a_message(self) -> Settings:
        # The raw message is the article plus its JSON envelope: keep room for that.
        if self.max_article_bytes + MESSAGE_OVERHEAD > self.kafka_max_message_bytes:
            raise ValueError(
                f"max_article_bytes ({self.max_article_bytes:,}) + {MESSAGE_OVERHEAD:,} must "
                f"not exceed kafka_max_message_bytes ({self.kafka_max_message_bytes:,})"
            )
        return self

    @field_validator("table_store")
    @classmethod
    def _known_store(cls, v: str) -> str:
        if v not in ("rocksdb://", "memory://"):
            raise ValueError(
                f"{v!r} is not a table store newswatch runs on: use rocksdb:// or memory://"
            )
        return v

    @property
    def dedupe_window_s(self) -> float:
        return duration_of(self.dedupe_window).total_seconds()

    def tagger_cache_dir(self) -> Path | None:
        """Where the compiled tagger is kept, or None when the cache is off."""
        if not self.tagger_cache:
            return None
        return self.cache_dir if self.cache_dir is not None else self.state_dir / "cache"

    def table_dir(self) -> Path:
        """This worker's table files: two workers on one machine must not share them (RocksDB
        locks its files; Faust names them after the table only), so the default is per app and
        per worker: its group instance id (the pod name of a StatefulSet) or the host name."""
        if self.store_dir is not None:
            return self.store_dir
        import socket

        worker = self.group_instance_id or socket.gethostname()
        return self.state_dir / "tables" / self.app_id / worker

    @model_validator(mode="after")
    def _search_security(self) -> Settings:
        for name in ("search_password", "search_api_key"):
            path = getattr(self, f"{name}_file")
            if path is not None and getattr(self, name) is None:
                setattr(self, name, read_secret_file(f"{name}_file", path))
        if (self.search_cert_file is None) != (self.search_key_file is None):
            raise ValueError("search_cert_file and search_key_file go together")
        for name in ("search_ca_file", "search_cert_file", "search_key_file"):
            path = getattr(self, name)
            if path is not None and not Path(path).is_file():
                raise ValueError(f"{name} {path}: no such file")
        if self.search_cloud_id and self.search_aws_region:
            raise ValueError(
                "search_cloud_id (Elastic Cloud) and search_aws_region (Amazon) exclude each other"
            )
        if self.search_cloud_id and self.search_engine == "opensearch":
            raise ValueError("search_cloud_id is an Elastic Cloud id; search_engine is opensearch")
        if self.search_aws_region and self.search_engine == "elasticsearch":
            raise ValueError(
                "search_aws_region signs for Amazon OpenSearch; search_engine is elasticsearch"
            )
        return self

    @field_validator("targets", mode="after")
    @classmethod
    def _canonical_target_names(cls, v: dict[str, Any]) -> dict[str, Any]:
        return {target_name(k): t for k, t in v.items()}

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources = (
            init_settings,
            env_settings,
            dotenv_settings,
            file_secret_settings,
            _YamlSource(settings_cls),
        )
        # Target names are canonical *before* the sources are merged, so that a YAML
        # `slack-desk:` and NEWSWATCH_TARGETS__SLACK_DESK__… describe one target.
        return tuple(_CanonicalTargets(settings_cls, source) for source in sources)


class _CanonicalTargets(PydanticBaseSettingsSource):
    """A settings source whose ``targets`` keys are :func:`target_name`-canonical."""

    def __init__(self, settings_cls: type[BaseSettings], inner: PydanticBaseSettingsSource):
        super().__init__(settings_cls)
        self.inner = inner

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return self.inner.get_field_value(field, field_name)

    def __call__(self) -> dict[str, Any]:
        data = self.inner()
        targets = data.get("targets")
        if not isinstance(targets, dict):
            return data
        canonical: dict[str, Any] = {}
        for name, value in targets.items():
            key = target_name(str(name))
            if key in canonical:
                raise ConfigError(f"targets: {name!r} and another name both mean {key!r}")
            canonical[key] = value
        return {**data, "targets": canonical}


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


_SECRET_WORDS = ("password", "secret", "token", "api_key", "url")


def _shown_input(err: Any) -> str:
    """The offending input, when it is safe to print: a scalar under a name that carries no
    secret. Objects (a whole target, say) may hold passwords, so they are never echoed."""
    value = err.get("input")
    path = "_".join(str(p) for p in err.get("loc", ())).lower()
    if isinstance(value, dict | list) or any(w in path for w in _SECRET_WORDS):
        return ""
    return f" (got {value!r})"


# Query parameters that carry a credential (`?token=…`, `&api_key=…`, `sig=`, …).
_SECRET_QUERY = re.compile(
    r"([?&](?:[\w.-]*(?:token|key|secret|signature|password|passwd|auth)[\w.-]*|sig|pwd)=)"
    r"[^&#\s'\"]+",
    re.IGNORECASE,
)
# A Slack webhook URL is itself the credential; so is a Slack workflow trigger.
_SLACK_HOOK = re.compile(r"(hooks\.slack\.com/(?:services|workflows|triggers)/)[^\s'\"<>]+")


def mask_secrets_in_text(text: str) -> str:
    """URL credentials in free text masked: ``user:pass@``, secret query parameters and Slack
    webhook paths (used by ``config show`` and by the log filter in worker/logs.py)."""
    text = re.sub(r"([a-zA-Z][\w+.-]*://[^/@:\s]*):[^/@\s]*@", r"\1:********@", text)
    text = _SECRET_QUERY.sub(r"\1********", text)
    return _SLACK_HOOK.sub(r"\1********", text)


def _mask_url(url: str | None) -> str | None:
    """``https://user:pass@host/?token=t`` → ``https://user:********@host/?token=********``."""
    if not url:
        return url
    return mask_secrets_in_text(url)


def load_settings(**overrides: Any) -> Settings:
    """Build the settings, turning validation errors into one readable :class:`ConfigError`."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            name = "NEWSWATCH_" + "__".join(str(p) for p in err["loc"]).upper()
            lines.append(f"  {name}: {err['msg']}{_shown_input(err)}")
        raise ConfigError("invalid configuration:\n" + "\n".join(lines)) from None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()


def secret_values(settings: Settings) -> list[str]:
    """Every configured secret in the clear, for the log filter to mask (worker/logs.py)."""
    found = [settings.search_password, settings.search_api_key, *settings.http.tokens]
    found.append(settings.kafka_security.password)
    for target in settings.targets.values():
        found += [v for v in vars(target).values() if isinstance(v, SecretStr)]
    return [s.get_secret_value() for s in found if s is not None]


def masked(settings: Settings) -> dict[str, Any]:
    """The effective configuration as plain data, secrets replaced by ``'********'``."""
    data = settings.model_dump(mode="json")
    data["search_url"] = _mask_url(data.get("search_url"))
    if data.get("delivery"):
        data["delivery"]["kibana_url"] = _mask_url(data["delivery"].get("kibana_url"))
    for name in ("search_password", "search_api_key"):
        if data.get(name):
            data[name] = "********"
    if data["kafka_security"].get("password"):
        data["kafka_security"]["password"] = "********"
    for name, target in data.get("targets", {}).items():
        for key, value in vars(settings.targets[name]).items():
            if isinstance(value, SecretStr):
                target[key] = "********"
        if "url" in target:
            target["url"] = _mask_url(target.get("url"))
    for feed in data.get("feeds", []):
        feed["url"] = _mask_url(feed.get("url"))
    return data
