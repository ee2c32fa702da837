"""RDF export writers (first version): graph.ttl (union) and graph.trig (graph per document)."""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox

from kg.errors import ExportError
from kg.rdf.namespaces import PREFIXES
from kg.store import Store

__all__ = ["FORMATS", "write_export"]

FORMATS = {"ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG}


def write_export(store: Store, fmt: str, path: str | os.PathLike[str]) -> Path:
    if fmt not in FORMATS:
        raise ExportError("E400", name=fmt, known=", ".join(FORMATS))
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    if fmt == "ttl":
        triples = sorted({(q.subject, q.predicate, q.object) for q in store.quads()}, key=lambda t: tuple(map(str, t)))
        ox.serialize((ox.Triple(*t) for t in triples), tmp, ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    else:
        quads = sorted(store.quads(), key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
        ox.serialize(quads, tmp, ox.RdfFormat.TRIG, prefixes=PREFIXES)
    os.replace(tmp, path)
    return path
