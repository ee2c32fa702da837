"""kg push against a real Oxigraph server on loopback (the `oxigraph` registry package), and against
kg serve's own Graph Store with a token."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from starlette.testclient import TestClient

from kg.errors import RemoteError
from kg.push import graph_store_url, push
from kg.serve import make_app
from kg.store import open_store
from tests.fixtures import DESIGN_QUERIES, RESOLUTION_GRAPH, fresh_build, sample_build, sample_quads  # noqa: F401

pytestmark = [pytest.mark.server, pytest.mark.filterwarnings("ignore:Using `httpx`")]

DOC_A = "https://w3id.org/claimgraph/id/doc/6881c461fd5387c4d7f7"


def _oxigraph_binary() -> str:
    beside_python = Path(sys.executable).with_name("oxigraph")
    found = str(beside_python) if beside_python.exists() else shutil.which("oxigraph")
    if found is None:
        pytest.fail("the Oxigraph server is missing: `pip install oxigraph` (a test dependency) ships it")
    return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def oxigraph_server(tmp_path):
    """A fresh Oxigraph server; its default graph is the union of all graphs, like the local store."""
    port = _free_port()
    process = subprocess.Popen(
        [_oxigraph_binary(), "serve", "--location", str(tmp_path / "remote"), "--bind", f"127.0.0.1:{port}",
         "--union-default-graph"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    give_up = time.monotonic() + 30
    while True:
        if process.poll() is not None:
            pytest.fail(f"oxigraph serve exited: {process.stderr.read().decode()}")
        try:
            if httpx.get(f"{base}/query", params={"query": "ASK {}"}, timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if time.monotonic() > give_up:
            process.kill()
            pytest.fail("oxigraph serve did not start within 30 s")
        time.sleep(0.1)
    try:
        yield base
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _remote_select(base: str, query: str) -> list[tuple]:
    from kg.rdf.namespaces import sparql_prologue

    response = httpx.post(f"{base}/query", data={"query": sparql_prologue() + query},
                          headers={"Accept": "application/sparql-results+json"})
    response.raise_for_status()
    return sorted(tuple(sorted((k, v["value"]) for k, v in b.items())) for b in response.json()["results"]["bindings"])


def _local_select(build, query) -> list[tuple]:
    store = open_store(build, read_only=True)
    return sorted(tuple(sorted((k, v.value) for k, v in row.items())) for row in store.select(query))


def _remote_quads(base: str) -> int:
    rows = _remote_select(base, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    return int(rows[0][0][1])


def test_push_then_the_server_answers_the_design_queries_like_the_local_store(oxigraph_server, sample_build):
    seen = []
    report = push(sample_build, f"{oxigraph_server}/query", progress=lambda done, total: seen.append((done, total)))
    assert report.graph_store == f"{oxigraph_server}/store"
    assert len(report.graphs) == 3 and report.triples == len(sample_quads())
    assert {g.iri for g in report.graphs} == {DOC_A, RESOLUTION_GRAPH, "https://w3id.org/claimgraph/id/doc/dea640a986b0bbd17530"}
    assert report.verified and report.mismatched == ()
    assert all(g.remote_triples == g.triples for g in report.graphs)
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert _remote_quads(oxigraph_server) == len(sample_quads())
    for name, query in DESIGN_QUERIES.items():
        assert _remote_select(oxigraph_server, query) == _local_select(sample_build, query), name


def test_pushing_twice_replaces_instead_of_duplicating(oxigraph_server, fresh_build):
    first = push(fresh_build, f"{oxigraph_server}/query")
    assert all(g.status in (201, 204) for g in first.graphs)
    push(fresh_build, f"{oxigraph_server}/query")
    assert _remote_quads(oxigraph_server) == len(sample_quads())
    # a rebuild that lost a triple: the next push removes it remotely too
    store = open_store(fresh_build)
    store.update(f'DELETE WHERE {{ GRAPH <{DOC_A}> {{ ?s dct:title ?t }} }}')
    store.flush()
    del store
    import gc

    gc.collect()
    report = push(fresh_build, f"{oxigraph_server}/query")
    assert report.mismatched == ()
    assert _remote_quads(oxigraph_server) == len(sample_quads()) - 1
    assert _remote_select(oxigraph_server, "SELECT ?t WHERE { ?d dct:title ?t }") == [
        (("t", "Pyongyang confirms troop deployment"),)]


def test_http_errors_are_remote_errors_naming_the_url(oxigraph_server, sample_build):
    with pytest.raises(RemoteError) as info:
        push(sample_build, f"{oxigraph_server}/query", graph_store=f"{oxigraph_server}/no-such-path")
    assert info.value.code == "E500" and "/no-such-path" in str(info.value) and "HTTP 404" in str(info.value)
    port = _free_port()  # nothing listens there
    with pytest.raises(RemoteError) as info:
        push(sample_build, f"http://127.0.0.1:{port}/query")
    assert f"127.0.0.1:{port}/store" in str(info.value)


def test_push_sends_the_token_to_a_protected_store(sample_build, fresh_build):
    """kg serve --allow-update as the remote: 403 without the right token, loaded with it."""
    app = make_app(fresh_build, allow_update=True, token="t0k3n", workers=1)
    with TestClient(app) as remote:
        remote.put("/store", params={"graph": DOC_A}, content=b"<http://ex/a> <http://ex/b> <http://ex/c> .",
                   headers={"Content-Type": "text/turtle", "Authorization": "Bearer t0k3n"})
        with pytest.raises(RemoteError) as info:
            push(sample_build, "http://testserver/sparql", graph_store="http://testserver/store",
                 auth="bearer:wrong", client=remote)
        assert "HTTP 403" in str(info.value)
        report = push(sample_build, "http://testserver/sparql", graph_store="http://testserver/store",
                      auth="bearer:t0k3n", client=remote)
        assert report.verified and report.mismatched == ()
        count = remote.get("/sparql", params={"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{DOC_A}> {{ ?s ?p ?o }} }}"})
        assert int(count.json()["results"]["bindings"][0]["n"]["value"]) == sum(
            1 for q in sample_quads() if q.graph_name.value == DOC_A)


@pytest.mark.parametrize("endpoint", ["ftp://x/query", "http://localhost:9/custom/path/here"])
def test_unknown_endpoint_layout_asks_for_the_graph_store(endpoint):
    with pytest.raises(ValueError):
        graph_store_url(endpoint)
