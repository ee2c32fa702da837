"""Hostile text in every field becomes valid RDF: every export parses in rdflib and Oxigraph, every IRI is valid.

Hypothesis builds extractions whose texts, names, labels, relations, units,
publishers, source paths and base IRIs are full of quotes, backslashes, line
breaks, control characters, zero-width and right-to-left marks, emoji, ``>`` and
spaces. The quads go through the store and every export writer; each file must
parse back with two independent parsers to exactly the same graph (so control
characters were escaped, not dropped or mangled), and every IRI must be an
RFC 3987 IRI without the characters N-Triples forbids in IRIs.
"""

from __future__ import annotations

import json
import re
import tempfile
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.export.formats import (FORMATS, _graph_lines, _Piece, _type_first, _without_prefixes, document_nquads_and_piece,
                               document_piece, write_export)
from kg.model import Argument, Claim, Document, Entity, EntityMention, Extraction, Quantity, TimeValue
from kg.rdf.convert import document_nquads, document_quads
from kg.rdf.namespaces import PREFIXES
from kg.rdf.terms import check_base_iri, is_iri
from kg.resolve import resolve
from kg.store import Store

#: Characters N-Triples and Turtle forbid inside <...> (besides controls and space).
IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')
NASTY = list('"\\\n\r\t\x00\x01\x1b\x1f\x7f\x85\u2028\u2029\u200b\u200d\u200e\u200f\u202a\u202e\u2066\ufeff'
             "<>{}|^`%#?&'/:;=@ ") + ["😀", "👩‍👩‍👧", "\U0010fffd", "\ue000", "\ufffd", "é", "ß", "İ", "ﬁ", "Ⅻ",
                                      "\u0301", "שלום", "مرحبا", "\"\"\"", "'''", "\\u0000", "</script>", "-->", "]]>"]
TEXT = st.lists(st.one_of(st.sampled_from(NASTY), st.text(st.characters(exclude_categories=("Cs",)), max_size=4)),
                min_size=1, max_size=12).map("".join)
NAME = TEXT.filter(lambda s: s.strip() != "")
BASES = st.sampled_from([
    "https://w3id.org/claimgraph/id/", "http://example.org/kg#", "urn:kg/", "https://例え.jp/グラフ/",
    "http://[::1]:8080/a%20b/", "tag:example.org,2025:kg/", "http://ex.org/~user/it's/(1)/",
])
TYPES = st.sampled_from(["Person", "Organization", "NewsOrganization", "Place", "Group", "Event", "Work", "Product",
                         "Thing"])


@st.composite
def extractions(draw) -> tuple[Extraction, str]:
    text = draw(TEXT) + " " + draw(TEXT)
    n = len(text)

    def span() -> tuple[int, int]:
        start = draw(st.integers(0, n - 1))
        return start, draw(st.integers(start + 1, n))

    document = Document(
        text=text,
        source=draw(NAME),
        title=draw(st.none() | NAME),
        publisher=draw(st.none() | NAME),
        issued=draw(st.sampled_from([None, "2025-06-22", "2025-06", "2025"])),
        url=draw(st.none() | TEXT),
        language=draw(st.sampled_from([None, "en"])),
    )
    entities = tuple(
        Entity(key=draw(NAME), label=draw(NAME), type=draw(TYPES), aliases=tuple(draw(st.lists(NAME, max_size=2))))
        for _ in range(draw(st.integers(1, 3)))
    )
    keys = [e.key for e in entities]
    key = st.sampled_from(keys)

    def argument(entity_ok: bool = True) -> Argument:
        start, end = span()
        return Argument(text[start:end], start, end, entity=draw(st.none() | key) if entity_ok else None,
                        role=draw(st.none() | NAME))

    mentions = tuple(EntityMention(draw(key), *span(), text=draw(TEXT), kind=draw(st.sampled_from(
        ["name", "pronoun", "nominal"]))) for _ in range(draw(st.integers(0, 3))))
    claims = []
    for _ in range(draw(st.integers(1, 3))):
        time_start, time_end = span()
        claims.append(Claim(
            subject=argument(),
            relation=draw(NAME),
            object=draw(st.none() | st.just(None).map(lambda _: argument())),
            sentence=span(),
            relation_text=draw(TEXT),
            arguments=tuple(argument() for _ in range(draw(st.integers(0, 2)))),
            speaker=draw(st.none() | key),
            cue=draw(st.none() | NAME),
            certainty=draw(st.sampled_from(["certain", "probable", "possible"])),
            polarity=draw(st.sampled_from(["positive", "negative"])),
            quantity=draw(st.none() | st.builds(
                Quantity, value=st.floats(-1e12, 1e12, allow_nan=False) | st.integers(-10**9, 10**9).map(float),
                text=TEXT, unit=st.none() | NAME, approximate=st.booleans())),
            time=draw(st.none() | st.builds(TimeValue, text=NAME, value=st.sampled_from([None, "2025-04", "2024"]),
                                            start=st.just(time_start), end=st.just(time_end))),
            location=draw(st.none() | key),
            confidence=draw(st.floats(0, 1)),
            rule=draw(TEXT),
        ))
    extraction = Extraction(document, sentences=(span(),), entities=entities, mentions=mentions, claims=tuple(claims))
    return extraction, draw(BASES)


def _iris(quads) -> set[str]:
    found = set()
    for q in quads:
        for term in (q.subject, q.predicate, q.object, q.graph_name):
            if isinstance(term, ox.NamedNode):
                found.add(term.value)
            elif isinstance(term, ox.Literal):
                found.add(term.datatype.value)
    return found


_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC = {_XSD + t for t in ("decimal", "integer", "nonNegativeInteger", "double")}


def _lexical(value: str, datatype: str) -> str:
    """Numbers by value: rdflib's Turtle/TriG parser rewrites a long decimal in its own (exponent) notation."""
    if datatype in _NUMERIC:
        try:
            return str(Decimal(value).normalize())
        except InvalidOperation:
            return value
    return value


def _ox_key(term) -> tuple:
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value if not term.language else ""
        return ("L", _lexical(term.value, datatype), term.language or "", datatype)
    if isinstance(term, ox.DefaultGraph) or term is None:
        return ("D",)
    return ("I", term.value)


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _rdflib_key(term) -> tuple:
    if isinstance(term, rdflib.Literal):
        datatype = str(term.datatype) if term.datatype else ("" if term.language else _XSD_STRING)
        return ("L", _lexical(str(term), datatype), term.language or "", datatype)
    if term is None or (isinstance(term, rdflib.URIRef) and str(term) == str(rdflib.graph.DATASET_DEFAULT_GRAPH_ID)):
        return ("D",)
    return ("I", str(term))


_OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
               "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}
_RDFLIB_FORMATS = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "ntriples": "nt", "jsonld": "json-ld"}


def check_exports(store: Store, folder: Path) -> None:
    """Every export of ``store`` parses with Oxigraph and rdflib to exactly the store's graph."""
    quads = list(store.quads())
    with_graphs = {(_ox_key(q.subject), _ox_key(q.predicate), _ox_key(q.object), _ox_key(q.graph_name))
                   for q in quads}
    union = {t[:3] for t in with_graphs}
    for name, export_format in FORMATS.items():
        path = write_export(store, name, folder / f"graph{export_format.extension}").path
        triples_only = export_format.counts == "triples"
        expected = union if triples_only else with_graphs
        parsed = {(_ox_key(q.subject), _ox_key(q.predicate), _ox_key(q.object), _ox_key(q.graph_name))
                  for q in ox.parse(path=str(path), format=_OX_FORMATS[name])}
        assert {p[:3] for p in parsed} == union if triples_only else parsed == expected, f"oxigraph: {name}"
        dataset = rdflib.Dataset()
        dataset.parse(path, format=_RDFLIB_FORMATS[name])
        got = {(_rdflib_key(s), _rdflib_key(p), _rdflib_key(o), _rdflib_key(g)) for s, p, o, g in dataset.quads()}
        assert ({g[:3] for g in got} == union) if triples_only else got == expected, f"rdflib: {name}"


@pytest.fixture(autouse=True)
def _lexical_forms_kept(monkeypatch):
    monkeypatch.setattr(rdflib, "NORMALIZE_LITERALS", False)  # compare lexical forms as written


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(extractions())
def test_hostile_extractions_give_valid_iris_and_exports_that_parse_back_exactly(sample):
    extraction, base = sample
    quads = document_quads(extraction, base)
    for iri in _iris(quads):
        assert is_iri(iri) and not IRI_FORBIDDEN.search(iri), iri
    store = Store()
    store.replace_graph(quads[0].graph_name, quads)
    resolve(store, base)
    for iri in _iris(store.quads()):
        assert is_iri(iri) and not IRI_FORBIDDEN.search(iri), iri
    with tempfile.TemporaryDirectory() as folder:
        check_exports(store, Path(folder))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(extractions())
def test_the_workers_nquads_text_is_what_oxigraph_writes_for_the_quads(sample):
    """document_nquads writes the text itself (no Quad objects): it must be the serializer's bytes; and the
    export piece the workers make from that text must be what the store renders for the loaded graph."""
    extraction, base = sample
    quads = document_quads(extraction, base)
    data = document_nquads(extraction, base)
    assert data == ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    assert list(ox.parse(data, format=ox.RdfFormat.N_QUADS)) == quads
    graph = quads[0].graph_name
    store = Store()
    store.replace_graph(graph, quads)
    lines = sorted(_graph_lines(store, graph), key=_type_first)  # what an export of the loaded graph renders
    assert document_piece(data, graph.value) == _Piece(graph, lines).encode()
    assert document_nquads_and_piece(extraction, base) == (data, _Piece(graph, lines).encode())  # the workers' way


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(extractions())
def test_the_pieces_trig_and_jsonld_are_what_oxigraph_writes_and_reads(sample):
    """The piece's TriG block is assembled from Oxigraph's Turtle of the triples, and its JSON-LD is read from
    the N-Triples text: the TriG must be the bytes of Oxigraph's own TriG writer for the sorted quads, and the
    JSON-LD must parse back (Oxigraph's JSON-LD parser) to exactly the graph's quads."""
    extraction, base = sample
    quads = document_quads(extraction, base)
    graph = quads[0].graph_name
    store = Store()
    store.replace_graph(graph, quads)
    lines = sorted(_graph_lines(store, graph), key=_type_first)
    ordered = ox.parse(b"".join(line[:-2] + f" {graph} .\n".encode() for line in lines), format=ox.RdfFormat.N_QUADS)
    reference = ox.serialize(ordered, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    piece = _Piece.decode(graph, document_piece(document_nquads(extraction, base), graph.value))
    assert piece is not None and piece.trig == _without_prefixes(reference)
    document = (b'{"@context": ' + json.dumps(PREFIXES).encode() + b', "@graph": [{"@id": '
                + json.dumps(graph.value).encode() + b', "@graph": [' + piece.jsonld + b"]}]}")
    assert set(ox.parse(document, format=ox.RdfFormat.JSON_LD)) == set(store.quads())


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_a_base_iri_is_accepted_only_when_every_minted_iri_is_valid(tail):
    base = "http://example.org/" + tail
    try:
        check_base_iri(base)
    except ValueError:
        return
    assert is_iri(base) and not IRI_FORBIDDEN.search(base)
    document = Document(text="Kim spoke.", source="a.txt")
    quads = document_quads(Extraction(document), base)
    assert all(is_iri(i) and not IRI_FORBIDDEN.search(i) for i in _iris(quads))


@pytest.mark.parametrize("base", ["http://ex.org/a b/", "http://ex.org/<x>/", 'http://ex.org/"/', "http://ex.org/{x}/",
                                  "http://ex.org/a|b/", "http://ex.org/a\\b/", "http://ex.org/a^b/", "http://ex.org/`/",
                                  "http://ex.org/\u200b/", "http://ex.org/\u202e/", "http://ex.org/\u00a0/",
                                  "http://ex.org/%zz/", "relative/", "cg:kg/", "http://ex.org/a#b#"])
def test_base_iris_that_would_mint_broken_iris_are_refused(base):
    with pytest.raises(ValueError):
        check_base_iri(base)


def test_control_characters_are_escaped_by_every_text_serializer(tmp_path):
    """Every C0 control, DEL, NEL and the line separators survive every export, escaped where the syntax needs it."""
    nasty = "".join(chr(c) for c in range(0x20)) + "\x7f\x85\u2028\u2029\"\\ end"
    g = ox.NamedNode("https://w3id.org/claimgraph/id/doc/x")
    store = Store()
    store.replace_graph(g, [ox.Quad(g, ox.NamedNode("http://purl.org/dc/terms/title"), ox.Literal(nasty), g)])
    check_exports(store, tmp_path)
    for name in ("ntriples", "nquads", "turtle", "trig"):
        data = (tmp_path / f"graph{FORMATS[name].extension}").read_bytes()
        line = next(line for line in data.splitlines() if b"title" in line)
        assert not re.search(rb"[\x00-\x08\x0a-\x1f\x7f]", line), (name, line)  # raw controls never written
