"""Inputs -> the files to read: folder walking and safe opening.

Users point claimgraph at folders of scraped pages and leave it running, so the
walk must never hang or crash: it goes through folders in sorted order, skips
hidden entries, follows symbolic links but stops at loops, never opens a FIFO
or device (which could block forever), and reports every entry it cannot read
as an :class:`~kg.errors.InputError` to a callback while it goes on.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> for name in ("b.txt", "a.md", ".hidden.txt", "c.txt.meta.json"):
...     _ = (folder / name).write_text("x")
>>> [p.name for p in walk_inputs([folder], report=print)]
['a.md', 'b.txt']
"""

from __future__ import annotations

import errno
import os
import stat
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from kg.errors import InputError

__all__ = [
    "MAX_FILE_BYTES",
    "SIDECAR_SUFFIX",
    "SUFFIXES",
    "SkippedFileWarning",
    "is_sidecar",
    "open_regular",
    "read_bytes",
    "walk_inputs",
]

#: The file types claimgraph reads (compared without case).
SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
#: ``NAME.meta.json`` next to ``NAME.txt`` holds its metadata.
SIDECAR_SUFFIX = ".meta.json"
#: A single article larger than this is refused (a .jsonl file is streamed and has no limit).
MAX_FILE_BYTES = 256 * 1024 * 1024

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


class SkippedFileWarning(UserWarning):
    """A file in a folder was skipped because claimgraph does not read its type."""


def is_sidecar(path: Path) -> bool:
    """Whether ``path`` is a ``NAME.meta.json`` metadata sidecar.

    >>> is_sidecar(Path("a.meta.json")), is_sidecar(Path("a.json"))
    (True, False)
    """
    return path.name.lower().endswith(SIDECAR_SUFFIX)


def walk_inputs(inputs: Sequence[str | Path], *, report: Callable[[InputError], None]) -> Iterator[Path]:
    """Yield every file to read: explicit files as given, folders expanded.

    Parameters
    ----------
    inputs:
        Files and folders, as the user named them.
    report:
        Called with an :class:`InputError` for each missing path (``E100``) and
        each entry that cannot be read (``E104``: broken link, symbolic link
        loop, FIFO/socket/device, folder that cannot be listed).

    Yields
    ------
    Paths under the names the user gave (``seeds/a.txt``), each real file once;
    a named sidecar is skipped with a warning.
    Inside folders: only files with a suffix in :data:`SUFFIXES`, in sorted order,
    recursively, without hidden entries; other files raise a
    :class:`SkippedFileWarning` (sidecars are silently used by their article).
    """
    seen: set[tuple[int, int]] = set()
    for item in inputs:
        path = Path(item)
        st = _stat(path, report)
        if st is None:
            continue
        if stat.S_ISDIR(st.st_mode):
            files = _walk(path, frozenset({(st.st_dev, st.st_ino)}), report)
        elif is_sidecar(path):  # `kg build data/*` names sidecars too: they are read with their article
            warnings.warn(f"{path}: skipped, a metadata sidecar is read with its article", SkippedFileWarning, stacklevel=2)
            continue
        else:
            files = iter([path])
        for file in files:
            try:
                file_stat = file.stat()
                key = (file_stat.st_dev, file_stat.st_ino)
            except OSError:  # reported when the file is read
                key = (-1, hash(str(file)))
            if key not in seen:
                seen.add(key)
                yield file


def open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading in binary, refusing anything that could block.

    Raises
    ------
    InputError
        ``E100`` missing, ``E104`` a folder, FIFO, socket or device, a symbolic
        link loop, or not readable (permissions, I/O error).
    """
    st = _stat(path, _raise)
    assert st is not None  # _raise raised otherwise
    if stat.S_ISDIR(st.st_mode):
        raise InputError("E104", path=str(path), reason="it is a folder, not a file")
    _check_regular(path, st.st_mode)
    try:
        return open(path, "rb")  # noqa: SIM115 - the caller closes it
    except OSError as exc:
        raise _os_error(path, exc) from exc


def read_bytes(path: Path, *, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read a whole regular file of at most ``limit`` bytes.

    Raises
    ------
    InputError
        As :func:`open_regular`, and ``E101`` for a file larger than ``limit``.
    """
    too_large = InputError("E101", path=str(path), reason=f"file too large (over {limit / 2**20:.0f} MiB)")
    with open_regular(path) as handle:
        try:
            if os.fstat(handle.fileno()).st_size > limit:
                raise too_large
            data = handle.read()  # sized from the file; read(limit) would allocate the whole limit
        except OSError as exc:
            raise _os_error(path, exc) from exc
    if len(data) > limit:  # the file grew while it was read
        raise too_large
    return data


def _walk(folder: Path, ancestors: frozenset[tuple[int, int]], report: Callable[[InputError], None]) -> Iterator[Path]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        report(InputError("E104", path=str(folder), reason=f"cannot list the folder: {_reason(exc)}"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        st = _stat(path, report)
        if st is None:
            continue
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in ancestors:
                report(InputError("E104", path=str(path), reason="symbolic link loop: it leads back to a parent folder"))
                continue
            yield from _walk(path, ancestors | {key}, report)
        elif is_sidecar(path):
            continue
        elif path.suffix.lower() not in SUFFIXES:
            warnings.warn(
                f"{path}: skipped, claimgraph does not read {path.suffix or 'files without a suffix'!s}",
                SkippedFileWarning,
                stacklevel=2,
            )
        else:
            try:
                _check_regular(path, st.st_mode)
            except InputError as err:
                report(err)
                continue
            yield path


def _stat(path: Path, report: Callable[[InputError], None]) -> os.stat_result | None:
    try:
        return path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            report(InputError("E104", path=str(path), reason="broken symbolic link"))
        else:
            report(InputError("E100", path=str(path)))
    except OSError as exc:
        report(_os_error(path, exc))
    return None


def _check_regular(path: Path, mode: int) -> None:
    for test, kind in _KINDS:
        if test(mode):
            raise InputError("E104", path=str(path), reason=f"it is {kind}, not a regular file")


def _os_error(path: Path, exc: OSError) -> InputError:
    if exc.errno == errno.ELOOP:
        return InputError("E104", path=str(path), reason="symbolic link loop")
    if exc.errno == errno.ENOENT:
        return InputError("E100", path=str(path))
    return InputError("E104", path=str(path), reason=_reason(exc))


def _reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def _raise(err: InputError) -> None:
    raise err
