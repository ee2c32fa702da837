"""Exports of a build: RDF files every triple store accepts (:mod:`kg.export.formats`)."""
