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
``os.replace``; a failed export leaves any previous file untouched.

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

import heapq
import io
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
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
    "write_export",
    "write_exports",
]

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_TYPE_BYTES = b" <" + _RDF_TYPE.encode() + b"> "
#: Sorts before any IRI, so every subject's ``rdf:type`` lines come first.
_TYPE_SORT_KEY = b" <\x00> "
#: Distinct union triples sorted in memory at once; beyond that they spill to sorted runs on disk.
_RUN_LINES = 1_000_000
#: Local names safe to write as a JSON-LD compact IRI (no '/', '#', ':' or leading '//').
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


# -- reading the store as sorted N-Triples lines -----------------------------------------


def _type_first(line: bytes) -> bytes:
    return line.replace(_TYPE_BYTES, _TYPE_SORT_KEY, 1)


def _graph_lines(store, graph) -> list[bytes]:
    """The triples of one graph as N-Triples lines (each ends with b' .')."""
    buffer = io.BytesIO()
    store.dump(buffer, ox.RdfFormat.N_TRIPLES, from_graph=graph)
    return buffer.getvalue().splitlines()


def _graphs(store) -> list[ox.NamedNode | ox.DefaultGraph]:
    """The default graph (first, only when it holds triples) then the named graphs by IRI."""
    graphs: list[ox.NamedNode | ox.DefaultGraph] = []
    if next(iter(store.quads(ox.DefaultGraph())), None) is not None:
        graphs.append(ox.DefaultGraph())
    graphs.extend(store.named_graphs())
    return graphs


def _sorted_graphs(store) -> Iterator[tuple[ox.NamedNode | ox.DefaultGraph, list[bytes]]]:
    for graph in _graphs(store):
        lines = _graph_lines(store, graph)
        lines.sort(key=_type_first)
        yield graph, lines


def _union_lines(store) -> Iterator[bytes]:
    """Every distinct triple of every graph, sorted, in bounded memory.

    An external merge sort: distinct lines are collected graph by graph; every
    :data:`_RUN_LINES` of them are sorted and written to a temporary run file, and the
    runs are merged (duplicates across runs dropped as they meet). A graph that fits
    in one run never touches the disk.
    """
    runs: list[Path] = []
    seen: set[bytes] = set()
    with tempfile.TemporaryDirectory(prefix="kg-export-") as folder:
        for graph in _graphs(store):
            seen.update(_graph_lines(store, graph))
            if len(seen) >= _RUN_LINES:
                runs.append(_write_run(sorted(seen, key=_type_first), Path(folder) / f"{len(runs)}.nt"))
                seen = set()
        if not runs:
            yield from sorted(seen, key=_type_first)
            return
        if seen:
            runs.append(_write_run(sorted(seen, key=_type_first), Path(folder) / f"{len(runs)}.nt"))
            seen = set()
        previous = None
        for line in heapq.merge(*(_read_run(run) for run in runs), key=_type_first):
            if line != previous:
                yield line
                previous = line


def _write_run(lines: list[bytes], path: Path) -> Path:
    with path.open("wb") as handle:
        handle.write(b"\n".join(lines) + b"\n")
    return path


def _read_run(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        for line in handle:
            yield line.rstrip(b"\n")


def _chunks(lines: Iterable[bytes], size: int = 100_000) -> Iterator[list[bytes]]:
    chunk: list[bytes] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _triples(lines: list[bytes]) -> Iterator[ox.Triple]:
    if not lines:
        return iter(())
    return ox.parse(b"\n".join(lines) + b"\n", format=ox.RdfFormat.N_TRIPLES)


# -- writers ------------------------------------------------------------------------------


def _write_turtle(store, out: BinaryIO) -> int:
    count = 0

    def triples() -> Iterator[ox.Triple]:
        nonlocal count
        for chunk in _chunks(_union_lines(store)):
            count += len(chunk)
            yield from _triples(chunk)

    ox.serialize(triples(), out, ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    return count


def _write_ntriples(store, out: BinaryIO) -> int:
    count = 0
    for chunk in _chunks(_union_lines(store)):
        count += len(chunk)
        out.write(b"\n".join(chunk) + b"\n")
    return count


def _write_trig(store, out: BinaryIO) -> int:
    count = 0

    def quads() -> Iterator[ox.Quad]:
        nonlocal count
        for graph, lines in _sorted_graphs(store):
            count += len(lines)
            for triple in _triples(lines):
                yield ox.Quad(triple.subject, triple.predicate, triple.object, graph)

    ox.serialize(quads(), out, ox.RdfFormat.TRIG, prefixes=PREFIXES)
    return count


def _write_nquads(store, out: BinaryIO) -> int:
    count = 0
    for graph, lines in _sorted_graphs(store):
        count += len(lines)
        suffix = b" ." if isinstance(graph, ox.DefaultGraph) else b" " + str(graph).encode() + b" ."
        out.write(b"".join([line[:-2] + suffix + b"\n" for line in lines]))
    return count


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


def _node_id(term) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value


def _jsonld_value(term) -> dict[str, str]:
    if isinstance(term, ox.Literal):
        value = {"@value": term.value}
        if term.language:
            value["@language"] = term.language
        elif term.datatype.value not in (_XSD_STRING, _RDF_LANG_STRING):
            value["@type"] = _compact(term.datatype.value)
        return value
    return {"@id": _node_id(term)}


def _jsonld_nodes(triples: Iterable[ox.Triple]) -> Iterator[dict]:
    """Group consecutive triples of one subject into a JSON-LD node object."""
    node: dict | None = None
    subject = None
    for triple in triples:
        if triple.subject != subject:
            if node is not None:
                yield node
            subject = triple.subject
            node = {"@id": _node_id(subject)}
        assert node is not None
        if triple.predicate.value == _RDF_TYPE and isinstance(triple.object, ox.NamedNode):
            node.setdefault("@type", []).append(_compact(triple.object.value))
        else:
            node.setdefault(_compact(triple.predicate.value), []).append(_jsonld_value(triple.object))
    if node is not None:
        yield node


def _write_jsonld(store, out: BinaryIO) -> int:
    count = 0
    out.write(b'{\n"@context": ' + json.dumps(PREFIXES, indent=1).encode() + b',\n"@graph": [')
    separator = b"\n"
    for graph, lines in _sorted_graphs(store):
        count += len(lines)
        nodes = [json.dumps(n, ensure_ascii=False).encode("utf-8") for n in _jsonld_nodes(_triples(lines))]
        if isinstance(graph, ox.DefaultGraph):
            for node in nodes:
                out.write(separator + node)
                separator = b",\n"
        else:
            out.write(separator + b'{"@id": ' + json.dumps(graph.value).encode() + b', "@graph": [\n ')
            out.write(b",\n ".join(nodes))
            out.write(b"\n]}")
            separator = b",\n"
    out.write(b"\n]\n}\n")
    return count


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
    export_format = get_format(fmt)
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise ExportError("E401", reason=f"{target}: cannot write ({exc.strerror or exc})") from exc
    try:
        with os.fdopen(handle, "wb", buffering=1 << 20) as out:
            count = export_format.writer(store, out)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, target)
    except BaseException as exc:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise ExportError("E401", reason=f"{target}: cannot write ({exc.strerror or exc})") from exc
        raise
    return Export(export_format.name, target, count, export_format.counts)


def write_exports(
    store, out_dir: str | os.PathLike[str], formats: Iterable[str] = DEFAULT_FORMATS, *, stem: str = "graph"
) -> list[Export]:
    """Write ``out_dir/graph.<ext>`` for each format (default: ttl, trig, nq, jsonld)."""
    exports = []
    for name in formats:
        export_format = get_format(name)
        exports.append(write_export(store, export_format.name, Path(out_dir) / f"{stem}{export_format.extension}"))
    return exports
