"""Files -> :class:`kg.model.Document`: one article per file, one per line of a .jsonl.

Metadata comes from three places, the more explicit winning: a sidecar
``NAME.meta.json`` beats what the format declares (HTML metadata, .jsonl
fields, Markdown front matter), which beats what the text says (a first line
that looks like a title, a "Source: X" line, a "Published: <date>" line).
When none of them dates the article, the date in its URL does
("/2014/05/12/", see :func:`kg.ingest.dates.date_from_url`).
"""

from __future__ import annotations

import codecs
import json
import re
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.ingest.dates import date_from_url, normalise_date
from kg.ingest.decode import decode_bytes, sniff_binary
from kg.ingest.files import SIDECAR_SUFFIX, SUFFIXES, open_regular, read_bytes, walk_inputs
from kg.ingest.html import extract_html
from kg.ingest.language import detect_language
from kg.ingest.layout import analyse_text
from kg.model import Document

__all__ = [
    "DuplicateDocumentWarning",
    "MetadataWarning",
    "iter_documents",
    "read_document",
    "read_jsonl",
]

_HTML = (".html", ".htm")
_FIELDS = ("title", "publisher", "date", "url", "language")
_ALIASES = {"issued": "date", "published": "date", "source": "publisher", "site_name": "publisher", "lang": "language"}
_LANGUAGE_SAMPLE = 20_000
_HEAD_BYTES = 8192
_UNICODE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# JSON may spell a lone UTF-16 surrogate ("\\ud800"): no UTF-8 text can hold one, so it becomes U+FFFD.
_SURROGATE = re.compile("[\ud800-\udfff]")


class DuplicateDocumentWarning(UserWarning):
    """Two inputs of one batch have the same text; the later one was not read again."""


class MetadataWarning(UserWarning):
    """A sidecar or a metadata field could not be used; the article was read without it."""


@dataclass(frozen=True)
class _Meta:
    title: str | None = None
    publisher: str | None = None
    issued: str | None = None
    url: str | None = None
    language: str | None = None


def iter_documents(
    inputs: Sequence[str | Path], *, on_error: Callable[[InputError], None] | None = None
) -> Iterator[Document]:
    """Read every article of ``inputs``: files, folders (recursively) and .jsonl files.

    Parameters
    ----------
    inputs:
        Files and folders; folders are walked in sorted order, skipping hidden
        entries and files of other types (see :func:`kg.ingest.files.walk_inputs`).
    on_error:
        Called with each :class:`InputError` (a missing path, an unreadable,
        empty or binary file, an undecodable one, a bad .jsonl line); the batch
        goes on. Without it the first error is raised.

    Yields
    ------
    One :class:`Document` per article, each text once: a document whose text
    (SHA-256) was already yielded in this batch raises a
    :class:`DuplicateDocumentWarning` instead.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Kim honours soldiers\\n\\nKim placed his hands on the coffins.\\n")
    >>> _ = (folder / "b.txt").write_bytes(b"%PDF-1.7")
    >>> errors = []
    >>> [doc.title for doc in iter_documents([folder, folder / "missing.txt"], on_error=errors.append)]
    ['Kim honours soldiers']
    >>> [err.code for err in errors]
    ['E101', 'E100']
    """
    report = on_error or _raise
    seen: dict[str, str] = {}
    for path in walk_inputs(inputs, report=report):
        try:
            documents = read_jsonl(path, on_error=report) if path.suffix.lower() == ".jsonl" else iter((read_document(path),))
            for document in documents:
                first = seen.setdefault(document.sha256, document.source)
                if first != document.source:
                    warnings.warn(
                        f"{document.source}: same text as {first}; read once", DuplicateDocumentWarning, stacklevel=2
                    )
                    continue
                yield document
        except InputError as err:
            report(err)


def read_document(path: Path) -> Document:
    """Read one .txt, .md or .html file as one article.

    Parameters
    ----------
    path:
        The file; its sidecar ``NAME.meta.json``, when present, gives metadata.

    Returns
    -------
    The :class:`Document`: ``text`` is the decoded file without its byte-order
    mark (for HTML, the extracted main text); ``body`` the article paragraphs;
    ``language`` the guessed language of the body.

    Raises
    ------
    InputError
        ``E100`` missing; ``E101`` empty, whitespace only, binary, too large, or
        nothing but page furniture; ``E102`` undecodable; ``E104`` unreadable;
        ``E105`` a type claimgraph does not read.
    ValueError
        For a .jsonl file, which holds many articles: use :func:`read_jsonl`.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        raise ValueError(f"{path} holds one article per line: read it with read_jsonl")
    data = read_bytes(path)
    source = str(path)
    if suffix not in SUFFIXES:
        kind = sniff_binary(data) if data else None
        if kind is not None:
            raise InputError("E101", path=source, reason=f"binary file ({kind}), not text")
        raise InputError("E105", path=source, suffix=path.suffix or "(none)", known=", ".join(SUFFIXES))
    text = decode_bytes(data, path=source)
    sidecar = _read_sidecar(path)
    if suffix in _HTML:
        page = extract_html(text, path=source)
        meta = _Meta(title=page.title, publisher=page.publisher, issued=page.issued, url=page.url)
        return _document(page.text, source, meta=meta, sidecar=sidecar, path=source)
    return _document(text, source, markdown=suffix == ".md", sidecar=sidecar, path=source)


def read_jsonl(path: Path, *, on_error: Callable[[InputError], None] | None = None) -> Iterator[Document]:
    """Read a .jsonl file: one article per line, ``{"text": ..., "title": ..., "publisher": ..., "date": ..., "url": ...}``.

    Parameters
    ----------
    path:
        The file, read line by line (so it may be larger than memory).
    on_error:
        Called with an ``E103`` :class:`InputError` naming the line of each bad
        line (not JSON, not an object, no text, a field of the wrong type); the
        other lines still come through. Without it the first bad line raises.

    Yields
    ------
    A :class:`Document` per good line; its ``source`` is ``PATH:LINE``.

    Raises
    ------
    InputError
        For the file as a whole: missing, unreadable, binary or empty.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.jsonl"
    >>> _ = path.write_text('{"text": "Kim placed his hands on the coffins.", "publisher": "Guardian"}\\n[1, 2]\\n')
    >>> errors = []
    >>> [(doc.source.endswith("a.jsonl:1"), doc.publisher) for doc in read_jsonl(path, on_error=errors.append)]
    [(True, 'Guardian')]
    >>> errors[0].fields["line"], errors[0].fields["reason"]
    (2, 'not a JSON object')
    """
    report = on_error or _raise
    source = str(path)
    lines = 0
    for number, line in _jsonl_lines(Path(path)):
        lines += 1
        if isinstance(line, InputError):
            report(line)
            continue
        try:
            document = _jsonl_document(line, source, number)
        except InputError as err:
            report(err)
            continue
        yield document
    if lines == 0:
        raise InputError("E101", path=source, reason="empty file, no lines with an article")


def _jsonl_lines(path: Path) -> Iterator[tuple[int, str | InputError]]:
    """Yield ``(line number, text)`` for each non-blank line; undecodable lines as errors."""
    source = str(path)
    with open_regular(path) as handle:
        head = handle.read(_HEAD_BYTES)
        kind = sniff_binary(head)
        if kind is not None:
            raise InputError("E101", path=source, reason=f"binary file ({kind}), not text")
        if head.startswith(_UNICODE_BOMS):  # UTF-16/32 cannot be split at newline bytes: decode it whole
            text = decode_bytes(read_bytes(path), path=source)
            for number, line in enumerate(text.split("\n"), start=1):  # not splitlines: JSON may hold U+2028
                if line.strip():
                    yield number, line.rstrip("\r")
            return
        handle.seek(0)
        for number, raw in enumerate(handle, start=1):
            if number == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            if not raw.strip():
                continue
            try:
                yield number, raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield number, InputError("E103", path=source, line=number, reason=f"not valid UTF-8 (byte {exc.start})")


def _jsonl_document(line: str, source: str, number: int) -> Document:
    def bad(reason: str) -> InputError:
        return InputError("E103", path=source, line=number, reason=reason)

    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise bad(f"not valid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})") from exc
    if "\\u" in line:  # only a \u escape can put a lone surrogate in the decoded record
        record = _without_surrogates(record)
    if not isinstance(record, dict):
        raise bad("not a JSON object")
    text = record.get("text")
    if text is None:
        raise bad('no "text" field')
    if not isinstance(text, str):
        raise bad(f'"text" must be a string, not {type(text).__name__}')
    if not text.strip():
        raise bad('"text" is empty')
    fields = _fields(record, bad)
    meta = _Meta(
        title=fields.get("title"),
        publisher=fields.get("publisher"),
        issued=_date(fields.get("date"), f"{source}:{number}"),
        url=fields.get("url"),
        language=_language(fields.get("language")),
    )
    try:
        return _document(text, f"{source}:{number}", meta=meta, path=source)
    except InputError as err:
        raise bad(str(err.fields.get("reason", err))) from err


def _without_surrogates(value: Any) -> Any:
    """``value`` with every lone surrogate in its strings replaced by U+FFFD (one code point for one).

    >>> _without_surrogates({"text": "a\\ud800b", "n": [1, "\\udc00"]})
    {'text': 'a\ufffdb', 'n': [1, '\ufffd']}
    """
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    return value


def _fields(record: dict[str, Any], bad: Callable[[str], InputError]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for key, value in record.items():
        name = _ALIASES.get(key, key)
        if name not in _FIELDS or value is None or name in fields:
            continue
        if not isinstance(value, str):
            raise bad(f'"{key}" must be a string, not {type(value).__name__}')
        value = " ".join(value.split())
        if value:
            fields[name] = value
    return fields


def _document(
    text: str,
    source: str,
    *,
    markdown: bool = False,
    meta: _Meta = _Meta(),
    sidecar: _Meta = _Meta(),
    path: str,
) -> Document:
    if not text.strip():
        raise InputError("E101", path=path, reason="only whitespace, no text")
    layout = analyse_text(text, markdown=markdown, title=meta.title)
    if not layout.body:
        raise InputError("E101", path=path, reason="no article text, only page furniture")
    body_text = _sample(text, layout.body)
    url = sidecar.url or meta.url or layout.url
    document = Document(
        text=text,
        source=source,
        title=sidecar.title or meta.title or layout.title,
        publisher=sidecar.publisher or meta.publisher or layout.publisher,
        # (a page's "Updated:" date only when nothing else dates it: updates come after the story, see _issued)
        issued=sidecar.issued or meta.issued or layout.issued or date_from_url(url) or layout.modified,
        url=url,
        language=sidecar.language or meta.language or detect_language(body_text),
        body=layout.body,
        modified=layout.modified,
    )
    return document


def _sample(text: str, body: tuple[tuple[int, int], ...]) -> str:
    """The first few thousand characters of the body, without joining all of a huge text."""
    parts: list[str] = []
    size = 0
    for start, end in body:
        parts.append(text[start : min(end, start + _LANGUAGE_SAMPLE - size)])
        size += len(parts[-1])
        if size >= _LANGUAGE_SAMPLE:
            break
    return "\n".join(parts)


def _read_sidecar(path: Path) -> _Meta:
    """Metadata from ``NAME.meta.json`` (or ``NAME.txt.meta.json``); problems warn and are ignored."""
    for candidate in (path.with_suffix(SIDECAR_SUFFIX), path.with_name(path.name + SIDECAR_SUFFIX)):
        if not candidate.is_file():
            continue
        try:
            record = _without_surrogates(
                json.loads(decode_bytes(read_bytes(candidate, limit=1 << 20), path=str(candidate)))
            )
        except (InputError, json.JSONDecodeError) as exc:
            warnings.warn(f"{candidate}: metadata ignored ({exc})", MetadataWarning, stacklevel=3)
            return _Meta()
        if not isinstance(record, dict):
            warnings.warn(f"{candidate}: metadata ignored (not a JSON object)", MetadataWarning, stacklevel=3)
            return _Meta()
        fields: dict[str, str] = {}
        for key, value in record.items():
            name = _ALIASES.get(key, key)
            if name not in _FIELDS or name in fields or value is None:
                continue
            if isinstance(value, str) and value.strip():
                fields[name] = " ".join(value.split())
            else:
                warnings.warn(f"{candidate}: {key!r} ignored (not a non-empty string)", MetadataWarning, stacklevel=3)
        return _Meta(
            title=fields.get("title"),
            publisher=fields.get("publisher"),
            issued=_date(fields.get("date"), str(candidate)),
            url=fields.get("url"),
            language=_language(fields.get("language")),
        )
    return _Meta()


def _date(value: str | None, where: str) -> str | None:
    if value is None:
        return None
    iso = normalise_date(value)
    if iso is None:
        warnings.warn(f"{where}: date {value!r} ignored (not a date claimgraph can read)", MetadataWarning, stacklevel=4)
    return iso


def _language(value: str | None) -> str | None:
    """A language tag as given ("en-GB", "EN") -> its lower-case primary subtag ("en")."""
    return value.replace("_", "-").split("-")[0].lower() or None if value else None


def _raise(err: InputError) -> None:
    raise err

