"""Build: the whole data flow, from input files to a store and its exports.

    ingest -> extract (per document, pure) -> rdf -> store -> resolve -> export

Per-document work depends only on (document, settings), so the build is
incremental and idempotent: a document whose graph is already in the store (same
content hash, hence same IRI) is skipped; a changed file replaces the graph of its
previous version; building twice gives the same graph.

Speed and memory: per-document work runs on an executor (kg.parallel) with a
bounded number of batches in flight; the document graphs come back as N-Quads and
are written with Oxigraph's bulk loader in chunks of about :data:`LOAD_CHUNK_BYTES`, each
gathered in a file beside the store as the documents come (:meth:`kg.store.Store.stage_document`,
then :meth:`kg.store.Store.load_staged`, crash-safe through each document's
``cg:sha256`` triple, written for about :data:`SEAL_EVERY_BYTES` of chunks at once),
each chunk on a thread of its own while the next documents are parsed (one chunk loads
while the next one fills), so memory depends on the batch and chunk sizes, not on the corpus. The ``auto`` executor runs local processes on a multi-core machine, except
for small inputs: when fewer than :data:`AUTO_SERIAL_BELOW` documents need building
(found by reading ahead at most that many, not the whole input) it works in this
process, since starting worker processes and loading spaCy in each costs more than
it saves.

Scraped input is expected to be messy, and a build goes on through all of it:
an input that cannot be read or extracted is listed in ``BuildReport.skipped``
with the reason (and the build's exit code says so); a document in a language
other than English is left out with a warning (``BuildReport.left_out``), since
the English pipeline would make garbage claims from it; a document whose body is
longer than :data:`kg.ingest.pieces.WINDOW_CHARS` is extracted window by window,
so memory stays bounded however large it is.

Crash safety: a document counts as built only when its graph holds its
``cg:sha256`` triple (:meth:`kg.store.Store.holds_document`), which is loaded
with the rest of the document in one atomic load, or after the last window of a
huge one. A build killed at any moment leaves documents either built or not,
and the next build finishes the job; resolve and the exports are recomputed
from the store every time (the exports reuse the pieces the store caches for the
graphs no write has touched since: DIR/export-cache, see :mod:`kg.store`; exports into the same files as
last time copy the unchanged parts of the previous files, see :mod:`kg.export.incremental`). The crash tests use the points of :mod:`kg.faults`.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import NamedNode

from kg import faults
from kg.errors import InputError, StoreError
from kg.ingest.pieces import WINDOW_CHARS, windows
from kg.memory import release_free_memory
from kg.model import Document
from kg.rdf import terms
from kg.rdf.convert import clean_text
from kg.store import Store, open_store

__all__ = ["BuildReport", "build", "graph_stats", "DEFAULT_EXPORTS", "SUPPORTED_LANGUAGES"]

#: Files every build writes unless told otherwise.
DEFAULT_EXPORTS = ("ttl", "trig", "nq", "jsonld", "html")
TEXTS_DIRNAME = "texts"
#: Documents per batch sent to a worker: big enough for nlp.pipe to batch well, small enough to bound memory.
DEFAULT_BATCH_SIZE = 16
#: N-Quads bytes staged for one bulk load into the store. Each load of a build costs RocksDB a compaction of the
#: store loaded so far (the keys are hashes, so every load overlaps the whole store), so fewer, bigger loads
#: halve the store's background CPU; the bulk loader takes some 3.4 bytes of memory per byte it loads, which
#: bounds the chunk (staged documents are not held: :meth:`kg.store.Store.stage_document`).
LOAD_CHUNK_BYTES = 64 * 1024 * 1024
#: N-Quads bytes bulk-loaded before the loaded documents' ``cg:sha256`` triples are written (one transaction):
#: what a killed build loses and the next build loads again, traded against one more compaction of the whole store
#: per transaction (:meth:`kg.store.Store.load_documents`).
SEAL_EVERY_BYTES = 256 * 1024 * 1024
#: With ``executor="auto"``, fewer documents to build than this are built in this process.
AUTO_SERIAL_BELOW = 32
#: Most body characters in one batch: with huge documents cut into windows, this bounds a worker's memory.
BATCH_CHARS = 200_000
#: Languages the extraction handles (an English pipeline and English rules). Documents detected as another
#: language are left out with a warning; documents whose language cannot be told are built.
SUPPORTED_LANGUAGES = ("en",)


@dataclass
class BuildReport:
    """What a build did, and the state of the graph afterwards."""

    out_dir: Path
    built: int = 0
    unchanged: int = 0
    replaced: int = 0
    skipped: list[str] = field(default_factory=list)  # one line per input that could not be built
    left_out: list[str] = field(default_factory=list)  # one line per document not built on purpose (language)
    warnings: list[str] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when every input was read and extracted (documents left out on purpose do not count)."""
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
#: Triples whose values the export state's counters do not read as the counts above do
#: (:func:`kg.export.incremental._subject_counts`): while any is in the store, the counts are not kept.
_UNREAD = (
    "ASK { { ?s cg:sentenceCount ?c } UNION { ?s cg:supportCount ?c } "
    'FILTER (!isLiteral(?c) || DATATYPE(?c) != xsd:integer || !REGEX(STR(?c), "^[+-]?[0-9]{1,18}$")) }',
    'ASK { ?a cg:conflictsWith ?b FILTER (isLiteral(?b) || CONTAINS(STR(?a), "\\\\") '
    '|| CONTAINS(STR(?b), "\\\\")) }',
)


def graph_stats(store: Store) -> dict[str, int]:
    """Counts that summarise a graph (documents, sentences, named entities, claims, ...).

    Why two ways: counting the whole store is seven SPARQL aggregates (about a second for the 2M quads
    of the ECB+ corpus), while an incremental build changes few of the counted triples. The export state
    (:mod:`kg.export.incremental`) keeps these counts beside the union behind graph.ttl and updates them
    from the subjects an incremental export changes; they are used when that state still describes the
    store. Otherwise (first build, no Turtle export, the store changed since) the store is counted, and
    the counts are kept with the state when it describes the store.
    """
    from kg.export import incremental

    kept = incremental.union_counts(store)
    if kept is not None and set(kept) == set(_STATS):
        return {name: kept[name] for name in _STATS}
    stats = {}
    for name, sparql in _STATS.items():
        rows = store.select(sparql)
        stats[name] = int(rows[0]["n"].value) if rows and "n" in rows[0] else 0
    if set(stats) == set(incremental.COUNT_NAMES) and not any(store.query(ask) for ask in _UNREAD):
        incremental.keep_counts(store, stats)
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
    languages: Iterable[str] = SUPPORTED_LANGUAGES,
    wait: float = 0.0,
) -> BuildReport:
    """Build (or update) the claim graph of ``inputs`` in ``out_dir``.

    Inputs that cannot be read are listed in ``report.skipped`` and the rest is
    built; documents detected as written in a language not in ``languages`` are
    listed in ``report.left_out``. ``executor`` picks where per-document work
    runs (see kg.parallel and ``auto`` in the module docstring); ``batch_size`` is
    the number of documents per batch sent to a worker. ``aliases`` is an alias
    file for the resolve stage (:mod:`kg.resolve.aliases`); it is read before
    anything is built, so a bad file fails fast. Raises
    :class:`kg.errors.StoreError` when the store is locked by another process
    (after waiting up to ``wait`` seconds for it).
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
    exports = tuple(exports)
    accepted = frozenset(languages)
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError("E202", path=str(out), reason=f"cannot create the build folder ({exc.strerror or exc})") from exc
    report = BuildReport(out_dir=out)
    store = open_store(out, create=True, wait=wait)
    previous = _existing_sources(store)
    seen: set[str] = set()
    large: dict[str, _Large] = {}  # huge documents being loaded window by window, by sha256

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
            if document.language and document.language not in accepted:
                report.left_out.append(
                    f"{document.source}: written in {document.language!r}, not English; left out "
                    "(the extraction would make garbage claims from it)"
                )
                continue
            if store.holds_document(NamedNode(iri)) and not force:
                report.unchanged += 1
                _drop_stale(store, previous, clean_text(document.source), iri, report)
                continue
            _save_text(out, document)
            parts = windows(document.text, document.body, max_chars=WINDOW_CHARS)
            if len(parts) == 1:
                yield document
                continue
            large[document.sha256] = _Large(document, len(parts))
            for body in parts:
                window = dataclasses.replace(document, body=body)
                window.__dict__["sha256"] = document.sha256  # the cached hash: not 20 MB hashed per window
                yield window

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        batches = _batched(to_build(), batch_size, BATCH_CHARS)
        ahead = _read_ahead(batches, AUTO_SERIAL_BELOW if executor == "auto" else 1)
        if ahead:  # start workers (and load spaCy) only when there is work
            if executor == "auto":
                few = sum(map(len, ahead)) < AUTO_SERIAL_BELOW
                executor = "serial" if few else default_executor()
            pieces = any(fmt != "html" for fmt in exports)  # workers render export pieces too (kg.store's cache)
            runner = make_executor(executor, Settings(base_iri, model, pieces), workers=workers,
                                   ray_address=ray_address)
            loader = _Loader(store, previous, report)
            try:
                for results in runner.map(itertools.chain(ahead, batches)):
                    faults.reached("build.extract")
                    for result in results:
                        if result.sha256 in large:
                            loader.flush()  # whole documents first: a huge one is loaded window by window
                            _store_window(store, result, large, base_iri, previous, report)
                        else:
                            loader.add(result)
                loader.flush()
                store.seal_documents()
            finally:
                runner.close()
                store.settle()  # no load left running behind an error
        report.warnings.extend(str(w.message) for w in caught)

    release_free_memory()  # the parse phase's freed heap, before resolve's tables (which grow with the corpus)
    resolve(store, base_iri, aliases=alias_rules)
    store.flush()
    release_free_memory()  # resolve's records, before the exports
    report.files = write_outputs(store, out, exports)
    report.stats = graph_stats(store)  # after the exports: an incremental one keeps the counts up to date
    return report


def _batched(items: Iterable[Document], size: int, max_chars: int = BATCH_CHARS) -> Iterator[list[Document]]:
    """Batches of at most ``size`` documents and (unless one document is larger) ``max_chars`` body characters."""
    batch: list[Document] = []
    chars = 0
    for item in items:
        length = sum(end - start for start, end in item.body)
        if batch and chars + length > max_chars:
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += length
        if len(batch) >= size:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


@dataclass
class _Large:
    """A huge document whose windows are being extracted and loaded one after the other."""

    document: Document
    windows: int
    done: int = 0
    sentences: int = 0
    error: str | None = None


def _without_seal(nquads: bytes, iri: str) -> bytes:
    """A window's N-Quads without the document's ``cg:sha256`` and ``cg:sentenceCount`` lines."""
    from kg.rdf.namespaces import CG

    seal = tuple(f"<{iri}> <{p}> ".encode() for p in (CG.sha256, CG.sentenceCount))
    return b"".join(line for line in nquads.splitlines(keepends=True) if not line.startswith(seal))


def _store_window(store: Store, result, large: dict[str, _Large], base: str, previous, report: BuildReport) -> None:
    """Load one window of a huge document; after the last one, seal the graph (or drop it if a window failed)."""
    from kg.rdf.convert import seal_quads

    entry = large[result.sha256]
    graph = NamedNode(result.iri)
    if entry.done == 0:
        store.drop_graph(graph)  # what an interrupted build left of this document
    entry.done += 1
    if result.error:
        entry.error = entry.error or result.error
    elif entry.error is None:
        store.add_data(_without_seal(result.nquads, result.iri), graph)
        entry.sentences += result.sentences
    if entry.done < entry.windows:
        return
    del large[result.sha256]
    if entry.error is not None:
        store.drop_graph(graph)
        report.skipped.append(str(InputError("E106", path=result.source, reason=entry.error)))
        return
    store.add_quads(seal_quads(entry.document, base, entry.sentences))
    report.built += 1
    _drop_stale(store, previous, clean_text(result.source), result.iri, report)


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
    """Stages document graphs (N-Quads) and their export pieces, and writes them into the store in bulk chunks.

    Staged documents are not held in memory (:meth:`kg.store.Store.stage_document`), so a chunk costs only the
    bulk loader's memory while it loads, on a thread of its own beside the parse of the next documents.
    """

    def __init__(self, store: Store, previous: dict[str, set[str]], report: BuildReport,
                 chunk_bytes: int = LOAD_CHUNK_BYTES, seal_bytes: int = SEAL_EVERY_BYTES) -> None:
        self.store, self.previous, self.report, self.chunk_bytes = store, previous, report, chunk_bytes
        self.seal_bytes = seal_bytes
        self._staged = 0  # documents staged since the last load
        self._size = 0
        self._unsealed = 0  # N-Quads bytes loaded since the last seal_documents

    def add(self, result) -> None:
        if result.error:
            self.report.skipped.append(str(InputError("E106", path=result.source, reason=result.error)))
            return
        self.store.stage_document(NamedNode(result.iri), result.nquads, result.piece)
        self.report.built += 1
        _drop_stale(self.store, self.previous, clean_text(result.source), result.iri, self.report)
        self._staged += 1
        self._size += len(result.nquads)
        if self._size >= self.chunk_bytes:
            self.flush()

    def flush(self) -> None:
        if not self._staged:
            return
        # sealing waits for the loads: before this one starts, the last one has had a chunk's parse to finish in
        if self._unsealed >= self.seal_bytes:
            self.store.seal_documents()
            self._unsealed = 0
        # in the background: the next documents are parsed while these load (the loader releases the GIL)
        self.store.load_staged(background=True)
        self._unsealed += self._size
        self._staged, self._size = 0, 0


def write_outputs(store: Store, out: Path, exports: Iterable[str]) -> dict[str, Path]:
    """Write the requested exports (``html`` is the graph page) into ``out``.

    The RDF files are written in one pass over the store (:func:`kg.export.formats.write_export_files`),
    then the page.
    """
    from kg.export.formats import write_export_files

    exports = list(exports)
    files: dict[str, Path] = {}
    rdf = [fmt for fmt in exports if fmt != "html"]
    if rdf:
        done = write_export_files(store, [(fmt, out / f"graph.{fmt}") for fmt in rdf],
                                  between=lambda _: faults.reached("build.export"))
        files.update((fmt, export.path) for fmt, export in zip(rdf, done))
    if "html" in exports:
        try:
            from kg.export.page import write_page
        except ImportError:
            return files
        files["html"] = write_page(store, out / "graph.html")
        faults.reached("build.export")
    return files
