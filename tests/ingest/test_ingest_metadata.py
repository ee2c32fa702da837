"""Metadata: sidecars beat the text, dates are ISO, the language is marked."""

from __future__ import annotations

import json
import warnings

import pytest

from kg.ingest import MetadataWarning, read_document
from kg.ingest.dates import normalise_date
from kg.ingest.language import detect_language

ARTICLE = (
    "Troops sent north\n\n"
    "Published: 1 May 2024\n\n"
    "The North sent 15,000 soldiers to fight in the conflict, officials in Tallinn said on Monday.\n\n"
    "Source: Norvik\n"
)


def test_text_gives_title_publisher_and_date_without_a_sidecar(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    doc = read_document(path)
    assert (doc.title, doc.publisher, doc.issued, doc.url) == ("Troops sent north", "Norvik", "2024-05-01", None)
    assert [doc.text[s:e] for s, e in doc.body] == [
        "The North sent 15,000 soldiers to fight in the conflict, officials in Tallinn said on Monday."
    ]


@pytest.mark.parametrize("sidecar_name", ["a.meta.json", "a.txt.meta.json"])
def test_sidecar_wins_over_the_text_and_dates_are_normalised(tmp_path, sidecar_name):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    (tmp_path / sidecar_name).write_text(
        json.dumps({"title": "Sidecar title", "publisher": "Clarion", "date": "June 22, 2025",
                    "url": "https://example.org/a", "ignored": 1})
    )
    doc = read_document(path)
    assert (doc.title, doc.publisher, doc.issued, doc.url) == (
        "Sidecar title", "Clarion", "2025-06-22", "https://example.org/a"
    )
    assert doc.text == ARTICLE  # the sidecar never changes the text or its offsets


def test_partial_sidecar_only_overrides_what_it_gives(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    (tmp_path / "a.meta.json").write_text(json.dumps({"publisher": "Clarion"}))
    doc = read_document(path)
    assert (doc.title, doc.publisher, doc.issued) == ("Troops sent north", "Clarion", "2024-05-01")


@pytest.mark.parametrize(
    "content, words",
    [
        ("{not json", "metadata ignored"),
        ("[1, 2]", "not a JSON object"),
        ('{"title": 5}', "'title' ignored"),
        ('{"date": "the day after"}', "the day after"),
    ],
)
def test_a_bad_sidecar_warns_and_the_article_is_still_read(tmp_path, content, words):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    (tmp_path / "a.meta.json").write_text(content)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        doc = read_document(path)
    assert doc.title == "Troops sent north" and doc.publisher == "Norvik"
    messages = [str(w.message) for w in caught if w.category is MetadataWarning]
    assert len(messages) == 1 and words in messages[0]


def test_sidecar_of_an_html_page_wins_over_the_page_metadata(tmp_path):
    page = (
        "<html><head><title>Page title</title><meta property='og:site_name' content='Page Site'></head><body>"
        "<article><p>The North sent 15,000 soldiers to fight in the conflict, officials in Tallinn said on Monday "
        "after a closed briefing.</p><p>Riga did not comment on the numbers given by the intelligence service "
        "in Tallinn.</p></article></body></html>"
    )
    (tmp_path / "p.html").write_text(page)
    (tmp_path / "p.meta.json").write_text(json.dumps({"publisher": "Sidecar Site"}))
    doc = read_document(tmp_path / "p.html")
    assert (doc.title, doc.publisher) == ("Page title", "Sidecar Site")


@pytest.mark.parametrize(
    "written, iso",
    [
        ("2025-06-22", "2025-06-22"),
        ("2025-06-22T08:00:00Z", "2025-06-22"),
        ("2025-06-22 08:00", "2025-06-22"),
        ("20250622", "2025-06-22"),
        ("2025/06/22", "2025-06-22"),
        ("22 June 2025", "2025-06-22"),
        ("22nd of June, 2025", "2025-06-22"),
        ("June 22, 2025", "2025-06-22"),
        ("Jun. 22 2025", "2025-06-22"),
        ("Sunday, 22 June 2025 10.30 BST", "2025-06-22"),
        ("Sun, 22 Jun 2025 08:00:00 +0000", "2025-06-22"),
        ("22.06.2025", "2025-06-22"),
        ("22/06/2025", "2025-06-22"),
        ("06/22/2025", "2025-06-22"),
        ("June 2025", "2025-06"),
        ("2025-06", "2025-06"),
        ("2025", "2025"),
        ("05/06/2025", None),  # May 6 or June 5: not guessed
        ("2025-02-30", None),
        ("2025-13-01", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_dates_are_normalised_to_iso(written, iso):
    assert normalise_date(written) == iso


@pytest.mark.parametrize(
    "text, code",
    [
        ("The North has reportedly sent 15,000 soldiers to fight in the conflict since last autumn.", "en"),
        ("Der Norden hat seit dem letzten Herbst angeblich 15.000 Soldaten in den Konflikt geschickt.", "de"),
        ("Le Nord aurait envoyé 15 000 soldats pour combattre dans le conflit depuis l'automne dernier.", "fr"),
        ("Según los informes, el Norte ha enviado 15.000 soldados a luchar en el conflicto desde el otoño.", "es"),
        ("Secondo le notizie, il Nord ha inviato 15.000 soldati a combattere nel conflitto dall'autunno scorso.", "it"),
        ("O Norte enviou 15.000 soldados para lutar no conflito desde o outono passado, segundo a agência.", "pt"),
        ("Het noorden heeft sinds vorig najaar naar verluidt 15.000 soldaten naar het conflict gestuurd.", "nl"),
        ("Северная Корея с прошлой осени направила 15 000 солдат для участия в конфликте.", "ru"),
        ("Північна Корея з минулої осені направила 15 000 солдатів для участі в конфлікті.", "uk"),
        ("북한은 지난 가을부터 약 1만5천 명의 병사를 러시아에 파병한 것으로 알려졌다.", "ko"),
        ("北朝鮮は昨年秋から約1万5千人の兵士をロシアに派遣したと報じられている。", "ja"),
        ("据报道，朝鲜自去年秋天以来已向俄罗斯派遣约一万五千名士兵参加冲突。", "zh"),
        ("أرسلت كوريا الشمالية نحو خمسة عشر ألف جندي إلى روسيا منذ الخريف الماضي.", "ar"),
    ],
)
def test_language_is_detected(text, code):
    assert detect_language(text) == code


@pytest.mark.parametrize("text", [
    "", "Ri Chol-ho", "12 34 56 78 90", "Xq zzv bbrt ploo wexx qatz mmno plk rrst.",
    # a URL line with hex letters ("A", "E" are Portuguese/Italian words) over a headline of names
    "http://example.com/gst/page.html?res=9402E6D71239F937A15756C0A9639C8B63\n"
    "CHICAGO 76ERS Dismissed Dan Miller, manager. Hired Tom Baker manager.",
])
def test_too_little_or_unrecognisable_text_has_no_language(text):
    assert detect_language(text) is None


def test_a_non_english_article_is_marked_so_the_pipeline_can_skip_it(tmp_path):
    path = tmp_path / "de.txt"
    path.write_text(
        "Soldaten geehrt\n\nRi Chol-ho hat die Särge der Soldaten berührt, die im Krieg gegen Lettland gefallen "
        "sind. Es war eine seltene öffentliche Anerkennung der Verluste.\n"
    )
    doc = read_document(path)
    assert doc.language == "de" and doc.title == "Soldaten geehrt"
