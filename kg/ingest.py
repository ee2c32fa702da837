"""Ingest: files and folders -> Documents (first version; see iter_documents)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from kg.errors import InputError
from kg.model import Document

__all__ = ["SUFFIXES", "iter_documents", "read_document"]

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
_FURNITURE_CUT = re.compile(r"^\s*(\d+\s+(Responses?|Comments?)|Leave a Reply)\s*$", re.I | re.M)
_SKIP_LINE = re.compile(r"^\s*(Source:.*|Now watching)\s*$", re.I)


def _raise(err: InputError) -> None:
    raise err


def iter_documents(inputs: Sequence[str | Path], *, on_error: Callable[[InputError], None] | None = None) -> Iterator[Document]:
    on_error = on_error or _raise
    for item in inputs:
        path = Path(item)
        if not path.exists():
            on_error(InputError("E100", path=str(path)))
            continue
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES) if path.is_dir() else [path]
        for f in files:
            try:
                if f.suffix.lower() == ".jsonl":
                    yield from _read_jsonl(f)
                else:
                    yield read_document(f)
            except InputError as err:
                on_error(err)


def read_document(path: Path) -> Document:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise InputError("E101", path=str(path), reason="binary file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("E102", path=str(path), reason=str(exc)) from exc
    if not text.strip():
        raise InputError("E101", path=str(path), reason="empty file")
    return _document_from_text(text, str(path))


def _document_from_text(text: str, source: str, **meta) -> Document:
    end = len(text)
    cut = _FURNITURE_CUT.search(text)
    if cut:
        end = cut.start()
    body, title, publisher, pos = [], None, None, 0
    for line in text[:end].splitlines(keepends=True):
        stripped = line.strip()
        if stripped and _SKIP_LINE.match(line):
            if stripped.lower().startswith("source:"):
                publisher = stripped.split(":", 1)[1].strip()
        elif stripped:
            if title is None and pos == 0 and not stripped.endswith("."):
                title = stripped
            body.append((pos, pos + len(line.rstrip("\r\n"))))
        pos += len(line)
    meta.setdefault("title", title)
    meta.setdefault("publisher", publisher)
    return Document(text=text, source=source, body=tuple(body), **meta)


def _read_jsonl(path: Path) -> Iterator[Document]:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            text = obj["text"]
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError("E103", path=str(path), line=n, reason=f"not an article object ({exc})") from exc
        yield Document(text=text, source=f"{path}#{n}", title=obj.get("title"), publisher=obj.get("publisher"),
                       issued=obj.get("date"), url=obj.get("url"))
