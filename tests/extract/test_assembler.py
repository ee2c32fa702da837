"""The assembled claims: attribution, reporting acts, counts, objectless clauses, offsets."""

from __future__ import annotations

from tests.extract.helpers import claim_with, label


def test_reported_claim_is_attributed_and_the_act_is_a_claim(extract):
    text = "Maria Santos told Reuters that the factory would close in March."
    ex = extract(text)
    content = claim_with(ex, "close")
    assert label(ex, content.speaker) == "Maria Santos" and content.cue == "told"
    act = claim_with(ex, "tell", act=True)
    assert label(ex, act.subject.entity) == "Maria Santos" and act.speaker is None
    assert act.object.role == "content" and act.object.entity is None
    assert text[act.object.start : act.object.end] == act.object.text == "the factory would close in March"
    assert [(a.role, label(ex, a.entity)) for a in act.arguments] == [("recipient", "Reuters")]


def test_nested_reporting_act_is_attributed_to_the_outer_speaker(extract):
    ex = extract("The Tribune reports that the central bank said interest rates would remain unchanged.")
    act = claim_with(ex, "say", act=True)
    assert act.subject.entity == "central bank" and label(ex, act.speaker) == "Tribune" and act.cue == "reports"
    assert claim_with(ex, "remain").speaker == "central bank"


def test_unattributed_claim_belongs_to_the_publisher(extract):
    claim = claim_with(extract("Heavy rain flooded the lower town overnight."), "flood")
    assert claim.speaker is None and claim.cue is None and claim.certainty == "certain"


def test_denied_content_is_negative(extract):
    ex = extract("The army denied that its soldiers had fired on protesters.")
    claim = claim_with(ex, "fire")
    assert claim.polarity == "negative" and claim.speaker == "army"
    assert claim_with(ex, "deny", act=True).polarity == "positive"


def test_epistemic_report_lowers_certainty(extract):
    claim = claim_with(extract("New data suggests that the economy shrank in the spring."), "shrink")
    assert claim.certainty == "probable" and claim.speaker is None and claim.cue == "suggests"


def test_partitive_count_is_the_object(extract):
    text = "The bus carried 40 passengers. Of these, 12 were injured."
    ex = extract(text)
    claim = claim_with(ex, "injure")
    assert claim.relation == "injure" and claim.subject.entity == "passenger"
    assert claim.object.text == "12" and claim.object.role == "quantity" and claim.rule.endswith("/count")
    assert text[claim.object.start : claim.object.end] == "12"
    assert (claim.quantity.value, claim.quantity.unit) == (12, "passenger")


def test_counted_subject_keeps_its_prepositional_argument(extract):
    claim = claim_with(extract("Some 300 soldiers have died in the fighting."), "die")
    assert claim.relation == "die" and claim.object.text == "Some 300"
    assert claim.quantity.approximate and [a.role for a in claim.arguments] == ["in"]


def test_two_ways_of_counting_state_the_same_claim(extract):
    a = claim_with(extract("Of these soldiers, 600 have died."), "die")
    b = claim_with(extract("600 soldiers have died."), "die")
    assert (a.subject.entity, a.relation, a.object.text) == (b.subject.entity, b.relation, b.object.text)


def test_intransitive_clause_is_kept_without_object(extract):
    ex = extract("Hong continued, \u201cthe footage appears to have been released.\u201d")
    claim = claim_with(ex, "release")
    assert claim.object is None and claim.rule.endswith("/intransitive") and claim.certainty == "probable"
    assert not [c for c in ex.claims if c.relation == "appear"]


def test_first_person_in_a_quote_is_the_speaker(extract):
    ex = extract('"I signed the order," Elena Petrova said.')
    claim = claim_with(ex, "sign")
    assert label(ex, claim.subject.entity) == "Elena Petrova" == label(ex, claim.speaker)


def test_quantity_bound_word_is_not_part_of_the_relation(extract):
    claim = claim_with(extract("The flood destroyed over 300 homes."), "destroy")
    assert claim.relation == "destroy" and claim.quantity.lower_bound and claim.quantity.value == 300


def test_every_claim_offset_points_into_the_text(extract):
    text = ("Prime Minister Helena Varga visited the flooded towns on Monday. Varga said the army had rescued "
            "about 200 people. \"We will rebuild,\" she added. According to the Evening Star, the dam burst.")
    ex = extract(text, issued="2025-06-22")
    assert ex.claims
    for claim in ex.claims:
        assert 0 <= claim.sentence[0] < claim.sentence[1] <= len(text)
        for arg in (claim.subject, claim.object, *claim.arguments):
            if arg is not None:
                assert text[arg.start : arg.end] == arg.text
        if claim.time is not None and claim.time.start is not None:
            assert text[claim.time.start : claim.time.end] == claim.time.text
    for mention in ex.mentions:
        assert text[mention.start : mention.end] == mention.text
    keys = {e.key for e in ex.entities}
    assert all(c.speaker is None or c.speaker in keys for c in ex.claims)
    assert all(m.entity in keys for m in ex.mentions)
