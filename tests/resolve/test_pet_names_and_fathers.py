"""A given name's pet form, and a father told from his son by "Sr" and "Jr" (invented names; records made by
hand, resolved by the pure rule function)."""

from __future__ import annotations

from kg.resolve.entities import resolve_entities
from kg.resolve.names import given_name_variant

from tests.resolve.record_kit import record, story


def test_a_pet_form_of_a_given_name_is_the_full_name():
    """"Rosie" is "Rosalind" (a stem of the full name with "-ie"), "Benny" no short form of "Bernard"."""
    assert given_name_variant("rosie", "rosalind") and given_name_variant("wendy", "wendolyn")
    assert not given_name_variant("benny", "bernard") and not given_name_variant("rosie", "rosie")
    result = resolve_entities(story(
        record("e:m1", "Rosie Quarrington", "Person", "a", "Quarrington"),
        record("e:m2", "Rosalind Quarrington", "Person", "b", "Quarrington"),
        record("e:b1", "Benny Quarrington", "Person", "c"),
        record("e:b2", "Bernard Quarrington", "Person", "d"),
    ))
    assert result.same("e:m1", "e:m2")
    assert not result.same("e:b1", "e:b2")
    assert not result.same("e:m1", "e:b2")


def test_the_father_called_sr_is_the_bare_name_and_his_son_called_jr_is_not():
    """An article calls the father "T. Oren Halvard Sr" to tell him from his son "Oren Halvard Jr"; the other
    articles' "T. Oren Halvard" and "Oren Halvard" are the father."""
    result = resolve_entities(story(
        record("e:o1", "Oren Halvard", "Person", "a", "Halvard"),
        record("e:o2", "T. Oren Halvard", "Person", "b", "Halvard"),
        record("e:sr", "T. Oren Halvard Sr", "Person", "c", "Halvard"),
        record("e:jr", "Oren Halvard Jr", "Person", "c"),
    ))
    assert result.same("e:o1", "e:o2")
    assert result.same("e:sr", "e:o1")
    assert not result.same("e:jr", "e:o1")
