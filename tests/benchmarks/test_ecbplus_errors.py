"""The within-document error analysis of ECB+ builds (benchmarks/ecbplus/errors.py)."""

from __future__ import annotations

import doctest

import pytest

from benchmarks.ecbplus import errors
from benchmarks.ecbplus.errors import LinkedMention, antecedent_errors, main, mention_kind


def test_docstring_examples():
    result = doctest.testmod(errors, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


def _m(i, doc, kind, gold, entity, cluster=None):
    return LinkedMention(i, doc, kind, f"text {i}", gold, entity, cluster or entity)


def test_a_link_in_another_document_is_no_antecedent():
    report = antecedent_errors([_m("a", "d1", "name", "g1", "e:x"), _m("b", "d2", "pron", "g1", "e:x")])
    assert report.needs["pron"] == 0
    assert report.wrong["pron"] == 0


def test_a_mention_with_no_system_mention_is_missed_never_wrong():
    report = antecedent_errors([_m("a", "d1", "name", "g1", "e:x"), _m("b", "d1", "nom", "g1", None)])
    assert (report.needs["nom"], report.missed["nom"], report.recovered["nom"], report.wrong["nom"]) == (1, 1, 0, 0)
    assert report.examples[("missed", "nom")] == ["d1: 'text b' [None] <- 'text a' [e:x]"]


def test_a_link_to_one_right_antecedent_among_wrong_ones_is_not_wrong():
    report = antecedent_errors([_m("a", "d1", "name", "g1", "e:x"), _m("b", "d1", "name", "g2", "e:x"),
                                _m("c", "d1", "pron", "g1", "e:x")])
    assert report.missed["pron"] == 0 and report.wrong["pron"] == 0
    assert report.wrong["name"] == 1


def test_the_table_lists_every_kind_seen():
    report = antecedent_errors([_m("a", "d1", "name", "g1", "e:x"), _m("b", "d1", "time", "g2", "e:x")])
    assert "| time | 0 | 0 | 0 | 1 |" in report.table()


@pytest.mark.parametrize("head, tag, first, words, kind", [
    ("They", "HUMAN_PART_GPE", True, 1, "pron"),
    ("Gunman", "HUMAN_PART_PER", True, 1, "nom"),
    ("Gunman", "HUMAN_PART_PER", False, 1, "name"),
    ("Vincent", "HUMAN_PART_PER", True, 2, "name"),
])
def test_mention_kinds(head, tag, first, words, kind):
    assert mention_kind(head, tag, opens_sentence=first, words=words) == kind


def test_a_work_folder_without_builds_is_an_error(tmp_path, capsys):
    assert main(["--work", str(tmp_path), "--topics", "2"]) == 1
    assert "no build of topic 2" in capsys.readouterr().err


def test_a_missing_corpus_is_a_clear_error(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ECBPLUS_DIR", str(tmp_path / "nowhere"))
    assert main(["--work", str(tmp_path), "--topics", "2"]) == 1
    assert "E101" in capsys.readouterr().err


def test_topics_that_are_not_numbers_are_refused(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--work", str(tmp_path), "--topics", "two"])
    assert exit_.value.code == 2
    assert "must be numbers or dev, train, other" in capsys.readouterr().err


def test_topics_take_set_names_and_numbers_each_once():
    from benchmarks.ecbplus.corpus import DEV_TOPICS, OTHER_TOPICS, TRAIN_TOPICS
    from benchmarks.ecbplus.run import _topics

    assert _topics("train,3,dev") == [*TRAIN_TOPICS, *DEV_TOPICS]
    assert _topics(" Other ") == list(OTHER_TOPICS)
    # the three sets are disjoint: no topic is scored as both tuned and untuned
    assert not (set(DEV_TOPICS) & set(TRAIN_TOPICS) or set(OTHER_TOPICS) & (set(DEV_TOPICS) | set(TRAIN_TOPICS)))


@pytest.mark.parametrize("tool", ["errors", "bykind"])
def test_a_kept_build_that_holds_no_store_is_one_line_of_error(tmp_path, capsys, monkeypatch, tool):
    # (a build that stopped before it wrote its store: told before spaCy loads, once, not as a traceback)
    import importlib

    (tmp_path / "corpus" / "ECB+").mkdir(parents=True)
    monkeypatch.setenv("ECBPLUS_DIR", str(tmp_path / "corpus"))
    (tmp_path / "work" / "topic-2" / "build").mkdir(parents=True)
    main_of = importlib.import_module(f"benchmarks.ecbplus.{tool}").main
    assert main_of(["--work", str(tmp_path / "work"), "--topics", "2"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ") and "topic 2" in err and "no store" in err
