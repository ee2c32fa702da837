"""Cutting an article's body into pieces a parser can take, and huge articles into windows.

Scraped input holds things that are not prose: a 20 MB page, a table flattened
into one line, a base64 blob, a word list with no punctuation. spaCy would build
one enormous "sentence" from such a stretch (its parse cost and the clause rules'
grow with sentence length) and refuses a ``Doc`` over ``nlp.max_length``. So the
body is cut before parsing, always at exact character offsets into the text:

- a stretch longer than :data:`MAX_RUN_CHARS` without a sentence end (``.!?;:``
  followed by a space, or a line break) is not prose but a list, a table, a dump
  or code: it is left out, so it makes neither parse cost nor garbage claims
  (with ``keep_runs=True`` it is cut at spaces into pieces of at most that size
  instead, with hard cuts only where there is no space at all);
- a piece longer than :data:`MAX_PIECE_CHARS` is cut at the last line break,
  else the last sentence end, else the last space before that size.

Ordinary prose has neither, so its pieces are its body spans, unchanged.

:func:`windows` groups the pieces of a huge article into windows of at most
:data:`WINDOW_CHARS`, which the build extracts one after the other so memory is
bounded by the window, not by the article.

>>> text = "Kim spoke. " + "word " * 1000 + "\\nThe end."
>>> list(body_pieces(text, ((0, len(text)),), max_run=2000))
[(0, 11), (5012, 5020)]
>>> list(body_pieces(text, ((0, len(text)),), max_run=2000, keep_runs=True))
[(0, 11), (11, 2011), (2011, 4011), (4011, 5012), (5012, 5020)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["MAX_PIECE_CHARS", "MAX_RUN_CHARS", "MAX_TITLE_GAP", "WINDOW_CHARS", "body_pieces", "title_span", "windows"]

#: Longest stretch without a sentence end that is parsed as it is (about 500 words; news sentences are < 100).
MAX_RUN_CHARS = 3_000
#: Longest piece of text handed to spaCy as one ``Doc`` (well under ``nlp.max_length``).
MAX_PIECE_CHARS = 100_000
#: Articles with a longer body are extracted window by window (see :func:`windows`).
WINDOW_CHARS = 100_000

#: Most characters between a title and the body (a byline, a dateline): a title further up is not this body's.
MAX_TITLE_GAP = 2_000
_MAX_TITLE_CHARS = 300  # a longer "title" is metadata, not a headline line of the article

_BREAK = re.compile(r"[.!?;:\u2026\u3002\uff01\uff1f][\"'\u201d\u2019)\]]*\s|\n")
_SPACES = (" ", "\t", "\u00a0", "\u3000")


def body_pieces(
    text: str,
    body: tuple[tuple[int, int], ...],
    *,
    max_run: int = MAX_RUN_CHARS,
    max_chars: int = MAX_PIECE_CHARS,
    keep_runs: bool = False,
) -> Iterator[tuple[int, int]]:
    """Yield the ``(start, end)`` pieces of ``body`` to parse (see the module docstring).

    Parameters
    ----------
    text:
        The document text every offset points into.
    body:
        The ``(start, end)`` spans to cover, in order.
    max_run, max_chars:
        The longest stretch without a sentence end, and the longest piece.
    keep_runs:
        Cut longer stretches at spaces instead of leaving them out.

    Yields
    ------
    Spans in order, each at most ``max_chars`` long and holding no stretch
    longer than ``max_run`` without a sentence end. With ``keep_runs`` they
    cover each body span exactly; without, all but the stretches left out.

    >>> list(body_pieces("One. Two.", ((0, 9),)))
    [(0, 9)]
    """
    for start, end in body:
        for s, e, prose in _split_runs(text, start, end, max_run):
            if prose:
                yield from _split_size(text, s, e, max_chars)
            elif keep_runs:
                yield from _cut_at_spaces(text, s, e, max_run)


def title_span(text: str, title: str | None, body: tuple[tuple[int, int], ...]) -> tuple[int, int] | None:
    """Where the title line stands in ``text``: ``(start, end)`` with ``text[start:end]`` the title, or ``None``.

    Ingest takes a headline out of the body (it is no sentence of the article, and
    a body paragraph must not run into it), but its names are mentions like any
    other, so extraction reads it too, from the exact characters of the text. The
    title counts only where it stands: before the first body span, outside every
    body span, at most :data:`MAX_TITLE_GAP` characters above it (so a window of a
    huge article, whose body starts far below, has no title of its own). It is
    matched exactly, else ignoring case and runs of white space (a title from
    metadata may differ from the line in either); a title the text does not hold
    (an HTML ``og:title`` reworded) gives ``None``.

    >>> text = "Kim honours soldiers\\n\\nKim placed his hands on the coffins."
    >>> title_span(text, "Kim honours soldiers", ((22, 58),))
    (0, 20)
    >>> title_span(text, "KIM  HONOURS soldiers", ((22, 58),))
    (0, 20)
    >>> title_span(text, "Kim praises troops", ((22, 58),)) is None
    True
    """
    words = title.split() if title else []
    if not words or len(title or "") > _MAX_TITLE_CHARS or not any(ch.isalnum() for ch in title or ""):
        return None
    first = min((start for start, end in body if end > start), default=len(text))
    head = text[max(0, first - MAX_TITLE_GAP - len(title or "")) : first]
    base = first - len(head)
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)", re.IGNORECASE)
    matches = list(pattern.finditer(head))
    exact = [m for m in matches if m.group() == title]
    if not matches:
        return None
    found = (exact or matches)[-1]  # the nearest to the body
    start, end = base + found.start(), base + found.end()
    if any(s < end and start < e for s, e in body):
        return None
    return start, end


def windows(
    text: str, body: tuple[tuple[int, int], ...], *, max_chars: int = WINDOW_CHARS
) -> list[tuple[tuple[int, int], ...]]:
    """Group the pieces of ``body`` into windows of at most ``max_chars`` characters.

    A body that fits in one window comes back as one window: the body itself.

    >>> text = "a. " * 10
    >>> windows(text, ((0, 30),), max_chars=100)
    [((0, 30),)]
    >>> [w for w in windows(text, ((0, 12), (12, 30)), max_chars=15)]
    [((0, 12),), ((12, 27),), ((27, 30),)]
    """
    if sum(e - s for s, e in body) <= max_chars:
        return [body]
    groups: list[tuple[tuple[int, int], ...]] = []
    current: list[tuple[int, int]] = []
    size = 0
    for start, end in body_pieces(text, body, max_chars=max_chars):
        if current and size + (end - start) > max_chars:
            groups.append(tuple(current))
            current, size = [], 0
        current.append((start, end))
        size += end - start
    if current:
        groups.append(tuple(current))
    return groups


def _split_runs(text: str, start: int, end: int, max_run: int) -> Iterator[tuple[int, int, bool]]:
    """``(start, end, is_prose)`` for ``[start, end)``: prose, and stretches longer than ``max_run`` without a break."""
    if end - start <= max_run:
        yield start, end, True
        return
    piece = last = start  # piece: start of the prose being gathered; last: just after the last break
    for match in _BREAK.finditer(text, start, end):
        if match.start() - last > max_run:
            if last > piece:
                yield piece, last, True
            yield last, match.end(), False
            piece = match.end()
        last = match.end()
    if end - last > max_run:
        if last > piece:
            yield piece, last, True
        yield last, end, False
    elif end > piece:
        yield piece, end, True


def _cut_at_spaces(text: str, start: int, end: int, size: int) -> Iterator[tuple[int, int]]:
    while end - start > size:
        low, high = start + size // 2, start + size
        cut = max(text.rfind(space, low, high) for space in _SPACES)
        stop = cut + 1 if cut >= low else high
        yield start, stop
        start = stop
    if end > start:
        yield start, end


def _split_size(text: str, start: int, end: int, max_chars: int) -> Iterator[tuple[int, int]]:
    while end - start > max_chars:
        high = start + max_chars
        cut = text.rfind("\n", start, high)
        if cut <= start:
            ends = [m.end() for m in _BREAK.finditer(text, start + max_chars // 2, high)]
            cut = ends[-1] - 1 if ends else max(text.rfind(space, start + max_chars // 2, high) for space in _SPACES)
        stop = cut + 1 if cut > start else high
        yield start, stop
        start = stop
    if end > start:
        yield start, end
