"""Build: the whole data flow, from input files to a store and its exports.

    ingest -> extract (per document, pure) -> rdf -> store -> resolve -> export

Per-document work depends only on (document, settings), so the build is
incremental and idempotent: a document whose graph is already in the store (same
content hash, hence same IRI) is skipped; a changed file replaces the graph of its
previous version; building twice gives the same graph.

Speed and memory: per-document work runs on an executor (kg.parallel) with a
bounded number of batches in flight; the document graphs come back as N-Quads and
are written with Oxigraph's bulk loader in chunks of about :data:`LOAD_CHUNK_BYTES`
(:meth:`kg.store.Store.load_documents`, crash-safe through each document's
``cg:sha256`` triple), so memory depends on the batch and chunk sizes, not on the
corpus. The ``auto`` executor runs local processes on a multi-core machine, except
for small inputs: when fewer than :data:`AUTO_SERIAL_BELOW` documents need building
(found by reading ahead at most that many, not the whole input) it works in this
process, since starting worker processes and loading spaCy in each costs more than
it saves.
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
#: N-Quads bytes collected before one bulk load into the store (bigger loads are faster, up to a point).
LOAD_CHUNK_BYTES = 32 * 1024 * 1024
#: With ``executor="auto"``, fewer documents to build than this are built in this process.
AUTO_SERIAL_BELOW = 32


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
    "entities": "SELECT (COUNT(*) AS ?n) WHERE { { SELECT DISTINCT ?e WHERE { ?e a cg:Entity } } "
                "FILTER NOT EXISTS { ?e a schema:Thing } }",
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
    executor: str = "auto",
    workers: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    ray_address: str | None = None,
    progress: Callable[[Document], None] | None = None,
    aliases: str | os.PathLike[str] | None = None,
) -> BuildReport:
    """Build (or update) the claim graph of ``inputs`` in ``out_dir``.

    Inputs that cannot be read are listed in ``report.skipped`` and the rest is
    built. ``executor`` picks where per-document work runs (see kg.parallel and
    ``auto`` in the module docstring); ``batch_size`` is the number of documents
    per batch sent to a worker. ``aliases`` is an alias file for the resolve stage
    (:mod:`kg.resolve.aliases`); it is read before anything is built, so a bad file
    fails fast. Raises :class:`kg.errors.StoreError` when the store is locked by
    another process.
    """
    from kg.ingest import iter_documents
    from kg.parallel import Settings, check_executor, default_executor, make_executor
    from kg.resolve import load_aliases, resolve

    base_iri = terms.check_base_iri(base_iri)
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch size must be a whole number of documents, at least 1, got {batch_size!r}")
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int) or workers < 1):
        raise ValueError(f"workers must be a whole number, at least 1, got {workers!r}")
    if executor != "auto":
        check_executor(executor)
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
            if store.holds_document(NamedNode(iri)) and not force:
                report.unchanged += 1
                _drop_stale(store, previous, document.source, iri, report)
                continue
            _save_text(out, document)
            yield document

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        batches = _batched(to_build(), batch_size)
        ahead = _read_ahead(batches, AUTO_SERIAL_BELOW if executor == "auto" else 1)
        if ahead:  # start workers (and load spaCy) only when there is work
            if executor == "auto":
                few = sum(map(len, ahead)) < AUTO_SERIAL_BELOW
                executor = "serial" if few else default_executor()
            runner = make_executor(executor, Settings(base_iri, model), workers=workers, ray_address=ray_address)
            loader = _Loader(store, previous, report)
            try:
                for results in runner.map(itertools.chain(ahead, batches)):
                    for result in results:
                        loader.add(result)
                loader.flush()
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


def _read_ahead(batches: Iterator[list[Document]], documents: int) -> list[list[Document]]:
    """The first batches, until they hold ``documents`` documents or the input ends."""
    ahead: list[list[Document]] = []
    count = 0
    while count < documents:
        batch = next(batches, None)
        if batch is None:
            break
        ahead.append(batch)
        count += len(batch)
    return ahead


class _Loader:
    """Collects document graphs (N-Quads) and writes them into the store in bulk chunks."""

    def __init__(self, store: Store, previous: dict[str, set[str]], report: BuildReport,
                 chunk_bytes: int = LOAD_CHUNK_BYTES) -> None:
        self.store, self.previous, self.report, self.chunk_bytes = store, previous, report, chunk_bytes
        self._pending: list = []
        self._size = 0

    def add(self, result) -> None:
        if result.error:
            self.report.skipped.append(str(InputError("E106", path=result.source, reason=result.error)))
            return
        self._pending.append(result)
        self._size += len(result.nquads)
        if self._size >= self.chunk_bytes:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        self.store.load_documents((NamedNode(r.iri), r.nquads) for r in self._pending)
        for result in self._pending:
            self.report.built += 1
            _drop_stale(self.store, self.previous, result.source, result.iri, self.report)
        self._pending, self._size = [], 0


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
