"""Extract: parsed text -> entities, entity mentions and claims with provenance.

:func:`extract_document` is the per-document step of the data flow: a pure
function of the document and the pipeline, returning an :class:`kg.model.Extraction`
whose offsets all point into ``document.text``. Only the article body is parsed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.attribution import Source, sources_of
from kg.extract.clauses import Clause
from kg.extract.entities import EntityIndex, clean_name, index_entities, phrase_key
from kg.extract.semantics import certainty_of, polarity_of, quantity_in, time_of
from kg.model import Argument, Claim, Document, EntityMention, Extraction, TimeValue

__all__ = ["extract_document", "extract_parsed", "parse_document", "split_pieces"]

_NOMINAL_POS = {"NOUN", "PROPN", "NUM", "PRON", "X"}
_UNRESOLVED = {"it", "they", "them", "its", "their", "this", "that", "these", "those", "which", "who", "what",
               "he", "she", "him", "her", "his", "i", "we", "you", "me", "us", "there", "one", "itself", "themselves"}
_PLACE_PREPS = {"in", "at", "near", "inside", "outside", "from"}
_MAX_CHUNK_CHARS = 200_000


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


def extract_parsed(document: Document, chunks: list[tuple[Doc, int]]) -> Extraction:
    """Extract from already-parsed chunks (each Doc carries ``doc._.clauses``)."""
    index = index_entities(chunks)
    claims: list[Claim] = []
    sentences: list[tuple[int, int]] = []
    for c, (doc, offset) in enumerate(chunks):
        clauses = doc._.clauses or []
        for sent in doc.sents:
            sent_span = _trim(sent, offset)
            if sent_span[0] >= sent_span[1]:
                continue
            sentences.append(sent_span)
            sources = sources_of(sent)
            for clause in (cl for cl in clauses if sent.start <= cl.head < sent.end):
                claim = _claim(clause, doc, c, offset, sent_span, index, sources)
                if claim is not None:
                    claims.append(claim)
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


def _argument(span: Span, chunk: int, offset: int, index: EntityIndex, *, nominal_only: bool) -> Argument | None:
    """An argument with its entity: a named entity, a resolved pronoun, or a noun-phrase concept."""
    start, end = offset + span.start_char, offset + span.end_char
    key = index.entity_of(chunk, span)
    root = span.root
    if key is None and root.pos_ == "PRON":
        return None if nominal_only else Argument(span.text, start, end)
    if key is None and root.pos_ in _NOMINAL_POS and root.lower_ not in _UNRESOLVED:
        key = phrase_key(span)
        label = clean_name(span.text)
        if key and label:
            index.add(key, key, "Thing", alias=label)
            index.mentions.append(EntityMention(key, start, end, span.text, "nominal"))
    if key is None and nominal_only:
        return None
    return Argument(span.text, start, end, entity=key)


def _claim(
    clause: Clause,
    doc: Doc,
    chunk: int,
    offset: int,
    sentence: tuple[int, int],
    index: EntityIndex,
    sources: dict[int, Source],
) -> Claim | None:
    if clause.subject is None:
        return None
    verb = doc[clause.head]
    subject = _argument(doc[clause.subject[0] : clause.subject[1]], chunk, offset, index, nominal_only=True)
    if subject is None:
        return None
    obj_span = doc[clause.object[0] : clause.object[1]] if clause.object else None
    if obj_span is None:
        comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if comp is not None:
            obj_span = doc[comp.left_edge.i : comp.right_edge.i + 1]
    obj = _argument(obj_span, chunk, offset, index, nominal_only=False) if obj_span is not None else None
    relation = clause.lemma
    extras_in = list(clause.extras)
    if obj is None:
        # an intransitive clause takes its first prepositional argument as object ("move to Pyongyang")
        for n, (role, (s, e)) in enumerate(extras_in):
            if role not in {"time", "location"}:
                obj = _argument(doc[s:e], chunk, offset, index, nominal_only=False)
                relation = f"{relation} {role}"
                del extras_in[n]
                break
    if obj is None:
        return None
    extras, location, time = [], None, time_of(verb)
    for role, (s, e) in extras_in:
        span = doc[s:e]
        arg = _argument(span, chunk, offset, index, nominal_only=False)
        if arg is None:
            continue
        if role == "time" or span.root.ent_type_ in {"DATE", "TIME"}:
            time = time or TimeValue(text=span.text, start=arg.start, end=arg.end)
            continue
        if role in _PLACE_PREPS and arg.entity and index.entities[arg.entity].type == "Place" and location is None:
            location = arg.entity
        extras.append(Argument(arg.text, arg.start, arg.end, arg.entity, role))
    source = sources.get(clause.head)
    speaker = cue = None
    polarity = "negative" if clause.negated else polarity_of(verb)
    if source is not None and source.verb != clause.head:
        speaker_arg = _argument(source.speaker, chunk, offset, index, nominal_only=True)
        speaker = speaker_arg.entity if speaker_arg else None
        cue = source.cue
        if source.denial:
            polarity = "negative" if polarity == "positive" else "positive"
    quantity = quantity_in(obj_span) if obj_span is not None else None
    quantity = quantity or quantity_in(doc[clause.subject[0] : clause.subject[1]])
    return Claim(
        subject=subject,
        relation=relation,
        object=obj,
        sentence=sentence,
        relation_text=" ".join(doc[i].text for i in clause.relation),
        arguments=tuple(extras),
        speaker=speaker,
        cue=cue,
        certainty=certainty_of(verb),
        polarity=polarity,
        quantity=quantity,
        time=time,
        location=location,
        confidence=clause.confidence,
        rule=clause.rule,
    )


def extract_many(documents: Iterable[Document], nlp: Language) -> Iterator[Extraction]:
    """Extract a stream of documents with one pipeline (serial)."""
    for document in documents:
        yield extract_document(document, nlp)
