"""Library entry points that sit above the stages: open a build, run a query.

>>> import tempfile
>>> open(tempfile.mkdtemp())
Traceback (most recent call last):
...
kg.errors.StoreError: E201 ... no claimgraph store here; run `kg build INPUT --out ...` first
"""

from __future__ import annotations

import os

from kg.store import Store, open_store

__all__ = ["open", "run_query"]


def open(out_dir: str | os.PathLike[str], *, read_only: bool = False) -> Store:  # noqa: A001 (mirrors kg.open)
    """Open the store of a build folder (``kg.open(DIR)``)."""
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
