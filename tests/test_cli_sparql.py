"""The thin CLI commands over export, serve and push."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from tests.fixtures import fresh_build, sample_build, sample_quads  # noqa: F401
from tests.test_push import oxigraph_server  # noqa: F401

N_QUADS = len(sample_quads())
N_TRIPLES = len({q.triple for q in sample_quads()})


def test_export_writes_the_default_files(fresh_build):
    result = CliRunner().invoke(main, ["export", str(fresh_build)])
    assert result.exit_code == 0, result.output
    for name, count in (("graph.ttl", N_TRIPLES), ("graph.trig", N_QUADS), ("graph.nq", N_QUADS),
                        ("graph.jsonld", N_QUADS)):
        assert (fresh_build / name).is_file()
        assert f"{fresh_build / name}: {count} " in result.output


def test_export_one_format_to_a_file(sample_build, tmp_path):
    target = tmp_path / "dump.nt"
    result = CliRunner().invoke(main, ["export", str(sample_build), "-f", "application/n-triples", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert len(list(ox.parse(path=str(target), format=ox.RdfFormat.N_TRIPLES))) == N_TRIPLES


@pytest.mark.parametrize("fmt", ["trig", "jsonld", "nq", "ttl"])
def test_export_to_stdout_streams_the_bytes_of_the_file_export(fresh_build, fmt):
    """``-o -`` writes to stdout, a real pipe here: the cached pieces a first export left are copied into it."""
    import subprocess
    import sys

    first = CliRunner().invoke(main, ["export", str(fresh_build)])  # writes the files and caches the pieces
    assert first.exit_code == 0, first.output
    done = subprocess.run([sys.executable, "-m", "kg", "export", str(fresh_build), "-f", fmt, "-o", "-"],
                          capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (fresh_build / f"graph.{fmt}").read_bytes()
    assert done.stderr.decode().startswith("-: ") and not (fresh_build / "-").exists()


def test_export_errors_are_one_line(sample_build, tmp_path):
    result = CliRunner().invoke(main, ["export", str(sample_build), "-f", "rdfxml"])
    assert result.exit_code == 1
    assert result.output.startswith("kg: error: E400 unknown format 'rdfxml'; known: jsonld")
    assert "Traceback" not in result.output
    result = CliRunner().invoke(main, ["export", str(tmp_path / "none")])
    assert result.exit_code == 1 and "E201" in result.output
    result = CliRunner().invoke(main, ["export", str(sample_build), "-f", "ttl", "-f", "nq", "-o", "x"])
    assert result.exit_code == 2


def test_serve_defaults_to_loopback_and_prints_a_generated_token(sample_build, monkeypatch):
    calls = {}

    def fake_run(app, host, port, log_level):
        calls.update(app=app, host=host, port=port)

    import uvicorn

    monkeypatch.setattr(uvicorn, "run", fake_run)
    result = CliRunner().invoke(main, ["serve", str(sample_build), "--allow-update", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert calls["host"] == "127.0.0.1" and calls["port"] == 8123
    token = result.output.split("Bearer ...'): ", 1)[1].split()[0]
    service = calls["app"].state.service
    assert service.allow_update and service.token == token and len(token) >= 24
    service.close()
    result = CliRunner().invoke(main, ["serve", str(sample_build)], env={"KG_SERVE_PORT": "8124"})
    assert result.exit_code == 0 and calls["port"] == 8124 and not calls["app"].state.service.allow_update
    calls["app"].state.service.close()


def test_serve_without_a_build_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["serve", str(tmp_path)])
    assert result.exit_code == 1 and "E201" in result.output and "Traceback" not in result.output


@pytest.mark.server
def test_push_with_the_endpoint_from_the_environment(sample_build, oxigraph_server):
    result = CliRunner().invoke(main, ["push", str(sample_build)], env={"KG_PUSH_ENDPOINT": f"{oxigraph_server}/query"})
    assert result.exit_code == 0, result.output
    assert f"pushed 3 graphs, {N_QUADS} triples to {oxigraph_server}/store" in result.output
    assert "remote counts match" in result.output


def test_push_bad_credentials_are_a_usage_error(sample_build):
    result = CliRunner().invoke(main, ["push", str(sample_build), "--endpoint", "http://127.0.0.1:9/query",
                                       "--auth", "nocolon"])
    assert result.exit_code == 2 and "bearer:TOKEN" in result.output and "nocolon" not in result.output


def test_push_connection_failure_is_one_line(sample_build):
    result = CliRunner().invoke(main, ["push", str(sample_build), "--endpoint", "http://127.0.0.1:9/query"])
    assert result.exit_code == 1
    assert result.output.startswith("kg: error: E500 http://127.0.0.1:9/store")
