"""Open IE output of the clause extractor, in the tab format of the CaRB benchmark.

``kg openie FILE --format carb`` uses this module: one sentence per line,
pre-tokenized (tokens separated by spaces, as in CaRB's Penn-Treebank files), so
the Doc is built from the given tokens and every relation and argument is written
with the sentence's own tokens. The extractor is :func:`kg.extract.clauses.extract_clauses`,
the same one ``kg build`` runs.

>>> import spacy
>>> doc = doc_from_tokens(spacy.blank("en"), ["Kim", "sent", "troops", "."])
>>> [t.text for t in doc], doc[-1].whitespace_
(['Kim', 'sent', 'troops', '.'], '')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.clauses import Clause, extract_clauses, relation_words

__all__ = ["carb_fields", "carb_lines", "doc_from_tokens", "docs_from_sentences"]

#: Batch size for ``nlp.pipe`` over pre-tokenized sentences.
BATCH_SIZE = 256


def _doc(nlp: Language, tokens: Sequence[str]) -> Doc:
    words = list(tokens)
    if not words or any(not w or w.isspace() or " " in w for w in words):
        raise ValueError(f"tokens must be non-empty strings without spaces: {words!r}")
    return Doc(nlp.vocab, words=words, spaces=[True] * (len(words) - 1) + [False])


def doc_from_tokens(nlp: Language, tokens: Sequence[str]) -> Doc:
    """Run the pipeline on pre-tokenized input, keeping the tokens exactly.

    Raises
    ------
    ValueError
        If there are no tokens, or a token is empty or contains a space.
    """
    return nlp(_doc(nlp, tokens))


def docs_from_sentences(nlp: Language, sentences: Iterable[str], *, batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Parse sentences given one per string, tokens separated by single spaces."""
    return nlp.pipe((_doc(nlp, s.split()) for s in sentences), batch_size=batch_size)


def carb_fields(doc: Doc, clause: Clause) -> list[str]:
    """``[confidence, relation, arg1, arg2, ...]`` of one clause, in the Doc's own tokens.

    The object comes first among arguments 2..n, then the extras in sentence order.
    """

    def text(span: tuple[int, int] | None) -> str:
        return "" if span is None else " ".join(t.text for t in doc[span[0] : span[1]])

    args = [text(clause.subject)]
    if clause.object is not None:
        args.append(text(clause.object))
    args.extend(text(span) for _, span in sorted(clause.extras, key=lambda e: e[1]))
    return [f"{clause.confidence:.4f}", " ".join(relation_words(clause, doc)), *args]


def _clauses(doc: Doc) -> list[Clause]:
    """The clauses the pipeline's ``claimgraph_clauses`` component found, else extract them now."""
    if Doc.has_extension("clauses") and doc._.clauses is not None:
        return doc._.clauses
    return list(extract_clauses(doc[:]))


def carb_lines(nlp: Language, sentences: Iterable[str], *, min_confidence: float = 0.0) -> Iterator[str]:
    """Extraction lines ``sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2...``.

    Each input string is one pre-tokenized sentence; blank ones are skipped. A
    sentence the parser splits in two is still treated as one line of input.
    Clauses without a subject, or with nothing after the relation, are left out:
    a CaRB tuple has two arguments at least. With ``kg.nlp.load_pipeline`` the
    clauses come from the pipeline's own component (``doc._.clauses``), exactly
    as in ``kg build``; with a bare spaCy pipeline they are extracted here.
    """
    kept = [s.strip() for s in sentences if s.strip()]
    for sentence, doc in zip(kept, docs_from_sentences(nlp, kept)):
        for clause in _clauses(doc):
            if clause.confidence < min_confidence:
                continue
            if clause.subject is None or (clause.object is None and not clause.extras):
                continue  # a CaRB tuple has two arguments at least
            yield "\t".join([sentence, *carb_fields(doc, clause)])
