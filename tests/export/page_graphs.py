"""Small hand-written claim graphs in the RDF model of DESIGN.md, and a loader.

``SEEDS_TRIG`` retells the seed event (two outlets, one shared claim, one conflict,
an attributed statement, hedged and negated claims, an ``owl:sameAs`` alias);
``XSS_TRIG`` puts markup and script into every text field the page shows.
"""

from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox

from kg.rdf.namespaces import sparql_prologue
from kg.store import Store

PREFIXES = sparql_prologue().replace("PREFIX ", "@prefix ").replace(">\n", "> .\n")

SEEDS_TRIG = PREFIXES + """
@prefix id: <https://w3id.org/claimgraph/id/> .
@prefix e: <https://w3id.org/claimgraph/id/entity/> .
@prefix r: <https://w3id.org/claimgraph/id/relation/> .
@prefix c: <https://w3id.org/claimgraph/id/claim/> .
@prefix da: <https://w3id.org/claimgraph/id/doc/aaaa/> .
@prefix db: <https://w3id.org/claimgraph/id/doc/bbbb/> .

id:doc\\/aaaa {
  id:doc\\/aaaa a schema:NewsArticle ; dct:title "Kim Jong-un pays rare public tribute to North Korean soldiers" ;
      dct:publisher e:guardian ; dct:issued "2025-06-22"^^xsd:date ; dct:source "seeds/000.txt" ; cg:sha256 "aaaa" .
  e:guardian a cg:Entity, schema:NewsMediaOrganization ; skos:prefLabel "Guardian" .
  e:kim-jong-un a cg:Entity, schema:Person ; skos:prefLabel "Kim Jong-un" ; skos:altLabel "Kim" .
  e:hong-min a cg:Entity, schema:Person ; skos:prefLabel "Hong Min" .
  e:kinu a cg:Entity, schema:Organization ; skos:prefLabel "Korea Institute for National Unification" .
  e:north-korea a cg:Entity, schema:Place ; skos:prefLabel "North Korea" ; skos:altLabel "the North" , "Pyongyang" .
  e:russia a cg:Entity, schema:Place ; skos:prefLabel "Russia" .
  e:north-korean-soldiers a cg:Entity, schema:Thing ; skos:prefLabel "North Korean soldiers" .
  e:kcna a cg:Entity, schema:Organization ; skos:prefLabel "KCNA" ; skos:altLabel "Korean Central News Agency" .
  e:coffins a cg:Entity, schema:Thing ; skos:prefLabel "coffins" .
  r:honor a cg:Relation ; rdfs:label "honor" .
  r:send-to a cg:Relation ; rdfs:label "send to" .
  r:suffer a cg:Relation ; rdfs:label "suffer" .
  r:portray a cg:Relation ; rdfs:label "portray" .
  r:be-scholar-at a cg:Relation ; rdfs:label "be scholar at" .
  r:place-hands-on a cg:Relation ; rdfs:label "place hands on" .

  c:honor a cg:Claim ; rdf:subject e:kim-jong-un ; rdf:predicate r:honor ; rdf:object e:north-korean-soldiers ;
      schema:text "Kim Jong-un | honor | North Korean soldiers" .
  e:kim-jong-un r:honor e:north-korean-soldiers .
  c:send a cg:Claim ; rdf:subject e:north-korea ; rdf:predicate r:send-to ; rdf:object e:russia ;
      schema:text "North Korea | send to | Russia" ; cg:quantity 15000 ; cg:unit "soldier" ; cg:approximate true ;
      cg:timeText "since last autumn" .
  e:north-korea r:send-to e:russia .
  c:casualties-a a cg:Claim ; rdf:subject e:north-korea ; rdf:predicate r:suffer ;
      rdf:object "over 4,700 casualties including 600 fatalities" ; cg:quantity 4700 ; cg:lowerBound true ;
      schema:text "North Korea | suffer | over 4,700 casualties including 600 fatalities" .
  c:portray a cg:Claim ; rdf:subject e:north-korea ; rdf:predicate r:portray ; rdf:object e:north-korean-soldiers ;
      schema:text "North Korea | portray | the deceased soldiers" .
  e:north-korea r:portray e:north-korean-soldiers .
  c:scholar a cg:Claim ; rdf:subject e:hong-min ; rdf:predicate r:be-scholar-at ; rdf:object e:kinu ;
      schema:text "Hong Min | be scholar at | Korea Institute for National Unification" .
  e:hong-min r:be-scholar-at e:kinu .

  da:claim\\/10-90-h a cg:ClaimMention, oa:Annotation, prov:Entity ; oa:hasBody c:honor ; oa:hasTarget da:claim\\/10-90-h\\/target ;
      prov:wasAttributedTo e:guardian ; cg:certainty cg:Certain ; cg:polarity cg:Positive ; cg:confidence 0.9 ;
      cg:relationText "has honored" .
  da:claim\\/10-90-h\\/target a oa:SpecificResource ; oa:hasSource id:doc\\/aaaa ;
      oa:hasSelector da:claim\\/10-90-h\\/target\\/pos , da:claim\\/10-90-h\\/target\\/quote .
  da:claim\\/10-90-h\\/target\\/pos a oa:TextPositionSelector ; oa:start 10 ; oa:end 90 .
  da:claim\\/10-90-h\\/target\\/quote a oa:TextQuoteSelector ;
      oa:exact "Kim Jong-un has honored North Korean soldiers who died in Russia's war with Ukraine." .

  da:claim\\/100-180-s a cg:ClaimMention, oa:Annotation, prov:Entity ; oa:hasBody c:send ; oa:hasTarget da:claim\\/100-180-s\\/target ;
      prov:wasAttributedTo e:guardian ; cg:certainty cg:Probable ; cg:cue "reportedly" ; cg:polarity cg:Positive ;
      cg:relationText "has reportedly sent" .
  da:claim\\/100-180-s\\/target a oa:SpecificResource ; oa:hasSource id:doc\\/aaaa ;
      oa:hasSelector da:claim\\/100-180-s\\/target\\/pos , da:claim\\/100-180-s\\/target\\/quote .
  da:claim\\/100-180-s\\/target\\/pos a oa:TextPositionSelector ; oa:start 100 ; oa:end 180 .
  da:claim\\/100-180-s\\/target\\/quote a oa:TextQuoteSelector ;
      oa:exact "North Korea has reportedly sent about 15,000 soldiers to Russia since last autumn." .

  da:claim\\/200-280-c a cg:ClaimMention, oa:Annotation, prov:Entity ; oa:hasBody c:casualties-a ;
      oa:hasTarget da:claim\\/200-280-c\\/target ; prov:wasAttributedTo e:guardian ; cg:certainty cg:Certain ;
      cg:polarity cg:Positive ; cg:relationText "has suffered" .
  da:claim\\/200-280-c\\/target a oa:SpecificResource ; oa:hasSource id:doc\\/aaaa ;
      oa:hasSelector da:claim\\/200-280-c\\/target\\/quote .
  da:claim\\/200-280-c\\/target\\/quote a oa:TextQuoteSelector ;
      oa:exact "The North has suffered over 4,700 casualties including 600 fatalities." .

  da:claim\\/300-400-p a cg:ClaimMention, oa:Annotation, prov:Entity ; oa:hasBody c:portray ; oa:hasTarget da:claim\\/300-400-p\\/target ;
      prov:wasAttributedTo e:hong-min ; cg:cue "told" ; cg:certainty cg:Probable ; cg:polarity cg:Positive ;
      cg:relationText "wished to portray" .
  da:claim\\/300-400-p\\/target a oa:SpecificResource ; oa:hasSource id:doc\\/aaaa ;
      oa:hasSelector da:claim\\/300-400-p\\/target\\/quote .
  da:claim\\/300-400-p\\/target\\/quote a oa:TextQuoteSelector ;
      oa:exact "Hong Min, a senior scholar at the Korea Institute for National Unification, told Yonhap that North Korea likely wished to portray the deceased soldiers as heroes." .

  da:claim\\/300-400-q a cg:ClaimMention, oa:Annotation, prov:Entity ; oa:hasBody c:scholar ; oa:hasTarget da:claim\\/300-400-q\\/target ;
      prov:wasAttributedTo e:guardian ; cg:certainty cg:Certain ; cg:polarity cg:Positive .
  da:claim\\/300-400-q\\/target a oa:SpecificResource ; oa:hasSource id:doc\\/aaaa ;
      oa:hasSelector da:claim\\/300-400-q\\/target\\/quote .
  da:claim\\/300-400-q\\/target\\/quote a oa:TextQuoteSelector ;
      oa:exact "Hong Min, a senior scholar at the Korea Institute for National Unification, told Yonhap that North Korea likely wished to portray the deceased soldiers as heroes." .

  da:mention\\/0-11 a cg:EntityMention, oa:Annotation ; oa:hasBody e:kim-jong-un ; oa:hasTarget da:mention\\/0-11\\/target ;
      cg:mentionKind "name" .
  da:mention\\/0-11\\/target a oa:SpecificResource ; oa:hasSource id:doc\\/aaaa .
  da:mention\\/300-308 a cg:EntityMention, oa:Annotation ; oa:hasBody e:hong-min ; oa:hasTarget da:mention\\/300-308\\/target .
  da:mention\\/300-308\\/target a oa:SpecificResource ; oa:hasSource id:doc\\/aaaa .
}

id:doc\\/bbbb {
  id:doc\\/bbbb a schema:NewsArticle ; dct:title "Kim Jong-un publicly honors fallen North Korean soldiers" ;
      dct:publisher e:korea-herald ; dct:source "seeds/002.txt" ; cg:sha256 "bbbb" .
  e:korea-herald a cg:Entity, schema:NewsMediaOrganization ; skos:prefLabel "Korea Herald" .
  e:kim-jong-un a cg:Entity, schema:Person ; skos:prefLabel "Kim Jong-un" ; skos:altLabel "Kim Jong Un" .
  e:dprk a cg:Entity, schema:Place ; skos:prefLabel "the DPRK" .
  e:north-korean-soldiers a cg:Entity, schema:Thing ; skos:prefLabel "North Korean soldiers" .
  e:russia a cg:Entity, schema:Place ; skos:prefLabel "Russia" .
  e:kcna a cg:Entity, schema:Organization ; skos:prefLabel "KCNA" .
  e:coffins a cg:Entity, schema:Thing ; skos:prefLabel "coffins" .
  r:honor a cg:Relation ; rdfs:label "honor" .
  r:send-to a cg:Relation ; rdfs:label "send to" .
  r:suffer a cg:Relation ; rdfs:label "suffer" .
  r:place-hands-on a cg:Relation ; rdfs:label "place hands on" .
  r:confirm a cg:Relation ; rdfs:label "confirm" .

  c:honor a cg:Claim ; rdf:subject e:kim-jong-un ; rdf:predicate r:honor ; rdf:object e:north-korean-soldiers ;
      schema:text "Kim Jong-un | honor | North Korean soldiers" .
  c:send a cg:Claim ; rdf:subject e:north-korea ; rdf:predicate r:send-to ; rdf:object e:russia .
  c:casualties-b a cg:Claim ; rdf:subject e:dprk ; rdf:predicate r:suffer ;
      rdf:object "600 dead and another 4,700 wounded" ; cg:quantity 600 ;
      schema:text "the DPRK | suffer | 600 dead and another 4,700 wounded" .
  c:hands a cg:Claim ; rdf:subject e:kim-jong-un ; rdf:predicate r:place-hands-on ; rdf:object e:coffins ;
      schema:text "Kim Jong-un | place hands on | coffins" .
  e:kim-jong-un r:place-hands-on e:coffins .
  c:confirm a cg:Claim ; rdf:subject e:dprk ; rdf:predicate r:confirm ; rdf:object "the number of its dead" ;
      schema:text "the DPRK | not confirm | the number of its dead" .

  db:claim\\/5-60-h a cg:ClaimMention, oa:Annotation, prov:Entity ; oa:hasBody c:honor ; oa:hasTarget db:claim\\/5-60-h\\/target ;
      prov:wasAttributedTo e:korea-herald ; cg:certainty cg:Certain ; cg:polarity cg:Positive .
  db:claim\\/5-60-h\\/target a oa:SpecificResource ; oa:hasSource id:doc\\/bbbb ;
      oa:hasSelector db:claim\\/5-60-h\\/target\\/quote .
  db:claim\\/5-60-h\\/target\\/quote a oa:TextQuoteSelector ; oa:exact "Kim Jong-un publicly honors fallen North Korean soldiers" .

  db:claim\\/70-120-s a cg:ClaimMention, oa:Annotation, prov:Entity ; oa:hasBody c:send ; oa:hasTarget db:claim\\/70-120-s\\/target ;
      prov:wasAttributedTo e:korea-herald ; cg:certainty cg:Certain ; cg:polarity cg:Positive .
  db:claim\\/70-120-s\\/target a oa:SpecificResource ; oa:hasSource id:doc\\/bbbb ;
      oa:hasSelector db:claim\\/70-120-s\\/target\\/quote .
  db:claim\\/70-120-s\\/target\\/quote a oa:TextQuoteSelector ; oa:exact "Pyongyang sent some 15,000 troops to Russia last autumn." .

  db:claim\\/130-190-c a cg:ClaimMention, oa:Annotation, prov:Entity ; oa:hasBody c:casualties-b ;
      oa:hasTarget db:claim\\/130-190-c\\/target ; prov:wasAttributedTo e:korea-herald ; cg:certainty cg:Certain ;
      cg:polarity cg:Positive .
  db:claim\\/130-190-c\\/target a oa:SpecificResource ; oa:hasSource id:doc\\/bbbb ;
      oa:hasSelector db:claim\\/130-190-c\\/target\\/quote .
  db:claim\\/130-190-c\\/target\\/quote a oa:TextQuoteSelector ;
      oa:exact "About 600 North Korean soldiers have died and another 4,700 were wounded." .

  db:claim\\/200-260-k a cg:ClaimMention, oa:Annotation, prov:Entity ; oa:hasBody c:hands ; oa:hasTarget db:claim\\/200-260-k\\/target ;
      prov:wasAttributedTo e:kcna ; cg:cue "according to" ; cg:certainty cg:Certain ; cg:polarity cg:Positive .
  db:claim\\/200-260-k\\/target a oa:SpecificResource ; oa:hasSource id:doc\\/bbbb ;
      oa:hasSelector db:claim\\/200-260-k\\/target\\/quote .
  db:claim\\/200-260-k\\/target\\/quote a oa:TextQuoteSelector ;
      oa:exact "Kim placed his hands on the coffins, according to KCNA." .

  db:claim\\/300-350-n a cg:ClaimMention, oa:Annotation, prov:Entity ; oa:hasBody c:confirm ; oa:hasTarget db:claim\\/300-350-n\\/target ;
      prov:wasAttributedTo e:korea-herald ; cg:certainty cg:Possible ; cg:polarity cg:Negative .
  db:claim\\/300-350-n\\/target a oa:SpecificResource ; oa:hasSource id:doc\\/bbbb ;
      oa:hasSelector db:claim\\/300-350-n\\/target\\/quote .
  db:claim\\/300-350-n\\/target\\/quote a oa:TextQuoteSelector ;
      oa:exact "Pyongyang may never confirm the number of its dead." .
}

id:graph\\/resolution {
  c:honor cg:supportCount 2 .
  c:send cg:supportCount 2 .
  c:casualties-a cg:supportCount 1 ; cg:conflictsWith c:casualties-b ;
      cg:conflictReason "different casualty figures: 4,700 vs 600" .
  c:casualties-b cg:supportCount 1 .
  c:portray cg:supportCount 1 .
  c:scholar cg:supportCount 1 .
  c:hands cg:supportCount 1 .
  c:confirm cg:supportCount 1 .
  e:dprk owl:sameAs e:north-korea .
  c:honor cg:corroborates c:honor .
}
"""

XSS = {
    "title": '<img src=x onerror="window.__xss=1">Doc',
    "publisher": "</script><script>window.__xss=1</script>",
    "label": "<script>window.__xss=1</script>",
    "alt": '"><img src=x onerror=window.__xss=1>',
    "object": "</script><svg onload=window.__xss=1>",
    "relation": "<svg onload=window.__xss=1>",
    "quote": "He said </script><img src=x onerror=window.__xss=1> and \u2028 left & \u2029 came <!-- back.",
    "literal": "<b onmouseover=window.__xss=1>bold</b>",
    "cue": "<iframe src=javascript:window.__xss=1>",
    "reason": "<img src=x onerror=window.__xss=1>",
}


def _lit(text: str) -> str:
    """A Turtle string literal for ``text``."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


XSS_TRIG = PREFIXES + f"""
@prefix e: <https://w3id.org/claimgraph/id/entity/> .
@prefix c: <https://w3id.org/claimgraph/id/claim/> .
@prefix d: <https://w3id.org/claimgraph/id/doc/> .
d:x {{
  d:x a schema:NewsArticle ; dct:title {_lit(XSS["title"])} ; dct:publisher e:pub ; dct:source "x.html" .
  e:pub a cg:Entity, schema:NewsMediaOrganization ; skos:prefLabel {_lit(XSS["publisher"])} .
  e:evil a cg:Entity, schema:Person ; skos:prefLabel {_lit(XSS["label"])} ; skos:altLabel {_lit(XSS["alt"])} .
  e:other a cg:Entity, schema:Organization ; skos:prefLabel {_lit(XSS["object"])} .
  <https://w3id.org/claimgraph/id/relation/x> a cg:Relation ; rdfs:label {_lit(XSS["relation"])} .
  c:x1 a cg:Claim ; rdf:subject e:evil ; rdf:predicate <https://w3id.org/claimgraph/id/relation/x> ;
      rdf:object e:other ; schema:text {_lit(XSS["label"])} ; cg:argument {_lit(XSS["literal"])} .
  c:x2 a cg:Claim ; rdf:subject e:evil ; rdf:predicate <https://w3id.org/claimgraph/id/relation/x> ;
      rdf:object {_lit(XSS["literal"])} .
  d:x\\/m1 a cg:ClaimMention ; oa:hasBody c:x1 ; oa:hasTarget d:x\\/m1\\/t ; prov:wasAttributedTo e:evil ;
      cg:cue {_lit(XSS["cue"])} ; cg:relationText {_lit(XSS["relation"])} .
  d:x\\/m1\\/t oa:hasSource d:x ; oa:hasSelector d:x\\/m1\\/q .
  d:x\\/m1\\/q oa:exact {_lit(XSS["quote"])} .
  d:x\\/m2 a cg:ClaimMention ; oa:hasBody c:x2 ; oa:hasTarget d:x\\/m2\\/t ; prov:wasAttributedTo e:pub .
  d:x\\/m2\\/t oa:hasSource d:x ; oa:hasSelector d:x\\/m2\\/q .
  d:x\\/m2\\/q oa:exact {_lit(XSS["quote"])} .
}}
<https://w3id.org/claimgraph/id/graph/resolution> {{
  c:x1 cg:conflictsWith c:x2 ; cg:conflictReason {_lit(XSS["reason"])} .
}}
"""


def load_trig(trig: str) -> Store:
    """An in-memory store holding ``trig``, one ``replace_graph`` per named graph."""
    graphs: dict[ox.NamedNode, list[ox.Quad]] = defaultdict(list)
    for quad in ox.parse(trig.encode("utf-8"), format=ox.RdfFormat.TRIG):
        graphs[quad.graph_name].append(quad)
    store = Store()
    for graph, quads in graphs.items():
        store.replace_graph(graph, quads)
    return store

