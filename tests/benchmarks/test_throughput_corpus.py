"""The throughput corpus: every ECB+ article once, and copies with their own content hashes."""

from __future__ import annotations

import hashlib
import json

from benchmarks.throughput.corpus import read_records, write_corpus
from tests.benchmarks.test_ecbplus_corpus import _real_corpus


def test_every_article_becomes_one_untitled_record_and_copies_differ(tmp_path):
    records = read_records(_real_corpus())
    assert len(records) > 700 and all(r["text"].strip() and "title" not in r for r in records)
    path = write_corpus(records[:5], tmp_path / "x.jsonl", copies=2)
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(texts) == 10
    assert len({hashlib.sha256(t.encode()).hexdigest() for t in texts}) == 10
