"""A date in an article's URL dates it when nothing else does; ids, phone numbers and impossible dates never do."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from kg.ingest import read_document, read_jsonl
from kg.ingest.dates import date_from_url

TODAY = dt.date(2025, 6, 22)
TEXT = "The Ostrel council approved a new dam, the mayor said on Tuesday."


@pytest.mark.parametrize(
    "url, iso",
    [
        ("https://news.example.org/2014/05/12/dam-approved", "2014-05-12"),
        ("https://news.example.org/world/2014-05-12/dam-approved", "2014-05-12"),
        ("https://news.example.org/article/20140512/local/1234567/", "2014-05-12"),
        ("https://news.example.org/local/dam-approved-20140512.html", "2014-05-12"),
        ("http://example.com/local/2005-11-27-dam_x.htm", "2005-11-27"),
        ("http://example.com/stories/dam_web_2013_09_14_q.html", "2013-09-14"),
        ("http://example.com/world/2013/sep/16/dam-approved", "2013-09-16"),
        ("http://example.com/news/2009/Feb/02/dam-approved/", "2009-02-02"),
        ("http://example.com/basketball/2013/3/8/4081296/results", "2013-03-08"),
        ("example.com/2012/12/23/3799068/dam", "2012-12-23"),  # no scheme; the id after the date is no date
        ("https://news.example.org/2014/05/dam-approved/", "2014-05"),  # a month only
        ("https://news.example.org/2013/08/5-thoughts-on-the-dam.html", "2013-08"),  # "5-thoughts" is a slug
        ("https://news.example.org/newswire/2009/04/27-1", "2009-04"),
        ("https://news.example.org/2013/03/08.html", "2013-03-08"),
        ("https://news.example.org/blog/2014/05/", "2014-05"),
        ("https://news.example.org/2024/02/29/leap-day", "2024-02-29"),
        ("https://news.example.org/1990/01/01/first", "1990-01-01"),
        ("https://news.example.org/2026/01/05/next-year", "2026-01-05"),  # the current year + 1 is allowed
        ("https://news.example.org/2014/05/12%2Fdam", "2014-05-12"),  # percent-escaped separators
        # a full date wins over a month that comes first
        ("https://news.example.org/2013/38/dam_2013_09_14.html", "2013-09-14"),
    ],
)
def test_dates_in_urls_are_read(url, iso):
    assert date_from_url(url, today=TODAY) == iso


@pytest.mark.parametrize(
    "url",
    [
        "https://news.example.org/story/13089916",  # an 8-digit id: year 1308
        "https://news.example.org/video/52126262#52126262",  # year 5212
        "https://news.example.org/article/0,,20697025,00.html",  # year 2069: too late
        "https://news.example.org/story/201405123/",  # nine digits: an id, not a date
        "https://news.example.org/story/1201405120",  # the 8 digits are inside a longer number
        "https://news.example.org/2014/99/dam",  # no month 99
        "https://news.example.org/2014/13/12/dam",  # no month 13
        "https://news.example.org/2014/02/30/dam",  # no 30 February
        "https://news.example.org/2023/02/29/dam",  # no leap day in 2023
        "https://news.example.org/20140230.html",  # no 30 February, compact
        "https://news.example.org/20141301/",  # no month 13, compact
        "https://news.example.org/1989/05/12/dam",  # before 1990
        "https://news.example.org/2027/05/12/dam",  # after the current year + 1
        "https://news.example.org/contact/tel-212-555-0199",  # a phone number
        "https://news.example.org/contact/2125550199",  # a phone number as one run of digits
        "https://news.example.org/contact/+1-800-2014-0512",  # digits grouped like a phone number
        "https://news.example.org/2014/05-12/dam",  # mixed separators
        "https://news.example.org/2014.05.12/dam",  # dots: version numbers look like this
        "https://news.example.org/2014/",  # a year only
        "https://news.example.org/2014-05-dam",  # a month only, but not as path segments
        "https://news.example.org/stories/2013/38/dam.html",  # week 38 is no month
        "https://news.example.org/05/nov/1266.html",  # a two-digit year
        "https://www.2014-05-12.example.org/dam",  # the host is not read
        "https://news.example.org/search?date=2014-05-12",  # nor the query
        "https://news.example.org/dam-approved",
        "",
        None,
    ],
)
def test_ids_phone_numbers_and_impossible_dates_are_not_dates(url):
    assert date_from_url(url, today=TODAY) is None


def test_the_year_limit_follows_today():
    url = "https://news.example.org/2027/05/12/dam"
    assert date_from_url(url, today=dt.date(2026, 1, 1)) == "2027-05-12"
    assert date_from_url(url, today=dt.date(2025, 12, 31)) is None


def _jsonl(tmp_path, *records):
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return [doc.issued for doc in read_jsonl(path)]


def test_a_jsonl_article_without_a_date_gets_its_url_s_date(tmp_path):
    issued = _jsonl(
        tmp_path,
        {"text": TEXT, "url": "https://news.example.org/2014/05/12/dam"},
        {"text": TEXT + " Work starts soon.", "url": "https://news.example.org/2014/05/dam"},
        {"text": TEXT + " Costs rise.", "url": "https://news.example.org/story/13089916"},
        {"text": TEXT + " Farmers object."},
    )
    assert issued == ["2014-05-12", "2014-05", None, None]


def test_metadata_and_the_text_s_own_date_beat_the_url(tmp_path):
    url = "https://news.example.org/2014/05/12/dam"
    issued = _jsonl(
        tmp_path,
        {"text": TEXT, "url": url, "date": "2014-05-13"},
        {"text": "Dam approved\n\nPublished: 14 May 2014\n\n" + TEXT + "\n", "url": url},
    )
    assert issued == ["2014-05-13", "2014-05-14"]


def test_a_source_url_line_in_a_text_file_dates_it(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Dam approved\n\n" + TEXT + "\n\nSource: https://news.example.org/2014/05/12/dam\n")
    doc = read_document(path)
    assert (doc.url, doc.issued) == ("https://news.example.org/2014/05/12/dam", "2014-05-12")


def test_a_sidecar_url_dates_a_text_file_and_a_sidecar_date_wins(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT + "\n")
    sidecar = tmp_path / "a.meta.json"
    sidecar.write_text(json.dumps({"url": "https://news.example.org/local/dam-20140512.html"}))
    assert read_document(path).issued == "2014-05-12"
    sidecar.write_text(json.dumps({"url": "https://news.example.org/local/dam-20140512.html", "date": "2014"}))
    assert read_document(path).issued == "2014"


def test_an_html_page_s_canonical_url_dates_it_when_its_metadata_does_not(tmp_path):
    body = "".join(f"<p>{TEXT} Paragraph {n} adds more detail on the dam and its cost.</p>" for n in range(4))
    page = ('<html><head><title>Dam approved</title>'
            '<link rel="canonical" href="https://news.example.org/2014/05/12/dam-approved"></head>'
            f"<body><article><h1>Dam approved</h1>{body}</article></body></html>")
    path = tmp_path / "a.html"
    path.write_text(page, encoding="utf-8")
    doc = read_document(path)
    assert (doc.url, doc.issued) == ("https://news.example.org/2014/05/12/dam-approved", "2014-05-12")
    dated = page.replace("</title>", '</title><meta property="article:published_time" content="2014-05-13T08:00:00Z">')
    path.write_text(dated, encoding="utf-8")
    assert read_document(path).issued == "2014-05-13"
