"""Export: the store -> files (RDF serialisations, the graph page)."""
