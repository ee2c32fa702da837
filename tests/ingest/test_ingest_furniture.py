"""Line patterns for page furniture, and the near-miss sentences they must leave alone."""

from __future__ import annotations

import pytest

from kg.ingest.furniture import LINE_KINDS, classify_line


@pytest.mark.parametrize(
    "line, kind",
    [
        # comment section headers
        ("4 Responses", "comments"),
        ("12 Comments", "comments"),
        ("1 comment", "comments"),
        ("Comments", "comments"),
        ("Comments (37)", "comments"),
        ("Reader comments", "comments"),
        ("No comments yet", "comments"),
        ("One Response to “Troops sent north”", "comments"),
        ('3 thoughts on "Troops sent north"', "comments"),
        ("View all 40 comments", "comments"),
        ("Join the conversation", "comments"),
        ("Leave a Reply", "comments"),
        ("Leave a Reply Cancel reply", "comments"),
        ("Leave a comment", "comments"),
        # the comment form
        ("Your email address will not be published. Required fields are marked *", "furniture"),
        ("Required fields are marked *", "furniture"),
        ("Save my name, email, and website in this browser for the next time I comment.", "furniture"),
        ("Notify me of follow-up comments by email.", "furniture"),
        ("Comments are closed.", "furniture"),
        ("Name *", "furniture"),
        # widgets and teasers
        ("Now watching", "furniture"),
        ("Now playing", "furniture"),
        ("Up next", "furniture"),
        ("Read more", "furniture"),
        ("Read more: Tallinn says troops were sent in autumn", "furniture"),
        ("See also: The war in Ukraine", "furniture"),
        ("Continue reading", "furniture"),
        ("Related: Cho visits Riga", "furniture"),
        ("Most read", "furniture"),
        ("You may also like", "furniture"),
        # share and subscribe prompts
        ("Share", "furniture"),
        ("Share this article", "furniture"),
        ("Share on Facebook", "furniture"),
        ("Tweet", "furniture"),
        ("Copy link", "furniture"),
        ("Subscribe", "furniture"),
        ("Subscribe now", "furniture"),
        ("Sign up for our free daily newsletter", "furniture"),
        ("Get breaking news alerts in your inbox.", "furniture"),
        ("Follow us on Twitter", "furniture"),
        # cookie notices
        ("We use cookies to improve your experience on our site.", "furniture"),
        ("This website uses cookies. By continuing to browse you agree to our use of cookies.", "furniture"),
        ("Accept all cookies", "furniture"),
        ("Cookie settings", "furniture"),
        # bylines and metadata
        ("Source: Clarion", "source"),
        ("Sources: Reuters, AP", "source"),
        ("Published: 22 June 2025", "dateline"),
        ("Updated June 23, 2025 10:41 am EDT", "updated"),
        ("Last modified: 23 June 2025", "updated"),
        ("By Jane Doe", "byline"),
        ("By Jane Doe and John Roe, Reuters", "byline"),
        ("Reporting by Jane Doe; Editing by John Roe", "furniture"),
        ("Photo: Reuters", "furniture"),
        ("Image caption, Cho at the ceremony", "furniture"),
        ("Tags: Veldra, Ostmark", "furniture"),
        ("Advertisement", "furniture"),
        ("5 min read", "furniture"),
        ("© 2025 The Daily Planet. All rights reserved.", "furniture"),
        ("Copyright 2025 Example News", "furniture"),
    ],
)
def test_furniture_lines_are_recognised(line, kind):
    match = classify_line(line)
    assert match is not None, line
    assert match.kind == kind


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell sharply on Monday.",
        "Two responses to the crisis emerged within a week.",
        "Comments by the minister drew criticism from Tallinn.",
        "By Monday, the troops had left the town.",
        "By Monday, Cho had left the town.",
        "Published in 2019, the report found that poverty rose.",
        "Related costs rose by 5% last year.",
        "Reporting by the BBC suggested otherwise.",
        "Email to the minister was leaked on Friday.",
        "Copyright law was changed in 2020.",
        "Authors say the report is flawed.",
        "Follow the money, investigators said.",
        "Read the statement below, the agency told reporters on Tuesday, and judge for yourselves what it means.",
        "Source material for the film was scarce, the director said in an interview with a local newspaper "
        "at the festival.",
        "The North has reportedly sent 15,000 soldiers.",
    ],
)
def test_article_sentences_are_not_furniture(line):
    assert classify_line(line) is None


def test_source_value_and_date_value_are_captured():
    assert classify_line("Source: The Veldra Herald.").value == "The Veldra Herald"
    assert classify_line("Updated: 2025-06-23T08:00:00Z").value == "2025-06-23"
    assert classify_line("Updated: when the fighting stops") is None


def test_every_pattern_names_a_known_kind_and_a_positive_word_limit():
    for kind, pattern, max_words in LINE_KINDS:
        assert kind in {"comments", "source", "dateline", "updated", "byline", "furniture"}
        assert max_words > 0 and pattern


def test_long_lines_are_never_furniture_whatever_they_start_with():
    sentence = "Share " + "and share alike " * 10
    assert classify_line(sentence) is None
