"""The kg serve app in-process (starlette TestClient, no port): protocol, formats, refusals, limits."""

from __future__ import annotations

import csv
import io
import json
import time

import pyoxigraph as ox
import pytest
import rdflib
from starlette.testclient import TestClient

from kg.serve import make_app
from kg.serve.app import STATIC_DIR
from kg.store import Store, open_store
from tests.fixtures import DESIGN_QUERIES, RESOLUTION_GRAPH, fresh_build, sample_build, sample_quads  # noqa: F401

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")

BASE = "https://w3id.org/claimgraph/id/"
DOC_A = BASE + "doc/6881c461fd5387c4d7f7"
SEND = BASE + "claim/0a1b2c3d4e5f60718293"
LABELS = "SELECT ?e ?label WHERE { ?e skos:prefLabel ?label } ORDER BY ?e ?label"
#: A cross product of every triple with itself four times: minutes of work on any store.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def client(sample_build):
    app = make_app(sample_build, timeout=20, max_rows=1000)
    with TestClient(app) as test_client:
        yield test_client


def _local_rows(build, query):
    store = open_store(build, read_only=True)
    return sorted(tuple(sorted((k, str(v)) for k, v in row.items())) for row in store.select(query))


def _json_rows(payload):
    def term(t):
        if t["type"] == "uri":
            return f"<{t['value']}>"
        if "xml:lang" in t:
            return str(ox.Literal(t["value"], language=t["xml:lang"]))
        if "datatype" in t:
            return str(ox.Literal(t["value"], datatype=ox.NamedNode(t["datatype"])))
        return str(ox.Literal(t["value"]))

    return sorted(tuple(sorted((k, term(v)) for k, v in b.items())) for b in payload["results"]["bindings"])


# -- the protocol's three ways to send a query ---------------------------------------------------


def test_get_post_form_and_direct_body_agree_with_the_local_store(client, sample_build):
    expected = _local_rows(sample_build, LABELS)
    answers = [
        client.get("/sparql", params={"query": LABELS}),
        client.post("/sparql", data={"query": LABELS}),
        client.post("/sparql", content=LABELS.encode(), headers={"Content-Type": "application/sparql-query"}),
    ]
    for answer in answers:
        assert answer.status_code == 200, answer.text
        assert answer.headers["content-type"].startswith("application/sparql-results+json")
        assert _json_rows(answer.json()) == expected
    assert len(expected) > 10


@pytest.mark.parametrize("name", sorted(DESIGN_QUERIES))
def test_design_queries_over_http_match_the_store(client, sample_build, name):
    answer = client.get("/sparql", params={"query": DESIGN_QUERIES[name]})
    assert answer.status_code == 200
    assert _json_rows(answer.json()) == _local_rows(sample_build, DESIGN_QUERIES[name])


# -- content negotiation ------------------------------------------------------------------------


def test_select_as_xml_csv_tsv(client, sample_build):
    expected = _local_rows(sample_build, LABELS)
    xml = client.get("/sparql", params={"query": LABELS}, headers={"Accept": "application/sparql-results+xml"})
    assert xml.headers["content-type"].startswith("application/sparql-results+xml")
    parsed = ox.parse_query_results(xml.content, format=ox.QueryResultsFormat.XML)
    assert sorted(tuple(sorted((v.value, str(s[v])) for v in parsed.variables)) for s in parsed) == expected

    tsv = client.get("/sparql", params={"query": LABELS}, headers={"Accept": "text/tab-separated-values"})
    assert tsv.headers["content-type"].startswith("text/tab-separated-values")
    parsed = ox.parse_query_results(tsv.content, format=ox.QueryResultsFormat.TSV)
    assert sorted(tuple(sorted((v.value, str(s[v])) for v in parsed.variables)) for s in parsed) == expected

    answer = client.get("/sparql", params={"query": LABELS}, headers={"Accept": "text/csv"})
    assert answer.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert len(rows) == len(expected)
    assert {r["label"] for r in rows} >= {"Kim Jong-un", "Guardian", "Hong Min"}


def test_accept_q_values_and_format_parameter(client):
    answer = client.get("/sparql", params={"query": LABELS},
                        headers={"Accept": "application/sparql-results+json;q=0.2, text/csv;q=0.9"})
    assert answer.headers["content-type"].startswith("text/csv")
    answer = client.get("/sparql", params={"query": LABELS, "format": "tsv"}, headers={"Accept": "text/csv"})
    assert answer.headers["content-type"].startswith("text/tab-separated-values")
    assert answer.headers["vary"] == "Accept"


@pytest.mark.parametrize("accept, expected", [
    ("application/sparql-results+json", b'"boolean":true'),
    ("application/sparql-results+xml", b"<boolean>true</boolean>"),
    ("text/csv", b"true"),
    ("text/tab-separated-values", b"true"),
])
def test_ask_in_every_results_format(client, accept, expected):
    answer = client.get("/sparql", params={"query": "ASK { ?c cg:conflictsWith ?d }"}, headers={"Accept": accept})
    assert answer.status_code == 200 and expected in answer.content


CONSTRUCT = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{DOC_A}> {{ ?s ?p ?o }} }}"


@pytest.mark.parametrize("accept, media, rdflib_format", [
    ("text/turtle", "text/turtle", "turtle"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/ld+json", "application/ld+json", "json-ld"),
    ("application/rdf+xml", "application/rdf+xml", "xml"),
    ("*/*", "text/turtle", "turtle"),
])
def test_construct_in_every_graph_format(client, accept, media, rdflib_format):
    expected = {q.triple for q in sample_quads() if q.graph_name.value == DOC_A}
    answer = client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": accept})
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith(media)
    graph = rdflib.Graph().parse(data=answer.content, format=rdflib_format)
    assert len(graph) == len(expected) > 100
    if rdflib_format == "turtle":
        assert answer.text.startswith("@prefix") and "cg:ClaimMention" in answer.text


def test_describe_returns_a_graph(client):
    answer = client.get("/sparql", params={"query": f"DESCRIBE <{SEND}>"}, headers={"Accept": "text/turtle"})
    assert answer.status_code == 200
    graph = rdflib.Graph().parse(data=answer.content, format="turtle")
    assert (rdflib.URIRef(SEND), rdflib.RDF.type, rdflib.URIRef("https://w3id.org/claimgraph/ns#Claim")) in graph


def test_unacceptable_format_is_406_listing_what_is_offered(client):
    answer = client.get("/sparql", params={"query": LABELS}, headers={"Accept": "image/png"})
    assert answer.status_code == 406
    assert "application/sparql-results+json" in answer.text and "text/csv" in answer.text
    answer = client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": "text/csv"})
    assert answer.status_code == 406 and "text/turtle" in answer.text


# -- bad requests -------------------------------------------------------------------------------


def test_syntax_error_is_400_with_the_parser_message(client):
    answer = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x"})
    assert answer.status_code == 400
    assert answer.text.startswith("E300 query failed:")


def test_missing_query_and_wrong_content_type(client):
    assert client.get("/sparql").status_code == 400
    browser = client.get("/sparql", headers={"Accept": "text/html"}, follow_redirects=False)
    assert browser.status_code == 303 and browser.headers["location"] == "query"
    answer = client.post("/sparql", content=b"{}", headers={"Content-Type": "application/json"})
    assert answer.status_code == 415 and "application/sparql-query" in answer.text


# -- read-only by default -----------------------------------------------------------------------

INSERT = 'INSERT DATA { GRAPH <http://ex/new> { <http://ex/s> <http://ex/p> "added" } }'


@pytest.mark.parametrize("send", [
    lambda c: c.post("/sparql", data={"update": INSERT}),
    lambda c: c.post("/sparql", content=INSERT.encode(), headers={"Content-Type": "application/sparql-update"}),
    lambda c: c.post("/update", data={"update": INSERT}, headers={"Authorization": f"Bearer {TOKEN}"}),
    lambda c: c.get("/update", params={"update": INSERT}),
    lambda c: c.get("/sparql", params={"update": INSERT}),
    lambda c: c.put("/store", params={"graph": "http://ex/new"}, content=b"<http://ex/s> <http://ex/p> 1 .",
                    headers={"Content-Type": "text/turtle"}),
    lambda c: c.post("/store", params={"graph": "http://ex/new"}, content=b"<http://ex/s> <http://ex/p> 1 .",
                     headers={"Content-Type": "text/turtle"}),
    lambda c: c.delete("/store", params={"graph": DOC_A}),
], ids=["form", "direct", "update-endpoint", "update-get", "sparql-get", "gsp-put", "gsp-post", "gsp-delete"])
def test_writes_are_refused_with_403_by_default(client, send):
    answer = send(client)
    assert answer.status_code == 403
    assert "read-only" in answer.text
    assert client.get("/sparql", params={"query": "ASK { ?s ?p \"added\" }"}).json()["boolean"] is False
    assert client.get("/store", params={"graph": DOC_A}).status_code == 200


def test_update_needs_a_token_to_be_configured(sample_build):
    with pytest.raises(ValueError, match="token"):
        make_app(sample_build, allow_update=True)


@pytest.fixture
def writable(fresh_build):
    app = make_app(fresh_build, allow_update=True, token=TOKEN, timeout=20)
    with TestClient(app) as test_client:
        yield test_client


def test_updates_with_the_token_only(writable):
    assert writable.post("/update", data={"update": INSERT}).status_code == 403
    wrong = writable.post("/update", data={"update": INSERT}, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403 and wrong.headers["www-authenticate"].startswith("Bearer")
    ask = {"query": 'ASK { ?s ?p "added" }'}
    assert writable.get("/sparql", params=ask).json()["boolean"] is False
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert writable.get("/update", params={"update": INSERT}, headers=auth).status_code == 405
    done = writable.post("/sparql", content=INSERT.encode(),
                         headers={"Content-Type": "application/sparql-update", **auth})
    assert done.status_code == 204
    # the query workers reopen the store and see the write
    assert writable.get("/sparql", params=ask).json()["boolean"] is True
    bad = writable.post("/update", data={"update": "INSERT DATA { oops"}, headers=auth)
    assert bad.status_code == 400 and bad.text.startswith("E300")


def test_graph_store_writes_with_the_token(writable):
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/turtle"}
    graph = {"graph": "http://ex/g"}
    body = b'@prefix ex: <http://ex/> . ex:a ex:p "one" , "two" .'
    assert writable.put("/store", params=graph, content=body, headers=auth).status_code == 201
    assert writable.put("/store", params=graph, content=body, headers=auth).status_code == 204  # replaced
    count = 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://ex/g> { ?s ?p ?o } }'
    n = lambda: int(writable.get("/sparql", params={"query": count}).json()["results"]["bindings"][0]["n"]["value"])  # noqa: E731
    assert n() == 2
    more = b"<http://ex/b> <http://ex/p> <http://ex/a> ."
    assert writable.post("/store", params=graph, content=more, headers=auth).status_code == 204
    assert n() == 3
    got = writable.get("/store", params=graph, headers={"Accept": "application/n-triples"})
    assert got.status_code == 200 and len(got.text.strip().splitlines()) == 3
    broken = writable.put("/store", params=graph, content=b"ex:a ex:p", headers=auth)
    assert broken.status_code == 400 and n() == 3  # nothing lost
    wrong_type = writable.put("/store", params=graph, content=b"{}",
                              headers={**auth, "Content-Type": "application/json"})
    assert wrong_type.status_code == 415
    assert writable.delete("/store", params=graph, headers=auth).status_code == 204
    assert writable.get("/store", params=graph).status_code == 404
    assert writable.delete("/store", params=graph, headers=auth).status_code == 404


# -- Graph Store reads --------------------------------------------------------------------------


def test_graph_store_get(client):
    answer = client.get("/store", params={"graph": RESOLUTION_GRAPH}, headers={"Accept": "text/turtle"})
    assert answer.status_code == 200
    graph = rdflib.Graph().parse(data=answer.content, format="turtle")
    assert len(graph) == sum(1 for q in sample_quads() if q.graph_name.value == RESOLUTION_GRAPH)
    assert client.get("/store", params={"graph": "http://ex/none"}).status_code == 404
    assert client.get("/store", params={"graph": "not an iri"}).status_code == 400
    assert client.get("/store").status_code == 400
    union = client.get("/store", params={"default": ""}, headers={"Accept": "application/n-triples"})
    assert len(union.text.splitlines()) == len({q.triple for q in sample_quads()})


# -- limits -------------------------------------------------------------------------------------


def test_result_size_limit_is_413_with_advice(sample_build):
    with TestClient(make_app(sample_build, max_rows=5, workers=1)) as small:
        answer = small.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
        assert answer.status_code == 413
        assert "more than 5 rows" in answer.text and "LIMIT" in answer.text
        construct = small.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
        assert construct.status_code == 413 and "5 triples" in construct.text
        limited = small.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 5"})
        assert limited.status_code == 200 and len(limited.json()["results"]["bindings"]) == 5


def test_timeout_kills_the_query_and_the_server_keeps_serving(sample_build):
    app = make_app(sample_build, timeout=1.5, workers=1)
    with TestClient(app) as slow:
        pool = app.state.service.pool
        started = time.monotonic()
        answer = slow.get("/sparql", params={"query": RUNAWAY})
        elapsed = time.monotonic() - started
        assert answer.status_code == 503
        assert "time limit of 1.5 s" in answer.text
        assert elapsed < 15  # answered at the deadline, not when the query would have ended
        assert pool.kills == 1
        after = slow.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
        assert after.status_code == 200 and after.json()["boolean"] is True


def test_in_memory_store_uses_threads_and_still_times_out():
    store = Store()
    store.update("INSERT DATA { " + " ".join(f"<http://ex/s{i}> <http://ex/p> {i} ." for i in range(300)) + " }")
    app = make_app(store, timeout=1.0)
    with TestClient(app) as client:
        assert client.get("/sparql", params={"query": RUNAWAY}).status_code == 503
        assert client.get("/sparql", params={"query": "ASK { ?s ?p 5 }"}).json()["boolean"] is True
    assert app.state.service.pool.abandoned == 1


def test_bad_limits_are_value_errors(sample_build):
    with pytest.raises(ValueError):
        make_app(sample_build, timeout=0)
    with pytest.raises(ValueError):
        make_app(Store(), executor="process")


# -- pages --------------------------------------------------------------------------------------


def test_index_serves_graph_html_when_the_build_has_one(client, sample_build, tmp_path):
    assert "SPARQL editor" in client.get("/").text
    page = tmp_path / "out"
    import shutil

    shutil.copytree(sample_build, page)
    (page / "graph.html").write_text("<html><body>the graph page</body></html>")
    with TestClient(make_app(page, workers=1)) as other:
        answer = other.get("/")
        assert answer.status_code == 200 and "the graph page" in answer.text


def test_query_page_bundles_yasgui_and_the_named_queries(client):
    from kg.queries import NAMED_QUERIES

    page = client.get("/query")
    assert page.status_code == 200
    assert 'src="static/yasgui.min.js"' in page.text and "http" not in page.text.split("<script")[1][:40]
    config = json.loads(page.text.split("const CONFIG = ", 1)[1].split(";\n", 1)[0])
    assert [q["name"] for q in config["queries"]] == list(NAMED_QUERIES)
    assert all(q["query"].startswith("PREFIX cg:") for q in config["queries"])
    script = client.get("/static/yasgui.min.js")
    assert script.status_code == 200 and len(script.content) > 500_000
    assert client.get("/static/yasgui.min.css").status_code == 200


def test_trusted_hosts_refuse_other_host_headers(sample_build):
    with TestClient(make_app(sample_build, workers=1, allowed_hosts=["127.0.0.1"]),
                    base_url="http://127.0.0.1") as local:
        assert local.get("/sparql", params={"query": "ASK {}"}).status_code == 200
        assert local.get("/sparql", params={"query": "ASK {}"}, headers={"Host": "evil.example"}).status_code == 400


def test_vendored_yasgui_matches_the_npm_package():
    from pathlib import Path

    build = Path(__file__).resolve().parents[2] / "node_modules" / "@zazuko" / "yasgui" / "build"
    if not build.is_dir():
        pytest.fail("node_modules/@zazuko/yasgui missing: run `npm install` at the repo root")
    for name in ("yasgui.min.js", "yasgui.min.css"):
        assert (STATIC_DIR / name).read_bytes() == (build / name).read_bytes()
