"""Bytes -> text: refuse binary files, find the encoding, never mangle silently.

Scraped corpora mix UTF-8, UTF-8 with a BOM, UTF-16 from Windows tools and old
Latin-1/cp1252 pages, with the odd PDF or image saved as ``.txt``. Every offset
of the graph points into the decoded text, so a wrong guess would corrupt every
quote: when the encoding cannot be told with confidence the file is refused
(``E102``) rather than read as mojibake.

The order of the checks:

1. empty file (``E101``);
2. a byte-order mark decides (UTF-32, UTF-16, UTF-8);
3. a known binary signature (PDF, PNG, zip, ...) or NUL bytes: ``E101``;
4. strict UTF-8;
5. bytes that are mostly valid UTF-8 with a few broken sequences are corrupt
   UTF-8, not a legacy encoding: ``E102`` naming the first bad byte;
6. otherwise a single-byte legacy encoding found by charset-normalizer, with
   Windows-1252 preferred whenever it reads the bytes as well as the best guess
   (the WHATWG default for unlabelled Western text).

>>> decode_bytes("café".encode("utf-16"), path="a.txt")
'café'
>>> decode_bytes("Les soldats ont été honorés.".encode("latin-1"), path="a.txt")
'Les soldats ont été honorés.'
>>> decode_bytes(b"%PDF-1.7 ...", path="a.txt")
Traceback (most recent call last):
kg.errors.InputError: E101 a.txt: binary file (PDF document), not text
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from kg.errors import InputError

__all__ = ["BINARY_SIGNATURES", "decode_bytes", "sniff_binary"]

#: Leading bytes of common binary formats -> what to call them in the error.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"PK\x03\x04", "zip archive or Office document"),
    (b"PK\x05\x06", "zip archive"),
    (b"PK\x07\x08", "zip archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
    (b"\x00asm", "WebAssembly module"),
)
# A UTF-32 BOM must be tested before UTF-16: FF FE 00 00 starts with FF FE.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SNIFF_BYTES = 8192
# Control bytes that do occur in text files: tab, newline, vertical tab, form feed, carriage return, escape.
_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1b")
_MAX_CONTROL_RATIO = 0.10
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HIGH_BYTES = bytes(range(0x80, 0x100))
_WESTERN = frozenset(codecs.lookup(name).name for name in ("cp1252", "latin_1", "iso8859_15"))
_MULTI_BYTE_FAMILIES = ("utf", "big5", "gb", "hz", "shift_jis", "euc", "cp932", "cp936", "cp949", "cp950", "johab", "iso2022")
# charset-normalizer's "chaos" (share of odd character sequences, 0-100) above which a legacy guess is refused.
_MAX_CHAOS = 10.0
# Share of unassigned, private-use or control characters above which a decoding counts as garbled.
_MAX_ODD_RATIO = 0.01


def sniff_binary(data: bytes) -> str | None:
    """Name the binary format of ``data``, or ``None`` when it may be text.

    Looks at the first few kilobytes only: a known signature, a NUL byte, or a
    high share of control bytes. Text with a UTF-16/32 byte-order mark is text.

    >>> sniff_binary(b"\\x89PNG\\r\\n\\x1a\\n....")
    'PNG image'
    >>> sniff_binary(b"plain words") is None
    True
    >>> sniff_binary(b"ab\\x00cd")
    'NUL bytes'
    """
    for signature, kind in BINARY_SIGNATURES:
        if data.startswith(signature):
            return kind
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        return "NUL bytes"
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    if head and controls / len(head) > _MAX_CONTROL_RATIO:
        return "control bytes"
    return None


def decode_bytes(data: bytes, *, path: str) -> str:
    """Decode the bytes of one text file; a leading byte-order mark is dropped.

    Parameters
    ----------
    data:
        The whole file.
    path:
        Named in errors.

    Returns
    -------
    The text, with nothing else changed (line ends and spacing as in the file).

    Raises
    ------
    InputError
        ``E101`` for an empty or binary file, ``E102`` when the encoding cannot
        be told with confidence.

    >>> decode_bytes(b"\\xef\\xbb\\xbfKim said so.", path="a.txt")
    'Kim said so.'
    >>> decode_bytes(b"caf\\xc3\\xa9 and caf\\xe9", path="a.txt")
    Traceback (most recent call last):
    kg.errors.InputError: E102 a.txt: cannot be decoded as text (invalid UTF-8 at byte 13)
    """
    if not data:
        raise InputError("E101", path=path, reason="empty file")
    kind = sniff_binary(data)
    if kind is not None:
        raise InputError("E101", path=path, reason=f"binary file ({kind}), not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data, bom, encoding, path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _looks_like_broken_utf8(data):
            raise InputError("E102", path=path, reason=f"invalid UTF-8 at byte {exc.start}") from exc
    return _decode_legacy(data, path)


def _decode_with_bom(data: bytes, bom: bytes, encoding: str, path: str) -> str:
    name = encoding.replace("-sig", "").upper()
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError("E102", path=path, reason=f"invalid {name} after its byte-order mark at byte {exc.start}") from exc
    text = text.removeprefix("\ufeff")
    # UTF-16/32 decode almost any even byte run, so a wrong mark shows only as odd characters; bytes that are
    # valid UTF-8 are kept as they are, with a mark or without (see decode_bytes)
    if not encoding.startswith("utf-8") and _odd_ratio(text) > _MAX_ODD_RATIO:
        raise InputError("E102", path=path, reason=f"{name} byte-order mark but the text is garbled")
    return text


def _looks_like_broken_utf8(data: bytes) -> bool:
    """True when valid multi-byte UTF-8 sequences are at least as common as broken ones."""
    sequences = _UTF8_MULTIBYTE.findall(data)
    if not sequences:
        return False
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    broken = high - sum(len(seq) for seq in sequences)
    return len(sequences) >= broken


def _decode_legacy(data: bytes, path: str) -> str:
    matches = list(from_bytes(data))
    if not matches:
        raise InputError("E102", path=path, reason="not UTF-8 and no other encoding fits; save it as UTF-8")
    best_chaos = min(m.percent_chaos for m in matches)
    for match in matches:
        candidates = {codecs.lookup(name).name for name in match.could_be_from_charset}
        if match.percent_chaos <= best_chaos + 1.0 and candidates & _WESTERN:
            return _decode_western(data)
    best = matches[0]
    if best.percent_chaos > _MAX_CHAOS or not _is_single_byte(best.encoding):
        raise InputError(
            "E102", path=path, reason=f"not UTF-8 and the encoding is unclear (maybe {best.encoding}); save it as UTF-8"
        )
    text = str(best)
    if _odd_ratio(text) > _MAX_ODD_RATIO:
        raise InputError("E102", path=path, reason=f"not UTF-8 and reading it as {best.encoding} gives garbled text")
    return text


def _decode_western(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # cp1252 leaves five bytes undefined; Latin-1 reads them all
        return data.decode("latin-1")


def _is_single_byte(encoding: str) -> bool:
    name = codecs.lookup(encoding).name.replace("-", "_")
    return not name.startswith(_MULTI_BYTE_FAMILIES)


def _odd_ratio(text: str) -> float:
    """Share of unassigned, private-use, surrogate or unusual control characters."""
    if not text:
        return 0.0
    sample = text[:_SNIFF_BYTES]
    odd = sum(
        1
        for ch in sample
        if unicodedata.category(ch) in {"Cn", "Co", "Cs"} or (unicodedata.category(ch) == "Cc" and ch not in "\t\n\x0b\x0c\r\x1b")
    )
    return odd / len(sample)
