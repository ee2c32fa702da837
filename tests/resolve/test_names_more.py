"""Person names with a title before them, across documents (issue 5). Names are invented."""

from __future__ import annotations

from kg.resolve.entities import resolve_entities
from kg.resolve.names import person_core

from tests.resolve.record_kit import record


def test_a_position_abbreviation_is_a_title():
    assert person_core("WR Dale Orrin") == "dale orrin"
    assert person_core("QB Orrin") == "orrin"


def test_a_surname_joins_the_full_name_when_the_other_form_is_a_title_and_the_surname():
    records = [record("e:full", "Dale Orrin", "Person", "ab"), record("e:titled", "WR Orrin", "Person", "c"),
               record("e:short", "Orrin", "Person", "abc")]
    result = resolve_entities(records)
    assert result.same("e:short", "e:full")


def test_two_people_with_one_surname_still_keep_the_surname_apart():
    records = [record("e:dale", "Dale Orrin", "Person", "ab"), record("e:mia", "Mia Orrin", "Person", "c"),
               record("e:short", "Orrin", "Person", "abc")]
    result = resolve_entities(records)
    assert not result.same("e:short", "e:dale")
    assert not result.same("e:short", "e:mia")
    assert not result.same("e:dale", "e:mia")
