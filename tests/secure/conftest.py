"""A second, secured Kafka for the secured-cluster tests: one KRaft broker from the devstack's
own Kafka distribution (worker/devstack.py), on free loopback ports, with only a SASL_SSL
listener (SCRAM-SHA-512 logins, TLS with a client certificate required). Started once per
session and stopped at its end; the shared stack's broker is not touched."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import free_port
from tests.secure.certs import Certs, make_certs
from tests.secure.https_front import Front

USER = "newswatch"
ADMIN = "broker-admin"


@dataclass
class SecureKafka:
    bootstrap: str
    certs: Certs
    password: str
    folder: Path

    def env(self, **overrides: str) -> dict[str, str]:
        """NEWSWATCH_* variables that point every client at this broker."""
        p = "NEWSWATCH_KAFKA_SECURITY__"
        env = {
            "NEWSWATCH_KAFKA_BOOTSTRAP": self.bootstrap,
            f"{p}PROTOCOL": "SASL_SSL",
            f"{p}SASL_MECHANISM": "SCRAM-SHA-512",
            f"{p}USERNAME": USER,
            f"{p}PASSWORD": self.password,
            f"{p}CA_FILE": str(self.certs.ca),
            f"{p}CERT_FILE": str(self.certs.client_cert),
            f"{p}KEY_FILE": str(self.certs.client_key),
        }
        return {**env, **{f"{p}{k.upper()}": v for k, v in overrides.items()}}


@pytest.fixture(scope="session")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certs:
    return make_certs(tmp_path_factory.mktemp("certs"))


@pytest.fixture(scope="session")
def secure_kafka(certs: Certs) -> Iterator[SecureKafka]:
    from worker.config import PROJECT_ROOT, StackSettings
    from worker.devstack import Kafka, KafkaListener

    password = f"pw-{uuid.uuid4().hex}"
    admin_password = f"admin-{uuid.uuid4().hex}"
    port = free_port()
    scram = "org.apache.kafka.common.security.scram.ScramLoginModule required"
    listener = KafkaListener(
        protocol="SASL_SSL",
        properties={
            "sasl.enabled.mechanisms": "SCRAM-SHA-512",
            "sasl.mechanism.inter.broker.protocol": "SCRAM-SHA-512",
            "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config": (
                f'{scram} username="{ADMIN}" password="{admin_password}";'
            ),
            "ssl.keystore.type": "PEM",
            "ssl.keystore.location": str(certs.server_pem),
            "ssl.truststore.type": "PEM",
            "ssl.truststore.location": str(certs.ca),
            # Kafka ignores a bare ssl.client.auth on SASL_SSL listeners: it must be prefixed.
            "listener.name.sasl_ssl.ssl.client.auth": "required",
            "num.partitions": "2",
        },
        scram=[
            f"SCRAM-SHA-512=[name={ADMIN},password={admin_password}]",
            f"SCRAM-SHA-512=[name={USER},password={password}]",
        ],
        client={
            "security_protocol": "SASL_SSL",
            "ssl_cafile": str(certs.ca),
            "ssl_certfile": str(certs.client_cert),
            "ssl_keyfile": str(certs.client_key),
            "sasl_mechanism": "SCRAM-SHA-512",
            "sasl_plain_username": USER,
            "sasl_plain_password": password,
        },
    )
    # The class path (resolved by Maven once) is kept between sessions; data never is.
    stack = StackSettings(
        state_dir=PROJECT_ROOT / ".state" / "secure",
        kafka_port=port,
        kafka_controller_port=free_port(),
        kafka_heap="256m",
        start_timeout_s=120,
    )
    # A short-lived test broker: start fast (C1 JIT only, serial GC) rather than run fast.
    fast_start = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto")
    kafka = Kafka(stack, name="kafka-secure", listener=listener, jvm_options=fast_start)
    kafka.stop()  # one left behind by a killed session (its pid file is ours)
    shutil.rmtree(kafka.dir / "data", ignore_errors=True)
    try:
        kafka.start()
        yield SecureKafka(f"127.0.0.1:{port}", certs, password, kafka.dir)
    finally:
        kafka.stop()
        shutil.rmtree(kafka.dir / "data", ignore_errors=True)


@pytest.fixture(scope="session")
def secure_search(certs: Certs, stack_ready: None) -> Iterator[Front]:
    """The shared OpenSearch behind TLS + client certificate + basic auth (see https_front)."""
    from worker.config import load_settings

    front = Front(
        upstream=load_settings().search_url.rstrip("/"),
        certs=certs,
        port=free_port(),
        username="newswatch-search",
        password=f"search-{uuid.uuid4().hex}",
    )
    front.start()
    yield front
    front.stop()


def search_env(front: Front, certs: Certs, **overrides: str) -> dict[str, str]:
    """NEWSWATCH_SEARCH_* variables for the secured front."""
    env = {
        "NEWSWATCH_SEARCH_URL": front.url,
        "NEWSWATCH_SEARCH_USERNAME": front.username,
        "NEWSWATCH_SEARCH_PASSWORD": front.password,
        "NEWSWATCH_SEARCH_CA_FILE": str(certs.ca),
        "NEWSWATCH_SEARCH_CERT_FILE": str(certs.client_cert),
        "NEWSWATCH_SEARCH_KEY_FILE": str(certs.client_key),
    }
    return {**env, **{f"NEWSWATCH_SEARCH_{k.upper()}": v for k, v in overrides.items()}}
