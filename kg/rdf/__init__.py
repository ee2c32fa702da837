"""RDF side of claimgraph: vocabulary, IRI minting and the Extraction -> quads mapping.

This package never imports spaCy: it sees only the records of ``kg.model``.
"""
