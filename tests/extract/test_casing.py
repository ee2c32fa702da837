"""Headline-case lines parsed from a case-normalised copy of the same length (kg.extract.casing)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import extract_document, split_pieces
from kg.extract.casing import (common_words, is_headline_case, lone_capitals, normalise_case, restore_text,
                               word_forms)
from kg.model import Document

BODY = ("The Lakeport Comets will hire Desmond Fields as their head coach, the team said on Monday. "
        "Fields, a former point guard, replaces the coach who was fired in May.")


def test_headline_case_lines_are_told_from_sentences():
    assert is_headline_case("Comets Hire Desmond Fields as Head Coach")
    assert is_headline_case("LANCERS' RECEIVER ARRESTED")
    assert not is_headline_case("Comets hire Desmond Fields as head coach")
    assert not is_headline_case("Peter Lindqvist, 32, was climbing on Mount Carrow in Tarawai-Mt Harlow National Park.")
    assert not is_headline_case("QRL")  # too short to say


def test_word_forms_read_running_text_only():
    forms = word_forms("Hire Him Now Please\nThe Comets said. Hire was the word at http://x.com/hire-fields-now.")
    assert "hire" not in forms  # headline line, sentence start and link say nothing
    assert forms["comets"] == {"Comets": 1}


def test_title_case_words_take_the_documents_case():
    forms = word_forms(BODY)
    line = "Comets Hire Desmond Fields as Head Coach"
    assert normalise_case(line, forms) == "Comets hire Desmond Fields as head coach"


def test_all_caps_words_take_the_documents_case_and_months_stay_months():
    forms = word_forms("Police said the driver was arrested. DUI charges were filed, the Lancers said.")
    line = "LANCERS' DRIVER ARRESTED ON DUI CHARGES"
    assert normalise_case(line, forms) == "Lancers' driver arrested on DUI charges"
    assert normalise_case("MONDAY, MAY 23, 2005", word_forms("He may go.")) == "Monday, May 23, 2005"


def test_words_without_evidence_stay_unless_the_lexicon_knows_them(pipeline):
    forms = word_forms(BODY)
    line = "Danish Naval Ship Impounds Smuggler Vessels"
    assert normalise_case(line, forms) == "Danish Naval Ship Impounds smuggler Vessels"  # a person noun: see below
    out = normalise_case(line, forms, common_words(pipeline))
    assert out.startswith("Danish ") and " impounds " in out  # a common verb, though the article never uses it


_PIECES = st.lists(st.sampled_from(list("abcXYZ İßǅ\n.,'-0123") + ["The ", "OF ", "Hire ", "MAY ", "Comets "]),
                   max_size=40).map("".join)
_RUNNING = st.lists(st.sampled_from(list("abc XYZ.\n") + ["hire ", "of ", "the ", "may ", "Comets "]),
                    max_size=30).map("".join)


@settings(max_examples=200, deadline=None)
@given(_PIECES, _RUNNING)
def test_the_copy_has_the_same_length_and_letters(piece, document):
    out = normalise_case(piece, word_forms(document))
    assert len(out) == len(piece)
    assert all(a == b or a.lower() == b.lower() for a, b in zip(piece, out))


def test_restore_text_keeps_the_parse_and_puts_the_original_back(pipeline):
    original = "Comets Hire Desmond Fields as Head Coach\n" + BODY
    copy = normalise_case(original, word_forms(BODY))
    parsed = pipeline(copy)
    restored = restore_text(parsed, original)
    assert restored.text == original
    def parse(doc):
        return [(t.pos_, t.dep_, t.head.i, t.lemma_) for t in doc]

    assert parse(restored) == parse(parsed)
    assert [(e.start, e.end, e.label_) for e in restored.ents] == [(e.start, e.end, e.label_) for e in parsed.ents]
    assert restored._.clauses == parsed._.clauses
    assert restore_text(parsed, copy) is parsed


def test_extraction_reads_a_title_case_line_as_the_article_writes_it(pipeline):
    text = "Comets Hire Desmond Fields as Head Coach\n\n" + BODY
    doc = Document(text=text, source="t.txt", body=((0, 40), (42, len(text))))
    pieces = list(split_pieces(doc, common_words(pipeline)))
    assert pieces[0] == ("Comets hire Desmond Fields as head coach", 0)
    ex = extract_document(doc, pipeline)
    assert all(text[m.start : m.end] == m.text for m in ex.mentions)
    for claim in ex.claims:
        for arg in (claim.subject, claim.object, *claim.arguments):
            assert arg is None or text[arg.start : arg.end] == arg.text
    in_line = [m for m in ex.mentions if m.end <= 40]
    assert ("Desmond Fields", "Desmond Fields") in {(m.text, m.entity) for m in in_line}
    assert not [m for m in in_line if "Hire" in m.text and m.kind == "name"]
    assert any(c.relation == "hire" and c.sentence[1] <= 40 for c in ex.claims)


def test_restore_text_refuses_a_text_that_is_not_the_copys(pipeline):
    parsed = pipeline("Comets hire Desmond Fields")
    with pytest.raises(ValueError):
        restore_text(parsed, "Comets fire Desmond Fields")
    with pytest.raises(ValueError):
        restore_text(parsed, "Comets hire Desmond Field")


POLICE_BODY = ("Officers of the Dallow Police Department shot a teenager on Friday, police said. "
               "Dallow Police Chief Nora Venn said the police would review the shooting. "
               "Residents said Venn had met the family. The police left at noon.")


def test_lone_capitals_are_words_capitalised_outside_longer_names():
    assert lone_capitals(POLICE_BODY) == {"venn", "friday"}  # "Police" only in "Dallow Police Department" etc.
    assert "venn" in lone_capitals("They met Venn.\nVENN QUITS")  # the headline line is not read


def test_a_headline_noun_the_body_writes_in_lower_case_is_no_name():
    forms, lone = word_forms(POLICE_BODY), lone_capitals(POLICE_BODY)
    line = "Teen Shot By Police In Dallow; Venn Orders Inquiry"
    assert normalise_case(line, forms, None, lone) == "Teen shot by police in Dallow; Venn Orders Inquiry"
    assert normalise_case(line, forms) == "Teen shot by Police in Dallow; Venn Orders Inquiry"  # without ``lone``


def test_a_person_noun_the_body_never_writes_is_lower_case_but_names_are_kept():
    body = "Mara Quell, 41, opened fire at the plant on Tuesday. Quell was arrested, and two workers were hurt."
    forms, lone = word_forms(body), lone_capitals(body)
    out = normalise_case("Quell Named As Gunman Who Shot Two Workers At Plant", forms, None, lone)
    assert out == "Quell Named as gunman Who Shot two workers at plant"  # "Gunman": a person noun, never written
    # a surname that is also a noun stays a name where the body writes it capitalised on its own
    body = "Senator Ann Bush spoke. Later Bush said the bush fire was out and bush crews left."
    out = normalise_case("Fire Crews Thank Bush", word_forms(body), None, lone_capitals(body))
    assert out.endswith(" Bush")


def test_extraction_gives_a_headline_person_noun_no_name_mention(pipeline):
    head = "Teen Gunman Shot By Police After Siege"
    text = head + "\n\n" + POLICE_BODY
    doc = Document(text=text, source="t.txt", body=((0, len(head)), (len(head) + 2, len(text))))
    assert next(split_pieces(doc, common_words(pipeline)))[0].startswith("Teen gunman shot by police ")
    ex = extract_document(doc, pipeline)
    in_line = [m for m in ex.mentions if m.end <= len(head)]
    assert [m.kind for m in in_line if m.start == 0] == ["nominal"]  # "Teen Gunman": a description, no name
