"""The label caches of the resolve rules hold nothing after a resolve, and give what the functions give."""

from __future__ import annotations

from kg.resolve import entities as E
from kg.resolve.entities import EntityRecord, resolve_entities

from tests.resolve.record_kit import record


def _time(iri: str, label: str) -> EntityRecord:
    return record(iri, label, "Thing", ("http://ex/d",))


def test_the_time_and_spelling_caches_are_emptied_after_a_resolve() -> None:
    records = [_time("http://ex/a", "at about 7 p.m."), _time("http://ex/b", "this morning"),
               _time("http://ex/c", "the jewellery"), _time("http://ex/d", "the jewelry")]
    resolve_entities(records)
    cached = [E.american_spelling, E._deictic, E._clock_time, E._clock_value]
    assert all(f in E._LABEL_CACHED for f in cached)
    assert all(f.cache_info().currsize == 0 for f in cached)
    # asked again, the cached answers are the functions' own
    assert E._clock_value("at about 7 p.m.") == E._clock_value.__wrapped__("at about 7 p.m.") == (7, 0, "p")
    assert E._deictic("this morning") is E._deictic.__wrapped__("this morning") is True
    assert E.american_spelling("jewellery") == "jewelry"
    E._clear_label_caches()
