"""Stamp lines: the labelled dates a news page prints with its story ("Posted: ...", "Story Created: ...")."""

from __future__ import annotations

import pytest

from kg.ingest.dates import normalise_date
from kg.ingest.furniture import LineMatch, classify_line
from kg.ingest.layout import analyse_text

BODY = "The Ostrel council met on Thursday and voted to close the harbour bridge."


@pytest.mark.parametrize(
    "line, published, updated",
    [
        # a label, perhaps "on" / "at" and a colon, a date with a time and a zone before or after it
        ("Published: 22 June 2025", "2025-06-22", None),
        ("POSTED: 1052 GMT (1852 HKT), April 10, 2007", "2007-04-10", None),
        ("Posted on November 15, 2011 6:07:15 PM GMT+01:0", "2011-11-15", None),
        ("Story Created: Aug 7, 2012 at 9:56 AM AKDT", "2012-08-07", None),
        ("Article posted on 08.07.2012", "2012-07-08", None),
        ("Published time: March 12, 2013 02:03", "2013-03-12", None),
        ("First Published: June 13, 2013 4:59 PM EDT", "2013-06-13", None),
        ("Originally published May 3, 2013 at 10:20 AM EDT", "2013-05-03", None),
        ("FOR IMMEDIATE RELEASE July 13, 2009", "2009-07-13", None),
        ("Date: 2012-04-04 11:47:35", "2012-04-04", None),
        # two parts on one line: the first publication is the date, the update its modified
        ("PUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: 22:19 GMT, 13 March 2013", "2013-03-12", "2013-03-13"),
        ("Posted: Nov 27, 2005 8:20 AM ET Last Updated: Nov 28, 2005 8:10 PM ET", "2005-11-27", "2005-11-28"),
        ("UPDATED: 22:19 GMT, 13 March 2013 | PUBLISHED: 02:31 GMT, 12 March 2013", "2013-03-12", "2013-03-13"),
    ],
)
def test_a_labelled_date_line_is_the_article_s_dateline(line, published, updated):
    assert classify_line(line) == LineMatch("dateline", published, updated)


@pytest.mark.parametrize(
    "line, published, updated",
    [
        # no label before the first date: "on" and the date, then a labelled update
        ("on April 30, 2008 at 4:31 AM, updated May 2, 2008 at 8:33 AM", "2008-04-30", "2008-05-02"),
        ("on September 14, 2013 11:41am | Updated on September 15, 2013 11:41am", "2013-09-14", "2013-09-15"),
        ("Sept 14, 2013 | Updated Sept 15, 2013", "2013-09-14", "2013-09-15"),
    ],
)
def test_an_unlabelled_date_before_an_update_is_a_date_line_with_its_update(line, published, updated):
    assert classify_line(line) == LineMatch("date", published, updated)


@pytest.mark.parametrize(
    "line, updated",
    [
        ("Last Updated: Jul 07, 2012 8:44 PM ET", "2012-07-07"),
        ("Edited time: March 13, 2013 02:15", "2013-03-13"),
        ("Page last modified on 4 October 2019", "2019-10-04"),
    ],
)
def test_a_line_with_only_an_update_date_is_updated(line, updated):
    assert classify_line(line) == LineMatch("updated", updated)


@pytest.mark.parametrize(
    "line",
    [
        "Posted 05/06/2019 11:11 PM",  # May 6 or June 5: no zone says which
        "Posted: 04/9/2012 8:33 am Updated: 04/9/2012 8:33 am",
        "Updated 10:30 a.m. ET",
    ],
)
def test_a_stamp_line_without_a_readable_date_is_furniture(line):
    assert classify_line(line) == LineMatch("furniture")


@pytest.mark.parametrize(
    "line",
    [
        "Published in 2019, the report found that poverty rose.",
        "Posted by Ann Cole on May 3, 2013",
        "Created on May 3, 2013 by the Ostrel council, the fund pays for repairs.",
        "The bridge was updated on May 3, 2013 after the flood.",
        "Updated figures for May 3, 2013 show a fall",
        "Ostrel, Oct. 4, 2019 | Updated Oct. 5, 2019",
        "Posted 1 year, 160 days ago",
        "Release date: November 22, 2013",
    ],
)
def test_lines_that_are_not_only_labelled_dates_are_not_read_as_dates(line):
    match = classify_line(line)
    assert match is None or match.kind not in ("dateline", "date", "updated"), match


@pytest.mark.parametrize(
    "written, iso",
    [
        ("8:13 AM PDT 8/2/2013", "2013-08-02"),  # a North American zone: the month comes first
        ("05/03/2013 at 10:20 AM EDT", "2013-05-03"),
        ("09/10/10 08:23 PM ET", "2010-09-10"),
        ("8/2/2013", None),  # no zone: August 2 or 8 February
        ("8/2/2013 14:00 BST", None),
    ],
)
def test_a_north_american_zone_makes_a_numeric_date_month_first(written, iso):
    assert normalise_date(written) == iso


def test_a_story_created_line_dates_the_article_and_is_not_body():
    text = f"Fire destroys hall\n\nStory Created: Aug 7, 2012 at 9:56 AM AKDT\n\n{BODY}\n"
    layout = analyse_text(text)
    assert (layout.title, layout.issued, layout.modified) == ("Fire destroys hall", "2012-08-07", None)
    assert [text[s:e] for s, e in layout.body] == [BODY]


def test_the_first_publication_wins_over_an_earlier_update_line():
    text = f"Fire destroys hall\n\nLast Updated: Aug 9, 2012\n\nPosted: Aug 7, 2012 9:56 AM\n\n{BODY}\n"
    layout = analyse_text(text)
    assert (layout.issued, layout.modified) == ("2012-08-07", "2012-08-09")
