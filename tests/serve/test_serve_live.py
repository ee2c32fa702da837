"""kg serve under a real uvicorn on a free loopback port, queried by standard clients
(SPARQLWrapper, rdflib's SPARQLStore)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.error import HTTPError

import httpx
import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, POST, TURTLE, SPARQLWrapper

from kg.store import open_store
from tests.fixtures import DESIGN_QUERIES, sample_build, sample_quads  # noqa: F401

pytestmark = pytest.mark.server

REPO = Path(__file__).resolve().parents[2]
DOC_A = "https://w3id.org/claimgraph/id/doc/6881c461fd5387c4d7f7"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    give_up = time.monotonic() + seconds
    while time.monotonic() < give_up:
        if process.poll() is not None:
            raise AssertionError(f"server exited with {process.returncode}: {process.stderr.read().decode()}")
        try:
            if httpx.get(url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"server at {url} did not answer within {seconds} s")


@pytest.fixture(scope="module")
def endpoint(sample_build):
    port = free_port()
    code = "import sys; from kg.serve import serve; serve(sys.argv[1], port=int(sys.argv[2]), log_level='warning')"
    process = subprocess.Popen([sys.executable, "-c", code, str(sample_build), str(port)], cwd=REPO,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/sparql"
    try:
        wait_until_up(url, process)
        yield url
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _local(build, query):
    store = open_store(build, read_only=True)
    return sorted(tuple(str(row.get(v)) for v in sorted(row)) for row in store.select(query))


@pytest.mark.parametrize("name", sorted(DESIGN_QUERIES))
def test_sparqlwrapper_select_matches_the_store(endpoint, sample_build, name):
    client = SPARQLWrapper(endpoint)
    client.setQuery(DESIGN_QUERIES[name])
    client.setReturnFormat(JSON)
    result = client.query().convert()

    def term(t):
        if t["type"] == "uri":
            return f"<{t['value']}>"
        import pyoxigraph as ox

        if "datatype" in t:
            return str(ox.Literal(t["value"], datatype=ox.NamedNode(t["datatype"])))
        return str(ox.Literal(t["value"], language=t.get("xml:lang")))

    rows = sorted(tuple(term(b[v]) for v in sorted(b)) for b in result["results"]["bindings"])
    assert rows == _local(sample_build, DESIGN_QUERIES[name])


def test_sparqlwrapper_post_csv_ask_and_construct(endpoint):
    client = SPARQLWrapper(endpoint)
    client.setMethod(POST)
    client.setQuery("SELECT ?label WHERE { ?e skos:prefLabel ?label } ORDER BY ?label")
    client.setReturnFormat(CSV)
    lines = client.query().convert().decode("utf-8").splitlines()
    assert lines[0] == "label" and "Hong Min" in lines

    client = SPARQLWrapper(endpoint)
    client.setQuery("ASK { ?a cg:conflictsWith ?b }")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True

    construct = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{DOC_A}> {{ ?s ?p ?o }} }}"
    expected = sum(1 for q in sample_quads() if q.graph_name.value == DOC_A)
    client = SPARQLWrapper(endpoint)
    client.setQuery(construct)  # SPARQLWrapper asks for RDF/XML by default
    graph = client.query().convert()
    assert isinstance(graph, rdflib.Graph) and len(graph) == expected
    client.setReturnFormat(TURTLE)
    turtle = client.query().convert()
    assert len(rdflib.Graph().parse(data=turtle, format="turtle")) == expected


def test_rdflib_sparqlstore(endpoint):
    graph = rdflib.Graph(store=SPARQLStore(endpoint))
    rows = list(graph.query("SELECT ?who WHERE { ?m prov:wasAttributedTo ?who } ORDER BY ?who",
                            initNs={"prov": rdflib.PROV}))
    assert {str(r.who).rsplit("/", 1)[1] for r in rows} == {"hong-min", "kim-jong-un", "guardian", "nk-news"}


def test_live_server_refuses_updates_and_foreign_hosts(endpoint):
    client = SPARQLWrapper(endpoint)
    client.setMethod(POST)
    client.setQuery('INSERT DATA { <http://ex/s> <http://ex/p> "x" }')
    with pytest.raises(Exception) as info:
        client.query()
    cause = info.value.__cause__ or info.value
    assert "403" in str(info.value) or (isinstance(cause, HTTPError) and cause.code == 403)
    rebinding = httpx.get(endpoint, params={"query": "ASK {}"}, headers={"Host": "attacker.example"})
    assert rebinding.status_code == 400
    page = httpx.get(endpoint.rsplit("/", 1)[0] + "/query")
    assert page.status_code == 200 and "yasgui.min.js" in page.text


def test_server_stops_its_workers_on_shutdown(sample_build):
    port = free_port()
    code = "import sys; from kg.serve import serve; serve(sys.argv[1], port=int(sys.argv[2]), log_level='warning')"
    process = subprocess.Popen([sys.executable, "-c", code, str(sample_build), str(port)], cwd=REPO,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wait_until_up(f"http://127.0.0.1:{port}/sparql", process)
    children = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True).stdout.split()
    assert len(children) >= 1
    process.send_signal(signal.SIGINT)
    assert process.wait(20) == 0
    time.sleep(0.5)
    alive = [pid for pid in children if os.path.exists(f"/proc/{pid}") and
             "zombie" not in open(f"/proc/{pid}/status").read().lower()]
    assert alive == []
