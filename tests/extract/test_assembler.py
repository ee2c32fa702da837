"""The assembled claims: attribution, reporting acts, counts, objectless clauses, offsets."""

from __future__ import annotations

import pytest

from kg.extract.entities import unscoped
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
    assert unscoped(act.subject.entity) == "central bank" and label(ex, act.speaker) == "Tribune"
    assert act.cue == "reports" and claim_with(ex, "remain").speaker == act.subject.entity


def test_unattributed_claim_belongs_to_the_publisher(extract):
    claim = claim_with(extract("Heavy rain flooded the lower town overnight."), "flood")
    assert claim.speaker is None and claim.cue is None and claim.certainty == "certain"


def test_denied_content_is_negative(extract):
    ex = extract("The army denied that its soldiers had fired on protesters.")
    claim = claim_with(ex, "fire")
    assert claim.polarity == "negative" and unscoped(claim.speaker) == "army"
    assert claim_with(ex, "deny", act=True).polarity == "positive"


def test_epistemic_report_lowers_certainty(extract):
    claim = claim_with(extract("New data suggests that the economy shrank in the spring."), "shrink")
    assert claim.certainty == "probable" and claim.speaker is None and claim.cue == "suggests"


def test_partitive_count_is_the_object(extract):
    text = "The bus carried 40 passengers. Of these, 12 were injured."
    ex = extract(text)
    claim = claim_with(ex, "injure")
    assert claim.relation == "injure" and unscoped(claim.subject.entity) == "passenger"
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
    # one key in both documents; each document's common noun is its own entity until resolve links them
    assert unscoped(a.subject.entity) == unscoped(b.subject.entity) and a.subject.entity != b.subject.entity
    assert (a.relation, a.object.text) == (b.relation, b.object.text)


def test_intransitive_clause_is_kept_without_object(extract):
    ex = extract("Han continued, \u201cthe footage appears to have been released.\u201d")
    claim = claim_with(ex, "release")
    assert claim.object is None and claim.rule.endswith("/intransitive") and claim.certainty == "probable"
    assert claim.speaker is not None
    assert not [c for c in ex.claims if c.relation == "appear"]


def test_a_purpose_clause_is_the_claim_not_its_host(extract):
    ex = extract("The soldiers were sent to fight alongside the rebels. The talks have collapsed.")
    assert not [c for c in ex.claims if c.relation == "send"]  # the complement says what the sending was for
    fight = claim_with(ex, "fight")
    assert unscoped(fight.subject.entity) == "soldier" and fight.relation == "fight alongside"
    assert claim_with(ex, "collapse").object is None


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


# -- figures: inclusions and the losses of a counted group -------------------------------------------------


def test_included_figure_is_a_claim_of_its_own(extract):
    ex = extract("The army suffered over 4,700 casualties, including 600 fatalities.")
    suffer = [c for c in ex.claims if c.relation == "suffer"]
    assert {(unscoped(c.object.entity), c.quantity.value, c.quantity.lower_bound) for c in suffer} == {
        ("casualty", 4700, True), ("fatality", 600, False)}
    assert {unscoped(c.subject.entity) for c in suffer} == {"army"}
    part = next(c for c in suffer if c.rule.endswith("/including"))
    assert ex.document.text[part.object.start : part.object.end] == "600 fatalities"
    whole = next(c for c in suffer if c is not part)
    assert not any(a.role == "including" for a in whole.arguments)


def test_inclusion_without_a_number_adds_no_claim(extract):
    ex = extract("The Bundestag provided military technology, including satellites.")
    assert not [c for c in ex.claims if c.rule.endswith("/including")]


def test_losses_of_a_sent_group_are_the_senders(extract):
    text = "The NVR has sent about 15,000 soldiers to Poland. Of these, 600 have died and another 4,700 have been wounded."
    ex = extract(text)
    losses = {unscoped(c.object.entity): c for c in ex.claims if c.rule.endswith("/loss")}
    assert set(losses) == {"dead", "wounded"}
    for measure, value in (("dead", 600), ("wounded", 4700)):
        loss = losses[measure]
        assert (loss.subject.entity, loss.relation, loss.quantity.value) == ("NVR", "suffer", value)
        assert loss.sentence[0] > text.index("Of these") - 1  # stated by the second sentence
        assert text[loss.object.start : loss.object.end] == loss.object.text in {"died", "wounded"}
    # the counted claims stay, about the soldiers
    assert unscoped(claim_with(ex, "die").subject.entity) == "soldier" and claim_with(ex, "die").object.text == "600"


@pytest.mark.parametrize("text, owner", [
    ("East Timor has sent troops to Poland. Officials said 300 East Timorese soldiers were killed.", "East Timor"),
    ("East Timor's army has lost 2,000 soldiers. Of these, 300 were captured.", "East Timor"),
])
def test_owner_of_a_counted_group(extract, text, owner):
    ex = extract(text)
    loss = next(c for c in ex.claims if c.rule.endswith("/loss"))
    assert loss.subject.entity == owner and loss.quantity.value == 300


@pytest.mark.parametrize("text", ["Poland killed 600 soldiers.",
                                  "The rebels attacked 40 villagers. Of them, 12 died.",
                                  "About 200 workers joined the strike. Of them, 50 have returned to work."])
def test_no_loss_is_credited_to_whoever_caused_it_or_an_unrelated_group(extract, text):
    assert not [c for c in extract(text).claims if c.rule.endswith("/loss")]


# -- junk the graph never gets ----------------------------------------------------------------------------


def test_apposition_is_never_a_tautology(extract):
    ex = extract("Han Sun, a senior scholar at the Veldra Institute for Regional Cooperation, told Norvik that "
                 "the footage was new.")
    appos = [c for c in ex.claims if c.rule == "appos"]
    assert appos and all(c.object.entity != c.subject.entity for c in appos)
    assert any(label(ex, c.subject.entity) == "Han Sun" and "scholar" in c.object.entity for c in appos)


def test_apposition_with_an_owner_names_the_relation(extract):
    ex = extract("Haddad sat with his daughter, Elena Varga.")
    claim = next(c for c in ex.claims if c.rule == "appos")
    assert (label(ex, claim.subject.entity), claim.relation, label(ex, claim.object.entity)) == (
        "Elena Varga", "be daughter of", "Haddad")


def test_two_names_in_apposition_give_no_claim(extract):
    ex = extract("The clothing worn by Cho, his sister Cho Yo Rae and Foreign Minister Ryu Son Hui suggests a "
                 "winter date.")
    assert not [c for c in ex.claims if c.rule == "appos"]


@pytest.mark.parametrize("text", ["The concert on Sunday was a success.", "The leaders of the party met in Lisbon.",
                                  "In addition to photos, the event featured music."])
def test_noun_phrases_about_nothing_named_give_no_claim(extract, text):
    assert not [c for c in extract(text).claims if c.rule in {"nominal-prep", "nominal-poss", "appos"}]


def test_named_places_and_affiliations_stay(extract):
    ex = extract("Han Sun, a scholar at the Veldra Institute for Regional Cooperation, spoke.")
    assert any(c.rule == "nominal-prep" and c.relation == "be at" for c in ex.claims)


def test_pleonastic_it_is_about_nothing(extract):
    ex = extract("It is clear that the plan failed. It was reported that the army withdrew from the city. "
                 "It is a rare public admission that the military has suffered losses. It took three years to "
                 "build the bridge.")
    assert ex.claims
    assert all(c.subject.text.lower() != "it" and c.subject.entity for c in ex.claims if not c.rule.startswith("attr"))
    assert not [c for c in ex.claims if c.relation == "build"]  # "three years" builds nothing


def test_pronoun_object_is_never_its_clauses_subject(extract):
    ex = extract("The leaders of the NVR and Poland confirmed the presence of troops, calling them heroes.")
    assert all(c.object is None or c.object.entity != c.subject.entity for c in ex.claims)
    assert not [c for c in ex.claims if c.relation == "call" and c.object.entity == "leader"]


def test_a_time_object_stays_whole(extract):
    ex = extract("Officials said more deployments would occur in July or August.")
    occur = [c for c in ex.claims if c.relation.startswith("occur")]
    assert [(c.relation, c.object.text, c.object.entity) for c in occur] == [("occur in", "July or August", None)]


def test_temporal_nouns_are_not_objects(extract):
    ex = extract("The leaders confirmed for the first time the presence of troops. The occasion marked the first "
                 "time that civilians could watch.")
    assert not [c for c in ex.claims if c.object is not None and c.object.text.endswith("time")]


def test_passive_perception_is_the_event(extract):
    assert claim_with(extract("The audience members were seen wiping their eyes."), "wipe").relation == "wipe"


def test_purpose_infinitive_after_sending_has_the_object_as_subject(extract):
    ex = extract("The North has sent 15,000 soldiers to fight in the conflict.")
    fight = claim_with(ex, "fight")
    assert unscoped(fight.subject.entity) == "soldier" and fight.quantity is None and not fight.rule.endswith("/count")


def test_definite_numbers_are_no_counts(extract):
    definite = claim_with(extract("The two nations confirmed the deployment."), "confirm")
    bare = claim_with(extract("Two nations signed the pact."), "sign")
    assert definite.quantity is None and bare.quantity.value == 2


def test_modified_noun_count_is_not_the_modifiers_object(extract):
    ex = extract("Photos showed six coffins covered in flags.")
    cover = claim_with(ex, "cover")
    assert not cover.rule.endswith("/count") and unscoped(cover.object.entity) == "flag"


def test_participle_modifying_a_noun_is_no_clause(extract):
    ex = extract("The event featured performances by South African and visiting Norwegian artists.")
    assert claim_with(ex, "feature") and not [c for c in ex.claims if c.relation == "visit"]
