"""Run one SPARQL query against a store and serialize the answer, within a row limit.

This is the code a query worker runs (in a worker process, or a thread for an in-memory
store): it takes plain values and returns an :class:`Answer` (status, media type, bytes),
which pickles, so the server process never holds a half-evaluated Oxigraph iterator.

Why answers are collected before sending: the result-size limit must be checked before
anything is sent, and an error must not arrive after a 200 header. SELECT answers are
written by Oxigraph's own SPARQL TSV writer (no Python object per term: about half the time
of decoding terms on big answers), counted and limited line by line as the bytes arrive,
and converted natively to JSON, XML or CSV when another format was asked for.

>>> from kg.store import Store
>>> store = Store()
>>> store.update('INSERT DATA { <http://ex/a> <http://ex/p> "x", "y" }')
>>> answer = run_query(store, "SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o", accept="text/csv")
>>> answer.status, answer.media_type, answer.body
(200, 'text/csv', b'o\\r\\nx\\r\\ny\\r\\n')
>>> run_query(store, "SELECT * WHERE { ?s ?p ?o }", accept="text/csv", max_rows=1).status
413
"""

from __future__ import annotations

import io
import time
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.errors import QueryError
from kg.rdf.namespaces import PREFIXES
from kg.store import RESULTS_FORMATS, write_results
from kg.serve.negotiation import GRAPH_FORMATS, RESULT_FORMATS, choose

__all__ = ["Answer", "QueryDeadline", "run_query", "run_update", "write_graph", "dispatch", "error_answer"]

#: Media types a Graph Store write may carry (one graph each).
GRAPH_MEDIA_TYPES = ("text/turtle", "application/x-turtle", "application/n-triples", "text/plain",
                     "application/rdf+xml", "application/ld+json")
_GRAPH_OX = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
             "rdfxml": ox.RdfFormat.RDF_XML}
#: How many rows to read between two looks at the deadline (thread mode only).
_DEADLINE_EVERY = 256


@dataclass(frozen=True)
class Answer:
    """What the HTTP layer sends back: ``status``, ``media_type``, ``body`` and extra ``headers``."""

    status: int
    media_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    rows: int = 0


class QueryDeadline(Exception):
    """Raised inside a thread-mode query that ran past its deadline (checked between rows)."""


def error_answer(status: int, message: str, **headers: str) -> Answer:
    """A plain-text error answer; ``message`` should start with the error code."""
    return Answer(status, "text/plain", (message.rstrip("\n") + "\n").encode("utf-8"), dict(headers))


class _TooManyRows(Exception):
    """Raised by :class:`_TsvSink` when an answer passes the row limit."""


class _TsvSink(io.BytesIO):
    """Collects SPARQL TSV from Oxigraph's writer, counting rows and watching the deadline as bytes arrive.

    TSV writes one solution per line and escapes line breaks inside literals, so rows are
    lines after the header: the limit is checked without a Python object per term, and a
    huge answer is stopped early instead of being written whole.

    >>> sink = _TsvSink(max_rows=1, deadline=None)
    >>> sink.write(b"?o\\n1\\n"), sink.rows
    (5, 1)
    >>> sink.write(b"2\\n")
    Traceback (most recent call last):
    ...
    kg.serve.engine._TooManyRows
    """

    def __init__(self, max_rows: int, deadline: float | None) -> None:
        super().__init__()
        self.max_rows = max_rows
        self.deadline = deadline
        self._lines = 0

    @property
    def rows(self) -> int:
        return max(0, self._lines - 1)

    def write(self, data) -> int:
        self._lines += bytes(data).count(b"\n")
        if self.rows > self.max_rows:
            raise _TooManyRows
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise QueryDeadline
        return super().write(data)


def _check(deadline: float | None, count: int) -> None:
    if deadline is not None and count % _DEADLINE_EVERY == 0 and time.monotonic() > deadline:
        raise QueryDeadline


def _too_many(max_rows: int, what: str) -> Answer:
    return error_answer(413, f"E300 query failed: the result has more than {max_rows} {what}, the server's limit; "
                             "add a LIMIT (and OFFSET to page) or restart the server with a larger --max-rows")


def _not_acceptable(kind: str) -> Answer:
    table = GRAPH_FORMATS if kind == "triples" else RESULT_FORMATS
    offered = ", ".join(media for media, _ in table.values())
    return error_answer(406, f"E300 query failed: no acceptable format for this result; available: {offered}")


def run_query(store, sparql: str, *, accept: str | None = None, format_param: str | None = None,
              max_rows: int = 100_000, deadline: float | None = None) -> Answer:
    """Evaluate ``sparql`` on ``store`` (a :class:`kg.store.Store`) and serialize the answer.

    Statuses: 200; 400 for a query the parser rejects; 406 when no offered format fits the
    Accept header; 413 when SELECT rows or CONSTRUCT triples exceed ``max_rows``; 500 when
    evaluation fails. ``deadline`` (a ``time.monotonic()`` value) is checked between rows and
    raises :class:`QueryDeadline`; a worker process is instead killed from outside.
    """
    try:
        result = store.query(sparql)
        if isinstance(result, ox.QueryBoolean):
            choice = choose(accept, "boolean", format_param)
            if choice is None:
                return _not_acceptable("boolean")
            return Answer(200, choice.media_type, write_results(result, None, choice.name))
        if isinstance(result, ox.QuerySolutions):
            choice = choose(accept, "solutions", format_param)
            if choice is None:
                return _not_acceptable("solutions")
            sink = _TsvSink(max_rows, deadline)
            try:
                write_results(result, sink, "tsv")
            except _TooManyRows:
                return _too_many(max_rows, "rows")
            body = sink.getvalue()
            if choice.name != "tsv":
                body = ox.parse_query_results(body, format=RESULTS_FORMATS["tsv"]).serialize(
                    format=RESULTS_FORMATS[choice.name])
            return Answer(200, choice.media_type, body, rows=sink.rows)
        choice = choose(accept, "triples", format_param)
        if choice is None:
            return _not_acceptable("triples")
        triples = []
        for count, triple in enumerate(result, 1):
            if count > max_rows:
                return _too_many(max_rows, "triples")
            _check(deadline, count)
            triples.append(triple)
        prefixes = PREFIXES if choice.name in ("turtle", "rdfxml") else None
        body = ox.serialize(triples, format=_GRAPH_OX[choice.name], prefixes=prefixes)
        return Answer(200, choice.media_type, body, rows=len(triples))
    except QueryError as exc:
        return error_answer(400, str(exc))
    except QueryDeadline:
        raise
    except (OSError, ValueError, RuntimeError) as exc:
        return error_answer(500, f"E300 query failed: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")


def run_update(store, sparql: str) -> Answer:
    """Apply SPARQL Update to ``store``: 204, or 400 with the parser's message."""
    try:
        store.update(sparql)
        store.flush()
    except QueryError as exc:
        return error_answer(400, str(exc))
    except (OSError, ValueError, RuntimeError) as exc:
        return error_answer(500, f"E300 update failed: {exc}")
    return Answer(204, "text/plain", b"")


def write_graph(store, method: str, graph: str, body: bytes = b"", media_type: str = "") -> Answer:
    """A Graph Store Protocol write of the named ``graph``: PUT replaces, POST adds, DELETE drops.

    Answers 201 when PUT/POST created the graph, 204 otherwise, 404 when DELETE finds no
    graph, 415 for a body type it cannot read and 400 for a body that does not parse (the
    graph is then left as it was).
    """
    target = ox.NamedNode(graph)
    try:
        existed = store.has_graph(target)
        if method == "DELETE":
            if not existed:
                return error_answer(404, f"E300 no graph <{graph}> in the store")
            store.drop_graph(target)
        else:
            fmt = ox.RdfFormat.from_media_type(media_type) if media_type in GRAPH_MEDIA_TYPES else None
            if fmt is None:
                return error_answer(415, f"E300 cannot read {media_type or 'a body without Content-Type'}; "
                                         f"send one of {', '.join(GRAPH_MEDIA_TYPES)}")
            try:
                # a body's blank nodes are its own: "_:b0" of two uploads (or of another graph) are two nodes
                new = [ox.Quad(q.subject, q.predicate, q.object, target)
                       for q in ox.parse(body, format=fmt, base_iri=graph, rename_blank_nodes=True)]
            except SyntaxError as exc:
                return error_answer(400, f"E300 the body is not valid {media_type}: {str(exc).splitlines()[0]}")
            old = list(store.quads(target)) if method == "POST" else []
            store.replace_graph(target, old + new)
        store.flush()
    except (OSError, RuntimeError) as exc:
        return error_answer(500, f"E300 graph store write failed: {exc}")
    return Answer(201 if method != "DELETE" and not existed else 204, "text/plain", b"")


def dispatch(store, job: dict, deadline: float | None = None) -> Answer:
    """Run one job ``{"op": "query" | "update" | "write_graph", **arguments}`` on ``store``."""
    arguments = {k: v for k, v in job.items() if k != "op"}
    if job["op"] == "query":
        return run_query(store, deadline=deadline, **arguments)
    if job["op"] == "update":
        return run_update(store, **arguments)
    if job["op"] == "write_graph":
        return write_graph(store, **arguments)
    raise ValueError(f"unknown job {job['op']!r}")
