"""Check a claim graph against the project's SHACL shapes (kg/ontologies/shapes.ttl).

Why: the RDF model is claimgraph's public interface; users' SPARQL and other
triple stores rely on it. Validating a build (``kg validate DIR``) or any graph
that claims to follow the model catches a broken writer before users do.

A dataset is validated as the union of its graphs, the merged knowledge graph:
a claim is typed in each document graph that states it while the resolution
graph links claims across documents, so no single named graph is complete on
its own. pyshacl runs without inference; the shapes are read from the installed
package, so validation works offline and from a wheel.

>>> from rdflib import Graph
>>> data = Graph().parse(format="turtle", data='''
...     @prefix cg: <https://w3id.org/claimgraph/ns#> .
...     <http://example.org/e> a cg:Entity .
... ''')
>>> report = validate(data)
>>> report.conforms, report.violations
(False, 2)
>>> [r.shape.split("#")[1].rstrip(">") for r in report.results]
['Entity-schemaType', 'Entity-prefLabel']
>>> report.results[1].message
'An entity needs at least one skos:prefLabel (its canonical name), as a literal.'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Union

from rdflib import Graph
from rdflib.namespace import RDF, SH
from rdflib.term import Node

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from kg.store import Store

__all__ = [
    "ONTOLOGY_FILE",
    "SHAPES_FILE",
    "ValidationReport",
    "ValidationResult",
    "load_ontology",
    "load_shapes",
    "validate",
]

#: File names of the vocabulary and the shapes inside the ``kg.ontologies`` resource folder.
ONTOLOGY_FILE = "claimgraph.ttl"
SHAPES_FILE = "shapes.ttl"


@dataclass(frozen=True)
class ValidationResult:
    """One failed constraint: which node, which property, and the shape's explanation.

    ``path`` is ``None`` for node-level constraints (e.g. a blank node where an IRI is
    required); ``value`` is the offending value when the constraint names one.
    Terms are given as N-Triples strings so the record is plain and comparable.
    """

    focus: str
    path: str | None
    value: str | None
    message: str
    severity: str
    shape: str
    component: str


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of :func:`validate`.

    ``conforms`` is true when no constraint of severity ``sh:Violation`` failed;
    ``violations`` counts those failures; ``text`` is pyshacl's readable report;
    ``results`` lists every failure, sorted for stable output.
    """

    conforms: bool
    violations: int
    text: str
    results: tuple[ValidationResult, ...] = ()


def _resource(name: str) -> Traversable:
    return resources.files("kg").joinpath("ontologies", name)


@lru_cache(maxsize=None)
def _parsed(name: str) -> Graph:
    graph = Graph()
    graph.parse(data=_resource(name).read_text(encoding="utf-8"), format="turtle")
    return graph


def _copy(name: str) -> Graph:
    copy = Graph()
    for triple in _parsed(name):
        copy.add(triple)
    return copy


def load_shapes() -> Graph:
    """A fresh copy of the SHACL shapes graph shipped in the package (the caller may change it).

    >>> from rdflib.namespace import SH
    >>> len(set(load_shapes().subjects(predicate=SH.targetClass))) > 5
    True
    """
    return _copy(SHAPES_FILE)


def load_ontology() -> Graph:
    """A fresh copy of the claimgraph vocabulary shipped in the package, e.g. to bundle with an export.

    >>> from rdflib.namespace import OWL, RDF
    >>> [str(o) for o in load_ontology().subjects(RDF.type, OWL.Ontology)]
    ['https://w3id.org/claimgraph/ns']
    """
    return _copy(ONTOLOGY_FILE)


def _union(data: Union[Graph, "Store"]) -> Graph:
    """The graph to validate: a plain graph as is, a dataset as the union of all its graphs."""
    if hasattr(data, "to_rdflib") and not isinstance(data, Graph):  # kg.store.Store
        data = data.to_rdflib()
    if not isinstance(data, Graph):
        raise TypeError(f"validate() needs an rdflib Graph or Dataset (or a kg Store), not {type(data).__name__}")
    if not getattr(data, "context_aware", False):
        return data
    union = Graph()
    for s, p, o, _ in data.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def _n3(term: Node | None) -> str | None:
    return None if term is None else term.n3()


def _results(results_graph: Graph) -> tuple[ValidationResult, ...]:
    found = []
    for node in results_graph.subjects(RDF.type, SH.ValidationResult):
        one = results_graph.value
        found.append(
            ValidationResult(
                focus=_n3(one(node, SH.focusNode)) or "",
                path=_n3(one(node, SH.resultPath)),
                value=_n3(one(node, SH.value)),
                message=" ".join(sorted({str(m) for m in results_graph.objects(node, SH.resultMessage)})),
                severity=_n3(one(node, SH.resultSeverity)) or "",
                shape=_n3(one(node, SH.sourceShape)) or "",
                component=_n3(one(node, SH.sourceConstraintComponent)) or "",
            )
        )
    return tuple(sorted(found, key=lambda r: (r.focus, r.path or "", r.shape, r.component, r.value or "")))


def validate(data: Union[Graph, "Store"]) -> ValidationReport:
    """Validate a claim graph against claimgraph's SHACL shapes.

    Parameters
    ----------
    data:
        An ``rdflib.Graph``, an ``rdflib.Dataset``/``ConjunctiveGraph`` (validated as
        the union of its graphs), or a :class:`kg.store.Store` (converted with
        ``to_rdflib()``).

    Returns
    -------
    ValidationReport
        ``conforms``, the number of violations, the text report and every result.

    Raises
    ------
    TypeError
        When ``data`` is none of the above.
    """
    import pyshacl  # imported here: it is slow to import and only this function needs it

    graph = _union(data)
    conforms, results_graph, text = pyshacl.validate(
        graph,
        shacl_graph=load_shapes(),
        inference="none",
        advanced=False,
        allow_warnings=True,
    )
    if not isinstance(results_graph, Graph):  # pyshacl could not use the shapes themselves
        raise RuntimeError(f"the SHACL shapes in kg/ontologies/{SHAPES_FILE} are unusable: {text}")
    results = _results(results_graph)
    violations = sum(1 for r in results if r.severity == SH.Violation.n3())
    return ValidationReport(conforms=bool(conforms), violations=violations, text=str(text), results=results)
