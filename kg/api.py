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

import os

from kg.store import Store, open_store

__all__ = ["open", "run_query"]


def open(out_dir: str | os.PathLike[str], *, read_only: bool = True) -> Store:  # noqa: A001 (mirrors kg.open)
    """Open the store of the build folder ``out_dir`` (the ``--out`` of ``kg build``).

    Raises :class:`kg.errors.StoreError` (E201) when it holds no store, E200 when another
    process holds it for writing and ``read_only`` is false.
    """
    return open_store(out_dir, read_only=read_only)


def run_query(
    out_dir: str | os.PathLike[str], sparql: str, bindings: dict[str, str] | None = None
) -> tuple[list[str], list[list[str | None]]]:
    """Run a SELECT/ASK/CONSTRUCT on a build; rows as plain strings (for printing).

    ``bindings`` substitute variables with plain literals before evaluation.
    """
    from pyoxigraph import Literal, QueryBoolean, QuerySolutions, Variable

    store = open_store(out_dir, read_only=True)
    subs = {Variable(k): Literal(v) for k, v in (bindings or {}).items()}
    result = store.query(sparql, substitutions=subs) if subs else store.query(sparql)
    if isinstance(result, QueryBoolean):
        return ["ask"], [[str(bool(result)).lower()]]
    if isinstance(result, QuerySolutions):
        columns = [v.value for v in result.variables]
        rows = [[None if sol[c] is None else sol[c].value for c in columns] for sol in result]
        return columns, rows
    triples = list(result)
    return ["subject", "predicate", "object"], [[t.subject.value, t.predicate.value, t.object.value] for t in triples]
