"""Fixtures for the extractor tests: the real pipeline (with the clause component), a one-call extractor, and
``parse`` for the coreference tests (one text parsed, its names indexed, its references resolved)."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import pytest
from spacy.tokens import Doc

from kg.extract import extract_document
from kg.extract.attribution import attribute
from kg.extract.coref import resolve_references
from kg.extract.entities import EntityIndex, index_entities
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


class Parsed(NamedTuple):
    """One text parsed as a single chunk, with its entity index."""

    doc: Doc
    index: EntityIndex

    def key(self, word: str, nth: int = 0) -> str | None:
        """The entity key of the ``nth`` token spelled ``word`` (None: the token refers to nothing)."""
        tok = [t for t in self.doc if t.text == word][nth]
        return self.index.by_token.get((0, tok.i))


@pytest.fixture
def parse(nlp) -> Callable[..., Parsed]:
    """``parse(text, quotes=False, references=True)``: parse ``text``, index its names and, unless
    ``references`` is false, resolve its descriptions and pronouns (with quote attribution if ``quotes``)."""

    def run(text: str, *, quotes: bool = False, references: bool = True) -> Parsed:
        doc = nlp(text)
        chunks = [(doc, 0)]
        index = index_entities(chunks)
        if references:
            resolve_references(chunks, index, attribution=attribute(chunks) if quotes else None)
        return Parsed(doc, index)

    return run
