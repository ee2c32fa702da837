"""Exports load in independent parsers (serdi, rapper, N3.js, jsonld.js, rdflib, Oxigraph) with the
same triple/quad counts, are sorted and readable, byte-stable, and written atomically."""

from __future__ import annotations

import gc
import json
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kg.errors import ExportError
from kg.export.formats import FORMATS, known_formats, resolve_format, write_export, write_exports
from kg.rdf.namespaces import PREFIXES
from kg.store import Store, open_store
from tests.fixtures import sample_build, sample_quads  # noqa: F401

REPO = Path(__file__).resolve().parents[2]
COUNT_SCRIPT = REPO / "tests" / "export" / "count_quads.js"
FILES = {"turtle": "graph.ttl", "trig": "graph.trig", "nquads": "graph.nq", "jsonld": "graph.jsonld",
         "ntriples": "graph.nt"}
SAMPLE = sample_quads()
N_QUADS = len(SAMPLE)
N_TRIPLES = len({q.triple for q in SAMPLE})


def _expected(fmt: str) -> int:
    return N_TRIPLES if FORMATS[fmt].counts == "triples" else N_QUADS


def _tool(name: str, hint: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed ({hint}); .ci/run installs it")
    return path


@pytest.fixture(scope="module")
def exported(sample_build, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("exports")
    store = open_store(sample_build, read_only=True)
    exports = write_exports(store, out, list(FORMATS))
    assert {e.format: e.count for e in exports} == {f: _expected(f) for f in FORMATS}
    return out


def test_sample_is_what_the_counts_assume():
    # the union graph deduplicates: several entities and one claim appear in both documents
    assert N_QUADS == 243 and N_TRIPLES == 220


# -- independent parsers -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "ntriples"])
def test_serdi_parses_with_same_count(exported, fmt):
    serdi = _tool("serdi", "Debian package serdi")
    out = "nquads" if FORMATS[fmt].counts == "quads" else "ntriples"
    run = subprocess.run([serdi, "-i", fmt, "-o", out, str(exported / FILES[fmt])], capture_output=True,
                         text=True)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert len(run.stdout.splitlines()) == _expected(fmt)


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "ntriples"])
def test_rapper_parses_with_same_count(exported, fmt):
    rapper = _tool("rapper", "Debian package raptor2-utils")
    run = subprocess.run([rapper, "-c", "-i", fmt, str(exported / FILES[fmt])], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "error" not in run.stderr.lower() and "warning" not in run.stderr.lower(), run.stderr
    assert re.search(r"returned (\d+) triples", run.stderr).group(1) == str(_expected(fmt))


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "ntriples", "jsonld"])
def test_javascript_parsers_give_same_count(exported, fmt):
    """N3.js (npm n3) for the Turtle family, jsonld.js (npm jsonld) for JSON-LD."""
    node = _tool("node", "Debian package nodejs")
    if not (REPO / "node_modules" / "n3").is_dir() or not (REPO / "node_modules" / "jsonld").is_dir():
        pytest.fail("node_modules/n3 or node_modules/jsonld missing: run `npm install` at the repo root")
    run = subprocess.run([node, str(COUNT_SCRIPT), fmt, str(exported / FILES[fmt])], capture_output=True,
                         text=True, cwd=REPO)
    assert run.returncode == 0, run.stderr
    assert int(run.stdout) == _expected(fmt)


_RDFLIB = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "ntriples": "nt", "jsonld": "json-ld"}


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_rdflib_parses_with_same_count(exported, fmt):
    path = exported / FILES[fmt]
    if FORMATS[fmt].counts == "triples":
        graph = rdflib.Graph().parse(path, format=_RDFLIB[fmt])
        assert len(graph) == N_TRIPLES
    else:
        dataset = rdflib.Dataset().parse(path, format=_RDFLIB[fmt])
        assert sum(1 for _ in dataset.quads((None, None, None, None))) == N_QUADS


_OX = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
       "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_oxigraph_reads_back_exactly_the_store(exported, fmt):
    parsed = list(ox.parse(path=str(exported / FILES[fmt]), format=_OX[fmt]))
    if FORMATS[fmt].counts == "triples":
        assert len(parsed) == N_TRIPLES
        assert {q.triple for q in parsed} == {q.triple for q in SAMPLE}
    else:
        assert len(parsed) == N_QUADS
        assert set(parsed) == set(SAMPLE)


# -- readable, stable output ---------------------------------------------------------------


def test_turtle_declares_prefixes_and_groups_by_subject(exported):
    text = (exported / "graph.ttl").read_text(encoding="utf-8")
    for prefix, iri in PREFIXES.items():
        assert f"@prefix {prefix}: <{iri}> ." in text
    statements = [line for line in text.splitlines() if line and not line[0].isspace() and not line.startswith("@")]
    subjects = [line.split(" ", 1)[0] for line in statements]
    assert len(subjects) == len(set(subjects)), "a subject is split over several statements"
    assert subjects == sorted(subjects, key=lambda s: s + " ")
    assert len(subjects) == len({q.subject for q in SAMPLE})
    typed = {str(q.subject) for q in SAMPLE if q.predicate.value.endswith("#type")}
    for line in statements:
        if line.split(" ", 1)[0] in typed:
            assert line.split(" ")[1] == "a", f"rdf:type is not first: {line}"
    assert "cg:Claim" in text and '"Ким Чен Ын"@ru' in text


def test_trig_has_one_block_per_graph_in_order(exported):
    text = (exported / "graph.trig").read_text(encoding="utf-8")
    blocks = re.findall(r"^(<[^>]+>) \{$", text, flags=re.M)
    graphs = sorted({str(q.graph_name) for q in SAMPLE})
    assert blocks == graphs


def test_nquads_lines_are_sorted_within_each_graph(exported):
    lines = (exported / "graph.nq").read_text(encoding="utf-8").splitlines()
    by_graph: dict[str, list[str]] = {}
    for line in lines:
        by_graph.setdefault(line.rsplit(" ", 2)[1], []).append(line)
    assert list(by_graph) == sorted(by_graph)
    for graph_lines in by_graph.values():
        assert len(graph_lines) == len(set(graph_lines))


def test_jsonld_context_uses_the_project_prefixes(exported):
    doc = json.loads((exported / "graph.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"] == PREFIXES
    graphs = {g["@id"] for g in doc["@graph"]}
    assert graphs == {str(q.graph_name.value) for q in SAMPLE}
    nodes = [n for g in doc["@graph"] for n in g["@graph"]]
    assert any("cg:Claim" in n.get("@type", []) for n in nodes)
    assert any("oa:hasBody" in n for n in nodes)


def test_two_exports_are_byte_identical_whatever_the_load_order(tmp_path):
    """A build that inserts the same quads in another order, in another process, writes the same bytes."""
    shuffled = list(SAMPLE)
    random.Random(7).shuffle(shuffled)
    outputs = []
    for name, quads in (("a", SAMPLE), ("b", shuffled)):
        store = open_store(tmp_path / name, create=True)
        store.bulk_replace({g: [q for q in quads if q.graph_name == g] for g in {q.graph_name for q in quads}})
        store.flush()
        del store
        gc.collect()
        code = ("import sys; from kg.store import open_store; from kg.export.formats import write_exports; "
                "write_exports(open_store(sys.argv[1], read_only=True), sys.argv[1], sys.argv[2:])")
        subprocess.run([sys.executable, "-c", code, str(tmp_path / name), *FORMATS], check=True, cwd=REPO)
        outputs.append({f: (tmp_path / name / FILES[f]).read_bytes() for f in FORMATS})
    assert outputs[0] == outputs[1]


def test_default_graph_triples_are_exported_too(tmp_path):
    store = Store()
    s, p = ox.NamedNode("http://ex/s"), ox.NamedNode("http://ex/p")
    g = ox.NamedNode("http://ex/g")
    store.replace_graph(g, [ox.Quad(s, p, ox.Literal("in g"), g)])
    store.update('INSERT DATA { <http://ex/s> <http://ex/p> "in default" }')
    assert write_export(store, "nq", tmp_path / "x.nq").count == 2
    assert write_export(store, "trig", tmp_path / "x.trig").count == 2
    parsed = set(ox.parse(path=str(tmp_path / "x.trig"), format=ox.RdfFormat.TRIG))
    assert ox.Quad(s, p, ox.Literal("in default"), ox.DefaultGraph()) in parsed
    doc = json.loads(write_export(store, "jsonld", tmp_path / "x.jsonld").path.read_text())
    assert set(ox.parse(path=str(tmp_path / "x.jsonld"), format=ox.RdfFormat.JSON_LD)) == parsed
    assert {"@id": "http://ex/s", "http://ex/p": [{"@value": "in default"}]} in doc["@graph"]


def test_empty_store_exports_valid_empty_files(tmp_path):
    for export in write_exports(Store(), tmp_path, list(FORMATS)):
        assert export.count == 0
        assert list(ox.parse(path=str(export.path), format=_OX[export.format])) == []


# -- names and errors ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "alias, name",
    [("ttl", "turtle"), ("turtle", "turtle"), ("text/turtle", "turtle"), ("TEXT/Turtle; charset=utf-8", "turtle"),
     ("trig", "trig"), ("application/trig", "trig"), ("nq", "nquads"), ("nquads", "nquads"),
     ("application/n-quads", "nquads"), ("jsonld", "jsonld"), ("json-ld", "jsonld"),
     ("application/ld+json", "jsonld"), ("nt", "ntriples"), ("ntriples", "ntriples")],
)
def test_aliases_resolve(alias, name):
    assert resolve_format(alias) == name


def test_unknown_format_lists_the_valid_ones(tmp_path):
    with pytest.raises(ExportError) as info:
        write_export(Store(), "rdf/xml", tmp_path / "x.rdf")
    assert info.value.code == "E400"
    for name in known_formats():
        assert name in str(info.value)
    assert not (tmp_path / "x.rdf").exists()


class _BrokenStore:
    """A store that fails half-way through an export."""

    def __init__(self, store):
        self._inner = store

    def quads(self, graph=None):
        return self._inner.quads(graph)

    def named_graphs(self):
        return self._inner.named_graphs()

    def dump(self, output, format, **kwargs):
        output.write(b"<http://ex/partial> <http://ex/p> ")
        raise OSError(5, "Input/output error")


def test_a_failed_export_keeps_the_previous_file(sample_build, tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("previous export\n")
    with pytest.raises(ExportError) as info:
        write_export(_BrokenStore(open_store(sample_build, read_only=True)), "ttl", target)
    assert "Input/output error" in str(info.value) and str(target) in str(info.value)
    assert target.read_text() == "previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]


def test_unwritable_target_is_an_export_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError):
        write_export(Store(), "nq", blocker / "graph.nq")
