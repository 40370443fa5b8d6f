"""``*_file`` secrets: a setting whose value is the path of a file holding the secret (a mounted
Kubernetes or Docker secret), read once when the settings are loaded."""

from __future__ import annotations

from pathlib import Path

from pydantic import SecretStr


def read_secret_file(field: str, path: Path) -> SecretStr:
    """The content of ``path``, stripped; a ValueError naming ``field`` (e.g. ``password_file``)
    and the reason when it cannot be read (pydantic turns it into the setting's error)."""
    try:
        return SecretStr(Path(path).read_text(encoding="utf-8").strip())
    except OSError as exc:
        raise ValueError(f"{field} {path}: {exc.strerror}") from None
