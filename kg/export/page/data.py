"""What the graph page shows, read from the store by SPARQL.

The page never sees RDF: :func:`collect_page_data` runs a handful of SELECT queries
over the union graph (the RDF model of DESIGN.md is the interface) and returns plain
frozen records. Entities linked by ``owl:sameAs`` are merged into one record so the
page draws one node per thing; claims keep their IRIs so users can query them.

>>> from kg.store import Store
>>> data = collect_page_data(Store())
>>> (len(data.entities), len(data.claims), data.title)
(0, 0, 'claimgraph')
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from pyoxigraph import NamedNode

from kg.rdf.namespaces import CG, SCHEMA
from kg.store import Store

__all__ = [
    "PageClaim",
    "PageConflict",
    "PageData",
    "PageDocument",
    "PageEntity",
    "PageMention",
    "collect_page_data",
    "format_qualifiers",
    "DEFAULT_MAX_NODES",
    "ENTITY_TYPES",
]

#: Above this many entities the page keeps the most supported ones (a browser holds
#: the rest of a million-node graph badly; SPARQL is the tool for those).
DEFAULT_MAX_NODES = 50_000

#: schema.org classes the page knows, most specific first: an entity typed twice
#: (e.g. Organization and NewsMediaOrganization) is shown as the first match.
ENTITY_TYPES = (
    "Person",
    "NewsMediaOrganization",
    "Organization",
    "Place",
    "Event",
    "CreativeWork",
    "Product",
    "Thing",
)

_SCHEMA = str(SCHEMA)
_CG = str(CG._NS)
_CERTAINTY = {f"{_CG}Certain": "certain", f"{_CG}Probable": "probable", f"{_CG}Possible": "possible"}
_POLARITY = {f"{_CG}Positive": "positive", f"{_CG}Negative": "negative"}
_QUALIFIERS = (
    "quantity", "unit", "approximate", "lowerBound", "upperBound", "time", "timeText", "location", "argument",
)

# The default graph is the union of every document graph, and Oxigraph's union is a
# bag: a triple asserted in k graphs matches k times. An entity or claim stated by k
# documents would make a join of j patterns yield k**j rows, so each query below
# matches ONE shared triple pattern (with DISTINCT) and the joins happen in Python.
# Only mention- and document-specific triples, which live in a single graph, are
# joined in SPARQL.
_Q_ENTITIES = "SELECT DISTINCT ?e WHERE { ?e a cg:Entity }"
_Q_TYPES = 'SELECT DISTINCT ?e ?type WHERE { ?e a ?type FILTER(STRSTARTS(STR(?type), "https://schema.org/")) }'
_Q_LABELS = "SELECT DISTINCT ?e ?label WHERE { ?e skos:prefLabel ?label }"
_Q_ALT_LABELS = "SELECT DISTINCT ?e ?alt WHERE { ?e skos:altLabel ?alt }"
# A join of single-pattern subqueries is evaluated by hashing, one scan each: far faster on a big store than
# one index lookup per row, which is how Oxigraph joins plain patterns.
_Q_ENTITY_MENTIONS = """
SELECT ?e ?doc (COUNT(DISTINCT ?m) AS ?n) WHERE {
  { SELECT ?m WHERE { ?m a cg:EntityMention } } { SELECT ?m ?e WHERE { ?m oa:hasBody ?e } }
  { SELECT ?m ?t WHERE { ?m oa:hasTarget ?t } } { SELECT ?t ?doc WHERE { ?t oa:hasSource ?doc } }
} GROUP BY ?e ?doc"""
_Q_SAME_AS = "SELECT DISTINCT ?a ?b WHERE { ?a owl:sameAs ?b . FILTER(isIRI(?a) && isIRI(?b)) }"
_Q_CLAIMS = "SELECT DISTINCT ?c WHERE { ?c a cg:Claim }"
_Q_CLAIM_PARTS = {
    "s": "SELECT DISTINCT ?c ?v WHERE { ?c rdf:subject ?v }",
    "p": "SELECT DISTINCT ?c ?v WHERE { ?c rdf:predicate ?v }",
    "o": "SELECT DISTINCT ?c ?v WHERE { ?c rdf:object ?v }",
    "text": "SELECT DISTINCT ?c ?v WHERE { ?c schema:text ?v }",
    "support": "SELECT DISTINCT ?c ?v WHERE { ?c cg:supportCount ?v }",
}
_Q_RELATION_LABELS = "SELECT DISTINCT ?r ?label WHERE { ?r rdfs:label ?label }"
_Q_QUALIFIERS = """
SELECT DISTINCT ?c ?q ?v WHERE {
  VALUES ?q { %s }
  ?c ?q ?v .
}""" % " ".join(f"cg:{name}" for name in _QUALIFIERS)
_Q_MENTIONS = """
SELECT DISTINCT ?m ?c ?doc ?start ?end ?exact ?speaker ?cue ?certainty ?polarity ?confidence ?reltext WHERE {
  { SELECT ?m WHERE { ?m a cg:ClaimMention } } { SELECT ?m ?c WHERE { ?m oa:hasBody ?c } }
  { SELECT ?m ?t WHERE { ?m oa:hasTarget ?t } } { SELECT ?t ?doc WHERE { ?t oa:hasSource ?doc } }
  OPTIONAL { SELECT ?t ?exact WHERE {
    { SELECT ?t ?qs WHERE { ?t oa:hasSelector ?qs } } { SELECT ?qs ?exact WHERE { ?qs oa:exact ?exact } } } }
  OPTIONAL { SELECT ?t ?start ?end WHERE { { SELECT ?t ?ps WHERE { ?t oa:hasSelector ?ps } }
    { SELECT ?ps ?start WHERE { ?ps oa:start ?start } } { SELECT ?ps ?end WHERE { ?ps oa:end ?end } } } }
  OPTIONAL { SELECT ?m ?speaker WHERE { ?m prov:wasAttributedTo ?speaker } }
  OPTIONAL { SELECT ?m ?cue WHERE { ?m cg:cue ?cue } }
  OPTIONAL { SELECT ?m ?certainty WHERE { ?m cg:certainty ?certainty } }
  OPTIONAL { SELECT ?m ?polarity WHERE { ?m cg:polarity ?polarity } }
  OPTIONAL { SELECT ?m ?confidence WHERE { ?m cg:confidence ?confidence } }
  OPTIONAL { SELECT ?m ?reltext WHERE { ?m cg:relationText ?reltext } }
}"""
_Q_DOCUMENTS = """
SELECT DISTINCT ?d ?title ?source ?issued ?pub WHERE {
  ?d a schema:NewsArticle .
  OPTIONAL { ?d dct:title ?title }
  OPTIONAL { ?d dct:source ?source }
  OPTIONAL { ?d dct:issued ?issued }
  OPTIONAL { ?d dct:publisher ?pub }
}"""
_Q_SOURCES = """SELECT DISTINCT ?d WHERE {
  { SELECT ?t WHERE { ?t a oa:SpecificResource } } { SELECT ?t ?d WHERE { ?t oa:hasSource ?d } } }"""
_Q_CORROBORATES = "SELECT DISTINCT ?a ?b WHERE { ?a cg:corroborates ?b }"
_Q_CONFLICTS = """
SELECT DISTINCT ?a ?b ?reason WHERE {
  ?a cg:conflictsWith ?b OPTIONAL { SELECT ?a ?reason WHERE { ?a cg:conflictReason ?reason } } }"""


@dataclass(frozen=True)
class PageDocument:
    """A source document: where a quoted sentence comes from."""

    iri: str
    title: str = ""
    source: str = ""
    issued: str = ""
    publisher: str = ""
    publisher_label: str = ""


@dataclass(frozen=True)
class PageEntity:
    """One node: an entity, with every IRI merged into it by ``owl:sameAs``."""

    iri: str
    label: str
    type: str = "Thing"
    alt_labels: tuple[str, ...] = ()
    same_as: tuple[str, ...] = ()
    mention_count: int = 0
    documents: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageMention:
    """One source stating a claim: the quoted sentence and who said it, how surely."""

    iri: str
    document: str
    quote: str = ""
    start: int | None = None
    end: int | None = None
    speaker: str = ""
    speaker_label: str = ""
    cue: str = ""
    certainty: str = "certain"
    polarity: str = "positive"
    confidence: float | None = None
    relation_text: str = ""


@dataclass(frozen=True)
class PageConflict:
    """A claim that disagrees with another one, and why (when resolve said why)."""

    claim: str
    reason: str = ""


@dataclass(frozen=True)
class PageClaim:
    """One edge of the page: subject -relation-> object entity, or a literal value."""

    iri: str
    subject: str
    relation: str
    object: str | None = None
    literal: str | None = None
    text: str = ""
    support: int = 1
    qualifiers: tuple[tuple[str, str], ...] = ()
    conflicts: tuple[PageConflict, ...] = ()
    mentions: tuple[PageMention, ...] = ()
    #: The first claim (smallest IRI) of the group this claim belongs to, the claims linked by
    #: ``cg:corroborates`` (one proposition worded differently); "" when it corroborates no other claim.
    corroboration: str = ""


@dataclass(frozen=True)
class PageData:
    """Everything the page shows; ``dropped_entities`` counts what ``max_nodes`` left out."""

    entities: tuple[PageEntity, ...] = ()
    claims: tuple[PageClaim, ...] = ()
    documents: tuple[PageDocument, ...] = ()
    title: str = "claimgraph"
    dropped_entities: int = 0
    dropped_claims: int = 0


def collect_page_data(store: Store, *, max_nodes: int = DEFAULT_MAX_NODES, title: str = "claimgraph") -> PageData:
    """Read entities, claims, their evidence, conflicts and corroborations from ``store``.

    Parameters
    ----------
    store:
        A claim store; its union graph is read (every document graph plus the
        resolution graph).
    max_nodes:
        Keep at most this many entities, the most supported first (claims whose
        subject or object falls out are dropped too; the counts are recorded).
    title:
        The page title.

    Returns
    -------
    PageData, sorted by IRI so that the same store always gives the same page.

    Raises
    ------
    ValueError
        When ``max_nodes`` is not positive.
    """
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be positive, got {max_nodes}")
    entities = _read_entities(store)
    canon = _same_as_groups(store, entities)
    documents = _read_documents(store, entities)
    claims = _read_claims(store, canon)
    _merge_entities(entities, canon)
    mentions = _read_mentions(store, canon, entities)
    quals = _read_qualifiers(store, canon, entities)
    conflicts = _read_conflicts(store)
    groups = _corroboration_groups(store)

    publisher_of = {d.iri: d.publisher or d.iri for d in documents.values()}
    built: list[PageClaim] = []
    for iri, row in sorted(claims.items()):
        ms = tuple(sorted(mentions.get(iri, ()), key=lambda m: (m.document, m.start or 0, m.iri)))
        support = row["support"]
        if support is None:
            support = len({publisher_of.get(m.document, m.document) for m in ms}) or 1
        built.append(
            PageClaim(
                iri=iri,
                subject=row["s"],
                relation=row["relation"],
                object=row["o"],
                literal=row["literal"],
                text=row["text"],
                support=int(support),
                qualifiers=format_qualifiers(quals.get(iri, {})),
                conflicts=tuple(PageConflict(c, r) for c, r in sorted(conflicts.get(iri, {}).items())),
                mentions=ms,
            )
        )

    # Entities worth a node: those in a claim, or speaking one.
    weight: Counter[str] = Counter()
    for c in built:
        weight[c.subject] += c.support
        if c.object:
            weight[c.object] += c.support
        for m in c.mentions:
            if m.speaker:
                weight[m.speaker] += 0.5
    for iri in list(weight):
        if iri not in entities:  # a claim about an IRI that is not typed cg:Entity: still show it
            entities[iri] = _new_entity(iri)
    keep = sorted(weight, key=lambda e: (-weight[e] - 0.01 * sum(entities[e]["docs"].values()), e))
    dropped_entities = max(0, len(keep) - max_nodes)
    kept = set(keep[:max_nodes])
    claims_kept = tuple(c for c in built if c.subject in kept and (c.object is None or c.object in kept))
    kept_ids = {c.iri for c in claims_kept}
    group_of = _kept_groups(claims_kept, groups)
    claims_kept = tuple(
        replace(
            c,
            conflicts=tuple(x for x in c.conflicts if x.claim in kept_ids),
            corroboration=group_of.get(c.iri, ""),
        )
        for c in claims_kept
    )
    page_entities = tuple(_entity_record(iri, entities[iri]) for iri in sorted(kept))
    used_docs = {m.document for c in claims_kept for m in c.mentions}
    return PageData(
        entities=page_entities,
        claims=claims_kept,
        documents=tuple(documents[d] for d in sorted(documents) if d in used_docs),
        title=title,
        dropped_entities=dropped_entities,
        dropped_claims=len(built) - len(claims_kept),
    )


def format_qualifiers(values: dict[str, list[str]]) -> tuple[tuple[str, str], ...]:
    """Readable ``(name, text)`` pairs for a claim's qualifiers.

    >>> format_qualifiers({"quantity": ["15000"], "unit": ["soldier"], "approximate": ["true"],
    ...                    "time": ["2024-10"], "timeText": ["since last autumn"]})
    (('quantity', 'about 15,000 soldier'), ('time', 'since last autumn (2024-10)'))
    >>> format_qualifiers({"quantity": ["4700"], "lowerBound": ["true"], "location": ["Kursk"]})
    (('quantity', 'at least 4,700'), ('location', 'Kursk'))
    """
    out: list[tuple[str, str]] = []
    flag = lambda name: any(v.lower() in ("true", "1") for v in values.get(name, ()))  # noqa: E731
    for q in values.get("quantity", ()):
        prefix = "about " if flag("approximate") else ""
        if flag("lowerBound") and not flag("upperBound"):
            prefix = "at least " + prefix
        elif flag("upperBound") and not flag("lowerBound"):
            prefix = "at most " + prefix
        unit = " ".join(values.get("unit", ()))
        out.append(("quantity", (prefix + _number(q) + (" " + unit if unit else "")).strip()))
    times = values.get("time", ())
    texts = values.get("timeText", ())
    if times or texts:
        shown = ", ".join(texts) if texts else ""
        raw = ", ".join(times)
        out.append(("time", f"{shown} ({raw})" if shown and raw else shown or raw))
    for name in ("location", "argument"):
        for v in values.get(name, ()):
            out.append((name, v))
    return tuple(out)


# -- readers ------------------------------------------------------------------------------
def _value(row: dict[str, Any], name: str, default: str = "") -> str:
    term = row.get(name)
    return term.value if term is not None else default


def _local(iri: str) -> str:
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _new_entity(iri: str) -> dict[str, Any]:
    return {"labels": [], "types": set(), "alts": set(), "same_as": {iri}, "docs": Counter()}


def _read_entities(store: Store) -> dict[str, dict[str, Any]]:
    entities = {_value(row, "e"): _new_entity(_value(row, "e")) for row in store.select(_Q_ENTITIES)}
    for row in store.select(_Q_TYPES):
        rec = entities.get(_value(row, "e"))
        if rec is not None:
            rec["types"].add(_value(row, "type")[len(_SCHEMA):])
    for row in store.select(_Q_LABELS):
        rec = entities.get(_value(row, "e"))
        if rec is not None and _value(row, "label") not in rec["labels"]:
            rec["labels"].append(_value(row, "label"))
    for row in store.select(_Q_ALT_LABELS):
        rec = entities.get(_value(row, "e"))
        if rec is not None:
            rec["alts"].add(_value(row, "alt"))
    for row in store.select(_Q_ENTITY_MENTIONS):
        rec = entities.get(_value(row, "e"))
        if rec is not None:
            rec["docs"][_value(row, "doc")] += int(_value(row, "n", "0"))
    return entities


def _same_as_groups(store: Store, entities: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Map every entity IRI to the representative of its ``owl:sameAs`` group."""
    targets: Counter[str] = Counter()

    def links() -> Iterator[tuple[str, str]]:
        for row in store.select(_Q_SAME_AS):
            a, b = _value(row, "a"), _value(row, "b")
            targets[b] += 1
            yield a, b

    canon: dict[str, str] = {}
    for members in _components(links()):
        # the most mentioned member represents the group; then the one others point to
        known = [m for m in members if m in entities] or members
        rep = min(
            known,
            key=lambda m: (-sum(entities.get(m, {}).get("docs", Counter()).values()), -targets[m], m),
        )
        for m in members:
            canon[m] = rep
    return canon


def _merge_entities(entities: dict[str, dict[str, Any]], canon: dict[str, str]) -> None:
    for iri, rep in canon.items():
        if iri == rep or iri not in entities:
            continue
        src = entities.pop(iri)
        dst = entities.setdefault(rep, _new_entity(rep))
        dst["alts"].update(src["labels"])
        dst["alts"].update(src["alts"])
        dst["types"].update(src["types"])
        dst["same_as"].update(src["same_as"])
        dst["docs"].update(src["docs"])


def _entity_record(iri: str, rec: dict[str, Any]) -> PageEntity:
    labels = sorted(rec["labels"], key=lambda s: (len(s), s))
    label = labels[0] if labels else _local(iri)
    types = [t for t in ENTITY_TYPES if t in rec["types"]]
    alts = (set(rec["alts"]) | set(labels[1:])) - {label}
    return PageEntity(
        iri=iri,
        label=label,
        type=types[0] if types else "Thing",
        alt_labels=tuple(sorted(alts)),
        same_as=tuple(sorted(set(rec["same_as"]) - {iri})),
        mention_count=sum(rec["docs"].values()),
        documents=tuple(sorted(rec["docs"])),
    )


def _label_of(entities: dict[str, dict[str, Any]], iri: str) -> str:
    rec = entities.get(iri)
    if rec and rec["labels"]:
        return sorted(rec["labels"], key=lambda s: (len(s), s))[0]
    return _local(iri)


def _read_claims(store: Store, canon: dict[str, str]) -> dict[str, dict[str, Any]]:
    parts: dict[str, dict[str, list[Any]]] = {name: defaultdict(list) for name in _Q_CLAIM_PARTS}
    for name, query in _Q_CLAIM_PARTS.items():
        for row in store.select(query):
            parts[name][_value(row, "c")].append(row["v"])
    relation_label: dict[str, str] = {}
    for row in store.select(_Q_RELATION_LABELS):
        relation_label.setdefault(_value(row, "r"), _value(row, "label"))
    claims: dict[str, dict[str, Any]] = {}
    for row in store.select(_Q_CLAIMS):
        iri = _value(row, "c")
        s, p, o = parts["s"].get(iri), parts["p"].get(iri), parts["o"].get(iri)
        if not (s and p and o):
            continue  # not a complete proposition: nothing to draw
        subject, predicate, obj = min(s, key=str).value, min(p, key=str).value, min(o, key=str)
        is_iri = isinstance(obj, NamedNode)
        supports = [int(float(v.value)) for v in parts["support"].get(iri, ())]
        texts = sorted(v.value for v in parts["text"].get(iri, ()))
        claims[iri] = {
            "s": canon.get(subject, subject),
            "relation": relation_label.get(predicate) or _local(predicate),
            "o": canon.get(obj.value, obj.value) if is_iri else None,
            "literal": None if is_iri else obj.value,
            "text": texts[0] if texts else "",
            "support": max(supports) if supports else None,
        }
    return claims


def _read_mentions(
    store: Store, canon: dict[str, str], entities: dict[str, dict[str, Any]]
) -> dict[str, list[PageMention]]:
    out: dict[str, dict[str, PageMention]] = defaultdict(dict)
    for row in store.select(_Q_MENTIONS):
        iri = _value(row, "m")
        claim = _value(row, "c")
        if iri in out[claim]:
            continue
        speaker = canon.get(_value(row, "speaker"), _value(row, "speaker"))
        start, end, conf = _value(row, "start"), _value(row, "end"), _value(row, "confidence")
        out[claim][iri] = PageMention(
            iri=iri,
            document=_value(row, "doc"),
            quote=_value(row, "exact"),
            start=int(start) if start else None,
            end=int(end) if end else None,
            speaker=speaker,
            speaker_label=_label_of(entities, speaker) if speaker else "",
            cue=_value(row, "cue"),
            certainty=_CERTAINTY.get(_value(row, "certainty"), "certain"),
            polarity=_POLARITY.get(_value(row, "polarity"), "positive"),
            confidence=float(conf) if conf else None,
            relation_text=_value(row, "reltext"),
        )
    return {c: list(ms.values()) for c, ms in out.items()}


def _read_qualifiers(
    store: Store, canon: dict[str, str], entities: dict[str, dict[str, Any]]
) -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in store.select(_Q_QUALIFIERS):
        name = _value(row, "q")[len(_CG):]
        v = row["v"]
        text = _label_of(entities, canon.get(v.value, v.value)) if isinstance(v, NamedNode) else v.value
        values = out[_value(row, "c")][name]
        if text not in values:
            values.append(text)
    return out


def _read_documents(store: Store, entities: dict[str, dict[str, Any]]) -> dict[str, PageDocument]:
    docs: dict[str, PageDocument] = {}
    for row in store.select(_Q_DOCUMENTS):
        iri = _value(row, "d")
        if iri in docs and docs[iri].title:
            continue
        pub = _value(row, "pub")
        docs[iri] = PageDocument(
            iri=iri,
            title=_value(row, "title"),
            source=_value(row, "source"),
            issued=_value(row, "issued"),
            publisher=pub,
            publisher_label=_label_of(entities, pub) if pub else "",
        )
    for row in store.select(_Q_SOURCES):
        iri = _value(row, "d")
        docs.setdefault(iri, PageDocument(iri=iri))
    return docs


def _read_conflicts(store: Store) -> dict[str, dict[str, str]]:
    """Conflicts both ways round: if A conflicts with B, B conflicts with A."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for row in store.select(_Q_CONFLICTS):
        a, b, reason = _value(row, "a"), _value(row, "b"), _value(row, "reason")
        if a == b:
            continue
        for x, y in ((a, b), (b, a)):
            if not out[x].get(y):
                out[x][y] = reason
    return out


def _kept_groups(claims: tuple[PageClaim, ...], groups: dict[str, str]) -> dict[str, str]:
    """Each kept claim of a group of two or more kept claims -> the group's first kept claim (smallest IRI)."""
    members: dict[str, list[str]] = defaultdict(list)
    for c in claims:
        if c.iri in groups:
            members[groups[c.iri]].append(c.iri)
    return {iri: min(ms) for ms in members.values() if len(ms) > 1 for iri in ms}


def _corroboration_groups(store: Store) -> dict[str, str]:
    """Map every claim linked by ``cg:corroborates`` to a representative of its connected group.

    Groups are connected components (A-B and B-C make one group A, B, C); rows are read as a stream,
    so memory grows with the claims, not with the pairs (which grow with the square of a group's size).
    """
    pairs = ((a.value, b.value) for a, b in store.rows(_Q_CORROBORATES) if a is not None and b is not None)
    return {x: min(members) for members in _components(pairs) for x in members}


def _components(pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    """The connected components of the graph whose edges are ``pairs``, each a list of its nodes.

    A union-find over the pairs as they stream in, so memory grows with the nodes, not the pairs.

    >>> sorted(sorted(c) for c in _components([("a", "b"), ("c", "b"), ("d", "e"), ("f", "f")]))
    [['a', 'b', 'c'], ['d', 'e'], ['f']]
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
    groups: dict[str, list[str]] = defaultdict(list)
    for x in list(parent):
        groups[find(x)].append(x)
    return list(groups.values())


def _number(text: str) -> str:
    """``15000`` -> ``15,000``; anything that is not a number is returned as is."""
    try:
        value = float(text)
    except ValueError:
        return text
    if value.is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}"
