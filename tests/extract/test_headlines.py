"""The title line: read for entity mentions that join the body's entities, never for claims."""

from __future__ import annotations

import pytest

from kg.extract import extract_document, split_pieces
from kg.ingest.layout import analyse_text
from kg.ingest.pieces import MAX_TITLE_GAP, title_span
from kg.model import Document, Extraction

BODY = ("Tobias Ferris, a receiver for the Lancers, was arrested on Monday in Santa Ravena. "
        "Ferris was released after posting bail, police said.")


def _document(text: str, title: str | None = None) -> Document:
    """A document laid out like ingest lays out a plain-text article (title line taken out of the body)."""
    layout = analyse_text(text, title=title)
    return Document(text=text, source="t.txt", title=title or layout.title, body=layout.body, publisher="Test Daily")


def _title_mentions(ex: Extraction) -> list:
    span = title_span(ex.document.text, ex.document.title, ex.document.body)
    assert span is not None
    return [m for m in ex.mentions if m.start < span[1]]


@pytest.fixture(scope="module")
def arrested(pipeline) -> Extraction:
    return extract_document(_document("Ferris arrested on DUI charge\n\n" + BODY), pipeline)


def test_the_headline_is_outside_the_body_but_is_parsed_first(arrested):
    doc = arrested.document
    assert doc.title == "Ferris arrested on DUI charge"
    assert all(start > 0 for start, _ in doc.body)
    assert next(split_pieces(doc)) == ("Ferris arrested on DUI charge", 0)


def test_a_surname_in_the_headline_joins_the_full_name_of_the_body(arrested):
    ferris = [m for m in _title_mentions(arrested) if m.text == "Ferris"]
    assert [(m.start, m.end, m.entity, m.kind) for m in ferris] == [(0, 6, "Tobias Ferris", "name")]


def test_every_mention_quotes_the_text_it_points_at(arrested):
    text = arrested.document.text
    assert _title_mentions(arrested)
    assert all(text[m.start : m.end] == m.text for m in arrested.mentions)


def test_the_headline_states_no_claim_and_is_no_sentence(arrested):
    end = len("Ferris arrested on DUI charge")
    assert all(start >= end for start, _ in arrested.sentences)
    assert all(c.sentence[0] >= end and c.subject.start >= end for c in arrested.claims)
    assert any(c.relation.startswith("arrest") for c in arrested.claims)  # the body's own claim is still there


def test_a_headline_with_a_reporting_verb_reports_nothing(pipeline):
    text = "Kessler says the economy will recover\n\nNora Kessler spoke in Carrowmore on Friday about jobs."
    ex = extract_document(_document(text), pipeline)
    assert [m.entity for m in _title_mentions(ex) if m.text == "Kessler"] == ["Nora Kessler"]
    assert not [c for c in ex.claims if c.rule.startswith("attribution")]
    assert not [c for c in ex.claims if c.relation == "recover"]


def test_a_title_the_text_does_not_hold_gives_no_mentions(pipeline):
    text = "Jon Hale-Murray honoured the soldiers on Sunday. He placed his hands on their coffins."
    doc = Document(text=text, source="t.html", title="Jon Hale-Murray pays tribute to troops killed in Ostrania")
    assert title_span(doc.text, doc.title, doc.body) is None
    ex = extract_document(doc, pipeline)
    assert [text for text, _ in split_pieces(doc)] == [text]
    assert all(ex.document.text[m.start : m.end] == m.text for m in ex.mentions)


def test_title_span_matches_case_and_spacing_of_the_line_only_above_the_body():
    text = "Jon  honours SOLDIERS\n\nJon honours soldiers, the agency said.\n"
    body = ((23, 61),)
    assert title_span(text, "Jon honours soldiers", body) == (0, 21)  # metadata title, line in other case
    assert title_span(text, "honours", body) is None or title_span(text, "honours", body)[1] <= 23
    assert title_span(text, "the agency said", body) is None  # only inside the body
    assert title_span(text, None, body) is None and title_span(text, "  ", body) is None


def test_a_window_far_below_the_title_has_no_title():
    text = "Jon honours soldiers\n\n" + "Jon spoke. " * (MAX_TITLE_GAP // 5) + "\n\nThe end."
    first = ((22, 22 + 11),)
    last = ((len(text) - 8, len(text)),)
    assert title_span(text, "Jon honours soldiers", first) == (0, 20)
    assert title_span(text, "Jon honours soldiers", last) is None


@pytest.mark.parametrize("headline", [
    "3 dead as storm hits Ostrel coast",  # opens with a number
    "2 new bridges for Ostrel",  # opens with a number, no verb
    "Flood barrier for Ostrel harbour",  # no verb, straight above the body
])
def test_a_headline_read_from_a_file_is_the_title_and_states_no_claim(tmp_path, pipeline, headline):
    from kg.ingest.read import read_document

    path = tmp_path / "story.txt"
    path.write_text(f"{headline}\nThree people died on Monday when a storm hit the coast near Ostrel, police said.\n")
    doc = read_document(path)
    assert doc.title == headline and all(start > len(headline) for start, _ in doc.body)
    ex = extract_document(doc, pipeline)
    assert all(c.sentence[0] > len(headline) and c.subject.start > len(headline) for c in ex.claims)
    assert any(c.relation == "die" for c in ex.claims)
    assert all(doc.text[m.start : m.end] == m.text for m in ex.mentions)
    assert all(m.end <= len(headline) or m.start > len(headline) for m in ex.mentions)  # none runs on into the body
