"""Fixtures for the extractor tests: the real pipeline (with the clause component) and a one-call extractor."""

from __future__ import annotations

import pytest

from kg.extract import extract_document
from kg.model import Claim, Document, Extraction
from kg.nlp import load_pipeline


@pytest.fixture(scope="session")
def pipeline():
    """The project's pipeline: the declared spaCy model plus claimgraph's clause component."""
    return load_pipeline()


@pytest.fixture(scope="session")
def extract(pipeline):
    """``extract(text, issued=None)`` -> Extraction of a one-off document published by "Test Daily"."""

    def run(text: str, issued: str | None = None) -> Extraction:
        return extract_document(Document(text=text, source="test.txt", publisher="Test Daily", issued=issued), pipeline)

    return run


def claim_with(ex: Extraction, verb: str, *, act: bool = False) -> Claim:
    """The claim whose relation has the word ``verb`` (a reporting act when ``act``); fails if there is none."""
    found = [c for c in ex.claims if verb in c.relation.split() and c.rule.startswith("attribution") == act]
    assert found, f"no {'reporting act' if act else 'claim'} for {verb!r}: {[(c.relation, c.rule) for c in ex.claims]}"
    return found[-1]


def label(ex: Extraction, key: str | None) -> str | None:
    """The label of entity ``key`` in ``ex`` (``None`` stays ``None``)."""
    if key is None:
        return None
    return next(e.label for e in ex.entities if e.key == key)
