"""Executors for the per-document step: serial, local processes, or a Ray cluster.

The per-document step (parse, extract, convert to quads) is a pure function of
(document, settings), so it can run anywhere. Each executor takes batches of
documents and yields, per document, a :class:`DocumentResult` holding the
document graph as N-Quads bytes: plain data that crosses process and machine
boundaries cheaply and loads into Oxigraph without Python objects per quad.

Workers load spaCy once (a process initializer, or one Ray actor per worker) and
parse a whole batch with one ``nlp.pipe`` call. At most ``2 * workers`` batches
are in flight, so memory is bounded by the batch size, not the corpus size.

>>> settings = Settings(base_iri="http://ex.org/")
>>> sorted(EXECUTORS)
['processes', 'ray', 'serial']
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from kg.model import Document

__all__ = [
    "EXECUTORS",
    "DocumentResult",
    "Settings",
    "check_executor",
    "default_executor",
    "make_executor",
    "process_batch",
]


@dataclass(frozen=True)
class Settings:
    """Everything per-document work depends on besides the document itself."""

    base_iri: str
    model: str | None = None
    pieces: bool = False  # also make each document's export piece (kg.export.formats.statements_piece)


@dataclass(frozen=True)
class DocumentResult:
    """The outcome of one document: its graph as N-Quads, or the error that stopped it."""

    source: str
    sha256: str
    iri: str
    nquads: bytes = b""
    sentences: int = 0
    claims: int = 0
    error: str | None = None
    piece: bytes = b""  # the graph's export piece, when the settings ask for it


def process_batch(documents: list[Document], settings: Settings) -> list[DocumentResult]:
    """Parse, extract and convert a batch of documents in this process.

    One failing document yields a result with ``error`` set; the others go on. When
    parsing the batch fails as a whole, its documents are retried one by one, so
    only the document that fails is lost.
    """
    from kg import faults
    from kg.export.formats import document_nquads_and_piece
    from kg.extract import extract_parsed, split_pieces
    from kg.extract.casing import common_words
    from kg.nlp import DEFAULT_MODEL, load_pipeline
    from kg.rdf import terms

    nlp = load_pipeline(settings.model or DEFAULT_MODEL)
    for document in documents:
        faults.poison(document.text)
    common = common_words(nlp)
    pieces = [(i, text, offset) for i, doc in enumerate(documents) for text, offset in split_pieces(doc, common)]
    parsed: list[list] = [[] for _ in documents]
    try:
        for (i, _, offset), spacy_doc in zip(pieces, nlp.pipe(text for _, text, _ in pieces)):
            parsed[i].append((spacy_doc, offset))
    except Exception as exc:  # the parser or a pipeline component failed on some piece of the batch
        if len(documents) > 1:
            return [result for document in documents for result in process_batch([document], settings)]
        document = documents[0]
        iri = terms.document_iri(settings.base_iri, document.sha256)
        return [DocumentResult(document.source, document.sha256, iri, error=f"{type(exc).__name__}: {exc}")]
    results = []
    for document, chunks in zip(documents, parsed):
        iri = terms.document_iri(settings.base_iri, document.sha256)
        try:
            extraction = extract_parsed(document, chunks)
            data, piece = document_nquads_and_piece(extraction, settings.base_iri, piece=settings.pieces)
        except Exception as exc:  # one bad document must not sink the batch
            results.append(DocumentResult(document.source, document.sha256, iri, error=f"{type(exc).__name__}: {exc}"))
            continue
        results.append(
            DocumentResult(document.source, document.sha256, iri, data, len(extraction.sentences), len(extraction.claims),
                           piece=piece)
        )
    return results


class SerialExecutor:
    """Everything in this process: the reference the others must match byte for byte."""

    def __init__(self, settings: Settings, workers: int = 1) -> None:
        self.settings = settings

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[DocumentResult]]:
        for batch in batches:
            yield process_batch(batch, self.settings)

    def close(self) -> None:
        pass


def _init_worker(settings: Settings) -> None:
    from kg.nlp import DEFAULT_MODEL, load_pipeline

    load_pipeline(settings.model or DEFAULT_MODEL)


class ProcessExecutor:
    """A pool of local processes, each loading spaCy once.

    A worker that dies (killed by the kernel for memory, or crashed by a native
    library on some input) breaks the pool. The executor then starts a new pool and
    runs the batches that were in flight again one document at a time: a document
    that kills its worker a second time gets an error result, and the build goes on.
    """

    def __init__(self, settings: Settings, workers: int | None = None) -> None:
        self.settings = settings
        self.workers = workers or max(1, os.cpu_count() or 1)
        self._pool = self._start()

    def _start(self):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("spawn")  # no fork of a process holding an open store
        return ProcessPoolExecutor(self.workers, mp_context=context, initializer=_init_worker,
                                   initargs=(self.settings,))

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[DocumentResult]]:
        yield from _bounded(lambda b: (b, self._pool.submit(process_batch, b, self.settings)), batches,
                            2 * self.workers, self._result)

    def _result(self, submitted) -> list[DocumentResult]:
        from concurrent.futures.process import BrokenProcessPool

        batch, future = submitted
        try:
            return future.result()
        except BrokenProcessPool:
            self._restart()
            return [self._alone(document) for document in batch]

    def _alone(self, document: Document) -> DocumentResult:
        """One document in a pool of its own making: its result, or the error that its worker died."""
        from concurrent.futures.process import BrokenProcessPool

        from kg.rdf import terms

        try:
            return self._pool.submit(process_batch, [document], self.settings).result()[0]
        except BrokenProcessPool:
            self._restart()
            iri = terms.document_iri(self.settings.base_iri, document.sha256)
            return DocumentResult(document.source, document.sha256, iri,
                                  error="the worker process died while extracting it (out of memory, or a crash)")

    def _restart(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._start()

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


class RayExecutor:
    """One Ray actor per worker; each loads spaCy once and processes whole batches.

    ``address`` is a Ray cluster address ("auto", "ray://host:10001"); None starts
    a local cluster.
    """

    def __init__(self, settings: Settings, workers: int | None = None, address: str | None = None) -> None:
        try:
            import ray
        except ImportError as exc:  # pragma: no cover - depends on the optional extra
            raise ValueError("the ray executor needs Ray: pip install 'claimgraph[ray]'") from exc
        self._ray = ray
        self._owns_cluster = not ray.is_initialized()
        if self._owns_cluster:
            ray.init(address=address, include_dashboard=False, log_to_driver=False, configure_logging=False)
        n = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))

        @ray.remote(num_cpus=1)
        class _Worker:
            def __init__(self, settings: Settings) -> None:
                _init_worker(settings)
                self.settings = settings

            def run(self, batch: list[Document]) -> list[DocumentResult]:
                return process_batch(batch, self.settings)

        self._actors = [_Worker.remote(settings) for _ in range(n)]
        self.workers = n

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[DocumentResult]]:
        free = deque(self._actors)
        pending: deque = deque()
        for batch in batches:
            if not free:
                ref, actor = pending.popleft()
                yield self._ray.get(ref)
                free.append(actor)
            actor = free.popleft()
            pending.append((actor.run.remote(batch), actor))
        while pending:
            ref, _ = pending.popleft()
            yield self._ray.get(ref)

    def close(self) -> None:
        for actor in self._actors:
            self._ray.kill(actor)
        if self._owns_cluster:
            self._ray.shutdown()


def _bounded(submit, items, limit: int, result):
    """Submit items keeping at most ``limit`` in flight; yield results in submission order."""
    pending: deque = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= limit:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


EXECUTORS = {"serial": SerialExecutor, "processes": ProcessExecutor, "ray": RayExecutor}


def default_executor() -> str:
    """``processes`` on a machine with more than one core, else ``serial``."""
    return "processes" if (os.cpu_count() or 1) > 1 else "serial"


def check_executor(name: str) -> str:
    """``name`` when it names an executor, else a ValueError listing the known ones.

    >>> check_executor("ray")
    'ray'
    """
    if name not in EXECUTORS:
        raise ValueError(f"unknown executor {name!r}; known: {', '.join(sorted(EXECUTORS))}")
    return name


def make_executor(name: str, settings: Settings, *, workers: int | None = None, ray_address: str | None = None):
    """Start the executor ``name`` (workers load spaCy now); ``close()`` it when done."""
    check_executor(name)
    if name == "ray":
        return RayExecutor(settings, workers, ray_address)
    return EXECUTORS[name](settings, workers)
