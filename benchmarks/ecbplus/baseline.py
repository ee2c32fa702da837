"""The same-head-lemma baseline for cross-document entity coreference.

Within a topic, every evaluated gold mention whose head has the same lemma (spaCy's,
lower-cased) joins one cluster: "Hugh Jackman" and "Jackman" merge, "the actor" and
"the Australian actor" merge, "he" and "him" merge (lemma "he"), and so do two different
people called "Smith". It is the standard lexical baseline of cross-document coreference
(strong on ECB+, where many topic mentions share a head) and what the resolver must beat.

>>> from benchmarks.ecbplus.corpus import GoldMention
>>> def m(i, lemma): return GoldMention(i, "2_1ecb", "HUMAN_PART_PER", (1,), 0, 0, 1, "x", "c", 1, lemma)
>>> doc = CorpusDocument("2_1ecb", 2, "ecb", "D", "x", (), (m("a", "jackman"), m("b", "jackman"), m("c", "he")),
...                      frozenset({0}))
>>> clusters = head_lemma_clusters([doc])
>>> clusters["a"] == clusters["b"] != clusters["c"]
True
"""

from __future__ import annotations

from collections.abc import Iterable

from benchmarks.ecbplus.corpus import CorpusDocument

__all__ = ["head_lemma_clusters"]


def head_lemma_clusters(documents: Iterable[CorpusDocument]) -> dict[str, str]:
    """Mention id -> ``"<topic>:<head lemma>"`` for the evaluated mentions of ``documents``.

    Raises ``ValueError`` when a mention has no head yet (run
    :func:`benchmarks.ecbplus.corpus.annotate_heads` first).
    """
    clusters: dict[str, str] = {}
    for document in documents:
        for mention in document.evaluated_mentions:
            if mention.head_lemma is None:
                raise ValueError(f"mention {mention.id} has no head lemma: run annotate_heads() first")
            clusters[mention.id] = f"{document.topic}:{mention.head_lemma}"
    return clusters
