"""The seed articles: who said what, how sure, and the numbers the resolver compares."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_document
from kg.extract.entities import unscoped
from kg.ingest import read_document

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def seeds(pipeline):
    docs = sorted(SEEDS.glob("*.txt"))
    return {p.name[:3]: extract_document(read_document(p), pipeline) for p in docs}


def _text(ex, claim):
    return ex.document.text[claim.sentence[0] : claim.sentence[1]]


def _said_by(ex, key):
    return [c for c in ex.claims if c.speaker == key]


def test_hong_min_is_one_person_in_both_documents(seeds):
    for ex in seeds.values():
        entity = next(e for e in ex.entities if e.key == "Hong Min")
        assert entity.type == "Person"


def test_hong_mins_two_statements_in_the_guardian(seeds):
    ex = seeds["000"]
    said = _said_by(ex, "Hong Min")
    assert any("likely wished to portray" in _text(ex, c) and "portray" in c.relation.split() for c in said)
    assert any("footage appears to have been released" in _text(ex, c) for c in said)
    assert not any(c.speaker == "Yonhap" for c in ex.claims)


def test_hong_mins_two_statements_in_the_second_outlet(seeds):
    ex = seeds["002"]
    said = _said_by(ex, "Hong Min")
    assert any(c.cue == "according to" and "present the dead as heroes" in _text(ex, c) for c in said)
    assert any(c.cue == "noted" and "became possible only after" in _text(ex, c) for c in said)
    he = next(m for m in ex.mentions if m.text == "He" and "He noted" in ex.document.text[m.start : m.start + 8])
    assert he.entity == "Hong Min" and he.kind == "pronoun"


def test_kcna_and_the_korea_herald_speak_for_themselves(seeds):
    for ex in seeds.values():
        kcna = _said_by(ex, "KCNA")
        assert kcna and all("friendship" in _text(ex, c) for c in kcna)
        herald = _said_by(ex, "Korea Herald")
        assert herald and all("first time" in _text(ex, c) for c in herald)


def test_reporting_acts_are_claims_of_the_publisher(seeds):
    ex = seeds["000"]
    acts = [c for c in ex.claims if c.rule.startswith("attribution") and c.subject.entity == "Hong Min"]
    assert {c.relation for c in acts} >= {"tell", "continue"}
    assert all(c.speaker is None for c in acts)


def test_reportedly_sent_15000_soldiers_is_probable(seeds):
    ex = seeds["000"]
    claim = next(c for c in ex.claims if c.relation.startswith("send") and c.quantity and c.quantity.value == 15000)
    assert claim.certainty == "probable" and claim.quantity.unit == "soldier"
    assert claim.subject.entity == "North Korea"
    assert claim.time is not None and claim.time.text.lower() == "since last autumn"


def test_allegedly_displayed_is_probable(seeds):
    ex = seeds["000"]
    claim = next(c for c in ex.claims if c.relation.startswith("display"))
    assert claim.certainty == "probable"


def test_casualty_figures(seeds):
    guardian = seeds["000"]
    suffer = [c for c in guardian.claims if c.relation == "suffer" and c.quantity]
    casualties = next(c for c in suffer if unscoped(c.object.entity) == "casualty")
    assert casualties.subject.entity == "North Korea" and casualties.quantity.value == 4700
    assert casualties.quantity.lower_bound
    fatalities = next(c for c in suffer if unscoped(c.object.entity) == "fatality")  # "including 600 fatalities"
    assert fatalities.subject.entity == "North Korea" and fatalities.quantity.value == 600
    assert fatalities.speaker == casualties.speaker and fatalities.speaker is not None
    other = seeds["002"]
    died = next(c for c in other.claims if c.relation == "die")
    assert (unscoped(died.subject.entity), died.object.text, died.quantity.value) == ("soldier", "600", 600)
    assert next(c for c in other.claims if c.relation == "send").quantity.approximate
    # "the DPRK has sent about 15,000 soldiers ... Of these, 600 have died and another 4,700 have been wounded"
    losses = {unscoped(c.object.entity): c for c in other.claims if c.rule.endswith("/loss")}
    assert {m: (c.subject.entity, c.relation, c.quantity.value) for m, c in losses.items()} == {
        "dead": ("DPRK", "suffer", 600), "wounded": ("DPRK", "suffer", 4700)}


def test_no_claim_with_an_empty_object_or_about_itself(seeds):
    for ex in seeds.values():
        for c in ex.claims:
            assert c.object is None or c.object.text.strip(), c
            assert c.object is None or c.object.entity is None or c.object.entity != c.subject.entity, c


def test_about_15000_is_attributed_to_the_parliamentarians(seeds):
    ex = seeds["002"]
    claim = next(c for c in ex.claims if c.relation.startswith("send") and c.quantity and c.quantity.value == 15000)
    assert claim.cue == "according to" and "parliamentarian" in claim.speaker
