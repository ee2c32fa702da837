"""``kg push``: load a build into a remote triple store over the SPARQL 1.1 Graph Store Protocol.

Each named graph of the build (one per document, plus the resolution graph) is sent with
HTTP ``PUT <graph-store>?graph=<graph IRI>``, which *replaces* that graph on the server:
pushing again after a rebuild updates the store instead of duplicating triples, and a
push interrupted half-way is finished by running it again. Bodies are N-Triples (a subset
of Turtle, so they are sent as ``text/turtle``, the type every Graph Store accepts).

After the upload the SPARQL endpoint is asked how many triples each pushed graph holds,
and the report lists any graph whose count differs from the local one.

Graphs deleted locally are not deleted remotely (push never drops what it did not send).
docs/push.md shows the URLs and options for Oxigraph, Fuseki, GraphDB, Virtuoso and QLever.

>>> graph_store_url("http://localhost:7878/query")
'http://localhost:7878/store'
>>> graph_store_url("http://localhost:3030/claims/sparql")
'http://localhost:3030/claims/data'
>>> graph_store_url("http://localhost:7200/repositories/claims")
'http://localhost:7200/repositories/claims/rdf-graphs/service'
>>> graph_store_url("http://localhost:8890/sparql")
'http://localhost:8890/sparql-graph-crud-auth'
"""

from __future__ import annotations

import io
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

import httpx

from kg.errors import RemoteError
from kg.store import Store, open_store

__all__ = ["PushedGraph", "PushReport", "push", "graph_store_url", "make_auth"]

#: Graph IRIs per verification query (VALUES clause size).
_VERIFY_CHUNK = 200
_BODY_TYPE = "text/turtle; charset=utf-8"


@dataclass(frozen=True)
class PushedGraph:
    """One graph sent: its IRI (None for the default graph), local triple count, HTTP status, remote count."""

    iri: str | None
    triples: int
    status: int
    remote_triples: int | None = None


@dataclass(frozen=True)
class PushReport:
    """What :func:`push` did."""

    endpoint: str
    graph_store: str
    graphs: tuple[PushedGraph, ...]
    seconds: float
    verified: bool = False
    mismatched: tuple[str, ...] = field(default=())

    @property
    def triples(self) -> int:
        return sum(g.triples for g in self.graphs)

    def summary(self) -> str:
        """One line for the CLI.

        >>> PushReport("e", "http://s/store", (PushedGraph("g", 3, 201),), 0.5).summary()
        'pushed 1 graphs, 3 triples to http://s/store in 0.5 s'
        """
        text = f"pushed {len(self.graphs)} graphs, {self.triples} triples to {self.graph_store} in {self.seconds:.1f} s"
        if self.verified:
            text += "; remote counts match" if not self.mismatched else f"; {len(self.mismatched)} graphs differ"
        return text


def graph_store_url(endpoint: str) -> str:
    """The Graph Store Protocol URL that goes with a SPARQL query endpoint, for the stores we know.

    Oxigraph ``/query`` -> ``/store``; Fuseki ``/DATASET/sparql`` or ``/DATASET/query`` ->
    ``/DATASET/data``; GraphDB and RDF4J ``/repositories/NAME`` ->
    ``/repositories/NAME/rdf-graphs/service``; Virtuoso ``/sparql`` -> ``/sparql-graph-crud-auth``.
    Raises ``ValueError`` for anything else: pass the Graph Store URL explicitly.
    """
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"endpoint must be an http(s) URL, not {endpoint!r}")
    segments = [s for s in parts.path.split("/") if s]

    def build(path_segments: list[str]) -> str:
        return urlunsplit((parts.scheme, parts.netloc, "/" + "/".join(path_segments), "", ""))

    if segments == ["query"]:
        return build(["store"])
    if segments == ["sparql"]:
        return build(["sparql-graph-crud-auth"])
    if len(segments) == 2 and segments[1] in ("sparql", "query"):
        return build([segments[0], "data"])
    if len(segments) == 2 and segments[0] == "repositories":
        return build(segments + ["rdf-graphs", "service"])
    raise ValueError(f"cannot tell the Graph Store URL of {endpoint}; give it explicitly (--graph-store)")


class _Bearer(httpx.Auth):
    def __init__(self, token: str) -> None:
        self.token = token

    def auth_flow(self, request):
        request.headers["Authorization"] = f"Bearer {self.token}"
        yield request


def make_auth(auth) -> httpx.Auth | None:
    """An httpx auth from ``None``, ``(user, password)`` (HTTP Basic), ``"user:password"`` (Basic),
    ``"digest:user:password"`` (HTTP Digest, as Virtuoso wants), ``"bearer:TOKEN"`` or an ``httpx.Auth``.

    >>> make_auth(None) is None
    True
    >>> type(make_auth("alice:secret")).__name__, type(make_auth("bearer:abc")).__name__
    ('BasicAuth', '_Bearer')
    >>> make_auth("no-colon")
    Traceback (most recent call last):
    ...
    ValueError: auth must be 'user:password', 'digest:user:password' or 'bearer:TOKEN'
    """
    if auth is None or isinstance(auth, httpx.Auth):
        return auth
    if isinstance(auth, tuple) and len(auth) == 2:
        return httpx.BasicAuth(*auth)
    if isinstance(auth, str) and ":" in auth:
        user, _, secret = auth.partition(":")
        if user.lower() == "bearer":
            return _Bearer(secret)
        if user.lower() == "digest" and ":" in secret:
            return httpx.DigestAuth(*secret.split(":", 1))
        return httpx.BasicAuth(user, secret)
    raise ValueError("auth must be 'user:password', 'digest:user:password' or 'bearer:TOKEN'")


def _graph_body(store: Store, graph) -> tuple[bytes, int]:
    import pyoxigraph as ox  # formats only; the store is reached through kg.store

    buffer = io.BytesIO()
    store.dump(buffer, ox.RdfFormat.N_TRIPLES, from_graph=graph if graph is not None else ox.DefaultGraph())
    data = buffer.getvalue()
    return data, data.count(b"\n")


def _fail(url: str, response: httpx.Response) -> RemoteError:
    first = response.text.strip().splitlines()[0][:300] if response.text.strip() else response.reason_phrase
    return RemoteError("E500", url=url, reason=f"HTTP {response.status_code}: {first}")


def _request(client: httpx.Client, method: str, url: str, **kwargs) -> httpx.Response:
    try:
        response = client.request(method, url, **kwargs)
    except httpx.HTTPError as exc:
        raise RemoteError("E500", url=url, reason=str(exc) or type(exc).__name__) from exc
    if response.status_code >= 400:
        raise _fail(url, response)
    return response


def _remote_counts(client: httpx.Client, endpoint: str, graphs: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for start in range(0, len(graphs), _VERIFY_CHUNK):
        chunk = graphs[start : start + _VERIFY_CHUNK]
        values = " ".join(f"<{g}>" for g in chunk)
        query = f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g"
        response = _request(client, "POST", endpoint, data={"query": query},
                            headers={"Accept": "application/sparql-results+json"})
        try:
            for row in response.json()["results"]["bindings"]:
                counts[row["g"]["value"]] = int(row["n"]["value"])
        except (ValueError, KeyError) as exc:
            raise RemoteError("E500", url=endpoint, reason=f"unexpected answer to a count query ({exc})") from exc
    return counts


def push(
    out_dir: str | os.PathLike[str] | Store,
    endpoint: str,
    *,
    graph_store: str | None = None,
    auth=None,
    timeout: float = 120.0,
    verify: bool = True,
    progress: Callable[[int, int], None] | None = None,
    client: httpx.Client | None = None,
) -> PushReport:
    """Send every graph of the build in ``out_dir`` to the store behind ``endpoint``.

    Parameters
    ----------
    out_dir: the ``--out`` folder of ``kg build`` (or an open store).
    endpoint: the remote SPARQL query endpoint (used to verify counts and, when
        ``graph_store`` is None, to find the Graph Store URL: :func:`graph_store_url`).
    graph_store: the Graph Store Protocol URL.
    auth: see :func:`make_auth` (HTTP Basic or a bearer token).
    timeout: seconds per HTTP request.
    verify: count each graph's triples on the server afterwards.
    progress: called with (graphs done, graphs total) after each graph.
    client: an ``httpx.Client`` to use (tests pass an in-process one).

    Raises :class:`kg.errors.RemoteError` (E500) on a connection failure or an HTTP error
    status, naming the URL and the server's message; ``ValueError`` for a bad URL or auth.
    """
    store = out_dir if isinstance(out_dir, Store) else open_store(out_dir, read_only=True)
    gsp = graph_store or graph_store_url(endpoint)
    graphs: list = list(store.named_graphs())
    if next(iter(store.quads(_default_graph())), None) is not None:
        graphs.insert(0, None)
    started = time.perf_counter()
    own_client = client is None
    http = client or httpx.Client(timeout=timeout, follow_redirects=True)
    http_auth = make_auth(auth)
    pushed: list[PushedGraph] = []
    try:
        for done, graph in enumerate(graphs, 1):
            body, count = _graph_body(store, graph)
            params = {"graph": graph.value} if graph is not None else {"default": ""}
            response = _request(http, "PUT", gsp, params=params, content=body, auth=http_auth,
                                headers={"Content-Type": _BODY_TYPE})
            pushed.append(PushedGraph(graph.value if graph is not None else None, count, response.status_code))
            if progress is not None:
                progress(done, len(graphs))
        mismatched: tuple[str, ...] = ()
        if verify and pushed:
            named = [g.iri for g in pushed if g.iri is not None]
            remote = _remote_counts(http, endpoint, named)
            pushed = [PushedGraph(g.iri, g.triples, g.status, remote.get(g.iri, 0) if g.iri else None)
                      for g in pushed]
            mismatched = tuple(g.iri for g in pushed if g.iri is not None and g.remote_triples != g.triples)
    finally:
        if own_client:
            http.close()
    return PushReport(endpoint, gsp, tuple(pushed), time.perf_counter() - started, verify and bool(pushed),
                      mismatched)


def _default_graph():
    import pyoxigraph as ox

    return ox.DefaultGraph()
