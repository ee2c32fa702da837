"""Publication dates as written -> ISO 8601 (``2025-06-22``, ``2025-06`` or ``2025``).

Sidecars, HTML metadata, .jsonl fields and "Published: ..." lines write dates
in many ways; ``dct:issued`` needs ISO. Day/month order is only guessed when
the numbers leave no doubt (``22/06/2025``); ``05/06/2025`` is ambiguous and
gives ``None`` rather than a wrong date.

>>> [normalise_date(s) for s in ("2025-06-22T08:00:00+09:00", "June 22, 2025", "Sun, 22 Jun 2025 08:00:00 +0000")]
['2025-06-22', '2025-06-22', '2025-06-22']
>>> normalise_date("22.06.2025"), normalise_date("June 2025"), normalise_date("05/06/2025")
('2025-06-22', '2025-06', None)
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["MONTHS", "normalise_date"]

#: English month names and abbreviations -> month number.
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
# Anything after the date that is a time of day or a zone ("08:00:00 +0000", "10.30 BST", "at 9am EDT").
_TIME_TAIL = r"(?:[\sT,]+(?:at\s+)?\d{1,2}(?:[:.]\d{2}){0,2}(?:\.\d+)?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}|Z)?)?"
_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(r"\s*" + _WEEKDAY + body + _TIME_TAIL + r"\s*", re.IGNORECASE)
    for body in (
        _YEAR + r"-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})",
        _YEAR + r"[/.](?P<mnum>\d{1,2})[/.](?P<day>\d{1,2})",
        _YEAR + r"(?P<mnum>\d{2})(?P<day>\d{2})",
        _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR,
        _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR,
        r"(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})",  # dotted dates are day-first everywhere
        r"(?P<first>\d{1,2})[/-](?P<second>\d{1,2})[/-](?P<year>\d{4})",
        _MONTH + r",?\s+" + _YEAR,
        _YEAR + r"-(?P<mnum>\d{1,2})",
        _YEAR,
    )
)


def normalise_date(value: str) -> str | None:
    """Return ``value`` as an ISO 8601 date, month or year, or ``None`` when it is not a date.

    Parameters
    ----------
    value:
        A date as written: ISO 8601 (with or without a time), RFC 2822, "22 June
        2025", "June 22, 2025", "22.06.2025", "2025/06/22", an unambiguous
        "06/22/2025", "June 2025", "2025".

    Returns
    -------
    ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; ``None`` for text that is not a
    date, an impossible date, or an ambiguous day/month order.

    >>> normalise_date("2025-02-30") is None
    True
    >>> normalise_date("22nd of June, 2025")
    '2025-06-22'
    """
    for pattern in _PATTERNS:
        match = pattern.fullmatch(value)
        if match:
            return _iso(match.groupdict())
    return None


def _iso(parts: dict[str, str | None]) -> str | None:
    year = int(parts["year"] or 0)
    if not 1000 <= year <= 2999:
        return None
    month: int | None
    day: int | None
    if parts.get("first") is not None:
        first, second = int(parts["first"] or 0), int(parts["second"] or 0)
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first:
            month, day = first, second
        elif first == second:
            month = day = first
        else:
            return None
    else:
        name = parts.get("month")
        month = MONTHS[name.lower()] if name else (int(parts["mnum"]) if parts.get("mnum") else None)
        day = int(parts["day"]) if parts.get("day") else None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
