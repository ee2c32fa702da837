"""Walking inputs: order, hidden files, links, loops, unreadable entries, duplicates; the batch always goes on."""

from __future__ import annotations

import json
import os
import socket
import tempfile
import warnings
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import DuplicateDocumentWarning, SkippedFileWarning, iter_documents, read_document

def article(subject: str) -> str:
    return f"{subject} report\n\n{subject} said the soldiers were sent to the front last autumn.\n"


def read_all(inputs):
    errors: list[InputError] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        documents = list(iter_documents(inputs, on_error=errors.append))
    return documents, errors, caught


def test_folders_are_walked_recursively_in_sorted_order_without_hidden_entries(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(article("Zeta"))
    (tmp_path / "b" / "a.md").write_text(article("Alpha"))
    (tmp_path / "a.txt").write_text(article("Gamma"))
    (tmp_path / "c.HTML").write_text(f"<html><body><article><p>{article('Delta')}</p></article></body></html>")
    (tmp_path / ".hidden.txt").write_text(article("Hidden"))
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(article("Git"))
    documents, errors, _ = read_all([tmp_path])
    assert [Path(d.source).relative_to(tmp_path).as_posix() for d in documents] == ["a.txt", "b/a.md", "b/z.txt", "c.HTML"]
    assert errors == []


def test_sources_keep_the_name_the_user_gave(tmp_path, monkeypatch):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(article("Alpha"))
    monkeypatch.chdir(tmp_path)
    documents, _, _ = read_all(["seeds"])
    assert [d.source for d in documents] == [os.path.join("seeds", "a.txt")]


def test_missing_path_is_e100_and_the_rest_is_read(tmp_path):
    (tmp_path / "a.txt").write_text(article("Alpha"))
    documents, errors, _ = read_all([tmp_path / "missing", tmp_path / "a.txt"])
    assert [d.title for d in documents] == ["Alpha report"]
    assert [e.code for e in errors] == ["E100"]
    assert str(tmp_path / "missing") in str(errors[0])


def test_without_on_error_the_first_problem_raises(tmp_path):
    with pytest.raises(InputError) as info:
        list(iter_documents([tmp_path / "missing.txt"]))
    assert info.value.code == "E100"


def test_symlink_loops_and_broken_links_are_reported_not_followed_forever(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(article("Alpha"))
    (tmp_path / "sub" / "up").symlink_to(tmp_path)  # loop through a parent
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")  # a link to itself
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    documents, errors, _ = read_all([tmp_path])
    assert [d.title for d in documents] == ["Alpha report"]
    reasons = {Path(e.fields["path"]).name: (e.code, str(e)) for e in errors}
    assert reasons["up"][0] == "E104" and "loop" in reasons["up"][1]
    assert reasons["self.txt"][0] == "E104" and "loop" in reasons["self.txt"][1]
    assert reasons["broken.txt"][0] == "E104" and "broken symbolic link" in reasons["broken.txt"][1]


def test_a_linked_folder_is_followed_once(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text(article("Alpha"))
    (tmp_path / "link").symlink_to(tmp_path / "real")
    documents, errors, caught = read_all([tmp_path])
    assert [d.title for d in documents] == ["Alpha report"]
    assert errors == [] and not [w for w in caught if w.category is DuplicateDocumentWarning]


def test_fifo_and_socket_are_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would wait for a writer forever
    server = socket.socket(socket.AF_UNIX)
    short = Path(tempfile.mkdtemp(dir="/tmp")) / "s.txt"  # AF_UNIX paths are short
    server.bind(str(short))
    try:
        (tmp_path / "a.txt").write_text(article("Alpha"))
        documents, errors, _ = read_all([tmp_path, tmp_path / "pipe.txt", short])
    finally:
        server.close()
    assert [d.title for d in documents] == ["Alpha report"]
    assert [(e.code, "FIFO" in str(e) or "socket" in str(e)) for e in errors] == [("E104", True)] * 3


def test_a_folder_named_like_a_file_is_walked_as_a_folder(tmp_path):
    (tmp_path / "odd.txt").mkdir()
    (tmp_path / "odd.txt" / "inner.txt").write_text(article("Inner"))
    documents, errors, _ = read_all([tmp_path / "odd.txt"])
    assert [d.title for d in documents] == ["Inner report"] and errors == []
    with pytest.raises(InputError) as info:
        read_document(tmp_path / "odd.txt")
    assert info.value.code == "E104" and "folder" in str(info.value)


def _read_as(uid: int | None, folder: Path) -> dict:
    """Read ``folder``; with ``uid``, in a forked child that has dropped root (chmod 000 does not stop root)."""

    def read() -> dict:
        errors: list[InputError] = []
        titles = [d.title for d in iter_documents([folder], on_error=errors.append)]
        return {"titles": titles, "errors": [[e.code, str(e)] for e in errors]}

    if uid is None:
        return read()
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop root, read, report through the pipe, never return into pytest
        status = 1
        try:
            os.close(reader)
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            with os.fdopen(writer, "w") as out:
                json.dump(read(), out)
            status = 0
        finally:
            os._exit(status)
    os.close(writer)
    with os.fdopen(reader) as pipe:
        output = pipe.read()
    _, status = os.waitpid(pid, 0)
    assert status == 0 and output, "the unprivileged child failed"
    return json.loads(output)


def test_unreadable_files_and_folders_are_reported():
    folder = Path(tempfile.mkdtemp(dir="/tmp"))
    folder.chmod(0o755)
    (folder / "a.txt").write_text(article("Alpha"))
    (folder / "secret.txt").write_text(article("Secret"))
    (folder / "secret.txt").chmod(0o000)
    (folder / "closed").mkdir()
    (folder / "closed" / "b.txt").write_text(article("Beta"))
    (folder / "closed").chmod(0o000)
    try:
        result = _read_as(65534 if os.geteuid() == 0 else None, folder)
    finally:
        (folder / "closed").chmod(0o755)
        (folder / "secret.txt").chmod(0o644)
    assert result["titles"] == ["Alpha report"]
    assert sorted((code, "permission denied" in text) for code, text in result["errors"]) == [("E104", True)] * 2
    assert any("closed" in text and "cannot list the folder" in text for _, text in result["errors"])


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
def test_a_file_that_fails_to_read_even_for_root_is_reported(tmp_path):
    """/proc/self/mem is a regular file whose read fails with an I/O error, whoever reads it."""
    (tmp_path / "a.txt").write_text(article("Alpha"))
    (tmp_path / "b.txt").symlink_to("/proc/self/mem")
    documents, errors, _ = read_all([tmp_path])
    assert [d.title for d in documents] == ["Alpha report"]
    assert [(e.code, Path(e.fields["path"]).name) for e in errors] == [("E104", "b.txt")]
    assert "input/output error" in str(errors[0])


def test_other_file_types_in_folders_are_skipped_with_a_warning_and_sidecars_silently(tmp_path):
    (tmp_path / "a.txt").write_text(article("Alpha"))
    (tmp_path / "a.meta.json").write_text(json.dumps({"publisher": "Clarion"}))
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "notes").write_text("no suffix")
    documents, errors, caught = read_all([tmp_path])
    assert [(d.title, d.publisher) for d in documents] == [("Alpha report", "Clarion")]
    skipped = sorted(str(w.message).split(":")[0] for w in caught if w.category is SkippedFileWarning)
    assert skipped == [str(tmp_path / "notes"), str(tmp_path / "photo.png")]
    assert errors == []


def test_a_glob_that_names_sidecars_reads_them_with_their_article(tmp_path):
    (tmp_path / "a.txt").write_text(article("Alpha"))
    (tmp_path / "a.meta.json").write_text(json.dumps({"publisher": "Clarion"}))
    documents, errors, caught = read_all(sorted(tmp_path.iterdir()))
    assert [(d.title, d.publisher) for d in documents] == [("Alpha report", "Clarion")]
    assert errors == []
    assert [w.category for w in caught] == [SkippedFileWarning]


def test_named_files_of_other_types_are_errors(tmp_path):
    (tmp_path / "paper.pdf").write_bytes(b"%PDF-1.7\n")
    (tmp_path / "data.csv").write_text("a,b\n1,2\n")
    documents, errors, _ = read_all([tmp_path / "paper.pdf", tmp_path / "data.csv"])
    assert documents == []
    assert [(e.code, ("PDF" in str(e)) or (".csv" in str(e))) for e in errors] == [("E101", True), ("E105", True)]


def test_duplicate_content_is_yielded_once_with_a_warning(tmp_path):
    (tmp_path / "a.txt").write_text(article("Alpha"))
    (tmp_path / "b.txt").write_text(article("Alpha"))
    (tmp_path / "c.txt").write_text(article("Gamma"))
    documents, errors, caught = read_all([tmp_path])
    assert [Path(d.source).name for d in documents] == ["a.txt", "c.txt"]
    duplicates = [str(w.message) for w in caught if w.category is DuplicateDocumentWarning]
    assert duplicates == [f"{tmp_path / 'b.txt'}: same text as {tmp_path / 'a.txt'}; read once"]


def test_the_same_file_named_twice_is_read_once_without_a_warning(tmp_path):
    (tmp_path / "a.txt").write_text(article("Alpha"))
    documents, errors, caught = read_all([tmp_path, tmp_path / "a.txt", tmp_path / "." / "a.txt"])
    assert len(documents) == 1 and errors == []
    assert not [w for w in caught if w.category is DuplicateDocumentWarning]


def test_a_bad_file_in_the_middle_of_a_batch_loses_nothing_else(tmp_path):
    (tmp_path / "1.txt").write_text(article("One"))
    (tmp_path / "2.txt").write_bytes(b"")
    (tmp_path / "3.txt").write_bytes(b"%PDF-1.4")
    (tmp_path / "4.txt").write_bytes(b"caf\xc3\xa9 \xff\xfe\xfd caf\xc3\xa9 caf\xc3\xa9")
    (tmp_path / "5.jsonl").write_text('{"text": "Five said the soldiers were sent."}\nnot json\n')
    (tmp_path / "6.txt").write_text(article("Six"))
    documents, errors, _ = read_all([tmp_path])
    assert [d.source.rsplit("/", 1)[-1] for d in documents] == ["1.txt", "5.jsonl:1", "6.txt"]
    assert [e.code for e in errors] == ["E101", "E101", "E102", "E103"]
