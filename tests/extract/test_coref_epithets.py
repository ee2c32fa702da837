"""Within one article: a state named by an epithet, and a business named by its trade in any role (issue 5).

Every sentence here is written for the test. A report names its state once and then describes it ("the
energy-rich Central Asian nation", "the desert country"); it names a company once and then calls it "the
software giant" as the subject of whatever it did, or as the owner of something ("the software giant's
security team"). A relational word ("the neighbouring country") or an object ("bought the chip maker")
picks out someone else.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "phrase",
    ["the energy-rich nation", "the reclusive desert country", "the gas-rich Central Asian nation"],
)
def test_a_state_named_by_an_epithet_is_the_state(parse, phrase):
    text = (f"Voters in Zarkostan went to the polls on Sunday. Observers said {phrase} "
            f"was shedding its autocratic past.")
    parsed = parse(text)
    noun = phrase.split()[-1]
    assert parsed.key(noun) == parsed.key("Zarkostan") is not None


@pytest.mark.parametrize("phrase", ["the neighbouring country", "the largest nation", "the host nation"])
def test_a_relational_or_graded_state_noun_is_not_the_state(parse, phrase):
    text = (f"Voters in Zarkostan went to the polls on Sunday. Observers said {phrase} "
            f"was watching the vote.")
    parsed = parse(text)
    noun = phrase.split()[-1]
    assert parsed.key(noun) != parsed.key("Zarkostan")


@pytest.mark.parametrize(
    "sentence",
    [
        "The US software giant released a second update on Friday.",
        "The tech giant recommends that users update at once.",
        "A researcher at the software giant's security centre confirmed the attacks.",
    ],
)
def test_a_business_named_by_its_trade_is_the_organisation_in_any_subject_role(parse, sentence):
    text = "Quillsoft Corp. warned of a flaw in its browser on Tuesday. " + sentence
    parsed = parse(text)
    assert parsed.key("giant") == parsed.key("Corp.") is not None


def test_a_business_named_by_its_trade_as_an_object_is_not_the_organisation(parse):
    text = "Quillsoft Corp. had a busy week. On Tuesday Quillsoft Corp. bought the chip maker for $2 billion."
    parsed = parse(text)
    assert parsed.key("maker") != parsed.key("Corp.")
