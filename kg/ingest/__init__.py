"""Ingest: files and folders -> :class:`kg.model.Document`, the first stage of the data flow.

Reads .txt, .md, .html and .jsonl articles, whatever the encoding, and marks
which parts of the text are the article (``Document.body``) and which are page
furniture (comments, "Leave a Reply", share prompts, metadata lines). Every
problem is an :class:`kg.errors.InputError` handed to ``on_error``, and the
batch goes on.

Modules: :mod:`~kg.ingest.files` (walking folders, safe opening),
:mod:`~kg.ingest.decode` (bytes to text), :mod:`~kg.ingest.furniture` (the line
patterns), :mod:`~kg.ingest.layout` (title, metadata lines, body spans),
:mod:`~kg.ingest.html` (trafilatura), :mod:`~kg.ingest.dates`,
:mod:`~kg.ingest.language`, :mod:`~kg.ingest.read` (the readers).

>>> import tempfile, pathlib
>>> from kg.ingest import read_document
>>> path = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> _ = path.write_text("Kim honours soldiers\\n\\nKim placed his hands on the coffins.\\n\\nSource: Guardian\\n"
...                     "\\n1 Response\\n\\nNice post.\\n")
>>> doc = read_document(path)
>>> doc.title, doc.publisher, [doc.text[s:e] for s, e in doc.body]
('Kim honours soldiers', 'Guardian', ['Kim placed his hands on the coffins.'])
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "SUFFIXES",
    "DuplicateDocumentWarning",
    "MetadataWarning",
    "SkippedFileWarning",
    "iter_documents",
    "read_document",
    "read_jsonl",
]

# Names load on first use: the parser workers import kg.ingest.pieces alone, without the HTML stack.
_HOMES = {
    "SUFFIXES": "kg.ingest.files",
    "SkippedFileWarning": "kg.ingest.files",
    "DuplicateDocumentWarning": "kg.ingest.read",
    "MetadataWarning": "kg.ingest.read",
    "iter_documents": "kg.ingest.read",
    "read_document": "kg.ingest.read",
    "read_jsonl": "kg.ingest.read",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
