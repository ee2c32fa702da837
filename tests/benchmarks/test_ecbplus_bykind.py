"""Scores restricted to one kind of gold mention (benchmarks/ecbplus/bykind.py)."""

from __future__ import annotations

from benchmarks.ecbplus.bykind import restricted_scores
from benchmarks.ecbplus.scorer import evaluate


def test_a_kind_is_scored_on_its_own_mentions_only():
    # one gold chain of two people and one of two places; the system puts a person and a place together
    gold = {"p1": "P", "p2": "P", "l1": "L", "l2": "L"}
    system = {"p1": "s1", "p2": "s2", "l1": "s1", "l2": "s3"}
    baseline = {"p1": "b", "p2": "b", "l1": "c", "l2": "c"}
    kinds = {"p1": "HUMAN", "p2": "HUMAN", "l1": "LOC", "l2": "LOC"}
    rows = {r.kind: r for r in restricted_scores(gold, system, baseline, kinds.__getitem__)}
    assert sorted(rows) == ["HUMAN", "LOC"]
    human = rows["HUMAN"]
    assert (human.mentions, human.chains) == (2, 1)
    # restricted to the people, the cross-kind link is gone: the system split the one chain in two
    assert human.system == evaluate({"p1": "P", "p2": "P"}, {"p1": "s1", "p2": "s2"})
    assert human.system.muc.recall == 0.0 and human.baseline.conll == 1.0



def test_a_missing_corpus_is_a_clear_error(tmp_path, capsys, monkeypatch):
    from benchmarks.ecbplus.bykind import main

    monkeypatch.setenv("ECBPLUS_DIR", str(tmp_path / "nowhere"))
    assert main(["--work", str(tmp_path)]) == 1
    assert "E101" in capsys.readouterr().err
