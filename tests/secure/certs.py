"""Test certificates made with the ``openssl`` command line: a CA, a server certificate for
127.0.0.1/localhost and a client certificate signed by it, and a second, unrelated CA (what an
"untrusted certificate" looks like to a client)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Certs:
    ca: Path
    server_cert: Path
    server_key: Path
    server_pem: Path  # key + certificate in one file (Kafka's PEM keystore)
    client_cert: Path
    client_key: Path
    other_ca: Path  # signed nothing we use: trusting only it must fail


def _openssl(*args: str, cwd: Path) -> None:
    proc = subprocess.run(["openssl", *args], cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"openssl {' '.join(args)} failed:\n{proc.stderr}")


def _ca(folder: Path, name: str) -> None:
    _openssl(
        "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
        "-nodes", "-days", "2",
        "-subj", f"/CN={name}", "-keyout", f"{name}.key", "-out", f"{name}.pem",
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        cwd=folder,
    )  # fmt: skip


def _leaf(folder: Path, name: str, ca: str, ext: str) -> None:
    # P-256 keys (fast to make, unlike RSA on a busy machine), PKCS#8 unencrypted: what
    # Kafka's PEM key store and Python's ssl both read.
    _openssl(
        "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-subj", f"/CN={name}",
        "-keyout", f"{name}.key", "-out", f"{name}.csr",
        cwd=folder,
    )  # fmt: skip
    (folder / f"{name}.ext").write_text(ext)
    _openssl(
        "x509", "-req", "-in", f"{name}.csr", "-CA", f"{ca}.pem", "-CAkey", f"{ca}.key",
        "-CAcreateserial", "-days", "2", "-extfile", f"{name}.ext", "-out", f"{name}.pem",
        cwd=folder,
    )  # fmt: skip


def make_certs(folder: Path) -> Certs:
    folder.mkdir(parents=True, exist_ok=True)
    _ca(folder, "ca")
    _ca(folder, "other-ca")
    _leaf(
        folder,
        "server",
        "ca",
        "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
        "extendedKeyUsage=serverAuth,clientAuth\n",  # the broker is its own client too
    )
    _leaf(folder, "client", "ca", "extendedKeyUsage=clientAuth\n")
    server_pem = folder / "server-keystore.pem"
    server_pem.write_text((folder / "server.key").read_text() + (folder / "server.pem").read_text())
    return Certs(
        ca=folder / "ca.pem",
        server_cert=folder / "server.pem",
        server_key=folder / "server.key",
        server_pem=server_pem,
        client_cert=folder / "client.pem",
        client_key=folder / "client.key",
        other_ca=folder / "other-ca.pem",
    )
