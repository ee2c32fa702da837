"""Map gold ECB+ mentions to the entities a claimgraph build made, and cluster them.

The build is read only through the store and the public RDF model (DESIGN.md):

- documents are found by ``cg:sha256`` (the hash of the exact text given to the build,
  so a document whose text the build changed is reported, never silently misaligned);
- an ``cg:EntityMention`` gives ``oa:hasBody`` the entity and a target whose
  ``oa:hasSource`` is the document and whose ``oa:TextPositionSelector`` gives
  ``oa:start``/``oa:end``;
- ``owl:sameAs`` links (the resolution graph, or anywhere in the union graph) join
  entities into one cluster; entities with one IRI are one cluster already.

A gold mention maps to the system mention whose span contains the gold head token,
preferring the shortest such span (then the earliest, then the smallest entity IRI, so
the choice is deterministic). ECB+ tokens are sometimes wider than the build's tokens
(``I'm``, ``"We``): when no system mention contains the whole head token, the shortest
one containing the first letter or digit of the head is taken; a possessive clitic ECB+
keeps on its word ("MacFarlane's", "Williams'") is left out of the head first, as the
build's tokenizer splits it off. A gold mention with no such system mention is a singleton.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from benchmarks.ecbplus.corpus import CorpusDocument
from kg.model import Document

__all__ = [
    "SystemMapping",
    "SystemMention",
    "covering_mention",
    "head_mention",
    "read_same_as",
    "read_system_mentions",
    "system_clusters",
]

_MENTIONS_QUERY = """
SELECT ?sha ?entity ?start ?end WHERE {
  ?doc cg:sha256 ?sha .
  ?m a cg:EntityMention ; oa:hasBody ?entity ; oa:hasTarget ?t .
  ?t oa:hasSource ?doc ; oa:hasSelector ?sel .
  ?sel oa:start ?start ; oa:end ?end .
}
"""
_SAME_AS_QUERY = "SELECT ?a ?b WHERE { ?a owl:sameAs ?b }"


@dataclass(frozen=True, order=True)
class SystemMention:
    """One entity mention of the build: its span in the document text and its entity IRI."""

    start: int
    end: int
    entity: str


@dataclass(frozen=True)
class SystemMapping:
    """Gold mention id -> system cluster id, and how many gold mentions found a system mention."""

    clusters: dict[str, str]
    matched: int
    total: int
    unmatched: tuple[str, ...]  # gold mention ids left as singletons

    @property
    def coverage(self) -> float:
        return self.matched / self.total if self.total else 0.0


def read_system_mentions(store) -> dict[str, list[SystemMention]]:
    """Document ``cg:sha256`` -> its entity mentions (sorted), from a :class:`kg.store.Store`."""
    found: dict[str, set[SystemMention]] = {}
    for row in store.select(_MENTIONS_QUERY):
        mention = SystemMention(int(row["start"].value), int(row["end"].value), row["entity"].value)
        found.setdefault(row["sha"].value, set()).add(mention)
    return {sha: sorted(mentions) for sha, mentions in found.items()}


def read_same_as(store) -> dict[str, str]:
    """Entity IRI -> the representative of its ``owl:sameAs`` component (the smallest IRI)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for row in store.select(_SAME_AS_QUERY):
        a, b = find(row["a"].value), find(row["b"].value)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return {x: find(x) for x in parent}


def covering_mention(mentions: Sequence[SystemMention], start: int, end: int) -> SystemMention | None:
    """The shortest system mention whose span contains ``[start, end)``, or None.

    >>> ms = [SystemMention(0, 20, "e:a"), SystemMention(4, 12, "e:b"), SystemMention(13, 20, "e:c")]
    >>> covering_mention(ms, 5, 9).entity
    'e:b'
    >>> covering_mention(ms, 10, 14).entity     # only the long one contains it
    'e:a'
    >>> covering_mention(ms, 18, 25) is None
    True
    """
    containing = [m for m in mentions if m.start <= start and end <= m.end]
    if not containing:
        return None
    return min(containing, key=lambda m: (m.end - m.start, m.start, m.entity))


#: A possessive clitic that ECB+ keeps on its word ("MacFarlane's", "Williams'") and spaCy splits off.
_POSSESSIVE = re.compile(r"(?<=\w)['’]s?$")


def head_mention(mentions: Sequence[SystemMention], text: str, start: int, end: int) -> SystemMention | None:
    """The system mention for a gold head token at ``text[start:end]`` (see the module docstring).

    >>> text = "I'm here"
    >>> head_mention([SystemMention(0, 1, "e:i")], text, 0, 3).entity     # ECB+ token "I'm", system "I"
    'e:i'
    >>> head_mention([SystemMention(4, 8, "e:h")], text, 0, 3) is None
    True
    >>> text = "Seth MacFarlane's stint"                      # ECB+ token "MacFarlane's", system "Seth MacFarlane"
    >>> ms = [SystemMention(0, 15, "e:seth"), SystemMention(0, 23, "e:stint")]
    >>> head_mention(ms, text, 5, 17).entity
    'e:seth'
    """
    end = start + len(_POSSESSIVE.sub("", text[start:end])) or end
    hit = covering_mention(mentions, start, end)
    if hit is not None:
        return hit
    first = next((i for i in range(start, end) if text[i].isalnum()), None)
    return None if first is None else covering_mention(mentions, first, first + 1)


def system_clusters(store, documents: Iterable[CorpusDocument]) -> SystemMapping:
    """Cluster the evaluated gold mentions of ``documents`` by the entities of the build in ``store``.

    Raises ``ValueError`` when a document is not in the store under the hash of its text,
    or a mention has no head (run :func:`benchmarks.ecbplus.corpus.annotate_heads` first).
    """
    documents = list(documents)
    by_sha = read_system_mentions(store)
    present = {row["sha"].value for row in store.select("SELECT DISTINCT ?sha WHERE { ?d cg:sha256 ?sha }")}
    same_as = read_same_as(store)
    clusters: dict[str, str] = {}
    unmatched: list[str] = []
    for document in documents:
        sha = _sha256(document.text)
        if sha not in present:
            raise ValueError(
                f"document {document.name} is not in the store under the hash of its text; "
                "the build must keep the given text unchanged"
            )
        mentions = by_sha.get(sha, [])
        for gold in document.evaluated_mentions:
            if gold.head is None:
                raise ValueError(f"mention {gold.id} has no head: run annotate_heads() first")
            head = document.token(gold.head)
            hit = head_mention(mentions, document.text, head.start, head.end)
            if hit is None:
                clusters[gold.id] = f"unmatched:{gold.id}"
                unmatched.append(gold.id)
            else:
                clusters[gold.id] = same_as.get(hit.entity, hit.entity)
    total = len(clusters)
    return SystemMapping(clusters, total - len(unmatched), total, tuple(unmatched))


def _sha256(text: str) -> str:
    """The hash the build gives a document's text (``kg.model.Document.sha256``)."""
    return Document(text=text, source="-").sha256
