"""Encodings and binary files: read what is text, refuse the rest with a clear error, never mangle."""

from __future__ import annotations

import codecs
import io
import zipfile

import pytest

from kg.errors import InputError
from kg.ingest import read_document
from kg.ingest.decode import decode_bytes, sniff_binary

ARTICLE = "Cho honours soldiers\n\nThe soldiers’ coffins were shown in the théâtre, Tallinn’s agency said.\n"


def png_bytes() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", "Cho spoke.")
    return buffer.getvalue()


def pdf_bytes() -> bytes:
    return b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


@pytest.mark.parametrize(
    "data",
    [
        ARTICLE.encode("utf-8"),
        codecs.BOM_UTF8 + ARTICLE.encode("utf-8"),
        ARTICLE.encode("utf-16"),  # Python writes a BOM
        codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
        ARTICLE.encode("utf-32"),
        ARTICLE.encode("cp1252"),  # curly apostrophes are 0x92 in Windows-1252
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-32-bom", "cp1252"],
)
def test_text_encodings_decode_to_the_same_text(tmp_path, data):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    doc = read_document(path)
    assert doc.text == ARTICLE  # the byte-order mark is dropped, nothing else changes
    assert doc.title == "Cho honours soldiers"


def test_latin1_french_is_read_as_latin1_not_as_a_central_european_code_page(tmp_path):
    text = "Les soldats veldréens ont été honorés à Tarsk. C'était une cérémonie très émouvante.\n"
    path = tmp_path / "fr.txt"
    path.write_bytes(text.encode("latin-1"))
    doc = read_document(path)
    assert doc.text == text
    assert doc.language == "fr"


def test_cp1251_russian_is_decoded(tmp_path):
    text = "Солдаты были удостоены почестей в Пхеньяне. Это была очень трогательная церемония.\n"
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    doc = read_document(path)
    assert doc.text == text
    assert doc.language == "ru"


@pytest.mark.parametrize(
    "data, reason",
    [
        (pdf_bytes(), "PDF document"),
        (png_bytes(), "PNG image"),
        (zip_bytes(), "zip archive"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "GIF image"),
        (b"\x1f\x8b\x08\x00" + bytes(20), "gzip archive"),
        (b"Cho spoke\x00 at the ceremony", "NUL bytes"),
        (bytes(range(1, 32)) * 20, "control bytes"),
    ],
    ids=["pdf", "png", "zip", "jpeg", "gif", "gzip", "nul", "controls"],
)
def test_binary_files_are_refused_with_their_kind(tmp_path, data, reason):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert info.value.code == "E101"
    assert reason in str(info.value) and str(path) in str(info.value)


def test_empty_and_whitespace_only_files_are_refused(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\t\r\n  \n")
    (tmp_path / "blank16.txt").write_bytes("  \n\n".encode("utf-16"))
    for name, words in (("empty.txt", "empty file"), ("blank.txt", "only whitespace"), ("blank16.txt", "whitespace")):
        with pytest.raises(InputError) as info:
            read_document(tmp_path / name)
        assert info.value.code == "E101" and words in str(info.value)


def test_utf8_with_a_broken_byte_is_corrupt_not_latin1():
    data = "Cho’s soldiers were honoured in Tarsk. ".encode() + b"\xff" + " The café.".encode()
    with pytest.raises(InputError) as info:
        decode_bytes(data, path="a.txt")
    assert info.value.code == "E102"
    bad_at = data.index(b"\xff")
    assert f"invalid UTF-8 at byte {bad_at}" in str(info.value)


def test_bytes_no_encoding_fits_are_refused():
    with pytest.raises(InputError) as info:
        decode_bytes(bytes(range(0x80, 0x100)) * 4, path="a.txt")
    assert info.value.code == "E102"


def test_a_utf16_bom_followed_by_an_odd_byte_count_is_refused():
    with pytest.raises(InputError) as info:
        decode_bytes(codecs.BOM_UTF16_LE + b"K\x00i\x00m", path="a.txt")
    assert info.value.code == "E102"


def test_valid_utf8_with_odd_characters_is_kept_as_is():
    text = "Cho \u200b said \u202e hello \x1b[0m \U0001f600 <tag> \"quoted\" back\\slash\n"
    assert decode_bytes(text.encode(), path="a.txt") == text


def test_valid_utf8_with_odd_characters_and_a_byte_order_mark_is_kept_too():
    # many control and private-use characters: above the share that marks a wrong UTF-16 mark as garbled
    text = "Cho \x01 \ue000 said \u202a hello \x01 \ue000.\n"
    assert decode_bytes(codecs.BOM_UTF8 + text.encode(), path="a.txt") == text
    with pytest.raises(InputError) as info:
        decode_bytes(codecs.BOM_UTF16_LE + "\ue000\ue001\ue002 text".encode("utf-16-le"), path="a.txt")
    assert "garbled" in str(info.value)


def test_sniff_leaves_text_and_byte_order_marks_alone():
    assert sniff_binary("Cho spoke.".encode("utf-16")) is None
    assert sniff_binary("Cho spoke.\n".encode()) is None
