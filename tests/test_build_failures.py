"""Failures inside extraction never stop a build: the failing document is skipped, the others are built.

Two kinds: a pipeline component that raises on some sentence (a bug meeting odd
input), and a worker process that dies (killed for memory, or a crash in native
code), simulated with ``KG_FAULT=worker.poison`` (see :mod:`kg.faults`).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import kg.nlp.components
from kg.build import build
from kg.faults import POISON
from kg.store import open_store
from tests.bad_inputs import ENGLISH, LATIN1, UTF16

ROOT = Path(__file__).resolve().parent.parent


def _corpus(folder: Path, bad: str) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text(ENGLISH)
    (folder / "b.txt").write_text(LATIN1)
    (folder / "c.txt").write_text(UTF16)
    (folder / "d.txt").write_text(ENGLISH.replace("Marlow", "Henley").replace("The mayor said", f"{bad} The mayor"))
    return folder


def _sources(out: Path) -> list[str]:
    store = open_store(out, read_only=True)
    return sorted(Path(r["s"].value).name for r in store.select("SELECT ?s WHERE { ?d dct:source ?s }"))


def test_a_component_that_raises_costs_only_its_document(tmp_path, monkeypatch):
    real = kg.nlp.components.extract_clauses

    def exploding(sent, **kwargs):
        if "EXPLODE" in sent.text:
            raise RuntimeError("clause rules met something they cannot handle")
        return real(sent, **kwargs)

    monkeypatch.setattr(kg.nlp.components, "extract_clauses", exploding)
    folder = _corpus(tmp_path / "in", "EXPLODE now.")
    report = build([folder], tmp_path / "out", exports=(), executor="serial", batch_size=4)
    assert report.built == 3
    assert len(report.skipped) == 1 and "d.txt" in report.skipped[0] and "cannot handle" in report.skipped[0]
    assert report.skipped[0].startswith("E106")
    assert _sources(tmp_path / "out") == ["a.txt", "b.txt", "c.txt"]


def test_a_worker_that_dies_costs_only_its_document_and_the_build_goes_on(tmp_path):
    folder = _corpus(tmp_path / "in", POISON)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KG_FAULT": "worker.poison"}
    command = [sys.executable, "-m", "kg", "build", str(folder), "--out", str(out), "--executor", "processes",
               "--workers", "2", "--batch-size", "2", "--no-page"]
    proc = subprocess.run(command, capture_output=True, text=True, env=env, timeout=900, cwd=ROOT)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    [line] = proc.stderr.splitlines()
    assert line.startswith("kg: skipped: E106") and "d.txt" in line and "worker process died" in line
    assert "built 3 document(s)" in proc.stdout
    assert _sources(out) == ["a.txt", "b.txt", "c.txt"]
    del env["KG_FAULT"]
    rerun = subprocess.run(command, capture_output=True, text=True, env=env, timeout=900, cwd=ROOT)
    assert rerun.returncode == 0, rerun.stderr
    assert _sources(out) == ["a.txt", "b.txt", "c.txt", "d.txt"]
