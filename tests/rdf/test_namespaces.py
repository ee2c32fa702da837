"""kg/rdf/namespaces.py against ontologies/claimgraph.ttl and ontologies/shapes.ttl.

The vocabulary is declared twice (Python for code, Turtle for users and tools); these
tests keep the two in step in both directions and check the ontology says what
DESIGN.md promises about reuse.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS

import kg
from kg.rdf.namespaces import CG, OA, PREFIXES, SCHEMA

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY = ROOT / "ontologies" / "claimgraph.ttl"
SHAPES = ROOT / "ontologies" / "shapes.ttl"
CG_NS = str(CG._NS)
VANN = "http://purl.org/vocab/vann/"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"

#: The kinds a cg: term can be declared as.
# rdf:Property for the few terms whose values are entities or literals (cg:argument)
KINDS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual, RDF.Property}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


def cg_terms() -> set[str]:
    """Every name listed in ``class CG``."""
    return {name for name in CG.__annotations__}


def declared(graph: Graph) -> set[str]:
    """Local names of every cg: IRI that the ontology describes (any subject in the namespace)."""
    return {str(s)[len(CG_NS) :] for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(CG_NS)}


def mentioned(graph: Graph) -> set[str]:
    """Local names of every cg: IRI used anywhere in a graph."""
    names = set()
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef) and str(term).startswith(CG_NS):
                names.add(str(term)[len(CG_NS) :])
    return names


def test_every_cg_term_is_in_the_ontology(onto):
    missing = cg_terms() - declared(onto)
    assert not missing, f"in namespaces.CG but not described in claimgraph.ttl: {sorted(missing)}"


def test_every_ontology_term_is_in_cg(onto):
    extra = declared(onto) - cg_terms()
    assert not extra, f"described in claimgraph.ttl but missing from namespaces.CG: {sorted(extra)}"


def test_the_ontology_refers_to_no_undeclared_cg_term(onto):
    assert mentioned(onto) <= declared(onto)


def test_the_shapes_use_only_declared_cg_terms(shapes):
    unknown = mentioned(shapes) - cg_terms()
    assert not unknown, f"shapes.ttl uses cg: terms that CG does not declare: {sorted(unknown)}"


@pytest.mark.parametrize("name", sorted(cg_terms()))
def test_each_term_has_one_english_label_and_a_real_comment(onto, name):
    term = CG[name]
    labels = list(onto.objects(term, RDFS.label))
    comments = list(onto.objects(term, RDFS.comment))
    assert len(labels) == 1 and labels[0].language == "en", labels
    assert len(comments) == 1 and comments[0].language == "en", comments
    assert len(str(comments[0]).split()) >= 5, f"comment of cg:{name} is too short to explain it"


@pytest.mark.parametrize("name", sorted(cg_terms()))
def test_each_term_has_exactly_one_kind(onto, name):
    kinds = set(onto.objects(CG[name], RDF.type)) & KINDS
    assert len(kinds) == 1, f"cg:{name} is declared as {sorted(kinds)}"


@pytest.mark.parametrize(
    ("individuals", "cls"),
    [((CG.Certain, CG.Probable, CG.Possible), CG.CertaintyLevel), ((CG.Positive, CG.Negative), CG.PolarityValue)],
)
def test_value_classes_are_closed_lists_of_their_individuals(onto, individuals, cls):
    for individual in individuals:
        assert (individual, RDF.type, cls) in onto
    members = Collection(onto, onto.value(cls, OWL.oneOf))
    assert tuple(members) == individuals
    assert set(onto.subjects(RDF.type, cls)) == set(individuals)


@pytest.mark.parametrize(
    ("cls", "parents"),
    [
        (CG.Claim, {RDF.Statement, SCHEMA.Claim}),
        (CG.ClaimMention, {OA.Annotation, PROV.Entity}),
        (CG.EntityMention, {OA.Annotation}),
        (CG.Entity, {SCHEMA.Thing}),
        (CG.Relation, {RDF.Property}),
        (CG.CertaintyLevel, {SKOS.Concept}),
        (CG.PolarityValue, {SKOS.Concept}),
    ],
)
def test_classes_reuse_the_standard_vocabularies(onto, cls, parents):
    assert (cls, RDF.type, OWL.Class) in onto
    assert set(onto.objects(cls, RDFS.subClassOf)) == parents


def test_resolution_links_are_symmetric_and_never_reflexive(onto):
    for prop in (CG.conflictsWith, CG.corroborates):
        types = set(onto.objects(prop, RDF.type))
        assert {OWL.ObjectProperty, OWL.SymmetricProperty, OWL.IrreflexiveProperty} <= types
        assert onto.value(prop, RDFS.domain) == CG.Claim
        assert onto.value(prop, RDFS.range) == CG.Claim
    assert (CG.conflictsWith, OWL.propertyDisjointWith, CG.corroborates) in onto


@pytest.mark.parametrize(
    ("prop", "domain", "rng"),
    [
        (CG.certainty, CG.ClaimMention, CG.CertaintyLevel),
        (CG.polarity, CG.ClaimMention, CG.PolarityValue),
        (CG.location, CG.Claim, CG.Entity),
        (CG.demonymOf, CG.Entity, CG.Entity),
        (CG.mentionKind, CG.EntityMention, None),
        (CG.supportCount, CG.Claim, None),
        (CG.cue, CG.ClaimMention, None),
    ],
)
def test_domains_and_ranges(onto, prop, domain, rng):
    assert onto.value(prop, RDFS.domain) == domain
    if rng is not None:
        assert onto.value(prop, RDFS.range) == rng


def test_object_properties_range_over_classes_and_datatype_properties_over_datatypes(onto):
    for prop in onto.subjects(RDF.type, OWL.ObjectProperty):
        rng = onto.value(prop, RDFS.range)
        assert rng is None or (rng, RDF.type, OWL.Class) in onto, prop
    for prop in onto.subjects(RDF.type, OWL.DatatypeProperty):
        rng = onto.value(prop, RDFS.range)
        if isinstance(rng, BNode):  # a union of datatypes
            assert (rng, RDF.type, RDFS.Datatype) in onto, prop
            members = list(Collection(onto, onto.value(rng, OWL.unionOf)))
            assert len(members) >= 2 and all(str(m).startswith(XSD_NS) for m in members), prop
        else:
            assert rng is None or str(rng).startswith(XSD_NS) or rng == RDFS.Literal, prop


def test_the_ontology_header(onto):
    (ontology,) = onto.subjects(RDF.type, OWL.Ontology)
    assert str(ontology) == CG_NS.rstrip("#")
    assert str(onto.value(ontology, OWL.versionInfo)) == kg.__version__
    assert str(onto.value(ontology, OWL.versionIRI)).endswith("/" + kg.__version__)
    assert onto.value(ontology, DCTERMS.license) == URIRef("https://opensource.org/licenses/MIT")
    assert len(str(onto.value(ontology, DCTERMS.description))) > 100
    assert str(onto.value(ontology, URIRef(VANN + "preferredNamespaceUri"))) == PREFIXES["cg"]
    assert str(onto.value(ontology, URIRef(VANN + "preferredNamespacePrefix"))) == "cg"


def test_every_property_shape_explains_itself(shapes):
    shapes_with_constraints = set(shapes.subjects(SH.path, None)) | set(shapes.subjects(RDF.type, SH.SPARQLConstraint))
    assert len(shapes_with_constraints) > 40
    for shape in shapes_with_constraints:
        if isinstance(shape, BNode):  # inner shapes of sh:or / sh:qualifiedValueShape report through their parent
            continue
        assert shapes.value(shape, SH.message), f"{shape} has no sh:message"
    for node_shape in shapes.subjects(RDF.type, SH.NodeShape):
        assert shapes.value(node_shape, SH.message), f"{node_shape} has no sh:message"


@pytest.mark.parametrize("path", [ONTOLOGY, SHAPES], ids=lambda p: p.name)
def test_rdflib_and_oxigraph_read_the_same_triples(path):
    rdflib_graph = Graph().parse(path, format="turtle")
    ox_triples = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(ox_triples) == len(rdflib_graph) > 100

    def ground(triples):
        return {t for t in triples if not any(isinstance(x, (BNode, pyoxigraph.BlankNode)) for x in t)}

    from_ox = {
        tuple(str(x.value) if not isinstance(x, pyoxigraph.Literal) else (x.value, x.language) for x in t)
        for t in ground((q.subject, q.predicate, q.object) for q in ox_triples)
    }
    from_rdflib = {
        tuple(str(x) if not isinstance(x, Literal) else (str(x), x.language) for x in t)
        for t in ground(rdflib_graph)
    }
    assert from_ox == from_rdflib
