"""Within-document coreference: pronouns, descriptions and bare numbers resolved to entities.

Rules over the dependency parse and the entity types of :mod:`kg.extract.entities`
(no neural model: the coreference packages for spaCy download weights). The
document is read once, in order, keeping a *salience* score per entity in the
spirit of Lappin and Leass (1994): every mention adds a weight that depends on
its grammatical role (subject > object > oblique > possessor) and being a speaker,
and scores halve with each sentence. A referring expression takes the most
salient compatible entity seen in the last few sentences:

- *he, him, his, she, her*: a person, of the gender the text has used for it
  ("Mrs", "herself", "a woman") and preferring one known to have it; an object
  pronoun never takes the subject of its clause, nor the subject that controls a
  non-finite verb ("Obama was intent on recruiting him"); a subject pronoun leans
  to an earlier subject; a pronoun in a clause that opens the sentence looks
  ahead to the main subject ("After she left, Reed ..."), and one before any
  person of the text to the first name ahead;
- *it, its*: an organisation, a place that was an argument (not a setting, "in
  Ostland's Dallow region") or a singular thing, never a person, unless *it* is
  pleonastic ("it is a rare admission that ...", "it is not known when ...");
- *they, them, their, these, those*: a plural thing or group (not a nationality
  used as a modifier, "North Korean troops"); the subject of what an organisation
  reports is that organisation before a plural thing ("Seacom said they had
  restored the routes");
- *I, me, we* inside quotation marks: the speaker attribution gives the quote
  (a person for "I", an organisation for "we");
- *there*: the place most lately named as where something happened;
- descriptions: a person noun ("the coach", "the comedian", "the 33-year-old",
  see :func:`is_person_noun`) takes a named person given that role by a title,
  an apposition or a predicate ("Harriers receiver Marcus Hale", "named
  Marlow as the host"), else the most salient person with no other office, never
  the speaker who reports it; an age picks the person of that age ("a 59-year-old
  woman" ... "Anil Sethi, 59"); a title before a name is a mention of that person;
  "the regime"/"the government"/"the country" is the state the story is about
  (salience, how often it was named, how salient its nationals are), and so is
  a state noun with an epithet of description ("the gas-rich Central Asian
  nation"), not a relational one ("the neighbouring country"); "the agency"
  an organisation whose name holds the word, "the center" a name with that head;
  a description in apposition to a name ("his visitor, Olga Lyubimova") or
  identified with it ("identified the victim as X") is that name; a description
  with a near-synonym head of one before it (:data:`NEAR_SYNONYMS`, "a gunman ...
  the shooter", "pirates ... the brigands") is that one; "the team" may be a
  capitalised plural the tagger read as a common noun ("the Harriers"); the
  lede's "a climber" introduces the headline's bare "Climber"; a description is
  never the subject of a clause that holds it, nor an argument of its own verb in
  another role ("the driver drove over Ann Roe", "she was struck by the driver",
  "Vale left after the man paid"); who did the harm ("the driver", "the suspect")
  is someone the text said harmed, was arrested or fled, never only the one it
  said was harmed, and "the victim" not one it said harmed or was arrested;
  a person's body ("His body was found by a maid", "Ann Roe's body") is that
  person; a business described by its trade that reports ("the software giant
  said", "the US software giant's security centre") as a subject or possessor
  is the most salient organisation;
- bare numbers ("Of these, 600 have died") count what "of these" or the nearest
  plural thing refers to; they are recorded in ``EntityIndex.referents``, not as
  mentions (600 is a part of the soldiers, not the soldiers); a bare number that
  stands for those counted ("Gunman kills 1, wounds 2", "1 dead, 2 hurt", "took 23
  into custody") is a mention of the phrase the same verb counts the same way
  ("killed a woman", "wounded two men"), else of a common-noun entity of its own;
- *I, me* outside every quotation: the writer, one common-noun entity of the
  document, where its double quotation marks pair up (single quotes: per quotation).

Every resolved pronoun or description becomes an :class:`kg.model.EntityMention`
of kind ``pronoun`` or ``nominal`` with its own offsets. The work per token is
bounded by the number of entities seen in the last few sentences, so a document
is read in linear time.

>>> sorted(GOVERNMENT_NOUNS)[:3]
['administration', 'country', 'government']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from kg.extract.attribution import REPORTING_VERBS, Attribution, Quotations, find_quotations
from kg.extract.entities import (VESSEL_NOUNS, EntityIndex, address_part, clean_name, name_age, phrase_key,
                                 vessel_name)
from kg.extract.quantities import parse_number
from kg.extract.texts import doc_text, sentence_bounds, sentence_span, span_text, token_text_span
from kg.extract.times import MONTHS, WEEKDAYS, normalise_time, tense_of
from kg.lexicon import (ACCUSING_VERBS, AGENT_NOUNS, HARM_VERBS, NEAR_SYNONYMS, NOUN_GENDER, ORDINALS, PERSON_NOUNS,
                        PERSON_ROLES, is_person_noun, listed_person_noun, near_synonyms)
from kg.model import EntityMention

__all__ = ["BODY_NOUNS", "GOVERNMENT_NOUNS", "ORG_NOUNS", "resolve_references",
           "time_key"]

#: Descriptions of a state or its government ("the regime", "the country").
GOVERNMENT_NOUNS = frozenset({"regime", "government", "administration", "country", "nation", "state", "leadership",
                              "kingdom", "republic", "junta"})
#: Descriptions of an organisation ("the agency", "the company").
ORG_NOUNS = frozenset({"agency", "company", "firm", "group", "organisation", "organization", "ministry", "institute",
                       "newspaper", "broadcaster", "outlet", "party", "union", "bank", "university", "council",
                       "committee", "network", "station", "channel", "daily", "paper", "corporation", "court",
                       "department", "office", "service", "think-tank", "tank", "team", "club", "franchise",
                       "squad", "navy", "army", "league", "airline", "foundation", "association", "academy"})
#: Nouns for a sports side, which English names in the plural ("the Harriers", "the 88ers").
_TEAM_NOUNS = frozenset({"team", "club", "franchise", "squad"})
#: Nouns for a dead person's body: with a person as possessor they mention that person ("his body was found").
BODY_NOUNS = frozenset({"body", "corpse", "remains"})
#: Nouns for a building where people are treated or kept: "the facility" may be "the Hillcrest Recovery Center".
_FACILITY_NOUNS = frozenset({"facility", "center", "centre", "clinic", "hospital", "institution"})
_FACILITY = "<facility>"
#: Heads that describe a business by its trade ("the software giant", "the chip maker"), with ORG_NOUNS' own.
_BUSINESS_NOUNS = frozenset({"giant", "maker", "provider", "operator", "carrier", "retailer", "producer"})
#: State nouns a news report gives an epithet ("the energy-rich Central Asian nation", "the desert country").
_EPITHET_STATE_NOUNS = frozenset({"nation", "country", "kingdom", "republic"})
#: Modifiers that set a state noun against the story's own state ("the neighbouring country", "the host nation").
_RELATIONAL_STATE_MODIFIERS = frozenset({
    "other", "another", "neighbouring", "neighboring", "neighbour", "neighbor", "foreign", "rival", "enemy", "host",
    "home", "donor", "member", "partner", "allied", "ally", "mother", "native", "adopted", "developing", "developed",
    "new", "next", "last", "previous", "first", "second", "third", "only", "same", "western", "eastern", "fellow",
    "client", "buffer", "transit", "origin", "destination", "sister", "target", "recipient"})
_GENERIC_ORG_NOUNS = frozenset({"company", "firm", "group", "organisation", "organization", "agency", "team", "club",
                                "franchise", "squad"})
_INDEFINITE = frozenset({"a", "an", "another", "some", "any", "no", "one", "each", "every", "several", "many",
                         "few", "other", "such"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_COPULAS = frozenset({"be", "become", "remain"})
_NAMING_VERBS = frozenset({"name", "appoint", "elect", "make", "hire", "choose", "select", "crown"})
_RELATIVE = frozenset({"who", "whom", "whose", "which", "that", "where"})
_REFLEXIVE = frozenset({"himself", "herself", "itself", "themselves"})
_FIRST_SINGULAR = frozenset({"i", "me", "my", "myself", "mine"})
_FIRST_PERSON = _FIRST_SINGULAR | {"we", "us", "our", "ourselves", "ours"}
_TIME_LABELS = frozenset({"DATE", "TIME"})
_BARE_NUMBER = re.compile(r"^\d{1,3}$")
_AGE = re.compile(r"\byears?[\s-]*old\b", re.I)
_AGE_NUMBER = re.compile(r"\b(\d{1,3})[\s-]*years?[\s-]*old\b", re.I)
_MODIFIER_DEPS = frozenset({"amod", "compound", "nummod", "nmod", "npadvmod", "quantmod"})
_SKIP_NOUNS = frozenset({"thing", "one", "way", "time", "part", "lot", "kind", "sort", "number", "couple", "bit"})
_MAX_ALIAS_WORDS = 8
#: Verbs of state action: a city as their subject ("Pyongyang moved to ...", "Washington warned") is the state.
_STATE_ACTIONS = frozenset("""move decide announce deny claim send deploy warn threaten accuse refuse agree respond
    retaliate demand reject insist vow pledge launch order approve sign condemn urge protest recognise recognize
    sanction expel recall summon negotiate veto ratify declare acknowledge admit confirm""".split())
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "dative", "conj", "ROOT"})
_MASCULINE = frozenset({"he", "him", "his", "himself"})
_FEMININE = frozenset({"she", "her", "hers", "herself"})
_NEUTER = frozenset({"it", "its", "itself"})
_PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
_DEMONSTRATIVES = frozenset({"these", "those"})
_ALL_PRONOUNS = _MASCULINE | _FEMININE | _NEUTER | _PLURAL | _FIRST_PERSON | _DEMONSTRATIVES
_OBJECT_DEPS = frozenset({"dobj", "dative", "pobj", "iobj"})
_ROLE_WEIGHTS = {"nsubj": 80, "nsubjpass": 70, "dobj": 50, "attr": 50, "dative": 40, "pobj": 40, "poss": 30,
                 "appos": 30, "conj": 40, "compound": 20}
_RECENCY = 100
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"})
_SPEAKER_BONUS = 40
_GENDER_BONUS = 50
_PARALLEL_BONUS = 35
_LOCAL_SUBJECT_BONUS = 100  # "seeing his brother plunge to his death": the second "his" is the brother's
_PLACE_IT_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "appos", "conj", "ROOT", "dative"})
_TOPIC_WEIGHT = 25  # per earlier mention of a state, for "the regime"
_LOCATIVE_PREPS = frozenset({"at", "in", "into", "inside", "to", "near", "outside", "from"})
_HEAD_NOUN = 80  # a phrase not embedded in another
_WINDOW = 3  # sentences back that a pronoun may reach
#: Verbs a report uses interchangeably for what befell a counted group ("wounds 2" ... "injured two men").
_VERB_CLASSES = (frozenset({"injure", "wound", "hurt"}), frozenset({"kill", "slay", "die"}),
                 frozenset({"arrest", "detain", "capture", "apprehend", "take into custody"}))
#: Verbs whose bare count may stand alone as a thing of the story ("kills 1", "took 23 into custody").
_CLASSED_VERBS = frozenset().union(*_VERB_CLASSES)
#: Roles of a bare number that say it stands for what was counted ("kills 1", "took 23 into custody").
_COUNT_ROLES = {"dobj": "patient", "nsubjpass": "patient", "nsubj": "agent"}
#: Words a headline puts after a bare count of the harmed ("1 dead, 2 hurt"), with the verb they stand for.
_HARM_WORDS = {"dead": "die", "killed": "kill", "hurt": "hurt", "injured": "injure", "wounded": "wound",
               "arrested": "arrest", "detained": "detain"}
_PLEONASTIC_HEADS = frozenset({"be", "seem", "appear", "become", "remain", "take", "matter", "happen", "turn",
                               "rain", "snow", "make", "mean", "follow", "emerge", "transpire"})
_ORGANIZATIONS = frozenset({"Organization", "NewsOrganization"})
_NON_PERSON = frozenset({"Organization", "NewsOrganization", "Place", "Event", "Work", "Product"})
#: Verbs of motion that harm what they go over or into ("drove over her", "ran down a woman").
_RUN_OVER = frozenset({"run", "drive", "knock", "mow"})
_RUN_OVER_WORDS = frozenset({"over", "down", "into"})
#: Nouns for who did the harm a report is about (a class of :data:`NEAR_SYNONYMS`, and "driver"/"motorist").
_PERPETRATOR_NOUNS = frozenset().union(*(g for g in NEAR_SYNONYMS if "suspect" in g or "driver" in g))
#: Nouns for who suffered it.
_VICTIM_NOUNS = frozenset({"victim", "casualty"})
_REPORTING = frozenset({"say", "tell", "note", "add", "state", "claim", "report", "announce", "assert", "insist",
                        "explain", "continue", "confirm", "deny", "write", "argue", "warn", "estimate"})


@dataclass
class _Salience:
    """Decaying salience of the entities seen lately; only recent ones are kept."""

    scores: dict[str, tuple[float, int]] = field(default_factory=dict)
    plural: dict[str, bool] = field(default_factory=dict)
    last_role: dict[str, str] = field(default_factory=dict)
    sentence: int = 0
    this_sentence: dict[str, float] = field(default_factory=dict)
    subject_at: dict[str, int] = field(default_factory=dict)  # the last sentence an entity was a subject in

    def add(self, key: str, weight: float, *, plural: bool | None = None, role: str = "") -> None:
        # within one sentence an entity's salience is that of its most prominent mention, not a sum
        best = self.this_sentence.get(key, 0.0)
        if weight > best:
            self.scores[key] = (self.value(key) + weight - best, self.sentence)
            self.this_sentence[key] = weight
        if plural is not None:
            self.plural[key] = plural
        self.last_role[key] = role
        if role in {"nsubj", "nsubjpass"}:
            self.subject_at[key] = self.sentence

    def value(self, key: str) -> float:
        score, when = self.scores.get(key, (0.0, self.sentence))
        return score * 0.5 ** (self.sentence - when)

    def next_sentence(self) -> None:
        self.sentence += 1
        self.this_sentence = {}
        stale = [k for k, (_, when) in self.scores.items() if self.sentence - when > _WINDOW]
        for key in stale:
            del self.scores[key]

    def best(self, accept, bonus=None) -> str | None:
        found, top = None, 0.0
        for key in self.scores:
            if accept(key):
                value = self.value(key) + (bonus(key) if bonus is not None else 0.0)
                if value > top:
                    found, top = key, value
        return found


@dataclass
class _State:
    index: EntityIndex
    salience: _Salience = field(default_factory=_Salience)
    things: dict[str, str] = field(default_factory=dict)  # Thing key -> label
    last_person: str | None = None
    role_holders: dict[str, list[str]] = field(default_factory=dict)
    roles: dict[str, set[str]] = field(default_factory=dict)  # person key -> role nouns the text gives them
    ages: dict[int, set[str]] = field(default_factory=dict)  # an age the text gives -> the named persons of that age
    org_words: dict[str, list[str]] = field(default_factory=dict)  # word of an organisation's name -> keys
    token_key: dict[tuple[int, int], str] = field(default_factory=dict)  # noun phrase roots -> thing keys
    counted: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)  # things that are persons ("the president")  # things mentioned with a number ("15,000 soldiers")
    speakers: set[str] = field(default_factory=set)  # sources named in the current sentence
    heads: dict[tuple[str, bool], list[str]] = field(default_factory=dict)  # (head lemma, plural) -> thing keys
    modifiers: dict[str, frozenset[str]] = field(default_factory=dict)  # thing key -> modifier words seen
    thing_heads: dict[str, set[str]] = field(default_factory=dict)  # thing key -> head lemmas it was named with
    headline_people: set[str] = field(default_factory=set)  # persons named by a bare singular noun ("Climber dies")
    plural_names: set[str] = field(default_factory=set)  # things named by a capitalised plural ("88ers", "Harriers")
    ship_things: dict[str, set[str]] = field(default_factory=dict)  # ship description key -> named ships it was
    attribution: Attribution | None = None
    mentioned: dict[str, int] = field(default_factory=dict)  # entity key -> names of it read so far (demonyms too)
    affiliation: dict[str, str] = field(default_factory=dict)  # person key -> the state of their title
    name_heads: dict[str, list[str]] = field(default_factory=dict)  # last word of a name -> entity keys
    locations: dict[str, int] = field(default_factory=dict)  # key -> last sentence it was a place of ("at X")
    quotes: Quotations = field(default_factory=Quotations)  # where the quotations are (attribution's reading)
    quoted: dict[int, set[int]] = field(default_factory=dict)  # chunk -> token indices inside quotation marks
    sentence_starts: list[int] = field(default_factory=list)  # document offset of each sentence read
    described_at: dict[str, list[int]] = field(default_factory=dict)  # unnamed person -> sentences it is in
    described_as: dict[str, tuple[str, int | None]] = field(default_factory=dict)  # unnamed person -> noun, age
    reporters: set[str] = field(default_factory=set)  # keys ever seen as the subject of a reporting verb
    counted_args: list[tuple[str, str, float, str, int]] = field(default_factory=list)  # verb, role, count, key, sentence
    bare_counts: list[tuple[str, str, float, EntityMention, int]] = field(default_factory=list)  # ditto, for numbers
    writer: list[EntityMention] = field(default_factory=list)  # first-person words outside quotations
    pronoun_key: dict[tuple[int, int], str] = field(default_factory=dict)  # resolved pronoun tokens -> keys
    harmed: set[str] = field(default_factory=set)  # keys the text reports harmed ("was struck", "shot her")
    harming: set[str] = field(default_factory=set)  # keys it reports harming someone ("he shot her")
    accused: set[str] = field(default_factory=set)  # keys it reports arrested, charged, fleeing
    both_numbers: dict[str, str] = field(default_factory=dict)  # nouns written in both numbers -> the first one's tag


def resolve_references(chunks: list[tuple[Doc, int]], index: EntityIndex, *, issued: str | None = None,
                       attribution: Attribution | None = None) -> None:
    """Resolve the pronouns, descriptions and bare numbers of a document into ``index`` (in place).

    Every noun phrase that refers becomes a mention: of the entity a rule links it to,
    else of a common-noun entity of its own (``Thing``, keyed by :func:`phrase_key`), which
    later phrases with the same head noun and compatible modifiers join ("two boats" ...
    "the larger boat"). Time expressions become mentions of time entities keyed by
    :func:`time_key` (their normalised value when ``issued``, the document's date, allows).
    ``attribution`` (:func:`kg.extract.attribution.attribute` of the same chunks) gives
    the speakers of quotations, whose "I" and "we" refer to them.
    """
    quotes = attribution.quotes if attribution is not None and attribution.quotes is not None \
        else find_quotations(chunks)
    state = _State(index, attribution=attribution, quotes=quotes)
    state.roles = _known_roles(chunks, index)
    state.ages = _known_ages(chunks, index)
    state.both_numbers = _nouns_in_both_numbers(chunks)
    for key, roles in state.roles.items():
        for role in sorted(roles):
            state.role_holders.setdefault(role, []).append(key)
    for entity in index.entities.values():
        if entity.type in {"Organization", "NewsOrganization"}:
            for word in set(entity.key.casefold().split()):
                state.org_words.setdefault(word, []).append(entity.key)
        words = entity.key.casefold().split()
        if entity.type not in {"Person", "Group", "Thing"} and len(words) > 1 and words[-1].isalpha():
            head = _FACILITY if words[-1] in _FACILITY_NOUNS else words[-1]
            state.name_heads.setdefault(head, []).append(entity.key)  # "Hillcrest Recovery Center" -> center
    for c, (doc, offset) in enumerate(chunks):
        _time_mentions(index, c, doc, offset, issued)
        chunk_of = {nc.root.i: nc for nc in doc.noun_chunks}
        for sent in doc.sents:
            state.sentence_starts.append(offset + sent.start_char)
            _resolve_sentence(state, c, doc, offset, sent, chunk_of)
            state.salience.next_sentence()
    for thing, person in _introduced_then_named(state).items():
        _merge_entity(index, thing, person)
    for thing, person in _headline_people_in_lede(state, chunks).items():
        _merge_entity(index, thing, person)
    for thing, person in _headline_nouns_of_one_person(state, chunks).items():
        _merge_entity(index, thing, person)
    for thing, ship in _described_ships(state).items():
        _merge_entity(index, thing, ship)
    _count_mentions(state)
    if _quotations_balanced(chunks):
        _writer_mentions(state, state.quotes.chars)


# -- what the text says people are ----------------------------------------------------------------
_DOCTOR_TITLES = frozenset({"dr", "dr."})


def _known_roles(chunks: list[tuple[Doc, int]], index: EntityIndex) -> dict[str, set[str]]:
    """The person nouns the text gives each named person, read from the whole document.

    A title before the name ("Tellport Harriers receiver Marcus Hale", "Dr. Priya Natarajan"),
    an apposition ("Dr. Priya Natarajan, a neurosurgeon and the network's chief medical reporter"), a
    predicate ("Marlow will be the host", "named Marlow as host"). These let a description
    find the person it describes ("the receiver", "the neurosurgeon") and keep it from a
    person the text describes otherwise. The roles the name index found are included.
    """
    roles: dict[str, set[str]] = {k: set(v) for k, v in index.roles.items() if v}
    for c, (doc, _) in enumerate(chunks):
        for tok in doc:
            key = index.by_token.get((c, tok.i))
            if key is None or index.type_of(key) != "Person":
                continue
            if tok.head.i != tok.i and index.by_token.get((c, tok.head.i)) == key:
                continue  # not the root of the name
            found = roles.setdefault(key, set())
            for noun in _described_as(index, c, tok, key):
                lemma = noun.lemma_.lower()
                if is_person_noun(lemma):
                    found.add(lemma)
            first = tok.left_edge
            while first.i < tok.i and index.by_token.get((c, first.i)) != key:
                first = doc[first.i + 1]
            if first.i > 0 and doc[first.i - 1].lower_ in _DOCTOR_TITLES:
                found.update({"doctor", "physician", "doc"})
    return {k: v for k, v in roles.items() if v}


def _known_ages(chunks: list[tuple[Doc, int]], index: EntityIndex) -> dict[int, set[str]]:
    """Age -> the named persons the text gives that age ("Anil Sethi, 59,", "36-year-old Duncan Pryce")."""
    ages: dict[int, set[str]] = {}
    for c, (doc, _) in enumerate(chunks):
        start = None
        for i in range(len(doc) + 1):
            key = index.by_token.get((c, i)) if i < len(doc) else None
            prev = index.by_token.get((c, i - 1)) if i > 0 else None
            if start is not None and key != prev:
                if index.type_of(prev) == "Person":
                    age = name_age(doc[start:i])
                    if age is not None:
                        ages.setdefault(age, set()).add(prev)
                start = None
            if key is not None and start is None:
                start = i
    return ages


def _described_as(index: EntityIndex, c: int, name: Token, key: str) -> list[Token]:
    """The nouns a name's root token is said to be: titles, appositions, predicates."""
    nouns = [_title_noun(index, c, ch, key) for ch in name.children if ch.i < name.i]
    out = [n for n in nouns if n is not None]
    appositions = [ch for ch in name.children if ch.dep_ == "appos" and ch.pos_ == "NOUN"]
    if name.dep_ == "appos" and name.head.pos_ == "NOUN":
        appositions.append(name.head)
    head = name.head
    if name.dep_ in {"nsubj", "nsubjpass"}:
        # "Hallam was well equipped but was an inexperienced climber": a coordinated verb shares the subject
        for verb in (head, *_coordinated_verbs(head)):
            if verb.lemma_ in _COPULAS:
                appositions += [ch for ch in verb.children if ch.dep_ == "attr" and ch.pos_ == "NOUN"]
    if name.dep_ in {"nsubj", "nsubjpass", "dobj"}:
        appositions += [_as_noun(ch) for ch in head.children if _as_noun(ch) is not None]
        if name.dep_ == "dobj" and head.lemma_ in _NAMING_VERBS:
            appositions += [ch for ch in head.children if ch.dep_ in {"oprd", "xcomp"} and ch.pos_ == "NOUN"]
    for noun in appositions:
        out.append(noun)
        out.extend(ch for ch in noun.children if ch.dep_ == "conj" and ch.pos_ == "NOUN")
    return out


def _coordinated_verbs(verb: Token) -> list[Token]:
    """The verbs coordinated with ``verb`` that have no subject of their own, so share its subject."""
    return [v for v in verb.children if v.dep_ == "conj" and v.pos_ in {"VERB", "AUX"}
            and not any(ch.dep_ in {"nsubj", "nsubjpass", "expl"} for ch in v.children)]


def _shared_subject(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verb it is coordinated with when it has none of its own."""
    subj = next((ch for ch in verb.children if ch.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None and verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        subj = next((ch for ch in verb.head.children if ch.dep_ in {"nsubj", "nsubjpass"}), None)
    return subj


def _as_noun(prep: Token, *, proper: bool = False) -> Token | None:
    """The noun (a name when ``proper``) of an "as" phrase ("announced as the host"), if ``prep`` is one."""
    if prep.dep_ != "prep" or prep.lower_ != "as":
        return None
    return next((ch for ch in prep.children if ch.dep_ == "pobj" and ch.pos_ == ("PROPN" if proper else "NOUN")), None)


def _title_noun(index: EntityIndex, c: int, tok: Token, key: str) -> Token | None:
    """A common noun used as a title of a name ("receiver" in "Harriers receiver Marcus Hale")."""
    if tok.pos_ != "NOUN" or tok.dep_ not in {"compound", "amod", "nmod"} or (c, tok.i) in index.by_token:
        return None
    return tok if is_person_noun(tok.lemma_) else None


def _is_speaker(tok: Token) -> bool:
    head = tok.head
    return (tok.dep_ == "nsubj" and head.lemma_ in _REPORTING) or (
        tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according")


def _embedded(tok: Token) -> bool:
    """Is the phrase inside another noun phrase ("the alliance with Russia")?"""
    head = tok.head
    while head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    return head.i != tok.i and head.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}


def _weight(tok: Token, *, thing: bool = False) -> float:
    weight = _RECENCY + _ROLE_WEIGHTS.get(tok.dep_, 20) + (0 if _embedded(tok) else _HEAD_NOUN)
    if not thing and _is_speaker(tok):
        weight += _SPEAKER_BONUS
    return weight


def _partitive(tok: Token) -> bool:
    """"these" in "Of these, 600 ...": what it refers to was counted."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NUM"


def _is_plural(tok: Token) -> bool:
    text = tok.text
    acronym_plural = len(text) > 2 and text.endswith("s") and text[:-1].isupper()  # "MPs", "NGOs"
    return tok.tag_ in {"NNS", "NNPS"} or acronym_plural or any(c.dep_ == "conj" for c in tok.children)


def _plural_name(tok: Token) -> bool:
    """A name in the plural, as sides are named ("the Marlow Hornets", "the 88ers"): "they" may take it.

    >>> import spacy
    >>> doc = spacy.blank("en")("the 88ers")
    >>> _plural_name(doc[1])
    True
    """
    text = tok.text
    letters = text.lstrip("0123456789")
    if text[:1].isdigit():
        return len(letters) > 2 and letters.isalpha() and letters[-1:] in {"s", "S"}
    return tok.tag_ in {"NNS", "NNPS"} and text[:1].isupper() and letters[-1:] in {"s", "S"}


def _capitalised_noun(tok: Token) -> bool:
    """A common noun the tagger read as a name for its capital ("The President announced ...", "former
    Springfield Hornets Coach")."""
    low = tok.lower_
    if tok.pos_ != "PROPN":
        return False
    if is_person_noun(low) and tok.ent_type_ not in {"PERSON", "ORG"}:
        return True  # a role noun heading its phrase is no name of its own
    return (low in GOVERNMENT_NOUNS or low in ORG_NOUNS) and tok.i > 0 and tok.doc[tok.i - 1].lower_ in _DEFINITE


def _name_like(tok: Token, inside: bool) -> bool:
    """A token that names something of its own ("Tellport 88ers" in "Tellport 88ers head coach")."""
    text = tok.text
    return tok.pos_ == "PROPN" or (inside and text[:1].isupper()) or (text[:1].isdigit() and text[-1:].isalpha())


def _locative(tok: Token) -> bool:
    """Is ``tok`` where something happened: the object of a preposition of place that modifies a verb
    ("worked at the firm", "checked into rehab"), not a noun ("rehab in Harbor City")?"""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ in _LOCATIVE_PREPS and prep.head.pos_ in {"VERB", "AUX"}


def _resolve_there(state: _State, c: int, doc: Doc, offset: int, tok: Token) -> None:
    """ "there" is the place most lately named as where something was ("shot three people at a firm where he
    had worked ... police say he had worked there"), within the last sentences."""
    sal = state.salience
    recent = [k for k, when in state.locations.items() if sal.sentence - when <= 1]
    if not recent:
        return
    key = max(recent, key=lambda k: (state.locations[k], sal.value(k)))
    state.index.mention(key, c, doc[tok.i : tok.i + 1], offset, "pronoun")


def _conjunct_role(tok: Token) -> str:
    """The grammatical role of a phrase, a conjunct taking that of the first conjunct ("saw X and a diary")."""
    for _ in range(10):
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok.dep_


def _according_source(tok: Token) -> bool:
    head = tok.head
    return tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"


def _resolve_sentence(state: _State, c: int, doc: Doc, offset: int, sent: Span, chunk_of: dict[int, Span]) -> None:
    index, sal = state.index, state.salience
    bare_numbers: list[Token] = []
    first_person: list[Token] = []
    state.speakers = set()
    for tok in sent:
        key = index.by_token.get((c, tok.i))
        if key is not None and tok.dep_ == "nsubj" and tok.head.lemma_ in _STATE_ACTIONS and \
                index.type_of(key) == "Place" and key not in index.demonyms.values():
            key = _metonymy(state, c, offset, tok, key)
        if key is not None:
            if tok.head.i == tok.i or index.by_token.get((c, tok.head.i)) != key or tok.head.i < sent.start:
                if _according_source(tok):
                    state.speakers.add(key)
                etype = index.type_of(key)
                sal.add(key, _weight(tok), plural=etype == "Group" or (etype == "Organization" and _plural_name(tok)),
                        role=tok.dep_)
                state.mentioned[key] = state.mentioned.get(key, 0) + 1
                if _locative(tok) and etype in {"Place", "Organization"}:
                    state.locations[key] = sal.sentence
                if etype == "Person":
                    state.last_person = key
                    _note_counted(state, tok, key, 1.0)  # "killing Ann Roe" ... "killing one"
                    if _is_speaker(tok) or _according_source(tok):
                        state.reporters.add(key)
                place = index.demonyms.get(key)
                if place is not None:
                    sal.add(place, 30, plural=False, role=tok.dep_)
                    state.mentioned[place] = state.mentioned.get(place, 0) + 1
            continue
        low = tok.lower_
        if low in _FIRST_PERSON and tok.pos_ == "PRON":
            first_person.append(tok)
        elif low in _RELATIVE and _relative_antecedent(tok) is not None:
            _resolve_relative(state, c, doc, offset, tok)
        elif low == "there" and tok.dep_ == "advmod":  # "he had worked there": a place named before
            _resolve_there(state, c, doc, offset, tok)
        elif (noun := _elided_person_noun(tok)) is not None:  # "killing two co-workers and wounding a third"
            _resolve_elided_ordinal(state, c, doc, offset, tok, noun)
        elif tok.pos_ == "PRON" or (low in _DEMONSTRATIVES and tok.dep_ not in {"det"}):
            _resolve_pronoun(state, c, doc, offset, tok)
        elif _one_of_people(tok) is not None:  # "One of the suspects hanged himself": one person
            _resolve_one_of(state, c, doc, offset, tok)
        elif (age := _age_before_participle(tok)) is not None:  # "a vigil for 16-year-old shot by police": the age
            _resolve_description(state, c, doc, offset, doc[age.left_edge.i : age.i + 1])
            key = state.token_key.get((c, age.i))
            if key is not None:  # as salient as the phrase it heads, not as a modifier; a claim's argument too
                state.salience.add(key, _weight(tok, thing=True), plural=False, role=tok.dep_)
                state.index.referents[(c, tok.i)] = key
        elif tok.pos_ == "NUM" and tok.dep_ in {"nsubj", "nsubjpass", "dobj"} and tok.ent_type_ not in {"DATE", "TIME"}:
            bare_numbers.append(tok)
        elif tok.pos_ == "NUM" and _dated_count(tok):  # "injuring 80": the tagger's "date" counts the harmed
            _note_bare_count(state, c, doc, offset, tok)
        elif tok.pos_ == "NUM" and _harm_count(tok):  # "1 dead, 2 hurt in office shooting"
            _note_bare_count(state, c, doc, offset, tok, (_HARM_WORDS[doc[tok.i + 1].lower_], "patient"))
        elif tok.pos_ == "NUM" and (verb := _count_after_harm_noun(tok)) is not None:  # "kills 1, wounds 2"
            _note_bare_count(state, c, doc, offset, tok, (verb, "patient"))
        elif tok.pos_ == "NOUN" and tok.i < tok.head.i and _title_noun(index, c, tok, "") is not None and \
                index.type_of(index.by_token.get((c, tok.head.i))) == "Person" and not _plural_title(tok):
            _title_mention(state, c, doc, offset, tok)  # "Harriers receiver Marcus Hale"
        elif tok.i in chunk_of and (tok.pos_ == "NOUN" or _capitalised_noun(tok) or (c, tok.i) in index.common_nouns):
            _resolve_description(state, c, doc, offset, chunk_of[tok.i])
        elif tok.pos_ == "ADJ" and tok.dep_ in {"nsubj", "nsubjpass", "dobj"} and is_person_noun(low) and \
                not tok.is_lower:  # "Gunman kills 1": a capitalised person noun read as an adjective
            _resolve_description(state, c, doc, offset, doc[tok.left_edge.i : tok.i + 1])
        elif tok.pos_ == "NOUN" and tok.dep_ == "poss":  # "the actress's lawyer": the possessor is a phrase too
            _resolve_description(state, c, doc, offset, doc[tok.left_edge.i : tok.i + 1])
        elif tok.pos_ == "ADJ" and tok.dep_ in _ARGUMENT_DEPS and _is_age(tok):  # "the 33-year-old was held"
            _resolve_description(state, c, doc, offset, doc[tok.left_edge.i : tok.i + 1])
        elif _noun_read_as_adjective(tok):  # "as the surgeon general": a title the tagger read as an adjective
            _resolve_description(state, c, doc, offset, doc[tok.left_edge.i : tok.i + 1])
        elif _stranded_person_noun(tok):  # "Lawyer: X checks into rehab", "Suspect Caught", "Texas escapee now on"
            # a noun's own phrase ("early front runner"); a noun read as a verb has its subject among its children
            start = tok.left_edge.i if tok.pos_ == "NOUN" else tok.i
            _resolve_description(state, c, doc, offset, doc[start : tok.i + 1])
    _affiliate(state, c, sent)
    _note_harm(state, c, sent)
    for tok in bare_numbers:
        _resolve_number(state, c, tok)
        # "Three dead after a blast hits a bank": the word after the count says what befell those counted
        harm = (_HARM_WORDS[doc[tok.i + 1].lower_], "patient") if _harm_count(tok) else None
        _note_bare_count(state, c, doc, offset, tok, harm)
    if first_person:
        _resolve_first_person(state, c, doc, offset, sent, first_person)


def _one_of_people(tok: Token) -> Token | None:
    """The plural person noun of "one of the suspects" as subject or object, else None.

    >>> import spacy
    >>> doc = spacy.blank("en")("One of the suspects fled")
    >>> for i, (head, dep, tag, lemma) in enumerate([(4, "nsubj", "CD", "one"), (0, "prep", "IN", "of"),
    ...         (3, "det", "DT", "the"), (1, "pobj", "NNS", "suspect"), (4, "ROOT", "VBD", "flee")]):
    ...     doc[i].head, doc[i].dep_, doc[i].tag_, doc[i].lemma_ = doc[head], dep, tag, lemma
    >>> _one_of_people(doc[0]).text
    'suspects'
    """
    if tok.lower_ != "one" or tok.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
        return None
    of = next((ch for ch in tok.children if ch.dep_ == "prep" and ch.lower_ == "of"), None)
    pobj = next((ch for ch in of.children if ch.dep_ == "pobj"), None) if of is not None else None
    if pobj is None or pobj.tag_ != "NNS" or not is_person_noun(pobj.lemma_.lower()):
        return None
    return pobj


def _resolve_one_of(state: _State, c: int, doc: Doc, offset: int, tok: Token) -> None:
    """ "One of the suspects arrested on Monday hanged himself in his cell": a single person, one of the group.

    The count word is a mention of a person of its own, labelled by the group's noun in the singular ("suspect"),
    so that the reflexive and possessive pronouns of its clause and of the sentences after it have an antecedent.
    """
    pobj = _one_of_people(tok)
    group = phrase_key(doc[pobj.left_edge.i : pobj.i + 1])
    key = f"one {group}"
    state.index.add(key, group, "Thing")
    state.index.mention(key, c, doc[tok.i : tok.i + 1], offset, "nominal")
    state.things[key] = group
    state.people.add(key)
    state.token_key[(c, tok.i)] = key
    state.salience.add(key, _weight(tok, thing=True), plural=False, role=tok.dep_)


#: Words that count one more of a kind just counted, standing alone for its noun ("two killed and a third hurt").
_NEXT_OF_COUNT = frozenset({"another", *ORDINALS})


def _elided_person_noun(tok: Token) -> Token | None:
    """The plural noun an ordinal or "another" stands for with its own noun left out, else None.

    "She killed two co-workers and critically injured a third", "two people were killed and another wounded":
    the ordinal has no noun of its own (no "of" after it: "a third of the staff" is a share) and stands where a
    noun phrase does, and the same sentence has counted before it ("two"); the nearest plural noun before it that
    names people or is itself counted is the noun left out. A share ("sales fell by a third") has no such noun.
    """
    if tok.lower_ not in _NEXT_OF_COUNT or tok.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj"} or \
            tok.ent_type_ in _TIME_LABELS or any(ch.dep_ not in {"det", "advmod", "punct"} for ch in tok.children):
        return None
    if tok.lower_ != "another" and not any(ch.dep_ == "det" for ch in tok.children):
        return None  # "third" alone is an adverb or a rank ("finished third")
    before = [t for t in sentence_span(tok) if t.i < tok.i]
    if not any(t.pos_ == "NUM" and t.ent_type_ not in _TIME_LABELS for t in before):
        return None  # an ordinal goes on from a count ("two ... a third")
    for t in reversed(before):
        if t.tag_ == "NNS" and t.pos_ == "NOUN" and (is_person_noun(t.lemma_.lower()) or t.lower_ == "people" or
                                                     any(ch.dep_ == "nummod" for ch in t.children)):
            return t
    return None


def _resolve_elided_ordinal(state: _State, c: int, doc: Doc, offset: int, tok: Token, noun: Token) -> None:
    """ "killing two co-workers and critically injuring a third": the ordinal is a person of its own.

    It is a mention of a new unnamed person labelled by the ordinal and the counted noun in the singular
    ("third co-worker"), not the counted group and not a thing headed by "third".
    """
    lemma = "person" if noun.lower_ == "people" else noun.lemma_.lower()
    label = f"{tok.lower_} {lemma}"
    key = label
    n = 1
    while key in state.index.entities:  # a second "another" of the text is another person again
        n += 1
        key = f"{label} {n}"
    state.index.add(key, label, "Thing")
    state.index.mention(key, c, doc[tok.left_edge.i : tok.i + 1], offset, "nominal")
    state.things[key] = label
    if is_person_noun(lemma):
        state.people.add(key)
    gender = NOUN_GENDER.get(lemma)
    if gender is not None:
        state.index.gender.setdefault(key, gender)
    state.token_key[(c, tok.i)] = key
    state.salience.add(key, _weight(tok, thing=True), plural=False, role=tok.dep_)


def _age_before_participle(tok: Token) -> Token | None:
    """The age a participle the tagger read as a noun is said of ("for 16-year-old shot by police"), else None.

    A headline's "16-year-old shot by police" is an age standing for a person and a participle with its agent;
    the parse reads "shot" as a noun with the age as its modifier. A noun right after an age ("16-year-old") that
    takes a "by" phrase of its own is such a participle: the age, not the participle, is the noun phrase.
    """
    if tok.pos_ != "NOUN" or tok.tag_ != "NN":
        return None
    age = next((ch for ch in tok.children if ch.dep_ == "amod" and ch.i == tok.i - 1 and _is_age(ch)), None)
    if age is None or not any(ch.dep_ == "prep" and ch.lower_ == "by" for ch in tok.children):
        return None
    return age


def _noun_read_as_adjective(tok: Token) -> bool:
    """A noun the tagger read as an adjective: it heads a noun compound ("surgeon general", "attorney general").

    An adjective takes no noun compound, so one that has one and stands where a noun phrase
    does (subject, object, object of a preposition, complement of "be") is the head noun of
    a phrase.
    """
    return tok.pos_ == "ADJ" and tok.dep_ in _ARGUMENT_DEPS | {"acomp"} and \
        any(ch.dep_ == "compound" and ch.pos_ == "NOUN" and ch.i == tok.i - 1 for ch in tok.children)


#: Dependencies of a noun the parser hung on a clause without making it a phrase of its own ("Lawyer: X checks
#: into rehab" dep; "Trial begins for Marlow Foods shooting suspect" npadvmod).
_STRANDED_NOUN_DEPS = frozenset({"dep", "npadvmod"})


def _stranded_person_noun(tok: Token) -> bool:
    """A person noun the parse gives no noun phrase: a headline's telegraphic grammar misread.

    Headlines drop articles and auxiliaries, and the parser then reads a role noun as no phrase: the speaker
    of a "source: claim" headline ("Lawyer: X checks into rehab") or a noun at the end of one ("Trial begins
    for Marlow Foods shooting suspect") is hung on the clause as ``dep`` / ``npadvmod``; a role noun before a
    participle with no auxiliary ("2 injured, and suspect caught") or after a place that modifies it ("Texas
    escapee now on most wanted list") is read as a verb. A verb reading is impossible when a base or
    non-third-person form takes no auxiliary, no "to" and no negation and is followed by a past participle
    (no verb group is "VB VBN" without "have" or "be") or has a singular subject ("Texas escapee": a VBP
    agrees with no singular subject). Such a noun is a one-word description.
    """
    if not listed_person_noun(tok.lemma_.lower(), forces=True) and not listed_person_noun(tok.lower_, forces=True):
        return False  # a listed noun, no suffix guess: "zeitgeist" is no "-ist"
    if tok.pos_ == "NOUN":
        return tok.dep_ in _STRANDED_NOUN_DEPS and tok.tag_ in {"NN", "NNS"}
    if tok.pos_ != "VERB" or tok.tag_ not in {"VB", "VBP"} or \
            any(ch.dep_ in {"aux", "auxpass", "neg", "mark"} for ch in tok.children):
        return False
    doc = tok.doc
    if tok.tag_ == "VB" and tok.i + 1 < len(doc) and doc[tok.i + 1].tag_ == "VBN" and \
            not any(ch.dep_ in {"aux", "auxpass"} for ch in doc[tok.i + 1].children):
        return True  # "suspect caught"
    return tok.tag_ == "VBP" and any(ch.dep_ == "nsubj" and ch.tag_ in {"NN", "NNP"} for ch in tok.children)


def _affiliate(state: _State, c: int, sent: Span) -> None:
    """Persons titled with a nationality ("North Korean leader Kim", "the Russian president") belong to its state."""
    index = state.index
    for tok in sent:
        place = index.demonyms.get(index.by_token.get((c, tok.i)) or "")
        if place is None or tok.dep_ not in {"amod", "compound", "nmod"}:
            continue
        head = tok.head
        for _ in range(3):
            key = index.by_token.get((c, head.i))
            if key is not None and index.type_of(key) == "Person":
                state.affiliation.setdefault(key, place)
                break
            if head.dep_ not in {"compound", "amod", "appos"} or head.head.i == head.i:
                break
            head = head.head


def _plural_title(tok: Token) -> bool:
    """Is ``tok`` a common noun written in the plural ("producers Ann Roe and Tom Vale", "the producers, Ann Roe and
    Tom Vale")?

    A plural noun describes every name it titles or stands in apposition to, so it is no mention of one person:
    read as one, it made the first name the "producers" and left the second out.
    """
    return tok.tag_ == "NNS" and tok.pos_ == "NOUN"


def _title_mention(state: _State, c: int, doc: Doc, offset: int, tok: Token) -> None:
    """A person noun used as a title ("head coach Jim Tallis") is a mention of the person it titles."""
    start = tok.i
    while start > sentence_bounds(tok)[0] and doc[start - 1].pos_ in {"NOUN", "ADJ"} and doc[start - 1].dep_ in \
            {"compound", "amod"} and (c, start - 1) not in state.index.by_token and doc[start - 1].head.i >= start \
            and not doc[start - 1].text[:1].isupper():
        start -= 1
    state.index.mention(state.index.by_token[(c, tok.head.i)], c, doc[start : tok.i + 1], offset, "nominal")


def _metonymy(state: _State, c: int, offset: int, tok: Token, key: str) -> str:
    """A city that acts like a state ("then Pyongyang moved to create a narrative") names its government.

    The capital stands for the state the text has been talking about: the most salient
    other place or organisation that is a state (it has a nationality adjective in the text,
    "North Korean") or that was the subject of a clause lately ("the DPRK denied ..."), an
    acting subject counting most.
    The name's mention and tokens move to that entity; without one the name keeps its own.
    """
    index, sal = state.index, state.salience
    states = set(index.demonyms.values())

    def statelike(k: str) -> bool:
        if k == key or index.type_of(k) not in {"Place", "Organization"}:
            return False
        return k in states or acting(k)

    def acting(k: str) -> bool:
        return sal.sentence - sal.subject_at.get(k, -_WINDOW) <= 1

    found = sal.best(statelike, lambda k: 2.0 * _RECENCY if acting(k) else 0.0)
    if found is None:
        return key
    start, end = tok.i, tok.i + 1
    while start > sentence_bounds(tok)[0] and index.by_token.get((c, start - 1)) == key:
        start -= 1
    for i in range(start, end):
        index.by_token[(c, i)] = found
    begin, end_char = offset + tok.doc[start].idx, offset + tok.idx + len(tok.text)
    for n, m in enumerate(index.mentions):  # the name's mention (a rare case: one scan is cheap enough)
        if m.entity == key and m.start == begin and m.end == end_char:
            index.mentions[n] = EntityMention(found, m.start, m.end, m.text, m.kind)
            break
    return found


def _pleonastic(tok: Token) -> bool:
    """A dummy "it": "it is clear that ...", "it was reported that ...", "it is not known when ..."."""
    if tok.lower_ != "it" or tok.dep_ not in {"nsubj", "nsubjpass", "expl"}:
        return tok.dep_ == "expl"
    head = tok.head
    later = [ch for ch in head.children if ch.i > tok.i]
    if any(ch.dep_ in {"ccomp", "xcomp", "csubj"} for ch in later) and (
        head.lemma_ in _PLEONASTIC_HEADS or any(ch.dep_ == "auxpass" for ch in head.children)
        or any(ch.dep_ in {"acomp", "attr"} for ch in head.children)
    ):
        return True
    for ch in later:
        if ch.dep_ in {"acomp", "attr", "oprd"} and any(g.dep_ in {"ccomp", "xcomp", "acl", "relcl", "advcl"} for g in ch.children):
            if any(g.dep_ == "acl" and any(m.lower_ == "that" and m.dep_ == "mark" for m in g.children) for g in ch.children) or ch.dep_ == "acomp" or ch.pos_ == "ADJ":
                return True
            if any(g.dep_ in {"ccomp", "xcomp"} for g in ch.children):
                return True
    if head.tag_ == "VBN" and any(ch.dep_ in {"advcl", "ccomp"} for ch in later) and any(
        ch.dep_ == "auxpass" for ch in head.children
    ):
        return True
    return head.lemma_ in {"rain", "snow"}


def _cataphor(state: _State, c: int, tok: Token, types: frozenset[str] = frozenset({"Person"})) -> str | None:
    """The named subject of the main clause after a fronted clause that holds ``tok``.

    "After she left the clinic, Dana Reed ...": a pronoun in an adverbial clause
    that opens the sentence looks ahead to the subject of the clause it modifies,
    an entity of one of ``types`` ("As it promised, Norvex released a fix": an organisation).
    """
    child = tok
    for anc in tok.ancestors:
        if child.dep_ == "advcl" and child.i < anc.i:
            before = child.doc[child.left_edge.i - 1] if child.left_edge.i > sentence_bounds(child)[0] else None
            if before is not None and before.lower_ not in {",", "but", "and"}:
                return None  # only a clause that opens the sentence (or a coordinated one)
            subj = next((ch for ch in anc.children if ch.dep_ in {"nsubj", "nsubjpass"} and ch.i > tok.i), None)
            if subj is None:
                return None
            key = state.index.by_token.get((c, subj.i))
            return key if state.index.type_of(key) in types else None
        if anc.dep_ == "ROOT":
            break
        child = anc
    return None


def _first_person_ahead(state: _State, c: int, tok: Token, accept) -> str | None:
    """The first named person in the next two sentences, for a "he" that opens a text before any name."""
    doc = tok.doc
    limit = sentence_bounds(tok)[1]
    for _ in range(2):
        if limit >= len(doc):
            break
        limit = sentence_bounds(doc[limit])[1]
    for i in range(tok.i + 1, limit):
        key = state.index.by_token.get((c, i))
        if key is not None and state.index.type_of(key) == "Person":
            return key if accept(key) else None
    return None


def _local_subject(state: _State, c: int, tok: Token) -> str | None:
    """The entity of the subject of the clause a possessive pronoun is in ("the brother plunged to his death")."""
    verb = tok.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    subj = _controller(verb) if verb.pos_ in {"VERB", "AUX"} else None
    if subj is None or subj.i > tok.i:
        return None
    return state.index.by_token.get((c, subj.i)) or state.token_key.get((c, subj.i))


def _local_bonus(known: str | None, gender: str, own: bool = False) -> float:
    """The bonus of a clause's own subject for its possessive pronoun: full when its gender is known to agree;
    half when the text has not told it and the subject is the verb's own, not one it shares with an earlier
    verb ("Dale struck Sethi with his car": the driver's car; "a driver struck a woman and was charged with
    her murder": the woman's murder).

    >>> _local_bonus("m", "m"), _local_bonus(None, "m", own=True), _local_bonus(None, "m"), _local_bonus("f", "m")
    (100, 50.0, 0.0, 0.0)
    """
    if known == gender:
        return _LOCAL_SUBJECT_BONUS
    return _LOCAL_SUBJECT_BONUS / 2 if known is None and own else 0.0


def _own_subject(tok: Token) -> bool:
    """Is the subject of the verb a possessive pronoun depends on a child of that verb (not of an earlier one)?"""
    verb = tok.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    return any(ch.dep_ in {"nsubj", "nsubjpass"} and ch.i < tok.i for ch in verb.children)


def _controller(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the clause a non-finite ``verb`` depends on.

    "Obama was intent on recruiting him": *recruiting* has no subject of its own, its
    subject is Obama's, so *him* is not Obama.
    """
    tok = verb
    for _ in range(5):
        subj = next((ch for ch in tok.children if ch.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None:
            return subj
        finite = tok.tag_ in {"VBD", "VBZ", "VBP", "MD"}
        if tok.head.i == tok.i or finite or tok.dep_ not in {"xcomp", "pcomp", "advcl", "acomp", "prep", "conj"}:
            return None
        tok = tok.head
    return None


def _binding_subject(tok: Token) -> Token | None:
    """The subject an object pronoun ``tok`` never refers to: that of its verb, of the clause a
    non-finite verb depends on, or the one a verb coordinated with an earlier verb shares with it.

    "He chased the driver and arrested him", "Vale struck and killed her", "Vale loaded the gun
    and fired at him, hitting him": *arrested*, *killed*, *fired* have no subject of their own,
    their subject is the first verb's, so the pronoun is someone else (as in "he arrested him"); so is
    a counted part of an object ("caught pirates and took 23 of them into custody").
    """
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    subj = _clause_subject(tok.head) if tok.dep_ == "pobj" else _controller(tok.head)
    if subj is None and _partitive(tok) and verb.dep_ in _OBJECT_DEPS:
        verb = verb.head  # "took 23 of them": the verb the counted part is the object of
        subj = next((ch for ch in verb.children if ch.dep_ in {"nsubj", "nsubjpass"}), None)
    for _ in range(5):
        if subj is not None or verb.pos_ not in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
            verb = verb.head  # "... and arrested him": the subject of the verb it is coordinated with
        elif verb.dep_ in {"advcl", "xcomp"} and verb.tag_ in {"VBG", "VB", "VBN"}:
            verb = verb.head  # "fired at him, hitting him": a participle's subject is its clause's
        else:
            break
        subj = next((ch for ch in verb.children if ch.dep_ in {"nsubj", "nsubjpass"}), None)
    return subj


def _clause_subject(tok: Token) -> Token | None:
    return next((ch for ch in tok.head.children if ch.dep_ in {"nsubj", "nsubjpass"} and ch.i != tok.i), None)


def _resolve_pronoun(state: _State, c: int, doc: Doc, offset: int, tok: Token) -> None:
    index, sal = state.index, state.salience
    low = tok.lower_
    blocked: set[str] = set(state.speakers) if low not in _MASCULINE | _FEMININE else set()
    child = tok
    for anc in list(tok.ancestors)[:4]:  # a phrase never contains its own antecedent ("the role of its army")
        if child.dep_ in _CLAUSE_DEPS:
            break  # but a clause may ("a woman who was walking when she was struck")
        if anc.pos_ in {"NOUN", "PROPN"}:
            held = index.by_token.get((c, anc.i)) or state.token_key.get((c, anc.i))
            if held is not None:
                blocked.add(held)
        child = anc
    if tok.dep_ in {"nsubj", "nsubjpass", "dobj"} and tok.head.dep_ == "relcl":
        # "the problems they face", "the car it hit": the clause's gap is its noun, the pronoun someone else
        held = index.by_token.get((c, tok.head.head.i)) or state.token_key.get((c, tok.head.head.i))
        if held is not None:
            blocked.add(held)
    if tok.dep_ in _OBJECT_DEPS and not low.endswith("self") and not low.endswith("selves"):
        subj = _binding_subject(tok)
        if subj is not None and (c, subj.i) in index.by_token:
            blocked.add(index.by_token[(c, subj.i)])
    if low in _REFLEXIVE:  # "the actress checked herself into rehab": the clause's subject
        subj = _clause_subject(tok if tok.dep_ != "pobj" else tok.head)
        key = None
        if subj is not None:
            key = index.by_token.get((c, subj.i)) or state.token_key.get((c, subj.i))
        if key is not None:
            index.mention(key, c, doc[tok.i : tok.i + 1], offset, "pronoun")
            state.pronoun_key[(c, tok.i)] = key
            if low in {"himself", "herself"}:  # "she checked herself in": the subject is a woman
                index.gender.setdefault(key, "m" if low == "himself" else "f")
            return
    if low in _MASCULINE or low in _FEMININE:
        gender = "m" if low in _MASCULINE else "f"
        blocked |= _quoting_speaker(state, c, tok)

        def accept(key: str) -> bool:
            person = index.type_of(key) == "Person" or (key in state.people and not sal.plural.get(key, False))
            return person and index.gender.get(key, gender) == gender and key not in blocked

        # a person the text has given this gender ("a woman", "Mrs Okafor") before one it has not
        subject = tok.dep_ in {"nsubj", "nsubjpass"}
        local = _local_subject(state, c, tok) if tok.dep_ == "poss" else None
        own = local is not None and _own_subject(tok)

        def bonus(k: str) -> float:
            parallel = subject and sal.last_role.get(k) in {"nsubj", "nsubjpass"}  # a subject continues a subject
            known = index.gender.get(k)
            return (_GENDER_BONUS if known == gender else 0.0) + (_PARALLEL_BONUS if parallel else 0.0) + \
                (_local_bonus(known, gender, own) if k == local else 0.0)

        later = _cataphor(state, c, tok)
        key = later if later is not None and accept(later) else sal.best(accept, bonus)
        if key is None and state.last_person and accept(state.last_person):
            key = state.last_person
        if key is None and state.last_person is None:
            key = _first_person_ahead(state, c, tok, accept)  # an article may open with "he" before the name
        if key is not None:
            index.gender.setdefault(key, gender)
    elif low in _NEUTER:
        if _pleonastic(tok):
            return

        def accept(key: str) -> bool:
            etype = index.type_of(key) or ("Thing" if key in state.things else None)
            if key in blocked or etype is None:
                return False
            if etype == "Thing":  # "it" is no person ("the climber ... it")
                return not sal.plural.get(key, False) and sal.last_role.get(key) in {"nsubj", "nsubjpass", "dobj"} \
                    and key not in state.people
            if etype == "Place":  # a place named only as a setting ("a diary found in Ostland's Dallow region")
                return sal.last_role.get(key) in _PLACE_IT_ROLES
            return etype in _NON_PERSON

        later = _cataphor(state, c, tok, _ORGANIZATIONS)  # "As it promised, Norvex released a fix"
        key = later if later is not None and accept(later) else sal.best(accept)
    elif low in _PLURAL or low in _DEMONSTRATIVES or _whole_pair(tok):

        def accept(key: str) -> bool:
            etype = index.type_of(key) or ("Thing" if key in state.things else None)
            if key in blocked or etype is None:
                return False
            if etype == "Group" and sal.last_role.get(key) in _MODIFIER_DEPS:
                return False  # "North Korean troops ... calling them": the troops, not the nationality
            return etype in {"Thing", "Group", "Organization"} and sal.plural.get(key, False)

        partitive = _partitive(tok)
        key = sal.best(accept, lambda k: 100.0 if partitive and k in state.counted else 0.0)
        if low in _PLURAL and (key is None or _thing_only(state, key)):
            # "Seacom announced that they have restored the routes": the organisation that says it, not the routes
            key = _reporting_organization(state, c, tok) or key
    else:
        return
    if key is None:
        return
    if key in state.things and key not in index.entities:
        index.add(key, key, "Thing", alias=state.things[key])
    index.mention(key, c, doc[tok.i : tok.i + 1], offset, "pronoun")
    state.pronoun_key[(c, tok.i)] = key
    sal.add(key, _weight(tok), role=tok.dep_)


def _quoting_speaker(state: _State, c: int, tok: Token) -> set[str]:
    """The speaker of the quotation that holds a third-person pronoun, which the pronoun is not.

    Inside quotation marks a speaker calls themself "I": ""He has style," said Ann Roe" speaks of someone else.
    Reported speech without the marks is left alone ("Roe said he was ready" may be Roe).
    """
    quoted = state.quoted.get(c)
    if quoted is None:
        quoted = state.quoted[c] = state.quotes.inside(c)
    if tok.i not in quoted or state.attribution is None or _is_speaker(tok):
        return set()  # ""I'm glad, "she added": a mark read the wrong way round, "she" is who speaks
    speaker = _quote_speaker(state, c, tok)
    return {speaker} if speaker is not None else set()


def _reporting_organization(state: _State, c: int, tok: Token) -> str | None:
    """The organisation whose report holds the subject ``tok`` ("the navy said they had seized a boat").

    News often speaks of an organisation in the plural; with no plural thing to refer to,
    "they" as the subject of what an organisation says is that organisation.
    """
    if tok.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    clause = tok.head
    for _ in range(3):  # "X said that the cost of the problems they face ...": the report that holds the clause
        if clause.dep_ != "relcl":
            break
        clause = clause.head
        while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
            clause = clause.head
    if clause.dep_ != "ccomp":
        return None
    verb = clause.head
    if verb.lemma_ not in _REPORTING or verb.pos_ not in {"VERB", "AUX"}:
        return None
    subj = next((ch for ch in verb.children if ch.dep_ == "nsubj"), None)
    key = _token_entity(state, c, subj)
    return key if state.index.type_of(key) in {"Organization", "NewsOrganization"} else None


def _thing_only(state: _State, key: str) -> bool:
    """Is ``key`` a plural thing that is no group of people ("the routes", not "the workers")?"""
    return state.index.type_of(key) in {None, "Thing"} and key not in state.people


def _whole_pair(tok: Token) -> bool:
    """ "both" standing alone for a plural thing named before ("wounding both"): all of it, like "them".

    Not "both of the men" (the phrase after it says what) nor "both men" (a determiner).
    """
    return tok.lower_ == "both" and tok.pos_ == "PRON" and tok.dep_ in _ARGUMENT_DEPS and \
        not any(ch.dep_ == "prep" and ch.lower_ == "of" for ch in tok.children)


def _description_key(state: _State, c: int, span: Span) -> str | None:
    """The entity a description refers to, if the rules find one."""
    index, sal = state.index, state.salience
    root = span.root
    # in apposition to a name: "his visitor, Olga Lyubimova", "Olga Lyubimova, the Russian culture minister"
    several = _plural_title(root)  # "Ann Roe and Tom Vale, the producers": both, not one of them
    noun = root.lemma_.lower()
    personal = is_person_noun(noun) or _is_age(root)
    if root.dep_ == "appos" and (c, root.head.i) in index.by_token and \
            not (several and index.type_of(index.by_token[(c, root.head.i)]) == "Person") and \
            _apposition_fits(state, index.by_token[(c, root.head.i)], personal):
        return index.by_token[(c, root.head.i)]
    for child in root.children:
        if child.dep_ == "appos" and (c, child.i) in index.by_token and not address_part(child) and \
                not (several and index.type_of(index.by_token[(c, child.i)]) == "Person") and \
                _apposition_fits(state, index.by_token[(c, child.i)], personal):
            return index.by_token[(c, child.i)]
    plural = root.tag_ in {"NNS", "NNPS"}
    body = _body_of(state, c, root)
    if body is not None:  # "His body was found by a maid": the dead man himself
        return body
    # "police identified the victim as Maria Santos": the name given "as"; also in a clause on the noun ("the
    # suspect, identified as Tom Vale", "the driver, whom police identified as Tom Vale")
    verbs = [root.head] if root.dep_ in {"dobj", "nsubjpass"} else []
    verbs += [ch for ch in root.children if ch.dep_ in {"acl", "relcl"} and ch.lemma_.lower() in _IDENTIFYING]
    if root.dep_ == "dobj":  # "arrested the suspect, identified as Tom Vale": the parser may hang it on the verb
        verbs += [ch for ch in root.head.children if ch.dep_ == "advcl" and ch.tag_ == "VBN" and ch.i > root.i
                  and ch.lemma_.lower() in _IDENTIFYING and not any(x.dep_.startswith("nsubj") for x in ch.children)]
    for verb in verbs:
        for prep in verb.children:
            named_as = _as_noun(prep, proper=True)
            named = index.by_token.get((c, named_as.i)) if named_as is not None else None
            if named is not None and index.type_of(named) == "Person" and personal:
                return named
    # a name as predicate: "the man accused of the shooting is Anthony Kessler"
    if root.dep_ == "nsubj" and root.head.lemma_ in _COPULAS and personal:
        for attr in (ch for ch in root.head.children if ch.dep_ == "attr"):
            named = index.by_token.get((c, attr.i))
            if named is not None and index.type_of(named) == "Person":
                return named
    # a predicate noun of identity: "Banks is the coach", "she became a mother", "X was named head coach"
    predicate = _predicate_subject(state, c, root, personal)
    if predicate is not None and not plural:
        subject_person = index.type_of(predicate) == "Person" or predicate in state.people
        if personal == subject_person:
            return predicate
    age = _age_of(root)
    if personal and not plural and age is not None and len(state.ages.get(age, ())) == 1:
        # "a 59-year-old woman" ... "Anil Sethi, 59": the one person the text gives that age
        (named,) = state.ages[age]
        gender = NOUN_GENDER.get(noun)
        if not gender or index.gender.get(named, gender) == gender:
            if gender:
                index.gender.setdefault(named, gender)
            return named
    det = span[0].lower_
    if det not in {"the", "this", "that"} or plural:
        return None
    if any(t.pos_ == "PROPN" and (c, t.i) not in index.by_token and t.i != root.i for t in span):
        return None  # "the KCNA news agency": a name the tagger missed, not an anaphor
    if any(_unnamed_by_clause(ch) for ch in root.children):
        return None  # "the man, whom police did not identify": no one the text has named
    if any((ch.dep_ in {"relcl", "acl", "poss"} and not _non_restrictive(ch)) or
           (ch.dep_ == "prep" and ch.lower_ == "of") for ch in root.children):
        return None  # restrictive modifiers make something new ("the leader of the opposition", "the woman's friend")
    # a modifier that is not a nationality makes a new referent ("the central bank", "a rival startup")
    modified = any(t.i != root.i and t.dep_ in {"amod", "compound", "nmod"} and
                   index.type_of(index.by_token.get((c, t.i))) != "Group" for t in span)
    if personal:
        return _person_described(state, c, root, noun, modified)
    def topic(k: str) -> float:
        # "the regime" is the state the article is about: recent salience, how often the text named it, and
        # how salient its people are ("the North Korean leader" makes Kim's state the one his story is about)
        people = sum(sal.value(p) for p, place in state.affiliation.items() if place == k)
        return _TOPIC_WEIGHT * state.mentioned.get(k, 0) + people

    if noun in GOVERNMENT_NOUNS and not modified:
        return sal.best(lambda k: index.type_of(k) == "Place", topic)
    if noun in _EPITHET_STATE_NOUNS and _state_epithet(span, root):
        # "the energy-rich central Asian nation", "the desert nation's capital": a report names its state once
        # and then by an epithet of description; a relational modifier ("the neighbouring country"), a degree
        # ("the largest nation") or a count ("the second country") picks out another
        return sal.best(lambda k: index.type_of(k) == "Place", topic)
    if not modified:
        # "the center", "the university", "the facility": a name the text used whose head is that noun
        heads = state.name_heads.get(_FACILITY if noun in _FACILITY_NOUNS else noun, ())
        said = [k for k in heads if k in state.mentioned]
        if said:
            return max(said, key=lambda k: (sal.value(k), state.mentioned[k]))
    if (noun in _BUSINESS_NOUNS or noun in ORG_NOUNS) and modified and _reporting_subject(root) and \
            all(t.dep_ == "compound" and t.pos_ == "NOUN" for t in span if t.i != root.i and t.dep_ != "det"):
        # "the software giant said in a statement", "the telecommunications company said": the organisation
        # that speaks, described by its trade
        return sal.best(lambda k: index.type_of(k) in {"Organization", "NewsOrganization"})
    if noun in _BUSINESS_NOUNS and modified and root.dep_ in {"nsubj", "nsubjpass", "poss"} and \
            all(_trade_or_origin(index, c, t) for t in span if t.i != root.i and t.dep_ != "det"):
        # "the US software giant", "the tech giant recommends", "the software giant's security centre": a
        # business noun with only its trade (and where it is from) as the subject or owner is the salient
        # organisation, whatever its verb; as an object ("bought the chip maker") it may be another
        return sal.best(lambda k: index.type_of(k) in {"Organization", "NewsOrganization"})
    if noun in ORG_NOUNS:
        named = state.org_words.get(noun, [])
        if named:
            return max(named, key=lambda k: sal.value(k))
        if modified or noun not in _GENERIC_ORG_NOUNS:
            return None
        # a team is named in the plural ("the Tellport 88ers", "the Harriers"), which the tagger may read as a
        # common noun: such a capitalised plural is an organisation for "the team", "the club"
        teams = state.plural_names if noun in _TEAM_NOUNS else set()
        return sal.best(lambda k: index.type_of(k) in {"Organization", "NewsOrganization"} or k in teams)
    return None


def _apposition_fits(state: _State, key: str, personal: bool) -> bool:
    """May a description in apposition be ``key``? A person noun is no place and no thing that is not a person.

    "... the cable route, which stretches to Japan, a company spokeswoman said": the parser may hang the
    speaker on the phrase before the comma as its apposition; a person noun there names someone new.
    """
    if not personal:
        return True
    etype = state.index.type_of(key)
    return not (etype == "Place" or (etype in {"Thing", None} and key not in state.people))


def _body_of(state: _State, c: int, root: Token) -> str | None:
    """The person whose body the noun ``root`` is ("his body", "Ann Roe's body", "the body of Ann Roe").

    A report of a death speaks of the dead by their body: "His body was found by a maid" says where the
    man was found, so the body is a mention of the person, not a thing of its own. Only a possessor or an
    "of" phrase that is one person counts ("the body of the car", "a governing body" stay things); bodies in
    the plural are left alone ("their bodies" may be of a pair the text never made one referent).

    >>> sorted(BODY_NOUNS)
    ['body', 'corpse', 'remains']
    """
    if root.lemma_.lower() not in BODY_NOUNS and root.lower_ not in BODY_NOUNS:
        return None
    if root.tag_ in {"NNS", "NNPS"} and root.lower_ != "remains":
        return None  # "their bodies": the people may be a pair the text never made one referent
    owners = [ch for ch in root.children if ch.dep_ == "poss"]
    owners += [g for p in root.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
               if g.dep_ == "pobj" and not any(x.dep_ == "conj" for x in g.children)]
    for owner in owners:
        key = state.pronoun_key.get((c, owner.i)) or _token_entity(state, c, owner)
        if key is None:
            continue
        person = state.index.type_of(key) == "Person" or key in state.people
        if person and not state.salience.plural.get(key, False):
            return key
    return None


def _state_epithet(span: Span, root: Token) -> bool:
    """Is ``span`` ("the energy-rich Central Asian nation") a state noun with only modifiers of description?

    Adjectives and nouns of description ("gas-rich", "desert", "reclusive") qualify; a degree, a number or a
    relational word ("neighbouring", "host", "other") sets the noun against the story's state, and an "of"
    phrase or a clause was refused before.

    >>> "neighbouring" in _RELATIONAL_STATE_MODIFIERS and "host" in _RELATIONAL_STATE_MODIFIERS
    True
    """
    mods = [t for t in span if t.i != root.i and t.dep_ not in {"det", "punct"} and t.i < root.i]
    if not mods or any(t.i > root.i for t in span):
        return False
    for t in mods:
        if t.tag_ in {"JJR", "JJS", "RBR", "RBS", "CD"} or t.lower_ in _RELATIONAL_STATE_MODIFIERS:
            return False
        if t.pos_ not in {"ADJ", "NOUN", "PROPN", "ADV", "CCONJ", "PUNCT", "VERB"}:
            return False
    return True


def _trade_or_origin(index: EntityIndex, c: int, tok: Token) -> bool:
    """Is ``tok`` a noun of a business's trade ("software", "tech") or the place or people it is from ("US")?"""
    if tok.dep_ == "compound" and tok.pos_ == "NOUN":
        return True
    return index.type_of(index.by_token.get((c, tok.i))) in {"Place", "Group"}


def _reporting_subject(tok: Token) -> bool:
    """Is ``tok`` the subject of a reporting verb ("the company said")?"""
    return tok.dep_ == "nsubj" and tok.head.lemma_ in _REPORTING and tok.head.pos_ in {"VERB", "AUX"}


def _non_restrictive(clause: Token) -> bool:
    """Is the relative clause ``clause`` set off by a comma ("the suspect, who gave himself up")?

    Such a clause adds to a referent already known instead of picking out a new one, so it does
    not stop a definite description from taking its antecedent ("the man who shot her" does).
    """
    before = clause.left_edge.i - 1
    return clause.dep_ == "relcl" and before >= sentence_bounds(clause)[0] and clause.doc[before].text == ","


def _unnamed_by_clause(clause: Token) -> bool:
    """Does the clause ``clause`` on a noun say its referent was not named ("whom police did not identify",
    "who has not been named")? Then the noun is no name the text gave."""
    return clause.dep_ in {"relcl", "acl"} and clause.lemma_.lower() in _IDENTIFYING and \
        any(ch.dep_ == "neg" for ch in clause.children)


def _person_described(state: _State, c: int, root: Token, noun: str, modified: bool) -> str | None:
    """The person a definite person description ("the coach", "the 33-year-old", "the man") refers to.

    A named person the text gave that role, the most salient first; else the most salient
    person of the noun's gender whose known roles include the noun, or who has none (a
    role-less noun, "the man", "the 33-year-old", fits any); else, for a role-less noun, an
    unnamed person of the last sentences ("a climber ... the man"). Never the speaker of
    the sentence that holds the description ("Inspector Holt said the man fell").
    """
    index, sal = state.index, state.salience
    gender = NOUN_GENDER.get(noun)
    blocked = _reporters(state, c, root) | _coarguments(state, c, root) | _subject_coarguments(state, c, root) | \
        _c_commanding_subjects(state, c, root)
    if noun in _PERPETRATOR_NOUNS:  # "the driver" is not the woman the text said was struck
        blocked |= state.harmed - state.harming
    elif noun in _VICTIM_NOUNS:  # nor "the victim" the one it said struck her, or arrested
        blocked |= (state.harming | state.accused) - state.harmed
    # a holder named only in a later sentence is someone the reader has not met ("the new host" ... "then host
    # Ray Dunn"); a name of the same sentence is met with it ("the nurse Ann Kerr", which the parser may split)
    here = state.sentence_starts[-1] + len(span_text(sentence_span(root)))
    met = {m.entity for m in index.mentions if m.start < here}
    holders = [k for k in state.role_holders.get(noun, ()) if index.type_of(k) == "Person" and k not in blocked
               and k in met]
    if holders:
        return max(holders, key=lambda k: (sal.value(k), -holders.index(k)))
    generic = noun in PERSON_NOUNS or _is_age(root)

    age = _age_of(root)

    def fits(k: str) -> bool:
        if index.type_of(k) != "Person" or k in blocked or (gender and index.gender.get(k, gender) != gender):
            return False
        if age is not None and any(k in keys for a, keys in state.ages.items() if a != age):
            return False  # "the 36-year-old driver" is not the woman the text said is 66
        if noun in _PERPETRATOR_NOUNS and not _may_be_culprit(state, k):
            return False
        roles = state.roles.get(k)
        # an office is exclusive ("the coach" is no president); what else a person is may be new ("the comedian")
        return not roles or noun in roles or generic or noun not in PERSON_ROLES

    found = sal.best(fits)

    def unnamed(k: str) -> bool:
        if k not in state.people or k in blocked or sal.plural.get(k, False) or k not in state.things or \
                (gender and index.gender.get(k, gender) != gender):
            return False
        # "a climber" ... "the climber"; "a gunman" ... "the shooter"
        return generic or near_synonyms(state.described_as.get(k, ("", None))[0], noun)

    # a role noun ("the shooter") takes the unnamed person just described with it or a near-synonym
    # ("a gunman opened fire ... the shooter") over a named person who is only more salient; a role-less
    # noun ("the man") takes the person just described over a named source ("a climber fell ... the man")
    described = sal.best(unnamed)
    if described is not None and sal.value(described) >= _RECENCY and \
            (found is None or found in state.reporters or sal.value(described) > sal.value(found)):
        return described
    if found is not None and (not modified or sal.value(found) >= _RECENCY):
        return found
    if not generic or modified:
        return None
    found = sal.best(unnamed)
    return found if found is not None and sal.value(found) >= _RECENCY else None


#: Verbs that give a described person a name "as" ("identified as Tom Vale").
_IDENTIFYING = frozenset({"identify", "name"})

#: Prepositions whose object is said of the verb's subject or object, so may be the same person ("served as coach").
_PREDICATING_PREPS = frozenset({"as", "like"})


def _coarguments(state: _State, c: int, tok: Token) -> set[str]:
    """The subject of the verb whose object ``tok`` is: a description there names someone else.

    "Tom Vale drove into the older man": a verb's object (direct, or of a preposition)
    is not its subject, which would take a reflexive ("drove into himself"). An "as"
    phrase is said of the subject ("joined as the coach") and blocks nothing, nor does a
    pronoun subject, whose own referent is only a guess.
    """
    verb = tok.head
    if tok.dep_ == "pobj" and verb.dep_ == "agent":  # "she was struck by the driver": not the one struck
        passive = next((ch for ch in verb.head.children if ch.dep_ == "nsubjpass"), None)
        key = _token_entity(state, c, passive) if passive is not None and passive.pos_ != "PRON" else None
        if passive is not None and passive.pos_ == "PRON":
            key = state.pronoun_key.get((c, passive.i))
        return {key} if key is not None else set()
    if tok.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ not in _PREDICATING_PREPS:
        verb = verb.head
    elif tok.dep_ not in {"dobj", "dative"}:
        return set()
    if verb.pos_ not in {"VERB", "AUX"}:
        return set()
    subj = _shared_subject(verb)
    if subj is None or subj.pos_ == "PRON":
        return set()  # a pronoun subject is itself only a guess
    key = _token_entity(state, c, subj)
    return {key} if key is not None else set()


def _may_be_culprit(state: _State, key: str) -> bool:
    """May "the driver", "the suspect", "the gunman" be the named person ``key``?

    Only if the text has said they harmed someone, were arrested or charged, or fled: the
    police spokesman or the witness who tells the story, most salient as they are, is not
    who did it, and a description of the one who did may be all the text has of them.
    """
    return key in state.harming or key in state.accused


def _c_commanding_subjects(state: _State, c: int, tok: Token) -> set[str]:
    """The subjects of the clauses that hold ``tok``: a description there names someone else.

    "The driver fled after the woman was hit": a name or description is not the subject
    of a clause it is embedded in (binding principle C); an apposition, a predicate noun
    or an "as" phrase is said of that subject, and a pronoun subject is only a guess. Only
    clauses count: a noun on the way up ("an officer who followed Foley to the player's
    home") or a coordination ends the search.
    """
    out: set[str] = set()
    child = tok
    for anc in tok.ancestors:
        if child.dep_ in {"appos", "attr", "oprd", "acomp"} or \
                (child.dep_ == "pobj" and anc.lower_ in _PREDICATING_PREPS):
            return out
        if (anc.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} and child is not tok) or child.dep_ in {"conj", "parataxis"} \
                or anc.lemma_ in _COPULAS:
            return out  # nor a clause coordinated with the subject's ("Vale won, and the actor ..."), nor a predicate
        if anc.pos_ in {"VERB", "AUX"} and child.dep_ not in {"nsubj", "nsubjpass", "csubj"}:
            for subj in anc.children:
                if subj.dep_ in {"nsubj", "nsubjpass"} and subj.pos_ != "PRON" and subj.i != child.i:
                    key = _token_entity(state, c, subj)
                    if key is not None:
                        out.add(key)
        child = anc
    return out


def _subject_coarguments(state: _State, c: int, tok: Token) -> set[str]:
    """The objects of the verbs whose subject ``tok`` is, and the agent of its passive: someone else.

    The mirror of :func:`_coarguments`: "the driver gunned the engine and drove over Ann
    Roe" (the verbs coordinated with the subject's and the non-finite ones it controls
    count: "After hitting her, the suspect fled"); "the woman was struck by Tom Vale". An
    object pronoun counts only when read before the description, a reflexive never.
    """
    verb = tok.head
    if tok.dep_ == "nsubjpass":
        return {k for agent in verb.children if agent.dep_ == "agent"
                for k in (_token_entity(state, c, ch) for ch in agent.children if ch.dep_ == "pobj") if k is not None}
    if tok.dep_ != "nsubj" or verb.pos_ not in {"VERB", "AUX"} or verb.lemma_ in _COPULAS:
        return set()
    out: set[str] = set()
    for v in _controlled_verbs(verb):
        for arg in _verb_objects(v):
            if arg.lower_ in _REFLEXIVE or (arg.pos_ == "PRON" and arg.i > tok.i):
                continue
            key = _token_entity(state, c, arg) if arg.pos_ != "PRON" else state.pronoun_key.get((c, arg.i))
            if key is not None:
                out.add(key)
    return out


def _controlled_verbs(verb: Token) -> list[Token]:
    """``verb`` and the verbs that share its subject: coordinated ones without their own, and non-finite
    clauses it governs ("After hitting her, the suspect fled", "tried to stop him")."""
    out: list[Token] = []
    todo = [verb]
    while todo and len(out) < 8:
        v = todo.pop()
        out.append(v)
        for ch in v.children:
            if ch.pos_ not in {"VERB", "AUX"}:
                if ch.dep_ == "prep":  # "after hitting her"
                    todo += [g for g in ch.children if g.dep_ == "pcomp" and g.tag_ == "VBG" and
                             not any(x.dep_ in {"nsubj", "nsubjpass"} for x in g.children)]
                continue
            # the cheap test of the child's own role first: a verb with a subject of its own is left out,
            # and reading its children only matters for the verbs that could share the subject
            if (ch.dep_ == "conj" or (ch.dep_ in {"xcomp", "advcl"} and ch.tag_ in {"VB", "VBG"})) and \
                    not any(x.dep_ in {"nsubj", "nsubjpass", "expl"} for x in ch.children):
                todo.append(ch)
    return out


def _verb_objects(verb: Token) -> list[Token]:
    """The direct, indirect and prepositional objects of ``verb`` ("as"/"like" phrases left out)."""
    out = [ch for ch in verb.children if ch.dep_ in {"dobj", "dative"}]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ not in _PREDICATING_PREPS:
            out += [ch for ch in prep.children if ch.dep_ == "pobj"]
    return out


def _harmful(verb: Token) -> bool:
    """Does ``verb`` report harm to its object ("struck", "shot", "drove over")?"""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    if verb.lemma_.lower() in HARM_VERBS:
        return True
    return verb.lemma_.lower() in _RUN_OVER and \
        any(ch.dep_ in {"prt", "prep"} and ch.lower_ in _RUN_OVER_WORDS for ch in verb.children)


def _harm_role(tok: Token) -> str | None:
    """"patient" when the text reports ``tok`` harmed, "agent" when harming a person, else None.

    Patients: the object of a harm verb ("shot her", "drove over Ann Roe"), its passive
    subject ("she was struck"), a participle on the noun ("a woman hit by a car"), the
    subject of "die", a victim. Agents: the subject of a harm verb with a person for
    object ("Vale shot her"; or of a verb that shares its subject with one: "Vale opened fire,
    killing Ann Roe"), the "by" phrase of its passive.
    """
    head = tok.head
    if tok.dep_ in {"nsubjpass", "dobj"} and _harmful(head):
        return "patient"
    if tok.dep_ == "pobj" and head.lower_ in _RUN_OVER_WORDS and _harmful(head.head):
        return "patient"
    if tok.dep_ == "nsubj" and head.lemma_.lower() == "die":
        return "patient"
    if tok.lemma_.lower() in _VICTIM_NOUNS:
        return "patient"
    if any(ch.dep_ == "acl" and ch.tag_ == "VBN" and _harmful(ch) for ch in tok.children):
        return "patient"
    if tok.dep_ == "pobj" and head.dep_ == "agent" and _harmful(head.head):
        return "agent"
    if tok.dep_ == "nsubj" and head.pos_ in {"VERB", "AUX"}:
        # the verbs that share the subject count too: "opened fire at the party, killing Tom Vale"
        for v in (v for v in _controlled_verbs(head) if _harmful(v)):
            for obj in v.children:
                if obj.dep_ == "dobj" and (obj.lower_ in _MASCULINE | _FEMININE | _PLURAL or obj.ent_type_ == "PERSON"
                                           or is_person_noun(obj.lemma_.lower())):
                    return "agent"
    return None


def _note_harm(state: _State, c: int, sent: Span) -> None:
    """Record who the sentence reports harmed and harming (see :func:`_harm_role`)."""
    for tok in sent:
        key = state.index.by_token.get((c, tok.i)) or state.token_key.get((c, tok.i)) or \
            state.pronoun_key.get((c, tok.i))
        if key is None:
            continue
        role = _harm_role(tok)
        if role == "patient":
            state.harmed.add(key)
        elif role == "agent":
            state.harming.add(key)
        if _accused(tok) and not (tok.pos_ == "PRON" and tok.dep_ == "nsubj"):
            state.accused.add(key)  # "he escaped": whom "he" is was only a guess


def _accused(tok: Token) -> bool:
    """Does the text treat ``tok`` as accused: arrested, charged, pulled over, or fleeing ("Vale fled")?"""
    head = tok.head
    if head.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = head.lemma_.lower()
    if tok.dep_ in {"nsubjpass", "dobj"} and (lemma in ACCUSING_VERBS or
                                               (lemma == "pull" and any(ch.lower_ == "over" for ch in head.children))):
        return True
    return tok.dep_ == "nsubj" and lemma in {"flee", "escape"}


def _reporters(state: _State, c: int, tok: Token) -> set[str]:
    """The speakers of the reporting verbs whose content holds ``tok`` ("Holt said [the man fell]")."""
    out: set[str] = set()
    child = tok
    for anc in tok.ancestors:
        if anc.lemma_ in _REPORTING and anc.pos_ in {"VERB", "AUX"} and child.dep_ in {"ccomp", "xcomp", "parataxis"}:
            for ch in anc.children:
                if ch.dep_ == "nsubj":
                    key = state.index.by_token.get((c, ch.i)) or state.token_key.get((c, ch.i))
                    if key is not None:
                        out.add(key)
        child = anc
    return out


def _predicate_subject(state: _State, c: int, root: Token, personal: bool | None = None) -> str | None:
    """The entity a predicate noun is said of: the subject of "be"/"become", the object of "name X coach".

    An "as" phrase describes the verb's object ("named Marlow as the host") or, when the
    object is not of the kind the noun describes (``personal``: a person or not), its
    subject ("she joined the firm as a lawyer"); a non-finite verb with no subject takes the
    object of the verb it completes ("asked her to join the firm as its lawyer") or that
    verb's subject.
    """
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "as" and head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"} \
            and personal is not None:
        verb = head.head
        candidates = [next((ch for ch in verb.children if ch.dep_ == "dobj"), None),
                      next((ch for ch in verb.children if ch.dep_ in {"nsubj", "nsubjpass"}), None)]
        if candidates[1] is None and verb.dep_ == "xcomp":
            candidates.append(next((ch for ch in verb.head.children if ch.dep_ == "dobj"), None))
            candidates.append(_controller(verb.head))
        for subj in candidates:
            key = _token_entity(state, c, subj)
            if key is not None and (state.index.type_of(key) == "Person" or key in state.people) == personal:
                return key
        return None
    if root.dep_ == "attr" and head.lemma_ in _COPULAS:
        # "Roe hosted the show, becoming the first woman to do so": a non-finite copula's subject is its clause's
        subj = _shared_subject(head) or _nonfinite_subject(head)
    elif root.dep_ in {"oprd", "attr", "xcomp"} and head.lemma_ in _NAMING_VERBS:
        subj = next((ch for ch in head.children if ch.dep_ in {"nsubjpass", "dobj"}), None)
    elif root.dep_ == "pobj" and head.lower_ == "as" and head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"}:
        # "named Marlow as the host", "Marlow was announced as the host", "she returns as host"
        verb = head.head
        subj = next((ch for ch in verb.children if ch.dep_ == "dobj"), None) or \
            next((ch for ch in verb.children if ch.dep_ in {"nsubj", "nsubjpass"}), None)
    elif root.dep_ == "pobj" and head.lower_ == "as" and head.head.pos_ == "NOUN":
        # "his position as head coach", "Marlow's role as host": the possessor
        subj = next((ch for ch in head.head.children if ch.dep_ == "poss"), None)
    else:
        return None
    return _token_entity(state, c, subj)


def _nonfinite_subject(verb: Token) -> Token | None:
    """Who a participle with no subject of its own is said of: the subject of the clause it hangs on ("Roe
    hosted the show, becoming the first woman to do so", "Roe left after becoming a partner"). An infinitive
    is left out: "Vale wants to become the next coach" says what he may be, not what he is."""
    if verb.tag_ != "VBG" or verb.dep_ not in {"advcl", "pcomp", "conj"}:
        return None
    return _controller(verb)


def _token_entity(state: _State, c: int, tok: Token | None) -> str | None:
    """The entity a noun or pronoun token already refers to, if any."""
    if tok is None:
        return None
    if tok.pos_ in {"NUM", "PRON"} and tok.lower_ not in _ALL_PRONOUNS:
        # "one of our own, Tobias Marlow, will be the host": the name in apposition to a partitive
        named = next((ch for ch in tok.children if ch.dep_ == "appos" and (c, ch.i) in state.index.by_token), None)
        if named is not None:
            return state.index.by_token[(c, named.i)]
    if tok.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return None
    return state.index.by_token.get((c, tok.i)) or state.token_key.get((c, tok.i))


def _resolve_description(state: _State, c: int, doc: Doc, offset: int, span: Span) -> None:
    index, sal = state.index, state.salience
    root = span.root
    if root.ent_type_ in _TIME_LABELS and not _is_age(root):
        return  # "Friday night": a time, mentioned by _time_mentions
    named = index.entity_of(c, span)
    if named is not None and _plural_title(root) and index.type_of(named) == "Person":
        named = None  # "the producers, Ann Roe and Tom Vale": the pair, not the first name
    if named is not None:  # "the KCNA news agency", "the agency, KCNA": the name's entity
        index.mention(named, c, _extended(span), offset, "nominal", anchor=root)
        return
    key = _description_key(state, c, span)
    if key is not None:
        start = span.start
        while start < root.i and span.doc[start].dep_ == "poss":
            start += 1
        for i in range(start, root.i):  # "Tellport 88ers head coach": the team is a mention of its own
            if ((c, i) in index.by_token and index.by_token[(c, i)] != key) or _name_like(doc[i], i > span.start):
                start = i + 1
        while start < root.i and (doc[start].dep_ == "case" or doc[start].is_punct):
            start += 1  # "the city's chief engineer": the possessive clitic of the name left out goes too
        index.mention(key, c, doc[start : root.i + 1], offset, "nominal")
        sal.add(key, _weight(root), role=root.dep_)
        _note_counted(state, root, key, _phrase_count(root))
        return
    if span[0].lower_ == "no" or root.lemma_.lower() in _SKIP_NOUNS:
        return
    extended = _extended(span)
    thing = phrase_key(_identifying(extended))
    label = clean_name(extended.text)
    if not thing or not label:
        return
    plural = _is_plural(root)
    name = thing  # the label: a phrase keyed apart for its number is still named by its lemma
    first = state.both_numbers.get(root.lemma_.lower())
    if first is not None and root.tag_ in {"NN", "NNS"} and root.tag_ != first:
        thing = _numbered_key(thing, root)  # "a woman ... killing two women": the two are not the one
    key = _nominal_antecedent(state, span) or thing
    if key != thing:
        _note_named_ship(state, span, key)
    index.add(key, name if key == thing else key, "Thing", alias=_alias_as_written(extended, label))
    index.mention(key, c, extended, offset, "nominal", anchor=root)
    heads = state.heads.setdefault((root.lemma_.lower(), plural), [])
    if key in heads:
        heads.remove(key)
    heads.append(key)
    state.modifiers[key] = state.modifiers.get(key, frozenset()) | _modifiers(span)
    state.thing_heads.setdefault(key, set()).add(root.lemma_.lower())
    if plural and root.i > sentence_bounds(root)[0] and (root.text[:1].isupper() or root.text[:1].isdigit()) and \
            not is_person_noun(root.lemma_) and root.lemma_.lower() != "police":
        state.plural_names.add(key)  # "the Tellport 88ers": a name the tagger read as a common noun
    state.things[key] = index.entities[key].label
    if any(ch.dep_ == "nummod" for ch in root.children):
        state.counted.add(key)
    _note_counted(state, root, key, _phrase_count(root))
    if is_person_noun(root.lemma_) or _is_age(root):
        if key == thing and not plural and len(span) == 1 and root.tag_ in {"NN", "NNP"} and \
                root.dep_ in {"nsubj", "nsubjpass", "ROOT"} and not any(ch.dep_ in {"det", "poss"} for ch in root.children):
            state.headline_people.add(key)  # "Climber dead after fall": a bare singular count noun, headline style
        state.people.add(key)  # "the officer", "a minister": a person without a name
        if not plural:
            state.described_at.setdefault(key, []).append(sal.sentence)
            state.described_as.setdefault(key, (root.lemma_.lower(), _age_of(root)))
        gender = NOUN_GENDER.get(root.lemma_.lower())
        if gender is not None:
            index.gender.setdefault(key, gender)  # "a woman": she, not he
    if _according_source(root):
        state.speakers.add(key)
    state.token_key[(c, root.i)] = key
    if _locative(root) and key not in state.people:
        state.locations[key] = sal.sentence  # "at an accounting firm": a place something happened
    sal.add(key, _weight(root, thing=True), plural=plural, role=_conjunct_role(root))

def _nouns_in_both_numbers(chunks: list[tuple[Doc, int]]) -> dict[str, str]:
    """The common nouns (lemmas) a document writes both in the singular and in the plural -> the tag of the first.

    A plural noun phrase never refers to what a singular one of the same noun does ("a woman
    opened fire, killing two women"), so where both occur the number written second gets a key of
    its own (:func:`_numbered_key`); the first keeps the key it has where the noun has one number only.
    """
    seen: dict[str, list[str]] = {}
    for doc, _ in chunks:
        for tok in doc:
            if tok.pos_ == "NOUN" and tok.tag_ in {"NN", "NNS"}:
                tags = seen.setdefault(tok.lemma_.lower(), [])
                if tok.tag_ not in tags:
                    tags.append(tok.tag_)
    return {lemma: tags[0] for lemma, tags in seen.items() if len(tags) == 2}


def _numbered_key(key: str, root: Token) -> str:
    """``key`` (a :func:`phrase_key`, head lemmatised) told apart by the number of ``root``.

    A plural gets its head written in the plural, a singular "one" before it.

    >>> import spacy
    >>> doc = spacy.blank("en")("two women and a man")
    >>> doc[1].lemma_, doc[1].tag_, doc[4].tag_ = "woman", "NNS", "NN"
    >>> _numbered_key("woman", doc[1]), _numbered_key("old man", doc[4])
    ('women', 'one old man')
    """
    if root.tag_ != "NNS":
        return f"one {key}"
    lemma, word = root.lemma_.lower(), root.lower_
    words = key.split()
    if words and words[-1] == lemma and word != lemma:
        return " ".join([*words[:-1], word])
    return f"{key} {word}" if word != lemma else f"several {key}"


def _note_named_ship(state: _State, span: Span, key: str) -> None:
    """Note the named ship a definite ship noun refers to, when it also refers back to the description ``key``.

    "An Indian warship foiled an attack ... INS Tellar was escorting ... when the warship's crew saw ...":
    "the warship" takes the earlier "warship" by its head, and it is the ship the text has just named, as
    "the ship" is the ship most in view; both antecedents are one ship. Only singular definite ship nouns
    (:data:`kg.extract.entities.VESSEL_NOUNS`) and ships named as ships (:func:`vessel_name`) count.
    """
    root = span.root
    if root.lemma_.lower() not in VESSEL_NOUNS or _is_plural(root) or span[0].lower_ not in _DEFINITE:
        return
    index = state.index
    ship = state.salience.best(lambda k: index.type_of(k) == "Product" and vessel_name(k))
    if ship is not None:
        state.ship_things.setdefault(key, set()).add(ship)


def _described_ships(state: _State) -> dict[str, str]:
    """Ship descriptions that are one named ship (:func:`_note_named_ship`): description key -> ship key.

    A description that definite mentions tie to two named ships stays apart: it is no one ship.
    """
    return {thing: next(iter(ships)) for thing, ships in state.ship_things.items()
            if len(ships) == 1 and thing in state.index.entities}


#: Sentences between the last mention of an unnamed person and the name that may introduce them.
_NAMING_WINDOW = 2


def _introduced_then_named(state: _State) -> dict[str, str]:
    """Unnamed persons a news text names right after describing them: description key -> person key.

    A lede describes before it names: "A woman has died after being hit by a car ...
    59-year-old Anil Sethi was leaving her car" (headline "Harriers receiver arrested",
    body "Harriers receiver Marcus Hale was arrested"). The description stays a
    person of its own while it is read (no name was known yet); afterwards it joins the
    first person named within :data:`_NAMING_WINDOW` sentences of its last mention when
    the text gives that person the description's noun as a role ("receiver"), or the
    noun names no role ("a woman", "a man", "a 59-year-old") and its gender does not
    clash. The named person must not be a speaker ("Inspector Holt said"), nor claimed
    by two descriptions ("a woman ... a man ... Sam Lee"), nor already described by a role
    that differs from the noun ("the coach" is not introduced by "a player"). A person the
    text says only was harmed ("killing one man") is the first person named after as only
    harmed ("accused of shooting Ann Roe"), and no one else.
    """
    index = state.index
    first_named: dict[str, int] = {}
    for m in index.mentions:
        if m.kind == "name" and index.type_of(m.entity) == "Person":
            at = bisect_right(state.sentence_starts, m.start) - 1
            first_named[m.entity] = min(at, first_named.get(m.entity, at))
    claims: dict[str, list[str]] = {}
    for thing, seen in state.described_at.items():
        entity = index.entities.get(thing)
        if entity is None or entity.type != "Thing" or state.salience.plural.get(thing) or \
                (thing in state.counted and not _only_harmed(state, thing)):
            continue  # a count is no one person, but "killing one man" is
        noun, age = state.described_as[thing]
        gender = index.gender.get(thing)
        later = sorted((at, k) for k, at in first_named.items()
                       if seen[0] < at and k not in state.reporters)
        if not later or later[0][0] - max(s for s in seen if s < later[0][0]) > _NAMING_WINDOW:
            continue
        met = [k for k, at in first_named.items() if at < seen[0] and k not in state.reporters]
        if _only_harmed(state, thing) and any(k in state.harmed for k in met):
            # "Ann Roe died ... She was 77. The head of the firm, who ..., died": the one harmed already met, not
            # the next name; "a second victim" is someone else
            harmed = [k for k in met if k in state.harmed]
            counted_on = state.modifiers.get(thing, frozenset()) & (_NEXT_OF_COUNT | {"other", "first"})
            if len(harmed) == 1 and not counted_on \
                    and (gender is None or index.gender.get(harmed[0], gender) == gender) and \
                    not (age is not None and any(harmed[0] in keys for a, keys in state.ages.items() if a != age)):
                claims.setdefault(harmed[0], []).append(thing)
            continue
        if noun in PERSON_ROLES and any(noun in state.roles.get(k, ()) for k in met):
            continue  # "the coach" after "coach Ray Dunn" is no lede's introduction of a later name
        if _only_harmed(state, thing):
            # "killing one man ... accused of shooting Ann Roe": the one harmed, named as the one harmed
            harmed = [(at, k) for at, k in later if _only_harmed(state, k)]
            if harmed and harmed[0][0] - max(s for s in seen if s < harmed[0][0]) <= _NAMING_WINDOW and \
                    (gender is None or index.gender.get(harmed[0][1], gender) == gender) and \
                    not (age is not None and any(harmed[0][1] in keys for a, keys in state.ages.items() if a != age)):
                claims.setdefault(harmed[0][1], []).append(thing)
                continue
        _, person = later[0]
        roles = state.roles.get(person, set())
        if age is not None and any(person in keys for a, keys in state.ages.items() if a != age):
            continue  # "a 36-year-old" is not the person the text says is 59
        # a noun of no role ("a woman") needs the gender the text gives the named person ("her car")
        generic = noun in PERSON_NOUNS and gender is not None and not roles & PERSON_ROLES
        if noun in roles or (generic and index.gender.get(person) == gender):
            claims.setdefault(person, []).append(thing)
    return {things[0]: person for person, things in claims.items() if len(things) == 1}


#: Lines at the top of a document that may make up its headline (URL, headline, subhead, dateline).
_HEADLINE_LINES = 5
#: Sentences of the lede, after the headline, whose persons a headline description may be.
_LEDE_SENTENCES = 3
#: Verbs that say too little to tell one person of a lede from another.
_EMPTY_VERBS = _COPULAS | {"have", "do", "get", "make", "go", "come"}
#: Verbs whose object may be the office rather than its holder ("Mayor nominates new police chief").
_OFFICE_VERBS = _NAMING_VERBS | {"nominate", "pick", "tap", "name"}
_SENTENCE_END = frozenset('.!?"\'\u201d\u2019')


def _headline_and_lede(chunks: list[tuple[Doc, int]]) -> tuple[list[tuple[int, Token]], list[tuple[int, Token]]]:
    """The tokens of a document's headline lines and of its lede: ``(chunk, token)`` lists.

    A news text opens with lines that are no sentences, a headline ("Harriers receiver
    arrested"), maybe a subhead and a dateline, each a line without a final stop; the lede
    is the first :data:`_LEDE_SENTENCES` sentences after them. A text whose first line ends
    with a stop has no headline (its first sentence is the lede itself).
    """
    headline: list[tuple[int, Token]] = []
    lede: list[tuple[int, Token]] = []
    lines: set[tuple[int, int]] = set()
    sentences, in_headline = 0, True
    for c, (doc, _) in enumerate(chunks):
        text = doc_text(doc)
        for sent in doc.sents:
            if not in_headline:
                if sentences >= _LEDE_SENTENCES:
                    return headline, lede
                lede.extend((c, tok) for tok in sent)
                sentences += 1
                continue
            taken = False
            for tok in sent:
                if in_headline:
                    start, end = text.rfind("\n", 0, tok.idx) + 1, text.find("\n", tok.idx)
                    line = text[start : end if end >= 0 else len(text)].strip()
                    if line and line[-1] not in _SENTENCE_END and \
                            len(lines | {(c, start)}) <= _HEADLINE_LINES:
                        headline.append((c, tok))
                        lines.add((c, start))
                        continue
                    in_headline = False
                lede.append((c, tok))
                taken = True
            sentences += taken
    return headline, lede


def _lede_frame(tok: Token) -> tuple[frozenset[str], str] | None:
    """``(verb class, role)`` of a noun phrase's root in its clause, read the way headlines write it.

    The subject of a participle with no auxiliary is its patient ("Man charged with DWI"), as
    is a noun a participle hangs on ("British climber killed in fall"), a passive subject
    or an object; other subjects are agents. A noun read as an apposition right after a
    noun with no comma between ("Harriers receiver arrested", "defensive end Omar Reyes was
    arrested") is a compound: it takes that noun's place in the clause.
    """
    if tok.dep_ == "appos" and tok.head.i < tok.i and not any(t.is_punct for t in tok.doc[tok.head.i : tok.i]):
        tok = tok.head
    head = tok.head
    if tok.dep_ in {"nsubj", "nsubjpass", "dobj"} and head.pos_ in {"VERB", "AUX"} and head.i != tok.i:
        verb = head
        bare = verb.tag_ == "VBN" and not any(ch.dep_ in {"aux", "auxpass"} for ch in verb.children)
        role = "agent" if tok.dep_ == "nsubj" and not bare else "patient"
    else:
        verb = next((ch for ch in tok.children if ch.dep_ == "acl" and ch.tag_ == "VBN"), None)
        role = "patient"
    if verb is None or verb.lemma_.lower() in _EMPTY_VERBS | _REPORTING | _OFFICE_VERBS:
        return None
    return _verb_class(verb.lemma_.lower()), role


def _headline_people_in_lede(state: _State, chunks: list[tuple[Doc, int]]) -> dict[str, str]:
    """Unnamed persons of the headline the lede tells of doing the same: description key -> entity key.

    A headline says in a few words what its lede says in full, of the same person:
    "Veteran lineman arrested on DUI charge" / "Harriers tackle Omar Reyes was arrested
    early Sunday"; "Skier dies in fall" / "A 41-year-old man died on Friday after ...". The
    headline's description (a person noun, singular, with no name) is the person the lede
    gives the same verb in the same role (:func:`_lede_frame`), when exactly one person,
    named or described, is so told there and no gender the text gives tells them apart. An
    unnamed person counts only where the lede's noun is the one that describes them ("a man
    was arrested"), not where a pronoun or another noun was linked to them by salience alone;
    a verb of appointing is left alone, its object may be the office ("nominates new surgeon
    general").
    """
    index = state.index
    headline, lede = _headline_and_lede(chunks)
    found: dict[str, str] = {}
    for c, tok in headline:
        key = index.by_token.get((c, tok.i))
        if key is None or key not in state.people or index.type_of(key) != "Thing" or \
                state.salience.plural.get(key, False) or key in found:
            continue
        frame = _lede_frame(tok)
        if frame is None:
            continue
        gender = index.gender.get(key)
        others = set()
        for c2, other in lede:
            k = index.by_token.get((c2, other.i))
            if k is None or k == key or _is_plural(other) or _lede_frame(other) != frame:
                continue  # "Two men have died": not the one of the headline's "Second climber dies"
            if index.type_of(k) == "Person" or (k in state.people and not state.salience.plural.get(k, False) and
                                                 other.lemma_.lower() == state.described_as.get(k, ("",))[0]):
                others.add(k)  # an unnamed person only where the lede describes them ("a man"), not by a guess
        if len(others) == 1:
            person = others.pop()
            person = found.get(person, person)
            if gender is None or index.gender.get(person, gender) == gender:
                found[key] = person
    return found


def _headline_nouns_of_one_person(state: _State, chunks: list[tuple[Doc, int]]) -> dict[str, str]:
    """Headline nouns the body uses for exactly one named person: description key -> person key.

    A headline calls the person by the noun the body gives them as a title or an
    apposition ("Lancers Defensive End Faces DUI Charges" / "Omar Reyes, the defensive end
    for the Lancers, ..."; "Lancers receiver arrested" / "Lancers receiver Omar Reyes"),
    whatever the headline's verb. The headline noun (singular, no name) is that person when
    the body joins the same head noun to one named person and to no other.
    """
    index = state.index
    headline, _ = _headline_and_lede(chunks)
    if not headline:
        return {}
    in_headline = {(c, tok.i) for c, tok in headline}
    persons: dict[str, list[tuple[str, set[str]]]] = {}
    for c, (doc, _) in enumerate(chunks):
        for tok in doc:
            key = index.by_token.get((c, tok.i))
            if (c, tok.i) not in in_headline and tok.pos_ == "NOUN" and key is not None and \
                    index.type_of(key) == "Person" and not _is_plural(tok) and not _title_modifier(c, tok, key, index):
                persons.setdefault(tok.lemma_.lower(), []).append((key, _modifier_lemmas(tok)))
    found: dict[str, str] = {}
    for c, tok in headline:
        key = index.by_token.get((c, tok.i))
        if key is None or index.type_of(key) != "Thing" or tok.pos_ not in {"NOUN", "PROPN"} or _is_plural(tok) or \
                state.salience.plural.get(key, False):
            continue
        if tok.dep_ in {"dobj", "oprd"} and tok.head.lemma_.lower() in _OFFICE_VERBS:
            continue  # "nominates new surgeon general": maybe the office, not its holder
        lemma = tok.lemma_.lower()
        mods = _modifier_lemmas(tok)
        # a noun of no role ("man") must share a modifier too ("sexiest man"): many persons are men
        named = {k for k, known in persons.get(lemma, ()) if lemma not in PERSON_NOUNS or mods & known}
        if len(named) == 1:
            found.setdefault(key, next(iter(named)))
    return found


def _title_modifier(c: int, tok: Token, key: str, index: EntityIndex) -> bool:
    """Is ``tok`` a noun modifying the head of a title of the same person ("*prison* spokesman Al Ruiz")?

    Such a noun says what the person's role is about (a prison, a team), not what the person is:
    the headline's "dies in prison" is the prison, not its spokesman.
    """
    return tok.dep_ in {"compound", "nmod"} and tok.head.i > tok.i and index.by_token.get((c, tok.head.i)) == key


def _modifier_lemmas(tok: Token) -> set[str]:
    """The lower-case lemmas of the adjectives and nouns that modify ``tok`` ("defensive tackle" -> defensive)."""
    return {ch.lemma_.lower() for ch in tok.children if ch.dep_ in {"amod", "compound"} and ch.i < tok.i}


def _only_harmed(state: _State, key: str) -> bool:
    """Does the text say ``key`` was harmed, and never that they harmed, were arrested or fled?"""
    return key in state.harmed and key not in state.harming and key not in state.accused


def _merge_entity(index: EntityIndex, old: str, new: str) -> None:
    """Every mention, token and counted number of entity ``old`` goes to ``new``; ``old`` is dropped."""
    index.mentions[:] = [replace(m, entity=new) if m.entity == old else m for m in index.mentions]
    for table in (index.by_token, index.referents):
        for place, key in table.items():
            if key == old:
                table[place] = new
    if old in index.gender:
        index.gender.setdefault(new, index.gender.pop(old))
    index.entities.pop(old, None)


# -- relative and first-person pronouns --------------------------------------------------------------
def _relative_antecedent(tok: Token) -> Token | None:
    """The noun a relative pronoun stands for: "the man *who* ...", "the office *where* ...", "*whose*"."""
    clause = tok.head
    if tok.dep_ in {"poss", "pobj"}:  # "whose film", "in which"
        clause = clause.head
    for _ in range(2):  # "a flaw which the company said had been used": a clause the relative one reports
        if clause.dep_ not in {"ccomp", "xcomp"} or clause.head.i > clause.i or clause.head.i < tok.i:
            break
        clause = clause.head
    if clause.dep_ != "relcl" and not _subjectless_that(tok, clause) or tok.i > clause.i:
        return None
    antecedent = clause.head
    if antecedent.pos_ not in {"NOUN", "PROPN", "PRON"} or antecedent.i > tok.i:
        return None
    return antecedent


def _subjectless_that(tok: Token, clause: Token) -> bool:
    """A "that" the parser read as a conjunction on a finite clause with no subject: the clause's relative
    subject ("a flaw that could allow attacks"); "the fact that it could fail" has a subject of its own."""
    return tok.lower_ == "that" and tok.dep_ == "mark" and clause.dep_ == "acl" and \
        clause.head.pos_ in {"NOUN", "PROPN"} and \
        (clause.tag_ in {"VBD", "VBZ", "VBP"} or any(ch.dep_ == "aux" and ch.tag_ == "MD" for ch in clause.children)) \
        and not any(ch.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for ch in clause.children)


def _where_venue(tok: Token, antecedent: Token) -> Token:
    """The place a non-restrictive "where" stands for when the parser hung it on the town of a venue: "the Ardon
    Clinic in Dallow, where she will be treated" and "a vigil in the Elm neighborhood in Dallow, Ostland, where
    the boy was shot" are about the clinic and the neighbourhood.

    Why: a town named after a venue ("X in Dallow", "X in Dallow, Ostland") only says where the venue is; the
    clause after the comma goes on about the venue, where the event was. The parser attaches the clause to the
    nearest noun, the town or the state in apposition to it. Only a named town (a proper noun) after a comma
    is climbed: "the house where he was born" keeps its own antecedent.
    """
    if tok.lower_ != "where" or tok.i == 0 or tok.doc[tok.i - 1].text != ",":
        return antecedent
    for _ in range(6):
        if antecedent.pos_ != "PROPN":
            break
        if antecedent.dep_ == "appos" and antecedent.head.pos_ == "PROPN":
            antecedent = antecedent.head  # "Dallow, Ostland, where": the town, not its state
            continue
        prep = antecedent.head
        if antecedent.dep_ != "pobj" or prep.lower_ not in {"in", "at", "near", "outside"} or \
                prep.head.pos_ not in {"NOUN", "PROPN"} or prep.head.i > antecedent.i:
            break
        antecedent = prep.head  # "the Ardon Clinic in Dallow": the clinic
    return antecedent


def _resolve_relative(state: _State, c: int, doc: Doc, offset: int, tok: Token) -> None:
    antecedent = _relative_antecedent(tok)
    if antecedent is None:
        return
    antecedent = _where_venue(tok, antecedent)
    key = state.index.by_token.get((c, antecedent.i)) or state.token_key.get((c, antecedent.i))
    if key is not None:
        state.index.mention(key, c, doc[tok.i : tok.i + 1], offset, "pronoun")


def _resolve_first_person(state: _State, c: int, doc: Doc, offset: int, sent: Span, tokens: list[Token]) -> None:
    """ "I", "me", "we" inside a quotation are its speaker ("'I am sorry,' the actor said").

    The speaker is the one :mod:`kg.extract.attribution` gives the quotation (it follows
    quotes across sentences, "'P,' she said. 'Q.'"); without attribution, the subject of a
    reporting verb of the same sentence. "I" takes a person, "we" an organisation or a
    group (a person's "we" is a group that includes them, not the person). First-person
    words outside quotation marks are the writer's and are left alone.
    """
    index = state.index
    quoted = state.quoted.get(c)
    if quoted is None:
        quoted = state.quoted[c] = state.quotes.inside(c)
    fallback = None
    for tok in sent:
        if tok.dep_ == "nsubj" and tok.head.lemma_ in _REPORTING and tok.head.pos_ in {"VERB", "AUX"} \
                and tok.lower_ not in _FIRST_PERSON:
            fallback = index.by_token.get((c, tok.i)) or state.token_key.get((c, tok.i))
            if fallback is not None:
                break
    for tok in tokens:
        if tok.i not in quoted:
            if tok.lower_ in _FIRST_SINGULAR:  # the writer's, unless a quotation across chunks holds it
                start = offset + tok.idx
                state.writer.append(EntityMention("", start, start + len(tok.text), tok.text, "pronoun"))
            continue
        speaker = _quote_speaker(state, c, tok) if state.attribution is not None else fallback
        if speaker is None:
            speaker = _speaker_after(state, c, sent)
        if speaker is None:
            continue
        etype = index.type_of(speaker)
        if tok.lower_ in _FIRST_SINGULAR:
            fits = etype == "Person" or (speaker in state.people and not state.salience.plural.get(speaker, False))
        else:
            fits = etype in {"Organization", "NewsOrganization", "Group"}
        if fits:
            index.mention(speaker, c, doc[tok.i : tok.i + 1], offset, "pronoun")


def _quotations_balanced(chunks: list[tuple[Doc, int]]) -> bool:
    """Do the double quotation marks of the document pair up?

    A quotation in double quotes may run over several paragraphs with no closing mark until
    its end; where the marks do not pair up (an odd number of straight ones, more opening than
    closing curly ones) a first-person word outside the marks found may still be a quoted
    speaker's, not the writer's. Single quotes are read per quotation instead (a quotation
    left open ends with its paragraph, see :func:`kg.extract.attribution.find_quotations`): a line opened by one
    holds its own "I", and leaves the writer's "I" of the other lines alone.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _quotations_balanced([(nlp('He said "no." I agree.'), 0)]), _quotations_balanced([(nlp('"No.\\nI partied.'), 0)])
    (True, False)
    >>> _quotations_balanced([(nlp("'No,' he said.\\nI partied."), 0)])
    True
    """
    text = "\n".join(doc_text(doc) for doc, _ in chunks)
    return not (text.count('"') % 2 or text.count("“") != text.count("”"))


def _writer_mentions(state: _State, quoted: Sequence[tuple[int, int]] = ()) -> None:
    """ "I" and "me" outside any quotation are the writer's: one person of the document (a ``Thing`` of its own).

    A blog post or a column speaks in the first person ("I confirmed yesterday that ...", "he
    wouldn't comment to me"); all those words name one person, its author, whom the text does
    not name. They are mentions only: the writer states the claims already (the publisher).
    """
    own = [m for m in state.writer if not any(start <= m.start < end for start, end in quoted)]
    if not own:
        return
    key = "writer"
    state.index.add(key, "I", "Thing")
    state.index.mentions.extend(replace(m, entity=key) for m in own)


def _verb_class(lemma: str) -> frozenset[str]:
    return next((group for group in _VERB_CLASSES if lemma in group), frozenset({lemma}))


def _count_frame(tok: Token) -> tuple[str, str] | None:
    """``(verb lemma, role)`` of a phrase that is the subject or object of a verb ("killed a woman"), else None."""
    role = _COUNT_ROLES.get(tok.dep_)
    head = tok.head
    if role is None or head.pos_ not in {"VERB", "AUX"}:
        return None
    if tok.dep_ == "nsubj" and not any(ch.dep_ == "dobj" for ch in head.children):
        # "1 dead", "two died": what was counted; so is the subject of a participle without an auxiliary, a
        # headline's passive ("Three killed in bank fire", "Two men shot")
        headline_passive = head.tag_ == "VBN" and not any(ch.dep_ in {"aux", "auxpass"} for ch in head.children)
        role = "patient" if head.lemma_ in {"die"} or headline_passive else role
    verb = head.lemma_.lower()
    if verb == "take" and _into_custody(head):
        verb = "take into custody"  # an arrest; "took 23 from the vault" is not
    return verb, role


def _into_custody(verb: Token) -> bool:
    """Does ``verb`` take a preposition whose object is "custody" ("took 23 into custody")?

    >>> import spacy
    >>> doc = spacy.blank("en")("took 23 into custody")
    >>> doc[2].head, doc[3].head = doc[0], doc[2]
    >>> doc[2].dep_, doc[3].dep_ = "prep", "pobj"
    >>> _into_custody(doc[0])
    True
    """
    return any(ch.dep_ == "prep" and any(g.dep_ == "pobj" and g.lower_ == "custody" for g in ch.children)
               for ch in verb.children)


def _phrase_count(root: Token) -> float | None:
    """How many a noun phrase counts: its number ("two men" 2), or 1 for a singular with "a"/"one" ("a woman")."""
    for ch in root.children:
        if ch.dep_ == "nummod":
            return parse_number(ch.text)
    if root.tag_ in {"NN", "NNP"} and any(ch.dep_ == "det" and ch.lower_ in {"a", "an", "one"} for ch in root.children):
        return 1.0
    return None


def _note_counted(state: _State, root: Token, key: str, count: float | None) -> None:
    """Note a counted phrase by what befell it, for :func:`_count_mentions`: the verb it is subject or object
    of ("killed a woman"), and a harm its participle says ("the two wounded men", "three injured workers")."""
    if count is None:
        return
    frame = _count_frame(root)
    if frame is not None:
        state.counted_args.append((*frame, count, key, state.salience.sentence))
    harm = _harm_participle(root)
    if harm is not None:
        state.counted_args.append((harm, "patient", count, key, state.salience.sentence))


def _harm_participle(root: Token) -> str | None:
    """The verb of harm or arrest a counted phrase's own modifier says befell it, else None.

    "The families of the two wounded men": a past participle before the noun ("wounded", "injured",
    "arrested", :data:`_HARM_WORDS`) says what befell those counted, as "2 hurt" does in a headline, so the
    headline's count is the phrase's group.

    >>> import spacy
    >>> doc = spacy.blank("en")("the two wounded men")
    >>> for i, (head, dep) in enumerate([(3, "det"), (3, "nummod"), (3, "amod"), (3, "ROOT")]):
    ...     doc[i].head, doc[i].dep_ = doc[head], dep
    >>> _harm_participle(doc[3])
    'wound'
    """
    for ch in root.children:
        if ch.dep_ == "amod" and ch.i < root.i and ch.lower_ in _HARM_WORDS:
            return _HARM_WORDS[ch.lower_]
    return None


def _dated_count(tok: Token) -> bool:
    """A bare number of up to three digits the tagger read as a date, the subject or object of a verb of harm or
    arrest ("killing 10 people and injuring 80"): no date is killed or wounded, so it counts those harmed.
    It only becomes a mention (:func:`_note_bare_count`); what claims read of it is left as it was."""
    return tok.ent_type_ in {"DATE", "TIME"} and tok.text.isdigit() and len(tok.text) <= 3 and \
        tok.dep_ in _COUNT_ROLES and tok.head.lemma_.lower() in _CLASSED_VERBS


def _harm_count(tok: Token) -> bool:
    """A bare count right before a word saying what befell those counted, headline style ("1 dead, 2 hurt",
    "Three killed in bank fire", "Ten dead in quake"): in digits or one word spelling a number."""
    doc = tok.doc
    return tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in _HARM_WORDS and tok.ent_type_ not in _TIME_LABELS and \
        (tok.text.isdigit() or (tok.is_alpha and tok.like_num and parse_number(tok.text) is not None)) and \
        (tok.i == 0 or not doc[tok.i - 1].like_num) and \
        not (tok.head.i > tok.i + 1 and tok.head.pos_ in {"NOUN", "PROPN"})  # "2 wounded men": the men's number


def _count_after_harm_noun(tok: Token) -> str | None:
    """The verb of a headline's bare count the tagger hung as a number on the harm verb read as a plural noun
    ("Gunman kills 1, wounds 2": "wounds" a noun, "2" its number), else None.

    An English count stands before its noun; one right after a plural noun that is a verb of harm or arrest
    (:data:`_CLASSED_VERBS`, by its lemma) is that verb's object, as "kills 1" is.
    """
    head = tok.head
    if tok.dep_ != "nummod" or head.i != tok.i - 1 or head.tag_ != "NNS" or tok.ent_type_ in _TIME_LABELS:
        return None
    verb = head.lemma_.lower()
    return verb if verb in _CLASSED_VERBS and parse_number(tok.text) is not None else None


def _note_bare_count(state: _State, c: int, doc: Doc, offset: int, tok: Token,
                     frame: tuple[str, str] | None = None) -> None:
    """Record a bare number that stands for what it counts ("shooting kills 1, injures 2") for :func:`_count_mentions`."""
    frame = frame or _count_frame(tok)
    value = parse_number(tok.text)
    if frame is None or value is None or _is_age(tok) or _partitive_of(tok) is not None:
        return  # "600 of the soldiers", "of these, 600 died": a part, counted by _resolve_number
    start = offset + tok.idx
    mention = EntityMention("", start, start + len(tok.text), tok.text, "nominal")
    state.bare_counts.append((*frame, value, mention, state.salience.sentence))


def _count_key(value: float, verb: str) -> str:
    """The entity key of a bare count of the harmed or the arrested that counts no phrase: its number and the
    class of its verb, so one report's "50 hurt" and "injuring 50" (or "Ten dead" and "killed 10") are one
    group, while another count, or the same count of another harm ("10 dead", "10 hurt"), is another.

    >>> _count_key(50.0, "hurt") == _count_key(50.0, "injure"), _count_key(10.0, "die") == _count_key(10.0, "kill")
    (True, True)
    >>> _count_key(50.0, "hurt") == _count_key(50.0, "kill"), _count_key(50.0, "hurt") == _count_key(5.0, "wound")
    (False, False)
    """
    name = min(_verb_class(verb))
    return f"{value:g} ({name})"


def _count_mentions(state: _State) -> None:
    """Bare numbers that stand for people or things of the story become mentions (in place).

    A report counts the victims or the arrested as a bare number ("Gunman kills 1, wounds 2",
    "took 23 into custody") and names them as a counted phrase elsewhere ("killed a woman and
    wounded two men"): the number is a mention of the phrase's entity when the phrase is
    subject or object of the same verb (or one used for it: wound, injure, hurt), in the same
    role, with the same count, the nearest such phrase winning. A number that matches no phrase
    is a common-noun entity of its own only as the count of the harmed or the arrested: "hired
    40" or "won 3" may count anything (workers, games), so it stands for nothing by itself.
    """
    index = state.index
    for verb, role, value, mention, when in state.bare_counts:
        group = _verb_class(verb)
        fits = [(abs(sentence - when), key) for v, r, n, key, sentence in state.counted_args
                if v in group and r == role and n == value and key in index.entities]
        if fits:
            key = min(fits)[1]
        elif verb not in _CLASSED_VERBS:
            continue
        else:
            key = _count_key(value, verb)  # "50 hurt" ... "injuring 50": one group
            index.add(key, mention.text, "Thing", alias=mention.text)
        index.mentions.append(replace(mention, entity=key))


def _speaker_after(state: _State, c: int, sent: Span) -> str | None:
    """The speaker of a quotation that ends its sentence, named in the next: '"P!" Quill tweeted.'"""
    doc = sent.doc
    closing = {'"', "”", "''"}
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is None or sent.end >= len(doc) or (last.text not in closing and doc[sent.end].text not in closing):
        return None  # the quotation closes this sentence, or opens the next one ('P!' / '" X tweeted')
    after = sentence_span(doc[sent.end])
    verb = after.root
    if verb.lemma_ not in REPORTING_VERBS or any(ch.dep_ in {"ccomp", "dobj", "xcomp"} for ch in verb.children):
        return None  # the next sentence reports something of its own
    subj = next((ch for ch in verb.children if ch.dep_ == "nsubj"), None)
    if subj is None:
        return None
    return state.index.by_token.get((c, subj.i)) or state.token_key.get((c, subj.i))


def _quote_speaker(state: _State, c: int, tok: Token) -> str | None:
    """The entity of the speaker attribution gives the content that holds ``tok``."""
    source = state.attribution.source_of(c, tok.i) if state.attribution is not None else None
    if source is None or source.speaker is None:
        return None
    root = source.speaker.root
    if source.chunk == c and root.i == tok.i:
        return None
    return state.index.by_token.get((source.chunk, root.i)) or state.token_key.get((source.chunk, root.i))


# -- times --------------------------------------------------------------------------------------------
def time_key(text: str, value: str | None) -> str:
    """The entity key of a time expression: its normalised value, else its words in lower case.

    A time of day on a named day is keyed by the day: "Saturday morning" is part of the
    Saturday an article talks about.

    >>> time_key("Friday", "2008-12-05"), time_key("early Sunday", None), time_key("last year", None)
    ('2008-12-05', 'sunday', 'last year')
    """
    if value:
        return value
    words = [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in {"the", "a", "an"}]
    named = [w for w in words if w in WEEKDAYS or w in MONTHS or w.isdigit()]
    if named:  # "early Sunday", "Saturday morning": the day they fall on
        return " ".join(named)
    return " ".join(words)


def _age_of(tok: Token) -> int | None:
    """The age in a phrase headed by ``tok`` ("a 59-year-old woman" -> 59), if any."""
    found = _AGE_NUMBER.search(token_text_span(tok.left_edge, tok))
    return int(found.group(1)) if found else None


def _is_age(tok: Token) -> bool:
    """ "33-year-old", "33 years old": an age, which describes a person, not a time."""
    return _AGE.search(token_text_span(tok.left_edge, tok)) is not None


def _time_mentions(index: EntityIndex, c: int, doc: Doc, offset: int, issued: str | None) -> None:
    """A mention of a time entity for every date or time expression ("Friday", "last year", "2009")."""
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ not in _TIME_LABELS or _AGE.search(ent.text) or _BARE_NUMBER.match(ent.text):
            continue  # "33-year-old", "Daniel Okafor, 61,": ages, not times
        if spans and spans[-1][1] == ent.start:  # "Saturday" + "morning": one expression
            spans[-1] = (spans[-1][0], ent.end)
        else:
            spans.append((ent.start, ent.end))
    spans = sorted(spans + _untagged_deictic_times(doc))
    for start, end in spans:
        while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct):
            start += 1
        while end > start and doc[end - 1].is_punct:
            end -= 1
        if start >= end:
            continue
        span = doc[start:end]
        verb = next((a for a in span.root.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        value = normalise_time(span.text, issued, tense=tense_of(verb) if verb is not None else "past")
        key = time_key(span.text, value)
        if not key:
            continue
        index.add(key, span.text, "Thing", alias=span.text)
        index.mentions.append(EntityMention(key, offset + span.start_char, offset + span.end_char, span.text,
                                            "nominal"))


#: Nouns of a period and the words that point to one from the time of writing ("last night", "this week").
_PERIOD_NOUNS = frozenset({"night", "morning", "afternoon", "evening", "week", "weekend", "month", "year"})
_DEICTIC_WORDS = frozenset({"last", "this", "next"})


def _untagged_deictic_times(doc: Doc) -> list[tuple[int, int]]:
    """Time phrases the recogniser left untagged: "last night", "this morning" said of a verb.

    A period noun with "last", "this" or "next" before it and hung on a verb as a bare adverbial
    (npadvmod, tmod) says when ("attacked by an arsonist last night"); the recogniser tags it
    in short sentences and misses it in long ones.

    >>> import spacy
    >>> doc = spacy.blank("en")("It burned last night")
    >>> for tok, head, dep in zip(doc, (1, 1, 3, 1), ("nsubj", "ROOT", "amod", "npadvmod")):
    ...     tok.head, tok.dep_ = doc[head], dep
    >>> _untagged_deictic_times(doc)
    [(2, 4)]
    """
    out: list[tuple[int, int]] = []
    for tok in doc:
        if tok.lower_ not in _PERIOD_NOUNS or tok.dep_ not in {"npadvmod", "tmod"} or tok.ent_type_ or \
                tok.i == 0 or doc[tok.i - 1].lower_ not in _DEICTIC_WORDS or doc[tok.i - 1].head.i != tok.i or \
                doc[tok.i - 1].ent_type_:
            continue
        out.append((tok.i - 1, tok.i + 1))
    return out


# -- common-noun phrases ------------------------------------------------------------------------------
def _alias_as_written(extended: Span, label: str) -> str | None:
    """The alias a description's entity keeps of ``extended`` (its cleaned ``label``): the phrase as written, or,
    when that is longer than an alias may be, its words up to the head noun ("mud-brick villages" of "mud-brick
    villages on the Persian Gulf island of Qeshm off Iran's southern coast").

    Why: the entity's preferred label has the head's lemma ("mud brick village"); only an alias shows how the
    head was written, and resolve reads the number of a common noun from it (``_written_number`` in
    :mod:`kg.resolve.entities`: one of a group is not the group). Without one, a long plural phrase reads as
    singular.
    """
    if len(label.split()) <= _MAX_ALIAS_WORDS:
        return label
    root = extended.root
    if not extended.start <= root.i < extended.end:
        return None
    short = clean_name(extended.doc[extended.start : root.i + 1].text)
    return short if short and len(short.split()) <= _MAX_ALIAS_WORDS else None


def _extended(span: Span) -> Span:
    """A base noun phrase with the prepositional phrases that modify its head ("the coach of the team")."""
    root = span.root
    end = span.end
    for child in root.rights:
        if child.i < span.end:
            continue
        if child.dep_ != "prep" or child.i != end:
            break
        end = child.right_edge.i + 1
    while end > span.start + 1 and span.doc[end - 1].is_punct:
        end -= 1
    start = span.start
    while start < root.i and span.doc[start].dep_ in {"det", "predet", "punct"} and \
            span.doc[start].lower_ not in {"this", "that", "these", "those"}:
        start += 1
    return span.doc[start:end]


def _identifying(span: Span) -> Span:
    """The part of an extended noun phrase that says which thing it is: up to its first non-"of" phrase.

    An "of" phrase tells the thing apart ("the host of the ceremony", "the coach of the
    team"); a phrase of place, time or topic says where or when it was, which another
    mention of the same thing need not repeat ("pirates in the Gulf", "the woman at the
    store"), and the parser often hangs a verb's phrase there ("approached by the
    administration about the post").
    """
    root = span.root
    for child in root.rights:
        if child.dep_ == "prep" and child.lower_ != "of" and span.start <= child.i < span.end:
            return span.doc[span.start : child.i]
    return span


def _modifiers(span: Span) -> frozenset[str]:
    """The words that restrict the head of a base noun phrase ("the two small boats" -> two, small)."""
    root = span.root
    return frozenset(t.lower_ for t in span if t.i != root.i and t.i < root.i and t.dep_ in _MODIFIER_DEPS
                     and not t.is_punct)


def _nominal_antecedent(state: _State, span: Span) -> str | None:
    """An earlier common-noun entity a definite phrase refers back to: same head, compatible modifiers.

    "two boats" ... "the larger boat" join (no modifier clashes); "the smaller boat" after that
    does not ("larger" and "smaller" each lack the other).
    """
    root = span.root
    det = span[0].lower_
    if det in {"a", "an"} and not _is_plural(root):
        # a headline's bare noun ("Climber dies in fall") is introduced by the lede ("A 36-year-old climber")
        found = [k for k in state.heads.get((root.lemma_.lower(), False), ()) if k in state.headline_people]
        if found:
            state.headline_people.discard(found[-1])
            return found[-1]
    if det in _INDEFINITE or any(ch.dep_ == "det" and ch.lower_ in _INDEFINITE for ch in root.children):
        return None
    mods = _modifiers(span)
    lemma, plural = root.lemma_.lower(), _is_plural(root)
    for key in reversed(state.heads.get((lemma, plural), ())):
        known = state.modifiers.get(key, frozenset())
        if mods <= known or known <= mods:
            return key
    if (det not in _DEFINITE and span[0].i != root.i) or not any(lemma in group for group in NEAR_SYNONYMS):
        return None
    # "pirates seized a tanker ... the brigands": a near-synonym of a recent description of the same number
    sal = state.salience

    def synonym(k: str) -> bool:
        return k in state.things and sal.plural.get(k, False) == plural and \
            any(near_synonyms(lemma, head) for head in state.thing_heads.get(k, ()))

    return sal.best(synonym)


def _partitive_of(tok: Token) -> Token | None:
    """The "of" that makes a bare number a part of a whole: its own ("600 of the soldiers") or one fronted on
    its verb ("Of these, 600 have died"), else None.

    >>> import spacy
    >>> doc = spacy.blank("en")("Of these , 600 died")
    >>> for i, (head, dep) in enumerate([(4, "prep"), (0, "pobj"), (4, "punct"), (4, "nsubj"), (4, "ROOT")]):
    ...     doc[i].head, doc[i].dep_ = doc[head], dep
    >>> _partitive_of(doc[3]).i
    0
    """
    own = next((ch for ch in tok.children if ch.dep_ == "prep" and ch.lower_ == "of"), None)
    if own is not None or tok.head.i == tok.i:
        return own
    return next((ch for ch in tok.head.children if ch.dep_ == "prep" and ch.lower_ == "of" and ch.i < tok.i), None)


def _resolve_number(state: _State, c: int, tok: Token) -> None:
    """What a bare number counts: the object of "of" ("600 of the soldiers"), else the nearest plural thing."""
    index, sal = state.index, state.salience
    if any(ch.dep_ in {"nummod", "compound"} and ch.pos_ == "NOUN" for ch in tok.children):
        return
    key = None
    of = _partitive_of(tok)
    pobj = next((ch for ch in of.children if ch.dep_ == "pobj"), None) if of is not None else None
    if pobj is not None:
        key = index.by_token.get((c, pobj.i))
        if key is None and pobj.pos_ in {"NOUN", "PROPN"}:
            key = phrase_key(tok.doc[pobj.left_edge.i : pobj.i + 1])
            state.things.setdefault(key, clean_name(pobj.text))
    if key is None and tok.head.dep_ == "conj":
        sibling = next((ch for ch in tok.head.head.children if ch.dep_ in {"nsubj", "nsubjpass", "dobj"}
                        and ch.pos_ == "NUM"), None)
        if sibling is not None:
            key = index.referents.get((c, sibling.i))
    if key is None:
        key = sal.best(lambda k: (index.type_of(k) in {"Thing", "Group"} or k in state.things) and sal.plural.get(k, False))
    if key is None:
        return
    if key in state.things and key not in index.entities:
        index.add(key, key, "Thing", alias=state.things[key])
    index.referents[(c, tok.i)] = key
