"""RDF export writers (first version): graph.ttl (union) and graph.trig (graph per document).

Both stream from Oxigraph, so memory stays flat on big graphs: TriG is the store's own
dump; Turtle is a ``CONSTRUCT`` over the union graph, which Oxigraph answers from its
subject-ordered index with the copies of a triple held by several graphs adjacent, so
they are dropped without a set of every triple seen. Output order is the store's index
order: the same graph always gives the same bytes, and each subject's triples are grouped.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox

from kg.errors import ExportError
from kg.rdf.namespaces import PREFIXES
from kg.store import Store

__all__ = ["FORMATS", "write_export"]

FORMATS = {"ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG}
_UNION = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"


def write_export(store: Store, fmt: str, path: str | os.PathLike[str]) -> Path:
    if fmt not in FORMATS:
        raise ExportError("E400", name=fmt, known=", ".join(FORMATS))
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    if fmt == "ttl":
        ox.serialize(store.query(_UNION), tmp, ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    else:
        store.dump(tmp, ox.RdfFormat.TRIG, prefixes=PREFIXES)
    os.replace(tmp, path)
    return path
