"""The layout of an article's text: title, metadata lines, furniture and body spans.

The text itself is never changed: offsets of every later stage point into it, so
the layout is expressed as ``(start, end)`` spans of article content (the
:attr:`kg.model.Document.body`). A span is one paragraph, so that a sentence
never runs from an article into a comment or from a heading into the first
sentence under it. Markdown markup is kept in the text but left out of the
spans where it stands on its own (heading hashes, list bullets, quote marks,
rules, fences, front matter, tables).

>>> text = "Troops sent\\n\\nThe North sent 15,000 soldiers.\\n\\nSource: Guardian\\n\\n2 Comments\\n\\nGreat post!\\n"
>>> layout = analyse_text(text)
>>> layout.title, layout.publisher
('Troops sent', 'Guardian')
>>> [text[start:end] for start, end in layout.body]
['The North sent 15,000 soldiers.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from kg.ingest.dates import is_clock_line, is_date_line, normalise_date
from kg.ingest.furniture import LineMatch, classify_line

__all__ = ["MAX_TITLE_CHARS", "MAX_TITLE_WORDS", "Layout", "analyse_text", "looks_like_title"]

#: A first line longer than this is a paragraph, not a title.
MAX_TITLE_WORDS = 25
MAX_TITLE_CHARS = 200

Block = Literal["blank", "text", "heading", "list", "markup"]

_LINE = re.compile(r"([^\r\n]*)(?:\r\n|\r|\n|$)")
_SENTENCE_END = tuple('.!?:;"”’»)…')
_TITLE_BAD_END = tuple(".,;:")
_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["
_URL = re.compile(r"(?:https?://|www\.)\S+$", re.IGNORECASE)
# Markdown block syntax.
_MD_FENCE = re.compile(r"\s{0,3}(```|~~~)")
_MD_HEADING = re.compile(r"(\s{0,3}#{1,6})(?:\s+|$)")
_MD_CLOSING_HASHES = re.compile(r"\s+#+\s*$")
_MD_SETEXT = re.compile(r"\s{0,3}(?:=+|-+)\s*")
_MD_RULE = re.compile(r"\s{0,3}([-*_])(?:\s*\1){2,}\s*")
_MD_QUOTE = re.compile(r"\s{0,3}(?:>\s?)+")
_MD_LIST = re.compile(r"\s*(?:[-*+•]|\d{1,9}[.)])\s+")
_MD_MARKUP_LINE = re.compile(
    r"\s*(?:\|.*|\[[^\]]+\]:\s*\S+.*|!\[[^\]]*\]\([^)]*\)|<!--.*|.*-->|</?[A-Za-z][^>]*>|\{[:%].*)\s*"
)
# Markdown inline syntax, removed from the plain form of a line used to classify it and as a title.
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"\*{1,3}|`+|~~|(?<!\w)_{1,3}|_{1,3}(?!\w)")
_WRAP = "*_"
_FRONT_MATTER_KEYS = {
    "title": "title",
    "headline": "title",
    "publisher": "publisher",
    "source": "publisher",
    "site": "publisher",
    "site_name": "publisher",
    "date": "issued",
    "published": "issued",
    "issued": "issued",
    "updated": "modified",
    "modified": "modified",
    "url": "url",
    "link": "url",
    "canonical_url": "url",
}


@dataclass(frozen=True)
class Layout:
    """What :func:`analyse_text` found; ``body`` spans are offsets into the analysed text."""

    body: tuple[tuple[int, int], ...]
    title: str | None = None
    publisher: str | None = None
    issued: str | None = None
    url: str | None = None
    modified: str | None = None  # the date of an "Updated: <date>" line


@dataclass(frozen=True)
class _Line:
    start: int  # content start, after indentation and block markup
    end: int  # content end, before trailing spaces
    block: Block
    plain: str  # the content without inline markup, for classification
    match: LineMatch | None = None


def analyse_text(text: str, *, markdown: bool = False, title: str | None = None) -> Layout:
    """Find the title, metadata lines, furniture and body paragraphs of ``text``.

    Parameters
    ----------
    text:
        The article text as decoded (or as extracted from HTML).
    markdown:
        Read Markdown block syntax: ``#`` headings (the first is the title),
        lists, quotes, rules, fences, tables and YAML front matter.
    title:
        A title already known from metadata: a first line equal to it is the
        title line. Without it, the first line is the title when it looks like
        one (:func:`looks_like_title`) and more content follows.

    Returns
    -------
    The layout; its ``body`` is empty when the text has no article content.

    >>> md = "# Kim honours soldiers\\n\\n**Kim** placed his hands on the coffins.\\n\\n- Read more\\n"
    >>> layout = analyse_text(md, markdown=True)
    >>> layout.title, [md[s:e] for s, e in layout.body]
    ('Kim honours soldiers', ['**Kim** placed his hands on the coffins.'])
    """
    front: dict[str, str] = {}
    lines = _read_lines(text, markdown, front)
    cut = next((i for i, line in enumerate(lines) if line.match and line.match.kind == "comments"), len(lines))
    lines = lines[:cut]
    content = [i for i, line in enumerate(lines) if line.block not in ("blank", "markup") and line.match is None]
    title_at, found_title = _find_title(lines, content, markdown=markdown, known=title)
    publisher, url = _publisher(lines)
    issued = _issued(lines)
    modified = next(filter(None, (_modified(line.match) for line in lines if line.match)), None)
    body = _paragraphs(text, lines, skip=title_at, markdown=markdown)
    return Layout(
        body=body,
        title=front.get("title") or found_title,
        publisher=front.get("publisher") or publisher,
        issued=normalise_date(front["issued"]) if front.get("issued") else issued,
        url=front.get("url") or url,
        modified=normalise_date(front["modified"]) if front.get("modified") else modified,
    )


def looks_like_title(line: str) -> bool:
    """Whether a first line reads as a headline: short, capitalised, no final period or comma.

    >>> looks_like_title("Kim Jong-un pays rare public tribute to North Korean soldiers killed in Ukraine")
    True
    >>> looks_like_title("Kim Jong-un paid tribute to the soldiers, laying his hands on their coffins.")
    False
    >>> looks_like_title('He sings, dances and acts, and he is the "Busiest Man Alive."')
    False

    A headline may open with a number ("3 dead as storm hits coast") or a brand written with a
    small first letter ("eBay shares fall"): its first word, not its first letter, decides.

    >>> looks_like_title("3 dead as storm hits Ostrel coast"), looks_like_title("eBay shares fall")
    (True, True)
    >>> looks_like_title("and then the troops left")
    False

    A line that is only a date or a time of day is a dateline, never a headline.

    >>> looks_like_title("10:30 am"), looks_like_title("Fri., Oct. 4, 2019 11:45 AM PDT")
    (False, False)
    """
    words = line.split()
    if not words or len(words) > MAX_TITLE_WORDS or len(line) > MAX_TITLE_CHARS:
        return False
    if is_clock_line(line) or is_date_line(line):
        return False
    core = line.rstrip(_CLOSERS)  # 'and he's the "Busiest Man Alive."': the period inside the quote ends it
    if core.endswith(_TITLE_BAD_END) and not core.endswith("..."):
        return False
    first = words[0].lstrip(_OPENERS)
    if first[:1].isdigit() or (first[:1].islower() and any(ch.isupper() for ch in first[1:])):
        return any(ch.isalpha() for ch in line)
    first_letter = next((ch for ch in line if ch.isalpha()), None)
    return first_letter is not None and not first_letter.islower()


def _read_lines(text: str, markdown: bool, front: dict[str, str]) -> list[_Line]:
    raw = [(m.start(), m.end(1)) for m in _LINE.finditer(text) if m.end() > m.start()]
    lines: list[_Line] = []
    skip_until = _front_matter(text, raw, front) if markdown else 0
    in_fence = False
    for index, (start, end) in enumerate(raw):
        if index < skip_until:
            lines.append(_Line(start, start, "markup", ""))
            continue
        line = text[start:end]
        if markdown:
            if _MD_FENCE.match(line):
                in_fence = not in_fence
                lines.append(_Line(start, start, "markup", ""))
                continue
            if in_fence:
                lines.append(_Line(start, start, "markup", ""))
                continue
            if _MD_SETEXT.fullmatch(line) and lines and lines[-1].block == "text":
                previous = lines[-1]
                lines[-1] = _Line(previous.start, previous.end, "heading", previous.plain, previous.match)
                lines.append(_Line(start, start, "markup", ""))
                continue
        lines.append(_classify(text, start, end, markdown))
    return lines


def _classify(text: str, start: int, end: int, markdown: bool) -> _Line:
    line = text[start:end]
    block: Block = "text"
    offset = 0
    if markdown:
        if _MD_RULE.fullmatch(line) or _MD_MARKUP_LINE.fullmatch(line):
            return _Line(start, start, "markup", "")
        heading = _MD_HEADING.match(line)
        if heading:
            block, offset = "heading", heading.end()
            closing = _MD_CLOSING_HASHES.search(line, offset)
            if closing:
                end = start + closing.start()
        else:
            quote = _MD_QUOTE.match(line)
            if quote:
                offset = quote.end()
            item = _MD_LIST.match(line, offset)
            if item:
                block, offset = "list", item.end()
    elif line.lstrip().startswith("•"):  # a bullet in plain text starts an item of its own
        item = _MD_LIST.match(line)
        if item:
            block, offset = "list", item.end()
    start += offset
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return _Line(start, end, "blank", "")
    if markdown:
        start, end = _unwrap(text, start, end)
    plain = _plain(text[start:end]) if markdown else text[start:end]
    if not any(ch.isalnum() for ch in plain):
        return _Line(start, end, "markup", plain)
    return _Line(start, end, block, plain, classify_line(plain))


def _unwrap(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop emphasis marks that wrap a whole line ("*Photo: Reuters*"), keep unbalanced ones."""
    lead = len(text[start:end]) - len(text[start:end].lstrip(_WRAP))
    trail = len(text[start:end]) - len(text[start:end].rstrip(_WRAP))
    if lead and lead == trail and end - start > 2 * lead:
        return start + lead, end - trail
    return start, end


def _plain(line: str) -> str:
    return " ".join(_MD_EMPHASIS.sub("", _MD_LINK.sub(r"\1", line)).split())


def _front_matter(text: str, raw: list[tuple[int, int]], front: dict[str, str]) -> int:
    """Read YAML front matter (``---`` ... ``---``) into ``front``; return the number of lines it takes."""
    if not raw or text[raw[0][0] : raw[0][1]].strip() != "---":
        return 0
    for index, (start, end) in enumerate(raw[1:50], start=1):
        line = text[start:end]
        if line.strip() in ("---", "..."):
            return index + 1
        key, sep, value = line.partition(":")
        field = _FRONT_MATTER_KEYS.get(key.strip().lower())
        value = value.strip().strip("\"'")
        if sep and field and value and field not in front:
            front[field] = value
    front.clear()  # no closing line: not front matter after all
    return 0


def _find_title(lines: list[_Line], content: list[int], *, markdown: bool, known: str | None) -> tuple[int, str | None]:
    """Return the index of the title line (or -1) and the title read from the text."""
    if not content:
        return -1, None
    first = lines[content[0]]
    if known is not None:
        # a first line equal to the known title is the title line, unless it is all the text there is
        same = " ".join(known.split()).casefold() == " ".join(first.plain.split()).casefold()
        return (content[0], first.plain) if same and len(content) > 1 else (-1, None)
    if markdown and first.block == "heading":
        return content[0], first.plain
    if len(content) > 1 and first.block == "text" and looks_like_title(first.plain):
        following = lines[content[0] + 1]
        if following.block in ("blank", "markup") or not _continues(first.plain, following.plain):
            return content[0], first.plain
    return -1, None


def _issued(lines: list[_Line]) -> str | None:
    """The date of the first "Published: <date>" line, else of the first line that is only a date.

    Why: a labelled date says what it is, while a line that is only a date (no label) is
    most likely, but not surely, the publication date; so the label wins wherever it stands.
    An "Updated: <date>" line is ``modified``, not this: a page is updated hours or days after
    its story was written, and "yesterday" read against that day may be another day; so an
    update dates an article only when nothing else does (:func:`kg.ingest.read.read_document`).

    >>> analyse_text("May 2, 2025\\n\\nThe council met.\\n\\nPosted: May 3, 2025").issued
    '2025-05-03'
    >>> layout = analyse_text("The council met on Friday.\\n\\nLast updated: May 4, 2025")
    >>> layout.issued, layout.modified
    (None, '2025-05-04')
    """
    for kind in ("dateline", "date"):
        value = next((line.match.value for line in lines if line.match and line.match.kind == kind), None)
        if value is not None:
            return value
    return None


def _modified(match: LineMatch) -> str | None:
    """The update date a line gives: an "Updated: <date>" line's, or the one beside a line's first date.

    >>> _modified(LineMatch("updated", "2025-05-04")), _modified(LineMatch("dateline", "2025-05-03", "2025-05-04"))
    ('2025-05-04', '2025-05-04')
    """
    return match.value if match.kind == "updated" else match.modified


def _publisher(lines: list[_Line]) -> tuple[str | None, str | None]:
    """The publisher (and URL) a "Source:" line gives, else the outlet a byline names after its authors."""
    value = next((line.match.value for line in lines if line.match and line.match.kind == "source"), None)
    if value is None:
        outlet = next((line.match.value for line in lines if line.match and line.match.kind == "byline"), None)
        return outlet, None
    if _URL.match(value):
        url = value if "://" in value else f"https://{value}"
        host = urlsplit(url).hostname or value
        return host.removeprefix("www."), url
    return value, None


def _paragraphs(text: str, lines: list[_Line], *, skip: int, markdown: bool) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    current: list[int] | None = None  # [start, end] of the open paragraph
    previous: _Line | None = None
    for index, line in enumerate(lines):
        is_content = index != skip and line.block not in ("blank", "markup") and line.match is None
        if not is_content:
            current, previous = None, None
            continue
        joins = (
            current is not None
            and previous is not None
            and previous.block != "heading"
            and line.block not in ("heading", "list")
            and (markdown or _continues(previous.plain, line.plain))
        )
        if joins and current is not None:
            current[1] = line.end
        else:
            current = [line.start, line.end]
            spans.append((0, 0))  # placeholder, set below
        spans[-1] = (current[0], current[1])
        previous = line
    return tuple(span for span in spans if any(ch.isalnum() for ch in text[span[0] : span[1]]))


def _continues(previous: str, line: str) -> bool:
    """Plain text: a line break inside a sentence (hard-wrapped text) joins the lines into one paragraph."""
    return not previous.endswith(_SENTENCE_END) and line[:1].islower()
