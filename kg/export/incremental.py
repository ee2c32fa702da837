"""Incremental exports: rewrite only what changed since the previous export into the same files.

Why: after a build adds 1% new documents, the export files change by about 1%, but writing
them again from every graph cost seconds (2.1M distinct triples sorted, de-duplicated and
serialized as Turtle; 800 MB of TriG, N-Quads and JSON-LD copied out of the cached pieces).
An export into the same files as last time instead copies the unchanged parts of the
previous files (in the kernel: ``os.copy_file_range``) and renders only the graphs, and the
Turtle subjects, that changed. The files are byte for byte what a full export writes
(tests/export/test_incremental.py compares them).

What is kept, in the store's export cache (:meth:`kg.store.Store.export_state_dir`), by the
export that wrote the files (:class:`Recorder` after a full export, :class:`Update` after an
incremental one):

* ``members/``: a hard link to the cached piece of every graph the files were written from.
  A graph is unchanged when its cached piece is still that file (the store writes a new
  piece to a new file and drops the piece of every graph it writes), and the link keeps the
  old piece's triples for taking a changed or dropped graph's triples out of the union.
* ``manifest.json``: the graphs in file order, where each graph's block lies in each
  per-graph file (TriG, N-Quads, JSON-LD), and the size and modification time (ns) of every file
  written, so a file changed or replaced by anyone else since is noticed (then everything is
  written) unless it kept both.
* the union behind graph.ttl: its sorted N-Triples lines (in the sort-key form of
  :func:`kg.export.formats._keyed`), the number of graphs stating each, and per subject the
  number of lines, where they lie in the lines file, their bytes and the bytes of the subject's
  Turtle block. An incremental export appends its changed subjects' lines to that file rather
  than copying the whole union (:func:`_splice_union`).
* the build's summary counts of that union (``kg.build.graph_stats``: documents, claims, ...),
  once a full recount has been kept for it (:func:`keep_counts`): an incremental export adds to
  them what its changed subjects add and takes away what they held (:func:`_subject_counts`),
  so :func:`union_counts` gives them without counting the whole store again.

Anything unexpected (no state, other files asked for, a file touched, a graph too big to
cache, a count that would go below zero, many graphs changed) makes the export a full one,
which writes the state again. The state is written after the files are in place, under new
names; a crash in between leaves a manifest whose file sizes do not match, so the next
export is a full one.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import json
import operator
import os
import re
import shutil
from array import array
from collections import Counter
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.export import formats as _f

__all__ = ["COUNT_NAMES", "Recorder", "Update", "keep_counts", "open_recorder", "try_update", "union_counts"]

_VERSION = 1
_MANIFEST = "manifest.json"
_MEMBERS = "members"
#: The per-graph formats (one block per graph) and the union formats the state covers.
_PER_GRAPH = ("trig", "nquads", "jsonld")
_UNION = ("turtle",)
#: More changed graphs than this share of all makes a full export (it reads every piece anyway).
_MOST_CHANGED = 0.25
#: The union's lines file is appended to until it holds this many times the bytes in use (then rewritten).
_LINES_SLACK = 2
#: The part before the separator of a ``bytes.partition`` (a line's subject, split at its first space).
_HEAD = operator.itemgetter(0)
#: A line of Turtle that starts a subject's statements (the others are indented).
_BLOCK_START = re.compile(rb"^[^\t]", re.M)

#: The summary counts kept with the union (the names and meaning of ``kg.build.graph_stats``).
COUNT_NAMES = ("documents", "sentences", "entities", "claims", "claim_mentions", "multi_source_claims",
               "conflicts")
_CG = "https://w3id.org/claimgraph/ns#"
#: ``rdf:type`` as the sort-key lines write it (:data:`kg.export.formats._TYPE_SORT_KEY`).
_TYPE_KEY = _f._TYPE_SORT_KEY.strip()
_NEWS_ARTICLE = b"<https://schema.org/NewsArticle>"
_THING = b"<https://schema.org/Thing>"
_ENTITY, _CLAIM, _CLAIM_MENTION = (f"<{_CG}{name}>".encode() for name in ("Entity", "Claim", "ClaimMention"))
_SENTENCE_COUNT, _SUPPORT_COUNT, _CONFLICTS_WITH = (
    f"<{_CG}{name}>".encode() for name in ("sentenceCount", "supportCount", "conflictsWith"))
_CG_PREFIX = f"<{_CG}".encode()
#: An integer the counts read as SPARQL does (at most 18 digits: within Oxigraph's 64-bit integers).
_INTEGER = re.compile(rb'"([+-]?[0-9]{1,18})"\^\^<http://www\.w3\.org/2001/XMLSchema#integer>\Z')


def _stat(path: Path) -> list[int]:
    st = os.stat(path)
    return [st.st_size, st.st_mtime_ns]


def _member_name(graph: str, cache_file: Path) -> str:
    return f"{hashlib.sha1(graph.encode()).hexdigest()}.{os.stat(cache_file).st_ino}"


def _supported(targets: list[tuple[str, Path]]) -> bool:
    names = [name for name, _ in targets]
    return bool(names) and all(n in _PER_GRAPH or n in _UNION for n in names) and len(set(names)) == len(names)


def _turtle_blocks(body: bytes) -> list[int]:
    """Where each subject's block starts in a Turtle body (a line not indented), and the end.

    Found by splitting at the line breaks not followed by a tab (C loops over the bytes, where
    a regular expression made a match object per subject: half a million in the ECB+ union);
    :data:`_BLOCK_START` is the definition, used when the body holds a NUL (the stand-in).

    >>> _turtle_blocks(b'<http://ex/a> a <http://ex/C> ;\\n\\t<http://ex/p> "x" .\\n'
    ...                b'<http://ex/b> <http://ex/p> "y" .\\n')
    [0, 53, 87]
    """
    if b"\0" in body:
        starts = [m.start() for m in _BLOCK_START.finditer(body)]
    else:
        parts = body.replace(b"\n\t", b"\0\t").split(b"\n")
        starts = list(itertools.accumulate(map((1).__add__, map(len, parts[:-1])), initial=0))
        if starts[-1] == len(body):  # the end, after a last line break, starts no line
            starts.pop()
        if body[:1] in (b"\t", b""):
            starts = starts[1:]
    starts.append(len(body))
    return starts


def _subject_counts(lines: list[bytes], counts) -> list[int] | None:
    """What one subject of the union adds to each of :data:`COUNT_NAMES`, from its sort-key lines and the
    number of graphs stating each; None when a value is one these counts do not read as SPARQL would (a
    count that is not a plain integer, a literal in conflict: then the whole store is counted again).

    The store's union is a bag (kg.store): a triple stated in k graphs matches k times, so ``sentences``
    (a sum over a join) and ``conflicts`` (``COUNT(*)``) weigh each line by its count; the others count
    distinct subjects. Every count is a sum over subjects of what the subject's own lines say.

    >>> t = b"<http://ex/d> <\\x00> <https://schema.org/NewsArticle> ."
    >>> n = b'<http://ex/d> <https://w3id.org/claimgraph/ns#sentenceCount> '
    >>> n += b'"12"^^<http://www.w3.org/2001/XMLSchema#integer> .'
    >>> _subject_counts([t, n], [1, 2])
    [1, 24, 0, 0, 0, 0, 0]
    """
    types: dict[bytes, int] = {}
    sentences = 0
    supported = 0
    conflicts = 0
    for line, n in zip(lines, counts):
        if not n:
            continue
        first = line.index(b" ")
        second = line.index(b" ", first + 1)
        predicate = line[first + 1 : second]
        if predicate == _TYPE_KEY:
            types[line[second + 1 : -2]] = n
            continue
        if not predicate.startswith(_CG_PREFIX):
            continue
        value = line[second + 1 : -2]
        if predicate == _SENTENCE_COUNT or predicate == _SUPPORT_COUNT:
            match = _INTEGER.match(value)
            if match is None:
                return None
            if predicate == _SENTENCE_COUNT:
                sentences += int(match[1]) * n
            elif int(match[1]) >= 2:
                supported = 1
        elif predicate == _CONFLICTS_WITH:
            subject = line[:first]
            if value[:1] == b'"' or b"\\" in line:
                return None
            if subject[:1] == b"<" and value[:1] == b"<" and subject[1:-1] < value[1:-1]:
                conflicts += n  # (STR of a blank node is an error: the filter drops it)
    article = types.get(_NEWS_ARTICLE, 0)
    return [1 if article else 0, article * sentences, 1 if _ENTITY in types and _THING not in types else 0,
            1 if _CLAIM in types else 0, 1 if _CLAIM_MENTION in types else 0, supported, conflicts]


def _current(store, folder: Path, manifest: dict) -> bool:
    """Whether the state still describes the store: the same graphs, each with the cached piece it had."""
    graphs = _f._graphs(store)
    if [g.value if isinstance(g, ox.NamedNode) else None for g in graphs] != manifest["graphs"]:
        return False
    members = manifest["members"]
    for graph in graphs:
        try:
            if not os.path.samefile(store.export_cache_file(graph), folder / _MEMBERS / members[graph.value]):
                return False
        except (OSError, TypeError, KeyError):
            return False
    return True


def union_counts(store) -> dict[str, int] | None:
    """The summary counts kept with the export state, when it still describes ``store``; else None."""
    folder = store.export_state_dir() if hasattr(store, "export_state_dir") else None
    if folder is None:
        return None
    manifest = _load(folder)
    try:
        counts = manifest.get("counts") if manifest is not None and manifest.get("union") else None
        if counts is None or len(counts) != len(COUNT_NAMES) or not _current(store, folder, manifest):
            return None
        return dict(zip(COUNT_NAMES, map(int, counts)))
    except (KeyError, TypeError, ValueError):
        return None


def keep_counts(store, counts: dict[str, int]) -> bool:
    """Keep ``counts`` (a full recount of ``store``, every value one :func:`_subject_counts` reads) with the
    export state, when the state describes the store and its union; True if kept. A cache: failures only
    lose it."""
    folder = store.export_state_dir() if hasattr(store, "export_state_dir") else None
    if folder is None or set(counts) != set(COUNT_NAMES):
        return False
    manifest = _load(folder)
    try:
        if manifest is None or not manifest.get("union") or not _current(store, folder, manifest):
            return False
        manifest["counts"] = [int(counts[name]) for name in COUNT_NAMES]
        _write_manifest(folder, manifest)
    except (OSError, KeyError, TypeError, ValueError):
        return False
    return True


class _Subjects:
    """The union's subjects in order, as one byte string and offsets (a list of bytes objects costs about
    100 bytes per subject more: millions of subjects in a big corpus's union).

    >>> s = _Subjects()
    >>> s.append(b"<a>"); s.extend([b"<b>", b"<c>"])
    >>> len(s), s[1], list(s[1:3]), s.data()
    (3, b'<b>', [b'<b>', b'<c>'], b'<a>\\n<b>\\n<c>\\n')
    >>> _Subjects.from_data(s.data())[2]
    b'<c>'
    """

    def __init__(self) -> None:
        self._blob = bytearray()
        self._ends = array("Q")

    @classmethod
    def from_data(cls, data: bytes) -> _Subjects:
        """The subjects of :meth:`data`'s form: each followed by a newline."""
        out = cls()
        out._blob = bytearray(data)
        out._ends = array("Q", (m.end() for m in re.finditer(b"\n", data)))
        return out

    def data(self) -> bytes:
        return bytes(self._blob)

    def append(self, subject: bytes) -> None:
        self._blob += subject + b"\n"
        self._ends.append(len(self._blob))

    def extend(self, subjects) -> None:
        subjects = list(subjects)
        if subjects:
            ends = itertools.accumulate(map((1).__add__, map(len, subjects)), initial=len(self._blob))
            next(ends)
            self._ends.extend(ends)
            self._blob += b"\n".join(subjects) + b"\n"

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        start = self._ends[i - 1] if i else 0
        return bytes(self._blob[start : self._ends[i] - 1])


#: The union state's arrays (8-byte unsigned integers each): per line of the union, ``counts``; per subject,
#: the others.
_ARRAYS = ("counts", "nlines", "nbytes", "ttl", "at")


def _names(gen: int, lines: str | None = None) -> dict[str, str]:
    """The file names of the union state of generation ``gen`` (the lines file ``lines`` when given)."""
    names = {key: f"{key}.{gen}" for key in _ARRAYS}
    names["subjects"] = f"subjects.{gen}"
    names["lines"] = lines or f"lines.{gen}"
    return names


def _open_arrays(folder: Path, names: dict[str, str]) -> dict[str, BinaryIO]:
    """The state's array and subjects files of ``names``, opened for writing (emptied)."""
    handles: dict[str, BinaryIO] = {}
    try:
        for key in (*_ARRAYS, "subjects"):
            handles[key] = (folder / names[key]).open("wb")
    except OSError:
        for handle in handles.values():
            handle.close()
        raise
    return handles


def _read_array(values: array, path: Path) -> None:
    """Append the integers of the file ``path`` to ``values`` (read into the array: no copy of the bytes)."""
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size % values.itemsize:
            raise ValueError(f"{path.name}: not a whole number of integers")
        values.fromfile(handle, size // values.itemsize)


class _UnionState:
    """The union behind graph.ttl as arrays over its subjects (see the module docstring)."""

    def __init__(self) -> None:
        self.counts = array("Q")
        self.subjects = _Subjects()
        self.nlines = array("Q")
        self.nbytes = array("Q")
        self.ttl = array("Q")
        self.at = array("Q")  # where each subject's lines start in the lines file

    def extend(self, lines: list[bytes], counts: list[int], body: bytes, blob: BinaryIO, text: bytes) -> bool:
        """Add sorted lines (cut at a subject) with their counts and Turtle body; False if they do not match.
        ``text`` is the lines joined by line breaks (the writer joined them already), for the lines file.

        Why C loops over the lines, not a Python step per subject: a subject's lines lie together (they
        are sorted, and a subject ends at its first space), so counting the lines' subjects in order
        gives the subjects and their numbers of lines at once, and each subject's bytes are differences
        of the lines' running offsets.

        >>> import io
        >>> union, blob = _UnionState(), io.BytesIO()
        >>> lines = [b"<a> <p> 1 .", b"<a> <q> 2 .", b"<b> <p> 3 ."]
        >>> union.extend(lines, [1, 2, 1], b"A\\n\\tB\\nC\\n", blob, b"\\n".join(lines))
        True
        >>> list(union.subjects), list(union.nlines), list(union.nbytes), list(union.ttl), list(union.at)
        ([b'<a>', b'<b>'], [2, 1], [24, 12], [5, 2], [0, 24])
        """
        starts = _turtle_blocks(body)
        per = Counter(map(_HEAD, map(bytes.partition, lines, itertools.repeat(b" "))))
        if len(per) != len(starts) - 1:  # one Turtle block per subject
            return False
        # where each line, then each subject, starts in the text of the lines (each line with its line break)
        line_at = list(itertools.accumulate(map((1).__add__, map(len, lines)), initial=0))
        subject_at = list(map(line_at.__getitem__, itertools.accumulate(per.values(), initial=0)))
        nbytes = list(map(operator.sub, subject_at[1:], subject_at))
        self.subjects.extend(per)
        self.nbytes.extend(nbytes)
        self.nlines.extend(per.values())
        self.ttl.extend(map(operator.sub, starts[1:], starts))
        self.counts.extend(counts)
        if nbytes:
            self.at.extend(itertools.accumulate(nbytes[:-1], initial=blob.tell()))
        blob.write(text)
        blob.write(b"\n")
        return True

    def save(self, folder: Path, gen: int, lines: str | None = None) -> dict[str, str]:
        """Write the arrays under names of generation ``gen``; the lines file is ``lines`` (one an earlier
        generation wrote and this one appended to) or ``lines.<gen>``."""
        names = _names(gen, lines)
        handles = _open_arrays(folder, names)
        try:
            self.append_to(handles)
        finally:
            for handle in handles.values():
                handle.close()
        return names

    def append_to(self, handles: dict[str, BinaryIO]) -> None:
        """Append the arrays and subjects to the files ``handles`` (by array name) and empty them: a full
        export's state goes to disk chunk by chunk, so it is never held whole (a big corpus's union has
        millions of subjects and lines: hundreds of MB of arrays)."""
        for key in _ARRAYS:
            values = getattr(self, key)
            values.tofile(handles[key])
            del values[:]
        handles["subjects"].write(self.subjects._blob)
        self.subjects = _Subjects()

    @classmethod
    def load(cls, folder: Path, names: dict[str, str]) -> _UnionState:
        union = cls()
        for key in ("counts", "nlines", "nbytes", "ttl"):
            _read_array(getattr(union, key), folder / names[key])
        if "at" in names:
            _read_array(union.at, folder / names["at"])
        else:  # (a state written before subjects could move: the lines one after the other)
            union.at.extend(itertools.accumulate(union.nbytes[:-1], initial=0) if union.nbytes else ())
        union.subjects = _Subjects.from_data((folder / names["subjects"]).read_bytes())
        n = len(union.subjects)
        if not (len(union.nlines) == len(union.nbytes) == len(union.ttl) == len(union.at) == n
                and sum(union.nlines) == len(union.counts)):
            raise ValueError("union state does not add up")
        return union

    def end(self) -> int:
        """Where the last subject's lines end in the lines file (bytes after it are left over from a crash)."""
        return max(map(int.__add__, self.at, self.nbytes), default=0)


def _write_manifest(folder: Path, manifest: dict) -> None:
    tmp = folder / f"{_MANIFEST}.tmp"
    tmp.write_text(json.dumps(manifest), encoding="utf-8")
    os.replace(tmp, folder / _MANIFEST)


def _clean(folder: Path, manifest: dict) -> None:
    """Delete the files and member links the manifest does not name (a previous state's, or a crashed export's)."""
    keep = set((manifest.get("union") or {}).values()) | {_MANIFEST, _MEMBERS}
    for path in folder.iterdir():
        if path.name in keep:
            continue
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    members = set(manifest["members"].values())
    for path in (folder / _MEMBERS).iterdir():
        if path.name not in members:
            path.unlink(missing_ok=True)


def _link_members(store, folder: Path, graphs: list[str], old: dict[str, str]) -> dict[str, str] | None:
    """A member link for every graph (the old one when it still is the cached piece); None if a piece is missing."""
    (folder / _MEMBERS).mkdir(parents=True, exist_ok=True)
    members = {}
    for iri in graphs:
        cache_file = store.export_cache_file(ox.NamedNode(iri))
        try:
            name = _member_name(iri, cache_file)
            link = folder / _MEMBERS / name
            if old.get(iri) != name or not link.exists():
                link.unlink(missing_ok=True)
                os.link(cache_file, link)
        except (OSError, TypeError):
            return None
        members[iri] = name
    return members


def _finish(store, folder: Path, targets, exports, graphs: list[str], blocks: dict[str, list],
            union_names: dict[str, str] | None, old_members: dict[str, str], gen: int,
            counts: list[int] | None = None) -> None:
    members = _link_members(store, folder, graphs, old_members)
    if members is None:
        shutil.rmtree(folder, ignore_errors=True)
        return
    manifest = {
        "version": _VERSION, "gen": gen, "graphs": graphs, "members": members, "union": union_names,
        "counts": counts if union_names else None,
        "targets": [{"format": name, "path": str(path), "stat": _stat(path), "blocks": blocks.get(name)}
                    for (name, path), _ in zip(targets, exports)],
    }
    _write_manifest(folder, manifest)
    _clean(folder, manifest)


def _drop(folder: Path) -> None:
    try:
        (folder / _MANIFEST).unlink()
    except OSError:
        pass


class Recorder:
    """Keeps, during a full export, what the next export needs to be incremental; :meth:`commit` saves it."""

    def __init__(self, store, folder: Path, targets: list[tuple[str, Path]], writers: list) -> None:
        self.store, self.folder, self.targets, self.writers = store, folder, targets, writers
        self.graphs: list[str] = []
        self.ok = True
        self.union = _UnionState() if any(n in _UNION for n, _ in targets) else None
        _drop(folder)  # the files are about to change: the old state no longer describes them
        folder.mkdir(parents=True, exist_ok=True)
        old = self._old_manifest()
        self.old_members = old.get("members", {}) if old else {}
        self.gen = (old.get("gen", 0) if old else 0) + 1
        self._names = _names(self.gen) if self.union is not None else None
        # the union's lines and arrays are written as each chunk comes (bounded memory); the manifest that
        # names them is written only by commit, so until then they are files no state refers to
        self._blob = (folder / self._names["lines"]).open("wb") if self._names is not None else None
        self._arrays = _open_arrays(folder, self._names) if self._names is not None else {}

    def _old_manifest(self) -> dict | None:
        try:
            return json.loads((self.folder / f"{_MANIFEST}.old").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def abandon(self) -> None:
        self.ok = False

    def graph(self, graph) -> None:
        if isinstance(graph, ox.NamedNode):
            self.graphs.append(graph.value)
        else:
            self.ok = False  # the default graph has no cached piece

    def union_chunk(self, lines: list[bytes], counts: list[int] | None, body: bytes | None, text: bytes) -> None:
        """Keep a chunk of the union: its sorted lines (sort keys) and ``text``, them joined by line breaks."""
        if self.ok and self.union is not None and counts is not None and body is not None:
            self.ok = self.union.extend(lines, counts, body, self._blob, text)
            if self.ok:
                self.union.append_to(self._arrays)

    def commit(self, exports) -> None:
        """Save the state (after the files are in place). A cache is optional: failures only lose it."""
        if self._blob is not None:
            self._blob.close()
        try:
            for handle in self._arrays.values():
                handle.close()
            if not self.ok:
                shutil.rmtree(self.folder, ignore_errors=True)
                return
            names = self._names
            blocks = {name: [[start, end, n] for _, start, end, n in w.blocks]
                      for (name, _), w in zip(self.targets, self.writers) if name in _PER_GRAPH}
            for name, w in zip((n for n, _ in self.targets), self.writers):
                if name in _PER_GRAPH and [g for g, *_ in w.blocks] != self.graphs:
                    shutil.rmtree(self.folder, ignore_errors=True)
                    return
            _finish(self.store, self.folder, self.targets, exports, self.graphs, blocks, names,
                    self.old_members, self.gen)
        except OSError:
            shutil.rmtree(self.folder, ignore_errors=True)


def open_recorder(store, targets: list[tuple[str, Path]], writers: list) -> Recorder | None:
    """A :class:`Recorder` for a full export of ``targets``, or None when the store keeps no state."""
    folder = store.export_state_dir() if hasattr(store, "export_state_dir") else None
    if folder is None or not _supported(targets):
        return None
    if (folder / _MANIFEST).exists():
        os.replace(folder / _MANIFEST, folder / f"{_MANIFEST}.old")
    return Recorder(store, folder, targets, writers)


# -- the incremental export ---------------------------------------------------------------


def _load(folder: Path) -> dict | None:
    try:
        manifest = json.loads((folder / _MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if manifest.get("version") == _VERSION else None


class Update:
    """An incremental export in progress: :meth:`commit` saves the new state once the files are in place."""

    def __init__(self, store, folder, targets, graphs, blocks, union_names, old_members, gen,
                 counts: list[int] | None = None) -> None:
        self.store, self.folder, self.targets, self.graphs = store, folder, targets, graphs
        self.blocks, self.union_names, self.old_members, self.gen = blocks, union_names, old_members, gen
        self.counts = counts

    def commit(self, exports) -> None:
        try:
            _finish(self.store, self.folder, self.targets, exports, self.graphs, self.blocks, self.union_names,
                    self.old_members, self.gen, self.counts)
        except OSError:
            shutil.rmtree(self.folder, ignore_errors=True)


def try_update(store, targets: list[tuple[str, Path]], writers: list) -> Update | None:
    """Write ``targets`` (``(format, path)``, their ``writers`` open on the new files) from the previous files
    and what changed since, or return None having written nothing (then the caller writes a full export)."""
    folder = store.export_state_dir() if hasattr(store, "export_state_dir") else None
    if folder is None or not _supported(targets):
        return None
    manifest = _load(folder)
    if manifest is None:
        return None
    try:
        old_targets = manifest["targets"]
        if [(t["format"], t["path"]) for t in old_targets] != [(n, str(p)) for n, p in targets]:
            return None
        if any(_stat(Path(t["path"])) != t["stat"] for t in old_targets):
            return None
        plan = _plan(store, folder, manifest)
        if plan is None:
            return None
        graphs, pieces, removed = plan
        union_new = None
        if manifest["union"] is not None:
            union_new = _union_edits(folder, manifest, pieces, removed)
            if union_new is None:
                return None
    except (OSError, KeyError, ValueError, TypeError):
        return None
    # from here on, files are written: errors are errors
    old_graphs = manifest["graphs"]
    old_index = {iri: i for i, iri in enumerate(old_graphs)}
    blocks = {}
    for (name, path), writer, target in zip(targets, writers, old_targets):
        if name in _PER_GRAPH:
            blocks[name] = _splice_graphs(name, path, writer, graphs, pieces, old_index, target["blocks"])
    union_names = counts = None
    if union_new is not None:
        gen = manifest["gen"] + 1
        union_names = _splice_union(folder, manifest, union_new, gen,
                                    [(path, w) for (name, path), w in zip(targets, writers) if name in _UNION])
        old_counts, delta = manifest.get("counts"), union_new[-1]
        if old_counts is not None and delta is not None and len(old_counts) == len(delta):
            counts = [int(a) + b for a, b in zip(old_counts, delta)]
    return Update(store, folder, targets, graphs, blocks, union_names, manifest["members"],
                  manifest["gen"] + 1, counts)


def _plan(store, folder: Path, manifest: dict):
    """The graphs now (IRIs in order), the pieces of the changed ones, and the old pieces' lines of the changed
    or dropped ones; None when a full export is the way."""
    graphs = _f._graphs(store)
    if any(not isinstance(g, ox.NamedNode) for g in graphs):
        return None
    members = manifest["members"]
    changed = []
    for graph in graphs:
        member = members.get(graph.value)
        cache_file = store.export_cache_file(graph)
        try:
            same = member is not None and os.path.samefile(cache_file, folder / _MEMBERS / member)
        except OSError:
            same = False
        if not same:
            changed.append(graph)
    if len(changed) > max(4, _MOST_CHANGED * len(graphs)):
        return None
    pieces = {}
    fresh: set[str] = set()  # read from the store, not from the cache
    for graph in changed:
        piece = _f._Piece.decode(graph, store.cached_export(graph))
        if piece is None:
            with _f._dump(store, graph) as dump:
                if dump._rolled:
                    return None
                lines = dump.read().splitlines()
            lines.sort(key=_f._type_first)
            piece = _f._Piece(graph, lines)
            fresh.add(graph.value)
        pieces[graph.value] = piece
    now = {g.value for g in graphs}
    removed = []
    for iri, member in members.items():
        if iri in now and iri not in pieces:
            continue
        old = _f._Piece.decode(ox.NamedNode(iri), (folder / _MEMBERS / member).read_bytes())
        if old is None:
            return None
        removed.append(old.lines)
        if iri in fresh:  # made from the store: take the unchanged subjects' TriG and JSON-LD from the old piece
            pieces[iri].reuse(old)
            store.cache_export(pieces[iri].graph, pieces[iri].encode())
    for iri in fresh:
        piece = pieces[iri]
        store.cache_export(piece.graph, piece.encode())
        if not store.export_cache_file(piece.graph).exists():
            return None
    return [g.value for g in graphs], pieces, removed


def _splice_graphs(name: str, path: Path, writer, graphs: list[str], pieces: dict, old_index: dict[str, int],
                   old_blocks: list) -> list:
    """Write a per-graph file: unchanged graphs' blocks copied from the previous file, the others rendered."""
    new_blocks = []
    counts = [len(pieces[g].lines) if g in pieces else old_blocks[old_index[g]][2] for g in graphs]
    if name == "trig":
        head, first_sep, sep, tail = (_f._trig_prefixes() if any(counts) else b""), b"", b"", b""
    elif name == "nquads":
        head, first_sep, sep, tail = b"", b"", b"", b""
    else:
        head, first_sep, sep, tail = _f._jsonld_head(), b"\n", b",\n", _f._JSONLD_TAIL
    if writer.pos == 0:  # (the JSON-LD writer has written its head already)
        writer.put(head)
    with open(path, "rb") as old:
        src = old.fileno()
        run: list[int] | None = None  # [old start, old end, last old index]

        def flush_run() -> None:
            nonlocal run
            if run is not None:
                _f._copy(src, writer.out, run[0], run[1])
                run = None

        for k, iri in enumerate(graphs):
            separator = first_sep if k == 0 else sep
            if iri in pieces:
                flush_run()
                writer.put(separator)
                piece = pieces[iri]
                data = _render(name, piece)
                start = writer.pos
                writer.put(data)
                new_blocks.append([start, writer.pos, len(piece.lines)])
                continue
            j = old_index[iri]
            start, end, n = old_blocks[j]
            if run is not None and run[2] == j - 1 and run[1] + len(separator) == start:
                run[1], run[2] = end, j
                writer.pos += len(separator)
            else:
                flush_run()
                writer.put(separator)
                run = [start, end, j]
            new_blocks.append([writer.pos, writer.pos + end - start, n])
            writer.pos += end - start
        flush_run()
    writer.put(tail)
    writer.count = sum(counts)
    return new_blocks


def _render(name: str, piece) -> bytes:
    if name == "trig":
        return piece.trig if piece.lines else b""
    if name == "nquads":
        return piece.nquads
    return _f._jsonld_graph(piece)


def _union_edits(folder: Path, manifest: dict, pieces: dict, removed: list[list[bytes]]):
    """The union's changed subjects: ``(union, line offsets, byte offsets, [(index, exists, lines, counts,
    turtle block)], change of the summary counts)``; None when the state does not add up (a count below
    zero) and a full export is the way. The change of the counts is None when a changed subject holds a
    value :func:`_subject_counts` does not read (then the counts are recounted from the store)."""
    plus: Counter[bytes] = Counter()
    for piece in pieces.values():
        plus.update(_f._keyed(piece.lines))
    minus: Counter[bytes] = Counter()
    for lines in removed:
        minus.update(_f._keyed(lines))
    delta = {line: plus[line] - minus[line] for line in plus.keys() | minus.keys()}
    by_subject: dict[bytes, dict[bytes, int]] = {}
    for line, d in delta.items():
        if d:
            by_subject.setdefault(line[: line.index(b" ")], {})[line] = d
    union = _UnionState.load(folder, manifest["union"])
    if not union.subjects:
        return None
    line_at = list(itertools.accumulate(union.nlines, initial=0))
    edits = []
    change: list[int] | None = [0] * len(COUNT_NAMES)
    with open(folder / manifest["union"]["lines"], "rb") as blob:
        if os.fstat(blob.fileno()).st_size < union.end():
            return None
        for subject in sorted(by_subject):
            i = bisect.bisect_left(union.subjects, subject)
            exists = i < len(union.subjects) and union.subjects[i] == subject
            held: dict[bytes, int] = {}
            if exists:
                old = os.pread(blob.fileno(), union.nbytes[i], union.at[i]).split(b"\n")[:-1]
                old_counts = union.counts[line_at[i] : line_at[i + 1]]
                held = dict(zip(old, old_counts))
                if change is not None:
                    before = _subject_counts(old, old_counts)
                    change = None if before is None else [a - b for a, b in zip(change, before)]
            for line, d in by_subject[subject].items():
                count = held.get(line, 0) + d
                if count < 0:
                    return None
                held[line] = count
            lines = sorted(line for line, c in held.items() if c > 0)
            counts = [held[line] for line in lines]
            if change is not None:
                after = _subject_counts(lines, counts)
                change = None if after is None else [a + b for a, b in zip(change, after)]
            edits.append((i, exists, lines, counts))
    kept = [e for e in edits if e[2]]
    body = b""
    if kept:
        data = _f._unkeyed(b"\n".join(line for e in kept for line in e[2]) + b"\n")
        body = _f._turtle_body(data)
    starts = _turtle_blocks(body)
    if len(starts) - 1 != len(kept):
        return None
    ttl = iter(body[a:b] for a, b in zip(starts, starts[1:]))
    return union, line_at, [(i, exists, lines, counts, next(ttl) if lines else b"")
                                     for i, exists, lines, counts in edits], change


def _splice_union(folder: Path, manifest: dict, union_new, gen: int, outputs: list) -> dict[str, str]:
    """Write graph.ttl and the new union state: unchanged subjects copied from the previous ones.

    The changed subjects' lines are appended to the previous lines file (the unchanged ones stay where
    they are: no copy of the whole union), unless that file would hold more than
    :data:`_LINES_SLACK` times the bytes still in use; then the lines are written to a new file in order.
    A crash after appending leaves the previous state valid (its lines are untouched)."""
    union, line_at, edits, _ = union_new
    prefix = len(_f._turtle_prefixes())
    ttl_at = list(itertools.accumulate(union.ttl, initial=prefix))
    new = _UnionState()
    names_old = manifest["union"]
    total = sum(union.nlines) + sum(len(e[2]) - (union.nlines[e[0]] if e[1] else 0) for e in edits)
    datas = [b"\n".join(lines) + b"\n" if lines else b"" for _, _, lines, _, _ in edits]
    old_path = folder / names_old["lines"]
    live = sum(union.nbytes) + sum(map(len, datas)) - sum(union.nbytes[e[0]] for e in edits if e[1])
    append = os.path.getsize(old_path) + sum(map(len, datas)) <= _LINES_SLACK * max(live, 1)
    files = [open(path, "rb") for path, _ in outputs]
    try:
        with open(old_path, "rb") as old_blob, open(old_path if append else folder / f"lines.{gen}",
                                                    "ab" if append else "wb") as blob:
            for _, writer in outputs:
                if total:
                    writer.put(_f._turtle_prefixes())
            previous = 0

            def copy_lines(start: int, stop: int) -> None:
                """The lines of subjects ``start:stop`` into the new file, each run lying in one piece at once."""
                j = start
                while j < stop:
                    k = j + 1
                    while k < stop and union.at[k] == union.at[k - 1] + union.nbytes[k - 1]:
                        k += 1
                    new.at.extend(itertools.accumulate(union.nbytes[j : k - 1], initial=blob.tell()))
                    _f._copy(old_blob.fileno(), blob, union.at[j], union.at[k - 1] + union.nbytes[k - 1])
                    j = k

            def copy_to(i: int) -> None:
                if i <= previous:
                    return
                for (_, writer), handle in zip(outputs, files):
                    _f._copy(handle.fileno(), writer.out, ttl_at[previous], ttl_at[i])
                    writer.pos += ttl_at[i] - ttl_at[previous]
                if append:
                    new.at.extend(union.at[previous:i])
                else:
                    copy_lines(previous, i)
                new.counts.extend(union.counts[line_at[previous] : line_at[i]])
                new.subjects.extend(union.subjects[previous:i])
                new.nlines.extend(union.nlines[previous:i])
                new.nbytes.extend(union.nbytes[previous:i])
                new.ttl.extend(union.ttl[previous:i])

            for (i, exists, lines, counts, ttl), data in zip(edits, datas):
                copy_to(i)
                previous = max(previous, i)
                if lines:
                    for _, writer in outputs:
                        writer.put(ttl)
                    new.at.append(blob.tell())
                    blob.write(data)
                    new.counts.extend(counts)
                    new.subjects.append(lines[0][: lines[0].index(b" ")])
                    new.nlines.append(len(lines))
                    new.nbytes.append(len(data))
                    new.ttl.append(len(ttl))
                if exists:
                    previous = i + 1
            copy_to(len(union.subjects))
            blob.flush()
    finally:
        for handle in files:
            handle.close()
    for _, writer in outputs:
        writer.count = len(new.counts)
    return new.save(folder, gen, names_old["lines"] if append else None)
