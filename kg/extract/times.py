"""Time expressions -> :class:`kg.model.TimeValue`, normalised against the article's date.

News dates events relative to the day it is published: "on Sunday", "in April",
"last year", "since last autumn", "two years ago". :func:`normalise_time` turns
such a phrase into an ISO 8601 value (a date, a month or a year) when the
document's date is known, and into the value of any absolute date it spells out
("March 3, 2024", "June 2025", "in 2023") when it is not; otherwise the value is
``None`` and only the text is kept. A disjunction ("in July or August") gets the
smallest period that holds both (the year). The tense of the clause picks the
direction: "in April" in a past-tense clause written in June is this April, in a
future one next April.

>>> normalise_time("on Sunday", "2025-06-25")
'2025-06-22'
>>> normalise_time("in April", "2025-06-22")
'2025-04'
>>> normalise_time("in April", "2025-02-10", tense="past")
'2024-04'
>>> normalise_time("since last autumn", "2025-06-22")
'2024'
>>> normalise_time("in July or August", "2025-06-22", tense="future")
'2025'
>>> normalise_time("last year", None) is None
True
>>> normalise_time("on March 3, 2024", None)
'2024-03-03'
>>> normalise_time("on 10 Nov 11", None)
'2011-11-10'
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Literal

from spacy.tokens import Span, Token

from kg.extract.quantities import parse_number
from kg.model import TimeValue

__all__ = ["MONTHS", "WEEKDAYS", "Tense", "normalise_time", "tense_of", "time_of_clause", "time_value"]

Tense = Literal["past", "present", "future"]
MONTHS = {m: n for n, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTHS.update({m[:3]: n for m, n in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: n for n, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_TIME_ENTS = frozenset({"DATE", "TIME"})
_TIME_PREPS = frozenset({"in", "on", "at", "since", "during", "by", "until", "till", "before", "after", "from",
                         "through", "throughout", "between", "for", "within", "over", "around", "as", "of"})
_SKIP_WORDS = frozenset({"early", "earlier", "late", "later", "mid", "the", "of", "in", "on", "at", "since", "during",
                         "by", "until", "till", "before", "after", "from", "around", "as", "through", "throughout",
                         "this", "past", "recent", "end", "beginning", "start", "middle", "first", "half"})
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d|21\d\d)\b")
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")
_AGO = re.compile(r"\b(\w+(?:[\s-]\w+)?)\s+(day|week|month|year)s?\s+ago\b")
_WORDS = re.compile(r"[a-z]+|\d+")
#: A dateline's day, month and two-digit year: "10 Nov 11", "3 March 09".
_SHORT_YEAR_DATE = re.compile(r"\b(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{2})$")


def _parse_issued(issued: str | None) -> date | None:
    if not issued:
        return None
    m = _ISO_DATE.search(issued)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1


def _month_year(month: int, ref: date, tense: Tense) -> int:
    if tense == "future":
        return ref.year + (month < ref.month)
    if tense == "past":
        return ref.year - (month > ref.month)
    # present tense: the nearest such month
    return ref.year - (month - ref.month > 6) + (ref.month - month > 6)


def _modal_may(words: list[str], n: int, capital: bool = False) -> bool:
    """Whether the "may" at ``words[n]`` is the modal verb, not the month.

    Only a phrase that starts with "may" can hold the modal ("may have happened last year"); the
    month comes with a day or a year ("May 2, 2024", "May 2024", "May of 2024", "May of last year"), or alone.
    A relative year right after it ("May last year") makes it the month too: after the modal "last" would be
    the verb, which takes no bare "year"; "may this year" / "may next year" can be the modal ("prices may next
    year rise"), so there the month is only the word written with its capital (``capital``).

    >>> _modal_may(["may", "last", "year"], 0), _modal_may(["may", "next", "year"], 0, capital=True)
    (False, False)

    >>> _modal_may(["may", "2", "2024"], 0), _modal_may(["may"], 0), _modal_may(["may", "next", "year"], 0)
    (False, False, True)
    >>> _modal_may(["may", "of", "2024"], 0), _modal_may(["may", "of", "last", "year"], 0)
    (False, False)
    >>> _modal_may(["may", "of", "course"], 0), _modal_may(["may", "of", "last", "resort"], 0)
    (True, True)
    """
    if n != 0 or len(words) < 2:
        return False
    after_of = words[2:4] if words[1] == "of" else []
    year_follows = bool(after_of) and (after_of[0].isdigit()
                                       or after_of[0] in _YEAR_SHIFTS and after_of[1:] == ["year"])
    relative_year = words[1] in _YEAR_SHIFTS and words[2:3] == ["year"] and (capital or words[1] == "last")
    return not (words[1].isdigit() or year_follows or relative_year)


#: The words that place a relative year: "last year", "this year", "next year".
_YEAR_SHIFTS = frozenset({"last", "this", "next"})


def _single(text: str, ref: date | None, tense: Tense) -> str | None:
    """Normalise one time phrase (no disjunction)."""
    low = text.lower().replace("’", "'")
    iso = _ISO_DATE.search(low)
    if iso:
        return iso.group(0)
    words = _WORDS.findall(low)
    year_m = _YEAR.search(low)
    year = int(year_m.group(1)) if year_m else None
    short = _SHORT_YEAR_DATE.search(low.strip())
    if year is None and short and short.group(2) in MONTHS:
        try:
            yy = int(short.group(3))  # "97" is 1997, "11" 2011
            return date(yy + (1900 if yy >= 50 else 2000), MONTHS[short.group(2)], int(short.group(1))).isoformat()
        except ValueError:
            return None
    capital = text.strip().startswith(("May", "MAY"))  # (the month's capital; the modal opens few time phrases)
    months = [MONTHS[w] for n, w in enumerate(words) if w in MONTHS and not (w == "may" and _modal_may(words, n, capital))]
    if months:
        month = months[0]
        day = None
        for d in _DAY.finditer(_YEAR.sub(" ", low)):
            if 1 <= int(d.group(1)) <= 31:
                day = int(d.group(1))
                break
        if year is None:
            if ref is None:
                return None
            if "last" in words or "next" in words:
                year = ref.year + (1 if "next" in words else -1)
            elif "this" in words and "year" in words:  # ("May this year", "in March of this year": whatever the tense)
                year = ref.year
            else:
                year = _month_year(month, ref, tense)
        if day is not None:
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                return f"{year:04d}-{month:02d}"
        return f"{year:04d}-{month:02d}"
    if year is not None:
        return f"{year:04d}"
    if ref is None:
        return None
    if "yesterday" in words:
        return (ref - timedelta(days=1)).isoformat()
    if "tomorrow" in words:
        return (ref + timedelta(days=1)).isoformat()
    if "today" in words or "tonight" in words or "now" in words and len(words) == 1:
        return ref.isoformat()
    ago = _AGO.search(low)
    if ago:
        n = parse_number(ago.group(1).split()[-1]) if ago.group(1) not in {"a", "an"} else 1.0
        if ago.group(1).split()[0] in {"a", "an"}:
            n = 1.0
        if n is None or n != int(n):
            return None
        n_int, unit = int(n), ago.group(2)
        if unit == "day":
            return (ref - timedelta(days=n_int)).isoformat()
        if unit == "week":
            return None
        if unit == "month":
            y, m = _shift_month(ref.year, ref.month, -n_int)
            return f"{y:04d}-{m:02d}"
        return f"{ref.year - n_int:04d}"
    days = [WEEKDAYS[w] for w in words if w in WEEKDAYS]
    if days:
        delta = (ref.weekday() - days[0]) % 7
        if "last" in words and delta == 0:
            delta = 7
        if tense == "future" or "next" in words:
            delta = -((days[0] - ref.weekday()) % 7 or 7)
        return (ref - timedelta(days=delta)).isoformat()
    shift = -1 if "last" in words or "previous" in words else 1 if "next" in words or "coming" in words else 0
    if "year" in words or "years" in words:
        return f"{ref.year + shift:04d}" if shift or "this" in words or "current" in words else None
    if "month" in words:
        if not (shift or "this" in words):
            return None
        y, m = _shift_month(ref.year, ref.month, shift)
        return f"{y:04d}-{m:02d}"
    for word, start_month in _SEASONS.items():
        if word in words:
            if start_month == 12:
                return None  # winter straddles two years
            current = ref.month >= start_month
            if shift < 0:
                return f"{ref.year if current and ref.month >= start_month + 3 else ref.year - 1:04d}"
            if shift > 0:
                return f"{ref.year + 1 if current else ref.year:04d}"
            if "this" in words:
                return f"{ref.year:04d}"
            return None
    return None


def normalise_time(text: str, issued: str | None, *, tense: Tense = "past") -> str | None:
    """ISO 8601 value of a time phrase against the document date ``issued``; ``None`` if unknown.

    >>> normalise_time("yesterday", "2025-06-22")
    '2025-06-21'
    >>> normalise_time("two years ago", "2025-06-22")
    '2023'
    >>> normalise_time("next month", "2025-12-05")
    '2026-01'
    >>> normalise_time("recently", "2025-06-22") is None
    True
    """
    ref = _parse_issued(issued)
    parts = re.split(r"\s+(?:or|and|to)\s+|\s*[-–]\s*(?=[a-z])", text.strip(), flags=re.I)
    parts = [p for p in parts if p.strip()]
    if len(parts) <= 1:
        return _single(text, ref, tense)
    values = [_single(p, ref, tense) for p in parts]
    if any(v is None for v in values):
        # "July or August 2025": the year named once applies to every part
        year = _YEAR.search(text)
        if year is None:
            return None
        values = [_single(f"{p} {year.group(1)}", ref, tense) if v is None else v for p, v in zip(parts, values)]
        if any(v is None for v in values):
            return None
    first = values[0]
    for size in (10, 7, 4):
        if all(v is not None and len(v) >= size and v[:size] == first[:size] for v in values):
            return first[:size]
    return None


def tense_of(verb: Token) -> Tense:
    """Past, present or future of a clause head, from its tag and auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    lows = {a.lower_ for a in auxes}
    if lows & {"will", "'ll", "shall", "would", "going"} or any(a.lower_ == "to" and verb.head.lemma_ == "go" for a in auxes):
        return "future"
    if verb.tag_ == "VBD" or lows & {"had", "was", "were", "did", "has", "have"}:
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ != "amod":
        return "past"
    if verb.head is not verb and verb.dep_ in {"xcomp", "conj"}:
        return tense_of(verb.head)
    return "present"


def _time_phrase(tok: Token) -> Span | None:
    """The time phrase a child of a clause head carries: "on Sunday", "since last autumn", "two years ago"."""
    doc = tok.doc
    if tok.dep_ == "prep" and tok.lower_ in _TIME_PREPS:
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.ent_type_ in _TIME_ENTS:
            return doc[tok.i : _time_end(pobj)]
        return None
    if tok.ent_type_ in _TIME_ENTS and tok.dep_ in {"npadvmod", "advmod", "tmod", "obl", "nmod"}:
        return doc[tok.left_edge.i : _time_end(tok)]
    return None


def _time_end(tok: Token) -> int:
    """End of a time phrase: the time entity and its modifiers, not a clause hung on it."""
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ in {"relcl", "acl", "advcl", "ccomp", "punct"}:
            break
        end = child.right_edge.i + 1
    while end > tok.i + 1 and tok.doc[end - 1].is_punct:
        end -= 1
    return end


def time_value(phrase: Span, offset: int, issued: str | None, tense: Tense) -> TimeValue:
    """A :class:`TimeValue` for ``phrase`` with document offsets (``offset`` is the chunk's start)."""
    text = phrase.text.strip(" ,")
    return TimeValue(
        text=text,
        value=normalise_time(text, issued, tense=tense),
        start=offset + phrase.start_char,
        end=offset + phrase.start_char + len(text),
    )


def time_of_clause(verb: Token, offset: int, issued: str | None) -> TimeValue | None:
    """The time phrase attached to a clause head (its own, else its coordinated head's)."""
    tense = tense_of(verb)
    for head in (verb, verb.head if verb.dep_ == "conj" else None):
        if head is None:
            continue
        for child in head.children:
            phrase = _time_phrase(child)
            if phrase is not None:
                return time_value(phrase, offset, issued, tense)
    return None
