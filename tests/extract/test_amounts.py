"""Amounts of money, decimal measures and scores written alone get mentions of their own
(kg.extract.entities.nested_amounts, nested_scores)."""

from __future__ import annotations

from kg.extract import extract_document
from kg.extract.entities import amount_label
from kg.model import Document


def _mentions(pipeline, text: str) -> list[tuple[str, str, str]]:
    ex = extract_document(Document(text=text, source="a.txt"), pipeline)
    return [(m.text, m.entity.split(" #")[0], m.kind) for m in ex.mentions]


def test_an_amount_of_money_is_a_mention_of_its_own_with_exact_offsets(pipeline):
    text = "Thieves took jewels worth over $2.6 million from a Dellford shop. The Owls offered Rann an eight-year, $184M deal."
    ex = extract_document(Document(text=text, source="a.txt"), pipeline)
    found = {m.text: m for m in ex.mentions if m.entity.startswith("$")}
    assert sorted(found) == ["$184M", "$2.6 million"]  # "over" is left out
    for surface, m in found.items():
        assert text[m.start : m.end] == surface and m.kind == "nominal"
    assert found["$184M"].entity.split(" #")[0] == "$184 million"
    labels = {e.key: e.label for e in ex.entities}
    assert labels[found["$184M"].entity] == "$184 million"


def test_one_amount_spelled_two_ways_is_one_entity(pipeline):
    text = "Rann signed for $184 million on Monday. The $184M contract is the largest the Owls gave."
    keys = {m.entity for m in extract_document(Document(text=text, source="a.txt"), pipeline).mentions
            if m.text in {"$184 million", "$184M"}}
    assert len(keys) == 1


def test_a_decimal_measure_is_a_mention_but_not_a_version_in_a_name_nor_a_percentage(pipeline):
    text = "A 5.6 magnitude quake hit Orlan Island, measuring 5.6 on the Richter scale. Users of Windows 8.1 rose 3.5%."
    found = _mentions(pipeline, text)
    assert [m for m in found if m[0] == "5.6"] == [("5.6", "5.6", "nominal")] * 2
    assert not [m for m in found if m[0] in {"8.1", "3.5"}]


def test_a_score_written_alone_is_a_mention_of_the_result(pipeline):
    text = "Tellport lost 20-13 to the Gulls on Sunday. The Gulls (10-0) stay unbeaten."
    found = _mentions(pipeline, text)
    assert ("20-13", "20-13", "nominal") in found and ("10-0", "10-0", "nominal") in found


def test_amount_labels():
    assert amount_label("£1.7m") == "£1.7 million"
    assert amount_label("$200MM") == amount_label("$200,000,000") == "$200 million"
    assert amount_label("$35,000") == "$35000"
    assert amount_label("5.60") == "5.6"
    assert amount_label("three") is None


def test_a_score_set_off_by_commas_or_closing_a_sentence_is_a_mention(pipeline):
    text = "The Gulls beat Tellport, 20-13, on Sunday. It was their third win, 31-24. Some 1-2,300 fans came."
    found = _mentions(pipeline, text)
    assert {"20-13", "31-24"} <= {m[0] for m in found}
    assert not [m for m in found if m[0].startswith("1-2")]
