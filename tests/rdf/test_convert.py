"""Extraction -> quads: the one-place claims, the claim text and a claim mention's span."""

from __future__ import annotations

from kg.model import Argument, Claim, Document, Entity, EntityMention, Extraction
from kg.rdf.convert import extraction_to_quads
from kg.rdf.namespaces import CG, OA, RDF, SCHEMA, XSD

BASE = "http://ex.org/"
DCT_SOURCE = "http://purl.org/dc/terms/source"


def _quads(claim: Claim, text: str, mentions: tuple[EntityMention, ...] = ()):
    doc = Document(text=text, source="a.txt", publisher="Daily")
    ex = Extraction(doc, ((0, len(text)),), (Entity("talk", "talks"),), mentions, (claim,))
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


def test_claim_mention_carries_its_selectors_span():
    # cg:start, cg:end, cg:exact on the claim mention repeat its target's selectors (the evidence query reads them)
    text = "Intro. Kim sent 15,000 troops to Russia. Later."
    start, end = 7, 40
    claim = Claim(subject=Argument("Kim", 7, 10, entity="talk"), relation="send",
                  object=Argument("15,000 troops", 16, 29), sentence=(start, end), relation_text="sent")
    quads = _quads(claim, text, (EntityMention("talk", 7, 10, "Kim"),))

    def objects(subject, predicate):
        return [q.object for q in quads if q.subject == subject and q.predicate.value == str(predicate)]

    mentions = [q.subject for q in quads if q.predicate.value == str(RDF.type) and q.object.value == str(CG.ClaimMention)]
    assert len(mentions) == 1
    m = mentions[0]
    (target,) = objects(m, OA.hasTarget)
    selectors = objects(target, OA.hasSelector)
    span = {p: [o for sel in selectors for o in objects(sel, getattr(OA, p))] for p in ("start", "end", "exact")}
    assert [o.value for o in span["exact"]] == [text[start:end]] == ["Kim sent 15,000 troops to Russia."]
    for name in ("start", "end", "exact"):
        assert objects(m, getattr(CG, name)) == span[name], name
    assert objects(m, CG.start)[0].datatype.value == str(XSD.integer)
    assert [int(o.value) for o in objects(m, CG.start) + objects(m, CG.end)] == [start, end]
    # on the claim mention only: an entity mention keeps its span on its selectors alone
    assert [q.object.value for q in quads if q.predicate.value == str(OA.exact)] == ["Kim", text[start:end]]
    assert {q.subject for q in quads if q.predicate.value == str(CG.exact)} == {m}


def _talks_claim(text: str, speaker: str | None = None) -> Claim:
    return Claim(subject=Argument("The talks", 0, 9, entity="talk"), relation="collapse", object=None,
                 sentence=(0, len(text)), relation_text="have collapsed", speaker=speaker)


def test_a_document_without_a_publisher_gets_one_of_its_own_never_named_after_its_file():
    text = "The talks have collapsed."
    publishers = []
    for source in ("feeds/ostrel-star.txt", "other/ostrel-star.txt"):
        ex = Extraction(Document(text=text + " " + source, source=source), ((0, len(text)),),
                        (Entity("talk", "talks"),), (), (_talks_claim(text),))
        quads = extraction_to_quads(ex, BASE)
        doc = next(q.subject for q in quads if q.predicate.value == str(DCT_SOURCE))
        [pub] = [q.object for q in quads if q.predicate.value == "http://purl.org/dc/terms/publisher"]
        assert pub.value == doc.value + "/publisher"  # the document's own, not entity/ostrel-star
        labels = [q.object.value for q in quads if q.subject == pub and q.predicate.value.endswith("prefLabel")]
        assert labels == [f"unknown publisher of {source}"]
        assert {q.object.value for q in quads if q.subject == pub and q.predicate.value == str(RDF.type)} == \
            {str(CG.Entity), str(SCHEMA.NewsMediaOrganization)}
        # the article's own voice is its publisher's, as for a named one
        assert [q.object for q in quads if q.predicate.value.endswith("wasAttributedTo")] == [pub]
        publishers.append(pub)
    assert publishers[0] != publishers[1]  # two files named alike are two sources


def test_a_url_names_the_publisher_when_no_publisher_is_given():
    text = "The talks have collapsed."
    doc = Document(text=text, source="a.html", url="https://www.ostrelstar.example/politics/1")
    quads = extraction_to_quads(Extraction(doc, ((0, len(text)),), (Entity("talk", "talks"),), (),
                                           (_talks_claim(text),)), BASE)
    publisher = [q.object for q in quads if q.predicate.value == "http://purl.org/dc/terms/publisher"]
    assert len(publisher) == 1
    assert [q.object.value for q in quads if q.subject == publisher[0] and q.predicate.value.endswith("prefLabel")] \
        == ["ostrelstar.example"]
    assert [q.object for q in quads if q.predicate.value.endswith("wasAttributedTo")] == publisher
