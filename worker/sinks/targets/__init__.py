"""Alert targets: one module per kind in this package, found by name.

A kind's module defines ``KIND = TargetKind(name, OptionsModel, build)``: the settings model
(a :class:`TargetOptions` subclass whose ``kind`` literal is the name), and a function that
builds the target from a name, its options and a :class:`~worker.sinks.render.Renderer`. The
settings (``targets:`` in the config), validation, the dispatcher and the templates pick it up
from here; adding Microsoft Teams is a new ``teams.py`` here plus its templates.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from typing import Annotated, Any, Union

from pydantic import Field

from worker.sinks.targets.base import (
    DeliveryError,
    Target,
    TargetKind,
    TargetOptions,
    permanent_status,
)

__all__ = [
    "DeliveryError",
    "Target",
    "TargetKind",
    "TargetOptions",
    "build_target",
    "build_targets",
    "kinds",
    "options_type",
    "permanent_status",
]


@cache
def kinds() -> dict[str, TargetKind]:
    """name → kind, for every module of this package that declares ``KIND``."""
    found: dict[str, TargetKind] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        kind = getattr(module, "KIND", None)
        if isinstance(kind, TargetKind):
            found[kind.name] = kind
    return dict(sorted(found.items()))


def options_type() -> Any:
    """The settings type of one target: the kinds' models, told apart by ``kind``."""
    models = tuple(k.options for k in kinds().values())
    return Annotated[Union[models], Field(discriminator="kind")]  # noqa: UP007


def build_target(name: str, options: TargetOptions, kibana_url: str | None = None) -> Target:
    from worker.sinks.render import Renderer

    renderer = Renderer(options.template_dir, kibana_url)
    return kinds()[options.kind].build(name, options, renderer)


def build_targets(targets: dict[str, TargetOptions], delivery: Any) -> dict[str, Target]:
    """name → Target for every configured target (``delivery``: the links' Kibana base)."""
    return {name: build_target(name, ts, delivery.kibana_url) for name, ts in targets.items()}
