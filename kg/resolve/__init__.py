"""Resolve: the cross-document stage, computed over the whole store.

The only stage that looks across documents. It reads the union of the document graphs
with SPARQL and rewrites the resolution graph (``<base>graph/resolution``) from scratch,
so it is correct after an incremental add, idempotent, and works on a store built
elsewhere (another machine, a Ray cluster). Document graphs are never changed: an
entity keeps the IRI its document gave it, and identities found across documents are
``owl:sameAs`` links.

What the resolution graph holds:

- entities (:mod:`kg.resolve.entities`): for each cluster of entity IRIs that name one
  thing, ``<member> owl:sameAs <canonical>`` and ``<canonical> owl:sameAs <member>`` for
  every other member (a star around the canonical member: the most mentioned, fullest
  name), ``<canonical> skos:altLabel`` for every label of every member, ``<demonym>
  cg:demonymOf <country>`` ("North Korean" -> North Korea), and ``owl:sameAs`` to the
  external IRIs of the alias file;
- claims (:mod:`kg.resolve.claims`): ``cg:corroborates`` both ways between claims that
  state the same thing in different words, ``cg:supportCount`` (distinct original sources
  of the claim and its corroborators), ``cg:conflictsWith`` both ways with a
  ``cg:conflictReason``, and ``<claim mention> prov:hadPrimarySource <outlet>`` when a
  mention reports another outlet's story ("..., The Guardian reports").

>>> from kg.store import Store
>>> report = resolve(Store(), "http://ex.org/")
>>> report.entities, report.conflicts
(0, 0)
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, Quad

from kg.memory import release_free_memory
from kg.rdf import terms
from kg.rdf.namespaces import CG, OWL, PROV, SKOS, XSD
from kg.resolve.aliases import AliasRule, load_aliases
from kg.resolve.claims import (ClaimResolution, number_interval, numbers_conflict, read_claims,
                               resolve_claim_blocks, resolve_claims)
from kg.resolve.entities import EntityResolution, read_entities, resolve_entities
from kg.resolve.names import normalise
from kg.store import Store

__all__ = [
    "AliasRule",
    "ResolveReport",
    "load_aliases",
    "number_interval",
    "numbers_conflict",
    "resolve",
    "resolve_claims",
    "resolve_entities",
]

_OUTLET_SUFFIXES = (("news", "agency"), ("news", "service"), ("press", "agency"), ("news",))


@dataclass(frozen=True)
class ResolveReport:
    """Counts of what one resolution found."""

    entities: int = 0  # entity IRIs read
    merged: int = 0  # entity IRIs linked to another by owl:sameAs
    claims_supported: int = 0
    multi_source_claims: int = 0
    corroborations: int = 0  # pairs
    conflicts: int = 0  # pairs


def _n(iri) -> NamedNode:
    return NamedNode(str(iri))


def resolve(
    store: Store,
    base: str,
    *,
    aliases: Sequence[AliasRule] | str | os.PathLike[str] | None = None,
) -> ResolveReport:
    """Recompute the resolution graph of ``store`` (see the module docstring).

    ``aliases`` is an alias file path or already-loaded rules
    (:func:`kg.resolve.aliases.load_aliases`); a bad file raises :class:`kg.errors.InputError`
    before the store is touched.
    """
    rules: Sequence[AliasRule] = ()
    if aliases is not None:
        rules = load_aliases(aliases) if isinstance(aliases, (str, os.PathLike)) else tuple(aliases)
    graph_iri = terms.resolution_graph_iri(base)
    graph = NamedNode(graph_iri)
    records = read_entities(store, graph_iri)
    release_free_memory()  # the reads' native buffers (Oxigraph's joins), before the rules' tables grow
    entities = resolve_entities(records, rules)
    outlets = _outlets(records, entities)
    counts = {"entities": len(records), "merged": sum(1 for iri, c in entities.canonical.items() if iri != c)}

    def quads() -> Iterator[Quad]:
        nonlocal records
        yield from _entity_quads(records, entities, graph)
        # read claims only now, without the entity records and clusters: the claim rules need only the
        # entities that were merged (an IRI missing from ``canonical`` is its own canonical IRI)
        records = []
        canonical = {iri: c for iri, c in entities.canonical.items() if iri != c}
        entities.canonical, entities.clusters, entities.reasons = {}, {}, {}
        release_free_memory()  # (the entity records and clusters, freed just now)
        claims, mentions = read_claims(store)
        release_free_memory()
        for part in resolve_claim_blocks(claims, mentions, canonical, outlets):
            counts["supported"] = counts.get("supported", 0) + len(part.support)
            counts["multi"] = counts.get("multi", 0) + sum(1 for n in part.support.values() if n >= 2)
            counts["corroborates"] = counts.get("corroborates", 0) + len(part.corroborates)
            counts["conflicts"] = counts.get("conflicts", 0) + len(part.conflicts)
            yield from _claim_quads(part, graph)

    # the graph is written in chunks as it is made: its corroborations grow with the square of the copies
    # of a claim, so it is never held whole; a first write goes straight into the graph (no update as big
    # as the graph; a kill leaves a partial graph, which the next resolve replaces: see Store.replace_graph)
    store.replace_graph(graph, quads(), atomic=False)
    return ResolveReport(
        entities=counts["entities"],
        merged=counts["merged"],
        claims_supported=counts.get("supported", 0),
        multi_source_claims=counts.get("multi", 0),
        corroborations=counts.get("corroborates", 0) // 2,
        conflicts=counts.get("conflicts", 0) // 2,
    )


def _outlets(records, entities: EntityResolution) -> set[str]:
    """Canonical IRIs of news outlets: publishers, news organisations, names ending in "News (Agency)"."""
    found = set()
    for r in records:
        words = tuple(normalise(r.prefs[0]).split()) if r.prefs else ()
        named_outlet = r.kind != "thing" and any(len(words) > len(s) and words[-len(s):] == s
                                                 for s in _OUTLET_SUFFIXES)
        if r.publisher or "NewsMediaOrganization" in r.types or named_outlet:
            found.add(entities.canonical[r.iri])
    return found


def _entity_quads(records, entities: EntityResolution, graph: NamedNode):
    same_as, alt, demonym = _n(OWL.sameAs), _n(SKOS.altLabel), _n(CG.demonymOf)
    # (only the members of clusters of two or more: most entities are alone, and their labels write nothing)
    clusters, canonical_of = entities.clusters, entities.canonical
    by_iri = {r.iri: r for r in records if len(clusters[canonical_of[r.iri]]) > 1}
    for canonical, members in sorted(entities.clusters.items()):
        if len(members) < 2:
            continue
        c = NamedNode(canonical)
        own = set(by_iri[canonical].prefs)
        labels = sorted({label for m in members for label in by_iri[m].labels} - own)
        for member in members:
            if member != canonical:
                yield Quad(NamedNode(member), same_as, c, graph)
                yield Quad(c, same_as, NamedNode(member), graph)
        for label in labels:
            yield Quad(c, alt, Literal(label), graph)
    for a, b in entities.demonyms:
        yield Quad(NamedNode(a), demonym, NamedNode(b), graph)
    for a, external in entities.external:
        yield Quad(NamedNode(a), same_as, NamedNode(external), graph)


def _claim_quads(result: ClaimResolution, graph: NamedNode):
    integer = _n(XSD.integer)
    for claim, n in sorted(result.support.items()):
        yield Quad(NamedNode(claim), _n(CG.supportCount), Literal(str(n), datatype=integer), graph)
    for a, b in sorted(result.corroborates):
        yield Quad(NamedNode(a), _n(CG.corroborates), NamedNode(b), graph)
    for (a, b), reason in sorted(result.conflicts.items()):
        yield Quad(NamedNode(a), _n(CG.conflictsWith), NamedNode(b), graph)
        yield Quad(NamedNode(a), _n(CG.conflictReason), Literal(reason), graph)
    for mention, outlet in sorted(result.primary_sources.items()):
        yield Quad(NamedNode(mention), _n(PROV.hadPrimarySource), NamedNode(outlet), graph)
