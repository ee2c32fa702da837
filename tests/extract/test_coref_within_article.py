"""Within one article: a person's body, and role nouns whose head alone names no person (issue 5).

Every sentence here is written for the test. A report of a death speaks of the dead by their
body ("His body was found by a maid"): that body is the person. Role nouns of two words ("the
running back") name a person although their head ("back") does not.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Orin Maddox, a retired banker, has died at 81. His body was found by a maid at a hotel.",
        "Orin Maddox has died at 81. Maddox's body was found by a maid at a hotel.",
        "Orin Maddox has died at 81. The body of Orin Maddox was found by a maid at a hotel.",
    ],
)
def test_a_persons_body_is_the_person(parse, text):
    parsed = parse(text)
    assert parsed.key("body") == "Orin Maddox"


@pytest.mark.parametrize(
    "text",
    [
        "Orin Maddox washed the car. The body of the car was dented.",
        "The council is a governing body of the town. Orin Maddox chairs it.",
        "Orin Maddox and Ada Quill died in the fire. Their bodies were found on Monday.",
        "Police found two women in a flat. Both women had been stabbed and their bodies lay there for days.",
    ],
)
def test_other_bodies_are_not_the_person(parse, text):
    parsed = parse(text)
    assert parsed.key("body" if "body" in text else "bodies") not in {"Orin Maddox", "Ada Quill"} | {
        parsed.key("women", n) for n in range(text.split().count("women"))} - {None}


def test_they_of_an_organisations_report_is_the_organisation(parse):
    text = ("Customers lost their links when the Vellport cable broke. Norcastle Telecom announced on Monday "
            "that they have restored all the links on other routes.")
    parsed = parse(text)
    assert parsed.key("they") == "Norcastle Telecom"


def test_they_of_an_organisations_report_may_be_people(parse):
    text = ("Three engineers were trapped when the tunnel flooded. Norcastle Telecom said on Monday "
            "that they had been rescued by divers.")
    parsed = parse(text)
    assert parsed.key("they") != "Norcastle Telecom"


@pytest.mark.parametrize("noun", ["giant", "maker", "company"])
def test_a_business_described_by_its_trade_that_speaks_is_the_organisation(parse, noun):
    text = (f"Quillsoft Corp. released an emergency patch for its browser on Tuesday. "
            f"The software {noun} said the flaw was being used in attacks.")
    parsed = parse(text)
    assert parsed.key(noun) == parsed.key("Corp.") is not None


def test_a_rival_company_that_speaks_is_not_the_organisation(parse):
    text = "Quillsoft Corp. released a patch on Tuesday. A rival company said the flaw was minor."
    parsed = parse(text)
    assert parsed.key("company") != parsed.key("Corp.")
