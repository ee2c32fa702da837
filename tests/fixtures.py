"""Shared test data for the export, API, serve and push tests: a small hand-written build.

``tests/data/two_outlets.trig`` follows the RDF model of DESIGN.md (two documents, a resolution
graph). :func:`make_build` loads it into a real on-disk store laid out like the output
folder of ``kg build`` (``DIR/store`` and ``DIR/texts/<sha256>.txt``).

Import the fixtures into a test module to use them (datasette style)::

    from tests.fixtures import sample_build  # noqa: F401
"""

from __future__ import annotations

import gc
import hashlib
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.store import open_store

DATA = Path(__file__).parent / "data"
SAMPLE_TRIG = DATA / "two_outlets.trig"
SAMPLE_TEXTS = (DATA / "doc_a.txt", DATA / "doc_b.txt")
RESOLUTION_GRAPH = "https://w3id.org/claimgraph/id/graph/resolution"

#: The four queries of DESIGN.md, kept here verbatim so tests do not depend on the code under test.
DESIGN_QUERIES = {
    "support": """SELECT ?claim (COUNT(DISTINCT ?pub) AS ?n) WHERE {
  ?m oa:hasBody ?claim ; oa:hasTarget/oa:hasSource/dct:publisher ?pub } GROUP BY ?claim""",
    "conflicts": "SELECT ?a ?b WHERE { ?a cg:conflictsWith ?b }",
    "said_by": """SELECT ?claim ?text WHERE { ?m prov:wasAttributedTo ?who ; oa:hasBody ?claim .
  ?who skos:prefLabel "Hong Min" . OPTIONAL { ?claim schema:text ?text } }""",
    "sentence": """SELECT ?doc ?start ?end ?exact WHERE { ?c rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  ?m oa:hasBody ?c ; oa:hasTarget ?t . ?t oa:hasSource ?doc ; oa:hasSelector ?q , ?r .
  ?q oa:exact ?exact . ?r oa:start ?start ; oa:end ?end }""",
}


def sample_quads() -> list[ox.Quad]:
    """The quads of ``sample.trig`` (parsed by Oxigraph)."""
    return list(ox.parse(path=str(SAMPLE_TRIG), format=ox.RdfFormat.TRIG))


def make_build(out_dir: Path) -> Path:
    """Write the sample build into ``out_dir`` and close the store again."""
    out_dir.mkdir(parents=True, exist_ok=True)
    graphs: dict[ox.NamedNode, list[ox.Quad]] = {}
    for quad in sample_quads():
        graphs.setdefault(quad.graph_name, []).append(quad)
    store = open_store(out_dir, create=True)
    for graph, quads in graphs.items():
        store.replace_graph(graph, quads)
    store.flush()
    del store
    gc.collect()  # Oxigraph releases the store's lock when the object is dropped
    texts = out_dir / "texts"
    texts.mkdir(exist_ok=True)
    for path in SAMPLE_TEXTS:
        data = path.read_bytes()
        (texts / f"{hashlib.sha256(data).hexdigest()}.txt").write_bytes(data)
    return out_dir


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory) -> Path:
    """A read-only sample build directory shared by the session (do not modify it)."""
    return make_build(tmp_path_factory.mktemp("build") / "out")


@pytest.fixture
def fresh_build(tmp_path, sample_build) -> Path:
    """A private copy of the sample build, for tests that write to it."""
    target = tmp_path / "out"
    shutil.copytree(sample_build, target)
    return target
