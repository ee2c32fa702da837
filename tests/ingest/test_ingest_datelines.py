"""Lines that are only a date or a time: the article's dateline, never its title or a sentence."""

from __future__ import annotations

import json

import pytest

from kg.ingest import read_document, read_jsonl
from kg.ingest.dates import is_clock_line, is_date_line, normalise_date
from kg.ingest.furniture import LineMatch, classify_line
from kg.ingest.layout import analyse_text, looks_like_title

BODY = "The Ostrel council met on Thursday and voted to close the harbour bridge."


def body(text: str) -> list[str]:
    return [text[s:e] for s, e in analyse_text(text).body]


@pytest.mark.parametrize(
    "line, iso",
    [
        ("Oct. 4, 2019, 1:12 PM", "2019-10-04"),
        ("Fri., Oct. 4, 2019 11:45 AM PDT", "2019-10-04"),
        ("FRIDAY, OCTOBER 4, 2019, 9:36 AM", "2019-10-04"),
        ("4 October 2019", "2019-10-04"),
        ("Friday 4th October 2019 @ 8:13am BST", "2019-10-04"),
        ("October 4, 2019 | 5:03pm", "2019-10-04"),
        ("Oct 4, 2019 – 4:35 PM", "2019-10-04"),
        ("October 4, 2019-7:07AM", "2019-10-04"),
        ("4 October 2019 Last updated at 14:00 GMT", "2019-10-04"),
        ("4 October 2019, 15:39 (GMT+05:00)", "2019-10-04"),
        ("9:53 AM, FRI 4 OCT 2019", "2019-10-04"),
        ("7:15 a. m. Oct. 4, 2019", "2019-10-04"),
        ("10/28/19 07:35 PM ET", "2019-10-28"),
        ("on October 4, 2019", "2019-10-04"),
        ("October 2019", "2019-10"),
    ],
)
def test_a_line_that_is_only_a_date_is_a_date_line_with_its_iso_value(line, iso):
    assert classify_line(line) == LineMatch("date", iso)


@pytest.mark.parametrize("line", ["10:30 AM EST", "Updated 10:30 a.m. ET", "9:06 AM", "11:45pm:"])
def test_a_line_that_is_only_a_time_of_day_is_furniture(line):
    assert classify_line(line) == LineMatch("furniture")


@pytest.mark.parametrize(
    "line",
    [
        "05/06/2019",  # May 6 or June 5
        "Posted 05/06/2019 11:11 PM",
        "Updated 4/9/2019 6:04 PM",
        "Oct. 24 4:33 AM EST",  # no year
    ],
)
def test_a_date_line_whose_date_cannot_be_read_is_furniture_without_a_value(line):
    assert classify_line(line) == LineMatch("furniture")


@pytest.mark.parametrize(
    "line",
    [
        "2019",  # a bare year is too often a heading or a number
        "Oct 4",
        "10.30",
        "3 dead as storm hits Ostrel coast",
        "The council met on October 4, 2019 at 9:30 am.",
        "October 4, 2019 was the day the bridge closed",
        "At 9:30 the bell rang",
        "Ostrel, Oct. 4, 2019",
    ],
)
def test_lines_with_more_than_a_date_or_a_time_are_not_date_lines(line):
    match = classify_line(line)
    assert match is None or match.kind not in ("date", "furniture"), line


def test_a_first_line_that_is_only_a_date_is_the_dateline_not_the_title():
    text = "May 10, 2024 10:30 am\n\n" + BODY + "\n"
    layout = analyse_text(text)
    assert layout.title is None
    assert layout.issued == "2024-05-10"
    assert body(text) == [BODY]


def test_a_clock_line_is_neither_the_title_nor_body():
    text = "10:30 AM EST\n\n" + BODY + "\n"
    layout = analyse_text(text)
    assert layout.title is None and layout.issued is None
    assert body(text) == [BODY]
    assert not looks_like_title("10:30 am")


def test_the_date_line_under_a_headline_dates_the_article_and_the_headline_stays_the_title():
    text = "Bridge to close for a year\nFri., Oct. 4, 2019 11:45 AM PDT\n" + BODY + "\n"
    layout = analyse_text(text)
    assert (layout.title, layout.issued) == ("Bridge to close for a year", "2019-10-04")
    assert body(text) == [BODY]


def test_a_headline_that_opens_with_a_number_is_still_the_title():
    text = "3 dead as storm hits Ostrel coast\n4 October 2019\n" + BODY + "\n"
    layout = analyse_text(text)
    assert (layout.title, layout.issued) == ("3 dead as storm hits Ostrel coast", "2019-10-04")


def test_a_bare_year_line_dates_nothing():
    text = "Bridge to close\n2019\n" + BODY + "\n"
    assert analyse_text(text).issued is None


def test_the_first_date_line_wins():
    text = "October 4, 2019\n" + BODY + "\nOctober 9, 2019\nThe bridge closed.\n"
    assert analyse_text(text).issued == "2019-10-04"


def test_a_published_line_wins_over_a_date_line_wherever_it_stands():
    text = "October 4, 2019\n" + BODY + "\nPublished: October 5, 2019\n"
    assert analyse_text(text).issued == "2019-10-05"


@pytest.mark.parametrize("line", ["Updated: October 5, 2019", "Last updated 15:48 2019-10-05", "Last modified 2019-10-05"])
def test_an_updated_line_is_when_the_page_changed_not_when_the_story_was_written(line):
    """An update can come days after the story, so it never dates the article (its "yesterday" would be another
    day); it is kept as the page's dct:modified."""
    layout = analyse_text("Bridge to close\n" + BODY + "\n" + line + "\n")
    assert layout.issued is None and layout.modified == "2019-10-05"
    assert analyse_text("October 4, 2019\n" + BODY + "\n" + line + "\n").issued == "2019-10-04"


def test_metadata_wins_over_a_date_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Bridge to close\nOctober 4, 2019\n" + BODY + "\n")
    assert read_document(path).issued == "2019-10-04"
    (tmp_path / "a.meta.json").write_text(json.dumps({"date": "2019-10-03"}))
    assert read_document(path).issued == "2019-10-03"


def test_a_date_line_wins_over_the_url_date(tmp_path):
    path = tmp_path / "a.jsonl"
    record = {"text": "October 4, 2019\n" + BODY, "url": "https://example.org/2012/05/31/bridge"}
    path.write_text(json.dumps(record) + "\n")
    (doc,) = read_jsonl(path)
    assert doc.issued == "2019-10-04"
    assert [doc.text[s:e] for s, e in doc.body] == [BODY]


@pytest.mark.parametrize(
    "written, iso",
    [
        ("12:17 am, Friday, October 4, 2019", "2019-10-04"),
        ("10:10 AM PDT 10/24/2019", "2019-10-24"),
        ("10/28/19", "2019-10-28"),
        ("Oct 4, 2019 | Updated 8:52 PM EDT", "2019-10-04"),
        ("10/04/19", None),  # ambiguous order, even with a two-digit year
    ],
)
def test_normalise_date_reads_times_before_the_date_and_two_digit_years(written, iso):
    assert normalise_date(written) == iso


def test_date_and_clock_shapes():
    assert is_date_line("Oct. 24 4:33 AM EST") and not is_date_line("Oct. 24")
    assert is_clock_line("Updated 9:06 AM") and not is_clock_line("Updated when the fighting stops")
