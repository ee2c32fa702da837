"""Executors: every way of running per-document work builds the identical graph."""

from __future__ import annotations

import pytest

from kg.build import build
from kg.parallel import Settings, make_executor, process_batch
from kg.model import Document
from kg.store import open_store


def _sorted_nquads(out) -> list[str]:
    return sorted(str(q) for q in open_store(out, read_only=True).quads())


@pytest.fixture(scope="module")
def serial_graph(seeds_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("serial")
    build([seeds_dir], out, executor="serial", exports=())
    return _sorted_nquads(out)


def test_processes_build_the_serial_graph(seeds_dir, serial_graph, tmp_path):
    report = build([seeds_dir], tmp_path, executor="processes", workers=2, batch_size=1, exports=())
    assert report.built == 2
    assert _sorted_nquads(tmp_path) == serial_graph


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


def test_unknown_executor_is_a_clear_error():
    with pytest.raises(ValueError, match="known: processes, ray, serial"):
        make_executor("gpu", Settings(base_iri="http://ex.org/"))
