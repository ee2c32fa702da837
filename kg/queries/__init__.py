"""Named SPARQL queries shipped with claimgraph (``kg query DIR --named NAME``).

Each query is a ``NAME.rq`` file in this package; its first comment line is its
description. The project's prefixes (kg.rdf.namespaces.PREFIXES) are predeclared.
A query may also have a bound form, ``NAME.bound.rq``: the same rows, written for
questions that bind one of its variables (``--param s='<IRI>'``), which
:func:`named_query` picks when given bindings.

>>> sorted(NAMED_QUERIES)
['conflicts', 'evidence', 'said', 'support']
>>> sorted(BOUND_FORMS)
['evidence']
>>> describe("support").startswith("Which sources support")
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from importlib import resources

from kg.errors import QueryError

__all__ = ["BOUND_FORMS", "NAMED_QUERIES", "describe", "named_query"]

_BOUND_SUFFIX = ".bound"


def _load() -> dict[str, str]:
    folder = resources.files(__name__)
    return {
        entry.name[:-3]: entry.read_text(encoding="utf-8")
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".rq")
    }


_ALL = _load()
#: name -> SPARQL text
NAMED_QUERIES: dict[str, str] = {name: text for name, text in _ALL.items() if "." not in name}
#: name -> SPARQL text of the form run when a variable of the query is bound
BOUND_FORMS: dict[str, str] = {
    name.removesuffix(_BOUND_SUFFIX): text for name, text in _ALL.items() if name.endswith(_BOUND_SUFFIX)
}


def named_query(name: str, bindings: Mapping[str, object] | None = None) -> str:
    """The text of a named query; unknown names raise QueryError E301 listing the known ones.

    ``bindings`` maps variable names (without ``?``) to the RDF terms they are bound to
    (pyoxigraph terms, whose ``str`` is their SPARQL syntax). When it binds a variable of a
    query that has a bound form, that form is returned with the values in a ``VALUES``
    clause at the top of its pattern. Why: a query written to scan everything fast (hash
    joins over whole-graph scans) still scans everything when one edge is asked for, and
    Oxigraph plans a query before it sees its substitutions; the bound form starts from the
    bound terms by index lookups (evidence of one edge: milliseconds instead of about half
    a second on the ECB+ build, see benchmarks/RESULTS.md). Both forms give the same rows;
    the caller still passes the bindings as substitutions (harmless, and needed by the
    forms without a bound form).

    >>> named_query("evidence") == NAMED_QUERIES["evidence"]
    True
    >>> text = named_query("evidence", {"s": "<http://ex.org/a>", "name": '"Ana"'})
    >>> [line.strip() for line in text.splitlines() if "VALUES" in line and not line.startswith("#")]
    ['VALUES (?s) { (<http://ex.org/a>) }']
    >>> named_query("said", {"name": '"Ana"'}) == NAMED_QUERIES["said"]
    True
    """
    try:
        text = NAMED_QUERIES[name]
    except KeyError:
        raise QueryError("E301", name=name, known=", ".join(sorted(NAMED_QUERIES))) from None
    bound_form = BOUND_FORMS.get(name)
    if bound_form is None or not bindings:
        return text
    used = {var: value for var, value in bindings.items() if re.search(rf"\?{re.escape(var)}\b", bound_form)}
    if not used:
        return text
    return _with_values(bound_form, used)


def _with_values(text: str, values: Mapping[str, object]) -> str:
    """``text`` with a one-row VALUES clause of ``values`` on the line after its first ``WHERE {``.

    >>> print(_with_values("# WHERE { in a comment\\nSELECT ?s WHERE {\\n  ?s ?p ?o\\n}", {"o": '"x"'}))
    # WHERE { in a comment
    SELECT ?s WHERE {
      VALUES (?o) { ("x") }
      ?s ?p ?o
    }
    """
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if not line.lstrip().startswith("#") and line.rstrip().endswith("WHERE {"))
    names = " ".join(f"?{var}" for var in values)
    terms = " ".join(str(value) for value in values.values())
    return "\n".join([*lines[: at + 1], f"  VALUES ({names}) {{ ({terms}) }}", *lines[at + 1 :]])


def describe(name: str) -> str:
    """The one-line description of a named query (its first comment)."""
    first = named_query(name).splitlines()[0]
    return first.lstrip("# ").strip()
