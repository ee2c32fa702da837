"""Within one article: pronouns whose antecedent the parse hides or misleads (issue 5).

Every sentence here is written for the test. A person noun the parser hangs as an apposition on a
thing ("... the route to Japan, a company spokeswoman said") is someone new, whom the next "she"
is; a relative pronoun out of a reported clause ("a flaw which it said ...") or read as a
conjunction ("a flaw that could allow ...") stands for its noun; "one of the suspects" is one
person, the antecedent of "himself" and "his"; a fronted "it" looks ahead to the organisation
("As it promised, Norvex ..."); the subject pronoun of a relative clause is not the clause's noun.
"""

from __future__ import annotations

from kg.model import Extraction


def _entity_at(ex: Extraction, text: str, word: str, nth: int = 0) -> str | None:
    """The entity of the mention spelled exactly ``word`` at its ``nth`` occurrence as a word of ``text``."""
    starts = [i for i in range(len(text)) if text.startswith(word, i) and (i == 0 or not text[i - 1].isalnum())
              and not text[i + len(word): i + len(word) + 1].isalnum()]
    start = starts[nth]
    found = [m.entity for m in ex.mentions if m.start == start and m.end == start + len(word)]
    return found[0] if found else None


def _entity_of_label(ex: Extraction, label: str) -> str:
    return next(m.entity for m in ex.mentions if m.text == label)


def test_a_person_noun_is_no_apposition_of_a_thing(extract):
    text = ("The faults were on two lines and the Arrow cable route, which runs from the coast to the islands, a Telvana "
            "spokeswoman who asked not to be named said.\nTelvana does not know what caused the fault, she said.")
    ex = extract(text)
    she = _entity_at(ex, text, "she")
    assert she is not None
    assert she == _entity_at(ex, text, "who")
    assert "spokeswoman" in she.casefold()


def test_a_relative_pronoun_out_of_a_reported_clause(extract):
    text = "Norvex issued a patch to fix a serious flaw in its Quillo browser which it said had hit two million users."
    ex = extract(text)
    assert _entity_at(ex, text, "which") == _entity_of_label(ex, "serious flaw in its Quillo browser")


def test_a_relative_that_read_as_a_conjunction(extract):
    text = 'The update for Quillo resolves a publicly disclosed flaw that "could allow attackers to take over a computer."'
    ex = extract(text)
    assert _entity_at(ex, text, "that") == _entity_of_label(ex, "publicly disclosed flaw")
    fact = "Officials denied the claim that the plant could close."
    assert _entity_at(extract(fact), fact, "that") is None  # a clause with a subject of its own


def test_one_of_the_suspects_is_the_one_who_hanged_himself(extract):
    text = ("One of the alleged gang bosses arrested in a raid on Monday has hanged himself in his cell in Dorvik.\n"
            "His death appeared to be linked to a feud.")
    ex = extract(text)
    one = _entity_at(ex, text, "One")
    assert one is not None
    assert _entity_at(ex, text, "himself") == one
    assert _entity_at(ex, text, "his") == one
    assert _entity_at(ex, text, "His") == one
    assert one != _entity_of_label(ex, "alleged gang bosses")


def test_a_fronted_it_is_the_organisation_after_it(extract):
    text = "The bug hit millions of users. As it promised on Tuesday, Norvex Corp. today released a fix for the bug."
    ex = extract(text)
    assert _entity_at(ex, text, "it") == _entity_of_label(ex, "Norvex Corp.")


def test_a_relative_clauses_pronoun_is_not_its_noun(extract):
    text = "Norvex Corp. said on Monday that the repair of the faults they found will take twelve days."
    ex = extract(text)
    assert _entity_at(ex, text, "they") == _entity_of_label(ex, "Norvex Corp.")
