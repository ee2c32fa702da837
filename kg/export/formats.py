"""RDF export writers, picked by name from one table with aliases.

Every writer reads a :class:`kg.store.Store` and writes one file that other tools load:
``graph.ttl`` (the merged graph: the union of all graphs, duplicate triples removed),
``graph.trig`` and ``graph.nq`` (one graph per document plus the resolution graph),
``graph.jsonld`` (the same dataset, with an ``@context`` made of
:data:`kg.rdf.namespaces.PREFIXES`) and ``graph.nt``.

Why this shape: people read and diff the Turtle, so output is sorted (subjects, then
``rdf:type`` first, then predicates and objects), grouped by subject and prefixed, and
two builds of the same input give byte-identical files. Sorting is done on N-Triples
lines (plain bytes, compared in C) and the serialization by Oxigraph, which keeps a
million-triple export to seconds; rdflib is far slower at that size.

Files are written atomically: to a temporary file beside the target, then
``os.replace``; a failed export leaves any previous file untouched. An export of a
writable on-disk store into the files it wrote last time copies their unchanged parts and
renders only what changed (:mod:`kg.export.incremental`; same bytes).

>>> resolve_format("text/turtle; charset=utf-8")
'turtle'
>>> resolve_format("nq")
'nquads'
>>> resolve_format("rdfxml")
Traceback (most recent call last):
...
kg.errors.ExportError: E400 unknown format 'rdfxml'; known: jsonld, json-ld, application/ld+json, ...
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import io
import itertools
import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.errors import ExportError
from kg.rdf.namespaces import PREFIXES

__all__ = [
    "ExportFormat",
    "Export",
    "FORMATS",
    "DEFAULT_FORMATS",
    "resolve_format",
    "get_format",
    "known_formats",
    "document_nquads_and_piece",
    "document_piece",
    "statements_piece",
    "write_export",
    "write_export_files",
    "write_exports",
]

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_TYPE_BYTES = b" <" + _RDF_TYPE.encode() + b"> "
_TYPE_TERM = f"<{_RDF_TYPE}>"
_TYPE_TEXT = _TYPE_BYTES.decode()
#: An N-Quads literal, with its datatype or language tag. (The body is ``(?:[^"\\\n]|\\.)*`` unrolled: runs
#: of plain characters matched by one repeat, not an alternative tried per character, which was twice as slow.)
_LITERAL = re.compile(rb'"[^"\\\n]*(?:\\.[^"\\\n]*)*"(?:\^\^<[^>\n]*>|@[A-Za-z][A-Za-z0-9\-]*)?')
#: An IRI with an escape (or a literal that looks like one): left to a store by :func:`_stored_text`.
_ESCAPED_IRI = re.compile(rb'<[^>\n]*\\')
#: What :func:`_stored_text` looks for before the dearer searches: a Unicode escape, a blank node's ``_:``.
#: (A pattern that starts with a rare byte is found by ``re`` faster than ``in`` finds a two-byte needle.)
_UNICODE_ESCAPE = re.compile(rb"\\[uU]")
_BLANK_MARK = re.compile(rb"_:")
#: Sorts before any IRI, so every subject's ``rdf:type`` lines come first.
_TYPE_SORT_KEY = b" <\x00> "
_TYPE_SORT_TEXT = _TYPE_SORT_KEY.decode()
#: Union lines (repeats included) sorted in memory at once; beyond that they spill to sorted runs on disk.
#: (A million lines held about 500 MB with their set and sorted list; this quarter costs a few more runs.)
_RUN_LINES = 250_000
#: Bytes of the runs the union's merge reads ahead, over all runs together (:func:`_merged`), and the least
#: share of one run (a big corpus's union has many runs).
_MERGE_BYTES = 8 * 2**20
_MERGE_MIN_BYTES = 1 << 16
#: A graph whose N-Triples dump passes this many bytes (the resolution graph of a big corpus: its
#: corroborations grow with the square of a claim's copies) is sorted on disk and written in pieces of
#: :data:`_BIG_PIECE_LINES` lines (:func:`_big_pieces`), never held whole.
_BIG_GRAPH_BYTES = 64 * 2**20
_BIG_PIECE_LINES = 100_000
#: Local names safe to write as a JSON-LD compact IRI (no '/', '#', ':' or leading '//').
#: ``json.dumps(node, ensure_ascii=False)`` without making an encoder per node.
_JSON = json.JSONEncoder(ensure_ascii=False)
#: The string writer of ``_JSON`` (``ensure_ascii=False``): a JSON string literal, quotes included.
_json_string = json.encoder.encode_basestring
_LOCAL_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")

Writer = Callable[["object", BinaryIO], int]


@dataclass(frozen=True)
class ExportFormat:
    """One export format: canonical ``name``, file ``extension``, ``media_type``, ``aliases``."""

    name: str
    extension: str
    media_type: str
    aliases: tuple[str, ...]
    writer: Writer
    counts: str  # "triples" or "quads": what the writer's count means


@dataclass(frozen=True)
class Export:
    """The result of one export: where it went and how many triples or quads it holds."""

    format: str
    path: Path
    count: int
    counts: str

    def __fspath__(self) -> str:
        return str(self.path)

    def __str__(self) -> str:
        return str(self.path)


# -- reading the store once for every export --------------------------------------------


def _type_first(line: bytes) -> bytes:
    return line.replace(_TYPE_BYTES, _TYPE_SORT_KEY, 1)


#: A line holding the ``rdf:type`` IRI twice (where :func:`_keyed` cannot replace them all at once).
_TYPE_TWICE = re.compile(re.escape(_TYPE_BYTES) + rb"[^\n]*" + re.escape(_TYPE_BYTES))


def _keyed(lines: list[bytes]) -> list[bytes]:
    """:func:`_type_first` of every line, by one replace over all of them (cheaper than a call per line).

    The sort key ``<\\x00>`` cannot occur in N-Triples (a NUL is escaped in literals and not allowed
    in IRIs), so :func:`_unkeyed` gives the lines back exactly.

    >>> t = b"<http://ex/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex/C> ."
    >>> _keyed([t]) == [_type_first(t)] and _unkeyed(_keyed([t])[0]) == t
    True
    """
    if not lines:
        return []
    return _keyed_text(b"\n".join(lines))


def _keyed_text(block: bytes) -> list[bytes]:
    """:func:`_keyed` of the lines of ``block`` (lines joined by line breaks, at least one line)."""
    if _TYPE_TWICE.search(block):
        return [_type_first(line) for line in block.split(b"\n")]
    return block.replace(_TYPE_BYTES, _TYPE_SORT_KEY).split(b"\n")


def _unkeyed(data: bytes) -> bytes:
    """Lines of :func:`_keyed` (one or many, joined) back as they were.

    Every NUL byte is a sort key's (N-Triples has none of its own: :func:`_keyed`), so replacing the
    NUL alone by the ``rdf:type`` IRI gives the same bytes as replacing the whole key; a one-byte
    pattern is found by ``memchr``, where a longer one costs ``bytes.replace`` a search per match
    (the union's 380 MB: about 0.6 -> 0.25 s).

    >>> line = b"<http://ex/s>" + _TYPE_BYTES + b"<http://ex/C> ."
    >>> _keyed([line]) == [b"<http://ex/s> <\\x00> <http://ex/C> ."] and _unkeyed(_keyed([line])[0]) == line
    True
    """
    return data.replace(b"\x00", _RDF_TYPE.encode())


def _graph_lines(store, graph) -> list[bytes]:
    """The triples of one graph as N-Triples lines (each ends with b' .')."""
    return _graph_text(store, graph).splitlines()


def _graph_text(store, graph) -> bytes:
    """The triples of one graph as N-Triples text (each line ends with a line break)."""
    buffer = io.BytesIO()
    store.dump(buffer, ox.RdfFormat.N_TRIPLES, from_graph=graph)
    return buffer.getvalue()


def _dump(store, graph) -> tempfile.SpooledTemporaryFile:
    """The N-Triples of one graph in a file that stays in memory up to :data:`_BIG_GRAPH_BYTES`, rewound."""
    spool = tempfile.SpooledTemporaryFile(max_size=_BIG_GRAPH_BYTES, prefix="kg-export-")
    store.dump(spool, ox.RdfFormat.N_TRIPLES, from_graph=graph)
    spool.seek(0)
    return spool


def _big_pieces(graph, dump: BinaryIO) -> Iterator[_Piece]:
    """The lines of a big graph's dump, sorted on disk (:class:`_Union`), as pieces of at most
    :data:`_BIG_PIECE_LINES` lines: the TriG and JSON-LD writers write one block or one named graph
    object per piece (the same graph several times, which both formats merge)."""
    with _Union() as sorter:
        for chunk in _chunks(line.rstrip(b"\n") for line in dump):
            sorter.add(chunk)
        for keyed in sorter.chunks(_BIG_PIECE_LINES):
            yield _Piece(graph, _unkeyed(b"\n".join(keyed)).split(b"\n"))


def _graphs(store) -> list[ox.NamedNode | ox.DefaultGraph]:
    """The default graph (first, only when it holds triples) then the named graphs by IRI."""
    graphs: list[ox.NamedNode | ox.DefaultGraph] = []
    if next(iter(store.quads(ox.DefaultGraph())), None) is not None:
        graphs.append(ox.DefaultGraph())
    graphs.extend(store.named_graphs())
    return graphs


class _Union:
    """Every distinct triple of every graph, sorted, with the number of graphs stating it, in bounded memory.

    An external merge sort of the lines themselves, repeats included (a triple stated in k graphs is
    held k times; few are): the lines of the graphs are collected (:meth:`add`), and every
    :data:`_RUN_LINES` of them are sorted and written to a temporary run file; :meth:`counted`
    merges the runs block by block (:func:`_merged`) and counts each batch's repeats with a
    :class:`~collections.Counter`. Why repeats and not distinct lines with their counts: every
    step is then a C loop (``list.sort`` merges the graphs' already sorted lines, ``Counter`` counts,
    ``bytes.split`` reads a run), where keeping counts beside the lines cost a Python step per line
    in the merge (``heapq.merge`` over ``(line, count)`` pairs) and per spilled line. A union that
    fits in one run never touches the disk. Use it as a context manager (the run files live in a
    temporary folder until it exits). Lines are held as their sort keys (:func:`_keyed`), so sorting
    and merging compare bytes without a key function.

    >>> with _Union() as union:
    ...     union.add_keyed([b"<a> <p> 1 .", b"<b> <p> 2 ."]); union.add_keyed([b"<a> <p> 1 ."])
    ...     list(union.counted())
    [([b'<a> <p> 1 .', b'<b> <p> 2 .'], [2, 1])]
    """

    def __enter__(self) -> _Union:
        self._folder = tempfile.TemporaryDirectory(prefix="kg-export-")
        self._runs: list[Path] = []
        self._held: list[bytes] = []
        return self

    def __exit__(self, *exc) -> None:
        self._held = []
        self._folder.cleanup()

    def add(self, lines: list[bytes]) -> None:
        self.add_keyed(_keyed(lines))

    def add_keyed(self, keyed: list[bytes]) -> None:
        """:meth:`add` of lines already made sort keys (:func:`_keyed`)."""
        self._held += keyed
        if len(self._held) >= _RUN_LINES:
            self._spill()

    def _spill(self) -> None:
        self._held.sort()
        self._runs.append(_write_run(self._held, Path(self._folder.name) / f"{len(self._runs)}.nt"))
        self._held = []

    def _batches(self) -> Iterator[list[bytes]]:
        """Every line held or spilled, repeats included, sorted, in batches that each hold all of a line's repeats."""
        if not self._runs:
            self._held.sort()
            if self._held:
                yield self._held
            return
        if self._held:
            self._spill()
        yield from _merged(self._runs, max(_MERGE_BYTES // len(self._runs), _MERGE_MIN_BYTES))

    def counted(self, size: int = 100_000) -> Iterator[tuple[list[bytes], list[int]]]:
        """The sorted distinct lines, as sort keys (:func:`_unkeyed` gives them back), ``size`` at a time, each
        with the number of graphs stating it."""
        lines: list[bytes] = []
        counts: list[int] = []
        for batch in self._batches():
            found = Counter(batch)  # (a sorted batch: the keys come in order)
            lines += found.keys()
            counts += found.values()
            if len(lines) >= size:
                cut = len(lines) - len(lines) % size
                for start in range(0, cut, size):
                    yield lines[start : start + size], counts[start : start + size]
                del lines[:cut], counts[:cut]
        if lines:
            yield lines, counts

    def chunks(self, size: int = 100_000) -> Iterator[list[bytes]]:
        """The sorted distinct lines, as sort keys (:func:`_unkeyed` gives them back), ``size`` at a time."""
        for lines, _ in self.counted(size):
            yield lines


def _merged(runs: list[Path], block: int) -> Iterator[list[bytes]]:
    """The lines of the sorted ``runs`` (files of lines, repeats allowed) merged, in sorted batches, each
    holding every repeat of its lines.

    Each run is read ``block`` bytes at a time and split. A batch takes, from every run, the lines below
    the least of the last lines read from the runs not yet read to their end (``bound``): no line still
    unread sorts before ``bound``, so every repeat of a line below it is in the batch. A run is read on
    while what was read of it is one line repeated, so the run holding ``bound`` always gives a line.
    The batch's sort merges the runs' sorted stretches (in C: Python's sort finds them).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     runs = [_write_run(lines, Path(d) / f"{i}.nt") for i, lines in enumerate(
    ...         [[b"a", b"a", b"a", b"c"], [b"a", b"b", b"d"], [b"b", b"c", b"c"]])]
    ...     batches = list(_merged(runs, block=3))
    >>> b"".join(line for batch in batches for line in batch)
    b'aaaabbcccd'
    >>> all(batch[-1] < later[0] for batch, later in zip(batches, batches[1:]))
    True
    """
    with contextlib.ExitStack() as stack:
        files = [stack.enter_context(run.open("rb")) for run in runs]
        held: list[list[bytes]] = [[] for _ in runs]
        cut = [b""] * len(runs)  # the start of a line the last read cut, per run
        live = [True] * len(runs)  # not read to the end
        while True:
            for i, lines in enumerate(held):
                while live[i] and (not lines or lines[0] == lines[-1]):
                    data = files[i].read(block)
                    if not data:
                        live[i] = False
                        if cut[i]:
                            lines.append(cut[i])
                        break
                    more = (cut[i] + data).split(b"\n")
                    cut[i] = more.pop()
                    lines += more
            bounds = [lines[-1] for lines, open_ in zip(held, live) if open_]
            if not bounds:
                rest = [line for lines in held for line in lines]
                if rest:
                    rest.sort()
                    yield rest
                return
            bound = min(bounds)
            batch: list[bytes] = []
            for i, lines in enumerate(held):
                k = bisect.bisect_left(lines, bound)
                if k:
                    batch += lines[:k]
                    held[i] = lines[k:]
            batch.sort()
            yield batch


def _write_run(lines: list[bytes], path: Path) -> Path:
    with path.open("wb") as handle:
        _write_lines(handle, lines)
    return path


#: Lines joined at once by :func:`_write_lines` (about 1 MB of N-Triples).
_JOIN_LINES = 8192


def _write_lines(out: BinaryIO, lines: list[bytes]) -> None:
    """Write ``lines``, each followed by a line break, :data:`_JOIN_LINES` at a time.

    Why not one join of all: a buffer of tens of MB is mapped fresh by the allocator at every
    call (it is above malloc's mapping threshold), and the kernel then zero-fills it page by
    page: a spill of the union's 40 MB run cost more in page faults than in writing.
    """
    for start in range(0, len(lines), _JOIN_LINES):
        out.write(b"\n".join(lines[start : start + _JOIN_LINES]))
        out.write(b"\n")


def _chunks(lines: Iterable[bytes], size: int = 100_000) -> Iterator[list[bytes]]:
    chunk: list[bytes] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _triples(data: bytes) -> Iterator[ox.Triple]:
    """The triples of N-Triples ``data`` that a store dumped (or that a store took in: :func:`_stored_text`).

    Parsed ``lenient``: Oxigraph then skips checking IRIs and language tags again, which was about
    40% of parsing the union for its Turtle; valid text gives the same terms either way (the store
    loads the documents so too, :meth:`kg.store.Store.load_documents`).
    """
    if not data:
        return iter(())
    return ox.parse(data, format=ox.RdfFormat.N_TRIPLES, lenient=True)


def _without_prefixes(data: bytes) -> bytes:
    """``data`` without its leading ``@prefix`` lines (Oxigraph writes them before the first triple).

    >>> _without_prefixes(b'@prefix ex: <http://ex/> .\\n<http://ex/g> {\\n}\\n')
    b'<http://ex/g> {\\n}\\n'
    """
    start = 0
    while data.startswith(b"@prefix ", start):
        start = data.index(b"\n", start) + 1
    return data[start:]


# -- one graph, as the per-graph writers need it ------------------------------------------

#: Changes whenever what a cached piece holds would change: its layout, Oxigraph's writer, the prefixes.
_PIECE_VERSION = hashlib.sha1(
    f"1|{ox.__version__}|{sorted(PREFIXES.items())}".encode()).hexdigest()[:16].encode()
_PIECE_MAGIC = b"kg-export-piece " + _PIECE_VERSION + b"\n"


@dataclass(frozen=True)
class _Span:
    """Bytes ``start:end`` of an open file (a cached piece's): what a writer copies file to file in the kernel
    (:func:`_copy`) rather than reading it into Python and writing it back."""

    file: BinaryIO
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def read(self) -> bytes:
        return _read_at(self.file.fileno(), self.start, self.end)

    def copy_to(self, out: BinaryIO) -> None:
        """Append the bytes to ``out``: file to file when ``out`` is a plain file stream, else read and written.

        Only a stream whose bytes go to its ``fileno()`` as written is copied into in the kernel: a stream that
        transforms them (``gzip.GzipFile`` gives its underlying file's number too) must be given the bytes.

        >>> import tempfile
        >>> with tempfile.TemporaryFile() as f:
        ...     _ = f.write(b"abcdef"); f.flush()
        ...     out = io.BytesIO(); _Span(f, 1, 4).copy_to(out)
        >>> out.getvalue()
        b'bcd'
        """
        if not isinstance(out, _PLAIN_STREAMS):
            out.write(self.read())
            return
        _copy(self.file.fileno(), out, self.start, self.end)


#: Streams that write their bytes unchanged to their ``fileno()`` (a file, a pipe, a socket's buffered writer).
_PLAIN_STREAMS = (io.BufferedWriter, io.BufferedRandom, io.FileIO)


#: The most bytes one ``copy_file_range`` call is asked for.
_COPY_BYTES = 1 << 30


def _copy(src: int, out: BinaryIO, start: int, end: int) -> None:
    """Copy bytes ``start:end`` of the file ``src`` to the end of ``out`` (in the kernel when it can)."""
    if end <= start:
        return
    out.flush()
    dst = out.fileno()
    while start < end:
        try:
            done = os.copy_file_range(src, dst, min(end - start, _COPY_BYTES), start)
        except OSError:
            done = os.write(dst, os.pread(src, min(end - start, 1 << 24), start))
        if done <= 0:
            raise OSError("short copy")
        start += done


def _read_at(fd: int, start: int, end: int) -> bytes:
    """Bytes ``start:end`` of the file ``fd``."""
    data = os.pread(fd, end - start, start)
    while len(data) < end - start:  # (a read returns at most about 2 GB)
        more = os.pread(fd, end - start - len(data), start + len(data))
        if not more:
            raise OSError("file cut short")
        data += more
    return data


class _Piece:
    """One graph for the per-graph writers: its sorted N-Triples lines, and its TriG block and
    JSON-LD node objects, each made on first use (or read back from the store's export cache).

    A piece read back from the cache keeps its lines as the one text they were stored as
    (:attr:`text`) and splits them only when asked (:attr:`lines`): a build's export gives
    that text to the N-Quads file and the union as it is, so most pieces are never split.

    >>> g = ox.NamedNode("http://ex/g")
    >>> piece = _Piece(g, [b'<http://ex/s> <http://purl.org/dc/terms/title> "T" .'])
    >>> piece.trig
    b'<http://ex/g> {\\n\\t<http://ex/s> dct:title "T" .\\n}\\n'
    >>> again = _Piece.decode(g, piece.encode())
    >>> (again.lines, again.trig, again.jsonld) == (piece.lines, piece.trig, piece.jsonld)
    True
    >>> (again.count, again.text) == (1, piece.lines[0])
    True

    A piece opened from its file (:meth:`open`) reads only its lines: its TriG block and JSON-LD
    are copied from the file to the export files in the kernel (:meth:`trig_part`, :meth:`jsonld_part`).
    """

    def __init__(self, graph, lines: list[bytes] | None, trig: bytes | None = None, jsonld: bytes | None = None,
                 *, text: bytes | None = None) -> None:
        self.graph, self._lines, self._text = graph, lines, text  # one of lines and text is given
        self._count: int | None = None
        self._trig, self._jsonld = trig, jsonld
        self._file: BinaryIO | None = None  # the cached piece's file (:meth:`open`), while open
        self._trig_span: _Span | None = None
        self._jsonld_span: _Span | None = None

    @property
    def lines(self) -> list[bytes]:
        if self._lines is None:
            self._lines = self._text.split(b"\n") if self._text else []
        return self._lines

    @property
    def text(self) -> bytes:
        """The lines joined by line breaks (no break after the last)."""
        if self._text is None:
            self._text = b"\n".join(self._lines)
        return self._text

    @property
    def count(self) -> int:
        """How many lines (triples)."""
        if self._lines is not None:
            return len(self._lines)
        if self._count is None:
            self._count = self._text.count(b"\n") + 1 if self._text else 0
        return self._count

    def keyed(self) -> list[bytes]:
        """:func:`_keyed` of the lines, made from :attr:`text` without splitting it first."""
        return _keyed_text(self.text) if self.count else []

    @property
    def nquads(self) -> bytes:
        return b"".join(self.nquads_parts())

    def nquads_parts(self) -> list[bytes | memoryview]:
        """:attr:`nquads` in parts to write one after the other: the lines with their graph, but the last
        line's end (so the text is not copied whole only to add a line break after it)."""
        if not self.count:
            return []
        if isinstance(self.graph, ox.DefaultGraph):
            return [self.text, b"\n"]
        # every line ends with " ." and a literal holds no raw line break: " .\n" is found at line ends only.
        # (Split and joined, not replaced: bytes.replace searches again for each of the many matches, which
        # cost a third more than splitting at them.)
        end = b" " + str(self.graph).encode() + b" .\n"
        return [memoryview(end.join(self.text.split(b" .\n")))[:-2], end]

    @property
    def trig(self) -> bytes:
        """The graph's TriG block, without the ``@prefix`` lines Oxigraph writes before the first one."""
        if self._trig is None:
            self._trig = self._trig_span.read() if self._trig_span is not None else _trig_block(self.graph, self.lines)
        return self._trig

    def trig_part(self) -> bytes | _Span:
        """:attr:`trig` as a writer takes it: where it lies in the piece's file when it is still only there."""
        return self._trig_span if self._trig is None and self._trig_span is not None else self.trig

    def jsonld_nodes(self) -> list[bytes]:
        return [text.encode("utf-8") for text in _jsonld_texts_of_lines(self.lines)]

    @property
    def jsonld(self) -> bytes:
        """The graph's JSON-LD node objects, joined as a named graph's ``@graph`` list holds them."""
        if self._jsonld is None:
            self._jsonld = (self._jsonld_span.read() if self._jsonld_span is not None
                            else b",\n ".join(self.jsonld_nodes()))
        return self._jsonld

    def jsonld_part(self) -> bytes | _Span:
        """:attr:`jsonld` as a writer takes it: where it lies in the piece's file when it is still only there."""
        return self._jsonld_span if self._jsonld is None and self._jsonld_span is not None else self.jsonld

    def reuse(self, old: _Piece) -> None:
        """Take the TriG and JSON-LD of every subject whose triples are the same in ``old`` (an earlier piece of
        the same named graph) from it, and render only the others.

        Why: resolve writes the resolution graph anew at every build, mostly with the same triples;
        rendering all of it again was most of an incremental export. A subject's statements are one
        JSON-LD node and one indented Turtle block, whatever the other subjects hold.

        >>> g = ox.NamedNode("http://ex/g")
        >>> a, b = b'<http://ex/a> <http://ex/p> "1" .', b'<http://ex/b> <http://ex/p> "2" .'
        >>> new = _Piece(g, [a, b'<http://ex/b> <http://ex/p> "3" .'])
        >>> new.reuse(_Piece(g, [a, b]))
        >>> fresh = _Piece(g, new.lines)
        >>> (new.trig, new.jsonld) == (fresh.trig, fresh.jsonld)
        True
        """
        if self._trig is not None or not isinstance(self.graph, ox.NamedNode) or not old.lines or not self.lines:
            return
        old_groups = _subject_groups(old.lines)
        old_nodes = old.jsonld.split(b",\n ")
        old_blocks = _trig_subject_blocks(old.trig)
        if len(old_nodes) != len(old_groups) or old_blocks is None or len(old_blocks) != len(old_groups):
            return
        before = {tuple(old.lines[a:b]): k for k, (a, b) in enumerate(old_groups)}
        groups = _subject_groups(self.lines)
        found = [before.get(tuple(self.lines[a:b])) for a, b in groups]
        fresh = [self.lines[a:b] for (a, b), k in zip(groups, found) if k is None]
        fresh_blocks: list[bytes] = []
        if fresh:
            block = _trig_block(self.graph, [line for group in fresh for line in group])
            fresh_blocks = _trig_subject_blocks(block) or []
            if len(fresh_blocks) != len(fresh):
                return
        nodes, blocks, made = [], [], iter(fresh_blocks)
        for (a, b), k in zip(groups, found):
            if k is None:
                nodes.append(next(_jsonld_texts_of_lines(self.lines[a:b])).encode("utf-8"))
                blocks.append(next(made))
            else:
                nodes.append(old_nodes[k])
                blocks.append(old_blocks[k])
        self._jsonld = b",\n ".join(nodes)
        self._trig = _trig_head(self.graph) + b"\n".join(blocks) + b"\n}\n"

    def encode(self) -> bytes:
        lines = self.text
        sizes = b"%d %d %d\n" % (len(lines), len(self.trig), len(self.jsonld))
        return b"".join([_PIECE_MAGIC, sizes, lines, self.trig, self.jsonld])

    @classmethod
    def decode(cls, graph, data: bytes | None) -> _Piece | None:
        """The piece ``encode`` wrote, or None (no data, another version, a cut-short file)."""
        if not data or not data.startswith(_PIECE_MAGIC):
            return None
        try:
            head = data.index(b"\n", len(_PIECE_MAGIC)) + 1
            a, b, c = map(int, data[len(_PIECE_MAGIC) : head].split())
        except ValueError:
            return None
        if len(data) != head + a + b + c:
            return None
        return cls(graph, None, data[head + a : head + a + b], data[head + a + b :], text=data[head : head + a])

    @classmethod
    def open(cls, graph, path: Path) -> _Piece | None:
        """The piece :meth:`encode` wrote to the file ``path``, or None as :meth:`decode` gives it.

        Only the lines are read; the TriG block and the JSON-LD stay in the file, which stays open
        until :meth:`close`, for the writers to copy (a third of the piece's bytes each, which
        reading in and writing back out cost CPU for). A cached piece is never rewritten in place
        (:meth:`kg.store.Store.export_cache_file`), so the open file keeps the bytes it had.

        >>> import tempfile
        >>> g = ox.NamedNode("http://ex/g")
        >>> piece = _Piece(g, [b'<http://ex/s> <http://purl.org/dc/terms/title> "T" .'])
        >>> with tempfile.TemporaryDirectory() as d:
        ...     path = Path(d) / "piece.bin"
        ...     _ = path.write_bytes(piece.encode())
        ...     again = _Piece.open(g, path)
        ...     left = type(again.trig_part()).__name__  # (not read: where it lies in the file)
        ...     same = (again.text, again.trig, again.jsonld) == (piece.text, piece.trig, piece.jsonld)
        ...     again.close()
        >>> left, same
        ('_Span', True)
        """
        try:
            file = open(path, "rb")
        except OSError:
            return None
        try:
            size = os.fstat(file.fileno()).st_size
            if file.read(len(_PIECE_MAGIC)) != _PIECE_MAGIC:
                raise ValueError("not a piece")
            a, b, c = map(int, file.readline(64).split())
            head = file.tell()
            text = file.read(a)
            if size != head + a + b + c or len(text) != a:
                raise ValueError("cut short")
        except (OSError, ValueError):
            file.close()
            return None
        piece = cls(graph, None, text=text)
        piece._file = file
        piece._trig_span = _Span(file, head + a, head + a + b)
        piece._jsonld_span = _Span(file, head + a + b, size)
        return piece

    def close(self) -> None:
        """Close the piece's file (:meth:`open`): call it once the writers are done with the piece."""
        if self._file is not None:
            self._file.close()
            self._file = self._trig_span = self._jsonld_span = None


def _subject_groups(lines: list[bytes]) -> list[tuple[int, int]]:
    """Where each subject's lines start and end in sorted N-Triples ``lines``."""
    groups = []
    start = 0
    subject = None
    for k, line in enumerate(lines):
        head = line[: line.index(b" ")]
        if head != subject:
            if subject is not None:
                groups.append((start, k))
            subject, start = head, k
    if subject is not None:
        groups.append((start, len(lines)))
    return groups


def _trig_subject_blocks(trig: bytes) -> list[bytes] | None:
    """The lines of each subject's statements in a named graph's TriG block (without the graph's first and
    last lines), or None if it is not of that shape."""
    lines = trig.split(b"\n")
    if len(lines) < 3 or lines[-2:] != [b"}", b""] or not lines[0].endswith(b"{"):
        return None
    blocks: list[list[bytes]] = []
    for line in lines[1:-2]:
        if line[:1] != b"\t":
            return None
        if line[1:2] != b"\t" and not (blocks and blocks[-1][-1][-1:] in (b";", b",")):
            blocks.append([line])
        elif blocks:
            blocks[-1].append(line)
        else:
            return None
    return [b"\n".join(block) for block in blocks]


def document_nquads_and_piece(extraction, base: str, *, piece: bool = True) -> tuple[bytes, bytes]:
    """A document's N-Quads (:func:`kg.rdf.convert.document_nquads`) and, when ``piece``, its export piece
    (what :func:`document_piece` makes of those N-Quads), both from the statements the conversion wrote.

    Why: the build's workers need both for every document; making the piece from the N-Quads text
    read back what the conversion had just written (its lines' shape, its literals) at a quarter of
    the piece's cost.
    """
    from kg.rdf import convert

    statements = convert.document_statements(extraction, base)
    return statements.nquads(), statements_piece(statements) if piece else b""


def statements_piece(statements) -> bytes:
    """The export piece of one document's graph from its :class:`kg.rdf.convert.Statements`: the bytes
    :func:`document_piece` gives for their N-Quads.

    The lines are already what a store's dump writes (pyoxigraph's term writers wrote them, in one
    graph, without blank nodes) except for typed literals, which a store writes in canonical form:
    those, and only those, are put through one (:func:`_stored_literals`). The duplicates go and the
    lines are sorted as text (a ``str`` sorts as its UTF-8 bytes do; ``" ."`` is added after the
    sort, which does not move a line: what follows an object's last character is a space in one
    line and ``^``, ``@`` or more of a literal in another).

    >>> from kg.model import Document, Extraction
    >>> from kg.rdf.convert import document_nquads, document_statements
    >>> ex = Extraction(Document(text="Kim spoke.", source="a.txt", publisher="Daily"))
    >>> statements = document_statements(ex, "http://ex.org/")
    >>> statements_piece(statements) == document_piece(document_nquads(ex, "http://ex.org/"), statements.graph[1:-1])
    True
    """
    node = ox.NamedNode(statements.graph[1:-1])
    lines = statements.lines
    changed = _stored_literals(statements.typed)
    if changed is None:
        raise ValueError(f"not a literal among the typed literals {sorted(statements.typed)[:3]}")
    if changed:  # no ECB+ document has one: the conversion writes integers, decimals and dates canonically
        ends = tuple(f" {term}" for term in changed)
        lines = [_with_stored(line, changed) if line.endswith(ends) else line for line in lines]
    # most terms that Turtle writes otherwise than N-Triples are typed literals: asked of Oxigraph at once
    _turtle_terms(changed.get(term, term) for term in statements.typed)
    lines = list(dict.fromkeys(lines))
    lines.sort(key=_type_first_text)
    return _lines_piece(node, lines)


def _with_stored(line: str, changed: dict[str, str]) -> str:
    """``line`` (``"s p o"``) with its object, one of ``changed``, in the stored form."""
    for term, form in changed.items():
        if line.endswith(f" {term}"):
            return line[: len(line) - len(term)] + form
    return line


def _type_first_text(line: str) -> str:
    """:func:`_type_first` of a line as ``str``: the same order (an ``rdf:type`` predicate is the first
    ``" <rdf:type> "`` of a line ``"s p o"``)."""
    return line.replace(_TYPE_TEXT, _TYPE_SORT_TEXT, 1)


def document_piece(nquads: bytes, graph: str) -> bytes:
    """The export piece of the graph ``graph`` given as N-Quads, as an export of a store holding it makes it.

    Why: a build's workers make the pieces of the graphs they convert (in parallel, while
    parsing goes on), and the build caches them as it loads the graphs, so the export does
    not read those graphs back from the store (the workers give the conversion's statements
    to :func:`statements_piece` instead of this text: :func:`document_nquads_and_piece`).
    The quads go through an in-memory Oxigraph
    store first, which writes literals back in the same canonical form the on-disk store does
    (``"015"^^xsd:integer`` comes back as ``"15"``), so the lines are the ones a dump gives.
    Text with a blank node gets no piece (``b""``): a store that loads it gives the blank node a
    label of its own, which the piece cannot know. The lines are sorted as one text
    (:func:`_sorted_text`) and then read once (:func:`_lines_piece`).

    >>> data = b'<http://ex/d> <http://purl.org/dc/terms/title> "T" <http://ex/d> .\\n'
    >>> _Piece.decode(ox.NamedNode("http://ex/d"), document_piece(data, "http://ex/d")).trig
    b'<http://ex/d> {\\n\\t<http://ex/d> dct:title "T" .\\n}\\n'
    """
    node = ox.NamedNode(graph)
    text = _stored_text(nquads, graph)
    if text is None:  # a form the fast path does not know: let a store write the lines
        from kg.store import Store

        memory = Store()
        memory.add_data(nquads, node)
        text = _graph_text(memory, node)
        if text.startswith(b"_:") or b"\n_:" in text or b" _:" in text:
            return b""  # the store that loads the text names its blank nodes anew: no piece, the export reads them
    text = _sorted_text(text)
    # every line ends with " ." and a literal holds no raw line break: " .\n" is found at line ends only
    return _lines_piece(node, text[:-2].decode("utf-8").split(" .\n") if text else [])


def _lines_piece(node: ox.NamedNode, lines: list[str]) -> bytes:
    """The piece of the graph ``node`` from its sorted distinct N-Triples lines, as ``"s p o"`` (no ``" ."``).

    Its TriG block and JSON-LD node objects are written in one pass over the lines (:func:`_subject_texts`).
    """
    if not lines:
        return _Piece(node, []).encode()
    nodes, blocks = [], []
    for node_text, block in _subject_texts(lines, turtle=True):
        nodes.append(node_text)
        blocks.append(block)
    trig = _trig_head(node) + "".join(blocks).encode("utf-8") + b"}\n"
    text = (" .\n".join(lines) + " .").encode("utf-8")
    return _Piece(node, None, trig, ",\n ".join(nodes).encode("utf-8"), text=text).encode()


def _sorted_text(text: bytes) -> bytes:
    """The distinct lines of N-Triples ``text`` (each ending with a line break) in the exports' order
    (``sorted(lines, key=_type_first)``), joined by line breaks.

    Why: the duplicates are dropped keeping the lines' order (``dict.fromkeys``), not by a set:
    a document's lines come in long runs already in order (a node's selectors, a claim's
    mention), which the sort takes as they are; the order of a set made it sort from scratch.

    >>> t = b"<http://ex/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex/C> ."
    >>> lines = [b'<http://ex/s> <http://ex/a> "1" .', t, t]
    >>> _sorted_text(b"\\n".join(lines) + b"\\n") == b"\\n".join(sorted(set(lines), key=_type_first))
    True
    """
    lines = list(dict.fromkeys(text[:-1].split(b"\n"))) if text else []
    lines.sort(key=_type_first)
    return b"\n".join(lines)


def _stored_text(nquads: bytes, graph: str) -> bytes | None:
    """The N-Triples text (one line per quad, duplicates kept, each line ending with a line break) a store
    holding the N-Quads ``nquads`` of ``graph`` dumps, read from the text.

    Why: loading a document's quads into a store only to dump them again cost more than
    rendering the piece. Text written by pyoxigraph's term writers (as
    :func:`kg.rdf.convert.document_nquads` writes it) is already what a dump writes, except
    that the store keeps typed literals in canonical form (``"15.0"^^xsd:decimal`` comes back
    as ``"15"``, ``xsd:nonNegativeInteger`` as ``xsd:integer``) and reads escapes; such
    literals are put through a store, each distinct one once (:func:`_stored_literals`).
    Returns None when a line is not of that shape (another graph, a blank node, an escape in
    an IRI), so the caller goes the slow way.

    >>> data = (b'<http://ex/d> <http://ex/n> "015"^^<http://www.w3.org/2001/XMLSchema#integer> <http://ex/d> .\\n'
    ...         b'<http://ex/d> <http://ex/t> "T" <http://ex/d> .\\n')
    >>> print(_stored_text(data, "http://ex/d").decode(), end="")
    <http://ex/d> <http://ex/n> "15"^^<http://www.w3.org/2001/XMLSchema#integer> .
    <http://ex/d> <http://ex/t> "T" .
    >>> _stored_text(b'_:b <http://ex/t> "T" <http://ex/d> .\\n', "http://ex/d") is None
    True
    """
    end = b" <" + graph.encode("utf-8") + b"> .\n"
    # every line ends with ``end`` and the next starts with "<": one count of ``end + b"<"`` (each holds one
    # line break) and the last line's end, instead of counting ``end`` and ``b"\n<"`` apart
    lines = nquads.count(b"\n")
    if not nquads.startswith(b"<") or not nquads.endswith(end) or nquads.count(end + b"<") != lines - 1:
        return None  # a line in another graph, or a line that starts with a blank node
    if _BLANK_MARK.search(nquads) and b"> _:" in nquads:
        return None  # a blank node (or a literal that looks like one)
    if _UNICODE_ESCAPE.search(nquads) and _ESCAPED_IRI.search(nquads):
        return None  # an IRI with an escape (or a literal that looks like one)
    terms = {term.decode("utf-8") for term in _LITERAL.findall(nquads) if term[-1:] != b'"' or b"\\" in term}
    stored = _stored_literals(terms)
    if stored is None:
        return None
    text = nquads.replace(end, b" .\n")
    changed = {term.encode("utf-8"): form.encode("utf-8") for term, form in stored.items()}
    if changed:  # most documents' literals are already in the stored form
        text = _LITERAL.sub(lambda match: changed.get(match.group(), match.group()), text)
    return text


#: Literals already put through a store by :func:`_stored_literals` (cleared when it holds this many).
_STORED_MAX = 1 << 16
_stored: dict[str, str] = {}


def _stored_literals(terms: set[str]) -> dict[str, str] | None:
    """The literals of ``terms`` (N-Triples texts) that a store writes back in another form, with the N-Triples
    text of that form; None if one is not a literal. The ones not seen before go through one in-memory store
    together.

    >>> _stored_literals({'"15.0"^^<http://www.w3.org/2001/XMLSchema#decimal>', '"a\\\\u0041"', '"x"'}) == {
    ...     '"15.0"^^<http://www.w3.org/2001/XMLSchema#decimal>': '"15"^^<http://www.w3.org/2001/XMLSchema#decimal>',
    ...     '"a\\\\u0041"': '"aA"'}
    True
    """
    if len(_stored) + len(terms) > _STORED_MAX:  # cleared first, so that every one of ``terms`` is answered below
        _stored.clear()
    new = sorted(terms.difference(_stored))
    if new:
        data = "".join(f"<x:{i}> <x:p> {term} .\n" for i, term in enumerate(new)).encode("utf-8")
        memory = ox.Store()
        try:
            memory.load(data, format=ox.RdfFormat.N_TRIPLES)
        except SyntaxError:
            return None
        dumped = memory.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode("utf-8").split("\n")
        if len(dumped) != len(new) + 1:
            return None
        for line in dumped[:-1]:
            head, _, rest = line.partition("> <x:p> ")
            _stored[new[int(head[3:])]] = rest[:-2]
    return {term: form for term in terms if (form := _stored[term]) != term}


#: IRIs a prefix of :data:`PREFIXES` may shorten in Turtle (as N-Triples texts: ``<`` and the namespace).
_PREFIXED = tuple("<" + namespace for namespace in PREFIXES.values())
#: Terms Oxigraph's Turtle writer writes otherwise than N-Triples, with that text (:func:`_turtle_terms`;
#: cleared when it holds :data:`_STORED_MAX`).
_turtle: dict[str, str] = {}


def _turtle_term(term: str) -> str:
    """The text Oxigraph's Turtle (and TriG) writer gives the N-Triples term ``term``, with :data:`PREFIXES`.

    An IRI that no prefix covers, a blank node and a literal with neither datatype nor language
    tag are written as in N-Triples (the two writers share the term's text); any other term (a
    prefixed name, a number or boolean written bare: ``15``, ``true``, a datatype or a tag) is
    what Oxigraph writes of it, asked once per term (:func:`_turtle_terms`).

    >>> [_turtle_term(t) for t in ('<http://ex/a>', '"say \\\\"hi\\\\""', '<https://schema.org/Person>',
    ...  '"15"^^<http://www.w3.org/2001/XMLSchema#integer>', '"2009"^^<http://www.w3.org/2001/XMLSchema#gYear>')]
    ['<http://ex/a>', '"say \\\\"hi\\\\""', 'schema:Person', '15', '"2009"^^xsd:gYear']
    """
    if term[-1:] == '"' or term[:2] == "_:" or (term[:1] == "<" and not term.startswith(_PREFIXED)):
        return term
    text = _turtle.get(term)
    if text is None:
        _turtle_terms((term,))
        text = _turtle[term]
    return text


def _turtle_terms(terms: Iterable[str]) -> None:
    """Puts the Turtle text of each of ``terms`` (N-Triples texts, IRIs or literals) not seen before into
    :data:`_turtle`: Oxigraph writes them all at once, each as the object of a statement of its own."""
    new = [term for term in terms if term not in _turtle]
    if not new:
        return
    data = "".join(f"<x:{i}> <x:p> {term} .\n" for i, term in enumerate(new)).encode("utf-8")
    lines = _without_prefixes(ox.serialize(_triples(data), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES))
    if len(_turtle) + len(new) > _STORED_MAX:  # (a term looked up after this call is put in again)
        _turtle.clear()
    for line in lines.decode("utf-8").split("\n")[:-1]:  # "<x:i> <x:p> text ." (a literal holds no line break)
        head, _, text = line.partition("> <x:p> ")
        _turtle[new[int(head[3:])]] = text[:-2]


def _trig_block(graph, lines: list[bytes]) -> bytes:
    """The TriG block of one graph (sorted N-Triples ``lines``), as Oxigraph's TriG writer writes it.

    A named graph's block is the Turtle of its triples, every line indented by a tab, between
    the graph's own first line and ``}``: Oxigraph's Turtle writer is its TriG writer on the
    default graph, and a string literal never holds a raw line break. Parsing N-Triples
    rather than N-Quads makes three terms per statement, not four, which is most of the cost.

    >>> g = ox.NamedNode("http://ex/g")
    >>> _trig_block(g, [b'<http://ex/s> <http://purl.org/dc/terms/title> "T" .'])
    b'<http://ex/g> {\\n\\t<http://ex/s> dct:title "T" .\\n}\\n'
    """
    if not lines:
        return b""
    return _trig_text(graph, b"\n".join(lines) + b"\n")


def _trig_text(graph, data: bytes) -> bytes:
    """:func:`_trig_block` of the lines of ``data`` (sorted N-Triples lines, each ending with a line break).

    The lines are parsed leniently (:func:`_triples`): they are what Oxigraph wrote, a store's dump or
    pyoxigraph's term writers, so they are valid, and the lenient parser reads valid text to the same terms.
    """
    triples = _triples(data)
    if not isinstance(graph, ox.NamedNode):
        quads = (ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples)
        return _without_prefixes(ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES))
    body = _without_prefixes(ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES))
    return _trig_head(graph) + b"\t" + body[:-1].replace(b"\n", b"\n\t") + b"\n}\n"


def _trig_head(graph: ox.NamedNode) -> bytes:
    """The line that opens ``graph``'s block in Oxigraph's TriG (``<g> {``, or a prefixed name), with its newline."""
    data = _without_prefixes(ox.serialize([ox.Quad(graph, graph, graph, graph)], format=ox.RdfFormat.TRIG,
                                          prefixes=PREFIXES))
    return data[: data.index(b"\n") + 1]


@lru_cache(maxsize=1)
def _trig_prefixes() -> bytes:
    """The ``@prefix`` lines Oxigraph writes at the top of a TriG file (the same whatever the triples)."""
    node = ox.NamedNode("http://example.org/x")
    data = ox.serialize([ox.Quad(node, node, node, node)], format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    return data[: len(data) - len(_without_prefixes(data))]


# -- writers ------------------------------------------------------------------------------
#
# Every export is written in one shared pass over the store (:func:`_write_all`): each graph is
# dumped and sorted once (or its piece read from the store's export cache), and every requested
# file gets it. A per-graph writer (TriG, N-Quads, JSON-LD) writes each graph as it comes; a
# union writer (Turtle, N-Triples) writes the sorted distinct triples of all graphs at the end.


class _Writer:
    """One export file being written during the shared pass."""

    union = False  # True: written from the union of all graphs, after the pass

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.count = 0
        self.pos = 0  # bytes written so far
        #: ``(graph IRI, start, end, triples)`` of each graph's block in the file (for :mod:`kg.export.incremental`)
        self.blocks: list[tuple[str, int, int, int]] = []

    def put(self, data: bytes | memoryview | _Span) -> None:
        if isinstance(data, _Span):
            data.copy_to(self.out)
        else:
            self.out.write(data)
        self.pos += len(data)

    def block(self, piece: _Piece, *parts: bytes | memoryview | _Span) -> None:
        """Write one graph's block (``parts`` one after the other) and note where it went."""
        start = self.pos
        for part in parts:
            self.put(part)
        self.count += piece.count
        self.blocks.append((getattr(piece.graph, "value", ""), start, self.pos, piece.count))

    def graph(self, piece: _Piece) -> None:
        """One graph."""

    def finish(self) -> None:
        """After the last graph."""


class _NQuadsWriter(_Writer):
    def graph(self, piece):
        self.block(piece, *piece.nquads_parts())


class _TriGWriter(_Writer):
    """TriG written graph by graph: Oxigraph closes a graph's block before the next graph, so the
    prefixes followed by one block per graph are the same bytes as one serialization of all."""

    def __init__(self, out: BinaryIO) -> None:
        super().__init__(out)
        self._first = True

    def graph(self, piece):
        if piece.count and self._first:
            self.put(_trig_prefixes())
            self._first = False
        self.block(piece, piece.trig_part() if piece.count else b"")


class _JsonLdWriter(_Writer):
    def __init__(self, out: BinaryIO) -> None:
        super().__init__(out)
        self.put(_jsonld_head())
        self._separator = b"\n"

    def graph(self, piece):
        if isinstance(piece.graph, ox.DefaultGraph):
            nodes = piece.jsonld_nodes()
            if not nodes:
                self.count += len(piece.lines)
                return
            self.put(self._separator)
            self.block(piece, b",\n".join(nodes))
        else:
            self.put(self._separator)
            self.block(piece, _jsonld_graph_head(piece.graph), piece.jsonld_part(), _JSONLD_GRAPH_TAIL)
        self._separator = b",\n"

    def finish(self):
        self.put(_JSONLD_TAIL)


def _jsonld_head() -> bytes:
    return b'{\n"@context": ' + json.dumps(PREFIXES, indent=1).encode() + b',\n"@graph": ['


_JSONLD_TAIL = b"\n]\n}\n"


def _jsonld_graph(piece: _Piece) -> bytes:
    """A named graph's object in the JSON-LD file (its ``@id`` and its nodes)."""
    return _jsonld_graph_head(piece.graph) + piece.jsonld + _JSONLD_GRAPH_TAIL


def _jsonld_graph_head(graph: ox.NamedNode) -> bytes:
    """What comes before a named graph's nodes in the JSON-LD file."""
    return b'{"@id": ' + json.dumps(graph.value).encode() + b', "@graph": [\n '


_JSONLD_GRAPH_TAIL = b"\n]}"


class _TurtleWriter(_Writer):
    union = True


class _NTriplesWriter(_Writer):
    union = True


_Counted = tuple[list[bytes], list[int] | None]


def _subject_cut(chunks: Iterable[_Counted]) -> Iterator[_Counted]:
    """The same sorted lines (and counts), in chunks that end where a subject ends.

    >>> a, b = b"<http://ex/a> <http://ex/p> <http://ex/o> .", b"<http://ex/b> <http://ex/p> <http://ex/o> ."
    >>> [lines for lines, _ in _subject_cut([([a], None), ([a, b], None), ([b], None)])] == [[a, a], [b, b]]
    True
    """
    held: list[bytes] = []
    held_counts: list[int] | None = None
    for lines, counts in chunks:
        lines = held + lines
        if counts is not None:
            counts = (held_counts or []) + counts
        last = lines[-1]
        subject = last[: last.index(b" ") + 1]
        cut = len(lines) - 1
        while cut > 0 and lines[cut - 1].startswith(subject):
            cut -= 1
        if cut == 0:
            held, held_counts = lines, counts
            continue
        yield lines[:cut], counts[:cut] if counts is not None else None
        held, held_counts = lines[cut:], counts[cut:] if counts is not None else None
    if held:
        yield held, held_counts


def _turtle_body(data: bytes) -> bytes:
    """The Turtle of N-Triples ``data`` without the ``@prefix`` lines. Oxigraph's Turtle writer closes a
    subject's statements before the next subject, so the bodies of lines cut at subjects join into the body of all."""
    return _without_prefixes(ox.serialize(_triples(data), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES))


@lru_cache(maxsize=1)
def _turtle_prefixes() -> bytes:
    """The ``@prefix`` lines Oxigraph writes at the top of a Turtle file (before the first triple)."""
    node = ox.NamedNode("http://example.org/x")
    data = ox.serialize([ox.Triple(node, node, node)], format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    return data[: len(data) - len(_without_prefixes(data))]


def _write_union(writers: list[_Writer], union: _Union, record=None) -> None:
    """Write the sorted distinct union to every union writer (Turtle written chunk by chunk, each chunk ending
    with a subject); ``record`` (:class:`kg.export.incremental.Recorder`) keeps what the next export updates."""
    plain = [w for w in writers if isinstance(w, _NTriplesWriter)]
    turtle = [w for w in writers if isinstance(w, _TurtleWriter)]
    first = True
    for keyed, counts in _subject_cut(union.counted()):
        for writer in writers:
            writer.count += len(keyed)
        text = b"\n".join(keyed)  # (no line break added at the end: that would copy the whole text again)
        data = _unkeyed(text)
        for writer in plain:
            writer.put(data)
            writer.put(b"\n")
        body = _turtle_body(data) if turtle or record is not None else None
        if turtle:
            if first:
                for writer in turtle:
                    writer.put(_turtle_prefixes())
            for writer in turtle:
                writer.put(body)
        first = False
        if record is not None:
            record.union_chunk(keyed, counts, body, text)


def _write_all(store, writers: list[_Writer], record=None) -> None:
    """The shared pass: read each graph once (cached piece, or dump and sort) and give it to every writer.

    When the pass renders both TriG and JSON-LD (as a build does), the pieces it had to make
    are cached in the store for the next export (:meth:`kg.store.Store.cache_export`).
    """
    per_graph = [w for w in writers if not w.union]
    union_writers = [w for w in writers if w.union]
    cache_file = getattr(store, "export_cache_file", None)  # (a file only when the store would read the piece)
    keep = getattr(store, "cache_export", None)
    if not {_TriGWriter, _JsonLdWriter} <= {type(w) for w in per_graph}:
        keep = None
    with _Union() as union:
        for graph in _graphs(store):
            path = cache_file(graph) if cache_file is not None else None
            piece = _Piece.open(graph, path) if path is not None else None
            fresh = piece is None
            if piece is None:
                with _dump(store, graph) as dump:
                    if dump._rolled:  # (on disk: too big to hold)
                        if record is not None:
                            record.abandon()  # (not cached: the next export could not tell whether it changed)
                        for part in _big_pieces(graph, dump):
                            if union_writers:
                                union.add(part.lines)
                            for writer in per_graph:
                                writer.graph(part)
                        continue
                    lines = dump.read().splitlines()
                if per_graph:
                    lines.sort(key=_type_first)
                piece = _Piece(graph, lines)
            try:
                if union_writers:
                    union.add_keyed(piece.keyed())
                for writer in per_graph:
                    writer.graph(piece)
            finally:
                piece.close()
            if fresh and keep is not None and isinstance(graph, ox.NamedNode):
                keep(graph, piece.encode())
            if record is not None:
                record.graph(graph)
        for writer in per_graph:
            writer.finish()
        if union_writers:
            _write_union(union_writers, union, record)


def _single(kind: type[_Writer]) -> Writer:
    def write(store, out: BinaryIO) -> int:
        writer = kind(out)
        _write_all(store, [writer])
        return writer.count

    write.__name__ = f"write_{kind.__name__.strip('_').lower()}"
    return write


_write_turtle = _single(_TurtleWriter)
_write_ntriples = _single(_NTriplesWriter)
_write_trig = _single(_TriGWriter)
_write_nquads = _single(_NQuadsWriter)
_write_jsonld = _single(_JsonLdWriter)
_WRITERS: dict[str, type[_Writer]] = {"turtle": _TurtleWriter, "ntriples": _NTriplesWriter, "trig": _TriGWriter,
                                      "nquads": _NQuadsWriter, "jsonld": _JsonLdWriter}
_STANDARD: dict[str, Writer] = {"turtle": _write_turtle, "ntriples": _write_ntriples, "trig": _write_trig,
                                "nquads": _write_nquads, "jsonld": _write_jsonld}


@lru_cache(maxsize=4096)
def _compact(iri: str) -> str:
    """A JSON-LD compact IRI (``cg:Claim``) when a prefix covers ``iri``, else ``iri``.

    >>> _compact("https://w3id.org/claimgraph/ns#Claim")
    'cg:Claim'
    >>> _compact("https://w3id.org/claimgraph/id/entity/kim")
    'https://w3id.org/claimgraph/id/entity/kim'
    """
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and _LOCAL_NAME.match(iri[len(namespace) :]):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


_UNESCAPE = re.compile(r'\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))', re.S)
_ECHARS = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescaped(match: re.Match) -> str:
    code = match.group(1) or match.group(2)
    return chr(int(code, 16)) if code else _ECHARS[match.group(3)]


def _line_id(term: str) -> str:
    """The JSON-LD ``@id`` of an N-Triples IRI or blank node."""
    return term[1:-1] if term[:1] == "<" else term


def _line_value(term: str) -> dict[str, str]:
    """The JSON-LD value object of a term given as N-Triples text (a literal's ``@type`` unless it is a string)."""
    if term[:1] != '"':
        return {"@id": _line_id(term)}
    close = term.rindex('"')
    text = term[1:close]
    value = {"@value": _UNESCAPE.sub(_unescaped, text) if "\\" in text else text}
    rest = term[close + 1 :]
    if rest[:1] == "@":
        value["@language"] = rest[1:]
    elif rest:
        datatype = rest[3:-1]
        if datatype not in (_XSD_STRING, _RDF_LANG_STRING):
            value["@type"] = _compact(datatype)
    return value


def _jsonld_nodes_of_lines(lines: Iterable[bytes]) -> Iterator[dict]:
    """The JSON-LD node objects of sorted N-Triples lines: the triples of one subject in one node.

    Read from the text: making pyoxigraph term objects for every triple only to read their
    values back cost most of the JSON-LD rendering.

    >>> list(_jsonld_nodes_of_lines([b'<http://ex/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
    ...                              b'<https://w3id.org/claimgraph/ns#Claim> .',
    ...                              b'<http://ex/s> <http://purl.org/dc/terms/title> "say \\\\"hi\\\\""@en .']))
    [{'@id': 'http://ex/s', '@type': ['cg:Claim'], 'dct:title': [{'@value': 'say "hi"', '@language': 'en'}]}]
    """
    node: dict | None = None
    subject = last = None
    values: list = []
    for line in lines:
        s, p, o = line.decode("utf-8").split(" ", 2)  # an IRI or a blank node holds no space
        if s != subject:
            if node is not None:
                yield node
            subject, last = s, None
            node = {"@id": _line_id(s)}
        assert node is not None
        o = o[:-2]
        if p == _TYPE_TERM and o[:1] == "<":
            node.setdefault("@type", []).append(_compact(o[1:-1]))
            last = None
        else:
            if p != last:  # the triples of one predicate are next to each other
                values = node.setdefault(_compact(p[1:-1]), [])
                last = p
            values.append({"@id": o[1:-1]} if o[:1] == "<" else _line_value(o))
    if node is not None:
        yield node


def _line_value_text(term: str) -> str:
    """``_JSON.encode(_line_value(term))``, written directly."""
    if term[:1] != '"':
        return '{"@id": ' + _json_string(_line_id(term)) + "}"
    close = term.rindex('"')
    text = term[1:close]
    value = '{"@value": ' + _json_string(_UNESCAPE.sub(_unescaped, text) if "\\" in text else text)
    rest = term[close + 1 :]
    if rest[:1] == "@":
        return value + ', "@language": ' + _json_string(rest[1:]) + "}"
    if rest:
        datatype = rest[3:-1]
        if datatype not in (_XSD_STRING, _RDF_LANG_STRING):
            return value + ', "@type": ' + _json_string(_compact(datatype)) + "}"
    return value + "}"


def _jsonld_texts_of_lines(lines: Iterable[bytes]) -> Iterator[str]:
    """The JSON text of each node object of :func:`_jsonld_nodes_of_lines` (``_JSON.encode`` of it), written directly.

    Why: building a dict per node and a dict per value only for the encoder to walk them cost
    about as much as reading the lines; the strings go through the encoder's own string
    escaper (:func:`json.encoder.encode_basestring`), so the text is the same, byte for byte.

    >>> lines = [b'<http://ex/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
    ...          b'<https://w3id.org/claimgraph/ns#Claim> .',
    ...          b'<http://ex/s> <http://purl.org/dc/terms/title> "say \\\\"hi\\\\""@en .',
    ...          b'<http://ex/s> <http://ex/n> "15"^^<http://www.w3.org/2001/XMLSchema#integer> .']
    >>> list(_jsonld_texts_of_lines(lines)) == [_JSON.encode(n) for n in _jsonld_nodes_of_lines(lines)]
    True
    """
    return (node for node, _ in _subject_texts(line.decode("utf-8")[:-2] for line in lines))


@lru_cache(maxsize=4096)
def _key_text(iri: str) -> str:
    """The JSON text of a node's key, or of an ``@type`` item, for the IRI ``iri``: its compact form, quoted."""
    return _json_string(_compact(iri))


_TYPE_KEY = _json_string("@type")


def _subject_texts(lines: Iterable[str], *, turtle: bool = False) -> Iterator[tuple[str, str]]:
    """For N-Triples lines ``"s p o"`` (without ``" ."``) grouped by subject: each subject's JSON-LD node
    object (:func:`_jsonld_texts_of_lines`) and, when ``turtle``, its lines of a named graph's TriG block as
    Oxigraph writes them (``"\\t<s> a cg:Claim ;\\n\\t\\tp o , o .\\n"``; else ``""``).

    Why one pass: both group the subject's statements by predicate, and reading each line once,
    and each distinct term's texts once (a document names the same entities, classes and
    offsets many times), cost less than Oxigraph's TriG writer alone, which needs a Python term
    object made for every term of every line. The TriG lines are Oxigraph's for these triples
    in this order: the subject and its first predicate and object, then `` , `` and the next
    object of the same predicate, `` ;`` and a new line for the next predicate, `` .`` at the
    end, each term as :func:`_turtle_term` writes it.

    >>> lines = ['<http://ex/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/claimgraph/ns#Claim>',
    ...          '<http://ex/s> <http://purl.org/dc/terms/title> "T"', '<http://ex/s> <http://purl.org/dc/terms/title> "U"',
    ...          '<http://ex/t> <http://ex/p> "15"^^<http://www.w3.org/2001/XMLSchema#integer>']
    >>> for node, block in _subject_texts(lines, turtle=True):
    ...     print(node)
    ...     print(block.replace("\\t", "    "), end="")
    {"@id": "http://ex/s", "@type": ["cg:Claim"], "dct:title": [{"@value": "T"}, {"@value": "U"}]}
        <http://ex/s> a cg:Claim ;
            dct:title "T" , "U" .
    {"@id": "http://ex/t", "http://ex/p": [{"@value": "15", "@type": "xsd:integer"}]}
        <http://ex/t> <http://ex/p> 15 .
    """
    made: dict[str, str] = {}  # object term -> its JSON value text
    kinds: dict[str, str] = {}  # rdf:type object IRI -> its "@type" item text
    names: dict[str, str] = {}  # predicate -> its JSON key text
    written: dict[str, str] = {}  # term -> its Turtle text
    said: dict[str, str] = {}  # predicate -> its Turtle text ("a" for rdf:type)
    node_text, type_term = _node_text, _TYPE_TERM
    keys: dict[str, list[str]] = {}  # the node's keys (JSON texts) -> their values' JSON texts
    values: list[str] = []
    block: list[str] = []
    subject = last = told = None
    end = " .\n" if turtle else ""
    for line in lines:
        s, p, o = line.split(" ", 2)  # an IRI or a blank node holds no space
        if s != subject:
            if subject is not None:
                yield node_text(subject, keys), "".join(block) + end
            subject, last, told, keys = s, None, None, {}
            if turtle:
                text = written.get(s)
                if text is None:
                    text = written[s] = _turtle_term(s)
                block = ["\t", text, " "]
        if p == type_term and o[:1] == "<":
            value = kinds.get(o)
            if value is None:
                value = kinds[o] = _key_text(o[1:-1])
            keys.setdefault(_TYPE_KEY, []).append(value)
            last = None
        else:
            if p != last:  # the triples of one predicate are next to each other
                name = names.get(p)
                if name is None:
                    name = names[p] = _key_text(p[1:-1])
                values = keys.setdefault(name, [])
                last = p
            value = made.get(o)
            if value is None:
                value = made[o] = '{"@id": ' + _json_string(o[1:-1]) + "}" if o[:1] == "<" else _line_value_text(o)
            values.append(value)
        if turtle:
            if p == told:
                block.append(" , ")
            else:
                verb = said.get(p)
                if verb is None:
                    verb = said[p] = "a" if p == type_term else _turtle_term(p)
                if told is not None:
                    block.append(" ;\n\t\t")
                block += (verb, " ")
                told = p
            text = written.get(o)
            if text is None:
                text = written[o] = _turtle_term(o)
            block.append(text)
    if subject is not None:
        yield node_text(subject, keys), "".join(block) + end


def _node_text(subject: str, keys: dict[str, list[str]]) -> str:
    """A node object's JSON text: its ``@id`` (``subject`` as N-Triples text), then its keys (JSON texts) and values."""
    return "".join(['{"@id": ', _json_string(_line_id(subject)),
                    *[f", {key}: [{', '.join(items)}]" for key, items in keys.items()], "}"])


#: canonical name -> format; the order is the order of ``known`` in error messages.
FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("jsonld", ".jsonld", "application/ld+json", ("json-ld", "application/ld+json"), _write_jsonld,
                     "quads"),
        ExportFormat("nquads", ".nq", "application/n-quads", ("nq", "application/n-quads"), _write_nquads, "quads"),
        ExportFormat("ntriples", ".nt", "application/n-triples", ("nt", "application/n-triples"), _write_ntriples,
                     "triples"),
        ExportFormat("trig", ".trig", "application/trig", ("application/trig",), _write_trig, "quads"),
        ExportFormat("turtle", ".ttl", "text/turtle", ("ttl", "text/turtle"), _write_turtle, "triples"),
    )
}

#: The files ``kg build`` writes: graph.ttl, graph.trig, graph.nq, graph.jsonld.
DEFAULT_FORMATS: tuple[str, ...] = ("turtle", "trig", "nquads", "jsonld")

_LOOKUP: dict[str, str] = {alias: f.name for f in FORMATS.values() for alias in (f.name, *f.aliases)}


def known_formats() -> list[str]:
    """Every accepted format name and alias, canonical name first within each format."""
    return [alias for f in FORMATS.values() for alias in (f.name, *f.aliases)]


def resolve_format(name: str) -> str:
    """The canonical format name for a name, alias or media type (parameters ignored).

    Raises :class:`kg.errors.ExportError` (E400) listing the valid names.
    """
    key = name.split(";", 1)[0].strip().lower()
    try:
        return _LOOKUP[key]
    except KeyError:
        raise ExportError("E400", name=name, known=", ".join(known_formats())) from None


def get_format(name: str) -> ExportFormat:
    """The :class:`ExportFormat` for a name, alias or media type."""
    return FORMATS[resolve_format(name)]


def write_export(store, fmt: str, path: str | os.PathLike[str]) -> Export:
    """Write ``store`` to ``path`` in format ``fmt`` (a name, alias or media type), atomically.

    Returns an :class:`Export` with the number of triples (Turtle, N-Triples) or quads written.

    >>> from kg.store import Store
    >>> import tempfile, pathlib
    >>> store = Store()
    >>> g = ox.NamedNode("https://w3id.org/claimgraph/id/doc/1")
    >>> store.replace_graph(g, [ox.Quad(g, ox.NamedNode("http://purl.org/dc/terms/title"), ox.Literal("T"), g)])
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "graph.ttl"
    >>> write_export(store, "ttl", target).count
    1
    >>> print(target.read_text().splitlines()[-1])
    <https://w3id.org/claimgraph/id/doc/1> dct:title "T" .
    """
    return write_export_files(store, [(fmt, path)])[0]


def write_export_files(
    store, targets: Sequence[tuple[str, str | os.PathLike[str]]], *, between: Callable[[Export], None] | None = None
) -> list[Export]:
    """Write ``store`` in each ``(format, path)`` of ``targets``, in one pass over the store.

    Why one pass: reading a graph back from the store costs more than writing it in any one
    format, so every graph is dumped and sorted once and handed to every file. Each file is
    written to a temporary file beside its target and then moved over it, in the order of
    ``targets``; ``between`` is called with each :class:`Export` once its file is in place
    (a build's crash point). A failure before a file is moved leaves the previous one whole.
    """
    formats = [get_format(fmt) for fmt, _ in targets]
    paths = [Path(path) for _, path in targets]
    temps: list[str] = []
    handles: list[BinaryIO] = []
    try:
        for target in paths:
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                handle, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            except OSError as exc:
                raise ExportError("E401", reason=f"{target}: cannot write ({exc.strerror or exc})") from exc
            temps.append(tmp_name)
            handles.append(os.fdopen(handle, "wb", buffering=1 << 20))
        # formats with the standard writer share one pass; a replaced writer writes its file alone
        shared = {i: _WRITERS[f.name](handles[i]) for i, f in enumerate(formats) if f.writer is _STANDARD[f.name]}
        counts: dict[int, int] = {}
        pending = None
        try:
            writers = list(shared.values())
            if len(shared) == len(formats):  # the previous files, and what changed since, may be enough
                from kg.export import incremental

                state = [(f.name, Path(os.path.abspath(p))) for f, p in zip(formats, paths)]
                pending = incremental.try_update(store, state, writers)
                if pending is None:
                    pending = incremental.open_recorder(store, state, writers)
                    _write_all(store, writers, pending)
            else:
                _write_all(store, writers)
            counts.update((i, writer.count) for i, writer in shared.items())
            for i, export_format in enumerate(formats):
                if i not in shared:
                    counts[i] = export_format.writer(store, handles[i])
            for out in handles:
                out.flush()
                os.fsync(out.fileno())
        except OSError as exc:
            raise ExportError("E401", reason=f"{paths[0]}: cannot write ({exc.strerror or exc})") from exc
        for out in handles:
            out.close()
        handles = []
        exports: list[Export] = []
        while temps:
            tmp_name, target, export_format = temps[0], paths[len(exports)], formats[len(exports)]
            try:
                os.chmod(tmp_name, 0o644)
                os.replace(tmp_name, target)
            except OSError as exc:
                raise ExportError("E401", reason=f"{target}: cannot write ({exc.strerror or exc})") from exc
            temps.pop(0)
            done = Export(export_format.name, target, counts[len(exports)], export_format.counts)
            exports.append(done)
            if between is not None:
                between(done)
        if pending is not None:
            pending.commit(exports)
        return exports
    finally:
        for out in handles:
            out.close()
        for tmp_name in temps:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def write_exports(
    store, out_dir: str | os.PathLike[str], formats: Iterable[str] = DEFAULT_FORMATS, *, stem: str = "graph"
) -> list[Export]:
    """Write ``out_dir/graph.<ext>`` for each format (default: ttl, trig, nq, jsonld), in one pass."""
    targets = []
    for name in formats:
        export_format = get_format(name)
        targets.append((export_format.name, Path(out_dir) / f"{stem}{export_format.extension}"))
    return write_export_files(store, targets)
