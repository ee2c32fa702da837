"""The two seed articles: every article sentence in the body, none of the page furniture."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest import iter_documents, read_document

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
GUARDIAN = SEEDS / "000_bd8317843bedc58f.txt"
SECOND = SEEDS / "002_8d174c45b30c99bc.txt"

#: Page furniture present in the seeds: none of it may lie inside a body span.
FURNITURE = [
    "4 Responses",
    "Leave a Reply",
    "Your email address will not be published",
    "Required fields are marked",
    "continuously i used to read smaller posts",
    "Valuable info. Lucky me I discovered your web site",
    "I bookmarked it",
    "Source: Guardian",
    "Now watching",
]


def body_text(document) -> str:
    return "\n".join(document.text[start:end] for start, end in document.body)


def covered(document, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in document.body)


@pytest.fixture(scope="module")
def documents():
    return {doc.source: doc for doc in iter_documents([SEEDS])}


def test_both_seeds_are_read_as_english_with_the_text_unchanged(documents):
    assert sorted(documents) == [str(GUARDIAN), str(SECOND)]
    for path in (GUARDIAN, SECOND):
        doc = documents[str(path)]
        assert doc.text == path.read_text(encoding="utf-8")
        assert doc.language == "en"


def test_no_furniture_inside_any_body_span(documents):
    for doc in documents.values():
        body = body_text(doc)
        for phrase in FURNITURE:
            assert phrase not in body, (doc.source, phrase)


def test_the_guardian_article_keeps_every_paragraph_before_its_source_line():
    doc = read_document(GUARDIAN)
    lines = doc.text.split("\n")
    source_line = lines.index("Source: Guardian")
    position = 0
    article_lines = 0
    for number, line in enumerate(lines):
        if number == 0:
            assert doc.title == line  # the headline is the title, not a body paragraph
            assert not covered(doc, position, position + len(line))
        elif 0 < number < source_line and line.strip():
            assert covered(doc, position, position + len(line)), line
            article_lines += 1
        elif number >= source_line and line.strip():
            assert not any(s < position + len(line) and position < e for s, e in doc.body), line
        position += len(line) + 1
    assert article_lines == 12
    assert doc.publisher == "Guardian"


def test_the_second_article_keeps_every_line_but_the_video_label():
    doc = read_document(SECOND)
    position = 0
    for line in doc.text.split("\n"):
        if line.strip() and line != "Now watching":
            assert covered(doc, position, position + len(line)), line
        position += len(line) + 1
    assert doc.title is None  # its first line is a full sentence, not a headline
    assert doc.publisher is None


@pytest.mark.parametrize(
    "path, sentence",
    [
        (GUARDIAN, "Since last autumn, the North has reportedly sent 15,000 soldiers to fight in the conflict."),
        (GUARDIAN, "The audience members were seen blotting their eyes."),
        (SECOND, "Of these, 600 have died and another 4,700 have been wounded."),
        (SECOND, "Deceased DPRK soldiers to be presented as war heroes"),
    ],
)
def test_article_sentences_lie_inside_one_body_span(path, sentence):
    doc = read_document(path)
    start = doc.text.index(sentence)
    assert covered(doc, start, start + len(sentence))


def test_body_spans_are_trimmed_ordered_and_disjoint(documents):
    for doc in documents.values():
        previous_end = 0
        for start, end in doc.body:
            assert previous_end <= start < end
            assert not doc.text[start].isspace() and not doc.text[end - 1].isspace()
            previous_end = end
