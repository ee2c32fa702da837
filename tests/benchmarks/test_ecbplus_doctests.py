"""Run the >>> examples of the ECB+ harness (pytest's --doctest-modules covers only kg/)."""

from __future__ import annotations

import doctest

import pytest

from benchmarks.ecbplus import baseline, bykind, corpus, mapping, scorer


@pytest.mark.parametrize("module", [corpus, scorer, baseline, mapping, bykind], ids=lambda m: m.__name__)
def test_docstring_examples(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
