"""Fixtures of the graph page tests: stores loaded from hand-written TriG (see page_graphs.py)."""

from __future__ import annotations

import pytest
from tests.export.page_graphs import SEEDS_TRIG, XSS_TRIG, load_trig

from kg.store import Store


@pytest.fixture()
def trig_store() -> Store:
    return load_trig(SEEDS_TRIG)


@pytest.fixture()
def xss_store() -> Store:
    return load_trig(XSS_TRIG)
