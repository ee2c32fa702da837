"""Cross-document entity resolution: which entity IRIs of different documents name one thing.

Within a document the extractor decides identity (one IRI per thing); across documents
the same thing often gets different IRIs, because each text names it differently ("North
Korea", "the DPRK", "the North"; "Yonhap", "Yonhap News Agency"; "Ju-ae", "Kim Ju-ae").
This module reads every entity from the store, proposes merges by **blocking keys** (an
entity is only ever compared with the entities that share a key with it, so the cost is
linear in the number of entities plus the size of the blocks) and merges with a
union-find that refuses merges that would join two different full names.

Rules, strongest first (each is general language, never keyed to a corpus):

1. the user's alias file (:mod:`kg.resolve.aliases`): forced merges, forbidden merges;
2. same name after normalisation (:func:`kg.resolve.names.normalise`), titles dropped
   from people's names, type words from organisations' names, a well-known alternative
   name of a country (:data:`kg.resolve.names.COMMON_NAMES`);
3. an acronym ("KCNA") and the one multi-word name whose initials it is;
4. a shortened person name ("Hong", "Ju-ae") and the one longer person name that starts
   or ends with it; "Kim" with Kim Jong-un, Kim Yo Jong and Kim Ju-ae in the store stays
   apart, as it could be any of them;
5. a compass word used as a name ("the North") and the one place named with it in the
   same documents ("North Korea");
6. common nouns (``schema:Thing``: "the soldiers", "the coffins") with the same head noun,
   in documents that tell the same story (:func:`story_groups`: documents that share
   enough of their named entities), so "the earthquake" of two reports of one earthquake
   meet, and those of two different earthquakes do not.

Never merged: two common nouns whose other words clash (each has a word the other lacks:
"the long time", "the same time"), two people whose full names differ (neither is the start or end of the
other), two multi-word names of places or organisations that differ, a person with a
place, anything the alias file forbids. A demonym ("North Korean") is linked to its
country with ``cg:demonymOf``, not merged.

>>> recs = [EntityRecord("e:nk", ("North Korea",), frozenset({"Place"}), frozenset({"d1"}), 3),
...         EntityRecord("e:dprk", ("DPRK",), frozenset({"Organization"}), frozenset({"d2"}), 1),
...         EntityRecord("e:sk", ("South Korea",), frozenset({"Place"}), frozenset({"d2"}), 1),
...         EntityRecord("e:nkn", ("North Korean",), frozenset({"Organization"}), frozenset({"d2"}), 1)]
>>> res = resolve_entities(recs)
>>> res.canonical["e:dprk"], res.canonical["e:sk"]
('e:nk', 'e:sk')
>>> res.demonyms
(('e:nkn', 'e:nk'),)
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kg.resolve.aliases import AliasRule
from kg.resolve.names import (
    COMPASS_WORDS,
    FUNCTION_WORDS,
    acronyms,
    common_name,
    demonym_stems,
    is_acronym,
    normalise,
    org_core,
    person_core,
    place_stem,
    tokens,
)

__all__ = ["EntityRecord", "EntityResolution", "name_head", "read_entities", "resolve_entities", "story_groups",
           "thing_head", "thing_modifiers"]

#: A story group joins two documents whose named entities overlap at least this much
#: (cosine of IDF-weighted named-entity sets).
STORY_SIMILARITY = 0.1
#: Named entities found in more than this share of the documents (and of at least
#: :data:`STORY_MIN_DF` documents) are too common to tell stories apart; they are not blocking keys.
STORY_MAX_DF_SHARE = 0.5
STORY_MIN_DF = 4
#: ... and so are entities in more documents than this, whatever the share: it bounds the pairs one
#: entity contributes, so grouping stays linear in the number of documents.
STORY_MAX_DF = 200

_NAMED_CLASSES = frozenset({"Place", "Organization", "NewsMediaOrganization", "Event", "CreativeWork", "Product"})
_HEAD_STOP = frozenset(
    """of in on at to for from with by about as into over under after before during between against among
    through than that which who whom whose where when while because if and or but""".split()
)
_PRONOUN_LIKE = frozenset("""it its they them their he she him her his this that these those who which what one
    ones some any all both each either neither none several many few others such""".split())
_ING_ED = re.compile(r"^[a-z]{3,}(?:ing|ed)$")


@dataclass(frozen=True)
class EntityRecord:
    """What the store says about one entity IRI, gathered over every document graph."""

    iri: str
    labels: tuple[str, ...]  # preferred labels first, then alternative labels
    types: frozenset[str]  # schema.org class local names ("Person", "Place", "Thing", ...)
    documents: frozenset[str] = frozenset()
    mentions: int = 0
    pref_count: int = 1  # how many of ``labels`` are preferred labels
    publisher: bool = False  # the dct:publisher of some document

    @property
    def prefs(self) -> tuple[str, ...]:
        return self.labels[: self.pref_count]

    @property
    def kind(self) -> str:
        """``person``, ``place``, ``named`` (organisation, event, work, ...) or ``thing`` (a common noun)."""
        if "Person" in self.types:
            return "person"
        if self.publisher or self.types & {"Organization", "NewsMediaOrganization"}:
            return "named"
        if "Place" in self.types:
            return "place"
        if self.types & _NAMED_CLASSES:
            return "named"
        return "thing"


@dataclass
class EntityResolution:
    """The result: every entity IRI -> the canonical IRI of its cluster, and the links to write."""

    canonical: dict[str, str]
    clusters: dict[str, tuple[str, ...]]  # canonical -> members (sorted, canonical included)
    demonyms: tuple[tuple[str, str], ...] = ()  # (demonym entity, place entity), canonical IRIs
    external: tuple[tuple[str, str], ...] = ()  # (canonical entity, external IRI)
    reasons: dict[str, str] = field(default_factory=dict)  # member -> the rule that merged it

    def same(self, a: str, b: str) -> bool:
        return self.canonical.get(a, a) == self.canonical.get(b, b)


# -- reading the store ---------------------------------------------------------------------
_LABELS = """
SELECT DISTINCT ?e ?label ?pref WHERE { { SELECT DISTINCT ?e WHERE { ?e a cg:Entity } } { SELECT DISTINCT ?e ?label ?pref
  WHERE { { ?e skos:prefLabel ?label BIND(true AS ?pref) } UNION { ?e skos:altLabel ?label BIND(false AS ?pref) } } } }
"""
_TYPES = "SELECT DISTINCT ?e ?t WHERE { { SELECT DISTINCT ?e WHERE { ?e a cg:Entity } } ?e a ?t }"
_DOCS = "SELECT DISTINCT ?e ?g WHERE { GRAPH ?g { ?e a cg:Entity } }"
_MENTIONS = """SELECT ?e (COUNT(DISTINCT ?m) AS ?n) WHERE {
  { SELECT ?m WHERE { ?m a cg:EntityMention } } { SELECT ?m ?e WHERE { ?m oa:hasBody ?e } } } GROUP BY ?e"""
_PUBLISHERS = "SELECT DISTINCT ?e WHERE { ?d dct:publisher ?e }"


def read_entities(store, resolution_graph: str | None = None) -> list[EntityRecord]:
    """Every ``cg:Entity`` of the store's document graphs, with its labels, types, documents and mention count."""
    prefs: dict[str, set[str]] = defaultdict(set)
    alts: dict[str, set[str]] = defaultdict(set)
    for row in store.select(_LABELS):
        (prefs if row["pref"].value == "true" else alts)[row["e"].value].add(row["label"].value)
    types: dict[str, set[str]] = defaultdict(set)
    for row in store.select(_TYPES):
        t = row["t"].value
        types[row["e"].value].add(t.rsplit("/", 1)[-1].rsplit("#", 1)[-1])
    docs: dict[str, set[str]] = defaultdict(set)
    for row in store.select(_DOCS):
        g = row["g"].value
        if g != resolution_graph:
            docs[row["e"].value].add(g)
    counts = {row["e"].value: int(row["n"].value) for row in store.select(_MENTIONS)}
    publishers = {row["e"].value for row in store.select(_PUBLISHERS)}
    records = []
    for iri in sorted(docs):
        p = sorted(prefs.get(iri, ()))
        a = sorted(alts.get(iri, set()) - set(p))
        records.append(EntityRecord(
            iri, tuple(p + a), frozenset(types.get(iri, set()) - {"Entity"}), frozenset(docs[iri]),
            counts.get(iri, 0), len(p), iri in publishers,
        ))
    return records


# -- keys ----------------------------------------------------------------------------------
def _name_forms(rec: EntityRecord) -> set[str]:
    """The normalised names an entity is known by, for exact-name blocking.

    Alternative labels that are only a part of the preferred label ("Kim" of "Kim Jong-un",
    "Pyongyang" of "East Pyongyang") are shortenings, ambiguous by nature: they are left to
    the shortened-name rule.
    """
    kind = rec.kind
    if kind == "thing":
        return set()
    pref_tokens = [tokens(p) for p in rec.prefs]
    forms = set()
    for n, label in enumerate(rec.labels):
        words = tokens(label)
        if not words:
            continue
        if n >= rec.pref_count and any(_is_part(words, p) for p in pref_tokens if p != words):
            continue
        forms.add(" ".join(words))
        common = common_name(label)
        if common:
            forms.add(common)
        if kind == "person":
            forms.add(person_core(label))
        else:
            forms.add(org_core(label))
    forms.discard("")
    return forms


def _is_part(short: Sequence[str], long: Sequence[str]) -> bool:
    """``short`` is a proper, contiguous part of ``long``."""
    n = len(short)
    return 0 < n < len(long) and any(tuple(long[i : i + n]) == tuple(short) for i in range(len(long) - n + 1))


def _is_edge(short: Sequence[str], long: Sequence[str]) -> bool:
    """``short`` is the start or the end of the longer ``long``."""
    n = len(short)
    return 0 < n < len(long) and (tuple(long[:n]) == tuple(short) or tuple(long[-n:]) == tuple(short))


def _full_names(rec: EntityRecord) -> set[tuple[str, tuple[str, ...]]]:
    """(kind, words) of the multi-word names of an entity: two different ones never merge."""
    kind = rec.kind
    if kind == "thing":
        return set()
    found = set()
    for label in rec.prefs:
        if kind == "person":
            words = tuple(person_core(label).split())
        else:
            words = tuple((common_name(label) or org_core(label)).split())
        if len(words) >= 2:
            found.add(("person" if kind == "person" else "other", words))
    return found


def _compatible_names(a: set, b: set) -> bool:
    for kind_a, x in a:
        for kind_b, y in b:
            if kind_a != kind_b or x == y:
                continue
            if kind_a == "person" and (_is_edge(x, y) or _is_edge(y, x)):
                continue
            return False
    return True


def thing_head(label: str) -> str:
    """The head noun of a common-noun phrase label: the last word before its first post-modifier.

    A crude, parse-free reading that suffices for keys: "coffin covered in flag" -> "coffin",
    "North Korean soldiers who died" -> "soldier" (a final "s" is dropped from words of five
    or more letters). Pronoun-like words give "".

    >>> thing_head("coffins covered in the nation's flag"), thing_head("host of annual show")
    ('coffin', 'host')
    >>> thing_head("several")
    ''
    """
    words = tokens(label)
    head = ""
    for i, w in enumerate(words):
        if w in _HEAD_STOP or (i > 0 and _ING_ED.match(w)):
            break
        head = w
    if not head or head in _PRONOUN_LIKE or head.isdigit():
        return ""
    return _singular(head)



def thing_modifiers(label: str) -> frozenset[str]:
    """The content words before the head of a common-noun phrase ("deceased DPRK soldiers" -> deceased, dprk).

    Two phrases with one head may name one thing when the modifiers of one are all
    modifiers of the other ("the soldiers", "the Somali soldiers"); "the long time" and
    "the same time", "the Vancouver man" and "the Michigan man" may not. Participles
    ("the arrested pirates", "the deceased soldiers") tell what happened to the thing, which
    another report may not say, so they never clash and are left out. Words after the head
    (prepositional phrases, relative clauses) are left out too: they add detail more often
    than they tell things apart.

    >>> sorted(thing_modifiers("the deceased DPRK soldiers who died in the war"))
    ['dprk']
    """
    found = set()
    for i, w in enumerate(tokens(label)):
        if w in _HEAD_STOP or (i > 0 and _ING_ED.match(w)):
            break
        if w not in FUNCTION_WORDS and w not in _PRONOUN_LIKE and not w.isdigit() and not _ING_ED.match(w):
            found.add(_singular(w))
    found.discard(thing_head(label))
    return frozenset(found)


def _singular(word: str) -> str:
    return word[:-1] if len(word) >= 5 and word.endswith("s") and not word.endswith("ss") else word

# -- clustering ----------------------------------------------------------------------------
class _UnionFind:
    """Union-find over entity IRIs that keeps what each cluster may not be merged with."""

    def __init__(self, records: Sequence[EntityRecord]) -> None:
        self.parent = {r.iri: r.iri for r in records}
        self.names = {r.iri: _full_names(r) for r in records}
        self.members = {r.iri: {r.iri} for r in records}
        self.kinds = {r.iri: {r.kind} for r in records}
        self.modifiers = {r.iri: ({thing_modifiers(r.prefs[0])} if r.kind == "thing" and r.prefs else set())
                          for r in records}
        self.forbidden: dict[str, set[str]] = defaultdict(set)
        self.reasons: dict[str, str] = {}

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def forbid(self, a: str, b: str) -> None:
        self.forbidden[a].add(b)
        self.forbidden[b].add(a)

    def union(self, a: str, b: str, reason: str, *, force: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ma, mb = self.members[ra], self.members[rb]
        if len(ma) > len(mb):
            ra, rb, ma, mb = rb, ra, mb, ma
        if any(self.forbidden.get(x, set()) & mb for x in ma):
            return False
        if not force:
            if not _compatible_names(self.names[ra], self.names[rb]):
                return False
            kinds = self.kinds[ra] | self.kinds[rb]
            if {"person", "place"} <= kinds:
                return False
            if not all(x <= y or y <= x for x in self.modifiers[ra] for y in self.modifiers[rb]):
                return False
        self.parent[ra] = rb
        mb |= ma
        self.names[rb] |= self.names.pop(ra)
        self.kinds[rb] |= self.kinds.pop(ra)
        self.modifiers[rb] |= self.modifiers.pop(ra)
        del self.members[ra]
        self.reasons.setdefault(a if a != rb else b, reason)
        return True


def resolve_entities(records: Sequence[EntityRecord], aliases: Sequence[AliasRule] = ()) -> EntityResolution:
    """Cluster entity records by the rules of this module; a pure function of its inputs."""
    uf = _UnionFind(records)
    by_iri = {r.iri: r for r in records}
    forms = {r.iri: _name_forms(r) for r in records}
    by_form: dict[str, list[str]] = defaultdict(list)
    for iri, fs in forms.items():
        for f in fs:
            by_form[f].append(iri)

    external = _apply_aliases(uf, records, forms, aliases)

    # 2. same normalised name
    for form in sorted(by_form):
        members = by_form[form]
        for other in members[1:]:
            uf.union(members[0], other, f"name:{form}")

    # 3. acronyms
    expansions: dict[str, list[str]] = defaultdict(list)
    for r in records:
        if r.kind in {"named", "place"}:
            for label in r.prefs:
                for acro in acronyms(label):
                    expansions[acro].append(r.iri)
    for r in records:
        if r.kind == "thing":
            continue
        for label in r.labels:
            if not is_acronym(label):
                continue
            key = normalise(label)
            candidates = _distinct_clusters(uf, expansions.get(key, ()), exclude=r.iri)
            if len(candidates) > 1:  # prefer the expansions found in the acronym's own documents
                near = [c for c in expansions.get(key, ()) if by_iri[c].documents & r.documents]
                candidates = _distinct_clusters(uf, near, exclude=r.iri)
            if len(candidates) == 1:
                uf.union(r.iri, candidates[0], f"acronym:{key}")

    # 4. shortened person names
    persons_by_word: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for r in records:
        if r.kind == "person":
            for label in r.prefs:
                words = tuple(person_core(label).split())
                if len(words) >= 2:
                    persons_by_word[words[0]].append((words, r.iri))
                    persons_by_word[words[-1]].append((words, r.iri))
    for r in records:
        if r.kind not in {"person", "named"}:
            continue
        for label in r.prefs:
            short = tuple((person_core(label) if r.kind == "person" else normalise(label)).split())
            if not short or (r.kind != "person" and len(short) != 1):
                continue
            cands = {(w, iri) for key in {short[0], short[-1]} for w, iri in persons_by_word.get(key, ())
                     if _is_edge(short, w)}
            names = {w for w, _ in cands}
            if len(names) == 1:
                for _, iri in sorted(cands):
                    uf.union(r.iri, iri, f"short-name:{' '.join(short)}")

    # 5. compass words used as names ("the North")
    places_by_doc: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for r in records:
        if r.kind == "place" or (r.kind == "named" and "Place" in r.types):
            for label in r.prefs:
                words = tokens(label)
                if len(words) >= 2 and words[0] in COMPASS_WORDS:
                    for d in r.documents:
                        places_by_doc[d].append((words, r.iri))
    for r in records:
        if r.kind in {"place", "named"} and any(tokens(p) in {(w,) for w in COMPASS_WORDS} for p in r.prefs):
            word = next(tokens(p)[0] for p in r.prefs if len(tokens(p)) == 1 and tokens(p)[0] in COMPASS_WORDS)
            cands = {(w, iri) for d in r.documents for w, iri in places_by_doc.get(d, ()) if w[0] == word}
            if len({w for w, _ in cands}) == 1:
                for _, iri in sorted(cands):
                    uf.union(r.iri, iri, f"compass:{word}")

    # 6. common nouns with one head, within a story
    groups = story_groups(records, uf)
    heads: dict[tuple[int, str], list[str]] = defaultdict(list)
    for r in records:
        if r.kind != "thing" or not r.documents:
            continue
        head = thing_head(r.prefs[0]) if r.prefs else ""
        if not head:
            continue
        story = {groups[d] for d in r.documents}
        if len(story) == 1:
            heads[(story.pop(), head)].append(r.iri)
    for key in sorted(heads):
        members = heads[key]
        for other in members[1:]:
            uf.union(members[0], other, f"head:{key[1]}")

    # 7. a common noun that is a name written in lower case ("the Indian navy"), or the head noun of
    #    exactly one organisation's or place's name in its story ("the navy", "the gulf")
    named_heads: dict[tuple[int, str], list[tuple[frozenset[str], str]]] = defaultdict(list)
    for r in records:
        if r.kind not in {"named", "place"} or r.publisher:
            continue
        for label in r.prefs:
            words = tokens(label)
            if len(words) < 2:
                continue
            head = name_head(words)
            for story in {groups[d] for d in r.documents}:
                named_heads[(story, head)].append((frozenset(_singular(w) for w in words), r.iri))
    for r in records:
        if r.kind != "thing" or not r.prefs or not r.documents:
            continue
        label = r.prefs[0]
        exact = [iri for iri in by_form.get(normalise(label), ()) if by_iri[iri].kind != "person"]
        if len(tokens(label)) >= 2 and len(_distinct_clusters(uf, exact, exclude=r.iri)) == 1:
            uf.union(r.iri, exact[0], f"name-as-noun:{normalise(label)}")
            continue
        head, mods = thing_head(label), thing_modifiers(label)
        story = {groups[d] for d in r.documents}
        if not head or len(story) != 1:
            continue
        cands = [iri for words, iri in named_heads.get((story.pop(), head), ()) if mods <= words]
        found = _distinct_clusters(uf, cands, exclude=r.iri)
        if len(found) == 1:
            uf.union(r.iri, found[0], f"name-head:{head}")

    return _result(uf, records, external)


def name_head(words: Sequence[str]) -> str:
    """The head noun of a multi-word name: the word before "of", else the last ("Gulf of Aden" -> gulf).

    >>> name_head(("gulf", "of", "aden")), name_head(("indian", "navy")), name_head(("philadelphia", "76ers"))
    ('gulf', 'navy', '76er')
    """
    if "of" in words[1:]:
        return _singular(words[words.index("of") - 1])
    return _singular(words[-1])


def _distinct_clusters(uf: _UnionFind, iris: Iterable[str], *, exclude: str) -> list[str]:
    roots = {}
    own = uf.find(exclude)
    for iri in iris:
        root = uf.find(iri)
        if root != own:
            roots.setdefault(root, iri)
    return sorted(roots.values())


def _apply_aliases(uf: _UnionFind, records, forms: dict[str, set[str]], aliases: Sequence[AliasRule]
                   ) -> dict[str, set[str]]:
    """Install forbidden pairs, then forced merges; return entity IRI -> external IRIs.

    A rule's label matches an entity by a normalised preferred label or name form.
    """
    if not aliases:
        return {}
    by_label: dict[str, list[EntityRecord]] = defaultdict(list)
    for r in records:
        for label in {normalise(x) for x in r.prefs} | forms.get(r.iri, set()):
            by_label[label].append(r)

    def matching(label: str, cls: str | None) -> list[str]:
        found = {r.iri for r in by_label.get(normalise(label), ()) if cls is None or cls in r.types}
        return sorted(found)

    for rule in aliases:
        if rule.forbid:
            for a in matching(rule.label, rule.type):
                for b in matching(rule.target, None):
                    if a != b:
                        uf.forbid(a, b)
    external: dict[str, set[str]] = defaultdict(set)
    by_external: dict[str, list[str]] = defaultdict(list)
    for rule in aliases:
        if rule.forbid:
            continue
        left = matching(rule.label, rule.type)
        if rule.is_iri:
            for iri in left:
                external[iri].add(rule.target)
                by_external[rule.target].append(iri)
            group = left
        else:
            group = left + matching(rule.target, rule.type)
        for other in group[1:]:
            uf.union(group[0], other, f"alias:{rule.source}:{rule.line}", force=True)
    for iris in by_external.values():
        for other in iris[1:]:
            uf.union(iris[0], other, "alias:external", force=True)
    return external


def story_groups(records: Sequence[EntityRecord], uf: _UnionFind | None = None) -> dict[str, int]:
    """Group documents that tell the same story: document IRI -> group number.

    Two documents join when the IDF-weighted cosine similarity of their named entities
    (people, places, organisations, after the merges made so far) reaches
    :data:`STORY_SIMILARITY`; groups are the connected components. Candidate pairs come
    from an inverted index over entities, skipping entities present in most documents,
    so documents with nothing rare in common are never compared.
    """
    doc_entities: dict[str, set[str]] = defaultdict(set)
    all_docs: set[str] = set()
    for r in records:
        all_docs |= r.documents
        if r.kind != "thing" and not r.publisher:
            root = uf.find(r.iri) if uf is not None else r.iri
            for d in r.documents:
                doc_entities[d].add(root)
    n_docs = max(len(all_docs), 1)
    df = Counter(e for ents in doc_entities.values() for e in ents)
    idf = {e: math.log(1 + n_docs / c) for e, c in df.items()}
    postings: dict[str, list[str]] = defaultdict(list)
    limit = min(max(STORY_MIN_DF, STORY_MAX_DF_SHARE * n_docs), STORY_MAX_DF)
    for d in sorted(doc_entities):
        for e in doc_entities[d]:
            if df[e] <= limit:
                postings[e].append(d)
    parent = {d: d for d in all_docs}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    norm = {d: math.sqrt(sum(idf[e] ** 2 for e in ents)) for d, ents in doc_entities.items()}
    shared: dict[tuple[str, str], float] = defaultdict(float)
    for e, docs in postings.items():
        for i, a in enumerate(docs):
            for b in docs[i + 1 :]:
                shared[(a, b)] += idf[e] ** 2
    for (a, b), w in shared.items():
        if w / (norm[a] * norm[b]) >= STORY_SIMILARITY:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    roots = sorted({find(d) for d in all_docs})
    number = {root: i for i, root in enumerate(roots)}
    return {d: number[find(d)] for d in all_docs}


def _result(uf: _UnionFind, records: Sequence[EntityRecord], external: dict[str, set[str]]) -> EntityResolution:
    by_iri = {r.iri: r for r in records}
    clusters: dict[str, list[str]] = defaultdict(list)
    for r in records:
        clusters[uf.find(r.iri)].append(r.iri)
    canonical: dict[str, str] = {}
    out_clusters: dict[str, tuple[str, ...]] = {}
    for members in clusters.values():
        best = min(members, key=lambda i: _rank(by_iri[i]))
        out_clusters[best] = tuple(sorted(members))
        for m in members:
            canonical[m] = best
    demonyms = _demonyms(records, canonical)
    links = sorted({(canonical[e], x) for e, xs in external.items() for x in xs})
    reasons = {m: uf.reasons.get(m, "") for m in canonical if canonical[m] != m}
    return EntityResolution(canonical, out_clusters, demonyms, tuple(links), reasons)


def _rank(rec: EntityRecord) -> tuple:
    """Sort key of the canonical member: a named entity, most mentioned, longest name, then IRI."""
    label = rec.prefs[0] if rec.prefs else ""
    return (rec.kind == "thing", -rec.mentions, -len(rec.documents), -len(tokens(label)), rec.iri)


def _demonyms(records: Sequence[EntityRecord], canonical: dict[str, str]) -> tuple[tuple[str, str], ...]:
    places: dict[str, set[str]] = defaultdict(set)
    prefs = {r.iri: r.prefs for r in records}
    for r in records:
        if "Place" in r.types:
            for label in r.prefs:
                places[place_stem(label)].add(r.iri)
    links = set()
    for r in records:
        if r.kind not in {"named"} or "Place" in r.types:
            continue
        for label in r.prefs:
            own = normalise(label)
            for stem in demonym_stems(label):
                for place in places.get(stem, ()):
                    if not any(normalise(p) == own for p in prefs[place]) and \
                            canonical[place] != canonical[r.iri]:
                        links.add((canonical[r.iri], canonical[place]))
    return tuple(sorted(links))

