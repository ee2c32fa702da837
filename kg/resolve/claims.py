"""Cross-document claims: which claims are the same, how many sources support them, which conflict.

Two outlets rarely state a claim in the same words. After entity resolution
(:mod:`kg.resolve.entities`), claims whose subject, predicate and object are the same
(IRIs compared through their canonical entity) and whose qualifiers can both be true
("15,000 soldiers" and "about 15,000 soldiers") **corroborate** each other; those whose
numbers or dates cannot both be true **conflict**.

Numbers are read as intervals (:func:`number_interval`), the way news prose means them:

- "about 15,000" (``cg:approximate``): 15,000 give or take :data:`APPROX_TOLERANCE`;
- a round number ("15,000", "600") stands for the values that round to it: half its last
  non-zero digit's unit either way (15,000 covers 14,500-15,500);
- "over 4,700" (``cg:lowerBound``): above 4,700, and not by much: a writer who knew of
  5,300 would say "over 5,000", so the bound reaches :data:`APPROX_TOLERANCE` or one unit of
  its last non-zero digit above it, whichever is more (4,700 < x <= 5,170). Below 100 a bound
  stays open. "under 50" (``cg:upperBound``) mirrors it.

Casualty figures are checked as sums as well, because reports split them differently:
casualties = dead + wounded (:data:`CASUALTY_MEASURES`). One source's "over 4,700
casualties, including 600 dead" implies 4,100-4,570 wounded; another's "600 dead and
another 4,700 wounded" implies 5,300 casualties; the two cannot both be true.

Support counts distinct **original sources**, never mentions: a mention's source is its
document's publisher, unless the mention is attributed (``prov:wasAttributedTo``) to a
news outlet ("..., The Guardian reports"), in which case that outlet is its original
source: wire copy republished by two outlets counts once. The resolution graph records
this as ``<mention> prov:hadPrimarySource <outlet>``.

>>> number_interval(15000, approximate=True)
(13500.0, 16500.0)
>>> number_interval(4700, lower=True)
(4700.000001, 5170.0)
>>> numbers_conflict(number_interval(15000), number_interval(15000, approximate=True))
False
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from kg.resolve.entities import Strings, graph_batches, iri_chunks
from kg.resolve.names import normalise

__all__ = [
    "APPROX_TOLERANCE",
    "CASUALTY_MEASURES",
    "ClaimRecord",
    "ClaimResolution",
    "MentionRecord",
    "claim_blocks",
    "number_interval",
    "numbers_conflict",
    "read_claims",
    "resolve_claim_blocks",
    "resolve_claims",
]

#: Relative tolerance of an approximate number, and how far a bound reaches.
APPROX_TOLERANCE = 0.1
#: Word (unit, object head or predicate) -> the casualty measure it counts.
CASUALTY_MEASURES: dict[str, str] = {
    **dict.fromkeys("dead death fatality fatalities killed kill die died life lives".split(), "killed"),
    **dict.fromkeys("wounded wound injured injury injuries injure".split(), "wounded"),
    **dict.fromkeys("casualty casualties".split(), "casualties"),
}
_EPS = 1e-6
_CASUALTY_PREFIX = "casualty:"
_MEASURE_WORDS = {"killed": "dead", "wounded": "wounded", "casualties": "casualties"}


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """A claim as the store holds it (one ``cg:Claim`` node)."""

    iri: str
    subject: str
    predicate: str
    object: str  # an IRI, or the literal's text
    object_is_iri: bool = True
    predicate_label: str = ""
    text: str = ""
    quantity: float | None = None
    unit: str | None = None
    approximate: bool = False
    lower: bool = False
    upper: bool = False
    time: str | None = None  # ISO lexical form (date, year-month or year)
    location: str | None = None
    polarity: str = "positive"
    object_label: str = ""  # the object entity's preferred label ("" for a literal object)

    @property
    def object_words(self) -> list[str]:
        """The normalised words naming the object: its label, else its text or the end of its IRI.

        An entity IRI may carry a document scope ("entity/dead-b01d8d7a" for a common noun of
        one document): the label never does.
        """
        if self.object_label:
            return normalise(self.object_label).split()
        text = self.object.rsplit("/", 1)[-1].replace("-", " ") if self.object_is_iri else self.object
        return normalise(text).split()


@dataclass(frozen=True, slots=True)
class MentionRecord:
    """One ``cg:ClaimMention``: which claim, in which document, from which publisher, said by whom."""

    iri: str
    claim: str
    document: str
    publisher: str | None = None
    speaker: str | None = None


@dataclass
class ClaimResolution:
    support: dict[str, int]  # claim -> distinct original sources
    corroborates: set[tuple[str, str]]  # both directions
    conflicts: dict[tuple[str, str], str]  # (a, b) -> reason, both directions
    primary_sources: dict[str, str] = field(default_factory=dict)  # mention -> outlet entity


# -- reading the store ---------------------------------------------------------------------
#: A claim's description sits whole in each document graph stating it; matching it inside one graph (GRAPH ?g)
#: keeps the union graph's copies from multiplying across the joined patterns. Each pattern stands alone in a
#: subquery, so Oxigraph joins them by hashing four scans instead of seeking each claim's next triple in an
#: index (see ``kg.resolve.entities._LABELS``: the same answers in half the time); so are the mentions, whose
#: publisher and speaker are left-joined as whole scans too.
_CLAIMS = """
SELECT DISTINCT ?c ?s ?p ?o WHERE {
  { SELECT ?c ?g WHERE { GRAPH ?g { ?c a cg:Claim } } }
  { SELECT ?c ?s ?g WHERE { GRAPH ?g { ?c rdf:subject ?s } } }
  { SELECT ?c ?p ?g WHERE { GRAPH ?g { ?c rdf:predicate ?p } } }
  { SELECT ?c ?o ?g WHERE { GRAPH ?g { ?c rdf:object ?o } } }
}
"""
#: optional properties, read one by one: Oxigraph joins many OPTIONALs slowly
_CLAIM_PROPERTIES = {
    "text": "?c schema:text ?v", "q": "?c cg:quantity ?v",
    "unit": "?c cg:unit ?v", "approx": "?c cg:approximate ?v", "lower": "?c cg:lowerBound ?v",
    "upper": "?c cg:upperBound ?v", "time": "?c cg:time ?v", "loc": "?c cg:location ?v",
}
#: relation labels, read apart from the claims: a path rdf:predicate/rdfs:label over the union graph multiplies
#: the copies of both triples (one per document graph stating them)
#: the preferred labels of entity objects, for the words of a measure ("600 fatalities"): the objects of each
#: batch's claims (the IRI objects of its :data:`_CLAIMS` rows), then the labels of those not seen before (``%s``:
#: their IRIs), over every graph, made distinct (a label is stated in every document graph naming the entity)
_RELATION_LABELS = ("SELECT DISTINCT ?p ?v WHERE { { SELECT DISTINCT ?p WHERE { ?p a cg:Relation } } "
                    "?p rdfs:label ?v }")
_OBJECT_LABELS = "SELECT DISTINCT ?o ?v WHERE { VALUES ?o { %s } ?o skos:prefLabel ?v }"
_NEGATIVE = "SELECT DISTINCT ?c WHERE { ?m oa:hasBody ?c ; cg:polarity cg:Negative }"
_MENTIONS = """
SELECT DISTINCT ?m ?c ?doc ?pub ?who WHERE {
  { SELECT ?m ?c ?doc ?g WHERE {
    { SELECT ?m ?g WHERE { GRAPH ?g { ?m a cg:ClaimMention } } }
    { SELECT ?m ?c ?g WHERE { GRAPH ?g { ?m oa:hasBody ?c } } }
    { SELECT ?m ?t ?g WHERE { GRAPH ?g { ?m oa:hasTarget ?t } } }
    { SELECT ?t ?doc ?g WHERE { GRAPH ?g { ?t oa:hasSource ?doc } } } } }
  OPTIONAL { SELECT ?doc ?pub ?g WHERE { GRAPH ?g { ?doc dct:publisher ?pub } } }
  OPTIONAL { SELECT ?m ?who ?g WHERE { GRAPH ?g { ?m prov:wasAttributedTo ?who } } }
}
"""


def _true(value: str | None) -> bool:
    return value is not None and value in {"true", "1"}


def read_claims(store) -> tuple[list[ClaimRecord], list[MentionRecord]]:
    """Every claim and claim mention of the store (claims sorted by IRI, mentions by IRI, then claim, document,
    publisher and speaker).

    The claims and mentions are read a batch of document graphs at a time
    (:func:`kg.resolve.entities.graph_batches`; their
    queries join scans of one graph: a join of whole-store scans held them all hashed and
    decoded in Oxigraph's native memory, growing with the corpus). The rows are streamed
    (:meth:`kg.store.Store.rows`) and only their lexical values kept, each
    distinct string once (an entity or relation IRI is shared by every claim naming it), so the
    records are all this holds.
    """
    from pyoxigraph import NamedNode

    strings = Strings()
    negative = {c.value for (c,) in store.rows(_NEGATIVE)}
    values: dict[str, dict[str, str]] = {}
    for name, pattern in _CLAIM_PROPERTIES.items():
        found: dict[str, str] = {}
        shared = name in _SHARED_VALUES
        # the value with the smallest lexical form, picked here: ORDER BY costs seconds on a big store
        for c, v in store.rows(f"SELECT DISTINCT ?c ?v WHERE {{ {pattern} }}"):
            c, v = strings[c.value], v.value
            if c not in found or v < found[c]:
                found[c] = strings[v] if shared else v
        values[name] = found
    relation_labels: dict[str, str] = {}
    for p, v in store.rows(_RELATION_LABELS):  # the smallest label, as ORDER BY STR(?v) would give first
        p, v = p.value, v.value
        if p not in relation_labels or v < relation_labels[p]:
            relation_labels[p] = v
    object_labels: dict[str, str] = {}
    claims: dict[str, ClaimRecord] = {}
    text, q, unit, approx, lower, upper, time, loc = (values[name] for name in _CLAIM_PROPERTIES)
    batches = graph_batches(store)
    for batch in batches:
        # a batch's rows, each term's value taken once (``.value`` copies the string out of Oxigraph each time)
        rows = [(strings[c.value], strings[s.value], strings[p.value], strings[o.value], isinstance(o, NamedNode))
                for c, s, p, o in store.rows(_CLAIMS, **batch)]
        new = sorted({o for _, _, _, o, is_iri in rows if is_iri} - object_labels.keys())
        for found in iri_chunks(new):
            for o, v in store.rows(_OBJECT_LABELS % found):
                o, v = o.value, v.value
                if o not in object_labels or v < object_labels[o]:  # the smallest label, as for the relations
                    object_labels[o] = v
        object_labels.update((iri, "") for iri in new if iri not in object_labels)  # (one without: not asked again)
        for iri, s, p, o, is_iri in rows:
            old = claims.get(iri)
            # a claim with two subjects or objects (two documents stating it differently): keep the smallest
            # statement, whatever order the store gives the rows in
            if old is not None and (old.subject, old.predicate, old.object, old.object_is_iri) <= (s, p, o, is_iri):
                continue
            quantity = q.get(iri)
            claims[iri] = ClaimRecord(
                iri=iri,
                subject=s,
                predicate=p,
                object=o,
                object_is_iri=is_iri,
                predicate_label=relation_labels.get(p, ""),
                text=text.get(iri) or "",
                quantity=float(quantity) if quantity is not None else None,
                unit=unit.get(iri),
                approximate=_true(approx.get(iri)),
                lower=_true(lower.get(iri)),
                upper=_true(upper.get(iri)),
                time=time.get(iri),
                location=loc.get(iri),
                polarity="negative" if iri in negative else "positive",
                object_label=object_labels[o] if is_iri else "",
            )
        del rows
    del values, object_labels, negative, text, q, unit, approx, lower, upper, time, loc
    mentions = {
        MentionRecord(m.value, strings[c.value], strings[doc.value], strings[pub.value] if pub is not None else None,
                      strings[who.value] if who is not None else None)
        for batch in batches for m, c, doc, pub, who in store.rows(_MENTIONS, **batch)
    }
    # (a mention with two speakers or publishers is two records: in the order of those too, not of a set)
    return [claims[k] for k in sorted(claims)], sorted(mentions, key=_mention_order)


def _mention_order(m: MentionRecord) -> tuple[str, str, str, str, str]:
    return m.iri, m.claim, m.document, m.publisher or "", m.speaker or ""


#: Claim properties whose values many claims share (kept once each).
_SHARED_VALUES = frozenset({"unit", "approx", "lower", "upper", "time", "loc"})


# -- numbers -------------------------------------------------------------------------------
def _grain(value: float) -> float:
    """The unit of the last non-zero digit of a whole number (4,700 -> 100); 1 otherwise."""
    if value != int(value) or value == 0:
        return 1.0
    n, grain = abs(int(value)), 1
    while n % 10 == 0:
        n //= 10
        grain *= 10
    return float(grain)


def number_interval(value: float, *, approximate: bool = False, lower: bool = False,
                    upper: bool = False) -> tuple[float, float]:
    """The values a number stated in news prose admits (see the module docstring).

    >>> number_interval(600)
    (550.0, 650.0)
    >>> number_interval(5300)
    (5250.0, 5350.0)
    >>> number_interval(12)
    (12.0, 12.0)
    >>> number_interval(40, lower=True)[1]
    inf
    """
    grain = _grain(value)
    spread = APPROX_TOLERANCE * abs(value)
    if lower or upper:
        reach = max(spread, grain) if abs(value) >= 100 else float("inf")
        return (value + _EPS, value + reach) if lower else (value - reach, value - _EPS)
    if approximate:
        half = max(spread, grain / 2)
        return value - half, value + half
    half = grain / 2 if grain >= 100 else 0.0
    return value - half, value + half


def numbers_conflict(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Two intervals that do not overlap: the numbers cannot both be true."""
    return a[1] < b[0] or b[1] < a[0]


def _times_compatible(a: str | None, b: str | None) -> bool:
    """Dates agree when one is missing or one is a prefix of the other ("2025" and "2025-04")."""
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,g}"


def _describe(c: ClaimRecord, measure: str | None = None) -> str:
    """"over 4,700 casualty"; with ``measure``, what the number counts is named by it unless the unit is a
    casualty word itself ("600 dead" for 600 soldiers who died)."""
    if c.quantity is None:
        return c.text or c.iri
    prefix = "about " if c.approximate else "over " if c.lower else "under " if c.upper else ""
    unit = c.unit
    if measure is not None and (not unit or not any(w in CASUALTY_MEASURES for w in normalise(unit).split())):
        unit = measure
    return f"{prefix}{_fmt(c.quantity)}{' ' + unit if unit else ''}"


def _interval(c: ClaimRecord) -> tuple[float, float]:
    assert c.quantity is not None
    return number_interval(c.quantity, approximate=c.approximate, lower=c.lower, upper=c.upper)


# -- resolution ----------------------------------------------------------------------------
def resolve_claims(
    claims: Sequence[ClaimRecord],
    mentions: Sequence[MentionRecord],
    canonical: dict[str, str],
    outlets: Iterable[str] = (),
) -> ClaimResolution:
    """Corroboration, support and conflicts over claims; ``canonical`` maps entity IRIs to their cluster.

    ``outlets`` are the canonical IRIs of news outlets (publishers and news organisations).
    The union of :func:`resolve_claim_blocks`, held at once; a caller that can use the result block
    by block holds less.
    """
    total = ClaimResolution({}, set(), {}, {})
    for part in resolve_claim_blocks(claims, mentions, canonical, outlets):
        total.support.update(part.support)
        total.corroborates |= part.corroborates
        total.conflicts.update(part.conflicts)
        total.primary_sources.update(part.primary_sources)
    return total


def claim_blocks(claims: Sequence[ClaimRecord], mentions: Sequence[MentionRecord], canonical: dict[str, str]
                 ) -> Iterator[tuple[list[ClaimRecord], list[MentionRecord]]]:
    """The claims grouped by canonical subject (in the order of the subjects), each group with the
    mentions of its claims; the mentions of claims not in ``claims`` come last, with no claims.

    Why: every rule of :func:`resolve_claims` compares claims of one canonical subject only (one
    subject, predicate and object; one subject's numbers of one measure; one subject's casualty
    figures), so the pairs it finds, which grow with the square of a group, are found and written
    block by block. Order within a block is the input order.

    >>> c = lambda iri, s: ClaimRecord(iri, s, "p", "o")
    >>> m = lambda iri, claim: MentionRecord(iri, claim, "d")
    >>> blocks = claim_blocks([c("c1", "e:a"), c("c2", "e:b"), c("c3", "e:a2")],
    ...                       [m("m1", "c3"), m("m2", "c1"), m("m3", "gone")], {"e:a2": "e:a"})
    >>> [([x.iri for x in cs], [x.iri for x in ms]) for cs, ms in blocks]
    [(['c1', 'c3'], ['m1', 'm2']), (['c2'], []), ([], ['m3'])]
    """
    by_subject: dict[str, list[ClaimRecord]] = defaultdict(list)
    block_of: dict[str, str] = {}
    for c in claims:
        key = canonical.get(c.subject, c.subject)
        by_subject[key].append(c)
        block_of[c.iri] = key
    said: dict[str | None, list[MentionRecord]] = defaultdict(list)
    for m in mentions:
        said[block_of.get(m.claim)].append(m)
    del block_of
    for key in sorted(by_subject):
        yield by_subject.pop(key), said.pop(key, [])
    if said.get(None):
        yield [], said.pop(None)


def resolve_claim_blocks(
    claims: Sequence[ClaimRecord],
    mentions: Sequence[MentionRecord],
    canonical: dict[str, str],
    outlets: Iterable[str] = (),
) -> Iterator[ClaimResolution]:
    """:func:`resolve_claims` one block of :func:`claim_blocks` at a time: the results of the blocks are
    disjoint and their union is the whole result."""
    outlets = set(outlets)
    for block_claims, block_mentions in claim_blocks(claims, mentions, canonical):
        yield _resolve_block(block_claims, block_mentions, canonical, outlets)


def _resolve_block(claims: Sequence[ClaimRecord], mentions: Sequence[MentionRecord], canonical: dict[str, str],
                   outlets: set[str]) -> ClaimResolution:
    canon = lambda iri: canonical.get(iri, iri)  # noqa: E731
    origins: dict[str, set[str]] = defaultdict(set)
    primary: dict[str, str] = {}
    for m in mentions:
        publisher = canon(m.publisher) if m.publisher else m.document
        source = publisher
        if m.speaker and canon(m.speaker) in outlets and canon(m.speaker) != publisher:
            source = canon(m.speaker)
            primary[m.iri] = source
        origins[m.claim].add(source)

    def obj(c: ClaimRecord) -> str:
        return canon(c.object) if c.object_is_iri else "\x00" + normalise(c.object)

    corroborates: set[tuple[str, str]] = set()
    conflicts: dict[tuple[str, str], str] = {}

    def conflict(a: ClaimRecord, b: ClaimRecord, reason: str) -> None:
        if (a.iri, b.iri) not in conflicts:
            conflicts[(a.iri, b.iri)] = conflicts[(b.iri, a.iri)] = reason

    # same subject, predicate and object: corroboration, or a conflict of numbers, dates or polarity
    by_spo: dict[tuple[str, str, str], list[ClaimRecord]] = defaultdict(list)
    for c in claims:
        by_spo[(canon(c.subject), c.predicate, obj(c))].append(c)
    for group in by_spo.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if a.location and b.location and canon(a.location) != canon(b.location):
                    continue
                reason = _pair_conflict(a, b)
                if reason is None:
                    corroborates.add((a.iri, b.iri))
                    corroborates.add((b.iri, a.iri))
                elif origins[a.iri].isdisjoint(origins[b.iri]):
                    conflict(a, b, reason)

    # same subject and predicate, numbers of the same measure with different objects: a conflict when
    # the numbers cannot both be true; for a casualty measure, whose object only names the measure
    # ("600 fatalities", "600 dead"), agreeing numbers corroborate
    by_measure: dict[tuple[str, str, str], list[ClaimRecord]] = defaultdict(list)
    for c in claims:
        if c.quantity is not None and c.polarity == "positive":
            by_measure[(canon(c.subject), c.predicate, _measure(c, obj(c)))].append(c)
    for (_, _, measure), group in by_measure.items():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if obj(a) == obj(b) or not _times_compatible(a.time, b.time):
                    continue
                if numbers_conflict(_interval(a), _interval(b)):
                    if origins[a.iri].isdisjoint(origins[b.iri]):
                        conflict(a, b, f"incompatible numbers: {_describe(a)} vs {_describe(b)}")
                elif measure.startswith(_CASUALTY_PREFIX):
                    corroborates.add((a.iri, b.iri))
                    corroborates.add((b.iri, a.iri))

    for a, b, reason in _casualty_conflicts(claims, mentions, canon, origins):
        conflict(a, b, reason)

    corroborates -= set(conflicts)  # a pair is one or the other, never both
    support = {}
    neighbours: dict[str, set[str]] = defaultdict(set)
    for a, b in corroborates:
        neighbours[a].add(b)
    for c in claims:
        sources = set(origins.get(c.iri, ()))
        for other in neighbours.get(c.iri, ()):
            sources |= origins.get(other, set())
        if sources:
            support[c.iri] = len(sources)
    return ClaimResolution(support, corroborates, conflicts, primary)


def _pair_conflict(a: ClaimRecord, b: ClaimRecord) -> str | None:
    """Why two claims with one subject, predicate and object cannot both be true, or None."""
    if a.polarity != b.polarity:
        return "one source states it, the other denies it"
    if not _times_compatible(a.time, b.time):
        return f"different dates: {a.time} vs {b.time}"
    if a.quantity is not None and b.quantity is not None:
        same_unit = not a.unit or not b.unit or normalise(a.unit) == normalise(b.unit)
        if same_unit and numbers_conflict(_interval(a), _interval(b)):
            return f"incompatible numbers: {_describe(a)} vs {_describe(b)}"
    return None


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


def _measure(c: ClaimRecord, obj_key: str) -> str:
    """What a number counts: a casualty measure (:data:`CASUALTY_MEASURES`), else its unit, else the object's
    last word."""
    casualty = _casualty_measure(c)
    if casualty is not None:
        return _CASUALTY_PREFIX + casualty
    if c.unit:
        return _singular(normalise(c.unit).split()[-1]) if normalise(c.unit) else ""
    words = c.object_words
    return _singular(words[-1]) if words else obj_key


def _casualty_measure(c: ClaimRecord) -> str | None:
    """The casualty measure a figure counts: its unit's, its object's ("suffered 600 fatalities"), or, for a
    counted subject ("600 soldiers died": the object is the number), its predicate's. The predicate of a
    claim with an entity object says what the subject did, not what it suffered ("X killed 40 civilians")."""
    words = []
    if c.unit:
        words += normalise(c.unit).split()
    words += c.object_words[-1:]
    if not c.object_is_iri:
        words += normalise(c.predicate_label).split()
    for w in words:
        if w in CASUALTY_MEASURES:
            return CASUALTY_MEASURES[w]
    return None


def _casualty_conflicts(claims, mentions, canon, origins) -> list[tuple[ClaimRecord, ClaimRecord, str]]:
    """Casualty figures of one subject in two sources that cannot add up (casualties = dead + wounded)."""
    by_claim = {c.iri: c for c in claims}
    # (subject, source) -> measure -> first claim stating it
    figures: dict[tuple[str, str], dict[str, ClaimRecord]] = defaultdict(dict)
    for m in mentions:
        c = by_claim.get(m.claim)
        if c is None or c.quantity is None or c.polarity != "positive":
            continue
        measure = _casualty_measure(c)
        if measure is None:
            continue
        for source in sorted(origins[c.iri]):
            figures[(canon(c.subject), source)].setdefault(measure, c)

    def derived(f: dict[str, ClaimRecord]) -> dict[str, tuple[tuple[float, float], list[ClaimRecord], str]]:
        d = {m: _describe(c, _MEASURE_WORDS[m]) for m, c in f.items()}
        out = {m: (_interval(c), [c], d[m]) for m, c in f.items()}
        if "casualties" in f and "killed" in f and "wounded" not in f:
            (clo, chi), (klo, khi) = _interval(f["casualties"]), _interval(f["killed"])
            out["wounded"] = ((clo - khi, chi - klo), [f["casualties"], f["killed"]],
                              f"{d['casualties']} including {d['killed']}")
        if "killed" in f and "wounded" in f and "casualties" not in f:
            (klo, khi), (wlo, whi) = _interval(f["killed"]), _interval(f["wounded"])
            total = f["killed"].quantity + f["wounded"].quantity
            out["casualties"] = ((klo + wlo, khi + whi), [f["killed"], f["wounded"]],
                                 f"{d['killed']} + {d['wounded']} = {_fmt(total)}")
        return out

    found = []
    by_subject: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for (subject, source), f in sorted(figures.items()):
        by_subject[subject].append((source, derived(f)))
    for subject, entries in by_subject.items():
        for i, (sa, da) in enumerate(entries):
            for sb, db in entries[i + 1 :]:
                for measure in ("casualties", "wounded", "killed"):
                    if measure not in da or measure not in db:
                        continue
                    (ia, ca, ta), (ib, cb, tb) = da[measure], db[measure]
                    if len(ca) == 1 and len(cb) == 1:
                        continue  # two stated figures: the general rules compare them
                    if numbers_conflict(ia, ib):
                        a, b = _pick(ca, db), _pick(cb, da)
                        if a.iri != b.iri:
                            found.append((a, b, f"{measure} do not add up: {ta} vs {tb}"))
                        break
    return found


def _pick(contributing: list[ClaimRecord], other: dict) -> ClaimRecord:
    """The claim to link for a (possibly derived) figure: the one stating what the other source does not."""
    if len(contributing) == 1:
        return contributing[0]
    stated_there = {m for m, (_, cs, _) in other.items() if len(cs) == 1}
    fresh = [c for c in contributing if _casualty_measure(c) not in stated_there]
    return (fresh or contributing)[-1]
