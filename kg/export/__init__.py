"""Export: the store -> files (RDF serialisations: :mod:`kg.export.formats`; the graph page)."""
