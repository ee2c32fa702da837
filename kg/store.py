"""The on-disk claim store: one thin wrapper over ``pyoxigraph.Store``.

This is the only module that touches storage. Everything else asks it to load a
document's graph, run SPARQL or dump quads; rdflib is reached by conversion
(:meth:`Store.to_rdflib`), never as a second backend.

Transactions: :meth:`Store.replace_graph` writes a graph of up to
:data:`REPLACE_CHUNK_QUADS` quads in one transaction (only the difference when the graph
exists; a graph with blank nodes is dropped and then re-added in one ``extend``, which
Oxigraph applies atomically), a bigger one that exists by writing only its difference from
the old one (found by sorting both on disk) in one SPARQL update, and a bigger new one
through a staging graph and one SPARQL update. A document counts as built only when its graph holds its ``cg:sha256`` triple,
which arrives in that same atomic write, so a build killed between the drop and the add
leaves the document simply "not built yet" and a rerun finishes it (:meth:`Store.holds_document`).

:meth:`Store.load_documents` is the fast path of a build (a build stages each document as it comes,
:meth:`Store.stage_document`, and loads them by the chunk, :meth:`Store.load_staged`): Oxigraph's bulk loader
(several times faster than transactional loads on disk, but not atomic) writes the
graphs of many documents without their ``cg:sha256`` triples, then one transaction
adds those triples. A build killed during the bulk load leaves graphs without their
``cg:sha256``: not built, so the next build drops and rebuilds them. A build defers
that transaction over several bulk loads (``seal=False``, then :meth:`Store.seal_documents`),
because RocksDB flushes a non-empty write buffer before every ingestion of bulk-loaded
files: with the triples written after each load, each load made two level-0 files, and
so one compaction of the whole store, instead of one every second load. With
``background=True`` the bulk loads run on a thread of their own while the caller goes on (the
loader releases the GIL, so a build parses the next documents meanwhile); every other use of the
store waits for them first (:attr:`Store._store`), except :meth:`Store.holds_document`, which a
pending load cannot change.
:meth:`Store.bulk_replace` uses the bulk loader for big first loads of quads, and
:meth:`Store.replace_graph` for the chunks of a graph too big for one transaction.

The default graph of every query is the union of all named graphs: the merged
knowledge graph. Oxigraph's union is a bag: a triple stated in k document graphs (an
entity's label, a claim's text) matches k times, and plain joins multiply the copies.
Queries over shared nodes make each shared pattern distinct in a subquery, and join
single-pattern subqueries (hash joins of scans) rather than plain patterns (one index
lookup per row); ORDER BY over many rows costs seconds (terms are decoded at every
comparison). See kg/queries/*.rq and benchmarks/RESULTS.md.

Results leave the store fastest through :meth:`Store.query_to` (or :func:`write_results`):
Oxigraph's own SPARQL results writers (JSON, XML, CSV, TSV) turn the solutions into bytes
without making a Python object per term, which costs about as much as evaluating the
query on a big answer (30k rows: about 1 s either way).

Export cache: an on-disk store keeps, beside the database (``DIR/export-cache``), the
rendered export pieces of its graphs (:mod:`kg.export.formats` decides what they hold), so
that an incremental build or a second ``kg export`` does not read and render every
document graph again. Every write through this class drops the pieces of the graphs it
touches (a SPARQL update drops them all) before it writes, so a piece never outlives the
graph it was made from; pieces are written only by a store opened for writing (it holds the
lock). Whoever writes the database without this class must delete that folder.

>>> store = Store()                      # in memory
>>> from pyoxigraph import NamedNode, Quad, Literal
>>> g = NamedNode("http://ex/doc")
>>> store.replace_graph(g, [Quad(g, NamedNode("http://ex/p"), Literal("x"), g)])
>>> [s["o"].value for s in store.select("SELECT ?o WHERE { ?s ?p ?o }")]
['x']
"""

from __future__ import annotations

import contextlib
import hashlib
import heapq
import itertools
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import pyoxigraph as ox

from kg import faults
from kg.errors import QueryError, StoreError
from kg.rdf.namespaces import CG, PREFIXES

__all__ = ["RESULTS_FORMATS", "Store", "open_store", "result_kind", "write_results"]

#: The folder under the build directory that holds the Oxigraph database.
STORE_DIRNAME = "store"
#: The folder beside it that holds rendered export pieces per graph (see the module docstring).
EXPORT_CACHE_DIRNAME = "export-cache"
#: How often a writer waiting for the lock (``wait=``) tries again, in seconds.
LOCK_POLL_SECONDS = 0.2
#: A read-only open that races the writer's compaction (see :func:`_vanished_file`) is tried this many times in
#: all, sleeping READ_ONLY_RETRY_SECONDS, then twice as long, ... between tries (about 0.75 s at most).
READ_ONLY_OPEN_TRIES = 5
READ_ONLY_RETRY_SECONDS = 0.05
_SHA256 = ox.NamedNode(str(CG.sha256))
#: Loads add to RocksDB's in-memory tables until they are flushed; flushing after this many N-Quads bytes
#: keeps a long build's memory flat (without it, memory grew by about 5 bytes per byte loaded, to gigabytes).
FLUSH_EVERY_BYTES = 64 * 2**20
#: Quads :meth:`Store.replace_graph` holds at once: more go through a staging graph, this many per write.
REPLACE_CHUNK_QUADS = 50_000
#: Quads one bulk load of :meth:`Store.replace_graph` streams into Oxigraph's bulk loader (one Python quad at a time,
#: never held as a list): every load is one more set of table files that RocksDB compacts into the whole store.
#: The loader buffers what it is given (100k streamed quads peaked about as high as the 50k held as a list before).
BULK_EXTEND_QUADS = 100_000
#: Appended to a graph's IRI to name the staging graph of :meth:`Store.replace_graph`.
STAGING_SUFFIX = "/staging"
#: Appended to a graph's IRI to name the graph of the quads :meth:`Store.replace_graph` takes out of it when they
#: are too many for one held update (the quads it adds go into the staging graph).
REMOVED_SUFFIX = "/staging-removed"
#: Bytes of N-Triples lines :meth:`Store.replace_graph` sorts in memory at once when it compares an existing graph
#: with its new quads; a bigger graph is sorted in runs of this size on disk, then merged.
SORT_RUN_BYTES = 32 * 2**20
#: The SPARQL 1.1 results formats Oxigraph writes itself, by short name.
RESULTS_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                   "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}


class Store:
    """A claim store, on disk at ``path`` or in memory when ``path`` is None."""

    def __init__(
        self, path: str | os.PathLike[str] | None = None, *, read_only: bool = False, wait: float = 0.0
    ) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self._cache = self.path.parent / EXPORT_CACHE_DIRNAME if self.path is not None else None
        self._unflushed = 0
        self._unsealed: dict[ox.NamedNode, bytes] = {}  # cg:sha256 lines of bulk-loaded graphs not yet written
        self._loading: _Load | None = None  # bulk loads running in the background (load_documents)
        self._staged: _Staged | None = None  # documents gathered for the next bulk load (stage_document)
        deadline = time.monotonic() + max(0.0, wait)
        tries = 0
        while True:
            tries += 1
            try:
                self._oxigraph = self._open(read_only)
                return
            except RuntimeError as exc:  # RocksDB reports a damaged store as "Corruption: ..."
                reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                if read_only and tries < READ_ONLY_OPEN_TRIES and _vanished_file(str(exc)):
                    time.sleep(READ_ONLY_RETRY_SECONDS * 2 ** (tries - 1))
                    continue
                raise StoreError("E202", path=str(self.path), reason=f"the store cannot be opened ({reason})") from exc
            except OSError as exc:
                reason = str(exc)
                if "lock" not in reason.lower():
                    raise StoreError("E202", path=str(self.path), reason=reason) from exc
                if time.monotonic() >= deadline:
                    hint = f"still locked after waiting {wait:g} s" if wait > 0 else (
                        "try again when it has finished, or wait for it with --wait SECONDS")
                    raise StoreError("E200", path=str(self.path), hint=hint) from exc
                time.sleep(LOCK_POLL_SECONDS)

    @property
    def _store(self) -> ox.Store:
        """The Oxigraph store, once the bulk loads :meth:`load_documents` left running in the background are done.

        Every method but :meth:`holds_document` goes through here, so no read or write ever sees a load half done
        or races it; the load's error, if any, is raised here.
        """
        self.settle()
        return self._oxigraph

    @_store.setter
    def _store(self, value: ox.Store) -> None:
        self._oxigraph = value

    def settle(self) -> None:
        """Wait for the bulk loads running in the background; raise their error, if any."""
        if self._loading is not None:
            self._finish_load()

    def _finish_load(self) -> None:
        loading, self._loading = self._loading, None
        assert loading is not None
        loading.thread.join()
        if loading.error is not None:
            for graph in loading.graphs:  # not loaded: their cg:sha256 triples must never be written
                self._unsealed.pop(graph, None)
            raise loading.error

    def _open(self, read_only: bool) -> ox.Store:
        if self.path is None:
            return ox.Store()
        if read_only:
            return ox.Store.read_only(str(self.path))
        self.path.mkdir(parents=True, exist_ok=True)
        store = ox.Store(str(self.path))
        self._drop_waiting_pieces()
        return store

    def _drop_waiting_pieces(self) -> None:
        """Delete the export pieces that wait for a ``cg:sha256`` triple (:meth:`cache_export`) or for a bulk load
        (:meth:`stage_document`) in the cache, and the files of bulk loads never made.

        Why: a writer opens the store holding its lock, with nothing of its own pending, so every such file was
        left by a writer killed between staging, loading and sealing. Its document is not built, and a rebuild
        would remove the piece, but a document that is never built again would keep it forever.
        """
        assert self.path is not None
        stale = list(self.path.parent.glob(f"{_SPOOL_PREFIX}*"))
        if self._cache is not None and self._cache.is_dir():
            stale += [*self._cache.glob("*.waiting"), *self._cache.glob("*.staged")]
        for path in stale:
            path.unlink(missing_ok=True)

    # -- reading -------------------------------------------------------------------------
    def query(self, sparql: str, **kwargs: Any):
        """Run SPARQL 1.1 over the union graph; the project's prefixes are predeclared."""
        try:
            return self._store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True, **kwargs)
        except SyntaxError as exc:
            raise QueryError("E300", reason=str(exc).splitlines()[0]) from exc
        except (OSError, RuntimeError) as exc:
            raise QueryError("E300", reason=str(exc)) from exc

    def select(self, sparql: str, **kwargs: Any) -> list[dict[str, Any]]:
        """Run a SELECT and return rows as ``{variable: term}`` dicts (unbound variables left out)."""
        solutions = self.query(sparql, **kwargs)
        names = [v.value for v in solutions.variables]
        rows = []
        for sol in solutions:
            row = {}
            for name in names:
                term = sol[name]
                if term is not None:
                    row[name] = term
            rows.append(row)
        return rows

    def rows(self, sparql: str, **kwargs: Any) -> Iterator[tuple[Any, ...]]:
        """Run a SELECT and yield each solution as a tuple of terms in the order of its variables (None when
        unbound), one at a time.

        Why: :meth:`select` holds every row as a dict at once, which on a whole-store read (resolve reads
        every entity and claim) costs several times the data; a reader that keeps only what it needs from
        each row holds only that.

        >>> store = Store()
        >>> store.update('INSERT DATA { <http://ex/a> <http://ex/p> "x" }')
        >>> [(s.value, o.value) for s, o in store.rows("SELECT ?s ?o WHERE { ?s ?p ?o }")]
        [('http://ex/a', 'x')]
        """
        # (a solution iterates its values in the order of the variables, None when unbound: C-level, where a
        # Python generator per row cost a tenth of resolve's reads)
        return map(tuple, self.query(sparql, **kwargs))

    def query_to(self, output: BinaryIO, sparql: str, format: str = "json", **kwargs: Any) -> str:
        """Run a SELECT or ASK and write its result to the binary stream ``output`` in a SPARQL results format.

        ``format`` is a name of :data:`RESULTS_FORMATS`. The result is written by Oxigraph's
        own writer, so no Python term object is made (the fast way out for big answers);
        returns the kind of result, "solutions" or "boolean". A CONSTRUCT or DESCRIBE (a
        graph, not results) raises :class:`QueryError` without writing anything.

        >>> import io
        >>> store = Store()
        >>> store.update('INSERT DATA { <http://ex/a> <http://ex/p> "x, y" }')
        >>> out = io.BytesIO()
        >>> store.query_to(out, "SELECT ?s ?o WHERE { ?s ?p ?o }", "csv"), out.getvalue()
        ('solutions', b's,o\\r\\nhttp://ex/a,"x, y"\\r\\n')
        """
        result = self.query(sparql, **kwargs)
        kind = result_kind(result)
        if kind == "triples":
            raise QueryError("E300", reason=f"a CONSTRUCT or DESCRIBE gives a graph, not {format} results; "
                                            "use a SELECT or ASK")
        write_results(result, output, format)
        return kind

    def named_graphs(self) -> list[ox.NamedNode]:
        return sorted((g for g in self._store.named_graphs() if isinstance(g, ox.NamedNode)), key=str)

    def has_graph(self, graph: ox.NamedNode) -> bool:
        return self._store.contains_named_graph(graph)

    def holds_document(self, graph: ox.NamedNode) -> bool:
        """Whether the document graph ``graph`` is complete: it holds its own ``cg:sha256`` triple.

        That triple is loaded last (with the rest of a document in one atomic load, or
        after every window of a huge one), so a graph without it was cut short by a crash.
        """
        # not through _store: the cg:sha256 triples never go in with a bulk load, so one still running cannot
        # change the answer, and a build asks this of every input while the previous documents load
        return next(self._oxigraph.quads_for_pattern(graph, _SHA256, None, graph), None) is not None

    def quads(self, graph: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        """Every quad, or those of one graph."""
        return self._store.quads_for_pattern(None, None, None, graph)

    def __len__(self) -> int:
        return len(self._store)

    # -- writing -------------------------------------------------------------------------
    def replace_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad], *, chunk: int | None = None,
                      atomic: bool = True) -> None:
        """Make ``graph`` hold exactly ``quads`` (any iterable, possibly far bigger than memory).

        Why one method for every size: a document graph, a Graph Store PUT and resolve's graph all
        need "old graph or new graph", but resolve's grows with the corpus (corroborations grow with
        the square of a claim's copies) and must never be held whole as Python objects.

        - At most ``chunk`` quads (default :data:`REPLACE_CHUNK_QUADS`) are held and written at
          once. A graph that already holds quads gets only the difference, in one SPARQL update
          (one transaction: after a small incremental build most of it is unchanged, while
          dropping and re-adding tens of thousands of quads costs seconds); a new graph gets one
          ``extend`` (atomic). Graphs with blank nodes (a blank node cannot be named in DELETE
          DATA) are dropped, then re-added in one ``extend``: a document graph is complete only
          with its ``cg:sha256`` triple, which comes in that write (see the module docstring).
        - More, into a graph that exists, are compared with it on disk (sorted N-Triples lines of the
          old graph and of the new quads) and only the difference is written, in one update
          (:meth:`_replace_by_difference`): the cost follows the change, not the graph's size. A
          failure or kill part way through leaves ``graph`` as it was (and perhaps staging graphs,
          which the next call drops).
        - More, into a new graph, go ``chunk`` at a time into a staging graph (``graph`` +
          :data:`STAGING_SUFFIX`), then one SPARQL update adds what it has and drops it (the
          staging graph itself is visible while it is written). With ``atomic=False`` they are
          instead written directly: no update as big as the graph, but a kill leaves a partial
          graph (resolve's choice for its first write: it recomputes its graph at every build).

        Every quad is written into ``graph`` whatever its own graph name; duplicates are written once.

        >>> store = Store()
        >>> g, p = ox.NamedNode("http://ex/g"), ox.NamedNode("http://ex/p")
        >>> store.replace_graph(g, [ox.Quad(g, p, ox.Literal(v), g) for v in "ab"])
        >>> store.replace_graph(g, [ox.Quad(g, p, ox.Literal(v), g) for v in "bc"])
        >>> sorted(q.object.value for q in store.quads(g))
        ['b', 'c']
        >>> store.replace_graph(g, (ox.Quad(g, p, ox.Literal(v), g) for v in "cdef"), chunk=2)  # staged
        >>> sorted(q.object.value for q in store.quads(g)), [x.value for x in store.named_graphs()]
        (['c', 'd', 'e', 'f'], ['http://ex/g'])
        """
        chunk = REPLACE_CHUNK_QUADS if chunk is None else chunk
        if chunk < 1:
            raise ValueError(f"chunk must be at least 1, not {chunk}")
        staging = ox.NamedNode(graph.value + STAGING_SUFFIX)
        self.drop_graph(staging)  # left by a killed call
        self.drop_graph(ox.NamedNode(graph.value + REMOVED_SUFFIX))
        items = iter(quads)
        head = [_in_graph(q, graph) for _, q in zip(range(chunk + 1), items)]
        if len(head) <= chunk:
            self._replace_held(graph, head)
            return
        existing = self.has_graph(graph)
        if existing:
            self._replace_by_difference(graph, itertools.chain(head, items), chunk)
            return
        target = staging if atomic else graph
        self._forget(graph)
        if target == graph:
            faults.reached("store.replace")
        self._extend_loaded(itertools.chain(head, items), target)
        if target == graph:
            return
        faults.reached("store.replace")
        self._merge_staged(graph)

    def _merge_staged(self, graph: ox.NamedNode) -> None:
        """Make ``graph`` hold exactly what its staging graph holds, and drop the staging graph: one update."""
        staging = ox.NamedNode(graph.value + STAGING_SUFFIX)
        g, s = f"<{graph.value}>", f"<{staging.value}>"
        self._forget(graph)
        self._store.update(
            f"DELETE {{ GRAPH {g} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH {s} {{ ?s ?p ?o }} }} }} ; "
            f"INSERT {{ GRAPH {g} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {s} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH {g} {{ ?s ?p ?o }} }} }} ; DROP SILENT GRAPH {s}")
        self._forget(staging)

    def _replace_by_difference(self, graph: ox.NamedNode, quads: Iterable[ox.Quad], chunk: int) -> None:
        """:meth:`replace_graph` of an existing graph by more than ``chunk`` quads: write only what changed.

        Why: after a small incremental build resolve's graph is nearly what it was, and writing it whole
        into a staging graph and dropping that again (a transactional delete of every quad from every
        index) cost more than half of resolve. Here the new quads are written as N-Triples lines to a
        temporary file, the old graph is dumped beside them, both are sorted (in runs of
        :data:`SORT_RUN_BYTES` on disk when bigger) and merged, and only the lines in one and not the
        other are written: up to ``chunk`` of them in one ``DELETE DATA``/``INSERT DATA`` update (one
        transaction), more through two staging graphs (what goes, what comes) and one update that
        applies and drops both. Either way ``graph`` is the old graph or the new one; a kill leaves the
        old graph (and perhaps staging graphs, which the next call drops). Python holds no more than a
        sort run of lines. A difference with blank nodes (they cannot be named in DATA blocks, nor be
        matched by label) goes the old way: the new quads into the staging graph, then one update.

        >>> store = Store()
        >>> g, p = ox.NamedNode("http://ex/g"), ox.NamedNode("http://ex/p")
        >>> store.replace_graph(g, [ox.Quad(g, p, ox.Literal(str(i)), g) for i in range(4)])
        >>> store.replace_graph(g, (ox.Quad(g, p, ox.Literal(str(i)), g) for i in range(1, 6)), chunk=2)
        >>> sorted(q.object.value for q in store.quads(g)), [x.value for x in store.named_graphs()]
        (['1', '2', '3', '4', '5'], ['http://ex/g'])
        """
        staging = ox.NamedNode(graph.value + STAGING_SUFFIX)
        removed_graph = ox.NamedNode(graph.value + REMOVED_SUFFIX)
        with tempfile.TemporaryDirectory(prefix="kg-replace-") as folder:
            work = Path(folder)
            new_file, old_file = work / "new.nt", work / "old.nt"
            with new_file.open("wb") as out:
                ox.serialize((q.triple for q in quads), out, ox.RdfFormat.N_TRIPLES)
            self._store.dump(old_file, ox.RdfFormat.N_TRIPLES, from_graph=graph)
            gone, come = work / "removed.nt", work / "added.nt"
            with gone.open("wb") as removed, come.open("wb") as added:
                counts = _write_difference(_sorted_lines(old_file, work), _sorted_lines(new_file, work),
                                           removed, added)
            n_removed, n_added, blank = counts
            self._forget(graph)
            if blank:
                # parsed back (the bulk loader would rename the blank nodes) and loaded as replace_graph always did
                self._extend_loaded(ox.parse(path=new_file, format=ox.RdfFormat.N_TRIPLES, lenient=True), staging)
                faults.reached("store.replace")
                self._merge_staged(graph)
                return
            if n_removed + n_added == 0:
                faults.reached("store.replace")
                return
            g = f"<{graph.value}>"
            if n_removed + n_added <= chunk:
                faults.reached("store.replace")
                self._store.update(f"DELETE DATA {{ GRAPH {g} {{ {gone.read_text('utf-8')} }} }} ; "
                                   f"INSERT DATA {{ GRAPH {g} {{ {come.read_text('utf-8')} }} }}")
                return
            for path, target in ((gone, removed_graph), (come, staging)):
                self._store.bulk_load(path=path, format=ox.RdfFormat.N_TRIPLES, to_graph=target, lenient=True)
            faults.reached("store.replace")
            r, s = f"<{removed_graph.value}>", f"<{staging.value}>"
            self._store.update(
                f"DELETE {{ GRAPH {g} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {r} {{ ?s ?p ?o }} }} ; "
                f"INSERT {{ GRAPH {g} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {s} {{ ?s ?p ?o }} }} ; "
                f"DROP SILENT GRAPH {r} ; DROP SILENT GRAPH {s}")
            self._forget(staging)
            self._forget(removed_graph)

    def _replace_held(self, graph: ox.NamedNode, quads: list[ox.Quad]) -> None:
        """:meth:`replace_graph` for quads held in memory (all in ``graph``): one atomic write."""
        self._forget(graph)
        old = set(self._store.quads_for_pattern(None, None, None, graph)) if self.has_graph(graph) else set()
        if not old or not _nameable(old) or not _nameable(quads):
            self._store.remove_graph(graph) if self._store.contains_named_graph(graph) else None
            faults.reached("store.replace")
            self._store.extend(quads)
            return
        new = set(quads)
        faults.reached("store.replace")
        removed, added = old - new, [q for q in dict.fromkeys(quads) if q not in old]
        if removed or added:
            self._store.update(f"DELETE DATA {{ {_quad_block(removed)} }} ; INSERT DATA {{ {_quad_block(added)} }}")

    def _extend_loaded(self, quads: Iterable[ox.Quad], graph: ox.NamedNode) -> None:
        """Add the quads of :meth:`replace_graph` beyond what it holds at once (put into ``graph``), with Oxigraph's
        bulk loader, :data:`BULK_EXTEND_QUADS` at a time.

        Why: these quads go where atomicity is not asked for (a staging graph, or a new graph written with
        ``atomic=False``: a kill leaves a partial graph either way), so they need not be a transaction. A
        transactional write puts every quad into six indexes of RocksDB's in-memory tables (about 800 bytes
        each), which must be flushed to stay bounded and are then compacted; the bulk loader sorts the quads
        and writes the index files directly. Each bulk load adds one set of files that RocksDB's background
        threads merge with the whole store (Oxigraph starts a compaction at two level-0 files, and the loaded
        keys are hashes, so they overlap everything): the 110k quads of the ECB+ resolution graph went in three
        loads of the held chunk's size (50k), now two. The quads are streamed into the loader one at a time,
        so Python holds none of them.

        >>> store = Store()
        >>> g = ox.NamedNode("http://ex/g")
        >>> store._extend_loaded((ox.Quad(g, g, ox.Literal(str(i))) for i in range(3)), g)
        >>> sorted(q.object.value for q in store.quads(g))
        ['0', '1', '2']
        """
        self._forget(graph)
        stream = (_in_graph(q, graph) for q in quads)
        while (first := next(stream, None)) is not None:
            self._store.bulk_extend(itertools.chain((first,), itertools.islice(stream, BULK_EXTEND_QUADS - 1)))

    def replace_graph_data(self, graph: ox.NamedNode, nquads: bytes) -> None:
        """Make ``graph`` hold exactly the quads of an N-Quads document (atomic load)."""
        self._forget(graph)
        if self._store.contains_named_graph(graph):
            self._store.remove_graph(graph)
        faults.reached("store.load")
        self._store.load(nquads, format=ox.RdfFormat.N_QUADS)
        self._loaded(len(nquads))

    def add_quads(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads to what the store holds (one atomic write)."""
        quads = list(quads)
        for graph in {q.graph_name for q in quads}:
            self._forget(graph)
        self._store.extend(quads)

    def add_data(self, nquads: bytes, graph: ox.NamedNode | None = None) -> None:
        """Add the quads of an N-Quads document to what the store holds (one atomic load).

        ``graph`` says that every quad is in that graph (else they may be anywhere).
        """
        self._forget(graph) if graph is not None else self._forget_all()
        self._store.load(nquads, format=ox.RdfFormat.N_QUADS)
        self._loaded(len(nquads))

    def _loaded(self, size: int) -> None:
        self._unflushed += size
        if self._unflushed >= FLUSH_EVERY_BYTES and self.path is not None:
            self._store.flush()
            self._unflushed = 0

    def load_documents(self, documents: Iterable[tuple[ox.NamedNode, bytes]], *, seal: bool = True,
                       background: bool = False) -> None:
        """Make each document graph hold exactly the quads of its N-Quads document, in bulk.

        ``documents`` are ``(document IRI, N-Quads)`` pairs as the workers of a build
        make them (each holding the document's ``cg:sha256`` triple). Old versions of
        the graphs are dropped, the quads other than the ``cg:sha256`` triples go in
        with the bulk loader and the ``cg:sha256`` triples follow in one transaction,
        so each document is complete or not built (see the module docstring). The data
        comes from claimgraph's own serializer, so IRIs are not validated again.
        (The same as :meth:`stage_document` for each, then :meth:`load_staged`.)

        With ``seal=False`` the ``cg:sha256`` triples are kept (one line per document)
        and written by :meth:`seal_documents`, or before any other write that touches
        those graphs: several bulk loads then share one transaction, and RocksDB
        compacts the store once per two loads instead of once per load (the module
        docstring says why). Until then the documents are not built
        (:meth:`holds_document`), and their export pieces wait beside the cache.

        With ``background=True`` (and ``seal=False``) the bulk loads run on a thread of their own and this returns
        at once; the next use of the store waits for them (see :attr:`_store`).

        >>> store = Store()
        >>> g = ox.NamedNode("http://ex/doc")
        >>> data = f'<http://ex/doc> <{_SHA256.value}> "ab" <http://ex/doc> .\\n'.encode()
        >>> store.load_documents([(g, data + b'<http://ex/doc> <http://ex/p> "x" <http://ex/doc> .\\n')], seal=False)
        >>> store.holds_document(g), len(store)
        (False, 1)
        >>> store.seal_documents()
        >>> store.holds_document(g), len(store)
        (True, 2)
        """
        for graph, nquads in documents:
            self.stage_document(graph, nquads)
        self.load_staged(background=background and not seal)
        if seal:
            self.seal_documents()

    def stage_document(self, graph: ox.NamedNode, nquads: bytes, piece: bytes = b"") -> None:
        """Add a document (as :meth:`load_documents` takes it) and its export piece to the next bulk load
        (:meth:`load_staged`), without holding them in memory: beside an on-disk store the N-Quads go to a file
        that the bulk loader reads, and the piece into the cache, where it waits for the load.

        Why: a build gathers some 64 MB of documents for each load (fewer loads, fewer compactions of the whole
        store: :data:`kg.build.LOAD_CHUNK_BYTES`), and holding them, their pieces and the joined text of the
        load came to about three times that beside the bulk loader's own memory. The store is not touched
        here, so staging never waits for a load running in the background.
        """
        body, seal = _split_seal(nquads, graph)
        try:
            if self._staged is None:
                self._staged = _Staged(self.path.parent if self.path is not None and not self.read_only else None)
            self._staged.add(graph, body, seal)
        except OSError as exc:  # the disk is full, say: nothing staged is loaded, so none of it counts as built
            staged, self._staged = self._staged, None
            if staged is not None:
                staged.discard()
            raise StoreError("E202", path=str(self.path),
                             reason=f"cannot stage documents for a bulk load ({exc.strerror or exc})") from exc
        path = self._cache_file(graph)
        if piece and path is not None and not self.read_only:
            _write_piece(path.with_suffix(".staged"), piece)

    def load_staged(self, *, background: bool = False) -> None:
        """Bulk-load the documents :meth:`stage_document` gathered (old versions of their graphs dropped first),
        keeping their ``cg:sha256`` triples for :meth:`seal_documents`; in the background when asked (see
        :meth:`load_documents`)."""
        staged, self._staged = self._staged, None
        if staged is None:
            return
        try:
            for graph in staged.seals:
                self._forget(graph)
                if self._store.contains_named_graph(graph):
                    faults.reached("store.replace")
                    self._store.remove_graph(graph)
                faults.reached("store.load")
                path = self._cache_file(graph)
                if path is not None:
                    with contextlib.suppress(FileNotFoundError):
                        os.replace(path.with_suffix(".staged"), _waiting(path))
            loads = staged.loads()
        except BaseException:
            staged.discard()
            raise
        if background:
            self._loading = _Load.start(self._store, loads, list(staged.seals))
        else:
            _bulk_load(self._store, loads)
        self._unsealed.update(staged.seals)

    def seal_documents(self) -> None:
        """Write the ``cg:sha256`` triples :meth:`load_documents` kept, in one transaction, and move the export
        pieces cached for those graphs meanwhile into the cache: the documents are built. (Documents staged and
        not loaded yet stay staged: :meth:`load_staged`.)"""
        self.settle()  # first: a failed load drops its graphs' triples, and the others stay to be written
        if not self._unsealed:
            return
        seals, self._unsealed = self._unsealed, {}
        if any(seals.values()):
            self._store.load(b"".join(seals.values()), format=ox.RdfFormat.N_QUADS, lenient=True)
        for graph in seals:
            path = self._cache_file(graph)
            if path is not None:
                try:
                    os.replace(_waiting(path), path)
                except FileNotFoundError:
                    pass

    def bulk_replace(self, graphs: dict[ox.NamedNode, list[ox.Quad]]) -> None:
        """Replace many graphs with Oxigraph's bulk loader: fast, not transactional."""
        for graph in graphs:
            self._forget(graph)
            if self._store.contains_named_graph(graph):
                self._store.remove_graph(graph)
        self._store.bulk_extend(q for quads in graphs.values() for q in quads)

    def drop_graph(self, graph: ox.NamedNode) -> None:
        self._forget(graph)
        if self._store.contains_named_graph(graph):
            self._store.remove_graph(graph)

    def update(self, sparql: str) -> None:
        """Run SPARQL Update (used by `kg serve --allow-update`); drops every cached export piece."""
        self._forget_all()
        try:
            self._store.update(sparql, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise QueryError("E300", reason=str(exc).splitlines()[0]) from exc

    def flush(self) -> None:
        """Write what is pending (:meth:`load_staged`, :meth:`seal_documents`) and flush RocksDB's write buffers
        to disk."""
        self.load_staged()
        self.seal_documents()
        self._store.flush()

    # -- export cache (see the module docstring) ------------------------------------------
    def _cache_file(self, graph) -> Path | None:
        if self._cache is None or not isinstance(graph, ox.NamedNode):
            return None
        return self._cache / f"{hashlib.sha1(graph.value.encode()).hexdigest()}.bin"

    def export_cache_file(self, graph: ox.NamedNode) -> Path | None:
        """The file that holds (or would hold) ``graph``'s cached export piece; None in memory or read-only.
        A new piece is always a new file (written beside it and moved over it), never rewritten in place."""
        return None if self.read_only else self._cache_file(graph)

    def export_state_dir(self) -> Path | None:
        """A folder in the export cache for :mod:`kg.export.incremental` (dropped with the cache); None in memory
        or read-only."""
        return None if self.read_only or self._cache is None else self._cache / "incremental"

    def cached_export(self, graph: ox.NamedNode) -> bytes | None:
        """The export piece cached for ``graph``, or None (always None for a read-only store, which may be
        looking at an older state of a graph than the one a writer cached since)."""
        path = self._cache_file(graph)
        if path is None or self.read_only:
            return None
        try:
            return path.read_bytes()
        except OSError:
            return None

    def cache_export(self, graph: ox.NamedNode, data: bytes) -> None:
        """Keep ``data`` as the export piece of ``graph`` as it is now (only a store open for writing); a graph
        whose ``cg:sha256`` triple :meth:`load_documents` has not written yet gets it when that triple is written."""
        path = self._cache_file(graph)
        if path is None or self.read_only:
            return
        _write_piece(_waiting(path) if graph in self._unsealed else path, data)

    def _forget(self, graph) -> None:
        """Called by every write before it touches ``graph``: the graph's staged load and its pending
        ``cg:sha256`` triples are written first (so writes keep their order), and its cached export piece is
        dropped."""
        if self._staged is not None and graph in self._staged.seals:
            self.load_staged()
        if graph in self._unsealed:
            self.seal_documents()
        path = self._cache_file(graph)
        if path is not None:
            for stale in (path, _waiting(path)):
                try:
                    stale.unlink()
                except FileNotFoundError:
                    pass

    def _forget_all(self) -> None:
        self.load_staged()
        self.seal_documents()
        if self._cache is not None and self._cache.is_dir():
            shutil.rmtree(self._cache, ignore_errors=True)

    # -- conversion ----------------------------------------------------------------------
    def dump(self, output, format: ox.RdfFormat, **kwargs: Any) -> None:
        self._store.dump(output, format=format, **kwargs)

    def to_rdflib(self):
        """The whole store as an ``rdflib.Dataset`` (named graphs kept), prefixes bound."""
        import rdflib

        from kg.rdf.namespaces import bind_prefixes

        data = self._store.dump(format=ox.RdfFormat.N_QUADS)
        dataset = rdflib.Dataset()
        dataset.parse(data=data.decode("utf-8"), format="nquads")
        bind_prefixes(dataset)
        return dataset

    def to_networkx(self):
        """Entities as nodes, claims as edges: a ``networkx.MultiDiGraph`` (see :mod:`kg.network`)."""
        from kg.network import to_networkx

        return to_networkx(self)


def result_kind(result: Any) -> str:
    """What :meth:`Store.query` returned: "solutions" (SELECT), "boolean" (ASK) or "triples" (CONSTRUCT, DESCRIBE).

    >>> result_kind(Store().query("ASK { ?s ?p ?o }"))
    'boolean'
    """
    if isinstance(result, ox.QuerySolutions):
        return "solutions"
    if isinstance(result, ox.QueryBoolean):
        return "boolean"
    return "triples"


def write_results(result: Any, output: BinaryIO | None, format: str) -> bytes | None:
    """Write a SELECT or ASK result of :meth:`Store.query` with Oxigraph's own writer for ``format``.

    ``format`` is a name of :data:`RESULTS_FORMATS` (json, xml, csv, tsv). With ``output``
    None the bytes are returned. The result is consumed. Exceptions raised by
    ``output.write`` (a closed pipe, a size limit) reach the caller unchanged.

    Raises ``ValueError`` for an unknown format name.

    >>> store = Store()
    >>> store.update('INSERT DATA { <http://ex/a> <http://ex/p> 5 }')
    >>> write_results(store.query("SELECT ?o WHERE { ?s ?p ?o }"), None, "tsv")
    b'?o\\n5\\n'
    """
    try:
        fmt = RESULTS_FORMATS[format]
    except KeyError:
        raise ValueError(f"unknown results format {format!r}; known: {', '.join(RESULTS_FORMATS)}") from None
    if output is None:
        return result.serialize(format=fmt)
    result.serialize(output, format=fmt)
    return None

def _sorted_lines(path: Path, folder: Path) -> Iterator[bytes]:
    """The lines of the file at ``path``, sorted bytewise; runs of :data:`SORT_RUN_BYTES` are sorted in memory and
    spilled to files in ``folder`` when there are more than one, then merged.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = (Path(d) / "x").write_bytes(b"b\\na\\nc\\n")
    ...     list(_sorted_lines(Path(d) / "x", Path(d)))
    [b'a\\n', b'b\\n', b'c\\n']
    """
    runs: list[Path] = []
    with path.open("rb") as source:
        while lines := source.readlines(SORT_RUN_BYTES):
            lines.sort()
            if not runs and not source.peek(1):
                yield from lines  # the whole file was one run
                return
            run = folder / f"{path.name}.run{len(runs)}"
            with run.open("wb") as out:
                out.writelines(lines)
            runs.append(run)
            del lines
    handles = [run.open("rb") for run in runs]
    try:
        yield from heapq.merge(*handles)
    finally:
        for handle in handles:
            handle.close()


def _write_difference(old: Iterator[bytes], new: Iterator[bytes], removed: BinaryIO,
                      added: BinaryIO) -> tuple[int, int, bool]:
    """Write the lines only in ``old`` to ``removed`` and those only in ``new`` to ``added`` (both sorted; repeats
    count once): ``(removed, added, whether one of them may hold a blank node)``.

    >>> import io
    >>> gone, come = io.BytesIO(), io.BytesIO()
    >>> _write_difference(iter([b"a\\n", b"b\\n"]), iter([b"b\\n", b"c\\n", b"c\\n"]), gone, come)
    (1, 1, False)
    >>> gone.getvalue(), come.getvalue()
    (b'a\\n', b'c\\n')
    """
    old, new = (line for line, _ in itertools.groupby(old)), (line for line, _ in itertools.groupby(new))
    n_removed = n_added = 0
    blank = False
    a, b = next(old, None), next(new, None)
    while a is not None or b is not None:
        if b is None or (a is not None and a < b):
            removed.write(a)
            n_removed += 1
            blank = blank or b"_:" in a
            a = next(old, None)
        elif a is None or b < a:
            added.write(b)
            n_added += 1
            blank = blank or b"_:" in b
            b = next(new, None)
        else:
            a, b = next(old, None), next(new, None)
    return n_removed, n_added, blank


def _bulk_load(store: ox.Store, loads: list[bytes | Path]) -> None:
    """Bulk-load each N-Quads text or file; the files are the loads' own (:class:`_Staged`): deleted after."""
    try:
        for data in loads:
            if isinstance(data, Path):
                store.bulk_load(path=data, format=ox.RdfFormat.N_QUADS, lenient=True)
            else:
                store.bulk_load(data, format=ox.RdfFormat.N_QUADS, lenient=True)
    finally:
        for data in loads:
            if isinstance(data, Path):
                data.unlink(missing_ok=True)


#: The name of the file a bulk load gathers its N-Quads in, beside an on-disk store (:class:`_Staged`).
_SPOOL_PREFIX = ".bulk-load-"


class _Staged:
    """The documents of the next bulk load (:meth:`Store.stage_document`): their ``cg:sha256`` lines, and their
    other lines in one file in ``folder`` (in memory without a folder) or, for a document that may hold a blank
    node, apart: a blank node label is the document's own, so such a document is loaded alone and its "_:a" is
    not another document's "_:a" (claimgraph's own documents hold none)."""

    def __init__(self, folder: Path | None) -> None:
        self.seals: dict[ox.NamedNode, bytes] = {}
        self._alone: list[bytes] = []
        self._parts: list[bytes] = []
        self._file = None if folder is None else tempfile.NamedTemporaryFile(
            dir=folder, prefix=_SPOOL_PREFIX, suffix=".nq", delete=False)
        self._written = False

    def add(self, graph: ox.NamedNode, body: bytes, seal: bytes) -> None:
        self.seals[graph] = seal
        if b"_:" in body:
            self._alone.append(body)
        elif body and self._file is None:
            self._parts.append(body)
        elif body:
            self._file.write(body)
            self._written = True

    def loads(self) -> list[bytes | Path]:
        """What to bulk-load, in order: the file (or joined text) of the plain documents, then each one apart."""
        if self._file is None:
            return ([b"".join(self._parts)] if self._parts else []) + self._alone
        self._file.close()
        if not self._written:
            self.discard()
            return list(self._alone)
        return [Path(self._file.name), *self._alone]

    def discard(self) -> None:
        if self._file is not None:
            self._file.close()
            Path(self._file.name).unlink(missing_ok=True)


def _write_piece(path: Path, data: bytes) -> None:
    """Write an export piece, whole or not at all (beside, then moved over)."""
    try:
        path.parent.mkdir(exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        pass  # a cache: the export is written all the same


class _Load:
    """Bulk loads running on a thread of their own (:meth:`Store.load_documents` with ``background=True``).

    A plain thread, not daemonic: the interpreter waits for it at exit, so a finished build never leaves a load cut
    short.
    """

    def __init__(self, graphs: list[ox.NamedNode]) -> None:
        self.graphs = graphs
        self.error: BaseException | None = None
        self.thread: threading.Thread

    @classmethod
    def start(cls, store: ox.Store, loads: list[bytes | Path], graphs: list[ox.NamedNode]) -> _Load:
        load = cls(graphs)

        def run() -> None:
            try:
                _bulk_load(store, loads)
            except BaseException as exc:  # handed to the thread that waits for the load
                load.error = exc

        load.thread = threading.Thread(target=run, name="kg-store-load")
        load.thread.start()
        return load


def _in_graph(quad: ox.Quad, graph: ox.NamedNode) -> ox.Quad:
    """``quad`` in ``graph``: itself when it is there already (a new quad costs more than the comparison).

    >>> g, h = ox.NamedNode("http://ex/g"), ox.NamedNode("http://ex/h")
    >>> q = ox.Quad(g, g, g, g)
    >>> _in_graph(q, g) is q, _in_graph(q, h).graph_name == h
    (True, True)
    """
    return quad if quad.graph_name == graph else ox.Quad(quad.subject, quad.predicate, quad.object, graph)


def _nameable(quads: Iterable[ox.Quad]) -> bool:
    """Whether every term of ``quads`` can be written in SPARQL DATA blocks (no blank nodes, no triple terms)."""
    kinds = (ox.NamedNode, ox.Literal)
    return all(isinstance(q.subject, ox.NamedNode) and isinstance(q.object, kinds)
               and isinstance(q.graph_name, ox.NamedNode) for q in quads)


def _quad_block(quads: Iterable[ox.Quad]) -> str:
    """``GRAPH <g> { s p o . }`` blocks for a DELETE/INSERT DATA (N-Triples terms are SPARQL terms).

    >>> g = ox.NamedNode("http://ex/g")
    >>> _quad_block([ox.Quad(g, g, ox.Literal('say "hi"'), g)])
    'GRAPH <http://ex/g> { <http://ex/g> <http://ex/g> "say \\\\"hi\\\\"" . }'
    """
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        by_graph.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
    return " ".join(f"GRAPH {g} {{ {' '.join(triples)} }}" for g, triples in by_graph.items())


def _split_seal(nquads: bytes, graph: ox.NamedNode) -> tuple[bytes, bytes]:
    """``(the other lines, the cg:sha256 line)`` of a document's N-Quads.

    The line is found by its start, ``<doc> <cg:sha256> ``; a literal cannot hold a
    raw line break in N-Quads, so no other line starts that way. Without such a line
    the whole document is returned as the second part (loaded atomically).

    >>> g = ox.NamedNode("http://ex/a")
    >>> body, seal = _split_seal(f'<http://ex/a> <p> "x" .\\n<http://ex/a> <{_SHA256.value}> "h" .\\n'.encode(), g)
    >>> body, seal.endswith(b'"h" .\\n')
    (b'<http://ex/a> <p> "x" .\\n', True)
    """
    head = b"<" + graph.value.encode() + b"> <" + _SHA256.value.encode() + b"> "
    start = 0 if nquads.startswith(head) else nquads.find(b"\n" + head) + 1
    if start == 0 and not nquads.startswith(head):
        return b"", nquads
    stop = nquads.find(b"\n", start) + 1 or len(nquads)
    return nquads[:start] + nquads[stop:], nquads[start:stop]


def _waiting(path: Path) -> Path:
    """Where the export piece of a graph whose ``cg:sha256`` triple is not written yet waits (not read as a piece)."""
    return path.with_suffix(".waiting")


def _vanished_file(reason: str) -> bool:
    """Whether RocksDB's open failed on a table file that is not there (its "Corruption ... .sst: No such file").

    Why: a read-only open reads the list of table files (the MANIFEST) and then opens them; a writer's
    background compaction may delete one of them in between, and the open fails with this error although
    the store is sound, and a new open reads the new list. A store really missing a table file fails the
    same way on every try, so retrying a few times delays that error but never hides it; any other
    corruption is not retried.

    >>> _vanished_file("Corruption: IO error: No such file or directory: While open a file for random read: "
    ...                "/s/000051.sst: No such file or directory  The file /s/MANIFEST-000005 may be corrupted.")
    True
    >>> _vanished_file("Corruption: CURRENT file corrupted")
    False
    """
    return "No such file or directory" in reason and ".sst" in reason


def open_store(
    out_dir: str | os.PathLike[str], *, create: bool = False, read_only: bool = False, wait: float = 0.0
) -> Store:
    """Open the store of a build directory; ``create`` makes it when missing.

    One process at a time may open a store for writing (RocksDB's lock file);
    any number may open it ``read_only``, also while it is being written: they
    see the state of the moment they opened it (an open that races the writer's
    compaction is tried again, see :func:`_vanished_file`). A writer that finds
    the store locked tries again for ``wait`` seconds.

    Raises :class:`StoreError` E201 when the folder holds no store and ``create``
    is false, E200 when another process holds it for writing.
    """
    path = Path(out_dir) / STORE_DIRNAME
    if not create and not path.is_dir():
        raise StoreError("E201", path=str(out_dir))
    return Store(path, read_only=read_only, wait=wait)
