"""YAML files read as node trees, so that every error about them can name its line.

The gazetteer walks the nodes itself; rule packs validate the plain data with JSON Schema and
ask :meth:`YamlDoc.line` where a failing path is. Both read files through :meth:`YamlDoc.read`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# libyaml's parser when available: same nodes and marks, several times faster to compose.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlReadError(Exception):
    """A file that cannot be read or is not YAML: ``file:line: reason``."""

    def __init__(self, file: str, line: int | None, reason: str):
        super().__init__(f"{file}:{line}: {reason}" if line else f"{file}: {reason}")
        self.file, self.line, self.reason = file, line, reason


@dataclass
class YamlDoc:
    """One YAML document: its node tree (``None`` for an empty file) and where it came from."""

    file: str
    node: yaml.Node | None
    _loader: Any = field(default=None, repr=False)
    _data: Any = field(default=None, repr=False)

    @classmethod
    def read(cls, path: Path) -> YamlDoc:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise YamlReadError(str(path), None, f"cannot read: {exc}") from None
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            reason = getattr(exc, "problem", None) or str(exc)
            raise YamlReadError(
                str(path), mark.line + 1 if mark else None, f"invalid YAML: {reason}"
            ) from None
        return cls(str(path), node, loader)

    @classmethod
    def of_data(cls, file: str, data: Any) -> YamlDoc:
        """A document that was never text (a published record): no lines to name."""
        doc = cls(file, None)
        doc._data = data
        return doc

    @property
    def data(self) -> Any:
        """The document as plain Python data (built from the nodes once)."""
        if self._data is None and self.node is not None:
            self._data = self.construct(self.node)
        return self._data

    def construct(self, node: yaml.Node) -> Any:
        return self._loader.construct_document(node)

    def line_of(self, node: yaml.Node) -> int:
        return node.start_mark.line + 1

    def line(self, path: Iterable[str | int] = ()) -> int | None:
        """1-based line of the value at ``path`` (nearest existing ancestor)."""
        node = self.node
        best = self.line_of(node) if node is not None else None
        for key in path:
            if isinstance(node, yaml.MappingNode):
                nxt = next((v for k, v in node.value if k.value == key), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
                nxt = node.value[key] if key < len(node.value) else None
            else:
                nxt = None
            if nxt is None:
                break
            node = nxt
            best = self.line_of(node)
        return best

    def close(self) -> None:
        if self._loader is not None:
            self._loader.dispose()
