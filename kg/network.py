"""The claim graph as a networkx ``MultiDiGraph``: entities are nodes, claims are edges.

Why: notebooks and the graph page want plain graph algorithms (centrality, communities,
layouts) over "who did what to whom", not over every provenance triple. This view keeps
one node per entity (label, alternative labels, schema types) and one edge per claim
(relation label and IRI, the claim IRI as edge key, support count, readable text,
conflicting claims). A claim whose object is a literal gets a literal node.

Reads the store through SPARQL only (:meth:`kg.store.Store.select`), so it works on any
store the build wrote; it never touches pyoxigraph itself.

>>> from kg.store import Store
>>> store = Store()
>>> store.update('''INSERT DATA { GRAPH <http://ex/doc> {
...   <http://ex/kim> a cg:Entity, schema:Person ; skos:prefLabel "Kim" .
...   <http://ex/ru> a cg:Entity, schema:Place ; skos:prefLabel "Russia" .
...   <http://ex/send> a cg:Relation ; rdfs:label "send" .
...   <http://ex/c1> a cg:Claim ; rdf:subject <http://ex/kim> ; rdf:predicate <http://ex/send> ;
...      rdf:object <http://ex/ru> } }''')
>>> g = to_networkx(store)
>>> g.nodes["http://ex/kim"]["label"], g.nodes["http://ex/kim"]["types"]
('Kim', ['schema:Person'])
>>> [(u, v, d["relation"]) for u, v, d in g.edges(data=True)]
[('http://ex/kim', 'http://ex/ru', 'send')]
"""

from __future__ import annotations

from typing import Any

from kg.rdf.namespaces import PREFIXES

__all__ = ["to_networkx", "literal_node_id"]

_ENTITY_CLASS = PREFIXES["cg"] + "Entity"

_ENTITIES = """
SELECT ?e ?label ?alt ?type WHERE {
  ?e a cg:Entity .
  OPTIONAL { ?e skos:prefLabel ?label }
  OPTIONAL { ?e skos:altLabel ?alt }
  OPTIONAL { ?e a ?type }
}"""

_CLAIMS = """
SELECT ?claim ?s ?p ?o ?literal (MIN(?rel0) AS ?rel) (MIN(?text0) AS ?text) (MAX(?support0) AS ?support)
       (COUNT(DISTINCT ?doc) AS ?documents) WHERE {
  ?claim a cg:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  BIND(isLiteral(?o) AS ?literal)
  OPTIONAL { ?p rdfs:label ?rel0 }
  OPTIONAL { ?claim schema:text ?text0 }
  OPTIONAL { ?claim cg:supportCount ?support0 }
  OPTIONAL { ?m oa:hasBody ?claim ; oa:hasTarget/oa:hasSource ?doc }
} GROUP BY ?claim ?s ?p ?o ?literal"""

_CONFLICTS = "SELECT ?a ?b WHERE { ?a cg:conflictsWith ?b }"


def _curie(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def literal_node_id(value: str) -> str:
    """The node id of a literal claim object (literals share a node when their text is equal).

    >>> literal_node_id("casualties")
    'literal:casualties'
    """
    return f"literal:{value}"


def _value(row: dict[str, Any], name: str) -> str | None:
    term = row.get(name)
    return None if term is None else term.value


def to_networkx(store):
    """Build a ``networkx.MultiDiGraph`` of entities (nodes) and claims (edges) from ``store``.

    Node attributes: ``label`` (the smallest ``skos:prefLabel``, deterministic), ``alt_labels``,
    ``types`` (schema types as CURIEs, ``cg:Entity`` left out), ``kind`` ("entity" or "literal").
    Edge key: the claim IRI. Edge attributes: ``claim``, ``relation`` (label), ``relation_iri``,
    ``text``, ``support`` (``cg:supportCount``, or the number of documents stating the claim
    when resolve has not run), ``conflicts_with`` (claim IRIs).
    """
    import networkx as nx

    graph = nx.MultiDiGraph()
    entities: dict[str, dict[str, Any]] = {}
    for row in store.select(_ENTITIES):
        entity = entities.setdefault(row["e"].value, {"labels": set(), "alt": set(), "types": set()})
        if (label := _value(row, "label")) is not None:
            entity["labels"].add(label)
        if (alt := _value(row, "alt")) is not None:
            entity["alt"].add(alt)
        if (kind := _value(row, "type")) is not None and kind != _ENTITY_CLASS:
            entity["types"].add(_curie(kind))
    for iri in sorted(entities):
        info = entities[iri]
        label = min(info["labels"]) if info["labels"] else iri
        graph.add_node(iri, kind="entity", label=label, alt_labels=sorted(info["alt"] - {label}),
                       types=sorted(info["types"]))

    conflicts: dict[str, set[str]] = {}
    for row in store.select(_CONFLICTS):
        conflicts.setdefault(row["a"].value, set()).add(row["b"].value)

    for row in sorted(store.select(_CLAIMS), key=lambda r: (r["claim"].value, str(r["o"]))):
        claim = row["claim"].value
        source = row["s"].value
        if row["literal"].value == "true":
            target = literal_node_id(row["o"].value)
            graph.add_node(target, kind="literal", label=row["o"].value, alt_labels=[], types=[])
        else:
            target = row["o"].value
        for node in (source, target):
            if node not in graph:  # a claim about something resolve or extract did not type as cg:Entity
                graph.add_node(node, kind="entity", label=node, alt_labels=[], types=[])
        support = _value(row, "support")
        graph.add_edge(
            source,
            target,
            key=claim,
            claim=claim,
            relation=_value(row, "rel") or _curie(row["p"].value),
            relation_iri=row["p"].value,
            text=_value(row, "text"),
            support=int(support) if support is not None else int(row["documents"].value),
            conflicts_with=sorted(conflicts.get(claim, ())),
        )
    return graph
