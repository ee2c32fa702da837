"""End-to-end: `kg build` on a .jsonl whose articles have no date but a URL dates them from the URL (dct:issued)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kg.cli import main
from kg.ingest import read_document
from kg.store import open_store

RECORDS = [
    {"text": "The Ostrel council approved a new dam on Tuesday, the mayor said.",
     "url": "https://news.example.org/2014/05/12/ostrel-dam-approved"},
    {"text": "Farmers in Ostrel protested against the new dam yesterday.",
     "url": "https://news.example.org/2014/06/ostrel-farmers-protest/"},
    {"text": "The Ostrel dam will cost 4 million euros, engineers said.",
     "url": "https://news.example.org/story/13089916"},
    {"text": "Work on the Ostrel dam starts in August, the council said.",
     "url": "https://news.example.org/2014/06/03/ostrel-dam-work", "date": "2014-06-04"},
]


def test_kg_build_writes_the_url_s_date_as_a_typed_dct_issued(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(path), "--out", str(tmp_path / "out"), "--no-page"])
    assert result.exit_code == 0, result.output
    store = open_store(tmp_path / "out", read_only=True)
    rows = store.select("SELECT ?url ?issued WHERE { ?d schema:url ?url OPTIONAL { ?d dct:issued ?issued } }")
    issued = {
        r["url"].value: (r["issued"].value, r["issued"].datatype.value) if "issued" in r else None for r in rows
    }
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert issued == {
        RECORDS[0]["url"]: ("2014-05-12", xsd + "date"),
        RECORDS[1]["url"]: ("2014-06", xsd + "gYearMonth"),
        RECORDS[2]["url"]: None,  # an article id is no date
        RECORDS[3]["url"]: ("2014-06-04", xsd + "date"),  # the record's own date wins
    }


def test_kg_build_keeps_an_updated_line_as_dct_modified_and_dates_the_article_by_its_url(tmp_path):
    """"Last updated: <date>" says when the page changed: dct:modified; the URL's date is the story's."""
    record = {"text": "Ostrel dam approved\nLast updated: 14 May 2014\nThe Ostrel council approved a new dam yesterday.",
              "url": "https://news.example.org/2014/05/12/ostrel-dam-approved"}
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(path), "--out", str(tmp_path / "out"), "--no-page"])
    assert result.exit_code == 0, result.output
    store = open_store(tmp_path / "out", read_only=True)
    rows = store.select("SELECT ?issued ?modified WHERE { ?d dct:issued ?issued ; dct:modified ?modified }")
    assert [(r["issued"].value, r["modified"].value) for r in rows] == [("2014-05-12", "2014-05-14")]


def test_an_updated_line_dates_an_article_nothing_else_dates(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Ostrel dam approved\nThe Ostrel council approved a new dam yesterday.\nUpdated: 14 May 2014\n")
    document = read_document(path)
    assert (document.issued, document.modified) == ("2014-05-14", "2014-05-14")
