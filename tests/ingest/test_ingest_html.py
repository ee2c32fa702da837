"""HTML pages: main text only, metadata from the page, nothing from scripts, styles, navigation or comments."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.ingest import read_document

PARAGRAPHS = [
    "Ri Chol-ho has honoured Veldran soldiers who died in Ostmark's war with Latvia, placing his hands on "
    "their coffins in a rare public admission of losses.",
    "At a concert on Sunday marking a military pact between the North and Ostmark, pictures showed the leader "
    "stopping in front of six coffins covered in the nation's flag.",
    "Gan Wol, a senior scholar at the Veldra Institute for Regional Studies, told Norvik that Veldra "
    "likely wished to portray the soldiers as heroes.",
]
PAGE = f"""<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Cho honours soldiers | The Daily Planet</title>
<meta property="og:site_name" content="The Daily Planet">
<meta property="og:title" content="Cho honours soldiers">
<meta property="article:published_time" content="2025-06-22T08:00:00+09:00">
<link rel="canonical" href="https://planet.example/world/kim-honours-soldiers">
<style>body {{ color: red }} .STYLE_LEAK {{ display: none }}</style>
<script>var leaked = "SCRIPT_LEAK"; document.write("SCRIPT_LEAK");</script>
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Cho honours soldiers"}}</script>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World NAV_LEAK</a></li>
<li><a href="/sport">Sport NAV_LEAK</a></li></ul></nav></header>
<main><article>
<h1>Cho honours soldiers</h1>
<p>{PARAGRAPHS[0]}</p>
<p>{PARAGRAPHS[1]}</p>
<h2>War heroes</h2>
<p>{PARAGRAPHS[2]}</p>
<p>Share this article</p>
</article></main>
<section id="comments" class="comments">
<h3>4 Responses</h3>
<div class="comment"><p>COMMENT_LEAK great post, I bookmarked it and will come back for more posts like this one.</p></div>
<h3>Leave a Reply</h3><p>Your email address will not be published. Required fields are marked *</p>
</section>
<footer><p>Copyright 2025 The Daily Planet. FOOTER_LEAK</p><p>We use cookies to improve your experience.</p></footer>
<script>console.log("SCRIPT_LEAK")</script>
</body></html>
"""


@pytest.fixture()
def page(tmp_path):
    path = tmp_path / "kim.html"
    path.write_text(PAGE, encoding="utf-8")
    return read_document(path)


def test_metadata_comes_from_the_page(page):
    assert page.title == "Cho honours soldiers"
    assert page.publisher == "The Daily Planet"
    assert page.issued == "2025-06-22"
    assert page.url == "https://planet.example/world/kim-honours-soldiers"
    assert page.language == "en"


def test_text_is_the_extracted_main_text_and_every_paragraph_is_body(page):
    body = [page.text[s:e] for s, e in page.body]
    for paragraph in PARAGRAPHS:
        assert paragraph in body


@pytest.mark.parametrize("leak", ["SCRIPT_LEAK", "STYLE_LEAK", "NAV_LEAK", "COMMENT_LEAK", "FOOTER_LEAK", "<p>", "{"])
def test_scripts_styles_navigation_and_comments_never_leak_into_the_text(page, leak):
    assert leak not in page.text


def test_share_prompt_and_headline_kept_by_the_extractor_are_not_body(page):
    body = "\n".join(page.text[s:e] for s, e in page.body)
    assert "Share this article" not in body
    assert "Cho honours soldiers" not in body


def test_latin1_page_is_decoded(tmp_path):
    html = PAGE.replace("Gan Wol", "Gan Wol (théâtre)").replace('charset="utf-8"', 'charset="iso-8859-1"')
    path = tmp_path / "latin.htm"
    path.write_bytes(html.encode("latin-1"))
    doc = read_document(path)
    assert "Gan Wol (théâtre)" in doc.text


def test_a_page_without_article_text_is_refused(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>var x = 1;</script></head><body><nav><a href='/'>Home</a></nav></body></html>")
    with pytest.raises(InputError) as info:
        read_document(path)
    assert info.value.code == "E101" and "no article text" in str(info.value)
