"""Publication dates as written -> ISO 8601 (``2025-06-22``, ``2025-06`` or ``2025``).

Sidecars, HTML metadata, .jsonl fields and "Published: ..." lines write dates
in many ways; ``dct:issued`` needs ISO. Day/month order is only guessed when
the numbers leave no doubt (``22/06/2025``); ``05/06/2025`` is ambiguous and
gives ``None`` rather than a wrong date.

>>> [normalise_date(s) for s in ("2025-06-22T08:00:00+09:00", "June 22, 2025", "Sun, 22 Jun 2025 08:00:00 +0000")]
['2025-06-22', '2025-06-22', '2025-06-22']
>>> normalise_date("22.06.2025"), normalise_date("June 2025"), normalise_date("05/06/2025")
('2025-06-22', '2025-06', None)

A time in a North American zone says the page writes the month first:

>>> normalise_date("8:13 AM PDT 8/2/2013"), normalise_date("1052 GMT (1852 HKT), April 10, 2007")
('2013-08-02', '2007-04-10')

A news URL often carries its article's date ("/2014/05/12/", "-20140512.html"):
:func:`date_from_url` reads it when nothing else dates the article.

>>> date_from_url("https://example.org/news/2014/05/12/storm-hits-coast")
'2014-05-12'
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import unquote, urlsplit

__all__ = ["FIRST_URL_YEAR", "MONTHS", "date_from_url", "is_clock_line", "is_date_line", "normalise_date"]

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
# "am", "p.m.", "a. m." (a tokenised text spaces the letters).
_AMPM = r"(?:[ap]\.?\s?m\b\.?)"
# A time zone or two ("EDT", "ET EDT", "GMT+05:00", "(GMT+05:00)", "+0000", "Z", "UK", "hrs").
# (an offset cut short by the page, "GMT+01:0", is still one)
_ONE_ZONE = r"(?:\(?(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{1,2})?\)?|\([A-Z]{2,5}\)|[A-Z]{2,5}|[+-]\d{2}:?\d{2}|Z)"
_ZONE = _ONE_ZONE + r"(?:\s+" + _ONE_ZONE + r")?"
# A clock time that cannot be a plain number: minutes after a colon, or an am/pm ("10:30", "8.23 pm", "9am").
_CLOCK = r"\d{1,2}(?::\d{2}(?::\d{2})?(?:\s*" + _AMPM + r")?|(?:\.\d{2})?\s*" + _AMPM + r")"
# What may stand between a date and its time ("Oct 4, 2019 | 5:03pm", "Oct 4, 2019 – 4:35 PM", "@ 9:29 pm",
# "Last updated at 14:00 GMT").
_TIME_SEPARATOR = r"(?:[\sT,|@–—-]+(?:(?:last\s+)?updated\s*:?\s*)?(?:at\s+|@\s*)?)"
# Anything after the date that is a time of day or a zone ("08:00:00 +0000", "10.30 BST", "at 9am EDT").
_TIME_TAIL = (
    r"(?:" + _TIME_SEPARATOR + r"\d{1,2}(?:[:.]\d{2}){0,2}(?:\.\d+)?\s*" + _AMPM + r"?\s*(?:" + _ZONE + r")?)?"
)
# A 24-hour time written as four digits, only with the world time it is in ("1052 GMT"), and perhaps the same
# time in a local zone in brackets ("1052 GMT (1852 HKT)"): without the zone four digits are a year or a number.
_MILITARY = r"(?:[01]\d|2[0-3])[0-5]\d\s*(?:GMT|UTC)(?:\s*\((?:[01]\d|2[0-3]):?[0-5]\d\s*[A-Z]{2,5}\))?"
# A time of day written before the date ("12:17 am, Friday, October 4, 2019", "10:10 AM PDT 6/6/2019",
# "1052 GMT (1852 HKT), April 10, 2007").
_TIME_HEAD = r"(?:(?:at\s+)?(?:" + _CLOCK + r"\s*(?:" + _ZONE + r")?|" + _MILITARY + r")[\s,|@–—-]+)?"
_DATE_BODIES: tuple[str, ...] = (
    _YEAR + r"-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})",
    _YEAR + r"[/.](?P<mnum>\d{1,2})[/.](?P<day>\d{1,2})",
    _YEAR + r"(?P<mnum>\d{2})(?P<day>\d{2})",
    _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR,
    _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR,
    r"(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})",  # dotted dates are day-first everywhere
    r"(?P<first>\d{1,2})[/-](?P<second>\d{1,2})[/-](?P<year>\d{4})",
    r"(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<yy>\d{2})",  # "10/28/19": a two-digit year, slashes only
    _MONTH + r",?\s+" + _YEAR,
    _YEAR + r"-(?P<mnum>\d{1,2})",
    _YEAR,
)
_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(r"\s*" + _TIME_HEAD + _WEEKDAY + body + _TIME_TAIL + r"\s*", re.IGNORECASE) for body in _DATE_BODIES
)
# A month and day without a year, with a time ("Oct. 24 4:33 AM EST"): the shape of a dateline, but no date.
_YEARLESS = re.compile(
    r"\s*" + _WEEKDAY + r"(?:" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+"
    + _MONTH.replace("?P<month>", "?:") + r"),?"
    + _TIME_SEPARATOR + _CLOCK + r"\s*(?:" + _ZONE + r")?\s*",
    re.IGNORECASE,
)
# A line that is only a time of day, perhaps after "Updated" ("10:30 AM EST", "Updated 10:30 a.m. ET").
_CLOCK_LINE = re.compile(
    r"\s*(?:(?:(?:last\s+)?updated|posted|published)\s*:?\s*)?(?:at\s+)?" + _CLOCK + r"\s*(?:" + _ZONE + r")?\s*",
    re.IGNORECASE,
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
            return _iso(match.groupdict(), month_first=_NORTH_AMERICAN_ZONE.search(value) is not None)
    return None


# The time zones of the United States and Canada as their pages write them ("EDT", "ET", "PST", "AKDT").
_NORTH_AMERICAN_ZONE = re.compile(r"(?<![A-Za-z])(?:E|C|M|P|AK|H)[SD]?T(?![A-Za-z])")


def is_date_line(value: str) -> bool:
    """Whether ``value`` is wholly a written date with a month (a weekday, a time and a zone may go with it).

    Why: a line that is only a date ("Oct. 4, 2019, 1:12 PM", "FRIDAY, OCTOBER 4, 2019") is an
    article's dateline, not its title or a sentence, even when :func:`normalise_date` cannot say
    which date it is: an ambiguous "05/06/2025", an impossible day, or a month and day with a time
    but no year ("Oct. 24 4:33 AM EST"). A bare year ("2019") is not one: it is too often a heading
    or a number.

    >>> [is_date_line(s) for s in ("Fri., Oct. 4, 2019 11:45 AM PDT", "05/06/2025", "Oct. 24 4:33 AM EST")]
    [True, True, True]
    >>> [is_date_line(s) for s in ("2019", "Oct 4", "The bridge closed on Oct. 4, 2019")]
    [False, False, False]
    """
    if _YEARLESS.fullmatch(value):
        return True
    return any(pattern.fullmatch(value) for pattern in _PATTERNS[:-1])


def is_clock_line(value: str) -> bool:
    """Whether ``value`` is only a time of day, perhaps with a zone and an "Updated" before it.

    Why: a page prints the hour of a story on a line of its own ("10:30 AM EST", "Updated 9:06 AM");
    it is page furniture, never a title or a sentence. The time must read as one: minutes after a
    colon or an am/pm ("10.30" alone may be a price).

    >>> [is_clock_line(s) for s in ("10:30 AM EST", "Updated 10:30 a.m. ET", "9am", "10.30", "At 9:30 the bell rang")]
    [True, True, True, False, False]
    """
    return _CLOCK_LINE.fullmatch(value) is not None


def _iso(parts: dict[str, str | None], *, month_first: bool = False) -> str | None:
    """The ISO form of one date match; an ambiguous numeric date ("8/2/2013") only when ``month_first``.

    Why: "8/2/2013" is August 2 in the United States and Canada and 8 February elsewhere. A page that
    gives its time in a North American zone ("8:13 AM PDT 8/2/2013", "05/03/2013 at 10:20 AM EDT")
    writes the month first, as those countries do; without such a zone the date stays unread.

    >>> _iso({"first": "8", "second": "2", "year": "2013"}), _iso({"first": "8", "second": "2", "year": "2013"}, month_first=True)
    (None, '2013-08-02')
    """
    if parts.get("yy") is not None:
        parts = {**parts, "year": str(_century(int(parts["yy"] or 0)))}
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
        elif first == second or month_first:
            month, day = first, second
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


def _century(two_digits: int, today: dt.date | None = None) -> int:
    """The year of a two-digit year ("09" -> 2009): this century up to next year, else the last one.

    >>> _century(9, dt.date(2025, 1, 1)), _century(26, dt.date(2025, 1, 1)), _century(98, dt.date(2025, 1, 1))
    (2009, 2026, 1998)
    """
    this = (today or dt.date.today()).year
    year = this - this % 100 + two_digits
    return year if year <= this + 1 else year - 100


#: The earliest year a URL date may have: news sites put dates in URLs from the 1990s on.
FIRST_URL_YEAR = 1990
_URL_MONTH = r"(?P<month>\d{1,2}|" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")"
# A year, month and day as path segments ("/2014/05/12/", "/2004/jul/29/", "/2013/03/08.html"); a day followed
# by more of its segment is the start of a slug ("/2013/08/5-thoughts-on-it").
_URL_PATH_DATE = re.compile(
    r"(?<![0-9])(?P<year>\d{4})/" + _URL_MONTH + r"/(?P<day>\d{1,2})(?=/|\.[A-Za-z]{2,5}$|$)", re.IGNORECASE
)
# A year, month and day joined by one hyphen or underscore ("2005-11-27-iran", "_2013_09_14_"), never inside a
# longer number.
_URL_JOINED_DATE = re.compile(
    r"(?<![0-9])(?P<year>\d{4})(?P<sep>[_-])" + _URL_MONTH + r"(?P=sep)(?P<day>\d{1,2})(?![0-9])", re.IGNORECASE
)
# Eight digits bounded by non-digits that read as YYYYMMDD ("/20140512/", "-20140512.html").
_URL_COMPACT_DATE = re.compile(r"(?<![0-9])(?P<year>\d{4})(?P<mnum>\d{2})(?P<day>\d{2})(?![0-9])")
# A year and month as two whole path segments ("/2014/05/slug"): gives only the month.
# Not when a day segment follows: "/2014/02/30/" is an impossible date, not February.
_URL_MONTH_DATE = re.compile(r"/(?P<year>\d{4})/" + _URL_MONTH + r"(?=/)(?!/\d{1,2}(?:/|$))", re.IGNORECASE)


def date_from_url(url: str | None, *, today: dt.date | None = None) -> str | None:
    """The publication date a URL's path carries, as ISO 8601 (``YYYY-MM-DD`` or ``YYYY-MM``), else ``None``.

    Why: news URLs usually hold the article's date and it is often the only date
    a crawled article has; :attr:`kg.model.Document.issued` dates "yesterday".
    Only the path is read (never the host or the query), and only clear dates:
    a year, month and day as path segments (``/2014/05/12/``; a day that goes
    on into a slug, ``/2013/08/5-thoughts``, is not one) or joined by one
    hyphen or underscore (the month may be a name), eight digits bounded by
    non-digits that are a YYYYMMDD date, or ``/YYYY/MM/`` path segments (a
    month only). The date must
    exist in the calendar and its year lie in :data:`FIRST_URL_YEAR` .. the
    current year + 1, so an article id ("/13089916", "/52126262") or a phone
    number is not read as a date. A full date anywhere in the path wins over a
    month.

    Parameters
    ----------
    url:
        The article URL (a scheme is optional); ``None`` gives ``None``.
    today:
        The date the year limit counts from (default: the current date).

    >>> date_from_url("http://www.example.com/2013/sep/16/climber-dies")
    '2013-09-16'
    >>> date_from_url("example.com/article/20090720/government/307209986/1/")
    '2009-07-20'
    >>> date_from_url("https://example.net/2010/09/woman-shoots-co-workers/")
    '2010-09'
    >>> [date_from_url(u) for u in ("https://example.org/2014/99/x", "https://example.org/story/13089916")]
    [None, None]
    """
    if not url:
        return None
    path = unquote(urlsplit(url if "://" in url else "//" + url).path)
    last_year = (today or dt.date.today()).year + 1
    for pattern in (_URL_PATH_DATE, _URL_JOINED_DATE, _URL_COMPACT_DATE, _URL_MONTH_DATE):
        for match in pattern.finditer(path):
            iso = _url_iso(match.groupdict(), last_year)
            if iso is not None:
                return iso
    return None


def _url_iso(parts: dict[str, str | None], last_year: int) -> str | None:
    """ISO form of one URL date match, or ``None`` when it is no real date of an allowed year."""
    year = int(parts["year"] or 0)
    if not FIRST_URL_YEAR <= year <= last_year:
        return None
    month_text = parts.get("month") or parts.get("mnum") or ""
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower())
    if month is None or not 1 <= month <= 12:
        return None
    if parts.get("day") is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, int(parts["day"] or 0)).isoformat()
    except ValueError:
        return None
