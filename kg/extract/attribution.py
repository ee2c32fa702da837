"""Who says what: reporting verbs, "according to", quotations, and the content they cover.

Most sentences in news are reported. This module finds, for every token of a
document, the *source* whose content it lies in, innermost first:

- a reporting verb with a clausal complement ("Hong told Yonhap that P", "KCNA
  said P", "P, the Guardian reports", "X, he said, P", "P, as officials said");
  the speaker is the verb's subject (through coordination, adverbial and relative
  clauses), the agent of a passive, or, for "it is said/believed that P", nobody
  (an impersonal report, which hedges P);
- "according to X" (and "according to estimates by X", "X's report"): the rest of
  the sentence;
- direct quotations: a quote inherits the source of the verb that introduces it,
  spans sentences ("He said: 'P. Q.'"), and a quote with no speaker of its own
  continues the previous one ("'P,' she said. 'Q.'"); a sentence that ends in a
  colon after a speaker ("He said:") hands its speaker to the next sentence.

A *denial* ("denying that troops had been sent") marks its content as denied, not
asserted; verbs of belief and estimation ("believe", "estimate", "suggest") mark
it as probable; a negated reporting verb ("did not confirm that P") as not
asserted at all. Evidence verbs ("suggests", "shows", "indicates") with an
inanimate subject are not speakers: the caller decides with the entity types.

>>> "tell" in REPORTING_VERBS and "deny" in DENIAL_VERBS
True
>>> content_trim(["that", "more", "deployments", "would", "occur"])
(1, 5)
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extract.texts import doc_text, sentence_span, span_text

__all__ = [
    "DENIAL_VERBS",
    "EPISTEMIC_VERBS",
    "EVIDENCE_VERBS",
    "REPORTING_VERBS",
    "REPORT_NOUNS",
    "Attribution",
    "Quotations",
    "Source",
    "attribute",
    "content_trim",
    "find_quotations",
]

#: Verbs that report speech or thought when they take a clause.
REPORTING_VERBS = frozenset(
    """say tell assert claim report note add continue state deny confirm announce estimate insist argue explain
    warn write suggest acknowledge admit reveal disclose allege contend maintain stress emphasize emphasise declare
    believe think predict indicate observe remark reply respond comment testify recall tweet post conclude concede
    complain accuse agree affirm answer boast caution charge hint imply mention promise reiterate reckon recount
    signal speculate suspect swear vow tell inform assure show find announce dispute reject refute dismiss rebut
    contradict fear expect hope doubt guess assume acknowledge clarify counter retort quip joke lament deplore
    propose pledge threaten demand""".split()
)
#: Reporting verbs whose content the speaker rejects.
DENIAL_VERBS = frozenset({"deny", "dispute", "reject", "refute", "dismiss", "rebut", "contradict"})
#: Reporting verbs of belief or estimation: the content is probable, not asserted as fact.
EPISTEMIC_VERBS = frozenset({"believe", "think", "suspect", "estimate", "suggest", "expect", "predict", "speculate",
                             "guess", "reckon", "assume", "hint", "imply", "fear", "hope", "doubt", "indicate"})
#: Verbs whose inanimate subject is evidence, not a speaker ("the clothing suggests P").
EVIDENCE_VERBS = frozenset({"suggest", "indicate", "show", "imply", "mean", "prove"})
#: Nouns naming a report: "according to estimates by X" has X as its source.
REPORT_NOUNS = frozenset({"estimate", "report", "statement", "data", "figure", "study", "survey", "poll", "analysis",
                          "assessment", "document", "release", "communique", "letter", "memo", "briefing", "record",
                          "account", "footage", "announcement", "tally", "count", "calculation", "finding",
                          "investigation", "note", "post", "tweet", "interview", "testimony", "claim"})
_CLAIM_NOUNS = frozenset({"claim", "report", "allegation", "suggestion", "rumour", "rumor", "accusation", "charge",
                          "speculation", "assertion", "idea", "notion", "story", "news"})
_XCOMP_REPORTING = frozenset({"deny", "claim", "admit", "confirm", "acknowledge", "deny", "pretend", "report"})
_OPEN_QUOTES = frozenset({"“", "‘", "«", "``"})
_DOUBLE_OPEN = frozenset({"“", "«", "``"})
_DOUBLE_CLOSE = frozenset({"”", "»", "''"})
_DOUBLE_MARKS = _DOUBLE_OPEN | _DOUBLE_CLOSE | {'"'}
#: Words written with an apostrophe for their first letters ("'em", "'n'", "'tis") and clitics split off by a
#: tokenizer ("company 's", "they 're"): the mark opens no quotation.
_ELIDED = re.compile(r"(?i)(?:em|n|tis|twas|til|s|re|ve|ll|d|m)(?![a-z])")
_CLOSE_QUOTES = frozenset({"”", "’", "»", "''"})
_SPEAKER_STOP = frozenset({"appos", "relcl", "acl", "punct", "cc", "conj", "advcl"})
_TRIM_LEADING = frozenset({"that", "whether", "if", ",", ":", "—", "-", "–", '"', "“", "‘", "'", "``", "«"})
_MAX_QUOTE_GAP = 2  # sentences between two quotes for the second to continue the first


@dataclass(frozen=True)
class Source:
    """One act of reporting: who (``speaker``, a phrase of chunk ``chunk``), the cue words, the content.

    ``content`` is the ``(start, end)`` of the reported content in document
    characters; ``verb`` the token index of the reporting verb (``None`` for
    "according to" and continued quotations); ``sentence`` the document
    characters of the sentence holding the cue.
    """

    chunk: int
    speaker: Span | None
    cue: str
    kind: str  # "verb", "according", "impersonal", "quote"
    content: tuple[int, int]
    sentence: tuple[int, int]
    verb: int | None = None
    denial: bool = False
    negated: bool = False
    epistemic: bool = False
    evidential: bool = False
    outer: Source | None = field(default=None, compare=False, hash=False, repr=False)


@dataclass
class Attribution:
    """The sources of a document: ``by_token[(chunk, i)]`` the innermost source of token ``i``; ``quotes`` where
    its quotations are (:func:`find_quotations`)."""

    by_token: dict[tuple[int, int], Source] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)
    quotes: Quotations | None = None

    def source_of(self, chunk: int, token: int) -> Source | None:
        return self.by_token.get((chunk, token))


def content_trim(words: Sequence[str]) -> tuple[int, int]:
    """Bounds of a content span without a leading complementiser or quote and trailing punctuation."""
    start, end = 0, len(words)
    while start < end and words[start].lower() in _TRIM_LEADING:
        start += 1
    while end > start and (words[end - 1] in {".", ",", ";", ":", "—", "-", '"', "”", "’", "'", "''", "»", ")"}
                           or words[end - 1].lower() in {"that"}):
        end -= 1
    return start, end


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject of ``verb`` (inherited through coordination and subordination), and whether it is passive."""
    tok = verb
    for _ in range(5):
        for child in tok.children:
            if child.dep_ == "nsubj":
                return child, False
            if child.dep_ == "nsubjpass":
                return child, True
        if tok.dep_ in {"relcl", "acl"} and tok.head is not tok:
            return tok.head, False
        if tok.dep_ in {"conj", "advcl", "xcomp", "pcomp"} and tok.head is not tok:
            tok = tok.head if tok.dep_ != "pcomp" else tok.head.head
            continue
        break
    return None, False


def _phrase(tok: Token) -> Span:
    """The phrase headed by ``tok`` without appositions, relative clauses or trailing modifiers."""
    left = tok.left_edge.i
    right = tok.i + 1
    for child in tok.rights:
        if child.dep_ in _SPEAKER_STOP:
            break
        right = child.right_edge.i + 1
    while left < tok.i and tok.doc[left].is_punct:
        left += 1
    return tok.doc[left:right]


def _speaker_phrase(tok: Token) -> Span:
    """The speaker behind a report noun: "estimates by X", "X's statement", "a report from X"."""
    if tok.lemma_.lower() in REPORT_NOUNS:
        for child in tok.children:
            if child.dep_ == "poss":
                return _phrase(child)
            if child.dep_ in {"prep", "agent"} and child.lower_ in {"by", "from", "of"}:
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.lemma_.lower() not in REPORT_NOUNS:
                    return _phrase(pobj)
    return _phrase(tok)


def _cue(verb: Token) -> str:
    parts = [verb, *[c for c in verb.children if c.dep_ in {"aux", "auxpass", "neg", "prt"} or
                     (c.dep_ == "advmod" and c.lower_ in {"never", "not"})]]
    return " ".join(t.text for t in sorted(parts, key=lambda t: t.i))


def _span_chars(doc: Doc, tokens: set[int], offset: int) -> tuple[int, int] | None:
    if not tokens:
        return None
    ordered = sorted(tokens)
    words = [doc[i].text for i in ordered]
    start, end = content_trim(words)
    if start >= end:
        return None
    first, last = doc[ordered[start]], doc[ordered[end - 1]]
    return offset + first.idx, offset + last.idx + len(last)


def _sentence_chars(sent: Span, offset: int) -> tuple[int, int]:
    text = span_text(sent)
    lead = len(text) - len(text.lstrip())
    return offset + sent.start_char + lead, offset + sent.start_char + len(text.rstrip())


def _verb_content(tok: Token, sent: Span) -> set[int]:
    """Token indices of what a reporting verb reports (empty if it reports no clause)."""
    tokens: set[int] = set()
    lemma = tok.lemma_.lower()
    for child in tok.children:
        if child.dep_ == "ccomp" or (child.dep_ in {"xcomp", "pcomp"} and lemma in _XCOMP_REPORTING):
            tokens |= {t.i for t in child.subtree}
        elif child.dep_ in {"dobj", "attr"} and child.lemma_.lower() in _CLAIM_NOUNS:
            for grand in child.children:
                if grand.dep_ in {"acl", "ccomp", "relcl"} and any(m.lower_ == "that" for m in grand.children):
                    tokens |= {t.i for t in grand.subtree}
        elif child.dep_ == "dobj" and _quoted(child):
            tokens |= {t.i for t in child.subtree}
        elif child.dep_ == "prep":
            # a "that" clause the parser hung on a noun of the verb ("denying for months that P")
            for pobj in (g for g in child.children if g.dep_ == "pobj"):
                for clause in pobj.children:
                    if clause.dep_ in {"relcl", "acl"} and any(
                            m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
                        tokens |= {t.i for t in clause.subtree}
    if not tokens and (tok.dep_ == "parataxis" or (tok.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in tok.children))):
        head = tok.head
        inside = {t.i for t in tok.subtree}
        tokens = {t.i for t in head.subtree if t.i not in inside and sent.start <= t.i < sent.end}
    if not tokens and tok.dep_ == "ROOT":
        # "P, X said" parsed with P as a parataxis or a second root-level clause
        for child in tok.children:
            if child.dep_ == "parataxis" and child.i < tok.i:
                tokens |= {t.i for t in child.subtree}
    return tokens


def _quoted(tok: Token) -> bool:
    doc = tok.doc
    left, right = tok.left_edge.i, tok.right_edge.i
    return (left > 0 and doc[left - 1].text in _OPEN_QUOTES | {'"'}) or (doc[left].text in _OPEN_QUOTES | {'"'}) or (
        right + 1 < len(doc) and doc[right + 1].text in _CLOSE_QUOTES | {'"'})


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head is not tok and depth < 50:
        tok = tok.head
        depth += 1
    return depth


def _sentence_sources(chunk: int, doc: Doc, offset: int, sent: Span) -> list[tuple[int, set[int], Source]]:
    """Every source of one sentence with the tokens of its content and its depth (deeper = inner)."""
    found: list[tuple[int, set[int], Source]] = []
    sent_chars = _sentence_chars(sent, offset)
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma in REPORTING_VERBS and tok.pos_ in {"VERB", "AUX"}:
            tokens = _verb_content(tok, sent)
            if not tokens:
                continue
            subj, passive = _subject(tok)
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            agent_obj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
            kind, speaker = "verb", None
            if agent_obj is not None:
                speaker = _speaker_phrase(agent_obj)
            elif subj is not None and passive:
                if subj.lower_ != "it":
                    continue  # "he was told that P": the teller is not named
                kind = "impersonal"
            elif subj is not None:
                speaker = _speaker_phrase(subj)
            else:
                continue
            if tok.dep_ != "parataxis" and min(tokens) < tok.i < max(tokens):
                tokens = {i for i in tokens if i > tok.i}  # "what observers said was P": P follows the verb
            content = _span_chars(doc, tokens, offset)
            if content is None:
                continue
            source = Source(
                chunk=chunk,
                speaker=speaker,
                cue=_cue(tok) if kind != "impersonal" else " ".join(t.text for t in doc[subj.i : tok.i + 1]),
                kind=kind,
                content=content,
                sentence=sent_chars,
                verb=tok.i,
                denial=lemma in DENIAL_VERBS,
                negated=any(c.dep_ == "neg" for c in tok.children),
                epistemic=lemma in EPISTEMIC_VERBS or kind == "impersonal",
                evidential=lemma in EVIDENCE_VERBS,
            )
            found.append((_depth(tok), tokens, source))
        elif tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if pobj is None:
                continue
            inside = {t.i for t in tok.subtree}
            tokens = {t.i for t in sent if t.i not in inside}
            content = _span_chars(doc, tokens, offset)
            if content is None:
                continue
            source = Source(chunk, _speaker_phrase(pobj), "according to", "according", content, sent_chars)
            found.append((-1, tokens, source))
    return found


@dataclass(frozen=True)
class Quotations:
    """Where a document's quotations are, read once for attribution and coreference alike.

    ``chars`` are document character ranges strictly inside quotation marks; ``tokens[c]`` the
    token ranges ``(start, end)`` of chunk ``c`` they cover (at least one token each).
    """

    chars: tuple[tuple[int, int], ...] = ()
    tokens: dict[int, tuple[tuple[int, int], ...]] = field(default_factory=dict)

    def inside(self, chunk: int) -> set[int]:
        """The token indices of ``chunk`` inside quotation marks."""
        return {i for start, end in self.tokens.get(chunk, ()) for i in range(start, end)}


def find_quotations(chunks: Sequence[tuple[Doc, int]], *, skip: Collection[int] = ()) -> Quotations:
    """The quotations of a document's parsed chunks ``(Doc, char offset)``, in reading order.

    Double quotation marks (“ ”, « », straight ", and a tokenizer's `` '') delimit quotations; a
    straight mark opens or closes by the characters around it (the tagger's reading breaks a tie).
    A quotation left open at the end of a chunk (a paragraph) goes on into the next one when that
    one shows it does: it opens with a quotation mark again (the news convention for a quotation over
    paragraphs) or its first mark closes ('He said: "I am glad. <paragraph> And proud."'); otherwise
    it ends with its paragraph, so one missing mark never turns the rest of the article inside out.
    Single quotes (British style, ' or ‘ ’) quote too, each within its paragraph; they are told from
    an apostrophe by the letters around them (:func:`_single_quoted`). Chunks in ``skip`` (a headline)
    are read on their own: nothing runs into or out of them.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> text = 'He said: "I am glad.\\nI am." Me too.'
    >>> found = find_quotations([(nlp(text[:20]), 0), (nlp(text[21:]), 21)])
    >>> [text[s:e] for s, e in found.chars], found.tokens
    (['I am glad.', 'I am.'], {0: ((4, 8),), 1: ((0, 3),)})
    >>> text = "She added: 'I can't wait.' I can. Then: " + '"no'
    >>> [text[s:e] for s, e in find_quotations([(nlp(text), 0)]).chars]
    ["I can't wait.", 'no']
    """
    chars: list[tuple[int, int]] = []
    tokens: dict[int, tuple[tuple[int, int], ...]] = {}
    carried = False  # a double quotation left open at the end of the previous chunk
    for c, (doc, offset) in enumerate(chunks):
        if c in skip:
            carried = False
        ranges = [(offset + start, offset + end) for start, end in _single_quoted(doc_text(doc))]
        opened: int | None = None
        marks = [tok for tok in doc if tok.text in _DOUBLE_MARKS]
        if carried and marks and _closes(marks[0]):  # (a reopening mark opens afresh below)
            ranges.append((offset, offset + marks[0].idx))
            marks = marks[1:]
        for tok in marks:
            if opened is None:
                if _double_role(tok, is_open=False) == "open":
                    opened = tok.idx + len(tok.text)
            elif _double_role(tok, is_open=True) == "close":
                ranges.append((offset + opened, offset + tok.idx))
                opened = None
        carried = opened is not None and c not in skip
        if opened is not None:
            ranges.append((offset + opened, offset + len(doc_text(doc).rstrip())))
        ranges = sorted(r for r in ranges if r[0] < r[1])
        chars.extend(ranges)
        regions = _token_ranges(doc, [(start - offset, end - offset) for start, end in ranges])
        if regions:
            tokens[c] = regions
    return Quotations(tuple(sorted(chars)), tokens)


def _double_role(tok: Token, *, is_open: bool) -> str | None:
    """Whether a double quotation mark opens or closes a quotation here (``None``: it does neither)."""
    text = tok.text
    if text in _DOUBLE_OPEN:
        return None if is_open else "open"  # "“" inside an open quotation changes nothing
    if text in _DOUBLE_CLOSE:
        return "close" if is_open else None
    if is_open:
        return "close"
    return None if _closes(tok) else "open"


def _closes(tok: Token) -> bool:
    """A mark that can only close: "”", "»", "''", or a straight one glued to the word before it and not to
    the word after (the tagger decides a straight mark with spaces on both sides)."""
    if tok.text in _DOUBLE_CLOSE:
        return True
    if tok.text != '"':
        return False
    text, at = doc_text(tok.doc), tok.idx
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if before.isspace() and after.isspace():
        return tok.tag_ == "''"
    return not before.isspace() and (after.isspace() or not after.isalnum())


def _token_ranges(doc: Doc, ranges: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Chunk character ranges -> the token ranges they cover (quotation marks left out), none empty.

    Tokens are found by bisection on their offsets, so a chunk with many quotations costs no pass over
    all its tokens per quotation.
    """
    starts = [tok.idx for tok in doc]
    ends = [tok.idx + len(tok.text) for tok in doc]
    found: list[tuple[int, int]] = []
    for start, end in ranges:
        first, last = bisect_right(ends, start), bisect_left(starts, end) - 1  # tokens overlapping the range
        while first <= last and _is_mark(doc[first].text):
            first += 1
        while last >= first and _is_mark(doc[last].text):
            last -= 1
        if first <= last:
            found.append((first, last + 1))
    return tuple(sorted(set(found)))


def _is_mark(text: str) -> bool:
    """Whether a token is a quotation mark, double or single."""
    return text in _DOUBLE_MARKS or text in {"'", "‘", "’"}


def _single_quoted(text: str) -> list[tuple[int, int]]:
    """Character ranges of ``text`` inside single quotation marks, each within its paragraph.

    A mark opens a quotation when it is "‘", or "'" with no letter or digit before it and a
    letter after it that does not start an elided word or a clitic ("'em", "rock 'n' roll", "'tis",
    "company 's"); it closes one when it is "'" or "’" after a non-space with no letter after it
    ("don't" and "it’s" are apostrophes, "'90s" opens nothing). A quotation left open ends with its
    paragraph: a British quotation over paragraphs reopens each of them.

    >>> _single_quoted("He said 'I won't.' The players' union agreed.")
    [(9, 17)]
    >>> _single_quoted("‘I am sure,’ she said.\\nI am not.")
    [(1, 11)]
    >>> _single_quoted("We beat 'em, and rock 'n' roll won. 'Tis true, I said. The firm 's boss quit.")
    []
    """
    ranges: list[tuple[int, int]] = []
    opened: int | None = None
    for i, ch in enumerate(text):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch == "\n":
            if opened is not None:
                ranges.append((opened, i))
            opened = None
        elif opened is None and (ch == "‘" or (ch == "'" and not before.isalnum() and after.isalpha()
                                               and not _ELIDED.match(text, i + 1))):
            opened = i + 1
        elif opened is not None and ch in {"'", "’"} and not before.isspace() and not after.isalpha():
            ranges.append((opened, i))
            opened = None
    if opened is not None:
        ranges.append((opened, len(text)))
    return ranges


@dataclass
class _QuoteState:
    last: Source | None = None
    sentence: int = 0  # running sentence number of the document
    last_sentence: int = -10
    pending: Source | None = None  # "He said:" waiting for its content


def attribute(chunks: list[tuple[Doc, int]], *, skip: Collection[int] = ()) -> Attribution:
    """Find the sources of a document's parsed chunks ``(Doc, char offset)``, in reading order.

    Chunks whose index is in ``skip`` (a headline) are not read: they report nothing and
    leave no open quotation or speaker to the chunks after them.
    """
    result = Attribution(quotes=find_quotations(chunks, skip=skip))
    state = _QuoteState()
    for c, (doc, offset) in enumerate(chunks):
        if c not in skip:
            _attribute_chunk(result, state, c, doc, offset)
    return result


def _attribute_chunk(result: Attribution, state: _QuoteState, c: int, doc: Doc, offset: int) -> None:
    sentence_of: dict[int, int] = {}
    sents = list(doc.sents)
    for n, sent in enumerate(sents):
        sentence_of.update({t.i: state.sentence + n for t in sent})
        found = _sentence_sources(c, doc, offset, sent)
        # outer sources first; an inner one overwrites the tokens of its content
        for _, tokens, source in sorted(found, key=lambda f: f[0]):
            outer = next((result.by_token[(c, i)] for i in ([source.verb] if source.verb is not None else [])
                          if (c, i) in result.by_token), None)
            if outer is not None:
                source = _with_outer(source, outer)
            result.sources.append(source)
            for i in tokens:
                result.by_token[(c, i)] = source
        if state.pending is not None and not any((c, t.i) in result.by_token for t in sent):
            _assign_sentence(result, c, sent, state.pending, offset)
            state.pending = None
        intro = _colon_intro(c, doc, offset, sent)
        if intro is not None:
            state.pending = intro
    for start, end in result.quotes.tokens.get(c, ()) if result.quotes is not None else ():
        inner = [result.by_token.get((c, i)) for i in range(start, end)]
        source = next((s for s in inner if s is not None and (s.verb is None or not start <= s.verb < end)), None)
        first_sentence = sentence_of.get(start, state.sentence)
        if not any(doc[i].pos_ in {"VERB", "AUX"} for i in range(start, end)):
            continue  # a quoted phrase ("calling them 'heroes'"), not quoted speech
        if source is None and state.last is not None and first_sentence - state.last_sentence <= _MAX_QUOTE_GAP:
            chars = _span_chars(doc, set(range(start, end)), offset)
            if chars is not None:
                sent = sentence_span(doc[start])
                last = state.last
                source = Source(last.chunk, last.speaker, last.cue, "quote", chars, _sentence_chars(sent, offset))
                result.sources.append(source)
        if source is None:
            continue
        for i in range(start, end):
            result.by_token.setdefault((c, i), source)
        state.last = source
        state.last_sentence = sentence_of.get(end - 1, state.sentence)
    state.sentence += len(sents)


def _with_outer(source: Source, outer: Source) -> Source:
    return Source(source.chunk, source.speaker, source.cue, source.kind, source.content, source.sentence,
                  source.verb, source.denial, source.negated, source.epistemic, source.evidential, outer)


def _assign_sentence(result: Attribution, c: int, sent: Span, intro: Source, offset: int) -> None:
    chars = _span_chars(sent.doc, {t.i for t in sent}, offset)
    if chars is None:
        return
    source = Source(intro.chunk, intro.speaker, intro.cue, "quote", chars, _sentence_chars(sent, offset))
    result.sources.append(source)
    for tok in sent:
        result.by_token[(c, tok.i)] = source


def _colon_intro(c: int, doc: Doc, offset: int, sent: Span) -> Source | None:
    """ "He said:" at the end of a sentence: a speaker whose words follow."""
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is None or last.text != ":":
        return None
    for tok in sent:
        if tok.lemma_.lower() in REPORTING_VERBS and tok.pos_ == "VERB" and not _verb_content(tok, sent):
            subj, passive = _subject(tok)
            if subj is not None and not passive:
                return Source(c, _speaker_phrase(subj), _cue(tok), "quote", (0, 0), _sentence_chars(sent, offset))
    return None
