"""claimgraph: a claim-level knowledge graph builder.

Articles in, a provenance-rich RDF graph of claims out. See README.md.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__", "open"]


def __getattr__(name: str):
    """Import the notebook API on first use, so ``import kg`` stays light (no store, no rdflib)."""
    if name == "open":
        from kg.api import open

        return open
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
