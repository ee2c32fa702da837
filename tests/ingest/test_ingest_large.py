"""Large inputs: size limit, a 20 MB article and a huge line without punctuation keep exact offsets."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.ingest import read_document
from kg.ingest.files import read_bytes

PARAGRAPH = "The North has reportedly sent 15,000 soldiers to fight in the conflict since last autumn, officials said."


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 2048)
    assert read_bytes(path, limit=2048) == b"x" * 2048
    with pytest.raises(InputError) as info:
        read_bytes(path, limit=1024)
    assert info.value.code == "E101" and "too large" in str(info.value)


@pytest.mark.slow
def test_a_20_mb_article_keeps_every_paragraph_at_its_offset(tmp_path):
    count = 20_000_000 // (len(PARAGRAPH) + 2)
    text = "Big article\n\n" + "\n\n".join(f"{PARAGRAPH[:-1]} ({n})." for n in range(count)) + "\n\n4 Responses\n\nNice!\n"
    path = tmp_path / "big.txt"
    path.write_text(text)
    doc = read_document(path)
    assert len(doc.text) > 20_000_000 and doc.title == "Big article"
    assert len(doc.body) == count
    for n in (0, count // 2, count - 1):
        start, end = doc.body[n]
        assert doc.text[start:end] == f"{PARAGRAPH[:-1]} ({n})."


def test_a_huge_line_without_punctuation_is_one_span(tmp_path):
    text = "word " * 400_000
    path = tmp_path / "line.txt"
    path.write_text(text)
    doc = read_document(path)
    assert doc.body == ((0, len(text) - 1),)
