"""Extract: parsed text -> entities, entity mentions and claims with provenance.

:func:`extract_document` is the per-document step of the data flow: a pure
function of the document and the pipeline, returning an :class:`kg.model.Extraction`
whose offsets all point into ``document.text``. Only the article body is parsed.

The assembler reads four analyses of the parsed chunks and joins them per clause
(:class:`kg.extract.clauses.Clause`, written by the ``claimgraph_clauses`` component):

- :mod:`kg.extract.entities` names and their types, :mod:`kg.extract.coref`
  pronouns, descriptions and bare numbers, so arguments land on entities;
- :mod:`kg.extract.attribution` the source of every token: a clause inside
  reported content is attributed to its speaker with the cue words; the
  reporting act is a claim of its own, ``speaker | say | content`` (relation the
  reporting verb's lemma, or "say" for "according to" and quotations; object
  the content as a literal whose offsets are the content span), stated by the
  outer source or the publisher. Everything else is the publisher's
  (``speaker=None``);
- :mod:`kg.extract.certainty`, :mod:`kg.extract.quantities`,
  :mod:`kg.extract.times`: certainty, polarity, numbers and times.

Clauses without an object are kept, in one of two forms:

- a counted subject ("Of these, 600 have died", "600 soldiers died"): the subject
  is what is counted (the referent of "these", or the noun), the object is the
  number as a literal and the claim carries the :class:`kg.model.Quantity`, so
  two sources giving the same count state the same claim and different counts
  are comparable (``soldier | die | "600"``, quantity 600 soldier);
- otherwise an intransitive claim with ``object=None`` ("the footage appears to
  have been released": ``footage | release | -``), unless a prepositional
  argument can be folded into the relation ("move to Pyongyang").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.attribution import Attribution, Source, attribute
from kg.extract.certainty import EVIDENTIAL_PASSIVES, certainty_of, min_certainty, polarity_of
from kg.extract.clauses import Clause
from kg.extract.coref import resolve_references
from kg.extract.entities import EntityIndex, clean_name, index_entities, phrase_key
from kg.extract.quantities import quantity_of_phrase, quantity_of_token
from kg.extract.times import tense_of, time_of_clause, time_value
from kg.model import Argument, Claim, Document, EntityMention, Extraction, Quantity

__all__ = ["extract_document", "extract_many", "extract_parsed", "parse_document", "split_pieces"]

_NOMINAL_POS = {"NOUN", "PROPN", "NUM", "PRON", "X"}
_UNRESOLVED = {"it", "they", "them", "its", "their", "this", "that", "these", "those", "which", "who", "what",
               "he", "she", "him", "her", "his", "i", "we", "you", "me", "us", "there", "one", "itself", "themselves",
               "whom", "whose", "where", "when", "some", "many", "all", "both", "each", "others", "other", "none",
               "something", "anything", "everything", "nothing", "someone", "anyone", "everyone", "herself",
               "himself", "our", "my", "your", "yours", "ours", "mine"}
_FIRST_PERSON = {"i", "me", "my", "myself"}
_FIRST_PLURAL = {"we", "us", "our", "ourselves"}
_PLACE_PREPS = {"in", "at", "near", "inside", "outside", "from", "across", "throughout"}
_AGENTS = {"Person", "Organization", "NewsOrganization", "Place", "Group"}
_MAX_CHUNK_CHARS = 200_000
_RAISING_VERBS = frozenset({"appear", "seem"})
_NEGATIVE_VERBS = frozenset({"refuse", "fail", "decline", "neglect"})
_CONFIDENCE = {"verb": 0.8, "according": 0.85, "quote": 0.6}


def parse_document(nlp: Language, document: Document) -> list[tuple[Doc, int]]:
    """Parse the body of a document: one ``(Doc, char offset)`` per body span.

    Long spans are cut at paragraph breaks so no ``Doc`` exceeds spaCy's comfortable size.
    """
    pieces = list(split_pieces(document))
    return [(doc, offset) for doc, (_, offset) in zip(nlp.pipe(text for text, _ in pieces), pieces)]


def split_pieces(document: Document) -> Iterator[tuple[str, int]]:
    """The body of a document as ``(text, char offset)`` pieces small enough for one spaCy ``Doc``."""
    for start, end in document.body:
        while start < end:
            stop = end
            if stop - start > _MAX_CHUNK_CHARS:
                cut = document.text.rfind("\n", start, start + _MAX_CHUNK_CHARS)
                stop = cut + 1 if cut > start else start + _MAX_CHUNK_CHARS
            text = document.text[start:stop]
            if text.strip():
                yield text, start
            start = stop


def extract_document(document: Document, nlp: Language) -> Extraction:
    """Parse and extract one document."""
    return extract_parsed(document, parse_document(nlp, document))


def extract_many(documents: Iterable[Document], nlp: Language) -> Iterator[Extraction]:
    """Extract a stream of documents with one pipeline (serial)."""
    for document in documents:
        yield extract_document(document, nlp)


def extract_parsed(document: Document, chunks: list[tuple[Doc, int]]) -> Extraction:
    """Extract from already-parsed chunks (each Doc carries ``doc._.clauses``)."""
    index = index_entities(chunks)
    resolve_references(chunks, index)
    attribution = attribute(chunks)
    assembler = _Assembler(document, chunks, index, attribution)
    claims: list[Claim] = []
    sentences: list[tuple[int, int]] = []
    for c, (doc, offset) in enumerate(chunks):
        by_sentence: dict[int, list[Clause]] = defaultdict(list)
        starts = [0] * len(doc)
        sents = list(doc.sents)
        for sent in sents:
            for i in range(sent.start, sent.end):
                starts[i] = sent.start
        for clause in doc._.clauses or []:
            if 0 <= clause.head < len(doc):
                by_sentence[starts[clause.head]].append(clause)
        for sent in sents:
            sent_span = _trim(sent, offset)
            if sent_span[0] >= sent_span[1]:
                continue
            sentences.append(sent_span)
            for clause in by_sentence.get(sent.start, ()):
                claim = assembler.clause_claim(c, doc, offset, sent, sent_span, clause)
                if claim is not None:
                    claims.append(claim)
    for source in attribution.sources:
        claim = assembler.reporting_claim(source)
        if claim is not None:
            claims.append(claim)
    claims.sort(key=lambda cl: (cl.sentence[0], cl.subject.start, cl.relation))
    mentions = sorted(set(index.mentions), key=lambda m: (m.start, m.end, m.entity))
    return Extraction(
        document=document,
        sentences=tuple(sentences),
        entities=tuple(sorted(index.entities.values(), key=lambda e: e.key)),
        mentions=tuple(mentions),
        claims=tuple(claims),
    )


def _trim(sent: Span, offset: int) -> tuple[int, int]:
    text = sent.text
    lead = len(text) - len(text.lstrip())
    return offset + sent.start_char + lead, offset + sent.start_char + len(text.rstrip())


class _Assembler:
    """Joins clauses, entities, sources and semantics into :class:`Claim` records for one document."""

    def __init__(self, document: Document, chunks: list[tuple[Doc, int]], index: EntityIndex,
                 attribution: Attribution) -> None:
        self.document = document
        self.chunks = chunks
        self.index = index
        self.attribution = attribution
        self.reporting_verbs = {(s.chunk, s.verb) for s in attribution.sources if s.verb is not None}
        self._speakers: dict[int, str | None] = {}

    # -- arguments -------------------------------------------------------------------------------

    def argument(self, span: Span, chunk: int, offset: int, *, nominal_only: bool) -> Argument | None:
        """An argument with its entity: a named entity, a resolved pronoun or number, or a noun-phrase concept."""
        start, end = offset + span.start_char, offset + span.end_char
        index = self.index
        root = span.root
        key = index.entity_of(chunk, span) or index.referents.get((chunk, root.i))
        if key is None and (root.pos_ == "PRON" or root.lower_ in _UNRESOLVED or root.pos_ == "NUM"):
            return None if nominal_only else Argument(span.text, start, end)
        if key is None and root.pos_ in _NOMINAL_POS:
            core = _core(span)
            key = phrase_key(core)
            label = clean_name(core.text)
            if key and label:
                index.add(key, key, "Thing", alias=label)
                index.mentions.append(EntityMention(key, offset + core.start_char, offset + core.end_char, core.text,
                                                    "nominal"))
            else:
                key = None
        if key is None and nominal_only:
            return None
        return Argument(span.text, start, end, entity=key)

    def speaker(self, source: Source | None) -> str | None:
        """The entity a source's speaker phrase refers to (``None``: the publisher)."""
        if source is None or source.speaker is None:
            return None
        cached = self._speakers.get(id(source), "")
        if cached != "":
            return cached
        arg = self.argument(source.speaker, source.chunk, self.chunks[source.chunk][1], nominal_only=True)
        key = arg.entity if arg else None
        if key is not None and source.evidential and self.index.type_of(key) not in _AGENTS:
            key = None  # "the clothing suggests P": evidence, not a speaker
        self._speakers[id(source)] = key
        return key

    # -- clause claims ---------------------------------------------------------------------------

    def clause_claim(self, c: int, doc: Doc, offset: int, sent: Span, sent_span: tuple[int, int],
                     clause: Clause) -> Claim | None:
        if clause.subject is None or (c, clause.head) in self.reporting_verbs:
            return None
        head = doc[clause.head]
        source = self.attribution.source_of(c, clause.head)
        speaker = self.speaker(source)
        subj_span = doc[clause.subject[0] : clause.subject[1]]
        subject = self._subject(subj_span, c, offset, speaker)
        if subject is None:
            return None
        obj_span = doc[clause.object[0] : clause.object[1]] if clause.object else None
        if obj_span is None:
            comp = next((ch for ch in head.children if ch.dep_ == "ccomp"), None)
            if comp is not None:
                obj_span = doc[comp.left_edge.i : comp.right_edge.i + 1]
        relation = _unhedged(clause.lemma, [doc[i] for i in clause.relation if i != clause.head])
        rule = clause.rule
        extras_in = [(role, _strip_preposition(doc, s, e)) for role, (s, e) in clause.extras]
        folded = next((doc[i] for i in clause.relation if doc[i].dep_ in {"prep", "agent"} and obj_span is not None
                       and obj_span.root.head.i == i), None)
        if folded is not None and _quantity_token(subj_span) >= 0 and relation.endswith(" " + folded.lemma_.lower()):
            # "Of these, 600 have died", "300 soldiers died in the fighting": the count is the object, the
            # folded preposition goes back to the arguments (a partitive "of" only names what is counted)
            relation = relation[: -len(folded.lemma_) - 1]
            if folded.lower_ != "of":
                extras_in.append((folded.lemma_.lower(), (obj_span.start, obj_span.end)))
            obj_span = None
        obj = self.argument(obj_span, c, offset, nominal_only=False) if obj_span is not None else None
        quantity = quantity_of_phrase(obj_span) if obj_span is not None else None
        if quantity is None:
            quantity = self._subject_quantity(subj_span, c, subject)
        counted = _quantity_token(subj_span)
        if obj is None and quantity is not None and subj_span.start <= counted < subj_span.end:
            # "Of these, 600 have died", "600 soldiers died": the count is the object
            number = doc[counted]
            n_start, n_end = _number_start(number), number.idx + len(number)
            obj = Argument(self.document.text[offset + n_start : offset + n_end], offset + n_start, offset + n_end,
                           role="quantity")
            extras_in = [(role, se) for role, se in extras_in if role != "of"]
            rule = f"{rule}/count"
        if obj is None:
            for n, (role, (s, e)) in enumerate(extras_in):
                span = doc[s:e]
                if role not in {"time", "location"} and span.root.ent_type_ not in {"DATE", "TIME"}:
                    obj = self.argument(span, c, offset, nominal_only=False)
                    relation = f"{relation} {role}"
                    del extras_in[n]
                    break
        if obj is None:
            if any(ch.dep_ in {"xcomp", "ccomp", "csubj"} for ch in head.children):
                return None  # "tried to portray", "appears to have been released": the complement is the claim
            rule = f"{rule}/intransitive"
        if quantity is not None and obj is not None and obj.role != "quantity":
            relation = _without_bound_words(relation)
        extras, location, time = [], None, None
        issued, tense = self.document.issued, tense_of(head)
        for role, (s, e) in extras_in:
            span = doc[s:e]
            if role == "time" or span.root.ent_type_ in {"DATE", "TIME"}:
                if time is None:
                    full = doc[max(0, s - 1) : e] if s > 0 and doc[s - 1].dep_ == "prep" else span
                    time = time_value(full, offset, issued, tense)
                continue
            arg = self.argument(span, c, offset, nominal_only=False)
            if arg is None:
                continue
            if role in _PLACE_PREPS | {"location"} and arg.entity and self.index.type_of(arg.entity) == "Place" \
                    and location is None:
                location = arg.entity
            extras.append(Argument(arg.text, arg.start, arg.end, arg.entity, role))
        time = time or time_of_clause(head, offset, issued)
        certainty = certainty_of(head, sent)
        polarity = "negative" if clause.negated else polarity_of(head)
        cue = None
        if source is not None:
            cue = source.cue
            if source.epistemic:
                certainty = min_certainty(certainty, "probable")
            if source.negated and not source.denial:
                certainty = min_certainty(certainty, "possible")
            if source.denial:
                polarity = "negative" if polarity == "positive" else "positive"
        return Claim(
            subject=subject,
            relation=relation,
            object=obj,
            sentence=sent_span,
            relation_text=" ".join(doc[i].text for i in clause.relation),
            arguments=tuple(extras),
            speaker=speaker,
            cue=cue,
            certainty=certainty,
            polarity=polarity,  # type: ignore[arg-type]
            quantity=quantity,
            time=time,
            location=location,
            confidence=clause.confidence,
            rule=rule,
        )

    def _subject(self, span: Span, c: int, offset: int, speaker: str | None) -> Argument | None:
        """The subject argument; "I" inside reported speech is the speaker."""
        low = span.root.lower_
        if speaker is not None and (low in _FIRST_PERSON or low in _FIRST_PLURAL):
            return Argument(span.text, offset + span.start_char, offset + span.end_char, entity=speaker)
        return self.argument(span, c, offset, nominal_only=True)

    def _subject_quantity(self, span: Span, c: int, subject: Argument) -> Quantity | None:
        root = span.root
        referent = self.index.referents.get((c, root.i))
        if root.lower_ in {"one", "a", "an"} or any(ch.dep_ == "nummod" and ch.lower_ == "one" for ch in root.children):
            return None  # "one photograph": an article, not a count
        if referent is not None:
            entity = self.index.entities.get(referent)
            unit = entity.label if entity is not None and entity.type == "Thing" else referent
            return quantity_of_token(root, unit=unit)
        return quantity_of_phrase(span)

    # -- reporting acts --------------------------------------------------------------------------

    def reporting_claim(self, source: Source) -> Claim | None:
        """The claim that the speaker reported something: ``speaker | say | content``."""
        speaker = self.speaker(source)
        if speaker is None or source.speaker is None:
            return None
        doc, offset = self.chunks[source.chunk]
        text = self.document.text
        span = source.speaker
        subject = Argument(span.text, offset + span.start_char, offset + span.end_char, entity=speaker)
        start, end = source.content
        content = Argument(text[start:end], start, end, role="content")
        relation, relation_text, certainty, polarity, time = "say", source.cue, "certain", "positive", None
        arguments: list[Argument] = []
        if source.verb is not None:
            verb = doc[source.verb]
            relation = " ".join([verb.lemma_.lower(), *[ch.lemma_.lower() for ch in verb.children if ch.dep_ == "prt"]])
            certainty = certainty_of(verb, verb.sent)
            polarity = "negative" if source.negated else "positive"
            time = time_of_clause(verb, offset, self.document.issued)
            for child in verb.children:
                if child.dep_ in {"dobj", "dative"} and not (start <= offset + child.idx < end):
                    arg = self.argument(_noun_phrase(child), source.chunk, offset, nominal_only=False)
                    if arg is not None:
                        arguments.append(Argument(arg.text, arg.start, arg.end, arg.entity, "recipient"))
        outer = source.outer
        return Claim(
            subject=subject,
            relation=relation,
            object=content,
            sentence=source.sentence,
            relation_text=relation_text,
            arguments=tuple(arguments),
            speaker=self.speaker(outer),
            cue=outer.cue if outer is not None else None,
            certainty=certainty,
            polarity=polarity,  # type: ignore[arg-type]
            time=time,
            confidence=_CONFIDENCE.get(source.kind, 0.6),
            rule=f"attribution/{source.kind}",
        )


def _core(span: Span) -> Span:
    """A noun phrase without the clauses attached to its head (relative, participial, adverbial)."""
    root = span.root
    end = span.end
    for child in root.rights:
        if child.dep_ in {"relcl", "acl", "advcl", "appos", "punct", "cc", "conj"} and span.start <= child.i < end:
            end = min(child.i, child.left_edge.i)
            break
    while end - 1 > span.start and span.doc[end - 1].is_punct:
        end -= 1
    return span.doc[span.start : max(end, root.i + 1)]


_HEDGE_ADJECTIVES = ("likely", "unlikely", "expected", "due", "certain", "sure", "bound")


def _unhedged(lemma: str, governors: list) -> str:
    """The relation without the verbs that only hedge or negate it.

    "is believed to have originated" -> "originate", "appears to have damaged" ->
    "damage", "refused to approve" -> "approve", "is likely to win" -> "win": their
    meaning is in the claim's certainty and polarity, and the bare relation is
    what another source states.

    >>> _unhedged("appear to release", [])
    'release'
    >>> _unhedged("try to portray", [])
    'try to portray'
    """
    words = lemma.split()
    for _ in range(3):
        if len(words) > 2 and words[1] == "to" and (words[0] in _RAISING_VERBS or words[0] in _NEGATIVE_VERBS or (
                words[0] in EVIDENTIAL_PASSIVES and any(g.lemma_.lower() == words[0] and g.tag_ == "VBN" and
                                                         any(c.dep_ == "auxpass" for c in g.children)
                                                         for g in governors))):
            words = words[2:]
        elif len(words) > 3 and words[0] == "be" and words[1] in _HEDGE_ADJECTIVES and words[2] == "to":
            words = words[3:]
        else:
            break
    return " ".join(words)


_BOUND_TAILS = (" up to", " over", " under", " about", " around", " nearly", " almost", " some", " up")


def _without_bound_words(relation: str) -> str:
    """"destroy over" -> "destroy" when "over" bounds the object's number ("destroyed over 300 homes")."""
    for tail in _BOUND_TAILS:
        if relation.endswith(tail) and relation != tail.strip():
            return relation[: -len(tail)]
    return relation


def _strip_preposition(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """An extra argument's span without its leading preposition ("in April" -> "April")."""
    if end - start > 1 and doc[start].dep_ in {"prep", "agent"} and doc[start].pos_ == "ADP":
        return start + 1, end
    return start, end


def _noun_phrase(tok) -> Span:
    doc = tok.doc
    right = tok.i + 1
    for child in tok.rights:
        if child.dep_ in {"relcl", "acl", "punct", "appos", "cc", "conj", "ccomp"}:
            break
        right = child.right_edge.i + 1
    return doc[tok.left_edge.i : right]


def _quantity_token(span: Span) -> int:
    """Index of the number heading (or modifying) the root of ``span``; -1 if none."""
    root = span.root
    if root.like_num or root.pos_ == "NUM":
        return root.i
    for child in root.children:
        if child.dep_ in {"nummod"} and (child.like_num or child.pos_ == "NUM"):
            return child.i
    return -1


def _number_start(tok) -> int:
    left = min([tok.i, *[c.i for c in tok.children if c.dep_ in {"compound", "quantmod", "advmod", "det"}
                         and c.i < tok.i]])
    return tok.doc[left].idx
