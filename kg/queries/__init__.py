"""Named SPARQL queries shipped with claimgraph (``kg query DIR --named NAME``).

Each query is a ``NAME.rq`` file in this package; its first comment line is its
description. The project's prefixes (kg.rdf.namespaces.PREFIXES) are predeclared.

>>> sorted(NAMED_QUERIES)
['conflicts', 'evidence', 'said', 'support']
>>> describe("support").startswith("Which sources support")
True
"""

from __future__ import annotations

from importlib import resources

from kg.errors import QueryError

__all__ = ["NAMED_QUERIES", "describe", "named_query"]


def _load() -> dict[str, str]:
    folder = resources.files(__name__)
    return {
        entry.name[:-3]: entry.read_text(encoding="utf-8")
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".rq")
    }


#: name -> SPARQL text
NAMED_QUERIES: dict[str, str] = _load()


def named_query(name: str) -> str:
    """The text of a named query; unknown names raise QueryError E301 listing the known ones."""
    try:
        return NAMED_QUERIES[name]
    except KeyError:
        raise QueryError("E301", name=name, known=", ".join(sorted(NAMED_QUERIES))) from None


def describe(name: str) -> str:
    """The one-line description of a named query (its first comment)."""
    first = named_query(name).splitlines()[0]
    return first.lstrip("# ").strip()
