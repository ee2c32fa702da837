"""Build: the whole data flow, from input files to a store and its exports.

    ingest -> extract (per document, pure) -> rdf -> store -> resolve -> export

Per-document work depends only on (document, settings), so the build is
incremental and idempotent: a document whose graph is already in the store (same
content hash, hence same IRI) is skipped; a changed file replaces the graph of its
previous version; building twice gives the same graph.
"""

from __future__ import annotations

import itertools
import os
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import NamedNode

from kg.errors import InputError
from kg.model import Document
from kg.rdf import terms
from kg.store import Store, open_store

__all__ = ["BuildReport", "build", "graph_stats", "DEFAULT_EXPORTS"]

#: Files every build writes unless told otherwise.
DEFAULT_EXPORTS = ("ttl", "trig", "nq", "jsonld", "html")
TEXTS_DIRNAME = "texts"
#: Documents per batch sent to a worker: big enough for nlp.pipe to batch well, small enough to bound memory.
DEFAULT_BATCH_SIZE = 16


@dataclass
class BuildReport:
    """What a build did, and the state of the graph afterwards."""

    out_dir: Path
    built: int = 0
    unchanged: int = 0
    replaced: int = 0
    skipped: list[str] = field(default_factory=list)  # one line per input that could not be built
    warnings: list[str] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.skipped


_STATS = {
    "documents": "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a schema:NewsArticle }",
    "sentences": "SELECT (SUM(?c) AS ?n) WHERE { ?d a schema:NewsArticle ; cg:sentenceCount ?c }",
    "entities": "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a cg:Entity FILTER NOT EXISTS { ?e a schema:Thing } }",
    "claims": "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a cg:Claim }",
    "claim_mentions": "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a cg:ClaimMention }",
    "multi_source_claims": "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c cg:supportCount ?k FILTER (?k >= 2) }",
    "conflicts": "SELECT (COUNT(*) AS ?n) WHERE { ?a cg:conflictsWith ?b FILTER (STR(?a) < STR(?b)) }",
}


def graph_stats(store: Store) -> dict[str, int]:
    """Counts that summarise a graph (documents, sentences, named entities, claims, ...)."""
    stats = {}
    for name, sparql in _STATS.items():
        rows = store.select(sparql)
        stats[name] = int(rows[0]["n"].value) if rows and "n" in rows[0] else 0
    return stats


def _existing_sources(store: Store) -> dict[str, set[str]]:
    """source path -> IRIs of the document graphs built from it."""
    found: dict[str, set[str]] = defaultdict(set)
    for row in store.select("SELECT ?d ?src WHERE { GRAPH ?d { ?d a schema:NewsArticle ; dct:source ?src } }"):
        found[row["src"].value].add(row["d"].value)
    return found


def _save_text(out_dir: Path, document: Document) -> None:
    folder = out_dir / TEXTS_DIRNAME
    folder.mkdir(exist_ok=True)
    path = folder / f"{document.sha256}.txt"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        tmp.write_text(document.text, encoding="utf-8", newline="")
        os.replace(tmp, path)


def build(
    inputs: Sequence[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    base_iri: str = terms.DEFAULT_BASE_IRI,
    model: str | None = None,
    force: bool = False,
    exports: Iterable[str] = DEFAULT_EXPORTS,
    executor: str = "serial",
    workers: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    ray_address: str | None = None,
    progress: Callable[[Document], None] | None = None,
    aliases: str | os.PathLike[str] | None = None,
) -> BuildReport:
    """Build (or update) the claim graph of ``inputs`` in ``out_dir``.

    Inputs that cannot be read are listed in ``report.skipped`` and the rest is
    built. ``executor`` picks where per-document work runs (see kg.parallel).
    ``aliases`` is an alias file for the resolve stage (:mod:`kg.resolve.aliases`); it is
    read before anything is built, so a bad file fails fast. Raises
    :class:`kg.errors.StoreError` when the store is locked by another process.
    """
    from kg.ingest import iter_documents
    from kg.parallel import Settings, make_executor
    from kg.resolve import load_aliases, resolve

    base_iri = terms.check_base_iri(base_iri)
    if batch_size < 1:
        raise ValueError(f"batch size must be at least 1, got {batch_size}")
    alias_rules = load_aliases(aliases) if aliases is not None else None
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    report = BuildReport(out_dir=out)
    store = open_store(out, create=True)
    previous = _existing_sources(store)
    seen: set[str] = set()

    def on_error(err: InputError) -> None:
        report.skipped.append(str(err))

    def to_build() -> Iterator[Document]:
        for document in iter_documents(list(inputs), on_error=on_error):
            if progress is not None:
                progress(document)
            iri = terms.document_iri(base_iri, document.sha256)
            if iri in seen:
                continue  # the same text twice in one run: one graph
            seen.add(iri)
            if store.has_graph(NamedNode(iri)) and not force:
                report.unchanged += 1
                _drop_stale(store, previous, document.source, iri, report)
                continue
            _save_text(out, document)
            yield document

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        batches = _batched(to_build(), batch_size)
        first = next(batches, None)
        if first is not None:  # start workers (and load spaCy) only when there is work
            runner = make_executor(executor, Settings(base_iri, model), workers=workers, ray_address=ray_address)
            try:
                for results in runner.map(itertools.chain([first], batches)):
                    for result in results:
                        _store_result(store, result, previous, report)
            finally:
                runner.close()
        report.warnings.extend(str(w.message) for w in caught)

    resolve(store, base_iri, aliases=alias_rules)
    store.flush()
    report.stats = graph_stats(store)
    report.files = write_outputs(store, out, exports)
    return report


def _batched(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _drop_stale(store: Store, previous: dict[str, set[str]], source: str, iri: str, report: BuildReport) -> None:
    """A file that changed leaves the graph of its previous version behind: drop it."""
    for old in sorted(previous.pop(source, set()) - {iri}):
        store.drop_graph(NamedNode(old))
        report.replaced += 1


def _store_result(store: Store, result, previous: dict[str, set[str]], report: BuildReport) -> None:
    if result.error:
        report.skipped.append(str(InputError("E106", path=result.source, reason=result.error)))
        return
    store.replace_graph_data(NamedNode(result.iri), result.nquads)
    report.built += 1
    _drop_stale(store, previous, result.source, result.iri, report)


def write_outputs(store: Store, out: Path, exports: Iterable[str]) -> dict[str, Path]:
    """Write the requested exports (``html`` is the graph page) into ``out``."""
    from kg.export.formats import write_export

    files = {}
    for fmt in exports:
        if fmt == "html":
            try:
                from kg.export.page import write_page
            except ImportError:
                continue
            files[fmt] = write_page(store, out / "graph.html")
        else:
            files[fmt] = write_export(store, fmt, out / f"graph.{fmt}").path
    return files
