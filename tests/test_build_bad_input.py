"""Bad and odd input through the whole pipeline: the batch goes on, the report says what was skipped and why."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build import build
from kg.cli import main
from kg.store import open_store
from tests.bad_inputs import ENGLISH, GERMAN, RUN, make_bad_corpus

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad") / "corpus"
    cases = make_bad_corpus(folder)
    out = tmp_path_factory.mktemp("bad-out")
    report = build([folder], out, exports=("ttl", "trig"), executor="serial")
    return folder, cases, out, report


def _sources(out: Path) -> set[str]:
    store = open_store(out, read_only=True)
    return {r["s"].value for r in store.select("SELECT ?s WHERE { ?d a schema:NewsArticle ; dct:source ?s }")}


def test_every_good_input_is_built_and_the_batch_goes_on(bad_build):
    folder, cases, out, report = bad_build
    expected = {str(folder / c.name) for c in cases if c.outcome == "built"}
    expected = {e if not e.endswith("feed.jsonl") else e + ":1" for e in expected} | {str(folder / "feed.jsonl:6")}
    assert _sources(out) == expected
    assert report.built == len(expected)
    assert not report.ok


@pytest.mark.parametrize("outcome", ["skipped", "left_out"])
def test_each_skipped_or_left_out_input_is_listed_once_with_its_reason(bad_build, outcome):
    folder, cases, _, report = bad_build
    lines = report.skipped if outcome == "skipped" else report.left_out
    wanted = [c for c in cases if c.outcome == outcome]
    assert len(lines) == len(wanted)
    for case in wanted:
        named = [line for line in lines if f"{folder / case.name}:" in line]
        assert len(named) == 1, (case, lines)
        assert case.reason in named[0], named[0]


def test_duplicates_and_unread_types_are_warnings(bad_build):
    folder, cases, _, report = bad_build
    for case in (c for c in cases if c.outcome == "warned"):
        assert any(str(folder / case.name) in w and case.reason in w for w in report.warnings), case


def test_texts_are_decoded_and_scripts_and_navigation_never_become_claims(bad_build):
    folder, _, out, _ = bad_build
    store = open_store(out, read_only=True)
    texts = {p.read_text(encoding="utf-8") for p in (out / "texts").glob("*.txt")}
    assert any("café Zoë in Nîmes" in t for t in texts)  # Latin-1
    assert any("Engineers closed the old bridge over the Severn" in t for t in texts)  # UTF-16 with BOM
    assert any("\ufffd" in t and "Police arrested two men" in t for t in texts)  # a lone surrogate in JSON
    exacts = [r["x"].value for r in store.select("SELECT ?x WHERE { ?q oa:exact ?x }")]
    assert any("Dock workers in Felixstowe" in x for x in exacts)
    for junk in ("Evil Corp", "the script said", "footer script", "Subscribe", "Sport", "color: red"):
        assert not any(junk in x for x in exacts), junk


def test_every_quote_is_the_text_at_its_offsets(bad_build):
    _, _, out, _ = bad_build
    store = open_store(out, read_only=True)
    rows = store.select("""SELECT ?sha ?s ?e ?x WHERE { ?t oa:hasSource ?d ; oa:hasSelector ?p , ?q .
        ?d cg:sha256 ?sha . ?p oa:start ?s ; oa:end ?e . ?q oa:exact ?x }""")
    assert rows
    texts: dict[str, str] = {}
    for row in rows:
        sha = row["sha"].value
        text = texts.setdefault(sha, (out / "texts" / f"{sha}.txt").read_text(encoding="utf-8"))
        assert text[int(row["s"].value) : int(row["e"].value)] == row["x"].value


def test_a_stretch_without_sentence_ends_is_not_parsed_but_the_prose_around_it_is(bad_build):
    folder, _, out, _ = bad_build
    store = open_store(out, read_only=True)
    source = str(folder / "long-run.txt")
    text = (folder / "long-run.txt").read_text()
    start = text.index(RUN)
    rows = store.select(f"""SELECT ?s ?e WHERE {{ ?d dct:source "{source}" . ?t oa:hasSource ?d ;
        oa:hasSelector ?p . ?p oa:start ?s ; oa:end ?e }}""")
    spans = [(int(r["s"].value), int(r["e"].value)) for r in rows]
    assert spans and any(e <= start for s, e in spans) and any(s >= start + len(RUN) for s, e in spans)
    assert not any(s < start + len(RUN) and e > start for s, e in spans)  # nothing quoted from the run


def test_only_english_documents_are_built_and_left_out_ones_do_not_fail_the_build(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "en.txt").write_text(ENGLISH)
    (tmp_path / "in" / "de.txt").write_text(GERMAN)
    (tmp_path / "in" / "copy.txt").write_text(ENGLISH)
    result = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "o"), "--no-page",
                                       "--executor", "serial"])
    assert result.exit_code == 0, result.output
    assert "built 1 document(s)" in result.stdout
    assert "left out 1 document(s) not in English" in result.stdout
    assert any("de.txt" in line and "'de'" in line and "warning" in line for line in result.stderr.splitlines())


def test_the_cli_lists_every_skipped_input_on_one_line_and_exits_1(bad_build, tmp_path):
    folder, cases, _, _ = bad_build
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(folder), "--out", str(tmp_path / "o"),
                           "--executor", "serial", "--no-page"], capture_output=True, text=True, env=env,
                          timeout=600, cwd=ROOT)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert all(line.startswith("kg: ") for line in lines)
    for case in cases:
        if case.outcome in ("skipped", "left_out", "warned"):
            assert sum(f"{folder / case.name}:" in line for line in lines) == 1, case
    skipped = sum(c.outcome == "skipped" for c in cases)
    left_out = sum(c.outcome == "left_out" for c in cases)
    assert f"skipped {skipped} input(s) that could not be read or extracted, left out {left_out}" in proc.stdout
