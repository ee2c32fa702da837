"""Store.replace_graph makes a graph hold exactly the new quads, whatever their number: held and written at once
(only the difference when the graph exists); when there are more than ``chunk`` of them, compared with the existing
graph on disk and only the difference written in one update, or through a staging graph for a new graph."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kg.store
from kg.store import STAGING_SUFFIX, Store

G = ox.NamedNode("http://ex/g")
OTHER = ox.NamedNode("http://ex/other")
NODES = [ox.NamedNode(f"http://ex/n{i}") for i in range(4)] + [ox.NamedNode("http://ex/é?q=a%20b#x")]
LITERALS = st.one_of(
    st.text(max_size=12).map(ox.Literal),
    st.sampled_from(['say "hi"', "back\\slash", "two\nlines", "tab\there", "\u0001ctl", "日本"]).map(ox.Literal),
    st.integers(-10, 10).map(lambda i: ox.Literal(str(i), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
    st.sampled_from(["015", "+3", "1.50"]).map(
        lambda v: ox.Literal(v, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))),
    st.sampled_from(["en", "en-GB", "ko"]).map(lambda lang: ox.Literal("word", language=lang)),
)
QUADS = st.lists(st.builds(lambda s, p, o: ox.Quad(s, p, o, G), st.sampled_from(NODES), st.sampled_from(NODES),
                           st.one_of(st.sampled_from(NODES), LITERALS)), max_size=12)


def _fresh(quads) -> set[str]:
    store = Store()
    store.replace_graph(G, quads)
    return {str(q) for q in store.quads(G)}


@settings(max_examples=150, deadline=None)
@given(QUADS, QUADS)
def test_replacing_a_graph_leaves_exactly_the_new_quads_and_other_graphs_alone(first, second):
    store = Store()
    kept = ox.Quad(NODES[0], NODES[1], ox.Literal("stays"), OTHER)
    store.add_quads([kept])
    store.replace_graph(G, first)
    store.replace_graph(G, second)
    assert {str(q) for q in store.quads(G)} == _fresh(second)
    assert list(store.quads(OTHER)) == [kept]


def test_a_graph_with_blank_nodes_is_replaced_too():
    store = Store()
    b = ox.BlankNode("b1")
    store.replace_graph(G, [ox.Quad(b, NODES[0], ox.Literal("x"), G)])
    store.replace_graph(G, [ox.Quad(NODES[1], NODES[0], b, G), ox.Quad(NODES[1], NODES[0], ox.Literal("y"), G)])
    assert sorted(q.object.value for q in store.quads(G)) == ["b1", "y"]


@settings(max_examples=150, deadline=None)
@given(QUADS, QUADS, st.integers(1, 5), st.booleans())
def test_a_chunked_replace_gives_the_graph_a_whole_replace_gives(first, second, chunk, atomic):
    store = Store()
    kept = ox.Quad(NODES[0], NODES[1], ox.Literal("stays"), OTHER)
    store.add_quads([kept])
    store.replace_graph(G, iter(first), chunk=chunk, atomic=atomic)
    assert {str(q) for q in store.quads(G)} == _fresh(first)
    store.replace_graph(G, iter(second), chunk=chunk, atomic=atomic)  # the graph exists: through the staging graph
    assert {str(q) for q in store.quads(G)} == _fresh(second)
    assert {str(q) for q in store.quads(OTHER)} == {str(kept)}
    assert {g.value for g in store.named_graphs()} <= {G.value, OTHER.value}  # no staging graph left


def test_a_replace_drops_the_staging_graph_a_killed_one_left():
    store = Store()
    staging = ox.NamedNode(G.value + STAGING_SUFFIX)
    store.add_quads([ox.Quad(NODES[0], NODES[1], ox.Literal("half written"), staging)])
    store.replace_graph(G, [ox.Quad(NODES[0], NODES[1], ox.Literal("new"), G)])
    assert [g.value for g in store.named_graphs()] == [G.value]
    store.add_quads([ox.Quad(NODES[0], NODES[1], ox.Literal("half written"), staging)])
    store.replace_graph(G, [ox.Quad(NODES[0], NODES[1], ox.Literal(v), G) for v in ("newer", "newest")], chunk=1)
    assert sorted(q.object.value for q in store.quads(G)) == ["newer", "newest"]
    assert [g.value for g in store.named_graphs()] == [G.value]


def _failing(quads, after):
    """The quads, then an error once ``after`` of them were given (a writer that dies part way)."""
    yield from quads[:after]
    raise RuntimeError("the source died")


@pytest.mark.parametrize("existing", [False, True])
def test_a_staged_replace_that_fails_part_way_leaves_the_graph_as_it_was(existing):
    store = Store()
    old = [ox.Quad(NODES[0], NODES[1], ox.Literal("old"), G)]
    if existing:
        store.replace_graph(G, old)
    new = [ox.Quad(NODES[0], NODES[1], ox.Literal(str(i)), G) for i in range(10)]
    with pytest.raises(RuntimeError):
        store.replace_graph(G, _failing(new, 7), chunk=2)
    assert list(store.quads(G)) == (old if existing else [])
    store.replace_graph(G, new, chunk=2)
    assert sorted(q.object.value for q in store.quads(G)) == sorted(str(i) for i in range(10))
    assert [g.value for g in store.named_graphs()] == [G.value]


def test_a_first_write_that_need_not_be_atomic_goes_straight_into_the_graph():
    store = Store()
    new = [ox.Quad(NODES[0], NODES[1], ox.Literal(str(i)), G) for i in range(10)]
    with pytest.raises(RuntimeError):
        store.replace_graph(G, _failing(new, 7), chunk=2, atomic=False)
    assert len(list(store.quads(G))) < 10  # at most the loads done before the source died: no staging graph
    assert [g.value for g in store.named_graphs()] in ([], [G.value])
    store.replace_graph(G, new, chunk=2, atomic=False)  # the next write replaces what was left
    assert sorted(q.object.value for q in store.quads(G)) == sorted(str(i) for i in range(10))


@pytest.mark.parametrize("chunk", [1, 50])
def test_quads_of_other_graphs_are_written_into_the_replaced_graph(chunk):
    store = Store()
    store.replace_graph(G, [ox.Quad(NODES[0], NODES[1], ox.Literal(v), OTHER) for v in "ab"], chunk=chunk)
    assert sorted(q.object.value for q in store.quads(G)) == ["a", "b"]
    assert list(store.quads(OTHER)) == []


def test_a_chunk_below_one_is_refused():
    with pytest.raises(ValueError, match="chunk"):
        Store().replace_graph(G, [], chunk=0)


def test_rows_stream_what_select_returns():
    store = Store()
    store.add_quads([ox.Quad(NODES[0], NODES[1], ox.Literal("x"), G), ox.Quad(NODES[2], NODES[1], NODES[3], G)])
    query = "SELECT ?s ?o ?none WHERE { ?s ?p ?o OPTIONAL { ?o ?q ?none } } ORDER BY ?s"
    rows = list(store.rows(query))
    assert rows == [(r["s"], r["o"], r.get("none")) for r in store.select(query)]
    assert [row[2] for row in rows] == [None, None]


class _CountingStore:
    """Forwards to a pyoxigraph store and notes the sizes of its writes (transactional or bulk) and its flushes."""

    def __init__(self, inner) -> None:
        self._inner, self.events = inner, []

    def extend(self, quads) -> None:
        quads = list(quads)
        self.events.append(("extend", len(quads)))
        self._inner.extend(quads)

    def bulk_extend(self, quads) -> None:
        quads = list(quads)
        self.events.append(("bulk", len(quads)))
        self._inner.bulk_extend(quads)

    def flush(self) -> None:
        self.events.append("flush")
        self._inner.flush()

    def __getattr__(self, name):
        return getattr(self._inner, name)


def test_a_chunked_replace_on_disk_bulk_loads_every_chunk_and_keeps_every_quad(tmp_path, monkeypatch):
    # the resolution graph of a big corpus is millions of quads: they must not pile up in RocksDB's in-memory
    # tables, and need no transaction per chunk (the graph is written whole only at the end, or not atomically)
    from kg.store import open_store

    store = open_store(tmp_path, create=True)
    spy = store._store = _CountingStore(store._store)
    quads = [ox.Quad(NODES[0], NODES[1], ox.Literal(str(i)), G) for i in range(5)]
    monkeypatch.setattr(kg.store, "BULK_EXTEND_QUADS", 4)
    store.replace_graph(G, iter(quads), chunk=2, atomic=False)  # resolve's first write
    # the held chunk and the rest go into bulk loads of BULK_EXTEND_QUADS each (each load is one more compaction
    # of the whole store by RocksDB, so they are as few as memory allows), none into a transaction
    assert spy.events == [("bulk", 4), ("bulk", 1)]
    del store, spy  # the lock goes with the last reference
    again = open_store(tmp_path)
    assert sorted(q.object.value for q in again.quads(G)) == ["0", "1", "2", "3", "4"]


class _WriteSpy:
    """Forwards to a pyoxigraph store and notes every write: updates (their text), extends and bulk loads (sizes)."""

    def __init__(self, inner) -> None:
        self._inner, self.updates, self.loads = inner, [], []

    def update(self, sparql, **kwargs) -> None:
        self.updates.append(sparql)
        self._inner.update(sparql, **kwargs)

    def extend(self, quads) -> None:
        quads = list(quads)
        self.loads.append(("extend", len(quads)))
        self._inner.extend(quads)

    def bulk_extend(self, quads) -> None:
        quads = list(quads)
        self.loads.append(("bulk", len(quads)))
        self._inner.bulk_extend(quads)

    def bulk_load(self, *args, **kwargs) -> None:
        before = len(self._inner)
        self._inner.bulk_load(*args, **kwargs)
        self.loads.append(("bulk_load", len(self._inner) - before))

    def __getattr__(self, name):
        return getattr(self._inner, name)


def _numbered(values):
    return [ox.Quad(NODES[0], NODES[1], ox.Literal(str(v)), G) for v in values]


def test_replacing_a_big_graph_by_a_nearly_equal_one_writes_only_the_difference():
    # resolve's graph after a small incremental build: most of it unchanged, and writing it whole cost seconds
    store = Store()
    store.replace_graph(G, _numbered(range(100)), chunk=10)
    spy = store._store = _WriteSpy(store._store)
    store.replace_graph(G, iter(_numbered(list(range(1, 100)) + [100, 101])), chunk=10)  # 1 out, 2 in: held update
    assert spy.loads == [] and len(spy.updates) == 1
    assert spy.updates[0].count('"') == 6  # the three changed literals, nothing else
    assert sorted(int(q.object.value) for q in store.quads(G)) == list(range(1, 102))
    spy.updates.clear()
    store.replace_graph(G, iter(_numbered(range(20, 150))), chunk=10)  # 19 out, 48 in: through staging graphs
    assert sorted(n for _, n in spy.loads) == [19, 48] and len(spy.updates) == 1
    assert sorted(int(q.object.value) for q in store.quads(G)) == list(range(20, 150))
    assert [g.value for g in store.named_graphs()] == [G.value]
    spy.updates.clear()
    store.replace_graph(G, iter(_numbered(reversed(range(20, 150)))), chunk=10)  # same graph: nothing written
    assert spy.updates == []


@settings(max_examples=60, deadline=None)
@given(QUADS, QUADS, st.integers(1, 5))
def test_a_difference_sorted_in_runs_on_disk_gives_the_same_graph(first, second, chunk):
    store = Store()
    store.replace_graph(G, first)
    old_run = kg.store.SORT_RUN_BYTES
    kg.store.SORT_RUN_BYTES = 40  # a line or two per run: the merge of runs from files
    try:
        store.replace_graph(G, iter(second), chunk=chunk)
    finally:
        kg.store.SORT_RUN_BYTES = old_run
    assert {str(q) for q in store.quads(G)} == _fresh(second)
    assert [g.value for g in store.named_graphs()] in ([], [G.value])


_KILLED_REPLACE = """
import sys, pyoxigraph as ox
from kg.store import open_store
G, P = ox.NamedNode("http://ex/g"), ox.NamedNode("http://ex/p")
store = open_store(sys.argv[1], create=True)
values = range(int(sys.argv[2]), int(sys.argv[3]))
store.replace_graph(G, (ox.Quad(G, P, ox.Literal(str(v)), G) for v in values), chunk=int(sys.argv[4]))
"""


@pytest.mark.parametrize("new, chunk", [((1, 102), 10), ((20, 150), 10), ((0, 100), 10)])
def test_a_difference_write_killed_at_its_crash_point_leaves_the_old_graph(tmp_path, new, chunk):
    import os
    import signal
    import subprocess
    import sys
    from pathlib import Path

    from kg.store import open_store

    root = Path(__file__).resolve().parent.parent
    folder, scratch = tmp_path / "store", tmp_path / "tmp"
    scratch.mkdir()  # the killed write cannot remove its sort files: they go here, not into the system's /tmp
    env = {**{k: v for k, v in os.environ.items() if k != "KG_FAULT"}, "PYTHONPATH": str(root), "TMPDIR": str(scratch)}
    command = [sys.executable, "-c", _KILLED_REPLACE, str(folder)]
    assert subprocess.run(command + ["0", "100", "10"], env=env).returncode == 0
    killed = subprocess.run(command + [str(new[0]), str(new[1]), str(chunk)], env={**env, "KG_FAULT": "store.replace"})
    assert killed.returncode == -signal.SIGKILL
    store = open_store(folder)
    assert sorted(int(q.object.value) for q in store.quads(G)) == list(range(100))
    del store
    assert subprocess.run(command + [str(new[0]), str(new[1]), str(chunk)], env=env).returncode == 0
    store = open_store(folder)
    assert sorted(int(q.object.value) for q in store.quads(G)) == list(range(*new))
    assert [g.value for g in store.named_graphs()] == [G.value]
