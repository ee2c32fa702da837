"""Store.query_to / write_results: Oxigraph's own results writers give the rows that decoded terms give."""

from __future__ import annotations

import csv
import io

import pyoxigraph as ox
import pytest

from kg.errors import QueryError
from kg.store import RESULTS_FORMATS, Store, result_kind, write_results

#: literals that stress every writer: separators, quotes, line breaks, tabs, non-ASCII, language and datatypes
DATA = r"""
<http://ex/a> <http://ex/p> "plain" , "comma, inside" , "quote \" inside" , "line\nbreak" , "cr\r\nlf" ,
    "tab\there" , "Zürich — ☃" , "" , "chat"@fr , 42 , 1.5 , "2025-06-22"^^<http://www.w3.org/2001/XMLSchema#date> ,
    true , "spaced  " , <http://ex/b> .
<http://ex/b> <http://ex/q> "only b" .
"""
#: one row per object of <a>, with an OPTIONAL that is unbound on all but one row
SELECT = "SELECT ?o ?extra WHERE { <http://ex/a> <http://ex/p> ?o OPTIONAL { ?o <http://ex/q> ?extra } }"


@pytest.fixture(scope="module")
def store():
    store = Store()
    store.update("INSERT DATA { " + DATA + " }")
    return store


def _decoded(store, sparql: str) -> list[tuple]:
    """The reference: rows of Python term objects, as N-Triples strings (None where unbound)."""
    solutions = store.query(sparql)
    names = [v.value for v in solutions.variables]
    return sorted(tuple(str(s[n]) if s[n] is not None else None for n in names) for s in solutions)


def _parsed(body: bytes, fmt: str) -> list[tuple]:
    solutions = ox.parse_query_results(body, format=RESULTS_FORMATS[fmt])
    names = [v.value for v in solutions.variables]
    return sorted(tuple(str(s[n]) if s[n] is not None else None for n in names) for s in solutions)


@pytest.mark.parametrize("fmt", ["json", "xml", "tsv"])
def test_query_to_gives_the_decoded_rows(store, fmt):
    out = io.BytesIO()
    assert store.query_to(out, SELECT, fmt) == "solutions"
    rows = _parsed(out.getvalue(), fmt)
    assert rows == _decoded(store, SELECT)
    assert len(rows) == 15 and sum(r[1] is not None for r in rows) == 1


def test_csv_gives_the_plain_values_of_the_decoded_rows(store):
    # SPARQL CSV keeps only values (no datatype or language): compare with the terms' values
    out = io.BytesIO()
    store.query_to(out, SELECT, "csv")
    body = out.getvalue()
    assert body.startswith(b"o,extra\r\n")
    read = list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))
    expected = [[s["o"].value, "" if s["extra"] is None else s["extra"].value] for s in store.query(SELECT)]
    assert sorted(read[1:]) == sorted(expected)
    assert ["line\nbreak", ""] in read[1:] and ["cr\r\nlf", ""] in read[1:] and ["comma, inside", ""] in read[1:]


def test_substitutions_reach_the_query(store):
    out = io.BytesIO()
    store.query_to(out, "SELECT ?s ?o WHERE { ?s ?p ?o }", "csv",  # 16 rows unbound
                   substitutions={ox.Variable("s"): ox.NamedNode("http://ex/b")})
    assert out.getvalue() == b"s,o\r\nhttp://ex/b,only b\r\n"


def test_ask_is_written_and_construct_refused(store):
    out = io.BytesIO()
    assert store.query_to(out, "ASK { ?s <http://ex/q> ?o }", "json") == "boolean"
    assert b'"boolean":true' in out.getvalue()
    nothing = io.BytesIO()
    with pytest.raises(QueryError, match="E300.*CONSTRUCT"):
        store.query_to(nothing, "CONSTRUCT WHERE { ?s ?p ?o }", "json")
    assert nothing.getvalue() == b""


def test_result_kind(store):
    assert result_kind(store.query(SELECT)) == "solutions"
    assert result_kind(store.query("ASK {}")) == "boolean"
    assert result_kind(store.query("CONSTRUCT WHERE { ?s ?p ?o }")) == "triples"


def test_write_results_returns_bytes_without_output_and_rejects_unknown_formats(store):
    assert write_results(store.query("SELECT ?o WHERE { ?s <http://ex/q> ?o }"), None, "tsv") == b'?o\n"only b"\n'
    with pytest.raises(ValueError, match="known: json, xml, csv, tsv"):
        write_results(store.query(SELECT), None, "turtle")


def test_an_error_of_the_output_reaches_the_caller(store):
    class ClosedPipe:
        def write(self, data):
            raise BrokenPipeError(32, "Broken pipe")

    with pytest.raises(BrokenPipeError):
        store.query_to(ClosedPipe(), SELECT, "csv")


def test_bad_query_is_a_query_error(store):
    with pytest.raises(QueryError, match="E300"):
        store.query_to(io.BytesIO(), "SELECT nonsense", "csv")
