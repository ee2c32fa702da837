"""Web page furniture: the lines of a scraped page that are not the article.

Copying an article out of a web page drags along reader comments, the comment
form, video widgets, "Read more" teasers, share and subscribe prompts, cookie
notices and metadata lines. None of it may become a claim. Each kind is a
regular expression over one whole line (after trimming spaces and markup),
limited to short lines so that an article sentence that merely starts with the
same words is never taken for furniture:

- ``comments``: a comments header ("4 Responses", "12 Comments", "Comments",
  "Leave a Reply"). Everything after it is the comment section and is cut.
- ``source``: "Source: X" names the publisher; ``dateline``: "Published: <date>"
  gives the date; ``date``: a line that is only a date ("Oct. 4, 2019, 1:12 PM",
  "FRIDAY, OCTOBER 4, 2019") gives it too, after any ``dateline``; ``byline``:
  "By Ann Cole, Tarvale Star" names the author and, after a separator, often
  the outlet (the ``value``, when it reads as one). All are metadata, not content.
- ``furniture``: any other line that is page chrome, among them a line that is
  only a time of day ("10:30 AM EST") and a date line whose date cannot be read.

>>> classify_line("4 Responses").kind
'comments'
>>> classify_line("Source: Guardian").value
'Guardian'
>>> classify_line("By Ann Cole, Tarvale Star")
LineMatch(kind='byline', value='Tarvale Star')
>>> classify_line("Your email address will not be published. Required fields are marked *").kind
'furniture'
>>> classify_line("Share prices fell sharply on Monday.") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from kg.ingest.dates import is_clock_line, is_date_line, normalise_date
from kg.lexicon import NEWS_WORDS

__all__ = ["LINE_KINDS", "LineKind", "LineMatch", "classify_line"]

LineKind = Literal["comments", "source", "dateline", "updated", "date", "byline", "furniture"]

_NUMBER = r"(?:\d+|no|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# Capitalised name words, for bylines and credit lines ("Jane Doe", "J. R. O'Neil-Smith").
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|der|da|bin|al))*"
_NAMES = _NAME + r"(?:\s*(?:,|;|&|(?i:and))\s*" + _NAME + r")*"

#: ``(kind, pattern, at most this many words)``: a line is of ``kind`` when the pattern matches all of it.
#: Patterns are case-insensitive except where a name must be capitalised; a named group ``value`` is captured.
LINE_KINDS: tuple[tuple[LineKind, str, int], ...] = (
    # --- comment section headers: the reader comments that follow are not the article ---
    # "4 Responses", "12 thoughts on “Title”" (a title after to/on must be quoted, so "Two responses to the crisis
    # emerged." stays content)
    ("comments", _NUMBER + r"\s+(?:responses?|comments?|replies|reply|reactions?|thoughts?)"
                 r"(?:\s+(?:to|on)\s+[“\"'‘«].*)?", 20),
    ("comments", r"(?:reader\s+|user\s+)?(?:comments?|responses)(?:\s*\(\d+\))?\s*:?|no\s+comments(?:\s+yet)?", 3),
    ("comments", r"(?:show|view|see|load|read|hide|open)\s+(?:all\s+|the\s+)?(?:\d+\s+)?comments?", 5),
    ("comments", r"(?:join|start)\s+the\s+(?:discussion|conversation)", 4),
    ("comments", r"(?:leave|post|add|write|submit)\s+(?:a|your)\s+(?:reply|comment|response)(?:\s+cancel\s+reply)?", 6),
    # --- the comment form ---
    ("furniture", r"your\s+email\s+address\s+will\s+not\s+be\s+published\b.*", 20),
    ("furniture", r"required\s+fields\s+are\s+marked\b.*", 8),
    ("furniture", r"save\s+my\s+name,?\s+email\b.*", 25),
    ("furniture", r"notify\s+me\s+of\s+(?:new|follow-up|followup)\s+(?:comments|posts|replies)\b.*", 15),
    ("furniture", r"comments\s+(?:are|have\s+been)\s+closed\.?", 5),
    ("furniture", r"this\s+site\s+uses\s+akismet\b.*", 20),
    ("furniture", r"(?:name|email|website|comment)\s*\*?", 2),
    # --- video and teaser widgets ---
    ("furniture", r"(?:now|currently)\s+(?:watching|playing)|up\s+next|(?:watch|play)(?:\s+(?:now|video|live|again))?"
                  r"|loading(?:\.\.\.|…)?", 3),
    ("furniture", r"(?:read|see)\s+(?:more|also|next|the\s+full\s+(?:story|article))\b.*", 15),
    ("furniture", r"continue\s+reading\b.*|click\s+here\b.*", 12),
    ("furniture", r"related(?:\s+(?:stories|articles|news|coverage|content|posts|topics))?(?:\s*:.*)?", 12),
    ("furniture", r"(?:more\s+(?:stories|on\s+this\s+story|from\s+[A-Za-z]+)|you\s+(?:may|might)\s+also\s+like"
                  r"|recommended(?:\s+for\s+you)?|most\s+(?:read|popular|viewed|shared)|trending(?:\s+now)?"
                  r"|top\s+stories)\b[^.]*", 10),
    # --- share and subscribe prompts ---
    ("furniture", r"(?:share|tweet|email|e-mail|print|copy\s+link|save|bookmark|facebook|twitter|x|whatsapp|linkedin"
                  r"|pinterest|reddit|telegram|messenger|flipboard)(?:\s+(?:this|on|via|to)\b[^.]*)?", 6),
    ("furniture", r"share\s+(?:this|the)\s+(?:article|story|post|page|video)\b.*", 10),
    ("furniture", r"(?:subscribe|sign\s+up|get|join|follow|register)\b.*\b(?:newsletters?|inbox|alerts|podcasts?"
                  r"|subscription)\b.*", 16),
    ("furniture", r"subscribe(?:\s+(?:now|today|here|for\s+free))?|follow\s+us\b[^.]*|sign\s+in|log\s+in|register", 8),
    # --- cookie and consent notices ---
    ("furniture", r"(?:we|this\s+(?:web)?site)\s+uses?\s+cookies\b.*", 60),
    ("furniture", r".*\bby\s+(?:continuing|using\s+(?:this|our)\s+(?:web)?site)\b.*\bcookies\b.*", 60),
    ("furniture", r"(?:accept|reject|allow|manage|decline)\s+(?:all\s+)?(?:cookies|preferences|consent)\b.*", 6),
    ("furniture", r"cookie\s+(?:policy|settings|preferences|consent|notice)|privacy\s+policy|terms\s+of\s+(?:use|service)",
     4),
    ("furniture", r"(?:accept|i\s+agree|agree|ok|got\s+it|dismiss|close|menu|search|home)", 2),
    # --- bylines and metadata ---
    ("source", r"(?:source|sources|via)\s*:\s*(?P<value>.+)", 12),
    ("byline", r"(?i:by)\s+(?P<value>" + _NAMES + r"(?:\s*[,|-]\s*" + _NAMES + r")?)", 10),
    ("furniture", r"(?:(?i:additional\s+)?(?i:writing|reporting|editing|reported|written|edited|compiled)\s+(?i:by)\s+"
                  + _NAMES + r"\s*[;,.]?\s*)+", 20),
    ("furniture", r"(?:author|authors|editor|editors|contributor|contributors)\s*:\s*.+|posted\s+(?:by|in)\s+[^.]+", 8),
    ("furniture", r"(?:photo|photos|photograph|image|images|picture|pictures|illustration|video|graphic|credit|photo"
                  r"\s+credit|caption)\s*:.*", 25),
    ("furniture", r"(?:image|media)\s+(?:caption|source|copyright)\b.*", 25),
    ("furniture", r"(?:tags?|topics?|filed\s+under|categor(?:y|ies)|keywords|labels)\s*:.*", 25),
    ("furniture", r"advertisement|advert|sponsored(?:\s+content)?|skip\s+(?:to\s+(?:main\s+)?content|advert(?:isement)?)"
                  r"|back\s+to\s+top|\d+\s+min(?:ute)?s?\s+read|listen\s+to\s+(?:this\s+)?article\b[^.]*", 6),
    ("furniture", r"(?:©|\(c\))\s*.*|copyright\s+(?:©\s*|\(c\)\s*)?(?:\d{4}|by)\b.*|all\s+rights\s+reserved\.?", 15),
)

_COMPILED: tuple[tuple[LineKind, re.Pattern[str], int], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE if "(?i:" not in pattern else 0), max_words)
    for kind, pattern, max_words in LINE_KINDS
)
# Trailing marks a furniture line may carry ("Share:", "Read more »"); a final period is not among them, so a
# sentence never matches a pattern written for a label.
# No pattern allows more than 60 words: longer lines are content without looking further.
_MAX_LINE_CHARS = 1000
_TRAILING = " \t:;,!*|-–—»›>…"
# A byline's parts: names, then perhaps the outlet ("By Ann Cole and Bo Lin, Tarvale Star", "By Ann Cole | TSN").
_BYLINE_PARTS = re.compile(r"\s*(,|;|\||\s[-–—]\s)\s*")
# Words of a masthead that name a paper only at the end of a byline ("Tarvale Star"): not enough to make any
# name in a sentence an outlet (kg.lexicon.NEWS_WORDS is).
_MASTHEAD_WORDS = frozenset("""star sun express mail courier record standard independent review examiner inquirer
    enquirer sentinel register globe ledger argus advertiser bee citizen monitor reporter online agency""".split())
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,5}")
# Nouns for a journalist's job: a byline's last part that ends with one is the author's title ("Staff Reporter",
# "Senior Correspondent"), unless it takes an article as a masthead does ("The Ostrel Reporter").
_JOB_WORDS = frozenset("""writer reporter correspondent editor columnist journalist contributor producer
    photographer analyst critic staff intern""".split())


@dataclass(frozen=True)
class LineMatch:
    """What a line was recognised as; ``value`` is the captured publisher or ISO date.

    ``modified`` is the update date a ``dateline`` or ``date`` line gives beside its first date
    ("Posted: Nov 27, 2005 8:20 AM ET Last Updated: Nov 28, 2005"); it is shown only when set.
    """

    kind: LineKind
    value: str | None = None
    modified: str | None = None

    def __repr__(self) -> str:
        extra = f", modified={self.modified!r}" if self.modified is not None else ""
        return f"LineMatch(kind={self.kind!r}, value={self.value!r}{extra})"


def classify_line(line: str) -> LineMatch | None:
    """Recognise one line of page furniture, or return ``None`` for article content.

    Parameters
    ----------
    line:
        The line's text without its line end; surrounding spaces and markup are
        the caller's to trim, but trailing punctuation is tolerated.

    Returns
    -------
    The first :data:`LINE_KINDS` entry that matches the whole line, with the
    captured value (a publisher for ``source``, an ISO date for ``dateline`` and
    ``updated``, a "Last updated: <date>" line).
    A ``dateline`` whose value is not a date is not a dateline; one whose value
    is a date that cannot be read ("Posted 05/06/2025", ambiguous) or only a
    time is ``furniture``. Else a line that is only a date (:func:`_date_line`)
    is a ``date`` with its ISO value, and one that is only a time ``furniture``.

    >>> classify_line("Published: 22 June 2025")
    LineMatch(kind='dateline', value='2025-06-22')
    >>> classify_line("Published in 2019, the report found that poverty rose.") is None
    True
    >>> classify_line("By Jane Doe and John Roe, Reuters").kind
    'byline'
    >>> classify_line("By Monday, the troops had left the town.") is None
    True
    >>> classify_line("FRIDAY, OCTOBER 4, 2019, 9:36 AM"), classify_line("10:30 AM EST")
    (LineMatch(kind='date', value='2019-10-04'), LineMatch(kind='furniture', value=None))
    """
    text = line.strip()
    if not text or len(text) > _MAX_LINE_CHARS:
        return None
    words = len(text.split())
    if words <= _MAX_STAMP_WORDS:
        stamp = _stamp_line(text.rstrip(_TRAILING))
        if stamp is not None:
            return stamp
    for kind, pattern, max_words in _COMPILED:
        if words > max_words:
            continue
        match = pattern.fullmatch(text) or pattern.fullmatch(text.rstrip(_TRAILING))
        if match is None:
            continue
        value = match.groupdict().get("value")
        if kind == "byline":
            return LineMatch(kind, _byline_outlet(value or ""))
        if value is not None:
            value = value.strip().strip("\"'“”‘’*_").rstrip(".").strip() or None
        return LineMatch(kind, value)
    return _date_line(text.rstrip(_TRAILING))


# --- stamp lines: the labelled dates a page prints above or below its story ---
# A label that says the story was first put out ("Published:", "Posted on", "Story Created:", "Article posted on",
# "Originally published", "Published time:", "Date:", a press release's "FOR IMMEDIATE RELEASE").
_FIRST_LABEL = (
    r"(?:(?:story|article|post|page|entry|news)\s+)?(?:(?:first|originally)\s+)?(?:published|posted|created)"
    r"(?:\s+(?:time|date))?|date|for\s+immediate\s+release"
)
# A label that says the page was changed after it ("Updated", "Last Updated:", "Edited time:", "Page last modified").
_UPDATE_LABEL = (
    r"(?:(?:story|article|post|page|entry|news)\s+)?(?:last\s+)?(?:updated|modified|edited|revised)"
    r"(?:\s+(?:time|date))?"
)
_STAMP_LABEL = re.compile(
    r"(?<![\w-])(?:(?P<first>" + _FIRST_LABEL + r")|(?P<update>" + _UPDATE_LABEL + r"))(?:\s+(?:on|at))?(?![\w-])\s*:?\s*",
    re.IGNORECASE,
)
# What may stand between the parts of a stamp line ("... 2013 | Updated ...", "... 8:33 AM, updated ...").
_STAMP_SEPARATORS = " \t|,;·•–—-/"
#: A stamp line has at most two or three parts of a few words each.
_MAX_STAMP_WORDS = 24


def _stamp_line(text: str) -> LineMatch | None:
    """A line made only of labelled dates, read as the story's first date and its update, else ``None``.

    Why: news pages print when a story was put out and when it was last changed in many forms: a label
    (:data:`_FIRST_LABEL`, :data:`_UPDATE_LABEL`), perhaps "on" or "at" and a colon, then a date that may
    carry a time and a zone before or after it ("POSTED: 1052 GMT (1852 HKT), April 10, 2007",
    "Story Created: Aug 7, 2012 at 9:56 AM AKDT"); two such parts often share a line ("Posted: ... Last
    Updated: ...", "PUBLISHED: ... | UPDATED: ..."), and the first may have no label but "on" ("on April 30,
    2008 at 4:31 AM, updated April 30, 2008 at 8:33 AM"). Every part must be a date (or, after a dated part,
    only a time), so a sentence that opens with "Posted" or "Published" is never read as one. The first
    publication date is the article's date (``dateline``; ``date`` when it has no label), the first update
    date its ``modified``; a line with only update dates is ``updated``. A line of labelled dates none of
    which can be read ("Posted 05/06/2019 11:11 PM", ambiguous) is ``furniture``.

    >>> _stamp_line("PUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: 22:19 GMT, 13 March 2013")
    LineMatch(kind='dateline', value='2013-03-12', modified='2013-03-13')
    >>> _stamp_line("Last Updated: Jul 07, 2012 8:44 PM ET"), _stamp_line("Posted 05/06/2019 11:11 PM")
    (LineMatch(kind='updated', value='2012-07-07'), LineMatch(kind='furniture', value=None))
    >>> _stamp_line("Posted by Ann Cole on May 3, 2013") is None, _stamp_line("Published in 2019, the report found") is None
    (True, True)
    """
    labels = list(_STAMP_LABEL.finditer(text))
    if not labels:
        return None
    parts: list[tuple[str | None, str]] = []  # (label kind or None, the value as written)
    head = text[: labels[0].start()].strip(_STAMP_SEPARATORS)
    if head:
        parts.append((None, _ON.sub("", head, count=1)))
    for index, label in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        kind = "first" if label.group("first") else "update"
        parts.append((kind, text[label.end() : end].strip(_STAMP_SEPARATORS)))
    first: str | None = None
    first_labelled = False
    update: str | None = None
    dated = False
    for kind, written in parts:
        value = normalise_date(written) if written else None
        if value is None or len(value) < 7:
            if not written or not (value or is_date_line(written) or is_clock_line(written)):
                return None  # a part that is no date: a sentence, not a stamp line
            continue  # a year alone, a date that cannot be read, or only a time: no date, but a stamp
        dated = True
        if kind == "update":
            update = update or value
        elif first is None:
            first, first_labelled = value, kind == "first"
    if not dated:
        return LineMatch("furniture")
    if first is None:
        return LineMatch("updated", update)
    return LineMatch("dateline" if first_labelled else "date", first, update)


#: "on" may open a line that is only a date: the end of a byline broken off ("on Oct. 4, 2019").
_ON = re.compile(r"on\s+", re.IGNORECASE)


def _date_line(text: str) -> LineMatch | None:
    """A line that is only a date (with a month), or only a time of day, else ``None``.

    Why: many pages print the date of the story on a line of its own, with no "Published:"
    before it; read as text, that line became the title of the article or a sentence without a
    verb, and the article stayed undated. A date whose day and month order is ambiguous still makes
    the line furniture, without a value; so does a line that is only a time ("10:30 AM EST").

    >>> _date_line("Fri., Oct. 4, 2019 11:45 AM PDT"), _date_line("on 14 June 2019")
    (LineMatch(kind='date', value='2019-10-04'), LineMatch(kind='date', value='2019-06-14'))
    >>> _date_line("05/06/2019"), _date_line("2019") is None, _date_line("May 3 was a Friday") is None
    (LineMatch(kind='furniture', value=None), True, True)
    """
    text = _ON.sub("", text, count=1) if _ON.match(text) else text
    if is_clock_line(text):
        return LineMatch("furniture")
    if not is_date_line(text):
        return None
    value = normalise_date(text)
    return LineMatch("date", value) if value is not None and len(value) >= 7 else LineMatch("furniture")


def _byline_outlet(names: str) -> str | None:
    """The outlet a byline names after its authors, if the last part reads as one.

    The last part is an outlet when a bar or a dash sets it apart ("Ann Cole | Tarvale Star"), or, after
    a comma, when it is an acronym ("AP") or has a masthead word ("Tarvale Star", "The Norvik Herald");
    otherwise it is one more author ("Ann Cole, Bo Lin") or the place the author writes from. A last part
    that ends with a journalist's job ("Staff Writer", "Senior Correspondent") is the author's title, not an
    outlet, unless it opens with "The" as a masthead does ("The Norvik Reporter").

    >>> _byline_outlet("Ann Cole, Tarvale Star"), _byline_outlet("Ann Cole - Norvik Today")
    ('Tarvale Star', 'Norvik Today')
    >>> _byline_outlet("Ann Cole, Bo Lin") is None, _byline_outlet("Ann Cole") is None
    (True, True)
    >>> _byline_outlet("Ann Cole | Staff Writer") is None, _byline_outlet("Ann Cole, The Norvik Reporter")
    (True, 'The Norvik Reporter')
    """
    parts = _BYLINE_PARTS.split(names.strip().rstrip(_TRAILING))
    if len(parts) < 3:
        return None
    separator, last = parts[-2].strip(), parts[-1].strip()
    words = last.split()
    if not words or any(w.lower() == "and" or w == "&" for w in words):
        return None
    if words[-1].lower() in _JOB_WORDS and words[0].lower() != "the":
        return None  # the author's job: "Ann Cole | Staff Writer"
    if separator in {"|", "-", "–", "—"}:
        return last
    if _ACRONYM.fullmatch(last) or any(w.lower() in NEWS_WORDS or w.lower() in _MASTHEAD_WORDS for w in words):
        return last
    return None
