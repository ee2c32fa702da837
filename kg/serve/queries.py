"""The named queries the query page opens as tabs.

``kg.queries.NAMED_QUERIES`` (the CLI's named queries) is the source when it exists;
until then the four questions of DESIGN.md stand in, so the page is never empty.

>>> len(named_queries()) >= 4
True
>>> all("SELECT" in q for q in named_queries().values())
True
"""

from __future__ import annotations

__all__ = ["DESIGN_QUERIES", "named_queries"]

#: The four queries every build must answer (DESIGN.md), by name.
DESIGN_QUERIES: dict[str, str] = {
    "support": """# which sources support each claim
SELECT ?claim (COUNT(DISTINCT ?pub) AS ?n) WHERE {
  ?m oa:hasBody ?claim ; oa:hasTarget/oa:hasSource/dct:publisher ?pub } GROUP BY ?claim""",
    "conflicts": """# which claims conflict
SELECT ?a ?b WHERE { ?a cg:conflictsWith ?b }""",
    "said-by": """# what did a person say
SELECT ?claim ?text WHERE { ?m prov:wasAttributedTo ?who ; oa:hasBody ?claim .
  ?who skos:prefLabel "Hong Min" . OPTIONAL { ?claim schema:text ?text } }""",
    "sentence": """# the sentence behind an edge
SELECT ?doc ?start ?end ?exact WHERE { ?c rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  ?m oa:hasBody ?c ; oa:hasTarget ?t . ?t oa:hasSource ?doc ; oa:hasSelector ?q , ?r .
  ?q oa:exact ?exact . ?r oa:start ?start ; oa:end ?end }""",
}


def named_queries() -> dict[str, str]:
    """Name -> SPARQL text (without PREFIX lines: the server predeclares the project prefixes)."""
    try:
        from kg.queries import NAMED_QUERIES  # the CLI's table, when present
    except ImportError:
        return dict(DESIGN_QUERIES)
    return dict(NAMED_QUERIES)
