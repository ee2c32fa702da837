"""A document's export piece, read from its N-Quads text, is what a store holding the graph renders.

The workers make the piece without a store, from the conversion's statements
(kg.export.formats.statements_piece), and a piece can be made from N-Quads text
(kg.export.formats.document_piece); literals a store keeps in another form, and lines the
text path does not handle (blank nodes, escapes in IRIs, another graph), must still give the
store's bytes.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.export.formats import (
    _JSON,
    _graph_lines,
    _jsonld_nodes_of_lines,
    _jsonld_texts_of_lines,
    _lines_piece,
    _Piece,
    _stored_text,
    _trig_block,
    _type_first,
    document_nquads_and_piece,
    document_piece,
    statements_piece,
)
from kg.model import Argument, Claim, Document, Extraction, Quantity, TimeValue
from kg.rdf.convert import document_nquads, document_statements
from kg.store import Store

G = "http://ex.org/doc/1"
XSD = "http://www.w3.org/2001/XMLSchema#"
LINES = {
    "plain string": '<http://ex.org/s> <http://ex.org/p> "plain" <{g}> .',
    "integer with a leading zero": f'<http://ex.org/s> <http://ex.org/n> "015"^^<{XSD}integer> <{{g}}> .',
    "non-negative integer": f'<http://ex.org/s> <http://ex.org/n> "7"^^<{XSD}nonNegativeInteger> <{{g}}> .',
    "decimal with trailing zeros": f'<http://ex.org/s> <http://ex.org/d> "1.50"^^<{XSD}decimal> <{{g}}> .',
    "boolean as 1": f'<http://ex.org/s> <http://ex.org/b> "1"^^<{XSD}boolean> <{{g}}> .',
    "explicit xsd:string": f'<http://ex.org/s> <http://ex.org/p> "typed"^^<{XSD}string> <{{g}}> .',
    "language tag in capitals": '<http://ex.org/s> <http://ex.org/p> "hi"@EN-gb <{g}> .',
    "escaped letter": '<http://ex.org/s> <http://ex.org/p> "\\u0041\\t\\"q\\"" <{g}> .',
    "escaped IRI": '<http://ex.org/\\u0073> <http://ex.org/p> "x" <{g}> .',
    "rdf:type twice": '<http://ex.org/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
                      '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{g}> .',
    "duplicate line": '<http://ex.org/s> <http://ex.org/p> "plain" <{g}> .',
}
#: A store names blank nodes afresh on every load, so these are compared by the path they take, not by bytes.
BLANK = ['_:b0 <http://ex.org/p> <http://ex.org/s> <{g}> .', '<http://ex.org/s> <http://ex.org/p> _:b1 <{g}> .']


def _store_piece(data: bytes) -> bytes:
    graph = ox.NamedNode(G)
    store = Store()
    store.add_data(data, graph)
    return _Piece(graph, sorted(_graph_lines(store, graph), key=_type_first)).encode()


def _claim(**fields) -> Claim:
    subject = Argument("Kim", 0, 3)
    return Claim(subject, "say", Argument("hello", 9, 14), (0, 15), **fields)


#: Extractions whose typed literals a store keeps in another form (a confidence of 1 is written "1.0",
#: the store's decimal is "1"), or as written (integers, booleans, dates, a date that is no date, a URL).
TYPED = {
    "confidence 1": [_claim(confidence=1.0)],
    "confidence and quantity": [_claim(confidence=0.25, quantity=Quantity(2.5, "2.50", approximate=True))],
    "one-place claim and time": [Claim(Argument("Kim", 0, 3), "collapse", None, (0, 15),
                                       time=TimeValue("March 2009", "2009-03"), confidence=1.0)],
    "no claims": [],
}


@pytest.mark.parametrize("name", sorted(TYPED))
@pytest.mark.parametrize("issued", [None, "2009-03-01", "2009-02-30", "spring 2009"])
def test_a_piece_from_the_statements_is_the_stores_piece(name, issued):
    document = Document(text="Kim said hello.", source="a.txt", publisher="Daily", issued=issued,
                        url="https://daily.example/a b" if issued else None)
    extraction = Extraction(document, claims=tuple(TYPED[name]))
    data = document_nquads(extraction, "http://ex.org/")
    statements = document_statements(extraction, "http://ex.org/")
    graph = ox.NamedNode(statements.graph[1:-1])
    store = Store()
    store.add_data(data, graph)
    expected = _Piece(graph, sorted(_graph_lines(store, graph), key=_type_first)).encode()
    assert statements_piece(statements) == expected == document_piece(data, graph.value)
    assert document_nquads_and_piece(extraction, "http://ex.org/") == (data, expected)
    assert document_nquads_and_piece(extraction, "http://ex.org/", piece=False) == (data, b"")


@pytest.mark.parametrize("name", sorted(LINES))
def test_a_piece_from_text_is_the_stores_piece(name):
    data = ("\n".join([LINES["plain string"], LINES[name]]).format(g=G) + "\n").encode()
    assert document_piece(data, G) == _store_piece(data)


def test_all_kinds_of_lines_together():
    data = ("\n".join(LINES.values()).format(g=G) + "\n").encode()
    assert document_piece(data, G) == _store_piece(data)


def test_text_the_fast_path_cannot_read_goes_the_store_way():
    for line in BLANK:
        assert _stored_text(line.format(g=G).encode() + b"\n", G) is None
    other_graph = LINES["plain string"].format(g="http://ex.org/doc/2").encode() + b"\n"
    assert _stored_text(other_graph, G) is None
    canonical = (LINES["decimal with trailing zeros"] + "\n").format(g=G).encode()
    assert _stored_text(canonical, G) == f'<http://ex.org/s> <http://ex.org/d> "1.5"^^<{XSD}decimal> .\n'.encode()


@pytest.mark.parametrize("name", sorted(LINES))
def test_the_jsonld_text_writer_writes_what_the_encoder_writes_of_the_node_dicts(name):
    text = _stored_text(("\n".join([LINES["plain string"], LINES[name]]).format(g=G) + "\n").encode(), G)
    lines = set(text.splitlines()) if text is not None else _graph_lines(_in_store(name), ox.NamedNode(G))
    lines = sorted(lines, key=_type_first)
    assert list(_jsonld_texts_of_lines(lines)) == [_JSON.encode(n) for n in _jsonld_nodes_of_lines(lines)]


def _in_store(name: str) -> Store:
    store = Store()
    store.add_data((LINES[name].format(g=G) + "\n").encode(), ox.NamedNode(G))
    return store


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
_IRI = st.text(st.characters(whitelist_categories=("L", "N"), whitelist_characters="-._~/"), min_size=1,
               max_size=8).map(lambda tail: ox.NamedNode("http://ex.org/" + tail))
_OBJECTS = st.one_of(_IRI, _TEXT.map(ox.Literal), st.tuples(_TEXT, st.sampled_from(["en", "de-AT"])).map(
    lambda t: ox.Literal(t[0], language=t[1])), st.integers().map(lambda n: ox.Literal(str(n), datatype=ox.NamedNode(
        XSD + "integer"))), _TEXT.map(lambda v: ox.Literal(v, datatype=ox.NamedNode("http://ex.org/dt"))))
_PREDICATES = st.one_of(_IRI, st.just(ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")),
                        st.just(ox.NamedNode("http://purl.org/dc/terms/title")))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_IRI, _PREDICATES, _OBJECTS), max_size=12))
def test_the_jsonld_text_writer_matches_the_encoder_on_any_triples(triples):
    """Escapes, language tags, datatypes, types that are literals, one subject's predicates in any order."""
    lines = [f"{s} {p} {o} .".encode() for s, p, o in triples]
    for ordered in (lines, sorted(set(lines), key=_type_first)):
        assert list(_jsonld_texts_of_lines(ordered)) == [_JSON.encode(n) for n in _jsonld_nodes_of_lines(ordered)]


_PREFIXED_IRI = st.tuples(st.sampled_from(["https://schema.org/", "https://w3id.org/claimgraph/ns#",
                                            "http://www.w3.org/2001/XMLSchema#", "http://purl.org/dc/terms/"]),
                          st.one_of(st.text(st.characters(whitelist_categories=("L", "N"), whitelist_characters="-._~/"),
                                            max_size=6), st.sampled_from(["a%20b", "a.", "1a", "a/b", "Person"]))).map(
    lambda t: ox.NamedNode(t[0] + t[1]))
_NUMBERS = st.tuples(st.sampled_from(["integer", "decimal", "double", "boolean", "date", "gYear"]),
                     st.sampled_from(["1", "-01", "+2", "1.50", ".5", "1e3", "1.0E-2", "true", "false", "0", "2009",
                                      "2009-03-01", "x"])).map(
    lambda t: ox.Literal(t[1], datatype=ox.NamedNode(XSD + t[0])))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.one_of(_IRI, _PREFIXED_IRI), st.one_of(_PREDICATES, _PREFIXED_IRI),
                          st.one_of(_OBJECTS, _PREFIXED_IRI, _NUMBERS)), max_size=12))
def test_a_pieces_trig_written_in_one_pass_is_oxigraphs_trig(triples):
    """The piece's TriG block, written with the JSON-LD in one pass (each term's Turtle text asked of Oxigraph once),
    is the bytes of Oxigraph's writer for the same sorted lines: prefixed names and what is no prefixed name,
    literals written bare or with their datatype, language tags, escapes."""
    graph = ox.NamedNode(G)
    lines = sorted({f"{s} {p} {o} .".encode() for s, p, o in triples}, key=_type_first)
    store = Store()
    store.add_data(b"".join(line[:-1] + f"<{G}> .\n".encode() for line in lines), graph)
    stored = sorted(_graph_lines(store, graph), key=_type_first)  # the canonical forms a piece holds
    piece = _Piece.decode(graph, _lines_piece(graph, [line[:-2].decode() for line in stored]))
    assert piece is not None and piece.trig == _trig_block(graph, stored)
    assert piece.jsonld == _Piece(graph, stored).jsonld


def test_a_full_cache_of_stored_literals_still_answers_every_literal(monkeypatch):
    """The cache is cleared when full; the literals asked for that were in it before must still be answered."""
    import kg.export.formats as formats

    monkeypatch.setattr(formats, "_STORED_MAX", 2)
    monkeypatch.setattr(formats, "_stored", {})
    numbers = [f'"{n}"^^<{XSD}decimal>' for n in ("1.50", "2.0", "3")]
    stored = {numbers[0]: f'"1.5"^^<{XSD}decimal>', numbers[1]: f'"2"^^<{XSD}decimal>'}  # "3" is kept as it is
    assert formats._stored_literals(set(numbers[:2])) == stored
    assert formats._stored_literals(set(numbers)) == stored  # more than the cache holds: cleared, all answered
