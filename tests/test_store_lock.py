"""One writer per build folder, across processes: a second `kg build` refuses (E200) or waits; queries read on.

RocksDB's lock file lets one process open a store for writing. `kg build` opens
the store before it reads or writes anything else, so a second build on the same
folder never interleaves with the first: it stops at once with E200, or with
``--wait SECONDS`` it waits for the lock. `kg query` opens the store read-only,
which works while a build runs and sees every document committed so far.
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

from kg.errors import StoreError
from kg.store import open_store
from tests.bad_inputs import ENGLISH

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ENV = {**{k: v for k, v in os.environ.items() if k != "KG_FAULT"}, "PYTHONPATH": str(ROOT)}
HOLDER = """
import sys, time
from kg.store import open_store
store = open_store(sys.argv[1], create=True)
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
"""


def _kg(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, env=ENV,
                          timeout=timeout, cwd=ROOT)


def _holder(out: Path, seconds: float) -> subprocess.Popen:
    """Another process that holds the store of ``out`` for writing for ``seconds``."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(out), str(seconds)], stdout=subprocess.PIPE,
                            text=True, env=ENV, cwd=ROOT)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def _one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


@pytest.fixture()
def article(tmp_path) -> Path:
    path = tmp_path / "flood.txt"
    path.write_text(ENGLISH)
    return path


def test_a_second_writer_is_refused_with_a_clear_message(tmp_path, article):
    out = tmp_path / "out"
    holder = _holder(out, 60)
    try:
        proc = _kg("build", str(article), "--out", str(out), "--executor", "serial", timeout=120)
    finally:
        holder.kill()
        holder.wait()
    assert proc.returncode == 1
    line = _one_error_line(proc.stderr)
    assert line.startswith(f"kg: error: E200 {out / 'store'}: the store is in use by another process")
    assert "--wait SECONDS" in line


def test_a_writer_with_wait_gets_the_store_when_the_other_lets_go(tmp_path, article):
    out = tmp_path / "out"
    holder = _holder(out, 2)
    proc = _kg("build", str(article), "--out", str(out), "--executor", "serial", "--wait", "120", "--no-page")
    holder.wait()
    assert proc.returncode == 0, proc.stderr
    assert "built 1 document(s)" in proc.stdout


def test_a_writer_gives_up_when_the_wait_runs_out(tmp_path, article):
    out = tmp_path / "out"
    holder = _holder(out, 60)
    try:
        proc = _kg("build", str(article), "--out", str(out), "--executor", "serial", "--wait", "1", timeout=120)
    finally:
        holder.kill()
        holder.wait()
    assert proc.returncode == 1
    assert "still locked after waiting 1 s" in _one_error_line(proc.stderr)


def test_the_library_waits_and_refuses_the_same_way(tmp_path):
    holder = _holder(tmp_path, 60)
    try:
        start = time.monotonic()
        with pytest.raises(StoreError) as info:
            open_store(tmp_path, wait=0.5)
        assert info.value.code == "E200" and time.monotonic() - start >= 0.5
        assert len(open_store(tmp_path, read_only=True)) == 0  # reading is never refused
    finally:
        holder.kill()
        holder.wait()


def _wait_for_lock(out: Path, proc: subprocess.Popen) -> None:
    """Wait until ``proc`` has the store's lock file open (RocksDB locks it right after opening it)."""
    lock = str((out / "store" / "LOCK").resolve())
    deadline = time.monotonic() + 120
    while True:
        assert proc.poll() is None and time.monotonic() < deadline, "the build ended before taking the lock"
        fds = Path(f"/proc/{proc.pid}/fd")
        try:
            if any(os.readlink(fd) == lock for fd in fds.iterdir()):
                break
        except OSError:  # a descriptor closed while we looked
            pass
        time.sleep(0.02)
    time.sleep(0.3)


def test_two_builds_on_one_folder_never_interleave_and_queries_work_meanwhile(tmp_path, seeds_build):
    out = tmp_path / "out"
    shutil.copytree(seeds_build[0], out)  # a finished build of the seeds
    more = tmp_path / "more"
    more.mkdir()
    for n, town in enumerate(["Henley", "Goring", "Pangbourne"]):
        (more / f"{n}.txt").write_text(ENGLISH.replace("Marlow", town))
    first = subprocess.Popen([sys.executable, "-m", "kg", "build", str(more), "--out", str(out), "--executor",
                              "serial", "--no-page", "-q"], env=ENV, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for_lock(out, first)
        first.send_signal(signal.SIGSTOP)  # frozen while it holds the lock: the worst moment for a second build
        second = _kg("build", str(more), "--out", str(out), "--executor", "serial", "--no-page", timeout=120)
        assert second.returncode == 1 and "E200" in _one_error_line(second.stderr)
        query = _kg("query", str(out), "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a schema:NewsArticle }",
                    "--format", "csv", timeout=120)
        assert query.returncode == 0, query.stderr
        assert int(query.stdout.splitlines()[1]) >= 2  # at least what was committed before the build started
        waiting = subprocess.Popen([sys.executable, "-m", "kg", "build", str(SEEDS), "--out", str(out), "--executor",
                                    "serial", "--no-page", "-q", "--wait", "300"], env=ENV, cwd=ROOT,
                                   stderr=subprocess.PIPE, text=True)
        time.sleep(1.0)
        assert waiting.poll() is None, "the waiting build neither failed nor ran while the lock is held"
    finally:
        first.send_signal(signal.SIGCONT)
    assert first.wait(timeout=600) == 0, first.stderr.read()
    assert waiting.wait(timeout=600) == 0, waiting.stderr.read()
    store = open_store(out, read_only=True)
    assert len(store.select("SELECT DISTINCT ?d WHERE { ?d a schema:NewsArticle }")) == 5
