"""Compound modifiers before a noun that read as post-modifiers: "out-of-band" (keys drop the hyphens: "out of
band patch") and a participle before a compound noun ("the Tellish amended fish quota rule"). The head is the last
noun, so the description meets its head's other descriptions (invented names; records made by hand)."""

from __future__ import annotations

from kg.resolve.entities import resolve_entities, thing_head, thing_modifiers

from tests.resolve.record_kit import record, story

#: The named entities every document of these stories mentions: a place and a company.
TELLSOFT_STORY = (("e:town", "Pemberton", "Place"), ("e:co", "Tellsoft", "Organization"))


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
    result = resolve_entities(story(
        record("e:f1", "out of band emergency fix", "Thing", "a", "out-of-band emergency fix"),
        record("e:f2", "emergency fix", "Thing", "b", "the emergency fix"),
        record("e:v1", "out of band visitor", "Thing", "c"),
        shared=TELLSOFT_STORY,
    ))
    assert result.same("e:f1", "e:f2")
    assert not result.same("e:f1", "e:v1")


def test_a_rule_with_a_participle_and_a_compound_before_it_meets_the_rule():
    result = resolve_entities(story(
        record("e:r1", "Tellsoft protected wetland rule", "Thing", "a"),
        record("e:r2", "new rule", "Thing", "b", "the new rule"),
        shared=TELLSOFT_STORY,
    ))
    assert result.same("e:r1", "e:r2")


def test_a_one_word_name_joins_the_longer_name_the_tagger_read_as_a_noun():
    # "Tellsoft Navigator" is a noun phrase in three reports (the tagger missed the name); "Navigator", tagged
    # an organisation in a fourth, is its head
    result = resolve_entities(story(
        record("e:n1", "tellsoft navigator", "Thing", "a", "Tellsoft Navigator"),
        record("e:n2", "tellsoft navigator", "Thing", "b", "Tellsoft Navigator"),
        record("e:n3", "tellsoft navigator", "Thing", "c", "the Tellsoft Navigator browser", "Tellsoft Navigator"),
        record("e:nav", "Navigator", "Organization", "d"),
        record("e:b1", "browser", "Thing", "c", "the browser"),
        shared=TELLSOFT_STORY,
    ))
    assert result.same("e:n1", "e:n2")
    assert result.same("e:nav", "e:n1")
