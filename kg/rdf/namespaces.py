"""Every vocabulary term claimgraph writes, declared once.

``CG`` lists the project's own terms (ontologies/claimgraph.ttl defines them; a test
keeps the two in step). rdflib's namespaces are reused for the rest. ``PREFIXES`` is
the single prefix table used by exports, queries and the page.

>>> str(CG.Claim)
'https://w3id.org/claimgraph/ns#Claim'
>>> CG.NoSuchTerm
Traceback (most recent call last):
...
AttributeError: term 'NoSuchTerm' not in namespace 'https://w3id.org/claimgraph/ns#'
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace
from rdflib.term import URIRef

__all__ = ["CG", "SCHEMA", "OA", "DCTERMS", "PROV", "RDF", "RDFS", "SKOS", "OWL", "XSD", "PREFIXES", "bind_prefixes"]

SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")


class CG(DefinedNamespace):
    """The claimgraph vocabulary (ontologies/claimgraph.ttl)."""

    _NS = Namespace("https://w3id.org/claimgraph/ns#")
    _fail = True

    # classes
    Entity: URIRef
    Relation: URIRef
    Claim: URIRef
    ClaimMention: URIRef
    EntityMention: URIRef
    CertaintyLevel: URIRef
    PolarityValue: URIRef
    # individuals
    Certain: URIRef
    Probable: URIRef
    Possible: URIRef
    Positive: URIRef
    Negative: URIRef
    # claim qualifiers
    quantity: URIRef
    unit: URIRef
    approximate: URIRef
    lowerBound: URIRef
    upperBound: URIRef
    time: URIRef
    timeText: URIRef
    location: URIRef
    argument: URIRef
    # claim mention provenance
    cue: URIRef
    certainty: URIRef
    polarity: URIRef
    confidence: URIRef
    rule: URIRef
    relationText: URIRef
    mentionKind: URIRef
    # a claim mention's span, copied from its target's selectors (a shortcut for queries)
    start: URIRef
    end: URIRef
    exact: URIRef
    # documents
    sha256: URIRef
    sentenceCount: URIRef
    # resolution
    conflictsWith: URIRef
    conflictReason: URIRef
    corroborates: URIRef
    supportCount: URIRef
    demonymOf: URIRef


#: prefix -> namespace IRI; the one table used by every writer and query.
PREFIXES: dict[str, str] = {
    "cg": str(CG._NS),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "oa": str(OA),
    "dct": str(DCTERMS),
    "skos": str(SKOS),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}


def sparql_prologue() -> str:
    """The PREFIX lines for :data:`PREFIXES`, to put before a query.

    >>> sparql_prologue().splitlines()[0]
    'PREFIX cg: <https://w3id.org/claimgraph/ns#>'
    """
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def bind_prefixes(graph) -> None:
    """Bind :data:`PREFIXES` on an rdflib ``Graph`` or ``Dataset``."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, Namespace(iri), override=True, replace=True)
