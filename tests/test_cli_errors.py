"""Every user error through the real command line: one line on stderr naming the file, no traceback.

Runs ``python -m kg ...`` in a subprocess (not CliRunner), so what is checked is
what a user sees: the exit code and the bytes on stderr. ``--debug`` shows the
traceback instead.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ENV = {**{k: v for k, v in os.environ.items() if k != "KG_FAULT"}, "PYTHONPATH": str(ROOT)}


@pytest.fixture(scope="module")
def place(tmp_path_factory, seeds_build) -> Path:
    """A folder holding a good build (``good/``) and one bad thing of each kind."""
    root = tmp_path_factory.mktemp("errors")
    (root / "good").symlink_to(seeds_build[0])
    (root / "a-file").write_text("not a folder")
    (root / "corrupt" / "store").mkdir(parents=True)
    (root / "corrupt" / "store" / "CURRENT").write_text("junk\n")
    (root / "empty.txt").write_bytes(b"")
    (root / "paper.txt").write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    (root / "feed.jsonl").write_text('{"text": "Kim spoke to the soldiers on Monday, the agency said."}\n{oops\n')
    (root / "bad.rq").write_text("SELEC ?x WHERE {}")
    (root / "odd\nname.txt").write_bytes(b"")
    return root


# (arguments, exit code, what the one line on stderr must contain); {root} is the fixture folder.
CASES = [
    (["build", "{root}/missing.txt", "--out", "{root}/o1"], 1, ["E100", "{root}/missing.txt", "no such file"]),
    (["build", "{root}/empty.txt", "--out", "{root}/o2"], 1, ["E101", "{root}/empty.txt", "empty file"]),
    (["build", "{root}/paper.txt", "--out", "{root}/o3"], 1, ["E101", "{root}/paper.txt", "binary file (PDF"]),
    (["build", "{root}/odd\nname.txt", "--out", "{root}/o4"], 1, ["E101", "{root}/odd\\nname.txt", "empty"]),
    (["build", "{root}/empty.txt", "--out", "{root}/a-file/sub"], 1,
     ["E202", "{root}/a-file/sub", "cannot create the build folder"]),
    (["build", "{root}/empty.txt", "--out", "{root}/corrupt"], 1,
     ["E202", "{root}/corrupt/store", "cannot be opened", "Corruption"]),
    (["query", "{root}/nowhere", "SELECT * WHERE { ?s ?p ?o }"], 1, ["E201", "{root}/nowhere", "kg build"]),
    (["query", "{root}/corrupt", "SELECT * WHERE { ?s ?p ?o }"], 1, ["E202", "{root}/corrupt/store"]),
    (["query", "{root}/good", "SELEC ?x"], 1, ["E300", "query failed"]),
    (["query", "{root}/good", "--file", "{root}/bad.rq"], 1, ["E300", "query failed"]),
    (["query", "{root}/good", "--named", "gossip"], 1, ["E301", "'gossip'", "support"]),
    (["openie", "{root}/missing.txt"], 1, ["E100", "{root}/missing.txt"]),
    (["build", "{root}/empty.txt", "--out", "{root}/o5", "--base-iri", "http://ex.org/a b/"], 2, ["base IRI"]),
    (["build", "{root}/empty.txt", "--out", "{root}/a-file"], 2, ["{root}/a-file", "is a file"]),
    (["query", "{root}/good", "--file", "{root}/missing.rq"], 2, ["{root}/missing.rq"]),
    (["query", "{root}/good", "--named", "said", "--param", "oops"], 2, ["NAME=VALUE"]),
    (["build", "--out", "{root}/o6"], 2, ["INPUTS"]),
]


def _run(args: list[str], *, debug: bool = False) -> subprocess.CompletedProcess:
    head = [sys.executable, "-m", "kg"] + (["--debug"] if debug else [])
    return subprocess.run(head + args, capture_output=True, text=True, env=ENV, timeout=300, cwd=ROOT)


def _fill(items: list[str], root: Path) -> list[str]:
    return [item.replace("{root}", str(root)) for item in items]


@pytest.mark.parametrize(("args", "code", "needles"), CASES, ids=[" ".join(c[0][:2]) + f" #{i}" for i, c in
                                                                  enumerate(CASES)])
def test_each_user_error_is_one_clear_line(place, args, code, needles):
    proc = _run(_fill(args, place))
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    if code == 1:
        assert len(lines) == 1, proc.stderr
        assert lines[0].startswith(("kg: error: ", "kg: skipped: "))
    text = proc.stderr.replace("\n", " ") if code == 2 else lines[0]
    for needle in _fill(needles, place):
        assert needle in text, (needle, proc.stderr)


def test_a_jsonl_error_names_the_line(place, tmp_path):
    proc = _run(["build", str(place / "feed.jsonl"), "--out", str(tmp_path / "o"), "--executor", "serial",
                 "--no-page"])
    assert proc.returncode == 1
    [line] = proc.stderr.splitlines()
    assert line.startswith(f"kg: skipped: E103 {place / 'feed.jsonl'}:2: not valid JSON")
    assert "built 1 document(s)" in proc.stdout


@pytest.mark.parametrize("index", [6, 8, 11])
def test_debug_shows_the_traceback(place, index):
    args, code, _ = CASES[index]
    proc = _run(_fill(args, place), debug=True)
    assert proc.returncode == 1
    assert "Traceback (most recent call last)" in proc.stderr
    assert "kg.errors." in proc.stderr
