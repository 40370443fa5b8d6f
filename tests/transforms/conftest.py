"""Fixtures the transform tests share: the shipped tagger and rule pack, built once per module
(a file that needs another tagger defines its own fixture of the same name)."""

from __future__ import annotations

import pytest

from worker.transforms.rules import RuleSet, load_rules
from worker.transforms.tag import Tagger, default_tagger


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return default_tagger()


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()
