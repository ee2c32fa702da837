"""HTML pages -> the article's main text and metadata, with trafilatura.

A saved web page is mostly navigation, scripts, styles, ads and comments.
trafilatura (a maintained main-content extractor) finds the article text and
the page metadata (``og:title``, ``og:site_name``, ``article:published_time``,
the canonical URL). The extracted text is the document's ``text``: offsets point
into it, not into the HTML. The furniture rules of :mod:`kg.ingest.furniture`
still run over it, for the share prompts and teasers trafilatura keeps.
The page's declared date beats a date in its URL (htmldate, trafilatura's date
finder, would take the URL's first).

>>> page = "<html><head><title>Kim honours soldiers</title><script>var x = 1;</script></head><body><article>" \\
...        "<p>Kim Jong-un placed his hands on the coffins of soldiers killed in the war with Ukraine.</p>" \\
...        "<p>He met the Russian culture minister at a concert in Pyongyang on Sunday evening.</p></article></body></html>"
>>> extracted = extract_html(page, path="a.html")
>>> extracted.title, "var x" in extracted.text
('Kim honours soldiers', False)
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from trafilatura.settings import set_date_params

from kg.errors import InputError
from kg.ingest.dates import normalise_date

__all__ = ["ExtractedPage", "extract_html"]


def _date_params() -> dict[str, object]:
    """htmldate's defaults, but a date in the URL only after the page's own metadata."""
    return {**set_date_params(), "deferred_url_extractor": True}


@dataclass(frozen=True)
class ExtractedPage:
    """The main text of a page and what its metadata says."""

    text: str
    title: str | None = None
    publisher: str | None = None
    issued: str | None = None
    url: str | None = None


def extract_html(html: str, *, path: str) -> ExtractedPage:
    """Extract the main text and metadata of one HTML page.

    Parameters
    ----------
    html:
        The decoded page.
    path:
        Named in errors.

    Returns
    -------
    The main text (paragraphs one per line; no comments, navigation, tables,
    scripts or styles) with the title, site name, ISO date and URL when the
    page declares them.

    Raises
    ------
    InputError
        ``E101`` when the page has no article text.
    """
    result = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, include_images=False, with_metadata=True,
        date_extraction_params=_date_params(),
    )
    if result is None or not (result.text or "").strip():
        result = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=False, favor_recall=True, with_metadata=True,
            date_extraction_params=_date_params(),
        )
    if result is None or not (result.text or "").strip():
        raise InputError("E101", path=path, reason="no article text found in the HTML page")
    return ExtractedPage(
        text=result.text,
        title=_clean(result.title),
        publisher=_clean(result.sitename),
        issued=normalise_date(result.date) if result.date else None,
        url=_clean(result.url),
    )


def _clean(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None
