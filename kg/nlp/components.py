"""claimgraph's spaCy pipeline components and their registered, versioned parts.

``claimgraph_clauses`` runs a clause extractor over every sentence and stores the
token-level :class:`kg.extract.clauses.Clause` records in ``doc._.clauses``; it is the
only code that writes that extension. Which extractor runs is picked by versioned
name from spaCy's ``misc`` registry, so a config can swap it without code changes;
a changed extractor gets a new ``.vN`` name instead of changing an old one.

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

__all__ = ["ClauseComponent", "register_extensions", "clauses_v1"]

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
