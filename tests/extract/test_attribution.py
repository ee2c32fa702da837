"""Who says what: sources and their content spans."""

from __future__ import annotations

import pytest

from kg.extract.attribution import attribute


def _sources(nlp, text):
    doc = nlp(text)
    return doc, attribute([(doc, 0)])


def _source_of(doc, result, word):
    tok = next(t for t in doc if t.text == word)
    return result.source_of(0, tok.i)


@pytest.mark.parametrize(
    "text, word, speaker, cue",
    [
        ("Han Sun told Norvik that the army likely wished to rebuild.", "rebuild", "Han Sun", "told"),
        ("The ministry said the outbreak had killed 40 people.", "killed", "The ministry", "said"),
        ("Shares fell sharply on Monday, the Financial Times reports.", "fell", "the Financial Times", "reports"),
        ("According to the United Nations, 3,000 families have fled.", "fled", "the United Nations", "according to"),
        ("According to estimates by local officials, the dam burst.", "burst", "local officials", "according to"),
        ("The army, a spokesman said, has withdrawn.", "withdrawn", "a spokesman", "said"),
        ('"We will rebuild every house," the governor said.', "rebuild", "the governor", "said"),
        ("After the vote, Karim Nasser added, \u201cthe council has approved the plan.\u201d", "approved",
         "Karim Nasser", "added"),
    ],
)
def test_speaker_and_cue(nlp, text, word, speaker, cue):
    doc, result = _sources(nlp, text)
    source = _source_of(doc, result, word)
    assert source is not None and source.speaker.text == speaker and source.cue == cue


def test_content_span_is_the_reported_clause(nlp):
    text = "Warsaw's intelligence service asserted that more deployments would occur in July."
    doc, result = _sources(nlp, text)
    source = _source_of(doc, result, "occur")
    start, end = source.content
    assert text[start:end] == "more deployments would occur in July"


def test_nested_attribution_gives_the_innermost_speaker(nlp):
    doc, result = _sources(nlp, "The Tribune reports that the central bank said rates would remain unchanged.")
    inner = _source_of(doc, result, "remain")
    assert inner.speaker.text == "the central bank"
    assert inner.outer is not None and inner.outer.speaker.text == "The Tribune"
    assert _source_of(doc, result, "said").speaker.text == "The Tribune"


def test_unattributed_sentence_has_no_source(nlp):
    doc, result = _sources(nlp, "Heavy rain flooded the lower town overnight.")
    assert _source_of(doc, result, "flooded") is None


@pytest.mark.parametrize(
    "text, word",
    [("The army denied that its soldiers had fired on protesters.", "fired"),
     ("The club has denied reports that its manager was sacked.", "sacked")],
)
def test_denial_marks_its_content(nlp, text, word):
    doc, result = _sources(nlp, text)
    assert _source_of(doc, result, word).denial


def test_belief_verbs_and_impersonal_reports_are_epistemic(nlp):
    doc, result = _sources(nlp, "Analysts believe that inflation will fall.")
    assert _source_of(doc, result, "fall").epistemic
    doc, result = _sources(nlp, "It is said that the mayor will resign.")
    source = _source_of(doc, result, "resign")
    assert source.kind == "impersonal" and source.speaker is None and source.epistemic


def test_quote_spanning_sentences_keeps_its_speaker(nlp):
    doc, result = _sources(nlp, 'Coach Anna Weiss said: "The team played well. We deserved the win."')
    assert _source_of(doc, result, "deserved").speaker.text == "Coach Anna Weiss"


def test_quote_continues_the_previous_speaker(nlp):
    text = '"Prices keep rising," Omar Haddad said. "Families cannot afford food."'
    doc, result = _sources(nlp, text)
    source = _source_of(doc, result, "afford")
    assert source.speaker.text == "Omar Haddad" and source.kind == "quote"
    assert text[source.content[0] : source.content[1]] == "Families cannot afford food"


def test_quote_continues_across_paragraphs(nlp):
    first, second = nlp('"The engine failed," Meyer said.'), nlp('"The crew landed safely."')
    result = attribute([(first, 0), (second, 40)])
    tok = next(t for t in second if t.text == "landed")
    source = result.source_of(1, tok.i)
    assert source is not None and source.speaker.text == "Meyer" and source.chunk == 0


def test_scare_quotes_are_not_speech(nlp):
    doc, result = _sources(nlp, 'The leaders met in April, calling the soldiers "heroes".')
    assert _source_of(doc, result, "heroes") is None


def test_colon_hands_the_speaker_to_the_next_sentence(nlp):
    doc, result = _sources(nlp, "The minister said: The border will stay closed.")
    source = _source_of(doc, result, "stay")
    assert source is not None and source.speaker.text == "The minister"


# -- where the quotations are: one reading for attribution and coreference (kg.extract.attribution.find_quotations)
def _quoted(nlp, *paragraphs: str) -> list[str]:
    from kg.extract.attribution import find_quotations

    chunks, offset, text = [], 0, "\n".join(paragraphs)
    for paragraph in paragraphs:
        chunks.append((nlp(paragraph), offset))
        offset += len(paragraph) + 1
    return [text[start:end] for start, end in find_quotations(chunks).chars]


def test_a_quotation_over_paragraphs_goes_on_where_the_next_paragraph_closes_or_reopens_it(nlp):
    assert _quoted(nlp, 'Mara Voss said: "I am grateful.', 'And I know it will be fun." She left.') == [
        "I am grateful.", "And I know it will be fun."]
    assert _quoted(nlp, 'Mara Voss said: "I am grateful.', '"And I know it will be fun."') == [
        "I am grateful.", "And I know it will be fun."]


def test_a_missing_closing_mark_does_not_turn_the_later_quotations_inside_out(nlp):
    found = _quoted(nlp, 'The mayor called the flood a "disaster.', 'I asked Voss later. "I am sure," Voss said.')
    assert found == ["disaster.", "I am sure,"]


@pytest.mark.parametrize("text, quoted", [
    ("'I will not resign,' Dana Pruitt said. The firm 's boss left.", ["I will not resign,"]),
    ("\u2018I will not resign,\u2019 Dana Pruitt said.", ["I will not resign,"]),
    ("\u00abNous restons,\u00bb Dana Pruitt said.", ["Nous restons,"]),
])
def test_single_quotes_and_guillemets_quote(nlp, text, quoted):
    assert _quoted(nlp, text) == quoted


def test_a_tokenized_sentence_quotes_with_its_tokenizer_marks(nlp):
    from spacy.tokens import Doc

    from kg.extract.attribution import find_quotations

    words = ["``", "We", "stay", ",", "''", "she", "said", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[True] * (len(words) - 1) + [False])
    assert find_quotations([(doc, 0)]).tokens == {0: ((1, 4),)}


def test_single_quoted_speech_goes_on_with_its_speaker(nlp):
    doc, result = _sources(nlp, "'Prices keep rising,' Omar Haddad said. 'Families cannot afford food.'")
    source = _source_of(doc, result, "afford")
    assert source is not None and source.speaker.text == "Omar Haddad" and source.kind == "quote"


@pytest.mark.parametrize(
    "text",
    [
        '"We will stay," Ola Brekke said. \'Not now,\' she added, "nor ever."',
        "“Cut,” he said; ‘the “Ostrel” plan’ stays. \" Open ' quote",
    ],
)
def test_token_ranges_by_bisection_equal_a_scan_of_every_token(nlp, text):
    """The bisection over token offsets finds the tokens a plain scan finds, for every character range."""
    from kg.extract.attribution import _is_mark, _token_ranges

    doc = nlp.make_doc(text)
    for start in range(len(text) + 1):
        for end in range(start + 1, len(text) + 1):
            inside = [t.i for t in doc if t.idx < end and t.idx + len(t.text) > start and not _is_mark(t.text)]
            expected = ((inside[0], inside[-1] + 1),) if inside else ()
            assert _token_ranges(doc, [(start, end)]) == expected, (start, end)
