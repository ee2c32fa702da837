"""The seeds build conforms to the project's SHACL shapes (ontologies/shapes.ttl)."""

from __future__ import annotations

from kg.validate import validate


def test_seeds_build_conforms_to_the_shapes(seeds_store):
    report = validate(seeds_store)
    assert report.conforms, report.text[:3000]
