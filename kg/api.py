"""The notebook API: ``kg.open(DIR)`` gives the store of a build.

Why: analysts work in notebooks; they want the graph in one call, then SPARQL
(:meth:`~kg.store.Store.query`, :meth:`~kg.store.Store.select`), an ``rdflib.Dataset``
(:meth:`~kg.store.Store.to_rdflib`) or a networkx graph of entities and claims
(:meth:`~kg.store.Store.to_networkx`).

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

__all__ = ["open"]


def open(path: str | os.PathLike[str], *, read_only: bool = True) -> Store:  # noqa: A001 - kg.open by design
    """Open the store of the build folder ``path`` (the ``--out`` of ``kg build``).

    Raises :class:`kg.errors.StoreError` (E201) when ``path`` holds no store, E200 when it is locked.
    """
    return open_store(path, read_only=read_only)
