"""Union exports (Turtle, N-Triples) of a graph bigger than one in-memory run: same bytes, bounded memory."""

from __future__ import annotations

import pytest

import kg.export.formats as formats
from kg.export.formats import write_export


@pytest.mark.parametrize("fmt", ["ttl", "nt"])
def test_spilling_to_sorted_runs_writes_the_same_file(seeds_store, tmp_path, monkeypatch, fmt):
    in_memory = write_export(seeds_store, fmt, tmp_path / f"memory.{fmt}")
    spilled_runs = []
    real_write_run = formats._write_run

    def counting_write_run(lines, path):
        spilled_runs.append(len(lines))
        return real_write_run(lines, path)

    monkeypatch.setattr(formats, "_RUN_LINES", 300)  # a run closes after the graph that passes 300 lines
    monkeypatch.setattr(formats, "_write_run", counting_write_run)
    spilled = write_export(seeds_store, fmt, tmp_path / f"spilled.{fmt}")
    assert len(spilled_runs) >= 2 and max(spilled_runs) < in_memory.count  # whole graphs per run, several runs
    assert spilled.count == in_memory.count
    assert (tmp_path / f"spilled.{fmt}").read_bytes() == (tmp_path / f"memory.{fmt}").read_bytes()
