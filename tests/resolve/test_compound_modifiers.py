"""Compound modifiers before a noun that read as post-modifiers: "out-of-band" (keys drop the hyphens: "out of
band patch") and a participle before a compound noun ("the Tellish amended fish quota rule"). The head is the last
noun, so the description meets its head's other descriptions (invented names; records made by hand)."""

from __future__ import annotations

from kg.resolve.entities import EntityRecord, resolve_entities, thing_head, thing_modifiers


def _rec(iri: str, label: str, types: str, docs: str, *alts: str) -> EntityRecord:
    return EntityRecord(iri, (label, *alts), frozenset(types.split()), frozenset(docs), 1, 1)


def _story(*records: EntityRecord) -> list[EntityRecord]:
    """The records with a place and a company every document names, so the documents make one story."""
    return [*records, _rec("e:town", "Pemberton", "Place", "abcd"), _rec("e:co", "Tellsoft", "Organization", "abcd")]


def test_out_of_before_a_noun_is_one_modifier():
    assert thing_head("out of band emergency fix") == "fix"
    assert thing_modifiers("out of band emergency fix") == frozenset({"band", "emergency"})
    assert thing_head("out of town visitor") == "visitor"
    assert thing_head("out of stock") == "out"  # no noun after it: nothing to modify


def test_a_participle_before_a_compound_noun_modifies_it():
    assert thing_head("Tellish amended fish quota rule") == "rule"
    assert thing_head("Tellish protected wetland law") == "law"
    assert thing_head("soldiers killed in action") == "soldier"  # a participle with its own complement
    assert thing_head("boat seized tuesday") == "boat"
    assert thing_head("man named lee") == "man"


def test_an_out_of_band_fix_meets_the_fix_of_another_report():
    result = resolve_entities(_story(
        _rec("e:f1", "out of band emergency fix", "Thing", "a", "out-of-band emergency fix"),
        _rec("e:f2", "emergency fix", "Thing", "b", "the emergency fix"),
        _rec("e:v1", "out of band visitor", "Thing", "c"),
    ))
    assert result.same("e:f1", "e:f2")
    assert not result.same("e:f1", "e:v1")


def test_a_rule_with_a_participle_and_a_compound_before_it_meets_the_rule():
    result = resolve_entities(_story(
        _rec("e:r1", "Tellsoft protected wetland rule", "Thing", "a"),
        _rec("e:r2", "new rule", "Thing", "b", "the new rule"),
    ))
    assert result.same("e:r1", "e:r2")


def test_a_one_word_name_joins_the_longer_name_the_tagger_read_as_a_noun():
    # "Tellsoft Navigator" is a noun phrase in three reports (the tagger missed the name); "Navigator", tagged
    # an organisation in a fourth, is its head
    result = resolve_entities(_story(
        _rec("e:n1", "tellsoft navigator", "Thing", "a", "Tellsoft Navigator"),
        _rec("e:n2", "tellsoft navigator", "Thing", "b", "Tellsoft Navigator"),
        _rec("e:n3", "tellsoft navigator", "Thing", "c", "the Tellsoft Navigator browser", "Tellsoft Navigator"),
        _rec("e:nav", "Navigator", "Organization", "d"),
        _rec("e:b1", "browser", "Thing", "c", "the browser"),
    ))
    assert result.same("e:n1", "e:n2")
    assert result.same("e:nav", "e:n1")
