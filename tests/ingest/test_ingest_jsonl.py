""".jsonl: one article per line; a bad line is an E103 naming its line and the good lines still come through."""

from __future__ import annotations

import codecs
import json
import warnings

import pytest

from kg.errors import InputError
from kg.ingest import MetadataWarning, iter_documents, read_jsonl

TEXT = "Ri Chol-ho placed his hands on the coffins of soldiers killed in the war, the agency said."


def line(**record) -> str:
    return json.dumps(record, ensure_ascii=False)


def test_fields_become_metadata_and_source_names_the_line(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        "\n".join(
            [
                line(text=TEXT, title="Cho honours soldiers", publisher="Clarion", date="22 June 2025",
                     url="https://example.org/a"),
                "",
                line(text="Tallinn said 15,000 soldiers were sent to Ostmark since last autumn, officials confirmed."),
            ]
        )
        + "\n"
    )
    documents = list(read_jsonl(path))
    assert [d.source for d in documents] == [f"{path}:1", f"{path}:3"]
    first = documents[0]
    assert (first.title, first.publisher, first.issued, first.url) == (
        "Cho honours soldiers", "Clarion", "2025-06-22", "https://example.org/a"
    )
    assert first.text == TEXT and first.language == "en"
    assert documents[1].title is None


@pytest.mark.parametrize(
    "bad, reason",
    [
        ("not json at all", "not valid JSON"),
        ('{"text": "unterminated', "not valid JSON"),
        ("[1, 2, 3]", "not a JSON object"),
        ('"just a string"', "not a JSON object"),
        ('{"title": "no text here"}', 'no "text" field'),
        ('{"text": 42}', '"text" must be a string'),
        ('{"text": "   "}', '"text" is empty'),
        ('{"text": "Cho spoke at length.", "title": ["a", "list"]}', '"title" must be a string'),
        ('{"text": "Share\\nSubscribe\\nLeave a Reply\\nNice post"}', "only page furniture"),
    ],
)
def test_bad_lines_are_e103_with_their_line_number_and_the_rest_is_read(tmp_path, bad, reason):
    path = tmp_path / "batch.jsonl"
    path.write_text(line(text=TEXT) + "\n" + bad + "\n" + line(text=TEXT + " Again.") + "\n")
    errors: list[InputError] = []
    documents = list(read_jsonl(path, on_error=errors.append))
    assert [d.source for d in documents] == [f"{path}:1", f"{path}:3"]
    assert len(errors) == 1
    assert errors[0].code == "E103" and errors[0].fields["line"] == 2
    assert reason in str(errors[0]) and str(errors[0]).startswith(f"E103 {path}:2: ")


def test_without_on_error_a_bad_line_raises(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text("oops\n")
    with pytest.raises(InputError) as info:
        list(read_jsonl(path))
    assert info.value.code == "E103"


def test_invalid_utf8_line_is_reported_and_other_lines_kept(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_bytes(
        codecs.BOM_UTF8 + line(text=TEXT).encode() + b"\n" + b'{"text": "caf\xe9"}\n' + line(text=TEXT + "!").encode()
    )
    errors: list[InputError] = []
    documents = list(read_jsonl(path, on_error=errors.append))
    assert len(documents) == 2
    assert [(e.code, e.fields["line"], "UTF-8" in str(e)) for e in errors] == [("E103", 2, True)]


def test_utf16_jsonl_is_read(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_bytes((line(text=TEXT) + "\r\n" + line(text="Séoul a confirmé le déploiement des soldats.") + "\r\n")
                     .encode("utf-16"))
    documents = list(read_jsonl(path))
    assert [d.text for d in documents] == [TEXT, "Séoul a confirmé le déploiement des soldats."]


def test_a_binary_or_empty_jsonl_file_is_one_file_error(tmp_path):
    binary = tmp_path / "a.jsonl"
    binary.write_bytes(b"PK\x03\x04" + bytes(30))
    empty = tmp_path / "b.jsonl"
    empty.write_bytes(b"\n\n")
    errors: list[InputError] = []
    assert list(iter_documents([binary, empty, tmp_path / "c.jsonl"], on_error=errors.append)) == []
    assert [(e.code, e.fields.get("line")) for e in errors] == [("E101", None), ("E101", None), ("E100", None)]


def test_an_unreadable_date_warns_and_keeps_the_article(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(line(text=TEXT, date="sometime last week") + "\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        documents = list(read_jsonl(path))
    assert documents[0].issued is None
    assert [w.category for w in caught] == [MetadataWarning]
    assert "sometime last week" in str(caught[0].message)


def test_language_field_is_taken_as_given(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(line(text=TEXT, language="en-GB") + "\n" + line(text="Die Soldaten wurden geehrt.", lang="DE") + "\n")
    assert [d.language for d in read_jsonl(path)] == ["en", "de"]


def test_utf16_jsonl_keeps_a_line_separator_inside_a_json_string(tmp_path):
    path = tmp_path / "batch.jsonl"
    text = "Cho spoke.\u2028Tallinn listened to the speech of the leader."
    path.write_bytes((line(text=text) + "\n").encode("utf-16"))
    assert [d.text for d in read_jsonl(path)] == [text]


def test_lone_surrogate_escapes_become_replacement_characters(tmp_path):
    """JSON can spell a lone UTF-16 surrogate, which no UTF-8 text holds: it must not crash hashing or RDF."""
    path = tmp_path / "s.jsonl"
    path.write_text('{"text": "Cho \\ud800 sent soldiers \\ud83d\\ude00 to Ostmark, the agency said.", '
                    '"publisher": "Wire \\udfff"}\n')
    [document] = list(read_jsonl(path))
    assert document.text == "Cho \ufffd sent soldiers \U0001F600 to Ostmark, the agency said."
    assert document.publisher == "Wire \ufffd"
    assert len(document.sha256) == 64


def test_a_one_line_article_whose_title_is_its_text_keeps_its_body(tmp_path):
    line = "A climber who survived two nights on the mountain was rescued on Thursday."
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"text": line, "title": line}) + "\n", encoding="utf-8")
    (doc,) = list(iter_documents([path]))
    assert [doc.text[s:e] for s, e in doc.body] == [line]
    assert doc.title == line
