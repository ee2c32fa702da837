"""Extract: parsed text -> entities, entity mentions and claims with provenance.

:func:`extract_document` is the per-document step of the data flow: a pure
function of the document and the pipeline, returning an :class:`kg.model.Extraction`
whose offsets all point into ``document.text``. Only the article body is parsed, and the title line,
which gives entity mentions but no claims (:func:`extract_parsed`). Headline-case lines are parsed
from a same-length copy in the article's own case (:mod:`kg.extract.casing`).

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
- otherwise a one-place claim with ``object=None`` ("the footage appears to
  have been released": ``footage | release | -``; :mod:`kg.rdf` writes its object
  as ``true``), unless a prepositional argument can be folded into the relation
  ("move to Pyongyang"). A clause whose complement says it all ("tried to
  portray ...", "were sent to fight ...") gives no claim of its own: the
  complement does.

Figures are made comparable across sources:

- an inclusion ("suffered over 4,700 casualties, including 600 fatalities")
  states a second figure with the same subject and relation
  (``North Korea | suffer | fatality``, 600);
- the losses of a counted group are also the losses of its *owner*, the party
  that sent or holds the group or owns it by name ("the DPRK has sent about
  15,000 soldiers. Of these, 600 have died" -> ``DPRK | suffer | dead``, 600
  soldier; "300 North Korean soldiers were killed" -> ``North Korea | suffer |
  dead``). The object is a concept naming the measure (dead, wounded, captured;
  :data:`kg.extract.quantities.LOSS_VERBS`), the quantity counts the group. So one
  outlet's "600 fatalities" of North Korea meets another's 600 dead of the DPRK,
  and the resolver compares casualty figures of one party
  (:mod:`kg.resolve.claims`).

What the graph never gets: appositions that restate the name ("Hong Min, a
senior scholar at X" is ``Hong Min | be | senior scholar at X``, not ``Hong Min |
be | Hong Min``; with an owner, "his daughter Kim Ju-ae" is ``Kim Ju-ae | be
daughter of | Kim Jong-un``), noun-phrase readings about nothing named ("addition
| be to | photos", "X be of Y"), objects that are unresolved pronouns or the
clause's own subject, temporal nouns as objects ("confirmed for the first time"),
subjects nobody can name (pleonastic "it" gives no subject).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.extract.attribution import Attribution, Source, attribute
from kg.extract.casing import (case_variant, common_words, is_headline_case, lone_capitals, normalise_case, restore_text,
                               word_forms)
from kg.extract.certainty import EVIDENTIAL_PASSIVES, certainty_of, min_certainty, polarity_of
from kg.extract.clauses import Clause
from kg.extract.coref import resolve_references
from kg.extract.entities import (EntityIndex, clean_name, index_entities, nested_amounts, nested_compound_nouns,
                                 nested_names, nested_proper_nouns, nested_scores, partitive_appositions, phrase_key,
                                 scope_common_nouns)
from kg.extract.quantities import (
    GROUP_HOLDING_VERBS,
    INTRANSITIVE_LOSS_VERBS,
    LOSS_VERBS,
    is_definite_count,
    quantity_of_phrase,
    quantity_of_token,
)
from kg.extract.texts import doc_text, sentence_span, span_text
from kg.extract.times import tense_of, time_of_clause, time_value
from kg.ingest.pieces import body_pieces, title_span
from kg.model import Argument, Claim, Document, EntityMention, Extraction, Quantity

__all__ = ["extract_document", "extract_many", "extract_parsed", "parse_document", "split_pieces"]

_NOMINAL_POS = {"NOUN", "PROPN", "NUM", "PRON", "X"}
_TIME_ENTS = frozenset({"DATE", "TIME"})
_UNRESOLVED = {"it", "they", "them", "its", "their", "this", "that", "these", "those", "which", "who", "what",
               "he", "she", "him", "her", "his", "i", "we", "you", "me", "us", "there", "one", "itself", "themselves",
               "whom", "whose", "where", "when", "some", "many", "all", "both", "each", "others", "other", "none",
               "something", "anything", "everything", "nothing", "someone", "anyone", "everyone", "herself",
               "himself", "our", "my", "your", "yours", "ours", "mine"}
#: Pronouns that only point at something else: as an object left unresolved they state nothing.
_REFERRING = frozenset({"it", "them", "this", "that", "these", "those", "him", "her", "which", "who", "whom", "one",
                        "there", "its", "their", "his"})
_FIRST_PERSON = {"i", "me", "my", "myself"}
_FIRST_PLURAL = {"we", "us", "our", "ourselves"}
_PLACE_PREPS = {"in", "at", "near", "inside", "outside", "from", "across", "throughout"}
_AGENTS = {"Person", "Organization", "NewsOrganization", "Place", "Group"}
_RAISING_VERBS = frozenset({"appear", "seem"})
_NEGATIVE_VERBS = frozenset({"refuse", "fail", "decline", "neglect"})
_CONFIDENCE = {"verb": 0.8, "according": 0.85, "quote": 0.6}
#: Clause rules that read a claim off a noun phrase rather than a verb.
_NOUN_RULES = frozenset({"appos", "nominal-prep", "nominal-poss"})
#: Clause rules whose subject is the antecedent of a modifier ("six coffins covered in flags"), not its own.
_INHERITED_SUBJECT_RULES = frozenset({"acl", "relcl", "control", "advcl"})
_REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves", "myself", "ourselves", "yourself",
                         "yourselves", "oneself"})
#: Prepositions whose noun attachment states one relation with a named thing: place, affiliation, company.
_NOMINAL_RELATION_PREPS = frozenset({"in", "at", "from", "near", "on", "with", "between", "among", "inside",
                                     "outside"})
#: Prepositions that introduce a part of the figure before them ("4,700 casualties, including 600 dead").
_INCLUSION_PREPS = frozenset({"including", "incl."})
#: Passive verbs of perception or depiction whose "-ing" complement is the event ("were seen wiping their eyes").
_PERCEPTION_VERBS = frozenset({"see", "show", "hear", "watch", "observe", "film", "photograph", "picture", "spot",
                               "catch", "depict"})


def parse_document(nlp: Language, document: Document) -> list[tuple[Doc, int]]:
    """Parse the body of a document: one ``(Doc, char offset)`` per body span.

    Long spans are cut at paragraph breaks so no ``Doc`` exceeds spaCy's comfortable size.
    """
    pieces = list(split_pieces(document, common_words(nlp)))
    return [(doc, offset) for doc, (_, offset) in zip(nlp.pipe(text for text, _ in pieces), pieces)]


def split_pieces(document: Document, common: Callable[[str], bool] | None = None) -> Iterator[tuple[str, int]]:
    """The body of a document as ``(text, char offset)`` pieces small enough for one spaCy ``Doc``.

    Long stretches without a sentence end are cut at spaces (see :mod:`kg.ingest.pieces`).
    The title line, where the text holds it (:func:`kg.ingest.pieces.title_span`), comes
    first, as a piece of its own: it is read for entity mentions only (see :func:`extract_parsed`).
    A piece with a headline-case line (Title Case, ALL CAPS) is given as a same-length copy
    in the case the body writes its words in (:mod:`kg.extract.casing`; ``common`` is
    :func:`kg.extract.casing.common_words` of the pipeline, which the parsers pass);
    :func:`extract_parsed` puts the original characters back.

    >>> doc = Document(text="Kim honours troops\\n\\nKim spoke.", source="a.txt", title="Kim honours troops",
    ...                body=((20, 30),))
    >>> list(split_pieces(doc))
    [('Kim honours troops', 0), ('Kim spoke.', 20)]
    """
    title = title_span(document.text, document.title, document.body)
    pieces = [title] if title is not None else []
    pieces += [(start, stop) for start, stop in body_pieces(document.text, document.body)
               if document.text[start:stop].strip()]
    forms = lone = None
    for start, stop in pieces:
        text = document.text[start:stop]
        if any(is_headline_case(line) for line in text.split("\n")):
            if forms is None:
                body = "\n".join(document.text[s:e] for s, e in document.body)
                forms, lone = word_forms(body), lone_capitals(body)
            text = normalise_case(text, forms, common, lone)
        yield text, start


def extract_document(document: Document, nlp: Language) -> Extraction:
    """Parse and extract one document."""
    return extract_parsed(document, parse_document(nlp, document))


def extract_many(documents: Iterable[Document], nlp: Language) -> Iterator[Extraction]:
    """Extract a stream of documents with one pipeline (serial)."""
    for document in documents:
        yield extract_document(document, nlp)


def extract_parsed(document: Document, chunks: list[tuple[Doc, int]]) -> Extraction:
    """Extract from already-parsed chunks (each Doc carries ``doc._.clauses``).

    The title chunk (the one at the title's offset, :func:`split_pieces`) takes part in
    naming and coreference, so "Jackson" in the headline is a mention of the body's
    "Marcus Hale", but it states no claims and is no sentence of the article: a
    headline is telegraphic ("Hale arrested on DUI charge"), often in title case
    that the parser misreads, and what it says the body says in full.
    """
    chunks = [(_as_written(doc, document.text[offset : offset + len(doc_text(doc))]), offset) for doc, offset in chunks]
    title = title_span(document.text, document.title, document.body)
    headline = {c for c, (_, offset) in enumerate(chunks) if title is not None and offset == title[0]}
    index = index_entities(chunks)
    attribution = attribute(chunks, skip=headline)
    resolve_references(chunks, index, issued=document.issued, attribution=attribution)
    assembler = _Assembler(document, chunks, index, attribution)
    claims: list[Claim] = []
    sentences: list[tuple[int, int]] = []
    for c, (doc, offset) in enumerate(chunks):
        if c in headline:
            continue
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
                claims.extend(assembler.clause_claims(c, doc, offset, sent, sent_span, clause))
    for source in attribution.sources:
        claim = assembler.reporting_claim(source)
        if claim is not None:
            claims.append(claim)
    nested_names(chunks, index)
    nested_proper_nouns(chunks, index)
    nested_compound_nouns(chunks, index)
    nested_scores(chunks, index)
    nested_amounts(chunks, index)
    partitive_appositions(chunks, index)
    claims = _distinct(claims)
    claims.sort(key=lambda cl: (cl.sentence[0], cl.subject.start, cl.relation))
    mentions = sorted(set(index.mentions), key=lambda m: (m.start, m.end, m.entity))
    return scope_common_nouns(Extraction(
        document=document,
        sentences=tuple(sentences),
        entities=tuple(sorted(index.entities.values(), key=lambda e: e.key)),
        mentions=tuple(mentions),
        claims=tuple(claims),
    ))


def _as_written(doc: Doc, text: str) -> Doc:
    """A chunk parsed from a case-normalised copy (:func:`split_pieces`) with the text's own characters back."""
    return restore_text(doc, text) if doc_text(doc) != text and case_variant(doc_text(doc), text) else doc


def _distinct(claims: list[Claim]) -> list[Claim]:
    """One claim per proposition and sentence: two rules reading the same claim off one sentence ("his
    daughter, Ju-ae" and "Kim's daughter Ju-ae") keep the more confident reading."""
    best: dict[tuple, Claim] = {}
    for claim in claims:
        obj = claim.object
        key = (claim.sentence, claim.subject.entity or claim.subject.text, claim.relation,
               (obj.entity or " ".join(obj.text.split()).lower()) if obj is not None else None,
               claim.quantity, claim.time.value if claim.time else None, claim.location, claim.polarity, claim.speaker)
        kept = best.get(key)
        if kept is None or claim.confidence > kept.confidence:
            best[key] = claim
    return list(best.values())


def _trim(sent: Span, offset: int) -> tuple[int, int]:
    text = span_text(sent)
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
        self._owners: dict[str, Argument] = {}  # group entity -> who sent, holds or owns it (latest mention)

    # -- arguments -------------------------------------------------------------------------------

    def argument(self, span: Span, chunk: int, offset: int, *, nominal_only: bool) -> Argument | None:
        """An argument with its entity: a named entity, a resolved pronoun or number, or a noun-phrase concept."""
        start, end = offset + span.start_char, offset + span.end_char
        index = self.index
        root = span.root
        if _joint(root) and any(t.dep_ == "conj" and t.head.i == root.i for t in span):
            # "between Kim and Putin": several parties as one argument, a literal (each keeps its own mention)
            return None if nominal_only else Argument(span_text(span), start, end)
        key = index.entity_of(chunk, span) or index.referents.get((chunk, root.i))
        if key is None and (root.pos_ == "PRON" or root.lower_ in _UNRESOLVED or root.pos_ == "NUM"):
            return None if nominal_only else Argument(span_text(span), start, end)
        if key is None and root.ent_type_ in _TIME_ENTS:
            # "May 2, 2024 was the day": the date's own time entity, not a noun concept keyed by the lemma
            # of its first word (which for "May" is the modal "may")
            key = self._time_entity(root, offset)
            if key is None:
                return None if nominal_only else Argument(span_text(span), start, end)
        if key is None and root.pos_ in _NOMINAL_POS:
            core = _core(span)
            key = phrase_key(core)
            label = clean_name(span_text(core))
            if key and label:
                index.add(key, key, "Thing", alias=label)
                index.mentions.append(EntityMention(key, offset + core.start_char, offset + core.end_char, span_text(core),
                                                    "nominal"))
            else:
                key = None
        if key is None and nominal_only:
            return None
        return Argument(span_text(span), start, end, entity=key)

    def _time_entity(self, root: Token, offset: int) -> str | None:
        """The time entity mentioned by the date or time expression that holds ``root`` (see
        :func:`kg.extract.coref.resolve_references`), if one was."""
        ent = next((e for e in root.doc.ents if e.start <= root.i < e.end), None)
        if ent is None:
            return None
        first, last, at = offset + ent.start_char, offset + ent.end_char, offset + root.idx
        inside = [m for m in self.index.mentions if first <= m.start <= at < m.end <= last]
        return min(inside, key=lambda m: m.end - m.start).entity if inside else None

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

    def clause_claims(self, c: int, doc: Doc, offset: int, sent: Span, sent_span: tuple[int, int],
                      clause: Clause) -> list[Claim]:
        """The claims one clause states: its own, the figures it includes, the losses it counts."""
        built = self._clause_claim(c, doc, offset, sent, sent_span, clause)
        if built is None:
            return []
        claim, obj_span = built
        out = [claim]
        head = doc[clause.head]
        if obj_span is not None and claim.object is not None and claim.object.role != "quantity":
            out.extend(self._inclusions(claim, c, doc, offset, head, obj_span))
        self._note_owner(claim, clause, head, c, obj_span, doc[clause.subject[0] : clause.subject[1]])
        if claim.rule.endswith("/count"):
            loss = self._loss_claim(claim, c, doc, head, doc[clause.subject[0] : clause.subject[1]])
            if loss is not None:
                out.append(loss)
        return out

    def _clause_claim(self, c: int, doc: Doc, offset: int, sent: Span, sent_span: tuple[int, int],
                      clause: Clause) -> tuple[Claim, Span | None] | None:
        if clause.subject is None or (c, clause.head) in self.reporting_verbs:
            return None
        head = doc[clause.head]
        source = self.attribution.source_of(c, clause.head)
        speaker = self.speaker(source)
        subj_span = doc[clause.subject[0] : clause.subject[1]]
        subject = self._subject(subj_span, c, offset, speaker)
        if subject is None:
            return None
        nominal = clause.rule in _NOUN_RULES
        if nominal and not self._named(subject.entity):
            return None  # "addition | be to | photos", "nation | have | flag": noun phrases about nothing named
        obj_span = doc[clause.object[0] : clause.object[1]] if clause.object else None
        if obj_span is None:
            comp = next((ch for ch in head.children if ch.dep_ == "ccomp"), None)
            if comp is not None:
                obj_span = doc[comp.left_edge.i : comp.right_edge.i + 1]
        relation = _unhedged(clause.lemma, [doc[i] for i in clause.relation if i != clause.head])
        relation = _without_infinitive_marker(relation)
        rule = clause.rule
        extras_in = [(role, _strip_preposition(doc, s, e)) for role, (s, e) in clause.extras]
        own_subject = clause.rule not in _INHERITED_SUBJECT_RULES and not nominal
        counted = _quantity_token(subj_span) if own_subject and not is_definite_count(subj_span.root) else -1
        folded = next((doc[i] for i in clause.relation if doc[i].dep_ in {"prep", "agent"} and obj_span is not None
                       and obj_span.root.head.i == i), None)
        if folded is not None and counted >= 0 and relation.endswith(" " + folded.lemma_.lower()):
            # "Of these, 600 have died", "300 soldiers died in the fighting": the count is the object, the
            # folded preposition goes back to the arguments (a partitive "of" only names what is counted)
            relation = relation[: -len(folded.lemma_) - 1]
            if folded.lower_ != "of":
                extras_in.append((folded.lemma_.lower(), (obj_span.start, obj_span.end)))
            obj_span = None
        first = obj_span.root if obj_span is not None else None
        while first is not None and first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first is not None and first.dep_ == "pobj" and first.head.i in clause.relation and _temporal(first):
            # "would occur in July or August": the time is the object of the written relation; it stays
            # whole ("July or August", not two claims) and a literal; "confirmed for the first time" has none
            root = obj_span.root
            if root.i != first.i or root.ent_type_ not in {"DATE", "TIME"}:
                return None
            obj_span = doc[root.left_edge.i : root.right_edge.i + 1]
            obj = Argument(obj_span.text, offset + obj_span.start_char, offset + obj_span.end_char, role="time")
        elif first is not None and first.dep_ == "dobj" and _temporal(first) and first.ent_type_ not in {"DATE", "TIME"}:
            return None  # "marked the first time that ...": what happened is in the clause, not in "time"
        else:
            obj = self.argument(obj_span, c, offset, nominal_only=False) if obj_span is not None else None
        if obj is not None and nominal:
            owned = self._owned_description(clause, subject, obj_span, c, offset)
            if owned is not None:  # "his daughter Kim Ju-ae": Kim Ju-ae | be daughter of | Kim Jong-un
                relation, obj = owned
            else:
                obj = self._nominal_object(clause, subject, obj, obj_span, c, offset)
            if obj is None:
                return None
        elif obj is not None and obj.entity is not None and obj_span.root.lower_ not in _REFLEXIVES and (
                obj.entity == subject.entity or (obj_span.root.pos_ == "PRON" and obj.entity == _head_key(subj_span))):
            return None  # "the leaders ... calling them heroes": "them" is never its own clause's subject
        elif obj is not None and obj.entity is None and obj_span.root.lower_ in _REFERRING:
            return None  # an object nobody can tell ("denied it", "sent them"): nothing to state
        quantity = None
        if obj_span is not None and not nominal:
            quantity = quantity_of_phrase(obj_span)
        if quantity is None and own_subject and not is_definite_count(subj_span.root):
            quantity = self._subject_quantity(subj_span, c, subject)
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
            if any(ch.dep_ in {"xcomp", "ccomp", "csubj"} for ch in head.children) or _purpose_clause(head):
                return None  # "tried to portray", "were sent to fight": the complement is the claim
            rule = f"{rule}/intransitive"  # "talks have collapsed": a one-place claim (kg.rdf writes it so)
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
            if role in _INCLUSION_PREPS and quantity_of_phrase(span) is not None:
                continue  # "suffered 4,700 casualties, including 600 dead": a claim of its own
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
        claim = Claim(
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
        return claim, obj_span

    def _named(self, key: str | None) -> bool:
        """Whether ``key`` is a named entity (a person, organisation, place, group...), not a noun-phrase concept."""
        return key is not None and self.index.type_of(key) not in {None, "Thing"}

    def _nominal_object(self, clause: Clause, subject: Argument, obj: Argument, obj_span: Span, c: int,
                        offset: int) -> Argument | None:
        """The object of a claim read off a noun phrase, or ``None`` when the phrase states nothing.

        - apposition: the description, as a concept, even when coreference linked it to the name
          ("Hong Min, a senior scholar at X" -> Hong Min | be | senior scholar at X, never Hong Min | be | Hong Min);
        - "X in/at/from/near/on/with Y" (place, affiliation, company): Y must be named;
          "X of Y", "X for Y", "X by Y" say too many things to be one relation;
          "between" needs two parties ("the pact between the North and Russia");
        - "X's Y": kept (the owner is named; checked by the caller).
        """
        if clause.rule == "appos":
            if obj.entity is None or obj.entity == subject.entity or self._named(obj.entity):
                concept = self._concept(obj_span, c, offset)
                if concept is None or concept.entity == subject.entity:
                    return None
                return concept
            return obj
        if clause.rule == "nominal-prep":
            prep = clause.lemma.split()[-1]
            if prep in {"between", "among", "amongst"}:
                return obj if any(t.dep_ == "conj" for t in obj_span) else None
            if prep not in _NOMINAL_RELATION_PREPS or not self._named(obj.entity):
                return None
        return obj

    def _owned_description(self, clause: Clause, subject: Argument, span: Span, c: int,
                           offset: int) -> tuple[str, Argument] | None:
        """An apposition whose description has an owner: "his daughter, Kim Ju-ae" -> ("be daughter of", his).

        The owner is a possessive (a name, or a pronoun coreference resolved); the relation is the
        description's noun, so "Kim's daughter, Ju-ae" and "his daughter Kim Ju-ae" state the same claim.
        """
        if clause.rule != "appos":
            return None
        root = span.root
        if root.pos_ != "NOUN" or any(ch.dep_ in {"prep", "acl", "relcl"} for ch in root.children):
            return None
        poss = next((ch for ch in root.children if ch.dep_ == "poss"), None)
        if poss is None:
            return None
        key = self.index.by_token.get((c, poss.i)) or self.index.referents.get((c, poss.i))
        if key is None or key == subject.entity or not self._named(key):
            return None
        owner = span.doc[poss.left_edge.i : poss.i + 1]
        while len(owner) > 1 and owner[-1].tag_ == "POS":
            owner = owner[:-1]
        return f"be {root.lemma_.lower()} of", Argument(owner.text, offset + owner.start_char, offset + owner.end_char,
                                                        entity=key)

    def _concept(self, span: Span, c: int, offset: int) -> Argument | None:
        """``span`` as a noun-phrase concept (its core phrase), whatever entity its words refer to."""
        if span.root.pos_ not in {"NOUN", "PROPN"}:
            return None
        core = _core(span)
        key, label = phrase_key(core), clean_name(core.text)
        if not key or not label:
            return None
        self.index.add(key, key, "Thing", alias=label)  # no mention: the phrase is a mention of the name already
        return Argument(span.text, offset + span.start_char, offset + span.end_char, entity=key)

    # -- figures: inclusions, counted groups and their owners -------------------------------------

    def _inclusions(self, claim: Claim, c: int, doc: Doc, offset: int, head, obj_span: Span) -> list[Claim]:
        """"suffered over 4,700 casualties, including 600 fatalities": a second figure, same subject and relation.

        The included part is stated with its own number (``North Korea | suffer | fatality``, 600), so it
        can be compared with what other sources say of the same part. An inclusion without a number adds
        nothing a reader can compare and gives no claim.
        """
        root = obj_span.root
        preps = [ch for ch in root.children if ch.dep_ == "prep" and ch.lower_ in _INCLUSION_PREPS]
        preps += [ch for ch in head.children if ch.dep_ == "prep" and ch.lower_ in _INCLUSION_PREPS and ch.i > root.i]
        out = []
        for prep in preps:
            pobj = next((ch for ch in prep.children if ch.dep_ == "pobj"), None)
            if pobj is None:
                continue
            for part in [pobj, *[t for t in pobj.conjuncts if t.i > pobj.i]]:
                quantity = quantity_of_token(part)
                if quantity is None:
                    continue
                obj = self.argument(_noun_phrase(part), c, offset, nominal_only=True)
                if obj is None:
                    continue
                out.append(replace(claim, object=obj, quantity=quantity, arguments=(),
                                   relation=_without_bound_words(claim.relation), rule=f"{claim.rule}/including",
                                   confidence=round(claim.confidence * 0.95, 4)))
        return out

    def _note_owner(self, claim: Claim, clause: Clause, head, c: int, obj_span: Span | None,
                    subj_span: Span) -> None:
        """Remember who a group belongs to: the sender of "the DPRK has sent 15,000 soldiers" (or the owner of
        the sender: "North Korea's army has lost 2,000 soldiers"), the owner of "North Korea's soldiers" /
        "its soldiers", the nation of "North Korean soldiers"."""
        obj = claim.object
        if obj is not None and obj.entity and obj_span is not None and claim.rule.split("/")[0] in {"svo", "conj"}:
            if head.lemma_.lower() in GROUP_HOLDING_VERBS:
                holder = claim.subject if self.index.type_of(claim.subject.entity) in _AGENTS else \
                    self._owner_in_phrase(subj_span.root, c)
                if holder is not None:
                    self._owners[obj.entity] = holder
                    return
            owner = self._owner_in_phrase(obj_span.root, c)
            if owner is not None:
                self._owners[obj.entity] = owner

    def _owner_in_phrase(self, noun, c: int) -> Argument | None:
        """The possessor ("North Korea's soldiers", "its soldiers") or nation ("North Korean soldiers") of a noun."""
        offset = self.chunks[c][1]
        for child in noun.children:
            key = None
            if child.dep_ == "poss":
                key = self.index.by_token.get((c, child.i)) or self.index.referents.get((c, child.i))
            elif child.dep_ in {"amod", "compound"}:
                group = self.index.by_token.get((c, child.i))
                key = self.index.demonyms.get(group) if group else None
            if key is not None and self.index.type_of(key) in _AGENTS:
                span = noun.doc[child.left_edge.i : child.i + 1]
                return Argument(span.text, offset + span.start_char, offset + span.end_char, entity=key)
        return None

    def _loss_claim(self, count: Claim, c: int, doc: Doc, head, subj_span: Span) -> Claim | None:
        """The party's loss behind a counted group: "the DPRK has sent 15,000 soldiers. Of these, 600 have
        died" -> ``DPRK | suffer | dead`` (600 soldiers), comparable with "North Korea suffered 600 fatalities".

        The party is the owner of the counted group: a possessor or nation in the phrase itself ("600 of
        its soldiers", "600 North Korean soldiers"), else the one who sent or held the group the count
        refers back to (:meth:`_note_owner`). The measure is what the verb does to the group:
        :data:`kg.extract.quantities.LOSS_VERBS` (die -> dead, be wounded -> wounded, ...); verbs
        that need a passive to be a loss ("were killed") count only in the passive.
        """
        measure = LOSS_VERBS.get(head.lemma_.lower())
        if measure is None or count.quantity is None or count.polarity != "positive":
            return None
        if head.lemma_.lower() not in INTRANSITIVE_LOSS_VERBS and not _is_passive(head):
            return None
        root = subj_span.root
        noun = root
        if root.pos_ == "NUM":
            of = next((ch for ch in root.children if ch.dep_ == "prep" and ch.lower_ == "of"), None)
            noun = next((ch for ch in of.children if ch.dep_ == "pobj"), root) if of is not None else root
        owner = self._owner_in_phrase(noun, c) if noun.pos_ in {"NOUN", "PROPN"} else None
        if owner is None and count.subject.entity is not None:
            owner = self._owners.get(count.subject.entity)
        if owner is None:
            return None
        offset = self.chunks[c][1]
        self.index.add(measure, measure, "Thing")
        obj = Argument(head.text, offset + head.idx, offset + head.idx + len(head), entity=measure, role="measure")
        return replace(count, subject=owner, relation="suffer", object=obj, rule=f"{count.rule}/loss",
                       confidence=round(count.confidence * 0.9, 4))

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
            certainty = certainty_of(verb, sentence_span(verb))
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
        elif len(words) > 1 and words[1] != "to" and words[0] in _PERCEPTION_VERBS and any(
                g.lemma_.lower() == words[0] and g.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in g.children)
                for g in governors):
            words = words[1:]  # "were seen blotting their eyes": they blotted their eyes
        else:
            break
    return " ".join(words)


def _without_infinitive_marker(relation: str) -> str:
    """"to commemorate" -> "commemorate": the infinitive marker of a purpose clause is not part of the relation.

    >>> _without_infinitive_marker("to fight in"), _without_infinitive_marker("want to present")
    ('fight in', 'want to present')
    """
    return relation[3:] if relation.startswith("to ") and len(relation) > 3 else relation


def _head_key(span: Span) -> str:
    """The concept key of a phrase's head noun with its left modifiers ("the leaders of the DPRK" -> "leader")."""
    root = span.root
    return phrase_key(span.doc[min([root.i, *[t.left_edge.i for t in root.lefts]]) : root.i + 1])


def _temporal(tok) -> bool:
    """A date or time, or a noun that only places an event in time ("for the first time", "at the same time")."""
    return tok.ent_type_ in {"DATE", "TIME"} or (tok.lemma_.lower() in {"time", "moment", "while"} and any(
        ch.dep_ in {"amod", "det"} and ch.lower_ in {"first", "last", "same", "long", "second", "next", "a", "this"}
        for ch in tok.children))


def _joint(tok) -> bool:
    """Whether ``tok`` is the object of "between"/"among", whose coordinated parties form one argument."""
    return tok.dep_ == "pobj" and tok.head.lower_ in {"between", "among", "amongst"}


def _is_passive(verb) -> bool:
    return any(ch.dep_ in {"auxpass", "nsubjpass"} for ch in verb.children)


def _purpose_clause(verb) -> bool:
    """Whether ``verb`` has an infinitive of purpose ("were sent to fight alongside ..."), a claim of its own."""
    return any(ch.dep_ == "advcl" and any(a.dep_ == "aux" and a.tag_ == "TO" for a in ch.children)
               for ch in verb.children)


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
