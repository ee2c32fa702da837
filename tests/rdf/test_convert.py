"""Extraction -> quads: the one-place claims and the claim text."""

from __future__ import annotations

from kg.model import Argument, Claim, Document, Entity, Extraction
from kg.rdf.convert import extraction_to_quads
from kg.rdf.namespaces import RDF, SCHEMA, XSD

BASE = "http://ex.org/"


def _quads(claim: Claim, text: str):
    doc = Document(text=text, source="a.txt", publisher="Daily")
    ex = Extraction(doc, ((0, len(text)),), (Entity("talk", "talks"),), (), (claim,))
    return extraction_to_quads(ex, BASE)


def test_one_place_claim_says_true_not_an_empty_literal():
    text = "The talks have collapsed."
    claim = Claim(subject=Argument("The talks", 0, 9, entity="talk"), relation="collapse", object=None,
                  sentence=(0, len(text)), relation_text="have collapsed")
    quads = _quads(claim, text)
    objects = [q.object for q in quads if q.predicate.value == str(RDF.object)]
    assert len(objects) == 1 and objects[0].value == "true" and objects[0].datatype.value == str(XSD.boolean)
    assert not [q for q in quads if q.object.value == "" and not q.predicate.value.endswith("exact")]
    texts = [q.object.value for q in quads if q.predicate.value == str(SCHEMA.text)]
    assert texts == ["talks collapse"]
    direct = [q for q in quads if q.predicate.value.endswith("/collapse") and q.subject.value.endswith("/talk")]
    assert direct and direct[0].object.value == "true"
