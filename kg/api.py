"""Library entry points above the stages, for notebooks and the CLI: open a build, run a query.

``kg.open(DIR)`` gives the store of a build. Why: analysts work in notebooks; they want
the graph in one call, then SPARQL (:meth:`~kg.store.Store.query`,
:meth:`~kg.store.Store.select`), an ``rdflib.Dataset`` (:meth:`~kg.store.Store.to_rdflib`)
or a networkx graph of entities and claims (:meth:`~kg.store.Store.to_networkx`).

The store opens read-only by default, so a notebook does not lock the build folder
against ``kg build`` or ``kg serve``; pass ``read_only=False`` to change the graph.
Reading while another process writes sees the data as it was when the store was opened.

>>> import kg, tempfile
>>> kg.open(tempfile.mkdtemp())
Traceback (most recent call last):
...
kg.errors.StoreError: E201 ...: no claimgraph store here; run `kg build INPUT --out ...` first
"""

from __future__ import annotations

import json
import os
from typing import BinaryIO

from kg.store import Store, open_store, result_kind, write_results

__all__ = ["bind_term", "open", "run_query", "write_query"]


def open(out_dir: str | os.PathLike[str], *, read_only: bool = True) -> Store:  # noqa: A001 (mirrors kg.open)
    """Open the store of the build folder ``out_dir`` (the ``--out`` of ``kg build``).

    Raises :class:`kg.errors.StoreError` (E201) when it holds no store, E200 when another
    process holds it for writing and ``read_only`` is false.
    """
    return open_store(out_dir, read_only=read_only)


def run_query(
    out_dir: str | os.PathLike[str], sparql: str, bindings: dict[str, str] | None = None
) -> tuple[list[str], list[list[str | None]]]:
    """Run a SELECT/ASK/CONSTRUCT on a build; rows as plain strings (for printing), None where unbound.

    ``bindings`` substitute variables with plain literals before evaluation. SELECT rows
    come through Oxigraph's SPARQL JSON writer and ``json.loads`` rather than one Python
    term object per cell: about half the time on big answers (see benchmarks/RESULTS.md).
    """
    return _rows_of(_evaluate(out_dir, sparql, bindings))


def write_query(
    out_dir: str | os.PathLike[str], sparql: str, output: BinaryIO, format: str = "csv",
    bindings: dict[str, str] | None = None,
) -> tuple[list[str], list[list[str | None]]] | None:
    """Write the answer of a SELECT on a build to ``output`` in a SPARQL results format.

    ``format`` is a name of :data:`kg.store.RESULTS_FORMATS`; Oxigraph's writer makes the
    bytes, no Python object per term (the fast way out for big answers). Returns None once
    written. An ASK, CONSTRUCT or DESCRIBE writes nothing: their columns and rows are
    returned instead, as :func:`run_query` gives them (evaluated once either way).
    """
    result = _evaluate(out_dir, sparql, bindings)
    if result_kind(result) != "solutions":
        return _rows_of(result)
    write_results(result, output, format)
    return None


def _rows_of(result) -> tuple[list[str], list[list[str | None]]]:
    kind = result_kind(result)
    if kind == "boolean":
        return ["ask"], [[str(bool(result)).lower()]]
    if kind == "solutions":
        return _json_rows(write_results(result, None, "json"))
    triples = list(result)
    return ["subject", "predicate", "object"], [[t.subject.value, t.predicate.value, t.object.value] for t in triples]


def _evaluate(out_dir, sparql: str, bindings: dict[str, str] | None):
    from pyoxigraph import Variable

    subs = {Variable(k): bind_term(v) for k, v in (bindings or {}).items()}
    store = open_store(out_dir, read_only=True)
    return store.query(sparql, substitutions=subs) if subs else store.query(sparql)


def bind_term(value: str):
    """The RDF term a ``--param`` value stands for: ``<IRI>`` is an IRI, anything else a plain literal.

    Why: the named queries take entities and relations (``?s``, ``?p``, ``?o``) as well as
    names, and an entity is an IRI; angle brackets are how SPARQL and N-Triples write one.

    >>> str(bind_term("Ana Silva"))
    '"Ana Silva"'
    >>> str(bind_term("<https://w3id.org/claimgraph/id/entity/acme>"))
    '<https://w3id.org/claimgraph/id/entity/acme>'
    >>> bind_term("<not an iri>")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: E300 query failed: --param value <not an iri> is not an absolute IRI (Invalid IRI code point ' ')
    """
    from pyoxigraph import Literal, NamedNode

    from kg.errors import QueryError

    if len(value) > 2 and value.startswith("<") and value.endswith(">"):
        try:
            return NamedNode(value[1:-1])
        except ValueError as exc:  # Oxigraph's own check: absolute, no spaces or forbidden characters
            raise QueryError("E300", reason=f"--param value {value} is not an absolute IRI ({exc})") from None
    return Literal(value)


def _json_rows(body: bytes) -> tuple[list[str], list[list[str | None]]]:
    """Columns and plain-value rows of a SPARQL JSON results document (SELECT).

    >>> _json_rows(b'{"head":{"vars":["a","b"]},"results":{"bindings":[{"a":{"type":"uri","value":"http://x"}}]}}')
    (['a', 'b'], [['http://x', None]])
    """
    document = json.loads(body)
    columns = document["head"]["vars"]
    rows = [[cell["value"] if (cell := binding.get(name)) is not None else None for name in columns]
            for binding in document["results"]["bindings"]]
    return columns, rows
