"""Killing `kg build` with SIGKILL at chosen points: the store opens, a rerun finishes, the graph is a clean build's.

The kill points are those of :mod:`kg.faults` (the ``KG_FAULT`` environment
variable); one more test kills at arbitrary moments by the clock.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.build import build
from kg.store import open_store
from tests.bad_inputs import ENGLISH, LATIN1, UTF16
from tests.test_build_large import long_article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EXPORTS = ("graph.ttl", "graph.trig", "graph.nq", "graph.jsonld")
# A build whose windows are small, so a short article is loaded window by window (see kg.build).
SMALL_WINDOWS = "import sys, kg.build; kg.build.WINDOW_CHARS = 3000; kg.build.BATCH_CHARS = 3000; " \
                "from kg.cli import main; sys.exit(main(prog_name='kg'))"

pytestmark = pytest.mark.slow


def _corpus(folder: Path) -> Path:
    shutil.copytree(SEEDS, folder)
    (folder / "flood.txt").write_text(ENGLISH)
    (folder / "cafe.txt").write_text(LATIN1)
    (folder / "bridge.txt").write_text(UTF16)
    return folder


def _kg(folder: Path, out: Path, *extra: str, fault: str | None = None, script: str | None = None,
        timeout: float = 600) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "KG_FAULT"}
    env["PYTHONPATH"] = str(ROOT)
    if fault:
        env["KG_FAULT"] = fault
    head = [sys.executable, "-c", script] if script else [sys.executable, "-m", "kg"]
    command = head + ["build", str(folder), "--out", str(out), "--executor", "serial", "--batch-size", "1",
                      "--no-page", "-q", *extra]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=timeout, cwd=ROOT)


def _nquads(out: Path) -> list[str]:
    return sorted(str(q) for q in open_store(out, read_only=True).quads())


def _store_opens_for_writing(out: Path) -> int:
    store = open_store(out)
    n = len(store)
    del store  # releases the lock for the rerun
    return n


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return _corpus(tmp_path_factory.mktemp("crash") / "corpus")


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("clean")
    proc = _kg(corpus, out)
    assert proc.returncode == 0, proc.stderr
    return out


def _crash_and_recover(corpus: Path, out: Path, clean: Path, fault: str, *extra: str) -> None:
    killed = _kg(corpus, out, *extra, fault=fault)
    assert killed.returncode == -signal.SIGKILL, (fault, killed.returncode, killed.stderr)
    _store_opens_for_writing(out)
    rerun = _kg(corpus, out)
    assert rerun.returncode == 0, rerun.stderr
    assert _nquads(out) == _nquads(clean)
    for name in EXPORTS:
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name


@pytest.mark.parametrize("fault", ["build.extract:2", "store.load:3", "store.replace:1", "build.export:1"])
def test_a_build_killed_at_a_crash_point_is_finished_by_a_rerun(corpus, clean, tmp_path, fault):
    _crash_and_recover(corpus, tmp_path / "out", clean, fault)


def test_a_forced_rebuild_killed_between_drop_and_load_is_finished_by_a_rerun(corpus, clean, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(clean, out)
    _crash_and_recover(corpus, out, clean, "store.load:2", "--force")


def test_a_kill_during_export_leaves_the_previous_files_whole(corpus, clean, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(clean, out)
    (corpus.parent / "more").mkdir(exist_ok=True)
    (corpus.parent / "more" / "extra.txt").write_text(ENGLISH.replace("Marlow", "Henley"))
    before = {name: (out / name).read_bytes() for name in EXPORTS}
    killed = _kg(corpus.parent / "more", out, fault="build.export:1")
    assert killed.returncode == -signal.SIGKILL
    assert (out / "graph.ttl").read_bytes() != before["graph.ttl"]  # the first export was replaced whole
    assert (out / "graph.trig").read_bytes() == before["graph.trig"]  # the second was never touched


@pytest.mark.parametrize("delay", [1.0, 3.0, 6.0])
def test_a_build_killed_at_an_arbitrary_moment_is_finished_by_a_rerun(corpus, clean, tmp_path, delay):
    out = tmp_path / "out"
    env = {**{k: v for k, v in os.environ.items() if k != "KG_FAULT"}, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out), "--executor",
                             "serial", "--batch-size", "1", "--no-page", "-q"], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not (out / "store").exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    if (out / "store").exists():
        _store_opens_for_writing(out)
    rerun = _kg(corpus, out)
    assert rerun.returncode == 0, rerun.stderr
    assert _nquads(out) == _nquads(clean)


def test_a_huge_document_killed_between_windows_is_rebuilt_whole(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "long.txt").write_text(long_article(15_000))
    clean = tmp_path / "clean"
    assert _kg(folder, clean, script=SMALL_WINDOWS).returncode == 0
    out = tmp_path / "out"
    killed = _kg(folder, out, fault="build.extract:3", script=SMALL_WINDOWS)
    assert killed.returncode == -signal.SIGKILL
    store = open_store(out, read_only=True)
    assert len(store) > 0, "some windows were loaded before the kill"
    assert not store.select("SELECT ?d WHERE { ?d cg:sha256 ?h }"), "but the document is not sealed"
    del store
    rerun = _kg(folder, out, script=SMALL_WINDOWS)
    assert rerun.returncode == 0, rerun.stderr
    assert _nquads(out) == _nquads(clean)
