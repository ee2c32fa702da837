"""The `kg` command line: exit codes, one-line errors, summaries and query output."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import main


@pytest.fixture()
def runner():
    return CliRunner()


def test_build_prints_a_summary(runner, seeds_dir, tmp_path):
    result = runner.invoke(main, ["build", str(seeds_dir), "--out", str(tmp_path / "out"), "--no-page"])
    assert result.exit_code == 0, result.output
    assert "built 2 document(s)" in result.output
    assert "claims supported by 2+ publishers" in result.output
    assert "graph.trig" in result.output


def test_build_with_a_bad_input_exits_1_and_names_it(runner, seeds_dir, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(main, ["build", str(empty), str(seeds_dir), "--out", str(tmp_path / "o"), "--no-page"])
    assert result.exit_code == 1
    assert "built 2 document(s)" in result.stdout
    lines = [l for l in result.stderr.splitlines() if "empty.txt" in l]
    assert len(lines) == 1 and "Traceback" not in result.stderr


def test_bad_base_iri_is_a_usage_error(runner, seeds_dir, tmp_path):
    result = runner.invoke(main, ["build", str(seeds_dir), "--out", str(tmp_path), "--base-iri", "nope"])
    assert result.exit_code == 2
    assert "base IRI" in result.stderr


def test_query_named_json(runner, seeds_build):
    out, _ = seeds_build
    result = runner.invoke(main, ["query", str(out), "--named", "said", "--param", "name=Hong Min", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and {r["name"] for r in rows} == {"Hong Min"}


def test_query_param_in_angle_brackets_binds_an_iri(runner, seeds_build):
    out, _ = seeds_build
    first = runner.invoke(main, ["query", str(out), "SELECT ?s WHERE { ?c a cg:Claim ; rdf:subject ?s } LIMIT 1",
                                 "--format", "json"])
    subject = json.loads(first.stdout)[0]["s"]
    for fmt in ("json", "csv"):
        result = runner.invoke(main, ["query", str(out), "--named", "evidence", "--param", f"s=<{subject}>",
                                      "--format", fmt])
        assert result.exit_code == 0, result.output
        if fmt == "json":
            rows = json.loads(result.stdout)
            assert rows and {r["s"] for r in rows} == {subject}
            assert all(r["exact"] for r in rows)
    as_text = runner.invoke(main, ["query", str(out), "--named", "evidence", "--param", f"s={subject}",
                                   "--format", "json"])
    assert json.loads(as_text.stdout) == []  # a bare value is a literal, which is never a claim's subject
    bad = runner.invoke(main, ["query", str(out), "--named", "evidence", "--param", "s=<not an iri>"])
    assert bad.exit_code != 0 and "not an absolute IRI" in bad.stderr


def test_query_evidence_of_one_edge(runner, seeds_build):
    # the DESIGN question: with ?s ?p ?o bound (the bound form of evidence), the rows of that edge in the
    # whole answer, no more and no fewer
    out, _ = seeds_build
    everything = json.loads(runner.invoke(main, ["query", str(out), "--named", "evidence", "--format", "json"]).stdout)
    edge = next(r for r in everything if r["o"].startswith("https://"))  # an edge between two entities
    key = (edge["s"], edge["p"], edge["o"])
    expected = sorted(tuple(r.values()) for r in everything if (r["s"], r["p"], r["o"]) == key)
    args = ["query", str(out), "--named", "evidence", "--param", f"s=<{edge['s']}>", "--param", f"?p=<{edge['p']}>",
            "--param", f"o=<{edge['o']}>"]
    as_json = runner.invoke(main, [*args, "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    assert sorted(tuple(r.values()) for r in json.loads(as_json.stdout)) == expected and expected
    as_csv = runner.invoke(main, [*args, "--format", "csv"])
    assert as_csv.exit_code == 0 and len(as_csv.stdout.splitlines()) == len(expected) + 1


def test_query_text_and_csv(runner, seeds_build):
    out, _ = seeds_build
    result = runner.invoke(main, ["query", str(out), "SELECT (COUNT(*) AS ?n) WHERE { ?d a schema:NewsArticle }",
                                  "--format", "csv"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "n"
    assert int(result.stdout.splitlines()[1]) == 2


def test_query_errors_are_one_line(runner, seeds_build, tmp_path):
    out, _ = seeds_build
    bad = runner.invoke(main, ["query", str(out), "SELECT nonsense"])
    assert bad.exit_code == 1 and bad.stderr.count("\n") == 1 and "E300" in bad.stderr
    missing = runner.invoke(main, ["query", str(tmp_path / "none"), "--named", "support"])
    assert missing.exit_code == 1 and "E201" in missing.stderr
    unknown = runner.invoke(main, ["query", str(out), "--named", "nope"])
    assert unknown.exit_code == 1 and "support" in unknown.stderr
    both = runner.invoke(main, ["query", str(out)])
    assert both.exit_code == 2


def test_query_list(runner, seeds_build):
    out, _ = seeds_build
    result = runner.invoke(main, ["query", str(out), "--list"])
    assert result.exit_code == 0
    assert {"support", "conflicts", "said", "evidence"} <= {l.split()[0] for l in result.stdout.splitlines()}


def test_validate_accepts_the_seeds_build(runner, seeds_build):
    out, _ = seeds_build
    result = runner.invoke(main, ["validate", str(out)])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.stdout


def test_validate_reports_a_broken_graph(runner, seeds_build, tmp_path):
    import shutil

    from pyoxigraph import NamedNode, Quad

    from kg.store import open_store

    out, _ = seeds_build
    broken = tmp_path / "broken"
    shutil.copytree(out / "store", broken / "store")
    store = open_store(broken)
    g = NamedNode("http://example.org/doc")
    store.replace_graph(g, [Quad(NamedNode("http://example.org/c"), NamedNode(
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), NamedNode("https://w3id.org/claimgraph/ns#Claim"), g)])
    del store
    result = runner.invoke(main, ["validate", str(broken)])
    assert result.exit_code == 1
    assert "http://example.org/c" in result.stdout and "violation" in result.stderr


def test_a_closed_pipe_ends_quietly(seeds_build):
    """`kg query DIR ... | head -1`: when the reader goes away, no error line and exit 0, like any Unix filter."""
    import subprocess
    import sys

    out, _ = seeds_build
    proc = subprocess.Popen([sys.executable, "-m", "kg", "query", str(out), "--named", "support", "--format", "tsv"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader is gone before the first line is written: every write hits a closed pipe
    assert proc.wait(timeout=120) == 0
    assert proc.stderr.read() == b""


@pytest.fixture()
def tricky_build(tmp_path):
    """A build folder whose store holds literals with separators, quotes, line breaks and an unbound column."""
    from kg.store import open_store
    from tests.test_store_results import DATA

    store = open_store(tmp_path, create=True)
    store.update("INSERT DATA { GRAPH <http://ex/g> { " + DATA + " } }")
    del store
    return tmp_path


def _expected_values(build) -> list[list[str | None]]:
    from kg.store import open_store
    from tests.test_store_results import SELECT

    store = open_store(build, read_only=True)
    return sorted([s["o"].value, None if s["extra"] is None else s["extra"].value] for s in store.query(SELECT))


def test_query_csv_is_sparql_csv_of_the_values(runner, tricky_build):
    import csv
    import io

    from tests.test_store_results import SELECT

    result = runner.invoke(main, ["query", str(tricky_build), SELECT, "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"o,extra\r\n")
    rows = list(csv.reader(io.StringIO(result.stdout_bytes.decode("utf-8"), newline="")))
    assert rows[0] == ["o", "extra"]
    assert sorted(rows[1:]) == [[o, e or ""] for o, e in _expected_values(tricky_build)]


def test_query_tsv_and_json_keep_plain_values_and_unbound(runner, tricky_build):
    import csv
    import io

    from tests.test_store_results import SELECT

    expected = _expected_values(tricky_build)
    as_json = runner.invoke(main, ["query", str(tricky_build), SELECT, "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    assert sorted([r["o"], r["extra"]] for r in json.loads(as_json.stdout)) == expected  # null where unbound
    as_tsv = runner.invoke(main, ["query", str(tricky_build), SELECT, "--format", "tsv"])
    rows = list(csv.reader(io.StringIO(as_tsv.stdout_bytes.decode("utf-8"), newline=""), delimiter="\t"))
    assert rows[0] == ["o", "extra"] and sorted(rows[1:]) == [[o, e or ""] for o, e in expected]


def test_query_csv_of_ask_and_construct(runner, tricky_build):
    ask = runner.invoke(main, ["query", str(tricky_build), "ASK { ?s <http://ex/q> ?o }", "--format", "csv"])
    assert ask.exit_code == 0 and ask.stdout_bytes == b"ask\r\ntrue\r\n"
    construct = runner.invoke(main, ["query", str(tricky_build), "CONSTRUCT WHERE { ?s <http://ex/q> ?o }",
                                     "--format", "csv"])
    assert construct.exit_code == 0
    assert construct.stdout_bytes == b"subject,predicate,object\r\nhttp://ex/b,http://ex/q,only b\r\n"
