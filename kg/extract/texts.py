"""The text of a parsed chunk, built once per Doc, and of spans as slices of it.

spaCy builds ``Doc.text`` and ``Span.text`` anew on every access by joining the text of
every token (a Python object made per token), so reading a chunk's text in each of the
extractor's passes, or a sentence's text per clause, costs a pass over its tokens every
time. A Doc's text never changes (tokens can be merged or split, never rewritten), so it is
kept per Doc, weakly (the cache lives exactly as long as the Doc), and a span's text is a
slice of it by the span's character offsets: the same string ``Span.text`` gives.

>>> import spacy
>>> doc = spacy.blank("en")("He said: no. ")
>>> doc_text(doc) == doc.text, span_text(doc[1:3]) == doc[1:3].text, span_text(doc[4:]) == doc[4:].text
(True, True, True)
>>> token_text_span(doc[1], doc[3]) == doc[1:4].text, span_text(doc[2:2])
(True, '')

A token's sentence is the same kind of thing: spaCy's ``Token.sent`` scans the sentence flags outward
from the token on every access (microseconds a call, in rules that ask per token or per loop step), so
:func:`sentence_bounds` reads the sentences of a Doc once and looks a token's up.

>>> sentencizer = spacy.blank("en").add_pipe("sentencizer")
>>> doc = sentencizer(spacy.blank("en")("One two. Three four five."))
>>> sentence_bounds(doc[3]) == (doc[3].sent.start, doc[3].sent.end), sentence_span(doc[0]) == doc[0].sent
(True, True)
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span, Token

__all__ = ["doc_text", "sentence_bounds", "sentence_span", "span_text", "token_text_span"]

_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()
_SENTENCES: WeakKeyDictionary[Doc, list[tuple[int, int]]] = WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined from the tokens once per Doc."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def span_text(span: Span) -> str:
    """``span.text`` as a slice of the Doc's text (no pass over the span's tokens)."""
    if span.start >= span.end:
        return ""
    return doc_text(span.doc)[span.start_char : span.end_char]


def token_text_span(first: Token, last: Token) -> str:
    """The text of ``doc[first.i : last.i + 1]`` without making the Span (``first`` at or before ``last``)."""
    return doc_text(first.doc)[first.idx : last.idx + len(last.text)]


def sentence_bounds(tok: Token) -> tuple[int, int]:
    """``(tok.sent.start, tok.sent.end)``, from the Doc's sentences read once per Doc.

    The table is read again when the Doc's length changed (a retokenization merged or split tokens:
    :func:`kg.nlp.components.merge_hyphen_words` runs before any rule asks).
    """
    doc = tok.doc
    bounds = _SENTENCES.get(doc)
    if bounds is None or len(bounds) != len(doc):
        bounds = []
        for sent in doc.sents:
            bounds += [(sent.start, sent.end)] * (sent.end - sent.start)
        _SENTENCES[doc] = bounds
    return bounds[tok.i]


def sentence_span(tok: Token) -> Span:
    """``tok.sent`` (the same span) without spaCy's scan for its bounds (:func:`sentence_bounds`)."""
    start, end = sentence_bounds(tok)
    return tok.doc[start:end]
