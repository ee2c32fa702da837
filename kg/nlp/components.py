"""claimgraph's spaCy pipeline components.

``claimgraph_clauses`` runs the clause extractor over every sentence and stores the
token-level :class:`kg.extract.clauses.Clause` records in ``doc._.clauses``; it is the
only code that writes that extension.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.clauses import extract_clauses

__all__ = ["ClauseComponent", "register_extensions"]


def register_extensions(force: bool = False) -> None:
    """Register the ``Doc`` extensions claimgraph uses (opt-in, idempotent)."""
    if force or not Doc.has_extension("clauses"):
        Doc.set_extension("clauses", default=None, force=True)


class ClauseComponent:
    """Find the clauses of every sentence; failures go to spaCy's error handler."""

    def __init__(self, name: str, min_confidence: float) -> None:
        self.name = name
        self.min_confidence = min_confidence

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        doc._.clauses = [c for sent in doc.sents for c in extract_clauses(sent, min_confidence=self.min_confidence)]
        return doc


@Language.factory(
    "claimgraph_clauses",
    assigns=["doc._.clauses"],
    requires=["token.dep", "token.head", "token.lemma", "token.pos"],
    default_config={"min_confidence": 0.0},
)
def make_clause_component(nlp: Language, name: str, min_confidence: float) -> ClauseComponent:
    return ClauseComponent(name, min_confidence)
