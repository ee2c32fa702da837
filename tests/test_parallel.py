"""Executors: every way of running per-document work builds the identical graph, with bounded work in flight."""

from __future__ import annotations

import json
import shutil
from concurrent.futures import Future
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.build
import kg.parallel
from kg.build import build
from kg.model import Document
from kg.parallel import ProcessExecutor, Settings, SerialExecutor, _bounded, make_executor, process_batch
from kg.store import open_store

ECBPLUS_FEW = Path(__file__).parent / "data" / "ecbplus-few.jsonl"


def _sorted_nquads(out) -> list[str]:
    return sorted(str(q) for q in open_store(out, read_only=True).quads())


def _nquads_bytes(out) -> bytes:
    """The whole store as N-Quads, lines sorted: the graph.nq of a build, byte for byte."""
    data = open_store(out, read_only=True)._store.dump(format=ox.RdfFormat.N_QUADS)
    return b"".join(sorted(data.splitlines(keepends=True)))


@pytest.fixture(scope="module")
def serial_graph(seeds_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("serial")
    build([seeds_dir], out, executor="serial", exports=())
    return _sorted_nquads(out)


def test_processes_build_the_serial_graph(seeds_dir, serial_graph, tmp_path):
    report = build([seeds_dir], tmp_path, executor="processes", workers=2, batch_size=1, exports=())
    assert report.built == 2
    assert _sorted_nquads(tmp_path) == serial_graph


def test_processes_match_serial_byte_for_byte_on_news_articles(seeds_dir, tmp_path):
    inputs = [ECBPLUS_FEW, seeds_dir]
    serial = build(inputs, tmp_path / "serial", executor="serial", exports=("trig",))
    parallel = build(inputs, tmp_path / "processes", executor="processes", workers=2, batch_size=2,
                     exports=("trig",))
    assert serial.ok and parallel.ok and serial.built == parallel.built == 8
    assert serial.stats["claims"] > 50  # real articles, not a trivial graph
    assert _nquads_bytes(tmp_path / "serial") == _nquads_bytes(tmp_path / "processes")
    assert (tmp_path / "serial" / "graph.trig").read_bytes() == (tmp_path / "processes" / "graph.trig").read_bytes()


@pytest.mark.slow
def test_ray_local_cluster_builds_the_serial_graph(seeds_dir, serial_graph, tmp_path):
    import ray  # installed by `make test` (extra "ray"): a missing Ray is a failure, not a skip

    assert not ray.is_initialized()
    report = build([seeds_dir], tmp_path, executor="ray", workers=2, batch_size=1, exports=())
    assert report.built == 2 and report.ok
    assert _sorted_nquads(tmp_path) == serial_graph


def test_one_failing_document_does_not_sink_its_batch(monkeypatch):
    import kg.extract as extract

    real = extract.extract_parsed

    def flaky(document, chunks):
        if "boom" in document.text:
            raise RuntimeError("parser exploded")
        return real(document, chunks)

    monkeypatch.setattr(extract, "extract_parsed", flaky)
    docs = [Document(text="Alice met Bob in Paris.", source="a.txt"), Document(text="boom went the dynamite.", source="b.txt")]
    results = process_batch(docs, Settings(base_iri="http://ex.org/"))
    assert results[0].error is None and results[0].nquads
    assert results[1].error and "parser exploded" in results[1].error


def test_unknown_executor_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="known: processes, ray, serial"):
        make_executor("gpu", Settings(base_iri="http://ex.org/"))
    with pytest.raises(ValueError, match="unknown executor 'gpu'"):
        build([tmp_path], tmp_path / "out", executor="gpu")


@pytest.mark.parametrize("option, value", [("batch_size", 0), ("batch_size", -3), ("batch_size", 2.5),
                                           ("batch_size", True), ("workers", 0), ("workers", "2")])
def test_bad_batch_size_or_workers_is_refused_before_any_work(seeds_dir, tmp_path, option, value):
    with pytest.raises(ValueError, match=option.replace("_", " ")):
        build([seeds_dir], tmp_path / "out", **{option: value})
    assert not (tmp_path / "out").exists()  # nothing created, nothing read


# -- bounded work in flight ---------------------------------------------------------------
class _CountingPool:
    """A stand-in for ProcessPoolExecutor: runs nothing until a result is asked for, counts outstanding batches."""

    def __init__(self) -> None:
        self.outstanding = 0
        self.most = 0
        self.submitted = 0

    def submit(self, fn, batch, settings) -> Future:
        self.outstanding += 1
        self.submitted += 1
        self.most = max(self.most, self.outstanding)
        pool = self

        class _Lazy(Future):
            def result(self, timeout=None):
                pool.outstanding -= 1
                return [len(batch)]

        return _Lazy()

    def shutdown(self, **kwargs) -> None:
        pass


def test_process_executor_keeps_at_most_two_batches_per_worker_in_flight():
    executor = ProcessExecutor.__new__(ProcessExecutor)  # no real processes: the pool is a counting fake
    executor.settings, executor.workers, executor._pool = Settings("http://ex.org/"), 3, _CountingPool()
    pulled = []

    def batches():
        for i in range(50):
            pulled.append(i)
            yield [Document(text=f"Text {i}.", source=f"{i}.txt")]

    results = executor.map(batches())
    for n, result in enumerate(results, start=1):
        assert result == [1]
        assert executor._pool.outstanding <= 6
        assert len(pulled) <= n + 6  # input is read lazily, never far ahead of the results taken
    assert executor._pool.submitted == 50 and executor._pool.most == 6 and executor._pool.outstanding == 0


def test_bounded_yields_in_submission_order():
    outstanding = []
    got = list(_bounded(lambda x: outstanding.append(x) or x, range(10), 3, lambda x: x * 10))
    assert got == [x * 10 for x in range(10)]


class _SpyExecutor(SerialExecutor):
    """The serial executor, recording each batch and how far the build had read its input when it started."""

    instances: list[_SpyExecutor] = []

    def __init__(self, settings, workers=1, documents_read=None):
        super().__init__(settings, workers)
        self.batches: list[list[str]] = []
        self.read_at_start = documents_read()
        _SpyExecutor.instances.append(self)

    def map(self, batches):
        for batch in batches:
            self.batches.append([d.source for d in batch])
            yield from super().map([batch])


def _spy(monkeypatch, read_counter):
    _SpyExecutor.instances = []
    chosen = []

    def fake_make_executor(name, settings, *, workers=None, ray_address=None):
        chosen.append(name)
        return _SpyExecutor(settings, documents_read=read_counter)

    monkeypatch.setattr(kg.parallel, "make_executor", fake_make_executor)
    return chosen


def _counting_reader(monkeypatch):
    import kg.ingest

    read = [0]
    real = kg.ingest.iter_documents

    def counting(inputs, on_error=None):
        for document in real(inputs, on_error=on_error):
            read[0] += 1
            yield document

    monkeypatch.setattr(kg.ingest, "iter_documents", counting)
    return lambda: read[0]


def _tiny_corpus(path: Path, n: int, first: int = 0) -> Path:
    names = ["Alice", "Bob", "Carol", "Dan", "Erin", "Frank", "Grace", "Heidi"]
    with path.open("w", encoding="utf-8") as handle:
        for i in range(first, first + n):
            text = f"{names[i % 8]} Example{i} met the mayor of Springfield{i} on Monday. The talks went well."
            handle.write(json.dumps({"text": text, "title": f"Meeting {i}", "publisher": f"Outlet {i % 3}"}) + "\n")
    return path


def test_auto_builds_a_few_documents_in_this_process(monkeypatch, tmp_path):
    chosen = _spy(monkeypatch, _counting_reader(monkeypatch))
    report = build([_tiny_corpus(tmp_path / "few.jsonl", 3)], tmp_path / "out", executor="auto", exports=())
    assert report.built == 3 and chosen == ["serial"]


def test_auto_decides_after_reading_a_bounded_prefix_of_the_input(monkeypatch, tmp_path):
    monkeypatch.setattr(kg.parallel, "default_executor", lambda: "processes")
    read = _counting_reader(monkeypatch)
    chosen = _spy(monkeypatch, read)
    n = kg.build.AUTO_SERIAL_BELOW * 3
    report = build([_tiny_corpus(tmp_path / "many.jsonl", n)], tmp_path / "out", executor="auto", batch_size=4,
                   exports=())
    assert report.built == n and chosen == ["processes"]
    spy = _SpyExecutor.instances[0]
    assert spy.read_at_start <= kg.build.AUTO_SERIAL_BELOW + 4  # one batch past the threshold at most
    assert sum(map(len, spy.batches)) == n


def test_adding_one_percent_builds_only_the_new_documents(monkeypatch, tmp_path):
    corpus = _tiny_corpus(tmp_path / "corpus.jsonl", 100)
    out = tmp_path / "out"
    first = build([corpus], out, executor="serial", batch_size=16, exports=())
    assert first.built == 100
    before = _sorted_nquads(out)

    chosen = _spy(monkeypatch, lambda: 0)
    new = _tiny_corpus(tmp_path / "new.jsonl", 1, first=100)
    again = build([corpus, new], out, executor="serial", batch_size=16, exports=())
    assert (again.built, again.unchanged) == (1, 100)
    assert chosen == ["serial"] and _SpyExecutor.instances[0].batches == [[f"{new}:1"]]
    after = _sorted_nquads(out)
    document_quads = [q for q in after if "graph/resolution" not in q]
    assert set(q for q in before if "graph/resolution" not in q) < set(document_quads)
    assert stats_documents(out) == 101


def stats_documents(out) -> int:
    rows = open_store(out, read_only=True).select("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a schema:NewsArticle }")
    return int(rows[0]["n"].value)


def test_a_graph_cut_short_by_a_crash_is_rebuilt(tmp_path):
    corpus = _tiny_corpus(tmp_path / "corpus.jsonl", 2)
    out = tmp_path / "out"
    build([corpus], out, executor="serial", exports=())
    complete = _sorted_nquads(out)
    store = open_store(out)
    graph = next(g for g in store.named_graphs() if "/doc/" in g.value)
    sha = next(q for q in store.quads(graph) if q.predicate.value.endswith("#sha256"))
    store._store.remove(sha)  # what a build killed during a bulk load leaves: a graph without its cg:sha256
    assert not store.holds_document(graph) and store.has_graph(graph)
    del store
    again = build([corpus], out, executor="serial", exports=())
    assert (again.built, again.unchanged) == (1, 1)
    assert _sorted_nquads(out) == complete
