"""Named SPARQL queries shipped with claimgraph (``kg query DIR --named NAME``).

Each query is a ``NAME.rq`` file in this package; its first comment line is its
description. The project's prefixes (kg.rdf.namespaces.PREFIXES) are predeclared.
A query may also have a bound form, ``NAME.bound.rq``: the same rows, written for
questions that bind one of the variables its ``# VALUES ?x ...`` line lists
(``--param s='<IRI>'``), which :func:`named_query` picks when given bindings. That marker is a
comment line of its own inside the query's braces, exactly one per bound form (a header comment
that happens to start the same way is not it); a bound form without one, or with two, raises
QueryError E302.

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
#: the line of a bound form that lists its bindable variables: ``# VALUES ?x ?y`` (a remark may follow)
_MARK = re.compile(r"#\s*VALUES((?:\s+\?\w+)+)(?=[\s:(]|$)")
#: what can hide a brace from the depth count: a string, an IRI, a comment
_NOT_CODE = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#.*')


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
    (pyoxigraph IRIs and literals, whose ``str`` is their SPARQL syntax). When it binds a variable that
    the query's bound form lists on its ``# VALUES ?x ?y`` line, that form is returned with
    the bound values in a VALUES clause on that line. Why: a query written to scan
    everything fast (hash joins of whole-graph scans) still scans everything when one edge
    is asked for, and Oxigraph plans a query before it sees its substitutions; the bound
    form starts from the bound terms by index lookups (evidence of one edge: milliseconds
    instead of about 0.4 s CPU on the ECB+ build, see benchmarks/RESULTS.md). Both forms
    give the same rows; the caller still passes every binding as a substitution (other
    variables are bound that way only).

    >>> named_query("evidence") == NAMED_QUERIES["evidence"]
    True
    >>> text = named_query("evidence", {"s": "<http://ex.org/a>", "doc": "<http://ex.org/d>"})
    >>> [line.strip() for line in text.splitlines() if line.lstrip().startswith("VALUES")]
    ['VALUES (?s) { (<http://ex.org/a>) }']
    >>> named_query("evidence", {"doc": "<http://ex.org/d>"}) == NAMED_QUERIES["evidence"]
    True
    """
    try:
        text = NAMED_QUERIES[name]
    except KeyError:
        raise QueryError("E301", name=name, known=", ".join(sorted(NAMED_QUERIES))) from None
    bound_form = BOUND_FORMS.get(name)
    if bound_form is None or not bindings:
        return text
    return _with_values(bound_form, bindings, name=name) or text


def _with_values(text: str, bindings: Mapping[str, object], *, name: str = "?") -> str | None:
    """``text`` with its ``# VALUES ?x ...`` line made a VALUES clause of the bound ones; None if none is bound.

    The marker is the one comment line inside the query's braces that lists variables after
    ``# VALUES``; comments outside the braces (the header describing the query) never are.
    Raises QueryError E302 when the form has no such line or more than one, rather than writing
    the bound values in the wrong place or silently answering with the scan form.

    >>> text = "SELECT ?s WHERE {\\n  # VALUES ?o ?p: here\\n  ?s ?p ?o\\n}"
    >>> print(_with_values(text, {"o": '"x"', "s": "<http://a>"}))
    SELECT ?s WHERE {
      VALUES (?o) { ("x") }
      ?s ?p ?o
    }
    >>> _with_values("SELECT ?s WHERE {\\n  # VALUES ?o\\n  ?s ?p ?o\\n}", {"s": "<http://a>"}) is None
    True
    >>> _with_values("# VALUES ?s are bound below\\nSELECT ?s WHERE { ?s ?p ?o }", {"s": "<http://a>"}, name="q")
    Traceback (most recent call last):
    kg.errors.QueryError: E302 the bound form of named query 'q' is malformed: no '# VALUES ?x' line inside its braces
    """
    lines = text.splitlines()
    marks = _marker_lines(lines)
    if len(marks) != 1:
        reason = (
            "no '# VALUES ?x' line inside its braces"
            if not marks
            else f"{len(marks)} '# VALUES ?x' lines ({', '.join(str(i + 1) for i, _ in marks)}); it needs exactly one"
        )
        raise QueryError("E302", name=name, reason=reason)
    at, listed = marks[0]
    bound = [var for var in listed if var in bindings]
    if not bound or any(str(bindings[var]).startswith("_:") for var in bound):
        return None  # a blank node cannot be written in VALUES: the scan form binds it by substitution
    indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
    names = " ".join(f"?{var}" for var in bound)
    terms = " ".join(str(bindings[var]) for var in bound)
    return "\n".join([*lines[:at], f"{indent}VALUES ({names}) {{ ({terms}) }}", *lines[at + 1 :]])


def _marker_lines(lines: list[str]) -> list[tuple[int, list[str]]]:
    """(index, listed variables) of each ``# VALUES ?x`` comment line at brace depth one or more.

    >>> _marker_lines(["# VALUES ?s: header", "SELECT * WHERE {", "  # VALUES ?s ?o", "  ?s ?p ?o }"])
    [(2, ['s', 'o'])]
    """
    found, depth = [], 0
    for i, line in enumerate(lines):
        mark = _MARK.match(line.strip())
        if depth > 0 and mark:
            found.append((i, re.findall(r"\?(\w+)", mark.group(1))))
        code = _NOT_CODE.sub(" ", line)
        depth += code.count("{") - code.count("}")
    return found


def describe(name: str) -> str:
    """The one-line description of a named query (its first comment)."""
    first = named_query(name).splitlines()[0]
    return first.lstrip("# ").strip()
