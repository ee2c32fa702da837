"""Cutting bodies into parser pieces and huge articles into windows: exact offsets, bounded sizes."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest.pieces import _BREAK, body_pieces, windows

WORDS = st.sampled_from(["alpha", "Beta", "gamma.", "delta;", "\n", "x" * 40, "end!", "“quoted.”", "", "é", "😀"])
TEXTS = st.lists(st.tuples(WORDS, st.sampled_from(["", " ", "\t", "\u00a0"])), max_size=400).map(
    lambda parts: "".join(w + s for w, s in parts)
)


def _longest_run(text: str) -> int:
    """The longest stretch of ``text`` without a sentence end."""
    last, longest = 0, 0
    for match in _BREAK.finditer(text):
        longest = max(longest, match.start() - last)
        last = match.end()
    return max(longest, len(text) - last)


def _bodies(text: str, cuts: list[int]) -> tuple[tuple[int, int], ...]:
    points = sorted({0, len(text), *(c % (len(text) + 1) for c in cuts)})
    return tuple(zip(points, points[1:]))


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.lists(st.integers(min_value=0), max_size=4), st.integers(8, 300), st.integers(20, 600))
def test_kept_runs_cover_the_body_exactly_in_bounded_pieces(text, cuts, max_run, max_chars):
    body = _bodies(text, cuts)
    pieces = list(body_pieces(text, body, max_run=max_run, max_chars=max_chars, keep_runs=True))
    covered = [(s, e) for s, e in pieces]
    assert all(s < e for s, e in covered)
    assert "".join(text[s:e] for s, e in covered) == "".join(text[s:e] for s, e in body)
    assert all(e - s <= max(max_chars, max_run) for s, e in covered)
    for s, e in pieces:
        assert _longest_run(text[s:e]) <= max_run + 3  # a cut may keep a sentence end's closing marks


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.integers(8, 300), st.integers(20, 600))
def test_without_kept_runs_only_stretches_without_a_sentence_end_are_left_out(text, max_run, max_chars):
    body = ((0, len(text)),)
    kept = list(body_pieces(text, body, max_run=max_run, max_chars=max_chars))
    assert kept == sorted(kept) and all(a[1] <= b[0] for a, b in zip(kept, kept[1:]))
    assert all(e - s <= max_chars for s, e in kept)
    left_out = []
    position = 0
    for s, e in kept + [(len(text), len(text))]:
        if s > position:
            left_out.append(text[position:s])
        position = e
    for gap in left_out:  # whatever was left out is made of stretches each longer than max_run between breaks
        last = 0
        for match in _BREAK.finditer(gap):
            assert match.start() - last > max_run, gap[:80]
            last = match.end()
        assert last == len(gap) or len(gap) - last > max_run, gap[:80]


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.integers(50, 2000))
def test_windows_hold_the_pieces_in_order_and_stay_under_their_size(text, max_chars):
    body = ((0, len(text)),)
    groups = windows(text, body, max_chars=max_chars)
    if len(text) <= max_chars:
        assert groups == [body]
        return
    flat = [span for group in groups for span in group]
    assert flat == list(body_pieces(text, body, max_chars=max_chars))
    assert all(sum(e - s for s, e in group) <= max_chars for group in groups)


def test_a_text_without_any_space_or_sentence_end_is_left_out_or_hard_cut():
    blob = "QUJD" * 5000  # 20,000 characters of base64
    text = "A short lead. " + blob
    assert list(body_pieces(text, ((0, len(text)),))) == [(0, 14)]
    cut = list(body_pieces(text, ((0, len(text)),), keep_runs=True))
    assert cut[0] == (0, 14) and cut[-1][1] == len(text)
    assert max(e - s for s, e in cut) <= 3000


def test_ordinary_prose_is_one_piece_per_body_span():
    text = "Cho spoke on Monday. " * 200 + "\n\n" + "He left; she stayed. " * 100
    body = ((0, 4200), (4202, len(text)))
    assert list(body_pieces(text, body)) == list(body)
    assert re.search(r"\S", text[4200:4202]) is None
