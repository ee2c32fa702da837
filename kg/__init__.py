"""claimgraph: a claim-level knowledge graph builder.

Articles in, a provenance-rich RDF graph of claims out. See README.md.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
