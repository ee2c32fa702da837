"""claimgraph's spaCy pipeline components and their registered, versioned parts.

``claimgraph_clauses`` runs a clause extractor over every sentence and stores the
token-level :class:`kg.extract.clauses.Clause` records in ``doc._.clauses``; it is the
only code that writes that extension. Which extractor runs is picked by versioned
name from spaCy's ``misc`` registry, so a config can swap it without code changes;
a changed extractor gets a new ``.vN`` name instead of changing an old one.

``claimgraph_hyphen_words`` runs before it: a hyphenated noun the parser read as separate phrases
("co", "-", "worker" as three subjects) becomes one token (:func:`merge_hyphen_words`).

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("sentencizer")
>>> component = nlp.add_pipe("claimgraph_clauses", config={"extractor": {"@misc": "claimgraph.clauses.v1"}})
>>> nlp("No parse, no clauses.")._.clauses
[]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from kg.extract.clauses import Clause, extract_clauses

__all__ = ["ClauseComponent", "clauses_v1", "merge_hyphen_words", "register_extensions", "split_hyphen_words"]

ClauseExtractor = Callable[[Span], Iterator[Clause]]


def register_extensions(force: bool = False) -> None:
    """Register the ``Doc`` extensions claimgraph uses (opt-in, idempotent)."""
    if force or not Doc.has_extension("clauses"):
        Doc.set_extension("clauses", default=None, force=True)


@registry.misc("claimgraph.clauses.v1")
def clauses_v1(min_confidence: float = 0.0) -> ClauseExtractor:
    """The rule-based clause extractor over the dependency parse (kg.extract.clauses)."""

    def extract(sent: Span) -> Iterator[Clause]:
        return extract_clauses(sent, min_confidence=min_confidence)

    return extract


class ClauseComponent:
    """Find the clauses of every sentence of a parsed ``Doc``."""

    def __init__(self, name: str, extractor: ClauseExtractor) -> None:
        self.name = name
        self.extractor = extractor

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        if not doc.has_annotation("DEP"):
            doc._.clauses = []
            return doc
        doc._.clauses = [clause for sent in doc.sents for clause in self.extractor(sent)]
        return doc


@Language.factory(
    "claimgraph_clauses",
    assigns=["doc._.clauses"],
    requires=["token.dep", "token.head", "token.lemma", "token.pos"],
    default_config={"extractor": {"@misc": "claimgraph.clauses.v1"}},
)
def make_clause_component(nlp: Language, name: str, extractor: ClauseExtractor) -> ClauseComponent:
    return ClauseComponent(name, extractor)


def split_hyphen_words(doc: Doc) -> list[Span]:
    """The hyphenated words ("co-worker", "ex-wife") that the parse read as separate phrases.

    The tokenizer splits "co-worker" into "co", "-", "worker"; the parser usually hangs the first part
    on the last ("co" a modifier of "worker"), but sometimes reads the three as siblings of one role
    (three subjects of "said"), so every later step sees a person called "co" and another called
    "worker". Such a word is one noun: its parts share a head and a role, touch without spaces, and
    are letters joined by a hyphen. A word the parse already holds together is left alone.
    """
    found: list[Span] = []
    i = 0
    while i + 2 < len(doc):
        first, dash, last = doc[i], doc[i + 1], doc[i + 2]
        if (dash.text == "-" and not first.whitespace_ and not dash.whitespace_ and first.text.isalpha()
                and last.text.isalpha() and last.pos_ in {"NOUN", "PROPN"} and first.head.i == last.head.i != last.i
                and first.dep_ == last.dep_ and not first.ent_type_ and not last.ent_type_):
            found.append(doc[i : i + 3])
            i += 3
        else:
            i += 1
    return found


@Language.component("claimgraph_hyphen_words", requires=["token.dep", "token.head", "token.pos"])
def merge_hyphen_words(doc: Doc) -> Doc:
    """Make each hyphenated word of :func:`split_hyphen_words` one token, tagged and parsed as its last part.

    Its lemma keeps the first part ("co-workers" -> "co-worker"), so a mention of it is headed by the
    whole word, as a reader takes it, and never by "co" or "ex".
    """
    spans = split_hyphen_words(doc)
    if not spans:
        return doc
    with doc.retokenize() as retokenizer:
        for span in spans:
            first, last = span[0], span[-1]
            lead = first.text if last.pos_ == "PROPN" else first.lower_
            retokenizer.merge(span, attrs={"TAG": last.tag_, "POS": last.pos_, "DEP": last.dep_,
                                           "LEMMA": f"{lead}-{last.lemma_}", "MORPH": str(last.morph)})
    return doc
