"""Fixtures of the resolve tests: an empty in-memory store per test."""

from __future__ import annotations

import pytest

from kg.store import Store


@pytest.fixture
def store() -> Store:
    return Store()
