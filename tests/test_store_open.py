"""A read-only open tries again when it races the writer's compaction, and only then.

RocksDB's read-only open reads the list of table files and then opens them; a compaction finishing in
between deletes one, and the open fails with "Corruption ... .sst: No such file or directory" on a sound
store. The race itself is hard to force in a test, so these tests make pyoxigraph's open (as kg/store.py
calls it) fail that way, and check that a store really missing a table file, or otherwise damaged, still
fails with E202.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pyoxigraph as ox
import pytest

from kg import store as store_module
from kg.errors import StoreError
from kg.store import READ_ONLY_OPEN_TRIES, Store

QUAD = ox.Quad(ox.NamedNode("http://ex/s"), ox.NamedNode("http://ex/p"), ox.Literal("x"), ox.NamedNode("http://ex/g"))


def _race_message(path: Path) -> str:
    return (f"Corruption: Corruption: IO error: No such file or directory: While open a file for random read: "
            f"{path}/000051.sst: No such file or directory  The file {path}/MANIFEST-000005 may be corrupted.")


@pytest.fixture
def built(tmp_path) -> Path:
    path = tmp_path / "store"
    store = Store(path)
    store.add_quads([QUAD])
    store.flush()
    del store
    return path


@pytest.fixture
def sleeps(monkeypatch) -> list[float]:
    slept: list[float] = []
    monkeypatch.setattr(store_module.time, "sleep", slept.append)
    return slept


def _patch_open(monkeypatch, fail) -> list[str]:
    """Make kg.store's ``ox.Store.read_only`` call ``fail(path, n)`` first (n counts calls); it may raise."""
    calls: list[str] = []

    def read_only(path: str) -> ox.Store:
        calls.append(path)
        fail(path, len(calls))
        return ox.Store.read_only(path)

    fake_store = SimpleNamespace(read_only=read_only)
    monkeypatch.setattr(store_module, "ox", SimpleNamespace(**{**vars(ox), "Store": fake_store}))
    return calls


def test_a_read_only_open_racing_compaction_is_tried_again(built, monkeypatch, sleeps):
    def fail(path, n):
        if n < 3:
            raise RuntimeError(_race_message(built))

    calls = _patch_open(monkeypatch, fail)
    reader = Store(built, read_only=True)
    assert len(calls) == 3
    assert sleeps == sorted(sleeps) and len(sleeps) == 2 and sleeps[1] > sleeps[0] > 0  # a short backoff
    assert list(reader.quads()) == [QUAD]


def test_a_race_that_never_ends_is_still_an_error_after_a_few_tries(built, monkeypatch, sleeps):
    def fail(path, n):
        raise RuntimeError(_race_message(built))

    calls = _patch_open(monkeypatch, fail)
    with pytest.raises(StoreError) as caught:
        Store(built, read_only=True)
    assert caught.value.code == "E202" and "cannot be opened" in str(caught.value) and ".sst" in str(caught.value)
    assert len(calls) == READ_ONLY_OPEN_TRIES and len(sleeps) == READ_ONLY_OPEN_TRIES - 1
    assert sum(sleeps) < 2


@pytest.mark.parametrize("message", ["Corruption: CURRENT file corrupted",
                                     "Corruption: block checksum mismatch: stored = 1, computed = 2 in 000009.sst",
                                     "IO error: No such file or directory: While opening a file for sequentially "
                                     "reading: /s/CURRENT: No such file or directory"])
def test_other_failures_of_a_read_only_open_are_not_retried(built, monkeypatch, sleeps, message):
    def fail(path, n):
        raise RuntimeError(message)

    calls = _patch_open(monkeypatch, fail)
    with pytest.raises(StoreError) as caught:
        Store(built, read_only=True)
    assert caught.value.code == "E202" and message.splitlines()[0] in str(caught.value)
    assert len(calls) == 1 and sleeps == []


def test_a_writable_open_is_not_retried(built, monkeypatch, sleeps):
    # only readers race a compaction they do not run; the writer's own open failing that way is real
    def always_race(path: str) -> ox.Store:
        raise RuntimeError(_race_message(built))

    monkeypatch.setattr(store_module, "ox", SimpleNamespace(**{**vars(ox), "Store": always_race}))
    with pytest.raises(StoreError) as caught:
        Store(built)
    assert caught.value.code == "E202" and sleeps == []


def test_a_store_really_missing_a_table_file_fails_after_the_tries(built, sleeps):
    # the real RocksDB error of a table file gone for good: retried (it looks like the race), then E202
    table = sorted(built.glob("*.sst"))
    assert table, "the flushed store has table files"
    for file in table:
        file.unlink()
    with pytest.raises(StoreError) as caught:
        Store(built, read_only=True)
    assert caught.value.code == "E202" and "Corruption" in str(caught.value) and ".sst" in str(caught.value)
    assert len(sleeps) == READ_ONLY_OPEN_TRIES - 1


def test_a_damaged_store_fails_at_once(tmp_path, sleeps):
    path = tmp_path / "store"
    path.mkdir()
    (path / "CURRENT").write_text("junk\n")
    with pytest.raises(StoreError) as caught:
        Store(path, read_only=True)
    assert caught.value.code == "E202" and "Corruption" in str(caught.value)
    assert sleeps == []
