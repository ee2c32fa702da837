"""Fixtures for the extractor tests: the real pipeline (with the clause component) and a one-call extractor."""

from __future__ import annotations

import pytest

from kg.extract import extract_document
from kg.model import Document, Extraction
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
