"""Cross-document entity resolution: which entity IRIs of different documents name one thing.

Within a document the extractor decides identity (one IRI per thing); across documents
the same thing often gets different IRIs, because each text names it differently ("North
Korea", "the DPRK", "the North"; "Yonhap", "Yonhap News Agency"; "Ju-ae", "Kim Ju-ae").
This module reads every entity from the store, proposes merges by **blocking keys** (an
entity is only ever compared with the entities that share a key with it, so the cost is
linear in the number of entities plus the size of the blocks) and merges with a
union-find that refuses merges that would join two different full names.

Rules, strongest first (each is general language, never keyed to a corpus):

1. the user's alias file (:mod:`kg.resolve.aliases`): forced merges, forbidden merges;
2. same name after normalisation (:func:`kg.resolve.names.normalise`), titles dropped
   from people's names, type words from organisations' names, a well-known alternative
   name of a country (:data:`kg.resolve.names.COMMON_NAMES`); an organisation's or place's name
   with its number in words or digits ("Eighty-Eighters" / "88ers") or its words written closed
   ("Sky Hawks" / "Skyhawks"): :func:`_written_forms`;
3. an acronym ("KCNA") and the one multi-word name whose initials it is (a town's "<town> Police" also by
   "PD" after them: :func:`kg.resolve.names.acronyms`);
4. a shortened person name ("Hong", "Ju-ae") and the one longer person name that starts
   or ends with it; "Kim" with Kim Jong-un, Kim Yo Jong and Kim Ju-ae in the store stays
   apart, as it could be any of them; within a story, one misspelt word ("Duncan Pryce" /
   "Duncan Pryse"), a known short form or short prefix of a given name ("Theo" / "Theodore
   Banks"), middle initials ("Anil K. Sethi"), a full name with extra words at one end
   ("Comedian Nora Quill", "U.S. Surgeon General"), an organisation's name without the kind words after it
   ("Tellport Police" / "Tellport Police Department"), a surname the tagger read as a common noun ("Banks") and a
   one-word name read so ("Ardonia's") join the one person or name they fit; a place named by two place names
   ("Ardon Mount Ellery") joins the one place of its story named by the second;
5. a compass word used as a name ("the North") and the one place named with it in the
   same documents ("North Korea");
6. common nouns (``schema:Thing``: "the soldiers", "the coffins") with the same head noun
   (or heads a report alternates for one referent, :data:`kg.lexicon.NEAR_SYNONYMS`: "the gunman" /
   "the shooter", "police" / "cops", but not "police" / "the detective": one officer is not the force),
   in documents that tell the same story (:func:`story_groups`: groups of documents that
   share enough of their named entities, on average, not only through one pair; for common
   nouns a stricter average, :data:`NOUN_STORY_MEAN_SIMILARITY`, than for names), so "the
   earthquake" of two reports of one earthquake meet, and those of two different
   earthquakes do not; news reports add different details ("the gunman", "the disgruntled
   61-year-old gunman"), so only identifying modifiers keep two apart
   (:func:`distinguishing_modifiers`): a count, "other", a people or a person whose it is, each only against
   its own kind, never a place or another name ("a Tellish bank", "the Ardon bank" and "the Dallow bank" may be
   one bank: :func:`_same_head_clash`); a noun that spells a name ("the Tellish navy", also by its
   service's adjective: "Tellish naval forces", :func:`_service_name`) joins it first, and each noun joins the first group of its head it does not clash with; near-synonym
   heads of things count as one head ("the car" / "the vehicle", :data:`kg.lexicon.THING_SYNONYMS`);
   rules 6 to 8 run first within close stories (:data:`CLOSE_STORY_MEAN_SIMILARITY`: a report and the
   reports most like it), then within the story, so a story that holds two events of one kind (two climbers
   who died on two mountains) gives each event's "the climber" its own climber;
   a leader's name before a noun for the group around a leader names one group ("the Lee team" / "the Lee
   administration": :func:`_leader_groups`);
7. a common noun that spells a name (or a person's full name: "Dr. Helen Ashby" read as a noun
   phrase), or a name with a noun of its kind after it ("a Dallow's Market store", "the Dallow region"), or
   heads exactly one name of its story ("the navy"; a numbered name's nickname, "the Eighters" of the
   "Tellport 88ers": :func:`kg.resolve.names.numeral_nicknames`);
8. a description and the one person or place another article of the story describes so ("the
   climber" / "Robert Hallam, the climber"; "the country's highest peak" / "Ostland's highest peak,
   Mount Ellery"; a place also by a near-synonym, "the mountain"; a person by a synonym of the role, "the doc" /
   "the doctor", "the chief executive officer" / "the CEO", :data:`kg.lexicon.ROLE_SYNONYMS`), or the one most of its articles describe so (:data:`DOMINANT_RATIO`); the description's
   modifiers are weighed against those of its own head noun only, and against other heads by demonyms
   ("a Bellport woman" may be "the Ardon mother"; "a Tellish woman" is not "the Ostlandish mother");
   8b. an organisation noun of one article ("the studio") and the one organisation that article names
   (:func:`_org_descriptions`);
   8c. a facility noun of one article ("rehab", "the clinic") and the one named facility that article names,
   and a facility's names written with other kind words ("X Clinic" / "X Treatment Center"):
   :func:`_facility_descriptions`; 8d. premises nouns of a story that one place names ("the Dallow firm" /
   "the Dallow office"): :func:`_premises_by_place`;
9. the time expressions of one weekday in a story ("Thursday", "Thursday, November 10"), "yesterday"
   and the event day of the articles closest to it, a time of day ("at about 7 p.m.") and the day of
   its article's event (one hour per day: of two hours given for one day, only the one most reports give);
10. a description of a person by an agent noun ("a former employee", "the man") and the one person of its
   story who is the subject of the same claims ("shot Ann Lee", "entered the hall"): :func:`_same_deeds`;
11. a description of a person someone harmed ("killing one person") and the one person of its story that doer
   harmed ("Lee shot Ann Roe"), when the doer harmed no one else: :func:`_same_harm`;
11d. a description of the doer ("the suspect", "the gunman"), one that killed someone ("a woman killed two
   young women"), or a person noun itself held for the deed ("a co-worker has been charged in the slayings"),
   and the one person of its story held for the deed (charged, accused, arrested) or who killed someone:
   :func:`_one_accused`;
11e. descriptions of one story that count their person by the same ordinal ("a third co-worker" / "the third
   employee"), unless one is a doer and the other not or they were harmed in two ways: :func:`_same_ordinal`;
12. a description by a noun of the chosen ("the choice", "the pick") and the one person its texts say it is
   ("Ann Roe has been the team's first choice"): :func:`_said_chosen`;
13. a kind noun ("the vehicle", "the weapon") and the one thing the closest articles of its report call by a
   sub-kind of it ("a prison van", "a revolver"; :data:`kg.lexicon.KIND_NOUNS`): :func:`_join_kinds`.

Never merged: two common nouns with clashing identifying modifiers ("the Marbury man" /
"the Michigan man", "two boats" / "three boats", "the worker" / "the other worker"), two groups of people
written with different exact sizes ("23 pirates" / "26 pirates": :func:`_group_counts`), by rule 6 a noun
written only in the plural and one written in the singular when they are people ("employees" / "a former
employee") or things whose story has an article writing both numbers ("the pipes" / "the burst pipe"), nouns
too general to identify anything ("the same time"), two people whose full names differ
(neither is the start or end of the other, nor a spelling or short-form variant), two
multi-word names of places or organisations that differ, a person with a
place, anything the alias file forbids. A demonym ("North Korean") is linked to its
country with ``cg:demonymOf``, not merged.

>>> recs = [EntityRecord("e:nk", ("North Korea",), frozenset({"Place"}), frozenset({"d1"}), 3),
...         EntityRecord("e:dprk", ("DPRK",), frozenset({"Organization"}), frozenset({"d2"}), 1),
...         EntityRecord("e:sk", ("South Korea",), frozenset({"Place"}), frozenset({"d2"}), 1),
...         EntityRecord("e:nkn", ("North Korean",), frozenset({"Organization"}), frozenset({"d2"}), 1)]
>>> res = resolve_entities(recs)
>>> res.canonical["e:dprk"], res.canonical["e:sk"]
('e:nk', 'e:sk')
>>> res.demonyms
(('e:nkn', 'e:nk'),)
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence, Set as AbstractSet
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any

from kg.lexicon import (ACCUSING_VERBS, AGENT_NOUNS, CHOSEN_NOUNS, GROUP_HEADS, GROUP_SYNONYMS, HARM_VERBS,
                        NAME_KIND_HEADS, NEAR_SYNONYMS, ORDINALS, PERSON_NOUNS, PERSON_ROLES, ROLE_SYNONYMS,
                        KIND_NOUNS, THING_SYNONYMS, agent_noun_form, is_person_noun, sub_kinds,
                        thing_synonyms)
from kg.rdf.namespaces import CG, SCHEMA
from kg.resolve.aliases import AliasRule
from kg.resolve.names import (
    COMMON_NAMES,
    COMPASS_WORDS,
    FUNCTION_WORDS,
    IRREGULAR_DEMONYMS,
    WIDER_DEMONYMS,
    acronyms,
    common_name,
    demonym_stems,
    given_name_variant,
    is_acronym,
    kind_word_tail,
    normalise,
    numeral_forms,
    numeral_nicknames,
    TITLE_WORDS,
    org_core,
    person_core,
    place_stem,
    tokens,
)

__all__ = ["EntityRecord", "EntityResolution", "distinguishing_modifiers", "name_head", "one_edit", "read_entities",
           "resolve_entities", "story_groups", "thing_head", "thing_modifiers"]

#: Two groups of documents join into one story only if two of their documents have named entities that
#: overlap at least this much (cosine of IDF-weighted named-entity sets) ...
STORY_SIMILARITY = 0.1
#: ... and the mean overlap of all their pairs of documents reaches this (see :func:`story_groups`).
STORY_MEAN_SIMILARITY = 0.03
#: The mean overlap the stories within which common nouns join must reach (rules 6 to 9). A name
#: identifies its bearer wherever it is written, so a loose story is enough for names; "the pirates"
#: or "the climber" identify nothing by themselves, and two events of one kind that share their main
#: names (two captures of pirates by one navy, two nominations by one president) must stay two
#: stories for them.
NOUN_STORY_MEAN_SIMILARITY = 0.04
#: The mean overlap of the close stories in which common nouns and descriptions meet first (rules 6 to 8), before they meet in
#: the story of common nouns: a report and the reports most like it tell one event, where the story of common
#: nouns can hold two events of one kind (two climbers who died on two mountains, two coaches fired by two
#: teams) that share their places and organisations. Tighter than that story, looser than the one
#: "yesterday" is read in (:data:`DEICTIC_STORY_MEAN_SIMILARITY`).
CLOSE_STORY_MEAN_SIMILARITY = 0.1
#: In close stories (:data:`CLOSE_STORY_MEAN_SIMILARITY`) the words of a document's common nouns count beside its
#: names, each at this share of a name's IDF weight (:func:`story_groups`): two reports of one event tell of the
#: same things ("the patch", "the flaw", "the attackers"), two events of one kind with the same names do not
#: always; names stay the stronger evidence.
CLOSE_STORY_WORD_WEIGHT = 0.3
#: An article that shares too few names with the others to join any story (a short wire report, a blog post
#: that names other places and groups) joins the story whose articles share, on average, at least this much of
#: its words and names (:func:`_place_lone_documents`).
LONE_STORY_MEAN_SIMILARITY = 0.05
#: Named entities of more documents than this are no blocking keys of story grouping: it bounds the
#: pairs one entity contributes, so grouping stays linear in the number of documents. (Common ones
#: below it weigh little by their IDF; a share limit would drop the one person of a story that fills
#: most of a small collection.)
STORY_MAX_DF = 200

#: A description joins the person most articles of its story describe so when they are this many times as
#: many as those describing any other person so (:func:`_dominant`).
DOMINANT_RATIO = 3
#: An article that dates events only by "yesterday" or "this morning" reports its story's event day: the
#: weekday named in this many times as many of the story's articles as any other (:func:`_deictic_days`).
DEICTIC_RATIO = 1.5
#: The mean overlap the articles in which an event day is sought for "yesterday" must reach (rule 9,
#: :func:`_deictic_days`): much tighter than a story of common nouns. Two events of one kind in one
#: collection (two arrests of one team's players, on a Tuesday and on a Sunday) share the team, the city
#: and the police, so a loose story holds both and neither day leads; the articles closest to a report
#: (by the mean of average linkage, or the one most like it) tell the day of its own event.
DEICTIC_STORY_MEAN_SIMILARITY = 0.2
#: A description joins the one person of its story who is the subject of at least this many of its deeds, and
#: of more than any other person is (rule 10, :func:`_same_deeds`).
MIN_SHARED_DEEDS = 1
_NAMED_CLASSES = frozenset({"Place", "Organization", "NewsMediaOrganization", "Event", "CreativeWork", "Product"})
_ORGANIZATION_CLASSES = frozenset({"Organization", "NewsMediaOrganization"})
_HEAD_STOP = frozenset(
    """of in on at to for from with by about as into over under after before during between against among
    through than that which who whom whose where when while because if and or but""".split()
)
#: Prepositions that also open a noun phrase as a modifier ("off-duty officer", "past events", "outside
#: experts"): a post-modifier starts with one only after the first word ("freeway outside downtown").
_LATE_HEAD_STOP = frozenset("""outside inside near across along behind beyond around within without toward towards
    upon onto off via per since until despite amid beside besides past below above beneath underneath""".split())
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAYS = frozenset(_WEEKDAY_NAMES)
#: Month names in calendar order; their numbers, with the abbreviations, are :data:`_MONTH_NUMBERS`.
_MONTH_NAMES = tuple("january february march april may june july august september october november december".split())
_MONTH_NUMBERS = {m: n for n, m in enumerate(_MONTH_NAMES, 1)}
_MONTH_NUMBERS.update({m[:3]: n for m, n in list(_MONTH_NUMBERS.items())} | {"sept": 9})
_TIME_WORDS = frozenset(_MONTH_NUMBERS) | frozenset("""morning evening night afternoon noon midnight early late
    am pm a m p on at about around this last hours hour o clock""".split())
_COORDINATORS = frozenset({"and", "or"})
_PRONOUN_LIKE = frozenset("""it its they them their he she him her his this that these those who which what one
    ones some any all both each either neither none several many few others such""".split())
#: First-person pronouns: the writer of each article ("I", made by ``kg.extract.coref``) is its own person,
#: so a one-word first-person label has no head another article's noun can share ("Phase I trial" keeps its own).
_FIRST_PERSON = frozenset({"i", "me", "we"})  # ("us" is also the country)
#: A "person name" longer than this, or with one of these words, is a misread phrase
#: ("Mayor To Nominate Helen Ashby", a headline): never the full form of a shortened name.
_MAX_NAME_WORDS = 4
#: The word after a name that marks a father, and the words that mark his son (:func:`resolve_entities`, 4b).
_SENIOR = frozenset({"sr", "senior"})
_JUNIOR = frozenset({("jr",), ("junior",)})
#: Compass points written as capital initials before a place name ("NE Dalesford"): the word each stands for
#: (:func:`_compass_spelled`).
_COMPASS_ABBREVIATIONS = {"ne": "northeast", "nw": "northwest", "se": "southeast", "sw": "southwest"}
_NOT_IN_NAMES = frozenset({"to", "and", "for", "the", "with", "in", "on", "at", "by", "from"})
_ING_ED = re.compile(r"^[a-z]{3,}(?:ing|ed)$")
_ADVERB = re.compile(r"^[a-z]{3,}ly$")
#: Common nouns in "-ly", no adverbs.
_LY_NOUNS = frozenset("family ally assembly supply rally monopoly anomaly italy july belly bully reply".split())
_URL = re.compile(r"^(?:https?://|www\.)", re.I)
#: Labels whose readings (head, modifiers, capitals, weekdays) each label function keeps. The rules ask them of
#: the same labels many times over (the head of one label about 15 times in a resolve of the ECB+ corpus), and a
#: corpus repeats its labels, so the distinct ones grow far slower than the records; the caches are emptied
#: when a resolve ends (:func:`resolve_entities`).
_LABEL_CACHE = 1 << 17
_LABEL_CACHED: list = []  # the functions cached so (emptied by _clear_label_caches)


def _label_cached(function):
    """``function`` (pure, of labels) with a cache of :data:`_LABEL_CACHE` results, emptied after each resolve."""
    cached = lru_cache(maxsize=_LABEL_CACHE)(function)
    _LABEL_CACHED.append(cached)
    return cached

#: Nouns for a shop, a restaurant or a site called by its owner's or chain's name ("a Dallow's Market store").
_SITE_NOUNS = frozenset("""store shop supermarket restaurant cafe diner bar pub hotel motel casino mall outlet
    branch dealership""".split())
#: Nouns for a place called by its name ("the Dallow region"); see ``kg.extract.entities.PLACE_NOUNS``.
_PLACE_KIND_NOUNS = frozenset("""region area province city town village district county island river valley
    peninsula coast""".split())
#: Place nouns that an "of" phrase names the place of, not something in it: "the city of Dale" is Dale, "the
#: island of Dale" is Dale (an appositive "of"). Not "coast", "area", "region", "district", "suburb" or "capital":
#: "the coast of Dale", "a district of Dale" and "the capital of Ostland" are other places than Dale. "Her hometown
#: of Dale" is Dale.
_APPOSITIVE_PLACE_NOUNS = frozenset("""city town village hamlet island province county state municipality borough
    township hometown""".split())
#: Words before a place name that make it another place ("South Dale", "New Dale", "Upper Dale").
_PLACING_WORDS = COMPASS_WORDS | frozenset("""new old upper lower greater little great central northern southern
    eastern western inner outer north-east north-west south-east south-west""".split())
#: Prefixes joined by a hyphen that make a person noun name someone else than the bare noun: "a co-worker" is whom
#: a worker works with, "the ex-wife" no wife now, "the vice-president" not the president, "a step-son" not a son.
#: The head rule (6) keys such a singular description by the whole word (:func:`_head_key`); the plural keeps the
#: bare head, as a report's "her co-workers" are the "workers" of the next report of one workplace.
_RELATIONAL_PREFIXES = frozenset({"co", "ex", "vice", "step"})
#: Words that follow the noun they qualify in titles ("surgeon general", "president elect"): the
#: title's head is both words.
_POSTPOSITIVE = frozenset({"general", "elect", "designate"})
#: The head rule (6) keys a description by its near-synonym class (:data:`kg.lexicon.NEAR_SYNONYMS`): reports of
#: one story alternate "the gunman" / "the shooter" / "the suspect", "pirates" / "brigands", "police" / "cops"
#: for one referent, as a text does (``kg.extract.coref`` links them within a document the same way); crowds and
#: bodies of people by :data:`kg.lexicon.GROUP_SYNONYMS` ("protesters" / "demonstrators", "authorities" /
#: "officials"); things and places by :data:`kg.lexicon.THING_SYNONYMS` ("the car" / "the vehicle"); the words of
#: one role by :data:`kg.lexicon.ROLE_SYNONYMS` ("the Mafia boss" / "the Mafia leader", "the doctor" / "the physician").
#: Words of those classes that one text alternates but two reports need not share keep their own key: within an
#: article "police ... investigators" is one body, across reports "investigators" may be a fire service's or an
#: air-crash board's ("the fire crews and investigators" of a blaze are not the police called to it).
_ARTICLE_ONLY_SYNONYMS = frozenset({"investigator"})
_SYNONYM_KEY = {word: min(group - _ARTICLE_ONLY_SYNONYMS) for group in (*NEAR_SYNONYMS, *THING_SYNONYMS, *GROUP_SYNONYMS,
                *ROLE_SYNONYMS) for word in group if word not in _ARTICLE_ONLY_SYNONYMS}
#: Agent nouns of a deed that the resolver's head rule alone counts in the doer class of
#: :data:`kg.lexicon.NEAR_SYNONYMS` ("gunman", "attacker", "culprit", "robber", "hijacker", "thief"): a report of a
#: break-in to computers calls its doers "hackers", the next one "the attackers" or "the culprits"; the general
#: nouns for wrongdoers ("criminals", "crooks", "miscreants") are what a report calls the doers of its deed when it
#: does not say how they did it ("crooks smashed the window" / "the robbers"). The extractor's
#: within-article links are left as they were (a text that says "the hacker" seldom means its "suspect").
_RESOLVER_DOERS = ("hacker", "crook", "criminal", "miscreant")
_SYNONYM_KEY.update(dict.fromkeys(_RESOLVER_DOERS, _SYNONYM_KEY["attacker"]))
#: The keys of near-synonym classes that hold a collective noun for a body of people beside words for one of its
#: members ("police" / "cop", "detective"): there a description of one person meets no description of the body.
_COLLECTIVE_KEYS = frozenset(_SYNONYM_KEY[min(group)] for group in (*NEAR_SYNONYMS, *GROUP_SYNONYMS)
                             if any(not is_person_noun(w) for w in group) and any(map(is_person_noun, group)))


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """What the store says about one entity IRI, gathered over every document graph."""

    iri: str
    labels: tuple[str, ...]  # preferred labels first, then alternative labels
    types: frozenset[str]  # schema.org class local names ("Person", "Place", "Thing", ...)
    documents: frozenset[str] = frozenset()
    mentions: int = 0
    pref_count: int = 1  # how many of ``labels`` are preferred labels
    publisher: bool = False  # the dct:publisher of some document
    descriptions: frozenset[tuple[str, str]] = frozenset()  # (document, text) of its common-noun mentions
    deeds: frozenset[tuple[str, str]] = frozenset()  # (predicate, object entity) of the claims it is subject of
    #: (document, label) of a calendar day's expressions (its IRI a date, shared by every document giving that
    #: day): what each document wrote ("Tuesday" in one, "today" in another; see :func:`_weekdays_named`)
    written: frozenset[tuple[str, str]] = frozenset()
    #: ``person``, ``place``, ``named`` (organisation, event, work, ...) or ``thing`` (a common noun), from the types
    #: and ``publisher`` (:func:`_kind`); set once, as the rules ask it millions of times in a resolve
    kind: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", _kind(self.types, self.publisher))

    @property
    def prefs(self) -> tuple[str, ...]:
        return self.labels[: self.pref_count]


def _kind(types: frozenset[str], publisher: bool) -> str:
    """:attr:`EntityRecord.kind` of a record with these types.

    >>> _kind(frozenset({"Person", "Thing"}), False), _kind(frozenset({"Place"}), True), _kind(frozenset(), False)
    ('person', 'named', 'thing')
    """
    if "Person" in types:
        return "person"
    if publisher or not types.isdisjoint(_ORGANIZATION_CLASSES):
        return "named"
    if "Place" in types:
        return "place"
    if not types.isdisjoint(_NAMED_CLASSES):
        return "named"
    return "thing"


@dataclass
class EntityResolution:
    """The result: every entity IRI -> the canonical IRI of its cluster, and the links to write."""

    canonical: dict[str, str]
    clusters: dict[str, tuple[str, ...]]  # canonical -> members (sorted, canonical included)
    demonyms: tuple[tuple[str, str], ...] = ()  # (demonym entity, place entity), canonical IRIs
    external: tuple[tuple[str, str], ...] = ()  # (canonical entity, external IRI)
    reasons: dict[str, str] = field(default_factory=dict)  # member -> the rule that merged it

    def same(self, a: str, b: str) -> bool:
        return self.canonical.get(a, a) == self.canonical.get(b, b)


# -- reading the store ---------------------------------------------------------------------
def by_value(query: str, value: str, iri: str) -> str:
    """``query`` (a SELECT of ``?iri`` and ``?value``) as one row per ``?value``, its IRIs joined by spaces.

    Why: most of a read's cost is its terms, each decoded by Oxigraph and made a Python object per row; where
    many IRIs (entities) share one of a few values (a type, a document, a count), a row per value decodes each
    value once and gives the IRIs as one string (an IRI holds no space; a blank node or literal in ``?iri``
    is left out, as it could not be split back: resolve's records are of IRIs). Read with :func:`grouped_rows`.

    >>> by_value("SELECT ?e ?t WHERE { ?e a ?t }", "t", "e")  # doctest: +NORMALIZE_WHITESPACE
    "SELECT ?t (GROUP_CONCAT(STR(?e); separator=' ') AS ?e_all)
     WHERE { { SELECT ?e ?t WHERE { ?e a ?t } } FILTER(isIRI(?e)) } GROUP BY ?t"
    """
    return (f"SELECT ?{value} (GROUP_CONCAT(STR(?{iri}); separator=' ') AS ?{iri}_all) "
            f"WHERE {{ {{ {query} }} FILTER(isIRI(?{iri})) }} GROUP BY ?{value}")


def grouped_rows(store, query: str, **kwargs) -> Iterator[tuple[Any, list[str]]]:
    """The rows of a :func:`by_value` query: (the value's term, its IRIs).

    >>> from kg.store import Store
    >>> store = Store()
    >>> store.update("INSERT DATA { <http://ex/a> a <http://ex/T> . <http://ex/b> a <http://ex/T> }")
    >>> [(t.value, sorted(iris)) for t, iris in grouped_rows(store, by_value("SELECT ?e ?t WHERE { ?e a ?t }", "t", "e"))]
    [('http://ex/T', ['http://ex/a', 'http://ex/b'])]
    """
    for value, iris in store.rows(query, **kwargs):
        yield value, iris.value.split(" ")


#: How the reads are shaped. Oxigraph joins the patterns of one group by looking each row of
#: one up in the index of the next (a RocksDB seek per row), and turns every term of every
#: answer row back into its string (a RocksDB read per IRI or long literal): both cost
#: microseconds a row, far more than the join itself. So each pattern stands alone in a
#: subquery (``{ SELECT ... WHERE { GRAPH ?g { one pattern } } }``), which Oxigraph joins by
#: hashing the scans, and the answers carry only what the records keep: no graph IRI that is
#: only compared, no row that Python would drop (three to four times fewer seconds than the
#: plain groups on the ECB+ store; the same answers).
_LABELS = """
SELECT DISTINCT ?e ?label ?pref ?g WHERE {
  { SELECT ?e ?g WHERE { GRAPH ?g { ?e a cg:Entity } } }
  { SELECT ?e ?label ?pref ?g WHERE { GRAPH ?g {
    { ?e skos:prefLabel ?label BIND(true AS ?pref) } UNION { ?e skos:altLabel ?label BIND(false AS ?pref) } } } }
  %s }
"""
#: Types other than cg:Entity (every entity has that one, and the records leave it out).
#: Asked for the entities of each batch of graphs not seen before (``%s``: their IRIs), over every graph.
_TYPES = "SELECT DISTINCT ?e ?t WHERE { VALUES ?e { %s } ?e a ?t FILTER(!sameTerm(?t, cg:Entity)) }"
_DOCS = "SELECT DISTINCT ?e ?g WHERE { GRAPH ?g { ?e a cg:Entity } }"
#: A mention's statements sit in its document's graph (its IRI is under the document's: kg.rdf.terms), so the
#: mentions counted graph by graph are counted once.
_MENTIONS = """SELECT ?e (COUNT(DISTINCT ?m) AS ?n) WHERE {
  { SELECT ?m ?g WHERE { GRAPH ?g { ?m a cg:EntityMention } } }
  { SELECT ?m ?e ?g WHERE { GRAPH ?g { ?m oa:hasBody ?e } } } }
GROUP BY ?e"""
_PUBLISHERS = "SELECT DISTINCT ?e WHERE { ?d dct:publisher ?e }"
#: the reads of many entities with one of a few values, a row per value (:func:`by_value`)
_TYPES_BY_CLASS = by_value(_TYPES, "t", "e")
_DOCS_BY_GRAPH = by_value(_DOCS, "g", "e")
_MENTIONS_BY_COUNT = by_value(_MENTIONS, "n", "e")
#: What each entity does to another entity (the claims it is the subject of, with an entity object), as its
#: texts say it: a negated claim ("Lee did not shoot Roe", "Roe is not the choice"; its IRI holds its polarity,
#: so every mention of it is negative) is no deed.
#: One subquery per pattern like the reads above (0.9-1.1 -> 0.4 s of the main thread on the 2M-quad ECB+ store).
_DEEDS = """
SELECT DISTINCT ?c ?s ?p ?o WHERE {
  { SELECT ?c ?g WHERE { GRAPH ?g { ?c a cg:Claim } } }
  { SELECT ?c ?s ?g WHERE { GRAPH ?g { ?c rdf:subject ?s } } }
  { SELECT ?c ?p ?g WHERE { GRAPH ?g { ?c rdf:predicate ?p } } }
  { SELECT ?c ?o ?g WHERE { GRAPH ?g { ?c rdf:object ?o FILTER(isIRI(?o)) } } } }
"""
#: The claims a negative mention states, in any graph: no deeds (read once, few).
_NEGATIVE_CLAIMS = "SELECT DISTINCT ?c WHERE { GRAPH ?h { ?m cg:polarity cg:Negative . ?m oa:hasBody ?c } }"
_PERSON = str(SCHEMA.Person)
#: The entities whose descriptions are read: people ("the climber") and places ("the country's highest peak").
_DESCRIBED_TYPES = frozenset({_PERSON, str(SCHEMA.Place)})
#: The common-noun mentions of people and places. Whether an entity is one is read over every graph
#: (``_TYPES``), so the entities of nominal mentions are read first (:data:`_NOMINAL_BODIES`), and the
#: mentions of those that are people or places (``%s``: their IRIs) are followed to their targets and quotes,
#: by index lookups after the nominal mentions and bodies are hashed together. A mention, its target and
#: selectors sit in one document graph.
_NOMINAL_BODIES = """
SELECT DISTINCT ?e ?g WHERE {
  { SELECT ?m ?g WHERE { GRAPH ?g { ?m cg:mentionKind "nominal" } } }
  { SELECT ?m ?e ?g WHERE { GRAPH ?g { ?m oa:hasBody ?e } } } }
"""
_NOMINAL_BY_GRAPH = by_value(_NOMINAL_BODIES, "g", "e")  # (a row per graph: :func:`by_value`)
_DESCRIPTIONS = """
SELECT DISTINCT ?e ?d ?text WHERE {
  { SELECT ?m ?e ?g WHERE {
    VALUES ?e { %s }
    { SELECT ?m ?g WHERE { GRAPH ?g { ?m cg:mentionKind "nominal" } } }
    { SELECT ?m ?e ?g WHERE { GRAPH ?g { ?m oa:hasBody ?e } } } } }
  GRAPH ?g { ?m a cg:EntityMention ; oa:hasTarget ?t . ?t oa:hasSource ?d ; oa:hasSelector ?s .
             ?s a oa:TextQuoteSelector ; oa:exact ?text }
}
"""
#: Document graphs read together by resolve's reads (entities here, claims in kg.resolve.claims): what a read
#: holds (Oxigraph's hashed scans and decoded rows) is bounded by this many graphs, not by the store.
GRAPHS_PER_READ = 64
#: IRIs one read asks about by ``VALUES`` (entities' types, claim objects' labels), whatever their graphs.
IRIS_PER_READ = 4096


class Strings(dict):
    """One copy of each distinct string: ``strings[text]`` is the first string equal to ``text`` looked up.

    Why: the reads name an entity, document, type or predicate in many rows, and each row's value is a new
    string; a dict lookup (C-level) keeps the first, where ``sys.intern`` would leave its table grown with
    every string of the corpus after resolve.

    >>> strings = Strings()
    >>> a = strings["".join(["e", "x"])]
    >>> strings["ex"] is a, len(strings)
    (True, 1)
    """

    def __missing__(self, text: str) -> str:
        self[text] = text
        return text


def graph_batches(store) -> list[dict]:
    """The store's named graphs, :data:`GRAPHS_PER_READ` at a time, as keyword arguments of
    :meth:`kg.store.Store.rows` (``named_graphs=``): the one way resolve's reads bound what a read holds.

    >>> from kg.store import Store
    >>> store = Store()
    >>> for g in "abc":
    ...     store.update(f"INSERT DATA {{ GRAPH <http://ex/{g}> {{ <http://ex/s> a cg:Entity }} }}")
    >>> [len(b["named_graphs"]) for b in graph_batches(store)]
    [3]
    """
    graphs = store.named_graphs()
    return [{"named_graphs": graphs[i:i + GRAPHS_PER_READ]} for i in range(0, len(graphs), GRAPHS_PER_READ)]


def iri_chunks(iris: Sequence[str]) -> Iterable[str]:
    """``iris`` as ``VALUES`` lists of :data:`IRIS_PER_READ` IRIs written as SPARQL terms.

    >>> list(iri_chunks(["http://ex/a"]))
    ['<http://ex/a>']
    """
    from pyoxigraph import NamedNode

    return (" ".join(str(NamedNode(iri)) for iri in iris[i:i + IRIS_PER_READ])
            for i in range(0, len(iris), IRIS_PER_READ))


def _labels_query(resolution_graph: str | None) -> str:
    """:data:`_LABELS`, leaving out the labels of ``resolution_graph`` (a previous resolution's).

    >>> "<http://ex/r>" in _labels_query("http://ex/r"), "FILTER" in _labels_query(None)
    (True, False)
    """
    if resolution_graph is None:
        return _LABELS % ""
    from pyoxigraph import NamedNode

    return _LABELS % f"FILTER(!sameTerm(?g, {NamedNode(resolution_graph)}))"  # (a checked IRI, written as SPARQL)


def read_entities(store, resolution_graph: str | None = None) -> list[EntityRecord]:
    """Every ``cg:Entity`` of the store's document graphs, with its labels, types, documents and mention count.

    Read :data:`GRAPHS_PER_READ` graphs at a time (the queries' ``GRAPH ?g`` ranging over those
    graphs only): Oxigraph joins a query's scans by hashing them and holds the decoded rows in
    native memory, so one query over the whole store held some 45 MB at 1x ECB+ and ten times
    that at 10x. What is read across graphs (an entity's types, the claims a negative mention
    states) is asked apart. The rows are streamed (:meth:`kg.store.Store.rows`) and each
    distinct string (a document IRI, a type, a label) is kept once, so the records are about
    all this holds.
    """
    prefs: dict[str, set[str]] = defaultdict(set)
    alts: dict[str, set[str]] = defaultdict(set)
    written: dict[str, set[tuple[str, str]]] = defaultdict(set)  # (calendar days only: _weekdays_named)
    types: dict[str, set[str]] = defaultdict(set)
    described: set[str] = set()
    docs: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    descriptions: dict[str, set[tuple[str, str]]] = defaultdict(set)
    deeds: dict[str, set[tuple[str, str]]] = defaultdict(set)
    negative = {c.value for (c,) in store.rows(_NEGATIVE_CLAIMS)}
    # the labels a previous resolution gathered are not evidence: resolving twice is resolving once
    labels_query = _labels_query(resolution_graph)
    # each term's value is taken once a row (``.value`` copies the string out of Oxigraph each time) and each
    # distinct string kept once (an entity, document or type is named by many rows)
    strings = Strings()
    for batch in graph_batches(store):
        new: set[str] = set()
        for g, named in grouped_rows(store, _DOCS_BY_GRAPH, **batch):
            if g.value != resolution_graph:
                g = strings[g.value]
                for e in named:
                    e = strings[e]
                    if e not in docs:
                        new.add(e)
                    docs[e].add(g)
        for found in iri_chunks(sorted(new)):
            for t, typed in grouped_rows(store, _TYPES_BY_CLASS % found):
                t, typed = t.value, [strings[e] for e in typed]
                name = strings[t.rsplit("/", 1)[-1].rsplit("#", 1)[-1]]
                for e in typed:
                    types[e].add(name)
                if t in _DESCRIBED_TYPES:
                    described.update(typed)
        for e, label, pref, g in store.rows(labels_query, **batch):
            e, label = strings[e.value], strings[label.value]
            (prefs if pref.value == "true" else alts)[e].add(label)
            if _CALENDAR_IRI.search(e):
                written[e].add((strings[g.value], label))
        for n, counted in grouped_rows(store, _MENTIONS_BY_COUNT, **batch):
            n = int(n.value)
            for e in counted:
                counts[strings[e]] += n
        nominal = {e for _, named in grouped_rows(store, _NOMINAL_BY_GRAPH, **batch) for e in named}
        people = sorted(e for e in nominal if _described(store, e, docs, described))
        for found in iri_chunks(people):
            for e, d, text in store.rows(_DESCRIPTIONS % found, **batch):
                descriptions[e.value].add((strings[d.value], text.value))
        for c, subject, predicate, obj in store.rows(_DEEDS, **batch):
            subject, obj = subject.value, obj.value
            if subject != obj and c.value not in negative:
                deeds[strings[subject]].add((strings[predicate.value], strings[obj]))
    del strings, described
    # one frozenset per distinct set of types, and of documents: most entities are named in one document
    # (a frozenset of one costs some 200 bytes: made per entity, they were a tenth of the records)
    shared: dict[frozenset[str], frozenset[str]] = {}
    publishers = {e.value for (e,) in store.rows(_PUBLISHERS)}
    records = []
    for iri in sorted(docs):
        p = sorted(prefs.pop(iri, ()))
        a = sorted(alts.pop(iri, set()) - set(p))
        found = frozenset(types.pop(iri, set()) - {"Entity"})
        documents = frozenset(docs.pop(iri))
        records.append(EntityRecord(
            iri, tuple(p + a), shared.setdefault(found, found), shared.setdefault(documents, documents),
            counts.get(iri, 0), len(p), iri in publishers, _frozen(descriptions.pop(iri, ())),
            _frozen(deeds.pop(iri, ())), _frozen(written.pop(iri, ())),
        ))
    return records


def _frozen(items: Iterable) -> frozenset:
    """``frozenset(items)``, the one shared empty frozenset when there are none.

    Why: an empty frozenset is a new object of some 200 bytes each time (Python 3.10 dropped the shared one),
    and most records have no descriptions, deeds or written days: three per record were half the records' memory.

    >>> _frozen([]) is _frozen(set()), _frozen(["a"])
    (True, frozenset({'a'}))
    """
    return frozenset(items) if items else _EMPTY


_EMPTY: frozenset = frozenset()


def _described(store, entity: str, docs: dict[str, set[str]], described: set[str]) -> bool:
    """Whether ``entity`` is a person or place entity, as far as the graphs read so far tell; one the graphs
    read so far do not type as an entity is asked of the whole store (a mention's entity is typed in the
    mention's own graph, so this is not expected to happen)."""
    if entity in docs:
        return entity in described
    from pyoxigraph import NamedNode

    node = NamedNode(entity)
    found = {t.value for (t,) in store.rows(f"SELECT DISTINCT ?t WHERE {{ {node} a ?t }}")}
    return str(CG.Entity) in found and not found.isdisjoint(_DESCRIBED_TYPES)


# -- keys ----------------------------------------------------------------------------------
#: The last word of a town's name that its own article may leave out ("Tellport City" ... "in Tellport").
_TOWN_WORDS = frozenset({"city", "town"})


def _name_forms(rec: EntityRecord) -> AbstractSet[str]:
    """The normalised names an entity is known by, for exact-name blocking.

    Alternative labels that are only a part of the preferred label ("Kim" of "Kim Jong-un",
    "Pyongyang" of "East Pyongyang") are shortenings, ambiguous by nature: they are left to
    the shortened-name rule.
    """
    kind = rec.kind
    if kind == "thing":
        return _NONE
    pref_tokens = [tokens(p) for p in rec.prefs]
    forms = set()
    for n, label in enumerate(rec.labels):
        words = tokens(label)
        if not words:
            continue
        if n >= rec.pref_count and any(_is_part(words, p) for p in pref_tokens if p != words) and not (
                kind == "place" and any(p[:-1] == words and p[-1] in _TOWN_WORDS for p in pref_tokens)):
            continue
        forms.add(" ".join(words))
        common = common_name(label)
        if common:
            forms.add(common)
        if kind == "person":
            for written in {label, _without_nickname(label)}:
                forms.add(person_core(written))
                forms.add(_without_initials(person_core(written)))
        else:
            forms.add(org_core(label))
        if kind != "person" or "Organization" in rec.types:
            forms |= _written_forms(words, label)
        if "Product" in rec.types:
            forms.add(" ".join(_ship_prefix_words(words)))
        if kind != "person":
            forms.add(_without_score(label))
    forms.discard("")
    return forms


_NICKNAME = re.compile(r"(?<=[\w.])\s+(?:\"[^\"]+\"|'[^']+'|“[^”]+”|‘[^’]+’|\([^)]+\))(?=\s+\w)")
_SCORE = re.compile(r"^(.*?\w)\s+\d{1,3}-\d{0,3}$")


def _without_nickname(label: str) -> str:
    """A person's name without the nickname quoted or bracketed inside it ('Vincent "The Chin" Gigante').

    Why: reports give a nickname once and leave it out again: the name without it is the same person's.

    >>> _without_nickname('Tom "The Hammer" Ruck'), _without_nickname("Ann (Annie) Lee"), _without_nickname("Ann Lee")
    ('Tom Ruck', 'Ann Lee', 'Ann Lee')
    """
    return _NICKNAME.sub("", label)


def _without_score(label: str) -> str:
    """The normalised name before a game's score that a tagger read into it ("Tellport 91-73" -> "tellport").

    >>> _without_score("Tellport 91-73"), _without_score("Route 52"), _without_score("Tellport")
    ('tellport', 'route 52', 'tellport')
    """
    found = _SCORE.match(label)
    return normalise(found.group(1) if found else label)


def _proper_thing_forms(records: Sequence[EntityRecord]) -> dict[str, set[str]]:
    """Common-noun records (``thing``) -> the normalised forms of their labels written as a proper name.

    Why: a tagger that misses a name ("Internet Explorer", "Tar Heels") leaves it a noun phrase in each article,
    which the rules for names never meet across articles. A label is written as a name when it is two to
    :data:`_MAX_NAME_WORDS` words, each capitalised and not all in capitals (a headline's shouting), its last
    word no title or role ("District Attorney", "Alaska Gov."), and that last word is never written in lower
    case in any label of the records: a common noun capitalised in a headline ("Brooklyn Neighborhood") is
    lower case in running text somewhere ("the Brooklyn neighborhood").

    >>> recs = [EntityRecord("a", ("web browser", "Web Browser"), frozenset({"Thing"})),
    ...         EntityRecord("b", ("web browser", "its web browser"), frozenset({"Thing"})),
    ...         EntityRecord("c", ("tarn viewer", "Tarn Viewer"), frozenset({"Thing"})),
    ...         EntityRecord("d", ("county attorney", "County Attorney"), frozenset({"Thing"}))]
    >>> _proper_thing_forms(recs)
    {'c': {'tarn viewer'}}
    """
    lower = _lower_case_words(records)
    found: dict[str, set[str]] = {}
    for r in records:
        if r.kind != "thing":
            continue
        for label in r.labels:
            words = label.split()
            if not 2 <= len(words) <= _MAX_NAME_WORDS or not all(w[:1].isupper() and not w.isupper() for w in words):
                continue
            last = normalise(words[-1])
            if not last or last in lower or last in TITLE_WORDS or _role_word(last) or \
                    words[-1].casefold().strip(".,'\"") in lower:
                continue
            found.setdefault(r.iri, set()).add(normalise(label))
    return found


def _lower_case_words(records: Sequence[EntityRecord]) -> set[str]:
    """The words some label of ``records`` writes in lower case, as written (only the labels as the texts wrote
    them: a common noun's preferred label is its lemmatised phrase, lower case whatever the text wrote).

    >>> sorted(_lower_case_words([EntityRecord("a", ("web browser", "its Web browser"), frozenset({"Thing"}))]))
    ['browser', 'its']
    """
    return {w.casefold().strip(".,'\"") for r in records for label in r.labels[r.pref_count:]
            for w in label.split() if w[:1].islower()}


def _short_org_names(records: Sequence[EntityRecord], uf: _UnionFind, groups: dict[str, int],
                     place_names: set[str]) -> None:
    """A one-word name that ends exactly one organisation's name of its story made of a place's name and its
    own ("Harriers" / "Tellport Harriers") joins it, unless the word is a title or role, or also a common noun
    (written in lower case somewhere); neither a list ("Ardon, Dale") nor a place ("Dale" of "Upper Dale").

    Why: a team or a paper named after its town is called by its own name alone ("the Harriers", "the
    Herald"), and a tagger types that short name as it pleases (a person's, in some articles), so the rules for
    one kind of name miss it. It runs after the story groupings are made: they weigh the names as read.
    """
    lower = _lower_case_words(records)
    ends: dict[tuple[int, str], set[str]] = defaultdict(set)
    for r in records:
        if r.kind != "named" or r.publisher or "Place" in r.types and "Organization" not in r.types:
            continue
        for label in r.prefs:
            words = _whole_words(label, r.kind)
            if 2 <= len(words) <= _MAX_NAME_WORDS and not set(words[:-1]) & (_PLACING_WORDS | _NOT_IN_NAMES) \
                    and not set(label) & set(",&:") and _names_place(" ".join(words[:-1]), place_names):
                for d in r.documents:
                    if d in groups:
                        ends[(groups[d], words[-1])].add(r.iri)
    for r in records:
        if r.kind not in {"person", "named"} or r.publisher or "Place" in r.types:
            continue
        for label in r.prefs:
            words = _whole_words(label, r.kind)
            if len(words) != 1 or words[0] in lower or not label[:1].isupper() or words[0] in TITLE_WORDS or \
                    _role_word(words[0]):
                continue
            cands = {iri for d in r.documents if d in groups for iri in ends.get((groups[d], words[0]), ())}
            found = _distinct_clusters(uf, cands, exclude=r.iri)
            if len(found) == 1:
                uf.union(r.iri, found[0], f"short-org-name:{words[0]}")


#: Nouns of a ship's spelled-out prefix: "Indian Naval Ship" is what "INS" stands for.
_SHIP_PREFIX_NOUNS = frozenset({"ship", "vessel"})


def _ship_prefix_words(words: Sequence[str]) -> tuple[str, ...]:
    """A ship's name with its spelled-out prefix written as the prefix's initials ("Tellish Naval Ship Tellar" ->
    "tns tellar"), the way the same ship is mostly named ("TNS Tellar").

    Why: a prefix before a ship's name ("INS", "USS", "HMS") abbreviates the navy's or the owner's words for
    "ship"; reports write it either way, so both names must be one name (and never clash as two names).

    >>> _ship_prefix_words(("tellish", "naval", "ship", "tellar")), _ship_prefix_words(("tns", "tellar"))
    (('tns', 'tellar'), ('tns', 'tellar'))
    >>> _ship_prefix_words(("ship", "tellar")), _ship_prefix_words(("tellish", "naval", "ship"))
    (('ship', 'tellar'), ('tellish', 'naval', 'ship'))
    """
    for i in range(1, len(words) - 1):
        if words[i] in _SHIP_PREFIX_NOUNS:
            return ("".join(w[0] for w in words[: i + 1]),) + tuple(words[i + 1 :])
    return tuple(words)


def _written_forms(words: Sequence[str], label: str, *, alone: bool = True) -> set[str]:
    """The forms of an organisation's or place's name written another way: its numeral in words or digits
    (:func:`kg.resolve.names.numeral_forms`: "88ers" / "Eighty-Eighters", "Formula One" / "Formula 1"), and
    its words written closed ("Sky Hawks" / "Skyhawks").

    Why: news texts spell one team's or body's name these ways; the forms are the name's own, no list of
    names. A person's name is left alone: "Mary Ann" and "Maryann" are often two people.

    >>> sorted(_written_forms(tokens("Tellport Sky Hawks"), "Tellport Sky Hawks"))
    ['tellportskyhawks']
    >>> sorted(_written_forms(tokens("the 88ers"), "the 88ers"))
    ['eightyeighters']
    >>> sorted(_written_forms(tokens("NE Dalesford"), "NE Dalesford"))
    ['nedalesford', 'northeast dalesford']
    """
    forms = numeral_forms(label, alone=alone)
    if len(words) >= 2:
        forms.add("".join(words))
        spelled = _compass_spelled(label, tuple(words))
        if spelled != tuple(words):
            forms.add(" ".join(spelled))
    return forms


def _compass_spelled(label: str, words: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a place's or organisation's name whose first word is a compass point written as capital
    initials ("NE Dalesford") with that point spelled out ("northeast dalesford"); other names unchanged.

    Why: news texts write a city's quarters both ways ("NE Dalesford", "Northeast Dalesford"); as two different
    names of two words they were kept apart by every rule. Only the four two-letter points written in capitals
    and before another word: "Ne" or "SE" alone are other words or names.

    >>> _compass_spelled("NE Dalesford", ("ne", "dalesford")), _compass_spelled("Ne Dalesford", ("ne", "dalesford"))
    (('northeast', 'dalesford'), ('ne', 'dalesford'))
    """
    first = label.split()[0].rstrip(".") if label.split() else ""
    if len(words) >= 2 and words[0] == first.lower() and first.isupper() and first.lower() in _COMPASS_ABBREVIATIONS:
        return (_COMPASS_ABBREVIATIONS[first.lower()], *words[1:])
    return words


def _spelling_variant(x: Sequence[str], y: Sequence[str]) -> bool:
    """Two names of as many words that differ in one word, by one letter, in words of four letters or more."""
    if len(x) != len(y):
        return False
    diff = [(a, b) for a, b in zip(x, y) if a != b]
    return len(diff) == 1 and _misspelt(*diff[0])


def _one_name_spelt(iris: Sequence[str], by_iri: dict[str, EntityRecord]) -> bool:
    """Are the preferred names of the records ``iris`` (two or more) one name misspelt in one word
    (:func:`_spelling_variant`: "Central Election Commission" / "Central Elections Commission")?

    Why: an acronym ("CEC") stands for each of them; the spelling rule (4a) that joins them runs after the
    acronym rule, which would otherwise find two expansions and join neither.
    """
    names = [{tokens(label) for label in by_iri[iri].prefs} for iri in iris]
    return len(names) > 1 and all(any(x == y or _spelling_variant(x, y) for x in names[0] for y in other)
                                  for other in names[1:])


def _misspelt(a: str, b: str) -> bool:
    """Words ``a`` and ``b`` may be one word misspelt: four letters or more, one letter apart, and no digit.

    Why: a letter slips in typing ("Pryce" / "Pryse"); a digit is not a letter of a spelling but a number or a
    time, and two numbers one digit apart are two things ("8.40pm" / "8.49pm", "Flight 370" / "Flight 371").

    >>> _misspelt("pryce", "pryse"), _misspelt("40pm", "49pm"), _misspelt("a380", "a381"), _misspelt("kim", "kin")
    (True, False, False, False)
    """
    return min(len(a), len(b)) >= 4 and not any(c.isdigit() for c in a + b) and one_edit(a, b)


def _given_name_variant(x: Sequence[str], y: Sequence[str]) -> bool:
    """Two person names with one surname whose given names are short and full forms ("mo cheeks" / "maurice cheeks")."""
    x, y = x[-2:], y[-2:]  # (a word before the name is a title or a misread: "Hire Theodore Banks")
    return len(x) == len(y) == 2 and x[1] == y[1] and given_name_variant(x[0], y[0])


def one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by exactly one inserted, deleted or replaced letter.

    >>> one_edit("rait", "raite"), one_edit("aden", "eden"), one_edit("north", "south"), one_edit("kim", "kim")
    (True, True, False, False)
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


def _names_place(words: str, place_names: set[str]) -> bool:
    """``words`` (normalised) name a place of the store or a well-known country ("us")."""
    return words in place_names or common_name(words) is not None


def _called_by_surname(record: EntityRecord) -> bool:
    """One of ``record``'s labels is the last word of one of its names of two words or more, alone.

    Why: an article calls a person by the surname ("Hill said"), so a name read a person's and used so
    is one, even when its words also name places ("Georgia Rose Hill"); a place misread as a person
    ("Ardon Mount Ellery") is not called "Ellery".

    >>> _called_by_surname(EntityRecord("e", ("Georgia Rose Hill", "Hill"), frozenset({"Person"})))
    True
    >>> _called_by_surname(EntityRecord("e", ("Ardon Mount Ellery", "Ardon"), frozenset({"Person"})))
    False
    """
    surnames = {words[-1] for words in (_whole_words(label, "place") for label in record.prefs) if len(words) >= 2}
    return any(_whole_words(label, "place") in {(s,) for s in surnames} for label in record.labels)


#: A score or tally ("20-13"), an amount of money or a decimal measure as the extractor spells them ("$184 million",
#: "5.6"; kg.extract.entities.amount_label).
_BARE_SCORE = re.compile(r"^(\d{1,3}-\d{1,3}|[$£€¥]\d+(\.\d+)?( million| billion)?|\d+\.\d+)$")


def _same_scores(records: Sequence[EntityRecord], uf: _UnionFind, groups: dict[str, int]) -> None:
    """The noun phrases that are only a score or a tally ("20-13"), an amount of money ("$184 million") or a decimal
    measure ("5.6"), written alike in the articles of one story, are one: the score names the result, the amount
    the price or the sum, as a name names its bearer.

    >>> recs = [EntityRecord(i, ("20-13",), frozenset({"Thing"}), frozenset({d})) for i, d in (("a", "x"), ("b", "y"))]
    >>> uf = _UnionFind(recs)
    >>> _same_scores(recs, uf, {"x": 0, "y": 0}); uf.find("a") == uf.find("b")
    True
    >>> recs = [EntityRecord(i, (lab,), frozenset({"Thing"}), frozenset({d}))
    ...         for i, lab, d in (("c", "$184 million", "x"), ("d", "$184 million", "y"), ("e", "$23 million", "y"))]
    >>> uf = _UnionFind(recs)
    >>> _same_scores(recs, uf, {"x": 0, "y": 0}); uf.find("c") == uf.find("d"), uf.find("c") == uf.find("e")
    (True, False)
    """
    by_score: dict[tuple[int, str], list[str]] = defaultdict(list)
    for r in records:
        if r.kind != "thing":
            continue
        found = {label for label in r.labels if _BARE_SCORE.match(label)}
        stories = {groups[d] for d in r.documents if d in groups}
        if len(found) == 1 and len(stories) == 1:
            by_score[(stories.pop(), found.pop())].append(r.iri)
    for key in sorted(by_score):
        for iri in by_score[key][1:]:
            uf.union(by_score[key][0], iri, f"score:{key[1]}", force=True)


def _one_word_names(records: Sequence[EntityRecord]) -> dict[str, set[str]]:
    """One-word names (normalised) -> the organisations, places and works (not people: their surnames are read
    apart) that some label of theirs names by that word alone, when no label of ``records`` writes the word in
    lower case and it is no title, role or compass word.

    Why: a tagger reads a one-word name it does not know as a common noun ("Halvergate", "Duskfall", "Haven" of
    "Haven Treatment Center", "Ardonia's"), lemmatised and typed a thing in that article, so the rules for
    names never meet it; written capitalised, and never in lower case anywhere, the word is the name, and the
    short name an article gave a long one ("Haven Treatment Center ... at Haven") is that one's. A word some
    text writes in lower case ("people", "haven") is a common noun capitalised by a headline or a sentence's
    start, and stays apart.

    >>> recs = [EntityRecord("e:w", ("Halvergate",), frozenset({"Organization"})),
    ...         EntityRecord("e:p", ("People Magazine", "People"), frozenset({"Organization"})),
    ...         EntityRecord("e:n", ("people", "her people"), frozenset({"Thing"}))]
    >>> _one_word_names(recs)
    {'halvergate': {'e:w'}}
    """
    lower = _lower_case_words(records)
    found: dict[str, set[str]] = defaultdict(set)
    for r in records:
        if r.kind in {"thing", "person"} or r.publisher:
            continue
        for label in r.labels:
            words = tokens(label)
            if len(words) == 1 and label[:1].isupper() and words[0] not in lower and words[0] not in TITLE_WORDS \
                    and words[0] not in COMPASS_WORDS and not _role_word(words[0]):
                found[words[0]].add(r.iri)
    return dict(found)


def _by_surname(short: Sequence[str], cands: set[tuple[tuple[str, ...], str]]) -> set[tuple[tuple[str, ...], str]]:
    """The full names of ``cands`` (words, IRI) that ``short``, one word, ends: the surname a person is called by.

    Why: a surname alone ("Lee said") is the person's whose name ends with it; a name that starts with the
    same word ("Lee Avenue", a misread "Lee Hall") is another, so it is no reason to leave the short name alone.

    >>> sorted(_by_surname(("lee",), {(("ann", "lee"), "a"), (("lee", "hall"), "b")}))
    [(('ann', 'lee'), 'a')]
    """
    if len(short) != 1:
        return cands
    return {(words, iri) for words, iri in cands if words[-1] == short[0]}


def _whole_words(label: str, kind: str) -> tuple[str, ...]:
    """The normalised words of a name with hyphenated words kept whole ("Kim Jong-un" -> kim, jongun).

    A hyphenated given name is one name: "Kim Jong" is no part of "Kim Jong-un".
    """
    joined = re.sub(r"(?<=\w)[-‐‑](?=\w)", "", label)
    return tuple((person_core(joined) if kind == "person" else normalise(joined)).split())


def _without_initials(name: str) -> str:
    """A normalised person name without its middle initials ("raj k chohan" -> "raj chohan").

    >>> _without_initials("raj k chohan"), _without_initials("j k rowling"), _without_initials("kim jong un")
    ('raj chohan', 'j k rowling', 'kim jong un')
    """
    words = name.split()
    if len(words) < 3:
        return name
    kept = [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]
    return " ".join(kept) if len(words[0]) > 1 else name


def _share_name(x: Sequence[str], y: Sequence[str]) -> bool:
    """Two person names that are one full name of two words or more with a word added before it in one
    and after it in the other (hyphenated words kept whole): "comedian ellen degeneres" / "ellen degeneres
    returns". Words added on the same side complete the name differently ("kim jong un" / "kim jong il").

    >>> _share_name(("comedian", "ellen", "degeneres"), ("ellen", "degeneres", "returns"))
    True
    >>> _share_name(("kim", "jong", "un"), ("kim", "jong", "il")), _share_name(("kim", "yo", "jong"), ("kim", "jongun"))
    (False, False)
    """
    for n in range(2, min(len(x), len(y))):
        if tuple(x[-n:]) == tuple(y[:n]) or tuple(x[:n]) == tuple(y[-n:]):
            return True
    return False


def _middle_name(x: Sequence[str], y: Sequence[str]) -> bool:
    """One person name is the other with a middle name left out: same given name (or a short form of it) and
    surname, two words in the shorter ("ann lee" / "ann marie lee", "fred lee" / "frederick marie lee").

    >>> _middle_name(("ann", "lee"), ("ann", "marie", "lee")), _middle_name(("ann", "lee"), ("ann", "lee", "jr"))
    (True, False)
    >>> _middle_name(("fred", "lee"), ("frederick", "marie", "lee")), _middle_name(("annmarie", "lee"), ("ann", "marie", "lee"))
    (True, False)

    """
    short, long = sorted((tuple(x), tuple(y)), key=len)
    return len(short) == 2 and len(long) > 2 and short[1] == long[-1] and _given_or_short(short[0], long[0])


def _given_or_short(given: str, full: str) -> bool:
    """``given`` is the given name ``full`` or a short form of it ("fred" / "frederick"), not a longer form
    (the given and middle names written closed: "linamae" of "lina mae orlov" is another name).

    >>> _given_or_short("fred", "frederick"), _given_or_short("ann", "ann"), _given_or_short("linamae", "lina")
    (True, True, False)
    """
    return given == full or (len(given) < len(full) and given_name_variant(given, full))


def _is_part(short: Sequence[str], long: Sequence[str]) -> bool:
    """``short`` is a proper, contiguous part of ``long``."""
    n = len(short)
    return 0 < n < len(long) and any(tuple(long[i : i + n]) == tuple(short) for i in range(len(long) - n + 1))


def _is_edge(short: Sequence[str], long: Sequence[str]) -> bool:
    """``short`` is the start or the end of the longer ``long``."""
    n = len(short)
    return 0 < n < len(long) and (tuple(long[:n]) == tuple(short) or tuple(long[-n:]) == tuple(short))


def _full_names(rec: EntityRecord) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """(kind, words, whole words) of the multi-word names of an entity: two different ones never merge.

    ``whole`` keeps a person's hyphenated given name as one word (:func:`_whole_words`), for the tests of a
    shared or middle name in :func:`_compatible_names`; for other kinds it is ``words``.
    """
    kind = rec.kind
    if kind == "thing":
        return set()
    found = set()
    for label in rec.prefs:
        if kind == "person":
            label = _without_nickname(label)
            words = tuple(_without_initials(person_core(label)).split())
            if len(words) > 2 and words[-1] in _SENIOR:  # the father is the bare name (:data:`_SENIOR`)
                words = words[:-1]
            whole = tuple(_without_initials(" ".join(_whole_words(label, kind))).split())
        else:
            words = _compass_spelled(label, tuple((common_name(label) or org_core(_without_score(label))).split()))
            if "Product" in rec.types:
                words = _ship_prefix_words(words)
            whole = words
        if len(words) >= 2:
            found.add(("person" if kind == "person" else "other", words, whole))
    return found


def _compatible_names(a: AbstractSet, b: AbstractSet) -> bool:
    for kind_a, x, whole_x in a:
        for kind_b, y, whole_y in b:
            if kind_a != kind_b or x == y:
                continue
            if kind_a == "person" and (_is_edge(x, y) or _is_edge(y, x) or _share_name(whole_x, whole_y)
                                       or _middle_name(whole_x, whole_y)):
                continue
            if _spelling_variant(x, y) or (kind_a == "person" and _given_name_variant(x, y)):
                continue
            if kind_a == "other" and _written_alike(x, y):
                continue
            return False
    return True


def _written_alike(x: Sequence[str], y: Sequence[str]) -> bool:
    """Two organisation or place names that are one name written two ways (:func:`_written_forms`: "Trail
    Blazers" / "Trailblazers", "Tellport 88ers" / "Tellport Eighty-Eighters").

    One of the two must be written whole: the name word alone ("88ers") is a form of every name it ends, so two
    names that share only it ("Tellport 88ers" / "Marbury 88ers") are two teams.

    >>> _written_alike(("tellport", "sky", "hawks"), ("tellport", "skyhawks")), _written_alike(("a", "b"), ("a", "c"))
    (True, False)
    >>> _written_alike(("tellport", "88ers"), ("marbury", "88ers")), _written_alike(("seventy", "sixers"), ("ardon", "76ers"))
    (False, True)
    """
    a, b = " ".join(x), " ".join(y)
    whole_a, whole_b = {a} | _written_forms(x, a, alone=False), {b} | _written_forms(y, b, alone=False)
    return bool(whole_a & ({b} | _written_forms(y, b)) or ({a} | _written_forms(x, a)) & whole_b)


def _head_span(words: Sequence[str], proper: frozenset[str] = frozenset()) -> tuple[int, int]:
    """``(start, end)``: the head words ``words[start:end]`` of a common-noun phrase, before its first
    post-modifier; ``(0, 0)`` if there is none. ``proper``: the words the label writes capitalised
    (:func:`_capitalised`), which tell a gerund of a compound after a name (:func:`_compound_gerund`).

    A participle after the head starts a post-modifier ("coffins covered in flag"), but a word in
    "-ing" that ends the phrase or is followed by a preposition is the head itself, a gerund or a noun
    ("drunk driving", "the office building", "Monday morning", "office shooting in Detroit"). A title
    with a postpositive word ("surgeon general", "president elect") has a two-word head: "general"
    alone is another role ("vicar general", "the general").

    >>> _head_span(("drunk", "driving")), _head_span(("soldiers", "killed", "in", "action"))
    ((1, 2), (0, 1))
    >>> _head_span(("next", "surgeon", "general")), _head_span(("of", "state"))
    ((1, 3), (0, 0))
    """
    head = -1
    first = _lead_words(words)
    for i, w in enumerate(words):
        if i < first:
            continue
        if w in _COORDINATORS and 0 < i < len(words) - 1:
            continue  # coordinated modifiers: "reckless and negligent driver", "hit-and-run driver"
        if w in _HEAD_STOP or (i > first and (w in _LATE_HEAD_STOP or (_ING_ED.match(w) and not _gerund(words, i)
                                                                    and not _attributive(words, i)
                                                                    and not _compound_gerund(words, i, proper)))):
            break
        head = i
    if head < 0:
        return (0, 0)
    if words[head] in _POSTPOSITIVE and head > 0 and words[head - 1] not in FUNCTION_WORDS | _COORDINATORS | \
            _PRONOUN_LIKE and not words[head - 1].isdigit():
        return (head - 1, head + 1)
    chief = _chief_title(words, head)
    if chief is not None:
        return (chief, head + 1)
    return (head, head + 1)


def _bound_words(words: Sequence[str]) -> int:
    """How many words open a noun phrase as the bound of its count: 2 for "at least" / "at most", 1 for a
    lone leading "at" (what a key keeps of "at least three people", dropping the count and "least").

    Why: a phrase's first word is never a preposition, so a leading "at" is the bound "at least", whose
    first word the phrase key keeps ("at people"); read as a preposition it left the phrase no head, and
    "at least three people" no way to meet "the people" of another report.

    >>> _bound_words(("at", "people")), _bound_words(("at", "least", "ten", "boats")), _bound_words(("at", "noon"))
    (1, 2, 1)
    >>> _bound_words(("people", "at", "home")), _bound_words(("at",))
    (0, 0)
    """
    if len(words) < 2 or words[0] != "at":
        return 0
    return 2 if words[1] in {"least", "most"} and len(words) > 2 else 1


def _lead_words(words: Sequence[str]) -> int:
    """How many words open a noun phrase before its modifiers and head: a count's bound (:func:`_bound_words`),
    or the "out of" of a compound modifier ("out-of-band patch", "an out-of-town visitor"; keys drop the hyphens).

    Why: read as a phrase, "out of band emergency patch" stopped at its "of" and had the head "out", so it never
    met "the emergency patch" of another report; "out of <noun>" before a noun is one modifier, whose noun
    ("band") stays a modifier of the head. Alone ("out of stock") it modifies nothing and is left as it is.

    >>> _lead_words(("out", "of", "band", "patch")), _lead_words(("out", "of", "stock")), _lead_words(("at", "people"))
    (2, 0, 1)
    """
    if len(words) > 3 and words[0] == "out" and words[1] == "of" and words[2].isalpha() and words[3] not in _HEAD_STOP:
        return 2
    return _bound_words(words)


#: The heads of a company's titles that "chief" and a word of the office before them make one title ("chief
#: executive officer", "chief financial officer", "chief executive").
_CHIEF_HEADS = frozenset({"officer", "executive"})


def _chief_title(words: Sequence[str], head: int) -> int | None:
    """The start of a "chief ... officer" title ending at ``head`` ("chief executive officer", "chief executive"),
    or None.

    Why: the head of "the chief executive officer" is the whole title: "officer" alone is another role (the
    police officers of the story), "executive" alone any manager.

    >>> _chief_title(("the", "chief", "executive", "officer"), 3), _chief_title(("chief", "executive"), 1)
    (1, 0)
    >>> _chief_title(("police", "officer"), 1), _chief_title(("chief", "police", "press", "officer"), 3)
    (None, None)
    """
    if words[head] not in _CHIEF_HEADS:
        return None
    if head >= 1 and words[head - 1] == "chief":
        return head - 1
    if head >= 2 and words[head - 2] == "chief" and words[head - 1].isalpha() and words[head - 1] not in FUNCTION_WORDS:
        return head - 2
    return None


def _name_before_kind_noun(label: str) -> tuple[str, frozenset[str]]:
    """The name before the head noun of a common-noun phrase whose head says what kind of thing the name is,
    with the set of kind nouns the head is from; ``("", ...)`` when there is none.

    A shop or a restaurant is called by its chain's or owner's name with its kind after it ("a Dallow's Market
    store", "the Ellery Mall outlet in Dale"), a place with a place noun ("the Dallow region"). The words
    before the head must be capitalised in the label (they are a name), so "the store" or "a big store" have
    none.

    >>> _name_before_kind_noun("Dallow's Market store in Dale")[0], _name_before_kind_noun("the Dallow region")[0]
    ('dallows market', 'dallow')
    >>> _name_before_kind_noun("a big store"), _name_before_kind_noun("store")
    (('', frozenset()), ('', frozenset()))
    """
    words = tokens(label)
    start, end = _head_span(words)
    if end - start != 1 or start == 0:
        return "", _NONE
    nouns = _SITE_NOUNS if words[start] in _SITE_NOUNS else _PLACE_KIND_NOUNS if words[start] in \
        _PLACE_KIND_NOUNS else None
    raw = [w for w in re.split(r"[\s/]+", label) if w]
    name_words = [w for w in raw if normalise(w)][: start + (raw[0].casefold() in {"the", "a", "an"})]
    name_words = [w for w in name_words if w.casefold() not in {"the", "a", "an"}]
    if nouns is None or not name_words or not all(w[:1].isupper() or w[:1].isdigit() for w in name_words):
        return "", _NONE
    return " ".join(words[:start]), nouns


def _site_of(name: str, rec: EntityRecord, place_names: set[str]) -> bool:
    """Whether a shop noun after ``name`` ("a Dale supermarket", "the Tellmart store") may be the entity ``rec``
    of that name: not when the name is a place's (``rec`` typed a place, or some document types the name so).

    Why: before a shop, restaurant or hotel noun a chain's or owner's name says whose the premises are, and the
    premises are called by it ("the Tellmart store" for Tellmart's shop); a place's name says where they are
    ("a Dale supermarket", "the Ostvale hotel"), and the shop is not the town.

    >>> dale = EntityRecord("e:dale", ("Dale",), frozenset({"Place"}))
    >>> tellmart = EntityRecord("e:tm", ("Tellmart",), frozenset({"Organization"}))
    >>> _site_of("dale", dale, set()), _site_of("tellmart", tellmart, set()), _site_of("dale", tellmart, {"dale"})
    (False, True, False)
    """
    return "Place" not in rec.types and name not in place_names


def _name_after_kind_of(label: str) -> str:
    """The name a place noun's appositive "of" phrase gives the place ("the city of Dale", "the southern island of
    North Ellery": the place is called so); ``""`` when there is none.

    Why: reports name a town or an island by its name in one article and as "the port city of Dale" in another;
    the "of" phrase is the place's own name, so the description is that place, as "the Dallow region" is
    (:func:`_name_before_kind_noun`). Only nouns whose "of" names the place itself (:data:`_APPOSITIVE_PLACE_NOUNS`),
    only when everything after "of" is written with capitals (a name, not "the city of his birth"), and only when
    no preposition or relative word comes before the noun (:data:`_HEAD_STOP`: "houses in the village of Dale"
    are no village).

    >>> _name_after_kind_of("the port city of Dale"), _name_after_kind_of("southern island of North Ellery")
    ('dale', 'north ellery')
    >>> _name_after_kind_of("the coast of Dale"), _name_after_kind_of("city of his birth"), _name_after_kind_of("city")
    ('', '', '')
    >>> _name_after_kind_of("houses in the village of Dale")
    ''
    """
    raw = [w for w in re.split(r"\s+", label.strip()) if w]
    if "of" not in raw[1:-1]:
        return ""
    at = raw.index("of")
    name = raw[at + 1:]
    if raw[at - 1].casefold() not in _APPOSITIVE_PLACE_NOUNS or not all(w[:1].isupper() for w in name) \
            or any(w.casefold() in _HEAD_STOP | _LATE_HEAD_STOP for w in raw[:at]):
        return ""
    return normalise(" ".join(name))


@_label_cached
def _capitalised(label: str) -> frozenset[str]:
    """The words (as :func:`kg.resolve.names.tokens` gives them) that ``label`` writes with a capital; none in a
    label written in title case (a headline), where capitals tell nothing.

    >>> sorted(_capitalised("suburban Dallow accounting firm")), sorted(_capitalised("Parking Lot Of Dallow Mall"))
    (['dallow'], [])
    """
    raw = [w for w in re.split(r"[\s/]+", label) if w]
    if len(raw) > 1 and all(w[:1].isupper() or not w[:1].isalpha() for w in raw if w.lower() not in FUNCTION_WORDS):
        return _NONE
    return frozenset(word for w in raw if w[:1].isupper() for word in tokens(w))


#: Words in "-ing" used as prepositions: what follows is their object ("the day following his death", "incidents
#: involving players"), never a noun they modify.
_PARTICIPLE_PREPOSITIONS = frozenset("""following including regarding concerning excluding involving considering
    according surrounding""".split())


def _compound_gerund(words: Sequence[str], i: int, proper: frozenset[str]) -> bool:
    """The word in "-ing" at ``i`` is the first part of a compound before the noun that ends the phrase or its
    pre-modified part ("the Dallow parking lot", "a suburban Dallow accounting firm", "a Tellish fishing boat",
    "a naval boarding party", "the parking lot of the store"), not the start of a post-modifier: one common
    noun follows it, and nothing but a post-modifier after that noun.

    Why: a participle after a noun heads a post-modifier when it has an object or a complement of its own
    ("soldiers fighting in the war", "a man wielding a knife", "sailors fleeing Ostland": a preposition, a
    determiner or a name follows it), so the head rule stops there; but one bare common noun after it is the
    head it modifies. Read as a post-modifier, the head was the word before ("dallow", "naval"), and "the
    Dallow accounting firm" never met "the accounting firm" of other reports. (``proper``: the words the label
    writes capitalised, :func:`_capitalised`.)

    >>> _compound_gerund(("suburban", "dallow", "accounting", "firm"), 2, frozenset({"dallow"}))
    True
    >>> _compound_gerund(("dallow", "parking", "lot", "of", "store"), 1, frozenset({"dallow"}))
    True
    >>> _compound_gerund(("man", "wielding", "a", "knife"), 1, frozenset())
    False
    >>> _compound_gerund(("sailors", "fleeing", "ostland"), 1, frozenset({"ostland"}))
    False
    >>> _compound_gerund(("day", "following", "death"), 1, frozenset())   # a preposition in "-ing"
    False
    """
    if not words[i].endswith("ing") or i + 1 >= len(words) or words[i] in _PARTICIPLE_PREPOSITIONS:
        return False
    after = words[i + 1]
    if after in proper or after in _HEAD_STOP | _LATE_HEAD_STOP | FUNCTION_WORDS | _PRONOUN_LIKE | _TIME_WORDS | \
            _WEEKDAYS | _NOT_AFTER_PARTICIPLE or not after.isalpha() or _ING_ED.match(after) or \
            (_ADVERB.match(after) and after not in _LY_NOUNS):
        return False
    return i + 2 == len(words) or words[i + 2] in _HEAD_STOP


#: Adjectives of an armed service, and the service's noun: "naval forces" are the navy's.
_SERVICE_ADJECTIVES = {"naval": "navy"}


def _service_name(label: str) -> str:
    """The normalised name of the armed service a common noun "<name> naval force(s)" stands for
    ("the Tellish naval forces" -> "tellish navy"), or "".

    Why: reports write "the Tellish Navy" and "Tellish naval forces" for one service; the adjective is the
    service's own ("naval" of "navy"), so the noun spells the service's name and joins it like "the Tellish
    navy" does (rule 6a). Without a name before it ("naval forces") it names no one service.

    >>> _service_name("Tellish naval forces"), _service_name("naval forces"), _service_name("Tellish forces")
    ('tellish navy', '', '')
    """
    words = tokens(label)
    if len(words) < 3 or _singular(words[-1]) != "force" or words[-2] not in _SERVICE_ADJECTIVES:
        return ""
    return " ".join((*words[:-2], _SERVICE_ADJECTIVES[words[-2]]))


def _gerund(words: Sequence[str], i: int) -> bool:
    """The word at ``i`` ends in "-ing" and ends the phrase or stands before a preposition: a head noun;
    or it follows an adverb in "-ly" and so stands before its noun ("allegedly intoxicated driver").

    >>> _gerund(("allegedly", "intoxicated", "driver"), 1), _gerund(("family", "killed", "in", "crash"), 1)
    (True, False)
    """
    if i > 0 and i < len(words) - 1 and _ADVERB.match(words[i - 1]) and words[i - 1] not in _LY_NOUNS:
        return True
    return words[i].endswith("ing") and (i == len(words) - 1 or words[i + 1] in _HEAD_STOP)


#: Participles that introduce a name or an age after the noun ("a man named Lee", "a boy aged 12").
_NAMING_PARTICIPLES = frozenset("named called dubbed titled nicknamed labelled labeled termed known aged".split())
_NOT_AFTER_PARTICIPLE = frozenset("yesterday today tonight overnight earlier later again".split())


def _attributive(words: Sequence[str], i: int) -> bool:
    """The word in "-ed" at ``i`` stands before the nouns (one to three: a compound, "endangered species rule")
    that end the phrase or its pre-modified part: a modifier ("Ethiopian-flagged vessel", "just-fired employee
    of the firm", "the Tellish protected wetland law"), not the start of a post-modifier (a past participle
    after its noun takes no object: "soldiers killed in action", "boat seized Tuesday").

    >>> _attributive(("ethiopian", "flagged", "vessel"), 1), _attributive(("man", "named", "lee"), 1)
    (True, False)
    >>> _attributive(("bush", "endangered", "species", "rule"), 1)
    True
    >>> _attributive(("soldiers", "killed", "in", "action"), 1), _attributive(("boat", "seized", "tuesday"), 1)
    (False, False)
    """
    if not words[i].endswith("ed") or words[i] in _NAMING_PARTICIPLES or i + 1 >= len(words):
        return False
    end = i + 1
    while end < len(words) and words[end] not in _HEAD_STOP:
        after = words[end]
        if after in _LATE_HEAD_STOP | FUNCTION_WORDS | _PRONOUN_LIKE | _TIME_WORDS | _WEEKDAYS | \
                _NOT_AFTER_PARTICIPLE or not after.isalpha() or _ING_ED.match(after) or \
                (_ADVERB.match(after) and after not in _LY_NOUNS):
            return False
        end += 1
    return i + 1 < end <= i + 4


@_label_cached
def thing_head(label: str) -> str:
    """The head noun of a common-noun phrase label: the last word before its first post-modifier.

    A crude, parse-free reading that suffices for keys: "coffin covered in flag" -> "coffin",
    "North Korean soldiers who died" -> "soldier" (a final "s" is dropped from words of five
    or more letters). Pronoun-like words give "". See :func:`_head_span`.

    >>> thing_head("coffins covered in the nation's flag"), thing_head("host of annual show")
    ('coffin', 'host')
    >>> thing_head("drunk hit-and-run driver"), thing_head("fan base of Quill or Rock")
    ('driver', 'base')
    >>> thing_head("freeway outside downtown"), thing_head("off-duty officer")
    ('freeway', 'officer')
    >>> thing_head("drunken driving"), thing_head("the new attorney general")
    ('driving', 'attorney general')
    >>> thing_head("several"), thing_head("http://example.com/2013/09/14/local-man-arrested")
    ('', '')
    >>> thing_head("I"), thing_head("we"), thing_head("Phase I")
    ('', '', 'i')
    """
    if _URL.match(label.strip()):
        return ""  # a web address read as a noun phrase names a page, whatever words its path holds
    words = tokens(label)
    start, end = _head_span(words, _capitalised(label))
    head = words[start:end]
    if not head or head[-1] in _PRONOUN_LIKE or head[-1].isdigit() or (len(words) == 1 and words[0] in _FIRST_PERSON):
        return ""
    if len(head) == 1 and head[0] in _TITLE_ABBREVIATIONS:
        return _TITLE_ABBREVIATIONS[head[0]]  # "Alaska Gov." is the Alaska governor
    return " ".join(_singular(w) for w in head)


#: Titles written abbreviated (before a name, where the tagger may leave them behind: "Alaska Gov.Mira Sandal")
#: -> the person noun they shorten; only abbreviations that are no English word of their own.
_TITLE_ABBREVIATIONS = {"gov": "governor", "sen": "senator", "sgt": "sergeant", "lt": "lieutenant",
                        "capt": "captain", "det": "detective", "insp": "inspector", "supt": "superintendent",
                        "cmdr": "commander", "atty": "attorney"}


@_label_cached
def thing_modifiers(label: str) -> frozenset[str]:
    """The content words before the head of a common-noun phrase ("deceased DPRK soldiers" -> deceased, dprk).

    Two phrases with one head may name one thing when the modifiers of one are all
    modifiers of the other ("the soldiers", "the Somali soldiers"); "the long time" and
    "the same time", "the Marbury man" and "the Michigan man" may not. Participles
    ("the arrested pirates", "the deceased soldiers") tell what happened to the thing, which
    another report may not say, so they never clash and are left out. Words after the head
    (prepositional phrases, relative clauses) are left out too: they add detail more often
    than they tell things apart.

    >>> sorted(thing_modifiers("the deceased DPRK soldiers who died in the war"))
    ['dprk']
    """
    found = set()
    words = tokens(label)
    start, _ = _head_span(words, _capitalised(label))
    for i, w in enumerate(words[:start]):
        if i < _lead_words(words):
            continue  # "at least": the count's bound, no modifier of the thing
        if w in _COORDINATORS and 0 < i < len(words) - 1:
            continue  # coordinated modifiers: "reckless and negligent driver", "hit-and-run driver"
        if w not in FUNCTION_WORDS and w not in _PRONOUN_LIKE and not w.isdigit() and not _ING_ED.match(w):
            found.add(_singular(w))
    found.discard(thing_head(label))
    return frozenset(found)


@_label_cached
def distinguishing_modifiers(label: str) -> frozenset[str]:
    """The modifiers of a common-noun phrase that tell its referent apart from others with its head.

    Two descriptions with one head in one story usually name one thing ("the gunman", "the
    disgruntled gunman", "the 61-year-old gunman"): news reports add different details.
    They name different things when the details are of a kind that identifies: a proper-noun
    or nationality modifier ("the Marbury office" / "the Michigan office"), a number
    ("two boats" / "three boats") or a contrastive word ("the other worker", "a second
    boat"). Those are returned (lower-cased); other adjectives are not.
    A label written in title case (a headline) gives no proper-noun evidence.

    >>> sorted(distinguishing_modifiers("the Marbury wholesaler")), sorted(distinguishing_modifiers("two boats"))
    (['marbury'], ['2'])
    >>> distinguishing_modifiers("the disgruntled former employee"), distinguishing_modifiers("Angry Former Employee")
    (frozenset(), frozenset())

    A month or a year says when the referent was (:func:`_when_word`), marked ``when:`` so that it is never read
    as a count or a place: "the 2008 fire" is no 2008 fires.

    >>> sorted(distinguishing_modifiers("the October 2008 fire")), sorted(distinguishing_modifiers("2000 soldiers"))
    (['when:2008', 'when:october'], ['2000'])
    """
    raw = [w for w in re.split(r"[\s/]+", label) if w]
    words = tokens(label)
    start, end = _head_span(words, _capitalised(label))
    titled = len(raw) > 1 and all(w[:1].isupper() or not w[:1].isalpha()
                                  for w in raw if w.lower() not in FUNCTION_WORDS)
    found = set()
    for i, w in enumerate(words[:start]):
        if i < _lead_words(words):
            continue  # "at least": the count's bound, no modifier of the thing
        if w in _COORDINATORS and 0 < i < len(words) - 1:
            continue  # coordinated modifiers: "reckless and negligent driver", "hit-and-run driver"
        if w in _CONTRASTIVE:
            found.add(w)
            continue
        when = _when_word(w, raw, words[i + 1] if i + 1 < start else "", _plural_head(words[start:end]))
        if when:
            found.add(when)
            continue
        number = _NUMBER_WORDS.get(w, w if w.isdigit() else None)
        if number is not None and i + 1 < len(words) and words[i + 1] in _AGE_WORDS:
            continue  # an age ("the 61-year-old man") is a detail, not a count
        if number is not None:
            found.add(number)
            continue
        original = next((r for r in raw if _written_as(r, w)), "")
        if not titled and original[:1].isupper() and w not in FUNCTION_WORDS:
            found.add(w)
            if w in WIDER_DEMONYMS:  # "English" also says "British": no clash with it
                found.add(WIDER_DEMONYMS[w])
    return frozenset(found)


#: The years a plain four-digit number before a singular head is read as ("the 2008 fire"), not a count.
_YEARS = range(1900, 2100)
#: A marker before a modifier that says when its referent was (:func:`_when_word`).
_WHEN = "when:"


def _when_word(word: str, raw: Sequence[str], following: str, plural_head: bool) -> str:
    """``word`` (normalised, before a head) as a when-modifier (``"when:october"``, ``"when:2008"``), or "".

    A capitalised month name is one, alone or possessive ("the October patch", "December's update"), unless a
    capitalised word other than a year follows it before the head: then it opens a name ("the August Tarrow
    play"). A four-digit number of 1900-2099 written without a comma is a year before a singular head ("the 2008
    fire") or when possessive ("2008's floods"); before a plural head it is a count ("2000 soldiers"). ``raw``: the
    label's words as written; ``following``: the normalised word after ``word`` before the head, if any.

    >>> raw = "the October patch of December's update".split()
    >>> _when_word("october", raw, "", False), _when_word("decembers", raw, "", False)
    ('when:october', 'when:december')
    >>> _when_word("2008", ["2008"], "", False), _when_word("2008", ["2008"], "", True), _when_word("2", ["2,008"], "", False)
    ('when:2008', '', '')
    >>> _when_word("august", "the August Tarrow play".split(), "tarrow", False)
    ''
    """
    for written in raw:
        bare = written.strip(".,;:\"()")
        possessive = bare[-2:] in ("'s", "\u2019s")
        stem = bare[:-2] if possessive else bare
        if stem.casefold() + ("s" if possessive else "") != word:
            continue
        if stem.isdigit() and len(stem) == 4 and int(stem) in _YEARS and (possessive or not plural_head):
            return _WHEN + stem
        if stem.casefold() in _MONTH_NAMES and stem[:1].isupper():
            after = next((r for r in raw if r.casefold().strip(".,;:\"()") == following), "")
            if possessive or not following or not after[:1].isupper() or following.isdigit():
                return _WHEN + stem.casefold()
    return ""


def _plural_head(head: Sequence[str]) -> bool:
    """Whether the last word of a head span is written in the plural ("soldiers", not "bus", "crisis", "glass").

    >>> _plural_head(("soldiers",)), _plural_head(("fire",)), _plural_head(("crisis",)), _plural_head(())
    (True, False, False, False)
    """
    return bool(head) and head[-1].endswith("s") and not head[-1].endswith(("ss", "us", "is"))


def _written_as(raw: str, word: str) -> bool:
    """``raw``, a word as the label writes it, is the normalised word ``word``, an abbreviation written with
    full stops included: "U.S." is "us" and "U.K." "uk", so the country before a noun ("U.S. forces") is a
    proper-noun modifier like "US forces" or "Indian forces", not lost for not being spelt "us".

    >>> _written_as("U.S.", "us"), _written_as("Ostland,", "ostland"), _written_as("us", "uk")
    (True, True, False)
    """
    return raw.lower().strip(".,'\"") == word or tokens(raw) == (word,)


#: Modifiers that set a referent against another of its kind ("the other worker", "a second boat"). ("next"
#: is not one: "the next chancellor" is what every report calls the one named to be chancellor.)
_CONTRASTIVE = frozenset("other another different same second third fourth fifth previous foreign".split())
#: Heads too general to identify anything across documents ("the same time", "the only way").
_GENERIC_HEADS = frozenset("time way thing lot part kind sort number couple bit place fact case".split())
_AGE_WORDS = frozenset({"year", "years", "month", "months", "week", "weeks", "old", "yr"})
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}


def _strong_clash(a: frozenset[str], b: frozenset[str]) -> bool:
    """Each side has an identifying modifier the other lacks, or one side only a contrastive one
    ("the worker" / "the other worker"); see :func:`distinguishing_modifiers`. Two forms of one demonym
    ("Somali" / "Somalian") are one modifier.

    >>> _strong_clash(frozenset({"somali"}), frozenset({"somalian"})), _strong_clash(frozenset({"austrian"}),
    ...                                                                             frozenset({"australian"}))
    (False, True)

    A when-modifier (:func:`_when_word`) weighs only against one of its own kind, a month against a month and a
    year against a year: a time one side does not give is no detail the other lacks ("the 2008 fire" / "two
    fires", "the October fire" / "the 2008 fire" do not clash; "the October patch" / "the December patch" do).

    >>> _strong_clash(frozenset({"when:2008"}), frozenset({"2"})), _strong_clash(frozenset({"when:october"}),
    ...                                                                         frozenset({"when:2008"}))
    (False, False)
    >>> _strong_clash(frozenset({"when:october"}), frozenset({"when:december", "when:2008"}))
    True
    """
    a, b = _given_times(a, b), _given_times(b, a)
    # (the contrastive words are read as written: a demonym stem of "foreign" is no contrast)
    keyed_a, keyed_b = frozenset(map(_demonym_key, a)), frozenset(map(_demonym_key, b))
    return (bool(keyed_a - keyed_b) and bool(keyed_b - keyed_a)) or bool((a ^ b) & _CONTRASTIVE)


def _given_times(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    """``a`` without its when-modifiers of a kind (months, years: :func:`_kinds_of_telling`) that ``b`` lacks.

    >>> sorted(_given_times(frozenset({"when:october", "when:2008", "2"}), frozenset({"when:2009"})))
    ['2', 'when:2008']
    """
    _, months_a, years_a, _ = _kinds_of_telling(a)
    _, months_b, years_b, _ = _kinds_of_telling(b)
    return a - (months_a if not months_b else frozenset()) - (years_a if not years_b else frozenset())


#: Words before a place name in a description that widen it to the area around it ("a suburban Ardon firm",
#: "greater Ardon", "metro Ardon"): an area that holds other towns. ("rural", "northern" and the like are left
#: out: they also come before words that name no place, "a rural Catholic doctor", "a northern Tellish town".)
_AREA_WORDS = frozenset("suburban greater metro metropolitan outer".split())


def _region_words(label: str, modifiers: frozenset[str]) -> frozenset[str]:
    """The proper-noun ``modifiers`` of ``label`` (:func:`distinguishing_modifiers`) that name an area around or
    within a place, as a lower-case area word before them says ("suburban Ardon" -> ardon).

    Why: reports of one story place one site by the town it is in or by the wider area ("a Bellport accounting
    firm", "a suburban Ardon accounting firm"); the area's name is no detail that tells the site from one named
    by a town (:func:`_regional_clash`).

    >>> sorted(_region_words("a suburban New Ardon firm", frozenset({"new", "ardon"})))
    ['ardon', 'new']
    >>> _region_words("the Greater Ardon Council", frozenset({"greater", "ardon", "council"}))
    frozenset()

    A count or a contrastive word after the area word names no place ("a suburban 40-acre farm", "a suburban
    second home"): it stays an identifying detail.

    >>> _region_words("a suburban 40-acre farm", frozenset({"40"})), _region_words("a suburban second home",
    ...                                                                             frozenset({"second"}))
    (frozenset(), frozenset())
    """
    words = tokens(label)
    found: set[str] = set()
    for i, word in enumerate(words[:-1]):
        if word in _AREA_WORDS and word not in modifiers:
            for follower in words[i + 1:]:
                if (follower not in modifiers or follower.isdigit() or follower in _CONTRASTIVE
                        or _people_word(follower)):
                    break
                found.add(follower)
    return frozenset(found)


#: Endings of the adjective of a people ("Tellish", "Ostlandian", "Varnese", "American"), which no area is. (Not
#: the plural nouns' "-ans": a people's noun is no modifier before a head, and city names end so, "New Orleans".)
_PEOPLE_ENDINGS = ("ian", "ean", "ese", "ish", "can")


def _people_word(word: str) -> bool:
    """Whether ``word`` is the adjective of a people rather than a place's name: after an area word it names
    no area ("suburban Tellish families", "a greater Ostlandian role" -- "greater" is also a comparative).

    >>> _people_word("tellish"), _people_word("american"), _people_word("dutch"), _people_word("ardon")
    (True, True, True, False)
    """
    return word in IRREGULAR_DEMONYMS or word in WIDER_DEMONYMS or word.endswith(_PEOPLE_ENDINGS)


@_label_cached
def _identifying(label: str) -> tuple[frozenset[str], frozenset[str]]:
    """The identifying modifiers of a description (:func:`distinguishing_modifiers`) and those of them that
    name an area (:func:`_region_words`), as :func:`_regional_clash` weighs them.

    >>> _identifying("a suburban Ardon firm")
    (frozenset({'ardon'}), frozenset({'ardon'}))
    """
    mods = distinguishing_modifiers(label)
    return mods, _region_words(label, mods)


def _regional_clash(a: frozenset[str], region_a: frozenset[str], b: frozenset[str], region_b: frozenset[str]) -> bool:
    """:func:`_strong_clash` of two descriptions of one head, where a place named as an area on one side only
    (``region_a``, see :func:`_region_words`) may hold the other side's place: "a suburban Ardon firm" and "a
    Bellport firm" may be one firm (Bellport a suburb of Ardon), "a suburban Ardon firm" and "a suburban Dallow
    firm" are two, and so are "an Ardon firm" and "a Bellport firm".

    >>> ardon, bellport = frozenset({"ardon"}), frozenset({"bellport"})
    >>> _regional_clash(ardon, ardon, bellport, frozenset()), _regional_clash(ardon, ardon, bellport, bellport)
    (False, True)
    >>> _regional_clash(ardon, frozenset(), bellport, frozenset())
    True
    """
    if region_a and not region_b:
        a = a - region_a
    elif region_b and not region_a:
        b = b - region_b
    return _strong_clash(a, b)


def _telling(modifiers: frozenset[str]) -> frozenset[str]:
    """The identifying ``modifiers`` (:func:`distinguishing_modifiers`) that tell two referents of one head apart
    across the reports of a story: a count, a contrastive word, a people's adjective (:func:`_people_word`).

    Why: another proper noun before a noun names a facet that reports choose freely, and facets nest: a place
    ("an Ardon bank", "a bank in Telland"), an owner or brand ("a Dallow bank", "a Dallow boutique" / "a Bellport
    boutique"). Two such words are no proof of two referents; two counts, "the other", or two peoples
    ("the Tellish ship" / "the Ostlandian ship") are. Measured on the 20 ECB+ topics no rule was tuned on, the
    place and brand clash of the head rule refused more right joins than wrong ones (benchmarks/RESULTS.md).

    >>> sorted(_telling(frozenset({"ardon", "tellish", "2", "other", "us", "when:october"})))
    ['2', 'other', 'tellish', 'us', 'when:october']

    A month or a year (:func:`_when_word`) tells two referents apart too: "the October patch" and "the December
    patch" are two patches (:func:`_kinds_of_telling` keeps each against its own kind).
    """
    return frozenset(w for w in modifiers if w.isdigit() or w in _CONTRASTIVE or _people_word(w) or w in _COUNTRY_WORDS
                     or w.startswith(_WHEN))


def _kinds_of_telling(telling: frozenset[str]) -> tuple[frozenset[str], ...]:
    """``telling`` (:func:`_telling`) split by kind, each compared only with its own: counts, months, years and the
    rest (peoples, countries, contrastive words). A year is no count, and a month and a year are two facets of one
    time: "the October fire" may be "the 2008 fire", "the 2008 fire" is no count of fires against "two fires".

    >>> _kinds_of_telling(frozenset({"2", "when:october", "when:2008", "tellish"}))
    (frozenset({'2'}), frozenset({'when:october'}), frozenset({'when:2008'}), frozenset({'tellish'}))
    """
    counts = frozenset(w for w in telling if w.isdigit())
    whens = frozenset(w for w in telling if w.startswith(_WHEN))  # (a year's digits follow the marker)
    years = frozenset(w for w in whens if w[len(_WHEN):].isdigit())
    return counts, whens - years, years, telling - counts - whens


#: One-word names of countries known to the lexicon ("us", "uk", "greece"): a country before a noun ("U.S. forces")
#: says what a people's adjective says ("Ostlandian forces"), for :func:`_telling`.
_COUNTRY_WORDS = frozenset(w for w in (*COMMON_NAMES, *IRREGULAR_DEMONYMS.values()) if " " not in w)


def _demonym_key(word: str) -> str:
    """The shortest place stem a modifier may come from (:func:`kg.resolve.names.demonym_stems`), so the
    forms of one demonym meet ("somali", "somalian" -> "somal"); other words map to themselves."""
    return min(demonym_stems(word) | {word}, key=lambda w: (len(w), w)) if word.isalpha() else word


def _demonym_words(modifiers: frozenset[str]) -> frozenset[str]:
    """The modifiers that are demonyms ("tellish", "ostlandian": a word with a place stem other than itself).

    >>> sorted(_demonym_words(frozenset({"tellish", "new", "york"})))
    ['tellish']
    """
    return frozenset(w for w in modifiers if w.isalpha() and demonym_stems(w) - {w})


@_label_cached  # (pure; the head rule asks it of the same few modifier pairs for every noun against every anchor)
def _same_head_clash(a: tuple[frozenset[str], frozenset[str]], b: tuple[frozenset[str], frozenset[str]],
                     surnames: frozenset[str]) -> bool:
    """Whether two descriptions of one head noun in one story name two referents by their identifying modifiers
    and area words ``a`` and ``b`` (:func:`_identifying`): what :func:`_telling` reads (two different counts,
    "two boats" / "three boats"; a contrastive word on one side, "the worker" / "the other worker"; two peoples
    or countries, "a Tellish cook" / "an Ostlandish cook"), each against its own kind, or two people's surnames
    ("the Lee administration" / "the Roe administration"). ``surnames``: the last words of the people's full
    names of the store.

    Why: the head rule meets descriptions of one head across a story's reports, which name one referent by
    whatever facet they choose: its town, its brand, its own name ("an Ardon bank", "the Dallow bank", "a bank
    in Bellport"), so only what makes two referents of one kind (a count, "other", a people, a person whose it
    is) keeps them apart. Measured on the 20 ECB+ topics no rule was tuned on, and on dev and train, a place or
    another proper noun as a clash refused more right joins than wrong ones (benchmarks/RESULTS.md).

    >>> clash = lambda x, y: _same_head_clash((frozenset(x), frozenset()), (frozenset(y), frozenset()),
    ...                                       frozenset({"lee", "roe"}))
    >>> clash({"tellish"}, {"ardon"}), clash({"ardon"}, {"bellport"}), clash({"dallow"}, {"kessock"})
    (False, False, False)
    >>> clash({"tellish"}, {"ostlandish"}), clash({"2"}, {"3"}), clash(set(), {"other"}), clash({"lee"}, {"roe"})
    (True, True, True, True)
    >>> clash({"lee", "ardon"}, {"lee"})
    False
    """
    (x, region_x), (y, region_y) = a, b
    if region_x and not region_y:
        x = x - region_x
    elif region_y and not region_x:
        y = y - region_y

    def kinds(mods: frozenset[str]) -> tuple[frozenset[str], ...]:
        counts, months, years, rest = _kinds_of_telling(_telling(mods))
        return counts, months, years, mods & surnames, rest - _CONTRASTIVE - surnames

    return bool((x ^ y) & _CONTRASTIVE) or any(
        one and other and _strong_clash(one, other) for one, other in zip(kinds(x), kinds(y)))


def _person_surnames(records: Sequence[EntityRecord]) -> frozenset[str]:
    """The last words of the full names (two words or more) of the people among ``records``.

    >>> _person_surnames([EntityRecord("p", ("Ann Lee", "Lee"), frozenset({"Person"})),
    ...                   EntityRecord("q", ("Bo",), frozenset({"Person"}))])
    frozenset({'lee'})
    """
    return frozenset(words[-1] for r in records if r.kind == "person" for label in r.prefs
                     for words in [tokens(label)] if len(words) >= 2)


def _singular(word: str) -> str:
    return word[:-1] if len(word) >= 5 and word.endswith("s") and not word.endswith("ss") else word


# -- clustering ----------------------------------------------------------------------------
_NONE: frozenset = frozenset()


class _Members(dict):
    """Cluster root -> its members; a root not in the table is alone, its own one member."""

    def __missing__(self, root: str) -> tuple[str]:
        return (root,)


class _UnionFind:
    """Union-find over entity IRIs that keeps what each cluster may not be merged with."""

    def __init__(self, records: Sequence[EntityRecord]) -> None:
        # A cluster's tables start as shared frozensets (most entities are never merged, and a set per entity
        # per table cost more than the records) and become sets of their own when it first grows (:meth:`_own`).
        shared: dict[frozenset, frozenset] = {}
        one = lambda *items: (lambda f: shared.setdefault(f, f))(frozenset(items))  # noqa: E731
        self.parent = {r.iri: r.iri for r in records}
        self.records = {r.iri: r for r in records}
        # a common noun's head, identifying modifiers and area words (:func:`_identifying`); None for a name
        self._heads: dict[str, tuple[str, frozenset[str], frozenset[str]] | None] = {}
        self.names: dict[str, set | frozenset] = {r.iri: _full_names(r) or _NONE for r in records}
        self.members = _Members()  # root -> members, for clusters of two or more
        self.kinds: dict[str, set | frozenset] = {r.iri: one(r.kind) for r in records}
        self.modifiers: dict[str, set | frozenset] = {
            r.iri: (one(one(*thing_modifiers(r.prefs[0]))) if r.kind == "thing" and r.prefs else _NONE)
            for r in records}
        self.strong: dict[str, set | frozenset] = {
            r.iri: (one(_identifying(r.prefs[0])) if r.kind == "thing" and r.prefs else _NONE)
            for r in records}
        self.counts: dict[str, set | frozenset] = {
            r.iri: (one(*_group_counts(r)) if r.kind == "thing" else _NONE) for r in records}
        self.days: dict[str, set | frozenset] = {r.iri: _days_of(r) for r in records}
        self.surnames = _person_surnames(records)  # (:func:`_same_head_clash`)
        self.forbidden: dict[str, set[str]] = defaultdict(set)
        self.reasons: dict[str, str] = {}

    @staticmethod
    def _own(table: dict, root: str) -> set:
        """``table[root]`` as a set of the cluster's own (it may still be a shared frozenset)."""
        mine = table[root]
        if type(mine) is not set:
            mine = table[root] = set(mine)
        return mine

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def forget_modifiers(self, rec: EntityRecord) -> None:
        """A common noun found to be a person's name ("Dr. Helen Ashby" read as a noun phrase): the words
        before its "head" are part of the name, no modifiers of a description to clash with."""
        if rec.kind == "thing" and rec.prefs:
            root = self.find(rec.iri)
            self._own(self.modifiers, root).discard(thing_modifiers(rec.prefs[0]))
            self._own(self.strong, root).discard(_identifying(rec.prefs[0]))

    def retype(self, iri: str, kind: str) -> None:
        """The cluster of ``iri`` is of ``kind`` (a misread: "Ardon Mount Ellery" tagged a person is a place)."""
        self.kinds[self.find(iri)] = {kind}

    def _head_clash(self, ma: Iterable[str], mb: Iterable[str], head: str) -> bool:
        """The common nouns of two clusters have clashing identifying modifiers, a description of ``head``
        being weighed against the descriptions of its own head only, and against others by the demonyms
        alone: "the Ardon woman" and "the Bellport woman" are two women, and "the Tellish woman" is not
        "the Ostlandish mother", but "a Bellport mother" may be the Ardon woman (a town and the borough
        she lives in, or the place she comes from).

        >>> recs = [EntityRecord(i, (label,), frozenset({"Thing"})) for i, label in
        ...         [("a", "Ardon woman"), ("b", "Bellport mother"), ("c", "Tellish woman"), ("d", "Ostlandish mother")]]
        >>> uf = _UnionFind(recs)
        >>> uf._head_clash(["a"], ["b"], "woman"), uf._head_clash(["c"], ["d"], "woman")
        (False, True)
        """
        def strong(members: Iterable[str]) -> list[tuple[bool, frozenset[str], frozenset[str]]]:
            found = []
            for iri in members:
                if iri not in self._heads:
                    r = self.records[iri]
                    self._heads[iri] = ((thing_head(r.prefs[0]), *_identifying(r.prefs[0]))
                                        if r.kind == "thing" and r.prefs else None)
                if self._heads[iri] is not None:
                    found.append((self._heads[iri][0] == head, *self._heads[iri][1:]))
            return found
        ys = strong(mb)
        return any(_regional_clash(x, rx, y, ry) if own_x and own_y
                   else _strong_clash(_demonym_words(x), _demonym_words(y))
                   for own_x, x, rx in strong(ma) for own_y, y, ry in ys if own_x or own_y)

    def forbid(self, a: str, b: str) -> None:
        self.forbidden[a].add(b)
        self.forbidden[b].add(a)

    def union(self, a: str, b: str, reason: str, *, force: bool = False, strong_clash_only: bool = False,
              head: str | None = None, user: bool = False, same_head: bool = False) -> bool:
        """Merge the clusters of ``a`` and ``b`` unless something forbids it; ``head``: only the common nouns
        of that head noun may clash (with ``strong_clash_only``), see :meth:`_head_clash`. ``user``: a merge
        the user's alias file forces, which only the user's own forbidding rules stop (not two calendar days:
        the user may know that two dates of the texts are one day). ``same_head``: two descriptions of one head in
        one story, whose modifiers clash only as :func:`_same_head_clash` says."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ma, mb = self.members[ra], self.members[rb]
        if len(ma) > len(mb):
            ra, rb, ma, mb = rb, ra, mb, ma
        if any(x in self.forbidden and not self.forbidden[x].isdisjoint(mb) for x in ma):
            return False
        if not user and self.days[ra] and self.days[rb] and self.days[ra] != self.days[rb]:
            return False  # two calendar days are two times, whatever rule, even a forced one, met them (_days_of)
        if not force:
            if not _compatible_names(self.names[ra], self.names[rb]):
                return False
            kinds = self.kinds[ra] | self.kinds[rb]
            if {"person", "place"} <= kinds:
                return False
            if strong_clash_only and self.counts[ra] and self.counts[rb] and self.counts[ra].isdisjoint(self.counts[rb]):
                return False  # "23 pirates" / "26 pirates": two groups (:func:`_group_counts`)
            if strong_clash_only and head is not None:
                if self._head_clash(ma, mb, head):
                    return False
            elif strong_clash_only and same_head:
                if any(_same_head_clash(x, y, self.surnames) for x in self.strong[ra] for y in self.strong[rb]):
                    return False
            elif strong_clash_only:
                if any(_strong_clash(_telling(x[0]), _telling(y[0])) for x in self.strong[ra] for y in self.strong[rb]):
                    return False
            elif not all(x <= y or y <= x for x in self.modifiers[ra] for y in self.modifiers[rb]):
                return False
        self.parent[ra] = rb
        self.members[rb] = set(mb) if type(mb) is not set else mb
        self.members[rb].update(ma)
        for table in (self.names, self.kinds, self.modifiers, self.strong, self.counts, self.days):
            self._own(table, rb).update(table.pop(ra))
        self.members.pop(ra, None)
        self.reasons.setdefault(a if a != rb else b, reason)
        return True


def _role_words_as_descriptions(records: Sequence[EntityRecord]) -> list[EntityRecord]:
    """The records whose every label is one word for a person's role or kind ("CEO", "Coach", "doc", "Nominee")
    made common nouns (``schema:Thing``), so the rules for descriptions read them; the others unchanged.

    Why: a tagger takes a capitalised or upper-case role word for a name ("company CEO gunned down" in a
    headline, "Coach said"), and as a name it meets only the same name; it describes a person as "the CEO" does.
    Only the listed words count (:data:`kg.lexicon.PERSON_ROLES`, ``AGENT_NOUNS``, ``PERSON_NOUNS``), not the
    suffix guess of :func:`kg.lexicon.is_person_noun` (demonyms and surnames: "Indian", "Kellerman"); and a
    one-word "person" that is the last word of a person's name of the store ("King" of "Billy King") stays a name.
    Story grouping (:func:`story_groups`) still counts them among a document's names: leaving them out changes the
    weights of the other names of their documents, and on ECB+ that moved a topic's groups and joined one event's
    Tuesday to another's date (measured, benchmarks/RESULTS.md).

    >>> recs = [EntityRecord("e:ceo", ("CEO",), frozenset({"Organization"})),
    ...         EntityRecord("e:king", ("King",), frozenset({"Person"})),
    ...         EntityRecord("e:bk", ("Billy King", "King"), frozenset({"Person"})),
    ...         EntityRecord("e:indian", ("Indian",), frozenset({"Organization"}))]
    >>> [r.kind for r in _role_words_as_descriptions(recs)]
    ['thing', 'person', 'person', 'named']
    """
    surnames = {words[-1] for r in records if r.kind == "person" for label in r.prefs
                for words in [tokens(label)] if len(words) >= 2}
    out = []
    for r in records:
        words = [tokens(label) for label in r.labels]
        if r.kind not in {"thing", "place"} and not r.publisher and words and all(
                len(w) == 1 and _role_word(w[0]) for w in words) and not (
                r.kind == "person" and words[0][0] in surnames):
            r = replace(r, types=frozenset({"Thing"}))
        out.append(r)
    return out


def _leading_names_as_names(records: Sequence[EntityRecord]) -> list[EntityRecord]:
    """The records (not people, not common nouns) known by an alternative label that is the first words of their
    preferred name, when other documents give that label as the preferred name of an entity of the same kind,
    read as that shorter name first ("Tellco Update" / "Tellco" -> "Tellco" / "Tellco Update"); the others
    unchanged.

    Why: in English the head of a name comes last, so its first words name another entity the long name is made
    from (the maker of "Tellco Update", the town of "Ostvale Police Department"); a document that wrote both
    ("Tellco said its Tellco Update ...") may have given the short mentions to the long name's entity, and as the
    long name it never meets the articles that call the maker by its own name. Read as the short name, it joins
    them by the same-name rule; the long name stays an alternative label. A person's first words are a given
    name, and a demonym or another adjective ("Ostlandian Navy" / "Ostlandian") is no name: both are left alone.

    >>> recs = [EntityRecord("e:upd", ("Tellco Update", "Tellco"), frozenset({"Organization"}), frozenset({"d1"})),
    ...         EntityRecord("e:tellco", ("Tellco",), frozenset({"Organization"}), frozenset({"d2"}))]
    >>> [r.labels for r in _leading_names_as_names(recs)]
    [('Tellco', 'Tellco Update'), ('Tellco',)]
    """
    named: dict[tuple[tuple[str, ...], str], set[str]] = defaultdict(set)  # (name, kind) -> documents
    for r in records:
        if r.kind != "thing":
            for label in r.prefs:
                named[(tuple(tokens(label)), r.kind)] |= r.documents
    out = []
    for r in records:
        if r.kind not in {"thing", "person"} and r.prefs:
            label = _leading_name(r, named)
            if label:
                r = replace(r, labels=(label, *(x for x in r.labels if x != label)), pref_count=1)
        out.append(r)
    return out


def _leading_name(rec: EntityRecord, named: dict[tuple[tuple[str, ...], str], set[str]]) -> str | None:
    """The first alternative label of ``rec`` that is the first words of its preferred name and the preferred
    name of an entity of its kind in a document ``rec`` is not in (``named``: (words, kind) -> documents)."""
    whole = tuple(tokens(rec.prefs[0]))
    for label in rec.labels[rec.pref_count:]:
        words = tuple(tokens(label))
        if not words or len(words) >= len(whole) or whole[: len(words)] != words:
            continue
        # (a people's or another adjective a tagger reads as a name: "Ostlandian", "Democratic")
        if len(words) == 1 and (_people_word(words[0]) or words[0].endswith("ic")):
            continue
        if not named.get((words, rec.kind), set()) <= rec.documents:
            return label
    return None


def _role_word(word: str) -> bool:
    """``word`` (normalised) is listed as a noun for a person's role or kind (:mod:`kg.lexicon`)."""
    return word in PERSON_ROLES or word in AGENT_NOUNS or word in PERSON_NOUNS or \
        any(word in group for group in NEAR_SYNONYMS if "police" not in group)


def resolve_entities(records: Sequence[EntityRecord], aliases: Sequence[AliasRule] = ()) -> EntityResolution:
    """Cluster entity records by the rules of this module; a pure function of its inputs."""
    # role words read as names ("CEO") are descriptions for every rule; stories are still grouped by the names as
    # read (a document's names, these included, weigh its similarity to others; see _role_words_as_descriptions)
    as_read, records = records, _leading_names_as_names(_role_words_as_descriptions(records))
    uf = _UnionFind(records)
    by_iri = uf.records  # (one IRI -> record table for the rules and the union-find: it is never written)
    forms = {r.iri: _name_forms(r) for r in records}
    by_form: dict[str, list[str]] = defaultdict(list)
    for iri, fs in forms.items():
        for f in fs:
            by_form[f].append(iri)

    external = _apply_aliases(uf, records, forms, aliases)

    # 2. same normalised name
    for form in sorted(by_form):
        members = by_form[form]
        for other in members[1:]:
            uf.union(members[0], other, f"name:{form}")

    # 2b. a common noun written as a proper name ("Internet Explorer", read as a noun phrase in every article)
    #     joins the same name, whether a name or another noun written so (:func:`_proper_thing_forms`)
    proper = _proper_thing_forms(records)
    written_so: dict[str, list[str]] = defaultdict(list)
    for iri, fs in sorted(proper.items()):
        for f in fs:
            written_so[f].append(iri)
    for form in sorted(written_so):
        found = _distinct_clusters(uf, by_form.get(form, ()), exclude=written_so[form][0])
        if len(found) <= 1:  # (a name two entities bear is no name to add a third to)
            for iri in written_so[form][1:] + found:
                uf.union(written_so[form][0], iri, f"proper-noun:{form}")
    del written_so

    del forms  # each rule's tables are dropped once it is done, so they do not all add up to the peak at the end

    # 3. acronyms
    expansions: dict[str, list[str]] = defaultdict(list)
    for r in records:
        if r.kind in {"named", "place"}:
            for label in r.prefs:
                for acro in acronyms(label):
                    expansions[acro].append(r.iri)
    for iri in sorted(proper):  # (a noun written as a name is a name its acronym stands for: "IE")
        for form in sorted(proper[iri]):
            for acro in acronyms(form):
                expansions[acro].append(iri)
    for r in records:
        if r.kind == "thing":
            continue
        for label in r.labels:
            if not is_acronym(label):
                continue
            key = normalise(label)
            if key not in expansions and len(key) >= 3 and key[0] == "t":
                key = key[1:]  # the "The" a name keeps in its acronym, not in its key ("THR": "The Hollywood Reporter")
            candidates = _distinct_clusters(uf, expansions.get(key, ()), exclude=r.iri)
            if len(candidates) > 1 and not _one_name_spelt(candidates, by_iri):
                # prefer the expansions found in the acronym's own documents
                near = [c for c in expansions.get(key, ()) if by_iri[c].documents & r.documents]
                candidates = _distinct_clusters(uf, near, exclude=r.iri)
            if len(candidates) == 1 or _one_name_spelt(candidates, by_iri):
                for other in candidates:  # (several: one name spelt several ways, "Election" / "Elections")
                    uf.union(r.iri, other, f"acronym:{key}")

    del expansions, proper

    # 4a. one misspelt word in a multi-word name, within a story ("Duncan Pryce" / "Duncan Pryse",
    #     "Gulf of Tarsen" / "Gulf of Tarsin"), unless both spellings are names in their own right; a
    #     person's given name and its short form ("Theo Banks" / "Theodore Banks")
    spell_groups = story_groups(as_read, uf)
    single_names = {tokens(label)[0] for r in records if r.kind != "thing" for label in r.prefs
                    if len(tokens(label)) == 1}
    variants: dict[tuple, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for r in records:
        if r.kind == "thing" or r.publisher:
            continue
        for label in r.prefs:
            words = _whole_words(label, r.kind)
            if not 2 <= len(words) <= _MAX_NAME_WORDS:
                continue
            for story in {spell_groups[d] for d in r.documents if d in spell_groups}:
                for i in range(len(words)):
                    variants[(story, r.kind, i, words[:i], words[i + 1 :])].append((words, r.iri))
    for key in sorted(variants):
        i = key[2]
        by_word: dict[str, list[str]] = defaultdict(list)
        for words, iri in variants[key]:
            by_word[words[i]].append(iri)
        spellings = list(by_word)  # compared once per distinct spelling, so a large block stays cheap
        for n, a in enumerate(spellings):
            for b in spellings[n + 1 :]:
                if _misspelt(a, b) and not (a in single_names and b in single_names):
                    reason = f"spelling:{a}/{b}"
                elif key[1] == "person" and i == 0 and len(key[4]) == 1 and given_name_variant(a, b):
                    reason = f"given-name:{a}/{b}"
                else:
                    continue
                for iri_a in by_word[a]:
                    for iri_b in by_word[b]:
                        uf.union(iri_a, iri_b, reason)

    del variants, single_names

    # 4c. a middle name left out ("Ann Lee" / "Ann Marie Lee"), within a story: the two-word name joins the
    #     one longer name of its story with its given name and surname
    middle: dict[tuple[int, str], set[tuple[str, str]]] = defaultdict(set)
    for r in records:
        if r.kind == "person" and not r.publisher:
            for label in r.prefs:
                words = _whole_words(label, r.kind)
                if 3 <= len(words) <= _MAX_NAME_WORDS and not set(words) & _NOT_IN_NAMES:
                    for story in {spell_groups[d] for d in r.documents if d in spell_groups}:
                        middle[(story, words[-1])].add((words[0], r.iri))
    for r in records:
        if r.kind != "person" or r.publisher:
            continue
        for label in r.prefs:
            words = _whole_words(label, r.kind)
            if len(words) != 2:
                continue
            cands = {iri for story in {spell_groups[d] for d in r.documents if d in spell_groups}
                     for given, iri in middle.get((story, words[1]), ())
                     if _given_or_short(words[0], given)}
            found = _distinct_clusters(uf, cands, exclude=r.iri)
            if len(found) == 1:
                uf.union(r.iri, found[0], f"middle-name:{' '.join(words)}")

    # 4b. a full name with extra words at one end: a role or a misread ("Comedian Nora Quill",
    #     "Nora Quill Returns") joins the one shorter full name it ends or starts with; an
    #     organisation's name does so only when the extra words name a place ("U.S. Surgeon General")
    full_by_words: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for r in records:
        if r.kind in {"person", "named"}:
            for label in r.prefs:
                words = _whole_words(label, r.kind)
                if len(words) >= 2:
                    full_by_words[words].append(r.iri)
    # (a name some document types a place names one, whatever another typed it: "Dale" a person once)
    placed = [r for r in records if r.kind == "place" or (r.kind != "thing" and "Place" in r.types)]
    place_names = {normalise(label) for r in placed for label in r.prefs}
    place_names |= {name for name in (common_name(label) for r in placed for label in r.prefs) if name}
    # (the surnames of fathers told apart as "Sr": a son's "Jr" name is not the bare name, which is the father's)
    fathers = {words[-2] for r in records if r.kind == "person" for label in r.prefs
               for words in [_whole_words(label, r.kind)] if len(words) >= 2 and words[-1] in _SENIOR}
    for r in records:
        if r.kind not in {"person", "named"}:
            continue
        for label in r.prefs:
            words = _whole_words(label, r.kind)
            if len(words) < 3 or len(words) > _MAX_NAME_WORDS + 1:
                continue
            found = set()
            for n in range(2, len(words)):
                for part, extra in ((words[:n], words[n:]), (words[-n:], words[:-n])):
                    # (an organisation's: a place's name before it, or its kind words after it, "Tellport Police
                    #  Department" / "Tellport Police")
                    if r.kind == "named" and not (part == words[-n:] and _names_place(" ".join(extra), place_names)
                                                  or part == words[:n] and kind_word_tail(extra)):
                        continue
                    if r.kind == "person" and extra in _JUNIOR and part[-1] in fathers:
                        continue
                    # (a team's name the tagger read as a person's in one article is the organisation: "Sky Hawks")
                    found |= {uf.find(iri) for iri in full_by_words.get(part, ())
                              if by_iri[iri].kind == r.kind or (r.kind == "named" and _named_kind(by_iri[iri]))}
            found.discard(uf.find(r.iri))
            if len(found) == 1:
                # (two organisation names that differ never merge otherwise: this rule checked the difference)
                uf.union(r.iri, found.pop(), f"longer-name:{' '.join(words)}", force=r.kind == "named")

    del full_by_words

    # 4c. a place named by two names, another place's before its own ("Ardon Mount Ellery", "the Ardon Mount
    #     Ellery National Park"), joins the one place of its story named by the second, a name of two words or
    #     more: a place name before a place name is one place's two names (as "Dallow Ellery's Market" is a
    #     branch of "Ellery's Market"), where one word ("New York", "York") or a word that places it
    #     ("South Dale Lake" / "Dale Lake") would make another place. A person name made of the two is a
    #     misread place, unless a document types it an organisation or calls it by its last word alone (the
    #     surname of "Georgia Rose Hill": a person). When two places of one story put different names before
    #     the same one ("Tarvia York County", "Osland York County"), that name is theirs to share: neither joins.
    place_full: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for r in placed:
        for label in r.prefs:
            words = _whole_words(label, "place")
            if len(words) >= 2:
                place_full[words].append(r.iri)
    qualified: dict[tuple[int, tuple[str, ...]], set[tuple[str, ...]]] = defaultdict(set)
    two_names = []
    for r in records:
        if r.kind not in {"place", "person"} or r.publisher:
            continue
        if r.kind == "person" and (r.types & {"Organization", "NewsMediaOrganization"} or _called_by_surname(r)):
            continue
        stories = {spell_groups[d] for d in r.documents if d in spell_groups}
        for label in r.prefs:
            words = _whole_words(label, "place")
            parts = [(words[-n:], words[:-n]) for n in range(2, len(words))]
            parts = [(part, extra) for part, extra in parts
                     if not set(extra) & _PLACING_WORDS and _names_place(" ".join(extra), place_names)]
            for part, extra in parts:
                for story in stories:
                    qualified[(story, part)].add(extra)
            if parts:
                two_names.append((r, words, stories, parts))
    for r, words, stories, parts in two_names:
        found = set()
        for part, _extra in parts:
            if any(len(qualified[(story, part)]) > 1 for story in stories):
                continue
            found |= {uf.find(iri) for iri in place_full.get(part, ()) if iri != r.iri and stories &
                      {spell_groups[d] for d in by_iri[iri].documents if d in spell_groups}}
        found.discard(uf.find(r.iri))
        if len(found) == 1:
            if r.kind == "person":
                uf.retype(r.iri, "place")
            uf.union(r.iri, found.pop(), f"two-place-names:{' '.join(words)}", force=True)

    # 4. shortened person names
    persons_by_word: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for r in records:
        if r.kind == "person":
            for label in r.prefs:
                words = tuple(person_core(label).split())
                if 2 <= len(words) <= _MAX_NAME_WORDS and not set(words) & _NOT_IN_NAMES and \
                        words[-1] not in GROUP_HEADS:
                    if words[-1] not in NAME_KIND_HEADS:  # "in Dallow" is no short form of "Dallow Fire"
                        persons_by_word[words[0]].append((words, r.iri))
                    persons_by_word[words[-1]].append((words, r.iri))
    for r in records:
        if r.kind not in {"person", "named"}:
            continue
        for label in r.prefs:
            short = tuple((person_core(label) if r.kind == "person" else normalise(label)).split())
            if not short or (r.kind != "person" and len(short) != 1):
                continue
            cands = {(w, iri) for key in {short[0], short[-1]} for w, iri in persons_by_word.get(key, ())
                     if _is_edge(short, w)}
            names = {uf.find(iri) for _, iri in cands}  # one person under several full forms counts once
            if len(names) > 1:
                cands = _by_surname(short, cands)
                names = {uf.find(iri) for _, iri in cands}
            if len(names) == 1:
                for _, iri in sorted(cands):
                    uf.union(r.iri, iri, f"short-name:{' '.join(short)}")

    # 4d. a surname the tagger read as a common noun ("Banks" -> the noun "bank"): a capitalised
    #     one-word label of a common noun joins the one person of its stories with that surname, or the one
    #     organisation, place or work of its stories named by that word alone (:func:`_one_word_names`)
    name_groups = story_groups(as_read, uf)
    surnames: dict[tuple[int, str], set[str]] = defaultdict(set)
    for key_word, entries in persons_by_word.items():
        for words, iri in entries:
            if words[-1] == key_word and key_word not in NAME_KIND_HEADS:  # ("Fire" is no surname of "Dallow Fire")
                for d in by_iri[iri].documents:
                    if d in name_groups:
                        surnames[(name_groups[d], key_word)].add(iri)
    for word, iris in _one_word_names(records).items():
        for iri in iris:
            for d in by_iri[iri].documents:
                if d in name_groups:
                    surnames[(name_groups[d], word)].add(iri)
    for r in records:
        if r.kind != "thing" or not r.documents:
            continue
        capitalised = {normalise(label) for label in r.labels if len(label.split()) == 1 and label[:1].isupper()}
        for word in sorted(capitalised):
            cands = {iri for d in r.documents if d in name_groups for iri in surnames.get((name_groups[d], word), ())}
            found = _distinct_clusters(uf, cands, exclude=r.iri)
            if len(found) == 1:
                uf.union(r.iri, found[0], f"surname-as-noun:{word}")
                break

    del persons_by_word, surnames, name_groups

    # 5. compass words used as names ("the North")
    places_by_doc: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for r in records:
        if r.kind == "place" or (r.kind == "named" and "Place" in r.types):
            for label in r.prefs:
                words = tokens(label)
                if len(words) >= 2 and words[0] in COMPASS_WORDS:
                    for d in r.documents:
                        places_by_doc[d].append((words, r.iri))
    for r in records:
        if r.kind in {"place", "named"} and any(tokens(p) in {(w,) for w in COMPASS_WORDS} for p in r.prefs):
            word = next(tokens(p)[0] for p in r.prefs if len(tokens(p)) == 1 and tokens(p)[0] in COMPASS_WORDS)
            cands = {(w, iri) for d in r.documents for w, iri in places_by_doc.get(d, ()) if w[0] == word}
            if len({w for w, _ in cands}) == 1:
                for _, iri in sorted(cands):
                    uf.union(r.iri, iri, f"compass:{word}")

    del places_by_doc

    # 6a. a common noun that is a name written in lower case ("the Tellish navy"): before the nouns of one
    #     head meet, so each joins its name on its own
    spelled_names = set()
    for r in records:
        if r.kind != "thing" or not r.prefs or not r.documents:
            continue
        # (any of its labels: the preferred one has a lemmatised head, "Philadelphia 76er")
        spelled = {normalise(x) for x in r.labels if len(tokens(x)) >= 2}
        spelled |= {form for x in r.labels for form in [_service_name(x)] if form}  # "Tellish naval forces"
        exact = {iri for form in spelled for iri in by_form.get(form, ()) if by_iri[iri].kind != "person"}
        # a name with a noun of its kind after it ("a Dallow's Market store", "the Ellery Mall outlet in Dale");
        # a place's name before a shop noun says where the shop is ("a Dale supermarket" is no place, :func:`_site_of`)
        exact |= {iri for form, nouns in map(_name_before_kind_noun, r.labels) if form
                  for iri in by_form.get(form, ()) if by_iri[iri].kind != "person" and (
                      _site_of(form, by_iri[iri], place_names) if nouns is _SITE_NOUNS else "Place" in by_iri[iri].types)}
        # a place noun whose "of" gives the place's name ("the port city of Dale")
        exact |= {iri for form in map(_name_after_kind_of, r.labels) if form
                  for iri in by_form.get(form, ()) if "Place" in by_iri[iri].types}
        # a person's full name the tagger read as a noun phrase ("Dr. Helen Ashby", every word capitalised)
        written = {person_core(x) for x in r.labels if len(tokens(x)) >= 2} if any(map(_title_case, r.labels)) else ()
        exact = sorted(exact | {iri for form in written for iri in by_form.get(form, ()) if by_iri[iri].kind == "person"})
        if len(_distinct_clusters(uf, exact, exclude=r.iri)) == 1:
            if uf.union(r.iri, exact[0], f"name-as-noun:{normalise(r.prefs[0])}") and \
                    "person" in uf.kinds[uf.find(r.iri)]:
                uf.forget_modifiers(r)  # (an organisation's name keeps them: "the Tellish navy", not foreign ones)
            spelled_names.add(r.iri)

    del by_form

    # 6. common nouns with one head (:func:`_join_heads`), 7. a common noun that heads exactly one organisation's
    #    or place's name of its story ("the navy", "the gulf"; :func:`_join_name_heads`), 8. a description and the
    #    person or place another article of the story calls so ("the climber" / "Robert Hallam" where some
    #    article says "Hallam, the climber"; :func:`_join_described`). The three run twice: first in close
    #    stories (an article and the articles most like it), then in the story of common nouns (a stricter one
    #    than names need). That story can hold two events of one kind (two climbers who died on two
    #    mountains): there "the climber" of one meets the other's, and two described climbers leave it to
    #    neither. In its close story it joins its own event's climber; in the story the two events' nouns then
    #    clash by their names (or by the modifiers each event's reports pooled), while the reports of one event
    #    that close stories part still meet. (Every grouping is made here, before nouns merge: a noun joined to
    #    a name would move documents between groups.)
    groups = _place_lone_documents(as_read, uf, story_groups(as_read, uf, mean=NOUN_STORY_MEAN_SIMILARITY))
    close = story_groups(as_read, uf, mean=CLOSE_STORY_MEAN_SIMILARITY, words=CLOSE_STORY_WORD_WEIGHT)
    closest = story_groups(as_read, uf, mean=DEICTIC_STORY_MEAN_SIMILARITY)  # (rule 9)
    _short_org_names(records, uf, spell_groups, place_names)  # 4e. (after the groupings: they weigh names as read)
    _same_scores(records, uf, groups)  # 4f.
    _leader_groups(records, uf, groups)
    told = _deictic_event_days(records, closest)  # (the days rule 9 gives "yesterday": the head rule asks them)
    head_nouns = _head_nouns(records, told)
    described = _descriptions(records)
    name_heads = _name_heads(records, by_iri)
    for stories in (close, groups):
        _join_heads(by_iri, uf, stories, head_nouns)
        _join_name_heads(records, by_iri, uf, stories, spelled_names, name_heads)
        _join_described(by_iri, uf, stories, described)
    del close, spelled_names, head_nouns, described, name_heads
    _org_descriptions(records, by_iri, uf)  # 8b.
    _kind_named_descriptions(records, by_iri, uf)  # 8b.
    _facility_descriptions(records, by_iri, uf)  # 8c.
    _premises_by_place(records, uf, groups)  # 8d.

    # 9. times: within a story, the expressions of one weekday ("Thursday", "early Thursday morning",
    #    "Thursday, November 10, 2011") name one day; so do a weekday and the one date of the story that
    #    falls on it, and a date written without its year ("Nov. 10") and the one such date of the story.
    #    (A bare weekday names a day of the week its report was written in: the date must be one a report
    #    writes by its weekday or as its own day, "today", "last night"; a date given only as a date, a vote
    #    called for a Sunday months ahead, may be any Sunday's other one.)
    days: dict[tuple[int, str], list[str]] = defaultdict(list)
    dated: dict[tuple[int, str], set[str]] = defaultdict(set)  # (story, weekday) -> the calendar days on it
    calendar: dict[tuple[int, int, int], set[str]] = defaultdict(set)  # (story, month, day) -> calendar days
    for r in records:
        if r.kind != "thing" or not r.documents:
            continue
        weekdays = {day for label in r.labels for day in _weekdays(label)}
        stories = {groups[d] for d in r.documents}
        when = _calendar_day(r.iri)
        if when is not None and len(weekdays) <= 1 and weekdays <= {_WEEKDAY_NAMES[when.weekday()]}:
            for story in stories:
                if weekdays or any(_deictic(label) for label in r.labels):
                    dated[(story, _WEEKDAY_NAMES[when.weekday()])].add(r.iri)
                calendar[(story, when.month, when.day)].add(r.iri)
        if len(weekdays) == 1 and len(stories) == 1:
            days[(stories.pop(), weekdays.pop())].append(r.iri)
    for key in sorted(days):
        members = days[key]
        for other in members[1:]:
            uf.union(members[0], other, f"weekday:{key[1]}", force=True)
        if len(dated.get(key, ())) == 1:  # (two Fridays of the story: which one a bare "Friday" is is open)
            uf.union(members[0], next(iter(dated[key])), f"weekday-date:{key[1]}", force=True)
    # (the event day of "yesterday" is read in the articles closest to it: a topic's two events of one
    #  kind share names, not days)
    _deictic_days(told, uf)
    yearless: dict[tuple[int, int, int], list[str]] = defaultdict(list)  # (story, month, day) -> records
    for r in records:
        if r.kind != "thing" or not r.documents or _calendar_day(r.iri) is not None:
            continue
        found = {_month_day(label) for label in r.labels} - {None}
        stories = {groups[d] for d in r.documents}
        if len(found) != 1 or len(stories) != 1:
            continue
        (month, day), story = found.pop(), stories.pop()
        if len(calendar.get((story, month, day), ())) == 1:
            uf.union(r.iri, next(iter(calendar[(story, month, day)])), "month-day", force=True)
        elif not calendar.get((story, month, day)):
            yearless[(story, month, day)].append(r.iri)
    # (a date its reports write without a year and no report dates, "Dec. 6" / "December 6" / "6 December",
    #  is one day of the story: a story does not tell two Decembers' sixths without writing a year)
    for key in sorted(yearless):
        for other in yearless[key][1:]:
            uf.union(yearless[key][0], other, "month-day", force=True)

    _clock_times(records, closest, uf)  # (after the month-day joins, so a date's hour finds one day)
    _deictic_by_hour(records, uf)  # (after rule 9 and the hours' joins: only the days they left open)

    # 10. a description of a person and the one person of its story who did the same things to the same
    #     referents ("a former employee opened fire ... killed a man ... was charged with murder" /
    #     "Ann Lee opened fire ... killed the man ... charged with murder")
    _same_deeds(records, groups, uf)
    _same_harm(records, groups, uf)
    _counted_harm(records, groups, uf)  # 11b.
    _same_ordinal(records, groups, uf)  # 11e.
    _death_of(records, groups, uf)  # 11c.
    _one_accused(records, groups, uf)  # 11d.
    _said_chosen(records, uf)  # 12.
    _join_kinds(records, uf, closest)  # 13.

    del groups, closest, days, told
    result = _result(uf, records, external)
    _clear_label_caches()
    return result


def _clear_label_caches() -> None:
    """Empty the caches of the label functions (:data:`_LABEL_CACHE`): a resolve keeps no memory for the next."""
    for cached in _LABEL_CACHED:
        cached.cache_clear()


#: Nouns for the people who govern or work with a leader, after the leader's name ("the Obama administration",
#: "the Obama team", "the Lee camp"): reports call that one group by any of them (:func:`_leader_groups`).
_LEADER_GROUP_NOUNS = frozenset("administration team camp government".split())


def _leader_groups(records: Sequence[EntityRecord], uf: _UnionFind, groups: dict[str, int]) -> None:
    """A person's name (or surname) before a noun for the group around a leader (:data:`_LEADER_GROUP_NOUNS`)
    names one group in a story of ``groups``, whichever of the nouns follows it: "the Ann Lee team" and "the Lee
    administration" of two reports about Ann Lee join.

    Why: the head rule (6) keys a noun by its head, and "team" / "administration" are no near-synonyms in
    general ("the team" of a sports report is the club); after a leader's name they are: the people the
    leader chose to govern with, called "the X team" while they prepare and "the X administration" once in
    office, which reports of one story alternate. Only a person of the story counts as the leader: "the Dale
    government" is a place's, "the Harriers team" a club.

    >>> recs = [EntityRecord("p", ("Ann Lee",), frozenset({"Person"}), frozenset({"d1", "d2"})),
    ...         EntityRecord("t", ("team", "the Lee team"), frozenset({"Thing"}), frozenset({"d1"})),
    ...         EntityRecord("a", ("Lee administration",), frozenset({"Organization"}), frozenset({"d2"}))]
    >>> uf = _UnionFind(recs)
    >>> _leader_groups(recs, uf, {"d1": 0, "d2": 0})
    >>> uf.find("t") == uf.find("a")
    True
    """
    people: dict[int, set[str]] = defaultdict(set)  # story -> the names and surnames of its people
    for r in records:
        if r.kind == "person" and not r.publisher:
            for label in r.prefs:
                core = person_core(label)
                if core:
                    for story in {groups[d] for d in r.documents if d in groups}:
                        people[story] |= {core, core.split()[-1]}
    led: dict[tuple[int, str], list[str]] = defaultdict(list)
    for r in records:
        if r.kind not in {"thing", "named"} or r.publisher or not r.documents:
            continue
        for label in r.labels:
            raw = [w for w in label.split() if w.casefold() not in {"the", "a", "an"}]
            if len(raw) < 2 or _singular(normalise(raw[-1])) not in _LEADER_GROUP_NOUNS or \
                    not all(w[:1].isupper() for w in raw[:-1]):
                continue
            name = normalise(" ".join(raw[:-1]))
            for story in {groups[d] for d in r.documents if d in groups}:
                if name in people.get(story, ()):
                    led[(story, name)].append(r.iri)
    for key in sorted(led):
        members = sorted(set(led[key]))
        for other in members[1:]:
            uf.union(members[0], other, f"leader-group:{key[1]}")


@dataclass(frozen=True)
class _HeadNouns:
    """What the head rule (6) reads of each common noun (:func:`_head_nouns`), read once per resolve.

    Why: the rule runs twice (in close stories, then in the story of common nouns) over the same records, and
    its per-record reading (the head key, the number, the times stated, the ordinal, the rank) does not depend
    on the stories or on the clusters; read per pass it was about half the rule's time (benchmarks/RESULTS.md,
    spd24b).
    """

    nouns: list[tuple[EntityRecord, str, bool]]  # (record, head key, written plural)
    stated: dict[str, _When]  # IRI -> what it states (:func:`_time_stated`), for the entities that state something
    counted: dict[str, str | None]  # IRI -> its ordinal if it is nothing but its counted person (:func:`_counted_only`)
    rank: dict[str, tuple]  # IRI -> :func:`_rank`


def _head_nouns(records: Sequence[EntityRecord], told: dict[str, tuple[str, str]] | None = None) -> _HeadNouns:
    """The common nouns the head rule (6) gathers, with their head keys and numbers, and what it asks of them
    pair by pair computed once per noun. ``told``: the days rule 9 will give "yesterday" / "this morning"
    (:func:`_deictic_event_days`)."""
    stated = {r.iri: when for r in records if (when := _time_stated(r, told or {})) is not _NO_TIME}
    nouns: list[tuple[EntityRecord, str, bool]] = []
    for r in records:
        if r.kind != "thing" or not r.documents:
            continue
        span = _elapsed_span(r.prefs[0]) if r.prefs else None  # ("a few hours later": hours)
        head = span[0] if span else thing_head(r.prefs[0]) if r.prefs else ""
        if not head or head in _GENERIC_HEADS or any(map(_hours_clock, r.labels)):  # ("1100 hours": no span)
            continue
        if _measure_noun(r):  # ("205 yards", "21 yards": a unit)
            continue
        head = _head_key(head, r)  # "the shooter" meets "the gunman", "the vehicle" meets "the car"
        # one of a group is not the group ("a former employee" / "employees at the party"); a body of people
        # ("police" / "investigators") is a group however it is written
        plural = head.endswith(" (body)") or _written_number(r) == "plural" or bool(span and span[1])
        nouns.append((r, head, plural))
    return _HeadNouns(nouns, stated, {r.iri: _counted_only(r) for r, _, _ in nouns},
                      {r.iri: _rank(r) for r, _, _ in nouns})


def _join_heads(by_iri: dict[str, EntityRecord], uf: _UnionFind, groups: dict[str, int], read: _HeadNouns) -> None:
    """Rule 6: the common nouns of one head (or of near-synonym heads) in one story of ``groups`` meet, each
    joining the first group of its head it does not clash with; a noun already joined to a name leads.
    ``read``: the nouns and what they state (:func:`_head_nouns`); time expressions that state other days or
    other hours stay apart (:func:`_other_time`)."""
    seen: dict[str, tuple[int, _When]] = {}  # (:func:`_stated_when`)
    heads: dict[tuple[int, str, bool], list[str]] = defaultdict(list)  # (story, head key, plural) -> nouns
    counted = _numbers_told_apart(read.nouns, groups)
    for r, head, plural in read.nouns:
        # a common noun whose IRI is shared by documents of several stories already joins them
        for story in sorted({groups[d] for d in r.documents}):
            apart = plural and (head.endswith(" (body)") or (story, head) in counted or
                                is_person_noun(head.split()[-1]))
            heads[(story, head, apart)].append(r.iri)
    for key in sorted(heads):
        # a noun already joined to a name leads; each noun joins the first group it does not clash with
        members = sorted(heads[key], key=lambda iri: (uf.kinds[uf.find(iri)] == {"thing"}, read.rank[iri]))
        anchors: list[str] = []
        for iri in members:
            if not any(not _other_time(uf, anchor, iri, read.stated, seen) and
                       not _ordinals_apart(by_iri[anchor], by_iri[iri], read.counted) and
                       uf.union(anchor, iri, f"head:{key[1]}", strong_clash_only=True, same_head=True)
                       for anchor in anchors):
                anchors.append(iri)


def _ordinals_apart(a: EntityRecord, b: EntityRecord, counted: dict[str, str | None]) -> bool:
    """Do two descriptions of a person from different articles count their person by different ordinals, or one
    by an ordinal and the other by none ("a third co-worker" / "a co-worker of hers")? The ordinal person is
    one of those its report counted; another report's uncounted noun of the same head may be any of them.
    ``counted``: :func:`_counted_only` of each (:attr:`_HeadNouns.counted`)."""
    return a.documents.isdisjoint(b.documents) and counted[a.iri] != counted[b.iri]


def _counted_only(rec: EntityRecord) -> str | None:
    """The ordinal of a description that is nothing but its counted person ("co-worker", "third co-worker"):
    every label is its head noun, the ordinal phrase, or "another" and the head; ``None`` for any other."""
    ordinal = _ordinal_key(rec)
    if ordinal is None or not rec.prefs:
        return None
    head = thing_head(rec.prefs[0])
    for label in rec.labels:
        words = " ".join(label.lower().split()).split()
        if words and words[0] in ("a", "an", "the"):
            words = words[1:]
        if words and (words[0] in _ORDINALS or words[0] == "another"):
            words = words[1:]
        if len(words) != 1 or thing_head(words[0]) != head:
            return None
    return ordinal


def _numbers_told_apart(nouns: Sequence[tuple[EntityRecord, str, bool]], groups: dict[str, int]) -> set[tuple[int, str]]:
    """The ``(story, head key)`` pairs of ``nouns`` (record, head key, written plural) some article of the story
    writes in both numbers for two things: in a plural record and a singular one.

    Why: a thing's plural in one report and its singular in another often name one thing ("the new rules" /
    "the rule", "the damaged cables" / "the cable"): reports count a thing's parts differently. An article that
    writes both for two things ("a cable ... the other cables") tells one from the others, and so does the
    story; one record written both ways (extraction keys "the rule" and "the rules" of one article alike) is one
    thing to its article, no such evidence. People are never so joined (one of a group is not the group;
    :func:`_join_heads`).

    >>> rule = lambda iri, doc, *labels: EntityRecord(iri, labels, frozenset({"Thing"}), frozenset({doc}))
    >>> nouns = [(rule("e:1", "a", "rule", "rules"), "rule", True), (rule("e:2", "b", "rule"), "rule", False),
    ...          (rule("e:3", "a", "cable", "cables"), "cable", True), (rule("e:4", "a", "cable"), "cable", False)]
    >>> sorted(_numbers_told_apart(nouns, {"a": 0, "b": 0}))
    [(0, 'cable')]
    """
    written: dict[tuple[int, str, str], set[bool]] = defaultdict(set)
    for r, head, plural in nouns:
        for d in r.documents:
            written[(groups[d], head, d)].add(plural)
    return {(story, head) for (story, head, _), numbers in written.items() if len(numbers) > 1}


#: Time units a span is counted in ("a few hours later", "two minutes later"; :func:`_elapsed_span`).
_SPAN_UNITS = frozenset("second minute hour day night week month year".split())
_AFTER_SPAN = frozenset({"later", "earlier", "after", "before"})


def _elapsed_span(label: str) -> tuple[str, bool] | None:
    """The time unit (and whether it is written in the plural) of a span counted from another time: "a few
    hours later" -> ("hour", True), "a day earlier" -> ("day", False); None for any other label.

    Why: the head of "a few hours later" is read as "later", so the head rule (6) never weighs it against "a
    few hours after" (whose "after" the extractor leaves out of the label) or "two minutes later" against
    "two minutes" of the same story: the span's unit is what the expressions share. The number words still
    keep apart spans of two counts (:func:`_group_counts`).

    >>> _elapsed_span("few hours later"), _elapsed_span("Two Minutes Later"), _elapsed_span("day earlier")
    (('hour', True), ('minute', True), ('day', False))
    >>> _elapsed_span("few hours") is None, _elapsed_span("much later") is None
    (True, True)
    """
    words = tokens(label)
    if len(words) < 2 or words[-1] not in _AFTER_SPAN or thing_head(label) != words[-1]:
        return None
    unit = _singular(words[-2])
    return (unit, unit != words[-2]) if unit in _SPAN_UNITS else None


#: A time of day written the military way: four digits (or an hour and minutes) and "hours" ("at 1100 hours").
_HOURS_CLOCK = re.compile(r"^(?:(?:at|by|about|around|until|from|since) )*(?:[01]\d|2[0-4])[0-5]\d (?:hours|hrs)$|"
                          r"^(?:(?:at|by|about|around|until|from|since) )*(?:[01]?\d|2[0-4]):[0-5]\d (?:hours|hrs)$")


def _hours_clock(label: str) -> bool:
    """A time of day written with "hours" after a four-digit clock ("1100 hours", "at 0930 hrs", "9:25 hours").

    Why: its head noun is "hours", so the head rule (6) would weigh it against the story's spans of hours ("hours
    earlier", "a few hours later", :func:`_elapsed_span`): a point of the day is no span. Two reports giving one
    such time share its IRI already (its key is the number).

    >>> _hours_clock("1100 hours"), _hours_clock("at 0930 hrs"), _hours_clock("9:25 hours")
    (True, True, True)
    >>> _hours_clock("hours earlier"), _hours_clock("24 hours"), _hours_clock("1500 hours of footage")
    (False, False, False)
    """
    return bool(_HOURS_CLOCK.match(" ".join(label.lower().split())))


def _other_time(uf: _UnionFind, a: str, b: str, stated: dict[str, _When], seen: dict[str, tuple[int, _When]]) -> bool:
    """Do the clusters of ``a`` and ``b`` state different days, or different hours (:func:`_stated_when`)?

    Why: the head rule gathers time expressions by their head noun, and "this morning" of a report on a
    Thursday is not "early Friday morning", nor is "8:20 am" "1:30 a.m.": one head, two times. Where one side
    states no day (or no hour), nothing is told against the join. A day only read from a story's event day
    (``told``) is weighed against a day some expression writes, not against another such reading: two reports'
    "today" both guessed from their stories are not told apart by the guesses.
    """
    (days_a, written_a, hours_a), (days_b, written_b, hours_b) = (_stated_when(uf, x, stated, seen) for x in (a, b))
    return bool(days_a and written_b and days_a.isdisjoint(written_b) or written_a and days_b and
                written_a.isdisjoint(days_b) or hours_a and hours_b and hours_a.isdisjoint(hours_b))


#: What time expressions state (:func:`_time_stated`): the weekdays, the days ``told`` of "yesterday" included;
#: the weekdays some expression writes; the hours (hour, "a" or "p").
_When = tuple[frozenset[str], frozenset[str], frozenset[tuple[int, str]]]


def _stated_when(uf: _UnionFind, iri: str, stated: dict[str, _When], seen: dict[str, tuple[int, _When]]) -> _When:
    """What the time expressions of the cluster of ``iri`` state: the union of its members' ``stated``
    (:func:`_time_stated`, kept only for the entities that state something).

    ``seen`` keeps the answer per cluster root with the cluster's size: clusters only grow, so a root of the
    same size has the same members, and the head rule, which asks each anchor again for every noun of its
    head, reads a cluster's members once per size rather than once per question.

    >>> recs = [EntityRecord(i, (label,), frozenset({"Thing"})) for i, label in
    ...         [("a", "Early Friday morning"), ("b", "8:20 am"), ("c", "the morning")]]
    >>> uf = _UnionFind(recs)
    >>> stated = {r.iri: _time_stated(r, {}) for r in recs}
    >>> uf.union("a", "b", "test") and _stated_when(uf, "a", stated, {})
    (frozenset({'friday'}), frozenset({'friday'}), frozenset({(8, 'a')}))
    """
    root = uf.find(iri)
    size = len(uf.members[root])
    hit = seen.get(root)
    if hit is None or hit[0] != size:
        parts = [stated[m] for m in uf.members[root] if m in stated]
        # (most roots asked state nothing, and most that do have one member that does: their answer is a shared
        # value, not three new sets per root, which were the head rule's largest table)
        when = _NO_TIME if not parts else parts[0] if len(parts) == 1 else tuple(
            frozenset().union(*(part[k] for part in parts)) or _NO_TIME[k] for k in range(3))
        hit = seen[root] = (size, when)  # type: ignore[assignment]
    return hit[1]


def _time_stated(rec: EntityRecord, told: dict[str, tuple[str, str]]) -> _When:
    """The weekdays (read and written) and the hours (hour, "a" or "p") the time expression ``rec`` states.

    A day is stated by a weekday ("early Friday morning"), by a calendar date (its weekday), or by
    "yesterday" / "this morning" read as its story's event day (``told``, :func:`_deictic_event_days`: a day
    read, not written); an hour by a time of day ("at 8:20 am", :func:`_clock_value`). A "today" its
    article's date made a calendar day states none: an article's date is often the day it was filed or put
    online, not the day it tells of.

    >>> rec = lambda iri, label: EntityRecord(iri, (label,), frozenset({"Thing"}))
    >>> _time_stated(rec("a", "Early Friday morning"), {}), _time_stated(rec("c", "8:20 am"), {})
    ((frozenset({'friday'}), frozenset({'friday'}), frozenset()), (frozenset(), frozenset(), frozenset({(8, 'a')})))
    >>> _time_stated(rec("b", "this morning"), {"b": ("thursday", "e:thursday")})
    (frozenset({'thursday'}), frozenset(), frozenset())
    """
    if rec.kind != "thing":
        return _NO_TIME
    weekdays = {day for label in rec.labels for day in _weekdays(label)}
    calendar = _weekday_of(rec.iri) if not all(_deictic(label) for label in rec.labels) else None
    written = frozenset(weekdays) if len(weekdays) == 1 else frozenset({calendar}) if calendar else frozenset()
    days = written or (frozenset({told[rec.iri][0]}) if rec.iri in told else frozenset())
    hours = frozenset((v[0], v[2]) for v in map(_clock_value, rec.labels) if v is not None)
    return (days, written, hours) if days or hours else _NO_TIME


_NO_TIME: _When = (frozenset(), frozenset(), frozenset())


def _head_key(head: str, rec: EntityRecord) -> str:
    """The key under which the head rule (6) gathers a common noun of head noun ``head``: its near-synonym class
    (:data:`_SYNONYM_KEY`), and in a class with a collective noun (:data:`_COLLECTIVE_KEYS`), whether it names the
    body of people ("police", "cops", "investigators") or one person ("the detective", "a cop").

    Why: reports call a force "police" and "the cops", and one officer "the detective" or "the policeman"; one
    person is not the force (its claims are not the force's claims).

    >>> rec = lambda label, *alts: EntityRecord("e", (label, *alts), frozenset({"Thing"}))
    >>> _head_key("police", rec("police")), _head_key("cop", rec("cop", "Cops")), _head_key("detective", rec("detective"))
    ('cop (body)', 'cop (body)', 'cop')
    >>> _head_key("vehicle", rec("vehicle")), _head_key("shooter", rec("shooter")), _head_key("river", rec("river"))
    ('automobile', 'abductor', 'river')

    Only a description that ends with its head noun is keyed by its class: a complement may choose another
    sense of the word ("the peak of the season" is a time, not a mountain; "the highest peak" may be one).

    >>> _head_key("peak", rec("peak of the season")), _head_key("peak", rec("highest peak"))
    ('peak', 'mountain')

    A person noun behind a relational prefix (:data:`_RELATIONAL_PREFIXES`) written in the singular is keyed whole:
    one co-worker is someone a worker works with, not the story's "worker"; "her co-workers" are its workers.

    >>> _head_key("worker", rec("co-worker", "a co-worker")), _head_key("worker", rec("co-worker", "co-workers"))
    ('co-worker', 'worker')
    """
    direction = _time_direction(head, rec)
    if direction:
        return f"{head} ({direction})"  # "last week" and "the following week" are two weeks
    spelled = american_spelling(head)  # "the jewellery" / "the jewelry", "the epicentre" / "the epicenter"
    key = _SYNONYM_KEY.get(spelled, spelled)
    words = tokens(rec.prefs[0]) if rec.prefs else ()
    if key != spelled and words and _singular(words[-1]) != head and words[-1] != head:
        return spelled  # a complement may choose another sense of the word: "the peak of the season" is no mountain
    if key in _COLLECTIVE_KEYS and (not is_person_noun(head) or
                                    any(_plural_of(tokens(label)[-1:], head) for label in rec.labels)):
        return f"{key} (body)"
    start, end = _head_span(words, _capitalised(rec.prefs[0])) if words else (0, 0)
    if end - start == 1 and start > 0 and words[start - 1] in _RELATIONAL_PREFIXES and is_person_noun(head) and \
            re.search(rf"\b{words[start - 1]}-{re.escape(words[start])}\b", rec.prefs[0], re.IGNORECASE) and \
            not any(_singular(w) != w for label in rec.labels for w in tokens(label)[-1:]):
        return f"{words[start - 1]}-{key}"  # one co-worker is whom a worker works with, not the story's worker
    return key


#: British spellings of noun endings and their American forms, for words long enough that the rewrite makes no
#: other word: "colour" / "color", "centre" / "center", "catalogue" / "catalog", "defence" / "defense",
#: "jewellery" / "jewelry", "programme" / "program", "organisation" / "organization", "counselling" /
#: "counseling", "traveller" / "traveler".
_BRITISH_ENDINGS = tuple((re.compile(pattern), american) for pattern, american in (
    (r"(?<=^[a-z]{3})([a-z]*)our$", r"\1or"), (r"(?<=^[a-z]{2})([a-z]*[tb])re$", r"\1er"),
    (r"(?<=^[a-z]{3})([a-z]*)ogue$", r"\1og"), (r"(?<=^[a-z]{2})([a-z]*[fct])ence$", r"\1ense"),
    (r"ellery$", "elry"), (r"gramme$", "gram"), (r"isation$", "ization"), (r"iser$", "izer"),
    (r"(?<=^[a-z]{4})([a-z]*)ll(ing|er|or)$", r"\1l\2")))


@_label_cached
def american_spelling(word: str) -> str:
    """``word`` (a lower-case noun) with a British ending written the American way; other words unchanged.

    Why: reports of one event come from both sides of the Atlantic, and one thing is then "the jewellery" in
    one and "the jewelry" in another; the head rule (6) meets nouns by their head word.

    >>> [american_spelling(w) for w in ("jewellery", "epicentre", "theatre", "neighbour", "defence", "programme")]
    ['jewelry', 'epicenter', 'theater', 'neighbor', 'defense', 'program']
    >>> [american_spelling(w) for w in ("counselling", "organisation", "catalogue", "tour", "hour", "filling", "acre")]
    ['counseling', 'organization', 'catalog', 'tour', 'hour', 'filling', 'acre']
    """
    for pattern, american in _BRITISH_ENDINGS:
        spelled = pattern.sub(american, word)
        if spelled != word:
            return spelled
    return word


#: Time units shorter than a year, and the words that place one before, at or after the time of writing.
_SHORT_TIME_UNITS = frozenset({"day", "night", "week", "weekend", "month"})
_TIME_DIRECTIONS = {**dict.fromkeys(("last", "past", "previous", "preceding"), "before"),
                    **dict.fromkeys(("this", "current"), "now"),
                    **dict.fromkeys(("next", "coming", "following"), "after")}


def _time_direction(head: str, rec: EntityRecord) -> str | None:
    """Whether a common noun naming a time unit shorter than a year places it before, at or after the time
    of writing ("last week", "this week", "the following week"): ``before``, ``now``, ``after`` or None.

    Why: the head rule (6) joins the common nouns of one head in a story, and "last week" and "the following
    week" of one story's reports are two weeks, as "this week" of a report is not its "last week". (Years are
    left out: reports written in two years call one year "this year" and "next year".)

    >>> rec = lambda label: EntityRecord("e", (label,), frozenset({"Thing"}))
    >>> _time_direction("week", rec("just last week")), _time_direction("week", rec("following week"))
    ('before', 'after')
    >>> _time_direction("week", rec("week")), _time_direction("year", rec("next year"))
    (None, None)
    """
    if head not in _SHORT_TIME_UNITS or not rec.prefs:
        return None
    found = {_TIME_DIRECTIONS[w] for label in rec.labels for w in tokens(label) if w in _TIME_DIRECTIONS}
    return found.pop() if len(found) == 1 else None


def _plural_of(words: Sequence[str], noun: str) -> bool:
    """Is ``words`` the one word that is the plural of the singular ``noun`` (cops, detectives, policemen)?

    >>> _plural_of(("cops",), "cop"), _plural_of(("policemen",), "policeman"), _plural_of(("cop",), "cop")
    (True, True, False)
    """
    if len(words) != 1:
        return False
    word = words[0]
    return word in {noun + "s", noun + "es"} or (noun.endswith("man") and word == noun[:-3] + "men") or \
        (noun.endswith("y") and word == noun[:-1] + "ies")


#: A longer name rule 7 may join a one-word name or a common noun to (:func:`_name_heads`): its documents, its
#: head, its words (singular), its entity, and whether its last word is written in the plural.
_NameHead = tuple[frozenset[str], str, frozenset[str], str, bool]


def _name_heads(records: Sequence[EntityRecord], by_iri: dict[str, EntityRecord]) -> list[_NameHead]:
    """The organisations' and places' names of two words or more, with their heads, as rule 7 reads them
    (:func:`_join_name_heads`), read once per resolve: the rule runs in close stories and then in the story of
    common nouns, and a name's forms and head depend on neither (benchmarks/RESULTS.md, spd24b). A common noun
    written as a name (:func:`_proper_thing_forms`: "Tellsoft Navigator", a name the tagger missed) is such a
    longer name too."""
    found: list[_NameHead] = []
    for r in records:
        if r.kind not in {"named", "place"} or r.publisher:
            continue
        for label in r.prefs:
            # (and the name with its number written the other way, or cut to its nickname: "Tellport Eighters")
            for words in sorted({tokens(label), *(tuple(f.split()) for f in numeral_forms(label) | numeral_nicknames(label))}):
                if len(words) < 2 or _COORDINATORS & set(words):
                    continue  # (two names read as one, "Tellport and Banks", have no head)
                found.append((r.documents, name_head(words), frozenset(_singular(w) for w in words), r.iri,
                              _singular(words[-1]) != words[-1]))
    for iri, forms in sorted(_proper_thing_forms(records).items()):  # a name the tagger missed ("Internet Explorer")
        for form in sorted(forms):
            words = tuple(form.split())
            if _COORDINATORS & set(words):
                continue
            found.append((by_iri[iri].documents, name_head(words), frozenset(_singular(w) for w in words), iri,
                          _singular(words[-1]) != words[-1]))
    return found


def _join_name_heads(records: Sequence[EntityRecord], by_iri: dict[str, EntityRecord], uf: _UnionFind,
                     groups: dict[str, int], spelled_names: set[str], names: Sequence[_NameHead]) -> None:
    """Rule 7: a one-word name or a common noun that heads exactly one organisation's or place's name of its
    story of ``groups`` ("the navy" / "the Tellish Navy") joins it; ``spelled_names``: the nouns rule 6a found
    to be names; ``names``: the longer names (:func:`_name_heads`), a name the tagger missed among them:
    "Navigator", tagged a name in another report, is the head of "Tellsoft Navigator"."""
    # (story, head) -> (the name's words, singular, the name's entity, whether the name ends in a plural word)
    named_heads: dict[tuple[int, str], list[tuple[frozenset[str], str, bool]]] = defaultdict(list)
    for documents, head, words, iri, plural in names:
        for story in {groups[d] for d in documents}:
            named_heads[(story, head)].append((words, iri, plural))
    for r in records:  # a one-word name that is the head of one longer name of its story ("Navy", "Tellish Navy")
        words = tokens(r.prefs[0]) if r.prefs else ()
        if not _named_kind(r) or r.publisher or len(words) != 1 or not r.documents:
            continue
        stories = {groups[d] for d in r.documents}
        cands = [iri for story in stories for _, iri, _ in named_heads.get((story, _singular(words[0])), ())]
        found = _distinct_clusters(uf, cands, exclude=r.iri)
        if len(found) > 1:  # "the Navy" of a story about the Tellish Navy that names the U.S. Navy once
            found = _most_shared(uf, cands, r, by_iri)
        if len(found) == 1:
            uf.union(r.iri, found[0], f"name-head:{words[0]}")
    for r in records:
        if r.kind != "thing" or not r.prefs or not r.documents:
            continue
        label = r.prefs[0]
        if r.iri in spelled_names:
            continue
        head, mods = thing_head(label), thing_modifiers(label)
        story = {groups[d] for d in r.documents}
        if not head or len(story) != 1:
            continue
        named = [(words, iri) for words, iri, plural in named_heads.get((story.pop(), head), ())
                 if _number_agrees(r, head, plural)]
        found = _distinct_clusters(uf, [iri for words, iri in named if mods <= words], exclude=r.iri)
        if not found:
            # "the next surgeon general" / "Surgeon General": a noun modifier shared with the name picks
            # it; adjectives and contrast words are details; a proper-noun modifier must be in the name
            strong = {w.removeprefix(_WHEN) for w in distinguishing_modifiers(label) - _CONTRASTIVE}
            # (a two-word head, "surgeon general", already holds the noun modifier it shares with the name)
            found = _distinct_clusters(uf, [iri for words, iri in named if strong <= words and
                                            (not mods or mods & words or " " in head)], exclude=r.iri)
        if len(found) == 1:
            uf.union(r.iri, found[0], f"name-head:{head}")

def _number_agrees(rec: EntityRecord, head: str, plural_name: bool) -> bool:
    """May the common noun ``rec`` (head ``head``) be the name whose last word is written in the plural when
    ``plural_name``? For people, only in the same number: a name that ends in a plural person noun ("Tellco
    Co-Workers", a headline's words the tagger took for a name) names a group, and "the suspended worker" is
    one person, not the group; a noun its articles write in both numbers is neither. Things and places are
    not held to it ("the Tellish Navy" / "the navies" of one report are rare, and a name's plural is often
    its own: "the Keys").

    >>> worker = EntityRecord("e:1", ("suspended worker",), frozenset({"Thing"}))
    >>> _number_agrees(worker, "worker", True), _number_agrees(worker, "worker", False)
    (False, True)
    >>> _number_agrees(EntityRecord("e:2", ("navy",), frozenset({"Thing"})), "navy", True)
    True
    """
    if not is_person_noun(head.split()[-1]):
        return True
    return _written_number(rec) == ("plural" if plural_name else "singular")


@dataclass(frozen=True)
class _Descriptions:
    """What rule 8 reads of the records (:func:`_descriptions`), read once per resolve.

    Why: the rule runs twice (in close stories, then in the story of common nouns) over the same records, and
    which descriptions a person or place is given, and which common nouns are bare descriptions, with their
    heads and modifiers, depend on neither the stories nor the clusters (benchmarks/RESULTS.md, spd24b).
    """

    said: list[tuple[str, str, frozenset[str], str]]  # (document, head noun, identifying modifiers, entity described)
    bare: list[tuple[EntityRecord, str, frozenset[str], frozenset[str]]]  # (noun, head, its modifiers, role words)


def _descriptions(records: Sequence[EntityRecord]) -> _Descriptions:
    """The descriptions articles give people and places ("Robert Hallam, the climber"), and the bare descriptions
    ("the climber") rule 8 joins to them (:func:`_join_described`)."""
    said: list[tuple[str, str, frozenset[str], str]] = []
    for r in records:
        if r.kind != "person" and (r.kind == "thing" or "Place" not in r.types):
            continue
        given = set(r.descriptions) | {(doc, label) for label in _described_labels(r) for doc in r.documents}
        for doc, text in given:
            if _plural_words(text) and (r.kind == "person" or not any(map(_plural_words, r.prefs))):
                # "the producers", "51 knockouts": a group or a count, not what one person is; "New Zealand
                # mountains": things in a place, not the place (unless its own name is plural: "the Keys")
                continue
            if _modified_by_own_name(text, r):
                continue  # "the Dallow accounting firm" is a firm in Dallow, not Dallow
            head = thing_head(text)
            if head and r.kind == "person" and not {"Place", "CreativeWork"} & r.types and \
                    not _names_a_person(text, head):
                continue  # "It was another clear round for Okafor": the round is no description of Okafor
            if head:
                said.append((doc, head, distinguishing_modifiers(text), r.iri))
    bare: list[tuple[EntityRecord, str, frozenset[str], frozenset[str]]] = []
    for r in records:
        if r.kind != "thing" or not r.prefs or not r.documents:
            continue
        head = thing_head(r.prefs[0])
        if not head or not _ends_with_head(r.prefs[0], head):
            continue  # only a bare description ("the climber"), not one with a complement ("scholar at X")
        if _plural(r):
            continue  # "the Harriers" are no one person, whoever is called "a Harrier"
        if _group_of_people(r, head):
            continue  # ("the guard" / "two guards": one of a group, or the group)
        # "the British climber" joins the climber described as British, when two climbers are named
        mods = distinguishing_modifiers(r.prefs[0])
        # "the doc" is whom another article calls "the doctor"; "the nation's best-known physicians" are a group
        roles = _role_synonyms(head) if _written_number(r) != "plural" else frozenset({head})
        bare.append((r, head, mods, roles))
    return _Descriptions(said, bare)


def _join_described(by_iri: dict[str, EntityRecord], uf: _UnionFind, groups: dict[str, int],
                    read: _Descriptions) -> None:
    """Rule 8: a bare description ("the climber") joins the one person or place another article of its story
    of ``groups`` describes so ("Robert Hallam, the climber"), or the one most of them describe so
    (:func:`_dominant`). ``read``: the descriptions (:func:`_descriptions`)."""
    # (story, head noun) -> (the description's identifying modifiers, the entity described, the document)
    described: dict[tuple[int, str], list[tuple[frozenset[str], str, str]]] = defaultdict(list)
    for doc, head, said_mods, iri in read.said:
        if doc in groups:
            described[(groups[doc], head)].append((said_mods, iri, doc))
    attested: dict[str, tuple[frozenset[str], tuple[tuple[str, frozenset[str]], ...]]] = {}  # (_attested_words)
    for r, head, mods, roles in read.bare:
        stories = {groups[d] for d in r.documents}
        if len(stories) != 1:
            continue
        if any(by_iri[m].kind in {"named", "place"} for m in uf.members[uf.find(r.iri)]):
            continue  # the noun already spells an organisation's or place's name ("harrier" / "Tellport Harriers")
        story = stories.pop()
        # (a person's identifying modifier may be stated in another phrase: "the Dallow linebacker" takes the
        #  linebacker a claim calls "a linebacker for the Dallow Hawks"; :func:`_attested_words`)
        cands = [(iri, doc) for said in thing_synonyms(head) | roles for said_mods, iri, doc in described.get((story, said), ())
                 if (mods <= said_mods or is_person_noun(head) and "person" in uf.kinds[uf.find(iri)]
                     and mods <= _attested_words(iri, r.iri, uf, by_iri, attested))
                 and (said == head or said in roles or "person" not in uf.kinds[uf.find(iri)])]
        found = _dominant(uf, cands, exclude=r.iri)
        # (a title of several words is a person noun by its last word: "chief executive officer")
        if len(found) == 1 and not is_person_noun(head.split()[-1]) and "person" in uf.kinds[uf.find(found[0])] and \
                r.documents & {d for m in uf.members[uf.find(found[0])] if by_iri[m].kind != "thing"
                               for d in by_iri[m].documents}:
            continue  # an article that names the person calls "the show" or "the script" something else
        if len(found) == 1:
            # (also in a document that names the person: the extractor links few descriptions to names, and
            # leaving one apart is seldom a judgement that it is someone else; but there only a person noun)
            uf.union(r.iri, found[0], f"described-as:{head}", strong_clash_only=True, head=head)


def _names_a_person(text: str, head: str) -> bool:
    """May the description ``text`` (head noun ``head``) say what a person is: is its head a person noun, an agent
    noun by its ending (:func:`kg.lexicon.agent_noun_form`: "the mandatory challenger", "a 911 dispatcher"), or
    its last two words a person's compound ("defensive end")?

    Why: rule 8 takes what an article says a person is for the person's description, and the extractor's links
    from a name to a noun phrase are not all descriptions: "It was another clear round for Okafor", "all that
    ails Ardonia: an economy ...", "the film" of an actor's claim. A noun for a thing describes no person, so
    those phrases must not draw the bare "round" or "film" of other articles to the person. (Records the tagger
    also typed a place or a work, "Duskfall Rising", keep every description: their person type is the doubtful one.)

    >>> _names_a_person("the mandatory challenger", "challenger"), _names_a_person("the pastor", "pastor")
    (True, True)
    >>> _names_a_person("another clear round", "round"), _names_a_person("the defensive end", "end")
    (False, True)
    """
    last = head.split()[-1]
    return is_person_noun(last) or agent_noun_form(last) or is_person_noun(" ".join(text.lower().split()[-2:]))


#: Nouns that name an organisation by its kind ("the company", "the studio", "the network"), for rule 8b
#: (:func:`_org_descriptions`); nouns with a common other sense ("business", "group", "club", "office", "magazine",
#: "paper", "station") are left out. The media nouns name a news outlet.
_ORG_KIND_NOUNS = frozenset("""company firm agency studio team network channel broadcaster newspaper corporation
    department ministry bureau organization organisation publication""".split())
_MEDIA_KIND_NOUNS = frozenset("network channel broadcaster newspaper publication".split())


def _org_descriptions(records: Sequence[EntityRecord], by_iri: dict[str, EntityRecord], uf: _UnionFind) -> None:
    """Rule 8b: a singular organisation noun of one article ("the studio", "the cable network") joins the one
    organisation that article names, when the stories name it in two articles or more; a media noun
    (:data:`_MEDIA_KIND_NOUNS`) takes a news outlet, another noun an organisation that is no outlet.

    Why: a report names the company, agency or network it is about once and then calls it by its kind ("LionsGate
    ... the studio", "CNN ... the network"), and the extractor seldom links the two. Rule 8 cannot: it reads what
    other articles call a person or a place, and organisations are seldom described so. Only an article with one
    candidate counts (an article naming two studios leaves "the studio" open); an organisation named in one
    article only is as often a misread name ("State", a heading) as an organisation, so it takes nothing; "the
    NBA team" is no NBA (:func:`_modified_by_own_name`), "the other company" no company the article names, and
    places and people typed organisations too ("Australian", a town's name) are left out, and so is a people's noun
    ("the Ostlandish ministry" of a report about a company is that country's body, not the company).

    >>> recs = [EntityRecord("e:lg", ("Lionsgate",), frozenset({"Organization"}), frozenset({"d1", "d2"})),
    ...         EntityRecord("e:st", ("studio",), frozenset({"Thing"}), frozenset({"d1"}))]
    >>> uf = _UnionFind(recs)
    >>> _org_descriptions(recs, {r.iri: r for r in recs}, uf)
    >>> uf.find("e:st") == uf.find("e:lg")
    True
    """
    named: dict[tuple[bool, str], set[str]] = defaultdict(set)  # (news outlet?, document) -> organisations
    for r in records:
        if r.kind != "named" or r.publisher or not r.types & {"Organization", "NewsMediaOrganization"}:
            continue
        if r.types & {"Place", "Person"} or all(len(tokens(x)) == 1 and _demonym_words(frozenset(tokens(x)))
                                                for x in r.prefs):
            continue
        for d in r.documents:
            named[("NewsMediaOrganization" in r.types, d)].add(r.iri)
    _join_kind_nouns(records, by_iri, uf, _ORG_KIND_NOUNS,
                     lambda doc, head: named.get((head in _MEDIA_KIND_NOUNS, doc), ()), "org-noun")


def _join_kind_nouns(records: Sequence[EntityRecord], by_iri: dict[str, EntityRecord], uf: _UnionFind,
                     kinds: frozenset[str], named_in: Callable[[str, str], Iterable[str]], reason: str) -> None:
    """The noun side of rules 8b: a singular, unmodified kind noun of one article (a head in ``kinds``) that joined no
    name yet joins the one organisation ``named_in(document, head)`` gives, if the stories name it in two articles
    or more.

    Why: one mechanism for "the company" / "the church" and the organisation the article names; only what may be
    named differs between the rules.
    """
    for r in records:
        if r.kind != "thing" or not r.prefs or len(r.documents) != 1:
            continue
        head = thing_head(r.prefs[0])
        if head not in kinds or not _ends_with_head(r.prefs[0], head) or _plural(r):
            continue
        if thing_modifiers(r.prefs[0]) & _CONTRASTIVE or _demonym_words(_identifying(r.prefs[0])[0]):
            continue
        if any(by_iri[m].kind != "thing" for m in uf.members[uf.find(r.iri)]):
            continue  # the noun already joined a name
        (doc,) = r.documents
        cands = [c for c in named_in(doc, head) if not _modified_by_own_name(r.prefs[0], by_iri[c])]
        found = [c for c in _distinct_clusters(uf, cands, exclude=r.iri)
                 if len({d for m in uf.members[uf.find(c)] for d in by_iri[m].documents}) >= 2]
        if len(found) == 1:
            uf.union(r.iri, found[0], f"{reason}:{head}", strong_clash_only=True)


#: Kind nouns that end institutions' names and that a report then calls them by ("Osland Bible Church ... the
#: church", "Tellport High School ... the school"), for :func:`_kind_named_descriptions`: the words of
#: :data:`kg.lexicon.NAME_KIND_HEADS` whose common noun is the institution itself, not a blaze ("fire"), an act
#: ("rescue", "service") or a force of any town ("police").
_NAMED_KIND_NOUNS = frozenset("""church school academy college university institute hospital council committee
    commission association society league board foundation""".split()) & NAME_KIND_HEADS


def _kind_named_descriptions(records: Sequence[EntityRecord], by_iri: dict[str, EntityRecord], uf: _UnionFind) -> None:
    """Rule 8b (by name): a singular noun of one article ("the church") joins the one organisation that article
    names with that noun as its last word ("Osland Bible Church"), when the stories name it in two articles or more.

    Why: a report names a church, school or college once and then calls it by the kind its name ends in; rule 8b
    reads only the kind nouns of companies and agencies against any organisation an article names, and these
    nouns name no company. The name's own last word says which organisation the noun is, so only a name ending in
    the noun counts, and an article naming two such ("Osland Bible Church" and "Brenford Baptist Church") leaves it
    open.

    >>> recs = [EntityRecord("e:c", ("Osland Bible Church",), frozenset({"Organization"}), frozenset({"d1", "d2"})),
    ...         EntityRecord("e:f", ("Dallow Fire",), frozenset({"Organization"}), frozenset({"d1", "d2"})),
    ...         EntityRecord("e:n", ("church",), frozenset({"Thing"}), frozenset({"d1"}))]
    >>> uf = _UnionFind(recs)
    >>> _kind_named_descriptions(recs, {r.iri: r for r in recs}, uf)
    >>> uf.find("e:n") == uf.find("e:c")
    True
    """
    named: dict[tuple[str, str], set[str]] = defaultdict(set)  # (document, kind noun) -> organisations
    for r in records:
        if r.kind != "named" or r.publisher or not r.types & {"Organization"} or r.types & {"Place", "Person"}:
            continue
        for head in {tokens(x)[-1] for x in r.prefs if len(tokens(x)) > 1} & _NAMED_KIND_NOUNS:
            for d in r.documents:
                named[(d, head)].add(r.iri)
    _join_kind_nouns(records, by_iri, uf, _NAMED_KIND_NOUNS, lambda doc, head: named.get((doc, head), ()), "kind-name")


#: Nouns that name a facility by its kind ("the clinic", "the rehab facility"), for rule 8c
#: (:func:`_facility_descriptions`), and the last words of the names of facilities ("Ardon Treatment Center").
_FACILITY_KIND_NOUNS = frozenset("facility center centre clinic hospital hospice rehab sanatorium infirmary".split())
_FACILITY_NAME_HEADS = frozenset("center centre clinic hospital hospice sanatorium infirmary".split())


#: Words of a facility's name that tell its kind, not which facility it is ("Ardon Treatment Center", "Ardon Clinic").
_FACILITY_KIND_WORDS = _FACILITY_NAME_HEADS | frozenset("treatment medical rehab rehabilitation recovery care".split())


def _facility_stem(name: str) -> tuple[str, ...]:
    """The words of a facility's name before the words of its kind, when the name ends with a facility noun:
    "Ardon Treatment Center", "Ardon Clinic" and "Ardon Center" are one facility written three ways.

    >>> _facility_stem("Ardon Treatment Center"), _facility_stem("Ardon Clinic"), _facility_stem("Ardon")
    (('ardon',), ('ardon',), ())
    """
    words = list(tokens(name))
    if not words or words[-1] not in _FACILITY_NAME_HEADS:
        return ()
    while words and words[-1] in _FACILITY_KIND_WORDS:
        words.pop()
    return tuple(words)


def _facility_descriptions(records: Sequence[EntityRecord], by_iri: dict[str, EntityRecord], uf: _UnionFind) -> None:
    """Rule 8c: a singular facility noun of one article ("the clinic", "rehab", "the Dallow treatment facility")
    joins the one named facility ("Ardon Treatment Center") that article names, when the stories name it in two
    articles or more and every place the noun names ("Dallow") is written in that facility's names.

    Why: a report names the clinic or hospital it is about once and then calls it by its kind ("the Ardon Center
    ... the facility"), and the extractor seldom links the two; rule 6 gathers the story's "rehab" into one
    cluster, but no rule reaches the name. A story can hold several facilities (the one a person left and the one
    she went to), so only an article naming one counts, and a noun whose capitalised modifier is not in the
    facility's names ("the Bellport facility" beside "Ardon Treatment Center") stays apart.

    >>> recs = [EntityRecord("e:c", ("Ardon Treatment Center",), frozenset({"Organization"}), frozenset({"d1", "d2"})),
    ...         EntityRecord("e:f", ("facility",), frozenset({"Thing"}), frozenset({"d1"})),
    ...         EntityRecord("e:b", ("Bellport facility",), frozenset({"Thing"}), frozenset({"d2"}))]
    >>> uf = _UnionFind(recs)
    >>> _facility_descriptions(recs, {r.iri: r for r in recs}, uf)
    >>> uf.find("e:f") == uf.find("e:c"), uf.find("e:b") == uf.find("e:c")
    (True, False)
    """
    named: dict[str, set[str]] = defaultdict(set)  # document -> named facilities
    by_stem: dict[tuple[str, ...], list[str]] = defaultdict(list)  # a facility's name without its kind words
    for r in records:
        if r.kind != "named" or r.publisher or not r.types & {"Organization", "Place"} or "Person" in r.types:
            continue
        if any(tokens(x) and tokens(x)[-1] in _FACILITY_NAME_HEADS for x in r.prefs):
            for d in r.documents:
                named[d].add(r.iri)
            stem = _facility_stem(r.prefs[0])
            if stem:
                by_stem[stem].append(r.iri)
    for r in records:
        if r.kind != "thing" or not r.prefs or len(r.documents) != 1:
            continue
        head = thing_head(r.prefs[0])
        if head not in _FACILITY_KIND_NOUNS or not _ends_with_head(r.prefs[0], head) or _plural(r):
            continue
        mods = thing_modifiers(r.prefs[0])
        if mods & _CONTRASTIVE:
            continue
        if any(by_iri[m].kind != "thing" for m in uf.members[uf.find(r.iri)]):
            continue  # the noun already joined a name
        (doc,) = r.documents
        found = [c for c in _distinct_clusters(uf, named.get(doc, ()), exclude=r.iri)
                 if len({d for m in uf.members[uf.find(c)] for d in by_iri[m].documents}) >= 2]
        if len(found) != 1:
            continue
        written = {w for m in uf.members[uf.find(found[0])] for x in by_iri[m].labels for w in tokens(x)}
        if not _capitalised(r.prefs[0]) & mods <= written:
            continue  # "the Bellport facility" is no facility whose names never say Bellport
        uf.union(r.iri, found[0], f"facility-noun:{head}", strong_clash_only=True)
    for iris in by_stem.values():
        for iri in iris[1:]:
            uf.union(iris[0], iri, "facility-name", force=True)


#: Nouns that name premises where something happens, for rule 8d (:func:`_premises_by_place`), in two classes
#: that one place does not make one: workplaces, shops and buildings, and places of care (the hospital a victim
#: was taken to is not the office where the shooting was, whatever town both are in).
_PREMISES_CLASSES: dict[str, str] = {
    **dict.fromkeys("""office building firm business company store shop plant factory warehouse wholesaler
        restaurant hotel headquarters""".split(), "work"),
    **dict.fromkeys("facility clinic hospital center centre hospice".split(), "care")}


def _premises_by_place(records: Sequence[EntityRecord], uf: _UnionFind, groups: dict[str, int]) -> None:
    """Rule 8d: within a story, premises nouns that one place names ("the Dallow accounting firm", "the Dallow
    office", "a suburban Dallow office building") are one premises.

    Why: a report of what happened at a workplace calls it by whatever noun comes (the firm, its office, the
    building) and tells it by its town; the head rule joins nouns of one head only. Only a capitalised modifier
    that is a place the stories name counts (not "the accounting firm" / "the accounting office").

    >>> recs = [EntityRecord("e:p", ("Dallow",), frozenset({"Place"}), frozenset({"d1"})),
    ...         EntityRecord("e:f", ("Dallow accounting firm",), frozenset({"Thing"}), frozenset({"d1"})),
    ...         EntityRecord("e:o", ("Dallow office",), frozenset({"Thing"}), frozenset({"d2"}))]
    >>> uf = _UnionFind(recs)
    >>> _premises_by_place(recs, uf, {"d1": 0, "d2": 0})
    >>> uf.find("e:f") == uf.find("e:o")
    True
    """
    places = {w for r in records if r.kind in ("named", "place") and "Place" in r.types for x in r.prefs
              for w in [tokens(x)] if len(w) == 1 for w in w}
    keyed: dict[tuple[int, str, str], list[str]] = defaultdict(list)  # (story, class, place) -> nouns
    for r in records:
        if r.kind != "thing" or not r.prefs or _plural(r):
            continue
        head = thing_head(r.prefs[0])
        if head not in _PREMISES_CLASSES or not _ends_with_head(r.prefs[0], head):
            continue
        mods = thing_modifiers(r.prefs[0])
        if mods & _CONTRASTIVE:
            continue
        for word in _capitalised(r.prefs[0]) & mods & places:
            for story in {groups[d] for d in r.documents if d in groups}:
                keyed[(story, _PREMISES_CLASSES[head], word)].append(r.iri)
    for (_story, _class, word), iris in keyed.items():
        for iri in iris[1:]:
            uf.union(iris[0], iri, f"premises:{word}", strong_clash_only=True)


def _attested_words(iri: str, described: str, uf: _UnionFind, by_iri: dict[str, EntityRecord],
                    cache: dict[str, tuple[frozenset[str], tuple[tuple[str, frozenset[str]], ...]]]) -> frozenset[str]:
    """The words the texts state of the person ``iri`` anywhere in the corpus: in its cluster's descriptions
    (its common nouns' labels, its mentions' descriptions, the alternative labels that are descriptions, but
    not the words of its names: :func:`_described_labels`), and in the labels of what its claims say it is ("Lee is a linebacker for the Dallow Hawks",
    an apposition "Lee, a linebacker for the Dallow Hawks": both "be" claims; :data:`_IDENTITY_PREDICATES`).

    Why: rule 8 lets "the Dallow linebacker" take a person only when one description of that person holds
    "Dallow"; but reports spread a person's attributes over several phrases ("Lee, the linebacker" in one
    article, "Lee is a linebacker for the Dallow Hawks" in another), and an identifying modifier the texts
    state of the person is no evidence of another person. Only what a claim says the person *is* counts:
    "Lee beat the Dallow Hawks" makes him no Dallow linebacker. The description being placed (``described``)
    is no evidence for itself: "Lee is the Dallow linebacker" leaves that phrase a claim's object, as the
    extractor left it. (Cached by cluster root for one run of the rule; a root that grows later keeps its first
    words, so the check can only be stricter than it might be.)
    """
    root = uf.find(iri)
    found = cache.get(root)
    if found is None:
        words: set[str] = set()
        said: list[tuple[str, frozenset[str]]] = []
        for m in uf.members[root]:
            rec = by_iri[m]
            for label in (rec.labels if rec.kind == "thing" else _described_labels(rec)):  # (no name's words)
                words.update(_modifier_forms(label))
            for _doc, text in rec.descriptions:
                words.update(_modifier_forms(text))
            for predicate, obj in rec.deeds:
                if predicate.rsplit("/", 1)[-1] in _IDENTITY_PREDICATES and obj in by_iri:
                    said.append((obj, frozenset(w for label in by_iri[obj].labels for w in _modifier_forms(label))))
        found = cache[root] = (frozenset(words), tuple(said))
    own = uf.find(described)
    words, said = found
    return words.union(*(w for obj, w in said if uf.find(obj) != own))


def _described_labels(rec: EntityRecord) -> tuple[str, ...]:
    """The alternative labels of a named entity that are descriptions, not names ("59-year-old grandmother":
    it ends in a lower-case word).

    Why: rule 8 reads them as what the texts say the entity is; the words of its names say nothing of it ("Kai
    Dunmore" is no Dunmore linebacker), so :func:`_attested_words` must not take them as stated.

    >>> _described_labels(EntityRecord("e:k", ("Kai Dunmore", "Dunmore", "veteran linebacker"), frozenset({"Person"}),
    ...                                pref_count=1))
    ('veteran linebacker',)
    """
    return tuple(label for label in rec.labels[rec.pref_count:] if label.split() and label.split()[-1][:1].islower())


def _modifier_forms(text: str) -> set[str]:
    """The words of ``text`` with the forms :func:`distinguishing_modifiers` reads them as: a number word as its
    digits ("two" -> "2"), a demonym with the wider one it says ("scottish" -> "british"), so a modifier can be
    looked up among words a text states.

    >>> sorted(_modifier_forms("a two-time Scottish champion"))
    ['2', 'british', 'champion', 'scottish', 'time', 'two']
    """
    words = set(tokens(text))
    return words | {_NUMBER_WORDS[w] for w in words if w in _NUMBER_WORDS} | \
        {WIDER_DEMONYMS[w] for w in words if w in WIDER_DEMONYMS}


def _modified_by_own_name(text: str, rec: EntityRecord) -> bool:
    """Does the description ``text`` hold one of ``rec``'s names before its head ("the suburban Dallow
    accounting firm" of the place Dallow)?

    Why: a noun phrase does not describe what its own modifier names: "the Dallow firm" is a firm in or of
    Dallow, "the Ashby family" the family of Ashby. The extractor can still file such a phrase under the
    name (its parse took the name for the head), and rule 8 would then carry every "accounting firm" of the
    story into the city.

    >>> place = EntityRecord("e:d", ("Dallow",), frozenset({"Place"}))
    >>> _modified_by_own_name("suburban Dallow accounting firm", place), _modified_by_own_name("the city", place)
    (True, False)
    """
    mods = thing_modifiers(text)
    return bool(mods) and any(words and set(words) <= mods for words in map(tokens, rec.prefs))


def _role_synonyms(head: str) -> frozenset[str]:
    """The heads that name the same role as ``head`` (:data:`kg.lexicon.ROLE_SYNONYMS`), itself included.

    >>> sorted(_role_synonyms("doc")), sorted(_role_synonyms("chief executive officer"))[0], _role_synonyms("judge")
    (['doc', 'doctor', 'physician'], 'ceo', frozenset({'judge'}))
    """
    return next((group for group in ROLE_SYNONYMS if head in group), frozenset({head}))


@_label_cached  # (pure; rules 8 and 13 ask it of every description, pass by pass)
def _ends_with_head(label: str, head: str) -> bool:
    """``label`` ends with its head ``head`` (of one word or a title of several: "chief executive officer").

    >>> _ends_with_head("the climbers", "climber"), _ends_with_head("the chief executive officer", "chief executive officer")
    (True, True)
    >>> _ends_with_head("scholar at Ardon", "scholar")
    False
    """
    n = len(head.split())
    return " ".join(_singular(w) for w in tokens(label)[-n:]) == head


def _same_deeds(records: Sequence[EntityRecord], groups: dict[str, int], uf: _UnionFind) -> None:
    """Rule 10: a description of one person by what the person did or is ("a former employee", "the man"), in a
    cluster of descriptions only, joins the person cluster of its story that is the subject of the most of its
    claims (at least :data:`MIN_SHARED_DEEDS`) with the same relation to the same referent ("shot Ann Lee",
    "entered the hall"), when no other person of the story is the subject of as many.

    Why: a report that never names the person tells what the person did, and another report tells the same
    deeds of the named person; within one story, the one person known to have done a deed to a referent is
    whoever did it. A deed two people of the story did identifies neither, and a role noun ("the judge",
    "her daughter") names a tie to others, not the deeds (:func:`_deed_noun`). Objects are compared by their
    clusters after rules 1 to 9, so "the man" of two reports counts once they met.
    """
    subjects: dict[tuple[int, str, str], set[str]] = defaultdict(set)  # (story, predicate, object) -> subjects
    for r in records:
        if not r.deeds:
            continue
        root = uf.find(r.iri)
        for story in {groups[d] for d in r.documents if d in groups}:
            for predicate, obj in r.deeds:
                subjects[(story, predicate, uf.find(obj) if obj in uf.parent else obj)].add(root)
    roots = sorted({uf.find(r.iri) for r in records if r.deeds})
    for root in roots:
        root = uf.find(root)  # (an earlier join of this rule may have taken it)
        members = [uf.records[m] for m in uf.members[root]]
        story = _described_one_story(root, members, groups, uf)
        if story is None:
            continue
        mine = {(p, uf.find(o) if o in uf.parent else o) for m in members for p, o in m.deeds}
        shared: Counter[str] = Counter()
        for predicate, obj in mine:
            shared.update({uf.find(other) for other in subjects.get((story, predicate, obj), ())} - {root, obj})
        ranked = [(n, other) for other, n in shared.items() if "person" in uf.kinds[other]]
        ranked.sort(reverse=True)
        if ranked and ranked[0][0] >= MIN_SHARED_DEEDS and (len(ranked) == 1 or ranked[1][0] < ranked[0][0]):
            uf.union(root, ranked[0][1], "same-deeds", strong_clash_only=True)


def _described_one_story(root: str, members: Sequence[EntityRecord], groups: dict[str, int],
                         uf: _UnionFind) -> int | None:
    """The story of the cluster ``root`` (its records ``members``) when rules 10 to 12 may join it to a person:
    a cluster of singular descriptions of one story whose heads all name a doer or a person
    (:func:`_deed_noun`); else ``None``.
    """
    if uf.kinds[root] != {"thing"} or any(_written_number(m) == "plural" for m in members):
        return None
    heads = {thing_head(m.prefs[0]) for m in members if m.prefs}
    stories = {groups[d] for m in members for d in m.documents if d in groups}
    if len(stories) != 1 or not heads or not all(map(_deed_noun, heads)):
        return None
    return stories.pop()


def _same_harm(records: Sequence[EntityRecord], groups: dict[str, int], uf: _UnionFind) -> None:
    """Rule 11, rule 10 from the other side: a description of a person ("one person", "a man") in a cluster
    of descriptions only joins the one person of its story whom the doer who harmed it harmed ("the gunman
    killed one person" / "Lee shot Ann Roe"), when that doer harmed no other person of the story: no other
    named one, and no other description of a person in the description's own reports ("killed one person and
    wounded a woman").

    Why: a report that never names the victim tells what was done to them and by whom; another report names
    the victim of the same doer. A doer who harmed several people leaves open which one a description is.
    Only harm (:data:`kg.lexicon.HARM_VERBS`) identifies a person so: many people are met, told or seen by one person.
    The doers are compared by cluster after rules 1 to 10, so "the gunman" of one report is the named one.
    """
    harmed: dict[tuple[int, str], set[str]] = defaultdict(set)  # (story, doer root) -> harmed roots
    doers: dict[str, set[tuple[int, str]]] = defaultdict(set)  # harmed root -> (story, doer root)
    for r in records:
        if not r.deeds:
            continue
        doer = uf.find(r.iri)
        for predicate, obj in r.deeds:
            if obj in uf.parent and _harm_verb(predicate) and uf.find(obj) != doer:
                for story in {groups[d] for d in r.documents if d in groups}:
                    harmed[(story, doer)].add(uf.find(obj))
                    doers[uf.find(obj)].add((story, doer))
    for root in sorted(doers):
        members = [uf.records[m] for m in uf.members[root]]
        story = _described_one_story(root, members, groups, uf) if uf.find(root) == root else None
        if story is None:
            continue
        others = {uf.find(o) for s, doer in doers[root] if s == story for o in harmed[(s, doer)]} - {root}
        people = {p for p in others if "person" in uf.kinds[p]}
        if len(people) != 1:
            continue
        # ("killed one person and wounded a woman": another description of a person its own reports say the
        # doer harmed is another victim, so the one named victim is not both)
        docs = {d for m in members for d in m.documents}
        described = {p for p in others if uf.kinds[p] == {"thing"} and any(
            uf.records[m].prefs and is_person_noun(thing_head(uf.records[m].prefs[0])) and docs & uf.records[m].documents
            for m in uf.members[p])}
        if not described:
            uf.union(root, people.pop(), "same-harm", strong_clash_only=True)


#: Harm verbs (of :data:`kg.lexicon.HARM_VERBS`) by what the harm did to whom suffered it: a group killed and a
#: group wounded by one doer are two groups.
_HARM_OUTCOMES = {**dict.fromkeys(("kill", "murder", "slay"), "kill"),
                  **dict.fromkeys(("wound", "injure", "hurt"), "wound"), "shoot": "shoot", "stab": "stab"}
_IRREGULAR_PLURALS = frozenset("men women people children persons others".split())
_GROUP_COUNT = re.compile(r"^(?:the |his |her |their |its )?(\d{1,3}|" + "|".join(_NUMBER_WORDS) + r") [a-z-]+")


def _harmed_count(rec: EntityRecord) -> str | None:
    """The exact size of the plural group a common noun names when a label counts it ("two others", "the 3 former
    bosses" -> "2", "3"); ``None`` for a singular or uncounted noun, or two different counts.

    >>> _harmed_count(EntityRecord("e", ("other", "two others"), frozenset({"Thing"})))
    '2'
    >>> _harmed_count(EntityRecord("e", ("boss", "his former bosses"), frozenset({"Thing"}))) is None
    True
    """
    found = set()
    for label in rec.labels:
        text = " ".join(label.lower().replace(",", "").split())
        match = _GROUP_COUNT.match(text)
        if match and (_plural_words(label) or text.split()[-1] in _IRREGULAR_PLURALS) and not _COORDINATORS & set(text.split()) and match.group(1) not in ("0", "1", "one", "zero"):
            found.add(_NUMBER_WORDS.get(match.group(1), match.group(1)))
    return found.pop() if len(found) == 1 else None


def _counted_harm(records: Sequence[EntityRecord], groups: dict[str, int], uf: _UnionFind) -> None:
    """Rule 11b: groups of one story counted alike ("two others", "two former bosses") that one doer harmed
    in the same way ("LaCalamita injured two others" / "the fired accountant wounded two former bosses") are
    one group, when they are common nouns only.

    Why: reports of one event count its harmed alike and tell what was done to them, while each names the
    group by another noun ("others", "bosses", "partners", "victims"), so no head joins them. A doer who
    killed two and wounded two harmed two groups: the kind of harm (:data:`_HARM_OUTCOMES`) and the count
    both have to agree; the doers are compared by cluster after rules 1 to 11.
    """
    found: dict[tuple[int, str, str, str], set[str]] = defaultdict(set)
    for r in records:
        for predicate, obj in r.deeds:
            outcome = _HARM_OUTCOMES.get(_harm_verb(predicate) or "")
            target = uf.records.get(obj)
            if outcome is None or target is None or target.kind != "thing":
                continue
            count = _harmed_count(target)
            if count is None:
                continue
            for story in {groups[d] for d in r.documents if d in groups}:
                found[(story, uf.find(r.iri), outcome, count)].add(obj)
    for key in sorted(found):
        # (a group the extractor joined to a person, "the man" / "two men", is left where it is)
        members = sorted(m for m in found[key] if uf.kinds[uf.find(m)] == {"thing"})
        for other in members[1:]:
            uf.union(members[0], other, f"counted-harm:{key[2]}:{key[3]}", strong_clash_only=True)


#: Ordinals that count people one by one ("a third co-worker", "the second gunman"); "first" is left out (its
#: person is often told apart by a name or another noun the ordinal does not key), "another" has no place.
_ORDINALS = {w: str(i) for i, w in enumerate(ORDINALS, 2)}
_ORDINAL_PERSON = re.compile(r"^(?:only )?(?:the |a |an )?(" + "|".join(_ORDINALS) + r") ([a-z-]+(?: [a-z-]+){0,2})$")


def _ordinal_key(rec: EntityRecord) -> str | None:
    """The ordinal that counts the one person a description names ("a third co-worker", "the second victim" ->
    "3", "2"), read from its labels: the ordinal first, then a singular person noun as the head, no "of" or
    other phrase after it; ``None`` for anything else or two ordinals.

    >>> _ordinal_key(EntityRecord("e", ("co-worker", "third co-worker"), frozenset({"Thing"})))
    '3'
    >>> _ordinal_key(EntityRecord("e", ("employee of another business",), frozenset({"Thing"}))) is None
    True
    """
    found = set()
    for label in rec.labels:
        match = _ORDINAL_PERSON.match(" ".join(label.lower().split()))
        head = thing_head(match.group(2)) if match else ""
        # ("a third coworker": a "co-" noun is also written closed up)
        if match and (is_person_noun(head) or head.startswith("co") and is_person_noun("co-" + head[2:])) and \
                not _plural_words(match.group(2)) and match.group(2).split()[-1] not in _IRREGULAR_PLURALS:
            found.add(_ORDINALS[match.group(1)])
    return found.pop() if len(found) == 1 else None


def _same_ordinal(records: Sequence[EntityRecord], groups: dict[str, int], uf: _UnionFind) -> None:
    """Rule 11e: descriptions of one story that count their person by the same ordinal ("killing two co-workers
    and critically injuring a third co-worker" / "two women dead and a third employee wounded" / "the third
    victim"), in clusters of singular descriptions only, are one person: when each is a doer of the deed or
    neither is (:data:`_DOER_KEY`: "a second gunman" is no "second victim"), and no two were harmed in two ways
    (:data:`_HARM_OUTCOMES`: the third killed is not the third wounded).

    Why: an ordinal counts a person after the others of its kind the report just counted, and the reports of one
    story count the same people (the two killed, then the one wounded) under whatever noun each report uses
    ("co-worker", "colleague", "employee", "victim"), so no head joins them.
    """
    outcomes: dict[str, set[str]] = defaultdict(set)  # harmed record -> how it was harmed
    doers: set[str] = set()  # records that harmed someone
    for r in records:
        for predicate, obj in r.deeds:
            outcome = _HARM_OUTCOMES.get(_harm_verb(predicate) or "")
            if outcome and obj in uf.parent and obj != r.iri and not predicate.endswith("-by"):
                outcomes[obj].add(outcome)
                doers.add(r.iri)
    found: dict[tuple[int, str, bool], list[str]] = defaultdict(list)
    for r in records:
        if r.kind != "thing" or not r.prefs or len(r.documents) != 1:
            continue
        ordinal = _ordinal_key(r)
        story = {groups[d] for d in r.documents if d in groups}
        if ordinal is None or len(story) != 1:
            continue
        doer = _SYNONYM_KEY.get(thing_head(r.prefs[0])) == _DOER_KEY or r.iri in doers
        found[(story.pop(), ordinal, doer)].append(r.iri)
    for key in sorted(found):
        taken: dict[str, set[str]] = {}  # root -> how its members were harmed
        for iri in found[key]:
            root = uf.find(iri)
            members = [uf.records[m] for m in uf.members[root]]
            if uf.kinds[root] != {"thing"} or any(_written_number(m) == "plural" for m in members):
                continue
            harm = {o for m in uf.members[root] for o in outcomes.get(m, ())}
            if len(harm) > 1:
                continue
            for other in list(taken):
                if uf.find(other) == root:
                    continue
                if harm and taken[other] and harm != taken[other]:
                    continue
                uf.union(other, root, f"same-ordinal:{key[1]}", strong_clash_only=True)
                root = uf.find(root)
                harm |= taken.pop(other)
                break
            taken[uf.find(root)] = harm


#: Nouns of a death or a harm done to one person ("the death of their boss", "the fatal shooting of his former
#: boss"): the noun after their "of" is who suffered it.
_DEATH_NOUNS = frozenset("death killing slaying murder shooting stabbing".split())
_DEATH_OF = re.compile(r"^(?:[a-z-]+ ){0,2}?(" + "|".join(sorted(_DEATH_NOUNS)) + r") of (.+)$")
_POSSESSIVES = frozenset("his her their its our my your the a an".split())
#: Person nouns of a tie to another person that the person-noun lexicon leaves out ("his boss"): relational,
#: so only a death noun's "of" (rule 11c) reads them as a person here.
_TIE_NOUNS = frozenset("boss employer supervisor landlord landlady girlfriend boyfriend fiance fiancee".split())


def _sufferer_words(label: str) -> tuple[str, ...] | None:
    """The words of whom a death noun phrase says died or was harmed ("fatal shooting of his former boss" ->
    ("former", "boss")), up to a relative clause or a comma; ``None`` for another label.

    >>> _sufferer_words("death of boss who was gunned down at office Christmas party")
    ('boss',)
    >>> _sufferer_words("fatal shooting of his former boss"), _sufferer_words("shooting star") is None
    (('former', 'boss'), True)
    """
    match = _DEATH_OF.match(" ".join(label.lower().split()))
    if match is None:
        return None
    words: list[str] = []
    for word in match.group(2).split(",")[0].split():
        if word in {"who", "whom", "that", "which", "in", "at", "on", "by", "and", "of"}:
            break
        if not words and word in _POSSESSIVES:
            continue
        words.append(word)
    return tuple(words) or None


def _death_of(records: Sequence[EntityRecord], groups: dict[str, int], uf: _UnionFind) -> None:
    """Rule 11c: a description of a person that an article's death noun names as who died ("the death of their
    boss", "the fatal shooting of his former boss"), in a cluster of singular descriptions only, joins the one
    named person of its story whom a harm verb (:data:`_HARM_OUTCOMES`) was done to or a death noun names.

    Why: a relational noun ("boss", "brother") names a tie to someone, not a deed, so no head, description or
    deed of the reports that name the victim reaches it; what the report tells of it is that its death is the
    story's. A story where several named people were harmed leaves open which one it is.
    """
    died: dict[str, set[tuple[str, ...]]] = defaultdict(set)  # document -> the words of whom it says died
    for r in records:
        for label in r.labels:
            words = _sufferer_words(label)
            if words:
                for d in r.documents:
                    died[d].add(words)
    if not died:
        return
    harmed: dict[int, set[str]] = defaultdict(set)  # story -> harmed person roots
    doers: dict[int, set[str]] = defaultdict(set)  # story -> the roots of who harmed them
    for r in records:
        for predicate, obj in r.deeds:
            if _HARM_OUTCOMES.get(_harm_verb(predicate) or "") and obj in uf.parent and "person" in uf.kinds[uf.find(obj)]:
                for d in uf.records[obj].documents:
                    if d in groups:
                        harmed[groups[d]].add(uf.find(obj))
                        doers[groups[d]].add(uf.find(r.iri))
    # ("the death of Ann Lee": a named person of the article whose death it tells was harmed too)
    names: dict[tuple[str, ...], set[str]] = defaultdict(set)  # a person's last name -> the person's IRIs
    for r in records:
        if r.kind == "person":
            for label in r.prefs:
                if tokens(label):
                    names[tokens(label)[-1:]].add(r.iri)
    for d, said in died.items():
        if d not in groups:
            continue
        for words in said:
            for iri in names.get(words[-1:], ()):
                if d in uf.records[iri].documents:
                    harmed[groups[d]].add(uf.find(iri))
    for r in records:
        if r.kind != "thing" or not r.prefs or len(r.documents) != 1:
            continue
        d = next(iter(r.documents))
        own = {tuple(w for w in tokens(label) if w not in _POSSESSIVES) for label in r.labels}
        if d not in groups or not own & died.get(d, set()) or not (
                is_person_noun(thing_head(r.prefs[0])) or thing_head(r.prefs[0]) in _TIE_NOUNS):
            continue
        root = uf.find(r.iri)
        members = [uf.records[m] for m in uf.members[root]]
        if uf.kinds[root] != {"thing"} or any(_written_number(m) == "plural" for m in members):
            continue
        # (whoever harmed someone in the story is its doer, not whose death it tells, even where a misread
        # claim has the doer harmed too: "the gunman killed one man" joined to the gunman)
        people = {uf.find(p) for p in harmed.get(groups[d], ())} - {uf.find(p) for p in doers.get(groups[d], ())} - {root}
        if len(people) == 1:
            uf.union(root, people.pop(), "death-of", strong_clash_only=True)


#: Harm verbs with one sense in news, read by rule 11d ("shoot", "hit", "beat" are also a player's: "shot over
#: the guard", "beat the champion").
_GRAVE_HARM = frozenset("kill murder slay stab".split())
#: The near-synonym class of nouns for whoever did the deed of a story ("the suspect", "the gunman", "the killer").
_DOER_KEY = _SYNONYM_KEY["suspect"]


def _one_accused(records: Sequence[EntityRecord], groups: dict[str, int], uf: _UnionFind) -> None:
    """Rule 11d: a description of the doer ("the suspect", "the gunman", "the killer"), or a singular person noun
    itself held for the deed ("a co-worker has been charged in the slayings"), in a cluster of descriptions only,
    joins the one named person of its story held for the deed: charged, accused, indicted, convicted or arrested
    for something (a passive with its complement, "was charged with murder"), or the doer of harm to someone
    ("Lee shot Ann Roe"); not when the story has two such people.

    Why: a report that never names the suspect calls her "the suspect"; another report of the same story names
    the woman charged. A story with two accused people (a gunman and his accomplice) leaves open which one a
    description is.
    """
    accused: dict[int, set[str]] = defaultdict(set)
    for r in records:
        if not r.deeds or r.kind != "person":
            continue
        root = uf.find(r.iri)
        for predicate, obj in r.deeds:
            if _held_for(r, predicate, obj, uf) or _grave_harm_done(r, uf, only=(predicate, obj)):
                for story in {groups[d] for d in r.documents if d in groups}:
                    accused[story].add(root)
    for root in sorted({uf.find(r.iri) for r in records if r.kind == "thing"}):
        root = uf.find(root)  # (an earlier join of this rule may have taken it into an accused person's cluster)
        members = [uf.records[m] for m in uf.members[root]]
        story = _described_one_story(root, members, groups, uf)
        if story is None:
            continue
        heads = {_SYNONYM_KEY.get(thing_head(m.prefs[0])) for m in members if m.prefs}
        killer = any(_grave_harm_done(m, uf) for m in members)  # ("a woman killed two young women")
        # ("a co-worker has been charged in the slayings": a person noun held for the deed itself)
        held = any(m.prefs and is_person_noun(thing_head(m.prefs[0])) and _written_number(m) == "singular" and
                   any(_held_for(m, predicate, obj, uf) for predicate, obj in m.deeds) for m in members)
        people = {uf.find(p) for p in accused.get(story, ())}
        if (heads == {_DOER_KEY} or killer or held) and len(people) == 1:
            uf.union(root, people.pop(), "one-accused", strong_clash_only=True)


def _held_for(rec: EntityRecord, predicate: str, obj: str, uf: _UnionFind) -> bool:
    """Does the deed ``predicate`` / ``obj`` of ``rec`` say it is held for something: the passive of an accusing
    verb with its complement ("was charged with murder", "arrested in the slayings"), not its agent ("indicted by a
    grand jury") nor an act on a person (the prosecutor "charged Lee with murder" is not held for it)?"""
    parts = predicate.rsplit("/", 1)[-1].split("-")
    other = uf.find(obj) if obj in uf.parent else obj
    if other == uf.find(rec.iri) or (obj in uf.parent and "person" in uf.kinds[other]):
        return False
    return parts[0] in ACCUSING_VERBS and len(parts) > 1 and parts[-1] != "by"  # (not who did: "indicted by a jury")


def _grave_harm_done(rec: EntityRecord, uf: _UnionFind, only: tuple[str, str] | None = None) -> bool:
    """Did ``rec`` kill, murder, slay or stab a person (:data:`_GRAVE_HARM`) by one of its deeds (or by the
    deed ``only``), not in the passive ("killed by")?"""
    root = uf.find(rec.iri)
    for predicate, obj in (only,) if only else rec.deeds:
        parts = predicate.rsplit("/", 1)[-1].split("-")
        if parts[0] in _GRAVE_HARM and parts[-1] != "by" and obj in uf.parent and uf.find(obj) != root and \
                _harmed_person(uf.find(obj), uf):
            return True
    return False


def _harmed_person(root: str, uf: _UnionFind) -> bool:
    """Is the cluster ``root`` a person, named or described by a person noun ("Ann Roe", "a woman")?"""
    return "person" in uf.kinds[root] or any(
        uf.records[m].prefs and is_person_noun(thing_head(uf.records[m].prefs[0])) for m in uf.members.get(root, (root,)))


def _said_chosen(records: Sequence[EntityRecord], uf: _UnionFind) -> None:
    """Rule 12: a description by a noun of the chosen (:data:`kg.lexicon.CHOSEN_NOUNS`: "the choice", "the pick",
    "the nominee"), in a cluster of such descriptions only, joins the one person its texts say it is ("Ann Roe
    has been the team's first choice", "the pick, Ann Roe": a predicate or an apposition, read as "be").

    Why: the extractor joins a predicate noun to its subject only when both are persons ("Roe is the coach"), and
    "choice" or "pick" name a person only through someone's act of choosing, so the text's own "is" is left as a
    claim; another report's "the reported choice" then meets those by its head and finds no one. Said of two
    people (two rounds of choosing in one story), it names neither.
    """
    said: dict[str, set[str]] = defaultdict(set)  # description root -> the roots of whoever is said to be it
    for r in records:
        for predicate, obj in r.deeds:
            if obj in uf.parent and predicate.rsplit("/", 1)[-1] in _IDENTITY_PREDICATES:
                said[uf.find(obj)].add(uf.find(r.iri))
    for root in sorted(said):
        if uf.find(root) != root or uf.kinds[root] != {"thing"}:
            continue
        members = [uf.records[m] for m in uf.members[root]]
        heads = {thing_head(m.prefs[0]) for m in members if m.prefs}
        if not heads or not heads <= CHOSEN_NOUNS.keys() or any(_written_number(m) == "plural" for m in members):
            continue
        people = {uf.find(p) for p in said[root]}
        if len(people) == 1 and "person" in uf.kinds[next(iter(people))]:
            uf.union(root, people.pop(), "said-chosen", strong_clash_only=True)


#: The relations of a claim that says what its subject is: a predicate noun, or an apposition (read as "be").
_IDENTITY_PREDICATES = frozenset({"be", "become", "remain"})


def _harm_verb(predicate: str) -> str | None:
    """The harm verb (:data:`kg.lexicon.HARM_VERBS`) a claim's relation IRI starts with, or ``None``; rules 11
    to 11c read harm through this one test, so a relation with a particle ("shoot-dead") is harm to all of them.

    >>> _harm_verb("https://w3id.org/claimgraph/id/relation/shoot-dead"), _harm_verb(".../relation/meet") is None
    ('shoot', True)
    """
    verb = predicate.rsplit("/", 1)[-1].split("-")[0]
    return verb if verb in HARM_VERBS else None


def _deed_noun(head: str) -> bool:
    """Does ``head`` describe a person by what the person did or is, not by an office or a tie to someone
    ("the gunman", "a former employee", "the man"; not "the judge", "her daughter")?

    Why: rule 10 identifies a person by deeds, which an agent noun sums up; a role names a relation to others
    (a story has a judge, a victim's daughter and a defendant, each with deeds of their own in its trial).

    >>> _deed_noun("employee"), _deed_noun("man"), _deed_noun("shooter"), _deed_noun("judge"), _deed_noun("daughter")
    (True, True, True, False, False)
    """
    return head not in PERSON_ROLES and (head in AGENT_NOUNS or head in PERSON_NOUNS or
                                         any(head in group for group in NEAR_SYNONYMS))


def _plural_words(text: str) -> bool:
    """A description whose last word is plural ("the producers", "51 knockouts") describes no one person.

    >>> _plural_words("the producers"), _plural_words("the 59-year-old producer"), _plural_words("the boss")
    (True, False, False)
    """
    words = tokens(text)
    return bool(words) and _singular(words[-1]) != words[-1]


def _group_of_people(rec: EntityRecord, head: str) -> bool:
    """A person noun its document writes in the plural ("two guards"), alone or beside the singular ("the guard"):
    the group, or one of a group, which the description rule (8) cannot tell from the one person it would join.

    Why: the preferred label of a common noun has a lemmatised head ("guard"), so :func:`_plural` takes a record
    written "guards" and "two guards" for one guard; the written labels tell a group. Measured on dev, train and
    the 20 ECB+ topics no rule was tuned on, such records joined one named person far more often wrongly.

    >>> _group_of_people(EntityRecord("e", ("guard", "guards", "the guard"), frozenset({"Thing"})), "guard")
    True
    >>> _group_of_people(EntityRecord("e", ("guard", "two guards"), frozenset({"Thing"})), "guard")
    True
    >>> _group_of_people(EntityRecord("e", ("guard", "the guard"), frozenset({"Thing"})), "guard")
    False
    """
    return is_person_noun(head) and _written_number(rec) != "singular"


def _plural(rec: EntityRecord) -> bool:
    """Every label of a common noun is plural ("the Harriers", read as a noun): a group, not one person.

    The preferred label usually has a lemmatised head, which hides whether a singular form was written
    too ("trustee" / "trustees"): such a noun is not taken as plural.

    >>> _plural(EntityRecord("e:1", ("harriers", "Harriers"), frozenset({"Thing"})))
    True
    >>> _plural(EntityRecord("e:2", ("harrier", "Another Harrier"), frozenset({"Thing"})))
    False
    >>> _plural(EntityRecord("e:3", ("trustee", "trustees"), frozenset({"Thing"})))
    False
    """
    ends = [tokens(label)[-1] for label in rec.labels if tokens(label)]
    return bool(ends) and all(_singular(w) != w for w in ends)


def _written_number(rec: EntityRecord) -> str:
    """"singular", "plural" or "mixed": the number of a common noun's head as its documents wrote it.

    Why: the preferred label of a common noun has a lemmatised head ("employee" for "about a dozen
    employees"); the alternative labels are the words as written, so they tell one of a group from the group.
    A noun with no alternative label was written as its preferred label.

    >>> _written_number(EntityRecord("e:1", ("employee", "about a dozen employees", "employees"), frozenset({"Thing"})))
    'plural'
    >>> _written_number(EntityRecord("e:2", ("former employee",), frozenset({"Thing"})))
    'singular'
    >>> _written_number(EntityRecord("e:3", ("employee", "employees", "one employee"), frozenset({"Thing"})))
    'mixed'
    >>> _written_number(EntityRecord("e:4", ("soldier", "about 15,000 soldiers"), frozenset({"Thing"})))
    'plural'
    >>> _written_number(EntityRecord("e:5", ("slow start", "the club's slow start"), frozenset({"Thing"})))
    'singular'
    """
    return _written_number_of(rec.labels, rec.pref_count)


@_label_cached
def _written_number_of(labels: tuple[str, ...], pref_count: int) -> str:
    """:func:`_written_number` of a record's ``labels``, the first ``pref_count`` preferred."""
    prefs = labels[:pref_count]
    head = thing_head(prefs[0]).split()[-1:] if prefs else []
    found = set()
    for label in (labels[pref_count:] or prefs) if head else ():
        # the written form of the preferred label's head (a possessive or a participle before it is no head:
        # "the club's disappointing start")
        forms = [w for w in tokens(label) if w == head[0] or _singular(w) == head[0]]
        if forms:
            found.add("singular" if forms[-1] == head[0] else "plural")
    return found.pop() if len(found) == 1 else "mixed"


_COUNT = re.compile(r"^(?:the |all |all the )?(\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")( [a-z-]+)*$")
_ROUGH_COUNT = frozenset("about around some nearly almost roughly approximately estimated over more than up to least".split())


def _group_counts(rec: EntityRecord) -> frozenset[str]:
    """The exact sizes the written labels of a plural common noun of people give its group ("23 pirates", "the 26
    Ostish pirates" -> 23, 26); none for a rough count ("about 30 pirates"), a sum ("12 Ostish and 11 Tellish
    pirates"), a label with words after its head, or things ("three seasons": a span, not a group).

    Why: one group of people is counted alike by the reports of one event, and two groups of one kind in a
    story (two crews that took two ships) are told apart by their sizes.

    >>> _group_counts(EntityRecord("e", ("pirate", "23 pirates", "the 23 Ostish pirates", "pirates"), frozenset({"Thing"})))
    frozenset({'23'})
    >>> _group_counts(EntityRecord("e", ("pirate", "about 30 pirates", "12 Ostish and 11 Tellish pirates"), frozenset({"Thing"})))
    frozenset()
    """
    found = set()
    for label in rec.labels[rec.pref_count:]:
        text = " ".join(label.lower().replace(",", "").split())
        match = _COUNT.match(text)
        if match is None or not _plural_words(label) or _COORDINATORS & set(text.split()) or \
                set(text.split()) & _ROUGH_COUNT or thing_head(label) != _singular(text.split()[-1]) or \
                not is_person_noun(thing_head(label)):
            continue
        found.add(_NUMBER_WORDS.get(match.group(1), match.group(1)))
    return frozenset(found)


def _measure_noun(rec: EntityRecord) -> bool:
    """Whether a common noun's labels give its head two or more different counts ("205 yards", "21 yards",
    "over 350 yards"): a unit things are measured in, which its document read as one noun, not one referent.

    Why: extraction keys a noun phrase by its lemmatised head within a document, so every "N yards" (or "N
    miles", "N points") of a report lands in one record whose preferred label, "yard", carries no count; the
    head rule (6) would then meet it with every other report's "yard" and chain each count of the story into
    one referent. One referent is not counted twice over in one report; a unit is.

    >>> rec = lambda *labels: EntityRecord("e", ("yard", *labels), frozenset({"Thing"}), frozenset({"d"}))
    >>> _measure_noun(rec("205 yards", "21 yards")), _measure_noun(rec("364 yards")), _measure_noun(rec("yards"))
    (True, False, False)
    """
    head = thing_head(rec.prefs[0]) if rec.prefs else ""
    if not head or head.split()[-1] == "people" or is_person_noun(head.split()[-1]):
        return False  # ("two people", "five people": the dead and the hurt, counted people)
    counts = set()
    for label in rec.labels[rec.pref_count:]:
        words = " ".join(label.lower().replace(",", "").split()).split()
        numbers = [w for w in words if w.isdigit() or w in _NUMBER_WORDS]
        if len(numbers) == 1 and thing_head(label) == head:
            counts.add(_NUMBER_WORDS.get(numbers[0], numbers[0]))
    return len(counts) > 1


def _title_case(label: str) -> bool:
    """Every word of ``label`` starts with a capital letter (a name as written, not a lemmatised noun phrase).

    >>> _title_case("Dr. Helen Ashby"), _title_case("dr. Helen ashby"), _title_case("the Tellish navy")
    (True, False, False)
    """
    words = label.split()
    return bool(words) and all(w[:1].isupper() for w in words)


@_label_cached
def _weekdays(label: str) -> frozenset[str]:
    """The weekday a time expression names, if it is only a time expression ("early Sunday", "1:45 p.m. Sunday").

    >>> _weekdays("Sunday, February 1, 2009"), _weekdays("Tellport Harriers Sunday"), _weekdays("next year")
    (frozenset({'sunday'}), frozenset(), frozenset())
    """
    words = tokens(label)
    if not words or not all(w in _TIME_WORDS or w in _WEEKDAYS or w.isdigit() for w in words):
        return _NONE
    return frozenset(w for w in words if w in _WEEKDAYS)

_CALENDAR_IRI = re.compile(r"/(\d{4})-(\d{2})-(\d{2})$")


def _calendar_day(iri: str) -> date | None:
    """The calendar day an entity IRI names, when a time's key was its normalised date ("…/2009-02-22").

    >>> _calendar_day("https://w3id.org/claimgraph/id/entity/2011-11-10"), _calendar_day("e:friday-1a2b3c4d")
    (datetime.date(2011, 11, 10), None)
    """
    found = _CALENDAR_IRI.search(iri)
    if found is None:
        return None
    try:
        return date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:
        return None


def _days_of(rec: EntityRecord) -> frozenset[date]:
    """The calendar day a time entity is (its IRI is the normalised date, :func:`_calendar_day`), as a set for
    the cluster tables of :class:`_UnionFind`; empty for every other entity.

    Why: the articles that give a date share one IRI for it, so two day IRIs are two days the text told apart
    ("Monday, Nov. 30" and "Monday, Dec. 7"). The rules that gather times by a word ("Monday", "morning",
    "today", a clock time) must not make them one: each "Monday" joins one of them, never both.

    >>> _days_of(EntityRecord("e:entity/2009-11-30", ("Monday",), frozenset({"Thing"})))
    frozenset({datetime.date(2009, 11, 30)})
    >>> _days_of(EntityRecord("e:monday-1a2b3c4d", ("Monday",), frozenset({"Thing"})))
    frozenset()
    """
    day = _calendar_day(rec.iri) if rec.kind == "thing" else None
    if day is None or all(_deictic(label) for label in rec.labels):
        return _NO_DAYS
    return frozenset({day})


_NO_DAYS: frozenset[date] = frozenset()


#: Words that tie a part of the day to its date ("the night of Sept. 13"): allowed in a yearless date's label.
_DATE_OF_WORDS = frozenset({"the", "of"})


def _month_day(label: str) -> tuple[int, int] | None:
    """Month and day of a date written without its year ("on Feb. 22", "around 1:30 a.m. March 3").

    "The night of Feb. 22" names that day as well: a dated article's "Friday night" and an article's
    "night of Feb. 22" (dated only to the month, so its date kept no year) are one day.

    >>> _month_day("on Feb. 22"), _month_day("22 February"), _month_day("February 2009"), _month_day("Friday")
    ((2, 22), (2, 22), None, None)
    >>> _month_day("the night of Feb. 22"), _month_day("the end of Feb. 22")
    ((2, 22), None)
    """
    words = tokens(label)
    allowed = _TIME_WORDS | _DATE_OF_WORDS
    if not words or not all(w in allowed or w in _WEEKDAYS or w.isdigit() for w in words):
        return None
    months = [i for i, w in enumerate(words) if w in _MONTH_NUMBERS]
    if len(months) != 1:
        return None
    i = months[0]
    if any(w.isdigit() and len(w) == 4 for w in words):
        return None  # a year is written: the date is normalised already, or is a month ("February 2009")
    for j in (i + 1, i - 1):
        if 0 <= j < len(words) and words[j].isdigit() and len(words[j]) <= 2 and 1 <= int(words[j]) <= 31:
            return _MONTH_NUMBERS[words[i]], int(words[j])
    return None


_DEICTIC_WORDS = frozenset({"today", "yesterday", "tonight"})
_PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})


@_label_cached
def _deictic(label: str) -> bool:
    """A time expression that names a day only by the day it is written ("yesterday", "early today", "last night").

    >>> _deictic("early yesterday"), _deictic("this morning"), _deictic("last night"), _deictic("Friday night")
    (True, True, True, False)
    >>> _deictic("yesterday's meeting"), _deictic("last week")
    (False, False)
    """
    words = tokens(label)
    if not words or not all(w in _TIME_WORDS or w in _DEICTIC_WORDS for w in words) or _WEEKDAYS & set(words):
        return False
    if _DEICTIC_WORDS & set(words):
        return True
    return len(words) >= 2 and words[-2] in {"this", "last"} and words[-1] in _PARTS_OF_DAY


#: "that day", "the same night", "earlier in the day", "later that morning": a day named by the day the text
#: tells of (:func:`_day_anaphor`).
_DAY_ANAPHOR = re.compile(r"^(?:(?:early|earlier|late|later) )?(?:that|same|that same) (?:day|night|morning|afternoon|"
                          r"evening)$|^(?:earlier|later) in (?:the )?day$")


def _day_anaphor(label: str) -> bool:
    """A time expression that names the day a text tells of by pointing back to it ("that night", "earlier in
    the day", "later that day", "the same day").

    Why: rule 9 (:func:`_deictic_event_days`) joins "yesterday" of an article that names no other day to its
    story's event day; a day named by pointing back is that day all the more (it is the day being told, not
    the day of writing): "the man is thought to have fallen earlier in the day" in a report that gives no
    weekday, "he expected to die that night" of a climber whose fall the story dates to Thursday. A day counted
    from it ("a day earlier", "the next day") is another day, and is no such expression.

    >>> [_day_anaphor(x) for x in ("earlier in the day", "that night", "later that day", "the same day")]
    [True, True, True, True]
    >>> [_day_anaphor(x) for x in ("day earlier", "next day", "that week", "day", "yesterday")]
    [False, False, False, False, False]
    """
    return bool(_DAY_ANAPHOR.match(" ".join(tokens(label))))


def _told_by_writing_day(labels: Sequence[str]) -> bool:
    """Do a time expression's labels name its day only by the day of writing or of the telling ("yesterday",
    "that night"), however many of them the article wrote: "this evening" and a later "the evening" of one
    article are one expression of the day, which rule 9 reads as the deictic one.

    Why: an article's record holds every label it gave the time; requiring each of them to be deictic left out
    the expression as soon as the article also wrote it bare ("the evening"), though nothing else dates it.

    >>> _told_by_writing_day(("evening", "this evening")), _told_by_writing_day(("yesterday",))
    (True, True)
    >>> _told_by_writing_day(("evening",)), _told_by_writing_day(("Friday", "yesterday"))
    (False, False)
    >>> _told_by_writing_day(("yesterday", "two hours"))
    False
    """
    told = [_deictic(lb) or _day_anaphor(lb) for lb in labels]
    if not any(told):
        return False
    # (the others: a part of the day written bare, "the evening", "morning"; never another day or a span)
    return all(t or (set(tokens(lb)) <= _PARTS_OF_DAY | {"the"} and tokens(lb)) for t, lb in zip(told, labels))


def _weekdays_named(records: Sequence[EntityRecord]) -> dict[str, set[str]]:
    """Document -> the weekdays its time expressions name ("Friday night", "on Saturday").

    A calendar day is one entity for every document that gives it, and its labels are pooled: one report's
    "Tuesday" and another's "about 10am today" (the day its date made of "today"). What a document names is
    what it wrote (``written``), so the second names no weekday: its "this morning" may still be its story's
    event day (rule 9), as in a report dated the day after the event it tells of.

    >>> _weekdays_named([EntityRecord("e:f", ("Friday night",), frozenset({"Thing"}), frozenset("ab"))])
    {'a': {'friday'}, 'b': {'friday'}}
    >>> _weekdays_named([EntityRecord("e:2025-06-03", ("Tuesday", "today"), frozenset({"Thing"}), frozenset("ab"),
    ...                               written=frozenset({("a", "Tuesday"), ("b", "today")}))])
    {'a': {'tuesday'}, 'b': set()}
    """
    named: dict[str, set[str]] = defaultdict(set)
    for r in records:
        if r.kind != "thing" or not r.documents:
            continue
        weekdays = {day for label in r.labels for day in _weekdays(label)}
        for d in sorted(r.documents):
            named[d] |= weekdays if not r.written else {day for doc, label in r.written if doc == d
                                                        for day in _weekdays(label)}
    return dict(named)


def _event_days(records: Sequence[EntityRecord], groups: dict[str, int]) -> dict[int, str]:
    """Story -> its event day: the weekday named in :data:`DEICTIC_RATIO` times as many of its articles as any other.

    >>> rec = lambda key, label, docs: EntityRecord(f"e:{key}", (label,), frozenset({"Thing"}), frozenset(docs))
    >>> _event_days([rec("f", "Friday", "ab"), rec("s", "Saturday", "c")], dict.fromkeys("abc", 0))
    {0: 'friday'}
    >>> _event_days([rec("f", "Friday", "ab"), rec("s", "Saturday night", "cd")], dict.fromkeys("abcd", 0))
    {}
    """
    story_days: dict[int, Counter[str]] = defaultdict(Counter)
    for d, weekdays in _weekdays_named(records).items():
        for day in weekdays:
            story_days[groups[d]][day] += 1
    event: dict[int, str] = {}
    for story, counts in story_days.items():
        ranked = counts.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] >= DEICTIC_RATIO * ranked[1][1]):
            event[story] = ranked[0][0]
    return event


def _deictic_days(found: dict[str, tuple[str, str]], uf: _UnionFind) -> None:
    """ "Yesterday" in an article that names no day of its own, or only its story's event day, joins that day.
    ``found``: those expressions and their days (:func:`_deictic_event_days`, read once per resolve: the head
    rule asks it first).

    An article that says when things happened only by "yesterday" or "this morning" reports the
    day the other articles of its story name by its weekday; the story's event day is the weekday
    named in :data:`DEICTIC_RATIO` times as many of its articles as any other weekday. An article
    that names that weekday too ("on Thursday ... yesterday") tells the event, and its "yesterday"
    is the same day more often than the day after; one that names it beside another weekday is left
    alone, one that names only other weekdays names them for other happenings (:func:`_deictic_names_event`).
    A calendar date an article gives without a weekday ("on March 11, 2005", the crime a sentencing
    recalls) does not say when it was written, so it does not hold its "today" back; a "yesterday"
    that its article's own date (dct:issued) made a calendar day joins only if that day is on the
    event weekday.
    """
    # (the days most of them join first: "today" of several articles gathered by rule 6 meets the day of the
    #  most, when two days of a story would take it; see _days_of)
    count = Counter(target for _, target in found.values())
    for iri, (day, target) in sorted(found.items(), key=lambda item: -count[item[1][1]]):
        own = _day_parts(label for label in uf.records[iri].labels if _deictic(label))  # ("that night": the day told)
        told = _day_parts(label for m in uf.members[uf.find(target)] for label in uf.records[m].labels)
        if own and told and own.isdisjoint(told):
            continue  # "this morning" of a report on what happened "at 9:40 p.m. Friday" is the morning after
        uf.union(iri, target, f"deictic:{day}", force=True)


#: The hour a time of day writes, with "a" or "p" ("9:40 p.m.", "10am", "11:30 PM").
_HOUR_WRITTEN = re.compile(r"\b(\d{1,2})(?:[:.]\d\d)?\s*([ap])\.?\s?m\b", re.IGNORECASE)


def _day_parts(labels: Iterable[str]) -> frozenset[str]:
    """The parts of a day ("morning", "afternoon", "night") that time expressions ``labels`` place things in,
    by their words ("this morning", "Friday evening", "last night", "tonight") or their hours ("9:40 p.m."); the
    small hours (midnight to 4 a.m., "early this morning") are both night and morning (a fire at 1 a.m.).

    Why: a report calls the day it tells of "this morning" only when what it tells happened in its morning; a
    "this morning" in the story of an event at 9:40 p.m. is the morning after (the news of the day after).

    >>> sorted(_day_parts(["about 9:40 p.m. Friday"])), sorted(_day_parts(["this morning"]))
    (['night'], ['morning'])
    >>> sorted(_day_parts(["early this morning"])), sorted(_day_parts(["around 10:24 a.m. Friday"]))
    (['morning', 'night'], ['morning'])
    >>> sorted(_day_parts(["Friday", "at 1:30 a.m."])), sorted(_day_parts(["today", "Friday"]))
    (['morning', 'night'], [])
    """
    parts: set[str] = set()
    for label in labels:
        words = set(tokens(label))
        parts |= {"morning"} & words
        if {"early", "morning"} <= words:
            parts.add("night")  # (the small hours, after a night's events)
        parts |= {"afternoon"} & words
        if words & {"evening", "night", "tonight", "overnight"}:
            parts.add("night")
        for hour, half in _HOUR_WRITTEN.findall(label):
            h = int(hour) % 12 + (12 if half.lower() == "p" else 0)
            parts |= {"night", "morning"} if h < 5 else {"morning"} if h < 12 else {"afternoon"} if h < 18 else {"night"}
    return frozenset(parts)


def _deictic_names_event(named: set[str], event: str) -> bool:
    """May "yesterday" / "today" of an article naming the weekdays ``named`` be its story's event day ``event``?

    Yes when the article names no weekday, or only the event's. Yes too when it names only other weekdays,
    none of them the day after the event: an article of the story that never names the day the others give
    its event tells that event by its "today" (it is why it is in the story) and names the other days for
    other happenings, a game last Tuesday, a broadcast "on Sunday, February 22, 2009", the announcement the
    day before. Not when it names the event's weekday and another: then it dates the event by its weekday,
    and its "yesterday" may be the other day (an arrest "early yesterday" in a report on Sunday's game). Nor
    when it names the day after the event (a hearing on Tuesday of a Monday's crime): it is written on that
    day or later, so its "yesterday" is that day or a later one.

    >>> _deictic_names_event(set(), "friday"), _deictic_names_event({"friday"}, "friday")
    (True, True)
    >>> _deictic_names_event({"sunday"}, "friday"), _deictic_names_event({"thursday"}, "friday")
    (True, True)
    >>> _deictic_names_event({"friday", "sunday"}, "friday"), _deictic_names_event({"saturday"}, "friday")
    (False, False)
    """
    after = _WEEKDAY_NAMES[(_WEEKDAY_NAMES.index(event) + 1) % 7]
    return not named or named == {event} or not {event, after} & named


def _deictic_event_days(records: Sequence[EntityRecord], groups: dict[str, int]) -> dict[str, tuple[str, str]]:
    """Each "yesterday" / "this morning" that rule 9 reads as its story's event day -> (that weekday, the first
    expression of the story naming that weekday alone, which it joins).

    The conditions of :func:`_deictic_days`: an expression of one article that names a day only by the day
    it is written, in a story with an event day (:func:`_event_days`), in an article naming that weekday
    alone or not at all (:func:`_deictic_names_event`), and not dated by its article's own date to another
    weekday. (Kept apart from the joins so the head rule can ask which day such an expression names before
    rule 9 runs: :func:`_time_stated`.)

    >>> rec = lambda key, label, doc: EntityRecord(f"e:{key}", (label,), frozenset({"Thing"}), frozenset({doc}))
    >>> recs = [rec("t", "Thursday", "a"), rec("u", "Thursday", "d"), rec("m", "this morning", "b"),
    ...         rec("y", "yesterday", "c"), rec("s", "Saturday", "c"), rec("v", "Thursday", "e"),
    ...         rec("x", "today", "e"), rec("w", "Sunday", "e")]
    >>> _deictic_event_days(recs, dict.fromkeys("abcde", 0))
    {'e:m': ('thursday', 'e:t'), 'e:y': ('thursday', 'e:t')}
    """
    named = _weekdays_named(records)
    weekday_of: dict[tuple[int, str], list[str]] = defaultdict(list)
    for r in records:
        weekdays = {day for label in r.labels for day in _weekdays(label)} if r.kind == "thing" else set()
        if len(weekdays) == 1:
            for d in r.documents:
                weekday_of[(groups[d], next(iter(weekdays)))].append(r.iri)
    event = _event_days(records, groups)
    found: dict[str, tuple[str, str]] = {}
    for r in records:
        if r.kind != "thing" or len(r.documents) != 1 or not r.labels or \
                not _told_by_writing_day(r.labels):  # ("that night" too)
            continue
        doc = next(iter(r.documents))
        if groups.get(doc) not in event:
            continue
        day = event[groups[doc]]
        if not _deictic_names_event(named.get(doc, set()), day):
            continue  # (beside the event's weekday and another: its "yesterday" may be either, or a day after)
        if _weekday_of(r.iri) not in (None, day):
            continue  # (dated by its article's date: "yesterday" of a report written on another day)
        days = weekday_of.get((groups[doc], day))
        if days:  # (a day named only beside another, "Monday, Tuesday", has no one-day expression to join)
            found[r.iri] = (day, days[0])
    return found


def _named_kind(rec: EntityRecord) -> bool:
    """An organisation, event or work: by its kind, or an entity some document typed an organisation though
    another typed it a person (a team's one-word name opening a sentence, "Harriers beat ..."), which the
    one-word name rule of rule 7 reads as the organisation it is.

    >>> team = EntityRecord("e:h", ("Harriers",), frozenset({"Person", "Organization"}))
    >>> _named_kind(team), _named_kind(EntityRecord("e:p", ("Vale",), frozenset({"Person"})))
    (True, False)
    """
    return rec.kind == "named" or (rec.kind == "person" and "Organization" in rec.types)


_CLOCK_MARKS = frozenset({"am", "pm", "a", "p"})


@_label_cached
def _clock_time(label: str) -> bool:
    """A time of day written with no day ("about 7 p.m.", "at 2:30 a.m."): an hour, then a.m. or p.m.

    >>> _clock_time("at about 2:30 a.m."), _clock_time("around 7 p. m"), _clock_time("7 p.m. Friday")
    (True, True, False)
    >>> _clock_time("2:30"), _clock_time("10:20 AM EDT"), _clock_time("p. m."), _clock_time("March 3")
    (False, False, False, False)
    """
    words = tokens(label)
    if not words or not all(w in _TIME_WORDS or w.isdigit() for w in words):
        return False
    if _WEEKDAYS & set(words) or _DEICTIC_WORDS & set(words) or any(w in _MONTH_NUMBERS for w in words):
        return False
    digits = [i for i, w in enumerate(words) if w.isdigit()]
    if not digits or len(words[digits[0]]) > 2 or int(words[digits[0]]) > 24:  # (int() of 5000 digits raises)
        return False
    return digits[-1] + 1 < len(words) and words[digits[-1] + 1] in _CLOCK_MARKS


def _names_a_day(rec: EntityRecord) -> bool:
    """A time expression of one day: a weekday, a calendar date, or "yesterday" / "this morning"."""
    if _calendar_day(rec.iri) is not None:
        return True
    if len({day for label in rec.labels for day in _weekdays(label)}) == 1:
        return True
    return bool(rec.labels) and all(_deictic(label) for label in rec.labels)


def _clock_times(records: Sequence[EntityRecord], groups: dict[str, int], uf: _UnionFind) -> None:
    """A time of day an article gives with no day ("at about 7 p.m.") joins the day of its event.

    News dates an event once by its day ("Friday night") and once by its hour ("at about 7 p.m."): both
    say when the one event of the report happened. The day is the one the article names, or, of the days
    it names, the one on its story's event weekday (:func:`_event_days`). A time of day already joined to
    a day, or to the hour of an article whose event falls on another day, stays as it is. A day takes one
    hour: where its articles give several ("the fire started at 7 p.m." and "was out by 11:30 p.m."), joining
    each to the day would make them one time, so only the hour given most often (by more times of day than any
    other, :func:`_clock_value`) joins it, and the others stay apart. (A time of day that an earlier rule
    already made one with another hour counts as that set of hours: joining it makes no two hours one.)
    """
    by_iri = {r.iri: r for r in records}
    event = _event_days(records, groups)
    days: dict[str, set[str]] = defaultdict(set)  # document -> the clusters of the days it names
    for r in records:
        if r.kind == "thing" and r.documents and _names_a_day(r):
            for d in r.documents:
                days[d].add(uf.find(r.iri))
    planned: dict[str, set[str]] = defaultdict(set)  # cluster of a time of day -> the day clusters it would join
    clocks: dict[str, list[str]] = defaultdict(list)
    for r in records:
        if r.kind != "thing" or len(r.documents) != 1 or not any(_clock_time(lb) for lb in r.labels):
            continue
        doc = next(iter(r.documents))
        root = uf.find(r.iri)
        clocks[root].append(r.iri)
        found = days.get(doc, set())
        if len(found) > 1 and groups.get(doc) in event:
            weekday = event[groups[doc]]
            found = {c for c in found if any(weekday in _weekdays(label) or _weekday_of(m) == weekday
                                             for m in uf.members[c] for label in by_iri[m].labels)}
        planned[root] |= found if len(found) == 1 else {""}  # (no one day: the cluster's hour stays open)
    # (a cluster's hours: one, or several an earlier rule already made one time; joining it to a day makes
    #  no hours one that were apart, but two clusters of different hours joining one day would)
    joining: list[tuple[str, str, frozenset]] = []  # (time of day's cluster, day cluster, its hours)
    given: dict[str, Counter[frozenset]] = defaultdict(Counter)  # day cluster -> hours -> times of day
    for root in sorted(planned):
        targets = planned[root]
        if any(_names_a_day(by_iri[m]) for m in uf.members[root]):
            continue
        hours = frozenset(_clock_value(label) for m in uf.members[root] for label in by_iri[m].labels) - {None}
        if len(targets) == 1 and "" not in targets and hours:
            target = next(iter(targets))
            joining.append((root, target, hours))
            given[target][hours] += len(clocks[root])
    for root, target, hours in joining:
        ranked = given[target].most_common(2)
        if ranked[0][0] == hours and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            uf.union(clocks[root][0], target, "time-of-day", force=True)


def _deictic_by_hour(records: Sequence[EntityRecord], uf: _UnionFind) -> None:
    """ "Yesterday" of an article that gives the hour of its event joins the weekday another article of the story
    names beside the same hour ("arrested early yesterday ... shortly after 2 a.m." / "arrested Tuesday ...
    shortly after 2 a.m.").

    Why: rule 9 reads "yesterday" as its story's event day, and finds none where a story holds two events of one
    kind (two arrests of one player, on a Sunday and a Tuesday: both weekdays are named by many articles). The
    hour tells which: the head rule has gathered the story's times of day of one hour (two different hours never
    meet, :func:`_other_time`), and when each article of such a gathering names one day only, one of them a
    written day (a weekday or a date) and the others a day named only by the writing day ("yesterday", "this
    morning"), those reports give one event one time: the deictic days join the written one. Nothing joins
    where an article names two days, where two written days are met, or where the hours differ.
    """
    stated = {r.iri: when for r in records if (when := _time_stated(r, {})) != _NO_TIME}  # (days written only)
    days: dict[str, set[str]] = defaultdict(set)  # document -> the clusters of the days it names
    for r in records:
        if r.kind == "thing" and r.documents and _names_a_day(r):
            for d in r.documents:
                days[d].add(uf.find(r.iri))
    clocks: dict[str, set[str]] = defaultdict(set)  # cluster of times of day -> their documents
    hours: dict[str, set[tuple[int, str]]] = defaultdict(set)
    for r in records:
        if r.kind == "thing" and len(r.documents) == 1 and any(_clock_time(lb) for lb in r.labels):
            root = uf.find(r.iri)
            clocks[root] |= r.documents
            hours[root] |= {(v[0], v[2]) for v in map(_clock_value, r.labels) if v is not None}
    for root in sorted(clocks):
        docs = clocks[root]
        if len(hours[root]) != 1 or any(len(days.get(d, ())) != 1 for d in docs):
            continue
        targets = {next(iter(days[d])) for d in docs}
        written = sorted(t for t in targets if _stated_when(uf, t, stated, {})[0])
        if len(written) != 1 or len(targets) < 2:
            continue
        for target in sorted(targets - set(written)):
            uf.union(target, written[0], "deictic-by-hour", force=True)


@_label_cached
def _clock_value(label: str) -> tuple[int, int, str] | None:
    """The hour, minute and "a" or "p" of a time of day written with no day; None for any other label.

    >>> _clock_value("at about 7 p.m."), _clock_value("around 7:00 p. m"), _clock_value("11:30 PM")
    ((7, 0, 'p'), (7, 0, 'p'), (11, 30, 'p'))
    >>> _clock_value("Friday") is None
    True
    """
    if not _clock_time(label):
        return None
    words = tokens(label)
    digits = [i for i, w in enumerate(words) if w.isdigit()]
    minute = int(words[digits[1]]) if len(digits) > 1 else 0
    return int(words[digits[0]]), minute, words[digits[-1] + 1][0]


def _weekday_of(iri: str) -> str | None:
    """The weekday of the calendar day an entity IRI names, if it names one."""
    when = _calendar_day(iri)
    return None if when is None else _WEEKDAY_NAMES[when.weekday()]


def name_head(words: Sequence[str]) -> str:
    """The head noun of a multi-word name: the word before "of", else the last ("Gulf of Tarsen" -> gulf).

    >>> name_head(("gulf", "of", "tarsen")), name_head(("tellish", "navy")), name_head(("tellport", "88ers"))
    ('gulf', 'navy', '88er')
    >>> name_head(("us", "surgeon", "general"))
    'surgeon general'
    """
    if "of" in words[1:]:
        return _singular(words[words.index("of") - 1])
    if len(words) >= 2 and words[-1] in _POSTPOSITIVE:
        return f"{_singular(words[-2])} {words[-1]}"
    return _singular(words[-1])


def _dominant(uf: _UnionFind, described: Iterable[tuple[str, str]], *, exclude: str) -> list[str]:
    """The clusters of the people a story describes so (``(iri, document)`` pairs): all of them, or only
    the one described so in at least :data:`DOMINANT_RATIO` times as many documents as any other (the
    story's "host" is the person most of its articles call the host; a former host is named once)."""
    docs: dict[str, set[str]] = defaultdict(set)
    first: dict[str, str] = {}
    own = uf.find(exclude)
    for iri, doc in described:
        root = uf.find(iri)
        if root != own:
            docs[root].add(doc)
            first[root] = min(first.get(root, iri), iri)
    if len(docs) < 2:
        return sorted(first.values())
    ranked = sorted(docs, key=lambda root: (-len(docs[root]), first[root]))
    top, second = len(docs[ranked[0]]), len(docs[ranked[1]])
    return [first[ranked[0]]] if top >= DOMINANT_RATIO * second else sorted(first.values())


def _most_shared(uf: _UnionFind, cands: Iterable[str], rec: EntityRecord, by_iri: dict[str, EntityRecord]
                 ) -> list[str]:
    """The one candidate cluster found in :data:`DOMINANT_RATIO` times as many of ``rec``'s documents as any
    other, and in two of them at least (a short name used across a story means the one its articles name
    most, not one named once; one article is too little to tell), else none.

    >>> recs = {i: EntityRecord(i, (i,), frozenset({"Organization"}), frozenset(d)) for i, d in
    ...         [("navy", "abcd"), ("indian navy", "abcd"), ("us navy", "a"), ("royal navy", "")]}
    >>> uf = _UnionFind(list(recs.values()))
    >>> _most_shared(uf, ["indian navy", "us navy", "royal navy"], recs["navy"], recs)
    ['indian navy']
    """
    docs: dict[str, int] = defaultdict(int)
    first: dict[str, str] = {}
    own = uf.find(rec.iri)
    for iri in sorted(set(cands)):
        root = uf.find(iri)
        if root == own:
            continue
        first.setdefault(root, iri)
        shared = {d for m in uf.members[root] for d in by_iri[m].documents} & rec.documents
        docs[root] = len(shared)
    ranked = sorted(docs, key=lambda root: (-docs[root], first[root]))
    if not ranked or docs[ranked[0]] < 2:
        return []
    if len(ranked) > 1 and docs[ranked[0]] < DOMINANT_RATIO * docs[ranked[1]]:
        return []
    return [first[ranked[0]]]


def _distinct_clusters(uf: _UnionFind, iris: Iterable[str], *, exclude: str) -> list[str]:
    roots: dict[str, str] = {}
    own = uf.find(exclude)
    for iri in iris:
        root = uf.find(iri)
        if root != own:
            roots.setdefault(root, iri)
    return sorted(roots.values())


def _apply_aliases(uf: _UnionFind, records, forms: dict[str, AbstractSet[str]], aliases: Sequence[AliasRule]
                   ) -> dict[str, set[str]]:
    """Install forbidden pairs, then forced merges; return entity IRI -> external IRIs.

    A rule's label matches an entity by a normalised preferred label or name form.
    """
    if not aliases:
        return {}
    by_label: dict[str, list[EntityRecord]] = defaultdict(list)
    for r in records:
        for label in {normalise(x) for x in r.prefs} | forms.get(r.iri, set()):
            by_label[label].append(r)

    def matching(label: str, cls: str | None) -> list[str]:
        found = {r.iri for r in by_label.get(normalise(label), ()) if cls is None or cls in r.types}
        return sorted(found)

    for rule in aliases:
        if rule.forbid:
            for a in matching(rule.label, rule.type):
                for b in matching(rule.target, None):
                    if a != b:
                        uf.forbid(a, b)
    external: dict[str, set[str]] = defaultdict(set)
    by_external: dict[str, list[str]] = defaultdict(list)
    for rule in aliases:
        if rule.forbid:
            continue
        left = matching(rule.label, rule.type)
        if rule.is_iri:
            for iri in left:
                external[iri].add(rule.target)
                by_external[rule.target].append(iri)
            group = left
        else:
            group = left + matching(rule.target, rule.type)
        for other in group[1:]:
            uf.union(group[0], other, f"alias:{rule.source}:{rule.line}", force=True, user=True)
    for iris in by_external.values():
        for other in iris[1:]:
            uf.union(iris[0], other, "alias:external", force=True, user=True)
    return external


def story_groups(records: Sequence[EntityRecord], uf: _UnionFind | None = None, *,
                 mean: float = STORY_MEAN_SIMILARITY, words: float = 0.0) -> dict[str, int]:
    """Group documents that tell the same story: document IRI -> group number.

    Documents are compared by the IDF-weighted cosine similarity of their named entities
    (people, places, organisations, after the merges made so far). Two reports of one event
    share most of them; two events of one kind (two hit-and-runs in one city, two pirate
    captures by one navy) share the place and the organisations but not the people, the
    ships, the other parties, so a chain of single similar pairs is no proof of one story:
    groups are grown by **average linkage** (:func:`_average_link`: two groups join while the
    mean similarity of their documents reaches :data:`STORY_MEAN_SIMILARITY` and one pair of
    them reaches :data:`STORY_SIMILARITY`; ``mean`` overrides the first, so common nouns can
    ask for :data:`NOUN_STORY_MEAN_SIMILARITY`), then a document left alone joins the group of the
    document most like it, if that one reaches :data:`STORY_SIMILARITY`. Candidate pairs come
    from an inverted index over entities, skipping entities of more than
    :data:`STORY_MAX_DF` documents, so documents with nothing rare in common are never
    compared. Names that differ only by a product's generation number ("Zenix5", "Zenix7") count
    as one name (:func:`_story_key`): reports of one release or flaw write the product line, its
    current and its older versions in turn. With ``words`` above 0 the words of a document's
    common nouns (:func:`_content_features`) count too, each at that share of its IDF weight, but only
    between documents that share a name: two reports that share nothing but "the store" tell no story.

    Two five-report stories whose first reports both name one borough stay two stories:

    >>> story = lambda docs, *names: [EntityRecord(f"e:{n}", (n,), frozenset({"Person"}), frozenset(docs))
    ...                               for n in names]
    >>> recs = story("abcde", "Ann Lee", "Bo Fox") + story("vwxyz", "Cy Day", "Di Roe")
    >>> recs.append(EntityRecord("e:queens", ("Queens",), frozenset({"Place"}), frozenset("av")))
    >>> groups = story_groups(recs)
    >>> len({groups[d] for d in "abcde"}), len({groups[d] for d in "vwxyz"}), groups["a"] == groups["v"]
    (1, 1, False)
    """
    doc_entities: dict[str, set[str]] = defaultdict(set)
    all_docs: set[str] = set()
    keyed: dict[str, str] = {}  # a name's key -> the first cluster of that key
    for r in records:
        all_docs |= r.documents
        if r.kind != "thing" and not r.publisher:
            root = uf.find(r.iri) if uf is not None else r.iri
            root = keyed.setdefault(_story_key(r.prefs[0]), root) if r.prefs else root
            for d in r.documents:
                doc_entities[d].add(root)
    weight: dict[str, float] = {}
    if words > 0:
        for d, found in _content_features(records, uf).items():
            for f in found:
                if f.startswith("w:"):
                    doc_entities[d].add(f)
                    weight[f] = words
    n_docs = max(len(all_docs), 1)
    df = Counter(e for ents in doc_entities.values() for e in ents)
    idf = {e: math.log(1 + n_docs / c) * weight.get(e, 1.0) for e, c in df.items()}
    # documents are numbered in IRI order and a pair (a < b) is the one number a * n + b: the candidate
    # pairs grow with the square of a story's documents, and numbers cost a third of tuples of strings
    order = sorted(all_docs)
    index = {d: i for i, d in enumerate(order)}
    n = max(len(order), 1)
    postings: dict[str, list[int]] = defaultdict(list)
    for d in sorted(doc_entities):
        for e in doc_entities[d]:
            if df[e] <= STORY_MAX_DF:
                postings[e].append(index[d])
    norm = [0.0] * n
    for d, ents in doc_entities.items():
        norm[index[d]] = math.sqrt(sum(idf[e] ** 2 for e in ents))
    del doc_entities
    sims: dict[int, float] = defaultdict(float)
    # names make the candidate pairs; words (``weight``) then only add to pairs that share a name
    for words_now in (False, True):
        for e, docs in postings.items():
            if (e in weight) != words_now:
                continue
            for i, a in enumerate(docs):
                row = a * n
                for b in docs[i + 1 :]:
                    if not words_now or row + b in sims:
                        sims[row + b] += idf[e] ** 2
    del postings
    for pair, w in sims.items():  # shared weight -> cosine, in place
        sims[pair] = w / (norm[pair // n] * norm[pair % n])
    # a document the averages leave alone joins the group of the document most like it (found now, so
    # the pairs can go before the clustering makes its own tables)
    best: dict[int, tuple[float, int]] = {}
    for pair, w in sims.items():
        if w >= STORY_SIMILARITY:
            a, b = divmod(pair, n)
            for x, y in ((a, b), (b, a)):
                if x not in best or (w, y) > best[x]:
                    best[x] = (w, y)
    numbered = _average_link_ids(len(order), sims, mean, STORY_SIMILARITY)
    del sims
    groups = [{order[i] for i in g} for g in numbered]
    del numbered
    alone = {next(iter(g)) for g in groups if len(g) == 1}
    best = {order[x]: (w, order[y]) for x, (w, y) in best.items() if order[x] in alone}
    owner = {d: i for i, g in enumerate(groups) for d in g}
    parent = list(range(len(groups)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for x, (_, y) in sorted(best.items()):
        rx, ry = find(owner[x]), find(owner[y])
        parent[max(rx, ry)] = min(rx, ry)
    joined: dict[int, set[str]] = defaultdict(set)
    for i, g in enumerate(groups):
        joined[find(i)] |= g
    roots = sorted(min(g) for g in joined.values())
    number = {root: i for i, root in enumerate(roots)}
    return {d: number[min(g)] for g in joined.values() for d in g}


@_label_cached  # (pure; each of the five groupings of a resolve asks it of every name)
def _story_key(label: str) -> str:
    """The key under which :func:`story_groups` compares a name: its words in lower case, without a one-digit
    generation number glued to a word of two or more letters ("Zenix5" is "zenix"). Numbers written apart
    ("Route 52", "Flight 17") and longer ones ("MK12") name other things and stay.

    >>> _story_key("Zenix5"), _story_key("zenix"), _story_key("Route 52"), _story_key("G8"), _story_key("MK12")
    ('zenix', 'zenix', 'route 52', 'g8', 'mk12')
    """
    return re.sub(r"(?<=[a-z]{2})\d$", "", " ".join(re.findall(r"[a-z0-9]+", label.lower())))


def _content_features(records: Sequence[EntityRecord], uf: _UnionFind | None = None) -> dict[str, set[str]]:
    """Document IRI -> what it tells of: the words of its common nouns' labels (``w:``, singular, no function
    words) and its named entities (``e:``, their clusters so far); publishers are no part of a story.

    >>> recs = [EntityRecord("e:1", ("the burning banks",), frozenset({"Thing"}), frozenset({"a"})),
    ...         EntityRecord("e:2", ("Ann Lee",), frozenset({"Person"}), frozenset({"a"}))]
    >>> sorted(_content_features(recs)["a"])
    ['e:e:2', 'w:bank', 'w:burning']
    """
    features: dict[str, set[str]] = defaultdict(set)
    for r in records:
        if r.publisher:
            continue
        if r.kind == "thing":
            found = {"w:" + _singular(w) for w in re.findall(r"[a-z][a-z'-]+", r.prefs[0].lower()) if len(w) > 2
                     and w not in _HEAD_STOP and w not in _PRONOUN_LIKE and w not in FUNCTION_WORDS} if r.prefs else set()
        else:
            found = {"e:" + (uf.find(r.iri) if uf is not None else r.iri)}
        for d in r.documents:
            features[d] |= found
    return features


def _place_lone_documents(records: Sequence[EntityRecord], uf: _UnionFind | None,
                          groups: dict[str, int]) -> dict[str, int]:
    """``groups`` (:func:`story_groups`) with each document left alone in its own group moved to the story of
    several documents whose documents share, on average, the most of its words and names (IDF-weighted
    cosine of :func:`_content_features`), if that mean reaches :data:`LONE_STORY_MEAN_SIMILARITY`.

    Why: stories are grown by shared names, and a short report of a story may name little of what the others
    name ("three bank workers died in a petrol bomb attack in Greece") while it tells of the same things: the
    bank workers, the petrol bomb, the austerity strike. Alone in its story its common nouns meet no other
    article's. Its words (with what names it has) find the story; only the mean over a story's articles
    counts, so one article that shares its words does not pull it into another event of the same kind.

    >>> recs = [EntityRecord(f"e:{i}", (label,), frozenset({"Thing"}), frozenset(docs)) for i, (label, docs) in
    ...         enumerate([("petrol bomb", "abc"), ("bank worker", "abc"), ("general strike", "ab"),
    ...                    ("river flood", "xy"), ("rescue boat", "xy")])]
    >>> _place_lone_documents(recs, None, {"a": 0, "b": 0, "c": 1, "x": 2, "y": 2})["c"]
    0
    """
    members: dict[int, set[str]] = defaultdict(set)
    for d, g in groups.items():
        members[g].add(d)
    lone = sorted(d for d, g in groups.items() if len(members[g]) == 1)
    stories = {g: docs for g, docs in members.items() if len(docs) > 1}
    if not lone or not stories:
        return groups
    features = _content_features(records, uf)
    df = Counter(f for found in features.values() for f in found)
    idf = {f: math.log(1 + len(groups) / c) for f, c in df.items()}
    norm = {d: math.sqrt(sum(idf[f] ** 2 for f in found)) for d, found in features.items()}

    def similarity(a: str, b: str) -> float:
        if not norm.get(a) or not norm.get(b):
            return 0.0
        return sum(idf[f] ** 2 for f in features[a] & features[b]) / (norm[a] * norm[b])

    placed = dict(groups)
    for d in lone:
        best = max((sum(similarity(d, o) for o in docs) / len(docs), -g) for g, docs in stories.items())
        if best[0] >= LONE_STORY_MEAN_SIMILARITY:
            placed[d] = -best[1]
    return placed


def _average_link(docs: Iterable[str], sims: dict[tuple[str, str], float], mean: float,
                  edge: float) -> list[set[str]]:
    """Agglomerative clustering over the candidate pairs ``sims``: the two groups with the highest
    mean similarity of their documents (pairs never compared count 0) join, while that mean reaches
    ``mean`` and one pair of their documents reaches ``edge``.

    Only groups with a compared pair are ever looked at, so the cost follows the candidate pairs.
    (:func:`_average_link_ids` does the work, over document numbers.)

    >>> sims = {("a", "b"): 0.5, ("c", "d"): 0.5, ("b", "c"): 0.2}
    >>> sorted(sorted(g) for g in _average_link("abcd", sims, 0.1, 0.1))
    [['a', 'b'], ['c', 'd']]
    >>> sorted(sorted(g) for g in _average_link("abcd", sims, 0.04, 0.1))
    [['a', 'b', 'c', 'd']]
    """
    order = sorted(set(docs) | {d for pair in sims for d in pair})
    index = {d: i for i, d in enumerate(order)}
    n = max(len(order), 1)
    numbered = {}
    for (a, b), w in sims.items():
        i, j = sorted((index[a], index[b]))
        numbered[i * n + j] = w
    return [{order[i] for i in g} for g in _average_link_ids(len(order), numbered, mean, edge)]


def _average_link_ids(count: int, sims: dict[int, float], mean: float, edge: float) -> list[set[int]]:
    """:func:`_average_link` over documents ``0 .. count - 1``; ``sims`` maps a pair ``a < b`` to
    ``a * count + b``. It is emptied as the tables are built (the caller's pairs are not kept twice)."""
    n = max(count, 1)
    members: dict[int, set[int]] = {d: {d} for d in range(count)}
    # group -> neighbour group -> (sum of pair similarities, best pair similarity)
    links: dict[int, dict[int, tuple[float, float]]] = defaultdict(dict)
    heap = []
    while sims:  # (the order pairs are taken in changes no sum: each pair is added once per merge)
        pair, w = sims.popitem()
        a, b = divmod(pair, n)
        links[a][b] = links[b][a] = (w, w)
        if w >= edge:
            heap.append((-w, a, b))
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in members or b not in members or b not in links[a]:
            continue
        total, top = links[a][b]
        value = total / (len(members[a]) * len(members[b]))
        if abs(value + neg) > 1e-12 or top < edge:
            continue  # stale: one of the groups has grown since
        if value < mean:
            break
        keep, gone = min(a, b), max(a, b)
        members[keep] |= members.pop(gone)
        for other, (w, t) in links.pop(gone).items():
            links[other].pop(gone, None)
            if other != keep:
                old_w, old_t = links[keep].get(other, (0.0, 0.0))
                links[keep][other] = links[other][keep] = (old_w + w, max(old_t, t))
        for other, (w, t) in links[keep].items():
            if t >= edge:
                heapq.heappush(heap, (-(w / (len(members[keep]) * len(members[other]))), min(keep, other),
                                      max(keep, other)))
    return list(members.values())


def _result(uf: _UnionFind, records: Sequence[EntityRecord], external: dict[str, set[str]]) -> EntityResolution:
    by_iri = uf.records  # (``records`` are the union-find's)
    clusters: dict[str, list[str]] = defaultdict(list)
    for r in records:
        clusters[uf.find(r.iri)].append(r.iri)
    canonical: dict[str, str] = {}
    out_clusters: dict[str, tuple[str, ...]] = {}
    for members in clusters.values():
        best = min(members, key=lambda i: _rank(by_iri[i]))
        out_clusters[best] = tuple(sorted(members))
        for m in members:
            canonical[m] = best
    demonyms = _demonyms(records, canonical)
    links = sorted({(canonical[e], x) for e, xs in external.items() for x in xs})
    reasons = {m: uf.reasons.get(m, "") for m in canonical if canonical[m] != m}
    return EntityResolution(canonical, out_clusters, demonyms, tuple(links), reasons)


def _rank(rec: EntityRecord) -> tuple:
    """Sort key of the canonical member: a named entity, most mentioned, longest name, then IRI."""
    label = rec.prefs[0] if rec.prefs else ""
    return (rec.kind == "thing", -rec.mentions, -len(rec.documents), -len(tokens(label)), rec.iri)


def _demonyms(records: Sequence[EntityRecord], canonical: dict[str, str]) -> tuple[tuple[str, str], ...]:
    places: dict[str, set[str]] = defaultdict(set)
    prefs = {r.iri: r.prefs for r in records}
    for r in records:
        if "Place" in r.types:
            for label in r.prefs:
                places[place_stem(label)].add(r.iri)
    links = set()
    for r in records:
        if r.kind not in {"named"} or "Place" in r.types:
            continue
        for label in r.prefs:
            own = normalise(label)
            for stem in demonym_stems(label):
                for place in places.get(stem, ()):
                    if not any(normalise(p) == own for p in prefs[place]) and \
                            canonical[place] != canonical[r.iri]:
                        links.add((canonical[r.iri], canonical[place]))
    return tuple(sorted(links))



def _join_kinds(records: Sequence[EntityRecord], uf: _UnionFind, groups: dict[str, int]) -> None:
    """Rule 13: a kind noun ("the vehicle", "the weapon", "the building") joins the one thing the articles of its
    group in ``groups`` (the closest articles, :data:`DEICTIC_STORY_MEAN_SIMILARITY`) call by a sub-kind of it ("a
    prison van", "a revolver", "the warehouse"; :func:`kg.lexicon.sub_kinds`), when no other thing there is of the
    kind and both are written in the singular.

    Why: a report names a thing by its sort and then, or the next report does, by its kind, and neither the head
    rule (6) nor the thesaurus joins them: a kind and its sub-kind are no near-synonyms, as a story may hold a gun
    and a knife, both weapons (joining any related heads lost: benchmarks/RESULTS.md, "WordNet for different
    heads"). Where the closest articles call one thing only by a noun of the kind, the kind noun has no other
    referent. The kind noun's cluster must be called by kind nouns alone (a cluster also called "car" is a car,
    not any vehicle); groups are left alone ("the boats" may be some of the skiffs); the narrowest kinds go first
    ("the gun" finds its revolver before "the weapon" counts the guns). It runs last, so the person rules read the
    things (their deeds' objects) as the earlier rules left them. Measured: the story of common nouns holds too
    many things of a kind for the rule to find one; one article alone joins its kind noun's cluster of other
    articles to the article's thing (benchmarks/RESULTS.md, hyp24).

    >>> thing = lambda iri, doc, label: EntityRecord(iri, (label,), frozenset({"Thing"}), frozenset({doc}))
    >>> recs = [thing("e:van", "d1", "prison van"), thing("e:veh", "d2", "vehicle"), thing("e:gun", "d1", "gun")]
    >>> uf = _UnionFind(recs)
    >>> _join_kinds(recs, uf, {"d1": 0, "d2": 0})
    >>> uf.find("e:veh") == uf.find("e:van"), uf.find("e:gun") == uf.find("e:van")
    (True, False)
    """
    heads: dict[tuple[int, str], set[str]] = defaultdict(set)  # (group, cluster root) -> its nouns' heads there
    numbers: dict[tuple[int, str], set[str]] = defaultdict(set)  # (group, cluster root) -> how they were written
    for r in records:
        if r.kind != "thing" or not r.prefs or not r.documents:
            continue
        head = thing_head(r.prefs[0]).lower()
        if not head or not _ends_with_head(r.prefs[0], head):
            continue  # ("the peak of the season": a complement may choose another sense)
        for group in {groups[d] for d in r.documents if d in groups}:
            heads[(group, uf.find(r.iri))].add(head)
            numbers[(group, uf.find(r.iri))].add(_written_number(r))
    in_group: dict[int, list[str]] = defaultdict(list)
    for group, root in heads:
        in_group[group].append(root)
    kinds = sorted((len(set().union(*map(sub_kinds, hs))), group, root) for (group, root), hs in heads.items()
                   if all(h in KIND_NOUNS for h in hs))
    for _, group, root in kinds:
        if uf.find(root) != root:
            continue
        own = heads[(group, root)]
        of_kind = set().union(*(sub_kinds(h) | {h} for h in own))
        narrower = set.intersection(*(set(sub_kinds(h)) for h in own))
        found = [other for other in in_group[group] if other != root and uf.find(other) == other
                 and heads[(group, other)] & of_kind]
        if len(found) != 1 or not heads[(group, found[0])] & narrower:
            continue
        if numbers[(group, root)] | numbers[(group, found[0])] != {"singular"}:
            continue
        if uf.union(root, found[0], f"kind:{min(own)}", strong_clash_only=True):
            new = uf.find(root)
            for key in ((group, root), (group, found[0])):
                hs, ns = heads.pop(key), numbers.pop(key)
                heads[(group, new)] |= hs
                numbers[(group, new)] |= ns
            in_group[group] = [x for x in in_group[group] if x not in (root, found[0])] + [new]
