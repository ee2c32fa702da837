"""Title, metadata lines, comment cut and paragraph spans of plain text and Markdown."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest.layout import analyse_text, looks_like_title


def spans(text: str, **kwargs) -> list[str]:
    return [text[start:end] for start, end in analyse_text(text, **kwargs).body]


def test_comments_header_cuts_everything_after_it_even_article_like_lines():
    text = (
        "Ministers met in Tallinn on Monday.\n\n"
        "12 Comments\n\n"
        "Jane: The ministers met in Tallinn on Monday and agreed on nothing at all.\n"
        "Source: Somebody's blog\n"
    )
    layout = analyse_text(text)
    assert [text[s:e] for s, e in layout.body] == ["Ministers met in Tallinn on Monday."]
    assert layout.publisher is None  # a Source line inside the comments names no publisher


def test_leave_a_reply_also_starts_the_comment_section():
    text = "The vote passed on Tuesday.\nLeave a Reply\nThe vote was rigged, everybody knows it.\n"
    assert spans(text) == ["The vote passed on Tuesday."]


def test_title_is_a_short_first_line_without_final_period_followed_by_content():
    text = "Troops sent north\n\nThe North sent 15,000 soldiers.\n"
    layout = analyse_text(text)
    assert layout.title == "Troops sent north"
    assert spans(text) == ["The North sent 15,000 soldiers."]


def test_title_directly_followed_by_the_body_without_a_blank_line():
    text = "Troops sent north\nThe North sent 15,000 soldiers.\n"
    assert analyse_text(text).title == "Troops sent north"


def test_first_line_is_not_a_title_when_it_is_a_sentence_or_the_only_line():
    sentence = "The North sent 15,000 soldiers.\nTallinn confirmed the number.\n"
    assert analyse_text(sentence).title is None
    assert spans(sentence)[0] == "The North sent 15,000 soldiers."
    alone = "Troops sent north"
    assert analyse_text(alone).title is None
    assert spans(alone) == ["Troops sent north"]


def test_looks_like_title_rules():
    assert looks_like_title("Is the war over?")
    assert not looks_like_title("the war is over")  # starts lowercase
    assert not looks_like_title("Tallinn, Monday,")
    assert not looks_like_title(" ".join(["word"] * 30).capitalize())
    assert not looks_like_title('He sings, and he\'s the "Loudest Man Alive."')  # the period is inside the quote
    assert not looks_like_title("Troops were sent (officials said.)")
    assert looks_like_title('Cho calls soldiers "heroes"')


def test_a_first_sentence_ending_in_a_quotation_stays_in_the_body():
    text = 'He sings, and he\'s the "Loudest Man Alive."\nDario Marchetti will host the Lumens.\n'
    assert analyse_text(text).title is None
    assert spans(text) == ['He sings, and he\'s the "Loudest Man Alive."', "Dario Marchetti will host the Lumens."]


def test_known_title_only_removes_an_equal_first_line():
    text = "Cho honours soldiers\nCho placed his hands on the coffins.\n"
    assert spans(text, title="Cho  honours   soldiers") == ["Cho placed his hands on the coffins."]
    other = "Standfirst line here\nCho placed his hands on the coffins.\n"
    assert analyse_text(other, title="Cho honours soldiers").title is None
    assert spans(other, title="Cho honours soldiers") == ["Standfirst line here", "Cho placed his hands on the coffins."]


def test_source_line_names_the_publisher_and_a_url_source_gives_the_url():
    assert analyse_text("Cho spoke.\nSource: The Veldra Herald\n").publisher == "The Veldra Herald"
    layout = analyse_text("Cho spoke.\nSource: https://www.veldraherald.com/view.php?ud=1\n")
    assert layout.publisher == "veldraherald.com"
    assert layout.url == "https://www.veldraherald.com/view.php?ud=1"


def test_dateline_gives_the_iso_date_and_is_not_body():
    text = "Published: June 22, 2025\n\nCho spoke at the ceremony.\n"
    layout = analyse_text(text)
    assert layout.issued == "2025-06-22"
    assert spans(text) == ["Cho spoke at the ceremony."]


def test_hard_wrapped_lines_join_into_one_paragraph_but_sentence_lines_do_not():
    wrapped = "The soldiers were sent to the front\nlast autumn, officials said.\nTallinn disagreed.\n"
    assert spans(wrapped) == ["The soldiers were sent to the front\nlast autumn, officials said.", "Tallinn disagreed."]


def test_a_heading_line_is_its_own_span():
    text = "Cho spoke at the ceremony.\nDeceased soldiers presented as heroes\nThe regime moved to create a narrative.\n"
    assert spans(text) == [
        "Cho spoke at the ceremony.",
        "Deceased soldiers presented as heroes",
        "The regime moved to create a narrative.",
    ]


def test_plain_text_bullets_are_items_without_the_bullet():
    text = "Officials listed the losses\n• 600 soldiers died in the fighting.\n• 4,700 were wounded.\n"
    assert spans(text)[-2:] == ["600 soldiers died in the fighting.", "4,700 were wounded."]


def test_crlf_and_cr_line_ends_keep_offsets_into_the_original():
    text = "Troops sent north\r\n\r\nThe North sent soldiers.\r\n4 Responses\r\nNice.\r\n"
    assert analyse_text(text).title == "Troops sent north"
    assert spans(text) == ["The North sent soldiers."]
    assert spans("One sentence here.\rAnother sentence here.\r") == ["One sentence here.", "Another sentence here."]


def test_a_text_of_furniture_only_has_no_body():
    assert analyse_text("Share\nSubscribe\nLeave a Reply\nGreat post!\n").body == ()


def test_markdown_heading_is_the_title_and_markup_stays_out_of_spans():
    text = (
        "# Cho honours *fallen* soldiers #\n\n"
        "Cho **placed** his hands\non the [coffins](https://example.org/c).\n\n"
        "## What happened next\n\n"
        "- Tallinn confirmed the deployment.\n"
        "* Riga did not comment.\n"
        "1. Kyiv protested.\n\n"
        "> The decisive moment has arrived, the diary said.\n\n"
        "---\n\n"
        "```\nprint('code is not prose')\n```\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "![a photo](photo.jpg)\n\n"
        "*Photo: Wirepix*\n\n"
        "**Source:** Norvik\n"
    )
    layout = analyse_text(text, markdown=True)
    assert layout.title == "Cho honours fallen soldiers"
    assert layout.publisher == "Norvik"
    assert [text[s:e] for s, e in layout.body] == [
        "Cho **placed** his hands\non the [coffins](https://example.org/c).",
        "What happened next",
        "Tallinn confirmed the deployment.",
        "Riga did not comment.",
        "Kyiv protested.",
        "The decisive moment has arrived, the diary said.",
    ]


def test_markdown_setext_heading_and_front_matter():
    text = "---\ntitle: \"From front matter\"\ndate: 22 June 2025\nsource: Clarion\n---\nHeadline\n========\n\nCho spoke.\n"
    layout = analyse_text(text, markdown=True)
    assert (layout.title, layout.issued, layout.publisher) == ("From front matter", "2025-06-22", "Clarion")
    assert [text[s:e] for s, e in layout.body] == ["Cho spoke."]


def test_markdown_without_closing_front_matter_reads_the_lines_as_text():
    text = "---\ntitle: not front matter\n\nCho spoke at the ceremony.\n"
    layout = analyse_text(text, markdown=True)
    assert layout.title is None or layout.title != "not front matter"
    assert "Cho spoke at the ceremony." in [text[s:e] for s, e in layout.body]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400), st.booleans())
def test_spans_are_always_inside_the_text_ordered_and_never_empty(text, markdown):
    layout = analyse_text(text, markdown=markdown)
    previous = 0
    for start, end in layout.body:
        assert previous <= start < end <= len(text)
        assert any(ch.isalnum() for ch in text[start:end])
        previous = end


def test_a_byline_names_the_outlet_as_publisher_and_is_not_body():
    text = "Dam for Ostrel harbour\n\nBy Ann Cole, Ostrel Star\n\nThe Ostrel council approved a dam on Monday.\n"
    layout = analyse_text(text)
    assert (layout.title, layout.publisher) == ("Dam for Ostrel harbour", "Ostrel Star")
    assert spans(text) == ["The Ostrel council approved a dam on Monday."]


def test_a_source_line_beats_the_outlet_of_a_byline():
    text = "By Ann Cole | Ostrel Star\n\nThe Ostrel council approved a dam.\n\nSource: The Veldra Herald\n"
    assert analyse_text(text).publisher == "The Veldra Herald"


@pytest.mark.parametrize("byline", ["By Ann Cole", "By Ann Cole, Bo Lin", "By Ann Cole and Bo Lin"])
def test_a_byline_of_authors_only_names_no_publisher(byline):
    text = f"{byline}\n\nThe Ostrel council approved a dam on Monday.\n"
    layout = analyse_text(text)
    assert layout.publisher is None and spans(text) == ["The Ostrel council approved a dam on Monday."]


@pytest.mark.parametrize("byline", ["By Ann Cole, Staff Reporter", "By Ann Cole | Staff Writer",
                                    "By Ann Cole - Senior Correspondent", "By Ann Cole, Political Editor"])
def test_a_byline_that_ends_with_the_author_s_job_names_no_publisher(byline):
    # the part after the author is the author's job, not an outlet: "Staff Reporter" would otherwise be the
    # publisher of every article so signed, one voice for all of them
    text = f"{byline}\n\nThe Ostrel council approved a dam on Monday.\n"
    layout = analyse_text(text)
    assert layout.publisher is None and spans(text) == ["The Ostrel council approved a dam on Monday."]


def test_an_outlet_named_like_a_job_keeps_its_article():
    # guard: "The ... Reporter" after the author is a masthead (a job title takes no article)
    assert analyse_text("By Ann Cole, The Ostrel Reporter\n\nThe council met.\n").publisher == "The Ostrel Reporter"
