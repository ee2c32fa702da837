"""A person's name with a nickname in quotes is one name (kg.extract.entities.join_nicknames)."""

from __future__ import annotations

from kg.extract.entities import index_entities


def _names(nlp, text: str) -> dict[str, str]:
    doc = nlp(text)
    index = index_entities([(doc, 0)])
    return {m.text: m.entity for m in index.mentions}


def test_a_nickname_in_single_quotes_does_not_break_the_name(nlp):
    names = _names(nlp, "Mob boss Dario 'Fingers' Valcorte died Monday in prison.")
    assert names.get("Dario 'Fingers' Valcorte") == "Dario 'Fingers' Valcorte"


def test_a_nickname_with_the_is_part_of_the_name_and_the_surname_stands_for_it(nlp):
    text = "Mob boss Dario 'The Hand' Valcorte died Monday. Valcorte was 77."
    names = _names(nlp, text)
    assert names.get("Dario 'The Hand' Valcorte") == "Dario 'The Hand' Valcorte"
    assert names.get("Valcorte") == "Dario 'The Hand' Valcorte"


def test_a_brother_named_later_does_not_take_the_surname_of_the_nicknamed_man(nlp):
    text = ("Dario \"The Hand\" Valcorte, the powerful mob boss, died on Monday. Valcorte ran the clan for years. "
            "His brother, the Rev. Matteo Valcorte, said a Mass. Matteo Valcorte was with him.")
    names = _names(nlp, text)
    assert names.get("Valcorte") == 'Dario "The Hand" Valcorte'


def test_a_quoted_title_after_a_name_is_no_nickname(nlp):
    names = _names(nlp, "Critics loved Dana Reed's 'Blue Harbor' and its cast.")
    assert not any("Harbor" in n and "Reed" in n for n in names)


def test_a_plural_after_the_quotes_is_no_surname(nlp):
    names = _names(nlp, "Fans of Dana Reed 'Blue Harbor' Tickets sold out on Monday.")
    assert not any("Tickets" in n for n in names)
