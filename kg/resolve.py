"""Resolve: cross-document results, computed over the whole store (first version).

The only stage that looks across documents. It reads the union graph and
rewrites the resolution graph (``<base>graph/resolution``) from scratch, so it is
correct after an incremental add and idempotent:

- ``cg:supportCount``: distinct publishers whose documents state a claim;
- ``cg:conflictsWith`` + ``cg:conflictReason``: claims with the same subject and
  predicate whose quantities cannot both be true.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, Quad

from kg.rdf import terms
from kg.rdf.namespaces import CG, XSD
from kg.store import Store

__all__ = ["ResolveReport", "resolve", "quantities_conflict"]

#: Relative tolerance granted to an approximate number ("about 15,000").
APPROX_TOLERANCE = 0.1

_SUPPORT = """
SELECT ?claim (COUNT(DISTINCT ?pub) AS ?n) WHERE {
  ?m a cg:ClaimMention ; oa:hasBody ?claim ; oa:hasTarget/oa:hasSource/dct:publisher ?pub }
GROUP BY ?claim
"""
_QUANTITIES = """
SELECT DISTINCT ?claim ?s ?p ?q ?approx ?lower ?upper WHERE {
  ?claim a cg:Claim ; rdf:subject ?s ; rdf:predicate ?p ; cg:quantity ?q .
  OPTIONAL { ?claim cg:approximate ?approx } OPTIONAL { ?claim cg:lowerBound ?lower }
  OPTIONAL { ?claim cg:upperBound ?upper } }
"""


@dataclass(frozen=True)
class ResolveReport:
    claims_supported: int
    multi_source_claims: int
    conflicts: int


@dataclass(frozen=True)
class _Number:
    value: float
    approximate: bool = False
    lower: bool = False
    upper: bool = False

    def interval(self) -> tuple[float, float]:
        low = high = self.value
        if self.approximate:
            low, high = self.value * (1 - APPROX_TOLERANCE), self.value * (1 + APPROX_TOLERANCE)
        if self.lower:
            high = float("inf")
        if self.upper:
            low = float("-inf")
        return low, high


def quantities_conflict(a: _Number, b: _Number) -> bool:
    """Two numbers conflict when their admissible intervals do not overlap.

    >>> quantities_conflict(_Number(15000, approximate=True), _Number(15000))
    False
    >>> quantities_conflict(_Number(600), _Number(4700))
    True
    >>> quantities_conflict(_Number(4700, lower=True), _Number(5300))
    False
    """
    (alo, ahi), (blo, bhi) = a.interval(), b.interval()
    return ahi < blo or bhi < alo


def _true(term) -> bool:
    return term is not None and term.value in {"true", "1"}


def resolve(store: Store, base: str) -> ResolveReport:
    """Recompute the resolution graph of ``store``."""
    graph = NamedNode(terms.resolution_graph_iri(base))
    quads: list[Quad] = []
    integer = NamedNode(str(XSD.integer))
    multi = 0
    rows = store.select(_SUPPORT)
    for row in rows:
        n = int(row["n"].value)
        multi += n >= 2
        quads.append(Quad(row["claim"], NamedNode(str(CG.supportCount)), Literal(str(n), datatype=integer), graph))

    groups: dict[tuple[str, str], list[tuple[NamedNode, _Number]]] = defaultdict(list)
    for row in store.select(_QUANTITIES):
        number = _Number(float(row["q"].value), _true(row.get("approx")), _true(row.get("lower")), _true(row.get("upper")))
        groups[(row["s"].value, row["p"].value)].append((row["claim"], number))
    conflicts = 0
    for members in groups.values():
        members.sort(key=lambda m: m[0].value)
        for i, (ca, na) in enumerate(members):
            for cb, nb in members[i + 1 :]:
                if ca != cb and quantities_conflict(na, nb):
                    conflicts += 1
                    reason = Literal(f"incompatible numbers: {na.value:g} vs {nb.value:g}")
                    for x, y in ((ca, cb), (cb, ca)):
                        quads.append(Quad(x, NamedNode(str(CG.conflictsWith)), y, graph))
                        quads.append(Quad(x, NamedNode(str(CG.conflictReason)), reason, graph))
    store.replace_graph(graph, quads)
    return ResolveReport(len(rows), multi, conflicts)
